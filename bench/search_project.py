"""A project of N distinct invented articles for the search benchmark, cached between runs.

Importing 100,000 articles through the engine takes many minutes, and search reads
only the articles' text, their sources and the search index. So a few generated
pages are imported through the store (real source rows), and the remaining articles
are distinct generated texts (``bench.pages.article_texts``: no two alike) added to
those sources with SQL and indexed with the store's own indexer
(``db.search_index.index_new_articles``). The articles have no blocks: the project
is for searching, not for the desk.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Where built projects are kept between runs (JIAOKAN_BENCH_CACHE overrides).
CACHE = Path(os.environ.get("JIAOKAN_BENCH_CACHE") or Path(tempfile.gettempdir()) / "jiaokan-bench")
#: Bump when the generator or the way the project is built changes, so stale caches are rebuilt.
#: 2: schema 4, an article's text is its blocks'; 3: schema 6, hashed trigrams; 4: 65,536 buckets; 5: schema 7
BUILD_VERSION = 5


def build(path: Path, articles: int, seed: int = 0, pages: int = 12) -> Path:
    """Build the project at ``path`` (replacing any file there)."""
    sys.path.insert(0, str(REPO))
    from bench.pages import article_texts, write_pages
    from db import Project, search_index

    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    folder = path.with_suffix(".pages")
    write_pages(folder, pages, seed)
    with Project.open(path) as project:
        project.import_paths([str(folder)])
        with project._cx.write() as conn:  # the benchmark's own bulk path; see the module docstring
            have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            source_ids = [r[0] for r in conn.execute("SELECT id FROM sources ORDER BY id")]
            template = conn.execute("SELECT * FROM articles ORDER BY id LIMIT 1").fetchone()
            columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
            row = dict(zip(columns, template, strict=True))
            row.pop("id")
            names = list(row)
            sql = f"INSERT INTO articles ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            batch: list[tuple[int, str]] = []
            position = 1000
            for n, (headline, text) in enumerate(article_texts(max(0, articles - have), seed)):
                row.update(
                    source_id=source_ids[n % len(source_ids)],
                    position=position + n,
                    headline=headline,
                    engine_index=None,
                )
                article_id = conn.execute(sql, [row[k] for k in names]).lastrowid
                conn.execute(  # an article's text is its blocks' (schema 4): one paragraph, its text stored (7)
                    "INSERT INTO block_store (article_id, position, role, text, runs)"
                    " VALUES (?, 0, 'paragraph', ?, '[]')",
                    (article_id, text),
                )
                batch.append((article_id, text))
                if len(batch) == 2000:
                    search_index.index_new_articles(conn, batch)
                    batch.clear()
            search_index.index_new_articles(conn, batch)
    for f in folder.rglob("*.txt"):
        f.unlink()
    for d in sorted(folder.rglob("*"), reverse=True):
        d.rmdir()
    folder.rmdir()
    return path


def cached(articles: int, seed: int = 0, cache: Path = CACHE) -> Path:
    """The cached project of ``articles`` articles, built once."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"search-v{BUILD_VERSION}-{articles}-{seed}.jiaokan"
    if path.is_file():
        return path
    partial = path.with_name(path.name + ".partial.jiaokan")
    started = time.perf_counter()
    print(f"building a {articles}-article search project (cached in {cache}) …", file=sys.stderr, flush=True)
    build(partial, articles, seed)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    partial.replace(path)
    print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return path
