"""Merging a jsonl export into another project: the round trip, conflicts kept side by side, idempotence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import Project
from db.exports.snapshot import export_project
from db.merge import MergeError
from tests.exports.workproject import EDITOR, NAME_CRLF, span, write_pages

#: Parameters of edits that name store ids (they differ between projects).
ID_PARAMS = {"block_id", "next_block_id", "new_block_id", "new_article_id", "next_article_id", "from_article",
             "to_article", "reverts"}


def normalise(line: dict) -> dict:
    """An export line without what is project-local: ids, edit times and snapshots, import time, the project name.

    This is the documented "modulo" of the round trip (db/merge/__init__.py); everything else must be equal.
    """
    r = {k: v for k, v in line.items() if k != "id"}
    source = {k: v for k, v in r["source"].items() if k != "id"}
    if "raw" in source:
        source["raw"] = {k: v for k, v in source["raw"].items() if k != "imported_at"}
    r["source"] = source
    r["blocks"] = [{k: v for k, v in b.items() if k != "id"} for b in r["blocks"]]
    r["edits"] = [
        {
            "op": e["op"],
            "author": e["author"],
            "note": e["note"],
            "origin": e["origin"],
            "reverted": e["reverted_by"] is not None,
            "reverts_an_edit": e["reverts"] is not None,
            "params": {k: v for k, v in e["params"].items() if k not in ID_PARAMS},
        }
        for e in r["edits"]
    ]
    r["annotations"] = [{k: v for k, v in a.items() if k not in ("id", "tag_id")} for a in r["annotations"]]
    r["notes"] = [{k: v for k, v in n.items() if k != "id"} for n in r["notes"]]
    if "codebook" in r:
        r["codebook"] = [{k: v for k, v in t.items() if k != "id"} for t in r["codebook"]]
    if "jiaokan" in r:
        r["jiaokan"] = {k: v for k, v in r["jiaokan"].items() if k != "project"}
    return r


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_round_trip_into_an_empty_project(work_project, tmp_path):
    first = export_project(work_project, "jsonl", tmp_path / "first.jsonl").path
    with Project.open(tmp_path / "empty.jiaokan") as p:
        report = p.merge_jsonl(first)
    assert report.sources_imported == 2 and report.conflicts == 0 and not report.problems
    assert report.edits_applied == 9 and report.annotations_added == 11 and report.notes_added == 2
    again = export_project(tmp_path / "empty.jiaokan", "jsonl", tmp_path / "again.jsonl").path
    a, b = lines(first), lines(again)
    assert len(a) == len(b) == 3
    for x, y in zip(a, b, strict=True):
        assert normalise(x) == normalise(y)
    # what the normalisation leaves out really is project-local
    assert [len(x["edits"]) for x in a] == [len(y["edits"]) for y in b]
    assert all(x["annotations"][i]["created_at"] == y["annotations"][i]["created_at"]
               for x, y in zip(a, b, strict=True) for i in range(len(x["annotations"])))


def _other_project(tmp_path: Path) -> tuple[Path, int]:
    """The same pages imported afresh, and corrected differently by another editor."""
    path = tmp_path / "other.jiaokan"
    with Project.open(path, author="赵校对") as q:
        for page in write_pages(tmp_path / "pages-other"):
            q.import_file(page)
        daily = next(s.id for s in q.list_sources() if s.name == NAME_CRLF)
        strike = q.article_ids(daily)[0]
        q.correct(strike, *span(q, strike, "地们"), "她们")  # the exporting project wrote 他们 here
        q.correct(strike, *span(q, strike, "承诺"), "答应")  # elsewhere: no conflict
        q.annotate(strike, q.add_tag("权益").id, *span(q, strike, "工人代表"))
    return path, strike


def test_conflicting_corrections_are_kept_side_by_side(work_project, tmp_path):
    export = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    other, strike = _other_project(tmp_path)
    with Project.open(other) as q:
        report = q.merge_jsonl(export)
        assert report.conflicts == 1 and report.edits_applied == 8 and report.sources_matched == 2
        text = q.get_article(strike).text
        assert "她们" in text and "他们" not in text  # never overwritten
        assert "答应" in text and "昨日" in text and "三百多名" in text  # applied; the reverted one reverted
        (c,) = q.conflicts()
        assert (c.kind, c.base, c.ours, c.theirs) == ("text", "地们", "她们", "他们")
        assert (c.author, c.note) == (EDITOR, "OCR 误字")
        assert text[c.start : c.end] == "她们"
        assert q.find_tag("权益").annotation_count == 1 + 4  # its own passage and the merged ones

        again = q.merge_jsonl(export)  # idempotent: nothing new, the conflict not offered twice
        assert (again.edits_applied, again.conflicts, again.annotations_added, again.notes_added) == (0, 0, 0, 0)
        assert again.edits_already == 8 and again.annotations_already == 11

        q.accept_conflict(c.id)
        text = q.get_article(strike).text
        assert "他们" in text and "她们" not in text
        assert q.history(strike)[-1].author == EDITOR and q.history(strike)[-1].note == "OCR 误字"
        assert q.conflicts() == [] and q.conflicts(None)[0].status == "accepted"
        with pytest.raises(MergeError, match="already accepted"):
            q.reject_conflict(c.id)


def test_rejected_conflict_keeps_this_text(work_project, tmp_path):
    export = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    other, strike = _other_project(tmp_path)
    with Project.open(other) as q:
        q.merge_jsonl(export)
        (c,) = q.conflicts()
        assert q.reject_conflict(c.id).status == "rejected"
        assert "她们" in q.get_article(strike).text
        assert q.merge_jsonl(export).conflicts == 0  # a rejected edit is not offered again


def test_merging_back_and_forth_adds_nothing_twice(work_project, tmp_path):
    export = export_project(work_project, "jsonl", tmp_path / "a.jsonl").path
    other, _ = _other_project(tmp_path)
    with Project.open(other) as q:
        q.merge_jsonl(export)
    back = export_project(other, "jsonl", tmp_path / "b.jsonl").path
    with Project.open(tmp_path / "a-copy.jiaokan") as p:
        p.merge_jsonl(export)
        before = export_project(p, "jsonl", tmp_path / "before.jsonl").path
        report = p.merge_jsonl(back)
        # the other project's own work comes in; what came from here is recognised and not repeated
        assert report.edits_already == 8 and report.annotations_already == 11
        assert report.edits_applied == 1 and report.annotations_added == 1
        assert report.conflicts == 1  # 她们 against 他们, seen from this side
    assert len(lines(before)) == 3


def test_missing_source_without_its_copy_is_reported(work_project, tmp_path, capsys):
    from jiaokan.cli import main

    export = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    stripped = tmp_path / "stripped.jsonl"
    rows = lines(export)
    for r in rows:
        r["source"].pop("raw", None)
    stripped.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    code = main(["import-work", str(stripped), "-p", str(tmp_path / "new.jiaokan")])
    out = capsys.readouterr().out
    assert code == 1 and "2 skipped" in out and "carries no copy of it" in out


def test_a_bad_file_changes_nothing(work_project, tmp_path):
    export = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    bad = tmp_path / "bad.jsonl"
    bad.write_text(export.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with Project.open(tmp_path / "target.jiaokan") as p:
        with pytest.raises(MergeError, match="line 4: not JSON"):
            p.merge_jsonl(bad)
        assert p.count_sources() == 0 and p.tags() == []
        (tmp_path / "other.jsonl").write_text('{"a": 1}\n', encoding="utf-8")
        with pytest.raises(MergeError, match="not an article of a Jiaokan JSONL export"):
            p.merge_jsonl(tmp_path / "other.jsonl")


def test_merge_cli_reports_conflicts(work_project, tmp_path, capsys):
    from jiaokan.cli import main

    export = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    other, _ = _other_project(tmp_path)
    assert main(["import-work", str(export), "-p", str(other)]) == 0
    out = capsys.readouterr().out
    assert "1 conflicts kept for review" in out and "jiaokan conflicts list" in out
    assert main(["conflicts", "list", "-p", str(other)]) == 0
    listed = capsys.readouterr().out
    assert "#1 [pending] text correct" in listed and "'她们'" in listed and "'他们'" in listed
    assert main(["conflicts", "reject", "1", "-p", str(other)]) == 0
    assert "rejected" in capsys.readouterr().out
    assert main(["conflicts", "accept", "1", "-p", str(other)]) == 1
    assert "already rejected" in capsys.readouterr().err


def test_work_lands_on_the_current_version_of_a_page(work_project, tmp_path):
    """The engine run again on the same bytes makes a new version with the same SHA-256: the merge uses it."""
    export = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    path = tmp_path / "rebuilt.jiaokan"
    with Project.open(path) as q:
        for page in write_pages(tmp_path / "pages-rebuilt"):
            q.import_file(page)
        old = next(s.id for s in q.list_sources() if s.name == NAME_CRLF)
        new = q.reflow_source(old).source_id
        report = q.merge_jsonl(export)
        assert report.conflicts == 0 and report.sources_matched == 2
        on_new = sum(a.annotation_count for a in q.list_articles(new))
        on_old = sum(a.annotation_count for a in q.list_articles(old))
        assert on_new == 7 and on_old == 0
