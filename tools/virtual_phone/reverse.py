"""The ``reverse:`` service: ``adb reverse`` listeners that live on the phone.

Replies copy adbd's ``handle_forward_request`` (device side, so no leading connect-OKAY; the
adb server adds that one):
- ``reverse:forward[:norebind]:<device>;<host>`` -> ``OKAY`` (plus hex length + the chosen port
  when ``<device>`` is ``tcp:0``), or ``FAIL`` + hex length + message;
- ``reverse:killforward:<device>`` -> ``OKAY`` or ``FAIL listener '<device>' not found``;
- ``reverse:killforward-all`` -> ``OKAY``;
- ``reverse:list-forward`` -> hex length + one ``<transport> <device> <host>`` line per listener,
  where the transport is named ``host-<fd>`` as adbd names a TCP connection.
A listener belongs to the adb connection that made it and goes away when that connection does
(adbd's disconnect hook). No socket is opened on the host: the phone's ports are its own.
`VirtualPhone.connect_reverse` plays an app on the phone connecting to such a port.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

_SPEC = re.compile(r"tcp:(\d{1,5})|(localabstract|localreserved|localfilesystem):(.+)")
# Where adbd's kernel hands out ports for tcp:0 (Linux's default ephemeral range starts at 32768).
_FIRST_EPHEMERAL = 37215


def _fail(message: str) -> bytes:
    data = message.encode()
    return b"FAIL" + f"{len(data):04x}".encode() + data


@dataclass
class Reverse:
    device: str      # what the phone listens on, e.g. "tcp:8081"
    host: str        # where the adb server connects on the computer, e.g. "tcp:8081"
    transport: str   # "host-<fd>" of the adb connection that installed it


class ReverseForwards:
    """The phone's reverse listeners (thread-safe; all adb connections share it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, Reverse] = {}
        self._next_port = _FIRST_EPHEMERAL

    def list(self) -> list[Reverse]:
        with self._lock:
            return list(self._items.values())

    def lookup(self, device: str) -> Reverse | None:
        with self._lock:
            return self._items.get(device)

    def drop_transport(self, transport: str) -> None:
        """The adb connection went away: its listeners close with it."""
        with self._lock:
            self._items = {k: v for k, v in self._items.items() if v.transport != transport}

    def handle(self, command: str, transport: str) -> bytes:
        """command: the service name after "reverse:"; returns the bytes adbd would write."""
        if command == "list-forward":
            listing = "".join(f"{r.transport} {r.device} {r.host}\n" for r in self.list()).encode()
            return f"{len(listing):04x}".encode() + listing
        if command == "killforward-all":
            with self._lock:
                self._items.clear()
            return b"OKAY"
        if command.startswith("killforward:"):
            device = command[len("killforward:"):]
            with self._lock:
                if self._items.pop(device, None) is None:
                    return _fail(f"listener '{device}' not found")
            return b"OKAY"
        if command.startswith("forward:"):
            return self._forward(command[len("forward:"):], transport)
        return _fail("not a reverse forwarding command")

    def _forward(self, args: str, transport: str) -> bytes:
        no_rebind = args.startswith("norebind:")
        if no_rebind:
            args = args[len("norebind:"):]
        pieces = args.split(";")
        if len(pieces) != 2 or not pieces[0] or not pieces[1] or pieces[1].startswith("*"):
            return _fail(f"bad forward: {args}")
        device, host = pieces
        m = _SPEC.fullmatch(device)
        if m is None or (m.group(1) is not None and int(m.group(1)) > 65535):
            return _fail(f"cannot bind listener: unknown socket specification '{device}'")
        resolved = ""
        with self._lock:
            if m.group(1) is not None and int(m.group(1)) == 0:
                while f"tcp:{self._next_port}" in self._items:
                    self._next_port += 1
                resolved = str(self._next_port)
                device = f"tcp:{resolved}"
                self._next_port += 1
            elif device in self._items and no_rebind:
                return _fail("cannot rebind existing socket")
            self._items[device] = Reverse(device=device, host=host, transport=transport)
        # The chosen port goes back as a length-prefixed string, as the adb server does for forward.
        return b"OKAY" + (f"{len(resolved):04x}{resolved}".encode() if resolved else b"")
