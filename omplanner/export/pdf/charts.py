"""Charts for the executive summary, in the house fonts and palette."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing, Rect, String

from ... import vocabulary
from ...model import Component
from . import styles as st
from .axis import Axis, nice_axis, short_figure
from .fonts import BOLD, REGULAR, drawing
from .textfit import clip, wrap

SERIES = [st.colors.HexColor(light) for light, _dark in vocabulary.SERIES]


RADAR_SERIES = len(SERIES)
"""Strands per radar: beyond this the colours repeat and the web cannot be read, so more use
cases are drawn as further radars of this many (``radars``)."""
BARS_PER_CHART = 12
"""Use cases per pilot chart (about 440 pt tall): a plan with more gets several charts."""


def radars(series: list[tuple[str, list[int]]], width: float) -> list[Drawing]:
    """One radar per group of ``RADAR_SERIES`` use cases, in order."""
    return [radar(series[k : k + RADAR_SERIES], width) for k in range(0, len(series), RADAR_SERIES)]


OVERLAID = 2
"""Use cases one radar shows together; more are drawn as small multiples (``radar_grid``):
three or more shapes on one web hide each other."""
GRID_COLUMNS = 3
CELL_H = 140.0


def radar_grid(series: list[tuple[str, list[int], int]], width: float) -> list[Drawing]:
    """Small multiples: one small radar per use case, on the same 0-5 web, in its colour (the
    ``int`` is the use case's place in the plan, which sets its colour in the app as here),
    with the mean of them all drawn grey and dashed behind each for comparison. One drawing per
    row of ``GRID_COLUMNS``, so a long grid flows on to the next page between rows."""
    mean = [sum(values[k] for _, values, _ in series) / len(series) for k in range(len(Component))]
    cell_w = width / GRID_COLUMNS
    rows = []
    for start in range(0, len(series), GRID_COLUMNS):
        d = drawing(width, CELL_H)
        for j, (name, values, place) in enumerate(series[start : start + GRID_COLUMNS]):
            _small_radar(d, j * cell_w, cell_w, name, values, SERIES[place % len(SERIES)], mean)
        rows.append(d)
    return rows


def _small_radar(d: Drawing, x: float, w: float, name: str, values: list[int], colour, mean: list[float]) -> None:
    size = 90.0
    lines, _ = wrap(name, BOLD, 7.5, w - 22, 2)
    top = CELL_H - 10
    d.add(Rect(x + 4, top - 1, 8, 8, fillColor=colour, strokeColor=None))
    for k, line in enumerate(lines):
        d.add(String(x + 16, top - k * 9.5, line, fontName=BOLD, fontSize=7.5, fillColor=st.INK))
    chart = SpiderChart()
    chart.x, chart.y, chart.width, chart.height = x + (w - size) / 2, 20, size, size
    rings = [[k] * len(Component) for k in range(1, 6)]
    chart.data = [*rings, mean, values]
    chart.labels = [vocabulary.COMPONENT[c].short for c in Component]
    for k in range(len(rings)):
        chart.strands[k].strokeColor = st.RULE
        chart.strands[k].fillColor = None
        chart.strands[k].strokeWidth = 0.5
    average = chart.strands[len(rings)]
    average.strokeColor, average.fillColor, average.strokeWidth = st.MUTED, None, 0.8
    average.strokeDashArray = [2, 1.5]
    strand = chart.strands[len(rings) + 1]
    strand.strokeColor = colour
    strand.fillColor = st.colors.Color(colour.red, colour.green, colour.blue, alpha=0.22)
    strand.strokeWidth = 1.5
    strand.symbol = "FilledCircle"
    strand.symbolSize = 3
    chart.spokes.strokeColor = st.RULE
    chart.spokes.strokeWidth = 0.5
    chart.spokeLabels.fontName = REGULAR
    chart.spokeLabels.fontSize = 6.5
    chart.spokeLabels.fillColor = st.NAVY
    chart.strandLabels.format = None
    d.add(chart)
    low = min(values)
    weakest = [vocabulary.COMPONENT[c].short for c, v in zip(Component, values) if v == low]
    note = f"Lowest: {', '.join(weakest)} ({low} of 5)"
    d.add(
        String(
            x + w / 2,
            3,
            clip(note, REGULAR, 6.5, w - 8),
            fontName=REGULAR,
            fontSize=6.5,
            fillColor=st.MUTED,
            textAnchor="middle",
        )
    )


def radar(series: list[tuple[str, list[int]]], width: float, height: float = 195) -> Drawing:
    """The five components as spokes, one strand per use case, on a fixed 0-5 web."""
    d = drawing(width, height)
    chart = SpiderChart()
    size = height - 50
    chart.x, chart.y, chart.width, chart.height = 70, 22, size, size
    rings = [[k] * len(Component) for k in range(1, 6)]
    chart.data = rings + [values for _, values in series]
    chart.labels = [c.label for c in Component]
    for k in range(len(rings)):
        chart.strands[k].strokeColor = st.RULE
        chart.strands[k].fillColor = None
        chart.strands[k].strokeWidth = 0.5
    for i in range(len(series)):
        colour = SERIES[i % len(SERIES)]
        strand = chart.strands[len(rings) + i]
        strand.strokeColor = colour
        strand.fillColor = st.colors.Color(colour.red, colour.green, colour.blue, alpha=0.12)
        strand.strokeWidth = 1.6
        strand.symbol = "FilledCircle"
        strand.symbolSize = 3.5
    chart.spokes.strokeColor = st.RULE
    chart.spokes.strokeWidth = 0.5
    chart.spokeLabels.fontName = BOLD
    chart.spokeLabels.fontSize = 7
    chart.spokeLabels.fillColor = st.NAVY
    chart.strandLabels.format = None
    d.add(chart)
    # Our own legend: reportlab's Legend measures text in Helvetica.
    x0, y = 70 + size + 50, height - 40
    d.add(String(x0, y + 14, "Agreed score, 1 to 5", fontName=BOLD, fontSize=7, fillColor=st.MUTED))
    for i, (name, _) in enumerate(series):
        colour = SERIES[i % len(SERIES)]
        d.add(Rect(x0, y - i * 14, 9, 9, fillColor=colour, strokeColor=None))
        d.add(
            String(
                x0 + 14,
                y - i * 14 + 1.5,
                clip(name, REGULAR, 7.5, width - x0 - 16),
                fontName=REGULAR,
                fontSize=7.5,
                fillColor=st.INK,
            )
        )
    return d


def pilot_charts(rows: list[tuple[str, float, float]], width: float) -> list[Drawing]:
    """``pilot_vs_process`` in charts of at most ``BARS_PER_CHART`` use cases, on one scale.

    One chart grew 34 pt per use case until it was taller than the page and the export failed."""
    scale = pilot_axis(rows)
    return [pilot_vs_process(rows[k : k + BARS_PER_CHART], width, scale) for k in range(0, len(rows), BARS_PER_CHART)]


def pilot_axis(rows: list[tuple[str, float, float]]) -> Axis:
    """0 to 100 % at least, widened to every figure (a pilot may claim 10 million %, or lose)."""
    values = [v for r in rows for v in r[1:]]
    return nice_axis(min(0.0, *values), max(100.0, *values))


def _percent(value: float) -> str:
    return f"{short_figure(value)} %"


def pilot_vs_process(rows: list[tuple[str, float, float]], width: float, scale: Axis | None = None) -> Drawing:
    """Per use case: the pilot's task-level saving beside the process-level capacity released (%)."""
    scale = scale or pilot_axis(rows)
    bar_h = 34
    height = 30 + bar_h * len(rows)
    d = drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 18
    chart.width, chart.height = width - 190, height - 30
    # Series 1 is drawn above series 0 within a group: the pilot goes on top, as read first.
    chart.data = [[r[2] for r in reversed(rows)], [r[1] for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [clip(r[0], REGULAR, 7.5, 140) for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = st.INK
    chart.categoryAxis.strokeColor = st.RULE
    chart.valueAxis.valueMin = scale.low
    chart.valueAxis.valueMax = scale.high
    chart.valueAxis.valueStep = scale.step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fillColor = st.MUTED
    chart.valueAxis.labelTextFormat = _percent
    chart.valueAxis.strokeColor = st.RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = st.RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars[0].fillColor = st.TEAL
    chart.bars[1].fillColor = st.colors.HexColor("#A9B4C2")
    chart.bars.strokeColor = None
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = 6.5
    chart.barLabelFormat = _percent
    chart.barLabels.nudge = 10
    chart.groupSpacing = 8
    d.add(chart)
    y = height - 8
    for k, (label, colour) in enumerate(
        (("Pilot, task level", chart.bars[1].fillColor), ("Process level, capacity released", st.TEAL))
    ):
        x = 150 + k * 110
        d.add(Rect(x, y - 1, 9, 7, fillColor=colour, strokeColor=None))
        d.add(String(x + 13, y, label, fontName=REGULAR, fontSize=7, fillColor=st.INK))
    return d
