"""Scoring answers against a questions file (the format of shared/persona/*/questions.jsonl)."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel

ABSTAIN = "abstain"
AMBIGUOUS = "ambiguous"  # the notes hold two fitting answers: the right reply names them and asks which
_DIGITS = re.compile(r"\d")


class Question(BaseModel):
    id: str
    kind: str = "fact"
    question: str
    answers: list[str]


class Cited(BaseModel):
    path: str
    line: int
    end_line: int


class EvalItem(BaseModel):
    id: str
    kind: str
    question: str
    answer: str
    correct: bool
    citation: Cited | None = None
    cited_holds: bool | None = None  # the cited lines hold an acceptable answer (answerable kinds only)


class EvalReport(BaseModel):
    mode: str
    n: int
    overall: float
    by_kind: dict[str, float]
    items: list[EvalItem]
    citation: float | None = None  # share of cited answers whose cited lines hold an acceptable answer
    n_cited: int = 0


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
    if q.kind == AMBIGUOUS:
        # Naming two of the candidates and asking: a question back, not a guess.
        return "?" in answer and sum(_norm(a) in text for a in q.answers) >= 2
    hit = any(_norm(a) in text for a in q.answers)
    if hit and q.kind == ABSTAIN and _DIGITS.search(answer):
        return False
    return hit


def cited_lines_hold(cited: Cited, q: Question) -> bool:
    """Whether the lines an answer cites (read from the file now) contain an acceptable answer."""
    try:
        lines = Path(cited.path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    text = _norm(" ".join(lines[max(0, cited.line - 1) : max(cited.line, cited.end_line)]))
    return any(_norm(a) in text for a in q.answers)


def _citation_of(result: Any) -> Cited | None:
    c = getattr(result, "citation", None)
    if c is None:
        return None
    return Cited(path=c.path, line=c.line, end_line=getattr(c, "end_line", c.line))


def run_eval(questions: list[Question], answer_fn: Callable[[str], Any], mode: str) -> EvalReport:
    """`answer_fn` returns the answer text, or an object with `.answer` and an optional `.citation`."""
    items = []
    for q in questions:
        result = answer_fn(q.question)
        answer = result if isinstance(result, str) else result.answer
        cited = None if isinstance(result, str) else _citation_of(result)
        holds = None
        if cited is not None and q.kind not in (ABSTAIN, AMBIGUOUS):
            holds = cited_lines_hold(cited, q)
        items.append(EvalItem(id=q.id, kind=q.kind, question=q.question, answer=answer, correct=is_correct(answer, q),
                              citation=cited, cited_holds=holds))
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for it in items:
        by_kind[it.kind].append(it.correct)
    n = len(items)
    judged = [it.cited_holds for it in items if it.cited_holds is not None]
    return EvalReport(
        mode=mode,
        n=n,
        overall=round(sum(it.correct for it in items) / n, 4) if n else 0.0,
        by_kind={k: round(sum(v) / len(v), 4) for k, v in sorted(by_kind.items())},
        items=items,
        citation=round(sum(1 for h in judged if h) / len(judged), 4) if judged else None,
        n_cited=len(judged),
    )
