"""Import throughput, memory and project size against a checked floor; search over distinct articles.

Usage: python bench/import_search.py [--size tiny|quick|full] [--jobs 2] [--json]

Import (cold: a fresh process, a new project file): N varied generated pages
(``bench.pages``, seeded, every page different) imported with
``Project.import_paths(workers=--jobs)``: wall time, the importing process's own
peak memory and its largest worker's (each process's ``VmHWM``, the workers'
sampled from the importing process; see ``bench.common.peak_rss_mb``), and the
project file's size against the input's.

Floor, same pages, same run, also in a fresh process: ``sqlite-utils`` inserts
the decoded texts into ``pages(path, text)`` and builds an FTS5 index with the
trigram tokenizer on the ``text`` column; the benchmark then checks that the
floor's index answers a phrase taken from the data (a MATCH returning rows), so
the floor cannot silently index nothing.

Search: ``bench/search.py`` over a project of distinct articles (see there).

Targets: import <= 2.5x the floor in wall time on 2 cores, project file <= 3x the
input, peak RSS < 300 MB.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, bench_parser, emit, run_child  # noqa: E402

SIZES = {"tiny": 8, "quick": 300, "full": 3000}


def _file_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def child_import(folder: str, project: str, jobs: int) -> dict:
    from bench.common import ChildrenPeak
    from db import Project

    started = time.perf_counter()
    with ChildrenPeak() as workers, Project.open(project) as p:
        report = p.import_paths([folder], workers=jobs)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "files": len(report.outcomes),
        "failed": len(report.failed),
        "articles": sum(o.articles for o in report.outcomes),
        "worker_peak_rss_mb": workers.peak_mb,
        "size": _file_size(Path(project)),
    }


def child_floor(folder: str, database: str) -> dict:
    """sqlite-utils insert + trigram FTS5 on the text column, then a query the index must answer."""
    import sqlite_utils

    started = time.perf_counter()
    db = sqlite_utils.Database(database)
    rows = ({"path": str(f), "text": f.read_bytes().decode("utf-8")} for f in sorted(Path(folder).rglob("*.txt")))
    db["pages"].insert_all(rows, batch_size=200)
    db["pages"].enable_fts(["text"], tokenize="trigram")
    db.conn.commit()
    seconds = time.perf_counter() - started
    # a phrase known to be in the data: four characters from the middle of the first page
    text = db.execute("SELECT text FROM pages ORDER BY rowid LIMIT 1").fetchone()[0]
    runs = [w for w in "".join(c if "\u4e00" <= c <= "\u9fff" else " " for c in text).split() if len(w) >= 4]
    phrase = runs[len(runs) // 2][:4]
    hits = db.execute("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH ?", (f'"{phrase}"',)).fetchone()[0]
    indexed = db.execute("SELECT count(*) FROM pages_fts_data").fetchone()[0]
    db.close()
    return {
        "seconds": seconds,
        "phrase": phrase,
        "hits": hits,
        "index_pages": indexed,
        "size": _file_size(Path(database)),
    }


def measure_import(size: str, jobs: int, work: Path) -> tuple[list[Row], Path]:
    from bench.pages import write_pages

    count = SIZES[size]
    pages = work / "pages"
    input_bytes = write_pages(pages, count, seed=2)
    project = work / "import.jiaokan"
    got = run_child("bench.import_search", "child_import", folder=str(pages), project=str(project), jobs=jobs)
    floor = run_child("bench.import_search", "child_floor", folder=str(pages), database=str(work / "floor.db"))
    if floor["hits"] < 1:
        raise SystemExit(f"the floor's trigram index does not answer {floor['phrase']!r}: it indexed nothing")
    if got["failed"] or got["files"] != count:
        raise SystemExit(f"the import failed on {got['failed']} of {count} files")
    mb = input_bytes / 1e6
    note = f"{count} varied pages, {mb:.1f} MB, {got['articles']} articles, jobs={jobs}; cold"
    rows = [
        Row("import wall time", got["seconds"], "s", floor["seconds"], "<= 2.5× floor", note),
        Row("import throughput", mb / got["seconds"], "MB/s", mb / floor["seconds"], "", higher_better=True),
        Row("import peak RSS, importing process", got["peak_rss_mb"], "MB", floor["peak_rss_mb"], "< 300 MB"),
        Row("import peak RSS, largest worker", got["worker_peak_rss_mb"], "MB", None, "< 300 MB"),
        Row(
            "project file / input",
            got["size"] / input_bytes,
            "×",
            floor["size"] / input_bytes,
            "<= 3×",
            "floor: the trigram FTS database",
        ),
        Row(
            "floor index answers a phrase",
            floor["hits"],
            "rows",
            None,
            ">= 1",
            f"MATCH {floor['phrase']!r}, {floor['index_pages']} index pages",
        ),
    ]
    return rows, project


def main(argv: list[str] | None = None) -> int:
    parser = bench_parser(__doc__, SIZES)
    parser.add_argument("--jobs", type=int, default=2, help="import worker processes (2: both cores)")
    parser.add_argument("--no-search", action="store_true", help="skip the search benchmark")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jiaokan-bench-import-") as work:
        rows, _ = measure_import(args.size, args.jobs, Path(work))
    if not args.no_search:
        from bench.search import measure as measure_search

        rows += measure_search(args.size)
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
