"""An Instagram "Download your information" DM thread (`messages/inbox/<thread>/message_1.json`), read as the chat.

Instagram writes each thread as JSON: `participants`, then `messages` newest first, each
`sender_name`, `timestamp_ms` and `content`, with every text's UTF-8 bytes escaped as Latin-1
characters (`"Mart\\u00c3\\u00adn"` for "Martín"). Read as plain JSON each message became three
statements ("sender name: ...", "content: ...", "is geoblocked for viewer: no"). Here the thread
is a heading naming it over its days, oldest first, each message one bullet "Sender: text" on the
file line of its `content`, dated by its own day, so a later message is a newer version of an
earlier note.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

from memory.datafiles import utf8_repaired


def thread_of(path: Path, text: str) -> dict | None:
    # Facebook Messenger writes the same JSON (set 17's thread is read as plain JSON and measured so): Instagram's only.
    instagram = any(part.lower().startswith(("instagram", "your_instagram")) for part in path.parts)
    if path.suffix.lower() != ".json" or not instagram or not re.fullmatch(r"message_\d+", path.stem) or '"sender_name"' not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list) or "participants" not in data:
        return None
    return data


def to_markdown(data: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each message)."""
    starts = [n for n, line in enumerate(lines, 1) if re.match(r'\s*"sender_name"\s*:', line)]
    contents = [n for n, line in enumerate(lines, 1) if re.match(r'\s*"content"\s*:', line)]
    title = utf8_repaired(str(data.get("title") or "")).strip()
    md, numbers = [f"# Instagram messages{': ' + title if title else ''}", ""], [1, 1]
    days: list[tuple[int, str]] = []
    placed = []
    for i, msg in enumerate(data["messages"]):
        if not isinstance(msg, dict) or not isinstance(msg.get("content"), str) or not msg["content"].strip():
            continue
        start = starts[i] if i < len(starts) else 1
        end = starts[i + 1] if i + 1 < len(starts) else len(lines) + 1
        line = next((n for n in contents if start <= n < end), start)
        when = ""
        if isinstance(msg.get("timestamp_ms"), (int, float)):
            when = datetime.fromtimestamp(msg["timestamp_ms"] / 1000, tz=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
        placed.append((when, line, utf8_repaired(str(msg.get("sender_name") or "")).strip(), utf8_repaired(msg["content"])))
    day = None
    for when, line, who, text in sorted(placed, key=lambda p: (p[0], -p[1])):
        if when:
            days.append((line, when[:10]))
            if when[:10] != day:
                day = when[:10]
                md += ["", f"## {day}", ""]
                numbers += [line, line, line]
        rows = [r.strip() for r in text.replace("\r\n", "\n").split("\n") if r.strip()]
        md += [f"- {when[11:]} {who}: {rows[0]}".replace("-  ", "- ", 1)] + [f"  {r}" for r in rows[1:]]
        numbers += [line] * len(rows)
    return md, numbers, sorted(days)
