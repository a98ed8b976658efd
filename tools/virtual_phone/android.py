"""Android's own command-line tools, as the virtual phone answers them.

Output shapes are copied from a Pixel on Android 14 (`uiautomator dump`'s "UI hierchary dumped
to:" (sic), `pm list packages`' `package:` lines, `media volume`'s `[V]` lines, `input`'s
errors), because device-layer code parses exactly these. `am`/`monkey` live in `intents.py`,
`dumpsys` in `dumpsys.py`; this class puts them together into the shell's command table.
"""
from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from tools.virtual_phone import png
from tools.virtual_phone.dumpsys import DumpsysMixin
from tools.virtual_phone.intents import ActivityManagerMixin, parse_intent
from tools.virtual_phone.shell import IO, CommandFn, UsageError
from tools.virtual_phone.ui import APP_BY_PKG, APPS, CAMERA_PKG, MAX_VOLUME, OTHER_PACKAGES, hierarchy_xml, short_activity

if TYPE_CHECKING:
    from tools.virtual_phone.phone import VirtualPhone

KEYCODES: dict[str, int] = {
    "UNKNOWN": 0, "SOFT_LEFT": 1, "SOFT_RIGHT": 2, "HOME": 3, "BACK": 4, "CALL": 5, "ENDCALL": 6,
    **{str(d): 7 + d for d in range(10)}, "STAR": 17, "POUND": 18, "DPAD_UP": 19, "DPAD_DOWN": 20,
    "DPAD_LEFT": 21, "DPAD_RIGHT": 22, "DPAD_CENTER": 23, "VOLUME_UP": 24, "VOLUME_DOWN": 25,
    "POWER": 26, "CAMERA": 27, "CLEAR": 28, **{chr(65 + i): 29 + i for i in range(26)},
    "COMMA": 55, "PERIOD": 56, "TAB": 61, "SPACE": 62, "ENTER": 66, "DEL": 67, "AT": 77,
    "MENU": 82, "NOTIFICATION": 83, "SEARCH": 84, "MEDIA_PLAY_PAUSE": 85, "MEDIA_STOP": 86,
    "MEDIA_NEXT": 87, "MEDIA_PREVIOUS": 88, "MUTE": 91, "PAGE_UP": 92, "PAGE_DOWN": 93,
    "ESCAPE": 111, "FORWARD_DEL": 112, "MOVE_HOME": 122, "MOVE_END": 123, "MEDIA_PLAY": 126,
    "MEDIA_PAUSE": 127, "VOLUME_MUTE": 164, "APP_SWITCH": 187, "SLEEP": 223, "WAKEUP": 224,
    "ASSIST": 219, "VOICE_ASSIST": 231, "ALL_APPS": 284,
}
KEYNAMES = {code: name for name, code in KEYCODES.items()}

PROPS = {
    "ro.product.model": "Pixel 7", "ro.product.brand": "google", "ro.product.name": "panther",
    "ro.product.device": "panther", "ro.product.manufacturer": "Google", "ro.build.version.sdk": "34",
    "ro.build.version.release": "14", "ro.build.id": "UQ1A.240205.004",
    "ro.build.fingerprint": "google/panther/panther:14/UQ1A.240205.004/11269751:user/release-keys",
    "ro.build.type": "user", "ro.product.cpu.abi": "arm64-v8a", "ro.serialno": "VPHONE0001",
    "ro.boot.serialno": "VPHONE0001", "sys.boot_completed": "1", "ro.secure": "1", "ro.debuggable": "0",
    "persist.sys.timezone": "Europe/Berlin", "persist.sys.locale": "en-US", "ro.sf.lcd_density": "420",
    "service.adb.root": "0", "init.svc.adbd": "running",
}

class AndroidCommands(ActivityManagerMixin, DumpsysMixin):
    """The device's own tools; each method is `fn(argv, io) -> exit code`."""

    def __init__(self, phone: VirtualPhone) -> None:
        self.phone = phone
        self.ui = phone.ui
        self.settings: dict[str, dict[str, str]] = {
            "global": {"adb_enabled": "1", "development_settings_enabled": "1", "device_name": "Pixel 7",
                       "stay_on_while_plugged_in": "0", "mobile_data": "1"},
            "system": {"screen_brightness_mode": "0", "screen_off_timeout": "30000", "font_scale": "1.0"},
            "secure": {"android_id": "a1b2c3d4e5f60718", "default_input_method":
                       "com.google.android.inputmethod.latin/com.android.inputmethod.latin.LatinIME"},
        }
        self.other_volumes = {0: 4, 1: 5, 2: 5, 4: 6, 5: 5}

    def table(self) -> dict[str, CommandFn]:
        return {
            "input": self.input, "am": self.am, "monkey": self.monkey, "pm": self.pm, "cmd": self.cmd,
            "dumpsys": self.dumpsys, "svc": self.svc, "settings": self.settings_cmd, "media": self.media,
            "screencap": self.screencap, "uiautomator": self.uiautomator, "wm": self.wm,
            "getprop": self.getprop, "setprop": lambda argv, io: 0, "reboot": lambda argv, io: 0,
            "logcat": lambda argv, io: 0, "content": self.content,
        }

    # ------------------------------------------------------------------ content (contacts)
    def content(self, argv: list[str], io: IO) -> int:
        args = argv[1:]
        if not args or args[0] != "query" or "--uri" not in args:
            raise UsageError("usage: adb shell content query --uri <URI> [--user <USER_ID>] "
                             "[--projection <PROJECTION>] [--where <WHERE>] [--sort <SORT_ORDER>]")
        uri = args[args.index("--uri") + 1] if args.index("--uri") + 1 < len(args) else ""
        if uri not in ("content://com.android.contacts/data/phones", "content://contacts/phones",
                       "content://com.android.contacts/contacts"):
            io.err(f"Error while accessing provider:{uri.removeprefix('content://').split('/')[0]}\n"
                   f"java.lang.IllegalArgumentException: Unknown URI {uri}\n")
            return 1
        projection = ["_id", "display_name", "number"]
        if "--projection" in args and args.index("--projection") + 1 < len(args):
            projection = args[args.index("--projection") + 1].split(":")
        rows = sorted(self.ui.contacts.items(), key=lambda kv: kv[0].lower())
        if not rows:
            io.out("No result found.\n")
            return 0
        for i, (name, number) in enumerate(rows):
            values = {"_id": str(i + 1), "display_name": name, "number": number, "data1": number}
            io.out(f"Row: {i} " + ", ".join(f"{p}={values.get(p, 'NULL')}" for p in projection) + "\n")
        return 0

    # ------------------------------------------------------------------ input
    def input(self, argv: list[str], io: IO) -> int:
        args = argv[1:]
        sources = {"keyboard", "mouse", "touchscreen", "touchpad", "stylus", "trackball", "dpad",
                   "gamepad", "joystick", "touchnavigation", "rotaryencoder"}
        if args and args[0] in sources:
            args = args[1:]
        if len(args) >= 2 and args[0] == "-d":
            args = args[2:]
        if not args:
            io.err("Usage: input [<source>] [-d DISPLAY_ID] <command> [<arg>...]\n")
            return 1
        sub, rest = args[0], args[1:]
        try:
            if sub == "tap":
                x, y = (int(float(v)) for v in rest[:2])
                if len(rest) != 2:
                    raise ValueError
                self.ui.tap(x, y)
            elif sub in ("swipe", "draganddrop"):
                if len(rest) not in (4, 5):
                    raise ValueError
                x1, y1, x2, y2 = (int(float(v)) for v in rest[:4])
                ms = int(rest[4]) if len(rest) == 5 else 300
                if abs(x1 - x2) < 10 and abs(y1 - y2) < 10 and ms >= 500:
                    pass  # a long press: no screen here has a context menu, so nothing changes
                elif y1 < 100 and y2 > y1 + 300:
                    self.ui.expand_shade()  # a swipe down from the status bar pulls the shade
                elif self.ui.top.kind == "shade" and y1 - y2 > 300 and not self.ui.swipe(x1, y1, x2, y2):
                    self.ui.collapse_shade()  # swiping up past the end of the shade closes it
                elif abs(y1 - y2) > 50:
                    self.ui.swipe(x1, y1, x2, y2)
            elif sub == "text":
                if not rest:
                    raise ValueError
                # Android's input replaces %s with a space; args are joined by spaces.
                text = " ".join(rest).replace("%s", " ")
                if not text.isascii():
                    # The virtual keyboard map has no key events for these characters; Android's
                    # `input` dies the same way (and types nothing).
                    io.err("Exception occurred while executing 'text':\njava.lang.NullPointerException: "
                           "Attempt to get length of null array\n"
                           "\tat com.android.commands.input.Input.sendText(Input.java:278)\n")
                    return 255
                self.ui.type_text(text)
            elif sub == "keyevent" or sub == "press":
                keys = [k for k in rest if k not in ("--longpress", "--doubletap", "--delay")] or (["DPAD_CENTER"] if sub == "press" else [])
                if not keys:
                    raise ValueError
                for key in keys:
                    code = self._keycode(key)
                    if code is None:
                        io.err(f"Error: Unknown keycode: {key}\n")
                        return 1
                    self._key(code)
            elif sub in ("roll", "motionevent", "keycombination", "scroll"):
                pass
            else:
                io.err(f"Error: Unknown command: {sub}\n")
                return 1
        except ValueError:
            io.err(f"Error: Invalid arguments for command: {sub}\n")
            return 1
        return 0

    @staticmethod
    def _keycode(key: str) -> int | None:
        if key.isdigit():
            return int(key)
        name = key.upper().removeprefix("KEYCODE_")
        return KEYCODES.get(name)

    def _key(self, code: int) -> None:
        ui, state = self.ui, self.ui.state
        name = KEYNAMES.get(code, "")
        with ui.lock:
            if code in (224,):
                state.screen_on = True
            elif code == 223:
                state.screen_on = False
            elif code == 26:
                state.screen_on = not state.screen_on
            elif code == 3:
                ui.home()
            elif code == 4:
                ui.back()
            elif code == 187:
                ui.recents()
            elif code == 24:
                ui.set_volume(state.volume + 1)
            elif code == 25:
                ui.set_volume(state.volume - 1)
            elif code == 164:
                ui.set_volume(0)
            elif code in (85,):
                state.media_playing = not state.media_playing
            elif code == 126:
                state.media_playing = True
            elif code in (127, 86):
                state.media_playing = False
            elif code == 67:
                ui.delete_char()
            elif code == 83:
                ui.expand_shade()
            elif code == 66:
                ui.enter()
            elif code == 5 and ui.top.kind == "dialer" and ui.top.data.get("digits"):
                ui.call(ui.top.data["digits"])
            elif code == 6:
                ui.end_call()
            elif code == 27:
                ui.launch(CAMERA_PKG)
            elif code == 62:
                ui.type_text(" ")
            elif len(name) == 1:
                ui.type_text(name.lower() if name.isalpha() else name)
            elif name in ("STAR", "POUND", "COMMA", "PERIOD", "AT"):
                ui.type_text({"STAR": "*", "POUND": "#", "COMMA": ",", "PERIOD": ".", "AT": "@"}[name])

    # ------------------------------------------------------------------ pm / cmd package
    def _all_packages(self) -> list[str]:
        extra = ["com.android.adbkeyboard"] if self.phone.adb_keyboard else []
        return sorted([a.package for a in APPS] + OTHER_PACKAGES + extra)

    def pm(self, argv: list[str], io: IO) -> int:
        args = argv[1:]
        if not args:
            raise UsageError("usage: pm [list|path|clear|resolve-activity|query-activities] ...")
        sub, rest = args[0], args[1:]
        if sub == "list" and rest[:1] in (["packages"], ["package"]):
            flags = [r for r in rest[1:] if r.startswith("-")]
            filt = next((r for r in rest[1:] if not r.startswith("-")), "")
            for pkg in self._all_packages():
                app = APP_BY_PKG.get(pkg)
                third = (app is not None and not app.system) or pkg == "com.android.adbkeyboard"
                if "-3" in flags and not third or "-s" in flags and third:
                    continue
                if filt and filt not in pkg:
                    continue
                prefix = f"package:/product/app/{pkg.split('.')[-1]}/base.apk=" if "-f" in flags else "package:"
                io.out(f"{prefix}{pkg}\n")
            return 0
        if sub == "path":
            if not rest or rest[0] not in self._all_packages():
                return 1
            io.out(f"package:/product/app/{rest[0].split('.')[-1]}/base.apk\n")
            return 0
        if sub == "clear":
            io.out("Success\n")
            return 0
        if sub in ("resolve-activity", "query-activities"):
            return self._package_cmd(argv[1:], io)
        if sub == "dump":
            return self.dumpsys(["dumpsys", "package"] + rest, io)
        io.err(f"Unknown command: {sub}\n")
        return 1

    def _package_cmd(self, args: list[str], io: IO) -> int:
        sub, rest = args[0], args[1:]
        if sub == "list":
            return self.pm(["pm"] + args, io)
        if sub in ("resolve-activity", "query-activities"):
            brief = "--brief" in rest
            rest = [r for r in rest if r not in ("--brief", "--components")]
            if "--user" in rest:
                at = rest.index("--user")
                rest = rest[:at] + rest[at + 2:]
            intent, _ = parse_intent(rest)
            matches = [a for a in APPS if (not intent.package or a.package == intent.package)
                       and (not intent.component or intent.component.split("/")[0] == a.package)
                       and (intent.action in ("", "android.intent.action.MAIN"))
                       and a.kind != "launcher" or ("android.intent.category.HOME" in intent.categories and a.kind == "launcher"
                                                    and not intent.package)]
            if sub == "resolve-activity":
                if len(matches) != 1:
                    io.out("No activity found\n")
                    return 0
                self._resolve_info(matches[0], brief, io, indent="")
                return 0
            io.out(f"{len(matches)} activities found:\n")
            for i, app in enumerate(matches):
                io.out(f"  Activity #{i}:\n")
                self._resolve_info(app, brief, io, indent="    ")
            return 0
        if sub == "path":
            return self.pm(["pm"] + args, io)
        io.err(f"Unknown command: {sub}\n")
        return 1

    @staticmethod
    def _resolve_info(app, brief: bool, io: IO, indent: str) -> None:
        io.out(f"{indent}priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n")
        if brief:
            io.out(f"{indent}{app.package}/{short_activity(app.package, app.main)}\n")
            return
        label_res = 0x7F140000 + (zlib.crc32(app.label.encode()) & 0xFFFF)
        io.out(f"{indent}ActivityInfo:\n{indent}  name={app.main}\n{indent}  packageName={app.package}\n"
               f"{indent}  labelRes=0x{label_res:x} nonLocalizedLabel={app.label} icon=0x7f080123 banner=0x0\n"
               f"{indent}  enabled=true exported=true directBootAware=false\n")

    # ------------------------------------------------------------------ cmd
    def cmd(self, argv: list[str], io: IO) -> int:
        if len(argv) < 2:
            raise UsageError("cmd: No service specified; use -l to list all running services.", 20)
        service, args = argv[1], argv[2:]
        if service == "package":
            if not args:
                raise UsageError("Package manager (package) commands: ...")
            return self._package_cmd(args, io)
        if service == "activity":
            return self.am(["am"] + args, io)
        if service == "wifi":
            if args[:1] == ["set-wifi-enabled"] and len(args) > 1 and args[1] in ("enabled", "disabled"):
                self.ui.set_wifi(args[1] == "enabled")
                return 0
            if args[:1] == ["status"]:
                io.out("Wifi is enabled\n" if self.ui.state.wifi else "Wifi is disabled\n")
                return 0
            raise UsageError("Wi-Fi (wifi) commands:\n  set-wifi-enabled enabled|disabled\n  status", 255)
        if service == "bluetooth_manager":
            if args[:1] in (["enable"], ["disable"]):
                self.ui.set_bluetooth(args[0] == "enable")
                return 0
            if args and args[0].startswith("wait-for-state"):
                return 0
            raise UsageError("Bluetooth Manager Commands:\n  enable\n  disable\n  wait-for-state:<STATE>", 255)
        if service == "connectivity":
            if args[:1] == ["airplane-mode"]:
                if len(args) == 1:
                    io.out("enabled\n" if self.ui.state.airplane else "disabled\n")
                    return 0
                if args[1] in ("enable", "disable"):
                    self.ui.set_airplane(args[1] == "enable")
                    return 0
            raise UsageError("Connectivity service commands:\n  airplane-mode [enable|disable]", 255)
        if service == "media_session" and args[:1] == ["volume"]:
            return self._volume(args[1:], io)
        if service == "statusbar":
            if args[:1] in (["expand-notifications"], ["expand-settings"]):
                self.ui.expand_shade()
            elif args[:1] == ["collapse"]:
                self.ui.collapse_shade()
            return 0
        if service == "notification" and args[:1] == ["post"]:
            # cmd notification post [flags] TAG TEXT -> posted from com.android.shell
            rest = [a for a in args[1:] if not a.startswith("-")]
            if len(rest) >= 2:
                self.ui.notify("com.android.shell", rest[0], " ".join(rest[1:]))
                return 0
        if service == "uimode":  # `cmd uimode night [yes|no]`: the Dark theme switch of Display
            if args[:1] == ["night"]:
                if len(args) > 1:
                    if args[1] not in ("yes", "no", "auto"):
                        raise UsageError("Error: mode must be 'yes', 'no', or 'auto'", 255)
                    self.ui.state.dark_mode = args[1] == "yes"
                io.out(f"Night mode: {'yes' if self.ui.state.dark_mode else 'no'}\n")
                return 0
            raise UsageError("UiModeManager service (uimode) commands:\n  night [yes|no|auto]", 255)
        if service == "settings":
            return self.settings_cmd(["settings"] + args, io)
        io.err(f"cmd: Can't find service: {service}\n")
        return 20

    # ------------------------------------------------------------------ volume
    def _volume(self, args: list[str], io: IO) -> int:
        stream, set_to, adj, get = 3, None, None, False
        i = 0
        while i < len(args):
            a = args[i]
            if a == "--stream" and i + 1 < len(args):
                stream = int(args[i + 1])
                i += 1
            elif a == "--set" and i + 1 < len(args):
                set_to = int(args[i + 1])
                i += 1
            elif a == "--adj" and i + 1 < len(args):
                adj = args[i + 1]
                i += 1
            elif a == "--get":
                get = True
            i += 1
        names = {0: "STREAM_VOICE_CALL", 1: "STREAM_SYSTEM", 2: "STREAM_RING", 3: "STREAM_MUSIC",
                 4: "STREAM_ALARM", 5: "STREAM_NOTIFICATION"}
        if stream not in names:
            raise UsageError(f"Error: invalid stream {stream}")
        if set_to is not None:
            io.out(f"[V] will set volume to index={set_to}\n")
        io.out(f"[V] will control stream={stream} ({names[stream]})\n")
        if adj is not None and adj not in ("raise", "lower", "same"):
            raise UsageError(f"Error: Unknown volume adjustment: {adj}")
        io.out("[V] Connecting to AudioService\n")
        current = self.ui.state.volume if stream == 3 else self.other_volumes[stream]
        if set_to is not None:
            if not 0 <= set_to <= MAX_VOLUME:
                io.err(f"Error: volume index {set_to} out of range [0..{MAX_VOLUME}]\n")
                return 1
            current = set_to
            io.out(f"[V] Calling setStreamVolume({stream}, {set_to}, 0)\n")
        elif adj is not None:
            current = max(0, min(MAX_VOLUME, current + {"raise": 1, "lower": -1, "same": 0}[adj]))
            io.out(f"[V] Calling adjustStreamVolume({stream}, {adj}, 0)\n")
        if stream == 3:
            self.ui.set_volume(current)
        else:
            self.other_volumes[stream] = current
        if get:
            io.out(f"[V] volume is {current} in range [0..{MAX_VOLUME}]\n")
        return 0

    def media(self, argv: list[str], io: IO) -> int:
        if argv[1:2] == ["volume"]:
            return self._volume(argv[2:], io)
        if argv[1:2] == ["dispatch"] and len(argv) > 2:
            code = {"play": 126, "pause": 127, "play-pause": 85, "stop": 86, "next": 87, "previous": 88}.get(argv[2])
            if code is not None:
                self._key(code)
                return 0
        raise UsageError("usage: media [subcommand] [options]\n       media volume [--stream STREAM] [--set INDEX|--adj DIRECTION|--get]")

    # ------------------------------------------------------------------ svc / settings
    def svc(self, argv: list[str], io: IO) -> int:
        if len(argv) >= 3 and argv[1] in ("wifi", "bluetooth", "data") and argv[2] in ("enable", "disable"):
            on = argv[2] == "enable"
            if argv[1] == "wifi":
                self.ui.set_wifi(on)
            elif argv[1] == "bluetooth":
                self.ui.set_bluetooth(on)
            else:
                self.settings["global"]["mobile_data"] = "1" if on else "0"
            return 0
        if len(argv) >= 2 and argv[1] in ("power", "usb", "nfc"):
            return 0
        io.out("Available commands:\n    help\n    power\n    data\n    wifi\n    usb\n    nfc\n    bluetooth\n")
        return 0

    _LIVE_SETTINGS = {("global", "airplane_mode_on"), ("global", "wifi_on"), ("global", "bluetooth_on"),
                      ("system", "screen_brightness"), ("system", "volume_music"), ("secure", "ui_night_mode"),
                      ("global", "low_power"), ("global", "zen_mode")}

    def _get_setting(self, ns: str, key: str) -> str | None:
        st = self.ui.state
        if (ns, key) == ("secure", "default_input_method") and self.phone.adb_keyboard:
            return "com.android.adbkeyboard/.AdbIME"
        live = {("global", "airplane_mode_on"): str(int(st.airplane)), ("global", "wifi_on"): str(int(st.wifi)),
                ("global", "bluetooth_on"): str(int(st.bluetooth)),
                ("system", "screen_brightness"): str(st.brightness), ("system", "volume_music"): str(st.volume),
                # ui_night_mode: 1 = no, 2 = yes (UiModeManager); zen_mode 1 = important interruptions only
                ("secure", "ui_night_mode"): "2" if st.dark_mode else "1", ("global", "low_power"): str(int(st.battery_saver)),
                ("global", "zen_mode"): "1" if st.do_not_disturb else "0"}
        return live.get((ns, key), self.settings[ns].get(key))

    def settings_cmd(self, argv: list[str], io: IO) -> int:
        if "--user" in argv[1:]:
            idx = argv.index("--user")
            args = argv[1:idx] + argv[idx + 2:]
        else:
            args = argv[1:]
        if len(args) < 2 or args[0] not in ("get", "put", "delete", "list", "reset"):
            raise UsageError("Settings provider (settings) commands:\n  get [--user <USER_ID> | current] NAMESPACE KEY\n"
                             "  put [--user <USER_ID> | current] NAMESPACE KEY VALUE\n  delete NAMESPACE KEY\n  list NAMESPACE")
        verb, ns = args[0], args[1]
        if ns not in self.settings:
            raise UsageError(f"Invalid namespace '{ns}'")
        if verb == "list":
            keys = {k for (n, k) in self._LIVE_SETTINGS if n == ns} | set(self.settings[ns])
            for key in sorted(keys):
                io.out(f"{key}={self._get_setting(ns, key)}\n")
            return 0
        if len(args) < 3:
            raise UsageError("Invalid arguments")
        key = args[2]
        if verb == "get":
            value = self._get_setting(ns, key)
            io.out(f"{'null' if value is None else value}\n")
            return 0
        if verb == "delete":
            io.out(f"Deleted {1 if self.settings[ns].pop(key, None) is not None else 0} rows\n")
            return 0
        if verb == "put":
            if len(args) < 4:
                raise UsageError("Invalid arguments")
            value = args[3]
            ui = self.ui
            try:
                if (ns, key) == ("global", "airplane_mode_on"):
                    ui.set_airplane(value == "1")
                elif (ns, key) == ("global", "wifi_on"):
                    ui.set_wifi(value != "0")
                elif (ns, key) == ("global", "bluetooth_on"):
                    ui.set_bluetooth(value != "0")
                elif (ns, key) == ("system", "screen_brightness"):
                    ui.set_brightness(int(value))
                elif (ns, key) == ("system", "volume_music"):
                    ui.set_volume(int(value))
                elif (ns, key) == ("secure", "ui_night_mode"):
                    ui.state.dark_mode = value == "2"
                elif (ns, key) == ("global", "low_power"):
                    ui.state.battery_saver = value == "1"
                elif (ns, key) == ("global", "zen_mode"):
                    ui.state.do_not_disturb = value != "0"
                else:
                    self.settings[ns][key] = value
            except ValueError:
                self.settings[ns][key] = value
            return 0
        return 0

    # ------------------------------------------------------------------ screen
    def screencap(self, argv: list[str], io: IO) -> int:
        args = argv[1:]
        as_png = "-p" in args
        if "-d" in args:
            idx = args.index("-d")
            args = args[:idx] + args[idx + 2:]
        files = [a for a in args if not a.startswith("-")]
        with self.ui.lock:
            rgb = png.paint(self.ui.render(), self.ui.top.kind, screen_on=self.ui.state.screen_on)
        if files:
            data = png.encode_png(png.WIDTH, png.HEIGHT, rgb) if as_png or files[0].endswith(".png") \
                else png.raw_framebuffer(rgb)
            try:
                self.phone.fs.write(files[0], data)
            except Exception as exc:  # noqa: BLE001 - reported like Android's "Error opening file"
                io.err(f"Error opening file: {files[0]} ({exc})\n")
                return 1
            return 0
        io.out(png.encode_png(png.WIDTH, png.HEIGHT, rgb) if as_png else png.raw_framebuffer(rgb))
        return 0

    def uiautomator(self, argv: list[str], io: IO) -> int:
        args = argv[1:]
        if not args or args[0] != "dump":
            io.err("Usage: uiautomator <subcommand> [options]\n\nAvailable subcommands:\n\nhelp: displays help message\n\n"
                   "runtest: executes UI automation tests\n\ndump: creates an XML dump of current UI hierarchy\n\n"
                   "events: prints out accessibility events until terminated\n")
            return 0 if not args else 1
        target = next((a for a in args[1:] if not a.startswith("--")), "/sdcard/window_dump.xml")
        faults = self.phone.faults
        if not self.ui.state.screen_on:
            io.err("ERROR: null root node returned by UiTestAutomationBridge.\n")
            return 0
        if faults.dump_errors > 0:
            faults.dump_errors -= 1
            io.err("ERROR: could not get idle state.\n")
            return 0  # like the real tool: the error is only in the text, the exit status is 0
        with self.ui.lock:
            xml = hierarchy_xml(self.ui.render(), self.ui.top.package)
        if faults.stale_dumps > 0 and self.phone._last_dump is not None:
            faults.stale_dumps -= 1
            xml = self.phone._last_dump
        else:
            self.phone._last_dump = xml
        if target in ("/dev/tty", "/dev/stdout"):
            io.out(xml)
        else:
            try:
                self.phone.fs.write(target, xml.encode())
            except Exception:  # noqa: BLE001
                io.err(f"ERROR: could not write to {target}\n")
                return 0
        io.out(f"UI hierchary dumped to: {target}\n")
        return 0

    def wm(self, argv: list[str], io: IO) -> int:
        sub = argv[1] if len(argv) > 1 else ""
        if sub == "size":
            io.out("Physical size: 1080x2400\n")
        elif sub == "density":
            io.out("Physical density: 420\n")
        else:
            raise UsageError("Window manager (window) commands:\n  size [reset|WxH|WdpxHdp]\n  density [reset|DENSITY]")
        return 0

    def getprop(self, argv: list[str], io: IO) -> int:
        props = dict(PROPS)
        props["ro.serialno"] = props["ro.boot.serialno"] = self.phone.device_serialno
        if len(argv) == 1:
            for k in sorted(props):
                io.out(f"[{k}]: [{props[k]}]\n")
            return 0
        io.out(props.get(argv[1], argv[2] if len(argv) > 2 else "") + "\n")
        return 0

