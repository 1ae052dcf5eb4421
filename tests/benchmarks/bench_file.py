"""Loading and saving the large plan, against json.loads / json.dumps of the same file."""

from __future__ import annotations

import json
import time
from pathlib import Path

from omplanner.fileio import load_plan, parse_plan, save_plan

from .common import Row, median_time


def run(large: Path, repeats: int, tmp: Path) -> list[Row]:
    raw = large.read_bytes()
    data = json.loads(raw)
    plan = load_plan(large)
    out = tmp / "saved.omplan"
    load = median_time(lambda: parse_plan(raw, large), repeats)
    bare_load = median_time(lambda: json.loads(raw), repeats)
    # Wall time for saving: it waits for the disk (fsync), and so does the user.
    save = median_time(lambda: save_plan(plan, out, touch=False), repeats, clock=time.perf_counter)
    bare_save = median_time(
        lambda: out.write_text(json.dumps(data, indent=1, ensure_ascii=False)), repeats, clock=time.perf_counter
    )
    size = f"{len(raw) / 2**20:.1f} MB file"
    return [
        Row("load large plan (vs json.loads)", load, bare_load, None, note=size),
        Row("save large plan, atomic + fsync (vs json.dumps + write)", save, bare_save, None, note=size),
    ]
