"""The main window on a 1366×768 laptop screen, the smallest a workshop runs on.

The offscreen platform's screen is not a laptop's: here full screen (presentation mode) means
the 1366×768 screen, and the window starts at that size.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from ui.document import Document
from ui.main_window import MainWindow

SCREEN = QSize(1366, 768)


@contextmanager
def laptop_window(qtbot, plan, monkeypatch) -> Iterator[MainWindow]:
    """The window on ``plan``, shown at the laptop's size; out of presentation mode when done."""
    win = MainWindow(Document(plan))
    qtbot.addWidget(win)
    monkeypatch.setattr(win, "showFullScreen", lambda: (win.showNormal(), win.resize(SCREEN)))
    win.resize(SCREEN)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.presentation.active:
        win.set_presentation(False)


def settle(qtbot, wait_ms: int = 20) -> None:
    """Let layouts, deferred fits and repaints run."""
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(wait_ms)
