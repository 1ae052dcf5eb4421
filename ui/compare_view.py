"""File › Compare with…: what another copy of the plan holds that the open one does not.

The core's comparison (``omplanner.compare``) lists the differences element by element, grouped
by use case and component, a removal's cascade folded under it. The view is a tree: one branch a
group, one row a difference, its consequences folded under it. Names are the plan's text and are
shown as plain text (tree items never read markup; no tooltip carries plan text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .theme import style_widget

if TYPE_CHECKING:
    from omplanner.compare import Comparison, Difference

WHAT, FIELD, BEFORE, AFTER = range(4)


def bold(widget: QWidget) -> QFont:
    font = QFont(widget.font())
    font.setBold(True)
    return font


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    return label


class DifferencesTree(QTreeWidget):
    """Differences grouped by use case and component; a cascade's consequences folded under it."""

    def __init__(self, before: str, after: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(4)
        self.setHeaderLabels(["Difference", "Field", before, after])
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setWordWrap(False)
        self.setAccessibleName("Differences")
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        for column in (FIELD, BEFORE, AFTER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, 170)

    def show_comparison(self, comparison: Comparison, empty: str = "No differences.") -> None:
        self.clear()
        if not comparison.differences:
            QTreeWidgetItem(self, [empty])
            return
        for use_case, component, rows in comparison.groups():
            group = QTreeWidgetItem(self, [f"{use_case} · {component}"])
            group.setFont(WHAT, bold(self))
            group.setFirstColumnSpanned(True)
            for row in rows:
                item = _row_item(group, row)
                for consequence in row.consequences:
                    _row_item(item, consequence)
                if row.consequences:
                    more = len(row.consequences)
                    item.setText(WHAT, f"{item.text(WHAT)}  (and {more} more with it)")
            group.setExpanded(True)

    def row_texts(self) -> list[str]:
        """Every row's first column, depth first: what a test reads back."""
        found: list[str] = []

        def walk(item: QTreeWidgetItem, depth: int) -> None:
            found.append("  " * depth + item.text(WHAT))
            for index in range(item.childCount()):
                walk(item.child(index), depth + 1)

        for index in range(self.topLevelItemCount()):
            walk(self.topLevelItem(index), 0)
        return found


def _row_item(parent: QTreeWidgetItem, row: Difference) -> QTreeWidgetItem:
    where = " → ".join(row.where) or row.what
    item = QTreeWidgetItem(parent, [f"{row.kind.capitalize()}: {where}", row.field, row.old, row.new])
    item.setData(WHAT, Qt.ItemDataRole.UserRole, row.id)
    return item


class CompareView(QDialog):
    """The differences of another copy against the open plan. Not modal: the plan stays in reach."""

    def __init__(self, comparison: Comparison, other_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        style_widget(self, "check")  # its check boxes, seen in the dark theme
        self.setWindowTitle(f"Compare with {other_name}")
        self.setObjectName("compare_view")
        layout = QVBoxLayout(self)
        count = comparison.count()
        if comparison.differences:
            summary = (
                f"“{other_name}” differs from the plan open here in {count} "
                f"place{'s' if count != 1 else ''}: what it added, removed, changed or moved."
            )
        else:
            summary = f"“{other_name}” holds the same plan as the one open here."
        self.summary = plain_label(summary, self)
        layout.addWidget(self.summary)
        self.tree = DifferencesTree("Open plan", other_name, self)
        self.tree.show_comparison(comparison, "The two copies hold the same plan.")
        layout.addWidget(self.tree, 1)
        self.show_on_canvases = QCheckBox("Show on the maps and roadmap", self)
        self.show_on_canvases.setToolTip(
            "Keep their added, removed and reworked steps and their roadmap weeks marked on the "
            "canvases while you browse (Esc hides them)"
        )
        self.show_on_canvases.setEnabled(bool(comparison.differences))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout.addWidget(self.show_on_canvases)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 620)
