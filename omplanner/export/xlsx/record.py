"""The hidden sheet that says what was exported, so that edits can be told from the plan's values.

Rows: the format and its version, the plan it came from (its creation time, which no edit
changes) and that plan's revision (its last-modified time), when it was exported; then per
editable table, rows of its key and a JSON list of [id, digests] (a digest per editable column
of the value shown, normalised: see ``editable.normal``), as many rows as the cell limit needs.
A digest rather than the value: the sheet stays small, and holds no second copy of the
client's text to fall out of step with the visible one.
"""

from __future__ import annotations

import json
from datetime import date

from .cells import put
from .context import ExportContext
from .editable import RECORD_FORMAT, RECORD_SHEET, RECORD_VERSION, TABLES, digests


def plan_identity(plan) -> str:
    return plan.details.created.isoformat()


def write_record(ctx: ExportContext) -> None:
    ws = ctx.workbook.create_sheet(RECORD_SHEET)
    ctx.sheet_names.add(RECORD_SHEET.lower())
    ws.sheet_state = "hidden"
    details = ctx.plan.details
    head = [
        ("format", RECORD_FORMAT, RECORD_VERSION),
        ("plan", plan_identity(ctx.plan), details.title),
        ("revision", details.modified.isoformat(), ""),
        ("exported", date.today().isoformat(), ""),
    ]
    row = 0
    for values in head:
        row += 1
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value)
    names = ctx.names
    for table in TABLES:
        entries = [[entity.id, digests(table, entity, names)] for entity in table.rows(ctx.plan)]
        for chunk in _chunks(entries):
            row += 1
            put(ws, row, 1, table.key)
            put(ws, row, 2, chunk)


CHUNK_CHARS = 30_000
"""Within a cell's 32,767 characters."""


def _chunks(entries: list[list[str]]) -> list[str]:
    """The entries as JSON lists (ASCII, so no cell ever alters them), each short enough for a cell."""
    chunks: list[str] = []
    current: list[list[str]] = []
    size = 2
    for entry in entries:
        text = json.dumps(entry)
        if current and size + len(text) + 2 > CHUNK_CHARS:
            chunks.append(json.dumps(current))
            current, size = [], 2
        current.append(entry)
        size += len(text) + 2
    if current:
        chunks.append(json.dumps(current))
    return chunks
