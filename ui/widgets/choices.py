"""The lists a drop-down offers, read from the plan each time it opens so they are never stale."""

from __future__ import annotations

from omplanner.model import Plan

NOBODY = "—"


def _none(none_label: str | None) -> list[tuple[str | None, str]]:
    """The "no one / none" entry a drop-down starts with, when it offers one."""
    return [(None, none_label)] if none_label is not None else []


def role_choices(plan: Plan, none_label: str | None = None) -> list[tuple[str | None, str]]:
    return _none(none_label) + [(r.id, r.name) for r in plan.roles]


def use_case_choices(plan: Plan, none_label: str | None = None) -> list[tuple[str | None, str]]:
    return _none(none_label) + [(u.id, u.name) for u in plan.use_cases]


def enum_items(combo, values) -> None:
    """Fill ``combo`` with an enum's members: the label shown, the value as the item's data."""
    for value in values:
        combo.addItem(value.label, value.value)


def step_choices(plan: Plan, use_case_id: str | None, none_label: str | None = None) -> list[tuple[str | None, str]]:
    """Steps of a use case's maps, redesigned first: that is the process decisions live in."""
    choices = _none(none_label)
    use_case = plan.use_case(use_case_id)
    if use_case is None:
        return choices
    for variant, pmap in (("redesigned", use_case.redesigned), ("current", use_case.current)):
        for step in pmap.steps:
            if step.kind.value in ("start", "end"):
                continue
            choices.append((step.id, f"{step.name or step.kind.label} ({variant})"))
    return choices


def all_step_choices(plan: Plan) -> list[tuple[str, str]]:
    """Every task or decision step in the plan, named with its use case."""
    choices: list[tuple[str, str]] = []
    for use_case, variant, pmap in plan.maps():
        for step in pmap.steps:
            if step.kind.value in ("start", "end"):
                continue
            choices.append((step.id, f"{use_case.name}: {step.name or step.kind.label} ({variant})"))
    return choices
