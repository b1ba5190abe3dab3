"""Upgrading project files written by earlier schemas (fixtures in tests/db/fixtures)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import SCHEMA_VERSION, Project, derived_text
from db.models import ReviewState
from db.schema import MIGRATION_NAMES

from .conftest import FIXTURES

V1 = FIXTURES / "schema_v1.jiaokan"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    if not V1.exists():
        pytest.fail("tests/db/fixtures/schema_v1.jiaokan is missing: run tests/db/fixtures/make_fixtures.py")
    target = tmp_path / "old.jiaokan"
    shutil.copyfile(V1, target)
    return target


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_fixture_is_schema_1() -> None:
    assert _user_version(V1) == 1


def test_upgrade_from_v1_backs_up_first_and_keeps_everything(v1_copy: Path) -> None:
    original = v1_copy.read_bytes()
    with Project.open(v1_copy) as p:
        assert p.schema_version() == SCHEMA_VERSION
        backup = p.backup_path
        assert backup is not None and backup.exists()
        assert backup.name.startswith("old.jiaokan.bak-v1-")
        assert backup.read_bytes() == original or _user_version(backup) == 1
        sources = p.list_sources()
        assert len(sources) == 1 and sources[0].article_count == 3
        assert sources[0].progress.unreviewed == 3  # review state arrived with schema 2
        article = p.get_article(p.article_ids(sources[0].id)[0])
        assert article.review_state is ReviewState.UNREVIEWED
        assert article.text == "\n".join(b.text for b in article.blocks)
        quotes = sorted(a.quote for a in article.annotations)
        assert quotes == ["法律援助站", "职工服务中心"]
        for ann in article.annotations:
            assert article.text[ann.start : ann.end] == ann.quote and not ann.orphaned
        assert [t.path for t in p.tags()] == ["主题", "主题/职工服务"]
        # the search index was built from the existing text during the upgrade
        hits = p.search("職工服務").hits
        assert hits and all(h.hit == "职工服务" for h in hits)
        assert p.search("援").hits
        # and the upgraded project works like a new one
        p.add_note(article.id, "after upgrade")
        p.correct(article.id, 0, 1, "X")
        assert p.integrity_check() == ["ok"]
    assert _user_version(backup) == 1
    with Project.open(v1_copy) as again:  # upgrading happens once
        assert again.backup_path is None


def test_migrations_recorded_by_sqlite_utils(v1_copy: Path) -> None:
    Project.open(v1_copy).close()
    conn = sqlite3.connect(v1_copy)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'jiaokan'")]
    conn.close()
    assert tuple(names) == MIGRATION_NAMES


def test_failed_upgrade_leaves_the_file_as_it_was(v1_copy: Path) -> None:
    # A table that the v2 migration wants to create already exists: the migration fails.
    conn = sqlite3.connect(v1_copy)
    conn.execute("CREATE TABLE article_notes (x)")
    conn.close()
    from db.errors import ProjectOpenError

    with pytest.raises(ProjectOpenError, match="upgrading from schema 1 failed.*a copy of the file"):
        Project.open(v1_copy)
    assert _user_version(v1_copy) == 1
    conn = sqlite3.connect(v1_copy)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    conn.close()
    assert "review_state" not in cols  # the half-done migration was rolled back


def test_an_upgrade_stopped_before_indexing_is_indexed_at_the_next_open(v1_copy: Path) -> None:
    """Migration 2 is frozen and leaves the search index empty; the project fills it after opening,
    also when the first open stopped between the upgrade and the indexing."""
    from db.connection import Connection

    Connection(v1_copy).close()  # upgrades, but does not index (that is the project's job)
    conn = derived_text.install(sqlite3.connect(v1_copy))
    try:
        assert conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 0
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()
    assert articles > 0
    with Project.open(v1_copy) as p:
        assert p.backup_path is None  # no second upgrade
        assert p.search("職工服務").hits
    conn = derived_text.install(sqlite3.connect(v1_copy))
    try:
        assert conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == articles
    finally:
        conn.close()
