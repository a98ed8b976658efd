"""The adbd side of the adb wire protocol, over one TCP connection from the real adb server.

Protocol choices (measured against adb 29.0.6, the Debian package):
- Every message is a 24-byte little-endian header ``command, arg0, arg1, data_length,
  data_check, magic`` (magic = command ^ 0xffffffff) followed by the payload.
- The server opens with ``CNXN(version, maxdata, "host::features=...")``. We answer
  ``CNXN(0x01000001, maxdata, "device::ro.product.name=..;features=..")`` with no ``AUTH``:
  adb 29 accepts an unauthenticated device, which is what a phone with auth disabled does.
  Version 0x01000001 means "checksums may be zero"; we still send the byte-sum the old
  protocol wanted, so either reading works.
- A service is ``OPEN(remote_id, 0, "shell:cmd\\0")``; we answer ``OKAY(local_id, remote_id)``
  and stream output in ``WRTE`` packets no larger than the negotiated max payload. Flow control
  is adb's classic one: after each ``WRTE`` we wait for the host's ``OKAY`` before the next
  (no ``delayed_ack`` feature is advertised). We ``OKAY`` every host ``WRTE`` immediately and
  buffer it for the service. ``CLSE`` ends a stream; a ``CLSE`` for an unknown stream is ignored.
- An unknown service is refused with ``CLSE(0, remote_id)``, which the host reports as closed.
- The device may open a stream too (what a connection to an ``adb reverse`` port does):
  ``OPEN(local_id, 0, "tcp:PORT\\0")``; the host answers ``OKAY(its_id, local_id)`` once it has
  connected to that port on the computer, or ``CLSE`` if it could not.
"""
from __future__ import annotations

import logging
import socket
import struct
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

A_SYNC = 0x434E5953
A_CNXN = 0x4E584E43
A_OPEN = 0x4E45504F
A_OKAY = 0x59414B4F
A_CLSE = 0x45534C43
A_WRTE = 0x45545257
A_AUTH = 0x48545541

VERSION = 0x01000001
MAX_PAYLOAD = 256 * 1024
HEADER = struct.Struct("<6I")
# How long a writer waits for the host to acknowledge a WRTE before giving up on the stream.
ACK_TIMEOUT_S = 30.0


class StreamClosed(Exception):
    """The host closed the stream (or the whole connection went away)."""


def pack_message(command: int, arg0: int, arg1: int, data: bytes = b"") -> bytes:
    check = sum(data) & 0xFFFFFFFF
    return HEADER.pack(command, arg0, arg1, len(data), check, command ^ 0xFFFFFFFF) + data


_QUICKACK = getattr(socket, "TCP_QUICKACK", None)


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("peer closed")
        buf += chunk
        if _QUICKACK is not None:
            # The adb server writes a header and its payload separately; with Nagle on its side
            # and delayed ACKs on ours every exchange would stall ~40 ms. Linux resets QUICKACK
            # after use, so it is set again after each read.
            try:
                sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
            except OSError:
                pass
    return bytes(buf)


class Stream:
    """One open service on the device: a byte pipe in each direction with adb flow control."""

    def __init__(self, transport: Transport, local_id: int, remote_id: int, service: str) -> None:
        self.transport = transport
        self.local_id = local_id
        self.remote_id = remote_id  # 0 while a stream we opened waits for the host's OKAY
        self.service = service
        self._inbox = bytearray()
        self._cond = threading.Condition()
        self._acked = threading.Event()
        if remote_id:
            self._acked.set()  # the first WRTE after our OKAY needs no acknowledgement
        self.closed = False
        self._sent_close = False

    # ---- called by the transport's reader thread
    def _deliver(self, data: bytes) -> None:
        with self._cond:
            self._inbox += data
            self._cond.notify_all()

    def _on_remote_close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()
        self._acked.set()

    # ---- used by services
    def read_exact(self, n: int) -> bytes:
        with self._cond:
            while len(self._inbox) < n:
                if self.closed:
                    raise StreamClosed(self.service)
                self._cond.wait(1.0)
            out = bytes(self._inbox[:n])
            del self._inbox[:n]
            return out

    def read_some(self) -> bytes:
        """Whatever has arrived (waits for at least one byte); b"" once the host closed."""
        with self._cond:
            while not self._inbox and not self.closed:
                self._cond.wait(1.0)
            out = bytes(self._inbox)
            self._inbox.clear()
            return out

    def write(self, data: bytes) -> None:
        limit = self.transport.max_payload
        for start in range(0, len(data), limit):
            chunk = data[start : start + limit]
            if not self._acked.wait(ACK_TIMEOUT_S):
                raise StreamClosed(f"{self.service}: host stopped acknowledging")
            if self.closed or not self.transport.alive:
                raise StreamClosed(self.service)
            self._acked.clear()
            self.transport.send(A_WRTE, self.local_id, self.remote_id, chunk)

    def close(self) -> None:
        if self._sent_close:
            return
        self._sent_close = True
        # Let the last WRTE be acknowledged first, so the host has read everything before CLSE.
        self._acked.wait(ACK_TIMEOUT_S)
        if self.transport.alive and not self.closed:
            try:
                self.transport.send(A_CLSE, self.local_id, self.remote_id)
            except OSError:
                pass
        self.closed = True
        self.transport._forget(self.local_id)


ServiceFactory = Callable[[str], Callable[[Stream], None] | None]


class Transport:
    """Serves one adb server connection: handshake, stream multiplexing, dispatch to services."""

    def __init__(self, sock: socket.socket, banner: str, services: ServiceFactory, name: str = "") -> None:
        self.sock = sock
        self.banner = banner
        self.services = services
        # How adbd names this connection in `reverse --list` ("host-<fd>" for TCP).
        self.name = name or f"host-{sock.fileno()}"
        self.on_close: list[Callable[[Transport], None]] = []
        self.max_payload = 4096  # until the host's CNXN tells us more
        self.alive = True
        self._send_lock = threading.Lock()
        self._streams: dict[int, Stream] = {}
        self._streams_lock = threading.Lock()
        self._next_id = 1

    def send(self, command: int, arg0: int, arg1: int, data: bytes = b"") -> None:
        with self._send_lock:
            self.sock.sendall(pack_message(command, arg0, arg1, data))

    def close(self) -> None:
        was_alive, self.alive = self.alive, False
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        with self._streams_lock:
            streams = list(self._streams.values())
            self._streams.clear()
        for stream in streams:
            stream._on_remote_close()
        if was_alive:
            for callback in self.on_close:
                callback(self)

    def open_stream(self, service: str, timeout: float = 10.0) -> Stream:
        """Open a stream from the device side; raises StreamClosed if the host refuses it."""
        with self._streams_lock:
            local_id = self._next_id
            self._next_id += 1
            stream = Stream(self, local_id, 0, service)
            self._streams[local_id] = stream
        self.send(A_OPEN, local_id, 0, service.encode() + b"\0")
        if not stream._acked.wait(timeout) or stream.closed or not stream.remote_id:
            self._forget(local_id)
            stream.closed = True
            raise StreamClosed(f"{service}: the host refused the connection")
        return stream

    def _forget(self, local_id: int) -> None:
        with self._streams_lock:
            self._streams.pop(local_id, None)

    def serve(self) -> None:
        try:
            while self.alive:
                command, arg0, arg1, length, _check, magic = HEADER.unpack(_recv_exact(self.sock, 24))
                if magic != command ^ 0xFFFFFFFF:
                    log.warning("bad adb message magic; dropping the connection")
                    break
                data = _recv_exact(self.sock, length) if length else b""
                self._handle(command, arg0, arg1, data)
        except (ConnectionError, OSError):
            pass
        finally:
            self.close()

    def _handle(self, command: int, arg0: int, arg1: int, data: bytes) -> None:
        if command == A_CNXN:
            self.max_payload = max(4096, min(arg1, MAX_PAYLOAD))
            self.send(A_CNXN, VERSION, MAX_PAYLOAD, self.banner.encode())
        elif command == A_OPEN:
            service = data.rstrip(b"\0").decode("utf-8", "replace")
            handler = self.services(service)
            if handler is None:
                self.send(A_CLSE, 0, arg0)
                return
            with self._streams_lock:
                local_id = self._next_id
                self._next_id += 1
                stream = Stream(self, local_id, arg0, service)
                self._streams[local_id] = stream
            self.send(A_OKAY, local_id, arg0)
            threading.Thread(target=self._run_service, args=(handler, stream), daemon=True,
                             name=f"vphone-{service[:20]}").start()
        elif command == A_WRTE:
            stream = self._streams.get(arg1)
            if stream is None:
                self.send(A_CLSE, 0, arg0)
                return
            stream._deliver(data)
            self.send(A_OKAY, arg1, arg0)
        elif command == A_OKAY:
            stream = self._streams.get(arg1)
            if stream is not None:
                if not stream.remote_id:  # the host accepted a stream we opened
                    stream.remote_id = arg0
                stream._acked.set()
        elif command == A_CLSE:
            with self._streams_lock:
                stream = self._streams.pop(arg1, None)
            if stream is not None:
                stream._on_remote_close()
        # AUTH/SYNC/anything else from a host: nothing to do for an auth-less device.

    @staticmethod
    def _run_service(handler: Callable[[Stream], None], stream: Stream) -> None:
        try:
            handler(stream)
        except StreamClosed:
            pass
        except Exception:  # a bug in a service must not kill the connection
            log.exception("virtual phone service %r failed", stream.service)
        finally:
            try:
                stream.close()
            except OSError:
                pass
