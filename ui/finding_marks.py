"""Marks on a page's cells that come from the rule findings, never from a page's own test.

A page that tints a cell asks here which findings of some rule codes name an element first, so
that the page, ``omplanner check`` and the exports all say the same thing about the plan.
"""

from __future__ import annotations

from collections.abc import Collection


class FindingMarks:
    """The messages of findings with given codes, by the id of the element each is about first.

    Rebuilt only when the document's check is a new one (an edit), not for every painted cell."""

    def __init__(self, document, codes: Collection[str]):
        self.document = document
        self.codes = frozenset(codes)
        self._check = None
        self._marks: dict[tuple[str, str], list[str]] = {}

    def _current(self) -> dict[tuple[str, str], list[str]]:
        check = self.document.findings.check()
        if check is not self._check:
            marks: dict[tuple[str, str], list[str]] = {}
            for finding in check.findings:
                if finding.code in self.codes and finding.elements:
                    marks.setdefault((finding.elements[0].id, finding.code), []).append(finding.message)
            self._check, self._marks = check, marks
        return self._marks

    def message(self, element_id: str, *codes: str) -> str | None:
        """What the findings of ``codes`` (or of every code watched) say about the element, or None."""
        marks = self._current()
        found = [m for code in (codes or sorted(self.codes)) for m in marks.get((element_id, code), ())]
        return "\n".join(found) if found else None
