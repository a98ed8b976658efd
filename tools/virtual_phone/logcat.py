"""The phone's log: a ring buffer, toybox ``log`` that writes to it, and ``logcat`` that reads it.

``logcat`` streams like on a phone: it prints what the buffer holds, then keeps the adb stream
open and prints each new entry until the host hangs up (`IO.follow`); ``-d`` dumps and exits,
``-t N`` dumps the last N, ``-T N`` prints the last N and follows, ``-c``/``--clear`` empties it,
``-m N`` stops after N lines. Output formats (``-v``) copy liblog's logprint: threadtime (the
default), time, brief, tag, process, thread, raw, long; modifiers year, usec, epoch, UTC and
color are accepted (the phone's clock is UTC, as `date` says). Filter specs ``TAG:P`` and
``*:S`` / ``-s`` work as in logcat; ``-e REGEX`` and ``--pid=N`` narrow further.

A phone's log is never quiet: system_server writes something every second or so. The buffer
adds such a line whenever a second has passed since the last one (done lazily on each read or
write, so no thread runs). Readers that wait for "one more line" (adbutils' logcat stop) end
as they do on a phone; tests look for their own tag and ignore the rest.
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from tools.virtual_phone.shell import IO, CommandFn, UsageError

PRIORITIES = "VDIWEFS"          # logcat letters, ANDROID_LOG_VERBOSE (2) .. SILENT (8)
SYSTEM_SERVER_PID = 1534
MAX_ENTRIES = 4096              # about what a 256 KiB main buffer holds
MAX_MESSAGE = 1024              # toybox log cuts longer messages
CHATTER_PERIOD_S = 1.0


@dataclass(frozen=True)
class LogEntry:
    seq: int
    time: float
    pid: int
    tid: int
    priority: str   # one of PRIORITIES[:-1]
    tag: str
    message: str
    buffer: str = "main"


class LogBuffer:
    """Thread-safe log ring buffer shared by every shell on the phone."""

    def __init__(self, *, clock: Callable[[], float] = time.time,
                 chatter: Callable[[int], tuple[str, str, str]] | None = None) -> None:
        """chatter(n) -> (priority, tag, message): the n-th idle line system_server logs."""
        self._clock = clock
        self._chatter = chatter
        self._cond = threading.Condition()
        self._entries: list[LogEntry] = []
        self._first_seq = 1   # seq of _entries[0]
        self._next_seq = 1
        self._next_pid = 20417
        self._chatter_n = 0
        self._last_activity = clock()

    def new_pid(self) -> int:
        with self._cond:
            self._next_pid += 3  # a few short-lived processes start between two of ours
            return self._next_pid

    def write(self, priority: str, tag: str, message: str, *, pid: int, tid: int | None = None,
              buffer: str = "main") -> LogEntry:
        with self._cond:
            entry = self._append(priority, tag, message, pid, tid or pid, buffer)
            self._cond.notify_all()
            return entry

    def _append(self, priority: str, tag: str, message: str, pid: int, tid: int, buffer: str) -> LogEntry:
        now = self._clock()
        entry = LogEntry(self._next_seq, now, pid, tid, priority, tag, message, buffer)
        self._next_seq += 1
        self._entries.append(entry)
        self._last_activity = now
        if len(self._entries) > MAX_ENTRIES:  # drop the oldest quarter at once, like a ring wrapping
            drop = MAX_ENTRIES // 4
            del self._entries[:drop]
            self._first_seq += drop
        return entry

    def _tick(self) -> None:
        """Add one system_server line if the log has been quiet for a chatter period."""
        if self._chatter is None or self._clock() - self._last_activity < CHATTER_PERIOD_S:
            return
        priority, tag, message = self._chatter(self._chatter_n)
        self._chatter_n += 1
        self._append(priority, tag, message, SYSTEM_SERVER_PID, SYSTEM_SERVER_PID + 17, "system")
        self._cond.notify_all()

    def clear(self) -> None:
        with self._cond:
            self._first_seq = self._next_seq
            self._entries.clear()

    def snapshot(self) -> tuple[list[LogEntry], int]:
        """(every entry left, the seq to follow on from), read at one instant."""
        with self._cond:
            self._tick()
            return list(self._entries), self._next_seq - 1

    def wait_after(self, seq: int, timeout: float) -> list[LogEntry]:
        """Entries newer than seq, waiting up to timeout seconds for one to come."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                self._tick()
                new = self._entries[max(0, seq + 1 - self._first_seq):]
                left = deadline - time.monotonic()
                if new or left <= 0:
                    return new
                self._cond.wait(min(left, CHATTER_PERIOD_S / 4))


# ----------------------------------------------------------------------------- formatting
_FORMATS = ("threadtime", "time", "brief", "tag", "process", "thread", "raw", "long")
_MODIFIERS = ("year", "usec", "epoch", "UTC", "color", "printable", "uid", "zone", "monotonic", "nsec")


@dataclass
class Format:
    kind: str = "threadtime"
    year: bool = False
    usec: bool = False
    epoch: bool = False

    def stamp(self, t: float) -> str:
        if self.epoch:
            whole = f"{int(t):>5}"
        else:
            whole = time.strftime("%Y-%m-%d %H:%M:%S" if self.year else "%m-%d %H:%M:%S", time.gmtime(t))
        frac = f"{int((t % 1) * 1_000_000):06d}" if self.usec else f"{int((t % 1) * 1000):03d}"
        return f"{whole}.{frac}"

    def render(self, e: LogEntry) -> str:
        if self.kind == "long":
            return f"[ {self.stamp(e.time)} {e.pid:>5}:{e.tid:>5} {e.priority}/{e.tag:<8} ]\n{e.message}\n\n"
        out = []
        for line in e.message.split("\n"):  # liblog prints one prefixed line per message line
            if self.kind == "threadtime":
                out.append(f"{self.stamp(e.time)} {e.pid:>5} {e.tid:>5} {e.priority} {e.tag:<8}: {line}\n")
            elif self.kind == "time":
                out.append(f"{self.stamp(e.time)} {e.priority}/{e.tag:<8}({e.pid:>5}): {line}\n")
            elif self.kind == "brief":
                out.append(f"{e.priority}/{e.tag:<8}({e.pid:>5}): {line}\n")
            elif self.kind == "tag":
                out.append(f"{e.priority}/{e.tag:<8}: {line}\n")
            elif self.kind == "process":
                out.append(f"{e.priority}({e.pid:>5}) {line}  ({e.tag})\n")
            elif self.kind == "thread":
                out.append(f"{e.priority}({e.pid:>5}:{e.tid:>5}) {line}\n")
            else:  # raw
                out.append(f"{line}\n")
        return "".join(out)


@dataclass
class Query:
    """One logcat invocation's options."""

    fmt: Format
    dump: bool = False
    clear: bool = False
    tail: int | None = None       # -t / -T: start from the last N entries
    max_count: int | None = None  # -m
    regex: re.Pattern[str] | None = None
    pid: int | None = None
    buffers: tuple[str, ...] = ("main", "system", "crash")
    default_level: str = "V"
    tag_levels: dict[str, str] | None = None

    def shows(self, e: LogEntry) -> bool:
        if e.buffer not in self.buffers or (self.pid is not None and e.pid != self.pid):
            return False
        level = (self.tag_levels or {}).get(e.tag, self.default_level)
        if level == "S" or PRIORITIES.index(e.priority) < PRIORITIES.index(level):
            return False
        return self.regex is None or self.regex.search(e.message) is not None


def parse_logcat(args: list[str]) -> Query:
    q = Query(Format())
    kinds: list[str] = []
    specs: list[str] = []
    i = 0

    def value() -> str:
        nonlocal i
        if i + 1 >= len(args):
            raise UsageError(f"logcat: option requires an argument -- '{args[i].lstrip('-')[:1]}'", 1)
        i += 1
        return args[i]

    while i < len(args):
        a = args[i]
        if a in ("-d",):
            q.dump = True
        elif a in ("-c", "--clear"):
            q.clear = True
        elif a == "-s":
            q.default_level = "S"
        elif a == "-v" or a.startswith("--format="):
            kinds.append(value() if a == "-v" else a.split("=", 1)[1])
        elif a.startswith("-v") and len(a) > 2:
            kinds.append(a[2:])
        elif a in ("-t", "-T"):
            n = value()
            if not n.isdigit():
                raise UsageError(f"logcat: -{a[1]} \"{n}\" not a number or a time", 1)
            q.tail = int(n)
            q.dump = q.dump or a == "-t"
        elif a == "-m" or a.startswith("--max-count="):
            n = value() if a == "-m" else a.split("=", 1)[1]
            if not n.isdigit():
                raise UsageError(f"logcat: -m \"{n}\" isn't an integer greater than zero", 1)
            q.max_count = int(n)
        elif a == "-e" or a.startswith("--regex="):
            pattern = value() if a == "-e" else a.split("=", 1)[1]
            try:
                q.regex = re.compile(pattern)
            except re.error as exc:
                raise UsageError(f"logcat: invalid regex '{pattern}': {exc}", 1) from exc
        elif a == "--pid" or a.startswith("--pid="):
            n = value() if a == "--pid" else a.split("=", 1)[1]
            if not n.isdigit():
                raise UsageError(f"logcat: --pid \"{n}\" isn't a number", 1)
            q.pid = int(n)
        elif a == "-b" or (a.startswith("-b") and len(a) > 2) or a.startswith("--buffer="):
            names = value() if a == "-b" else a[2:] if a.startswith("-b") else a.split("=", 1)[1]
            chosen: list[str] = []
            for name in names.split(","):
                if name in ("all", "default"):
                    chosen += ["main", "system", "crash"]
                elif name in ("main", "system", "crash", "radio", "events", "kernel", "security", "stats"):
                    chosen.append(name)
                else:
                    raise UsageError(f"logcat: unknown buffer '{name}'", 1)
            q.buffers = tuple(chosen)
        elif a.startswith("-"):
            raise UsageError(f"logcat: invalid option -- '{a.lstrip('-')}'\n"
                             "usage: logcat [options] [filterspecs]", 1)
        else:
            specs.append(a)
        i += 1
    for kind in kinds:
        if kind in _FORMATS:
            q.fmt.kind = kind
        elif kind in ("year", "usec", "epoch"):
            setattr(q.fmt, kind, True)
        elif kind not in _MODIFIERS:  # the rest change nothing on a UTC phone without colour
            raise UsageError(f"logcat: unknown output format '{kind}'", 1)
    levels: dict[str, str] = {}
    for spec in specs:
        tag, _, level = spec.partition(":")
        level = (level or "V").upper()
        if level == "*":
            level = "V"
        if level not in PRIORITIES:
            raise UsageError(f"logcat: Invalid filter expression '{spec}'", 1)
        if tag == "*":
            q.default_level = level
        else:
            levels[tag] = level
    q.tag_levels = levels
    return q


# ----------------------------------------------------------------------------- commands
def log_commands(buffer: LogBuffer) -> dict[str, CommandFn]:
    def log(argv: list[str], io: IO) -> int:
        args = argv[1:]
        priority, tag = "I", "log"
        while args and (args[0] in ("-p", "-t") or re.fullmatch(r"-[pt].+", args[0])):
            opt = args.pop(0)
            val = opt[2:] if len(opt) > 2 else (args.pop(0) if args else None)
            if val is None:
                io.err(f"log: Missing argument to -{opt[1]}\n")
                return 1
            if opt[1] == "p":
                idx = "vdiwef".find(val[:1].lower()) if val else -1
                if idx < 0:
                    io.err(f"log: bad -p '{val}'\n")
                    return 1
                priority = PRIORITIES[idx]
            else:
                tag = val
        if args and args[0] == "--":
            args = args[1:]
        pid = buffer.new_pid()
        messages = [" ".join(args)] if args else io.stdin.decode("utf-8", "replace").splitlines()
        for message in messages:
            if len(message.encode()) >= MAX_MESSAGE:
                message = message.encode()[:MAX_MESSAGE].decode("utf-8", "ignore")
                io.err("log: log cut at 1024 bytes\n")
            buffer.write(priority, tag, message, pid=pid)
        return 0

    def logcat(argv: list[str], io: IO) -> int:
        q = parse_logcat(argv[1:])
        if q.clear:
            buffer.clear()
            return 0
        everything, start = buffer.snapshot()
        entries = [e for e in everything if q.shows(e)]
        if q.tail is not None:
            entries = entries[-q.tail:] if q.tail else []
        seen_buffers: set[str] = set()
        printed = 0

        def render(e: LogEntry) -> str:
            head = ""
            if e.buffer not in seen_buffers:
                seen_buffers.add(e.buffer)
                head = f"--------- beginning of {e.buffer}\n"
            return head + q.fmt.render(e)

        for e in entries:
            if q.max_count is not None and printed >= q.max_count:
                return 0
            io.out(render(e))
            printed += 1
        if q.dump or (q.max_count is not None and printed >= q.max_count):
            return 0

        def follow(write: Callable[[bytes], None], closed: Callable[[], bool]) -> None:
            nonlocal printed
            seq = start
            while not closed():
                for e in buffer.wait_after(seq, 0.5):
                    seq = e.seq
                    if not q.shows(e):
                        continue
                    write(render(e).encode())
                    printed += 1
                    if q.max_count is not None and printed >= q.max_count:
                        return

        io.follow = follow
        return 0

    return {"log": log, "logcat": logcat}


# ----------------------------------------------------------------------------- the phone's own lines
_IDLE_LINES = (
    ("D", "BatteryStatsService", "updateExternalStatsSync reason=wifi-state"),
    ("I", "ActivityManager", "Killing 7342:com.google.android.apps.turbo/u0a189 (adj 975): empty for 1803s"),
    ("D", "ConnectivityService", "requestNetwork for uid/pid:10152/3118 activeRequest: null"),
    ("I", "JobScheduler", "Job 4242 (com.google.android.gms) finished in 212ms"),
)


def idle_line(n: int) -> tuple[str, str, str]:
    """The n-th line an idle phone's system_server writes (rotating through a few real kinds)."""
    return _IDLE_LINES[n % len(_IDLE_LINES)]


BOOT_LINES = (
    ("system", "I", "SystemServer", "Entered the Android system server!"),
    ("system", "I", "ActivityManager", "System now ready"),
    ("main", "I", "WifiService", "WifiService starting up with Wi-Fi enabled"),
)
