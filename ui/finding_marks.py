"""Marks on a page's cells that come from the rule findings, never from a page's own test.

A page that tints a cell asks here which findings name an element first and say which of its fields
they are about (``Finding.field``), so that the page, ``omplanner check`` and the exports all say the
same thing about the plan, and no page knows which rule looks at which field.
"""

from __future__ import annotations


class FindingMarks:
    """The messages of findings, by the id of the element each is about first and the field named.

    Rebuilt only when the document's check is a new one (an edit), not for every painted cell."""

    def __init__(self, document):
        self.document = document
        self._check = None
        self._marks: dict[tuple[str, str], list[str]] = {}

    def _current(self) -> dict[tuple[str, str], list[str]]:
        check = self.document.findings.check()
        if check is not self._check:
            marks: dict[tuple[str, str], list[str]] = {}
            for finding in check.findings:
                if finding.field and finding.elements:
                    marks.setdefault((finding.elements[0].id, finding.field), []).append(finding.message)
            self._check, self._marks = check, marks
        return self._marks

    def message(self, element_id: str, field: str) -> str | None:
        """What the findings about the element's ``field`` say, or None."""
        found = self._current().get((element_id, field))
        return "\n".join(found) if found else None
