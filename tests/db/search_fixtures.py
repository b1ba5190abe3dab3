"""What the search tests share: a project of real pages in both scripts, and every hit found the slow way."""

from __future__ import annotations

import random
from pathlib import Path

import opencc
import pytest

from db import Project
from db.folding import fold, fold_query, squeeze
from db.models import ImportStatus


@pytest.fixture
def pages(project: Project, tmp_path: Path) -> dict[str, int]:
    """The small page in Simplified, and the same page converted to Traditional."""
    from .conftest import SAMPLE_PAGES, SMALL_PAGE  # conftest imports this module: import when used

    simplified = SMALL_PAGE.read_text(encoding="utf-8")
    trad = tmp_path / "traditional.txt"
    trad.write_text(opencc.OpenCC("s2t").convert(simplified), encoding="utf-8")
    ids = {"simplified": project.import_file(SMALL_PAGE).source_id, "traditional": project.import_file(trad).source_id}
    report = project.import_paths(SAMPLE_PAGES)
    assert report.count(ImportStatus.IMPORTED) == len(SAMPLE_PAGES)
    return ids


def reference(project: Project, query: str) -> list[tuple[int, int, int]]:
    """Every hit, found the slow obvious way: fold and squeeze each article and scan it."""
    needle = fold_query(query)
    out = []
    for s in project.list_sources():
        for aid in project.article_ids(s.id):
            sq = squeeze(fold(project.get_article(aid).text))
            i = sq.text.find(needle)
            while i >= 0:
                out.append((aid, *sq.original_span(i, i + len(needle))))
                i = sq.text.find(needle, i + len(needle))
    return sorted(out)


def article_texts(project: Project) -> list[str]:
    """Every article's text, folded and squeezed, as the index reads it."""
    ids = [a for s in project.list_sources() for a in project.article_ids(s.id)]
    return [squeeze(fold(project.get_article(a).text)).text for a in ids]


def present_phrases(texts: list[str], rng: random.Random, count: int, sizes: tuple[int, int]) -> list[str]:
    """``count`` phrases of ``sizes`` characters (letters only) cut from the texts at random."""
    present: list[str] = []
    while len(present) < count:
        text = rng.choice(texts)
        size = rng.randint(*sizes)
        at = rng.randrange(max(1, len(text) - size))
        if text[at : at + size].isalpha():
            present.append(text[at : at + size])
    return present


def absent_phrases(texts: list[str], rng: random.Random, count: int) -> list[str]:
    """Up to ``count`` phrases chaining three pairs the texts hold, that no text holds."""
    pairs = sorted({t[i : i + 2] for t in texts for i in range(len(t) - 1) if t[i : i + 2].isalpha()})
    by_first: dict[str, list[str]] = {}
    for p in pairs:
        by_first.setdefault(p[0], []).append(p)
    absent: list[str] = []
    for a in rng.sample(pairs, len(pairs)):
        for b in by_first.get(a[1], []):
            for c in by_first.get(b[1], []):
                phrase = a + b[1] + c[1]
                if len(absent) < count and not any(phrase in t for t in texts):
                    absent.append(phrase)
    return absent
