"""Keeping annotations on their text: exact mapping through edits, fuzzy re-anchoring.

Two different problems. When an editor changes an article, we know exactly
what changed, so every annotation is mapped through the change: insertions
before it shift it, changes inside it extend or shrink it, and when all its
characters are deleted it collapses and is orphaned (:func:`map_span`).

When an article is rebuilt (a new version of the source, or the engine run
again) there is no edit to follow; the annotation is looked for again by its
quote, its prefix and suffix and a position hint, as the Hypothesis client
does: exact matches first, then diff-match-patch's fuzzy ``match_main``. One
that cannot be placed with confidence is orphaned, never silently moved onto
other text (:func:`find_anchor`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

# -- exact mapping through edits --------------------------------------------------

#: A step is JSON-friendly:
#:   ["replace", article_id, s, e, length]  -- text [s, e) became `length` new characters
#:   ["move", from_id, s, e, to_id, q, n, base, del_s, del_e]
#:       -- `n` characters were inserted at `q` in article `to_id`, among them the text
#:          that was [s, e) of `from_id`, now starting at `base`; [del_s, del_e) was
#:          removed from `from_id` (it contains [s, e)).
Step = list


@dataclass(frozen=True, slots=True)
class Span:
    article_id: int
    start: int
    end: int
    orphaned: bool = False


def map_replace(span: Span, s: int, e: int, length: int) -> Span:
    """Map ``span`` through "text [s, e) replaced by ``length`` characters"."""
    a, b = span.start, span.end
    if b < s:
        return span  # wholly before the change (the common case in a long article)
    delta = length - (e - s)
    if span.orphaned or a == b:  # a position hint only: move it along
        p = a if a < s else (a + delta if a >= e else s)
        return span if p == a else Span(span.article_id, p, p, span.orphaned)
    if e > s and s <= a and b <= e and (a, b) != (s, e):
        return Span(span.article_id, s, s, True)  # its characters are gone
    new_a = a if a < s else (a + delta if a >= e else s)
    new_b = b if b <= s else (b + delta if b >= e else s + length)
    if new_b <= new_a:
        return Span(span.article_id, new_a, new_a, True)
    if new_a == a and new_b == b:
        return span
    return Span(span.article_id, new_a, new_b, span.orphaned)


def apply_step(span: Span, step: Sequence) -> Span:
    if step[0] == "replace":
        _, article_id, s, e, length = step
        return map_replace(span, s, e, length) if span.article_id == article_id else span
    if step[0] == "move":
        _, src, s, e, dst, q, n, base, del_s, del_e = step
        if span.article_id == dst:
            return map_replace(span, q, q, n)
        if span.article_id == src:
            if s <= span.start and span.end <= e:
                return Span(dst, span.start - s + base, span.end - s + base, span.orphaned)
            return map_replace(span, del_s, del_e, 0)
        return span
    raise ValueError(f"unknown step {step[0]!r}")


def apply_steps(span: Span, steps: Sequence[Sequence]) -> Span:
    for step in steps:
        span = apply_step(span, step)
    return span


def invert_step(step: Sequence) -> list:
    """The step that maps positions back (used to revert an edit)."""
    if step[0] == "replace":
        _, article_id, s, e, length = step
        return ["replace", article_id, s, s + length, e - s]
    if step[0] == "move":
        _, src, s, e, dst, q, n, base, del_s, del_e = step
        return ["move", dst, base, base + (e - s), src, del_s, del_e - del_s, s, q, q + n]
    raise ValueError(f"unknown step {step[0]!r}")


def invert_steps(steps: Sequence[Sequence]) -> list[list]:
    return [invert_step(s) for s in reversed(steps)]


# -- fuzzy re-anchoring --------------------------------------------------------------

#: Quotes shorter than this must match exactly: a fuzzy 3-character match is a guess.
MIN_FUZZY_LENGTH = 4
#: Share of a quote's characters that may differ in a fuzzy match.
MAX_ERROR_SHARE = 0.25
#: Context similarity needed to choose among several exact matches far from the hint.
MIN_CONTEXT = 0.5

_BITS = 32  # diff-match-patch's bitap pattern limit


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Match_Threshold = 0.45
    dmp.Diff_Timeout = 0.2
    return dmp


def _similarity(dmp: diff_match_patch, a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    dist = dmp.diff_levenshtein(dmp.diff_main(a, b, False))
    return max(0.0, 1.0 - dist / max(len(a), len(b)))


def context_score(
    text: str, start: int, end: int, prefix: str, suffix: str, dmp: diff_match_patch | None = None
) -> float:
    """How well the text around [start, end) matches the remembered prefix and suffix (0..1)."""
    dmp = dmp or _dmp()
    scores = []
    if prefix:
        scores.append(_similarity(dmp, text[max(0, start - len(prefix)) : start], prefix))
    if suffix:
        scores.append(_similarity(dmp, text[end : end + len(suffix)], suffix))
    return sum(scores) / len(scores) if scores else 1.0


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    exact: bool
    score: float


def _exact(text: str, quote: str, prefix: str, suffix: str, hint: int | None, dmp) -> Anchor | None:
    found = []
    i = text.find(quote)
    while i >= 0 and len(found) < 1000:
        found.append(i)
        i = text.find(quote, i + 1)
    if not found:
        return None
    if len(found) == 1:
        p = found[0]
        return Anchor(p, p + len(quote), True, context_score(text, p, p + len(quote), prefix, suffix, dmp))
    scored = [(context_score(text, p, p + len(quote), prefix, suffix, dmp), p) for p in found]
    near = hint if hint is not None else 0
    scored.sort(key=lambda sp: (-round(sp[0], 3), abs(sp[1] - near)))
    score, p = scored[0]
    runner_up = scored[1][0]
    close = hint is not None and abs(p - hint) <= max(32, len(quote))
    if close or (score >= MIN_CONTEXT and score > runner_up):
        return Anchor(p, p + len(quote), True, score)
    return None  # several equally plausible places: do not guess


def _fuzzy_start(dmp: diff_match_patch, text: str, pattern: str, loc: int) -> int:
    try:
        return dmp.match_main(text, pattern, max(0, min(loc, len(text))))
    except ValueError:
        return -1


def _aligned_end(diffs: list, length: int) -> int:
    """Where the first ``length`` characters of text 1 end in text 2 (trailing insertions excluded)."""
    c1 = c2 = 0
    for op, data in diffs:
        if op == diff_match_patch.DIFF_INSERT:
            c2 += len(data)
            continue
        c1 += len(data)
        if op == diff_match_patch.DIFF_EQUAL:
            c2 += len(data)
        if c1 >= length:
            return c2 - (c1 - length) if op == diff_match_patch.DIFF_EQUAL else c2
    return c2


def find_anchor(text: str, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None) -> Anchor | None:
    """Where ``quote`` now stands in ``text``, or None when it cannot be placed with confidence."""
    if not quote or not text:
        return None
    dmp = _dmp()
    dmp.Match_Distance = max(1000, len(text))
    exact = _exact(text, quote, prefix, suffix, hint, dmp)
    if exact is not None or len(quote) < MIN_FUZZY_LENGTH:
        return exact
    loc = hint if hint is not None else 0
    head = quote[:_BITS]
    start = _fuzzy_start(dmp, text, head, loc)
    if start < 0 and len(quote) > _BITS:
        tail_at = _fuzzy_start(dmp, text, quote[-_BITS:], loc + len(quote) - _BITS)
        if tail_at >= 0:
            start = max(0, tail_at + _BITS - len(quote))
    if start < 0:
        return None
    slack = int(len(quote) * MAX_ERROR_SHARE) + 2
    best: Anchor | None = None
    for s in range(max(0, start - slack), min(len(text), start + slack) + 1):
        window = text[s : s + len(quote) + slack]
        end = s + _aligned_end(dmp.diff_main(quote, window, False), len(quote))
        candidate = text[s:end]
        errors = dmp.diff_levenshtein(dmp.diff_main(quote, candidate, False))
        if best is None or errors < best.score or (errors == best.score and abs(s - start) < abs(best.start - start)):
            best = Anchor(s, end, False, errors)
    assert best is not None
    errors = best.score
    if errors > len(quote) * MAX_ERROR_SHARE:
        return None
    context = context_score(text, best.start, best.end, prefix, suffix, dmp)
    if len(quote) < 16 and context < MIN_CONTEXT:
        return None  # a short, changed quote in a changed neighbourhood: too uncertain
    return Anchor(best.start, best.end, False, 1.0 - errors / len(quote))


def locate_in_pages(
    texts: Mapping[int, str], order: Sequence[int], quote: str, prefix: str, suffix: str, hint: tuple[int, int] | None
) -> tuple[int, int, int] | None:
    """Find a quote among several articles (in ``order``); returns (article_id, start, end).

    The articles are searched as one text joined by a character that cannot be
    in a quote, so a match never straddles two articles. ``hint`` is
    (article_id, offset) of where the quote is expected.
    """
    sep = "\x00"
    starts: dict[int, int] = {}
    parts = []
    pos = 0
    for aid in order:
        starts[aid] = pos
        parts.append(texts[aid])
        pos += len(texts[aid]) + 1
    page = sep.join(parts)
    loc = None
    if hint is not None and hint[0] in starts:
        loc = starts[hint[0]] + min(hint[1], len(texts[hint[0]]))
    anchor = find_anchor(page, quote, prefix, suffix, loc)
    if anchor is None or sep in page[anchor.start : anchor.end]:
        return None
    for aid in reversed(order):
        if starts[aid] <= anchor.start:
            return aid, anchor.start - starts[aid], anchor.end - starts[aid]
    return None
