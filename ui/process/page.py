"""The Processes page: draw the current process and its redesign, side by side.

A use case chooser; the current and redesigned maps (either, or both with synchronised
zoom); a palette, an inspector and a steps table; the redesign started from the current map
with lineage; the difference overlay; quick capture; automatic layout; lanes.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from omplanner.process import (
    capture_command,
    diff_maps,
    layout_command,
    redesign_from_current_command,
)

from ..theme import style_widget
from ..widgets.keyboard_menu import first_entry_from_keyboard
from ..widgets.message_boxes import Button, ask, warn
from ..widgets.plain_text import literal_html
from ..widgets.style import type_scale
from .gestures import MapEditor
from .inspector import StepInspector
from .lane_actions import LaneActions
from .palette import StepPalette
from .scene import ProcessScene
from .style import canvas_style
from .table import StepsTableModel
from .view import ProcessView

VARIANTS = ("current", "redesigned")
READABLE_ZOOM = 0.6
"""Below this a map's names get too small to read on a laptop: start there and scroll."""
TITLES = {"current": "Current process", "redesigned": "Redesigned around the AI"}


MARKS_DELAY_MS = 250
"""How long after the last edit the maps show the rules' marks again (as the findings panel)."""


class MapPane(QWidget):
    """One map: a title, the view, and the editor that turns gestures into commands."""

    def __init__(self, document, variant: str, parent=None):
        super().__init__(parent)
        self.variant = variant
        self.scene = ProcessScene(self)
        self.editor = MapEditor(document, self.scene, self)
        self.view = ProcessView(self.scene, self)
        self.view.setAccessibleName(TITLES[variant])
        self.title = QLabel(f"<b>{TITLES[variant]}</b>")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)


class ProcessPage(QWidget, LaneActions):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.use_case_id: str | None = None
        self.mode = "both"
        self._zooms: dict[str, float] = {}
        """The zoom each mode was last left at, for this use case's maps."""
        self.panes = {v: MapPane(document, v, self) for v in VARIANTS}
        self.active_variant = "current"
        self._fitted = False
        self._font_size = self.font().pointSizeF()
        self._projector = type_scale() > 1.0
        """Presentation mode: a map starts at Fit width, for a room reading it on a wall."""
        self._fit_width_pending = False
        """Fit width again when the page is resized (the window going full screen), until the user zooms."""
        self._fitting = False
        self._diff_stale = False
        """An edit came while another page was on screen: the figures line waits for the show."""
        self._before_projector: tuple | None = None
        """(use case, mode, zoom per mode, top-left scene point per view) from before presentation mode."""
        self._build()
        # The rule marks follow an edit once the edits pause, as the findings panel does: a
        # drag or a run of typing on a large plan never waits for the rules.
        self._marks_timer = QTimer(self)
        self._marks_timer.setSingleShot(True)
        self._marks_timer.timeout.connect(self._refresh_findings)
        document.changed.connect(self._on_changed)
        document.plan_replaced.connect(self._on_plan_replaced)
        self._on_plan_replaced()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.use_case = QComboBox()
        self.use_case.setAccessibleName("Use case")
        self.use_case.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.use_case.setMinimumContentsLength(12)
        self.use_case.activated.connect(lambda _i: self.show_use_case(self.use_case.currentData()))
        self.mode_buttons = QButtonGroup(self)
        modes = QWidget()
        mode_row = QHBoxLayout(modes)
        mode_row.setContentsMargins(0, 0, 0, 0)
        mode_row.setSpacing(0)
        for mode, text in (("current", "Current"), ("redesigned", "Redesigned"), ("both", "Both")):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setProperty("mode", mode)
            self.mode_buttons.addButton(button)
            mode_row.addWidget(button)
        self.mode_buttons.buttonClicked.connect(lambda b: self.set_mode(b.property("mode")))
        self.diff_button = QToolButton()
        self.diff_button.setText("Differences")
        self.diff_button.setCheckable(True)
        self.diff_button.setToolTip("Mark removed and new steps, and count handoffs and automated steps")
        self.diff_button.toggled.connect(lambda _on: self._refresh_diff())

        self.redesign_action = QAction("Start redesign", self)
        self.redesign_action.setToolTip(
            "Start the redesign from the current map: a copy whose steps remember where they came from"
        )
        self.redesign_action.triggered.connect(self._confirm_redesign)
        self.capture_action = QAction("&Quick capture…", self)  # Alt+M, Q: the map typed in
        self.capture_action.triggered.connect(self._ask_capture)
        self.layout_action = QAction("Auto layout", self)
        self.layout_action.triggered.connect(lambda: self.auto_layout(self.active_variant))
        self.export_action = QAction("Export image…", self)
        self.export_action.triggered.connect(self._ask_export)
        lane_menu = first_entry_from_keyboard(QMenu(self))
        lane_menu.addAction("Add lane…", self._ask_add_lane)
        lane_menu.addAction("Rename lane…", self._ask_rename_lane)
        lane_menu.addAction("Move lane up", lambda: self.move_lane(-1))
        lane_menu.addAction("Move lane down", lambda: self.move_lane(1))
        lane_menu.addAction("Remove lane…", self._ask_remove_lane)
        lanes_button = QToolButton()
        lanes_button.setText("Lanes")
        lanes_button.setMenu(lane_menu)
        lanes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = first_entry_from_keyboard(QMenu(self))
        for action in (self.capture_action, self.layout_action, self.export_action):
            more_menu.addAction(action)
        more_menu.addSeparator()
        more_menu.addAction("Zoom in\tCtrl+=", lambda: self._active_view().zoom_by(1.25))
        more_menu.addAction("Zoom out\tCtrl+-", lambda: self._active_view().zoom_by(0.8))
        fit = QAction("Fit", self)
        fit.setToolTip("Fit the maps in their views (F on a map)")
        fit.triggered.connect(self.fit)

        more_button = self.more_button = QToolButton()
        more_button.setText("&More")  # Alt+M opens it from anywhere on the page
        more_button.setMenu(more_menu)
        more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Tool bars rather than a row of buttons: in a window too narrow even for two rows, what
        # does not fit folds into a » menu instead of widening the window. The actions (Start
        # redesign, Lanes, More, Fit) are a second bar that moves under the first when both do
        # not fit on one row (presentation type beside the findings panel), so they never fold.
        top = QToolBar()
        top.setAccessibleName("Process map tools")
        style_widget(top, "toolbar")
        top.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        top.setContentsMargins(4, 2, 4, 0)
        top.addWidget(QLabel(" Use case "))
        top.addWidget(self.use_case)
        top.addSeparator()
        top.addWidget(modes)
        top.addWidget(self.diff_button)
        actions = self.actions_bar = QToolBar()
        actions.setAccessibleName("Process map actions")
        style_widget(actions, "toolbar")
        actions.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        actions.setContentsMargins(4, 2, 4, 0)
        redesign_button = QToolButton()
        redesign_button.setDefaultAction(self.redesign_action)
        actions.addWidget(redesign_button)
        actions.addWidget(lanes_button)
        actions.addWidget(more_button)
        fit_button = QToolButton()
        fit_button.setDefaultAction(fit)
        actions.addWidget(fit_button)
        self.tools_bar = top
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # a bold lead; the rest is escaped
        self.summary.setAccessibleName("Differences")
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(8, 0, 8, 0)

        self.palette = StepPalette()
        self.palette.kind_chosen.connect(self._arm)
        for pane in self.panes.values():
            pane.editor.armed_changed.connect(self._armed_changed)
            pane.scene.selectionChanged.connect(lambda p=pane: self._selection_changed(p))
            pane.scene.lane_activated.connect(lambda _r, p=pane: self._set_active(p.variant))
            pane.view.zoom_changed.connect(lambda z, p=pane: self._sync_zoom(p, z))
            pane.view.zoom_changed.connect(self._zoomed)
            pane.view.context_menu_requested.connect(lambda pos, at, p=pane: self._context_menu(p, pos, at))
            pane.view.other_map_requested.connect(self.show_other_map)
        # Maps are wide and short: one above the other, each gets the full width.
        self.maps = QSplitter(Qt.Orientation.Vertical)
        for pane in self.panes.values():
            self.maps.addWidget(pane)
        self.table_model = StepsTableModel(self.document, self)
        self.table = QTableView()
        self.table.setAccessibleName("Steps table")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setDefaultSectionSize(85)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._table_row_changed)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.maps)
        centre.addWidget(self.table)
        centre.setStretchFactor(0, 4)
        centre.setStretchFactor(1, 1)
        centre.setSizes([560, 110])
        self.inspector = StepInspector(self.document)
        scroll = QScrollArea()
        scroll.setWidget(self.inspector)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Tab from the map lands on the first field
        scroll.setMinimumWidth(200)
        scroll.setMaximumWidth(260)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inspector_panel = scroll
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.palette)
        body.addWidget(centre)
        body.addWidget(scroll)
        body.setStretchFactor(1, 1)
        body.setCollapsible(1, False)
        body.setSizes([74, 900, 230])
        self.table.hide()
        scroll.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.toolbar_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.toolbar_row.setSpacing(0)
        self.toolbar_row.addWidget(top)
        self.toolbar_row.addWidget(actions)
        self.toolbar_row.addStretch(1)
        layout.addLayout(self.toolbar_row)
        # The table and the inspector fold away, so that beside the findings dock on a laptop
        # the maps keep most of the width and height; their switches sit beside the summary.
        self.table_button = self._panel_button("Steps table", "Show the steps of the active map as a table")
        self.inspector_button = self._panel_button(
            "Inspector", "Show the selected step's details beside the maps (when a step is selected)"
        )
        self.inspector_button.setChecked(True)
        summary_row = QHBoxLayout()
        summary_row.setContentsMargins(0, 0, 6, 0)
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.table_button)
        summary_row.addWidget(self.inspector_button)
        layout.addLayout(summary_row)
        layout.addWidget(body, 1)
        self.table_button.toggled.connect(self.table.setVisible)
        self.inspector_button.toggled.connect(lambda _on: self._show_inspector())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange_toolbars()
        if self._fit_width_pending:
            QTimer.singleShot(0, self._fit_width_if_pending)  # once the views have their new size

    def _arrange_toolbars(self) -> None:
        """The actions beside the view tools when both fit on one row, else under them."""
        need = self.tools_bar.sizeHint().width() + self.actions_bar.sizeHint().width()
        direction = QBoxLayout.Direction.LeftToRight if need <= self.width() else QBoxLayout.Direction.TopToBottom
        if self.toolbar_row.direction() != direction:
            self.toolbar_row.setDirection(direction)

    def _panel_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        return button

    def _show_inspector(self) -> None:
        """The inspector takes room only while it has a step to show and is wanted."""
        selected = any(p.scene.selected_step_ids() for p in self.panes.values() if shiboken6.isValid(p.scene))
        wanted = self.inspector_button.isChecked() and selected
        if wanted != self.inspector_panel.isVisible():
            self.inspector_panel.setVisible(wanted)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._diff_stale:
            self._refresh_diff()
        if not self._fitted:
            # the views only know their size once laid out: fit just after the first show
            self._fitted = True
            QTimer.singleShot(0, self.show_start)

    def changeEvent(self, event) -> None:
        # The theme changed (light/dark): redraw the maps with the matching canvas style.
        if event.type() == QEvent.Type.PaletteChange:
            style = canvas_style()
            for pane in self.panes.values():
                if pane.scene.style is not style:
                    pane.scene.style = style
                    pane.scene.update()  # the views paint the canvas colour: all of it anew
                    pane.scene.show_map(self.document.plan, pane.scene.map_id)
            self._refresh_marks()
        elif event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._arrange_toolbars)  # the bars' widths change with the type
            # presentation mode enlarges the type: enlarge the maps by as much (their text is
            # drawn at a fixed size so that it keeps fitting its shapes)
            size = self.font().pointSizeF()
            if (type_scale() > 1.0) != self._projector:
                self._font_size = size
                self._set_projector(type_scale() > 1.0)
            elif self._font_size > 0 and size > 0 and abs(size - self._font_size) > 0.01:
                zoom = self._active_view().zoom() * size / self._font_size
                # what the room was reading stays in the corner, once the window has its new size
                # (all corners first: zooming one view zooms the other with it)
                corners = {pane.view: pane.view.mapToScene(0, 0) for pane in self.panes.values()}
                for view, corner in corners.items():
                    view.set_zoom(zoom)
                    QTimer.singleShot(0, lambda v=view, c=corner: v.show_corner(c))
            self._font_size = size
        super().changeEvent(event)

    def _set_projector(self, on: bool) -> None:
        """Entering presentation mode the maps show at Fit width (each mode's first view there);
        leaving it, each mode gets back the zoom and place it had before."""
        self._projector = on
        views = {v: p.view for v, p in self.panes.items()}
        if on:
            zooms = dict(self._zooms)
            if any(p.isVisibleTo(self) for p in self.panes.values()):
                zooms[self.mode] = self._active_view().zoom()
            corners = {v: view.mapToScene(0, 0) for v, view in views.items()}
            self._before_projector = (self.use_case_id, self.mode, zooms, corners)
            self._zooms.clear()
            self._fit_width_pending = True
            QTimer.singleShot(0, self._fit_width_if_pending)
            return
        self._fit_width_pending = False
        before, self._before_projector = self._before_projector, None
        if before is None or before[0] != self.use_case_id:
            self._zooms.clear()
            QTimer.singleShot(0, self.show_start)
            return
        _use_case, mode, zooms, corners = before
        self._zooms = {m: z for m, z in zooms.items() if m != self.mode}
        zoom = zooms.get(self.mode)
        if zoom is None:
            QTimer.singleShot(0, self.show_start)
            return
        self._fitting = True
        for view in views.values():
            view.set_zoom(zoom)
        self._fitting = False
        for variant, view in views.items():  # once the window has its normal size back
            QTimer.singleShot(0, lambda v=view, c=corners[variant]: v.show_corner(c))

    def _fit_width_if_pending(self) -> None:
        if self._fit_width_pending and self._projector:
            self.fit_width()

    def _zoomed(self, _zoom: float) -> None:
        if not self._fitting:
            self._fit_width_pending = False  # the user's zoom from now on

    def fit_width(self) -> None:
        """The visible maps as wide as their views, from their start (a taller map scrolls down)."""
        visible = [p for p in self.panes.values() if p.isVisibleTo(self)]
        if not visible:
            return
        zoom = min(p.view.fit_width_zoom(largest=type_scale()) for p in visible)
        self._fitting = True
        try:
            for pane in visible:
                pane.view.set_zoom(zoom)
                corner = pane.view._map_rect().topLeft()
                pane.view.show_corner(corner - QPointF(2 / zoom, 2 / zoom))
        finally:
            self._fitting = False

    # -- what is shown --------------------------------------------------------------------
    def _on_plan_replaced(self) -> None:
        plan = self.document.plan
        ids = [u.id for u in plan.use_cases]
        self.use_case.clear()
        for uc in plan.use_cases:
            self.use_case.addItem(uc.name, uc.id)
        wanted = self.use_case_id if self.use_case_id in ids else (ids[0] if ids else None)
        self.show_use_case(wanted)

    def show_use_case(self, use_case_id: str | None) -> None:
        if use_case_id != self.use_case_id:
            self._zooms.clear()  # another map: each mode starts from its first view again
        self.use_case_id = use_case_id
        plan = self.document.plan
        use_case = plan.use_case(use_case_id)
        self.use_case.setCurrentIndex(max(0, self.use_case.findData(use_case_id)))
        for variant, pane in self.panes.items():
            pane.scene.show_map(plan, getattr(use_case, variant).id if use_case else None)
        self.redesign_action.setEnabled(bool(use_case and use_case.current.steps))
        self._refresh_hints()
        self._refresh_marks()
        self.set_mode(self.mode)
        self._set_active(self.active_variant)
        self.show_start()

    def set_mode(self, mode: str) -> None:
        """Current, Redesigned or Both. Each keeps its own zoom: a map shown alone is not left at
        the small zoom that fitted it into half the page, and going back to Both restores that."""
        changed = mode != self.mode
        if changed and any(p.isVisibleTo(self) for p in self.panes.values()):
            self._zooms[self.mode] = self._active_view().zoom()
        self.mode = mode
        for button in self.mode_buttons.buttons():
            button.setChecked(button.property("mode") == mode)
        for variant, pane in self.panes.items():
            pane.setVisible(mode in ("both", variant))
        if mode != "both":
            self._set_active(mode)
        if changed:
            # after the layout has given the panes their new sizes
            QTimer.singleShot(0, self._restore_zoom)

    def _restore_zoom(self) -> None:
        zoom = self._zooms.get(self.mode)
        if zoom is None:
            self.show_start()
            return
        for pane in self.panes.values():
            if pane.isVisibleTo(self):
                pane.view.set_zoom(zoom)

    def show_other_map(self) -> None:
        """One key between the two maps: shown alone, the other map takes the page at its own
        zoom; in Both, the other pane takes the focus (and the steps table)."""
        other = "redesigned" if self.active_variant == "current" else "current"
        if self.mode != "both":
            self.set_mode(other)
        self._set_active(other)
        self.panes[other].view.setFocus()

    def _set_active(self, variant: str) -> None:
        self.active_variant = variant
        pane = self.panes[variant]
        self.table_model.set_map(pane.scene.map_id)
        for v, p in self.panes.items():
            p.title.setText(f"<b>{TITLES[v]}</b>" + ("  ◀" if v == variant and self.mode == "both" else ""))

    def pane(self, variant: str) -> MapPane:
        return self.panes[variant]

    def _active_view(self) -> ProcessView:
        return self.panes[self.active_variant].view

    def show_start(self) -> None:
        """The first view of a map: the whole of it if that is readable, else its beginning at a
        readable size (a workshop reads the map from its start; Fit shows all of it). On a
        projector (presentation mode): Fit width."""
        visible = [p for p in self.panes.values() if p.isVisibleTo(self)]
        if not visible:
            return
        if self._projector:
            self.fit_width()
            return
        zoom = max(READABLE_ZOOM, min(p.view.fit_zoom() for p in visible))
        for pane in visible:
            view = pane.view
            view.set_zoom(zoom)
            rect = view._map_rect()
            half_width = view.viewport().width() / zoom / 2
            half_height = view.viewport().height() / zoom / 2
            view.centerOn(
                min(rect.center().x(), rect.left() + half_width), min(rect.center().y(), rect.top() + half_height)
            )

    def fit(self) -> None:
        visible = [p for p in self.panes.values() if p.isVisibleTo(self)]
        if not visible:
            return
        zoom = min(p.view.fit_zoom() for p in visible)
        for pane in visible:
            pane.view.fit(zoom)

    def _sync_zoom(self, source: MapPane, zoom: float) -> None:
        for pane in self.panes.values():
            if pane is not source:
                pane.view.set_zoom(zoom)

    # -- document changes -----------------------------------------------------------------
    def _on_changed(self, changes) -> None:
        plan = self.document.plan
        ids = [self.use_case.itemData(i) for i in range(self.use_case.count())]
        if ids != [u.id for u in plan.use_cases] or "UseCase" in changes.entity_types:
            self._on_plan_replaced()
            return
        for pane in self.panes.values():
            pane.scene.refresh(plan, changes)
        use_case = plan.use_case(self.use_case_id)
        self.redesign_action.setEnabled(bool(use_case and use_case.current.steps))
        self._refresh_hints()
        if self.isVisible() or not self._fitted:
            self._refresh_diff()
        else:  # another page is on screen: the line of figures is read again when this one shows
            self._diff_stale = True
        self._marks_timer.start(MARKS_DELAY_MS)

    def _refresh_hints(self) -> None:
        """An empty map says how to start it; with no use case there is nothing to draw on."""
        use_case = self.document.plan.use_case(self.use_case_id)
        self.palette.setEnabled(use_case is not None)
        for variant, pane in self.panes.items():
            if use_case is None:
                hint = "No use case yet. Add one on the Use cases page, then draw its process here."
            elif variant == "redesigned" and use_case.current.steps:
                hint = "No steps yet. Start the redesign from the current map, or drag a step from the palette."
            else:
                hint = "No steps yet. Drag a step from the palette, or type the steps with More › Quick capture."
            pane.view.set_empty_hint(hint)

    def _refresh_marks(self) -> None:
        self._refresh_findings()
        self._refresh_diff()

    def _refresh_findings(self) -> None:
        self._marks_timer.stop()
        findings = self.document.findings.findings()
        for pane in self.panes.values():
            pane.scene.set_findings(findings)

    def _refresh_diff(self) -> None:
        self._diff_stale = False
        use_case = self.document.plan.use_case(self.use_case_id)
        if use_case is None:
            self.summary.setText("")
            return
        diff = diff_maps(use_case.current, use_case.redesigned, self.document.plan)
        show = self.diff_button.isChecked()
        self.panes["current"].scene.set_diff_states({i: "removed" for i in diff.removed} if show else {})
        self.panes["redesigned"].scene.set_diff_states({i: "added" for i in diff.added} if show else {})
        if use_case.redesigned.steps:
            self.summary.setText(f"<b>Current → redesigned:</b> {literal_html(diff.summary())}")
        else:
            self.summary.setText("The redesign is empty: start it from the current map, or capture it.")

    # -- selection ------------------------------------------------------------------------
    def _selection_changed(self, pane: MapPane) -> None:
        if not shiboken6.isValid(pane.scene):
            return  # the scene is being destroyed with the page
        ids = pane.scene.selected_step_ids()
        self._show_inspector()
        if not ids:
            return
        self._set_active(pane.variant)
        pane.scene.set_active_lane(pane.scene.steps[ids[0]].lane_id)
        for other in self.panes.values():
            if other is not pane and other.scene.selectedItems():
                other.scene.clearSelection()
        self.inspector.set_step(pane.scene.map_id, ids[0])
        row = self.table_model.row_of(ids[0])
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def _table_row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        step_id = self.table_model.step_id(current.row())
        pane = self.panes[self.active_variant]
        if step_id not in pane.scene.selected_step_ids():
            pane.editor.select([step_id])
            pane.view.centerOn(pane.scene.steps[step_id])

    def select_element(self, element_id: str) -> bool:
        """Show and select a step or a flow (switching use case and map as needed)."""
        plan = self.document.plan
        for use_case, variant, pmap in plan.maps():
            hit = pmap.step(element_id) or next((f for f in pmap.flows if f.id == element_id), None)
            if hit is None and element_id not in (pmap.id, use_case.id):
                continue
            if use_case.id != self.use_case_id:
                self.show_use_case(use_case.id)
            if self.mode not in ("both", variant):
                self.set_mode(variant)
            pane = self.panes[variant]
            self._set_active(variant)
            if hit is not None:
                pane.editor.select([element_id])
                item = pane.scene.steps.get(element_id) or pane.scene.arrows.get(element_id)
                if item is not None:
                    pane.view.centerOn(item)
                pane.view.setFocus()
            return True
        return False

    def _context_menu(self, pane: MapPane, scene_pos, global_pos) -> None:
        self.context_menu(pane, scene_pos).exec(global_pos)

    def context_menu(self, pane: MapPane, scene_pos) -> QMenu:
        """Right click: what can be done with the step or lane under the pointer."""
        self._set_active(pane.variant)
        editor, scene = pane.editor, pane.scene
        menu = QMenu(self)
        step = scene.step_at(scene_pos)
        lane = scene.lane_header_at(scene_pos)
        if step is not None:
            if not step.isSelected():
                editor.select([step.step_id])
            menu.addAction("Rename\tF2", lambda: editor.rename_requested.emit(step))
            menu.addAction("Copy", editor.copy_selection)
            menu.addAction("Delete", editor.delete_selection)
            scene.set_active_lane(step.lane_id)
        elif lane is not None:
            scene.set_active_lane(lane.role_id)
            menu.addAction("Rename lane…", self._ask_rename_lane)
            menu.addAction("Move lane up", lambda: self.move_lane(-1))
            menu.addAction("Move lane down", lambda: self.move_lane(1))
            menu.addAction("Remove lane…", self._ask_remove_lane)
        if menu.actions():
            menu.addSeparator()
        paste = menu.addAction("Paste", editor.paste)
        paste.setEnabled(editor.has_clipboard())
        menu.addAction("Add lane…", self._ask_add_lane)
        menu.addAction("Auto layout", lambda: self.auto_layout(pane.variant))
        return menu

    # -- palette --------------------------------------------------------------------------
    def _arm(self, kind) -> None:
        for pane in self.panes.values():
            pane.editor.arm(kind)
            pane.view.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def _armed_changed(self, kind) -> None:
        if kind is None:
            for pane in self.panes.values():
                if pane.editor.armed_kind is not None:
                    pane.editor.armed_kind = None
                pane.view.viewport().unsetCursor()
            self.palette.clearSelection()

    # -- actions --------------------------------------------------------------------------
    def _map_id(self, variant: str) -> str | None:
        return self.panes[variant].scene.map_id

    def start_redesign(self) -> bool:
        if self.use_case_id is None:
            return False
        ok = self.document.execute(redesign_from_current_command(self.document.plan, self.use_case_id))
        if ok:
            self.diff_button.setChecked(True)
            self.set_mode("both")
            self.show_start()
        return ok

    def _confirm_redesign(self) -> None:
        use_case = self.document.plan.use_case(self.use_case_id)
        if use_case is None:
            return
        if use_case.redesigned.steps:
            answer = ask(
                self,
                "Start the redesign again?",
                f"The redesign of {use_case.name} has {len(use_case.redesigned.steps)} steps. Replace them with "
                "a copy of the current map? (Undo brings them back.)",
            )
            if answer != Button.Yes:
                return
        self.start_redesign()

    def quick_capture(self, text: str, variant: str) -> bool:
        """Raises CaptureError for a line that is not 'Role: step'."""
        map_id = self._map_id(variant)
        if map_id is None:
            return False
        ok = self.document.execute(capture_command(self.document.plan, map_id, text))
        if ok and self.mode not in ("both", variant):
            self.set_mode(variant)
        if ok:
            self.show_start()
        return ok

    def _ask_capture(self) -> None:
        from .capture_dialog import CaptureDialog

        CaptureDialog(self, self.active_variant).exec()

    def auto_layout(self, variant: str) -> bool:
        map_id = self._map_id(variant)
        if map_id is None:
            return False
        command = layout_command(self.panes[variant].editor.pmap())
        return command is not None and self.document.execute(command)

    def export_image(self, path, variant: str | None = None) -> None:
        from .render import render_to_file

        scene = ProcessScene(style=canvas_style(False))
        scene.show_map(self.document.plan, self._map_id(variant or self.active_variant))
        scene.set_findings(self.document.findings.findings())
        render_to_file(scene, scene.map_rect(), path)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the map as an image", "", "PNG image (*.png);;SVG drawing (*.svg)"
        )
        if path:
            try:
                self.export_image(path)
            except Exception as exc:  # noqa: BLE001 - show any failure to write in plain words
                warn(self, "Could not export the image", str(exc))
