"""`anima chat` in a real terminal (tmux), read back the way a person would see it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def anima_command() -> list[str]:
    script = Path(sys.executable).parent / "anima"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "agent.daemon"]  # the CLI without the script (see its docstring)


def test_anima_chat_draws_in_a_terminal(tmp_path):
    sock = f"anima-test-{uuid.uuid4().hex[:8]}"
    home = tmp_path / "home"
    tmux = ["tmux", "-L", sock]
    cmd = " ".join([*anima_command(), "--home", str(home), "chat", "--no-daemon"])
    env = {**os.environ, "TERM": "xterm-256color"}

    def capture() -> str:
        return subprocess.run([*tmux, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True, env=env).stdout

    def wait_screen(predicate, timeout=60.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = capture()
            if predicate(screen):
                return screen
            time.sleep(0.3)
        raise AssertionError(f"screen never matched; last capture:\n{screen}")

    subprocess.run([*tmux, "new-session", "-d", "-s", "t", "-x", "120", "-y", "40", cmd], check=True, env=env)
    try:
        screen = wait_screen(lambda s: "memory:" in s and "History" in s)
        assert "anima" in screen
        assert "Ask about your notes" in screen
        assert "Help" in screen and "History" in screen  # the footer's keys
        subprocess.run([*tmux, "send-keys", "-t", "t", "F1"], check=True, env=env)
        screen = wait_screen(lambda s: "anima chat — keys" in s)
        assert "push-to-talk" in screen
        subprocess.run([*tmux, "send-keys", "-t", "t", "Escape"], check=True, env=env)
        wait_screen(lambda s: "anima chat — keys" not in s)
        subprocess.run([*tmux, "send-keys", "-t", "t", "h", "e", "l", "l", "o"], check=True, env=env)
        wait_screen(lambda s: "hello" in s)
        subprocess.run([*tmux, "send-keys", "-t", "t", "C-q"], check=True, env=env)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            alive = subprocess.run([*tmux, "has-session", "-t", "t"], capture_output=True, env=env).returncode == 0
            if not alive:
                break
            time.sleep(0.3)
        assert not alive, "the app did not quit on Ctrl+Q"
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True, env=env)
