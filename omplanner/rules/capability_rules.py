"""Rules of the capability family (being filled in)."""

from __future__ import annotations
