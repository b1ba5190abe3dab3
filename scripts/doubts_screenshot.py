"""Take docs/screenshots/doubts.png: the engine's doubts marked in the desk, at 1280×720.

    Xvfb :95 -screen 0 1280x720x24 &  DISPLAY=:95 .venv/bin/python scripts/doubts_screenshot.py [OUT.png]

The bundled sample pages are imported with confidences set on a few boundaries (the
sample pages are invented, and the values are too: they stand for an engine that is
unsure there), then Go > Next Doubtful Boundary (F9) goes to the first one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SAMPLES = REPO / "resources" / "samples"
#: (page, article index, block index or None for the article's start) → the engine's confidence.
CONFIDENCES = {
    ("page_a1.txt", 0, 4): 0.46,
    ("page_a1.txt", 0, 6): 0.62,
    ("page_a1.txt", 2, None): 0.38,
    ("page_b1.txt", 1, 2): 0.55,
}


def settle(app, rounds: int = 20) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def make_project(path: Path) -> None:
    from db import Project, sources

    with Project.open(path, author="editor") as project:
        for page in sorted(SAMPLES.glob("*.txt")):
            prep = sources.prepare(page.read_bytes(), str(page))
            for (name, article, block), value in CONFIDENCES.items():
                if name == page.name:
                    target = prep.articles[article] if block is None else prep.articles[article].blocks[block]
                    target.confidence = value
            sources.store(project._cx, prep)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots" / "doubts.png"
    tmp = Path(tempfile.mkdtemp(prefix="jiaokan-doubts-"))
    os.environ["JIAOKAN_DATA_DIR"] = str(tmp / "data")
    project = tmp / "doubts.jiaokan"
    make_project(project)
    from ui import settings as S
    from ui.app import build_window, create_application, open_initial_project

    app = create_application(sys.argv[:1])
    S.use_settings_dir(tmp / "settings")
    window = build_window(app, S.Settings(), "en")
    window.resize(1280, 720)
    window.move(0, 0)
    window.show()
    open_initial_project(window, str(project))
    settle(app)
    window.library.expandAll()
    from ui.doubts import DoubtActionId

    window.doubts.actions[DoubtActionId.NEXT_DOUBT].trigger()  # F9
    settle(app)
    window.grab().save(str(out))
    window.close()
    settle(app, 3)
    print("wrote", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
