"""The phone's installed apps in the voice vocabulary (agent/vocabulary.py phone_apps): read over
adb once per device, cached in the home, read again only when the cache is old or the package
list the phone agent read anyway has changed; never on every utterance."""
from __future__ import annotations


class CountingDevice:
    """Stands in for tools.device.Device: counts what is asked of the phone."""

    def __init__(self, serial="phone-1", apps=None, packages=None):
        self.serial = serial
        self.apps = apps or {"com.whatsapp": "WhatsApp", "com.android.settings": "Settings"}
        self.pkgs = packages or sorted([*self.apps, "android"])
        self.listed = 0

    def launcher_apps(self):
        self.listed += 1
        return dict(self.apps)

    def packages(self, refresh=False):
        return list(self.pkgs)


def test_apps_are_read_once_per_device_and_cached(home):
    from agent.vocabulary import phone_apps

    dev = CountingDevice()
    assert phone_apps(home, device=dev, now=1000.0) == ["Settings", "WhatsApp"]
    assert phone_apps(home, device=dev, now=1060.0) == ["Settings", "WhatsApp"]
    assert dev.listed == 1  # the second utterance reads the cache, not the phone
    other = CountingDevice(serial="phone-2", apps={"com.strava": "Strava"})
    assert phone_apps(home, device=other, now=1060.0) == ["Strava"]  # per device
    assert phone_apps(home, device=dev, now=1000.0 + 2 * 24 * 3600) == ["Settings", "WhatsApp"]
    assert dev.listed == 2  # an old listing is read again


def test_a_changed_package_list_refreshes_the_apps(home):
    from agent.vocabulary import note_packages, phone_apps

    dev = CountingDevice()
    phone_apps(home, device=dev, now=1000.0)
    assert not note_packages(home, dev.serial, dev.pkgs)  # the same list: nothing to do
    dev.apps["com.spotify.music"] = "Spotify"
    dev.pkgs = sorted([*dev.pkgs, "com.spotify.music"])
    assert note_packages(home, dev.serial, dev.pkgs)  # an app was installed
    assert "Spotify" in phone_apps(home, device=dev, now=1001.0)
    assert dev.listed == 2


def test_no_phone_means_no_phone_apps(home, monkeypatch):
    from agent.vocabulary import phone_apps

    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", "1")  # no adb server there
    assert phone_apps(home, "nothing-here") == []


def test_opening_an_app_tells_the_vocabulary_when_the_phone_changed(home, vphone):
    """The phone agent lists the packages anyway to open an app: a list unlike the cached one marks
    the cached labels stale (an app installed or removed since)."""
    import json

    from agent.phone import PhoneAgent
    from agent.vocabulary import phone_apps

    assert "WhatsApp" in phone_apps(home, vphone.serial)
    cache = home.data_dir / "phone-apps.json"
    data = json.loads(cache.read_text())
    data[vphone.serial]["packages"] = "something-else"
    cache.write_text(json.dumps(data))
    result = PhoneAgent(home, home.load_settings()).run("open spotify", serial=vphone.serial)
    assert result.error is None
    assert json.loads(cache.read_text())[vphone.serial]["stale"] is True
    assert "WhatsApp" in phone_apps(home, vphone.serial)
    assert not json.loads(cache.read_text())[vphone.serial].get("stale")


def test_a_few_of_the_phones_oddly_spelled_apps_prime_the_recognizer(monkeypatch):
    """The phone's apps whose names a recognizer spells oddly (agent/vocabulary.py KNOWN_APPS order)
    join the recognizer's prompt, at most PRIME_APPS of them (0 by default: 3 measured within noise
    of 0, bench/RESULTS.md, eighth voice pass; `bench.voice --prime-apps N` sets it); an app the
    notes already name is not repeated, and the common launcher labels (Settings, Clock) are never in it."""
    import agent.vocabulary
    from agent.vocabulary import Vocabulary

    notes = Vocabulary(key="k", names=["Kofi"], relations=["wife"], places=["Leeds", "Spotify"])
    assert "WhatsApp" not in notes.with_apps(["WhatsApp", "Gmail"]).prompt()  # the default: none
    monkeypatch.setattr(agent.vocabulary, "PRIME_APPS", 3)
    assert "WhatsApp" not in notes.prompt()  # no phone reached: the notes' words only
    phone = notes.with_apps(["Clock", "Gmail", "Instagram", "Maps", "Settings", "Spotify", "WhatsApp"])
    prompt = phone.prompt()
    assert "Leeds, Spotify, WhatsApp, Instagram, Gmail." in prompt, prompt
    assert prompt.count("Spotify") == 1 and "Maps" not in prompt
    assert "Settings" not in prompt and "Clock" not in prompt
    assert prompt.startswith("Call or text Kofi, my wife.") and prompt.endswith("turn on Wi-Fi or Bluetooth.")
