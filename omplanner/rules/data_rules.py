"""Rules of the data family (being filled in)."""

from __future__ import annotations
