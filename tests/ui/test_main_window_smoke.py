from omplanner.commands import SetFields
from ui.document import Document
from ui.main_window import MainWindow


def test_window_title_follows_the_plan_and_undo(qtbot, example_plan):
    document = Document(example_plan)
    window = MainWindow(document)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("AI operating model: first wave")
    document.execute(SetFields("details", {"title": "Wave one"}))
    assert window.windowTitle().startswith("Wave one")
    assert window.isWindowModified()
    document.undo_stack.undo()
    assert window.windowTitle().startswith("AI operating model: first wave")
    assert not window.isWindowModified()
