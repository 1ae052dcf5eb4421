from PySide6.QtCore import Qt

from omplanner.model import Component
from tests.ui.page_tools import click_cell, open_page
from ui.pages.diagnostic import DiagnosticPage
from ui.widgets.score_grid import COMPONENTS, agreed_score


def column(component: Component) -> int:
    return COMPONENTS.index(component)


def test_keys_score_the_focused_cell_and_arrows_move(qtbot, example_plan):
    document, page = open_page(qtbot, DiagnosticPage, example_plan)
    click_cell(qtbot, page.grid, 1, column(Component.GOVERNANCE))
    qtbot.keyClick(page.grid, Qt.Key.Key_4)
    assert agreed_score(document.plan, "uc-email", Component.GOVERNANCE).value == 4
    qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    qtbot.keyClick(page.grid, Qt.Key.Key_5)
    assert agreed_score(document.plan, "uc-email", Component.DATA).value == 5
    assert page.grid_model.index(1, column(Component.DATA)).data() == "5"
    email = next(s for s in page.radar.series if s.label == "Customer e-mail triage")
    assert email.values[column(Component.GOVERNANCE)] == 4 and email.emphasised

    document.undo_stack.undo()
    document.undo_stack.undo()
    assert agreed_score(document.plan, "uc-email", Component.GOVERNANCE).value == 1
    assert agreed_score(document.plan, "uc-email", Component.DATA).value == 3


def test_delete_clears_and_a_key_scores_an_empty_cell(qtbot, example_plan):
    document, page = open_page(qtbot, DiagnosticPage, example_plan)
    count = len(document.plan.scores)
    click_cell(qtbot, page.grid, 2, column(Component.PROCESS))
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert agreed_score(document.plan, "uc-forecast", Component.PROCESS) is None
    assert page.grid_model.index(2, 0).data() == ""
    qtbot.keyClick(page.grid, Qt.Key.Key_3)
    assert agreed_score(document.plan, "uc-forecast", Component.PROCESS).value == 3
    assert len(document.plan.scores) == count
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert agreed_score(document.plan, "uc-forecast", Component.PROCESS).value == 2


def test_a_round_in_the_room_shows_median_and_flags_disagreement(qtbot, example_plan):
    document, page = open_page(qtbot, DiagnosticPage, example_plan)
    cell = page.grid_model.index(0, column(Component.CAPABILITY))
    room = cell.data(Qt.ItemDataRole.UserRole)
    assert room.median == 2 and room.spread == 3 and room.disagrees
    assert "disagrees" in cell.data(Qt.ItemDataRole.ToolTipRole)

    click_cell(qtbot, page.grid, 1, column(Component.PROCESS))
    assert page.detail.title() == "Customer e-mail triage · Process design"
    tabs = page.detail_tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center())
    assert page.participant_edit.isVisible()
    for name, value in (("Priya", 3), ("Tom", 3)):
        page.participant_value.setValue(value)
        qtbot.keyClicks(page.participant_edit, name)
        qtbot.keyClick(page.participant_edit, Qt.Key.Key_Return)
    room = page.grid_model.index(1, 0).data(Qt.ItemDataRole.UserRole)
    assert room.values == (3, 3) and not room.disagrees
    assert page.room_model.rowCount() == 2
    page.participant_value.setValue(5)
    qtbot.keyClicks(page.participant_edit, "Sara")
    qtbot.keyClick(page.participant_edit, Qt.Key.Key_Return)
    room = page.grid_model.index(1, 0).data(Qt.ItemDataRole.UserRole)
    assert room.median == 3 and room.disagrees
    assert tabs.tabText(1) == "Round in the room (3)"

    qtbot.mouseClick(page.agree_button, Qt.MouseButton.LeftButton)
    assert agreed_score(document.plan, "uc-email", Component.PROCESS).value == 3
    for _ in range(4):
        document.undo_stack.undo()
    assert page.grid_model.index(1, 0).data(Qt.ItemDataRole.UserRole) is None


def test_evidence_typed_for_the_focused_cell_and_links(qtbot, example_plan):
    document, page = open_page(qtbot, DiagnosticPage, example_plan)
    click_cell(qtbot, page.grid, 0, column(Component.GOVERNANCE))
    score = agreed_score(document.plan, "uc-ap", Component.GOVERNANCE)
    before = score.evidence
    page.evidence_edit.setFocus()
    page.evidence_edit.moveCursor(page.evidence_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.evidence_edit, " Owner agreed on Monday.")
    assert score.evidence == before + " Owner agreed on Monday."

    page.link_combo.setFocus()
    qtbot.keyClicks(page.link_combo, "Threshold")  # the first of three; Space would open the list
    qtbot.keyClick(page.link_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.link_combo, Qt.Key.Key_Down)
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    assert score.elements == ["thr-ap-duplicates"]
    assert page.links_list.count() == 1 and "Duplicate payments" in page.links_list.item(0).text()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert score.evidence == before and score.elements == []
    assert page.select_element(score.id) and page.current_cell() == ("uc-ap", Component.GOVERNANCE)


def test_the_page_fits_a_laptop_screen_beside_the_findings_dock(qtbot, example_plan):
    """On a 1366x768 laptop the page once pushed the window to 1538 pixels, off the screen."""
    from ui.document import Document
    from ui.main_window import MainWindow

    window = MainWindow(Document(example_plan))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("diagnostic")
    qtbot.waitUntil(lambda: page.isVisible())
    assert window.findings.isVisible()
    assert window.width() <= 1366 and window.minimumSizeHint().width() <= 1366
    assert page.radar.width() >= 300  # the chart keeps a readable size


def test_a_round_label_is_shortened_rather_than_cut_in_a_narrow_cell(qtbot, example_plan):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    from ui.widgets.score_grid import room_label

    document, page = open_page(qtbot, DiagnosticPage, example_plan)
    room = page.grid_model.index(0, column(Component.CAPABILITY)).data(Qt.ItemDataRole.UserRole)
    image = QImage(400, 80, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        for width in (300, 60, 30, 12, 4):
            text = room_label(room, painter, QRect(0, 0, width, 60))
            widest = max((painter.fontMetrics().horizontalAdvance(line) for line in text.split("\n")), default=0)
            assert widest <= width  # never cut at its left, as 'oom 2' was
        assert room_label(room, painter, QRect(0, 0, 300, 60)).startswith("room 2")
        assert "⚑" in room_label(room, painter, QRect(0, 0, 30, 60))  # the disagreement flag stays longest
    finally:
        painter.end()
