"""The parallel import: workers reflow, one writer; the same rows as sequential, safe on cancel and errors."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from db import Project
from db.errors import StoreError
from db.models import ImportStatus

from .conftest import PAGE_A, PAGE_B, columns, rows


def _varied_pages(folder: Path, count: int) -> list[Path]:
    """Pages made from the two samples, each with its paragraphs picked and shuffled differently."""
    folder.mkdir()
    out = []
    for i in range(count):
        rng = random.Random(i)
        lines = (PAGE_A, PAGE_B)[i % 2].split("\n")
        body = lines[3:]
        rng.shuffle(body)
        text = "\n".join(lines[:3] + [f"第{i}版"] + body[: rng.randint(len(body) // 2, len(body))]) + "\n"
        path = folder / f"page_{i:02d}.txt"
        path.write_bytes(text.encode("gb18030" if i % 3 == 0 else "utf-8"))
        out.append(path)
    return out


_VOLATILE = {"imported_at", "updated_at"}


def _all_rows(path: Path) -> dict[str, list[tuple]]:
    tables = ("sources", "articles", "blocks", "search_docs", "engine_articles", "engine_blocks")
    out = {}
    for table in tables:
        cols = sorted(columns(path, table) - _VOLATILE)
        out[table] = rows(path, f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1, 2")
    out["grams"] = rows(path, "SELECT count(*) FROM search_grams WHERE search_grams MATCH 'a OR b OR 版'")
    out["index"] = _index_terms(path)
    return out


def _index_terms(path: Path) -> list[tuple[str, int]]:
    """Every token the search index holds, with the number of articles holding it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_grams, row)")
        return conn.execute("SELECT term, doc FROM temp.vocab WHERE doc > 0 ORDER BY term").fetchall()
    finally:
        conn.close()


def test_parallel_import_writes_the_same_rows_as_sequential(tmp_path: Path) -> None:
    pages = _varied_pages(tmp_path / "pages", 10)
    (tmp_path / "pages" / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    reports = {}
    for workers in (1, 2):
        with Project.open(tmp_path / f"w{workers}.jiaokan") as p:
            reports[workers] = p.import_paths([tmp_path / "pages"], workers=workers)
    one, two = reports[1], reports[2]
    assert [(o.path, o.status, o.source_id, o.articles) for o in one.outcomes] == [
        (o.path, o.status, o.source_id, o.articles) for o in two.outcomes
    ]
    assert sum(o.status.value == "imported" for o in two.outcomes) == len(pages)
    assert _all_rows(tmp_path / "w1.jiaokan") == _all_rows(tmp_path / "w2.jiaokan")


def test_a_batch_of_pages_is_indexed_as_a_file_at_a_time_is(tmp_path: Path) -> None:
    """The parallel import hands the index a whole batch at once, held in memory until it commits
    (one segment a batch); the index then holds the same tokens in the same articles as when each
    page is indexed in its own transaction, so every search and total is the same."""
    from db.search_index import PENDING_BYTES

    _varied_pages(tmp_path / "pages", 12)
    for workers in (1, 2):
        with Project.open(tmp_path / f"w{workers}.jiaokan") as p:
            p.import_paths([tmp_path / "pages"], workers=workers)
    batched = _index_terms(tmp_path / "w2.jiaokan")
    assert len(batched) > 1000 and batched == _index_terms(tmp_path / "w1.jiaokan")
    setting = rows(tmp_path / "w2.jiaokan", "SELECT v FROM search_grams_config WHERE k = 'hashsize'")
    assert setting == [(PENDING_BYTES,)]


def test_a_cancelled_parallel_import_keeps_every_file_it_reported(tmp_path: Path) -> None:
    _varied_pages(tmp_path / "pages", 12)
    seen: list[ImportStatus] = []

    def progress(p) -> None:
        seen.append(p.outcome.status)

    with Project.open(tmp_path / "p.jiaokan") as project:
        report = project.import_paths([tmp_path / "pages"], workers=2, progress=progress, cancel=lambda: len(seen) >= 5)
    assert report.cancelled and len(report.outcomes) == 5 == len(seen)
    stored = rows(tmp_path / "p.jiaokan", "SELECT path FROM sources ORDER BY id")
    assert [r[0] for r in stored] == [o.path for o in report.outcomes]


def test_an_error_writing_one_file_keeps_the_files_before_it(tmp_path: Path) -> None:
    pages = _varied_pages(tmp_path / "pages", 10)
    path = tmp_path / "p.jiaokan"
    with Project.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(  # a real failure inside the store, on the sixth file
        "CREATE TRIGGER refuse BEFORE INSERT ON sources WHEN NEW.name = 'page_05.txt'"
        " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    )
    conn.commit()
    conn.close()
    with Project.open(path) as project, pytest.raises(StoreError, match="refused by the test"):
        project.import_paths([tmp_path / "pages"], workers=2)
    names = [r[0] for r in rows(path, "SELECT name FROM sources ORDER BY id")]
    assert names == [p.name for p in pages[:5]]
    orphans = rows(path, "SELECT count(*) FROM articles WHERE source_id NOT IN (SELECT id FROM sources)")
    assert orphans == [(0,)]


def test_an_import_off_the_main_thread_starts_fresh_workers_and_writes_the_same_rows(tmp_path: Path) -> None:
    """The desk imports on a worker thread: its workers are spawned, not forked, with the same result."""
    import threading

    _varied_pages(tmp_path / "pages", 6)
    with Project.open(tmp_path / "w1.jiaokan") as p:
        p.import_paths([tmp_path / "pages"], workers=1)
    done: list = []
    with Project.open(tmp_path / "w2.jiaokan") as p:
        thread = threading.Thread(target=lambda: done.append(p.import_paths([tmp_path / "pages"], workers=2)))
        thread.start()
        thread.join(timeout=120)
    assert done and sum(o.status is ImportStatus.IMPORTED for o in done[0].outcomes) == 6
    assert _all_rows(tmp_path / "w1.jiaokan") == _all_rows(tmp_path / "w2.jiaokan")
