"""Rules of the decision family (being filled in)."""

from __future__ import annotations
