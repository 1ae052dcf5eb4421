"""The plan: one file, one client engagement. Everything in it is addressed by a stable id."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator

from .base import (
    Entity,
    Figure,
    Id,
    Level,
    LongText,
    Name,
    Percent,
    PlanModel,
    Text,
    refs_list,
    short_name,
)
from .enums import (
    ANSWERING_KINDS,
    PEOPLE_KINDS,
    AiIntervention,
    Autonomy,
    BuildMethod,
    Cadence,
    CapabilityKind,
    Component,
    ItemKind,
    ItemStatus,
    Knowledge,
    RoleKind,
    RuleSeverity,
    StepKind,
    UseCaseStatus,
)
from .limits import EARLIEST_DATE, FORMAT_NAME, LATEST_DATE, MAX_SCORES, SCHEMA_VERSION  # noqa: F401 (named here too)

MAX_MINUTES = 100_000.0
"""People's time for one step of one case: about ten weeks of working days."""
MAX_VOLUME = 1_000_000_000
"""Cases a month: a billion is beyond any mid-market business."""
MAX_POSITION = 1_000_000.0
"""A step's place on the canvas, in points either way: a map 5,000 steps wide still fits."""

# How many of each a plan can hold: a few times the largest plan we measure (docs/performance.md).
MAX_USE_CASES = 500
MAX_ROLES = 2_000
MAX_LANES = 200
MAX_STEPS = 2_000
MAX_FLOWS = 10_000
MAX_THRESHOLDS = 1_000
MAX_ENTRIES = 10_000
"""Decisions, capability requirements, data sources and roadmap items in a plan."""
MAX_RULE_SETTINGS = 500
MAX_ANCESTORS = 50
"""Earlier revisions a file remembers: enough to find the save two copies share after weeks of
workshops, small enough to keep every file short."""
MAX_COMMENTS = 10_000
MAX_BASELINES = 50


def _sane_date(value: date) -> date:
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(f"a date between {EARLIEST_DATE.year} and {LATEST_DATE.year} is expected")
    return value


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class PlanDetails(Entity):
    kind_label: ClassVar[str] = "plan details"
    id: Literal["details"] = "details"
    title: Text = "Untitled plan"
    client: Text = ""
    facilitator: Text = ""
    start_date: date = Field(default_factory=date.today)
    created: datetime = Field(default_factory=_now)
    modified: datetime = Field(default_factory=_now)
    notes: LongText = ""

    _dates_in_range = field_validator("start_date", "created", "modified")(_sane_date)


class Role(Entity):
    kind_label: ClassVar[str] = "role"
    id_prefix: ClassVar[str] = "role"
    name: Name
    kind: RoleKind = RoleKind.HUMAN
    senior: bool = False
    """A senior leader: can own a use case's governance and sign off what the AI may not decide."""
    team: Text = ""
    description: LongText = ""

    @property
    def is_people(self) -> bool:
        """Filled by people (a person, a team or a committee), not by an AI agent or a system."""
        return self.kind in PEOPLE_KINDS

    @property
    def can_answer(self) -> bool:
        """Can be held to account for an outcome: a person or a team, never a committee or a machine."""
        return self.kind in ANSWERING_KINDS

    @property
    def is_senior_person(self) -> bool:
        """A named senior leader, as a use case's governance owner must be."""
        return self.kind is RoleKind.HUMAN and self.senior


class Tractability(PlanModel):
    monthly_volume: int = Field(default=0, ge=0, le=MAX_VOLUME)
    definition: Level = 3
    data_richness: Level = 3
    team_willingness: Level = 3
    strategic_value: Level = 3


class PilotKpi(PlanModel):
    metric: Text = ""
    value: Figure | None = None
    unit: Text = "%"


class OutcomeMeasure(PlanModel):
    """What the whole redesigned process delivers, measured at scale: not the pilot's task figure."""

    name: Text = ""
    baseline: Figure | None = None
    target: Figure | None = None
    unit: Text = ""

    @property
    def is_set(self) -> bool:
        """Named, with a target to hold the process to (a baseline may still be being measured)."""
        return bool(self.name.strip()) and self.target is not None


class Step(Entity):
    kind_label: ClassVar[str] = "step"
    id_prefix: ClassVar[str] = "step"
    refs: ClassVar[dict[str, str]] = {
        "lane": "role",
        "exception_route": "step",
        "derived_from": "step",
    }
    kind: StepKind = StepKind.TASK
    name: Text = ""
    lane: Id
    minutes: float = Field(default=0, ge=0, le=MAX_MINUTES)
    ai: AiIntervention = AiIntervention.NONE
    confidence_threshold: Percent | None = None
    exception_trigger: Text = ""
    """What counts as the AI failing at this step, beyond a confidence below the threshold."""
    exception_route: Id | None = None
    exception_rate: Percent | None = None
    derived_from: Id | None = None
    """Lineage: the step of the current map this redesigned step comes from."""
    x: float = Field(default=0, ge=-MAX_POSITION, le=MAX_POSITION)
    y: float = Field(default=0, ge=-MAX_POSITION, le=MAX_POSITION)

    @property
    def is_ai(self) -> bool:
        return self.ai is not AiIntervention.NONE


class Flow(Entity):
    kind_label: ClassVar[str] = "flow"
    id_prefix: ClassVar[str] = "flow"
    refs: ClassVar[dict[str, str]] = {"source": "step", "target": "step"}
    source: Id
    target: Id
    label: Text = ""


class ProcessMap(Entity):
    kind_label: ClassVar[str] = "process map"
    id_prefix: ClassVar[str] = "map"
    refs: ClassVar[dict[str, str]] = {"lanes": "role"}
    lanes: list[Id] = refs_list(MAX_LANES)
    steps: list[Step] = Field(default_factory=list, max_length=MAX_STEPS)
    flows: list[Flow] = Field(default_factory=list, max_length=MAX_FLOWS)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


class Threshold(Entity):
    kind_label: ClassVar[str] = "threshold"
    id_prefix: ClassVar[str] = "thr"
    refs: ClassVar[dict[str, str]] = {"covers": "decision"}
    metric: Name
    unit: Text = ""
    lower: Figure | None = None
    upper: Figure | None = None
    cadence: Cadence = Cadence.MONTHLY
    covers: list[Id] = refs_list()
    """Decisions whose quality this threshold watches."""


class Governance(Entity):
    kind_label: ClassVar[str] = "governance"
    id_prefix: ClassVar[str] = "gov"
    refs: ClassVar[dict[str, str]] = {"owner_role": "role", "escalation_path": "role"}
    owner_name: Text = ""
    owner_role: Id | None = None
    autonomy_statement: LongText = ""
    thresholds: list[Threshold] = Field(default_factory=list, max_length=MAX_THRESHOLDS)
    escalation_path: list[Id] = refs_list()
    breach_process: LongText = ""


class UseCase(Entity):
    kind_label: ClassVar[str] = "use case"
    id_prefix: ClassVar[str] = "uc"
    numbered: ClassVar[bool] = False
    name: Name
    description: LongText = ""
    status: UseCaseStatus = UseCaseStatus.CANDIDATE
    tractability: Tractability = Field(default_factory=Tractability)
    pilot_kpi: PilotKpi = Field(default_factory=PilotKpi)
    outcome: OutcomeMeasure = Field(default_factory=OutcomeMeasure)
    """The process-level measure the use case is judged by once it runs at scale."""
    current: ProcessMap
    redesigned: ProcessMap
    governance: Governance


class Decision(Entity):
    kind_label: ClassVar[str] = "decision"
    id_prefix: ClassVar[str] = "dec"
    refs: ClassVar[dict[str, str]] = {
        "use_case": "use_case",
        "step": "step",
        "accountable": "role",
        "responsible": "role",
        "consulted": "role",
        "informed": "role",
        "override_authority": "role",
    }
    name: Name
    use_case: Id
    step: Id | None = None
    autonomy: Autonomy = Autonomy.HUMAN_CONFIRMS
    accountable: list[Id] = refs_list()
    responsible: list[Id] = refs_list()
    consulted: list[Id] = refs_list()
    informed: list[Id] = refs_list()
    override_authority: Id | None = None
    audit_trail: bool = False
    rationale: LongText = ""


class CapabilityRequirement(Entity):
    kind_label: ClassVar[str] = "capability requirement"
    id_prefix: ClassVar[str] = "cap"
    refs: ClassVar[dict[str, str]] = {"role": "role", "use_case": "use_case"}
    role: Id
    capability: CapabilityKind = CapabilityKind.OUTPUT_VALIDATION
    name: Text = ""
    """The capability's own name where ``capability`` is OTHER, or a more precise wording."""
    use_case: Id | None = None
    current_level: Level = 1
    required_level: Level = 3
    built_through: list[BuildMethod] = Field(default_factory=list, max_length=len(BuildMethod))
    notes: LongText = ""

    @property
    def display_name(self) -> str:
        return self.name or self.capability.label


class DataAnswer(PlanModel):
    """The room's answer to one of the four data questions: how well it is known, and what was said."""

    status: Knowledge = Knowledge.UNKNOWN
    note: LongText = ""

    @property
    def settled(self) -> bool:
        """Known, and the answer written down: "known" with nothing said is not an answer."""
        return self.status is Knowledge.KNOWN and bool(self.note.strip())

    def describe(self) -> str:
        """'Known: Same day', 'Unknown' — one line for a table or a cell."""
        note = " ".join(self.note.split())
        return f"{self.status.label}: {note}" if note else self.status.label


DATA_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("origin", "Where it comes from"),
    ("validation", "How it is validated"),
    ("latency", "How fast it arrives"),
    ("ownership", "Who owns its quality"),
)
"""The four questions asked of every data source, as (field, question)."""


class DataSource(Entity):
    kind_label: ClassVar[str] = "data source"
    id_prefix: ClassVar[str] = "data"
    refs: ClassVar[dict[str, str]] = {"owner_role": "role", "used_by": "step"}
    name: Name
    system: Text = ""
    owner_role: Id | None = None
    origin: DataAnswer = Field(default_factory=DataAnswer)
    validation: DataAnswer = Field(default_factory=DataAnswer)
    latency: DataAnswer = Field(default_factory=DataAnswer)
    ownership: DataAnswer = Field(default_factory=DataAnswer)
    """How the owner role looks after the source's quality (the role itself is ``owner_role``)."""
    quality: Level | None = None
    structured: bool = True
    used_by: list[Id] = refs_list()


class Score(Entity):
    kind_label: ClassVar[str] = "score"
    id_prefix: ClassVar[str] = "score"
    refs: ClassVar[dict[str, str]] = {"use_case": "use_case", "elements": "any"}
    use_case: Id
    component: Component
    value: Level
    participant: Text = ""
    """Empty for the agreed score; a participant's name for one person's score in a round."""
    evidence: LongText = ""
    elements: list[Id] = refs_list()

    @property
    def display_name(self) -> str:
        return f"{self.component.label} score"


class RoadmapItem(Entity):
    kind_label: ClassVar[str] = "roadmap item"
    id_prefix: ClassVar[str] = "item"
    refs: ClassVar[dict[str, str]] = {
        "use_case": "use_case",
        "owner": "role",
        "depends_on": "roadmap_item",
    }
    title: Name
    kind: ItemKind = ItemKind.OTHER
    use_case: Id | None = None
    """None for cross-cutting work."""
    start_week: int = Field(default=0, ge=0, le=520)
    duration_weeks: int = Field(default=1, ge=1, le=260)
    owner: Id | None = None
    depends_on: list[Id] = refs_list()
    status: ItemStatus = ItemStatus.PLANNED
    notes: LongText = ""

    @property
    def end_week(self) -> int:
        """The first week after the item: an item in weeks 0-2 has start 0, end 3."""
        return self.start_week + self.duration_weeks

    # People count weeks from 1: the plan's first week is "week 1". Every text a user reads
    # (rule messages, pages, exports) uses these two, never the offsets above.
    @property
    def first_week(self) -> int:
        return self.start_week + 1

    @property
    def last_week(self) -> int:
        return self.start_week + self.duration_weeks


class RuleSetting(PlanModel):
    """How this plan applies one rule: a severity other than the rule's own, or off, and why.
    The reason is printed wherever the setting changes what a reader sees (check, exports)."""

    severity: RuleSeverity
    reason: LongText = ""


class Revision(PlanModel):
    """One save of the plan: a fresh id each time the file is written, when and by whom."""

    id: Id
    saved_at: datetime
    saved_by: Text = ""
    """The facilitator's name from the preferences, empty when none is set."""

    _day_in_range = field_validator("saved_at")(_sane_date)


class History(PlanModel):
    """Where this copy of the plan comes from, so two copies can find the save they share.

    ``revision`` is the save this file is; ``ancestors`` the revisions before it, newest first
    (a merged plan lists both parents' revisions), at most ``MAX_ANCESTORS``."""

    revision: Revision | None = None
    ancestors: list[Id] = Field(default_factory=list, max_length=MAX_ANCESTORS)


class Comment(Entity):
    """A remark on one element of the plan (a step, decision, roadmap item, use case, score...)."""

    kind_label: ClassVar[str] = "comment"
    id_prefix: ClassVar[str] = "note"
    refs: ClassVar[dict[str, str]] = {"element": "any"}
    numbered: ClassVar[bool] = False
    element: Id
    author: Text = ""
    created: datetime = Field(default_factory=_now)
    text: LongText = ""
    resolved: bool = False

    _day_in_range = field_validator("created")(_sane_date)

    @property
    def display_name(self) -> str:
        return short_name(self.text.splitlines()[0]) if self.text.strip() else self.id


class Baseline(Entity):
    """A named snapshot of the plan ("agreed at workshop 2") to compare the plan with later.

    ``snapshot`` is the whole plan as its file held it when the baseline was taken (format,
    version and all, without its own baselines), read with the loader when it is used: it is
    never walked, indexed or checked as part of this plan."""

    kind_label: ClassVar[str] = "baseline"
    id_prefix: ClassVar[str] = "base"
    numbered: ClassVar[bool] = False
    name: Name
    taken_at: datetime = Field(default_factory=_now)
    taken_by: Text = ""
    snapshot: dict[str, Any] = Field(default_factory=dict)

    _day_in_range = field_validator("taken_at")(_sane_date)


class Plan(PlanModel):
    format: Literal["omplanner-plan"] = FORMAT_NAME
    schema_version: int = SCHEMA_VERSION
    details: PlanDetails = Field(default_factory=PlanDetails)
    roles: list[Role] = Field(default_factory=list, max_length=MAX_ROLES)
    use_cases: list[UseCase] = Field(default_factory=list, max_length=MAX_USE_CASES)
    decisions: list[Decision] = Field(default_factory=list, max_length=MAX_ENTRIES)
    capabilities: list[CapabilityRequirement] = Field(default_factory=list, max_length=MAX_ENTRIES)
    data_sources: list[DataSource] = Field(default_factory=list, max_length=MAX_ENTRIES)
    scores: list[Score] = Field(default_factory=list, max_length=MAX_SCORES)
    roadmap: list[RoadmapItem] = Field(default_factory=list, max_length=MAX_ENTRIES)
    rule_settings: dict[str, RuleSetting] = Field(default_factory=dict)
    """A rule code mapped to the severity this plan gives it (or off), and why."""
    comments: list[Comment] = Field(default_factory=list, max_length=MAX_COMMENTS)
    baselines: list[Baseline] = Field(default_factory=list, max_length=MAX_BASELINES)
    history: History = Field(default_factory=History)
    """Which save this file is and which saves came before it (see ``History``)."""

    @field_validator("rule_settings")
    @classmethod
    def _known_rule_codes(cls, value: dict[str, RuleSetting]) -> dict[str, RuleSetting]:
        if len(value) > MAX_RULE_SETTINGS:
            raise ValueError(f"at most {MAX_RULE_SETTINGS} rule settings are expected")
        for code in value:
            if not 1 <= len(code) <= 20:
                raise ValueError("a rule code is 1 to 20 characters long, like SEQ-001")
        return value

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(f"expected format version {SCHEMA_VERSION}, found {value}")
        return value

    # Queries used everywhere. They scan lists: plans are small enough that an index
    # would cost more in invalidation than it saves.
    def role(self, role_id: str | None) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def use_case(self, use_case_id: str | None) -> UseCase | None:
        return next((u for u in self.use_cases if u.id == use_case_id), None)

    def item(self, item_id: str | None) -> RoadmapItem | None:
        return next((i for i in self.roadmap if i.id == item_id), None)

    def decision(self, decision_id: str | None) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None)

    def data_source(self, source_id: str | None) -> DataSource | None:
        return next((d for d in self.data_sources if d.id == source_id), None)

    def maps(self):
        """Every process map with its use case and variant ('current' or 'redesigned')."""
        for uc in self.use_cases:
            yield uc, "current", uc.current
            yield uc, "redesigned", uc.redesigned

    def find_step(self, step_id: str | None) -> tuple[UseCase, str, Step] | None:
        for uc, variant, pmap in self.maps():
            step = pmap.step(step_id) if step_id else None
            if step is not None:
                return uc, variant, step
        return None
