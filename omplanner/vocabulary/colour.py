"""Colour arithmetic the vocabulary is checked with: contrast (WCAG 2), tints, and how a colour
looks to a reader with protanopia, deuteranopia or tritanopia (Machado, Oliveira and Fernandes,
2009, full severity), compared as a CIE76 difference in CIELAB.

Colours are "#rrggbb" strings throughout, so that Qt, reportlab and openpyxl read the same text.
"""

from __future__ import annotations

import math

# Machado et al. (2009), severity 1.0, applied to linear RGB.
_DEFICIENCIES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
DEFICIENCIES = tuple(_DEFICIENCIES)


def channels(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of "#rrggbb", 0-255."""
    text = colour.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def hex_colour(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0-1) of the way towards ``other``."""
    a, b = channels(colour), channels(other)
    return hex_colour(*(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    r, g, b = (_linear(c) for c in channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, other: str) -> float:
    """The WCAG 2 contrast ratio, 1 to 21: 4.5 is enough for small text, 3 for large text and marks."""
    low, high = sorted((luminance(colour), luminance(other)))
    return (high + 0.05) / (low + 0.05)


def readable_on(colour: str, background: str, ratio: float = 4.5) -> str:
    """``colour``, darkened or lightened as little as needed to read as text on ``background``."""
    towards = "#000000" if luminance(background) > 0.18 else "#ffffff"
    step = 0.0
    found = colour
    while contrast(found, background) < ratio and step < 1:
        step += 0.05
        found = mix(colour, towards, step)
    return found


def seen_as(colour: str, deficiency: str | None) -> tuple[float, float, float]:
    """Linear RGB of ``colour`` as a reader with ``deficiency`` sees it (None: typical vision)."""
    rgb = [_linear(c) for c in channels(colour)]
    if deficiency is None:
        return rgb[0], rgb[1], rgb[2]
    matrix = _DEFICIENCIES[deficiency]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix)
    return r, g, b


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def lightness(colour: str) -> float:
    """CIELAB L*, 0 (black) to 100 (white): all that is left of a colour printed in greyscale, so
    two colours' greyscale difference is the difference of their lightness (ΔE76 = ΔL*)."""
    return _lab(seen_as(colour, None))[0]


def difference(colour: str, other: str, deficiency: str | None = None) -> float:
    """How far apart two colours look (CIE76 ΔE) to a reader with ``deficiency``; about 10 or more
    tells two marks apart at a glance."""
    return math.dist(_lab(seen_as(colour, deficiency)), _lab(seen_as(other, deficiency)))
