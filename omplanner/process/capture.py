"""Quick capture: the steps typed as lines become a laid-out map.

In a workshop the facilitator types while people talk; the map appears afterwards. Each line
is one step in the order the work happens, joined by flows:

- ``Role: what they do``. A line with no role (``key into ERP``, ``- key into ERP`` or
  ``: key into ERP``) is done by the role of the line above, so a role is typed once.
- A line ending in ``?`` is a decision. The lines after it that start with ``yes:`` or ``no:``
  are its exits (``yes: AP team lead: approve``; without a role, the decision's role). The
  next plain line follows on from each exit that does not end the process, and from the
  decision itself if only one exit was typed (it takes the other answer).
- ``start:``, ``end:`` and ``handoff:`` before the step's name give its kind
  (``Clerk: start: invoice arrives``).
- Minutes at the end, ``(5 min)``, ``5m``, ``2 h``, give the step's time per case.
- Rows pasted from a spreadsheet (cells separated by tabs) read as role, step, minutes; a
  header row (``Role``, ``Step``) is skipped.

A role that the plan does not have yet is created, an AI agent when its name says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

from ..commands import AddEntity, Command, Macro, SetFields
from ..model import Flow, Plan, Role, RoleKind, Step, StepKind, new_id
from ..model.plan import MAX_MINUTES
from ..model.walk import find_place
from .layout import COLUMN_WIDTH, FIRST_X, lane_centre_y, step_columns

_KIND_WORDS = {"start": StepKind.START, "end": StepKind.END, "handoff": StepKind.HANDOFF}
_ANSWERS = ("yes", "no")
_AI_NAME = re.compile(r"(^|\b)(ai|agent|bot|model)(\b|$)", re.IGNORECASE)
_MINUTES = re.compile(
    r"\s*(\()?\s*(\d{1,6}(?:[.,]\d+)?)\s*(m|mins?|minutes?|h|hrs?|hours?)\s*(?(1)\))\s*$", re.IGNORECASE
)
_HEADER = re.compile(r"^(role|who|lane)\t+(step|what|task|activity)", re.IGNORECASE)


class CaptureError(ValueError):
    """A line that cannot be read as a step; the message names the line."""


@dataclass(frozen=True)
class CapturedStep:
    role: str
    name: str
    kind: StepKind
    minutes: float = 0
    after: tuple[tuple[int | None, str], ...] = ()
    """The captured steps (by index) this one follows on from, with the flow's label; None is
    the last step the map had before the capture."""
    line: int = 0
    """The line it was typed on, for a message about it."""


@dataclass
class _Line:
    role: str  # '' when the line names none
    name: str
    kind: StepKind
    minutes: float
    answer: str  # 'yes' / 'no' for a decision's exit, else ''


def _split_minutes(text: str) -> tuple[str, float]:
    match = _MINUTES.search(text)
    if not match or match.start() == 0:
        return text, 0
    value = float(match.group(2).replace(",", "."))
    if match.group(3).lower().startswith("h"):
        value *= 60
    return text[: match.start()].rstrip(), min(value, MAX_MINUTES)


def _cell_minutes(cell: str) -> float:
    """A spreadsheet's minutes cell: a bare number is minutes, ``2 h`` or ``5m`` as typed."""
    cell = cell.strip().replace(",", ".")
    try:
        value = float(cell)
    except ValueError:
        return _split_minutes(f"x {cell}")[1]
    return min(value, MAX_MINUTES) if 0 <= value else 0.0


def _read_line(raw: str) -> _Line | None:
    """One line as typed; None for a blank line, a comment or a pasted header row."""
    if not raw.strip() or raw.strip().startswith("#") or _HEADER.match(raw.strip()):
        return None
    answer = ""
    if "\t" in raw.strip():  # cells pasted from a spreadsheet
        cells = [c.strip() for c in raw.split("\t")]
        role, rest = cells[0], cells[1] if len(cells) > 1 else ""
        minutes = _cell_minutes(cells[2]) if len(cells) > 2 else 0.0
    else:
        line = raw.strip().lstrip("-*•").strip()
        word, sep, tail = line.partition(":")
        if sep and word.strip().lower() in _ANSWERS:
            answer, line = word.strip().lower(), tail.strip()
        role, sep, rest = line.partition(":")
        if not sep or role.strip().lower() in _KIND_WORDS:
            role, rest = "", line
        role, (rest, minutes) = role.strip(), _split_minutes(rest.strip())
    kind = StepKind.DECISION if rest.endswith("?") else StepKind.TASK
    word, sep, tail = rest.partition(":")
    if sep and word.strip().lower() in _KIND_WORDS and tail.strip():
        kind, rest = _KIND_WORDS[word.strip().lower()], tail.strip()
    return _Line(role, rest, kind, minutes, answer)


def parse_capture(text: str) -> list[CapturedStep]:
    steps: list[CapturedStep] = []
    role = ""
    tails: list[tuple[int | None, str]] = [(None, "")]
    decision: int | None = None  # the question whose exits are being read
    answered: list[str] = []
    exits: list[int] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _read_line(raw)
        if line is None:
            continue
        if not line.name:
            raise CaptureError(f'line {number}: say what is done, as "Role: what they do"; found "{raw.strip()}"')
        if line.answer:
            if decision is None:
                raise CaptureError(f'line {number}: "{line.answer}:" gives an answer, so it follows a line ending in ?')
            if line.answer in answered:
                raise CaptureError(f'line {number}: the question above already has a "{line.answer}:" line')
            after: tuple[tuple[int | None, str], ...] = ((decision, line.answer),)
            answered.append(line.answer)
            who = line.role or steps[decision].role
        else:
            if decision is not None and answered:
                tails = [(i, "") for i in exits]
                if len(answered) == 1:
                    other = next(a for a in _ANSWERS if a not in answered)
                    tails.append((decision, other))
            who = line.role or role
            after = tuple(tails)
            decision, answered, exits = None, [], []
        if not who:
            raise CaptureError(
                f'line {number}: say who does the first step, as "Role: what they do"; found "{raw.strip()}"'
            )
        steps.append(CapturedStep(who, line.name, line.kind, line.minutes, after, number))
        index = len(steps) - 1
        if line.answer:
            if line.kind != StepKind.END:
                exits.append(index)
            continue
        role = who
        tails = [] if line.kind == StepKind.END else [(index, "")]
        if line.kind == StepKind.DECISION:
            decision = index
    if not steps:
        raise CaptureError('type one step per line, as "Role: what they do"')
    return steps


def _role_kind(name: str) -> RoleKind:
    if _AI_NAME.search(name):
        return RoleKind.AI_AGENT
    if re.search(r"\b(system|erp|crm)\b", name, re.IGNORECASE):
        return RoleKind.SYSTEM
    return RoleKind.HUMAN


def capture_command(plan: Plan, map_id: str, text: str) -> Command:
    """One undoable edit adding the captured steps (after any already there) in their lanes."""
    captured = parse_capture(text)
    try:
        return _capture_command(plan, map_id, captured)
    except ValidationError as exc:  # a name the model refuses: too long, a broken character
        error = exc.errors()[0]
        item = next((c for c in captured if error.get("input") in (c.name, c.role)), captured[0])
        what = "role" if exc.title == "Role" else "step"
        problem = {
            "string_too_long": f"is longer than the {error.get('ctx', {}).get('max_length', 0):,} characters allowed",
            "string_unicode": "holds a broken character (half of an emoji, say): type it again",
        }.get(error["type"], error["msg"])
        raise CaptureError(f"line {item.line}: the {what} name {problem}") from None


def _capture_command(plan: Plan, map_id: str, captured: list[CapturedStep]) -> Command:
    pmap = find_place(plan, map_id).entity
    commands: list[Command] = []
    roles = {r.name.strip().lower(): r.id for r in plan.roles}
    lanes = list(pmap.lanes)
    for item in captured:
        key = item.role.lower()
        if key not in roles:
            role = Role(id=new_id("role"), name=item.role, kind=_role_kind(item.role))
            commands.append(AddEntity(None, "roles", role))
            roles[key] = role.id
        if roles[key] not in lanes:
            lanes.append(roles[key])
    if lanes != pmap.lanes:
        commands.append(SetFields(map_id, {"lanes": lanes}))
    first_x = max((s.x + COLUMN_WIDTH for s in pmap.steps), default=FIRST_X)
    before: Step | None = pmap.steps[-1] if pmap.steps and pmap.steps[-1].kind != StepKind.END else None
    steps = [
        Step(id=new_id("step"), kind=item.kind, name=item.name, lane=roles[item.role.lower()], minutes=item.minutes)
        for item in captured
    ]
    flows = [
        Flow(id=new_id("flow"), source=steps[i].id if i is not None else before.id, target=step.id, label=label)
        for item, step in zip(captured, steps, strict=True)
        for i, label in item.after
        if i is not None or before is not None
    ]
    columns = step_columns(steps, [f for f in flows if before is None or f.source != before.id])
    for step in steps:
        step.x = first_x + columns[step.id] * COLUMN_WIDTH
        step.y = lane_centre_y(lanes.index(step.lane))
        commands.append(AddEntity(map_id, "steps", step))
    commands += [AddEntity(map_id, "flows", flow) for flow in flows]
    noun = "step" if len(captured) == 1 else "steps"
    return Macro(f"Capture {len(captured)} {noun}", commands)
