"""Building and fully painting the scene of a 500-step process map, against a bare QGraphicsScene
holding one plain rectangle and one text item per step."""

from __future__ import annotations

import importlib

from .common import NotAvailable, Row


def run(repeats: int) -> Row:
    try:
        importlib.import_module("ui.process.scene")
    except ImportError:
        raise NotAvailable("ui.process.scene is not on main yet") from None
    raise NotAvailable("the process-map scene API is not wired into the benchmark yet")
