"""Helpers shared by the daemon tests: start a guarded daemon subprocess, talk to its API."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from agent.config import Home

REPO = Path(__file__).resolve().parents[2]
GUARD = Path(__file__).resolve().parent / "netguard"


def daemon_env(net_log: Path, **extra: str) -> dict:
    env = dict(os.environ)
    env.update({
        "PYTHONPATH": os.pathsep.join([str(GUARD), str(REPO)]),  # sitecustomize: the network guard
        "ANIMA_NETGUARD_LOG": str(net_log),
        "ANIMA_MODEL__MAX_TOKENS": "24",  # short answers keep 50 concurrent questions quick
        "ANIMA_WATCH__DEBOUNCE_S": "0.4",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    })
    env.pop("ANIMA_HOME", None)
    env.update(extra)
    return env


def anima(home: Home, *argv: str, env: dict, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "agent.daemon", "--home", str(home.root), *argv],
                          env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout)


class Api:
    def __init__(self, home: Home):
        info = json.loads(home.daemon_file.read_text())
        self.url = info["url"]
        self.pid = info["pid"]
        self.token = home.token_file.read_text().strip()
        self.http = httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {self.token}"},
                                 timeout=120, trust_env=False)

    def status(self) -> dict:
        r = self.http.get("/v1/status")
        r.raise_for_status()
        return r.json()

    def ask(self, question: str) -> dict:
        r = self.http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": question}]})
        r.raise_for_status()
        return r.json()

    def wait_idle(self, pred=lambda s: True, timeout: float = 60) -> dict:
        """Until the watcher queue is empty, nothing is being indexed and `pred(status)` holds."""
        deadline = time.monotonic() + timeout
        while True:
            s = self.status()
            if s["queue"] == 0 and not s["activity"]["busy"] and pred(s):
                return s
            if time.monotonic() > deadline:
                raise AssertionError(f"daemon not idle after {timeout} s: {s}")
            time.sleep(0.2)
