"""The state of an incoming article carried onto the article here: passages, notes, review state.

- Passages are added to the article whose raw text they stand on: at the same offsets when
  the article reads the same, else found again by quote and context, else kept orphaned with
  their quote. Exact duplicates (same tag, range, note and author) are skipped; creation and
  update times are kept.
- Notes are added unless the article has one with the same text and author.
- Review states: the further one wins (unreviewed < in progress < proofread).
"""

from __future__ import annotations

import sqlite3

from db import anchoring
from db.articles import Layout
from db.connection import now
from db.merge.incoming import TagMatcher
from db.merge.model import MergeReport
from db.merge.target import Target, record_raws
from db.rows import named

_RANK = {"unreviewed": 0, "in_progress": 1, "proofread": 2}


class ArticleStateMerger:
    def __init__(self, conn: sqlite3.Connection, tags: TagMatcher, report: MergeReport) -> None:
        self.conn = conn
        self.tags = tags
        self.report = report
        self.touched_articles: set[int] = set()

    def article_here(self, record: dict, target: Target) -> int | None:
        aid = target.vote_article(record_raws(record))
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

    def merge(self, record: dict, target: Target) -> None:
        aid = self.article_here(record, target)
        if aid is None:
            self.report.problems.append(
                f"article {record['id']} of {record['source'].get('name')}: no article to put its work on"
            )
            return
        self._passages(record, target, aid)
        self._notes(record, aid)
        self._review_state(record, aid)

    def _passages(self, record: dict, target: Target, aid: int) -> None:
        text = target.text(aid)
        same = text == record["text"]
        raws = record_raws(record)
        layout = Layout.of(aid, target.blocks[aid])
        existing = named(
            self.conn,
            "SELECT tag_id, char_start, char_end, note, coalesce(author, '') AS author, orphaned, quote"
            " FROM annotations WHERE article_id = ?",
            (aid,),
        ).fetchall()
        keys = {(r["tag_id"], r["char_start"], r["char_end"], r["note"], r["author"]) for r in existing
                if not r["orphaned"]}
        orphan_keys = {(r["tag_id"], r["quote"], r["note"], r["author"]) for r in existing if r["orphaned"]}
        texts = {a: target.text(a) for a in target.articles}
        added: list[int] = []
        for ann in record.get("annotations", ()):
            path = ann.get("tag")
            if not path:
                self.report.problems.append(f"a passage of article {record['id']} has no tag; skipped")
                continue
            tag_id = self.tags.tag(path)
            author = ann.get("author") or ""
            note = ann.get("note") or ""
            place = None if ann.get("orphaned") else _place(ann, raws, layout, text, same, texts, aid)
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
            place_aid, s, e = place
            key_text = texts[place_aid] if place_aid != aid else text
            key = (tag_id, s, e, note, author)
            if place_aid == aid and key in keys:
                self.report.annotations_already += 1
                continue
            if place_aid == aid:
                keys.add(key)
            quote, prefix, suffix = key_text[s:e], key_text[max(0, s - 32) : s], key_text[e : e + 32]
            added.append(self._insert(place_aid, tag_id, s, e, quote, prefix, suffix, ann, orphaned=False))
        self.report.annotations_added += len(added)
        if added:
            self.touched_articles.add(aid)

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

    def _review_state(self, record: dict, aid: int) -> None:
        state = record.get("review_state")
        current = self.conn.execute("SELECT review_state FROM articles WHERE id = ?", (aid,)).fetchone()[0]
        if state in _RANK and _RANK[state] > _RANK.get(current, 0):
            self.conn.execute("UPDATE articles SET review_state = ? WHERE id = ?", (state, aid))
            self.report.review_states += 1
            self.touched_articles.add(aid)


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
