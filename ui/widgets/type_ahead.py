"""Type-ahead in drop-downs: typing chooses the first entry, from the top of the list, that starts
with what has been typed so far.

Qt's own search starts after the current entry, so "A" typed on "AP clerk" jumped to "AP team
lead", and a name could not be typed out ("AP t" is not possible: Space opens the list). Here "A"
keeps "AP clerk" (the first entry starting with "A"), "AP t" reaches "AP team lead", and one
letter typed again and again still steps through the entries starting with it. The same holds
in the open list.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox

_COMMAND_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def type_ahead(combo: QComboBox) -> QComboBox:
    """Give ``combo`` (a drop-down, not editable) type-ahead from the top of its list."""
    if combo.findChild(TypeAhead) is None:
        TypeAhead(combo)
    return combo


class TypeAhead(QObject):
    def __init__(self, combo: QComboBox):
        super().__init__(combo)
        self.combo = combo
        self.typed = ""
        self._since = QElapsedTimer()
        combo.installEventFilter(self)
        combo.view().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or self.combo.isEditable():
            return False
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & _COMMAND_KEYS:
            return False
        if not self._since.isValid() or self._since.elapsed() > QApplication.keyboardInputInterval():
            self.typed = ""
        if text == " " and not self.typed:
            return False  # Space opens the list (and picks in it), as usual
        self.typed += text
        self._since.restart()
        in_list = watched is self.combo.view()
        current = self.combo.view().currentIndex().row() if in_list else self.combo.currentIndex()
        row = self.match(current)
        if row >= 0 and in_list:
            view = self.combo.view()
            view.setCurrentIndex(self.combo.model().index(row, self.combo.modelColumn(), self.combo.rootModelIndex()))
        elif row >= 0 and row != self.combo.currentIndex():
            self.combo.setCurrentIndex(row)
            self.combo.activated.emit(row)
            self.combo.textActivated.emit(self.combo.itemText(row))
        return True

    def match(self, current: int) -> int:
        """The first entry starting with the typed text; for one letter typed again, the next
        entry after ``current`` starting with it. -1 if none."""
        typed = self.typed.casefold()
        rows = [r for r in range(self.combo.count()) if self._enabled(r)]
        starting = [r for r in rows if self.combo.itemText(r).casefold().startswith(typed)]
        if starting:
            return starting[0]
        if len(set(typed)) == 1:
            cycle = [r for r in rows if self.combo.itemText(r).casefold().startswith(typed[0])]
            after = [r for r in cycle if r > current]
            return (after or cycle or [-1])[0]
        return -1

    def _enabled(self, row: int) -> bool:
        index = self.combo.model().index(row, self.combo.modelColumn(), self.combo.rootModelIndex())
        return bool(self.combo.model().flags(index) & Qt.ItemFlag.ItemIsEnabled)
