"""The workbook opens in LibreOffice: converted headless to PDF without an error."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from openpyxl.utils import get_column_letter
from pypdf import PdfReader

from omplanner.export.xlsx import export_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_libreoffice_converts_the_example_workbook(example_plan, tmp_path):
    workbook = export_xlsx(example_plan, tmp_path / "plan.xlsx")
    result = libreoffice_convert(workbook, "pdf", tmp_path, tmp_path / "profile")
    pdf = tmp_path / "plan.pdf"
    assert pdf.exists(), result.stdout + result.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Roadmap" in text and example_plan.use_cases[0].name in text
    assert "###" not in text  # no value too wide for its column


def libreoffice_convert(source, to: str, out, profile) -> subprocess.CompletedProcess:
    """``source`` converted ``to`` a format by headless LibreOffice into the folder ``out``, with a
    private ``profile`` (parallel runs must not share one)."""
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return result


def libreoffice_resave(source, tmp_path, name="recalculated"):
    """The workbook as LibreOffice writes it back (recalculated, its own way of typing values)."""
    out = tmp_path / name
    out.mkdir()
    libreoffice_convert(source, "xlsx", out, tmp_path / "profile")
    return out / source.name


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_an_edited_start_week_moves_dates_slack_and_the_bar_after_libreoffice_recalculates(example_plan, tmp_path):
    from openpyxl import load_workbook
    from openpyxl.formula.translate import Translator

    from omplanner.sequencing import analyse_roadmap
    from tests.core.xlsx_formulas import conditional_rules, evaluate

    path = export_xlsx(example_plan, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    ws = book["Roadmap"]
    header = [c.value for c in ws[ws.tables["Roadmap"].ref][0]]
    first = ws[ws.tables["Roadmap"].ref][1][0].row
    column = {h: i + 1 for i, h in enumerate(header)}
    index = next(i for i, item in enumerate(example_plan.roadmap) if item.id == "item-7")
    row = first + index
    ws.cell(row=row, column=column["Start week"]).value = 20  # the plan has it in week 16
    # Sorting the table by title must keep every formula and bar on its own row.
    body = [
        [c.value for c in r]
        for r in ws.iter_rows(min_row=first, max_row=first + len(example_plan.roadmap) - 1, max_col=len(header))
    ]
    order = sorted(range(len(body)), key=lambda i: body[i][0])
    for new, old in enumerate(order):
        for c, value in enumerate(body[old]):
            cell = ws.cell(row=first + new, column=c + 1)
            if isinstance(value, str) and value.startswith("="):
                # A sort moves a formula with its row: its own-row references follow it.
                value = Translator(
                    value, cell.coordinate.replace(str(first + new), str(first + old))
                ).translate_formula(cell.coordinate)
            cell.value = value
    book.save(path)

    recalculated = load_workbook(libreoffice_resave(path, tmp_path), data_only=True)["Roadmap"]
    rows = {
        r[column["OM Planner id"] - 1]: dict(zip(header, r))
        for r in recalculated.iter_rows(
            min_row=first, max_row=first + len(body) - 1, max_col=len(header), values_only=True
        )
    }
    edited = example_plan.model_copy(deep=True)
    edited.item("item-7").start_week = 19
    analysis = analyse_roadmap(edited)
    start = example_plan.details.start_date
    for item in edited.roadmap:
        got = rows[item.id]
        assert got["End week"] == item.last_week, item.id
        assert got["Start"].date() == start + timedelta(weeks=item.start_week), item.id
        assert got["End"].date() == start + timedelta(weeks=item.end_week, days=-1), item.id
        assert got["Slack (weeks)"] == analysis.slack[item.id], item.id
        assert (got["Critical path"] == "Yes") == (item.id in analysis.critical), item.id
    # The bar of the moved item, on whatever row the sort put it, now starts in week 20.
    sorted_row = first + order.index(index)
    weeks = {c.value: c.column for c in recalculated[first - 1] if isinstance(c.value, int) and c.column > len(header)}
    formula, anchor = next(
        (f, cells.split(":")[0])
        for cells, f, _ in conditional_rules(recalculated)
        if f'"{rows["item-7"]["Kind"]}",' in f and '"Yes"' not in f and ">=" in f
    )
    on = [
        w
        for w, col in weeks.items()
        if evaluate(recalculated, formula, anchor, f"{get_column_letter(col)}{sorted_row}")
    ]
    assert on == [20, 21, 22, 23]
