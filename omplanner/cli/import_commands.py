"""``omplanner import-xlsx PLAN WORKBOOK``: the client's edits of the exported workbook, back into the plan.

Lists every change by sheet and entity (old → new), the conflicts (the plan's value stays), the
rows the workbook no longer has (deleted only with ``--delete ID``), row errors and the rules'
new findings; then saves the plan (to ``-o OUT`` if given) unless ``--dry-run``. Exit 0 when
applied or nothing to do, 1 when row errors or a refusal stopped it, 2 when the workbook is not
this plan's export.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CliError, load
from .output import save


def register(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser(
        "import-xlsx",
        help="bring the client's edits of an exported workbook back into the plan",
        description="Compare the workbook with the plan cell by cell (as exported, in the workbook, in the "
        "plan now) and apply what only the workbook changed.",
    )
    command.add_argument("plan", type=Path, help="the plan file")
    command.add_argument("workbook", type=Path, help="the workbook exported from it (.xlsx)")
    command.add_argument("--dry-run", action="store_true", help="list what would change; change nothing")
    command.add_argument("-o", "--output", type=Path, metavar="OUT", help="save the result here, not over PLAN")
    command.add_argument(
        "--delete",
        action="append",
        default=[],
        metavar="ID",
        help="delete this entity, whose row is gone from the workbook (repeat for several)",
    )
    command.set_defaults(run=run_import)


def _shown(value) -> str:
    text = "(empty)" if value is None or value == "" else " ".join(str(value).split())
    return text if len(text) <= 60 else text[:59] + "…"


def run_import(args: argparse.Namespace) -> int:
    from ..workbook_import import NotOurWorkbook, import_workbook, try_import

    if not args.workbook.exists():
        raise CliError(f"{args.workbook} does not exist")
    plan = load(args.plan)
    try:
        result = import_workbook(plan, args.workbook)
    except NotOurWorkbook as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    for change in result.changes:
        where = f"{change.sheet}, row {change.row}: {change.entity}: {change.column}"
        print(f"{where}: {_shown(change.old)} → {_shown(change.new)}")
    for addition in result.additions:
        print(f"{addition.sheet}, row {addition.row}: add {addition.label}")
    for conflict in result.conflicts:
        print(
            f"{conflict.sheet}, row {conflict.row}: CONFLICT {conflict.entity}: {conflict.column}: the plan has "
            f"{_shown(conflict.plan_value)}, the workbook {_shown(conflict.workbook_value)}; the plan's value stays"
        )
    delete = set(args.delete)
    for missing in result.missing:
        fate = "deleted (--delete)" if missing.entity_id in delete else f"kept (--delete {missing.entity_id} to delete)"
        print(f"{missing.sheet}: {missing.entity} is not in the workbook: {fate}")
    unknown = delete - {m.entity_id for m in result.missing}
    if unknown:
        raise CliError(f"--delete names rows the workbook still has or never had: {', '.join(sorted(unknown))}")
    for error in result.errors:
        print(f"ERROR {error}")
    for note in result.notes:
        print(note)
    if result.errors:
        print(f"Nothing applied: {len(result.errors)} row error{'s' if len(result.errors) != 1 else ''}.")
        return EXIT_PROBLEMS
    trial = try_import(plan, result, delete)
    if trial.refused:
        print(f"Nothing applied: the plan refuses the import: {trial.refused}")
        return EXIT_PROBLEMS
    for finding in trial.new_findings:
        print(f"New finding {finding.code} ({finding.severity.label}): {finding.title}")
    command = result.command(plan, delete)
    if command is None:
        print("Nothing to change: the workbook agrees with the plan.")
        return EXIT_OK
    if args.dry_run:
        print(f"Dry run: {command.text}; nothing saved.")
        return EXIT_OK
    command.apply(plan)
    out = args.output or args.plan
    save(plan, out)
    print(f"{command.text}; saved {out}.")
    return EXIT_OK
