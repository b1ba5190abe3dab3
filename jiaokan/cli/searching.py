"""``jiaokan search``: find text in a project."""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import TextIO

from db.page_filter import PageFilter
from jiaokan.cli.frame import add_command, open_project, require_text


def register(subparsers: argparse._SubParsersAction) -> None:
    search = add_command(subparsers, "search", run_search, "search the text of a project")
    search.add_argument("query", help="text (or, with --regex, a regular expression) to find")
    search.add_argument("--regex", action="store_true", help="treat the query as a regular expression")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N hits (50)")
    search.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N hits")
    search.add_argument("--context", type=int, default=20, metavar="N", help="characters of context each side (20)")
    search.add_argument("--all-versions", action="store_true", help="also search superseded source versions")
    search.add_argument("--json", action="store_true", help="print one JSON object per hit")
    pages = search.add_argument_group("pages searched (as the desk's library filter reads them)")
    pages.add_argument("--pages", default="", metavar="WORDS",
                       help="only pages each word matches: in the file or page name (要闻), the page number "
                            "(3, 第3版), the start of the date (2025-10)")
    pages.add_argument("--from", dest="date_from", default="", metavar="DATE",
                       help="only pages dated on or after DATE (2025-10-01, or a month 2025-10, or a year 2025)")
    pages.add_argument("--to", dest="date_to", default="", metavar="DATE",
                       help="only pages dated on or before DATE (a month or year: to its last day)")


def _flat(s: str) -> str:
    return s.replace("\n", " ⏎ ")


def run_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Search current article text. Simplified and Traditional characters match each other and spaces are ignored; with
    --regex the query is a Python regular expression. --pages, --from and --to keep the hits on the pages with those
    attributes (a page of unknown date is outside every date range).
    """
    query = require_text(args.query, "the query")
    pages = PageFilter.parse(args.pages, args.date_from, args.date_to)  # bad input: one line, before opening
    with open_project(args.project) as session:
        result = session.project.search(
            query,
            regex=args.regex,
            limit=args.limit,
            offset=args.offset,
            include_superseded=args.all_versions,
            context=max(0, args.context),
            pages=pages or None,
        )
    for h in result.hits:
        if args.json:
            out.write(json.dumps(dataclasses.asdict(h), ensure_ascii=False) + "\n")
            continue
        out.write(f"{h.source_name}#{h.article_id}:{h.start}\t{_flat(h.left)}【{_flat(h.hit)}】{_flat(h.right)}\n")
    if not result.hits:
        print("no hits", file=err)
    else:
        print(f"{'' if result.total_is_exact else 'about '}{result.total} hits", file=err)
    if result.hits and result.more:
        print(f"more hits follow: use --offset {args.offset + len(result.hits)}", file=err)
    return 0
