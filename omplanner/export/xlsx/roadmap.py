"""The Roadmap sheet: the items as a table, and beside it a week-by-week timeline.

The sheet keeps working after export: end week, dates, slack and the critical path are formulas
over each row's start week and weeks, and the timeline is conditional formatting whose formulas
read the same two cells of their own row. Editing a start week moves the bar; sorting or
filtering the table keeps each bar on its row. Bars are coloured by kind of work, the critical
path edged in black (as in the app and the board pack), each deployment's go-live week (the
week it finishes) in gold, and the column of the current week edged.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ...figures import GO_LIVE_RULE
from ...model import ITEM_COMPONENT, ItemKind, ItemStatus
from ...vocabulary import INK, ITEM_KIND, xlsx
from .cells import Column, Formula, heading, print_setup, put, set_width, write_table
from .context import ExportContext
from .editable import show_depends_on
from .safe import quoted
from .validation import id_column

MAX_WEEKS = 260
"""The timeline stops after five years; the table still lists every item."""

KIND_COLOURS: dict[ItemKind, str] = {k: xlsx(lk.light) for k, lk in ITEM_KIND.items()}
"""The vocabulary's colours, as openpyxl spells them: the app's roadmap and the board pack's Gantt agree."""
CRITICAL = Side(style="thin", color=xlsx(INK))
"""Thin: a conditional format's border can be no thicker in Excel."""
GO_LIVE_FILL = "F2C94C"
"""The go-live week of a deployment, over its bar (a conditional format cannot draw the ◆)."""
TODAY_EDGE = Side(style="thin", color="C0392B")
WEEK_WIDTH = 3.2
SPARE_WEEKS = 4
"""Week columns after the last item, so that a bar moved a little later still shows."""

COLUMNS = [
    Column("Title", max_width=50, min_width=24),
    Column("Kind", max_width=18, min_width=14),
    Column("Component", max_width=18),
    Column("Use case", max_width=26),
    Column("Owner", max_width=24),
    Column("Start week", "center"),
    Column("Weeks", "center"),
    Column("End week", "center"),
    Column("Start", "date", min_width=12),
    Column("End", "date", min_width=12),
    Column("Depends on", max_width=30),
    Column("Status", "center", min_width=12),
    Column("Critical path", "center"),
    Column("Slack (weeks)", "center"),
    Column("Findings", max_width=22),
    Column("Notes", "long", max_width=40),
    Column("Latest start week", "center"),
    id_column(),
]
"""The table's columns. Start week and Weeks are what the client edits; End week, the dates,
Slack and Critical path are formulas over them; the last two columns are hidden: the latest
start the slack is computed from, and the plan's id of the item (for importing edits back)."""

COL = {c.header: index for index, c in enumerate(COLUMNS)}
ID = COLUMNS[-1].header
HIDDEN = ("Latest start week", ID)


def _define_styles(ctx: ExportContext) -> None:
    styler = ctx.styler
    styler.define("week_header", **{**styler.spec("header"), "alignment": Alignment(horizontal="center")})
    styler.define(
        "month", font=Font(name="Calibri", bold=True, size=9, color="1F4E79"), alignment=Alignment(horizontal="left")
    )
    centred = Alignment(horizontal="center", vertical="center")
    for kind, colour in KIND_COLOURS.items():
        styler.define(f"key_{kind.value}", fill=PatternFill("solid", fgColor=colour), alignment=centred)
    styler.define(
        "key_critical",
        fill=PatternFill("solid", fgColor=KIND_COLOURS[ItemKind.OTHER]),
        border=Border(top=CRITICAL, bottom=CRITICAL),
    )
    styler.define("key_go_live", fill=PatternFill("solid", fgColor=GO_LIVE_FILL))
    styler.define("key_today", border=Border(left=TODAY_EDGE, right=TODAY_EDGE))


def write_roadmap(ctx: ExportContext) -> None:
    ws = ctx.new_sheet("Roadmap")
    plan = ctx.plan
    _define_styles(ctx)
    top = heading(
        ws,
        ctx.styler,
        "Roadmap",
        "Edit Start week and Weeks: the dates, end week, slack and the timeline follow. Bars are coloured by "
        "kind of work; black-edged bars are on the critical path; gold marks a deployment's go-live week.",
    )
    # The plan's calendar, read by every date formula and by the timeline's "today" column.
    put(ws, top, 1, "Week 1 starts on", ctx.styler, "label")
    put(ws, top, 2, plan.details.start_date, ctx.styler, "value_date")
    put(ws, top, 4, "Today is in week", ctx.styler, "label")
    put(ws, top, 5, Formula(f"INT((TODAY()-{START_CELL})/7)+1"), ctx.styler, "value")
    top += 3  # a gap, then a row for the month labels above the week numbers
    items = plan.roadmap
    first = top + 1
    last = top + max(len(items), 1)
    rows = [_row(ctx, item, first + index, first, last) for index, item in enumerate(items)]
    area = write_table(ws, ctx.table_names, ctx.styler, top, 1, "Roadmap", COLUMNS, rows)
    for header in HIDDEN:
        ws.column_dimensions[get_column_letter(area.first_col + COL[header])].hidden = True
    gantt_left = area.last_col + 2
    set_width(ws, area.last_col + 1, 2)
    weeks = min(max((i.end_week for i in items), default=1) + SPARE_WEEKS, MAX_WEEKS)
    _timeline_header(ctx, ws, area.header_row, gantt_left, weeks)
    if items:
        _timeline_rules(ws, area, gantt_left, weeks)
    _legend(ctx, ws, area.last_row + 2)
    ws.freeze_panes = ws.cell(row=area.first_row, column=2)
    _validations(ctx, ws, area)
    print_setup(ws, area.header_row)


START_CELL = "$B$4"
"""Where the Roadmap sheet keeps the plan's start date (row 4, under the heading)."""
TODAY_WEEK_CELL = "$E$4"


def _letter(header: str) -> str:
    return get_column_letter(1 + COL[header])


def _row(ctx: ExportContext, item, r: int, first: int, last: int) -> list:
    """One item's cells: its values, and formulas reading its own row (so they survive sorting)
    and other rows only by id (INDEX/MATCH over the whole column)."""
    analysis = ctx.analysis
    component = ITEM_COMPONENT.get(item.kind)
    findings = analysis.findings_for(item.id)
    start, weeks = f"{_letter('Start week')}{r}", f"{_letter('Weeks')}{r}"
    latest = f"{_letter('Latest start week')}{r}"
    slack = f"{_letter('Slack (weeks)')}{r}"
    has_slack = item.id in analysis.slack
    return [
        item.title,
        item.kind,
        component.label if component else "",
        ctx.use_case_name(item.use_case) or "All use cases",
        ctx.role(item.owner),
        item.first_week,
        item.duration_weeks,
        Formula(f"{start}+{weeks}-1", 4),
        Formula(f"{START_CELL}+({start}-1)*7", 11),
        Formula(f"{START_CELL}+({start}+{weeks}-1)*7-1", 11),
        show_depends_on(item, ctx.names),
        item.status,
        Formula(f'IF({slack}="","",IF({slack}=0,"Yes",""))', 4) if has_slack else "",
        Formula(f"MAX(0,{latest}-{start})", 4) if has_slack else None,
        ", ".join(dict.fromkeys(f.code for f in findings)),
        item.notes,
        Formula(_latest_start(ctx, item, r, first, last), 4) if has_slack else None,
        item.id,
    ]


def _latest_start(ctx: ExportContext, item, r: int, first: int, last: int) -> str:
    """The latest week the item can start without moving the end of the roadmap: as the
    sequencing analysis computes it, over the same constraints (explicit and implied)."""
    weeks = f"{_letter('Weeks')}{r}"
    end_col = _letter("End week")
    finish = f"MAX(${end_col}${first}:${end_col}${last})"
    terms = [f"{finish}-{weeks}+1"]
    ids = f"${_letter(ID)}${first}:${_letter(ID)}${last}"
    latest = f"${_letter('Latest start week')}${first}:${_letter('Latest start week')}${last}"
    for succ, after_end, offset in ctx.successors.get(item.id, ()):
        if after_end and offset is not None:
            lag_text = f"MAX({weeks},{offset})"
        else:
            lag_text = weeks if after_end else str(offset)
        terms.append(f"INDEX({latest},MATCH({quoted(succ)},{ids},0))-{lag_text}")
    return terms[0] if len(terms) == 1 else f"MIN({','.join(terms)})"


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


def timeline_rules(header_row: int, first: int, gantt_left: int) -> dict[str, str]:
    """The conditional formats' formulas, written for the top-left cell of the timeline: each
    reads its own row's start week and weeks, so a bar follows an edit and stays on its row
    when the table is sorted or filtered."""
    week = f"{get_column_letter(gantt_left)}${header_row}"
    start, weeks = f"${_letter('Start week')}{first}", f"${_letter('Weeks')}{first}"
    kind, critical = f"${_letter('Kind')}{first}", f"${_letter('Critical path')}{first}"
    in_bar = f"{week}>={start},{week}<={start}+{weeks}-1"
    rules = {
        "go_live": f'AND({kind}="{ItemKind.DEPLOYMENT.label}",{week}={start}+{weeks}-1)',
    }
    for item_kind in KIND_COLOURS:
        rules[f"{item_kind.value}_critical"] = f'AND({kind}="{item_kind.label}",{critical}="Yes",{in_bar})'
        rules[item_kind.value] = f'AND({kind}="{item_kind.label}",{in_bar})'
    rules["today"] = f"{week}={TODAY_WEEK_CELL}"
    return rules


def _timeline_rules(ws, area, left: int, weeks: int) -> None:
    # LibreOffice applies only the first rule that holds, Excel every one: so each rule carries
    # the whole look of its cell, and the most specific come first.
    cells = f"{get_column_letter(left)}{area.first_row}:{get_column_letter(left + weeks - 1)}{area.last_row}"
    for name, formula in timeline_rules(area.header_row, area.first_row, left).items():
        if name == "today":
            style = {"border": Border(left=TODAY_EDGE, right=TODAY_EDGE)}
        elif name == "go_live":
            style = {"fill": _fill(GO_LIVE_FILL), "border": Border(top=CRITICAL, bottom=CRITICAL)}
        else:
            kind = ItemKind(name.removesuffix("_critical"))
            style = {"fill": _fill(KIND_COLOURS[kind])}
            if name.endswith("_critical"):
                style["border"] = Border(top=CRITICAL, bottom=CRITICAL)
        ws.conditional_formatting.add(cells, FormulaRule(formula=[formula], **style))


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour, bgColor=colour)


def _validations(ctx: ExportContext, ws, area) -> None:
    """Dropdowns and bounds for the columns the client updates as the work moves on."""
    from .validation import add_list, add_whole, protect_ids

    add_list(ws, area.column_range(COL["Kind"]), [k.label for k in ItemKind], "Kind of work")
    add_list(ws, area.column_range(COL["Status"]), [s.label for s in ItemStatus], "Status")
    add_whole(
        ws,
        area.column_range(COL["Start week"]),
        1,
        521,
        "Start week",
        "The week the work starts; week 1 is the plan's first week.",
    )
    add_whole(ws, area.column_range(COL["Weeks"]), 1, 260, "Weeks", "How many weeks the work takes.")
    if ctx.plan.roles:
        add_list(ws, area.column_range(COL["Owner"]), ctx.role_list, "Owner", blank=True)
    protect_ids(ws, area.column_range(COL[ID]))


def _legend(ctx: ExportContext, ws, row: int) -> None:
    """Below the table: what the colours and marks of the timeline mean."""
    put(ws, row, 1, "Timeline key", ctx.styler, "label")
    for kind in KIND_COLOURS:
        row += 1
        put(ws, row, 2, "", ctx.styler, f"key_{kind.value}")
        put(ws, row, 1, kind.label, ctx.styler, "value")
    put(ws, row + 1, 2, "", ctx.styler, "key_critical")
    put(ws, row + 1, 1, "On the critical path (black edge): a delay here delays the whole roadmap", ctx.styler, "value")
    put(ws, row + 2, 2, "", ctx.styler, "key_go_live")
    put(ws, row + 2, 1, f"Deployment go-live week. {GO_LIVE_RULE}", ctx.styler, "value")
    put(ws, row + 3, 2, "", ctx.styler, "key_today")
    put(ws, row + 3, 1, "This week (edges of the column)", ctx.styler, "value")
