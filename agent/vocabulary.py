"""What this user says: the words to prime the speech recognizer with, taken from their notes.

Names and relation words come from the contact lines of the notes (agent/phone/contacts.py's
directory), places and apps from capitalised words the notes use repeatedly. A short generic
command vocabulary is added last; it is kept small on purpose: a long list of device words makes
the recognizer hear them everywhere ("call my brother" came out as "call my brightness").
Rebuilt whenever the index changes (the cache is keyed by the index's chunk ids).
"""
from __future__ import annotations

import re
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
_COMMON_CAPS = frozenset("""this that these there then they we you he she it its our your their what when where
    why how yes no also but so if as not all some any one two three after before since until about today
    tomorrow yesterday things before""".split())


class Vocabulary(BaseModel):
    key: str  # the index state it was built from
    names: list[str] = Field(default_factory=list)
    relations: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)  # places, pets, apps: other words the notes repeat
    commands: list[str] = Field(default_factory=lambda: list(COMMAND_WORDS))

    def hotwords(self) -> str:
        """A plain word list (faster-whisper `hotwords`)."""
        return ", ".join([*self.names, *self.relations, *self.places, *self.commands])

    def prompt(self) -> str:
        """The same words in a sentence of the kind the user says (faster-whisper `initial_prompt`)."""
        people = ", ".join([*self.names, *(f"my {r}" for r in self.relations)])
        parts = [f"Call or text {people}." if people else ""]
        if self.places:
            parts.append(f"{', '.join(self.places)}.")
        parts.append("Set an alarm, set a timer, turn on Wi-Fi or Bluetooth.")  # measured in bench/voice.py
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
