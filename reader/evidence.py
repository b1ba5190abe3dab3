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
from itertools import accumulate, chain
from math import exp, log

from reader.charclass import CLOSERS, DASHES, TERMINAL
from reader.columns import WIDE_MARGIN, ends_sentence
from reader.detect import MAX_COLUMN_MEASURE
from reader.line_room import NO_LINE_START, SLACK_FROM, first_line_slack, lead_refund, opening_unit_excess
from reader.lines import Line
from reader.openings import CLAUSE_MARKS, opens_with_date, opens_with_lead_in, opens_with_word_end
from reader.patterns import EndPattern

CONT, FIRST, HEAD = 0, 1, 2

#: Most line boundaries of a column are continuations.
PARAGRAPH_PRIOR = -1.2
#: Closing punctuation at the end of the line before: the text itself says a sentence ended.
SENTENCE_END = 2.6
#: A line ending mid-word (no closing punctuation) is almost never a paragraph's last line.
MID_WORD_END = -5.2
#: A last line usually falls well short of the measure; justified full lines fall at most 4 em short.
LAST_LINE_SHORT = 1.5
#: A sentence ending exactly at the measure is as likely to run on as to end the paragraph.
FULL_LINE_END = -1.36
#: A first line is set two em in; a line about that short opening after a sentence end is one.
INDENT_SHAPE = 0.05
#: A full-width line is not an indented first line (weak: the indent may be lost in justification).
FULL_LINE_START = -1.5
#: An indent the dump kept (leading spaces) marks a first line; on a page that keeps
#: indents its absence is evidence too.
KEPT_INDENT = 5.92
MISSING_INDENT = -3.38
#: A dateline ("本报讯（记者…）") opens a story's first paragraph.
DATELINE_START = 5.0
#: A letter-spaced line was stretched to the full measure: a continuation.
STRETCHED = 0
#: A paragraph's last line is set flush left, never stretched: a letter-spaced line ending a
#: sentence was justified to the measure, so the paragraph goes on after it.
STRETCHED_LAST_LINE = -3.0
#: A blank line where the stretch has none, or none where it has them everywhere, sets a block apart.
GAP_PATTERN = 2.5
#: Heading lines: short, unpunctuated, not a dateline; set across columns is a headline for sure,
#: unless it reads as running text: marks inside and a sentence closed at its end (a line of a
#: story set to a wider measure than the column around it, not a banner).
HEAD_PRIOR = -1.5
HEADING_SHAPE = 1.21
WIDE_HEADING = 5.0
#: A heading line never carries running-text punctuation.
PUNCTUATED_HEADING = -4.0
#: A heading as wide as the column is possible (a subhead filling the line), only less likely.
NARROW_HEADING = 0.55
#: A letter-spaced line may be the second line of a headline stretched to the first line's width.
STRETCHED_HEADING = 0.7
#: Only a headline's second line is stretched to the first line's width: a letter-spaced line
#: opening a heading block is a justified body line stretched to the measure.
STRETCHED_OPENING = -1.7
#: Sentence-ending punctuation or a dateline rules a heading out.
NOT_A_HEADING = -8.0
#: A line this far short of the measure that ends mid-word is not a justified line: it cannot run on.
SHORT_RUN_ON = -1.79
SHORT_RUN_ON_MARGIN = 5.0
#: Body text that ends where the run of column lines ends must end a sentence.
UNFINISHED_RUN = -2.5
#: A dash closing a line leads on: inside a sentence in body text, into the title after a kicker.
DASH_END = -2.6
KICKER_DASH = 1
#: Headings seldom hold a comma; many running lines do.
UNPUNCTUATED_HEADING = 0.5
#: A line at most this short of the measure counts as full (a first line falls an indent short).
FULL_SHORTFALL = 0.79
#: "主题：阐释" — one colon between two phrases and no other mark is a common subhead form.
COLON_HEADING = 0.2
#: A clause opened after a mark and stopped within a few characters of it was cut by the
#: measure: the line runs on into the next, it is not a heading.
CUT_CLAUSE = -4.0
CUT_CLAUSE_CHARS = 4
#: A short line that ends a sentence is far more often a paragraph's last line than a
#: paragraph of one line.
ONE_LINE_PARAGRAPH = -0.45
#: A run-on line is usually full; one about an indent short is more often a first line.
INDENTED_RUN_ON = -0.3
#: A mid-sentence line this short of the measure is loose (beyond an indent and a squeeze).
LOOSE_LINE = 3.5
#: Smoothing of the page's loose share: as if this many lines at this share had been seen.
LOOSE_PRIOR_COUNT = 20
LOOSE_PRIOR_SHARE = 0.1
#: Share of first lines that fall loose (indent plus a little justification).
FIRST_LINE_LOOSE_SHARE = 0.3
LOOSE_WEIGHT = 0.55
BETWEEN_SHAPES = -0.5
#: Direct speech often opens a paragraph: a line opening with a quotation mark after a sentence end.
OPENING_QUOTE = 0.5
OPENING_QUOTES = frozenset("“「『")
#: A line wider than any newspaper column that ends a sentence is a whole paragraph the
#: extractor put on one line.
WHOLE_PARAGRAPH = 3.0
#: An interview sets each question and answer as its own paragraph, opened by 问：/答：.
EXCHANGE_START = 3.0
EXCHANGE_MARKS = ("问：", "答：", "问:", "答:")
#: An indented first line falls this much short of the measure (em): the indent, give or take.
FIRST_SHAPE_FROM = 1.1
FIRST_SHAPE_TO = 3.2
#: A first line's indent, in em.
INDENT = 2.0
IMPOSSIBLE = -1e9
#: A run of three or more heading lines is rare; two stack as kicker+title or a two-line title.
STACKED_HEADING = -0.35
#: See reader.openings: a line opening with a short adverbial clause is a paragraph's first line, not a heading.
LEAD_IN_HEADING = -3.0
#: See reader.openings: a line opening with the day of the event more likely opens a paragraph.
DATE_OPENING = 2.0
#: See reader.openings: the line holds the end of a word cut at the line before.
CLAUSE_TAIL = -3.0
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


_CUT_CLAUSE = EndPattern(f"[，、；。,;][^，、；。,;]{{1,{CUT_CLAUSE_CHARS}}}$", CUT_CLAUSE_CHARS + 1)
#: A line ending in a comma or enumeration comma stops mid-clause: no heading, subhead or banner ends so.
MID_CLAUSE_MARKS = frozenset("，、,")
#: Last characters after which a line may end a sentence (else the full test is skipped).
_MAY_END = frozenset(TERMINAL | CLOSERS | {"."})


class LineCues:
    """The per-line facts every boundary decision reads, computed once per line."""

    __slots__ = (
        "ends",
        "dash",
        "short",
        "first_shape",
        "full",
        "wide",
        "punctuated",
        "dateline",
        "stretched",
        "bare",
        "colon_form",
        "indent",
        "opens_quote",
        "opens_exchange",
        "beyond_column",
        "first",
        "head",
        "end_body",
        "end_first",
        "run_on_body",
        "run_on_first",
        "room",
        "lead",
        "loose",
        "mid_clause",
        "cut_clause",
        "head_opening",
        "clause_tail",
    )

    def __init__(self, line: Line, measure: float, dateline: bool) -> None:
        text = line.text
        last = text[-1]
        self.dash = last in DASHES
        self.ends = last in _MAY_END and ends_sentence(text)
        short = self.short = measure - line.width
        stretched = self.stretched = line.letter_spaced
        self.full = short <= FULL_SHORTFALL or stretched
        self.first_shape = FIRST_SHAPE_FROM <= short <= FIRST_SHAPE_TO and not stretched
        self.wide = not stretched and short < -WIDE_MARGIN
        marks = line.running_marks
        self.bare = marks == 0
        self.mid_clause = last in MID_CLAUSE_MARKS
        self.cut_clause = marks > 0 and not self.ends and _CUT_CLAUSE.search(text) is not None
        self.punctuated = marks > 1
        # (Tested only when one character says it may hold: most lines need no pattern.)
        second = text[1:2]
        self.clause_tail = second in CLAUSE_MARKS and opens_with_word_end(text)
        self.colon_form = self.bare and "：" in text and text.count("：") == 1 and last != "："
        self.dateline = dateline
        self.indent = line.indent
        self.beyond_column = line.width > MAX_COLUMN_MEASURE
        self.opens_quote = text[0] in OPENING_QUOTES
        self.opens_exchange = text.startswith(EXCHANGE_MARKS)
        # The evidence terms this line contributes, as the line after a boundary and as the one before.
        self.first = _first_evidence(self, text)
        self.head = _head_evidence(self, text)
        self.head_opening = self.head + STRETCHED_OPENING if stretched else self.head
        if self.ends and not stretched:
            self.end_body = _end_evidence(self, 0.0)
            self.end_first = _end_evidence(self, INDENT)
        else:  # mid-word, dash or stretched: the indent changes nothing
            self.end_body = self.end_first = _end_evidence(self, 0.0)
        if self.ends or stretched or short <= SLACK_FROM:
            self.run_on_body = self.run_on_first = self.room = 0.0  # the common case, decided at once
        elif short < SHORT_RUN_ON_MARGIN:  # room to spare, too little to rule running on out
            self.run_on_body = 0.0
            self.run_on_first = first_line_slack(short)
            self.room = short - SLACK_FROM
        else:
            self.run_on_body = _run_on_evidence(self, 0.0)
            self.run_on_first = _run_on_evidence(self, INDENT) + first_line_slack(short)
            self.room = short - SLACK_FROM
        # (The opening unit is measured only when it is more than one character: most lines.)
        self.lead = opening_unit_excess(text) if second in NO_LINE_START or text[0] < "\x80" else 0.0
        self.loose = not self.ends and not stretched and short >= LOOSE_LINE


def page_keeps_indents(lines: Sequence[Line]) -> bool:
    kept = sum(1 for line in lines if line.indent >= INDENT_EM)
    return kept >= 3 and kept >= INDENT_PAGE_SHARE * len(lines)


def gap_rates(lines: Sequence[Line]) -> list[float]:
    """Share of the lines around each line that a blank line precedes (prefix sums, linear)."""
    n = len(lines)
    prefix = [0, 0, *accumulate([line.gap_before for line in lines[1:]])]  # (no gap counted before line 0)
    rates = [0.0] * n
    first, last, span = GAP_WINDOW + 1, n - GAP_WINDOW - 1, 2 * GAP_WINDOW + 1  # whole windows at once:
    if last > first:  # (window of line i: prefix[i + GAP_WINDOW + 1] - prefix[i - GAP_WINDOW])
        highs, lows = prefix[first + GAP_WINDOW + 1 : n], prefix[1 : last - GAP_WINDOW]
        rates[first:last] = [(hi - lo) / span for hi, lo in zip(highs, lows, strict=True)]
    for i in chain(range(min(n, first)), range(max(first, last), n)):
        lo = i - GAP_WINDOW if i > GAP_WINDOW else 1
        hi = i + GAP_WINDOW + 1 if i + GAP_WINDOW + 1 < n else n
        if hi > lo:
            rates[i] = (prefix[hi] - prefix[lo]) / (hi - lo)
    return rates


def stands_apart(lines: Sequence[Line], i: int, rate: float) -> bool:
    """A blank line before ``lines[i]`` in a stretch that otherwise has few: space between stories.

    ``rate`` is :func:`gap_rates` at ``i``.
    """
    return i > 0 and lines[i].gap_before and rate < GAPPY_STRETCH


def gap_evidence(lines: Sequence[Line], rates: Sequence[float]) -> list[float]:
    """Blank-line pattern around the boundary before each line, judged against its own stretch.

    ``rates`` is :func:`gap_rates` of the same lines.
    """
    n = len(lines)
    out = [0.0] * n
    for i in range(1, n):
        here = lines[i].gap_before
        if rates[i] >= GAPPY_STRETCH:
            # Lines stand apart everywhere: a block with no blank lines inside begins or ends here.
            tight_here = not here or (i + 1 < n and not lines[i + 1].gap_before)
            tight_before = not lines[i - 1].gap_before or not here
            if tight_here != tight_before:
                out[i] = GAP_PATTERN
        elif here:
            out[i] = GAP_PATTERN
    return out


def _end_evidence(a: LineCues, indent: float) -> float:
    """How strongly the line before says its paragraph ended (``indent``: the shortfall its indent explains)."""
    if a.dash:
        return DASH_END
    if not a.ends:
        return MID_WORD_END
    score = SENTENCE_END
    if a.stretched:
        return score + STRETCHED + STRETCHED_LAST_LINE
    if a.beyond_column:
        return score + WHOLE_PARAGRAPH
    short = a.short - indent
    if short >= 4.5:
        score += LAST_LINE_SHORT
    elif short >= 3.0:
        score += LAST_LINE_SHORT / 2
    elif short < 0.8:
        score += FULL_LINE_END
    return score


class PageCues:
    """Facts of the whole page that weigh its line boundaries: kept indents, how loose its justification is."""

    __slots__ = ("indents", "loose_run_on")

    def __init__(self, indents: bool, loose_run_on: float) -> None:
        self.indents = indents
        self.loose_run_on = loose_run_on


def loose_run_on(cues: Sequence[LineCues]) -> float:
    """Log-odds against a run-on line that falls loose (well short) while ending mid-sentence.

    Measured on the page itself: where its mid-sentence lines are tightly justified a
    loose one is most likely an indented first line; where many are loose, little is
    learnt. The share is smoothed so that a small page learns little either way.
    """
    mid = [c for c in cues if not c.ends and not c.stretched and not c.dash and c.short < HEADING_MARGIN + 3]
    loose = sum(1 for c in mid if c.short >= LOOSE_LINE)
    share = (loose + LOOSE_PRIOR_COUNT * LOOSE_PRIOR_SHARE) / (len(mid) + LOOSE_PRIOR_COUNT)
    return LOOSE_WEIGHT * log(share / FIRST_LINE_LOOSE_SHARE)


def _first_evidence(b: LineCues, text: str) -> float:
    """Evidence that the line opens a paragraph (the page's kept-indent habit is added later)."""
    score = 0.0
    if b.dateline:
        score += DATELINE_START
    if b.indent >= INDENT_EM:
        score += KEPT_INDENT
    if b.stretched:
        score += STRETCHED
    elif b.first_shape:
        score += INDENT_SHAPE
    elif b.full:
        score += FULL_LINE_START
    elif b.short < FIRST_SHAPE_FROM:
        # Between a full line and an indented one: a justified full line falls this short
        # more often than an indented first line runs this long.
        score += BETWEEN_SHAPES
    elif b.ends and b.short >= HEADING_MARGIN:
        score += ONE_LINE_PARAGRAPH
    if b.clause_tail:
        score += CLAUSE_TAIL
    elif text[0].isdigit() and opens_with_date(text):
        score += DATE_OPENING
    if b.opens_quote:
        score += OPENING_QUOTE
    elif b.opens_exchange:
        score += EXCHANGE_START
    return score


def _head_evidence(b: LineCues, text: str) -> float:
    if b.wide and not b.mid_clause and not (b.punctuated and b.ends):
        return WIDE_HEADING
    if b.ends or b.dateline or b.mid_clause:
        return NOT_A_HEADING
    score = HEAD_PRIOR + (KICKER_DASH if b.dash else 0.0) + (PUNCTUATED_HEADING if b.punctuated else 0.0)
    if b.cut_clause:
        score += CUT_CLAUSE
    if b.clause_tail:
        score += CLAUSE_TAIL
    opening = text[1:4]
    if ("，" in opening or "," in opening) and opens_with_lead_in(text):
        score += LEAD_IN_HEADING
    if b.bare:
        score += UNPUNCTUATED_HEADING + (COLON_HEADING if b.colon_form else 0.0)
    if b.stretched:
        return score + STRETCHED_HEADING
    if b.short >= HEADING_MARGIN:
        return score + HEADING_SHAPE
    return score + (NARROW_HEADING if b.short >= 0.8 else 0.0)


def _run_on_evidence(a: LineCues, indent: float) -> float:
    """A line that ends mid-word far short of the measure was not justified: it does not run on.

    ``indent`` is the shortfall a first line's indent explains.
    """
    short = a.short - indent
    return SHORT_RUN_ON if not a.ends and not a.stretched and short >= SHORT_RUN_ON_MARGIN else 0.0


def transitions(a: LineCues | None, b: LineCues, gap: float, page: PageCues) -> tuple[float, ...]:
    """Log-odds of each (previous label, label) pair at one boundary, as ``table[prev * 3 + label]``.

    Computed once per boundary from terms each line computed once: the Viterbi pass
    and the confidences both read it.
    """
    first = b.first
    if page.indents and b.indent < INDENT_EM:
        first += MISSING_INDENT
    head, opening = b.head, b.head_opening
    shaped = INDENTED_RUN_ON if b.first_shape else 0.0
    if b.loose:
        shaped += page.loose_run_on
    if a is None:
        return (IMPOSSIBLE, first, opening) * 3
    # After a first line its indent explains two em of shortfall: only the rest says "last line".
    body_break = PARAGRAPH_PRIOR + a.end_body + gap
    first_break = PARAGRAPH_PRIOR + a.end_first + gap
    return (
        a.run_on_body + shaped,  # CONT after CONT
        body_break + first,
        body_break + opening,
        a.run_on_first + shaped + (lead_refund(a.room, b.lead) if a.room and b.lead else 0.0),  # CONT after FIRST
        first_break + first,
        first_break + opening,
        IMPOSSIBLE,  # CONT never follows a heading
        gap + first,
        gap + head + STACKED_HEADING,
    )


def label_run(cues: Sequence[LineCues], page: PageCues, gaps: Sequence[float]) -> tuple[list[int], list[float]]:
    """Best labels for a run of column lines (Viterbi), and the confidence of each break.

    The first line of a run always starts something (FIRST or HEAD); CONT never
    follows HEAD; body text that ends the run must end a sentence. The transition
    scores of :func:`transitions` are written out inline: this loop is the
    engine's hot path, and only the breaks need the full table again.
    """
    n = len(cues)
    indents, loose_penalty = page.indents, page.loose_run_on
    prior, stacked, indent_em = PARAGRAPH_PRIOR, STACKED_HEADING, INDENT_EM
    b = cues[0]
    first = b.first + (MISSING_INDENT if indents and b.indent < indent_em else 0.0)
    c, f, h = IMPOSSIBLE, first, b.head_opening
    back: list[tuple[int, int, int]] = [(0, 0, 0)]
    for i in range(1, n):
        a, b = b, cues[i]
        gap = gaps[i]
        first = b.first
        if indents and b.indent < indent_em:
            first += MISSING_INDENT
        head = b.head
        shaped = INDENTED_RUN_ON if b.first_shape else 0.0
        if b.loose:
            shaped += loose_penalty
        body_break = prior + a.end_body + gap
        first_break = prior + a.end_first + gap
        cc, fc = c + a.run_on_body + shaped, f + a.run_on_first + shaped
        if a.room and b.lead:
            fc += lead_refund(a.room, b.lead)
        c_new, c_ptr = (cc, CONT) if cc >= fc else (fc, FIRST)
        cf, ff, hf = c + body_break + first, f + first_break + first, h + gap + first
        f_new, f_ptr = (cf, CONT) if cf >= ff else (ff, FIRST)
        if hf > f_new:
            f_new, f_ptr = hf, HEAD
        opening = b.head_opening
        ch, fh, hh = c + body_break + opening, f + first_break + opening, h + gap + head + stacked
        h_new, h_ptr = (ch, CONT) if ch >= fh else (fh, FIRST)
        if hh > h_new:
            h_new, h_ptr = hh, HEAD
        c, f, h = c_new, f_new, h_new
        back.append((c_ptr, f_ptr, h_ptr))
    if not cues[n - 1].ends:
        c += UNFINISHED_RUN
        f += UNFINISHED_RUN
    last = CONT if c >= f and c >= h else (FIRST if f >= h else HEAD)
    labels = [0] * n
    for i in range(n - 1, -1, -1):
        labels[i] = last
        last = back[i][last]
    return labels, _confidences(labels, cues, page, gaps)


def _table(cues: Sequence[LineCues], page: PageCues, gaps: Sequence[float], i: int) -> tuple[float, ...]:
    return transitions(cues[i - 1] if i else None, cues[i], gaps[i], page)


def _confidences(labels: list[int], cues: Sequence[LineCues], page: PageCues, gaps: Sequence[float]) -> list[float]:
    """Probability that each break (FIRST or HEAD) is right, its neighbours' labels held fixed.

    Run-on lines emit no boundary and keep 1.0.
    """
    n = len(labels)
    out = [1.0] * n
    t2: tuple[float, ...] = ()  # the table at i + 1, kept for the next break
    # (Scores and weights written out, not built as lists: the same sums in the same order.)
    for i in range(n):
        label = labels[i]
        if label == CONT:
            continue
        prev = labels[i - 1] * 3 if i else 0
        t = t2 if i and labels[i - 1] != CONT and t2 else _table(cues, page, gaps, i)
        s0, s1, s2 = t[prev], t[prev + 1], t[prev + 2]
        t2 = ()
        if i + 1 < n:
            nxt, t2 = labels[i + 1], _table(cues, page, gaps, i + 1)
            s0, s1, s2 = s0 + t2[nxt], s1 + t2[3 + nxt], s2 + t2[6 + nxt]
        top = max(s0, s1, s2)
        w0, w1, w2 = exp(max(-50.0, s0 - top)), exp(max(-50.0, s1 - top)), exp(max(-50.0, s2 - top))
        out[i] = (w1 + w2) / (w0 + w1 + w2)
    return out
