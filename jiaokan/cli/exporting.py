"""``jiaokan export``: every registered format, with filters and progress."""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from db.errors import NotFound
from db.exports import leftovers
from db.project import Project
from db.schema import REVIEW_STATES
from jiaokan.cli.frame import CommandFailed, add_command, open_project
from jiaokan.cli.progress import Bar


def register(subparsers: argparse._SubParsersAction) -> None:
    from db.exports.registry import FORMATS

    exp = add_command(subparsers, "export", run_export, "export a project")
    names = ", ".join(f"{n} ({f.label})" for n, f in FORMATS.items())
    exp.add_argument("--format", "-f", choices=list(FORMATS), default="jsonl", metavar="FORMAT",
                     help=f"one of: {names}; jsonl (the default) can go to standard output")
    exp.add_argument("-o", "--output", metavar="OUT",
                     help="the file to write (for brat: a folder); its folder must exist")
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


def checked_output(output: str, *, folder_format: bool = False) -> Path:
    """Where to write: its folder must exist (a typo must not make folders); stale temporary files there go."""
    out = Path(output)
    if out.is_dir() and not folder_format:
        raise CommandFailed(f"cannot write {output}: it is a folder; give the name of the file to write", 1)
    folder = out.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise CommandFailed(f"cannot write {output}: the folder {folder} {what}", 1)
    leftovers.remove_stale_parts(out)
    return out


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export the articles with their current text and the work done on them, in any format of db.exports.FORMATS
    (jsonl, the default: every article with its blocks, edit history, annotations and notes, one per line),
    optionally only some sources, tags or review states.
    """
    from db import export as native
    from db.exports.registry import FORMATS
    from db.exports.snapshot import ExportFilter, export_project, snapshot

    fmt = FORMATS[args.format]
    if not args.output and args.format != "jsonl":
        what = "a folder" if fmt.is_directory else "a file"
        raise CommandFailed(f"--format {args.format} needs -o OUT ({what} to write)", 2)
    target = checked_output(args.output, folder_format=fmt.is_directory) if args.output else None
    with open_project(args.project) as session:
        project = session.project
        filters = ExportFilter(
            source_ids=resolve_sources(project, args.source, args.all_versions),
            tag_paths=tuple(args.tag or ()),
            states=tuple(args.state or ()),
            include_superseded=args.all_versions,
        )
        if target is None:
            if filters.is_empty:
                count = project.export_jsonl(out, include_superseded=args.all_versions)
            else:
                with snapshot(project, filters) as snap:
                    conn = snap.conn
                    count = native.write_records(lambda: nullcontext(conn), snap.corpus.article_ids, out,
                                                 project_name=project.path.stem, tag_filter=snap.corpus.tag_filter)
            print(f"exported {count} articles", file=err)
            return 0
        try:
            result = export_project(project, args.format, target, filters, Bar(err, f"exporting {args.format}"))
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            raise CommandFailed(f"cannot write {args.output}: {exc.strerror or exc}", 1) from exc
    what = (f"{result.tags} tags" if args.format == "qdc"
            else f"{result.articles} articles ({result.annotations} passages)")
    print(f"exported {what} as {fmt.label} to {result.path}", file=err)
    return 0
