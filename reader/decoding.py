"""Bytes to text: find the encoding of a dump, or refuse it with a reason.

Dumps arrive as UTF-8 (with or without BOM), UTF-16 (Windows tools) or GB18030
(older Chinese tools). Anything else that is not plausibly text is refused with
an error naming the file and the reason, so an import can report it and go on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Share of characters that must look like ordinary text for a decoding to count.
_PLAUSIBLE_SHARE = 0.95


class DecodeError(ValueError):
    """The input is not text Jiaokan can read; ``reason`` says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    had_bom: bool = False


#: Characters that do not occur in text: C0/C1 controls (but tab, newlines, form feed),
#: surrogates, private use, and the replacement character of a failed decoding.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")


def _looks_like_text(text: str) -> bool:
    """True when nearly every character is printable text or ordinary whitespace."""
    if not text:
        return True
    sample = text if len(text) <= 200_000 else text[:100_000] + text[-100_000:]
    bad = len(_NOT_TEXT.findall(sample))
    return bad <= len(sample) * (1 - _PLAUSIBLE_SHARE)


_COMMON_TEXT = re.compile("[\t\n\r\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2010-\u2027]")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """Recognise BOM-less UTF-16 (Windows tools) by decoding both ways.

    Chinese text in UTF-16 holds NUL bytes only in its ASCII characters
    (newlines, digits), so their share says little; instead the byte order
    whose decoding is mostly common text (ASCII, CJK, CJK punctuation) wins.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    best: Decoded | None = None
    best_share = 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:20_000]
        share = len(_COMMON_TEXT.findall(sample)) / max(1, len(sample))
        if share > best_share:
            best, best_share = Decoded(text, encoding), share
    return best if best is not None and best_share >= _PLAUSIBLE_SHARE else None


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode a dump, or raise :class:`DecodeError` saying why it cannot be read."""
    if not data:
        raise DecodeError(name, "the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                where = exc.start + len(bom)
                reason = f"starts with a {enc} byte order mark but is not valid {enc} (byte {where})"
                raise DecodeError(name, reason) from exc
            return _checked(name, Decoded(text, enc, had_bom=True))
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _checked(name, utf16)
        raise DecodeError(name, "binary data (contains NUL bytes), not a text dump")
    try:
        return _checked(name, Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        decoded = Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        decoded = None
    if decoded is not None and _looks_like_text(decoded.text):
        return decoded
    guess = _charset_normalizer_guess(data)
    if guess is not None:
        return guess
    raise DecodeError(
        name,
        f"not valid UTF-8 (bad byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and not readable as UTF-16 or GB18030",
    )


def _charset_normalizer_guess(data: bytes) -> Decoded | None:
    """Last resort for other legacy encodings (Big5, …); None when nothing fits."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return Decoded(text, best.encoding) if _looks_like_text(text) else None


def _checked(name: str, decoded: Decoded) -> Decoded:
    if "\x00" in decoded.text:
        raise DecodeError(name, f"binary data: NUL characters after decoding as {decoded.encoding}")
    if not _looks_like_text(decoded.text):
        raise DecodeError(name, f"binary data: too many control characters for text in {decoded.encoding}")
    if not decoded.text.replace("\ufeff", "").strip():
        raise DecodeError(name, "the file holds only whitespace")
    return decoded


def read_dump(path: str) -> Decoded:
    """Read and decode a file; OS errors become :class:`DecodeError` with the reason."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError as exc:
        raise DecodeError(path, "is a folder, not a file") from exc
    except PermissionError as exc:
        raise DecodeError(path, "cannot be read: permission denied") from exc
    except FileNotFoundError as exc:
        raise DecodeError(path, "no such file") from exc
    except OSError as exc:
        raise DecodeError(path, f"cannot be read: {exc.strerror or exc}") from exc
    return decode_bytes(data, path)
