"""The codebook and the sources an export brings: tags matched by path (created when missing),
sources matched by SHA-256 (imported from the export's copy when missing)."""

from __future__ import annotations

import base64
import sqlite3

from db import codebook, sources
from db.connection import Connection
from db.merge.model import MergeReport


class TagMatcher:
    """Tag path -> tag id here, creating the tags an export names and this project lacks."""

    def __init__(self, cx: Connection, conn: sqlite3.Connection, report: MergeReport) -> None:
        self.cx = cx
        self.conn = conn
        self.report = report
        self.tags: dict[str, int] = {t.path: t.id for t in codebook.all_tags(conn)}

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
                tid = self._create(sub, names[depth - 1], parent, row if depth == len(names) else None)
            parent = tid
        assert parent is not None
        self.tags[path] = parent
        return parent

    def _create(self, path: str, name: str, parent: int | None, row: dict | None) -> int:
        """A missing tag; the last of a path takes the export's colour, description and slot (if free)."""
        row = row or {}
        slot = row.get("slot")
        if slot is not None and self.conn.execute("SELECT 1 FROM tags WHERE slot = ?", (slot,)).fetchone():
            self.report.problems.append(f"tag {path!r}: keyboard slot {slot} is taken here; not assigned")
            slot = None
        tid = codebook.add(self.cx, name, parent_id=parent, colour=row.get("colour"),
                           description=row.get("description") or "", slot=slot).id
        self.tags[path] = tid
        self.report.tags_created += 1
        return tid


def source_for(cx: Connection, conn: sqlite3.Connection, group: list[dict], report: MergeReport) -> int | None:
    """The source here for one source's records of the export (imported when missing), or None (skipped)."""
    first = group[0]["source"]
    sha = first["sha256"]
    row = conn.execute(  # the current version if the engine was run again on the same bytes
        "SELECT id FROM sources WHERE sha256 = ? ORDER BY superseded, id DESC LIMIT 1", (sha,)
    ).fetchone()
    if row is not None:
        report.sources_matched += 1
        return row[0]
    raw = next((r["source"].get("raw") for r in group if r["source"].get("raw")), None)
    name = first.get("name") or sha[:12]
    if raw is None:
        report.sources_skipped += 1
        report.problems.append(
            f"source {name} is not in this project and the export carries no copy of it: import the page dump, "
            "then merge again"
        )
        return None
    data = base64.b64decode(raw["base64"]) if raw.get("base64") else raw["text"].encode("utf-8")
    if sources.sha256(data) != sha:
        report.sources_skipped += 1
        report.problems.append(f"source {name}: the copy in the export does not match its SHA-256; skipped")
        return None
    try:
        prep = sources.prepare(data, first.get("path") or name)
    except sources.ImportRefused as exc:
        report.sources_skipped += 1
        report.problems.append(f"source {name} cannot be imported: {exc.reason}")
        return None
    if raw.get("engine_version") and raw["engine_version"] != prep.engine_version:
        report.problems.append(
            f"source {name} was read by engine {raw['engine_version']} in the exporting project and by "
            f"{prep.engine_version} here: its articles may differ, and some edits may not apply"
        )
    outcome = sources.store(cx, prep)
    report.sources_imported += 1
    if outcome.status.value == "new_version":
        report.problems.append(
            f"source {name}: this project had other content under the same path; the merged page is now the "
            "latest version of it (the earlier one is kept as a superseded version)"
        )
    return outcome.source_id
