from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui import app

REPO = Path(__file__).resolve().parents[2]


def test_smoke_test_in_process(capsys):
    assert app.main(["--smoke-test"]) == 0
    assert "smoke test ok" in capsys.readouterr().out


def test_smoke_test_as_a_command(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--smoke-test"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "smoke test ok (2 sources" in result.stdout
    assert "propagateSizeHints" not in result.stderr


def test_smoke_test_fails_loudly(monkeypatch, capsys):
    from ui.mainwindow import MainWindow

    def broken(self, store):
        raise RuntimeError("the store exploded")

    monkeypatch.setattr(MainWindow, "set_store", broken)
    assert app.main(["--smoke-test"]) == 1
    assert "smoke test FAILED" in capsys.readouterr().err


def test_without_a_display_it_says_so(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert app.main([]) == 2
    assert "no display found" in capsys.readouterr().err


def test_parser_knows_the_options():
    args = app.build_parser().parse_args(["--project", "x.jiaokan", "--language", "zh_CN"])
    assert args.project == "x.jiaokan" and args.language == "zh_CN" and not args.smoke_test
