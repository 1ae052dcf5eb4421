"""Reading the comments of a plan: those on one element, and what a comment is on, in words."""

from __future__ import annotations

from datetime import date, datetime

from .base import Entity, short_name
from .plan import Comment, Plan, UseCase
from .walk import find_place, iter_entities


def comment_day(when: datetime) -> date:
    """The day a comment was written, in this computer's time zone: the app, the board pack and
    the workbook made on one computer all give the same day (the file keeps the time in UTC)."""
    return (when.astimezone() if when.tzinfo is not None else when).date()


def day_words(day: date) -> str:
    """A day as people write it: '3 Dec 2026'."""
    return f"{day.day} {day:%b %Y}"


def comments_on(plan: Plan, element_id: str) -> list[Comment]:
    """The comments on one element, oldest first (as they were added)."""
    return [c for c in plan.comments if c.element == element_id]


def open_counts(plan: Plan) -> tuple[int, int]:
    """(open, resolved) comments of the plan."""
    resolved = sum(1 for c in plan.comments if c.resolved)
    return len(plan.comments) - resolved, resolved


def commented_element(plan: Plan, comment: Comment) -> Entity | None:
    place = find_place(plan, comment.element)
    return None if place is None else place.entity


def element_words(entity: Entity | None) -> str:
    """An element as a comment names it: 'step "Match invoice"'."""
    if entity is None:
        return "an element no longer in the plan"
    name = entity.display_name
    if name and name != entity.id:
        return f'{entity.kind_label} "{short_name(name)}"'
    return entity.kind_label


def first_line(text: str) -> str:
    """The comment's first line that says something, shortened for a list row."""
    return short_name(next((line.strip() for line in text.splitlines() if line.strip()), ""))


def element_index(plan: Plan) -> dict[str, tuple[Entity, UseCase | None]]:
    """Every element of the plan by id, with the use case it belongs to: the one holding it (a
    step, a map) or the one it names (a decision, a score, a roadmap item), else None. One walk,
    for outputs that list every comment."""
    found: dict[str, tuple[Entity, UseCase | None]] = {}
    use_cases = {uc.id: uc for uc in plan.use_cases}
    for uc in plan.use_cases:
        found[uc.id] = (uc, uc)
        for inner in iter_entities(uc):
            found[inner.id] = (inner, uc)
    for entity in iter_entities(plan):
        if entity.id not in found:
            named = getattr(entity, "use_case", None)
            found[entity.id] = (entity, use_cases.get(named) if isinstance(named, str) else None)
    return found
