"""Identifiers, times, colours and text in the forms the interchange formats (REFI-QDA, TEI, W3C, brat) want."""

from __future__ import annotations

import re
import uuid
from datetime import datetime

#: Namespace for identifiers derived from store ids that are not UUIDs (uuid5 keeps them stable across exports).
JIAOKAN_NS = uuid.UUID("7b0e4f7e-3c1a-5d2b-9a61-6a69616f6b61")

_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_COLOUR_RE = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
# Characters XML 1.0 forbids (C0 controls except tab/LF/CR, surrogates, U+FFFE/U+FFFF).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def guid(value: str, kind: str) -> str:
    """``value`` if it is a UUID (lower-cased), else a stable uuid5 of ``kind:value``."""
    if _UUID_RE.match(value):
        return value.lower()
    return str(uuid.uuid5(JIAOKAN_NS, f"{kind}:{value}"))


def derived_guid(*parts: str) -> str:
    """A stable UUID for something the store has no id for (a coding, a note, a user)."""
    return str(uuid.uuid5(JIAOKAN_NS, "\x1f".join(parts)))


def xsd_datetime(value: str | None) -> str | None:
    """An ISO 8601 time as an ``xsd:dateTime`` string, or None when it cannot be read."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.isoformat()


def xsd_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        return None


def rgb(colour: str | None) -> str | None:
    """``#RRGGBB`` (upper case) or None for anything that is not a colour."""
    m = _COLOUR_RE.match((colour or "").strip())
    if not m:
        return None
    hexpart = m.group(1)
    if len(hexpart) == 3:
        hexpart = "".join(ch * 2 for ch in hexpart)
    return "#" + hexpart.upper()


def xml_text(value: str) -> str:
    """Text safe for XML 1.0: forbidden control characters become U+FFFD (one code point for one)."""
    return _XML_ILLEGAL.sub("\ufffd", value)
