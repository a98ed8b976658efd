"""A small POSIX-ish shell for the virtual phone (what `adb shell CMD` reaches).

Parsing follows sh rules closely enough for what adb clients send: single quotes are literal,
double quotes allow `\\$ \\" \\\\ \\``, a backslash outside quotes escapes the next character,
`$?`, `$VAR` and `${VAR}` expand (without word splitting), `#` starts a comment at a word
boundary. Operators: `;`, newline, `&&`, `||`, `|` (pipes pass stdout on), `&` (run, no job
control), redirections `>`, `>>`, `<`, `2>`, `2>>`, `2>&1`, `>&2`. adbutils joins list
arguments with `shlex.quote`, which this parser undoes exactly (spaces, quotes, unicode, `%s`).

Exit codes and messages copy toybox/mksh on Android: an unknown command prints
`/system/bin/sh: X: inaccessible or not found` and exits 127.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tools.virtual_phone.fs import FsError, VirtualFS


class ShellSyntaxError(Exception):
    pass


# ----------------------------------------------------------------------------- tokens
@dataclass
class Word:
    parts: list[tuple[str, str]] = field(default_factory=list)  # ("lit", text) | ("var", name)

    def add(self, kind: str, text: str) -> None:
        if kind == "lit" and self.parts and self.parts[-1][0] == "lit":
            self.parts[-1] = ("lit", self.parts[-1][1] + text)
        else:
            self.parts.append((kind, text))


@dataclass
class Op:
    text: str


_OPS = ["2>>", "2>&1", ">&2", "1>&2", "2>", "1>>", "1>", "&&", "||", ">>", ";", "|", "&", ">", "<", "\n"]
_VAR = re.compile(r"\?|[A-Za-z_][A-Za-z0-9_]*|[0-9#$!]")


def tokenize(src: str) -> list[Word | Op]:
    tokens: list[Word | Op] = []
    word: Word | None = None
    i, n = 0, len(src)

    def flush() -> None:
        nonlocal word
        if word is not None:
            tokens.append(word)
            word = None

    def var_at(j: int) -> tuple[str, int] | None:
        # src[j] == "$"; returns (name, next index)
        if j + 1 < n and src[j + 1] == "{":
            end = src.find("}", j + 2)
            if end == -1:
                raise ShellSyntaxError("bad substitution")
            return src[j + 2 : end], end + 1
        m = _VAR.match(src, j + 1)
        if m:
            return m.group(0), m.end()
        return None

    while i < n:
        c = src[i]
        if word is None:
            if c in " \t":
                i += 1
                continue
            if c == "#":
                while i < n and src[i] != "\n":
                    i += 1
                continue
            # "2>" and "1>" count as operators only at a word start, which is how sh reads them.
            for op in _OPS:
                if src.startswith(op, i):
                    tokens.append(Op(op))
                    i += len(op)
                    break
            else:
                word = Word()
                continue
            continue
        # inside a word
        if c in " \t":
            flush()
            i += 1
        elif c in ";|&<>\n":
            flush()
        elif c == "'":
            end = src.find("'", i + 1)
            if end == -1:
                raise ShellSyntaxError("unterminated quoted string")
            word.add("lit", src[i + 1 : end])
            i = end + 1
        elif c == '"':
            i += 1
            buf = ""
            while True:
                if i >= n:
                    raise ShellSyntaxError("unterminated quoted string")
                d = src[i]
                if d == '"':
                    i += 1
                    break
                if d == "\\" and i + 1 < n and src[i + 1] in '$`"\\\n':
                    if src[i + 1] != "\n":
                        buf += src[i + 1]
                    i += 2
                elif d == "$" and (v := var_at(i)):
                    word.add("lit", buf)
                    buf = ""
                    word.add("var", v[0])
                    i = v[1]
                else:
                    buf += d
                    i += 1
            word.add("lit", buf)
        elif c == "\\":
            if i + 1 < n:
                if src[i + 1] != "\n":
                    word.add("lit", src[i + 1])
                i += 2
            else:
                i += 1
        elif c == "$" and (v := var_at(i)):
            word.add("var", v[0])
            i = v[1]
        else:
            j = i
            while j < n and src[j] not in " \t;|&<>\n'\"\\$":
                j += 1
            if j == i:  # a lone "$"
                j = i + 1
            word.add("lit", src[i:j])
            i = j
    flush()
    return tokens


@dataclass
class Command:
    words: list[Word]
    redirs: list[tuple[str, Word | None]]


@dataclass
class Pipeline:
    commands: list[Command]


def parse(src: str) -> list[tuple[str, Pipeline]]:
    """-> [(connector, pipeline)], connector of the first is ";"."""
    tokens = tokenize(src)
    result: list[tuple[str, Pipeline]] = []
    connector = ";"
    pipeline = Pipeline([])
    cmd = Command([], [])
    i = 0

    def end_command() -> None:
        nonlocal cmd
        if cmd.words or cmd.redirs:
            pipeline.commands.append(cmd)
        elif pipeline.commands:
            raise ShellSyntaxError("syntax error: unexpected '|'")
        cmd = Command([], [])

    while i < len(tokens):
        tok = tokens[i]
        if isinstance(tok, Word):
            cmd.words.append(tok)
        elif tok.text in (">", ">>", "<", "2>", "2>>", "1>", "1>>"):
            if i + 1 >= len(tokens) or not isinstance(tokens[i + 1], Word):
                raise ShellSyntaxError(f"syntax error: unexpected '{tok.text}'")
            cmd.redirs.append((tok.text.lstrip("1"), tokens[i + 1]))
            i += 1
        elif tok.text in ("2>&1", ">&2", "1>&2"):
            cmd.redirs.append((tok.text.replace("1>&2", ">&2"), None))
        elif tok.text == "|":
            if not cmd.words:
                raise ShellSyntaxError("syntax error: unexpected '|'")
            end_command()
        else:  # ; & && || newline
            if tok.text in ("&&", "||") and not cmd.words and not pipeline.commands:
                raise ShellSyntaxError(f"syntax error: unexpected '{tok.text}'")
            end_command()
            if pipeline.commands:
                result.append((connector, pipeline))
            pipeline = Pipeline([])
            connector = tok.text if tok.text in ("&&", "||") else ";"
        i += 1
    end_command()
    if pipeline.commands:
        result.append((connector, pipeline))
    elif connector in ("&&", "||"):
        raise ShellSyntaxError("syntax error: unexpected end of file")
    return result


# ----------------------------------------------------------------------------- execution
class IO:
    """Collects output as ordered (fd, bytes) events so shell v1 can interleave and v2 can frame.

    A command that keeps running (``logcat`` without -d) writes what it has now, then sets
    `follow`: the service calls ``follow(write, closed)`` after the command returned, outside the
    phone's command lock, and it keeps writing until ``closed()`` (the host hung up). The shell
    runs nothing after such a command, as sh would not until it ends. Its output followed only
    when it reaches the host directly: piped or redirected, it stops after what it has now.
    """

    def __init__(self, stdin: bytes = b"") -> None:
        self.stdin = stdin
        self.events: list[tuple[int, bytes]] = []
        self.status = 0
        self.follow: Follow | None = None

    def out(self, data: str | bytes) -> None:
        self.events.append((1, data.encode() if isinstance(data, str) else data))

    def err(self, data: str | bytes) -> None:
        self.events.append((2, data.encode() if isinstance(data, str) else data))

    def stdout_bytes(self) -> bytes:
        return b"".join(d for fd, d in self.events if fd == 1)


CommandFn = Callable[[list[str], IO], int]
Follow = Callable[[Callable[[bytes], None], Callable[[], bool]], None]


class Shell:
    def __init__(self, fs: VirtualFS, commands: dict[str, CommandFn], env: dict[str, str] | None = None) -> None:
        self.fs = fs
        self.commands = commands
        self.env = {"PATH": "/product/bin:/apex/com.android.runtime/bin:/system/bin:/system/xbin:/vendor/bin",
                    "HOME": "/", "USER": "shell", "HOSTNAME": "localhost", "ANDROID_DATA": "/data",
                    "EXTERNAL_STORAGE": "/sdcard", "$": "4242", "0": "/system/bin/sh"}
        self.env.update(env or {})
        self.status = 0
        self.cwd = "/"

    def expand(self, word: Word) -> str:
        out = []
        for kind, text in word.parts:
            if kind == "lit":
                out.append(text)
            elif text == "?":
                out.append(str(self.status))
            else:
                out.append(self.env.get(text, ""))
        return "".join(out)

    def run(self, src: str, io: IO) -> int:
        try:
            program = parse(src)
        except ShellSyntaxError as exc:
            io.err(f"/system/bin/sh: {exc}\n")
            self.status = 2
            return 2
        for connector, pipeline in program:
            if connector == "&&" and self.status != 0:
                continue
            if connector == "||" and self.status == 0:
                continue
            self.status = self._run_pipeline(pipeline, io)
            if self.env.get("__exit__") or io.follow is not None:
                break
        return self.status

    def _run_pipeline(self, pipeline: Pipeline, io: IO) -> int:
        stdin = io.stdin
        status = 0
        for i, cmd in enumerate(pipeline.commands):
            last = i == len(pipeline.commands) - 1
            sub = IO(stdin)
            status = self._run_command(cmd, sub)
            if last:
                io.events.extend(sub.events)
                io.follow = sub.follow
            else:
                io.events.extend(e for e in sub.events if e[0] == 2)
                stdin = sub.stdout_bytes()
        return status

    def _run_command(self, cmd: Command, io: IO) -> int:
        argv = [self.expand(w) for w in cmd.words]
        # leading VAR=value assignments
        while argv and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", argv[0]):
            key, _, value = argv.pop(0).partition("=")
            self.env[key] = value
        inner = IO(io.stdin)
        out_target: tuple[str, bool] | None = None
        err_target: tuple[str, bool] | None = None
        err_to_out = out_to_err = False
        for op, target in cmd.redirs:
            path = self.expand(target) if target is not None else ""
            try:
                if op == "<":
                    inner.stdin = self.fs.read(path)
                elif op in (">", ">>"):
                    out_target = (path, op == ">>")
                    self.fs.write(path, b"", append=True)
                elif op in ("2>", "2>>"):
                    err_target = (path, op == "2>>")
                    self.fs.write(path, b"", append=True)
                elif op == "2>&1":
                    err_to_out = True
                elif op == ">&2":
                    out_to_err = True
            except FsError as exc:
                io.err(f"/system/bin/sh: {path}: {exc}\n")
                return 1
        if not argv:
            return 0
        status = self._dispatch(argv, inner)
        out_buf, err_buf = bytearray(), bytearray()
        for fd, data in inner.events:
            if fd == 2 and err_to_out:
                fd = 1
            elif fd == 1 and out_to_err:
                fd = 2
            if fd == 1 and out_target:
                out_buf += data
            elif fd == 2 and err_target:
                err_buf += data
            else:
                io.events.append((fd, data))
        if out_target is None and not out_to_err:
            io.follow = inner.follow
        for target, buf in ((out_target, out_buf), (err_target, err_buf)):
            if target:
                path, append = target
                if not append:
                    self.fs.write(path, bytes(buf))
                else:
                    self.fs.write(path, bytes(buf), append=True)
        return status

    def _dispatch(self, argv: list[str], io: IO) -> int:
        name = argv[0]
        fn = self.commands.get(name.rsplit("/", 1)[-1] if name.startswith("/system/bin/") else name)
        if fn is None:
            io.err(f"/system/bin/sh: {name}: inaccessible or not found\n")
            return 127
        try:
            return fn(argv, io)
        except UsageError as exc:
            io.err(str(exc).rstrip("\n") + "\n")
            return exc.code


class UsageError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


# ----------------------------------------------------------------------------- posix builtins
def builtin_commands(shell_ref: Callable[[], Shell], fs: VirtualFS) -> dict[str, CommandFn]:
    def echo(argv: list[str], io: IO) -> int:
        args = argv[1:]
        newline, escapes = True, False
        while args and re.fullmatch(r"-[neE]+", args[0]):
            newline = newline and "n" not in args[0]
            escapes = "e" in args[0]
            args = args[1:]
        text = " ".join(args)
        if escapes:
            text = text.encode().decode("unicode_escape")
        io.out(text + ("\n" if newline else ""))
        return 0

    def cat(argv: list[str], io: IO) -> int:
        files = [a for a in argv[1:] if a != "-"] if len(argv) > 1 else []
        if not files:
            io.out(io.stdin)
            return 0
        status = 0
        for path in files:
            try:
                io.out(fs.read(path))
            except FsError as exc:
                io.err(f"cat: {path}: {exc}\n")
                status = 1
        return status

    def rm(argv: list[str], io: IO) -> int:
        force = recursive = False
        paths = []
        for a in argv[1:]:
            if a.startswith("-") and len(a) > 1:
                force |= "f" in a
                recursive |= "r" in a or "R" in a
            else:
                paths.append(a)
        status = 0
        for path in paths:
            try:
                fs.remove(path, recursive=recursive)
            except FsError as exc:
                if force and "No such file" in str(exc):
                    continue
                io.err(f"rm: {path}: {exc}\n")
                status = 1
        return status

    def ls(argv: list[str], io: IO) -> int:
        long = any(a.startswith("-") and "l" in a for a in argv[1:])
        paths = [a for a in argv[1:] if not a.startswith("-")] or [shell_ref().cwd]
        status = 0
        for path in paths:
            try:
                items = fs.listdir(path)
            except FsError as exc:
                io.err(f"ls: {path}: {exc}\n")
                status = 1
                continue
            for name, entry in items:
                if long:
                    kind = "d" if entry.is_dir else "-"
                    io.out(f"{kind}rw-rw---- 1 shell shell {len(entry.data):>8} 2026-01-01 00:00 {name}\n")
                else:
                    io.out(name + "\n")
        return status

    def mkdir(argv: list[str], io: IO) -> int:
        parents = "-p" in argv
        status = 0
        for path in (a for a in argv[1:] if not a.startswith("-")):
            try:
                fs.mkdir(path, parents=parents)
            except FsError as exc:
                io.err(f"mkdir: '{path}': {exc}\n")
                status = 1
        return status

    def touch(argv: list[str], io: IO) -> int:
        for path in (a for a in argv[1:] if not a.startswith("-")):
            try:
                fs.write(path, b"", append=True)
            except FsError as exc:
                io.err(f"touch: '{path}': {exc}\n")
                return 1
        return 0

    def exit_(argv: list[str], io: IO) -> int:
        shell_ref().env["__exit__"] = "1"
        return int(argv[1]) if len(argv) > 1 and argv[1].isdigit() else shell_ref().status

    def export(argv: list[str], io: IO) -> int:
        for arg in argv[1:]:
            key, sep, value = arg.partition("=")
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
                io.err(f"/system/bin/sh: export: {arg}: is not an identifier\n")
                return 1
            if sep:
                shell_ref().env[key] = value
        return 0

    def exec_(argv: list[str], io: IO) -> int:
        # `exec CMD` replaces the shell: CMD runs, and nothing after it (adb's `adb logcat` sends
        # "export ANDROID_LOG_TAGS=... ; exec logcat ...").
        if len(argv) < 2:
            return 0
        shell_ref().env["__exit__"] = "1"
        return shell_ref()._dispatch(argv[1:], io)

    def grep(argv: list[str], io: IO) -> int:
        flags = set()
        patterns: list[str] = []
        files: list[str] = []
        args = argv[1:]
        i = 0
        while i < len(args):
            a = args[i]
            if a == "-e" and i + 1 < len(args):
                patterns.append(args[i + 1])
                i += 2
                continue
            if a.startswith("-") and len(a) > 1 and not patterns and not files:
                flags.update(a[1:])
            elif not patterns:
                patterns.append(a)
            else:
                files.append(a)
            i += 1
        if not patterns:
            raise UsageError("usage: grep [-EFivco] PATTERN [FILE...]", 2)
        re_flags = re.IGNORECASE if "i" in flags else 0
        regs = [re.compile(re.escape(p) if "F" in flags else p, re_flags) for p in patterns]
        data = io.stdin if not files else b"".join(fs.read(f) for f in files if fs.stat(f))
        count = 0
        for line in data.decode("utf-8", "replace").splitlines():
            matches = [m for r in regs for m in r.finditer(line)]
            hit = bool(matches) != ("v" in flags)
            if hit:
                count += 1
                if "c" in flags or "q" in flags:
                    continue
                if "o" in flags and "v" not in flags:
                    for m in matches:
                        io.out(m.group(0) + "\n")
                else:
                    io.out(line + "\n")
        if "c" in flags:
            io.out(f"{count}\n")
        return 0 if count else 1

    def head_tail(argv: list[str], io: IO) -> int:
        n = 10
        args = argv[1:]
        if args and args[0] == "-n" and len(args) > 1:
            n, args = int(args[1]), args[2:]
        elif args and re.fullmatch(r"-\d+", args[0]):
            n, args = int(args[0][1:]), args[1:]
        data = fs.read(args[0]) if args else io.stdin
        lines = data.decode("utf-8", "replace").splitlines(keepends=True)
        io.out("".join(lines[:n] if argv[0] == "head" else lines[-n:] if n else []))
        return 0

    def wc(argv: list[str], io: IO) -> int:
        text = io.stdin.decode("utf-8", "replace")
        if "-l" in argv:
            io.out(f"{text.count(chr(10))}\n")
        else:
            io.out(f"{text.count(chr(10))} {len(text.split())} {len(io.stdin)}\n")
        return 0

    def sleep(argv: list[str], io: IO) -> int:
        import time
        try:
            time.sleep(min(float(argv[1]), 5.0))  # capped: a virtual phone never needs to wait long
        except (IndexError, ValueError):
            raise UsageError("usage: sleep DURATION")
        return 0

    def simple(text: str, code: int = 0) -> CommandFn:
        def fn(argv: list[str], io: IO) -> int:
            if text:
                io.out(text)
            return code
        return fn

    def which(argv: list[str], io: IO) -> int:
        status = 0
        for name in argv[1:]:
            if name in shell_ref().commands:
                io.out(f"/system/bin/{name}\n")
            else:
                status = 1
        return status

    def cd(argv: list[str], io: IO) -> int:
        from tools.virtual_phone.fs import normalize
        target = normalize(argv[1] if len(argv) > 1 else "/", shell_ref().cwd)
        entry = fs.stat(target)
        if entry is None or not entry.is_dir:
            io.err(f"/system/bin/sh: cd: {target}: No such file or directory\n")
            return 2
        shell_ref().cwd = target
        return 0

    def date(argv: list[str], io: IO) -> int:
        import time
        if len(argv) > 1 and argv[1] == "+%s":
            io.out(f"{int(time.time())}\n")
        else:
            io.out(time.strftime("%a %b %d %H:%M:%S UTC %Y\n", time.gmtime()))
        return 0

    return {
        "echo": echo, "cat": cat, "rm": rm, "ls": ls, "mkdir": mkdir, "touch": touch, "exit": exit_,
        "grep": grep, "head": head_tail, "tail": head_tail, "wc": wc, "sleep": sleep, "which": which,
        "cd": cd, "date": date, "export": export, "exec": exec_,
        "true": simple(""), "false": simple("", 1), ":": simple(""),
        "id": simple("uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),"
                     "1015(sdcard_rw),1028(sdcard_r),3001(net_bt_admin),3002(net_bt),3003(inet) "
                     "context=u:r:shell:s0\n"),
        "whoami": simple("shell\n"), "pwd": lambda argv, io: (io.out(shell_ref().cwd + "\n"), 0)[1],
        "uname": lambda argv, io: (io.out("Linux\n" if len(argv) == 1 else
                                          "Linux localhost 5.15.137-android14 #1 SMP PREEMPT aarch64 Toybox\n"), 0)[1],
    }
