"""Every hit of the search in the open article, to tint them all (not only the current one).

The search panel pages its hits over the whole project; the open article's hits are found
here in its text with the store's own folding (Traditional = Simplified, width, case, spaces
an extractor sprinkled), so the tints agree with the hits listed, wherever the page ends.
"""

from __future__ import annotations

from db.folding import fold, fold_query, squeeze
from db.search import compile_regex


def hits_in_text(text: str, query: str, regex: bool) -> list[tuple[int, int]]:
    """Code point ranges of ``query``'s hits in ``text``; [] for an empty or invalid query."""
    query = query.strip()
    if not query:
        return []
    folded = fold(text)
    found: list[tuple[int, int]] = []
    if regex:
        try:
            pattern = compile_regex(query)
        except Exception:  # noqa: BLE001 (an invalid pattern tints nothing; the panel says why)
            return []
        return [(m.start(), m.end()) for m in pattern.finditer(folded) if m.end() > m.start()]
    needle = fold_query(query)
    if not needle:
        return []
    squeezed = squeeze(folded)
    at = squeezed.text.find(needle)
    while at >= 0:
        found.append(squeezed.original_span(at, at + len(needle)))
        at = squeezed.text.find(needle, at + len(needle))
    return found
