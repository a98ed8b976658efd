"""The gate's closed-book answers of a model file are asked once and reused by later cycles
(agent/answer_cache.py): the same file (or a byte-identical copy, as the registry promotes) with
the same setup gives its kept answers without loading the model; another file, another system
prompt or answer budget, or a question not asked before is asked again."""
from __future__ import annotations

import os
import shutil

import pytest

from agent import training
from agent.evaluation import Question

N_GENERAL = 4


class FakeLlama:
    """Stands in for agent.lm.LlamaModel: answers from the file's content, counts loads and asks."""

    loads: list = []
    asked: list = []

    def __init__(self, path, n_ctx=2048, threads=0):
        self.tag = open(path, "rb").read().decode()
        FakeLlama.loads.append(str(path))

    def generate(self, messages, max_tokens=256, temperature=0.0, **kw):
        from agent.lm import Generation

        q = messages[-1]["content"]
        FakeLlama.asked.append(q)
        return Generation(text=f"{self.tag}: {q} ({max_tokens})", finish_reason="stop", n_tokens=1)

    def close(self):
        pass


@pytest.fixture
def fake(monkeypatch):
    from agent import lm

    FakeLlama.loads, FakeLlama.asked = [], []
    monkeypatch.setattr(lm, "LlamaModel", FakeLlama)
    monkeypatch.setattr(training, "GENERAL_QUESTIONS", training.GENERAL_QUESTIONS[:N_GENERAL])
    return FakeLlama


QS = [Question(id=f"h{i}", kind="forward-sentence", question=f"What is thing {i}?", answers=[f"thing {i}"]) for i in range(3)]


def test_a_models_answers_are_asked_once_and_reused_by_the_next_cycle(fake, tmp_path):
    model = tmp_path / "base.gguf"
    model.write_text("base")
    cache = tmp_path / "home" / "cache"
    first = training.score_model(model, QS, cache_dir=cache)
    assert len(fake.asked) == 3 + N_GENERAL and len(fake.loads) == 1
    fake.asked.clear(), fake.loads.clear()
    again = training.score_model(model, QS, cache_dir=cache)
    assert fake.asked == [] and fake.loads == []  # not even loaded
    assert again == first
    # graded afresh: the answers are kept, not the verdicts
    assert first["heldout_right"] == [True, True, True]


def test_a_promoted_candidates_answers_serve_as_the_current_models(fake, tmp_path):
    cand = tmp_path / "runs" / "r1" / "model-Q8_0.gguf"
    cand.parent.mkdir(parents=True)
    cand.write_text("candidate")
    cache = tmp_path / "cache"
    training.score_model(cand, QS, cache_dir=cache)
    promoted = tmp_path / "models" / "v001" / "model.gguf"  # the registry copies the file in
    promoted.parent.mkdir(parents=True)
    shutil.copyfile(cand, promoted)
    fake.asked.clear()
    training.score_current(tmp_path / "runs" / "r1", promoted, QS, cache_dir=cache)
    assert fake.asked == []


def test_another_model_file_is_asked_again_even_with_the_same_size_and_time(fake, tmp_path):
    model = tmp_path / "base.gguf"
    model.write_text("base")
    cache = tmp_path / "cache"
    first = training.score_model(model, QS, cache_dir=cache)
    st = model.stat()
    model.write_text("BASE")  # another model, same path, same size, same mtime
    os.utime(model, ns=(st.st_atime_ns, st.st_mtime_ns))
    from agent import answer_cache

    answer_cache._digests.clear()  # a new process (the next cycle's child) remembers nothing
    fake.asked.clear()
    second = training.score_model(model, QS, cache_dir=cache)
    assert len(fake.asked) == 3 + N_GENERAL
    assert [i["answer"] for i in second["items"]] != [i["answer"] for i in first["items"]]


def test_only_new_questions_are_asked_and_a_new_setup_asks_all(fake, tmp_path, monkeypatch):
    model = tmp_path / "base.gguf"
    model.write_text("base")
    cache = tmp_path / "cache"
    training.score_model(model, QS, cache_dir=cache)
    more = QS + [Question(id="h9", kind="reverse-row", question="Whose is thing 9?", answers=["mine"])]
    fake.asked.clear()
    training.score_model(model, more, cache_dir=cache)
    assert fake.asked == ["Whose is thing 9?"]
    # another answer budget: every answer may differ, all asked again
    monkeypatch.setattr(training, "EVAL_MAX_TOKENS", training.EVAL_MAX_TOKENS + 1)
    fake.asked.clear()
    training.score_model(model, more, cache_dir=cache)
    assert len(fake.asked) == 4 + N_GENERAL
    # another system prompt: likewise
    import agent.chat

    monkeypatch.setattr(agent.chat, "SYSTEM_BASE", agent.chat.SYSTEM_BASE + " Be brief.")
    fake.asked.clear()
    training.score_model(model, more, cache_dir=cache)
    assert len(fake.asked) == 4 + N_GENERAL


def test_without_a_cache_dir_every_question_is_asked(fake, tmp_path):
    model = tmp_path / "base.gguf"
    model.write_text("base")
    training.score_model(model, QS)
    training.score_model(model, QS)
    assert len(fake.asked) == 2 * (3 + N_GENERAL) and len(fake.loads) == 2


def test_kept_answers_equal_fresh_ones_on_the_demo_model(chat_model_path, tmp_path, monkeypatch):
    monkeypatch.setattr(training, "GENERAL_QUESTIONS", training.GENERAL_QUESTIONS[:3])
    qs = [Question(id="h1", kind="forward-sentence", question="What is my cat called?", answers=["Mochi"])]
    fresh = training.score_model(chat_model_path, qs)
    training.score_model(chat_model_path, qs, cache_dir=tmp_path)
    kept = training.score_model(chat_model_path, qs, cache_dir=tmp_path)
    assert kept == fresh


def test_the_second_cycles_eval_stage_asks_the_current_model_nothing(chat_model_path, tmp_path, monkeypatch):
    """The cycle's eval stage (the demo model as candidate and base, a fresh home): the first run
    asks the base; a second run (another run directory, as the next cycle) takes the base's answers
    and its probabilities of the right general values from <home>/cache (the base is loaded for the
    forgetting check only, and scores nothing), with the same results."""
    from agent import lm
    from agent.config import Home, Settings
    from finetune.dataset import HeldOut

    monkeypatch.setattr(training, "GENERAL_QUESTIONS", training.GENERAL_QUESTIONS[:3])
    loads = []
    real = lm.LlamaModel

    scored = []

    class Counting(real):
        def __init__(self, path, **kw):
            loads.append(str(path))
            super().__init__(path, **kw)

        def logprobs_many(self, pairs, **kw):
            scored.extend([str(self.path)] * len(pairs))
            return super().logprobs_many(pairs, **kw)

    monkeypatch.setattr(lm, "LlamaModel", Counting)
    home = Home(tmp_path / "home").ensure()
    cand = tmp_path / "model-Q8_0.gguf"
    shutil.copyfile(chat_model_path, cand)
    with open(cand, "ab") as f:  # another file: a byte more after the tensors, same weights
        f.write(b"\0")

    class P:
        def emit(self, *a, **k):
            pass

    held = [HeldOut(id="h1", fact_id="f1", kind="forward-sentence", question="What is my cat called?", answers=["Mochi"], target="Mochi.")]
    runs = []
    for name in ("r1", "r2"):
        rd = home.runs_dir / name
        rd.mkdir()
        loads.clear(), scored.clear()
        new, cur, version, seconds = training.eval_stage(home, Settings(), rd, cand, chat_model_path, held, P())
        runs.append((new, cur, list(loads), seconds, list(scored)))
    assert version is None and set(runs[0][3]) == {"new_answers", "current_answers", "forgetting"}
    assert runs[0][2].count(str(chat_model_path)) == 2  # answers, then the forgetting check
    assert runs[1][2].count(str(chat_model_path)) == 1  # the forgetting check only
    assert runs[0][4].count(str(chat_model_path)) >= 2 and runs[0][0]["general_keep"]["n"] >= 2
    assert runs[1][4] == []  # neither model scored a reference again
    assert runs[1][0] == runs[0][0] and runs[1][1] == runs[0][1]


class FakeScorer:
    """value_probabilities' view of a model: no chat template, logprobs_many counted."""

    def __init__(self):
        self.llama = type("L", (), {"metadata": {}})()
        self.pairs = []

    def logprobs_many(self, pairs, chat_prompt=False):
        self.pairs.extend(pairs)
        return [[-0.01 * len(c) - 0.1 * len(x)] for c, x in pairs]


def _refs(*qs):
    from agent.retention import Reference

    return [Reference(id=q, messages=[{"role": "user", "content": f"What is {q}?"}], prefix=f"{q} is ", value=q.upper())
            for q in qs]


def test_a_reference_once_scored_is_not_scored_again(tmp_path):
    from agent.answer_cache import ProbabilityCache, prob_setup
    from agent.retention import value_probabilities

    model = tmp_path / "base.gguf"
    model.write_text("base")
    m = FakeScorer()
    uncached = value_probabilities(m, _refs("a", "b", "c"))
    c1 = ProbabilityCache(tmp_path / "cache", model, prob_setup(1024))
    first = value_probabilities(m, _refs("a", "b", "c"), c1)
    c1.save()
    assert first == uncached
    m.pairs.clear()
    c2 = ProbabilityCache(tmp_path / "cache", model, prob_setup(1024))  # the next cycle
    mixed = value_probabilities(m, _refs("c", "d", "a"), c2)
    assert [x for _, x in m.pairs] == [" D"]  # only the new reference
    assert mixed == [uncached[2], value_probabilities(FakeScorer(), _refs("d"))[0], uncached[0]]
    # another setup (n_ctx) or another file: scored again
    m.pairs.clear()
    value_probabilities(m, _refs("a"), ProbabilityCache(tmp_path / "cache", model, prob_setup(2048)))
    model.write_text("BASF")
    from agent import answer_cache

    answer_cache._digests.clear()
    value_probabilities(m, _refs("a"), ProbabilityCache(tmp_path / "cache", model, prob_setup(1024)))
    assert len(m.pairs) == 2
