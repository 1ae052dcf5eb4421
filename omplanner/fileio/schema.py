"""The JSON Schema of the plan file, as printed by ``omplanner schema`` and shipped in resources/."""

from __future__ import annotations

import json

from ..model import SCHEMA_VERSION, Plan


def plan_schema() -> dict:
    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "OM Planner plan"
    schema["description"] = f"An OM Planner plan file (.omplan), format version {SCHEMA_VERSION}."
    return schema


def schema_text() -> str:
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
