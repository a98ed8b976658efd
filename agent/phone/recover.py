"""Commands recovered from what a recognizer printed: one misheard word put back.

A small recognizer mishears the words of a short command in a few typical ways: the verb
("Next Kofi, I'm outside" for "text", "Bring my mum" for "ring"), an app ("Open mouse" for
"maps") or a device word ("Turn the bottle down", "Go to the phone screen"). The set of things a
command can say is small: the command words, this user's contacts, relations and apps. So when
the parser understands no command, each heard word in turn is replaced by a word of that closed
vocabulary, and the readings the parser understands are the candidates, after the recognizer's
own other transcripts (its n-best by beam search; the first pass is greedy and sometimes stops
early: "Set an alarm for"). The recognizer itself then judges them (`score`: its log-probability of each reading for this recording, see
tools.voice.Scorer); without it, only a reading whose replaced word sounds close wins.

A recovered command is never as sure as a heard one: the caller reads back any risky action it
leads to (agent/commands/listen.py), except, with agent/heard.py VERB_VOUCHED switched on (off by
default), a call whose verb alone was put back when the recording vouches for its contact.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from agent.phone import phonetic

# The words of the commands the parser knows (agent/phone/parser.py), as a user says them.
COMMAND_VOCABULARY = (
    "text", "message", "call", "ring", "phone", "open", "turn", "switch", "set", "wake", "go", "take", "tell",
    "send", "alarm", "timer", "volume", "brightness", "screenshot", "home", "screen", "back", "on", "off", "up",
    "down", "Wi-Fi", "Bluetooth", "airplane", "mode", "minutes", "seconds", "hours", "at", "for", "to", "the",
    "me", "my", "an", "a",
)
# Each reading scored costs a decoder pass over the recording; and the parser reads a keyword
# anywhere ("Screenshot the mouse down"), so the closest-sounding reading of a meaning is not
# always its likeliest one: two of each.
MAX_CANDIDATES = 8  # readings scored by the recognizer, closest-sounding first
PER_MEANING = 2
MAX_TRIES = 150  # readings given to the parser (and the contact lookup), closest-sounding first
SOUND_FLOOR = 0.15  # a replacement must share something with the heard word (phonetic.similarity)
# Acceptance by the recognizer (calibrated on bench/voice.py's tuning commands and voices):
MAX_DROP = 5.0  # nats the reading may be less likely than what was heard
MIN_MARGIN = 1.0  # nats the best reading must lead the next reading that means something else


class Recovered(BaseModel):
    text: str  # the command as recovered
    heard: str  # the transcript it came from
    replaced: tuple[str, str]  # (heard word, word put in its place)
    drop: float | None = None  # nats below the heard text, when the recognizer scored it


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+|[^\w\s]", text)


def _join(tokens: list[str]) -> str:
    out = ""
    for t in tokens:
        out += t if (re.fullmatch(r"[^\w\s]", t) or not out) else " " + t
    return out


def candidates(text: str, vocabulary: list[str], understood: Callable[[str], object | None], *,
               limit: int = MAX_CANDIDATES, per_meaning: int = PER_MEANING,
               alternatives: list[str] | tuple = ()) -> list[tuple[float, str, tuple[str, str], object]]:
    """(sound similarity, reading, (heard, put), what `understood` made of it) for the readings
    with one word replaced that `understood` accepts (not None), closest-sounding first: at most
    `limit`, at most `per_meaning` of one meaning. Readings are tried closest-sounding first and
    the search stops there, since each try may look a contact up. The recognizer's own other
    transcripts (`alternatives`, its n-best) are tried before any replaced word."""
    tokens = _tokens(text)
    readings: dict[str, tuple[float, tuple[str, str]]] = {}
    for i, tok in enumerate(tokens):
        if not re.search(r"\w", tok):
            continue
        for word in dict.fromkeys(vocabulary):
            if word.lower() == tok.lower():
                continue
            sim = phonetic.similarity(tok, word)
            if sim < SOUND_FLOOR:
                continue
            put = word if not tok[:1].isupper() or word[:1].isupper() else word[:1].upper() + word[1:]
            reading = _join(tokens[:i] + [put] + tokens[i + 1:])
            if reading not in readings or readings[reading][0] < sim:
                readings[reading] = (sim, (tok, word))
    ranked = [(alt, (1.0, (text, alt))) for alt in dict.fromkeys(alternatives) if alt.strip() and alt != text]
    ranked += sorted(readings.items(), key=lambda kv: -kv[1][0])[:MAX_TRIES]
    out, per = [], {}
    for reading, (sim, swap) in ranked:
        meaning = understood(reading)
        if meaning is None or per.get(meaning, 0) >= per_meaning:
            continue
        per[meaning] = per.get(meaning, 0) + 1
        out.append((sim, reading, swap, meaning))
        if len(out) >= limit:
            break
    return out


def recover(text: str, vocabulary: list[str], understood: Callable[[str], object | None], *,
            score: Callable[[list[str]], list[float]] | None = None,
            alternatives: list[str] | tuple = ()) -> Recovered | None:
    """The one reading of `text` with a word replaced that the recognizer (or, without one, the
    sound of the words) clearly prefers; None when there is none or it is not clear.

    `understood(reading)` returns a hashable meaning (the plan) or None; readings with the same
    meaning do not compete with each other."""
    cands = candidates(text, vocabulary, understood, alternatives=alternatives if score is not None else ())
    if not cands:
        return None
    if score is None:
        best = cands[0]
        rivals = [c for c in cands[1:] if c[3] != best[3]]
        if best[0] < phonetic.CLOSE or (rivals and best[0] - rivals[0][0] < phonetic.TIE):
            return None
        return Recovered(text=best[1], heard=text, replaced=best[2])
    scores = score([text] + [c[1] for c in cands])
    heard, ranked = scores[0], sorted(zip(scores[1:], cands), key=lambda sc: -sc[0])
    top, best = ranked[0]
    rival = next((s for s, c in ranked[1:] if c[3] != best[3]), None)
    if heard - top > MAX_DROP or (rival is not None and top - rival < MIN_MARGIN):
        return None
    return Recovered(text=best[1], heard=text, replaced=best[2], drop=round(heard - top, 3))
