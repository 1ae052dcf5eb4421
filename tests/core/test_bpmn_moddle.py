"""Our exports read by bpmn-moddle, the reader inside bpmn-js and Camunda Modeler: 0 warnings.

Needs node and ``npm ci --prefix tests/node`` (bpmn-moddle from the npm registry); skipped, with
that reason, where either is missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from omplanner.bpmn import export_map

from .bpmn_support import MIWG
from .strategies import plans
from .test_bpmn_export import _example, _tiny_plan

NODE_DIR = Path(__file__).parents[1] / "node"


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on this machine, so bpmn-moddle cannot read the exports")
    if not (NODE_DIR / "node_modules" / "bpmn-moddle").is_dir():
        pytest.skip("bpmn-moddle is not installed: run 'npm ci --prefix tests/node'")
    return node


def _read(paths: list[Path]) -> dict:
    done = subprocess.run(
        [_node(), str(NODE_DIR / "check_bpmn.mjs"), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def _export_all(plan, folder: Path) -> list[Path]:
    paths = []
    for number, (uc, variant, _) in enumerate(plan.maps()):
        path = folder / f"map-{number}.bpmn"
        path.write_bytes(export_map(plan, uc, variant))
        paths.append(path)
    return paths


def test_the_reader_does_warn_where_there_is_something_to_warn_about():
    # Without this, "0 warnings" could mean the reader was never asked.
    report = _read([MIWG / "A.1.0.bpmn"])
    assert report[str(MIWG / "A.1.0.bpmn")]["warnings"]  # it is ISO-8859-1, which moddle does not read


def test_every_export_of_the_example_and_of_odd_ids_reads_without_a_warning(tmp_path):
    (tmp_path / "tiny").mkdir()
    paths = _export_all(_example(), tmp_path) + _export_all(_tiny_plan(), tmp_path / "tiny")
    report = _read(paths)
    assert {path: entry.get("warnings") for path, entry in report.items()} == {str(p): [] for p in paths}
    assert all(entry.get("root") == "bpmn:Definitions" for entry in report.values())


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(plans())
def test_exports_of_generated_plans_read_without_a_warning(tmp_path, plan):
    folder = tmp_path / "generated"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    paths = _export_all(plan, folder)
    report = _read(paths)
    problems = {path: entry for path, entry in report.items() if entry.get("warnings") or "error" in entry}
    assert problems == {}
