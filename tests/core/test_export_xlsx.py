"""The Excel workbook, read back with openpyxl: content, tables, validations, charts, layout."""

from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from omplanner.export import Cancelled
from omplanner.export.xlsx import export_xlsx
from omplanner.fileio import load_plan
from omplanner.integration import integration_figures
from omplanner.paths import example_path
from omplanner.ranking import rank_use_cases

SHEETS = [
    "Summary",
    "Roadmap",
    "Use cases",
    "Roles",
    "Decision rights",
    "Diagnostic",
    "Processes",
    "Governance",
    "Data sources",
    "Capabilities",
    "Findings",
    "Comments",
]


@pytest.fixture(scope="module")
def plan():
    return load_plan(example_path("distributor"))


@pytest.fixture(scope="module")
def book(plan, tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "plan.xlsx"
    export_xlsx(plan, path)
    return load_workbook(path)


def table_rows(ws, name):
    """The data rows of a named table as dicts keyed by header."""
    table = ws.tables[name]
    cells = ws[table.ref]
    headers = [c.value for c in cells[0]]
    return [dict(zip(headers, (c.value for c in row))) for row in cells[1:]]


def find_table(book, name):
    for ws in book.worksheets:
        if name in ws.tables:
            return ws
    raise AssertionError(f"no table {name}")


def test_sheets_in_order_with_a_process_table_per_use_case(book, plan):
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible == SHEETS
    assert book["OM Planner export"].sheet_state == "hidden"
    tables = list(book["Processes"].tables)
    assert len(tables) == len(plan.use_cases)
    assert tables[0] == "Process_AP_invoice_matching"


def test_every_table_is_named_uniquely_with_headers_matching_cells_and_no_merges(book):
    names = []
    for ws in book.worksheets:
        assert not ws.merged_cells.ranges, ws.title
        for table in ws.tables.values():
            names.append(table.displayName.lower())
            header_cells = [c.value for c in ws[table.ref][0]]
            assert [c.name for c in table.tableColumns] == header_cells
            assert len({h.lower() for h in header_cells}) == len(header_cells)
            assert table.autoFilter is not None
    assert len(names) == len(set(names)) >= 10


def test_summary_ranks_use_cases_with_scores_and_integration_figures(book, plan):
    ws = book["Summary"]
    assert ws["A1"].value == plan.details.title
    assert plan.details.client in [c.value for c in ws["B"]]
    rows = table_rows(ws, "UseCases")
    ranked = rank_use_cases(plan)
    assert [r["Use case"] for r in rows] == [r.use_case.name for r in ranked]
    assert [r["Rank"] for r in rows] == list(range(1, len(plan.use_cases) + 1))
    ap = next(r for r in rows if r["Use case"] == "AP invoice matching")
    agreed = {s.component.label: s.value for s in plan.scores if s.use_case == "uc-ap" and not s.participant}
    for component, value in agreed.items():
        assert ap[component] == value
    figures = integration_figures(plan, plan.use_case("uc-ap"))
    assert ap["Pilot result"] == figures.pilot_value
    assert ap["Process capacity released %"] == pytest.approx(figures.capacity_released_pct, abs=0.05)
    assert ap["What the figures mean"] == figures.summary
    counts = {r["Severity"]: r["Findings"] for r in table_rows(ws, "FindingCounts")}
    assert set(counts) == {"Error", "Warning", "Info"}
    start = next(r for r in ws.iter_rows(max_col=2) if r[0].value == "Start with")
    assert start[1].value == ranked[0].use_case.name


def test_roadmap_table_has_every_item_with_names_and_formulas_for_what_follows(book, plan):
    ws = book["Roadmap"]
    rows = {r["OM Planner id"]: r for r in table_rows(ws, "Roadmap")}
    assert set(rows) == {i.id for i in plan.roadmap}
    header = ws[ws.tables["Roadmap"].ref][0]
    hidden = [c.value for c in header if ws.column_dimensions[c.column_letter].hidden]
    assert hidden == ["Latest start week", "OM Planner id"]
    for item in plan.roadmap:
        row = rows[item.id]
        assert row["Title"] == item.title
        assert row["Kind"] == item.kind.label
        assert row["Start week"] == item.first_week
        assert row["Weeks"] == item.duration_weeks
        # What follows from the start and the weeks is computed by the spreadsheet, not typed.
        for header_name in ("End week", "Start", "End", "Slack (weeks)", "Critical path"):
            assert str(row[header_name]).startswith("="), (item.id, header_name)
        # Names, never ids, where people read.
        assert row["Depends on"] == ("; ".join(plan.item(d).title for d in item.depends_on) or None)
        assert row["Owner"] == plan.role(item.owner).name


def bar_rule(ws, kind_label: str) -> tuple[str, str]:
    """The timeline's bar rule for a kind of work (not the critical-path variant): formula, anchor."""
    from tests.core.xlsx_formulas import conditional_rules

    for cells, formula, _rule in conditional_rules(ws):
        if f'="{kind_label}",' in formula and '"Yes"' not in formula and ">=" in formula:
            return formula, cells.split(":")[0]
    raise AssertionError(f"no bar rule for {kind_label}")


def week_columns(ws) -> dict[int, int]:
    header_row = ws[ws.tables["Roadmap"].ref][0][0].row
    return {c.value: c.column for c in ws[header_row] if isinstance(c.value, int) and c.column > 18}


def test_roadmap_timeline_is_conditional_formatting_on_each_rows_own_cells(book, plan):
    from tests.core.xlsx_formulas import evaluate

    ws = book["Roadmap"]
    first = ws[ws.tables["Roadmap"].ref][1][0].row
    weeks = week_columns(ws)
    assert max(weeks) >= max(i.last_week for i in plan.roadmap)
    for index, item in enumerate(plan.roadmap):
        row = first + index
        # No painted cells: the bar is the rule's, so sorting the table cannot strand it.
        assert all(ws.cell(row=row, column=col).fill.fill_type is None for col in weeks.values())
        formula, anchor = bar_rule(ws, item.kind.label)
        on = [w for w, col in weeks.items() if evaluate(ws, formula, anchor, f"{get_column_letter(col)}{row}")]
        assert on == list(range(item.first_week, item.last_week + 1)), item.id
        # An edited start week moves the bar.
        start = f"{get_column_letter(ws[ws.tables['Roadmap'].ref][0][5].column)}{row}"
        moved = [
            w
            for w, col in weeks.items()
            if evaluate(ws, formula, anchor, f"{get_column_letter(col)}{row}", {start: item.first_week + 2})
        ]
        assert moved == [w for w in range(item.first_week + 2, item.last_week + 3) if w in weeks], item.id
    assert ws.freeze_panes == f"B{first}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == f"${first - 1}:${first - 1}"
    lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert '"Planned,In progress,Done,At risk"' in lists


def test_decision_rights_matrix_validations_and_gap_formatting(book, plan):
    ws = book["Decision rights"]
    rows = {r["Decision"]: r for r in table_rows(ws, "DecisionRights")}
    assert set(rows) == {d.name for d in plan.decisions}
    for decision in plan.decisions:
        row = rows[decision.name]
        assert row["Autonomy"] == decision.autonomy.label
        assert row["Audit trail"] == ("Yes" if decision.audit_trail else "No")
        for role_id in decision.accountable:
            assert row[plan.role(role_id).name] in ("A", "A/R")
        for role_id in decision.consulted:
            if role_id not in decision.accountable + decision.responsible:
                assert row[plan.role(role_id).name] == "C"
        if decision.override_authority:
            assert row["Override authority"] == plan.role(decision.override_authority).name
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert '"A,R,C,I,A/R"' in lists
    assert any("A person confirms" in f for f in lists)
    formulas = [rule.formula[0] for cf in ws.conditional_formatting for rule in cf.rules]
    assert any('"A*")=0)' in f for f in formulas) and any('"A*")>1' in f for f in formulas)


def test_diagnostic_has_scores_colour_scale_and_a_radar_per_use_case(book, plan):
    ws = book["Diagnostic"]
    matrix = {r["Use case"]: r for r in table_rows(ws, "Readiness")}
    assert set(matrix) == {uc.name for uc in plan.use_cases}
    detail = table_rows(ws, "Scores")
    assert len(detail) == len(plan.scores)
    with_evidence = [s for s in plan.scores if s.evidence]
    assert {r["Evidence"] for r in detail} >= {s.evidence for s in with_evidence}
    assert any(rule.type == "colorScale" for cf in ws.conditional_formatting for rule in cf.rules)
    radars = [c for c in ws._charts if c.tagname == "radarChart"]
    assert len(radars) == len(plan.use_cases)


def test_process_sheets_pair_redesigned_steps_with_their_origin(book, plan):
    uc = plan.use_case("uc-ap")
    ws = book["Processes"]
    rows = table_rows(ws, "Process_AP_invoice_matching")
    assert {r["Redesigned step"] for r in rows} - {None} == {s.name for s in uc.redesigned.steps}
    assert {r["Current step"] for r in rows} - {None} == {s.name for s in uc.current.steps}
    current = {s.id: s for s in uc.current.steps}
    for step in uc.redesigned.steps:
        row = next(r for r in rows if r["Redesigned step"] == step.name)
        origin = current.get(step.derived_from)
        if step.kind.value not in ("start", "end"):  # those pair by kind when they have no lineage
            assert row["Current step"] == (origin.name if origin else None)
        assert row["Change"] != "Removed"
        if step.is_ai:
            assert row["AI intervention"] == step.ai.label


def test_registers_hold_every_entity(book, plan):
    governance = table_rows(book["Governance"], "Governance")
    assert [r["Use case"] for r in governance] == [uc.name for uc in plan.use_cases]
    thresholds = table_rows(book["Governance"], "Thresholds")
    expected = [t.metric for uc in plan.use_cases for t in uc.governance.thresholds]
    assert expected and [r["Metric"] for r in thresholds] == expected
    sources = table_rows(book["Data sources"], "DataSources")
    assert [r["Data source"] for r in sources] == [d.name for d in plan.data_sources]
    capabilities = table_rows(book["Capabilities"], "Capabilities")
    assert len(capabilities) == len(plan.capabilities)
    assert all(r["Gap"] >= 0 for r in capabilities)


def test_column_widths_fit_and_dates_are_dates(book):
    ws = book["Roadmap"]
    widths = {letter: dim.width for letter, dim in ws.column_dimensions.items()}
    assert widths["A"] >= 24 and widths["I"] >= 11  # title readable, dates never "#####"
    assert ws["I" + str(ws.tables["Roadmap"].ref.split(":")[0][1:])].value == "Start"
    first = int(ws.tables["Roadmap"].ref.split(":")[0][1:]) + 1
    assert ws[f"I{first}"].number_format == ws[f"J{first}"].number_format == "d mmm yyyy"


def test_progress_reports_rising_fractions(plan, tmp_path):
    seen = []
    export_xlsx(plan, tmp_path / "p.xlsx", lambda fraction, what: seen.append((fraction, what)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert all(isinstance(w, str) and w for _, w in seen)


def test_cancelling_leaves_no_file_and_keeps_the_old_one(plan, tmp_path):
    target = tmp_path / "out.xlsx"
    with pytest.raises(Cancelled):
        export_xlsx(plan, target, lambda fraction, what: fraction < 0.5)
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"previous")
    with pytest.raises(Cancelled):
        export_xlsx(plan, target, lambda fraction, what: "Saving" not in what)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_failure_while_writing_leaves_no_half_file(plan, tmp_path, monkeypatch):
    import omplanner.export.xlsx.registers as registers

    def broken(ctx):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(registers, "write_findings", broken)
    with pytest.raises(RuntimeError):
        export_xlsx(plan, tmp_path / "out.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_an_empty_plan_exports(tmp_path):
    from omplanner.model import Plan

    path = export_xlsx(Plan(), tmp_path / "empty.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == [*(s for s in SHEETS if s != "Comments"), "OM Planner export"]  # no comments, no sheet
    assert table_rows(book["Summary"], "UseCases")[0]["Use case"] is None
    exported = next(r for r in book["Summary"].iter_rows(max_col=2) if r[0].value == "Exported")[1]
    assert exported.value.date() == date.today()


def test_findings_appear_on_their_sheet_in_the_counts_and_beside_roadmap_items(plan, tmp_path, monkeypatch):
    import omplanner.rules as rules
    from omplanner.commands import SetFields
    from omplanner.model import Component, Severity
    from omplanner.rules import ElementRef, Finding, Fix

    item = plan.item("item-4")
    findings = [
        Finding(
            code="TEST-2",
            severity=Severity.WARNING,
            title="A warning",
            message="Something to look at.",
            elements=(ElementRef(item.id, "roadmap_item", item.title),),
        ),
        Finding(
            code="TEST-1",
            severity=Severity.ERROR,
            title="Tool chosen before the redesign ends",
            message="The tool is selected while the process is still being redesigned.",
            elements=(ElementRef(item.id, "roadmap_item", item.title), ElementRef("item-2", "roadmap_item", "x")),
            component=Component.PROCESS,
            use_case_id="uc-ap",
            fix=Fix("Start the selection after the redesign", SetFields(item.id, {"start_week": 6})),
        ),
    ]
    monkeypatch.setattr(rules, "check_plan", lambda p: findings)
    book = load_workbook(export_xlsx(plan, tmp_path / "f.xlsx"))
    rows = table_rows(book["Findings"], "Findings")
    assert [r["Code"] for r in rows] == ["TEST-1", "TEST-2"]  # most severe first
    assert rows[0]["Severity"] == "Error"
    assert rows[0]["Use case"] == "AP invoice matching"
    assert rows[0]["Suggested fix"] == "Start the selection after the redesign"
    assert rows[0]["Concerns"] == f"{item.title}\nx"
    assert rows[1]["Suggested fix"] is None
    counts = {r["Severity"]: r["Findings"] for r in table_rows(book["Summary"], "FindingCounts")}
    assert counts == {"Error": 1, "Warning": 1, "Info": 0}
    roadmap = {r["OM Planner id"]: r for r in table_rows(book["Roadmap"], "Roadmap")}
    assert roadmap["item-4"]["Findings"] == "TEST-2, TEST-1"
    assert roadmap["item-2"]["Findings"] == "TEST-1"
    assert roadmap["item-1"]["Findings"] is None


def test_long_roadmaps_get_wider_week_columns(plan, tmp_path):
    from openpyxl.utils import get_column_letter

    long_plan = plan.model_copy(deep=True)
    long_plan.roadmap[-1].start_week = 130
    ws = load_workbook(export_xlsx(long_plan, tmp_path / "long.xlsx"))["Roadmap"]
    week_cells = week_columns(ws)
    assert max(week_cells) >= long_plan.roadmap[-1].last_week
    width = ws.column_dimensions[get_column_letter(week_cells[131])].width
    assert width > ws.column_dimensions[get_column_letter(week_cells[9])].width >= 3


def test_people_read_names_never_ids_and_ids_sit_in_hidden_columns(book, plan):
    import re

    from omplanner.model.walk import iter_places

    ids = {place.entity.id for place in iter_places(plan)}
    hidden_ids = set()
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or cell.data_type == "f":
                    continue
                parts = {p.strip() for p in re.split(r"[,;\n→]", cell.value)}
                if ws.column_dimensions[cell.column_letter].hidden:
                    hidden_ids |= parts & ids
                    continue
                assert not parts & ids, f"{ws.title}!{cell.coordinate}: {cell.value!r}"
    assert {i.id for i in plan.roadmap} | {r.id for r in plan.roles} | {s.id for s in plan.scores} <= hidden_ids


def test_enumerated_and_bounded_cells_are_validated_with_messages(book):
    def validations(sheet):
        return {(dv.type, dv.formula1): dv for dv in book[sheet].data_validations.dataValidation}

    scores = validations("Diagnostic")
    assert ("whole", "1") in scores and scores[("whole", "1")].formula2 == "5"
    owner = next(dv for (kind, f), dv in validations("Roadmap").items() if kind == "list" and "Roles" in f)
    assert owner.formula1.startswith("'Roles'!$A$5:$A$")
    for sheet in ("Roadmap", "Use cases", "Roles", "Decision rights", "Capabilities", "Data sources", "Governance"):
        for dv in book[sheet].data_validations.dataValidation:
            assert dv.showErrorMessage and dv.error and dv.showInputMessage and dv.prompt, (sheet, dv.sqref)


def test_print_layout_keeps_type_legible(book):
    from omplanner.export.xlsx.pages import sheet_inches

    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        setup = ws.page_setup
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            printable = (8.27 if setup.orientation == "portrait" else 11.69) - 0.8
            assert sheet_inches(ws) * 8 / 11 <= printable, ws.title  # type never below 8 pt
        else:
            assert setup.orientation == "landscape" and setup.scale >= 73 and ws.print_title_cols, ws.title
        assert "Page &P of &N" in ws.oddFooter.right.text
        assert ws.oddHeader.left.text
    assert book["Roles"].page_setup.orientation == "portrait"


def test_hours_a_month_read_with_a_thousands_separator_as_in_the_app_and_pack(example_plan, tmp_path):
    from openpyxl import load_workbook

    from omplanner.export.xlsx import export_xlsx

    out = tmp_path / "plan.xlsx"
    export_xlsx(example_plan, out)
    ws = load_workbook(out)["Summary"]
    hours = [c for row in ws.iter_rows() for c in row if c.value == 1226]
    assert hours and hours[0].number_format == "#,##0"  # shown "1,226", as "about 1,226 hours a month"
