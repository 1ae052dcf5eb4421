"""import(export(map)) == map: every field of every map comes back from our own BPMN."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from omplanner.bpmn import export_map
from omplanner.bpmn.importer import read_bpmn
from omplanner.model import Step, StepKind

from .strategies import plans
from .test_bpmn_export import _example, _tiny_plan


def _assert_round_trip(plan) -> None:
    for uc, variant, pmap in plan.maps():
        result = read_bpmn(export_map(plan, uc, variant), plan, pmap.id)
        assert result.pmap == pmap, (uc.name, variant)
        assert result.new_roles == [] and result.degradations == [] and not result.auto_layout


def test_the_example_comes_back_whole():
    _assert_round_trip(_example())


def test_ids_that_are_no_xml_names_and_control_characters_come_back():
    plan = _tiny_plan()
    step = plan.use_cases[0].current.steps[1]
    step.name = 'Key\x01 in\r\n <&> "quoted"\t'
    step.x, step.y = 0.1 + 0.2, 1e-300
    plan.use_cases[0].current.steps.append(
        Step(id="a:b", kind=StepKind.END, name="\x1f", lane="r lead", exception_route="s4", x=1, y=2)
    )
    _assert_round_trip(plan)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_every_generated_map_comes_back_whole(plan):
    _assert_round_trip(plan)
