"""Where a command writes: the checks made before any work, and a failed write said as a message.

Every subcommand that writes a file refuses, before it loads the plan, a name it could not write
(wrong ending, missing folder, a folder itself), and turns the system's refusal to write (disk
full, no permission) into one line and exit 2 rather than an internal error.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import EXIT_USAGE, CliError

if TYPE_CHECKING:
    from ..model import Plan


def check_output(out: Path, suffix: str = "", wrong_suffix: str = "") -> None:
    """Refuse ``out`` unless it ends in ``suffix`` (when given; ``wrong_suffix`` says so in the
    command's words) and names a file in an existing folder."""
    if suffix and out.suffix.lower() != suffix:
        raise CliError(wrong_suffix or f"give a file name ending in {suffix}")
    if not out.parent.exists():
        raise CliError(f"the folder {out.parent} does not exist")
    if out.is_dir():
        raise CliError(f"{out} is a folder; give a file name")


@contextmanager
def writing(what: object) -> Iterator[None]:
    """Writing ``what`` (a path, or words for several files): a failure is ``could not write …``."""
    try:
        yield
    except OSError as exc:
        raise CliError(f"could not write {what}: {exc.strerror or exc}", EXIT_USAGE) from exc


NAME_VARIABLE = "OMPLANNER_NAME"
"""Who the command line says saved a plan (the app takes the name from its preferences)."""


def saver_name() -> str:
    """The name command-line saves record: ``OMPLANNER_NAME``, or nobody named."""
    return os.environ.get(NAME_VARIABLE, "").encode("utf-8", "replace").decode("utf-8")


def save(plan: Plan, out: Path) -> None:
    """Save ``plan`` at ``out`` as a new revision saved by :func:`saver_name`, kept in the app's
    store of revisions (so that a later merge finds it); a failure is ``could not write OUT: …``."""
    from ..fileio import save_revision

    with writing(out):
        save_revision(plan, out, saver_name())
