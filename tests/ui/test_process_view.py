"""Zoom, pan, synchronised zoom, the routes of arrows, and renaming a flow's label in place."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.canvas_pages import show_process_page
from ui.process.routing import label_anchor, offset_route, route


@pytest.fixture
def page(qtbot, example_plan):
    page = show_process_page(qtbot, example_plan)
    qtbot.wait(20)  # the first fit happens just after the page is shown
    return page


def wheel(view, delta, modifiers):
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_and_keys_zoom_both_maps_together(page):
    current, redesigned = page.pane("current").view, page.pane("redesigned").view
    start = current.zoom()
    fit = min(current.fit_zoom(), redesigned.fit_zoom())
    # first shown whole if that is readable, else at a readable size from the start of the map
    assert start == pytest.approx(max(0.6, fit))
    assert redesigned.zoom() == pytest.approx(start)
    wheel(current, 120, Qt.KeyboardModifier.ControlModifier)
    assert current.zoom() == pytest.approx(start * 1.15)
    assert redesigned.zoom() == pytest.approx(current.zoom())
    redesigned.setFocus()
    QTest.keyClick(redesigned, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert redesigned.zoom() == pytest.approx(start * 1.15 * 0.8)
    assert current.zoom() == pytest.approx(redesigned.zoom())
    QTest.keyClick(redesigned, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert redesigned.zoom() == pytest.approx(start * 1.15)
    # a wheel without Ctrl scrolls instead of zooming
    wheel(current, 120, Qt.KeyboardModifier.NoModifier)
    assert current.zoom() == pytest.approx(start * 1.15)
    page.fit()
    assert current.zoom() == pytest.approx(min(current.fit_zoom(), redesigned.fit_zoom()))
    assert current.zoom() <= start
    current.set_zoom(1.0)
    current.setFocus()
    QTest.keyClick(current, Qt.Key.Key_F)
    assert current.zoom() < 1.0


def test_middle_button_and_space_drag_pan_without_editing(page):
    view = page.pane("current").view
    view.set_zoom(1.5)
    stack = page.document.undo_stack
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    start = view.mapFromScene(QPointF(630, 50))  # on a step: panning must not move it
    QTest.mousePress(view.viewport(), Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view.viewport(), start + QPoint(-80, 0))
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start + QPoint(-80, 0)
    )
    assert bar.value() == before + 80
    view.setFocus()
    QTest.keyPress(view, Qt.Key.Key_Space)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view.viewport(), start + QPoint(40, 0))
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(40, 0)
    )
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert bar.value() == before + 40
    assert stack.count() == 0
    assert page.document.plan.use_case("uc-ap").current.step("ap-c4").x == 630


def test_double_click_a_flow_edits_its_label(page):
    page.set_mode("current")
    view = page.pane("current").view
    view.set_zoom(1.0)
    view.centerOn(900, 250)
    # the "yes" flow from the decision runs along y = 310 towards "Approve for payment"
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(QPointF(900, 310))
    )
    line = view._editor_line
    assert line is not None and line.text() == "yes · 75 %"
    assert "share of cases" in line.toolTip()
    line.setText("matches · 80 %")
    QTest.keyClick(line, Qt.Key.Key_Return)
    flow = next(f for f in page.document.plan.use_case("uc-ap").current.flows if f.id == "ap-cf8")
    assert flow.label == "matches · 80 %"
    assert page.pane("current").scene.arrows["ap-cf8"].label == "matches · 80 %"
    page.document.undo_stack.undo()
    assert page.pane("current").scene.arrows["ap-cf8"].label == "yes · 75 %"


def test_routes_are_orthogonal_and_avoid_what_is_in_the_way():
    assert route((0, 0), (190, 0), 75, 30) == [(75, 0), (115, 0)]
    assert route((0, 0), (0, 130), 75, 30) == [(0, 30), (0, 100)]
    # a decision branches vertically first; a task carries on horizontally first
    assert route((0, 0), (380, 260), 75, 30, prefer_vertical=True) == [(0, 30), (0, 260), (305, 260)]
    assert route((0, 0), (380, 260), 75, 30) == [(75, 0), (380, 0), (380, 230)]
    # when the preferred route is blocked and the other is clear, take the other
    blocked_first = lambda points: points[0] == (75, 0)  # noqa: E731
    assert route((0, 0), (380, 260), 75, 30, blocked=blocked_first)[0] == (0, 30)
    # backwards, or over a step in the same row: loop underneath
    assert route((380, 0), (0, 0), 75, 30) == [(380, 30), (380, 52), (0, 52), (0, 30)]
    assert route((0, 0), (380, 0), 75, 30, blocked=lambda p: len(p) == 2)[1] == (0, 52)
    assert label_anchor([(0, 0), (0, 100), (40, 100)]) == ((0, 50), "right")
    assert label_anchor([(0, 30), (0, 52), (380, 52), (380, 30)]) == ((190, 52), "below")
    shifted = offset_route([(0, 30), (0, 260), (305, 260)])
    assert shifted == [(25, 30), (25, 272), (305, 272)]


def test_presentation_type_size_enlarges_the_maps(page):
    from PySide6.QtGui import QFont

    view = page.pane("current").view
    before = view.zoom()
    bigger = QFont(page.font())
    bigger.setPointSizeF(page.font().pointSizeF() * 1.4)
    page.setFont(bigger)
    assert view.zoom() == pytest.approx(before * 1.4, rel=0.01)
    assert page.pane("redesigned").view.zoom() == pytest.approx(view.zoom())


def test_each_mode_keeps_its_own_zoom(page, qtbot):
    """A map shown alone after Both is not left at the zoom that fitted it into half the page."""
    both = page.pane("current").view.zoom()
    page.pane("current").view.set_zoom(both * 0.8)
    page.set_mode("redesigned")
    qtbot.wait(20)
    alone = page.pane("redesigned").view
    assert alone.zoom() == pytest.approx(max(0.6, alone.fit_zoom()))
    alone.set_zoom(1.3)
    page.set_mode("both")
    qtbot.wait(20)
    assert page.pane("current").view.zoom() == pytest.approx(both * 0.8)
    assert page.pane("redesigned").view.zoom() == pytest.approx(both * 0.8)
    page.set_mode("redesigned")
    qtbot.wait(20)
    assert alone.zoom() == pytest.approx(1.3)


def test_v_swaps_between_the_maps_from_the_keyboard(page, qtbot):
    """On a projector the room compares the maps by one key: V shows the other map alone (or, in
    Both, gives the other pane the focus and the steps table)."""
    page.set_mode("current")
    qtbot.wait(20)
    page.pane("current").view.setFocus()
    QTest.keyClick(page.pane("current").view, Qt.Key.Key_V)
    qtbot.wait(20)
    assert page.mode == "redesigned" and not page.pane("current").isVisible()
    assert page.pane("redesigned").view.hasFocus()
    QTest.keyClick(page.pane("redesigned").view, Qt.Key.Key_V)
    assert page.mode == "current"
    page.set_mode("both")
    page.pane("current").view.setFocus()
    page._set_active("current")
    QTest.keyClick(page.pane("current").view, Qt.Key.Key_V)
    assert page.mode == "both" and page.active_variant == "redesigned"
    assert page.pane("redesigned").view.hasFocus()
    assert page.table_model.map_id == page.pane("redesigned").scene.map_id


def test_larger_type_keeps_the_start_of_both_maps_in_their_corner(page, qtbot):
    """Presentation mode enlarges the maps with the type: each map still starts at its top left,
    not wherever the middle of the smaller view was (the redesign was scrolled half away)."""
    page.set_mode("both")
    qtbot.wait(20)
    page.show_start()
    corners = {v: page.pane(v).view.mapToScene(0, 0) for v in ("current", "redesigned")}
    zoom = page.pane("current").view.zoom()
    font = page.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    page.setFont(font)
    qtbot.wait(50)
    for variant, corner in corners.items():
        view = page.pane(variant).view
        assert view.zoom() == pytest.approx(zoom * 1.4, rel=0.02)
        now, scene = view.mapToScene(0, 0), view.sceneRect()  # a map that fitted had room around it
        expected = (max(corner.x(), scene.left()), max(corner.y(), scene.top()))
        assert (now.x(), now.y()) == (pytest.approx(expected[0], abs=2), pytest.approx(expected[1], abs=2))
