"""``jiaokan tags``: list and edit the codebook."""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import TextIO

from db.project import Project
from jiaokan.cli.frame import add_command, add_project_argument, open_project, require_text


def _action(
    actions: argparse._SubParsersAction, name: str, help: str, *positionals: tuple[str, str | None], **kw
) -> argparse.ArgumentParser:
    """A ``tags`` action with its positional arguments (name, metavar) and ``--project``."""
    parser = actions.add_parser(name, help=help, **kw)
    for dest, metavar in positionals:
        parser.add_argument(dest, metavar=metavar)
    add_project_argument(parser)
    return parser


TAG = ("tag", "TAG")


def register(subparsers: argparse._SubParsersAction) -> None:
    tags = add_command(subparsers, "tags", run_tags, "list and edit the codebook", project=None)
    tsub = tags.add_subparsers(dest="tags_command", required=True, metavar="ACTION")
    p = _action(tsub, "list", "show the codebook as a tree")
    p.add_argument("--json", action="store_true", help="print one JSON object per tag")
    p = _action(tsub, "add", "add a tag", ("name", None))
    p.add_argument("--parent", metavar="TAG", help="parent tag (path like a/b, or id)")
    p.add_argument("--colour", "--color", dest="colour", metavar="#RRGGBB")
    p.add_argument("--description", default="")
    p.add_argument("--slot", type=int, metavar="1-9", help="keyboard slot")
    _action(tsub, "rename", "rename a tag", TAG, ("name", "NEW_NAME"))
    p = _action(tsub, "move", "move a tag under another (or to the top with --top)", TAG)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--parent", metavar="TAG", help="the new parent")
    where.add_argument("--top", action="store_true", help="make it a top-level tag")
    _action(tsub, "merge", "merge a tag into another: its annotations and children move", TAG, ("target", "INTO"))
    p = _action(tsub, "delete", "delete a tag, its children and their annotations", TAG)
    p.add_argument("--dry-run", action="store_true", help="only say what would be deleted")
    _action(tsub, "color", "set a tag's colour ('none' removes it)", TAG, ("colour", "#RRGGBB"), aliases=["colour"])


def run_tags(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List and edit the codebook."""
    for name in ("name", "tag", "target", "parent", "description"):
        value = getattr(args, name, None)
        if isinstance(value, str):
            require_text(value, f"the {name}")
    with open_project(args.project) as session:
        return _tags(session.project, args, out)


def _list(project: Project, as_json: bool, out: TextIO) -> None:
    for t in project.tags():
        if as_json:
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


def _tags(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    cmd = args.tags_command
    if cmd == "list":
        _list(project, args.json, out)
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
