"""The desk names the missing X11 libraries instead of letting Qt abort."""

from __future__ import annotations

import sys

import pytest

from ui import app
from ui import platform_check as P


def test_xcb_is_chosen_only_on_an_x_display():
    assert P.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert P.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not P.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not P.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not P.uses_xcb({"DISPLAY": ":0"}, "darwin")
    assert not P.uses_xcb({}, "linux")


def test_the_libraries_of_this_machine_load():
    """This machine runs the desk under Xvfb: every library of the list is installed here."""
    assert P.missing_libraries(P.XCB_LIBRARIES, P.xcb_plugin()) == []


def test_a_missing_library_is_named_with_its_package():
    libraries = {**P.XCB_LIBRARIES, "libjiaokan-no-such-xcb.so.9": "libjiaokan-no-such-xcb9"}
    missing = P.missing_libraries(libraries)
    assert missing == ["libjiaokan-no-such-xcb.so.9"]
    text = P.message(missing, libraries)
    assert "libjiaokan-no-such-xcb.so.9" in text
    assert "sudo apt-get install libjiaokan-no-such-xcb9" in text
    assert "libxcb-icccm4" in text and "libxcb-keysyms1" in text  # the whole line is repeated


def test_main_exits_with_the_message_before_qt_aborts(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(P, "XCB_LIBRARIES", {**P.XCB_LIBRARIES, "libjiaokan-gone.so.1": "libjiaokan-gone1"})
    assert app.main([]) == P.EXIT_MISSING_LIBRARIES
    err = capsys.readouterr().err
    assert "libjiaokan-gone.so.1" in err and "apt-get install libjiaokan-gone1" in err


@pytest.mark.parametrize("package", ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "fonts-noto-cjk"])
def test_readme_names_the_packages(package):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert P.APT_PACKAGES in readme
    assert package in P.APT_PACKAGES
