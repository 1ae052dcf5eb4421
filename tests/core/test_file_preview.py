"""The start plan's details read from its file before the model is built (``omplanner.fileio.preview``).

What the overview shows early must be what the validated plan then shows: the same values, or
nothing. And reading a file that far must not import the model, or the preview gains nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from omplanner.fileio import load_plan, parse_plan, read_plan_text
from omplanner.fileio.preview import details_preview
from omplanner.model import SCHEMA_VERSION, Plan
from omplanner.model.limits import MAX_LONG_TEXT, MAX_TEXT

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources/examples").glob("*.omplan"))
EXAMPLE = ROOT / "resources/examples/distributor.omplan"


def _details(plan: Plan) -> dict:
    d = plan.details
    return {
        "title": d.title,
        "client": d.client,
        "facilitator": d.facilitator,
        "start_date": d.start_date,
        "notes": d.notes,
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_example_previews_as_it_opens(path):
    """The example plan previews; the blank template, of an older format version, is migrated
    before it is shown, so it previews nothing."""
    data = read_plan_text(path).data
    preview = details_preview(data)
    if data["schema_version"] != SCHEMA_VERSION:
        assert preview is None
    else:
        assert preview.values() == _details(load_plan(path))


def test_the_example_plan_previews():
    assert details_preview(read_plan_text(EXAMPLE).data).title == "AI operating model: first wave"


def _data(**details) -> dict:
    data = json.loads(Plan().model_dump_json())
    data["details"].update(details)
    return data


def test_a_plan_with_hostile_looking_details_previews_them_as_text():
    data = _data(title='<img src="/tmp/x.png"> & =SUM(A1)', notes="\u00e9" * 50, start_date="2027-01-11")
    preview = details_preview(data)
    assert preview.title == '<img src="/tmp/x.png"> & =SUM(A1)'
    assert preview.start_date == date(2027, 1, 11)
    assert preview.values() == _details(parse_plan(json.dumps(data).encode()))


@pytest.mark.parametrize(
    "change",
    [
        {"title": 5},
        {"title": None},
        {"client": "x" * (MAX_TEXT + 1)},
        {"notes": "x" * (MAX_LONG_TEXT + 1)},
        {"start_date": "11/01/2027"},
        {"start_date": "2027-02-30"},
        {"start_date": "9999-01-01"},
        {"start_date": 20270111},
    ],
    ids=str,
)
def test_details_validation_would_refuse_give_no_preview(change):
    data = _data(**change)
    assert details_preview(data) is None
    with pytest.raises(Exception):  # noqa: B017 - the point: validation refuses each of these too
        parse_plan(json.dumps(data).encode())


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "plan",
        {"format": "something-else", "schema_version": SCHEMA_VERSION, "details": {}},
        {"format": "omplanner-plan", "schema_version": SCHEMA_VERSION - 1, "details": {"start_date": "2027-01-11"}},
        {"format": "omplanner-plan", "schema_version": SCHEMA_VERSION + 1, "details": {"start_date": "2027-01-11"}},
        {"format": "omplanner-plan", "schema_version": SCHEMA_VERSION, "details": ["title"]},
        {"format": "omplanner-plan", "schema_version": SCHEMA_VERSION},
        {"format": "omplanner-plan", "schema_version": SCHEMA_VERSION, "details": {}},  # no date: today's
    ],
    ids=[
        "null",
        "list",
        "text",
        "other format",
        "older version",
        "newer version",
        "details a list",
        "no details",
        "no date",
    ],
)
def test_anything_but_this_versions_plain_details_gives_no_preview(data):
    assert details_preview(data) is None


def test_missing_texts_preview_as_the_models_defaults():
    data = _data()
    for name in ("title", "client", "facilitator", "notes"):
        del data["details"][name]
    data["details"]["start_date"] = "2027-01-11"
    assert details_preview(data).values() == _details(parse_plan(json.dumps(data).encode()))


def test_reading_a_file_up_to_its_preview_imports_no_model():
    code = (
        "import sys\n"
        "from omplanner.fileio import read_plan_text\n"
        "from omplanner.fileio.preview import details_preview\n"
        "from omplanner.fileio.plan_lock import PlanLock\n"
        "from omplanner.model import Severity\n"
        "from omplanner.vocabulary import SEVERITY\n"
        "assert details_preview(read_plan_text(sys.argv[1]).data) is not None\n"
        "heavy = ('pydantic', 'omplanner.model.base', 'omplanner.model.plan')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_models_names_still_load_on_first_use():
    import omplanner.fileio as fileio
    import omplanner.model as model

    for package in (model, fileio):
        for name in package.__all__:
            assert getattr(package, name) is not None, name
    with pytest.raises(AttributeError):
        model.NoSuchName  # noqa: B018
