"""Shared by the TUI tests (a uniquely named module: several test folders have a conftest.py)."""
from __future__ import annotations

import time


async def wait_for(pilot, predicate, timeout: float = 90.0, what: str = "condition") -> None:
    """Let the app run until predicate() holds (model answers take seconds on a busy CPU)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        await pilot.pause(0.05)
