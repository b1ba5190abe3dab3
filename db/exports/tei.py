"""TEI P5 (valid against ``tei_all``): the corrected articles with tags, corrections and notes.

Structure::

    teiHeader
      titleStmt/respStmt     one <name xml:id="person-N"> per author (segs point at it with @resp)
      sourceDesc/listBibl    one <bibl xml:id="source-…"> per page dump (title, date, page name and number, sha256)
      encodingDesc
        editorialDecl        how corrections and overlaps are encoded (the text below)
        classDecl/taxonomy   the codebook: nested <category xml:id="tag-…"><catDesc><term>name</term></catDesc>
    text/body
      <div type="source" decls="#source-…"><head>file name</head>
        <div type="article" xml:id="article-…" decls="#source-…" n="review state">
          <head type="kicker|main|sub">, <byline>, <note type="jump">     headline group (divTop)
          <note type="editorial">                                         the article's note
          <p>, <p rend="caption">, <div type="section"><head>subhead</head><p>…</div>
          <byline>                                                        bylines that close the article
    standOff/listAnnotation  <note type="annotation" target="#a-…" resp="#person-N"> per annotation note

Tags are ``<seg ana="#tag-…">`` in the text. **Overlaps**: segs that would cross are split
at the crossing point, and so is a seg that runs over a block boundary (a tag over two
paragraphs) or a correction boundary. The fragments of one annotation carry
``xml:id="a-<id>-<k>"``, ``part="I|M|F"`` and ``prev``/``next`` pointing at each other, so
the whole passage is recoverable (a single-fragment seg is simply ``xml:id="a-<id>"``).
Where spans start together the longer one is outer. The "\\n" between blocks is not
text in TEI (it is the block boundary).

**Corrections** that still map onto the current text become
``<choice><sic>before</sic><corr>after</corr></choice>`` (a deletion has an empty ``<corr/>``);
a correction is never split: a seg that crosses it is split instead, its part inside
the correction goes inside ``<corr>``. Corrections that no longer map, overlap an earlier
one, or are structural (join, split, role, …) are not marked (the text is already corrected).

**Orphaned** annotations are skipped (a seg needs a true place in the text).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from db.exports.common import (
    PAGE_NUMBER,
    SOFTWARE,
    Progress,
    TagNode,
    Ticker,
    all_authors,
    atomic_path,
    inline_corrections,
    log_skipped,
    placed_annotations,
    tag_tree,
)
from db.exports.model import ExportAnnotation, ExportArticle, ExportBlock, ExportCorpus, ExportCorrection
from db.exports.values import rgb, xml_text, xsd_date

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_ID = f"{{{XML_NS}}}id"
_LANG = f"{{{XML_NS}}}lang"

_TOP_ROLES = frozenset({"kicker", "title", "subtitle", "byline", "jump"})
_HEAD_TYPES = {"kicker": "kicker", "title": "main", "subtitle": "sub"}
_NCNAME_BAD = re.compile(r"[^A-Za-z0-9._-]")

EDITORIAL_SEGMENTATION = (
    "Tags are seg elements whose ana points at a category of the taxonomy. Where tagged passages overlap, "
    "or a passage runs over a paragraph or a correction boundary, the seg is split there; the fragments of one "
    "passage carry part (I, M, F) and point at each other with prev and next. Blocks (headings, bylines, "
    "paragraphs) are the article text's lines; the line breaks between them are not encoded as text."
)
EDITORIAL_CORRECTION = (
    "Editors' corrections of the source text are choice elements: sic holds the text as read from the page dump, "
    "corr the corrected text. Structural corrections (joined or split paragraphs, changed roles) are not marked."
)


def xml_id(prefix: str, value: str) -> str:
    return f"{prefix}-{_NCNAME_BAD.sub('_', value)}"


def _t(name: str) -> str:
    return name  # unqualified: the root declares TEI as the default namespace (see build_tei)


def _el(parent: ET.Element, name: str, attrs: dict[str, str | None] | None = None, text: str | None = None):
    e = ET.SubElement(parent, _t(name), {k: v for k, v in (attrs or {}).items() if v is not None})
    if text is not None:
        e.text = xml_text(text)
    return e


def _append_text(el: ET.Element, s: str) -> None:
    if not s:
        return
    s = xml_text(s)
    if len(el):
        last = el[-1]
        last.tail = (last.tail or "") + s
    else:
        el.text = (el.text or "") + s


class _Item:
    __slots__ = ("end", "kind", "payload")

    def __init__(self, end: int, kind: int, payload: ExportAnnotation | ExportCorrection) -> None:
        self.end = end
        self.kind = kind  # 0: seg (splittable), 1: choice (never split)
        self.payload = payload


class _ArticleWriter:
    """Writes one article's blocks with inline segs and choices; collects seg fragments per annotation."""

    def __init__(self, tag_xml_ids: dict[str, str], people: dict[str, str]) -> None:
        self.tag_xml_ids = tag_xml_ids
        self.people = people
        self.fragments: dict[str, list[ET.Element]] = defaultdict(list)

    def fill(
        self,
        el: ET.Element,
        text: str,
        block: ExportBlock,
        anns: list[ExportAnnotation],
        corrs: list[ExportCorrection],
    ) -> None:
        b0, b1 = block.start, block.end
        opens: dict[int, list[_Item]] = defaultdict(list)
        points: dict[int, list[ExportCorrection]] = defaultdict(list)
        cuts = {b0, b1}
        for a in anns:
            s, e = max(a.start, b0), min(a.end, b1)
            if s < e:
                opens[s].append(_Item(e, 0, a))
                cuts.update((s, e))
        for c in corrs:
            if b0 <= c.start and c.end <= b1:
                if c.start < c.end:
                    opens[c.start].append(_Item(c.end, 1, c))
                else:
                    points[c.start].append(c)
                cuts.update((c.start, c.end))
        if not opens and not points:
            _append_text(el, text[b0:b1])
            return

        stack: list[tuple[_Item, ET.Element]] = []

        def current() -> ET.Element:
            return stack[-1][1] if stack else el

        def open_item(item: _Item) -> None:
            parent = current()
            if item.kind == 0:
                ann = item.payload
                assert isinstance(ann, ExportAnnotation)
                attrs = {"ana": "#" + self.tag_xml_ids[ann.tag_id], "resp": self.people.get(ann.author)}
                seg = _el(parent, "seg", attrs)
                self.fragments[ann.id].append(seg)
                stack.append((item, seg))
            else:
                corr = item.payload
                assert isinstance(corr, ExportCorrection)
                stack.append((item, self._choice(parent, corr)))

        pos = b0
        for p in sorted(cuts):
            if p > pos:
                _append_text(current(), text[pos:p])
                pos = p
            # close what ends here; anything above it that goes on is reopened as a new fragment
            idx = next((i for i, (it, _) in enumerate(stack) if it.end == p), None)
            if idx is not None:
                popped = stack[idx:]
                del stack[idx:]
                for it, _ in popped:
                    if it.end > p:
                        open_item(it)  # only segs: a choice never has an item below it that ends first
            for c in points.get(p, ()):
                self._choice(current(), c)
            for item in sorted(opens.get(p, ()), key=lambda it: (-it.end, it.kind)):
                if item.kind == 1:
                    # a choice may not be split: segs open now that end inside it are split here instead
                    j = next((i for i, (it, _) in enumerate(stack) if it.end < item.end), None)
                    if j is not None:
                        popped = stack[j:]
                        parents = [stack[i - 1][1] if i > 0 else el for i in range(j, len(stack))]
                        del stack[j:]
                        for (it, seg), parent in reversed(list(zip(popped, parents, strict=True))):
                            if seg.text is None and not len(seg):  # opened here, still empty: unopen it
                                parent.remove(seg)
                                self.fragments[it.payload.id].pop()
                        open_item(item)
                        for it, _ in popped:
                            open_item(it)
                        continue
                open_item(item)
        assert not stack, "every span ends inside its block"

    def _choice(self, parent: ET.Element, corr: ExportCorrection) -> ET.Element:
        choice = _el(parent, "choice", {"resp": self.people.get(corr.author)})
        sic = _el(choice, "sic")
        if corr.before:
            sic.text = xml_text(corr.before)
        return _el(choice, "corr")

    def link_fragments(self) -> dict[str, list[str]]:
        """Give fragments their ids and chain them; returns annotation id -> fragment xml:ids."""
        ids: dict[str, list[str]] = {}
        for ann_id, frags in self.fragments.items():
            base = xml_id("a", ann_id)
            if len(frags) == 1:
                frags[0].set(_ID, base)
                ids[ann_id] = [base]
                continue
            names = [f"{base}-{k}" for k in range(1, len(frags) + 1)]
            for k, seg in enumerate(frags):
                seg.set(_ID, names[k])
                seg.set("part", "I" if k == 0 else "F" if k == len(frags) - 1 else "M")
                if k > 0:
                    seg.set("prev", "#" + names[k - 1])
                if k < len(frags) - 1:
                    seg.set("next", "#" + names[k + 1])
            ids[ann_id] = names
        self.fragments.clear()
        return ids


def _block_element(container: ET.Element, block: ExportBlock, where: str) -> ET.Element:
    role = block.role
    if where == "top":
        if role in _HEAD_TYPES:
            return _el(container, "head", {"type": _HEAD_TYPES[role]})
        if role == "byline":
            return _el(container, "byline")
        return _el(container, "note", {"type": "jump"})
    if where == "bottom":
        return _el(container, "byline") if role == "byline" else _el(container, "note", {"type": "jump"})
    if role == "paragraph":
        return _el(container, "p")
    if role == "jump":
        return _el(container, "note", {"type": "jump"})
    return _el(container, "p", {"rend": role})


def _article(
    parent: ET.Element,
    article: ExportArticle,
    writer: _ArticleWriter,
    tag_xml_ids: dict[str, str],
    notes: list[tuple[ExportAnnotation, list[str]]],
) -> None:
    div = _el(
        parent,
        "div",
        {"type": "article", _ID: xml_id("article", article.id), "decls": "#" + xml_id("source", article.source_id),
         "subtype": _NCNAME_BAD.sub("_", article.kind) if article.kind else None, "n": article.review_state},
    )
    div.text = "\n"
    blocks = article.blocks
    n = len(blocks)
    top = 0
    while top < n and blocks[top].role in _TOP_ROLES:
        top += 1
    bottom = n
    while bottom > top and blocks[bottom - 1].role in ("byline", "jump"):
        bottom -= 1

    anns = [a for a in placed_annotations(article) if a.tag_id in tag_xml_ids]
    corrs = inline_corrections(article)
    text = article.text

    def emit(container: ET.Element, block: ExportBlock, where: str) -> ET.Element:
        el = _block_element(container, block, where)
        el.tail = "\n"
        writer.fill(
            el,
            text,
            block,
            [a for a in anns if a.start < block.end and a.end > block.start],
            [c for c in corrs if block.start <= c.start and c.end <= block.end],
        )
        return el

    for block in blocks[:top]:
        emit(div, block, "top")
    if article.note:
        _el(div, "note", {"type": "editorial"}, article.note).tail = "\n"
    container = div
    for block in blocks[top:bottom]:
        if block.role == "subhead":
            container = _el(div, "div", {"type": "section"})
            container.text = "\n"
            container.tail = "\n"
            head = _el(container, "head")
            head.tail = "\n"
            writer.fill(head, text, block, [a for a in anns if a.start < block.end and a.end > block.start],
                        [c for c in corrs if block.start <= c.start and c.end <= block.end])
            continue
        emit(container, block, "middle")
    for block in blocks[bottom:]:
        emit(div, block, "bottom")
    div.tail = "\n"

    ids = writer.link_fragments()
    for a in anns:
        if a.note and a.id in ids:
            notes.append((a, ids[a.id]))


def _taxonomy(parent: ET.Element, node: TagNode, tag_xml_ids: dict[str, str]) -> None:
    colour = rgb(node.tag.colour) if node.tag is not None else None
    cat = _el(parent, "category", {_ID: tag_xml_ids.get(node.id) or xml_id("tag", node.id),
                                   "style": f"background-color: {colour}" if colour else None})
    desc = _el(cat, "catDesc")
    _el(desc, "term", None, node.name)
    if node.tag is not None and node.tag.description:
        _el(cat, "catDesc", {"n": "description"}, node.tag.description)
    for child in node.children:
        _taxonomy(cat, child, tag_xml_ids)


def _tei_root(corpus: ExportCorpus) -> tuple[ET.Element, ET.Element, dict[str, str], dict[str, str]]:
    """The TEI element with its complete header and an empty body: (tei, body, people, tag xml:ids)."""
    # ElementTree cannot write a default namespace when attributes are unqualified: declare it by hand
    tei = ET.Element(_t("TEI"), {"xmlns": TEI_NS, _LANG: "zh"})
    header = _el(tei, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", None, corpus.project_name or "Jiaokan export")
    people: dict[str, str] = {}
    for k, name in enumerate(all_authors(corpus), 1):
        people[name] = f"#person-{k}"
        resp = _el(title_stmt, "respStmt")
        _el(resp, "resp", None, "annotation and correction")
        _el(resp, "name", {_ID: f"person-{k}"}, name)
    pub = _el(file_desc, "publicationStmt")
    _el(pub, "p", None, f"Exported from {SOFTWARE}.")

    source_desc = _el(file_desc, "sourceDesc")
    sources: dict[str, tuple[str, str | None, str, str, int | None]] = {
        s.id: (s.name, s.date, s.sha256, s.page_name, s.page_number) for s in corpus.sources
    }
    for a in corpus.articles:
        sources.setdefault(
            a.source_id, (a.source_name, a.source_date, a.source_sha256, a.source_page_name, a.source_page_number)
        )
    if sources:
        bibls = _el(source_desc, "listBibl")
        for sid, (name, date, sha, page_name, page_number) in sources.items():
            bibl = _el(bibls, "bibl", {_ID: xml_id("source", sid)})
            _el(bibl, "title", None, name)
            if xsd_date(date):
                _el(bibl, "date", {"when": xsd_date(date)}, date)
            if page_name:  # the page's name (版名): the section of the paper it prints
                _el(bibl, "biblScope", {"unit": "section"}, page_name)
            if page_number is not None:
                _el(bibl, "biblScope", {"unit": "page", "n": str(page_number)}, PAGE_NUMBER.format(page_number))
            if sha:
                _el(bibl, "idno", {"type": "sha256"}, sha)
    else:
        _el(source_desc, "p", None, "No source files.")

    enc = _el(header, "encodingDesc")
    ed = _el(enc, "editorialDecl")
    _el(_el(ed, "correction"), "p", None, EDITORIAL_CORRECTION)
    _el(_el(ed, "segmentation"), "p", None, EDITORIAL_SEGMENTATION)
    roots = tag_tree(corpus)
    tag_xml_ids = {t.id: xml_id("tag", t.id) for t in corpus.tags}
    if roots:
        taxonomy = _el(_el(enc, "classDecl"), "taxonomy", {_ID: "codebook"})
        _el(taxonomy, "desc", None, "Jiaokan codebook")
        for node in roots:
            _taxonomy(taxonomy, node, tag_xml_ids)

    body = _el(_el(tei, "text"), "body")
    body.text = "\n"
    return tei, body, people, tag_xml_ids


def _source_div(article: ExportArticle) -> ET.Element:
    div = ET.Element(_t("div"), {"type": "source", "decls": "#" + xml_id("source", article.source_id)})
    div.text = div.tail = "\n"
    _el(div, "head", None, article.source_name).tail = "\n"
    return div


def _stand_off(notes: list[tuple[ExportAnnotation, list[str]]], people: dict[str, str]) -> ET.Element:
    stand_off = ET.Element(_t("standOff"))
    list_ann = _el(stand_off, "listAnnotation")
    for ann, ids in notes:
        _el(list_ann, "note", {"type": "annotation", "target": " ".join("#" + i for i in ids),
                               "resp": people.get(ann.author)}, ann.note).tail = "\n"
    return stand_off


def build_tei(corpus: ExportCorpus, ticker: Ticker | None = None) -> ET.Element:
    """The whole document as one tree (:func:`write_tei` streams the same document instead)."""
    tei, body, people, tag_xml_ids = _tei_root(corpus)
    writer = _ArticleWriter(tag_xml_ids, people)
    notes: list[tuple[ExportAnnotation, list[str]]] = []
    source_div: ET.Element | None = None
    current: str | None = None
    for article in corpus.articles:
        if source_div is None or article.source_id != current:
            current = article.source_id
            source_div = _source_div(article)
            body.append(source_div)
        _article(source_div, article, writer, tag_xml_ids, notes)
        if ticker is not None:
            ticker.tick()
    if not corpus.articles:
        _el(body, "p", None, "No articles.")
    if notes:
        tei.append(_stand_off(notes, people))
    return tei


_MARK = "\ue000JIAOKAN-BODY\ue000"


def write_tei(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    """The document written as the articles are read: one article's tree in memory at a time."""
    out = Path(out)
    ticker = Ticker(len(corpus.articles), progress)
    log_skipped("TEI", corpus)
    tei, body, people, tag_xml_ids = _tei_root(corpus)
    body.text = _MARK
    head, tail = ET.tostring(tei, encoding="unicode").split(_MARK)
    writer = _ArticleWriter(tag_xml_ids, people)
    notes: list[tuple[ExportAnnotation, list[str]]] = []
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n' + head + "\n")
        source_div: ET.Element | None = None
        current: str | None = None
        for article in corpus.articles:
            if source_div is None or article.source_id != current:
                if source_div is not None:
                    fh.write("</div>\n")
                current = article.source_id
                source_div = _source_div(article)
                opening = ET.tostring(source_div, encoding="unicode")
                fh.write(opening[: opening.rindex("</div>")])
            _article(source_div, article, writer, tag_xml_ids, notes)
            for child in list(source_div)[1:]:  # the article's div (the head stays, already written)
                fh.write(ET.tostring(child, encoding="unicode"))
                source_div.remove(child)
            ticker.tick()
        if source_div is not None:
            fh.write("</div>\n")
        if not corpus.articles:
            fh.write("<p>No articles.</p>")
        body_end, rest = tail.split("</body>", 1)
        fh.write(body_end + "</body>")
        text_end, root_end = rest.rsplit("</TEI>", 1)
        fh.write(text_end)
        if notes:
            fh.write(ET.tostring(_stand_off(notes, people), encoding="unicode"))
        fh.write("</TEI>" + root_end + "\n")
    return out
