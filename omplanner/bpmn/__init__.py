"""BPMN 2.0 interchange: process maps out to, and in from, the process tools clients use.

Qt-free. ``export_map`` writes one map with diagram interchange; ``names`` documents the
OM Planner namespace that carries what BPMN has no element for.
"""

from .export import export_map, file_name

__all__ = ["export_map", "file_name"]
