"""The diagnostic grid: use cases down, the five components across, one agreed score per cell.

A cell shows the agreed score large and, when participants scored it in a round, their median
and range beside it, flagged when the room disagrees. Keys 1-5 score the focused cell (or every
selected cell, as one edit) and Delete clears it; the arrows move as in any table.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QTableView,
)

from omplanner.commands import ChangeSet
from omplanner.model import Component, Plan, Score, UseCase

from .plain_text import plain_tooltip
from .style import CAUTION, ROW_HEIGHT, body_font, tint, type_scale

ROW_HEADER_WIDEST = 215
TITLE_MARGIN = 8

DISAGREEMENT = 2
"""A range of scores this wide (1 to 3, 2 to 4...) means the room does not agree yet."""

HEADERS = {
    Component.PROCESS: "Process\ndesign",
    Component.DECISION_RIGHTS: "Decision\nrights",
    Component.CAPABILITY: "Capability\n& roles",
    Component.GOVERNANCE: "Governance",
    Component.DATA: "Data\nflows",
}
COMPONENTS = list(Component)


@dataclass(frozen=True)
class RoomRound:
    """The participants' scores for one cell."""

    values: tuple[int, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> int:
        return max(self.values) - min(self.values)

    @property
    def disagrees(self) -> bool:
        return len(self.values) > 1 and self.spread >= DISAGREEMENT

    def text(self) -> str:
        return f"room {self.median:g}" + ("" if self.spread == 0 else f"\n{min(self.values)}–{max(self.values)}")


def agreed_score(plan: Plan, use_case_id: str, component: Component) -> Score | None:
    return next(
        (s for s in plan.scores if s.use_case == use_case_id and s.component == component and not s.participant), None
    )


def participant_scores(plan: Plan, use_case_id: str, component: Component) -> list[Score]:
    return [s for s in plan.scores if s.use_case == use_case_id and s.component == component and s.participant]


def room_round(plan: Plan, use_case_id: str, component: Component) -> RoomRound | None:
    scores = participant_scores(plan, use_case_id, component)
    return RoomRound(tuple(s.value for s in scores)) if scores else None


class ScoreGridModel(QAbstractTableModel):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self._use_cases: list[str] = [u.id for u in document.plan.use_cases]
        document.changed.connect(self.refresh)
        document.plan_replaced.connect(lambda: self.refresh(None))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._use_cases)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COMPONENTS)

    def use_case(self, row: int) -> UseCase | None:
        return self.document.plan.use_case(self._use_cases[row]) if 0 <= row < len(self._use_cases) else None

    def row_of(self, use_case_id: str) -> int:
        return self._use_cases.index(use_case_id) if use_case_id in self._use_cases else -1

    def cell(self, index: QModelIndex) -> tuple[str, Component] | None:
        if not index.isValid() or index.row() >= len(self._use_cases):
            return None
        return self._use_cases[index.row()], COMPONENTS[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COMPONENTS):
                return HEADERS[COMPONENTS[section]]
            if orientation == Qt.Orientation.Vertical:
                use_case = self.use_case(section)
                return use_case.name if use_case else ""
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return COMPONENTS[section].label
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            use_case = self.use_case(section)
            return plain_tooltip(use_case.name) if use_case else None
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index)
        if cell is None:
            return None
        plan = self.document.plan
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            score = agreed_score(plan, *cell)
            return "" if score is None else str(score.value)
        if role == Qt.ItemDataRole.UserRole:
            return room_round(plan, *cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            score = agreed_score(plan, *cell)
            room = room_round(plan, *cell)
            lines = [score.evidence] if score and score.evidence else []
            if room is not None:
                lines.append(f"{len(room.values)} participants: {room.text().replace(chr(10), ', range ')}")
                if room.disagrees:
                    lines.append("The room disagrees: talk it through before agreeing a score.")
            return plain_tooltip("\n".join(lines) or "Not scored yet: press 1 to 5")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def refresh(self, changes: ChangeSet | None) -> None:
        ids = [u.id for u in self.document.plan.use_cases]
        if changes is None or ids != self._use_cases:
            self.beginResetModel()
            self._use_cases = ids
            self.endResetModel()
            return
        if changes.touches("Score", "UseCase") and self._use_cases:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._use_cases) - 1, len(COMPONENTS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._use_cases) - 1)


class ScoreDelegate(QStyledItemDelegate):
    """The agreed score large on the left; the room's median and range small on the right."""

    def paint(self, painter: QPainter, option, index) -> None:
        self.initStyleOption(option, index)
        text, option.text = option.text, ""
        style = option.widget.style() if option.widget else None
        room: RoomRound | None = index.data(Qt.ItemDataRole.UserRole)
        painter.save()
        if room is not None and room.disagrees:
            painter.fillRect(option.rect, tint(CAUTION, 90))
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = option.rect.adjusted(10, 0, -6, 0)
        painter.setPen(pen)
        painter.setFont(body_font(option.font, 7, bold=True))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text or "·")
        if room is not None:
            painter.setFont(body_font(option.font, -2, bold=room.disagrees))
            muted = QColor(pen)
            muted.setAlpha(255 if room.disagrees else 170)
            painter.setPen(muted)
            room_rect = QRect(rect.left() + 26, rect.top(), rect.width() - 26, rect.height())
            align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(room_rect, align, room_label(room, painter, room_rect))
        painter.restore()


def room_label(room: RoomRound, painter, rect: QRect) -> str:
    """The round's median and range, as much of it as the cell has room for: in a narrow cell (or
    presentation mode's larger type) the full text was cut at its left ('oom 2')."""
    flag = " ⚑" if room.disagrees else ""
    metrics = painter.fontMetrics()
    for text in (room.text() + flag, room.text().replace("room ", "") + flag, flag.strip()):
        lines = text.split("\n")
        if max(metrics.horizontalAdvance(line) for line in lines) <= rect.width():
            return text
    return ""


class ElidingHeader(QHeaderView):
    """Row titles that end in an ellipsis when the header is narrower than the name, instead of
    being cut mid-letter (the full name is in the tooltip)."""

    MARGIN = 8

    def shown_text(self, section: int, width: int | None = None) -> str:
        model = self.model()
        text = str(model.headerData(section, self.orientation()) or "") if model is not None else ""
        width = self.width() if width is None else width
        return QFontMetrics(self.font()).elidedText(text, Qt.TextElideMode.ElideRight, width - 2 * self.MARGIN)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:  # noqa: N802 (Qt override)
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, section)
        option.rect = rect
        option.text = self.shown_text(section, rect.width())
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()


class ScoreGridView(QTableView):
    score_typed = Signal(int)
    """A key 1-5 was pressed: the page scores the selected cells."""
    clear_requested = Signal()

    def __init__(self, model: ScoreGridModel, parent=None):
        super().__init__(parent)
        self.setVerticalHeader(ElidingHeader(Qt.Orientation.Vertical, self))
        self.setModel(model)
        self.setItemDelegate(ScoreDelegate(self))
        self.setFont(body_font(self.font()))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setCornerButtonEnabled(False)
        header = self.horizontalHeader()
        header.setFont(body_font(self.font(), bold=True))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized by fit_row_header
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumHeight(ROW_HEIGHT + 16)
        vertical = self.verticalHeader()
        vertical.setFont(body_font(self.font(), bold=True))
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT + 22)
        vertical.setFixedWidth(ROW_HEADER_WIDEST)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName("Diagnostic scores")
        model.modelReset.connect(self.fit_height)
        model.modelReset.connect(self.fit_row_header)
        self.fit_height()

    def fit_row_header(self) -> None:
        """The use-case names as wide as the longest needs, up to what the five component columns
        leave with their titles whole (a longer name ends in an ellipsis); the columns share the
        rest evenly. Equal columns cut "Governance" in presentation type beside long names."""
        model = self.model()
        if model is None:
            return
        vertical, header = self.verticalHeader(), self.horizontalHeader()
        metrics = QFontMetrics(vertical.font())
        names = [str(model.headerData(r, Qt.Orientation.Vertical) or "") for r in range(model.rowCount())]
        longest = max((metrics.horizontalAdvance(n) for n in names), default=0) + 24
        titles = QFontMetrics(header.font())
        needs = [
            max(titles.horizontalAdvance(line) for line in HEADERS[c].split("\n")) + 2 * TITLE_MARGIN
            for c in COMPONENTS
        ]
        inside = self.width() - 2 * self.frameWidth()
        width = max(100, min(longest, round(ROW_HEADER_WIDEST * type_scale()), inside - sum(needs)))
        if vertical.width() != width:
            vertical.setFixedWidth(width)
        room = inside - width - (self.verticalScrollBar().width() if self.verticalScrollBar().isVisible() else 0)
        extra = max(0, room - sum(needs))
        for section, need in enumerate(needs[: header.count()]):
            share = extra // len(needs) + (1 if section < extra % len(needs) else 0)
            if header.sectionSize(section) != need + share:
                header.resizeSection(section, need + share)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.fit_row_header()
        super().resizeEvent(event)

    def updateGeometries(self) -> None:  # noqa: N802 (Qt override): also after a font change
        self.fit_row_header()
        super().updateGeometries()

    def fit_height(self) -> None:
        """As tall as its rows (up to six), so the evidence under it gets the rest."""
        rows = min(max(self.model().rowCount(), 1), 6)
        header = self.horizontalHeader()
        height = max(header.sizeHint().height(), header.minimumHeight())
        height += rows * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_5:
            self.score_typed.emit(event.key() - Qt.Key.Key_0)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_requested.emit()
            return
        super().keyPressEvent(event)
