"""``jiaokan export`` in every format, ``import-work``, ``codebook-import``, ``report``, ``conflicts``.

Registered by :func:`db.cli.register`. Like the other store commands: progress on
stderr, one clear line per failure (never a traceback), exit 0 on success, 1 when the
work failed (a filter names nothing, a file is invalid, a source could not be merged), 2
when the project itself cannot be used or the command line is incomplete.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from typing import TextIO

from db.errors import NotFound, ProjectBusy, ProjectOpenError, StoreError
from db.project import Project
from db.schema import REVIEW_STATES


def _open(path: str, err: TextIO, *, create: bool = False) -> Project | None:
    try:
        return Project.open(path, create=create)
    except (ProjectOpenError, ProjectBusy) as exc:
        print(f"jiaokan: {exc}", file=err)
        return None


class Bar:
    """Progress on stderr: a bar on a terminal, a line per tenth otherwise."""

    def __init__(self, err: TextIO, label: str) -> None:
        self.err = err
        self.label = label
        self.tty = hasattr(err, "isatty") and err.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            filled = int(30 * done / max(1, total))
            self.err.write(f"\r{self.label} [{'#' * filled}{'-' * (30 - filled)}] {done}/{total}")
            if done >= total:
                self.err.write("\n")
            self.err.flush()
            return
        tenth = 10 * done // max(1, total)
        if tenth != self.shown:
            self.shown = tenth
            self.err.write(f"{self.label}: {10 * tenth}% ({done}/{total})\n")


# -- export ----------------------------------------------------------------------------------------------


def add_export_arguments(exp: argparse.ArgumentParser) -> None:
    from db.exports.registry import FORMATS

    names = ", ".join(f"{n} ({f.label})" for n, f in FORMATS.items())
    exp.add_argument("--format", "-f", choices=list(FORMATS), default="jsonl", metavar="FORMAT",
                     help=f"one of: {names}; jsonl (the default) can go to standard output")
    exp.add_argument("-o", "--output", metavar="OUT", help="the file to write (for brat: a folder)")
    exp.add_argument("--source", action="append", metavar="ID", help="only this source (id or file name); repeatable")
    exp.add_argument("--tag", action="append", metavar="PATH",
                     help="only articles with passages tagged PATH or a tag under it, and only those passages; "
                          "repeatable")
    exp.add_argument("--state", action="append", choices=REVIEW_STATES, metavar="STATE",
                     help=f"only articles in this review state ({', '.join(REVIEW_STATES)}); repeatable")
    exp.add_argument("--all-versions", action="store_true", help="include superseded source versions")


def resolve_sources(project: Project, given: list[str] | None, all_versions: bool = False) -> tuple[int, ...]:
    """Source ids from ids or file names (a name stands for the current versions of that name)."""
    if not given:
        return ()
    ids: list[int] = []
    listing = None
    for value in given:
        if value.isdigit():
            ids.append(int(value))
            continue
        if listing is None:
            listing = project.list_sources(include_superseded=all_versions)
        found = [s.id for s in listing if s.name == value or s.path == value]
        if not found:
            raise NotFound("source", value)
        ids.extend(found)
    return tuple(dict.fromkeys(ids))


def run_export(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from db import export as native
    from db.exports.common import ExportError
    from db.exports.registry import FORMATS
    from db.exports.snapshot import ExportFilter, export_project, snapshot

    out, err = out or sys.stdout, err or sys.stderr
    fmt = FORMATS[args.format]
    if not args.output and args.format != "jsonl":
        what = "a folder" if fmt.is_directory else "a file"
        print(f"jiaokan: --format {args.format} needs -o OUT ({what} to write)", file=err)
        return 2
    project = _open(args.project, err)
    if project is None:
        return 2
    with project:
        try:
            filters = ExportFilter(
                source_ids=resolve_sources(project, args.source, args.all_versions),
                tag_paths=tuple(args.tag or ()),
                states=tuple(args.state or ()),
                include_superseded=args.all_versions,
            )
            if not args.output:
                if filters.is_empty:
                    count = project.export_jsonl(out, include_superseded=args.all_versions)
                else:
                    with snapshot(project, filters) as snap:
                        conn = snap.conn
                        count = native.write_records(lambda: nullcontext(conn), snap.corpus.article_ids, out,
                                                     project_name=project.path.stem, tag_filter=snap.corpus.tag_filter)
                print(f"exported {count} articles", file=err)
                return 0
            result = export_project(project, args.format, args.output, filters, Bar(err, f"exporting {args.format}"))
        except BrokenPipeError:
            raise
        except OSError as exc:
            print(f"jiaokan: cannot write {args.output}: {exc.strerror or exc}", file=err)
            return 1
        except (ExportError, StoreError) as exc:
            print(f"jiaokan: {exc}", file=err)
            return 1
    what = (f"{result.tags} tags" if args.format == "qdc"
            else f"{result.articles} articles ({result.annotations} passages)")
    print(f"exported {what} as {fmt.label} to {result.path}", file=err)
    return 0


# -- import-work, codebook-import, conflicts ---------------------------------------------------------------


def run_import_work(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from db import merge

    out, err = out or sys.stdout, err or sys.stderr
    project = _open(args.project, err, create=True)
    if project is None:
        return 2
    with project:
        try:
            report = merge.merge_jsonl(project._cx, args.file, progress=Bar(err, "merging"))
        except StoreError as exc:
            print(f"jiaokan: {exc}", file=err)
            return 1
    print(f"merged {report.summary()}", file=out)
    for problem in report.problems:
        print(f"  {problem}", file=out)
    if report.conflicts:
        print(f"  {report.conflicts} conflicts are kept side by side: jiaokan conflicts list -p {args.project}",
              file=out)
    return 1 if report.sources_skipped else 0


def run_codebook_import(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from db.exports.common import ExportError
    from db.exports.qdc_import import import_codebook

    out, err = out or sys.stdout, err or sys.stderr
    project = _open(args.project, err, create=True)
    if project is None:
        return 2
    with project:
        try:
            report = import_codebook(project, args.file, dry_run=args.dry_run)
        except (ExportError, StoreError) as exc:
            print(f"jiaokan: {exc}", file=err)
            return 1
    for line in report.lines():
        print(line, file=out)
    return 0


def run_conflicts(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from db import merge

    out, err = out or sys.stdout, err or sys.stderr
    project = _open(args.project, err)
    if project is None:
        return 2
    with project:
        try:
            if args.conflicts_command == "list":
                shown = merge.conflicts(project._cx, None if args.all else "pending")
                for c in shown:
                    where = f"article {c.article_id}" if c.article_id is not None else "no place here"
                    out.write(f"#{c.id} [{c.status}] {c.kind} {c.op} ({where}) by {c.author or '?'}: "
                              f"ours {c.ours!r} / theirs {c.theirs!r} (was {c.base!r}); {c.detail}\n")
                if not shown:
                    print("no conflicts", file=err)
                return 0
            action = merge.accept_conflict if args.conflicts_command == "accept" else merge.reject_conflict
            c = action(project._cx, args.id)
            out.write(f"conflict #{c.id} {c.status}\n")
            return 0
        except StoreError as exc:
            print(f"jiaokan: {exc}", file=err)
            return 1


# -- report ----------------------------------------------------------------------------------------------


def run_report(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from db import reports

    out, err = out or sys.stdout, err or sys.stderr
    kinds = [args.kind] if args.kind else list(reports.KINDS)
    if args.format == "csv" and len(kinds) > 1:
        print("jiaokan: choose one report with --kind for CSV output", file=err)
        return 2
    project = _open(args.project, err)
    if project is None:
        return 2
    with project:
        try:
            sources = resolve_sources(project, args.source)
            tables = [
                reports.report(project, kind, by=args.by, coders=args.coders, source_ids=sources or None)
                for kind in kinds
            ]
        except (StoreError, ValueError) as exc:
            print(f"jiaokan: {exc}", file=err)
            return 1
    try:
        target = open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(out)
        with target as fh:
            for k, table in enumerate(tables):
                if args.format == "csv":
                    table.write_csv(fh)
                else:
                    fh.write(("\n" if k else "") + table.format())
    except OSError as exc:
        print(f"jiaokan: cannot write {args.output}: {exc.strerror or exc}", file=err)
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    from db import reports

    p = subparsers.add_parser(
        "import-work",
        help="merge another project's work (its jsonl export) into a project",
        description="Merge a jsonl export of another project: sources are recognised by their SHA-256 (and imported "
        "from the export when missing), tags by path, passages are added (exact duplicates skipped), corrections "
        "and other edits are applied where the text still reads as they expect; where both projects changed the "
        "same text differently both versions are kept as a conflict to accept or reject (jiaokan conflicts).",
    )
    p.add_argument("file", metavar="FILE.jsonl")
    p.add_argument("--project", "-p", required=True, metavar="FILE", help="the project to merge into (created if new)")
    p.set_defaults(handler=run_import_work)

    p = subparsers.add_parser(
        "codebook-import",
        help="add the codes of a REFI-QDA codebook (.qdc) to the codebook",
        description="Import a REFI-QDA codebook (.qdc) from another QDA tool: the file is validated against the "
        "REFI-QDA schema; nested codes, colours and descriptions become tags; codes already in the codebook are left "
        "as they are; codes of the same name among siblings are merged and reported.",
    )
    p.add_argument("file", metavar="FILE.qdc")
    p.add_argument("--project", "-p", required=True, metavar="FILE", help="the project file (.jiaokan)")
    p.add_argument("--dry-run", action="store_true", help="only report what would be imported")
    p.set_defaults(handler=run_codebook_import)

    p = subparsers.add_parser(
        "report",
        help="tag frequencies, co-occurrence, proofreading progress, inter-coder agreement",
        description="Reports over the latest version of every source (or the sources given): tag frequencies by "
        "source or month, tag co-occurrence (passages that overlap or share a paragraph), proofreading progress, and "
        "inter-coder agreement (percentage and Cohen's kappa per tag, per character of the articles both coders "
        "tagged). Without --kind, all four as tables.",
    )
    p.add_argument("--project", "-p", required=True, metavar="FILE", help="the project file (.jiaokan)")
    p.add_argument("--kind", "-k", choices=reports.KINDS, help="which report (default: all, as tables)")
    p.add_argument("--format", "-f", choices=("table", "csv"), default="table", help="table (default) or csv")
    p.add_argument("--by", choices=("source", "month"), default="source", help="frequencies per source or month")
    p.add_argument("--coders", nargs=2, metavar=("A", "B"), help="agreement of these two coders (default: every pair)")
    p.add_argument("--source", action="append", metavar="ID", help="only this source (id or file name); repeatable")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    p.set_defaults(handler=run_report)

    p = subparsers.add_parser(
        "conflicts",
        help="list, accept or reject the conflicts merges kept",
        description="Where a merge found that both projects changed the same text differently, it kept both: "
        "list them, accept one (the incoming text replaces this project's) or reject it (this project's text stays).",
    )
    sub = p.add_subparsers(dest="conflicts_command", required=True, metavar="ACTION")
    q = sub.add_parser("list", help="the pending conflicts (--all: decided ones too)")
    q.add_argument("--project", "-p", required=True, metavar="FILE")
    q.add_argument("--all", action="store_true", help="also accepted and rejected ones")
    for name, text in (("accept", "apply the incoming text"), ("reject", "keep this project's text")):
        q = sub.add_parser(name, help=text)
        q.add_argument("id", type=int, metavar="ID")
        q.add_argument("--project", "-p", required=True, metavar="FILE")
    p.set_defaults(handler=run_conflicts)
