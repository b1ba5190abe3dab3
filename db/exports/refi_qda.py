"""REFI-QDA (QDA-XML 1.0): a project ``.qdpx`` for ATLAS.ti, MAXQDA, NVivo, QDA Miner, …; a codebook ``.qdc``.

The ``.qdpx`` is a zip holding ``project.qde`` (UTF-8, no BOM, LF) and a lowercase
``sources/`` folder with one plain-text file per article (the current, corrected
article text, UTF-8 without BOM), referenced as ``internal://<guid>.txt``.

- Users: everyone who appears as an author (GUIDs derived from the name), and
  :data:`UNSIGNED_USER` when a passage or a note has no author.
- CodeBook: the tags as nested ``Code`` elements with ``#RRGGBB`` colours; a parent path
  no tag stands for is written ``isCodable="false"``.
- Variables: source, date, kind and review state, set per article with ``VariableValue``.
- Sources: one ``TextSource`` per article; each placed annotation is a ``PlainTextSelection``
  (``startPosition``/``endPosition`` in code points, end exclusive) with one ``Coding`` to its code.
  The source's ``Description`` is a line of source, kind and review state, then the article's notes.
- Notes: an annotation's note and each of an article's notes are ``Note`` elements in ``Notes``,
  referred to by ``NoteRef`` from the selection or the source. A passage's note is also the
  selection's ``Description`` (schema order: Description, Coding, NoteRef): QualCoder reads a
  coding's memo from there and ignores a selection's NoteRef; it also drops a source's
  NoteRef'd notes, so the article's notes are in the source's Description too.
- Authors and times: every ``Note``, ``PlainTextSelection`` and ``Coding`` carries
  ``creatingUser`` (declared in ``Users``) and ``creationDateTime`` (QualCoder reads a note's date
  without a check: one missing date fails the whole import). What the store does not know (a
  passage without author) is :data:`UNSIGNED_USER`; a time that cannot be read is the export's time.
  Times are UTC to the second with "Z" (:func:`refi_time`), as REFI-QDA tools write them.
- Sets: one set per newspaper source file, its articles as members.

Orphaned annotations are skipped (a selection needs a true position). Containers that
would be empty are left out: the schema does not allow them.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from db.exports.common import (
    SOFTWARE,
    ExportError,
    Progress,
    TagNode,
    Ticker,
    article_notes,
    atomic_path,
    log_skipped,
    placed_annotations,
    tag_tree,
)
from db.exports.model import ExportArticle, ExportCorpus
from db.exports.values import derived_guid, guid, rgb, xml_text, xsd_date, xsd_datetime

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

#: Article variables: (name, typeOfVariable).
_VARIABLES = (
    ("来源 source", "Text"),
    ("日期 date", "Date"),
    ("版名 page name", "Text"),
    ("版次 page number", "Integer"),
    ("类型 kind", "Text"),
    ("校对状态 review state", "Text"),
)


def article_guid(article: ExportArticle) -> str:
    return guid(article.id, "article")


def source_file_name(article: ExportArticle) -> str:
    """The file name of an article's text inside ``sources/``."""
    return f"{article_guid(article)}.txt"


#: The user written for a passage or note the store has no author for (REFI-QDA tools need one).
UNSIGNED_USER = "未署名 unsigned"


def user_guid(name: str) -> str:
    return derived_guid("user", name or UNSIGNED_USER)


def user_names(corpus: ExportCorpus) -> list[str]:
    """Everyone who appears as an author, corpus list first, and :data:`UNSIGNED_USER` if anything is unsigned."""
    seen: dict[str, None] = dict.fromkeys(name for name in corpus.authors if name)
    unsigned = False
    for article in corpus.articles:
        for item in (*article.annotations, *article.corrections, *article_notes(article)):
            if item.author:
                seen.setdefault(item.author, None)
            else:
                unsigned = True
    if unsigned:
        seen.setdefault(UNSIGNED_USER, None)
    return list(seen)


_REFI_TIME = "%Y-%m-%dT%H:%M:%SZ"


def refi_time(value: str | None) -> str | None:
    """An ISO 8601 time as REFI-QDA tools write it: UTC, whole seconds, "Z" (an ``xsd:dateTime``).

    QualCoder turns it into its own "YYYY-MM-DD HH:MM:SS" by dropping "T" and "Z"; an offset or
    fractional seconds would survive into its dates. A time without a zone is taken as UTC.
    """
    text = xsd_datetime(value)
    if text is None:
        return None
    dt = datetime.fromisoformat(text)
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC).strftime(_REFI_TIME)


#: A note as written to ``Notes``: guid, name, text, author, created, updated.
_Note = tuple[str, str, str, str, str, str]


class _Builder:
    def __init__(self, ns: str) -> None:
        self.ns = ns

    def el(self, parent: ET.Element | None, name: str, attrs: dict[str, str | None] | None = None) -> ET.Element:
        clean = {k: v for k, v in (attrs or {}).items() if v is not None}
        if parent is None:  # ElementTree cannot write a default namespace with unqualified attributes
            return ET.Element(name, {"xmlns": self.ns, **clean})
        return ET.SubElement(parent, name, clean)

    def text_el(self, parent: ET.Element, name: str, text: str) -> ET.Element:
        e = self.el(parent, name)
        e.text = xml_text(text)
        return e


def _codes(b: _Builder, parent: ET.Element, node: TagNode, *, with_notes: bool = False) -> None:
    code = b.el(
        parent,
        "Code",
        {
            "guid": guid(node.id, "tag"),
            "name": xml_text(node.name),
            "isCodable": "true" if node.tag is not None else "false",
            "color": rgb(node.tag.colour) if node.tag is not None else None,
        },
    )
    if node.tag is not None and node.tag.description:
        b.text_el(code, "Description", node.tag.description)
    for child in node.children:
        _codes(b, code, child, with_notes=with_notes)


def _serialise(root: ET.Element) -> bytes:
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def build_codebook(corpus: ExportCorpus) -> bytes:
    roots = tag_tree(corpus)
    if not roots:
        raise ExportError("the codebook has no tags: a REFI-QDA codebook needs at least one code")
    b = _Builder(CODEBOOK_NS)
    root = b.el(None, "CodeBook", {"origin": SOFTWARE})
    codes = b.el(root, "Codes")
    for node in roots:
        _codes(b, codes, node)
    return _serialise(root)


def write_qdc(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    """The codebook alone (``.qdc``). Raises :class:`ExportError` when there are no tags."""
    out = Path(out)
    ticker = Ticker(1, progress)
    data = build_codebook(corpus)
    with atomic_path(out) as tmp:
        tmp.write_bytes(data)
        ticker.tick()
    return out


def _head(b: _Builder, corpus: ExportCorpus, var_guids: list[str], now: str) -> str:
    """``<Project …>`` with the users, the codebook and the variables, as text without the closing tag."""
    root = b.el(None, "Project", {"name": xml_text(corpus.project_name), "origin": SOFTWARE, "creationDateTime": now})
    authors = user_names(corpus)
    if authors:
        users = b.el(root, "Users")
        for name in authors:
            b.el(users, "User", {"guid": user_guid(name), "name": xml_text(name)})
    roots = tag_tree(corpus)
    if roots:
        codes = b.el(b.el(root, "CodeBook"), "Codes")
        for node in roots:
            _codes(b, codes, node)
    if corpus.articles:
        variables = b.el(root, "Variables")
        for (name, kind), vg in zip(_VARIABLES, var_guids, strict=True):
            b.el(variables, "Variable", {"guid": vg, "name": name, "typeOfVariable": kind})
    text = ET.tostring(root, encoding="unicode")
    return text[: -len(" />")] + ">" if text.endswith(" />") else text[: -len("</Project>")]


def _text_source(
    b: _Builder, article: ExportArticle, tag_ids: set[str], var_guids: list[str], notes: list[_Note], now: str
) -> ET.Element:
    """One article's ``TextSource`` (its selections, codings, note references and variable values)."""
    holder = ET.Element("Sources")
    src = b.el(
        holder,
        "TextSource",
        {"guid": article_guid(article), "name": xml_text(article.headline or f"article {article.id}"),
         "plainTextPath": f"internal://{source_file_name(article)}"},
    )
    article_notes_ = article_notes(article)
    meta = f"{article.source_name} · {article.kind} · {article.review_state}"
    b.text_el(src, "Description", "\n\n".join([meta, *(n.text for n in article_notes_)]))
    for ann in placed_annotations(article):
        if ann.tag_id not in tag_ids:
            continue
        created = refi_time(ann.created) or now
        user = user_guid(ann.author)
        modified = refi_time(ann.updated)
        sel = b.el(
            src,
            "PlainTextSelection",
            {
                "guid": guid(ann.id, "annotation"),
                "name": xml_text(ann.quote[:60]),
                "startPosition": str(ann.start),
                "endPosition": str(ann.end),
                "creatingUser": user,
                "creationDateTime": created,
                "modifyingUser": user if modified else None,
                "modifiedDateTime": modified,
            },
        )
        if ann.note:
            b.text_el(sel, "Description", ann.note)
        coding = b.el(
            sel,
            "Coding",
            {"guid": derived_guid("coding", ann.id), "creatingUser": user, "creationDateTime": created},
        )
        b.el(coding, "CodeRef", {"targetGUID": guid(ann.tag_id, "tag")})
        if ann.note:
            ng = derived_guid("annotation-note", ann.id)
            notes.append((ng, ann.quote[:60], ann.note, ann.author, ann.created, ann.updated))
            b.el(sel, "NoteRef", {"targetGUID": ng})
    for note in article_notes_:
        ng = derived_guid("article-note", note.id)
        notes.append((ng, article.headline or article.id, note.text, note.author, note.created, note.updated))
        b.el(src, "NoteRef", {"targetGUID": ng})
    number = article.source_page_number
    values = (article.source_name, xsd_date(article.source_date), article.source_page_name,
              None if number is None else str(number), article.kind, article.review_state)
    for (_, kind), vg, value in zip(_VARIABLES, var_guids, values, strict=True):
        if not value:
            continue
        vv = b.el(src, "VariableValue")
        b.el(vv, "VariableRef", {"targetGUID": vg})
        b.text_el(vv, f"{kind}Value", value)
    return src


def stream_project(corpus: ExportCorpus, fh: TextIO, ticker: Ticker | None = None) -> None:
    """Write ``project.qde`` to ``fh`` article by article: only one article's XML is held at a time."""
    b = _Builder(PROJECT_NS)
    tag_ids = {t.id for t in corpus.tags}
    var_guids = [derived_guid("variable", name) for name, _ in _VARIABLES]
    now = datetime.now(UTC).strftime(_REFI_TIME)
    fh.write('<?xml version="1.0" encoding="utf-8"?>\n' + _head(b, corpus, var_guids, now))
    notes: list[_Note] = []
    by_source: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    if corpus.articles:
        fh.write("<Sources>")
        for article in corpus.articles:
            fh.write(ET.tostring(_text_source(b, article, tag_ids, var_guids, notes, now), encoding="unicode"))
            by_source.setdefault(article.source_id, []).append(article_guid(article))
            names[article.source_id] = article.source_name
            if ticker is not None:
                ticker.tick()
        fh.write("</Sources>")
    if notes:
        notes_el = ET.Element("Notes")
        for ng, name, text, author, created, updated in notes:
            modified = refi_time(updated)
            note = b.el(
                notes_el,
                "Note",
                {
                    "guid": ng,
                    "name": xml_text(name),
                    "creatingUser": user_guid(author),
                    "creationDateTime": refi_time(created) or now,
                    "modifyingUser": user_guid(author) if modified else None,
                    "modifiedDateTime": modified,
                },
            )
            b.text_el(note, "PlainTextContent", text)
        fh.write(ET.tostring(notes_el, encoding="unicode"))
    if by_source:
        sets = ET.Element("Sets")
        for source_id, members in by_source.items():
            s = b.el(sets, "Set", {"guid": guid(source_id, "source"), "name": xml_text(names[source_id])})
            for member in members:
                b.el(s, "MemberSource", {"targetGUID": member})
        fh.write(ET.tostring(sets, encoding="unicode"))
    fh.write("</Project>\n")


def build_project(corpus: ExportCorpus, ticker: Ticker | None = None) -> bytes:
    """``project.qde`` for the corpus (article texts go beside it in ``sources/``)."""
    buf = io.StringIO()
    stream_project(corpus, buf, ticker)
    return buf.getvalue().encode("utf-8")


def write_qdpx(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    """A REFI-QDA project: ``project.qde`` plus ``sources/<guid>.txt`` per article, zipped.

    ``project.qde`` is written into the zip as it is made (one article's XML in memory at a time);
    the article texts follow in a second pass over the corpus.
    """
    out = Path(out)
    ticker = Ticker(2 * len(corpus.articles), progress)
    log_skipped("REFI-QDA", corpus)
    with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("project.qde", "w", force_zip64=True) as raw:
            fh = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
            stream_project(corpus, fh, ticker)
            fh.flush()
            fh.detach()
        for article in corpus.articles:
            zf.writestr(f"sources/{source_file_name(article)}", article.text.encode("utf-8"))
            ticker.tick()
    return out
