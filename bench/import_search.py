"""Import throughput, memory and search latency of the project store.

Usage: python bench/import_search.py [--pages 3000] [--articles 100000] [--jobs 1] [--keep DIR]

1. Builds N new page dumps from the shared corpus (../shared/corpus): each real
   page is reflowed once, the raw text of its articles is cut out, and new pages
   are assembled from shuffled articles under a fresh page header.
2. Imports them with ``Project.import_paths`` in a subprocess and reports MB/s
   (UTF-8 input bytes per wall-clock second) and peak RSS
   (``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the largest single process).
3. Does the same for the floor: a bare ``sqlite-utils insert-files`` of the raw
   files plus ``sqlite-utils enable-fts`` (FTS5), and prints the ratio.
4. Grows the project to M articles by cloning its sources, articles and blocks
   with SQL and indexing the clones with the store's own indexer, then times
   searches (median, p95, limit 100 hits) for 1-, 2- and 4-character queries
   sampled from the text, for absent queries (worst case: the whole index is
   consulted) and for regular expressions.

Targets: 3,000 pages in under 60 s, within 3x of the floor, peak RSS under
300 MB, search median under 50 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
SQLITE_UTILS = Path(sys.executable).with_name("sqlite-utils")


def article_chunks(corpus: Path) -> list[str]:
    """Raw text of each article of each corpus page (overlapping spans merged)."""
    sys.path.insert(0, str(REPO))
    from reader import read_dump, reflow_text

    chunks: list[str] = []
    for path in sorted(corpus.glob("*.txt")):
        decoded = read_dump(str(path))
        doc = reflow_text(decoded.text, str(path), decoded.encoding)
        spans = sorted(a.raw_span for a in doc.articles if a.raw_span[1] > a.raw_span[0])
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            # extend to whole lines so column lines stay intact
            s = decoded.text.rfind("\n", 0, s) + 1
            e2 = decoded.text.find("\n", e)
            chunks.append(decoded.text[s : len(decoded.text) if e2 < 0 else e2].strip("\n"))
    return chunks


def build_pages(folder: Path, count: int, seed: int = 1) -> int:
    """Write ``count`` page dumps; returns their total size in bytes."""
    chunks = article_chunks(CORPUS)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        picked = rng.sample(chunks, k=min(len(chunks), rng.randint(5, 8)))
        header = f"工会新闻 2025年{1 + i % 12}月{1 + i % 28}日 星期三 {1 + i % 8}\n\n第{i}期"
        data = ("\n\n".join([header, *picked]) + "\n").encode("utf-8")
        (folder / f"page_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def measure(argv: list[str]) -> tuple[float, float, str]:
    """Run a command in a subprocess: (seconds, peak RSS in MB of the largest process, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(argv[:3])}…\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024, done.stdout


IMPORT = """
import sys
sys.path.insert(0, {repo!r})
from db import Project
with Project.open({project!r}) as p:
    report = p.import_paths([{folder!r}], workers={jobs})
    print(len(report.outcomes), len(report.failed), sum(o.articles for o in report.outcomes))
"""

GROW = """
import sys
sys.path.insert(0, {repo!r})
from db import Project, search_index
target = {articles}
with Project.open({project!r}) as p, p._cx.write() as conn:
    have = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    base = conn.execute("SELECT max(id) FROM sources").fetchone()[0]
    round_ = 0
    while have < target:
        round_ += 1
        for sid in range(1, base + 1):
            if have >= target:
                break
            new_sid = conn.execute(
                "INSERT INTO sources (path, name, version, sha256, size, raw_bytes, raw_text, encoding, had_bom,"
                " imported_at, engine_version, extractor, layout, furniture) SELECT path || '#clone' || ?, name,"
                " version, sha256, size, raw_bytes, raw_text, encoding, had_bom, imported_at, engine_version,"
                " extractor, layout, furniture FROM sources WHERE id = ?", (round_, sid)).lastrowid
            for aid, in conn.execute("SELECT id FROM articles WHERE source_id = ?", (sid,)).fetchall():
                new_aid = conn.execute(
                    "INSERT INTO articles (source_id, position, kind, engine_index, text, headline, updated_at)"
                    " SELECT ?, position, kind, engine_index, text, headline, updated_at FROM articles WHERE id = ?",
                    (new_sid, aid)).lastrowid
                conn.execute(
                    "INSERT INTO blocks (article_id, position, role, text, runs, original_text)"
                    " SELECT ?, position, role, text, runs, original_text FROM blocks WHERE article_id = ?",
                    (new_aid, aid))
                text = conn.execute("SELECT text FROM articles WHERE id = ?", (new_aid,)).fetchone()[0]
                search_index.index_new_articles(conn, [(new_aid, text)])
                have += 1
    print(have)
"""

SEARCH = """
import json, random, statistics, sys, time
sys.path.insert(0, {repo!r})
from db import Project
rng = random.Random(3)
out = {{}}
with Project.open({project!r}) as p:
    conn = p._cx.conn
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    top = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    def sample(length, count):
        got = []
        while len(got) < count:
            row = conn.execute("SELECT text FROM articles WHERE id >= ? LIMIT 1", (rng.randint(1, top),)).fetchone()
            text = row[0]
            if len(text) <= length:
                continue
            i = rng.randrange(len(text) - length)
            q = text[i:i + length]
            if q.isalnum():
                got.append(q)
        return got
    def timed(queries, regex=False):
        times = []
        hits = []
        for q in queries:
            start = time.perf_counter()
            r = p.search(q, regex=regex, limit=100)
            times.append((time.perf_counter() - start) * 1000)
            hits.append(len(r.hits))
        times.sort()
        return {{"median_ms": statistics.median(times), "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
                "max_ms": times[-1], "queries": len(queries), "median_hits": statistics.median(hits)}}
    p.search("热身")  # warm the page cache once
    for length in (1, 2, 4):
        out[f"{{length}}-char"] = timed(sample(length, {queries}))
    out["absent 1-char"] = timed(["龘", "齉", "靐"])
    out["absent 2-char"] = timed(["龘龘", "职龘", "工齉"])
    out["absent 4-char"] = timed(["工会职工", "劳动工会", "职工中心"])
    out["regex"] = timed([r"职工.{{0,4}}服务", r"\\d+万", r"(工会|职工)组织", r"[一二三四五六七八九十]+个",
                          r"劳动.{{0,3}}纠纷"], regex=True)
    out["articles"] = n
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=3000, help="pages to import (3000)")
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the search project (100000)")
    parser.add_argument("--queries", type=int, default=30, help="sampled queries per length (30)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for the import (1)")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    if not any(CORPUS.glob("*.txt")):
        print(f"no corpus at {CORPUS}: the benchmark needs the shared corpus", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jiaokan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        pages = work / "pages"
        if pages.exists():
            shutil.rmtree(pages)
        size = build_pages(pages, args.pages)
        mb = size / 1e6
        print(f"corpus: {args.pages} pages, {mb:.1f} MB in {pages}")

        project = work / "bench.jiaokan"
        for f in work.glob("bench.jiaokan*"):
            f.unlink()
        secs, rss, out = measure(
            [
                sys.executable,
                "-c",
                IMPORT.format(repo=str(REPO), project=str(project), folder=str(pages), jobs=args.jobs),
            ]
        )
        files, failed, articles = (int(x) for x in out.split())
        print(
            f"jiaokan import: {secs:.1f} s, {mb / secs:.2f} MB/s, peak RSS {rss:.0f} MB "
            f"({files} files, {failed} failed, {articles} articles, jobs={args.jobs})"
        )

        floor_db = work / "floor.db"
        if floor_db.exists():
            floor_db.unlink()
        s1, r1, _ = measure([str(SQLITE_UTILS), "insert-files", str(floor_db), "pages", str(pages), "--text", "-s"])
        s2, r2, _ = measure([str(SQLITE_UTILS), "enable-fts", str(floor_db), "pages", "content", "--fts5"])
        floor = s1 + s2
        print(
            f"floor (sqlite-utils insert-files + enable-fts): {floor:.1f} s, {mb / floor:.2f} MB/s, "
            f"peak RSS {max(r1, r2):.0f} MB"
        )
        print(f"ratio jiaokan/floor: {secs / floor:.1f}x")

        grown = work / "search.jiaokan"
        for f in work.glob("search.jiaokan*"):
            f.unlink()
        shutil.copyfile(project, grown)
        gsecs, _, out = measure(
            [sys.executable, "-c", GROW.format(repo=str(REPO), project=str(grown), articles=args.articles)]
        )
        print(
            f"search project: {int(out)} articles (cloned and indexed in {gsecs:.0f} s), "
            f"{grown.stat().st_size / 1e6:.0f} MB"
        )
        _, srss, out = measure(
            [sys.executable, "-c", SEARCH.format(repo=str(REPO), project=str(grown), queries=args.queries)]
        )
        results = json.loads(out)
        for name, r in results.items():
            if name == "articles":
                continue
            print(
                f"search {name:<14} median {r['median_ms']:7.2f} ms  p95 {r['p95_ms']:7.2f} ms  "
                f"max {r['max_ms']:7.2f} ms  ({r['queries']} queries, median {r['median_hits']:.0f} hits)"
            )
        print(f"search process peak RSS {srss:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
