"""``jiaokan export`` in every format, with filters, progress and clear failures; ``jiaokan report``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from db.exports import FORMATS
from jiaokan.cli import build_parser, main


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_new_commands_are_documented():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in ("export", "import-work", "codebook-import", "report", "conflicts"):
        assert sub.choices[name].description, name
    help_text = sub.choices["export"].format_help()
    for option in ("--format", "--source", "--tag", "--state", "-o"):
        assert option in help_text


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_export_every_format(name, capsys, work_project, tmp_path):
    out = FORMATS[name].default_path("out", tmp_path)
    code, _, err = run(capsys, "export", "--format", name, "-p", work_project, "-o", out)
    assert code == 0, err
    assert out.is_dir() if FORMATS[name].is_directory else out.stat().st_size > 0
    assert f"exporting {name}: 0%" in err and f"exporting {name}: 100%" in err  # progress (not a terminal)
    assert ("exported 5 tags" if name == "qdc" else "exported 3 articles (11 passages)") in err


def test_export_filters(capsys, work_project, tmp_path):
    out = tmp_path / "f.csv"
    code, _, err = run(capsys, "export", "-f", "csv", "-p", work_project, "-o", out, "--tag", "权益",
                       "--state", "proofread", "--source", "虚构日报-第1版.txt")
    assert code == 0, err
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["tag"] for r in rows} == {"权益", "权益/工资"} and len(rows) == 4
    code, out_text, err = run(capsys, "export", "-p", work_project, "--tag", "地点")  # jsonl to stdout, filtered
    records = [json.loads(line) for line in out_text.splitlines()]
    assert code == 0 and len(records) == 3 and "exported 3 articles" in err
    assert {a["tag"] for r in records for a in r["annotations"]} == {"地点"}


def test_export_failures(capsys, work_project, tmp_path):
    code, _, err = run(capsys, "export", "-f", "csv", "-p", work_project)
    assert code == 2 and "needs -o OUT" in err
    code, _, err = run(capsys, "export", "-f", "csv", "-p", work_project, "-o", tmp_path / "x.csv", "--tag", "无此标签")
    assert code == 1 and err.startswith("jiaokan: no tag '无此标签'") and "Traceback" not in err
    code, _, err = run(capsys, "export", "-f", "csv", "-p", work_project, "-o", tmp_path / "x.csv", "--source", "nope")
    assert code == 1 and "no source" in err
    code, _, err = run(capsys, "export", "-f", "tei", "-p", tmp_path / "missing.jiaokan", "-o", tmp_path / "x.xml")
    assert code == 2 and "no such project" in err
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, "export", "-f", "csv", "-p", work_project, "-o", blocker / "x.csv")
    assert code == 1 and "cannot write" in err
    assert not list(tmp_path.glob("*.csv"))
    with pytest.raises(SystemExit):
        main(["export", "-f", "docx", "-p", str(work_project), "-o", str(tmp_path / "x.docx")])
    capsys.readouterr()


def test_report_command(capsys, work_project, tmp_path):
    code, out, _ = run(capsys, "report", "-p", work_project)
    assert code == 0
    for title in ("Tag frequencies by source", "Tag co-occurrence", "Proofreading progress", "Cohen's kappa"):
        assert title in out
    code, out, _ = run(capsys, "report", "-p", work_project, "-k", "frequencies", "--by", "month", "-f", "csv")
    rows = list(csv.reader(out.splitlines()))
    assert code == 0 and rows[0] == ["tag", "2024-03", "total"] and rows[-1] == ["Σ", "11", "11"]
    code, _, err = run(capsys, "report", "-p", work_project, "-f", "csv")
    assert code == 2 and "--kind" in err
    target = tmp_path / "progress.csv"
    code, _, _ = run(capsys, "report", "-p", work_project, "-k", "progress", "-f", "csv", "-o", target)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("source,articles,unreviewed")
    code, _, err = run(capsys, "report", "-p", work_project, "-k", "agreement", "--coders", "甲", "乙")
    assert code == 0


def test_codebook_import_command(capsys, work_project, tmp_path):
    qdc = tmp_path / "book.qdc"
    assert run(capsys, "export", "-f", "qdc", "-p", work_project, "-o", qdc)[0] == 0
    code, out, _ = run(capsys, "codebook-import", qdc, "-p", tmp_path / "new.jiaokan", "--dry-run")
    assert code == 0 and "would create 5 tags" in out
    code, out, _ = run(capsys, "codebook-import", qdc, "-p", tmp_path / "new.jiaokan")
    assert code == 0 and "created 5 tags" in out
    bad = tmp_path / "bad.qdc"
    bad.write_text("<CodeBook/>", encoding="utf-8")
    code, _, err = run(capsys, "codebook-import", bad, "-p", tmp_path / "new.jiaokan")
    assert code == 1 and "not a valid REFI-QDA codebook" in err
    assert Path(tmp_path / "new.jiaokan").is_file()
