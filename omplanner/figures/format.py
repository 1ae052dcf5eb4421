"""One rounding rule for every figure a person reads, in every output.

A figure of 10 or more is shown whole ("17 %", "574 hours", "33 minutes"); below 10 with one decimal
("8.5 minutes", "0.5 %"), without a trailing ".0". The workbook stores the rounded value, so a cell
and the PDF and the app say the same number. Unknown is never a number: see ``capacity.UNKNOWN``.
"""

from __future__ import annotations


def rounded(value: float) -> float | int:
    """The value as people read it: whole from 10, one decimal below (an int when whole)."""
    found = round(float(value)) if abs(value) >= 10 else round(float(value), 1)
    return int(found) if float(found).is_integer() else found


def number(value: float) -> str:
    """``rounded`` as text, with thousands separated: "17", "8.5", "1,204"."""
    found = rounded(value)
    return f"{found:,}" if isinstance(found, int) else f"{found:,.1f}"


def percent_text(value: float) -> str:
    """A share in % as every output writes it: "17 %"."""
    return f"{number(value)} %"
