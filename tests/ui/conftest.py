"""GUI test setup (after novelWriter's): settings and data in a temp folder for every test,
long work run synchronously, modal dialogs patched, and no window or task left over."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from ui import settings as S  # noqa: E402
from ui.compat import guard_none_refcount  # noqa: E402
from ui.tasks import Task  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
ASTRAL = "\U0002000b"  # 𠀋, outside the BMP: two UTF-16 units


@pytest.fixture(scope="session", autouse=True)
def _qt_session(qapp):
    guard_none_refcount()
    from ui.app import use_cjk_interface_font

    use_cjk_interface_font(qapp)
    yield


@pytest.fixture(autouse=True)
def desk_env(tmp_path, monkeypatch, qapp):
    """Fresh settings (INI in tmp), data folder in tmp, synchronous tasks; checks for leftovers after."""
    settings_dir = tmp_path / "settings"
    S.use_settings_dir(settings_dir)
    monkeypatch.setenv("JIAOKAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(Task, "synchronous", True)
    yield tmp_path
    qapp.processEvents()
    leftovers = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in leftovers:
        widget.close()
    assert not leftovers, f"windows left open: {[w.objectName() or type(w).__name__ for w in leftovers]}"
    assert not Task.running(), "a task is still running"


@pytest.fixture
def settings() -> S.Settings:
    return S.Settings()


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Every QMessageBox shown, as (title, text); none blocks."""
    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Ok)

    def fake_static(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((title, text))
            return QMessageBox.StandardButton.Ok if kind != "question" else QMessageBox.StandardButton.Yes

        return show

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake_static(kind)))
    return shown


@pytest.fixture
def page_files(tmp_path) -> list[Path]:
    """The bundled samples plus an invented page with 𠀋, copied to tmp."""
    folder = tmp_path / "pages"
    folder.mkdir()
    paths = []
    for src in [*sorted(SAMPLES.glob("*.txt")), DATA / "astral_page.txt"]:
        # the library sorts names naturally: the 𠀋 page comes last, after the samples, as imported
        dst = folder / ("page_z_astral.txt" if src.parent == DATA else src.name)
        shutil.copy(src, dst)
        paths.append(dst)
    return paths


@pytest.fixture
def project_path(tmp_path, page_files) -> Path:
    """A project (in tmp) with the sample pages and the 𠀋 page imported."""
    from ui.backend import ProjectStore

    path = tmp_path / "test.jiaokan"
    st = ProjectStore.open(str(path))
    report = st.import_paths([str(p) for p in page_files], lambda *a: None, lambda: False)
    assert not report.failed
    st.close()
    return path


@pytest.fixture
def store(project_path):
    from ui.backend import ProjectStore

    st = ProjectStore.open(str(project_path))
    yield st
    st.close()


@pytest.fixture
def open_window(qtbot, settings):
    """A factory: ``open_window(store, size)`` shows an English main window on ``store``; closed after the test."""
    from ui.i18n import Translations
    from ui.mainwindow import MainWindow

    opened = []

    def open_(store, size=(1400, 900)):
        translations = Translations(QApplication.instance())
        translations.set_language("en")
        win = MainWindow(settings, translations)
        qtbot.addWidget(win)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        win.set_store(store)
        opened.append((win, translations))
        return win

    yield open_
    for win, translations in opened:
        win.close()
        translations.set_language("en")


@pytest.fixture
def window(open_window, store):
    return open_window(store)
