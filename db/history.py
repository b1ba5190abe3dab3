"""Which edits are in effect: the one rule, used by the store, the exports and the reports.

The history is append-only: undoing an edit appends a revert, and a revert can itself be
reverted. An edit is in effect unless a revert of it is in effect; since a revert always
comes after what it reverts, one pass from the newest edit back decides every edit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def edits_in_effect(rows: Iterable[tuple[int, int | None]]) -> dict[int, tuple[bool, int | None]]:
    """For (edit id, id of the edit it reverts or None) in id order: edit id -> (in effect?, its undoer).

    The undoer is the latest revert in effect that undoes the edit (None while it is in effect).
    """
    ordered = list(rows)
    reverted_by: dict[int, list[int]] = {}
    for edit_id, reverts in ordered:
        if reverts is not None:
            reverted_by.setdefault(reverts, []).append(edit_id)
    result: dict[int, tuple[bool, int | None]] = {}
    for edit_id, _ in reversed(ordered):
        undoers = [r for r in reverted_by.get(edit_id, []) if result.get(r, (True, None))[0]]
        result[edit_id] = (not undoers, undoers[-1] if undoers else None)
    return result


def active_ids(rows: Iterable[tuple[int, int | None]]) -> set[int]:
    """The ids of the edits in effect among ``rows`` (see :func:`edits_in_effect`)."""
    return {edit_id for edit_id, (on, _) in edits_in_effect(rows).items() if on}


def active_map(conn: sqlite3.Connection, article_ids: Iterable[int]) -> dict[int, tuple[bool, int | None]]:
    """For each edit touching the articles: (still in effect?, the revert undoing it)."""
    ids = list(article_ids)
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT id, reverts FROM edits WHERE article_id IN ({marks}) OR other_article_id IN ({marks}) ORDER BY id",
        ids + ids,
    ).fetchall()
    return edits_in_effect(rows)
