"""Putting a decided merge conflict back to pending: the desk's undo of Accept and Keep Ours.

Accepting a text conflict also makes a correction; the desk reverts that through the history
(an entry of its own), and this puts the conflict back in the list to be decided again.
"""

from __future__ import annotations

from db.errors import NotFound
from db.merge import CONFLICTS_TABLE, MergeError


def reopen_conflict(project, conflict_id: int) -> None:
    """Conflict ``conflict_id`` is pending again (it was accepted or rejected)."""
    with project._cx.write() as conn:
        row = conn.execute(f"SELECT status FROM {CONFLICTS_TABLE} WHERE id = ?", (conflict_id,)).fetchone()
        if row is None:
            raise NotFound("conflict", conflict_id)
        if row[0] == "pending":
            raise MergeError(f"conflict #{conflict_id} is already pending")
        conn.execute(f"UPDATE {CONFLICTS_TABLE} SET status = 'pending', resolved_at = NULL WHERE id = ?",
                     (conflict_id,))
