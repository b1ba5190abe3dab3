"""Opening project files: creation, pragmas, refusals with typed errors, transactions, events."""

from __future__ import annotations

import inspect
import os
import sqlite3
from pathlib import Path

import pytest

from db import (
    SCHEMA_VERSION,
    Change,
    ChangeEvent,
    NotAProject,
    Project,
    ProjectCorrupt,
    ProjectNotFound,
    ProjectOpenError,
    ProjectTooNew,
    StoreError,
)
from db.connection import Connection
from db.schema import APPLICATION_ID

from .conftest import SMALL_PAGE


def test_new_project_has_current_schema_wal_and_foreign_keys(project: Project, project_path: Path) -> None:
    assert project_path.exists()
    assert project.schema_version() == SCHEMA_VERSION
    assert project.backup_path is None
    conn = project._cx.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert project.integrity_check() == ["ok"]


def test_reopening_does_not_back_up_or_migrate(project_path: Path) -> None:
    Project.open(project_path).close()
    with Project.open(project_path) as again:
        assert again.backup_path is None
        assert again.schema_version() == SCHEMA_VERSION
    assert [p.name for p in project_path.parent.iterdir() if ".bak-" in p.name] == []


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFound, match="no such project"):
        Project.open(tmp_path / "nope.jiaokan", create=False)
    assert not (tmp_path / "nope.jiaokan").exists()


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectOpenError, match="does not exist"):
        Project.open(tmp_path / "no" / "such" / "folder.jiaokan")


def test_newer_schema_is_refused_and_left_alone(project_path: Path) -> None:
    Project.open(project_path).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.close()
    before = project_path.read_bytes()
    with pytest.raises(ProjectTooNew) as info:
        Project.open(project_path)
    assert info.value.found == SCHEMA_VERSION + 7
    assert "newer version of Jiaokan" in str(info.value)
    assert project_path.read_bytes() == before
    assert not [p for p in project_path.parent.iterdir() if ".bak-" in p.name]


def test_unknown_migration_means_newer(project_path: Path) -> None:
    Project.open(project_path).close()
    conn = sqlite3.connect(project_path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('jiaokan', '0099_future', 'x')"
        )
    conn.close()
    with pytest.raises(ProjectTooNew):
        Project.open(project_path)


@pytest.mark.parametrize(
    "content",
    [b"this is a text file, not a database\n" * 10, os.urandom(4096), b"SQLite format 2\x00" + b"\x00" * 100],
    ids=["text", "random", "wrong-header"],
)
def test_not_sqlite_is_corrupt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.jiaokan"
    path.write_bytes(content)
    with pytest.raises(ProjectCorrupt, match="not an SQLite database"):
        Project.open(path)
    assert path.read_bytes() == content


def test_truncated_project_is_corrupt(project_path: Path, tmp_path: Path) -> None:
    with Project.open(project_path) as p:
        p.import_file(SMALL_PAGE)
        p._cx.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = project_path.read_bytes()
    broken = tmp_path / "broken.jiaokan"
    broken.write_bytes(data[: len(data) // 3])
    with pytest.raises(ProjectCorrupt):
        with Project.open(broken) as p:  # may open (page 1 is intact) but must fail typed on use
            p.list_sources()
            for s in p.list_sources():
                for a in p.article_ids(s.id):
                    p.get_article(a)
            p.search("职工")
            assert p.integrity_check() == ["ok"]


def test_folder_is_corrupt(tmp_path: Path) -> None:
    with pytest.raises(ProjectCorrupt, match="folder"):
        Project.open(tmp_path)


def test_empty_file_becomes_a_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.jiaokan"
    path.write_bytes(b"")
    with Project.open(path) as p:
        assert p.schema_version() == SCHEMA_VERSION


def test_other_sqlite_database_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(NotAProject, match="not a Jiaokan project"):
        Project.open(path)


def test_failed_write_rolls_back_and_announces_nothing(project: Project) -> None:
    seen: list[ChangeEvent] = []
    project.subscribe(seen.append)
    with pytest.raises(RuntimeError):
        with project._cx.write() as conn:
            conn.execute("INSERT INTO tags (name, created_at) VALUES ('lost', 'now')")
            project._cx.announce(ChangeEvent(Change.TAGS))
            raise RuntimeError("boom")
    assert project.tags() == []
    assert seen == []
    assert not project._cx.conn.in_transaction


def test_nested_write_is_a_savepoint(project: Project) -> None:
    with project._cx.write() as conn:
        conn.execute("INSERT INTO tags (name, created_at) VALUES ('outer', 'now')")
        with pytest.raises(RuntimeError):
            with project._cx.write() as inner:
                inner.execute("INSERT INTO tags (name, created_at) VALUES ('inner', 'now')")
                raise RuntimeError
    assert [t.name for t in project.tags()] == ["outer"]


def test_transaction_keeps_all_operations_or_none(project: Project) -> None:
    seen: list[ChangeEvent] = []
    project.subscribe(seen.append)
    with pytest.raises(RuntimeError):
        with project.transaction():
            parent = project.add_tag("parent")
            project.add_tag("child", parent_id=parent.id)
            assert [t.path for t in project.tags()] == ["parent", "parent/child"]  # reads see the writes so far
            raise RuntimeError("boom")
    assert project.tags() == [] and seen == []
    with project.transaction():
        parent = project.add_tag("parent")
        project.add_tag("child", parent_id=parent.id)
        assert seen == []  # listeners hear of the changes after the commit
    assert [t.path for t in project.tags()] == ["parent", "parent/child"]
    assert {e.changes for e in seen} == {Change.TAGS} and len(seen) >= 1


def test_forwarded_methods_take_the_feature_functions_words(project: Project) -> None:
    from db import codebook, search

    def words(function) -> list[str]:
        return list(inspect.signature(function).parameters)

    assert words(project.search) == words(search.search)[1:]
    assert words(project.update_tag) == words(codebook.update)[1:]
    assert words(Project.add_tag)[0] == "self"
    project.add_tag("kept", colour="#112233", description="d", slot=3)
    assert project.update_tag(project.find_tag("kept").id, clear_slot=True).slot is None


def test_events_arrive_after_commit_with_ids(project: Project) -> None:
    seen: list[ChangeEvent] = []
    unsubscribe = project.subscribe(seen.append)
    in_txn: list[bool] = []
    project.subscribe(lambda e: in_txn.append(project._cx.conn.in_transaction))
    outcome = project.import_file(SMALL_PAGE)
    assert len(seen) == 1
    assert Change.SOURCES in seen[0].changes and Change.ARTICLES in seen[0].changes
    assert seen[0].source_ids == {outcome.source_id}
    assert in_txn == [False]
    tag = project.add_tag("x")
    assert seen[-1].changes == Change.TAGS and seen[-1].tag_ids == {tag.id}
    unsubscribe()
    project.add_tag("y")
    assert len(seen) == 2


def test_a_failing_listener_does_not_break_the_store(project: Project) -> None:
    def bad(event: ChangeEvent) -> None:
        raise ValueError("listener bug")

    seen: list[ChangeEvent] = []
    project.subscribe(bad)
    project.subscribe(seen.append)
    project.add_tag("ok")
    assert len(seen) == 1 and [t.name for t in project.tags()] == ["ok"]


def test_history_is_append_only_in_the_database(project: Project, article_id: int) -> None:
    entry = project.correct(article_id, 0, 1, "X")
    conn = sqlite3.connect(project.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with conn:
            conn.execute("DELETE FROM edits WHERE id = ?", (entry.id,))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with conn:
            conn.execute("UPDATE edits SET note = 'x' WHERE id = ?", (entry.id,))
    conn.close()


def test_busy_writer_gives_typed_error(project_path: Path) -> None:
    Project.open(project_path).close()
    other = sqlite3.connect(project_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Project.open(project_path, busy_timeout=0.2) as p:
            with pytest.raises(StoreError, match="busy"):
                p.add_tag("waits")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_connection_is_usable_from_another_thread(project: Project, source_id: int) -> None:
    import threading

    results: list[int] = []
    t = threading.Thread(target=lambda: results.append(project.count_articles(source_id)))
    t.start()
    t.join()
    assert results == [project.count_articles(source_id)]
    assert isinstance(project._cx, Connection)
