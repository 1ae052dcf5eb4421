"""How each sheet prints: the orientation and scale a person would choose, and who and when.

A sheet that fits a portrait page prints portrait; one that fits landscape prints landscape;
one that fits landscape only when shrunk is shrunk to the page width only while its 11-point
text stays at 8 points or more. Anything wider prints across pages, left to right and then
down, with its first column repeated so that each page's rows stay readable. Every page has the
plan's title, the export date and "Page n of m".
"""

from __future__ import annotations

import math
from datetime import date

from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .safe import one_line

BODY_POINTS = 11
SMALLEST_POINTS = 8
MARGIN_INCHES = 0.4
PAGE_INCHES = {"portrait": 8.27, "landscape": 11.69}  # A4 widths
DEFAULT_WIDTH = 8.43


def _inches(width: float) -> float:
    """A column's width in characters of the default font, as Excel prints it (7 px each + 5)."""
    return (width * 7 + 5) / 96


def sheet_inches(ws: Worksheet) -> float:
    total = 0.0
    for col in range(1, (ws.max_column or 1) + 1):
        dimension = ws.column_dimensions.get(get_column_letter(col))
        if dimension is not None and dimension.hidden:
            continue
        width = dimension.width if dimension is not None and dimension.width else DEFAULT_WIDTH
        total += _inches(width)
    return total


def choose_layout(width_inches: float) -> tuple[str, bool]:
    """(orientation, fit to width) for a sheet this wide."""
    printable = {k: v - 2 * MARGIN_INCHES for k, v in PAGE_INCHES.items()}
    if width_inches <= printable["portrait"]:
        return "portrait", True
    if width_inches * SMALLEST_POINTS / BODY_POINTS <= printable["landscape"]:
        return "landscape", True
    return "landscape", False


def _header_text(text: str) -> str:
    return one_line(text).replace("&", "&&")[:100]


def lay_out_pages(workbook: Workbook, title: str, exported: date) -> None:
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        orientation, fit = choose_layout(sheet_inches(ws))
        setup = ws.page_setup
        setup.orientation = orientation
        setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = fit
        if fit:
            setup.fitToWidth, setup.fitToHeight = 1, 0
        else:
            # As small as the type may go, to spread over as few pages as it can.
            setup.scale = math.ceil(100 * SMALLEST_POINTS / BODY_POINTS)
            setup.pageOrder = "overThenDown"
            ws.print_title_cols = "A:A"
        ws.page_margins.left = ws.page_margins.right = MARGIN_INCHES
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        for header in (ws.oddHeader, ws.evenHeader):
            header.left.text = _header_text(title)
            header.left.size = 8
            header.right.text = f"Exported {exported:%d %b %Y}"
            header.right.size = 8
        for footer in (ws.oddFooter, ws.evenFooter):
            footer.left.text = "&A"
            footer.left.size = 8
            footer.right.text = "Page &P of &N"
            footer.right.size = 8
