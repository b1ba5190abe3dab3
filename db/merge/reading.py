"""Reading a JSONL export (:mod:`db.export`) line by line, refusing what is not one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from db.merge.model import MergeError


def records(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, article record) for every non-blank line; :class:`MergeError` on the first bad one."""
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise MergeError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    with fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise MergeError(f"{path}, line {number}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not all(k in record for k in ("id", "source", "blocks", "text")):
                raise MergeError(f"{path}, line {number}: not an article of a Jiaokan JSONL export")
            source = record["source"]
            if not isinstance(source, dict) or not isinstance(source.get("sha256"), str):
                raise MergeError(f"{path}, line {number}: the article's source has no sha256")
            yield number, record


def groups(path: Path) -> Iterator[tuple[dict | None, list[dict]]]:
    """(codebook of the first line or None, the records of one source), source after source."""
    book: dict | None = None
    group: list[dict] = []
    for _number, record in records(path):
        if "codebook" in record:
            book = {"codebook": record["codebook"]}
        if group and record["source"].get("id") != group[0]["source"].get("id"):
            yield book, group
            book, group = None, []
        group.append(record)
    if group or book is not None:
        yield book, group
