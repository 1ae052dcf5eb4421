"""A look: the words and the colour one value of an enum is shown with, in both themes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .colour import contrast, mix, readable_on

LIGHT_PAGE = "#ffffff"
DARK_PAGE = "#1e1f22"
"""The backgrounds marks are drawn on: paper and the light theme's canvas; the dark canvas."""
INK = "#111111"
"""Dark text on a light fill."""
PAPER = "#ffffff"
"""Light text on a dark fill."""


@dataclass(frozen=True)
class Look:
    label: str
    """The words in full: tables, legends, inspectors, prose."""
    short: str
    """The words where room is tight (a badge on a step, a bar's caption); a shortening of ``label``."""
    light: str
    """The colour ("#rrggbb") on a light background: paper, the light theme."""
    dark: str
    """The colour on the dark theme's canvas."""
    many: str = ""
    """The heading over several of them ("Errors"); empty: the label with an "s"."""

    @property
    def plural(self) -> str:
        return self.many or f"{self.label}s"

    def colour(self, dark: bool = False) -> str:
        return self.dark if dark else self.light

    def ink(self, dark: bool = False) -> str:
        """Text written on the colour: dark or light, whichever reads better."""
        fill = self.colour(dark)
        return INK if contrast(INK, fill) >= contrast(PAPER, fill) else PAPER

    def text(self, dark: bool = False) -> str:
        """The colour as text on the page (a severity's word, a legend's entry): as close to the
        colour as reads at 4.5:1."""
        return self._text_dark if dark else self._text_light

    def pale(self, dark: bool = False) -> str:
        """A tint for a cell or a step under normal text."""
        return mix(self.colour(dark), DARK_PAGE if dark else LIGHT_PAGE, 0.72 if dark else 0.8)

    @cached_property
    def _text_light(self) -> str:
        return readable_on(self.light, LIGHT_PAGE)

    @cached_property
    def _text_dark(self) -> str:
        return readable_on(self.dark, DARK_PAGE)


def xlsx(colour: str) -> str:
    """A "#rrggbb" colour as openpyxl spells it ("RRGGBB")."""
    return colour.lstrip("#").upper()
