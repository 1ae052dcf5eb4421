"""One vocabulary for everything a person reads: per value of each enum, its label, short label and
colour (light and dark), and the order of severities. The canvases, the PDF, the workbook and the
renders all read it; nothing else names these colours or words.

Contrast ratios and the colour-vision check are in docs/design.md ("Vocabulary").
"""

from .base import DARK_PAGE, INK, LIGHT_PAGE, PAPER, Look, xlsx
from .colour import contrast, difference, lightness, mix
from .palette import SERIES

# The looks, words and severity order name the model's enums, and the model imports pydantic: they
# load when first asked for, so that a page's colours can be read before the plan is (start-up).
_LAZY = {
    **dict.fromkeys(
        (
            "AI",
            "AUTONOMY",
            "CHANGE",
            "COMPONENT",
            "EXCEPTION",
            "ITEM_KIND",
            "ITEM_STATUS",
            "LEVEL",
            "NO_COMPONENT",
            "OTHER_COPY",
            "SEVERITY",
            "STEP_KIND",
            "lane_title",
            "look",
        ),
        "looks",
    ),
    **dict.fromkeys(("SEVERITY_ORDER", "severity_rank", "worst"), "severity"),
    **dict.fromkeys(("ai_badge", "change_word", "count_words", "exception_words", "percent"), "words"),
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AI",
    "AUTONOMY",
    "CHANGE",
    "COMPONENT",
    "DARK_PAGE",
    "EXCEPTION",
    "INK",
    "ITEM_KIND",
    "ITEM_STATUS",
    "LEVEL",
    "LIGHT_PAGE",
    "NO_COMPONENT",
    "OTHER_COPY",
    "PAPER",
    "SERIES",
    "SEVERITY",
    "SEVERITY_ORDER",
    "STEP_KIND",
    "Look",
    "ai_badge",
    "change_word",
    "count_words",
    "exception_words",
    "percent",
    "contrast",
    "difference",
    "lightness",
    "lane_title",
    "look",
    "mix",
    "severity_rank",
    "worst",
    "xlsx",
]
