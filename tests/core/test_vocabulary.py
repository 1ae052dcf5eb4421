"""The vocabulary: every value a person reads has one label and one colour per theme, the colours of
one kind stay apart for colour-blind readers, and text on each reads."""

from __future__ import annotations

import itertools

import pytest

from omplanner.model import AiIntervention, Autonomy, Component, ItemKind, ItemStatus, Severity, StepKind
from omplanner.vocabulary import (
    AI,
    AUTONOMY,
    CHANGE,
    COMPONENT,
    DARK_PAGE,
    INK,
    ITEM_KIND,
    ITEM_STATUS,
    LEVEL,
    LIGHT_PAGE,
    SERIES,
    SEVERITY,
    SEVERITY_ORDER,
    STEP_KIND,
    contrast,
    difference,
    look,
    severity_rank,
    worst,
)
from omplanner.vocabulary.colour import DEFICIENCIES

KINDS = {
    "AI intervention": AI,
    "autonomy": AUTONOMY,
    "component": COMPONENT,
    "roadmap kind": ITEM_KIND,
    "item status": ITEM_STATUS,
    "severity": SEVERITY,
    "change": CHANGE,
    "readiness level": LEVEL,
}
"""Kinds told apart by colour alone. Step kinds are told apart by shape first."""

TELL_APART = 12.0
"""CIE76 ΔE: a little above the ~10 at which two marks read as different at a glance."""


@pytest.mark.parametrize("enum", [AiIntervention, Autonomy, Component, ItemKind, ItemStatus, Severity, StepKind])
def test_every_value_has_a_look_with_the_models_label(enum):
    for member in enum:
        found = look(member)
        assert found.label == member.label
        assert found.short and len(found.short) <= len(found.label)


def test_short_labels_shorten_with_the_same_verb():
    assert AI[AiIntervention.SURFACE].short == "AI surfaces"
    assert all(AI[m].label.startswith(AI[m].short.split()[0]) for m in AiIntervention if m is not AiIntervention.NONE)


@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_colours_of_one_kind_stay_apart_for_colour_blind_readers(name, dark, deficiency):
    colours = {m: lk.colour(dark) for m, lk in KINDS[name].items()}
    close = [
        (a, b, round(difference(ca, cb, deficiency), 1))
        for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2)
        if difference(ca, cb, deficiency) < TELL_APART
    ]
    assert not close, f"{name} ({deficiency or 'typical vision'}): too close {close}"


def test_a_colour_blind_simulation_does_merge_red_and_green():
    """The check above would pass with a simulation that changes nothing: show it merges what it should."""
    assert difference("#d62728", "#2ca02c") > 40
    assert difference("#d62728", "#2ca02c", "deuteranopia") < TELL_APART * 2
    assert difference("#d62728", "#2ca02c", "deuteranopia") < difference("#d62728", "#2ca02c") / 3


@pytest.mark.parametrize("name", [*KINDS, "step kind"])
@pytest.mark.parametrize("dark", [False, True])
def test_text_reads_on_every_colour_and_every_colour_reads_as_text(name, dark):
    table = STEP_KIND if name == "step kind" else KINDS[name]
    page = DARK_PAGE if dark else LIGHT_PAGE
    body_text = "#e9ecef" if dark else INK
    for member, lk in table.items():
        assert contrast(lk.ink(dark), lk.colour(dark)) >= 4.5, (member, dark)
        assert contrast(lk.text(dark), page) >= 4.5, (member, dark)
        assert contrast(body_text, lk.pale(dark)) >= 4.5, (member, dark)


def test_kinds_of_work_that_belong_to_a_component_wear_its_colour():
    from omplanner.model import ITEM_COMPONENT

    for kind, component in ITEM_COMPONENT.items():
        if component is not None:
            assert ITEM_KIND[kind].light == COMPONENT[component].light


def test_severity_order_is_worst_first_and_tolerates_strings():
    assert SEVERITY_ORDER == (Severity.ERROR, Severity.WARNING, Severity.INFO)
    assert sorted(["info", "error", "warning"], key=severity_rank) == ["error", "warning", "info"]
    assert severity_rank("off") == 3
    assert worst([Severity.INFO, "warning"]) is Severity.WARNING
    assert worst([]) is None


def test_series_stay_apart():
    for a, b in itertools.combinations([light for light, _ in SERIES[:5]], 2):
        assert difference(a, b, "deuteranopia") >= TELL_APART


def test_the_severity_order_is_written_only_in_the_vocabulary():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    written = re.compile(r"""(Severity\.ERROR|["']error["'])\s*:\s*0""")
    found = [
        str(path.relative_to(root))
        for package in ("omplanner", "ui")
        for path in (root / package).rglob("*.py")
        if written.search(path.read_text(encoding="utf-8"))
    ]
    assert not found


def test_black_text_reads_on_every_readiness_level():
    """A spreadsheet's colour scale keeps its cells' black text."""
    from omplanner.vocabulary import INK

    for level, lk in LEVEL.items():
        assert contrast(INK, lk.light) >= 4.5, level


def test_one_wording_for_exception_routes_and_badges():
    from omplanner.vocabulary import ai_badge, exception_words

    assert exception_words(90, 12) == "exceptions 12 %"
    assert exception_words(90, None) == "exceptions below 90 %"
    assert exception_words(None, None) == "exceptions"
    assert ai_badge(AiIntervention.SURFACE, 80) == "AI surfaces ≥80 %"


@pytest.mark.parametrize("severity", list(Severity))
def test_the_findings_icons_wear_the_severity_colours(severity):
    from pathlib import Path

    svg = (Path(__file__).resolve().parents[2] / "resources" / "icons" / f"{severity.value}.svg").read_text()
    look = SEVERITY[severity]
    assert f'fill="{look.light}"' in svg
    assert f'stroke="{look.ink()}"' in svg  # the mark on it reads


def test_no_output_gives_a_kind_a_colour_of_its_own():
    """A colour keyed by an enum outside the vocabulary (as the canvas, the PDF and the workbook
    each had) is how the outputs drifted apart."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    keyed = re.compile(
        r"""(AiIntervention|Autonomy|Component|ItemKind|ItemStatus|Severity|StepKind)\.\w+\s*:\s*"""
        r"""(\(\s*)?(colors\.HexColor\()?["']#?[0-9A-Fa-f]{6}["']"""
    )
    found = [
        str(path.relative_to(root))
        for package in ("omplanner", "ui")
        for path in (root / package).rglob("*.py")
        if "vocabulary" not in path.parts and keyed.search(path.read_text(encoding="utf-8"))
    ]
    assert not found


def test_counts_of_findings_use_the_severities_words():
    from omplanner.vocabulary import count_words

    assert count_words(Severity.ERROR, 1) == "1 error"
    assert count_words(Severity.WARNING, 16) == "16 warnings"
    assert count_words(Severity.INFO, 1) == "1 info"
    assert count_words(Severity.INFO, 3) == "3 info"  # "Info" heads them: never "notes"
