"""The virtual phone's apps, screens and UI state machine, and its uiautomator hierarchy XML.

A screen is an activity on a back stack (HOME clears it to the launcher, BACK pops it). Each
screen renders to a tree of `Node`s laid out on a 1080x2400 display; a tap hits the topmost
clickable node containing the point and runs that node's action. Text typed with `input text`
goes to the focused editable field. Nothing is "sent" or "called" until the matching button is
tapped or an intent that acts by itself (CALL, SET_ALARM) arrives, as on a real phone.

Everything the phone shows that came from outside (SMS bodies, notification text, URLs) is
just data in the hierarchy; the phone never interprets it.
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

WIDTH, HEIGHT = 1080, 2400
STATUS_BAR = 132
MAX_VOLUME = 15


# ----------------------------------------------------------------------------- state (public)
class SmsRecord(BaseModel):
    to: str
    body: str


class CallRecord(BaseModel):
    to: str


class AlarmRecord(BaseModel):
    hour: int
    minute: int
    message: str = ""
    enabled: bool = True


class TimerRecord(BaseModel):
    seconds: int
    message: str = ""


class NotificationRecord(BaseModel):
    package: str
    title: str
    text: str
    id: int


class InboxMessage(BaseModel):
    sender: str
    body: str


class VirtualState(BaseModel):
    """A snapshot of what the phone did; `foreground` is the focused app's package name."""

    sms_sent: list[SmsRecord] = Field(default_factory=list)
    calls: list[CallRecord] = Field(default_factory=list)
    alarms: list[AlarmRecord] = Field(default_factory=list)
    timers: list[TimerRecord] = Field(default_factory=list)
    wifi: bool = True
    bluetooth: bool = False
    airplane: bool = False
    volume: int = 7
    brightness: int = 128
    foreground: str = "com.google.android.apps.nexuslauncher"
    activity: str = ""
    screen_on: bool = True
    media_playing: bool = False
    url: str | None = None
    photos: list[str] = Field(default_factory=list)
    notifications: list[NotificationRecord] = Field(default_factory=list)
    inbox: list[InboxMessage] = Field(default_factory=list)


# ----------------------------------------------------------------------------- apps
@dataclass(frozen=True)
class App:
    package: str
    label: str
    main: str          # fully qualified launcher activity
    kind: str
    system: bool = True
    activities: tuple[str, ...] = ()


LAUNCHER_PKG = "com.google.android.apps.nexuslauncher"
SETTINGS_PKG = "com.android.settings"
MESSAGES_PKG = "com.google.android.apps.messaging"
DIALER_PKG = "com.google.android.dialer"
CLOCK_PKG = "com.google.android.deskclock"
CAMERA_PKG = "com.android.camera2"
CHROME_PKG = "com.android.chrome"
SYSTEMUI_PKG = "com.android.systemui"

APPS: list[App] = [
    App(LAUNCHER_PKG, "Pixel Launcher", "com.google.android.apps.nexuslauncher.NexusLauncherActivity",
        "launcher"),
    App(SETTINGS_PKG, "Settings", "com.android.settings.Settings", "settings", activities=(
        "com.android.settings.Settings$NetworkDashboardActivity",
        "com.android.settings.Settings$WifiSettingsActivity",
        "com.android.settings.Settings$ConnectedDeviceDashboardActivity",
        "com.android.settings.Settings$BluetoothDashboardActivity",
        "com.android.settings.Settings$DisplaySettingsActivity",
        "com.android.settings.Settings$SoundSettingsActivity",
        "com.android.settings.applications.InstalledAppDetails")),
    App(MESSAGES_PKG, "Messages", "com.google.android.apps.messaging.ui.ConversationListActivity",
        "messages", activities=("com.google.android.apps.messaging.ui.conversation.ConversationActivity",
                                "com.google.android.apps.messaging.ui.conversation.LaunchConversationActivity")),
    App(DIALER_PKG, "Phone", "com.google.android.dialer.extensions.GoogleDialtactsActivity", "dialer",
        activities=("com.android.incallui.InCallActivity",)),
    App(CLOCK_PKG, "Clock", "com.android.deskclock.DeskClock", "clock",
        activities=("com.android.deskclock.HandleApiCalls",)),
    App(CAMERA_PKG, "Camera", "com.android.camera.CameraLauncher", "camera",
        activities=("com.android.camera.CameraActivity",)),
    App(CHROME_PKG, "Chrome", "com.google.android.apps.chrome.Main", "chrome"),
    App("com.google.android.contacts", "Contacts", "com.android.contacts.activities.PeopleActivity", "contacts"),
    App("com.google.android.calendar", "Calendar", "com.android.calendar.AllInOneActivity", "generic"),
    App("com.google.android.apps.maps", "Maps", "com.google.android.maps.MapsActivity", "maps"),
    App("com.google.android.apps.photos", "Photos", "com.google.android.apps.photos.home.HomeActivity", "generic"),
    App("com.spotify.music", "Spotify", "com.spotify.music.MainActivity", "generic", system=False),
]
APP_BY_PKG = {app.package: app for app in APPS}
# Installed but not launchable: they show up in `pm list packages` like on a real phone.
OTHER_PACKAGES = ["android", "com.google.android.inputmethod.latin", "com.android.systemui", "com.android.phone", "com.android.shell",
                  "com.android.providers.contacts", "com.android.providers.telephony",
                  "com.google.android.gms", "com.android.vending"]
APP_COLORS = {
    "launcher": (32, 33, 36), "settings": (232, 240, 254), "messages": (225, 245, 254),
    "dialer": (230, 244, 234), "clock": (30, 30, 40), "camera": (0, 0, 0), "chrome": (255, 255, 255),
    "maps": (229, 227, 223), "shade": (40, 40, 48), "contacts": (250, 250, 250), "generic": (245, 245, 245), "incall": (20, 60, 40), "recents": (60, 60, 70),
}


def short_activity(package: str, activity: str) -> str:
    return activity[len(package):] if activity.startswith(package + ".") else activity


# ----------------------------------------------------------------------------- nodes
@dataclass
class Node:
    cls: str = "android.widget.FrameLayout"
    text: str = ""
    resource_id: str = ""
    desc: str = ""
    bounds: tuple[int, int, int, int] = (0, 0, WIDTH, HEIGHT)
    clickable: bool = False
    checkable: bool = False
    checked: bool = False
    focusable: bool = False
    focused: bool = False
    scrollable: bool = False
    long_clickable: bool = False
    password: bool = False
    selected: bool = False
    enabled: bool = True
    action: tuple | None = None
    children: list[Node] = field(default_factory=list)

    def add(self, *nodes: Node) -> Node:
        self.children.extend(nodes)
        return self

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def to_xml(self, package: str, index: int, depth: int) -> str:
        x1, y1, x2, y2 = self.bounds
        b = lambda v: "true" if v else "false"  # noqa: E731
        attrs = (f'index="{index}" text="{xml_attr(self.text)}" '
                 f'resource-id="{xml_attr(self.resource_id)}" class="{self.cls}" package="{package}" '
                 f'content-desc="{xml_attr(self.desc)}" checkable="{b(self.checkable)}" '
                 f'checked="{b(self.checked)}" clickable="{b(self.clickable)}" enabled="{b(self.enabled)}" '
                 f'focusable="{b(self.focusable or self.clickable)}" focused="{b(self.focused)}" '
                 f'scrollable="{b(self.scrollable)}" long-clickable="{b(self.long_clickable)}" '
                 f'password="{b(self.password)}" selected="{b(self.selected)}" '
                 f'bounds="[{x1},{y1}][{x2},{y2}]"')
        if not self.children:
            return f"<node {attrs} />"
        inner = "".join(c.to_xml(package, i, depth + 1) for i, c in enumerate(self.children))
        return f"<node {attrs}>{inner}</node>"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_attr(value: str) -> str:
    """Escape like Android's serializer; characters XML cannot hold become '?' (as the
    dumper's safeCharSeqToString does), so a hostile SMS cannot break the dump."""
    value = _NOT_XML.sub("?", value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;"))


def hierarchy_xml(root: Node, package: str) -> str:
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"
            f'<hierarchy rotation="0">{root.to_xml(package, 0, 0)}</hierarchy>')


def _text(text: str, y: int, *, rid: str = "", h: int = 110, x1: int = 48, x2: int = WIDTH - 48,
          cls: str = "android.widget.TextView", **kw: Any) -> Node:
    return Node(cls=cls, text=text, resource_id=rid, bounds=(x1, y, x2, y + h), **kw)


def _button(label: str, y: int, action: tuple, *, rid: str = "", desc: str = "", x1: int = 48,
            x2: int = WIDTH - 48, h: int = 140, cls: str = "android.widget.Button", enabled: bool = True) -> Node:
    return Node(cls=cls, text=label, resource_id=rid, desc=desc, bounds=(x1, y, x2, y + h),
                clickable=enabled, enabled=enabled, action=action if enabled else None)


def _switch_row(title: str, on: bool, y: int, action: tuple, *, summary: str = "") -> Node:
    row = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + 200), clickable=True, action=action)
    row.add(_text(title, y + 30, rid="android:id/title", x2=850, h=80))
    if summary:
        row.add(_text(summary, y + 110, rid="android:id/summary", x2=850, h=60))
    row.add(Node(cls="android.widget.Switch", text="ON" if on else "OFF", resource_id="android:id/switch_widget",
                 bounds=(880, y + 60, 1032, y + 140), checkable=True, checked=on, clickable=True, action=action))
    return row


def _entry_row(title: str, summary: str, y: int, action: tuple) -> Node:
    row = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + 200), clickable=True, action=action)
    row.add(_text(title, y + 30, rid="android:id/title", h=80), _text(summary, y + 110, rid="android:id/summary", h=60))
    return row


# ----------------------------------------------------------------------------- screens
@dataclass
class Screen:
    package: str
    activity: str      # fully qualified class name
    kind: str          # which renderer
    data: dict[str, Any] = field(default_factory=dict)


def _clip(node: Node, top: int, bottom: int) -> Node | None:
    """Clip a node to the visible band of its scrolling list, as uiautomator reports it."""
    x1, y1, x2, y2 = node.bounds
    if y2 <= top or y1 >= bottom:
        return None
    node.bounds = (x1, max(y1, top), x2, min(y2, bottom))
    node.children = [c for c in (_clip(ch, top, bottom) for ch in node.children) if c is not None]
    return node


def _scroll_list(screen: Screen, lst: Node, rows: list[tuple[int, Callable[[int], Node]]]) -> Node:
    """Lay out rows (height, build(y)) inside `lst`, shifted by the screen's scroll offset;
    rows outside the list's bounds are not in the hierarchy (a RecyclerView recycles them)."""
    _, top, _, bottom = lst.bounds
    total = sum(h for h, _ in rows)
    screen.data["scroll_max"] = max(0, total - (bottom - top))
    offset = max(0, min(screen.data.get("scroll", 0), screen.data["scroll_max"]))
    screen.data["scroll"] = offset
    y = top - offset
    for height, build in rows:
        if y + height > top and y < bottom:
            node = _clip(build(y), top, bottom)
            if node is not None:
                lst.add(node)
        y += height
    return lst


class PhoneUI:
    """All mutable phone state plus the screen stack. Every public method takes the lock."""

    def __init__(self, *, contacts: dict[str, str] | None = None, on_photo: Callable[[str], None] | None = None) -> None:
        self.lock = threading.RLock()
        self.state = VirtualState()
        self.stack: list[Screen] = []
        self.contacts = dict(contacts or {})
        self.on_photo = on_photo
        self.battery_level = 85
        self._next_notification = 1
        self.home()

    # ---------------------------------------------------------------- navigation
    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def _sync_foreground(self) -> None:
        self.state.foreground = self.top.package
        self.state.activity = self.top.activity
        self.state.url = self.top.data.get("url") if self.top.kind == "chrome" else None

    def push(self, screen: Screen) -> None:
        with self.lock:
            # Relaunching the same single-top activity replaces it instead of stacking copies.
            if self.stack and self.stack[-1].activity == screen.activity and screen.kind != "launcher":
                self.stack[-1] = screen
            elif screen.kind == "launcher":
                self.stack = [screen]
            else:
                self.stack.append(screen)
            self._sync_foreground()

    def home(self) -> None:
        with self.lock:
            # HOME also closes the notification shade, like on a phone.
            self.stack = [Screen(LAUNCHER_PKG, APP_BY_PKG[LAUNCHER_PKG].main, "launcher")]
            self._sync_foreground()

    def back(self) -> None:
        with self.lock:
            top = self.top
            if top.kind == "compose" and top.data.get("focus") and top.data.get("keyboard"):
                top.data["keyboard"] = False  # first BACK hides the keyboard, like Android
                return
            if len(self.stack) > 1:
                self.stack.pop()
            self._sync_foreground()

    def launch(self, package: str) -> bool:
        app = APP_BY_PKG.get(package)
        if app is None:
            return False
        with self.lock:
            # Launching an app that is already in the stack brings its task to front.
            for i, scr in enumerate(self.stack):
                if scr.package == package and i > 0:
                    task = [s for s in self.stack[i:] if s.package == package]
                    self.stack = [self.stack[0]] + [s for s in self.stack[1:] if s.package != package] + task
                    self._sync_foreground()
                    return True
            self.push(self.main_screen(app))
        return True

    def main_screen(self, app: App) -> Screen:
        kind = app.kind
        data: dict[str, Any] = {}
        if kind == "contacts":
            kind = "contacts"
        elif kind == "settings":
            kind = "settings_main"
        elif kind == "messages":
            kind = "conversations"
        elif kind == "clock":
            data["tab"] = "alarms"
        elif kind == "chrome":
            data["url"] = "chrome://newtab/"
        elif kind == "dialer":
            data["digits"] = ""
        activity = "com.android.camera.CameraActivity" if app.kind == "camera" else app.main
        return Screen(app.package, activity, kind, data)

    def force_stop(self, package: str) -> None:
        with self.lock:
            if package == LAUNCHER_PKG:
                return
            self.stack = [s for s in self.stack if s.package != package] or []
            if not self.stack:
                self.home()
            self._sync_foreground()

    def expand_shade(self) -> None:
        with self.lock:
            if self.top.kind != "shade":
                self.stack.append(Screen(SYSTEMUI_PKG, "NotificationShade", "shade"))
                self._sync_foreground()

    def collapse_shade(self) -> None:
        with self.lock:
            if self.top.kind == "shade":
                self.stack.pop()
                self._sync_foreground()

    def recents(self) -> None:
        with self.lock:
            self.push(Screen(LAUNCHER_PKG, "com.android.quickstep.RecentsActivity", "recents"))

    # ---------------------------------------------------------------- actions with effects
    def compose(self, to: str, body: str, *, exit_on_sent: bool = False) -> None:
        with self.lock:
            self.push(Screen(MESSAGES_PKG, "com.google.android.apps.messaging.ui.conversation.ConversationActivity",
                             "compose", {"to": to, "body": body, "focus": "body" if to else "to",
                                         "keyboard": True, "thread": [], "exit_on_sent": exit_on_sent}))

    def dial(self, number: str) -> None:
        with self.lock:
            self.push(Screen(DIALER_PKG, APP_BY_PKG[DIALER_PKG].main, "dialer", {"digits": number}))

    def call(self, number: str) -> None:
        with self.lock:
            self.state.calls.append(CallRecord(to=number))
            self.push(Screen(DIALER_PKG, "com.android.incallui.InCallActivity", "incall", {"to": number}))

    def end_call(self) -> None:
        with self.lock:
            if self.top.kind == "incall":
                self.stack.pop()
                if not self.stack:
                    self.home()
                self._sync_foreground()

    def set_alarm(self, hour: int, minute: int, message: str, skip_ui: bool) -> None:
        with self.lock:
            self.state.alarms.append(AlarmRecord(hour=hour, minute=minute, message=message))
            if not skip_ui:
                self.push(Screen(CLOCK_PKG, APP_BY_PKG[CLOCK_PKG].main, "clock", {"tab": "alarms"}))

    def set_timer(self, seconds: int, message: str, skip_ui: bool) -> None:
        with self.lock:
            self.state.timers.append(TimerRecord(seconds=seconds, message=message))
            if not skip_ui:
                self.push(Screen(CLOCK_PKG, APP_BY_PKG[CLOCK_PKG].main, "clock", {"tab": "timers"}))

    def open_url(self, url: str) -> None:
        with self.lock:
            self.push(Screen(CHROME_PKG, APP_BY_PKG[CHROME_PKG].main, "chrome", {"url": url}))

    def set_wifi(self, on: bool) -> None:
        with self.lock:
            self.state.wifi = on

    def set_bluetooth(self, on: bool) -> None:
        with self.lock:
            self.state.bluetooth = on

    def set_airplane(self, on: bool) -> None:
        with self.lock:
            if on == self.state.airplane:
                return
            if on:  # the radios go down with airplane mode and come back as they were
                self._radios = (self.state.wifi, self.state.bluetooth)
                self.state.wifi = self.state.bluetooth = False
            else:
                self.state.wifi, self.state.bluetooth = getattr(self, "_radios", (True, False))
            self.state.airplane = on

    def set_volume(self, value: int) -> None:
        with self.lock:
            self.state.volume = max(0, min(MAX_VOLUME, value))

    def set_brightness(self, value: int) -> None:
        with self.lock:
            self.state.brightness = max(0, min(255, value))

    def notify(self, package: str, title: str, text: str) -> NotificationRecord:
        with self.lock:
            rec = NotificationRecord(package=package, title=title, text=text, id=self._next_notification)
            self._next_notification += 1
            self.state.notifications.append(rec)
            return rec

    def receive_sms(self, sender: str, body: str) -> None:
        with self.lock:
            self.state.inbox.append(InboxMessage(sender=sender, body=body))
            self.notify(MESSAGES_PKG, sender, body)

    # ---------------------------------------------------------------- input
    def _focused_field(self) -> tuple[Screen, str] | None:
        top = self.top
        if top.kind == "compose":
            return top, top.data.get("focus") or "body"
        if top.kind == "chrome" and top.data.get("editing"):
            return top, "url_edit"
        if top.kind == "dialer":
            return top, "digits"
        return None

    def type_text(self, text: str) -> bool:
        with self.lock:
            target = self._focused_field()
            if target is None:
                return False
            screen, key = target
            screen.data[key] = screen.data.get(key, "") + text
            return True

    def delete_char(self) -> None:
        with self.lock:
            target = self._focused_field()
            if target is not None:
                screen, key = target
                screen.data[key] = screen.data.get(key, "")[:-1]

    def enter(self) -> None:
        with self.lock:
            top = self.top
            if top.kind == "chrome" and top.data.get("editing"):
                raw = top.data.pop("url_edit", "").strip()
                top.data["editing"] = False
                if raw:
                    top.data["url"] = raw if "://" in raw else (
                        f"https://{raw}" if "." in raw and " " not in raw
                        else "https://www.google.com/search?q=" + raw.replace(" ", "+"))
                self._sync_foreground()

    def swipe(self, x1: int, y1: int, x2: int, y2: int) -> bool:
        """Scroll the list under the finger; True when the offset changed."""
        with self.lock:
            top = self.top
            for node in self.render().walk():
                bx1, by1, bx2, by2 = node.bounds
                if node.scrollable and bx1 <= x1 < bx2 and by1 <= y1 < by2 and "scroll_max" in top.data:
                    before = top.data.get("scroll", 0)
                    top.data["scroll"] = max(0, min(top.data["scroll_max"], before + (y1 - y2)))
                    return top.data["scroll"] != before
            return False

    def tap(self, x: int, y: int) -> Node | None:
        with self.lock:
            if not self.state.screen_on:
                return None  # a dark screen ignores touches
            hit = None
            for node in self.render().walk():
                x1, y1, x2, y2 = node.bounds
                if node.clickable and x1 <= x < x2 and y1 <= y < y2:
                    hit = node  # later (deeper / drawn on top) wins
            if hit is not None and hit.action is not None:
                self._perform(hit.action)
            return hit

    def _perform(self, action: tuple) -> None:
        name, *args = action
        top = self.top
        if name == "launch":
            self.launch(args[0])
        elif name == "goto":
            kind, activity = args
            self.push(Screen(SETTINGS_PKG, activity, kind))
        elif name == "toggle":
            what = args[0]
            if what == "wifi":
                self.set_wifi(not self.state.wifi)
            elif what == "bluetooth":
                self.set_bluetooth(not self.state.bluetooth)
            elif what == "airplane":
                self.set_airplane(not self.state.airplane)
        elif name == "focus":
            top.data["focus"] = args[0]
            top.data["keyboard"] = True
        elif name == "send_sms":
            to, body = top.data.get("to", "").strip(), top.data.get("body", "")
            if to and body.strip():
                self.state.sms_sent.append(SmsRecord(to=to, body=body))
                top.data.setdefault("thread", []).append(body)
                top.data["body"] = ""
                if top.data.get("exit_on_sent") and len(self.stack) > 1:
                    # the "exit_on_sent" extra: Messages finishes and returns to the caller
                    self.stack.pop()
                    self._sync_foreground()
        elif name == "open_conversation":
            self.compose(args[0], "")
        elif name == "new_chat":
            self.compose("", "")
        elif name == "call_digits":
            if top.data.get("digits"):
                self.call(top.data["digits"])
        elif name == "open_notification":
            self.collapse_shade()
            self.launch(args[0])
        elif name == "dial_contact":
            self.dial(self.contacts.get(args[0], ""))
        elif name == "digit":
            top.data["digits"] = top.data.get("digits", "") + args[0]
        elif name == "end_call":
            self.end_call()
        elif name == "shutter":
            name = time.strftime("IMG_%Y%m%d_%H%M%S") + f"_{len(self.state.photos):03d}.jpg"
            path = f"/sdcard/DCIM/Camera/{name}"
            self.state.photos.append(path)
            if self.on_photo:
                self.on_photo(path)
        elif name == "url_bar":
            top.data["editing"] = True
            top.data["url_edit"] = ""
        elif name == "alarm_toggle":
            alarm = self.state.alarms[args[0]]
            alarm.enabled = not alarm.enabled
        elif name == "back":
            self.back()
        elif name == "home":
            self.home()

    # ---------------------------------------------------------------- rendering
    def render(self) -> Node:
        with self.lock:
            top = self.top
            root = Node()
            content = Node(cls="android.widget.LinearLayout", resource_id="android:id/content",
                           bounds=(0, STATUS_BAR, WIDTH, HEIGHT))
            root.add(content)
            getattr(self, f"_render_{top.kind}")(top, content)
            return root

    def _title(self, parent: Node, title: str, *, back: bool = True) -> int:
        bar = Node(cls="android.view.ViewGroup", resource_id="android:id/action_bar",
                   bounds=(0, STATUS_BAR, WIDTH, STATUS_BAR + 168))
        if back:
            bar.add(Node(cls="android.widget.ImageButton", desc="Navigate up",
                         bounds=(0, STATUS_BAR + 12, 144, STATUS_BAR + 156), clickable=True, action=("back",)))
        bar.add(_text(title, STATUS_BAR + 40, x1=176, h=90))
        parent.add(bar)
        return STATUS_BAR + 200

    def _render_launcher(self, screen: Screen, parent: Node) -> None:
        grid = Node(cls="android.view.ViewGroup", resource_id=f"{LAUNCHER_PKG}:id/workspace",
                    bounds=(0, STATUS_BAR, WIDTH, HEIGHT - 300), scrollable=True)
        apps = [a for a in APPS if a.kind != "launcher"]
        for i, app in enumerate(apps):
            col, row = i % 4, i // 4
            x, y = 20 + col * 260, 400 + row * 330
            grid.add(Node(cls="android.widget.TextView", text=app.label, desc=app.label,
                          bounds=(x, y, x + 260, y + 300), clickable=True, long_clickable=True,
                          action=("launch", app.package)))
        parent.add(grid)
        search = Node(cls="android.widget.FrameLayout", resource_id=f"{LAUNCHER_PKG}:id/search_container_hotseat",
                      desc="Google search", bounds=(48, HEIGHT - 260, WIDTH - 48, HEIGHT - 120), clickable=True,
                      action=("launch", CHROME_PKG))
        parent.add(search)

    def _render_recents(self, screen: Screen, parent: Node) -> None:
        y = 300
        seen: list[str] = []
        for scr in reversed(self.stack[:-1]):
            if scr.package in APP_BY_PKG and scr.package != LAUNCHER_PKG and scr.package not in seen:
                seen.append(scr.package)
        for pkg in seen:
            parent.add(_button(APP_BY_PKG[pkg].label, y, ("launch", pkg), cls="android.widget.FrameLayout",
                               desc=APP_BY_PKG[pkg].label, h=500))
            y += 560
        parent.add(_button("Clear all", HEIGHT - 260, ("home",), rid=f"{LAUNCHER_PKG}:id/clear_all"))

    def _render_settings_main(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Settings", back=False)
        entries = [
            ("Network & internet", "Mobile, Wi‑Fi, hotspot", ("goto", "settings_network",
             "com.android.settings.Settings$NetworkDashboardActivity")),
            ("Connected devices", "Bluetooth, pairing", ("goto", "settings_connected",
             "com.android.settings.Settings$ConnectedDeviceDashboardActivity")),
            ("Apps", "Assistant, recent apps, default apps", None),
            ("Notifications", "Notification history, conversations", None),
            ("Battery", f"{self.battery_level}%", None),
            ("Display", "Dark theme, font size, brightness", ("goto", "settings_display",
             "com.android.settings.Settings$DisplaySettingsActivity")),
            ("Sound & vibration", "Volume, haptics, Do Not Disturb", ("goto", "settings_sound",
             "com.android.settings.Settings$SoundSettingsActivity")),
        ]
        lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{SETTINGS_PKG}:id/recycler_view",
                   bounds=(0, y, WIDTH, HEIGHT), scrollable=True)
        for title, summary, action in entries:
            lst.add(_entry_row(title, summary, y, action or ("noop",)))
            y += 210
        parent.add(lst)

    def _render_settings_network(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Network & internet")
        parent.add(_entry_row("Wi‑Fi", "On" if self.state.wifi else "Off", y,
                              ("goto", "settings_wifi", "com.android.settings.Settings$WifiSettingsActivity")))
        parent.add(_switch_row("Airplane mode", self.state.airplane, y + 210, ("toggle", "airplane")))

    def _render_settings_wifi(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Wi‑Fi")
        parent.add(_switch_row("Use Wi‑Fi", self.state.wifi, y, ("toggle", "wifi")))
        if self.state.wifi:
            parent.add(_text("HomeNetwork", y + 230, rid="android:id/title"),
                       _text("Connected", y + 330, rid="android:id/summary", h=60))

    def _render_settings_connected(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Connected devices")
        parent.add(_entry_row("Bluetooth", "On" if self.state.bluetooth else "Off", y,
                              ("goto", "settings_bluetooth", "com.android.settings.Settings$BluetoothDashboardActivity")))

    def _render_settings_bluetooth(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Bluetooth")
        parent.add(_switch_row("Use Bluetooth", self.state.bluetooth, y, ("toggle", "bluetooth")))

    def _render_settings_display(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Display")
        parent.add(Node(cls="android.widget.SeekBar", text=str(self.state.brightness), desc="Brightness level",
                        resource_id="android:id/seekbar", bounds=(48, y, WIDTH - 48, y + 120)))

    def _render_settings_sound(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Sound & vibration")
        parent.add(_text("Media volume", y, rid="android:id/title"),
                   Node(cls="android.widget.SeekBar", text=str(self.state.volume), desc="Media volume",
                        resource_id="android:id/seekbar", bounds=(48, y + 110, WIDTH - 48, y + 230)))

    def _render_settings_page(self, screen: Screen, parent: Node) -> None:
        self._title(parent, screen.data.get("title", "Settings"))

    def _render_conversations(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Messages", back=False)
        lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{MESSAGES_PKG}:id/conversation_list",
                   bounds=(0, y, WIDTH, HEIGHT - 300), scrollable=True)
        threads: dict[str, str] = {}
        for msg in self.state.inbox:
            threads[msg.sender] = msg.body
        for sms in self.state.sms_sent:
            threads[sms.to] = "You: " + sms.body

        def row(who: str, snippet: str) -> Callable[[int], Node]:
            def build(y: int) -> Node:
                node = Node(cls="android.widget.LinearLayout", resource_id=f"{MESSAGES_PKG}:id/swipeableContainer",
                            bounds=(0, y, WIDTH, y + 220), clickable=True, action=("open_conversation", who))
                return node.add(_text(who, y + 30, rid=f"{MESSAGES_PKG}:id/conversation_name", h=80),
                                _text(snippet, y + 120, rid=f"{MESSAGES_PKG}:id/conversation_snippet", h=70))
            return build
        _scroll_list(screen, lst, [(230, row(w, t)) for w, t in reversed(list(threads.items()))])
        parent.add(lst)
        parent.add(_button("Start chat", HEIGHT - 280, ("new_chat",), rid=f"{MESSAGES_PKG}:id/start_chat_fab",
                           desc="Start chat", x1=WIDTH - 480, x2=WIDTH - 48, cls="android.widget.Button"))

    def _render_compose(self, screen: Screen, parent: Node) -> None:
        d = screen.data
        y = self._title(parent, d.get("to") or "New conversation")
        focus = d.get("focus")
        parent.add(Node(cls="android.widget.MultiAutoCompleteTextView", text=d.get("to", "") or "To",
                        resource_id=f"{MESSAGES_PKG}:id/recipient_text_view", bounds=(48, y, WIDTH - 48, y + 140),
                        clickable=True, focused=focus == "to", action=("focus", "to")))
        ty = y + 180
        for body in d.get("thread", []):
            parent.add(_text(body, ty, rid=f"{MESSAGES_PKG}:id/message_text", x1=400))
            ty += 130
        for msg in self.state.inbox:
            if msg.sender == d.get("to"):
                parent.add(_text(msg.body, ty, rid=f"{MESSAGES_PKG}:id/message_text", x2=700))
                ty += 130
        bottom = HEIGHT - 220 - (900 if d.get("keyboard") else 0)
        body = d.get("body", "")
        parent.add(Node(cls="android.widget.EditText", text=body or "Text message",
                        resource_id=f"{MESSAGES_PKG}:id/compose_message_text", bounds=(48, bottom, 880, bottom + 160),
                        clickable=True, focused=focus == "body", long_clickable=True, action=("focus", "body")))
        can_send = bool(body.strip()) and bool(d.get("to", "").strip())
        parent.add(Node(cls="android.widget.ImageButton", desc="Send SMS",
                        resource_id=f"{MESSAGES_PKG}:id/send_message_button", bounds=(900, bottom, 1040, bottom + 160),
                        clickable=can_send, enabled=can_send, action=("send_sms",) if can_send else None))
        if d.get("keyboard"):
            parent.add(Node(cls="android.inputmethodservice.KeyboardView", resource_id="com.google.android.inputmethod.latin:id/keyboard_view",
                            bounds=(0, HEIGHT - 900, WIDTH, HEIGHT)))

    def _render_dialer(self, screen: Screen, parent: Node) -> None:
        digits = screen.data.get("digits", "")
        parent.add(Node(cls="android.widget.EditText", text=digits, resource_id=f"{DIALER_PKG}:id/digits",
                        bounds=(48, 500, WIDTH - 48, 700), focused=True))
        keys = "123456789*0#"
        for i, key in enumerate(keys):
            col, row = i % 3, i // 3
            x, y = 90 + col * 320, 800 + row * 260
            parent.add(Node(cls="android.widget.FrameLayout", desc=key, resource_id=f"{DIALER_PKG}:id/dialpad_key_number",
                            text=key, bounds=(x, y, x + 260, y + 220), clickable=True, action=("digit", key)))
        parent.add(Node(cls="android.widget.ImageButton", desc="Call", resource_id=f"{DIALER_PKG}:id/dialpad_floating_action_button",
                        bounds=(400, 1900, 680, 2100), clickable=True, action=("call_digits",)))

    def _render_incall(self, screen: Screen, parent: Node) -> None:
        to = screen.data.get("to", "")
        name = next((n for n, num in self.contacts.items() if num == to), to)
        parent.add(_text(name, 500, rid=f"{DIALER_PKG}:id/contactgrid_contact_name", h=150),
                   _text("Calling…", 660, rid=f"{DIALER_PKG}:id/contactgrid_status_text", h=90))
        parent.add(Node(cls="android.widget.ImageButton", desc="End call", resource_id=f"{DIALER_PKG}:id/incall_end_call",
                        bounds=(400, 1950, 680, 2180), clickable=True, action=("end_call",)))

    def _render_clock(self, screen: Screen, parent: Node) -> None:
        tab = screen.data.get("tab", "alarms")
        y = self._title(parent, "Alarm" if tab == "alarms" else "Timer", back=False)
        if tab == "alarms":
            lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{CLOCK_PKG}:id/alarm_recycler_view",
                       bounds=(0, y, WIDTH, HEIGHT - 250), scrollable=True)

            def row(i: int, alarm: AlarmRecord) -> Callable[[int], Node]:
                def build(y: int) -> Node:
                    h12 = alarm.hour % 12 or 12
                    label = f"{h12}:{alarm.minute:02d}\u202f{'AM' if alarm.hour < 12 else 'PM'}"
                    card = Node(cls="android.widget.FrameLayout", resource_id=f"{CLOCK_PKG}:id/alarm_card",
                                bounds=(24, y, WIDTH - 24, y + 230))
                    card.add(_text(label, y, rid=f"{CLOCK_PKG}:id/digital_clock", x2=800, h=140))
                    if alarm.message:
                        card.add(_text(alarm.message, y + 140, rid=f"{CLOCK_PKG}:id/edit_label", x2=800, h=70))
                    return card.add(Node(cls="android.widget.Switch", resource_id=f"{CLOCK_PKG}:id/onoff",
                                         text="ON" if alarm.enabled else "OFF", bounds=(880, y + 30, 1032, y + 110),
                                         checkable=True, checked=alarm.enabled, clickable=True,
                                         action=("alarm_toggle", i)))
                return build
            parent.add(_scroll_list(screen, lst, [(240, row(i, a)) for i, a in enumerate(self.state.alarms)]))
        else:
            for timer in self.state.timers:
                m, s = divmod(timer.seconds, 60)
                parent.add(_text(f"{m:02d}:{s:02d}", y, rid=f"{CLOCK_PKG}:id/timer_text", h=140))
                y += 200

    def _render_camera(self, screen: Screen, parent: Node) -> None:
        parent.add(Node(cls="android.view.View", resource_id=f"{CAMERA_PKG}:id/preview_content",
                        bounds=(0, STATUS_BAR, WIDTH, 1900)))
        parent.add(Node(cls="android.widget.ImageButton", desc="Shutter", resource_id=f"{CAMERA_PKG}:id/shutter_button",
                        bounds=(410, 2000, 670, 2260), clickable=True, action=("shutter",)))

    def _render_chrome(self, screen: Screen, parent: Node) -> None:
        d = screen.data
        editing = d.get("editing", False)
        parent.add(Node(cls="android.widget.EditText", text=d.get("url_edit", "") if editing else d.get("url", ""),
                        resource_id=f"{CHROME_PKG}:id/url_bar", bounds=(160, STATUS_BAR + 20, 900, STATUS_BAR + 150),
                        clickable=True, focused=editing, action=("url_bar",)))
        parent.add(Node(cls="android.webkit.WebView", text=d.get("url", ""), resource_id=f"{CHROME_PKG}:id/compositor_view_holder",
                        bounds=(0, STATUS_BAR + 170, WIDTH, HEIGHT), scrollable=True))

    def _render_maps(self, screen: Screen, parent: Node) -> None:
        parent.add(Node(cls="android.widget.EditText", text=screen.data.get("query", "") or "Search here",
                        resource_id="com.google.android.apps.maps:id/search_omnibox_text_box",
                        bounds=(48, STATUS_BAR + 20, WIDTH - 48, STATUS_BAR + 160), clickable=True))

    def _render_contacts(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Contacts", back=False)
        lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id="android:id/list",
                   bounds=(0, y, WIDTH, HEIGHT), scrollable=True)

        def row(name: str) -> Callable[[int], Node]:
            return lambda y: _text(name, y, rid="com.google.android.contacts:id/cliv_name_textview", clickable=True,
                                   action=("dial_contact", name), h=140)
        parent.add(_scroll_list(screen, lst, [(150, row(n)) for n in sorted(self.contacts, key=str.lower)]))

    def _render_shade(self, screen: Screen, parent: Node) -> None:
        # The shade is SystemUI's window over the app; each notification row opens its app.
        y = STATUS_BAR + 300
        parent.add(_text("Notifications", STATUS_BAR + 150, rid=f"{SYSTEMUI_PKG}:id/header_label", h=100))
        lst = Node(cls="android.widget.ScrollView", resource_id=f"{SYSTEMUI_PKG}:id/notification_stack_scroller",
                   bounds=(0, y, WIDTH, HEIGHT - 200), scrollable=True)

        def row(rec: NotificationRecord) -> Callable[[int], Node]:
            def build(y: int) -> Node:
                app = APP_BY_PKG.get(rec.package)
                node = Node(cls="android.widget.FrameLayout", resource_id=f"{SYSTEMUI_PKG}:id/expandableNotificationRow",
                            desc=f"{app.label if app else rec.package} notification: {rec.title}",
                            bounds=(24, y, WIDTH - 24, y + 260), clickable=True, action=("open_notification", rec.package))
                return node.add(_text(app.label if app else rec.package, y + 20, rid="android:id/app_name_text", h=60),
                                _text(rec.title, y + 85, rid="android:id/title", h=70),
                                _text(rec.text, y + 160, rid="android:id/text", h=80))
            return build
        parent.add(_scroll_list(screen, lst, [(280, row(r)) for r in reversed(self.state.notifications)]))
        if not self.state.notifications:
            parent.add(_text("No notifications", y, rid=f"{SYSTEMUI_PKG}:id/no_notifications"))

    def _render_generic(self, screen: Screen, parent: Node) -> None:
        app = APP_BY_PKG.get(screen.package)
        self._title(parent, app.label if app else screen.package, back=False)
