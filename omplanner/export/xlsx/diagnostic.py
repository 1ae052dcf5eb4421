"""The Diagnostic sheet: agreed scores per use case × component, the evidence, and a radar per use case."""

from __future__ import annotations

from openpyxl.chart import RadarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter

from ...model import Component
from ...ranking import agreed_scores
from ...vocabulary import LEVEL, xlsx
from .cells import Column, heading, print_setup, put, set_width, write_table
from .context import ExportContext
from .safe import one_line
from .validation import add_level, hide_ids, id_column

SCALE = ColorScaleRule(
    start_type="num",
    start_value=1,
    start_color=xlsx(LEVEL[1].light),
    mid_type="num",
    mid_value=3,
    mid_color=xlsx(LEVEL[3].light),
    end_type="num",
    end_value=5,
    end_color=xlsx(LEVEL[5].light),
)
CHART_WIDTH_CM, CHART_HEIGHT_CM = 8.5, 7.5
CHARTS_PER_ROW = 2
CHART_ROWS = 16
"""Rows a chart occupies at the default row height, plus a gap."""


def write_diagnostic(ctx: ExportContext) -> None:
    ws = ctx.new_sheet("Diagnostic")
    styler = ctx.styler
    top = heading(
        ws,
        styler,
        "Diagnostic",
        "How ready each use case is on the five components: 1 = not ready, 5 = ready, with the evidence.",
    )
    top += 1
    agreed = agreed_scores(ctx.plan)
    components = list(Component)
    order = {uc_id: index for index, uc_id in enumerate(ctx.use_cases)}
    scores = sorted(
        ctx.plan.scores,
        key=lambda s: (
            order.get(s.use_case, len(order)),
            components.index(s.component),
            s.participant != "",
            s.participant,
        ),
    )
    # The evidence table on the left, the matrix and its radar charts on the right: side by
    # side, each keeps the column widths its content needs.
    put(ws, top - 1, 1, "Scores and evidence", styler, "section")
    detail = write_table(
        ws,
        ctx.table_names,
        styler,
        top,
        1,
        "Scores",
        [
            Column("Use case", max_width=30),
            Column("Component", min_width=16),
            Column("Score", "center"),
            Column("Scored by", max_width=20),
            Column("Evidence", "long", max_width=56),
            Column("Elements it rests on", "long", max_width=34),
            id_column(),
        ],
        (
            [
                ctx.use_case_name(s.use_case),
                s.component,
                s.value,
                s.participant or "Agreed",
                s.evidence,
                "\n".join(ctx.element_name(e) for e in s.elements),
                s.id,
            ]
            for s in scores
        ),
    )
    ws.conditional_formatting.add(detail.column_range(2), SCALE)
    hide_ids(ws, detail)
    add_level(ws, detail.column_range(2), "Score", "1 = not ready, 5 = ready.")
    left = detail.last_col + 2
    set_width(ws, detail.last_col + 1, 3)
    put(ws, top - 1, left, "Agreed readiness", styler, "section")
    matrix = write_table(
        ws,
        ctx.table_names,
        styler,
        top,
        left,
        "Readiness",
        [Column("Use case", max_width=30, min_width=22)]
        + [Column(c.label, "center", min_width=11, max_width=12) for c in components],
        ([uc.name] + [agreed.get((uc.id, c)) for c in components] for uc in ctx.plan.use_cases),
    )
    first_score = get_column_letter(matrix.first_col + 1)
    last_score = get_column_letter(matrix.last_col)
    ws.conditional_formatting.add(f"{first_score}{matrix.first_row}:{last_score}{matrix.last_row}", SCALE)
    _radar_charts(ctx, ws, matrix, anchor_col=matrix.first_col, top=matrix.last_row + 2)
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    print_setup(ws, None)


def _radar_charts(ctx: ExportContext, ws, matrix, anchor_col: int, top: int) -> None:
    categories = Reference(ws, min_col=matrix.first_col + 1, max_col=matrix.last_col, min_row=matrix.header_row)
    for index, uc in enumerate(ctx.plan.use_cases):
        row = matrix.first_row + index
        chart = RadarChart()
        chart.type = "marker"
        chart.style = 26
        chart.title = one_line(uc.name)[:255] or "Use case"
        chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
        data = Reference(ws, min_col=matrix.first_col, max_col=matrix.last_col, min_row=row, max_row=row)
        chart.add_data(data, from_rows=True, titles_from_data=True)
        chart.set_categories(categories)
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 5
        chart.y_axis.majorUnit = 1
        chart.y_axis.delete = False
        chart.legend = None
        series = chart.series[0]
        series.graphicalProperties.line.solidFill = "1F4E79"
        series.graphicalProperties.line.width = 28575
        series.marker.symbol = "circle"
        column = anchor_col + (index % CHARTS_PER_ROW) * 3
        chart_row = top + (index // CHARTS_PER_ROW) * CHART_ROWS
        ws.add_chart(chart, f"{get_column_letter(column)}{chart_row}")
