"""The roadmap as a dependency graph: analysis (critical path, slack, phases, cycles) and an
automatic schedule that satisfies the dependencies and the sequencing principles.
"""

from .analysis import RoadmapAnalysis, analyse_roadmap
from .constraints import Constraint, Constraints, build_constraints
from .schedule import (
    Move,
    MoveAlong,
    Schedule,
    auto_sequence_command,
    propose_schedule,
    push_command,
    schedule_command,
    solve,
)

__all__ = [
    "Constraint",
    "Constraints",
    "Move",
    "Schedule",
    "RoadmapAnalysis",
    "analyse_roadmap",
    "auto_sequence_command",
    "build_constraints",
    "propose_schedule",
    "push_command",
    "MoveAlong",
    "schedule_command",
    "solve",
]
