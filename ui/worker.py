"""One helper for long work off the GUI thread: a progress dialog with Cancel, and the outcome.

The work is a plain function taking a ``progress(fraction, message="") -> bool`` callback; the
callback returns False once the user pressed Cancel, and the work is expected to stop then (the
core exporters raise their ``Cancelled`` and leave no file behind). The work must not touch Qt
widgets or the open plan: callers hand it a copy of the plan.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[..., bool]

SHOW_AFTER_MS = 400
"""A quick export finishes without a dialog flashing up."""


@dataclass
class Outcome:
    status: str
    """'done', 'cancelled' or 'failed'."""
    result: Any = None
    error: BaseException | None = None

    @property
    def done(self) -> bool:
        return self.status == "done"


class _Job(QThread):
    progressed = Signal(float, str)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self.cancel_requested = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def request_cancel(self) -> None:
        self.cancel_requested.set()

    def progress(self, fraction: float = 0.0, message: str = "") -> bool:
        self.progressed.emit(float(fraction), str(message or ""))
        return not self.cancel_requested.is_set()

    def run(self) -> None:
        try:
            self.result = self.work(self.progress)
        except BaseException as exc:  # reported to the GUI thread, never lost in the thread
            self.error = exc


def _is_cancellation(error: BaseException | None, asked: bool) -> bool:
    return error is not None and (asked or type(error).__name__ == "Cancelled")


def run_in_background(parent: QWidget | None, title: str, work: Callable[[Progress], Any]) -> Outcome:
    """Run ``work(progress)`` on a worker thread; return when it is over, the GUI live meanwhile."""
    dialog = QProgressDialog(title, "Cancel", 0, 1000, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(title)
    job = _Job(work)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    dialog.canceled.connect(job.request_cancel)

    def show_progress(fraction: float, message: str) -> None:
        dialog.setValue(max(0, min(1000, int(fraction * 1000))))
        if message:
            dialog.setLabelText(message)

    job.progressed.connect(show_progress)
    dialog.setValue(0)
    job.start()
    if job.isRunning():
        loop.exec()
    job.wait()
    asked = job.cancel_requested.is_set()  # before close(): closing a progress dialog emits canceled
    dialog.canceled.disconnect()
    dialog.close()
    dialog.deleteLater()
    if _is_cancellation(job.error, asked):
        return Outcome("cancelled", error=job.error)
    if job.error is not None:
        return Outcome("failed", error=job.error)
    return Outcome("done", result=job.result)
