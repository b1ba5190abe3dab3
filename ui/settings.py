"""Every setting of the desk, declared once with its type and default (QSettings, INI format).

Tests point the INI folder at a temporary directory with :func:`use_settings_dir`
(the conftest does it for every test), so a run never reads or writes the user's file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Jiaokan"
APPLICATION = "jiaokan-desk"


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: Any
    type: type


GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray)
WINDOW_STATE = Setting("window/state", QByteArray(), QByteArray)
SPLITTER = Setting("window/splitter", QByteArray(), QByteArray)
FONT_SIZE = Setting("view/font_size", 13, int)  # reading size in points; the raw view follows it
SCRIPT = Setting("view/script", "original", str)
LANGUAGE = Setting("view/language", "", str)  # "" follows the system locale
LAST_PROJECT = Setting("project/last", "", str)
RECENT_PROJECTS = Setting("project/recent", [], list)
SEARCH_REGEX = Setting("search/regex", False, bool)

ALL_SETTINGS = (
    GEOMETRY,
    WINDOW_STATE,
    SPLITTER,
    FONT_SIZE,
    SCRIPT,
    LANGUAGE,
    LAST_PROJECT,
    RECENT_PROJECTS,
    SEARCH_REGEX,
)

MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 40
MAX_RECENT = 8


def use_settings_dir(folder: Path | str) -> None:
    """Keep the INI file in ``folder`` (tests, portable runs)."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Settings:
    """Typed access to the declared settings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings if qsettings is not None else open_settings()

    def get(self, setting: Setting) -> Any:
        value = self.q.value(setting.key, setting.default)
        if value is None:
            return setting.default
        try:
            if setting.type is bool:
                if isinstance(value, str):
                    return value.lower() in ("1", "true", "yes")
                return bool(value)
            if setting.type is list:
                if isinstance(value, str):
                    return [value] if value else []
                return [str(v) for v in value]
            if setting.type is QByteArray:
                return value if isinstance(value, QByteArray) else QByteArray(value)
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        self.q.setValue(setting.key, value)

    def sync(self) -> None:
        self.q.sync()

    @property
    def path(self) -> str:
        return self.q.fileName()
