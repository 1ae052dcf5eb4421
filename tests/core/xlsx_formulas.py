"""Evaluating the simple formulas of the workbook's conditional formats, as a spreadsheet would,
for one cell of the range they apply to (references shift from the range's top-left cell)."""

from __future__ import annotations

import re

from openpyxl.utils import column_index_from_string, get_column_letter

_REF = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")
_STRING = re.compile(r'"[^"]*"')


def evaluate(ws, formula: str, anchor: str, cell: str, values: dict[str, object] | None = None):
    """The value of ``formula`` (written for ``anchor``, the range's top-left cell) at ``cell``.
    ``values`` overrides cells (for formula cells, whose result openpyxl does not compute)."""
    values = values or {}
    anchor_col, anchor_row = _split(anchor)
    col, row = _split(cell)
    d_col, d_row = col - anchor_col, row - anchor_row

    def ref(match: re.Match) -> str:
        fixed_col, letters, fixed_row, number = match.groups()
        c = column_index_from_string(letters) + (0 if fixed_col else d_col)
        r = int(number) + (0 if fixed_row else d_row)
        return f"_v('{get_column_letter(c)}{r}')"

    pieces, last = [], 0
    for literal in _STRING.finditer(formula):
        pieces.append(_translate(formula[last : literal.start()], ref))
        pieces.append(literal.group())
        last = literal.end()
    pieces.append(_translate(formula[last:], ref))
    code = "".join(pieces)

    def _v(address: str):
        if address in values:
            return values[address]
        value = ws[address].value
        return "" if value is None else value

    return eval(code, {"_v": _v, "AND": lambda *a: all(a), "OR": lambda *a: any(a)})  # noqa: S307 - test helper


def _translate(text: str, ref) -> str:
    text = _REF.sub(ref, text)
    text = text.replace("<>", "!=")
    return re.sub(r"(?<![<>!=])=(?!=)", "==", text)


def _split(address: str) -> tuple[int, int]:
    letters, number = re.match(r"([A-Z]+)(\d+)", address.replace("$", "")).groups()
    return column_index_from_string(letters), int(number)


def conditional_rules(ws):
    """(range, formula, rule) for every formula rule of the sheet."""
    for formatting in ws.conditional_formatting:
        for rule in formatting.rules:
            for formula in rule.formula or ():
                yield str(formatting.sqref), formula, rule
