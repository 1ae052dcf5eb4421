"""``omplanner export PLAN --xlsx OUT.xlsx --pdf OUT.pdf``: the client deliverables, without the app.

The formats are a table: each flag names an exporter with the common signature
``(plan, path, progress=None)``. Exporters are imported only when used, so the command line
stays quick to start.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import EXIT_OK, CliError, load
from .output import check_output, writing


def _export_xlsx(plan, path, progress=None):
    from ..export.xlsx import export_xlsx

    return export_xlsx(plan, path, progress)


def _export_pdf(plan, path, progress=None, options=None):
    from ..export.pdf import export_pdf

    return export_pdf(plan, path, progress, options=options)


@dataclass(frozen=True)
class ExportFormat:
    exporter: Callable
    suffix: str
    label: str
    """What the file is, for messages: "Excel workbook"."""
    help: str


EXPORTERS: dict[str, ExportFormat] = {
    "xlsx": ExportFormat(
        _export_xlsx,
        ".xlsx",
        "Excel workbook",
        "write the Excel workbook for the client (summary, roadmap, decision rights, diagnostic, ...)",
    ),
    "pdf": ExportFormat(
        _export_pdf,
        ".pdf",
        "PDF board pack",
        "write the PDF board pack for the leadership team (summary, process maps, governance, roadmap, ...)",
    ),
}
"""Format flag (``--xlsx``) -> how to write it."""


def _article(label: str) -> str:
    return "an" if label[:1].lower() in "aeiou" else "a"


def register(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="write the plan as client deliverables (" + ", ".join(f"--{flag}" for flag in EXPORTERS) + ")",
        description="Write the plan in one or more formats; give at least one.",
    )
    export.add_argument("plan", type=Path, help="the plan file to export")
    for flag, spec in EXPORTERS.items():
        export.add_argument(f"--{flag}", type=Path, metavar=f"OUT{spec.suffix}", help=spec.help)
    export.add_argument(
        "--scoring-forms",
        type=Path,
        metavar="DIR",
        help="write a scoring form (a small workbook) per participant into this folder; needs --participants",
    )
    export.add_argument("--participants", metavar='"ANA, BEN"', help="the participants' names, separated by commas")
    export.add_argument("--bpmn", type=Path, metavar="DIR", help="write every process map as a BPMN 2.0 file into DIR")
    pack = export.add_argument_group("board pack options (with --pdf)")
    pack.add_argument("--audience", choices=["board", "team"], default="board", help="board (default) or working team")
    pack.add_argument("--paper", choices=["a4", "letter"], default="a4", help="A4 (default) or US Letter")
    pack.add_argument(
        "--sections",
        metavar="LIST",
        help="chapters to include, comma-separated, of: summary, use_cases, roadmap, findings, appendix, comments "
        "(default all, but comments only for --audience team)",
    )
    pack.add_argument(
        "--comments",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="add (or with --no-comments leave out) the appendix of comments on the plan's elements "
        "(default: in the team's pack, not in the board's)",
    )
    pack.add_argument("--organisation", metavar="NAME", default="", help="who issues the pack (cover and footer)")
    pack.add_argument(
        "--logo",
        type=Path,
        metavar="FILE",
        help="a PNG or SVG logo for the cover (at most 2 MB; an SVG may name no other file)",
    )
    pack.add_argument("--confidential", metavar="MARK", default="", help='a mark on every page, e.g. "Confidential"')
    pack.add_argument("--draft", action="store_true", help="print DRAFT across every page")
    pack.add_argument("--pack-version", metavar="TEXT", default="", help="the version in the footer, e.g. 0.3")
    pack.add_argument("--date", metavar="YYYY-MM-DD", help="the date on the cover (default today)")
    export.set_defaults(run=run_export)


def pack_options(args: argparse.Namespace):
    """The board pack options the flags ask for; a bad value is a usage error naming it."""
    from datetime import date

    from ..export.pack_options import SECTIONS, LogoError, PackOptions, default_sections, read_logo

    sections = default_sections(args.audience)
    if args.sections:
        asked = [x.strip() for x in args.sections.split(",") if x.strip()]
        unknown = [x for x in asked if x not in SECTIONS]
        if unknown:
            raise CliError(f"--sections: unknown {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
        sections = frozenset(asked)
    comments = getattr(args, "comments", None)
    if comments is not None:
        sections = sections | {"comments"} if comments else sections - {"comments"}
    issued = None
    if args.date:
        try:
            issued = date.fromisoformat(args.date)
        except ValueError as exc:
            raise CliError(f"--date: {args.date} is not a date like 2026-03-31") from exc
    logo = None
    if args.logo is not None:
        try:
            logo = read_logo(args.logo)
        except LogoError as exc:
            raise CliError(f"--logo: {exc}") from exc
    return PackOptions(
        audience=args.audience,
        paper=args.paper,
        sections=sections,
        organisation=args.organisation,
        logo=logo,
        confidentiality=args.confidential,
        draft=args.draft,
        version=args.pack_version,
        issued=issued,
    )


def run_export(args: argparse.Namespace) -> int:
    targets = [(flag, getattr(args, flag)) for flag in EXPORTERS if getattr(args, flag, None) is not None]
    forms = getattr(args, "scoring_forms", None)
    if forms is not None or getattr(args, "participants", None):
        _check_forms(args)
    bpmn_folder = getattr(args, "bpmn", None)
    if bpmn_folder is not None:
        from .bpmn_commands import check_bpmn_folder

        check_bpmn_folder(bpmn_folder)
    if not targets and forms is None and bpmn_folder is None:
        raise CliError("say what to write, e.g. " + " or ".join(f"--{f} OUT{s.suffix}" for f, s in EXPORTERS.items()))
    for flag, out in targets:
        spec = EXPORTERS[flag]
        kind = f"{_article(spec.label)} {spec.label}"
        check_output(out, spec.suffix, f"--{flag} writes {kind}: give a file name ending in {spec.suffix}")
    options = pack_options(args) if getattr(args, "pdf", None) is not None else None
    plan = load(args.plan)
    if forms is not None:
        _write_forms(plan, args)
    for flag, out in targets:
        with writing(out):
            if flag == "pdf":
                EXPORTERS[flag].exporter(plan, out, options=options)
            else:
                EXPORTERS[flag].exporter(plan, out)
        print(f"Wrote {out} ({EXPORTERS[flag].label}).")
    if bpmn_folder is not None:
        from .bpmn_commands import write_bpmn_folder

        written = write_bpmn_folder(plan, bpmn_folder)
        print(f"Wrote {len(written)} BPMN 2.0 file(s) into {bpmn_folder}.")
    return EXIT_OK


def _check_forms(args: argparse.Namespace) -> None:
    from ..export.xlsx.scoring_forms import participants_list

    if args.scoring_forms is None:
        raise CliError("--participants goes with --scoring-forms DIR")
    if not participants_list(args.participants or ""):
        raise CliError('say who scores, e.g. --participants "Ana, Ben"')
    if not args.scoring_forms.is_dir():
        raise CliError(f"the folder {args.scoring_forms} does not exist")


def _write_forms(plan, args: argparse.Namespace) -> None:
    from ..export.xlsx.scoring_forms import export_scoring_forms, participants_list

    with writing("the scoring forms"):
        written = export_scoring_forms(plan, args.scoring_forms, participants_list(args.participants))
    for path in written:
        print(f"Wrote {path} (scoring form).")
