"""Plan › Save baseline… and Plan › Manage baselines…: named snapshots of the plan.

A baseline is taken, renamed and deleted as undoable edits (``omplanner.baselines.edits``); its
name starts as "Agreed on 5 Dec 2026" and must differ from the plan's other baselines'. The
roadmap page shows a baseline's bars and what slipped (``ui.roadmap.baseline_panel``). The name
question is one function, ``ask_name``, so that tests answer it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .widgets.message_boxes import ask_text, warn
from .widgets.plain_text import plain_label

if TYPE_CHECKING:
    from .document import Document

SAVE_TITLE = "Save baseline"
SAVE_LABEL = (
    "Name this snapshot of the plan, for example after the workshop where it was agreed. "
    "The roadmap can then show what slipped since."
)
RENAME_TITLE = "Rename baseline"


def ask_name(parent: QWidget | None, title: str, label: str, text: str) -> str | None:
    """The name typed, or None when cancelled: the one place tests replace."""
    return ask_text(parent, title, label, text)


class BaselineController(QObject):
    status = Signal(str)

    def __init__(self, window, document: Document):
        super().__init__(window)
        self.window = window
        self.document = document
        self.dialog: BaselinesDialog | None = None

    def save(self) -> bool:
        """Ask for a name and take a baseline of the plan as it is now (one undoable edit)."""
        from omplanner.baselines import BaselineError, default_name, make_baseline, name_problem, take_baseline

        from .settings import user_name

        plan = self.document.plan
        name, problem = default_name(plan), ""
        while True:
            label = f"{problem}\n\n{SAVE_LABEL}" if problem else SAVE_LABEL
            typed = ask_name(self.window, SAVE_TITLE, label, name)
            if typed is None:
                return False
            name = typed
            problem = name_problem(plan, name) or ""
            if not problem:
                break
        try:
            baseline = make_baseline(plan, name, user_name())
        except BaselineError as exc:
            warn(self.window, SAVE_TITLE, str(exc))
            return False
        if not self.document.execute(take_baseline(baseline)):
            return False
        self.status.emit(f"Saved the baseline '{baseline.name}': the roadmap can show what slipped since")
        return True

    def rename(self, baseline_id: str) -> bool:
        from omplanner.baselines import name_problem, rename_baseline

        plan = self.document.plan
        baseline = next((b for b in plan.baselines if b.id == baseline_id), None)
        if baseline is None:
            return False
        name, problem = baseline.name, ""
        while True:
            label = f"{problem}\n\nThe baseline's new name:" if problem else "The baseline's new name:"
            typed = ask_name(self.window, RENAME_TITLE, label, name)
            if typed is None or " ".join(typed.split()) == baseline.name:
                return False
            name = typed
            problem = name_problem(plan, name, keep=baseline_id) or ""
            if not problem:
                break
        return self.document.execute(rename_baseline(plan, baseline_id, name))

    def delete(self, baseline_id: str) -> bool:
        from omplanner.baselines import delete_baseline

        baseline = next((b for b in self.document.plan.baselines if b.id == baseline_id), None)
        if baseline is None:
            return False
        if self.document.execute(delete_baseline(self.document.plan, baseline_id)):
            self.status.emit(f"Deleted the baseline '{baseline.name}': Undo brings it back")
            return True
        return False

    def show_on_roadmap(self, baseline_id: str) -> bool:
        page = self.window.show_page("roadmap")
        panel = getattr(page, "baselines", None)
        return panel is not None and panel.pick(baseline_id)

    def manage(self) -> BaselinesDialog:
        """The list of the plan's baselines, to rename, delete or show one on the roadmap."""
        if self.dialog is None:
            self.dialog = BaselinesDialog(self, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


class BaselinesDialog(QDialog):
    def __init__(self, controller: BaselineController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.document = controller.document
        self.setWindowTitle("Baselines")
        self.resize(560, 360)
        self.intro = plain_label(
            "Named snapshots of the plan, kept in its file. Plan › Save baseline… takes one; the roadmap's "
            "Baseline picker shows its bars and what slipped since."
        )
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Baselines of the plan")
        self.empty = plain_label("This plan has no baselines yet.")
        self.take_button = QPushButton("&Save baseline…")
        self.rename_button = QPushButton("&Rename…")
        self.delete_button = QPushButton("&Delete")
        self.show_button = QPushButton("Show on the road&map")
        buttons = QHBoxLayout()
        for button in (self.take_button, self.rename_button, self.delete_button, self.show_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(close)

        self.take_button.clicked.connect(controller.save)
        self.rename_button.clicked.connect(lambda: self._with_current(controller.rename))
        self.delete_button.clicked.connect(lambda: self._with_current(controller.delete))
        self.show_button.clicked.connect(lambda: self._with_current(controller.show_on_roadmap))
        self.list.itemDoubleClicked.connect(lambda _item: self._with_current(controller.rename))
        self.list.currentRowChanged.connect(self._enable)
        self.document.changed.connect(self._changed)
        self.document.plan_replaced.connect(self.refresh)
        self.refresh()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _with_current(self, action) -> None:
        ident = self.current_id()
        if ident is not None:
            action(ident)

    def _changed(self, changes) -> None:
        if changes.touches("Baseline"):
            self.refresh()

    def refresh(self) -> None:
        from omplanner.baselines import taken_words

        keep = self.current_id()
        self.list.clear()
        for baseline in self.document.plan.baselines:
            entry = QListWidgetItem(f"{baseline.name} ({taken_words(baseline)})")
            entry.setData(Qt.ItemDataRole.UserRole, baseline.id)
            self.list.addItem(entry)
            if baseline.id == keep:
                self.list.setCurrentItem(entry)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)  # the newest
        self.empty.setVisible(self.list.count() == 0)
        self._enable()

    def _enable(self, _row: int = 0) -> None:
        chosen = self.current_id() is not None
        for button in (self.rename_button, self.delete_button, self.show_button):
            button.setEnabled(chosen)
