"""`VirtualPhone`: a simulated Android phone that the real adb server connects to over TCP.

It listens on loopback, speaks the adbd wire protocol (see `protocol.py`), and serves:
- ``shell:CMD`` / ``exec:CMD``: plain streams, stdout and stderr merged, no exit status (adb's
  v1 shell; adbutils' ``shell()`` always uses this);
- ``shell,v2[,raw|,pty][,TERM=..]:CMD``: the shell_v2 framing (``id(1) + u32 length + data``;
  1 = stdout, 2 = stderr, 3 = exit status), which the ``adb shell`` command line uses because
  the phone advertises the ``shell_v2`` feature, so exit codes reach the host;
- ``sync:`` file transfer (`sync.py`);
- ``framebuffer:`` the raw screen with adbd's header (`framebuffer.py`);
- ``reverse:`` ``adb reverse`` listeners (`reverse.py`); `connect_reverse` uses one.
An empty command opens an interactive shell that runs each received line. A command that keeps
running (``logcat``) streams after its first output until the host closes the stream; typed into
an interactive shell it prints what it has and returns (there is no Ctrl-C to stop it there).

Shell commands are executed one at a time (a lock), so the UI state changes in the order the
host sent them, as taps on a real screen do.
"""
from __future__ import annotations

import socket
import struct
import subprocess
import threading
import time

from pydantic import BaseModel

from tools.virtual_phone.android import AndroidCommands
from tools.virtual_phone.framebuffer import serve_framebuffer
from tools.virtual_phone.fs import VirtualFS
from tools.virtual_phone.logcat import BOOT_LINES, SYSTEM_SERVER_PID, LogBuffer, idle_line, log_commands
from tools.virtual_phone.net import network_commands
from tools.virtual_phone.protocol import Stream, StreamClosed, Transport
from tools.virtual_phone.reverse import ReverseForwards
from tools.virtual_phone.shell import IO, Shell, builtin_commands
from tools.virtual_phone.sync import serve_sync
from tools.virtual_phone.ui import APP_BY_PKG, APPS, LAUNCHER_PKG, PhoneUI, VirtualState, short_activity

FEATURES = "shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,fixed_push_symlink_timestamp"


class VirtualPhoneError(RuntimeError):
    """The virtual phone or the adb server could not do what was asked (message says why)."""


class Faults(BaseModel):
    """Injected failures so clients can test their retries. Counters go down as they fire."""

    dump_errors: int = 0   # next N `uiautomator dump` print "ERROR: could not get idle state."
    stale_dumps: int = 0   # next N dumps write the previous dump's XML instead of the current screen
    # The first shell command containing this text runs, then the phone drops off (as if the cable
    # were pulled before the reply): the host never sees the output. Fires once.
    disconnect_after: str | None = None


class VirtualPhone:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, faults: Faults | dict | None = None,
                 contacts: dict[str, str] | None = None, adb_keyboard: bool = True) -> None:
        """contacts: name -> number shown by the Contacts app and `content query`; adb_keyboard:
        whether the ADBKeyboard IME (Unicode typing via broadcasts) is installed and selected."""
        self.host = host
        self.port = port
        self.faults = faults if isinstance(faults, Faults) else Faults(**(faults or {}))
        self.adb_keyboard = adb_keyboard
        self.fs = VirtualFS()
        self.ui = PhoneUI(contacts=contacts, on_photo=self._save_photo)
        self.android = AndroidCommands(self)
        self.log = LogBuffer(chatter=idle_line)
        for buffer, priority, tag, message in BOOT_LINES:
            self.log.write(priority, tag, message, pid=SYSTEM_SERVER_PID, buffer=buffer)
        self.reverses = ReverseForwards()
        self.commands: list[str] = []
        self._last_dump: str | None = None
        self._exec_lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._transports: list[Transport] = []
        self._lock = threading.Lock()
        self._accepting = False
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def serial(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def device_serialno(self) -> str:
        return f"VPHONE{self.port:05d}"

    @property
    def banner(self) -> str:
        return ("device::ro.product.name=panther;ro.product.model=Pixel 7;ro.product.device=panther;"
                f"features={FEATURES}")

    def start(self) -> int:
        """Start listening; returns the port (chosen by the OS when port=0)."""
        if self._accepting:
            return self.port
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError as exc:
            sock.close()
            raise VirtualPhoneError(f"cannot listen on {self.host}:{self.port}: {exc.strerror}") from exc
        sock.listen(8)
        self.port = sock.getsockname()[1]
        self._listener = sock
        self._accepting = True
        self._thread = threading.Thread(target=self._accept_loop, args=(sock,), daemon=True, name="vphone-accept")
        self._thread.start()
        return self.port

    def _accept_loop(self, sock: socket.socket) -> None:
        while self._accepting:
            try:
                conn, _ = sock.accept()
            except OSError:
                break
            if not self._accepting:
                conn.close()
                break
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            transport = Transport(conn, self.banner, self._service)
            transport.on_close.append(lambda t: self.reverses.drop_transport(t.name))
            with self._lock:
                self._transports = [t for t in self._transports if t.alive] + [transport]
            threading.Thread(target=transport.serve, daemon=True, name="vphone-transport").start()

    def _drop_connections(self) -> None:
        self._accepting = False
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        with self._lock:
            transports, self._transports = self._transports, []
        for t in transports:
            t.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def stop(self) -> None:
        self._drop_connections()

    def disconnect(self) -> None:
        """Like pulling the cable: drop every connection and refuse new ones until reconnect()."""
        self._drop_connections()

    def reconnect(self) -> None:
        """Accept connections again on the same port (the adb server reconnects by itself, or
        call `adb_connect(serial)`)."""
        self.start()

    def __enter__(self) -> VirtualPhone:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ state helpers
    def state(self) -> VirtualState:
        with self.ui.lock:
            return self.ui.state.model_copy(deep=True)

    def push_notification(self, app: str, title: str, text: str) -> None:
        """Post a notification as `app` (package name or launcher label)."""
        pkg = app if app in APP_BY_PKG else next((a.package for a in APPS if a.label.lower() == app.lower()), app)
        self.ui.notify(pkg, title, text)

    def receive_sms(self, sender: str, body: str) -> None:
        self.ui.receive_sms(sender, body)

    def run_shell(self, command: str) -> tuple[int, bytes, bytes]:
        """Run a command as `adb shell` would (for tests and the standalone runner)."""
        io = self._execute(command)
        out = b"".join(d for fd, d in io.events if fd == 1)
        err = b"".join(d for fd, d in io.events if fd == 2)
        return io.status, out, err

    def connect_reverse(self, device: str, timeout: float = 10.0) -> Stream:
        """Act as an app on the phone connecting to `device` (e.g. "tcp:8081"): an `adb reverse`
        listener there makes the adb server connect to its computer side. Returns the open stream
        (write / read_some / close); VirtualPhoneError when nothing listens there or the computer
        side refused (the adb server could not connect)."""
        entry = self.reverses.lookup(device)
        with self._lock:
            transport = next((t for t in self._transports if entry and t.alive and t.name == entry.transport), None)
        if entry is None or transport is None:
            raise VirtualPhoneError(f"connect to {device} on the phone: Connection refused")
        try:
            return transport.open_stream(entry.host, timeout)
        except StreamClosed as exc:
            raise VirtualPhoneError(f"adb reverse {device} -> {entry.host}: the computer side refused") from exc

    def _screencap_raw(self) -> bytes:
        """What `screencap` (raw) writes: the framebuffer service translates it, as adbd does."""
        io = IO()
        with self._exec_lock:
            self.android.screencap(["screencap"], io)
        return io.stdout_bytes()

    def _log_changes(self, before: tuple[str, str, bool]) -> None:
        """Log what system_server would after a command: a new activity shown, Wi-Fi toggled."""
        st = self.ui.state
        package, activity, wifi = st.foreground, st.activity, st.wifi
        if (package, activity) != before[:2] and package != LAUNCHER_PKG and activity:
            ms = 150 + sum(map(ord, activity)) % 400
            self.log.write("I", "ActivityTaskManager",
                           f"Displayed {package}/{short_activity(package, activity)} for user 0: +{ms}ms",
                           pid=SYSTEM_SERVER_PID, tid=SYSTEM_SERVER_PID + 31, buffer="system")
        if wifi != before[2]:
            self.log.write("I", "WifiService",
                           f"setWifiEnabled package=com.android.shell uid=2000 enable={str(wifi).lower()}",
                           pid=SYSTEM_SERVER_PID, tid=SYSTEM_SERVER_PID + 44)

    def _save_photo(self, path: str) -> None:
        self.fs.write(path, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9")

    # ------------------------------------------------------------------ services
    def _service(self, name: str):
        if name.startswith("shell") or name.startswith("exec:"):
            head, sep, command = name.partition(":")
            if not sep:
                return None
            options = head.split(",")[1:]
            if head.split(",")[0] not in ("shell", "exec"):
                return None
            v2 = "v2" in options
            # mksh prompts only on a terminal: adbd gives an empty command a pty unless "raw".
            prompt = "raw" not in options and not name.startswith("exec:")
            return lambda stream: self._serve_shell(stream, command, v2, prompt)
        if name == "sync:":
            return lambda stream: serve_sync(stream, self.fs)
        if name == "framebuffer:":
            return lambda stream: serve_framebuffer(stream, self._screencap_raw)
        if name.startswith("reverse:"):
            command = name[len("reverse:"):]
            return lambda stream: stream.write(self.reverses.handle(command, stream.transport.name))
        if name in ("root:", "unroot:", "remount:"):
            # A retail Pixel: adbd stays unprivileged, and says so the way adbd does.
            message = {"root:": b"adbd cannot run as root in production builds\n",
                       "unroot:": b"adbd not running as root\n",
                       "remount:": b"remount failed: Permission denied\n"}[name]
            return lambda stream: stream.write(message)
        return None

    def _execute(self, command: str, shell: Shell | None = None) -> IO:
        self.commands.append(command)
        io = IO()
        with self._exec_lock:
            if shell is None:
                shell = self._new_shell()
            st = self.ui.state
            before = (st.foreground, st.activity, st.wifi)
            io.status = shell.run(command, io)
            self._log_changes(before)
        return io

    def _new_shell(self) -> Shell:
        holder: list[Shell] = []
        commands = builtin_commands(lambda: holder[0], self.fs)
        commands.update(self.android.table())
        commands.update(log_commands(self.log))  # replaces android's logcat stub
        commands.update(network_commands(lambda: self.ui.state.wifi))
        shell = Shell(self.fs, commands)
        holder.append(shell)
        return shell

    def _serve_shell(self, stream: Stream, command: str, v2: bool, with_prompt: bool = True) -> None:
        if command.strip():
            io = self._execute(command)
            trigger = self.faults.disconnect_after
            if trigger and trigger in command:
                self.faults.disconnect_after = None
                self.disconnect()
                return
            self._emit(stream, io, v2)
            if io.follow is not None:
                # Keeps writing until the host closes the stream (then the write or the check
                # ends it), outside the command lock so other commands (`log`) still run.
                io.follow(lambda data: self._write(stream, 1, data, v2),
                          lambda: stream.closed or not stream.transport.alive)
                if stream.closed:
                    return
            if v2:
                stream.write(b"\x03" + struct.pack("<I", 1) + bytes([io.status & 0xFF]))
            return
        # Interactive shell: run each line as it arrives; prompt like Android's mksh.
        shell = self._new_shell()
        prompt = b"panther:/ $ " if with_prompt else b""
        self._write(stream, 1, prompt, v2)
        pending = b""
        status, eof = 0, False
        while not eof:
            data = stream.read_some()
            if not data:
                return
            if v2:
                data, eof = self._v2_stdin(data)
            pending += data
            if eof and pending and not pending.endswith(b"\n"):
                pending += b"\n"  # sh runs an unterminated last line at end of input
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                io = self._execute(line.decode("utf-8", "replace"), shell)
                status = io.status
                self._emit(stream, io, v2)
                if shell.env.get("__exit__"):
                    eof = True
                    break
                self._write(stream, 1, prompt, v2)
        if v2:
            stream.write(b"\x03" + struct.pack("<I", 1) + bytes([status & 0xFF]))

    @staticmethod
    def _v2_stdin(data: bytes) -> tuple[bytes, bool]:
        # Host->device v2 packets: 0 = stdin, 4 = close stdin (EOF), 5 = window size; keep stdin.
        # (Packets may straddle WRTEs; interactive use is rare, so a best-effort parse is enough.)
        out = bytearray()
        eof = False
        i = 0
        while i + 5 <= len(data):
            kind, length = data[i], struct.unpack("<I", data[i + 1 : i + 5])[0]
            if kind == 0:
                out += data[i + 5 : i + 5 + length]
            elif kind == 4:
                eof = True
            i += 5 + length
        return bytes(out), eof

    def _emit(self, stream: Stream, io: IO, v2: bool) -> None:
        if not v2:
            stream.write(b"".join(d for _, d in io.events))
            return
        for fd, data in io.events:
            self._write(stream, fd, data, True)

    @staticmethod
    def _write(stream: Stream, fd: int, data: bytes, v2: bool) -> None:
        if not data:
            return
        if v2:
            stream.write(bytes([fd]) + struct.pack("<I", len(data)) + data)
        else:
            stream.write(data)


# ---------------------------------------------------------------------- host-side helpers
def _adb(*args: str, timeout: float = 20.0) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["adb", *args], capture_output=True, text=True, timeout=timeout, check=False)
    except FileNotFoundError as exc:
        raise VirtualPhoneError("the `adb` program is not installed (Debian/Ubuntu: apt install adb)") from exc
    except subprocess.TimeoutExpired as exc:
        raise VirtualPhoneError(f"`adb {' '.join(args)}` did not finish in {timeout:.0f}s") from exc


def adb_connect(serial: str, *, timeout: float = 10.0) -> None:
    """`adb connect SERIAL` through the real adb server, then wait until it reports `device`."""
    deadline = time.monotonic() + timeout
    last = ""
    while True:
        out = _adb("connect", serial)
        last = (out.stdout + out.stderr).strip()
        if "connected to" in last and "failed" not in last and "cannot" not in last:
            break
        if time.monotonic() > deadline:
            raise VirtualPhoneError(f"adb could not connect to {serial}: {last}")
        time.sleep(0.2)
    while True:
        state = _adb("-s", serial, "get-state", timeout=5).stdout.strip()
        if state == "device":
            return
        if time.monotonic() > deadline:
            raise VirtualPhoneError(f"adb connected to {serial} but it stays '{state or 'offline'}'")
        time.sleep(0.1)


def adb_disconnect(serial: str) -> None:
    """Forget the device in the adb server (best effort: a gone device is already forgotten)."""
    _adb("disconnect", serial)


__all__ = ["VirtualPhone", "VirtualPhoneError", "Faults", "adb_connect", "adb_disconnect"]
