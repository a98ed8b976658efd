"""Daemon parts that need no models: lock, token, bind check, watcher debounce, scheduler
persistence, client discovery, systemd unit, notes folders in config.toml."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from agent.config import DEFAULT_CONFIG, Home
from agent.daemon.auth import BindRefused, check_bind, ensure_token, is_loopback
from agent.daemon.client import DaemonClient
from agent.daemon.lock import AlreadyRunning, DaemonInfo, DaemonLock, write_daemon_info
from agent.daemon.scheduler import PersistedScheduler
from agent.daemon.watcher import FolderWatcher, IgnoreRules

REPO = Path(__file__).resolve().parents[2]


def _wait(pred, timeout=10.0, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(step)
    return pred()


# -- lock / daemon.json / client discovery -------------------------------------------------
def test_second_lock_on_same_home_is_refused_with_clear_message(home):
    first = DaemonLock(home.lock_file)
    first.acquire()
    try:
        with pytest.raises(AlreadyRunning, match="already running"):
            DaemonLock(home.lock_file).acquire()
        assert DaemonLock(home.lock_file).is_held_elsewhere()
    finally:
        first.release()
    again = DaemonLock(home.lock_file)
    again.acquire()  # released locks are reusable: a crashed daemon never blocks a restart
    again.release()


def test_lock_held_by_another_process_blocks_and_dies_with_it(home):
    code = (
        "import sys, time; sys.path.insert(0, %r)\n"
        "from pathlib import Path; from agent.daemon.lock import DaemonLock\n"
        "DaemonLock(Path(%r)).acquire(); print('locked', flush=True); time.sleep(60)\n"
    ) % (str(REPO), str(home.lock_file))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning):
            DaemonLock(home.lock_file).acquire()
    finally:
        proc.kill()  # kill -9: the kernel drops the lock
        proc.wait()
    lock = DaemonLock(home.lock_file)
    lock.acquire()
    lock.release()


def test_find_ignores_missing_and_stale_daemon_json(home):
    assert DaemonClient.find(home) is None
    ensure_token(home.token_file)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    write_daemon_info(home.daemon_file, DaemonInfo(pid=dead.pid, port=1, url="http://127.0.0.1:1"))
    assert DaemonClient.find(home) is None
    # A live pid that is not a daemon (no lock held, nothing listening): still None, and fast.
    write_daemon_info(home.daemon_file, DaemonInfo(pid=os.getpid(), port=1, url="http://127.0.0.1:1"))
    t0 = time.perf_counter()
    assert DaemonClient.find(home) is None
    assert time.perf_counter() - t0 < 1.0
    home.daemon_file.write_text("{not json")
    assert DaemonClient.find(home) is None


# -- token and bind address ----------------------------------------------------------------
def test_token_is_created_once_with_mode_0600(home):
    token = ensure_token(home.token_file)
    assert len(token) >= 32
    assert stat.S_IMODE(home.token_file.stat().st_mode) == 0o600
    assert ensure_token(home.token_file) == token
    os.chmod(home.token_file, 0o644)
    ensure_token(home.token_file)
    assert stat.S_IMODE(home.token_file.stat().st_mode) == 0o600


def test_non_loopback_bind_needs_explicit_setting():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    check_bind("127.0.0.1", False)
    with pytest.raises(BindRefused, match="allow_non_loopback"):
        check_bind("0.0.0.0", False)
    with pytest.raises(BindRefused):
        check_bind("192.168.1.20", False)
    check_bind("0.0.0.0", True)


def test_daemon_refuses_non_loopback_host_at_startup(home):
    env = {**os.environ, "ANIMA_API__HOST": "0.0.0.0", "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "agent.daemon", "--home", str(home.root), "daemon"],
                          env=env, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert proc.returncode != 0
    assert "not a loopback address" in proc.stderr and "allow_non_loopback" in proc.stderr
    assert not home.daemon_file.exists()


# -- watcher -------------------------------------------------------------------------------
def test_ignore_rules(tmp_path):
    rules = IgnoreRules([tmp_path], [".git/*", "*/.git/*", "*.swp", "*~", ".#*", "4913"])
    assert rules.ignored(tmp_path / ".git" / "index")
    assert rules.ignored(tmp_path / "sub" / ".git" / "HEAD")
    assert rules.ignored(tmp_path / "a" / ".note.md.swp")
    assert rules.ignored(tmp_path / "note.md~")
    assert rules.ignored(tmp_path / "4913")
    assert rules.ignored(tmp_path / ".obsidian" / "workspace.md")  # hidden folder
    assert rules.ignored(Path("/elsewhere/x.md"))  # outside every root
    assert not rules.ignored(tmp_path / "a" / "note.md")


def test_burst_of_500_files_becomes_one_batch(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    batches = []
    watcher = FolderWatcher([root], [".git/*", "*.swp"], batches.append, debounce_s=0.7)
    watcher.start()
    try:
        time.sleep(0.2)
        (root / "sub").mkdir()
        for i in range(500):
            (root / "sub" / f"n{i:03}.md").write_text(f"# note {i}\nvalue {i}\n")
        (root / "x.swp").write_text("swap")
        (root / ".git").mkdir()
        (root / ".git" / "HEAD").write_text("ref")
        assert _wait(lambda: batches, timeout=20)
        time.sleep(1.5)  # anything after the first batch would be a second one
    finally:
        watcher.stop()
    assert len(batches) == 1, [len(b) for b in batches]
    batch = batches[0]
    files = {p for p in batch.changed if p.suffix == ".md"}
    assert len(files) == 500
    assert not batch.deleted
    assert not any(p.name in ("x.swp", "HEAD") for p in batch.changed)


def test_watcher_reports_modify_delete_and_move(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    a, b, c = root / "a.md", root / "b.md", root / "c.md"
    a.write_text("a")
    b.write_text("b")
    batches = []
    watcher = FolderWatcher([root], [], batches.append, debounce_s=0.3)
    watcher.start()
    try:
        time.sleep(0.2)
        a.write_text("a2")
        b.rename(c)
        assert _wait(lambda: batches, timeout=10)
        time.sleep(0.5)
        a.unlink()
        assert _wait(lambda: len(batches) >= 2, timeout=10)
    finally:
        watcher.stop()
    first = batches[0]
    assert a in first.changed and c in first.changed and b in first.deleted
    assert a in batches[-1].deleted


# -- scheduler -----------------------------------------------------------------------------
def _interval(seconds):
    from apscheduler.triggers.interval import IntervalTrigger

    return IntervalTrigger(seconds=seconds)


def test_scheduler_restores_next_run_and_does_not_double_run(tmp_path):
    state = tmp_path / "scheduler.json"
    runs = []
    s1 = PersistedScheduler(state)
    first = s1.add("job", lambda: runs.append(time.time()), _interval(3600))
    s1.start()
    s1.shutdown()
    assert not runs  # first run is one interval away, not at start-up
    saved = json.loads(state.read_text())["job"]["next_run"]
    assert abs(saved - first.timestamp()) < 1

    s2 = PersistedScheduler(state)  # restart: same next run, not a fresh interval
    again = s2.add("job", lambda: runs.append(time.time()), _interval(3600))
    assert abs(again.timestamp() - saved) < 1
    s2.shutdown()

    # A run that came due while the daemon was down fires once at start-up, then not again.
    data = json.loads(state.read_text())
    data["job"]["next_run"] = (datetime.now(timezone.utc) - timedelta(hours=5)).timestamp()
    state.write_text(json.dumps(data))
    s3 = PersistedScheduler(state)
    s3.add("job", lambda: runs.append(time.time()), _interval(3600))
    s3.start()
    assert _wait(lambda: runs, timeout=10)
    time.sleep(0.5)
    s3.shutdown()
    assert len(runs) == 1
    after = json.loads(state.read_text())["job"]
    assert after["next_run"] > time.time() + 3000 and after["last_ok"] is True

    s4 = PersistedScheduler(state)  # restart right after: nothing due, nothing runs
    s4.add("job", lambda: runs.append(time.time()), _interval(3600))
    s4.start()
    time.sleep(0.8)
    s4.shutdown()
    assert len(runs) == 1


def test_scheduler_can_skip_a_missed_run(tmp_path):
    """The reconcile job: start-up reconciles anyway, so a run missed while down is not repeated."""
    state = tmp_path / "scheduler.json"
    past = (datetime.now(timezone.utc) - timedelta(hours=1)).timestamp()
    state.write_text(json.dumps({"rec": {"next_run": past}}))
    runs = []
    s = PersistedScheduler(state)
    nxt = s.add("rec", lambda: runs.append(1), _interval(600), run_missed=False)
    s.start()
    time.sleep(0.8)
    s.shutdown()
    assert not runs and nxt.timestamp() > time.time() + 500


def test_scheduler_persists_next_run_before_the_job_body(tmp_path):
    """A daemon killed mid-job must not run it again at restart: the next run is saved first."""
    state = tmp_path / "scheduler.json"
    started, release = threading.Event(), threading.Event()
    s = PersistedScheduler(state)
    s.add("slow", lambda: (started.set(), release.wait(10)), _interval(0.3))
    s.start()
    try:
        assert started.wait(10)
        entry = json.loads(state.read_text())["slow"]
        assert entry["last_start"] <= time.time() and entry["next_run"] > entry["last_start"]
        assert "last_end" not in entry
    finally:
        release.set()
        s.shutdown()


# -- service and notes ---------------------------------------------------------------------
def _cli(home: Home, *argv, env=None):
    return subprocess.run([sys.executable, "-m", "agent.daemon", "--home", str(home.root), *argv],
                          capture_output=True, text=True, timeout=60, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def test_service_install_writes_user_unit_under_xdg_config_home(home, tmp_path):
    xdg = tmp_path / "xdg"
    proc = _cli(home, "service", "install", env={"XDG_CONFIG_HOME": str(xdg)})
    assert proc.returncode == 0, proc.stderr
    unit = xdg / "systemd" / "user" / "anima.service"
    text = unit.read_text()
    assert "ExecStart=" in text and f"--home {home.root} daemon" in text
    assert "WantedBy=default.target" in text and "HF_HUB_OFFLINE=1" in text
    assert "systemctl --user enable --now anima.service" in proc.stdout


def test_notes_add_keeps_comments_and_lists(home, tmp_path):
    home.config_file.write_text(DEFAULT_CONFIG)
    d1, d2 = tmp_path / "n1", tmp_path / "n2"
    d1.mkdir()
    d2.mkdir()
    assert _cli(home, "notes", "add", str(d1)).returncode == 0
    assert _cli(home, "notes", "add", str(d2), str(d1)).returncode == 0
    text = home.config_file.read_text()
    assert "# anima configuration." in text and "# Q4_K_M for models" in text
    out = _cli(home, "notes", "list", "--json")
    assert json.loads(out.stdout)["notes_dirs"] == [str(d1.resolve()), str(d2.resolve())]
    bad = _cli(home, "notes", "add", str(tmp_path / "missing"))
    assert bad.returncode == 2 and "not a folder" in bad.stderr
    assert json.loads(_cli(home, "notes", "list", "--json").stdout)["notes_dirs"] == [str(d1.resolve()), str(d2.resolve())]


def test_stop_without_daemon_says_so(home):
    proc = _cli(home, "stop")
    assert proc.returncode == 1 and "no anima daemon is running" in proc.stdout


def test_notes_remove_refuses_while_the_daemon_watches(home, tmp_path, monkeypatch):
    """The daemon watches the folders it started with and would index a removed one again, so
    `anima notes remove` asks for it to be stopped first and changes nothing."""
    import argparse

    from agent.cli import UserError
    from agent.commands import daemon as commands
    from agent.daemon.client import DaemonClient

    home.config_file.write_text(DEFAULT_CONFIG)
    notes = tmp_path / "n1"
    notes.mkdir()
    assert _cli(home, "notes", "add", str(notes)).returncode == 0
    monkeypatch.setattr(DaemonClient, "find", classmethod(lambda cls, h: object()))
    with pytest.raises(UserError, match="stop it first"):
        commands.run_notes_remove(argparse.Namespace(home_obj=home, dirs=[notes], json=True))
    assert json.loads(_cli(home, "notes", "list", "--json").stdout)["notes_dirs"] == [str(notes.resolve())]
