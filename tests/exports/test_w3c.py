"""W3C Web Annotation JSON-LD: every term in the anno.jsonld context, selectors in code points."""

from __future__ import annotations

import json
from typing import Any

import pytest

from db.exports.common import is_placed
from db.exports.w3c_anno import CONTEXT_IRI, article_iri, write_w3c
from tests.exports.conftest import EXT_B, SCHEMAS, json_nodes, plain_bytes

OA = "http://www.w3.org/ns/oa#"
CONTEXT = json.loads((SCHEMAS / "w3c-anno.jsonld").read_text(encoding="utf-8"))
TERMS = CONTEXT["@context"]
# properties whose string values are themselves terms of the context (@type / @vocab)
VOCAB_VALUED = {"type", "motivation", "purpose"}
# properties holding literal text (their nested values are data, not terms)
LITERAL = {"value", "exact", "prefix", "suffix", "label", "name", "format", "created", "modified"}


@pytest.fixture(scope="module")
def doc(corpus, tmp_path_factory):
    return json.loads(plain_bytes(write_w3c(corpus, tmp_path_factory.mktemp("w3c") / "annotations.jsonld")))


def items_of(doc) -> list[dict[str, Any]]:
    return doc["first"]["items"]


def check_terms(node: Any, where: str = "") -> None:
    if isinstance(node, list):
        for k, item in enumerate(node):
            check_terms(item, f"{where}[{k}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                assert value == CONTEXT_IRI
                continue
            assert key.startswith("@") or key in TERMS, f"{where}.{key} is not defined by anno.jsonld"
            if key in VOCAB_VALUED:
                for v in value if isinstance(value, list) else [value]:
                    assert v in TERMS, f"{where}.{key} = {v!r} is not a term of anno.jsonld"
            elif key not in LITERAL:
                check_terms(value, f"{where}.{key}")


def test_collection_layout(doc, corpus):
    assert doc["@context"] == CONTEXT_IRI
    assert doc["type"] == "AnnotationCollection" and doc["label"] == corpus.project_name
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["partOf"] == doc["id"] and page["startIndex"] == 0
    assert doc["total"] == len(page["items"])
    ids = [item["id"] for item in page["items"]]
    assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)


def test_every_term_is_in_the_context(doc):
    check_terms(doc)


def test_expands_with_the_local_context(doc):
    """JSON-LD expansion with anno.jsonld served offline: nothing is dropped, motivations are oa: IRIs."""
    from pyld import jsonld  # a test dependency (pyproject: test extra)

    def loader(url: str, options: dict | None = None) -> dict:
        assert url == CONTEXT_IRI, f"unexpected remote document {url}"
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}

    expanded = jsonld.expand(doc, {"documentLoader": loader})
    flat = json.dumps(expanded, ensure_ascii=False)
    annotations = [n for n in json_nodes(expanded) if f"{OA}Annotation" in n.get("@type", [])]
    assert len(annotations) == doc["total"]
    motivations = {m["@id"] for n in annotations for m in n[f"{OA}motivatedBy"]}
    assert motivations == {f"{OA}tagging", f"{OA}editing", f"{OA}commenting"}
    purposes = {p["@id"] for n in json_nodes(expanded) for p in n.get(f"{OA}hasPurpose", [])}
    assert purposes == {f"{OA}tagging", f"{OA}classifying", f"{OA}commenting", f"{OA}editing"}
    positions = [n for n in json_nodes(expanded) if f"{OA}TextPositionSelector" in n.get("@type", [])]
    assert len(positions) == sum("TextPositionSelector" in json.dumps(i) for i in items_of(doc))
    assert EXT_B in flat


def _selectors(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    sel = item["target"]["selector"]
    return {s["type"]: s for s in (sel if isinstance(sel, list) else [sel])}


def test_selectors_are_code_point_spans(doc, corpus, articles_by_id):
    by_iri = {article_iri(a.id): a for a in corpus.articles}
    tagged = [i for i in items_of(doc) if i["motivation"] == "tagging"]
    assert len(tagged) == sum(1 for _ in corpus.iter_annotations())
    positioned = 0
    for item in tagged:
        text = by_iri[item["target"]["source"]].text
        sel = _selectors(item)
        quote = sel["TextQuoteSelector"]
        if "TextPositionSelector" in sel:
            positioned += 1
            start, end = sel["TextPositionSelector"]["start"], sel["TextPositionSelector"]["end"]
            assert text[start:end] == quote["exact"]
            assert quote["prefix"] == text[max(0, start - 32) : start]
            assert quote["suffix"] == text[end : end + 32]
        else:  # orphaned: the stored quote only, nothing that claims a place
            assert set(quote) == {"type", "exact"}
    assert positioned == sum(1 for a, n in corpus.iter_annotations() if is_placed(a, n))
    overlap = [i for i in tagged if _selectors(i).get("TextPositionSelector", {}).get("start") in (2, 5)]
    assert sorted((_selectors(i)["TextPositionSelector"]["start"], _selectors(i)["TextPositionSelector"]["end"])
                  for i in overlap) == [(2, 10), (5, 15)]


def test_bodies(doc, corpus):
    tags = {t.id: "/".join(t.path) for t in corpus.tags}
    items = {i["id"].removeprefix("urn:uuid:"): i for i in items_of(doc)}
    for _, ann in corpus.iter_annotations():
        item = items[ann.id]
        bodies = item.get("body", [])
        tagging = [b["value"] for b in bodies if b["purpose"] == "tagging"]
        assert tagging == ([tags[ann.tag_id]] if ann.tag_id in tags else [])
        comments = [b["value"] for b in bodies if b["purpose"] == "commenting"]
        assert comments == ([ann.note] if ann.note else [])
        assert item["creator"]["name"] == ann.author and item["creator"]["type"] == "Person"
        assert item["created"] == ann.created and item["modified"] == ann.updated
    assert "权益/工资" in {b["value"] for i in items.values() for b in i.get("body", []) if isinstance(b, dict)
                         and b.get("purpose") == "tagging"}


def test_corrections_are_editing_annotations(doc, articles_by_id):
    edits = [i for i in items_of(doc) if i["motivation"] == "editing"]
    text = articles_by_id["101"].text
    by_before = {_selectors(i)["TextQuoteSelector"]["exact"]: i for i in edits}
    assert set(by_before) == {"地们", "囗", "旧字"}  # the join is structural: not written
    replace = by_before["地们"]
    body = replace["body"] if isinstance(replace["body"], list) else [replace["body"]]
    assert body[0] == {"type": "TextualBody", "purpose": "editing", "value": "他们", "format": "text/plain"}
    quote = _selectors(replace)["TextQuoteSelector"]
    assert quote["prefix"] + "他们" + quote["suffix"] in text  # anchored by the unchanged text around it
    assert set(_selectors(by_before["旧字"])["TextQuoteSelector"]) == {"type", "exact"}  # no longer maps


def test_article_notes(doc):
    notes = {i["target"]: i["body"]["value"] for i in items_of(doc) if i["motivation"] == "commenting"}
    assert notes == {article_iri("101"): "待核：工人人数", article_iri("102"): "需要核对照片说明"}


def test_array_layout(corpus, tmp_path, doc):
    out = write_w3c(corpus, tmp_path / "a.jsonld", layout="array")
    arr = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(arr, list) and len(arr) == doc["total"]
    assert all(item["@context"] == CONTEXT_IRI for item in arr)
    check_terms(arr)


def test_corrections_without_history_anchor_in_the_text_with_that_correction_undone(doc, articles_by_id):
    """A hand-built corpus gives no state before an edit: the target is then the current text with the
    correction undone (still a resource of its own), and the selectors hold there."""
    article = articles_by_id["101"]
    by_id = {c.id: c for c in article.corrections}
    anchored = 0
    for item in items_of(doc):
        if item["motivation"] != "editing":
            continue
        source = item["target"]["source"]
        assert source.startswith(article_iri("101") + ":before-edit:")
        corr = by_id[source.rsplit(":", 1)[1]]
        sel = _selectors(item)
        if "TextPositionSelector" not in sel:
            assert corr.start < 0  # it no longer maps: only the wording, like an orphan
            continue
        state = article.text[: corr.start] + corr.before + article.text[corr.end :]
        quote, pos = sel["TextQuoteSelector"], sel["TextPositionSelector"]
        assert state[pos["start"] : pos["end"]] == quote["exact"] == corr.before
        needle = quote["prefix"] + quote["exact"] + quote["suffix"]
        assert state.find(needle) == pos["start"] - len(quote["prefix"]) and state.count(needle) == 1
        anchored += 1
    assert anchored == 2  # the replacement and the deletion
