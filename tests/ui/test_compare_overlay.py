"""File › Compare with… › "Show on the maps and roadmap": another copy's differences on the canvases."""

from __future__ import annotations

from PySide6.QtCore import Qt

from omplanner.commands import AddEntity, SetFields, remove_cascade
from omplanner.fileio import load_plan, save_plan
from omplanner.model import Step
from omplanner.paths import example_path
from ui.document import Document
from ui.main_window import MainWindow

RENAMED, REMOVED, ADDED, MOVED = "ap-r3", "ap-r8", "step-extra", "item-4"


def their_copy(plan):
    """The other copy: one step renamed, one added, one removed, one roadmap item 3 weeks later."""
    theirs = plan.model_copy(deep=True)
    SetFields(RENAMED, {"name": "Match to PO and receipt"}).apply(theirs)
    extra = Step(id=ADDED, name="Check supplier bank details", lane="role-match-agent", x=820, y=50)
    AddEntity("map-ap-redesigned", "steps", extra).apply(theirs)
    remove_cascade(theirs, REMOVED).apply(theirs)
    item = theirs.item(MOVED)
    SetFields(MOVED, {"start_week": item.start_week + 3}).apply(theirs)
    return theirs


def compared(qtbot, tmp_path):
    mine = load_plan(example_path("distributor"))
    path = tmp_path / "colleague.omplan"
    save_plan(their_copy(mine), path)
    window = MainWindow(Document(mine))
    qtbot.addWidget(window)
    view = window.sharing.compare(path)
    qtbot.addWidget(view)
    return window, view


def marks(window) -> dict[str, dict[str, str]]:
    panes = window.page("processes").panes
    return {v: {i: s.diff_state for i, s in p.scene.steps.items() if s.diff_state} for v, p in panes.items()}


def ghosts(window) -> dict[str, list[str]]:
    panes = window.page("processes").panes
    return {v: sorted(p.scene.ghosts) for v, p in panes.items()}


def roadmap_ghosts(window) -> list[str]:
    return sorted(window.page("roadmap").scene.ghosts)


def nothing_shown(window) -> bool:
    no_marks = marks(window) == {"current": {}, "redesigned": {}}
    no_ghosts = ghosts(window) == {"current": [], "redesigned": []}
    bars = window.page("roadmap").scene.bars.values()
    return no_marks and no_ghosts and roadmap_ghosts(window) == [] and all(not b.other_copy_text for b in bars)


def test_the_toggle_marks_exactly_their_renamed_removed_and_added_steps_and_moved_item(qtbot, tmp_path):
    window, view = compared(qtbot, tmp_path)
    assert view.show_on_canvases.text() == "Show on the maps and roadmap"
    view.show_on_canvases.setChecked(True)
    assert marks(window) == {"current": {}, "redesigned": {RENAMED: "reworked", REMOVED: "removed"}}
    assert ghosts(window) == {"current": [], "redesigned": [ADDED]}
    ghost = window.page("processes").panes["redesigned"].scene.ghosts[ADDED]
    assert (ghost.pos().x(), ghost.pos().y()) == (820, 50)  # where their copy put it
    assert "Check supplier bank details" in ghost.toolTip()
    scene = window.page("roadmap").scene
    assert roadmap_ghosts(window) == [MOVED]
    item = window.document.plan.item(MOVED)
    assert scene.ghosts[MOVED].pos().x() == scene.layout.x(item.start_week + 3)
    assert scene.ghosts[MOVED].pos().y() == scene.bars[MOVED].pos().y()  # behind its bar
    assert scene.ghosts[MOVED].zValue() < scene.bars[MOVED].zValue()
    assert "In the other copy: 3 weeks later (weeks 10–12)" in scene.ghosts[MOVED].toolTip()
    assert "3 weeks later" in scene.bars[MOVED].toolTip()
    assert [b for b in scene.bars.values() if b.other_copy_text] == [scene.bars[MOVED]]
    assert window.sharing.overlay.banner.label.text() == (
        "Showing the differences of “colleague.omplan” on the maps and roadmap (4 marked)"
    )


def test_the_same_toggle_turns_it_off(qtbot, tmp_path):
    window, view = compared(qtbot, tmp_path)
    view.show_on_canvases.setChecked(True)
    view.show_on_canvases.setChecked(False)
    assert nothing_shown(window)
    assert window.sharing.overlay.banner is None


def test_esc_and_the_banner_turn_it_off_and_the_toggle_follows(qtbot, tmp_path):
    window, view = compared(qtbot, tmp_path)
    view.show_on_canvases.setChecked(True)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert nothing_shown(window)
    assert not view.show_on_canvases.isChecked()
    view.show_on_canvases.setChecked(True)
    qtbot.keyClick(window.page("roadmap").view, Qt.Key.Key_Escape)  # no drag under way: it goes on up
    assert nothing_shown(window)
    view.show_on_canvases.setChecked(True)
    pane = window.page("processes").panes["redesigned"]
    pane.scene.steps[RENAMED].setSelected(True)
    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)  # the first Esc clears the selection, as before
    assert not pane.scene.selectedItems() and marks(window)["redesigned"]
    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)  # the next one hides the differences
    assert nothing_shown(window)
    view.show_on_canvases.setChecked(True)
    window.sharing.overlay.banner.hide_button.click()
    assert nothing_shown(window) and not view.show_on_canvases.isChecked()


def test_a_plan_replaced_takes_the_overlay_away(qtbot, tmp_path):
    window, view = compared(qtbot, tmp_path)
    view.show_on_canvases.setChecked(True)
    window.document.replace_plan(load_plan(example_path("distributor")), None)
    assert nothing_shown(window)
    assert not window.sharing.overlay.active


def test_the_marks_follow_edits_undo_and_redo(qtbot, tmp_path):
    window, view = compared(qtbot, tmp_path)
    view.show_on_canvases.setChecked(True)
    document = window.document
    assert document.execute(SetFields(RENAMED, {"name": "Match to PO and receipt"}))
    assert marks(window)["redesigned"] == {REMOVED: "removed"}  # now the same in both copies
    assert document.execute(SetFields(MOVED, {"start_week": document.plan.item(MOVED).start_week + 3}))
    assert roadmap_ghosts(window) == []
    for _ in range(2):
        document.undo_stack.undo()
    assert marks(window)["redesigned"] == {RENAMED: "reworked", REMOVED: "removed"}
    assert roadmap_ghosts(window) == [MOVED]
    document.execute(remove_cascade(document.plan, REMOVED))  # what they did: no longer a difference
    assert marks(window)["redesigned"] == {RENAMED: "reworked"}
    document.undo_stack.undo()
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert ghosts(window)["redesigned"] == [ADDED]
    assert marks(window)["redesigned"] == {RENAMED: "reworked"}


def test_showing_a_second_copy_replaces_the_first_and_unticks_its_view(qtbot, tmp_path):
    window, first = compared(qtbot, tmp_path)
    first.show_on_canvases.setChecked(True)
    path = tmp_path / "same.omplan"
    save_plan(window.document.plan, path)
    second = window.sharing.compare(path)
    qtbot.addWidget(second)
    assert not second.show_on_canvases.isEnabled()  # the same plan: nothing to show
    again = window.sharing.compare(tmp_path / "colleague.omplan")
    qtbot.addWidget(again)
    again.show_on_canvases.setChecked(True)
    assert not first.show_on_canvases.isChecked() and window.sharing.overlay.active
    assert ghosts(window)["redesigned"] == [ADDED]
