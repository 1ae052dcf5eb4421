"""The pilot's result in words that are true for the kind of KPI it measured.

The model stores a pilot KPI as free text (metric, value, unit) with no kind of its own, so the
kind is read from the words, conservatively: only a metric that plainly names time, errors,
throughput or cost gets a sentence that says so; anything else is quoted as entered. "The pilot
saved 20 % per task" is never said of a forecast error that fell by 20 %.
"""

from __future__ import annotations

import re
from enum import Enum

from ..model import PilotKpi
from .format import number


class PilotKind(Enum):
    TIME_SAVED = "time saved"
    ERROR_REDUCED = "error reduced"
    THROUGHPUT = "throughput"
    COST = "cost"
    OTHER = "other"


# A kind needs both what was measured and which way it moved: "handling time per invoice" alone
# may be the time taken, not the time saved. Checked in this order: "time to correct an error"
# is about errors before it is about time.
_FALL = r"sav|reduc|cut|less|fewer|lower|shorter|faster|down|fell|drop"
_KINDS = (
    (PilotKind.ERROR_REDUCED, r"error|mistake|defect|rework|inaccura|mape|bias", _FALL),
    (PilotKind.COST, r"cost|spend|expense", _FALL),
    (
        PilotKind.THROUGHPUT,
        r"throughput|volume|cases per|items per|per hour|per day",
        r"more|increas|rais|higher|up\b|gain",
    ),
    (PilotKind.TIME_SAVED, r"time|minute|hour|effort|duration|handling", _FALL),
)


def pilot_kind(kpi: PilotKpi) -> PilotKind:
    """What the pilot KPI measures, read from its metric; OTHER when the words don't plainly say."""
    text = kpi.metric.lower()
    for kind, measured, direction in _KINDS:
        if re.search(measured, text) and re.search(direction, text):
            return kind
    return PilotKind.OTHER


def pilot_value_text(kpi: PilotKpi) -> str:
    """The value and unit as entered ("40 %", "3.5 minutes"), or "" without a value."""
    if kpi.value is None:
        return ""
    return f"{number(kpi.value)} {kpi.unit.strip()}".strip()


def pilot_sentence(kpi: PilotKpi) -> str:
    """One sentence, without a full stop, saying what the pilot found, worded by its kind."""
    if kpi.value is None:
        return "No pilot result is entered yet"
    value = pilot_value_text(kpi)
    metric = kpi.metric.strip()
    what = f"{metric[:1].lower()}{metric[1:]}"
    kind = pilot_kind(kpi)
    if kind is PilotKind.TIME_SAVED:
        return f"The pilot saved {value} per task"
    if kind is PilotKind.ERROR_REDUCED:
        return f"The pilot reduced errors by {value} ({what})"
    if kind is PilotKind.THROUGHPUT:
        return f"The pilot raised throughput by {value} ({what})"
    if kind is PilotKind.COST:
        return f"The pilot cut cost by {value} ({what})"
    return f"The pilot measured {what}: {value}" if metric else f"The pilot measured {value}"


def pilot_is_time_saving(kpi: PilotKpi) -> bool:
    """Whether the pilot's % can stand beside the process-level capacity released (both are time, in %)."""
    return kpi.value is not None and kpi.unit.strip() == "%" and pilot_kind(kpi) is PilotKind.TIME_SAVED
