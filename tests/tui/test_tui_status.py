"""The status panel: in-process polling of collect_status and the newest progress.jsonl."""
from __future__ import annotations

import json
import time

import pytest
from textual.widgets import ProgressBar, Sparkline

from tui.app import AnimaApp
from tui.widgets import StatusPanel

from tui_helpers import wait_for

pytestmark = pytest.mark.asyncio


def write_events(path, events):
    with path.open("a", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e) + "\n")


def event(run_id, stage, step, total, loss=None, eta=None, message=""):
    return {"ts": time.time(), "run_id": run_id, "stage": stage, "step": step, "total": total,
            "loss": loss, "eta_s": eta, "message": message}


async def test_training_progress_and_memory_status_render(tui_env):
    home, anima = tui_env
    run = home.runs_dir / "20260101-000000"
    run.mkdir(parents=True, exist_ok=True)
    progress = run / "progress.jsonl"
    progress.unlink(missing_ok=True)
    app = AnimaApp(home, anima.settings, anima=anima, attach_daemon=False, poll_s=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.query_one(StatusPanel)
        # Memory counts come from collect_status (2 notes, indexed by the fixture).
        await wait_for(pilot, lambda: "2 files" in str(panel.query_one("#st-memory").render()), timeout=30,
                       what="memory status")
        assert "daemon: not running" in str(panel.query_one("#st-daemon").render())

        write_events(progress, [event(run.name, "dataset", 0, 0, message="12 facts")])
        losses = [2.5, 2.1, 1.7]
        write_events(progress, [event(run.name, "train", i + 1, 10, loss=l, eta=30 - 3 * i) for i, l in enumerate(losses)])
        progress.open("a").write('{"ts": 1, "stage": "tra')  # a line still being written: skipped
        await wait_for(pilot, lambda: "train 3/10" in str(panel.query_one("#st-train").render()), timeout=30,
                       what="training progress")
        text = str(panel.query_one("#st-train").render())
        assert "loss 1.700" in text and "eta 24s" in text
        assert list(panel.query_one("#st-loss", Sparkline).data) == losses
        bar = panel.query_one("#st-progress", ProgressBar)
        assert (bar.progress, bar.total) == (3, 10)

        progress.open("a").write("\n")
        write_events(progress, [event(run.name, "done", 10, 10, message="promoted v001")])
        await wait_for(pilot, lambda: "done 10/10" in str(panel.query_one("#st-train").render()), timeout=30,
                       what="the finished run")
        assert "promoted v001" in str(panel.query_one("#st-train").render())
        assert list(panel.query_one("#st-loss", Sparkline).data) == losses


async def test_palette_commands_report_instead_of_crashing(tui_env):
    home, anima = tui_env
    app = AnimaApp(home, anima.settings, anima=anima, attach_daemon=False)
    async with app.run_test(size=(120, 40)) as pilot:
        # The palette lists anima's own commands.
        await pilot.press("ctrl+p")
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)
        for ch in "rollback":
            await pilot.press(ch)
        await pilot.pause(0.5)
        await pilot.press("enter")
        # No model version was ever promoted in this home: a message, not a crash.
        await wait_for(pilot, lambda: any("model" in n.message.lower() for n in app._notifications), timeout=30,
                       what="the rollback notification")
        assert app.is_running


async def test_model_picker_shows_each_versions_eval_score(tmp_path, chat_model_path):
    """The score training records (meta.json eval.heldout) is what the picker shows."""
    from agent.config import Home
    from agent.registry import Registry
    from tui.screens import ChoiceScreen

    home = Home(tmp_path / "home").ensure()
    Registry(home, keep_versions=3).promote(chat_model_path, {"run_id": "r1", "eval": {"heldout": 0.75}})
    app = AnimaApp(home, attach_daemon=False, poll_s=30)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_switch_model()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        labels = [label for label, _ in app.screen.choices]
        assert len(labels) == 1 and "v001 (current)" in labels[0] and "eval 75%" in labels[0]
