"""The Assistant interface: what a front end (CLI, TUI, voice) asks of anima, wherever it runs.

`open_assistant()` is the one place that decides "daemon or in-process": when a daemon serves this
home it is the only writer of the index and already has the model loaded, so questions and index
requests go to it; otherwise the work happens here, in the process's Anima context. Front ends
never make that choice themselves.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Callable, Protocol, Sequence

from pydantic import BaseModel

from agent.chat import Answer
from agent.config import Home
from agent.context import Anima
from agent.daemon.client import DaemonClient, DaemonError
from agent.status import StatusSnapshot, collect_status
from memory.types import IndexDamaged, IndexReport, MemoryFailure

log = logging.getLogger("anima.assistant")

TokenFn = Callable[[str], None]


class Turn(BaseModel):
    """One earlier exchange of a conversation, oldest first in a history."""

    question: str
    answer: str


class AssistantError(Exception):
    """Something a front end shows as one line: the daemon failed, the index is damaged…"""


class Assistant(Protocol):
    kind: str  # "local" | "daemon"

    def ask(self, question: str, *, history: Sequence[Turn] = (), mode: str = "rag",
            on_token: TokenFn | None = None, cancel: threading.Event | None = None) -> Answer: ...

    def index(self, paths: Sequence[Path] = (), *, rebuild: bool = False) -> IndexReport: ...

    def status(self) -> StatusSnapshot: ...

    def close(self) -> None: ...


class LocalAssistant:
    """Everything in this process, through the Anima context."""

    kind = "local"

    def __init__(self, anima: Anima):
        self.anima = anima

    def ask(self, question, *, history=(), mode="rag", on_token=None, cancel=None) -> Answer:
        try:
            return self.anima.engine.ask(question, mode=mode, on_token=on_token, cancel=cancel,
                                         history=[(t.question, t.answer) for t in history])
        except IndexDamaged:
            self._rebuild_after_damage()
            return self.anima.engine.ask(question, mode=mode, on_token=on_token, cancel=cancel,
                                         history=[(t.question, t.answer) for t in history])
        except MemoryFailure as exc:
            raise AssistantError(str(exc)) from None

    def index(self, paths=(), *, rebuild=False) -> IndexReport:
        targets = list(paths) or [Path(d) for d in self.anima.settings.notes_dirs]
        if not targets:
            raise AssistantError("nothing to index: give folders (anima index ~/notes) or set notes_dirs with `anima init --notes DIR`")
        try:
            return self.anima.memory.index(targets, rebuild=rebuild)
        except IndexDamaged as exc:
            moved = self.anima.recover_memory()
            log.warning("the index ledger was damaged (%s); moved it to %s and rebuilding from your notes", exc.__cause__ or "unreadable", moved)
            return self.anima.memory.index(targets, rebuild=True)
        except MemoryFailure as exc:
            raise AssistantError(str(exc)) from None

    def _rebuild_after_damage(self) -> None:
        """A damaged ledger found while answering: with notes folders configured the index is
        rebuilt from them (the notes are the source of truth); otherwise say how to."""
        roots = [Path(d) for d in self.anima.settings.notes_dirs if Path(d).expanduser().is_dir()]
        if not roots:
            raise AssistantError("the index ledger is damaged and no notes folders are configured; "
                                 "run `anima index --rebuild YOUR_NOTES_FOLDER`")
        moved = self.anima.recover_memory()
        log.warning("the index ledger was damaged; moved it to %s and rebuilding it from %s", moved,
                    ", ".join(map(str, roots)))
        self.anima.memory.index(roots, rebuild=True)

    def status(self) -> StatusSnapshot:
        return collect_status(self.anima.home, self.anima.settings)

    def close(self) -> None:
        self.anima.close()


class DaemonAssistant:
    """Through the running daemon's local API."""

    kind = "daemon"

    def __init__(self, client: DaemonClient):
        self.client = client

    def ask(self, question, *, history=(), mode="rag", on_token=None, cancel=None) -> Answer:
        try:
            return self.client.ask(question, on_token=on_token, mode=mode, cancel=cancel,
                                   history=[(t.question, t.answer) for t in history])
        except DaemonError as exc:
            raise AssistantError(str(exc)) from None

    def index(self, paths=(), *, rebuild=False) -> IndexReport:
        try:
            data = self.client.index([str(Path(p).expanduser().resolve()) for p in paths], rebuild=rebuild)
        except DaemonError as exc:
            raise AssistantError(str(exc)) from None
        return IndexReport.model_validate(data)

    def status(self) -> StatusSnapshot:
        try:
            return StatusSnapshot.model_validate(self.client.status())
        except DaemonError as exc:
            raise AssistantError(str(exc)) from None

    def close(self) -> None:
        pass


def open_assistant(home: Home, *, anima: Anima | None = None, local: bool = False) -> Assistant:
    """The daemon when one serves this home (and `local` is not asked for), else in-process."""
    if not local:
        client = DaemonClient.find(home)
        if client is not None:
            return DaemonAssistant(client)
    return LocalAssistant(anima or Anima(home))
