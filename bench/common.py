"""What every benchmark shares: the machine, measuring in a fresh process, statistics, the table.

Each phase runs in its own process (``run_child``) and reports its own peak resident
memory, read inside that process with ``getrusage(RUSAGE_SELF)``: a figure for one
phase never includes another's. A benchmark reports ``Row``s: the figure, the floor
(the cheapest real tool doing the same work, measured in the same run), their ratio
and the target.
"""

from __future__ import annotations

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
from collections.abc import Sequence
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


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
        [sys.executable, "-c", code, module, function, json.dumps(kwargs)],
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
    module, function, kwargs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
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


def emit(rows: Sequence[Row], as_json: bool) -> None:
    """Print the rows: JSON for ``bench/run_all.py``, else a markdown table."""
    if as_json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False))
    else:
        print(markdown(rows, machine()))


def rows_from_json(text: str) -> list[Row]:
    return [Row(**r) for r in json.loads(text.strip().splitlines()[-1])]
