"""The roadmap canvas and the decision-rights header at the extremes the model admits.

A 10,000-character title stretched the roadmap by decades (its label was laid out whole beside
the bar, and the timeline grew to hold it: a 70,000-pixel slide), and a long role name made
the decision-rights header split and measure the whole name, by a loop quadratic in its words,
on every repaint."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QFontMetrics, QImage

from omplanner.model.base import MAX_TEXT
from omplanner.model.plan import EARLIEST_DATE, LATEST_DATE
from tests.ui.canvas_pages import show_roadmap_in_weeks
from tests.ui.page_tools import open_page
from ui.pages.decisions import FIXED_COLUMNS, DecisionsPage
from ui.roadmap.items import MAX_LABEL_W
from ui.roadmap.layout import BY_USE_CASE
from ui.roadmap.render import build_scene, render_roadmap
from ui.widgets.rotated_header import LONGEST_LINE, split_two_lines

LAST_WEEK = 780
"""The latest an item can end: start week 520 plus 260 weeks."""

LONG_NAMES = {"unbroken": "T" * MAX_TEXT, "words": ("ab " * MAX_TEXT)[:MAX_TEXT]}


def _longest_roadmap(plan, start) -> None:
    plan.details.start_date = start
    plan.roadmap[-1].start_week = 520
    plan.roadmap[-1].duration_weeks = 260


@pytest.mark.parametrize("name", LONG_NAMES)
def test_a_title_as_long_as_the_model_admits_keeps_the_timeline_to_its_weeks(qtbot, example_plan, name):
    example_plan.roadmap[0].title = LONG_NAMES[name]
    example_plan.use_cases[0].name = LONG_NAMES[name]
    page = show_roadmap_in_weeks(qtbot, example_plan)
    scene = page.scene
    last_end = max(i.end_week for i in example_plan.roadmap)
    assert scene.layout.weeks <= last_end + 20  # room for a label, not for 10,000 characters
    bar = scene.bars[example_plan.roadmap[0].id]
    assert bar.label_rect().width() <= 1.5 * MAX_LABEL_W + 30  # the title, then the owner at half of it
    assert bar._label_texts[0].endswith("…")
    assert len(bar.toolTip()) < 1000
    page.lanes.setCurrentIndex(page.lanes.findData(BY_USE_CASE))
    page.lanes.activated.emit(page.lanes.currentIndex())
    assert scene.mode == BY_USE_CASE
    assert all(len(lane.title) <= 200 for lane in scene.layout.lanes)
    assert not page.grab().isNull()


@pytest.mark.parametrize("start", [EARLIEST_DATE, LATEST_DATE])
def test_a_roadmap_fifteen_years_long_at_either_end_of_the_date_range(qtbot, qapp, tmp_path, example_plan, start):
    _longest_roadmap(example_plan, start)
    example_plan.roadmap[0].title = LONG_NAMES["unbroken"]
    scene = build_scene(example_plan)
    assert scene.layout.weeks <= LAST_WEEK + 20
    assert len(scene.timeline.header_labels()) <= 2 * scene.layout.weeks  # a label a week at most
    scene.dispose()
    png = render_roadmap(example_plan, tmp_path / "roadmap.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() < 2 * 6000  # at 2x: about 6 pixels a week
    svg = render_roadmap(example_plan, tmp_path / "roadmap.svg").read_text(encoding="utf-8")
    last = start + timedelta(weeks=LAST_WEEK, days=-1)
    assert f"{start:%b %Y}" in svg and str(last.year) in svg
    # the page too, scrolled to its end, with today (2026) far outside a timeline in 2199
    page = show_roadmap_in_weeks(qtbot, example_plan)
    page.view.horizontalScrollBar().setValue(page.view.horizontalScrollBar().maximum())
    assert not page.grab().isNull()


@pytest.mark.parametrize("name", LONG_NAMES)
def test_a_long_role_name_is_split_in_two_short_lines(qapp, name):
    from PySide6.QtGui import QFont

    metrics = QFontMetrics(QFont())
    lines = split_two_lines(LONG_NAMES[name], metrics)
    assert 1 <= len(lines) <= 2
    assert all(metrics.horizontalAdvance(line) <= LONGEST_LINE for line in lines)
    assert lines[-1].endswith("…")
    if name == "words":
        assert lines[0].startswith("ab ab") and len(lines) == 2


def test_a_short_name_keeps_its_balanced_split(qapp):
    from PySide6.QtGui import QFont

    metrics = QFontMetrics(QFont())
    assert split_two_lines("AP", metrics) == ["AP"]
    assert split_two_lines("Accounts payable team lead for the northern depots", metrics) == [
        "Accounts payable team lead",
        "for the northern depots",
    ]


def test_the_decision_rights_page_shows_a_role_named_at_the_models_longest(qtbot, example_plan):
    for role in example_plan.roles[:2]:
        role.name = LONG_NAMES["words"]
    example_plan.roles[2].name = LONG_NAMES["unbroken"]
    _document, page = open_page(qtbot, DecisionsPage, example_plan)
    page.show_all_roles.setChecked(True)
    header = page.table.horizontalHeader()
    assert page.model.columnCount() > FIXED_COLUMNS + 2
    assert header.sizeHint().height() <= LONGEST_LINE + 40
    assert not page.grab().isNull()
