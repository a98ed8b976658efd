"""The Anima context: one per process, owning what every command, the daemon and the TUI share.

It holds the settings snapshot (read once; a reload is an explicit call), and opens on first use
the memory, the model registry, the loaded text models (each file once, through a ModelPool),
the grounded-answer engine and the phone agent. Front ends receive it instead of re-reading
config.toml or loading a second copy of a model behind each other's back.
"""
from __future__ import annotations

import logging
import shutil
import threading
import time
from pathlib import Path

from agent.config import Home, Settings
from agent.lm import ModelPool, TextModel

log = logging.getLogger("anima.context")


class Anima:
    def __init__(self, home: Home, settings: Settings | None = None, *, models: ModelPool | None = None,
                 memory=None, model: TextModel | None = None, engine=None):
        """`memory`, `model` and `engine` hand in ready parts (tests share one index, script a model)."""
        self.home = home.ensure()
        self.settings = settings if settings is not None else self.home.load_settings()
        self.models = models or ModelPool(n_ctx=self.settings.model.n_ctx, threads=self.settings.model.threads)
        self._model = model
        self._lock = threading.RLock()
        self._memory = memory
        self._engine = engine
        self._phone = None

    # -- settings ------------------------------------------------------------------------------
    def reload_settings(self) -> Settings:
        """The one way settings change in a running anima: re-read, then hand the new snapshot to
        the parts built from it (they are rebuilt on next use)."""
        with self._lock:
            self.settings = self.home.load_settings()
            self._engine = None
            self._phone = None
            return self.settings

    # -- memory --------------------------------------------------------------------------------
    @property
    def memory(self):
        with self._lock:
            if self._memory is None:
                self._memory = open_memory(self.home, self.settings)
            return self._memory

    def recover_memory(self) -> str:
        """Move a damaged ledger aside (never deleted: the user may want it) so the index can be
        rebuilt from the notes, which are the source of truth. Returns where it went."""
        from memory.index import LEDGER_FILE

        with self._lock:
            if self._memory is not None:
                self._memory.close()
                self._memory = None
            self._engine = None
            self._phone = None
            moved = quarantine(self.home.data_dir / LEDGER_FILE)
            return moved

    # -- models --------------------------------------------------------------------------------
    @property
    def registry(self):
        from agent.registry import Registry

        return Registry(self.home, keep_versions=self.settings.train.keep_versions)

    def model_path(self) -> Path:
        from agent.chat import resolve_model_path

        return resolve_model_path(self.home, self.settings)

    def chat_model(self) -> TextModel:
        if self._model is not None:
            return self._model
        return self.engine.model

    @property
    def engine(self):
        from agent.chat import ChatEngine

        with self._lock:
            if self._engine is None:
                self._engine = ChatEngine(self.home, self.settings, memory=self.memory, pool=self.models,
                                          model=self._model)
            return self._engine

    @property
    def phone(self):
        """The phone agent, sharing this process's memory and chat model (loaded lazily, once)."""
        from agent.phone import PhoneAgent

        with self._lock:
            if self._phone is None:
                self._phone = PhoneAgent(self.home, self.settings, memory=self._memory_or_none(),
                                         llm=_LazyModel(self))
            return self._phone

    def _memory_or_none(self):
        try:
            return self.memory
        except Exception as exc:  # noqa: BLE001 - no index yet: contacts get a question instead
            log.debug("memory unavailable: %s", exc)
            return None

    def close(self) -> None:
        with self._lock:
            if self._memory is not None:
                self._memory.close()
                self._memory = None


class _LazyModel:
    """The chat model, loaded only when the phone agent really asks it something (most phone
    commands are parsed without a model)."""

    def __init__(self, anima: Anima):
        self._anima = anima

    def __getattr__(self, name):
        return getattr(self._anima.chat_model(), name)


def open_memory(home: Home, settings: Settings):
    from memory.index import Memory

    m = settings.memory
    return Memory(
        home.data_dir,
        embedder_path=m.embedder_path or None,
        chunk_words=m.chunk_words,
        chunk_overlap_words=m.chunk_overlap_words,
        max_file_mb=m.max_file_mb,
        chroma_url=m.chroma_url or None,
    )


def quarantine(path: Path) -> str:
    """Rename `path` (and SQLite's -wal/-shm beside it) to `<name>.damaged-<time>`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            shutil.move(str(src), str(target) + suffix)
    return str(target)
