"""What the reader hands on: a candidate statement with the evidence it was scored on, and the
reading (answered, abstained or ambiguous) that the chat turns into a reply."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from agent.reader_statements import StatementHit


class Scored(BaseModel):
    statement: StatementHit
    cover: float  # share of the question's content words found in the statement or its topic
    typed: list[str]  # values of the wanted kind the statement holds
    type_weight: float = 0.0  # W_TYPE for a value in its own words, half for one only in its heading
    prerank: float
    other_owner: bool = False  # about someone else's X where the question asks about "my X"
    named: bool = False  # for "what is my X called": names X right there ("the starter is called Gerald")
    names_ok: bool = True  # mentions every name the question uses ("Bitwarden", "Mazda")
    unnamed: bool = False  # leaves out only words of a name the question uses (no other label, id or number)
    owner_ok: bool = True  # mentions whoever the question asks about ("Ma" in "Ma's phone number")
    defines: bool = False  # for "Who is X?": says what X is ("X is ...", "my sister X", a row naming X)
    mine: bool = False  # for "Who is X?": says what X is to the user ("my brother-in-law", "my manager is X")
    attached: bool = True  # for "what is my X called": a name stands beside X, if X is mentioned
    car_said: bool = False  # says the question's "car" by the car's make or model alone ("Placa: FQR2B71" under "Onix (meu)")
    recent: bool = False  # the newest dated candidate
    pmi: float | None = None
    recall: float = 0.0  # share of a fine-tune's closed-book answer this statement holds (agent.reader_recall)
    score: float = 0.0


class Reading(BaseModel):
    kind: Literal["answered", "abstained", "ambiguous"]
    answer: str
    question: str  # the question as read (after resolving the conversation)
    statement: StatementHit | None = None
    value: str | None = None
    candidates: list[Scored] = []
    options: list[str] = []  # the people an ambiguous question may mean ("Leo", "Max")
