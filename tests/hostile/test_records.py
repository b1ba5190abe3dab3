"""``jiaokan import-work`` on exports with wrong-typed, missing or impossible fields.

Each case changes one thing in a real export of the work project. The merge must refuse the
file in one line naming the line number and the field, and leave the target project's bytes
as they were (a new project is not created at all).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import assert_refused, file_state, jiaokan

Record = dict
Mutation = Callable[[list[Record]], None]


def _first_ann(rows: list[Record]) -> Record:
    return rows[0]["annotations"][0]


def _set(path: str, value: object, line: int = 0) -> Mutation:
    """Set a dotted path (list indexes as numbers) in the record of ``line``."""

    def mutate(rows: list[Record]) -> None:
        node: object = rows[line]
        keys = path.split(".")
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]  # type: ignore[index]
        last = keys[-1]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value  # type: ignore[index]

    return mutate


def _drop(path: str, line: int = 0) -> Mutation:
    def mutate(rows: list[Record]) -> None:
        node: object = rows[line]
        keys = path.split(".")
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]  # type: ignore[index]
        del node[keys[-1]]  # type: ignore[arg-type]

    return mutate


def _orphan_without_quote(rows: list[Record]) -> None:
    ann = _first_ann(rows)
    ann["orphaned"] = True
    del ann["quote"]


#: (case id, mutation, what the message must name)
CASES: list[tuple[str, Mutation, tuple[str, ...]]] = [
    ("annotations-as-string", _set("annotations", "tagged"), ("line 1", "annotations")),
    ("annotation-as-number", _set("annotations.0", 7), ("line 1", "annotations[0]")),
    ("codebook-path-slash", _set("codebook.0.path", "/"), ("line 1", "codebook[0].path")),
    ("codebook-path-double-slash", _set("codebook.0.path", "//"), ("line 1", "codebook[0].path")),
    ("codebook-path-blank", _set("codebook.0.path", "   "), ("line 1", "codebook[0].path")),
    ("codebook-path-empty-level", _set("codebook.1.path", "权益//工资"), ("line 1", "codebook[1].path")),
    ("codebook-path-number", _set("codebook.0.path", 3), ("line 1", "codebook[0].path")),
    ("codebook-as-string", _set("codebook", "tags"), ("line 1", "codebook")),
    ("codebook-slot-out-of-range", _set("codebook.1.slot", 42), ("line 1", "codebook[1].slot")),
    ("codebook-colour-not-rgb", _set("codebook.0.colour", "red"), ("line 1", "codebook[0].colour")),
    ("edits-as-numbers", _set("edits", [1, 2, 3]), ("line 1", "edits[0]")),
    ("edits-as-string", _set("edits", "none"), ("line 1", "edits")),
    ("edit-without-id", _drop("edits.0.id"), ("line 1", "edits[0]", "id")),
    ("edit-id-as-string", _set("edits.0.id", "one"), ("line 1", "edits[0].id")),
    ("edit-op-as-number", _set("edits.0.op", 5), ("line 1", "edits[0].op")),
    ("edit-params-as-string", _set("edits.0.params", "x"), ("line 1", "edits[0].params")),
    ("edit-offset-as-float", _set("edits.5.params.offset", 2.5), ("line 1", "edits[5].params.offset")),
    ("edit-offset-negative", _set("edits.5.params.offset", -3), ("line 1", "edits[5].params.offset")),
    ("edit-step-as-number", _set("edits.0.steps", [7]), ("line 1", "edits[0].steps[0]")),
    ("edit-step-too-short", _set("edits.0.steps", [["breplace", 1, 4]]), ("line 1", "edits[0].steps[0]")),
    ("edit-step-past-block", _set("edits.0.steps", [["breplace", 1, 4, 6, 999, 2]]), ("line 1", "edits[0].steps[0]")),
    ("edit-before-as-string", _set("edits.0.before", "then"), ("line 1", "edits[0].before")),
    ("edit-snapshot-runs-garbage", _set("edits.0.before.blocks.4.runs", "[[x"), ("line 1", "edits[0].before")),
    ("annotation-start-float", _set("annotations.0.start", 1.5), ("line 1", "annotations[0].start")),
    ("annotation-start-negative", _set("annotations.0.start", -1), ("line 1", "annotations[0].start")),
    ("annotation-end-string", _set("annotations.0.end", "20"), ("line 1", "annotations[0].end")),
    ("annotation-start-bool", _set("annotations.0.start", True), ("line 1", "annotations[0].start")),
    ("annotation-start-after-end", _set("annotations.0.start", 50), ("line 1", "annotations[0]")),
    ("annotation-tag-slashes", _set("annotations.0.tag", "//"), ("line 1", "annotations[0].tag")),
    ("annotation-tag-number", _set("annotations.0.tag", 3), ("line 1", "annotations[0].tag")),
    ("orphan-without-quote", _orphan_without_quote, ("line 1", "annotations[0]", "quote")),
    ("annotation-orphaned-string", _set("annotations.0.orphaned", "yes"), ("line 1", "annotations[0].orphaned")),
    ("page-copy-bad-base64", _set("source.raw.base64", "!!not base64!!"), ("line 1", "source.raw.base64")),
    ("page-copy-as-number", _set("source.raw", 5), ("line 1", "source.raw")),
    ("page-copy-text-as-list", _set("source.raw.text", ["a"]), ("line 1", "source.raw.text")),
    ("source-as-string", _set("source", "page"), ("line 1", "source")),
    ("source-sha-missing", _drop("source.sha256"), ("line 1", "sha256")),
    ("source-sha-number", _set("source.sha256", 12), ("line 1", "source.sha256")),
    ("source-sha-not-hex", _set("source.sha256", "z" * 64), ("line 1", "source.sha256")),
    ("blocks-as-object", _set("blocks", {"a": 1}), ("line 1", "blocks")),
    ("block-text-number", _set("blocks.0.text", 9), ("line 1", "blocks[0].text")),
    ("block-runs-negative", _set("blocks.0.runs", [[0, -4, 2]]), ("line 1", "blocks[0].runs")),
    ("block-runs-past-text", _set("blocks.0.runs", [[0, 0, 9999]]), ("line 1", "blocks[0].runs")),
    ("text-as-number", _set("text", 1), ("line 1", "text")),
    ("notes-as-string", _set("notes", "n"), ("line 1", "notes")),
    ("note-text-number", _set("notes.0.text", 5), ("line 1", "notes[0].text")),
    ("position-negative", _set("position", -2), ("line 1", "position")),
    ("id-as-string", _set("id", "a1"), ("line 1", "id")),
    ("second-line-annotations-string", _set("annotations", "x", line=1), ("line 2", "annotations")),
    ("third-line-edit-without-id", _drop("edits.0.id", line=2), ("line 3", "edits[0]")),
    ("header-missing", _drop("jiaokan"), ("line 1", "header")),
    ("header-other-format", _set("jiaokan.format", "other-tool"), ("line 1", "format")),
    ("header-newer-version", _set("jiaokan.version", 99), ("line 1", "version 99")),
    ("header-version-string", _set("jiaokan.version", "2"), ("line 1", "jiaokan.version")),
    ("header-as-string", _set("jiaokan", "jiaokan-jsonl"), ("line 1", "jiaokan")),
]


def _write(rows: list[Record], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("mutate", "needles"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_record_is_refused_and_changes_nothing(mutate, needles, export_lines, project_copy, tmp_path):
    rows = [json.loads(line) for line in export_lines]
    mutate(rows)
    bad = _write(rows, tmp_path / "bad.jsonl")
    before = file_state(project_copy)
    run = jiaokan("import-work", bad, "-p", project_copy)
    assert_refused(run, *needles)
    assert file_state(project_copy) == before


RAW_FILES: list[tuple[str, bytes, tuple[str, ...]]] = [
    ("not-json", b"{not json\n", ("line 1", "not JSON")),
    ("json-array", b"[1, 2, 3]\n", ("line 1", "not an article")),
    ("json-number", b"42\n", ("line 1", "not an article")),
    ("empty-object", b"{}\n", ("line 1", "not an article")),
    ("not-utf8", b'{"id": 1, "text": "\xff\xfe"}\n', ("line 1", "UTF-8")),
    ("nul-bytes", b"\x00" * 64, ("line 1",)),
]


@pytest.mark.parametrize(("data", "needles"), [c[1:] for c in RAW_FILES], ids=[c[0] for c in RAW_FILES])
def test_a_file_that_is_no_export_is_refused(data, needles, project_copy, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(data)
    before = file_state(project_copy)
    assert_refused(jiaokan("import-work", bad, "-p", project_copy), *needles)
    assert file_state(project_copy) == before


def test_a_bad_line_after_good_ones_changes_nothing(export_lines, project_copy, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(export_lines) + "\n" + '{"id": 9, "source": {}, "blocks": [], "text": ""}\n',
                   encoding="utf-8")
    before = file_state(project_copy)
    assert_refused(jiaokan("import-work", bad, "-p", project_copy), f"line {len(export_lines) + 1}", "sha256")
    assert file_state(project_copy) == before


@pytest.mark.parametrize("what", ["missing-file", "folder", "bad-record"])
def test_a_refused_file_creates_no_project(what, export_lines, tmp_path):
    new = tmp_path / "new.jiaokan"
    if what == "missing-file":
        source = tmp_path / "nowhere.jsonl"
    elif what == "folder":
        source = tmp_path / "a-folder"
        source.mkdir()
    else:
        rows = [json.loads(line) for line in export_lines]
        rows[0]["annotations"] = "x"
        source = _write(rows, tmp_path / "bad.jsonl")
    assert_refused(jiaokan("import-work", source, "-p", new))
    assert not new.exists() and not Path(f"{new}-wal").exists()


def test_the_untouched_export_still_merges(export_lines, tmp_path):
    """The corpus is made of changes to a file that merges: the refusals are the changes' doing."""
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(export_lines) + "\n", encoding="utf-8")
    run = jiaokan("import-work", good, "-p", tmp_path / "new.jiaokan")
    assert run.code == 0 and "Traceback" not in run.err, run.err
    assert "merged 3 articles" in run.out
