"""The closed language of phone commands: every command this user can say, as the recognizer spells it.

Commands are almost a closed language: a verb (call, ring, open, turn on/off, set an alarm...)
times a target from a closed per-user set (the contacts and relations in the notes, the apps,
the settings) times a few slots (times, durations). So a spoken command can be recognized the
way a keyword or grammar recognizer does it: the candidate texts are generated, in the
recognizer's own spelling style ("Call my brother.", "Turn off Wi-Fi.", "Set an alarm for
7.30."), and the recognizer scores each against the recording (tools.voice.Scorer.grammar);
the readings that mean the same thing pool their probability (`posterior`).

Scoring costs one decoder pass per text, so only the readings that look and sound nearest to
what was heard (the transcript and the recognizer's n-best) are scored (`nearest`). A message
body is open text: it is not generated here (agent/heard.py keeps it from the transcript).
"""
from __future__ import annotations

import itertools
import math
import re

from agent.phone import phonetic
from agent.phone.parser import numbers_to_digits, parse_duration, parse_time, tidy

CALL_VERBS = ("Call", "Ring", "Phone")
TOGGLES = ("Wi-Fi", "Bluetooth", "airplane mode")
_HOUR_WORDS = ("twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
ALARM_FRAMES = ("Set an alarm for", "Wake me up at")


def targets(names: list[str], relations: list[str]) -> list[str]:
    """Who a call can name: the contacts' first names, "my <relation>" and "the <relation>"
    ("call the dentist")."""
    return [*dict.fromkeys(names), *(f"my {r}" for r in relations), *(f"the {r}" for r in relations)]


def closed_texts(names: list[str], relations: list[str], apps: list[str]) -> list[tuple[str, str]]:
    """(text, family) for every command of the closed part of the language: calls, settings,
    volume and brightness, screenshot, keys, apps. The family groups texts for pruning."""
    out = [(f"{v} {t}.", "call") for t in targets(names, relations) for v in CALL_VERBS]
    for what in TOGGLES:
        for state in ("on", "off"):
            out += [(f"Turn {state} {what}.", "toggle"), (f"Turn {what} {state}.", "toggle"),
                    (f"Switch {state} {what}.", "toggle")]
    for d in ("up", "down"):
        out += [(f"Turn the volume {d}.", "volume"), (f"Turn {d} the volume.", "volume"), (f"Volume {d}.", "volume"),
                (f"Turn the brightness {d}.", "brightness"), (f"Brightness {d}.", "brightness")]
    # the parser's mute commands, so a garbled one ("New to the phone.") has its reading among these
    out += [("Mute the phone.", "volume"), ("Unmute the phone.", "volume")]
    out += [("Take a screenshot.", "screenshot"), ("Go to the home screen.", "key"), ("Go home.", "key"),
            ("Go back.", "key")]
    for app in dict.fromkeys(apps):
        out.append((f"Open {app}.", "open"))
        if app[:1].isupper() and app.lower() in _COMMON_NOUN_APPS:
            out.append((f"Open the {app.lower()}.", "open"))
    return out


# launcher labels that are also ordinary nouns, said with "the" ("open the camera")
_COMMON_NOUN_APPS = {"camera", "clock", "phone", "calendar", "calculator", "gallery", "settings", "files", "photos",
                     "contacts", "messages", "maps"}


def _clock(hour: int, minute: int) -> list[str]:
    """How tiny.en prints a clock time: "7.30", "730", "7 pm", "quarter to seven"."""
    h12 = hour % 12 or 12
    half = "pm" if hour >= 12 else "am"
    out = []
    if minute == 0:
        out += [f"{h12} {half}", f"{h12} o'clock"]
    else:
        out += [f"{h12}.{minute:02d}", f"{h12}{minute:02d}", f"{h12}.{minute:02d} {half}"]
    if minute == 30:
        out.append(f"half past {_HOUR_WORDS[h12 % 12]}")
    if minute == 15:
        out.append(f"quarter past {_HOUR_WORDS[h12 % 12]}")
    if minute == 45:
        out.append(f"quarter to {_HOUR_WORDS[(h12 + 1) % 12]}")
    return out


def _duration(seconds: int) -> list[str]:
    if seconds % 3600 == 0:
        n = seconds // 3600
        return [f"{n} hour{'s' if n > 1 else ''}"]
    if seconds % 60 == 0:
        n = seconds // 60
        return [f"{n} minute{'s' if n > 1 else ''}"]
    return [f"{seconds} seconds"]


def slot_texts(heard: list[str]) -> list[tuple[str, str]]:
    """Alarms and timers, (text, family): every quarter hour said in words ("quarter to seven",
    "half past six": where tiny.en garbles most), and the times and durations the heard texts
    hold (a time also the other way round the clock: an am/pm not heard), in each spelling the
    recognizer uses."""
    times: dict[tuple[int, int], None] = {}
    durations: dict[int, None] = {}
    for text in map(tidy, heard):  # "530." is a time once the full stop is gone
        hm = parse_time(text)
        if hm:
            times[hm] = times[((hm[0] + 12) % 24, hm[1])] = None
        secs = parse_duration(text)
        if secs:
            durations[secs] = None
        numbers = [int(n) for n in re.findall(r"\b(\d{1,3})\b", numbers_to_digits(text))]
        for n in numbers:
            if 0 < n <= 120:
                durations[n * 60] = durations[n] = None
        # two numbers heard in a row are an hour and its minutes with something misheard between
        # them ("8 to 15 am" for "eight fifteen am"): the recording judges that reading too
        for h, m in itertools.pairwise(numbers):
            if 1 <= h <= 12 and 0 <= m <= 59:
                times[(h, m)] = times[(h + 12, m)] = None
    spoken = [f"{how} {_HOUR_WORDS[h % 12]}" for h in range(1, 13) for how in ("quarter past", "half past", "quarter to")]
    out = [(f"{f} {t}.", "alarm") for t in [*(c for hm in times for c in _clock(*hm)), *spoken] for f in ALARM_FRAMES]
    out += [(f"Set a timer for {d}.", "timer") for secs in durations for d in _duration(secs)]
    return list(dict.fromkeys(out))


def _shape(text: str) -> str:
    """A text as it sounds, for comparing readings: lowercase, numbers as digits, each word's
    phonetic key (agent/phone/phonetic.py) with its first letter, digits kept."""
    words = re.findall(r"[a-z]+|\d+", numbers_to_digits(text.lower().replace("-", "")))
    return " ".join(w if w.isdigit() else (w[0] + phonetic.key(w)) for w in words)


def closeness(a: str, b: str) -> float:
    """0..1: how near two readings sound (1 - edit distance of their shapes over the longer)."""
    sa, sb = _shape(a), _shape(b)
    if not sa or not sb:
        return 0.0
    return 1 - phonetic.distance(sa, sb) / max(len(sa), len(sb))


def nearest(candidates: list[tuple[str, str]], heard: list[str], *, limit: int, per_family: int) -> list[str]:
    """The `limit` candidate texts nearest to any of the `heard` texts, and the `per_family`
    nearest of each family (a garbled verb can make the right family look far)."""
    ranked = sorted(candidates, key=lambda c: -max(closeness(c[0], h) for h in heard))
    picked: dict[str, None] = {}
    seen: dict[str, int] = {}
    for text, family in ranked:
        if seen.get(family, 0) < per_family:
            picked[text] = None
            seen[family] = seen.get(family, 0) + 1
    for text, _ in ranked:
        if len(picked) >= limit:
            break
        picked[text] = None
    return list(picked)


def posterior(scored: list[tuple[float, object]]) -> dict[object, float]:
    """P(meaning) from (log-probability, meaning) of readings: the readings of one meaning pool
    their probability; normalized over everything scored."""
    if not scored:
        return {}
    top = max(lp for lp, _ in scored)
    mass: dict[object, float] = {}
    for lp, meaning in scored:
        mass[meaning] = mass.get(meaning, 0.0) + math.exp(lp - top)
    total = sum(mass.values())
    return {m: v / total for m, v in sorted(mass.items(), key=lambda kv: -kv[1])}
