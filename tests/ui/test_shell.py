"""The app shell driven like a user would: real window, real plan, files on disk."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QWidget

from omplanner.commands import SetFields
from omplanner.fileio import load_plan
from omplanner.model import Component, Severity
from omplanner.rules import ElementRef, Finding, Fix
from tests.ui.page_tools import answer_message_boxes
from ui import files
from ui.app import open_main_window, start_path
from ui.document import Document
from ui.files import RECENT_KEY
from ui.main_window import MainWindow
from ui.pages import PAGES, PageSpec
from ui.settings import settings

REAL_ASK = files.ask_save_changes


@pytest.fixture
def window(qtbot):
    win = MainWindow(Document())
    qtbot.addWidget(win)
    return win


def test_open_edit_undo_redo_save_reopen(qtbot, window, example_file):
    assert window.files.open_path(example_file)
    plan = window.document.plan
    assert plan.details.title == "AI operating model: first wave"
    first = plan.use_cases[0]
    window.document.execute(SetFields(first.id, {"name": "Supplier invoices"}, text="Rename use case"))
    assert window.isWindowModified()
    assert window.action_map["edit.undo"].isEnabled()
    window.action_map["edit.undo"].trigger()
    assert window.document.plan.use_case(first.id).name != "Supplier invoices"
    assert not window.isWindowModified()
    window.action_map["edit.redo"].trigger()
    assert window.document.plan.use_case(first.id).name == "Supplier invoices"
    assert window.isWindowModified()

    window.action_map["file.save"].trigger()
    assert not window.isWindowModified()
    assert not window.document.dirty
    window.show()
    window.close()  # frees the plan: the next window opens it without asking

    again = MainWindow(Document())
    qtbot.addWidget(again)
    assert again.files.open_path(example_file)
    assert again.document.plan.use_case(first.id).name == "Supplier invoices"
    assert again.document.plan.model_dump() == window.document.plan.model_dump()


def test_save_as_asks_for_a_name_and_adds_the_suffix(window, tmp_path, monkeypatch, example_plan):
    window.document.replace_plan(example_plan, None)
    target = tmp_path / "wave one"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.document.execute(SetFields("details", {"client": "Harbour"}))
    window.action_map["file.save"].trigger()  # no file yet: Save asks where
    saved = target.with_suffix(".omplan")
    assert load_plan(saved).details.client == "Harbour"
    assert window.document.path == saved
    assert "wave one.omplan" in window.windowTitle()


def test_closing_with_unsaved_work_asks(qtbot, window, example_file, monkeypatch):
    monkeypatch.setattr(files, "ask_save_changes", REAL_ASK)
    asked = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    window.files.open_path(example_file)
    window.show()
    window.document.execute(SetFields("details", {"title": "Changed in the workshop"}))

    assert not window.close()  # Cancel: the window stays, the edit stays
    assert window.isVisible()
    assert "Changed in the workshop" in asked[0].text
    buttons = asked[0].buttons
    for button in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
        assert buttons & button

    assert window.close()  # Save: written, then closed
    assert load_plan(example_file).details.title == "Changed in the workshop"
    assert len(asked) == 2


def test_closing_a_saved_plan_does_not_ask(window, example_file, monkeypatch):
    monkeypatch.setattr(files, "ask_save_changes", REAL_ASK)
    answer_message_boxes(monkeypatch)  # none: a box fails the test
    window.files.open_path(example_file)
    window.show()
    assert window.close()


def test_a_broken_file_shows_the_problem_and_keeps_the_open_plan(window, example_file, tmp_path, monkeypatch):
    boxes = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    window.files.open_path(example_file)
    window.document.execute(SetFields("details", {"title": "Work in progress"}))
    plan_before = window.document.plan
    broken = tmp_path / "broken.omplan"
    text = example_file.read_text(encoding="utf-8").replace('"start_date": "', '"start_date": "not a date', 1)
    broken.write_text(text, encoding="utf-8")

    assert not window.files.open_path(broken, ask=False)
    shown = [box.text for box in boxes]
    assert len(shown) == 1
    assert "broken.omplan" in shown[0] and "start date" in shown[0]
    assert window.document.plan is plan_before
    assert window.document.plan.details.title == "Work in progress"
    assert window.document.path == example_file
    assert window.document.dirty


def test_new_from_the_example_menu(window):
    menu = window.menus["examples"]
    window.files.fill_examples_menu(menu)
    labels = [a.text() for a in menu.actions()]
    harbour = [a for a in menu.actions() if a.text() == "Harbour && Vale Distribution"]  # not the file name
    assert harbour, labels
    assert not any("blank" in label.lower() for label in labels)
    harbour[0].trigger()
    assert window.document.plan.details.client.startswith("Harbour & Vale")
    assert window.document.path is None  # Save will ask where: the shipped example stays intact
    assert len(window.document.plan.use_cases) >= 3


def test_new_blank_plan_starts_today(window, example_file):
    from datetime import date

    window.files.open_path(example_file)
    window.action_map["file.new"].trigger()
    assert window.document.plan.use_cases == []
    assert window.document.plan.details.start_date == date.today()
    assert window.document.path is None


def test_recent_files_are_remembered_and_listed(window, example_file, tmp_path):
    other = tmp_path / "other.omplan"
    other.write_bytes(example_file.read_bytes())
    window.files.open_path(example_file)
    window.files.open_path(other)
    assert settings().value(RECENT_KEY, [], type=list)[:2] == [str(other.resolve()), str(example_file.resolve())]
    menu = window.menus["recent"]
    window.files.fill_recent_menu(menu)
    assert [a.text() for a in menu.actions()] == ["&1 other.omplan", "&2 plan.omplan"]
    menu.actions()[1].trigger()
    assert window.document.path == example_file.resolve()


def test_start_reopens_the_last_plan_or_a_blank_one(qtbot, example_file, tmp_path):
    assert start_path([]) is None
    store = settings()
    store.setValue(RECENT_KEY, [str(example_file)])
    store.sync()
    assert start_path([]) == example_file
    assert start_path([str(tmp_path / "named.omplan")]) == tmp_path / "named.omplan"
    win = open_main_window([])
    qtbot.addWidget(win)
    assert win.document.path == example_file
    example_file.unlink()  # the USB stick is not plugged in
    assert start_path([]) is None
    blank = open_main_window([])
    qtbot.addWidget(blank)
    assert blank.document.path is None and blank.document.plan.use_cases == []


def test_a_dropped_plan_file_is_opened(qtbot, window, example_file):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(example_file))])
    assert files.plan_paths_from_mime(mime) == [example_file]
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile("/tmp/notes.txt")])
    assert files.plan_paths_from_mime(other) == []
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == example_file)
    assert window.document.plan.details.title == "AI operating model: first wave"


class SelectingPage(QWidget):
    """A page that records what the findings panel asks it to select."""

    selected: list[str] = []

    def __init__(self, document, parent=None):
        super().__init__(parent)

    def select_element(self, element_id):
        SelectingPage.selected.append(element_id)
        return True


def swap_page(request, page_id: str, target: str) -> None:
    """Point a sidebar entry at another page class for one test."""
    index = next(i for i, p in enumerate(PAGES) if p.id == page_id)
    original = PAGES[index]
    PAGES[index] = PageSpec(original.id, original.title, target, original.icon)
    request.addfinalizer(lambda: PAGES.__setitem__(index, original))


def _finding(plan, severity=Severity.WARNING, with_fix=True):
    role = plan.roles[0]
    fix = Fix("Rename the role", SetFields(role.id, {"name": "Renamed by fix"})) if with_fix else None
    return Finding(
        code="T001",
        severity=severity,
        title=f"Role {role.name} needs a look",
        message="A test finding about a role.",
        elements=(ElementRef(role.id, "role", role.name),),
        component=Component.CAPABILITY,
        use_case_id=plan.use_cases[0].id,
        fix=fix,
    )


def test_findings_panel_lists_filters_fixes_and_shows(qtbot, window, example_file, monkeypatch, request):
    selected = SelectingPage.selected = []
    swap_page(request, "roles", f"{__name__}:SelectingPage")

    window.files.open_path(example_file)
    plan = window.document.plan
    role_id = plan.roles[0].id

    def fake_check(p):
        if p.role(role_id).name == "Renamed by fix":
            return [replace(_finding(p, Severity.INFO, with_fix=False), code="T002")]  # the fix cleared T001
        return [_finding(p), _finding(p, Severity.ERROR, with_fix=False)]

    # The panel shows the document's shared check (one per edit for every view).
    monkeypatch.setattr(window.document.findings, "findings", lambda: fake_check(window.document.plan))
    monkeypatch.setattr("omplanner.rules.check_plan", fake_check)  # what a fix is tried against
    panel = window.findings
    panel.refresh()
    assert panel.entries.count() == 2
    assert panel.entries.item(0).text().startswith("Role")  # errors sort first
    assert panel.entries.item(0).text().endswith(f"· {plan.roles[0].name}")
    assert window.counts_label.text() == "1 error · 1 warning"

    panel.severity_filter.setCurrentIndex(panel.severity_filter.findData("warning"))
    assert panel.entries.count() == 1
    panel.component_filter.setCurrentIndex(panel.component_filter.findData("governance"))
    assert panel.entries.count() == 0
    panel.component_filter.setCurrentIndex(0)
    other_use_case = plan.use_cases[1].id
    panel.use_case_filter.setCurrentIndex(panel.use_case_filter.findData(other_use_case))
    assert panel.entries.count() == 0
    panel.use_case_filter.setCurrentIndex(0)

    item = panel.entries.item(0)
    panel.entries.setCurrentItem(item)
    assert panel.fix_button.isEnabled()
    panel.entries.itemActivated.emit(item)  # what a double-click or Enter does
    assert selected == [role_id]
    assert window.current_page_id() == "roles"

    panel.fix_button.click()
    assert window.document.plan.role(role_id).name == "Renamed by fix"
    assert panel.entries.count() == 0  # the warning filter hides the remaining info
    window.document.undo_stack.undo()
    assert window.document.plan.role(role_id).name != "Renamed by fix"
    qtbot.waitUntil(lambda: len(panel.findings) == 2)  # the debounced check ran after the undo


def test_findings_wait_for_the_first_paint(qtbot, example_file):
    import sys

    win = MainWindow(Document())
    qtbot.addWidget(win)
    assert not win.findings.checked_once
    win.show()
    qtbot.waitUntil(lambda: win.findings.checked_once)
    assert "omplanner.rules" in sys.modules


def test_page_creation_is_lazy_and_broken_pages_do_not_crash(qtbot, window, example_plan, request):
    assert window._pages == {}  # no plan yet: the start page waits for it
    window.document.replace_plan(example_plan, None)
    assert set(window._pages) == {PAGES[0].id}
    swap_page(request, "data", "ui.no_such_module:Page")
    page = window.show_page("data")
    assert window.current_page() is page
    assert window.sidebar.currentItem().text() == "Data"


def test_presentation_mode_enlarges_type_and_restores_it(qtbot, window):
    from ui.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, "light")  # as the app runs: a widget's own sheet once kept the old font on screen
    before = app.font().pointSizeF()
    window.show()
    shown_before = window.sidebar.font().pointSizeF()
    window.action_map["view.presentation"].trigger()
    try:
        assert window.isFullScreen()
        assert app.font().pointSizeF() == pytest.approx(before * 1.4)
        assert window.sidebar.font().pointSizeF() == pytest.approx(shown_before * 1.4)  # what the room sees
        assert window.findings.entries.font().pointSizeF() > shown_before
    finally:
        window.action_map["view.presentation"].trigger()
        app.setStyleSheet("")
    assert not window.isFullScreen()
    assert app.font().pointSizeF() == pytest.approx(before)
    assert window.sidebar.font().pointSizeF() == pytest.approx(shown_before)


def test_dark_and_light_palettes(qtbot):
    from PySide6.QtGui import QPalette

    from ui.theme import apply_theme

    app = QApplication.instance()
    try:
        assert apply_theme(app, "dark")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert app.palette().color(QPalette.ColorRole.WindowText).lightness() > 200
        assert not apply_theme(app, "light")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 230
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


def test_about_names_the_version():
    from omplanner import __version__
    from ui.about import about_text

    assert f"OM Planner {__version__}" in about_text()


def test_window_geometry_is_remembered(qtbot, window):
    window.show()
    window.resize(700, 500)
    window.close()
    again = MainWindow(Document())
    qtbot.addWidget(again)
    again.restore_layout()
    assert again.size().width() == 700 and again.size().height() == 500


def test_no_file_written_beside_the_plan_by_the_shell(window, example_file):
    window.files.open_path(example_file)
    window.document.execute(SetFields("details", {"title": "x"}))
    window.files.save()
    assert sorted(p.name for p in Path(example_file).parent.iterdir()) == [".~plan.omplan#", "plan.omplan"]
    window.show()
    window.close()  # the lock that said the plan is open goes with it
    assert sorted(p.name for p in Path(example_file).parent.iterdir()) == ["plan.omplan"]


def test_a_real_fix_from_the_rules_is_one_undoable_edit(qtbot, window, example_file):
    window.files.open_path(example_file)
    panel = window.findings
    panel.refresh()
    before = [(f.code, f.element_ids) for f in panel.findings]
    fixable = next(i for i in range(panel.entries.count()) if panel.entries.item(i).data(256).fix)
    item = panel.entries.item(fixable)
    finding = item.data(256)
    panel.entries.setCurrentItem(item)
    depth = window.document.undo_stack.count()
    panel.fix_button.click()
    assert window.document.undo_stack.count() == depth + 1
    assert (finding.code, finding.element_ids) not in [(f.code, f.element_ids) for f in panel.findings]
    window.action_map["edit.undo"].trigger()
    panel.refresh()
    assert [(f.code, f.element_ids) for f in panel.findings] == before


def test_preferences_are_stored_and_applied(qtbot, window, monkeypatch):
    from PySide6.QtGui import QPalette

    from ui.autosave import INTERVAL_KEY
    from ui.preferences import REOPEN_KEY, PreferencesDialog
    from ui.theme import THEME_KEY

    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.autosave.setValue(3)
    dialog.reopen.setChecked(False)
    dialog.name.setText("  Ana   Ruiz ")
    dialog.store()
    store = settings()
    from ui.settings import user_name

    assert user_name() == "Ana Ruiz"
    assert PreferencesDialog(window).name.text() == "Ana Ruiz"
    assert store.value(THEME_KEY, "", type=str) == "dark"
    assert store.value(INTERVAL_KEY, 0.0, type=float) == 180.0
    assert store.value(REOPEN_KEY, True, type=bool) is False
    assert start_path([]) is None

    app = QApplication.instance()
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: 1)
    try:
        window.action_map["edit.preferences"].trigger()
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


def test_double_clicking_real_findings_opens_the_right_pages(qtbot, window, example_file):
    window.files.open_path(example_file)
    panel = window.findings
    panel.refresh()
    landed = {}
    for row in range(panel.entries.count()):
        item = panel.entries.item(row)
        finding = item.data(256)
        panel.entries.itemActivated.emit(item)
        landed.setdefault(finding.code[:3], set()).add(window.current_page_id())
    assert landed["DEC"] == {"decisions"}
    assert landed["GOV"] == {"governance"}  # about a use case, shown where its governance is edited
    assert landed["DAT"] == {"data"}


def test_a_broken_file_named_at_start_is_explained_and_a_blank_plan_opens(qtbot, tmp_path, monkeypatch):
    boxes = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    broken = tmp_path / "broken.omplan"
    broken.write_text("{ not json", encoding="utf-8")
    win = open_main_window([str(broken)])
    qtbot.addWidget(win)
    shown = [box.text for box in boxes]
    assert len(shown) == 1 and shown[0].startswith("broken.omplan")
    assert win.document.path is None and win.document.plan.use_cases == []


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_checked_toolbar_toggle_still_shows_its_icon(qtbot, window, mode):
    """The Findings toggle is checked while its panel shows: its flag (drawn in the accent blue)
    must stand out from the checked button's background, in both themes."""
    from PySide6.QtGui import QColor

    from ui.theme import ACCENT, apply_theme

    app = QApplication.instance()
    try:
        apply_theme(app, mode)
        window.resize(1000, 600)
        window.show()
        action = window.action_map["view.findings"]
        assert action.isChecked()
        button = window.toolbar.widgetForAction(action)
        image = button.grab().toImage()
        accent = QColor(ACCENT)
        background = image.pixelColor(3, image.height() // 2)
        flag = sum(
            1 for x in range(image.width()) for y in range(image.height()) if _close(image.pixelColor(x, y), accent, 40)
        )
        assert not _close(background, accent, 60)  # not a solid accent plate...
        assert flag >= 6  # ...so the accent-blue flag is still there to see
    finally:
        app.setStyleSheet("")
        apply_theme(app, "light")
        app.setStyleSheet("")


def _close(a, b, tolerance: int) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance


def test_findings_rows_fit_their_wrapped_text_in_presentation_mode(qtbot, window, example_plan):
    """Each finding's row is as tall as its text wrapped at the width it is painted at: the last
    line was cut to '…' in presentation mode's larger type."""
    from PySide6.QtCore import QRect

    from ui.widgets.wrapped_list import FLAGS, GAP, MARGIN

    window.resize(1366, 768)
    window.show()
    window.document.replace_plan(example_plan, None)
    window.findings.schedule(0)
    entries = window.findings.entries
    qtbot.waitUntil(lambda: entries.count() > 10)
    window.action_map["view.presentation"].trigger()
    try:
        window.findings.expand()  # presentation mode folds the panel to its rail: open it over the page
        qtbot.wait(50)
        assert entries.isVisible()
        metrics = entries.fontMetrics()
        for row in range(entries.count()):
            item = entries.item(row)
            rect = entries.visualItemRect(item)
            width = rect.width() - 2 * MARGIN - entries.iconSize().width() - GAP
            needed = metrics.boundingRect(QRect(0, 0, width, 10000), FLAGS, item.text()).height()
            assert needed <= rect.height() - 2 * MARGIN, item.text()
    finally:
        window.action_map["view.presentation"].trigger()


def test_leaving_presentation_mode_gives_the_pages_their_type_back(qtbot, example_plan):
    """As the app runs (theme and style sheet applied first): a page's type came back at 0.7 of
    its size after presentation mode, and shrank further each round."""
    from ui.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, "light")
    try:
        window = MainWindow(Document(example_plan))
        qtbot.addWidget(window)
        window.show()
        pages = [window.show_page("use_cases"), window.show_page("overview")]
        labels = [
            label for label in pages[1].findChildren(QLabel) if label.testAttribute(Qt.WidgetAttribute.WA_SetFont)
        ]
        assert labels  # the overview's own larger type: its title, the findings counts
        before = [w.font().pointSizeF() for w in pages + labels]
        for _ in range(2):
            window.action_map["view.presentation"].trigger()
            assert pages[1].font().pointSizeF() == pytest.approx(before[1] * 1.4)
            window.action_map["view.presentation"].trigger()
            after = [w.font().pointSizeF() for w in pages + labels]
            assert after == pytest.approx(before)
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


def test_every_page_fits_a_laptop_screen_in_presentation_mode(qtbot, example_plan):
    """In presentation mode's larger type the Decision rights page needed 945 pixels and pushed
    the window past a 1366-pixel screen; a page that needs more than there is now scrolls."""
    window = MainWindow(Document(example_plan))
    qtbot.addWidget(window)
    window.show()
    window.action_map["view.presentation"].trigger()
    try:
        for spec in PAGES:
            window.resize(1366, 768)
            window.show_page(spec.id)
            assert window.minimumSizeHint().width() <= 1366, spec.id
            assert window.width() <= 1366, spec.id
    finally:
        window.action_map["view.presentation"].trigger()


@pytest.mark.parametrize("ticked", [False, True])
def test_check_boxes_are_visible_in_the_dark_theme(qtbot, example_plan, ticked):
    """An unticked box was a dark square on a dark field; a ticked one must still show its tick.
    The boxes are the pages' own (Fusion draws a plain QCheckBox's outline too dark to see)."""
    from ui.theme import apply_theme

    app = QApplication.instance()
    try:
        window = _themed_window(qtbot, example_plan, "dark")
        window.resize(1366, 768)
        window.show()
        boxes = [window.show_page("data").structured_check, window.show_page("decisions").show_all_roles]
        for box in boxes:
            box.setChecked(ticked)
            image = box.grab().toImage()
            indicator = [image.pixelColor(x, y).lightness() for x in range(18) for y in range(image.height())]
            background = max(set(indicator), key=indicator.count)  # the field around the box
            assert max(indicator) - background > 60, box.text()  # the box's outline (and tick) stand out
        table = window.show_page("roles").table  # the Senior column: the table's own boxes
        senior = next(
            c
            for c in range(table.model().columnCount())
            if table.model().headerData(c, Qt.Orientation.Horizontal) == "Senior"
        )
        model = table.model()
        row = next(
            r
            for r in range(model.rowCount())
            if (_check_state(model.index(r, senior)) == Qt.CheckState.Checked) == ticked
        )
        rect = table.visualRect(table.model().index(row, senior))
        image = table.viewport().grab(rect).toImage()
        cell = [image.pixelColor(x, y).lightness() for x in range(image.width()) for y in range(image.height())]
        assert max(cell) - max(set(cell), key=cell.count) > 60  # its outline (and tick) stand out
    finally:
        apply_theme(app, "light")
        app.setPalette(app.style().standardPalette())


def test_every_check_box_of_every_page_is_drawn_for_the_dark_theme(qtbot, example_plan):
    """Each page's check boxes and ticked lists carry the dark theme's indicator (see
    ``ui.theme.SHEETS``): a box added without it would be a dark square on a dark field."""
    from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHeaderView

    from ui.theme import apply_theme

    app = QApplication.instance()
    try:
        window = _themed_window(qtbot, example_plan, "dark")
        window.show()
        found = 0
        for spec in PAGES:
            page = window.show_page(spec.id)
            for box in page.findChildren(QCheckBox):
                assert "indicator" in box.styleSheet() or "indicator" in _inherited_sheets(box), (spec.id, box.text())
                found += 1
            for view in page.findChildren(QAbstractItemView):
                if isinstance(view, QHeaderView):
                    continue  # a table's header: its model is the table's
                model = view.model()
                checkable = model is not None and any(
                    model.data(model.index(row, column), Qt.ItemDataRole.CheckStateRole) is not None
                    for row in range(min(model.rowCount(), 3))
                    for column in range(_columns(model))
                )
                if checkable:
                    assert "indicator" in view.styleSheet() + _inherited_sheets(view), (spec.id, view.accessibleName())
                    found += 1
        assert found >= 4  # "All roles", "Record why", "Structured", the roles table's Senior column...
    finally:
        apply_theme(app, "light")
        app.setPalette(app.style().standardPalette())


def _themed_window(qtbot, plan, mode: str) -> MainWindow:
    """The main window on ``plan`` in the ``mode`` theme, as the app starts (the caller puts the
    light theme back)."""
    from ui.theme import apply_theme

    apply_theme(QApplication.instance(), mode)
    window = MainWindow(Document(plan))
    qtbot.addWidget(window)
    return window


def _check_state(index) -> Qt.CheckState:
    value = index.data(Qt.ItemDataRole.CheckStateRole)
    return value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)


def _columns(model) -> int:
    from PySide6.QtCore import QAbstractListModel

    return 1 if isinstance(model, QAbstractListModel) else model.columnCount()


def _inherited_sheets(widget) -> str:
    sheets = []
    parent = widget.parentWidget()
    while parent is not None:
        sheets.append(parent.styleSheet())
        parent = parent.parentWidget()
    return "".join(sheets)


def test_no_sheet_is_set_on_the_whole_application(qtbot, example_plan):
    """Qt styles every widget of an application with a style sheet through its style-sheet
    engine, which made every repaint more than twice as slow; the sheets are the few widgets' own,
    and follow the theme."""
    from ui.theme import apply_theme

    app = QApplication.instance()
    try:
        window = _themed_window(qtbot, example_plan, "light")
        window.show()
        window.show_page("roadmap")
        assert app.styleSheet() == ""
        assert "QListWidget::item:selected" in window.sidebar.styleSheet()
        light = window.toolbar.styleSheet()
        assert "QToolButton:checked" in light
        apply_theme(app, "dark")
        assert app.styleSheet() == ""
        assert window.toolbar.styleSheet() != light  # the accent's tint of the dark theme
        assert "QToolButton:checked" in window.page("roadmap").toolbar.styleSheet()
    finally:
        apply_theme(app, "light")
        app.setPalette(app.style().standardPalette())


def test_pages_scroll_only_where_they_do_not_fit(qtbot, example_plan):
    """A page that fits beside the findings panel fills its frame with no scroll bar (a frame that
    sized pages by their preferred height scrolled the Roadmap and Diagnostic pages that fit); one
    that does not fit scrolls in that direction only."""
    window = MainWindow(Document(example_plan))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for spec in PAGES:
        page = window.show_page(spec.id)
        frame = page.parentWidget().parentWidget()
        qtbot.wait(20)
        need, room = page.minimumSizeHint(), frame.maximumViewportSize()
        if need.width() <= room.width() and need.height() <= room.height():
            assert not frame.verticalScrollBar().isVisible(), spec.id
            assert not frame.horizontalScrollBar().isVisible(), spec.id
            assert page.size() == frame.viewport().size(), spec.id
        else:
            assert page.width() >= need.width() and page.height() >= need.height(), spec.id
            assert frame.horizontalScrollBar().isVisible() == (need.width() > frame.viewport().width()), spec.id
