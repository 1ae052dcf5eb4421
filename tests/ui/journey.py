"""The first workshop, from a blank plan to the exported board pack, driven by key presses alone
and counted per step. Shared by the journey test (tests/ui/test_journey.py), which asserts what
the room would see, and the benchmark suite (tests/benchmarks/bench_journey.py), which prints
the counts against their budgets.

Every key goes through ``Keyboard``, to the widget that has the keyboard (the open menu or
dialog, else the focused widget), as a real key press: shortcuts, mnemonics, Tab order and
editors decide what it does, never a call into a page. Two things the user does not type are
stood in for: the save dialog's file name (the path is handed back, no keys counted) and the
wait for a background export.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMessageBox, QWidget

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier

TITLE = "Northwind operating model"
CLIENT = "Northwind Trading"
USE_CASES = [
    # name, monthly volume, well defined, data rich, team willing, strategic value
    ("Invoice matching", "1200", "4", "4", "5", "4"),
    ("Demand forecast", "300", "3", "2", "3", "5"),
    ("Supplier onboarding", "40", "2", "3", "4", "3"),
]
SCORES = "43234"
"""The first use case's five components, in the grid's order (process ... data)."""
WORKSHOP = """\
Clerk: start: invoice in
key into ERP 4m
AI: match to order 1m
Clerk: match?
 no: query supplier 10m
Lead: approve 2m
over limit?
 yes: CFO: sign off 5m
pay 3m
Clerk: file it
send advice
end: paid
"""
DECISION = "Release payment"
ROADMAP_ITEM = "Pilot invoice matching"
ROADMAP_WEEKS_LATER = 2

BUDGETS = {"capture": 300, "scoring": 15}
"""Issue 20: a 12-step, 4-role process captured in at most 300 keys (sticky notes took 562);
a use case scored on its five components in at most 15."""

STEPS = [
    "new plan",
    "plan details",
    "use cases",
    "scoring",
    "capture",
    "decision",
    "roadmap",
    "export workbook",
    "export PDF",
]


@dataclass
class Keyboard:
    """Presses keys where the user's keyboard would send them, and counts them per step."""

    window: QMainWindow
    counts: dict[str, int] = field(default_factory=dict)
    current: str = ""

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        self.current = name
        self.counts.setdefault(name, 0)
        try:
            yield
        finally:
            settle()
            self.current = ""

    def target(self) -> QWidget:
        if QApplication.activeWindow() is None:
            # A desktop gives the keyboard back to the window when its dialog closes; the
            # offscreen platform leaves no window active: do what the window manager does.
            self.window.activateWindow()
            settle()
        return QApplication.activePopupWidget() or QApplication.focusWidget() or self.window

    def press(self, key: Qt.Key, modifiers=NONE, times: int = 1) -> None:
        for _ in range(times):
            self.counts[self.current] = self.counts.get(self.current, 0) + 1
            QTest.keyClick(self.target(), key, modifiers)
            settle()

    def in_menu(self, opener: Qt.Key, modifiers, *keys: Qt.Key) -> None:
        """Open a menu with ``opener`` and press ``keys`` in it (a tool button's menu runs its own
        loop inside the press that opens it: the keys are pressed from inside that loop)."""
        when_shown(QApplication.activePopupWidget, lambda _menu: [self.press(key) for key in keys])
        self.press(opener, modifiers)

    def type(self, text: str) -> None:
        """Type ``text`` as the user would: one key per character, Enter for a new line."""
        for line_no, line in enumerate(text.split("\n")):
            if line_no:
                self.press(K.Key_Return)
            if line:
                self.counts[self.current] = self.counts.get(self.current, 0) + len(line)
                QTest.keyClicks(self.target(), line)
                settle()


def settle(ms: int = 5) -> None:
    """Let Qt finish what a key started (an editor commits on the next turn of the loop)."""
    QApplication.processEvents()
    QTest.qWait(ms)


def when_shown(find: Callable[[], QWidget | None], then: Callable[[QWidget], None], timeout: float = 10.0) -> None:
    """Run ``then`` once ``find`` returns a widget that has the keyboard (an open menu, or a
    dialog holding the focus): a menu or dialog that runs its own event loop is driven from
    inside that loop, as the user's keys would reach it."""
    deadline = time.monotonic() + timeout

    def look() -> None:
        widget = find()
        focus = QApplication.focusWidget()
        popup = widget is not None and widget is QApplication.activePopupWidget()
        if widget is not None and widget.isVisible() and (popup or (focus and widget.isAncestorOf(focus))):
            then(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def modal(kind: type) -> Callable[[], QWidget | None]:
    def find() -> QWidget | None:
        widget = QApplication.activeModalWidget()
        return widget if isinstance(widget, kind) else None

    return find


@contextmanager
def exports_to(folder: Path, keyboard: Keyboard) -> Iterator[None]:
    """The save dialog names a file in ``folder`` (the file name is not a key the app saves);
    "Open the folder?" after an export is shown for real and answered with Esc (counted)."""
    from ui.widgets import message_boxes

    def save_name(_parent, _caption, suggestion, _filter, *args, **kwargs):
        return str(folder / Path(suggestion).name), ""

    def run_box(box: QMessageBox):
        when_shown(lambda: box, lambda _b: keyboard.press(K.Key_Escape))
        QDialog.exec(box)  # QMessageBox.exec is the tests' guard against unanswered boxes
        return box.standardButton(box.clickedButton())

    with (
        mock.patch.object(QFileDialog, "getSaveFileName", save_name),
        mock.patch.object(message_boxes, "run_box", run_box),
    ):
        yield


def run_journey(window: QMainWindow, out_dir: Path) -> dict[str, int]:
    """Drive ``window`` (shown, active, at 1366×768) through the first workshop; the keys per step."""
    kb = Keyboard(window)
    with kb.step("new plan"):
        kb.press(K.Key_N, CTRL)  # File › New plan

    with kb.step("plan details"):
        kb.press(K.Key_1, CTRL)  # Overview, in its first field: Title
        kb.type(TITLE)
        kb.press(K.Key_Tab)
        kb.type(CLIENT)

    with kb.step("use cases"):
        kb.press(K.Key_2, CTRL)
        for name, volume, *levels in USE_CASES:
            kb.press(K.Key_Insert)  # a new row, its name ready to type
            kb.type(name)
            kb.press(K.Key_Tab, times=2)  # over Status: a new use case is a candidate
            for n, value in enumerate([volume, *levels]):
                kb.type(value)
                kb.press(K.Key_Tab if n < len(levels) else K.Key_Return)

    with kb.step("scoring"):
        kb.press(K.Key_3, CTRL)  # Diagnostic, in the grid, on the first use case's first component
        for n, digit in enumerate(SCORES):
            if n:
                kb.press(K.Key_Right)
            kb.press(getattr(K, f"Key_{digit}"))

    with kb.step("capture"):
        kb.press(K.Key_4, CTRL)  # Processes, on the first use case
        from ui.process.capture_dialog import CaptureDialog

        def capture(_dialog: QWidget) -> None:
            kb.type(WORKSHOP)
            kb.press(K.Key_Return, CTRL)  # builds the map and closes the dialog

        when_shown(modal(CaptureDialog), capture)
        kb.in_menu(K.Key_M, ALT, K.Key_Q)  # More › Quick capture…

    with kb.step("decision"):
        kb.press(K.Key_5, CTRL)
        kb.press(K.Key_Insert)
        kb.type(DECISION)
        kb.press(K.Key_Return)
        # the roles of the captured map are its columns, after Decision and Autonomy
        kb.press(K.Key_Right, times=2)  # Clerk
        kb.type("R")
        kb.press(K.Key_Right, times=2)  # Lead
        kb.type("A")

    with kb.step("roadmap"):
        kb.press(K.Key_0, CTRL)
        kb.press(K.Key_Insert)  # a new item, its title ready to type
        kb.type(ROADMAP_ITEM)
        kb.press(K.Key_Return)
        kb.press(K.Key_Tab, SHIFT)  # back to the timeline, the item still selected
        kb.press(K.Key_Right, times=ROADMAP_WEEKS_LATER)

    with exports_to(out_dir, kb):
        with kb.step("export workbook"):
            # File › Export › Excel workbook…; Esc answers "Open the folder?"
            kb.in_menu(K.Key_F, ALT, K.Key_E, K.Key_E)
        with kb.step("export PDF"):
            from ui.pack_dialog import PackOptionsDialog

            # File › Export › Board pack…: Return takes the options as they stand (a board pack)
            when_shown(modal(PackOptionsDialog), lambda _dialog: kb.press(K.Key_Return))
            kb.press(K.Key_E, CTRL | SHIFT)
    return kb.counts


def open_window():
    """A fresh main window at 1366×768, shown and active (the caller keeps it and closes it)."""
    from ui.document import Document
    from ui.main_window import MainWindow

    window = MainWindow(Document())
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    deadline = time.monotonic() + 5
    while QApplication.activeWindow() is not window and time.monotonic() < deadline:
        settle(10)
    return window
