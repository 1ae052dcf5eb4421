"""The board pack: the plan as a PDF for the client's leadership team and board."""

from .build import export_pdf

__all__ = ["export_pdf"]
