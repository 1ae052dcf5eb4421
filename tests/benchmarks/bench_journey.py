"""Keys, not milliseconds: the first workshop driven by key presses from a blank plan to both
exports (the journey of tests/ui/journey.py, the same code the journey test runs), counted per step.

A step with a budget from issue 20 (capture a 12-step, 4-role process in at most 300 keys; score
a use case's five components in at most 15) prints the budget as its baseline and passes at a
ratio of 1 or less; the other steps are printed for the record. Runs in this process on the
offscreen platform, with the app's settings in a throw-away folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .common import Row

SCREEN = (1366, 768)


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def rows(counts: dict[str, int], budgets: dict[str, int]) -> list[Row]:
    out = []
    for step, keys in counts.items():
        budget = budgets.get(step)
        if budget is not None:
            out.append(Row(f"keys: {step}", keys, budget, 1.0, unit="keys", note=f"budget {budget} keys"))
        else:
            out.append(Row(f"keys: {step}", keys, keys, None, unit="keys", note="no budget"))
    total = sum(counts.values())
    out.append(Row("keys: whole first workshop", total, total, None, unit="keys", note=f"{len(counts)} steps"))
    return out


def run(tmp: Path) -> list[Row]:
    _app()
    from tests.ui import journey
    from ui.settings import DATA_DIR_ENV

    before = os.environ.get(DATA_DIR_ENV)
    with tempfile.TemporaryDirectory(prefix="journey-appdata-") as appdata:
        os.environ[DATA_DIR_ENV] = appdata  # the export's last folder is remembered: not in the user's settings
        window = journey.open_window()
        try:
            assert (window.width(), window.height()) == SCREEN, (window.width(), window.height())
            out = tmp / "journey"
            out.mkdir(exist_ok=True)
            counts = journey.run_journey(window, out)
            missing = [kind for kind in ("xlsx", "pdf") if not list(out.glob(f"*.{kind}"))]
            if missing:
                raise RuntimeError(f"the journey wrote no {' or '.join(missing)} file: a step did not happen")
        finally:
            window.document.undo_stack.setClean()  # closing asks nothing: the journey's plan is thrown away
            window.close()
            window.deleteLater()
            if before is None:
                os.environ.pop(DATA_DIR_ENV, None)
            else:
                os.environ[DATA_DIR_ENV] = before
    return rows(counts, journey.BUDGETS)
