"""Value axes for charts: a few round ticks over any range the plan admits, and short labels.

A chart that stepped its axis by a fixed 20 drew fifty thousand ticks for a pilot figure of a
million and never finished for a trillion: the step now comes from the range.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...rules.words import figure

__all__ = ["Axis", "figure", "nice_axis", "short_figure"]

MAX_TICKS = 7
"""Intervals an axis is cut into at most: about five to seven labels fit any chart width."""
NICE = (1.0, 2.0, 5.0, 10.0)
"""Steps are one of these times a power of ten, so tick labels read as round numbers."""
UNITS = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"))
"""Large figures are written in these, so a label stays a few characters wide."""


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    step: float

    @property
    def ticks(self) -> int:
        return round((self.high - self.low) / self.step) + 1


def nice_axis(low: float, high: float) -> Axis:
    """The smallest round step that cuts ``low``..``high`` into at most ``MAX_TICKS`` intervals,
    with both ends moved out to a multiple of it."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("an axis needs finite ends")
    low, high = min(low, high), max(low, high)
    span = high - low or abs(high) or 1.0
    raw = span / MAX_TICKS
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in NICE if m * power >= raw * (1 - 1e-9))
    top = math.ceil(high / step)
    top -= (top - 1) * step >= high  # 0.3 / 0.1 is 3.0000000000000004: the tick at 0.3 will do
    bottom = math.floor(low / step)
    bottom += (bottom + 1) * step <= low
    return Axis(bottom * step, top * step, step)


def short_figure(value: float, decimals: int = 0) -> str:
    """``1,500``, ``2.5 M``, ``1 tn``: a figure in a few characters, for ticks and bar labels."""
    for unit, name in UNITS:
        if abs(value) >= unit:
            return f"{value / unit:.3g} {name}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{decimals}f}"
