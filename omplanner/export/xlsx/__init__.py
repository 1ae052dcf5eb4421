"""The Excel workbook the client keeps working in: ``export_xlsx(plan, path, progress=None)``.

One module per sheet or group of sheets; ``safe`` keeps user text inert and names valid,
``cells`` writes values, styles and tables. The file is written through ``atomic_path``: a
failed or cancelled export leaves no half-written workbook behind.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ...fileio import atomic_path
from ...model import Plan
from .. import Cancelled

Progress = Callable[[float, str], bool | None]


def export_xlsx(plan: Plan, path: Path | str, progress: Progress | None = None) -> Path:
    """Write the plan's workbook to ``path``; returns the path.

    ``progress(fraction, what)`` is called between steps; returning False cancels the export
    with ``Cancelled`` and leaves any existing file at ``path`` untouched.
    """

    def report(fraction: float, what: str) -> None:
        if progress is not None and progress(fraction, what) is False:
            raise Cancelled(f"export cancelled while {what[0].lower()}{what[1:]}")

    # The workbook is tens of thousands of long-lived cell objects: the cyclic garbage collector
    # would scan them again and again while they are made and saved, and find nothing to free.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _export(plan, Path(path), report)
    finally:
        if paused:
            gc.enable()


def _export(plan: Plan, path: Path, report: Callable[[float, str], None]) -> Path:
    from openpyxl import Workbook

    from ..analysis import analyse_plan
    from .comments import write_comments
    from .context import ExportContext
    from .decisions import write_decision_rights
    from .diagnostic import write_diagnostic
    from .people import write_roles, write_use_cases
    from .processes import write_processes
    from .registers import (
        write_capabilities,
        write_data_sources,
        write_findings,
        write_governance,
        write_rule_settings,
    )
    from .roadmap import write_roadmap
    from .summary import write_summary
    from .writer import save_workbook

    report(0.0, "Analysing the plan")
    workbook = Workbook()
    workbook.remove(workbook.active)
    # Formulas are written without results: every spreadsheet computes them on opening.
    workbook.calculation.fullCalcOnLoad = True
    ctx = ExportContext(plan=plan, analysis=analyse_plan(plan), workbook=workbook)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("Writing the summary", lambda: write_summary(ctx, date.today())),
        ("Writing the roadmap", lambda: write_roadmap(ctx)),
        ("Writing the use cases", lambda: write_use_cases(ctx)),
        ("Writing the roles", lambda: write_roles(ctx)),
        ("Writing the decision rights", lambda: write_decision_rights(ctx)),
        ("Writing the diagnostic", lambda: write_diagnostic(ctx)),
        ("Writing the processes", lambda: write_processes(ctx, each_process)),
        ("Writing the governance", lambda: write_governance(ctx)),
        ("Writing the data sources", lambda: write_data_sources(ctx)),
        ("Writing the capabilities", lambda: write_capabilities(ctx)),
        ("Writing the findings", lambda: write_findings(ctx)),
        ("Writing the rule settings", lambda: write_rule_settings(ctx)),
        ("Writing the comments", lambda: write_comments(ctx)),
    ]
    step_size = 0.8 / len(steps)
    fraction = 0.05
    processes_done = 0

    def each_process(use_case) -> None:
        # The processes are the bulk of a large plan: report (and allow a cancel) per use case.
        nonlocal processes_done
        share = processes_done / max(len(plan.use_cases), 1)
        processes_done += 1
        report(fraction + step_size * share, f"Writing the process of {use_case.name}")

    for what, write in steps:
        report(fraction, what)
        write()
        fraction += step_size
    from .pages import lay_out_pages
    from .record import write_record

    lay_out_pages(workbook, plan.details.title, date.today())
    write_record(ctx)
    _document_properties(workbook, plan)
    workbook.active = 0
    report(0.85, "Saving the workbook")
    with atomic_path(path) as temporary:
        save_workbook(workbook, temporary)
        report(1.0, "Saved")
    return path


def _document_properties(workbook, plan: Plan) -> None:
    from .safe import one_line

    props = workbook.properties
    props.title = one_line(plan.details.title)[:255]
    props.subject = "Operating-model plan"
    props.creator = "OM Planner"
    props.description = one_line(plan.details.client)[:255]


__all__ = ["Cancelled", "export_xlsx"]
