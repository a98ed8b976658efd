"""The daemon process: one Memory (the only writer of the index), one loaded ChatEngine, the
folder watcher, the scheduler, the training-progress tailer and the HTTP API, wired together.

Writes to the index (watched batches, reconciles, /v1/index) are serialized by one lock here,
so a reconcile never interleaves with a batch and the status "queue" means something.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Iterable

from agent.config import Home, Settings
from agent.daemon.auth import check_bind, ensure_token
from agent.daemon.events import EventBus
from agent.daemon.lock import DaemonInfo, DaemonLock, read_daemon_info, write_atomic, write_daemon_info
from agent.daemon.scheduler import PersistedScheduler
from agent.daemon.watcher import FolderWatcher, WatchBatch
from agent.status import RECONCILE_FILE, collect_status, newest_progress_file

log = logging.getLogger("anima.daemon")
# apscheduler logs every job run at INFO: noise in daemon.log every 10 s (the model check).
logging.getLogger("apscheduler").setLevel(logging.WARNING)

MODEL_CHECK_S = 10.0  # how often the served model is compared with registry/config (hot swap)
TRAIN_HOUR = 3  # local time of the nightly retraining check


def resolve_roots(settings: Settings, extra: Iterable[str | Path] = ()) -> list[Path]:
    """Watched folders: config notes_dirs + --watch, resolved, de-duplicated, missing ones dropped."""
    roots: list[Path] = []
    for raw in [*settings.notes_dirs, *extra]:
        p = Path(raw).expanduser().resolve()
        if not p.is_dir():
            log.warning("notes folder %s does not exist; not watching it", p)
            continue
        if p not in roots:
            roots.append(p)
    return roots


class Daemon:
    def __init__(self, home: Home, settings: Settings | None = None, *, watch: Iterable[str | Path] = (),
                 max_pending: int = 16):
        self.home = home.ensure()
        self.settings = settings or home.load_settings()
        self.extra_watch = list(watch)
        self.max_pending = max_pending
        self.bus = EventBus()
        self.lock = DaemonLock(home.lock_file)
        self.write_lock = threading.Lock()
        self.stopping = threading.Event()
        self.counters = {"batches": 0, "files_indexed": 0, "files_removed": 0, "chunks_embedded": 0,
                         "chunks_deleted": 0, "reconciles": 0, "model_swaps": 0, "errors": 0}
        self._counter_lock = threading.Lock()
        self.roots: list[Path] = []
        self.anima = None  # agent.context.Anima, built in prepare()
        self.memory = None
        self.engine = None
        self.watcher: FolderWatcher | None = None
        self.scheduler: PersistedScheduler | None = None
        self.info: DaemonInfo | None = None
        self.token = ""
        self._server = None
        self._served_model: Path | None = None
        self._reconciling = False

    # -- start-up --------------------------------------------------------------------------
    def prepare(self) -> None:
        """Everything before serving: checks first (cheap, clear errors), then the heavy loads."""
        api = self.settings.api
        check_bind(api.host, api.allow_non_loopback)
        self.lock.acquire()
        self.token = ensure_token(self.home.token_file)
        self.roots = resolve_roots(self.settings, self.extra_watch)
        from agent.context import Anima

        t0 = time.perf_counter()
        self.anima = Anima(self.home, self.settings)
        self.memory = self.anima.memory
        self.engine = self.anima.engine
        # Warm both models now: the point of a daemon is that no question pays the load cost.
        self.engine.model  # noqa: B018
        self._served_model = self.engine.model_path.resolve()
        self.memory.embedder.embed(["warm up"])  # search() skips embedding while the index is empty
        log.info("models loaded in %.1f s (%s)", time.perf_counter() - t0, self.engine.model_name)

    def bind(self) -> socket.socket:
        api = self.settings.api
        family = socket.AF_INET6 if ":" in api.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((api.host, api.port))
        sock.listen(128)
        port = sock.getsockname()[1]
        host_url = f"[{api.host}]" if family == socket.AF_INET6 else api.host
        self.info = DaemonInfo(pid=os.getpid(), port=port, url=f"http://{host_url}:{port}", host=api.host, started=time.time())
        return sock

    def start_background(self) -> None:
        self.watcher = FolderWatcher(self.roots, self.settings.watch.ignore, self.apply_batch,
                                     debounce_s=self.settings.watch.debounce_s)
        # Watch first, reconcile second: an edit made during the start-up reconcile is queued,
        # not lost between the two.
        self.watcher.start()
        threading.Thread(target=self.reconcile, kwargs={"reason": "start-up"}, name="anima-reconcile", daemon=True).start()
        self.scheduler = PersistedScheduler(self.home.root / "scheduler.json")
        self._schedule_jobs()
        self.scheduler.start()
        threading.Thread(target=self._tail_training, name="anima-train-tail", daemon=True).start()

    def _schedule_jobs(self) -> None:
        from apscheduler.triggers.cron import CronTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        minutes = self.settings.watch.reconcile_minutes
        if minutes > 0:
            # run_missed=False: the start-up reconcile already covers a run missed while down.
            self.scheduler.add("reconcile", lambda: self.reconcile(reason="scheduled"), IntervalTrigger(seconds=minutes * 60),
                               run_missed=False)
        if self.settings.train.schedule == "nightly":
            self.scheduler.add("train", self.train_if_due, CronTrigger(hour=TRAIN_HOUR, minute=0))
        self.scheduler.add("model-check", self.check_model, IntervalTrigger(seconds=MODEL_CHECK_S), persist=False)

    # -- the one writer --------------------------------------------------------------------
    def _count(self, **deltas: int) -> None:
        with self._counter_lock:
            for k, v in deltas.items():
                self.counters[k] = self.counters.get(k, 0) + v

    def _progress(self, done: int, total: int, path: str) -> None:
        """Memory's on_progress callback (files done, files total, current path) as events."""
        self.bus.publish("index", phase="progress", done=done, total=total, path=str(path))

    def apply_batch(self, batch: WatchBatch) -> dict:
        """Index what changed and forget what vanished. The disk, not the event, decides which:
        a path deleted and then re-created within one batch is simply indexed."""
        candidates = batch.changed | batch.deleted | batch.deleted_dirs
        present = sorted(p for p in candidates if p.exists())
        gone = sorted(p for p in candidates if not p.exists())  # files, or whole folders: remove() takes both
        self.bus.publish("index", phase="start", changed=len(present), deleted=len(gone))
        result: dict = {"indexed": None, "removed": 0}
        with self.write_lock:
            if present:
                report = self.memory.index(present, prune=False, on_progress=self._progress)
                result["indexed"] = report.model_dump(mode="json")
                self._count(files_indexed=report.files_changed, chunks_embedded=report.chunks_embedded)
            if gone:
                removed = self.memory.remove(gone)
                result["removed"] = removed
                self._count(chunks_deleted=removed, files_removed=len(gone))
        self._count(batches=1)
        self.bus.publish("index", phase="done", **result)
        return result

    def reconcile(self, roots: list[Path] | None = None, reason: str = "scheduled") -> dict | None:
        roots = roots or self.roots
        if not roots:
            return None
        self.bus.publish("reconcile", phase="start", reason=reason)
        self._reconciling = True
        try:
            with self.write_lock:
                report = self.memory.reconcile(roots)
        except Exception as exc:
            self._count(errors=1)
            log.exception("reconcile failed")
            self.bus.publish("reconcile", phase="failed", reason=reason, error=str(exc))
            return None
        finally:
            self._reconciling = False
        data = report.model_dump(mode="json")
        self._count(reconciles=1, files_indexed=report.files_changed, chunks_embedded=report.chunks_embedded,
                    files_removed=report.files_removed, chunks_deleted=report.chunks_deleted)
        write_atomic(self.home.root / RECONCILE_FILE, json.dumps({"ts": time.time(), "reason": reason, "report": data}) + "\n")
        self.bus.publish("reconcile", phase="done", reason=reason, report=data)
        log.info("reconcile (%s): %d changed, %d removed", reason, report.files_changed, report.files_removed)
        return data

    def index_paths(self, paths: list[Path], rebuild: bool = False) -> dict:
        """POST /v1/index: an explicit (re)index, pruning vanished files under the given folders."""
        paths = paths or self.roots
        self.bus.publish("index", phase="start", explicit=True, paths=[str(p) for p in paths], rebuild=rebuild)
        with self.write_lock:
            report = self.memory.index(paths, prune=True, rebuild=rebuild, on_progress=self._progress)
        data = report.model_dump(mode="json")
        self._count(batches=1, files_indexed=report.files_changed, chunks_embedded=report.chunks_embedded,
                    files_removed=report.files_removed, chunks_deleted=report.chunks_deleted)
        self.bus.publish("index", phase="done", indexed=data, removed=report.chunks_deleted)
        return data

    # -- model & training ------------------------------------------------------------------
    def check_model(self) -> bool:
        """Hot swap when the model that *should* be served (config > registry current > bundled)
        is not the one loaded: a promotion by the nightly job or by `anima train` alike. The
        settings are this daemon's snapshot; `kill -HUP` re-reads config.toml (reload_settings)."""
        from agent.chat import resolve_model_path

        try:
            wanted = resolve_model_path(self.home, self.settings).resolve()
        except Exception as exc:
            log.warning("cannot resolve the model to serve: %s", exc)
            return False
        if wanted == self._served_model:
            return False
        old = self.engine.model_name
        try:
            self.engine.reload_model()
        except Exception as exc:
            log.error("new model %s did not load; still serving %s: %s", wanted, old, exc)
            self.bus.publish("model", phase="failed", path=str(wanted), error=str(exc))
            self._served_model = wanted  # do not retry a broken file every 10 s
            return False
        self._served_model = wanted
        self._count(model_swaps=1)
        self.bus.publish("model", phase="swapped", old=old, new=self.engine.model_name, path=str(wanted))
        return True

    def train_if_due(self) -> None:
        from agent.training import run_cycle, should_train

        if not should_train(self.home, self.settings, self.memory):
            log.info("retraining skipped: not enough new facts since the last run")
            return
        self.bus.publish("train", stage="start", message="nightly retraining")

        def on_event(event=None, *args, **kwargs):
            if hasattr(event, "model_dump"):
                event = event.model_dump(mode="json")
            self.bus.publish("train", **(event if isinstance(event, dict) else {"message": str(event)}))

        try:
            run_cycle(self.home, self.settings, on_event=on_event)
        finally:
            self.check_model()

    def _tail_training(self) -> None:
        """Follow the newest runs/<id>/progress.jsonl (written by any training process) as events."""
        current: Path | None = newest_progress_file(self.home)
        offset = current.stat().st_size if current and current.exists() else 0
        buf = b""
        while not self.stopping.wait(1.0):
            try:
                newest = newest_progress_file(self.home)
                if newest is None:
                    continue
                if newest != current:
                    current, offset, buf = newest, 0, b""
                with current.open("rb") as fh:
                    fh.seek(offset)
                    data = fh.read()
                offset += len(data)
                buf += data
                *lines, buf = buf.split(b"\n")
                for line in lines:
                    try:
                        obj = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(obj, dict):
                        obj.pop("type", None)
                        self.bus.publish("train", **obj)
            except OSError:
                continue

    # -- status ----------------------------------------------------------------------------
    def status(self) -> dict:
        queue = self.watcher.pending if self.watcher else 0
        snap = collect_status(
            self.home, self.settings, self.memory,
            daemon={"running": True, "url": self.info.url if self.info else None, "pid": os.getpid()},
            queue=queue, watching=[str(r) for r in self.roots],
            activity={**self.counters, "busy": bool(self.watcher and self.watcher.debouncer.busy) or self._reconciling},
        )
        data = snap.model_dump(mode="json")
        if self.scheduler:
            data["schedule"] = {j: self.scheduler.next_run(j) for j in ("reconcile", "train")}
        return data

    # -- run -------------------------------------------------------------------------------
    def reload_settings(self, *_args) -> None:
        """SIGHUP: the one way a running daemon takes a changed config.toml (the model path, k…).
        Watched folders and the API address need a restart."""
        try:
            settings = self.home.load_settings()
        except Exception as exc:  # a broken config.toml: keep serving with the old snapshot
            log.error("config not reloaded: %s", exc)
            return
        self.settings = settings
        self.anima.settings = settings
        self.engine.settings = settings
        log.info("settings reloaded from %s", self.home.config_file)
        threading.Thread(target=self.check_model, name="anima-reload", daemon=True).start()

    def request_stop(self, *_args) -> None:
        log.debug("stop requested at %.3f", time.time())
        self.stopping.set()
        self.bus.close_all()
        if self._server is not None:
            self._server.should_exit = True

    def serve(self) -> int:
        """Run until SIGTERM/SIGINT. Returns the exit code."""
        import uvicorn

        from agent.daemon.server import create_app

        try:
            self.prepare()
            sock = self.bind()
            app = create_app(self)
            config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                    timeout_graceful_shutdown=3, loop="asyncio", http="h11", ws="none")
            self._server = uvicorn.Server(config)
            # Our handler, installed before uvicorn's: uvicorn re-raises captured signals with the
            # previous handler after it returns, and the default SIGTERM handler would kill the
            # process before the cleanup below (daemon.json, lock) ran.
            signal.signal(signal.SIGTERM, self.request_stop)
            signal.signal(signal.SIGHUP, self.reload_settings)
            self.start_background()
            write_daemon_info(self.home.daemon_file, self.info)
            self.bus.publish("status", phase="started", url=self.info.url, pid=self.info.pid)
            log.info("daemon listening on %s (pid %d), watching %d folder(s)", self.info.url, os.getpid(), len(self.roots))
            try:
                self._server.run(sockets=[sock])
            except KeyboardInterrupt:
                pass
            log.debug("API server stopped at %.3f", time.time())
            return 0
        finally:
            self.shutdown()

    def shutdown(self) -> None:
        t0 = time.perf_counter()
        self.stopping.set()
        self.bus.close_all()
        mine = read_daemon_info(self.home.daemon_file)
        if mine is not None and mine.pid == os.getpid():
            self.home.daemon_file.unlink(missing_ok=True)
        if self.scheduler:
            self.scheduler.shutdown()
        if self.watcher:
            self.watcher.stop()
        log.debug("shutdown: scheduler and watcher stopped after %.2f s", time.perf_counter() - t0)
        if self.memory is not None:
            with self.write_lock:
                try:
                    self.memory.close()
                except Exception:
                    log.exception("closing memory")
        self.lock.release()
        log.info("daemon stopped (%.2f s)", time.perf_counter() - t0)
        log.debug("shutdown done at %.3f; threads left: %s", time.time(), [t.name for t in threading.enumerate() if not t.daemon])
