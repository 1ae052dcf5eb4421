"""OM Planner's core: the plan, its edits, rules, sequencing, scoring, files and exporters.

Nothing in this package imports Qt; the desktop app in ``ui`` is one front end over it.
"""

__version__ = "0.1.0"
APP_NAME = "OM Planner"
ORG_NAME = "OM Planner"
"""The organisation name Qt files settings and data under (``ui.app``; ``omplanner.paths`` repeats
Qt's rule for the data folder without Qt)."""
APP_ID = "org.omplanner.OMPlanner"
"""Reverse-DNS id: the desktop file, AppStream metainfo and icon are named after it."""
