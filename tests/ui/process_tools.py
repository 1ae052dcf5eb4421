"""Opening the Processes page the way its tests need it: shown at 1366x768, or on the redesigned
map at zoom 1 with a chosen point in the middle of the view."""

from __future__ import annotations

from ui.document import Document
from ui.process.page import ProcessPage


def show_process_page(qtbot, plan) -> ProcessPage:
    page = ProcessPage(Document(plan))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def show_redesigned_map(qtbot, plan, centre: tuple[float, float]) -> ProcessPage:
    page = show_process_page(qtbot, plan)
    page.set_mode("redesigned")
    view = page.pane("redesigned").view
    view.set_zoom(1.0)
    view.centerOn(*centre)
    return page


def redesigned(page):
    """The redesigned map of the AP invoice matching use case, as the page's document holds it."""
    return page.document.plan.use_case("uc-ap").redesigned
