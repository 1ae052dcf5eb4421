"""Auto-sequence on the roadmap page says what it moved and why, keeps work that is done or
under way where it is, and leaves the example's teaching findings on the bars until it runs."""

from __future__ import annotations

from omplanner.model import ItemStatus
from tests.ui.canvas_pages import show_roadmap_in_weeks


def test_the_example_shows_its_teaching_findings_on_the_bars(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    assert {
        code
        for code in ("SEQ-002", "SEQ-004", "SEQ-005")
        for i in ("item-4", "item-7", "item-13")
        if code in [f.code for f in page.check.by_item.get(i, [])]
    } == {"SEQ-002", "SEQ-004", "SEQ-005"}
    assert {i for i in ("item-4", "item-7", "item-13") if page.scene.bars[i].marker == "error"} == {
        "item-4",
        "item-7",
        "item-13",
    }


def test_auto_sequence_says_what_moved_earlier_to_keep_a_go_live(qtbot, example_plan):
    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    page.auto_button.click()
    text = page.status.text()
    assert text.startswith("Auto-sequence moved 4 items: ")
    assert (
        "'AP governance: owner, thresholds, breach process': week 14 → week 12, earlier, so that "
        "'Deploy e-mail triage' keeps week 16" in text
    )
    assert "and 2 more" in text and text.endswith("Undo puts them back.")
    assert plan.item("item-13").start_week == 15  # the e-mail go-live did not slip
    assert page.scene.bars["item-8"].flash
    page.auto_button.click()
    assert page.status.text() == "Auto-sequence: nothing to move. The roadmap follows the sequencing principles."
    assert page.document.undo_stack.count() == 1


def test_auto_sequence_leaves_done_work_where_it_is_and_says_so(qtbot, example_plan):
    example_plan.item("item-4").status = ItemStatus.DONE  # the tool was chosen before the data work ended
    page = show_roadmap_in_weeks(qtbot, example_plan)
    plan = page.document.plan
    page.auto_button.click()
    assert plan.item("item-4").start_week == 6
    assert "Left for you: 'Select the invoice matching tool' is done or under way." in page.status.text()
    assert page.scene.bars["item-4"].marker == "error"


def test_only_an_order_a_principle_requires_is_drawn_as_a_broken_relation(example_plan):
    from ui.roadmap.checking import check_findings

    # Governance designed only after go-live names the deployment, but does not have to follow it.
    example_plan.item("item-8").start_week = 14
    check = check_findings(example_plan)
    assert "SEQ-012" in [f.code for f in check.by_item["item-8"]]
    assert not [key for key in check.broken if key[2] == "SEQ-012"]
    assert ("item-4", "item-3", "SEQ-002") in check.broken
