"""A start-up probe for the benchmarks and the bundle's smoke test.

With ``OMPLANNER_EXIT_AFTER_PAINT=1`` in the environment, the app prints
``OMPLANNER_PAINTED <time.monotonic()>`` once its main window has painted for the first time,
then quits with exit code 0. Nothing changes without the variable.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_VAR = "OMPLANNER_EXIT_AFTER_PAINT"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            # The window and its children paint in one pass: report once that pass is over.
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        sys.stdout.write(f"OMPLANNER_PAINTED {time.monotonic():.6f}\n")
        sys.stdout.flush()
        QApplication.quit()


def install_if_asked(window: QWidget) -> None:
    if os.environ.get(ENV_VAR):
        window.installEventFilter(_FirstPaint(window))
