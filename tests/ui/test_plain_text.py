"""A plan is shown as written: no name, note or message in it can make Qt load a file.

Every text field of the example plan (and every id) is given markup: ``<img src="FIFO">`` and
``<b>bold</b>``. Qt reads an image named in rich text as soon as it lays the text out; reading a
FIFO blocks until something writes to it. A watcher process opens the FIFO for writing whenever
anything waits to read it, and logs that: the window is opened on the plan, every page, canvas,
inspector, tooltip and dialog that shows plan text is shown and painted, and the log must stay
empty. Labels that show plan text must show the markup's characters, not bold text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import Qt, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGraphicsView, QLabel, QMessageBox, QToolTip, QWidget

from omplanner.commands import SetFields
from omplanner.paths import example_path
from tests.ui.page_tools import answer_message_boxes
from ui import files
from ui.app import ask_recovery
from ui.document import Document
from ui.main_window import MainWindow, _broken_page
from ui.pages import PAGES
from ui.process.capture_dialog import CaptureDialog
from ui.widgets.plain_text import literal_html, plain_label, plain_tooltip

REAL_ASK = files.ask_save_changes
BOLD = "<b>bold</b>"
TEXT_KEYS = {
    "title", "client", "facilitator", "notes", "name", "team", "description", "metric", "unit",
    "label", "owner_name", "autonomy_statement", "breach_process", "rationale", "system",
    "validation", "latency", "participant", "evidence", "reason",
}  # fmt: skip
"""Every free-text field of a plan (docs/file-format.md)."""

WATCHER = """
import errno, os, sys, time
fifo, log = sys.argv[1], sys.argv[2]
parent = os.getppid()
while os.getppid() == parent and os.path.exists(fifo):
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # fails (ENXIO) unless a reader waits
    except OSError as exc:
        if exc.errno not in (errno.ENXIO, errno.ENOENT):
            raise
        time.sleep(0.005)
        continue
    with open(log, "a") as f:
        f.write("read\\n")
    os.close(fd)  # the reader gets end of file and goes on
    time.sleep(0.02)
"""


class FifoWatch:
    """Tells whether anything opened the FIFO for reading. A process, not a thread: the GUI
    thread blocked in Qt's open() may hold Python's lock."""

    def __init__(self, folder: Path):
        self.fifo = folder / "fifo"
        self.log = folder / "reads.log"
        os.mkfifo(self.fifo)
        self.log.write_text("")
        self.process = subprocess.Popen(
            [sys.executable, "-c", WATCHER, str(self.fifo), str(self.log)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def reads(self) -> int:
        QApplication.processEvents()
        time.sleep(0.05)  # the watcher polls every 5 ms
        return len(self.log.read_text().split())

    def stop(self) -> None:
        self.fifo.unlink(missing_ok=True)
        self.process.kill()
        self.process.wait()


@pytest.fixture
def watch(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # ids name the FIFO by a relative path: they are at most 100 characters
    w = FifoWatch(tmp_path)
    yield w
    w.stop()


def marked(text: str, fifo: Path) -> str:
    return f'<img src="{fifo}">{BOLD} {text}'


def markup_plan_file(folder: Path, fifo: Path) -> Path:
    """The example plan with markup in every text field and every id, saved under a name with markup."""
    data = json.loads(example_path("distributor").read_text(encoding="utf-8"))
    ids: dict[str, str] = {}

    def collect(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and node["id"] != "details":
                ids[node["id"]] = f'<img src="fifo">{BOLD}{node["id"]}'
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    def mark(node, key=None):
        if isinstance(node, dict):
            return {k: mark(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [mark(v, key) for v in node]
        if isinstance(node, str):
            if node in ids:
                return ids[node]
            if key in TEXT_KEYS:
                return marked(node, fifo)
        return node

    collect(data)
    path = folder / f'<img src="{fifo.name}"><i>plan.omplan'  # no / in a file name
    path.write_text(json.dumps(mark(data)), encoding="utf-8")
    return path


def shown_text(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What the user reads: rich text's characters without its tags."""
    rich = text_format == Qt.TextFormat.RichText or (text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
    return QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text


def show_tooltip(text: str, widget: QWidget) -> None:
    """Show a tooltip as Qt shows it on hover, and paint it."""
    QToolTip.showText(widget.mapToGlobal(QPoint(5, 5)), text, widget)
    for tip in QApplication.topLevelWidgets():
        if tip.inherits("QTipLabel") and tip.isVisible():
            tip.grab()
    QToolTip.hideText()


def tooltips(window: QWidget) -> list[tuple[str, QWidget]]:
    """Every tooltip the window's widgets, items, table cells and canvas items offer."""
    found = [(w.toolTip(), w) for w in window.findChildren(QWidget) if w.toolTip()]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        root = QModelIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list model keeps its column count private: it has one
            columns = 1
        for row in range(min(model.rowCount(root), 40)):
            for column in range(columns):
                tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                if tip:
                    found.append((tip, view.viewport()))
    for view in window.findChildren(QGraphicsView):
        if view.scene() is not None:
            found += [(item.toolTip(), view.viewport()) for item in view.scene().items() if item.toolTip()]
    return found


def assert_labels_literal(window: QWidget) -> int:
    """Labels showing plan text show its markup as characters. Returns how many were checked."""
    checked = 0
    for label in window.findChildren(QLabel):
        if "bold" in label.text() and label.isVisibleTo(window):
            assert BOLD in shown_text(label.text(), label.textFormat()), label.text()
            checked += 1
    return checked


@pytest.fixture
def window(qtbot, watch, tmp_path):
    win = MainWindow(Document())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.files.open_path(markup_plan_file(tmp_path, watch.fifo), ask=False)
    win.findings.refresh()
    return win


def visit(window, page_id: str, element_id: str | None = None) -> QWidget:
    page = window.show_page(page_id)
    if element_id is not None:
        page.select_element(element_id)
    refresh = getattr(page, "refresh_analysis", None)
    if callable(refresh):
        refresh()
    QApplication.processEvents()
    window.grab()
    return page


def test_no_page_of_a_plan_full_of_markup_reads_a_file(window, watch):
    plan = window.document.plan
    use_case = plan.use_cases[0]
    first_ids = {
        "overview": None,
        "use_cases": use_case.id,
        "diagnostic": use_case.id,
        "processes": use_case.redesigned.steps[0].id,
        "decisions": plan.decisions[0].id,
        "capabilities": plan.capabilities[0].id,
        "governance": use_case.id,
        "data": plan.data_sources[0].id,
        "roles": plan.roles[0].id,
        "roadmap": plan.roadmap[0].id,
    }
    assert set(first_ids) == {p.id for p in PAGES}
    checked = 0
    for page_id, element_id in first_ids.items():
        visit(window, page_id, element_id)
        tips = tooltips(window)
        for text, widget in tips:
            show_tooltip(text, widget)
        assert watch.reads() == 0, f"the {page_id} page made Qt read a file named in the plan"
        checked += assert_labels_literal(window)
        for text, _widget in tips:
            if "bold" in text:
                assert BOLD in shown_text(text), text
    assert checked >= 10  # the overview cards, the inspectors, the status bar's file name...

    roadmap = window.page("roadmap")  # a finding shown in the inspector, with its fix proposed
    for item in plan.roadmap:
        roadmap.select_element(item.id)
        window.grab()
        if roadmap.inspector.fix_buttons:
            break
    assert roadmap.inspector.fix_buttons
    assert assert_labels_literal(window)

    panel = window.findings  # every finding's detail, with the names it concerns
    for row in range(panel.entries.count()):
        panel.entries.setCurrentRow(row)
        window.grab()
    assert BOLD in panel.detail.text() and panel.detail.textFormat() == Qt.TextFormat.PlainText
    assert BOLD in window.windowTitle()
    assert watch.reads() == 0


def test_dialogs_show_plan_text_as_plain_text(window, watch, monkeypatch, qtbot):
    plan = window.document.plan
    monkeypatch.setattr(files, "ask_save_changes", REAL_ASK)
    no = QMessageBox.StandardButton.No
    boxes = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Cancel, no, no, no)

    window.document.execute(SetFields("details", {"notes": "edited"}))
    assert not window.files.maybe_save()  # unsaved changes: the plan's title in the question
    roles = window.show_page("roles")
    assert not roles.remove_role(plan.roles[0].id)  # a role in use: its name and its uses
    processes = window.show_page("processes")
    processes.show_use_case(plan.use_cases[0].id)
    processes._confirm_redesign()  # the redesign is replaced: the use case's name
    recovery = SimpleNamespace(title=plan.details.title, original=window.document.path, saved=None)
    ask_recovery(window, recovery)

    window.document.undo_stack.setClean()  # closing the window asks nothing more
    assert len(boxes) == 4
    for box in boxes:
        assert box.text_format == Qt.TextFormat.PlainText
        assert BOLD in box.text
    assert watch.reads() == 0

    capture = CaptureDialog(processes, "current")
    qtbot.addWidget(capture)
    capture.text.setPlainText(f"{BOLD} is no step")
    capture._accept()
    capture.show()
    capture.grab()
    assert BOLD in shown_text(capture.error.text(), capture.error.textFormat())

    broken = _broken_page(PAGES[0], ValueError(marked("no page", watch.fifo)))
    qtbot.addWidget(broken)
    broken.grab()
    assert assert_labels_literal(broken) == 1
    assert watch.reads() == 0


def test_the_lane_question_shows_the_lane_name_as_written(window, watch, monkeypatch, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    page = window.show_page("processes")
    pmap = page.panes[page.active_variant].editor.pmap()
    lane = next(lane for lane in pmap.lanes if any(s.lane == lane for s in pmap.steps))
    page.panes[page.active_variant].scene.active_lane = lane
    monkeypatch.setattr(page, "_current_lane", lambda: lane)
    seen = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.grab()
        seen.extend((label.text(), label.textFormat()) for label in dialog.findChildren(QLabel) if label.text())
        dialog.reject()

    QTimer.singleShot(0, answer)
    page._ask_remove_lane()
    assert seen and all(BOLD in shown_text(text, fmt) for text, fmt in seen)
    assert watch.reads() == 0


@pytest.mark.parametrize("text", ["<b>bold</b>", "a < b & c", "first\n<img src='x'>", "  two  spaces", "&lt;"])
def test_tooltips_and_labels_show_text_character_for_character(qtbot, text):
    tip = plain_tooltip(text)
    assert Qt.mightBeRichText(tip)  # a tooltip guesses: this one is always taken as rich text...
    assert shown_text(tip) == text  # ...that reads as the text, spaces and line breaks kept
    label = plain_label(text)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == text
    assert plain_tooltip("") == ""  # no tooltip at all


def test_literal_html_composes_a_bold_title_with_the_users_words():
    shown = shown_text(f"<b>Title</b> {literal_html('a < b & c' + chr(10) + BOLD)}", Qt.TextFormat.RichText)
    assert shown == f"Title a < b & c\n{BOLD}"
