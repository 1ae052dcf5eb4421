"""Run every benchmark and print the table: ``python -m tests.benchmarks [--repeats N] [--markdown]``.

Each row is a ratio of our figure against a bare baseline measured in the same run on the same
machine, so the table reads the same on a fast desktop and a slow laptop. The "keys:" rows are
counted, not timed (bench_journey): a step with a budget compares with it, the others are for
the record. A part that is not on main yet prints "not available yet" in its row; the command
fails only if a benchmark breaks.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from omplanner.fileio import save_plan
from omplanner.paths import example_path

from . import (
    bench_bpmn,
    bench_edits,
    bench_export,
    bench_file,
    bench_journey,
    bench_merge,
    bench_rules,
    bench_scene,
    bench_startup,
)
from .common import NotAvailable, Row
from .generate import generate_plan


def _fmt(value: float, unit: str) -> str:
    if unit == "keys":  # counted, not measured
        return f"{value:,.0f} {unit}"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def _table(results: list[tuple[str, Row | str]], markdown: bool) -> str:
    head = ["benchmark", "figure", "baseline", "ratio", "target", "result"]
    lines = []
    for name, row in results:
        if isinstance(row, Row):
            target = f"<= {row.target:g}x" if row.target is not None else "-"
            counted = row.unit == "keys" and row.target is None  # a count for the record: nothing to compare
            cells = [
                row.name,
                _fmt(row.figure, row.unit),
                "-" if counted else _fmt(row.baseline, row.unit),
                "-" if counted else f"{row.ratio:.2f}x",
                target,
                row.verdict + (f" ({row.note})" if row.note else ""),
            ]
        else:
            cells = [name, "-", "-", "-", "-", row]
        lines.append(cells)
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(cells) + " |" for cells in lines]
        return "\n".join(out)
    widths = [max(len(str(c[i])) for c in [head, *lines]) for i in range(len(head))]
    fmt = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    return "\n".join([fmt(head), fmt(["-" * w for w in widths]), *map(fmt, lines)])


def machine() -> str:
    import os

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="repeats per figure; the median is reported")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--only",
        action="append",
        metavar="GROUP",
        help='run only the groups whose name contains GROUP (repeatable), e.g. --only edits --only "rule check"',
    )
    args = parser.parse_args(argv)
    repeats = max(1, args.repeats)

    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="omplanner-bench-") as folder:
        tmp = Path(folder)
        large, double = tmp / "large.omplan", tmp / "double.omplan"
        save_plan(generate_plan(1), large, touch=False)
        save_plan(generate_plan(2), double, touch=False)
        example = example_path("distributor")
        benches: list[tuple[str, Callable[[], Row | list[Row]]]] = [
            ("start-up", lambda: bench_startup.startup(example, repeats)),
            ("load / save", lambda: bench_file.run(large, repeats, tmp)),
            ("refusing hostile files", lambda: bench_file.refusals(repeats)),
            ("rule check", lambda: bench_rules.run(large, double, repeats)),
            ("edits in the app", lambda: bench_edits.run(large, repeats)),
            ("Excel export", lambda: bench_export.xlsx(large, repeats, tmp)),
            ("workbook import", lambda: bench_export.xlsx_import(large, repeats, tmp)),
            ("PDF export", lambda: bench_export.pdf(large, repeats, tmp)),
            ("BPMN import / export", lambda: bench_bpmn.run(repeats)),
            ("process map scene", lambda: bench_scene.run(repeats)),
            ("roadmap scene", lambda: bench_scene.roadmap(large, repeats)),
            ("peak memory", lambda: bench_startup.memory(large)),
            ("first workshop by keys", lambda: bench_journey.run(tmp)),
            ("compare and merge", lambda: bench_merge.run(large, repeats)),
        ]
        if args.only:
            benches = [(n, b) for n, b in benches if any(part.lower() in n.lower() for part in args.only)]
            if not benches:
                parser.error(f"no benchmark group matches {args.only}")
        results: list[tuple[str, Row | str]] = []
        broken = 0
        for name, bench in benches:
            print(f"… {name}", file=sys.stderr, flush=True)
            try:
                rows = bench()
            except NotAvailable as exc:
                results.append((name, f"not available yet: {exc}"))
                continue
            except Exception:
                traceback.print_exc()
                results.append((name, "BROKEN (traceback above)"))
                broken += 1
                continue
            results += [(r.name, r) for r in (rows if isinstance(rows, list) else [rows])]
    print(f"Machine: {machine()}")
    print(f"Median of {repeats} repeats; took {time.perf_counter() - began:.0f} s.\n")
    print(_table(results, args.markdown))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
