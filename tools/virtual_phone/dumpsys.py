"""`dumpsys` for the virtual phone: window focus, activities, battery, notifications, packages.

Shapes follow Android 14: `mCurrentFocus=Window{hash u0 PKG/ACTIVITY}` and
`mFocusedApp=ActivityRecord{hash u0 PKG/.Short tN}` (the notification shade takes focus as
`Window{.. NotificationShade}` while the app below keeps mFocusedApp), `mResumedActivity:`,
`NotificationRecord(0x..: pkg=..` with `android.title=String (..)` under `--noredact` and
`String [length=N]` without it, the battery service's `  level: N` lines.
"""
from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from tools.virtual_phone.shell import IO
from tools.virtual_phone.ui import APP_BY_PKG, MAX_VOLUME, Screen, short_activity

if TYPE_CHECKING:
    from tools.virtual_phone.phone import VirtualPhone
    from tools.virtual_phone.ui import PhoneUI


class DumpsysMixin:
    """`dumpsys` for `AndroidCommands` (which provides `ui`, `phone`, `_all_packages`)."""

    phone: VirtualPhone
    ui: PhoneUI

    @staticmethod
    def _hex(text: str) -> str:
        return f"{zlib.crc32(text.encode()) & 0xFFFFFFF:07x}"

    def _record(self, scr: Screen, task: int) -> str:
        return f"ActivityRecord{{{self._hex(scr.activity)} u0 {scr.package}/{short_activity(scr.package, scr.activity)} t{task}}}"

    def _activities_dump(self) -> str:
        lines = ["ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)", "Display #0 (activities from top to bottom):"]
        stack = [scr for scr in self.ui.stack if scr.kind != "shade"]  # the shade is a window, not an activity
        for i, scr in enumerate(reversed(stack)):
            task = 100 + len(stack) - i
            lines.append(f"  * Task{{{self._hex(scr.package)} #{task} type=standard A=10123:{scr.package}}}")
            lines.append(f"    * Hist  #0: {self._record(scr, task)}")
        top = stack[-1]
        rec = self._record(top, 100 + len(stack))
        lines += [f"  ResumedActivity: {rec}", f"  mResumedActivity: {rec}", f"  mFocusedApp={rec}",
                  f"  mLastPausedActivity: {rec}", ""]
        return "\n".join(lines) + "\n"

    def dumpsys(self, argv: list[str], io: IO) -> int:
        args = argv[1:]
        if not args:
            io.out("Currently running services:\n  activity\n  battery\n  notification\n  package\n  window\n")
            return 0
        service, rest = args[0], args[1:]
        ui = self.ui
        with ui.lock:
            top = ui.top
            if service == "window":
                focus = f"Window{{{self._hex(top.activity)} u0 {top.package}/{top.activity}}}"
                app_top = top
                if top.kind == "shade":  # SystemUI's window has focus; the app below keeps mFocusedApp
                    focus = f"Window{{{self._hex('shade')} u0 NotificationShade}}"
                    app_top = ui.stack[-2]
                rec = self._record(app_top, 100 + len(ui.stack))
                if rest[:1] == ["displays"]:
                    io.out(f"WINDOW MANAGER DISPLAY CONTENTS (dumpsys window displays)\n  Display: mDisplayId=0 rootTasks=1\n"
                           f"    init=1080x2400 420dpi cur=1080x2400 app=1080x2274 rng=1080x1017-2274x2274\n"
                           f"  mCurrentFocus={focus}\n  mFocusedApp={rec}\n")
                else:
                    io.out("WINDOW MANAGER WINDOWS (dumpsys window windows)\n"
                           f"  Window #0 Window{{{self._hex('nav')} u0 NavigationBar0}}:\n"
                           f"  Window #1 Window{{{self._hex('status')} u0 StatusBar}}:\n"
                           f"  Window #2 {focus}:\n"
                           f"    mDisplayId=0 rootTaskId={100 + len(ui.stack)} mSession=Session{{{self._hex('s')} 4242:u0a10123}}\n"
                           f"    mAttrs={{(0,0)(fillxfill) sim={{adjust=resize}} ty=BASE_APPLICATION fmt=TRANSLUCENT}}\n\n"
                           f"  mGlobalConfiguration={{1.0 ?mcc?mnc [en_US] ldltr sw411dp w411dp h914dp 420dpi nrml port finger -keyb/v/h -nav/h}}\n"
                           f"  mHasPermanentDpad=false\n"
                           f"  mTopFocusedDisplayId=0\n"
                           f"  mCurrentFocus={focus}\n"
                           f"  mFocusedApp={rec}\n"
                           f"  mInputMethodWindow=Window{{{self._hex('ime')} u0 InputMethod}}\n")
                return 0
            if service == "activity":
                sub = rest[0] if rest else "activities"
                if top.kind == "shade":
                    top = ui.stack[-2]
                if sub in ("activities", "a"):
                    io.out(self._activities_dump())
                elif sub == "top":
                    io.out(f"TASK {top.package} id={100 + len(ui.stack)} userId=0\n"
                           f"  ACTIVITY {top.package}/{short_activity(top.package, top.activity)} {self._hex(top.activity)} pid=4{len(top.package):03d}\n")
                elif sub in ("recents", "r"):
                    io.out("ACTIVITY MANAGER RECENT TASKS (dumpsys activity recents)\n")
                    for i, scr in enumerate(reversed(ui.stack)):
                        io.out(f"  * Recent #{i}: Task{{{self._hex(scr.package)} #{100 + i} type=standard A=10123:{scr.package}}}\n")
                else:
                    io.out(self._activities_dump())
                return 0
            if service == "battery":
                io.out("Current Battery Service state:\n  AC powered: false\n  USB powered: true\n  Wireless powered: false\n"
                       "  Dock powered: false\n  Max charging current: 500000\n  Max charging voltage: 5000000\n"
                       f"  Charge counter: {ui.battery_level * 43000}\n  status: 2\n  health: 2\n  present: true\n"
                       f"  level: {ui.battery_level}\n  scale: 100\n  voltage: 4180\n  temperature: 285\n  technology: Li-ion\n")
                return 0
            if service == "notification":
                self._notifications(io, redact="--noredact" not in rest)
                return 0
            if service == "package":
                pkg = next((r for r in rest if not r.startswith("-")), "")
                app = APP_BY_PKG.get(pkg)
                if pkg and pkg not in self._all_packages():
                    io.out("Unable to find package: " + pkg + "\n")
                    return 0
                if app:
                    io.out(f"Activity Resolver Table:\n  Non-Data Actions:\n      android.intent.action.MAIN:\n"
                           f"        {self._hex(app.main)} {app.package}/{short_activity(app.package, app.main)} filter {self._hex(app.label)}\n"
                           f"          Action: \"android.intent.action.MAIN\"\n          Category: \"android.intent.category.LAUNCHER\"\n\n"
                           f"Packages:\n  Package [{app.package}] ({self._hex(app.package)}):\n    userId=10123\n"
                           f"    pkg=Package{{{self._hex(pkg)} {app.package}}}\n    codePath=/product/app/{pkg.split('.')[-1]}\n"
                           f"    versionCode=340100 minSdk=29 targetSdk=34\n    versionName=14.0.1\n"
                           f"    pkgFlags=[ {'SYSTEM ' if app.system else ''}HAS_CODE ALLOW_CLEAR_USER_DATA ]\n"
                           f"    timeStamp=2024-02-05 12:00:00\n    firstInstallTime=2024-02-05 12:00:00\n"
                           f"    lastUpdateTime=2024-02-05 12:00:00\n"
                           f"    signatures=PackageSignatures{{{self._hex(pkg + 's')} version:3, signatures:[{self._hex(pkg + 'k')}], past signatures:[]}}\n")
                return 0
            if service == "power":
                on = ui.state.screen_on
                io.out(f"POWER MANAGER (dumpsys power)\n  mWakefulness={'Awake' if on else 'Asleep'}\n"
                       f"  mHoldingDisplaySuspendBlocker={'true' if on else 'false'}\n"
                       f"  Display Power: state={'ON' if on else 'OFF'}\n")
                return 0
            if service == "display":
                io.out("DISPLAY MANAGER (dumpsys display)\n  mDisplayState=ON\n"
                       "  DisplayDeviceInfo{\"Built-in Screen\": 1080 x 2400, 60.0 fps, density 420, rotation 0}\n"
                       "  mCurrentOrientation=0\n  orientation=0\n")
                return 0
            if service == "wifi":
                io.out("Wi-Fi is enabled\n" if ui.state.wifi else "Wi-Fi is disabled\n")
                return 0
            if service == "bluetooth_manager":
                io.out(f"Bluetooth Status\n  enabled: {'true' if ui.state.bluetooth else 'false'}\n"
                       f"  state: {'ON' if ui.state.bluetooth else 'OFF'}\n  address: 00:11:22:AA:BB:CC\n  name: Pixel 7\n")
                return 0
            if service == "audio":
                io.out(f"Stream volumes (device: index)\n- STREAM_MUSIC:\n   Muted: {'true' if ui.state.volume == 0 else 'false'}\n"
                       f"   Min: 0\n   Max: {MAX_VOLUME}\n   streamVolume:{ui.state.volume}\n")
                return 0
        io.err(f"Can't find service: {service}\n")
        return 0

    def _notifications(self, io: IO, *, redact: bool) -> None:
        io.out("Current Notification Manager state:\n  Notification List:\n")
        for rec in reversed(self.ui.state.notifications):
            key = f"0|{rec.package}|{rec.id}|null|10123"

            def show(v: str) -> str:
                return f"String [length={len(v)}]" if redact else f"String ({v})"
            io.out(f"    NotificationRecord(0x{self._hex(key)}: pkg={rec.package} user=UserHandle{{0}} id={rec.id} "
                   f"tag=null importance=3 key={key}: Notification(channel=default shortcut=null contentView=null "
                   f"vibrate=null sound=null defaults=0x0 flags=0x10 color=0x00000000 vis=PRIVATE))\n"
                   f"      uid=10123 userId=0\n      opPkg={rec.package}\n      flags=0x10\n      pri=0\n"
                   f"      key={key}\n      seen=false\n      notification=\n        extras={{\n"
                   f"          android.title={show(rec.title)}\n          android.text={show(rec.text)}\n"
                   f"          android.showWhen=Boolean (true)\n        }}\n")
