"""The Decision rights sheet: a RACI matrix of decisions × roles, ready for further work.

Each role is a column holding R, A, C or I (or A/R where one role is both); a dropdown keeps
the letters and the autonomy level to the allowed values when the client edits the sheet, and
conditional formatting flags the gaps the rules care about: no accountable role, or several.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ...model import Autonomy, Severity
from ...vocabulary import SEVERITY, xlsx
from .cells import Column, heading, print_setup, put, write_table
from .context import ExportContext
from .editable import raci_letter
from .validation import add_list, hide_ids, id_column

RACI_LETTERS = ("A", "R", "C", "I", "A/R")
_GAP, _DOUBLE = SEVERITY[Severity.ERROR], SEVERITY[Severity.WARNING]
"""A decision no one is accountable for is a problem; two accountable is worth a look."""
GAP_FILL = PatternFill("solid", fgColor=xlsx(_GAP.pale()), bgColor=xlsx(_GAP.pale()))
DOUBLE_FILL = PatternFill("solid", fgColor=xlsx(_DOUBLE.pale()), bgColor=xlsx(_DOUBLE.pale()))


def _roles_in_matrix(ctx: ExportContext) -> list:
    """Roles that take part in some decision, in the plan's order; all roles if none do yet."""
    used: set[str] = set()
    for d in ctx.plan.decisions:
        used.update(d.accountable, d.responsible, d.consulted, d.informed)
        if d.override_authority:
            used.add(d.override_authority)
    roles = [r for r in ctx.plan.roles if r.id in used]
    return roles or list(ctx.plan.roles)


def write_decision_rights(ctx: ExportContext) -> None:
    ws = ctx.new_sheet("Decision rights")
    styler = ctx.styler
    styler.define("raci", **{**styler.spec("body_center"), "font": Font(name="Calibri", bold=True, color="1F4E79")})
    top = heading(
        ws,
        styler,
        "Decision rights",
        "A = accountable (exactly one per decision), R = responsible, C = consulted, I = informed. "
        "Red: no accountable role; amber: more than one.",
    )
    roles = _roles_in_matrix(ctx)
    fixed = [
        Column("Decision", max_width=36),
        Column("Use case", max_width=28),
        Column("Process step", max_width=28),
        Column("Autonomy", max_width=22, min_width=20),
    ]
    role_columns = [Column(r.name, "center", max_width=16, min_width=8, style="raci") for r in roles]
    tail = [
        Column("Override authority", max_width=26),
        Column("Audit trail", "center"),
        Column("Rationale", "long", max_width=60),
        id_column(),
    ]
    rows = [
        [d.name, ctx.use_case_name(d.use_case), ctx.step_name(d.step), d.autonomy]
        + [raci_letter(d, r.id) for r in roles]
        + [ctx.role(d.override_authority), d.audit_trail, d.rationale, d.id]
        for d in ctx.plan.decisions
    ]
    area = write_table(ws, ctx.table_names, styler, top, 1, "DecisionRights", fixed + role_columns + tail, rows)
    first_role = area.first_col + len(fixed)
    last_role = first_role + len(roles) - 1
    # Role names are long; the letters are short: tilt the role headers rather than widen.
    styler.define(
        "header_tilted",
        **{**styler.spec("header"), "alignment": Alignment(text_rotation=90, horizontal="center", vertical="bottom")},
    )
    for col in range(first_role, last_role + 1):
        cell = ws.cell(row=area.header_row, column=col)
        styler.apply(cell, "header_tilted", cell.quotePrefix)
        ws.column_dimensions[get_column_letter(col)].width = 6
    longest = max((len(r.name) for r in roles), default=8)
    ws.row_dimensions[area.header_row].height = min(max(longest * 7 + 12, 40), 200)

    if roles:
        first_letter, last_letter = get_column_letter(first_role), get_column_letter(last_role)
        add_list(
            ws,
            f"{first_letter}{area.first_row}:{last_letter}{area.last_row}",
            list(RACI_LETTERS),
            "RACI letter",
            blank=True,
            prompt="A = accountable (one per decision), R = responsible, C = consulted, I = informed, "
            "A/R = both accountable and responsible. Leave empty when the role takes no part.",
        )
        # Gaps: flag the decision's name when its row has no A, or more than one.
        span = f"${first_letter}{area.first_row}:${last_letter}{area.first_row}"
        name_range = area.column_range(0)
        name = f"${name_range.split(':')[0]}"
        no_a = f'AND({name}<>"",COUNTIF({span},"A*")=0)'
        several_a = f'COUNTIF({span},"A*")>1'
        ws.conditional_formatting.add(
            name_range, FormulaRule(formula=[no_a], fill=GAP_FILL, font=Font(color=xlsx(_GAP.text())))
        )
        ws.conditional_formatting.add(
            name_range, FormulaRule(formula=[several_a], fill=DOUBLE_FILL, font=Font(color=xlsx(_DOUBLE.text())))
        )

    add_list(ws, area.column_range(3), [a.label for a in Autonomy], "Autonomy")
    add_list(ws, area.column_range(len(fixed) + len(roles) + 1), ["Yes", "No"], "Audit trail")
    hide_ids(ws, area)
    if ctx.plan.roles:
        add_list(ws, area.column_range(len(fixed) + len(roles)), ctx.role_list, "Override authority", blank=True)
    ws.freeze_panes = ws.cell(row=area.first_row, column=2)
    put(
        ws, area.last_row + 2, 1, "Roles without any letter in any decision are left out of the matrix.", styler, "note"
    )
    print_setup(ws, area.header_row)
