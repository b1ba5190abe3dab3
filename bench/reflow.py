"""Reflow throughput and memory: many copies of the corpus pages, streamed one page at a time.

Usage: python bench/reflow.py [--pages N] [--corpus DIR]

Prints MB/s (UTF-8 bytes of input per second of decode + reflow, one core) and the
peak resident memory of a run over N pages and over 4N pages: streaming means
memory does not grow with the number of pages. Target: >= 5 MB/s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def pages(corpus: Path) -> list[Path]:
    found = sorted(corpus.glob("*.txt"))
    if not found:
        found = sorted((REPO / "resources" / "samples").glob("*.txt"))
    return found


def run_once(paths: list[str], count: int) -> dict[str, float]:
    """Reflow ``count`` pages cycling over ``paths``, reading each from disk like an import does."""
    sys.path.insert(0, str(REPO))
    from reader import decode_bytes, reflow_text

    total_bytes = 0
    articles = 0
    start = time.perf_counter()
    for k in range(count):
        data = Path(paths[k % len(paths)]).read_bytes()
        decoded = decode_bytes(data, paths[k % len(paths)])
        doc = reflow_text(decoded.text, paths[k % len(paths)], decoded.encoding)
        articles += len(doc.articles)
        total_bytes += len(data)
        del doc, decoded, data
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "pages": count,
        "mb": total_bytes / 1e6,
        "seconds": elapsed,
        "articles": articles,
        "peak_mb": peak_kb / 1024,
    }


def measure_in_child(paths: list[str], count: int) -> dict[str, float]:
    """A fresh process per measurement, so peak memory is that run's own."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(REPO)!r}); from bench.reflow import run_once; "
        f"print(json.dumps(run_once({paths!r}, {count})))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="pages in the first run (the second has 4x)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    paths = [str(p) for p in pages(args.corpus)]
    print(f"corpus: {len(paths)} distinct pages from {args.corpus if args.corpus.is_dir() else 'resources/samples'}")
    results = [measure_in_child(paths, n) for n in (args.pages, 4 * args.pages)]
    for r in results:
        print(
            f"{r['pages']:>6} pages  {r['mb']:8.1f} MB  {r['seconds']:7.2f} s  "
            f"{r['mb'] / r['seconds']:6.2f} MB/s  {r['articles']:>7} articles  peak RSS {r['peak_mb']:6.1f} MB"
        )
    growth = results[1]["peak_mb"] - results[0]["peak_mb"]
    rate = sum(r["mb"] for r in results) / sum(r["seconds"] for r in results)
    print(f"throughput {rate:.2f} MB/s (target >= 5); peak RSS grows {growth:+.1f} MB for 4x the pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
