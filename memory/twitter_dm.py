"""An X (Twitter) archive's `direct-messages.js`, read as the user's conversations by day.

X's "Download an archive of your data" writes each part of the account as JavaScript: one
assignment `window.YTD.direct_messages.part0 = [...]` whose array is JSON, each item a
`dmConversation` with its `conversationId` ("1442907716-1587334021", the two account ids) and
its `messages`, newest first, each a `messageCreate` with `senderId`, `recipientId`, `text` and
`createdAt` (UTC, "2026-11-18T18:06:31.000Z"). Read as code the file was one block of braces and
ids. Here each conversation is a heading over its messages oldest first, under their days, each
message a bullet of its text, citing the line its `text` is on and dated by its day, so a later
message reads as newer than an older note. The archive names the account only by id
(`account.js`, when it is beside, gives the user's own: those messages are "Me").
"""
from __future__ import annotations

import json
import re
from pathlib import Path

_PREFIX = re.compile(r"^\s*window\.YTD\.direct_messages(?:_group)?\.part\d+\s*=\s*")


def export_of(path: Path, text: str) -> list | None:
    if path.suffix.lower() != ".js" or not (m := _PREFIX.match(text)):
        return None
    try:
        data = json.loads(text[m.end():].strip().rstrip(";"))
    except ValueError:
        return None
    if not isinstance(data, list):
        return None
    convs = [c.get("dmConversation") for c in data if isinstance(c, dict)]
    return convs if convs and all(isinstance(c, dict) and isinstance(c.get("messages"), list) for c in convs) else None


def _own_id(path: Path) -> str:
    try:
        text = (path.parent / "account.js").read_text(encoding="utf-8")
        data = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
        return str(data[0]["account"]["accountId"])
    except (OSError, ValueError, LookupError, TypeError):
        return ""


def to_markdown(convs: list, lines: list[str], path: Path) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each message)."""
    me = _own_id(path)
    text_lines = [n for n, line in enumerate(lines, 1) if re.match(r'\s*"text"\s*:', line)]
    at = 0
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    for conv in convs:
        msgs = []
        for item in conv["messages"]:
            msg = item.get("messageCreate") if isinstance(item, dict) else None
            if not isinstance(msg, dict) or not isinstance(msg.get("text"), str):
                continue
            line = 1
            if at < len(text_lines):
                line, at = text_lines[at], at + 1
            body = " ".join(msg["text"].split())
            if body:
                msgs.append((str(msg.get("createdAt") or ""), line, str(msg.get("senderId") or ""), body))
        if not msgs:
            continue
        ids = [i for i in str(conv.get("conversationId") or "").split("-") if i]
        other = next((i for i in ids if i != me), "") if me else ""
        title = f"with account {other}" if other else str(conv.get("conversationId") or "")
        md += [f"# X (Twitter) direct messages {title}".rstrip(), ""]
        numbers += [msgs[0][1], msgs[0][1]]
        day = None
        for when, line, sender, body in sorted(msgs, key=lambda m: m[0]):
            d = when[:10]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                days.append((line, d))
                if d != day:
                    day = d
                    md += ["", f"## {d}", ""]
                    numbers += [line, line, line]
            who = "Me: " if me and sender == me else ""
            md.append(f"- {who}{body}")
            numbers.append(line)
        md.append("")
        numbers.append(numbers[-1])
    return md, numbers, sorted(days)


__all__ = ["export_of", "to_markdown"]
