"""Broken plan files, one per way a file arrives damaged or hostile, shared by the file and CLI tests.

Each maker writes the file into a folder and returns its path with the words the refusal must
contain: the place in the file (where there is one) and the problem, in a facilitator's words.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from omplanner.paths import example_path


def _example() -> dict:
    return json.loads(example_path("distributor").read_text(encoding="utf-8"))


def _write(folder: Path, name: str, data: dict | str | bytes) -> Path:
    path = folder / f"{name}.omplan"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data, indent=1), encoding="utf-8")
    return path


def truncated(folder: Path) -> tuple[Path, list[str]]:
    text = example_path("distributor").read_text(encoding="utf-8")
    return _write(folder, "truncated", text[: len(text) // 2]), ["line ", "ends too early"]


def wrong_type(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["roadmap"][2]["start_week"] = "three"
    title = data["roadmap"][2]["title"]
    return _write(folder, "wrong_type", data), [f'roadmap item 3 "{title}"', "start week", "integer", "'three'"]


def dangling_reference(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["decisions"][1]["use_case"] = "uc-nowhere"
    name = data["decisions"][1]["name"]
    return _write(folder, "dangling", data), [f'decision 2 "{name}"', "use case", '"uc-nowhere"', "not in the plan"]


def duplicate_id(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["roadmap"][5]["id"] = data["roadmap"][4]["id"]
    return _write(folder, "duplicate", data), ["roadmap item 6", f'"{data["roadmap"][4]["id"]}" is already used']


def deep_nesting(folder: Path) -> tuple[Path, list[str]]:
    text = '{"format": "omplanner-plan", "schema_version": 1, "details": ' + "[" * 100_000 + "]" * 100_000 + "}"
    return _write(folder, "deep", text), ["nested", "levels deep"]


def hundred_megabytes(folder: Path) -> tuple[Path, list[str]]:
    path = folder / "huge.omplan"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"format": "omplanner-plan", "schema_version": 1, "details": {"notes": "')
        chunk = "A workshop note. " * 4096
        while handle.tell() < 100 * 2**20:
            handle.write(chunk)
        handle.write('"}}')
    return path, ["100 MB", "at most"]


def future_version(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["schema_version"] = 99
    return _write(folder, "future", data), ["newer OM Planner", "format version 99", "Update OM Planner"]


def binary(folder: Path) -> tuple[Path, list[str]]:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16
    return _write(folder, "binary", data), ["binary file", "not an OM Planner plan"]


def empty(folder: Path) -> tuple[Path, list[str]]:
    return _write(folder, "empty", b""), ["the file is empty"]


BAD_FILES: dict[str, Callable[[Path], tuple[Path, list[str]]]] = {
    f.__name__: f
    for f in (
        truncated,
        wrong_type,
        dangling_reference,
        duplicate_id,
        deep_nesting,
        hundred_megabytes,
        future_version,
        binary,
        empty,
    )
}
