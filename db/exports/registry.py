"""The export formats, for the CLI and the File menu: name -> writer, description and file extension.

Every writer has the signature ``writer(corpus, out, progress=None) -> Path``: ``out`` is a
file path (or a folder when :attr:`ExportFormat.is_directory`), ``progress(done, total)``
is called about 200 times over a run and may raise to cancel. A file is written to a
temporary name beside ``out`` and renamed when complete, so a failed or cancelled export
leaves no partial file. Writers raise :class:`db.exports.common.ExportError` when the
corpus cannot be written in the format.

``jsonl`` is the store's native format (:mod:`db.export`, adapted by :mod:`db.exports.jsonl`); it
is written from a project snapshot (:mod:`db.exports.snapshot`), not from a hand-built corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.exports.brat import write_brat
from db.exports.common import ExportError, Progress
from db.exports.csv_table import write_csv
from db.exports.jsonl import write_jsonl
from db.exports.model import ExportCorpus
from db.exports.reading import write_markdown, write_text
from db.exports.refi_qda import write_qdc, write_qdpx
from db.exports.tei import write_tei
from db.exports.w3c_anno import write_w3c

Writer = Callable[[ExportCorpus, Path, Progress | None], Path]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str  # the CLI's --format value
    label: str  # for a menu or a file dialog's type list
    description: str
    extension: str  # default file extension with the dot ("" for a folder)
    writer: Writer
    is_directory: bool = False

    def default_path(self, stem: str, folder: Path) -> Path:
        return folder / (stem if self.is_directory else stem + self.extension)


FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> None:
    """Add a format (e.g. the store's native JSONL) to the registry; a name is registered once."""
    if fmt.name in FORMATS:
        raise ValueError(f"export format {fmt.name!r} is already registered")
    FORMATS[fmt.name] = fmt


for _fmt in (
    ExportFormat("jsonl", "Jiaokan JSONL", "The project's work, one article per line: merges into another project",
                 ".jsonl", write_jsonl),
    ExportFormat("csv", "CSV (Excel)", "One row per tagged passage with context, UTF-8 with BOM", ".csv", write_csv),
    ExportFormat("qdpx", "REFI-QDA project", "Project for ATLAS.ti, MAXQDA, NVivo and other QDA tools", ".qdpx",
                 write_qdpx),
    ExportFormat("qdc", "REFI-QDA codebook", "The tags alone, for QDA tools", ".qdc", write_qdc),
    ExportFormat("w3c", "W3C Web Annotation", "JSON-LD annotation collection (tags, notes, corrections)", ".jsonld",
                 write_w3c),
    ExportFormat("tei", "TEI P5 XML", "Corrected articles with tags, corrections and notes", ".xml", write_tei),
    ExportFormat("brat", "brat standoff", "A folder of .txt/.ann pairs with annotation.conf", "", write_brat,
                 is_directory=True),
    ExportFormat("markdown", "Markdown", "The corrected articles for reading", ".md", write_markdown),
    ExportFormat("text", "Plain text", "The corrected articles for reading", ".txt", write_text),
):
    register(_fmt)


def export(corpus: ExportCorpus, format_name: str, out: Path, progress: Progress | None = None) -> Path:
    try:
        fmt = FORMATS[format_name]
    except KeyError:
        raise ExportError(f"unknown export format {format_name!r}; known: {', '.join(FORMATS)}") from None
    return fmt.writer(corpus, Path(out), progress)
