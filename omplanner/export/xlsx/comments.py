"""The Comments sheet: every remark on the plan's elements, with what it is on, who wrote it and
when, and whether it is resolved. Written for reading and filtering; not read back on import.
No sheet when the plan has no comments."""

from __future__ import annotations

from ...model.comments import comment_day, element_index
from .cells import Column
from .context import ExportContext
from .registers import register_sheet

COMMENTS = "Comments"


def write_comments(ctx: ExportContext) -> None:
    plan = ctx.plan
    if not plan.comments:
        return
    elements = element_index(plan)

    def row(comment) -> list:
        entity, use_case = elements.get(comment.element, (None, None))
        return [
            entity.kind_label.capitalize() if entity is not None else "Not in the plan",
            entity.display_name if entity is not None else comment.element,
            use_case.name if use_case is not None else "",
            comment.author,
            comment_day(comment.created),
            comment.text,
            "Resolved" if comment.resolved else "Open",  # the words of the pack and the app
        ]

    register_sheet(
        ctx,
        COMMENTS,
        "Remarks left on elements of the plan, as the plan file holds them. Changes here are not read back.",
        "Comments",
        [
            Column("On a", max_width=16),
            Column("Element", max_width=40),
            Column("Use case", max_width=30),
            Column("By", max_width=24),
            Column("Date", "date"),
            Column("Comment", "long", max_width=70),
            Column("State", "center"),
        ],
        (row(c) for c in plan.comments),
        freeze_column=1,
    )
