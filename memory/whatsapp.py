"""WhatsApp chat exports (`WhatsApp Chat with Family.txt`), read as messages under their days.

WhatsApp's "Export chat" (without media) writes one line per message: on Android
"12/01/2026, 8:02 pm - Sam: text" (the phone's date order, a 12- or 24-hour clock, sometimes a
narrow no-break space before "pm"), on iPhone "[12/01/2026, 20:02:15] Sam: text" (often after an
invisible left-to-right mark). A message written over several lines goes on without a stamp;
WhatsApp's own lines ("Messages and calls are end-to-end encrypted", "Sam added Lee") have no
sender; "<Media omitted>" stands for a photo. Read as text, every line was a sentence that
began with its date and time, split into pieces that lost who wrote them, and nothing told that
a later message was newer than an older note. Here the chat is a heading naming it over its days
(ISO when the file's dates tell day from month, or their order does: a chat only goes forward),
each message one bullet "Sam: text" at its line, dated by its day; WhatsApp's own lines and
media placeholders are left out.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.qif import iso_date

_STAMP = (r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4}),?\s+"
          r"(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f\u00a0]*[AaPp]\.?\s?[Mm]\.?)?)")
_ANDROID = re.compile(r"^[\u200e\u200f\ufeff]?" + _STAMP + r"\s+[-–]\s+(.*)$")
_IPHONE = re.compile(r"^[\u200e\u200f\ufeff]?\[" + _STAMP + r"\]\s+(.*)$")
# The sender: a name or a phone number before the first ": " (a system line has none).
_SENDER = re.compile(r"^([^:]{1,60}?):\s(.*)$")
_PLACEHOLDER = re.compile(r"^[\u200e\s]*(?:<Media omitted>|<attached: [^>]*>|(?:image|video|audio|sticker|GIF|document) omitted|"
                          r"This message was deleted|You deleted this message|<This message was edited>|null)[\u200e\s]*$",
                          re.IGNORECASE)
_TITLE = re.compile(r"^WhatsApp Chat (?:with|-)\s*(.+)$", re.IGNORECASE)


def _stamp(line: str) -> re.Match | None:
    return _ANDROID.match(line) or _IPHONE.match(line)


def looks_like(path: Path, lines: list[str]) -> bool:
    """A .txt whose first lines are stamped messages (one of the first three lines at least, and
    most of the first ten that are not empty)."""
    if path.suffix.lower() != ".txt":
        return False
    head = [line for line in lines[:12] if line.strip()][:10]
    stamped = sum(_stamp(line) is not None for line in head)
    return bool(head) and any(_stamp(line) for line in head[:3]) and stamped * 2 > len(head)


def _ordered(days: list[tuple[int, int, int]], first: bool) -> bool:
    """Whether the days, read day-first (or month-first), never go back."""
    keys = [(y, b, a) if first else (y, a, b) for a, b, y in days]
    return all(k1 <= k2 for k1, k2 in zip(keys, keys[1:])) and all(1 <= k[1] <= 12 for k in keys)


def _day_first(stamps: list[tuple[str, str, str]]) -> bool | None:
    """Whether the chat writes the day first: a first part past 12 says so (a second says not);
    else the order that keeps the chat going forward, when only one does."""
    parts = [(int(a), int(b), int(y) + (2000 if len(y) == 2 else 0)) for a, b, y in stamps]
    if any(a > 12 for a, _, _ in parts):
        return True
    if any(b > 12 for _, b, _ in parts):
        return False
    forward, backward = _ordered(parts, True), _ordered(parts, False)
    return True if forward and not backward else False if backward and not forward else None


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each message)."""
    title = _TITLE.match(name.strip())
    md, numbers = [f"# WhatsApp chat: {title.group(1).strip() if title else name}", ""], [1, 1]
    stamped = [(n, m) for n, line in enumerate(lines, 1) if (m := _stamp(line))]
    first = _day_first([(m.group(1), m.group(2), m.group(3)) for _, m in stamped])
    days: list[tuple[int, str]] = []
    day, open_message = None, False
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip()
        m = _stamp(line)
        if m is None:
            if open_message and line.strip() and not _PLACEHOLDER.match(line):
                md[-1] += " " + line.strip()  # a message written over several lines: one bullet
            continue
        open_message = False
        sender = _SENDER.match(m.group(5))
        if sender is None or _PLACEHOLDER.match(sender.group(2)) or not sender.group(2).strip():
            continue  # WhatsApp's own line (encryption notice, "Sam added Lee") or a photo
        written = f"{m.group(1)}/{m.group(2)}/{m.group(3)}"
        iso = iso_date(written, first) if first is not None else written
        if iso != day:
            day = iso
            md += ["", f"## {day}", ""]
            numbers += [n, n, n]
        if first is not None:
            days.append((n, iso))
        md.append(f"- {sender.group(1).strip()}: {sender.group(2).strip()}")
        numbers.append(n)
        open_message = True
    return md, numbers, days
