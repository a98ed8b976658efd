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
from datetime import datetime, timedelta
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


class PhotoRecord(BaseModel):
    name: str          # file name under DCIM/Camera, e.g. IMG_20261128_183012.jpg
    taken: datetime    # phone-local time the photo was taken


class ShareRecord(BaseModel):
    item: str          # what was shared (a photo's file name)
    app: str           # package that received it
    to: str = ""       # recipient number, when the app sent it to someone


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
    # Settings reached through screens (Display, Battery, Notifications, Apps -> app info)
    dark_mode: bool = False
    battery_saver: bool = False
    battery_percentage: bool = False
    adaptive_brightness: bool = True
    auto_rotate: bool = False
    do_not_disturb: bool = False
    app_notifications: dict[str, bool] = Field(default_factory=dict)  # package -> "All <app> notifications"
    gallery: list[PhotoRecord] = Field(default_factory=list)  # what Photos shows, newest first when rendered
    trash: list[str] = Field(default_factory=list)            # photos moved to the trash
    shares: list[ShareRecord] = Field(default_factory=list)


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

# Settings pages: renderer kind -> activity (Android 14 names where the page has its own activity;
# SubSettings for the generic pages). Distinct activities keep BACK working page by page.
SETTINGS_ACTIVITIES: dict[str, str] = {
    "settings_main": "com.android.settings.Settings",
    "settings_network": "com.android.settings.Settings$NetworkDashboardActivity",
    "settings_wifi": "com.android.settings.Settings$WifiSettingsActivity",
    "settings_connected": "com.android.settings.Settings$ConnectedDeviceDashboardActivity",
    "settings_bluetooth": "com.android.settings.Settings$BluetoothDashboardActivity",
    "settings_apps": "com.android.settings.Settings$AppDashboardActivity",
    "settings_all_apps": "com.android.settings.Settings$ManageApplicationsActivity",
    "settings_app_info": "com.android.settings.applications.InstalledAppDetails",
    "settings_app_notif": "com.android.settings.Settings$AppNotificationSettingsActivity",
    "settings_notifications": "com.android.settings.Settings$ConfigureNotificationSettingsActivity",
    "settings_notif_apps": "com.android.settings.Settings$NotificationAppListActivity",
    "settings_dnd": "com.android.settings.Settings$ZenModeSettingsActivity",
    "settings_battery": "com.android.settings.Settings$PowerUsageSummaryActivity",
    "settings_battery_saver": "com.android.settings.Settings$BatterySaverSettingsActivity",
    "settings_display": "com.android.settings.Settings$DisplaySettingsActivity",
    "settings_sound": "com.android.settings.Settings$SoundSettingsActivity",
    "settings_accessibility": "com.android.settings.Settings$AccessibilitySettingsActivity",
    "settings_security": "com.android.settings.Settings$SecurityDashboardActivity",
    "settings_system": "com.android.settings.Settings$SystemDashboardActivity",
    "settings_about": "com.android.settings.Settings$MyDeviceInfoActivity",
    "settings_page": "com.android.settings.SubSettings",
}
PHOTOS_PKG = "com.google.android.apps.photos"
CONTACTS_PKG = "com.google.android.contacts"
INTENTRESOLVER_PKG = "com.android.intentresolver"  # Android 14's share sheet

APPS: list[App] = [
    App(LAUNCHER_PKG, "Pixel Launcher", "com.google.android.apps.nexuslauncher.NexusLauncherActivity",
        "launcher"),
    App(SETTINGS_PKG, "Settings", "com.android.settings.Settings", "settings",
        activities=tuple(a for a in SETTINGS_ACTIVITIES.values() if a != "com.android.settings.Settings")),
    App(MESSAGES_PKG, "Messages", "com.google.android.apps.messaging.ui.ConversationListActivity",
        "messages", activities=("com.google.android.apps.messaging.ui.conversation.ConversationActivity",
                                "com.google.android.apps.messaging.ui.conversation.LaunchConversationActivity",
                                "com.google.android.apps.messaging.ui.appsettings.ShareIntentActivity")),
    App(DIALER_PKG, "Phone", "com.google.android.dialer.extensions.GoogleDialtactsActivity", "dialer",
        activities=("com.android.incallui.InCallActivity",)),
    App(CLOCK_PKG, "Clock", "com.android.deskclock.DeskClock", "clock",
        activities=("com.android.deskclock.HandleApiCalls",)),
    App(CAMERA_PKG, "Camera", "com.android.camera.CameraLauncher", "camera",
        activities=("com.android.camera.CameraActivity",)),
    App(CHROME_PKG, "Chrome", "com.google.android.apps.chrome.Main", "chrome"),
    App(CONTACTS_PKG, "Contacts", "com.android.contacts.activities.PeopleActivity", "contacts"),
    App("com.google.android.calendar", "Calendar", "com.android.calendar.AllInOneActivity", "generic"),
    App("com.google.android.apps.maps", "Maps", "com.google.android.maps.MapsActivity", "maps"),
    App(PHOTOS_PKG, "Photos", "com.google.android.apps.photos.home.HomeActivity", "photos",
        activities=("com.google.android.apps.photos.pager.HostPhotoPagerActivity",)),
    App("com.spotify.music", "Spotify", "com.spotify.music.MainActivity", "generic", system=False),
    App("com.instagram.android", "Instagram", "com.instagram.mainactivity.LauncherActivity", "generic", system=False),
    App("com.whatsapp", "WhatsApp", "com.whatsapp.Main", "generic", system=False),
    App("com.google.android.gm", "Gmail", "com.google.android.gm.ConversationListActivityGmail", "generic"),
]
APP_BY_PKG = {app.package: app for app in APPS}
# Installed but not launchable: they show up in `pm list packages` like on a real phone.
OTHER_PACKAGES = ["android", "com.google.android.inputmethod.latin", "com.android.systemui", "com.android.phone", "com.android.shell",
                  INTENTRESOLVER_PKG,
                  "com.android.providers.contacts", "com.android.providers.telephony",
                  "com.google.android.gms", "com.android.vending"]
APP_COLORS = {
    "launcher": (32, 33, 36), "settings": (232, 240, 254), "messages": (225, 245, 254),
    "dialer": (230, 244, 234), "clock": (30, 30, 40), "camera": (0, 0, 0), "chrome": (255, 255, 255),
    "maps": (229, 227, 223), "shade": (40, 40, 48), "contacts": (250, 250, 250), "generic": (245, 245, 245), "photos": (255, 255, 255), "photo": (0, 0, 0),
    "sharesheet": (240, 240, 245), "incall": (20, 60, 40), "recents": (60, 60, 70),
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


def _plain_row(title: str, y: int, action: tuple) -> Node:
    row = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + 150), clickable=True, action=action)
    return row.add(_text(title, y + 35, rid="android:id/title", h=80))


def _goto(kind: str, **data: Any) -> tuple:
    """The tap action that opens Settings page `kind` (with page data such as the app's package)."""
    return ("goto", kind, SETTINGS_ACTIVITIES[kind], data)


def zlib_size(package: str) -> int:
    """A stable made-up app size in MB (Storage & cache)."""
    import zlib

    return 20 + zlib.crc32(package.encode()) % 280


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
        self.now: Callable[[], datetime] = datetime.now  # the phone's clock (Photos' "Today"/"Yesterday")
        self.state.app_notifications = {a.package: True for a in APPS if a.kind != "launcher"}
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
        elif kind == "photos":
            data["scroll"] = 0
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

    def add_photo(self, taken: datetime, name: str | None = None) -> str:
        """Put a photo in the gallery (as if taken at `taken`); returns its file name."""
        with self.lock:
            name = name or f"IMG_{taken:%Y%m%d_%H%M%S}.jpg"
            self.state.gallery.append(PhotoRecord(name=name, taken=taken))
            if self.on_photo:
                self.on_photo(f"/sdcard/DCIM/Camera/{name}")
            return name

    # ---------------------------------------------------------------- input
    def _focused_field(self) -> tuple[Screen, str] | None:
        top = self.top
        if top.kind == "compose":
            return top, top.data.get("focus") or "body"
        if top.kind == "chrome" and top.data.get("editing"):
            return top, "url_edit"
        if top.kind == "dialer":
            return top, "digits"
        if top.kind == "share_pick":
            return top, "query"
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
            top = self.top
            if top.kind == "clock" and top.data.get("snackbar") and (hit is None or hit.action != ("alarm_undo",)):
                top.data.pop("snackbar")  # the "Alarm deleted" snackbar goes away on the next touch
            if hit is not None and hit.action is not None:
                self._perform(hit.action)
            return hit

    def _perform(self, action: tuple) -> None:
        name, *args = action
        top = self.top
        if name == "launch":
            self.launch(args[0])
        elif name == "goto":
            kind, activity, *data = args
            self.push(Screen(SETTINGS_PKG, activity, kind, dict(data[0]) if data else {}))
        elif name == "toggle":
            what = args[0]
            if what == "wifi":
                self.set_wifi(not self.state.wifi)
            elif what == "bluetooth":
                self.set_bluetooth(not self.state.bluetooth)
            elif what == "airplane":
                self.set_airplane(not self.state.airplane)
            elif what == "dnd":
                self.state.do_not_disturb = not self.state.do_not_disturb
            elif what in ("dark_mode", "battery_saver", "battery_percentage", "adaptive_brightness", "auto_rotate"):
                setattr(self.state, what, not getattr(self.state, what))
        elif name == "app_notifications":
            pkg = args[0]
            self.state.app_notifications[pkg] = not self.state.app_notifications.get(pkg, True)
        elif name == "screen_flag":  # a switch whose value only lives on its page
            *path, key = args[0].split(".")
            holder = top.data
            for part in path:
                holder = holder.setdefault(part, {})
            holder[key] = not holder.get(key, False)
        elif name == "app_info":
            self.push(Screen(SETTINGS_PKG, SETTINGS_ACTIVITIES["settings_app_info"], "settings_app_info", {"pkg": args[0]}))
        elif name == "force_stop":
            pass  # the app is not running in the foreground here; nothing visible changes
        elif name == "clock_tab":
            top.data["tab"] = args[0]
            top.data.pop("expanded", None)
            top.data["scroll"] = 0
        elif name == "alarm_expand":
            top.data["expanded"] = args[0]
        elif name == "alarm_delete":
            i = args[0]
            if 0 <= i < len(self.state.alarms):
                top.data["snackbar"] = (i, self.state.alarms.pop(i).model_dump())
            top.data.pop("expanded", None)
        elif name == "alarm_undo":
            held = top.data.pop("snackbar", None)
            if held:
                self.state.alarms.insert(held[0], AlarmRecord(**held[1]))
        elif name == "open_photo":
            self.push(Screen(PHOTOS_PKG, "com.google.android.apps.photos.pager.HostPhotoPagerActivity", "photo_view",
                             {"photo": args[0]}))
        elif name == "share_photo":
            self.push(Screen(INTENTRESOLVER_PKG, "com.android.intentresolver.ChooserActivity", "sharesheet",
                             {"photo": args[0]}))
        elif name == "trash_photo":
            self.state.gallery = [p for p in self.state.gallery if p.name != args[0]]
            self.state.trash.append(args[0])
            self.back()
        elif name == "share_to":
            pkg, photo = args
            self.stack.pop()  # the chooser closes once a target is picked
            if pkg == MESSAGES_PKG:
                self.push(Screen(MESSAGES_PKG, "com.google.android.apps.messaging.ui.appsettings.ShareIntentActivity",
                                 "share_pick", {"photo": photo, "query": ""}))
            elif pkg in APP_BY_PKG:
                self.push(self.main_screen(APP_BY_PKG[pkg]))
            self._sync_foreground()
        elif name == "share_pick":
            number, photo = args[0], top.data.get("photo")
            self.stack.pop()  # the picker is replaced by the conversation with the photo attached
            self.compose(number, "")
            self.top.data.update({"attachment": photo, "focus": "body", "keyboard": False})
        elif name == "remove_attachment":
            top.data.pop("attachment", None)
        elif name == "focus":
            top.data["focus"] = args[0]
            top.data["keyboard"] = True
        elif name == "send_sms":
            to, body = top.data.get("to", "").strip(), top.data.get("body", "")
            attachment = top.data.pop("attachment", None)
            if to and attachment:
                self.state.shares.append(ShareRecord(item=attachment, app=MESSAGES_PKG, to=to))
                top.data.setdefault("thread", []).append("Photo")
            if to and body.strip():
                self.state.sms_sent.append(SmsRecord(to=to, body=body))
                top.data.setdefault("thread", []).append(body)
                top.data["body"] = ""
            if to and (attachment or body.strip()):
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
            self.state.gallery.append(PhotoRecord(name=name, taken=self.now()))
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

    # ---------------------------------------------------------------- settings (Android 14 layout)
    def _settings_page(self, screen: Screen, parent: Node, title: str, rows: list[tuple], *, back: bool = True,
                       search: bool = False) -> None:
        """A Settings page: the title bar (and the search bar on the top page), then its rows."""
        y = self._title(parent, title, back=back)
        if search:
            parent.add(Node(cls="android.widget.TextView", text="Search settings",
                            resource_id=f"{SETTINGS_PKG}:id/search_action_bar", bounds=(48, y, WIDTH - 48, y + 140),
                            clickable=True, action=("noop",)))
            y += 170
        self._settings_list(screen, parent, y, rows)

    def _settings_list(self, screen: Screen, parent: Node, top: int, rows: list[tuple]) -> None:
        """A scrolling list of Settings rows from `top` down.

        Row specs: ("entry", title, summary, action) opens something; ("switch", title, on, action,
        summary) is a primary-switch row (tapping the row or its Switch flips it); ("header", text)
        is a category title; ("info", title, value) is a non-clickable pair (About phone)."""
        lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{SETTINGS_PKG}:id/recycler_view",
                   bounds=(0, top, WIDTH, HEIGHT), scrollable=True)
        built: list[tuple[int, Callable[[int], Node]]] = []
        for spec in rows:
            kind = spec[0]
            if kind == "entry":
                _, t, summary, action = spec
                built.append((210 if summary else 160, lambda y, t=t, su=summary, a=action: (
                    _entry_row(t, su, y, a) if su else _plain_row(t, y, a))))
            elif kind == "switch":
                _, t, on, action, *rest = spec
                built.append((210, lambda y, t=t, on=on, a=action, su=(rest[0] if rest else ""):
                              _switch_row(t, on, y, a, summary=su)))
            elif kind == "header":
                built.append((120, lambda y, t=spec[1]: _text(t, y + 30, rid="android:id/title", h=80)))
            elif kind == "info":
                _, t, value = spec
                built.append((210, lambda y, t=t, v=value: Node(cls="android.widget.LinearLayout",
                                                                  bounds=(0, y, WIDTH, y + 200)).add(
                    _text(t, y + 30, rid="android:id/title", h=80), _text(v, y + 110, rid="android:id/summary", h=60))))
        parent.add(_scroll_list(screen, lst, built))

    @staticmethod
    def _page(title: str) -> tuple:
        return _goto("settings_page", title=title)

    def _render_settings_main(self, screen: Screen, parent: Node) -> None:
        p = self._page
        rows = [
            ("entry", "Network & internet", "Mobile, Wi‑Fi, hotspot", _goto("settings_network")),
            ("entry", "Connected devices", "Bluetooth, pairing", _goto("settings_connected")),
            ("entry", "Apps", "Assistant, recent apps, default apps", _goto("settings_apps")),
            ("entry", "Notifications", "Notification history, conversations", _goto("settings_notifications")),
            ("entry", "Battery", f"{self.battery_level}%" + (" - Battery Saver on" if self.state.battery_saver else ""),
             _goto("settings_battery")),
            ("entry", "Storage", "34% used - 84.5 GB free", p("Storage")),
            ("entry", "Sound & vibration", "Volume, haptics, Do Not Disturb", _goto("settings_sound")),
            ("entry", "Display", "Dark theme, font size, brightness", _goto("settings_display")),
            ("entry", "Wallpaper & style", "Colors, themed icons, app grid", p("Wallpaper & style")),
            ("entry", "Accessibility", "Display, interaction, audio", _goto("settings_accessibility")),
            ("entry", "Security & privacy", "App security, device lock, permissions", _goto("settings_security")),
            ("entry", "Location", "On - 3 apps have access to location", p("Location")),
            ("entry", "Safety & emergency", "Emergency SOS, medical info, alerts", p("Safety & emergency")),
            ("entry", "Passwords & accounts", "Saved passwords, autofill, synced accounts", p("Passwords & accounts")),
            ("entry", "Digital Wellbeing & parental controls", "Screen time, app timers, bedtime schedules",
             p("Digital Wellbeing & parental controls")),
            ("entry", "Google", "Services & preferences", p("Google")),
            ("entry", "System", "Languages, gestures, time, backup", _goto("settings_system")),
            ("entry", "About phone", "Pixel 7", _goto("settings_about")),
            ("entry", "Tips & support", "Help articles, phone & chat", p("Tips & support")),
        ]
        self._settings_page(screen, parent, "Settings", rows, back=False, search=True)

    def _render_settings_network(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Network & internet", [
            ("entry", "Wi‑Fi", "On" if self.state.wifi else "Off", _goto("settings_wifi")),
            ("entry", "Calls & SMS", "T-Mobile", p("Calls & SMS")),
            ("entry", "SIMs", "T-Mobile", p("SIMs")),
            ("switch", "Airplane mode", self.state.airplane, ("toggle", "airplane")),
            ("entry", "Hotspot & tethering", "Off", p("Hotspot & tethering")),
            ("entry", "Data Saver", "Off", p("Data Saver")),
            ("entry", "VPN", "None", p("VPN")),
            ("entry", "Private DNS", "Automatic", p("Private DNS")),
        ])

    def _render_settings_wifi(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Wi‑Fi")
        parent.add(_switch_row("Use Wi‑Fi", self.state.wifi, y, ("toggle", "wifi")))
        if self.state.wifi:
            parent.add(_text("HomeNetwork", y + 230, rid="android:id/title"),
                       _text("Connected", y + 330, rid="android:id/summary", h=60))

    def _render_settings_connected(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Connected devices", [
            ("entry", "Pair new device", "", p("Pair new device")),
            ("entry", "Bluetooth", "On" if self.state.bluetooth else "Off", _goto("settings_bluetooth")),
            ("entry", "Connection preferences", "NFC, Android Auto, Quick Share", p("Connection preferences")),
        ])

    def _render_settings_bluetooth(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Bluetooth")
        parent.add(_switch_row("Use Bluetooth", self.state.bluetooth, y, ("toggle", "bluetooth")))

    def _user_apps(self) -> list[App]:
        return sorted((a for a in APPS if a.kind != "launcher"), key=lambda a: a.label.lower())

    def _render_settings_apps(self, screen: Screen, parent: Node) -> None:
        p = self._page
        recent = [APP_BY_PKG[pkg] for pkg in ("com.whatsapp", CHROME_PKG, "com.spotify.music")]
        rows: list[tuple] = [("header", "Recently opened apps")]
        rows += [("entry", a.label, f"{2 + 7 * i} min ago", ("app_info", a.package)) for i, a in enumerate(recent)]
        rows += [("entry", f"See all {len(self._user_apps())} apps", "", _goto("settings_all_apps")),
                 ("header", "General"),
                 ("entry", "Default apps", "Chrome, Phone, and Messages", p("Default apps")),
                 ("entry", "Screen time", "Today: 1 hr, 12 min", p("Screen time")),
                 ("entry", "Unused apps", "0 unused apps", p("Unused apps")),
                 ("entry", "App battery usage", "", p("App battery usage")),
                 ("entry", "Special app access", "2 apps can use unrestricted data", p("Special app access"))]
        self._settings_page(screen, parent, "Apps", rows)

    def _render_settings_all_apps(self, screen: Screen, parent: Node) -> None:
        rows = [("entry", a.label, f"{(zlib_size(a.package))} MB", ("app_info", a.package)) for a in self._user_apps()]
        self._settings_page(screen, parent, "All apps", rows)

    def _render_settings_app_info(self, screen: Screen, parent: Node) -> None:
        app = APP_BY_PKG.get(screen.data.get("pkg", ""))
        if app is None:
            self._title(parent, "App info")
            return
        on = self.state.app_notifications.get(app.package, True)
        p = self._page
        y = self._title(parent, "App info")
        parent.add(_text(app.label, y, rid=f"{SETTINGS_PKG}:id/entity_header_title", h=100))
        by = y + 130
        parent.add(_button("Open", by, ("launch", app.package), rid=f"{SETTINGS_PKG}:id/button1", x1=48, x2=360),
                   _button("Uninstall" if not app.system else "Disable", by, ("noop",), rid=f"{SETTINGS_PKG}:id/button2",
                           x1=384, x2=696),
                   _button("Force stop", by, ("force_stop", app.package), rid=f"{SETTINGS_PKG}:id/button3", x1=720, x2=1032))
        self._settings_list(screen, parent, by + 170, [
            ("entry", "Notifications", "~3 notifications per week" if on else "Off", _goto("settings_app_notif", pkg=app.package)),
            ("entry", "Permissions", "No permissions requested", p("Permissions")),
            ("entry", "Storage & cache", f"{zlib_size(app.package)} MB used in internal storage", p("Storage & cache")),
            ("entry", "Mobile data & Wi‑Fi", "No data used", p("Mobile data & Wi‑Fi")),
            ("entry", "Screen time", "Less than 1 minute today", p("Screen time")),
            ("entry", "App battery usage", "Optimized", p("App battery usage")),
            ("entry", "Open by default", "Allow app to open supported links", p("Open by default")),
            ("switch", "Pause app activity if unused", False, ("noop",), "Remove permissions, delete temporary files"),
        ])

    def _render_settings_app_notif(self, screen: Screen, parent: Node) -> None:
        app = APP_BY_PKG.get(screen.data.get("pkg", ""))
        label = app.label if app else screen.data.get("pkg", "")
        on = self.state.app_notifications.get(screen.data.get("pkg", ""), True)
        y = self._title(parent, "Notifications")
        parent.add(_text(label, y, rid=f"{SETTINGS_PKG}:id/entity_header_title", h=100))
        rows: list[tuple] = [("switch", f"All {label} notifications", on, ("app_notifications", screen.data.get("pkg", "")))]
        if on:
            dots = screen.data.setdefault("dots", True)
            rows += [("switch", "Allow notification dot", dots, ("screen_flag", "dots")),
                     ("header", "Other"),
                     ("entry", "Additional settings in the app", "", ("launch", app.package) if app else ("noop",))]
        self._settings_list(screen, parent, y + 130, rows)

    def _render_settings_notifications(self, screen: Screen, parent: Node) -> None:
        p = self._page
        flags = screen.data.setdefault("flags", {"silent": False, "snooze": False, "dot": True, "enhanced": True})
        self._settings_page(screen, parent, "Notifications", [
            ("header", "Manage"),
            ("entry", "App notifications", "Control notifications from individual apps", _goto("settings_notif_apps")),
            ("entry", "Notification history", "Show recent and snoozed notifications", p("Notification history")),
            ("header", "Conversation"),
            ("entry", "Conversations", "No priority conversations", p("Conversations")),
            ("entry", "Bubbles", "On / Conversations can appear as floating icons", p("Bubbles")),
            ("header", "Privacy"),
            ("entry", "Notifications on lock screen", "Show conversations, default, and silent", p("Notifications on lock screen")),
            ("header", "General"),
            ("entry", "Do Not Disturb", "On" if self.state.do_not_disturb else "Off", _goto("settings_dnd")),
            ("entry", "Flash notifications", "Off", p("Flash notifications")),
            ("switch", "Hide silent notifications in status bar", flags["silent"], ("screen_flag", "flags.silent")),
            ("switch", "Allow notification snoozing", flags["snooze"], ("screen_flag", "flags.snooze")),
            ("switch", "Notification dot on app icon", flags["dot"], ("screen_flag", "flags.dot")),
            ("switch", "Enhanced notifications", flags["enhanced"], ("screen_flag", "flags.enhanced"),
             "Get suggested actions, replies, and more"),
        ])

    def _render_settings_notif_apps(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "App notifications")
        parent.add(_text("Most recent", y, rid=f"{SETTINGS_PKG}:id/filter_spinner", h=100, clickable=True, action=("noop",)))
        lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{SETTINGS_PKG}:id/apps_list",
                   bounds=(0, y + 130, WIDTH, HEIGHT), scrollable=True)

        def row(app: App) -> Callable[[int], Node]:
            def build(y: int) -> Node:
                on = self.state.app_notifications.get(app.package, True)
                r = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + 200), clickable=True,
                         action=_goto("settings_app_notif", pkg=app.package))
                r.add(_text(app.label, y + 30, rid="android:id/title", x2=850, h=80),
                      _text("~3 notifications per week" if on else "Off", y + 110, rid="android:id/summary", x2=850, h=60),
                      Node(cls="android.widget.Switch", text="ON" if on else "OFF", resource_id="android:id/switch_widget",
                           bounds=(880, y + 60, 1032, y + 140), checkable=True, checked=on, clickable=True,
                           action=("app_notifications", app.package)))
                return r
            return build
        parent.add(_scroll_list(screen, lst, [(210, row(a)) for a in self._user_apps()
                                              if a.package not in (SETTINGS_PKG,)]))

    def _render_settings_dnd(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Do Not Disturb", [
            ("switch", "Do Not Disturb", self.state.do_not_disturb, ("toggle", "dnd")),
            ("header", "What can interrupt Do Not Disturb"),
            ("entry", "People", "Starred contacts and repeat callers", p("People")),
            ("entry", "Apps", "None can interrupt", p("Apps")),
            ("entry", "Alarms & other interruptions", "Alarms and media can interrupt", p("Alarms & other interruptions")),
            ("header", "General"),
            ("entry", "Schedules", "1 schedule can turn on automatically", p("Schedules")),
        ])

    def _render_settings_battery(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Battery", [
            ("info", f"{self.battery_level}%", "About 1 day, 4 hr left"),
            ("entry", "Battery usage", "View usage for past 24 hours", p("Battery usage")),
            ("entry", "Battery Saver", "On" if self.state.battery_saver else "Off", _goto("settings_battery_saver")),
            ("entry", "Adaptive preferences", "Adaptive Battery and adaptive charging", p("Adaptive preferences")),
            ("switch", "Battery percentage", self.state.battery_percentage, ("toggle", "battery_percentage"),
             "Show battery percentage in status bar"),
        ])

    def _render_settings_battery_saver(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Battery Saver", [
            ("switch", "Use Battery Saver", self.state.battery_saver, ("toggle", "battery_saver")),
            ("entry", "Set a schedule", "No schedule", p("Set a schedule")),
            ("switch", "Turn off when charged", True, ("noop",)),
        ])

    def _render_settings_display(self, screen: Screen, parent: Node) -> None:
        p = self._page
        y = self._title(parent, "Display")
        parent.add(_text("Brightness level", y, rid="android:id/title", h=80),
                   Node(cls="android.widget.SeekBar", text=str(self.state.brightness), desc="Brightness level",
                        resource_id="android:id/seekbar", bounds=(48, y + 90, WIDTH - 48, y + 210)))
        self._settings_list(screen, parent, y + 230, [
            ("switch", "Adaptive brightness", self.state.adaptive_brightness, ("toggle", "adaptive_brightness")),
            ("header", "Lock display"),
            ("entry", "Lock screen", "Show all notification content", p("Lock screen")),
            ("entry", "Screen timeout", "After 30 seconds of inactivity", p("Screen timeout")),
            ("header", "Appearance"),
            ("switch", "Dark theme", self.state.dark_mode, ("toggle", "dark_mode"),
             "Will turn on automatically at sunset" if False else "Will never turn on automatically"),
            ("entry", "Display size and text", "Font size, bold text", p("Display size and text")),
            ("header", "Color"),
            ("entry", "Night Light", "Off / Will never turn on automatically", p("Night Light")),
            ("entry", "Colors", "Adaptive", p("Colors")),
            ("header", "Other display controls"),
            ("switch", "Auto-rotate screen", self.state.auto_rotate, ("toggle", "auto_rotate")),
            ("entry", "Screen saver", "Clock", p("Screen saver")),
        ])

    def _render_settings_sound(self, screen: Screen, parent: Node) -> None:
        p = self._page
        y = self._title(parent, "Sound & vibration")
        parent.add(_text("Media volume", y, rid="android:id/title"),
                   Node(cls="android.widget.SeekBar", text=str(self.state.volume), desc="Media volume",
                        resource_id="android:id/seekbar", bounds=(48, y + 110, WIDTH - 48, y + 230)))
        self._settings_list(screen, parent, y + 250, [
            ("entry", "Call volume", "", p("Call volume")),
            ("entry", "Ring & notification volume", "", p("Ring & notification volume")),
            ("entry", "Alarm volume", "", p("Alarm volume")),
            ("entry", "Do Not Disturb", "On" if self.state.do_not_disturb else "Off", _goto("settings_dnd")),
            ("entry", "Live Caption", "Automatically caption media", p("Live Caption")),
            ("entry", "Media", "Pin media player", p("Media")),
            ("entry", "Vibration & haptics", "On", p("Vibration & haptics")),
            ("entry", "Phone ringtone", "Your New Adventure", p("Phone ringtone")),
            ("entry", "Default notification sound", "Eureka", p("Default notification sound")),
        ])

    def _render_settings_accessibility(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Accessibility", [
            ("header", "Screen readers"),
            ("entry", "TalkBack", "Off / Speak items on screen", p("TalkBack")),
            ("entry", "Select to Speak", "Off / Hear selected text", p("Select to Speak")),
            ("header", "Display"),
            ("entry", "Display size and text", "", p("Display size and text")),
            ("entry", "Color and motion", "", p("Color and motion")),
            ("entry", "Extra dim", "Off", p("Extra dim")),
            ("entry", "Magnification", "Off", p("Magnification")),
            ("header", "Interaction controls"),
            ("entry", "Accessibility Menu", "Off", p("Accessibility Menu")),
            ("entry", "Switch Access", "Off", p("Switch Access")),
            ("header", "Captions"),
            ("entry", "Caption preferences", "", p("Caption preferences")),
        ])

    def _render_settings_security(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Security & privacy", [
            ("entry", "App security", "Apps scanned 2 hours ago", p("App security")),
            ("entry", "Device unlock", "Screen lock, Face & Fingerprint Unlock", p("Device unlock")),
            ("entry", "Privacy controls", "Permissions, account activity, personal data", p("Privacy controls")),
            ("entry", "Find My Device", "On", p("Find My Device")),
            ("entry", "More security & privacy", "Encryption, credentials, and more", p("More security & privacy")),
        ])

    def _render_settings_system(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "System", [
            ("entry", "Languages", "English (United States)", p("Languages")),
            ("entry", "Keyboard", "Gboard", p("Keyboard")),
            ("entry", "Gestures", "", p("Gestures")),
            ("entry", "Date & time", "GMT+01:00 Central European Standard Time", p("Date & time")),
            ("entry", "Backup", "On", p("Backup")),
            ("entry", "Reset options", "", p("Reset options")),
            ("entry", "System update", "Updated to Android 14", p("System update")),
        ])

    def _render_settings_about(self, screen: Screen, parent: Node) -> None:
        self._settings_page(screen, parent, "About phone", [
            ("info", "Device name", "Pixel 7"),
            ("info", "Phone number (SIM slot 1)", "+49 151 55501234"),
            ("info", "Model", "Pixel 7"),
            ("info", "Android version", "14"),
            ("info", "IP address", "192.168.1.23" if self.state.wifi else "Unavailable"),
            ("info", "Build number", "UQ1A.240205.004"),
        ])

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
        to = d.get("to", "")
        y = self._title(parent, next((n for n, num in self.contacts.items() if to and num == to), to) or "New conversation")
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
        attachment = d.get("attachment")
        if attachment:  # a shared photo waits in the draft until Send
            parent.add(Node(cls="android.widget.ImageView", desc="Image attachment",
                            resource_id=f"{MESSAGES_PKG}:id/attachment_preview", bounds=(48, bottom - 420, 448, bottom - 20)),
                       Node(cls="android.widget.ImageButton", desc="Remove attachment",
                            resource_id=f"{MESSAGES_PKG}:id/close_button", bounds=(460, bottom - 420, 580, bottom - 300),
                            clickable=True, action=("remove_attachment",)))
        parent.add(Node(cls="android.widget.EditText", text=body or "Text message",
                        resource_id=f"{MESSAGES_PKG}:id/compose_message_text", bounds=(48, bottom, 880, bottom + 160),
                        clickable=True, focused=focus == "body", long_clickable=True, action=("focus", "body")))
        can_send = (bool(body.strip()) or bool(attachment)) and bool(d.get("to", "").strip())
        parent.add(Node(cls="android.widget.ImageButton", desc="Send MMS" if attachment else "Send SMS",
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
        titles = {"alarms": "Alarm", "clock": "Clock", "timers": "Timer", "stopwatch": "Stopwatch", "bedtime": "Bedtime"}
        y = self._title(parent, titles.get(tab, "Alarm"), back=False)
        bottom = HEIGHT - 250
        if tab == "alarms":
            lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{CLOCK_PKG}:id/alarm_recycler_view",
                       bounds=(0, y, WIDTH, bottom), scrollable=True)
            expanded = screen.data.get("expanded")

            def row(i: int, alarm: AlarmRecord) -> Callable[[int], Node]:
                def build(y: int) -> Node:
                    h12 = alarm.hour % 12 or 12
                    label = f"{h12}:{alarm.minute:02d}\u202f{'AM' if alarm.hour < 12 else 'PM'}"
                    open_ = expanded == i
                    card = Node(cls="android.widget.FrameLayout", resource_id=f"{CLOCK_PKG}:id/alarm_card",
                                bounds=(24, y, WIDTH - 24, y + (520 if open_ else 230)))
                    card.add(_text(label, y, rid=f"{CLOCK_PKG}:id/digital_clock", x2=800, h=140))
                    card.add(Node(cls="android.widget.Switch", resource_id=f"{CLOCK_PKG}:id/onoff",
                                  text="ON" if alarm.enabled else "OFF", bounds=(880, y + 30, 1032, y + 110),
                                  checkable=True, checked=alarm.enabled, clickable=True, action=("alarm_toggle", i)))
                    if not open_:
                        if alarm.message:
                            card.add(_text(alarm.message, y + 140, rid=f"{CLOCK_PKG}:id/edit_label", x2=800, h=70))
                        return card.add(Node(cls="android.widget.ImageButton", desc="Expand alarm",
                                             resource_id=f"{CLOCK_PKG}:id/arrow", bounds=(900, y + 140, 1032, y + 220),
                                             clickable=True, action=("alarm_expand", i)))
                    card.add(Node(cls="android.widget.TextView", text=alarm.message or "Add label",
                                  resource_id=f"{CLOCK_PKG}:id/edit_label", bounds=(48, y + 150, 800, y + 250),
                                  clickable=True, action=("noop",)),
                             Node(cls="android.widget.CheckBox", text="Vibrate", resource_id=f"{CLOCK_PKG}:id/vibrate_onoff",
                                  bounds=(48, y + 270, 500, y + 370), checkable=True, checked=True, clickable=True,
                                  action=("noop",)),
                             Node(cls="android.widget.Button", text="Delete", resource_id=f"{CLOCK_PKG}:id/delete",
                                  bounds=(48, y + 400, 400, y + 500), clickable=True, action=("alarm_delete", i)),
                             Node(cls="android.widget.ImageButton", desc="Collapse alarm",
                                  resource_id=f"{CLOCK_PKG}:id/arrow", bounds=(900, y + 400, 1032, y + 500),
                                  clickable=True, action=("alarm_expand", None)))
                    return card
                return build
            parent.add(_scroll_list(screen, lst, [(540 if expanded == i else 250, row(i, a))
                                                  for i, a in enumerate(self.state.alarms)]))
            if not self.state.alarms:
                parent.add(_text("No alarms", y + 200, rid=f"{CLOCK_PKG}:id/alarms_empty_view"))
            if screen.data.get("snackbar"):
                bar = Node(cls="android.widget.FrameLayout", resource_id=f"{CLOCK_PKG}:id/snackbar_layout",
                           bounds=(24, bottom - 420, WIDTH - 24, bottom - 250))
                parent.add(bar.add(_text("Alarm deleted", bottom - 395, rid=f"{CLOCK_PKG}:id/snackbar_text", x2=700, h=100),
                                   _button("Undo", bottom - 400, ("alarm_undo",), rid=f"{CLOCK_PKG}:id/snackbar_action",
                                           x1=760, x2=1020, h=120)))
            parent.add(Node(cls="android.widget.ImageButton", desc="Add alarm", resource_id=f"{CLOCK_PKG}:id/fab",
                            bounds=(420, bottom - 220, 660, bottom - 20), clickable=True, action=("noop",)))
        elif tab == "timers":
            for timer in self.state.timers:
                m, s = divmod(timer.seconds, 60)
                parent.add(_text(f"{m:02d}:{s:02d}", y, rid=f"{CLOCK_PKG}:id/timer_text", h=140))
                y += 200
        elif tab == "clock":
            parent.add(_text(time.strftime("%H:%M"), y, rid=f"{CLOCK_PKG}:id/digital_clock", h=200))
        # the tab bar at the bottom, as Google Clock lays it out
        tabs = [("alarms", "Alarm"), ("clock", "Clock"), ("timers", "Timer"), ("stopwatch", "Stopwatch"),
                ("bedtime", "Bedtime")]
        w = WIDTH // len(tabs)
        bar = Node(cls="android.widget.LinearLayout", resource_id=f"{CLOCK_PKG}:id/tabs", bounds=(0, bottom, WIDTH, HEIGHT))
        for i, (key, label) in enumerate(tabs):
            bar.add(Node(cls="android.widget.FrameLayout", text=label, desc=label, bounds=(i * w, bottom + 40, (i + 1) * w, HEIGHT - 40),
                         clickable=True, selected=key == tab, action=("clock_tab", key)))
        parent.add(bar)

    # ---------------------------------------------------------------- photos, share sheet
    def _day_label(self, day: datetime) -> str:
        today = self.now().date()
        if day.date() == today:
            return "Today"
        if day.date() == today - timedelta(days=1):
            return "Yesterday"
        if day.year == today.year:
            return f"{day:%a}, {day:%b} {day.day}"
        return f"{day:%a}, {day:%b} {day.day}, {day.year}"

    @staticmethod
    def _photo_desc(photo: PhotoRecord) -> str:
        t = photo.taken
        return f"Photo taken on {t:%b} {t.day}, {t.year} {(t.hour % 12) or 12}:{t.minute:02d}\u202f{'AM' if t.hour < 12 else 'PM'}"

    def _render_photos(self, screen: Screen, parent: Node) -> None:
        y = self._title(parent, "Photos", back=False)
        bottom = HEIGHT - 250
        lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{PHOTOS_PKG}:id/photos_grid",
                   bounds=(0, y, WIDTH, bottom), scrollable=True)
        rows: list[tuple[int, Callable[[int], Node]]] = []
        photos = sorted(self.state.gallery, key=lambda p: p.taken, reverse=True)
        groups: dict[str, list[PhotoRecord]] = {}
        for ph in photos:
            groups.setdefault(self._day_label(ph.taken), []).append(ph)
        size = WIDTH // 3
        for day, items in groups.items():
            rows.append((120, lambda y, d=day: _text(d, y + 20, rid=f"{PHOTOS_PKG}:id/date_header", h=90)))
            for start in range(0, len(items), 3):
                chunk = items[start:start + 3]

                def tiles(y: int, chunk=chunk) -> Node:
                    line = Node(cls="android.widget.LinearLayout", bounds=(0, y, WIDTH, y + size))
                    for k, ph in enumerate(chunk):
                        line.add(Node(cls="android.widget.ImageView", desc=self._photo_desc(ph),
                                      resource_id=f"{PHOTOS_PKG}:id/photo_tile",
                                      bounds=(k * size + 4, y + 4, (k + 1) * size - 4, y + size - 4),
                                      clickable=True, long_clickable=True, action=("open_photo", ph.name)))
                    return line
                rows.append((size, tiles))
        parent.add(_scroll_list(screen, lst, rows))
        if not photos:
            parent.add(_text("No photos yet", y + 200, rid=f"{PHOTOS_PKG}:id/empty_state"))
        w = WIDTH // 3
        bar = Node(cls="android.widget.LinearLayout", resource_id=f"{PHOTOS_PKG}:id/tabbar", bounds=(0, bottom, WIDTH, HEIGHT))
        for i, label in enumerate(("Photos", "Search", "Library")):
            bar.add(Node(cls="android.widget.FrameLayout", text=label, desc=label, bounds=(i * w, bottom + 40, (i + 1) * w, HEIGHT - 40),
                         clickable=True, selected=i == 0, action=("noop",)))
        parent.add(bar)

    def _render_photo_view(self, screen: Screen, parent: Node) -> None:
        photo = next((p for p in self.state.gallery if p.name == screen.data.get("photo")), None)
        parent.add(Node(cls="android.widget.ImageButton", desc="Back", resource_id=f"{PHOTOS_PKG}:id/back",
                        bounds=(0, STATUS_BAR + 12, 144, STATUS_BAR + 156), clickable=True, action=("back",)))
        if photo is None:
            parent.add(_text("Photo not found", 600))
            return
        t = photo.taken
        parent.add(_text(f"{self._day_label(t)} • {(t.hour % 12) or 12}:{t.minute:02d}\u202f{'AM' if t.hour < 12 else 'PM'}",
                         STATUS_BAR + 30, rid=f"{PHOTOS_PKG}:id/title", x1=176, h=100))
        parent.add(Node(cls="android.widget.ImageView", desc=self._photo_desc(photo), resource_id=f"{PHOTOS_PKG}:id/photo",
                        bounds=(0, 400, WIDTH, 1900)))
        w = WIDTH // 4
        for i, (label, action) in enumerate((("Share", ("share_photo", photo.name)), ("Edit", ("noop",)),
                                             ("Lens", ("noop",)), ("Delete", ("trash_photo", photo.name)))):
            parent.add(Node(cls="android.widget.Button", text=label, desc=label, resource_id=f"{PHOTOS_PKG}:id/{label.lower()}",
                            bounds=(i * w, 2050, (i + 1) * w, 2250), clickable=True, action=action))

    def _render_sharesheet(self, screen: Screen, parent: Node) -> None:
        # Android 14's chooser (com.android.intentresolver): a preview, then the app targets.
        parent.add(_text("Sharing 1 image", 900, rid=f"{INTENTRESOLVER_PKG}:id/headline", h=100))
        parent.add(Node(cls="android.widget.ImageView", desc="Image preview", resource_id=f"{INTENTRESOLVER_PKG}:id/content_preview_image",
                        bounds=(390, 1020, 690, 1320)))
        targets = [("Messages", MESSAGES_PKG), ("Gmail", "com.google.android.gm"), ("Quick Share", ""),
                   ("WhatsApp", "com.whatsapp"), ("Bluetooth", ""), ("Copy", "")]
        w = WIDTH // 4
        for i, (label, pkg) in enumerate(targets):
            col, row = i % 4, i // 4
            x, y = col * w, 1400 + row * 300
            node = Node(cls="android.widget.LinearLayout", bounds=(x, y, x + w, y + 280), clickable=True,
                        action=("share_to", pkg, screen.data.get("photo", "")))
            parent.add(node.add(_text(label, y + 190, rid=f"{INTENTRESOLVER_PKG}:id/text1", x1=x + 10, x2=x + w - 10, h=70)))

    def _render_share_pick(self, screen: Screen, parent: Node) -> None:
        # Messages' "New conversation" picker that a share opens: a To field and the contacts.
        y = self._title(parent, "New conversation")
        query = screen.data.get("query", "")
        parent.add(Node(cls="android.widget.MultiAutoCompleteTextView", text=query or "Type names, phone numbers, or emails",
                        resource_id=f"{MESSAGES_PKG}:id/recipient_text_view", bounds=(48, y, WIDTH - 48, y + 140),
                        clickable=True, focused=True, action=("noop",)))
        lst = Node(cls="androidx.recyclerview.widget.RecyclerView", resource_id=f"{MESSAGES_PKG}:id/contact_picker_list",
                   bounds=(0, y + 170, WIDTH, HEIGHT), scrollable=True)
        q = query.strip().lower()
        qd = re.sub(r"\D", "", q)
        people = [(n, num) for n, num in sorted(self.contacts.items(), key=lambda kv: kv[0].lower())
                  if not q or q in n.lower() or (qd and qd in re.sub(r"\D", "", num))]

        def row(name: str, number: str) -> Callable[[int], Node]:
            def build(y: int) -> Node:
                r = Node(cls="android.widget.LinearLayout", resource_id=f"{MESSAGES_PKG}:id/contact_picker_item",
                         bounds=(0, y, WIDTH, y + 200), clickable=True, action=("share_pick", number))
                return r.add(_text(name, y + 30, rid=f"{MESSAGES_PKG}:id/contact_name", h=80),
                             _text(f"Mobile {number}", y + 110, rid=f"{MESSAGES_PKG}:id/contact_details", h=60))
            return build
        rows = [(210, row(n, num)) for n, num in people]
        if len(qd) >= 3 and not people:
            rows.append((210, row(f"Send to {query.strip()}", query.strip())))
        parent.add(_scroll_list(screen, lst, rows))

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
