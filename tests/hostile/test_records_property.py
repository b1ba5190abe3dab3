"""Random changes to a real export: a merge either works or is refused as a store error, never crashes.

The CLI corpus (test_records.py) names the known bad cases; here Hypothesis changes any
value of any line (same-typed values too, which pass the type checks and reach the merge
logic: other offsets, other ids, shortened lists, dropped keys), and the merge must end in a
:class:`~db.errors.StoreError` or a result, leaving the project unchanged when it refuses.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import Project
from db.errors import StoreError

EXAMPLES = int(os.environ.get("JK_EXAMPLES", "60"))


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node[:4]):
            out.extend(_paths(value, (*prefix, i)))
    return out


def _changed(value: object, pick: int) -> object:
    """Another value of the same kind (mostly), chosen by ``pick``."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return [0, 1, 3, value + 1, value - 1, value * 2, 10**6, -1][pick % 8]
    if isinstance(value, str):
        return ["", "x", value[: len(value) // 2], value + value, "correct", "join", "a/b", "paragraph"][pick % 8]
    if isinstance(value, list):
        return [value[:-1], value[1:], value[::-1], value + value[:1], [], None, "x", [None]][pick % 8]
    if isinstance(value, dict):
        trimmed = dict(value)
        if trimmed:
            trimmed.pop(list(trimmed)[pick % len(trimmed)])
        return [trimmed, {}, None, 1][pick % 4]
    return [0, "", [], {}][pick % 4]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10**6), st.integers(0, 7)), min_size=1,
                        max_size=3))
def test_a_changed_export_merges_or_is_refused(changes, export_lines, project_copy, tmp_path):
    rows = [json.loads(line) for line in export_lines]
    for line, where, pick in changes:
        record = rows[line % len(rows)]
        paths = [p for p in _paths(record) if p[0] != "after"]
        path = paths[where % len(paths)]
        node = record
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = _changed(node[path[-1]], pick)
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    target = tmp_path / "example.jiaokan"
    shutil.copyfile(project_copy, target)
    before = _digest(target)
    refused = False
    try:
        with Project.open(target, create=False) as project:
            project.merge_jsonl(changed)
    except StoreError:
        refused = True
    if refused:
        assert _digest(target) == before
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
