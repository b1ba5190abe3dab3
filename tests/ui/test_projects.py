from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from db import Project
from tests.ui.conftest import SAMPLES
from ui import settings as S
from ui.backend import ProjectStore
from ui.i18n import Translations
from ui.mainwindow import MainWindow
from ui.projects import ensure_sample_project, sample_project_path


@pytest.fixture
def bare_window(qtbot, settings):
    """A main window with no project yet."""
    translations = Translations(QApplication.instance())
    translations.set_language("en")
    win = MainWindow(settings, translations)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def write_pages(folder: Path, count: int) -> list[Path]:
    """``count`` distinct invented pages (the sample page, renumbered so each file differs)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (SAMPLES / "page_b1.txt").read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"page_{i:03d}.txt"
        path.write_text(text.replace("2025年第9期", f"2025年第{i + 10}期"), encoding="utf-8")
        paths.append(path)
    return paths


def test_first_start_opens_the_sample_project(bare_window, settings, desk_env):
    bare_window.projects.open_startup(None)
    path = sample_project_path()
    assert path.is_file() and path.parent == desk_env / "data"
    assert bare_window.store is not None and Path(bare_window.store.path) == path
    assert bare_window.library_model.rowCount() == 2
    assert bare_window.article is not None
    assert settings.get(S.LAST_PROJECT) == ""  # the sample is not remembered as the user's project
    mtime = path.stat().st_mtime_ns
    assert ensure_sample_project() == path and path.stat().st_mtime_ns == mtime  # made once


def test_project_argument_is_created_and_remembered(bare_window, settings, tmp_path):
    path = tmp_path / "mine.jiaokan"
    bare_window.projects.open_startup(str(path))
    assert path.is_file()
    assert "This project is empty" in bare_window.article_view.toPlainText()
    assert settings.get(S.LAST_PROJECT) == str(path)
    assert settings.get(S.RECENT_PROJECTS) == [str(path)]
    assert [a.text() for a in bare_window.recent_menu.actions()][0] == str(path)
    assert bare_window.windowTitle().startswith("mine — ")


def test_last_project_is_reopened(bare_window, settings, project_path):
    settings.set(S.LAST_PROJECT, str(project_path))
    bare_window.projects.open_startup(None)
    assert Path(bare_window.store.path) == project_path
    assert bare_window.library_model.rowCount() == 3


def test_corrupt_project_shows_a_message_not_a_traceback(bare_window, tmp_path, messages):
    bad = tmp_path / "broken.jiaokan"
    bad.write_bytes(b"this is not a database at all\x00" * 50)
    assert bare_window.projects.open_project(bad) is False
    assert len(messages) == 1
    title, text = messages[0]
    assert title == "Cannot Open Project"
    assert "“broken.jiaokan” is damaged or is not a Jiaokan project file." in text
    assert "Traceback" not in text
    assert bare_window.store is None


def test_corrupt_last_project_falls_back_to_the_sample(bare_window, settings, tmp_path, messages):
    bad = tmp_path / "broken.jiaokan"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    settings.set(S.LAST_PROJECT, str(bad))
    bare_window.projects.open_startup(None)
    assert messages and "broken.jiaokan" in messages[0][1]
    assert Path(bare_window.store.path) == sample_project_path()


def test_newer_project_asks_for_an_update(bare_window, tmp_path, messages):
    path = tmp_path / "future.jiaokan"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    assert bare_window.projects.open_project(path) is False
    assert "was made by a newer version of Jiaokan" in messages[0][1]


def test_import_reports_bad_files_in_a_list(window, tmp_path):
    good = write_pages(tmp_path / "in", 2)
    bad = tmp_path / "in" / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    before = window.library_model.rowCount()
    window.projects.import_paths([str(p) for p in [*good, bad]])
    dialog = window.projects.report_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    assert [Path(p).name for p, _ in rows] == ["scan.txt"]
    assert rows[0][1]  # a reason a person can read
    assert "2 files imported" in dialog.summary.text()
    dialog.close()
    assert window.library_model.rowCount() == before + 2


def test_import_cancelled_from_the_progress_dialog(window, tmp_path):
    pages = write_pages(tmp_path / "many", 6)
    seen = []

    def cancel_after_two(task, dialog):
        def on_progress(done, total, path):
            seen.append((done, total))
            if done == 2:
                dialog.findChild(QPushButton).click()  # the user clicks Cancel

        task.progressed.connect(on_progress)

    window.projects.import_started.connect(cancel_after_two)
    reports = []
    window.projects.import_finished.connect(reports.append)
    window.projects.import_paths([str(p.parent) for p in pages[:1]])
    assert reports and reports[0].cancelled
    assert len(reports[0].imported) == 2
    assert seen[-1] == (2, 6)
    dialog = window.projects.report_dialog
    assert "cancelled" in dialog.summary.text()
    dialog.close()
    assert window.projects.progress_dialog is None


def test_import_runs_on_a_worker_thread(window, tmp_path, qtbot, monkeypatch):
    from ui.tasks import Task

    monkeypatch.setattr(Task, "synchronous", False)
    pages = write_pages(tmp_path / "bg", 3)
    with qtbot.waitSignal(window.projects.import_finished, timeout=20000) as blocker:
        window.projects.import_paths([str(p) for p in pages])
    assert len(blocker.args[0].imported) == 3
    assert window.library_model.rowCount() == 6


def test_drop_a_folder_imports_it(window, tmp_path):
    folder = tmp_path / "dropped"
    write_pages(folder, 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    rows = window.library_model.rowCount()
    window.dropEvent(event)
    assert window.library_model.rowCount() == rows + 2


def test_drop_a_project_opens_it(window, tmp_path):
    other = tmp_path / "other.jiaokan"
    ProjectStore.open(str(other)).close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    window.dropEvent(
        QDropEvent(
            QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    )
    assert Path(window.store.path) == other


def test_store_changes_reach_the_views(window, qtbot, project_path):
    """Another writer (here a second connection) changes the project; the events bridge refreshes the views."""
    article = window.article
    project = window.store.project
    tag = project.add_tag("人物", colour="#c0392b")
    project.annotate(article.id, tag.id, 0, 4)
    assert len(window.article.annotations) == 1  # reloaded on the GUI thread
    assert window.article.annotations[0].colour == "#c0392b"
    project.set_review_state(article.id, "proofread")

    def state() -> str:
        return window.library_model.data(window.library.currentIndex().siblingAtColumn(1)) or ""

    qtbot.waitUntil(lambda: "proofread" in state())
