"""A source's file bytes: stored only where its decoded text cannot give them back exactly.

Import re-encodes the decoded text with the encoding and byte order mark it was read with;
when that reproduces the file byte for byte, ``sources.raw_bytes`` stays NULL and the bytes
are rebuilt on demand (exports, re-running the engine); otherwise they are kept as read.
"""

from __future__ import annotations

import codecs

#: The byte order mark written before text in each encoding a dump can start with one.
_BOMS = {
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


def reencode(text: str, encoding: str, had_bom: bool) -> bytes | None:
    """The bytes ``text`` was decoded from, if encoding and BOM determine them (None if not)."""
    try:
        prefix = _BOMS[encoding.lower()] if had_bom else b""
        return prefix + text.encode(encoding)
    except (KeyError, LookupError, UnicodeError):
        return None


def raw_bytes_of(stored: bytes | None, text: str, encoding: str, had_bom: bool) -> bytes:
    """A source's file bytes: those stored, or its decoded text re-encoded (verified at import)."""
    if stored is not None:
        return bytes(stored)
    data = reencode(text, encoding, had_bom)
    if data is None:  # cannot happen for a row this code wrote: it keeps the bytes then
        raise ValueError(f"cannot re-encode a source stored without its bytes ({encoding})")
    return data
