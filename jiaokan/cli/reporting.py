"""``jiaokan report``: tag frequencies, co-occurrence, proofreading progress, inter-coder agreement."""

from __future__ import annotations

import argparse
from typing import TextIO

from jiaokan.cli.exporting import checked_output, resolve_sources
from jiaokan.cli.frame import CommandFailed, add_command, open_project


def register(subparsers: argparse._SubParsersAction) -> None:
    from db import reports

    p = add_command(
        subparsers, "report", run_report, "tag frequencies, co-occurrence, proofreading progress, inter-coder agreement"
    )
    p.add_argument("--kind", "-k", choices=reports.KINDS, help="which report (default: all, as tables)")
    p.add_argument("--format", "-f", choices=("table", "csv"), default="table", help="table (default) or csv")
    p.add_argument("--by", choices=("source", "month"), default="source", help="frequencies per source or month")
    p.add_argument("--coders", nargs=2, metavar=("A", "B"), help="agreement of these two coders (default: every pair)")
    p.add_argument("--source", action="append", metavar="ID", help="only this source (id or file name); repeatable")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Reports over the latest version of every source (or the sources given): tag frequencies by source or month, tag
    co-occurrence (passages that overlap or share a paragraph), proofreading progress, and inter-coder agreement
    (percentage and Cohen's kappa per tag, per character of the articles both coders tagged). Without --kind, all
    four as tables.
    """
    from db import reports

    kinds = [args.kind] if args.kind else list(reports.KINDS)
    if args.format == "csv" and len(kinds) > 1:
        raise CommandFailed("choose one report with --kind for CSV output", 2)
    target = checked_output(args.output) if args.output else None
    with open_project(args.project) as session:
        project = session.project
        sources = resolve_sources(project, args.source)
        tables = [
            reports.report(project, kind, by=args.by, coders=args.coders, source_ids=sources or None)
            for kind in kinds
        ]
    if target is None:
        _write(tables, args.format, out)
        return 0
    try:
        with open(target, "w", encoding="utf-8", newline="") as fh:
            _write(tables, args.format, fh)
    except OSError as exc:
        raise CommandFailed(f"cannot write {args.output}: {exc.strerror or exc}", 1) from exc
    return 0


def _write(tables: list, fmt: str, fh: TextIO) -> None:
    for k, table in enumerate(tables):
        if fmt == "csv":
            table.write_csv(fh)
        else:
            fh.write(("\n" if k else "") + table.format())
