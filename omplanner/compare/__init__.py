"""Comparing and merging copies of a plan, element by element, matched by id. Never imports Qt."""

from .diff import Comparison, Difference, compare_plans

__all__ = ["Comparison", "Difference", "compare_plans"]
