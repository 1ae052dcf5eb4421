"""Quick capture: the facilitator types 'Role: step' lines and the map is built from them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from omplanner.model import Severity
from omplanner.process import CaptureError
from omplanner.vocabulary import SEVERITY

from ..keymap import SUBMIT_KEYS, pressed_key
from ..widgets.plain_text import plain_label
from ..widgets.style import is_dark, text_colour

VARIANTS = ("current", "redesigned")
TITLES = {"current": "Current process", "redesigned": "Redesigned around the AI"}
CAPTURE_HINT = (
    "AP clerk: start: invoice arrives\nkey into ERP 4m\nMatching agent: match to order 1m\n"
    "AP clerk: match agrees?\n  no: query the supplier 10m\nAP team lead: approve for payment 2m\nend: paid"
)
GUIDE = (
    "One step per line, as <i>Role: what they do</i>; leave out the role when it is the same as the line "
    "above. End a line with <i>5m</i> or <i>(1 h)</i> for the time it takes. A line ending in ? is a "
    "question: <i>yes:</i> and <i>no:</i> lines below it are its answers. <i>start:</i> and <i>end:</i> "
    "name the start and the end. Rows pasted from a spreadsheet read as role, step, minutes. "
    "Missing roles are created. <b>Ctrl+Enter</b> builds the map."
)


class CaptureDialog(QDialog):
    """Type the steps as 'Role: step' lines; the map is built from them."""

    def __init__(self, page, variant: str):
        super().__init__(page)
        self.page = page
        self.setWindowTitle("Quick capture")
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)  # a tab in a step is never meant; Tab reaches the buttons
        self.text.setPlaceholderText(CAPTURE_HINT)
        self.text.setAccessibleName("Steps, one per line")
        self.variant = QComboBox()
        for v in VARIANTS:
            self.variant.addItem(TITLES[v], v)
        self.variant.setCurrentIndex(VARIANTS.index(variant))
        self.error = plain_label()  # quotes the line typed
        self.error.setWordWrap(True)
        text_colour(self.error, SEVERITY[Severity.ERROR].text(is_dark(self)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        build = buttons.addButton("&Build map", QDialogButtonBox.ButtonRole.AcceptRole)
        build.setToolTip("Build the map from these lines (Ctrl+Enter)")
        buttons.accepted.connect(self._accept)
        self._submit = {QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in SUBMIT_KEYS}
        self.text.installEventFilter(self)  # the text field has the keys: it would type a new line
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        guide = QLabel(GUIDE)  # our own words, no plan text: rich text is safe here
        guide.setTextFormat(Qt.TextFormat.RichText)
        guide.setWordWrap(True)
        layout.addWidget(guide)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.variant)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and pressed_key(event) in self._submit:
            self._accept()
            return True
        return super().eventFilter(watched, event)

    def _accept(self) -> None:
        try:
            self.page.quick_capture(self.text.toPlainText(), self.variant.currentData())
        except CaptureError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
