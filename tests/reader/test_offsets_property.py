"""Property tests: every output character traces back to the raw dump, whatever the input.

Random column-style dumps (wrapped sentences, digits with stray spaces, letter
spaced lines, blank lines, credits, headers, characters outside the BMP) and
random paragraph-style dumps go through the whole engine; every traced string
of every article and of the furniture must copy raw characters exactly (a
kept space may stand for any raw whitespace), in raw order, and skip nothing
but whitespace and line-end hyphens.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.charclass import LINE_END_HYPHENS
from reader.engine import reflow_text
from reader.model import Document, TracedText

#: JK_EXAMPLES raises the example count for a long hunt (4,000 each ran clean).
SETTINGS = settings(
    max_examples=int(os.environ.get("JK_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_HAN = "澜州青禾县总工会职工服务中心建成开放设有书屋驿站法律援助托管室功能区每天小组长议事角培训"
_PUNCT = "，。、；：！？“”（）《》——…"
_RARE = "𠀋𠀀"

han = st.text(alphabet=_HAN, min_size=1, max_size=6)
digits = st.builds(
    lambda left, number, right: left + number + right,
    st.sampled_from(["", " "]),
    st.integers(min_value=0, max_value=99999).map(str),
    st.sampled_from(["", " "]),
)
latin = st.sampled_from(["LED", "App", "Smart Port", "RQFII", "e"])
token = st.one_of(
    han,
    han,
    han,
    st.sampled_from(_PUNCT),
    digits,
    latin,
    st.sampled_from(_RARE),
    st.sampled_from([" ", "\u3000", "\t"]),
)
sentence = st.lists(token, min_size=1, max_size=14).map("".join).map(lambda s: s + "。")

special_line = st.sampled_from(
    [
        "本报记者 苏映雪 本报通讯员 白小芹",
        "本报记者 韩小棠 摄",
        "（陶安澜）",
        "（新华社澜州10月7日电）",
        "（上接第1版）",
        "（下转第2版）",
        "澜州工人报 2025年10月8日 星期三 2",
        "扫一扫阅读电子版",
        "《澜州工运》2025年第10期要目",
        "- 推动职工书屋建设……严知夏",
        "社论",
        "7",
        "青禾县推行“一线议事”工作法——",
        "——青禾县总工会推动民主管理向班组延伸",
        "意见有了“直通车”",
        "本报讯（记者温知远）10月7日，澜州",
        "Smart\u2043",
        "Port 2.0平台上线",
    ]
)


def _letter_spaced(text: str) -> str:
    return " ".join(text)


@st.composite
def column_dump(draw: st.DrawFn) -> str:
    """Paragraphs wrapped at a random measure, with special lines and blank lines between."""
    measure = draw(st.integers(min_value=6, max_value=24))
    newline = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    lines: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        kind = draw(st.integers(min_value=0, max_value=9))
        if kind <= 1:
            lines.append(draw(special_line))
            continue
        text = "".join(draw(st.lists(sentence, min_size=1, max_size=4)))
        pos = 0
        first = True
        while pos < len(text):
            width = measure - (2 if first else 0) + draw(st.integers(min_value=-2, max_value=1))
            chunk = text[pos : pos + max(1, width)]
            pos += len(chunk)
            first = False
            if draw(st.integers(min_value=0, max_value=12)) == 0:
                chunk = _letter_spaced(chunk)
            lines.append(chunk)
        if draw(st.booleans()):
            lines.append("")
    return newline.join(lines) + draw(st.sampled_from(["", "\n", "\n\n"]))


@st.composite
def paragraph_dump(draw: st.DrawFn) -> str:
    """One paragraph per line, headlines and credits mixed in, rare blank lines."""
    lines: list[str] = []
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        kind = draw(st.integers(min_value=0, max_value=5))
        if kind == 0:
            lines.append(draw(special_line))
        elif kind == 1:
            lines.append(draw(han) + draw(han))
        else:
            lines.append("".join(draw(st.lists(sentence, min_size=2, max_size=6))))
        if draw(st.integers(min_value=0, max_value=8)) == 0:
            lines.append("")
    return "\n".join(lines) + "\n"


def _traced_strings(doc: Document) -> list[tuple[str, TracedText]]:
    out = [("furniture", t) for t in doc.furniture]
    for article in doc.articles:
        out.extend(article.traced_fields())
    return out


def _assert_nothing_dropped(skipped: str, role: str, text: str) -> None:
    """Between two output characters of one string the engine skips only whitespace and line-end hyphens.

    So no raw text is dropped from inside a string, and no string is joined
    across another line (a headline across a furniture line, say).
    """
    assert all(c.isspace() or c in LINE_END_HYPHENS for c in skipped), (role, text, skipped)
    hyphens = [c for c in skipped if not c.isspace()]
    if hyphens:
        # One hyphen, the last character of its line: only the line break follows it.
        assert len(hyphens) == 1 and skipped[0] in LINE_END_HYPHENS, (role, text, skipped)
        assert "\n" in skipped or "\r" in skipped, (role, text, skipped)


def _check_document(raw: str) -> Document:
    doc = reflow_text(raw)
    assert doc.raw == raw
    for role, traced in _traced_strings(doc):
        assert traced.text, f"empty {role}"
        assert traced.text == traced.text.strip(), f"{role} not stripped: {traced.text!r}"
        previous = -1
        for ch, src in zip(traced.text, traced.sources, strict=True):
            assert 0 <= src < len(raw)
            assert ch == raw[src] or (ch == " " and raw[src].isspace()), (role, ch, raw[src])
            # Monotone: sources strictly increase within a string.
            assert src > previous, (role, traced.text)
            if previous >= 0:
                _assert_nothing_dropped(raw[previous + 1 : src], role, traced.text)
            previous = src
        assert TracedText.from_runs(traced.text, traced.runs()) == traced
    return doc


@SETTINGS
@given(column_dump())
def test_column_dumps_trace_every_character(raw: str) -> None:
    _check_document(raw)


@SETTINGS
@given(paragraph_dump())
def test_paragraph_dumps_trace_every_character(raw: str) -> None:
    _check_document(raw)


@SETTINGS
@given(column_dump())
def test_crlf_gives_the_same_text(raw: str) -> None:
    lf = raw.replace("\r\n", "\n")

    def texts(doc: Document) -> list[tuple[str, str]]:
        return [(role, t.text) for role, t in _traced_strings(doc)]

    assert texts(reflow_text(lf.replace("\n", "\r\n"))) == texts(reflow_text(lf))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(alphabet=_HAN + _RARE + " ，", min_size=1, max_size=8), st.integers(0, 50)),
        max_size=6,
    )
)
def test_runs_round_trip(pieces: list[tuple[str, int]]) -> None:
    text = ""
    sources: list[int] = []
    for chunk, jump in pieces:
        start = (sources[-1] + 1 if sources else 0) + jump
        text += chunk
        sources.extend(range(start, start + len(chunk)))
    traced = TracedText(text, tuple(sources))
    runs = traced.runs()
    assert TracedText.from_runs(text, runs) == traced
    assert sum(n for _, _, n in runs) == len(text)
    assert len(runs) <= max(1, len(pieces)) or not text


def test_traced_text_basics() -> None:
    raw = "  澜州𠀋村 青禾\n"
    whole = TracedText.from_raw(raw, 2, 9)
    assert whole.text == "澜州𠀋村 青禾"
    assert list(whole.sources) == list(range(2, 9))
    assert whole.raw_span == (2, 9)
    assert TracedText.from_pieces([("澜", 2), ("青", 7)]) == TracedText("澜青", (2, 7))
    assert TracedText("澜", (2,)) + TracedText("青", (7,)) == TracedText("澜青", (2, 7))
    assert TracedText(" 澜 ", (1, 2, 3)).strip() == TracedText("澜", (2,))
    assert TracedText("", ()).raw_span == (0, 0)
    assert not TracedText("", ())
    assert len(whole) == 7 and str(whole) == whole.text
    assert whole.runs() == [(0, 2, 7)]
    assert TracedText("澜青禾", (2, 7, 8)).runs() == [(0, 2, 1), (1, 7, 2)]


def test_traced_text_needs_one_source_per_character() -> None:
    with pytest.raises(ValueError, match="one source offset per character"):
        TracedText("澜州", (0,))
