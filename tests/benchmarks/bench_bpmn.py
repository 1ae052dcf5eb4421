"""BPMN interchange: importing the largest MIWG reference and exporting the 500-step map, each
against lxml parsing the same file alone (the least any reader or writer of that file does)."""

from __future__ import annotations

from pathlib import Path

from .common import NotAvailable, Row, median_times
from .generate import map_plan

LARGEST_REFERENCE = Path(__file__).parents[1] / "core" / "fixtures" / "bpmn" / "miwg" / "B.1.0.bpmn"


def run(repeats: int) -> list[Row]:
    try:
        from omplanner.bpmn import export_map, read_bpmn
    except ImportError:
        raise NotAvailable("omplanner.bpmn is not on main yet") from None
    from lxml import etree

    from omplanner.model import Plan, ProcessMap, UseCase

    raw = LARGEST_REFERENCE.read_bytes()
    target = Plan(
        use_cases=[
            UseCase(
                id="uc",
                name="Imported",
                current=ProcessMap(id="m"),
                redesigned=ProcessMap(id="r"),
                governance={"id": "g"},
            )
        ]
    )
    parse = etree.XMLParser(resolve_entities=False, no_network=True)
    steps = len(read_bpmn(raw, target, "m").pmap.steps)
    imported, parsed = median_times(lambda: read_bpmn(raw, target, "m"), lambda: etree.fromstring(raw, parse), repeats)

    plan, map_id = map_plan(500)
    use_case, variant = next((uc, v) for uc, v, m in plan.maps() if m.id == map_id)
    written = export_map(plan, use_case, variant)
    exported, reparsed = median_times(
        lambda: export_map(plan, use_case, variant), lambda: etree.fromstring(written, parse), repeats
    )
    imported_back, reparsed_again = median_times(
        lambda: read_bpmn(written, plan, map_id), lambda: etree.fromstring(written, parse), repeats
    )
    return [
        Row(
            f"BPMN import, MIWG {LARGEST_REFERENCE.stem} (vs lxml parse alone)",
            imported,
            parsed,
            10.0,
            note=f"{len(raw) // 1024} KB, {steps} steps, automatic layout",
        ),
        Row(
            "BPMN export, 500-step map (vs lxml parsing the file)",
            exported,
            reparsed,
            12.0,
            note=f"{len(written) // 1024} KB",
        ),
        Row(
            "BPMN import, our 500-step export (vs lxml parse alone)",
            imported_back,
            reparsed_again,
            12.0,
            note="diagram kept: no layout",
        ),
    ]
