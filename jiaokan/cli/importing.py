"""``jiaokan import``: page dumps into a project (created if needed)."""

from __future__ import annotations

import argparse
import os
from typing import TextIO

from db.importer import DEFAULT_PATTERN
from db.models import ImportStatus
from db.sources import printable_path
from jiaokan.cli.frame import CommandFailed, add_command, open_project
from jiaokan.cli.progress import ImportBar


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = add_command(subparsers, "import", run_import, "import page dumps into a project")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    imp.add_argument("--pattern", default=DEFAULT_PATTERN, help=f"names to import inside folders ({DEFAULT_PATTERN})")
    imp.add_argument(
        "--jobs", "-j", type=int, default=None, metavar="N", help="reflow in N worker processes (default: one per core)"
    )


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import page dumps (files, or folders searched recursively) into a project, creating it if needed. Identical files
    are skipped; a changed file at a path imported before becomes a new version. Bad files are reported by name and
    reason and do not stop the others.
    """
    missing = [p for p in args.paths if not os.path.lexists(p)]
    if len(missing) == len(args.paths):  # nothing to import: refuse before a project file is made
        names = ", ".join(printable_path(p) for p in missing)
        raise CommandFailed(f"nothing to import: no such file or folder: {names}", 1)
    with open_project(args.project, create=True) as session:
        try:
            report = session.project.import_paths(
                args.paths,
                pattern=args.pattern,
                progress=ImportBar(err),
                workers=None if args.jobs is None else max(1, args.jobs),
            )
        except KeyboardInterrupt:
            raise CommandFailed("import interrupted; the files imported so far are kept", 130) from None
        if not any(o.status is not ImportStatus.FAILED for o in report.outcomes):
            session.discard_if_new()  # nothing was imported: leave no empty project behind
    print(
        f"imported {report.count(ImportStatus.IMPORTED)}, skipped {report.count(ImportStatus.SKIPPED)} (already in the"
        f" project), new versions {report.count(ImportStatus.NEW_VERSION)}, failed {len(report.failed)}"
        + (f"; {report.ignored} files in folders did not match {args.pattern!r}" if report.ignored else ""),
        file=out,
    )
    for o in report.failed:
        print(f"  failed: {o.path}: {o.reason}", file=out)
    if session.created and not session.keep:
        print(f"  nothing was imported: {args.project} was not created", file=out)
    orphaned = sum(o.orphaned for o in report.outcomes)
    if orphaned:
        print(f"  {orphaned} annotations could not be placed on new versions; they are listed as orphaned", file=out)
    return 1 if report.failed else 0
