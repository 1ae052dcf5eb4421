"""Actions are data: every one is reachable by keyboard, explained, and no key does two things."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.actions import ACTIONS, all_specs, resolve
from ui.document import Document
from ui.keymap import CANVAS_KEYS, KEYS, shortcuts
from ui.main_window import MainWindow
from ui.menus import MENUS, TOOLBAR
from ui.pages import PAGES


@pytest.fixture
def window(qtbot):
    win = MainWindow(Document())
    qtbot.addWidget(win)
    return win


def _portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def test_no_shortcut_is_bound_twice(window):
    bound = Counter()
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            if seq.isEmpty():
                continue
            key = _portable(seq)
            bound[key] += 1
            owners.setdefault(key, []).append(action.objectName() or action.text())
    clashes = {key: owners[key] for key, count in bound.items() if count > 1}
    assert not clashes
    assert len(bound) >= 20  # the test would pass vacuously if shortcuts were not bound at all


def test_no_canvas_key_does_two_things_or_is_taken_by_the_window(window):
    """A canvas reads its keys while it has the focus: two actions on one key, or a window
    shortcut on it (which the window would take first), would leave one of them dead."""
    window_keys = {_portable(seq) for a in window.findChildren(QAction) for seq in a.shortcuts() if not seq.isEmpty()}
    for canvas in ("process", "roadmap"):
        keys = {**CANVAS_KEYS["canvas"], **CANVAS_KEYS[canvas]}
        assert len(keys) == len(CANVAS_KEYS["canvas"]) + len(CANVAS_KEYS[canvas]), canvas  # no name reused
        written = Counter(_portable(QKeySequence(k)) for k in keys.values())
        assert all(written), (canvas, written)  # every key parses
        assert [k for k, n in written.items() if n > 1] == [], canvas
        assert set(written) & window_keys == set(), canvas
    assert _portable(QKeySequence(CANVAS_KEYS["canvas"]["leave.next"])) == "Ctrl+Tab"


def test_every_canvas_key_is_read_as_the_keymap_writes_it():
    """Each key of CANVAS_KEYS, pressed, is recognised as its action, also as the platform sends
    it (Shift+Tab as Backtab, arrows with the keypad flag)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    from ui.keymap import canvas_action

    for canvas in ("process", "roadmap"):
        for scope in (canvas, "canvas"):
            for name, key in CANVAS_KEYS[scope].items():
                combo = QKeySequence(key)[0]
                event = QKeyEvent(QEvent.Type.KeyPress, combo.key(), combo.keyboardModifiers())
                assert canvas_action(canvas, event) == name, (canvas, key)
    shift, ctrl = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
    backtab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backtab, shift)
    assert canvas_action("process", backtab) == "select.previous"
    assert canvas_action("roadmap", QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backtab, shift | ctrl)) == (
        "leave.previous"
    )
    keypad = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Left, shift | Qt.KeyboardModifier.KeypadModifier)
    assert canvas_action("roadmap", keypad) == "resize.shorter"


def test_the_keymap_gives_every_listed_action_a_key(window):
    for action_id, (_standard, fallback) in KEYS.items():
        if fallback:
            assert shortcuts(action_id), action_id
            assert window.action_map[action_id].shortcut() == shortcuts(action_id)[0]
    assert shortcuts("file.quit") and shortcuts("edit.preferences")  # set by hand where the platform has none
    assert _portable(shortcuts("go.page." + PAGES[0].id)[0]) == "Ctrl+1"
    assert len({_portable(shortcuts("go.page." + p.id)[0]) for p in PAGES[:10]}) == min(10, len(PAGES))


def test_standard_keys_come_from_the_platform(window):
    for standard in (QKeySequence.StandardKey.Save, QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Open):
        platform = [k for k in QKeySequence.keyBindings(standard) if not k.isEmpty()]
        action_id = {
            QKeySequence.StandardKey.Save: "file.save",
            QKeySequence.StandardKey.Undo: "edit.undo",
            QKeySequence.StandardKey.Open: "file.open",
        }[standard]
        assert window.action_map[action_id].shortcuts() == platform


def test_every_action_has_a_handler_a_tip_and_an_id(window):
    ids = [spec.id for spec in all_specs()]
    assert len(ids) == len(set(ids))
    for spec in all_specs():
        action = window.action_map[spec.id]
        assert action.toolTip() and action.statusTip(), spec.id
        name = spec.handler.split(":")[0]
        assert callable(resolve(window, name)), spec.id
    assert window.action_map["file.save"].toolTip().startswith("Save the plan (")


def test_every_action_is_in_a_menu_with_a_mnemonic(window):
    in_menus = set()

    def walk(menu: QMenu):
        titles = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu():
                walk(action.menu())
            in_menus.add(action.objectName())
            titles.append(action.text())
        for text in titles:
            assert "&" in text.replace("&&", ""), f"{text!r} in {menu.title()!r} has no mnemonic"
        # two entries on one letter: the letter only moves between them ("E&xport" after "New
        # from e&xample" could not be opened with X)
        letters = [t.replace("&&", "").split("&", 1)[1][0].lower() for t in titles]
        assert len(letters) == len(set(letters)), (menu.title(), titles)

    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text()
        walk(menu_action.menu())
    assert {spec.id for spec in all_specs()} <= in_menus
    assert set(TOOLBAR) - {"-"} <= {spec.id for spec in ACTIONS}
    assert [title for title, _ in MENUS] == ["&File", "&Edit", "&View", "&Plan", "&Go", "&Help"]


def test_page_shortcuts_switch_pages(qtbot, window):
    window.show()
    window.action_map["go.page.roadmap"].trigger()
    assert window.current_page_id() == "roadmap"
    assert window.sidebar.currentItem().text() == "Roadmap"
    window.action_map["go.page.overview"].trigger()
    assert window.current_page_id() == "overview"


def test_undo_action_names_the_edit(window, example_plan):
    from omplanner.commands import SetFields

    window.document.replace_plan(example_plan, None)
    assert not window.action_map["edit.undo"].isEnabled()
    window.document.execute(SetFields("details", {"title": "T"}, text="Rename the plan"))
    assert window.action_map["edit.undo"].isEnabled()
    assert window.action_map["edit.undo"].text() == "&Undo Rename the plan"


def test_accessible_names_on_the_shell(window):
    assert window.sidebar.accessibleName() == "Pages"
    assert window.findings.accessibleName() == "Findings"
    assert window.findings.entries.accessibleName()
    assert window.history.accessibleName()
    for combo in (window.findings.severity_filter, window.findings.use_case_filter, window.findings.component_filter):
        assert combo.accessibleName() and combo.toolTip()
    assert window.toolbar.accessibleName()


def test_icons_exist_for_actions_and_pages(window):
    from ui.icons import icon, icons_dir

    for spec in all_specs():
        if spec.icon:
            assert (icons_dir() / f"{spec.icon}.svg").exists(), spec.icon
            assert not icon(spec.icon).isNull()
    for page in PAGES:
        assert (icons_dir() / f"{page.icon}.svg").exists(), page.icon
    pixmap = icon("roadmap").pixmap(64, 64)
    assert pixmap.width() == 64 and not pixmap.toImage().isNull()


def test_the_edit_history_lists_the_edits(qtbot, window, example_plan):
    from PySide6.QtWidgets import QUndoView

    from omplanner.commands import SetFields

    window.document.replace_plan(example_plan, None)
    window.document.execute(SetFields("details", {"title": "One"}, text="Rename the plan"))
    window.document.execute(SetFields("details", {"client": "Two"}, text="Name the client"))
    window.show()
    window.action_map["view.history"].trigger()
    view = window.history.widget().view
    assert isinstance(view, QUndoView) and window.history.isVisible()
    texts = [view.model().index(row, 0).data() for row in range(view.model().rowCount())]
    assert texts == ["Opened plan", "Rename the plan", "Name the client"]
    view.setCurrentIndex(view.model().index(1, 0))  # clicking an entry goes back to it
    assert window.document.plan.details.client != "Two"
    assert window.document.plan.details.title == "One"


def test_alt_keys_of_the_menus_and_the_findings_panel_do_not_clash(window):
    from PySide6.QtWidgets import QAbstractButton

    def mnemonic(text: str) -> str:
        text = text.replace("&&", "")
        return text[text.index("&") + 1].lower() if "&" in text else ""

    keys = [mnemonic(a.text()) for a in window.menuBar().actions()]
    keys += [mnemonic(b.text()) for b in window.findings.findChildren(QAbstractButton) if "&" in b.text()]
    assert len(keys) == len(set(keys)) >= 7, keys
