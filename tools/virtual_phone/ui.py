"""The virtual phone's state and UI state machine, and the screens of its apps but Settings.

The app registry is in `apps.py`, layout primitives in `widgets.py`, Settings' pages in
`settings_screens.py`; the names other modules use are importable from here as before.

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
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field

from tools.virtual_phone.apps import (  # noqa: F401 - re-exported: the phone's other modules import from here
    APP_BY_PKG, APP_COLORS, APPS, CAMERA_PKG, CHROME_PKG, CLOCK_PKG, CONTACTS_PKG, DIALER_PKG, INTENTRESOLVER_PKG,
    LAUNCHER_PKG, MESSAGES_PKG, OTHER_PACKAGES, PHOTOS_PKG, SETTINGS_ACTIVITIES, SETTINGS_PKG, SYSTEMUI_PKG, App,
    short_activity,
)
from tools.virtual_phone.settings_screens import SettingsScreens
from tools.virtual_phone.widgets import (  # noqa: F401
    HEIGHT, STATUS_BAR, WIDTH, Node, Screen, _button, _scroll_list, _text, hierarchy_xml, xml_attr,
)

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
    night_light: bool = False
    battery_saver: bool = False
    battery_percentage: bool = False
    adaptive_brightness: bool = True
    auto_rotate: bool = False
    do_not_disturb: bool = False
    app_notifications: dict[str, bool] = Field(default_factory=dict)  # package -> "All <app> notifications"
    gallery: list[PhotoRecord] = Field(default_factory=list)  # what Photos shows, newest first when rendered
    trash: list[str] = Field(default_factory=list)            # photos moved to the trash
    shares: list[ShareRecord] = Field(default_factory=list)


class PhoneUI(SettingsScreens):
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
            elif what in ("dark_mode", "night_light", "battery_saver", "battery_percentage", "adaptive_brightness", "auto_rotate"):
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
