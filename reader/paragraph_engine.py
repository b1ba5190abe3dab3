"""Reflow a dump with one paragraph per line (placeholder, replaced below)."""
from __future__ import annotations
from reader.lines import Line
from reader.model import Article, Layout, TracedText
def reflow_paragraph_lines(lines: list[Line]) -> tuple[list[Article], list[TracedText], Layout]:
    raise NotImplementedError
