"""What this user says: the words to prime the speech recognizer with, taken from their notes.

Names and relation words come from the contact lines of the notes (agent/phone/contacts.py's
directory), places and apps from capitalised words the notes use repeatedly. A short generic
command vocabulary is added last; it is kept small on purpose: a long list of device words makes
the recognizer hear them everywhere ("call my brother" came out as "call my brightness").
Rebuilt whenever the index changes (the cache is keyed by the index's chunk ids).
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter

from pydantic import BaseModel, Field

from agent.phone.contacts import _CAP_WORD, _NOT_NAMES, contact_directory

# Generic words of phone commands that tiny models mishear without context. Deliberately no
# "brightness", "volume", "screenshot": those words are long and common enough to be heard
# right, and in a priming list they attract other words ("brother" -> "brightness").
COMMAND_WORDS = ("text", "call", "alarm", "timer", "Wi-Fi", "Bluetooth")
# Apps worth priming when the notes mention them (names a recognizer spells oddly).
KNOWN_APPS = ("WhatsApp", "Spotify", "Signal", "Telegram", "Instagram", "YouTube", "Gmail", "Maps", "Uber",
              "Strava", "Duolingo", "Slack", "Zoom", "Netflix")
MAX_PLACES = 4
# The generic command sentence at the end of the recognizer's prompt (measured in bench/voice.py)
COMMAND_SENTENCE = "Set an alarm, set a timer, turn on Wi-Fi or Bluetooth."
PRIME_APPS = 0  # the phone's own apps in the recognizer's prompt: 3 measured within noise of 0 (bench/RESULTS.md, eighth voice pass)
_COMMON_CAPS = frozenset("""this that these there then they we you he she it its our your their what when where
    why how yes no also but so if as not all some any one two three after before since until about today
    tomorrow yesterday things before""".split())


class Vocabulary(BaseModel):
    key: str  # the index state it was built from
    names: list[str] = Field(default_factory=list)
    relations: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)  # places, pets, apps: other words the notes repeat
    commands: list[str] = Field(default_factory=lambda: list(COMMAND_WORDS))
    # the launcher labels of the apps installed on the connected phone (`phone_apps`); empty when
    # no phone was reached: then the common launcher labels stand in (agent/heard.py)
    apps: list[str] = Field(default_factory=list)

    def with_apps(self, apps: list[str]) -> "Vocabulary":
        """This vocabulary with the phone's installed apps."""
        return self.model_copy(update={"apps": list(dict.fromkeys(a for a in apps if a))})

    def hotwords(self) -> str:
        """A plain word list (faster-whisper `hotwords`)."""
        return ", ".join([*self.names, *self.relations, *self.places, *self.commands])

    def prompt(self) -> str:
        """The same words in a sentence of the kind the user says (faster-whisper `initial_prompt`)."""
        people = ", ".join([*self.names, *(f"my {r}" for r in self.relations)])
        parts = [f"Call or text {people}." if people else ""]
        # the phone's apps with names a recognizer spells oddly, at most PRIME_APPS (bench/RESULTS.md)
        extra = [a for a in KNOWN_APPS if a in self.apps and a not in self.places][:PRIME_APPS]
        if self.places or extra:
            parts.append(f"{', '.join([*self.places, *extra])}.")
        parts.append(COMMAND_SENTENCE)
        return " ".join(p for p in parts if p)


_cache: dict[str, Vocabulary] = {}


def build_vocabulary(memory) -> Vocabulary:
    """The vocabulary of the notes behind `memory` (None: the generic command words only)."""
    directory = contact_directory(memory)
    if directory.key in _cache:
        return _cache[directory.key]
    counts: Counter[str] = Counter()
    text_all: list[str] = []
    if memory is not None and hasattr(memory, "iter_chunks"):
        try:
            for chunk in memory.iter_chunks():
                text_all.append(chunk.text)
                # a word that starts a sentence or a list item is capitalised for grammar, not as a name
                body = re.sub(r"(^|[.!?]\s+|\n\s*[-*#|]*\s*)([A-Z])", lambda m: m.group(1) + m.group(2).lower(), chunk.text)
                counts.update(w for w in _CAP_WORD.findall(body))
        except Exception:  # noqa: BLE001 - an unreadable index primes with the generic words only
            pass
    known = {n.lower() for n in directory.names} | {"choir", "city", "council", "street", "road"}
    places = [w for w, c in counts.most_common() if c >= 2 and w.lower() not in known
              and w.lower() not in _NOT_NAMES and w.lower() not in _COMMON_CAPS][:MAX_PLACES]
    joined = "\n".join(text_all)
    apps = [a for a in KNOWN_APPS if re.search(rf"\b{re.escape(a)}\b", joined, re.I) and a not in places]
    # First names only: surnames in the priming come out in transcripts ("text my wife, Nair, ...")
    vocab = Vocabulary(key=directory.key, names=directory.first_names, relations=directory.relations,
                       places=places + apps)
    _cache[directory.key] = vocab
    return vocab


# ------------------------------------------------------------------------- the phone's own apps
APPS_MAX_AGE_S = 24 * 3600  # a listing this old is read again (besides the change signals below)
_APPS_FILE = "phone-apps.json"


def _apps_path(home):
    return home.data_dir / _APPS_FILE


def _load_apps(home) -> dict:
    try:
        return json.loads(_apps_path(home).read_text())
    except (OSError, ValueError):
        return {}


def _save_apps(home, data: dict) -> None:
    try:
        _apps_path(home).parent.mkdir(parents=True, exist_ok=True)
        _apps_path(home).write_text(json.dumps(data, indent=1, sort_keys=True))
    except OSError:
        pass


def packages_fingerprint(packages) -> str:
    return hashlib.sha256("\n".join(sorted(packages)).encode()).hexdigest()[:16]


def phone_apps(home, serial: str | None = None, *, device=None, now: float | None = None) -> list[str]:
    """The launcher labels of the apps installed on the phone `serial` (None: the only one
    connected), cached per device in the home's data folder and read over adb again only when
    the cache is missing, older than APPS_MAX_AGE_S, or marked stale (`note_packages`: the
    package list the phone agent read anyway changed; an app it could not find). [] when no
    phone can be reached: the vocabulary then knows the common launcher labels only."""
    now = time.time() if now is None else now
    try:
        if device is None:
            from tools.device import Device, pick_serial

            serial = pick_serial(serial)
        else:
            serial = device.serial
    except Exception:  # noqa: BLE001 - no adb server, no phone, several phones: no phone apps
        return []
    data = _load_apps(home)
    entry = data.get(serial)
    if entry and not entry.get("stale") and now - entry.get("at", 0) < APPS_MAX_AGE_S:
        return list(entry["labels"])
    try:
        if device is None:
            device = Device(serial)
        apps = device.launcher_apps()
        packages = device.packages(refresh=True)
    except Exception:  # noqa: BLE001 - the phone went away: the last listing, if any, still serves
        return list(entry["labels"]) if entry else []
    labels = sorted(dict.fromkeys(apps.values()), key=str.lower)
    data[serial] = {"labels": labels, "packages": packages_fingerprint(packages), "at": now}
    _save_apps(home, data)
    return labels


def note_packages(home, serial: str, packages) -> bool:
    """The phone agent listed `serial`'s packages anyway (to open an app): when the list is not
    the one the cached app labels were read with, mark them stale so the next `phone_apps` reads
    them again. True when it changed."""
    data = _load_apps(home)
    entry = data.get(serial)
    if not entry or entry.get("stale") or entry.get("packages") == packages_fingerprint(packages):
        return False
    entry["stale"] = True
    _save_apps(home, data)
    return True


def mark_apps_stale(home, serial: str) -> None:
    """An app the user asked for was not found on `serial`: read its apps again next time."""
    data = _load_apps(home)
    if serial in data and not data[serial].get("stale"):
        data[serial]["stale"] = True
        _save_apps(home, data)
