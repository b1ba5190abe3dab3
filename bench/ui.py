"""Reading-desk latency on a 100,000-article project.

Usage: python bench/ui.py [--articles N] [--cache DIR] [--runs K]
       python bench/ui.py --coded-passages    (the Coded Passages view over 50,000 passages, < 300 ms)

1. start-up: a fresh process running ``jiaokan-desk --project BIG`` (interpreter
   start, imports, window, project, first article) until the window is first
   painted, and until the first article's text is painted. Target < 1.5 s.
2. opening an article that carries 300 annotations, laid out and painted. Target < 50 ms.
3. keystroke to search results: one keystroke into the search field (after a pause,
   as a reader types) until the hits are in the table and painted. Target < 100 ms.

The project is built through the store (``db.Project.import_paths``) from invented
pages (the bundled samples, renumbered so every file differs) and cached in
``--cache`` (default: the system temp folder) between runs. Qt runs offscreen
unless a display is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TARGETS = {"startup_s": 1.5, "open_article_ms": 50.0, "keystroke_ms": 100.0}
# common words (hits on every page: the first page of 200 fills at once) and words found nowhere
# (the whole index is consulted)
QUERIES = ("议事", "职工", "澜州", "培训", "车间", "夜校", "法官", "骑手", "星云", "量子纠缠")


# -- the project ---------------------------------------------------------------------------------------
def page_variants(count: int, folder: Path) -> None:
    """``count`` distinct page files made from the invented sample pages."""
    samples = [p.read_text(encoding="utf-8") for p in sorted((REPO / "resources" / "samples").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = samples[i % len(samples)]
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        # a different issue number on the first line keeps every file distinct (the store skips duplicates)
        first, _, rest = text.partition("\n")
        (sub / f"page_{i:06d}.txt").write_text(f"{first} 第{i + 1}期\n{rest}", encoding="utf-8")


def build_project(articles: int, cache: Path) -> Path:
    from db import Project

    path = cache / f"desk-{articles}.jiaokan"
    if path.is_file():
        with Project.open(path, create=False) as project:
            have = sum(s.article_count for s in project.list_sources())
        if have >= articles:
            return path
        path.unlink()
    partial = path.with_name(path.name + ".partial")
    for leftover in cache.glob(partial.name + "*"):
        leftover.unlink()
    pages = cache / f"pages-{articles}"
    per_page = 6  # the two samples average 6 articles
    count = -(-articles // per_page)
    print(f"building a {articles}-article project from {count} invented pages (cached in {cache}) …", flush=True)
    started = time.perf_counter()
    page_variants(count, pages)
    with Project.open(partial) as project:
        report = project.import_paths([str(pages)], workers=max(1, os.cpu_count() or 1))
        have = sum(o.articles for o in report.outcomes)
        extra = 0
        while have < articles:  # top up if the engine found fewer articles than estimated
            more = cache / f"pages-{articles}-extra{extra}"
            page_variants(-(-(articles - have) // per_page) + 1, more)
            for p in more.rglob("*.txt"):
                p.write_text(p.read_text(encoding="utf-8") + f"\n补{extra}\n", encoding="utf-8")
            have += sum(o.articles for o in project.import_paths([str(more)]).outcomes)
            extra += 1
    partial.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    import shutil

    for folder in cache.glob(f"pages-{articles}*"):
        shutil.rmtree(folder, ignore_errors=True)
    print(f"  {have} articles in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def annotated_article(path: Path, count: int = 300) -> int:
    """An article carrying ``count`` annotations (made once, kept in the cached project)."""
    from db import Project

    with Project.open(path, create=False) as project:
        source = project.list_sources(limit=1)[0]
        rows = project.list_articles(source.id)
        target = max(rows, key=lambda r: r.length)
        if target.annotation_count >= count:
            return target.id
        tags = {t.name: t for t in project.tags()}
        palette = ["#c0392b", "#2e86c1", "#28b463", "#b7950b", "#7d3c98"]
        for i, colour in enumerate(palette):
            if f"bench-{i}" not in tags:
                tags[f"bench-{i}"] = project.add_tag(f"bench-{i}", colour=colour)
        text = project.get_article(target.id).text
        step = max(1, (len(text) - 6) // count)
        for k in range(count - target.annotation_count):
            start = (k * step) % (len(text) - 6)
            project.annotate(target.id, tags[f"bench-{k % len(palette)}"].id, start, start + 4)
        return target.id


# -- 1. start-up, in a fresh process -------------------------------------------------------------------
def child_startup(project: str, settings_dir: str) -> int:
    """Runs in the measured process: the real entry point, with a paint probe."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from ui import app as desk_app

    marks: dict[str, float] = {}

    class Probe(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint and obj.isWidgetType():
                window = obj.window()
                if "window" not in marks and window.objectName() == "mainWindow":
                    marks["window"] = time.time()
                view = getattr(window, "article_view", None)
                if view is not None and obj is view.viewport() and getattr(window, "article", None) is not None:
                    if "article" not in marks:
                        marks["article"] = time.time()
                        print(json.dumps(marks), flush=True)
                        QTimer.singleShot(0, QApplication.instance().quit)
            return False

    desk_app.quiet_qt_messages()
    qapp = desk_app.create_application(sys.argv[:1])
    probe = Probe()
    qapp.installEventFilter(probe)
    return desk_app.main(["--project", project, "--settings-dir", settings_dir])


def measure_startup(project: Path, runs: int) -> dict[str, float]:
    windows, articles = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as settings:
            started = time.time()
            out = subprocess.run(
                [sys.executable, __file__, "--child-startup", str(project), settings],
                capture_output=True,
                text=True,
                timeout=120,
                env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
            )
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("{")), None)
        if line is None:
            raise SystemExit(f"start-up probe failed:\n{out.stdout}\n{out.stderr}")
        marks = json.loads(line)
        windows.append(marks["window"] - started)
        articles.append(marks["article"] - started)
    return {"startup_window_s": statistics.median(windows), "startup_s": statistics.median(articles)}


# -- 2 and 3, in this process --------------------------------------------------------------------------
def measure_in_process(project: Path, annotated: int, runs: int) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from ui import settings as S
    from ui.app import build_window, create_application, quiet_qt_messages

    quiet_qt_messages()
    qapp = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as settings_dir:
        S.use_settings_dir(settings_dir)
        window = build_window(qapp, S.Settings(), "en")
        window.resize(1480, 900)
        window.show()
        window.projects.open_project(project, remember=False)
        qapp.processEvents()
        other = window.store.articles(window.store.sources(0, 1)[0].id, 0, 1)[0].id
        if other == annotated:
            other = window.store.articles(window.store.sources(0, 1)[0].id, 1, 1)[0].id

        opens = []
        for _ in range(max(runs, 10)):
            window.open_article(other)
            qapp.processEvents()
            t0 = time.perf_counter()
            window.open_article(annotated)
            window.article_view.viewport().repaint()
            window.raw_view.viewport().repaint()
            opens.append((time.perf_counter() - t0) * 1000)
        assert len(window.article.annotations) >= 300, "the annotated article lost its annotations"

        panel = window.search_panel
        window.focus_search()
        qapp.processEvents()

        def wait_until(predicate, timeout_s=10.0):
            deadline = time.perf_counter() + timeout_s
            while not predicate():
                if time.perf_counter() > deadline:
                    raise TimeoutError("search did not answer")
                loop = QEventLoop()
                QTimer.singleShot(1, loop.quit)
                loop.exec()

        keystrokes = []
        for word in QUERIES:
            panel.query.setText(word[:-1])
            wait_until(lambda w=word: panel.shown_query == w[:-1] and not panel.pending)
            time.sleep(0.2)  # a reader's pause: the debounce window has passed
            qapp.processEvents()
            event = QInputMethodEvent()
            event.setCommitString(word[-1])
            t0 = time.perf_counter()
            QApplication.sendEvent(panel.query, event)
            wait_until(lambda w=word: panel.shown_query == w)
            panel.table.viewport().repaint()
            keystrokes.append((time.perf_counter() - t0) * 1000)
            if panel.status.toolTip():  # the search failed: a timing of it would mean nothing
                raise SystemExit(f"search for {word!r} failed: {panel.status.toolTip()}")
        window.close()
        qapp.processEvents()
    return {
        "open_article_ms": statistics.median(opens),
        "open_article_max_ms": max(opens),
        "keystroke_ms": statistics.median(keystrokes),
        "keystroke_max_ms": max(keystrokes),
    }


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child-startup":
        return child_startup(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "jiaokan-bench")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.cache.mkdir(parents=True, exist_ok=True)
    project = build_project(args.articles, args.cache)
    annotated = annotated_article(project)
    results = measure_startup(project, args.runs)
    results.update(measure_in_process(project, annotated, args.runs))
    print(f"project: {project} ({args.articles} articles), platform {os.environ.get('QT_QPA_PLATFORM') or 'display'}")
    rows = [
        ("start-up to first painted window", results["startup_window_s"] * 1000, None),
        ("start-up to first article painted", results["startup_s"] * 1000, TARGETS["startup_s"] * 1000),
        ("open article with 300 annotations (median)", results["open_article_ms"], TARGETS["open_article_ms"]),
        ("open article with 300 annotations (max)", results["open_article_max_ms"], None),
        ("keystroke to search results (median)", results["keystroke_ms"], TARGETS["keystroke_ms"]),
        ("keystroke to search results (max)", results["keystroke_max_ms"], None),
    ]
    failed = False
    for label, value, target in rows:
        verdict = "" if target is None else ("  ok" if value < target else "  OVER TARGET")
        failed |= target is not None and value >= target
        limit = f" (target < {target:.0f} ms)" if target else ""
        print(f"{label:46s} {value:8.1f} ms{limit}{verdict}")
    return 1 if failed else 0


# -- issue 13: the Coded Passages view over 50,000 passages (kept apart from the project generation above) --
CODED_PASSAGES_TARGET_MS = 300.0


def coded_passages_project(cache: Path, passages: int = 50_000, pages: int = 25) -> Path:
    """A project whose tags carry ``passages`` passages over ``pages`` long invented pages (cached)."""
    import random

    from bench.editing import invented_page
    from db import Project

    path = cache / f"coded-{passages}.jiaokan"
    if path.exists():
        return path
    folder = cache / f"coded-{passages}-pages"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(pages):
        (folder / f"page_{i:03d}.txt").write_text(invented_page(20_000, seed=i), encoding="utf-8")
    project = Project.open(path, author="bench")
    project.import_paths([folder])
    parent = project.add_tag("诉求")
    tags = [parent.id] + [project.add_tag(f"诉求{k}", parent_id=parent.id).id for k in range(4)]
    ids = [a for s in project.list_sources() for a in project.article_ids(s.id)]
    articles = [(a, len(project.get_article(a).text)) for a in ids]
    rnd = random.Random(5)
    items = []
    for n in range(passages):
        article_id, length = articles[n % len(articles)]
        start = rnd.randrange(0, max(1, length - 20))
        items.append((article_id, tags[n % len(tags)], start, start + rnd.randint(2, 15)))
    for first in range(0, len(items), 5_000):
        project.annotate_many(items[first : first + 5_000])
    project.close()
    return path


def measure_coded_passages(cache: Path, runs: int = 5, passages: int = 50_000) -> dict[str, float]:
    """From choosing the tag to the table painted, in the Coded Passages panel (median of ``runs``)."""
    import statistics

    from PySide6.QtWidgets import QApplication  # noqa: TID251 (the desk is Qt)

    from db import Project
    from ui.passages_panel import CodedPassagesPanel

    path = coded_passages_project(cache, passages)
    app = QApplication.instance() or QApplication([])
    project = Project.open(path)
    tags = project.tags()
    sources = [(s.id, s.name) for s in project.list_sources()]
    root = next(t for t in tags if t.parent_id is None)
    times, rows = [], 0
    for _ in range(runs):
        panel = CodedPassagesPanel()
        panel.resize(1400, 420)
        panel.show()
        app.processEvents()
        started = time.perf_counter()
        panel.set_project(project, tags, sources, root.id)  # reads the ids, then the rows the table shows
        panel.table.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        rows = panel.model.rowCount()
        panel.close()
        panel.deleteLater()
        app.processEvents()
    project.close()
    return {"coded_passages_ms": statistics.median(times), "coded_passages_rows": rows}


def coded_passages_main() -> int:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    cache = Path(tempfile.gettempdir()) / "jiaokan-bench"
    cache.mkdir(parents=True, exist_ok=True)
    found = measure_coded_passages(cache)
    ok = "ok" if found["coded_passages_ms"] < CODED_PASSAGES_TARGET_MS else "OVER TARGET"
    print(f"coded passages view, {found['coded_passages_rows']:,.0f} passages: opens in "
          f"{found['coded_passages_ms']:.0f} ms median (target < {CODED_PASSAGES_TARGET_MS:.0f} ms)  {ok}")
    return 0 if ok == "ok" else 1


if __name__ == "__main__":
    sys.exit(coded_passages_main() if "--coded-passages" in sys.argv else main())
