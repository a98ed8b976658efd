"""Loaded by every Python process started with this folder on PYTHONPATH (the daemon tests):
any connection or datagram to a non-loopback address fails, and is recorded.

A test then proves anima never reached the network: the daemon ran, indexed and answered with
this guard in place, and the record of blocked attempts is empty.
"""
import ipaddress
import os
import socket

_LOG = os.environ.get("ANIMA_NETGUARD_LOG")


def _record(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {what}\n")


def _allowed(sock, address) -> bool:
    if sock.family == socket.AF_UNIX:
        return True
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # an unresolved name: resolving it would itself be network traffic


_connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto


def connect(self, address):
    if not _allowed(self, address):
        _record(f"BLOCKED connect {address!r}")
        raise ConnectionRefusedError(f"netguard: non-loopback connection to {address!r} refused")
    return _connect(self, address)


def connect_ex(self, address):
    if not _allowed(self, address):
        _record(f"BLOCKED connect_ex {address!r}")
        return 111  # ECONNREFUSED
    return _connect_ex(self, address)


def sendto(self, data, *args):
    address = args[-1]
    if not _allowed(self, address):
        _record(f"BLOCKED sendto {address!r}")
        raise ConnectionRefusedError(f"netguard: non-loopback datagram to {address!r} refused")
    return _sendto(self, data, *args)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = sendto
_record("loaded")

