"""The editors a table cell opens, chosen by its column's editor kind.

One delegate for every table: a line for text, a spin box for counts and 1-5 levels, a
drop-down for choices (enums, roles, use cases). The delegate only reads the cell and hands
the new value to ``setData``; the model turns it into a command.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QWidget,
)

from .numbers import parse_optional_float
from .table_model import Column, EntityTableModel
from .type_ahead import type_ahead

NONE_LABEL = "—"
CELL_PADDING = 8
"""Pixels between a cell's edges and its text: text must not touch the edge when projected."""


def _column(index) -> Column | None:
    model = index.model()
    return model.column(index) if isinstance(model, EntityTableModel) else None


class EntityDelegate(QStyledItemDelegate):
    """A bold column's font comes from the model (``EntityTableModel``): no Python step per
    painted cell."""

    def createEditor(self, parent: QWidget, option, index) -> QWidget:
        column = _column(index)
        kind = column.editor if column else "text"
        if kind == "level":
            editor = QSpinBox(parent)
            editor.setRange(1, 5)
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return editor
        if kind == "int":
            editor = QSpinBox(parent)
            editor.setRange(0, 100_000_000)
            editor.setGroupSeparatorShown(True)
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return editor
        if kind in ("float", "optional_float"):
            editor = QLineEdit(parent)
            validator = QDoubleValidator(editor)
            validator.setLocale(QLocale.c())
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return editor
        if kind in ("choice", "optional_level"):
            editor = type_ahead(QComboBox(parent))
            choices = list(column.choices()) if column and column.choices else []
            if kind == "optional_level":
                choices = [(None, NONE_LABEL)] + [(n, str(n)) for n in range(1, 6)]
            for value, label in choices:
                editor.addItem(label, value)
            return editor
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            if isinstance(value, float):
                editor.setText(f"{value:g}")
            else:
                editor.setText("" if value is None else str(value))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model, index) -> None:
        column = _column(index)
        kind = column.editor if column else "text"
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            text = editor.text()
            if kind in ("float", "optional_float"):
                try:
                    value = parse_optional_float(text)
                except ValueError:
                    return
                if value is None and kind == "float":
                    return
                model.setData(index, value)
            else:
                model.setData(index, text.strip())

    def updateEditorGeometry(self, editor: QWidget, option, index) -> None:
        editor.setGeometry(option.rect)
