"""Fixtures for memory tests: a real Memory (real chromadb on disk, real MiniLM embedder) in a
temp dir, plus an embed counter so tests can prove what was (not) re-embedded."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture()
def make_memory(tmp_path, embedder_path):
    from memory.index import Memory

    opened = []

    def factory(data_dir: Path | None = None, **kwargs):
        kwargs.setdefault("embedder_path", embedder_path)
        mem = Memory(data_dir or tmp_path / "data", **kwargs)
        opened.append(mem)
        return mem

    yield factory
    for mem in opened:
        try:
            mem.close()
        except Exception:
            pass


@pytest.fixture()
def embed_counter(monkeypatch):
    """Counts texts passed to any Embedder.embed (the real one still runs)."""
    from memory.embedder import Embedder

    calls: list[str] = []
    real = Embedder.embed

    def counting(self, texts, batch_size=32):
        calls.extend(texts)
        return real(self, texts, batch_size)

    monkeypatch.setattr(Embedder, "embed", counting)
    return calls

