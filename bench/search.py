"""Search latency with total counts over a project of distinct articles.

Usage: python bench/search.py [--size tiny|quick|full] [--seed N] [--json]

The project (``bench.search_project``: 100,000 distinct generated articles at full
size, cached in the temp folder) is searched in a fresh process. Query classes:

- present queries of 1, 2, 3 and 4 characters, cut from random articles at
  random places (so frequent characters come up as often as in the text);
- absent phrases of common pairs: 4 characters chaining three pairs that are
  each among the 300 pairs found in the most articles, verified absent by a scan
  of every article (the index holds every pair, so only the text can say no). The
  first pairs are shuffled by the seed and each is continued by the most common
  pairs first, so the phrases are not chosen to be easy: their trigrams are often
  common too, and many articles hold both trigrams of a phrase apart;
- absent queries with a character no article has; regular expressions.

Every search asks for the first 100 hits and the total (``SearchResult.total``,
exact or marked "about"). Cold: the first query of a fresh process that has just
opened the project. First run: each query's first run in that process; repeat: its
second. Figures: median, p95 and max; the note names the slowest query's plan
(``db.search.SearchStats``: candidate articles read, how many were folded). ``--seed``
draws another query set (5 by default). Floor, same run: ``grep -c -F`` over a file
of the same articles' folded text, one article a line (counts matching articles).
The floor is checked: grep finds a phrase cut from the data.

Targets: every 1-4 character or absent query < 50 ms median, < 150 ms p95.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, bench_parser, emit, run_child, stats_ms  # noqa: E402

SIZES = {"tiny": (300, 3), "quick": (20_000, 10), "full": (100_000, 30)}  # articles, queries per class
CLASSES = ("1-char", "2-char", "3-char", "4-char", "absent, common pairs", "absent, unseen char", "regex")


def _cjk(s: str) -> bool:
    return all("\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0002ffff" for c in s)


def pick_queries(project: str, per_class: int, seed: int = 5) -> dict[str, list[str]]:
    """Query lists by class, drawn from the project's own text."""
    import sqlite3

    from db import derived_text
    from db.folding import fold

    conn = derived_text.install(sqlite3.connect(f"file:{project}?mode=ro", uri=True))
    rng = random.Random(seed)
    top = conn.execute("SELECT max(article_id) FROM search_docs").fetchone()[0]
    out: dict[str, list[str]] = {}
    for n in (1, 2, 3, 4):
        got: list[str] = []
        while len(got) < per_class:
            row = conn.execute("SELECT text FROM search_docs WHERE article_id >= ? LIMIT 1", (rng.randint(1, top),))
            text = fold(row.fetchone()[0])
            i = rng.randrange(max(1, len(text) - n))
            if _cjk(text[i : i + n]):
                got.append(text[i : i + n])
        out[f"{n}-char"] = got
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_grams, row)")
    pairs = [
        t for (t,) in conn.execute("SELECT term FROM temp.vocab WHERE length(term) = 2 ORDER BY doc DESC LIMIT 300")
    ]
    pairs = [p for p in pairs if _cjk(p)]
    by_first: dict[str, list[str]] = {}
    for p in pairs:
        by_first.setdefault(p[0], []).append(p)
    chained: list[str] = []
    order = pairs[:]
    rng.shuffle(order)
    for a in order:
        for b in by_first.get(a[1], []):
            for c in by_first.get(b[1], []):
                phrase = a + b[1] + c[1]
                per_start = sum(1 for x in chained if x.startswith(a))  # spread over many first pairs
                if len(chained) < per_class * 4 and phrase not in chained and per_start < 2:
                    chained.append(phrase)
    present = _present_any(conn, chained)
    absent = [q for q in chained if q not in present][:per_class]
    out["absent, common pairs"] = absent
    from db.folding import fold_query

    chars = {c for (t,) in conn.execute("SELECT term FROM temp.vocab WHERE length(term) = 1") for c in t}
    unseen = [chr(cp) for cp in range(0x9FA5, 0x4E00, -1) if fold_query(chr(cp)) not in chars][: per_class * 2]
    out["absent, unseen char"] = [
        (u + out["1-char"][k % len(out["1-char"])]) if k % 2 else u for k, u in enumerate(unseen[:per_class])
    ]
    one = out["1-char"]
    out["regex"] = [f"{one[k % len(one)]}.{{0,3}}{one[(k + 1) % len(one)]}" for k in range(max(2, per_class // 3))]
    out["regex"].append("(a|aa)+$")
    conn.close()
    return out


def _present_any(conn, phrases: list[str]) -> set[str]:
    """Which phrases occur in some article: one pass over every article's folded, squeezed text."""
    from db.folding import fold, squeeze

    found: set[str] = set()
    for (text,) in conn.execute("SELECT text FROM search_docs"):
        squeezed = squeeze(fold(text)).text
        found.update(q for q in phrases if q not in found and q in squeezed)
    return found


def child_search(project: str, queries: dict[str, list[str]]) -> dict:
    from db import Project
    from db.errors import QueryError
    from db.search import SearchStats

    result: dict = {"classes": {}}
    with Project.open(project, create=False) as p:
        first = queries["2-char"][0]
        started = time.perf_counter()
        p.search(first)
        result["cold_s"] = time.perf_counter() - started
        for name, qs in queries.items():
            first_runs, repeats, about, hits, errors, slowest = [], [], 0, [], 0, (0.0, "")
            first_cpu: list[float] = []  # CPU time of first runs: what a machine busy with other work inflates less
            for q in qs:
                for run in (first_runs, repeats):
                    started, cpu = time.perf_counter(), time.process_time()
                    stats = SearchStats()
                    try:
                        r = p.search(q, regex=name == "regex", limit=100, stats=stats)
                    except QueryError:  # a regex stopped for taking too long: timed as it is
                        errors += 1
                        run.append(time.perf_counter() - started)
                        continue
                    run.append(time.perf_counter() - started)
                    if run is first_runs:
                        first_cpu.append(time.process_time() - cpu)
                    assert r.total >= len(r.hits), "the total is below the hits shown"
                    if run is first_runs:
                        about += not r.total_is_exact
                        hits.append(r.total)
                        slowest = max(slowest, (run[-1], _plan(stats)))
            result["classes"][name] = {
                "first": stats_ms(first_runs),
                "first_cpu": stats_ms(first_cpu) if first_cpu else None,
                "repeat": stats_ms(repeats),
                "about": about,
                "n": len(qs),
                "errors": errors,
                "median_total": sorted(hits)[len(hits) // 2] if hits else 0,
                "slowest_plan": slowest[1],
            }
    return result


def _cpu_note(cpu: dict | None) -> str:
    return f"; CPU median {cpu['median']:.1f} ms, p95 {cpu['p95']:.1f}, max {cpu['max']:.1f}" if cpu else ""


def _plan(stats) -> str:
    return (
        f"{stats.grams} grams ANDed, {stats.lookups} index look-ups, {stats.candidates} candidates read, "
        f"{getattr(stats, 'screened', 0)} ruled out through their runs, "  # (none before db/search_runs.py)
        f"{stats.folded} folded ({stats.fold_s * 1000:.1f} ms)"
    )


def dump_articles(project: Path) -> Path:
    """The floor's input: every article's folded text on one line (cached next to the project)."""
    import sqlite3

    out = project.with_suffix(".articles.txt")
    if out.is_file() and out.stat().st_mtime >= project.stat().st_mtime:
        return out
    from db import derived_text
    from db.folding import fold

    conn = derived_text.install(sqlite3.connect(f"file:{project}?mode=ro", uri=True))
    with open(out.with_suffix(".part"), "w", encoding="utf-8") as f:
        for (text,) in conn.execute("SELECT text FROM search_docs ORDER BY article_id"):
            f.write(fold(text).replace("\n", " ") + "\n")
    conn.close()
    out.with_suffix(".part").replace(out)
    return out


def grep_times(dump: Path, queries: list[str]) -> tuple[list[float], list[int]]:
    times, counts = [], []
    for q in queries:
        started = time.perf_counter()
        done = subprocess.run(["grep", "-c", "-F", "--", q, str(dump)], capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        counts.append(int(done.stdout.strip() or 0))
    return times, counts


def measure(size: str, seed: int = 5) -> list[Row]:
    from bench.search_project import cached

    articles, per_class = SIZES[size]
    project = cached(articles)
    queries = pick_queries(str(project), per_class, seed)
    got = run_child("bench.search", "child_search", project=str(project), queries=queries)
    dump = dump_articles(project)
    floor_n = min(per_class, 10)
    _, known = grep_times(dump, queries["4-char"][:1])
    if known[0] < 1:
        raise SystemExit("the floor (grep) does not find a phrase cut from the data")
    note_size = f"{articles:,} distinct articles, query seed {seed}"
    rows = [Row("search, cold: first query of a fresh process", got["cold_s"] * 1000, "ms", None, "", note_size)]
    for name in CLASSES:
        c = got["classes"][name]
        plain = [q for q in queries[name]][:floor_n] if name != "regex" else []
        floor = stats_ms(grep_times(dump, plain)[0]) if plain else None
        detail = f"{c['n']} queries, {c['about']} totals 'about', median total {c['median_total']}"
        if c["errors"]:
            detail += f", {c['errors']} stopped as too long"
        plain_target = name != "regex"
        first, repeat = c["first"], c["repeat"]
        rows.append(
            Row(
                f"search {name}, median",
                first["median"],
                "ms",
                floor and floor["median"],
                "< 50 ms" if plain_target else "",
                f"{detail}; repeated: {repeat['median']:.1f} ms",
            )
        )
        rows.append(
            Row(
                f"search {name}, p95",
                first["p95"],
                "ms",
                floor and floor["p95"],
                "< 150 ms" if plain_target else "",
                f"max {first['max']:.1f} ms{_cpu_note(c['first_cpu'])}; slowest: {c['slowest_plan']}",
            )
        )
    rows.append(Row("search process peak RSS", got["peak_rss_mb"], "MB"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = bench_parser(__doc__, SIZES)
    parser.add_argument("--seed", type=int, default=5, help="draws the query set (5 by default)")
    args = parser.parse_args(argv)
    emit(measure(args.size, args.seed), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
