"""Writing cells and Excel tables: the one place values, styles and widths are decided.

Styles are resolved once per kind of cell and then copied onto each cell (openpyxl's public
style setters look every Font/Fill/Border up in the workbook's lists on every assignment, which
would make a large plan several times slower to export than its cell count warrants).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from .safe import FORMULA_TRIGGERS, clean_text, table_name, unique_headers

_TRIGGER_SET = frozenset(FORMULA_TRIGGERS)

INK = "1F2937"
HEADER_FILL = "1F4E79"
TITLE_INK = "1F4E79"
MUTED = "6B7280"
GRID = "D1D5DB"
DATE_FORMAT = "d mmm yyyy"

_thin = Side(style="thin", color=GRID)
_GRID_BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)

STYLE_SPECS: dict[str, dict] = {
    "title": {"font": Font(name="Calibri", size=18, bold=True, color=TITLE_INK)},
    "subtitle": {"font": Font(name="Calibri", size=11, italic=True, color=MUTED)},
    "section": {"font": Font(name="Calibri", size=13, bold=True, color=TITLE_INK)},
    "label": {"font": Font(name="Calibri", bold=True, color=INK)},
    "note": {"font": Font(name="Calibri", size=9, italic=True, color=MUTED), "alignment": Alignment(wrap_text=False)},
    "value": {"font": Font(name="Calibri", color=INK), "alignment": Alignment(horizontal="left")},
    "value_date": {
        "font": Font(name="Calibri", color=INK),
        "alignment": Alignment(horizontal="left"),
        "number_format": DATE_FORMAT,
    },
    "header": {
        "font": Font(name="Calibri", bold=True, color="FFFFFF"),
        "fill": PatternFill("solid", fgColor=HEADER_FILL),
        "alignment": Alignment(vertical="center", wrap_text=True),
        "border": _GRID_BORDER,
    },
    "body": {"alignment": Alignment(vertical="top"), "border": _GRID_BORDER},
    "body_wrap": {"alignment": Alignment(vertical="top", wrap_text=True), "border": _GRID_BORDER},
    "body_center": {"alignment": Alignment(vertical="top", horizontal="center"), "border": _GRID_BORDER},
    "body_date": {"alignment": Alignment(vertical="top"), "border": _GRID_BORDER, "number_format": DATE_FORMAT},
}


class Styler:
    """Applies named styles (plus the quote prefix) by copying a resolved style array."""

    def __init__(self, specs: dict[str, dict] | None = None):
        self._specs = dict(STYLE_SPECS if specs is None else specs)
        self._arrays: dict[tuple[str, bool], object] = {}

    def define(self, name: str, **spec) -> None:
        self._specs[name] = spec
        for key in [k for k in self._arrays if k[0] == name]:
            del self._arrays[key]

    def spec(self, name: str) -> dict:
        return dict(self._specs[name])

    def _resolve(self, cell, name: str, quote: bool) -> StyleArray:
        cell._style = StyleArray()
        for attribute, value in self._specs[name].items():
            setattr(cell, attribute, value)
        if quote:
            cell.quotePrefix = True
        return cell._style

    def apply(self, cell, name: str, quote: bool = False) -> None:
        key = (name, quote)
        array = self._arrays.get(key)
        if array is None:
            # The first cell of a style resolves it against its workbook's style lists.
            array = self._arrays[key] = self._resolve(cell, name, quote)
        cell._style = array


class Formula(str):
    """A formula (without its leading "=") to write as one (``put`` writes any other string as text, never a formula).
    ``width`` is the characters its result needs, for fitting the column."""

    width: int = 6

    def __new__(cls, text: str, width: int = 6):
        made = super().__new__(cls, text)
        made.width = width
        return made


_new_cell = Cell.__new__


def _fresh_cell(ws: Worksheet, row: int, col: int) -> Cell:
    """A cell made as ``Cell(ws, row, col)`` does, without the style array it would build
    only for us to replace it."""
    cell = _new_cell(Cell)
    cell.parent = ws
    cell.row = row
    cell.column = col
    cell._value = None
    cell._hyperlink = None
    cell._comment = None
    cell.data_type = "n"
    ws._cells[(row, col)] = cell
    return cell


def put(ws: Worksheet, row: int, col: int, value, styler: Styler | None = None, style: str | None = None):
    """Write one value into a fresh cell: user text stays text (string type forced, quote prefix
    where needed). The cell is made directly, as ``ws.append`` does, without ``ws.cell``'s
    look-up: exports write each cell once."""
    cell = _fresh_cell(ws, row, col)
    quote = False
    kind = type(value)
    if kind is Formula:
        cell._value = "=" + value
        cell.data_type = "f"
        kind = None
    elif kind is not str and isinstance(value, Enum):
        value, kind = getattr(value, "label", value.value), str
    if kind is None:
        pass
    elif kind is str or isinstance(value, str):
        # Set directly rather than through ``cell.value``: openpyxl would re-check the text
        # (``clean_text`` did) and turn a leading "=" into a formula.
        value = clean_text(value)
        cell._value = value
        cell.data_type = "s"
        quote = value[:1] in _TRIGGER_SET
    elif kind is int or kind is float:
        if value == value and value not in (math.inf, -math.inf):  # a workbook cannot hold NaN or infinity
            cell._value = value
            cell.data_type = "n"
    elif kind is bool:
        cell._value = "Yes" if value else "No"
        cell.data_type = "s"
    elif isinstance(value, datetime):
        cell._style = StyleArray()  # openpyxl's setter gives the cell a date format
        cell.value = value.replace(tzinfo=None)
    elif value is not None:
        cell._style = StyleArray()
        cell.value = value
    if styler is not None and style is not None:
        styler.apply(cell, style, quote)
    else:
        if not hasattr(cell, "_style"):
            cell._style = StyleArray()
        if quote:
            cell.quotePrefix = True
    return cell


@dataclass(frozen=True)
class Column:
    """A table column: its header, what kind of values it holds, and how wide it may grow."""

    header: str
    kind: str = "text"
    """text | long (wrapped prose) | number | date | center (short codes, letters)."""
    max_width: float = 42
    min_width: float = 6
    style: str | None = None
    """A named style for the column's data cells, instead of the one its kind implies."""


@dataclass(frozen=True)
class TableArea:
    name: str
    header_row: int
    first_row: int
    last_row: int
    first_col: int
    last_col: int

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.first_col)}{self.header_row}:{get_column_letter(self.last_col)}{self.last_row}"

    def column_range(self, index: int) -> str:
        """The data cells of the ``index``-th column (0-based), e.g. ``D5:D20``."""
        letter = get_column_letter(self.first_col + index)
        return f"{letter}{self.first_row}:{letter}{self.last_row}"


_BODY_STYLE = {"text": "body", "long": "body_wrap", "number": "body", "date": "body_date", "center": "body_center"}


def _display_length(value) -> int:
    if value is None:
        return 0
    if type(value) is Formula:
        return value.width
    if type(value) is int:
        return len(str(value))
    if isinstance(value, (date, datetime)):
        return 11
    if isinstance(value, Enum):
        return len(getattr(value, "label", value.value))
    if isinstance(value, bool):
        return 3
    if isinstance(value, float):
        return len(f"{value:.2f}".rstrip("0").rstrip("."))
    if isinstance(value, str):
        if "\n" not in value:
            return len(value)
        return max((len(line) for line in value.splitlines()), default=0)
    return len(str(value))


def write_table(
    ws: Worksheet,
    book_names: set[str],
    styler: Styler,
    top: int,
    left: int,
    name: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    style: str = "TableStyleMedium2",
    fit_widths: bool = True,
) -> TableArea:
    """A real Excel table (named, filterable, banded) with its header at ``top``.

    Widths are fitted to the content (capped; longer text wraps). A table without rows keeps
    one empty row, because Excel refuses a table that has only a header.
    """
    rows = [list(r) for r in rows] or [[None] * len(columns)]
    headers = unique_headers([c.header for c in columns])
    widths = [max(len(h) + 3, c.min_width) for h, c in zip(headers, columns)]
    wrap = [c.kind == "long" for c in columns]
    for values in rows:
        for index, value in enumerate(values):
            # Plain one-line text is most cells: measured here without the general helper.
            if type(value) is str and "\n" not in value:
                length = len(value) + 1
            else:
                length = _display_length(value) + 1
            if length > widths[index]:
                widths[index] = length
    for index, column in enumerate(columns):
        if widths[index] > column.max_width:
            widths[index] = column.max_width
            if column.kind == "text":
                wrap[index] = True
    for index, header in enumerate(headers):
        put(ws, top, left + index, header, styler, "header")
    _fit_height(ws, top, headers, [(i, _line_limit(w)) for i, w in enumerate(widths)], extra=3)
    body_styles = [c.style or ("body_wrap" if wrap[i] else _BODY_STYLE[c.kind]) for i, c in enumerate(columns)]
    # Per wrapped column, the most characters that fit on one line.
    wrapped = [(i, _line_limit(widths[i])) for i, w in enumerate(wrap) if w]
    row_number = top
    for values in rows:
        row_number += 1
        for index, value in enumerate(values):
            put(ws, row_number, left + index, value, styler, body_styles[index])
        for index in range(len(values), len(columns)):
            put(ws, row_number, left + index, None, styler, body_styles[index])
        if wrapped:
            _fit_height(ws, row_number, values, wrapped)
    area = TableArea(
        name=table_name(name, book_names),
        header_row=top,
        first_row=top + 1,
        last_row=row_number,
        first_col=left,
        last_col=left + len(columns) - 1,
    )
    table = Table(displayName=area.name, ref=area.ref)
    table.tableStyleInfo = TableStyleInfo(name=style, showRowStripes=True, showColumnStripes=False)
    # Name the columns here: left to itself, openpyxl reads them back from the sheet by
    # materialising every cell of the table's range when it saves.
    table._initialise_columns()
    for column, header in zip(table.tableColumns, headers):
        column.name = clean_text(header)
    ws.add_table(table)
    if fit_widths:
        for index, width in enumerate(widths):
            set_min_width(ws, left + index, width)
    return area


LINE_HEIGHT = 15.0
"""Points per line of 11-point text; spreadsheets do not refit row heights of a written file."""


def _fit_height(ws: Worksheet, row: int, values: Sequence, limits: list[tuple[int, float]], extra=0) -> None:
    """Give a row with wrapped text the height its longest cell needs (an estimate by characters).

    ``limits`` lists the wrapped columns as (index, characters that fit on one line)."""
    lines = 1
    count_values = len(values)
    for index, per_line in limits:
        if index >= count_values:
            break
        value = values[index]
        if not isinstance(value, str) or (len(value) + extra <= per_line and "\n" not in value):
            continue
        count = sum(max(1, math.ceil((len(part) + extra) / per_line)) for part in value.split("\n"))
        if count > lines:
            lines = count
    if lines > 1:
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT + 2, 409)


def _line_limit(width: float) -> float:
    # Column widths count "0" digits; average text is about a sixth narrower.
    return max((width - 1) * 1.2, 1)


def set_min_width(ws: Worksheet, col: int, width: float) -> None:
    """Widen a column to at least ``width`` (several tables may share a column)."""
    dimension = ws.column_dimensions[get_column_letter(col)]
    if (dimension.width or 0) < width:
        dimension.width = width


def set_width(ws: Worksheet, col: int, width: float) -> None:
    ws.column_dimensions[get_column_letter(col)].width = width


def print_setup(ws: Worksheet, header_row: int | None = None, landscape: bool = True) -> None:
    """Landscape, fitted to the page width, the header row repeated on every printed page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"


def heading(ws: Worksheet, styler: Styler, title: str, note: str = "", row: int = 1) -> int:
    """A sheet's title and a one-line note under it; returns the first free row after a gap."""
    put(ws, row, 1, title, styler, "title")
    ws.row_dimensions[row].height = 26
    if note:
        put(ws, row + 1, 1, note, styler, "subtitle")
    return row + 3
