"""Process maps without Qt: geometry, automatic layout, quick capture, differences, lineage.

The canvas in ``ui.process`` draws what these functions compute, so that the layout, the
counts on the difference overlay and the commands behind compound edits are tested without Qt.
"""

from .capture import CapturedStep, CaptureError, capture_command, parse_capture
from .diff import MapDiff, diff_maps
from .edits import (
    NudgeMacro,
    add_lane_command,
    clone_fragment,
    delete_command,
    move_lane_command,
    nudge_command,
    paste_command,
    redesign_from_current_command,
    remove_lane_command,
)
from .layout import (
    COLUMN_WIDTH,
    FIRST_X,
    GRID,
    LANE_HEIGHT,
    STEP_HEIGHT,
    STEP_WIDTH,
    STEP_Y_IN_LANE,
    auto_layout,
    lane_at,
    lane_centre_y,
    layout_command,
)

__all__ = [
    "COLUMN_WIDTH",
    "CaptureError",
    "CapturedStep",
    "FIRST_X",
    "GRID",
    "LANE_HEIGHT",
    "MapDiff",
    "NudgeMacro",
    "STEP_HEIGHT",
    "STEP_WIDTH",
    "STEP_Y_IN_LANE",
    "add_lane_command",
    "auto_layout",
    "capture_command",
    "clone_fragment",
    "delete_command",
    "diff_maps",
    "lane_at",
    "lane_centre_y",
    "layout_command",
    "move_lane_command",
    "nudge_command",
    "parse_capture",
    "paste_command",
    "redesign_from_current_command",
    "remove_lane_command",
]
