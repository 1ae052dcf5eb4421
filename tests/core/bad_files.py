"""Broken plan files, one per way a file arrives damaged or hostile, shared by the file and CLI tests.

Each maker writes the file into a folder and returns its path with the words the refusal must
contain: the place in the file (where there is one) and the problem, in a facilitator's words.
"""

from __future__ import annotations

import json
import os
import re
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


def fifo(folder: Path) -> tuple[Path, list[str]]:
    path = folder / "pipe.omplan"
    os.mkfifo(path)  # reading it would wait for a writer for ever
    return path, ["pipe", "only ordinary files"]


def device(folder: Path) -> tuple[Path, list[str]]:
    path = folder / "zero.omplan"
    path.symlink_to("/dev/zero")  # reading it would never end
    return path, ["device", "only ordinary files"]


def utf16(folder: Path) -> tuple[Path, list[str]]:
    text = example_path("distributor").read_text(encoding="utf-8")
    return _write(folder, "utf16", text.encode("utf-16-le")), ["UTF-16", "UTF-8"]


def duplicate_key(folder: Path) -> tuple[Path, list[str]]:
    text = example_path("distributor").read_text(encoding="utf-8")
    text = text.replace('"client": ', '"client": "Someone else", "client": ', 1)
    return _write(folder, "duplicate_key", text), ['"client" appears twice']


def thousands_of_digits(folder: Path) -> tuple[Path, list[str]]:
    text = example_path("distributor").read_text(encoding="utf-8")
    text = re.sub(r'"monthly_volume": \d+', '"monthly_volume": ' + "9" * 4301, text, count=1)
    line = text[: text.index('"monthly_volume"')].count("\n") + 1
    return _write(folder, "digits", text), [f"line {line}", "thousands of digits"]


def huge_integer(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["use_cases"][0]["tractability"]["monthly_volume"] = 10**400
    return _write(folder, "huge_integer", data), ["monthly volume", "less than or equal", "401 digits"]


def not_a_number(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["use_cases"][0]["pilot_kpi"]["value"] = float("nan")  # json writes NaN, as some tools do
    return _write(folder, "nan", data), ["pilot KPI", "value", "NaN or infinite"]


def infinite_minutes(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["use_cases"][0]["current"]["steps"][0]["minutes"] = float("inf")
    return _write(folder, "infinity", data), ["current process", "step 1", "minutes", "NaN or infinite"]


def overflowing_figure(folder: Path) -> tuple[Path, list[str]]:
    text = json.dumps(_example(), indent=1).replace('"lower": null', '"lower": 1e400', 1)
    return _write(folder, "overflow", text), ["threshold", "lower", "NaN or infinite"]


def year_9999(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["details"]["start_date"] = "9999-12-01"
    return _write(folder, "year_9999", data), ["plan details", "start date", "between 1990 and 2199"]


def megabyte_name(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["roles"][0]["name"] = "word " * 200_000
    return _write(folder, "long_name", data), ['role 1 "word word', "longer than the 10,000 characters allowed"]


def million_references(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["roadmap"][1]["depends_on"] = [data["roadmap"][0]["id"]] * 1_000_000
    return _write(folder, "references", data), ["roadmap item 2", "depends on", "more than the 1,000 entries allowed"]


def thirty_megabyte_note(folder: Path) -> tuple[Path, list[str]]:
    data = _example()
    data["details"]["notes"] = "A workshop note. " * 1_800_000
    return _write(folder, "long_note", data), ["plan details", "notes", "longer than the 100,000 characters allowed"]


def open_quotes(folder: Path) -> tuple[Path, list[str]]:
    # Quotes and brackets that never close: the old nesting guard took 51 s on 128 KB of this.
    return _write(folder, "quotes", '{"a": [' + '"\\"[' * 30_000), ["not valid JSON"]


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
        fifo,
        device,
        utf16,
        duplicate_key,
        thousands_of_digits,
        huge_integer,
        not_a_number,
        infinite_minutes,
        overflowing_figure,
        year_9999,
        megabyte_name,
        million_references,
        thirty_megabyte_note,
        open_quotes,
    )
}
