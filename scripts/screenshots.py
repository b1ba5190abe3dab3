"""Take the README screenshots under a real X server (run through xvfb-run).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py [OUTDIR]

Uses a throw-away settings and data folder, opens the bundled sample project and
writes main-window.png and search.png (English interface) and traditional.png
(Chinese interface, text shown in Traditional characters as used in Taiwan).
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
    window.close()
    settle(app, 3)
    print("wrote", ", ".join(p.name for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
