"""The lock beside an open plan: who has it open, when it is stale, and that a hostile one is harmless."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from omplanner.fileio.plan_lock import PlanLock, lock_path, read_owner, this_host


def _write_lock(plan, **fields):
    data = {
        "host": this_host(),
        "pid": os.getpid(),
        "user": "ana",
        "since": datetime.now(UTC).isoformat(),
        "token": "someone-else",
    }
    data.update(fields)
    lock_path(plan).write_text(json.dumps(data), encoding="utf-8")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_lock_is_written_beside_the_plan_and_removed_on_release(example_file):
    lock = PlanLock(example_file)
    assert lock.take()
    assert lock.file == example_file.parent / ".~plan.omplan#"
    owner = read_owner(example_file)
    assert owner.pid == os.getpid() and owner.host == this_host() and owner.token == lock.token
    assert lock.holder() is None  # our own lock is nobody else's

    second = PlanLock(example_file)  # a second window on the same plan
    assert second.holder() == owner
    assert not second.take()
    assert read_owner(example_file).token == lock.token

    lock.release()
    assert not lock.file.exists()
    assert sorted(p.name for p in example_file.parent.iterdir()) == ["plan.omplan"]


def test_a_lock_of_a_dead_process_on_this_host_is_stale(example_file):
    _write_lock(example_file, pid=_dead_pid())
    lock = PlanLock(example_file)
    assert lock.holder() is None
    assert lock.take()
    assert read_owner(example_file).token == lock.token


def test_a_lock_from_another_host_holds_for_a_day(example_file):
    _write_lock(example_file, host="laptop-of-ana", pid=1)
    owner = PlanLock(example_file).holder()
    assert owner is not None and "ana on laptop-of-ana since" in owner.describe()

    _write_lock(example_file, host="laptop-of-ana", pid=1, since=(datetime.now(UTC) - timedelta(days=2)).isoformat())
    assert PlanLock(example_file).holder() is None


def test_releasing_leaves_a_lock_another_app_took_over(example_file):
    lock = PlanLock(example_file)
    lock.take()
    _write_lock(example_file, token="taken-over")
    lock.release()
    assert read_owner(example_file).token == "taken-over"


def test_a_garbled_or_hostile_lock_is_ignored_and_never_followed(example_file, tmp_path):
    for text in ["", "not json", "[1, 2]", '{"pid": "1"}', "{" * 100000, '{"host": 1, "pid": 2}']:
        lock_path(example_file).write_text(text, encoding="utf-8")
        assert read_owner(example_file) is None
        assert PlanLock(example_file).holder() is None

    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    lock_path(example_file).unlink()
    lock_path(example_file).symlink_to(secret)
    assert read_owner(example_file) is None  # a link planted as the lock is not read through
    lock = PlanLock(example_file)
    assert lock.take()
    assert secret.read_text(encoding="utf-8") == "private"  # ...nor written through
    assert not lock_path(example_file).is_symlink()


def test_the_names_in_a_lock_are_shown_without_control_characters(example_file):
    _write_lock(example_file, host="pc\u202e\nrm -rf", user="x" * 300)
    owner = read_owner(example_file)
    shown = owner.describe()
    assert "\n" not in shown and "\u202e" not in shown
    assert len(shown) < 200


def test_a_folder_that_cannot_be_written_opens_without_a_lock(tmp_path, example_plan):
    lock = PlanLock(tmp_path / "no-such-folder" / "plan.omplan")
    assert not lock.take()
    lock.release()


def test_a_linked_plan_is_locked_beside_its_target(example_file, tmp_path):
    link = tmp_path / "elsewhere.omplan"
    link.symlink_to(example_file)
    PlanLock(example_file).take()
    assert PlanLock(link).holder() is not None
