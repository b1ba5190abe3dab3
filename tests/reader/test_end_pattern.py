"""EndPattern searches only a line's tail: it finds what the whole pattern finds."""

from __future__ import annotations

import random
import re

from reader.evidence import _CUT_CLAUSE, CUT_CLAUSE_CHARS
from reader.patterns import EndPattern


def test_cut_clause_tail_search_finds_what_a_whole_search_finds() -> None:
    whole = re.compile(f"[，、；。,;][^，、；。,;]{{1,{CUT_CLAUSE_CHARS}}}$")
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice("，、；。,;甲乙丙a1 ") for _ in range(rng.randint(0, 14)))
        found, expected = _CUT_CLAUSE.search(text), whole.search(text)
        assert (found is None) == (expected is None), text
        assert found is None or found.span() == expected.span()


def test_a_match_longer_than_the_span_is_not_found() -> None:
    assert EndPattern("ab+$", 3).search("xabbb") is None
    assert EndPattern("ab+$", 4).search("xabbb") is not None
