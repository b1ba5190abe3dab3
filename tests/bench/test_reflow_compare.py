"""The output-equality harness of engine speed work (bench/reflow_compare.py) on a few pages.

It must report identical output when the engine is unchanged, name a page whose
output differs, and its pages must exercise both extractor engines.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import rows_from_json
from bench.reflow_compare import REPO, differing_pages, extractor_counts, main, write_inputs

pytestmark = pytest.mark.timeout(300)


def _working_tree_commit() -> str:
    """A commit holding the working tree's tracked files as they are (``git stash create`` touches
    nothing), or HEAD when nothing is edited: the reference is then exactly the engine that runs."""
    done = subprocess.run(["git", "stash", "create"], cwd=REPO, capture_output=True, text=True, check=True)
    return done.stdout.strip() or "HEAD"


def test_unchanged_engine_is_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout: the harness takes its reference engine from git")
    ref = _working_tree_commit()
    status = main(["--ref", ref, "--pagegen", "3", "--bench-pages", "2", "--keep", str(tmp_path)])
    out = capsys.readouterr().out
    assert "IDENTICAL" in out, out
    assert status == 0
    reference, current = (tmp_path / "reference.json").read_bytes(), (tmp_path / "current.json").read_bytes()
    assert reference == current
    generated = list((tmp_path / "pages").rglob("*.txt"))
    assert len(json.loads(current)) > len(generated) >= 5  # every page reflowed (the samples too)


def test_a_changed_confidence_is_named(tmp_path: Path) -> None:
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    docs = [{"source": "a.txt", "articles": [{"confidence": 0.9}]}, {"source": "b.txt", "articles": []}]
    reference = json.dumps(docs, ensure_ascii=False, indent=2).encode()
    docs[0]["articles"][0]["confidence"] = 0.8999
    current = json.dumps(docs, ensure_ascii=False, indent=2).encode()
    found = differing_pages(files, reference, current)
    assert len(found) == 1 and found[0].startswith("a.txt:") and "0.8999" in found[0]


def test_pages_cover_both_extractors(tmp_path: Path) -> None:
    files = write_inputs(tmp_path / "pages", 12, 2)
    counts = extractor_counts(files)
    assert counts["column-lines"] > 0 and counts["paragraph-lines"] > 0, counts


def test_reflow_benchmark_times_pagegen_pages() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "reflow.py"), "--size", "tiny", "--pages", "pagegen", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = {row.what: row for row in rows_from_json(done.stdout)}
    for phase in ("cold", "warm", "warm, worst pass"):
        row = rows[f"reflow throughput, pagegen pages, {phase}, one core"]
        assert row.figure > 0 and row.floor > 0  # the floor ran on the same pages in the same run
    assert "reflow throughput, cold, one core" not in rows  # only the kind of page asked for
