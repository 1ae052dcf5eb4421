"""Scoring forms for the room: one small workbook per participant, use cases × components.

Each form lists every use case against the five components with a Score column (a whole number
1-5, validated) and an Evidence column, filled in with the participant's scores from an earlier
round if there are any. A hidden sheet names the plan and the participant, so that importing
the form (``omplanner.workbook_import``) adds the scores as that participant's round.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from ...fileio import atomic_path
from ...model import Component, Plan
from .cells import Column, Styler, heading, put, write_table
from .pages import lay_out_pages
from .record import plan_identity
from .safe import one_line
from .validation import add_level, hide_ids, id_column
from .writer import save_workbook

FORM_SHEET = "OM Planner scoring form"
FORM_FORMAT = "omplanner-scoring-form"
FORM_VERSION = 1
SCORES_SHEET = "Scores"


def form_row_id(use_case_id: str, component: Component) -> str:
    return f"{use_case_id}|{component.value}"


def participants_list(text: str) -> list[str]:
    """Names as typed, each once, empty ones dropped: 'Ana, Ben , Ana' gives ['Ana', 'Ben']."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = one_line(part)
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def _file_name(name: str, taken: set[str]) -> str:
    stem = re.sub(r"[^\w\- ]+", "", name, flags=re.UNICODE).strip().replace(" ", "-")[:60] or "participant"
    candidate, counter = stem, 1
    while candidate.lower() in taken:
        counter += 1
        candidate = f"{stem}-{counter}"
    taken.add(candidate.lower())
    return f"scoring-{candidate}.xlsx"


def export_scoring_forms(plan: Plan, folder: Path | str, participants: list[str]) -> list[Path]:
    folder = Path(folder)
    written = []
    taken: set[str] = set()
    for name in participants:
        path = folder / _file_name(name, taken)
        with atomic_path(path) as temporary:
            save_workbook(_form(plan, name), temporary)
        written.append(path)
    return written


def _form(plan: Plan, participant: str) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    ws = book.create_sheet(SCORES_SHEET)
    ws.sheet_view.showGridLines = False
    styler = Styler()
    top = heading(
        ws,
        styler,
        f"Scoring form: {one_line(participant)}",
        f"{one_line(plan.details.title)}. Score how ready each use case is on each component: 1 = not ready, "
        "5 = ready. Say what you base it on under Evidence.",
    )
    earlier = {(s.use_case, s.component): s for s in plan.scores if s.participant == participant}
    rows = []
    for uc in plan.use_cases:
        for component in Component:
            score = earlier.get((uc.id, component))
            rows.append(
                [
                    uc.name,
                    component,
                    score.value if score else None,
                    score.evidence if score else "",
                    form_row_id(uc.id, component),
                ]
            )
    area = write_table(
        ws,
        set(),
        styler,
        top,
        1,
        "Scores",
        [
            Column("Use case", max_width=32, min_width=20),
            Column("Component", min_width=16),
            Column("Score", "center", min_width=8),
            Column("Evidence", "long", min_width=40, max_width=60),
            id_column(),
        ],
        rows,
    )
    hide_ids(ws, area)
    add_level(ws, area.column_range(2), "Score", "1 = not ready, 5 = ready. Leave it empty if you cannot say.")
    ws.freeze_panes = ws.cell(row=area.first_row, column=1)
    ws.print_title_rows = f"{area.header_row}:{area.header_row}"
    lay_out_pages(book, f"{plan.details.title}: {participant}", date.today())
    record = book.create_sheet(FORM_SHEET)
    record.sheet_state = "hidden"
    for row, values in enumerate(
        (
            ("format", FORM_FORMAT, FORM_VERSION),
            ("plan", plan_identity(plan), plan.details.title),
            ("participant", participant),
        ),
        start=1,
    ):
        for col, value in enumerate(values, start=1):
            put(record, row, col, value)
    return book
