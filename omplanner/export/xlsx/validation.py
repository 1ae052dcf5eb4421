"""Data validation for the cells the client edits: dropdowns, bounds, and the id columns.

Each validation carries an input message (what the cell holds, shown when it is selected) and an
error alert (what is allowed, shown when something else is typed), as a PMO analyst expects.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

_INLINE_LIMIT = 255
"""Excel refuses an inline list ("A,B,C") longer than this; longer lists need a range."""


def _add(ws: Worksheet, cells: str, validation: DataValidation, title: str, prompt: str, error: str) -> None:
    validation.showInputMessage = True
    validation.promptTitle = title[:32]
    validation.prompt = prompt[:255]
    validation.showErrorMessage = True
    validation.errorStyle = "stop"
    validation.errorTitle = title[:32]
    validation.error = error[:255]
    ws.add_data_validation(validation)
    validation.add(cells)


def add_list(
    ws: Worksheet, cells: str, choices: Sequence[str] | str, title: str, blank: bool = False, prompt: str = ""
) -> None:
    """A dropdown: ``choices`` are the allowed texts, or a range (``Roles!$A$5:$A$9``) holding them."""
    if isinstance(choices, str):
        formula = choices
        shown = "one of the names in the list"
    else:
        inline = ",".join(c.replace('"', "") for c in choices)
        if len(inline) + 2 > _INLINE_LIMIT or any("," in c for c in choices):
            return  # a list Excel cannot hold inline; the import checks these values anyway
        formula = f'"{inline}"'
        shown = ", ".join(choices)
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.showDropDown = False  # openpyxl's name is inverted: False shows the arrow
    empty = " Leave it empty for none." if blank else ""
    _add(ws, cells, validation, title, prompt or f"Choose from the list.{empty}", f"Choose {shown}."[:255])


def add_whole(ws: Worksheet, cells: str, low: int, high: int, title: str, prompt: str) -> None:
    """A whole number between ``low`` and ``high``."""
    validation = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high))
    validation.allow_blank = True
    _add(
        ws,
        cells,
        validation,
        title,
        f"{prompt} A whole number, {low} to {high}.",
        f"Type a whole number from {low} to {high}.",
    )


def add_level(ws: Worksheet, cells: str, title: str, prompt: str = "") -> None:
    """A 1-5 rating (scores, levels, tractability inputs)."""
    add_whole(ws, cells, 1, 5, title, prompt or "1 = low, 5 = high.")


def add_number(ws: Worksheet, cells: str, low: float, high: float, title: str, prompt: str) -> None:
    validation = DataValidation(type="decimal", operator="between", formula1=repr(low), formula2=repr(high))
    validation.allow_blank = True
    _add(ws, cells, validation, title, prompt, f"Type a number from {low:g} to {high:g}.")


def id_column(header: str = "OM Planner id"):
    """The hidden column that ends each editable table."""
    from .cells import Column

    return Column(header, "center", max_width=10)


def hide_ids(ws: Worksheet, area) -> None:
    """Hide the table's last column (the ids) and refuse typing into it."""
    from openpyxl.utils import get_column_letter

    ws.column_dimensions[get_column_letter(area.last_col)].hidden = True
    protect_ids(ws, area.column_range(area.last_col - area.first_col))


def protect_ids(ws: Worksheet, cells: str) -> None:
    """The hidden id column: typing into it is refused (sheet protection would also stop the
    client sorting and filtering the table, which Excel refuses on a protected sheet)."""
    validation = DataValidation(type="custom", formula1="FALSE", allow_blank=False)
    _add(
        ws,
        cells,
        validation,
        "OM Planner's id",
        "The plan's id for this row, used to bring edits back. Leave it as it is.",
        "This is the plan's id for the row: importing edits back needs it unchanged. Add a new row without an id.",
    )
