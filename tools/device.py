"""Android device control over the real adb server (adbutils), one typed action at a time.

Rules this module keeps:
- every adb call is an argument list (`device.shell([...])`; adbutils shell-quotes each item), so
  text from a model, a note or the screen can never become shell syntax;
- every action is followed by an observation (foreground package + screen hash), so the caller
  knows whether it took effect (`ActionResult.verified`) and can catch loops;
- a dropped TCP phone is reconnected (`adb connect`) only while a command has not been sent yet:
  a command that may have run is never replayed (no double SMS), its failure is reported instead.

Unicode typing: ASCII goes through `input text` (spaces as %s). Anything else goes through the
ADBKeyboard IME (`am broadcast -a ADB_INPUT_B64 --es msg <base64>`), because stock Android has no
shell command that types Unicode; base64 keeps the payload free of quoting questions. Without
ADBKeyboard installed the action fails with a message saying how to install it.
"""
from __future__ import annotations

import base64
import difflib
import logging
import re
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from tools import actions as A
from tools.uitree import DumpError, UiElement, find_button, format_elements, parse_hierarchy, screen_hash

log = logging.getLogger(__name__)

DUMP_PATH = "/sdcard/anima_window_dump.xml"
ADB_KEYBOARD = "com.android.adbkeyboard"
SEND_WORDS = ("send", "send sms", "send message", "sms send")

# Common labels -> candidate packages (first installed one wins). Fuzzy matching over the installed
# packages covers everything else.
APP_ALIASES: dict[str, tuple[str, ...]] = {
    "camera": ("com.android.camera2", "com.android.camera", "com.google.android.GoogleCamera",
               "com.sec.android.app.camera", "org.codeaurora.snapcam"),
    "settings": ("com.android.settings",),
    "messages": ("com.google.android.apps.messaging", "com.android.messaging", "com.android.mms",
                 "com.samsung.android.messaging"),
    "phone": ("com.google.android.dialer", "com.android.dialer", "com.samsung.android.dialer"),
    "clock": ("com.google.android.deskclock", "com.android.deskclock", "com.sec.android.app.clockpackage"),
    "browser": ("com.android.chrome", "org.chromium.chrome", "com.android.browser",
                "org.mozilla.firefox", "com.sec.android.app.sbrowser"),
    "chrome": ("com.android.chrome", "org.chromium.chrome"),
    "firefox": ("org.mozilla.firefox",),
    "contacts": ("com.google.android.contacts", "com.android.contacts"),
    "calendar": ("com.google.android.calendar", "com.android.calendar"),
    "gallery": ("com.google.android.apps.photos", "com.android.gallery3d", "com.sec.android.gallery3d"),
    "photos": ("com.google.android.apps.photos", "com.android.gallery3d"),
    "maps": ("com.google.android.apps.maps",),
    "gmail": ("com.google.android.gm",),
    "email": ("com.google.android.gm", "com.android.email"),
    "youtube": ("com.google.android.youtube",),
    "play store": ("com.android.vending",),
    "calculator": ("com.google.android.calculator", "com.android.calculator2"),
    "files": ("com.google.android.apps.nbu.files", "com.android.documentsui"),
    "music": ("com.google.android.apps.youtube.music", "com.spotify.music", "com.android.music"),
    "spotify": ("com.spotify.music",),
    "whatsapp": ("com.whatsapp",),
    "signal": ("org.thoughtcrime.securesms",),
    "telegram": ("org.telegram.messenger",),
}
APP_SYNONYMS = {"sms": "messages", "messaging": "messages", "text messages": "messages", "dialer": "phone",
                "alarm": "clock", "alarms": "clock", "timer": "clock", "web": "browser",
                "internet": "browser", "mail": "email", "photo": "camera", "store": "play store"}


class DeviceError(Exception):
    """A device problem the user can act on; the message says what happened and what to do."""


class DeviceDisconnected(DeviceError):
    """The phone went away (unplugged, adb connection dropped) and did not come back."""


class DeviceInfo(BaseModel):
    serial: str
    state: str
    model: str = ""


class Screen(BaseModel):
    elements: list[UiElement]
    foreground: str
    hash: str

    def text(self) -> str:
        return format_elements(self.elements)


class ActionResult(BaseModel):
    ok: bool
    verified: bool
    detail: str
    foreground: str = ""
    screen_hash: str = ""
    data: dict[str, Any] = Field(default_factory=dict)  # e.g. screenshot path, battery level


def _client(host: str | None = None, port: int | None = None):
    import adbutils

    return adbutils.AdbClient(host=host, port=port, socket_timeout=15)


def adb_connect(serial: str, *, timeout: float = 5.0, client=None) -> str:
    """`adb connect` a TCP serial (host:port); returns the server's answer."""
    client = client or _client()
    try:
        return client.connect(serial, timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - adbutils raises several unrelated types here
        raise DeviceDisconnected(f"could not connect to {serial}: {exc}") from None


def adb_disconnect(serial: str, *, client=None) -> None:
    """Forget a TCP serial in the adb server (a stopped virtual phone would linger as offline)."""
    client = client or _client()
    try:
        client.disconnect(serial)
    except Exception:  # noqa: BLE001 - already gone is fine
        pass


def list_devices(client=None) -> list[DeviceInfo]:
    client = client or _client()
    try:
        infos = client.list()
    except Exception as exc:  # noqa: BLE001
        raise DeviceError(f"cannot talk to the adb server ({exc}); is `adb` installed? Try `adb start-server`.") from None
    return [DeviceInfo(serial=i.serial, state=i.state) for i in infos]


def pick_serial(serial: str | None = None, client=None) -> str:
    """The serial to use: the one given (TCP serials are `adb connect`ed), else the only device."""
    client = client or _client()
    devices = list_devices(client)
    if serial:
        found = [d for d in devices if d.serial == serial]
        if found and found[0].state == "device":
            return serial
        if _is_tcp(serial):
            adb_connect(serial, client=client)
            if _wait_online(client, serial, 5.0):
                return serial
        if found:
            raise DeviceError(f"device {serial} is {found[0].state}; unlock it and accept the USB debugging prompt, or replug it.")
        raise DeviceError(f"device {serial} is not connected. Connected: {_describe(devices)}")
    online = [d for d in devices if d.state == "device"]
    if not online:
        raise DeviceError("no phone connected. Plug one in with USB debugging on (or `adb connect HOST:PORT`), "
                          "or try `anima phone --virtual`.")
    if len(online) > 1:
        raise DeviceError(f"several phones are connected ({_describe(online)}); choose one with --serial "
                          "or [phone] serial in config.toml.")
    return online[0].serial


def _describe(devices: list[DeviceInfo]) -> str:
    return ", ".join(f"{d.serial} ({d.state})" for d in devices) or "none"


def _is_tcp(serial: str) -> bool:
    return bool(re.fullmatch(r"[\w.\-]+:\d+", serial))


def _wait_online(client, serial: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            for info in client.list():
                if info.serial == serial and info.state == "device":
                    return True
        except Exception:  # noqa: BLE001
            pass
        time.sleep(0.1)
    return False


def input_text_arg(text: str) -> str:
    """The argument for `input text`: spaces as %s (`input` turns %s back into a space).

    Shell metacharacters need no escaping here: the argument list is shell-quoted by adbutils
    (shlex.quote), so `&;|$'"` reach `input` literally. `input text` has no escape for a literal
    "%s", so text containing it goes through the IME path instead (see Device._do_type_text).
    """
    return text.replace(" ", "%s")


def parse_foreground(dumpsys_window: str) -> str:
    for pattern in (r"mCurrentFocus=Window\{\S+ \S+ ([\w.]+)(?:/|\})",
                    r"mFocusedApp=.*?ActivityRecord\{\S+ \S+ ([\w.]+)/",
                    r"mFocusedWindow=Window\{\S+ \S+ ([\w.]+)(?:/|\})"):
        m = re.search(pattern, dumpsys_window)
        if m:
            return m.group(1)
    return ""


def parse_launcher_apps(out: str) -> dict[str, str]:
    """`cmd package query-activities` output -> {package: launcher label}."""
    apps: dict[str, str] = {}
    pkg = None
    for line in out.splitlines():
        line = line.strip()
        m = re.match(r"packageName=(\S+)", line)
        if m:
            pkg = m.group(1)
            apps.setdefault(pkg, "")
            continue
        m = re.search(r"nonLocalizedLabel=(.*?)(?:\s+icon=|$)", line)
        if m and pkg is not None and m.group(1).strip() not in ("", "null"):
            apps[pkg] = m.group(1).strip()
        m = re.fullmatch(r"([a-zA-Z][\w.]*)/(\S+)", line)  # --brief: package/activity
        if m:
            apps.setdefault(m.group(1), "")
    return {p: label or app_label(p) for p, label in apps.items()}


# Launcher labels of well-known packages whose names do not say them
_PACKAGE_LABELS = {
    "com.google.android.gm": "Gmail", "org.thoughtcrime.securesms": "Signal", "com.ubercab": "Uber",
    "com.google.android.apps.maps": "Maps", "com.google.android.dialer": "Phone", "com.android.dialer": "Phone",
    "com.google.android.apps.messaging": "Messages", "com.android.vending": "Play Store",
    "com.google.android.deskclock": "Clock", "com.android.camera2": "Camera", "com.android.settings": "Settings",
    "com.google.android.apps.photos": "Photos", "com.google.android.apps.nbu.files": "Files",
    "com.zhiliaoapp.musically": "TikTok", "com.facebook.katana": "Facebook", "com.facebook.orca": "Messenger",
    "com.google.android.apps.youtube.music": "YouTube Music", "com.twitter.android": "X",
}
_WELL_KNOWN = ("WhatsApp", "YouTube", "Instagram", "Spotify", "Telegram", "Netflix", "Strava", "Duolingo", "Slack",
               "Zoom", "Chrome", "Firefox", "Calendar", "Contacts", "Calculator", "Snapchat", "Discord", "LinkedIn",
               "Pinterest", "Reddit", "Skype", "Teams", "Outlook", "Waze", "Shazam", "Viber", "Tinder", "Airbnb",
               "Deliveroo", "Revolut", "Monzo", "Threema", "Wire", "Audible", "Kindle", "Keep", "Drive")
_NOT_LABEL_PARTS = {"com", "org", "net", "io", "de", "uk", "co", "app", "apps", "android", "google", "mobile",
                    "client", "main", "free", "pro", "lite", "official", "launcher", "activity", "ui", "beta"}


def app_label(package: str) -> str:
    """A launcher label told from a package name, for phones that print none: the known table,
    a well-known app whose name the package holds ("com.whatsapp" -> WhatsApp), else the most
    telling part of the name, capitalised ("com.strava" -> Strava, "de.mybank.banking" -> Mybank)."""
    if package in _PACKAGE_LABELS:
        return _PACKAGE_LABELS[package]
    squashed = package.lower().replace("_", "")
    for name in _WELL_KNOWN:
        if name.lower() in squashed:
            return name
    parts = [p for p in package.split(".") if p.lower() not in _NOT_LABEL_PARTS and not p.isdigit()]
    part = parts[0] if parts else ""  # the brand: "de.mybank.banking" -> Mybank
    return part[:1].upper() + part[1:] if part else package


def parse_notifications(dumpsys: str) -> list[dict]:
    """(package, title, text) of each posted notification in `dumpsys notification --noredact`."""
    out: list[dict] = []
    current: dict | None = None
    for line in dumpsys.splitlines():
        s = line.strip()
        m = re.match(r"NotificationRecord\(.*?pkg=([\w.]+)", s)
        if m:
            current = {"package": m.group(1), "title": "", "text": ""}
            out.append(current)
            continue
        if current is None:
            continue
        m = re.match(r"android\.(title|text)=(?:String \()?(.*?)\)?$", s)
        if m and not current[m.group(1)]:
            current[m.group(1)] = m.group(2).strip()
    return out


def parse_battery(dumpsys: str) -> dict:
    info: dict[str, Any] = {}
    for key in ("level", "scale", "status", "temperature", "AC powered", "USB powered"):
        m = re.search(rf"^\s*{key}:\s*(\S+)", dumpsys, re.M)
        if m:
            val = m.group(1)
            info[key.lower().replace(" ", "_")] = (val == "true") if val in ("true", "false") else (
                int(val) if val.lstrip("-").isdigit() else val)
    return info


class Device:
    """One phone. Create with `Device.open(serial)`; `execute(action)` runs and verifies."""

    def __init__(self, serial: str, *, client=None, screenshot_dir: Path | None = None,
                 reconnect_tries: int = 2, loop_threshold: int = 3):
        self.client = client or _client()
        self.serial = serial
        self.screenshot_dir = screenshot_dir
        self.reconnect_tries = reconnect_tries
        self.loop_threshold = loop_threshold
        self._dev = self.client.device(serial)
        self._packages: list[str] | None = None
        self._last_screen: Screen | None = None
        self._hash_history: list[str] = []

    @classmethod
    def open(cls, serial: str | None = None, *, screenshot_dir: Path | None = None, client=None) -> "Device":
        client = client or _client()
        return cls(pick_serial(serial, client), client=client, screenshot_dir=screenshot_dir)

    # ---- transport ---------------------------------------------------------------------------
    def _reconnect(self) -> bool:
        if not _is_tcp(self.serial):
            return _wait_online(self.client, self.serial, 2.0)
        # An adb server that saw the connection drop keeps the serial as "offline" and answers a
        # plain connect with "already connected": forget it first, then connect afresh.
        try:
            self.client.disconnect(self.serial)
        except Exception:  # noqa: BLE001
            pass
        try:
            answer = self.client.connect(self.serial, timeout=3.0)
        except Exception:  # noqa: BLE001
            return False
        if "connected" not in answer or "unable" in answer or "failed" in answer:
            return False
        return _wait_online(self.client, self.serial, 3.0)

    def shell(self, args: list[str], *, timeout: float = 15.0, binary: bool = False):
        """Run one command (an argument list). Reconnects only before the command was sent."""
        if not isinstance(args, (list, tuple)) or not all(isinstance(a, str) for a in args):
            raise TypeError("Device.shell takes a list of strings, never a shell string")
        from adbutils._utils import list2cmdline

        cmd = list2cmdline(list(args))
        conn = None
        for attempt in range(self.reconnect_tries + 1):
            try:
                conn = self._dev.open_shell(cmd)
                break
            except Exception as exc:  # noqa: BLE001 - AdbError, socket errors, timeouts
                log.debug("open_shell %s failed (%s); attempt %d", args[:2], exc, attempt)
                if attempt == self.reconnect_tries or not self._reconnect():
                    raise DeviceDisconnected(
                        f"the phone {self.serial} is disconnected ({exc}). Reconnect it (USB cable, or "
                        f"`adb connect {self.serial}`) and try again.") from None
        try:
            conn.conn.settimeout(timeout)
            out = conn.read_until_close(encoding=None)
        except Exception as exc:  # noqa: BLE001 - the command may have run: never replay it
            raise DeviceDisconnected(
                f"the phone {self.serial} dropped while running `{args[0]} {args[1] if len(args) > 1 else ''}` "
                f"({exc}); it was not retried, so its effect is unknown.") from None
        finally:
            conn.close()
        return out if binary else out.decode("utf-8", "replace").rstrip()

    # ---- observation -------------------------------------------------------------------------
    def foreground(self) -> str:
        return parse_foreground(self.shell(["dumpsys", "window"]))

    def dump_ui(self, retries: int = 4, *, foreground: str = "") -> list[UiElement]:
        """uiautomator dump, read back with cat; retried on its known transient failures.

        Known failures: "ERROR: could not get idle state" (animations), a half-written file, and a
        stale file from an earlier dump. The file is removed first so a failed dump cannot leave
        the old one behind, and a dump of another app than the foreground one is taken as stale.
        """
        last = ""
        for attempt in range(retries):
            if attempt:
                time.sleep(0.15 * attempt)
            self.shell(["rm", "-f", DUMP_PATH])
            out = self.shell(["uiautomator", "dump", DUMP_PATH])
            if "ERROR" in out or "could not get idle state" in out.lower() or "null root node" in out.lower():
                last = out
                continue
            xml = self.shell(["cat", DUMP_PATH])
            try:
                elements = parse_hierarchy(xml)
            except DumpError as exc:
                last = str(exc)
                continue
            pkgs = {e.package for e in elements if e.package}
            if foreground and pkgs and foreground not in pkgs and attempt < retries - 1:
                last = f"stale dump (shows {sorted(pkgs)[0]}, foreground is {foreground})"
                continue
            return elements
        raise DeviceError(f"could not read the screen after {retries} tries: {last[:200]}")

    def observe(self, *, changed_from: str | None = None) -> Screen:
        """Foreground + elements. With `changed_from`, an unchanged screen is read once more,
        because a stale dump would otherwise look like an action that did nothing."""
        fg = self.foreground()
        elements = self.dump_ui(foreground=fg)
        h = screen_hash(elements, fg)
        if changed_from is not None and h == changed_from:
            elements = self.dump_ui(foreground=fg)
            h = screen_hash(elements, fg)
        screen = Screen(elements=elements, foreground=fg, hash=h)
        self._last_screen = screen
        return screen

    @property
    def last_screen(self) -> Screen | None:
        return self._last_screen

    def looping(self) -> bool:
        """True when the screen came out identical `loop_threshold` times in a row."""
        h = self._hash_history[-self.loop_threshold:]
        return len(h) == self.loop_threshold and len(set(h)) == 1

    @property
    def listed_packages(self) -> list[str] | None:
        """The package list as last read (None: not read yet), without asking the phone."""
        return self._packages

    def packages(self, refresh: bool = False) -> list[str]:
        if self._packages is None or refresh:
            out = self.shell(["pm", "list", "packages"])
            self._packages = sorted(l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith("package:"))
        return self._packages

    def launcher_apps(self) -> dict[str, str]:
        """The apps the launcher shows, package -> label, from one `cmd package query-activities`
        (MAIN/LAUNCHER). Android prints a label only when the app declares it as plain text
        (`nonLocalizedLabel=`); otherwise the label is told from the package (`app_label`)."""
        out = self.shell(["cmd", "package", "query-activities", "-a", "android.intent.action.MAIN",
                          "-c", "android.intent.category.LAUNCHER"])
        return parse_launcher_apps(out)

    def resolve_package(self, name: str) -> str:
        """App label or package -> installed package (alias table, then fuzzy match)."""
        pkgs = self.packages()
        key = re.sub(r"\s+", " ", name.strip().lower()).removeprefix("the ").removesuffix(" app")
        if key in pkgs or name in pkgs:
            return name if name in pkgs else key
        key = APP_SYNONYMS.get(key, key)
        for cand in APP_ALIASES.get(key, ()):
            if cand in pkgs:
                return cand
        squashed = key.replace(" ", "")
        contains = [p for p in pkgs if squashed in p.lower().replace("_", "")]
        if contains:
            return min(contains, key=len)
        tails = {p.rsplit(".", 1)[-1].lower(): p for p in pkgs}
        close = difflib.get_close_matches(squashed, list(tails), n=1, cutoff=0.75)
        if close:
            return tails[close[0]]
        raise DeviceError(f"no installed app matches {name!r}")

    # ---- actions -----------------------------------------------------------------------------
    def execute(self, action: A.Action) -> ActionResult:
        """Run one action and observe the result. DeviceDisconnected propagates to the caller."""
        handler = getattr(self, f"_do_{action.kind}")
        before = self._last_screen
        try:
            ok, verified, detail, data = handler(action)
        except DeviceError as exc:
            if isinstance(exc, DeviceDisconnected):
                raise
            ok, verified, detail, data = False, False, str(exc), {}
        fg, h = "", ""
        try:
            screen = self.observe(changed_from=before.hash if before is not None else None)
            fg, h = screen.foreground, screen.hash
            self._hash_history.append(h)
        except DeviceDisconnected:
            raise
        except DeviceError as exc:
            detail += f" (screen unreadable afterwards: {exc})"
        if ok and before is not None and action.kind in ("tap", "long_press", "swipe", "scroll") and h == before.hash:
            verified = False
            detail += "; the screen did not change"
        if self.looping():
            detail += f"; loop: same screen {self.loop_threshold} times"
        return ActionResult(ok=ok, verified=verified, detail=detail, foreground=fg, screen_hash=h, data=data)

    def _am_start(self, args: list[str]) -> str:
        out = self.shell(["am", "start", *args])
        if re.search(r"^(Error|Exception|java\.)|Error type|does not exist|unable to resolve", out, re.M | re.I):
            raise DeviceError(f"the phone refused the intent: {out.strip()[:200]}")
        return out

    def _element(self, index: int) -> UiElement:
        screen = self._last_screen or self.observe()
        if not 0 <= index < len(screen.elements):
            raise DeviceError(f"no element {index} on screen (there are {len(screen.elements)})")
        return screen.elements[index]

    def _xy(self, a: A.Tap) -> tuple[int, int, str]:
        if a.index is not None:
            e = self._element(a.index)
            return (*e.center, f"[{a.index}] {e.label!r}")
        return a.x, a.y, f"({a.x},{a.y})"  # type: ignore[return-value]

    def _do_tap(self, a: A.Tap):
        x, y, what = self._xy(a)
        self.shell(["input", "tap", str(x), str(y)])
        return True, True, f"tapped {what}", {}

    def _do_long_press(self, a: A.LongPress):
        x, y, what = self._xy(a)
        self.shell(["input", "swipe", str(x), str(y), str(x), str(y), str(a.duration_ms)])
        return True, True, f"long-pressed {what}", {}

    def _do_type_text(self, a: A.TypeText):
        if a.text.isascii() and "%s" not in a.text and a.text.isprintable():
            self.shell(["input", "text", input_text_arg(a.text)])
            return True, True, f"typed {len(a.text)} characters", {}
        if ADB_KEYBOARD not in self.packages():
            raise DeviceError("typing non-ASCII text needs the ADBKeyboard IME: install it "
                              "(https://github.com/senzhk/ADBKeyBoard) and select it as the keyboard.")
        payload = base64.b64encode(a.text.encode("utf-8")).decode("ascii")
        self.shell(["am", "broadcast", "-a", "ADB_INPUT_B64", "--es", "msg", payload])
        return True, True, f"typed {len(a.text)} characters through ADBKeyboard", {}

    def _size(self) -> tuple[int, int]:
        out = self.shell(["wm", "size"])
        m = re.findall(r"(\d+)x(\d+)", out)
        return (int(m[-1][0]), int(m[-1][1])) if m else (1080, 2340)

    def _do_swipe(self, a: A.Swipe):
        self.shell(["input", "swipe", str(a.x1), str(a.y1), str(a.x2), str(a.y2), str(a.duration_ms)])
        return True, True, f"swiped ({a.x1},{a.y1})->({a.x2},{a.y2})", {}

    def _do_scroll(self, a: A.Scroll):
        w, h = self._size()
        cx, cy = w // 2, h // 2
        dx, dy = {"down": (0, -h // 3), "up": (0, h // 3), "left": (w // 3, 0), "right": (-w // 3, 0)}[a.direction]
        self.shell(["input", "swipe", str(cx), str(cy), str(cx + dx), str(cy + dy), "300"])
        return True, True, f"scrolled {a.direction}", {}

    def _do_key(self, a: A.Key):
        self.shell(["input", "keyevent", f"KEYCODE_{a.key}"])
        if a.key == "HOME":
            fg = self.foreground()
            home_like = any(w in fg.lower() for w in ("launcher", "home", "nexuslauncher", "trebuchet"))
            return True, home_like, f"pressed HOME; foreground {fg or 'unknown'}", {}
        return True, True, f"pressed {a.key}", {}

    def _do_open_app(self, a: A.OpenApp):
        pkg = self.resolve_package(a.name)
        self.shell(["monkey", "-p", pkg, "-c", "android.intent.category.LAUNCHER", "1"])
        fg = self.foreground()
        return True, fg == pkg, f"opened {pkg}" + ("" if fg == pkg else f" (foreground is {fg or 'unknown'})"), {"package": pkg}

    def _do_open_url(self, a: A.OpenUrl):
        self._am_start(["-a", "android.intent.action.VIEW", "-d", a.url])
        fg = self.foreground()
        return True, bool(fg), f"opened {a.url} in {fg or 'unknown app'}", {"url": a.url}

    def _do_call(self, a: A.Call):
        self._am_start(["-a", "android.intent.action.CALL", "-d", f"tel:{a.to}"])
        fg = self.foreground()
        verified = any(w in fg.lower() for w in ("dial", "phone", "call", "telecom", "incall"))
        return True, verified, f"calling {a.to} ({fg or 'unknown app'})", {"to": a.to}

    def _wait_for_button(self, words: tuple[str, ...], timeout: float = 3.0) -> tuple[Screen, UiElement | None]:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.observe()
            button = find_button(screen.elements, words)
            if button is not None or time.monotonic() > deadline:
                return screen, button
            time.sleep(0.2)

    def _do_send_sms(self, a: A.SendSms):
        self._am_start(["-a", "android.intent.action.SENDTO", "-d", f"smsto:{a.to}",
                        "--es", "sms_body", a.body, "--ez", "exit_on_sent", "true"])
        compose, button = self._wait_for_button(SEND_WORDS)
        if button is None:
            raise DeviceError(f"the compose screen ({compose.foreground or 'unknown app'}) has no Send button; "
                              "the message was NOT sent (it may be left as a draft).")
        x, y = button.center
        self.shell(["input", "tap", str(x), str(y)])
        after = self.observe(changed_from=compose.hash)
        still_composing = any(e.text == a.body and "edit" in e.cls.lower() for e in after.elements)
        verified = after.hash != compose.hash and not still_composing
        detail = (f"sent to {a.to}; compose screen closed" if verified
                  else f"tapped Send for {a.to} but the compose screen did not change")
        return True, verified, detail, {"to": a.to}

    def _do_set_alarm(self, a: A.SetAlarm):
        args = ["-a", "android.intent.action.SET_ALARM", "--ei", "android.intent.extra.alarm.HOUR", str(a.hour),
                "--ei", "android.intent.extra.alarm.MINUTES", str(a.minute),
                "--ez", "android.intent.extra.alarm.SKIP_UI", "true"]
        if a.label:
            args += ["--es", "android.intent.extra.alarm.MESSAGE", a.label]
        self._am_start(args)
        return True, True, f"alarm set for {a.hour:02d}:{a.minute:02d}", {}

    def _do_set_timer(self, a: A.SetTimer):
        args = ["-a", "android.intent.action.SET_TIMER", "--ei", "android.intent.extra.alarm.LENGTH", str(a.seconds),
                "--ez", "android.intent.extra.alarm.SKIP_UI", "true"]
        if a.label:
            args += ["--es", "android.intent.extra.alarm.MESSAGE", a.label]
        self._am_start(args)
        return True, True, f"timer set for {a.seconds} s", {}

    def _do_screenshot(self, a: A.Screenshot):
        png = self.shell(["screencap", "-p"], binary=True, timeout=30)
        if not png.startswith(b"\x89PNG"):
            raise DeviceError(f"screencap returned no PNG ({png[:60]!r})")
        folder = self.screenshot_dir or Path.cwd()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / time.strftime("screenshot-%Y%m%d-%H%M%S.png")
        n = 1
        while path.exists():
            path = path.with_name(f"{path.stem.split('~')[0]}~{n}.png")
            n += 1
        path.write_bytes(png)
        return True, True, f"saved {path}", {"path": str(path), "bytes": len(png)}

    def _setting(self, namespace: str, key: str) -> str:
        return self.shell(["settings", "get", namespace, key]).strip()

    def _do_wifi(self, a: A.Toggle):
        self.shell(["svc", "wifi", "enable" if a.enabled else "disable"])
        now = self._setting("global", "wifi_on")
        verified = (now in ("1", "2")) == a.enabled
        return True, verified, f"wifi {'on' if a.enabled else 'off'} (wifi_on={now})", {}

    def _do_bluetooth(self, a: A.Toggle):
        out = self.shell(["svc", "bluetooth", "enable" if a.enabled else "disable"])
        if re.search(r"unknown|usage|not found", out, re.I):  # Android 13+ dropped `svc bluetooth`
            self.shell(["cmd", "bluetooth_manager", "enable" if a.enabled else "disable"])
        now = self._setting("global", "bluetooth_on")
        verified = (now == "1") == a.enabled
        return True, verified, f"bluetooth {'on' if a.enabled else 'off'} (bluetooth_on={now})", {}

    def _do_airplane(self, a: A.Toggle):
        out = self.shell(["cmd", "connectivity", "airplane-mode", "enable" if a.enabled else "disable"])
        if re.search(r"unknown|usage|not found|exception", out, re.I):  # before Android 11
            self.shell(["settings", "put", "global", "airplane_mode_on", "1" if a.enabled else "0"])
            self.shell(["am", "broadcast", "-a", "android.intent.action.AIRPLANE_MODE", "--ez", "state",
                        "true" if a.enabled else "false"])
        now = self._setting("global", "airplane_mode_on")
        verified = (now == "1") == a.enabled
        return True, verified, f"airplane mode {'on' if a.enabled else 'off'} (airplane_mode_on={now})", {}

    def _volume_get(self) -> tuple[int, int] | None:
        out = self.shell(["cmd", "media_session", "volume", "--stream", "3", "--get"])
        m = re.search(r"volume is (\d+) in range \[(\d+)\.\.(\d+)\]", out)
        return (int(m.group(1)), int(m.group(3))) if m else None

    def _do_volume(self, a: A.Volume):
        if a.level in ("up", "down", "mute"):
            self.shell(["input", "keyevent", f"KEYCODE_VOLUME_{str(a.level).upper()}"])
            return True, True, f"volume {a.level}", {}
        got = self._volume_get()
        if got is None:  # no media_session command: step with keys (max = press until the top)
            key = "KEYCODE_VOLUME_UP"
            if a.level != "max":
                self.shell(["input", "keyevent", *(["KEYCODE_VOLUME_DOWN"] * 30)])
            presses = 30 if a.level == "max" else int(a.level)
            if presses:
                self.shell(["input", "keyevent", *([key] * presses)])
            return True, False, f"volume {a.level} by key presses (no readback on this phone)", {}
        _, top = got
        target = top if a.level == "max" else min(int(a.level), top)
        self.shell(["cmd", "media_session", "volume", "--stream", "3", "--set", str(target)])
        now = self._volume_get()
        verified = now is not None and now[0] == target
        return True, verified, f"volume {target}/{top}" + ("" if verified else f" (reads {now})"), {"volume": target}

    def _do_brightness(self, a: A.Brightness):
        cur_raw = self._setting("system", "screen_brightness")
        cur = int(cur_raw) if cur_raw.isdigit() else 128
        target = {"max": 255, "min": 1, "up": min(255, cur + 51), "down": max(1, cur - 51)}.get(a.level, a.level)  # type: ignore[arg-type]
        self.shell(["settings", "put", "system", "screen_brightness_mode", "0"])
        self.shell(["settings", "put", "system", "screen_brightness", str(target)])
        now = self._setting("system", "screen_brightness")
        return True, now == str(target), f"brightness {target} (reads {now})", {"brightness": target}

    def _do_notifications(self, a: A.ReadNotifications):
        items = parse_notifications(self.shell(["dumpsys", "notification", "--noredact"]))
        return True, True, f"{len(items)} notifications", {"notifications": items}

    def _do_battery(self, a: A.Battery):
        info = parse_battery(self.shell(["dumpsys", "battery"]))
        return True, "level" in info, f"battery {info.get('level', '?')}%", {"battery": info}
