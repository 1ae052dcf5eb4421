"""Start-up to the first painted window, and peak memory with the large plan open, each measured in
a fresh process against a bare PySide6 window started the same way.

The app takes part through one hook: with ``OMPLANNER_EXIT_AFTER_PAINT=1`` in its environment,
``ui.app`` prints ``OMPLANNER_PAINTED <time.monotonic()>`` once its main window has painted for
the first time (and ``OMPLANNER_PLAN_PAINTED <time.monotonic()>`` once the plan shows, if it
opens the plan after the first paint), then quits. ``time.monotonic`` is the system-wide
monotonic clock on Linux, so the parent subtracts its own reading taken just before the start.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .common import NotAvailable, Row

MARK = "OMPLANNER_PAINTED"
PLAN_MARK = "OMPLANNER_PLAN_PAINTED"
TIMEOUT = 120

BARE_WINDOW = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.finish)
        return False
    def finish(self):
        print("{MARK}", f"{{time.monotonic():.6f}}", flush=True)
        QApplication.quit()

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("A bare window"))
window.resize(1280, 800)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
sys.exit(app.exec())
"""


def _launch(argv: list[str]) -> tuple[float, float]:
    """Start ``argv``; return (ms from start to first paint, peak resident MB of the process)."""
    with tempfile.TemporaryFile("w+") as err, tempfile.TemporaryDirectory() as appdata:
        # A fresh settings/autosave folder each start, as on first use: no recovery question.
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OMPLANNER_EXIT_AFTER_PAINT="1", OMPLANNER_DATA_DIR=appdata)
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        timer = threading.Timer(TIMEOUT, proc.kill)
        timer.start()
        out = proc.stdout.read()
        # wait4 rather than wait: it hands back this child's own peak resident size.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        timer.cancel()
        err.seek(0)
        tail = (err.read().strip().splitlines() or ["(nothing on stderr)"])[-1]
    marks = {line.split()[0]: line.split()[1] for line in out.splitlines() if line.startswith(MARK)}
    # The app may paint its window first and open the plan just after (the plan model is costly
    # to import): then the time that counts is when the plan's page has painted too.
    painted = marks.get(PLAN_MARK, marks.get(MARK))
    if painted is None:
        raise NotAvailable(
            f"no {MARK} line (exit {proc.returncode}: {tail}); ui.app needs the OMPLANNER_EXIT_AFTER_PAINT hook"
        )
    return (float(painted) - start) * 1000, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _run(argv: list[str], repeats: int) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(repeats):
        ms, mb = _launch(argv)
        times.append(ms)
        peaks.append(mb)
    return statistics.median(times), max(peaks)


def _app(plan: Path) -> list[str]:
    return [sys.executable, "-m", "ui.launcher", str(plan)]


def startup(example: Path, repeats: int) -> Row:
    app_ms, _ = _run(_app(example), repeats)
    bare_ms, _ = _run([sys.executable, "-c", BARE_WINDOW], repeats)
    return Row("start to first painted window, example (vs bare PySide6)", app_ms, bare_ms, 1.5)


def memory(large: Path) -> Row:
    _, app_mb = _run(_app(large), 1)
    _, bare_mb = _run([sys.executable, "-c", BARE_WINDOW], 1)
    return Row("peak memory, large plan open (vs bare window)", app_mb, bare_mb, None, unit="MB")
