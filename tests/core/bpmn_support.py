"""What the BPMN tests share: the OMG schema, loaded once, and the reference files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

FIXTURES = Path(__file__).parent / "fixtures" / "bpmn"
MIWG = FIXTURES / "miwg"


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FIXTURES / "xsd" / "BPMN20.xsd")))


def schema_errors(raw: bytes) -> list[str]:
    """Every message of the OMG schema about ``raw``; empty when it validates."""
    document = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    checker = schema()
    if checker.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in checker.error_log]
