"""Schema 4 stores the text once: upgrades keep every text, annotation and export; bytes come back exact."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import SCHEMA_VERSION, Project
from db.exports.common import page_label
from db.exports.snapshot import export_project

from .conftest import FIXTURES, PAGE_A, PAGE_B, columns, rows

V2 = FIXTURES / "schema_v2.jiaokan"
V3 = FIXTURES / "schema_v3.jiaokan"
V3_EXPORTS = FIXTURES / "schema_v3_exports"

#: Times the export writes about itself (when it was made), not about the project.
_EXPORT_TIME = re.compile(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def test_upgrade_from_schema_2_keeps_texts_bytes_annotations_and_search(tmp_path: Path) -> None:
    path = tmp_path / "v2.jiaokan"
    shutil.copyfile(V2, path)
    texts = dict(rows(path, "SELECT id, text FROM articles"))
    raw = dict(rows(path, "SELECT id, raw_bytes FROM sources"))
    annotations = rows(path, "SELECT id, article_id, char_start, char_end, quote FROM annotations ORDER BY id")
    states = dict(rows(path, "SELECT id, review_state FROM articles"))
    folded = dict(rows(path, "SELECT article_id, folded FROM search_docs"))
    with Project.open(path) as p:
        assert p.schema_version() == SCHEMA_VERSION >= 4
        for article_id, text in texts.items():
            article = p.get_article(article_id)
            assert article.text == text and article.review_state.value == states[article_id]
        for source_id, data in raw.items():
            assert p.raw_bytes(source_id) == data
        for ann_id, article_id, start, end, quote in annotations:
            (ann,) = [a for a in p.get_article(article_id).annotations if a.id == ann_id]
            assert (ann.start, ann.end, ann.quote) == (start, end, quote) == (start, end, texts[article_id][start:end])
        word = texts[1][4:8]
        assert any(h.article_id == 1 for h in p.search(word).hits)
    assert "text" not in columns(path, "articles")
    # only the source whose text cannot give its bytes back keeps them
    assert dict(rows(path, "SELECT name, raw_bytes IS NOT NULL FROM sources")) == {
        "a.txt": 0,
        "b.txt": 0,
        "broken.txt": 1,
    }
    # schema 6: every article indexed again, and no copy of its text kept beside its blocks
    assert folded.keys() == texts.keys()
    assert dict(rows(path, "SELECT article_id, text FROM search_docs")) == texts
    assert rows(path, "SELECT count(indexed_text) FROM search_articles") == [(0,)]


def _export_all(project: Project, out: Path, reference: Path = V3_EXPORTS) -> dict[str, str]:
    """Each export format of ``reference``'s files made from ``project`` (times blanked)."""
    out.mkdir()
    made = {}
    for f in sorted(reference.iterdir()):
        name = f.suffix.lstrip(".")
        export_project(project, name, out / f.name)
        made[name] = _EXPORT_TIME.sub("<time>", (out / f.name).read_text(encoding="utf-8"))
    return made


def test_upgrade_from_schema_3_gives_the_same_exports(tmp_path: Path) -> None:
    path = tmp_path / V3.name  # exports name the project after its file
    shutil.copyfile(V3, path)
    texts = dict(rows(path, "SELECT id, text FROM articles"))
    raw = dict(rows(path, "SELECT id, raw_bytes FROM sources"))
    edits = rows(path, "SELECT * FROM edits ORDER BY id")
    assert edits, "the fixture holds edits"
    before = {
        f.suffix.lstrip("."): _EXPORT_TIME.sub("<time>", f.read_text(encoding="utf-8")) for f in V3_EXPORTS.iterdir()
    }
    with Project.open(path) as p:
        assert p.schema_version() == SCHEMA_VERSION >= 4
        assert {a: p.get_article(a).text for a in texts} == texts
        assert {s: p.raw_bytes(s) for s in raw} == raw
        after = _export_all(p, tmp_path / "exports")
        labels = {page_label(a.name, a.number) for a in map(p.source_attributes, raw)} - {""}
    assert labels, "the fixture's pages have running headers with a page name or number"
    assert set(before) == {"jsonl", "csv", "w3c", "tei", "markdown", "text"}
    for name in before:
        assert _without_page_attributes(name, after[name], labels) == before[name], name
    assert rows(path, "SELECT * FROM edits ORDER BY id") == edits
    assert rows(path, "SELECT count(*) FROM sources WHERE raw_bytes IS NOT NULL") == [(0,)]


def _without_page_attributes(fmt: str, text: str, labels: set[str]) -> str:
    """An export as schema 4 wrote it: the page names and numbers that schema 5 adds taken out (and in the
    JSONL the attribute changes that format 3 adds, none on these pages)."""
    if fmt == "jsonl":
        text = re.sub(r',\s*"page_name":\s*"[^"]*",\s*"page_number":\s*(null|\d+), "changes": \[\]', "", text)
        return text.replace('"format": "jiaokan-jsonl", "version": 3', '"format": "jiaokan-jsonl", "version": 2')
    if fmt == "csv":
        rows_ = list(csv.reader(io.StringIO(text, newline="")))
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(r[:-2] for r in rows_)  # read_text made CRLF LF
        return out.getvalue()
    if fmt == "w3c":
        return re.sub(r', "scope": \{[^{}]*\}', "", text)
    if fmt == "tei":
        return re.sub(r"<biblScope [^>]*>[^<]*</biblScope>", "", text)
    for label in labels:  # markdown and text: the page's label in each article's line of facts
        text = text.replace(f" · {label} · ", " · ")
    return text


def test_an_upgraded_project_edits_and_searches_like_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / V3.name  # exports name the project after its file
    shutil.copyfile(V3, path)
    with Project.open(path) as p:
        article = p.get_article(p.article_ids(1)[0])
        word = article.text[10:13]
        p.correct(article.id, 10, 13, "ＡＢＣ")  # folds to "abc": found by the folded query
        assert p.get_article(article.id).text[10:13] == "ＡＢＣ"
        assert any(h.article_id == article.id for h in p.search("abc").hits)
        assert not any(h.article_id == article.id and h.start == 10 for h in p.search(word).hits)
        p.revert(p.history(article.id)[-1].id)
        assert p.get_article(article.id).text == article.text
        assert not any(h.article_id == article.id for h in p.search("abc").hits)


ENCODINGS = {
    "utf8.txt": PAGE_A.encode("utf-8"),
    "utf8_bom.txt": b"\xef\xbb\xbf" + PAGE_B.encode("utf-8"),
    "gb18030.txt": PAGE_A.replace("。", "。\n").encode("gb18030"),
    "utf16le_bom.txt": b"\xff\xfe" + PAGE_B.replace("，", "，\n").encode("utf-16-le"),
    "utf16be.txt": PAGE_A.replace("的", "的\n", 1).encode("utf-16-be"),
    "crlf.txt": PAGE_B.replace("\n", "\r\n").encode("utf-8"),
    "mixed_endings.txt": PAGE_A.replace("\n", "\r\n", 3).replace("\n", "\r", 2).encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(ENCODINGS))
def test_raw_bytes_come_back_exactly_without_being_stored(tmp_path: Path, name: str) -> None:
    data = ENCODINGS[name]
    (tmp_path / name).write_bytes(data)
    with Project.open(tmp_path / "p.jiaokan") as p:
        outcome = p.import_file(tmp_path / name)
        assert outcome.source_id is not None, outcome.reason
        assert p.raw_bytes(outcome.source_id) == data
        again = p.reflow_source(outcome.source_id)  # the engine runs on the rebuilt bytes
        assert again.status.value == "new_version" and p.raw_bytes(again.source_id) == data
    assert rows(tmp_path / "p.jiaokan", "SELECT count(*) FROM sources WHERE raw_bytes IS NOT NULL") == [(0,)]


#: Indexes of passages that later schemas change (schema 5: by place and tag, by coder), left out of sizes.
_LATER_INDEXES = ("annotations_article", "annotations_place", "annotations_author", "sources_page_date")


def _payload(path: Path) -> int:
    """Bytes the file's b-trees use (page fill, not whole pages): what a tiny project is made of."""
    try:
        names = ",".join(f"'{name}'" for name in _LATER_INDEXES)
        return rows(path, f"SELECT sum(pgsize - unused) FROM dbstat WHERE name NOT IN ({names})")[0][0]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")


def test_the_upgrade_drops_the_second_and_third_copies_of_the_text(tmp_path: Path) -> None:
    old = tmp_path / "old.jiaokan"
    shutil.copyfile(V3, old)
    new = tmp_path / V3.name
    shutil.copyfile(V3, new)
    with Project.open(new):
        pass
    before, after = _payload(old), _payload(new)
    text_bytes = sum(len(t.encode("utf-8")) for (t,) in rows(old, "SELECT raw_text FROM sources"))
    # the raw bytes and the article text (each about the size of the input) are gone
    assert before - after > 1.5 * text_bytes, (before, after, text_bytes)


def test_an_article_whose_text_is_not_its_blocks_stops_the_upgrade_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "v2.jiaokan"
    shutil.copyfile(V2, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET text = text || '!' WHERE id = 2")  # as a foreign program might
    conn.commit()
    conn.close()
    before = [rows(path, f"SELECT * FROM {t} ORDER BY 1") for t in ("sources", "articles", "blocks", "search_docs")]
    with pytest.raises(Exception, match="article 2: its text is not the text of its paragraphs"):
        Project.open(path)
    assert rows(path, "PRAGMA user_version") == [(2,)]
    after = [rows(path, f"SELECT * FROM {t} ORDER BY 1") for t in ("sources", "articles", "blocks", "search_docs")]
    assert after == before
