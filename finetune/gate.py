"""The promotion gate as statistics, not raw counts.

Both models answer the same questions, so the comparison is paired: only the questions one got
right and the other wrong say anything. For paired proportions the difference d = (c - b) / n
(c: only the new model right, b: only the current one right) has variance
((b + c) - (c - b)^2 / n) / n^2, and a one-sided 95 % bound is d -/+ 1.645 * sd.

- better: the LOWER bound of the held-out gain is above 0 (the new model is better, not lucky);
- forgetting: the UPPER bound of the general-knowledge drop is at most `max_drop` (we are 95 %
  sure the new model forgot no more than that share of general questions).

Forgetting is judged on probabilities when they are given (agent/retention.py: each model's
probability of the right value after a right answer's prefix, per general question): the paired
mean difference, with a one-sided 95 % bound from the differences' spread. Greedy answers of a
small model churn (9 gained and 9 lost of 60 at an equal total), which makes the count's bound
wide; a probability moves a little where a greedy string flips.
"""
from __future__ import annotations

import math

from pydantic import BaseModel

Z95 = 1.645  # one-sided 95 %
MAX_GENERAL_DROP = 0.10


class Paired(BaseModel):
    n: int
    only_new: int  # right for the new model only
    only_old: int  # right for the current model only
    diff: float  # (only_new - only_old) / n: the gain of the new model
    lower: float  # one-sided 95 % bounds of the gain
    upper: float


def paired(new: list[bool], old: list[bool], z: float = Z95) -> Paired:
    if len(new) != len(old):
        raise ValueError("paired comparison needs the same questions for both models")
    n = len(new)
    if n == 0:
        return Paired(n=0, only_new=0, only_old=0, diff=0.0, lower=0.0, upper=0.0)
    c = sum(1 for a, b in zip(new, old) if a and not b)
    b = sum(1 for a, bb in zip(new, old) if bb and not a)
    d = (c - b) / n
    var = max(0.0, (b + c) - (c - b) ** 2 / n) / n ** 2
    # With no discordant pair at all the normal bound collapses to 0 width: use the rule of three
    # (one discordant pair's worth of doubt) so n matters.
    sd = math.sqrt(var) if var > 0 else 1.0 / n
    return Paired(n=n, only_new=c, only_old=b, diff=round(d, 4), lower=round(d - z * sd, 4), upper=round(d + z * sd, 4))


def paired_mean(new: list[float], old: list[float], z: float = Z95) -> Paired:
    """The mean of paired differences new - old (each in [0, 1]) and its one-sided 95 % bounds.
    only_new / only_old count the questions that moved by more than 0.5 either way."""
    if len(new) != len(old):
        raise ValueError("paired comparison needs the same questions for both models")
    n = len(new)
    if n == 0:
        return Paired(n=0, only_new=0, only_old=0, diff=0.0, lower=0.0, upper=0.0)
    d = [_finite(a) - _finite(b) for a, b in zip(new, old)]
    mean = sum(d) / n
    var = sum((x - mean) ** 2 for x in d) / (n - 1) if n > 1 else 1.0
    # Same floor as the counts: never more certain than one question's worth of doubt.
    sd = max(math.sqrt(var / n), 1.0 / n / 2)
    return Paired(n=n, only_new=sum(x > 0.5 for x in d), only_old=sum(x < -0.5 for x in d), diff=round(mean, 4),
                  lower=round(mean - z * sd, 4), upper=round(mean + z * sd, 4))


def _finite(p: float) -> float:
    return p if math.isfinite(p) else 0.0  # no probability from a model that gives NaN


class Verdict(BaseModel):
    promote: bool
    reason: str
    heldout: Paired
    general: Paired  # what forgetting was judged on: value probabilities when given, else right answers
    general_answers: Paired | None = None  # the greedy right/wrong comparison, reported beside it


def decide(new_heldout: list[bool], old_heldout: list[bool], new_general: list[bool], old_general: list[bool],
           *, max_drop: float = MAX_GENERAL_DROP, new_general_p: list[float] | None = None,
           old_general_p: list[float] | None = None) -> Verdict:
    h = paired(new_heldout, old_heldout)
    answers = paired(new_general, old_general)
    probs = new_general_p is not None and old_general_p is not None and len(new_general_p) > 0
    g = paired_mean(new_general_p, old_general_p) if probs else answers  # type: ignore[arg-type]
    what = "probability of the right value" if probs else "share of general questions right"
    drop_upper = -g.lower  # the gain's lower bound, negated, is the drop's upper bound
    if h.lower <= 0:
        why = (f"the new model is not reliably better on held-out questions (gain {h.diff:+.2f}, "
               f"95 % lower bound {h.lower:+.2f}); keeping the current model")
        return Verdict(promote=False, reason=why, heldout=h, general=g, general_answers=answers)
    if drop_upper > max_drop:
        why = (f"the new model may have forgotten general knowledge ({what}: drop {-g.diff:+.2f}, 95 % upper bound "
               f"{drop_upper:.2f} > {max_drop:.2f}); keeping the current model")
        return Verdict(promote=False, reason=why, heldout=h, general=g, general_answers=answers)
    why = (f"held-out gain {h.diff:+.2f} (95 % lower bound {h.lower:+.2f}); general change {g.diff:+.2f} "
           f"in {what} (drop at most {max(0.0, drop_upper):.2f} at 95 %)")
    return Verdict(promote=True, reason=why, heldout=h, general=g, general_answers=answers)
