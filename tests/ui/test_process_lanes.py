"""Removing a lane from the canvas: its header clicked, then Remove lane from its menu."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from omplanner.process import LANE_HEIGHT
from tests.ui.canvas_pages import redesigned, show_redesigned_map
from ui.process import lane_actions


@pytest.fixture
def page(qtbot, example_plan):
    return show_redesigned_map(qtbot, example_plan, (300, 250))


def click_header(page, index):
    view = page.pane("redesigned").view
    point = view.mapFromScene(QPointF(-100, index * LANE_HEIGHT + LANE_HEIGHT / 2))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def remove_action(page):
    pane = page.pane("redesigned")
    menu = page.context_menu(pane, QPointF(-100, 2 * LANE_HEIGHT + 60))
    return next(a for a in menu.actions() if a.text() == "Remove lane…")


def test_removing_a_lane_with_steps_asks_and_moves_them_in_one_undo_step(page, monkeypatch):
    asked = []

    def choose(parent, title, label, items, current, editable):
        asked.append(items)
        return items[2], True  # the third of the other lanes: the ERP system

    monkeypatch.setattr(lane_actions, "choose_item", choose)
    click_header(page, 2)  # the AP lead's lane
    assert page.pane("redesigned").scene.active_lane == "role-ap-lead"
    undo = page.document.undo_stack.count()
    remove_action(page).trigger()
    assert len(asked[0]) == 4 and asked[0][-1].startswith("Delete the 1 step")
    pmap = redesigned(page)
    assert "role-ap-lead" not in pmap.lanes
    assert pmap.step("ap-r7").lane == "role-erp"
    assert "role-ap-lead" not in page.pane("redesigned").scene.lanes  # the canvas shows it gone
    assert page.document.undo_stack.count() == undo + 1
    page.document.undo_stack.undo()
    assert redesigned(page).lanes[2] == "role-ap-lead" and redesigned(page).step("ap-r7").lane == "role-ap-lead"


def test_removing_a_lane_can_delete_its_steps_or_be_cancelled(page, monkeypatch):
    answers = iter([("", False), None])

    def choose(parent, title, label, items, current, editable):
        answer = next(answers)
        return answer if answer is not None else (items[-1], True)

    monkeypatch.setattr(lane_actions, "choose_item", choose)
    click_header(page, 2)
    remove_action(page).trigger()  # cancelled: nothing changes
    assert "role-ap-lead" in redesigned(page).lanes
    remove_action(page).trigger()
    assert "role-ap-lead" not in redesigned(page).lanes and redesigned(page).step("ap-r7") is None


def test_an_empty_lane_goes_without_asking(page, monkeypatch):
    monkeypatch.setattr(lane_actions, "choose_item", lambda *a: pytest.fail("asked"))
    assert page.add_lane("Procurement analyst")
    lanes = redesigned(page).lanes
    click_header(page, len(lanes) - 1)
    menu = page.context_menu(page.pane("redesigned"), QPointF(-100, (len(lanes) - 1) * LANE_HEIGHT + 60))
    next(a for a in menu.actions() if a.text() == "Remove lane…").trigger()
    assert redesigned(page).lanes == lanes[:-1]
    assert not page.remove_lane()  # the active lane is gone: nothing to remove


def test_table_and_inspector_fold_away_to_give_the_maps_room(page):
    view = page.pane("redesigned").view
    assert not page.table.isVisible() and not page.inspector_panel.isVisible()
    wide = view.width()
    page.select_element("ap-r3")
    assert page.inspector_panel.isVisible() and page.inspector.step_id == "ap-r3"
    page.pane("redesigned").view.viewport().update()
    QTest.qWait(10)
    assert view.width() < wide  # the inspector took its room from the map
    page.inspector_button.setChecked(False)
    assert not page.inspector_panel.isVisible()
    page.table_button.setChecked(True)
    assert page.table.isVisible()
    page.pane("redesigned").scene.clearSelection()
    page.inspector_button.setChecked(True)
    assert not page.inspector_panel.isVisible()  # nothing selected: nothing to inspect


def test_lane_names_stay_in_view_when_the_map_scrolls_sideways(qtbot, example_plan):
    """Scrolled past the lane headers, the view draws them again at its left edge: the room can
    still tell which band is whose."""
    page = show_redesigned_map(qtbot, example_plan, (1200, 250))
    view = page.pane("redesigned").view
    assert view.pinned_lanes() is not None  # the lanes' own headers are off to the left
    header_colour = view.scene().style.lane_header_brush.color()
    image = view.viewport().grab().toImage()
    y = view.mapFromScene(QPointF(0, LANE_HEIGHT + 8)).y()  # inside the second lane, below any name
    assert image.pixelColor(4, y) == header_colour
    assert image.pixelColor(60, y) == header_colour
    assert image.pixelColor(300, y) != header_colour  # the rest is the map

    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    assert view.pinned_lanes() is None  # back at the left: the lanes show their own headers


def test_tab_to_a_step_never_leaves_it_under_the_pinned_lane_names(qtbot, example_plan):
    from PySide6.QtTest import QTest

    from ui.process.items import LANE_HEADER_WIDTH

    page = show_redesigned_map(qtbot, example_plan, (1200, 250))
    view = page.pane("redesigned").view
    view.setFocus()
    scene = view.scene()
    for _ in range(len(scene.steps)):
        QTest.keyClick(view, Qt.Key.Key_Tab)
        (step_id,) = scene.selected_step_ids()
        shown = view.mapFromScene(scene.steps[step_id].sceneBoundingRect()).boundingRect()
        if view.pinned_lanes() is not None:
            assert shown.left() >= LANE_HEADER_WIDTH * view.zoom(), step_id
        assert view.viewport().rect().contains(shown.center()), step_id
