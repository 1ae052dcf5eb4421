"""Laws of the automatic layout, on random maps (with loops, across lanes)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from omplanner.model import Flow, ProcessMap, Step, StepKind
from omplanner.process import auto_layout, lane_at


@st.composite
def maps(draw):
    lanes = [f"r{i}" for i in range(draw(st.integers(1, 4)))]
    count = draw(st.integers(1, 14))
    kinds = st.sampled_from([StepKind.TASK, StepKind.DECISION, StepKind.HANDOFF])
    steps = [Step(id=f"s{i}", kind=draw(kinds), lane=draw(st.sampled_from(lanes))) for i in range(count)]
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=25))
    flows = [Flow(id=f"f{i}", source=f"s{a}", target=f"s{b}") for i, (a, b) in enumerate(pairs)]
    return ProcessMap(id="m", lanes=lanes, steps=steps, flows=flows)


@settings(max_examples=150, deadline=None)
@given(maps())
def test_every_step_gets_its_own_spot_in_its_lane(pmap):
    positions = auto_layout(pmap)
    assert set(positions) == {s.id for s in pmap.steps}
    spots = [positions[s.id] for s in pmap.steps]
    assert len(spots) == len(set(spots))
    for step in pmap.steps:
        assert pmap.lanes[lane_at(positions[step.id][1], len(pmap.lanes))] == step.lane


@settings(max_examples=150, deadline=None)
@given(maps())
def test_flows_that_close_no_loop_never_point_backwards(pmap):
    import networkx as nx

    positions = auto_layout(pmap)
    graph = nx.DiGraph((f.source, f.target) for f in pmap.flows)
    for flow in pmap.flows:
        if flow.source != flow.target and not nx.has_path(graph, flow.target, flow.source):
            assert positions[flow.target][0] >= positions[flow.source][0]
