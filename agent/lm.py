"""The text-model interface: one small protocol every caller of a language model goes through.

Grounded answers, the phone planner, training's evaluation and the daemon all need the same
four things from a model: generate text (from chat messages or a raw prompt; streamed, stoppable,
optionally forced into a JSON schema or a GBNF grammar), the log-probability of a given text
after a given context (to let a small model *choose* instead of write), token counts, and a
name. `LlamaModel` does it with llama-cpp-python; tests drive the same callers with the scripted
fake in tests/fakes.py. `ModelPool` makes sure one process loads each model file once.

finetune/ may not import agent/, so it calls these methods by duck typing; keep the keyword
arguments plain (no option objects) for that reason.
"""
from __future__ import annotations

import ctypes
import logging
import threading
import time
from pathlib import Path
from typing import Callable, Literal, Protocol, Sequence, Union, runtime_checkable

from pydantic import BaseModel

from agent.llm import load_llama

log = logging.getLogger("anima.lm")

Messages = list[dict[str, str]]
Prompt = Union[str, Messages]  # a raw completion prompt, or chat messages rendered by the model's own template


class Generation(BaseModel):
    text: str
    finish_reason: Literal["stop", "length", "cancelled"]
    n_tokens: int  # generated tokens
    first_token_ms: float | None = None
    total_ms: float = 0.0


@runtime_checkable
class TextModel(Protocol):
    name: str

    def generate(
        self,
        prompt: Prompt,
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        stop: Sequence[str] = (),
        json_schema: dict | None = None,
        grammar: str | None = None,
        repeat_penalty: float = 1.0,
        on_token: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Generation: ...

    def logprobs(self, context: str, continuation: str) -> list[float]:
        """Natural-log probability of each token of `continuation` following raw text `context`."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def truncate(self, text: str, max_tokens: int) -> str: ...

    @property
    def has_chat_template(self) -> bool: ...


def truncate_middle(text: str, max_tokens: int, tokens: list, detok: Callable[[list], str]) -> str:
    """Keep the head and tail of an over-long text: both usually carry the intent."""
    if len(tokens) <= max_tokens:
        return text
    half = max(1, max_tokens // 2 - 4)
    log.info("text truncated from %d to about %d tokens to fit the context", len(tokens), max_tokens)
    return f"{detok(tokens[:half])} … {detok(tokens[-half:])}"


class LlamaModel:
    """A GGUF model through llama-cpp-python. One call at a time (a llama context is not thread-safe)."""

    def __init__(self, path: Path, *, n_ctx: int = 2048, threads: int = 0):
        self.path = Path(path)
        self.n_ctx = n_ctx
        self.llama = load_llama(self.path, n_ctx=n_ctx, threads=threads)
        self.lock = threading.RLock()
        self.name = self.name_for(self.path)

    @staticmethod
    def name_for(path: Path) -> str:
        # A registry version lives at models/vNNN/model.gguf: the version is the useful name.
        return path.parent.name if path.name == "model.gguf" else path.stem

    # -- text ----------------------------------------------------------------------------------
    @property
    def has_chat_template(self) -> bool:
        from agent.llm import GGUF_TEMPLATE

        return self.llama.chat_format == GGUF_TEMPLATE

    def tokenize(self, text: str, *, add_bos: bool = False) -> list[int]:
        return self.llama.tokenize(text.encode("utf-8", "replace"), add_bos=add_bos, special=False)

    def detokenize(self, tokens: list[int]) -> str:
        return self.llama.detokenize(tokens).decode("utf-8", "ignore")

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def truncate(self, text: str, max_tokens: int) -> str:
        return truncate_middle(text, max_tokens, self.tokenize(text), self.detokenize)

    # -- generation ----------------------------------------------------------------------------
    def generate(
        self,
        prompt: Prompt,
        *,
        max_tokens: int = 256,
        temperature: float = 0.0,
        stop: Sequence[str] = (),
        json_schema: dict | None = None,
        grammar: str | None = None,
        repeat_penalty: float = 1.0,
        on_token: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Generation:
        import llama_cpp

        kwargs: dict = {
            "max_tokens": max_tokens,
            "temperature": temperature,
            "stop": list(stop),
            "repeat_penalty": repeat_penalty,
            "stream": True,
        }
        if grammar is not None:
            kwargs["grammar"] = llama_cpp.LlamaGrammar.from_string(grammar, verbose=False)
        elif json_schema is not None:
            import json

            kwargs["grammar"] = llama_cpp.LlamaGrammar.from_json_schema(json.dumps(json_schema), verbose=False)
        t0 = time.perf_counter()
        parts: list[str] = []
        t_first = None
        finish: str = "stop"
        with self.lock:
            if isinstance(prompt, str):
                stream = self.llama.create_completion(prompt, **kwargs)
                piece_of = lambda c: c["choices"][0].get("text") or ""  # noqa: E731
            else:
                stream = self.llama.create_chat_completion(messages=prompt, **kwargs)
                piece_of = lambda c: c["choices"][0]["delta"].get("content") or ""  # noqa: E731
            try:
                for chunk in stream:
                    if cancel is not None and cancel.is_set():
                        finish = "cancelled"
                        break
                    reason = chunk["choices"][0].get("finish_reason")
                    if reason == "length":
                        finish = "length"
                    piece = piece_of(chunk)
                    if not piece:
                        continue
                    if t_first is None:
                        t_first = time.perf_counter()
                    parts.append(piece)
                    if on_token is not None:
                        on_token(piece)
            finally:
                stream.close()
        t_end = time.perf_counter()
        return Generation(
            text="".join(parts),
            finish_reason=finish,  # type: ignore[arg-type]
            n_tokens=len(parts),
            first_token_ms=None if t_first is None else round((t_first - t0) * 1000, 1),
            total_ms=round((t_end - t0) * 1000, 1),
        )

    # -- scoring -------------------------------------------------------------------------------
    def logprobs(self, context: str, continuation: str, *, chat_prompt: bool = False) -> list[float]:
        """Log-probabilities of the continuation's tokens, from one decode of context+continuation.

        llama-cpp-python only keeps logits for every position when the whole model is created
        with logits_all (n_ctx x vocabulary floats, 2 GB for a 262k vocabulary). Instead this
        builds its own batch that asks for logits at just the positions that predict the
        continuation, then drops the KV cache so the next generation starts clean.

        `chat_prompt`: the context opens with a prompt the model's chat template rendered
        (agent/retention.render); it is tokenized as create_chat_completion tokenizes it when
        serving: the markers' text (`<|im_start|>`...) read as the special tokens they stand for,
        and no BOS added beyond what the template writes. Plain text (the reader's passages, a
        user's note) is never read that way: without it a note saying `<|im_end|>` stays text.
        """
        import llama_cpp
        import numpy as np

        ctx_tokens, cont_tokens = self._score_tokens(context, continuation, chat_prompt=chat_prompt)
        if not cont_tokens:
            return []
        tokens = ctx_tokens + cont_tokens
        first = len(ctx_tokens) - 1  # the position whose logits predict the first continuation token
        n_vocab = self.llama.n_vocab()
        with self.lock:
            ctx = self.llama._ctx.ctx
            self._clear_cache(llama_cpp, ctx)
            batch = llama_cpp.llama_batch_init(len(tokens), 0, 1)
            try:
                batch.n_tokens = len(tokens)
                for i, tok in enumerate(tokens):
                    batch.token[i] = tok
                    batch.pos[i] = i
                    batch.n_seq_id[i] = 1
                    batch.seq_id[i][0] = 0
                    batch.logits[i] = 1 if i >= first else 0
                rc = llama_cpp.llama_decode(ctx, batch)
                if rc != 0:
                    raise RuntimeError(f"llama_decode failed ({rc})")
                out: list[float] = []
                for j, tok in enumerate(cont_tokens):
                    ptr = llama_cpp.llama_get_logits_ith(ctx, first + j)
                    row = np.ctypeslib.as_array(ctypes.cast(ptr, ctypes.POINTER(ctypes.c_float)), shape=(n_vocab,))
                    peak = float(row.max())
                    lse = peak + float(np.log(np.exp(row - peak).sum()))
                    out.append(float(row[tok]) - lse)
            finally:
                llama_cpp.llama_batch_free(batch)
                self._clear_cache(llama_cpp, ctx)
        return out

    def _score_tokens(self, context: str, continuation: str, *, chat_prompt: bool = False) -> tuple[list[int], list[int]]:
        """The tokens `logprobs` decodes: BOS + context (or a rendered chat prompt tokenized as
        serving does, see `logprobs`), then the continuation kept whole and the context's head
        cut when both do not fit the window."""
        if chat_prompt:  # as llama_chat_format's handler: add_bos=not added_special (True), special=True
            ctx_tokens = self.llama.tokenize(context.encode("utf-8", "replace"), add_bos=False, special=True)
        else:
            ctx_tokens = self.tokenize(context, add_bos=True)
        cont_tokens = self.tokenize(continuation)
        limit = self.n_ctx - 1
        if cont_tokens and len(ctx_tokens) + len(cont_tokens) > limit:
            keep = max(1, limit - len(cont_tokens))
            ctx_tokens = ctx_tokens[:1] + ctx_tokens[-(keep - 1):] if keep > 1 else ctx_tokens[:1]
        return ctx_tokens, cont_tokens

    def logprobs_many(self, pairs: Sequence[tuple[str, str]], *, chat_prompt: bool = False) -> list[list[float]]:
        """`logprobs(context, continuation)` for each pair in turn, on the generating context, each
        decode keeping the key/value cache of the tokens it shares with the pair before it.

        Prompts that open with the same system prompt (the gate's general questions) decode it
        once instead of once per pair; the tokens of every pair are exactly those `logprobs`
        decodes (the whole context tokenized at once, cut the same way), and the cache is
        dropped afterwards so the next generation starts clean. `chat_prompt` as in `logprobs`.
        """
        import llama_cpp
        import numpy as np

        if not pairs:
            return []
        n_vocab = self.llama.n_vocab()
        n_batch = max(1, int(self.llama.context_params.n_batch))
        results: list[list[float]] = []
        with self.lock:
            ctx = self.llama._ctx.ctx
            mem = llama_cpp.llama_get_memory(ctx)
            self._clear_cache(llama_cpp, ctx)
            cached: list[int] = []  # the tokens in the cache, at positions 0..len-1
            try:
                for context, continuation in pairs:
                    ctx_tokens, cont_tokens = self._score_tokens(context, continuation, chat_prompt=chat_prompt)
                    if not cont_tokens:
                        results.append([])
                        continue
                    tokens = ctx_tokens + cont_tokens
                    first = len(ctx_tokens) - 1  # the position whose logits predict the first continuation token
                    keep = 0
                    for a, b in zip(cached, tokens[:first]):  # the logits at `first` are always decoded afresh
                        if a != b:
                            break
                        keep += 1
                    if keep < len(cached) and not llama_cpp.llama_memory_seq_rm(mem, 0, keep, -1):
                        llama_cpp.llama_memory_clear(mem, True)
                        keep = 0
                    cached = tokens[:keep]
                    out: list[float] = []
                    for start in range(keep, len(tokens), n_batch):
                        chunk = tokens[start:start + n_batch]
                        batch = llama_cpp.llama_batch_init(len(chunk), 0, 1)
                        try:
                            batch.n_tokens = len(chunk)
                            for i, tok in enumerate(chunk):
                                batch.token[i] = tok
                                batch.pos[i] = start + i
                                batch.n_seq_id[i] = 1
                                batch.seq_id[i][0] = 0
                                batch.logits[i] = 1 if start + i >= first else 0  # as logprobs() asks
                            rc = llama_cpp.llama_decode(ctx, batch)
                            if rc != 0:
                                raise RuntimeError(f"llama_decode failed ({rc})")
                            cached += chunk
                            for i in range(len(chunk)):
                                pos = start + i
                                if not first <= pos < len(tokens) - 1:
                                    continue
                                ptr = llama_cpp.llama_get_logits_ith(ctx, i)
                                row = np.ctypeslib.as_array(ctypes.cast(ptr, ctypes.POINTER(ctypes.c_float)), shape=(n_vocab,))
                                peak = float(row.max())
                                lse = peak + float(np.log(np.exp(row - peak).sum()))
                                out.append(float(row[tokens[pos + 1]]) - lse)
                        finally:
                            llama_cpp.llama_batch_free(batch)
                    results.append(out)
            finally:
                self._clear_cache(llama_cpp, ctx)
        return results

    def logprobs_batch(self, pairs: Sequence[tuple[str, str]]) -> list[list[float]]:
        """`logprobs(context, continuation)` for many pairs at once: one sequence per pair,
        packed into as few llama_decode calls as the batch allows.

        Runs on a second llama context made from the same weights (one sequence per pair needs
        n_seq_max > 1, which the generating context does not have), so scoring never disturbs
        the prompt cache of generation. Ranking a dozen statements costs one decode, not twelve.
        """
        import llama_cpp
        import numpy as np

        if not pairs:
            return []
        seqs: list[tuple[list[int], int]] = []  # (tokens, index of the first continuation token)
        for context, continuation in pairs:
            ctx_tokens = self.tokenize(context, add_bos=True)
            cont_tokens = self.tokenize(continuation) or []
            room = self._score_batch - 1
            if len(ctx_tokens) + len(cont_tokens) > room:
                cont_tokens = cont_tokens[: room // 2]
                keep = max(1, room - len(cont_tokens))
                ctx_tokens = ctx_tokens[:1] + ctx_tokens[-(keep - 1):] if keep > 1 else ctx_tokens[:1]
            seqs.append((ctx_tokens + cont_tokens, len(ctx_tokens)))
        n_vocab = self.llama.n_vocab()
        results: list[list[float]] = [[] for _ in pairs]
        with self.lock:
            ctx = self._scoring_context(llama_cpp)
            mem = llama_cpp.llama_get_memory(ctx)
            i = 0
            while i < len(seqs):
                group, used = [], 0
                while i < len(seqs) and len(group) < self._score_seqs and used + len(seqs[i][0]) <= self._score_batch:
                    group.append(i)
                    used += len(seqs[i][0])
                    i += 1
                batch = llama_cpp.llama_batch_init(used, 0, 1)
                try:
                    rows: list[tuple[int, int, int]] = []  # (pair, batch index, token predicted)
                    b = 0
                    for s, idx in enumerate(group):
                        tokens, first = seqs[idx]
                        for pos, tok in enumerate(tokens):
                            batch.token[b] = tok
                            batch.pos[b] = pos
                            batch.n_seq_id[b] = 1
                            batch.seq_id[b][0] = s
                            want = first - 1 <= pos < len(tokens) - 1
                            batch.logits[b] = 1 if want else 0
                            if want:
                                rows.append((idx, b, tokens[pos + 1]))
                            b += 1
                    batch.n_tokens = used
                    rc = llama_cpp.llama_decode(ctx, batch)
                    if rc != 0:
                        raise RuntimeError(f"llama_decode failed ({rc})")
                    for idx, bi, tok in rows:
                        ptr = llama_cpp.llama_get_logits_ith(ctx, bi)
                        row = np.ctypeslib.as_array(ctypes.cast(ptr, ctypes.POINTER(ctypes.c_float)), shape=(n_vocab,))
                        peak = float(row.max())
                        lse = peak + float(np.log(np.exp(row - peak).sum()))
                        results[idx].append(float(row[tok]) - lse)
                finally:
                    llama_cpp.llama_batch_free(batch)
                    llama_cpp.llama_memory_clear(mem, True)
        return results

    _score_batch = 2048  # tokens per decode of the scoring context
    _score_seqs = 32  # sequences per decode

    def _scoring_context(self, llama_cpp):
        ctx = getattr(self, "_score_ctx", None)
        if ctx is not None:
            return ctx
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = self._score_batch
        params.n_batch = self._score_batch
        params.n_ubatch = min(512, self._score_batch)
        params.n_seq_max = self._score_seqs
        if hasattr(params, "kv_unified"):
            params.kv_unified = True  # sequences share one cache of n_ctx cells, not n_ctx / n_seq_max each
        params.n_threads = self.llama.context_params.n_threads
        params.n_threads_batch = self.llama.context_params.n_threads_batch
        params.no_perf = True
        # A statement's score must not depend on which others share its decode: with the default
        # F16 key/value cache (and flash attention, "auto" by default) the same pair scored alone
        # or packed beside another moved by up to 0.15 nat per token, as much as the gaps the
        # reader decides on. An F32 cache without flash attention scores every layout alike
        # (tests/agent/test_lm_scoring.py); it costs n_ctx x layers x 2 x kv width x 4 bytes
        # (~90 MB for the demo model).
        if hasattr(params, "flash_attn_type"):
            params.flash_attn_type = 0
        params.type_k = 0  # GGML_TYPE_F32
        params.type_v = 0
        ctx = llama_cpp.llama_init_from_model(self.llama._model.model, params)
        if ctx is None:
            raise RuntimeError("llama.cpp could not create a scoring context")
        self._score_ctx = ctx
        return ctx

    def _clear_cache(self, llama_cpp, ctx) -> None:
        # The high-level object reuses a cached prompt prefix; after our own decode it must not.
        clear = getattr(llama_cpp, "llama_kv_self_clear", None)
        if clear is not None:
            clear(ctx)
        else:  # newer llama.cpp: the KV cache is "memory"
            llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(ctx), True)
        self.llama.n_tokens = 0

    def close(self) -> None:
        ctx = getattr(self, "_score_ctx", None)
        if ctx is not None:
            import llama_cpp

            llama_cpp.llama_free(ctx)
            self._score_ctx = None
        close = getattr(self.llama, "close", None)
        if close is not None:
            close()


class ModelPool:
    """Each model file loaded once per process, shared by chat, the phone agent and evaluation."""

    def __init__(self, *, n_ctx: int = 2048, threads: int = 0):
        self.n_ctx = n_ctx
        self.threads = threads
        self._models: dict[Path, LlamaModel] = {}
        self._lock = threading.Lock()

    def get(self, path: Path) -> LlamaModel:
        key = Path(path).expanduser().resolve()
        with self._lock:
            model = self._models.get(key)
            if model is None:
                model = LlamaModel(key, n_ctx=self.n_ctx, threads=self.threads)
                self._models[key] = model
            return model

    def forget(self, path: Path) -> None:
        """Drop a model (after a swap); callers still holding it finish with their copy."""
        with self._lock:
            self._models.pop(Path(path).expanduser().resolve(), None)
