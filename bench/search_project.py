"""A project of N distinct invented articles for the search benchmark, cached between runs.

Importing 100,000 articles through the engine takes many minutes, and search reads only
the articles' text, their sources and the search index. So two generated pages are
imported through the store (real source and article rows, used as templates), and the
remaining articles (``bench.pages.invented_articles``: no two alike) are set as page dumps
and written with SQL in bulk, as an import of schema 7 writes them:

- 6 or 7 articles a page (~15,000 source rows for 100,000 articles), each page's raw text a
  dump: a dated header line, then per article its headline lines, the byline and its
  paragraphs cut into column lines (with or without an indent), a blank line between;
- one ``block_store`` row per kicker, title, subtitle, byline and paragraph, its ``runs``
  naming the raw slices of its text and its ``text`` NULL (derived, like every block the
  engine makes), so search reads each candidate from its page's raw text as it does in an
  imported project;
- indexed with the store's own indexer (``db.search_index.index_new_articles``).

No engine record is written for the bulk pages: the project is for searching, not the desk.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Where built projects are kept between runs (JIAOKAN_BENCH_CACHE overrides).
CACHE = Path(os.environ.get("JIAOKAN_BENCH_CACHE") or Path(tempfile.gettempdir()) / "jiaokan-bench")
#: Bump when the generator or the way the project is built changes, so stale caches are rebuilt.
#: 2: schema 4, an article's text is its blocks'; 3: schema 6, hashed trigrams; 4: 65,536 buckets;
#: 5: schema 7; 6: articles on pages of 6-7, their blocks derived from the pages' raw text
BUILD_VERSION = 6

#: One block: (role, text, runs as compact JSON [[text_start, raw_start, length], ...]).
Block = tuple[str, str, str]


def _compact(runs: list[list[int]]) -> str:
    return json.dumps(runs, separators=(",", ":"))


def dress_page(index: int, articles: list, seed: int = 0) -> tuple[str, list[list[Block]]]:
    """A page dump holding ``articles`` (``bench.pages.Article``), and each article's blocks in text order."""
    rng = random.Random(f"bulk-page-{seed}-{index}")
    measure = rng.randint(12, 28)
    header = f"第{rng.randint(1, 16)}版 {rng.randint(2015, 2025)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    raw: list[str] = [header + "\n\n"]
    at = len(raw[0])
    laid_out: list[list[Block]] = []

    def put(line: str) -> int:
        nonlocal at
        start = at
        raw.append(line + "\n")
        at += len(line) + 1
        return start

    for art in articles:
        blocks: list[Block] = []
        for role, text in (("kicker", art.kicker), ("title", art.title), ("subtitle", art.subtitle)):
            if text:
                blocks.append((role, text, _compact([[0, put(text), len(text)]])))
        put("")
        blocks.append(("byline", art.byline, _compact([[0, put(art.byline), len(art.byline)]])))
        for paragraph in art.paragraphs:
            indent = "\u3000\u3000" if rng.random() < 0.5 else ""
            runs = []
            for t0 in range(0, len(paragraph), measure):
                piece = paragraph[t0 : t0 + measure]
                start = put((indent if t0 == 0 else "") + piece) + (len(indent) if t0 == 0 else 0)
                runs.append([t0, start, len(piece)])
            blocks.append(("paragraph", paragraph, _compact(runs)))
        put("")
        laid_out.append(blocks)
    return "".join(raw), laid_out


def bulk_pages(count: int, seed: int = 0) -> Iterator[tuple[str, list[list[Block]]]]:
    """``count`` distinct articles set on pages of 6 or 7: each page's raw text and its articles' blocks."""
    from bench.pages import invented_articles

    rng = random.Random(f"bulk-{seed}")
    page: list = []
    size = rng.randint(6, 7)
    index = 0
    for art in invented_articles(count, seed):
        page.append(art)
        if len(page) == size:
            yield dress_page(index, page, seed)
            index, page, size = index + 1, [], rng.randint(6, 7)
    if page:
        yield dress_page(index, page, seed)


def _template(conn, table: str) -> dict:
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    row = dict(zip(columns, conn.execute(f"SELECT * FROM {table} ORDER BY id LIMIT 1").fetchone(), strict=True))
    row.pop("id")
    return row


def _insert_sql(table: str, names: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


def build(path: Path, articles: int, seed: int = 0, pages: int = 2) -> Path:
    """Build the project at ``path`` (replacing any file there)."""
    sys.path.insert(0, str(REPO))
    from bench.pages import write_pages
    from db import Project, search_index

    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    folder = path.with_suffix(".pages")
    write_pages(folder, pages, seed)
    with Project.open(path) as project:
        project.import_paths([str(folder)])
        with project._cx.write() as conn:  # the benchmark's own bulk path; see the module docstring
            have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            source, article = _template(conn, "sources"), _template(conn, "articles")
            source_sql, article_sql = _insert_sql("sources", list(source)), _insert_sql("articles", list(article))
            block_sql = "INSERT INTO block_store (article_id, position, role, text, runs) VALUES (?, ?, ?, NULL, ?)"
            batch: list[tuple[int, str]] = []
            for n, (raw, laid_out) in enumerate(bulk_pages(max(0, articles - have), seed)):
                data = raw.encode("utf-8")
                name = f"bulk_{n:06d}.txt"
                source.update(
                    path=f"bulk/{n // 1000:03d}/{name}",
                    name=name,
                    version=1,
                    previous_id=None,
                    sha256=hashlib.sha256(data).hexdigest(),
                    size=len(data),
                    raw_text=raw,
                    raw_bytes=None if source["raw_bytes"] is None else data,
                    furniture="[]",
                )
                source_id = conn.execute(source_sql, list(source.values())).lastrowid
                for position, blocks in enumerate(laid_out):
                    headline = " ".join(t for role, t, _ in blocks if role in ("kicker", "title", "subtitle"))
                    article.update(source_id=source_id, position=position, engine_index=position, headline=headline)
                    article_id = conn.execute(article_sql, list(article.values())).lastrowid
                    rows = [(article_id, k, role, runs) for k, (role, _, runs) in enumerate(blocks)]
                    conn.executemany(block_sql, rows)
                    batch.append((article_id, "\n".join(t for _, t, _ in blocks)))
                if len(batch) >= 2000:
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
