"""Reading a BPMN file from someone else, strictly: hostile XML is refused by name.

No DTD is read (a file that declares one is refused: entities are how XML bombs and file or
network reads get in), no entity is expanded, the parser never reaches the network or other
files, and the size and nesting caps are those of plan files. Sloppy but harmless files pass:
ISO-8859-1 text, ids that are no XML names, a missing targetNamespace, vendor extensions.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from ..fileio.errors import PlanFileError
from ..fileio.load import MAX_BYTES, MAX_DEPTH, read_plan_bytes
from ..fileio.xml_safety import HARDENED as _HARDENED
from .names import BPMN_NS


class BpmnFileError(Exception):
    """A file that cannot be imported as BPMN, with one sentence saying why."""

    def __init__(self, path: Path | str | None, problem: str):
        self.path = Path(path) if path is not None else None
        self.problem = problem
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path.name}: {self.problem}" if self.path else self.problem


def read_bpmn_bytes(path: Path | str) -> bytes:
    """The file's bytes under the plan files' size cap (only regular files are read)."""
    try:
        return read_plan_bytes(Path(path))
    except PlanFileError as exc:
        problem = exc.problem.replace("plan files are", "BPMN files are read up to").replace(
            "a plan file", "a BPMN file"
        )
        raise BpmnFileError(path, problem) from None


_DTD_MARKERS = tuple(
    word.encode(encoding) for word in ("<!DOCTYPE", "<!ENTITY") for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
"""A DTD's start in any encoding an XML file may have without a declaration saying otherwise."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(dtd_validation=False, **_HARDENED)


def parse_bpmn_xml(raw: bytes, path: Path | str | None = None) -> etree._Element:
    """The root ``definitions`` element of a BPMN 2.0 file, or a ``BpmnFileError``."""
    if len(raw) > MAX_BYTES:
        raise BpmnFileError(path, f"the file is larger than {MAX_BYTES // 2**20} MB, the most OM Planner reads")
    if not raw.strip():
        raise BpmnFileError(path, "the file is empty")
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<") and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BpmnFileError(path, "this is not an XML file, so not a BPMN process model")
    if any(marker in raw for marker in _DTD_MARKERS):
        raise BpmnFileError(path, _dtd_refused())
    depth = 0
    try:
        # One streaming pass: a nesting bomb is refused before its tree is built.
        for event, _element in etree.iterparse(io.BytesIO(raw), events=("start", "end"), **_HARDENED):
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    raise BpmnFileError(path, _too_deep())
            else:
                depth -= 1
        tree = etree.parse(io.BytesIO(raw), _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc).split(", line")[0]
        if "Excessive depth" in message:  # libxml2's own guard, met before our count
            raise BpmnFileError(path, _too_deep()) from None
        raise BpmnFileError(path, f"this is not well-formed XML ({message}), so not a BPMN process model") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise BpmnFileError(path, _dtd_refused())
    root = tree.getroot()
    if root.tag != f"{{{BPMN_NS}}}definitions":
        found = etree.QName(root).localname
        raise BpmnFileError(
            path,
            f"this XML is not BPMN 2.0: its root is <{found}>, where a BPMN file starts with <definitions> "
            f"in the namespace {BPMN_NS}",
        )
    return root


def _too_deep() -> str:
    return f"the XML is nested more than {MAX_DEPTH} levels deep; a process model never goes past that"


def _dtd_refused() -> str:
    return (
        "the file declares a DTD (<!DOCTYPE or <!ENTITY>), which BPMN files never need and which can expand "
        "entities or read other files, so OM Planner does not open it"
    )
