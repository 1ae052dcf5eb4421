"""Writing a plan file atomically: a crash mid-save leaves the old file or the new one."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ..model import Plan


def plan_to_json(plan: Plan) -> str:
    """The file text: indented, in field order (format and version first), one value a line."""
    return json.dumps(plan.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n"


def save_plan(plan: Plan, path: Path | str, touch: bool = True) -> None:
    """Save atomically. ``touch`` stamps the plan's modified time first."""
    if touch:
        plan.details.modified = datetime.now(UTC).replace(microsecond=0)
    text = plan_to_json(plan)
    with atomic_write(Path(path), "w", encoding="utf-8") as handle:
        handle.write(text)


@contextmanager
def atomic_write(path: Path, mode: str = "wb", **kwargs) -> Iterator[IO]:
    """Write through a file handle; the file replaces ``path`` only if the body finishes."""
    with atomic_path(path) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success fsync it and rename it over ``path``.

    For writers that want a file name (openpyxl, reportlab) as much as for our own. If the body
    raises (an exporter failed or was cancelled), the temporary file is removed and whatever
    was at ``path`` before is untouched: a crash leaves the old file or the new one.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix or ".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
