"""A simulated Android phone for tests and demos: the real adb server and adbutils drive it.

Modules: `protocol` (adbd wire protocol), `phone` (`VirtualPhone`, services, `adb_connect`),
`shell` (sh parsing and POSIX tools), `android` (input, pm, cmd, settings, screencap,
uiautomator, ...), `intents` (am, monkey), `dumpsys`, `ui` (apps, screens, hierarchy XML),
`sync` (file transfer), `fs` (in-memory files), `png` (screencap pictures).

    phone = VirtualPhone(); phone.start(); adb_connect(phone.serial)
    adbutils.AdbClient(host="127.0.0.1", port=5037).device(phone.serial).shell(...)
    phone.state().sms_sent ...; adb_disconnect(phone.serial); phone.stop()
"""
from tools.virtual_phone.phone import Faults, VirtualPhone, VirtualPhoneError, adb_connect, adb_disconnect
from tools.virtual_phone.ui import VirtualState

__all__ = ["Faults", "VirtualPhone", "VirtualPhoneError", "VirtualState", "adb_connect", "adb_disconnect"]
