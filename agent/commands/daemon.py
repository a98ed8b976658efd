"""`anima daemon`, `anima stop`, `anima service install`, `anima notes add|list`."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from agent.cli import UserError, emit_json

log = logging.getLogger("anima.daemon")

START_TIMEOUT_S = 180.0  # loading chromadb, the embedder and the model on a busy 2-core machine


def register(sub) -> None:
    p = sub.add_parser("daemon", help="run the always-on daemon: watch notes, serve the local API")
    p.add_argument("--detach", action="store_true", help="run in the background (log: <home>/logs/daemon.log)")
    p.add_argument("--watch", action="append", default=[], metavar="DIR", help="also watch this folder (repeatable)")
    p.add_argument("--max-queue", type=int, default=16, metavar="N",
                   help="questions answered or waiting at once; more get 503 + Retry-After (default 16)")
    p.set_defaults(func=run_daemon)

    p = sub.add_parser("stop", help="stop the running daemon")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a clean exit")
    p.set_defaults(func=run_stop)

    p = sub.add_parser("service", help="run the daemon at login (systemd user unit)")
    ssub = p.add_subparsers(dest="service_cmd", metavar="ACTION", required=True)
    sp = ssub.add_parser("install", help="write ~/.config/systemd/user/anima.service")
    sp.set_defaults(func=run_service_install)

    p = sub.add_parser("notes", help="the notes folders anima watches and indexes")
    nsub = p.add_subparsers(dest="notes_cmd", metavar="ACTION", required=True)
    np_ = nsub.add_parser("add", help="add folders to notes_dirs in config.toml")
    np_.add_argument("dirs", nargs="+", type=Path)
    np_.add_argument("--json", action="store_true")
    np_.set_defaults(func=run_notes_add)
    nr = nsub.add_parser("remove", help="stop indexing folders: take them out of notes_dirs and forget what was indexed from them")
    nr.add_argument("dirs", nargs="+", type=Path)
    nr.add_argument("--json", action="store_true")
    nr.set_defaults(func=run_notes_remove)
    nl = nsub.add_parser("list", help="list the configured notes folders")
    nl.add_argument("--json", action="store_true")
    nl.set_defaults(func=run_notes_list)


def _check_watch_dirs(dirs: list[str]) -> list[str]:
    bad = [d for d in dirs if not Path(d).expanduser().is_dir()]
    if bad:
        raise UserError(f"--watch needs existing folders; not a folder: {', '.join(bad)}")
    return [str(Path(d).expanduser().resolve()) for d in dirs]


def run_daemon(args) -> int:
    home = args.home_obj.ensure()
    watch = _check_watch_dirs(args.watch)
    if args.detach:
        return _detach(args, home, watch)
    from agent.daemon.auth import BindRefused
    from agent.daemon.lock import AlreadyRunning
    from agent.daemon.runtime import Daemon

    # A long-running process's log needs times (the CLI's one-shot format has none).
    for handler in logging.getLogger().handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s anima[%(process)d] %(levelname)s %(name)s: %(message)s"))
    try:
        daemon = Daemon(home, home.load_settings(), watch=watch, max_pending=max(1, args.max_queue))
        code = daemon.serve()
    except (BindRefused, AlreadyRunning) as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        if exc.errno == 98:  # EADDRINUSE
            raise UserError(f"the API port is in use ({exc.strerror}); set [api] port = 0 to pick a free one") from None
        raise
    # Everything durable is closed (index, lock, daemon.json). Interpreter teardown of torch,
    # llama.cpp and chromadb's native clients takes seconds and writes nothing we need, so skip
    # it: `anima stop` returns promptly. (kill -9 safety is tested; this is gentler than that.)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _detach(args, home, watch: list[str]) -> int:
    """Start a foreground daemon as a new session (no controlling terminal), wait until it serves."""
    from agent.daemon.lock import pid_alive, read_daemon_info

    existing = read_daemon_info(home.daemon_file)
    if existing and pid_alive(existing.pid):
        raise UserError(f"a daemon is already running (pid {existing.pid}, {existing.url}); stop it with `anima stop`")
    log_path = home.logs_dir / "daemon.log"
    argv = [sys.executable, "-m", "agent.daemon", "--home", str(home.root)]
    if args.verbose:
        argv.append("--verbose")
    argv.append("daemon")
    for d in watch:
        argv += ["--watch", d]
    argv += ["--max-queue", str(args.max_queue)]
    env = dict(os.environ)
    # The package root on PYTHONPATH: the child imports the same anima as this process,
    # whichever directory the user ran it from.
    pkg_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join([pkg_root, *filter(None, [env.get("PYTHONPATH")])])
    with open(log_path, "ab") as logf:
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=logf, stderr=logf,
                                 start_new_session=True, env=env, close_fds=True)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        code = child.poll()
        if code is not None:
            tail = _tail(log_path)
            raise UserError(f"the daemon exited at start-up (code {code}); last lines of {log_path}:\n{tail}")
        info = read_daemon_info(home.daemon_file)
        if info and info.pid == child.pid:
            print(f"anima daemon running (pid {info.pid}) at {info.url}; log: {log_path}")
            return 0
        time.sleep(0.2)
    raise UserError(f"the daemon (pid {child.pid}) did not come up within {START_TIMEOUT_S:.0f} s; see {log_path}")


def _tail(path: Path, n: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


def run_stop(args) -> int:
    from agent.daemon.lock import DaemonLock, pid_alive, read_daemon_info

    home = args.home_obj
    info = read_daemon_info(home.daemon_file)
    if info is None or not pid_alive(info.pid):
        if info is not None:
            home.daemon_file.unlink(missing_ok=True)  # stale: the daemon died without cleaning up
        print("no anima daemon is running")
        return 1
    try:
        os.kill(info.pid, signal.SIGTERM)
    except ProcessLookupError:
        print("no anima daemon is running")
        return 1
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if not pid_alive(info.pid) and not DaemonLock(home.lock_file).is_held_elsewhere():
            print(f"anima daemon (pid {info.pid}) stopped")
            return 0
        time.sleep(0.1)
    raise UserError(f"the daemon (pid {info.pid}) did not stop within {args.timeout:.0f} s; "
                    f"force it with: kill -9 {info.pid} (the next start-up repairs the index)")


def run_service_install(args) -> int:
    from agent.daemon.service import ENABLE_HINT, install

    home = args.home_obj.ensure()
    path = install(home)
    print(ENABLE_HINT.format(path=path, home=home.root))
    return 0


def run_notes_add(args) -> int:
    from agent.commands.init import add_notes_dirs
    from agent.config import DEFAULT_CONFIG

    home = args.home_obj.ensure()
    if not home.config_file.exists():
        home.config_file.write_text(DEFAULT_CONFIG, encoding="utf-8")
    dirs = add_notes_dirs(home.config_file, args.dirs)
    if args.json:
        emit_json({"notes_dirs": dirs})
    else:
        print("notes folders:\n" + "\n".join(f"  {d}" for d in dirs))
        from agent.daemon.client import DaemonClient

        if DaemonClient.find(home) is not None:
            print("the running daemon picks up new folders at its next start: `anima stop && anima daemon --detach`")
    return 0


def run_notes_remove(args) -> int:
    """A folder taken out of notes_dirs would otherwise keep answering: the index forgets only what
    vanishes under the folders it reads. So its files are forgotten too (the notes on disk are not
    touched). The daemon watches and re-reads the folders it started with, so it must not run."""
    from agent.assistant import open_assistant
    from agent.cli import UserError
    from agent.commands.init import remove_notes_dirs
    from agent.daemon.client import DaemonClient

    home = args.home_obj.ensure()
    if DaemonClient.find(home) is not None:
        raise UserError("the anima daemon is running and watches these folders: stop it first (`anima stop`), "
                        "run `anima notes remove` again, then start it (`anima daemon --detach`)")
    kept, gone = remove_notes_dirs(home.config_file, args.dirs)
    assistant = open_assistant(home, local=True)
    try:
        forgotten = assistant.anima.memory.remove([d.expanduser().resolve() for d in args.dirs])
    finally:
        assistant.close()
    if not gone and not forgotten:
        raise UserError(f"not a notes folder, and nothing was indexed from it: {', '.join(map(str, args.dirs))}")
    if args.json:
        emit_json({"notes_dirs": kept, "removed": gone, "chunks_forgotten": forgotten})
    else:
        print("notes folders:\n" + "\n".join(f"  {d}" for d in kept) if kept else "no notes folders left")
        print(f"forgot {forgotten} indexed chunks from {', '.join(map(str, args.dirs))} (the files themselves are untouched)")
    return 0


def run_notes_list(args) -> int:
    home = args.home_obj
    dirs = home.load_settings().notes_dirs
    if args.json:
        emit_json({"notes_dirs": dirs})
    else:
        for d in dirs:
            mark = "" if Path(d).expanduser().is_dir() else "  (missing)"
            print(f"{d}{mark}")
        if not dirs:
            print("no notes folders yet: anima notes add DIR")
    return 0
