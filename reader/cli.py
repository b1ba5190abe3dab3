"""``jiaokan reflow``: reflow page dumps and print them as gold JSON or readable text."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from reader.decoding import DecodeError, read_dump
from reader.engine import reflow_text
from reader.gold import document_to_gold
from reader.model import Article, Document


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reflow",
        help="reconstruct the articles of raw page dumps",
        description="Reflow raw newspaper page dumps. One bad file does not stop the others.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="page dump(s) to reflow")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print the gold JSON shape (an array for several files)")
    fmt.add_argument("--text", action="store_true", help="print the articles readably (the default)")
    parser.set_defaults(handler=run_reflow)


def format_article(article: Article, number: int) -> str:
    lines = [f"── {number}. [{article.kind.value}] " + "─" * 20]
    if article.continued_from:
        lines.append(str(article.continued_from))
    for label, value in (("引题", article.kicker), ("主题", article.title), ("副题", article.subtitle)):
        if value:
            lines.append(f"{label}：{value}")
    if article.byline:
        lines.append(f"署名：{article.byline}")
    lines.append("")
    for block in article.blocks:
        lines.append(f"【{block.text}】" if block.is_subhead else f"　　{block.text}")
    return "\n".join(lines)


def format_document(doc: Document) -> str:
    parts = [f"# {doc.source}  ({doc.extractor.value}, {doc.layout.value}, {len(doc.articles)} articles)"]
    if doc.furniture:
        parts.append("版面：" + " | ".join(str(f) for f in doc.furniture))
    parts.extend(format_article(a, i) for i, a in enumerate(doc.articles, 1))
    return "\n\n".join(parts) + "\n"


def run_reflow(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Reflow each file and print it at once: one document in memory at a time, one write each.

    ``--json`` prints the gold object for one file and an array for several, streamed: the
    array is opened before the first document and closed after the last, so memory stays
    flat however many files are given.
    """
    failures = 0
    as_array = args.json and len(args.files) > 1
    written = 0
    for path in args.files:
        try:
            decoded = read_dump(path)
        except DecodeError as exc:
            print(f"jiaokan: {exc.name}: {exc.reason}", file=err)
            failures += 1
            continue
        doc = reflow_text(decoded.text, path, decoded.encoding)
        if args.json:
            body = json.dumps(document_to_gold(doc), ensure_ascii=False, indent=2)
            if as_array:
                body = ("[\n" if written == 0 else ",\n") + body
            else:
                body += "\n"
            out.write(body)
        else:
            out.write(format_document(doc))
        written += 1
        del doc, decoded
    if as_array and written:
        out.write("\n]\n")
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None, prog: str = "python -m reader") -> int:
    """``python -m reader``: the engine's own command line (reflow only).

    ``jiaokan reflow`` forwards here too, so reflowing never imports the store.
    """
    parser = argparse.ArgumentParser(prog=prog, description="Jiaokan reflow engine")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return args.handler(args)
