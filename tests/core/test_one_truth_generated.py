"""One truth on generated plans: whatever the plan (any text, loops, branches with odd labels,
missing minutes), the board pack and the workbook print the figures ``omplanner.figures`` and
``omplanner.integration`` compute, and an unknown figure is a dash in both, never 0."""

from __future__ import annotations

import math
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook
from pypdf import PdfReader

from omplanner.export.pdf import export_pdf
from omplanner.export.xlsx import export_xlsx
from omplanner.figures import UNKNOWN, expected_minutes, number
from omplanner.integration import integration_figures

from .strategies import plans


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans(max_use_cases=3))
def test_generated_plans_print_the_same_figures_in_the_pdf_and_the_workbook(plan, tmp_path):
    export_pdf(plan, tmp_path / "pack.pdf")
    export_xlsx(plan, tmp_path / "plan.xlsx")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "pack.pdf").pages)
    footers = re.findall(r"([\d,.]+) minutes of people's time per case expected", text)
    expected, cells = [], []
    for uc in plan.use_cases:
        for pmap in (uc.current, uc.redesigned):
            found = expected_minutes(plan, pmap)
            assert all(math.isfinite(v) and v >= 0 for v in found.visits.values())
            if pmap.steps:
                expected.append(number(found.people))
        figures = integration_figures(plan, uc)
        if figures.capacity_released_pct is None:
            assert figures.capacity_unknown_reason and figures.hours_released_per_month is None
        cells.append(
            (
                UNKNOWN if figures.capacity_released_pct is None else figures.capacity_released_pct,
                UNKNOWN if figures.hours_released_per_month is None else figures.hours_released_per_month,
            )
        )
    assert Counter(footers) == Counter(expected)
    ws = load_workbook(tmp_path / "plan.xlsx")["Summary"]
    if plan.use_cases:
        rows = list(ws[ws.tables["UseCases"].ref])
        header = [c.value for c in rows[0]]
        pct, hours = header.index("Process capacity released %"), header.index("Hours released per month")
        found = [(r[pct].value, r[hours].value) for r in rows[1:]]
        assert Counter(found) == Counter(cells)
