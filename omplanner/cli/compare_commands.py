"""``omplanner diff`` and ``omplanner merge``: two copies of a plan compared, and combined."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..compare.conflicts import MINE, THEIRS
from . import EXIT_OK, EXIT_PROBLEMS, CliError, load

if TYPE_CHECKING:
    from ..model import Plan


def register(sub: argparse._SubParsersAction) -> None:
    diff = sub.add_parser(
        "diff",
        help="list what differs between two copies of a plan, element by element",
        description="Compare two copies of a plan: what was added, removed, changed or moved in B "
        "against A, grouped by use case and component. With --baseline NAME and one plan, compare the plan "
        "with its baseline of that name: what slipped on the roadmap first, then every difference. "
        "Exit code 1 when they differ.",
    )
    diff.add_argument("a", type=Path, metavar="A", help="the earlier copy (or yours); with --baseline, the plan")
    diff.add_argument("b", type=Path, metavar="B", nargs="?", help="the later copy (or your colleague's)")
    diff.add_argument("--baseline", metavar="NAME", help="compare A with its baseline called NAME")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.set_defaults(run=run_diff)

    merge = sub.add_parser(
        "merge",
        help="combine your copy of a plan with a colleague's, element by element",
        description="Merge THEIRS into MINE, both edited from BASE (the copy you both started from), "
        "and write the result to OUT. Without --base, the newest save both copies name is looked up among "
        "the copies OM Planner kept on this computer. Conflicts (a field changed differently in both, an "
        "element removed in one and changed or still referred to in the other) are listed; without --take they are "
        "settled keeping what either of you did (your value for a field), and the exit code is 1. "
        "OUT is always a plan that opens.",
    )
    merge.add_argument("mine", type=Path, metavar="MINE", help="your copy")
    merge.add_argument("theirs", type=Path, metavar="THEIRS", help="your colleague's copy")
    merge.add_argument(
        "--base", type=Path, help="the copy you both started from (found among the kept copies when not given)"
    )
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="the merged plan file")
    merge.add_argument("--take", choices=(MINE, THEIRS), help="settle every conflict your way or theirs")
    merge.add_argument("--format", choices=("text", "json"), default="text", help="how the report is printed")
    merge.set_defaults(run=run_merge)


def run_diff(args: argparse.Namespace) -> int:
    from ..compare import compare_plans

    if args.baseline is not None:
        if args.b is not None:
            raise CliError("with --baseline NAME give one plan: it is compared with its own baseline")
        from .baseline_commands import diff_baseline

        differ, report = diff_baseline(args)
        print(report, end="")
        return EXIT_PROBLEMS if differ else EXIT_OK
    if args.b is None:
        raise CliError("give two plans to compare, or one plan and --baseline NAME")
    comparison = compare_plans(load(args.a), load(args.b))
    if args.format == "json":
        print(json.dumps(comparison.to_json(), indent=1, ensure_ascii=False))
    else:
        print(comparison.text(), end="")
    return EXIT_PROBLEMS if comparison.differences else EXIT_OK


def run_merge(args: argparse.Namespace) -> int:
    from ..compare.merge import merge_plans
    from ..fileio import load_plan
    from .output import save

    given = [p for p in (args.base, args.theirs) if p is not None]
    if args.output.resolve() in {p.resolve() for p in given}:
        raise CliError("OUT would replace the base or their copy; write the merge to your copy or a new file")
    if not args.output.parent.exists():
        raise CliError(f"the folder {args.output.parent} does not exist")
    from ..fileio.revision_store import default_store

    mine, theirs = load(args.mine), load(args.theirs)
    store = default_store()
    for plan in (mine, theirs):  # kept for the merges to come, --base given or not
        store.keep(plan)
    base = load(args.base) if args.base is not None else _kept_base(store, mine, theirs)
    result = merge_plans(base, mine, theirs, take=args.take)
    save(result.plan, args.output)
    load_plan(args.output)  # what was written opens: read it back as the app would
    undecided = result.undecided
    if args.format == "json":
        report = {
            "output": str(args.output),
            "conflicts": [c.to_json() for c in result.conflicts],
            "taken": result.taken.to_json(),
        }
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print(_merge_text(args, result))
    return EXIT_PROBLEMS if undecided else EXIT_OK


def _kept_base(store, mine: Plan, theirs: Plan) -> Plan:
    """The copy both started from, found by revision among the kept copies; a ``CliError``
    asking for --base when there is none."""
    base = store.common_base(mine, theirs)
    if base is None:
        raise CliError(
            "no copy that both were saved from is kept on this computer: "
            "pass the copy you both started from with --base BASE"
        )
    return base


def _merge_text(args: argparse.Namespace, result) -> str:
    lines = []
    if result.conflicts:
        lines.append(f"{len(result.conflicts)} conflict{'s' if len(result.conflicts) != 1 else ''}:")
        for conflict in result.conflicts:
            how = "settled" if conflict.decided else "NOT SETTLED, for now"
            lines.append(f"  {conflict.line()}")
            lines.append(f"      {how}: {conflict.choice_words()}")
        lines.append("")
    taken = result.taken
    lines.append(f"{taken.count()} change{'s' if taken.count() != 1 else ''} taken from {args.theirs.name}:")
    lines.append(taken.text().rstrip("\n") if taken.differences else "  none")
    lines.append("")
    lines.append(f"Wrote {args.output}.")
    if result.undecided:
        lines.append(
            "Conflicts are not settled: the file keeps what either of you did (your value for a field). "
            "Settle them with --take mine or --take theirs, or merge in the app (File › Merge a colleague's copy…)."
        )
    return "\n".join(lines)
