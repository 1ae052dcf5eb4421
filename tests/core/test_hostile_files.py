"""Every hostile or damaged file, through every command that reads a plan: refused by name, exit 2.

``test_cli_plan`` runs ``validate`` on each in a real process (a hang there fails on its timeout);
here ``check`` and both exports run in this process, as the same entry point, so the whole
corpus stays quick. ``render`` and the app's Open are in tests/ui.
"""

from __future__ import annotations

import json

import pytest

from omplanner import cli
from omplanner.fileio import load_plan
from omplanner.paths import example_path

from .bad_files import BAD_FILES

COMMANDS = {
    "check": lambda plan, out: ["check", plan],
    "check-json": lambda plan, out: ["check", plan, "--format", "json"],
    "export-xlsx": lambda plan, out: ["export", plan, "--xlsx", out / "plan.xlsx"],
    "export-pdf": lambda plan, out: ["export", plan, "--pdf", out / "plan.pdf"],
}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return {kind: make(folder) for kind, make in BAD_FILES.items()}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_every_command_refuses_a_hostile_file_by_name(bad_folder, kind, command, tmp_path, capsys):
    path, words = bad_folder[kind]
    code = cli.main([str(a) for a in COMMANDS[command](path, tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    assert err.startswith(f"omplanner: {path.name}: ") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and "pydantic" not in err.lower()
    for word in words:
        assert word in err
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def _with_lone_surrogate(tmp_path):
    data = json.loads(example_path("distributor").read_text(encoding="utf-8"))
    data["details"]["title"] = "Harbour \udc80 Vale"  # as a tool that cut an emoji in half writes it
    data["roles"][0]["name"] = "Clerk \ud83d"
    path = tmp_path / "surrogate.omplan"
    path.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: written as \\udc80 escapes
    return path


def test_a_lone_surrogate_is_repaired_on_load_with_a_notice_naming_the_place(tmp_path):
    notices: list[str] = []
    plan = load_plan(_with_lone_surrogate(tmp_path), notices)
    assert plan.details.title == "Harbour \ufffd Vale"
    assert plan.roles[0].name == "Clerk \ufffd"
    assert len(notices) == 2
    assert notices[0].startswith("plan details → title: a damaged character")
    assert notices[1].startswith('role 1 "Clerk \ufffd" → name: a damaged character')
    plan.model_dump_json()  # and it can be saved again: nothing left that UTF-8 cannot hold


def test_commands_open_a_plan_with_a_lone_surrogate_and_say_what_was_repaired(tmp_path, capsys):
    path = _with_lone_surrogate(tmp_path)
    assert cli.main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "Harbour \ufffd Vale" in out
    assert "plan details → title: a damaged character" in err and "Traceback" not in err
    assert cli.main(["export", str(path), "--xlsx", str(tmp_path / "p.xlsx")]) == 0
    assert (tmp_path / "p.xlsx").stat().st_size > 0


def test_the_model_refuses_a_lone_surrogate_typed_into_a_field(example_plan):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        example_plan.details.title = "Harbour \udc80"


def test_a_key_given_twice_is_found_however_the_file_is_spaced(tmp_path):
    from omplanner.fileio import NotAPlanError, parse_plan

    data = json.loads(example_path("distributor").read_text(encoding="utf-8"))
    data["details"]["notes"] = 'They said "ship it" : and left \\" : twice'  # colons and quotes inside text
    for separators in ((",", ":"), (", ", " : "), (",", ":\n  ")):
        text = json.dumps(data, separators=separators)
        assert parse_plan(text.encode()).details.notes == data["details"]["notes"]
        comma, colon = separators
        doubled = text.replace('"client"', f'"client"{colon}"Someone else"{comma}"client"', 1)
        with pytest.raises(NotAPlanError, match='"client" appears twice'):
            parse_plan(doubled.encode())


def test_a_key_given_twice_in_one_of_many_flat_records_is_found(tmp_path):
    """Long lists of flat records (roles) are taken in without a loop per value: a key given
    twice inside one of them is still found, and a long text inside one still cut and refused."""
    from omplanner.fileio import NotAPlanError, parse_plan

    data = json.loads(example_path("distributor").read_text(encoding="utf-8"))
    data["roles"] += [{"id": f"role-x{i}", "name": f"Clerk {i}", "kind": "human"} for i in range(200)]
    text = json.dumps(data)
    assert len(parse_plan(text.encode()).roles) == len(data["roles"])
    doubled = text.replace('"name": "Clerk 150"', '"name": "Clerk 150", "name": "Clerk"', 1)
    with pytest.raises(NotAPlanError, match='"name" appears twice'):
        parse_plan(doubled.encode())
    data["roles"][-1]["name"] = "x" * 200_000
    with pytest.raises(Exception, match="longer than the 10,000 characters allowed"):
        parse_plan(json.dumps(data).encode())
