"""A large, realistic plan for the benchmarks, the same every time for a given seed.

``scale=1`` is the plan the issue names: 10 use cases, 20 process maps of 200 steps,
400 decisions, 300 roadmap items, with roles, thresholds, capabilities, data sources and
scores in proportion. ``scale=2`` doubles every count, to measure how work grows.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from omplanner.model import SCHEMA_VERSION, Plan

VERBS = ["Receive", "Check", "Match", "Approve", "Route", "Record", "Review", "Escalate", "Notify", "Reconcile"]
OBJECTS = ["invoice", "order", "claim", "request", "e-mail", "forecast", "delivery note", "credit note", "quote"]
AREAS = ["Accounts payable", "Customer service", "Demand planning", "Credit control", "Returns", "Procurement"]
ROLE_NAMES = ["Clerk", "Team lead", "Controller", "Analyst", "Manager", "Agent", "Coordinator", "Director"]


def _step_name(rng: random.Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def generate_data(scale: int = 1, seed: int = 7) -> dict:
    """The plan as file JSON (a dict), built directly so that generating stays fast."""
    rng = random.Random(seed)
    n_use_cases = 10 * scale
    steps_per_map = 200
    lanes_per_map = 6
    n_decisions = 400 * scale
    n_items = 300 * scale

    roles = []
    for i in range(12 * scale):
        kind = "ai_agent" if i % 4 == 3 else "system" if i % 7 == 6 else "human"
        roles.append(
            {
                "id": f"role-{i}",
                "name": f"{AREAS[i % len(AREAS)]} {ROLE_NAMES[i % len(ROLE_NAMES)]} {i}",
                "kind": kind,
                "team": AREAS[i % len(AREAS)],
                "description": "",
            }
        )
    role_ids = [r["id"] for r in roles]

    use_cases = []
    decisions = []
    scores = []
    capabilities = []
    data_sources = []
    for u in range(n_use_cases):
        uc_id = f"uc-{u}"
        lanes = rng.sample(role_ids, lanes_per_map)
        maps = {}
        for variant in ("current", "redesigned"):
            prefix = f"{uc_id}-{variant[0]}"
            steps = []
            for s in range(steps_per_map):
                kind = (
                    "start"
                    if s == 0
                    else "end"
                    if s == steps_per_map - 1
                    else rng.choice(["task", "task", "task", "decision", "handoff"])
                )
                ai = "none" if variant == "current" else rng.choice(["none", "automate", "surface", "route_exceptions"])
                step = {
                    "id": f"{prefix}-s{s}",
                    "kind": kind,
                    "name": f"{_step_name(rng)} {s}",
                    "lane": lanes[s % lanes_per_map],
                    "minutes": round(rng.uniform(0, 30), 1),
                    "ai": ai,
                    "confidence_threshold": None,
                    "exception_route": None,
                    "exception_rate": None,
                    "derived_from": f"{uc_id}-c-s{s}" if variant == "redesigned" else None,
                    "x": 60.0 + 190.0 * (s // lanes_per_map),
                    "y": 50.0 + 120.0 * (s % lanes_per_map),
                }
                if ai != "none":
                    step["confidence_threshold"] = float(rng.choice([80, 85, 90, 95]))
                    step["exception_rate"] = float(rng.randint(2, 20))
                steps.append(step)
            for step in steps[1:-1]:
                if step["ai"] != "none":
                    step["exception_route"] = rng.choice(steps[1:-1])["id"]
            flows = [
                {"id": f"{prefix}-f{s}", "source": steps[s]["id"], "target": steps[s + 1]["id"], "label": ""}
                for s in range(steps_per_map - 1)
            ]
            maps[variant] = {"id": f"map-{prefix}", "lanes": lanes, "steps": steps, "flows": flows}
        use_cases.append(
            {
                "id": uc_id,
                "name": f"{AREAS[u % len(AREAS)]}: {rng.choice(OBJECTS)} handling {u}",
                "description": "A workflow the client runs every day, redesigned around AI.",
                "status": rng.choice(["candidate", "pilot", "deployed"]),
                "tractability": {
                    "monthly_volume": rng.randint(100, 20000),
                    "definition": rng.randint(1, 5),
                    "data_richness": rng.randint(1, 5),
                    "team_willingness": rng.randint(1, 5),
                    "strategic_value": rng.randint(1, 5),
                },
                "pilot_kpi": {"metric": "Touchless rate", "value": float(rng.randint(40, 90)), "unit": "%"},
                "current": maps["current"],
                "redesigned": maps["redesigned"],
                "governance": {
                    "id": f"gov-{uc_id}",
                    "owner_name": f"Owner {u}",
                    "owner_role": rng.choice(role_ids),
                    "autonomy_statement": "The agent acts alone below the threshold and asks above it.",
                    "thresholds": [],
                    "escalation_path": rng.sample(role_ids, 3),
                    "breach_process": "Pause the agent, review the last week's work, report to the owner.",
                },
            }
        )
        redesigned_steps = maps["redesigned"]["steps"]
        uc_decisions = []
        for d in range(n_decisions // n_use_cases):
            dec_id = f"dec-{uc_id}-{d}"
            uc_decisions.append(dec_id)
            decisions.append(
                {
                    "id": dec_id,
                    "name": f"Decide to {_step_name(rng).lower()} ({d})",
                    "use_case": uc_id,
                    "step": rng.choice(redesigned_steps)["id"],
                    "autonomy": rng.choice(["ai_alone", "human_confirms", "senior_signoff", "never_ai"]),
                    "accountable": [rng.choice(lanes)],
                    "responsible": rng.sample(lanes, 2),
                    "consulted": rng.sample(role_ids, 1),
                    "informed": rng.sample(role_ids, 2),
                    "override_authority": rng.choice(lanes),
                    "audit_trail": rng.random() < 0.7,
                    "rationale": "Volume is high and every case can be checked afterwards.",
                }
            )
        use_cases[-1]["governance"]["thresholds"] = [
            {
                "id": f"thr-{uc_id}-{t}",
                "metric": f"Error rate {t}",
                "unit": "%",
                "lower": None,
                "upper": float(rng.randint(1, 10)),
                "cadence": rng.choice(["daily", "weekly", "monthly"]),
                "covers": rng.sample(uc_decisions, 5),
            }
            for t in range(4)
        ]
        for component in ("process", "decision_rights", "capability", "governance", "data"):
            scores.append(
                {
                    "id": f"score-{uc_id}-{component}",
                    "use_case": uc_id,
                    "component": component,
                    "value": rng.randint(1, 5),
                    "participant": "",
                    "evidence": "Agreed in the workshop.",
                    "elements": [maps["current"]["id"]],
                }
            )
        for c in range(4):
            capabilities.append(
                {
                    "id": f"cap-{uc_id}-{c}",
                    "role": rng.choice(lanes),
                    "capability": rng.choice(
                        ["output_validation", "exception_judgement", "process_monitoring", "prompting"]
                    ),
                    "name": "",
                    "use_case": uc_id,
                    "current_level": rng.randint(1, 3),
                    "required_level": rng.randint(3, 5),
                    "built_through": rng.sample(["job_design", "hiring", "performance_management", "training"], 2),
                    "notes": "",
                }
            )
        for k in range(3):
            data_sources.append(
                {
                    "id": f"data-{uc_id}-{k}",
                    "name": f"{rng.choice(OBJECTS).title()} records {u}.{k}",
                    "system": rng.choice(["ERP", "CRM", "Shared inbox", "Data warehouse"]),
                    "owner_role": rng.choice(role_ids),
                    "validation": {"status": "known", "note": "Checked nightly"},
                    "latency": {"status": "known", "note": "Same day"},
                    "quality": rng.randint(1, 5),
                    "structured": rng.random() < 0.6,
                    "used_by": [s["id"] for s in rng.sample(redesigned_steps, 4)],
                }
            )

    kinds = [
        "diagnostic",
        "process_redesign",
        "data_readiness",
        "decision_rights",
        "tool_selection",
        "capability",
        "governance",
        "deployment",
        "other",
    ]
    roadmap = []
    for i in range(n_items):
        earlier = [it["id"] for it in roadmap[max(0, i - 20) :]]
        roadmap.append(
            {
                "id": f"item-{i}",
                "title": f"{kinds[i % len(kinds)].replace('_', ' ').capitalize()} work {i}",
                "kind": kinds[i % len(kinds)],
                "use_case": f"uc-{i % n_use_cases}" if i % 5 else None,
                "start_week": min(520, i // 3),
                "duration_weeks": rng.randint(1, 8),
                "owner": rng.choice(role_ids),
                "depends_on": rng.sample(earlier, min(len(earlier), rng.randint(0, 2))),
                "status": rng.choice(["planned", "in_progress", "done", "at_risk"]),
                "notes": "",
            }
        )

    stamp = datetime(2026, 1, 5, 9, 0, tzinfo=UTC).isoformat().replace("+00:00", "Z")
    return {
        "format": "omplanner-plan",
        "schema_version": SCHEMA_VERSION,
        "details": {
            "id": "details",
            "title": f"Benchmark plan x{scale}",
            "client": "Benchmark Ltd",
            "facilitator": "Bench",
            "start_date": date(2026, 1, 5).isoformat(),
            "created": stamp,
            "modified": stamp,
            "notes": "",
        },
        "roles": roles,
        "use_cases": use_cases,
        "decisions": decisions,
        "capabilities": capabilities,
        "data_sources": data_sources,
        "scores": scores,
        "roadmap": roadmap,
        "rule_settings": {},
    }


def generate_plan(scale: int = 1, seed: int = 7) -> Plan:
    return Plan.model_validate(generate_data(scale, seed))


if __name__ == "__main__":
    import sys
    from pathlib import Path

    from omplanner.fileio import save_plan

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "large.omplan")
    save_plan(generate_plan(int(sys.argv[2]) if len(sys.argv) > 2 else 1), target, touch=False)
    print(f"wrote {target} ({target.stat().st_size / 2**20:.1f} MB)")


def map_plan(steps: int = 500, lanes: int = 6, seed: int = 11) -> tuple[Plan, str]:
    """A plan whose first use case's redesigned map has ``steps`` steps, with the map's id:
    for the process-map scene benchmark (the issue's 500-step map)."""
    data = generate_data(1, seed)
    data["use_cases"] = data["use_cases"][:1]
    uc = data["use_cases"][0]
    rng = random.Random(seed)
    pmap = uc["redesigned"]
    lane_ids = pmap["lanes"][:lanes]
    prefix = "big"
    new_steps = []
    for s in range(steps):
        ai = rng.choice(["none", "none", "automate", "surface"])
        new_steps.append(
            {
                "id": f"{prefix}-s{s}",
                "kind": "start" if s == 0 else "end" if s == steps - 1 else "task",
                "name": f"{_step_name(rng)} {s}",
                "lane": lane_ids[s % lanes],
                "minutes": 5.0,
                "ai": ai,
                "confidence_threshold": 90.0 if ai != "none" else None,
                "exception_route": None,
                "exception_rate": 5.0 if ai != "none" else None,
                "derived_from": None,
                "x": 60.0 + 190.0 * (s // lanes),
                "y": 50.0 + 120.0 * (s % lanes),
            }
        )
    flows = [
        {"id": f"{prefix}-f{s}", "source": new_steps[s]["id"], "target": new_steps[s + 1]["id"], "label": ""}
        for s in range(steps - 1)
    ]
    pmap.update(lanes=lane_ids, steps=new_steps, flows=flows)
    keep = {s["id"] for s in new_steps} | {s["id"] for s in uc["current"]["steps"]}
    data["decisions"] = [d for d in data["decisions"] if d["use_case"] == uc["id"]]
    for d in data["decisions"]:
        d["step"] = None
    for t in uc["governance"]["thresholds"]:
        t["covers"] = [c for c in t["covers"] if any(d["id"] == c for d in data["decisions"])]
    data["data_sources"] = [dict(ds, used_by=[x for x in ds["used_by"] if x in keep]) for ds in data["data_sources"]]
    data["capabilities"] = [c for c in data["capabilities"] if c["use_case"] == uc["id"]]
    data["scores"] = [s for s in data["scores"] if s["use_case"] == uc["id"]]
    data["roadmap"] = [dict(i, use_case=None, depends_on=[]) for i in data["roadmap"]]
    return Plan.model_validate(data), pmap["id"]
