"""BPMN on the command line: ``export-bpmn`` (one map), ``import-bpmn``, and ``export --bpmn DIR``.

``omplanner export-bpmn PLAN --process USE_CASE[:current|redesigned] -o OUT.bpmn`` writes one map
as ``omplanner render`` draws one; ``omplanner import-bpmn PLAN FILE --use-case NAME`` replaces a
map by the file's process and lists what did not come across as it is.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import EXIT_OK, CliError, load
from .output import check_output, save, writing

VARIANTS = ("current", "redesigned")


def register(sub: argparse._SubParsersAction) -> None:
    one = sub.add_parser(
        "export-bpmn",
        help="write one process map as a BPMN 2.0 file for Signavio, Camunda, ARIS and the like",
        description="Write one process map as BPMN 2.0 XML with its diagram. "
        "'omplanner export PLAN --bpmn DIR' writes every map.",
    )
    one.add_argument("plan", type=Path, help="the plan file")
    one.add_argument(
        "--process", required=True, metavar="USE_CASE[:current|redesigned]", help="the map (default: redesigned)"
    )
    one.add_argument("-o", "--output", type=Path, required=True, help="the .bpmn file to write")
    one.set_defaults(run=run_export_one)

    into = sub.add_parser(
        "import-bpmn",
        help="replace a use case's process map by the process of a BPMN 2.0 file",
        description="Read a BPMN 2.0 file into a use case's current (or redesigned) map, replacing its "
        "steps, flows and lanes, and list every element that does not come across as it is.",
    )
    into.add_argument("plan", type=Path, help="the plan file")
    into.add_argument("file", type=Path, help="the .bpmn file to read")
    into.add_argument("--use-case", required=True, metavar="NAME", help="the use case, by name or id")
    into.add_argument("--as", dest="variant", choices=VARIANTS, default="current", help="which map (default current)")
    into.add_argument("-o", "--output", type=Path, help="write the plan here (default: the plan file itself)")
    into.set_defaults(run=run_import)


def find_use_case(plan, name: str):
    wanted = name.strip().lower()
    use_case = next((u for u in plan.use_cases if wanted in (u.id.lower(), u.name.strip().lower())), None)
    if use_case is None:
        known = ", ".join(f"{u.id} ({u.name})" for u in plan.use_cases) or "none"
        raise CliError(f'no use case "{name}" in this plan; it has: {known}')
    return use_case


def run_export_one(args: argparse.Namespace) -> int:
    from ..bpmn import export_map

    check_output(args.output, ".bpmn")
    plan = load(args.plan)
    name, _, variant = args.process.rpartition(":")
    if variant.strip().lower() not in VARIANTS:  # no variant given, or a name with a colon in it
        name, variant = args.process, "redesigned"
    variant = variant.strip().lower()
    use_case = find_use_case(plan, name)
    data = export_map(plan, use_case, variant)
    with writing(args.output):
        args.output.write_bytes(data)
    print(f"Wrote {args.output} (BPMN 2.0, {variant} map of '{use_case.name}').")
    return EXIT_OK


def write_bpmn_folder(plan, folder: Path) -> list[Path]:
    """Every map with steps as one file in ``folder``, named by use case and variant."""
    from ..bpmn import export_map, file_name

    written, taken = [], set()
    for use_case, variant, pmap in plan.maps():
        if not pmap.steps:
            continue
        name, number = file_name(use_case, variant), 2
        while name.lower() in taken:  # two use cases whose names spell alike on disk
            name, number = file_name(use_case, variant).replace(".bpmn", f" ({number}).bpmn"), number + 1
        taken.add(name.lower())
        path, data = folder / name, export_map(plan, use_case, variant)
        with writing(path):
            path.write_bytes(data)
        written.append(path)
    return written


def check_bpmn_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise CliError(f"--bpmn writes one file per map into a folder: {folder} is not an existing folder")


def run_import(args: argparse.Namespace) -> int:
    from ..bpmn import BpmnFileError, import_command, read_bpmn, read_bpmn_bytes

    out = args.output or args.plan
    if args.output is not None:
        check_output(out, ".omplan")
    plan = load(args.plan)
    use_case = find_use_case(plan, args.use_case)
    try:
        result = read_bpmn(read_bpmn_bytes(args.file), plan, getattr(use_case, args.variant).id, args.file)
    except BpmnFileError as exc:
        raise CliError(str(exc)) from None
    from ..bpmn import consequences
    from ..model.index import attach

    for line in consequences(plan, result):
        print(f"{line}.")

    attach(plan)  # as the app's document does: a 500-step map is replaced in a second, not in minutes
    import_command(plan, result).apply(plan)
    save(plan, out)
    print(result.report(), end="")
    print(f"Wrote {out}: the {args.variant} map of '{use_case.name}' now holds the imported process.")
    return EXIT_OK
