"""What a fine-tuned model remembers, used as evidence for the reader's choice, never as an answer.

A personal fine-tune has the user's facts in its weights, but a 135M model's closed-book answer
is often half right ("Your dentist is Dr. Okafor at ..." with the wrong clinic). So the served
fine-tune is asked closed-book, and a candidate statement that holds the values of that answer
(its names and numbers, else its content words) gets a bonus in the reader's final score. The
answer is still copied from the chosen statement: a recalled value found in no candidate is not
used at all, so nothing the fine-tune invents can reach the user.

The candidates themselves are scored by the base model (agent.chat: ChatEngine.scorer), whose
query likelihoods the reader's weights were chosen on; a fine-tune's scores drift with training.
"""
from __future__ import annotations

import re
from typing import Callable

from agent.reader_question import QuestionInfo, typed_values
from agent.reader_text import content_words, names, numbers, stem, words

# Bonus, in the reader's score units (PMI ~0-3, coverage 0-1), for holding all of the recalled
# values; a share of them earns its share. At 1.0 one right answer on Lena flipped (margin 0.76);
# 0.5 decides close calls only (bench/ft_rag.py, bench/RESULTS.md).
W_RECALL = 0.5
# A candidate must hold at least this share of the recalled values to count as holding them.
MIN_SHARE = 0.5
# The closed-book answer is a phrase (agent.chat ChatEngine._recall asks it as `--mode ft` does).
RECALL_TOKENS = 32
# An answer that refuses holds no value: no evidence.
_REFUSALS = ("don't know", "do not know", "not sure", "no information", "i'm sorry", "cannot")

Recall = Callable[[str], str]


def recalled_values(answer: str, question: str) -> set[str]:
    """Stems of what the closed-book answer adds to the question: its names and numbers when it
    has any (the values), else its content words. Empty for a refusal."""
    low = answer.lower().replace("’", "'")
    if not answer.strip() or any(r in low for r in _REFUSALS):
        return set()
    asked = content_words(question)
    typed = {stem(w) for span in [*names(answer), *numbers(answer)] for w in words(span)}
    typed = {w for w in typed if w not in asked and len(w) > 1}
    if typed:
        return typed
    return content_words(answer) - asked - {"you", "your"}


def held_share(values: set[str], text: str) -> float:
    if not values:
        return 0.0
    return len(values & content_words(text)) / len(values)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def recalled_typed(answer: str, info: QuestionInfo) -> list[str]:
    """For a question that wants a kind of value (a time, a number, a date...): the values of that
    kind the answer gives, whole ("9:45", not "9" and "45"). Empty when it gives none: an answer
    about something else ("Stand-up is owned by Chris O." to "When is stand-up?") is no evidence."""
    low = answer.lower().replace("’", "'")
    if any(r in low for r in _REFUSALS):
        return []
    return [_norm(v) for v in typed_values(answer, info.want, exclude=info.text)]


def _holds(value: str, text: str) -> bool:
    return re.search(rf"(?<![\w:.,]){re.escape(value)}(?![\w:]|[.,]\d)", _norm(text)) is not None


def support(cands: list, answer: str, info: QuestionInfo) -> bool:
    """Add the recall bonus to the candidates that hold the recalled values, best first again.
    Returns whether any candidate held them."""
    typed = info.want is not None and info.want not in ("name", "place")
    values = set() if typed else recalled_values(answer, info.text)
    wanted = recalled_typed(answer, info) if typed else []
    held = False
    for c in cands:
        text = _text_of(c.statement)
        share = float(any(_holds(v, text) for v in wanted)) if typed else held_share(values, text)
        if share >= MIN_SHARE:
            c.recall = round(share, 3)
            c.score = round(c.score + W_RECALL * share, 4)
            held = True
    if held:
        cands.sort(key=lambda c: -c.score)  # type: ignore[attr-defined]
    return held


def _text_of(st) -> str:
    return f"{st.text} {getattr(st, 'topic', '')}"
