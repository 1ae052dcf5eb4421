"""The headless command line: ``omplanner new|schema|validate|...``. Never imports Qt.

Each subcommand lives in a module of this package that exposes ``register(subparsers)``;
the parser sets ``run`` to a function taking the parsed arguments and returning the exit code:
0 fine, 1 problems found, 2 unreadable input or wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING

from .. import __version__
from ..fileio import PlanFileError

if TYPE_CHECKING:
    from ..model import Plan

COMMAND_MODULES = [
    "plan_commands",
    "check_commands",
    "sequence_commands",
    "export_commands",
    "import_commands",
    "bpmn_commands",
    "compare_commands",
    "baseline_commands",
]
"""Modules of this package that add subcommands, in the order ``--help`` lists them."""

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class CliError(Exception):
    """A readable message for stderr; the command exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omplanner",
        description="OM Planner: plan the redesign of an operating model around AI. "
        "Without a command, opens the desktop app (on PLAN, if given).",
    )
    parser.add_argument("--version", action="version", version=f"OM Planner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    render = sub.add_parser(
        "render",
        help="draw the process maps and the roadmap as PNG or SVG images for slides",
        description="Run by the omplanner program (it draws with Qt): 'omplanner render --help' there.",
    )
    render.set_defaults(run=_render_elsewhere)
    return parser


def _render_elsewhere(args: argparse.Namespace) -> int:
    raise CliError("render draws with Qt: run it as 'omplanner render' (the program, not this module)")


def command_names() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(action.choices)


def load(path) -> Plan:
    """The plan at ``path`` for a command: what loading repaired is said on stderr."""
    from ..fileio import load_plan

    notices: list[str] = []
    plan = load_plan(path, notices)
    for notice in notices:
        print(f"omplanner: {path}: {notice}", file=sys.stderr)
    return plan


def _never_fail_to_print() -> None:
    """A terminal or pipe that cannot show a character gets a replacement, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def main(argv: list[str] | None = None) -> int:
    _never_fail_to_print()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except PlanFileError as exc:
        print(f"omplanner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CliError as exc:
        print(f"omplanner: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("omplanner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`omplanner check PLAN | head`): not a failure of ours. Point
        # stdout at nothing so that Python's flush at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a fault of ours: one line a user can report, not a traceback
        if os.environ.get("OMPLANNER_TRACEBACK"):
            raise
        print(
            f"omplanner: the command stopped on an internal error ({type(exc).__name__}: {exc}). "
            "This is a fault in OM Planner, not in your plan; set OMPLANNER_TRACEBACK=1 to see the details.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
