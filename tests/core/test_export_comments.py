"""Comments in the outputs: the board pack's optional appendix (the team's pack has it, the
board's only when asked) and the workbook's Comments sheet."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from omplanner.cli import main
from omplanner.commands import add_comment, resolve_comment
from omplanner.export.pack_options import PackOptions, default_sections
from omplanner.export.pdf import export_pdf
from omplanner.fileio import save_plan

WHEN = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
HOSTILE = 'Is <b>this</b> & "that" <img src="x"/> right? =1+1'


@pytest.fixture
def commented(example_plan):
    example_plan.comments = []  # the tests count their own comments, whatever the example holds
    add_comment(example_plan, "ap-r3", HOSTILE, "Ana Ruiz", now=WHEN).apply(example_plan)
    add_comment(example_plan, "item-2", "Start after the diagnostic", "Ben", now=WHEN).apply(example_plan)
    resolve_comment(example_plan, example_plan.comments[1].id).apply(example_plan)
    return example_plan


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_team_pack_has_the_comments_appendix_with_the_words_as_written(commented, tmp_path):
    target = tmp_path / "team.pdf"
    export_pdf(commented, target, options=PackOptions(audience="team"))
    text = _text(target)
    assert "Comments Remarks left on elements of the plan: 1 open, 1 resolved." in text
    assert HOSTILE in text  # escaped for reportlab: the markup is printed, not read
    assert 'step "Match to order and goods receipt" in use case "AP invoice matching"' in text
    assert "Ana Ruiz · 3 Nov 2026" in text
    assert 'roadmap item "Redesign the AP invoice process"' in text and "Resolved" in text
    # open comments come first
    assert text.index(HOSTILE) < text.index("Start after the diagnostic")


def test_the_board_pack_leaves_comments_out_unless_asked(commented, tmp_path):
    assert "comments" not in default_sections("board") and "comments" in default_sections("team")
    board = tmp_path / "board.pdf"
    export_pdf(commented, board, options=PackOptions(audience="board"))
    assert "Start after the diagnostic" not in _text(board)
    asked = tmp_path / "asked.pdf"
    export_pdf(commented, asked, options=PackOptions(audience="board", sections=default_sections("team")))
    assert "Start after the diagnostic" in _text(asked)


def test_a_plan_without_comments_has_no_appendix(example_plan, tmp_path):
    example_plan.comments = []
    target = tmp_path / "team.pdf"
    export_pdf(example_plan, target, options=PackOptions(audience="team"))
    assert "Remarks left on elements" not in _text(target)


def test_the_command_line_adds_or_leaves_out_the_comments(commented, tmp_path):
    plan_file = tmp_path / "plan.omplan"
    save_plan(commented, plan_file)
    board, with_comments = tmp_path / "board.pdf", tmp_path / "with.pdf"
    team_without = tmp_path / "team.pdf"
    assert main(["export", str(plan_file), "--pdf", str(board)]) == 0
    assert main(["export", str(plan_file), "--pdf", str(with_comments), "--comments"]) == 0
    assert main(["export", str(plan_file), "--pdf", str(team_without), "--audience", "team", "--no-comments"]) == 0
    assert "Start after the diagnostic" not in _text(board)
    assert "Start after the diagnostic" in _text(with_comments)
    assert "Start after the diagnostic" not in _text(team_without)


def test_the_workbook_has_a_comments_sheet_with_formula_safe_text(commented, tmp_path):
    from openpyxl import load_workbook

    from omplanner.export.xlsx import export_xlsx

    target = tmp_path / "plan.xlsx"
    export_xlsx(commented, target)
    book = load_workbook(target)
    assert book.sheetnames[-2:] == ["Comments", "OM Planner export"]
    ws = book["Comments"]
    (table,) = ws.tables.values()
    rows = [[c.value for c in row] for row in ws[table.ref]]
    assert rows[0] == ["On a", "Element", "Use case", "By", "Date", "Comment", "State"]
    first, second = rows[1:]
    assert first[:4] == ["Step", "Match to order and goods receipt", "AP invoice matching", "Ana Ruiz"]
    assert first[4].date() == WHEN.date()
    assert first[5] == HOSTILE and first[6] == "Open"
    assert second[:2] == ["Roadmap item", "Redesign the AP invoice process"] and second[6] == "Resolved"
    formula = tmp_path / "formula.xlsx"
    add_comment(commented, "ap-r3", '=HYPERLINK("http://x")', "Eve").apply(commented)
    export_xlsx(commented, formula)
    cell = load_workbook(formula)["Comments"].cell(row=ws.max_row + 1, column=6)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"  # text, never a formula


def test_a_plan_without_comments_has_no_comments_sheet(example_plan, tmp_path):
    example_plan.comments = []
    from openpyxl import load_workbook

    from omplanner.export.xlsx import export_xlsx

    target = tmp_path / "plan.xlsx"
    export_xlsx(example_plan, target)
    assert "Comments" not in load_workbook(target).sheetnames


def test_reading_the_workbook_back_leaves_the_comments_alone(commented, tmp_path):
    from omplanner.export.xlsx import export_xlsx
    from omplanner.workbook_import.compare import import_workbook

    target = tmp_path / "plan.xlsx"
    export_xlsx(commented, target)
    result = import_workbook(commented, target)
    assert result.empty and not result.errors and not result.notes


@pytest.fixture
def auckland(monkeypatch):
    """A computer in Auckland (UTC+13 in December): late evening UTC is the next day there."""
    import time

    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_comments_day_is_the_same_in_the_pack_and_the_workbook_in_this_computers_time_zone(
    example_plan, tmp_path, auckland
):
    from openpyxl import load_workbook

    from omplanner.export.xlsx import export_xlsx

    example_plan.comments = []
    late = datetime(2026, 12, 3, 23, 30, tzinfo=UTC)  # 4 Dec, 12:30 in Auckland
    add_comment(example_plan, "ap-r3", "Written late", "Ana Ruiz", now=late).apply(example_plan)
    pdf = tmp_path / "team.pdf"
    export_pdf(example_plan, pdf, options=PackOptions(audience="team"))
    assert "Ana Ruiz · 4 Dec 2026" in _text(pdf)
    book = load_workbook(export_xlsx(example_plan, tmp_path / "plan.xlsx"))
    days = [row[4] for row in book["Comments"].iter_rows(min_row=2, values_only=True) if row[5] == "Written late"]
    assert [d.date() if isinstance(d, datetime) else d for d in days] == [datetime(2026, 12, 4).date()]
