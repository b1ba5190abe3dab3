"""Readers never wait behind a writer: each thread reads on its own connection (WAL).

A write transaction is held open — by another thread of the same project (an import or a
merge on the desk's worker thread) and by another process — while this thread reads the
library, opens an article and searches. Before reads had their own connections, the first
case waited on the store's one lock until the writer finished.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from db import Project
from tests.db.conftest import SAMPLE_PAGES

#: The writer holds its transaction this long unless the readers finish first.
HOLD_SECONDS = 3.0
LIMIT_SECONDS = 0.1


@pytest.fixture
def library(project: Project) -> Project:
    report = project.import_paths(SAMPLE_PAGES)
    assert not report.failed
    return project


def _read_everything(p: Project) -> dict[str, float]:
    """Seconds each desk read took: the library, an article, a search."""
    took = {}
    started = time.perf_counter()
    sources = p.list_sources()
    articles = p.list_articles(sources[0].id)
    took["library"] = time.perf_counter() - started
    started = time.perf_counter()
    article = p.get_article(articles[0].id)
    took["article"] = time.perf_counter() - started
    started = time.perf_counter()
    hits = p.search(article.text[:2]).hits
    took["search"] = time.perf_counter() - started
    assert sources and articles and article.blocks and hits
    return took


def test_reads_answer_while_another_thread_of_the_project_writes(library):
    p = library
    source_id = p.list_sources()[0].id
    count_before = p.count_articles(source_id)
    inside, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with p._cx.write() as conn:
            conn.execute("UPDATE articles SET headline = headline || '（改）' WHERE source_id = ?", (source_id,))
            inside.set()
            release.wait(HOLD_SECONDS)

    writer = threading.Thread(target=long_write)
    writer.start()
    try:
        assert inside.wait(5)
        took = _read_everything(p)
        assert all(seconds < LIMIT_SECONDS for seconds in took.values()), took
        # the readers see the last committed state, not the open transaction
        assert not any(a.headline.endswith("（改）") for a in p.list_articles(source_id))
    finally:
        release.set()
        writer.join()
    # once committed, the change is visible to the next read
    assert p.count_articles(source_id) == count_before
    assert all(a.headline.endswith("（改）") for a in p.list_articles(source_id) if a.headline)


WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE articles SET kind = kind")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def test_reads_answer_while_another_process_writes(library):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(library.path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        with pytest.raises(sqlite3.OperationalError, match="locked"):  # the write lock really is held
            other = sqlite3.connect(library.path, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
        took = _read_everything(library)
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(10)
    assert all(seconds < LIMIT_SECONDS for seconds in took.values()), took


def test_a_thread_reads_its_own_uncommitted_write(library):
    p = library
    source_id = p.list_sources()[0].id
    with p._cx.write() as conn:
        conn.execute("UPDATE articles SET headline = 'X' WHERE source_id = ?", (source_id,))
        assert {a.headline for a in p.list_articles(source_id)} == {"X"}  # read inside its own write
    assert {a.headline for a in p.list_articles(source_id)} == {"X"}


def test_read_connections_are_lent_not_kept_per_thread(project_path):
    """Every background task is a new thread: connections are lent per read, not kept per thread."""
    p = Project.open(project_path)
    try:
        p.count_sources()
        for _ in range(20):
            t = threading.Thread(target=p.count_sources)
            t.start()
            t.join()
        assert p._cx._readers.connections == 1  # one reader at a time: one connection, reused
        inside, release = threading.Event(), threading.Event()

        def long_read() -> None:
            with p._cx.read() as conn:
                conn.execute("SELECT count(*) FROM sources").fetchone()
                inside.set()
                release.wait(5)

        t = threading.Thread(target=long_read)
        t.start()
        assert inside.wait(5)
        assert p.count_sources() == 0  # reads beside a long read: a second connection
        assert p._cx._readers.connections == 2
        release.set()
        t.join()
    finally:
        p.close()
    assert p._cx._readers.connections == 0


def test_a_read_cannot_write(library):
    from db import StoreError

    with pytest.raises(StoreError, match="readonly"):
        with library._cx.read() as conn:
            conn.execute("DELETE FROM annotations")
