from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.utf16 import Utf16Map, utf16_len

ASTRAL = "\U0002000b"
chars = st.sampled_from(["a", "中", "国", ASTRAL, "\U0001f600", "\n", " ", "，"])
texts = st.lists(chars, max_size=40).map("".join)


def reference_utf16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le")) // 2


def test_bmp_text_is_identity():
    m = Utf16Map("青禾县总工会")
    assert [m.to_utf16(i) for i in range(7)] == list(range(7))
    assert [m.to_code_point(i) for i in range(7)] == list(range(7))


def test_astral_character_takes_two_units():
    text = f"古{ASTRAL}字"
    m = Utf16Map(text)
    assert utf16_len(text) == 4 == m.length_utf16
    assert [m.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    assert [m.to_code_point(u) for u in range(5)] == [0, 1, 1, 2, 3]  # 2 is inside the pair
    assert m.range_to_code_points(1, 2) == (1, 2)  # half a pair selects the whole character
    assert m.range_to_code_points(2, 3) == (1, 2)


@given(texts)
def test_matches_python_utf16_encoding(text):
    m = Utf16Map(text)
    assert m.length_utf16 == len(text.encode("utf-16-le")) // 2 == utf16_len(text)
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert u == reference_utf16(text, i)
        assert m.to_code_point(u) == i


@given(texts, st.integers(0, 90), st.integers(0, 90))
def test_ranges_widen_to_whole_characters(text, a, b):
    m = Utf16Map(text)
    lo, hi = sorted((min(a, m.length_utf16), min(b, m.length_utf16)))
    c0, c1 = m.range_to_code_points(lo, hi)
    assert 0 <= c0 <= c1 <= len(text)
    u0, u1 = m.range_to_utf16(c0, c1)
    assert u0 <= lo and u1 >= hi or lo == hi
