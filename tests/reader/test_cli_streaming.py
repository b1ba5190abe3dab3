"""``jiaokan reflow`` loads only the engine and streams ``--json`` one document per write."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

from reader.cli import run_reflow
from tests.conftest import REPO, SAMPLES

STORE_MODULES = ("db", "sqlite_utils", "opencc", "sqlite3", "PySide6")


def _modules_loaded_by(entry: str) -> set[str]:
    code = (
        "import sys\n"
        f"from {entry} import main\n"
        f"main(['reflow', {str(SAMPLES / 'page_a1.txt')!r}])\n"
        "sys.stdout.flush()\n"
        "print('\\nMODULES', ' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stderr
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("MODULES "))
    return set(line.split()[1:])


def test_jiaokan_reflow_never_imports_the_store() -> None:
    for entry in ("jiaokan.cli", "reader.cli"):
        loaded = _modules_loaded_by(entry)
        assert "reader.engine" in loaded
        assert not {m for m in loaded if m.split(".")[0] in STORE_MODULES}, entry


class CountingWriter(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, s: str) -> int:
        self.writes += 1
        return super().write(s)


def test_json_streams_one_write_per_document(tmp_path: Path) -> None:
    pages = sorted(SAMPLES.glob("*.txt"))
    files = [str(p) for p in pages] * 3 + [str(tmp_path / "missing.txt")]
    out, err = CountingWriter(), io.StringIO()
    status = run_reflow(argparse.Namespace(files=files, json=True), out, err)
    assert status == 1  # the missing file is reported, the others still printed
    assert "missing.txt" in err.getvalue()
    parsed = json.loads(out.getvalue())
    assert [d["source"] for d in parsed] == [p.name for p in pages] * 3
    assert out.writes == len(parsed) + 1  # one write per document and the closing bracket


def test_json_for_one_file_is_the_object(tmp_path: Path) -> None:
    out = CountingWriter()
    status = run_reflow(argparse.Namespace(files=[str(SAMPLES / "page_b1.txt")], json=True), out, io.StringIO())
    assert status == 0
    assert isinstance(json.loads(out.getvalue()), dict)
    assert out.writes == 1


def test_json_with_every_file_failing_prints_nothing(tmp_path: Path) -> None:
    out, err = CountingWriter(), io.StringIO()
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert run_reflow(argparse.Namespace(files=files, json=True), out, err) == 1
    assert out.getvalue() == ""
    assert err.getvalue().count("\n") == 2
