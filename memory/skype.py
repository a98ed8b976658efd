"""A Skype data export (`messages.json`), read as dated conversations.

Skype's "Export files and chat history" writes one JSON object: the user's `userId`
("live:maricel.dizon93"), `exportDate`, and `conversations`, each with its `id`
("8:live:jomar.reyes90"), `displayName` and a `MessageList`, newest first, of messages with
`originalarrivaltime` (UTC, "2026-11-20T06:55:00.134Z"), `from` ("8:live:..."), `messagetype`
("RichText", "Text"; calls and thread events are others) and `content`, HTML-ish (`<a href>`,
`<at>`, `<ss type="smile">`, `&amp;`). Read as data every key was a line of its own ("from:
8:live:..."; "version: 1795157700000") under no date a reader could use. Here each conversation
is a heading (its name) over its messages by day, each message one bullet "Name: what it says"
(the user's own "Me: "; a short message with several sentences stays one statement), citing the line its content is on and dated by its day, so a later
message reads as newer than an older note.
"""
from __future__ import annotations

import html
import re

from memory.datafiles import json_object

_TEXT_TYPES = {"richtext", "text", "richtext/html"}


def export_of(lines: list[str]) -> dict | None:
    data = json_object(lines, "conversations")
    if data is None or not isinstance(data["conversations"], list):
        return None
    convs = [c for c in data["conversations"] if isinstance(c, dict)]
    return data if convs and all(isinstance(c.get("MessageList"), list) for c in convs) and any(
        c["MessageList"] for c in convs) else None


def text_of(content: str) -> str:
    """A message's content as the chat shows it: emoticons as their text, links and mentions as
    their words, the rest of the markup left out."""
    text = re.sub(r"(?is)<(?:quote|legacyquote)\b.*?</(?:quote|legacyquote)>", "", content)
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    text = re.sub(r"(?s)<[^>]+>", "", text)
    return html.unescape(text).strip()


def _person(who: str) -> str:
    return re.sub(r"^(?:\d+:)?(?:live:)?", "", who).strip()


def to_markdown(data: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each message)."""
    me = _person(str(data.get("userId") or ""))
    content_lines = [n for n, line in enumerate(lines, 1) if re.match(r'\s*"content"\s*:', line)]
    at = 0
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    for conv in data["conversations"]:
        if not isinstance(conv, dict) or not isinstance(conv.get("MessageList"), list):
            continue
        name = re.sub(r"[^\w\s.'&()-]", "", str(conv.get("displayName") or "")).strip() or _person(str(conv.get("id") or ""))
        head = len(md)
        day = None
        for msg in conv["MessageList"]:
            if not isinstance(msg, dict):
                continue
            line = 1
            if "content" in msg and at < len(content_lines):
                line, at = content_lines[at], at + 1
            if str(msg.get("messagetype") or "").lower() not in _TEXT_TYPES:
                continue
            body = text_of(str(msg.get("content") or ""))
            if not body:
                continue
            if len(md) == head:
                md += [f"# Skype: {name}", ""]
                numbers += [line, line]
            when = str(msg.get("originalarrivaltime") or "")[:10]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
                days.append((line, when))
                if when != day:
                    day = when
                    md += ["", f"## {when}", ""]
                    numbers += [line, line, line]
            sender = _person(str(msg.get("from") or ""))
            who = "Me" if sender and sender == me else (msg.get("displayName") or (name if str(conv.get("id", "")).startswith("8:") else sender))
            rows = [r for r in body.replace("\r\n", "\n").split("\n") if r.strip()]
            md += [f"- {who}: {rows[0]}" if who else f"- {rows[0]}"] + [f"  {r}" for r in rows[1:]]
            numbers += [line] * len(rows)
    return md, numbers, sorted(days)
