"""The table every page shows its entities in, and the header strip above it.

The view keeps the selection on the same entity across model resets (an undo that brings a
row back, a row added above), sizes columns from their specs, and edits list-valued cells
("multi" columns) through a menu of check boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QTableView,
    QWidget,
)

from omplanner.commands import remove_cascade

from ..theme import style_widget
from .delegates import CELL_PADDING, EntityDelegate
from .style import ROW_HEIGHT, body_font, type_scale
from .table_model import EntityTableModel
from .wrapped_header import MARGIN as TITLE_MARGIN
from .wrapped_header import WrappingHeader

"""Pixels each side of a cell's text: text must not touch the cell edge when projected."""


CELL_SHEET = f"QTableView::item {{ padding-left: {CELL_PADDING}px; padding-right: {CELL_PADDING}px; }}"


class EntityTableView(QTableView):
    current_entity_changed = Signal(object)
    """The id of the entity whose row now has the focus (None when there is none)."""

    def __init__(self, model: EntityTableModel, parent: QWidget | None = None, header: QHeaderView | None = None):
        super().__init__(parent)
        self._cell_widths: dict[int, int] = {}
        """Measured width per column, until the rows or the type change (a reset alone resizes
        the view several times: each would measure every column again)."""
        self._advances: dict[str, dict[str, int]] = {}
        """Each cell text's width, by font (``QFont.key``) then text."""
        self.setHorizontalHeader(header if header is not None else WrappingHeader(self))
        self.setModel(model)
        self.setItemDelegate(EntityDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Tab leaves the table for the next field or button (the arrow keys move between cells);
        # in an open editor Tab still commits and goes on to the next cell, as in a spreadsheet
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        # The projector size, explicit: the page's font is the application's (apply_page_font).
        self.setFont(body_font(self.font()))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setFont(body_font(self.font(), bold=True))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setMinimumHeight(ROW_HEIGHT)
        header.setMinimumSectionSize(16)  # widths come from apply_column_widths; Qt's floor grows with the font
        # Text must not touch the cell edge when projected (items only), and the dark theme's check
        # boxes (Senior, Structured) must be seen. Set after the header's font: set before, the
        # header took the application's font instead of its bold body type.
        style_widget(self, "check", own=CELL_SHEET)
        self.apply_column_widths()
        self._remembered: tuple[str | None, int] = (None, 0)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._cell_widths.clear)
        model.dataChanged.connect(self._cells_changed)
        model.columnsAboutToBeRemoved.connect(self._columns_changing)
        model.columnsAboutToBeInserted.connect(self._columns_changing)
        model.columnsRemoved.connect(lambda _parent, first, last: self._columns_moved(first, first - last - 1))
        model.columnsInserted.connect(lambda _parent, first, last: self._columns_moved(first, last - first + 1))
        model.modelReset.connect(self.apply_column_widths)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.activated.connect(self._activated)

    @property
    def entity_model(self) -> EntityTableModel:
        return self.model()  # type: ignore[return-value]

    STRETCH_MIN = 220
    """The width a stretching column (a name, a title) asks for at least, when there is room."""
    stretch_min = STRETCH_MIN
    _sizing_columns = False
    _laid_out_columns = -1
    _shared_room: tuple[int, float] | None = None
    """The viewport's width and the type scale when the columns last shared the room."""
    """How many columns the last ``updateGeometries`` of ``apply_column_widths`` laid out."""
    """Per view: a small table of short names (the participants of a round) sets less."""
    NAME_WIDEST = 300
    """The first column (the row's name) keeps its longest name up to this width (times the type scale)."""
    name_widest = NAME_WIDEST
    """Per view: a matrix whose many columns matter as much as its names sets less."""

    def apply_column_widths(self) -> None:
        """Columns share the viewport's width. Each asks for its spec's width (a name column for
        its longest name), scaled with presentation mode's type; when they ask for more than the
        view has, each gives up width in proportion to what it can spare above its narrowest: the
        longest word of its title (titles wrap, see ``WrappingHeader``), its longest name (the first
        column) or part of its widest cell (the rest elided). Only
        when every column is at its narrowest does the table scroll sideways."""
        header = self.horizontalHeader()
        columns = self.entity_model.columns
        if not columns:
            return
        scale = type_scale()
        room = self.viewport().width()
        self._shared_room = (room, scale)
        wanted, narrowest = [], []
        for section, column in enumerate(columns):
            if header.isSectionHidden(section):
                wanted.append(0)
                narrowest.append(0)
                continue
            cells = self._cells_width(section, column)
            title = self._title_width(section)
            want = max(title, round((column.width or self.stretch_min) * scale))
            if 0 < cells < want:  # no wider than its widest cell asks: the room goes where text is cut
                want = max(title, cells)
            if section == 0:  # the row's name: the room reads it whole where the width allows
                least = max(title, min(cells, round(self.name_widest * scale)))
                want = max(want, least)
            elif column.whole or cells <= min(want, round(SHORT_VALUE * scale)):  # "RA", a count: never elided
                least = max(title, cells)
            else:  # longer text runs on under an ellipsis, down to a share of what the column asks for
                least = max(title, round(want * SHARE_KEPT))
            wanted.append(want)
            narrowest.append(least)
        widths = _share(wanted, narrowest, room, [c.width is None for c in columns])
        interactive = QHeaderView.ResizeMode.Interactive
        resized = False
        for section, width in enumerate(widths):
            # Only the sections whose width or mode changes: after a role's column comes or goes
            # the others mostly keep theirs, and each resize lays the header and view out again.
            if header.sectionResizeMode(section) != interactive:
                header.setSectionResizeMode(section, interactive)
                resized = True
            if not header.isSectionHidden(section) and header.sectionSize(section) != width:
                header.resizeSection(section, width)
                resized = True
        if header.stretchLastSection():
            header.setStretchLastSection(False)
            resized = True
        if resized or self._laid_out_columns != len(columns):
            self._laid_out_columns = len(columns)
            self.updateGeometries()  # the header may have gained or lost a line of wrapped titles

    MEASURED_ROWS = 40
    """Rows whose text sets a column's width: the first ones and those in sight. Qt's own
    measure (``sizeHintForColumn``) styles a thousand cells per column through the delegate:
    1.4 s for the 40 role columns of a 2,000-decision plan, on every reset."""

    def _cells_width(self, section: int, column) -> int:
        """The widest text of the column's measured rows, with the cell's padding (0: no rows)."""
        width = self._cell_widths.get(section)
        if width is None:
            width = self._cell_widths[section] = self._measure_cells(section, column)
        return width

    def _cells_changed(self, top_left, bottom_right, _roles=()) -> None:
        for section in range(top_left.column(), bottom_right.column() + 1):
            self._cell_widths.pop(section, None)

    _layout_held = False
    """From a model's word that columns will come or go until ``_columns_moved``: see there."""

    def _columns_changing(self, *_args) -> None:
        self._layout_held = True

    def updateGeometries(self) -> None:  # noqa: N802 (Qt override)
        if not self._layout_held:
            super().updateGeometries()

    def _columns_moved(self, first: int, shift: int) -> None:
        """Columns inserted (``shift`` > 0) or removed at ``first``: the widths measured for the
        others move with them, and the columns share the width again.

        The view is laid out once, here, with the shared widths. Qt lays it out as soon as the
        header has the new column at its default width (held off by ``updateGeometries``): the
        columns then overfilled the view, so a scroll bar came for that moment and went again
        once they shared the room, resizing the view and its rows twice in the frame of an undo."""
        self._layout_held = False
        widths = self._cell_widths
        moved = {
            s + shift if s >= first else s: w
            for s, w in widths.items()
            if not (shift < 0 and first <= s < first - shift)
        }
        widths.clear()
        widths.update(moved)
        laid_out = self._laid_out_columns
        self.apply_column_widths()
        if laid_out == self._laid_out_columns:  # no columns left to share the room, or not laid out
            self.updateGeometries()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._cell_widths.clear()
            self._advances.clear()
            self._shared_room = None  # the next resize shares the room again, measured afresh
        super().changeEvent(event)

    def _measure_cells(self, section: int, column) -> int:
        model = self.entity_model
        count = model.rowCount()
        if not count:
            return 0
        top = max(0, self.rowAt(0))
        rows = set(range(min(count, self.MEASURED_ROWS)))
        rows.update(range(top, min(count, top + self.MEASURED_ROWS // 2)))
        font = self.font()
        if column.bold:
            font.setBold(True)
        metrics = QFontMetrics(font)
        widest, icon = 0, False
        if type(model).data is EntityTableModel.data:  # its text, without a QModelIndex per cell
            # Each text measured once per font: a matrix's cells are a few letters ("RA", "C")
            # and a column is measured again whenever a row of it changes. The rows' texts are
            # read in one pass and each different text is looked at once (a column of letters
            # holds a handful among its 60 measured rows).
            advances = self._advances.setdefault(font.key(), {})
            if len(advances) > 5000:
                advances.clear()
            entities = list(map(model.entity, rows))
            for text in {str(text) for text in map(column.text, entities) if text}:
                advance = advances.get(text)
                if advance is None:
                    advance = advances[text] = metrics.horizontalAdvance(text)
                widest = max(widest, advance)
        else:
            for row in rows:
                index = model.index(row, section)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if text:
                    widest = max(widest, metrics.horizontalAdvance(str(text)))
                icon = icon or index.data(Qt.ItemDataRole.DecorationRole) is not None
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        padding = 2 * CELL_PADDING + 2 * frame + 1 + (self.iconSize().width() + 4 if icon else 0)
        return widest + padding

    def _title_width(self, section: int) -> int:
        header = self.horizontalHeader()
        narrowest = getattr(header, "narrowest", None)
        if narrowest is not None:
            return narrowest(section)
        title = str(self.entity_model.headerData(section, Qt.Orientation.Horizontal) or "")
        return QFontMetrics(header.font()).horizontalAdvance(title) + 2 * TITLE_MARGIN

    def _width_changed(self) -> bool:
        """Whether the room the columns last shared is not the viewport's width now: a change of
        the view's height alone (the header gaining a line of titles, the page's form below
        growing) shares out the same room again to the same widths."""
        return self._shared_room != (self.viewport().width(), type_scale())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._width_changed():
            self.apply_column_widths()

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt override)
        # the viewport also changes width when the vertical scroll bar comes or goes
        if event.type() == QEvent.Type.Resize and not self._sizing_columns and self._width_changed():
            self._sizing_columns = True
            try:
                self.apply_column_widths()
            finally:
                self._sizing_columns = False
        return super().viewportEvent(event)

    # Selection by id ---------------------------------------------------------------------
    def current_id(self) -> str | None:
        entity = self.entity_model.entity_at(self.currentIndex())
        return entity.id if entity is not None else None

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [e.id for r in rows if (e := self.entity_model.entity(r)) is not None]

    def select_id(self, entity_id: str, column: int = 0) -> bool:
        row = self.entity_model.row_of(entity_id)
        if row < 0:
            return False
        index = self.entity_model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus()
        return True

    def select_first(self) -> None:
        """Open a page on its first row, so the detail form below the table shows something."""
        if self.entity_model.rowCount():
            self.select_id(self.entity_model.entity(0).id)

    def remove_selected_cascading(self) -> None:
        """Remove every selected entity, mending the references to it (one undo step each)."""
        document = self.entity_model.document
        for entity_id in self.selected_ids():
            document.execute(remove_cascade(document.plan, entity_id))

    def _remember_current(self) -> None:
        self._remembered = (self.current_id(), max(self.currentIndex().column(), 0))

    def _restore_current(self) -> None:
        entity_id, column = self._remembered
        if entity_id is not None:
            self.select_id(entity_id, column)
        self.current_entity_changed.emit(self.current_id())

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.row() != previous.row() or not previous.isValid():
            self.current_entity_changed.emit(self.current_id())

    # List-valued cells -------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        if self.entity_model.column(index).editor == "multi":
            self.edit_multi(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (
            index.isValid()
            and event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Space)
            and self.entity_model.column(index).editor == "multi"
        ):
            self.edit_multi(index)
            return
        editable = bool(index.flags() & Qt.ItemFlag.ItemIsEditable)  # a check box toggles on Space, once
        if editable and _types_text(event) and self.state() == QAbstractItemView.State.NoState:
            # A click on the current cell arms Qt's delayed edit (it waits out a double click), and
            # while it waits Qt drops typed letters. Asking to edit on a change of cell, which is
            # not one of this view's triggers, cancels that wait without opening an editor: the
            # letter then opens the editor as on any other cell.
            self.edit(index, QAbstractItemView.EditTrigger.CurrentChanged, event)
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint) -> None:  # noqa: N802 (Qt override)
        """Tab in the editor of the table's last cell (Shift+Tab in its first) commits and leaves
        the table, rather than going round to its other end."""
        Hint = QAbstractItemDelegate.EndEditHint  # noqa: N806 (Qt's enum)
        forward = {Hint.EditNextItem: True, Hint.EditPreviousItem: False}.get(hint)
        at_end = forward is not None and self._wraps(forward)
        if not at_end:
            super().closeEditor(editor, hint)
            return
        super().closeEditor(editor, Hint.NoHint)
        self.focusNextPrevChild(forward)

    def _wraps(self, forward: bool) -> bool:
        """True when the next cell (the previous one) in Tab order is back at the other end."""
        Move = QAbstractItemView.CursorAction  # noqa: N806 (Qt's enum)
        here = self.currentIndex()
        there = self.moveCursor(Move.MoveNext if forward else Move.MovePrevious, Qt.KeyboardModifier.NoModifier)
        if not there.isValid() or there == here:
            return True
        header = self.horizontalHeader()
        order = (here.row(), header.visualIndex(here.column())), (there.row(), header.visualIndex(there.column()))
        return order[1] < order[0] if forward else order[1] > order[0]

    def multi_menu(self, index: QModelIndex) -> QMenu:
        """A menu with one check box per choice; toggling one is one edit of the list."""
        column = self.entity_model.column(index)
        entity = self.entity_model.entity_at(index)
        menu = QMenu(self)
        current = list(column.value(entity) or [])
        for value, label in column.choices() if column.choices else []:
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(value in current)
            action.toggled.connect(lambda on, v=value: self._toggle_multi(index, v, on))
            menu.addAction(action)
        if not menu.actions():
            menu.addAction("Nothing to choose from yet").setEnabled(False)
        return menu

    def edit_multi(self, index: QModelIndex) -> None:
        if not self.entity_model.column(index).editable:
            return
        menu = self.multi_menu(index)
        rect = self.visualRect(index)
        menu.exec(self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())))

    def _toggle_multi(self, index: QModelIndex, value, on: bool) -> None:
        model = self.entity_model
        entity, column = model.entity_at(index), model.column(index)
        if entity is None:
            return
        current = list(column.value(entity) or [])
        if on and value not in current:
            current.append(value)
        elif not on and value in current:
            current.remove(value)
        command = model.command_for(entity, column, current)
        if command is not None:
            model.document.execute(command)


def _types_text(event: QKeyEvent) -> bool:
    """A key that types a character (not a shortcut, not Tab or Enter)."""
    text = event.text()
    shortcut = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    return bool(text) and text.isprintable() and not shortcut


SHORT_VALUE = 100
"""Cells no wider than this (times the type scale) are kept whole: "RA" elided to "…" says nothing."""
SHARE_KEPT = 0.45
"""A column's cells keep at least this share of the width the column asks for."""


def _share(wanted: list[int], narrowest: list[int], room: int, stretches: list[bool]) -> list[int]:
    """Widths that fill ``room``: what each column wants, less a share of the excess in proportion
    to what it can spare; room left over goes to the stretching columns (else the last)."""
    total = sum(wanted)
    if total <= room:
        widths = list(wanted)
        takers = [i for i, s in enumerate(stretches) if s and wanted[i]] or [len(wanted) - 1]
        extra = room - total
        for n, i in enumerate(takers):
            widths[i] += extra // len(takers) + (1 if n < extra % len(takers) else 0)
        return widths
    spare = [max(0, w - n) for w, n in zip(wanted, narrowest)]
    excess = total - room
    if sum(spare) <= excess:
        return [min(w, n) if w else 0 for w, n in zip(wanted, narrowest)]
    widths = [w - (s * excess) // sum(spare) for w, s in zip(wanted, spare)]
    over = sum(widths) - room  # rounding: a few pixels too many, taken from the most spare
    for i in sorted(range(len(widths)), key=lambda i: -spare[i])[: max(0, over)]:
        widths[i] -= 1
    return widths
