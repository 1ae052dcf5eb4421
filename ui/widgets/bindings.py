"""Forms bound to fields of one entity: typing edits the plan, the plan refreshes the form.

Each binding names a widget, a function giving the id of the entity it edits now (the
selected decision, the chosen use case's governance) and a field path. A user's edit becomes
``SetFields`` with a merge key per entity and field, so a run of keystrokes in one field is
one undo step. Updates from the plan are applied under ``QSignalBlocker`` and only when the
value differs, so they never echo back as edits nor move the cursor of the field being typed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ..theme import style_widget
from .numbers import parse_optional_float
from .style import compact
from .type_ahead import type_ahead

if TYPE_CHECKING:  # the commands are imported at the first edit, or by the check that follows the first paint
    from omplanner.commands import ChangeSet

Target = Callable[[], str | None]


@dataclass
class Binding:
    widget: QWidget
    target: Target
    path: str
    kind: str
    label: str
    choices: Callable[[], Sequence[tuple[Any, str]]] | None = None


def read_path(entity: Any, path: str) -> Any:
    for name in path.split("."):
        entity = getattr(entity, name)
    return entity


class FormBinder(QObject):
    """Binds widgets of one form; call ``refresh()`` when what the targets name changes."""

    def __init__(self, document, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.bindings: list[Binding] = []
        self._filled: dict[int, list[tuple[Any, str]]] = {}
        """The choices each combo was last filled with, by the combo's id."""
        self._previewed: list[QWidget] = []
        """Fields showing a preview, read-only until the plan's own values reach them."""
        document.changed.connect(self._changed)
        document.plan_replaced.connect(self.refresh)

    # Declaring ---------------------------------------------------------------------------
    def _add(self, binding: Binding) -> QWidget:
        self.bindings.append(binding)
        self._load(binding)
        return binding.widget

    def line(self, widget: QLineEdit, target: Target, path: str, label: str = "") -> QLineEdit:
        widget.textEdited.connect(lambda text, w=widget: self._edited(w, text.strip()))
        widget.editingFinished.connect(self.refresh)  # show what the plan kept (an empty name is refused)
        self._add(Binding(widget, target, path, "line", label or path))
        return widget

    def optional_float(self, widget: QLineEdit, target: Target, path: str, label: str = "") -> QLineEdit:
        def edited(text: str, w=widget) -> None:
            try:
                self._edited(w, parse_optional_float(text))
            except ValueError:
                pass

        widget.textEdited.connect(edited)
        widget.editingFinished.connect(self.refresh)
        self._add(Binding(widget, target, path, "float", label or path))
        return widget

    def text(self, widget: QPlainTextEdit, target: Target, path: str, label: str = "") -> QPlainTextEdit:
        widget.textChanged.connect(lambda w=widget: self._edited(w, w.toPlainText()))
        self._add(Binding(widget, target, path, "text", label or path))
        return widget

    def combo(
        self,
        widget: QComboBox,
        target: Target,
        path: str,
        choices: Callable[[], Sequence[tuple[Any, str]]],
        label: str = "",
    ) -> QComboBox:
        compact(type_ahead(widget))
        widget.activated.connect(lambda _i, w=widget: self._edited(w, w.currentData()))
        self._add(Binding(widget, target, path, "combo", label or path, choices))
        return widget

    def spin(self, widget: QSpinBox, target: Target, path: str, label: str = "") -> QSpinBox:
        widget.valueChanged.connect(lambda value, w=widget: self._edited(w, value))
        self._add(Binding(widget, target, path, "spin", label or path))
        return widget

    def check(self, widget: QCheckBox, target: Target, path: str, label: str = "") -> QCheckBox:
        style_widget(widget, "check")  # a box seen in the dark theme
        widget.toggled.connect(lambda on, w=widget: self._edited(w, on))
        self._add(Binding(widget, target, path, "check", label or path))
        return widget

    def date(self, widget: QDateEdit, target: Target, path: str, label: str = "") -> QDateEdit:
        widget.dateChanged.connect(lambda d, w=widget: self._edited(w, date(d.year(), d.month(), d.day())))
        self._add(Binding(widget, target, path, "date", label or path))
        return widget

    # Widget to plan ----------------------------------------------------------------------
    def _edited(self, widget: QWidget, value: Any) -> None:
        binding = next(b for b in self.bindings if b.widget is widget)
        entity_id = binding.target()
        if entity_id is None:
            return
        entity = self.document.places.entity(entity_id)
        if entity is None or read_path(entity, binding.path) == value:
            return
        from omplanner.commands import SetFields  # not needed to show the overview, the page shown at start

        text = f"Change {binding.label} of '{entity.display_name}'"
        self.document.execute(
            SetFields(entity_id, {binding.path: value}, text=text, merge_key=f"{entity_id}:{binding.path}")
        )

    # Plan to widget ----------------------------------------------------------------------
    def _changed(self, changes: ChangeSet) -> None:
        ids = changes.ids
        if any(b.target() in ids for b in self.bindings) or changes.touches("Role", "Decision", "UseCase"):
            self.refresh()

    def refresh(self) -> None:
        for binding in self.bindings:
            self._load(binding)

    def preview(self, entity_id: str, values: dict[str, Any]) -> None:
        """Show ``values`` (by field path) in the fields bound to ``entity_id``, read-only: the
        plan opening at start is shown before it is open (``omplanner.fileio.preview``). The
        plan's own values replace them when it opens, and the fields are editable again."""
        for binding in self.bindings:
            if binding.path in values and binding.target() == entity_id and hasattr(binding.widget, "setReadOnly"):
                binding.widget.setReadOnly(True)
                self._previewed.append(binding.widget)
                self._show(binding, values[binding.path], True)

    def _load(self, binding: Binding) -> None:
        if not self.document.has_plan:
            return  # the start plan is still opening (see ``preview``): never a blank one here
        if binding.widget in self._previewed:
            self._previewed.remove(binding.widget)
            binding.widget.setReadOnly(False)
        entity = self.document.places.entity(binding.target())
        self._show(binding, read_path(entity, binding.path) if entity is not None else None, entity is not None)

    def _show(self, binding: Binding, value: Any, enabled: bool) -> None:
        widget = binding.widget
        widget.setEnabled(enabled)
        blocker = QSignalBlocker(widget)
        try:
            if binding.kind == "line" and isinstance(widget, QLineEdit):
                text = "" if value is None else str(value)
                if widget.text().strip() != text:
                    widget.setText(text)
                    if not widget.hasFocus():
                        widget.setCursorPosition(0)  # show a long name from its start
            elif binding.kind == "float" and isinstance(widget, QLineEdit):
                current = widget.text()
                try:
                    same = parse_optional_float(current) == value
                except ValueError:
                    same = False
                if not same:
                    widget.setText("" if value is None else f"{value:g}")
            elif binding.kind == "text" and isinstance(widget, QPlainTextEdit):
                text = value or ""
                if widget.toPlainText() != text:
                    widget.setPlainText(text)
            elif binding.kind == "combo" and isinstance(widget, QComboBox):
                choices = list(binding.choices()) if binding.choices else []
                # Compared with the choices last put in (the combo's own items read back one by
                # one cost more than the rest of a form's reload: a step's list holds hundreds).
                if self._filled.get(id(widget)) != choices or widget.count() != len(choices):
                    widget.clear()
                    for choice_value, label in choices:
                        widget.addItem(label, choice_value)
                    self._filled[id(widget)] = choices
                widget.setCurrentIndex(max(widget.findData(value), 0) if enabled else -1)
            elif binding.kind == "spin" and isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif binding.kind == "check" and isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif binding.kind == "date" and isinstance(widget, QDateEdit) and isinstance(value, date):
                widget.setDate(QDate(value.year, value.month, value.day))
        finally:
            del blocker
