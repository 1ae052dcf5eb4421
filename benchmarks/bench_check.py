"""Benchmark: checking a large plan must cost no more than loading it, and scale linearly.

Run: ``.venv/bin/python benchmarks/bench_check.py`` (not part of the test run: timings on a
shared machine are not assertions). A generated plan with 10 use cases, about 4,000 steps and
300 roadmap items is saved, loaded and checked; then the same at twice the size.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from omplanner.fileio import load_plan, save_plan
from omplanner.model import (
    AiIntervention,
    Autonomy,
    CapabilityKind,
    CapabilityRequirement,
    DataSource,
    Decision,
    Flow,
    ItemKind,
    Plan,
    RoadmapItem,
    Role,
    RoleKind,
    Step,
    StepKind,
)
from omplanner.model.factories import make_use_case
from omplanner.rules import check_plan

KINDS = list(ItemKind)


def large_plan(use_cases: int = 10, steps_per_map: int = 200, items_per_use_case: int = 30, seed: int = 1) -> Plan:
    rng = random.Random(seed)
    plan = Plan()
    for n in range(use_cases):
        uc_id = f"uc{n}"
        roles = [Role(id=f"{uc_id}-h{k}", name=f"Role {k} of {n}") for k in range(4)]
        agent = Role(id=f"{uc_id}-ai", name=f"Agent {n}", kind=RoleKind.AI_AGENT)
        plan.roles += roles + [agent]
        uc = make_use_case(f"Use case {n}", id=uc_id)
        for variant in ("current", "redesigned"):
            pmap = getattr(uc, variant)
            pmap.lanes = [r.id for r in roles] + [agent.id]
            prefix = f"{uc_id}-{variant[0]}"
            for k in range(steps_per_map):
                kind = StepKind.START if k == 0 else StepKind.END if k == steps_per_map - 1 else StepKind.TASK
                ai = variant == "redesigned" and k % 4 == 1
                pmap.steps.append(
                    Step(
                        id=f"{prefix}{k}",
                        name=f"Step {k}",
                        kind=kind,
                        lane=agent.id if ai else rng.choice(roles).id,
                        minutes=rng.randint(1, 20),
                        ai=AiIntervention.AUTOMATE if ai else AiIntervention.NONE,
                        exception_route=f"{prefix}{k + 1}" if ai and k % 8 == 1 else None,
                        exception_rate=10 if ai else None,
                        derived_from=f"{uc_id}-c{k}" if variant == "redesigned" else None,
                    )
                )
                if k:
                    pmap.flows.append(Flow(id=f"{prefix}f{k}", source=f"{prefix}{k - 1}", target=f"{prefix}{k}"))
            plan.use_cases.append(uc) if variant == "redesigned" else None
        for k in range(20):
            plan.decisions.append(
                Decision(
                    id=f"{uc_id}-d{k}",
                    name=f"Decision {k}",
                    use_case=uc_id,
                    step=f"{uc_id}-r{4 * k + 1}",
                    autonomy=rng.choice(list(Autonomy)),
                    accountable=[roles[k % 4].id],
                )
            )
            plan.data_sources.append(
                DataSource(
                    id=f"{uc_id}-s{k}",
                    name=f"Source {k}",
                    validation=rng.choice(["", "Checked daily"]),
                    used_by=[f"{uc_id}-r{4 * k + 1}"],
                )
            )
        plan.capabilities.append(
            CapabilityRequirement(id=f"{uc_id}-cap", role=roles[0].id, capability=CapabilityKind.OUTPUT_VALIDATION)
        )
        for k in range(items_per_use_case):
            deps = [f"{uc_id}-i{d}" for d in rng.sample(range(k), min(k, 2))] if k else []
            plan.roadmap.append(
                RoadmapItem(
                    id=f"{uc_id}-i{k}",
                    title=f"Item {k}",
                    kind=rng.choice(KINDS),
                    use_case=uc_id,
                    start_week=rng.randint(0, 80),
                    duration_weeks=rng.randint(1, 6),
                    depends_on=deps,
                )
            )
    return plan


def best_of(func, runs: int = 9) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def measure(use_cases: int, items: int) -> tuple[int, int, float, float, int]:
    plan = large_plan(use_cases=use_cases, items_per_use_case=items)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.omplan"
        save_plan(plan, path)
        loaded = load_plan(path)
        load = best_of(lambda: load_plan(path))
    check_plan(loaded)  # warm up: the first check imports what it needs
    check = best_of(lambda: check_plan(loaded))
    steps = sum(len(m.steps) for _, _, m in loaded.maps())
    return steps, len(loaded.roadmap), load, check, len(check_plan(loaded))


def main() -> int:
    rows = [measure(10, 30), measure(20, 30)]
    for steps, items, load, check, found in rows:
        print(
            f"{steps:6} steps {items:4} items: load {load * 1000:7.1f} ms, check {check * 1000:7.1f} ms "
            f"({check / load:.2f} x load), {found} findings"
        )
    ratio = rows[1][3] / rows[0][3]
    print(f"doubling the plan multiplies the check time by {ratio:.2f}")
    ok = all(check <= load for _, _, load, check, _ in rows) and ratio <= 2.2
    print("OK" if ok else "TOO SLOW")
    _ = statistics
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
