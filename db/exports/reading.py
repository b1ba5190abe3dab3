"""Markdown and plain text of the reflowed, corrected articles, for reading (no tags).

One file for the whole export (UTF-8 without BOM, LF), articles in export order, grouped
under their source file. Each article: the title as a heading (kicker and subtitle as
lines around it), bylines, a line with source, date, kind and review state, the
article's note, then the paragraphs; subheads are sub-headings, captions and jump lines
("continued on page …") are set off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from db.exports.common import Progress, Ticker, atomic_path
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
    if article.kind:
        parts.append(article.kind)
    parts.append(REVIEW_LABELS.get(article.review_state, article.review_state))
    return " · ".join(parts)


def _title(article: ExportArticle, blocks: list[tuple[str, str]]) -> str:
    titles = [t for r, t in blocks if r == "title" and t.strip()]
    return " ".join(titles) or article.headline or f"article {article.id}"


def article_markdown(article: ExportArticle) -> str:
    blocks = _blocks(article)
    out: list[str] = []
    kickers = [t for r, t in blocks if r == "kicker" and t.strip()]
    out.extend(f"*{md_escape(k)}*" for k in kickers)
    out.append(f"## {md_escape(_one_line(_title(article, blocks)))}")
    out.extend(f"*{md_escape(t)}*" for r, t in blocks if r == "subtitle" and t.strip())
    out.extend(f"**{md_escape(t)}**" for r, t in blocks if r == "byline" and t.strip())
    out.append(f"`{_meta(article).replace('`', '')}`")
    if article.note:
        out.append("> " + md_escape(article.note).replace("\n", "\n> "))
    for role, text in blocks:
        if role in ("kicker", "title", "subtitle", "byline") or not text.strip():
            continue
        if role == "subhead":
            out.append(f"### {md_escape(_one_line(text))}")
        elif role in ("caption", "jump"):
            out.append(f"*{md_escape(text)}*")
        else:
            out.append(md_escape(text))
    return "\n\n".join(out) + "\n"


def article_text(article: ExportArticle) -> str:
    blocks = _blocks(article)
    out: list[str] = []
    head = [t for r, t in blocks if r == "kicker" and t.strip()]
    head.append(_title(article, blocks))
    head.extend(t for r, t in blocks if r == "subtitle" and t.strip())
    out.append("\n".join(head))
    bylines = [t for r, t in blocks if r == "byline" and t.strip()]
    if bylines:
        out.append("\n".join(bylines))
    out.append(f"[{_meta(article)}]")
    if article.note:
        out.append(f"[注 note: {article.note}]")
    for role, text in blocks:
        if role in ("kicker", "title", "subtitle", "byline") or not text.strip():
            continue
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
