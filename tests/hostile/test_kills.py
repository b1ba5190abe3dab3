"""Killing the command: no worker process outlives an import, no temporary file outlives an export."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, jiaokan

linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            st = _stat(int(entry.name))
            if st is not None and st[1] == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    st = _stat(pid)
    return st is not None and st[0] not in ("Z", "X")  # a zombie has ended; only its parent has not reaped it


def _read_until(proc: subprocess.Popen, marker: str, timeout: float = 60) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen += line
        if marker in line:
            return seen
    proc.kill()
    pytest.fail(f"{marker!r} never appeared: {seen}")


def _dumps(folder: Path, count: int = 120) -> Path:
    from tests.exports.workproject import PAGE_LF

    folder.mkdir()
    for k in range(count):
        (folder / f"page-{k:03}.txt").write_text(PAGE_LF + f"\n第{k}条补充消息。\n" * (k % 5 + 1), encoding="utf-8")
    return folder


def _start_import(tmp_path: Path, stdout: int) -> subprocess.Popen:
    """``jiaokan import`` of 120 page dumps with two workers, its progress read from a pipe on stderr."""
    folder = _dumps(tmp_path / "dumps")
    return subprocess.Popen(
        [sys.executable, "-m", "jiaokan", "import", str(folder), "-p", str(tmp_path / "p.jiaokan"), "--jobs", "2"],
        stdout=stdout, stderr=subprocess.PIPE, text=True, env=_env(),
    )


def _survivors(workers: list[int], seconds: float = 5) -> list[int]:
    """The workers still alive after giving them ``seconds`` to end."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    return [w for w in workers if _alive(w)]


@linux_only
def test_interrupted_import_stops_its_workers_in_one_line(tmp_path: Path) -> None:
    """Ctrl+C at a terminal reaches the command and its workers alike."""
    proc = _start_import(tmp_path, subprocess.PIPE)
    try:
        seen = _read_until(proc, "[3/120]")
        workers = _children(proc.pid)
        for pid in (proc.pid, *workers):
            os.kill(pid, signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = seen + err
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert err.strip().splitlines()[-1] == "jiaokan: import interrupted; the files imported so far are kept"
    assert _survivors(workers) == []


@linux_only
def test_killed_import_leaves_no_worker_running(tmp_path: Path) -> None:
    proc = _start_import(tmp_path, subprocess.DEVNULL)
    try:
        _read_until(proc, "[3/120]")
        workers = _children(proc.pid)
        assert len(workers) >= 2, "the import runs its workers as child processes"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        survivors = _survivors(workers)
    finally:
        if proc.poll() is None:
            proc.kill()
    for w in survivors:  # do not leave them to the next test either
        os.kill(w, signal.SIGKILL)
    assert survivors == [], "worker processes outlived the killed import"
    # what was imported before the kill is a sound project
    run = jiaokan("search", "补充消息", "-p", tmp_path / "p.jiaokan")
    assert run.code == 0 and "Traceback" not in run.err


#: Runs the real command with its progress slowed down, so that it can be killed half-way through writing.
SLOW_EXPORT = """
import sys, time
import jiaokan.cli.progress as progress
shown = progress.Bar.__call__
def slow(self, done, total):
    shown(self, done, total)
    time.sleep(3)
progress.Bar.__call__ = slow
from jiaokan.cli import main
sys.exit(main(sys.argv[1:]))
"""


@linux_only
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "markdown"])
def test_killed_export_leaves_no_part_file_behind(fmt: str, project_copy: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"export.{fmt}"
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT, "export", "-f", fmt, "-p", str(project_copy), "-o", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(),
    )
    try:
        _read_until(proc, "(1/3)")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = [p.name for p in out_dir.iterdir()]
    assert any(n.endswith(".part") for n in left), f"killed mid-way, so its temporary file is there: {left}"
    assert not out.exists()  # the output is never half-written
    run = jiaokan("export", "-f", fmt, "-p", project_copy, "-o", out)
    assert run.code == 0, run.err
    assert sorted(p.name for p in out_dir.iterdir()) == [out.name]
