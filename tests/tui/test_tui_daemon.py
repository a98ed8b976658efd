"""Attached to a real daemon (subprocess): the status panel follows its event stream."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.config import Home
from tui.app import AnimaApp
from tui.widgets import StatusPanel

from tui_helpers import wait_for

pytestmark = pytest.mark.asyncio
REPO = Path(__file__).resolve().parents[2]


def anima(home: Home, *argv: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "agent.daemon", "--home", str(home.root), *argv],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=240)


@pytest.fixture()
def daemon_home(tmp_path):
    home = Home(tmp_path / "home").ensure()
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "garden.md").write_text("# Garden\n\nThe tomatoes grow by the south fence.\n")
    env = {**os.environ, "ANIMA_WATCH__DEBOUNCE_S": "0.3", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env.pop("ANIMA_HOME", None)
    proc = anima(home, "daemon", "--detach", "--watch", str(notes), env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    yield home, notes
    anima(home, "stop", env=env)


async def test_status_panel_follows_the_daemon(daemon_home):
    home, notes = daemon_home
    app = AnimaApp(home, attach_daemon=True)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.query_one(StatusPanel)
        await wait_for(pilot, lambda: "attached" in str(panel.query_one("#st-daemon").render()), timeout=60,
                       what="attaching to the daemon")
        assert app.daemon is not None
        await wait_for(pilot, lambda: "1 files" in str(panel.query_one("#st-memory").render()), timeout=120,
                       what="the first note indexed")
        # A new note: the daemon indexes it and its event makes the panel refresh (no polling here).
        (notes / "boat.md").write_text("# Boat\n\nMy sailing boat is called Aurora.\n")
        await wait_for(pilot, lambda: "2 files" in str(panel.query_one("#st-memory").render()), timeout=120,
                       what="the new note's index event")
