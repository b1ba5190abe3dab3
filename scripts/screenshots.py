"""Take the README screenshots under a real X server (run through xvfb-run).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py [OUTDIR]

Uses a throw-away settings and data folder, opens the bundled sample project and
writes main-window.png and search.png (English interface), traditional.png
(Chinese interface, text shown in Traditional characters as used in Taiwan) and reports.png
(two coders' invented tagging of the sample pages in the Reports panel), and the editing
desk's editing-tags.png, editing-corrections.png and editing-history.png (scripts/editing_screenshots.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def settle(app, rounds: int = 20) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


#: Invented coding for the reports screenshot: tag -> (colour, words whose sentences it marks).
SAMPLE_CODES = {
    "职工诉求": ("#c0392b", ("意见", "诉求", "问题")),
    "职工诉求/议事协商": ("#e67e22", ("议事", "协商")),
    "技能成长": ("#2e86c1", ("技能", "培训", "师傅", "积分")),
    "工会服务": ("#27ae60", ("工会", "服务")),
}


def add_sample_work(project) -> None:
    """Two coders tag the sentences around chosen words; the second draws a little differently and skips some."""
    import random

    rng = random.Random(3)
    ids = {}
    for path, (colour, _) in SAMPLE_CODES.items():
        parent = ids.get(path.rsplit("/", 1)[0]) if "/" in path else None
        ids[path] = project.add_tag(path.rsplit("/", 1)[-1], parent_id=parent, colour=colour).id
    for source in project.list_sources():
        for k, article_id in enumerate(project.article_ids(source.id)):
            text = project.get_article(article_id).text
            for path, (_, words) in SAMPLE_CODES.items():
                for word in words:
                    at = text.find(word)  # the first sentence with the word, in each article
                    if at < 0:
                        continue
                    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
                    end = min(x for x in (text.find("。", at), text.find("\n", at), len(text)) if x >= 0)
                    if end - start < 6:
                        continue
                    if rng.random() < 0.9:
                        project.author = "林校对"
                        project.annotate(article_id, ids[path], start, end)
                    if rng.random() < 0.8:
                        project.author = "周研究员"
                        s2 = max(0, start + rng.choice((-3, 0, 0, 2, 4)))
                        e2 = min(len(text), end + rng.choice((-2, 0, 0, 1, 3)))
                        project.annotate(article_id, ids[path], s2, max(s2 + 1, e2))
            project.set_review_state(article_id, ("proofread", "in_progress", "unreviewed")[k % 3])


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="jiaokan-shots-")
    os.environ["JIAOKAN_DATA_DIR"] = str(Path(tmp) / "data")
    from ui import settings as S
    from ui.app import build_window, create_application, open_initial_project

    app = create_application(sys.argv[:1])
    S.use_settings_dir(Path(tmp) / "settings")
    window = build_window(app, S.Settings(), "en")
    window.resize(1480, 900)
    window.move(40, 40)
    window.show()
    open_initial_project(window, None)
    settle(app)

    # main window: first article, a selection in the article linked to the raw dump
    article = window.article
    if article is not None and len(article.blocks) > 5:
        starts = article.block_starts()
        start = starts[5] + 4
        window.article_view.select_range(start, start + 18)
    settle(app)
    window.grab().save(str(out / "main-window.png"))

    # search
    window.focus_search()
    window.search_panel.query.setText("议事")
    window.search_panel.run_search()
    settle(app)
    window.step_hit(+1)
    window.step_hit(+1)
    settle(app)
    window.grab().save(str(out / "search.png"))

    # traditional display
    from ui.script import Script

    window.search_dock.hide()
    window.set_language("zh_CN")  # the third shot shows the Chinese interface as well
    window.set_script(Script.TAIWAN)
    window.step_article(+1)
    settle(app)
    window.grab().save(str(out / "traditional.png"))

    # the editing desk: tags, corrections, history (English; everything is undone afterwards)
    from editing_screenshots import take as take_editing_shots

    take_editing_shots(window, app, out, settle)

    # reports: two coders tag the sample pages, the Reports panel docked under the text (English again)
    window.set_language("en")
    window.set_script(Script.ORIGINAL)
    add_sample_work(window.store.project)
    side_docks = [d for d in getattr(window.editing, "docks", {}).values() if d.isVisible()]
    for dock in side_docks:  # the panel gets the window's width
        dock.hide()
    window.exchange.show_report("agreement")
    window.exchange.size_reports(430)
    settle(app)
    window.exchange.reports.view.resizeColumnsToContents()
    width = window.exchange.reports.splitter.width()
    window.exchange.reports.splitter.setSizes([width * 47 // 100, width * 53 // 100])
    settle(app)
    window.grab().save(str(out / "reports.png"))
    for dock in side_docks:
        dock.show()
    window.close()
    settle(app, 3)
    print("wrote", ", ".join(p.name for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
