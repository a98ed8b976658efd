"""Training progress as JSON lines: `<run_dir>/progress.jsonl`, one event per line.

The daemon and the TUI follow this file (tail it) instead of talking to the training child:
a file survives the child being killed, and readers never block the writer.
Each line: {"ts", "run_id", "stage", "step", "total", "loss", "eta_s", "message"}.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

STAGES = ("dataset", "train", "export", "quantize", "eval", "promote", "done", "failed")
PROGRESS_FILE = "progress.jsonl"


class ProgressEvent(BaseModel):
    ts: float
    run_id: str
    stage: str
    step: int = 0
    total: int = 0
    loss: float | None = None
    eta_s: float | None = None
    message: str = ""


class ProgressWriter:
    """Appends events; each line is written with one write() and flushed, so a reader sees whole lines."""

    def __init__(self, run_dir: Path, run_id: str, on_event: Callable[[ProgressEvent], None] | None = None):
        self.path = Path(run_dir) / PROGRESS_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.run_id = run_id
        self.on_event = on_event

    def emit(self, stage: str, *, step: int = 0, total: int = 0, loss: float | None = None,
             eta_s: float | None = None, message: str = "") -> ProgressEvent:
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}")
        event = ProgressEvent(
            ts=time.time(), run_id=self.run_id, stage=stage, step=step, total=total,
            loss=None if loss is None else round(float(loss), 5),
            eta_s=None if eta_s is None else round(float(eta_s), 1), message=message,
        )
        line = json.dumps(event.model_dump(), ensure_ascii=False) + "\n"
        # O_APPEND: concurrent writers (parent and child) never interleave inside a line.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)
        if self.on_event:
            self.on_event(event)
        return event


def read_events(path: Path) -> list[dict]:
    """Every complete line; a torn last line (writer killed mid-write) is skipped."""
    events = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return events
    for line in text.splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
    return events


def last_event(path: Path) -> dict | None:
    events = read_events(path)
    return events[-1] if events else None


class ProgressTail:
    """Reads lines appended since the last call (for streaming a child's progress to the parent)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._pos = 0
        self._buf = b""

    def poll(self) -> list[dict]:
        try:
            with self.path.open("rb") as fh:
                fh.seek(self._pos)
                data = fh.read()
                self._pos = fh.tell()
        except FileNotFoundError:
            return []
        self._buf += data
        *lines, self._buf = self._buf.split(b"\n")
        out = []
        for line in lines:
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
        return out
