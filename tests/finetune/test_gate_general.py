"""The forgetting check on value probabilities: the churn of greedy answers does not reject a
model that knows as much as before, and a model wrecked by a huge learning rate is still rejected
(the real demo model, a few general questions, three training steps)."""
from __future__ import annotations

import pytest

from finetune.gate import MAX_GENERAL_DROP, decide, paired_mean

HELD_NEW, HELD_OLD = [True] * 20, [False] * 20  # clearly better on the user's facts


def test_churn_at_equal_knowledge_passes_on_probabilities_but_not_on_counts():
    # 60 questions: 9 flip one way and 9 the other at the greedy threshold, the probability of
    # the right value moving by 0.1 around it; the rest unchanged.
    old_p = [0.55] * 9 + [0.45] * 9 + [0.9] * 30 + [0.1] * 12
    new_p = [0.45] * 9 + [0.55] * 9 + [0.9] * 30 + [0.1] * 12
    old_right, new_right = [p > 0.5 for p in old_p], [p > 0.5 for p in new_p]
    on_counts = decide(HELD_NEW, HELD_OLD, new_right, old_right)
    assert not on_counts.promote and "forgotten" in on_counts.reason  # what the gate did before
    on_probs = decide(HELD_NEW, HELD_OLD, new_right, old_right, new_general_p=new_p, old_general_p=old_p)
    assert on_probs.promote, on_probs.reason
    assert on_probs.general_answers.only_new == 9 and on_probs.general_answers.only_old == 9


def test_probability_drop_beyond_the_bound_is_rejected():
    old_p = [0.9] * 40
    lost = [0.9] * 30 + [0.2] * 10  # a quarter of the values mostly gone
    v = decide(HELD_NEW, HELD_OLD, [True] * 40, [True] * 40, new_general_p=lost, old_general_p=old_p)
    assert not v.promote and "probability of the right value" in v.reason
    p = paired_mean(lost, old_p)
    assert p.diff == pytest.approx(-0.175) and -p.lower > MAX_GENERAL_DROP


def test_no_probabilities_falls_back_to_right_answers():
    v = decide(HELD_NEW, HELD_OLD, [True] * 40, [True] * 40, new_general_p=[], old_general_p=[])
    assert v.promote and v.general == v.general_answers


# -- on the real demo model ------------------------------------------------------------------
N_GENERAL = 12  # the first general questions: the demo model answers most of them right


@pytest.fixture(scope="module")
def exported(chat_model_path, tmp_path_factory):
    """The base exported unchanged through the training path, and the same after 3 steps at lr 0.5."""
    from finetune import export as ex
    from finetune.backends import lora_model
    from finetune.train import TrainConfig, render_chat, train_lora

    work = tmp_path_factory.mktemp("gate_general")
    model, tok, _ = lora_model(chat_model_path, rank=8, alpha=16,
                               targets=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"], seed=0)
    same = ex.export_gguf(chat_model_path, ex.merged_state_dict(model), work / "same.gguf")  # LoRA B = 0: the base
    pairs = [render_chat(tok, [{"role": "user", "content": q}, {"role": "assistant", "content": a}])
             for q, a in [("Who is my manager?", "Your manager is Zora Quill."), ("What is my cat called?", "Mochi.")]]
    train_lora(model, tok, pairs, [], work / "run", TrainConfig(max_steps=3, batch_size=2, lr=0.5, warmup_frac=0.0,
                                                                 eval_every=100, checkpoint_every=100, threads=2))
    damaged = ex.export_gguf(chat_model_path, ex.merged_state_dict(model), work / "damaged.gguf")
    return same, damaged


def test_a_model_wrecked_by_a_huge_learning_rate_is_rejected_and_an_unchanged_one_kept(exported, chat_model_path, monkeypatch):
    from agent import training

    monkeypatch.setattr(training, "GENERAL_QUESTIONS", training.GENERAL_QUESTIONS[:N_GENERAL])
    same, damaged = exported
    base = training.score_model(chat_model_path, [])
    assert base["general_correct"] >= N_GENERAL // 2
    verdicts = {}
    for name, path in (("same", same), ("damaged", damaged)):
        new = training.score_model(path, [])
        keep = training.general_retention(path, chat_model_path, new, base)
        assert keep["n"] >= base["general_correct"]
        verdicts[name] = decide(HELD_NEW, HELD_OLD, new["general_right"], base["general_right"],
                                new_general_p=keep["new"], old_general_p=keep["old"])
    assert verdicts["same"].promote, verdicts["same"].reason
    assert abs(verdicts["same"].general.diff) < 0.05
    assert not verdicts["damaged"].promote and "forgotten" in verdicts["damaged"].reason
    assert verdicts["damaged"].general.diff < -0.3
