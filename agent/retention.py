"""How much general knowledge a new model keeps, measured as probabilities, not greedy strings.

The gate used to count general questions answered right. A 135M model's greedy answer flips on
small changes of its logits, so a fine-tune that knows as much as before still "gains" 9 and
"loses" 9 of 60 (bench/RESULTS.md), and the paired bound on that churn rejects it. Here each
general question a model answered right gives a reference: that answer cut at the right value
("The capital of France is" + "Paris"). Both models score the value's tokens after the same
prompt and prefix; the probability of the whole value is the share of the time that model would
say it there. Its paired difference is in the units of the old count (share of questions), but
a value the new model still gives with 0.8 instead of 0.9 costs 0.1, not a whole question.
References come from both models' right answers (averaged) so neither model is favoured.
"""
from __future__ import annotations

import json
import math
from typing import Sequence

from pydantic import BaseModel

MAX_PREFIX_CHARS = 200  # a value deep in a rambling answer: its prefix is the ramble, cut


class Reference(BaseModel):
    id: str
    messages: list[dict]  # the closed-book prompt (system + question), rendered by each model's template
    prefix: str  # the reference answer up to the value
    value: str  # the acceptable answer as it was written


def references(question_id: str, messages: list[dict], accepted: Sequence[str], answers: Sequence[str]) -> list[Reference]:
    """One reference per distinct right answer among `answers` (the models' own): cut at the
    first acceptable value it contains."""
    out, seen = [], set()
    for answer in answers:
        low = answer.lower()
        hits = [(low.find(a.lower()), a) for a in accepted if a and a.lower() in low]
        if not hits:
            continue
        at, a = min(hits)
        prefix, value = answer[:at], answer[at: at + len(a)]
        if len(prefix) > MAX_PREFIX_CHARS or (prefix, value) in seen:
            continue
        seen.add((prefix, value))
        out.append(Reference(id=question_id, messages=messages, prefix=prefix, value=value))
    return out


def render(llm, messages: list[dict]) -> str:
    """The prompt text the model's own chat template makes (as generate() renders it), up to
    the start of the assistant's answer: the template's own BOS and marker text included, as
    llama-cpp-python's chat handler renders it (eos/bos as the text of those tokens). Scored
    with `chat_prompt=True` (agent/lm.py), it is tokenized as serving tokenizes it."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    meta = llm.llama.metadata
    template = meta.get("tokenizer.chat_template")
    if not template:
        return "".join(f"{m['role']}: {m['content']}\n" for m in messages) + "assistant: "
    eos, bos = (_token_text(llm.llama, t) for t in (llm.llama.token_eos(), llm.llama.token_bos()))
    return Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)(messages=messages).prompt


def _token_text(llama, token: int) -> str:
    """A token's text as llama_cpp.Llama passes eos/bos to the chat template."""
    if token < 0:
        return ""
    model = getattr(llama, "_model", None)
    if model is not None and hasattr(model, "token_get_text"):
        return model.token_get_text(token)
    return llama.detokenize([token], special=True).decode("utf-8", "ignore")


def reference_key(r: Reference) -> str:
    return json.dumps([r.messages, r.prefix, r.value], ensure_ascii=False)


def value_probabilities(llm, refs: Sequence[Reference], cache=None) -> list[float]:
    """P(value | prompt + prefix) under `llm` for each reference. One decode per reference: on
    this CPU 2.6x faster than the reader's packed batches for 60 short sequences (34 s vs 88 s).
    A model with `logprobs_many` (agent/lm.py) keeps the cache of what a reference shares with
    the one before it: the system prompt, and the question for a second reference of it, are
    decoded once, not once per reference. The rendered prompt is tokenized as serving does
    (`chat_prompt`: the template's markers are the special tokens, not their text).
    With `cache` (agent/answer_cache.ProbabilityCache of this model file), references it already
    scored are not scored again, and the rest are kept."""
    keys = [reference_key(r) for r in refs] if cache is not None else []
    known = {i: p for i, k in enumerate(keys) if (p := cache.get(k)) is not None} if cache is not None else {}
    todo = [r for i, r in enumerate(refs) if i not in known]
    pairs = [(render(llm, r.messages) + r.prefix.rstrip(" "), (" " if r.prefix.endswith(" ") else "") + r.value) for r in todo]
    many = getattr(llm, "logprobs_many", None)
    if not pairs:
        lps = []
    elif many is not None:
        lps = many(pairs, chat_prompt=bool(llm.llama.metadata.get("tokenizer.chat_template")))
    else:
        lps = [llm.logprobs(c, x) for c, x in pairs]
    # A wrecked model's logits can be NaN: it gives the value no probability at all.
    fresh = iter([p if lp and math.isfinite(p := math.exp(sum(lp))) else 0.0 for lp in lps])
    out = []
    for i in range(len(refs)):
        if i in known:
            out.append(float(known[i]))
        else:
            out.append(next(fresh))
            if cache is not None:
                cache.put(keys[i], out[-1])
    return out


def per_question(refs: Sequence[Reference], probs: Sequence[float]) -> dict[str, float]:
    """The mean probability over each question's references."""
    acc: dict[str, list[float]] = {}
    for r, p in zip(refs, probs):
        acc.setdefault(r.id, []).append(p)
    return {k: sum(v) / len(v) for k, v in acc.items()}


class Retention(BaseModel):
    n: int  # questions either model answered right
    new: list[float]  # per question, the new model's probability of the right value
    old: list[float]


def retention(new_llm, old_llm, refs: Sequence[Reference], caches: tuple = (None, None)) -> Retention:
    """`caches`: the two models' ProbabilityCache (or None), new first."""
    if not refs:
        return Retention(n=0, new=[], old=[])
    pn = per_question(refs, value_probabilities(new_llm, refs, caches[0]))
    po = per_question(refs, value_probabilities(old_llm, refs, caches[1]))
    ids = sorted(pn)
    return Retention(n=len(ids), new=[round(pn[i], 4) for i in ids], old=[round(po[i], 4) for i in ids])
