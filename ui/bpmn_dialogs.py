"""File › Export › Process map as BPMN… and File › Import › BPMN process map….

The import shows a preview before anything changes: what will be created, which lanes match
roles of the plan and which roles are new, every element that does not come across as it is
(code, name, id), and whether the automatic layout places the steps. The list can be saved as
a text file. Accepting applies the import as one undoable edit. The file's words are shown as
plain text throughout.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .document import Document
from .settings import settings
from .widgets.message_boxes import inform, warn
from .widgets.plain_text import plain_label
from .worker import run_in_background

LAST_DIR_KEY = "bpmn/last_dir"
VARIANTS = (("current", "Current map"), ("redesigned", "Redesigned map"))


def run_dialog(dialog: QDialog) -> bool:
    """Show the dialog until the user answers; True if accepted. Tests replace this one function."""
    return dialog.exec() == QDialog.DialogCode.Accepted


class MapChooser(QWidget):
    """Which map: a use case and its current or redesigned variant."""

    changed = Signal()

    def __init__(self, document: Document, use_case_id: str | None, variant: str, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.use_case = QComboBox()
        self.use_case.setAccessibleName("Use case")
        for uc in document.plan.use_cases:
            self.use_case.addItem(uc.name, uc.id)  # combo items are plain text
        index = self.use_case.findData(use_case_id)
        self.use_case.setCurrentIndex(max(index, 0))
        self.variant = QComboBox()
        self.variant.setAccessibleName("Map")
        for key, label in VARIANTS:
            self.variant.addItem(label, key)
        self.variant.setCurrentIndex(self.variant.findData(variant) if variant in dict(VARIANTS) else 0)
        form.addRow("Use case:", self.use_case)
        form.addRow("Map:", self.variant)
        self.use_case.currentIndexChanged.connect(self.changed)
        self.variant.currentIndexChanged.connect(self.changed)

    def choice(self) -> tuple[str, str]:
        return self.use_case.currentData(), self.variant.currentData()


class BpmnImportDialog(QDialog):
    """The preview of an import; ``result`` is what accepting applies."""

    def __init__(self, document: Document, tree, path: Path, use_case_id: str | None, variant: str, parent=None):
        """``tree`` is the file as parse_bpmn_xml gave it: parsed once, read for every map tried."""
        super().__init__(parent)
        self.document, self.tree, self.path = document, tree, path
        self.result = None
        self.setWindowTitle("Import BPMN process map")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"From {path.name}: the process replaces the steps, flows and lanes of"))
        self.chooser = MapChooser(document, use_case_id, variant)
        layout.addWidget(self.chooser)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("What the import will do")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button: QPushButton = self.buttons.addButton(
            "Save list as text…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save_report())
        layout.addWidget(self.buttons)
        self.chooser.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from omplanner.bpmn import BpmnFileError, read_bpmn_tree

        use_case_id, variant = self.chooser.choice()
        use_case = self.document.plan.use_case(use_case_id)
        try:
            self.result = read_bpmn_tree(self.tree, self.document.plan, getattr(use_case, variant).id, self.path)
        except BpmnFileError as exc:
            self.result = None
            self.preview.setPlainText(str(exc))
        else:
            from omplanner.bpmn import consequences

            replaced = len(getattr(use_case, variant).steps)
            lead = f"Replaces the {replaced} steps of this map.\n" if replaced else ""
            lead += "".join(f"{line}.\n" for line in consequences(self.document.plan, self.result))
            self.preview.setPlainText(lead + ("\n" if lead else "") + self.result.report())
        self.import_button.setEnabled(self.result is not None)
        self.save_button.setEnabled(self.result is not None)

    def save_report(self, path: Path | None = None) -> Path | None:
        if self.result is None:
            return None
        if path is None:
            suggestion = str(self.path.with_name(self.path.stem + " - import.txt"))
            name, _ = QFileDialog.getSaveFileName(self, "Save the list", suggestion, "Text files (*.txt)")
            if not name:
                return None
            path = Path(name)
        try:
            path.write_text(self.result.report(), encoding="utf-8")
        except OSError as exc:
            warn(self, "Save the list", f"The list could not be written:\n{exc.strerror or exc}")
            return None
        return path


def _parse(path: Path):
    """Read and parse the file (off the GUI thread: a file near the size cap takes seconds)."""
    from omplanner.bpmn import read_bpmn_bytes
    from omplanner.bpmn.safe_xml import parse_bpmn_xml

    return parse_bpmn_xml(read_bpmn_bytes(path), path)


def _unreadable(error: BaseException | None) -> str:
    return f"The file could not be read: {error}" if error is not None else "The file could not be read."


class BpmnController(QObject):
    status = Signal(str)

    def __init__(self, window: QWidget, document: Document):
        super().__init__(window)
        self.window = window
        self.document = document

    def _shown_map(self) -> tuple[str | None, str]:
        """The map on screen when the process page shows, so the dialogs start on it."""
        page = getattr(self.window, "current_page", lambda: None)()
        return getattr(page, "use_case_id", None), getattr(page, "active_variant", "current")

    def _folder(self) -> str:
        folder = settings().value(LAST_DIR_KEY, "", type=str)
        if not folder and self.document.path:
            folder = str(self.document.path.parent)
        return folder

    def _has_use_case(self, what: str) -> bool:
        if self.document.plan.use_cases:
            return True
        inform(self.window, what, "The plan has no use case yet: add one on the Use cases page first.")
        return False

    def export_map(self, path: Path | None = None, use_case_id: str | None = None, variant: str | None = None):
        """Write one map as a BPMN file; the path written, or None."""
        from omplanner.bpmn import export_map, file_name
        from omplanner.fileio import atomic_path

        if not self._has_use_case("Export BPMN"):
            return None
        if use_case_id is None:
            shown, shown_variant = self._shown_map()
            dialog = QDialog(self.window)
            dialog.setWindowTitle("Export process map as BPMN")
            layout = QVBoxLayout(dialog)
            chooser = MapChooser(self.document, shown, shown_variant)
            layout.addWidget(chooser)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(dialog.accept)
            buttons.rejected.connect(dialog.reject)
            layout.addWidget(buttons)
            if not run_dialog(dialog):
                return None
            use_case_id, variant = chooser.choice()
        use_case = self.document.plan.use_case(use_case_id)
        variant = variant or "current"
        if path is None:
            suggestion = str(Path(self._folder()) / file_name(use_case, variant))
            name, _ = QFileDialog.getSaveFileName(self.window, "Export BPMN", suggestion, "BPMN 2.0 files (*.bpmn)")
            if not name:
                return None
            path = Path(name) if name.lower().endswith(".bpmn") else Path(name + ".bpmn")
        try:
            with atomic_path(path) as tmp:
                Path(tmp).write_bytes(export_map(self.document.plan, use_case, variant))
        except OSError as exc:
            warn(self.window, "Export failed", f"The BPMN file could not be written:\n{exc.strerror or exc}")
            return None
        settings().setValue(LAST_DIR_KEY, str(path.parent))
        self.status.emit(f"Exported {path.name}")
        return path

    def import_map(self, path: Path | None = None) -> bool:
        """Read a BPMN file, preview it, and apply it as one undoable edit; True if applied."""
        from omplanner.bpmn import BpmnFileError, import_command

        if not self._has_use_case("Import BPMN"):
            return False
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Import BPMN", self._folder(), "BPMN 2.0 files (*.bpmn *.xml);;All files (*)"
            )
            if not name:
                return False
            path = Path(name)
        outcome = run_in_background(self.window, f"Reading {path.name}", lambda _progress: _parse(path))
        if outcome.status == "cancelled":
            return False
        if not outcome.done:  # hostile or not BPMN: one sentence, no preview
            error = outcome.error
            warn(self.window, "Import BPMN", str(error) if isinstance(error, BpmnFileError) else _unreadable(error))
            return False
        settings().setValue(LAST_DIR_KEY, str(path.parent))
        shown, variant = self._shown_map()
        dialog = BpmnImportDialog(self.document, outcome.result, path, shown, variant, self.window)
        if not run_dialog(dialog) or dialog.result is None:
            return False
        if not self.document.execute(import_command(self.document.plan, dialog.result)):
            return False
        self.status.emit(f"Imported {path.name}: undo takes it back")
        return True
