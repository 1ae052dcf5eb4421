"""Excel and PDF export of the large plan, against the bare library writing the same amount."""

from __future__ import annotations

import importlib
from pathlib import Path

from omplanner.fileio import load_plan

from .common import NotAvailable, Row, median_times


def _exporter(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise NotAvailable(f"{module}.{name} is not on main yet") from None


def xlsx(large: Path, repeats: int, tmp: Path) -> Row:
    export_xlsx = _exporter("omplanner.export.xlsx", "export_xlsx")
    from openpyxl import Workbook, load_workbook

    plan = load_plan(large)
    out = tmp / "plan.xlsx"
    export_xlsx(plan, out)
    # The baseline writes as many cells, on as many sheets of the same shape, with plain openpyxl.
    shapes = []
    book = load_workbook(out, read_only=True)
    for sheet in book.worksheets:
        rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        shapes.append(rows)
    book.close()
    cells = sum(1 for rows in shapes for row in rows for c in row if c is not None)

    def bare() -> None:
        wb = Workbook()
        wb.remove(wb.active)
        for i, rows in enumerate(shapes):
            ws = wb.create_sheet(f"Sheet {i}")
            for row in rows:
                ws.append(row)
        wb.save(tmp / "bare.xlsx")

    bare()  # ours has run once above: now both sides have, untimed
    ours, baseline = median_times(lambda: export_xlsx(plan, out), bare, repeats, warm_up=False)
    return Row("Excel export, large plan (vs plain openpyxl)", ours, baseline, 1.5, note=f"{cells} cells")


def xlsx_import(large: Path, repeats: int, tmp: Path) -> Row:
    """Comparing the large plan's workbook with the plan (no edits), against openpyxl loading it."""
    import_workbook = _exporter("omplanner.workbook_import", "import_workbook")
    export_xlsx = _exporter("omplanner.export.xlsx", "export_xlsx")
    from openpyxl import load_workbook

    plan = load_plan(large)
    out = tmp / "import.xlsx"
    export_xlsx(plan, out)
    result = import_workbook(plan, out)
    assert not (result.changes or result.errors), "an untouched workbook must change nothing"

    def bare() -> None:
        load_workbook(out).close()

    ours, baseline = median_times(lambda: import_workbook(plan, out), bare, repeats)
    return Row("Workbook import, large plan, no edits (vs openpyxl loading it)", ours, baseline, 1.0)


def pdf(large: Path, repeats: int, tmp: Path) -> Row:
    export_pdf = _exporter("omplanner.export.pdf", "export_pdf")
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    plan = load_plan(large)
    out = tmp / "plan.pdf"
    export_pdf(plan, out)
    reader = PdfReader(out)
    lines = [line for page in reader.pages for line in (page.extract_text() or "").splitlines() if line.strip()]

    def bare() -> None:
        # The same rows of text in plain tables of a page's worth each: one table of 40,000 rows
        # makes reportlab split it again and again (minutes), which is no baseline to beat.
        doc = SimpleDocTemplate(str(tmp / "bare.pdf"), pagesize=A4)
        rows = [[line[:110]] for line in lines]
        doc.build([Table(rows[i : i + 45]) for i in range(0, len(rows), 45)])

    bare()  # ours has run once above: now both sides have, untimed
    # (repeats + 1) // 2 pairs: three for the default five, so the figure is a median, not a mean of two.
    pairs = max(1, (repeats + 1) // 2)
    ours, baseline = median_times(lambda: export_pdf(plan, out), bare, pairs, warm_up=False)
    return Row(
        "PDF export, large plan (vs plain reportlab table)",
        ours,
        baseline,
        2.0,
        note=f"{len(reader.pages)} pages, {len(lines)} lines",
    )
