"""Run every benchmark and print one markdown table (what, figure, floor, ratio, target) and the machine.

Usage: python bench/run_all.py [--quick | --tiny] [--only reflow,import_search,ui,editing,export]

Each benchmark runs as its own process (``bench/NAME.py --size SIZE --json``) and
measures its phases in fresh processes of their own; its floor is measured in the
same run, so every ratio compares like with like on this machine at this moment.
Full size: reflow 300 pages and ``--json`` over 300 and 3,000 files; import of 3,000
pages; search over 100,000 distinct articles; the desk on the imported project;
editing latency on a long annotated article; exports from a project. ``--quick``
shrinks each (a few minutes); ``--tiny`` runs everything in seconds (the test
suite uses it to check that each benchmark runs and its floor does real work; its
figures mean nothing).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import REPO, Row, machine, markdown, rows_from_json  # noqa: E402

BENCHMARKS = ("reflow", "import_search", "ui", "editing", "export")


def run_benchmark(name: str, size: str) -> tuple[list[Row], str]:
    """The benchmark's rows, or one row saying it failed (the others still run)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / f"{name}.py"), "--size", size, "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [Row(f"{name}: FAILED", 0, "", note=reason[:200])], f"{name}: failed after {seconds:.0f} s"
    return rows_from_json(done.stdout), f"{name}: {seconds:.0f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="smaller workloads (a few minutes)")
    group.add_argument("--tiny", action="store_true", help="seconds; figures meaningless (for the tests)")
    parser.add_argument("--only", default="", help="comma-separated benchmarks (default: all)")
    args = parser.parse_args(argv)
    size = "tiny" if args.tiny else "quick" if args.quick else "full"
    names = [n for n in (args.only.split(",") if args.only else BENCHMARKS) if n]
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    info = machine()
    rows: list[Row] = []
    timings = []
    for name in names:
        got, timing = run_benchmark(name, size)
        rows += got
        timings.append(timing)
        print(timing, file=sys.stderr, flush=True)
    info["load average after"] = machine()["load average"]
    print(f"## Benchmarks ({size}: `python bench/run_all.py{'' if size == 'full' else ' --' + size}`)\n")
    print(markdown(rows, info))
    print("\nRatios are figure ÷ floor (for rates, floor ÷ figure): above 1 is slower than the floor.")
    print("Run times: " + "; ".join(timings))
    return 1 if any(r.what.endswith("FAILED") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
