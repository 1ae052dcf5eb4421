"""The candidates not yet worked on, side by side in one table instead of a page of
"nothing recorded" each."""

from __future__ import annotations

from reportlab.platypus import NextPageTemplate, PageBreak

from ....model import Plan, UseCase
from ...analysis import PlanAnalysis, ranked_use_case
from ..blocks import Ctx, heading, short, table
from ..safe import Para, esc


def is_developed(plan: Plan, uc: UseCase) -> bool:
    """Whether anything beyond the profile has been recorded: a map, a decision, governance,
    a capability change. A candidate with none of these shares the comparison table."""
    g = uc.governance
    return bool(
        uc.current.steps
        or uc.redesigned.steps
        or any(d.use_case == uc.id for d in plan.decisions)
        or any(c.use_case == uc.id for c in plan.capabilities)
        or g.owner_name
        or g.owner_role
        or g.autonomy_statement
        or g.thresholds
        or g.escalation_path
        or g.breach_process
    )


DESCRIPTION_CHARS = 220


def candidates_chapter(ctx: Ctx, a: PlanAnalysis, others: list[UseCase], number: int) -> list:
    s, plan = ctx.s, ctx.plan
    ranks = {ranked_use_case(plan, r).id: r for r in a.ranked}
    n = len(others)
    flow: list = [
        NextPageTemplate("portrait"),
        PageBreak(),
        heading("Candidates not yet developed", s.h1, 0, f"{number}."),
        Para(
            esc(
                f"{n} further candidate{'s' if n != 1 else ''} {'are' if n != 1 else 'is'} listed but not yet "
                "mapped or governed; they are compared here in ranked order."
            ),
            s.lead,
        ),
    ]
    rows = []
    for uc in others:
        r = ranks.get(uc.id)
        t = uc.tractability
        rows.append(
            [
                str(r.rank) if r else "—",
                short(uc.name, 120),
                short(uc.description, DESCRIPTION_CHARS) or "—",
                f"{t.monthly_volume:,}",
                f"{r.score:.1f} / 5" if r else "—",
                f"{t.strategic_value} / 5",
                uc.status.label,
            ]
        )
    flow.append(
        table(
            ctx,
            ["Rank", "Candidate", "What it is", "A month", "Tractability", "Strategic value", "Status"],
            rows,
            [0.7, 2.6, 4.6, 1.1, 1.3, 1.2, 1.3],
        )
    )
    return flow
