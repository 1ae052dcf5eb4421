"""Saving the workbook: openpyxl's own writer, with the plain cells of each row serialised as text.

openpyxl writes every cell through an XML writer: an ElementTree element per cell without lxml,
an lxml ``xmlfile`` element per cell with it (lxml came in with BPMN, so that is the usual case).
For the tens of thousands of cells of a large plan that was most of the export. The cells we
write (text, numbers, booleans, empty styled cells) are written here as the same XML, byte for
byte (a test compares the two writers); anything else (dates, formulas, rich text, comments,
hyperlinks) goes through openpyxl's ``write_cell`` as before. Everything outside the rows
(columns, tables, validations, conditional formats, charts, styles) is openpyxl's.

With lxml, openpyxl's sheet writer cannot take text that is already XML, so the rows are
serialised apart and put in place of a marker once openpyxl has written the rest of the sheet.
"""

from __future__ import annotations

import datetime
import re
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import LXML
from openpyxl.cell._writer import write_cell
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.compat import safe_string
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import xmlfile

_NUMBER = (int, float)
_MARKER = "omplanner-rows-go-here"
_PLACE = f"<sheetData>{_MARKER}</sheetData>".encode()
_LXML_TEXT = re.compile("[^\t\n\x20-\x7e]")
"""A character lxml writes otherwise than as itself (ASCII output): a carriage return and anything
non-ASCII as a character reference; a character XML forbids is left to lxml to refuse."""
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTRIBUTE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


class _SheetWriter(WorksheetWriter):
    rows_xml: bytes | None = None
    """The sheet's rows (lxml only), to put in place of the marker."""

    def write_rows(self):
        if not LXML:
            return super().write_rows()
        self.rows_xml = self._rows_lxml()
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            xf.write(_MARKER)
        self.xf.send(None)

    def _rows_lxml(self) -> bytes:
        """The rows as lxml's writer writes them: ASCII with character references, every element
        closed with its own end tag."""
        ws = self.ws
        dims = ws.row_dimensions
        parts: list[str] = []
        add = parts.append
        style_ids: dict[int, tuple[object, int]] = {}  # cells of one named style share its array
        for row_idx, row in self.rows():
            attrs = {"r": f"{row_idx}"}
            attrs.update(dims.get(row_idx, {}))
            add("<row" + "".join(f' {k}="{_attribute(v)}"' for k, v in attrs.items()) + ">")
            for cell in row:
                value = cell._value
                styled = cell.has_style
                if cell._comment is not None:  # as openpyxl's write_row: collect it for the sheet
                    ws._comments.append(CommentRecord.from_cell(cell))
                elif value is None and not styled:
                    continue
                if styled:
                    array = cell._style
                    known = style_ids.get(id(array))
                    if known is None:
                        known = style_ids[id(array)] = (array, cell.style_id)
                    style = known[1]
                else:
                    style = None
                text = _cell_xml(cell, value, style, ascii_only=True)
                add(_lxml_cell(ws, cell, styled) if text is None else text)
            add("</row>")
        return "".join(parts).encode("ascii", "xmlcharrefreplace")

    def write_row(self, xf, row, row_idx):
        attrs = {"r": f"{row_idx}"}
        attrs.update(self.ws.row_dimensions.get(row_idx, {}))
        out = getattr(xf, "_file", None)
        if out is None:  # not openpyxl's pure-Python writer
            return super().write_row(xf, row, row_idx)
        with xf.element("row", attrs):
            for cell in row:
                value = cell._value
                styled = cell.has_style
                if cell._comment is not None:  # as openpyxl's write_row: collect it for the sheet
                    self.ws._comments.append(CommentRecord.from_cell(cell))
                elif value is None and not styled:
                    continue
                text = _cell_xml(cell, value, cell.style_id if styled else None)
                if text is None:
                    write_cell(xf, self.ws, cell, styled)
                else:
                    out(text)


def _attribute(value) -> str:
    text = str(value)
    return "".join(_ATTRIBUTE.get(c, c) for c in text) if any(c in _ATTRIBUTE for c in text) else text


def _lxml_cell(ws, cell, styled: bool) -> str:
    """One cell as openpyxl's lxml writer writes it (dates, formulas, rich text, links)."""
    out = BytesIO()
    with xmlfile(out) as xf:
        write_cell(xf, ws, cell, styled)
    return out.getvalue().decode("ascii")


def _cell_xml(cell, value, style: int | None, ascii_only: bool = False) -> str | None:
    """The XML openpyxl writes for a plain cell (``style``: its style id, None if unstyled), or
    None for a cell left to openpyxl.

    ``ascii_only``: as lxml writes it, empty elements with an end tag and a carriage return as a
    reference (the caller encodes the rest as ASCII with character references, as lxml does)."""
    if cell._comment is not None or cell._hyperlink is not None:
        return None
    kind = cell.data_type
    head = f'<c r="{cell.coordinate}"' if style is None else f'<c r="{cell.coordinate}" s="{style}"'
    empty = "></c>" if ascii_only else " />"
    if kind == "s":
        if value is None or value == "":
            return f'{head} t="inlineStr"{empty}'
        if type(value) is not str:  # rich text
            return None
        text = escape(value)
        if ascii_only and _LXML_TEXT.search(value):
            if _FORBIDDEN.search(value):
                return None
            text = text.replace("\r", "&#13;")
        stripped = value.strip()
        # lxml's write_cell keeps the spaces of a blank text too; ElementTree's does not
        space = ' xml:space="preserve"' if stripped != value and (stripped or ascii_only) else ""
        return f'{head} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if kind == "n" and (value is None or type(value) in _NUMBER):
        if value is None:
            return f'{head} t="n"{empty}'
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
        if writer.rows_xml is None:
            self._archive.write(writer.out, ws.path[1:])
        else:
            data = writer.read()
            at = data.index(_PLACE)  # once: the marker is nothing a cell can hold, rows come after
            rows = b"<sheetData>" + writer.rows_xml + b"</sheetData>"
            self._archive.writestr(ws.path[1:], data[:at] + rows + data[at + len(_PLACE) :])
        self.manifest.append(ws)
        writer.cleanup()


def save_workbook(workbook: Workbook, path: Path | str) -> None:
    """``workbook.save(path)``, faster; the same file."""
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    _Writer(workbook, archive).save()
