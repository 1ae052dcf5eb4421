"""The findings chapter: what the rules say about the plan, worst first, with the fixes, and
the rules this plan applies differently (a rule switched off raises nothing: the reader is told)."""

from __future__ import annotations

from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from ....model import Component, Severity
from ....rules import Finding, applied_settings
from ....vocabulary import SEVERITY, count_words, severity_rank
from .. import styles as st
from ..blocks import Card, Ctx, heading, listed, short, table
from ..safe import Para, esc, marked, para

INTRO = {
    Severity.ERROR: "Errors: the plan breaks a sequencing principle or leaves a gap that will stop the rollout.",
    Severity.WARNING: "Warnings: weaknesses that put the value of the change at risk.",
    Severity.INFO: "Info: points worth a look before the next workshop.",
}


WEIGHT = {
    Severity.ERROR: "Stops the rollout",
    Severity.WARNING: "Puts value at risk",
    Severity.INFO: "Worth a look",
}
"""How much a finding matters, in the board's words (the board pack names no rule or severity)."""

OPEN_HEADING = "What still needs deciding"


def findings_chapter(ctx: Ctx, number: int, findings: list[Finding]) -> list:
    if ctx.board:
        return open_points_chapter(ctx, number, findings)
    s = ctx.s
    flow: list = [NextPageTemplate("portrait"), PageBreak(), heading("Findings", s.h1, 0, f"{number}.")]
    if not findings:
        flow.append(Para("The rules raise no finding on this plan.", s.body))
        return flow + rule_settings(ctx)
    counts = ", ".join(count_words(sev, sum(1 for f in findings if f.severity is sev)) for sev in Severity)
    flow.append(
        Para(
            f"The plan was checked against the sequencing principles and the seams between components: {esc(counts)}.",
            s.body,
        )
    )
    flow += rule_settings(ctx)
    for sev in Severity:
        group = [f for f in findings if f.severity is sev]
        if not group:
            continue
        flow.append(heading(SEVERITY[sev].plural, s.h2, 1))
        flow.append(para(INTRO[sev], s.muted))
        flow.append(Spacer(1, 4))
        for finding in group:
            flow += [_card(ctx, finding), Spacer(1, 6)]  # a card never splits: no KeepTogether needed
    return flow


def open_points_chapter(ctx: Ctx, number: int, findings: list[Finding]) -> list:
    """The findings as the board reads them: what is still open, grouped by theme, each with
    how much it matters and the way forward proposed; no rule codes, no rule titles."""
    s = ctx.s
    flow: list = [NextPageTemplate("portrait"), PageBreak(), heading(OPEN_HEADING, s.h1, 0, f"{number}.")]
    if not findings:
        flow.append(Para("The checks leave nothing open on this plan.", s.body))
        return flow + rule_settings(ctx)
    stops = sum(1 for f in findings if f.severity is Severity.ERROR)
    themes = _by_theme(findings)
    lead = f"{len(findings)} point{'s' if len(findings) != 1 else ''} are open across {len(themes)} theme" + (
        "s" if len(themes) != 1 else ""
    )
    lead += f"; {stops} would stop the rollout if left as they are." if stops else "; none would stop the rollout."
    flow.append(Para(esc(lead), s.lead))
    flow += rule_settings(ctx)
    for theme, group in themes:
        rows = [
            [
                f.message,
                _use_case_name(ctx, f.use_case_id) or "Whole plan",
                WEIGHT[f.severity],
                f.fix.description if f.fix else "For the working team to propose",
            ]
            for f in group
        ]
        flow += [
            heading(theme, s.h2, 1),
            table(ctx, ["What is open", "Use case", "Weight", "Proposed way forward"], rows, [5.2, 1.8, 1.4, 3]),
            Spacer(1, 6),
        ]
    return flow


def _by_theme(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by the component they concern (plan order of components), worst first in each."""
    groups: dict[Component | None, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.component, []).append(f)
    order = [c for c in Component if c in groups] + ([None] if None in groups else [])
    return [(c.label if c else "Across the plan", by_weight(groups[c])) for c in order]


def by_weight(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: severity_rank(f.severity))


def rule_settings_chapter(ctx: Ctx, number: int) -> list:
    """The rules applied differently, as a chapter of their own when the findings are left out."""
    title = "Checks applied differently" if ctx.board else "Rules this plan applies differently"
    return [NextPageTemplate("portrait"), PageBreak(), heading(title, ctx.s.h1, 0, f"{number}."), *rule_settings(ctx)]


def rule_settings(ctx: Ctx) -> list:
    """The rules this plan switched off or gave another severity, each with the reason given.

    Always in the pack: a rule switched off raises nothing, and the reader must be told."""
    applied = applied_settings(ctx.plan)
    if not applied:
        return []
    if ctx.board:  # the check's own words, no code
        rows = [
            [a.title[0].upper() + a.title[1:], _board_change(a), a.setting.reason.strip() or "No reason recorded"]
            for a in applied
        ]
        return [
            heading("Checks applied differently", ctx.s.h2, 1),
            para(
                "The plan was checked against sequencing principles and the seams between components. "
                "These checks were switched off or weighed differently for this plan, for the reason "
                "recorded; what they would raise is not in this pack.",
                ctx.s.muted,
            ),
            Spacer(1, 4),
            table(ctx, ["Check", "In this plan", "Why"], rows, [4, 2, 5]),
            Spacer(1, 8),
        ]
    rows = [
        [a.code, a.title[0].upper() + a.title[1:], a.change.capitalize(), a.setting.reason.strip() or "No reason given"]
        for a in applied
    ]
    return [
        heading("Rules this plan applies differently", ctx.s.h2, 1),
        para(
            "These rules count otherwise in this plan than the rule says, or are switched off, for the "
            "reason recorded. The findings in this chapter follow these settings.",
            ctx.s.muted,
        ),
        Spacer(1, 4),
        table(ctx, ["Rule", "Title", "In this plan", "Why"], rows, [1.1, 3, 1.8, 4.5]),
        Spacer(1, 8),
    ]


def _board_change(a) -> str:
    if a.setting.severity.value == "off":
        return "Not applied"
    return {"error": "Counted as blocking", "warning": "Counted as a risk", "info": "Counted as a note"}.get(
        a.setting.severity.value, a.change.capitalize()
    )


def _card(ctx: Ctx, f: Finding) -> Card:
    s = ctx.s
    colour = st.SEVERITY_COLOURS[f.severity]
    parts = [
        Para(f"<b>{esc(f.title)}</b>  <font color='{st.hex_of(st.MUTED)}' size='7'>{esc(f.code)}</font>", s.body),
        para(f.message, s.cell),
    ]
    where = [x for x in (_use_case_name(ctx, f.use_case_id), f.component.label if f.component else "") if x]
    if where:
        parts.append(para(" · ".join(where), s.cell_muted))
    if f.elements:
        names = listed(e.name for e in f.elements)
        parts.append(para(f"Concerns: {names}", s.cell_muted))
    if f.fix is not None:
        parts.append(
            marked(
                f"<font color='{st.hex_of(st.TEAL)}'><b>Suggested fix:</b></font> {{0}}", [f.fix.description], s.cell
            )
        )
    return Card(parts, colour)


def _use_case_name(ctx: Ctx, use_case_id: str | None) -> str:
    uc = ctx.plan.use_case(use_case_id)
    return short(uc.name, 80) if uc else ""
