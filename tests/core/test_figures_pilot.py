"""The pilot sentence is worded by what the KPI measured, so it is true for each kind."""

from __future__ import annotations

import pytest

from omplanner.figures import PilotKind, pilot_is_time_saving, pilot_kind, pilot_sentence
from omplanner.model import PilotKpi

CASES = [
    ("Handling time saved per invoice in the pilot", 40, "%", PilotKind.TIME_SAVED, "The pilot saved 40 % per task"),
    ("Minutes saved per e-mail", 2.5, "min", PilotKind.TIME_SAVED, "The pilot saved 2.5 min per task"),
    (
        "Forecast error reduced",
        20,
        "%",
        PilotKind.ERROR_REDUCED,
        "The pilot reduced errors by 20 % (forecast error reduced)",
    ),
    (
        "Invoices per hour increased",
        15,
        "%",
        PilotKind.THROUGHPUT,
        "The pilot raised throughput by 15 % (invoices per hour increased)",
    ),
    ("Cost per claim reduced", 12, "€", PilotKind.COST, "The pilot cut cost by 12 € (cost per claim reduced)"),
    ("Forecast accuracy", 85, "%", PilotKind.OTHER, "The pilot measured forecast accuracy: 85 %"),
    ("Handling time per invoice", 6, "min", PilotKind.OTHER, "The pilot measured handling time per invoice: 6 min"),
    ("", 3, "min", PilotKind.OTHER, "The pilot measured 3 min"),
]


@pytest.mark.parametrize(("metric", "value", "unit", "kind", "sentence"), CASES)
def test_each_kind_is_worded_truthfully(metric, value, unit, kind, sentence):
    kpi = PilotKpi(metric=metric, value=value, unit=unit)
    assert pilot_kind(kpi) is kind
    assert pilot_sentence(kpi) == sentence
    # only a time saving in % is set beside the capacity released
    assert pilot_is_time_saving(kpi) == (kind is PilotKind.TIME_SAVED and unit == "%")


def test_no_value_says_so():
    assert pilot_sentence(PilotKpi(metric="Forecast error reduced")) == "No pilot result is entered yet"
