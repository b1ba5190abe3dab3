"""CSV: BOM, CRLF, RFC 4180 parsing, offsets, orphans and formula injection."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.exports.common import is_placed
from db.exports.csv_table import COLUMNS, escape_cell, unescape_cell, write_csv
from tests.exports.conftest import EXT_B


@pytest.fixture(scope="module")
def exported(corpus, tmp_path_factory):
    out = write_csv(corpus, tmp_path_factory.mktemp("csv") / "passages.csv")
    return out.read_bytes()


def rows_of(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_bom_and_crlf_row_ends(exported, corpus):
    assert exported.startswith(b"\xef\xbb\xbfarticle_id,")
    text = exported.decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert len(records) == 1 + sum(1 for _ in corpus.iter_annotations())
    # written again as RFC 4180 with CRLF the records give the very same file: every record ends in CRLF
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(records)
    assert again.getvalue() == text
    assert "\n" in "".join(r[5] for r in records)  # passages over a block boundary keep their LF, quoted


def test_one_row_per_annotation_with_true_offsets(exported, corpus, articles_by_id):
    rows = rows_of(exported)
    assert len(rows) == sum(1 for _ in corpus.iter_annotations())
    tags = {t.id: "/".join(t.path) for t in corpus.tags}
    by_article = {}
    for article, annotation in corpus.iter_annotations():
        by_article.setdefault(article.id, []).append(annotation)
    ok = 0
    for row, (article, annotation) in zip(rows, corpus.iter_annotations(), strict=True):
        assert row["article_id"] == article.id
        assert unescape_cell(row["headline"]) == article.headline
        assert row["source"] == article.source_name
        assert row["tag"] == tags.get(annotation.tag_id, "")
        assert unescape_cell(row["note"]) == annotation.note
        assert row["author"] == annotation.author
        if row["status"] == "ok":
            ok += 1
            text = articles_by_id[row["article_id"]].text
            start, end = int(row["start"]), int(row["end"])
            passage = unescape_cell(row["passage"])
            assert text[start:end] == passage  # the file's own offsets, in code points
            assert unescape_cell(row["left_context"]) == text[max(0, start - 32) : start]
            assert unescape_cell(row["right_context"]) == text[end : end + 32]
        else:
            assert row["status"] == "orphaned" and not is_placed(article, annotation)
            assert row["start"] == row["end"] == row["left_context"] == row["right_context"] == ""
            assert unescape_cell(row["passage"]) == annotation.quote
    assert ok == sum(1 for a, n in corpus.iter_annotations() if is_placed(a, n))


def test_code_points_not_utf16(exported):
    """𠀋 before a passage counts one: the UTF-16 offset would be one more."""
    row = next(r for r in rows_of(exported) if r["passage"] == "字在前")
    text_before = row["left_context"]
    assert EXT_B in text_before
    assert int(row["end"]) - int(row["start"]) == 3


def test_orphans_flagged(exported):
    rows = {r["passage"]: r for r in rows_of(exported)}
    assert rows["此句已被删除"]["status"] == "orphaned"
    assert rows["不再相符"]["status"] == "orphaned"  # not flagged, but the quote no longer matches the text


@pytest.mark.parametrize("passage", ["=SUM(1)", "+1", "-1", "@cmd", "\t制表符"])
def test_formula_injection_escaped_in_file(exported, passage):
    rows = rows_of(exported)
    raw = next(r["passage"] for r in rows if unescape_cell(r["passage"]) == passage)
    assert raw == "'" + passage
    notes = [r["note"] for r in rows if r["note"].startswith("'=")]
    assert "'=HYPERLINK(\"http://example.invalid\")" in notes and "'=1+1 不是公式" in notes
    headlines = {r["headline"] for r in rows}
    assert "'=公式标题" in headlines


@pytest.mark.parametrize(
    ("cell", "escaped"),
    [
        ("=SUM(1)", "'=SUM(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("＝1", "'＝1"),
        ("'=x", "''=x"),  # already quoted text stays reversible
        ("普通文本", "普通文本"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_escape_cell(cell, escaped):
    assert escape_cell(cell) == escaped
    assert unescape_cell(escaped) == cell


@given(st.text(alphabet=st.sampled_from("=+-@\t\r'＝ab中𠀋 "), max_size=8))
def test_escape_is_reversible_and_safe(cell):
    escaped = escape_cell(cell)
    assert unescape_cell(escaped) == cell
    assert not escaped or escaped[0] not in "=+-@\t\r＝＋－＠"
