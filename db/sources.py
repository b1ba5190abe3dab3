"""Importing one page dump: the raw file kept exactly, the engine's articles as blocks.

The file's bytes are stored only when its decoded text, re-encoded with the encoding and
byte order mark it was read with, does not give them back exactly (checked at import);
otherwise :func:`db.source_bytes.raw_bytes_of` rebuilds them from ``raw_text``.

Importing is split in two so the slow half can run anywhere (a worker thread or
process): :func:`prepare` decodes and reflows without touching the database;
:func:`store` writes the result in one transaction. Identical content (same
SHA-256) is recognised and skipped; changed content at a path imported before
becomes a new version of that source, linked to the previous one, whose
articles and annotations stay as they were (annotations are copied onto the
new version by re-anchoring, see :mod:`db.anchoring`).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import reader
from db import search_index
from db.articles import next_id, runs_of, runs_to_json
from db.connection import Connection, now
from db.derived_text import derivable
from db.errors import NotFound
from db.events import Change, event
from db.folding import fold, squeeze
from db.models import BlockRole, ImportOutcome, ImportStatus
from db.page_header import read_attributes
from db.search_index import grams
from db.source_bytes import raw_bytes_of, reencode
from reader.model import ArticleKind, BlockKind

#: Page dumps are tens of kilobytes; anything this big is not one, and the
#: engine would take minutes on it (a 50 MB single line, say).
MAX_DUMP_BYTES = 8 * 1024 * 1024


class ImportRefused(Exception):
    """A file that cannot be imported; ``reason`` is shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class PreparedBlock:
    role: str
    text: str
    runs: str  # compact JSON
    confidence: float = 1.0  #: the engine's, that the boundary before the block is right
    derived: bool = False  #: ``text`` is its runs' slices of the raw text: not stored (schema 7)


@dataclass(slots=True)
class PreparedArticle:
    kind: str
    engine_index: int
    engine_notes: str | None
    blocks: list[PreparedBlock] = field(default_factory=list)
    confidence: float = 1.0  #: the engine's, that the article starts where it does
    grams: str = ""  #: the search index's tokens of the article text

    def finish(self) -> PreparedArticle:
        """Compute the article's search tokens (CPU work done wherever prepare runs)."""
        self.grams = grams(squeeze(fold("\n".join(b.text for b in self.blocks))).text)
        return self


@dataclass(slots=True)
class Prepared:
    """Everything :func:`store` writes for one dump; picklable, no database needed."""

    path: str
    name: str
    sha256: str
    data: bytes
    text: str
    encoding: str
    had_bom: bool
    engine_version: str
    extractor: str
    layout: str
    furniture: str
    articles: list[PreparedArticle]
    keep_bytes: bool = True  #: False when ``text`` re-encoded gives ``data`` exactly


def printable_path(path: str | Path) -> str:
    """A file name as text that can be stored and shown, whatever bytes the file system holds.

    Names that are not valid UTF-8 reach Python with their bad bytes as lone surrogates,
    which SQLite and the terminal refuse; they are kept as ``\\xNN`` escapes instead (the
    same name always gives the same text, so a later import of it is recognised).
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def read_file(path: str | Path, max_bytes: int = MAX_DUMP_BYTES) -> bytes:
    """Read a dump, refusing what is not a regular, readable, plausibly sized file."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        reason = "broken symbolic link" if os.path.islink(path) else "no such file"
        raise ImportRefused(reason) from exc
    except OSError as exc:
        raise ImportRefused(f"cannot be read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise ImportRefused("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "not a regular file"
        raise ImportRefused(f"is {kind}, not a page dump")
    if st.st_size > max_bytes:
        raise ImportRefused(
            f"too large for a page dump ({st.st_size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)"
        )
    try:
        with open(name, "rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise ImportRefused("cannot be read: permission denied") from exc
    except OSError as exc:
        raise ImportRefused(f"cannot be read: {exc.strerror or exc}") from exc


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _article_blocks(article: reader.Article, raw: str) -> list[PreparedBlock]:
    """The data-model decision: an article is an ordered list of role-tagged blocks."""
    out: list[PreparedBlock] = []

    def block(role: BlockRole, traced: reader.TracedText, confidence: float = 1.0) -> PreparedBlock:
        runs = runs_of(traced.sources)
        derived = derivable(traced.text, raw, runs)
        return PreparedBlock(role.value, traced.text, runs_to_json(runs), confidence, derived)

    heads = (
        (BlockRole.JUMP, article.continued_from),
        (BlockRole.KICKER, article.kicker),
        (BlockRole.TITLE, article.title),
        (BlockRole.SUBTITLE, article.subtitle),
        (BlockRole.BYLINE, article.byline),
    )
    for role, traced in heads:
        if traced:
            out.append(block(role, traced))
    body_role = BlockRole.CAPTION if article.kind is ArticleKind.PHOTO else BlockRole.PARAGRAPH
    for body in article.blocks:
        role = BlockRole.SUBHEAD if body.kind is BlockKind.SUBHEAD else body_role
        out.append(block(role, body.text, body.confidence))
    for credit in article.more_bylines:  # a foot credit stands after the body it signs
        out.append(block(BlockRole.BYLINE, credit))
    return out


def prepare(data: bytes, path: str) -> Prepared:
    """Decode and reflow; raises :class:`ImportRefused` with the reason a person needs."""
    path = printable_path(path)
    name = os.path.basename(path) or path
    if len(data) > MAX_DUMP_BYTES:
        raise ImportRefused(f"too large for a page dump ({len(data) / 1e6:.1f} MB)")
    try:
        decoded = reader.decode_bytes(data, name)
    except reader.DecodeError as exc:
        raise ImportRefused(exc.reason) from exc
    try:
        doc = reader.reflow_text(decoded.text, path, decoded.encoding)
    except Exception as exc:  # an engine bug must not stop an import of many files
        raise ImportRefused(f"the reflow engine failed on it ({type(exc).__name__}: {exc})") from exc
    articles = [
        PreparedArticle(a.kind.value, i, a.notes, _article_blocks(a, decoded.text), a.confidence).finish()
        for i, a in enumerate(doc.articles)
    ]
    furniture = json.dumps(
        [[f.text, runs_of(f.sources)] for f in doc.furniture], ensure_ascii=False, separators=(",", ":")
    )
    return Prepared(
        path=path,
        name=name,
        sha256=sha256(data),
        data=data,
        text=decoded.text,
        encoding=decoded.encoding,
        had_bom=decoded.had_bom,
        engine_version=reader.ENGINE_VERSION,
        extractor=doc.extractor.value,
        layout=doc.layout.value,
        furniture=furniture,
        articles=articles,
        keep_bytes=reencode(decoded.text, decoded.encoding, decoded.had_bom) != data,
    )


def find_by_sha(cx: Connection, digest: str) -> tuple[int, str] | None:
    with cx.read() as conn:
        row = conn.execute("SELECT id, name FROM sources WHERE sha256 = ? ORDER BY id LIMIT 1", (digest,)).fetchone()
    return (row[0], row[1]) if row else None


def _insert_articles(
    conn, source_id: int, articles: list[PreparedArticle], grams_later: list | None
) -> tuple[list[int], list[list[int]]]:
    """Write the articles and their blocks with ids given here (bulk inserts); returns the ids.

    Blocks go to ``block_store`` directly, a derived block without its text (schema 7). The
    articles' search tokens go into ``grams_later`` when given (the caller indexes a whole batch
    at once), else into the index now.
    """
    stamp = now()
    first_article = next_id(conn, "articles")
    block_id = next_id(conn, "block_store")
    article_rows, block_rows, indexed = [], [], []
    article_ids, block_ids = [], []
    for position, art in enumerate(articles):
        article_id = first_article + position
        headline = " ".join(
            b.text for role in ("kicker", "title", "subtitle") for b in art.blocks if b.role == role and b.text
        )
        article_rows.append(
            (article_id, source_id, position, art.kind, art.engine_index, headline, art.engine_notes, stamp)
        )
        article_ids.append(article_id)
        indexed.append((article_id, art.grams))
        ids = list(range(block_id, block_id + len(art.blocks)))
        block_id += len(art.blocks)
        block_ids.append(ids)
        block_rows.extend(
            (bid, article_id, k, b.role, None if b.derived else b.text, b.runs)
            for k, (bid, b) in enumerate(zip(ids, art.blocks, strict=True))
        )
    conn.executemany(
        "INSERT INTO articles (id, source_id, position, kind, engine_index, headline, engine_notes, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        article_rows,
    )
    # original_text stays NULL ("as the engine made it") until an edit first changes the block
    conn.executemany(
        "INSERT INTO block_store (id, article_id, position, role, text, runs) VALUES (?, ?, ?, ?, ?, ?)", block_rows
    )
    search_index.insert_articles(conn, [aid for aid, _ in indexed])
    if grams_later is None:
        search_index.insert_grams(conn, indexed)
    else:
        grams_later.extend(indexed)
    return article_ids, block_ids


def _page_attributes(conn, prep: Prepared, previous_id: int | None) -> tuple[str | None, str, int | None]:
    """The page's date, name and number: a person's corrections of the previous version, else as read."""
    from db.source_attributes import attributes, furniture_texts

    if previous_id is not None and conn.execute(
        "SELECT 1 FROM source_changes WHERE source_id = ? LIMIT 1", (previous_id,)
    ).fetchone():
        kept = attributes(conn, previous_id)
    else:
        kept = read_attributes(prep.name, prep.text, furniture_texts(prep.furniture))
    return kept.date, kept.name, kept.number


def store(
    cx: Connection, prep: Prepared, *, new_version_of: int | None = None, grams_later: list | None = None
) -> ImportOutcome:
    """Write a prepared dump in one transaction (or recognise it as already there).

    ``grams_later``: a list that receives the new articles' search tokens for the caller to
    index in the same transaction (FTS5 writes a segment at every savepoint: a batch of files
    indexed at once makes one), instead of indexing them here.
    """
    from db import engine_record
    from db.annotations import carry_over

    with cx.write() as conn:
        if new_version_of is None:
            same = conn.execute("SELECT id, name FROM sources WHERE sha256 = ? ORDER BY id LIMIT 1", (prep.sha256,))
            row = same.fetchone()
            if row is not None:
                return ImportOutcome(
                    prep.path, ImportStatus.SKIPPED, row[0], f"identical content already imported as source #{row[0]}"
                )
            prev = conn.execute(
                "SELECT id, version FROM sources WHERE path = ? ORDER BY version DESC LIMIT 1", (prep.path,)
            ).fetchone()
        else:
            prev = conn.execute("SELECT id, version FROM sources WHERE id = ?", (new_version_of,)).fetchone()
            if prev is None:
                raise NotFound("source", new_version_of)
            latest = conn.execute(
                "SELECT id, version FROM sources WHERE path = (SELECT path FROM sources WHERE id = ?)"
                " ORDER BY version DESC LIMIT 1",
                (new_version_of,),
            ).fetchone()
            prev = latest
        version = prev[1] + 1 if prev else 1
        cur = conn.execute(
            "INSERT INTO sources (path, name, version, previous_id, sha256, size, raw_bytes, raw_text, encoding,"
            " had_bom, imported_at, engine_version, extractor, layout, furniture, page_date, page_name, page_number,"
            " attributes_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (
                prep.path,
                prep.name,
                version,
                prev[0] if prev else None,
                prep.sha256,
                len(prep.data),
                prep.data if prep.keep_bytes else None,
                prep.text,
                prep.encoding,
                int(prep.had_bom),
                now(),
                prep.engine_version,
                prep.extractor,
                prep.layout,
                prep.furniture,
                *_page_attributes(conn, prep, prev[0] if prev else None),
            ),
        )
        source_id = cur.lastrowid
        article_ids, block_ids = _insert_articles(conn, source_id, prep.articles, grams_later)
        engine_record.record(conn, source_id, article_ids, prep.articles, block_ids)
        orphaned = 0
        status = ImportStatus.IMPORTED
        if prev:
            status = ImportStatus.NEW_VERSION
            conn.execute("UPDATE sources SET superseded = 1 WHERE id = ?", (prev[0],))
            _, orphaned = carry_over(conn, prev[0], source_id)
        cx.announce(
            event(Change.SOURCES | Change.ARTICLES | Change.ANNOTATIONS, sources=[source_id], articles=article_ids)
        )
    reason = f"version {version} of {prep.path}" if prev else ""
    return ImportOutcome(prep.path, status, source_id, reason, len(article_ids), orphaned)


def import_file(cx: Connection, path: str | Path, *, max_bytes: int = MAX_DUMP_BYTES) -> ImportOutcome:
    """Import one file; never raises for a bad file, returns a FAILED outcome with the reason."""
    real = os.path.abspath(path)
    abspath = printable_path(real)
    try:
        data = read_file(real, max_bytes)
        existing = find_by_sha(cx, sha256(data))
        if existing is not None:
            return ImportOutcome(
                abspath,
                ImportStatus.SKIPPED,
                existing[0],
                f"identical content already imported as source #{existing[0]}",
            )
        prep = prepare(data, real)
    except ImportRefused as exc:
        return ImportOutcome(abspath, ImportStatus.FAILED, reason=exc.reason)
    return store(cx, prep)


def reflow_source(cx: Connection, source_id: int) -> ImportOutcome:
    """Re-run the engine on a stored source: the result becomes its next version."""
    with cx.read() as conn:
        row = conn.execute(
            "SELECT raw_bytes, path, raw_text, encoding, had_bom FROM sources WHERE id = ?", (source_id,)
        ).fetchone()
    if row is None:
        raise NotFound("source", source_id)
    try:
        prep = prepare(raw_bytes_of(row[0], row[2], row[3], bool(row[4])), row[1])
    except ImportRefused as exc:
        return ImportOutcome(row[1], ImportStatus.FAILED, reason=exc.reason)
    return store(cx, prep, new_version_of=source_id)
