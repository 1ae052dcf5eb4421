"""File › Export through the one background helper: progress, cancel, failure, open the folder."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from omplanner.commands import SetFields
from tests.ui.page_tools import answer_message_boxes
from ui import export_actions
from ui.document import Document
from ui.main_window import MainWindow
from ui.worker import run_in_background


class Cancelled(Exception):
    """Stands for the core exporters' own Cancelled."""


@pytest.fixture
def window(qtbot, example_plan):
    win = MainWindow(Document(example_plan))
    qtbot.addWidget(win)
    return win


def test_the_worker_runs_off_the_gui_thread_and_returns(qtbot):
    seen = []

    def work(progress):
        seen.append(threading.current_thread() is threading.main_thread())
        for i in range(5):
            assert progress(i / 5, f"step {i}")
        return "written"

    outcome = run_in_background(None, "Testing", work)
    assert outcome.done and outcome.result == "written"
    assert seen == [False]


def test_cancel_in_the_progress_dialog_stops_the_work(qtbot):
    stopped = threading.Event()

    def slow(progress):
        for i in range(2000):
            if not progress(i / 2000, "writing"):
                stopped.set()
                raise Cancelled()
            time.sleep(0.005)
        return "finished anyway"

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            dialogs[0].findChild(QPushButton).click()  # what the user does
        else:
            QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(50, press_cancel)
    outcome = run_in_background(None, "Exporting", slow)
    assert outcome.status == "cancelled"
    assert stopped.is_set()


def test_a_failing_export_is_reported_not_raised(qtbot):
    def broken(progress):
        raise ValueError("the disk said no")

    outcome = run_in_background(None, "Exporting", broken)
    assert outcome.status == "failed" and "disk said no" in str(outcome.error)


def test_export_hands_a_copy_of_the_plan_to_the_exporter_and_offers_the_folder(window, tmp_path, monkeypatch):
    received = {}

    def fake_export(plan, path, progress=None):
        received["plan"] = plan
        progress(0.5, "half way")
        path.write_text(plan.details.title, encoding="utf-8")

    offered = []
    monkeypatch.setattr(export_actions, "load_exporter", lambda kind: fake_export)
    monkeypatch.setattr(export_actions, "ask_open_folder", lambda parent, path: offered.append(path) or False)
    window.document.execute(SetFields("details", {"title": "Board pack"}))
    target = tmp_path / "pack.pdf"
    assert window.exports.export("pdf", target) == target
    assert target.read_text(encoding="utf-8") == "Board pack"
    assert received["plan"] is not window.document.plan  # the user may keep editing meanwhile
    assert received["plan"] == window.document.plan
    assert offered == [target]


def test_an_export_missing_from_the_build_says_so(window, tmp_path, monkeypatch):
    monkeypatch.setattr(export_actions, "load_exporter", lambda kind: (_ for _ in ()).throw(ImportError(kind)))
    boxes = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    assert window.exports.export("xlsx", tmp_path / "x.xlsx") is None
    told = [box.text for box in boxes]
    assert told and "Excel workbook" in told[0]


def test_image_of_the_page(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(export_actions, "ask_open_folder", lambda parent, path: False)
    window.resize(900, 600)
    window.show()
    png = window.exports.export_image(tmp_path / "page.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = window.exports.export_image(tmp_path / "page.svg")
    assert "<svg" in svg.read_text(encoding="utf-8")
