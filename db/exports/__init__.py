"""Exports of the annotated corpus in the formats researchers' tools read.

Every writer takes the same plain snapshot (:mod:`db.exports.model`), so formats
never query the store themselves and can be tested on hand-built corpora.

Formats: :data:`db.exports.registry.FORMATS` (name -> writer, description, extension);
``from db.exports import FORMATS, export`` works too (loaded on first use, so importing
:mod:`db.exports.model` stays cheap).
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMATS", "ExportError", "ExportFormat", "export", "register"]


def __getattr__(name: str) -> Any:
    if name in ("FORMATS", "ExportFormat", "export", "register"):
        from db.exports import registry

        return getattr(registry, name)
    if name == "ExportError":
        from db.exports.common import ExportError

        return ExportError
    raise AttributeError(name)
