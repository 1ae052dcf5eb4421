"""The shipped schema is the model's, and every older format version still opens."""

import json
from pathlib import Path

from omplanner.fileio import load_plan, migrations, plan_schema
from omplanner.model import SCHEMA_VERSION
from omplanner.paths import resources_dir

FIXTURES = Path(__file__).parent / "fixtures"


def test_shipped_schema_matches_the_model():
    shipped = json.loads((resources_dir() / "schema" / "omplan.schema.json").read_text(encoding="utf-8"))
    assert shipped == plan_schema(), "run `omplanner schema > resources/schema/omplan.schema.json`"


def test_there_is_a_fixture_for_every_format_version():
    for version in range(migrations.OLDEST_VERSION, SCHEMA_VERSION + 1):
        plan = load_plan(FIXTURES / f"v{version}.omplan")
        assert plan.schema_version == SCHEMA_VERSION
        assert plan.use_cases, f"fixture v{version} should hold a worked plan"


def test_the_chain_runs_each_migration_in_turn(monkeypatch):
    seen = []

    def rename_title(data):
        seen.append(data["schema_version"])
        data["details"]["title"] = data["details"].pop("name")
        return data

    monkeypatch.setattr(migrations, "MIGRATIONS", {0: rename_title})
    data = {"schema_version": 0, "details": {"name": "Old plan"}}
    result = migrations.migrate(data, current=1)
    assert seen == [0]
    assert result == {"schema_version": 1, "details": {"title": "Old plan"}}


def test_version_1_rule_settings_open_with_an_empty_reason():
    data = json.loads((FIXTURES / "v1.omplan").read_text(encoding="utf-8"))
    data["rule_settings"] = {"SEQ-001": "off", "PRO-002": "info"}
    from omplanner.fileio import plan_from_data
    from omplanner.model import RuleSeverity

    plan = plan_from_data(data)
    assert plan.schema_version == SCHEMA_VERSION
    assert plan.rule_settings["SEQ-001"].severity is RuleSeverity.OFF
    assert plan.rule_settings["PRO-002"].severity is RuleSeverity.INFO
    assert plan.rule_settings["SEQ-001"].reason == ""


def test_version_2_keeps_the_reason_for_a_rule_setting():
    plan = load_plan(FIXTURES / "v2.omplan")
    assert plan.rule_settings["SEQ-006"].reason.startswith("The client runs two pilots")


def test_version_2_data_answers_become_structured_with_the_old_text_as_note():
    from omplanner.model import Knowledge

    plan = load_plan(FIXTURES / "v2.omplan")
    grn, emails, po = (plan.data_source(i) for i in ("data-grn", "data-emails", "data-po"))
    assert (grn.validation.status, grn.validation.note) == (Knowledge.UNKNOWN, "")
    assert (grn.latency.status, grn.latency.note) == (Knowledge.PARTLY, "Usually fine")
    assert (emails.validation.status, emails.validation.note) == (Knowledge.UNKNOWN, "None yet")
    assert (po.latency.status, po.latency.note) == (Knowledge.KNOWN, "Real time")
    assert (po.origin.status, po.origin.note) == (Knowledge.KNOWN, "ERP")  # from the source's system
    assert po.ownership.status is Knowledge.KNOWN  # it had an owner role
    assert plan.data_source("data-suppliers").ownership.status is Knowledge.UNKNOWN  # it had none


def test_version_2_governance_owners_are_marked_senior_and_nobody_else():
    plan = load_plan(FIXTURES / "v2.omplan")
    assert {r.id for r in plan.roles if r.senior} == {"role-controller"}
    assert all(not r.senior for r in plan.roles if r.id != "role-controller")


def test_a_version_2_answer_that_is_not_text_migrates_as_unknown():
    data = json.loads((FIXTURES / "v2.omplan").read_text(encoding="utf-8"))
    data["data_sources"][0]["validation"] = 12
    migrated = migrations.migrate(data)
    assert migrated["data_sources"][0]["validation"] == {"status": "unknown", "note": ""}
