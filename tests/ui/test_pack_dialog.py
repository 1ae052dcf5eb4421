"""File › Export › Board pack…: the options dialog, remembered per plan, usable from the keyboard."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.page_tools import answer_message_boxes
from ui import export_actions
from ui.document import Document
from ui.main_window import MainWindow
from ui.pack_dialog import PackOptionsDialog, settings_group, svg_to_png


def test_the_choices_are_remembered_for_that_plan_only(qtbot, tmp_path):
    plan_a, plan_b = tmp_path / "a.omplan", tmp_path / "b.omplan"
    dialog = PackOptionsDialog(plan_a)
    qtbot.addWidget(dialog)
    assert dialog.board.isChecked()
    # the board's pack has every chapter but the team's comments; the team's pack has them too
    assert [key for key, box in dialog.sections.items() if not box.isChecked()] == ["comments"]
    dialog.team.setChecked(True)
    assert all(box.isChecked() for box in dialog.sections.values())
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.organisation.setText("Harbour <b>Advisory</b> & Co")
    dialog.mark.setCurrentText("Board only")
    dialog.draft.setChecked(True)
    dialog.version.setText("0.4")
    dialog.sections["appendix"].setChecked(False)
    dialog.accept()
    options = dialog.chosen()
    assert (options.audience, options.paper, options.version, options.draft) == ("team", "letter", "0.4", True)
    assert options.organisation == "Harbour <b>Advisory</b> & Co" and "appendix" not in options.sections
    assert "comments" in options.sections

    again = PackOptionsDialog(plan_a)
    qtbot.addWidget(again)
    assert again.team.isChecked() and again.paper.currentData() == "letter"
    assert again.organisation.text() == "Harbour <b>Advisory</b> & Co"  # plain text, as typed
    assert again.mark.currentText() == "Board only" and again.draft.isChecked()
    assert not again.sections["appendix"].isChecked()

    other = PackOptionsDialog(plan_b)
    qtbot.addWidget(other)
    assert other.board.isChecked() and other.organisation.text() == ""
    assert settings_group(plan_a) != settings_group(plan_b)


def test_a_bad_logo_is_refused_by_name_and_the_dialog_stays_open(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "minutes.png"
    bad.write_text("not a picture")
    dialog = PackOptionsDialog(tmp_path / "a.omplan")
    qtbot.addWidget(dialog)
    dialog.logo.setText(str(bad))
    seen = answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Ok)
    dialog.accept()
    assert dialog.chosen() is None and dialog.result() != dialog.DialogCode.Accepted
    assert "minutes.png is neither a PNG nor an SVG" in seen[0].text
    assert seen[0].text_format == Qt.TextFormat.PlainText


def test_an_svg_logo_is_drawn_for_the_pack(qtbot):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
    svg += b'<rect width="40" height="20" fill="#1F3A5F"/></svg>'
    png = svg_to_png(svg)
    assert png.startswith(b"\x89PNG")


def test_the_dialog_is_driven_from_the_keyboard_and_the_pack_is_written(qtbot, example_plan, tmp_path, monkeypatch):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (90, 30), (42, 140, 130)).save(logo)
    window = MainWindow(Document(example_plan))
    qtbot.addWidget(window)
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(export_actions.ExportController, "ask_target", lambda self, suffix, file_filter: target)

    errors: list[BaseException] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PackOptionsDialog):
            QTimer.singleShot(20, fill_in)
            return
        try:
            drive(dialog)
        except BaseException as exc:  # a failure here must close the dialog, not hang the test
            errors.append(exc)
            dialog.reject()

    def key(k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(QApplication.focusWidget(), k, modifiers)  # where the user's key goes
        QApplication.processEvents()

    def drive(dialog: PackOptionsDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(
            lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget())
        )
        key(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # the working &team
        qtbot.waitUntil(dialog.team.isChecked, timeout=2000)  # a mnemonic clicks after a short animation
        key(Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # &Organisation
        assert QApplication.focusWidget() is dialog.organisation
        QTest.keyClicks(dialog.organisation, "Harbour Advisory")
        dialog.logo.setText(str(logo))
        key(Qt.Key.Key_Return)  # Export…

    QTimer.singleShot(0, fill_in)
    answer_message_boxes(monkeypatch, QMessageBox.StandardButton.Close)  # "Open the folder?"
    window.exports.export_pdf()
    assert not errors, errors
    reader = PdfReader(target)
    first = " ".join(reader.pages[0].extract_text().split())
    assert "WORKING-TEAM PACK" in first and "Harbour Advisory" in first
    assert len(reader.pages[0].images) == 1
    assert Path(target).exists()


def test_the_choice_of_reader_and_the_chapters_are_seen_in_the_dark_theme(qtbot):
    """An unchosen radio button (the working team) and an unticked box were dark rings and squares
    on the dark window: their outlines must stand out from the field around them."""
    from ui.pack_dialog import PackOptionsDialog
    from ui.theme import apply_theme

    app = QApplication.instance()
    try:
        apply_theme(app, "dark")
        dialog = PackOptionsDialog(None)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.board.setChecked(True)
        dialog.draft.setChecked(False)
        for button in (dialog.team, dialog.draft):
            image = button.grab().toImage()
            indicator = [image.pixelColor(x, y).lightness() for x in range(18) for y in range(image.height())]
            field = max(set(indicator), key=indicator.count)
            assert max(indicator) - field > 60, button.text()
    finally:
        apply_theme(app, "light")
        app.setPalette(app.style().standardPalette())
