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
