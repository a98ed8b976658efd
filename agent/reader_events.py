"""Which of two paired events a day or a time on a line belongs to.

A document line often gives two days ("Issued: 03-02-2021, valid until: 03-02-2031") and a shop's
hours two times ("opens 8am, closes at 5pm"). A question asks for one of them; a line that gives
only the other ("Passport: A4827169, expires 11/10/2030" for "When was my passport issued?",
"weekdays close at 5pm" for "What time does the shop open?") does not answer it, though its value
is of the asked kind.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Each event by the words that name it, in the languages notes are written in.
_EVENT_WORDS = {
    "issue": r"issued?|issuing|date\s+of\s+issue|ausgestellt|ausstellung\w*|émis\w*|délivr\w*|emitid[oa]|expedid[oa]|expedición|rilasciat[oa]|wydan[yao]|vydán\w*",
    "expiry": r"expir\w*|exp\.|valid\s+(?:until|till|to|thru|through)|good\s+(?:until|thru)|runs?\s+out|gültig\s+bis|ablauf\w*|vence\w*|vencimiento|"
              r"scad\w*|ważn\w*\s+do|platnost\w*\s+do|geldig\s+tot|validade|valable\s+jusqu\w*",
    # ("open until 7 pm" says when it closes.)
    "open": r"open(?:s|ing|ed)?(?!\s+(?:until|till|til|to)\b)|öffnet",
    "close": r"clos(?:e|es|ing|ed)|shuts?|schließt|open\s+(?:until|till|til|to)",
    # "Boiler serviced on Thursday" says nothing of when it was installed.
    "install": r"install(?:ed|ation)?|fitted|put\s+in",
    "service": r"servic(?:e|ed|ing)|maintenance|repaired",
}
_OTHER = {"issue": "expiry", "expiry": "issue", "open": "close", "close": "open", "install": "service", "service": "install"}
_EVENT = {event: re.compile(rf"\b(?:{words})(?!\w)", re.IGNORECASE) for event, words in _EVENT_WORDS.items()}
# How far before a value its event word may stand: "expires 11/10/2030", "valid until: 03-02-2031".
_REACH = 32


@lru_cache(maxsize=256)  # (asked once per candidate line of one question)
def asked_event(question: str) -> str | None:
    """The one event of a pair the question asks the day or time of, if it names exactly one."""
    found = [event for event, pattern in _EVENT.items() if pattern.search(question)]
    return found[0] if len(found) == 1 else None


def _event_before(text: str, at: int) -> str | None:
    """The event named nearest before position `at` of the line, within reach and within the
    value's own clause ("close at 5pm, Saturday 9-4": the Saturday hours are not a closing time)."""
    window = re.split(r"[,;]\s|\.\s", text[max(0, at - _REACH):at])[-1]
    best = None
    for event, pattern in _EVENT.items():
        for m in pattern.finditer(window):
            if best is None or m.end() > best[0]:
                best = (m.end(), event)
    return best[1] if best else None


def _event_after(text: str, end: int) -> str | None:
    """The event named first after position `end`, within reach and the value's clause: a log's
    "2026-03-12 — boiler annual service" names its event after the day."""
    window = re.split(r"[,;]\s|\.\s", text[end:end + _REACH])[0]
    found = [(m.start(), event) for event, pattern in _EVENT.items() for m in pattern.finditer(window)]
    return min(found)[1] if found else None


def values_of_other_event(question: str, text: str, values: list[str]) -> set[str]:
    """The values of `text` that belong to the event paired with the one the question asks: the
    event named nearest before each ("Issued 03-02-2021, valid until 03-02-2031" gives one of each),
    else the one named first after it in its clause."""
    asked = asked_event(question)
    if asked is None:
        return set()
    other = _OTHER[asked]
    out = set()
    for value in values:
        at = text.find(value)
        if at >= 0 and (_event_before(text, at) or _event_after(text, at + len(value))) == other:
            out.add(value)
    # ("2021" of "3 March, 2021" is that day's year.)
    return out | {value for value in values if any(value in whole for whole in out)}


def described_years(question: str, text: str, values: list[str]) -> set[str]:
    """The bare years of `values` that open a thing's description in brackets ("Lexus RX 300 (2003,
    black)", "Isuzu KB 250 (2012, double cab)"): when it was made, not when a paper of it expires
    or renews."""
    if asked_event(question) != "expiry" and not re.search(r"\brenew", question, re.IGNORECASE):
        return set()
    return {v for v in values if re.fullmatch(r"(?:19|20)\d\d", v) and re.search(rf"\(\s*{v}\s*[,;]", text)}

