"""Exports from a real project file: the snapshot, its filters, and every offset in every format.

The project (tests/exports/workproject.py) has 𠀋 outside the BMP, a CRLF page, overlapping
passages by two coders, corrections (kept, reverted, overwritten), a split, a join and a role change.
"""

from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from db import Project
from db.exports import FORMATS
from db.exports.common import is_placed
from db.exports.csv_table import unescape_cell
from db.exports.snapshot import ExportFilter, FilterError, StoreCorpus, export_project, snapshot
from db.exports.values import guid
from tests.exports.workproject import EDITOR, EXT_B, NAME_CRLF, NAME_LF, PAGE_CRLF, RESEARCHER


def _articles(path: Path, filters: ExportFilter | None = None):
    with snapshot(path, filters) as snap:
        return list(snap.corpus.articles), snap.corpus


def test_snapshot_reads_the_project(work_project):
    articles, corpus = _articles(work_project)
    assert isinstance(corpus, StoreCorpus)
    assert [a.source_name for a in articles] == [NAME_CRLF, NAME_CRLF, NAME_LF]
    assert [t.path for t in corpus.tags] == [("劳资纠纷",), ("地点",), ("未用标签",), ("权益",), ("权益", "工资")]
    assert corpus.authors == [RESEARCHER, EDITOR]
    assert {s.name: s.date for s in corpus.sources} == {NAME_CRLF: "2024-03-01", NAME_LF: "2024-03-05"}
    strike, factory, library = articles
    assert EXT_B in strike.text and strike.review_state == "proofread" and strike.note == "待核：工人人数"
    assert factory.review_state == "in_progress" and library.review_state == "unreviewed"
    for article in articles:
        assert article.text == "\n".join(article.text[b.start : b.end] for b in article.blocks)
        for ann in article.annotations:
            assert ann.orphaned or article.text[ann.start : ann.end] == ann.quote
    assert [b.role for b in factory.blocks][:2] == ["title", "subtitle"]  # the role change
    assert len(factory.blocks) == 3  # the join
    assert strike.text.count("\n") == 5  # the split (title, byline, four paragraphs)
    assert strike.original_text is not None and "地们" in strike.original_text and "地们" not in strike.text
    orphans = [a for a in library.annotations if a.orphaned]
    assert len(orphans) == 1 and orphans[0].quote == "亲子"


def test_corrections_map_onto_the_current_text(work_project):
    strike = _articles(work_project)[0][0]
    by_after = {c.after: c for c in strike.corrections if c.op == "correct"}
    assert "300多名" not in by_after  # reverted: not in effect
    fixed = by_after["他们"]
    assert fixed.before == "地们" and fixed.note == "OCR 误字" and fixed.author == EDITOR
    assert strike.text[fixed.start : fixed.end] == "他们"
    assert by_after["前天"].start == -1  # overwritten by the next correction
    assert strike.text[by_after["昨日"].start : by_after["昨日"].end] == "昨日"
    assert any(c.op == "split" and c.start == -1 for c in strike.corrections)
    for article in _articles(work_project)[0]:
        for c in article.corrections:
            assert c.start == -1 or article.text[c.start : c.end] == c.after


def test_filters(work_project):
    articles, corpus = _articles(work_project, ExportFilter(tag_paths=("权益",)))
    assert [a.source_name for a in articles] == [NAME_CRLF, NAME_LF]  # the factory article has no such passage
    assert [t.path for t in corpus.tags] == [("权益",), ("权益", "工资")]  # the tag and the tags under it
    tag_ids = {t.id for t in corpus.tags}
    assert all(a.tag_id in tag_ids for art in articles for a in art.annotations)
    assert sum(len(a.annotations) for a in articles) == 6

    articles, _ = _articles(work_project, ExportFilter(states=("proofread", "in_progress")))
    assert [a.review_state for a in articles] == ["proofread", "in_progress"]
    with Project.open(work_project) as p:
        evening = next(s.id for s in p.list_sources() if s.name == NAME_LF)
    articles, corpus = _articles(work_project, ExportFilter(source_ids=(evening,)))
    assert [a.source_name for a in articles] == [NAME_LF] and [s.name for s in corpus.sources] == [NAME_LF]
    articles, _ = _articles(work_project, ExportFilter(source_ids=(evening,), tag_paths=("权益/工资",)))
    assert articles == []

    with pytest.raises(FilterError, match="no tag 'nope'"):
        snapshot(work_project, ExportFilter(tag_paths=("nope",)))
    with pytest.raises(FilterError, match="unknown review state"):
        snapshot(work_project, ExportFilter(states=("done",)))
    with pytest.raises(FilterError, match="no source with id 999"):
        snapshot(work_project, ExportFilter(source_ids=(999,)))


def test_snapshot_is_isolated_from_later_changes(work_copy):
    with snapshot(work_copy) as snap, Project.open(work_copy, author="x") as p:
        before = [len(a.annotations) for a in snap.corpus.articles]
        article_id = int(snap.corpus.articles[0].id)
        p.annotate(article_id, p.find_tag("地点").id, 0, 1)
        p.correct(article_id, 0, 1, "X")
        again = list(snap.corpus.articles)  # a second pass, as writers make: the same state
        assert [len(a.annotations) for a in again] == before
        assert again[0].text[0] == EXT_B
        assert snap.corpus.articles[0] == again[0] and snap.corpus.articles[1:2] == again[1:2]
    with snapshot(work_copy) as snap:
        assert snap.corpus.articles[0].text[0] == "X"


def test_raw_text_crlf_and_the_jsonl_copy(work_project, tmp_path):
    with snapshot(work_project, ExportFilter(with_raw_text=True)) as snap:
        raw = {s.name: s.raw_text for s in snap.corpus.sources}
    assert raw[NAME_CRLF] == PAGE_CRLF and "\r\n" in raw[NAME_CRLF]
    out = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["jiaokan"]["format"] == "jiaokan-jsonl" and len(lines[0]["codebook"]) == 5
    carried = [r["source"]["raw"] for r in lines if "raw" in r["source"]]
    assert len(carried) == 2  # once per source
    first = lines[0]["source"]
    data = first["raw"]["text"].encode("utf-8")
    assert "base64" not in first["raw"] and hashlib.sha256(data).hexdigest() == first["sha256"]
    assert first["raw"]["text"] == PAGE_CRLF


# -- every format: no exported span is wrong --------------------------------------------------------------


def _check_jsonl(out: Path, articles) -> int:
    n = 0
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for a in record["annotations"]:
            if not a["orphaned"]:
                assert record["text"][a["start"] : a["end"]] == a["quote"]
                n += 1
    return n


def _check_csv(out: Path, articles) -> int:
    texts = {a.id: a.text for a in articles}
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    n = 0
    for row in rows:
        if row["status"] == "ok":
            text = texts[row["article_id"]]
            s, e = int(row["start"]), int(row["end"])
            assert text[s:e] == unescape_cell(row["passage"])
            assert text[:s].endswith(unescape_cell(row["left_context"]))
            n += 1
    return n


def _check_w3c(out: Path, articles) -> int:
    texts = {f"urn:jiaokan:article:{a.id}": a.text for a in articles}
    n = 0
    for item in json.loads(out.read_text(encoding="utf-8"))["first"]["items"]:
        if item["motivation"] != "tagging":
            continue
        target = item["target"]
        selectors = {s["type"]: s for s in target["selector"]}
        if ":before-edit:" in target["source"]:
            continue  # an orphan placed in the text before the edit that orphaned it: see test_interchange
        if "TextPositionSelector" in selectors:
            pos, quote = selectors["TextPositionSelector"], selectors["TextQuoteSelector"]
            assert texts[target["source"]][pos["start"] : pos["end"]] == quote["exact"]
            n += 1
    return n


def _check_qdpx(out: Path, articles) -> int:
    ns = {"q": "urn:QDA-XML:project:1.0"}
    quotes = {guid(ann.id, "annotation"): ann.quote for art in articles for ann in art.annotations}
    n = 0
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        for src in root.iterfind(".//q:TextSource", ns):
            text = zf.read("sources/" + src.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
            for sel in src.iterfind("q:PlainTextSelection", ns):
                s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
                assert text[s:e] == quotes[sel.get("guid")]
                n += 1
    return n


def _check_brat(out: Path, articles) -> int:
    n = 0
    for ann_file in sorted(out.glob("*.ann")):
        text = ann_file.with_suffix(".txt").read_text(encoding="utf-8")
        for line in ann_file.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            _, spec, shown = line.split("\t")
            frags = [tuple(map(int, f.split())) for f in spec.split(" ", 1)[1].split(";")]
            assert " ".join(text[s:e] for s, e in frags) == shown
            n += 1
    return n


def _check_tei(out: Path, articles, rng) -> int:
    doc = etree.parse(str(out))
    assert rng.validate(doc), rng.error_log
    tei = "{http://www.tei-c.org/ns/1.0}"
    quotes = {f"a-{ann.id}": ann.quote.replace("\n", "") for art in articles for ann in art.annotations}
    parts: dict[str, list[str]] = {}
    for seg in doc.iter(f"{tei}seg"):
        xid = seg.get("{http://www.w3.org/XML/1998/namespace}id")
        base = xid if xid in quotes else xid.rsplit("-", 1)[0]
        text = "".join(t for el in seg.iter() if el.tag != f"{tei}sic" for t in (el.text or "",)) + "".join(
            (el.tail or "") for el in seg.iter() if el is not seg
        )
        parts.setdefault(base, []).append(text)
    for base, texts in parts.items():
        assert "".join(texts) == quotes[base]
    return len(parts)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_from_the_store_writes_true_offsets(name, work_project, tmp_path, request):
    fmt = FORMATS[name]
    calls: list[tuple[int, int]] = []
    result = export_project(work_project, name, fmt.default_path("out", tmp_path), None,
                            lambda done, total: calls.append((done, total)))
    out = result.path
    assert calls and calls[-1][0] == calls[-1][1] and not list(tmp_path.glob(".*.part"))
    articles, _ = _articles(work_project)
    placed = sum(1 for art in articles for ann in art.annotations if is_placed(art, ann))
    assert placed == 10 and result.annotations == 11 and result.articles == 3
    if name == "jsonl":
        assert _check_jsonl(out, articles) == placed
    elif name == "csv":
        assert _check_csv(out, articles) == placed
    elif name == "w3c":
        assert _check_w3c(out, articles) == placed
    elif name == "qdpx":
        assert _check_qdpx(out, articles) == placed
    elif name == "brat":
        assert _check_brat(out, articles) == placed
    elif name == "tei":
        assert _check_tei(out, articles, request.getfixturevalue("tei_rng")) == placed
    elif name == "qdc":
        schema = request.getfixturevalue("qdc_schema")
        assert schema.validate(etree.parse(str(out))), schema.error_log
    else:
        body = out.read_text(encoding="utf-8")
        assert all(a.headline.split()[0] in body for a in articles) and EXT_B in body
