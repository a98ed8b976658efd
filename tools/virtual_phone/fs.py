"""The virtual phone's file system: an in-memory tree shared by the shell and the sync service.

`/sdcard` is an alias of `/storage/emulated/0`, as on Android. Only regular files and folders
exist; permissions are not enforced (the adb shell user can write where tests need it).
"""
from __future__ import annotations

import posixpath
import stat
import threading
import time
from dataclasses import dataclass, field

_ALIASES = {"/sdcard": "/storage/emulated/0", "/storage/self/primary": "/storage/emulated/0"}
_DIRS = [
    "/", "/data", "/data/local", "/data/local/tmp", "/dev", "/proc", "/system", "/system/bin",
    "/vendor", "/storage", "/storage/emulated", "/storage/emulated/0",
    "/storage/emulated/0/Download", "/storage/emulated/0/DCIM", "/storage/emulated/0/DCIM/Camera",
    "/storage/emulated/0/Pictures", "/storage/emulated/0/Music", "/storage/emulated/0/Documents",
]


@dataclass
class Entry:
    is_dir: bool
    data: bytes = b""
    mode: int = 0o644
    mtime: int = field(default_factory=lambda: int(time.time()))

    @property
    def st_mode(self) -> int:
        return (stat.S_IFDIR | 0o771) if self.is_dir else (stat.S_IFREG | (self.mode & 0o7777))


class FsError(Exception):
    """An errno-style failure; str() is the Android message (e.g. 'No such file or directory')."""


def normalize(path: str, cwd: str = "/") -> str:
    path = posixpath.normpath(posixpath.join(cwd, path))
    if path.startswith("//"):
        path = path[1:]
    for alias, real in _ALIASES.items():
        if path == alias or path.startswith(alias + "/"):
            path = real + path[len(alias):]
    return path


class VirtualFS:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._entries: dict[str, Entry] = {d: Entry(is_dir=True) for d in _DIRS}
        self._entries["/dev/null"] = Entry(is_dir=False, mode=0o666)
        self._entries["/system/build.prop"] = Entry(is_dir=False, data=b"# begin build properties\n")

    def stat(self, path: str) -> Entry | None:
        with self._lock:
            return self._entries.get(normalize(path))

    def read(self, path: str) -> bytes:
        with self._lock:
            entry = self._entries.get(normalize(path))
            if entry is None:
                raise FsError("No such file or directory")
            if entry.is_dir:
                raise FsError("Is a directory")
            return entry.data

    def write(self, path: str, data: bytes, *, append: bool = False, mode: int | None = None,
              mtime: int | None = None) -> None:
        real = normalize(path)
        if real == "/dev/null":
            return
        with self._lock:
            parent = self._entries.get(posixpath.dirname(real))
            if parent is None or not parent.is_dir:
                raise FsError("No such file or directory")
            old = self._entries.get(real)
            if old is not None and old.is_dir:
                raise FsError("Is a directory")
            if append and old is not None:
                data = old.data + data
            self._entries[real] = Entry(
                is_dir=False, data=data,
                mode=mode if mode is not None else (old.mode if old else 0o644),
                mtime=mtime if mtime else int(time.time()))

    def mkdir(self, path: str, *, parents: bool = False) -> None:
        real = normalize(path)
        with self._lock:
            if real in self._entries:
                if parents and self._entries[real].is_dir:
                    return
                raise FsError("File exists")
            parent = posixpath.dirname(real)
            if parent not in self._entries:
                if not parents:
                    raise FsError("No such file or directory")
                self.mkdir(parent, parents=True)
            self._entries[real] = Entry(is_dir=True)

    def remove(self, path: str, *, recursive: bool = False) -> None:
        real = normalize(path)
        with self._lock:
            entry = self._entries.get(real)
            if entry is None:
                raise FsError("No such file or directory")
            if entry.is_dir:
                if not recursive:
                    raise FsError("Is a directory")
                for p in [p for p in self._entries if p.startswith(real.rstrip("/") + "/")]:
                    del self._entries[p]
            if real != "/":
                del self._entries[real]

    def listdir(self, path: str) -> list[tuple[str, Entry]]:
        real = normalize(path)
        with self._lock:
            entry = self._entries.get(real)
            if entry is None:
                raise FsError("No such file or directory")
            if not entry.is_dir:
                return [(posixpath.basename(real), entry)]
            prefix = real.rstrip("/") + "/"
            return sorted((p[len(prefix):], e) for p, e in self._entries.items()
                          if p.startswith(prefix) and "/" not in p[len(prefix):] and p != real)
