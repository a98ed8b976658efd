"""One daemon per home: an fcntl lock plus `daemon.json`, the file clients use to find it.

The lock (not the pid file) is the source of truth: the kernel drops it when the process dies,
even on `kill -9`, so a stale daemon.json never blocks a restart.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
from pathlib import Path

from pydantic import BaseModel


class AlreadyRunning(Exception):
    """Another daemon holds the lock of this home."""


class DaemonInfo(BaseModel):
    pid: int
    port: int
    url: str
    host: str = "127.0.0.1"
    started: float = 0.0


class DaemonLock:
    """An exclusive, non-blocking fcntl lock on <home>/daemon.lock, held for the daemon's life."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                holder = read_daemon_info(self.path.parent / "daemon.json")
                where = f" (pid {holder.pid}, {holder.url})" if holder else ""
                raise AlreadyRunning(
                    f"another anima daemon is already running on this home{where}; stop it with `anima stop`"
                ) from None
            raise
        # The pid inside the lock file is for humans (lsof-free debugging), not for correctness.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                os.close(self._fd)
                self._fd = None

    def is_held_elsewhere(self) -> bool:
        """True when some other process holds the lock right now (cheap, never blocks)."""
        try:
            fd = os.open(self.path, os.O_RDWR)
        except FileNotFoundError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)


def write_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    """Write-then-rename, so a reader never sees half a file and a crash never leaves one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_daemon_info(path: Path, info: DaemonInfo) -> None:
    write_atomic(path, info.model_dump_json() + "\n")


def read_daemon_info(path: Path) -> DaemonInfo | None:
    try:
        return DaemonInfo.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    # A zombie child (exited, not yet reaped) still answers kill(0): check /proc where it exists.
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            state = fh.read().rsplit(b")", 1)[1].split()[0]
        return state != b"Z"
    except (OSError, IndexError):
        return True
