"""Plan › Rules…: the rules that check the plan, and how this plan applies each one.

A window beside the plan (not modal: the findings panel stays in reach). It lists every rule
by family with the rule's own severity and this plan's; the selected rule's explanation says
why the rule exists. The facilitator can give a rule another severity or switch it off for this
plan, and say why: each change is a ``SetRuleSetting`` run through the document, so Ctrl+Z
undoes it (a run of typing in the reason is one step) and the findings panel checks again.
The reason is the facilitator's text and is shown as plain text everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from omplanner.model import Severity
from omplanner.vocabulary import SEVERITY

from .document import Document
from .icons import icon
from .widgets.style import is_dark, text_colour

if TYPE_CHECKING:
    from omplanner.rules import RuleInfo

CODE, TITLE, OWN, IN_PLAN, WHY = range(5)
HEADERS = ["Rule", "Title", "Rule's own", "This plan", "Why"]
AS_THE_RULE_SAYS = None
"""The severity choice meaning "no setting": the rule applies as the catalogue says."""
REASON_MERGE = "rule-reason:"

PLACEHOLDER_NONE = "Choose another severity or Off above to say why this plan differs."
PLACEHOLDER_SET = "Why does this plan apply the rule differently? The check and the exports print it."
PLACEHOLDER_OFF = "Why is this rule off for this plan? The board pack prints the reason beside the rule."
NUDGE_OFF = "Switched off without a reason: readers of the board pack will ask why."
"""The caution amber, darkened to read as text on the light window."""


class ReasonEdit(QPlainTextEdit):
    """The reason box. Ctrl+Z and Ctrl+Shift+Z undo the plan's edits (the reason was saved as it
    was typed, one undo step per run) rather than a private undo of the box's own."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()  # left to the window's Undo and Redo actions
            return False
        return super().event(event)


class RulesView(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None):
        from omplanner.model import RuleSeverity
        from omplanner.rules import catalogue

        super().__init__(parent)
        self.document = document
        self.severities = RuleSeverity
        self.infos: dict[str, RuleInfo] = {info.code: info for info in catalogue()}
        self.items: dict[str, QTreeWidgetItem] = {}
        self.setWindowTitle("Rules")
        self.setObjectName("rules_view")
        self.setAccessibleName("Rules")
        self.setModal(False)
        self.resize(1180, 660)

        layout = QVBoxLayout(self)
        intro = QLabel(
            "The rules that check this plan. A rule can count for more or less in this plan, or be "
            "switched off; say why, and the check and the exports print the reason beside the rule."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Rules, grouped by family")
        self.tree.setHeaderLabels(HEADERS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (CODE, OWN, IN_PLAN):  # sized to their (bold) text as the settings change
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        self._fill_tree()
        self.tree.currentItemChanged.connect(self._show_selected)
        splitter.addWidget(self.tree)
        splitter.addWidget(self._detail_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([740, 440])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

        document.changed.connect(self._on_changed)
        document.plan_replaced.connect(self.refresh)
        self.refresh()
        first = next(iter(self.items.values()), None)
        if first is not None:
            self.tree.setCurrentItem(first)

    # -- building ---------------------------------------------------------------------------

    def _fill_tree(self) -> None:
        family = None
        group = None
        for code, info in self.infos.items():
            if info.family != family or group is None:
                family = info.family
                group = QTreeWidgetItem(self.tree, [family or "Other rules"])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
                font = group.font(CODE)
                font.setBold(True)
                group.setFont(CODE, font)
                group.setExpanded(True)
            item = QTreeWidgetItem(group, [code, info.title, info.default_severity.label, "", ""])
            item.setData(CODE, Qt.ItemDataRole.UserRole, code)
            item.setIcon(OWN, icon(info.default_severity.value))
            self.items[code] = item
        self.tree.expandAll()
        self.tree.setColumnWidth(TITLE, 310)

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(10, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("rule_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        box.addWidget(self.heading)
        self.where = QLabel()
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setEnabled(False)  # the muted text colour of the palette, in both themes
        box.addWidget(self.where)
        self.explanation = QLabel()
        self.explanation.setAccessibleName("Why the rule exists")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.explanation)
        self.effect = QLabel()
        self.effect.setObjectName("rule_effect")
        self.effect.setAccessibleName("What the rule finds in this plan")
        self.effect.setTextFormat(Qt.TextFormat.PlainText)
        self.effect.setWordWrap(True)
        box.addWidget(self.effect)
        box.addSpacing(8)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.severity = QComboBox()
        self.severity.setAccessibleName("Severity in this plan")
        self.severity.activated.connect(self._severity_chosen)
        form.addRow("&In this plan:", self.severity)
        self.reason = ReasonEdit()
        self.reason.setAccessibleName("Why this plan applies the rule differently")
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 5 + 12)
        self.reason.textChanged.connect(self._reason_typed)
        form.addRow("&Why:", self.reason)
        box.addLayout(form)
        self.nudge = QLabel(NUDGE_OFF)
        self.nudge.setObjectName("rule_nudge")
        self.nudge.setWordWrap(True)
        self.nudge.setTextFormat(Qt.TextFormat.PlainText)
        self._style_nudge()
        box.addWidget(self.nudge)
        box.addStretch(1)
        return panel

    def _style_nudge(self) -> None:
        # The caution amber reads on the dark window; on the light one it is too pale for text.
        text_colour(self.nudge, SEVERITY[Severity.WARNING].text(is_dark(self)))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "nudge"):
            self._style_nudge()

    # -- showing ----------------------------------------------------------------------------

    def current_code(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(CODE, Qt.ItemDataRole.UserRole) if item is not None else None

    def select_rule(self, code: str) -> bool:
        item = self.items.get(code)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        return True

    def refresh(self) -> None:
        """Show the plan's settings in every row and in the selected rule's form."""
        settings = self.document.plan.rule_settings
        for code, item in self.items.items():
            setting = settings.get(code)
            font = item.font(CODE)
            font.setBold(setting is not None)  # the rules this plan sets stand out in the list
            for column in (CODE, TITLE, IN_PLAN, WHY):
                item.setFont(column, font)
            if setting is None:  # left blank: the rule applies as it says
                item.setText(IN_PLAN, "")
                item.setIcon(IN_PLAN, QIcon())
                item.setText(WHY, "")
            else:
                off = setting.severity is self.severities.OFF
                item.setText(IN_PLAN, "Off" if off else setting.severity.label)
                item.setIcon(IN_PLAN, QIcon() if off else icon(setting.severity.value))
                reason = " ".join(setting.reason.split())
                item.setText(WHY, reason or ("No reason given" if off else ""))
        self._show_selected(self.tree.currentItem())

    def _on_changed(self, changes) -> None:
        if any(change.entity_type == "RuleSetting" for change in changes):
            self.refresh()

    def _show_selected(self, item, _previous=None) -> None:
        code = item.data(CODE, Qt.ItemDataRole.UserRole) if item is not None else None
        info = self.infos.get(code) if code else None
        for widget in (self.severity, self.reason):
            widget.setEnabled(info is not None)
        if info is None:
            self.heading.setText("Choose a rule")
            self.where.setText("")
            self.explanation.setText("")
            self.effect.setText("")
            self.nudge.hide()
            return
        setting = self.document.plan.rule_settings.get(code)
        self.heading.setText(f"{info.code}  {info.title}")
        where = [info.family or "", info.component.label if info.component else ""]
        self.where.setText(" · ".join(dict.fromkeys(w for w in where if w)))
        self.explanation.setText(info.explanation)
        self.effect.setText(self._effect(code, setting))
        with QSignalBlocker(self.severity):
            self.severity.clear()
            own = info.default_severity.label
            self.severity.addItem(icon(info.default_severity.value), f"As the rule says ({own})", AS_THE_RULE_SAYS)
            for severity in self.severities:
                if severity.value == info.default_severity.value and (setting is None or setting.severity != severity):
                    continue  # the rule's own severity is the first choice, not a setting of its own
                label = "Off for this plan" if severity is self.severities.OFF else severity.label
                glyph = QIcon() if severity is self.severities.OFF else icon(severity.value)
                self.severity.addItem(glyph, label, severity.value)
            self.severity.setCurrentIndex(max(0, self.severity.findData(setting.severity.value if setting else None)))
        reason = setting.reason if setting else ""
        if self.reason.toPlainText() != reason:  # never under the cursor of the text being typed
            with QSignalBlocker(self.reason):
                self.reason.setPlainText(reason)
                self.reason.moveCursor(self.reason.textCursor().MoveOperation.End)
        off = setting is not None and setting.severity is self.severities.OFF
        self.reason.setEnabled(setting is not None)
        self.reason.setPlaceholderText(
            PLACEHOLDER_NONE if setting is None else PLACEHOLDER_OFF if off else PLACEHOLDER_SET
        )
        self.nudge.setVisible(off and not reason.strip())

    def _effect(self, code: str, setting) -> str:
        """What the rule finds in the plan now (from the check the findings panel shares)."""
        if setting is not None and setting.severity is self.severities.OFF:
            return "Switched off: the check does not run this rule on this plan."
        n = sum(1 for finding in self.document.findings.findings() if finding.code == code)
        if not n:
            return "The rule raises no finding in this plan now."
        return f"The rule raises {n} finding{'s' if n != 1 else ''} in this plan now."

    # -- editing ----------------------------------------------------------------------------

    def _severity_chosen(self, _index: int) -> None:
        from omplanner.commands.rule_settings import SetRuleSetting

        code = self.current_code()
        if code is None:
            return
        value = self.severity.currentData()
        setting = self.document.plan.rule_settings.get(code)
        if value == (setting.severity.value if setting else None):
            return
        if value is None:
            command = SetRuleSetting(code, None, text=f"Apply the rule {code} as it says")
        else:
            severity = self.severities(value)
            text = f"Switch off the rule {code}" if severity is self.severities.OFF else f"Make {code} {value}"
            command = SetRuleSetting(code, severity, self.reason.toPlainText() if setting else "", text=text)
        self.document.execute(command)
        self.refresh()  # also when the edit was refused: the form shows the plan again

    def _reason_typed(self) -> None:
        from omplanner.commands.rule_settings import SetRuleSetting

        code = self.current_code()
        setting = self.document.plan.rule_settings.get(code) if code else None
        if setting is None:
            return
        command = SetRuleSetting(
            code,
            setting.severity,
            self.reason.toPlainText(),
            text=f"Say why {code} is {setting.severity.value}",
            merge_key=REASON_MERGE + code,
        )
        if not self.document.execute(command):
            self.refresh()
