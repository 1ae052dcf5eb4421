"""The Rules window: the catalogue, and how this plan applies each rule, edited as undoable commands."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from omplanner.commands.rule_settings import SetRuleSetting
from omplanner.model import RuleSetting, RuleSeverity, Severity
from omplanner.rules import catalogue
from ui.document import Document
from ui.findings_panel import settings_summary
from ui.main_window import MainWindow
from ui.rules_view import CODE, IN_PLAN, PLACEHOLDER_NONE, PLACEHOLDER_OFF, WHY, RulesView


@pytest.fixture
def window(qtbot, example_plan):
    win = MainWindow(Document(example_plan))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.findings.refresh()
    return win


def _view(window) -> RulesView:
    view = window._rules_view
    assert isinstance(view, RulesView) and view.isVisible()
    return view


def _choose(view: RulesView, value: str | None) -> None:
    """Pick a severity as the user does: a choice in the drop-down (``activated``)."""
    index = view.severity.findData(value)
    assert index >= 0, [view.severity.itemText(i) for i in range(view.severity.count())]
    view.severity.setCurrentIndex(index)
    view.severity.activated.emit(index)


def _codes_in_panel(window) -> set[str]:
    window.findings.refresh()
    return {f.code for f in window.findings.findings}


def test_the_plan_menu_opens_the_rules_window_with_every_rule_by_family(qtbot, window):
    plan_menu = window.menus["Plan"]
    action = next(a for a in plan_menu.actions() if a.objectName() == "plan.rules")
    action.trigger()
    view = _view(window)
    assert not view.isModal()
    assert set(view.items) == {info.code for info in catalogue()}
    families = [view.tree.topLevelItem(i).text(CODE) for i in range(view.tree.topLevelItemCount())]
    assert families[:4] == ["Sequencing", "Readiness", "Process", "Decision rights"]
    assert view.items["DEC-001"].parent().text(CODE) == "Decision rights"

    assert view.select_rule("SEQ-006")
    info = next(i for i in catalogue() if i.code == "SEQ-006")
    assert view.explanation.text() == info.explanation
    assert "SEQ-006" in view.heading.text() and info.title in view.heading.text()
    assert view.severity.currentText() == "As the rule says (Warning)"
    assert not view.reason.isEnabled() and view.reason.placeholderText() == PLACEHOLDER_NONE
    action.trigger()  # a second time: the same window, not another one
    assert window._rules_view is view


def test_switching_a_rule_off_from_the_findings_panel_hides_its_findings_and_ctrl_z_restores(qtbot, window):
    panel = window.findings
    stack = window.document.undo_stack
    finding = panel.findings[0]
    code = finding.code
    panel.entries.setCurrentRow(0)
    qtbot.mouseClick(panel.rules_button, Qt.MouseButton.LeftButton)
    view = _view(window)
    assert view.current_code() == code  # opened on the selected finding's rule
    n = sum(1 for f in panel.findings if f.code == code)
    assert view.effect.text() == f"The rule raises {n} finding{'s' if n != 1 else ''} in this plan now."
    assert not panel.settings_note.isVisible()

    _choose(view, "off")
    assert window.document.plan.rule_settings[code] == RuleSetting(severity=RuleSeverity.OFF, reason="")
    assert code not in _codes_in_panel(window)
    assert panel.settings_note.isVisible() and "1 rule switched off for this plan" in panel.settings_note.text()
    assert view.items[code].text(IN_PLAN) == "Off"
    assert view.items[code].text(WHY) == "No reason given"
    assert view.effect.text().startswith("Switched off")
    # allowed, but the window asks for a reason
    assert view.nudge.isVisible() and view.reason.placeholderText() == PLACEHOLDER_OFF

    steps = stack.count()
    view.reason.setFocus()
    qtbot.keyClicks(view.reason, "Agreed <b>with</b> R&D")
    assert window.document.plan.rule_settings[code].reason == "Agreed <b>with</b> R&D"
    assert stack.count() == steps + 1  # a run of typing is one undo step
    assert view.items[code].text(WHY) == "Agreed <b>with</b> R&D"  # plan text shown as it was typed
    assert not view.nudge.isVisible()

    view.activateWindow()
    qtbot.waitUntil(lambda: view.isActiveWindow())
    qtbot.keyClick(view.reason, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.rule_settings[code].reason == ""
    assert view.reason.toPlainText() == "" and view.nudge.isVisible()
    qtbot.keyClick(view.reason, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert code not in window.document.plan.rule_settings
    assert code in _codes_in_panel(window)
    assert view.severity.currentData() is None and view.items[code].text(IN_PLAN) == ""
    assert not panel.settings_note.isVisible()


def test_a_rule_at_another_severity_changes_its_findings_severity(qtbot, window):
    warning = next(f for f in window.findings.findings if f.severity is Severity.WARNING)
    code = warning.code
    window.action_map["plan.rules"].trigger()
    view = _view(window)
    view.select_rule(code)
    assert view.severity.findData("warning") == -1  # the rule's own severity is the first choice
    _choose(view, "error")
    assert window.document.plan.rule_settings[code].severity is RuleSeverity.ERROR
    window.findings.refresh()
    assert {f.severity for f in window.findings.findings if f.code == code} == {Severity.ERROR}
    assert view.items[code].text(IN_PLAN) == "Error"
    assert "1 rule at another severity" in window.findings.settings_note.text()

    view.reason.setFocus()
    qtbot.keyClicks(view.reason, "Blocks the board")
    _choose(view, None)  # back to the rule as it says: the setting and its reason go
    assert code not in window.document.plan.rule_settings
    assert not view.reason.isEnabled() and view.reason.toPlainText() == ""
    window.document.undo_stack.undo()
    assert window.document.plan.rule_settings[code] == RuleSetting(
        severity=RuleSeverity.ERROR, reason="Blocks the board"
    )
    assert view.severity.currentData() == "error" and view.reason.toPlainText() == "Blocks the board"


def test_the_link_under_the_findings_opens_the_window_on_a_rule_switched_off(qtbot, window):
    window.document.execute(SetRuleSetting("SEQ-006", RuleSeverity.INFO, "Two pilots side by side"))
    window.document.execute(SetRuleSetting("INT-001", RuleSeverity.OFF))
    window.findings.refresh()
    note = window.findings.settings_note
    assert note.isVisible()
    assert "1 rule switched off and 1 at another severity for this plan" in note.text()
    note.linkActivated.emit("rules")
    view = _view(window)
    assert view.current_code() == "INT-001"
    assert view.nudge.isVisible()


def test_another_plan_opened_shows_its_settings(qtbot, window, example_plan):
    window.action_map["plan.rules"].trigger()
    view = _view(window)
    other = example_plan.model_copy(deep=True)
    other.rule_settings = {"GOV-003": RuleSetting(severity=RuleSeverity.OFF, reason="Escalation is the client's")}
    window.document.replace_plan(other, None)
    assert view.items["GOV-003"].text(WHY) == "Escalation is the client's"
    view.select_rule("GOV-003")
    assert view.reason.toPlainText() == "Escalation is the client's"


def test_the_settings_summary_counts_off_and_other_severities():
    off = RuleSetting(severity=RuleSeverity.OFF)
    info = RuleSetting(severity=RuleSeverity.INFO)
    assert settings_summary({}) == ""
    assert settings_summary({"A": off, "B": off}) == "2 rules switched off for this plan"
    assert settings_summary({"A": info}) == "1 rule at another severity for this plan"
    assert settings_summary({"A": off, "B": info, "C": info}) == (
        "1 rule switched off and 2 at another severity for this plan"
    )
