"""Reading a number a facilitator typed. Apart from the table's delegates, so that the form
fields (``ui.widgets.bindings``) do not import the table's modules with it.
"""

from __future__ import annotations

import math


def parse_optional_float(text: str) -> float | None:
    """Blank means 'not set'; a comma is accepted as the decimal mark (European rooms).
    ValueError for what is not a number a plan can hold: 'nan', 'inf' and overflowing figures
    parse as floats but mean nothing in a plan (the model refuses them too)."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is not a number")
    return value
