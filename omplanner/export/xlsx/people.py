"""The Use cases and Roles sheets: what the client keeps editing between workshops.

Use cases carry their tractability inputs, and the ranking they produce is computed by formulas
from those inputs, as the app computes it (``omplanner.ranking``), so changing an input in the
workbook re-ranks the use cases there and then. Both tables end in a hidden id column.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from ...model import RoleKind, UseCaseStatus
from .cells import Column, Formula, heading, print_setup, write_table
from .context import ExportContext
from .validation import add_level, add_list, add_whole, hide_ids, id_column

ROLES_SHEET = "Roles"
ROLES_FIRST_ROW = 5
"""The first role's row: the heading takes rows 1-3, the table's header row 4."""

USE_CASE_COLUMNS = [
    Column("Use case", max_width=32, min_width=20),
    Column("Status", "center", min_width=11),
    Column("Description", "long", max_width=50),
    Column("Monthly volume", "number", min_width=10),
    Column("Process definition", "center", max_width=11),
    Column("Data richness", "center", max_width=11),
    Column("Team willingness", "center", max_width=11),
    Column("Strategic value", "center", max_width=11),
    Column("Volume level", "center", max_width=10),
    Column("Tractability", "center"),
    Column("Rank", "center"),
    id_column(),
]
UC = {c.header: index for index, c in enumerate(USE_CASE_COLUMNS)}

ROLE_COLUMNS = [
    Column("Role", max_width=32, min_width=18),
    Column("Kind", "center", min_width=12),
    Column("Team", max_width=24),
    Column("Description", "long", max_width=60),
    id_column(),
]


def write_use_cases(ctx: ExportContext) -> None:
    ws = ctx.new_sheet("Use cases")
    top = heading(
        ws,
        ctx.styler,
        "Use cases",
        "Edit the tractability inputs (1-5) and monthly volume: the tractability score and rank follow, "
        "as the plan computes them. Strategic value is shown but does not set the order.",
    )
    use_cases = ctx.plan.use_cases
    first, last = top + 1, top + max(len(use_cases), 1)

    def cell(header: str, r: int) -> str:
        return f"{get_column_letter(1 + UC[header])}{r}"

    def column(header: str) -> str:
        letter = get_column_letter(1 + UC[header])
        return f"${letter}${first}:${letter}${last}"

    rows = []
    for r, uc in enumerate(use_cases, start=first):
        t = uc.tractability
        volume, largest = cell("Monthly volume", r), f"MAX({column('Monthly volume')})"
        level = f"IF(OR({largest}<=0,{volume}<=0),1,1+4*LN(1+{volume})/LN(1+{largest}))"
        inputs = ",".join(
            cell(h, r) for h in ("Volume level", "Process definition", "Data richness", "Team willingness")
        )
        rows.append(
            [
                uc.name,
                uc.status,
                uc.description,
                t.monthly_volume,
                t.definition,
                t.data_richness,
                t.team_willingness,
                t.strategic_value,
                Formula(f"ROUND({level},2)", 5),
                Formula(f"ROUND(AVERAGE({inputs}),2)", 5),
                Formula(f"RANK({cell('Tractability', r)},{column('Tractability')},0)", 4),
                uc.id,
            ]
        )
    area = write_table(ws, ctx.table_names, ctx.styler, top, 1, "UseCaseInputs", USE_CASE_COLUMNS, rows)
    hide_ids(ws, area)
    add_list(ws, area.column_range(UC["Status"]), [s.label for s in UseCaseStatus], "Status")
    add_whole(ws, area.column_range(UC["Monthly volume"]), 0, 1_000_000_000, "Monthly volume", "Cases a month.")
    for header in ("Process definition", "Data richness", "Team willingness", "Strategic value"):
        add_level(ws, area.column_range(UC[header]), header)
    ws.freeze_panes = ws.cell(row=area.first_row, column=2)
    print_setup(ws, area.header_row)


def write_roles(ctx: ExportContext) -> None:
    ws = ctx.new_sheet(ROLES_SHEET)
    top = heading(
        ws,
        ctx.styler,
        ROLES_SHEET,
        "The people, AI agents and systems that do the work; owners elsewhere are chosen from here.",
    )
    assert top == ROLES_FIRST_ROW - 1, "the dropdowns of owners point at these rows"
    area = write_table(
        ws,
        ctx.table_names,
        ctx.styler,
        top,
        1,
        "Roles",
        ROLE_COLUMNS,
        ([r.name, r.kind, r.team, r.description, r.id] for r in ctx.plan.roles),
    )
    hide_ids(ws, area)
    add_list(ws, area.column_range(1), [k.label for k in RoleKind], "Kind of role")
    ws.freeze_panes = ws.cell(row=area.first_row, column=2)
    print_setup(ws, area.header_row)
