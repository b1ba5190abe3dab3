"""Output-equality harness for speed work on the engine: ``--json`` byte for byte against a reference.

Usage: python bench/reflow_compare.py [--ref REV] [--pagegen 300] [--bench-pages 300] [--speed N] [--mypyc] [--keep DIR]

A speed change must not change one byte of what the engine prints. This script
writes one set of input pages, then runs ``python -m reader reflow --json`` over
all of them twice, each in a fresh interpreter: once with ``reader/`` as it is in
``--ref`` (extracted with ``git archive``, so the working tree is untouched), once
with the working tree's ``reader/``. The reference is by default where this branch
left main (``git merge-base HEAD main``), so rule changes merged into main since
then do not count as differences. The two outputs must be byte-identical,
confidences included; where they differ, the pages that differ are named with the
first differing line.

The pages: ``tests/reader/pagegen.py`` at fixed seeds (invented text, and the
shared corpus's real articles set again when ``../shared/corpus`` is present),
``bench/pages.py`` pages, ``resources/samples`` and the shared corpus's raw pages.
Both extractor styles are among them (the count of each is printed). The page
generators are only run once per call, so both engines see the same bytes even
when a generator changes between commits.

``--speed N`` then times both engines on the same pages: N fresh processes each,
reference and working tree alternating (so a change in the machine's load hits
both alike), each process reflowing every page (decode + reflow, as
``bench/reflow.py``) in a cold pass and two warm passes, timed in CPU time
(``time.process_time``) per page kind. Printed: the median MB/s over processes of
each engine, the worst, and the ratio of the medians.

``--mypyc`` adds a third engine: a copy of the working tree's ``reader/`` compiled
with mypyc (``pip install mypy`` first; not a dependency of the project), checked
byte for byte like the others and timed with them: the compiled path of issue 12,
measured so that it can be chosen or left by numbers.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
#: Seeds of the generated pages: fixed, away from the engine's tuning seeds.
PAGEGEN_SEED = 30000
BENCH_PAGES_SEED = 1


def write_inputs(folder: Path, pagegen: int, bench_pages: int) -> list[Path]:
    """Every input page, written once; returns the files in a fixed order."""
    from bench.pages import write_pages
    from tests.reader.pagegen import generate_page, load_real_articles

    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    pool = load_real_articles(CORPUS) if (CORPUS / "gold").is_dir() else None
    for k in range(pagegen):
        seed = PAGEGEN_SEED + k
        for label, source in (("invented", None), ("real", pool)):
            if label == "real" and source is None:
                continue
            raw, _gold = generate_page(seed, source)
            path = folder / f"pagegen-{label}-{seed}.txt"
            path.write_text(raw, encoding="utf-8")
            files.append(path)
    bench_dir = folder / "bench-pages"
    write_pages(bench_dir, bench_pages, seed=BENCH_PAGES_SEED)
    files.extend(sorted(bench_dir.rglob("*.txt")))
    files.extend(sorted((REPO / "resources" / "samples").glob("*.txt")))
    if CORPUS.is_dir():
        files.extend(sorted(CORPUS.glob("*.txt")))
    return files


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()


def export_reader(ref: str, into: Path) -> str:
    """``reader/`` as it is at ``ref``, unpacked under ``into``; returns the commit it resolved to."""
    commit = _git("rev-parse", "--verify", f"{ref}^{{commit}}")
    archive = subprocess.run(["git", "archive", commit, "reader"], cwd=REPO, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return commit


def run_reflow(root: Path, files: list[Path], out: Path) -> float:
    """``python -m reader reflow --json FILES`` with ``reader`` imported from ``root``; seconds taken."""
    started = time.perf_counter()
    with open(out, "wb") as sink:
        subprocess.run(
            [sys.executable, "-m", "reader", "reflow", "--json", *map(str, files)],
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"},
            stdout=sink,
            check=True,
        )
    return time.perf_counter() - started


#: Runs in a fresh interpreter with ``reader`` importable from the engine's root; prints JSON.
_SPEED_CHILD = """
import json, sys, time
from reader import decode_bytes, reflow_text
groups = json.loads(sys.stdin.read())
data = {kind: [open(f, 'rb').read() for f in files] for kind, files in groups.items()}
out = {}
for kind, pages in data.items():
    passes = []
    for _ in range(3):
        started = time.process_time()
        for raw in pages:
            decoded = decode_bytes(raw, 'page')
            reflow_text(decoded.text, 'page', decoded.encoding)
        passes.append(time.process_time() - started)
    size = sum(len(raw) for raw in pages) / 1e6
    out[kind] = {'cold': size / passes[0], 'warm': size / min(passes[1:])}
print(json.dumps(out))
"""


def time_engine(root: Path, groups: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """MB/s (CPU time) of the engine under ``root`` on each group of pages, cold and warm, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _SPEED_CHILD],
        input=json.dumps(groups),
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def compare_speed(engines: dict[str, Path], files: list[Path], runs: int) -> list[str]:
    """Alternate fresh processes of the engines; one line per engine, page kind and phase."""
    groups: dict[str, list[str]] = {"pagegen": [], "bench pages": []}
    for path in files:
        if path.name.startswith("pagegen-"):
            groups["pagegen"].append(str(path))
        elif path.parent.name == "bench-pages" or path.parent.parent.name == "bench-pages":
            groups["bench pages"].append(str(path))
    results: dict[str, list[dict]] = {name: [] for name in engines}
    for _ in range(runs):
        for name, root in engines.items():
            results[name].append(time_engine(root, groups))
    lines = []
    for kind in groups:
        for phase in ("cold", "warm"):
            figures = {}
            for name, runs_of in results.items():
                values = sorted(r[kind][phase] for r in runs_of)
                figures[name] = (statistics.median(values), values[0])
            reference = figures["reference"][0]
            lines.append(
                f"{kind:12s} {phase}: "
                + ", ".join(
                    f"{name} {median:.2f} MB/s (worst {worst:.2f}, {median / reference:.2f}x)"
                    for name, (median, worst) in figures.items()
                )
            )
    return lines


#: Modules left to the interpreter: the entry points, and decoding (mypyc takes no surrogate in a literal).
NOT_COMPILED = ("__init__.py", "__main__.py", "cli.py", "decoding.py")


def build_compiled(source: Path, into: Path) -> None:
    """A copy of ``source/reader`` with its modules compiled by mypyc, under ``into``."""
    shutil.copytree(source / "reader", into / "reader", ignore=shutil.ignore_patterns("__pycache__"))
    # The engine's annotations are not all checked yet: mypyc is told to compile regardless.
    (into / "mypyc.ini").write_text("[mypy]\nignore_errors = True\n", encoding="utf-8")
    modules = [f"reader/{p.name}" for p in sorted((into / "reader").glob("*.py")) if p.name not in NOT_COMPILED]
    command = [sys.executable, "-m", "mypyc", "--config-file", "mypyc.ini", *modules]
    done = subprocess.run(command, cwd=into, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"mypyc failed (is mypy installed?):\n{(done.stdout + done.stderr)[-2000:]}")


def first_difference(a: str, b: str) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for k, (x, y) in enumerate(zip(la, lb, strict=False)):
        if x != y:
            return f"line {k + 1}: {x.strip()[:80]!r} -> {y.strip()[:80]!r}"
    return f"length {len(la)} -> {len(lb)} lines"


def differing_pages(files: list[Path], reference: bytes, current: bytes) -> list[str]:
    """Each differing page with its first differing line (the outputs are JSON arrays, one document a file)."""
    ref_docs, cur_docs = json.loads(reference), json.loads(current)
    out = []
    for path, a, b in zip(files, ref_docs, cur_docs, strict=True):
        ta = json.dumps(a, ensure_ascii=False, indent=2)
        tb = json.dumps(b, ensure_ascii=False, indent=2)
        if ta != tb:
            out.append(f"{path.name}: {first_difference(ta, tb)}")
    return out


def extractor_counts(files: list[Path]) -> Counter:
    from reader.decoding import read_dump
    from reader.detect import detect_extractor
    from reader.lines import split_lines

    counts: Counter = Counter()
    for path in files:
        lines = split_lines(read_dump(str(path)).text)
        counts[detect_extractor(lines).value if lines else "empty"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="git revision of the reference reader/ (default: merge-base of HEAD and main)")
    parser.add_argument("--pagegen", type=int, default=300, help="seeds of tests/reader/pagegen.py pages (default 300)")
    parser.add_argument("--bench-pages", type=int, default=300, help="bench/pages.py pages (default 300)")
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="then time both engines, N processes each")
    parser.add_argument("--mypyc", action="store_true", help="also check and time the engine compiled by mypyc")
    parser.add_argument("--keep", type=Path, help="write inputs and both outputs here (kept) instead of a temp folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jiaokan-equality-") as tmp:
        work = args.keep or Path(tmp)
        files = write_inputs(work / "pages", args.pagegen, args.bench_pages)
        ref_root = work / "reference"
        ref = args.ref or _git("merge-base", "HEAD", "main")
        commit = export_reader(ref, ref_root)
        ref_s = run_reflow(ref_root, files, work / "reference.json")
        cur_root = work / "current"  # a copy: editing the tree while this runs changes nothing measured
        shutil.copytree(REPO / "reader", cur_root / "reader", ignore=shutil.ignore_patterns("__pycache__"))
        cur_s = run_reflow(cur_root, files, work / "current.json")
        reference, current = (work / "reference.json").read_bytes(), (work / "current.json").read_bytes()
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(extractor_counts(files).items()))
        print(f"{len(files)} pages ({kinds}); reference {ref} = {commit[:10]}")
        print(f"output {len(current):,} bytes; wall {ref_s:.1f} s reference, {cur_s:.1f} s working tree")
        engines = {"reference": ref_root, "working tree": cur_root}
        outputs = {"working tree": current}
        if args.mypyc:
            compiled_root = work / "compiled"
            build_compiled(cur_root, compiled_root)
            run_reflow(compiled_root, files, work / "compiled.json")
            engines["mypyc"] = compiled_root
            outputs["mypyc"] = (work / "compiled.json").read_bytes()
        status = 0
        for name, output in outputs.items():
            if output == reference:
                print(f"IDENTICAL: the {name}'s --json output equals the reference's byte for byte")
                continue
            status = 1
            pages = differing_pages(files, reference, output)
            print(f"DIFFERENT: the {name}'s output differs on {len(pages)} of {len(files)} pages")
            for line in pages[:20]:
                print("  " + line)
        if args.speed and status == 0:
            print(f"CPU time, {args.speed} alternating processes each, load average {os.getloadavg()[0]:.2f}:")
            for line in compare_speed(engines, files, args.speed):
                print("  " + line)
            print(f"load average after: {os.getloadavg()[0]:.2f}")
        return status


if __name__ == "__main__":
    sys.exit(main())
