"""Temporary ``.NAME.xxxx.part`` files that a killed export left beside its output.

Exports write into a hidden temporary file (or, for brat, a folder) beside the output and
move it into place when done; a process killed meanwhile cannot remove it. The next export
to the same name removes those that no running process is writing: on Linux, a file no
process holds open (``/proc/*/fd``); a folder whose contents have not changed for a while;
elsewhere, anything older than an hour.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

#: A temporary folder (brat) is being written if anything in it changed this recently.
FOLDER_QUIET_SECONDS = 30.0
#: Without /proc, a temporary file this old is taken as abandoned.
FILE_QUIET_SECONDS = 3600.0


def _open_files() -> set[str] | None:
    """Real paths every process we may look at holds open; None where /proc cannot tell."""
    proc = Path("/proc")
    if not sys.platform.startswith("linux") or not (proc / "self" / "fd").is_dir():
        return None
    held: set[str] = set()
    for entry in os.scandir(proc):
        if not entry.name.isdigit():
            continue
        try:
            fds = os.scandir(os.path.join(entry.path, "fd"))
        except OSError:
            continue
        with fds:
            for fd in fds:
                try:
                    held.add(os.readlink(fd.path))
                except OSError:
                    continue
    return held


def _newest_change(folder: Path) -> float:
    stamps = [folder.stat().st_mtime]
    for root, _dirs, names in os.walk(folder):
        stamps.extend(os.stat(os.path.join(root, n)).st_mtime for n in names)
    return max(stamps)


def stale_parts(out: Path) -> list[Path]:
    """The abandoned temporary files and folders of earlier exports to ``out``."""
    folder = out.parent
    prefix, suffix = f".{out.name}.", ".part"
    try:
        candidates = [folder / n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(suffix)]
    except OSError:
        return []
    if not candidates:
        return []
    held = _open_files()
    now = time.time()
    stale: list[Path] = []
    for part in candidates:
        try:
            if part.is_dir() and not part.is_symlink():
                busy = now - _newest_change(part) < FOLDER_QUIET_SECONDS
                if held is not None:
                    inside = str(part.resolve()) + os.sep
                    busy = busy or any(h.startswith(inside) for h in held)
            elif held is not None:
                busy = str(part.resolve()) in held
            else:
                busy = now - part.lstat().st_mtime < FILE_QUIET_SECONDS
        except OSError:
            continue
        if not busy:
            stale.append(part)
    return stale


def remove_stale_parts(out: Path) -> int:
    """Remove what :func:`stale_parts` finds; how many went. Failing to remove one is not an error."""
    removed = 0
    for part in stale_parts(out):
        try:
            if part.is_dir() and not part.is_symlink():
                shutil.rmtree(part)
            else:
                part.unlink()
            removed += 1
        except OSError:
            continue
    return removed
