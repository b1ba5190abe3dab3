"""Markdown and plain text of the reflowed, corrected articles, for reading (no tags).

One file for the whole export (UTF-8 without BOM, LF), articles in export order, grouped
under their source file. Each article: the title as a heading (kicker and subtitle as
lines around it), bylines, a line with source, date, page name and number, kind and review state, the
article's note, then the paragraphs; subheads are sub-headings, captions and jump lines
("continued on page …") are set off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from db.exports.common import Progress, Ticker, atomic_path, page_label
from db.exports.model import ExportArticle, ExportCorpus

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=])", re.M)
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.M)

REVIEW_LABELS = {
    "unreviewed": "未校对 unreviewed",
    "in_progress": "校对中 in progress",
    "proofread": "已校对 proofread",
}


def md_escape(text: str) -> str:
    """Escape Markdown syntax so the text reads as itself."""
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _blocks(article: ExportArticle) -> list[tuple[str, str]]:
    return [(b.role, article.text[b.start : b.end]) for b in article.blocks]


def _meta(article: ExportArticle) -> str:
    parts = [article.source_name]
    if article.source_date:
        parts.append(article.source_date)
    page = page_label(article.source_page_name, article.source_page_number)
    if page:
        parts.append(page)
    if article.kind:
        parts.append(article.kind)
    parts.append(REVIEW_LABELS.get(article.review_state, article.review_state))
    return " · ".join(parts)


def _title(article: ExportArticle, blocks: list[tuple[str, str]]) -> str:
    titles = [t for r, t in blocks if r == "title" and t.strip()]
    return " ".join(titles) or article.headline or f"article {article.id}"


_TOP_ROLES = frozenset({"kicker", "title", "subtitle", "byline", "jump"})


def _split(article: ExportArticle) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The headline group (leading kicker/title/subtitle/byline/jump blocks) and the rest, in order."""
    blocks = [(r, t) for r, t in _blocks(article) if t.strip()]
    top = 0
    while top < len(blocks) and blocks[top][0] in _TOP_ROLES:
        top += 1
    return blocks[:top], blocks[top:]


def article_markdown(article: ExportArticle) -> str:
    head, body = _split(article)
    out: list[str] = [f"*{md_escape(t)}*" for r, t in head if r == "kicker"]
    out.append(f"## {md_escape(_one_line(_title(article, head + body)))}")
    out.extend(f"*{md_escape(t)}*" for r, t in head if r == "subtitle")
    out.extend(f"**{md_escape(t)}**" for r, t in head if r == "byline")
    out.append(f"`{_meta(article).replace('`', '')}`")
    out.extend(f"*{md_escape(t)}*" for r, t in head if r == "jump")
    if article.note:
        out.append("> " + md_escape(article.note).replace("\n", "\n> "))
    for role, text in body:
        text = text.lstrip(" \t")  # leading blanks would make an indented code block
        if role == "subhead":
            out.append(f"### {md_escape(_one_line(text))}")
        elif role in ("caption", "jump"):
            out.append(f"*{md_escape(text)}*")
        elif role in ("byline", "kicker", "title", "subtitle"):
            out.append(f"**{md_escape(text)}**")
        else:
            out.append(md_escape(text))
    return "\n\n".join(out) + "\n"


def article_text(article: ExportArticle) -> str:
    head, body = _split(article)
    heading = [t for r, t in head if r == "kicker"]
    heading.append(_title(article, head + body))
    heading.extend(t for r, t in head if r == "subtitle")
    out: list[str] = ["\n".join(heading)]
    bylines = [t for r, t in head if r == "byline"]
    if bylines:
        out.append("\n".join(bylines))
    out.append(f"[{_meta(article)}]")
    out.extend(t for r, t in head if r == "jump")
    if article.note:
        out.append(f"[注 note: {article.note}]")
    for role, text in body:
        if role == "subhead":
            out.append(f"【{text}】")
        elif role == "caption":
            out.append(f"〔图 {text}〕")
        else:
            out.append(text)
    return "\n\n".join(out) + "\n"


def _write(
    corpus: ExportCorpus,
    out: Path,
    progress: Progress | None,
    render: Callable[[ExportArticle], str],
    source_heading: Callable[[str], str],
    title: str,
    separator: str,
) -> Path:
    out = Path(out)
    ticker = Ticker(len(corpus.articles), progress)
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(title)
        current: str | None = None
        first = True
        for article in corpus.articles:
            if article.source_id != current:
                current = article.source_id
                fh.write("\n" + source_heading(article.source_name) + "\n")
                first = True
            fh.write("\n" if first else separator)
            fh.write(render(article).replace("\r\n", "\n").replace("\r", "\n"))
            first = False
            ticker.tick()
    return out


def write_markdown(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    return _write(
        corpus,
        out,
        progress,
        article_markdown,
        lambda name: f"# {md_escape(name)}",
        f"<!-- {corpus.project_name.replace('--', '—')}: exported from Jiaokan -->\n",
        "\n---\n\n",
    )


def write_text(corpus: ExportCorpus, out: Path, progress: Progress | None = None) -> Path:
    rule = "=" * 40
    return _write(
        corpus,
        out,
        progress,
        article_text,
        lambda name: f"{rule}\n{name}\n{rule}",
        f"{corpus.project_name}\n",
        "\n" + "-" * 40 + "\n\n",
    )
