"""What the capacity-released figure lacks, named, so an unknown is never shown as 0.

The figure needs both process maps, minutes on every step people work (the tasks and handoffs of
either map that no AI does: an AI step's 0 minutes may be true), and, for hours a month, a
monthly volume. A step of 0 minutes is taken as not yet entered.
"""

from __future__ import annotations

from ..model import StepKind, UseCase

UNKNOWN = "—"
_TIMED = (StepKind.TASK, StepKind.HANDOFF)


def unknown_text(reason: str) -> str:
    """How every output shows an unknown figure: a dash and why."""
    return f"{UNKNOWN} ({reason})"


def capacity_missing(uc: UseCase) -> str | None:
    """Why the share of capacity released cannot be computed, or None when it can."""
    has_current, has_redesigned = bool(uc.current.steps), bool(uc.redesigned.steps)
    if not has_current and not has_redesigned:
        return "no current or redesigned process map"
    if not has_current:
        return "no current process map"
    if not has_redesigned:
        return "no redesigned process map"
    timed = [s for m in (uc.current, uc.redesigned) for s in m.steps if s.kind in _TIMED and not s.is_ai]
    missing = sum(1 for s in timed if s.minutes <= 0)
    if missing:
        return f"step minutes missing on {missing} of {len(timed)} steps"
    if sum(s.minutes for s in uc.current.steps if s.kind not in (StepKind.START, StepKind.END)) <= 0:
        return "no step minutes on the current process map"
    return None


def hours_missing(uc: UseCase) -> str | None:
    """Why the hours released a month cannot be computed, or None when they can."""
    return capacity_missing(uc) or (None if uc.tractability.monthly_volume > 0 else "no monthly volume")
