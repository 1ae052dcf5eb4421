"""``omplanner baseline``: list a plan's baselines, or take one; ``diff --baseline`` reads them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_OK, CliError, load
from .output import check_output, save

if TYPE_CHECKING:
    from ..model import Baseline, Plan


def register(sub: argparse._SubParsersAction) -> None:
    baseline = sub.add_parser(
        "baseline",
        help="list a plan's baselines (named snapshots), or take one",
        description='A baseline is a named snapshot of the plan kept in its file ("agreed at workshop 2"); '
        "'omplanner diff PLAN --baseline NAME' lists what changed and what slipped since. With --list (the "
        "default) the baselines are listed; with --take NAME a baseline of the plan as it is is added and the "
        "plan written to OUT.",
    )
    baseline.add_argument("plan", type=Path, metavar="PLAN")
    what = baseline.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="list the baselines (the default)")
    what.add_argument("--take", metavar="NAME", help="take a baseline called NAME")
    baseline.add_argument("-o", "--output", type=Path, metavar="OUT", help="with --take: the plan file to write")
    baseline.add_argument("--by", default="", metavar="WHO", help="with --take: who took it (default: OMPLANNER_NAME)")
    baseline.add_argument("--format", choices=("text", "json"), default="text", help="how --list prints")
    baseline.set_defaults(run=run_baseline)


def run_baseline(args: argparse.Namespace) -> int:
    from ..baselines import BaselineError, make_baseline, take_baseline, taken_words

    if args.take is None:
        if args.output is not None:
            raise CliError("-o OUT goes with --take NAME: listing writes nothing")
        plan = load(args.plan)
        if args.format == "json":
            print(json.dumps([_summary(b) for b in plan.baselines], indent=1, ensure_ascii=False))
        elif not plan.baselines:
            print(f"{args.plan.name} has no baselines.")
        else:
            for b in plan.baselines:
                print(f"{b.name}  ({taken_words(b)})")
        return EXIT_OK
    if args.output is None:
        raise CliError("--take NAME needs -o OUT, the plan file to write (it may be PLAN itself)")
    check_output(args.output, ".omplan", "OUT is a plan file: give a name ending in .omplan")
    plan = load(args.plan)
    try:
        from .output import saver_name

        baseline = make_baseline(plan, args.take, args.by or saver_name())
    except BaselineError as exc:
        raise CliError(str(exc)) from None
    take_baseline(baseline).apply(plan)
    save(plan, args.output)
    print(f"Took the baseline '{baseline.name}' ({taken_words(baseline)}); wrote {args.output}.")
    return EXIT_OK


def _summary(baseline: Baseline) -> dict:
    return {
        "id": baseline.id,
        "name": baseline.name,
        "taken_at": baseline.taken_at.isoformat(),
        "taken_by": baseline.taken_by,
    }


def named_baseline(plan: Plan, path: Path, name: str) -> Baseline:
    """The plan's baseline called ``name``; a name it does not have is a sentence naming those it has."""
    from ..baselines import find_baseline

    found = find_baseline(plan, name)
    if found is not None:
        return found
    if not plan.baselines:
        raise CliError(
            f"{path.name} has no baselines, so none is called '{name}'. Take one with "
            f"'omplanner baseline {path.name} --take NAME -o OUT' or in the app (Plan › Save baseline…)."
        )
    names = ", ".join(f"'{b.name}'" for b in plan.baselines)
    raise CliError(f"{path.name} has no baseline called '{name}'; its baselines are {names}.")


def diff_baseline(args: argparse.Namespace) -> tuple[bool, str]:
    """``diff PLAN --baseline NAME``: whether anything changed, and the report to print."""
    from ..baselines import BaselineError, read_baseline, slip_summary, taken_words, what_slipped, without_baselines
    from ..compare import compare_plans

    plan = load(args.a)
    baseline = named_baseline(plan, args.a, args.baseline)
    try:
        then = read_baseline(baseline)
    except BaselineError as exc:
        raise CliError(str(exc)) from None
    comparison = compare_plans(then, without_baselines(plan, then))
    rows = what_slipped(then, plan)
    if args.format == "json":
        report = {
            "baseline": _summary(baseline),
            "slipped": [
                {"kind": r.kind, "text": r.text, "element": r.item_id, "weeks": r.weeks, "slipped": r.slipped}
                for r in rows
            ],
            "differences": comparison.to_json(),
        }
        return bool(comparison.differences), json.dumps(report, indent=1, ensure_ascii=False) + "\n"
    lines = [f"Since the baseline '{baseline.name}' ({taken_words(baseline)}):", ""]
    lines.append(f"What slipped: {slip_summary(rows)}")
    lines.extend(f"  {row.text}" for row in rows)
    lines.append("")
    lines.append("Every difference:" if comparison.differences else "No other difference: the plan is as it was.")
    if comparison.differences:
        lines.append(comparison.text().rstrip("\n"))
    return bool(comparison.differences), "\n".join(lines) + "\n"
