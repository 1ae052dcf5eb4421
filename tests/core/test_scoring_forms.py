"""Scoring forms for the room: a workbook per participant, imported back as their round."""

from openpyxl import load_workbook

from omplanner.cli import main
from omplanner.fileio import load_plan
from omplanner.model import Component
from omplanner.ranking import agreed_scores
from omplanner.workbook_import import import_workbook

ID = "OM Planner id"


def fill(path, answers: dict[tuple[str, str], tuple]) -> None:
    """Type scores into a form: (use case name, component label) -> (score, evidence)."""
    book = load_workbook(path)
    ws = book["Scores"]
    head = next(r for r in ws.iter_rows() if any(c.value == ID for c in r))
    columns = {c.value: c.column for c in head}
    for r in range(head[0].row + 1, ws.max_row + 1):
        key = (ws.cell(r, columns["Use case"]).value, ws.cell(r, columns["Component"]).value)
        if key in answers:
            score, evidence = answers[key]
            ws.cell(r, columns["Score"]).value = score
            ws.cell(r, columns["Evidence"]).value = evidence
    book.save(path)


def test_forms_per_participant_come_back_as_rounds(example_file, tmp_path, capsys):
    assert main(["export", str(example_file), "--scoring-forms", str(tmp_path), "--participants", "Ana, Ben, ana"]) == 0
    forms = sorted(tmp_path.glob("scoring-*.xlsx"))
    assert [f.name for f in forms] == ["scoring-Ana.xlsx", "scoring-Ben.xlsx"]
    plan = load_plan(example_file)
    ws = load_workbook(forms[0])["Scores"]
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[1] in {c.label for c in Component}]
    assert len(rows) == len(plan.use_cases) * len(Component)
    assert any(
        dv.type == "whole" and dv.formula1 == "1" and dv.formula2 == "5" for dv in ws.data_validations.dataValidation
    )

    uc = plan.use_cases[0]
    fill(forms[0], {(uc.name, "Process design"): (4, "Walked the process"), (uc.name, "Data flows"): (2, "")})
    fill(forms[1], {(uc.name, "Process design"): ("4.0", "")})
    agreed_before = agreed_scores(plan)
    for form in forms:
        result = import_workbook(plan, form)
        assert result.errors == [] and result.changes == []
        result.command(plan).apply(plan)
    ana = {(s.use_case, s.component): s for s in plan.scores if s.participant == "Ana"}
    assert (
        ana[(uc.id, Component.PROCESS)].value == 4 and ana[(uc.id, Component.PROCESS)].evidence == "Walked the process"
    )
    assert ana[(uc.id, Component.DATA)].value == 2
    assert [s.value for s in plan.scores if s.participant == "Ben"] == [4]
    assert agreed_scores(plan) == agreed_before  # a round is not the agreed score

    # Ana's form again, one score changed: an update of her round, not a second score.
    fill(forms[0], {(uc.name, "Data flows"): (3, "")})
    result = import_workbook(plan, forms[0])
    assert [(c.column, c.old, c.value) for c in result.changes] == [("Score", 2, 3)]
    assert result.additions == []


def test_a_bad_score_is_a_row_error(example_file, tmp_path):
    assert main(["export", str(example_file), "--scoring-forms", str(tmp_path), "--participants", "Ana"]) == 0
    plan = load_plan(example_file)
    form = next(tmp_path.glob("scoring-*.xlsx"))
    fill(form, {(plan.use_cases[0].name, "Governance"): (7, "")})
    [error] = import_workbook(plan, form).errors
    assert error.sheet == "Scores" and error.column == "Score" and "from 1 to 5" in error.message


def test_scoring_forms_need_participants(example_file, tmp_path, capsys):
    assert main(["export", str(example_file), "--scoring-forms", str(tmp_path)]) == 2
    assert "--participants" in capsys.readouterr().err
