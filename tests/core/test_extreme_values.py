"""Every figure, chart and page is safe for every value the model admits (docs/file-format.md).

A pilot figure of ten million made the PDF take minutes (the chart's axis stepped by 20 up to
it), a name at the model's longest made the rules fail while proposing a fix, and a start date
in 2199 is as good as one in 2026. Each test here failed before its fix."""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.graphics.charts.barcharts import HorizontalBarChart

from omplanner.export.pdf import charts, export_pdf
from omplanner.export.pdf.axis import figure, nice_axis, short_figure
from omplanner.export.pdf.blocks import LISTED
from omplanner.export.pdf.fonts import register_fonts
from omplanner.export.xlsx import export_xlsx
from omplanner.model import ItemKind, Plan, Role
from omplanner.model.base import MAX_LONG_TEXT, MAX_NUMBER, MAX_REFS, MAX_TEXT
from omplanner.model.plan import EARLIEST_DATE, LATEST_DATE, MAX_POSITION
from omplanner.rules import check_plan


def _pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


# -- charts: a few round ticks over any range -----------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "step"),
    [(0, 100, 20), (0, 1e7, 2e6), (0, MAX_NUMBER, 2e11), (-MAX_NUMBER, 100, 2e11), (0, 130, 20), (-35, 100, 20)],
)
def test_an_axis_takes_a_round_step_from_its_range(low, high, step):
    axis = nice_axis(low, high)
    assert axis.step == pytest.approx(step)
    assert axis.low <= low and axis.high >= high
    assert 3 <= axis.ticks <= 8


@pytest.mark.parametrize("value", [1e7, MAX_NUMBER, -MAX_NUMBER, 0.001])
def test_the_pilot_chart_has_a_handful_of_ticks_whatever_the_figure(value):
    register_fonts()
    drawing = charts.pilot_charts([("Invoices", value, 30.0), ("E-mail", 55.0, 34.0)], 480)[0]
    chart = next(c for c in drawing.contents if isinstance(c, HorizontalBarChart))
    axis = chart.valueAxis
    assert (axis.valueMax - axis.valueMin) / axis.valueStep <= 8
    assert axis.valueMin <= min(value, 0) and axis.valueMax >= max(value, 100)


def test_figures_are_written_short_on_a_chart_and_in_full_in_text():
    assert [short_figure(v) for v in (40, 1500, 2.5e6, -1e12)] == ["40", "1,500", "2.5 M", "-1 tn"]
    assert [figure(v) for v in (40, 12.5, 1e7, -MAX_NUMBER)] == ["40", "12.5", "10,000,000", "-1,000,000,000,000"]


def test_a_pilot_figure_of_a_trillion_exports_with_a_readable_chart_and_table(example_plan: Plan, tmp_path):
    example_plan.use_cases[0].pilot_kpi.value = MAX_NUMBER
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target)
    text = _pdf_text(target)
    assert "1 tn %" in text  # the bar's label and the axis's last tick
    assert "1,000,000,000,000 %" in text  # the table under the chart, in full
    assert "e+12" not in text


# -- names at the model's longest -----------------------------------------------------------------


def _longest_names(plan: Plan) -> None:
    """Every name and title at ``MAX_TEXT`` characters, and every step at the canvas's lowest edge."""
    for role in plan.roles:
        role.name = "r" * MAX_TEXT
    for uc in plan.use_cases:
        uc.name = "u" * MAX_TEXT
        for _variant, pmap in (("current", uc.current), ("redesigned", uc.redesigned)):
            for step in pmap.steps:
                step.name = "s" * MAX_TEXT
                step.y = MAX_POSITION
    for d in plan.decisions:
        d.name = "d" * MAX_TEXT
    for item in plan.roadmap:
        item.title = "t" * MAX_TEXT


def test_the_rules_check_and_fix_a_plan_whose_names_are_as_long_as_the_model_admits(example_plan: Plan):
    """A fix used to quote the whole name inside the name it gives what it adds (a threshold,
    an exception step, a roadmap item): one character too long, and checking the plan failed."""
    _longest_names(example_plan)
    # no decision-rights work on the roadmap: SEQ-010 proposes it, named after the use case
    gone = {i.id for i in example_plan.roadmap if i.kind is ItemKind.DECISION_RIGHTS}
    example_plan.roadmap = [i for i in example_plan.roadmap if i.id not in gone]
    for item in example_plan.roadmap:
        item.depends_on = [d for d in item.depends_on if d not in gone]
    findings = check_plan(example_plan)
    fixes = [f.fix for f in findings if f.fix is not None]
    codes = {f.code for f in findings if f.fix is not None}
    assert {"PRO-001", "DEC-002", "SEQ-010"} <= codes
    for fix in fixes:
        plan = copy.deepcopy(example_plan)
        fix.command.apply(plan)  # every added element is a valid one


# -- dates at the ends of the range ---------------------------------------------------------------


def _longest_roadmap(plan: Plan, start: date) -> None:
    plan.details.start_date = start
    plan.roadmap[-1].start_week = 520
    plan.roadmap[-1].duration_weeks = 260


@pytest.mark.parametrize("start", [EARLIEST_DATE, LATEST_DATE])
def test_a_roadmap_at_either_end_of_the_date_range_exports_to_pdf_and_xlsx(example_plan: Plan, tmp_path, start):
    _longest_roadmap(example_plan, start)
    pdf, xlsx = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    export_pdf(example_plan, pdf)
    text = _pdf_text(pdf)
    last = (start + timedelta(weeks=780, days=-1)).year  # the last item ends in week 780
    # each chart names its years in the corner (its months are too narrow to), and the charts
    # run to the last item's end without a page for each empty year between
    assert f"Work item {start.year}–" in text
    assert re.search(rf"Work item (\d{{4}}–)?{last} ", text)
    charts_drawn = int(re.search(r"Chart 1 of (\d+)", text).group(1))
    assert charts_drawn <= 6
    export_xlsx(example_plan, xlsx)
    sheet = load_workbook(xlsx)["Roadmap"]
    assert sheet["B4"].value.date() == start  # the calendar every date formula reads
    header = next(r for r in sheet.iter_rows() if any(c.value == "OM Planner id" for c in r))
    column = {c.value: c.column_letter for c in header}
    row = next(c.row for c in sheet[column["OM Planner id"]] if c.value == example_plan.roadmap[-1].id)
    first, weeks = sheet[f"{column['Start week']}{row}"].value, sheet[f"{column['Weeks']}{row}"].value
    assert sheet[f"{column['End']}{row}"].value == f"=$B$4+({column['Start week']}{row}+{column['Weeks']}{row}-1)*7-1"
    # What the spreadsheet computes from them:
    assert (start + timedelta(days=(first + weeks - 1) * 7 - 1)).year == last


# -- long text and long lists ---------------------------------------------------------------------


def test_a_thousand_references_and_the_longest_notes_export_to_pdf_and_xlsx(example_plan: Plan, tmp_path):
    """Four RACI lists of a thousand roles made one decision's row take seconds to lay out (the
    whole pack most of a minute): a cell now lists the first names and how many more."""
    extra = [Role(id=f"role-x{k}", name=f"Extra role {k}") for k in range(MAX_REFS)]
    example_plan.roles += extra
    ids = [r.id for r in extra]
    decision = example_plan.decisions[0]
    decision.accountable = decision.responsible = decision.consulted = decision.informed = ids
    example_plan.use_cases[0].governance.escalation_path = ids
    notes = " ".join(f"n{k}" for k in range(MAX_LONG_TEXT // 7))
    assert len(notes) <= MAX_LONG_TEXT
    example_plan.details.notes = notes
    pdf, xlsx = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    export_pdf(example_plan, pdf)
    text = _pdf_text(pdf)
    assert "Extra role 0, Extra role 1, Extra role 2" in text
    assert f"and {MAX_REFS - LISTED} more" in text
    assert "Extra role 999" not in text
    assert notes.split()[-1] in text.split()  # the notes arrive whole
    export_xlsx(example_plan, xlsx)
    sheet = load_workbook(xlsx, read_only=True)["Decision rights"]
    cells = {v for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)}
    assert "Extra role 999" in cells  # the workbook keeps every role


@pytest.mark.parametrize("text", ["=" * 40_001, "=" + "x" * (MAX_LONG_TEXT - 1)])
def test_long_text_that_starts_like_a_formula_exports_to_pdf_and_xlsx(example_plan: Plan, tmp_path, text):
    example_plan.decisions[0].rationale = text
    example_plan.use_cases[0].governance.autonomy_statement = text
    example_plan.details.notes = text
    example_plan.roadmap[0].notes = text
    pdf, xlsx = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    export_pdf(example_plan, pdf)
    assert text[:60] in _pdf_text(pdf).replace(" ", "")
    export_xlsx(example_plan, xlsx)
    book = load_workbook(xlsx)
    kept = text if len(text) <= 32_767 else text[:32_766] + "…"  # a cell holds 32,767 characters
    found = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == kept]
    assert found and all(c.data_type == "s" and c.quotePrefix for c in found)
