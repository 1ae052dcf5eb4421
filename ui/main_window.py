"""The main window: a sidebar switching the pages of ``ui.pages``, the findings and history docks,
menus and a toolbar built from the action specs, the status bar, and presentation mode.

Pages are created on first use so that start-up builds only the page on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from omplanner import APP_NAME

from .actions import build_actions
from .comments_panel import CommentsPanel
from .document import Document
from .findings_panel import FindingsPanel
from .icons import app_icon, icon
from .menus import build_menus, build_toolbar
from .pages import PAGES, PageSpec
from .settings import settings
from .theme import Presentation, style_widget
from .widgets.framed import Framed
from .widgets.plain_text import plain_label, plain_tooltip

if TYPE_CHECKING:  # Qt builds a class's enums when a module imports it: only what start-up needs
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
STATUS_PADDING = 6
"""Pixels either side of each of the status bar's own labels."""
DEFAULT_SIZE = QSize(1366, 768)
SIDEBAR_ROW = 36
SIDEBAR_WIDTH = 176
ICON_SIDEBAR_WIDTH = 64
"""Presentation mode's sidebar shows only the pages' icons (names in tooltips): the room needs
the width for the page, and the facilitator knows the icons."""
FINDINGS_WIDTH = 340
FINDINGS_SHARE = 0.21
"""The findings panel's share of the window's width when room is short: 287 px of a 1366-pixel
laptop, so that a page's table keeps its columns in sight beside it."""
FINDINGS_NARROWEST = 260
RAIL_BELOW = 1300
"""A window narrower than this (a laptop's screen shared with another window, say) folds the
findings panel to its rail: beside the sidebar and a 260-pixel panel a page had under 860 px."""

ENTITY_PAGE = {
    "PlanDetails": "overview",
    "UseCase": "use_cases",
    "Score": "diagnostic",
    "ProcessMap": "processes",
    "Step": "processes",
    "Flow": "processes",
    "Decision": "decisions",
    "CapabilityRequirement": "capabilities",
    "Governance": "governance",
    "Threshold": "governance",
    "DataSource": "data",
    "Role": "roles",
    "RoadmapItem": "roadmap",
}
"""Which page shows an element of each kind (for double-clicked findings)."""
COMPONENT_PAGE = {
    "process": "processes",
    "decision_rights": "decisions",
    "capability": "capabilities",
    "governance": "governance",
    "data": "data",
}


class MainWindow(QMainWindow):
    def __init__(self, document: Document):
        super().__init__()
        self.document = document
        self._autosaver = None
        self._warnings: dict[str, str] = {}
        self.pending_path = None
        """The plan ``ui.app`` is opening at start, named in the title until it is read. Never
        the document's path before then: a save in that moment would write a blank plan over it."""
        self._pages: dict[str, QWidget] = {}
        self._frames: dict[str, PageFrame] = {}
        """Each page's frame, kept rather than found again: asking Qt for the page's parent (the
        frame's viewport, a widget no Python code made) has PySide6 try each widget class for its
        type, building the enums of some sixty classes (about 15 ms before the first plan shows)."""
        self.plan_pending = False
        """True while ``ui.app`` opens the start plan just after the first paint."""
        self.preview_title: str | None = None
        """The start plan's title, read from its file, while it opens (``show_preview``)."""
        self.starting = False
        """True while ``ui.app`` opens the start plan: a failure then leaves no plan of the user's open."""
        self._shown_once = False
        self._state_restored = False
        self._fit_findings_pending = False
        self.presentation = Presentation()
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)

        self._files = None
        self._exports = None
        self._workbook_import = None
        self._bpmn = None
        self._sharing = None
        self._baselines = None
        self._rules_view = None

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setToolTip("Pages of the plan (Ctrl+1 … Ctrl+0)")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        style_widget(self.sidebar, "sidebar")
        for index, spec in enumerate(PAGES):
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spec.title)  # the text goes in presentation mode
            item.setSizeHint(QSize(0, SIDEBAR_ROW))
            item.setToolTip(f"{spec.title} (Ctrl+{(index + 1) % 10})" if index < 10 else spec.title)
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Page")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.findings = FindingsPanel(document, self)
        self.findings.finding_activated.connect(self.show_finding)
        self.findings.counts_changed.connect(self._show_counts)
        self.findings.rules_requested.connect(self.show_rules)
        self.findings.fixed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings)
        self.comments = CommentsPanel(document, self)
        self.comments.element_activated.connect(self.show_element)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.comments)
        # a tab beside the findings: both keep the column's full height on a laptop
        self.tabifyDockWidget(self.findings, self.comments)
        self.comments.hide()
        self.history = QDockWidget("Edit history", self)
        self.history.setObjectName("history_dock")
        self.history.setAccessibleName("Edit history")
        self.history.visibilityChanged.connect(self._ensure_history_view)
        self.history.visibilityChanged.connect(self._history_shown_or_hidden)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history)
        self.history.hide()
        self.comments.visibilityChanged.connect(self._history_shown_or_hidden)

        self.action_map = build_actions(self)
        self.menus = build_menus(
            self,
            self.action_map,
            {
                "@recent": lambda menu: self.files.fill_recent_menu(menu),
                "@examples": lambda menu: self.files.fill_examples_menu(menu),
            },
        )
        self.toolbar = build_toolbar(self, self.action_map)
        self._wire_actions()

        self.file_label = plain_label()  # a path is the user's words too
        self.file_label.setAccessibleName("Plan file")
        self.warning_label = plain_label()  # may name the person who has the plan open
        self.warning_label.setAccessibleName("File warnings")
        bold = QFont()  # only the weight: the size still follows the application's (presentation mode)
        bold.setBold(True)
        self.warning_label.setFont(bold)
        self.warning_label.hide()
        self.statusBar().addPermanentWidget(self.warning_label)
        self.counts_label = plain_label()
        self.counts_label.setAccessibleName("Findings count")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.file_label)
        for label in (self.file_label, self.warning_label, self.counts_label):
            label.setContentsMargins(STATUS_PADDING, 0, STATUS_PADDING, 0)
        # bound methods, not lambdas: Qt drops these connections when the window is destroyed
        document.edit_refused.connect(self._edit_refused)

        self.sidebar.currentRowChanged.connect(self._row_changed)
        document.plan_replaced.connect(self.refresh_title)
        document.path_changed.connect(self.refresh_title)
        document.changed.connect(self.refresh_title)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        self.resize(DEFAULT_SIZE)
        self.refresh_title()
        if document.has_plan:
            self.sidebar.setCurrentRow(0)
        else:  # the app paints first and opens the plan just after: the page waits for it
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(0)
            self.sidebar.blockSignals(False)
            document.plan_replaced.connect(self._show_current_page)

    @property
    def autosaver(self):
        """Set by ``ui.app`` for the real app; windows built in tests may have none."""
        return self._autosaver

    @autosaver.setter
    def autosaver(self, saver) -> None:
        self._autosaver = saver
        if saver is not None:
            saver.problem_changed.connect(self._autosave_problem)

    @property
    def files(self):
        """The File menu's work (new, open, save, recent), built on first use."""
        if self._files is None:
            from .files import FileController

            self._files = FileController(self, self.document)
            self._files.status.connect(self.show_message)
            self._files.warning.connect(self.set_warning)
        return self._files

    def release_plan_file(self) -> None:
        """The app is closing: remove the lock beside the plan's file."""
        if self._files is not None:
            self._files.release_lock()

    @property
    def exports(self):
        """File › Export, built on first use (its worker and exporters are not on the start path)."""
        if self._exports is None:
            from .export_actions import ExportController

            self._exports = ExportController(self, self.document)
            self._exports.status.connect(self.show_message)
        return self._exports

    @property
    def workbook_import(self):
        """File › Import › Changes from a workbook…, built on first use."""
        if self._workbook_import is None:
            from .import_workbook import WorkbookImportController

            self._workbook_import = WorkbookImportController(self, self.document)
            self._workbook_import.status.connect(self.show_message)
        return self._workbook_import

    @property
    def bpmn(self):
        """File › Export/Import BPMN, built on first use (lxml is not on the start path)."""
        if self._bpmn is None:
            from .bpmn_dialogs import BpmnController

            self._bpmn = BpmnController(self, self.document)
            self._bpmn.status.connect(self.show_message)
        return self._bpmn

    @property
    def sharing(self):
        """File › Compare with… and Merge a colleague's copy…, built on first use."""
        if self._sharing is None:
            from .sharing_actions import SharingController

            self._sharing = SharingController(self, self.document)
            self._sharing.status.connect(self.show_message)
        return self._sharing

    @property
    def baselines(self):
        """Plan › Save baseline… and Manage baselines…, built on first use."""
        if self._baselines is None:
            from .baseline_actions import BaselineController

            self._baselines = BaselineController(self, self.document)
            self._baselines.status.connect(self.show_message)
        return self._baselines

    # -- pages --------------------------------------------------------------------------------

    def page(self, page_id: str) -> QWidget:
        """The page widget, created on first use."""
        if page_id not in self._pages:
            spec: PageSpec = next(p for p in PAGES if p.id == page_id)
            try:
                widget = spec.load()(self.document)
            except Exception as exc:  # a broken page must not take the workshop down with it
                widget = _broken_page(spec, exc)
            widget.setAccessibleName(spec.title)
            self._pages[page_id] = widget
            self._frames[page_id] = PageFrame(widget)
            self.stack.addWidget(self._frames[page_id])
        return self._pages[page_id]

    def show_page(self, page_id: str) -> QWidget:
        widget = self.page(page_id)
        self.stack.setCurrentWidget(self._frames[page_id])
        row = next(i for i, p in enumerate(PAGES) if p.id == page_id)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        return widget

    def current_page(self) -> QWidget | None:
        frame = self.stack.currentWidget()
        return frame.widget() if frame is not None else None

    def current_page_id(self) -> str | None:
        row = self.sidebar.currentRow()
        return PAGES[row].id if 0 <= row < len(PAGES) else None

    def add_on_page(self) -> None:
        """Insert: what the page's own Add button does, from anywhere on the page."""
        page = self.current_page()
        add = getattr(page, "add_on_page", None)  # a canvas page adds in its own way (the roadmap)
        if callable(add):
            add()
            return
        button = getattr(page, "add_button", None)
        if button is not None and button.isEnabled() and button.isVisibleTo(self):
            button.click()
        else:
            self.show_message("This page adds with its own tools: drag from the palette or use its buttons")

    def focus_pane(self, step: str) -> None:
        """F6 / Shift+F6: the keyboard moves to the next pane (pages list, page, findings,
        history), as in other desktop editors; the way out of a map or a table that keeps Tab."""
        panes = [self.sidebar, self.stack]
        panes += [dock for dock in (self.findings, self.history, self.comments) if dock.isVisible()]
        focused = QApplication.focusWidget()
        here = next((i for i, pane in enumerate(panes) if focused is not None and pane.isAncestorOf(focused)), -1)
        if here == -1 and self.findings.owns(focused):
            here = panes.index(self.findings)  # in the panel opened over the page
        if here == -1 and focused in panes:
            here = panes.index(focused)
        target = panes[(here + int(step)) % len(panes)]
        if target is self.findings and self.findings.rail_mode:
            self.findings.expand()  # the rail opens to take the keyboard
        else:
            _focus_into(target)

    def go_to(self, page_id: str) -> None:
        """A page's shortcut: the page, with the keyboard in its first field (a title, a grid)."""
        _focus_into(self.show_page(page_id))

    def _show_current_page(self) -> None:
        if self.stack.currentWidget() is None:
            self._row_changed(self.sidebar.currentRow())

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row].id)

    def show_finding(self, finding) -> bool:
        """Show the page of the finding's first element and select it there. True if a page took it.

        A finding about a whole use case (no governance owner, say) is shown on the page of its
        component when that page can select the use case, else on the use-case list."""
        places = self.document.places
        component_page = COMPONENT_PAGE.get(str(finding.component) if finding.component else "")
        known = {p.id for p in PAGES}
        for ref in finding.elements:
            place = places.place(ref.id)
            if place is None:
                continue
            kind = type(place.entity).__name__
            candidates = [component_page, ENTITY_PAGE[kind]] if kind == "UseCase" else [ENTITY_PAGE.get(kind)]
            for page_id in [c for c in candidates if c in known]:
                page = self.show_page(page_id)
                select = getattr(page, "select_element", None)
                if callable(select) and select(ref.id):
                    return True
            return False
        if component_page in known:
            self.show_page(component_page)
        return False

    def show_element(self, element_id: str) -> bool:
        """Show the page of an element and select it there (a comment's row was activated).
        True if a page took it; the status bar says so when none could."""
        place = self.document.places.place(element_id)
        if place is None:
            self.show_message("That element is no longer in the plan")
            return False
        kind = type(place.entity).__name__
        page_id = ENTITY_PAGE.get(kind)
        if page_id in {p.id for p in PAGES}:
            page = self.show_page(page_id)
            select = getattr(page, "select_element", None)
            if callable(select) and select(element_id):
                comments = getattr(page, "show_comments", None)  # a page that keeps them on a tab
                if callable(comments):
                    comments()
                return True
        self.show_message(f"The {place.entity.kind_label} is not shown on a page of its own")
        return False

    # -- actions ------------------------------------------------------------------------------

    def _wire_actions(self) -> None:
        stack = self.document.undo_stack
        undo, redo = self.action_map["edit.undo"], self.action_map["edit.redo"]
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.findings.visibilityChanged.connect(self.action_map["view.findings"].setChecked)
        self.history.visibilityChanged.connect(self.action_map["view.history"].setChecked)
        self.comments.visibilityChanged.connect(self.action_map["view.comments"].setChecked)
        self.action_map["view.findings"].setChecked(True)

    def _undo_text_changed(self, text: str) -> None:
        self.action_map["edit.undo"].setText(f"&Undo {text}" if text else "&Undo")

    def _redo_text_changed(self, text: str) -> None:
        self.action_map["edit.redo"].setText(f"&Redo {text}" if text else "&Redo")

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)  # from the argument: the stack may be going away

    def _edit_refused(self, text: str) -> None:
        self.show_message(f"Not changed: {text}", 8000)

    def toggle_findings(self, visible: bool) -> None:
        """View › Findings. On the rail it opens the panel over the page first; again, it hides it."""
        panel = self.findings
        if panel.rail_mode and not visible and panel.isVisible() and not panel.expanded:
            self.action_map["view.findings"].setChecked(True)
            panel.expand()
            return
        panel.collapse()
        panel.setVisible(visible)
        if visible and panel.rail_mode:
            panel.expand()
        elif visible:
            self.findings.raise_()
            self.findings.entries.setFocus()

    def _ensure_history_view(self, visible: bool = True) -> None:
        """The undo history list is built the first time its dock shows."""
        if visible and self.history.widget() is None:
            from PySide6.QtWidgets import QUndoView

            view = QUndoView(self.document.undo_stack)
            view.setEmptyLabel("Opened plan")
            view.setAccessibleName("Edits, oldest first; select one to go back to it")
            self.history.setWidget(Framed(view))

    def _history_shown_or_hidden(self, _visible: bool) -> None:
        if self.wants_rail() != self.findings.rail_mode:
            self.fit_findings()

    def toggle_history(self, visible: bool) -> None:
        self._ensure_history_view(visible)
        self.history.setVisible(visible)
        if visible:
            self.history.raise_()

    def toggle_comments(self, visible: bool) -> None:
        """View › Comments: the panel of every comment in the plan."""
        self.comments.setVisible(visible)
        if visible:
            self.comments.raise_()
            self.comments.entries.setFocus()

    def set_presentation(self, on: bool) -> None:
        """Full screen and larger type for a projector; F5 again restores the window as it was."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if on:
            self._before_presentation = self.saveGeometry()
            self.presentation.enter(app)
            self._icon_sidebar(True)
            self.showFullScreen()
            self.show_message("Presentation mode: press F5 to leave", 4000)
        else:
            self.presentation.leave(app)
            self._icon_sidebar(False)
            self.showNormal()
            geometry = getattr(self, "_before_presentation", None)
            if geometry is not None:
                self.restoreGeometry(geometry)
        self._fit_findings_pending = True  # full screen arrives with a later resize on a real screen
        self.fit_findings()
        from .widgets.style import rescale_page_fonts

        for page in self._pages.values():  # pages set their own (larger) type: it follows the app's
            rescale_page_fonts(page)
        self.action_map["view.presentation"].setChecked(on)
        self.action_map["view.fullscreen"].setChecked(on)

    def _icon_sidebar(self, on: bool) -> None:
        """Presentation mode's sidebar: larger icons alone; each page's name stays in its tooltip."""
        self.sidebar.setIconSize(QSize(28, 28) if on else QSize(20, 20))
        self.sidebar.setFixedWidth(ICON_SIDEBAR_WIDTH if on else SIDEBAR_WIDTH)
        for row, spec in enumerate(PAGES):
            self.sidebar.item(row).setText("" if on else spec.title)

    def wants_rail(self) -> bool:
        """The findings panel folds to its rail in presentation mode and when the window is short of
        room, unless the edit history or the comments share its column (a rail's width would leave
        them unreadable)."""
        history_beside = any(
            dock.isVisible()
            and not dock.isFloating()
            and self.dockWidgetArea(dock) == self.dockWidgetArea(self.findings)
            for dock in (self.history, self.comments)
        )
        short = self.presentation.active or self.width() < RAIL_BELOW
        return short and not self.findings.isFloating() and not history_beside

    def fit_findings(self) -> None:
        """Give the findings panel its share of the window: narrower when room is short, so the
        page beside it keeps its columns and buttons in sight; only its rail when shorter still."""
        self.findings.set_rail(self.wants_rail())
        if self.findings.isFloating():
            return
        if self.findings.rail_mode:
            self.resizeDocks([self.findings], [self.findings.rail_width()], Qt.Orientation.Horizontal)
            return
        width = FINDINGS_WIDTH if self.width() >= 1600 else round(self.width() * FINDINGS_SHARE)
        width = max(FINDINGS_NARROWEST, min(width, FINDINGS_WIDTH))
        self.resizeDocks([self.findings], [width], Qt.Orientation.Horizontal)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self._fit_findings_pending or self.wants_rail() != self.findings.rail_mode:
            self._fit_findings_pending = False
            self.fit_findings()
        if self.findings.expanded:
            QTimer.singleShot(0, self.findings.place_overlay)  # once the dock has its new place

    def set_full_screen(self, on: bool) -> None:
        if self.presentation.active and not on:
            self.set_presentation(False)
            return
        self.showFullScreen() if on else self.showNormal()

    def show_about(self) -> None:
        from .about import show_about

        show_about(self)

    def show_rules(self, code: str = "") -> None:
        """Plan › Rules…: the rules window beside the plan (not modal), on rule ``code`` if given."""
        if self._rules_view is None:
            from .rules_view import RulesView

            self._rules_view = RulesView(self.document, self)
            # Ctrl+Z and Ctrl+Shift+Z undo the plan's edits while the rules window has the focus
            self._rules_view.addActions([self.action_map["edit.undo"], self.action_map["edit.redo"]])
        if code:
            self._rules_view.select_rule(code)
        self._rules_view.show()
        self._rules_view.raise_()
        self._rules_view.activateWindow()

    def show_preferences(self) -> None:
        from PySide6.QtWidgets import QApplication

        from .preferences import PreferencesDialog
        from .theme import apply_theme

        dialog = PreferencesDialog(self)
        if dialog.exec():
            dialog.store()
            apply_theme(QApplication.instance())
            if self.autosaver is not None:
                self.autosaver.reload_interval()

    # -- status and title ---------------------------------------------------------------------

    def show_message(self, text: str, timeout: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout)

    def set_warning(self, key: str, text: str) -> None:
        """A warning that stays in the status bar until ``text`` is '' (autosave failing, plan open elsewhere)."""
        if text:
            self._warnings[key] = text
        else:
            self._warnings.pop(key, None)
        self.warning_label.setText(" · ".join(self._warnings.values()))
        self.warning_label.setToolTip(plain_tooltip("\n".join(self._warnings.values())))  # all of it, if cut
        self.warning_label.setVisible(bool(self._warnings))

    def _autosave_problem(self, text: str) -> None:
        self.set_warning("autosave", text)

    def _show_counts(self, errors: int, warnings: int, infos: int) -> None:
        if not errors + warnings + infos:
            from omplanner.rules.gaps import plan_gaps

            self.counts_label.setText("No findings yet" if plan_gaps(self.document.plan) else "No findings")
        else:
            from omplanner.model import Severity
            from omplanner.vocabulary import SEVERITY_ORDER, count_words

            counts = {Severity.ERROR: errors, Severity.WARNING: warnings, Severity.INFO: infos}
            self.counts_label.setText(" · ".join(count_words(s, counts[s]) for s in SEVERITY_ORDER if counts[s]))

    def show_preview(self, preview) -> None:
        """Show the start plan's details while it opens (``ui.app``, ``omplanner.fileio.preview``):
        its title in the window's, its details on the overview, read-only until it is open."""
        self.preview_title = preview.title
        self.refresh_title()
        page = self.show_page("overview")
        page.show_preview(preview)

    def refresh_title(self, *_args) -> None:
        if not self.document.has_plan:
            pending = self.pending_path
            title = self.preview_title if pending else None
            self.setWindowTitle(f"{title} ({pending.name})[*] — {APP_NAME}" if title else f"{APP_NAME}[*]")
            self.file_label.setText(f"Opening {pending.name}…" if pending else "")
            return
        self.preview_title = None
        path = self.document.path
        name = f" ({path.name})" if path else ""
        self.setWindowTitle(f"{self.document.plan.details.title}{name}[*] — {APP_NAME}")
        self.file_label.setText(str(path) if path else "Not saved to a file yet")

    # -- window state, drops, closing ---------------------------------------------------------

    def restore_layout(self) -> None:
        from PySide6.QtCore import QByteArray
        from PySide6.QtGui import QGuiApplication

        store = settings()
        geometry = store.value(GEOMETRY_KEY, QByteArray(), type=QByteArray)
        state = store.value(STATE_KEY, QByteArray(), type=QByteArray)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                available = screen.availableGeometry().size()
                self.resize(DEFAULT_SIZE.boundedTo(available))
        if not state.isEmpty():
            self._state_restored = self.restoreState(state)

    def save_layout(self) -> None:
        store = settings()
        store.setValue(GEOMETRY_KEY, self.saveGeometry())
        store.setValue(STATE_KEY, self.saveState())
        store.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._state_restored:  # docks get their width only once the window is laid out
                self.fit_findings()
        if self.plan_pending:
            return  # the app opens the plan after the first paint; plan_replaced shows the page
        if self.stack.currentWidget() is None:
            QTimer.singleShot(0, self._show_current_page)
        if not self.findings.checked_once:
            QTimer.singleShot(0, self.findings.refresh)  # after the first paint: rules are not on the start path

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from .files import plan_paths_from_mime

        if plan_paths_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from .files import plan_paths_from_mime

        paths = plan_paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.files.open_path(paths[0]))  # no modal dialog inside the drop

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.presentation.active:
            self.set_presentation(False)
        self.save_layout()
        if self.autosaver is not None:
            self.autosaver.close()
        self.release_plan_file()
        event.accept()


class PageFrame(QScrollArea):
    """The page in a frame that scrolls when the window is smaller than the page needs: in
    presentation mode's larger type a page could need more than a 1366-pixel screen beside the
    sidebar and the findings panel, and it pushed the window wider than the screen.

    The frame sizes the page itself, to the viewport or the page's minimum, whichever is larger:
    QScrollArea's own resizing asks a page with wrapped labels for its height at the width given,
    which is the preferred height of everything in it, and scrolled pages that fit."""

    def __init__(self, page: QWidget):
        super().__init__()
        self.setWidgetResizable(False)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(page.accessibleName())
        self.setWidget(page)
        page.installEventFilter(self)

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        need = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.contentsRect().size()  # the viewport with no scroll bar (maximumViewportSize counts forced ones)
        wide, tall = need.width() > room.width(), need.height() > room.height()
        # a scroll bar in one direction takes room from the other
        if wide and not tall:
            tall = need.height() > room.height() - self.horizontalScrollBar().sizeHint().height()
        if tall and not wide:
            wide = need.width() > room.width() - self.verticalScrollBar().sizeHint().width()
        width = max(need.width(), room.width() - (self.verticalScrollBar().sizeHint().width() if tall else 0))
        height = max(need.height(), room.height() - (self.horizontalScrollBar().sizeHint().height() if wide else 0))
        # The bars are decided here, not left "as needed": a bar shown while the page was being
        # sized took its room from the viewport, and the page then never fitted again.
        on, off = Qt.ScrollBarPolicy.ScrollBarAlwaysOn, Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if self.horizontalScrollBarPolicy() != (on if wide else off):
            self.setHorizontalScrollBarPolicy(on if wide else off)
        if self.verticalScrollBarPolicy() != (on if tall else off):
            self.setVerticalScrollBarPolicy(on if tall else off)
        page.resize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()  # its minimum changed (a font change, a panel shown)
        return False

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.widget().sizeHint() if self.widget() is not None else super().sizeHint()


def _broken_page(spec: PageSpec, exc: Exception) -> QWidget:
    widget = QWidget()
    label = plain_label(f"The {spec.title} page could not be opened:\n{type(exc).__name__}: {exc}")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    QVBoxLayout(widget).addWidget(label)
    return widget


def _focus_into(container: QWidget) -> None:
    """Give the keyboard to the first widget in ``container`` that takes Tab focus."""
    if container.focusPolicy() & Qt.FocusPolicy.TabFocus:
        container.setFocus(Qt.FocusReason.TabFocusReason)
        return
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if (
            container.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()
