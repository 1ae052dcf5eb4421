"""File › Import › BPMN process map…: a preview first, then one undoable edit; and the export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.core.bpmn_support import MIWG, schema_errors
from tests.ui.page_tools import answer_message_boxes
from ui import bpmn_dialogs
from ui.document import Document
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, example_plan):
    win = MainWindow(Document(example_plan))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    return win


def test_the_file_menu_offers_bpmn_export_and_import(window):
    texts = set()
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == "File":
            for entry in top.menu().actions():
                if entry.menu() is not None:
                    texts |= {
                        f"{entry.text().replace('&', '')} › {a.text().replace('&', '')}" for a in entry.menu().actions()
                    }
    assert "Export › Process map as BPMN…" in texts
    assert "Import › BPMN process map…" in texts


def test_import_previews_then_applies_as_one_undoable_edit(window, qtbot, monkeypatch, tmp_path):
    plan = window.document.plan
    uc = plan.use_cases[0]
    before = plan.model_copy(deep=True)
    seen = {}

    def look_and_accept(dialog):
        dialog.chooser.use_case.setCurrentIndex(dialog.chooser.use_case.findData(uc.id))
        dialog.chooser.variant.setCurrentIndex(dialog.chooser.variant.findData("redesigned"))
        dialog.resize(760, 560)
        assert dialog.grab().save(str(tmp_path / "import-preview.png"))  # docs/screenshots has one
        seen["text"] = dialog.preview.toPlainText()
        seen["plain"] = dialog.preview.isReadOnly()
        saved = dialog.save_report(tmp_path / "list.txt")
        seen["saved"] = saved.read_text(encoding="utf-8")
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        return dialog.result is not None

    monkeypatch.setattr(bpmn_dialogs, "run_dialog", look_and_accept)
    assert plan == before  # nothing changes before the preview is accepted
    assert window.bpmn.import_map(MIWG / "A.4.0.bpmn")
    text = seen["text"]
    assert "11 steps, 9 flows in 3 lanes" in text
    assert "Replaces the 9 steps of this map." in text
    assert "Decision 'Post an invoice that matches within tolerance' loses its link (step)" in text
    assert "new role" in text
    assert "subprocess-collapsed" in text and "message-flow-dropped" in text
    assert "Uses automatic layout" not in text  # its diagram fits our lanes once widened
    assert seen["saved"].strip() and "subprocess-content" in seen["saved"]
    assert len(uc.redesigned.steps) == 11
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert window.document.plan == before
    window.show_page("processes")
    window.document.undo_stack.redo()
    assert window.grab().save(str(tmp_path / "after-import.png"))


def test_a_file_that_is_not_bpmn_gets_one_sentence_and_no_preview(window, monkeypatch, tmp_path):
    bad = tmp_path / "notes.bpmn"
    bad.write_text("<html><body>not a process</body></html>")
    shown = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(bpmn_dialogs, "run_dialog", lambda dialog: pytest.fail("no preview for a bad file"))
    before = window.document.plan.model_copy(deep=True)
    assert not window.bpmn.import_map(bad)
    assert len(shown) == 1 and "not BPMN 2.0" in shown[0].text and "\n" not in shown[0].text
    assert shown[0].text_format == Qt.TextFormat.PlainText
    assert window.document.plan == before


def test_names_in_the_file_are_shown_as_plain_text(window, monkeypatch, tmp_path):
    raw = (MIWG / "A.4.0.bpmn").read_bytes().replace(b'name="Lane 1"', b'name="&lt;b&gt;Clerk&lt;/b&gt;"')
    path = tmp_path / "<i>markup<i>.bpmn"
    path.write_bytes(raw)
    seen = []
    monkeypatch.setattr(bpmn_dialogs, "run_dialog", lambda dialog: (seen.append(dialog), False)[1])
    assert not window.bpmn.import_map(path)
    dialog = seen[0]
    assert "Lane '<b>Clerk</b>': new role '<b>Clerk</b>'" in dialog.preview.toPlainText()
    labels = dialog.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels if "markup" in label.text())


def test_export_writes_the_map_chosen(window, monkeypatch, tmp_path):
    uc = window.document.plan.use_cases[0]

    def choose_redesigned(dialog):
        chooser = dialog.findChild(bpmn_dialogs.MapChooser)
        chooser.variant.setCurrentIndex(chooser.variant.findData("redesigned"))
        return True

    monkeypatch.setattr(bpmn_dialogs, "run_dialog", choose_redesigned)
    out = window.bpmn.export_map(tmp_path / "out.bpmn")
    raw = out.read_bytes()
    assert schema_errors(raw) == []
    assert f"{uc.name} (redesigned)".encode() in raw
