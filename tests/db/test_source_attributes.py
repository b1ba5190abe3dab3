"""A page's attributes (schema 5): date, page name and number read at import, editable, recorded, upgraded."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import SCHEMA_VERSION, Change, Project, SourceAttributeError
from db.page_header import PageAttributes, header_line, name_and_number, read_attributes

from .conftest import FIXTURES, rows

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
V4 = FIXTURES / "schema_v4_pages.jiaokan"


def _first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


# -- reading the running header ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("要闻 2025年10月1日 星期三 3", ("要闻", 3)),
        ("第3版 评论 2025年 10月 1日", ("评论", 3)),
        ("2025年10月1日 周三 A 版", ("A", None)),
        ("国际新闻 2025年10月1日 星期三", ("国际新闻", None)),
        ("2025年10月1日 星期三 12", ("", 12)),
        ("2025年10月1日 星期三 1200", ("", None)),  # not a page number: a year, a count
    ],
)
def test_name_and_number_come_from_the_header_fields(header, expected):
    assert name_and_number(header) == expected


def test_the_header_is_the_dated_furniture_line_else_the_dated_first_line():
    assert header_line(["扫一扫阅读电子版", "综合 2025年9月3日 星期三 5"], "正文") == "综合 2025年9月3日 星期三 5"
    assert header_line([], "\n 综合 2025年 9月 3日 星期三 5\n正文") == " 综合 2025年 9月 3日 星期三 5"
    assert header_line(["扫一扫阅读电子版"], "本报讯 正文\n") is None


def test_the_date_keeps_the_file_name_first():
    found = read_attributes("2024-05-06_page.txt", "", ["要闻 2025年10月1日 星期三 3"])
    assert found == PageAttributes("2024-05-06", "要闻", 3)
    assert read_attributes("page.txt", "", ["要闻 2025年10月1日 星期三 3"]).date == "2025-10-01"
    assert read_attributes("page.txt", "没有报头的一页\n正文", []) == PageAttributes()


def test_import_reads_the_sample_pages_headers(project: Project, tmp_path: Path):
    for sample in sorted(SAMPLES.glob("*.txt")):
        source_id = project.import_file(sample).source_id
        fields = _first_line(sample).split()
        found = project.source_attributes(source_id)
        assert found.name == fields[0] and found.number == int(fields[-1])
        assert found.date is not None and found.date.startswith(fields[1][:4] + "-")


# -- editing --------------------------------------------------------------------------------------------


@pytest.fixture
def page(project: Project) -> int:
    return project.import_file(SAMPLES / "page_a1.txt").source_id


def test_an_edit_changes_the_attributes_and_is_recorded(project: Project, page: int):
    heard = []
    project.subscribe(heard.append)
    before = project.source_attributes(page)
    after = project.set_source_attributes(page, date="2025年10月1日", name=" 要闻 ", number="第3版")
    assert after == project.source_attributes(page) == PageAttributes("2025-10-01", "要闻", 3)
    (change,) = project.source_attribute_history(page)
    assert (change.before, change.after, change.author) == (before, after, project.author)
    assert heard and heard[-1].changes & Change.SOURCES and page in heard[-1].source_ids
    # keeping the others: only the number changes
    assert project.set_source_attributes(page, number=4) == PageAttributes("2025-10-01", "要闻", 4)
    # clearing
    assert project.set_source_attributes(page, date="", name="", number=None) == PageAttributes()
    assert len(project.source_attribute_history(page)) == 3


def test_an_edit_that_changes_nothing_is_not_recorded(project: Project, page: int):
    same = project.source_attributes(page)
    assert project.set_source_attributes(page, date=same.date, name=same.name, number=same.number) == same
    assert project.source_attribute_history(page) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2025-02-30", "'2025-02-30' is not a date"),
        ("date", "yesterday", "'yesterday' is not a date"),
        ("number", "0", "'0' is not a page number"),
        ("number", "三", "'三' is not a page number"),
        ("name", "版" * 41, "a page name is at most 40 characters"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(project, page, field, value, message):
    before = project.source_attributes(page)
    with pytest.raises(SourceAttributeError, match=message):
        project.set_source_attributes(page, **{field: value})
    assert project.source_attributes(page) == before and project.source_attribute_history(page) == []


def test_an_edit_inside_a_failed_transaction_is_rolled_back(project: Project, page: int):
    before = project.source_attributes(page)
    with pytest.raises(RuntimeError), project.transaction():
        project.set_source_attributes(page, name="评论")
        raise RuntimeError("stop")
    assert project.source_attributes(page) == before and project.source_attribute_history(page) == []


def test_the_history_is_append_only(project: Project, page: int, project_path: Path):
    project.set_source_attributes(page, name="评论")
    conn = sqlite3.connect(project_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM source_changes")
    conn.close()


def test_a_new_version_keeps_a_persons_corrections(project: Project, tmp_path: Path):
    path = tmp_path / "page.txt"
    shutil.copyfile(SAMPLES / "page_a1.txt", path)
    first = project.import_file(path).source_id
    project.set_source_attributes(first, name="评论", number=2)
    path.write_text(path.read_text(encoding="utf-8") + "\n补记一行。\n", encoding="utf-8")
    second = project.import_file(path).source_id
    assert second != first
    assert project.source_attributes(second) == project.source_attributes(first)


def test_unknown_source_is_not_found(project: Project):
    with pytest.raises(Exception, match="no source with id 99"):
        project.set_source_attributes(99, name="要闻")


# -- the upgrade from schema 4 ----------------------------------------------------------------------------


def test_upgrade_from_schema_4_reads_every_pages_attributes(tmp_path: Path):
    path = tmp_path / "v4.jiaokan"
    shutil.copyfile(V4, path)
    assert rows(path, "PRAGMA user_version") == [(4,)]
    before = rows(path, "SELECT id, name, raw_text FROM sources ORDER BY id")
    annotations = rows(path, "SELECT * FROM annotations ORDER BY id")
    with Project.open(path) as p:
        assert p.schema_version() == SCHEMA_VERSION >= 5
        assert p.backup_path is not None and p.backup_path.exists()
        found = {name: p.source_attributes(sid) for sid, name, _ in before}
        assert rows(path, "SELECT count(*) FROM sources WHERE attributes_read = 0") == [(0,)]
        # the file name's date stands before the header's; the header gives the name and number
        assert found["2024-05-06_page_b1.txt"] == PageAttributes("2024-05-06", "工会周刊", 7)
        assert found["page_a1.txt"] == PageAttributes("2025-09-03", "综合新闻", 5)
        assert p.set_source_attributes(before[0][0], name="要闻").name == "要闻"
    assert rows(path, "SELECT * FROM annotations ORDER BY id") == annotations
    assert rows(path, "SELECT id, name, raw_text FROM sources ORDER BY id") == before
    names = {r[0] for r in rows(path, "SELECT name FROM _sqlite_migrations")}
    assert "0005_source_attributes" in names


def test_a_bad_date_in_the_file_is_refused_by_the_schema(project: Project, page: int, project_path: Path):
    conn = sqlite3.connect(project_path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE sources SET page_date = '2025-13-01' WHERE id = ?", (page,))
    conn.close()


def test_the_library_filter_matches_a_pages_fields_and_nothing_else(project: Project, page: int, tmp_path: Path):
    """A word that is no page number does not match a page whose number is unknown."""
    bare = tmp_path / "bare_page.txt"
    bare.write_text("澜州港举办桥吊技能比武\n　　本报讯 比武设理论考试和实操竞赛两个环节。\n", encoding="utf-8")
    other = project.import_file(bare).source_id
    assert project.source_attributes(other).number is None
    project.set_source_attributes(page, name="要闻", number=3, date="2025-10-01")

    def names(matching: str) -> set[int]:
        return {s.id for s in project.list_sources(matching=matching)}

    assert names("要闻") == {page}
    assert names("第3版") == names("3") == names("2025-10") == {page}
    assert names("bare") == {other}
    assert names("") == {page, other}
