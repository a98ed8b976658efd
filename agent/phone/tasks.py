"""Multi-step phone tasks in words: what to reach on the screen, not how.

`parse_task(text)` recognizes the shapes of on-screen tasks ("turn on dark mode", "in Clock,
delete the 7:00 alarm", "find the photo from yesterday and share it with my sister", "turn off
notifications for Instagram", "open Settings and go to About phone") and returns a `Task`: its
kind, the app it happens in, the words that name the switch, item or page, and the value or
recipient. How to get there is the navigator's job. Everything in a Task comes from the user's
words; nothing is read from the screen here.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from agent.phone.parser import parse_time
from agent.phone.screenmap import APP_NAMES, app_for, words

TaskKind = Literal["toggle", "delete", "share", "goto"]

_FILLER = r"^(?:please\s+|can you\s+|could you\s+|hey\s+|anima,?\s+|now\s+)*"
_APP_WORDS = r"settings?|clock(?: app)?|alarm app|photos|google photos|gallery|messages|contacts|calendar"
_LEAD_APP = re.compile(rf"^(?:(?:in|on|from|using) (?:the |my )?|(?:open|launch|go to) (?:the |my )?)"
                       rf"(?P<app>{_APP_WORDS})(?: app)?\s*(?:,\s*|\s+and(?: then)?\s+|\s+then\s+|:\s*)", re.I)
_TAIL_APP = re.compile(rf"\s+(?:in|on|from|using) (?:the |my )?(?P<app>{_APP_WORDS})(?: app)?$", re.I)
_LATEST = re.compile(r"\b(?:latest|last|newest|most recent|recent)\b", re.I)


class Task(BaseModel):
    kind: TaskKind
    command: str
    app: str                        # launcher label of the app it happens in ("Settings", "Clock", "Photos")
    target: list[str] = Field(default_factory=list)  # words naming the switch / item / page (normalized)
    phrase: str = ""                # the same, as the user said it (for descriptions)
    value: bool | None = None       # toggle: on (True) or off (False)
    time: tuple[int, int] | None = None  # an alarm's time, when the item is named by it
    time_exact: bool = False        # the time said am/pm (else 7:00 matches 7:00 AM and 7:00 PM)
    newest: bool = False            # "the latest photo": the first match wins
    recipient: str | None = None    # share: the contact reference, as the user said it
    via: str = "Messages"           # share: the app the item goes through

    def describe(self) -> str:
        what = self.phrase or " ".join(self.target) or "?"
        if self.kind == "toggle":
            return f"in {self.app}, turn {'on' if self.value else 'off'} {what}"
        if self.kind == "delete":
            return f"in {self.app}, delete {what}"
        if self.kind == "share":
            return f"in {self.app}, share {what} with {self.recipient} via {self.via}"
        return f"in {self.app}, go to {what}"


def _app_label(raw: str) -> str:
    key = re.sub(r"\s+app$", "", raw.strip().lower())
    return APP_NAMES.get(key, "Photos" if key == "gallery" else key.title())


def _item(text: str, task: dict) -> list[str]:
    """Words naming an item; an alarm time is kept aside (compared as a time, not as text)."""
    hm = parse_time(text) if re.search(r"\d", text) else None
    if hm:
        task["time"] = hm
        task["time_exact"] = bool(re.search(r"\d\s*(?:a\.?m\.?|p\.?m\.?)\b", text, re.I))
        text = re.sub(r"\b\d{1,2}(?:[:.h]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o'?clock)?", " ", text, flags=re.I)
    if _LATEST.search(text):
        task["newest"] = True
        text = _LATEST.sub(" ", text)
    return sorted(words(text))


def _phrase(text: str) -> str:
    return re.sub(r"^(?:the|my|a|an)\s+", "", text.strip(), flags=re.I)


def parse_task(text: str) -> Task | None:
    if text.strip().endswith("?") and not re.match(r"(?i)\s*(?:please\s+)?(?:can|could|would|will) you\b", text):
        return None  # a question, not an instruction ("can you ...?" is one)
    s = re.sub(r"\s+", " ", text.strip()).rstrip(".!")
    s = re.sub(_FILLER, "", s, flags=re.I)
    app = None
    m = _LEAD_APP.match(s)
    if m:
        app, s = _app_label(m.group("app")), s[m.end():]
    m = _TAIL_APP.search(s)
    if m and app is None:
        app, s = _app_label(m.group("app")), s[:m.start()]
    low = s.lower()
    task: dict = {}

    # share X with Y / send X to Y (X a photo or "it" from an earlier "find X and ...")
    m = re.search(r"\b(?:share|send|forward)\s+(?P<item>.+?)\s+(?:with|to)\s+(?P<who>[^,;]+?)"
                  r"(?:\s+(?:via|through|using|on|in)\s+(?P<via>messages|whatsapp|gmail))?$", s, re.I)
    if m:
        item = m.group("item")
        if re.fullmatch(r"(?:it|that|this|them|the (?:photo|picture|image|pic))", item.strip(), re.I):
            before = s[:m.start()]
            found = re.search(r"\b(?:find|get|pick|take|open|look for|choose)\s+(?P<item>.+?)\s*(?:,|\band(?: then)?\b|\bthen\b)\s*$",
                              before, re.I)
            if found:
                item = found.group("item")
        target = _item(item, task)
        if "photo" not in target and not re.search(r"\b(?:photo|picture|image|pic|selfie)s?\b", item, re.I):
            return None  # only photos are shared through screens; text goes through the parser's send_sms
        via = (m.group("via") or "messages").lower()
        return Task(kind="share", command=text, app=app or "Photos", target=target, phrase=_phrase(item),
                    recipient=m.group("who").strip(),
                    via={"whatsapp": "WhatsApp", "gmail": "Gmail"}.get(via, "Messages"), **task)

    # delete / remove / cancel X
    m = re.search(r"\b(?:delete|remove|cancel|erase|get rid of|trash)\s+(?P<item>.+)$", s, re.I)
    if m:
        target = _item(m.group("item"), task)
        if not task.get("time") and app is None and app_for(set(target)) == "Settings":
            return None  # "remove the onions from the recipe": nothing a phone screen holds
        return Task(kind="delete", command=text, app=app or app_for(set(target)), target=target,
                    phrase=_phrase(m.group("item")), **task)

    # notifications for an app: mute/silence/block/stop ... ; allow/unmute ...
    m = re.search(r"\b(?P<verb>mute|silence|block|stop|allow|unmute|unblock)\s+(?:all\s+)?notifications?\s+"
                  r"(?:from|for|of)\s+(?P<app>.+)$", s, re.I)
    if m:
        on = m.group("verb").lower() in ("allow", "unmute", "unblock")
        return Task(kind="toggle", command=text, app=app or "Settings", value=on,
                    target=sorted(words(f"notifications {m.group('app')}")), phrase=f"notifications for {m.group('app')}")

    # toggles: turn on X / turn X off / enable X / disable X
    m = re.search(r"\b(?:turn|switch|set|put)\s+(?P<v>on|off)\s+(?P<x>.+)$", s, re.I) or \
        re.search(r"\b(?:turn|switch|set|put)\s+(?P<x>.+?)\s+(?P<v>on|off)$", s, re.I)
    if m:
        on = m.group("v").lower() == "on"
    else:
        m = re.search(r"\b(?P<v>enable|disable|activate|deactivate)\s+(?P<x>.+)$", s, re.I)
        on = bool(m) and m.group("v").lower() in ("enable", "activate")
    if m:
        target = _item(m.group("x"), task)
        if not target:
            return None
        return Task(kind="toggle", command=text, app=app or app_for(set(target)), value=on, target=target,
                    phrase=_phrase(m.group("x")), **task)

    # go to a page: "go to About phone", "show the battery settings", "open display settings"
    m = re.search(r"\b(?:go to|navigate to|show(?: me)?|open|find)\s+(?:the\s+|my\s+)?(?P<x>.+?)(?:\s+settings?|\s+page|\s+screen)?$",
                  s, re.I)
    if m and (app is not None or re.search(r"\bsettings?\b", low)):
        target = sorted(words(m.group("x")) - {"setting", "settings"})
        if target:
            return Task(kind="goto", command=text, app=app or app_for(set(target)), target=target,
                        phrase=_phrase(m.group("x")))
    return None


# Kinds whose words the deterministic parser would misread ("delete the 7:00 alarm" is not "set an
# alarm at 7:00"; "open display settings" is no app): these go to the navigator first.
NAVIGATOR_FIRST = frozenset({"delete", "share", "goto"})
