"""The gold JSON shape (../shared/corpus/GOLD-SPEC.md) of a reflowed document."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from reader.model import Article, Document


def _s(value: object | None) -> str | None:
    return str(value) if value is not None else None


def article_to_gold(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": article.kind.value,
        "kicker": _s(article.kicker),
        "title": _s(article.title),
        "subtitle": _s(article.subtitle),
        "byline": _s(article.byline),
        "continued_from": _s(article.continued_from),
        "paragraphs": [str(p) for p in article.paragraphs],
        "subheads": [str(s) for s in article.subheads],
    }
    if article.notes:
        out["notes"] = article.notes
    # Extra fields the gold format ignores: the engine's belief in its own boundaries.
    out["confidence"] = round(article.confidence, 4)
    out["paragraph_confidences"] = [round(b.confidence, 4) for b in article.blocks]
    return out


def document_to_gold(doc: Document) -> dict[str, Any]:
    return {
        "source": PurePath(doc.source).name,
        "layout": doc.layout.value,
        "furniture": [str(f) for f in doc.furniture],
        "articles": [article_to_gold(a) for a in doc.articles],
    }
