"""Hypothesis strategies that generate valid plans: every reference points at an entity of the
right kind, every id is unique, every value is in range. Shared by the property tests.

Text is drawn from all of Unicode (less surrogates, which JSON cannot carry in UTF-8), so
that quotes, markup characters and right-to-left text all pass through save and load.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import strategies as st

from omplanner.model import (
    AiIntervention,
    Autonomy,
    BuildMethod,
    Cadence,
    CapabilityKind,
    CapabilityRequirement,
    Component,
    DataAnswer,
    DataSource,
    Decision,
    Flow,
    Governance,
    ItemKind,
    ItemStatus,
    Knowledge,
    OutcomeMeasure,
    PilotKpi,
    Plan,
    PlanDetails,
    ProcessMap,
    RoadmapItem,
    Role,
    RoleKind,
    RuleSetting,
    RuleSeverity,
    Score,
    Step,
    StepKind,
    Threshold,
    Tractability,
    UseCase,
    UseCaseStatus,
)

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
names = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)
levels = st.integers(1, 5)
percent = st.floats(0, 100, allow_nan=False)
coords = st.floats(-1e6, 1e6, allow_nan=False)
optional_float = st.none() | st.floats(-1e9, 1e9, allow_nan=False)
answers = st.builds(DataAnswer, status=st.sampled_from(Knowledge), note=text)
stamps = st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC))


class _Ids:
    """Unique ids for one drawn plan; the counter keeps them unique without a filter."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}-{self.count}"


def _some(draw, pool: list[str], max_size: int = 3) -> list[str]:
    if not pool:
        return []
    return draw(st.lists(st.sampled_from(pool), max_size=max_size, unique=True))


def _maybe(draw, pool: list[str]) -> str | None:
    return draw(st.none() | st.sampled_from(pool)) if pool else None


def _process_map(draw, new_id: _Ids, role_ids: list[str], source: ProcessMap | None) -> ProcessMap:
    lanes = _some(draw, role_ids, max_size=3)
    steps: list[Step] = []
    for _ in range(draw(st.integers(0, 4)) if lanes else 0):
        ai = draw(st.sampled_from(AiIntervention))
        steps.append(
            Step(
                id=new_id("step"),
                kind=draw(st.sampled_from(StepKind)),
                name=draw(text),
                lane=draw(st.sampled_from(lanes)),
                minutes=draw(st.floats(0, 1e5, allow_nan=False)),
                ai=ai,
                confidence_threshold=draw(st.none() | percent),
                exception_trigger=draw(text),
                exception_rate=draw(st.none() | percent),
                derived_from=_maybe(draw, [s.id for s in source.steps]) if source else None,
                x=draw(coords),
                y=draw(coords),
            )
        )
    step_ids = [s.id for s in steps]
    for step in steps:
        step.exception_route = _maybe(draw, step_ids)
    flows = []
    if step_ids:
        for _ in range(draw(st.integers(0, 4))):
            flows.append(
                Flow(
                    id=new_id("flow"),
                    source=draw(st.sampled_from(step_ids)),
                    target=draw(st.sampled_from(step_ids)),
                    label=draw(text),
                )
            )
    return ProcessMap(id=new_id("map"), lanes=lanes, steps=steps, flows=flows)


@st.composite
def plans(draw, max_use_cases: int = 2) -> Plan:
    """A valid plan of a few of everything."""
    new_id = _Ids()
    roles = [
        Role(
            id=new_id("role"),
            name=draw(names),
            kind=draw(st.sampled_from(RoleKind)),
            senior=draw(st.booleans()),
            team=draw(text),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    role_ids = [r.id for r in roles]
    use_cases = []
    for _ in range(draw(st.integers(0, max_use_cases))):
        current = _process_map(draw, new_id, role_ids, None)
        redesigned = _process_map(draw, new_id, role_ids, current)
        use_cases.append(
            UseCase(
                id=new_id("uc"),
                name=draw(names),
                description=draw(text),
                status=draw(st.sampled_from(UseCaseStatus)),
                tractability=Tractability(
                    monthly_volume=draw(st.integers(0, 10**9)),
                    definition=draw(levels),
                    data_richness=draw(levels),
                    team_willingness=draw(levels),
                    strategic_value=draw(levels),
                ),
                pilot_kpi=PilotKpi(metric=draw(text), value=draw(optional_float), unit=draw(text)),
                outcome=OutcomeMeasure(
                    name=draw(text), baseline=draw(optional_float), target=draw(optional_float), unit=draw(text)
                ),
                current=current,
                redesigned=redesigned,
                governance=Governance(
                    id=new_id("gov"),
                    owner_name=draw(text),
                    owner_role=_maybe(draw, role_ids),
                    escalation_path=_some(draw, role_ids),
                    breach_process=draw(text),
                ),
            )
        )
    uc_ids = [u.id for u in use_cases]
    step_ids = [s.id for u in use_cases for m in (u.current, u.redesigned) for s in m.steps]
    decisions = []
    for _ in range(draw(st.integers(0, 3)) if uc_ids else 0):
        decisions.append(
            Decision(
                id=new_id("dec"),
                name=draw(names),
                use_case=draw(st.sampled_from(uc_ids)),
                step=_maybe(draw, step_ids),
                autonomy=draw(st.sampled_from(Autonomy)),
                accountable=_some(draw, role_ids),
                responsible=_some(draw, role_ids),
                consulted=_some(draw, role_ids),
                informed=_some(draw, role_ids),
                override_authority=_maybe(draw, role_ids),
                audit_trail=draw(st.booleans()),
                rationale=draw(text),
            )
        )
    decision_ids = [d.id for d in decisions]
    for uc in use_cases:
        uc.governance.thresholds = [
            Threshold(
                id=new_id("thr"),
                metric=draw(names),
                unit=draw(text),
                lower=draw(optional_float),
                upper=draw(optional_float),
                cadence=draw(st.sampled_from(Cadence)),
                covers=_some(draw, decision_ids),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
    capabilities = [
        CapabilityRequirement(
            id=new_id("cap"),
            role=draw(st.sampled_from(role_ids)),
            capability=draw(st.sampled_from(CapabilityKind)),
            name=draw(text),
            use_case=_maybe(draw, uc_ids),
            current_level=draw(levels),
            required_level=draw(levels),
            built_through=draw(st.lists(st.sampled_from(BuildMethod), max_size=3, unique=True)),
            notes=draw(text),
        )
        for _ in range(draw(st.integers(0, 2)) if role_ids else 0)
    ]
    data_sources = [
        DataSource(
            id=new_id("data"),
            name=draw(names),
            system=draw(text),
            owner_role=_maybe(draw, role_ids),
            origin=draw(answers),
            validation=draw(answers),
            latency=draw(answers),
            ownership=draw(answers),
            quality=draw(st.none() | levels),
            structured=draw(st.booleans()),
            used_by=_some(draw, step_ids),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    all_ids = role_ids + uc_ids + step_ids + decision_ids
    scores = [
        Score(
            id=new_id("score"),
            use_case=draw(st.sampled_from(uc_ids)),
            component=draw(st.sampled_from(Component)),
            value=draw(levels),
            participant=draw(text),
            evidence=draw(text),
            elements=_some(draw, all_ids),
        )
        for _ in range(draw(st.integers(0, 3)) if uc_ids else 0)
    ]
    roadmap: list[RoadmapItem] = []
    for _ in range(draw(st.integers(0, 4))):
        roadmap.append(
            RoadmapItem(
                id=new_id("item"),
                title=draw(names),
                kind=draw(st.sampled_from(ItemKind)),
                use_case=_maybe(draw, uc_ids),
                start_week=draw(st.integers(0, 520)),
                duration_weeks=draw(st.integers(1, 260)),
                owner=_maybe(draw, role_ids),
                depends_on=_some(draw, [i.id for i in roadmap]),
                status=draw(st.sampled_from(ItemStatus)),
                notes=draw(text),
            )
        )
    created = draw(stamps)
    return Plan(
        details=PlanDetails(
            title=draw(text),
            client=draw(text),
            facilitator=draw(text),
            start_date=draw(st.dates(date(2000, 1, 1), date(2100, 1, 1))),
            created=created,
            modified=draw(stamps),
            notes=draw(text),
        ),
        roles=roles,
        use_cases=use_cases,
        decisions=decisions,
        capabilities=capabilities,
        data_sources=data_sources,
        scores=scores,
        roadmap=roadmap,
        rule_settings=draw(
            st.dictionaries(
                st.from_regex(r"[A-Z]{1,3}[0-9]{1,2}", fullmatch=True),
                st.builds(
                    RuleSetting,
                    severity=st.sampled_from(RuleSeverity),
                    reason=st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
                ),
                max_size=3,
            )
        ),
    )
