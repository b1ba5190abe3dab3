"""The shape of an incoming JSONL export, checked before a merge touches the project.

:mod:`db.merge` reads another project's export (written by :mod:`db.export`). A file made
by hand, by another tool or damaged on the way can hold anything: a string where a list
belongs, a negative offset, a tag path of only slashes, bytes that are not base64. Every
line is checked here against typed declarations (``msgspec`` structs, which also reject a
float or a bool where an integer belongs) and a few rules a type cannot say (a range inside
its text, a base64 copy that decodes), so a bad file is refused with one line naming the
line number and the field, before anything is written.

Only what the merge reads is declared; unknown keys are allowed (later format versions
only add keys). The records are handed on as the plain dicts the merge works with.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import msgspec

from db.errors import StoreError
from db.page_header import MAX_NUMBER
from db.source_attributes import MAX_NAME_CHARS
from db.source_dates import typed_date

FORMAT_NAME = "jiaokan-jsonl"  # the same name db.export writes (not imported: the reader needs no writer)
SUPPORTED_VERSIONS = (1, 2, 3)  # 3 added the sources' attribute changes (``source.changes``)

NonNegative = Annotated[int, msgspec.Meta(ge=0)]
Slot = Annotated[int, msgspec.Meta(ge=1, le=9)]
Colour = Annotated[str, msgspec.Meta(pattern=r"^#[0-9A-Fa-f]{6}$")]
Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9A-Fa-f]{64}$")]
Run = tuple[NonNegative, NonNegative, NonNegative]
IsoDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
PageName = Annotated[str, msgspec.Meta(max_length=MAX_NAME_CHARS)]
PageNumber = Annotated[int, msgspec.Meta(ge=1, le=MAX_NUMBER)]


class InvalidExport(StoreError):
    """A line of a JSONL export that cannot be merged; the message names the file, line and field."""


class Header(msgspec.Struct):
    """An export's first line: which format, which version of it, from which project."""

    format: str
    version: int
    project: str | None = None


class Raw(msgspec.Struct):
    """The verbatim page the first article of a source carries."""

    text: str
    base64: str | None = None
    engine_version: str | None = None


class PageValues(msgspec.Struct):
    """A page's attributes before or after a change."""

    date: IsoDate | None = None
    name: PageName = ""
    number: PageNumber | None = None


class AttributeChange(msgspec.Struct, kw_only=True):
    """One recorded change of a page's attributes (format 3): when, by whom, from what to what."""

    at: str
    author: str | None = None
    before: PageValues
    after: PageValues


class PageAttributeFields(msgspec.Struct):
    """A source's page attributes as an export writes them (format 2; their history from format 3).

    The merge reads them into :class:`db.page_header.PageAttributes`.
    """

    date: IsoDate | None = None
    page_name: PageName | None = None
    page_number: PageNumber | None = None
    changes: list[AttributeChange] | None = None


class Source(PageAttributeFields, kw_only=True):
    """The page an article stands on: its file's digest and name, the raw page with its first article."""

    sha256: Sha256
    id: int | None = None
    name: str | None = None
    path: str | None = None
    raw: Raw | None = None


class Block(msgspec.Struct):
    text: str
    runs: list[Run] | str
    role: str | None = None


class SnapBlock(Block):
    """A block as an edit's snapshot holds it: always with its role (``runs`` as stored: compact JSON text)."""

    role: str


class Snapshot(msgspec.Struct):
    """An edit's ``before``: the blocks it involved (by id; None: not there yet) and the articles' block order."""

    blocks: dict[str, SnapBlock | None] = {}
    order: dict[str, list[int]] = {}


class Params(msgspec.Struct):
    """The edit parameters the merge reads; each operation uses some of them."""

    block_id: int | None = None
    next_block_id: int | None = None
    offset: NonNegative | None = None
    to_article: int | None = None
    next_article_id: int | None = None
    old_text: str | None = None
    text: str | None = None
    role: str | None = None
    old_role: str | None = None
    reverts: int | None = None


class Edit(msgspec.Struct, kw_only=True):
    """An edit of the article's history, its keys in the order :mod:`db.export` writes them."""

    id: int
    at: str = ""
    author: str | None = None
    op: str
    params: Params = msgspec.field(default_factory=Params)
    note: str | None = None
    reverts: int | None = None
    article_id: int | None = None
    steps: list[list[Any]] = []
    before: Snapshot | None = None
    origin: str | None = None


class Authored(msgspec.Struct, kw_only=True):
    """Who wrote a piece of work on an article and when: passages and notes carry the same three keys."""

    author: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class Annotation(Authored):
    quote: str
    start: NonNegative = 0
    end: NonNegative = 0
    tag: str | None = None
    prefix: str = ""
    suffix: str = ""
    note: str | None = None
    orphaned: bool = False


class Note(Authored):
    text: str = ""


class CodebookEntry(msgspec.Struct):
    path: str
    colour: Colour | None = None
    description: str | None = None
    slot: Slot | None = None


class Article(msgspec.Struct):
    """One line: an article with its source, blocks and the work done on it."""

    id: int
    source: Source
    blocks: list[Block]
    text: str
    position: NonNegative = 0
    review_state: str | None = None
    edits: list[Edit] = []
    annotations: list[Annotation] = []
    notes: list[Note] = []
    codebook: list[CodebookEntry] | None = None
    jiaokan: Header | None = None


#: What the patterns above mean, for messages.
_PATTERNS = {
    r"^#[0-9A-Fa-f]{6}$": "a colour written #rrggbb",
    r"^[0-9A-Fa-f]{64}$": "a SHA-256 digest (64 hexadecimal digits)",
    r"^\d{4}-\d{2}-\d{2}$": "a date written YYYY-MM-DD",
}

_FIELD = re.compile(r" - at `\$\.?(.*)`$")


def _describe(exc: msgspec.ValidationError) -> str:
    """msgspec's "Expected `int`, got `str` - at `$.annotations[0].start`" as "field annotations[0].start: ..."."""
    text = str(exc)
    match = _FIELD.search(text)
    if match is None:
        return text
    what = text[: match.start()].replace("`", "")
    for pattern, meaning in _PATTERNS.items():
        for written in (pattern, pattern.replace("\\", "\\\\")):  # msgspec doubles a backslash
            what = what.replace(f"str matching regex '{written}'", meaning)
    return f"field {match.group(1) or '(the line)'}: {what[:1].lower()}{what[1:]}"


def _tag_path_problem(path: str) -> str | None:
    if not path.strip():
        return "is blank"
    if any(not part.strip() for part in path.split("/")):
        return f"{path!r} has an empty level (a tag path is names joined by '/')"
    return None


def _check_runs(runs: list[Run] | str, length: int) -> str | None:
    if isinstance(runs, str):
        try:
            parsed = msgspec.convert(json.loads(runs), list[Run])
        except (ValueError, msgspec.ValidationError):
            return "is not a list of [text offset, raw offset, length] triples"
    else:
        parsed = runs
    for t0, _r0, n in parsed:
        if t0 + n > length:
            return f"run {[t0, _r0, n]} reaches past the end of the block's text ({length} characters)"
    return None


def _rules(article: Article) -> Iterator[str]:
    """What a type cannot say: ranges inside their text, decodable copies, usable tag paths."""
    yield from _date_rules(article.source)
    raw = article.source.raw
    if raw is not None and raw.base64 is not None:
        try:
            base64.b64decode(raw.base64, validate=True)
        except (binascii.Error, ValueError):
            yield "field source.raw.base64: not valid base64"
    for k, block in enumerate(article.blocks):
        problem = _check_runs(block.runs, len(block.text))
        if problem:
            yield f"field blocks[{k}].runs: {problem}"
    for k, entry in enumerate(article.codebook or ()):
        problem = _tag_path_problem(entry.path)
        if problem:
            yield f"field codebook[{k}].path: the tag path {problem}"
    for k, ann in enumerate(article.annotations):
        if ann.start > ann.end:
            yield f"field annotations[{k}]: start {ann.start} is after end {ann.end}"
        if ann.tag is not None:
            problem = _tag_path_problem(ann.tag)
            if problem:
                yield f"field annotations[{k}].tag: the tag path {problem}"
    for k, edit in enumerate(article.edits):
        yield from _edit_rules(edit, f"edits[{k}]")


def _date_rules(source: Source) -> Iterator[str]:
    """Every date a source carries is a day of the calendar (the pattern lets 2025-02-30 through)."""
    dates = [("source.date", source.date)]
    for k, change in enumerate(source.changes or ()):
        dates += [(f"source.changes[{k}].before.date", change.before.date),
                  (f"source.changes[{k}].after.date", change.after.date)]
    for where, value in dates:
        if value is not None and typed_date(value) != value:
            yield f"field {where}: {value!r} is not a day of the calendar"


def _edit_rules(edit: Edit, where: str) -> Iterator[str]:
    snapshot = edit.before or Snapshot()
    for key, block in snapshot.blocks.items():
        if block is None:
            continue
        problem = _check_runs(block.runs, len(block.text))
        if problem:
            yield f"field {where}.before.blocks[{key!r}].runs: {problem}"
    for j, step in enumerate(edit.steps):
        if not step or not isinstance(step[0], str):
            yield f"field {where}.steps[{j}]: a step starts with its name"
            continue
        if step[0] != "breplace":
            continue
        shape_ok = len(step) == 6 and all(type(v) is int and v >= 0 for v in step[3:5]) and step[3] <= step[4]
        if not shape_ok:
            yield f"field {where}.steps[{j}]: a breplace step is [name, article, block, start, end, length]"
            continue
        snap = snapshot.blocks.get(str(step[2]))
        if edit.op == "correct" and snap is not None and step[4] > len(snap.text):  # a join reaches the newline
            yield f"field {where}.steps[{j}]: the range {step[3]}-{step[4]} is outside the block it names"


def check_record(record: object, number: int, *, first: bool) -> dict:
    """The record of line ``number`` if it can be merged; else :class:`InvalidExport` naming the field."""
    if not isinstance(record, dict) or not all(k in record for k in ("id", "source", "blocks", "text")):
        raise InvalidExport(f"line {number}: not an article of a Jiaokan JSONL export")
    try:
        article = msgspec.convert(record, Article)
    except msgspec.ValidationError as exc:
        raise InvalidExport(f"line {number}: {_describe(exc)}") from None
    if first:
        header = article.jiaokan
        if header is None:
            raise InvalidExport(f"line {number}: no format header (\"jiaokan\": {{\"format\": \"{FORMAT_NAME}\", …}})")
        if header.format != FORMAT_NAME:
            raise InvalidExport(f"line {number}: the format is {header.format!r}, not {FORMAT_NAME!r}")
        if header.version not in SUPPORTED_VERSIONS:
            newest = SUPPORTED_VERSIONS[-1]
            hint = "written by a newer Jiaokan; please update" if header.version > newest else "unknown version"
            raise InvalidExport(f"line {number}: format version {header.version} ({hint}; this one reads 1-{newest})")
    for problem in _rules(article):
        raise InvalidExport(f"line {number}: {problem}")
    return record


def read_export(path: str | Path, error: type[StoreError] = InvalidExport) -> Iterator[tuple[int, dict]]:
    """(line number, record) of every checked line; the first bad line raises ``error`` with its message."""
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise error(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    first = True
    with fh:
        number = 0
        try:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise error(f"{path}, line {number}: not JSON ({exc.msg})") from None
                try:
                    yield number, check_record(record, number, first=first)
                except InvalidExport as exc:
                    raise error(f"{path}, {exc}") from None
                first = False
        except UnicodeDecodeError:
            raise error(f"{path}, line {number + 1}: not UTF-8 text") from None
        except OSError as exc:
            raise error(f"{path}: cannot be read: {exc.strerror or exc}") from exc
