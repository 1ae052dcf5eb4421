"""The findings panel: what the rules say about the plan, kept current as the plan changes.

The check runs on a short timer after each change (several quick edits cost one check) and the
first check waits until the window has painted, so that the rules are not imported at start-up.
Double-clicking a finding asks the window to show its first element; "Fix" applies the
finding's proposed repair as one undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .document import Document
from .icons import icon
from .widgets.plain_text import plain_tooltip
from .widgets.wrapped_list import WrappedTextDelegate

DEBOUNCE_MS = 250
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITIES = [("Errors", "error"), ("Warnings", "warning"), ("Information", "info")]
"""The core's Severity values; the component filter is filled from the core's Component on the
first check, so that building the panel imports no core module (start-up)."""
ALL = ""


class FindingsPanel(QDockWidget):
    finding_activated = Signal(object)
    """The user asked to see a Finding's element (double-click or Enter)."""
    counts_changed = Signal(int, int, int)
    """Errors, warnings, infos in the whole plan (not only the filtered list)."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__("Findings", parent)
        self.setObjectName("findings_dock")
        self.setAccessibleName("Findings")
        self.document = document
        self.findings: list = []
        self.checked_once = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        filters = QGridLayout()
        filters.setSpacing(4)
        self.severity_filter = self._combo("Filter by severity", [("All severities", ALL), *SEVERITIES])
        self.use_case_filter = self._combo("Filter by use case", [("All use cases", ALL)])
        self.component_filter = self._combo("Filter by component", [("All components", ALL)])
        filters.addWidget(self.severity_filter, 0, 0)
        filters.addWidget(self.component_filter, 0, 1)
        filters.addWidget(self.use_case_filter, 1, 0, 1, 2)  # use-case names are the long ones
        for combo in (self.severity_filter, self.use_case_filter, self.component_filter):
            combo.currentIndexChanged.connect(self._populate)
        layout.addLayout(filters)

        # A list view lays out wrapped text by the viewport's width (a tree view would elide it)
        self.entries = QListWidget()
        self.entries.setAccessibleName("Findings list")
        self.entries.setWordWrap(True)
        self.entries.setResizeMode(QListView.ResizeMode.Adjust)
        self.entries.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.entries.setAlternatingRowColors(True)
        self.entries.setSpacing(1)
        self.entries.setIconSize(QSize(16, 16))
        self.entries.setItemDelegate(WrappedTextDelegate(self.entries))
        self.entries.itemActivated.connect(self._activate)
        self.entries.currentItemChanged.connect(self._show_detail)
        layout.addWidget(self.entries, 1)

        self.detail = QLabel()
        self.detail.setObjectName("findings_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.summary = QLabel("Checking…")
        self.summary.setAccessibleName("Findings summary")
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(80)
        buttons.addWidget(self.summary, 1)
        self.show_button = QPushButton("&Show")
        self.show_button.setToolTip("Show the element this finding is about (or double-click the finding)")
        self.show_button.clicked.connect(lambda: self._activate(self.entries.currentItem()))
        self.fix_button = QPushButton(icon("fix"), "F&ix")
        self.fix_button.setAccessibleName("Apply the proposed fix")
        self.fix_button.clicked.connect(self.apply_fix)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.fix_button)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._show_detail(None)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        # bound methods, not lambdas: Qt drops the connection when the panel is destroyed
        document.changed.connect(self._on_changed)
        document.plan_replaced.connect(self._on_plan_replaced)

    def _combo(self, name: str, entries: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)  # long use-case names must not widen the dock
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        for text, value in entries:
            combo.addItem(text, value)
        return combo

    def _on_changed(self, _changes) -> None:
        self.schedule()

    def _on_plan_replaced(self) -> None:
        self.schedule(0)

    def schedule(self, delay: int = DEBOUNCE_MS) -> None:
        self.timer.start(delay)

    def refresh(self) -> None:
        """Run the rules now (the rules module is imported here, on first use)."""
        self.timer.stop()
        self.findings = sorted(
            self.document.findings.findings(), key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.code)
        )
        if not self.checked_once:
            from omplanner.model import Component

            for component in Component:
                self.component_filter.addItem(component.label, component.value)
        self.checked_once = True
        self._refresh_use_cases()
        self._populate()
        counts = [sum(1 for f in self.findings if f.severity == s) for _label, s in SEVERITIES]
        self.counts_changed.emit(*counts)

    def _refresh_use_cases(self) -> None:
        combo = self.use_case_filter
        current = combo.currentData()
        wanted = [("All use cases", ALL)] + [(uc.name, uc.id) for uc in self.document.plan.use_cases]
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == wanted:
            return
        combo.blockSignals(True)
        combo.clear()
        for text, value in wanted:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def visible_findings(self) -> list:
        severity = self.severity_filter.currentData()
        use_case = self.use_case_filter.currentData()
        component = self.component_filter.currentData()
        return [
            f
            for f in self.findings
            if (not severity or f.severity == severity)
            and (not use_case or f.use_case_id == use_case)
            and (not component or (f.component is not None and f.component == component))
        ]

    def _populate(self, *_args) -> None:
        previous = self.current_finding()
        key = (previous.code, previous.element_ids) if previous else None
        self.entries.clear()
        shown = self.visible_findings()
        restore = None
        for finding in shown:
            first = finding.elements[0].name if finding.elements else ""
            item = QListWidgetItem(f"{finding.title} · {first}" if first else finding.title)
            item.setIcon(icon(str(finding.severity)))
            item.setData(Qt.ItemDataRole.UserRole, finding)
            severity = getattr(finding.severity, "label", str(finding.severity))
            tip = f"{severity}: {finding.message}"
            if finding.fix:
                tip += f"\nFix: {finding.fix.description}"
            item.setToolTip(plain_tooltip(tip))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{severity}: {finding.title}")
            self.entries.addItem(item)
            if key == (finding.code, finding.element_ids):
                restore = item
        if restore is not None:
            self.entries.setCurrentItem(restore)
        self._show_detail(self.entries.currentItem())
        total = len(self.findings)
        if not total and not self.document.plan.use_cases:
            # an empty plan passes every rule, which is no praise: say what the panel is for
            self.summary.setText("No findings yet: they appear as the plan fills in")
        elif not total:
            self.summary.setText("No findings: the plan passes every rule")
        elif len(shown) == total:
            self.summary.setText(f"{total} finding{'s' if total != 1 else ''}")
        else:
            self.summary.setText(f"{len(shown)} of {total} findings shown")

    def current_finding(self):
        item = self.entries.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_detail(self, item, _previous=None) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole) if item else None
        text = ""
        if finding:
            text = finding.message
            if finding.elements:
                names = ", ".join(e.name or e.id for e in finding.elements[:4])
                more = f" and {len(finding.elements) - 4} more" if len(finding.elements) > 4 else ""
                text += f"\nConcerns: {names}{more}"
        self.detail.setText(text)
        self.detail.setVisible(bool(finding))
        self.show_button.setEnabled(bool(finding and finding.elements))
        has_fix = bool(finding and finding.fix)
        self.fix_button.setEnabled(has_fix)
        self.fix_button.setToolTip(
            plain_tooltip(finding.fix.description) if has_fix else "This finding has no automatic fix"
        )

    def _activate(self, item) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole) if item else None
        if finding is not None:
            self.finding_activated.emit(finding)

    def apply_fix(self) -> bool:
        """Apply the selected finding's fix as one undoable edit, then check again at once."""
        finding = self.current_finding()
        if finding is None or finding.fix is None:
            return False
        self.fix_button.setEnabled(False)
        done = self.document.execute(finding.fix.command)
        self.refresh()
        return done
