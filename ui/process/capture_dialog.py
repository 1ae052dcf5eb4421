"""Quick capture: the facilitator types 'Role: step' lines and the map is built from them."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from omplanner.process import CaptureError

from ..widgets.plain_text import plain_label

VARIANTS = ("current", "redesigned")
TITLES = {"current": "Current process", "redesigned": "Redesigned around the AI"}
CAPTURE_HINT = (
    "AP clerk: start: invoice arrives\nAP clerk: key invoice into ERP\nMatching agent: match to purchase order\n"
    "AP clerk: match agrees?\nAP team lead: approve for payment"
)


class CaptureDialog(QDialog):
    """Type the steps as 'Role: step' lines; the map is built from them."""

    def __init__(self, page, variant: str):
        super().__init__(page)
        self.page = page
        self.setWindowTitle("Quick capture")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(CAPTURE_HINT)
        self.text.setAccessibleName("Steps, one per line")
        self.variant = QComboBox()
        for v in VARIANTS:
            self.variant.addItem(TITLES[v], v)
        self.variant.setCurrentIndex(VARIANTS.index(variant))
        self.error = plain_label()  # quotes the line typed
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #e03131")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "One step per line, as <i>Role: what they do</i>. A line ending in ? is a decision; "
                "<i>Role: start: …</i> and <i>Role: end: …</i> name the start and the end. "
                "Missing roles are created."
            )
        )
        layout.addWidget(self.text, 1)
        layout.addWidget(self.variant)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def _accept(self) -> None:
        try:
            self.page.quick_capture(self.text.toPlainText(), self.variant.currentData())
        except CaptureError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
