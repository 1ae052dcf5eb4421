"""Figures a person reads, each computed once here and shown the same way by every output:
the app's pages, the PDF, the workbook and the rendered images.

Each definition is written out in docs/design.md ("Figures").
"""

from .capacity import UNKNOWN, capacity_missing, hours_missing, unknown_text
from .format import number, percent_text, rounded
from .golive import GO_LIVE_RULE, go_live_date, go_live_offset, go_live_week, go_lives
from .minutes import ExpectedMinutes, expected_minutes
from .pilot import PilotKind, pilot_is_time_saving, pilot_kind, pilot_sentence, pilot_value_text

__all__ = [
    "ExpectedMinutes",
    "expected_minutes",
    "number",
    "percent_text",
    "rounded",
    "UNKNOWN",
    "capacity_missing",
    "hours_missing",
    "unknown_text",
    "GO_LIVE_RULE",
    "PilotKind",
    "go_live_date",
    "go_live_offset",
    "go_live_week",
    "go_lives",
    "pilot_is_time_saving",
    "pilot_kind",
    "pilot_sentence",
    "pilot_value_text",
]
