"""Rules that coach the plan: sequencing principles and the seams between components.

``check_plan(plan)`` returns every finding, with the plan's rule settings applied.
The rule catalogue is being built (issue 3); until then the list of rules is empty.
"""

from __future__ import annotations

from ..model import Plan
from .findings import ElementRef, Finding, Fix


def check_plan(plan: Plan) -> list[Finding]:
    return []


__all__ = ["ElementRef", "Finding", "Fix", "check_plan"]
