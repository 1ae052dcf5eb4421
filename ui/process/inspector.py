"""The inspector of the selected step: every field an edit through the document.

Refreshing from the plan happens under signal blockers, so showing a value never echoes an
edit back (bindings never echo).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from omplanner.commands import SetFields
from omplanner.model import AiIntervention, StepKind

from ..theme import style_widget
from ..widgets.choices import enum_items
from ..widgets.comments import CommentsBox
from ..widgets.plain_text import literal_html
from ..widgets.type_ahead import type_ahead

NOT_SET = -1


class StepInspector(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.map_id: str | None = None
        self.step_id: str | None = None
        self.setAccessibleName("Step inspector")
        self.title = QLabel("Select a step to see and change its details.")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)  # a bold kind; the use case's name is escaped
        self.name = QLineEdit()
        self.kind = QComboBox()
        enum_items(self.kind, StepKind)
        self.lane = QComboBox()
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(0, 100000)
        self.minutes.setDecimals(1)
        self.minutes.setSuffix(" min")
        self.ai = QComboBox()
        enum_items(self.ai, AiIntervention)
        self.threshold = QSpinBox()
        self.threshold.setRange(NOT_SET, 100)
        self.threshold.setSpecialValueText("not set")
        self.threshold.setSuffix(" %")
        self.exception_route = QComboBox()
        self.trigger = QLineEdit()
        self.trigger.setPlaceholderText("What counts as the AI failing here")
        self.trigger.setToolTip("What sends a case down the exception route, besides a low confidence")
        self.exception_rate = QDoubleSpinBox()
        self.exception_rate.setRange(NOT_SET, 100)
        self.exception_rate.setDecimals(1)
        self.exception_rate.setSpecialValueText("not set")
        self.exception_rate.setSuffix(" %")
        for combo in (self.kind, self.lane, self.ai, self.exception_route):
            type_ahead(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.data_sources = QListWidget()
        style_widget(self.data_sources, "check")  # its ticks, seen in the dark theme
        self.data_sources.setMaximumHeight(110)
        self.data_sources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.decisions = QListWidget()
        self.decisions.setMaximumHeight(90)
        self.decisions.setSelectionMode(QListWidget.SelectionMode.NoSelection)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # labels above their fields: the panel stays narrow beside the maps (and the findings dock)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("Lane", self.lane)
        form.addRow("Work time", self.minutes)
        form.addRow("AI", self.ai)
        form.addRow("Confident from", self.threshold)
        form.addRow("Exceptions go to", self.exception_route)
        form.addRow("Exception when", self.trigger)
        form.addRow("Exception rate", self.exception_rate)
        form.addRow("Data used", self.data_sources)
        form.addRow("Decisions here", self.decisions)
        self.form = QWidget()
        self.form.setLayout(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.form)
        self.comments = CommentsBox(document)
        layout.addWidget(self.comments)
        layout.addStretch(1)
        for label_widget, text in ((self.threshold, "Confidence below which the AI hands the case over"),):
            label_widget.setToolTip(text)

        self.name.editingFinished.connect(
            lambda: self._set("name", self.name.text().strip()) if self.name.text().strip() else None
        )
        self.kind.activated.connect(lambda _i: self._set("kind", self.kind.currentData()))
        self.lane.activated.connect(lambda _i: self._set_lane(self.lane.currentData()))
        self.minutes.valueChanged.connect(lambda v: self._set("minutes", v, merge=True))
        self.ai.activated.connect(lambda _i: self._set("ai", self.ai.currentData()))
        self.threshold.valueChanged.connect(
            lambda v: self._set("confidence_threshold", None if v == NOT_SET else v, merge=True)
        )
        self.exception_route.activated.connect(
            lambda _i: self._set("exception_route", self.exception_route.currentData())
        )
        self.trigger.editingFinished.connect(self._trigger_edited)
        self.exception_rate.valueChanged.connect(
            lambda v: self._set("exception_rate", None if v == NOT_SET else v, merge=True)
        )
        self.data_sources.itemChanged.connect(self._data_source_toggled)
        document.changed.connect(lambda _c: self.refresh())
        document.plan_replaced.connect(lambda: self.set_step(None, None))
        self.refresh()

    def set_step(self, map_id: str | None, step_id: str | None) -> None:
        self.map_id, self.step_id = map_id, step_id
        self.refresh()

    def _step(self):
        found = self.document.plan.find_step(self.step_id) if self.step_id else None
        return found

    def refresh(self) -> None:
        found = self._step()
        self.form.setVisible(found is not None)
        self.comments.set_element(found[2].id if found is not None else None)
        if found is None:
            self.title.setText("Select a step to see and change its details.")
            return
        use_case, variant, step = found
        plan = self.document.plan
        pmap = getattr(use_case, variant)
        self.title.setText(f"<b>{step.kind.label}</b> in the {variant} map of {literal_html(use_case.name)}")
        blockers = [QSignalBlocker(w) for w in self._editors()]
        if not self.name.hasFocus():
            self.name.setText(step.name)
            self.name.setCursorPosition(0)
        self.kind.setCurrentIndex(self.kind.findData(step.kind.value))
        self.lane.clear()
        for role_id in pmap.lanes:
            role = plan.role(role_id)
            self.lane.addItem(role.name if role else role_id, role_id)
        self.lane.setCurrentIndex(self.lane.findData(step.lane))
        self.minutes.setValue(step.minutes)
        self.ai.setCurrentIndex(self.ai.findData(step.ai.value))
        self.threshold.setValue(NOT_SET if step.confidence_threshold is None else round(step.confidence_threshold))
        self.exception_route.clear()
        self.exception_route.addItem("(nobody: not designed yet)", None)
        for other in pmap.steps:
            if other.id != step.id:
                role = plan.role(other.lane)
                self.exception_route.addItem(f"{other.name} ({role.name if role else '?'})", other.id)
        self.exception_route.setCurrentIndex(max(0, self.exception_route.findData(step.exception_route)))
        self.exception_rate.setValue(NOT_SET if step.exception_rate is None else step.exception_rate)
        if not (self.trigger.hasFocus() and self.trigger.isModified()):  # never under the typing cursor
            self.trigger.setText(step.exception_trigger)
            self.trigger.setCursorPosition(0)
        for widget in (self.threshold, self.exception_route, self.trigger, self.exception_rate):
            widget.setEnabled(step.is_ai)
        self.data_sources.clear()
        for source in plan.data_sources:
            item = QListWidgetItem(source.name)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if step.id in source.used_by else Qt.CheckState.Unchecked)
            self.data_sources.addItem(item)
        self.decisions.clear()
        for decision in plan.decisions:
            if decision.step == step.id:
                self.decisions.addItem(f"{decision.name} — {decision.autonomy.label}")
        if self.decisions.count() == 0:
            self.decisions.addItem("(none recorded)")
        del blockers

    def _editors(self):
        return (
            self.name,
            self.kind,
            self.lane,
            self.minutes,
            self.ai,
            self.threshold,
            self.exception_route,
            self.trigger,
            self.exception_rate,
            self.data_sources,
        )

    def _trigger_edited(self) -> None:
        self.trigger.setModified(False)  # what was typed is in the plan: an undo may show another text
        self._set("exception_trigger", self.trigger.text().strip())

    def _set(self, field: str, value, merge: bool = False) -> None:
        found = self._step()
        if found is None:
            return
        step = found[2]
        if getattr(step, field) == value:
            return
        key = f"inspector:{step.id}:{field}" if merge else None
        label = field.replace("_", " ")
        self.document.execute(
            SetFields(step.id, {field: value}, text=f"Change {label} of '{step.display_name}'", merge_key=key)
        )

    def _set_lane(self, lane: str) -> None:
        found = self._step()
        if found is None or found[2].lane == lane:
            return
        use_case, variant, step = found
        lanes = getattr(use_case, variant).lanes
        from omplanner.process.layout import LANE_HEIGHT, clamp_into_lane

        old = lanes.index(step.lane) if step.lane in lanes else 0
        y = clamp_into_lane(step.y + (lanes.index(lane) - old) * LANE_HEIGHT, lanes.index(lane))
        self.document.execute(
            SetFields(step.id, {"lane": lane, "y": y}, text=f"Move '{step.display_name}' to another lane")
        )

    def _data_source_toggled(self, item: QListWidgetItem) -> None:
        source = self.document.plan.data_source(item.data(Qt.ItemDataRole.UserRole))
        if source is None or self.step_id is None:
            return
        used = [s for s in source.used_by if s != self.step_id]
        if item.checkState() == Qt.CheckState.Checked:
            used.append(self.step_id)
        if used != source.used_by:
            self.document.execute(SetFields(source.id, {"used_by": used}, text=f"Change what uses '{source.name}'"))
