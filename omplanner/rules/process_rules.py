"""Rules of the process family (being filled in)."""

from __future__ import annotations
