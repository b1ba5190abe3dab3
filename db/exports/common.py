"""Helpers every format writer shares: which spans are safe to write, contexts, tag trees, progress.

The one rule all span-based writers follow: **never write a wrong span.** An
annotation is written with offsets only when :func:`is_placed` holds: it is not
flagged orphaned, its range lies inside the article text, is not empty, and the
text there still equals its quote. Anything else is treated as orphaned (see
each writer for whether orphans are skipped or written without offsets).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import StoreError
from db.exports.leftovers import remove_stale_parts
from db.exports.model import ExportAnnotation, ExportArticle, ExportCorpus, ExportCorrection, ExportNote, ExportTag
from db.exports.values import derived_guid

log = logging.getLogger("db.exports")

Progress = Callable[[int, int], None]

#: Code points of context written before and after a passage (CSV columns, W3C prefix/suffix).
CONTEXT_CHARS = 32

#: Correction ops that replace text in place (the store records "correct"; the model's docstring says "replace").
TEXT_EDIT_OPS = frozenset({"correct", "replace", "insert", "delete"})

SOFTWARE = "Jiaokan 校勘"


class ExportError(StoreError):
    """The corpus cannot be written in the requested format (e.g. an empty codebook as .qdc)."""


# -- spans ---------------------------------------------------------------------------------------


def is_placed(article: ExportArticle, annotation: ExportAnnotation) -> bool:
    """True when the annotation's offsets can be written: not orphaned and ``text[start:end] == quote``."""
    if annotation.orphaned:
        return False
    s, e = annotation.start, annotation.end
    return 0 <= s < e <= len(article.text) and article.text[s:e] == annotation.quote


def placed_annotations(article: ExportArticle) -> list[ExportAnnotation]:
    return [a for a in article.annotations if is_placed(article, a)]


def count_unplaced(corpus: ExportCorpus) -> int:
    return sum(1 for art, ann in corpus.iter_annotations() if not is_placed(art, ann))


def log_skipped(fmt: str, corpus: ExportCorpus) -> None:
    n = count_unplaced(corpus)
    if n:
        log.info("%s export: %d orphaned annotation(s) written without a span or skipped", fmt, n)


def inline_corrections(article: ExportArticle) -> list[ExportCorrection]:
    """Text corrections that still map onto the current text, inside one block, not overlapping each other.

    For these ``text[start:end] == after``; they are what TEI writes as ``<choice>``. Sorted by position;
    of overlapping corrections the earlier one in the list wins.
    """
    text = article.text
    out: list[ExportCorrection] = []
    for c in article.corrections:
        if c.op not in TEXT_EDIT_OPS or c.before == c.after or c.start < 0 or not 0 <= c.start <= c.end <= len(text):
            continue
        if text[c.start : c.end] != c.after or "\n" in c.after or "\n" in c.before:
            continue
        if any(_overlaps(c, o) for o in out):
            continue
        out.append(c)
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _overlaps(a: ExportCorrection, b: ExportCorrection) -> bool:
    if a.start == a.end or b.start == b.end:  # a point (a deletion) clashes only with a span around it or itself
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def context(text: str, start: int, end: int, n: int = CONTEXT_CHARS) -> tuple[str, str]:
    return text[max(0, start - n) : start], text[end : end + n]


def unique_context(text: str, start: int, end: int, n: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Prefix and suffix around ``text[start:end]`` (at least ``n`` code points each where the text has them),
    grown until ``prefix + exact + suffix`` occurs in ``text`` once, at ``start - len(prefix)``.

    A W3C TextQuoteSelector is then unambiguous: a reader that searches for the quote finds the
    one place the TextPositionSelector names (a repeated phrase would otherwise match twice).
    """
    while True:
        prefix, suffix = context(text, start, end, n)
        needle = prefix + text[start:end] + suffix
        at = start - len(prefix)
        whole = len(prefix) == start and end + len(suffix) == len(text)
        if whole or (text.find(needle) == at and text.find(needle, at + 1) < 0):
            return prefix, suffix
        n *= 2


def tag_path(tag: ExportTag) -> str:
    return "/".join(tag.path)


def article_notes(article: ExportArticle) -> tuple[ExportNote, ...]:
    """The article's notes one by one. A corpus that gives only the joined ``note`` (a hand-built one)
    yields it as one note without author or time."""
    if article.notes:
        return article.notes
    if article.note:
        return (ExportNote(f"article-{article.id}", article.note),)
    return ()


def all_authors(corpus: ExportCorpus) -> list[str]:
    """Everyone who appears as an author (of a passage, a correction or a note), corpus list first."""
    seen: dict[str, None] = {}
    for name in corpus.authors:
        if name:
            seen.setdefault(name, None)
    for article in corpus.articles:
        for a in article.annotations:
            if a.author:
                seen.setdefault(a.author, None)
        for c in article.corrections:
            if c.author:
                seen.setdefault(c.author, None)
        for n in article_notes(article):
            if n.author:
                seen.setdefault(n.author, None)
    return list(seen)


# -- the codebook as a tree -------------------------------------------------------------------------


@dataclass(slots=True)
class TagNode:
    """A codebook node. ``tag`` is None for a parent path no tag stands for (written as not codable)."""

    path: tuple[str, ...]
    id: str
    tag: ExportTag | None
    children: list[TagNode] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path[-1]

    def walk(self) -> Iterator[tuple[TagNode, int]]:
        yield self, 0
        for child in self.children:
            for node, depth in child.walk():
                yield node, depth + 1


def tag_tree(corpus: ExportCorpus) -> list[TagNode]:
    """The codebook's roots, children in codebook order; missing parents are synthesised."""
    nodes: dict[tuple[str, ...], TagNode] = {}
    roots: list[TagNode] = []

    def node_for(path: tuple[str, ...], tag: ExportTag | None) -> TagNode:
        node = nodes.get(path)
        if node is not None:
            if tag is not None and node.tag is None:
                node.tag, node.id = tag, tag.id
            return node
        node = TagNode(path, tag.id if tag else derived_guid("tag-path", *path), tag)
        nodes[path] = node
        if len(path) == 1:
            roots.append(node)
        else:
            node_for(path[:-1], None).children.append(node)
        return node

    for tag in corpus.tags:
        if tag.path:
            node_for(tuple(tag.path), tag)
    return roots


# -- progress and files -----------------------------------------------------------------------------


class Ticker:
    """Calls ``progress(done, total)`` about 200 times over a run, and always at the end."""

    __slots__ = ("progress", "total", "step", "done")

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.progress = progress
        self.total = total
        self.step = max(1, total // 200)
        self.done = 0
        if progress is not None:
            progress(0, total)

    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.progress is not None and (self.done % self.step == 0 or self.done >= self.total):
            self.progress(self.done, self.total)


@contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` that replaces it only when the block succeeds.

    Abandoned temporary files of earlier, killed exports to the same name go first
    (:mod:`db.exports.leftovers`), whether the export runs from the command line or the desk.
    """
    if not out.parent.is_dir():  # a typo in a folder name must not make folders
        raise ExportError(f"cannot write {out}: the folder {out.parent} does not exist")
    remove_stale_parts(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    os.chmod(tmp_path, 0o644)  # mkstemp makes 0600; an export is an ordinary document
    try:
        yield tmp_path
        os.replace(tmp_path, out)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


#: a page number as the page prints it (版次)
PAGE_NUMBER = "第{}版"


def page_label(name: str, number: int | None) -> str:
    """The page's name and number as one label ("要闻 第3版"), "" when neither is known."""
    return " ".join(filter(None, (name, PAGE_NUMBER.format(number) if number is not None else "")))
