"""The edits of comments, each one undoable command named in plain words.

They are the generic commands (a comment is an entity of the plan's ``comments`` list); removing
the element a comment is on removes the comment in the same cascade (``remove_cascade``)."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import ValidationError

from ..model import Comment, Plan
from ..model.comments import commented_element, element_words
from ..model.walk import find_place
from .base import Command, CommandError
from .entities import AddEntity, RemoveEntity, SetFields


def add_comment(plan: Plan, element_id: str, text: str, author: str = "", now: datetime | None = None) -> Command:
    """A new open comment on the element, by ``author`` (the facilitator's name, may be empty)."""
    place = find_place(plan, element_id)
    if place is None:
        raise CommandError(f'"{element_id}" is no longer in the plan')
    if not text.strip():
        raise CommandError("a comment needs some words")
    try:
        comment = Comment(
            id=_fresh_id(plan),
            element=element_id,
            author=author.strip(),
            created=(now or datetime.now(UTC)).replace(microsecond=0),
            text=text.strip(),
        )
    except ValidationError as exc:  # a lone surrogate, text past the file's limit: said, not raised
        problem = exc.errors()[0]
        raise CommandError(f"the comment's {problem['loc'][0]} cannot be kept: {problem['msg'].lower()}") from None
    return AddEntity(None, "comments", comment, text=f"Add a comment on {element_words(place.entity)}")


def edit_comment(plan: Plan, comment_id: str, text: str) -> Command:
    comment = _comment(plan, comment_id)
    if not text.strip():
        raise CommandError("a comment needs some words: delete it instead")
    subject = element_words(commented_element(plan, comment))
    return SetFields(comment_id, {"text": text.strip()}, text=f"Edit a comment on {subject}")


def resolve_comment(plan: Plan, comment_id: str, resolved: bool = True) -> Command:
    comment = _comment(plan, comment_id)
    subject = element_words(commented_element(plan, comment))
    verb = "Resolve" if resolved else "Reopen"
    return SetFields(comment_id, {"resolved": resolved}, text=f"{verb} a comment on {subject}")


def delete_comment(plan: Plan, comment_id: str) -> Command:
    comment = _comment(plan, comment_id)
    subject = element_words(commented_element(plan, comment))
    return RemoveEntity(comment_id, text=f"Delete a comment on {subject}")


def _comment(plan: Plan, comment_id: str) -> Comment:
    comment = next((c for c in plan.comments if c.id == comment_id), None)
    if comment is None:
        raise CommandError("that comment is no longer in the plan")
    return comment


def _fresh_id(plan: Plan) -> str:
    from ..model.base import new_id

    while True:
        ident = new_id(Comment.id_prefix)
        if find_place(plan, ident) is None:
            return ident
