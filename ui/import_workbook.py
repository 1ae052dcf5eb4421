"""File › Import › Changes from a workbook…: the client's edits of the exported workbook, previewed, then
applied as one undoable edit (the core's ``Macro``, pushed through ``Document.execute``).

The preview lists every change by sheet and entity (old → new), the conflicts with both values
(the plan's stays), new rows, rows the workbook no longer has (ticked to delete), row errors
(nothing can be applied while there are any) and the findings the plan's rules would raise on
the result. The plan's words are shown as plain text: tree items never read markup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .document import Document
from .settings import settings
from .theme import style_widget
from .widgets.message_boxes import warn
from .worker import run_in_background

LAST_DIR_KEY = "import/last_dir"
ID_ROLE = Qt.ItemDataRole.UserRole


def _shown(value, limit: int = 80) -> str:
    text = "(empty)" if value is None or value == "" else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ImportPreview(QDialog):
    """What the import would do; Apply is offered only when it can be applied."""

    def __init__(self, plan, result, parent: QWidget | None = None):
        super().__init__(parent)
        style_widget(self, "check")  # its check boxes, seen in the dark theme
        from omplanner.workbook_import import try_import

        self._try = lambda delete: try_import(plan, result, delete)
        self.plan = plan
        self.result = result
        self.setWindowTitle(f"Changes from {result.workbook}")
        self.setMinimumSize(640, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._missing_items: list[QTreeWidgetItem] = []
        self._findings_group: QTreeWidgetItem | None = None
        self._fill()
        self.tree.itemChanged.connect(self._ticked)
        self._refresh_trial()

    # -- contents ---------------------------------------------------------------------------
    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
        item.setExpanded(True)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _fill(self) -> None:
        result = self.result
        if result.errors:
            group = self._group("Row errors: put these right in the workbook, then import again", len(result.errors))
            for error in result.errors:
                QTreeWidgetItem(group, [str(error)])
        if result.changes:
            group = self._group("Changes", len(result.changes))
            sheets: dict[str, QTreeWidgetItem] = {}
            entities: dict[tuple[str, str], QTreeWidgetItem] = {}
            for change in result.changes:
                sheet = sheets.get(change.sheet)
                if sheet is None:
                    sheet = sheets[change.sheet] = QTreeWidgetItem(group, [change.sheet])
                    sheet.setExpanded(True)
                key = (change.sheet, change.entity_id)
                entity = entities.get(key)
                if entity is None:
                    entity = entities[key] = QTreeWidgetItem(sheet, [f"{change.entity[0].upper()}{change.entity[1:]}"])
                    entity.setExpanded(True)
                QTreeWidgetItem(entity, [f"{change.column}: {_shown(change.old)} → {_shown(change.new)}"])
        if result.additions:
            group = self._group("New rows", len(result.additions))
            for addition in result.additions:
                QTreeWidgetItem(group, [f"{addition.sheet}, row {addition.row}: {addition.label}"])
        if result.conflicts:
            group = self._group(
                "Conflicts: changed in the plan and in the workbook; the plan's value stays", len(result.conflicts)
            )
            for conflict in result.conflicts:
                QTreeWidgetItem(
                    group,
                    [
                        f"{conflict.sheet}, row {conflict.row}: {conflict.entity}: {conflict.column}: "
                        f"plan {_shown(conflict.plan_value)}, workbook {_shown(conflict.workbook_value)}"
                    ],
                )
        if result.missing:
            group = self._group("Not in the workbook: tick the ones to delete from the plan", len(result.missing))
            for missing in result.missing:
                item = QTreeWidgetItem(group, [f"{missing.sheet}: {missing.entity}"])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setData(0, ID_ROLE, missing.entity_id)
                self._missing_items.append(item)
        for note in result.notes:
            QTreeWidgetItem(self.tree, [note])

    def ticked(self) -> list[str]:
        return [i.data(0, ID_ROLE) for i in self._missing_items if i.checkState(0) == Qt.CheckState.Checked]

    def _ticked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item in self._missing_items:
            self._refresh_trial()

    def _refresh_trial(self) -> None:
        result = self.result
        trial = self._try(self.ticked())
        if self._findings_group is not None:
            index = self.tree.indexOfTopLevelItem(self._findings_group)
            self.tree.takeTopLevelItem(index)
            self._findings_group = None
        if trial.new_findings:
            group = self._findings_group = self._group("New findings once applied", len(trial.new_findings))
            for finding in trial.new_findings:
                item = QTreeWidgetItem(group, [f"{finding.code} ({finding.severity.label}): {finding.title}"])
                QTreeWidgetItem(item, [_shown(finding.message, 160)])
                item.setExpanded(True)
        deletions = len(self.ticked())
        work = len(result.changes) + len(result.additions) + deletions
        if result.errors:
            text = f"{len(result.errors)} row error(s): nothing can be applied until they are put right."
        elif trial.refused:
            text = f"The plan refuses these changes: {trial.refused}"
        elif not work:
            text = "Nothing to change: the workbook agrees with the plan."
        else:
            text = (
                f"{len(result.changes)} change(s), {len(result.additions)} new row(s), {deletions} deletion(s); "
                f"{len(result.conflicts)} conflict(s) keep the plan's value. Applied as one edit: Undo takes it back."
            )
        self.summary.setText(text)
        self.apply_button.setEnabled(bool(work) and not result.errors and not trial.refused)


class WorkbookImportController(QObject):
    imported = Signal(object)
    """The edit applied (a Command)."""
    status = Signal(str)

    def __init__(self, window: QWidget, document: Document):
        super().__init__(window)
        self.window = window
        self.document = document

    def ask_source(self) -> Path | None:
        folder = settings().value(LAST_DIR_KEY, "", type=str)
        if not folder and self.document.path:
            folder = str(self.document.path.parent)
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Changes from a workbook", folder, "Excel workbooks (*.xlsx)"
        )
        if not name:
            return None
        settings().setValue(LAST_DIR_KEY, str(Path(name).parent))
        return Path(name)

    def preview(self, path: Path):
        """The preview dialog for the workbook at ``path``, or None (not ours, unreadable: said in a box)."""
        from omplanner.workbook_import import NotOurWorkbook, import_workbook

        plan_copy = self.document.plan.model_copy(deep=True)
        outcome = run_in_background(
            self.window, "Reading the workbook…", lambda progress: import_workbook(plan_copy, path)
        )
        if outcome.status == "cancelled":
            return None
        if outcome.status == "failed":
            error = outcome.error
            message = str(error) if isinstance(error, NotOurWorkbook) else f"{path.name} could not be read: {error}"
            warn(self.window, "Changes from a workbook", message)
            return None
        return ImportPreview(self.document.plan, outcome.result, self.window)

    def import_changes(self, path: Path | None = None) -> bool:
        path = path or self.ask_source()
        if path is None:
            return False
        dialog = self.preview(path)
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.apply(dialog)

    def apply(self, dialog: ImportPreview) -> bool:
        command = dialog.result.command(self.document.plan, dialog.ticked())
        if command is None or not self.document.execute(command):
            return False
        self.status.emit(command.text)
        self.imported.emit(command)
        return True
