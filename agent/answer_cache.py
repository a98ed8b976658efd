"""A model's greedy closed-book answers, kept across training cycles.

The gate asks the current model (the base on a first cycle, else the last promoted version) the
same ~108 questions every cycle: 48 held-out questions of the user's facts and the 60 fixed general
ones. That model's file never changes, and its answers are greedy, so they are the same every time
(bench/RESULTS.md, fifteenth pass: 108 of 108 answers re-generated two hours later in another
process were the cycle's, character for character). Asking again cost 233 of the eval stage's 412 s
at load ~10. Here each answer is kept under

    <home>/cache/answers-<sha256 of the model file, 16 hex>.json

with the setup that made it (system prompt, max_tokens, temperature, n_ctx, llama-cpp-python's
version, CACHE_VERSION); a different setup throws the file's answers away. The forgetting check's
probabilities of the right general values are kept the same way (`probs-<digest>.json`, by
reference): the base's references are the same every cycle. Answers are kept per
question text, so a question set that grew by a few questions asks only those. The file is keyed
by the model's *content*: the candidate's answers, written when it is scored, are found again
when the registry's copy of it is the current model of the next cycle. Grading (`is_correct`) is
not cached: a question's accepted answers may change, its answer does not.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

CACHE_VERSION = 1  # bump when LlamaModel.generate or the answer prompt changes in a way the setup cannot see
KEEP_MODELS = 8  # answer files kept (most recently used); a rejected candidate's file ages out

_digests: dict[tuple, str] = {}


def model_digest(path: Path) -> str:
    """sha256 of the file (0.13 s for a 145 MB GGUF), remembered per (path, size, mtime) in-process."""
    st = Path(path).stat()
    key = (str(Path(path).resolve()), st.st_size, st.st_mtime_ns)
    if key not in _digests:
        with open(path, "rb") as f:
            _digests[key] = hashlib.file_digest(f, "sha256").hexdigest()
    return _digests[key]


def setup(system: str, max_tokens: int, n_ctx: int, temperature: float = 0.0) -> dict:
    import llama_cpp

    return {"version": CACHE_VERSION, "system": system, "max_tokens": max_tokens, "temperature": temperature,
            "n_ctx": n_ctx, "llama_cpp": getattr(llama_cpp, "__version__", "")}


class ModelCache:
    """What one model file computed with one setup, by a string key: `<kind>-<digest 16 hex>.json`
    under `cache_dir`. A file of another model or another setup is not used (and rewritten)."""

    kind = "answers"

    def __init__(self, cache_dir: Path, model: Path, setup: dict):
        self.dir = Path(cache_dir)
        self.digest = model_digest(model)
        self.file = self.dir / f"{self.kind}-{self.digest[:16]}.json"
        self.setup = setup
        self.values: dict = {}
        self.hits = self.misses = 0
        self._dirty = False
        with contextlib.suppress(FileNotFoundError, ValueError, KeyError, TypeError, AttributeError):
            saved = json.loads(self.file.read_text(encoding="utf-8"))
            if saved["model"] == self.digest and saved["setup"] == setup:
                self.values = dict(saved[self.kind])

    def get(self, key: str):
        v = self.values.get(key)
        if v is None:
            self.misses += 1
        else:
            self.hits += 1
        return v

    def put(self, key: str, value) -> None:
        self.values[key] = value
        self._dirty = True

    def save(self) -> None:
        """Atomic write; touches the file when nothing changed (it was used), then ages out old files."""
        self.dir.mkdir(parents=True, exist_ok=True)
        if self._dirty or not self.file.exists():
            tmp = self.file.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(json.dumps({"model": self.digest, "setup": self.setup, self.kind: self.values}), encoding="utf-8")
            tmp.replace(self.file)
            self._dirty = False
        else:
            os.utime(self.file)
        files = sorted(self.dir.glob(f"{self.kind}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP_MODELS:]:
            old.unlink(missing_ok=True)


class AnswerCache(ModelCache):
    """Greedy closed-book answers by question text (setup: system prompt, max_tokens, ...)."""

    kind = "answers"


class ProbabilityCache(ModelCache):
    """The forgetting check's P(value | prompt + prefix) by reference (agent/retention.py): the
    reference's messages, prefix and value, rendered by this same file's template, so the key
    needs no rendering. Setup: n_ctx, llama-cpp-python's version, CACHE_VERSION."""

    kind = "probs"


def prob_setup(n_ctx: int) -> dict:
    import llama_cpp

    return {"version": CACHE_VERSION, "n_ctx": n_ctx, "llama_cpp": getattr(llama_cpp, "__version__", "")}
