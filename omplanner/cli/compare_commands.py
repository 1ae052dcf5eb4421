"""``omplanner diff`` and ``omplanner merge``: two copies of a plan compared, and combined."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import EXIT_OK, EXIT_PROBLEMS, load


def register(sub: argparse._SubParsersAction) -> None:
    diff = sub.add_parser(
        "diff",
        help="list what differs between two copies of a plan, element by element",
        description="Compare two copies of a plan: what was added, removed, changed or moved in B "
        "against A, grouped by use case and component. Exit code 1 when they differ.",
    )
    diff.add_argument("a", type=Path, metavar="A", help="the earlier copy (or yours)")
    diff.add_argument("b", type=Path, metavar="B", help="the later copy (or your colleague's)")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.set_defaults(run=run_diff)


def run_diff(args: argparse.Namespace) -> int:
    from ..compare import compare_plans

    comparison = compare_plans(load(args.a), load(args.b))
    if args.format == "json":
        print(json.dumps(comparison.to_json(), indent=1, ensure_ascii=False))
    else:
        print(comparison.text(), end="")
    return EXIT_PROBLEMS if comparison.differences else EXIT_OK
