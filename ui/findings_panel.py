"""The findings panel: what the rules say about the plan, kept current as the plan changes.

The check runs on a short timer after each change (several quick edits cost one check) and the
first check waits until the window has painted, so that the rules are not imported at start-up.
Double-clicking a finding asks the window to show its first element; "Fix" applies the
finding's proposed repair as one undoable command. "Rules…" opens the rules window on the
selected finding's rule, and a line under the list says how many rules this plan applies
differently (a rule switched off raises no finding: the panel must not look cleaner than it is).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .document import Document
from .findings_rail import FindingsOverlay, FindingsRail, focus_left, overlay_width
from .icons import icon
from .widgets.framed import Framed
from .widgets.plain_text import plain_tooltip
from .widgets.wrapped_list import WrappedList, WrappedTextDelegate

_RowWords = tuple[str, str, str, str]
"""What a row of the findings list shows: its text, severity (the icon), tooltip, accessible text."""


def _row_words(finding) -> _RowWords:
    first = finding.elements[0].name if finding.elements else ""
    severity = getattr(finding.severity, "label", str(finding.severity))
    tip = f"{severity}: {finding.message}"
    if finding.fix:
        tip += f"\nFix: {finding.fix.description}"
    return (
        f"{finding.title} · {first}" if first else finding.title,
        str(finding.severity),
        plain_tooltip(tip),
        f"{severity}: {finding.title}",
    )


def _opcodes(old: list, new: list) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher.get_opcodes`` of the two lists of rows, with the rows both start and end
    with taken as equal first: an edit changes a few rows of several hundred, and the matcher's
    index of the whole new list cost more than the rest of the list's update."""
    size = min(len(old), len(new))
    head = 0
    while head < size and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < size - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    from difflib import SequenceMatcher  # at the first redraw, not before the window's first paint

    middle = SequenceMatcher(None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False)
    opcodes = [("equal", 0, head, 0, head)] if head else []
    opcodes += [(tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in middle.get_opcodes()]
    if tail:
        opcodes.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return opcodes


def _key(finding) -> tuple:
    return (finding.code, finding.element_ids)


def _finding_item(finding, words: _RowWords) -> QListWidgetItem:
    text, severity, tooltip, accessible = words
    item = QListWidgetItem(text)
    item.setIcon(icon(severity))
    item.setData(Qt.ItemDataRole.UserRole, finding)
    item.setToolTip(tooltip)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)
    return item


DEBOUNCE_MS = 250
SEVERITIES = [("Errors", "error"), ("Warnings", "warning"), ("Info", "info")]
"""The vocabulary's headings (``SEVERITY[...].plural``, held equal by a test) and the core's
Severity values; the component filter is filled from the core's Component on the
first check, so that building the panel imports no core module (start-up)."""
ALL = ""


class FindingsPanel(QDockWidget):
    finding_activated = Signal(object)
    """The user asked to see a Finding's element (double-click or Enter)."""
    counts_changed = Signal(int, int, int)
    """Errors, warnings, infos in the whole plan (not only the filtered list)."""
    rules_requested = Signal(str)
    """The user asked for the rules window, on this rule code ("" for none in particular)."""
    fixed = Signal(str)
    """What a fix did and what is still found there, for the status bar."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__("Findings", parent)
        self.setObjectName("findings_dock")
        self.setAccessibleName("Findings")
        self.document = document
        self.findings: list = []
        self._trial_of: list | None = None  # the check, finding and trial of the last fix tried
        self._trial_key: tuple = ()
        self._trial_result = None
        self.checked_once = False

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        filters = QGridLayout()
        filters.setSpacing(4)
        self.severity_filter = self._combo("Filter by severity", [("All severities", ALL), *SEVERITIES])
        self.use_case_filter = self._combo("Filter by use case", [("All use cases", ALL)])
        self.component_filter = self._combo("Filter by component", [("All components", ALL)])
        self.filters = filters
        self._stacked_filters: bool | None = None
        self._place_filters(stacked=False)
        for combo in (self.severity_filter, self.use_case_filter, self.component_filter):
            combo.currentIndexChanged.connect(self._populate)
            combo.currentIndexChanged.connect(self._fit_filters)
        layout.addLayout(filters)

        # A list view lays out wrapped text by the viewport's width (a tree view would elide it)
        self.entries = WrappedList()
        self.entries.setAccessibleName("Findings list")
        self.entries.setWordWrap(True)
        self.entries.setResizeMode(QListView.ResizeMode.Adjust)
        self.entries.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.entries.setAlternatingRowColors(True)
        self.entries.setSpacing(1)
        self.entries.setIconSize(QSize(16, 16))
        self.entries.setItemDelegate(WrappedTextDelegate(self.entries))
        self._row_words: list[_RowWords] = []
        self.entries.itemActivated.connect(self._activate)
        self.entries.currentItemChanged.connect(self._show_detail)
        layout.addWidget(Framed(self.entries), 1)

        self.detail = QLabel()
        self.detail.setObjectName("findings_detail")
        self.detail.setContentsMargins(2, 4, 2, 4)
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
        rules_row = QHBoxLayout()
        self.settings_note = QLabel()
        self.settings_note.setObjectName("rule_settings_note")
        self.settings_note.setAccessibleName("Rules this plan applies differently")
        self.settings_note.setWordWrap(True)
        self.settings_note.setTextFormat(Qt.TextFormat.RichText)  # our own words only, as a link
        self.settings_note.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.settings_note.linkActivated.connect(lambda _link: self.rules_requested.emit(self._first_set_rule()))
        self.settings_note.setMinimumWidth(80)
        rules_row.addWidget(self.settings_note, 1)
        self.rules_button = QPushButton("&Rules…")
        self.rules_button.setToolTip(
            "The rules that check the plan: switch one off for this plan, or change how much it counts"
        )
        self.rules_button.clicked.connect(self._ask_for_rules)
        rules_row.addWidget(self.rules_button)
        layout.addLayout(rules_row)
        self.body = body
        # when room is short the dock holds only the rail; the body then opens over the page
        self.rail = FindingsRail()
        self.rail.hide()
        self.rail.expand_requested.connect(self.expand)
        self.counts_changed.connect(self.rail.set_counts)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(body)
        holder_layout.addWidget(self.rail)
        self.setWidget(holder)
        self.rail_mode = False
        self.overlay: FindingsOverlay | None = None
        self.finding_activated.connect(lambda _finding: self.collapse())  # the page shows what was asked for
        self._show_detail(None)

        self._shown: list | None = None
        """The core's list of findings on screen: an identical list needs no redraw."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        # bound methods, not lambdas: Qt drops the connection when the panel is destroyed
        document.changed.connect(self._on_changed)
        document.plan_replaced.connect(self._on_plan_replaced)

    # -- the rail ---------------------------------------------------------------------------------
    def set_rail(self, on: bool) -> None:
        """Fold the panel to its rail of counts (the window is short of room), or unfold it."""
        if on == self.rail_mode:
            return
        self.collapse()
        self.rail_mode = on
        self.body.setVisible(not on)
        self.rail.setVisible(on)
        self.setTitleBarWidget(QWidget() if on else None)  # a title and two buttons do not fit a rail

    @property
    def expanded(self) -> bool:
        return self.overlay is not None and self.overlay.isVisible()

    def rail_width(self) -> int:
        return self.rail.sizeHint().width()

    def expand(self) -> None:
        """Open the whole panel over the page, the keyboard in the list (on the rail only)."""
        if not self.rail_mode or not self.isVisible():
            return
        if self.overlay is None:
            self.overlay = FindingsOverlay(self.parentWidget())
            self.overlay.collapse_requested.connect(lambda: self.collapse(keep_focus=True))
        if not self.expanded:
            self.overlay.layout().addWidget(self.body)
            self.body.show()
            self.place_overlay()
            self.overlay.show()
            self.overlay.raise_()
            QApplication.instance().focusChanged.connect(self._focus_changed)
        self.entries.setFocus(Qt.FocusReason.OtherFocusReason)

    def collapse(self, keep_focus: bool = False) -> None:
        """Fold the open overlay back into the rail; with ``keep_focus`` the keyboard goes to the rail."""
        if not self.expanded:
            return
        QApplication.instance().focusChanged.disconnect(self._focus_changed)
        had_focus = self.overlay.owns(QApplication.focusWidget())
        self.overlay.hide()
        self.body.hide()
        self.widget().layout().insertWidget(0, self.body)
        if keep_focus and had_focus:
            self.rail.badges["error"].setFocus(Qt.FocusReason.OtherFocusReason)

    def place_overlay(self) -> None:
        """Beside the rail, as tall as the dock, over the right of the page."""
        if self.overlay is None:
            return
        window = self.parentWidget()
        dock = self.geometry()
        width = overlay_width(window.width())
        if dock.center().x() < window.width() / 2:  # docked on the left: open to the right of it
            left = dock.right() + 1
            width = min(width, max(1, window.width() - left))
        else:
            width = min(width, max(1, dock.left()))
            left = dock.left() - width
        self.overlay.setGeometry(left, dock.top(), width, dock.height())
        self.overlay.layout().activate()
        self._fit_filters()

    def owns(self, widget: QWidget | None) -> bool:
        """True for a widget in the panel: in the dock, or in its open overlay."""
        if widget is None:
            return False
        return widget is self or self.isAncestorOf(widget) or (self.overlay is not None and self.overlay.owns(widget))

    def _focus_changed(self, _old, now) -> None:
        if self.expanded and focus_left(self.overlay, now) and not self.isAncestorOf(now):
            self.collapse()

    def _place_filters(self, stacked: bool) -> None:
        """Severity and component side by side, or (in a narrow panel, or presentation type) one
        above the other, so that neither filter shows a cut "All componen"."""
        if stacked == self._stacked_filters:
            return
        self._stacked_filters = stacked
        for combo in (self.severity_filter, self.component_filter, self.use_case_filter):
            self.filters.removeWidget(combo)
        self.filters.addWidget(self.severity_filter, 0, 0, 1, 1 if not stacked else 2)
        self.filters.addWidget(self.component_filter, *((0, 1, 1, 1) if not stacked else (1, 0, 1, 2)))
        self.filters.addWidget(self.use_case_filter, 2 if stacked else 1, 0, 1, 2)  # use-case names are the long ones

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_filters()

    def _fit_filters(self, *_args) -> None:
        need = sum(self._full_width(c) for c in (self.severity_filter, self.component_filter))
        room = self.body.contentsRect().width() - 12 - self.filters.horizontalSpacing()
        self._place_filters(stacked=need > room)

    @staticmethod
    def _full_width(combo: QComboBox) -> int:
        """The width that shows ``combo``'s choice, and its "All …", whole."""
        metrics = combo.fontMetrics()
        return max(metrics.horizontalAdvance(combo.itemText(0)), metrics.horizontalAdvance(combo.currentText())) + 40

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
        found = self.document.findings.findings()
        if found is self._shown and self.checked_once:
            return  # the edit changed nothing the rules read: the list on screen is current
        self._shown = found
        from omplanner.vocabulary import severity_rank  # with the findings: the model is loaded by now

        self.findings = sorted(found, key=lambda f: (severity_rank(f.severity), f.code))
        if not self.checked_once:
            from omplanner.model import Component

            for component in Component:
                self.component_filter.addItem(component.label, component.value)
        self.checked_once = True
        self._refresh_settings_note()
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
        """Show the findings that pass the filters. The list keeps the rows whose words did not
        change and only takes out and puts in the others (a re-check after an edit changes a
        few of several hundred; clearing and filling the list again made Qt lay out and measure
        every row's wrapped text). Each row holds the newest finding (its fix is of this check)."""
        previous = self.current_finding()
        key = (previous.code, previous.element_ids) if previous else None
        shown = self.visible_findings()
        rows = [_row_words(finding) for finding in shown]
        entries = self.entries
        if entries.count() != len(self._row_words):
            entries.clear()  # the list was changed around this method: fill it afresh
            self._row_words = []
        entries.blockSignals(True)  # the row shown below the list is set once, at the end
        try:
            for tag, i1, i2, j1, j2 in reversed(
                _opcodes(self._row_words, rows)
            ):  # from the end: rows above keep their place
                if tag == "equal":
                    for k in range(i2 - i1):
                        item = entries.item(i1 + k)
                        if item.data(Qt.ItemDataRole.UserRole) is not shown[j1 + k]:
                            item.setData(Qt.ItemDataRole.UserRole, shown[j1 + k])
                    continue
                for row in range(i2 - 1, i1 - 1, -1):
                    entries.takeItem(row)
                for n, j in enumerate(range(j1, j2)):
                    entries.insertItem(i1 + n, _finding_item(shown[j], rows[j]))
            self._row_words = rows
            # As a list filled afresh: the row of the finding that was current (the last of
            # equal ones), or none.
            restore = None
            if key is not None:
                restore = next((r for r in range(len(shown) - 1, -1, -1) if key == _key(shown[r])), None)
            if restore is None:
                entries.setCurrentRow(-1)
            elif entries.currentRow() != restore:
                entries.setCurrentRow(restore)
        finally:
            entries.blockSignals(False)
        self._show_detail(self.entries.currentItem())
        total = len(self.findings)
        if not total:
            # a plan with nothing to judge passes every rule, which is no praise: say what is missing
            from omplanner.rules.gaps import no_findings_text

            self.summary.setText(no_findings_text(self.document.plan))
        elif len(shown) == total:
            self.summary.setText(f"{total} finding{'s' if total != 1 else ''}")
        else:
            self.summary.setText(f"{len(shown)} of {total} findings shown")

    def _refresh_settings_note(self) -> None:
        text = settings_summary(self.document.plan.rule_settings)
        self.settings_note.setText(f'<a href="rules">{text}</a>' if text else "")
        self.settings_note.setToolTip("Open the rules window" if text else "")
        self.settings_note.setVisible(bool(text))

    def _first_set_rule(self) -> str:
        settings = self.document.plan.rule_settings
        off = [code for code, setting in settings.items() if setting.severity == "off"]
        return min(off or settings, default="")

    def _ask_for_rules(self) -> None:
        finding = self.current_finding()
        self.rules_requested.emit(finding.code if finding is not None else "")

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
        trial = self._trial(finding)
        self.fix_button.setEnabled(bool(trial and trial.sound))
        if trial is None:
            tip = "This finding has no automatic fix"
        else:
            tip = finding.fix.description if trial.sound else f"{finding.fix.description}\n{trial.refusal()}"
        self.fix_button.setToolTip(plain_tooltip(tip))

    def _trial(self, finding):
        """The fix tried on a copy of the plan (see omplanner.rules.fix_trial), once per check."""
        if finding is None or finding.fix is None:
            return None
        from omplanner.rules.fix_trial import try_fix

        key = (finding.code, finding.element_ids)
        if self._trial_of is not self.findings or self._trial_key != key:  # a new check, or another finding
            self._trial_of, self._trial_key = self.findings, key
            self._trial_result = try_fix(self.document.plan, finding, self.findings)
        return self._trial_result

    def _activate(self, item) -> None:
        finding = item.data(Qt.ItemDataRole.UserRole) if item else None
        if finding is not None:
            self.finding_activated.emit(finding)

    def apply_fix(self) -> bool:
        """Apply the selected finding's fix as one undoable edit, then check again at once."""
        finding = self.current_finding()
        if finding is None or finding.fix is None:
            return False
        trial = self._trial(finding)
        if trial is None or not trial.sound:
            return False
        self.fix_button.setEnabled(False)
        done = self.document.execute(finding.fix.command)
        self.refresh()
        if done:
            self.fixed.emit(fix_report(finding, trial))
        return done


def fix_report(finding, trial) -> str:
    """What a fix did, and what is still found where it was applied."""
    text = f"Fixed: {finding.fix.description}."
    if trial.still:
        left = "; ".join(dict.fromkeys(f.title for f in trial.still))
        text += f" Still to look at there: {left}."
    return text


def settings_summary(settings: dict) -> str:
    """'2 rules switched off and 1 at another severity for this plan', or '' when there are none."""
    off = sum(1 for setting in settings.values() if setting.severity == "off")
    other = len(settings) - off

    def rules(n: int) -> str:
        return f"{n} rule{'s' if n != 1 else ''}"

    if off and other:
        return f"{rules(off)} switched off and {other} at another severity for this plan"
    if off:
        return f"{rules(off)} switched off for this plan"
    if other:
        return f"{rules(other)} at another severity for this plan"
    return ""
