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


class PilotKind(Enum):
    TIME_SAVED = "time saved"
    ERROR_REDUCED = "error reduced"
    THROUGHPUT = "throughput"
    COST = "cost"
    OTHER = "other"


# Checked in this order: "time to correct an error" is about errors before it is about time.
_WORDS = (
    (PilotKind.ERROR_REDUCED, r"error|mistake|defect|rework|accuracy|inaccura|mape|bias"),
    (PilotKind.COST, r"cost|spend|expense|price|€|\$|£"),
    (PilotKind.THROUGHPUT, r"throughput|volume|cases per|items per|per hour|per day|output"),
    (PilotKind.TIME_SAVED, r"time|minute|hour|effort|duration|faster|handling"),
)
_TIME_UNITS = {"min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "s", "sec", "seconds"}


def pilot_kind(kpi: PilotKpi) -> PilotKind:
    """What the pilot KPI measures, read from its metric and unit; OTHER when the words don't say."""
    text = f"{kpi.metric} {kpi.unit}".lower()
    for kind, pattern in _WORDS:
        if re.search(pattern, text):
            return kind
    return PilotKind.TIME_SAVED if kpi.unit.strip().lower() in _TIME_UNITS else PilotKind.OTHER


def number(value: float) -> str:
    """A figure as the pages print it: whole above 10, one decimal below."""
    return f"{value:,.0f}" if abs(value) >= 10 or value == int(value) else f"{value:,.1f}"


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
    about = f" ({metric[0].lower()}{metric[1:]})" if metric else ""
    kind = pilot_kind(kpi)
    if kind is PilotKind.TIME_SAVED:
        return f"The pilot saved {value} per task{about}"
    if kind is PilotKind.ERROR_REDUCED:
        return f"The pilot reduced errors by {value}{about}"
    if kind is PilotKind.THROUGHPUT:
        return f"The pilot raised throughput by {value}{about}"
    if kind is PilotKind.COST:
        return f"The pilot cut cost by {value}{about}"
    return f"Pilot result: {metric} {value}".replace("  ", " ") if metric else f"The pilot measured {value}"


def pilot_is_time_saving(kpi: PilotKpi) -> bool:
    """Whether the pilot's % can stand beside the process-level capacity released (both are time, in %)."""
    return kpi.value is not None and kpi.unit.strip() == "%" and pilot_kind(kpi) is PilotKind.TIME_SAVED
