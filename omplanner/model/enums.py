"""The closed vocabularies of a plan, each with the words a facilitator reads."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label (``.label``)."""

    def __new__(cls, value: str, label: str):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    def __str__(self) -> str:
        return self.value


class RoleKind(LabelledEnum):
    """What kind of party fills a role: who can be held to account is read from it."""

    HUMAN = "human", "Person"
    TEAM = "team", "Team"
    COMMITTEE = "committee", "Committee"
    AI_AGENT = "ai_agent", "AI agent"
    SYSTEM = "system", "System"


PEOPLE_KINDS = frozenset({RoleKind.HUMAN, RoleKind.TEAM, RoleKind.COMMITTEE})
"""Roles filled by people: they can judge, take over an exception, be trained."""
ANSWERING_KINDS = frozenset({RoleKind.HUMAN, RoleKind.TEAM})
"""Roles that can answer for an outcome: a committee spreads the answer over its members, and
an AI agent or a system can be asked nothing afterwards."""


class Knowledge(LabelledEnum):
    """How well the room can answer one question about a data source."""

    KNOWN = "known", "Known"
    PARTLY = "partly_known", "Partly known"
    UNKNOWN = "unknown", "Unknown"


class UseCaseStatus(LabelledEnum):
    CANDIDATE = "candidate", "Candidate"
    PILOT = "pilot", "Pilot"
    DEPLOYED = "deployed", "Deployed"
    SCALED = "scaled", "Scaled"


class StepKind(LabelledEnum):
    START = "start", "Start"
    END = "end", "End"
    TASK = "task", "Task"
    DECISION = "decision", "Decision"
    HANDOFF = "handoff", "Handoff"


class AiIntervention(LabelledEnum):
    NONE = "none", "No AI"
    AUTOMATE = "automate", "AI automates"
    SURFACE = "surface", "AI surfaces information"
    ROUTE_EXCEPTIONS = "route_exceptions", "AI routes exceptions"


class Autonomy(LabelledEnum):
    AI_ALONE = "ai_alone", "AI decides alone"
    HUMAN_CONFIRMS = "human_confirms", "A person confirms"
    SENIOR_SIGNOFF = "senior_signoff", "Senior sign-off"
    NEVER_AI = "never_ai", "Never AI"


class Component(LabelledEnum):
    PROCESS = "process", "Process design"
    DECISION_RIGHTS = "decision_rights", "Decision rights"
    CAPABILITY = "capability", "Capability & roles"
    GOVERNANCE = "governance", "Governance"
    DATA = "data", "Data flows"


class CapabilityKind(LabelledEnum):
    OUTPUT_VALIDATION = "output_validation", "Output validation"
    EXCEPTION_JUDGEMENT = "exception_judgement", "Exception judgement"
    PROCESS_MONITORING = "process_monitoring", "Process monitoring"
    PROMPTING = "prompting", "Prompting"
    OTHER = "other", "Other (named)"


class BuildMethod(LabelledEnum):
    JOB_DESIGN = "job_design", "Job design"
    HIRING = "hiring", "Hiring"
    PERFORMANCE = "performance_management", "Performance management"
    TRAINING = "training", "Training"


class Cadence(LabelledEnum):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"


class ItemKind(LabelledEnum):
    DIAGNOSTIC = "diagnostic", "Diagnostic"
    PROCESS_REDESIGN = "process_redesign", "Process redesign"
    DATA_READINESS = "data_readiness", "Data readiness"
    DECISION_RIGHTS = "decision_rights", "Decision rights"
    TOOL_SELECTION = "tool_selection", "Tool selection"
    CAPABILITY = "capability", "Capability"
    GOVERNANCE = "governance", "Governance"
    DEPLOYMENT = "deployment", "Deployment"
    OTHER = "other", "Other"


class ItemStatus(LabelledEnum):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    AT_RISK = "at_risk", "At risk"


class Severity(LabelledEnum):
    ERROR = "error", "Error"
    WARNING = "warning", "Warning"
    INFO = "info", "Info"


class RuleSeverity(LabelledEnum):
    """A plan's override of a rule's severity."""

    ERROR = "error", "Error"
    WARNING = "warning", "Warning"
    INFO = "info", "Info"
    OFF = "off", "Off"


ITEM_COMPONENT: dict[ItemKind, Component | None] = {
    ItemKind.DIAGNOSTIC: None,
    ItemKind.PROCESS_REDESIGN: Component.PROCESS,
    ItemKind.DATA_READINESS: Component.DATA,
    ItemKind.DECISION_RIGHTS: Component.DECISION_RIGHTS,
    ItemKind.TOOL_SELECTION: None,
    ItemKind.CAPABILITY: Component.CAPABILITY,
    ItemKind.GOVERNANCE: Component.GOVERNANCE,
    ItemKind.DEPLOYMENT: None,
    ItemKind.OTHER: None,
}
"""Which operating-model component a kind of roadmap work belongs to, where it belongs to one."""
