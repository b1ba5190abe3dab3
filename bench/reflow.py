"""Reflow throughput, start-up and ``--json`` output on varied generated pages.

Usage: python bench/reflow.py [--size tiny|quick|full] [--json]

Pages come from ``bench.pages`` (every page different: measure, blank lines,
headline position, article count and length vary; seeded). Measured, each in a
fresh process that reports its own peak memory (``RUSAGE_SELF``):

1. throughput on one core: read, decode and reflow every page (MB/s of UTF-8
   input), with per-page median, p95 and max. Floor, same pages, same run: read,
   decode, split into lines and write the lines as JSON (one pass over each line).
   Cold = a fresh process's first pass; warm = a second pass in the same process.
2. start-up: wall time of ``jiaokan reflow PAGE`` (a fresh interpreter each run,
   the output included). Floor: a fresh interpreter reading the page and writing it
   as JSON (``python -c``). Target <= 0.15 s.
3. ``jiaokan reflow --json`` over N and 10N files, stdout to a file: wall time and
   the command's peak memory, which must stay flat in the number of files. Floor:
   the same files read and written as JSON lines by a fresh interpreter.

Targets: >= 5 MB/s, start-up <= 0.15 s, peak RSS flat from 300 to 3,000 files.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, bench_parser, emit, run_child, stats_ms, wall  # noqa: E402

SIZES = {"tiny": (6, 4, 20), "quick": (60, 30, 300), "full": (300, 300, 3000)}  # throughput, json small, json big


def child_throughput(folder: str) -> dict:
    """Reflow every page twice (cold pass, warm pass)."""
    from reader import decode_bytes, reflow_text

    files = sorted(Path(folder).rglob("*.txt"))
    passes = []
    for _ in range(2):
        times, size, articles = [], 0, 0
        for f in files:
            started = time.perf_counter()
            data = f.read_bytes()
            decoded = decode_bytes(data, str(f))
            doc = reflow_text(decoded.text, str(f), decoded.encoding)
            times.append(time.perf_counter() - started)
            size += len(data)
            articles += len(doc.articles)
        passes.append({"seconds": sum(times), "mb": size / 1e6, "articles": articles, "per_page": stats_ms(times)})
    return {"cold": passes[0], "warm": passes[1]}


def child_floor_throughput(folder: str) -> dict:
    """The floor: read, decode, split lines and serialise them, twice."""
    files = sorted(Path(folder).rglob("*.txt"))
    passes = []
    for _ in range(2):
        times, size = [], 0
        for f in files:
            started = time.perf_counter()
            data = f.read_bytes()
            text = data.decode("utf-8")
            json.dumps({"source": f.name, "lines": text.splitlines()}, ensure_ascii=False, indent=2)
            times.append(time.perf_counter() - started)
            size += len(data)
        passes.append({"seconds": sum(times), "mb": size / 1e6, "per_page": stats_ms(times)})
    return {"cold": passes[0], "warm": passes[1]}


def child_json_command(files: list[str], out: str) -> dict:
    """``jiaokan reflow --json FILES > out`` inside this process (so its peak memory is the command's)."""
    from jiaokan.cli import main

    started = time.perf_counter()
    with open(out, "w", encoding="utf-8") as sink:
        saved, sys.stdout = sys.stdout, sink
        try:
            status = main(["reflow", "--json", *files])
        finally:
            sys.stdout = saved
    return {"seconds": time.perf_counter() - started, "status": status}


def child_json_floor(files: list[str], out: str) -> dict:
    started = time.perf_counter()
    with open(out, "w", encoding="utf-8") as sink:
        sink.write("[\n")
        for i, name in enumerate(files):
            text = Path(name).read_bytes().decode("utf-8")
            body = json.dumps({"source": Path(name).name, "lines": text.splitlines()}, ensure_ascii=False, indent=2)
            sink.write(("" if i == 0 else ",\n") + body)
        sink.write("\n]\n")
    return {"seconds": time.perf_counter() - started}


def measure(size: str, work: Path) -> list[Row]:
    from bench.pages import write_pages

    n_tp, n_small, n_big = SIZES[size]
    pages = work / "pages"
    write_pages(pages, n_big, seed=1)
    files = sorted(str(p) for p in pages.rglob("*.txt"))
    subset = work / "throughput"
    subset.mkdir()
    for f in files[:n_tp]:
        (subset / Path(f).name).write_bytes(Path(f).read_bytes())

    tp = run_child("bench.reflow", "child_throughput", folder=str(subset))
    floor = run_child("bench.reflow", "child_floor_throughput", folder=str(subset))
    rows = []
    for phase in ("cold", "warm"):
        r, f = tp[phase], floor[phase]
        rows.append(
            Row(
                f"reflow throughput, {phase}, one core",
                r["mb"] / r["seconds"],
                "MB/s",
                f["mb"] / f["seconds"],
                ">= 5 MB/s",
                f"{n_tp} varied pages, {r['articles']} articles",
                higher_better=True,
            )
        )
    pp, fp = tp["warm"]["per_page"], floor["warm"]["per_page"]
    rows.append(Row("reflow one page, median", pp["median"], "ms", fp["median"]))
    rows.append(Row("reflow one page, p95", pp["p95"], "ms", fp["p95"]))
    rows.append(Row("reflow one page, max", pp["max"], "ms", fp["max"]))
    rows.append(Row("reflow process peak RSS", tp["peak_rss_mb"], "MB", floor["peak_rss_mb"]))

    one = files[0]
    runs = 3 if size == "tiny" else 7
    cmd = wall([sys.executable, "-m", "jiaokan", "reflow", one], runs)
    floor_cmd = wall(
        [
            sys.executable,
            "-c",
            "import json,sys; json.dump(open(sys.argv[1], encoding='utf-8').read().splitlines(),"
            " sys.stdout, ensure_ascii=False)",
            one,
        ],
        runs,
    )
    s, fs = stats_ms(cmd), stats_ms(floor_cmd)
    rows.append(
        Row(
            "`jiaokan reflow` start-up, one page, median",
            s["median"] / 1000,
            "s",
            fs["median"] / 1000,
            "<= 0.15 s",
            f"{runs} fresh runs",
        )
    )
    rows.append(Row("`jiaokan reflow` start-up, one page, max", s["max"] / 1000, "s", fs["max"] / 1000))

    rss = {}
    for n in (n_small, n_big):
        got = run_child("bench.reflow", "child_json_command", files=files[:n], out=str(work / f"out-{n}.json"))
        flo = run_child("bench.reflow", "child_json_floor", files=files[:n], out=str(work / f"floor-{n}.json"))
        for name in (f"out-{n}.json", f"floor-{n}.json"):  # checked here, so the measured processes never hold it
            with open(work / name, encoding="utf-8") as f:
                if len(json.load(f)) != n:
                    raise SystemExit(f"{name} does not hold a complete JSON array of {n} documents")
        rss[n] = got["peak_rss_mb"]
        rows.append(
            Row(f"`jiaokan reflow --json`, {n} files", got["seconds"], "s", flo["seconds"], "", "cold: a fresh process")
        )
        rows.append(
            Row(
                f"`jiaokan reflow --json`, {n} files, peak RSS",
                got["peak_rss_mb"],
                "MB",
                flo["peak_rss_mb"],
                "flat in files",
            )
        )
    rows.append(Row(f"peak RSS growth, {n_small} → {n_big} files", rss[n_big] - rss[n_small], "MB", None, "≈ 0 (flat)"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = bench_parser(__doc__, SIZES)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jiaokan-bench-reflow-") as work:
        emit(measure(args.size, Path(work)), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
