"""apscheduler with next-run times persisted in <home>/scheduler.json.

apscheduler's own persistent store (SQLAlchemyJobStore) pickles whole jobs and needs SQLAlchemy;
all anima must remember across restarts is *when each job runs next*, so a small JSON file does
it with no extra dependency. The next run is written *before* a job's body starts: a daemon that
dies mid-job does not run it again on restart (no double run), and a run that came due while the
daemon was down fires once at start-up (coalesced: no pile-up, nothing lost).
"""
from __future__ import annotations

import json
import logging
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger

from agent.daemon.lock import write_atomic

log = logging.getLogger("anima.daemon.scheduler")


class PersistedScheduler:
    def __init__(self, state_file: Path):
        self.state_file = state_file
        self._sched = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})
        self._lock = threading.Lock()
        self._state: dict[str, dict] = self._load()

    def _load(self) -> dict[str, dict]:
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("scheduler state %s unreadable; jobs start from their normal schedule", self.state_file)
            return {}

    def _save(self) -> None:
        write_atomic(self.state_file, json.dumps(self._state, indent=1, sort_keys=True) + "\n")

    def state(self, job_id: str) -> dict:
        with self._lock:
            return dict(self._state.get(job_id, {}))

    def add(self, job_id: str, func: Callable[[], object], trigger: BaseTrigger, *, persist: bool = True,
            run_missed: bool = True) -> datetime:
        """Schedule `func`; returns its next run time (restored from the state file when known).

        run_missed=False: a run that came due while the daemon was down is skipped, for jobs the
        start-up already does (the reconcile)."""
        now = datetime.now(timezone.utc)
        saved = self.state(job_id).get("next_run") if persist else None
        if saved is not None and (run_missed or float(saved) > now.timestamp()):
            first = max(datetime.fromtimestamp(float(saved), timezone.utc), now)
        else:
            first = trigger.get_next_fire_time(None, now) or now
        if persist:
            self._record(job_id, next_run=first.timestamp())

        def body() -> None:
            started = datetime.now(timezone.utc)
            if persist:
                nxt = trigger.get_next_fire_time(started, started)
                self._record(job_id, next_run=nxt.timestamp() if nxt else None, last_start=started.timestamp())
            t0 = time.monotonic()
            ok = False
            try:
                func()
                ok = True
            except Exception:
                log.exception("scheduled job %s failed", job_id)
            finally:
                if persist:
                    self._record(job_id, last_end=time.time(), last_ok=ok, last_seconds=round(time.monotonic() - t0, 3))

        self._sched.add_job(body, trigger, id=job_id, name=job_id, next_run_time=first, replace_existing=True)
        return first

    def _record(self, job_id: str, **fields) -> None:
        with self._lock:
            entry = self._state.setdefault(job_id, {})
            entry.update(fields)
            self._save()

    def next_run(self, job_id: str) -> float | None:
        job = self._sched.get_job(job_id)
        return job.next_run_time.timestamp() if job and job.next_run_time else None

    def start(self) -> None:
        self._sched.start()

    def shutdown(self) -> None:
        if self._sched.running:
            # wait=False: a nightly training cycle must not hold `anima stop` hostage; its child
            # process holds train.lock and finishes or resumes on its own.
            self._sched.shutdown(wait=False)
