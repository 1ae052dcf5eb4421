"""Rules of the governance family (being filled in)."""

from __future__ import annotations
