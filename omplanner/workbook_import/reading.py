"""Reading a workbook back: the record of what was exported, and the rows of each editable table.

Tables are found by their headers, not by Excel's table objects (LibreOffice may not keep them,
and openpyxl's fast reader does not read them): the row that holds the table's id header and
most of its columns' headers. A table's rows run until the first row with nothing in any of its
columns, so rows the client typed under the table are read too.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..export.xlsx.editable import ID_HEADER, RECORD_FORMAT, RECORD_SHEET, RECORD_VERSION, TABLES, EditableTable
from ..fileio.errors import PlanFileError
from ..fileio.load import read_plan_bytes


class NotOurWorkbook(Exception):
    """A file that cannot be compared with the plan; the message is one sentence for the user."""


@dataclass
class Record:
    plan: str
    title: str
    revision: str
    exported: str
    digests: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(table key, id) -> the digest of each editable column as exported."""
    order: dict[str, list[str]] = field(default_factory=dict)
    """Table key -> ids in the order they were exported."""


@dataclass(frozen=True)
class Cell:
    value: Any
    formula: bool = False


@dataclass
class SheetRow:
    row: int
    """The row number in the sheet, as the spreadsheet shows it (rows are read from row 1)."""
    id: str
    cells: dict[str, Cell]
    """Header -> the cell under it (editable columns only)."""
    others: dict[str, Cell] = field(default_factory=dict)
    """Header -> cell of the table's other columns, where the table reads them (the RACI matrix)."""


@dataclass
class TableRows:
    table: EditableTable
    found: bool
    columns: list[str] = field(default_factory=list)
    """The editable headers the sheet still has."""
    rows: list[SheetRow] = field(default_factory=list)


UNPACKED_MAX = 512 * 2**20
"""What a workbook's parts may add up to unpacked: a few MB of cells packs into a much larger
sheet, but a small file that unpacks to gigabytes is built to exhaust memory."""


def workbook_file(path: Path | str) -> io.BytesIO:
    """The workbook's bytes, read as plan files are (an ordinary file only, a FIFO or device is
    refused rather than waited on; under the same size cap), and checked to be a zip whose parts
    unpack to a bounded size. Raises ``NotOurWorkbook`` with one sentence."""
    path = Path(path)
    try:
        raw = read_plan_bytes(path)
    except PlanFileError as exc:
        words = exc.problem.replace("a plan file", "a workbook").replace("plan files are", "workbooks are read up to")
        raise NotOurWorkbook(f"{path.name}: {words}.") from None
    data = io.BytesIO(raw)
    if not zipfile.is_zipfile(data):
        raise NotOurWorkbook(f"{path.name} is not an Excel workbook (.xlsx).")
    try:
        with zipfile.ZipFile(data) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise NotOurWorkbook(f"{path.name} is a damaged zip file, not a workbook that can be read.") from None
    if unpacked > UNPACKED_MAX:
        raise NotOurWorkbook(
            f"{path.name} unpacks to {unpacked / 2**20:,.0f} MB, more than any workbook OM Planner exports; "
            "it is not read."
        )
    data.seek(0)
    return data


def open_workbook(path: Path | str):
    """The workbook at ``path``, loaded once (read-only, formulas as written); the caller closes it.
    Raises ``NotOurWorkbook`` for a file that is not a readable workbook."""
    from openpyxl import load_workbook

    path = Path(path)
    data = workbook_file(path)
    try:
        return load_workbook(data, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
        raise NotOurWorkbook(f"{path.name} could not be read as an Excel workbook ({type(exc).__name__}).") from None


def read_workbook(book, path: Path | str) -> tuple[Record, dict[str, TableRows]]:
    """The record and the tables of an exported workbook ``book`` (from :func:`open_workbook`)."""
    path = Path(path)
    if RECORD_SHEET not in book.sheetnames:
        raise NotOurWorkbook(
            f"{path.name} was not exported by OM Planner (or its hidden '{RECORD_SHEET}' sheet was removed), "
            "so there is nothing to compare it with."
        )
    record = _read_record(book[RECORD_SHEET], path.name)
    tables: dict[str, TableRows] = {}
    sheets = {name: list(book[name].iter_rows()) for name in {t.sheet for t in TABLES} if name in book.sheetnames}
    for table in TABLES:
        tables[table.key] = _read_table(table, sheets.get(table.sheet))
    return record, tables


def _read_record(ws, name: str) -> Record:
    rows = [[c.value for c in row] for row in ws.iter_rows()]

    def head(index: int) -> list:
        return (rows[index] + [None, None, None])[:3] if index < len(rows) else [None, None, None]

    kind, fmt, version = head(0)
    if kind != "format" or fmt != RECORD_FORMAT:
        raise NotOurWorkbook(f"{name} was not exported by OM Planner, so there is nothing to compare it with.")
    try:
        version = int(version)
    except (TypeError, ValueError):
        version = -1
    if version != RECORD_VERSION:
        older = "an older" if version < RECORD_VERSION else "a newer"
        raise NotOurWorkbook(
            f"{name} was exported by {older} version of OM Planner: export the plan again and make the edits there."
        )
    _, plan_id, title = head(1)
    _, revision, _ = head(2)
    _, exported, _ = head(3)
    record = Record(str(plan_id or ""), str(title or ""), str(revision or ""), str(exported or ""))
    for row in rows[4:]:
        if len(row) < 2 or row[0] is None or row[1] is None:
            continue
        key = str(row[0])
        try:
            entries = json.loads(str(row[1]))
            for entity_id, digests in entries:
                record.digests[(key, str(entity_id))] = str(digests).split()
                record.order.setdefault(key, []).append(str(entity_id))
        except (ValueError, TypeError):
            damaged = f"{name}'s record of the export is damaged, so edits cannot be told from the plan."
            raise NotOurWorkbook(damaged) from None
    return record


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _read_table(table: EditableTable, rows: list | None) -> TableRows:
    if rows is None:
        return TableRows(table, found=False)
    wanted = [c.header for c in table.columns]
    best: tuple[int, int, dict[str, int]] | None = None
    for index, row in enumerate(rows):
        headers = {_text(c.value): position for position, c in enumerate(row) if c.value is not None}
        if ID_HEADER not in headers:
            continue
        score = sum(1 for h in wanted if h in headers)
        if best is None or score > best[1]:
            best = (index, score, headers)
    if best is None or best[1] == 0:
        return TableRows(table, found=False)
    header_index, _, headers = best
    columns = [h for h in wanted if h in headers]
    id_at = headers[ID_HEADER]
    result = TableRows(table, found=True, columns=columns)
    for index, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        cells = {}
        for header in columns:
            position = headers[header]
            cell = row[position] if position < len(row) else None
            value = getattr(cell, "value", None)
            cells[header] = Cell(value, getattr(cell, "data_type", None) == "f")
        id_cell = row[id_at] if id_at < len(row) else None
        entity_id = _text(getattr(id_cell, "value", None))
        if not entity_id and all(_blank(c.value) for c in cells.values()):
            break
        others = {}
        if table.key == "decisions":  # the role columns of the RACI matrix
            for header, position in headers.items():
                if header not in cells and header != ID_HEADER and position < len(row):
                    cell = row[position]
                    others[header] = Cell(getattr(cell, "value", None), getattr(cell, "data_type", None) == "f")
        result.rows.append(SheetRow(index, entity_id, cells, others))
    return result


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
