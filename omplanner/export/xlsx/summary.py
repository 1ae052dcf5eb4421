"""The Summary sheet: what the plan is, which use case comes first and why, and how ready each is."""

from __future__ import annotations

from collections import Counter
from datetime import date

from openpyxl.comments import Comment

from ...figures import UNKNOWN, pilot_is_time_saving, rounded
from ...model import Component, Severity
from ...ranking import agreed_scores
from ..analysis import ranked_use_case
from .cells import Column, heading, print_setup, put, set_min_width, write_table
from .context import ExportContext
from .diagnostic import SCALE


def _round(value):
    """Figures are stored as every output shows them (``figures.rounded``)."""
    return None if value is None else rounded(value)


def write_summary(ctx: ExportContext, exported: date | None = None) -> None:
    ws = ctx.new_sheet("Summary")
    plan, analysis, styler = ctx.plan, ctx.analysis, ctx.styler
    details = plan.details
    row = heading(ws, styler, details.title, "Operating-model plan: redesigning the work around AI")
    for label, value, style in (
        ("Client", details.client, "value"),
        ("Facilitator", details.facilitator, "value"),
        ("Plan starts", details.start_date, "value_date"),
        ("Exported", exported or date.today(), "value_date"),
    ):
        put(ws, row, 1, label, styler, "label")
        put(ws, row, 2, value, styler, style)
        row += 1
    set_min_width(ws, 1, 14)
    ranked = [(r, ranked_use_case(plan, r)) for r in analysis.ranked]
    ranked = [(r, uc) for r, uc in ranked if uc is not None]
    if ranked:
        put(ws, row, 1, "Start with", styler, "label")
        put(ws, row, 2, ranked[0][1].name, styler, "label")
        row += 1

    row += 1
    put(ws, row, 1, "Use cases in tractability order", styler, "section")
    agreed = agreed_scores(plan)
    components = list(Component)
    use_cases = write_table(
        ws,
        ctx.table_names,
        styler,
        row + 1,
        1,
        "UseCases",
        [
            Column("Rank", "center"),
            Column("Use case", max_width=30, min_width=22),
            Column("Status", "center", min_width=11),
            Column("Tractability", "center"),
            Column("Why this place", "long", max_width=40),
        ]
        + [Column(c.label, "center", min_width=10, max_width=12) for c in components]
        + [
            Column("Pilot KPI", max_width=28),
            Column("Pilot result", "number", max_width=10),
            Column("Process capacity released %", "number", max_width=12),
            Column("Hours released per month", "number", max_width=11),
            Column("Gap to pilot (points)", "number", max_width=10),
            Column("What the figures mean", "long", max_width=44),
        ],
        (
            [r.rank, uc.name, uc.status, _round(r.score), r.reason]
            + [agreed.get((uc.id, c)) for c in components]
            + _integration(uc, analysis.figures.get(uc.id))
            for r, uc in ranked
        ),
    )
    for index in range(len(components)):
        ws.conditional_formatting.add(use_cases.column_range(5 + index), SCALE)
    _explain_unknowns(ws, use_cases, 5 + len(components) + 2, [analysis.figures.get(uc.id) for _r, uc in ranked])
    _thousands(ws, use_cases, 5 + len(components) + 3)
    ws.freeze_panes = ws.cell(row=use_cases.first_row, column=3)
    put(
        ws,
        use_cases.last_row + 1,
        1,
        "Scores: agreed readiness, 1 (not ready) to 5 (ready). The pilot result is task-level; the capacity "
        "released counts exception handling, handoffs and oversight across the whole process.",
        styler,
        "note",
    )

    row = use_cases.last_row + 4
    put(ws, row, 1, "Findings by severity", styler, "section")
    counts = Counter(f.severity for f in analysis.findings)
    findings = write_table(
        ws,
        ctx.table_names,
        styler,
        row + 1,
        1,
        "FindingCounts",
        [Column("Severity", "center"), Column("Findings", "number")],
        ([s.label, counts.get(s, 0)] for s in Severity),
    )
    put(ws, findings.last_row + 2, 1, "The Findings sheet lists each one with a suggested fix.", styler, "note")
    print_setup(ws, None)


def _explain_unknowns(ws, table, released_col: int, figures: list) -> None:
    """A comment on each "—" saying which input the figure lacks."""
    for row, fig in enumerate(figures, start=table.first_row):
        if fig is None:
            continue
        for offset, reason in ((0, fig.capacity_unknown_reason), (1, fig.hours_unknown_reason)):
            if reason:
                cell = ws.cell(row=row, column=table.first_col + released_col + offset)
                cell.comment = Comment(f"Unknown: {reason}.", "OM Planner")


def _thousands(ws, table, column: int) -> None:
    """Hours a month read "1,226" as in the app and the board pack: a whole-number format with a
    thousands separator where the figure is whole (figures of 10 or more are, by the one rounding
    rule; smaller ones keep their decimal under the general format)."""
    for row in range(table.first_row, table.last_row + 1):
        cell = ws.cell(row=row, column=table.first_col + column)
        if isinstance(cell.value, int | float) and cell.value == int(cell.value):
            cell.number_format = "#,##0"


def _gap(uc, figures):
    """Unknown ("—") when the pilot's time saving has no process figure to stand beside; empty when
    the pilot measured something else (a gap to it would mean nothing)."""
    if figures.capacity_released_pct is None and pilot_is_time_saving(uc.pilot_kpi):
        return UNKNOWN
    return _round(figures.gap_pct)


def _integration(uc, figures) -> list:
    kpi = uc.pilot_kpi
    metric = f"{kpi.metric} ({kpi.unit})" if kpi.metric and kpi.unit else kpi.metric
    if figures is None:
        return [metric, _round(kpi.value)]
    return [
        metric,
        _round(figures.pilot_value),
        UNKNOWN if figures.capacity_released_pct is None else _round(figures.capacity_released_pct),
        UNKNOWN if figures.hours_released_per_month is None else _round(figures.hours_released_per_month),
        _gap(uc, figures),
        figures.summary,
    ]
