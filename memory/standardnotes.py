"""A Standard Notes backup ("Standard Notes Backup and Import File.txt"), read as its notes.

The app's decrypted backup is one JSON object in a `.txt` file: `items`, each with a
`content_type` ("Note", "Tag", "SN|Component", "SN|UserPreferences", ...), `created_at` and
`updated_at`, and `content` holding a note's `title` and `text` (`\\n` inside the string). Read as
text it was one line of JSON; only the notes say anything about the user. Each note becomes its
title heading over its text, citing the line its text is on and dated by its last change.
"""
from __future__ import annotations

import json
import re


def backup_of(text: str) -> dict | None:
    """The parsed backup when the file's text is one, else None (looked at without parsing first:
    every plain-text note is asked)."""
    if text.lstrip()[:1] != "{" or '"items"' not in text or '"content_type"' not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    items = data.get("items") if isinstance(data, dict) else None
    return data if isinstance(items, list) and any(isinstance(i, dict) and i.get("content_type") for i in items) else None


def _notes(data: dict) -> list[dict]:
    return [i for i in data["items"] if isinstance(i, dict) and i.get("content_type") == "Note"
            and isinstance(i.get("content"), dict) and not i.get("deleted") and not i["content"].get("trashed")]


def to_markdown(data: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each note)."""
    out: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    for note in _notes(data):
        content = note["content"]
        body = str(content.get("text") or "")
        title = " ".join(str(content.get("title") or "").split())
        if not body.strip() and not title:
            continue
        # the line the note's text is on in a pretty-printed backup; its title's, or 1, otherwise
        # The backup may write "Údolní" as it is or as "\u00dadoln\u00ed": look for either.
        snippets = {_escaped(body[:40], plain)[:30] for plain in (True, False)}
        titles = {_escaped(title, plain) for plain in (True, False)} if title else set()
        line = next((n for n, ln in enumerate(lines, 1) if '"text"' in ln and any(t in ln for t in snippets)), 0) or \
            next((n for n, ln in enumerate(lines, 1) if any(t in ln for t in titles)), 1)
        day = str(note.get("updated_at") or note.get("created_at") or "")[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            days.append((line, day))
        rows = [f"# {title or 'Note'}", "", *body.replace("\r\n", "\n").split("\n"), ""]
        out += rows
        numbers += [line] * len(rows)
    return out, numbers, sorted(days)


def _escaped(text: str, plain: bool) -> str:
    """`text` as it stands inside a JSON string, with its letters as they are or \\u-escaped."""
    return json.dumps(text, ensure_ascii=not plain)[1:-1]
