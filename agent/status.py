"""One snapshot of everything a user asks "what is anima doing?" about.

Shared by `anima status`, the daemon's GET /v1/status and the TUI's status panel, so all three
always agree. Every part degrades to "unknown" instead of failing: a status command that crashes
because, say, training never ran would be useless exactly when something is wrong.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from agent.config import Home, Settings

log = logging.getLogger("anima.status")

RECONCILE_FILE = "reconcile.json"


class ModelStatus(BaseModel):
    name: str | None = None
    version: str | None = None
    eval_score: float | None = None


class TrainingStatus(BaseModel):
    run_id: str | None = None
    stage: str
    step: int = 0
    total: int = 0
    loss: float | None = None
    eta_s: float | None = None
    message: str = ""
    ts: float | None = None


class PhoneStatus(BaseModel):
    serial: str


class DaemonStatus(BaseModel):
    running: bool
    url: str | None = None
    pid: int | None = None


class StatusSnapshot(BaseModel):
    files: int | None = None
    chunks: int | None = None
    queue: int = 0  # paths waiting to be indexed (the daemon's watcher queue)
    last_reconcile: float | None = None  # unix time of the last finished reconcile
    model: ModelStatus = Field(default_factory=ModelStatus)
    training: TrainingStatus | None = None
    phone: PhoneStatus | None = None
    daemon: DaemonStatus = Field(default_factory=lambda: DaemonStatus(running=False))
    store: str | None = None
    watching: list[str] = Field(default_factory=list)
    activity: dict[str, Any] = Field(default_factory=dict)  # daemon counters: batches, files indexed…
    errors: list[str] = Field(default_factory=list)  # parts that could not be read, and why


def newest_progress_file(home: Home) -> Path | None:
    """runs/<run_id>/progress.jsonl of the most recently active run."""
    try:
        files = list(home.runs_dir.glob("*/progress.jsonl"))
    except OSError:
        return None
    best, best_m = None, -1.0
    for f in files:
        try:
            m = f.stat().st_mtime
        except OSError:
            continue
        if m > best_m:
            best, best_m = f, m
    return best


def latest_training(home: Home) -> dict | None:
    from agent.training import latest_progress

    return latest_progress(home)


def read_last_reconcile(home: Home) -> float | None:
    try:
        return float(json.loads((home.root / RECONCILE_FILE).read_text(encoding="utf-8"))["ts"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _model_status(home: Home, settings: Settings, errors: list[str]) -> ModelStatus:
    out = ModelStatus()
    try:
        from agent.chat import resolve_model_path

        path = resolve_model_path(home, settings)
        out.name = path.parent.name if path.name == "model.gguf" else path.stem
    except Exception as exc:  # a missing model is reported, not raised: status must always answer
        errors.append(f"model: {exc}")
    try:
        from agent.registry import Registry

        current = Registry(home, keep_versions=settings.train.keep_versions).current()
    except Exception as exc:
        errors.append(f"registry: {exc}")
        current = None
    if current is not None:
        out.version = current.version
        out.eval_score = current.meta.eval_score
    return out


def collect_status(home: Home, settings: Settings, memory=None, *, daemon: dict | None = None,
                   queue: int = 0, watching: list[str] | None = None, activity: dict | None = None) -> StatusSnapshot:
    """The status of `home`. The daemon passes its open memory and its own state; the CLI passes
    nothing and gets an in-process reading (the memory is opened and closed here)."""
    errors: list[str] = []
    snap = StatusSnapshot(queue=queue, watching=watching or [], activity=activity or {})
    own = memory is None
    try:
        if own:
            from agent.chat import open_memory

            memory = open_memory(home, settings)
        stats = memory.stats()
        snap.files, snap.chunks, snap.store = stats.files, stats.chunks, stats.store
    except Exception as exc:
        errors.append(f"memory: {exc}")
    finally:
        if own and memory is not None:
            try:
                memory.close()
            except Exception:
                pass
    snap.last_reconcile = read_last_reconcile(home)
    snap.model = _model_status(home, settings, errors)
    try:
        prog = latest_training(home)
        if prog and prog.get("stage"):
            snap.training = TrainingStatus.model_validate({k: v for k, v in prog.items() if k in TrainingStatus.model_fields})
    except Exception as exc:
        errors.append(f"training: {exc}")
    if settings.phone.serial:
        snap.phone = PhoneStatus(serial=settings.phone.serial)
    if daemon is None:
        from agent.daemon.client import DaemonClient

        client = DaemonClient.find(home)
        daemon = {"running": client is not None, "url": client.url if client else None,
                  "pid": client.pid if client else None}
    snap.daemon = DaemonStatus.model_validate(daemon)
    snap.errors = errors
    return snap
