"""The real model's two scoring paths agree: one pair at a time and many packed in one decode."""
import pytest

from agent.lm import LlamaModel

PAIRS = [
    ("Statement: My sister Anja lives in Seattle.\nQuestion:", " Where does my sister live?"),
    ("Statement: Pixel is our border collie.\nQuestion:", " Where does my sister live?"),
    ("Question:", " Where does my sister live?"),
]


def test_a_pair_scores_the_same_alone_or_packed(chat_model_path):
    """The reader ranks statements by gaps of a tenth of a nat: a statement's score must not
    depend on which others share its decode (with an F16 cache it moved by up to 0.15 per token).
    The one-pair path (the generating context, F16 cache) agrees to within that cache's rounding."""
    model = LlamaModel(chat_model_path, n_ctx=1024, threads=2)
    try:
        single = [model.logprobs(c, x) for c, x in PAIRS]
        packed = model.logprobs_batch(PAIRS)
        alone = [model.logprobs_batch([p])[0] for p in PAIRS]
        for s, p, a in zip(single, packed, alone):
            assert len(s) == len(p) == len(a) > 0
            assert max(abs(x - y) for x, y in zip(p, a)) < 2e-3  # neighbours change nothing
            assert max(abs(x - y) for x, y in zip(s, p)) < 0.25
        assert sum(single[0]) > sum(single[1])  # and they mean something: the right line helps
    finally:
        model.close()


# -- a shared prefix decoded once (the gate's forgetting check) --------------------------------
SYSTEM = "System: You are anima, the user's private assistant. Answer in one or two short sentences.\n"
SHARED = [
    (SYSTEM + "User: What is the capital of France?\nAssistant: The capital of France is", " Paris"),
    (SYSTEM + "User: What is the capital of France?\nAssistant: It is", " Paris"),
    (SYSTEM + "User: How many legs does a spider have?\nAssistant: A spider has", " eight legs"),
    ("User: What colour is the sky?\nAssistant: The sky is", " blue"),  # nothing shared with the one before
    (SYSTEM + "User: What is the capital of France?\nAssistant: The capital of France is", " Paris"),  # all shared
]


def _count_decoded(monkeypatch) -> list[int]:
    import llama_cpp

    decoded = [0]
    real = llama_cpp.llama_decode

    def counting(ctx, batch):
        decoded[0] += batch.n_tokens
        return real(ctx, batch)

    monkeypatch.setattr(llama_cpp, "llama_decode", counting)
    return decoded


def test_logprobs_many_keeps_the_shared_prefix_and_scores_as_logprobs(chat_model_path, monkeypatch):
    """Each pair scores what logprobs() gives it alone, while the tokens a pair shares with the
    one before it (the system prompt, the question) are not decoded again."""
    model = LlamaModel(chat_model_path, n_ctx=1024, threads=2)
    try:
        decoded = _count_decoded(monkeypatch)
        single = [model.logprobs(c, x) for c, x in SHARED]
        one_by_one = decoded[0]
        decoded[0] = 0
        many = model.logprobs_many(SHARED)
        lengths = [len(model.tokenize(c, add_bos=True)) + len(model.tokenize(x)) for c, x in SHARED]
        assert one_by_one == sum(lengths)
        shared = [0] + [next(i for i, (a, b) in enumerate(zip(model.tokenize(p[0], add_bos=True), model.tokenize(c, add_bos=True)))
                             if a != b) if p[0] != c else len(model.tokenize(c, add_bos=True)) - 1
                        for p, (c, _) in zip(SHARED, SHARED[1:])]
        assert shared[1] > shared[2] > 20 and shared[3] <= 1  # the question, the system prompt, BOS at most
        assert decoded[0] == sum(n - s for n, s in zip(lengths, shared))
        assert decoded[0] < one_by_one * 0.7
        for s, m in zip(single, many):
            assert len(s) == len(m) > 0
            assert max(abs(x - y) for x, y in zip(s, m)) < 1e-3
        assert model.llama.n_tokens == 0  # the cache is dropped: the next generation starts clean
        assert model.logprobs_many([]) == []
    finally:
        model.close()


def test_the_forgetting_check_decodes_the_system_prompt_once(chat_model_path, monkeypatch):
    """value_probabilities (the gate's general check) over references that share the system
    prompt: one decode of it per model, not one per reference (it was half the gate's time)."""
    from agent.chat import SYSTEM_BASE
    from agent.retention import Reference, render, value_probabilities

    qs = [("What is the capital of France?", "The capital of France is ", "Paris"),
          ("What is the capital of France?", "", "Paris"),
          ("How many days are in a week?", "There are ", "seven"),
          ("What colour is grass?", "Grass is ", "green")]
    refs = [Reference(id=q, messages=[{"role": "system", "content": SYSTEM_BASE}, {"role": "user", "content": q}],
                      prefix=p, value=v) for q, p, v in qs]
    model = LlamaModel(chat_model_path, n_ctx=1024, threads=2)
    try:
        system = len(model._score_tokens(render(model, refs[0].messages[:1]), "x", chat_prompt=True)[0])
        assert system > 30
        full = sum(sum(map(len, model._score_tokens(render(model, r.messages) + r.prefix.rstrip(" "),
                                                    (" " if r.prefix.endswith(" ") else "") + r.value, chat_prompt=True)))
                   for r in refs)
        decoded = _count_decoded(monkeypatch)
        probs = value_probabilities(model, refs)
        assert decoded[0] <= full - (len(refs) - 1) * (system - 2)  # the previous code decoded `full`
        assert all(0.0 < p <= 1.0 for p in probs)
    finally:
        model.close()


def _decoded_tokens(monkeypatch) -> list[int]:
    import llama_cpp

    seen: list[int] = []
    real = llama_cpp.llama_decode

    def keeping(ctx, batch):
        seen.extend(batch.token[i] for i in range(batch.n_tokens))
        return real(ctx, batch)

    monkeypatch.setattr(llama_cpp, "llama_decode", keeping)
    return seen


def test_the_forgetting_check_scores_the_prompt_serving_decodes(chat_model_path, monkeypatch):
    """The gate compares probabilities after the prompt the model answers from when serving:
    create_chat_completion reads the template's markers (`<|im_start|>`...) as special tokens.
    The check used to tokenize them as text (`<`, `|`, `im`, `_`, `start`, `|`, `>`), a prompt
    the model never sees."""
    from agent.chat import SYSTEM_BASE
    from agent.retention import Reference, value_probabilities

    messages = [{"role": "system", "content": SYSTEM_BASE}, {"role": "user", "content": "What is the capital of France?"}]
    model = LlamaModel(chat_model_path, n_ctx=1024, threads=2)
    try:
        served: list[tuple[bool, list[int]]] = []
        real = model.llama.tokenize

        def spy(text, add_bos=True, special=False):
            out = real(text, add_bos, special)
            served.append((special, list(out)))
            return out

        monkeypatch.setattr(model.llama, "tokenize", spy)
        model.generate(messages, max_tokens=1)  # serving's path: the chat template, then its tokens
        monkeypatch.undo()
        special, prompt = served[0]
        assert special and len(prompt) > 30
        markers = [t for t in prompt if model.llama.detokenize([t]) == b""]  # control tokens print as nothing
        assert len(markers) >= 5  # <|im_start|> x3, <|im_end|> x2 for SmolLM2

        decoded = _decoded_tokens(monkeypatch)
        ref = Reference(id="q", messages=messages, prefix="The capital of France is ", value="Paris")
        [p] = value_probabilities(model, [ref])
        assert decoded[:len(prompt)] == prompt  # the very tokens serving decodes, BOS and markers included
        rest = model.tokenize("The capital of France is") + model.tokenize(" Paris")
        assert decoded[len(prompt):] == rest  # then the answer's prefix and the value, as text
        assert 0.0 < p <= 1.0
    finally:
        model.close()


def test_plain_text_scoring_keeps_marker_text_as_text(chat_model_path):
    """Only a rendered chat prompt is read for special tokens: a note (the reader's passages)
    that says `<|im_end|>` is scored as the text it is."""
    model = LlamaModel(chat_model_path, n_ctx=1024, threads=2)
    try:
        note = "Statement: the tag <|im_end|> ends a turn.\nQuestion:"
        plain, _ = model._score_tokens(note, " What ends a turn?")
        assert plain == model.tokenize(note, add_bos=True)
        assert all(model.llama.detokenize([t]) != b"" for t in plain)
        chat, _ = model._score_tokens(note, " What ends a turn?", chat_prompt=True)
        assert len(chat) < len(plain)  # the same text read as a chat prompt: the marker is one token
    finally:
        model.close()


def test_the_forgetting_check_still_scores_a_model_without_logprobs_many():
    from agent.retention import Reference, value_probabilities

    class Plain:  # a model with logprobs() alone (the tests' fakes): one call per reference
        llama = type("L", (), {"metadata": {}})()

        def __init__(self):
            self.calls = []

        def logprobs(self, context, continuation):
            self.calls.append((context, continuation))
            return [-0.5, -0.5]

    m = Plain()
    refs = [Reference(id="q", messages=[{"role": "user", "content": "Capital of France?"}], prefix="It is ", value="Paris")]
    assert value_probabilities(m, refs) == [pytest.approx(0.3679, abs=1e-4)]
    assert m.calls == [("user: Capital of France?\nassistant: It is", " Paris")]
