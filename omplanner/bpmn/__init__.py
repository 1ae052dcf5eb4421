"""BPMN 2.0 interchange: process maps out to, and in from, the process tools clients use.

Qt-free. ``export_map`` writes one map with diagram interchange; ``read_bpmn`` reads a file
into a preview of the map it would make (nothing changes yet) and ``import_command`` makes that
one undoable edit. ``names`` documents the OM Planner namespace that carries what BPMN has no
element for; docs/bpmn.md describes the mapping.
"""

from .apply import consequences, import_command
from .degradations import CODES, Degradation
from .export import export_map, file_name
from .importer import BpmnImport, LaneMatch, read_bpmn, read_bpmn_tree
from .safe_xml import BpmnFileError, read_bpmn_bytes

__all__ = [
    "CODES",
    "consequences",
    "BpmnFileError",
    "BpmnImport",
    "Degradation",
    "LaneMatch",
    "export_map",
    "file_name",
    "import_command",
    "read_bpmn",
    "read_bpmn_tree",
    "read_bpmn_bytes",
]
