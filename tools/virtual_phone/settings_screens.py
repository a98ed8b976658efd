"""The Settings app's pages, laid out as Android 14 on a Pixel lays them out.

Top page: Network & internet, Connected devices, Apps, Notifications, Battery, Storage, Sound &
vibration, Display, ... System, About phone (a list longer than the screen). Apps -> See all ->
app info -> Notifications -> "All <app> notifications"; Notifications -> App notifications (a
switch per app); Display -> Dark theme; Battery -> Battery Saver; Do Not Disturb. Pages nobody
models in detail open a titled SubSettings page. Switch rows change `VirtualState` fields.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tools.virtual_phone.apps import (
    APP_BY_PKG,
    APPS,
    CHROME_PKG,
    SETTINGS_ACTIVITIES,
    SETTINGS_PKG,
    App,
)
from tools.virtual_phone.widgets import (
    HEIGHT,
    WIDTH,
    Node,
    Screen,
    _button,
    _entry_row,
    _plain_row,
    _scroll_list,
    _switch_row,
    _text,
)


def _goto(kind: str, **data: Any) -> tuple:
    """The tap action that opens Settings page `kind` (with page data such as the app's package)."""
    return ("goto", kind, SETTINGS_ACTIVITIES[kind], data)


def zlib_size(package: str) -> int:
    """A stable made-up app size in MB (Storage & cache)."""
    import zlib

    return 20 + zlib.crc32(package.encode()) % 280


class SettingsScreens:
    """Renderers for `PhoneUI` (which provides `state`, `battery_level` and `_title`)."""

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
            ("entry", "Night Light", f"{'On' if self.state.night_light else 'Off'} / Will never turn on automatically",
             _goto("settings_night_light")),
            ("entry", "Colors", "Adaptive", p("Colors")),
            ("header", "Other display controls"),
            ("switch", "Auto-rotate screen", self.state.auto_rotate, ("toggle", "auto_rotate")),
            ("entry", "Screen saver", "Clock", p("Screen saver")),
        ])

    def _render_settings_night_light(self, screen: Screen, parent: Node) -> None:
        p = self._page
        self._settings_page(screen, parent, "Night Light", [
            ("info", "Night Light tints your screen amber", "This makes it easier to look at your screen in dim light"),
            ("entry", "Schedule", "None", p("Schedule")),
            ("switch", "Use Night Light", self.state.night_light, ("toggle", "night_light")),
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
