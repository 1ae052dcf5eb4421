"""``omplanner new``, ``schema`` and ``validate``: making, describing and checking plan files."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from ..fileio import FILE_SUFFIX, load_plan, schema_text
from ..paths import BLANK_TEMPLATE, example_names, example_path
from . import EXIT_OK, CliError, load
from .output import save


def register(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("new", help="create a plan file, blank or from an example")
    new.add_argument("plan", type=Path, help=f"the new plan file ({FILE_SUFFIX})")
    new.add_argument("--example", metavar="NAME", help=f"start from an example: {', '.join(example_names())}")
    new.add_argument("--force", action="store_true", help="replace the file if it exists")
    new.set_defaults(run=run_new)

    schema = sub.add_parser("schema", help="print the JSON Schema of the plan file format")
    schema.set_defaults(run=run_schema)

    validate = sub.add_parser("validate", help="check that a plan file opens, and say where it does not")
    validate.add_argument("plan", type=Path)
    validate.set_defaults(run=run_validate)


def run_new(args: argparse.Namespace) -> int:
    name = args.example or BLANK_TEMPLATE
    source = example_path(name)
    if not source.exists():
        raise CliError(f'there is no example called "{name}"; the examples are: {", ".join(example_names())}')
    if args.plan.exists() and not args.force:
        raise CliError(f"{args.plan} exists already; choose another name or add --force")
    if not args.plan.parent.exists():
        raise CliError(f"the folder {args.plan.parent} does not exist")
    plan = load_plan(source)
    if name == BLANK_TEMPLATE:
        # A blank plan starts now; the example keeps the dates its story is told in.
        plan.details.start_date = date.today()
        plan.details.created = datetime.now(UTC).replace(microsecond=0)
    save(plan, args.plan)
    print(f"Created {args.plan} from the {name} plan.")
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    plan = load(args.plan)
    counts = (
        f"{len(plan.use_cases)} use cases, {len(plan.roles)} roles, {len(plan.decisions)} decisions, "
        f"{len(plan.roadmap)} roadmap items"
    )
    print(f'{args.plan}: a valid plan, "{plan.details.title}" ({counts}).')
    return EXIT_OK
