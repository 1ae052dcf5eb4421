"""Plan-wide items that belong to no single use case, so that nothing in the plan is left out."""

from __future__ import annotations

from reportlab.platypus import PageBreak, Paragraph

from ..blocks import Ctx, heading, role_names, table
from .use_case import capability_table


def plan_wide_chapter(ctx: Ctx, number: int) -> list:
    s, plan = ctx.s, ctx.plan
    used = {step.id for _, _, pmap in plan.maps() for step in pmap.steps}
    sources = [ds for ds in plan.data_sources if not any(x in used for x in ds.used_by)]
    caps = [c for c in plan.capabilities if not plan.use_case(c.use_case)]
    if not sources and not caps:
        return []
    flow: list = [PageBreak(), heading("Plan-wide items", s.h1, 0, f"{number}.")]
    flow.append(
        Paragraph(
            "Capabilities and data sources recorded for the plan as a whole rather than for one use case.", s.body
        )
    )
    if caps:
        flow += [heading("Cross-cutting capability changes", s.h2, 1), capability_table(ctx, caps)]
    if sources:
        rows = [
            [
                ds.name,
                ds.system,
                role_names(plan, [ds.owner_role]) or "no owner",
                ds.validation.describe(),
                ds.latency.describe(),
            ]
            for ds in sources
        ]
        flow += [
            heading("Data sources not yet linked to a process step", s.h2, 1),
            table(ctx, ["Source", "System", "Quality owner", "Validation", "Latency"], rows, [3, 2, 2, 4, 1.6]),
        ]
    return flow
