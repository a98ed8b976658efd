"""In-process publish/subscribe for daemon events (index, reconcile, train, model, status, log).

Each subscriber gets its own bounded queue: a slow or stuck SSE client loses its oldest events
instead of growing memory or blocking the indexer that publishes them.
"""
from __future__ import annotations

import collections
import itertools
import threading
import time
from typing import Any

EVENT_TYPES = ("index", "reconcile", "train", "model", "status", "log")


class Subscription:
    def __init__(self, bus: "EventBus", maxlen: int):
        self._bus = bus
        self._items: collections.deque[dict] = collections.deque(maxlen=maxlen)
        self._cond = threading.Condition()
        self.closed = False

    def _put(self, event: dict) -> None:
        with self._cond:
            self._items.append(event)
            self._cond.notify_all()

    def get(self, timeout: float | None = None) -> dict | None:
        """The next event, or None after `timeout` seconds (or when closed)."""
        with self._cond:
            if not self._items and not self.closed:
                self._cond.wait(timeout)
            return self._items.popleft() if self._items else None

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()
        self._bus._remove(self)


class EventBus:
    def __init__(self, history: int = 200, queue_len: int = 1000):
        self._subs: set[Subscription] = set()
        self._lock = threading.Lock()
        self._seq = itertools.count(1)
        self._queue_len = queue_len
        # Recent events, so a late subscriber (the TUI opening mid-reindex) sees where things stand.
        self.recent: collections.deque[dict] = collections.deque(maxlen=history)

    def publish(self, type: str, **data: Any) -> dict:
        event = {"type": type, "seq": next(self._seq), "ts": time.time(), **data}
        with self._lock:
            self.recent.append(event)
            subs = list(self._subs)
        for sub in subs:
            sub._put(event)
        return event

    def subscribe(self) -> Subscription:
        sub = Subscription(self, self._queue_len)
        with self._lock:
            self._subs.add(sub)
        return sub

    def _remove(self, sub: Subscription) -> None:
        with self._lock:
            self._subs.discard(sub)

    def close_all(self) -> None:
        with self._lock:
            subs = list(self._subs)
        for sub in subs:
            sub.close()
