"""Replaying one incoming edit gives a typed outcome (db/merge/replay.py), never an int or a string."""

from __future__ import annotations

from db import Project
from db.exports.snapshot import export_project
from db.merge import Outcome, Replayed
from db.merge.conflict_store import ConflictStore, ensure_tables
from db.merge.reading import groups
from db.merge.replay import EditReplayer
from db.merge.target import Target
from tests.exports.workproject import write_pages


def test_each_edit_is_applied_then_already_there(work_project, tmp_path):
    export = export_project(work_project, "jsonl", tmp_path / "work.jsonl").path
    with Project.open(tmp_path / "fresh.jiaokan", author="赵校对") as p:
        for page in write_pages(tmp_path / "pages"):
            p.import_file(page)
        cx = p._cx
        outcomes: list[Replayed] = []
        again: list[Replayed] = []
        with cx.write() as conn:
            ensure_tables(conn)
            replayer = EditReplayer(cx, ConflictStore(conn, export.name))
            for _book, group in groups(export):
                if not group:
                    continue
                sha = group[0]["source"]["sha256"]
                source_id = conn.execute("SELECT id FROM sources WHERE sha256 = ?", (sha,)).fetchone()[0]
                target = Target(conn, source_id)
                edits = sorted({e["id"]: e for r in group for e in r["edits"]}.values(), key=lambda e: e["id"])
                for e in edits:
                    if e["op"] == "revert":
                        continue  # reverts name edits by their export id: the driver maps them
                    outcomes.append(replayer.replay(e, target))
                    target.reload()
                for e in edits:
                    if e["op"] in ("correct", "role"):
                        again.append(replayer.replay(e, target))
    assert outcomes and all(isinstance(o, Replayed) and isinstance(o.outcome, Outcome) for o in outcomes)
    applied = [o for o in outcomes if o.outcome is Outcome.APPLIED]
    assert applied and all(isinstance(o.edit_id, int) and o.conflict_id is None for o in applied)
    assert again and {o.outcome for o in again} <= {Outcome.ALREADY, Outcome.CONFLICT}
    assert any(o.outcome is Outcome.ALREADY for o in again)
