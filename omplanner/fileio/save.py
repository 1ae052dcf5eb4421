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
    """Write to a temporary file beside ``path``, fsync, then rename over it.

    If the body raises (an exporter failed or was cancelled), the temporary file is removed and
    whatever was at ``path`` before is untouched.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """For writers that want a file name (openpyxl, reportlab): yields a temporary path beside
    ``path`` that replaces it only when the body finishes without error."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix or ".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
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
