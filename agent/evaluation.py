"""Scoring answers against a questions file (the format of shared/persona/*/questions.jsonl)."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

ABSTAIN = "abstain"
_DIGITS = re.compile(r"\d")


class Question(BaseModel):
    id: str
    kind: str = "fact"
    question: str
    answers: list[str]


class EvalItem(BaseModel):
    id: str
    kind: str
    question: str
    answer: str
    correct: bool


class EvalReport(BaseModel):
    mode: str
    n: int
    overall: float
    by_kind: dict[str, float]
    items: list[EvalItem]


def load_questions(path: Path) -> list[Question]:
    questions = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                questions.append(Question.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{lineno}: not a question record ({exc.__class__.__name__})") from None
    return questions


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


def is_correct(answer: str, q: Question) -> bool:
    """Contains any acceptable answer, case-insensitive, after collapsing white space.

    For abstain questions an answer that also states a value (a number) is a made-up answer
    dressed as a refusal, and is wrong.
    """
    text = _norm(answer)
    hit = any(_norm(a) in text for a in q.answers)
    if hit and q.kind == ABSTAIN and _DIGITS.search(answer):
        return False
    return hit


def run_eval(questions: list[Question], answer_fn: Callable[[str], str], mode: str) -> EvalReport:
    items = []
    for q in questions:
        answer = answer_fn(q.question)
        items.append(EvalItem(id=q.id, kind=q.kind, question=q.question, answer=answer, correct=is_correct(answer, q)))
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for it in items:
        by_kind[it.kind].append(it.correct)
    n = len(items)
    return EvalReport(
        mode=mode,
        n=n,
        overall=round(sum(it.correct for it in items) / n, 4) if n else 0.0,
        by_kind={k: round(sum(v) / len(v), 4) for k, v in sorted(by_kind.items())},
        items=items,
    )
