"""A Telegram Desktop chat export (`result.json`), read as dated messages.

Telegram Desktop's "Export chat history" in JSON writes one object: the chat's `name` and `type`
(`saved_messages`: notes to oneself; `personal_chat`, `private_group`, ...), and `messages`, each
with a local `date` ("2026-02-03T19:14:07"), `from`, and `text`, either a string or a list of
strings and entities (`{"type": "phone", "text": "0171 5558804"}`). Read as data it was a long
list of "Text: ..." and "Type: plain" lines with no date a reader could use. Here the chat's name
heads the page, each day is a heading over that day's messages, and each message is a paragraph
of its own (in a chat with others, "Name: " before it), citing the line its text is on.
"""
from __future__ import annotations

import re

from memory.datafiles import json_object


def export_of(lines: list[str]) -> dict | None:
    data = json_object(lines, "messages")
    if data is None or not isinstance(data["messages"], list):
        return None
    msgs = [m for m in data["messages"] if isinstance(m, dict)]
    return data if msgs and all("date" in m for m in msgs) and any("text" in m for m in msgs) else None


def text_of(message: dict) -> str:
    text = message.get("text")
    if isinstance(text, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in text if isinstance(p, (str, dict)))
    return str(text or "")


def _text_lines(lines: list[str]) -> dict[int, int]:
    """{message id: the file line of its `"text"`}, for a pretty-printed export: the message's
    own keys share one indentation, deeper than its entities' keys are not."""
    found: dict[int, int] = {}
    current, indent = None, None
    start = next((n for n, line in enumerate(lines, 1) if re.match(r'\s*"messages"\s*:', line)), 0)
    for n, line in enumerate(lines, 1):
        if n <= start:
            continue
        m = re.match(r'(\s*)"(id|text)"\s*:\s*(.*)$', line)
        if not m:
            continue
        if m.group(2) == "id" and re.match(r"-?\d+", m.group(3)) and (indent is None or len(m.group(1)) == indent):
            current, indent = int(re.match(r"-?\d+", m.group(3)).group(0)), len(m.group(1))
        elif m.group(2) == "text" and current is not None and len(m.group(1)) == indent and current not in found:
            found[current] = n
    return found


def to_markdown(data: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each message)."""
    own = str(data.get("type") or "") == "saved_messages"
    at = _text_lines(lines)
    out, numbers = [f"# {data.get('name') or 'Telegram chat'}", ""], [1, 1]
    day = None
    days: list[tuple[int, str]] = []
    for msg in data["messages"]:
        if not isinstance(msg, dict) or msg.get("type", "message") != "message":
            continue
        body = text_of(msg).strip()
        if not body:
            continue
        line = at.get(msg.get("id"), 1) if isinstance(msg.get("id"), int) else 1
        when = str(msg.get("date") or "")[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
            days.append((line, when))
        if when and when != day:
            day = when
            out += [f"## {when}", ""]
            numbers += [line, line]
        who = "" if own or not msg.get("from") else f"{msg['from']}: "
        rows = body.replace("\r\n", "\n").split("\n")
        rows[0] = who + rows[0]
        out += [*rows, ""]
        numbers += [line] * (len(rows) + 1)
    return out, numbers, sorted(days)
