"""The promotion gate: paired one-sided bounds, not raw counts."""
from __future__ import annotations

from finetune.gate import decide, paired


def test_a_fresh_persona_clearly_better_is_promoted():
    # base knows none of the facts, the new model most; general knowledge unchanged
    v = decide([True] * 30 + [False] * 10, [False] * 40, [True] * 36 + [False] * 24, [True] * 36 + [False] * 24)
    assert v.promote, v.reason
    assert v.heldout.lower > 0.5


def test_a_lucky_small_gain_is_not_promoted():
    v = decide([True, False, False, False, False, False], [False] * 6, [True] * 50, [True] * 50)
    assert not v.promote and "not reliably better" in v.reason


def test_forgetting_beyond_the_bound_is_rejected_and_noise_is_not():
    held_new, held_old = [True] * 30, [False] * 30
    old_general = [True] * 40 + [False] * 20
    noisy = [True] * 38 + [False] * 2 + [True] * 2 + [False] * 18  # lost 2, gained 2
    assert decide(held_new, held_old, noisy, old_general).promote
    forgot = [True] * 28 + [False] * 32  # lost 12 of 40
    v = decide(held_new, held_old, forgot, old_general)
    assert not v.promote and "forgotten" in v.reason


def test_paired_counts_only_disagreements():
    p = paired([True, True, False, False], [True, False, True, False])
    assert (p.only_new, p.only_old, p.diff) == (1, 1, 0.0) and p.lower < 0 < p.upper
