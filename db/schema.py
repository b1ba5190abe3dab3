"""The project file's schema, as sqlite-utils migrations: one function per version.

Each migration runs in one transaction together with the row recording it
(sqlite-utils ``Migrations``) and ends by setting ``PRAGMA user_version`` to its
schema number, which is what :mod:`db.project` compares to refuse files written
by a newer Jiaokan. Never edit a shipped migration: add a new one, bump
:data:`SCHEMA_VERSION`, and keep a fixture file of the previous schema in
``tests/db/fixtures`` (see ``make_fixtures.py`` there).

Schema 1: sources, articles, blocks, the edit history, the codebook, annotations.
Schema 2: review state per article, article notes, the folded search index, and the
merge bookkeeping (origins of merged edits, conflicts kept for the user).
Schema 3: the engine's own segmentation of each page as imported, with its confidence in
every boundary (``engine_articles``, ``engine_blocks``), and the doubts an editor checked
("looks right", ``doubt_checks``); see :mod:`db.engine_record` and :mod:`db.doubts`.
Schema 4: the text stored once. ``sources.raw_bytes`` is NULL where the decoded text
re-encoded (encoding, BOM) gives the file's bytes exactly; ``articles.text`` is gone (an
article's text is its blocks' texts joined by "\\n", see :mod:`db.articles`);
``search_docs.folded`` is NULL where folding left the article text unchanged.
Schema 5: a page's attributes, editable: its date (``sources.page_date``, ISO), name (``page_name``,
版名) and number (``page_number``, 版次), read at import from the file name and running header
(:mod:`db.page_header`); ``attributes_read`` is 0 until they have been read (the project reads
them after opening an upgraded file), and every edit of them is kept in ``source_changes``
(append-only, like ``edits``; see :mod:`db.source_attributes`). Passages are indexed by place and
tag, and by coder, for the Coded Passages view (:mod:`db.passages`).
Schema 6: no folded copy at all. Search folds the candidates' text
when it reads them; ``search_articles`` marks the indexed articles and keeps an article's
text as indexed only while a change to its blocks waits to be indexed; the gram index
(``search_grams``, refilled by the project after the upgrade) also holds hashed trigrams.
``engine_blocks.runs`` is '' while the block still holds the engine's runs (kept aside by a
trigger before an edit changes or deletes the block).
Schema 7: a block the engine made stores no text: ``blocks`` is a view over ``block_store`` that
reads it from the page's raw text through the block's runs; see :mod:`db.schema_v7` and
:mod:`db.derived_text`.

Migrations are frozen: each carries its own DDL as literal text (the role and review-state
lists in their CHECK constraints included) and imports nothing from the rest of the store,
so a later change to a feature module can never change what an old upgrade does. This
module sits at the bottom of the store's import graph. Work that needs live code (filling
the search index of an upgraded file) is not a migration's: the project runs it after
opening (:func:`db.project.Project.open` finds articles missing from the index).

``blocks.original_text`` is the engine's text of the block: NULL while the block
is unchanged since import (its ``text`` is then the original), "" for a block
that an edit created (a split), otherwise the text before the first edit.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db import schema_v7
from db.models import ReviewState

#: The schema this code writes. Files with a higher ``user_version`` are refused.
SCHEMA_VERSION = 7

#: ``PRAGMA application_id`` of every project file: "JKAN".
APPLICATION_ID = 0x4A4B414E

MIGRATION_SET = "jiaokan"

#: The review states (declared once, in :class:`db.models.ReviewState`); kept here for callers.
REVIEW_STATES = tuple(state.value for state in ReviewState)

migrations = Migrations(MIGRATION_SET)

#: Frozen: the block roles schema 1 accepts (the living list is :class:`db.models.BlockRole`).
_ROLE_CHECK_1 = "'jump', 'kicker', 'title', 'subtitle', 'byline', 'paragraph', 'subhead', 'caption'"

SCHEMA_1 = [
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE sources (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        previous_id INTEGER REFERENCES sources(id),
        superseded INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        raw_bytes BLOB NOT NULL,
        raw_text TEXT NOT NULL,
        encoding TEXT NOT NULL,
        had_bom INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        engine_version TEXT NOT NULL,
        extractor TEXT,
        layout TEXT,
        furniture TEXT NOT NULL DEFAULT '[]',
        UNIQUE (path, version)
    )""",
    "CREATE INDEX sources_sha256 ON sources(sha256)",
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        engine_index INTEGER,
        text TEXT NOT NULL,
        headline TEXT NOT NULL DEFAULT '',
        engine_notes TEXT,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_source ON articles(source_id, position)",
    f"""CREATE TABLE blocks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ({_ROLE_CHECK_1})),
        text TEXT NOT NULL,
        runs TEXT NOT NULL DEFAULT '[]',
        original_text TEXT
    )""",
    "CREATE INDEX blocks_article ON blocks(article_id, position)",
    """CREATE TABLE edits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        author TEXT,
        op TEXT NOT NULL,
        article_id INTEGER,
        other_article_id INTEGER,
        params TEXT NOT NULL,
        before TEXT NOT NULL,
        after TEXT NOT NULL,
        steps TEXT NOT NULL,
        note TEXT,
        reverts INTEGER REFERENCES edits(id)
    )""",
    "CREATE INDEX edits_article ON edits(article_id)",
    "CREATE INDEX edits_other_article ON edits(other_article_id)",
    "CREATE INDEX edits_reverts ON edits(reverts)",
    """CREATE TRIGGER edits_append_only_update BEFORE UPDATE ON edits
       BEGIN SELECT RAISE(ABORT, 'the edit history is append-only'); END""",
    """CREATE TRIGGER edits_append_only_delete BEFORE DELETE ON edits
       BEGIN SELECT RAISE(ABORT, 'the edit history is append-only'); END""",
    """CREATE TABLE tags (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        parent_id INTEGER REFERENCES tags(id),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        colour TEXT,
        description TEXT NOT NULL DEFAULT '',
        slot INTEGER UNIQUE CHECK (slot BETWEEN 1 AND 9),
        created_at TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX tags_sibling_name ON tags(coalesce(parent_id, 0), name)",
    """CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        tag_id INTEGER NOT NULL REFERENCES tags(id),
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        author TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0,
        copied_from INTEGER,
        CHECK (0 <= char_start AND char_start <= char_end)
    )""",
    "CREATE INDEX annotations_article ON annotations(article_id, char_start)",
    "CREATE INDEX annotations_tag ON annotations(tag_id)",
    "PRAGMA user_version = 1",
]


@migrations(name="0001_store")
def m0001_store(db: Database) -> None:
    for statement in SCHEMA_1:
        db.execute(statement)


#: Frozen: the review states schema 2 accepts.
_STATE_CHECK_2 = "'unreviewed', 'in_progress', 'proofread'"

SCHEMA_2 = [
    f"""ALTER TABLE articles ADD COLUMN review_state TEXT NOT NULL DEFAULT 'unreviewed'
        CHECK (review_state IN ({_STATE_CHECK_2}))""",
    "CREATE INDEX articles_review ON articles(source_id, review_state)",
    """CREATE TABLE article_notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        text TEXT NOT NULL,
        author TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX article_notes_article ON article_notes(article_id)",
]


#: Frozen copy of the search index tables of schema 2 (:mod:`db.search_index` fills them).
SEARCH_TABLES_2 = [
    "CREATE TABLE search_docs (article_id INTEGER PRIMARY KEY, folded TEXT NOT NULL, spaced INTEGER NOT NULL)",
    "CREATE VIRTUAL TABLE search_grams USING fts5(grams, content='', detail='none', tokenize='ascii')",
]

ORIGINS_TABLE = "merge_origins"
CONFLICTS_TABLE = "merge_conflicts"

#: Frozen: the merge bookkeeping of schema 2 (:mod:`db.merge`); ``IF NOT EXISTS`` because files
#: written before schema 2 was released may have created them on their first merge.
MERGE_TABLES_SQL = [
    "CREATE TABLE IF NOT EXISTS merge_origins (edit_id INTEGER PRIMARY KEY, origin TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS merge_origins_origin ON merge_origins(origin)",
    """CREATE TABLE IF NOT EXISTS merge_conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created_at TEXT NOT NULL,
        origin TEXT NOT NULL,
        kind TEXT NOT NULL,
        op TEXT NOT NULL,
        source_id INTEGER,
        article_id INTEGER,
        start INTEGER,
        end INTEGER,
        base TEXT NOT NULL DEFAULT '',
        ours TEXT NOT NULL DEFAULT '',
        theirs TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        author TEXT,
        note TEXT,
        at TEXT,
        origin_file TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        payload TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
        resolved_at TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS merge_conflicts_origin ON merge_conflicts(origin)",
]


@migrations(name="0002_review_notes_search")
def m0002_review_notes_search(db: Database) -> None:
    # The search tables start empty: the project indexes the articles after the upgrade commits.
    for statement in SCHEMA_2 + SEARCH_TABLES_2 + MERGE_TABLES_SQL:
        db.execute(statement)
    db.execute("PRAGMA user_version = 2")


# Rows keyed by the ids the import gave; no foreign keys to ``blocks``/``articles`` on purpose:
# a join deletes a block and undoing it puts the block back with the same id, so the
# engine's record of it (and its doubt) must outlive the row in between.
SCHEMA_3 = [
    """CREATE TABLE engine_articles (
        article_id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        engine_index INTEGER NOT NULL,
        confidence REAL NOT NULL DEFAULT 1.0 CHECK (confidence BETWEEN 0.0 AND 1.0)
    )""",
    "CREATE INDEX engine_articles_source ON engine_articles(source_id, engine_index)",
    """CREATE TABLE engine_blocks (
        block_id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES engine_articles(article_id),
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        runs TEXT NOT NULL DEFAULT '[]',
        confidence REAL NOT NULL DEFAULT 1.0 CHECK (confidence BETWEEN 0.0 AND 1.0),
        boundary_confidence REAL NOT NULL DEFAULT 1.0 CHECK (boundary_confidence BETWEEN 0.0 AND 1.0)
    )""",
    "CREATE INDEX engine_blocks_article ON engine_blocks(article_id, position)",
    "CREATE INDEX engine_blocks_doubt ON engine_blocks(boundary_confidence)",
    """CREATE TABLE doubt_checks (
        block_id INTEGER PRIMARY KEY REFERENCES engine_blocks(block_id),
        author TEXT,
        checked_at TEXT NOT NULL
    )""",
    "PRAGMA user_version = 3",
]


@migrations(name="0003_engine_confidence")
def m0003_engine_confidence(db: Database) -> None:
    for statement in SCHEMA_3:
        db.execute(statement)


MIGRATION_NAMES = (
    "0001_store",
    "0002_review_notes_search",
    "0003_engine_confidence",
    "0004_text_once",
    "0005_source_attributes",
    "0006_search_without_folds",
    "0007_text_derived",
)


#: Frozen: the byte order marks schema 4 re-encodes with (as ``reader.decoding`` read them in 2026).
_BOMS_4 = {
    "utf-32-le": b"\xff\xfe\x00\x00",
    "utf-32-be": b"\x00\x00\xfe\xff",
    "utf-8": b"\xef\xbb\xbf",
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
}


def _reencodes_4(data: bytes, text: str, encoding: str, had_bom: bool) -> bool:
    """Whether the decoded text gives back the file's bytes exactly (frozen copy of the rule)."""
    try:
        prefix = _BOMS_4[encoding.lower()] if had_bom else b""
        return prefix + text.encode(encoding) == data
    except (KeyError, LookupError, UnicodeError):
        return False


class ArticleTextMismatch(Exception):
    """An article whose stored text is not its blocks' texts joined: dropping it would lose text."""


def _check_article_texts_4(db: Database) -> None:
    """Refuse the upgrade (nothing changed) if any article's text is not what its blocks give."""
    blocks = db.conn.execute("SELECT article_id, text FROM blocks ORDER BY article_id, position")
    pending = next(blocks, None)
    for article_id, text in db.conn.execute("SELECT id, text FROM articles ORDER BY id"):
        while pending is not None and pending[0] < article_id:  # blocks of no article: not this check's
            pending = next(blocks, None)
        parts = []
        while pending is not None and pending[0] == article_id:
            parts.append(pending[1])
            pending = next(blocks, None)
        if "\n".join(parts) != text:
            raise ArticleTextMismatch(f"article {article_id}: its text is not the text of its paragraphs")


SCHEMA_4 = [
    # raw bytes only where the decoded text cannot reproduce them (filled in between these statements)
    "ALTER TABLE sources ADD COLUMN raw_kept BLOB",
    # the folded copy only where folding changed the text, compared while articles.text exists;
    # ``search_docs`` becomes a view giving every article's folded text, so its readers are unchanged
    """CREATE TABLE search_folds (
        article_id INTEGER PRIMARY KEY,
        folded TEXT,
        spaced INTEGER NOT NULL
    )""",
    """INSERT INTO search_folds (article_id, folded, spaced)
       SELECT d.article_id, CASE WHEN d.folded IS (SELECT a.text FROM articles a WHERE a.id = d.article_id)
                                 THEN NULL ELSE d.folded END, d.spaced
       FROM search_docs d""",
    "DROP TABLE search_docs",
    # The index forgets an article's old grams by recomputing them from the text it indexed;
    # where only the blocks hold that text, it is kept aside before a block changes.
    """CREATE TRIGGER blocks_keep_indexed_text_insert BEFORE INSERT ON blocks BEGIN
       UPDATE search_folds SET folded = (SELECT coalesce(group_concat(t.text, char(10)), '')
            FROM (SELECT text FROM blocks WHERE article_id = NEW.article_id ORDER BY position) t)
       WHERE article_id = NEW.article_id AND folded IS NULL; END""",
    """CREATE TRIGGER blocks_keep_indexed_text_update BEFORE UPDATE ON blocks BEGIN
       UPDATE search_folds SET folded = (SELECT coalesce(group_concat(t.text, char(10)), '')
            FROM (SELECT text FROM blocks WHERE article_id = search_folds.article_id ORDER BY position) t)
       WHERE article_id IN (OLD.article_id, NEW.article_id) AND folded IS NULL; END""",
    """CREATE TRIGGER blocks_keep_indexed_text_delete BEFORE DELETE ON blocks BEGIN
       UPDATE search_folds SET folded = (SELECT coalesce(group_concat(t.text, char(10)), '')
            FROM (SELECT text FROM blocks WHERE article_id = OLD.article_id ORDER BY position) t)
       WHERE article_id = OLD.article_id AND folded IS NULL; END""",
    """CREATE VIEW search_docs (article_id, folded, spaced) AS
       SELECT f.article_id,
              coalesce(f.folded, (SELECT coalesce(group_concat(t.text, char(10)), '')
                                  FROM (SELECT text FROM blocks WHERE article_id = f.article_id ORDER BY position) t)),
              f.spaced
       FROM search_folds f""",
    "ALTER TABLE sources DROP COLUMN raw_bytes",
    "ALTER TABLE sources RENAME COLUMN raw_kept TO raw_bytes",
    # an article's text is its blocks' texts joined by newlines: not stored twice
    "ALTER TABLE articles DROP COLUMN text",
    "PRAGMA user_version = 4",
]


@migrations(name="0004_text_once")
def m0004_text_once(db: Database) -> None:
    _check_article_texts_4(db)
    kept = []
    for source_id, data, text, encoding, had_bom in db.conn.execute(
        "SELECT id, raw_bytes, raw_text, encoding, had_bom FROM sources"
    ):
        if not _reencodes_4(bytes(data), text, encoding, bool(had_bom)):
            kept.append((bytes(data), source_id))
    db.execute(SCHEMA_4[0])
    db.conn.executemany("UPDATE sources SET raw_kept = ? WHERE id = ?", kept)
    for statement in SCHEMA_4[1:]:
        db.execute(statement)


SCHEMA_5 = [
    "ALTER TABLE sources ADD COLUMN page_date TEXT CHECK (page_date IS NULL OR date(page_date) IS page_date)",
    "ALTER TABLE sources ADD COLUMN page_name TEXT NOT NULL DEFAULT ''",
    """ALTER TABLE sources ADD COLUMN page_number INTEGER
        CHECK (page_number IS NULL OR (typeof(page_number) = 'integer' AND page_number > 0))""",
    "ALTER TABLE sources ADD COLUMN attributes_read INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX sources_page_date ON sources(page_date)",
    """CREATE TABLE source_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        at TEXT NOT NULL,
        author TEXT,
        before TEXT NOT NULL,
        after TEXT NOT NULL
    )""",
    "CREATE INDEX source_changes_source ON source_changes(source_id)",
    # the Coded Passages view walks the passages in reading order (page, article, place) with their
    # tag from the index alone; it serves every query of annotations_article, which it replaces
    "CREATE INDEX annotations_place ON annotations(article_id, char_start, tag_id)",
    "DROP INDEX annotations_article",
    "CREATE INDEX annotations_author ON annotations(author)",
    """CREATE TRIGGER source_changes_append_only_update BEFORE UPDATE ON source_changes
       BEGIN SELECT RAISE(ABORT, 'the history of source attributes is append-only'); END""",
    """CREATE TRIGGER source_changes_append_only_delete BEFORE DELETE ON source_changes
       BEGIN SELECT RAISE(ABORT, 'the history of source attributes is append-only'); END""",
    "PRAGMA user_version = 5",
]


@migrations(name="0005_source_attributes")
def m0005_source_attributes(db: Database) -> None:
    # The attributes start unread: the project reads them from each page after the upgrade commits.
    for statement in SCHEMA_5:
        db.execute(statement)


#: Frozen: the article text in SQL as schema 6 reads it (its blocks' texts joined by newlines).
_TEXT_6 = """(SELECT coalesce(group_concat(t.text, char(10)), '')
    FROM (SELECT text FROM blocks WHERE article_id = {article} ORDER BY position) t)"""

SCHEMA_6 = [
    "DROP VIEW search_docs",
    "DROP TRIGGER blocks_keep_indexed_text_insert",
    "DROP TRIGGER blocks_keep_indexed_text_update",
    "DROP TRIGGER blocks_keep_indexed_text_delete",
    "DROP TABLE search_folds",
    "DROP TABLE search_grams",
    # one row per indexed article; ``indexed_text`` is NULL except between a change to the
    # article's blocks and its reindexing (same transaction): a contentless FTS5 table forgets a
    # row only when told the tokens it held, which come from the text it indexed
    "CREATE TABLE search_articles (article_id INTEGER PRIMARY KEY, indexed_text TEXT)",
    "CREATE VIRTUAL TABLE search_grams USING fts5(grams, content='', detail='none', tokenize='ascii', columnsize=0)",
    f"""CREATE TRIGGER blocks_keep_indexed_text_insert BEFORE INSERT ON blocks BEGIN
       UPDATE search_articles SET indexed_text = {_TEXT_6.format(article="NEW.article_id")}
       WHERE article_id = NEW.article_id AND indexed_text IS NULL; END""",
    f"""CREATE TRIGGER blocks_keep_indexed_text_update BEFORE UPDATE OF text, article_id, position ON blocks BEGIN
       UPDATE search_articles SET indexed_text = {_TEXT_6.format(article="search_articles.article_id")}
       WHERE article_id IN (OLD.article_id, NEW.article_id) AND indexed_text IS NULL; END""",
    f"""CREATE TRIGGER blocks_keep_indexed_text_delete BEFORE DELETE ON blocks BEGIN
       UPDATE search_articles SET indexed_text = {_TEXT_6.format(article="OLD.article_id")}
       WHERE article_id = OLD.article_id AND indexed_text IS NULL; END""",
    # the text the index holds for each indexed article
    f"""CREATE VIEW search_docs (article_id, text) AS
       SELECT s.article_id, coalesce(s.indexed_text, {_TEXT_6.format(article="s.article_id")})
       FROM search_articles s""",
    # the engine's runs of a block are '' while the block itself still holds them (as imported,
    # the usual case): kept aside before an edit changes or deletes the block, not stored twice
    """UPDATE engine_blocks SET runs = ''
       WHERE runs = (SELECT b.runs FROM blocks b WHERE b.id = engine_blocks.block_id)""",
    """CREATE TRIGGER blocks_keep_engine_runs_update BEFORE UPDATE OF runs ON blocks BEGIN
       UPDATE engine_blocks SET runs = OLD.runs WHERE block_id = OLD.id AND runs = ''; END""",
    """CREATE TRIGGER blocks_keep_engine_runs_delete BEFORE DELETE ON blocks BEGIN
       UPDATE engine_blocks SET runs = OLD.runs WHERE block_id = OLD.id AND runs = ''; END""",
    "PRAGMA user_version = 6",
]


@migrations(name="0006_search_without_folds")
def m0006_search_without_folds(db: Database) -> None:  # and without the engine's runs twice
    # The index is emptied, not converted: its grams change (hashed trigrams) and filling it needs
    # live code, which the project runs after the upgrade commits (``Project.open``).
    for statement in SCHEMA_6:
        db.execute(statement)


@migrations(name="0007_text_derived")
def m0007_text_derived(db: Database) -> None:
    schema_v7.upgrade(db.conn)
