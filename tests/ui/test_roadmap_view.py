"""What the user sees of the roadmap once it scrolls, zooms and opens its inspector.

The lane names and the time header stay pinned while the timeline scrolls under them: a bar
brought into view must land clear of them, and the header's labels must never run together.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from omplanner.model import Plan
from tests.ui.canvas_pages import show_roadmap_in_weeks
from ui.roadmap.items import Theme
from ui.roadmap.layout import HEADER_H, LANE_LABEL_W


@pytest.fixture
def page(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    page.resize(760, 600)  # a narrow window, as beside the findings dock on a laptop
    qtbot.wait(10)
    return page


def _bar_in_view(page, item_id: str) -> tuple[float, float, float]:
    """The viewport x of the bar's start and of its label's start, and the viewport width."""
    view, bar = page.view, page.scene.bars[item_id]
    start = view.mapFromScene(bar.pos()).x()
    label = view.mapFromScene(bar.mapToScene(bar.label_rect().topLeft())).x()
    return start, label, view.viewport().width()


def _assert_clear_of_the_lane_names(page, item_id: str) -> None:
    start, label, width = _bar_in_view(page, item_id)
    assert start >= LANE_LABEL_W, "the bar's start is under the pinned lane names"
    assert LANE_LABEL_W <= label < width - 20, "the start of its label is out of sight"


def test_a_finding_shows_its_bar_clear_of_the_pinned_lane_names(qtbot, page):
    view = page.view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert page.select_element("item-15")  # a long bar with a long label, far right
    _assert_clear_of_the_lane_names(page, "item-15")
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert page.select_element("item-10")
    _assert_clear_of_the_lane_names(page, "item-10")


def test_choosing_a_row_of_the_table_shows_its_bar_clear_of_the_lane_names(qtbot, page):
    page.table_button.setChecked(True)
    view = page.view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    page.table.selectRow(page.table.model_.row_of("item-7"))
    assert page.selected_id() == "item-7"
    _assert_clear_of_the_lane_names(page, "item-7")


def test_qt_ensure_visible_and_centre_on_keep_clear_of_the_lane_names(qtbot, page):
    view, bar = page.view, page.scene.bars["item-16"]
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.ensureVisible(bar)
    _assert_clear_of_the_lane_names(page, "item-16")
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.centerOn(bar)
    _assert_clear_of_the_lane_names(page, "item-16")


def test_nudging_a_bar_with_the_arrow_keys_keeps_it_in_sight(qtbot, page):
    view, bar = page.view, page.scene.bars["item-15"]
    page.select_element("item-15")
    # scroll so that the bar starts just right of the pinned column
    hbar = view.horizontalScrollBar()
    hbar.setValue(hbar.value() + round(view.mapFromScene(bar.pos()).x() - LANE_LABEL_W - 2))
    assert view.mapFromScene(bar.pos()).x() < LANE_LABEL_W + 10
    view.setFocus()
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Left)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Left)
    assert page.document.plan.item("item-15").start_week == 16
    _assert_clear_of_the_lane_names(page, "item-15")


def test_the_header_corner_stays_blank_when_the_timeline_scrolls(qtbot, page):
    view = page.view
    page.view.set_scale("quarters")
    for value in range(0, view.horizontalScrollBar().maximum() + 1, 37):
        view.horizontalScrollBar().setValue(value)
        image = view.viewport().grab().toImage()
        background = page.scene.theme.background.rgb()
        stray = [
            (x, y)
            for x in range(2, int(LANE_LABEL_W) - 2)
            for y in range(2, int(HEADER_H) - 2)
            if image.pixelColor(x, y).rgb() != background
        ]
        assert not stray, f"something shows in the header corner at scroll {value}: {stray[:3]}"


def _labels_by_row(page) -> dict[float, list]:
    rows = defaultdict(list)
    for label in page.scene.timeline.header_labels():
        rows[round(label.rect.top())].append(label)
    return rows


@pytest.mark.parametrize("scale", ["weeks", "months", "quarters"])
@pytest.mark.parametrize("text_scale", [1.0, 1.4])
def test_header_labels_never_run_into_each_other(qtbot, page, scale, text_scale):
    page.scene.set_theme(page.document.plan, Theme(text_scale=text_scale))
    page.view.set_scale(scale)
    for ppw in (None, 6.0, 13.0, 17.0, 30.0):  # Fit and the zooms between the named scales
        if ppw is not None:
            page.scene.set_scale(page.document.plan, scale, ppw)
        rows = _labels_by_row(page)
        assert len(rows) == 2
        for labels in rows.values():
            labels.sort(key=lambda lab: lab.rect.left())
            for a, b in zip(labels, labels[1:], strict=False):
                assert a.rect.right() + 2 <= b.rect.left(), f"'{a.text}' runs into '{b.text}' ({scale}, {ppw})"
        top = min(rows)
        texts = [lab.text for lab in rows[top]]
        assert any("2027" in t for t in texts), f"the year is never shown: {texts}"


def test_today_keeps_clear_of_the_week_numbers(qtbot, example_plan):
    blank = Plan()
    blank.details.start_date = date.today()
    page = show_roadmap_in_weeks(qtbot, blank)
    for scale in ("weeks", "months", "quarters"):
        page.view.set_scale(scale)
        labels = page.scene.timeline.header_labels()
        today = [lab for lab in labels if lab.text == "Today"]
        assert today, scale
        others = [lab for lab in labels if lab.text != "Today"]
        assert not [lab.text for lab in others if lab.rect.intersects(today[0].rect)], scale


def test_scrolled_header_names_the_month_under_the_pinned_column(qtbot, page):
    view = page.view
    view.horizontalScrollBar().setValue(700)  # well past January
    left = view.mapToScene(QPoint(0, 0)).x()
    labels = page.scene.timeline.header_labels(0.0, left)
    assert all(lab.rect.left() >= left + LANE_LABEL_W for lab in labels)
    first_row = min(round(lab.rect.top()) for lab in labels)
    first = min(labels, key=lambda lab: (round(lab.rect.top()) != first_row, lab.rect.left()))
    assert first.rect.left() < left + LANE_LABEL_W + 10  # the month partly scrolled away still shows
    assert first.text.endswith("2027")  # with its year, the first shown
    layout = page.scene.layout
    at_the_edge = layout.week_date(layout.week_at(left + LANE_LABEL_W))
    assert first.text.startswith(at_the_edge.strftime("%b"))  # the month at the column's edge


# -- the inspector ------------------------------------------------------------------------------


def test_the_inspector_takes_room_only_while_an_item_is_selected(qtbot, page):
    panel, view = page.inspector_panel, page.view
    assert not panel.isVisible()
    wide = view.width()
    page.select_element("item-9")
    assert panel.isVisible()
    assert panel.width() <= 300
    assert view.width() < wide
    _assert_clear_of_the_lane_names(page, "item-9")
    page.scene.clearSelection()
    assert not panel.isVisible()
    qtbot.waitUntil(lambda: view.width() == wide)


def test_the_inspector_button_is_obeyed_and_kept(qtbot, page):
    panel = page.inspector_panel
    page.inspector_button.setChecked(False)
    page.select_element("item-9")
    assert not panel.isVisible()  # switched off: selecting does not bring it back
    page.inspector_button.setChecked(True)
    assert panel.isVisible()
    page.scene.clearSelection()
    page.inspector_button.setChecked(False)
    page.inspector_button.setChecked(True)
    assert not panel.isVisible()
    assert "select" in page.status.text().lower()  # the user is told when it will open


def test_clicking_a_bar_opens_the_inspector_after_the_click_and_keeps_the_bar_in_sight(qtbot, page):
    view = page.view
    page.select_element("item-15")
    page.scene.clearSelection()
    qtbot.wait(50)  # the timeline widens again as the inspector closes
    point = view.anchor_point("item-15").toPoint()
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert not page.inspector_panel.isVisible()  # not while the button is down: a drag may follow
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert page.selected_id() == "item-15"
    assert page.inspector_panel.isVisible()
    start, _label, width = _bar_in_view(page, "item-15")
    assert LANE_LABEL_W <= start < width - 10


def test_the_hint_is_short_and_the_gestures_are_a_tooltip_away(qtbot, page):
    assert len(page.inspector.heading.text()) < 80
    assert "Drag" in page.view.toolTip()


@contextmanager
def presentation_type(qapp):
    """The app's type as presentation mode sets it (1.4x), restored afterwards."""
    from PySide6.QtGui import QFont

    from ui.theme import TYPE_SCALE_PROPERTY

    normal = QFont(qapp.font())
    bigger = QFont(normal)
    bigger.setPointSizeF(normal.pointSizeF() * 1.4)
    try:
        qapp.setProperty(TYPE_SCALE_PROPERTY, 1.4)
        qapp.setFont(bigger)
        yield
    finally:
        qapp.setProperty(TYPE_SCALE_PROPERTY, None)
        qapp.setFont(normal)


def test_a_page_opened_in_presentation_mode_draws_the_canvas_larger(qtbot, qapp, example_plan):
    from ui.document import Document
    from ui.roadmap.page import RoadmapPage

    with presentation_type(qapp):
        page = RoadmapPage(Document(example_plan))
        qtbot.addWidget(page)
        assert page.scene.theme.text_scale == pytest.approx(1.4)
    qtbot.waitUntil(lambda: page.scene.theme.text_scale == 1.0)


def test_in_the_dark_the_header_corner_is_the_dark_background(qtbot, page):
    page.scene.set_theme(page.document.plan, Theme(dark=True))
    page.view.horizontalScrollBar().setValue(200)
    page.view.verticalScrollBar().setValue(40)
    image = page.view.viewport().grab().toImage()
    assert image.pixelColor(20, 20).lightness() < 80
    assert QColor(image.pixelColor(20, 20)).rgb() == page.scene.theme.background.rgb()


def test_a_timeline_starting_mid_quarter_names_that_quarter(qtbot):
    plan = Plan()
    plan.details.start_date = date(2026, 11, 27)
    page = show_roadmap_in_weeks(qtbot, plan)
    page.view.set_scale("quarters")
    texts = [lab.text for lab in page.scene.timeline.header_labels()]
    assert texts[0] == "Q4 2026"
    assert [t for t in texts if t.endswith(" 2027")]


def test_in_presentation_type_every_toolbar_button_stays_on_screen(qtbot, qapp, example_plan):
    from ui.widgets.style import rescale_page_fonts

    page = show_roadmap_in_weeks(qtbot, example_plan)
    page.resize(900, 640)  # the page beside the sidebar and findings dock at 1366x768
    try:
        with presentation_type(qapp):
            rescale_page_fonts(page)
            buttons = [page.auto_button, page.fix_button, page.inspector_button, page.table_button, page.export_button]
            qtbot.waitUntil(lambda: all(b.isVisible() for b in buttons))
            for button in buttons:
                corner = button.mapTo(page, button.rect().bottomRight())
                assert corner.x() <= page.width(), button.text()
    finally:
        rescale_page_fonts(page)
    page.resize(1300, 640)  # at the normal size, room for one row: one row it is
    qtbot.waitUntil(lambda: page.toolbar_row.direction() == page.toolbar_row.Direction.LeftToRight)
    qtbot.waitUntil(lambda: abs(_middle_y(page, page.export_button) - _middle_y(page, page.lanes)) < 12)


def _middle_y(page, widget) -> int:
    return widget.mapTo(page, widget.rect().center()).y()
