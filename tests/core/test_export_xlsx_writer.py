"""The workbook writer writes plain cells itself: its file must be openpyxl's, byte for byte."""

from __future__ import annotations

import datetime
import zipfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from omplanner.export.xlsx import export_xlsx
from omplanner.export.xlsx.writer import save_workbook


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        # core.xml holds the time of saving; everything else must match exactly.
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def _every_kind_of_cell() -> Workbook:
    wb = Workbook()
    ws = wb.active
    bold = Font(bold=True)
    values = [
        "plain",
        " leading space",
        "trailing space ",
        "   ",
        "",
        "a & b < c > d \"quoted\" 'single'",
        "line one\nline two",
        "tab\there",
        "Łódź → ✓ 東京",
        "carriage\rreturn",
        "\n",
        "delete \x7f and emoji 😀 and é\r",
        "<&>\"' \t",
        "=SUM(1, 2)",
        0,
        -3,
        1.5,
        0.1 + 0.2,
        1e20,
        1e-7,
        True,
        False,
        None,
        datetime.date(2026, 1, 2),
        datetime.datetime(2026, 1, 2, 13, 45),
        CellRichText([TextBlock(InlineFont(b=True), "rich"), " text"]),
    ]
    for row, value in enumerate(values, start=1):
        ws.cell(row=row, column=1, value=value)
        styled = ws.cell(row=row, column=2, value=value)
        styled.font = bold
        styled.fill = PatternFill("solid", fgColor="FFEEAA")
    ws.cell(row=1, column=3).fill = PatternFill("solid", fgColor="112233")  # styled and empty
    ws.cell(row=2, column=3, value="with a comment").comment = Comment("note", "me")
    ws.cell(row=3, column=3, value="link").hyperlink = "https://example.org"
    ws.cell(row=3, column=3).value = "link"
    ws.cell(row=30, column=5, value="a lone cell far away")
    ws.row_dimensions[4].height = 30
    ws.row_dimensions[31].height = 12  # a row with a height and no cells
    return wb


def test_plain_cells_are_written_exactly_as_openpyxl_writes_them(tmp_path):
    """With lxml installed (a dependency), openpyxl writes through it, and so do we: the rows are
    written as lxml writes them (ASCII with references, empty elements with end tags)."""
    from openpyxl import LXML

    assert LXML
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    save_workbook(_every_kind_of_cell(), ours)
    _every_kind_of_cell().save(theirs)
    assert _members(ours) == _members(theirs)


def test_the_example_workbook_is_the_one_openpyxl_would_write(example_plan, tmp_path, monkeypatch):
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    export_xlsx(example_plan, ours)

    def plain_save(workbook, path):
        workbook.save(path)

    monkeypatch.setattr("omplanner.export.xlsx.writer.save_workbook", plain_save)
    export_xlsx(example_plan, theirs)
    members = _members(ours)
    assert members == _members(theirs)
    assert any(name.startswith("xl/worksheets/sheet") for name in members)
