"""The hostile-input corpus: everything here runs the real ``jiaokan`` command in a subprocess.

Every case is generated in tmp_path. A refusal must end in one line on stderr that starts
with ``jiaokan:``, a non-zero exit status, no traceback, within a time limit, and leave the
project's bytes as they were.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Seconds any one command may take: a case that takes longer has hung.
TIMEOUT = 60


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def jiaokan(*argv: str | bytes | Path, cwd: Path | None = None, timeout: float = TIMEOUT) -> Run:
    """The command line as a user runs it (``python -m jiaokan``), with its output decoded leniently."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    env.pop("JIAOKAN_DEBUG", None)
    args = [sys.executable, "-m", "jiaokan", *(a if isinstance(a, bytes) else str(a) for a in argv)]
    done = subprocess.run(args, capture_output=True, timeout=timeout, cwd=cwd or ROOT, env=env)
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


#: Progress lines a command may print before it fails ("exporting csv: 30% (1/3)", "[2/8] imported: …").
PROGRESS = re.compile(r"^(\w[\w ]*: \d+% \(\d+/\d+\)|\[\d+/\d+\] .*)$")


def assert_refused(run: Run, *needles: str) -> None:
    """Ends in one line on stderr, worded for a person; a non-zero status; never a traceback."""
    assert "Traceback" not in run.err and "Traceback" not in run.out, run.err
    assert run.code != 0, (run.out, run.err)
    lines = [line for line in run.err_lines if not PROGRESS.match(line)]
    assert len(lines) == 1 and lines[0] == run.err_lines[-1], run.err
    line = lines[0]
    assert line.startswith("jiaokan: "), line
    assert "unexpected error" not in line, line
    for needle in needles:
        assert needle in line, line


def file_state(path: Path) -> str:
    """The project's bytes (and whether it exists) as one digest."""
    if not path.exists():
        return "absent"
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def work_project(tmp_path_factory) -> Path:
    from tests.exports.workproject import build

    return build(tmp_path_factory.mktemp("hostile-work"))


@pytest.fixture
def project_copy(work_project: Path, tmp_path: Path) -> Path:
    """A checkpointed copy of the work project (no -wal beside it: its bytes are the whole project)."""
    target = tmp_path / "target.jiaokan"
    shutil.copyfile(work_project, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{work_project}{suffix}")
        if extra.exists():
            shutil.copyfile(extra, Path(f"{target}{suffix}"))
    import sqlite3

    conn = sqlite3.connect(target)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return target


@pytest.fixture(scope="session")
def export_lines(work_project: Path, tmp_path_factory) -> list[str]:
    """The work project's JSONL export, line by line (the base every bad record is made from)."""
    out = tmp_path_factory.mktemp("hostile-export") / "work.jsonl"
    run = jiaokan("export", "-p", work_project, "-o", out)
    assert run.code == 0, run.err
    return out.read_text(encoding="utf-8").splitlines()
