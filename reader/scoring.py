"""The reflow quality metrics of GOLD-SPEC ("score.py"), reimplemented for tests and benchmarks.

par_ws / par_ex: paragraph F1 ignoring / folding whitespace; art: article F1
(all paragraphs right); head: headlines right on the matching article; byline:
bylines right on the matching article; furn: furniture kept out of bodies.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import Any


def _ws(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "").replace("\u2043", "")


def _ex(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _f1(gold: list[str], pred: list[str]) -> float:
    g, p = Counter(gold), Counter(pred)
    if not g and not p:
        return 1.0
    hit = sum((g & p).values())
    if hit == 0:
        return 0.0
    precision, recall = hit / max(1, sum(p.values())), hit / max(1, sum(g.values()))
    return 2 * precision * recall / (precision + recall)


def _body(article: dict[str, Any]) -> str:
    return "".join(sorted(_ws(p) for p in article.get("paragraphs") or []))


def _head(article: dict[str, Any]) -> str:
    return _ws("".join(article.get(k) or "" for k in ("kicker", "title", "subtitle")))


def _match(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    pairs = []
    for i, g in enumerate(gold):
        gb = _body(g)
        for j, p in enumerate(pred):
            pb = _body(p)
            if not gb or not pb or abs(len(gb) - len(pb)) >= max(len(gb), len(pb)):
                continue
            ratio = SequenceMatcher(None, gb, pb, autojunk=False).ratio()
            if ratio > 0.5:
                pairs.append((ratio, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out[i] = j
    return out


def score(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, float]:
    ga, pa = gold["articles"], pred.get("articles", [])
    gp = [p for a in ga for p in a["paragraphs"]]
    pp = [p for a in pa for p in (a.get("paragraphs") or [])]
    metrics = {
        "par_ws": _f1([_ws(p) for p in gp], [_ws(p) for p in pp]),
        "par_ex": _f1([_ex(p) for p in gp], [_ex(p) for p in pp]),
        "art": _f1([_body(a) for a in ga], [_body(a) for a in pa]),
    }
    pairs = _match(ga, pa)
    with_head = [i for i, a in enumerate(ga) if _head(a)]
    metrics["head"] = sum(1 for i in with_head if i in pairs and _head(pa[pairs[i]]) == _head(ga[i])) / max(
        1, len(with_head)
    )
    with_by = [i for i, a in enumerate(ga) if a.get("byline")]
    metrics["byline"] = sum(
        1 for i in with_by if i in pairs and _ws(pa[pairs[i]].get("byline")) == _ws(ga[i]["byline"])
    ) / max(1, len(with_by))
    all_body = "".join(_body(a) for a in pa)
    furniture = [_ws(f) for f in gold.get("furniture", []) if _ws(f)]
    metrics["furn"] = sum(1 for f in furniture if f not in all_body) / len(furniture) if furniture else 1.0
    return metrics


#: Characters of context that identify a boundary in whitespace-free text.
BOUNDARY_KEY = 12


def boundary_outcomes(gold: dict, pred: dict) -> tuple[list[tuple[float, bool]], list[tuple[float, bool]]]:
    """(confidence, right?) for every paragraph boundary and every article boundary emitted.

    A paragraph boundary is right when the text after it opens a gold paragraph
    and the text before it (if any in the article) closes one; an article
    boundary is right when the article's first paragraph opens a gold article
    and the previous article's last paragraph closes one.
    """
    starts = {_ws(p)[:BOUNDARY_KEY] for a in gold["articles"] for p in a["paragraphs"]}
    ends = {_ws(p)[-BOUNDARY_KEY:] for a in gold["articles"] for p in a["paragraphs"]}
    art_starts = {_ws(a["paragraphs"][0])[:BOUNDARY_KEY] for a in gold["articles"] if a["paragraphs"]}
    art_ends = {_ws(a["paragraphs"][-1])[-BOUNDARY_KEY:] for a in gold["articles"] if a["paragraphs"]}
    paragraphs: list[tuple[float, bool]] = []
    articles: list[tuple[float, bool]] = []
    previous_end: str | None = None
    for article in pred["articles"]:
        texts = [_ws(p) for p in article["paragraphs"]]
        if not texts:
            continue
        # An engine without confidences (older output) counts as sure of everything.
        confidences = article.get("paragraph_confidences") or [1.0] * len(texts)
        for k, (text, conf) in enumerate(zip(texts, confidences, strict=True)):
            right = text[:BOUNDARY_KEY] in starts and (k == 0 or texts[k - 1][-BOUNDARY_KEY:] in ends)
            paragraphs.append((conf, right))
        right_article = texts[0][:BOUNDARY_KEY] in art_starts and (previous_end is None or previous_end in art_ends)
        articles.append((article.get("confidence", 1.0), right_article))
        previous_end = texts[-1][-BOUNDARY_KEY:]
    return paragraphs, articles
