"""Fixtures for the store tests: a real project file in tmp_path for every test.

Sample pages come from the repository only (tests/reader/fixtures and
resources/samples); the shared corpus is never copied into the repo.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import Project, derived_text

from .search_fixtures import pages  # noqa: F401 (a fixture of the search tests)

ROOT = Path(__file__).resolve().parents[2]
SMALL_PAGE = ROOT / "tests" / "reader" / "fixtures" / "style_a_small.txt"
SAMPLE_PAGES = sorted((ROOT / "resources" / "samples").glob("*.txt"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
PAGE_A = SMALL_PAGE.read_text(encoding="utf-8")
PAGE_B = (SMALL_PAGE.parent / "style_b_small.txt").read_text(encoding="utf-8")


def rows(path: Path, sql: str) -> list[tuple]:
    """All rows of ``sql`` on the project file at ``path``, read through a separate connection.

    The connection registers the SQL functions the project's views call (schema 7).
    """
    conn = derived_text.install(sqlite3.connect(path))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def columns(path: Path, table: str) -> set[str]:
    """The column names of ``table`` in the project file at ``path``."""
    return {r[1] for r in rows(path, f"PRAGMA table_info({table})")}


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "test.jiaokan"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    with Project.open(project_path, author="tester") as p:
        yield p


@pytest.fixture
def source_id(project: Project) -> int:
    """The small sample page, imported."""
    outcome = project.import_file(SMALL_PAGE)
    assert outcome.source_id is not None, outcome.reason
    return outcome.source_id


@pytest.fixture
def article_id(project: Project, source_id: int) -> int:
    """The first article of the small page (headline, byline and several paragraphs)."""
    return project.article_ids(source_id)[0]


@pytest.fixture
def tag_id(project: Project) -> int:
    return project.add_tag("主题", colour="#336699").id


def dump_state(path: Path | str) -> dict[str, list[tuple]]:
    """Every row of the tables an edit may touch, read through a separate connection."""
    conn = derived_text.install(sqlite3.connect(path))
    try:
        out = {}
        for table, order in (
            ("articles", "id"),
            ("blocks", "id"),
            ("annotations", "id"),
            ("article_notes", "id"),
            ("search_docs", "article_id"),
        ):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "updated_at"]
            out[table] = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}").fetchall()
        return out
    finally:
        conn.close()


def skip_if_root_for_permissions() -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading a file")
