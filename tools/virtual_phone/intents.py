"""`am` and `monkey`: intents, how the virtual phone resolves them, and what they do.

`am start` prints `Starting: Intent { act=.. dat=.. cmp=.. (has extras) }` with `dat` masked like
Android's `Uri.toSafeString` (tel/sms numbers become x's, web paths become `/...`), then either
changes the screen stack or prints Android's own error (`unable to resolve Intent`, `Error type 3
... does not exist`) with a non-zero status. Intents that act by themselves on a real phone
(CALL, SET_ALARM, SET_TIMER) record their effect; SENDTO only opens the compose screen.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote

from tools.virtual_phone.shell import IO, UsageError
from tools.virtual_phone.ui import (
    APP_BY_PKG, CAMERA_PKG, CLOCK_PKG, DIALER_PKG, MESSAGES_PKG, SETTINGS_ACTIVITIES, SETTINGS_PKG, Screen,
    short_activity,
)

if TYPE_CHECKING:
    from tools.virtual_phone.phone import VirtualPhone
    from tools.virtual_phone.ui import PhoneUI

SAFE_SCHEMES = {"tel", "sip", "sms", "smsto", "mailto", "nfc", "mms", "mmsto"}


def safe_uri(uri: str) -> str:
    """Android's Uri.toSafeString: numbers and addresses masked, web paths elided."""
    scheme, sep, rest = uri.partition(":")
    if not sep:
        return uri
    if scheme.lower() in SAFE_SCHEMES:
        return scheme + ":" + "".join(c if c in "-@." else "x" for c in rest)
    if scheme.lower() in ("http", "https", "ftp", "rtsp"):
        host = rest[2:].split("/", 1)[0] if rest.startswith("//") else ""
        return f"{scheme}://{host}/..."
    return uri


@dataclass
class Intent:
    action: str = ""
    data: str = ""
    mime: str = ""
    categories: list[str] = field(default_factory=list)
    component: str = ""
    package: str = ""
    extras: dict[str, object] = field(default_factory=dict)
    flags: int = 0

    def short(self, with_flags: bool = False) -> str:
        parts = []
        if self.action:
            parts.append(f"act={self.action}")
        if self.categories:
            parts.append(f"cat=[{','.join(self.categories)}]")
        if self.data:
            parts.append(f"dat={safe_uri(self.data)}")
        if self.mime:
            parts.append(f"typ={self.mime}")
        if with_flags or self.flags:
            parts.append(f"flg=0x{self.flags or 0x10000000:x}")
        if self.package:
            parts.append(f"pkg={self.package}")
        if self.component:
            pkg, _, act = self.component.partition("/")
            parts.append(f"cmp={pkg}/{short_activity(pkg, act if not act.startswith('.') else pkg + act)}")
        if self.extras:
            parts.append("(has extras)")
        return "Intent { " + " ".join(parts) + " }"


def _bool(text: str) -> bool:
    if text.lower() in ("true", "t", "1"):
        return True
    if text.lower() in ("false", "f", "0"):
        return False
    raise UsageError(f"Error: Invalid boolean value: {text}")


def parse_intent(args: list[str]) -> tuple[Intent, dict[str, object]]:
    intent = Intent()
    opts: dict[str, object] = {}
    i = 0

    def take(n: int = 1) -> list[str]:
        nonlocal i
        vals = args[i + 1 : i + 1 + n]
        if len(vals) < n:
            raise UsageError(f"Error: No argument supplied for {args[i]}")
        i += n
        return vals

    while i < len(args):
        a = args[i]
        if a == "-a":
            intent.action = take()[0]
        elif a == "-d":
            intent.data = take()[0]
        elif a == "-t":
            intent.mime = take()[0]
        elif a == "-c":
            intent.categories.append(take()[0])
        elif a == "-n":
            intent.component = take()[0]
        elif a == "-p":
            intent.package = take()[0]
        elif a == "-f":
            intent.flags = int(take()[0], 0)
        elif a in ("-e", "--es"):
            k, v = take(2)
            intent.extras[k] = v
        elif a == "--esn":
            intent.extras[take()[0]] = None
        elif a in ("--ei", "--el"):
            k, v = take(2)
            try:
                intent.extras[k] = int(v)
            except ValueError:
                raise UsageError(f'Error: For input string: "{v}"') from None
        elif a == "--ef":
            k, v = take(2)
            intent.extras[k] = float(v)
        elif a == "--ez":
            k, v = take(2)
            intent.extras[k] = _bool(v)
        elif a in ("--eu", "--ecn"):
            k, v = take(2)
            intent.extras[k] = v
        elif a in ("--esa", "--eia", "--ela"):
            k, v = take(2)
            items = re.split(r"(?<!\\),", v)
            intent.extras[k] = [int(x) for x in items] if a != "--esa" else [x.replace("\\,", ",") for x in items]
        elif a in ("-W", "-S", "-D", "-N", "--activity-clear-task", "--activity-new-task",
                   "--activity-clear-top", "--activity-single-top", "--activity-no-history",
                   "--receiver-foreground", "--grant-read-uri-permission", "--include-stopped-packages"):
            opts[a] = True
        elif a in ("--user", "--display", "--windowingMode", "--activityType", "-P", "--start-profiler",
                   "--sampling", "-R", "--task"):
            opts[a] = take()[0]
        elif a.startswith("-"):
            raise UsageError(f"Error: Unknown option: {a}")
        else:
            if ":" in a:
                intent.data = a
            elif "/" in a:
                intent.component = a
            else:
                intent.package = a
        i += 1
    return intent, opts


class ActivityManagerMixin:
    """`am` and `monkey` for `AndroidCommands` (which provides `ui`, `phone`, `_key`)."""

    phone: VirtualPhone
    ui: PhoneUI

    def am(self, argv: list[str], io: IO) -> int:
        if len(argv) < 2:
            io.out("Activity manager (activity) commands:\n  help\n  start [-D] [-N] [-W] [-S] ... <INTENT>\n")
            return 0
        sub = argv[1]
        if sub in ("start", "start-activity"):
            return self._am_start(argv[2:], io)
        if sub in ("force-stop", "kill", "stop-app"):
            for pkg in (a for a in argv[2:] if not a.startswith("-")):
                self.ui.force_stop(pkg)
            return 0
        if sub == "broadcast":
            intent, _ = parse_intent(argv[2:])
            intent.flags = intent.flags or 0x400000
            io.out(f"Broadcasting: {intent.short()}\n")
            self._broadcast(intent)
            io.out("Broadcast completed: result=0\n")
            return 0
        if sub == "stack" or sub == "task":
            io.out(self._activities_dump())
            return 0
        io.err(f"Unknown command: {sub}\n")
        return 255

    def _broadcast(self, intent: Intent) -> None:
        # ADBKeyboard (github.com/senzhk/ADBKeyBoard) is the usual way to type Unicode over adb;
        # the phone has it installed and selected unless VirtualPhone(adb_keyboard=False).
        if not self.phone.adb_keyboard:
            return
        msg = intent.extras.get("msg")
        if intent.action == "ADB_INPUT_TEXT" and isinstance(msg, str):
            self.ui.type_text(msg)
        elif intent.action == "ADB_INPUT_B64" and isinstance(msg, str):
            try:
                self.ui.type_text(base64.b64decode(msg, validate=True).decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                pass  # the real IME ignores a broken payload too
        elif intent.action == "ADB_INPUT_CODE" and isinstance(intent.extras.get("code"), int):
            self._key(int(intent.extras["code"]))
        elif intent.action == "ADB_CLEAR_TEXT":
            target = self.ui._focused_field()
            if target is not None:
                target[0].data[target[1]] = ""

    def _am_start(self, args: list[str], io: IO) -> int:
        intent, opts = parse_intent(args)
        io.out(f"Starting: {intent.short()}\n")
        if opts.get("-S") and intent.component:
            self.ui.force_stop(intent.component.split("/")[0])
        ok, error = self._resolve_and_start(intent)
        if not ok:
            if error:
                io.err(error)
            else:
                io.err(f"Error: Activity not started, unable to resolve {intent.short(with_flags=True)}\n")
            return 1
        if opts.get("-W"):
            top = self.ui.top
            io.out(f"Status: ok\nLaunchState: COLD\nActivity: {top.package}/{short_activity(top.package, top.activity)}\n"
                   "TotalTime: 312\nWaitTime: 318\nComplete\n")
        return 0

    def _resolve_and_start(self, it: Intent) -> tuple[bool, str]:
        ui = self.ui
        action, data = it.action, it.data
        scheme, _, ssp = data.partition(":")
        scheme = scheme.lower()
        extras = it.extras
        wanted = it.package or it.component.split("/")[0]

        def allowed(pkg: str) -> bool:
            return not wanted or wanted == pkg

        if it.component:
            pkg, _, act = it.component.partition("/")
            if act.startswith("."):
                act = pkg + act
            app = APP_BY_PKG.get(pkg)
            if app is None or (act != app.main and act not in app.activities):
                return False, f"Error type 3\nError: Activity class {{{pkg}/{act}}} does not exist.\n"
            if not data and (not action or action == "android.intent.action.MAIN"):
                return self._start_component(app.package, act), ""
            action = action or "android.intent.action.VIEW"  # explicit component + data: a view
        if action in ("android.intent.action.SENDTO", "android.intent.action.VIEW", "android.intent.action.SEND") \
                and scheme in ("sms", "smsto", "mms", "mmsto") and allowed(MESSAGES_PKG):
            number, _, query = ssp.partition("?")
            body = extras.get("sms_body") or extras.get("android.intent.extra.TEXT") or \
                parse_qs(query).get("body", [""])[0]
            ui.compose(unquote(number), str(body or ""), exit_on_sent=extras.get("exit_on_sent") is True)
            return True, ""
        if action == "android.intent.action.CALL" and scheme == "tel" and allowed(DIALER_PKG):
            ui.call(unquote(ssp))
            return True, ""
        if (action == "android.intent.action.DIAL" or (action == "android.intent.action.VIEW" and scheme == "tel")) \
                and allowed(DIALER_PKG):
            ui.dial(unquote(ssp) if scheme == "tel" else "")
            return True, ""
        if action == "android.intent.action.SET_ALARM" and allowed(CLOCK_PKG):
            hour, minutes = extras.get("android.intent.extra.alarm.HOUR"), extras.get("android.intent.extra.alarm.MINUTES", 0)
            skip = bool(extras.get("android.intent.extra.alarm.SKIP_UI", False))
            if isinstance(hour, int) and isinstance(minutes, int) and 0 <= hour < 24 and 0 <= minutes < 60:
                ui.set_alarm(hour, minutes, str(extras.get("android.intent.extra.alarm.MESSAGE", "") or ""), skip)
            else:
                ui.push(Screen(CLOCK_PKG, APP_BY_PKG[CLOCK_PKG].main, "clock", {"tab": "alarms"}))
            return True, ""
        if action == "android.intent.action.SET_TIMER" and allowed(CLOCK_PKG):
            length = extras.get("android.intent.extra.alarm.LENGTH")
            skip = bool(extras.get("android.intent.extra.alarm.SKIP_UI", False))
            if isinstance(length, int) and 0 < length <= 86400:
                ui.set_timer(length, str(extras.get("android.intent.extra.alarm.MESSAGE", "") or ""), skip)
            else:
                ui.push(Screen(CLOCK_PKG, APP_BY_PKG[CLOCK_PKG].main, "clock", {"tab": "timers"}))
            return True, ""
        if action in ("android.intent.action.SHOW_ALARMS", "android.intent.action.SHOW_TIMERS") and allowed(CLOCK_PKG):
            tab = "alarms" if action.endswith("ALARMS") else "timers"
            ui.push(Screen(CLOCK_PKG, APP_BY_PKG[CLOCK_PKG].main, "clock", {"tab": tab}))
            return True, ""
        if action == "android.intent.action.VIEW" and scheme in ("http", "https") and allowed("com.android.chrome"):
            ui.open_url(data)
            return True, ""
        if action == "android.intent.action.WEB_SEARCH" and allowed("com.android.chrome"):
            query = str(extras.get("query", ""))
            ui.open_url("https://www.google.com/search?q=" + query.replace(" ", "+"))
            return True, ""
        if action == "android.intent.action.VIEW" and scheme == "geo" and allowed("com.google.android.apps.maps"):
            q = parse_qs(ssp.partition("?")[2]).get("q", [""])[0]
            ui.push(Screen("com.google.android.apps.maps", APP_BY_PKG["com.google.android.apps.maps"].main, "maps",
                           {"query": q or ssp}))
            return True, ""
        if action in ("android.media.action.IMAGE_CAPTURE", "android.media.action.STILL_IMAGE_CAMERA",
                      "android.media.action.STILL_IMAGE_CAMERA_SECURE", "android.media.action.VIDEO_CAMERA",
                      "android.media.action.VIDEO_CAPTURE") and allowed(CAMERA_PKG):
            ui.push(Screen(CAMERA_PKG, "com.android.camera.CameraActivity", "camera",
                           {"video": "VIDEO" in action}))
            return True, ""
        if action.startswith("android.settings.") and allowed(SETTINGS_PKG):
            name = action.removeprefix("android.settings.")
            pages = {
                "SETTINGS": "settings_main", "WIFI_SETTINGS": "settings_wifi", "BLUETOOTH_SETTINGS": "settings_bluetooth",
                "WIRELESS_SETTINGS": "settings_network", "AIRPLANE_MODE_SETTINGS": "settings_network",
                "DISPLAY_SETTINGS": "settings_display", "SOUND_SETTINGS": "settings_sound",
                "APPLICATION_DETAILS_SETTINGS": "settings_app_info", "APPLICATION_SETTINGS": "settings_all_apps",
                "MANAGE_APPLICATIONS_SETTINGS": "settings_all_apps", "APP_NOTIFICATION_SETTINGS": "settings_app_notif",
                "NOTIFICATION_SETTINGS": "settings_notifications", "ALL_APPS_NOTIFICATION_SETTINGS": "settings_notif_apps",
                "ZEN_MODE_SETTINGS": "settings_dnd", "BATTERY_SAVER_SETTINGS": "settings_battery_saver",
                "ACCESSIBILITY_SETTINGS": "settings_accessibility", "SECURITY_SETTINGS": "settings_security",
                "DEVICE_INFO_SETTINGS": "settings_about", "DATE_SETTINGS": "settings_system",
                "LOCALE_SETTINGS": "settings_system",
            }
            if name not in pages:
                return False, ""
            kind = pages[name]
            page: dict = {}
            if kind == "settings_app_info":  # -d package:com.example
                page["pkg"] = ssp if scheme == "package" else ""
            elif kind == "settings_app_notif":  # --es android.provider.extra.APP_PACKAGE com.example
                page["pkg"] = str(extras.get("android.provider.extra.APP_PACKAGE", ""))
            ui.push(Screen(SETTINGS_PKG, SETTINGS_ACTIVITIES[kind], kind, page))
            return True, ""
        if action in ("", "android.intent.action.MAIN"):
            if "android.intent.category.HOME" in it.categories:
                ui.home()
                return True, ""
            if wanted and wanted in APP_BY_PKG:
                ui.launch(wanted)
                return True, ""
        return False, ""

    def _start_component(self, pkg: str, activity: str) -> bool:
        ui = self.ui
        app = APP_BY_PKG[pkg]
        if activity == app.main or app.kind == "camera":
            if app.kind == "launcher":
                ui.home()
            else:
                ui.push(ui.main_screen(app))
            return True
        settings_pages = {act: kind for kind, act in SETTINGS_ACTIVITIES.items()}
        if activity in settings_pages:
            ui.push(Screen(pkg, activity, settings_pages[activity]))
        elif pkg == MESSAGES_PKG:
            ui.compose("", "")
        elif activity == "com.android.incallui.InCallActivity":
            ui.dial("")
        else:
            ui.push(ui.main_screen(app))
        return True

    # ------------------------------------------------------------------ monkey
    def monkey(self, argv: list[str], io: IO) -> int:
        args = argv[1:]
        packages, count = [], None
        i = 0
        while i < len(args):
            a = args[i]
            if a in ("-p", "-c", "--throttle", "-s", "--pct-syskeys", "--pct-touch", "--pct-motion",
                     "--pct-appswitch", "--pct-anyevent") and i + 1 < len(args):
                if a == "-p":
                    packages.append(args[i + 1])
                i += 2
                continue
            if a.isdigit():
                count = int(a)
            i += 1
        for a in args:
            io.out(f"  bash arg: {a}\n")
        io.out("args: [" + ", ".join(args) + "]\n")
        for a in args:
            io.out(f' arg: "{a}"\n')
        if count is None:
            io.err("** Error: Count not specified\n")
            return 1
        for a in args:
            if a in packages or a.startswith("android.intent.category."):
                io.out(f'data="{a}"\n')
        launchable = [p for p in packages if p in APP_BY_PKG]
        if not launchable and packages:
            io.out("** No activities found to run, monkey aborted.\n")
            return 252
        if count > 0 and launchable:
            self.ui.launch(launchable[0])
        io.out(f"Events injected: {count}\n## Network stats: elapsed time=21ms (0ms mobile, 0ms wifi, 21ms not connected)\n")
        return 0
