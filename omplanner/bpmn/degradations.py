"""What cannot come across from a BPMN file as it is: each kind with a code and plain words."""

from __future__ import annotations

from dataclasses import dataclass

CODES: dict[str, str] = {
    "subprocess-collapsed": "sub-process collapsed to one step",
    "subprocess-content": "inside a collapsed sub-process: not imported",
    "call-activity": "call activity taken as a task",
    "called-process": "inside a process a call activity calls: not imported",
    "task-type": "task type dropped: taken as a plain task",
    "gateway-as-decision": "gateway taken as a decision (our maps mean one way or the other)",
    "event-as-step": "intermediate event taken as a step",
    "event-trigger": "event trigger dropped: taken as a plain start or end",
    "boundary-as-exception": "boundary event taken as the task's exception route",
    "boundary-as-flow": "second boundary event taken as a flow (a step has one exception route)",
    "boundary-dropped": "boundary event without a way out: dropped",
    "loop-dropped": "loop or multi-instance marker dropped",
    "message-flow-dropped": "message flow dropped",
    "data-dropped": "data object or store dropped",
    "annotation-dropped": "annotation or group dropped",
    "pool-merged": "extra pool merged into lanes",
    "pool-dropped": "pool without a process: dropped",
    "condition-dropped": "flow condition dropped (the label is kept)",
    "flow-dropped": "flow whose end was not imported: dropped",
    "lineage-dropped": "lineage to a step the plan does not have: dropped",
    "unknown-element": "element OM Planner does not know: dropped",
    "duplicate-id": "id used twice in the file: imported, but flows go to the first",
}


@dataclass(frozen=True)
class Degradation:
    """One element of the file that does not come across as it is."""

    code: str
    element: str
    """The BPMN element's kind, as the file spells it: ``parallelGateway``."""
    name: str
    id: str

    @property
    def description(self) -> str:
        return CODES[self.code]

    def line(self) -> str:
        """One line for the preview and the saved list: code, what happened, which element."""
        name = f"'{self.name}'" if self.name else "(no name)"
        return f"{self.code}: {self.description}: {self.element} {name} [{self.id}]"
