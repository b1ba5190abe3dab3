"""``jiaokan import|search|tags|export`` end to end, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import Project
from jiaokan.cli import build_parser, main

from .conftest import SAMPLE_PAGES, SMALL_PAGE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_command_is_documented() -> None:
    parser = build_parser()
    text = parser.format_help()
    for command in ("import", "search", "tags", "export"):
        assert command in text
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in ("import", "search", "tags", "export"):
        assert sub.choices[name].description, f"jiaokan {name} has no description"
    tags = next(a for a in sub.choices["tags"]._actions if a.__class__.__name__ == "_SubParsersAction")
    helps = {c.dest: c.help for c in tags._choices_actions}
    for action in ("list", "add", "rename", "move", "merge", "delete", "color"):
        assert helps.get(action), f"jiaokan tags {action} is undocumented"


def test_import_search_and_summary(capsys, tmp_path: Path) -> None:
    proj = tmp_path / "p.jiaokan"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SMALL_PAGE.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.md").write_text("ignored")
    code, out, err = run(capsys, "import", folder, *SAMPLE_PAGES, "--project", proj)
    assert code == 1  # one file failed
    assert "imported 3, skipped 0" in out and "failed 1" in out
    assert "empty.txt: the file is empty" in out
    assert "1 files in folders did not match" in out
    assert "[1/4]" in err  # not a terminal: one plain line per file
    code, out, _ = run(capsys, "import", folder / "a.txt", "--project", proj)
    assert code == 0 and "skipped 1" in out
    code, out, err = run(capsys, "search", "職工服務", "--project", proj, "--limit", "2")
    assert code == 0 and out.count("\n") == 2 and "【职工服务】" in out and "--offset 2" in err
    code, out, _ = run(capsys, "search", "职工.{0,2}中心", "--regex", "--json", "-p", proj)
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(
        set(r) >= {"article_id", "source_name", "headline", "start", "left", "hit", "right"} for r in rows
    )


def test_errors_are_one_line_and_non_zero(capsys, tmp_path: Path) -> None:
    proj = tmp_path / "p.jiaokan"
    run(capsys, "import", SMALL_PAGE, "-p", proj)
    code, out, err = run(capsys, "search", "(", "--regex", "-p", proj)
    assert code == 1 and err.startswith("jiaokan: invalid regular expression") and "Traceback" not in err
    code, _, err = run(capsys, "search", "x", "-p", tmp_path / "missing.jiaokan")
    assert code == 2 and "no such project" in err
    assert not (tmp_path / "missing.jiaokan").exists()
    bad = tmp_path / "bad.jiaokan"
    bad.write_text("hello")
    code, _, err = run(capsys, "export", "-p", bad)
    assert code == 2 and "not an SQLite database" in err


def test_tags_commands(capsys, tmp_path: Path) -> None:
    proj = tmp_path / "p.jiaokan"
    Project.open(proj).close()
    assert run(capsys, "tags", "add", "主题", "--slot", "1", "--color", "#112233", "-p", proj)[0] == 0
    assert run(capsys, "tags", "add", "劳动", "--parent", "主题", "-p", proj)[0] == 0
    assert run(capsys, "tags", "add", "工资", "-p", proj)[0] == 0
    code, _, err = run(capsys, "tags", "add", "劳动", "--parent", "主题", "-p", proj)
    assert code == 1 and "already exists under '主题'" in err
    assert run(capsys, "tags", "rename", "工资", "薪酬", "-p", proj)[0] == 0
    assert run(capsys, "tags", "move", "薪酬", "--parent", "主题/劳动", "-p", proj)[0] == 0
    code, _, err = run(capsys, "tags", "move", "主题", "--parent", "主题/劳动/薪酬", "-p", proj)
    assert code == 1 and "inside itself" in err
    assert run(capsys, "tags", "color", "主题/劳动", "#abcdef", "-p", proj)[0] == 0
    code, out, _ = run(capsys, "tags", "list", "-p", proj)
    assert out.splitlines() == [
        "主题  (#1, key 1, #112233, 0 annotations)",
        "  劳动  (#2, #abcdef, 0 annotations)",
        "    薪酬  (#3, 0 annotations)",
    ]
    assert run(capsys, "tags", "add", "其他", "-p", proj)[0] == 0
    code, out, _ = run(capsys, "tags", "merge", "其他", "主题", "-p", proj)
    assert code == 0 and "merged 其他 into 主题" in out
    code, out, _ = run(capsys, "tags", "delete", "主题/劳动", "--dry-run", "-p", proj)
    assert "would delete 2 tags and 0 annotations" in out
    code, out, _ = run(capsys, "tags", "delete", "主题/劳动", "-p", proj)
    assert code == 0 and "deleted 2 tags" in out
    code, _, err = run(capsys, "tags", "rename", "nope", "x", "-p", proj)
    assert code == 1 and "no tag" in err


def test_export_jsonl(capsys, tmp_path: Path) -> None:
    proj = tmp_path / "p.jiaokan"
    with Project.open(proj, author="ed") as p:
        sid = p.import_file(SMALL_PAGE).source_id
        aid = p.article_ids(sid)[0]
        tag = p.add_tag("主题")
        sub = p.add_tag("子", parent_id=tag.id)
        p.annotate(aid, sub.id, 0, 4, note="n")
        p.correct(aid, 0, 1, "X", note="fix")
        p.add_note(aid, "article note")
        count = p.count_articles(sid)
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "export", "--format", "jsonl", "-p", proj, "-o", out_file)
    assert code == 0 and f"exported {count} articles" in err
    rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == count
    first = rows[0]
    assert first["text"].startswith("X") and first["text"] == "\n".join(b["text"] for b in first["blocks"])
    assert first["edits"][0]["op"] == "correct" and first["edits"][0]["note"] == "fix"
    assert first["edits"][0]["author"] == "ed"
    assert first["annotations"][0]["tag"] == "主题/子" and first["annotations"][0]["quote"] == first["text"][:4]
    assert first["notes"][0]["text"] == "article note"
    assert first["source"]["name"] == SMALL_PAGE.name and first["blocks"][0]["runs"]
    code, out, _ = run(capsys, "export", "-p", proj)
    assert [json.loads(line)["id"] for line in out.splitlines()] == [r["id"] for r in rows]
