"""Plan › Save baseline…, the roadmap's "Compare with baseline" picker and its "What slipped" list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import ui.baseline_actions
from omplanner.commands import AddEntity, SetFields
from omplanner.fileio import load_plan
from omplanner.model import Baseline
from omplanner.paths import example_path
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import NAME_KEY, settings

MOVED = "item-6"  # "Deploy invoice matching to production", weeks 11-14


@pytest.fixture
def window(qtbot):
    plan = load_plan(example_path("distributor"))
    plan.baselines = []  # the tests take their own (the example's is tested on its own below)
    window = MainWindow(Document(plan))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def answers(monkeypatch):
    """The names typed into the name question, in turn; each question's label is kept."""
    queue: list[str | None] = []
    asked: list[tuple[str, str, str]] = []

    def ask_name(_parent, title, label, text):
        asked.append((title, label, text))
        return queue.pop(0)

    monkeypatch.setattr(ui.baseline_actions, "ask_name", ask_name)
    return queue, asked


def rows(page) -> list[str]:
    return [page.baselines.rows.item(i).text() for i in range(page.baselines.rows.count())]


def save_baseline(window, answers, name: str) -> None:
    queue, _asked = answers
    queue.append(name)
    window.action_map["plan.save_baseline"].trigger()


def test_save_baseline_asks_a_name_starting_with_the_day_and_is_one_undoable_edit(window, answers):
    settings().setValue(NAME_KEY, "Ana Ruiz")
    queue, asked = answers
    queue.append("Agreed at workshop 2")
    assert window.action_map["plan.save_baseline"].text() == "Save &baseline…"
    assert window.action_map["plan.save_baseline"] in window.menus["Plan"].actions()
    window.action_map["plan.save_baseline"].trigger()
    [(title, _label, text)] = asked
    assert title == "Save baseline" and text.startswith("Agreed on ")
    [baseline] = window.document.plan.baselines
    assert (baseline.name, baseline.taken_by) == ("Agreed at workshop 2", "Ana Ruiz")
    assert window.document.undo_stack.undoText() == "Save baseline 'Agreed at workshop 2'"
    assert window.isWindowModified()  # it is kept in the file: unsaved until saved
    window.document.undo_stack.undo()
    assert window.document.plan.baselines == []
    window.document.undo_stack.redo()
    assert [b.name for b in window.document.plan.baselines] == ["Agreed at workshop 2"]


def test_a_name_the_plan_has_is_asked_again_with_the_reason(window, answers):
    save_baseline(window, answers, "Workshop 2")
    queue, asked = answers
    queue.extend(["workshop 2", "Workshop 3"])
    window.action_map["plan.save_baseline"].trigger()
    assert asked[-1][1].startswith("This plan already has a baseline called 'Workshop 2': give this one another name.")
    assert asked[-1][2] == "workshop 2"  # what was typed, ready to change
    assert [b.name for b in window.document.plan.baselines] == ["Workshop 2", "Workshop 3"]
    queue.append(None)  # cancelled: nothing taken
    window.action_map["plan.save_baseline"].trigger()
    assert len(window.document.plan.baselines) == 2


def test_picking_a_baseline_draws_its_bars_as_ghosts_and_lists_what_slipped(window, answers):
    save_baseline(window, answers, "Workshop 2")
    window.document.execute(SetFields(MOVED, {"start_week": 13}))  # three weeks later than agreed
    page = window.show_page("roadmap")
    picker = page.baselines.picker
    assert [picker.itemText(i) for i in range(picker.count())] == ["none", "Workshop 2"]
    assert page.baselines.isHidden() and page.scene.ghosts == {}
    picker.setCurrentIndex(1)
    scene = page.scene
    assert sorted(scene.ghosts) == [MOVED]
    ghost, bar = scene.ghosts[MOVED], scene.bars[MOVED]
    assert ghost.pos().x() == scene.layout.x(10)  # where the baseline had it
    assert ghost.pos().y() == bar.pos().y() and ghost.zValue() < bar.zValue()  # behind its bar
    assert "In the baseline 'Workshop 2': 3 weeks earlier (weeks 11–14)" in ghost.toolTip()
    assert "In the baseline 'Workshop 2'" in bar.toolTip()
    assert page.baselines.isVisible()
    assert rows(page) == [
        "Go-live of 'AP invoice matching' is 3 weeks later (week 14 → 17, 18 Apr 2027 → 9 May 2027)",
        "'Deploy invoice matching to production' starts and ends 3 weeks later (weeks 11–14 → 14–17)",
    ]
    assert page.baselines.summary.text().startswith(
        "What slipped since the baseline 'Workshop 2': 1 item later, 1 go-live later."
    )
    # a row selects its item on the timeline
    entry = page.baselines.rows.item(1)
    page.baselines.rows.itemClicked.emit(entry)
    assert page.selected_id() == MOVED
    # none hides them
    picker.setCurrentIndex(0)
    assert scene.ghosts == {} and not bar.other_copy_text and page.baselines.isHidden()


def test_the_ghosts_and_rows_follow_edits_undo_and_a_deleted_baseline(window, answers):
    save_baseline(window, answers, "Workshop 2")
    page = window.show_page("roadmap")
    assert page.baselines.pick(window.document.plan.baselines[0].id)
    assert page.scene.ghosts == {}
    assert page.baselines.summary.text() == "Nothing on the roadmap moved since the baseline 'Workshop 2'."
    window.document.execute(SetFields("item-9", {"duration_weeks": 6}))
    assert sorted(page.scene.ghosts) == ["item-9"]
    assert rows(page) == ["'Redesign customer e-mail handling' ends 3 weeks later (week 12 → 15)"]
    window.document.undo_stack.undo()
    assert page.scene.ghosts == {} and rows(page) == []
    window.document.undo_stack.undo()  # the baseline's save: the picker goes back to none
    assert page.baselines.picked is None and page.baselines.picker.count() == 1
    assert page.baselines.isHidden()


def test_a_baseline_that_cannot_be_read_is_named_and_nothing_is_drawn(window):
    bad = Baseline(id="base-bad", name="Broken <b>one</b>", snapshot={"format": "omplanner-plan"})
    window.document.execute(AddEntity(None, "baselines", bad))
    page = window.show_page("roadmap")
    assert not page.baselines.pick("base-bad")
    assert page.status.text().startswith("The baseline 'Broken <b>one</b>' cannot be read: ")
    assert page.status.textFormat() == Qt.TextFormat.PlainText
    assert page.baselines.picked is None and page.scene.ghosts == {}


def test_names_are_shown_as_written(window, answers):
    save_baseline(window, answers, "<img src='/dev/zero'> agreed")
    window.document.execute(SetFields(MOVED, {"start_week": 13}))
    page = window.show_page("roadmap")
    page.baselines.picker.setCurrentIndex(1)
    assert page.baselines.summary.textFormat() == Qt.TextFormat.PlainText
    assert "<img src='/dev/zero'> agreed" in page.baselines.summary.text()
    assert "&lt;img" in page.scene.ghosts[MOVED].toolTip()  # a tooltip escapes it


def test_manage_baselines_renames_deletes_and_shows_one_on_the_roadmap(window, answers):
    save_baseline(window, answers, "Workshop 1")
    save_baseline(window, answers, "Workshop 2")
    queue, _asked = answers
    window.action_map["plan.baselines"].trigger()
    dialog = window.baselines.dialog
    assert dialog.isVisible()
    assert dialog.list.count() == 2 and dialog.list.item(0).text().startswith("Workshop 1 (taken ")
    dialog.list.setCurrentRow(0)
    queue.append("Workshop 2")  # taken: asked again
    queue.append("Agreed at workshop 1")
    dialog.rename_button.click()
    assert [b.name for b in window.document.plan.baselines] == ["Agreed at workshop 1", "Workshop 2"]
    assert dialog.list.item(0).text().startswith("Agreed at workshop 1 (")
    dialog.list.setCurrentRow(1)
    dialog.show_button.click()
    assert window.current_page_id() == "roadmap"
    assert window.page("roadmap").baselines.picker.currentText() == "Workshop 2"
    dialog.delete_button.click()
    assert [b.name for b in window.document.plan.baselines] == ["Agreed at workshop 1"]
    assert window.page("roadmap").baselines.picked is None
    window.document.undo_stack.undo()
    assert dialog.list.count() == 2
    window.document.undo_stack.undo()  # the rename
    assert window.document.plan.baselines[0].name == "Workshop 1"


def test_another_copys_ghosts_give_way_to_a_picked_baseline_and_come_back(window, answers, tmp_path, qtbot):
    from omplanner.fileio import save_plan

    save_baseline(window, answers, "Workshop 2")
    theirs = window.document.plan.model_copy(deep=True)
    SetFields("item-4", {"start_week": theirs.item("item-4").start_week + 3}).apply(theirs)
    save_plan(theirs, tmp_path / "colleague.omplan")
    view = window.sharing.compare(tmp_path / "colleague.omplan")
    qtbot.addWidget(view)
    view.show_on_canvases.setChecked(True)
    page = window.page("roadmap")
    assert sorted(page.scene.ghosts) == ["item-4"]
    window.document.execute(SetFields(MOVED, {"start_week": 13}))  # three weeks later than the baseline
    # the other copy still has item 6 where it was: it differs there too
    assert sorted(page.scene.ghosts) == ["item-4", MOVED]
    page.baselines.picker.setCurrentIndex(1)
    assert sorted(page.scene.ghosts) == [MOVED]  # the baseline's, not the other copy's
    assert "In the baseline 'Workshop 2'" in page.scene.ghosts[MOVED].toolTip()
    page.baselines.picker.setCurrentIndex(0)
    assert sorted(page.scene.ghosts) == ["item-4", MOVED]
    assert "In the other copy" in page.scene.ghosts[MOVED].toolTip()
    page.baselines.picker.setCurrentIndex(1)
    view.show_on_canvases.setChecked(False)
    view.show_on_canvases.setChecked(True)  # shown again: what was just asked for takes the roadmap
    assert page.baselines.picked is None and sorted(page.scene.ghosts) == ["item-4", MOVED]


def test_the_example_opens_with_its_agreed_baseline_showing_what_slipped(qtbot):
    window = MainWindow(Document(load_plan(example_path("distributor"))))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("roadmap")
    picker = page.baselines.picker
    assert [picker.itemText(i) for i in range(picker.count())] == ["none", "Agreed at workshop 2"]
    picker.setCurrentIndex(1)
    assert sorted(page.scene.ghosts) == [MOVED]
    assert rows(page)[0].startswith("Go-live of 'AP invoice matching' is 2 weeks later")


def test_alt_l_on_the_roadmap_takes_the_keyboard_to_the_baseline_picker(window, answers, qtbot):
    save_baseline(window, answers, "Workshop 2")
    page = window.show_page("roadmap")
    window.activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.waitUntil(page.baselines.picker_label.isVisible)  # in the toolbar's second row at 1366x768
    assert page.baselines.picker_label.text().replace("&", "") == "Baseline:"
    qtbot.keyClick(page.view, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.baselines.picker.hasFocus)
    qtbot.keyClick(page.baselines.picker, Qt.Key.Key_Down)
    assert page.baselines.picker.currentText() == "Workshop 2"
    assert sorted(page.scene.ghosts) == []  # nothing moved since it was taken: nothing to draw behind
