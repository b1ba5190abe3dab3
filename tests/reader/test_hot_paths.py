"""The engine's hot paths written out for speed decide exactly as their plain forms.

Each test states the plain form (indexing with bounds tests, lists of scores, the
frozen dataclass's checks) and compares the fast one with it on many inputs, so a
later edit that changes a decision fails here, not only in bench/reflow_compare.py.
"""

from __future__ import annotations

import dataclasses
import random
from array import array
from math import exp

import pytest

from reader.column_engine import build_units, is_gappy, split_compound_lines
from reader.columns import _shifted, calibrate_punctuation
from reader.evidence import CONT, FIRST, HEAD, LineCues, PageCues, _confidences, transitions
from reader.lines import split_lines
from reader.model import TracedText
from tests.reader.pagegen import generate_page


@pytest.mark.parametrize("by", [10, -11, 12, -13, 0])
def test_shifted_is_indexing_with_bounds(by: int) -> None:
    rng = random.Random(by)
    for size in range(30):
        values: list[float | None] = [rng.choice([None, 1.0, 15.5, 16.0]) for _ in range(size)]
        expected = [values[i + by] if 0 <= i + by < size else None for i in range(size)]
        assert _shifted(values, by) == expected


def test_traced_text_checks_and_stays_frozen() -> None:
    text = TracedText("ab", [3, 4])
    assert isinstance(text.sources, array) and list(text.sources) == [3, 4]
    assert text == TracedText("ab", array("q", [3, 4])) and hash(text) == hash(TracedText("ab", [3, 4]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.text = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):
        TracedText("abc", [1, 2])


def _plain_confidences(labels: list[int], cues: list[LineCues], page: PageCues, gaps: list[float]) -> list[float]:
    """The confidences as first written: full tables, scores and weights as lists."""
    out = [1.0] * len(labels)
    for i, label in enumerate(labels):
        if label == CONT:
            continue
        prev = labels[i - 1] * 3 if i else 0
        t = transitions(cues[i - 1] if i else None, cues[i], gaps[i], page)
        scores = [t[prev], t[prev + 1], t[prev + 2]]
        if i + 1 < len(labels):
            t2 = transitions(cues[i], cues[i + 1], gaps[i + 1], page)
            scores = [scores[k] + t2[k * 3 + labels[i + 1]] for k in (CONT, FIRST, HEAD)]
        top = max(scores)
        weights = [exp(max(-50.0, s - top)) for s in scores]
        out[i] = (weights[FIRST] + weights[HEAD]) / sum(weights)
    return out


def test_confidences_equal_the_plain_form_bit_for_bit() -> None:
    rng = random.Random(7)
    raw, _gold = generate_page(101)
    lines = split_lines(raw)[:60]
    cues = [LineCues(line, 17.0, False) for line in lines]
    page = PageCues(indents=False, loose_run_on=-0.3)
    for _ in range(200):
        labels = [rng.choice([FIRST, HEAD])] + [rng.choice([CONT, FIRST, HEAD]) for _ in lines[1:]]
        gaps = [0.0] + [rng.choice([0.0, 2.5]) for _ in lines[1:]]
        assert _confidences(labels, cues, page, gaps) == _plain_confidences(labels, cues, page, gaps)


@pytest.mark.parametrize("seed", [3, 17, 29])
def test_build_units_with_gappiness_given_or_counted(seed: int) -> None:
    raw, _gold = generate_page(seed)
    lines = split_compound_lines(split_lines(raw))
    calibrate_punctuation(lines)
    counted = build_units(lines)
    given = build_units(lines, is_gappy(lines))
    assert [(u.kind, [ln.number for ln in u.lines], u.heading, u.confidence) for u in counted] == [
        (u.kind, [ln.number for ln in u.lines], u.heading, u.confidence) for u in given
    ]
    assert sum(len(u.lines) for u in counted) == len(lines)
