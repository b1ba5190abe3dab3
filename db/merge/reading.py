"""Reading a JSONL export (:mod:`db.export`) line by line, refusing what is not one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from db.exchange_records import read_export
from db.merge.model import MergeError


def records(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, article record) for every non-blank line; :class:`MergeError` on the first bad one."""
    return read_export(path, MergeError)  # every line checked (types, ranges, header) before use


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
