"""The vocabulary shared by export and import: namespaces, our attribute names, ids, text.

OM Planner's own facts travel in attributes of one namespace, ``OM_NS``, on the standard BPMN
elements (BPMN allows attributes of any other namespace on every element, and tools keep them):

==========================  ===========================================================
attribute                   on / meaning
==========================  ===========================================================
``om:map``                  process: the map's id; ``om:useCase``, ``om:variant`` beside it
``om:id``                   any element: the plan's id where it is not a valid XML name
``om:role``, ``om:roleKind`` lane: the role's id and kind (human, ai_agent, system)
``om:minutes``              flow node: people's minutes per case
``om:ai``                   flow node: the AI intervention (automate, surface, ...)
``om:threshold``            flow node: the confidence threshold, percent
``om:exceptionRate``        flow node: share of cases taking the exception route, percent
``om:exceptionRoute``       end event: the step its exception route leads to (BPMN has no way)
``om:derivedFrom``          flow node: lineage, the current step a redesigned step comes from
``om:exception="true"``     boundary event or sequence flow carrying an exception route
``om:split="true"``         the exclusive gateway (and its incoming flow) export adds where a
                            non-decision step has several outgoing flows; import removes it
``om:name``                 any element: the exact text of ``name`` as JSON, where the text
                            holds characters XML cannot carry (control characters)
``om:x``, ``om:y``          shape: the step's exact centre where the bounds cannot give it
==========================  ===========================================================
"""

from __future__ import annotations

import hashlib
import json
import re

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"
OM_NS = "urn:omplanner:bpmn:1"
NSMAP = {"bpmn": BPMN_NS, "bpmndi": BPMNDI_NS, "dc": DC_NS, "di": DI_NS, "om": OM_NS}


def om(name: str) -> str:
    return f"{{{OM_NS}}}{name}"


def bpmn(name: str) -> str:
    return f"{{{BPMN_NS}}}{name}"


_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
_NOT_NAME_CHAR = re.compile(r"[^A-Za-z0-9._-]")
# Characters XML 1.0 cannot hold at all, not even as a character reference.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_ncname(value: str) -> bool:
    return bool(_NCNAME.match(value))


def ncname(value: str) -> str:
    """A valid XML id for a plan id: the id itself where it is one, else a readable, stable
    spelling of it with a short hash, so two ids never meet in one spelling."""
    if is_ncname(value):
        return value
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return f"_{_NOT_NAME_CHAR.sub('_', value)[:60]}_{digest}"


class IdAllocator:
    """Unique XML ids for one document, in the order asked: the same map gives the same ids."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def take(self, wanted: str) -> str:
        candidate = wanted
        number = 2
        while candidate in self.taken:
            candidate = f"{wanted}_{number}"
            number += 1
        self.taken.add(candidate)
        return candidate


def xml_text(text: str) -> tuple[str, str | None]:
    """What an attribute can show of ``text``, and the exact text as JSON where it differs."""
    if not _XML_ILLEGAL.search(text):
        return text, None
    return _XML_ILLEGAL.sub("", text), json.dumps(text)


def number(value: float) -> str:
    """A number as xsd:double spells it, exact: whole numbers without a decimal point."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))
