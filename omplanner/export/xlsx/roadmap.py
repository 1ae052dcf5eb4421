"""The Roadmap sheet: the items as a table, and beside it a week-by-week timeline.

The timeline is drawn with cell fills (a column per week), so it survives any spreadsheet and
prints with the table: bars coloured by kind of work, the critical path outlined in black (as in
the app and the board pack), and
each deployment's go-live week (the week it finishes) marked as a milestone (◆).
"""

from __future__ import annotations

from datetime import timedelta

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from ...figures import GO_LIVE_RULE, go_live_offset
from ...model import ITEM_COMPONENT, ItemKind, ItemStatus
from ...vocabulary import INK, ITEM_KIND, xlsx
from .cells import Column, heading, print_setup, put, set_width, write_table
from .context import ExportContext

MAX_WEEKS = 260
"""The timeline stops after five years; the table still lists every item."""

KIND_COLOURS: dict[ItemKind, str] = {k: xlsx(lk.light) for k, lk in ITEM_KIND.items()}
"""The vocabulary's colours, as openpyxl spells them: the app's roadmap and the board pack's Gantt agree."""
CRITICAL = Side(style="medium", color=xlsx(INK))
WEEK_WIDTH = 3.2

COLUMNS = [
    Column("Id", "center", max_width=10),
    Column("Title", max_width=50, min_width=24),
    Column("Kind", max_width=18),
    Column("Component", max_width=18),
    Column("Use case", max_width=26),
    Column("Owner", max_width=24),
    Column("Start", "date", min_width=12),
    Column("End", "date", min_width=12),
    Column("Weeks", "center"),
    Column("Depends on", max_width=18),
    Column("Status", "center", min_width=12),
    Column("Critical path", "center"),
    Column("Slack (weeks)", "center"),
    Column("Findings", max_width=22),
]


def _define_styles(ctx: ExportContext) -> None:
    styler = ctx.styler
    for kind, colour in KIND_COLOURS.items():
        fill = PatternFill("solid", fgColor=colour)
        font = Font(name="Calibri", bold=True, color=xlsx(ITEM_KIND[kind].ink()), size=9)
        centred = Alignment(horizontal="center", vertical="center")
        styler.define(f"bar_{kind.value}", fill=fill, font=font, alignment=centred)
        styler.define(
            f"bar_{kind.value}_critical",
            fill=fill,
            font=font,
            alignment=centred,
            border=Border(top=CRITICAL, bottom=CRITICAL),
        )
    styler.define("week_header", **{**styler.spec("header"), "alignment": Alignment(horizontal="center")})
    styler.define(
        "month", font=Font(name="Calibri", bold=True, size=9, color="1F4E79"), alignment=Alignment(horizontal="left")
    )
    styler.define("week_blank", border=Border(left=Side(style="hair", color="E5E7EB")))


def write_roadmap(ctx: ExportContext) -> None:
    ws = ctx.new_sheet("Roadmap")
    plan, analysis = ctx.plan, ctx.analysis
    _define_styles(ctx)
    top = heading(
        ws,
        ctx.styler,
        "Roadmap",
        f"Week 1 starts on {plan.details.start_date:%d %B %Y}. Bars are coloured by kind of work; "
        "black-edged bars are on the critical path; ◆ marks a deployment's go-live.",
    )
    top += 1  # a row for the month labels above the week numbers
    items = plan.roadmap
    rows = []
    for item in items:
        component = ITEM_COMPONENT.get(item.kind)
        findings = analysis.findings_for(item.id)
        rows.append(
            [
                item.id,
                item.title,
                item.kind,
                component.label if component else "",
                ctx.use_case_name(item.use_case) or "All use cases",
                ctx.role(item.owner),
                ctx.week_date(item.start_week),
                ctx.week_date(item.end_week) - timedelta(days=1),
                item.duration_weeks,
                ", ".join(item.depends_on),
                item.status,
                "Yes" if item.id in analysis.critical else "",
                analysis.slack.get(item.id),
                ", ".join(dict.fromkeys(f.code for f in findings)),
            ]
        )
    area = write_table(ws, ctx.table_names, ctx.styler, top, 1, "Roadmap", COLUMNS, rows)
    gantt_left = area.last_col + 2
    set_width(ws, area.last_col + 1, 2)
    weeks = min(max((i.end_week for i in items), default=1), MAX_WEEKS)
    _timeline_header(ctx, ws, area.header_row, gantt_left, weeks)
    for index, item in enumerate(items):
        _bar(ctx, ws, area.first_row + index, gantt_left, item, weeks)
    _legend(ctx, ws, area.last_row + 2)
    ws.freeze_panes = ws.cell(row=area.first_row, column=3)
    # Dropdowns for the columns the client updates as the work moves on.
    for index, values in ((2, [k.label for k in ItemKind]), (10, [s.label for s in ItemStatus])):
        choice = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=False)
        ws.add_data_validation(choice)
        choice.add(area.column_range(index))
    print_setup(ws, area.header_row)


def _timeline_header(ctx: ExportContext, ws, header_row: int, left: int, weeks: int) -> None:
    previous_month = None
    for week in range(weeks):
        col = left + week
        put(ws, header_row, col, week + 1, ctx.styler, "week_header")
        # Three-digit week numbers need a wider column, or they show as "###".
        set_width(ws, col, WEEK_WIDTH if week < 99 else WEEK_WIDTH + 1.2)
        start = ctx.week_date(week)
        if (start.year, start.month) != previous_month:
            put(ws, header_row - 1, col, f"{start:%b %Y}", ctx.styler, "month")
            previous_month = (start.year, start.month)


def _bar(ctx: ExportContext, ws, row: int, left: int, item, weeks: int) -> None:
    critical = item.id in ctx.analysis.critical
    style = f"bar_{item.kind.value}" + ("_critical" if critical else "")
    last = min(item.end_week, weeks)
    milestone = go_live_offset(item) if item.kind is ItemKind.DEPLOYMENT else -1
    for week in range(item.start_week, last):
        put(ws, row, left + week, "◆" if week == milestone else None, ctx.styler, style)


def _legend(ctx: ExportContext, ws, row: int) -> None:
    """Below the table: what the colours and marks of the timeline mean."""
    put(ws, row, 2, "Timeline key", ctx.styler, "label")
    for kind in KIND_COLOURS:
        row += 1
        put(ws, row, 1, "", ctx.styler, f"bar_{kind.value}")
        put(ws, row, 2, kind.label, ctx.styler, "value")
    put(ws, row + 1, 1, "", ctx.styler, f"bar_{ItemKind.OTHER.value}_critical")
    put(ws, row + 1, 2, "On the critical path (black edge): a delay here delays the whole roadmap", ctx.styler, "value")
    put(ws, row + 2, 1, "◆", ctx.styler, "body_center")
    put(ws, row + 2, 2, f"Deployment go-live. {GO_LIVE_RULE}", ctx.styler, "value")
