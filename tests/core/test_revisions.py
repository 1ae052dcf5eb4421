"""Revision identity in the file: each save is a revision, the app keeps them, and two copies find
the save they both started from (issue 18, part 1)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from omplanner.cli import main
from omplanner.compare import compare_plans
from omplanner.compare.apply import edit_towards
from omplanner.compare.merge import merge_plans
from omplanner.fileio import RevisionStore, load_plan, plan_to_json, save_plan, save_revision
from omplanner.fileio.load import MAX_BYTES
from omplanner.fileio.revision_store import default_store
from omplanner.model import Plan
from omplanner.model.plan import MAX_ANCESTORS
from omplanner.paths import app_data_dir, example_path
from tests.core.test_compare_merge import copies


def store_in(folder: Path, limit: int = 200 * 1024 * 1024) -> RevisionStore:
    return RevisionStore(folder / "revisions", limit)


# -- each save mints a revision ----------------------------------------------------------------


def test_each_save_is_a_new_revision_by_the_name_given_with_the_last_one_first_among_its_ancestors(
    example_plan, tmp_path
):
    assert example_plan.history.revision is None  # the example is shipped unsaved
    path = tmp_path / "plan.omplan"
    save_plan(example_plan, path, saved_by="Ana Berg")
    first = example_plan.history.revision
    assert first is not None and first.id.startswith("rev-") and first.saved_by == "Ana Berg"
    assert first.saved_at.tzinfo is not None and first.saved_at.utcoffset().total_seconds() == 0
    assert example_plan.history.ancestors == []
    assert load_plan(path).history == example_plan.history  # the file says what the plan in memory says

    save_plan(example_plan, path)  # nobody's name in the preferences: the save says none
    second = example_plan.history.revision
    assert second.id != first.id and second.saved_by == ""
    assert example_plan.history.ancestors == [first.id]
    assert json.loads(path.read_text(encoding="utf-8"))["history"]["ancestors"] == [first.id]


def test_ancestors_keep_the_newest_fifty(tmp_path):
    plan = Plan()
    path = tmp_path / "plan.omplan"
    ids = []
    for _ in range(MAX_ANCESTORS + 5):
        save_plan(plan, path)
        ids.append(plan.history.revision.id)
    history = load_plan(path).history
    assert history.revision.id == ids[-1]
    assert len(history.ancestors) == MAX_ANCESTORS == 50
    assert history.ancestors == list(reversed(ids[:-1]))[:MAX_ANCESTORS]  # newest first, the oldest gone
    assert ids[0] not in history.ancestors


def test_a_copy_written_as_it_is_an_autosave_mints_nothing(example_plan, tmp_path):
    save_plan(example_plan, tmp_path / "plan.omplan")
    history = example_plan.history.model_copy(deep=True)
    save_plan(example_plan, tmp_path / "autosave.omplan", touch=False)
    assert example_plan.history == history
    assert load_plan(tmp_path / "autosave.omplan").history == history


def test_a_save_that_fails_leaves_the_plan_at_the_revision_it_was(example_plan, tmp_path):
    save_plan(example_plan, tmp_path / "plan.omplan")
    history, modified = example_plan.history.model_copy(deep=True), example_plan.details.modified
    with pytest.raises(OSError):
        save_plan(example_plan, tmp_path / "no such folder" / "plan.omplan")
    assert example_plan.history == history and example_plan.details.modified == modified


# -- the store ---------------------------------------------------------------------------------


def test_a_saved_revision_is_kept_compressed_under_its_id_and_read_back(example_plan, tmp_path):
    store = store_in(tmp_path)
    save_revision(example_plan, tmp_path / "plan.omplan", "Ana Berg", store)
    revision = example_plan.history.revision.id
    kept = store.folder / f"{revision}.omplan.gz"
    assert kept.is_file()
    assert gzip.decompress(kept.read_bytes()) == (tmp_path / "plan.omplan").read_bytes()
    assert kept.stat().st_size < (tmp_path / "plan.omplan").stat().st_size / 3
    again = store.get(revision)
    assert again is not None and plan_to_json(again) == plan_to_json(example_plan)
    assert store.get("rev-never-saved") is None


def test_the_default_store_is_in_the_app_data_folder(example_plan, tmp_path, monkeypatch):
    monkeypatch.setenv("OMPLANNER_DATA_DIR", str(tmp_path / "data"))
    save_revision(example_plan, tmp_path / "plan.omplan")
    assert default_store().folder == tmp_path / "data" / "revisions"
    assert (tmp_path / "data" / "revisions" / f"{example_plan.history.revision.id}.omplan.gz").is_file()


def test_a_plan_without_a_revision_or_with_an_id_no_file_may_bear_is_not_kept(example_plan, tmp_path):
    store = store_in(tmp_path)
    assert store.keep(example_plan) is None  # never saved: no revision
    save_plan(example_plan, tmp_path / "plan.omplan")
    for hostile in ("../../outside", "a/b", ".hidden"):  # ids a stranger's file may hold
        example_plan.history.revision = example_plan.history.revision.model_copy(update={"id": hostile})
        assert store.keep(example_plan) is None
        assert store.get(hostile) is None
    assert not (tmp_path / "outside.omplan.gz").exists()
    assert not store.folder.exists() or not any(store.folder.iterdir())


def _kept_as(store: RevisionStore, revision: str, data: bytes) -> Path:
    store.folder.mkdir(parents=True, exist_ok=True)
    path = store.folder / f"{revision}.omplan.gz"
    path.write_bytes(data)
    return path


def test_a_damaged_or_hostile_kept_copy_is_ignored_and_replaced_at_the_next_keep(example_plan, tmp_path):
    store = store_in(tmp_path)
    save_plan(example_plan, tmp_path / "plan.omplan")
    revision = example_plan.history.revision.id
    text = plan_to_json(example_plan).encode("utf-8")
    other = Plan()
    save_plan(other, tmp_path / "other.omplan")
    damaged = {
        "not gzip": b"not a gzip file at all",
        "cut short": gzip.compress(text)[:200],
        "not a plan": gzip.compress(b'{"format": "something else"}'),
        "another revision": gzip.compress(plan_to_json(other).encode("utf-8")),
        "a gzip bomb": gzip.compress(b" " * (MAX_BYTES + 10)),
        "nested deep": gzip.compress(b"[" * 100_000 + b"]" * 100_000),
    }
    for words, data in damaged.items():
        _kept_as(store, revision, data)
        assert store.get(revision) is None, words
        assert store.common_base(example_plan, example_plan) is None, words
        assert store.keep(example_plan) is not None, words  # the damaged copy is written again
        assert store.get(revision) is not None, words
    path = store.folder / f"{revision}.omplan.gz"
    path.unlink()
    path.mkdir()  # a folder where a copy should be
    assert store.get(revision) is None and store.keep(example_plan) is None


def test_past_its_limit_the_store_drops_the_copies_used_longest_ago(tmp_path):
    store = store_in(tmp_path, limit=1)  # every copy is over the limit: only the newest stays
    plans = []
    for index in range(4):
        plan = Plan()
        plan.details.title = f"Plan {index}"
        save_plan(plan, tmp_path / f"{index}.omplan")
        plans.append(plan)
    sizes = []
    for index, plan in enumerate(plans):
        path = store.folder / f"{plan.history.revision.id}.omplan.gz"
        store.limit_bytes = 10**9
        store.keep(plan)
        os.utime(path, (1_000_000 + index, 1_000_000 + index))  # kept in this order, a second apart
        sizes.append(path.stat().st_size)
    os.utime(store.folder / f"{plans[0].history.revision.id}.omplan.gz")  # the first was opened again just now
    store.limit_bytes = sizes[0] + sizes[3]  # room for two
    removed = store.prune()
    ids = [p.history.revision.id for p in plans]
    assert [p.name for p in removed] == [f"{ids[1]}.omplan.gz", f"{ids[2]}.omplan.gz"]
    assert [store.get(i) is not None for i in ids] == [True, False, False, True]
    newest = Plan()
    save_revision(newest, tmp_path / "newest.omplan", store=RevisionStore(store.folder, limit_bytes=1))
    assert [p.name for p in store.folder.iterdir()] == [f"{newest.history.revision.id}.omplan.gz"]


# -- the common base ---------------------------------------------------------------------------


def shared_copies(tmp_path: Path, store: RevisionStore):
    """The example saved once (the base, kept), then sent to two colleagues who each edit and
    save their copy of that file (the issue's scenario)."""
    start = tmp_path / "base.omplan"
    save_revision(load_plan(example_path("distributor")), start, "Ana", store)
    _, mine, theirs = copies(load_plan(start))
    paths = {"base": start, "mine": tmp_path / "mine.omplan", "theirs": tmp_path / "theirs.omplan"}
    save_revision(mine, paths["mine"], "Ana", store)
    save_revision(theirs, paths["theirs"], "Ben", RevisionStore(tmp_path / "ben's computer"))
    return load_plan(start), mine, theirs, paths


def test_the_common_base_is_the_newest_save_both_copies_name(tmp_path):
    store = store_in(tmp_path)
    base, mine, theirs, paths = shared_copies(tmp_path, store)
    found = store.common_base(mine, theirs)
    assert found is not None and found.history.revision == base.history.revision
    assert store.common_base(theirs, mine).history.revision == base.history.revision
    for _ in range(3):  # more saves of yours: still that base
        save_revision(mine, paths["mine"], "Ana", store)
    assert store.common_base(mine, theirs).history.revision == base.history.revision
    assert store.common_base(mine, mine).history.revision == mine.history.revision


def test_after_a_merge_the_next_base_is_their_copy_that_was_merged_not_the_first_base(tmp_path):
    store = store_in(tmp_path)
    base, mine, theirs, paths = shared_copies(tmp_path, store)
    store.keep(theirs)  # their copy was opened here to merge it
    merged = merge_plans(store.common_base(mine, theirs), mine, theirs, take="mine").plan
    save_revision(merged, paths["mine"], "Ana", store)
    assert merged.history.ancestors[:3] == [
        mine.history.revision.id,
        theirs.history.revision.id,
        base.history.revision.id,
    ]
    save_revision(theirs, paths["theirs"], "Ben", RevisionStore(tmp_path / "ben's computer"))  # they go on
    found = store.common_base(merged, theirs)
    assert found.history.revision.id == merged.history.ancestors[1]  # the copy of theirs merged before
    assert found.history.revision.id != base.history.revision.id


def test_no_common_base_when_the_copies_share_no_save_or_none_of_it_is_kept(tmp_path):
    store = store_in(tmp_path)
    base, mine, theirs, _paths = shared_copies(tmp_path, store)
    stranger = load_plan(example_path("distributor"))
    save_plan(stranger, tmp_path / "stranger.omplan")
    assert store.common_base(mine, stranger) is None  # made from the example apart: nothing shared
    assert store.common_base(mine, load_plan(example_path("distributor"))) is None  # never saved
    assert store_in(tmp_path / "elsewhere").common_base(mine, theirs) is None  # shared, but not kept there


# -- diff and merge leave the history alone --------------------------------------------------------


def test_diff_shows_no_difference_for_a_save_and_merge_no_conflict_on_history(tmp_path):
    store = store_in(tmp_path)
    base, mine, theirs, _paths = shared_copies(tmp_path, store)
    resaved = mine.model_copy(deep=True)
    save_plan(resaved, tmp_path / "again.omplan")
    assert compare_plans(mine, resaved).differences == []
    same_history = mine.model_copy(deep=True)
    same_history.history = base.history
    assert compare_plans(base, mine).to_json() == compare_plans(base, same_history).to_json()
    assert not [row for row in compare_plans(base, mine).differences if row.key[:1] == ("history",)]
    result = merge_plans(base, mine, theirs)
    assert [c.kind for c in result.conflicts] == ["edit", "removal"]  # the scenario's two, none on history
    assert all("history" not in " ".join(map(str, c.key)) for c in result.conflicts)
    assert not any("history" in row.line().lower() for row in result.taken.differences)
    history = result.plan.history
    assert history.revision is None  # the merge is not a save yet
    assert history.ancestors[:3] == [mine.history.revision.id, theirs.history.revision.id, base.history.revision.id]


def test_the_merge_edit_records_both_parents_and_undo_takes_them_back(tmp_path):
    store = store_in(tmp_path)
    base, mine, theirs, _paths = shared_copies(tmp_path, store)
    before = mine.history.model_copy(deep=True)
    merged = merge_plans(base, mine, theirs, take="mine").plan
    edit = edit_towards(mine, merged)
    edit.apply(mine)
    assert mine.history == merged.history
    edit.revert(mine)
    assert mine.history == before


# -- the command line ----------------------------------------------------------------------------


def test_merge_on_the_command_line_finds_the_base_it_kept_without_being_told(tmp_path, capsys):
    store = default_store()
    base, mine, theirs, paths = shared_copies(tmp_path, store)
    out = tmp_path / "merged.omplan"
    told = tmp_path / "told.omplan"
    mine_path, theirs_path = str(paths["mine"]), str(paths["theirs"])
    assert main(["merge", mine_path, theirs_path, "--base", str(paths["base"]), "-o", str(told)]) == 1
    with_base = capsys.readouterr().out
    assert main(["merge", mine_path, theirs_path, "-o", str(out)]) == 1
    found = capsys.readouterr().out
    assert found.replace(str(out), "OUT") == with_base.replace(str(told), "OUT")  # the same merge
    assert found.startswith("2 conflicts:\n")
    merged = load_plan(out)
    assert merged.history.revision is not None  # the merge's save is a revision of its own
    assert merged.history.ancestors[:3] == [
        mine.history.revision.id,
        theirs.history.revision.id,
        base.history.revision.id,
    ]
    assert store.get(merged.history.revision.id) is not None  # and kept, for the merges to come
    assert store.get(theirs.history.revision.id) is not None  # their copy too: it is a parent now


def test_merge_on_the_command_line_without_a_kept_base_asks_for_base_and_writes_nothing(tmp_path, capsys, monkeypatch):
    _base, _mine, _theirs, paths = shared_copies(tmp_path, store_in(tmp_path / "another computer"))
    out = tmp_path / "merged.omplan"
    assert main(["merge", str(paths["mine"]), str(paths["theirs"]), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "--base" in lines[0] and "started from" in lines[0]
    assert captured.out == "" and not out.exists()


def test_commands_that_write_a_plan_mint_a_revision_and_keep_it(tmp_path, capsys):
    out = tmp_path / "new.omplan"
    assert main(["new", str(out), "--example", "distributor"]) == 0
    plan = load_plan(out)
    assert plan.history.revision is not None and plan.history.ancestors == []
    assert default_store().get(plan.history.revision.id) is not None
    assert load_plan(example_path("distributor")).history.revision is None  # the example itself is untouched


def test_the_data_folder_is_where_qt_puts_it_for_this_app(tmp_path, monkeypatch):
    """The app's ``QStandardPaths.AppDataLocation`` for organisation and application "OM Planner"
    (tests/ui/test_revisions_app.py holds the two to the same folder on Linux)."""
    monkeypatch.delenv("OMPLANNER_DATA_DIR")
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert app_data_dir() == tmp_path / "home" / ".local" / "share" / "OM Planner" / "OM Planner"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")  # not absolute: ignored, as Qt does
    assert app_data_dir() == tmp_path / "home" / ".local" / "share" / "OM Planner" / "OM Planner"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert app_data_dir() == tmp_path / "xdg" / "OM Planner" / "OM Planner"
    monkeypatch.setattr("sys.platform", "darwin")
    assert app_data_dir() == tmp_path / "home" / "Library" / "Application Support" / "OM Planner" / "OM Planner"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert app_data_dir() == tmp_path / "Roaming" / "OM Planner" / "OM Planner"
    monkeypatch.setenv("OMPLANNER_DATA_DIR", str(tmp_path / "portable"))
    assert app_data_dir() == tmp_path / "portable"


def test_command_line_saves_name_who_saved_from_omplanner_name(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("OMPLANNER_NAME", "Ana Ruiz")
    out = tmp_path / "new.omplan"
    assert main(["new", str(out), "--example", "distributor"]) == 0
    assert load_plan(out).history.revision.saved_by == "Ana Ruiz"
    monkeypatch.delenv("OMPLANNER_NAME")
    assert main(["new", str(tmp_path / "anon.omplan"), "--example", "distributor"]) == 0
    assert load_plan(tmp_path / "anon.omplan").history.revision.saved_by == ""


def test_merge_with_a_base_given_still_keeps_both_copies_for_the_next_merge(tmp_path, capsys):
    store = default_store()
    _base, mine, theirs, paths = shared_copies(tmp_path, store_in(tmp_path / "elsewhere"))
    out = tmp_path / "merged.omplan"
    main(["merge", str(paths["mine"]), str(paths["theirs"]), "--base", str(paths["base"]), "-o", str(out)])
    assert store.get(mine.history.revision.id) is not None
    assert store.get(theirs.history.revision.id) is not None
