"""A Discord data package's messages (`package/messages/`), read as the user's dated messages.

Discord's "Request all of my data" package holds the user's own messages only: `messages/index.json`
({channel id: "Direct Message with radu.pop", "general in <server>"}), and per channel a folder
`c<id>/` with `channel.json` (its id, type, recipients or name and server) and `messages.csv`
(`ID,Timestamp,Contents,Attachments`, newest first, the time UTC). Read as a CSV each message
was a record "ID: 1149...; Timestamp: 2026-11-21 08:03:10.300000+00:00; Contents: ...": no day a
reader could date it by, and the index and channel files were lists of ids. Here the channel's
name heads the page, each day is a heading over that day's messages, each message a paragraph
at its own file line, dated by its day (so a later message reads as newer than an older note).
`index.json` and `channel.json` say nothing of their own: they name the channel.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

_HEADER = re.compile(r"^\ufeff?ID,Timestamp,Contents(?:,Attachments)?\s*$")
_CHANNEL_DIR = re.compile(r"c?\d{6,}")


def looks_like_messages(path: Path, lines: list[str]) -> bool:
    return path.name.lower() == "messages.csv" and bool(lines) and bool(_HEADER.match(lines[0]))


def is_package_index(path: Path, lines: list[str]) -> bool:
    """The package's `index.json` or a channel's `channel.json`: names and ids, no message."""
    if path.suffix.lower() != ".json":
        return False
    if path.name.lower() == "channel.json":
        return (path.parent / "messages.csv").is_file() or (path.parent / "messages.json").is_file()
    if path.name.lower() == "index.json":
        try:
            data = json.loads("\n".join(lines))
        except ValueError:
            return False
        return isinstance(data, dict) and bool(data) and all(
            re.fullmatch(r"\d{6,}", str(k)) and (path.parent / f"c{k}").is_dir() for k in data)
    return False


def channel_name(path: Path) -> str:
    """The channel's name as the package's index writes it ("Direct Message with radu.pop"), else
    from its `channel.json` (the server's channel, the recipients), else its id."""
    cid = path.parent.name.lstrip("c")
    try:
        index = json.loads((path.parent.parent / "index.json").read_text(encoding="utf-8"))
        if isinstance(index, dict) and isinstance(index.get(cid), str) and index[cid].strip():
            return index[cid].strip()
    except (OSError, ValueError):
        pass
    try:
        channel = json.loads((path.parent / "channel.json").read_text(encoding="utf-8"))
        if isinstance(channel, dict):
            guild = channel.get("guild") if isinstance(channel.get("guild"), dict) else {}
            if channel.get("name"):
                return f"{channel['name']} in {guild.get('name')}" if guild.get("name") else str(channel["name"])
    except (OSError, ValueError):
        pass
    return f"channel {cid}" if _CHANNEL_DIR.fullmatch(path.parent.name) else path.parent.name


def to_markdown(text: str, path: Path) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each message)."""
    md, numbers = [f"# Discord: {channel_name(path)}", ""], [1, 1]
    days: list[tuple[int, str]] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # A message's text may hold line ends inside its quotes: read rows, counting the lines each takes.
    reader = csv.reader(io.StringIO("\n".join(lines)))
    read, day = 0, None
    header = True
    for row in reader:
        first, read = read + 1, reader.line_num
        if header:
            header = False
            continue
        if len(row) < 3:
            continue
        when = row[1].strip()[:10]
        body = row[2].strip()
        attachments = row[3].strip() if len(row) > 3 else ""
        if attachments:
            names = [a.rsplit("/", 1)[-1].split("?", 1)[0] for a in attachments.split()]
            body = f"{body} (attached: {', '.join(names)})".strip()
        if not body:
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
            days.append((first, when))
            if when != day:
                day = when
                md += [f"## {when}", ""]
                numbers += [first, first]
        rows = body.split("\n")
        md += [*rows, ""]
        numbers += list(range(first, first + len(rows))) + [first + len(rows) - 1]
    return md, numbers, sorted(days)
