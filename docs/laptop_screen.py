"""What the screenshot scripts share: an offscreen 1366×768 laptop screen and a wait for timers."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpiX": 96, "logicalDpiY": 96}


def use_laptop_screen() -> None:
    """Before Qt starts: run offscreen on a simulated 1366×768 screen (presentation mode goes full
    screen on it), with fresh settings, and this checkout's app rather than an installed one."""
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("OMPLANNER_DATA_DIR", tempfile.mkdtemp())
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def settle(app, seconds: float) -> None:
    """Run the event loop for a while, timers included (processEvents alone fires none)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
