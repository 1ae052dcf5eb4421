"""The fields schema 3 added reach the workbook and the board pack: a role's kind, a use case's
process-level outcome measure, the four data answers and an exception route's trigger."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from omplanner.export.pdf import export_pdf
from omplanner.export.xlsx import export_xlsx


def _rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _row_with(rows, value):
    return next(r for r in rows if value in r)


def test_the_workbook_shows_outcome_owner_kind_data_answers_and_triggers(example_plan, tmp_path):
    path = tmp_path / "plan.xlsx"
    export_xlsx(example_plan, path)
    book = load_workbook(path)
    governance = _rows(book["Governance"])
    header = _row_with(governance, "Process-level outcome measure")
    ap = _row_with(governance, "AP invoice matching")
    assert ap[header.index("Process-level outcome measure")] == (
        "AP team capacity released across the whole invoice process"
    )
    assert (ap[header.index("Outcome baseline")], ap[header.index("Outcome target")]) == (0, 20)
    assert ap[header.index("Owner role's kind")] == "Person, senior"

    sources = _rows(book["Data sources"])
    header = _row_with(sources, "Where it comes from")
    grn = _row_with(sources, "Goods receipts")
    assert grn[header.index("Latency")] == "Partly known: Usually fine"
    assert grn[header.index("Where it comes from")] == "Known: Warehouse system"

    processes = _rows(book["Processes"])
    header = _row_with(processes, "Exception when")
    capture = _row_with(processes, "Capture invoice data")
    assert capture[header.index("Exception when")].startswith("A field read below the threshold")


def test_the_board_pack_shows_the_outcome_measure_owner_kind_and_data_answers(example_plan, tmp_path):
    path = tmp_path / "pack.pdf"
    export_pdf(example_plan, path)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "AP team capacity released across the whole invoice process: from 0 % to 20 %" in text
    assert "Financial controller, person, senior" in text
    assert "Partly known: Usually fine" in text
    assert "from: Known: Warehouse system" in text
