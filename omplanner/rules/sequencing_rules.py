"""Sequencing rules (being filled in)."""

from __future__ import annotations
