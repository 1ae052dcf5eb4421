"""Presentation mode (F5) enlarges the pages' own type too, not only the shell's.

Pages set a larger body font than the desktop's (``apply_page_font``); a font set explicitly does
not follow the app font in Qt, so these tests check what the room would read on a page.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from ui.document import Document
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, example_plan):
    win = MainWindow(Document(example_plan))
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.presentation.active:
        win.set_presentation(False)


def _title(page) -> QLabel:
    """The page's largest label: its title."""
    return max(page.findChildren(QLabel), key=lambda label: label.font().pointSizeF())


def test_presentation_mode_enlarges_a_pages_form_text_and_restores_it(window):
    page = window.show_page("use_cases")
    form_text = page.kpi_metric_edit
    body, title = form_text.font().pointSizeF(), _title(page).font().pointSizeF()
    assert body > 0 and title > body

    window.set_presentation(True)
    assert form_text.font().pointSizeF() == pytest.approx(body * 1.4)
    assert _title(page).font().pointSizeF() == pytest.approx(title * 1.4)

    window.set_presentation(False)
    assert form_text.font().pointSizeF() == pytest.approx(body)
    assert _title(page).font().pointSizeF() == pytest.approx(title)


def test_a_page_first_opened_in_presentation_mode_is_enlarged_too(window):
    normal = window.show_page("use_cases").kpi_metric_edit.font().pointSizeF()
    window.set_presentation(True)
    page = window.show_page("data")  # built now, in presentation mode
    assert page.font().pointSizeF() == pytest.approx(normal * 1.4)
    window.set_presentation(False)
    assert page.font().pointSizeF() == pytest.approx(normal)
    assert QApplication.instance().font().pointSizeF() < normal * 1.4
