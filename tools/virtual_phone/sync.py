"""The `sync:` service (file transfer), as adbd implements it.

Requests are ``ID(4) + u32 length + path``. Supported: STAT (v1: mode, size, mtime as u32;
all zero when missing), STA2/LST2 (stat_v2: errno + 64-bit fields), LIST (DENT records then
DONE), LIS2 (DNT2 records), RECV (DATA chunks of at most 64 KiB then DONE, or FAIL + message),
SEND (``path,mode``; the host streams DATA chunks then DONE + mtime; we answer OKAY or FAIL;
parent folders are created, which is adb's ``fixed_push_mkdir`` feature) and QUIT.
Requests may arrive split across WRTE packets, so everything reads exact byte counts.
"""
from __future__ import annotations

import errno
import posixpath
import struct

from tools.virtual_phone.fs import FsError, VirtualFS
from tools.virtual_phone.protocol import Stream

SYNC_DATA_MAX = 64 * 1024
_STAT2 = struct.Struct("<IQQIIIIQqqq")  # error dev ino mode nlink uid gid size atime mtime ctime


def _fail(stream: Stream, message: str) -> None:
    data = message.encode()
    stream.write(b"FAIL" + struct.pack("<I", len(data)) + data)


def serve_sync(stream: Stream, fs: VirtualFS) -> None:
    while True:
        header = stream.read_exact(8)
        ident, length = header[:4], struct.unpack("<I", header[4:])[0]
        if ident == b"QUIT":
            return
        if length > 1024 * 16:
            _fail(stream, "path too long")
            return
        arg = stream.read_exact(length).decode("utf-8", "replace") if length else ""
        if ident == b"STAT":
            entry = fs.stat(arg)
            if entry is None:
                stream.write(b"STAT" + struct.pack("<III", 0, 0, 0))
            else:
                stream.write(b"STAT" + struct.pack("<III", entry.st_mode, len(entry.data), entry.mtime))
        elif ident in (b"STA2", b"LST2"):
            entry = fs.stat(arg)
            if entry is None:
                stream.write(ident + _STAT2.pack(errno.ENOENT, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
            else:
                stream.write(ident + _STAT2.pack(0, 0xFD00, abs(hash(arg)) & 0xFFFFFF, entry.st_mode, 1,
                                                 2000, 1015, len(entry.data), entry.mtime,
                                                 entry.mtime, entry.mtime))
        elif ident in (b"LIST", b"LIS2"):
            try:
                items = fs.listdir(arg)
            except FsError:
                items = []
            here = fs.stat(arg)
            if here is not None and here.is_dir:
                items = [(".", here), ("..", here)] + items
            for name, entry in items:
                raw = name.encode()
                if ident == b"LIST":
                    stream.write(b"DENT" + struct.pack("<IIII", entry.st_mode, len(entry.data),
                                                       entry.mtime, len(raw)) + raw)
                else:
                    stream.write(b"DNT2" + _STAT2.pack(0, 0xFD00, 0, entry.st_mode, 1, 2000, 1015,
                                                       len(entry.data), entry.mtime, entry.mtime,
                                                       entry.mtime) + struct.pack("<I", len(raw)) + raw)
            if ident == b"LIST":
                stream.write(b"DONE" + bytes(16))
            else:
                stream.write(b"DONE" + bytes(_STAT2.size + 4))
        elif ident == b"RECV":
            try:
                data = fs.read(arg)
            except FsError as exc:
                _fail(stream, f"open failed: {exc}")
                continue
            out = bytearray()
            for start in range(0, len(data), SYNC_DATA_MAX):
                chunk = data[start : start + SYNC_DATA_MAX]
                out += b"DATA" + struct.pack("<I", len(chunk)) + chunk
            out += b"DONE" + struct.pack("<I", 0)
            stream.write(bytes(out))
        elif ident == b"SEND":
            path, _, mode_text = arg.rpartition(",")
            if not path:
                path, mode_text = arg, "33188"
            try:
                mode = int(mode_text) & 0o7777
            except ValueError:
                mode = 0o644
            body = bytearray()
            mtime = 0
            while True:
                sub = stream.read_exact(8)
                sub_id, sub_len = sub[:4], struct.unpack("<I", sub[4:])[0]
                if sub_id == b"DATA":
                    body += stream.read_exact(sub_len)
                elif sub_id == b"DONE":
                    mtime = sub_len
                    break
                else:
                    _fail(stream, "invalid data message")
                    return
            try:
                fs.mkdir(posixpath.dirname(path), parents=True)
                fs.write(path, bytes(body), mode=mode, mtime=mtime)
            except FsError as exc:
                _fail(stream, f"couldn't create file: {exc}")
                continue
            stream.write(b"OKAY" + struct.pack("<I", 0))
        else:
            _fail(stream, f"unknown sync command {ident!r}")
            return
