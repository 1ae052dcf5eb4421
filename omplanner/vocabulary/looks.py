"""The look of every value a person reads: one label, one short label, one colour per theme.

The labels are the model's (``LabelledEnum.label``), so a combo box, a table and a legend say the
same; the short labels shorten them with the same verb ("AI surfaces information" is "AI surfaces",
never "AI informs").
"""

from __future__ import annotations

from enum import Enum

from ..model import ITEM_COMPONENT, AiIntervention, Autonomy, Component, ItemKind, ItemStatus, Severity, StepKind
from .base import Look
from .palette import (
    BLACK,
    BLUE,
    GREEN,
    GREY,
    INK_SLATE,
    LIGHT_GREY,
    NAVY,
    ORANGE,
    PURPLE,
    SKY,
    SLATE,
    VERMILLION,
    YELLOW,
)


def _look(member, short: str, colour: tuple[str, str]) -> Look:
    return Look(member.label, short, *colour)


AI: dict[AiIntervention, Look] = {
    AiIntervention.NONE: _look(AiIntervention.NONE, "No AI", LIGHT_GREY),
    AiIntervention.AUTOMATE: _look(AiIntervention.AUTOMATE, "AI automates", NAVY),
    AiIntervention.SURFACE: _look(AiIntervention.SURFACE, "AI surfaces", SKY),
    AiIntervention.ROUTE_EXCEPTIONS: _look(AiIntervention.ROUTE_EXCEPTIONS, "AI routes", GREEN),
}

AUTONOMY: dict[Autonomy, Look] = {
    Autonomy.AI_ALONE: _look(Autonomy.AI_ALONE, "AI alone", BLUE),
    Autonomy.HUMAN_CONFIRMS: _look(Autonomy.HUMAN_CONFIRMS, "Person confirms", SKY),
    Autonomy.SENIOR_SIGNOFF: _look(Autonomy.SENIOR_SIGNOFF, "Senior sign-off", ORANGE),
    Autonomy.NEVER_AI: _look(Autonomy.NEVER_AI, "Never AI", VERMILLION),
}

COMPONENT: dict[Component, Look] = {
    Component.PROCESS: _look(Component.PROCESS, "Process", BLUE),
    Component.DECISION_RIGHTS: _look(Component.DECISION_RIGHTS, "Decisions", PURPLE),
    Component.CAPABILITY: _look(Component.CAPABILITY, "Capability", ORANGE),
    Component.GOVERNANCE: _look(Component.GOVERNANCE, "Governance", GREEN),
    Component.DATA: _look(Component.DATA, "Data", SKY),
}
NO_COMPONENT = Look("Other work", "Other", *GREY)
"""Roadmap work of no component (diagnostic, tool selection, deployment, other)."""

ITEM_KIND: dict[ItemKind, Look] = {
    ItemKind.DIAGNOSTIC: _look(ItemKind.DIAGNOSTIC, "Diagnostic", INK_SLATE),
    ItemKind.PROCESS_REDESIGN: _look(ItemKind.PROCESS_REDESIGN, "Process", BLUE),
    ItemKind.DATA_READINESS: _look(ItemKind.DATA_READINESS, "Data", SKY),
    ItemKind.DECISION_RIGHTS: _look(ItemKind.DECISION_RIGHTS, "Decisions", PURPLE),
    ItemKind.TOOL_SELECTION: _look(ItemKind.TOOL_SELECTION, "Tools", YELLOW),
    ItemKind.CAPABILITY: _look(ItemKind.CAPABILITY, "Capability", ORANGE),
    ItemKind.GOVERNANCE: _look(ItemKind.GOVERNANCE, "Governance", GREEN),
    ItemKind.DEPLOYMENT: _look(ItemKind.DEPLOYMENT, "Deployment", VERMILLION),
    ItemKind.OTHER: _look(ItemKind.OTHER, "Other", GREY),
}
"""A kind of work that belongs to a component has that component's colour (``ITEM_COMPONENT``)."""


def lane_title(kind: ItemKind) -> str:
    """A roadmap lane's title for a kind of work: its component's label where it builds one (as the
    board pack groups its Gantt and the workbook's Component column reads), else its own label."""
    component = ITEM_COMPONENT.get(kind)
    return COMPONENT[component].label if component is not None else ITEM_KIND[kind].label


ITEM_STATUS: dict[ItemStatus, Look] = {
    ItemStatus.PLANNED: _look(ItemStatus.PLANNED, "Planned", GREY),
    ItemStatus.IN_PROGRESS: _look(ItemStatus.IN_PROGRESS, "Under way", BLUE),
    ItemStatus.DONE: _look(ItemStatus.DONE, "Done", GREEN),
    ItemStatus.AT_RISK: _look(ItemStatus.AT_RISK, "At risk", VERMILLION),
}

SEVERITY: dict[Severity, Look] = {
    Severity.ERROR: _look(Severity.ERROR, "Error", VERMILLION),
    Severity.WARNING: _look(Severity.WARNING, "Warning", ORANGE),
    Severity.INFO: Look(Severity.INFO.label, "Info", *NAVY, many="Info"),
}

STEP_KIND: dict[StepKind, Look] = {
    StepKind.START: _look(StepKind.START, "Start", GREEN),
    StepKind.END: _look(StepKind.END, "End", SLATE),
    StepKind.TASK: _look(StepKind.TASK, "Task", BLACK),
    StepKind.DECISION: _look(StepKind.DECISION, "Decision", YELLOW),
    StepKind.HANDOFF: _look(StepKind.HANDOFF, "Handoff", SKY),
}
"""Steps are told apart by shape first; their fills are these colours' ``pale`` tints (a task's is
the page's own colour)."""

EXCEPTION = Look("Exception route", "exception", *VERMILLION)
"""The dashed route an AI step's exceptions take, and its rate."""

CHANGE: dict[str, Look] = {
    "automated": Look("AI added", "AI added", *NAVY),
    "added": Look("New", "New", *GREEN),
    "removed": Look("Removed", "Removed", *VERMILLION),
    "reworked": Look("Reworked", "Reworked", *ORANGE),
}
"""How a redesigned step differs from the current one (the map's compare view, the workbook); the
same marks show what another copy of the plan added, removed or reworked (File › Compare with…)."""

OTHER_COPY = Look("In the other copy", "Other copy", *PURPLE)
"""Another copy's place for a roadmap item, drawn as a ghost outline behind the bar."""

LEVEL: dict[int, Look] = {
    level: Look(label, str(level), colour, colour)
    for level, label, colour in (
        (1, "1 · not ready", "#db6a1f"),
        (2, "2", "#f2b58a"),
        (3, "3", "#eeeeee"),
        (4, "4", "#b0d9f2"),
        (5, "5 · ready", "#4fa3d8"),
    )
}
"""Diagnostic readiness, 1 (not ready) to 5 (ready): a diverging scale, vermillion to blue, light
enough on paper for a spreadsheet's black text on every step."""

_BY_ENUM: dict[type, dict] = {
    AiIntervention: AI,
    Autonomy: AUTONOMY,
    Component: COMPONENT,
    ItemKind: ITEM_KIND,
    ItemStatus: ITEM_STATUS,
    Severity: SEVERITY,
    StepKind: STEP_KIND,
}


def look(member: Enum | None) -> Look:
    """The look of any value a person reads; ``None`` is work of no component."""
    if member is None:
        return NO_COMPONENT
    return _BY_ENUM[type(member)][member]
