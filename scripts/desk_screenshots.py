"""Screenshots of the whole screen at laptop sizes, under Xvfb + openbox (a real X server and window manager).

    .venv/bin/python scripts/desk_screenshots.py [OUTDIR]

For each screen size (1600×1000, 1280×720, 1000×700) it starts ``Xvfb`` on a free display of its
own (``-displayfd``) with ``openbox``, runs the desk maximized on the bundled sample project (with an
invented coding of it, see ``scripts/screenshots.py``), switches layouts with their keys and
takes ``import -window root`` pictures: main-WxH.png (coding layout), reading-1000x700.png,
proofreading-1280x720.png / -1000x700.png, coded-passages.png, source-properties.png and
conflicts.png (at 1600×1000).
It also prints how many characters a line the article
and the raw pane get, the figure the layouts are judged by.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

SCREENS = [(1600, 1000), (1280, 720), (1000, 700)]


def settle(app, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


#: the pictures kept in docs/screenshots (the others are measured and printed only)
KEPT = {"main-1600x1000", "main-1280x720", "main-1000x700", "reading-1000x700", "proofreading-1280x720",
        "proofreading-1000x700", "coded-passages", "conflicts", "source-properties"}


def shoot(path: Path) -> None:
    if path.stem in KEPT:
        subprocess.run(["import", "-window", "root", str(path)], check=True)


def chars_a_line(view) -> int:
    """The most characters a laid-out line of ``view``'s document holds (its full lines; shown ones)."""
    first = getattr(view, "firstVisibleBlock", None)
    block, best = (first() if first is not None else view.document().begin()), 0
    while block.isValid():
        layout = block.layout()
        for i in range(max(0, layout.lineCount() - 1)):
            best = max(best, layout.lineAt(i).textLength())
        block = block.next()
    return best


def fits_a_line(view) -> int:
    """How many CJK characters a line of ``view`` (the raw pane, whose lines wrap) holds."""
    from PySide6.QtGui import QFontMetricsF  # noqa: TID251

    return int(view.viewport().width() // QFontMetricsF(view.font()).horizontalAdvance("\u56fd"))


def press(window, key, modifiers=None) -> None:
    from PySide6.QtCore import Qt  # noqa: TID251 (screenshots of the Qt desk)
    from PySide6.QtTest import QTest  # noqa: TID251

    QTest.keyClick(window, key, modifiers or Qt.KeyboardModifier.NoModifier)


def drive(width: int, height: int, out: Path) -> int:
    """Runs inside the X display: the desk, its layouts, the pictures."""
    tmp = tempfile.mkdtemp(prefix="jiaokan-desk-shots-")
    atexit.register(shutil.rmtree, tmp, True)  # the throwaway project and settings go with the process
    os.environ["JIAOKAN_DATA_DIR"] = str(Path(tmp) / "data")
    from PySide6.QtCore import Qt  # noqa: TID251 (screenshots of the Qt desk)
    from screenshots import add_sample_work

    from ui import settings as S
    from ui.app import build_window, create_application, open_initial_project

    app = create_application(sys.argv[:1])
    S.use_settings_dir(Path(tmp) / "settings")
    window = build_window(app, S.Settings(), "en")
    window.showMaximized()
    open_initial_project(window, None)
    settle(app, 1.5)
    add_sample_work(window.store.project)
    window.store.project.author = "林校对"
    settle(app)
    size = f"{width}x{height}"
    article = window.article
    starts = article.block_starts() if article is not None else []

    def report(name: str) -> None:
        raw = fits_a_line(window.raw_view) if window.raw_view.isVisible() else 0
        print(f"{name}: article {chars_a_line(window.article_view)} characters a line, raw {raw}", flush=True)

    # coding layout: library, article, codebook, annotations (and the raw text where it fits)
    press(window, Qt.Key.Key_F7)
    settle(app)
    if len(starts) > 5:
        window.article_view.select_range(starts[5] + 4, starts[5] + 22)
    settle(app)
    shoot(out / f"main-{size}.png")
    report(f"main-{size}")

    press(window, Qt.Key.Key_F5)
    settle(app)
    shoot(out / f"reading-{size}.png")
    report(f"reading-{size}")

    press(window, Qt.Key.Key_F6)
    settle(app)
    shoot(out / f"proofreading-{size}.png")
    report(f"proofreading-{size}")

    if width == 1600:
        new_views(window, app, out)
    window.close()
    settle(app, 0.2)
    return 0


def new_views(window, app, out: Path) -> None:
    """coded-passages.png (the tag with the most passages) and conflicts.png (a colleague's work merged)."""
    from PySide6.QtCore import Qt  # noqa: TID251 (screenshots of the Qt desk)

    project = window.store.project
    press(window, Qt.Key.Key_F7)
    tags = window.editing.codebook.model.tags()
    top = max((t for t in tags if t.parent_id is None), key=lambda t: t.annotation_count)
    window.editing.codebook.choose(top.id)
    window.passages.show_tag(top.id)
    window.resizeDocks([window.passages.dock], [int(window.height() * 0.42)], Qt.Orientation.Vertical)
    settle(app)
    panel = window.passages.panel
    panel.table.selectRow(2)
    settle(app)
    shoot(out / "coded-passages.png")
    print(f"coded-passages: {panel.model.rowCount()} passages", flush=True)
    window.passages.dock.hide()
    source_properties(window, app, out)

    colleague_dir = tempfile.mkdtemp(prefix="jiaokan-colleague-")
    atexit.register(shutil.rmtree, colleague_dir, True)
    colleague_work = merge_a_colleague(project, Path(colleague_dir))
    report = project.merge_jsonl(colleague_work)
    window.conflicts.open()
    window.resizeDocks([window.conflicts.dock], [int(window.height() * 0.4)], Qt.Orientation.Vertical)
    settle(app)
    shoot(out / "conflicts.png")
    print(f"conflicts: {report.conflicts} kept side by side", flush=True)


def source_properties(window, app, out: Path) -> None:
    """source-properties.png: the dialog on the first page, after one correction of its page number."""
    from ui.source_properties import SourcePropertiesDialog

    project = window.store.project
    page = project.list_sources()[0]
    read = project.source_attributes(page.id)
    project.set_source_attributes(page.id, number=(read.number or 0) + 1)
    project.set_source_attributes(page.id, number=read.number)
    dialog = SourcePropertiesDialog(page.name, project.source_attributes(page.id),
                                    project.source_attribute_history(page.id), window)
    dialog.show()
    settle(app)
    shoot(out / "source-properties.png")
    print(f"source-properties: {page.name} {read}", flush=True)
    dialog.close()


def merge_a_colleague(project, folder: Path) -> Path:
    """A colleague's project over the same pages, correcting two places differently; its JSONL export."""
    from db import Project

    colleague = Project.open(folder / "colleague.jsonl.jiaokan", author="周研究员")
    colleague.import_paths([str(p) for p in sorted((REPO / "resources" / "samples").glob("*.txt"))])
    for source in colleague.list_sources()[:1]:
        for article_id in colleague.article_ids(source.id)[:2]:
            text = colleague.get_article(article_id).text
            at = text.index("。", 80) - 4  # inside a sentence of the body
            colleague.correct(article_id, at, at + 2, "议事", note="据原报核对")
            project.author = "林校对"
            mine = project.article_ids(project.list_sources()[0].id)
            ours = mine[colleague.article_ids(source.id).index(article_id)]
            project.correct(ours, at, at + 2, "协商")
    out = folder / "colleague.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        colleague.export_jsonl(fh)
    colleague.close()
    return out


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen, str]:
    """An Xvfb on a display number it finds free itself (``-displayfd``): runs beside other X servers."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    if not number:
        xvfb.terminate()
        raise SystemExit("Xvfb did not start (is it installed? apt-get install xvfb)")
    return xvfb, f":{number}"


def run_screen(width: int, height: int, out: Path) -> int:
    """Xvfb + openbox on a free display, the driver inside, then both stopped (only the processes started here)."""
    xvfb, display = start_xvfb(width, height)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    wm = None
    try:
        time.sleep(0.5)
        wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        done = subprocess.run([sys.executable, __file__, "--drive", f"{width}x{height}", str(out)], env=env,
                              timeout=300)
        return done.returncode
    finally:
        for process in (wm, xvfb):
            if process is not None:
                process.terminate()
                process.wait(10)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--drive"]:
        width, height = map(int, argv[1].split("x"))
        return drive(width, height, Path(argv[2]))
    out = Path(argv[0]) if argv else REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    status = 0
    for width, height in SCREENS:
        status |= run_screen(width, height, out)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
