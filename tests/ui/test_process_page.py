"""The Processes page: redesign with lineage, differences, quick capture, lanes, findings, selection."""

import pytest

from omplanner.model import Severity
from omplanner.process import CaptureError
from omplanner.rules import ElementRef, Finding
from tests.ui.canvas_pages import show_process_page
from ui.document import Document


@pytest.fixture
def page(qtbot, example_plan):
    return show_process_page(qtbot, example_plan)


def test_opens_on_the_first_use_case_with_both_maps_and_the_difference_counts(page):
    assert page.use_case.currentText() == "AP invoice matching"
    current, redesigned = page.pane("current").scene, page.pane("redesigned").scene
    assert set(current.steps) == {f"ap-c{i}" for i in range(1, 11)}
    assert "exception:ap-r3" in redesigned.arrows
    assert "4 → 4 handoffs, 2 steps automated" in page.summary.text()
    assert current.steps["ap-c5"].diff_state is None
    page.diff_button.setChecked(True)
    assert current.steps["ap-c5"].diff_state == "removed"
    assert redesigned.steps["ap-r5"].diff_state == "added"
    assert redesigned.steps["ap-r2"].diff_state is None


def test_start_the_redesign_from_the_current_map_is_one_undoable_edit(page):
    document = page.document
    uc = document.plan.use_case("uc-ap")
    old_ids = [s.id for s in uc.redesigned.steps]
    assert page.start_redesign()
    redesigned = document.plan.use_case("uc-ap").redesigned
    assert [s.derived_from for s in redesigned.steps] == [s.id for s in uc.current.steps]
    assert set(page.pane("redesigned").scene.steps) == {s.id for s in redesigned.steps}
    assert "0 steps automated" in page.summary.text()
    document.undo_stack.undo()
    assert [s.id for s in document.plan.use_case("uc-ap").redesigned.steps] == old_ids
    assert set(page.pane("redesigned").scene.steps) == set(old_ids)


def test_quick_capture_builds_a_laid_out_map_with_lanes_from_the_prefixes(page):
    page.show_use_case("uc-forecast")
    roles = len(page.document.plan.roles)
    page.quick_capture(
        "Demand planner: start: month closes\nForecast agent: propose forecast\nDemand planner: accept?", "current"
    )
    pmap = page.document.plan.use_case("uc-forecast").current
    assert [s.name for s in pmap.steps] == ["month closes", "propose forecast", "accept?"]
    assert len(page.document.plan.roles) == roles + 1
    scene = page.pane("current").scene
    assert len(scene.steps) == 3 and len(scene.lanes) == 2
    ys = [scene.steps[s.id].y() for s in pmap.steps]
    assert ys[0] == ys[2] != ys[1]
    with pytest.raises(CaptureError):
        page.quick_capture("no role here", "current")
    page.document.undo_stack.undo()
    assert page.document.plan.use_case("uc-forecast").current.steps == []
    assert len(page.document.plan.roles) == roles


def test_auto_layout_and_lanes(page):
    document = page.document
    pmap = document.plan.use_case("uc-ap").current
    assert page.auto_layout("current")
    assert pmap.step("ap-c8").x == 1010  # straight under the handoff it follows
    document.undo_stack.undo()
    assert pmap.step("ap-c8").x == 1200
    page.select_element("ap-c6")  # a step in the Buyer lane makes it the current lane
    assert page.pane("current").scene.active_lane == "role-buyer"
    assert page.move_lane(-1)
    assert document.plan.use_case("uc-ap").current.lanes[:2] == ["role-buyer", "role-ap-clerk"]
    assert page.pane("current").scene.lanes["role-buyer"].index == 0
    assert page.add_lane("Treasury analyst", "current")
    assert document.plan.role(document.plan.use_case("uc-ap").current.lanes[-1]).name == "Treasury analyst"
    assert len(page.pane("current").scene.lanes) == 5
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan.use_case("uc-ap").current.lanes[0] == "role-ap-clerk"


def test_select_element_switches_use_case_and_map(page):
    page.set_mode("current")
    assert page.select_element("em-r3")
    assert page.use_case_id == "uc-email"
    assert page.pane("redesigned").isVisible()
    assert page.pane("redesigned").scene.selected_step_ids() == ["em-r3"]
    assert page.inspector.step_id == "em-r3"
    assert page.select_element("ap-cf4")  # a flow
    assert page.pane("current").scene.arrows["ap-cf4"].isSelected()
    assert not page.select_element("no-such-thing")


def test_steps_with_process_findings_carry_a_marker_and_the_message(page, monkeypatch):
    finding = Finding(
        code="P001",
        severity=Severity.ERROR,
        title="AI step without an exception route",
        message="Nobody takes over when the triage agent is unsure.",
        elements=(ElementRef("em-r2", "step", "Classify"),),
        component="process",
        use_case_id="uc-email",
    )
    # The page shows the document's shared check (one per edit for every view).
    monkeypatch.setattr(page.document.findings, "findings", lambda: [finding])
    page.show_use_case("uc-email")
    item = page.pane("redesigned").scene.steps["em-r2"]
    assert item.severity == Severity.ERROR
    assert "Nobody takes over" in item.toolTip()
    assert page.pane("redesigned").scene.steps["em-r3"].severity is None


def test_steps_table_shows_the_active_map_and_edits_through_commands(page):
    page.select_element("ap-r3")
    model = page.table_model
    assert model.rowCount() == len(page.document.plan.use_case("uc-ap").redesigned.steps)
    row = model.row_of("ap-r3")
    assert model.data(model.index(row, 0)) == "Match to order and goods receipt"
    assert model.data(model.index(row, 5)) == "Resolve mismatch with buyer and supplier"
    assert model.setData(model.index(row, 3), "2.5")
    assert page.document.plan.use_case("uc-ap").redesigned.step("ap-r3").minutes == 2.5
    page.table.selectRow(model.row_of("ap-r7"))
    assert page.pane("redesigned").scene.selected_step_ids() == ["ap-r7"]


def test_export_image_writes_png_and_svg(page, tmp_path):
    page.export_image(tmp_path / "map.png", "redesigned")
    page.export_image(tmp_path / "map.svg", "current")
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "map.png"))
    assert image.width() > 1000 and image.height() > 500
    assert "Key invoice into ERP" in (tmp_path / "map.svg").read_text()


def test_right_click_offers_what_fits_the_step_or_the_lane(page):
    from PySide6.QtCore import QPointF

    pane = page.pane("redesigned")

    def texts(menu):
        return [a.text() for a in menu.actions() if a.text()]

    assert texts(page.context_menu(pane, QPointF(440, 50)))[:3] == ["Rename\tF2", "Copy", "Delete"]
    assert pane.scene.selected_step_ids() == ["ap-r3"]
    menu = page.context_menu(pane, QPointF(-100, 200))  # the AP clerk's lane header
    assert texts(menu)[:3] == ["Rename lane…", "Move lane up", "Move lane down"]
    assert pane.scene.active_lane == "role-ap-clerk"
    next(a for a in menu.actions() if a.text() == "Move lane down").trigger()
    assert page.document.plan.use_case("uc-ap").redesigned.lanes[2] == "role-ap-clerk"


def test_choosing_a_process_finding_in_the_window_selects_and_centres_its_step(qtbot, example_plan):
    from omplanner.rules import check_plan
    from ui.main_window import MainWindow

    document = Document(example_plan)
    window = MainWindow(document)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    finding = next(f for f in check_plan(document.plan) if f.code == "PRO-001")
    assert window.show_finding(finding)
    page = window.page("processes")
    assert window.current_page() is page
    assert page.use_case_id == "uc-email"
    scene = page.pane("redesigned").scene
    assert scene.selected_step_ids() == ["em-r2"]
    assert scene.steps["em-r2"].severity is not None
    assert finding.message in scene.steps["em-r2"].toolTip()


def test_palette_names_stay_whole_in_larger_type(page):
    """Presentation mode enlarges the type: the palette grows with it instead of cutting
    'Decision' and 'Handoff' short."""
    palette = page.palette
    font = palette.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    palette.setFont(font)
    metrics = palette.fontMetrics()
    for row in range(palette.count()):
        text = palette.item(row).text()
        assert metrics.horizontalAdvance(text) <= palette.visualItemRect(palette.item(row)).width(), text


def test_palette_shapes_follow_a_switch_to_dark(page):
    """The palette's shapes take the map's colours when the theme changes while the app runs."""
    from PySide6.QtWidgets import QApplication

    from omplanner.model import StepKind
    from ui.theme import apply_theme

    def task_fill():
        image = page.palette.item_for(StepKind.TASK).icon().pixmap(72, 36).toImage()
        return image.pixelColor(image.width() // 2, image.height() // 2).lightness()

    app = QApplication.instance()
    try:
        apply_theme(app, "light")
        app.processEvents()  # Qt tells the widgets of a new palette through the event loop
        light = task_fill()
        apply_theme(app, "dark")
        app.processEvents()
        assert task_fill() < light - 100  # a dark fill, as the dark map's task steps
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


def test_an_empty_plan_says_how_to_start_drawing(qtbot):
    from omplanner.commands import AddEntity
    from omplanner.model import Plan
    from omplanner.model.factories import make_use_case
    from tests.ui.canvas_pages import show_process_page

    page = show_process_page(qtbot, Plan())
    view = page.pane("current").view
    assert "Use cases page" in view.empty_hint
    assert not page.palette.isEnabled()  # nothing to draw on yet
    page.document.execute(AddEntity(None, "use_cases", make_use_case("Invoice matching")))
    assert page.palette.isEnabled()
    assert "Drag a step from the palette" in view.empty_hint
    image = view.viewport().grab().toImage()
    inked = sum(
        1 for x in range(0, image.width(), 3) if image.pixelColor(x, image.height() // 2) != image.pixelColor(2, 2)
    )
    assert inked > 10  # the hint is drawn across the middle of the empty map


def test_an_edit_made_while_another_page_shows_is_in_the_figures_line_when_the_page_shows_again(page):
    """While another page is on screen the "current → redesigned" line waits (re-solving the
    map's figures after every edit elsewhere cost each frame), and is current once it shows."""
    from omplanner.commands import remove_cascade

    document = page.document
    before = page.summary.text()
    assert "4 → 4 handoffs" in before
    page.hide()
    document.execute(remove_cascade(document.plan, "ap-r5"))
    page.show()
    assert "4 → 3 handoffs" in page.summary.text()
    document.undo_stack.undo()
    assert page.summary.text() == before
