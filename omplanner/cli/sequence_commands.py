"""``omplanner sequence PLAN -o OUT``: auto-sequence the roadmap without the app.

Prints each move with its reason and writes the sequenced plan to OUT (never over PLAN unless
OUT is PLAN itself and --force says so). Without ``-o`` it only prints what it would move.
Exit codes: 0 the roadmap follows the timing principles after the moves, 1 some timing
finding is left that only the user can settle (done or in-progress work in the way).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..fileio import FILE_SUFFIX
from . import EXIT_OK, EXIT_PROBLEMS, CliError, load
from .output import check_output, save

TIMING_CODES = frozenset({"SEQ-001", "SEQ-002", "SEQ-003", "SEQ-004", "SEQ-005", "SEQ-006", "SEQ-007", "SEQ-012"})
"""The sequencing findings a schedule can settle by moving items."""


def register(sub: argparse._SubParsersAction) -> None:
    sequence = sub.add_parser(
        "sequence",
        help="move roadmap items so that the roadmap follows the sequencing principles, and say why",
        description="Auto-sequence the roadmap: enabling work moves earlier where that keeps the go-live, "
        "what still starts too early moves later, done and in-progress work never moves.",
    )
    sequence.add_argument("plan", type=Path)
    sequence.add_argument(
        "-o", "--output", type=Path, metavar=f"OUT{FILE_SUFFIX}", help="write the sequenced plan here"
    )
    sequence.add_argument("--force", action="store_true", help="replace OUT if it exists")
    sequence.set_defaults(run=run_sequence)


def run_sequence(args: argparse.Namespace) -> int:
    from ..rules import check_plan
    from ..sequencing import schedule_command, solve

    out = args.output
    if out is not None:
        check_output(out)
        if out.exists() and not args.force:
            raise CliError(f"{out} exists already; choose another name or add --force")
    plan = load(args.plan)
    schedule = solve(plan)
    command = schedule_command(plan, schedule, "Auto-sequence the roadmap")
    if command is None:
        print(f"{args.plan}: nothing moves.")
    else:
        count = len(schedule.moves)
        print(f"{args.plan}: {count} item{'' if count == 1 else 's'} move{'s' if count == 1 else ''}:")
        for move in schedule.moves:
            print(f"  {move.describe()}")
        items = schedule.prepared.items
        for before, after in sorted(schedule.prepared.contradicting):
            print(
                f"  '{items[after].title}' no longer waits for '{items[before].title}': "
                "that dependency contradicts a sequencing principle"
            )
        command.apply(plan)
    left = [f for f in check_plan(plan) if f.code in TIMING_CODES]
    if not left:
        print("The roadmap follows the sequencing principles.")
    else:
        print("Left for you to settle (done or in-progress work stands in the way):")
        for f in left:
            print(f"  {f.severity.value.upper():7} {f.code}  {f.message}")
    if out is not None:
        save(plan, out)
        print(f"Wrote {out}.")
    elif command is not None:
        print("Nothing written: add -o OUT to save the sequenced plan.")
    return EXIT_PROBLEMS if left else EXIT_OK
