"""Deterministic parsing of common phone commands: fast, no model, and predictable.

`parse_command(text)` returns a list of `Step`s or None when the words are not a command it
knows (the router then asks the model). Recipients are left as contact references ("my sister",
"Dana") or literal numbers; agent/phone/contacts.py resolves references through memory.
"""
from __future__ import annotations

import re

from pydantic import BaseModel, Field

_PHONE_LITERAL = re.compile(r"^\+?[\d\s().-]{7,}$")
_FILLER = (r"(?:please\s+|(?:can|could|would|will) you\s+|hey\s+|anima,?\s+|"
           r"i(?: want| need|'d like| would like) to\s+|just\s+)*")
_SEP = re.compile(r"\s*(?:,\s*)?\b(?:and then|then|and also|and)\b\s*|\s*;\s*", re.I)


class Step(BaseModel):
    kind: str
    args: dict = Field(default_factory=dict)  # send_sms/call carry "contact" or "to"
    description: str = ""


def _clean_body(body: str) -> str:
    body = body.strip().strip('"“”\'‘’').strip()
    return body


def _recipient(who: str) -> dict:
    who = who.strip().strip(",:").strip()
    who = re.sub(r"^to\s+", "", who, flags=re.I)
    if _PHONE_LITERAL.match(who) and sum(c.isdigit() for c in who) >= 7:
        return {"to": who}
    return {"contact": who}


def _who_label(args: dict) -> str:
    return args.get("contact") or args.get("to", "?")


# The number words, public: agent/heard.py spells numbers back with them (`number_words`).
ONES = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBER_WORDS = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(TENS)})(?:[\s-](?P<unit>{'|'.join(k for k in ONES if 0 < ONES[k] < 10)}))?"
    rf"|(?P<ones>{'|'.join(ONES)}))\b"
    r"(?:\s+hundred\b)?", re.I)


def numbers_to_digits(text: str) -> str:
    """Spelled-out numbers as digits: "twenty five minutes" -> "25 minutes", "five thirty" -> "5 30".
    Used on times, durations and levels (not on message bodies, which keep the user's words)."""
    def sub(m: re.Match) -> str:
        if m.group("tens"):
            value = TENS[m.group("tens").lower()] + (ONES[m.group("unit").lower()] if m.group("unit") else 0)
        else:
            word = m.group("ones").lower()
            if word == "oh":  # "seven oh five" -> 7 05; a lone "oh" is a word, not a zero
                return m.group(0)
            value = ONES[word]
        if m.group(0).lower().endswith("hundred"):
            value *= 100
        return str(value)

    out = _NUMBER_WORDS.sub(sub, text)
    return re.sub(r"\b(\d{1,2}) oh (\d)\b", r"\1 0\2", re.sub(r"\boh (\d)\b", r"oh \1", out))


# One spelling per value, as the recognizer prints it: "zero" not "oh", "forty" not "fourty".
_ONES_BY_VALUE = {v: k for k, v in reversed(list(ONES.items())) if k != "oh"}
_TENS_BY_VALUE = {v: k for k, v in TENS.items() if k != "fourty"}


def number_words(n: int) -> str | None:
    """0-99 in words, as the recognizer prints them ("twenty-five"); None outside 0-99.
    The inverse of `numbers_to_digits` on those values."""
    if 0 <= n < 20:
        return _ONES_BY_VALUE[n]
    if 20 <= n < 100:
        tens, unit = _TENS_BY_VALUE[n - n % 10], n % 10
        return tens if not unit else f"{tens}-{_ONES_BY_VALUE[unit]}"
    return None


def _spoken_clock(t: str) -> str:
    """How recognizers print times, to one form: "8 p.m." -> "8 pm", "5.30" -> "5:30"."""
    t = re.sub(r"\b([ap])\.?\s?m\b\.?", r"\1m", t)  # a.m. / p. m. / a m -> am
    t = re.sub(r"\bo'? ?clock\b", "oclock", t)
    t = re.sub(r"\bhalf (?=\d{1,2}\b(?! (?:minutes?|hours?|seconds?)))", "half past ", t)  # British "half six"
    return t


def _hour_24(hour: int, suffix: str) -> int:
    if suffix.startswith("p") and hour < 12:
        return hour + 12
    if suffix.startswith("a") and hour == 12:
        return 0
    return hour


def parse_time(text: str) -> tuple[int, int] | None:
    """A clock time as (hour, minute), in the forms people say and recognizers print it:
    7:30, 7.30, 7-30, 730, 7 30, seven thirty, half past 7, quarter to 7, 10 past 5, 8 pm, 8 p.m., noon.

    A reading must account for every number in the text: "Set an alarm for 400 to 70." or "for
    4.7." is a garbled time (the recognizer's "quarter to seven"), not 4:00, and "8 to 15" is no
    clock ("ten to eight" counts minutes to an hour of the clock face); None lets the caller
    judge other readings instead of setting a wrong alarm."""
    t = _spoken_clock(numbers_to_digits(text.lower().strip()))
    if re.search(r"\bnoon\b|\bmidday\b", t):
        return 12, 0
    if re.search(r"\bmidnight\b", t):
        return 0, 0
    found = None if re.search(r"[$£€]\s*\d", t) else _clock_reading(t)  # "$4.27" is a price, no clock
    if found is None:
        return None
    hm, span = found
    rest = t[:span[0]] + " " + t[span[1]:]
    return None if re.search(r"\d", rest) else hm


def _clock_reading(t: str) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """((hour, minute) or None for a time-shaped phrase that is no time, the span it covers)."""
    suffix_re = (r"(?:\s*(am|pm|oclock|in the morning|in the evening|in the afternoon|at night|tonight|"
                 r"(?:tomorrow|this) (?:morning|afternoon|evening|night)))?")
    # half past 5 / quarter to 7 / 20 past 6 / 10 to 8 (optionally followed by am/pm)
    m = re.search(r"\b(half|quarter|\d{1,2})( minutes?)? (past|after|to|before|til|till) (\d{1,2})\b" + suffix_re, t)
    if m:
        n = {"half": 30, "quarter": 15}.get(m.group(1))
        minutes = n if n is not None else int(m.group(1))
        hour = int(m.group(4))
        # the clock face: an hour 1-12, minutes up to the half hour, in fives unless "minutes" is said
        if not 1 <= hour <= 12 or minutes > 30 or (n is None and not m.group(2) and minutes % 5):
            return None, m.span()
        if m.group(3) in ("to", "before", "til", "till"):
            if m.group(1) == "half":
                return None, m.span()
            hour, minute = (hour - 1) % 24, 60 - minutes
        else:
            minute = minutes
        hour = _hour_24(hour, _suffix(m.group(5)))
        return ((hour, minute) if 0 <= hour <= 23 and 0 <= minute <= 59 else None), m.span()
    # 7:30 / 7.30 / 7h30 / 7 30 / 7-30 / 730 / 0730, optionally am/pm
    m = re.search(r"(?<![\d:])(\d{1,2})(?:[:.h-]|\s)(\d{2})(?![\d%])" + suffix_re, t) or \
        re.search(r"(?<![\d:.])(\d{1,2})(\d{2})(?![\d%.])" + suffix_re, t)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
        hour = _hour_24(hour, _suffix(m.group(3)))
        return ((hour, minute) if 0 <= hour <= 23 and 0 <= minute <= 59 else None), m.span()
    # 8 pm / 8 oclock / at 8 (a bare number alone is too vague: "alarm 7" could be anything)
    m = re.search(r"(?<![\d:.])(\d{1,2})" + suffix_re + r"(?![\d%:])", t)
    # ... or right after "wake me (up)", where the recognizer drops the "at" or prints a pause
    # ("Wake me up, six." / "Wake me up 6."): an hour is all such a command can go on with
    if m and (m.group(2) or re.search(rf"\b(?:at|for)\s+{m.group(1)}\b", t)
              or re.search(rf"\bwake (?:me )?up,?\s+{m.group(1)}\b|\bwake me,?\s+{m.group(1)}\b", t)):
        hour = _hour_24(int(m.group(1)), _suffix(m.group(2)))
        return ((hour, 0) if 0 <= hour <= 23 else None), m.span()
    return None


def _suffix(word: str | None) -> str:
    w = (word or "").strip()
    if w in ("in the evening", "in the afternoon", "at night", "tonight") or \
            re.fullmatch(r"(?:tomorrow|this) (?:afternoon|evening|night)", w):
        return "pm"
    if w.endswith("morning"):
        return "am"
    return w


_UNITS = {"h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "m": 60, "min": 60, "mins": 60,
          "minute": 60, "minutes": 60, "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1}


def parse_duration(text: str) -> int | None:
    """Seconds in "10 minutes", "an hour and a half", "1 hour 30 minutes", "ninety seconds".

    Every number in the text must belong to a unit: "10-4" or "10 4 minutes" is a slip of the
    recognizer (a number misheard), not 4 minutes; None lets the caller ask or judge other
    readings instead of running a timer nobody asked for."""
    t = numbers_to_digits(text.lower())
    t = re.sub(r"\b(\d+) and a half (hours?|minutes?)", lambda m: f"{m.group(1)}.5 {m.group(2)}", t)
    t = re.sub(r"\ban hour and a half\b", "90 minutes", t)
    t = re.sub(r"\bhalf a minute\b", "30 seconds", t)
    t = re.sub(r"\ba minute and a half\b", "90 seconds", t)
    t = re.sub(r"\b(?:a|one) (minute|second)\b", r"1 \1", t)
    total = 0.0
    if re.search(r"\bhalf an hour\b", t):
        total += 1800
    if re.search(r"\ban hour\b", t) and "half" not in t:
        total += 3600
    unit_re = r"(\d+(?:\.\d+)?)\s*-?\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b"
    for num, unit in re.findall(unit_re, t):
        total += float(num) * _UNITS[unit]
    if re.search(r"\d", re.sub(unit_re, " ", t)):
        return None  # a number without its unit: misheard
    return int(total) or None


def unreadable_number(text: str) -> str | None:
    """The words after the command frame when they hold a number the parser could not read as a
    time or duration ("10-4" in "Set a timer for 10-4."), for asking back; else None."""
    t = numbers_to_digits(text)
    m = re.search(r"\b(?:for|at|in|to)\b\s*(.*\d.*?)[.!?]*$", t, re.I) or re.search(r"(\S*\d.*?)[.!?]*$", t)
    return m.group(1).strip() if m else None


def _toggle_target(word: str) -> str | None:
    w = word.lower().replace("-", "").replace(" ", "")
    if w in ("wifi", "wlan", "wireless"):
        return "wifi"
    if w == "bluetooth":
        return "bluetooth"
    if w in ("airplanemode", "airplane", "flightmode", "aeroplanemode", "planemode"):
        return "airplane"
    return None


_TOGGLE_WORDS = r"(wi-?fi|wlan|bluetooth|airplane mode|aeroplane mode|flight mode|plane mode|airplane)"


def tidy(text: str) -> str:
    """Recognizer punctuation and fillers out of the way: "Okay, call, Dana." -> "call Dana";
    "Message Beatriz. Rehearsal moved" -> "Message Beatriz, Rehearsal moved"."""
    s = re.sub(r"\s+", " ", text.strip())
    s = re.sub(r"^(?:(?:ok(?:ay)?|so|um+|uh+|er+|hmm+|hey|hi|right)\b[,.!]?\s*)+", "", s, flags=re.I)
    s = s.strip(" .!?,;")
    s = re.sub(r"(?:[,.]?\s+(?:and|then|and then|so))+$", "", s, flags=re.I)  # a dangling "... and then"
    # a "please" at the end is no part of the command ("Turn off Wi-Fi, please."); a message body
    # keeps its own words. Not "thank you": Whisper hallucinates it at the end of noisy audio, and
    # "Open the phone, thank you." (a misheard "open Spotify") must stay no command
    s = re.sub(r"[,.]?\s+please$", "", s, flags=re.I) \
        if not re.match(r"^(?:send |tell |let |text |message |sms )", s, re.I) else s
    # a sentence break inside one command is a pause, not an end (not after "Dr." or "p.m.")
    s = re.sub(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<=\w\w)[.!?]\s+(?=\w)", ", ", s)
    # A command's first word heard inflected: "Called Dana." / "Turned on Bluetooth." is "call
    # Dana" with its final sound run into the next word's (call-d-Dana), never a sentence anyone
    # says to a phone; the recognizer's n-best carries such spellings beside the command.
    s = re.sub(r"^(called|calling|turned|turning|opened|opening|texted|texting|messaged|messaging|switched|"
               r"switching|rang|ringing)\b", lambda m: _BASE_VERB[m.group(1).lower()], s, flags=re.I)
    s = re.sub(r"^((?:please )?(?:call|ring|phone|dial|text|message|sms|tell|send|open|turn|set))\s*[,.:]\s*", r"\1 ",
               s, flags=re.I)
    return s


_BASE_VERB = {"called": "Call", "calling": "Call", "turned": "Turn", "turning": "Turn", "opened": "Open",
              "opening": "Open", "texted": "Text", "texting": "Text", "messaged": "Message", "messaging": "Message",
              "switched": "Switch", "switching": "Switch", "rang": "Ring", "ringing": "Ring"}


# "text Kofi I'm outside": who is one name or "my/the <relation>", the rest is the message
_WHO_BARE = r"(?P<who>(?:my|the|our) (?:best friend|\w+)|\+?[\d][\d ()-]{6,}\d|\w+)"
# the subject that opens a message's clause ("I'll ...", "we're ...", "the gym is ...")
_CLAUSE_START = r"(?:i|we|you|he|she|it|they|there|the|my|our|your|his|her|their)\b"


def _parse_one(text: str) -> list[Step] | None:
    s = tidy(text)
    s = re.sub(rf"^{_FILLER}", "", s, flags=re.I)
    low = s.lower()
    if not s:
        return None

    # remind X to Y - text her
    m = re.match(r"^remind (?P<who>.+?) (?:to|about) (?P<what>.+?)(?:\s*[-–—,;:]+\s*|\s+)(?:and\s+)?"
                 r"(?:text|sms|message)(?: (?:her|him|them))?$", s, re.I)
    if m:
        what = _clean_body(m.group("what"))
        args = {**_recipient(m.group("who")), "body": f"Reminder: {what[0].upper()}{what[1:]}"}
        return [Step(kind="send_sms", args=args, description=f'text {_who_label(args)}: "{args["body"]}"')]

    # text/message/sms X that|saying Y ; send (a) text to X saying Y ; tell X that Y
    # (the recognizer's commas land anywhere: "Text my brother, saying ...", "Tell Marcus, I'm late")
    m = re.match(r"^(?:send )?(?:an? |the )?(?:text|sms|message|msg|whatsapp)(?: message)? (?:to )?(?P<who>.+?)"
                 r"(?:,?\s+(?:that(?![\w'’])|saying|to say)\b,?|:|,)\s*(?P<body>.+)$", s, re.I) or \
        re.match(r"^(?:send|shoot|drop|fire off) (?P<who>.+?) an? (?:quick )?(?:text|sms|message|msg|line|note)(?: message)?"
                 r"\s*(?:,?\s*(?:saying|that(?![\w'’])|to say)\b,?|:|,)?\s*(?P<body>.+)$", s, re.I) or \
        re.match(rf"^send (?!(?:an?|the|me|it|us|this|that)\b){_WHO_BARE} (?:text|sms|message)"  # the "a" not heard
                 r"(?:,?\s*(?:saying|that(?![\w'’])|to say)\b,?|:|,)\s*(?P<body>.+)$", s, re.I) or \
        re.match(r"^(?:write|reply|send a reply) to (?P<who>.+?)(?:,?\s+(?:saying|that(?![\w'’])|to say)\b,?|:|,)\s*(?P<body>.+)$",
                 s, re.I) or \
        re.match(r"^tell (?P<who>.+?) (?:that )(?P<body>.+)$", s, re.I) or \
        re.match(rf"^tell (?!(?:me|us)\b){_WHO_BARE}, (?:that(?![\w'’]),? ?)?(?P<body>.+)$", s, re.I) or \
        re.match(r"^let (?P<who>.+?) know(?: that)?[,:]?\s+(?P<body>.+)$", s, re.I)
    if not m:  # the "that" dropped or not heard
        m = re.match(rf"^(?:send )?(?:an? )?(?:text|sms|message|msg)(?: message)? (?:to )?{_WHO_BARE} (?P<body>\S.*)$", s, re.I) or \
            re.match(rf"^tell {_WHO_BARE} (?P<body>\S.*)$", s, re.I)
        if m and len(m.group("body").split()) < 2:
            m = None  # "text Jo back" is not a message
    if m:
        body = _clean_body(m.group("body"))
        # "Text Dana, that the gym is closed": a comma the recognizer put before the "that" (read
        # as without it: "text Dana that ..." is a message "...")
        body = re.sub(r"^that\s+(?=\w)", "", body, flags=re.I) if s[:m.start("body")].rstrip().endswith(",") else body
        # An "and" right after the recipient is the joiner "that" heard otherwise ("Text my wife,
        # and I'll pick up the girls.": tiny.en's n-best prints "and I'll" and "that I'll" for one
        # recording) when a clause starts after it; "Text Jo, and Sam too." keeps its words
        body = re.sub(rf"^and\s+(?={_CLAUSE_START})", "", body, flags=re.I)
        args = {**_recipient(m.group("who")), "body": body}
        if args["body"]:
            return [Step(kind="send_sms", args=args, description=f'text {_who_label(args)}: "{args["body"]}"')]

    # call X
    m = re.match(r"^(?:(?:call|phone|ring)(?: up)?|dial|give) (?P<who>.+?)(?: a (?:call|ring|bell))?(?: back)?(?: now)?$",
                 s, re.I) or \
        re.match(r"^(?:make|place|start) a (?:phone |voice )?call to (?P<who>.+?)(?: now)?$", s, re.I) or \
        re.match(r"^get (?P<who>.+?) on the (?:phone|line)$", s, re.I)
    if m and not re.search(r"\b(and|then)\b", m.group("who"), re.I):
        args = _recipient(m.group("who"))
        return [Step(kind="call", args=args, description=f"call {_who_label(args)}")]

    # alarm / timer
    if re.search(r"\balarm\b|\bwake (?:me )?up\b|\bwake me\b|\bget me up\b", low):
        hm = parse_time(low)
        if hm:
            day = " tomorrow" if "tomorrow" in low else ""
            return [Step(kind="set_alarm", args={"hour": hm[0], "minute": hm[1]},
                         description=f"alarm at {hm[0]:02d}:{hm[1]:02d}{day}")]
        heard = unreadable_number(s)
        if heard:  # an alarm, and a time that is no time: ask, never guess (agent/phone/router.py)
            return [Step(kind="set_alarm", args={"unreadable": heard}, description=f"alarm at {heard!r}?")]
        return None
    if re.search(r"\btimer\b|\bcount ?down\b", low):
        secs = parse_duration(low)
        if secs:
            return [Step(kind="set_timer", args={"seconds": secs}, description=f"timer for {secs} s")]
        heard = unreadable_number(s)
        if heard:  # a timer, and a length that is none ("10-4"): ask
            return [Step(kind="set_timer", args={"unreadable": heard}, description=f"timer for {heard!r}?")]
        return None

    # toggles: turn on X / turn X on / enable X / switch off X
    # (a filler the recognizer slips in before the state, "Turn it off airplane mode.", is no other command)
    # (a comma the recognizer puts in one is a pause: "Switch off, Bluetooth.", "Bluetooth, off.")
    bare = re.sub(r"\s*,\s*", " ", low)
    m = re.search(rf"\b(?:turn|switch|put|set) (?:it |the )?(?:back )?(on|off) (?:the |my |your )?{_TOGGLE_WORDS}", bare) or \
        re.search(rf"\b(?:turn|switch|put|set) (?:the |my |your )?{_TOGGLE_WORDS} (?:back )?(on|off)\b", bare) or \
        re.fullmatch(rf"(?:the )?{_TOGGLE_WORDS} (on|off)", bare)  # "Wi-Fi off."
    if not m:  # "put the phone in airplane mode", "take it off flight mode", "switch to airplane mode"
        mode = r"(airplane mode|aeroplane mode|flight mode|plane mode)"
        phone = r"(?: (?:the|my) phone| it| the device)?"
        if re.search(rf"\b(?:put|switch|set|go){phone} (?:in|into|to|on) {mode}", low):
            return [Step(kind="airplane", args={"enabled": True}, description="airplane on")]
        if re.search(rf"\b(?:take|get){phone} (?:off|out of) {mode}", low):
            return [Step(kind="airplane", args={"enabled": False}, description="airplane off")]
    if m:
        a, b = m.group(1), m.group(2)
        state, what = (a, b) if a in ("on", "off") else (b, a)
        kind = _toggle_target(what)
        if kind:
            return [Step(kind=kind, args={"enabled": state == "on"}, description=f"{kind} {state}")]
    m = re.search(rf"\b(enable|disable|activate|deactivate) (?:the |my )?{_TOGGLE_WORDS}", bare)
    if m:
        kind = _toggle_target(m.group(2))
        on = m.group(1) in ("enable", "activate")
        if kind:
            return [Step(kind=kind, args={"enabled": on}, description=f"{kind} {'on' if on else 'off'}")]

    # volume
    # "the sound" is the volume when it goes up or down ("turn the sound down")
    sound = re.search(r"\bsound\b", low) and re.search(r"\b(?:up|down|louder|quieter|lower|raise|reduce|increase|decrease)\b", low)
    # "put the phone on silent", "silence my phone": muted
    if re.search(r"^(?:put|set|switch|turn) (?:the |my )?(?:phone|ringer|it) (?:on|to|in) silent(?: mode)?$|"
                 r"^(?:silence|mute) (?:the |my )?(?:phone|ringer)$|^silent mode(?: on)?$", re.sub(r",", "", low)):
        return [Step(kind="volume", args={"level": "mute"}, description="mute")]
    if re.search(r"\bvolume\b|\bmute\b|\bunmute\b|\blouder\b|\bquieter\b", low) or sound:
        if re.search(r"\bunmute\b", low):
            return [Step(kind="volume", args={"level": "up"}, description="volume up")]
        if re.search(r"\bmute\b", low):
            return [Step(kind="volume", args={"level": "mute"}, description="mute")]
        if re.search(r"\bmax(imum)?\b|\bfull\b|\ball the way up\b|\bhighest\b", low):
            return [Step(kind="volume", args={"level": "max"}, description="volume to maximum")]
        n = re.search(r"\b(\d{1,3})\b", numbers_to_digits(low))
        if n:
            return [Step(kind="volume", args={"level": int(n.group(1))}, description=f"volume to {n.group(1)}")]
        if re.search(r"\bup\b|\blouder\b|\braise\b|\bincrease\b", low):
            return [Step(kind="volume", args={"level": "up"}, description="volume up")]
        if re.search(r"\bdown\b|\bquieter\b|\blower\b|\bdecrease\b|\breduce\b|\bsofter\b", low):
            return [Step(kind="volume", args={"level": "down"}, description="volume down")]
        return None

    # brightness
    if re.search(r"\bbrightness\b|\bbrighter\b|\bdimmer\b|\bdim the screen\b", low):
        if re.search(r"\bmax(imum)?\b|\bfull\b|\bhighest\b", low):
            level: int | str = "max"
        elif re.search(r"\bmin(imum)?\b|\blowest\b", low):
            level = "min"
        elif n := re.search(r"\b(\d{1,3})\s*(%|percent)?", numbers_to_digits(low)):
            val = int(n.group(1))
            level = round(val * 255 / 100) if (n.group(2) or val <= 100) else min(val, 255)
        elif re.search(r"\bup\b|\bbrighter\b|\bincrease\b|\braise\b", low):
            level = "up"
        elif re.search(r"\bdown\b|\bdimmer\b|\bdim\b|\bdecrease\b|\blower\b", low):
            level = "down"
        else:
            return None
        return [Step(kind="brightness", args={"level": level}, description=f"brightness {level}")]

    # screenshot
    if re.search(r"\bscreen ?shot\b|\bscreen capture\b|\bcapture the screen\b", low):
        return [Step(kind="screenshot", description="take a screenshot")]

    # keys
    if re.search(r"\bhome ?screen\b|^(?:go )?home$|\bgo (?:back )?home\b|\bpress home\b", low):
        return [Step(kind="key", args={"key": "HOME"}, description="go to the home screen")]
    if re.fullmatch(r"(?:go |press |navigate )?back(?: button)?|go to the previous screen", low):
        return [Step(kind="key", args={"key": "BACK"}, description="press back")]
    if re.search(r"\brecent apps\b|\bapp switcher\b|\brecents\b", low):
        return [Step(kind="key", args={"key": "APP_SWITCH"}, description="show recent apps")]
    if re.fullmatch(r"(?:press )?enter", low):
        return [Step(kind="key", args={"key": "ENTER"}, description="press enter")]
    if re.search(r"\b(?:play|pause|resume)\b.*\b(?:music|song|track|playback|media)\b|^(?:play|pause|resume)$", low):
        return [Step(kind="key", args={"key": "MEDIA_PLAY_PAUSE"}, description="play/pause media")]
    if re.search(r"\b(?:next|skip)\b.*\b(?:song|track)\b", low):
        return [Step(kind="key", args={"key": "MEDIA_NEXT"}, description="next track")]
    if re.search(r"\bprevious\b.*\b(?:song|track)\b", low):
        return [Step(kind="key", args={"key": "MEDIA_PREVIOUS"}, description="previous track")]

    # tap an on-screen element by its label ("tap Send", "click the Wi-Fi switch"); the label is
    # matched against the screen when the step runs
    m = re.match(r"^(?:tap|click|press|hit|select|touch)(?: on)? (?:the )?(?P<label>[^,;]+?)"
                 r"(?: button| icon| switch| toggle| tab| link)?$", s, re.I)
    if m:
        label = m.group("label").strip().strip('"\'')
        return [Step(kind="tap", args={"label": label}, description=f"tap {label!r}")]

    # notifications / battery
    if re.search(r"\bnotifications?\b", low) and re.search(r"\b(read|show|check|list|what|any)\b", low):
        return [Step(kind="notifications", description="read notifications")]
    if re.search(r"\bbattery\b", low):
        return [Step(kind="battery", description="battery level")]

    # open URL (before open app: a URL is also "open X")
    m = re.match(r"^(?:open|go to|visit|browse to|load|navigate to)\s+(?P<url>(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?)"
                 r"(?:\s+(?:in|on|with) (?:the |my )?(?:browser|chrome|firefox|web))?$", s, re.I)
    if m:
        return [Step(kind="open_url", args={"url": m.group("url")}, description=f"open {m.group('url')}")]

    # open app
    m = re.match(r"^(?:open|launch|start|run|show|bring|pull)(?: up)?(?: me)? (?:the |my )?(?P<app>[\w .'&+-]+?)"
                 r"(?: app(?:lication)?)?$", s, re.I) or \
        re.match(r"^(?:go|switch) to (?:the |my )?(?P<app>[\w .'&+-]+?)(?: app(?:lication)?)?$", s, re.I)
    if m and re.match(r"^(?:bring|pull)\b", s, re.I) and not re.match(r"^(?:bring|pull) up\b", s, re.I):
        m = None  # "bring the camera" is no command; "bring up the camera" is
    # the looser verbs name an app, not a request for the notes ("pull up my notes on the boiler"
    # is a question for the chat, which routes by this parser)
    if m and re.match(r"^(?:go|switch|bring|pull) |^show me\b", s, re.I) and (
            len(m.group("app").split()) > 3 or re.search(r"\b(?:on|about|for|from|with|of|in|to|at)\b", m.group("app"), re.I)):
        m = None
    if m and not re.search(r"\b(and|then)\b", m.group("app"), re.I):
        app = m.group("app").strip()
        return [Step(kind="open_app", args={"name": app}, description=f"open {app}")]
    return None


_SETTINGS_KINDS = {"wifi", "bluetooth", "airplane", "brightness"}


def parse_command(text: str) -> list[Step] | None:
    """Steps for `text`, or None if the deterministic parser does not understand it."""
    # Clauses first ("open the camera and turn on wifi" is two steps), but only when every clause
    # parses: "text Mom that I love you and miss you" is one message, not a message plus noise.
    parts = [p for p in _SEP.split(text) if p and p.strip()]
    steps: list[Step] = []
    if len(parts) >= 2:
        for part in parts:
            one = _parse_one(part)
            if one is None:
                steps = []
                break
            steps.extend(one)
    if not steps:
        return _parse_one(text)
    # "open Settings and turn on Bluetooth": the toggle is done directly, so opening Settings first
    # only adds a screen change to verify; drop it.
    cleaned = []
    for i, st in enumerate(steps):
        nxt = steps[i + 1] if i + 1 < len(steps) else None
        if st.kind == "open_app" and st.args.get("name", "").lower() in ("settings", "settings app") \
                and nxt is not None and nxt.kind in _SETTINGS_KINDS:
            continue
        cleaned.append(st)
    return cleaned


_PHONE_VERBS = re.compile(
    r"^\s*(?:please\s+)?(?:text|sms|message|send|call|ring|dial|phone|open|launch|turn|switch|enable|disable|"
    r"set (?:an? )?(?:alarm|timer)|wake me|take a screenshot|screenshot|go home|go back|remind)\b", re.I)


def is_phone_command(text: str) -> bool:
    """True when `text` reads as an instruction for the phone (the TUI routes it to PhoneAgent)."""
    if parse_command(text) is not None:
        return True
    return bool(_PHONE_VERBS.match(text)) and bool(re.search(r"\bphone\b|\bon my\b", text, re.I))
