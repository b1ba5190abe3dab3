"""Interface languages: Qt translations from ``resources/i18n/jiaokan_<lang>.ts``.

The ``.ts`` files are the source (``scripts/update_translations.sh`` refreshes them
with pyside6-lupdate); the ``.qm`` files are build products (gitignored). They are
compiled with PySide6's lrelease by the bundle build, and on start-up when missing or
older than their ``.ts`` (into a cache folder if ``resources/`` is read-only). If
lrelease cannot run, the ``.ts`` file is read directly, so a language never
silently falls back to English.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QStandardPaths, QTranslator

from jiaokan.resources import resource_path

log = logging.getLogger(__name__)

#: Interface languages, each named in its own language (never translated).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"


def i18n_dir() -> Path:
    return resource_path("i18n")


def lrelease_command() -> list[str] | None:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
        if (folder / name).is_file():
            return [str(folder / name)]
    found = shutil.which("pyside6-lrelease")
    return [found] if found else None


def compile_ts(ts: Path, qm: Path) -> bool:
    command = lrelease_command()
    if command is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease failed on %s: %s", ts, exc)
        return False
    return qm.is_file()


def _cache_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or str(Path.home() / ".cache")
    return Path(base) / "i18n"


def _stale(ts: Path, qm: Path) -> bool:
    return not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime


def ensure_qm(language: str) -> Path | None:
    """The compiled ``.qm`` of ``language``, compiling it first if needed; None if unavailable."""
    ts = i18n_dir() / f"jiaokan_{language}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.is_file():
        return qm if qm.is_file() else None  # a frozen bundle ships only the .qm
    if not _stale(ts, qm):
        return qm
    if os.access(ts.parent, os.W_OK) and compile_ts(ts, qm):
        return qm
    cached = _cache_dir() / qm.name
    if not _stale(ts, cached) or compile_ts(ts, cached):
        return cached
    return None


def build_all() -> list[Path]:
    """Compile every ``.ts`` in resources/i18n (build step); returns the ``.qm`` written."""
    out = []
    for ts in sorted(i18n_dir().glob("jiaokan_*.ts")):
        qm = ts.with_suffix(".qm")
        if not compile_ts(ts, qm):
            raise RuntimeError(f"could not compile {ts} (is pyside6-lrelease available?)")
        out.append(qm)
    return out


class TsTranslator(QTranslator):
    """Reads a ``.ts`` file directly: the fallback when no ``.qm`` can be built."""

    def __init__(self, ts: Path, parent=None) -> None:
        super().__init__(parent)
        self._messages: dict[tuple[str, str], list[str]] = {}
        root = ET.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
                if any(forms):
                    self._messages[(name, source)] = forms

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self._messages

    def translate(self, context, source_text, disambiguation=None, n=-1):
        forms = self._messages.get((context, source_text))
        if not forms:
            return ""
        text = forms[0] if n < 0 or len(forms) == 1 else forms[0 if n == 1 else -1]
        return text.replace("%n", str(n)) if n >= 0 else text


def system_language() -> str:
    """The interface language the system locale asks for, among those we have."""
    for name in QLocale.system().uiLanguages():
        name = name.replace("-", "_")
        if name.startswith("zh") and not any(t in name for t in ("TW", "HK", "MO", "Hant")):
            return "zh_CN"
        if name.startswith("en"):
            return "en"
        if name.split("_")[0] in {code.split("_")[0] for code in LANGUAGES}:
            return next(code for code in LANGUAGES if code.split("_")[0] == name.split("_")[0])
    return DEFAULT_LANGUAGE


class Translations:
    """Installs the translators of one language on the application; switching is live
    (Qt sends every widget a LanguageChange event, which calls its ``retranslate_ui``)."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = ""
        self._installed: list[QTranslator] = []

    def set_language(self, language: str) -> str:
        """Switch to ``language`` ("" for the system's); returns the language in use."""
        language = language or system_language()
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        if language == self.language:
            return language
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        translator = self._load_app(language)
        if translator is not None:
            self._installed.append(translator)
        qt = QTranslator(self.app)
        if language != "en" and qt.load(
            QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._installed.append(qt)
        for t in self._installed:
            self.app.installTranslator(t)
        self.language = language
        # Qt only announces translator changes while exec() runs, and then by posting;
        # tell every window now so the switch is immediate (and testable).
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
        return language

    def _load_app(self, language: str) -> QTranslator | None:
        qm = ensure_qm(language)
        translator = QTranslator(self.app)
        if qm is not None and translator.load(str(qm)):
            return translator
        ts = i18n_dir() / f"jiaokan_{language}.ts"
        if ts.is_file():
            log.warning("using %s directly: no compiled translation", ts.name)
            return TsTranslator(ts, self.app)
        if language != DEFAULT_LANGUAGE:
            print(f"jiaokan-desk: no translation for {language}", file=sys.stderr)
        return None
