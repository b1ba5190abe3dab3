from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.offsets import OffsetMap


def make_map():
    # article "ab\ncd": block 1 "ab" from raw 10..12, block 2 "cd" from raw 20 and 30 (two runs)
    return OffsetMap.from_blocks([("ab", ((0, 10, 2),)), ("cd", ((0, 20, 1), (1, 30, 1)))])


def test_article_to_raw():
    m = make_map()
    assert [m.raw_at(i) for i in range(6)] == [10, 11, None, 20, 30, None]
    assert m.raw_ranges(0, 5) == [(10, 12), (20, 21), (30, 31)]
    assert m.raw_ranges(1, 4) == [(11, 12), (20, 21)]
    assert m.raw_ranges(2, 3) == []  # the joining newline has no source


def test_raw_to_article():
    m = make_map()
    assert m.article_ranges(10, 31) == [(0, 2), (3, 5)]
    assert m.article_ranges(11, 25) == [(1, 2), (3, 4)]
    assert m.article_ranges(12, 20) == []
    assert m.article_at_raw(30) == 4
    assert m.article_at_raw(15) == 3  # no source there: the next character made from later raw text
    assert m.raw_span == (10, 31)


runs_strategy = st.lists(st.tuples(st.integers(1, 5), st.integers(0, 4)), min_size=1, max_size=12)


@given(runs_strategy, st.data())
def test_round_trip(pieces, data):
    """Any article range maps to raw ranges that map back to exactly the sourced characters."""
    runs, a, r = [], 0, 0
    for length, gap in pieces:
        r += gap
        runs.append((a, r, length))
        a += length
        r += length
    m = OffsetMap(runs)
    start = data.draw(st.integers(0, a))
    end = data.draw(st.integers(start, a))
    back = []
    for r0, r1 in m.raw_ranges(start, end):
        back += m.article_ranges(r0, r1)
    covered = {i for s, e in back for i in range(s, e)}
    assert covered == set(range(start, end))
