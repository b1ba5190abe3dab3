"""Where paragraphs and headings begin in a column dump: cues weighed together, the page decided as a whole.

Every column line gets one of three labels: CONT (it runs on from the line
before), FIRST (it opens a paragraph) or HEAD (a heading line: headline,
kicker, subhead, caption title). For each line boundary several cues add
log-odds: how the line before ends (closing punctuation is strong evidence,
a line ending mid-word almost never ends a paragraph), how far it falls short
of the measure (weaker: justified lines hold measure -4 to +1 characters), the
indent the dump kept, the shape of the next line (indented first line,
heading shape, dateline), and the blank-line pattern of the stretch. Viterbi
chooses the most probable labelling of each run of column lines; the margin of
each chosen label over its best alternative, given its neighbours, is the
confidence reported for that boundary.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import exp

from reader.columns import ends_sentence, heading_punctuation, is_wide
from reader.lines import Line

CONT, FIRST, HEAD = 0, 1, 2

#: Most line boundaries of a column are continuations.
PARAGRAPH_PRIOR = -1.0
#: Closing punctuation at the end of the line before: the text itself says a sentence ended.
SENTENCE_END = 2.0
#: A line ending mid-word (no closing punctuation) is almost never a paragraph's last line.
MID_WORD_END = -4.0
#: A last line usually falls well short of the measure; justified full lines fall at most 4 em short.
LAST_LINE_SHORT = 1.5
#: A sentence ending exactly at the measure is as likely to run on as to end the paragraph.
FULL_LINE_END = -0.6
#: A first line is set two em in; a line about that short opening after a sentence end is one.
INDENT_SHAPE = 0.8
#: A full-width line is not an indented first line (weak: the indent may be lost in justification).
FULL_LINE_START = -0.7
#: An indent the dump kept (leading spaces) marks a first line; on a page that keeps indents its absence is evidence too.
KEPT_INDENT = 3.5
MISSING_INDENT = -2.0
#: A dateline ("本报讯（记者…）") opens a story's first paragraph.
DATELINE_START = 5.0
#: A letter-spaced line was stretched to the full measure: a continuation.
STRETCHED = -0.6
#: A blank line where the stretch has none, or none where it has them everywhere, sets a block apart.
GAP_PATTERN = 2.5
#: Heading lines: short, unpunctuated, not a dateline; set across columns is a headline for sure.
HEAD_PRIOR = -1.5
HEADING_SHAPE = 2.2
WIDE_HEADING = 5.0
#: A heading line never carries running-text punctuation.
PUNCTUATED_HEADING = -4.0
#: A heading as wide as the column is possible (a subhead filling the line), only less likely.
NARROW_HEADING = 0.7
#: A letter-spaced line may be the second line of a headline stretched to the first line's width.
STRETCHED_HEADING = 1.0
#: Sentence-ending punctuation or a dateline rules a heading out.
NOT_A_HEADING = -8.0
#: A line this far short of the measure that ends mid-word is not a justified line: it cannot run on.
SHORT_RUN_ON = -2.5
SHORT_RUN_ON_MARGIN = 5.0
#: Body text that ends where the run of column lines ends must end a sentence.
UNFINISHED_RUN = -2.5
#: A run of three or more heading lines is rare; two stack as kicker+title or a two-line title.
STACKED_HEADING = -0.5
#: Lines compared either side when measuring how gappy a stretch is.
GAP_WINDOW = 6
#: Blank lines this common in the stretch are layout, not separators.
GAPPY_STRETCH = 0.5
#: An indent is at least this wide (em) of leading blank space.
INDENT_EM = 1.5
#: Share of text lines that must keep an indent before its absence counts against a first line.
INDENT_PAGE_SHARE = 0.04
#: Heading lines fall at least this far short of the measure (em).
HEADING_MARGIN = 2.9


class LineCues:
    """The per-line facts every boundary decision reads, computed once per line."""

    __slots__ = ("ends", "short", "first_shape", "full", "heading", "wide", "punctuated", "dateline", "stretched")

    def __init__(self, line: Line, measure: float, dateline: bool) -> None:
        self.ends = ends_sentence(line.text)
        self.short = measure - line.width
        self.stretched = line.letter_spaced
        self.full = self.short < 0.8 or self.stretched
        self.first_shape = 1.2 <= self.short <= 3.2 and not self.stretched
        self.wide = is_wide(line, measure)
        self.punctuated = heading_punctuation(line.text) > 1
        self.dateline = dateline
        self.heading = (
            not self.ends and not dateline and not self.stretched and (self.wide or self.short >= HEADING_MARGIN)
        )


def page_keeps_indents(lines: Sequence[Line]) -> bool:
    kept = sum(1 for line in lines if line.indent >= INDENT_EM)
    return kept >= 3 and kept >= INDENT_PAGE_SHARE * len(lines)


def _gap_evidence(lines: Sequence[Line], i: int) -> float:
    """Blank-line pattern around the boundary before ``lines[i]``, judged against its own stretch."""
    lo, hi = max(1, i - GAP_WINDOW), min(len(lines), i + GAP_WINDOW + 1)
    rate = sum(1 for k in range(lo, hi) if lines[k].gap_before) / max(1, hi - lo)
    if rate >= GAPPY_STRETCH:
        # Lines stand apart everywhere: a block with no blank lines inside begins or ends here.
        tight_here = not lines[i].gap_before or (i + 1 < len(lines) and not lines[i + 1].gap_before)
        tight_before = not lines[i - 1].gap_before or not lines[i].gap_before
        return GAP_PATTERN if tight_here != tight_before else 0.0
    return GAP_PATTERN if lines[i].gap_before else 0.0


def _end_evidence(a: LineCues) -> float:
    """How strongly the line before says its paragraph ended."""
    if not a.ends:
        return MID_WORD_END
    score = SENTENCE_END
    if a.stretched:
        return score + STRETCHED
    if a.short >= 4.5:
        score += LAST_LINE_SHORT
    elif a.short >= 3.0:
        score += LAST_LINE_SHORT / 2
    elif a.short < 0.8:
        score += FULL_LINE_END
    return score


def _first_evidence(b: LineCues, line: Line, indents: bool) -> float:
    score = 0.0
    if b.dateline:
        score += DATELINE_START
    if indents:
        score += KEPT_INDENT if line.indent >= INDENT_EM else MISSING_INDENT
    if b.stretched:
        score += STRETCHED
    elif b.first_shape:
        score += INDENT_SHAPE
    elif b.full:
        score += FULL_LINE_START
    return score


def _head_evidence(b: LineCues) -> float:
    if b.wide:
        return WIDE_HEADING
    if b.ends or b.dateline:
        return NOT_A_HEADING
    score = HEAD_PRIOR + (PUNCTUATED_HEADING if b.punctuated else 0.0)
    if b.stretched:
        return score + STRETCHED_HEADING
    if b.short >= HEADING_MARGIN:
        return score + HEADING_SHAPE
    return score + (NARROW_HEADING if b.short >= 0.8 else 0.0)


def label_run(lines: Sequence[Line], cues: Sequence[LineCues], indents: bool) -> tuple[list[int], list[float]]:
    """Best labels for a run of column lines, and the confidence of each line's label.

    The first line of a run always starts something (FIRST or HEAD). Scores:
    FIRST after CONT/FIRST adds the end evidence of the line before; after HEAD
    it is free. HEAD adds its heading shape and, after body text, the end
    evidence too. CONT is impossible after HEAD.
    """
    n = len(lines)
    neg = -1e9
    # unary[i][label]: evidence for label of line i given the previous line is body (0) or heading (1)
    best = [[0.0, 0.0, 0.0] for _ in range(n)]
    back = [[0, 0, 0] for _ in range(n)]
    local: list[tuple[float, float, float, float, float]] = []
    for i in range(n):
        b = cues[i]
        first_b = _first_evidence(b, lines[i], indents)
        head_b = _head_evidence(b)
        if i == 0:
            end_a = gap = 0.0
        else:
            end_a = _end_evidence(cues[i - 1])
            gap = _gap_evidence(lines, i)
        local.append((end_a, gap, first_b, head_b, _run_on_evidence(cues[i - 1]) if i else 0.0))
        if i == 0:
            best[0] = [neg, first_b, head_b]
            continue
        prev = best[i - 1]
        brk = PARAGRAPH_PRIOR + end_a + gap
        # from body (CONT or FIRST) or from HEAD
        body_prev = CONT if prev[CONT] >= prev[FIRST] else FIRST
        body_score = prev[body_prev]
        cont = body_score + _run_on_evidence(cues[i - 1])
        first_from_body = body_score + brk + first_b
        first_from_head = prev[HEAD] + first_b + gap
        head_from_body = body_score + brk + head_b
        head_from_head = prev[HEAD] + head_b + STACKED_HEADING + gap
        best[i][CONT] = cont
        back[i][CONT] = body_prev
        if first_from_body >= first_from_head:
            best[i][FIRST], back[i][FIRST] = first_from_body, body_prev
        else:
            best[i][FIRST], back[i][FIRST] = first_from_head, HEAD
        if head_from_body >= head_from_head:
            best[i][HEAD], back[i][HEAD] = head_from_body, body_prev
        else:
            best[i][HEAD], back[i][HEAD] = head_from_head, HEAD
    if not cues[n - 1].ends:
        best[n - 1][CONT] += UNFINISHED_RUN
        best[n - 1][FIRST] += UNFINISHED_RUN
    labels = [0] * n
    last = max(range(3), key=lambda k: best[n - 1][k])
    for i in range(n - 1, -1, -1):
        labels[i] = last
        last = back[i][last]
    return labels, _confidences(labels, local)


def _run_on_evidence(a: LineCues) -> float:
    """A line that ends mid-word far short of the measure was not justified: it does not run on."""
    return SHORT_RUN_ON if not a.ends and not a.stretched and a.short >= SHORT_RUN_ON_MARGIN else 0.0


def _pair(prev: int, label: int, end_a: float, gap: float, first_b: float, head_b: float, run_on: float) -> float:
    """Score of ``label`` at a line given the previous line's label (the chain's local term)."""
    after_head = prev == HEAD
    if label == CONT:
        return -1e9 if after_head else run_on
    brk = gap if after_head else PARAGRAPH_PRIOR + end_a + gap
    if label == FIRST:
        return brk + first_b
    return brk + head_b + (STACKED_HEADING if after_head else 0.0)


def _confidences(labels: list[int], local: list[tuple[float, float, float, float, float]]) -> list[float]:
    """Probability of each line's label against the alternatives, its neighbours' labels held fixed."""
    n = len(labels)
    out = [1.0] * n
    for i in range(n):
        prev = labels[i - 1] if i else FIRST
        scores = []
        for label in (CONT, FIRST, HEAD):
            if i == 0 and label == CONT:
                scores.append(-1e9)
                continue
            s = _pair(prev, label, *local[i]) if i else (local[0][2] if label == FIRST else local[0][3])
            if i + 1 < n:
                s += _pair(label, labels[i + 1], *local[i + 1])
            scores.append(s)
        top = max(scores)
        weights = [exp(max(-50.0, s - top)) for s in scores]
        total = sum(weights)
        # The boundary before the line: a break (FIRST or HEAD) or a run-on (CONT).
        out[i] = weights[CONT] / total if labels[i] == CONT else (weights[FIRST] + weights[HEAD]) / total
    return out
