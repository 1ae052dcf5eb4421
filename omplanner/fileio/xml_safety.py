"""How OM Planner's XML readers (BPMN files, SVG logos) hold lxml when a file comes from someone
else: one list of parser settings, so the readers cannot drift apart.

No DTD is loaded, no entity expanded, nothing fetched from the network or another file, lxml's
own size limits kept, and comments and processing instructions dropped. Each reader adds its own
caps (depth, element count, size) and refuses a DTD subset before parsing.
"""

from __future__ import annotations

HARDENED = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
"""Keyword arguments for ``lxml.etree.XMLParser`` and ``lxml.etree.iterparse``."""
