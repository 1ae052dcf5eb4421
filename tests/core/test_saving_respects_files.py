"""Saving respects the file it replaces: read-only stays read-only, a link stays a link, killed
saves' leftovers go, and a change someone else made is noticed before it is overwritten."""

from __future__ import annotations

import os
import stat
import time

import pytest

from omplanner.commands import SetFields
from omplanner.fileio import (
    ReadOnlyFileError,
    changed_on_disk,
    load_plan,
    load_plan_with_identity,
    save_plan,
)
from omplanner.fileio.save import LEFTOVER_AGE_SECONDS, atomic_path, remove_leftovers


def _renamed(plan, title):
    copy = plan.model_copy(deep=True)
    SetFields("details", {"title": title}).apply(copy)
    return copy


def test_a_read_only_plan_is_refused_and_left_as_it_was(example_file, example_plan):
    before = example_file.read_bytes()
    example_file.chmod(0o444)
    with pytest.raises(ReadOnlyFileError) as caught:
        save_plan(_renamed(example_plan, "Over a read-only file"), example_file)
    assert isinstance(caught.value, PermissionError)  # callers that catch OSError still catch it
    assert "read-only" in str(caught.value)
    assert example_file.read_bytes() == before
    assert stat.S_IMODE(example_file.stat().st_mode) == 0o444
    assert sorted(p.name for p in example_file.parent.iterdir()) == ["plan.omplan"]  # no temporary left


def test_an_export_over_a_read_only_file_is_refused_too(tmp_path):
    report = tmp_path / "plan.pdf"
    report.write_bytes(b"the version sent to the board")
    report.chmod(0o444)
    with pytest.raises(ReadOnlyFileError), atomic_path(report) as tmp:
        tmp.write_bytes(b"new")
    assert report.read_bytes() == b"the version sent to the board"


def test_saving_through_a_link_writes_the_target_and_keeps_the_link(tmp_path, example_plan):
    shared = tmp_path / "sync" / "plan.omplan"
    shared.parent.mkdir()
    save_plan(example_plan, shared, touch=False)
    link = tmp_path / "desktop.omplan"
    link.symlink_to(shared)

    save_plan(_renamed(example_plan, "Saved through the link"), link)

    assert link.is_symlink() and os.readlink(link) == str(shared)
    assert load_plan(shared).details.title == "Saved through the link"
    assert sorted(p.name for p in shared.parent.iterdir()) == ["plan.omplan"]  # written beside the target
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desktop.omplan", "sync"]


def test_a_chain_of_links_is_followed_to_the_end(tmp_path, example_plan):
    target = tmp_path / "real.omplan"
    save_plan(example_plan, target, touch=False)
    (tmp_path / "middle.omplan").symlink_to(target)
    (tmp_path / "outer.omplan").symlink_to(tmp_path / "middle.omplan")
    save_plan(_renamed(example_plan, "Through two links"), tmp_path / "outer.omplan")
    assert (tmp_path / "middle.omplan").is_symlink() and (tmp_path / "outer.omplan").is_symlink()
    assert load_plan(target).details.title == "Through two links"


def _age(path, seconds):
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_the_next_save_removes_the_temporaries_of_killed_saves_and_nothing_else(example_file, example_plan):
    folder = example_file.parent
    leftovers = [folder / ".plan.omplan.k3_9zq1a.omplan", folder / ".plan.omplan.00000000.omplan"]
    for path in leftovers:
        path.write_text("half a plan", encoding="utf-8")
        _age(path, LEFTOVER_AGE_SECONDS + 60)
    fresh = folder / ".plan.omplan.abcdefgh.omplan"  # another app saving this very moment
    fresh.write_text("being written", encoding="utf-8")
    others = {
        ".plan.omplan.notes.txt": "the facilitator's notes",
        ".plan.omplan.toolong123.omplan": "not our name",
        ".other.omplan.abcdefgh.omplan": "another plan's temporary",
        "plan.omplan.abcdefgh.omplan": "not hidden: not ours",
        ".~plan.omplan#": "a lock",
    }
    for name, text in others.items():
        (folder / name).write_text(text, encoding="utf-8")
        _age(folder / name, LEFTOVER_AGE_SECONDS + 60)
    outside = folder.parent / f"outside-{folder.name}.txt"
    outside.write_text("keep me", encoding="utf-8")
    (folder / ".plan.omplan.linkto00.omplan").symlink_to(outside)
    os.utime(folder / ".plan.omplan.linkto00.omplan", (1, 1), follow_symlinks=False)

    save_plan(_renamed(example_plan, "After the crash"), example_file)

    names = {p.name for p in folder.iterdir()}
    assert not any(p.name in names for p in leftovers)
    assert fresh.name in names
    assert set(others) <= names
    assert ".plan.omplan.linkto00.omplan" in names and outside.read_text(encoding="utf-8") == "keep me"
    assert load_plan(example_file).details.title == "After the crash"


def test_leftovers_in_an_unreadable_place_do_not_stop_the_save(tmp_path, example_plan):
    assert remove_leftovers(tmp_path / "missing-folder" / "plan.omplan") == []
    save_plan(example_plan, tmp_path / "plan.omplan")


def test_a_character_that_cannot_be_written_leaves_the_old_file(example_file, example_plan):
    before = example_file.read_bytes()
    plan = example_plan.model_copy(deep=True)
    # Editing refuses half a surrogate pair; this stands for one that slipped past validation.
    object.__setattr__(plan.details, "title", "Half a pair \ud800")
    with pytest.raises(UnicodeEncodeError):
        save_plan(plan, example_file)
    assert example_file.read_bytes() == before
    assert sorted(p.name for p in example_file.parent.iterdir()) == ["plan.omplan"]


def test_the_identity_notices_a_colleagues_save_but_not_a_touch(example_file, example_plan):
    plan, identity = load_plan_with_identity(example_file)
    assert plan == example_plan
    assert not changed_on_disk(example_file, identity)

    os.utime(example_file, ns=(identity.mtime_ns + 5 * 10**9, identity.mtime_ns + 5 * 10**9))
    assert not changed_on_disk(example_file, identity)  # a sync client rewrote the same bytes

    colleague = _renamed(example_plan, "Saved by a colleague")
    save_plan(colleague, example_file)
    assert changed_on_disk(example_file, identity)

    example_file.unlink()
    assert not changed_on_disk(example_file, identity)  # nothing left to overwrite


def test_a_change_of_the_same_size_in_the_same_instant_is_still_seen(example_file):
    _, identity = load_plan_with_identity(example_file)
    text = example_file.read_bytes()
    swapped = text.replace(b"AI operating model", b"AI operating MODEL", 1)
    assert len(swapped) == len(text)
    example_file.write_bytes(swapped)
    os.utime(example_file, ns=(identity.mtime_ns, identity.mtime_ns + 1))
    assert changed_on_disk(example_file, identity)


def test_save_returns_the_identity_of_the_file_it_wrote(tmp_path, example_plan):
    path = tmp_path / "plan.omplan"
    identity = save_plan(example_plan, path)
    assert not changed_on_disk(path, identity)
    _, read_back = load_plan_with_identity(path)
    assert read_back == identity


def test_without_a_remembered_identity_an_existing_file_counts_as_changed(example_file, tmp_path):
    assert changed_on_disk(example_file, None)
    assert not changed_on_disk(tmp_path / "new.omplan", None)
