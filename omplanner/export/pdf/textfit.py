"""Fitting user text into the fixed boxes of a drawing (process steps, Gantt labels)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "…"


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> tuple[list[str], bool]:
    """Greedy word wrap into at most ``max_lines``; the bool says whether everything fitted."""
    words = " ".join(str(text).split()).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if len(lines) > max_lines:  # only the first max_lines + 1 lines are ever shown or clipped
            break
        # A single word wider than the box is broken by characters, the break marked by a hyphen.
        while stringWidth(word, font, size) > width and len(word) > 1:
            cut = max(1, _longest_prefix(word, "-", font, size, width))
            if len(word) - cut < 3 and cut > 3:  # never one or two letters alone on the next line
                cut = max(2, len(word) - 3)
            if current:
                lines.append(current)
                current = ""
            hyphen = word.rfind("-", 0, cut + 1)
            if 0 < hyphen < len(word) - 1:  # "Three-way" breaks after its own hyphen
                cut = hyphen + 1
                lines.append(word[:cut])
            else:
                lines.append(word[:cut] + "-")
            if len(lines) > max_lines:
                break
            word = word[cut:]
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, True
    kept = lines[:max_lines]
    return [*kept[:-1], clip(kept[-1] + " " + lines[max_lines], font, size, width)], False


@lru_cache(maxsize=20_000)
def clip(text: str, font: str, size: float, width: float) -> str:
    """Cut one line to ``width``, marking the cut with an ellipsis."""
    text = " ".join(str(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    return text[: _longest_prefix(text, ELLIPSIS, font, size, width)].rstrip() + ELLIPSIS


def _longest_prefix(text: str, tail: str, font: str, size: float, width: float) -> int:
    """The most characters of ``text`` that, with ``tail``, fit ``width`` (0 if none do).

    A binary search (widths only grow with the prefix): trimming a character at a time was
    quadratic and took seconds for a 5,000-character step name."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + tail, font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


@lru_cache(maxsize=20_000)
def fit(text: str, font: str, width: float, sizes: tuple[float, ...], max_lines: int) -> tuple[tuple[str, ...], float]:
    """The largest size from ``sizes`` at which the text fits, else the smallest, clipped.

    Remembered (as ``clip``): lane names are fitted again in every part of a split map, the
    running header on every page, and step names recur across maps."""
    for size in sizes:
        lines, ok = wrap(text, font, size, width, max_lines)
        if ok:
            return tuple(lines), size
    size = sizes[-1]
    return tuple(wrap(text, font, size, width, max_lines)[0]), size


@lru_cache(maxsize=20_000)
def fits(text: str, font: str, size: float, width: float, max_lines: int) -> bool:
    """Whether the text wraps into ``max_lines`` of ``width`` whole. Remembered: each step's
    name is asked about for every box size a map tries, for its number tag and its legend."""
    return wrap(text, font, size, width, max_lines)[1]


def forget_measurements() -> None:
    """Start an export with empty caches (see ``build.export_pdf``)."""
    fit.cache_clear()
    clip.cache_clear()
    fits.cache_clear()
