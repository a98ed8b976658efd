"""Reading the newest training run's progress.jsonl (written by agent/training.py) for display.

The status panel needs the whole run, not just its last line: the loss sparkline is the series
of every logged loss. Lines being appended while we read may be cut in half; those are skipped.
"""
from __future__ import annotations

import json
from pathlib import Path

MAX_EVENTS = 2000  # a long run logs a line per step; the sparkline only needs the recent part


def newest_run_dir(runs_dir: Path) -> Path | None:
    try:
        runs = [p for p in runs_dir.iterdir() if (p / "progress.jsonl").is_file()]
    except OSError:
        return None
    if not runs:
        return None
    return max(runs, key=lambda p: ((p / "progress.jsonl").stat().st_mtime, p.name))


def read_progress(runs_dir: Path) -> list[dict]:
    """Events of the newest run, oldest first; [] when no run has logged anything."""
    run = newest_run_dir(runs_dir)
    if run is None:
        return []
    events: list[dict] = []
    try:
        with (run / "progress.jsonl").open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line still being written
                if isinstance(obj, dict) and "stage" in obj:
                    events.append(obj)
    except OSError:
        return []
    return events[-MAX_EVENTS:]


def losses(events: list[dict]) -> list[float]:
    return [float(e["loss"]) for e in events if e.get("stage") == "train" and isinstance(e.get("loss"), (int, float))]


def format_eta(eta_s: float | None) -> str:
    if eta_s is None:
        return "?"
    eta = int(round(eta_s))
    if eta >= 3600:
        return f"{eta // 3600}h{(eta % 3600) // 60:02d}m"
    if eta >= 60:
        return f"{eta // 60}m{eta % 60:02d}s"
    return f"{eta}s"
