"""A plan with many use cases: the summary's charts are split, never drawn taller than a page.

Before: with about 20 use cases holding a % pilot result and a capacity figure, the "Pilot
result against capacity released" chart outgrew the page and the export failed."""

from __future__ import annotations

import json
import math

from pypdf import PdfReader

from omplanner.export.analysis import analyse_plan
from omplanner.export.pdf import export_pdf
from omplanner.export.pdf.charts import BARS_PER_CHART
from omplanner.model import Plan


def _ids(obj, found: set) -> set:
    if isinstance(obj, dict):
        found.update(v for k, v in obj.items() if k == "id")
        for v in obj.values():
            _ids(v, found)
    elif isinstance(obj, list):
        for v in obj:
            _ids(v, found)
    return found


def _many(plan: Plan, count: int) -> Plan:
    """Copies of the example's use cases with a % pilot KPI (maps, governance, agreed scores)."""
    data = plan.model_dump(mode="json")
    sources = [u for u in data["use_cases"] if (u["pilot_kpi"].get("unit") or "").strip() == "%"]
    k = 0
    while len(data["use_cases"]) < count:
        source = sources[k % len(sources)]
        text = json.dumps(source)
        for old in sorted(_ids(source, set()), key=len, reverse=True):
            text = text.replace(json.dumps(old), json.dumps(f"{old}-c{k}"))
        copy = json.loads(text)
        copy["name"] = f"Copy {k} of {source['name']}"
        data["use_cases"].append(copy)
        for sc in [s for s in data["scores"] if s["use_case"] == source["id"] and not s["participant"]]:
            data["scores"].append({**sc, "id": f"{sc['id']}-c{k}", "use_case": copy["id"], "elements": []})
        k += 1
    return Plan.model_validate(data)


def test_forty_use_cases_export_with_the_charts_split(example_plan, tmp_path):
    plan = _many(example_plan, 40)
    target = tmp_path / "pack.pdf"
    export_pdf(plan, target)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(target).pages]
    text = " ".join(pages)
    figures = analyse_plan(plan).figures.values()
    with_bars = sum(1 for f in figures if f.capacity_released_pct is not None and f.pilot_unit.strip() == "%")
    assert with_bars > 2 * BARS_PER_CHART
    assert text.count("Process level, capacity released") == math.ceil(with_bars / BARS_PER_CHART)
    scored = {sc.use_case for sc in plan.scores if not sc.participant}
    # small multiples: one small radar per scored use case, each saying its lowest component
    assert text.count("Agreed score on each component") == 1
    assert text.count("Lowest:") == len(scored) > 6
    for uc in plan.use_cases:
        assert uc.name in text


def test_each_use_case_has_its_own_small_radar_in_the_apps_colour(example_plan):
    """Three or more use cases are small multiples, not shapes on one web; the colour is the
    one the app's diagnostic radar gives the use case (by its place in the plan)."""
    from reportlab.graphics.charts.spider import SpiderChart

    from omplanner.export.pdf.charts import SERIES, radar_grid

    plan = _many(example_plan, 7)
    series = []
    for place, uc in enumerate(plan.use_cases):
        values = [sc.value for sc in plan.scores if sc.use_case == uc.id and not sc.participant]
        if len(values) == 5:
            series.append((uc.name, values, place))
    assert len(series) >= 6
    rows = radar_grid(series, 480)
    charts = [c for row in rows for c in row.contents if isinstance(c, SpiderChart)]
    assert len(charts) == len(series)  # one web each
    for chart, (_name, values, place) in zip(charts, series):
        assert chart.data[-1] == values
        assert chart.strands[len(chart.data) - 1].strokeColor == SERIES[place % len(SERIES)]
