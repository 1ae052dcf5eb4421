"""Exporters: the plan written out as files a client keeps (Excel workbook, PDF board pack).

Every exporter is a pure core function ``export_x(plan, path, progress=None)``. ``progress`` is
called with a fraction (0..1) and a short message; returning False from it cancels the export,
which then raises ``Cancelled`` and leaves no file behind.
"""

from __future__ import annotations


class Cancelled(Exception):
    """The user cancelled an export."""
