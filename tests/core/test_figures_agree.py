"""One truth: the example's board pack (PDF) and workbook, read back, say the same go-live, pilot
result and capacity released for each use case, because both read them from omplanner.figures."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from omplanner.export.pdf import export_pdf
from omplanner.export.xlsx import export_xlsx
from omplanner.fileio import load_plan
from omplanner.model import ItemKind
from omplanner.paths import example_path


@pytest.fixture(scope="module")
def plan():
    return load_plan(example_path("distributor"))


@pytest.fixture(scope="module")
def pdf_text(plan, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("pdf") / "pack.pdf"
    export_pdf(plan, path)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def book(plan, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "plan.xlsx"
    export_xlsx(plan, path)
    return load_workbook(path)


def _table(ws, name: str) -> list[dict]:
    rows = list(ws[ws.tables[name].ref])
    header = [c.value for c in rows[0]]
    return [dict(zip(header, (c.value for c in row), strict=True)) for row in rows[1:]]


def _workbook_go_lives(book) -> dict[str, tuple[int, object]]:
    """Deployment title -> (the week its go-live rule marks, the End date its formula computes)."""
    from openpyxl.utils import get_column_letter

    from tests.core.xlsx_formulas import conditional_rules, evaluate

    ws = book["Roadmap"]
    header_row = ws[ws.tables["Roadmap"].ref][0][0].row
    week_of = {c.column: c.value for c in ws[header_row] if isinstance(c.value, int) and c.column > 18}
    formula, anchor = next(
        (f, cells.split(":")[0])
        for cells, f, _ in conditional_rules(ws)
        if f'="{ItemKind.DEPLOYMENT.label}",' in f and ">=" not in f
    )
    start = ws["B4"].value.date()
    found = {}
    for offset, row in enumerate(_table(ws, "Roadmap"), start=1):
        if row["Kind"] != ItemKind.DEPLOYMENT.label:
            continue
        r = header_row + offset
        marks = [col for col in week_of if evaluate(ws, formula, anchor, f"{get_column_letter(col)}{r}")]
        assert len(marks) == 1, row["Title"]
        assert row["End"].startswith("=$B$4+(")  # the spreadsheet computes it, as here:
        end = start + timedelta(days=(row["Start week"] + row["Weeks"] - 1) * 7 - 1)
        found[row["Title"]] = (week_of[marks[0]], end)
    return found


def test_go_live_is_the_same_week_and_date_in_the_pdf_the_workbook_and_the_findings(plan, pdf_text, book):
    in_pdf = {
        title: (int(week), datetime.strptime(day, "%d %b %Y").date())
        for week, day, title in re.findall(r"Go-live in week (\d+) \((\d+ \w+ \d{4})\): (.+?) \(", pdf_text)
    }
    in_book = _workbook_go_lives(book)
    deployments = [i for i in plan.roadmap if i.kind is ItemKind.DEPLOYMENT]
    assert len(deployments) == 2
    # Deploy e-mail triage runs weeks 16-18: it goes live in week 18, not 16.
    assert in_pdf == in_book
    assert in_pdf["Deploy e-mail triage"][0] == 18
    assert in_pdf["Deploy invoice matching to production"][0] == 14
    # Rule messages, in the PDF's findings and the workbook's, use the same week.
    messages = [r["Explanation"] for r in _table(book["Findings"], "Findings")]
    weeks = {int(w) for m in messages for w in re.findall(r"'Customer e-mail triage' goes live in week (\d+)", m)}
    assert weeks == {18}
    assert set(re.findall(r"'Customer e-mail triage' goes live in week (\d+)", pdf_text)) == {"18"}
    assert "deploys in week" not in pdf_text and not any("deploys in week" in m for m in messages)


FORECAST_PILOT = "The pilot reduced errors by 20 % (forecast error reduced)"


def _use_case_rows(book) -> dict[str, dict]:
    return {row["Use case"]: row for row in _table(book["Summary"], "UseCases")}


def test_a_forecast_error_reduced_is_not_called_time_saved(pdf_text, book):
    assert FORECAST_PILOT in pdf_text
    assert "saved 20 %" not in pdf_text
    forecast = _use_case_rows(book)["Demand forecasting"]
    assert forecast["What the figures mean"].startswith(FORECAST_PILOT)
    assert forecast["Gap to pilot (points)"] is None  # an error rate is not set against capacity
    ap = _use_case_rows(book)["AP invoice matching"]
    assert ap["What the figures mean"].startswith("The pilot saved 40 % per task")
    assert "The pilot saved 40 % per task" in pdf_text


NO_MAPS = "no current or redesigned process map"


def test_an_unknown_capacity_is_a_dash_with_its_reason_never_zero(pdf_text, book):
    forecast = _use_case_rows(book)["Demand forecasting"]
    assert forecast["Process capacity released %"] == forecast["Hours released per month"] == "—"
    ws = book["Summary"]
    comments = {c.comment.text for row in ws[ws.tables["UseCases"].ref] for c in row if c.comment}
    assert comments == {f"Unknown: {NO_MAPS}."}
    assert f"the process-level figure is unknown: {NO_MAPS}" in forecast["What the figures mean"]
    assert f"the process-level figure is unknown: {NO_MAPS}" in pdf_text


def test_missing_step_minutes_are_named_in_the_pdf_and_the_workbook(plan, tmp_path):
    changed = plan.model_copy(deep=True)
    email = changed.use_case("uc-email")
    timed = [s for s in email.current.steps if s.kind.value in ("task", "handoff") and not s.is_ai]
    timed += [s for s in email.redesigned.steps if s.kind.value in ("task", "handoff") and not s.is_ai]
    for s in timed[:2]:
        s.minutes = 0
    reason = f"step minutes missing on 2 of {len(timed)} steps"
    export_pdf(changed, tmp_path / "pack.pdf")
    export_xlsx(changed, tmp_path / "plan.xlsx")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "pack.pdf").pages)
    assert f"the process-level figure is unknown: {reason}" in text
    row = _use_case_rows(load_workbook(tmp_path / "plan.xlsx"))["Customer e-mail triage"]
    assert row["Process capacity released %"] == "—"
    assert f"the process-level figure is unknown: {reason}" in row["What the figures mean"]
