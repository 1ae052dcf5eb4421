"""Comments on elements: the undoable edits, the cascade with their element, compare and merge."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from omplanner.commands import (
    CommandError,
    add_comment,
    delete_comment,
    edit_comment,
    remove_cascade,
    resolve_comment,
)
from omplanner.compare.diff import compare_plans
from omplanner.compare.merge import merge_plans
from omplanner.fileio import load_plan, plan_to_json
from omplanner.fileio.load import parse_plan
from omplanner.model import check_integrity
from omplanner.model.comments import comments_on, open_counts
from omplanner.paths import example_path

EXAMPLE = load_plan(example_path("distributor"))
STEP = "ap-r3"  # "Match to order and goods receipt"
WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def plan():
    plan = EXAMPLE.model_copy(deep=True)
    plan.comments = []  # the counts below are of these tests' comments, whatever the example holds
    return plan


def test_add_edit_resolve_and_delete_are_each_undone_by_revert(plan):
    before = plan_to_json(plan)
    add = add_comment(plan, STEP, "  Who checks the tolerance?\nAsk finance.  ", "Ann", now=WHEN)
    add.apply(plan)
    (comment,) = comments_on(plan, STEP)
    assert (comment.author, comment.text, comment.resolved) == ("Ann", "Who checks the tolerance?\nAsk finance.", False)
    assert add.text == 'Add a comment on step "Match to order and goods receipt"'
    after_add = plan_to_json(plan)

    edit = edit_comment(plan, comment.id, "Finance checks it")
    edit.apply(plan)
    assert comments_on(plan, STEP)[0].text == "Finance checks it"
    resolve = resolve_comment(plan, comment.id)
    resolve.apply(plan)
    assert open_counts(plan) == (0, 1)
    assert resolve.text.startswith("Resolve a comment on step")
    reopen = resolve_comment(plan, comment.id, resolved=False)
    reopen.apply(plan)
    assert open_counts(plan) == (1, 0)
    for command in (reopen, resolve, edit):
        command.revert(plan)
    assert plan_to_json(plan) == after_add

    delete = delete_comment(plan, comment.id)
    delete.apply(plan)
    assert comments_on(plan, STEP) == []
    delete.revert(plan)
    assert plan_to_json(plan) == after_add
    add.revert(plan)
    assert plan_to_json(plan) == before


def test_a_comment_needs_words_and_an_element_that_is_there(plan):
    with pytest.raises(CommandError):
        add_comment(plan, STEP, "   ")
    with pytest.raises(CommandError):
        add_comment(plan, "step-gone", "Hello")
    add_comment(plan, STEP, "Hello").apply(plan)
    with pytest.raises(CommandError):
        edit_comment(plan, plan.comments[0].id, "")


def test_removing_an_element_removes_its_comments_and_undo_brings_them_back(plan):
    add_comment(plan, STEP, "On the step").apply(plan)
    add_comment(plan, "item-2", "On the roadmap item").apply(plan)
    with_comments = plan_to_json(plan)
    cascade = remove_cascade(plan, STEP)
    cascade.apply(plan)
    assert [c.text for c in plan.comments] == ["On the roadmap item"]
    assert check_integrity(plan) == []
    cascade.revert(plan)
    assert plan_to_json(plan) == with_comments

    # a use case takes the comments on the steps of its maps with it
    cascade = remove_cascade(plan, "uc-ap")
    cascade.apply(plan)
    assert [c.text for c in plan.comments] == ["On the roadmap item"]
    cascade.revert(plan)
    assert plan_to_json(plan) == with_comments


def test_the_file_refuses_a_comment_on_nothing(plan):
    add_comment(plan, STEP, "Hello").apply(plan)
    text = plan_to_json(plan).replace(f'"element": "{STEP}"', '"element": "step-gone"')
    with pytest.raises(Exception, match="comment.*element.*step-gone"):
        parse_plan(text.encode())


def test_compare_names_comments_by_what_they_are_on(plan):
    base = plan.model_copy(deep=True)
    add_comment(plan, STEP, "Who checks the tolerance?\nAsk finance.").apply(plan)
    text = compare_plans(base, plan).text()
    assert 'Use case "AP invoice matching" · Comments' in text
    assert 'added comment on step "Match to order and goods receipt": "Who checks the tolerance? Ask finance."' in text
    added = plan.model_copy(deep=True)
    resolve_comment(plan, plan.comments[0].id).apply(plan)
    text = compare_plans(added, plan).text()
    assert 'changed comment on step "Match to order and goods receipt": state open → resolved' in text
    text = compare_plans(plan, added).text()
    assert "state resolved → open" in text
    removed = compare_plans(plan, base).text()
    assert 'removed comment on step "Match to order and goods receipt": "Who checks' in removed


def test_a_removed_step_folds_its_comments_under_it(plan):
    add_comment(plan, STEP, "On the step").apply(plan)
    before = plan.model_copy(deep=True)
    remove_cascade(plan, STEP).apply(plan)
    rows = compare_plans(before, plan).differences
    step_row = next(r for r in rows if r.id == STEP)
    assert any(c.what.startswith("comment on step") for c in step_row.consequences)
    assert not any(r.what.startswith("comment on") for r in rows)


def test_merging_two_copies_that_both_add_comments_keeps_both(plan):
    base = plan.model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    add_comment(mine, STEP, "Mine: ask finance", "Ann").apply(mine)
    add_comment(theirs, STEP, "Theirs: tolerance is 2 %", "Ben").apply(theirs)
    add_comment(theirs, "item-2", "Theirs: start later?", "Ben").apply(theirs)
    result = merge_plans(base, mine, theirs)
    assert result.conflicts == []
    texts = sorted(c.text for c in result.plan.comments)
    assert texts == ["Mine: ask finance", "Theirs: start later?", "Theirs: tolerance is 2 %"]
    assert check_integrity(result.plan) == []
    taken = result.taken.text()
    assert 'added comment on step "Match to order and goods receipt": "Theirs: tolerance is 2 %"' in taken


def test_merge_keeps_their_resolve_and_your_edit_of_one_comment(plan):
    add_comment(plan, STEP, "Ask finance", "Ann").apply(plan)
    ident = plan.comments[0].id
    base = plan.model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    edit_comment(mine, ident, "Ask finance by Friday").apply(mine)
    resolve_comment(theirs, ident).apply(theirs)
    result = merge_plans(base, mine, theirs)
    assert result.conflicts == []
    (comment,) = result.plan.comments
    assert (comment.text, comment.resolved) == ("Ask finance by Friday", True)


def test_a_comment_on_a_step_their_copy_removed_is_a_named_conflict_and_nothing_is_lost(plan):
    base = plan.model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    add_comment(mine, STEP, "Keep this step?", "Ann").apply(mine)
    remove_cascade(theirs, STEP).apply(theirs)
    result = merge_plans(base, mine, theirs)
    (conflict,) = result.conflicts
    assert conflict.kind == "removal" and 'comment "Keep this step?"' in conflict.line()
    assert conflict.question == (
        'Step 3 "Match to order and goods receipt" was removed in their copy, and comment "Keep this step?" is on it.'
    )
    assert [key for key, _words in conflict.choices] == ["keep", "drop"]
    assert [c.text for c in result.plan.comments] == ["Keep this step?"]  # by default, kept with its step
    assert result.plan.find_step(STEP) is not None and check_integrity(result.plan) == []
    dropped = merge_plans(base, mine, theirs, take="theirs").plan
    assert dropped.comments == [] and dropped.find_step(STEP) is None and check_integrity(dropped) == []


def test_a_comment_that_cannot_be_kept_is_refused_in_words_not_raised(plan):
    with pytest.raises(CommandError, match="author cannot be kept"):
        add_comment(plan, STEP, "Fine words", "Ana \ud800")
    assert plan.comments == [] or all(c.author != "Ana \ud800" for c in plan.comments)
