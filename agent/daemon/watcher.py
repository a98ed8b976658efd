"""Folder watching: watchdog events → ignore filter → debounced batches.

Editors save in bursts (write temp, rename, chmod) and a `git checkout` touches hundreds of files
in a second. Re-embedding per event would waste minutes, so paths are collected until the folders
have been quiet for `debounce_s`, then handed over as one batch where the *last* event per path
wins (created-then-deleted is just deleted).
"""
from __future__ import annotations

import fnmatch
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

log = logging.getLogger("anima.daemon.watch")


@dataclass
class WatchBatch:
    changed: set[Path] = field(default_factory=set)  # files or folders to (re)index
    deleted: set[Path] = field(default_factory=set)  # files gone (deleted or moved away)
    deleted_dirs: set[Path] = field(default_factory=set)  # folders gone: their files must be forgotten

    def __len__(self) -> int:
        return len(self.changed) + len(self.deleted) + len(self.deleted_dirs)


class IgnoreRules:
    """Glob patterns matched against the path relative to its root and against the bare name."""

    def __init__(self, roots: Iterable[Path], patterns: Iterable[str]):
        self.roots = sorted({Path(r) for r in roots}, key=lambda p: len(p.parts), reverse=True)
        self.patterns = list(patterns)

    def root_of(self, path: Path) -> Path | None:
        for root in self.roots:  # deepest first, so nested roots resolve to the closest one
            if path == root or root in path.parents:
                return root
        return None

    def ignored(self, path: Path) -> bool:
        root = self.root_of(path)
        if root is None:
            return True  # outside every watched folder (e.g. moved away): never index it
        rel = path.relative_to(root)
        # Hidden folders (.git, .obsidian, .venv) are skipped by the indexer's own walk too;
        # matching that here keeps a watched edit from indexing what a reconcile would drop.
        if any(part.startswith(".") for part in rel.parts[:-1]):
            return True
        rel_s, name = rel.as_posix(), path.name
        return any(fnmatch.fnmatch(rel_s, p) or fnmatch.fnmatch(name, p) for p in self.patterns)


class Debouncer:
    """Collects paths; calls `flush(batch)` on its own thread once quiet for `quiet_s`.

    `max_delay_s` bounds the wait under a never-ending stream of events, so a log file written
    every 100 ms cannot starve the rest of the folder forever.
    """

    def __init__(self, flush: Callable[[WatchBatch], None], quiet_s: float = 0.5, max_delay_s: float = 30.0):
        self._flush = flush
        self.quiet_s = quiet_s
        self.max_delay_s = max_delay_s
        self._state: dict[Path, str] = {}  # path -> "changed" | "deleted" | "deleted_dir"
        self._first = 0.0
        self._last = 0.0
        self._cond = threading.Condition()
        self._stop = False
        self._busy = False
        self._thread = threading.Thread(target=self._run, name="anima-debounce", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._state)

    @property
    def busy(self) -> bool:
        with self._cond:
            return self._busy or bool(self._state)

    def add(self, path: Path, kind: str) -> None:
        now = time.monotonic()
        with self._cond:
            if not self._state:
                self._first = now
            self._state[path] = kind
            self._last = now
            self._cond.notify_all()

    def _take(self) -> WatchBatch:
        batch = WatchBatch()
        for path, kind in self._state.items():
            {"changed": batch.changed, "deleted": batch.deleted, "deleted_dir": batch.deleted_dirs}[kind].add(path)
        self._state = {}
        return batch

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stop:
                    if self._state:
                        now = time.monotonic()
                        quiet_left = self._last + self.quiet_s - now
                        max_left = self._first + self.max_delay_s - now
                        if quiet_left <= 0 or max_left <= 0:
                            break
                        self._cond.wait(min(quiet_left, max_left))
                    else:
                        self._cond.wait()
                if self._stop:
                    # Stopping drops what is queued instead of making shutdown wait on embeds:
                    # the reconcile at the next start-up picks those files up by content hash.
                    if self._state:
                        log.info("stopping with %d queued path(s); the next start-up reconcile covers them", len(self._state))
                    self._state = {}
                    return
                batch = self._take()
                self._busy = True
            try:
                self._flush(batch)
            except Exception:  # the watcher must outlive one bad batch; reconcile repairs later
                log.exception("indexing a batch of %d paths failed", len(batch))
            finally:
                with self._cond:
                    self._busy = False


class _Handler(FileSystemEventHandler):
    def __init__(self, rules: IgnoreRules, sink: Debouncer):
        self.rules = rules
        self.sink = sink

    def _note(self, raw: str | bytes, kind: str, is_dir: bool) -> None:
        path = Path(raw.decode() if isinstance(raw, bytes) else raw)
        if self.rules.ignored(path):
            return
        if is_dir and kind == "deleted":
            kind = "deleted_dir"
        elif is_dir and kind == "changed":
            # A folder appearing (mkdir, moved in, git checkout) is indexed whole; a folder's own
            # "modified" event (an entry added) says nothing the file events do not.
            pass
        self.sink.add(path, kind)

    def on_any_event(self, event: FileSystemEvent) -> None:
        et, is_dir = event.event_type, event.is_directory
        if et == "moved":
            self._note(event.src_path, "deleted", is_dir)
            self._note(event.dest_path, "changed", is_dir)
        elif et == "deleted":
            self._note(event.src_path, "deleted", is_dir)
        elif et == "created" or (et in ("modified", "closed") and not is_dir):
            self._note(event.src_path, "changed", is_dir)
        # opened / closed_no_write / directory "modified": nothing to index


class FolderWatcher:
    """watchdog observers on every root, feeding one Debouncer."""

    def __init__(self, roots: Iterable[Path], ignore: Iterable[str], flush: Callable[[WatchBatch], None],
                 *, debounce_s: float = 0.5, max_delay_s: float = 30.0):
        self.roots = [Path(r) for r in roots]
        self.rules = IgnoreRules(self.roots, ignore)
        self.debouncer = Debouncer(flush, quiet_s=debounce_s, max_delay_s=max_delay_s)
        self._observer = Observer()

    def start(self) -> None:
        handler = _Handler(self.rules, self.debouncer)
        for root in self.roots:
            self._observer.schedule(handler, str(root), recursive=True)
        self.debouncer.start()
        self._observer.start()
        log.info("watching %s", ", ".join(map(str, self.roots)) or "nothing")

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=10)
        self.debouncer.stop()

    @property
    def pending(self) -> int:
        return self.debouncer.pending
