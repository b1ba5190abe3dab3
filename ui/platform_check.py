"""Before Qt starts on X11: are the system libraries of its xcb platform plugin there?

Without them Qt prints "could not load the Qt platform plugin "xcb"" and aborts (exit 134)
naming one library at best. PySide6's wheel bundles Qt but not the X11 libraries its
``libqxcb.so`` / ``libQt6XcbQpa.so.6`` link against (see ``ldd`` on them), so the desk checks
them first with the dynamic loader and names the Debian/Ubuntu packages that provide them.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

#: sonames the xcb plugin needs (``ldd libQt6XcbQpa.so.6``) → the Debian/Ubuntu package with it
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}

#: the one line the README gives (and the message repeats): the libraries above and a CJK font
APT_PACKAGES = " ".join([*dict.fromkeys(XCB_LIBRARIES.values()), "fonts-noto-cjk"])

EXIT_MISSING_LIBRARIES = 3


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Qt would pick its xcb (X11) plugin: Linux/BSD, an X display, no other platform chosen."""
    if not platform.startswith(("linux", "freebsd", "openbsd")):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if chosen:
        return chosen == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return False  # Qt 6 prefers its wayland plugin in a Wayland session
    return bool(env.get("DISPLAY"))


def loads(name: str) -> str | None:
    """None when the dynamic loader finds and loads ``name``; else its error message."""
    try:
        ctypes.CDLL(name, mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        return str(exc)
    return None


def xcb_plugin() -> Path | None:
    """PySide6's ``libqxcb.so`` (None when this Qt has no xcb plugin)."""
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_libraries(libraries: Mapping[str, str] = XCB_LIBRARIES, plugin: Path | None = None) -> list[str]:
    """Sonames the loader cannot load: each known library, then whatever else the plugin names."""
    missing = [name for name in libraries if loads(name) is not None]
    if plugin is not None and not missing:
        error = loads(str(plugin))
        if error is not None:
            found = re.match(r"\s*([^:\s]+\.so[.\d]*)\s*:", error)
            missing.append(found.group(1) if found else error)
    return missing


def message(missing: list[str], libraries: Mapping[str, str] = XCB_LIBRARIES) -> str:
    packages = [libraries[name] for name in missing if name in libraries]
    lines = [
        "jiaokan-desk: Qt cannot start on X11: its xcb platform plugin needs system libraries that are "
        "missing: " + ", ".join(missing) + ".",
        "On Debian/Ubuntu install them with:",
        "  sudo apt-get install " + (" ".join(packages) if packages else APT_PACKAGES),
        "(everything the desk needs: sudo apt-get install " + APT_PACKAGES + ")",
    ]
    return "\n".join(lines)


def check_platform(env: Mapping[str, str] | None = None, libraries: Mapping[str, str] | None = None) -> str | None:
    """The message to print instead of Qt's abort, or None when the desk can start."""
    env = os.environ if env is None else env
    libraries = XCB_LIBRARIES if libraries is None else libraries
    if not uses_xcb(env):
        return None
    missing = missing_libraries(libraries, xcb_plugin())
    return message(missing, libraries) if missing else None
