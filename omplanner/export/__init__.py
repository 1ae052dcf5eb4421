"""Exporters that turn a plan into files for the client: an Excel workbook, a PDF board pack.

Each format lives in a subpackage imported only when it is used (openpyxl and reportlab are
slow to import and not needed to open the app). Every exporter takes ``(plan, path,
progress=None)``; ``progress(fraction, what)`` returning False cancels with ``Cancelled``.
"""


class Cancelled(Exception):
    """The user cancelled an export through its progress callback; no file was written."""
