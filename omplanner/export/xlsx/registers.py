"""The plain registers: Governance, Data sources, Capabilities, Findings and the rule settings."""

from __future__ import annotations

from ...model import Cadence
from ...vocabulary import SEVERITY, severity_rank, xlsx
from .cells import Column, heading, print_setup, put, write_table
from .context import ExportContext
from .validation import add_level, add_list, add_number, hide_ids, id_column


def _number(value: float | None):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def write_governance(ctx: ExportContext) -> None:
    ws = ctx.new_sheet("Governance")
    top = heading(
        ws,
        ctx.styler,
        "Governance",
        "Per use case: the named owner, what AI may decide alone, the thresholds that detect drift, "
        "and where a breach goes.",
    )
    owners = write_table(
        ws,
        ctx.table_names,
        ctx.styler,
        top,
        1,
        "Governance",
        [
            Column("Use case", max_width=32),
            Column("Owner", max_width=28),
            Column("Owner role", max_width=28),
            Column("What AI may and may not decide alone", "long", max_width=60),
            Column("Escalation path", "long", max_width=40),
            Column("When a threshold is breached", "long", max_width=50),
            Column("Owner role's kind", max_width=20),
            Column("Process-level outcome measure", "long", max_width=40),
            Column("Outcome baseline", "number", max_width=11),
            Column("Outcome target", "number", max_width=11),
            Column("Outcome unit", "center", max_width=10),
            id_column(),
        ],
        (
            [
                uc.name,
                uc.governance.owner_name,
                ctx.role(uc.governance.owner_role),
                uc.governance.autonomy_statement,
                " → ".join(ctx.role(r) for r in uc.governance.escalation_path),
                uc.governance.breach_process,
                _role_kind(ctx.plan.role(uc.governance.owner_role)),
                uc.outcome.name,
                uc.outcome.baseline,
                uc.outcome.target,
                uc.outcome.unit,
                uc.governance.id,
            ]
            for uc in ctx.plan.use_cases
        ),
    )
    ws.freeze_panes = ws.cell(row=top + 1, column=2)
    hide_ids(ws, owners)
    if ctx.plan.roles:
        add_list(ws, owners.column_range(2), ctx.role_list, "Owner role", blank=True)
    second = owners.last_row + 3
    put(ws, second - 1, 1, "Performance thresholds", ctx.styler, "section")
    thresholds = write_table(
        ws,
        ctx.table_names,
        ctx.styler,
        second,
        1,
        "Thresholds",
        # Ordered so that each column's width suits both tables above and below.
        [
            Column("Use case", max_width=32),
            Column("Metric", max_width=28),
            Column("Review cadence", "center"),
            Column("Decisions it watches", "long", max_width=50),
            Column("Lower limit", "center"),
            Column("Upper limit", "center"),
            Column("Unit", "center", max_width=10),
            id_column(),
        ],
        (
            [
                uc.name,
                t.metric,
                t.cadence,
                "\n".join(ctx.decisions[d].name for d in t.covers if d in ctx.decisions),
                _number(t.lower),
                _number(t.upper),
                t.unit,
                t.id,
            ]
            for uc in ctx.plan.use_cases
            for t in uc.governance.thresholds
        ),
    )
    hide_ids(ws, thresholds)
    add_list(ws, thresholds.column_range(2), [c.label for c in Cadence], "Review cadence")
    for index, bound in ((4, "Lower limit"), (5, "Upper limit")):
        add_number(ws, thresholds.column_range(index), -1e12, 1e12, bound, "Leave empty where there is no limit.")
    print_setup(ws, owners.header_row)


def register_sheet(ctx: ExportContext, title: str, blurb: str, table: str, columns, rows, freeze_column: int = 2):
    """A sheet that holds one table under its heading, its header row frozen and repeated on
    every printed page. Returns the sheet and the table's area."""
    ws = ctx.new_sheet(title)
    top = heading(ws, ctx.styler, title, blurb)
    area = write_table(ws, ctx.table_names, ctx.styler, top, 1, table, columns, rows)
    ws.freeze_panes = ws.cell(row=area.first_row, column=freeze_column)
    print_setup(ws, area.header_row)
    return ws, area


def write_data_sources(ctx: ExportContext) -> None:
    ws, area = register_sheet(
        ctx,
        "Data sources",
        "Where each source comes from, how it is validated, how fast it arrives and who owns its quality.",
        "DataSources",
        [
            Column("Data source", max_width=34),
            Column("System", max_width=24),
            Column("Quality owner", max_width=26),
            Column("Validation", "long", max_width=50),
            Column("Latency", max_width=22),
            Column("Quality (1-5)", "center"),
            Column("Structured", "center"),
            Column("Used by steps", "long", max_width=50),
            Column("Where it comes from", "long", max_width=40),
            Column("How its owner keeps it clean", "long", max_width=40),
            id_column(),
        ],
        (
            [
                d.name,
                d.system,
                ctx.role(d.owner_role),
                d.validation.describe(),
                d.latency.describe(),
                d.quality,
                d.structured,
                "\n".join(ctx.step_label(s) for s in d.used_by),
                d.origin.describe(),
                d.ownership.describe(),
                d.id,
            ]
            for d in ctx.plan.data_sources
        ),
    )
    hide_ids(ws, area)
    if ctx.plan.roles:
        add_list(ws, area.column_range(2), ctx.role_list, "Quality owner", blank=True)
    add_level(ws, area.column_range(5), "Quality", "1 = poor, 5 = excellent.")
    add_list(ws, area.column_range(6), ["Yes", "No"], "Structured")


def write_capabilities(ctx: ExportContext) -> None:
    ws, area = register_sheet(
        ctx,
        "Capabilities",
        "The new skills per role, the gap to close, and how the role itself changes to build them.",
        "Capabilities",
        [
            Column("Role", max_width=28),
            Column("Capability", max_width=34),
            Column("Use case", max_width=30),
            Column("Current level", "center"),
            Column("Required level", "center"),
            Column("Gap", "center"),
            Column("Built through", "long", max_width=36),
            Column("Notes", "long", max_width=60),
            id_column(),
        ],
        (
            [
                ctx.role(c.role),
                c.display_name,
                ctx.use_case_name(c.use_case) or "All use cases",
                c.current_level,
                c.required_level,
                max(c.required_level - c.current_level, 0),
                ", ".join(m.label for m in c.built_through),
                c.notes,
                c.id,
            ]
            for c in ctx.plan.capabilities
        ),
    )
    hide_ids(ws, area)
    if ctx.plan.roles:
        add_list(ws, area.column_range(0), ctx.role_list, "Role")
    for index, title in ((3, "Current level"), (4, "Required level")):
        add_level(ws, area.column_range(index), title, "1 = novice, 5 = expert.")


def write_findings(ctx: ExportContext) -> None:
    findings = sorted(ctx.analysis.findings, key=lambda f: (severity_rank(f.severity), f.code))
    blurb = f"{len(findings)} findings from the plan's rules, most severe first, each with a suggested fix."
    n = len(ctx.plan.rule_settings)
    if n:
        blurb += f" This plan applies {n} rule{'s' if n != 1 else ''} differently: see the {RULE_SETTINGS} sheet."
    ws, area = register_sheet(
        ctx,
        "Findings",
        blurb,
        "Findings",
        [
            Column("Code", "center", max_width=12),
            Column("Severity", "center"),
            Column("Finding", max_width=40),
            Column("Explanation", "long", max_width=70),
            Column("Component", max_width=20),
            Column("Use case", max_width=30),
            Column("Concerns", "long", max_width=44),
            Column("Suggested fix", "long", max_width=50),
        ],
        (
            [
                f.code,
                f.severity,
                f.title,
                f.message,
                f.component.label if f.component else "",
                ctx.use_case_name(f.use_case_id),
                "\n".join(e.name for e in f.elements),
                f.fix.description if f.fix else "",
            ]
            for f in findings
        ),
        freeze_column=1,
    )
    _colour_severity(ws, area.column_range(1))


RULE_SETTINGS = "Rule settings"


def write_rule_settings(ctx: ExportContext) -> None:
    """The rules this plan switched off or gave another severity, and why (no sheet when none)."""
    from ...rules import applied_settings

    applied = applied_settings(ctx.plan)
    if not applied:
        return
    ws, area = register_sheet(
        ctx,
        RULE_SETTINGS,
        "Rules this plan applies differently, with the reason recorded; the Findings sheet follows these settings.",
        "RuleSettings",
        [
            Column("Code", "center", max_width=12),
            Column("Rule", max_width=44),
            Column("Rule's own severity", "center"),
            Column("In this plan", "center"),
            Column("Why", "long", max_width=70),
        ],
        (
            [
                a.code,
                a.title[0].upper() + a.title[1:],
                a.info.default_severity.label if a.info else "",
                "Off" if a.setting.severity.value == "off" else a.setting.severity.label,
                a.setting.reason.strip() or "No reason given",
            ]
            for a in applied
        ),
        freeze_column=1,
    )
    for column in (2, 3):
        _colour_severity(ws, area.column_range(column))


def _colour_severity(ws, cell_range: str) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    for label, fill, ink in ((lk.label, xlsx(lk.pale()), xlsx(lk.text())) for lk in SEVERITY.values()):
        ws.conditional_formatting.add(
            cell_range,
            CellIsRule(
                operator="equal",
                formula=[f'"{label}"'],
                fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                font=Font(color=ink, bold=True),
            ),
        )


def _role_kind(role) -> str:
    """'Person, senior', 'Committee': what kind of party owns the governance."""
    if role is None:
        return ""
    return f"{role.kind.label}, senior" if role.senior else role.kind.label
