"""File › Merge a colleague's copy…: the preview, the choices, and the merge as one edit.

The core merges their copy into the open plan (yours, with its unsaved edits) from the copy you
both started from (``omplanner.compare.merge``). The preview lists the conflicts first, each
with both copies' sides and a choice (or all yours, all theirs), then the changes taken from
their copy, then the findings the rules raise on the merged plan that the open plan does not
have. Merge applies it to the open plan as one edit (``edit_towards``: a Macro of the generic
commands through ``Document.execute``), so one Undo takes the whole merge back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .compare_view import DifferencesTree, bold, plain_label
from .document import Document

if TYPE_CHECKING:
    from omplanner.compare.merge import MergeResult
    from omplanner.model import Plan

CONFLICT, YOURS, THEIRS, TAKE = range(4)


def _part(parent: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """One part of the preview's splitter: a widget whose column runs edge to edge."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    return box, column


def _heading(parent: QWidget) -> QLabel:
    """A part's bold heading, its text (counts) set as the merge is worked out."""
    label = plain_label("", parent)
    label.setFont(bold(label))
    return label


class MergePreview(QDialog):
    def __init__(
        self,
        document: Document,
        base: Plan,
        theirs: Plan,
        theirs_name: str,
        parent: QWidget | None = None,
        base_words: str = "",
    ):
        """``base_words``: which copy the base is, as the user knows it (its file's name when
        they picked it); by default the save it is (``revision_words``)."""
        from omplanner.model.history import revision_words

        super().__init__(parent)
        self.document = document
        self.base, self.theirs, self.theirs_name = base, theirs, theirs_name
        self.base_words = base_words or revision_words(base.history.revision)
        self.choices: dict[tuple, str] = {}
        self.merged: MergeResult | None = None
        self.combos: dict[tuple, QComboBox] = {}
        self.setWindowTitle(f"Merge {theirs_name}")
        self.setObjectName("merge_preview")
        layout = QVBoxLayout(self)
        self.summary = plain_label("", self)
        layout.addWidget(self.summary)

        conflicts_box, box_layout = _part(self)
        heading = QHBoxLayout()
        self.conflicts_heading = _heading(conflicts_box)
        heading.addWidget(self.conflicts_heading, 1)
        self.all_mine = QPushButton("All &mine", conflicts_box)
        self.all_theirs = QPushButton("All &theirs", conflicts_box)
        self.all_mine.clicked.connect(lambda: self.take_all("mine"))
        self.all_theirs.clicked.connect(lambda: self.take_all("theirs"))
        heading.addWidget(self.all_mine)
        heading.addWidget(self.all_theirs)
        box_layout.addLayout(heading)
        self.conflicts = QTreeWidget(conflicts_box)
        self.conflicts.setColumnCount(4)
        self.conflicts.setHeaderLabels(["Conflict", "Yours", "Theirs", "Take"])
        self.conflicts.setRootIsDecorated(False)
        self.conflicts.setWordWrap(False)  # two lines a row (the question, then where): long ones end in "…"
        self.conflicts.setAccessibleName("Conflicts")
        header = self.conflicts.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CONFLICT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((YOURS, 160), (THEIRS, 160), (TAKE, 280)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.conflicts.setColumnWidth(column, width)
        box_layout.addWidget(self.conflicts, 1)

        taken_box, taken_layout = _part(self)
        self.taken_heading = _heading(taken_box)
        taken_layout.addWidget(self.taken_heading)
        self.taken = DifferencesTree("Yours", "Merged", taken_box)
        taken_layout.addWidget(self.taken, 1)

        findings_box, findings_layout = _part(self)
        self.findings_heading = _heading(findings_box)
        findings_layout.addWidget(self.findings_heading)
        self.findings = QListWidget(findings_box)
        self.findings.setAccessibleName("New findings")
        self.findings.setWordWrap(True)
        findings_layout.addWidget(self.findings, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for part in (conflicts_box, taken_box, findings_box):
            splitter.addWidget(part)
        splitter.setSizes([220, 240, 100])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton("&Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1180, 680)
        self.refresh()

    # -- the merge, again at every choice ------------------------------------------------------

    def refresh(self) -> None:
        from omplanner.compare.merge import merge_plans

        self.merged = merge_plans(self.base, self.document.plan, self.theirs, choices=self.choices)
        for conflict in self.merged.conflicts:
            self.choices.setdefault(conflict.key, conflict.chosen)
        self._show_conflicts()
        count = self.merged.taken.count()
        self.taken_heading.setText(f"Changes taken from their copy ({count})")
        self.taken.show_comparison(self.merged.taken, "Nothing: their copy adds nothing to yours.")
        self._show_findings()
        conflicts = len(self.merged.conflicts)
        self.summary.setText(
            f"Merging “{self.theirs_name}” into the plan open here. "
            + (
                f"{conflicts} conflict{'s' if conflicts != 1 else ''} to settle, then "
                if conflicts
                else "No conflicts; "
            )
            + f"{count} change{'s' if count != 1 else ''} from their copy. Merge is one edit: Undo takes it back."
            + (f"\nBoth copies started from {self.base_words}." if self.base_words else "")
        )

    def _show_conflicts(self) -> None:
        assert self.merged is not None
        self.conflicts.clear()
        self.combos = {}
        self.conflicts_heading.setText(
            f"Conflicts ({len(self.merged.conflicts)}): choose for each" if self.merged.conflicts else "No conflicts"
        )
        self.all_mine.setEnabled(bool(self.merged.conflicts))
        self.all_theirs.setEnabled(bool(self.merged.conflicts))
        for conflict in self.merged.conflicts:
            where = " → ".join(conflict.where) or conflict.what
            item = QTreeWidgetItem(self.conflicts, [f"{conflict.question}\n{where}", conflict.mine, conflict.theirs])
            combo = QComboBox(self.conflicts)
            combo.setAccessibleName(f"Choice for {conflict.what}")
            for key, words in conflict.choices:
                combo.addItem(words, key)
            combo.setCurrentIndex(max(0, combo.findData(conflict.chosen)))
            combo.currentIndexChanged.connect(
                lambda _i, key=conflict.key, combo=combo: self.choose(key, combo.currentData())
            )
            self.conflicts.setItemWidget(item, TAKE, combo)
            self.combos[conflict.key] = combo

    def _show_findings(self) -> None:
        from omplanner.rules import check_plan

        assert self.merged is not None
        had = {(f.code, f.message) for f in self.document.findings.findings()}
        new = [f for f in check_plan(self.merged.plan) if (f.code, f.message) not in had]
        self.findings.clear()
        self.findings_heading.setText(
            f"New findings on the merged plan ({len(new)})" if new else "The merge raises no new findings"
        )
        for finding in new:
            self.findings.addItem(f"{finding.code} {finding.title}: {finding.message}")

    def choose(self, key: tuple, choice: str) -> None:
        self.choices[key] = choice
        self.refresh()

    def take_all(self, side: str) -> None:
        assert self.merged is not None
        for _round in range(10):  # a choice can raise another conflict (keeping what is referred to)
            changed = False
            for conflict in self.merged.conflicts:
                wanted = conflict.mine_choice if side == "mine" else conflict.theirs_choice
                if self.choices.get(conflict.key) != wanted:
                    self.choices[conflict.key] = wanted
                    changed = True
            if not changed:
                break
            self.refresh()

    # -- applying ------------------------------------------------------------------------------

    def apply(self) -> None:
        from omplanner.compare.apply import edit_towards

        assert self.merged is not None
        command = edit_towards(self.document.plan, self.merged.plan, f"Merge {self.theirs_name}")
        if self.document.execute(command):
            self.accept()
