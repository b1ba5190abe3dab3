"""Importing a REFI-QDA codebook (``.qdc``, QDA-XML 1.0) into a project's codebook.

The file is checked against the REFI-QDA codebook schema first: with lxml installed, by the
XSD itself (``db/exports/schemas/refi-qda-codebook-1.0.xsd``); without it, by the same rules
written out here (root ``CodeBook`` in ``urn:QDA-XML:codebook:1.0``, one ``Codes`` holding at
least one ``Code``, each ``Code`` with ``guid``, ``name`` and ``isCodable``, an optional
``#RGB``/``#RRGGBB`` ``color``, an optional ``Description`` before its child codes, optional
``Sets``). An invalid file is refused as a whole (:class:`CodebookInvalid`, one message per
problem with its line), and nothing is imported.

How codes become tags:

- nesting is kept (child codes become child tags); a code's ``color`` becomes the tag's colour
  (``#RGB`` is written out as ``#rrggbb``), its ``Description`` the tag's description;
- a code whose path already exists in the codebook is left as it is (reported as existing);
- Jiaokan has no "not codable" tags: such codes are imported as ordinary tags (counted);
- names Jiaokan cannot take are changed and reported: surrounding spaces are dropped, an
  empty name becomes ``未命名 unnamed``, "/" (the path separator) becomes "／" (full width);
- codes with the same name among siblings in the file clash (tag names are unique among
  siblings): the later ones are merged into the first, children included, and each clash is
  reported with both GUIDs;
- code sets (``Sets``) are not imported (Jiaokan has no sets); they are counted.

Everything is one transaction; ``dry_run`` reports what would happen and changes nothing.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.exports.common import ExportError
from db.project import Project

NS = "urn:QDA-XML:codebook:1.0"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "refi-qda-codebook-1.0.xsd"
UNNAMED = "未命名 unnamed"
MAX_BYTES = 32 * 1024 * 1024

_GUID = re.compile(
    r"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$"
)
_RGB = re.compile(r"^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$")
_BOOLEAN = {"true": True, "1": True, "false": False, "0": False}


class CodebookInvalid(ExportError):
    """The file is not a valid REFI-QDA codebook; ``errors`` lists every problem found."""

    def __init__(self, path: str, errors: list[str]) -> None:
        shown = errors[:10] + ([f"… and {len(errors) - 10} more"] if len(errors) > 10 else [])
        super().__init__(f"{path} is not a valid REFI-QDA codebook:\n  " + "\n  ".join(shown))
        self.errors = errors


@dataclass(slots=True)
class Code:
    guid: str
    name: str
    codable: bool
    colour: str | None
    description: str
    line: int
    children: list[Code] = field(default_factory=list)


@dataclass(slots=True)
class CodebookImport:
    """What an import did (or, with ``dry_run``, would do)."""

    created: list[str] = field(default_factory=list)  #: tag paths created
    existing: list[str] = field(default_factory=list)  #: paths already in the codebook, left as they were
    renamed: list[str] = field(default_factory=list)  #: readable lines: which name became what, and why
    clashes: list[str] = field(default_factory=list)  #: readable lines: sibling codes of the same name, merged
    not_codable: int = 0
    sets_ignored: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        verb = "would create" if self.dry_run else "created"
        parts = [f"{verb} {len(self.created)} tags", f"{len(self.existing)} already in the codebook"]
        if self.clashes:
            parts.append(f"{len(self.clashes)} name clashes among siblings merged")
        if self.renamed:
            parts.append(f"{len(self.renamed)} names changed")
        if self.not_codable:
            parts.append(f"{self.not_codable} codes marked not codable imported as ordinary tags")
        if self.sets_ignored:
            parts.append(f"{self.sets_ignored} code sets not imported (Jiaokan has no sets)")
        return "; ".join(parts)

    def lines(self) -> list[str]:
        return [self.summary(), *self.clashes, *self.renamed]


# -- parsing with line numbers ------------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    tag: str  # "{ns}local"
    attrs: dict[str, str]
    line: int
    text: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    @property
    def local(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    @property
    def ns(self) -> str:
        return self.tag[1:].split("}", 1)[0] if self.tag.startswith("{") else ""


def _parse(data: bytes) -> _Node:
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    stack: list[_Node] = []
    root: list[_Node] = []

    def qualify(name: str) -> str:
        return "{" + name if "}" in name else name

    def start(name: str, attrs: dict[str, str]) -> None:
        node = _Node(qualify(name), {qualify(k): v for k, v in attrs.items()}, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        if stack:
            stack[-1].text.append(text)

    def no_entities(*_args: Any) -> None:
        raise ValueError("entity declarations are not allowed in a codebook")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = no_entities
    parser.Parse(data, True)
    return root[0]


def _collapse(value: str) -> str:
    return " ".join(value.split())


def _check(node: _Node, errors: list[str]) -> None:
    """The XSD's rules, for when lxml is not installed."""

    def err(n: _Node, message: str) -> None:
        errors.append(f"line {n.line}: {message}")

    def only_whitespace(n: _Node) -> None:
        if "".join(n.text).strip():
            err(n, f"{n.local} must not contain text")

    def attributes(n: _Node, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        for a in required:
            if a not in n.attrs:
                err(n, f"{n.local} has no {a} attribute")
        for a in n.attrs:
            if a not in required and a not in optional:
                err(n, f"{n.local} has an attribute {a!r} the schema does not allow")
        if "guid" in n.attrs and not _GUID.match(_collapse(n.attrs["guid"])):
            err(n, f"{n.local} guid {n.attrs['guid']!r} is not a GUID")

    def sequence(n: _Node, allowed: list[tuple[str, int, int | None]]) -> None:
        """Children in order: (local name, min, max)."""
        kids = n.children
        i = 0
        for name, low, high in allowed:
            count = 0
            while i < len(kids) and kids[i].ns == NS and kids[i].local == name and (high is None or count < high):
                count += 1
                i += 1
            if count < low:
                at = kids[i] if i < len(kids) else n
                err(at, f"{n.local} needs {'a' if low == 1 else 'at least one'} {name} here")
        for extra in kids[i:]:
            err(extra, f"{extra.local} is not allowed here (inside {n.local})")

    def code(n: _Node) -> None:
        attributes(n, ("guid", "name", "isCodable"), ("color",))
        if "isCodable" in n.attrs and _collapse(n.attrs["isCodable"]) not in _BOOLEAN:
            err(n, f"isCodable {n.attrs['isCodable']!r} is not true or false")
        if "color" in n.attrs and not _RGB.match(_collapse(n.attrs["color"])):
            err(n, f"color {n.attrs['color']!r} is not #RRGGBB or #RGB")
        only_whitespace(n)
        sequence(n, [("Description", 0, 1), ("Code", 0, None)])
        for k in n.children:
            if k.local == "Description" and k.ns == NS:
                description(k)
            elif k.local == "Code" and k.ns == NS:
                code(k)

    def description(n: _Node) -> None:
        attributes(n, ())
        for k in n.children:
            err(k, "Description holds text only")

    def code_set(n: _Node) -> None:
        attributes(n, ("guid", "name"))
        only_whitespace(n)
        sequence(n, [("Description", 0, 1), ("MemberCode", 0, None)])
        for m in n.children:
            if m.local == "MemberCode":
                attributes(m, ("guid",))
                only_whitespace(m)
                for extra in m.children:
                    err(extra, "MemberCode must be empty")
            elif m.local == "Description":
                description(m)

    def holder(n: _Node, item: str, check: Callable[[_Node], None]) -> None:
        """An element holding one or more ``item`` elements and nothing else (Codes, Sets)."""
        attributes(n, ())
        only_whitespace(n)
        sequence(n, [(item, 1, None)])
        for k in n.children:
            if k.ns == NS and k.local == item:
                check(k)

    if node.ns != NS or node.local != "CodeBook":
        err(node, f"the root element must be CodeBook in the namespace {NS}, not {node.tag}")
        return
    attributes(node, (), ("origin",))
    only_whitespace(node)
    sequence(node, [("Codes", 1, 1), ("Sets", 0, 1)])
    for k in node.children:
        if k.ns != NS:
            continue
        if k.local == "Codes":
            holder(k, "Code", code)
        elif k.local == "Sets":
            holder(k, "Set", code_set)


def _xsd_errors(data: bytes) -> list[str] | None:
    """Errors by the XSD itself (None: lxml or the schema file is not available)."""
    try:
        from lxml import etree
    except ImportError:
        return None
    if not SCHEMA.is_file():
        return None
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        doc = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    if schema.validate(doc.getroottree()):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def validate(data: bytes, *, use_xsd: bool = True) -> list[str]:
    """Every problem that makes ``data`` an invalid REFI-QDA codebook ([] when it is valid)."""
    try:
        root = _parse(data)
    except (xml.parsers.expat.ExpatError, ValueError) as exc:
        return [f"not well-formed XML: {exc}"]
    found = _xsd_errors(data) if use_xsd else None
    if found is not None:
        return found
    errors: list[str] = []
    _check(root, errors)
    return errors


def _text(n: _Node) -> str:
    return "".join(n.text)


def read_codes(data: bytes, *, path: str = "codebook") -> tuple[list[Code], int]:
    """The validated codebook's codes (a forest) and the number of code sets; raises CodebookInvalid."""
    errors = validate(data)
    if errors:
        raise CodebookInvalid(path, errors)
    root = _parse(data)

    def code(n: _Node) -> Code:
        desc = next((_text(k) for k in n.children if k.local == "Description"), "")
        colour = _collapse(n.attrs["color"]) if "color" in n.attrs else None
        c = Code(_collapse(n.attrs["guid"]), n.attrs["name"], _BOOLEAN[_collapse(n.attrs["isCodable"])],
                 colour, desc, n.line)
        c.children = [code(k) for k in n.children if k.local == "Code"]
        return c

    codes_el = next(k for k in root.children if k.local == "Codes")
    sets_el = next((k for k in root.children if k.local == "Sets"), None)
    sets = sum(1 for k in sets_el.children if k.local == "Set") if sets_el is not None else 0
    return [code(k) for k in codes_el.children if k.local == "Code"], sets


def _colour(value: str | None) -> str | None:
    if not value:
        return None
    hexpart = value[1:]
    if len(hexpart) == 3:
        hexpart = "".join(ch * 2 for ch in hexpart)
    return "#" + hexpart.lower()


def _clean(name: str, where: str, report: CodebookImport, line: int) -> str:
    clean = name.strip()
    reason = "spaces around the name" if clean != name else ""
    if not clean:
        clean, reason = UNNAMED, "an empty name"
    if "/" in clean:
        clean, reason = clean.replace("/", "／"), "'/' separates levels in tag paths"
    if clean != name and reason:
        report.renamed.append(f"line {line}: {name!r}{where} became {clean!r} ({reason})")
    return clean


def import_codebook(project: Project, path: str | Path, *, dry_run: bool = False) -> CodebookImport:
    """Add the codes of a ``.qdc`` file to the project's codebook; see the module docstring."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CodebookInvalid(str(path), [f"the file is {size / 1e6:.0f} MB: too large for a codebook"])
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    codes, sets = read_codes(data, path=str(path))
    report = CodebookImport(sets_ignored=sets, dry_run=dry_run)
    with project.transaction():
        existing = {t.path: t.id for t in project.tags()}
        planned: dict[str, tuple[str, int]] = {}  # path -> (guid, line) of the code that made it

        def add(c: Code, parent_path: str, parent_id: int | None) -> None:
            where = f" under {parent_path!r}" if parent_path else " at the top level"
            name = _clean(c.name, where, report, c.line)
            full = f"{parent_path}/{name}" if parent_path else name
            if not c.codable:
                report.not_codable += 1
            if full in planned:
                first_guid, first_line = planned[full]
                report.clashes.append(
                    f"line {c.line}: code {name!r}{where} has the same name as the code on line {first_line} "
                    f"(guids {first_guid} and {c.guid}): merged into one tag"
                )
                tag_id = existing.get(full)
            else:
                planned[full] = (c.guid, c.line)
                if full in existing:
                    report.existing.append(full)
                    tag_id = existing[full]
                else:
                    report.created.append(full)
                    tag_id = None
                    if not dry_run:
                        tag_id = project.add_tag(name, parent_id=parent_id, colour=_colour(c.colour),
                                                 description=c.description).id
                        existing[full] = tag_id
            for child in c.children:
                add(child, full, tag_id)

        for c in codes:
            add(c, "", None)
    return report
