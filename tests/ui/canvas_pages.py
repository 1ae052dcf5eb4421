"""Opening the canvas pages (Processes, Roadmap) the way their tests need them: shown at 1366x768,
the Processes page perhaps on the redesigned map at zoom 1, the Roadmap in weeks."""

from __future__ import annotations

from ui.document import Document
from ui.process.page import ProcessPage
from ui.roadmap.page import RoadmapPage


def _show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def show_process_page(qtbot, plan) -> ProcessPage:
    return _show(qtbot, ProcessPage(Document(plan)))


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


def show_roadmap_in_weeks(qtbot, plan) -> RoadmapPage:
    page = _show(qtbot, RoadmapPage(Document(plan)))
    page.view.set_scale("weeks")
    return page
