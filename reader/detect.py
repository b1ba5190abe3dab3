"""Tell the two extractors apart from the shape of the dump alone.

A column dump has many lines of nearly equal width that mostly end in the
middle of a sentence. A paragraph dump has lines of very different lengths,
most of them ending a sentence, many far longer than any newspaper column.
"""

from __future__ import annotations

from statistics import median

from reader.charclass import CLOSERS, TERMINAL
from reader.lines import Line
from reader.model import Extractor

#: Column measures of newspapers rarely exceed this many em.
MAX_COLUMN_MEASURE = 34.0


_CLOSER_CHARS = "".join(sorted(CLOSERS))


def _ends_sentence(text: str) -> bool:
    if text and text[-1] not in CLOSERS:  # the common case: nothing to look through
        return text[-1] in TERMINAL
    stripped = text.rstrip(_CLOSER_CHARS)
    return bool(stripped) and stripped[-1] in TERMINAL


def detect_extractor(lines: list[Line]) -> Extractor:
    body = [line for line in lines if line.width >= 8]
    if not body:
        return Extractor.COLUMN_LINES
    # Each line's sentence end is read once and reused by every test below: its last
    # character says it at once, unless that is a closing quote or bracket to look through.
    lasts = [line.text[-1] for line in body]
    ends = list(map(_TERMINAL_HAS, lasts))
    if not CLOSERS.isdisjoint(lasts):
        looked = zip(body, lasts, ends, strict=True)
        ends = [_ends_sentence(line.text) if last in CLOSERS else end for line, last, end in looked]
    widths = [line.width for line in body]
    ending = sum(ends) / len(body)
    long_share = sum([width > MAX_COLUMN_MEASURE for width in widths]) / len(body)
    if long_share >= 0.25 or (ending >= 0.6 and median(widths) > 12):
        return Extractor.PARAGRAPH_LINES
    # Body text wider than any column that ends a sentence is a paragraph set on one line.
    long_sentences = sum([end and width > MAX_COLUMN_MEASURE for width, end in zip(widths, ends, strict=True)])
    ending_count = ending * len(body)
    if long_sentences >= 2 and (
        long_sentences >= LONG_SENTENCE_SHARE * ending_count
        or (ending >= MIXED_ENDING_SHARE and not _mid_sentence_lines_share_a_measure(body, ends))
    ):
        return Extractor.PARAGRAPH_LINES
    return Extractor.COLUMN_LINES


_TERMINAL_HAS = TERMINAL.__contains__


#: A column line never ends a sentence beyond the widest column: when this share of the
#: sentence-ending lines does, the dump has one paragraph a line.
LONG_SENTENCE_SHARE = 0.25
#: With this share of lines ending a sentence, the width of the others decides.
MIXED_ENDING_SHARE = 0.35
#: A column's lines that break mid-sentence are justified: most lie this close (em) to one width.
MEASURE_BAND = 1.5
MEASURE_SHARE = 0.5


def _mid_sentence_lines_share_a_measure(body: list[Line], ends: list[bool]) -> bool:
    """In a column dump, lines that stop mid-sentence are full lines of one measure.

    In a paragraph dump the lines that do not end a sentence are headings,
    labels and credits of every length.
    """
    widths = sorted(line.width for line, end in zip(body, ends, strict=True) if not end and not line.letter_spaced)
    if len(widths) < 3:
        return True
    # Stories may sit in columns of different measures: take the densest band, not the median.
    best = 0
    lo = 0
    for hi, width in enumerate(widths):
        while width - widths[lo] > 2 * MEASURE_BAND:
            lo += 1
        best = max(best, hi - lo + 1)
    return best >= MEASURE_SHARE * len(widths)
