"""Comments in the app: the inspector's comments box (add, resolve, edit, delete, all undoable) on
a step and a roadmap item, and the Comments panel with its filter and its jump to the element."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from omplanner.commands import add_comment, remove_cascade
from tests.ui.canvas_pages import show_process_page, show_roadmap_in_weeks
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import NAME_KEY, settings

STEP = "ap-r3"  # "Match to order and goods receipt"


@pytest.fixture(autouse=True)
def _no_example_comments(example_plan):
    """The tests count their own comments, whatever the example plan holds."""
    example_plan.comments = []


@pytest.fixture
def named():
    settings().setValue(NAME_KEY, "Ana Ruiz")


def _type(qtbot, box, words: str) -> None:
    box.entry.setFocus()
    qtbot.keyClicks(box.entry, words)


def test_a_comment_added_with_ctrl_enter_on_a_step_is_in_the_plan_and_undone(qtbot, example_plan, named):
    page = show_process_page(qtbot, example_plan)
    assert page.select_element(STEP)
    box = page.inspector.comments
    assert box.isVisible() and box.element_id == STEP
    assert box.heading.text() == "Comments" and box.cards == []
    _type(qtbot, box, "<b>Who</b> checks & signs?")
    qtbot.keyClick(box.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (comment,) = page.document.plan.comments
    assert (comment.element, comment.author, comment.text) == (STEP, "Ana Ruiz", "<b>Who</b> checks & signs?")
    assert box.entry.toPlainText() == ""
    (card,) = box.cards
    assert card.text.text() == "<b>Who</b> checks & signs?"  # as typed, never read as markup
    assert card.text.textFormat() == Qt.TextFormat.PlainText
    assert card.meta.text().startswith("Ana Ruiz · ")
    assert box.heading.text() == "Comments (1 open)"
    page.document.undo_stack.undo()
    assert page.document.plan.comments == [] and box.cards == []
    page.document.undo_stack.redo()
    assert len(box.cards) == 1


def test_resolve_edit_and_delete_on_a_roadmap_item_are_each_one_undo_step(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    assert page.select_element("item-2")
    box = page.inspector.comments
    assert box.isVisibleTo(page) and box.element_id == "item-2"
    _type(qtbot, box, "Start after the diagnostic?")
    box.add_button.click()
    stack, plan = page.document.undo_stack, page.document.plan
    assert stack.undoText() == 'Add a comment on roadmap item "Redesign the AP invoice process"'

    box.cards[0].resolve_button.click()
    assert plan.comments[0].resolved
    assert box.cards[0].resolve_button.text() == "Reopen"
    assert box.cards[0].meta.text().endswith("· resolved")
    assert box.heading.text() == "Comments (0 open, 1 resolved)"
    stack.undo()
    assert not plan.comments[0].resolved and box.cards[0].resolve_button.text() == "Resolve"

    box.cards[0].edit_button.click()
    assert box.entry.toPlainText() == "Start after the diagnostic?" and box.add_button.text() == "Save"
    box.entry.setPlainText("Start in week 5")
    box.add_button.click()
    assert plan.comments[0].text == "Start in week 5" and len(plan.comments) == 1
    assert box.cards[0].text.text() == "Start in week 5"
    stack.undo()
    assert box.cards[0].text.text() == "Start after the diagnostic?"

    box.cards[0].delete_button.click()
    assert plan.comments == [] and box.cards == []
    stack.undo()
    assert [c.text for c in plan.comments] == ["Start after the diagnostic?"] and len(box.cards) == 1

    page.select_element("item-3")
    assert box.element_id == "item-3" and box.cards == []


@pytest.fixture
def window(qtbot, example_plan):
    for element, words in ((STEP, "Who checks the tolerance?"), ("item-2", "Start later?"), ("dec-ap-post", "Agreed")):
        add_comment(example_plan, element, words, "Ben").apply(example_plan)
    example_plan.comments[2].resolved = True
    win = MainWindow(Document(example_plan))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_panel_filters_open_and_resolved_and_names_each_element(qtbot, window):
    window.action_map["view.comments"].trigger()
    panel = window.comments
    assert panel.isVisible() and window.action_map["view.comments"].isChecked()
    rows = panel.row_texts()
    assert [r.splitlines()[0] for r in rows] == [
        'On step "Match to order and goods receipt"',
        'On roadmap item "Redesign the AP invoice process"',
    ]
    assert panel.counts.text() == "2 open · 1 resolved"
    panel.filter_buttons["resolved"].click()
    assert [r.splitlines()[:2] for r in panel.row_texts()] == [
        ['On decision "Post an invoice that matches within tolerance"', "Agreed"]
    ]
    panel.filter_buttons["all"].click()
    assert len(panel.row_texts()) == 3


def test_counts_follow_edits_undo_and_redo(qtbot, window):
    window.toggle_comments(True)
    panel, document = window.comments, window.document
    panel.entries.setCurrentRow(0)
    panel.resolve_button.click()
    assert panel.counts.text() == "1 open · 2 resolved" and len(panel.row_texts()) == 1
    document.undo_stack.undo()
    assert panel.counts.text() == "2 open · 1 resolved" and len(panel.row_texts()) == 2
    document.execute(remove_cascade(document.plan, STEP))  # the step goes, and its comment with it
    assert panel.counts.text() == "1 open · 1 resolved"
    document.undo_stack.undo()
    assert panel.counts.text() == "2 open · 1 resolved"
    assert panel.windowTitle() == "Comments (2 open)"


def test_activating_a_row_shows_the_element_selected_on_its_page(qtbot, window):
    window.toggle_comments(True)
    panel = window.comments
    panel.entries.setCurrentRow(0)
    panel.entries.itemActivated.emit(panel.entries.item(0))
    page = window.page("processes")
    assert window.current_page() is page
    assert page.pane("redesigned").scene.selected_step_ids() == [STEP]
    assert page.inspector.comments.element_id == STEP
    assert [c.text.text() for c in page.inspector.comments.cards] == ["Who checks the tolerance?"]

    panel.entries.setCurrentRow(1)
    panel.show_button.click()
    roadmap = window.page("roadmap")
    assert window.current_page() is roadmap and roadmap.selected_id() == "item-2"

    panel.filter_buttons["resolved"].click()
    panel.entries.setCurrentRow(0)
    panel.show_button.click()
    assert window.current_page() is window.page("decisions")


@pytest.mark.parametrize(
    ("page_id", "element"),
    [("decisions", "dec-ap-variance"), ("use_cases", "uc-email"), ("diagnostic", "score-uc-ap-decision_rights")],
)
def test_decisions_use_cases_and_scores_take_comments_on_their_page(qtbot, window, page_id, element):
    page = window.show_page(page_id)
    assert window.show_element(element) and window.current_page() is page
    box = page.comments
    assert box.element_id == element and box.isVisibleTo(page) and box.cards == []
    _type(qtbot, box, "Check with the client")
    qtbot.keyClick(box.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [c.text for c in window.document.plan.comments if c.element == element] == ["Check with the client"]
    assert [c.text.text() for c in box.cards] == ["Check with the client"]
    window.document.undo_stack.undo()
    assert box.cards == []


def test_a_cell_without_an_agreed_score_says_how_to_comment(qtbot, example_plan):
    from ui.pages.diagnostic import DiagnosticPage

    example_plan.scores = [s for s in example_plan.scores if s.use_case != "uc-forecast"]
    page = DiagnosticPage(Document(example_plan))
    qtbot.addWidget(page)
    page.show()
    assert page.select_element("uc-forecast")
    page.show_comments()
    assert page.comments.element_id is None and page.comments_hint.isVisibleTo(page)
    assert not page.comments.isVisibleTo(page)
