"""Every page fits a 1366×768 laptop with the findings panel open, and the same screen in
presentation mode: no primary column or control is out of sight or cut.

What is primary is listed per page below: the columns the room compares and the rules flag, and
the buttons a facilitator reaches for. A column is in sight when it lies wholly inside its
table's viewport with the table scrolled to the left, and its header's words are not cut; a
button when nothing covers or clips it and it is as wide as its text needs. No page may scroll
sideways. Presentation mode goes full screen: here the screen is a 1366×768 one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QTableView, QWidget

from tests.ui.laptop import SCREEN, laptop_window, settle
from ui.main_window import MainWindow
from ui.widgets.rotated_header import RotatedHeader

ROLE_COLUMNS = "every role column"
"""Stands for all the matrix's role columns, whatever roles the plan has."""


@dataclass(frozen=True)
class Primary:
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Table (by accessible name) → the header texts that must be wholly in sight."""
    buttons: tuple[str, ...] = ()
    whole: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Table → columns whose every cell must show its text whole (names the room reads)."""


PRIMARY = {
    "overview": Primary(),
    "use_cases": Primary(
        columns={
            "Use cases": (
                "Use case", "Status", "Volume / month", "Well defined", "Data rich", "Team willing", "Strategic value"
            )
        },
        buttons=("Add use case", "Move up", "Move down", "Remove"),
        whole={"Use cases": ("Use case",)},
    ),
    "diagnostic": Primary(
        columns={"Diagnostic scores": ("Process\ndesign", "Decision\nrights", "Capability\n& roles", "Governance",
                                       "Data\nflows")},
        buttons=("Link", "Unlink"),
    ),
    "processes": Primary(
        buttons=("Current", "Redesigned", "Both", "Differences", "Start redesign", "Lanes", "More", "Fit",
                 "Steps table", "Inspector"),
    ),
    "decisions": Primary(
        columns={"Decision rights matrix": ("Decision", "Autonomy", ROLE_COLUMNS)},
        buttons=("Add decision", "Remove", "All roles", "Set for selected"),
    ),
    "capabilities": Primary(
        columns={"Capability requirements": ("Role", "Capability", "Use case", "Now", "Needed", "Built through")},
        buttons=("Add requirement", "Remove"),
    ),
    "governance": Primary(
        columns={"Thresholds": ("Threshold metric", "Unit", "Lowest", "Highest", "Review", "Watches")},
        buttons=("Add to path", "Up", "Down", "Remove", "Add threshold"),
    ),
    "data": Primary(
        columns={
            "Data sources": ("Source", "System", "Quality owner", "Validation", "Latency", "Quality", "Used by")
        },
        buttons=("Add source", "Remove"),
        # the four answers read whole ("Partly known" was "Partly kn…" in presentation mode)
        whole={"Data sources": ("Source", "Validation", "Latency", "Origin", "Ownership")},
    ),
    "roles": Primary(
        columns={"Roles": ("Name", "Kind", "Team", "Used in", "Description")},
        buttons=("Add role", "Remove"),
        whole={"Roles": ("Name",)},
    ),
    "roadmap": Primary(
        buttons=("Weeks", "Months", "Quarters", "Fit", "Phases", "Auto-sequence", "Fix", "Inspector", "Table",
                 "Export…"),
    ),
}  # fmt: skip


@pytest.fixture
def window(qtbot, example_plan, monkeypatch):
    with laptop_window(qtbot, example_plan, monkeypatch) as win:
        yield win


def _table(page: QWidget, name: str) -> QTableView:
    tables = [t for t in page.findChildren(QTableView) if t.accessibleName() == name and t.isVisible()]
    assert tables, f"no table {name!r} on the page"
    return tables[0]


def _header_texts(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    return [str(table.model().headerData(s, header.orientation())) for s in range(header.count())]


def _column_problems(table: QTableView, wanted: tuple[str, ...], whole: tuple[str, ...]) -> list[str]:
    header = table.horizontalHeader()
    texts = _header_texts(table)
    rotated_from = header.first_rotated if isinstance(header, RotatedHeader) else len(texts)
    sections = []
    for name in wanted:
        if name == ROLE_COLUMNS:
            sections += range(rotated_from, len(texts))
        elif name in texts:
            sections.append(texts.index(name))
        else:
            return [f"no column {name!r} in {texts}"]
    problems = []
    if table.horizontalScrollBar().value() != 0:
        table.horizontalScrollBar().setValue(0)
    room = table.viewport().width()
    metrics = QFontMetrics(header.font())
    for section in sections:
        text = texts[section].replace("\n", " ")
        left, width = header.sectionViewportPosition(section), header.sectionSize(section)
        if header.isSectionHidden(section) or left < 0 or left + width > room:
            problems.append(f"{text!r} at {left}..{left + width} outside 0..{room}")
        elif section < rotated_from:
            longest_word = max(metrics.horizontalAdvance(word) for word in text.split())
            if longest_word + 8 > width:
                problems.append(f"{text!r} header cut: {width} px for a {longest_word} px word")
    for name in whole:
        section = texts.index(name)
        need = table.sizeHintForColumn(section)
        if need > header.sectionSize(section):
            problems.append(f"{name!r} cells cut: {header.sectionSize(section)} px for {need} px of text")
    return problems


def _button_problems(page: QWidget, wanted: tuple[str, ...]) -> list[str]:
    buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page) or b.isVisible()]
    problems = []
    for text in wanted:
        found = [b for b in buttons if b.text().replace("&", "") == text]
        if not found:
            problems.append(f"{text!r} not shown (folded away?)")
            continue
        button = found[0]
        shown = button.visibleRegion().boundingRect()
        if not button.isVisible() or shown != button.rect():
            problems.append(f"{text!r} clipped: {shown.width()}×{shown.height()} of {button.width()}×{button.height()}")
        elif button.width() < button.sizeHint().width():
            problems.append(f"{text!r} squeezed: {button.width()} px of {button.sizeHint().width()}")
    return problems


def _page_problems(window: MainWindow, page_id: str) -> list[str]:
    page = window.show_page(page_id)
    frame = page.parentWidget().parentWidget()
    assert isinstance(frame, QScrollArea)
    problems = []
    if frame.horizontalScrollBar().isVisible():
        problems.append(f"the page scrolls sideways: needs {page.width()} px, has {frame.viewport().width()}")
    primary = PRIMARY[page_id]
    for name, wanted in primary.columns.items():
        problems += _column_problems(_table(page, name), wanted, primary.whole.get(name, ()))
    problems += _button_problems(page, primary.buttons)
    return problems


def _findings_filter_problems(window: MainWindow) -> list[str]:
    """The findings filters show their choice whole: in the panel, or in the overlay the rail opens."""
    panel = window.findings
    problems = []
    if panel.rail_mode:
        for badge in panel.rail.badges.values():
            if badge.visibleRegion().boundingRect() != badge.rect() or badge.width() < badge.sizeHint().width():
                problems.append(f"rail badge {badge.accessibleName()!r} cut")
        panel.expand()
        QApplication.processEvents()
    for combo in (panel.severity_filter, panel.component_filter):
        need = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30  # the text, the arrow
        if combo.width() < need:
            problems.append(f"findings filter {combo.currentText()!r} cut: {combo.width()} px of {need}")
    panel.collapse()
    return problems


PAGE_IDS = list(PRIMARY)


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
def test_every_page_shows_its_primary_columns_and_buttons_at_1366x768(qtbot, window, presentation):
    if presentation:
        window.set_presentation(True)
    assert window.size() == SCREEN
    failures = {}
    for page_id in PAGE_IDS:
        window.show_page(page_id)
        settle(qtbot)
        assert window.findings.isVisible(), "the findings panel is open, as by default"
        problems = _page_problems(window, page_id) + _findings_filter_problems(window)
        if problems:
            failures[page_id] = problems
    assert not failures, "\n".join(f"{page}: {'; '.join(p)}" for page, p in failures.items())


@pytest.mark.parametrize("ring_gap", [4.0, 7.0, 9.0, 13.0, 20.0])
def test_the_radars_ring_numbers_never_run_into_each_other(ring_gap):
    from ui.widgets.radar import MAX_VALUE, ring_labels

    text_height = 13.0
    levels = ring_labels(ring_gap, text_height)
    assert MAX_VALUE in levels  # the scale is always told
    gaps = [(b - a) * ring_gap for a, b in zip(levels, levels[1:])]
    assert all(gap >= text_height for gap in gaps), f"numbers {levels} {ring_gap} px apart per ring"


def test_the_process_actions_move_under_the_view_tools_rather_than_fold_away(qtbot, window):
    """A wider findings panel (dragged by the facilitator) leaves the process page less width:
    Start redesign, Lanes, More and Fit take a second row instead of hiding in a » menu."""
    window.set_presentation(True)
    window.resizeDocks([window.findings], [480], Qt.Orientation.Horizontal)
    page = window.show_page("processes")
    settle(qtbot)
    assert window.findings.width() >= 470
    assert not _button_problems(page, ("Current", "Both", "Start redesign", "Lanes", "More", "Fit"))


def test_a_long_use_case_name_ends_in_an_ellipsis_in_the_score_grid(qtbot, window):
    plan = window.document.plan
    long_name = "Customer e-mail triage and routing for every depot in the north region"
    plan.use_cases[1].name = long_name
    window.document.replace_plan(plan, None)
    window.set_presentation(True)
    grid = window.show_page("diagnostic").grid
    settle(qtbot)
    header = grid.verticalHeader()
    shown = header.shown_text(1)
    assert shown.endswith("…") and long_name.startswith(shown[:-1])
    assert QFontMetrics(header.font()).horizontalAdvance(shown) <= header.width()
    assert header.shown_text(0) == plan.use_cases[0].name  # a short name stays whole


def test_presentation_mode_shows_the_pages_as_icons_and_leaving_it_brings_the_names_back(qtbot, window):
    from ui.pages import PAGES

    normal_width = window.sidebar.width()
    window.set_presentation(True)
    settle(qtbot)
    items = [window.sidebar.item(row) for row in range(window.sidebar.count())]
    assert window.sidebar.width() < normal_width / 2
    assert all(item.text() == "" for item in items)
    assert [item.data(Qt.ItemDataRole.AccessibleTextRole) for item in items] == [p.title for p in PAGES]
    assert all(item.toolTip().startswith(p.title) for item, p in zip(items, PAGES))
    window.set_presentation(False)
    settle(qtbot)
    assert [item.text() for item in items] == [p.title for p in PAGES]
    assert window.sidebar.width() == normal_width


def _lane_problems(window: MainWindow) -> list[str]:
    """Every lane's name and every bar on the roadmap in sight at once, without scrolling down."""
    from ui.roadmap.items import BAR_H

    page = window.show_page("roadmap")
    view, layout = page.view, page.scene.layout
    view.verticalScrollBar().setValue(0)
    shown = view.viewport().rect()
    problems = [] if view.verticalScrollBar().maximum() == 0 else ["the lanes scroll down"]
    for lane in layout.lanes:
        band = view.mapFromScene(QRectF(0, layout.lane_top[lane.key], 1, layout.lane_height[lane.key]))
        if not shown.contains(band.boundingRect()):
            problems.append(f"lane {lane.title!r} at {band.boundingRect()} outside {shown}")
        if page.scene.title_height(lane.title) > layout.lane_height[lane.key]:
            problems.append(f"lane {lane.title!r}: its name is cut")
    for item_id, bar in page.scene.bars.items():
        rect = view.mapFromScene(QRectF(bar.pos(), QSizeF(bar.width, BAR_H))).boundingRect()
        if not shown.contains(rect):
            problems.append(f"item {item_id} at {rect} outside {shown}")
    return problems


@pytest.fixture
def app_theme():
    """The style and style sheet the app runs with (the toolbars' sizes depend on them)."""
    from ui.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, "light")
    yield
    app.setStyleSheet("")
    app.setPalette(app.style().standardPalette())


@pytest.mark.parametrize("presentation", [False, True], ids=["normal", "presentation"])
def test_every_roadmap_lane_and_item_shows_without_scrolling_down(qtbot, app_theme, window, presentation):
    """The room sees the whole sequence at once: lanes below Governance used to need a scroll."""
    if presentation:
        window.set_presentation(True)
    page = window.show_page("roadmap")
    settle(qtbot)
    assert window.findings.isVisible()
    assert len(page.scene.bars) == len(window.document.plan.roadmap) >= 15
    assert not _lane_problems(window)
    # compacted, the labels keep the canvas's type size and the rows stay apart by a line of it
    label = page.scene.bars[window.document.plan.roadmap[0].id].label_font()
    spacing = page.scene.layout.spacing
    assert spacing.row_h >= QFontMetricsF(label).height()
    assert label.pointSizeF() == pytest.approx(9.0 * page.scene.theme.text_scale)


def test_lanes_compact_only_as_far_as_the_view_needs_and_never_below_a_line_of_text():
    from ui.roadmap.layout import NORMAL, fit_spacing, lane_height

    rows, titles = [1, 2, 3, 2, 2, 1, 2, 2, 1], [24.0] * 9
    tall = sum(lane_height(n, t, NORMAL) for n, t in zip(rows, titles))
    assert fit_spacing(rows, titles, tall, 21.0) == NORMAL  # room enough: nothing changes
    assert fit_spacing(rows, titles, None, 21.0) == NORMAL  # an exported image
    short = fit_spacing(rows, titles, 470.0, 21.0)
    assert short.row_h < NORMAL.row_h
    assert sum(lane_height(n, t, short) for n, t in zip(rows, titles)) <= 470.0
    looser = fit_spacing(rows, titles, 470.0 + 2 * len(rows) * 3, 21.0)
    assert looser.row_h > short.row_h  # as roomy as the height allows
    assert fit_spacing(rows, titles, 100.0, 25.0).row_h == 25.0  # too short: the view scrolls instead
