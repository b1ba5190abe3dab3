"""``jiaokan import|search|tags|export``: the project store on the command line.

Every command takes ``--project FILE``. Failures print one clear line on
stderr (never a traceback) and exit non-zero: 1 when some of the work failed
(a file that could not be imported, a tag rule broken), 2 when the project
itself cannot be used (missing, corrupt, newer, busy).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from typing import TextIO

from db import cli_exchange
from db.errors import ProjectBusy, ProjectOpenError, StoreError
from db.importer import DEFAULT_PATTERN, ImportProgress
from db.models import ImportStatus
from db.project import Project


def _project_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", "-p", required=True, metavar="FILE", help="the project file (.jiaokan)")


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser(
        "import",
        help="import page dumps into a project",
        description="Import page dumps (files, or folders searched recursively) into a project, creating it if "
        "needed. Identical files are skipped; a changed file at a path imported before becomes a new version. "
        "Bad files are reported by name and reason and do not stop the others.",
    )
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    _project_arg(imp)
    imp.add_argument("--pattern", default=DEFAULT_PATTERN, help=f"names to import inside folders ({DEFAULT_PATTERN})")
    imp.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="reflow in N worker processes")
    imp.set_defaults(handler=run_import)

    search = subparsers.add_parser(
        "search",
        help="search the text of a project",
        description="Search current article text. Simplified and Traditional characters match each other and "
        "spaces are ignored; with --regex the query is a Python regular expression.",
    )
    search.add_argument("query", help="text (or, with --regex, a regular expression) to find")
    _project_arg(search)
    search.add_argument("--regex", action="store_true", help="treat the query as a regular expression")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N hits (50)")
    search.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N hits")
    search.add_argument("--context", type=int, default=20, metavar="N", help="characters of context each side (20)")
    search.add_argument("--all-versions", action="store_true", help="also search superseded source versions")
    search.add_argument("--json", action="store_true", help="print one JSON object per hit")
    search.set_defaults(handler=run_search)

    tags = subparsers.add_parser("tags", help="list and edit the codebook", description="List and edit the codebook.")
    tsub = tags.add_subparsers(dest="tags_command", required=True, metavar="ACTION")
    p = tsub.add_parser("list", help="show the codebook as a tree")
    _project_arg(p)
    p.add_argument("--json", action="store_true", help="print one JSON object per tag")
    p = tsub.add_parser("add", help="add a tag")
    p.add_argument("name")
    _project_arg(p)
    p.add_argument("--parent", metavar="TAG", help="parent tag (path like a/b, or id)")
    p.add_argument("--colour", "--color", dest="colour", metavar="#RRGGBB")
    p.add_argument("--description", default="")
    p.add_argument("--slot", type=int, metavar="1-9", help="keyboard slot")
    p = tsub.add_parser("rename", help="rename a tag")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("name", metavar="NEW_NAME")
    _project_arg(p)
    p = tsub.add_parser("move", help="move a tag under another (or to the top with --top)")
    p.add_argument("tag", metavar="TAG")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--parent", metavar="TAG", help="the new parent")
    where.add_argument("--top", action="store_true", help="make it a top-level tag")
    _project_arg(p)
    p = tsub.add_parser("merge", help="merge a tag into another: its annotations and children move")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("target", metavar="INTO")
    _project_arg(p)
    p = tsub.add_parser("delete", help="delete a tag, its children and their annotations")
    p.add_argument("tag", metavar="TAG")
    _project_arg(p)
    p.add_argument("--dry-run", action="store_true", help="only say what would be deleted")
    p = tsub.add_parser("color", aliases=["colour"], help="set a tag's colour ('none' removes it)")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("colour", metavar="#RRGGBB")
    _project_arg(p)
    tags.set_defaults(handler=run_tags)

    exp = subparsers.add_parser(
        "export",
        help="export a project",
        description="Export the articles with their current text and the work done on them, in any format of "
        "db.exports.FORMATS (jsonl, the default: every article with its blocks, edit history, annotations and "
        "notes, one per line), optionally only some sources, tags or review states.",
    )
    _project_arg(exp)
    cli_exchange.add_export_arguments(exp)
    exp.set_defaults(handler=run_export)
    cli_exchange.register(subparsers)  # import-work, codebook-import, report, conflicts


def _open(args: argparse.Namespace, err: TextIO, *, create: bool = False) -> Project | None:
    try:
        return Project.open(args.project, create=create)
    except ProjectOpenError as exc:
        print(f"jiaokan: {exc}", file=err)
        return None
    except ProjectBusy as exc:
        print(f"jiaokan: {exc}", file=err)
        return None


# -- import ------------------------------------------------------------------------------------


class _Progress:
    """A bar on a terminal, one plain line per file otherwise."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.tty = hasattr(err, "isatty") and err.isatty()
        self.width = 30

    def __call__(self, p: ImportProgress) -> None:
        name = os.path.basename(p.path)
        if self.tty:
            filled = int(self.width * p.done / max(1, p.total))
            bar = "#" * filled + "-" * (self.width - filled)
            self.err.write(f"\r[{bar}] {p.done}/{p.total} {name[:40]:<40}")
            if p.done == p.total:
                self.err.write("\n")
            self.err.flush()
            return
        o = p.outcome
        detail = o.reason if o.status in (ImportStatus.FAILED, ImportStatus.SKIPPED) else f"{o.articles} articles"
        self.err.write(f"[{p.done}/{p.total}] {o.status.value}: {p.path} ({detail})\n")


def run_import(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    project = _open(args, err, create=True)
    if project is None:
        return 2
    interrupted = False
    with project:
        try:
            report = project.import_paths(
                args.paths,
                pattern=args.pattern,
                progress=_Progress(err),
                workers=None if args.jobs is None else max(1, args.jobs),
            )
        except KeyboardInterrupt:
            interrupted = True
            report = None
        except StoreError as exc:
            print(f"\njiaokan: {exc}", file=err)
            return 2
    if report is None:
        print("\njiaokan: import interrupted; the files imported so far are kept", file=err)
        return 130
    print(
        f"imported {report.count(ImportStatus.IMPORTED)}, skipped {report.count(ImportStatus.SKIPPED)} (already in the"
        f" project), new versions {report.count(ImportStatus.NEW_VERSION)}, failed {len(report.failed)}"
        + (f"; {report.ignored} files in folders did not match {args.pattern!r}" if report.ignored else ""),
        file=out,
    )
    for o in report.failed:
        print(f"  failed: {o.path}: {o.reason}", file=out)
    orphaned = sum(o.orphaned for o in report.outcomes)
    if orphaned:
        print(f"  {orphaned} annotations could not be placed on new versions; they are listed as orphaned", file=out)
    return 1 if report.failed or interrupted else 0


# -- search ------------------------------------------------------------------------------------


def run_search(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    project = _open(args, err)
    if project is None:
        return 2
    with project:
        try:
            result = project.search(
                args.query,
                regex=args.regex,
                limit=args.limit,
                offset=args.offset,
                include_superseded=args.all_versions,
                context=max(0, args.context),
            )
        except StoreError as exc:
            print(f"jiaokan: {exc}", file=err)
            return 1
    for h in result.hits:
        if args.json:
            out.write(json.dumps(dataclasses.asdict(h), ensure_ascii=False) + "\n")
            continue

        def flat(s: str) -> str:
            return s.replace("\n", " ⏎ ")

        out.write(f"{h.source_name}#{h.article_id}:{h.start}\t{flat(h.left)}【{flat(h.hit)}】{flat(h.right)}\n")
    if not result.hits:
        print("no hits", file=err)
    elif result.more:
        print(f"more hits follow: use --offset {args.offset + len(result.hits)}", file=err)
    return 0


# -- tags --------------------------------------------------------------------------------------


def run_tags(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    project = _open(args, err)
    if project is None:
        return 2
    with project:
        try:
            return _tags(project, args, out)
        except StoreError as exc:
            print(f"jiaokan: {exc}", file=err)
            return 1


def _tags(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    cmd = args.tags_command
    if cmd == "list":
        for t in project.tags():
            if args.json:
                out.write(json.dumps(dataclasses.asdict(t), ensure_ascii=False) + "\n")
                continue
            depth = t.path.count("/")
            extras = [f"#{t.id}"]
            if t.slot:
                extras.append(f"key {t.slot}")
            if t.colour:
                extras.append(t.colour)
            extras.append(f"{t.annotation_count} annotations")
            out.write(f"{'  ' * depth}{t.name}  ({', '.join(extras)})\n")
        return 0
    if cmd == "add":
        parent = project.find_tag(args.parent).id if args.parent else None
        tag = project.add_tag(
            args.name, parent_id=parent, colour=args.colour, description=args.description, slot=args.slot
        )
        out.write(f"added {tag.path} (#{tag.id})\n")
        return 0
    tag = project.find_tag(args.tag)
    if cmd == "rename":
        renamed = project.rename_tag(tag.id, args.name)
        out.write(f"renamed {tag.path} to {renamed.path}\n")
    elif cmd == "move":
        parent = None if args.top else project.find_tag(args.parent).id
        moved = project.move_tag(tag.id, parent)
        out.write(f"moved {tag.path} to {moved.path}\n")
    elif cmd == "merge":
        target = project.find_tag(args.target)
        merged = project.merge_tags(tag.id, target.id)
        out.write(f"merged {tag.path} into {merged.path} ({merged.annotation_count} annotations now)\n")
    elif cmd == "delete":
        counts = project.tag_deletion_counts(tag.id) if args.dry_run else project.delete_tag(tag.id)
        verb = "would delete" if args.dry_run else "deleted"
        out.write(f"{verb} {counts.tags} tags and {counts.annotations} annotations ({tag.path})\n")
    elif cmd in ("color", "colour"):
        if args.colour.lower() == "none":
            project.update_tag(tag.id, clear_colour=True)
        else:
            project.update_tag(tag.id, colour=args.colour)
        out.write(f"{tag.path}: colour {project.tag(tag.id).colour or 'none'}\n")
    return 0


# -- export ------------------------------------------------------------------------------------


def run_export(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Every registered format, with filters and progress: see :mod:`db.cli_exchange`."""
    return cli_exchange.run_export(args, out, err)
