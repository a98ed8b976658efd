"""`anima service install`: a systemd *user* unit, so the daemon starts at login without root."""
from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from agent.config import Home


def unit_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def _command(home: Home, python: str | None, verb: str) -> str:
    python = python or sys.executable
    # The venv's `anima` script when installed; else `python -m agent.daemon` (the same CLI) from this checkout
    # (WorkingDirectory below makes the package importable).
    script = Path(python).with_name("anima")
    argv = [str(script)] if script.exists() else [python, "-m", "agent.daemon"]
    return " ".join(shlex.quote(x) for x in [*argv, "--home", str(home.root), verb])


def render_unit(home: Home, python: str | None = None) -> str:
    cmd = _command(home, python, "daemon")
    return f"""\
[Unit]
Description=anima personal assistant daemon (notes watcher, local API)
After=default.target

[Service]
Type=simple
ExecStart={cmd}
ExecStop={_command(home, python, "stop")}
Restart=on-failure
RestartSec=5
# Never reach the network at run time: models come from installed packages only.
Environment=HF_HUB_OFFLINE=1
Environment=TRANSFORMERS_OFFLINE=1
Environment=ANONYMIZED_TELEMETRY=False
Environment=PYTHONUNBUFFERED=1
WorkingDirectory={Path(__file__).resolve().parents[2]}
Nice=5

[Install]
WantedBy=default.target
"""


def install(home: Home, *, force: bool = True) -> Path:
    target = unit_dir() / "anima.service"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".service.tmp")
    tmp.write_text(render_unit(home), encoding="utf-8")
    os.replace(tmp, target)
    return target


ENABLE_HINT = """\
Installed {path}
Enable and start it (and keep it running after logout) with:
    systemctl --user daemon-reload
    systemctl --user enable --now anima.service
    loginctl enable-linger "$USER"      # optional: run even when you are not logged in
Logs: journalctl --user -u anima -f   (and {home}/logs/daemon.log with --detach)"""
