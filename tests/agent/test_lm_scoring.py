"""The real model's two scoring paths agree: one pair at a time and many packed in one decode."""
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
