"""TEI P5: valid against tei_all; text, segs and corrections reproduce the article exactly."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from db.exports.common import inline_corrections, is_placed
from db.exports.model import ExportAnnotation, ExportCorpus, ExportCorrection, ExportSource
from db.exports.tei import build_tei, write_tei, xml_id
from tests.exports.conftest import EXT_B, TAG_A, TAG_RIGHTS, TAG_WAGES, TAGS, U, build_article, plain_bytes

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
BLOCK_TAGS = {f"{T}head", f"{T}byline", f"{T}p", f"{T}note"}


@pytest.fixture(scope="module")
def tei(corpus, tmp_path_factory):
    return etree.fromstring(plain_bytes(write_tei(corpus, tmp_path_factory.mktemp("tei") / "corpus.xml")))


def assert_valid(rng: etree.RelaxNG, doc) -> None:
    assert rng.validate(doc), "\n".join(f"{e.line}: {e.message}" for e in rng.error_log)


def visible_text(el) -> str:
    """The current (corrected) text under ``el``: everything but <sic> content."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != f"{T}sic":
            parts.append(visible_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def block_elements(article_div) -> list:
    """The article's blocks in document order (editorial notes are not article text)."""
    out = []
    for el in article_div.iter():
        if el.tag in BLOCK_TAGS and el.getparent().tag == f"{T}div" and el.get("type") != "editorial":
            out.append(el)
    return out


def fragments(doc, annotation_id: str) -> list:
    """The seg fragments of one annotation, following the next chain from the first."""
    base = xml_id("a", annotation_id)
    by_id = {el.get(XML_ID): el for el in doc.iter(f"{T}seg")}
    if base in by_id:
        return [by_id[base]]
    chain, el = [], by_id.get(base + "-1")
    while el is not None:
        chain.append(el)
        nxt = el.get("next")
        el = by_id[nxt[1:]] if nxt else None
    return chain


def check_article_segs(doc, corpus: ExportCorpus) -> int:
    """Every placed annotation's fragments give back its quote (the block breaks excepted); returns how many."""
    categories = {c.get(XML_ID) for c in doc.iter(f"{T}category")}
    tag_ids = {t.id for t in corpus.tags}
    checked = 0
    for article, annotation in corpus.iter_annotations():
        frags = fragments(doc, annotation.id)
        if not is_placed(article, annotation) or annotation.tag_id not in tag_ids:
            assert not frags
            continue
        expected = annotation.quote.replace("\n", "")
        if not expected:
            continue
        assert frags, annotation
        assert "".join(visible_text(f) for f in frags) == expected
        assert all(f.get("ana")[1:] in categories for f in frags)
        if len(frags) > 1:
            assert [f.get("part") for f in frags] == ["I", *["M"] * (len(frags) - 2), "F"]
        checked += 1
    assert all(visible_text(s) for s in doc.iter(f"{T}seg")), "no empty seg fragments"
    return checked


def check_article_texts(doc, corpus: ExportCorpus) -> None:
    divs = {d.get(XML_ID): d for d in doc.iter(f"{T}div") if d.get("type") == "article"}
    for article in corpus.articles:
        blocks = block_elements(divs[xml_id("article", article.id)])
        assert [visible_text(b) for b in blocks] == [article.text[b.start : b.end] for b in article.blocks]


def test_valid_against_tei_all(tei, tei_rng):
    assert_valid(tei_rng, tei)


def test_text_is_the_article_text(tei, corpus):
    check_article_texts(tei, corpus)


def test_segs_give_back_every_placed_passage(tei, corpus):
    assert check_article_segs(tei, corpus) == 14


def test_overlap_is_split(tei, corpus):
    a, b = (fragments(tei, U("ann-" + n)) for n in ("A", "B"))
    assert [visible_text(f) for f in a] == ["讯", EXT_B + "城工人要求"]  # over the kicker/title boundary
    assert [visible_text(f) for f in b] == ["城工人要求", "补发拖欠工"]  # split where A ends
    assert b[0].getparent() is a[1]  # B starts inside A, goes on after it
    assert a[0].get("next") == "#" + a[1].get(XML_ID) and a[1].get("prev") == "#" + a[0].get(XML_ID)


def test_corrections_are_choices(tei):
    choices = {c.findtext(f"{T}sic"): c for c in tei.iter(f"{T}choice")}
    assert set(choices) == {"地们", "囗"}
    assert visible_text(choices["地们"].find(f"{T}corr")) == "他们"
    assert visible_text(choices["囗"].find(f"{T}corr")) == ""
    # a seg crossing the correction is split at its edge; its part inside goes into <corr>
    inside = fragments(tei, U("ann-in-correction"))
    assert [visible_text(f) for f in inside] == ["说，", "他"]
    assert inside[1].getparent().tag == f"{T}corr"


def test_structure(tei):
    art = next(d for d in tei.iter(f"{T}div") if d.get(XML_ID) == "article-101")
    heads = [(h.get("type"), visible_text(h)) for h in art.findall(f"{T}head")]
    assert heads == [("kicker", "本报讯"), ("main", EXT_B + "城工人要求补发拖欠工资"), ("sub", "劳资双方在区里协商")]
    assert [visible_text(b) for b in art.findall(f"{T}byline")] == ["本报记者 王小明", "（通讯员 李四）"]
    section = art.find(f"{T}div[@type='section']")
    assert visible_text(section.find(f"{T}head")) == "工人的诉求"
    assert art.get("n") == "proofread" and art.get("decls").startswith("#source-")
    photo = next(d for d in tei.iter(f"{T}div") if d.get(XML_ID) == "article-102")
    assert photo.find(f"{T}p").get("rend") == "caption" and photo.get("subtype") == "photo"


def test_taxonomy_from_codebook(tei):
    tax = tei.find(f".//{T}classDecl/{T}taxonomy")
    rights = tax.find(f"{T}category[@{XML_ID}='{xml_id('tag', TAG_RIGHTS.id)}']")
    assert rights.findtext(f"{T}catDesc/{T}term") == "权益"
    wages = rights.find(f"{T}category")
    assert wages.get(XML_ID) == xml_id("tag", TAG_WAGES.id) and wages.findtext(f"{T}catDesc/{T}term") == "工资"
    assert len(list(tax.iter(f"{T}category"))) == len(TAGS) + 1


def test_notes_point_at_fragments(tei):
    ids = {s.get(XML_ID) for s in tei.iter(f"{T}seg")}
    people = {n.get(XML_ID) for n in tei.iter(f"{T}name")}
    notes = list(tei.iter(f"{T}note"))
    ann_notes = {n.text: n for n in notes if n.get("type") == "annotation"}
    assert set(ann_notes) == {"跨越引题与主标题", "工资拖欠三个月", "=1+1 不是公式", '=HYPERLINK("http://example.invalid")'}
    for n in ann_notes.values():
        assert {t[1:] for t in n.get("target").split()} <= ids and n.get("resp")[1:] in people
    assert len(ann_notes["跨越引题与主标题"].get("target").split()) == 2


# -- the inline algorithm on random overlaps, corrections and block breaks -----------------------------------

ALPHABET = "甲乙丙丁" + EXT_B
_SOURCE = ExportSource(U("random-source"), "随机.txt", "c" * 64, "")


@st.composite
def random_corpus(draw) -> ExportCorpus:
    blocks = draw(st.lists(st.text(ALPHABET, min_size=0, max_size=12), min_size=1, max_size=4))
    roles = ["title", *draw(st.lists(st.sampled_from(["paragraph", "subhead", "byline", "caption", "jump"]),
                                     min_size=len(blocks) - 1, max_size=len(blocks) - 1))]
    article = build_article("1", _SOURCE, list(zip(roles, blocks, strict=True)))
    text = article.text
    n = len(text)
    spans = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    annotations = []
    for k, (s, e) in enumerate(draw(st.lists(spans, max_size=6))):
        if s < e:
            tag = draw(st.sampled_from([TAG_A, TAG_RIGHTS, TAG_WAGES]))
            annotations.append(ExportAnnotation(U(f"r{k}"), tag.id, s, e, text[s:e], note="n" if k % 2 else ""))
    corrections = []
    for k, (s, e) in enumerate(draw(st.lists(spans, max_size=4))):
        after = text[s:e]
        before = draw(st.text("子丑", min_size=0 if after else 1, max_size=3))
        if before != after:
            corrections.append(ExportCorrection(U(f"c{k}"), "correct", s, e, before, after))
    article = replace(article, annotations=tuple(annotations), corrections=tuple(corrections))
    return ExportCorpus("random", list(TAGS), [_SOURCE], [article])


@settings(
    max_examples=int(os.environ.get("JIAOKAN_TEI_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(corpus=random_corpus())
def test_random_overlaps_stay_valid_and_exact(corpus, tei_rng):
    doc = build_tei_doc(corpus)
    assert_valid(tei_rng, doc)
    check_article_texts(doc, corpus)
    check_article_segs(doc, corpus)
    sics = [c.findtext(f"{T}sic") or "" for c in doc.iter(f"{T}choice")]
    assert sorted(sics) == sorted(c.before for c in inline_corrections(corpus.articles[0]))


def build_tei_doc(corpus: ExportCorpus):
    return etree.fromstring(ET.tostring(build_tei(corpus), encoding="unicode"))
