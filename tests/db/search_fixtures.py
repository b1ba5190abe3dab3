"""What the search tests share: a project of real pages in both scripts, and every hit found the slow way."""

from __future__ import annotations

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
