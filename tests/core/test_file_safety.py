"""Damaged or hostile files are refused with a typed, located error; saving never leaves half a file."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from omplanner.commands import SetFields
from omplanner.fileio import (
    FileTooLargeError,
    InvalidPlanError,
    NewerVersionError,
    NotAPlanError,
    PlanFileError,
    TooDeepError,
    load_plan,
    save_plan,
)
from omplanner.fileio.save import LEFTOVER_AGE_SECONDS

from .bad_files import BAD_FILES

EXPECTED_TYPE = {
    "truncated": NotAPlanError,
    "wrong_type": InvalidPlanError,
    "dangling_reference": InvalidPlanError,
    "duplicate_id": InvalidPlanError,
    "deep_nesting": TooDeepError,
    "hundred_megabytes": FileTooLargeError,
    "future_version": NewerVersionError,
    "binary": NotAPlanError,
    "empty": NotAPlanError,
    "fifo": NotAPlanError,
    "device": NotAPlanError,
    "utf16": NotAPlanError,
    "duplicate_key": NotAPlanError,
    "thousands_of_digits": NotAPlanError,
    "huge_integer": InvalidPlanError,
    "not_a_number": InvalidPlanError,
    "infinite_minutes": InvalidPlanError,
    "overflowing_figure": InvalidPlanError,
    "year_9999": InvalidPlanError,
    "megabyte_name": InvalidPlanError,
    "million_references": InvalidPlanError,
    "thirty_megabyte_note": InvalidPlanError,
    "open_quotes": NotAPlanError,
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_refused_with_a_located_message(tmp_path, kind):
    path, words = BAD_FILES[kind](tmp_path)
    with pytest.raises(PlanFileError) as caught:
        load_plan(path)
    assert type(caught.value) is EXPECTED_TYPE[kind]
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    for word in words:
        assert word in message
    assert "Traceback" not in message and "pydantic" not in message.lower()


def _save_forever(plans, path, ready: int) -> None:
    """The child: save the plans in turn, as fast as it can, until it is killed. After its
    first save it writes a byte to ``ready``, so that the parent's kill lands in the saving
    loop and not in a start that a busy machine made slow."""
    try:
        save_plan(plans[0], path, touch=False)
        os.write(ready, b"x")
        while True:
            for plan in plans:
                save_plan(plan, path, touch=False)
    finally:
        os._exit(0)


@pytest.mark.slow
def test_killing_the_saving_process_leaves_the_old_plan_or_the_new(tmp_path, example_plan):
    """SIGKILL a process at random moments while it saves: the file always opens, whole.

    The child alternates between two versions of the plan, so each kill lands inside a save
    (of the example, about a millisecond each) and the file must hold one version or the other.
    """
    path = tmp_path / "plan.omplan"
    old = example_plan
    new = example_plan.model_copy(deep=True)
    SetFields(new.use_cases[0].id, {"name": "Renamed in the child", "tractability.monthly_volume": 1}).apply(new)
    save_plan(old, path, touch=False)
    rng = random.Random(20261126)
    seen = {"old": 0, "new": 0}
    for _ in range(30):
        ready, told = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(ready)
            _save_forever([new, old], path, told)
        os.close(told)
        assert os.read(ready, 1) == b"x"  # the child has saved once and is in its loop
        os.close(ready)
        time.sleep(rng.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        on_disk = load_plan(path)
        assert on_disk in (old, new)
        seen["old" if on_disk == old else "new"] += 1
    assert seen["new"] > 0
    # A killed save leaves at most its temporary file beside the plan, never a damaged plan.
    leftovers = [p for p in tmp_path.iterdir() if p != path]
    assert all(p.name.startswith(".plan.omplan.") for p in leftovers), leftovers
    # ...and the next save, once they are more than a moment old, removes them.
    for leftover in leftovers:
        os.utime(leftover, (time.time() - LEFTOVER_AGE_SECONDS - 1,) * 2)
    save_plan(old, path)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.omplan"]
