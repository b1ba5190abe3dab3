"""Test-wide setup: Qt offscreen, and where the shared corpus lives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI replays the same examples every run (a landing never depends on a lucky draw);
# local runs explore new random examples each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
FIXTURES = REPO / "tests" / "reader" / "fixtures"
SAMPLES = REPO / "resources" / "samples"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real page dumps with their gold files, read at run time (never copied into the repo)."""
    if not (SHARED_CORPUS / "gold").is_dir():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (it lives beside the repository)")
    return SHARED_CORPUS
