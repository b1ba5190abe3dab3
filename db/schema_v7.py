"""Schema 7, frozen: the text of a block the engine made is read from the page's raw text.

Registered as migration ``0007_text_derived`` by :mod:`db.schema`, which imports this module
and nothing else of the store; like every migration it carries its own DDL and its own copy
of the rules it applies, so a later change to live code cannot change what it does.

- The blocks move to ``block_store``, whose ``text`` is NULL where the block's text is
  exactly the slices of its page's raw text that its runs name (every block the engine
  made); ``blocks`` becomes a view that gives every block's text, and its INSTEAD OF
  triggers let the store's code insert, update and delete blocks as before, storing a text
  only when it is not its runs' slices. A new block needs its id given (a view cannot
  report the id an insert chose).
- The triggers of schema 6 that keep an article's indexed text and the engine's runs
  aside move to ``block_store`` unchanged.

The view and triggers call ``jk_page_cached`` and ``jk_block_text``, SQL functions that every
connection to a project registers (:mod:`db.derived_text`).
"""

from __future__ import annotations

import json
import sqlite3

#: Frozen: the block roles ``block_store`` accepts (those of schema 1).
_ROLE_CHECK_7 = "'jump', 'kicker', 'title', 'subtitle', 'byline', 'paragraph', 'subhead', 'caption'"

#: The text a block's runs name in its page's raw text, for the row whose runs and article are given.
#: The page's raw text is passed only when the connection does not hold it already.
_DERIVED = """(SELECT jk_block_text(s.id, s.sha256,
        CASE WHEN jk_page_cached(s.id, s.sha256) THEN NULL ELSE s.raw_text END, {runs})
    FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = {article})"""

#: What ``block_store.text`` holds for a block written through the view: NULL when derivable.
_STORED = f"""CASE WHEN NEW.text IS {_DERIVED.format(runs="NEW.runs", article="NEW.article_id")}
    THEN NULL ELSE NEW.text END"""

BLOCKS_7 = [
    f"""CREATE TABLE block_store (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ({_ROLE_CHECK_7})),
        text TEXT,
        runs TEXT NOT NULL DEFAULT '[]',
        original_text TEXT
    )""",
    # filled here from ``blocks``, which is then dropped with its index and triggers
    "CREATE INDEX block_store_article ON block_store(article_id, position)",
    f"""CREATE VIEW blocks (id, article_id, position, role, text, runs, original_text) AS
       SELECT b.id, b.article_id, b.position, b.role,
              coalesce(b.text, {_DERIVED.format(runs="b.runs", article="b.article_id")}),
              b.runs, b.original_text
       FROM block_store b""",
    f"""CREATE TRIGGER blocks_insert INSTEAD OF INSERT ON blocks BEGIN
       SELECT RAISE(ABORT, 'a new block needs its id given') WHERE NEW.id IS NULL;
       INSERT INTO block_store (id, article_id, position, role, text, runs, original_text)
       VALUES (NEW.id, NEW.article_id, NEW.position, NEW.role, {_STORED}, coalesce(NEW.runs, '[]'),
               NEW.original_text); END""",
    # text, place and runs first, in one statement, so the triggers on block_store see the old
    # block whole; then the runs (the text already follows the new ones), role and original
    f"""CREATE TRIGGER blocks_update INSTEAD OF UPDATE ON blocks BEGIN
       SELECT RAISE(ABORT, 'a block keeps its id') WHERE NEW.id IS NOT OLD.id;
       UPDATE block_store SET article_id = NEW.article_id, position = NEW.position, text = {_STORED}
       WHERE id = OLD.id AND (NEW.article_id IS NOT OLD.article_id OR NEW.position IS NOT OLD.position
                              OR NEW.text IS NOT OLD.text OR NEW.runs IS NOT OLD.runs);
       UPDATE block_store SET runs = NEW.runs WHERE id = OLD.id AND NEW.runs IS NOT OLD.runs;
       UPDATE block_store SET role = NEW.role WHERE id = OLD.id AND NEW.role IS NOT OLD.role;
       UPDATE block_store SET original_text = NEW.original_text
       WHERE id = OLD.id AND NEW.original_text IS NOT OLD.original_text; END""",
    "CREATE TRIGGER blocks_delete INSTEAD OF DELETE ON blocks BEGIN DELETE FROM block_store WHERE id = OLD.id; END",
]

#: An article's text: its blocks' texts joined by newlines, in one call (each block's stored text or runs).
_TEXT_7 = """(SELECT jk_article_text(text_s.id, text_s.sha256,
        CASE WHEN jk_page_cached(text_s.id, text_s.sha256) THEN NULL ELSE text_s.raw_text END,
        (SELECT json_group_array(coalesce(text_b.text, json(text_b.runs)))
         FROM (SELECT text, runs FROM block_store WHERE article_id = {article} ORDER BY position) text_b))
    FROM articles text_a JOIN sources text_s ON text_s.id = text_a.source_id WHERE text_a.id = {article})"""

#: Schema 6's triggers on ``blocks``, now on ``block_store`` (their bodies read the article's text as
#: it is before the change), and its view of the indexed text, reading the text in one call an article.
KEEPERS_7 = [
    "DROP VIEW search_docs",
    f"""CREATE VIEW search_docs (article_id, text) AS
       SELECT s.article_id, coalesce(s.indexed_text, {_TEXT_7.format(article="s.article_id")})
       FROM search_articles s""",
    f"""CREATE TRIGGER blocks_keep_indexed_text_insert BEFORE INSERT ON block_store BEGIN
       UPDATE search_articles SET indexed_text = {_TEXT_7.format(article="NEW.article_id")}
       WHERE article_id = NEW.article_id AND indexed_text IS NULL; END""",
    f"""CREATE TRIGGER blocks_keep_indexed_text_update BEFORE UPDATE OF text, article_id, position ON block_store
       BEGIN
       UPDATE search_articles SET indexed_text = {_TEXT_7.format(article="search_articles.article_id")}
       WHERE article_id IN (OLD.article_id, NEW.article_id) AND indexed_text IS NULL; END""",
    f"""CREATE TRIGGER blocks_keep_indexed_text_delete BEFORE DELETE ON block_store BEGIN
       UPDATE search_articles SET indexed_text = {_TEXT_7.format(article="OLD.article_id")}
       WHERE article_id = OLD.article_id AND indexed_text IS NULL; END""",
    """CREATE TRIGGER blocks_keep_engine_runs_update BEFORE UPDATE OF runs ON block_store BEGIN
       UPDATE engine_blocks SET runs = OLD.runs WHERE block_id = OLD.id AND runs = ''; END""",
    """CREATE TRIGGER blocks_keep_engine_runs_delete BEFORE DELETE ON block_store BEGIN
       UPDATE engine_blocks SET runs = OLD.runs WHERE block_id = OLD.id AND runs = ''; END""",
    "PRAGMA user_version = 7",
]


def _slices_7(raw: str, runs: list) -> str:
    return "".join(raw[r0 : r0 + n] for _, r0, n in runs)


def _block_rows_7(conn: sqlite3.Connection) -> list[tuple]:
    """Every block as ``block_store`` keeps it: the text only where its runs' slices differ."""
    raws: dict[int, str] = {}
    out = []
    for row in conn.execute(
        "SELECT b.id, b.article_id, b.position, b.role, b.text, b.runs, b.original_text, a.source_id"
        " FROM blocks b LEFT JOIN articles a ON a.id = b.article_id ORDER BY b.id"
    ):
        block_id, article_id, position, role, text, runs, original, source_id = row
        if source_id is not None and source_id not in raws:
            raws[source_id] = conn.execute("SELECT raw_text FROM sources WHERE id = ?", (source_id,)).fetchone()[0]
        try:
            same = source_id is not None and _slices_7(raws[source_id], json.loads(runs)) == text
        except (ValueError, TypeError):  # runs that are not a list of triples: keep the text
            same = False
        out.append((block_id, article_id, position, role, None if same else text, runs, original))
    return out


def upgrade(conn: sqlite3.Connection) -> None:
    """Run inside the migration's transaction, on a connection with the jk_ functions registered."""
    blocks = _block_rows_7(conn)
    sequence = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'blocks'").fetchone()
    conn.execute(BLOCKS_7[0])
    conn.executemany(
        "INSERT INTO block_store (id, article_id, position, role, text, runs, original_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        blocks,
    )
    conn.execute("DROP TABLE blocks")
    if sequence is not None:  # ids of blocks deleted since are never given again
        conn.execute("DELETE FROM sqlite_sequence WHERE name = 'block_store'")
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('block_store', ?)", (sequence[0],))
    for statement in BLOCKS_7[1:] + KEEPERS_7:
        conn.execute(statement)
