"""What the file dialogs remember between uses: the last folder of each kind, the last export format.

Kept in the desk's QSettings (INI) next to the declared settings; a folder that no longer
exists falls back to the home folder.
"""

from __future__ import annotations

from pathlib import Path

from ui import settings as S


def _key(kind: str) -> str:
    return f"dialogs/{kind}_folder"


def last_folder(kind: str) -> str:
    """The folder a dialog of ``kind`` (projects, import, work, codebook, export) last used, else home."""
    value = S.Settings().q.value(_key(kind), "")
    folder = Path(str(value)) if value else None
    return str(folder) if folder is not None and folder.is_dir() else str(Path.home())


def remember_folder(kind: str, chosen: str) -> None:
    """Remember the folder of ``chosen`` (a file, or a folder itself) for the next dialog of ``kind``."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings = S.Settings()
    settings.q.setValue(_key(kind), str(folder))
    settings.sync()


def last_format() -> str:
    return str(S.Settings().q.value("dialogs/export_format", "") or "")


def remember_format(name: str) -> None:
    settings = S.Settings()
    settings.q.setValue("dialogs/export_format", name)
    settings.sync()
