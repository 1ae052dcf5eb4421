"""Data rules: every source an AI step reads has an owner, a validation and a known latency.

An answer like "it depends" or "usually fine" is treated as no answer: it is the sign that
nobody has looked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AiIntervention, Component, DataSource, Severity
from .context import PlanIndex, ref
from .engine import Hit, rule
from .words import quoted

FAMILY = "Data"

VAGUE_ANSWERS = {
    "",
    "-",
    "?",
    "depends",
    "it depends",
    "varies",
    "it varies",
    "fine",
    "ok",
    "okay",
    "usually fine",
    "usually ok",
    "mostly fine",
    "normally fine",
    "should be fine",
    "should be ok",
    "none",
    "none yet",
    "no",
    "n/a",
    "na",
    "tbd",
    "tbc",
    "unknown",
    "not sure",
    "not known",
    "no idea",
    "dont know",
    "don't know",
}
VAGUE_PHRASES = ("it depends", "usually fine", "should be fine", "not sure", "don't know", "no idea")


def is_vague(answer: str) -> bool:
    words = re.sub(r"[.!…]+$", "", " ".join(answer.lower().replace("’", "'").split()))
    return words in VAGUE_ANSWERS or any(p in words for p in VAGUE_PHRASES)


def _ai_sources(index: PlanIndex) -> Iterator[tuple[DataSource, list]]:
    """Each data source with the AI steps that read it (sources no AI step reads are left alone)."""
    for source in index.plan.data_sources:
        steps = []
        for step_id in source.used_by:
            step = index.step(step_id)
            if step is not None and step.ai is not AiIntervention.NONE:
                steps.append(step)
        if steps:
            yield source, steps


def _stated(answer: str, lead: str, when_blank: str) -> str:
    """What the room wrote, quoted after ``lead``, or ``when_blank`` when it wrote nothing."""
    return f'{lead} "{answer.strip()}"' if answer.strip() else when_blank


def _hit(index: PlanIndex, source: DataSource, steps: list, problem: str) -> Hit:
    first = index.step_map[steps[0].id]
    names = quoted((s.name for s in steps), limit=3)
    return Hit(
        f"Data source '{source.name}'{f' ({source.system})' if source.system else ''} feeds the AI at "
        f"{names} in '{first.use_case.name}', but {problem}.",
        (ref(source),) + tuple(ref(s) for s in steps),
        use_case_id=first.use_case.id,
    )


@rule(
    "DAT-001",
    "Data an AI step reads has an owner",
    Severity.ERROR,
    Component.DATA,
    """When the AI's input degrades, someone must notice and fix it at the source. A data source
    without an owner has nobody whose job that is.""",
    FAMILY,
)
def source_owner(index: PlanIndex) -> Iterator[Hit]:
    for source, steps in _ai_sources(index):
        if not source.owner_role or source.owner_role not in index.roles:
            yield _hit(index, source, steps, "nobody owns its quality")


@rule(
    "DAT-002",
    "Data an AI step reads is validated",
    Severity.WARNING,
    Component.DATA,
    """The AI is only as good as what it reads. Each source needs a stated check that catches bad
    input before it reaches the AI; "usually fine" or a blank is not one.""",
    FAMILY,
)
def source_validation(index: PlanIndex) -> Iterator[Hit]:
    for source, steps in _ai_sources(index):
        if is_vague(source.validation):
            answer = _stated(source.validation, "its validation is", "nothing says how it is validated")
            yield _hit(index, source, steps, answer)


@rule(
    "DAT-003",
    "Data an AI step reads arrives in a known time",
    Severity.WARNING,
    Component.DATA,
    """If nobody knows how late a source can be, the AI will decide on stale data without anyone
    noticing. Each source needs a stated latency.""",
    FAMILY,
)
def source_latency(index: PlanIndex) -> Iterator[Hit]:
    for source, steps in _ai_sources(index):
        if is_vague(source.latency):
            answer = _stated(source.latency, "how fast it arrives is", "nobody has said how fast it arrives")
            yield _hit(index, source, steps, answer)
