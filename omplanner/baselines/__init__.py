"""Baselines: named snapshots of a plan ("agreed at workshop 2") and what slipped since. No Qt.

``snapshot`` takes one and reads one back (through the loader, as a file from a stranger is
read); ``edits`` are the undoable take, rename and delete; ``slipped`` lists, in plain words,
the roadmap items that moved and the go-lives that moved since the baseline was taken.
"""

from .edits import delete_baseline, rename_baseline, take_baseline
from .slipped import Slip, slip_summary, what_slipped
from .snapshot import (
    BaselineError,
    default_name,
    find_baseline,
    make_baseline,
    name_problem,
    read_baseline,
    taken_words,
    without_baselines,
)

__all__ = [
    "BaselineError",
    "Slip",
    "default_name",
    "delete_baseline",
    "find_baseline",
    "make_baseline",
    "name_problem",
    "read_baseline",
    "rename_baseline",
    "slip_summary",
    "take_baseline",
    "taken_words",
    "what_slipped",
    "without_baselines",
]
