"""Words for matching a command against a screen, and what Android's own screens lead to.

Both sides (the user's command and the labels on screen) go through `words()`: casefolded,
Unicode hyphens and spaces unified, a few phrases that mean the same setting collapsed into one
token ("dark mode" = "night mode" = "Dark theme"), plural s dropped, filler dropped. Matching is
then plain set overlap, so the navigator needs no model to see that "turn on dark mode" is about
the row "Dark theme" under "Display (Dark theme, font size, brightness)".

`SCREEN_MAP` is general knowledge about stock Android 14 apps, the kind Settings' own search
index holds: which entry of a known screen leads to which settings. It lets the navigator pick
"System" for "date and time" although that page is not open yet. It says nothing about any
task or any user's phone; entries not on the screen are simply not candidates.
"""
from __future__ import annotations

import re
import unicodedata

# Phrases first (longest wins by order), each collapsed to one token present on both sides.
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\b(?:dark|night) (?:mode|theme)\b|\bdark ?theme\b|\bdarkmode\b", " darktheme "),
    (r"\bnight ?light\b", " nightlight "),
    (r"\bwi-?fi\b|\bwlan\b", " wifi "),
    (r"\bdo not disturb\b|\bdnd\b", " dnd "),
    (r"\b(?:battery|power) sav(?:er|ing)(?: mode)?\b|\blow power mode\b", " batterysaver "),
    (r"\bairplane mode\b|\bflight mode\b|\baeroplane mode\b", " airplane "),
    (r"\bauto-?rotat(?:e|ion)\b|\brotate (?:the )?screen\b", " autorotate "),
    (r"\bpictures?\b|\bpics?\b|\bimages?\b|\bsnaps?\b|\bshots?\b", " photo "),
    (r"\bgallery\b", " photos "),
)
_WEEKDAYS = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
             "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday"}
# Filler and the words that decide a switch's value ("on"/"off" are read by the task parser).
STOP = frozenset("""
a an the my me i you your our it its this that these those to of for on off in at by from with and or
then please can could would will should be is are was am do does turn switch set put make get go open
launch show find some any all up now just one also there here
""".split())


def normalize(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[\u2010-\u2015\u2212]", "-", t)
    t = t.replace("&", " and ").replace("’", "'")
    for pattern, token in _PHRASES:
        t = re.sub(pattern, token, t)
    return re.sub(r"\s+", " ", t).strip()


def _stem(w: str) -> str:
    if w in _WEEKDAYS:
        return _WEEKDAYS[w]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str, *, keep_stop: bool = False) -> set[str]:
    """Content words of `text` (stemmed, phrases collapsed); times like 7:00 stay one token."""
    out = set()
    for w in re.findall(r"\d{1,2}:\d{2}|[a-z0-9]+(?:'[a-z]+)?", normalize(text)):
        w = w.split("'")[0]
        if keep_stop or w not in STOP:
            out.add(_stem(w))
    return out


# What each entry of a known screen leads to (Android 14, Pixel). Keys: app -> entry label -> words.
SCREEN_MAP: dict[str, dict[str, str]] = {
    "settings": {
        "Network & internet": "wifi internet airplane mobile data sim hotspot tethering data saver vpn private dns calls sms",
        "Connected devices": "bluetooth pairing pair nfc cast printing android auto quick share",
        "Apps": "app info all apps default apps permissions force stop uninstall storage app notifications app battery",
        "Notifications": "notification app notifications notification history conversations bubbles lock screen dnd",
        "Battery": "battery batterysaver battery percentage adaptive battery charging usage",
        "Storage": "storage space free up",
        "Sound & vibration": "sound volume ringtone vibration vibrate haptics dnd media alarm volume",
        "Display": "display darktheme brightness font size screen timeout autorotate nightlight lock screen colors",
        "Wallpaper & style": "wallpaper style colors icons grid",
        "Accessibility": "accessibility talkback magnification captions color correction extra dim select to speak",
        "Security & privacy": "security privacy screen lock fingerprint face unlock find my device encryption",
        "Location": "location gps",
        "System": "system language languages keyboard gestures date time backup reset update",
        "About phone": "about phone number model android version build ip address device name",
        "Battery Saver": "batterysaver",
        "App notifications": "app notifications",
        "Do Not Disturb": "dnd",
    },
    "clock": {
        "Alarm": "alarm alarms wake",
        "Timer": "timer timers countdown",
        "Clock": "clock world time zone",
        "Stopwatch": "stopwatch lap",
        "Bedtime": "bedtime sleep",
    },
    "photos": {
        "Photos": "photo photos video",
        "Library": "album albums favorites trash archive",
    },
}
_MAP_WORDS = {app: {label.casefold(): words(desc) | words(label) for label, desc in entries.items()}
              for app, entries in SCREEN_MAP.items()}

MAP_VOCABULARY = frozenset(w for entries in _MAP_WORDS.values() for ws in entries.values() for w in ws)

# Which app a task lives in when the command does not name one.
APP_TOPICS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Clock", frozenset({"alarm", "timer", "stopwatch", "bedtime"})),
    ("Photos", frozenset({"photo", "photos", "video", "selfie", "screenshot", "album"})),
)
APP_NAMES = {"settings": "Settings", "setting": "Settings", "clock": "Clock", "alarm": "Clock", "alarms": "Clock",
             "photos": "Photos", "photo": "Photos", "google photos": "Photos", "messages": "Messages",
             "contacts": "Contacts", "calendar": "Calendar"}
MAP_KEY = {"Settings": "settings", "Clock": "clock", "Photos": "photos"}


def map_words(app: str, label: str) -> set[str]:
    """Words the static map associates with entry `label` of `app` (empty when unknown)."""
    return _MAP_WORDS.get(MAP_KEY.get(app, app.casefold()), {}).get(normalize_label(label), set())


def normalize_label(label: str) -> str:
    t = unicodedata.normalize("NFKC", label).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[\u2010-\u2015\u2212]", "-", t)).strip()


def app_for(words_: set[str]) -> str:
    """The app a task is about, from its words (Settings unless a clearer topic is named)."""
    for app, topic in APP_TOPICS:
        if words_ & topic:
            return app
    return "Settings"
