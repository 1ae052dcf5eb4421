"""The rule engine: the catalogue, the plan's rule settings, the order of findings."""

from __future__ import annotations

import copy
import subprocess
import sys

from omplanner.model import Component, ItemKind, RuleSetting, RuleSeverity, Severity
from omplanner.rules import catalogue, check_plan

from .rules_plans import item, roadmap


def test_catalogue_lists_every_family_with_explanations():
    infos = catalogue()
    codes = [i.code for i in infos]
    assert len(codes) == len(set(codes))
    assert {c.split("-")[0] for c in codes} == {"SEQ", "RDY", "PRO", "DEC", "GOV", "DAT", "CAP", "INT"}
    assert codes.index("SEQ-001") < codes.index("PRO-001") < codes.index("CAP-001")
    for info in infos:
        assert isinstance(info.default_severity, Severity)
        assert info.component is None or isinstance(info.component, Component)
        assert len(info.explanation) > 40 and "  " not in info.explanation and info.title


def late_tool_selection():
    return roadmap(item("d", ItemKind.DIAGNOSTIC, None, 0, 3), item("t", ItemKind.TOOL_SELECTION, "uc-1", 1))


def test_rule_settings_change_severity_or_switch_a_rule_off():
    plan = late_tool_selection()
    [f] = [f for f in check_plan(plan) if f.code == "SEQ-001"]
    assert f.severity is Severity.ERROR
    plan.rule_settings["SEQ-001"] = RuleSetting(severity=RuleSeverity.INFO)
    [f] = [f for f in check_plan(plan) if f.code == "SEQ-001"]
    assert f.severity is Severity.INFO
    plan.rule_settings["SEQ-001"] = RuleSetting(severity=RuleSeverity.OFF)
    assert "SEQ-001" not in [f.code for f in check_plan(plan)]


def test_findings_sorted_by_severity_then_use_case():
    plan = late_tool_selection()
    plan.roadmap += [item("x2", ItemKind.DEPLOYMENT, "uc-2", 4), item("x1", ItemKind.DEPLOYMENT, "uc-1", 4)]
    found = check_plan(plan)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    uc_rank = {None: 0, "uc-1": 1, "uc-2": 2}
    keys = [(order[f.severity], uc_rank[f.use_case_id]) for f in found]
    assert keys == sorted(keys) and len(set(keys)) > 2


def test_checking_leaves_the_plan_untouched(example_plan):
    before = copy.deepcopy(example_plan.model_dump())
    check_plan(example_plan)
    assert example_plan.model_dump() == before


def test_checking_a_plan_without_cycles_does_not_import_networkx(example_file):
    # networkx costs a third of a second to import; check_plan runs after every edit in the app.
    code = (
        "import sys; from omplanner.fileio import load_plan; from omplanner.rules import check_plan; "
        f"check_plan(load_plan({str(example_file)!r})); print('networkx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_rules_survive_dangling_references(example_plan):
    # An entity removed without mending what points at it (as a half-finished edit leaves the
    # plan inside a macro; ``perform`` skips the check that refuses it) must not make the check
    # fail: every rule looks ids up defensively.
    from omplanner.commands import RemoveEntity
    from omplanner.integration import integration_figures
    from omplanner.model import iter_places
    from omplanner.sequencing import analyse_roadmap, auto_sequence_command

    removable = [p.entity.id for p in iter_places(example_plan) if p.index is not None]
    assert len(removable) > 100
    for entity_id in removable:
        command = RemoveEntity(entity_id)
        command.perform(example_plan)
        try:
            check_plan(example_plan)
            if entity_id.startswith("item-"):
                analyse_roadmap(example_plan)
                auto_sequence_command(example_plan)
            for uc in example_plan.use_cases:
                integration_figures(example_plan, uc)
        finally:
            command.revert(example_plan)
