"""The colours every look is built from: the Okabe-Ito palette (Okabe and Ito, 2008), chosen to stay
apart for readers with any common colour-vision deficiency, each with a variant for the dark theme
(the darker ones lifted so that they stand off the dark canvas).

tests/core/test_vocabulary.py checks, for each kind of thing, that its colours stay apart under a
protanopia, deuteranopia and tritanopia simulation, and that text on each reads at 4.5:1;
tests/core/test_vocabulary_greyscale.py that they stay apart printed in greyscale (or that the
outputs give a second cue). Okabe-Ito's blue, green and vermillion print as nearly the same grey,
so three darker or lighter colours are added for the kinds that are marks alone: navy, ink slate
and light grey.
"""

from __future__ import annotations

# (light, dark)
BLUE = ("#0072b2", "#0a78ba")
SKY = ("#56b4e9", "#56b4e9")
GREEN = ("#009e73", "#11a77d")
PURPLE = ("#cc79a7", "#cc79a7")
ORANGE = ("#e69f00", "#e69f00")
VERMILLION = ("#d55e00", "#e5772a")
YELLOW = ("#f0e442", "#f0e442")
SLATE = ("#5f6b7a", "#667180")
GREY = ("#bbbbbb", "#d0d3d6")
NAVY = ("#004a7c", "#0a78ba")
"""Okabe-Ito's blue, darker on paper (L* 30 against 46), for the kind that is blue among green and
vermillion; on the dark canvas it is the blue's own."""
INK_SLATE = ("#3d4654", "#667180")
"""A darker slate (L* 29), for the diagnostic beside the deployment's vermillion (L* 54)."""
LIGHT_GREY = ("#d4d4d4", "#d0d3d6")
"""Paler than the grey (L* 85), for "no AI" beside the sky blue (L* 70)."""
BLACK = ("#1a1a1a", "#e9ecef")

SERIES = (BLUE, ORANGE, GREEN, PURPLE, VERMILLION, SKY, YELLOW, SLATE)
"""Overlaid series (a use case per line on a radar), in order."""
