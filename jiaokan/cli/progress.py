"""Progress on stderr: a bar on a terminal, plain lines otherwise (logs, pipes, tests)."""

from __future__ import annotations

import os
from typing import TextIO

from db.importer import ImportProgress
from db.models import ImportStatus


class Bar:
    """``progress(done, total)``: a bar on a terminal, a line per tenth otherwise."""

    def __init__(self, err: TextIO, label: str) -> None:
        self.err = err
        self.label = label
        self.tty = hasattr(err, "isatty") and err.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            filled = int(30 * done / max(1, total))
            self.err.write(f"\r{self.label} [{'#' * filled}{'-' * (30 - filled)}] {done}/{total}")
            if done >= total:
                self.err.write("\n")
            self.err.flush()
            return
        tenth = 10 * done // max(1, total)
        if tenth != self.shown:
            self.shown = tenth
            self.err.write(f"{self.label}: {10 * tenth}% ({done}/{total})\n")
            self.err.flush()


class ImportBar:
    """A bar on a terminal, one plain line per file otherwise."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.tty = hasattr(err, "isatty") and err.isatty()
        self.width = 30

    def __call__(self, p: ImportProgress) -> None:
        name = os.path.basename(p.path)
        if self.tty:
            filled = int(self.width * p.done / max(1, p.total))
            bar = "#" * filled + "-" * (self.width - filled)
            self.err.write(f"\r[{bar}] {p.done}/{p.total} {name[:40]:<40}")
            if p.done == p.total:
                self.err.write("\n")
            self.err.flush()
            return
        o = p.outcome
        detail = o.reason if o.status in (ImportStatus.FAILED, ImportStatus.SKIPPED) else f"{o.articles} articles"
        self.err.write(f"[{p.done}/{p.total}] {o.status.value}: {p.path} ({detail})\n")
        self.err.flush()
