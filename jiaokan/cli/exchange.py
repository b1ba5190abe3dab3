"""``jiaokan import-work``, ``codebook-import`` and ``conflicts``: work coming in from elsewhere."""

from __future__ import annotations

import argparse
from typing import TextIO

from jiaokan.cli.frame import add_command, add_project_argument, open_project
from jiaokan.cli.progress import Bar


def register(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers,
        "import-work",
        run_import_work,
        "merge another project's work (its jsonl export) into a project",
        project="the project to merge into (created if new)",
    )
    p.add_argument("file", metavar="FILE.jsonl")

    p = add_command(
        subparsers,
        "codebook-import",
        run_codebook_import,
        "add the codes of a REFI-QDA codebook (.qdc) to the codebook",
    )
    p.add_argument("file", metavar="FILE.qdc")
    p.add_argument("--dry-run", action="store_true", help="only report what would be imported")

    p = add_command(
        subparsers, "conflicts", run_conflicts, "list, accept or reject the conflicts merges kept", project=None
    )
    sub = p.add_subparsers(dest="conflicts_command", required=True, metavar="ACTION")
    q = sub.add_parser("list", help="the pending conflicts (--all: decided ones too)")
    add_project_argument(q)
    q.add_argument("--all", action="store_true", help="also accepted and rejected ones")
    for name, text in (("accept", "apply the incoming text"), ("reject", "keep this project's text")):
        q = sub.add_parser(name, help=text)
        q.add_argument("id", type=int, metavar="ID")
        add_project_argument(q)


def run_import_work(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Merge a jsonl export of another project: sources are recognised by their SHA-256 (and imported from the export
    when missing), tags by path, passages are added (exact duplicates skipped), corrections and other edits are
    applied where the text still reads as they expect; where both projects changed the same text differently both
    versions are kept as a conflict to accept or reject (jiaokan conflicts). Every line is checked first: a file with
    a bad line is refused whole and the project stays as it was.
    """
    with open_project(args.project, create=True) as session:
        report = session.project.merge_jsonl(args.file, progress=Bar(err, "merging"))
    print(f"merged {report.summary()}", file=out)
    for problem in report.problems:
        print(f"  {problem}", file=out)
    if report.conflicts:
        print(f"  {report.conflicts} conflicts are kept side by side: jiaokan conflicts list -p {args.project}",
              file=out)
    return 1 if report.sources_skipped else 0


def run_codebook_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import a REFI-QDA codebook (.qdc) from another QDA tool: the file is validated against the REFI-QDA schema;
    nested codes, colours and descriptions become tags; codes already in the codebook are left as they are; codes of
    the same name among siblings are merged and reported.
    """
    from db.exports.qdc_import import import_codebook

    with open_project(args.project, create=True) as session:
        report = import_codebook(session.project, args.file, dry_run=args.dry_run)
    for line in report.lines():
        print(line, file=out)
    return 0


def run_conflicts(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Where a merge found that both projects changed the same text (or a page's date, name or number) differently,
    it kept both: list them, accept one (the incoming version replaces this project's) or reject it (this project's
    stays).
    """
    with open_project(args.project) as session:
        project = session.project
        if args.conflicts_command == "list":
            shown = project.conflicts(None if args.all else "pending")
            for c in shown:
                where = (f"article {c.article_id}" if c.article_id is not None
                         else f"page {c.source_id}" if c.source_id is not None else "no place here")
                out.write(f"#{c.id} [{c.status}] {c.kind} {c.op} ({where}) by {c.author or '?'}: "
                          f"ours {c.ours!r} / theirs {c.theirs!r} (was {c.base!r}); {c.detail}\n")
            if not shown:
                print("no conflicts", file=err)
            return 0
        action = project.accept_conflict if args.conflicts_command == "accept" else project.reject_conflict
        c = action(args.id)
        out.write(f"conflict #{c.id} {c.status}\n")
        return 0
