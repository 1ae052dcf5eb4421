"""Words built from a step's values, worded once for the canvas, the PDF and the renders."""

from __future__ import annotations

from ..model import AiIntervention, Severity
from .looks import AI, CHANGE, SEVERITY


def percent(value: float) -> str:
    """An entered percentage as entered: "12 %", "7.5 %" (a space before the sign, as in the PDF)."""
    return f"{value:g} %"


def ai_badge(ai: AiIntervention, threshold: float | None = None) -> str:
    """A step's AI badge: "AI automates ≥90 %"."""
    words = AI[ai].short
    return f"{words} ≥{percent(threshold)}" if threshold is not None else words


def exception_words(threshold: float | None, rate: float | None) -> str:
    """The caption of an exception route: "exceptions 12 %" (the share of cases it takes); the
    confidence threshold only when no rate is entered ("exceptions below 90 %"). Short enough for
    the board pack's maps; the threshold is on the step's badge in the app."""
    if rate is not None:
        return f"exceptions {percent(rate)}"
    return "exceptions" if threshold is None else f"exceptions below {percent(threshold)}"


def change_word(state: str) -> str:
    """A redesigned step's change ("removed", "new", "AI added") as the small print under it."""
    return CHANGE[state].short.lower() if state != "automated" else CHANGE[state].short


def count_words(severity: Severity, count: int) -> str:
    """A count of findings in prose: "1 error", "16 warnings", "1 info" (the vocabulary's words,
    as the headings over them say "Errors", "Warnings", "Info")."""
    look = SEVERITY[severity]
    return f"{count} {(look.label if count == 1 else look.plural).lower()}"
