"""Google Chat from Google Takeout (`Google Chat/Groups/<DM or Space>/messages.json`), read as the chat.

Takeout writes each direct message or space as a folder holding `group_info.json` (its `name`,
for a space, and its `members`) and `messages.json`: `{"messages": [...]}`, oldest first, each
with `creator` (`name`, `email`), `created_date` written out in English ("Tuesday, 25 August
2026 at 08:14:00 UTC", or "Wednesday, March 15, 2023 at 10:37:51 AM UTC"), `text`, and ids. Read
as plain JSON each message was five statements ("creator: name: ...", "messages: text: ...",
"topic id: ..."), and a question about a number met the ids. Here the conversation is a heading
naming it (the space's name, or the members of a direct message, from `group_info.json` beside
it) over its days, each message one bullet "HH:MM Sender: text" on the file line of its `text`,
dated by its own day, so a later message is a newer version of an earlier one. `group_info.json`
itself says nothing more.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

_MONTHS = {m.lower(): k for k, m in enumerate("January February March April May June July August September "
                                              "October November December".split(), 1)}


def _in_chat_folder(path: Path) -> bool:
    parts = [p.lower() for p in path.parts]
    return "google chat" in parts or "groups" in parts[-3:-1]


def messages_of(path: Path, text: str) -> dict | None:
    if path.name.lower() != "messages.json" or not _in_chat_folder(path) or '"created_date"' not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        return None
    return data


def is_group_info(path: Path, text: str) -> bool:
    if path.name.lower() != "group_info.json" or not _in_chat_folder(path):
        return False
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data.get("members"), list)


def when(created: str) -> datetime | None:
    """Takeout's written-out time → datetime (as written, in its zone, UTC)."""
    s = re.sub(r"^[A-Za-z]+,\s*", "", " ".join(str(created).split()))  # the weekday
    m = re.match(r"(\d{1,2}) ([A-Za-z]+),? (\d{4})(?: at)? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?", s) or \
        re.match(r"([A-Za-z]+) (\d{1,2}),? (\d{4})(?: at)? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?", s)
    if not m:
        return None
    a, b, year, hour, minute, _, half = m.groups()
    day, month = (a, b) if a.isdigit() else (b, a)
    month_n = _MONTHS.get(month.lower()) or next((v for k, v in _MONTHS.items() if k[:3] == month.lower()[:3]), None)
    if not month_n:
        return None
    h = int(hour)
    if half:
        h = h % 12 + (12 if half.lower() == "pm" else 0)
    try:
        return datetime(int(year), month_n, int(day), h, int(minute))
    except ValueError:
        return None


def _title(path: Path) -> str:
    info = path.parent / "group_info.json"
    try:
        data = json.loads(info.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return ""
    if not isinstance(data, dict):
        return ""
    if isinstance(data.get("name"), str) and data["name"].strip():
        return " ".join(data["name"].split())
    names = [" ".join(str(m.get("name") or "").split()) for m in data.get("members") or [] if isinstance(m, dict)]
    names = [n for n in names if n]
    return f"direct messages, {' and '.join(names)}" if names else ""


def to_markdown(data: dict, lines: list[str], path: Path) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each message)."""
    texts = [n for n, line in enumerate(lines, 1) if re.match(r'\s*"text"\s*:', line)]
    title = _title(path)
    md, numbers = [f"# Google Chat{': ' + title if title else ''}", ""], [1, 1]
    days: list[tuple[int, str]] = []
    k = 0
    day = None
    for msg in data["messages"]:
        if not isinstance(msg, dict) or not isinstance(msg.get("text"), str):
            continue
        line = texts[k] if k < len(texts) else 1
        k += 1
        if not msg["text"].strip() or msg.get("deleted_date"):
            continue
        at = when(msg.get("created_date", ""))
        creator = msg.get("creator") if isinstance(msg.get("creator"), dict) else {}
        who = " ".join(str(creator.get("name") or "").split())
        if at:
            days.append((line, at.strftime("%Y-%m-%d")))
            if at.strftime("%Y-%m-%d") != day:
                day = at.strftime("%Y-%m-%d")
                md += ["", f"## {day}", ""]
                numbers += [line, line, line]
        rows = [" ".join(r.split()) for r in msg["text"].replace("\r\n", "\n").split("\n")]
        rows = [r for r in rows if r]
        stamp = at.strftime("%H:%M") + " " if at else ""
        md += [f"- {stamp}{who + ': ' if who else ''}{rows[0]}"] + [f"  {r}" for r in rows[1:]]
        numbers += [line] * len(rows)
    return md, numbers, sorted(days)
