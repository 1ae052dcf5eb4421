"""The comments appendix: every remark left on the plan's elements, open ones first, each with
the element it is on, who wrote it and when. Optional (the board's pack leaves it out by default)."""

from __future__ import annotations

from reportlab.platypus import NextPageTemplate, PageBreak

from ....model import Plan
from ....model.base import short_name
from ....model.comments import comment_day, day_words, element_index, element_words
from ..blocks import Ctx, heading, table
from ..safe import Para, esc

HEADING = "Comments"


def comment_rows(plan: Plan) -> list[list[str]]:
    """One row per comment, open ones first (each group as added): on what, words, by, state."""
    elements = element_index(getattr(plan, "_plan", plan))  # the pack's plan wraps the model
    rows = []
    for comment in sorted(plan.comments, key=lambda c: c.resolved):
        entity, use_case = elements.get(comment.element, (None, None))
        on = element_words(entity)
        if use_case is not None and use_case is not entity:
            on += f' in use case "{short_name(use_case.name)}"'

        by = " · ".join(p for p in (comment.author or "Someone", day_words(comment_day(comment.created))) if p)
        rows.append([on, comment.text, by, "Resolved" if comment.resolved else "Open"])
    return rows


def comments_chapter(ctx: Ctx, number: int) -> list:
    plan, s = ctx.plan, ctx.s
    if not plan.comments:
        return []
    opened = sum(1 for c in plan.comments if not c.resolved)
    resolved = len(plan.comments) - opened
    flow: list = [NextPageTemplate("portrait"), PageBreak(), heading(HEADING, s.h1, 0, f"{number}.")]
    flow.append(
        Para(
            esc(
                f"Remarks left on elements of the plan: {opened} open, {resolved} resolved. "
                "Open ones come first; each names the element it is on."
            ),
            s.body,
        )
    )
    flow.append(table(ctx, ["On", "Comment", "By", "State"], comment_rows(plan), [2.8, 5, 2.1, 1.1]))
    return flow
