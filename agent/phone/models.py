"""The records a phone command produces: what was planned, what ran, and how it was verified."""
from __future__ import annotations

from pydantic import BaseModel, Field


class PlannedAction(BaseModel):
    kind: str  # one of tools.actions.ACTION_KINDS
    args: dict = Field(default_factory=dict)
    risky: bool = False
    description: str = ""
    # The contact name a reference no note says was matched to by sound ("bias" -> Rosalind Pike):
    # a guess, so a spoken risky step to them is read back before it runs.
    heard_as: str | None = None


class ExecutedAction(BaseModel):
    action: PlannedAction
    ok: bool
    verified: bool
    detail: str
    foreground: str = ""
    screen_hash: str = ""
    data: dict = Field(default_factory=dict)  # screenshot path, battery level, notifications...


class PhoneResult(BaseModel):
    command: str
    plan: list[PlannedAction] = Field(default_factory=list)
    actions: list[ExecutedAction] = Field(default_factory=list)
    question: str | None = None  # set when anima needs the user to disambiguate; nothing ran
    error: str | None = None
    device_state: dict | None = None  # only with --virtual: the simulated phone's final state
    planner: str = "parser"  # parser | model

    @property
    def ok(self) -> bool:
        return self.error is None and self.question is None and all(a.ok for a in self.actions)
