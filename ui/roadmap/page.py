"""The roadmap page: the timeline, its inspector, the table, Auto-sequence and Fix.

Every edit goes through ``document.execute``. After each change the page re-reads only what the
change names into the scene, re-runs the rules and passes the differences to the scene.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QScrollArea,
    QSplitter,
    QToolBar,
    QToolButton,
    QWidget,
)

from omplanner.commands import ChangeSet, Command, remove_cascade
from omplanner.rules import Finding
from omplanner.rules.words import quoted

from ..theme import style_widget
from ..widgets.comments import CommentsBox
from ..widgets.page_header import page_header, page_layout
from ..widgets.plain_text import plain_label
from ..widgets.style import apply_page_font, type_scale
from .baseline_panel import BaselinePanel
from .checking import RoadmapCheck, add_schedule, auto_sequence_report, check_findings
from .gestures import Outcome, add_item
from .inspector import RoadmapInspector
from .items import Theme
from .layout import BY_COMPONENT, BY_USE_CASE, lane_key
from .scene import RoadmapScene
from .table import RoadmapTable
from .view import RoadmapView

FLASH_MS = 2500
INSPECTOR_MAX_W = 300
"""Beside the findings dock on a laptop, a wider inspector would leave the timeline too little."""
NEW_ITEM_WEEKS = 4
"""How long an item added with Insert starts out (the arrow keys with Shift change it)."""
GESTURE_HINT = (
    "Drag across an empty part of a lane to add an item. Drag a bar to move it, or its right end to "
    "change its length (Left/Right and Shift+Left/Right do the same for the selected bar; Up/Down "
    "select another; Insert adds an item after it). Drag from the small circle at a bar's end onto "
    "another bar, or Shift-drag the bar, to make that item follow it."
)


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().window().color().lightness() < 128


class RoadmapPage(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.check = RoadmapCheck()
        # presentation mode enlarges the app's type: the canvas text grows by as much, also on a
        # page first opened while presentation mode is on (the app font is then already larger)
        self._base_point_size = QApplication.font().pointSizeF() / type_scale()
        QApplication.instance().fontChanged.connect(self._restyle)
        self.scene = RoadmapScene(Theme(dark=_is_dark(self), text_scale=self._text_scale()), self)
        self.view = RoadmapView(self.scene, lambda: self.document.plan, self)
        self.inspector = RoadmapInspector(self)
        self.inspector.setMinimumWidth(230)
        self.inspector.add_comments(CommentsBox(document))
        self.view.setToolTip(GESTURE_HINT)
        self.inspector_panel = QScrollArea()
        self.inspector_panel.setWidget(self.inspector)
        self.inspector_panel.setWidgetResizable(True)
        self.inspector_panel.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Tab lands on the first field
        self.inspector_panel.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inspector_panel.setFrameShape(QFrame.Shape.NoFrame)
        self.inspector_panel.setMaximumWidth(INSPECTOR_MAX_W)
        self.inspector_panel.hide()  # it opens when an item is selected
        self.table = RoadmapTable(document, self)
        self.table.setVisible(False)
        self.status = plain_label()  # quotes item titles
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Roadmap status")
        self._flashed: set[str] = set()
        self._stale = False
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS, timeout=self._end_flash)
        self._schedule_timer = QTimer(self, singleShot=True, interval=0, timeout=self._reanalyse)
        self._toolbar_timer = QTimer(self, singleShot=True, interval=0, timeout=self._arrange_toolbars)

        toolbar = QToolBar("Roadmap")
        toolbar.setMovable(False)
        style_widget(toolbar, "toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.lanes = QComboBox()
        self.lanes.addItem("Lanes by component", BY_COMPONENT)
        self.lanes.addItem("Lanes by use case", BY_USE_CASE)
        toolbar.addWidget(self.lanes)
        self.scale_buttons = QButtonGroup(self)
        self.scale_button: dict[str, QToolButton] = {}
        for name in ("weeks", "months", "quarters"):
            button = self.scale_button[name] = self._button(name.capitalize(), checkable=True)
            button.setChecked(name == "months")
            self.scale_buttons.addButton(button)
            button.clicked.connect(lambda _=False, n=name: self.view.set_scale(n))
            toolbar.addWidget(button)
        self.fit_button = self._button("Fit", tip="Show the whole roadmap")
        toolbar.addWidget(self.fit_button)
        self.phases_button = self._button(
            "Phases", checkable=True, tip="Number the items by phase: items in one phase can run in parallel"
        )
        toolbar.addWidget(self.phases_button)
        self.toolbar = toolbar
        # the actions sit in a second bar that moves under the first when both do not fit on
        # one row (presentation mode's larger type), rather than folding into a » menu
        toolbar = self.actions_bar = QToolBar("Roadmap actions")
        toolbar.setMovable(False)
        style_widget(toolbar, "toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.auto_button = self._button(
            "Auto-sequence", tip="Move items so that the roadmap follows the sequencing principles (one undoable step)"
        )
        self.fix_button = self._button("Fix", tip="Apply the proposed fix for the selected item's finding")
        toolbar.addWidget(self.auto_button)
        toolbar.addWidget(self.fix_button)
        toolbar.addSeparator()
        self.inspector_button = self._button(
            "Inspector",
            checkable=True,
            tip="Show the selected item's details beside the timeline (when one is selected)",
        )
        self.inspector_button.setChecked(True)
        self.inspector_button.toggled.connect(self._inspector_toggled)
        toolbar.addWidget(self.inspector_button)
        self.table_button = self._button("Table", checkable=True, tip="Show the items as a table")
        self.export_button = self._button("Export…", tip="Save the roadmap as a PNG or SVG image")
        toolbar.addWidget(self.table_button)
        toolbar.addWidget(self.export_button)
        toolbar.addSeparator()
        self.baselines = BaselinePanel(document, self.scene, self)
        toolbar.addWidget(self.baselines.picker_box)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.view)
        left.addWidget(self.baselines)
        left.addWidget(self.table)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(2, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.inspector_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, INSPECTOR_MAX_W - 20])
        self.splitter.setCollapsible(0, False)
        apply_page_font(self)
        layout = page_layout(self)
        blurb = "Sequence the change work; every edit is checked against the sequencing principles."
        layout.addWidget(page_header("Roadmap", blurb))
        self.toolbar_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.toolbar_row.setSpacing(0)
        self.toolbar_row.addWidget(self.toolbar)
        self.toolbar_row.addWidget(self.actions_bar)
        self.toolbar_row.addStretch(1)
        layout.addLayout(self.toolbar_row)  # a window too narrow even for two rows uses the » menus
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

        self.lanes.currentIndexChanged.connect(
            lambda _i: self.scene.set_mode(self.document.plan, self.lanes.currentData())
        )
        self.fit_button.clicked.connect(self.view.fit)
        self.view.scale_changed.connect(lambda name: self.scale_button[name].setChecked(True))
        self.phases_button.toggled.connect(self.scene.set_show_phases)
        self.auto_button.clicked.connect(self.auto_sequence)
        self.fix_button.clicked.connect(self.fix_selected)
        self.table_button.toggled.connect(self.table.setVisible)
        self.baselines.row_activated.connect(self.select_element)
        self.baselines.message.connect(self.show_message)
        self.export_button.clicked.connect(self._export)
        self.view.gesture_finished.connect(self._gesture_finished)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.released.connect(self._show_inspector)
        self.inspector.edit_requested.connect(self.execute)
        self.inspector.fix_requested.connect(self.apply_fix)
        self.inspector.delete_requested.connect(self.delete_selected)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._table_row_changed)
        document.changed.connect(self._document_changed)
        document.plan_replaced.connect(self._plan_replaced)
        document.edit_refused.connect(self.show_message)
        self._plan_replaced()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()

    def _restyle(self, _font=None) -> None:
        theme = Theme(dark=_is_dark(self), text_scale=self._text_scale())
        self._toolbar_timer.start()  # once the buttons have their new size
        if theme != self.scene.theme:
            self.scene.set_theme(self.document.plan, theme)
            self._apply_check()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange_toolbars()

    def _arrange_toolbars(self) -> None:
        """One row of buttons when it fits, else the actions go to a second row."""
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        need = self.toolbar.sizeHint().width() + self.actions_bar.sizeHint().width()
        direction = QBoxLayout.Direction.LeftToRight if need <= room else QBoxLayout.Direction.TopToBottom
        if self.toolbar_row.direction() != direction:
            self.toolbar_row.setDirection(direction)

    def _text_scale(self) -> float:
        size = QApplication.font().pointSizeF()
        return round(size / self._base_point_size, 2) if size > 0 and self._base_point_size > 0 else 1.0

    def _button(self, text: str, checkable: bool = False, tip: str = "") -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(checkable)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # -- keeping current ----------------------------------------------------------------------
    def _plan_replaced(self) -> None:
        self.scene.rebuild(self.document.plan)
        self.table.model_.refresh()
        self.check = RoadmapCheck()
        self.recheck(schedule_now=True)
        self._selection_changed()

    def _document_changed(self, changes: ChangeSet) -> None:
        if not self.isVisible():
            self._stale = True  # edits made on other pages: catch up when shown, once
            return
        plan = self.document.plan
        if changes.touches("RoadmapItem", "Role", "UseCase", "PlanDetails"):
            self.scene.sync(plan)
            self.table.model_.refresh(changes)
        self.recheck()
        self._selection_changed()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.scene.sync(self.document.plan)
            self.table.model_.refresh()
            self.recheck(schedule_now=True)
            self._selection_changed()

    def recheck(self, schedule_now: bool = False) -> None:
        """Re-run the rules now; the scene touches only bars whose markers changed.

        The critical path, slack and phases come from the sequencer's graph analysis, which
        costs more: it runs once the event loop is idle, so a drag shows its findings at once.
        """
        previous = self.check
        self.check = check_findings(self.document.plan, self.document.findings.findings())
        self.check.critical, self.check.slack = previous.critical, previous.slack
        self.check.phases, self.check.phase_of = previous.phases, previous.phase_of
        if schedule_now:
            add_schedule(self.check, self.document.plan)
        else:
            self._schedule_timer.start()
        self._apply_check()

    def _reanalyse(self) -> None:
        add_schedule(self.check, self.document.plan)
        self._apply_check()
        item_id = self.selected_id()
        if item_id:
            self.inspector.schedule.setText(self.check.schedule_text(item_id))

    def _apply_check(self) -> None:
        c = self.check
        self.scene.apply_analysis(c.markers, c.critical, c.slack, c.phase_of, c.broken)

    # -- selection ----------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        selected = [i for i in self.scene.selectedItems() if hasattr(i, "item_id")]
        return selected[0].item_id if selected else None

    def _selection_changed(self) -> None:
        item_id = self.selected_id()
        findings = self.check.by_item.get(item_id, []) if item_id else []
        schedule = self.check.schedule_text(item_id) if item_id else ""
        trials = self._trials(findings)
        self.inspector.show_item(self.document.plan, item_id, findings, schedule, trials)
        self._show_inspector()
        self.fix_button.setEnabled(any(t.sound for t in trials.values()))
        row = self.table.model_.row_of(item_id) if item_id else -1
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def _show_inspector(self) -> None:
        """The inspector takes room only while an item is selected and the Inspector button is on.

        A press on a bar waits for the release, so the timeline does not narrow under a drag;
        when the panel opens, the selected bar is kept clear of it.
        """
        item_id = self.selected_id()
        wanted = self.inspector_button.isChecked() and item_id is not None and not self.view.pressing
        if wanted == self.inspector_panel.isVisible():
            return
        self.inspector_panel.setVisible(wanted)
        if wanted:
            self.splitter.refresh()  # lay out now, so the view has its new width to scroll in
            self.view.reveal_item(item_id)

    def _inspector_toggled(self, on: bool) -> None:
        self._show_inspector()
        if on and self.selected_id() is None:
            self.show_message("The inspector opens beside the timeline when you select an item.")

    def _table_row_changed(self, current, _previous) -> None:
        if current.isValid():
            item_id = self.table.model_.item_id(current.row())
            if item_id != self.selected_id():
                self.select_element(item_id)

    def select_element(self, element_id: str) -> bool:
        """Select a roadmap item and bring it into view (a finding was double-clicked)."""
        bar = self.scene.bars.get(element_id)
        if bar is None:
            return False
        self.scene.clearSelection()
        bar.setSelected(True)
        self.view.centre_on_item(element_id)  # after the inspector opened: it narrows the view
        return True

    # -- edits --------------------------------------------------------------------------------
    def execute(self, command: Command) -> bool:
        return self.document.execute(command)

    def _gesture_finished(self, outcome: Outcome) -> None:
        if outcome.message:
            self.show_message(outcome.message)
        if outcome.command is None:
            return
        if not self.execute(outcome.command):
            self.scene.set_mode(self.document.plan, self.scene.mode)  # put a refused preview back
        else:
            self.show_message(outcome.command.text)
            if self.selected_id():
                self.view.reveal_item(self.selected_id())  # a nudge can take the bar out of sight
            if outcome.select:
                self.select_element(outcome.select)
                self.inspector.title.setFocus()
                self.inspector.title.selectAll()

    def add_on_page(self) -> None:
        """Insert (Edit › Add to this page): a new item in the selected item's lane starting when
        it ends, or at the start of the first lane; selected, with its title ready to type."""
        layout = self.scene.layout
        if layout is None or not layout.lanes:
            return
        item = self.document.plan.item(self.selected_id())
        lane, start = layout.lanes[0], 0
        if item is not None:
            key = lane_key(item, self.scene.mode)
            lane = next((c for c in layout.lanes if c.key == key), lane)
            start = item.end_week
        self._gesture_finished(add_item(lane, start, NEW_ITEM_WEEKS))

    def delete_selected(self) -> None:
        item_id = self.selected_id()
        if item_id and self.document.plan.item(item_id) is not None:
            self.execute(remove_cascade(self.document.plan, item_id))

    def _trials(self, findings: list[Finding]) -> dict:
        """Each fix of ``findings`` tried on a copy of the plan, by rule code: one is offered only
        if it clears its finding without breaking another principle."""
        from omplanner.rules.fix_trial import try_fix

        plan, everything = self.document.plan, self.check.findings
        return {f.code: try_fix(plan, f, everything) for f in findings if f.fix is not None}

    def apply_fix(self, finding: Finding, trial=None) -> None:
        from ui.findings_panel import fix_report

        if finding.fix is None:
            return
        if trial is None:
            trial = self._trials([finding])[finding.code]
        if not trial.sound:
            self.show_message(f"{trial.refusal()} Auto-sequence moves every item at once.")
            return
        before = {i.id: (i.start_week, i.duration_weeks) for i in self.document.plan.roadmap}
        if self.execute(finding.fix.command):
            moved = self._moved_since(before)
            self.show_message(fix_report(finding, trial))
            self._flash(moved)
            shown = self.selected_id() or (moved[0] if moved else None)
            if shown is not None:
                self.view.reveal_item(shown)  # a fix can move the bar out of sight (or under the lane names)

    def fix_selected(self) -> None:
        """The selected item's best fix: one that leaves nothing found on the item if there is one."""
        item_id = self.selected_id()
        findings = self.check.by_item.get(item_id, []) if item_id else []
        trials = self._trials(findings)
        sound = [(f, trials[f.code]) for f in findings if f.code in trials and trials[f.code].sound]
        if not sound:
            if trials:
                self.show_message(
                    "No single fix clears this item without breaking another principle: try Auto-sequence."
                )
            return
        finding, trial = next((pair for pair in sound if not pair[1].still), sound[0])
        self.apply_fix(finding, trial)

    def auto_sequence(self) -> None:
        """Apply the sequencer's schedule as one undoable edit and say what moved and why."""
        from omplanner.sequencing import schedule_command, solve

        plan = self.document.plan
        schedule = solve(plan)
        command = schedule_command(plan, schedule, "Auto-sequence the roadmap")
        stuck = [plan.item(i).title for i in schedule.stuck if plan.item(i) is not None]
        left = (
            f" Left for you: {quoted(stuck)} {'is' if len(stuck) == 1 else 'are'} done or under way." if stuck else ""
        )
        if command is None:
            self.show_message(
                f"Auto-sequence: nothing to move.{left or ' The roadmap follows the sequencing principles.'}"
            )
            return
        if not self.execute(command):
            return
        self.show_message(auto_sequence_report(schedule.moves) + left)
        self._flash([m.item_id for m in schedule.moves])

    def _moved_since(self, before: dict[str, tuple[int, int]]) -> list[str]:
        return [
            i.id for i in self.document.plan.roadmap if before.get(i.id) not in (None, (i.start_week, i.duration_weeks))
        ]

    def _flash(self, ids: list[str]) -> None:
        self._end_flash()
        self._flashed = {i for i in ids if i in self.scene.bars}
        for item_id in self._flashed:
            self.scene.bars[item_id].set_flash(True)
        self._flash_timer.start()

    def _end_flash(self) -> None:
        for item_id in self._flashed:
            if item_id in self.scene.bars:
                self.scene.bars[item_id].set_flash(False)
        self._flashed = set()

    def show_message(self, text: str) -> None:
        self.status.setText(text)

    def _export(self) -> None:
        from .render import render_roadmap

        path, _filter = QFileDialog.getSaveFileName(
            self, "Export the roadmap", "roadmap.png", "PNG image (*.png);;SVG image (*.svg)"
        )
        if path:
            render_roadmap(self.document.plan, path, dark=False, mode=self.scene.mode)
            self.show_message(f"Saved the roadmap to {path}")
