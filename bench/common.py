"""What every benchmark shares: the machine, measuring in a fresh process, statistics, the table.

Each phase runs in its own process (``run_child``) and reports its own peak resident
memory, read inside that process (``VmHWM``; see ``peak_rss_mb`` for why not
``ru_maxrss``): a figure for one phase never includes another's. A benchmark reports ``Row``s: the figure, the floor
(the cheapest real tool doing the same work, measured in the same run), their ratio
and the target.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZES = ("tiny", "quick", "full")


@dataclass
class Row:
    """One line of the table. ``floor`` is in the unit of ``figure``; lower is better unless ``higher_better``."""

    what: str
    figure: float
    unit: str
    floor: float | None = None
    target: str = ""
    note: str = ""
    higher_better: bool = False

    @property
    def ratio(self) -> float | None:
        if not self.floor:
            return None
        return self.floor / self.figure if self.higher_better else self.figure / self.floor


def machine() -> dict[str, str]:
    """The CPU model, core count, Python and SQLite versions: the table names its machine."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": model,
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "os": platform.platform(terse=True),
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _hwm_mb(status: str) -> float | None:
    try:
        for line in Path(status).read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def peak_rss_mb() -> float:
    """Peak resident memory of this process.

    Read from ``VmHWM`` (the high-water mark of this address space) where Linux offers it:
    ``getrusage(RUSAGE_SELF).ru_maxrss`` of a freshly started process already holds its
    parent's resident size at the fork (Linux carries it over the exec), so a small child
    of a big parent would report the parent's figure. Elsewhere, ``ru_maxrss``.
    """
    hwm = _hwm_mb("/proc/self/status")
    if hwm is not None:
        return hwm
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ChildrenPeak:
    """The largest ``VmHWM`` of this process's children (worker processes), sampled by a thread.

    A high-water mark only grows, so a sample every ``interval`` misses at most the growth
    of a child's last ``interval`` before it exits.
    """

    def __init__(self, interval: float = 0.2) -> None:
        import threading

        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        for children in Path("/proc/self/task").glob("*/children"):
            try:
                pids = children.read_text().split()
            except OSError:
                continue
            for pid in pids:
                self.peak_mb = max(self.peak_mb, _hwm_mb(f"/proc/{pid}/status") or 0.0)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> ChildrenPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def stats_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Median, 95th percentile (nearest rank) and maximum, in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, max(0, -(-95 * len(ms) // 100) - 1))]
    return {"median": statistics.median(ms), "p95": p95, "max": ms[-1], "n": len(ms)}


def run_child(module: str, function: str, timeout: float = 1800, **kwargs) -> dict:
    """Call ``module.function(**kwargs)`` in a fresh interpreter; its dict result plus ``peak_rss_mb``."""
    code = "import sys; from bench.common import child_main; child_main()"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, module, function],
        input=json.dumps(kwargs),  # on stdin: thousands of file names do not fit in argv
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module}.{function} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def child_main() -> None:
    module, function, kwargs = sys.argv[1], sys.argv[2], json.loads(sys.stdin.read())
    result = getattr(importlib.import_module(module), function)(**kwargs)
    result["peak_rss_mb"] = peak_rss_mb()
    sys.stdout.flush()
    print(json.dumps(result))


def wall(argv: Sequence[str], runs: int, **kw) -> list[float]:
    """Wall-clock seconds of ``runs`` fresh runs of a command (output discarded)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, **kw)
        times.append(time.perf_counter() - started)
    return times


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if float(value).is_integer() and abs(value) < 1e9:
        return f"{int(value)} {unit}".strip()
    text = f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"
    return f"{text} {unit}".strip()


def markdown(rows: Sequence[Row], info: dict[str, str] | None = None) -> str:
    lines = ["| what | figure | floor | ratio | target |", "|---|---|---|---|---|"]
    for r in rows:
        ratio = r.ratio
        what = r.what + (f" ({r.note})" if r.note else "")
        lines.append(
            f"| {what} | {_fmt(r.figure, r.unit)} | {_fmt(r.floor, r.unit)} | "
            f"{'—' if ratio is None else f'{ratio:.2f}×'} | {r.target or '—'} |"
        )
    if info:
        lines.append("")
        lines.append("Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()))
    return "\n".join(lines)


def bench_parser(doc: str, sizes: Iterable[str]) -> argparse.ArgumentParser:
    """The options every benchmark script takes: ``--size`` (the full size by default) and ``--json``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--size", choices=tuple(sizes), default="full")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON (for bench/run_all.py)")
    return parser


def emit(rows: Sequence[Row], as_json: bool) -> None:
    """Print the rows: JSON for ``bench/run_all.py``, else a markdown table."""
    if as_json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False))
    else:
        print(markdown(rows, machine()))


def rows_from_json(text: str) -> list[Row]:
    return [Row(**r) for r in json.loads(text.strip().splitlines()[-1])]
