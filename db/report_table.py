"""A report's result: a titled table that prints aligned, writes CSV and carries a reading note.

Its own module so that every report (``db.reports``, ``db.engine_report``) can build one without
importing the others.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from typing import Any, TextIO


@dataclass(slots=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    note: str = ""  #: how to read it (shown under the table)

    def write_csv(self, fh: TextIO) -> None:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(["" if v is None else _cell(v) for v in row])

    def to_csv(self) -> str:
        buf = io.StringIO()
        self.write_csv(buf)
        return buf.getvalue()

    def format(self) -> str:
        """An aligned plain-text table (CJK characters count as two columns)."""
        cells = [list(self.columns)] + [["" if v is None else _cell(v) for v in row] for row in self.rows]
        widths = [max(_width(r[i]) for r in cells) for i in range(len(self.columns))]
        lines = [self.title, ""]
        for k, row in enumerate(cells):
            parts = []
            for i, value in enumerate(row):
                pad = " " * (widths[i] - _width(value))
                parts.append(value + pad if i == 0 or not _numeric(value) else pad + value)
            lines.append("  ".join(parts).rstrip())
            if k == 0:
                lines.append("  ".join("-" * w for w in widths))
        if self.note:
            lines += ["", self.note]
        return "\n".join(lines) + "\n"


def _cell(v: Any) -> str:
    if isinstance(v, float):
        text = f"{v:.3f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(v)


def _numeric(s: str) -> bool:
    try:
        float(s.rstrip("%"))
    except ValueError:
        return False
    return True


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
