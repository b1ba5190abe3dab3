"""Opening an annotated article in the desk, measured to the first paint through the event loop.

Used by ``bench/ui.py``. What is timed is what a click in the library, a search hit or J/K
runs (``MainWindow.open_article``), then the event loop until the article view has been
painted (a paint probe on its viewport): the frame in which the reader sees the article,
with whatever else that pass paints. The desk paints the library and the raw text in the
frame after the article's (``ui.paint_order``), so "to idle" goes on until the work queued
behind that frame has run and been painted too: the cost of the whole open.

Cold is each article's first open in the process: its characters may never have been
shaped or rasterised at the reading size, which is most of a first paint's cost. So the
floor is cold as well: a fresh process (nothing rasterised) shows the same texts in a bare
``QPlainTextEdit`` set in the article's reading font and size, first pass cold, second
pass warm.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _settle(qapp, painted, rounds: int = 3) -> None:
    """Run the event loop until ``painted()``; then until the work queued behind the frame has run."""
    from PySide6.QtCore import QTimer  # noqa: TID251 (the desk is Qt)

    deadline = time.perf_counter() + 30
    while not painted():
        if time.perf_counter() > deadline:
            raise TimeoutError("the article view was never painted")
        qapp.processEvents()
    for _ in range(rounds):  # a queued sentinel runs after whatever the paint queued; then its repaints
        done: list[bool] = []
        QTimer.singleShot(0, lambda d=done: d.append(True))
        while not done:
            qapp.processEvents()
    qapp.processEvents()


class PaintProbe:
    """Notes a paint of ``widget`` (an event filter; ``seen`` is reset by the caller)."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject  # noqa: TID251

        outer = self

        class _Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
                if event.type() == QEvent.Type.Paint:
                    outer.seen = True
                return False

        self.seen = False
        self._filter = _Filter()
        widget.installEventFilter(self._filter)


def measure_opens(qapp, window, order: list[int]) -> dict:
    """Cold and warm opens of ``order`` (article ids): wall and CPU time to painted and to idle."""
    probe = PaintProbe(window.article_view.viewport())
    kinds = ("cold", "warm")
    out: dict = {f"{k}{part}": [] for k in kinds for part in ("", "_cpu", "_idle", "_idle_cpu")}

    def open_painted(article_id: int, kind: str) -> None:
        probe.seen = False
        t0, c0 = time.perf_counter(), time.process_time()
        window.open_article(article_id)
        painted_at = [0.0, 0.0]

        def painted() -> bool:
            if probe.seen and not painted_at[0]:
                painted_at[:] = [time.perf_counter(), time.process_time()]
            return probe.seen

        _settle(qapp, painted)
        out[kind].append(painted_at[0] - t0)
        out[f"{kind}_cpu"].append(painted_at[1] - c0)
        out[f"{kind}_idle"].append(time.perf_counter() - t0)
        out[f"{kind}_idle_cpu"].append(time.process_time() - c0)

    for article_id in order:  # each article's first open in this process
        open_painted(article_id, "cold")
    for article_id in order:  # reopened after another article
        other = order[0] if article_id != order[0] else order[-1]
        if window.article.id != other:
            probe.seen = False
            window.open_article(other)
            _settle(qapp, lambda: probe.seen)
        open_painted(article_id, "warm")
    return out


def child_floor(project: str, ids: list[int], size_pt: float) -> dict:
    """In a fresh process: the texts of ``ids`` set in a bare ``QPlainTextEdit`` in the reading font, painted."""
    from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: TID251

    from db import Project
    from ui.typeset import READING_FAMILIES, make_font

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    with Project.open(project, create=False) as store:
        texts = [store.get_article(a).text for a in ids]
    view = QPlainTextEdit()
    view.setFont(make_font(READING_FAMILIES, size_pt))
    view.resize(760, 900)
    view.show()
    probe = PaintProbe(view.viewport())
    qapp.processEvents()
    out: dict = {k: [] for k in ("cold", "cold_cpu", "warm", "warm_cpu")}
    for kind in ("cold", "warm"):
        for text in texts:
            probe.seen = False
            t0, c0 = time.perf_counter(), time.process_time()
            view.setPlainText(text)
            while not probe.seen:
                qapp.processEvents()
            out[f"{kind}_cpu"].append(time.process_time() - c0)
            out[kind].append(time.perf_counter() - t0)
    view.close()
    return out


def measure_floor(project: Path, ids: list[int], size_pt: float) -> dict:
    """:func:`child_floor` in a fresh interpreter (offscreen unless a display is set)."""
    code = (
        "import json, sys; from bench.desk_open import child_floor; "
        "print(json.dumps(child_floor(*json.load(sys.stdin))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps([str(project), ids, size_pt]),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the open floor failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def shuffled(ids: list[int], seed: int = 6) -> list[int]:
    order = ids[:]
    random.Random(seed).shuffle(order)
    return order
