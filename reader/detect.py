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


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip("".join(CLOSERS))
    return bool(stripped) and stripped[-1] in TERMINAL


def detect_extractor(lines: list[Line]) -> Extractor:
    body = [line for line in lines if line.width >= 8]
    if not body:
        return Extractor.COLUMN_LINES
    ending = sum(1 for line in body if _ends_sentence(line.text)) / len(body)
    long_share = sum(1 for line in body if line.width > MAX_COLUMN_MEASURE) / len(body)
    if long_share >= 0.25 or (ending >= 0.6 and median(line.width for line in body) > 12):
        return Extractor.PARAGRAPH_LINES
    return Extractor.COLUMN_LINES
