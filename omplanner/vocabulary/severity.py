"""The order of severities, written once: the worst first, everywhere findings are listed."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Severity

SEVERITY_ORDER: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def severity_rank(severity: Severity | str) -> int:
    """0 for the worst; a value that is no severity ranks after all of them."""
    try:
        return SEVERITY_ORDER.index(Severity(severity))
    except ValueError:
        return len(SEVERITY_ORDER)


def worst(severities: Iterable[Severity | str]) -> Severity | None:
    """The worst of ``severities``, None for none."""
    found = [Severity(s) for s in severities]
    return min(found, key=severity_rank) if found else None
