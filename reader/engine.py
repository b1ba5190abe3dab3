"""Reflow entry points: text or bytes in, a :class:`Document` out."""

from __future__ import annotations

from reader.column_engine import reflow_columns
from reader.decoding import decode_bytes
from reader.detect import detect_extractor
from reader.lines import split_lines
from reader.model import Document, Extractor, Layout
from reader.paragraph_engine import reflow_paragraph_lines

ENGINE_VERSION = "1.0"


def reflow_text(raw: str, source: str = "<input>", encoding: str = "utf-8") -> Document:
    """Reconstruct the articles of one page dump given as text."""
    lines = split_lines(raw)
    if not lines:
        return Document(source, raw, Extractor.COLUMN_LINES, Layout.TITLE_AFTER, encoding=encoding)
    extractor = detect_extractor(lines)
    if extractor is Extractor.PARAGRAPH_LINES:
        articles, furniture, layout = reflow_paragraph_lines(lines)
    else:
        articles, furniture, layout = reflow_columns(lines)
    return Document(source, raw, extractor, layout, articles, furniture, encoding)


def reflow_bytes(data: bytes, source: str = "<input>") -> Document:
    """Decode (see :func:`reader.decoding.decode_bytes`) and reflow."""
    decoded = decode_bytes(data, source)
    return reflow_text(decoded.text, source, decoded.encoding)
