"""The findings chapter: what the rules say about the plan, worst first, with the fixes, and
the rules this plan applies differently (a rule switched off raises nothing: the reader is told)."""

from __future__ import annotations

from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from ....model import Severity
from ....rules import Finding, applied_settings
from .. import styles as st
from ..blocks import Card, Ctx, heading, listed, short, table
from ..safe import Para, esc, marked, para

INTRO = {
    Severity.ERROR: "Errors: the plan breaks a sequencing principle or leaves a gap that will stop the rollout.",
    Severity.WARNING: "Warnings: weaknesses that put the value of the change at risk.",
    Severity.INFO: "Notes: points worth a look before the next workshop.",
}


def findings_chapter(ctx: Ctx, number: int, findings: list[Finding]) -> list:
    s = ctx.s
    flow: list = [NextPageTemplate("portrait"), PageBreak(), heading("Findings", s.h1, 0, f"{number}.")]
    if not findings:
        flow.append(Para("The rules raise no finding on this plan.", s.body))
        return flow + rule_settings(ctx)
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    counts = []
    for sev in Severity:
        n = sum(1 for f in findings if f.severity is sev)
        counts.append(f"{n} {words[sev]}{'' if n == 1 else 's'}")
    counts = ", ".join(counts)
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
        flow.append(heading(f"{sev.label}s" if sev is not Severity.INFO else "Notes", s.h2, 1))
        flow.append(para(INTRO[sev], s.muted))
        flow.append(Spacer(1, 4))
        for finding in group:
            flow += [_card(ctx, finding), Spacer(1, 6)]  # a card never splits: no KeepTogether needed
    return flow


def rule_settings(ctx: Ctx) -> list:
    """The rules this plan switched off or gave another severity, each with the reason given."""
    applied = applied_settings(ctx.plan)
    if not applied:
        return []
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
