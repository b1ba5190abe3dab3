"""``jiaokan-desk``: the reading desk's entry point."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from jiaokan import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jiaokan-desk", description="Jiaokan 校勘 reading desk")
    parser.add_argument("--version", action="version", version=f"jiaokan-desk {__version__}")
    parser.add_argument("--project", metavar="FILE", help="open this project file (created if missing)")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="build the window offscreen, open the sample project, then exit (0 when everything worked)",
    )
    parser.add_argument("--settings-dir", metavar="DIR", help="keep settings in DIR instead of the user's folder")
    parser.add_argument("--language", metavar="LANG", help="interface language for this run (en, zh_CN)")
    return parser


def create_application(argv: Sequence[str]):
    from PySide6.QtWidgets import QApplication

    from ui import settings as S
    from ui.compat import guard_none_refcount

    guard_none_refcount()
    QApplication.setOrganizationName(S.ORGANIZATION)
    QApplication.setApplicationName(S.APPLICATION)
    QApplication.setApplicationDisplayName("Jiaokan 校勘")
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(list(argv))
    use_cjk_interface_font(app)
    return app


def use_cjk_interface_font(app) -> None:
    """Prefer a CJK sans for menus and lists (the platform font may lack Chinese glyphs)."""
    from ui.typeset import UI_FAMILIES, pick_families

    font = app.font()
    families = pick_families(UI_FAMILIES)
    if families:
        font.setFamilies([*families, font.family()])
        app.setFont(font)


def build_window(app, settings, language: str | None = None):
    """The main window with its translations installed; no project opened yet."""
    from ui import settings as S
    from ui.i18n import Translations
    from ui.mainwindow import MainWindow

    translations = Translations(app)
    translations.set_language(language if language is not None else settings.get(S.LANGUAGE))
    return MainWindow(settings, translations)


def open_initial_project(window, project: str | None) -> None:
    window.projects.open_startup(project)


def smoke_test(args: argparse.Namespace) -> int:
    """Build everything offscreen in a throw-away settings/data folder and open the sample."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="jiaokan-smoke-") as tmp:
        os.environ["JIAOKAN_DATA_DIR"] = str(Path(tmp) / "data")
        try:
            from ui import settings as S

            quiet_qt_messages()
            app = create_application(sys.argv[:1])
            S.use_settings_dir(Path(tmp) / "settings")
            window = build_window(app, S.Settings(), args.language)
            open_initial_project(window, args.project)
            window.show()
            for _ in range(5):
                app.processEvents()
            problems = []
            if window.store is None:
                problems.append("no project opened")
            if window.article is None or not window.article.blocks:
                problems.append("no article shown")
            elif not window.article_view.toPlainText().strip():
                problems.append("the article view is empty")
            if not window.raw_view.toPlainText().strip():
                problems.append("the raw view is empty")
            sources = window.library_model.rowCount()
            articles = window.library_model.rowCount(window.library_model.index(0, 0))
            problems += check_bundled_resources(window)
            window.close()
            app.processEvents()
        except Exception:
            traceback.print_exc()
            print("jiaokan-desk: smoke test FAILED", file=sys.stderr)
            return 1
    if problems:
        print("jiaokan-desk: smoke test FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"jiaokan-desk {__version__}: smoke test ok ({sources} sources, {articles} articles, {elapsed:.2f} s)")
    return 0


def check_bundled_resources(window) -> list[str]:
    """The translations and OpenCC dictionaries load (what a bundle most easily loses)."""
    from ui.script import Script

    problems = []
    before = window.file_menu.title()
    window.set_language("zh_CN")
    if "文件" not in window.file_menu.title():
        problems.append("the Chinese interface translation did not load")
    window.set_language("en")
    if window.file_menu.title() != before and "File" not in window.file_menu.title():
        problems.append("the English interface did not come back")
    window.set_script(Script.TRADITIONAL)
    shown = window.article_view.toPlainText()
    window.set_script(Script.ORIGINAL)
    if window.article is not None and shown == window.article_view.toPlainText():
        problems.append("OpenCC did not convert to Traditional")
    return problems


def quiet_qt_messages() -> None:
    """Drop the offscreen platform's harmless notices from the smoke test's output."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def no_display() -> bool:
    """On Linux/BSD, no X11 or Wayland display and no platform chosen: Qt would abort."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return False
    return not any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.smoke_test:
        return smoke_test(args)
    if no_display():
        print(
            "jiaokan-desk: no display found (DISPLAY/WAYLAND_DISPLAY unset). The reading desk is a desktop "
            "application; run it in a graphical session (--smoke-test works without one).",
            file=sys.stderr,
        )
        return 2
    from ui.platform_check import EXIT_MISSING_LIBRARIES, check_platform

    problem = check_platform()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_MISSING_LIBRARIES
    from ui import settings as S

    app = create_application(sys.argv[:1])
    if args.settings_dir:
        S.use_settings_dir(args.settings_dir)
    window = build_window(app, S.Settings(), args.language)
    window.show()
    app.processEvents()
    open_initial_project(window, args.project)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
