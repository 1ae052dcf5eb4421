"""The findings panel offers Fix only for a fix that fixes, and says what it did."""

from __future__ import annotations

from ui.document import Document
from ui.main_window import MainWindow


def _select(panel, code, element):
    for row in range(panel.entries.count()):
        finding = panel.entries.item(row).data(256)
        if finding.code == code and element in finding.element_ids:
            panel.entries.setCurrentRow(row)
            return finding
    raise AssertionError(f"{code} on {element} is not listed")


def test_fix_is_offered_only_where_it_clears_the_finding(qtbot, example_file):
    window = MainWindow(Document())
    qtbot.addWidget(window)
    window.files.open_path(example_file)
    panel = window.findings
    panel.refresh()
    # Moving the tool selection after the data work takes the deployment that waits for it
    # along (issue 15: it used to leave the deployment in a new SEQ-007 error).
    _select(panel, "SEQ-002", "item-4")
    assert panel.fix_button.isEnabled()
    finding = _select(panel, "SEQ-004", "item-7")
    assert panel.fix_button.isEnabled()
    panel.fix_button.click()
    assert window.statusBar().currentMessage() == f"Fixed: {finding.fix.description}."
    assert window.document.undo_stack.undoText() == finding.fix.command.text
