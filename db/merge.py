"""Merging another project's work into this one, from its JSONL export (:mod:`db.export`).

What is merged, source by source (a source is recognised by the SHA-256 of its raw bytes):

- **Sources** this project lacks are imported from the raw dump the export carries (the
  engine builds their articles as an import would); without that copy the source's work is
  skipped and reported.
- **Tags** are matched by path and created when missing (colour, description, a free keyboard slot).
- **Edits** are replayed in the order they were made, each located in this project by the
  raw-text offsets its characters come from (the same page has the same raw text), never
  by article or block ids:

  - a text correction is applied where the text here still equals what the correction
    replaced; where it already reads as corrected it is a duplicate; where this project
    changed the same text differently, a **conflict** is kept (both versions side by
    side, see :func:`conflicts`): nothing is overwritten until someone accepts it;
  - a structural edit (join, split, role, moves, article split and merge) is applied when
    the articles it involves here read exactly as they did before it (their blocks' roles and
    texts), is a duplicate when they read as after it, and is a conflict otherwise;
  - a revert reverts the edit here that copies the one it reverted.

  Every edit made here by a merge remembers the edit it copies (``merge_origins``: time,
  author and operation where it was first made), so merging the same export again, or
  merging back and forth between projects, never applies an edit twice.
- **Passages** (annotations) are added to the article whose raw text they stand on: at the
  same offsets when the article reads the same, else found again by quote and context,
  else kept orphaned with their quote. Exact duplicates (same tag, range, note and author)
  are skipped. Their creation and update times are kept.
- **Notes** are added unless the article has one with the same text and author.
- **Review states**: the further one wins (unreviewed < in progress < proofread).

The whole merge is one transaction: it is merged completely or not at all.

A source is matched by its SHA-256 (its current version when the engine was run on it again).
A page the project lacks is imported as an import would: when the project holds other content
under the same path, the merged page becomes that path's latest version (reported).

Round trip: exporting a project, merging the export into an empty project and exporting
that again gives the same lines except for what is local to a project: ids (of articles,
sources, blocks, edits, annotations, tags and notes, also inside edit parameters), the times
of the edits (the time of the merge; each edit's ``origin`` keeps where and when it was first
made), their stored ``steps``/``before``/``after`` snapshots (which name those ids), the
sources' import time and the project name on the first line; a source's version number
also restarts at 1 when the export held only a later version. Annotation and note times
are kept. ``tests/exports/test_merge.py`` holds the exact comparison.

The tables ``merge_origins`` and ``merge_conflicts`` are created on first use (a project that
never merged has neither).
"""

from __future__ import annotations

import base64
import json
import sqlite3
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from db import anchoring, codebook, edits, sources
from db.articles import Layout, expand, load_blocks, refresh_article, runs_from_json
from db.connection import Connection, now
from db.errors import NotFound, StoreError
from db.events import Change, event
from db.export import ORIGINS_TABLE, has_table, origin_key
from db.models import Block

CONFLICTS_TABLE = "merge_conflicts"

TABLES_SQL = [
    f"CREATE TABLE IF NOT EXISTS {ORIGINS_TABLE} (edit_id INTEGER PRIMARY KEY, origin TEXT NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {ORIGINS_TABLE}_origin ON {ORIGINS_TABLE}(origin)",
    f"""CREATE TABLE IF NOT EXISTS {CONFLICTS_TABLE} (
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
        payload TEXT NOT NULL DEFAULT '{{}}',
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
        resolved_at TEXT
    )""",
    f"CREATE INDEX IF NOT EXISTS {CONFLICTS_TABLE}_origin ON {CONFLICTS_TABLE}(origin)",
]

#: Characters of context kept around a conflict (to find its place again when it is accepted).
CONTEXT = 16

_RANK = {"unreviewed": 0, "in_progress": 1, "proofread": 2}
_STRUCTURAL = frozenset({"join", "split", "move_previous", "move_next", "split_article", "merge"})


class MergeError(StoreError):
    """The file cannot be merged (not a Jiaokan export, unreadable), or a conflict cannot be resolved."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """An incoming edit that could not be applied: this project's text (``ours``) beside the edit's (``theirs``).

    ``kind``: "text" (both changed the same text), "structure" (the paragraphs or articles it
    involves differ here) or "revert" (it reverts an edit this project does not have).
    ``start``/``end`` are where ``ours`` stood in ``article_id`` when the conflict was recorded.
    """

    id: int
    kind: str
    op: str
    article_id: int | None
    start: int | None
    end: int | None
    base: str
    ours: str
    theirs: str
    author: str | None
    note: str | None
    at: str | None
    origin_file: str
    detail: str
    status: str
    created_at: str


_CONFLICT_COLUMNS = (
    "id, kind, op, article_id, start, end, base, ours, theirs, author, note, at, origin_file, detail, status,"
    " created_at"
)


@dataclass(slots=True)
class MergeReport:
    sources_matched: int = 0
    sources_imported: int = 0
    sources_skipped: int = 0
    articles: int = 0
    tags_created: int = 0
    edits_applied: int = 0
    edits_already: int = 0
    conflicts: int = 0
    annotations_added: int = 0
    annotations_already: int = 0
    annotations_orphaned: int = 0
    notes_added: int = 0
    review_states: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.articles} articles from {self.sources_matched + self.sources_imported} sources "
            f"({self.sources_imported} imported from the export, {self.sources_skipped} skipped); "
            f"{self.tags_created} tags created; edits: {self.edits_applied} applied, {self.edits_already} already "
            f"here, {self.conflicts} conflicts kept for review; passages: {self.annotations_added} added "
            f"({self.annotations_orphaned} orphaned), {self.annotations_already} already here; "
            f"{self.notes_added} notes added; {self.review_states} review states advanced"
        )


def ensure_tables(conn: sqlite3.Connection) -> None:
    for statement in TABLES_SQL:
        conn.execute(statement)


# -- reading the export ---------------------------------------------------------------------------


def _records(path: Path) -> Iterator[tuple[int, dict]]:
    from db.exchange_records import read_export  # every line checked (types, ranges, header) before use

    return read_export(path, MergeError)


def _groups(path: Path) -> Iterator[tuple[dict | None, list[dict]]]:
    """(codebook of the first line or None, the records of one source), source after source."""
    book: dict | None = None
    group: list[dict] = []
    for _number, record in _records(path):
        if "codebook" in record:
            book = {"codebook": record["codebook"]}
        if group and record["source"].get("id") != group[0]["source"].get("id"):
            yield book, group
            book, group = None, []
        group.append(record)
    if group or book is not None:
        yield book, group


# -- the target: one source's blocks indexed by raw offset ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    article_id: int
    block: Block
    index: int  # the block's index in its article
    offset: int  # in the block


class _Target:
    """The articles of one source of this project, indexed by the raw offsets of their characters."""

    def __init__(self, conn: sqlite3.Connection, source_id: int) -> None:
        self.conn = conn
        self.source_id = source_id
        self.reload()

    def reload(self) -> None:
        conn = self.conn
        self.articles = [
            r[0]
            for r in conn.execute("SELECT id FROM articles WHERE source_id = ? ORDER BY position", (self.source_id,))
        ]
        self.blocks: dict[int, list[Block]] = {a: load_blocks(conn, a) for a in self.articles}
        entries = []
        for aid, blocks in self.blocks.items():
            for i, b in enumerate(blocks):
                for t0, r0, n in b.runs:
                    entries.append((r0, r0 + n, aid, i, t0))
        entries.sort()
        self._entries = entries
        self._starts = [e[0] for e in entries]

    def at_raw(self, raw: int) -> _Hit | None:
        i = bisect_right(self._starts, raw) - 1
        while i >= 0:
            r0, r1, aid, index, t0 = self._entries[i]
            if r0 <= raw < r1:
                return _Hit(aid, self.blocks[aid][index], index, t0 + raw - r0)
            if r1 <= raw and i > 0 and self._entries[i - 1][1] <= r0:
                return None
            i -= 1
        return None

    def text(self, aid: int) -> str:
        return "\n".join(b.text for b in self.blocks[aid])

    def start_of(self, aid: int, index: int) -> int:
        return sum(len(b.text) + 1 for b in self.blocks[aid][:index])

    def state(self, aid: int) -> list[tuple[str, str]]:
        return [(b.role.value, b.text) for b in self.blocks[aid]]

    def vote_article(self, raws: list[int | None]) -> int | None:
        votes = Counter()
        for r in raws:
            if r is not None:
                hit = self.at_raw(r)
                if hit is not None:
                    votes[hit.article_id] += 1
        return votes.most_common(1)[0][0] if votes else None

    def vote_block(self, raws: list[int | None]) -> _Hit | None:
        votes: Counter = Counter()
        hits: dict[int, _Hit] = {}
        for r in raws:
            if r is not None:
                hit = self.at_raw(r)
                if hit is not None:
                    votes[hit.block.id] += 1
                    hits.setdefault(hit.block.id, hit)
        return hits[votes.most_common(1)[0][0]] if votes else None


def _snap_raws(row: dict) -> list[int | None]:
    runs = row["runs"]
    parsed = runs_from_json(runs) if isinstance(runs, str) else tuple(tuple(r) for r in runs)
    return expand(parsed, len(row["text"]))


def _record_raws(record: dict) -> list[int | None]:
    out: list[int | None] = []
    for k, b in enumerate(record["blocks"]):
        if k:
            out.append(None)
        out.extend(_snap_raws(b))
    return out


# -- the merge ------------------------------------------------------------------------------------


class _Merger:
    def __init__(self, cx: Connection, conn: sqlite3.Connection, origin_file: str) -> None:
        self.cx = cx
        self.conn = conn
        self.origin_file = origin_file
        self.report = MergeReport()
        self.tags: dict[str, int] = {t.path: t.id for t in codebook.all_tags(conn)}
        self.known: dict[str, int] = {}  # origin key -> edit id here
        for eid, at, author, op in conn.execute("SELECT id, at, author, op FROM edits"):
            self.known[origin_key(at, author, op)] = eid
        for eid, origin in conn.execute(f"SELECT edit_id, origin FROM {ORIGINS_TABLE}"):
            self.known[origin] = eid
        self.conflicted = {r[0] for r in conn.execute(f"SELECT origin FROM {CONFLICTS_TABLE}")}
        self.touched_sources: set[int] = set()
        self.touched_articles: set[int] = set()

    # -- codebook -----------------------------------------------------------------------------
    def codebook(self, rows: list[dict]) -> None:
        for row in rows:
            path = row.get("path")
            if isinstance(path, str) and path:
                self.tag(path, row)

    def tag(self, path: str, row: dict | None = None) -> int:
        found = self.tags.get(path)
        if found is not None:
            return found
        names = [n for n in path.split("/") if n.strip()]
        parent: int | None = None
        for depth in range(1, len(names) + 1):
            sub = "/".join(names[:depth])
            tid = self.tags.get(sub)
            if tid is None:
                last = depth == len(names)
                colour = (row or {}).get("colour") if last else None
                description = ((row or {}).get("description") or "") if last else ""
                slot = (row or {}).get("slot") if last else None
                if slot is not None and self.conn.execute("SELECT 1 FROM tags WHERE slot = ?", (slot,)).fetchone():
                    self.report.problems.append(f"tag {sub!r}: keyboard slot {slot} is taken here; not assigned")
                    slot = None
                tid = codebook.add(self.cx, names[depth - 1], parent_id=parent, colour=colour,
                                   description=description, slot=slot).id
                self.tags[sub] = tid
                self.report.tags_created += 1
            parent = tid
        assert parent is not None
        self.tags[path] = parent
        return parent

    # -- sources ------------------------------------------------------------------------------
    def source_for(self, group: list[dict]) -> int | None:
        first = group[0]["source"]
        sha = first["sha256"]
        row = self.conn.execute(  # the current version if the engine was run again on the same bytes
            "SELECT id FROM sources WHERE sha256 = ? ORDER BY superseded, id DESC LIMIT 1", (sha,)
        ).fetchone()
        if row is not None:
            self.report.sources_matched += 1
            return row[0]
        raw = next((r["source"].get("raw") for r in group if r["source"].get("raw")), None)
        name = first.get("name") or sha[:12]
        if raw is None:
            self.report.sources_skipped += 1
            self.report.problems.append(
                f"source {name} is not in this project and the export carries no copy of it: import the page dump, "
                "then merge again"
            )
            return None
        data = base64.b64decode(raw["base64"]) if raw.get("base64") else raw["text"].encode("utf-8")
        if sources.sha256(data) != sha:
            self.report.sources_skipped += 1
            self.report.problems.append(f"source {name}: the copy in the export does not match its SHA-256; skipped")
            return None
        try:
            prep = sources.prepare(data, first.get("path") or name)
        except sources.ImportRefused as exc:
            self.report.sources_skipped += 1
            self.report.problems.append(f"source {name} cannot be imported: {exc.reason}")
            return None
        if raw.get("engine_version") and raw["engine_version"] != prep.engine_version:
            self.report.problems.append(
                f"source {name} was read by engine {raw['engine_version']} in the exporting project and by "
                f"{prep.engine_version} here: its articles may differ, and some edits may not apply"
            )
        outcome = sources.store(self.cx, prep)
        self.report.sources_imported += 1
        if outcome.status.value == "new_version":
            self.report.problems.append(
                f"source {name}: this project had other content under the same path; the merged page is now the "
                "latest version of it (the earlier one is kept as a superseded version)"
            )
        return outcome.source_id

    # -- one source --------------------------------------------------------------------------
    def merge_group(self, group: list[dict]) -> None:
        source_id = self.source_for(group)
        if source_id is None:
            return
        self.touched_sources.add(source_id)
        target = _Target(self.conn, source_id)
        seen: dict[int, dict] = {}
        for record in group:
            for e in record.get("edits", ()):
                seen.setdefault(e["id"], e)
        self.edit_map: dict[int, int] = {}
        for export_id in sorted(seen):
            self.replay(seen[export_id], target)
        for record in group:
            self.article_state(record, target)
            self.report.articles += 1

    # -- edits ----------------------------------------------------------------------------
    def replay(self, e: dict, target: _Target) -> None:
        origin = e.get("origin") or origin_key(e.get("at", ""), e.get("author"), e.get("op", ""))
        here = self.known.get(origin)
        if here is not None:
            self.edit_map[e["id"]] = here
            self.report.edits_already += 1
            return
        if origin in self.conflicted:
            return  # recorded by an earlier merge, pending or decided
        op = e.get("op")
        try:
            if op == "correct":
                outcome = self._correct(e, target)
            elif op == "role":
                outcome = self._role(e, target)
            elif op in _STRUCTURAL:
                outcome = self._structural(e, target)
            elif op == "revert":
                outcome = self._revert(e)
            else:
                outcome = self._conflict(e, "structure", None, detail=f"unknown operation {op!r}")
        except StoreError as exc:
            outcome = self._conflict(e, "structure", None, detail=f"could not be applied here: {exc}")
        target.reload()
        if isinstance(outcome, int):
            self.known[origin] = outcome
            self.edit_map[e["id"]] = outcome
            self.conn.execute(f"INSERT OR REPLACE INTO {ORIGINS_TABLE} (edit_id, origin) VALUES (?, ?)",
                              (outcome, origin))
            self.report.edits_applied += 1
        elif outcome == "already":
            self.report.edits_already += 1

    def _conflict(
        self,
        e: dict,
        kind: str,
        where: tuple[int, int, int] | None,
        *,
        base: str = "",
        ours: str = "",
        theirs: str = "",
        context: tuple[str, str] = ("", ""),
        detail: str = "",
        source_id: int | None = None,
    ) -> str:
        origin = e.get("origin") or origin_key(e.get("at", ""), e.get("author"), e.get("op", ""))
        article_id, start, end = where if where is not None else (None, None, None)
        self.conn.execute(
            f"INSERT INTO {CONFLICTS_TABLE} (created_at, origin, kind, op, source_id, article_id, start, end, base,"
            " ours, theirs, prefix, suffix, author, note, at, origin_file, detail, payload)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (now(), origin, kind, e.get("op", ""), source_id, article_id, start, end, base, ours, theirs,
             context[0], context[1], e.get("author"), e.get("note"), e.get("at"), self.origin_file, detail,
             json.dumps(e, ensure_ascii=False)),
        )
        self.conflicted.add(origin)
        self.report.conflicts += 1
        return "conflict"

    def _correct(self, e: dict, target: _Target) -> int | str:
        params = e.get("params", {})
        old, new = params.get("old_text", ""), params.get("text", "")
        step = next((s for s in e.get("steps", ()) if s[0] == "breplace"), None)
        snap = (e.get("before") or {}).get("blocks", {}).get(str(step[2])) if step else None
        if step is None or snap is None:
            return self._conflict(e, "text", None, base=old, theirs=new,
                                  detail="the export does not say where this correction was made")
        _, _, _, bs, be, _ = step
        bt = snap["text"]
        raws = _snap_raws(snap)
        found = self._locate(target, bt, raws, bs, be)
        if found is None:
            return self._conflict(e, "text", None, base=old, theirs=new, source_id=target.source_id,
                                  detail="the text this correction changed was not found in this project")
        hit, lo, hi, wide = found
        text = hit.block.text
        start = target.start_of(hit.article_id, hit.index)
        exact = text[lo:hi]
        if exact == old and (old or self._same_context(text, lo, bt, bs, be)):
            entry = edits.correct(self.cx, hit.article_id, start + lo, start + hi, new,
                                  author=e.get("author"), note=e.get("note"))
            self.touched_articles.add(hit.article_id)
            return entry.id
        if text[lo : lo + len(new)] == new or text[wide[0] : wide[1]] == new:
            return "already"
        lo2, hi2 = wide
        return self._conflict(
            e, "text", (hit.article_id, start + lo2, start + hi2), base=old, ours=text[lo2:hi2], theirs=new,
            context=(text[max(0, lo2 - CONTEXT) : lo2], text[hi2 : hi2 + CONTEXT]), source_id=target.source_id,
            detail="this project changed the same text differently",
        )

    @staticmethod
    def _same_context(text: str, lo: int, bt: str, bs: int, be: int) -> bool:
        """For an insertion: the characters either side are the ones it was made between."""
        before_ok = bs == 0 or (lo > 0 and text[lo - 1] == bt[bs - 1])
        after_ok = be >= len(bt) or (lo < len(text) and text[lo] == bt[be])
        return before_ok and after_ok

    def _locate(
        self, target: _Target, bt: str, raws: list[int | None], bs: int, be: int
    ) -> tuple[_Hit, int, int, tuple[int, int]] | None:
        """Where block-text range [bs, be) of the export stands here: (hit, lo, hi, widened range)."""
        inside = [i for i in range(bs, be) if raws[i] is not None]
        hit = lo = hi = None
        if inside:
            first, last = target.at_raw(raws[inside[0]]), target.at_raw(raws[inside[-1]])
            if first is not None and last is not None and first.block.id == last.block.id:
                hit, lo, hi = first, first.offset - (inside[0] - bs), last.offset + 1 + (be - 1 - inside[-1])
        if hit is None and bs > 0 and raws[bs - 1] is not None:
            h = target.at_raw(raws[bs - 1])
            if h is not None:
                hit, lo = h, h.offset + 1
                hi = lo + (be - bs)
        if hit is None and be < len(raws) and raws[be] is not None:
            h = target.at_raw(raws[be])
            if h is not None:
                hit, hi = h, h.offset
                lo = hi - (be - bs)
        if hit is None:
            return self._by_text(target, bt, bs, be)
        text = hit.block.text
        lo, hi = max(0, lo), min(len(text), max(lo, hi))
        traws = expand(hit.block.runs, len(text))
        wlo, whi = lo, hi
        while wlo > 0 and traws[wlo - 1] is None:
            wlo -= 1
        while whi < len(text) and traws[whi] is None:
            whi += 1
        return hit, lo, hi, (wlo, whi)

    @staticmethod
    def _by_text(target: _Target, bt: str, bs: int, be: int):
        """No raw offset to go by (text typed by an editor): the unique place with the same text and context."""
        needle = bt[max(0, bs - 8) : be + 8]
        places = []
        for aid in target.articles:
            for index, block in enumerate(target.blocks[aid]):
                at = block.text.find(needle)
                while at >= 0 and len(places) < 2:
                    places.append((aid, index, block, at + (bs - max(0, bs - 8))))
                    at = block.text.find(needle, at + 1)
        if len(places) != 1:
            return None
        aid, index, block, lo = places[0]
        return _Hit(aid, block, index, lo), lo, lo + (be - bs), (lo, lo + (be - bs))

    def _role(self, e: dict, target: _Target) -> int | str:
        params = e.get("params", {})
        snap = (e.get("before") or {}).get("blocks", {}).get(str(params.get("block_id")))
        if snap is None:
            return self._conflict(e, "structure", None, detail="the export does not say which block changed role")
        hit = target.vote_block(_snap_raws(snap))
        if hit is not None and hit.block.text == snap["text"]:
            if hit.block.role.value == params.get("old_role"):
                entry = edits.set_role(self.cx, hit.block.id, params["role"], author=e.get("author"),
                                       note=e.get("note"))
                self.touched_articles.add(hit.article_id)
                return entry.id
            if hit.block.role.value == params.get("role"):
                return "already"
        where = None
        if hit is not None:
            s = target.start_of(hit.article_id, hit.index)
            where = (hit.article_id, s, s + len(hit.block.text))
        return self._conflict(
            e, "structure", where, base=params.get("old_role", ""), ours=hit.block.role.value if hit else "",
            theirs=params.get("role", ""), source_id=target.source_id,
            detail="the paragraph reads differently here or has another role",
        )

    def _structural(self, e: dict, target: _Target) -> int | str:
        """Join, split, moves, article split and merge: applied where the paragraphs involved read as before it."""
        op, params = e["op"], e.get("params") or {}
        before = e.get("before") or {}
        rows = before.get("blocks") or {}
        order = before.get("order") or {}
        author, note = e.get("author"), e.get("note")

        def row(block_id: int | None) -> dict | None:
            return rows.get(str(block_id))

        def near(block_id: int | None) -> _Hit | None:
            r = row(block_id)
            return target.vote_block(_snap_raws(r)) if r is not None else None

        def here(block_id: int | None) -> _Hit | None:
            """The block here made from the same raw text, reading exactly as before the edit."""
            r, hit = row(block_id), near(block_id)
            if r is None or hit is None or (hit.block.role.value, hit.block.text) != (r["role"], r["text"]):
                return None
            return hit

        def article_of(key: object) -> int | None:
            raws: list[int | None] = []
            for b in order.get(str(key), ()):
                r = row(b)
                if r is not None:
                    raws.extend(_snap_raws(r))
            return target.vote_article(raws)

        def index(aid: int | None) -> int:
            return target.articles.index(aid) if aid in target.articles else -1

        def conflict(detail: str, hit: _Hit | None = None) -> str:
            where = None
            if hit is not None:
                s0 = target.start_of(hit.article_id, hit.index)
                where = (hit.article_id, s0, s0 + len(hit.block.text))
            return self._conflict(e, "structure", where, source_id=target.source_id, detail=detail)

        def done(entry) -> int:
            self.touched_articles.update(a for a in (entry.article_id, entry.other_article_id) if a is not None)
            return entry.id

        block_id = params.get("block_id")
        if op == "join":
            a, b = here(block_id), here(params.get("next_block_id"))
            if a is not None and b is not None and a.article_id == b.article_id and b.index == a.index + 1:
                return done(edits.join_with_next(self.cx, a.block.id, author=author, note=note))
            first, second, hit = row(block_id), row(params.get("next_block_id")), near(block_id)
            if first and second and hit is not None and hit.block.text == first["text"] + second["text"]:
                return "already"
            return conflict("the two paragraphs it joined read differently here", hit)
        if op == "split":
            a, offset = here(block_id), params.get("offset", 0)
            if a is not None and 0 < offset < len(a.block.text):
                return done(edits.split_block(self.cx, a.block.id, offset, author=author, note=note))
            r, hit = row(block_id), near(block_id)
            if r is not None and hit is not None and hit.block.text == r["text"][:offset]:
                nxt = target.blocks[hit.article_id][hit.index + 1 : hit.index + 2]
                if nxt and nxt[0].text == r["text"][offset:]:
                    return "already"
            return conflict("the paragraph it split reads differently here", hit)
        if op in ("move_previous", "move_next"):
            step = -1 if op == "move_previous" else 1
            a = here(block_id)
            dest = article_of(params.get("to_article"))
            if a is not None and dest is not None:
                blocks = target.blocks[a.article_id]
                at_edge = a.index == (0 if step < 0 else len(blocks) - 1)
                if at_edge and len(blocks) > 1 and index(dest) == index(a.article_id) + step:
                    move = edits.move_to_previous if step < 0 else edits.move_to_next
                    return done(move(self.cx, a.block.id, author=author, note=note))
            hit = near(block_id)
            if hit is not None and dest is not None and hit.article_id == dest:
                return "already"
            return conflict("the paragraph it moved, or the article it moved it to, differs here", hit)
        if op == "split_article":
            a = here(block_id)
            if a is not None and a.index > 0:
                return done(edits.split_article(self.cx, a.block.id, author=author, note=note))
            hit = near(block_id)
            rest = [b for b in order.get(str(e.get("article_id")), ()) if b != block_id]
            first_of_old = near(rest[0]) if rest else None
            apart = first_of_old is None or first_of_old.article_id != hit.article_id if hit is not None else False
            if hit is not None and hit.index == 0 and apart:
                return "already"
            return conflict("the article it split reads differently here", hit)
        if op == "merge":
            first, second = article_of(e.get("article_id")), article_of(params.get("next_article_id"))
            if first is not None and second is not None:
                if first == second:
                    return "already"
                if index(second) == index(first) + 1:
                    return done(edits.merge_with_next(self.cx, first, author=author, note=note))
            return conflict("the articles it merged are not neighbours here")
        return conflict(f"unknown operation {op!r}")

    def _revert(self, e: dict) -> int | str:
        reverted = (e.get("params") or {}).get("reverts", e.get("reverts"))
        here = self.edit_map.get(reverted)
        if here is None:
            return self._conflict(e, "revert", None, detail="it reverts an edit that was not merged into this project")
        try:
            entry = edits.revert(self.cx, here, author=e.get("author"), note=e.get("note"))
        except StoreError as exc:
            if "already reverted" in str(exc):
                return "already"
            return self._conflict(e, "revert", None, detail=str(exc))
        return entry.id

    # -- the state of an article: passages, notes, review ---------------------------------------
    def article_here(self, record: dict, target: _Target) -> int | None:
        aid = target.vote_article(_record_raws(record))
        if aid is not None:
            return aid
        for candidate in target.articles:
            if target.text(candidate) == record["text"]:
                return candidate
        position = record.get("position", 0)
        if target.articles:
            self.report.problems.append(
                f"article {record['id']} of {record['source'].get('name')}: matched by its position only"
            )
            return target.articles[min(position, len(target.articles) - 1)]
        return None

    def article_state(self, record: dict, target: _Target) -> None:
        aid = self.article_here(record, target)
        if aid is None:
            self.report.problems.append(
                f"article {record['id']} of {record['source'].get('name')}: no article to put its work on"
            )
            return
        text = target.text(aid)
        same = text == record["text"]
        raws = _record_raws(record)
        layout = Layout.of(aid, target.blocks[aid])
        existing = self.conn.execute(
            "SELECT tag_id, char_start, char_end, note, coalesce(author, ''), orphaned, quote FROM annotations"
            " WHERE article_id = ?",
            (aid,),
        ).fetchall()
        keys = {(r[0], r[1], r[2], r[3], r[4]) for r in existing if not r[5]}
        orphan_keys = {(r[0], r[6], r[3], r[4]) for r in existing if r[5]}
        texts = {a: target.text(a) for a in target.articles}
        added: list[int] = []
        for ann in record.get("annotations", ()):
            path = ann.get("tag")
            if not path:
                self.report.problems.append(f"a passage of article {record['id']} has no tag; skipped")
                continue
            tag_id = self.tag(path)
            author = ann.get("author") or ""
            note = ann.get("note") or ""
            place = None if ann.get("orphaned") else self._place(ann, raws, layout, text, same, texts, aid)
            if place is None:
                key = (tag_id, ann["quote"], note, author)
                if key in orphan_keys:
                    self.report.annotations_already += 1
                    continue
                orphan_keys.add(key)
                at = min(ann.get("start", 0), len(text))
                added.append(self._insert(aid, tag_id, at, at, ann["quote"], ann.get("prefix", ""),
                                          ann.get("suffix", ""), ann, orphaned=True))
                self.report.annotations_orphaned += 1
                continue
            place_aid, s, e_ = place
            if place_aid != aid:
                key_text = texts[place_aid]
            else:
                key_text = text
            key = (tag_id, s, e_, note, author)
            if place_aid == aid and key in keys:
                self.report.annotations_already += 1
                continue
            if place_aid == aid:
                keys.add(key)
            quote, prefix, suffix = key_text[s:e_], key_text[max(0, s - 32) : s], key_text[e_ : e_ + 32]
            added.append(self._insert(place_aid, tag_id, s, e_, quote, prefix, suffix, ann, orphaned=False))
        self.report.annotations_added += len(added)
        if added:
            self.touched_articles.add(aid)
        self._notes(record, aid)
        state = record.get("review_state")
        current = self.conn.execute("SELECT review_state FROM articles WHERE id = ?", (aid,)).fetchone()[0]
        if state in _RANK and _RANK[state] > _RANK.get(current, 0):
            self.conn.execute("UPDATE articles SET review_state = ? WHERE id = ?", (state, aid))
            self.report.review_states += 1
            self.touched_articles.add(aid)

    @staticmethod
    def _place(ann: dict, raws: list[int | None], layout: Layout, text: str, same: bool, texts: dict[int, str],
               aid: int) -> tuple[int, int, int] | None:
        """(article, start, end) for a passage here, or None (orphaned)."""
        s, e = ann.get("start", 0), ann.get("end", 0)
        quote = ann.get("quote", "")
        if same and 0 <= s < e <= len(text) and text[s:e] == quote:
            return aid, s, e
        hint = s
        inside = [i for i in range(max(0, s), min(e, len(raws))) if raws[i] is not None]
        if inside:
            loc = layout.offset_of_raw(raws[inside[0]])
            if loc is not None:
                start = loc.article_offset - (inside[0] - s)
                if start >= 0 and text[start : start + len(quote)] == quote:
                    return aid, start, start + len(quote)
                hint = max(0, start)
        return anchoring.locate_in_pages(
            texts, list(texts), quote, ann.get("prefix", ""), ann.get("suffix", ""), (aid, hint)
        )

    def _insert(self, aid: int, tag_id: int, s: int, e: int, quote: str, prefix: str, suffix: str, ann: dict,
                *, orphaned: bool) -> int:
        created = ann.get("created_at") or now()
        cur = self.conn.execute(
            "INSERT INTO annotations (article_id, tag_id, char_start, char_end, quote, prefix, suffix, note, author,"
            " created_at, updated_at, orphaned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (aid, tag_id, s, e, quote, prefix, suffix, ann.get("note") or "", ann.get("author"), created,
             ann.get("updated_at") or created, int(orphaned)),
        )
        return cur.lastrowid

    def _notes(self, record: dict, aid: int) -> None:
        have = {
            (t, a or "")
            for t, a in self.conn.execute("SELECT text, author FROM article_notes WHERE article_id = ?", (aid,))
        }
        for n in record.get("notes", ()):
            key = (n.get("text", ""), n.get("author") or "")
            if key in have or not key[0]:
                continue
            have.add(key)
            created = n.get("created_at") or now()
            self.conn.execute(
                "INSERT INTO article_notes (article_id, text, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                (aid, key[0], n.get("author"), created, n.get("updated_at") or created),
            )
            self.report.notes_added += 1
            self.touched_articles.add(aid)


def merge_jsonl(
    cx: Connection, path: str | Path, *, progress: Callable[[int, int], None] | None = None
) -> MergeReport:
    """Merge a JSONL export (:mod:`db.export`) into the project; see the module docstring."""
    path = Path(path)
    total = sum(1 for _ in _records(path))  # reads the file once: a bad line is refused before anything changes
    done = 0
    if progress is not None:
        progress(0, total)
    with cx.write() as conn:
        ensure_tables(conn)
        merger = _Merger(cx, conn, path.name)
        for book, group in _groups(path):
            if book is not None:
                merger.codebook(book["codebook"])
            if group:
                merger.merge_group(group)
                done += len(group)
                if progress is not None:
                    progress(done, total)
        for aid in merger.touched_articles:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone():
                refresh_article(conn, aid)
        cx.announce(
            event(
                Change.SOURCES | Change.ARTICLES | Change.TEXT | Change.ANNOTATIONS | Change.TAGS | Change.NOTES
                | Change.REVIEW | Change.HISTORY,
                sources=merger.touched_sources,
                articles=merger.touched_articles,
            )
        )
    return merger.report


# -- conflicts ------------------------------------------------------------------------------------


def conflicts(cx: Connection, status: str | None = "pending") -> list[Conflict]:
    """Conflicts kept by merges (``status`` None: all), oldest first."""
    with cx.read() as conn:
        if not has_table(conn, CONFLICTS_TABLE):
            return []
        sql = f"SELECT {_CONFLICT_COLUMNS} FROM {CONFLICTS_TABLE}"
        rows = conn.execute(sql + (" WHERE status = ?" if status else "") + " ORDER BY id",
                            (status,) if status else ()).fetchall()
    return [Conflict(*r) for r in rows]


def _conflict_row(conn: sqlite3.Connection, conflict_id: int) -> sqlite3.Row | tuple:
    if not has_table(conn, CONFLICTS_TABLE):
        raise NotFound("conflict", conflict_id)
    row = conn.execute(
        f"SELECT {_CONFLICT_COLUMNS}, prefix, suffix, payload, source_id FROM {CONFLICTS_TABLE} WHERE id = ?",
        (conflict_id,),
    ).fetchone()
    if row is None:
        raise NotFound("conflict", conflict_id)
    return row


def reject_conflict(cx: Connection, conflict_id: int) -> Conflict:
    """Keep this project's text; the incoming edit is set aside (and not offered again by later merges)."""
    with cx.write() as conn:
        row = _conflict_row(conn, conflict_id)
        if row[14] != "pending":
            raise MergeError(f"conflict #{conflict_id} is already {row[14]}")
        conn.execute(f"UPDATE {CONFLICTS_TABLE} SET status = 'rejected', resolved_at = ? WHERE id = ?",
                     (now(), conflict_id))
    return conflicts_by_id(cx, conflict_id)


def conflicts_by_id(cx: Connection, conflict_id: int) -> Conflict:
    with cx.read() as conn:
        return Conflict(*_conflict_row(conn, conflict_id)[:16])


def accept_conflict(cx: Connection, conflict_id: int) -> Conflict:
    """Apply the incoming edit instead of this project's text.

    A text conflict replaces what this project has at the conflict's place (found again
    by its text and context if it moved) with the incoming text, as a correction by the
    incoming edit's author. A structural or revert conflict is tried again: it is applied
    if the text now reads as the edit expects, else :class:`MergeError` says why not.
    """
    with cx.write() as conn:
        row = _conflict_row(conn, conflict_id)
        c = Conflict(*row[:16])
        prefix, suffix, payload, source_id = row[16], row[17], json.loads(row[18]), row[19]
        if c.status != "pending":
            raise MergeError(f"conflict #{conflict_id} is already {c.status}")
        if c.kind == "text":
            _accept_text(cx, conn, c, prefix, suffix)
        else:
            if source_id is None:
                raise MergeError(f"conflict #{conflict_id}: its source is not in this project")
            merger = _Merger(cx, conn, c.origin_file)
            merger.conflicted.discard(payload.get("origin", ""))
            target = _Target(conn, source_id)
            if c.kind == "revert":
                raise MergeError(f"conflict #{conflict_id}: {c.detail}; revert the edit by hand if it applies")
            outcome = (merger._role if c.op == "role" else merger._structural)(payload, target)
            conn.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id > ? AND origin = ?",
                         (conflict_id, payload.get("origin", "")))
            if not isinstance(outcome, int) and outcome != "already":
                raise MergeError(
                    f"conflict #{conflict_id}: the paragraphs still read differently from what the edit expects; "
                    "make the change by hand, then reject the conflict"
                )
            if isinstance(outcome, int):
                conn.execute(f"INSERT OR REPLACE INTO {ORIGINS_TABLE} (edit_id, origin) VALUES (?, ?)",
                             (outcome, payload.get("origin", "")))
        conn.execute(f"UPDATE {CONFLICTS_TABLE} SET status = 'accepted', resolved_at = ? WHERE id = ?",
                     (now(), conflict_id))
    return conflicts_by_id(cx, conflict_id)


def _accept_text(cx: Connection, conn: sqlite3.Connection, c: Conflict, prefix: str, suffix: str) -> None:
    if c.article_id is None or c.start is None or c.end is None:
        raise MergeError(f"conflict #{c.id}: its place in this project is not known; make the change by hand")
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (c.article_id,)).fetchone()
    if row is None:
        raise MergeError(f"conflict #{c.id}: its article no longer exists")
    text = row[0]
    start = c.start
    if text[start : c.end] != c.ours:
        needle = prefix + c.ours + suffix
        at = text.find(needle)
        if at < 0 or text.find(needle, at + 1) >= 0:
            raise MergeError(f"conflict #{c.id}: the text there changed since; make the change by hand")
        start = at + len(prefix)
    if c.ours == c.theirs:
        return
    entry = edits.correct(cx, c.article_id, start, start + len(c.ours), c.theirs, author=c.author, note=c.note)
    conn.execute(f"INSERT OR REPLACE INTO {ORIGINS_TABLE} (edit_id, origin) VALUES (?, ?)",
                 (entry.id, conn.execute(f"SELECT origin FROM {CONFLICTS_TABLE} WHERE id = ?", (c.id,)).fetchone()[0]))
