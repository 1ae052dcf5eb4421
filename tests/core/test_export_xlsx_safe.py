"""Text safety and names: the pieces every sheet relies on, tested without writing a workbook."""

import re

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from omplanner.export.xlsx.cells import put
from omplanner.export.xlsx.safe import (
    clean_text,
    needs_quote_prefix,
    sheet_title,
    table_name,
    unique_headers,
)

VALID_TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def test_formula_triggers_get_the_quote_prefix_and_stay_text():
    ws = Workbook().active
    for col, text in enumerate(["=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "plain", "a=b"], start=1):
        cell = put(ws, 1, col, text)
        assert cell.data_type == "s"
        assert cell.value == clean_text(text)
        assert cell.quotePrefix == needs_quote_prefix(text) == (col <= 6)


def test_illegal_xml_characters_are_dropped_and_length_capped():
    assert clean_text("a\x00b\x07c\x1fd") == "abcd"
    assert clean_text("keep\ttab\nand newline") == "keep\ttab\nand newline"
    assert clean_text("\r=1\r\nx") == "\n=1\nx" and needs_quote_prefix("\n=1")
    assert len(clean_text("x" * 40_000)) == 32_767


def test_sheet_titles_are_valid_and_unique_regardless_of_case():
    taken: set[str] = set()
    names = [sheet_title(n, taken) for n in ["Process - A/B: [x]*?", "process - a/b: [x]*?", "'quoted'", "", "History"]]
    for name in names:
        assert 0 < len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
        assert not name.startswith("'") and not name.endswith("'")
        assert name.lower() != "history"
    assert len({n.lower() for n in names}) == len(names)


@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=12))
def test_any_text_gives_valid_unique_names(texts):
    sheets: set[str] = set()
    tables: set[str] = set()
    sheet_names = [sheet_title(t, sheets) for t in texts]
    table_names = [table_name(t, tables) for t in texts]
    assert len({n.lower() for n in sheet_names}) == len(texts)
    assert len({n.lower() for n in table_names}) == len(texts)
    for name in sheet_names:
        assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\")
        Workbook().create_sheet(name)  # openpyxl refuses invalid titles
    for name in table_names:
        assert VALID_TABLE_NAME.match(name), name
        assert not re.fullmatch(r"[A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d+[Cc]\d+", name)


def test_table_names_that_look_like_cell_references_are_changed():
    taken: set[str] = set()
    assert table_name("A1", taken) == "T_A1"
    assert table_name("R", taken) == "T_R"
    assert table_name("2024 plan", taken) == "T_2024_plan"
    assert table_name("Process AP invoice", taken) == "Process_AP_invoice"
    assert table_name("process ap invoice", taken) == "process_ap_invoice_2"


def test_headers_are_unique_and_on_one_line():
    assert unique_headers(["Clerk", "clerk", "Two\nlines", ""]) == ["Clerk", "clerk (2)", "Two lines", "Column"]


def test_lineage_pairs_keep_reading_order_and_pair_start_and_end(example_plan):
    from omplanner.export.xlsx.processes import change_label, lineage_pairs

    uc = example_plan.use_case("uc-email")
    pairs = lineage_pairs(uc)
    assert {id(c) for c, _ in pairs if c} == {id(s) for s in uc.current.steps}
    assert [r.id for _, r in pairs if r] == [s.id for s in uc.redesigned.steps]
    kinds = [(c.kind.value if c else None, r.kind.value if r else None) for c, r in pairs]
    assert kinds[0] == ("start", "start") and ("end", "end") in kinds
    labels = [change_label(c, r) for c, r in pairs]
    assert "Removed" in labels and "New" in labels and "AI added" in labels


def test_numbers_a_workbook_cannot_hold_are_left_empty():
    ws = Workbook().active
    assert put(ws, 1, 1, float("nan")).value is None
    assert put(ws, 1, 2, float("inf")).value is None
    assert put(ws, 1, 3, 2.5).value == 2.5 and put(ws, 1, 4, True).value == "Yes"
