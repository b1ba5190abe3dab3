"""The ``jiaokan`` command: the composition root of the command line.

One module per command group registers its subcommands with ``register(subparsers)``;
the parsed arguments carry a ``handler(args, out, err)`` that returns the exit status.
Every handler runs in one frame (:mod:`jiaokan.cli.frame`): a project is opened in one
way, and whatever goes wrong ends as one line on stderr and an exit status, never a
traceback. The store (db/) neither parses arguments nor prints.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

#: Modules contributing subcommands, in help order. Missing ones are skipped.
COMMAND_MODULES = (
    "reader.cli",
    "jiaokan.cli.importing",
    "jiaokan.cli.searching",
    "jiaokan.cli.tags",
    "jiaokan.cli.exporting",
    "jiaokan.cli.exchange",
    "jiaokan.cli.reporting",
)


def build_parser() -> argparse.ArgumentParser:
    from jiaokan import __version__  # looked up here, not at import: see jiaokan/__init__.py

    parser = argparse.ArgumentParser(prog="jiaokan", description="Jiaokan 校勘: newspaper text reading desk")
    parser.add_argument("--version", action="version", version=f"jiaokan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # Skip a package that is not there; a missing import *inside* it is a real error.
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["reflow"]:  # fast path: reflowing imports only the engine, never the store
        return _forward_reflow(args_list)

    from jiaokan.cli.frame import printable_streams, run_handler

    printable_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    return run_handler(args.handler, args, sys.stdout, sys.stderr)


def _forward_reflow(argv: list[str]) -> int:
    from reader.cli import main as reflow_main

    try:
        return int(reflow_main(argv, prog="jiaokan") or 0)
    except KeyboardInterrupt:
        print("jiaokan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
