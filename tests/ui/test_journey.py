"""The first workshop on a 1366×768 laptop, from a blank plan to the exported board pack, with the
keyboard alone: every step reachable, the keys counted, and the files hold what the room made."""

from __future__ import annotations

import openpyxl
import pytest
from pypdf import PdfReader

from omplanner.model import StepKind
from tests.ui import journey


@pytest.fixture
def window(qtbot):
    win = journey.open_window()
    qtbot.addWidget(win)
    yield win
    win.document.undo_stack.setClean()


def test_the_first_workshop_is_done_from_the_keyboard_within_its_budgets(window, tmp_path):
    counts = journey.run_journey(window, tmp_path)
    plan = window.document.plan

    assert list(counts) == journey.STEPS  # every step ran, in order
    assert (plan.details.title, plan.details.client) == (journey.TITLE, journey.CLIENT)

    assert [u.name for u in plan.use_cases] == [name for name, *_ in journey.USE_CASES]
    for use_case, (_name, volume, *levels) in zip(plan.use_cases, journey.USE_CASES):
        t = use_case.tractability
        figures = [t.monthly_volume, t.definition, t.data_richness, t.team_willingness, t.strategic_value]
        assert figures == [int(volume), *map(int, levels)], use_case.name

    first = plan.use_cases[0]
    scored = {s.component.value: s.value for s in plan.scores if s.use_case == first.id}
    assert scored == {
        "process": 4,
        "decision_rights": 3,
        "capability": 2,
        "governance": 3,
        "data": 4,
    }

    current = first.current
    assert len(current.steps) == 12 and len(current.lanes) == 4
    assert [s.kind for s in current.steps].count(StepKind.DECISION) == 2
    assert sum(s.minutes for s in current.steps) == 25

    [decision] = plan.decisions
    assert (decision.name, decision.use_case) == (journey.DECISION, first.id)
    role = {r.name: r.id for r in plan.roles}
    assert (decision.responsible, decision.accountable) == ([role["Clerk"]], [role["Lead"]])

    [item] = plan.roadmap
    assert item.title == journey.ROADMAP_ITEM
    assert item.start_week == journey.ROADMAP_WEEKS_LATER

    book = openpyxl.load_workbook(tmp_path / f"{_stem(journey.TITLE)}.xlsx", read_only=True)
    cells = {str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v}
    assert {name for name, *_ in journey.USE_CASES} <= cells
    pdf_text = "".join(page.extract_text() for page in PdfReader(tmp_path / f"{_stem(journey.TITLE)}.pdf").pages)
    assert journey.TITLE in pdf_text

    assert counts["capture"] <= journey.BUDGETS["capture"], counts
    assert counts["scoring"] <= journey.BUDGETS["scoring"], counts


def _stem(title: str) -> str:
    from ui.files import safe_file_stem

    return safe_file_stem(title)
