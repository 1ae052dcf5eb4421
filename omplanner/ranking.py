"""Which use case first: ranking by tractability, with the reason for each position.

The order follows what makes a first use case succeed: monthly volume, how well the process is
defined, how rich its data is, and how willing the team is to redesign its own work. Strategic
value is reported beside the rank but does not drive it: the most strategic use case is rarely
the best one to learn on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Component, Plan, UseCase


@dataclass(frozen=True)
class RankedUseCase:
    use_case: UseCase
    score: float
    """1-5: the mean of the four tractability inputs (volume rescaled to 1-5 within the plan)."""
    rank: int
    reason: str


def volume_level(volume: int, largest: int) -> float:
    """Monthly volume on a 1-5 scale, logarithmic, relative to the largest in the plan."""
    if largest <= 0 or volume <= 0:
        return 1.0
    return 1.0 + 4.0 * math.log1p(volume) / math.log1p(largest)


def _levels(uc: UseCase, largest: int) -> dict[str, float]:
    t = uc.tractability
    return {
        "volume": volume_level(t.monthly_volume, largest),
        "definition": float(t.definition),
        "data_richness": float(t.data_richness),
        "team_willingness": float(t.team_willingness),
    }


LABELS = {
    "volume": "volume",
    "definition": "process definition",
    "data_richness": "data richness",
    "team_willingness": "team willingness",
}


def _value(uc: UseCase, key: str) -> str:
    t = uc.tractability
    return f"{t.monthly_volume:,} cases a month" if key == "volume" else f"{getattr(t, key)}/5"


def _describe(uc: UseCase, key: str) -> str:
    return _value(uc, key) if key == "volume" else f"{LABELS[key]} {_value(uc, key)}"


def rank_use_cases(plan: Plan) -> list[RankedUseCase]:
    """Highest score first; equal scores keep the plan's order."""
    if not plan.use_cases:
        return []
    largest = max(uc.tractability.monthly_volume for uc in plan.use_cases)
    scored = [(uc, _levels(uc, largest)) for uc in plan.use_cases]
    scored.sort(key=lambda pair: -sum(pair[1].values()))
    ranked = []
    for rank, (uc, levels) in enumerate(scored, start=1):
        score = round(sum(levels.values()) / len(levels), 2)
        ranked.append(RankedUseCase(uc, score, rank, _reason(uc, levels, rank, scored)))
    return ranked


def _reason(uc: UseCase, levels: dict[str, float], rank: int, scored) -> str:
    strategic = f"strategic value ({uc.tractability.strategic_value}/5) is shown but does not set the order"
    if rank == 1:
        strongest = sorted(levels, key=lambda k: -levels[k])[:2]
        lead = f"First on {' and '.join(_describe(uc, k) for k in strongest)}"
        weakest = min(levels, key=lambda k: levels[k])
        if levels[weakest] < 3:
            lead += f", although {_describe(uc, weakest)} is weak"
        return f"{lead}; {strategic}."
    above, above_levels = scored[rank - 2]
    if abs(sum(above_levels.values()) - sum(levels.values())) < 1e-9:
        return f"{_ordinal(rank).capitalize()}, level with '{above.name}' and kept in the plan's order; {strategic}."
    gap = max(above_levels, key=lambda k: above_levels[k] - levels[k])
    return (
        f"{_ordinal(rank).capitalize()}, behind '{above.name}', mainly on {LABELS[gap]} "
        f"({_value(uc, gap)} against {_value(above, gap)}); {strategic}."
    )


ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def _ordinal(n: int) -> str:
    if n <= len(ORDINALS):
        return ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def agreed_scores(plan: Plan) -> dict[tuple[str, Component], int]:
    """The room's agreed diagnostic score per (use case, component); one person's scores in a
    round are not agreed and are left out."""
    return {(s.use_case, s.component): s.value for s in plan.scores if not s.participant}


def readiness(plan: Plan, use_case_id: str, agreed: dict | None = None) -> list[tuple[Component, int | None]]:
    """The five components in their order with the use case's agreed score (None: not scored)."""
    agreed = agreed_scores(plan) if agreed is None else agreed
    return [(c, agreed.get((use_case_id, c))) for c in Component]


def readiness_text(plan: Plan, use_case_id: str, agreed: dict | None = None) -> str:
    """'Readiness: Process design 5 · … · Data flows not scored. Least ready: Governance (1).'"""
    scores = readiness(plan, use_case_id, agreed)
    scored = [(c, v) for c, v in scores if v is not None]
    if not scored:
        return "Readiness: not scored yet. Score it on the Diagnostic page to see where it is least ready."
    parts = " · ".join(f"{c.label} {v if v is not None else '–'}" for c, v in scores)
    low = min(v for _, v in scored)
    least = ", ".join(c.label for c, v in scored if v == low)
    missing = len(scores) - len(scored)
    tail = f" {missing} not scored yet." if missing else ""
    return f"Readiness (1–5): {parts}. Least ready: {least} ({low}).{tail}"
