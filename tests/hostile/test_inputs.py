"""File names, queries, tag names and output paths a user can type or a folder can hold."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import assert_refused, file_state, jiaokan

#: Names that are not valid UTF-8 (Linux file systems allow any bytes but "/" and NUL).
BAD_NAMES = [b"page-\xff\xfe.txt", b"\xe7\xac\xac1\xe7.txt", b"lone-\xed\xa0\x80-surrogate.txt"]


def _page_variants(folder: Path, count: int) -> list[bytes]:
    """``count`` different page dumps (one invented page, a numbered line added to each)."""
    from tests.exports.workproject import PAGE_LF

    return [(PAGE_LF + f"\n第{k}条补充消息。\n").encode("utf-8") for k in range(count)]


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Good names and names that are not UTF-8, interleaved (sorted order puts bad ones between good ones)."""
    folder = tmp_path / "dumps"
    folder.mkdir()
    pages = _page_variants(folder, 8)
    names = [b"a-good.txt", BAD_NAMES[0], b"c-good.txt", BAD_NAMES[1], b"d-good.txt", BAD_NAMES[2],
             b"e-good.txt", b"z-good.txt"]
    for name, data in zip(names, pages, strict=True):
        with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
            fh.write(data)
    return folder


def test_names_that_are_not_utf8_do_not_stop_an_import(mixed_folder: Path, tmp_path: Path) -> None:
    project = tmp_path / "p.jiaokan"
    run = jiaokan("import", mixed_folder, "-p", project)
    assert "Traceback" not in run.err and run.code == 0, run.err
    assert "imported 8, skipped 0" in run.out and "failed 0" in run.out
    assert "page-\\xff\\xfe.txt" in run.err  # shown with escapes, losing no byte
    again = jiaokan("import", mixed_folder, "-p", project)
    assert again.code == 0 and "imported 0, skipped 8" in again.out, again.err  # the same name text each time
    listed = jiaokan("export", "-f", "csv", "-p", project, "-o", tmp_path / "out.csv")
    assert listed.code == 0 and "Traceback" not in listed.err, listed.err


def test_names_that_are_not_utf8_with_workers(mixed_folder: Path, tmp_path: Path) -> None:
    run = jiaokan("import", mixed_folder, "-p", tmp_path / "p.jiaokan", "--jobs", "2")
    assert "Traceback" not in run.err and run.code == 0, run.err
    assert "imported 8" in run.out


def test_a_missing_path_creates_no_project(tmp_path: Path) -> None:
    new = tmp_path / "new.jiaokan"
    assert_refused(jiaokan("import", tmp_path / "nonexistent", "-p", new), "no such file or folder")
    assert not new.exists()


def test_only_bad_files_create_no_project(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    new = tmp_path / "new.jiaokan"
    run = jiaokan("import", empty, "-p", new)
    assert run.code == 1 and "Traceback" not in run.err and "the file is empty" in run.out
    assert not new.exists() and not Path(f"{new}-wal").exists()


def test_a_project_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_bytes(_page_variants(tmp_path, 1)[0])
    assert_refused(jiaokan("import", page, "-p", tmp_path / "typo" / "p.jiaokan"), "does not exist")
    assert not (tmp_path / "typo").exists()


#: (case id, argv before -p, what the line must say)
REFUSED: list[tuple[str, list[str | bytes], str]] = [
    ("query-lone-surrogate", ["search", b"\xed\xa0\x80"], "not valid text"),
    ("query-not-utf8", ["search", b"ab\xffcd"], "not valid text"),
    ("regex-lone-surrogate", ["search", "--regex", b"a\xed\xb0\x80"], "not valid text"),
    ("query-empty", ["search", ""], "empty"),
    ("query-blank", ["search", "   "], ""),
    ("regex-unbalanced", ["search", "--regex", "(工资"], ""),
    ("regex-bad-escape", ["search", "--regex", "\\"], ""),
    ("query-too-long", ["search", "长" * 20000], "too long"),
    ("tag-name-not-utf8", ["tags", "add", b"\xff\xfe"], "not valid text"),
    ("tag-name-blank", ["tags", "add", "   "], ""),
    ("tag-name-slash", ["tags", "add", "/"], ""),
    ("tag-colour-bad", ["tags", "add", "新", "--colour", "red"], "colour"),
    ("tag-slot-bad", ["tags", "add", "新", "--slot", "42"], ""),
    ("tag-parent-missing", ["tags", "add", "新", "--parent", "没有这个"], ""),
    ("tag-rename-missing", ["tags", "rename", "没有这个", "新"], ""),
    ("tag-rename-not-utf8", ["tags", "rename", "地点", b"\xc3\x28"], "not valid text"),
    ("tag-merge-into-itself", ["tags", "merge", "地点", "地点"], ""),
    ("export-source-missing", ["export", "--source", "no-such-page.txt"], "no source"),
    ("export-typo-folder", ["export", "-f", "csv", "-o", "{tmp}/typo/dir/out.csv"], "does not exist"),
    ("export-brat-typo-folder", ["export", "-f", "brat", "-o", "{tmp}/typo/brat"], "does not exist"),
    ("export-onto-a-folder", ["export", "-f", "csv", "-o", "{tmp}"], "cannot write"),
    ("export-needs-output", ["export", "-f", "tei"], "needs -o"),
    ("report-typo-folder", ["report", "-o", "{tmp}/typo/r.txt"], "does not exist"),
    ("report-csv-needs-kind", ["report", "-f", "csv"], "--kind"),
    ("conflict-missing", ["conflicts", "accept", "999"], ""),
    ("codebook-not-xml", ["codebook-import", "{tmp}/bad.qdc"], ""),
    ("codebook-entities", ["codebook-import", "{tmp}/laughs.qdc"], ""),
    ("import-work-missing-file", ["import-work", "{tmp}/nowhere.jsonl"], "cannot be read"),
]

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&lol3;" isCodable="true"/></Codes></CodeBook>
"""


def _arg(value: str | bytes, tmp: Path) -> str | bytes:
    return value.replace("{tmp}", str(tmp)) if isinstance(value, str) else value


@pytest.mark.parametrize(("argv", "needle"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_bad_input_is_refused_in_one_line(argv, needle, project_copy: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.qdc").write_text("<CodeBook><Codes><Code", encoding="utf-8")
    (tmp_path / "laughs.qdc").write_text(LAUGHS, encoding="utf-8")
    before = file_state(project_copy)
    around = sorted(p.name for p in tmp_path.iterdir())
    run = jiaokan(*(_arg(a, tmp_path) for a in argv), "-p", project_copy)
    assert_refused(run, needle)
    assert file_state(project_copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == around  # no folder made, no output left


def test_a_project_name_that_is_not_utf8(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_bytes(_page_variants(tmp_path, 1)[0])
    project = os.path.join(os.fsencode(tmp_path), b"proj\xff.jiaokan")
    run = jiaokan("import", page, "-p", project)
    assert run.code == 0 and "imported 1" in run.out, run.err
    listed = jiaokan("search", "补充消息", "-p", project)
    assert listed.code == 0 and "Traceback" not in listed.err, listed.err
    missing = os.path.join(os.fsencode(tmp_path), b"missing\xfe.jiaokan")
    assert_refused(jiaokan("tags", "list", "-p", missing), "no such project")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_files_that_are_no_page_dumps_are_reported_one_by_one(jobs: str, tmp_path: Path) -> None:
    folder = tmp_path / "dumps"
    folder.mkdir()
    good = _page_variants(folder, 2)
    (folder / "a-good.txt").write_bytes(good[0])
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "bom-only.txt").write_bytes(b"\xef\xbb\xbf")
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(9_000_000)  # sparse: its size is what is refused
    (folder / "nul.txt").write_bytes(b"a\x00b\x00c")
    (folder / "folder.txt").mkdir()
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere")
    os.mkfifo(folder / "fifo.txt")
    (folder / "z-good.txt").write_bytes(good[1])
    run = jiaokan("import", folder, "-p", tmp_path / "p.jiaokan", "--jobs", jobs)
    assert run.code == 1 and "Traceback" not in run.err, run.err
    assert "imported 2, skipped 0" in run.out and "failed 7" in run.out, run.out
    failed = [line for line in run.out.splitlines() if line.startswith("  failed: ")]
    assert len(failed) == 7 and all(line.count(": ") >= 2 for line in failed)  # each with its reason
