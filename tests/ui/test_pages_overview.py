from omplanner.model import Severity
from omplanner.rules import check_plan
from tests.ui.page_tools import open_page
from ui.pages.overview import OverviewPage


def test_details_typed_into_the_overview_then_undo(qtbot, example_plan):
    document, page = open_page(qtbot, OverviewPage, example_plan)
    page.client_edit.selectAll()
    qtbot.keyClicks(page.client_edit, "Harbour and Vale Ltd")
    assert document.plan.details.client == "Harbour and Vale Ltd"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.plan.details.client == "Harbour & Vale Distribution"
    assert page.client_edit.text() == "Harbour & Vale Distribution"


def test_ranked_use_cases_show_the_pilot_beside_the_process_figure(qtbot, example_plan):
    from omplanner.integration import integration_figures
    from omplanner.ranking import rank_use_cases

    document, page = open_page(qtbot, OverviewPage, example_plan)
    ranked = rank_use_cases(document.plan)
    qtbot.waitUntil(lambda: len(page.cards) == 3)
    shown = [card for card in page.cards if card.isVisible()]
    assert len(shown) == len(ranked) == 3
    first = shown[0]
    assert first.title.text() == f"1.  {ranked[0].use_case.name}"
    assert first.reason.text() == ranked[0].reason
    figures = integration_figures(document.plan, ranked[0].use_case)
    assert first.pilot.text() == "The pilot saved 40 % per task."
    assert f"{figures.capacity_released_pct:,.0f} % of capacity released" in first.process.text()


def test_cards_word_the_pilot_by_its_kind_and_name_a_missing_figure(qtbot, example_plan):
    """The overview shows the same pilot sentence and unknown capacity as the PDF and workbook."""
    _document, page = open_page(qtbot, OverviewPage, example_plan)
    qtbot.waitUntil(lambda: len(page.cards) == 3)
    card = next(c for c in page.cards if c.title.text().endswith("Demand forecasting"))
    assert card.pilot.text() == "The pilot reduced errors by 20 % (forecast error reduced)."
    assert card.process.text() == "— (no current or redesigned process map)"
    email = next(c for c in page.cards if c.title.text().endswith("Customer e-mail triage"))
    assert email.pilot.text() == "The pilot saved 68 % per task."


def test_findings_counts_follow_edits(qtbot, example_plan):
    document, page = open_page(qtbot, OverviewPage, example_plan)
    errors = sum(1 for f in check_plan(document.plan) if f.severity == Severity.ERROR)
    assert errors > 0
    qtbot.waitUntil(lambda: page.count_labels[Severity.ERROR].text() == str(errors))
    # A use case moved up the tractability order changes the ranking once typing pauses.
    from omplanner.commands import SetFields

    document.execute(
        SetFields(
            "uc-forecast",
            {"tractability.definition": 5, "tractability.data_richness": 5, "tractability.monthly_volume": 90000},
        )
    )
    qtbot.waitUntil(lambda: page.cards[0].title.text() == "1.  Demand forecasting")
    assert page.select_element("details") and not page.select_element("uc-ap")


def test_use_case_cards_fit_the_page_in_presentation_mode(qtbot, example_plan):
    """Projected, in larger type beside the findings dock, a card wraps its text rather than
    running past the right edge of the page."""
    from ui.document import Document
    from ui.main_window import MainWindow

    window = MainWindow(Document(example_plan))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("overview")
    window.action_map["view.presentation"].trigger()
    try:
        window.resize(1366, 768)
        qtbot.waitUntil(lambda: len([c for c in page.cards if c.isVisible()]) == 3)
        qtbot.wait(50)
        viewport = page.cards_box.parentWidget()
        for card in page.cards:
            assert card.geometry().right() <= viewport.width(), card.title.text()
    finally:
        window.action_map["view.presentation"].trigger()


def test_a_blank_plan_says_where_use_cases_come_from(qtbot):
    from omplanner.model import Plan

    document, page = open_page(qtbot, OverviewPage, Plan())
    page.refresh_analysis()
    assert page.no_use_cases.isVisible()
    assert "Use cases page" in page.no_use_cases.text()


def test_a_plan_with_nothing_to_judge_is_not_praised(qtbot):
    """A use case not scored nor mapped draws no finding: the overview, the findings panel and the
    status bar say what is missing instead of saying the plan passes every rule."""
    from omplanner.model import Plan
    from omplanner.model.factories import make_use_case
    from ui.document import Document
    from ui.main_window import MainWindow

    window = MainWindow(Document(Plan(use_cases=[make_use_case("Invoices")])))
    qtbot.addWidget(window)
    page = window.show_page("overview")
    window.findings.refresh()
    page.refresh_analysis()
    expected = (
        "No findings yet: 1 use case not scored on all five components; "
        "1 use case without a current process map; no roadmap yet"
    )
    assert page.by_component.text() == expected
    assert window.findings.summary.text() == expected
    assert window.counts_label.text() == "No findings yet"


def test_each_card_shows_readiness_from_the_diagnostic_and_follows_scoring(qtbot, example_plan):
    """Scoring in the diagnostic changes the overview: each card names the least ready component."""
    from omplanner.commands import AddEntity
    from omplanner.model import Component, Score, new_id

    unscored = example_plan.use_cases[-1]
    example_plan.scores = [s for s in example_plan.scores if s.use_case != unscored.id]
    document, page = open_page(qtbot, OverviewPage, example_plan)
    qtbot.waitUntil(lambda: len(page.cards) == 3)
    by_name = {card.title.text().split(".  ", 1)[1]: card for card in page.cards}
    ap = by_name["AP invoice matching"].readiness.text()
    assert ap.startswith("Process design ") and "Least ready:" in ap
    assert by_name[unscored.name].readiness.text().startswith("not scored yet")
    score = Score(id=new_id("score"), use_case=unscored.id, component=Component.GOVERNANCE, value=1)
    document.execute(AddEntity(None, "scores", score))
    card = by_name[unscored.name]
    qtbot.waitUntil(lambda: "Least ready: Governance (1)" in card.readiness.text())
    assert "Process design – · Decision rights – · Capability & roles – · Governance 1" in card.readiness.text()
    assert "4 not scored yet" in card.readiness.text()


def test_the_findings_counts_are_headed_in_the_vocabularys_words(qtbot, example_plan):
    """The overview, the findings panel's filter and the PDF's findings chapter head each severity
    the same way ("Info", not "Notes" on one and "Information" on another)."""
    from PySide6.QtWidgets import QGroupBox, QLabel

    from omplanner.vocabulary import SEVERITY, SEVERITY_ORDER
    from ui.findings_panel import SEVERITIES

    _document, page = open_page(qtbot, OverviewPage, example_plan)
    box = next(b for b in page.findChildren(QGroupBox) if b.title() == "Findings")
    words = {label.text() for label in box.findChildren(QLabel)}
    expected = [SEVERITY[s].plural for s in SEVERITY_ORDER]
    assert expected == ["Errors", "Warnings", "Info"]
    assert set(expected) <= words
    assert "Notes" not in words
    assert [label for label, _value in SEVERITIES] == expected


def test_a_name_with_no_spaces_wraps_inside_its_card(qtbot, example_plan):
    """A use case named by one 9,000-character word (a pasted hash, a file from someone else)
    wraps inside its card: the card used to run past the page's edge and cut the name there."""
    from ui.document import Document
    from ui.main_window import MainWindow
    from ui.widgets.plain_text import BREAK

    name = "x" * 9000
    example_plan.use_cases[0].name = name
    window = MainWindow(Document(example_plan))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("overview")
    qtbot.waitUntil(lambda: len([c for c in page.cards if c.isVisible()]) == 3)
    qtbot.wait(50)
    viewport = page.cards_box.parentWidget()
    card = next(c for c in page.cards if name[:100] in c.title.text().replace(BREAK, ""))
    assert card.title.text().replace(BREAK, "").endswith(name)  # all of it, only breakable
    assert card.geometry().right() <= viewport.width()
    assert card.title.geometry().right() <= card.width()
