"""A scripted text model for tests of plumbing (streaming, cancelling, layout, routing).

Like simonw/llm's queue-driven mock: each `generate` call takes the next scripted reply and
streams it word by word. A reply can wait on a `threading.Event` between tokens so a test
decides exactly when the model is "still generating": no race with a real model's speed.
"""
from __future__ import annotations

import threading
from collections import deque
from typing import Callable, Sequence

from agent.lm import Generation, Prompt


class Reply:
    def __init__(self, text: str, *, hold_after: int | None = None, release: threading.Event | None = None):
        """`hold_after`: stream that many tokens, then wait for `release` (or a cancel) before the rest."""
        self.text = text
        self.hold_after = hold_after
        self.release = release or threading.Event()


class FakeModel:
    name = "fake"
    has_chat_template = True

    def __init__(self, replies: Sequence[str | Reply] = (), *, logprob_fn: Callable[[str, str], list[float]] | None = None):
        self.replies: deque[Reply] = deque(r if isinstance(r, Reply) else Reply(r) for r in replies)
        self.prompts: list[Prompt] = []  # every prompt received, for assertions
        self.calls: list[dict] = []
        self.logprob_fn = logprob_fn
        self.holding = threading.Event()  # set while a held reply waits for its release

    def queue(self, *replies: str | Reply) -> None:
        self.replies.extend(r if isinstance(r, Reply) else Reply(r) for r in replies)

    def generate(self, prompt, *, max_tokens=256, temperature=0.0, stop=(), json_schema=None, grammar=None,
                 repeat_penalty=1.0, on_token=None, cancel=None) -> Generation:
        self.prompts.append(prompt)
        self.calls.append({"max_tokens": max_tokens, "stop": list(stop), "json_schema": json_schema, "grammar": grammar})
        reply = self.replies.popleft() if self.replies else Reply("")
        words = reply.text.split(" ")
        pieces = [w if i == 0 else " " + w for i, w in enumerate(words)] if reply.text else []
        out: list[str] = []
        finish = "stop"
        for i, piece in enumerate(pieces):
            if reply.hold_after is not None and i == reply.hold_after:
                self.holding.set()
                while not reply.release.wait(0.01):
                    if cancel is not None and cancel.is_set():
                        break
            if cancel is not None and cancel.is_set():
                finish = "cancelled"
                break
            if len(out) >= max_tokens:
                finish = "length"
                break
            out.append(piece)
            if on_token is not None:
                on_token(piece)
        return Generation(text="".join(out), finish_reason=finish, n_tokens=len(out), first_token_ms=0.0, total_ms=0.0)

    def logprobs(self, context: str, continuation: str) -> list[float]:
        if self.logprob_fn is None:
            return [-1.0] * max(1, len(continuation.split()))
        return self.logprob_fn(context, continuation)

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def truncate(self, text: str, max_tokens: int) -> str:
        words = text.split()
        if len(words) <= max_tokens:
            return text
        half = max(1, max_tokens // 2)
        return " ".join(words[:half]) + " … " + " ".join(words[-half:])
