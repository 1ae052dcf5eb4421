"""The start-up probe the benchmarks and the bundle's smoke test rely on: opens, paints, quits."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from omplanner.paths import example_path


def test_app_quits_after_its_first_paint_when_asked():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OMPLANNER_EXIT_AFTER_PAINT="1")
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "ui.launcher", str(example_path("distributor"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    mark, stamp = result.stdout.split()
    assert mark == "OMPLANNER_PAINTED"
    assert start < float(stamp) < time.monotonic()
    assert "Could not open" not in result.stderr and "Traceback" not in result.stderr
