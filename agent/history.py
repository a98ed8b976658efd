"""Conversation history: every chat turn, with its sources, in SQLite at `home.history_db`.

The TUI writes each question and answer as it happens so a crash loses at most the answer being
generated; the user can list old conversations and resume one. SQLite in WAL mode lets the TUI
and a CLI read the same file while one writes.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

Role = Literal["user", "assistant", "phone", "system"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    sources TEXT NOT NULL DEFAULT '[]',
    meta TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id);
"""

TITLE_CHARS = 60


class HistoryError(Exception):
    """The history file cannot be used; the message names the file and the fix."""


class StoredMessage(BaseModel):
    id: int
    conversation_id: int
    role: Role
    content: str
    sources: list[dict[str, Any]] = Field(default_factory=list)  # agent.chat.Source dumps
    meta: dict[str, Any] = Field(default_factory=dict)  # e.g. {"cancelled": true, "model": ...}
    created: float


class Conversation(BaseModel):
    id: int
    title: str
    created: float
    updated: float
    message_count: int = 0


def make_title(text: str) -> str:
    """First line of the first question, shortened: enough to recognise it in a list."""
    line = " ".join(text.strip().split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


class HistoryStore:
    """Thread-safe (one lock around one connection): the TUI writes from worker threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=10)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise HistoryError(
                f"The conversation history {self.path} is unreadable ({exc}). "
                "Move it aside (it is only chat history) and anima starts a new one."
            ) from None
        except OSError as exc:
            raise HistoryError(f"Cannot create the conversation history {self.path}: {exc}") from None

    # -- writing ---------------------------------------------------------------------------
    def new_conversation(self, title: str = "") -> Conversation:
        now = time.time()
        with self._lock, self._db:
            cur = self._db.execute(
                "INSERT INTO conversations(title, created, updated) VALUES (?, ?, ?)",
                (make_title(title) if title else "New conversation", now, now),
            )
        return Conversation(id=int(cur.lastrowid), title=make_title(title) if title else "New conversation", created=now, updated=now)

    def add_message(
        self,
        conversation_id: int,
        role: Role,
        content: str,
        *,
        sources: list[dict[str, Any]] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> StoredMessage:
        if role not in ("user", "assistant", "phone", "system"):
            raise ValueError(f"unknown role {role!r}")
        now = time.time()
        sources = [s.model_dump(mode="json") if hasattr(s, "model_dump") else dict(s) for s in (sources or [])]
        meta = dict(meta or {})
        with self._lock, self._db:
            row = self._db.execute("SELECT title FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
            if row is None:
                raise HistoryError(f"no conversation with id {conversation_id}")
            cur = self._db.execute(
                "INSERT INTO messages(conversation_id, role, content, sources, meta, created) VALUES (?, ?, ?, ?, ?, ?)",
                (conversation_id, role, content, json.dumps(sources), json.dumps(meta), now),
            )
            # The first question names the conversation, so the list is readable without opening it.
            if role == "user" and row[0] == "New conversation":
                self._db.execute("UPDATE conversations SET title = ? WHERE id = ?", (make_title(content), conversation_id))
            self._db.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation_id))
        return StoredMessage(
            id=int(cur.lastrowid), conversation_id=conversation_id, role=role, content=content,
            sources=sources, meta=meta, created=now,
        )

    def rename(self, conversation_id: int, title: str) -> None:
        with self._lock, self._db:
            self._db.execute("UPDATE conversations SET title = ? WHERE id = ?", (make_title(title), conversation_id))

    def delete(self, conversation_id: int) -> bool:
        with self._lock, self._db:
            cur = self._db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))
        return cur.rowcount > 0

    # -- reading ---------------------------------------------------------------------------
    def get(self, conversation_id: int) -> Conversation | None:
        with self._lock:
            row = self._db.execute(
                "SELECT c.id, c.title, c.created, c.updated, COUNT(m.id) FROM conversations c "
                "LEFT JOIN messages m ON m.conversation_id = c.id WHERE c.id = ? GROUP BY c.id",
                (conversation_id,),
            ).fetchone()
        return None if row is None else _conversation(row)

    def list_conversations(self, limit: int = 100, *, include_empty: bool = False) -> list[Conversation]:
        """Most recently used first. Empty conversations (opened, never used) are hidden by default."""
        having = "" if include_empty else "HAVING COUNT(m.id) > 0"
        with self._lock:
            rows = self._db.execute(
                "SELECT c.id, c.title, c.created, c.updated, COUNT(m.id) FROM conversations c "
                f"LEFT JOIN messages m ON m.conversation_id = c.id GROUP BY c.id {having} "
                "ORDER BY c.updated DESC, c.id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [_conversation(r) for r in rows]

    def messages(self, conversation_id: int) -> list[StoredMessage]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, conversation_id, role, content, sources, meta, created FROM messages "
                "WHERE conversation_id = ? ORDER BY id",
                (conversation_id,),
            ).fetchall()
        return [
            StoredMessage(id=r[0], conversation_id=r[1], role=r[2], content=r[3],
                          sources=json.loads(r[4]), meta=json.loads(r[5]), created=r[6])
            for r in rows
        ]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "HistoryStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _conversation(row) -> Conversation:
    return Conversation(id=row[0], title=row[1], created=row[2], updated=row[3], message_count=row[4])
