"""The start plan's details, taken from its checked JSON before the model validates it.

A plan opened at start is shown as soon as the window has painted: the first page, the
overview, shows the plan's title, client, facilitator, start date and notes, and those are read
here from the file's JSON (``load.read_plan_text``, every check on its bytes and shape already
passed) while pydantic is imported and the model built. The plan is then validated as any
file is, and the page shows the validated plan: the same values, or the file's error and no plan.

Only what validation would keep is taken: a file of this version whose details are each of the
right type and within their limits. Anything else gives no preview, and the plan shows once
validated, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model.limits import EARLIEST_DATE, FORMAT_NAME, LATEST_DATE, MAX_LONG_TEXT, MAX_TEXT, SCHEMA_VERSION

DEFAULTS = {"title": "Untitled plan", "client": "", "facilitator": "", "notes": ""}
"""The details' defaults, as the model has them (``PlanDetails``)."""
LIMITS = {"title": MAX_TEXT, "client": MAX_TEXT, "facilitator": MAX_TEXT, "notes": MAX_LONG_TEXT}


@dataclass(frozen=True)
class DetailsPreview:
    title: str
    client: str
    facilitator: str
    start_date: date
    notes: str

    def values(self) -> dict[str, Any]:
        """The previewed values by field name, as the plan's details hold them."""
        return {
            "title": self.title,
            "client": self.client,
            "facilitator": self.facilitator,
            "start_date": self.start_date,
            "notes": self.notes,
        }


def details_preview(data: Any) -> DetailsPreview | None:
    """The details of the plan in ``data`` (a file's JSON), or None when any of them might not
    survive validation as they are."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME or data.get("schema_version") != SCHEMA_VERSION:
        return None  # an older file is migrated first; a newer one is refused
    details = data.get("details")
    if not isinstance(details, dict):
        return None
    texts: dict[str, str] = {}
    for name, default in DEFAULTS.items():
        value = details.get(name, default)
        if type(value) is not str or len(value) > LIMITS[name]:
            return None
        texts[name] = value
    start = details.get("start_date")
    if type(start) is not str or len(start) != 10:
        return None  # a missing date would be today's: leave that to the model
    try:
        start_date = date.fromisoformat(start)
    except ValueError:
        return None
    if not EARLIEST_DATE <= start_date <= LATEST_DATE:
        return None
    return DetailsPreview(start_date=start_date, **texts)
