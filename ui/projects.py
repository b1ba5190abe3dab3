"""Opening projects: the sample project at start-up, files chosen by the user, recent projects."""

from __future__ import annotations

from jiaokan.resources import sample_pages
from ui.sample_store import SampleStore


def open_startup_project(window, project: str | None) -> None:
    store = SampleStore(sample_pages())
    store.display_name = "samples"
    window.set_store(store)
