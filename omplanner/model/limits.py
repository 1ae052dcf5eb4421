"""The file format's name, version and the limits that need no model: read before pydantic is.

The app shows the plan it opens at start from the file's checked JSON while the model is built
(``omplanner.fileio.preview``); what that reading needs lives here. ``base`` and ``plan`` take
these from here, so each has one definition.
"""

from __future__ import annotations

from datetime import date

FORMAT_NAME = "omplanner-plan"
SCHEMA_VERSION = 4

MAX_TEXT = 10_000
"""A name, title, unit or label: far more than any name needs, small enough for every layout."""
MAX_LONG_TEXT = 100_000
"""Notes, rationale, descriptions: about forty printed pages of text in one field."""
MAX_SCORES = 50_000
"""The longest list a plan holds (scores); a longer list in a file is cut before validation."""

EARLIEST_DATE = date(1990, 1, 1)
LATEST_DATE = date(2199, 12, 31)
"""Dates a plan can hold: a plan starting in year 9999 is a typing slip, and no calendar,
timeline or spreadsheet date after it would work."""

NAME_LIMIT = 60
"""Characters of a name quoted in a message or location: enough to recognise it, never a page."""


def short_name(name: str, limit: int = NAME_LIMIT) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
