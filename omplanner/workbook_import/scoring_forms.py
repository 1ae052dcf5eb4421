"""Importing a participant's scoring form: their scores become (or update) their round in the plan.

A form's row is a use case × component (by id in the hidden column). A score the participant
did not have becomes a new ``Score`` with their name; one they had is updated where the form
differs. A blank score changes nothing; a bad one is a row error and nothing is applied.
"""

from __future__ import annotations

from pathlib import Path

from ..export.xlsx.editable import ID_HEADER, Invalid, Names, read_long, whole
from ..export.xlsx.record import plan_identity
from ..export.xlsx.scoring_forms import FORM_FORMAT, FORM_SHEET, FORM_VERSION, SCORES_SHEET
from ..model import Component, Plan, Score, new_id
from ..model.base import short_name
from .reading import NotOurWorkbook
from .result import Addition, CellChange, ImportResult, RowError

_read_score = whole(1, 5)


def is_scoring_form(book) -> bool:
    """Whether the loaded workbook is a participant's scoring form rather than an exported plan."""
    return FORM_SHEET in book.sheetnames


def import_scoring_form(plan: Plan, book, path: Path) -> ImportResult:
    """What the scoring form ``book`` (loaded from ``path``, closed by the caller) changes in ``plan``."""
    head = [[c.value for c in row] for row in book[FORM_SHEET].iter_rows(max_row=3)]
    head = [(row + [None, None, None])[:3] for row in head] + [[None] * 3] * 3
    if head[0][:2] != ["format", FORM_FORMAT] or head[0][2] != FORM_VERSION:
        raise NotOurWorkbook(f"{path.name} is a scoring form of another version of OM Planner: send a new one.")
    if str(head[1][1]) != plan_identity(plan):
        raise NotOurWorkbook(f"{path.name} is a scoring form for another plan ('{short_name(str(head[1][2]))}').")
    participant = str(head[2][1] or "").strip()
    if not participant:
        raise NotOurWorkbook(f"{path.name} does not say whose scoring form it is.")
    if SCORES_SHEET not in book.sheetnames:
        raise NotOurWorkbook(f"{path.name} has no {SCORES_SHEET} sheet any more.")
    rows = list(book[SCORES_SHEET].iter_rows())
    result = ImportResult(workbook=path.name)
    header_at = next(
        (i for i, row in enumerate(rows) if {c.value for c in row} >= {ID_HEADER, "Score", "Evidence"}), None
    )
    if header_at is None:
        raise NotOurWorkbook(f"{path.name}: the {SCORES_SHEET} sheet's table was not found.")
    columns = {c.value: i for i, c in enumerate(rows[header_at]) if c.value is not None}
    use_cases = {u.id: u for u in plan.use_cases}
    theirs = {(s.use_case, s.component): s for s in plan.scores if s.participant == participant}
    names = Names(plan)
    seen: set[str] = set()
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):

        def cell(header: str, row=row):
            at = columns[header]
            return row[at] if at < len(row) else None

        row_id = str(getattr(cell(ID_HEADER), "value", None) or "").strip()
        score_cell, evidence_cell = cell("Score"), cell("Evidence")
        score, evidence = getattr(score_cell, "value", None), getattr(evidence_cell, "value", None)
        if not row_id and score is None and evidence is None:
            break
        use_case_id, _, component_value = row_id.partition("|")
        component = next((c for c in Component if c.value == component_value), None)
        if use_case_id not in use_cases or component is None:
            result.errors.append(
                RowError(SCORES_SHEET, number, "", "a row this form never had (its hidden id is unknown)")
            )
            continue
        if row_id in seen:
            result.errors.append(RowError(SCORES_SHEET, number, "", "the same use case and component as a row above"))
            continue
        seen.add(row_id)
        values = {}
        for header, source, read in (("Score", score_cell, _read_score), ("Evidence", evidence_cell, read_long)):
            value = getattr(source, "value", None)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if getattr(source, "data_type", None) == "f":
                result.errors.append(RowError(SCORES_SHEET, number, header, "holds a formula; type the value instead"))
                continue
            try:
                values["value" if header == "Score" else "evidence"] = read(value, names)
            except Invalid as exc:
                result.errors.append(RowError(SCORES_SHEET, number, header, str(exc)))
        what = f"{participant}'s {component.label} score of '{short_name(use_cases[use_case_id].name)}'"
        earlier = theirs.get((use_case_id, component))
        if earlier is None:
            if "value" in values:
                score_entity = Score(
                    id=new_id("score"),
                    use_case=use_case_id,
                    component=component,
                    value=values["value"],
                    participant=participant,
                    evidence=values.get("evidence", ""),
                )
                result.additions.append(
                    Addition(SCORES_SHEET, number, "scores", score_entity, f"new {what}: {values['value']}")
                )
            continue
        for path_name, header in (("value", "Score"), ("evidence", "Evidence")):
            if path_name in values and getattr(earlier, path_name) != values[path_name]:
                result.changes.append(
                    CellChange(
                        SCORES_SHEET,
                        number,
                        earlier.id,
                        what,
                        header,
                        path_name,
                        getattr(earlier, path_name),
                        values[path_name],
                        values[path_name],
                    )
                )
    return result
