"""What every benchmark shares: timing by median of repeats, the result row, 'not available yet'."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


class NotAvailable(Exception):
    """The part this row measures is not in the app yet; the row says so instead of failing."""


@dataclass
class Row:
    """One line of the table: our figure, the bare baseline's, and the target for their ratio.

    ``target`` is the largest acceptable ratio (None: recorded, no target). ``unit`` is how the
    figures print: "ms", "MB" or "x".
    """

    name: str
    figure: float
    baseline: float
    target: float | None
    unit: str = "ms"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.figure / self.baseline if self.baseline else float("inf")

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "info"
        return "PASS" if self.ratio <= self.target else "MISS"


def median_time(
    func: Callable[[], object],
    repeats: int,
    setup: Callable[[], object] | None = None,
    clock: Callable[[], float] = time.process_time,
) -> float:
    """Median time of ``func`` in milliseconds; ``setup`` runs untimed before each repeat.

    The clock is this process's CPU time by default: the work measured is single-threaded and
    CPU-bound, and on a laptop busy with other programs CPU time varies far less than wall time.
    Pass ``time.perf_counter`` where waiting is part of the cost (saving waits for the disk).
    """
    times = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        # As timeit does: collect first, then no collection while timing. Otherwise a full
        # collection, whose cost depends on everything the benchmark run holds (both large
        # plans at once), lands in one figure or another by chance.
        gc.collect()
        gc.disable()
        try:
            start = clock()
            func()
            times.append((clock() - start) * 1000)
        finally:
            gc.enable()
    return statistics.median(times)


def median_times(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    repeats: int,
    clock: Callable[[], float] = time.process_time,
    warm_up: bool = True,
) -> tuple[float, float]:
    """Median times (ms) of ``ours`` and ``baseline``, their repeats taken in turns.

    Timing all of one side and then all of the other lets a change in the machine's load (other
    programs, CPU frequency) fall on one side only; in turns, both sides see the same moments.
    Each side runs once untimed first (``warm_up``; pass False if the caller has already run
    both), so that neither figure holds one-off costs (first imports, caches filled on first
    use) that the other does not."""
    if warm_up:
        ours(), baseline()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeats):
        a.append(median_time(ours, 1, clock=clock))
        b.append(median_time(baseline, 1, clock=clock))
    return statistics.median(a), statistics.median(b)
