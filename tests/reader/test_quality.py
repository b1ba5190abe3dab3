"""Reflow quality against answer keys: the real corpus (read from ../shared) and our own sample pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import document_to_gold, read_dump, reflow_text
from reader.scoring import score
from tests.conftest import FIXTURES, SAMPLES

#: The thresholds of the reflow issue, held on every corpus page.
CORPUS_THRESHOLDS = {"par_ws": 0.97, "par_ex": 0.95, "art": 0.85, "head": 0.85, "byline": 0.85, "furn": 1.0}


def _reflow(path: Path) -> dict:
    decoded = read_dump(str(path))
    return document_to_gold(reflow_text(decoded.text, str(path), decoded.encoding))


def _corpus_pages() -> list[Path]:
    from tests.conftest import SHARED_CORPUS

    return sorted(SHARED_CORPUS.glob("*.txt")) if SHARED_CORPUS.is_dir() else []


@pytest.mark.parametrize("page", _corpus_pages() or [None], ids=lambda p: p.name if p else "no-corpus")
def test_corpus_page_meets_thresholds(page: Path | None, corpus_dir: Path) -> None:
    if page is None:
        pytest.skip("no corpus pages")
    gold = json.loads((corpus_dir / "gold" / f"{page.stem}.json").read_text(encoding="utf-8"))
    metrics = score(gold, _reflow(page))
    failing = {k: round(v, 3) for k, v in metrics.items() if v < CORPUS_THRESHOLDS[k]}
    assert not failing, f"{page.name}: below threshold {failing} (all: {metrics})"


SAMPLE_PAGES = [
    (SAMPLES / "page_a1.txt", FIXTURES / "gold" / "page_a1.json"),
    (SAMPLES / "page_b1.txt", FIXTURES / "gold" / "page_b1.json"),
    (FIXTURES / "style_a_small.txt", FIXTURES / "gold" / "style_a_small.json"),
    (FIXTURES / "style_b_small.txt", FIXTURES / "gold" / "style_b_small.json"),
]


@pytest.mark.parametrize(("page", "gold_path"), SAMPLE_PAGES, ids=lambda p: p.name)
def test_own_sample_pages(page: Path, gold_path: Path) -> None:
    """Invented pages in both extractor styles (with a different punctuation convention)."""
    metrics = score(json.loads(gold_path.read_text(encoding="utf-8")), _reflow(page))
    assert metrics["par_ws"] >= 0.95, metrics
    assert metrics["head"] >= 0.85, metrics
    assert metrics["byline"] >= 0.8, metrics
    assert metrics["furn"] == 1.0, metrics


def test_extractor_style_is_detected() -> None:
    from reader import Extractor

    def extractor(path: Path) -> Extractor:
        return reflow_text(read_dump(str(path)).text).extractor

    assert extractor(SAMPLES / "page_a1.txt") is Extractor.COLUMN_LINES
    assert extractor(FIXTURES / "style_a_small.txt") is Extractor.COLUMN_LINES
    assert extractor(SAMPLES / "page_b1.txt") is Extractor.PARAGRAPH_LINES
    assert extractor(FIXTURES / "style_b_small.txt") is Extractor.PARAGRAPH_LINES
