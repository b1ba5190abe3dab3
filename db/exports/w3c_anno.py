"""W3C Web Annotation Data Model, JSON-LD (context ``http://www.w3.org/ns/anno.jsonld``).

Layout: one ``AnnotationCollection`` (label = project name, ``total``) whose ``first``
is an embedded ``AnnotationPage`` holding every annotation in ``items`` (Data Model §5).
Tools that want a plain array of annotations read ``doc["first"]["items"]``; pass
``layout="array"`` to get a top-level JSON array instead (each annotation then carries
its own ``@context``, which is what annotation libraries such as Annotorious/RecogitoJS load).

Resources, and the one rule: **every selector locates in the resource it targets** (the
TextPositionSelector's range holds ``exact``, and ``prefix + exact + suffix`` occurs in that
resource's text once, exactly there). Every term used is defined in the context; offsets
are code points.

- ``urn:jiaokan:article:<id>``: the article's current (corrected) text, the blocks joined by
  "\\n" (the text of ``jiaokan export --format text``'s paragraphs, of brat's ``.txt``, of the
  REFI-QDA sources; in the project, ``articles.text``).
- ``urn:jiaokan:article:<id>:before-edit:<edit id>``: the same article's whole text as it stood
  just before that edit (rebuilt from the project's edit history, see
  :mod:`db.exports.history`). A correction's wording before the edit stands there, not in the
  corrected text, and so does a passage the edit orphaned; the target says so with a distinct
  resource rather than a selector that cannot hold.

- Tag annotations: ``motivation`` "tagging"; target = SpecificResource on the article with a
  ``TextQuoteSelector`` (exact; prefix/suffix of 32 code points where the text has them, longer
  where needed to be unique) and a ``TextPositionSelector`` (start, end exclusive); bodies = a
  ``TextualBody`` with purpose "tagging" whose value is the tag path ("权益/工资"), a
  SpecificResource with purpose "classifying" whose source is the tag's IRI
  ``urn:jiaokan:tag:<id>``, and, when there is a note, a ``TextualBody`` with purpose "commenting".
  The target's ``scope`` is the page the article stands on (``Text``): its ``label`` the file name,
  page name and number ("page_a1.txt · 要闻 第3版"), its ``created`` the page's date.
- Orphaned annotations (their text was edited away) target the article before the edit that
  orphaned them, where their quote last stood, with both selectors. An orphan the history
  cannot place (e.g. orphaned by re-importing its page) keeps only the ``TextQuoteSelector``
  with the stored quote on the current article: nothing claims a place, and a reader
  re-anchors or reports an orphan, as Hypothesis does.
- Corrections (text edits): ``motivation`` "editing"; the target is the article before the
  edit (``…:before-edit:<id>``) with a TextQuoteSelector (exact = the text the edit replaced,
  prefix/suffix from that state, unique there) and a TextPositionSelector (where it stood); the
  body is a TextualBody with purpose "editing" and the corrected text (an empty value for a
  deletion). When the state before the edit is not known (a hand-built corpus, an edit made in
  another article): if the correction still maps onto the current text, the state is the current
  text with this one correction undone; otherwise only ``exact`` is written, like an orphan.
  Structural edits (join, split, role, …) are not written.
- An article's notes: one ``motivation`` "commenting" annotation each on the whole article, with
  ``creator`` and ``created``/``modified`` as the project stores them.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from db.exports.common import (
    SOFTWARE,
    TEXT_EDIT_OPS,
    Progress,
    Ticker,
    article_notes,
    atomic_path,
    is_placed,
    log_skipped,
    page_label,
    tag_path,
    unique_context,
)
from db.exports.model import ExportArticle, ExportCorpus, ExportCorrection, ExportTag
from db.exports.values import derived_guid, guid, xsd_date, xsd_datetime

CONTEXT_IRI = "http://www.w3.org/ns/anno.jsonld"


def article_iri(article_id: str) -> str:
    return f"urn:jiaokan:article:{article_id}"


def tag_iri(tag_id: str) -> str:
    return f"urn:jiaokan:tag:{tag_id}"


def prior_state_iri(article_id: str, edit_id: str) -> str:
    """The article's whole text as it stood just before edit ``edit_id``."""
    return f"urn:jiaokan:article:{article_id}:before-edit:{edit_id}"


def _quote_selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    prefix, suffix = unique_context(text, start, end)
    return [
        {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": prefix, "suffix": suffix},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _prior_state(article: ExportArticle, corr: ExportCorrection) -> tuple[str, int] | None:
    """The text the correction was made in and where its replaced wording starts there, if known."""
    before = corr.before
    prior, at = corr.prior_text, corr.prior_start
    if prior is not None and 0 <= at and prior[at : at + len(before)] == before:
        return prior, at
    text = article.text
    if 0 <= corr.start <= corr.end <= len(text) and text[corr.start : corr.end] == corr.after:
        return text[: corr.start] + before + text[corr.end :], corr.start
    return None


def page_scope(article: ExportArticle) -> dict[str, Any]:
    """The page the article stands on, as the target's ``scope``: its date (``created``), name and number."""
    scope: dict[str, Any] = {"id": f"urn:uuid:{guid(article.source_id, 'source')}", "type": "Text"}
    label = " · ".join(filter(None, (article.source_name, page_label(article.source_page_name,
                                                                      article.source_page_number))))
    if label:
        scope["label"] = label
    if xsd_date(article.source_date):
        scope["created"] = xsd_date(article.source_date)
    return scope


def _agent(name: str) -> dict[str, Any]:
    return {"id": f"urn:uuid:{derived_guid('user', name)}", "type": "Person", "name": name}


def _times(target: dict[str, Any], created: str, modified: str) -> None:
    c, m = xsd_datetime(created), xsd_datetime(modified)
    if c:
        target["created"] = c
    if m:
        target["modified"] = m


def _text_body(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _annotations(article: ExportArticle, tags: dict[str, ExportTag]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    text = article.text
    source = article_iri(article.id)
    for ann in article.annotations:
        tag = tags.get(ann.tag_id)
        bodies: list[dict[str, Any]] = []
        if tag is not None:
            bodies.append(_text_body(tag_path(tag), "tagging"))
            bodies.append({"type": "SpecificResource", "purpose": "classifying", "source": tag_iri(tag.id)})
        if ann.note:
            bodies.append(_text_body(ann.note, "commenting"))
        target_source = source
        prior, at = ann.prior_text, ann.prior_start
        if is_placed(article, ann):
            selectors: list[dict[str, Any]] = _quote_selectors(text, ann.start, ann.end)
        elif ann.prior_edit and prior is not None and at >= 0 and prior[at : at + len(ann.quote)] == ann.quote:
            target_source = prior_state_iri(article.id, ann.prior_edit)
            selectors = _quote_selectors(prior, at, at + len(ann.quote))
        else:
            selectors = [{"type": "TextQuoteSelector", "exact": ann.quote}]
        item: dict[str, Any] = {
            "id": f"urn:uuid:{guid(ann.id, 'annotation')}",
            "type": "Annotation",
            "motivation": "tagging",
            "target": {"type": "SpecificResource", "source": target_source, "scope": page_scope(article),
                       "selector": selectors},
        }
        if bodies:
            item["body"] = bodies
        if ann.author:
            item["creator"] = _agent(ann.author)
        _times(item, ann.created, ann.updated)
        out.append(item)

    for corr in article.corrections:
        if corr.op not in TEXT_EDIT_OPS or corr.before == corr.after:
            continue
        state = _prior_state(article, corr)
        if state is not None:
            prior, at = state
            selector: Any = _quote_selectors(prior, at, at + len(corr.before))
        elif corr.before:
            selector = {"type": "TextQuoteSelector", "exact": corr.before}
        else:
            continue  # an insertion that no longer maps selects nothing
        body: Any = _text_body(corr.after, "editing")
        if corr.note:
            body = [body, _text_body(corr.note, "commenting")]
        item = {
            "id": f"urn:uuid:{guid(corr.id, 'correction')}",
            "type": "Annotation",
            "motivation": "editing",
            "body": body,
            "target": {
                "type": "SpecificResource",
                "source": prior_state_iri(article.id, corr.id),
                "selector": selector,
            },
        }
        if corr.author:
            item["creator"] = _agent(corr.author)
        _times(item, corr.created, "")
        out.append(item)

    for note in article_notes(article):
        item = {
            "id": f"urn:uuid:{derived_guid('article-note', note.id)}",
            "type": "Annotation",
            "motivation": "commenting",
            "body": _text_body(note.text, "commenting"),
            "target": source,
        }
        if note.author:
            item["creator"] = _agent(note.author)
        _times(item, note.created, note.updated)
        out.append(item)
    return out


def _collection_head(corpus: ExportCorpus, total: int) -> tuple[dict[str, Any], dict[str, Any]]:
    collection_id = f"urn:uuid:{derived_guid('collection', corpus.project_name)}"
    head = {
        "@context": CONTEXT_IRI,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": corpus.project_name,
        "generator": {"id": "urn:jiaokan:software", "type": "Software", "name": SOFTWARE},
        "total": total,
    }
    page = {
        "id": f"urn:uuid:{derived_guid('collection-page', corpus.project_name, '1')}",
        "type": "AnnotationPage",
        "partOf": collection_id,
        "startIndex": 0,
    }
    return head, page


def _items(corpus: ExportCorpus, ticker: Ticker | None) -> Iterator[dict[str, Any]]:
    tags = corpus.tag_by_id()
    for article in corpus.articles:
        yield from _annotations(article, tags)
        if ticker is not None:
            ticker.tick()


def build_collection(
    corpus: ExportCorpus, ticker: Ticker | None = None, layout: Literal["collection", "array"] = "collection"
) -> dict[str, Any] | list[dict[str, Any]]:
    items = list(_items(corpus, ticker))
    if layout == "array":
        return [{"@context": CONTEXT_IRI, **item} for item in items]
    head, page = _collection_head(corpus, len(items))
    return {**head, "first": {**page, "items": items}}


def write_w3c(
    corpus: ExportCorpus,
    out: Path,
    progress: Progress | None = None,
    *,
    layout: Literal["collection", "array"] = "collection",
) -> Path:
    """One annotation per line, written as the articles are read: the items go to a spool file first
    (the collection's ``total`` comes before them), so memory holds one article's annotations at a time."""
    out = Path(out)
    ticker = Ticker(len(corpus.articles), progress)
    log_skipped("W3C", corpus)
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        if layout == "array":
            fh.write("[\n")
            for k, item in enumerate(_items(corpus, ticker)):
                fh.write((",\n" if k else "") + json.dumps({"@context": CONTEXT_IRI, **item}, ensure_ascii=False))
            fh.write("\n]\n")
            return out
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=out.parent) as spool:
            total = 0
            for item in _items(corpus, ticker):
                spool.write((",\n" if total else "") + json.dumps(item, ensure_ascii=False))
                total += 1
            head, page = _collection_head(corpus, total)
            _write_head(fh, head, page)
            spool.seek(0)
            shutil.copyfileobj(spool, fh, 1 << 20)
        fh.write("\n]}\n}\n")
    return out


def _write_head(fh: TextIO, head: dict[str, Any], page: dict[str, Any]) -> None:
    text = json.dumps(head, ensure_ascii=False, indent=1)
    page_head = json.dumps(page, ensure_ascii=False)
    fh.write(text[: -len("\n}")] + ',\n "first": ' + page_head[:-1] + ', "items": [\n')


def _dump(doc: dict[str, Any] | list[dict[str, Any]], fh: TextIO) -> None:
    """JSON with one annotation per line: readable and diffable, and 4x faster than ``indent=``."""
    if isinstance(doc, list):
        items, close = doc, "\n]\n"
        fh.write("[\n")
    else:
        page = doc["first"]
        items, close = page["items"], "\n]}\n}\n"
        _write_head(fh, {k: v for k, v in doc.items() if k != "first"}, {k: v for k, v in page.items() if k != "items"})
    for k, item in enumerate(items):
        if k:
            fh.write(",\n")
        fh.write(json.dumps(item, ensure_ascii=False))
    fh.write(close)
