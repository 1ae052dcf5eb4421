"""Loading and saving the large plan, against json.loads / json.dumps of the same file."""

from __future__ import annotations

import json
import time
from pathlib import Path

from omplanner.fileio import PlanFileError, load_plan, parse_plan, save_plan

from .common import Row, median_time, median_times


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


def refusals(repeats: int) -> list[Row]:
    """Each hostile file near the size cap, refused by ``parse_plan``, against ``json.loads`` of the
    same bytes (which, for most of them, accepts them): time (CPU) and peak memory (tracemalloc)."""
    import tracemalloc

    from .hostile import HOSTILE

    rows = []
    for name, make in HOSTILE.items():
        raw = make(30)

        def ours(raw=raw, name=name):
            try:
                parse_plan(raw)
            except PlanFileError:
                return
            raise AssertionError(f"{name}: the file was accepted")

        def bare(raw=raw):
            try:
                json.loads(raw)
            except (ValueError, RecursionError):
                pass

        figure, baseline = median_times(ours, bare, repeats)
        peaks = []
        for func in (ours, bare):
            tracemalloc.start()
            func()
            peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
            tracemalloc.stop()
        size = f"{len(raw) / 2**20:.0f} MB"
        rows.append(Row(f"refuse {name} (vs json.loads)", figure, baseline, 2.0, note=size))
        rows.append(Row(f"refuse {name}: peak memory (vs json.loads)", peaks[0], peaks[1], 3.0, unit="MB"))
    return rows
