"""The roadmap chapter: the Gantt chart on landscape pages, then every item in a table."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer

from ....figures import go_live_week, go_lives
from .. import gantt
from ..blocks import Ctx, empty, heading, role_names, short, table
from ..safe import esc


def roadmap_chapter(ctx: Ctx, number: int, critical: set[str] | None) -> list:
    s, plan = ctx.s, ctx.plan
    flow: list = [NextPageTemplate("landscape"), PageBreak(), heading("Roadmap", s.h1, 0, f"{number}.")]
    if not plan.roadmap:
        return [*flow, empty(ctx, "The roadmap is empty.")]
    weeks = max(i.end_week for i in plan.roadmap)
    lives = go_lives(plan)
    title = f"{len(plan.roadmap)} pieces of work over {weeks} weeks"
    if lives:
        title += f"; the first go-live is in week {min(go_live_week(i) for i in lives)}"
    if critical:
        sets = "one of them sets" if len(critical) == 1 else f"{len(critical)} of them set"
        title += f"; {sets} the end date (the critical path, outlined in bold)"
    intro = [
        Paragraph(esc(title + "."), s.action),
        Paragraph("The work is grouped by the operating-model component it builds.", s.body),
    ]
    flow += intro
    # The first chart shares its page with the heading and the sentences above: size it to.
    above = sum(f.wrap(ctx.l_width, ctx.l_height)[1] + f.getSpaceAfter() for f in [flow[-3], *intro])
    below = 6 + 26 + 14 + 8  # gap, legend, "Chart k of n", slack
    first = ctx.l_height - above - below
    pages = gantt.gantt_pages(plan, ctx.l_width, first, critical)
    if len(pages) > 1:
        # A roadmap of several charts: the first fills the rest of the heading's page, the
        # others whole pages of their own.
        pages = gantt.gantt_pages(plan, ctx.l_width, ctx.l_height - below - 14, critical, first_height=first)
    key = gantt.legend(ctx.l_width, critical is not None)
    for k, page in enumerate(pages):
        block = [page, Spacer(1, 6), key]
        if len(pages) > 1:
            block.insert(0, Paragraph(f"Chart {k + 1} of {len(pages)}", s.muted))
        flow += [KeepTogether(block), Spacer(1, 6)]
    flow += [PageBreak(), heading("Roadmap items", s.h2, 1, f"{number}.1")]
    use_cases = {uc.id: short(uc.name, 80) for uc in plan.use_cases}
    order = sorted(plan.roadmap, key=lambda i: (i.start_week, i.end_week))
    rows = []
    for item in order:
        deps = "; ".join(d.title for d in (plan.item(x) for x in item.depends_on) if d)
        critical_mark = " (critical path)" if critical and item.id in critical else ""
        rows.append(
            [
                item.title + critical_mark,
                item.kind.label,
                use_cases.get(item.use_case or "", "Cross-cutting"),
                f"{item.start_week + 1}–{item.end_week}",
                role_names(plan, [item.owner]) or "—",
                item.status.label,
                deps or "—",
            ]
        )
    flow.append(
        table(
            ctx,
            ["Work item", "Kind", "Use case", "Weeks", "Owner", "Status", "Depends on"],
            rows,
            [4.6, 1.5, 1.9, 1.0, 1.7, 1.0, 4.1],
            width=ctx.l_width,
            compact=True,
        )
    )
    return flow
