"""tools.device against the virtual phone through the real adb server (adbutils -> adb -> phone)."""
from __future__ import annotations

import pytest

from tools.actions import make_action
from tools.device import Device, DeviceDisconnected, DeviceError, list_devices, pick_serial


@pytest.fixture()
def phone_factory():
    from tools.virtual_phone import VirtualPhone, adb_connect, adb_disconnect

    started = []

    def make(**kw):
        vp = VirtualPhone(**kw)
        vp.start()
        adb_connect(vp.serial)
        started.append(vp)
        return vp

    yield make
    for vp in started:
        adb_disconnect(vp.serial)
        vp.stop()


@pytest.fixture()
def vp(phone_factory):
    return phone_factory()


@pytest.fixture()
def dev(vp, tmp_path):
    return Device.open(vp.serial, screenshot_dir=tmp_path / "shots")


def run(dev, kind, **args):
    return dev.execute(make_action(kind, args))


def test_picking_devices(phone_factory):
    a, b = phone_factory(), phone_factory()
    serials = {d.serial for d in list_devices() if d.state == "device"}
    assert {a.serial, b.serial} <= serials
    with pytest.raises(DeviceError) as err:
        pick_serial(None)
    assert "several phones" in str(err.value) and a.serial in str(err.value) and b.serial in str(err.value)
    assert pick_serial(b.serial) == b.serial
    with pytest.raises(DeviceError, match="not connected"):
        pick_serial("emulator-5999")


def test_observe_lists_numbered_elements(dev):
    screen = dev.observe()
    assert screen.foreground.endswith("launcher")
    labels = [e.label for e in screen.elements]
    assert "Settings" in labels and [e.index for e in screen.elements] == list(range(len(labels)))
    assert "[" in screen.text() and len(screen.hash) == 12


def test_typing_ascii_with_shell_metacharacters_arrives_literally(dev, vp):
    dev.shell(["am", "start", "-a", "android.intent.action.SENDTO", "-d", "smsto:+15035550100"])
    screen = dev.observe()
    field = next(e for e in screen.elements if e.cls.endswith("EditText"))
    run(dev, "tap", index=field.index)
    text = "it's 5$ & more; `id` \"q\" | $(reboot) > /sdcard/x"
    result = run(dev, "type_text", text=text)
    assert result.ok
    body = next(e for e in dev.observe().elements if e.cls.endswith("EditText"))
    assert body.text == text
    assert vp.state().sms_sent == [] and not any(c.startswith("reboot") for c in vp.commands)


def test_typing_unicode_goes_through_the_ime(dev, vp):
    dev.shell(["am", "start", "-a", "android.intent.action.SENDTO", "-d", "smsto:+15035550100"])
    field = next(e for e in dev.observe().elements if e.cls.endswith("EditText"))
    run(dev, "tap", index=field.index)
    assert run(dev, "type_text", text="Grüße aus Köln 👋").ok
    body = next(e for e in dev.observe().elements if e.cls.endswith("EditText"))
    assert body.text == "Grüße aus Köln 👋"
    assert any("ADB_INPUT_B64" in c for c in vp.commands)


def test_unicode_without_adbkeyboard_says_how_to_fix(phone_factory):
    vp = phone_factory(adb_keyboard=False)
    dev = Device.open(vp.serial)
    result = run(dev, "type_text", text="Grüße")
    assert not result.ok and "ADBKeyboard" in result.detail


def test_dump_retries_on_idle_state_errors_and_stale_files(phone_factory):
    vp = phone_factory(faults={"dump_errors": 2})
    dev = Device.open(vp.serial)
    assert any(e.label == "Settings" for e in dev.observe().elements)
    vp.faults.stale_dumps = 1  # the next dump repeats the launcher although Settings is open
    result = run(dev, "open_app", name="settings")
    assert result.ok and result.verified and result.foreground == "com.android.settings"
    labels = " ".join(e.label for e in dev.last_screen.elements)
    assert "Network" in labels or "Wi-Fi" in labels or "Bluetooth" in labels


def test_apps_keys_and_urls(dev, vp):
    assert run(dev, "open_app", name="the Clock app").data["package"].endswith("deskclock")
    assert run(dev, "open_app", name="messaging").verified
    with pytest.raises(DeviceError):
        dev.resolve_package("no such thing at all")
    home = run(dev, "key", key="HOME")
    assert home.verified and vp.state().foreground.endswith("launcher")
    assert run(dev, "open_url", url="example.org/page").ok and "example.org/page" in vp.state().url
    assert run(dev, "key", key="BACK").ok


def test_settings_alarm_timer_and_readouts(dev, vp, tmp_path):
    assert run(dev, "airplane", enabled=True).verified and vp.state().airplane
    assert run(dev, "brightness", level=200).verified and vp.state().brightness == 200
    assert run(dev, "set_timer", seconds=300).ok and vp.state().timers[0].seconds == 300
    assert run(dev, "set_alarm", hour=7, minute=5).ok and (vp.state().alarms[0].hour, vp.state().alarms[0].minute) == (7, 5)
    assert run(dev, "volume", level=3).verified and vp.state().volume == 3
    vp.push_notification("Messages", "Dana", "see you at 6")
    notes = run(dev, "notifications").data["notifications"]
    assert {"title": "Dana", "text": "see you at 6"}.items() <= notes[-1].items()
    assert run(dev, "battery").data["battery"]["level"] >= 0
    shot = run(dev, "screenshot")
    assert shot.data["path"].startswith(str(tmp_path)) and open(shot.data["path"], "rb").read(4) == b"\x89PNG"


def test_tap_on_nothing_is_unverified_and_loops_are_caught(dev):
    dev.observe()
    results = [run(dev, "tap", x=5, y=5) for _ in range(3)]
    assert all(r.ok and not r.verified for r in results)
    assert dev.looping() and "loop" in results[-1].detail
    with pytest.raises(ValueError):
        make_action("tap", {"index": -1, "x": None})
    assert not run(dev, "tap", index=999).ok


def test_scroll_swipe_long_press(dev):
    assert run(dev, "scroll", direction="down").ok
    assert run(dev, "swipe", x1=500, y1=1500, x2=500, y2=500).ok
    assert run(dev, "long_press", index=2).ok


def test_reconnects_after_a_drop_and_reports_a_phone_that_stays_away(dev, vp):
    vp.disconnect()
    vp.reconnect()
    assert dev.foreground()  # reconnected by itself (adb disconnect + connect), no replay
    vp.disconnect()
    with pytest.raises(DeviceDisconnected, match="disconnected"):
        dev.observe()


def test_launcher_apps_lists_the_phones_apps_with_their_labels(dev):
    """The apps the launcher shows, read over adb in one command (agent/vocabulary.py primes and
    recovers with them): third-party apps such as WhatsApp included, the launcher itself not."""
    apps = dev.launcher_apps()
    assert apps["com.whatsapp"] == "WhatsApp"
    assert apps["com.spotify.music"] == "Spotify"
    assert apps["com.android.settings"] == "Settings"
    assert "com.google.android.apps.nexuslauncher" not in apps


def test_app_labels_told_from_packages_when_the_phone_prints_none():
    from tools.device import app_label, parse_launcher_apps

    assert app_label("com.whatsapp") == "WhatsApp"
    assert app_label("org.thoughtcrime.securesms") == "Signal"
    assert app_label("com.strava") == "Strava"
    assert app_label("de.mybank.banking") == "Mybank"
    out = ("2 activities found:\n  Activity #0:\n    ActivityInfo:\n      name=com.whatsapp.Main\n"
           "      packageName=com.whatsapp\n      labelRes=0x7f1200 nonLocalizedLabel=null icon=0x7f0800\n"
           "  Activity #1:\n    ActivityInfo:\n      packageName=com.example.notes\n"
           "      labelRes=0x0 nonLocalizedLabel=My Notes icon=0x7f0800\n")
    assert parse_launcher_apps(out) == {"com.whatsapp": "WhatsApp", "com.example.notes": "My Notes"}
