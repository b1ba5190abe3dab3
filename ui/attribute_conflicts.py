"""How the conflicts panel shows a conflict over a page's attribute (its date, page name or page number).

Such a conflict (:mod:`db.merge.attributes`) has no article: "ours" is the page's value here, and
the raw text is the page's running header, where the engine read the attributes from.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db import StoreError
from db.merge import Conflict
from db.merge.attributes import KIND
from db.page_header import header_line
from db.source_dates import WRITTEN_DATE

#: the field a conflict is about (its ``op``) as the panel names it
FIELDS = {"date": QT_TRANSLATE_NOOP("ConflictsPanel", "page date"),
          "name": QT_TRANSLATE_NOOP("ConflictsPanel", "page name"),
          "number": QT_TRANSLATE_NOOP("ConflictsPanel", "page number")}


def is_attribute(c: Conflict) -> bool:
    return c.kind == KIND


def field_label(c: Conflict) -> str:
    """"page date", "page name" or "page number", in the interface language."""
    return QCoreApplication.translate("ConflictsPanel", FIELDS.get(c.op, c.op))


def detail(c: Conflict) -> str:
    text = QCoreApplication.translate("ConflictsPanel", "Both projects changed the %1 of this page differently")
    return text.replace("%1", field_label(c))


def texts(project, c: Conflict, mark: str) -> tuple[str, str]:
    """(this project's value, the page's running header) as HTML."""
    if c.source_id is None:
        return "", ""
    try:
        source = project.get_source(c.source_id)
    except StoreError:
        return "", ""
    value = f'<span style="{mark}">{html.escape(c.ours) or "∅"}</span>'
    title = QCoreApplication.translate("ConflictsPanel", "The %1 of %2:").replace("%1", field_label(c))
    ours = "<p>" + html.escape(title.replace("%2", source.name)) + "</p>"
    ours += f"<p>{value}</p>"
    header = raw_header(source.raw_text, source.furniture)
    if header is None:
        missing = QCoreApplication.translate("ConflictsPanel", "The page has no running header")
        return ours, "<p><i>" + html.escape(missing) + "</i></p>"
    return ours, f'<p><span style="{mark}">{html.escape(header.strip())}</span></p>'


def raw_header(raw: str, furniture) -> str | None:
    """The raw line(s) of the page's running header (as :func:`db.page_header.header_line` finds it)."""
    for text, runs in furniture:
        if runs and WRITTEN_DATE.search(text):
            lo, hi = runs[0][1], runs[-1][1] + runs[-1][2]
            end = raw.find("\n", hi)
            return raw[raw.rfind("\n", 0, lo) + 1 : len(raw) if end < 0 else end].strip()
    return header_line((), raw)


def page_names(project, conflicts: list[Conflict]) -> dict[int, str]:
    """Source id -> file name, for the attribute conflicts' rows."""
    names: dict[int, str] = {}
    for c in conflicts:
        if is_attribute(c) and c.source_id is not None and c.source_id not in names:
            try:
                names[c.source_id] = project.get_source(c.source_id).name
            except StoreError:
                names[c.source_id] = "?"
    return names
