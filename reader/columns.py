"""Paragraphs from printed column lines: where does a paragraph end?

A column is set to a fixed measure. A paragraph's first line is indented two
characters, so it is about two em shorter than the full lines; its last line is
usually short. So a new paragraph starts at line j when j is visibly shorter
than the measure and the line before it could end a paragraph: it ends a
sentence, or it is itself short. A full-width line never starts a paragraph,
whatever the line before it ends with.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from math import copysign, sqrt

from reader.charclass import CLOSERS, COMPRESSED_PUNCT, TERMINAL
from reader.lines import Line
from reader.patterns import opens_with_dateline

#: The first-line indent of a paragraph, in em.
INDENT = 2.0
#: Lines this much narrower than the measure start a paragraph.
INDENT_TOLERANCE = 1.0
#: A run-on line at least this much narrower than the measure is an indented first line.
RUN_ON_INDENT = 1.8
#: An unpunctuated line this much narrower than the measure is a heading, not a first line.
HEADING_MARGIN = 2.9
#: A line this much narrower than the measure is too short to be a first line.
LAST_LINE_MARGIN = 3.5
#: A line this much wider than the measure is not set in the column (a headline).
WIDE_MARGIN = 2.0
#: Neighbouring lines considered when estimating the measure at a line.
WINDOW = 12
#: Below this many lines, the widest ordinary line gives the measure.
SMALL_SAMPLE = 8
#: Which quantile of the neighbours' widths estimates the full measure.
QUANTILE = 0.7
#: A cluster an indent above the estimate, this large relative to the lines at the
#: estimate, shows the estimate found the first lines of short paragraphs.
INDENT_CLUSTER_SHARE = 0.6
#: Where that cluster lies above the estimate (em): about an indent.
CLUSTER_FROM = 1.2
CLUSTER_TO = 2.8


def ends_sentence(text: str) -> bool:
    """The line ends with sentence-closing punctuation (possibly inside quotes/brackets)."""
    i = len(text) - 1
    while i >= 0 and text[i] in CLOSERS:
        i -= 1
    if i < 0:
        return False
    # A dash closing a line ("……——") ends a lead-in or a kicker; an ASCII full
    # stop (second extractor) ends a sentence unless it is part of a number.
    if text[i] == ".":
        return i > 0 and not text[i - 1].isdigit()
    return text[i] in TERMINAL or text[i] == "—"


#: Full-width punctuation set at full width instead of compressed (some papers do).
FULL_PUNCT = 1.0
#: How much narrower (em per punctuation mark) full lines must look under compression
#: before the page is taken to set its punctuation full width.
CALIBRATION_SLOPE = -0.15
#: How clearly (t statistic) that drift must stand out of the noise of a small page.
CALIBRATION_T = -3.5


def punctuation_slope(lines: Sequence[Line], punct_width: float) -> tuple[float, float]:
    """How a full line's width changes per punctuation mark it holds, at ``punct_width``.

    Full lines of a column have one width whatever they hold. Measured with
    the page's true punctuation width, a full line's excess over its
    neighbourhood's upper quartile does not depend on its punctuation count;
    with the wrong width it drifts by about half an em per mark. Returns the
    least-squares slope and its t statistic (slope over standard error).
    """
    plain = [line for line in lines if not line.letter_spaced]
    widths = [line.base_width + line.punct_count * punct_width for line in plain]
    xs: list[int] = []
    ys: list[float] = []
    # The window holds widths[i-10 : i+11], sorted, slid along (no sort per line); when the
    # width entering equals the one leaving, it holds the same values and is left alone.
    window = sorted(widths[:10])
    # The width entering at line i is widths[i + 10], the one leaving widths[i - 11] (None
    # past either end): both laid out beside the widths once, not indexed line by line.
    entering_at = _shifted(widths, 10)
    leaving_at = _shifted(widths, -11)
    counts = [line.punct_count for line in plain]
    for width, entering, leaving, marks in zip(widths, entering_at, leaving_at, counts, strict=True):
        if entering != leaving:
            if entering is not None:
                insort(window, entering)
            if leaving is not None:
                del window[bisect_left(window, leaving)]
        excess = width - window[(3 * len(window)) // 4]
        if -1.5 < excess < 1.5:
            xs.append(marks)
            ys.append(excess)
    n = len(xs)
    if n < 3:
        return 0.0, 0.0
    # (Sums over lists, not generators: the same additions in the same order, less overhead.)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    var_x = sum([(x - mean_x) ** 2 for x in xs])
    if not var_x:
        return 0.0, 0.0
    slope = sum([(x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)]) / var_x
    residual = sum([(y - mean_y - slope * (x - mean_x)) ** 2 for x, y in zip(xs, ys, strict=True)])
    error = sqrt(residual / (n - 2) / var_x)
    return slope, (slope / error if error else copysign(float("inf"), slope) if slope else 0.0)


def _shifted(values: list, by: int) -> list:
    """``values[i + by]`` for each ``i`` of ``values``, None where that falls outside."""
    size = len(values)
    if by >= 0:
        ahead = values[by:]
        return ahead + [None] * (size - len(ahead))
    behind = values[: max(0, size + by)]
    return [None] * (size - len(behind)) + behind


def calibrate_punctuation(lines: Sequence[Line]) -> float:
    """Find how wide this page sets full-width punctuation, and re-measure the lines.

    Most mainland papers compress punctuation to half an em; others set it
    full width. Under compression, a full-width page shows full lines getting
    narrower the more punctuation they hold: switch only on that evidence.
    """
    best = COMPRESSED_PUNCT
    compressed, t_stat = punctuation_slope(lines, COMPRESSED_PUNCT)
    if (
        t_stat < CALIBRATION_T
        and compressed < CALIBRATION_SLOPE
        and abs(punctuation_slope(lines, FULL_PUNCT)[0]) < abs(compressed)
    ):
        best = FULL_PUNCT
    for line in lines:
        line.width = line.base_width + line.punct_count * best  # Line.remeasure, inlined
    return best


_RUNNING_MARKS = re.compile("[，、；。,;]")


def heading_punctuation(text: str) -> int:
    """Sentence punctuation inside a line; headings and subheads carry at most one mark."""
    return len(_RUNNING_MARKS.findall(text))


def estimate_measures(lines: Sequence[Line], segment_ids: Sequence[int]) -> list[float]:
    """The column measure at each line, from its neighbours in the same segment.

    Letter-spaced lines are left out (their characters are fewer than the
    measure holds). The window slides over each segment with a sorted list,
    so the cost stays linear in the number of lines. ``segment_ids`` never
    decrease (a segment is a run of equal ids), so each segment's end is found
    by bisection.
    """
    n = len(lines)
    measures = [0.0] * n
    small: list[tuple[int, int]] = []
    large: list[float] = []
    start = 0
    while start < n:
        end = bisect_right(segment_ids, segment_ids[start], start)
        _measure_segment(lines, start, end, measures)
        if end - start < SMALL_SAMPLE:
            small.append((start, end))
        else:
            large.extend(measures[start:end])
        start = end
    # A page of short blocks only (photo captions, briefs) reads them against each other.
    pool = large or measures
    if pool:
        _borrow_page_measure(lines, measures, small, sorted(pool)[len(pool) // 2])
    return measures


def _borrow_page_measure(
    lines: Sequence[Line], measures: list[float], small: list[tuple[int, int]], page_measure: float
) -> None:
    """A block of a few lines (a caption, a brief) is set to the page's usual measure.

    Its widest line may be an indented first line: when the page's measure is just
    an indent or so wider than it, the block is read against the page's measure.
    Nor does a block whose widest lines all end a sentence show its measure: a
    paragraph's last line stops where its text does, so the page's measure stands.
    """
    for start, end in small:
        widest = max(measures[start:end])
        if widest < page_measure and (
            page_measure <= widest + INDENT + INDENT_TOLERANCE or _widest_lines_end(lines[start:end], widest)
        ):
            measures[start:end] = [page_measure] * (end - start)


def _widest_lines_end(lines: Sequence[Line], widest: float) -> bool:
    """Every line of the block about as wide as its widest ends a sentence (none is a full run-on line)."""
    wide = [line for line in lines if not line.letter_spaced and line.width >= widest - 0.5]
    return bool(wide) and all(ends_sentence(line.text) for line in wide)


def _measure_segment(lines: Sequence[Line], start: int, end: int, out: list[float]) -> None:
    # Letter-spaced lines are stretched to any width: they say nothing of the measure.
    widths = [None if line.letter_spaced else line.width for line in lines[start:end]]
    window: list[float] = []
    size = end - start
    # The window holds the usable widths[i - WINDOW : i + WINDOW + 1]; it is filled up to
    # line 0's right edge first, then each step takes in one width and lets one go.
    for width in widths[: min(size, WINDOW)]:
        if width is not None:
            insort(window, width)
    estimate = 0.0
    for i, entering, leaving in zip(range(size), _shifted(widths, WINDOW), _shifted(widths, -WINDOW - 1), strict=True):
        # (entering: widths[i + WINDOW], leaving: widths[i - WINDOW - 1], None past either end)
        if i == 0 or entering != leaving:
            # (When the width that enters equals the one that leaves, the window holds the
            # same values and so the same estimate: justified columns repeat widths a lot.)
            if entering is not None:
                insort(window, entering)
            if leaving is not None:
                del window[bisect_left(window, leaving)]
            estimate = _measure_from(window) if window else 0.0
        out[start + i] = estimate if window else lines[start + i].width


def _measure_from(widths: list[float]) -> float:
    # Headline lines set across columns are far wider than the body: ignore them.
    # The reference is the upper quartile, not the median: a stretch of short
    # lines (last lines, headings) must not make the full lines look wide.
    upper = widths[(3 * len(widths)) // 4]
    cut = bisect_right(widths, upper + WIDE_MARGIN + 1)
    if cut < SMALL_SAMPLE:
        return widths[cut - 1]  # too few lines for a quantile: the widest is full
    estimate = widths[min(cut - 1, int(QUANTILE * cut))]
    if widths[cut - 1] < estimate + CLUSTER_FROM:
        return estimate  # nothing an indent above it: the common case below, without the searches
    # Short paragraphs are mostly first and last lines, and the quantile may land
    # on the first lines. They sit one indent below the full lines: a cluster
    # about an indent above the estimate means the measure is that cluster.
    above_lo = bisect_left(widths, estimate + CLUSTER_FROM, 0, cut)
    above = bisect_right(widths, estimate + CLUSTER_TO, 0, cut) - above_lo
    if above < 2:
        return estimate  # (the common case: no cluster, so no need to count the lines near the estimate)
    near = bisect_right(widths, estimate + 0.8, 0, cut) - bisect_left(widths, estimate - 0.8, 0, cut)
    if above >= INDENT_CLUSTER_SHARE * near:
        return widths[above_lo + above // 2]
    return estimate


def is_wide(line: Line, measure: float) -> bool:
    """Wider than the column: set across columns, i.e. a headline."""
    return not line.letter_spaced and line.width > measure + WIDE_MARGIN


def _is_heading_line(line: Line, measure: float) -> bool:
    """Shorter than any indented first line and not ending a sentence: a heading.

    Such a line cannot run on into the next one, whatever that one's width.
    Datelines open a paragraph and are excluded.
    """
    return (
        not line.letter_spaced
        and line.width <= measure - HEADING_MARGIN
        and not ends_sentence(line.text)
        and heading_punctuation(line.text) <= 1
        and not opens_with_dateline(line.text)
    )


def starts_paragraph(
    prev: Line, line: Line, prev_measure: float, measure: float, block_start: bool = False, prev_is_first: bool = False
) -> bool:
    """Does ``line`` begin a new paragraph after ``prev`` (both column lines)?

    ``block_start`` says that ``line`` opens a block set apart from the text
    before it (a run of lines with no blank line between, in a dump whose body
    lines are separated by blank lines).
    """
    if is_wide(prev, prev_measure) or is_wide(line, measure):
        return True
    # A sentence end on a line too short to be an indented first line closes the paragraph.
    if ends_sentence(prev.text) and not prev.letter_spaced and prev.width <= prev_measure - LAST_LINE_MARGIN:
        return True
    if block_start and _is_heading_line(prev, prev_measure):
        return True  # a heading, then a caption or other block set apart
    if line.letter_spaced:
        return False  # stretched to the full measure: a continuation
    if line.width > measure - INDENT_TOLERANCE:
        return False  # a full line never starts a paragraph
    if ends_sentence(prev.text):
        # An indented first line that fills its measure exactly and ends a
        # sentence, then a short closing line: more likely one paragraph of two
        # sentences than a one-line paragraph of exactly that length.
        return not (
            prev_is_first
            and abs(prev.width - (prev_measure - INDENT)) <= 0.5
            and line.width <= measure - LAST_LINE_MARGIN
            and ends_sentence(line.text)
        )
    if heading_punctuation(prev.text) > 1:
        return False  # punctuated like running text: a first line running on
    if prev.width <= prev_measure - HEADING_MARGIN:
        return True  # shorter than any first line and unpunctuated: a heading
    # A line that runs on is full or an indented first line; one a full indent
    # short that does not end its paragraph is a first line, so ``prev`` ended
    # a paragraph or a heading (possibly one as wide as the column).
    return line.width <= measure - RUN_ON_INDENT and not ends_sentence(line.text)


#: Two blocks whose full lines differ by this much (em) are set in columns of different measures.
MEASURE_SHIFT = 1.5
#: Fewest lines a block needs before its measure is compared.
MIN_MEASURE_LINES = 4


def full_width(lines: Sequence[Line]) -> float:
    """The width of a block's full lines: the upper quartile (last and first lines fall below it)."""
    widths = sorted(line.width for line in lines if not line.letter_spaced)
    return widths[(3 * len(widths)) // 4]


def measures_differ(before: Sequence[Line], after: Sequence[Line]) -> bool:
    """Are two blocks of column lines set to different measures?"""
    plain_before = [line for line in before if not line.letter_spaced]
    plain_after = [line for line in after if not line.letter_spaced]
    if len(plain_before) < MIN_MEASURE_LINES or len(plain_after) < MIN_MEASURE_LINES:
        return False
    shift = full_width(plain_before) - full_width(plain_after)
    if abs(shift) < MEASURE_SHIFT:
        return False
    # A few justified lines (measure -4 to +1 characters each) may all fall short by
    # chance and move the quartile; a column set to another measure moves its widest
    # lines too. Both must shift, the same way.
    widest = max(line.width for line in plain_before) - max(line.width for line in plain_after)
    return abs(widest) >= MEASURE_SHIFT and (widest > 0) == (shift > 0)
