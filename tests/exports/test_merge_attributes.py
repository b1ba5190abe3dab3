"""Merging a colleague's export carries the pages' attributes (date, page name, page number) and their history.

Two real projects in tmp_path import the same pages (invented text); one is changed and
exported, the other merges it. A change of a field this project left as it was is applied (with
the colleague's time and name in the page's history); both changing it differently is a
conflict to accept or reject; merging twice, or back, changes nothing; older exports merge.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import Project
from db.exports.snapshot import export_project
from db.merge import MergeError
from db.page_header import PageAttributes
from tests.exports.workproject import NAME_CRLF, NAME_LF, write_pages

FIXTURES = Path(__file__).resolve().parents[1] / "db" / "fixtures"
V2_EXPORT = FIXTURES / "schema_v4_exports" / "export.jsonl"  # written by format 2: a date, no changes


def _project(folder: Path, name: str, author: str) -> tuple[Path, dict[str, int]]:
    path = folder / f"{name}.jiaokan"
    with Project.open(path, author=author) as p:
        for page in write_pages(folder / f"pages-{name}"):
            assert p.import_file(page).source_id is not None
        return path, {s.name: s.id for s in p.list_sources()}


@pytest.fixture
def pair(tmp_path: Path):
    """Ours (校对甲) and the colleague's (研究乙): the same two pages, untouched."""
    ours, ours_ids = _project(tmp_path, "ours", "校对甲")
    theirs, their_ids = _project(tmp_path, "theirs", "研究乙")
    return ours, ours_ids, theirs, their_ids


def _export(path: Path, out: Path) -> Path:
    return export_project(path, "jsonl", out).path


def test_the_export_carries_each_pages_attributes_and_changes(pair, tmp_path):
    _ours, _ids, theirs, their_ids = pair
    with Project.open(theirs, author="研究乙") as q:
        q.set_source_attributes(their_ids[NAME_LF], name="文化", number=3)
    records = [json.loads(line) for line in _export(theirs, tmp_path / "t.jsonl").read_text("utf-8").splitlines()]
    assert records[0]["jiaokan"]["version"] == 3
    evening = next(r["source"] for r in records if r["source"]["name"] == NAME_LF)
    assert (evening["page_name"], evening["page_number"]) == ("文化", 3)
    (change,) = evening["changes"]
    assert change["author"] == "研究乙" and change["after"] == {"date": "2024-03-05", "name": "文化", "number": 3}
    daily = next(r["source"] for r in records if r["source"]["name"] == NAME_CRLF)
    assert daily["changes"] == []


def test_a_colleagues_date_is_merged_once(pair, tmp_path):
    ours, ids, theirs, their_ids = pair
    with Project.open(theirs, author="研究乙") as q:
        q.set_source_attributes(their_ids[NAME_CRLF], date="2024-03-02")
        their_change = q.source_attribute_history(their_ids[NAME_CRLF])[-1]
    export = _export(theirs, tmp_path / "t.jsonl")
    with Project.open(ours, author="校对甲") as p:
        before = p.source_attributes(ids[NAME_CRLF])
        assert before.date == "2024-03-01"  # read from the page's running header
        report = p.merge_jsonl(export)
        assert report.attributes_applied == 1 and report.conflicts == 0
        assert p.source_attributes(ids[NAME_CRLF]) == PageAttributes("2024-03-02", before.name, before.number)
        (change,) = p.source_attribute_history(ids[NAME_CRLF])
        assert (change.at, change.author) == (their_change.at, "研究乙")  # the colleague's, not the merge's
        assert p.source_attribute_history(ids[NAME_LF]) == []

        again = p.merge_jsonl(export)  # idempotent
        assert (again.attributes_applied, again.conflicts) == (0, 0)
        assert len(p.source_attribute_history(ids[NAME_CRLF])) == 1 and p.conflicts(None) == []
        p.set_source_attributes(ids[NAME_CRLF], number=2)  # ours changes another field since: kept
        assert p.merge_jsonl(export).attributes_applied == 0
        assert p.source_attributes(ids[NAME_CRLF]).number == 2

    back = _export(ours, tmp_path / "o.jsonl")
    with Project.open(theirs, author="研究乙") as q:  # merging back brings only what is new to them
        report = q.merge_jsonl(back)
        assert (report.attributes_applied, report.conflicts) == (1, 0)
        assert q.source_attributes(their_ids[NAME_CRLF]).date == "2024-03-02"
        assert q.source_attributes(their_ids[NAME_CRLF]).number == 2
        assert len(q.source_attribute_history(their_ids[NAME_CRLF])) == 2


def test_a_colleagues_later_changes_follow_one_merged_earlier(pair, tmp_path):
    ours, ids, theirs, their_ids = pair
    with Project.open(theirs, author="研究乙") as q:
        q.set_source_attributes(their_ids[NAME_LF], name="文化")
    with Project.open(ours) as p:
        p.merge_jsonl(_export(theirs, tmp_path / "1.jsonl"))
    with Project.open(theirs, author="研究乙") as q:
        q.set_source_attributes(their_ids[NAME_LF], name="文化周刊", number=7)
    with Project.open(ours) as p:
        report = p.merge_jsonl(_export(theirs, tmp_path / "2.jsonl"))
        assert (report.attributes_applied, report.conflicts) == (2, 0)
        assert p.source_attributes(ids[NAME_LF]) == PageAttributes("2024-03-05", "文化周刊", 7)
        assert [c.after.name for c in p.source_attribute_history(ids[NAME_LF])] == ["文化", "文化周刊"]


def _both_set_dates(pair, tmp_path) -> tuple[Path, int, Path]:
    ours, ids, theirs, their_ids = pair
    with Project.open(theirs, author="研究乙") as q:
        q.set_source_attributes(their_ids[NAME_CRLF], date="2024-03-02", name="经济")
    with Project.open(ours, author="校对甲") as p:
        p.set_source_attributes(ids[NAME_CRLF], date="2024-02-29")
    return ours, ids[NAME_CRLF], _export(theirs, tmp_path / "t.jsonl")


def test_both_changing_the_date_differently_is_a_conflict_to_accept(pair, tmp_path):
    ours, source_id, export = _both_set_dates(pair, tmp_path)
    with Project.open(ours, author="校对甲") as p:
        report = p.merge_jsonl(export)
        assert (report.conflicts, report.attributes_applied) == (1, 1)  # the date conflicts, the name applies
        assert p.source_attributes(source_id) == PageAttributes("2024-02-29", "经济", 1)  # 第1版 of its header
        (c,) = p.conflicts()
        assert (c.kind, c.op, c.base, c.ours, c.theirs) == ("attribute", "date", "2024-03-01", "2024-02-29",
                                                           "2024-03-02")
        assert (c.source_id, c.article_id, c.author) == (source_id, None, "研究乙")
        assert p.merge_jsonl(export).conflicts == 0  # not offered twice

        assert p.accept_conflict(c.id).status == "accepted"
        assert p.source_attributes(source_id).date == "2024-03-02"
        last = p.source_attribute_history(source_id)[-1]
        assert (last.author, last.before.date, last.after.date) == ("研究乙", "2024-02-29", "2024-03-02")
        again = p.merge_jsonl(export)
        assert (again.conflicts, again.attributes_applied) == (0, 0)


def test_a_rejected_date_conflict_keeps_ours_and_is_not_offered_again(pair, tmp_path):
    ours, source_id, export = _both_set_dates(pair, tmp_path)
    with Project.open(ours, author="校对甲") as p:
        p.merge_jsonl(export)
        (c,) = p.conflicts()
        assert p.reject_conflict(c.id).status == "rejected"
        assert p.source_attributes(source_id).date == "2024-02-29"
        assert p.merge_jsonl(export).conflicts == 0 and p.source_attributes(source_id).date == "2024-02-29"


def test_accepting_is_refused_when_ours_changed_since(pair, tmp_path):
    ours, source_id, export = _both_set_dates(pair, tmp_path)
    with Project.open(ours, author="校对甲") as p:
        p.merge_jsonl(export)
        (c,) = p.conflicts()
        p.set_source_attributes(source_id, date="2024-03-09")
        with pytest.raises(MergeError, match="changed since"):
            p.accept_conflict(c.id)
        assert p.source_attributes(source_id).date == "2024-03-09" and p.conflicts()[0].status == "pending"


def _rewrite(path: Path, out: Path, change) -> Path:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for record in records:
        change(record)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return out


def test_a_format_2_export_without_changes_still_merges_its_values(pair, tmp_path):
    ours, ids, theirs, their_ids = pair
    with Project.open(theirs, author="研究乙") as q:
        q.set_source_attributes(their_ids[NAME_LF], name="文化")

    def as_format_2(record: dict) -> None:
        record["source"].pop("changes")
        if "jiaokan" in record:
            record["jiaokan"]["version"] = 2

    old = _rewrite(_export(theirs, tmp_path / "t.jsonl"), tmp_path / "v2.jsonl", as_format_2)
    with Project.open(ours) as p:
        report = p.merge_jsonl(old)  # the values read from the page here stand for the common state
        assert (report.attributes_applied, report.conflicts) == (1, 0)
        assert p.source_attributes(ids[NAME_LF]).name == "文化"
        assert p.merge_jsonl(old).attributes_applied == 0


def test_a_format_1_export_without_attributes_leaves_them(pair, tmp_path):
    ours, ids, theirs, their_ids = pair
    with Project.open(theirs, author="研究乙") as q:
        q.set_source_attributes(their_ids[NAME_LF], name="文化")

    def as_format_1(record: dict) -> None:
        for key in ("changes", "date", "page_name", "page_number"):
            record["source"].pop(key)
        if "jiaokan" in record:
            record["jiaokan"]["version"] = 1

    old = _rewrite(_export(theirs, tmp_path / "t.jsonl"), tmp_path / "v1.jsonl", as_format_1)
    with Project.open(ours) as p:
        before = p.source_attributes(ids[NAME_LF])
        report = p.merge_jsonl(old)
        assert report.sources_matched == 2 and report.attributes_applied == 0
        assert p.source_attributes(ids[NAME_LF]) == before


def test_an_export_written_before_format_3_is_accepted(tmp_path):
    assert json.loads(V2_EXPORT.read_text("utf-8").splitlines()[0])["jiaokan"]["version"] == 2
    with Project.open(tmp_path / "empty.jiaokan") as p:
        report = p.merge_jsonl(V2_EXPORT)
        assert report.sources_imported > 0 and report.conflicts == 0
        assert report.attributes_applied == 0  # its dates are those its pages give


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["jiaokan"].update(version=4), "format version 4 (written by a newer Jiaokan"),
        (lambda r: r["source"].update(date="2024-02-30"), "source.date: '2024-02-30' is not a day"),
        (lambda r: r["source"].update(page_number=0), "source.page_number"),
        (lambda r: r["source"]["changes"].append({"at": "x", "before": {}, "after": {"date": "1.3.2024"}}),
         "source.changes[0].after.date: expected a date written YYYY-MM-DD"),
    ],
)
def test_bad_attributes_are_refused_with_one_line(pair, tmp_path, change, message):
    ours, _ids, theirs, _their_ids = pair
    export = _export(theirs, tmp_path / "t.jsonl")
    first_only = {"done": False}

    def once(record: dict) -> None:
        if not first_only["done"]:
            change(record)
            first_only["done"] = True

    bad = _rewrite(export, tmp_path / "bad.jsonl", once)
    with Project.open(ours) as p, pytest.raises(MergeError) as caught:
        p.merge_jsonl(bad)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_the_command_line_merges_lists_and_decides_a_date_conflict(pair, tmp_path, capsys):
    from jiaokan.cli import main

    ours, source_id, export = _both_set_dates(pair, tmp_path)
    assert main(["import-work", str(export), "-p", str(ours)]) == 0
    out = capsys.readouterr().out
    assert "1 conflicts kept for review" in out and "1 page attribute changes applied" in out
    assert main(["conflicts", "list", "-p", str(ours)]) == 0
    listed = capsys.readouterr().out
    expected = f"#1 [pending] attribute date (page {source_id}) by 研究乙: ours '2024-02-29' / theirs '2024-03-02'"
    assert expected in listed
    assert main(["conflicts", "accept", "1", "-p", str(ours)]) == 0
    assert "conflict #1 accepted" in capsys.readouterr().out
    with Project.open(ours) as p:
        assert p.source_attributes(source_id).date == "2024-03-02"
    assert main(["import-work", str(export), "-p", str(ours)]) == 0  # again: nothing new
    assert "0 conflicts kept" in capsys.readouterr().out
