"""Reflow throughput, start-up and ``--json`` output on varied generated pages.

Usage: python bench/reflow.py [--size tiny|quick|full] [--pages bench|pagegen|both] [--json]

Pages come from ``bench.pages`` (every page different: measure, blank lines,
headline position, article count and length vary; seeded) and, with ``--pages
pagegen`` or ``both`` (the default), from the engine's own typesetter
``tests/reader/pagegen.py`` (smaller pages, damaged as extractors damage them: both
extractor styles, measures 11-26 em, indents, blank lines, credits, letter spacing,
contents boxes; invented text, and the shared corpus's real articles set again when
``../shared/corpus`` is present). Measured, each in a fresh process that reports its
own peak memory:

1. throughput on one core, for each kind of page: read, decode and reflow every
   page, in CPU time (``time.process_time``: other work on the machine does not
   count), MB/s of UTF-8 input, with per-page median, p95 and max. Cold = a fresh
   process's first pass; warm = the median of three more passes in the same process,
   and the worst of them. Floor, same pages, same run: read, decode, split into lines
   and write the lines as JSON (one pass over each line).
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

from bench.common import REPO, Row, bench_parser, emit, run_child, stats_ms, wall  # noqa: E402

SIZES = {"tiny": (6, 4, 20), "quick": (60, 30, 300), "full": (300, 300, 3000)}  # throughput, json small, json big


#: Passes over the pages in one process: the first is cold, the rest warm.
PASSES = 4
#: Seeds of the pagegen pages (away from the engine's tuning seeds).
PAGEGEN_SEED = 40000


def _passes(files: list[Path], work) -> dict:
    """Time ``work(data, name)`` on every file, pass after pass, in CPU time; cold and warm apart."""
    passes = []
    for _ in range(PASSES):
        times, size = [], 0
        for f in files:
            started = time.process_time()
            data = f.read_bytes()
            work(data, str(f))
            times.append(time.process_time() - started)
            size += len(data)
        passes.append({"mb_s": size / 1e6 / max(sum(times), 1e-9), "per_page": stats_ms(times)})
    warm = sorted(passes[1:], key=lambda p: p["mb_s"])
    return {"cold": passes[0], "warm": warm[len(warm) // 2], "warm_worst": warm[0]}


def child_throughput(folder: str) -> dict:
    """Reflow every page: a cold pass and warm passes."""
    from reader import decode_bytes, reflow_text

    articles = 0

    def reflow(data: bytes, name: str) -> None:
        nonlocal articles
        decoded = decode_bytes(data, name)
        articles += len(reflow_text(decoded.text, name, decoded.encoding).articles)

    result = _passes(sorted(Path(folder).rglob("*.txt")), reflow)
    result["articles"] = articles // PASSES
    return result


def child_floor_throughput(folder: str) -> dict:
    """The floor: read, decode, split lines and serialise them, pass after pass."""

    def floor(data: bytes, name: str) -> None:
        text = data.decode("utf-8")
        json.dumps({"source": Path(name).name, "lines": text.splitlines()}, ensure_ascii=False, indent=2)

    return _passes(sorted(Path(folder).rglob("*.txt")), floor)


def write_pagegen_pages(folder: Path, count: int) -> None:
    """``count`` seeds of the engine's typesetter: invented text, and real articles set again where the corpus is."""
    from tests.reader.pagegen import generate_page, load_real_articles

    corpus = REPO.parent / "shared" / "corpus"
    pool = load_real_articles(corpus) if (corpus / "gold").is_dir() else None
    folder.mkdir(parents=True)
    for k in range(count):
        seed = PAGEGEN_SEED + k
        (folder / f"invented-{seed}.txt").write_text(generate_page(seed)[0], encoding="utf-8")
        if pool:
            (folder / f"real-{seed}.txt").write_text(generate_page(seed, pool)[0], encoding="utf-8")


def throughput_rows(kind: str, folder: Path, count: int) -> list[Row]:
    """Rows for one kind of page; the bench pages keep the rows' historical names."""
    tp = run_child("bench.reflow", "child_throughput", folder=str(folder))
    floor = run_child("bench.reflow", "child_floor_throughput", folder=str(folder))
    label = "" if kind == "bench" else f"{kind} pages, "
    rows = []
    for phase, name in (("cold", "cold"), ("warm", "warm"), ("warm_worst", "warm, worst pass")):
        rows.append(
            Row(
                f"reflow throughput, {label}{name}, one core",
                tp[phase]["mb_s"],
                "MB/s",
                floor[phase]["mb_s"],
                ">= 5 MB/s",
                f"CPU time, {count} {kind} pages, {tp['articles']} articles",
                higher_better=True,
            )
        )
    pp, fp = tp["warm"]["per_page"], floor["warm"]["per_page"]
    rows.append(Row(f"reflow one page, {label}median", pp["median"], "ms", fp["median"]))
    rows.append(Row(f"reflow one page, {label}p95", pp["p95"], "ms", fp["p95"]))
    rows.append(Row(f"reflow one page, {label}max", pp["max"], "ms", fp["max"]))
    rows.append(Row(f"reflow process peak RSS, {label}".rstrip(", "), tp["peak_rss_mb"], "MB", floor["peak_rss_mb"]))
    return rows


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


def measure(size: str, work: Path, kinds: tuple[str, ...] = ("bench", "pagegen")) -> list[Row]:
    from bench.pages import write_pages

    n_tp, n_small, n_big = SIZES[size]
    pages = work / "pages"
    write_pages(pages, n_big, seed=1)
    files = sorted(str(p) for p in pages.rglob("*.txt"))
    rows = []
    if "bench" in kinds:
        subset = work / "throughput"
        subset.mkdir()
        for f in files[:n_tp]:
            (subset / Path(f).name).write_bytes(Path(f).read_bytes())
        rows.extend(throughput_rows("bench", subset, n_tp))
    if "pagegen" in kinds:
        generated = work / "pagegen"
        write_pagegen_pages(generated, n_tp)
        rows.extend(throughput_rows("pagegen", generated, len(list(generated.glob("*.txt")))))

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
    parser.add_argument("--pages", choices=("bench", "pagegen", "both"), default="both", help="pages to time")
    args = parser.parse_args(argv)
    kinds = ("bench", "pagegen") if args.pages == "both" else (args.pages,)
    with tempfile.TemporaryDirectory(prefix="jiaokan-bench-reflow-") as work:
        emit(measure(args.size, Path(work), kinds), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
