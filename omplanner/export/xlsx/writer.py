"""Saving the workbook: openpyxl's own writer, with the plain cells of each row serialised as text.

Without lxml, openpyxl builds an ElementTree element for every cell and serialises it through a
pure-Python incremental writer; for the tens of thousands of cells of a large plan that was
most of the export. The cells we write (text, numbers, booleans, empty styled cells) are
written here as the same XML, character for character (a test compares the two writers);
anything else (dates, formulas, rich text, comments, hyperlinks) goes through openpyxl's
``write_cell`` as before. Everything outside the rows (columns, tables, validations,
conditional formats, charts, styles) is openpyxl's.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from xml.sax.saxutils import escape
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.cell._writer import write_cell
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.compat import safe_string
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

_NUMBER = (int, float)


class _SheetWriter(WorksheetWriter):
    def write_row(self, xf, row, row_idx):
        attrs = {"r": f"{row_idx}"}
        attrs.update(self.ws.row_dimensions.get(row_idx, {}))
        out = getattr(xf, "_file", None)
        if out is None:  # lxml's writer (openpyxl uses it when installed) is fast already
            return super().write_row(xf, row, row_idx)
        with xf.element("row", attrs):
            for cell in row:
                value = cell._value
                styled = cell.has_style
                if cell._comment is not None:  # as openpyxl's write_row: collect it for the sheet
                    self.ws._comments.append(CommentRecord.from_cell(cell))
                elif value is None and not styled:
                    continue
                text = _cell_xml(cell, value, styled)
                if text is None:
                    write_cell(xf, self.ws, cell, styled)
                else:
                    out(text)


def _cell_xml(cell, value, styled: bool) -> str | None:
    """The XML openpyxl writes for a plain cell, or None for a cell left to openpyxl."""
    if cell._comment is not None or cell._hyperlink is not None:
        return None
    kind = cell.data_type
    head = f'<c r="{cell.coordinate}" s="{cell.style_id}"' if styled else f'<c r="{cell.coordinate}"'
    if kind == "s":
        if value is None or value == "":
            return f'{head} t="inlineStr" />'
        if type(value) is not str:  # rich text
            return None
        stripped = value.strip()
        space = ' xml:space="preserve"' if stripped and stripped != value else ""
        return f'{head} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'
    if kind == "n" and (value is None or type(value) in _NUMBER):
        if value is None:
            return f'{head} t="n" />'
        return f'{head} t="n"><v>{safe_string(value)}</v></c>'
    if kind == "b" and type(value) is bool:
        return f'{head} t="b"><v>{safe_string(value)}</v></c>'
    return None


class _Writer(ExcelWriter):
    def write_worksheet(self, ws):
        if self.workbook.write_only:
            return super().write_worksheet(ws)
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

        # As ExcelWriter.write_worksheet, with our sheet writer.
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _SheetWriter(ws)
        writer.write()
        ws._rels = writer._rels
        self._archive.write(writer.out, ws.path[1:])
        self.manifest.append(ws)
        writer.cleanup()


def save_workbook(workbook: Workbook, path: Path | str) -> None:
    """``workbook.save(path)``, faster; the same file."""
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    _Writer(workbook, archive).save()
