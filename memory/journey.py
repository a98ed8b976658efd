"""A Journey diary export: one JSON file an entry, named `<epoch-ms>-<hex>.json`.

Each file is one line of JSON: the entry's `text`, `date_journal` (milliseconds since 1970, UTC),
the `timezone` it was written in, `tags`, `weather`, `address` and the app's bookkeeping (mood,
sentiment, ids, coordinates). Read as data it was one line of code, no statement at all. Here the
entry is a heading of its local day over its text, its tags and place after it, and the file is
dated by that day, so a later entry is known to be later. Every statement cites line 1 (where the
text is) unless the JSON is pretty-printed, when it cites the text's own line.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

_NAME = re.compile(r"^\d{12,14}-[0-9a-f]{6,}$")


def entry_of(path: Path, text: str) -> dict | None:
    """The parsed entry when the file is a Journey entry, else None."""
    if path.suffix.lower() != ".json" or '"date_journal"' not in text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or "text" not in data or not isinstance(data.get("date_journal"), (int, float)):
        return None
    return data if _NAME.match(path.stem) or "preview_text" in data or "timezone" in data else None


def local_day(entry: dict) -> str:
    """The day the entry is for, where it was written ("Asia/Jakarta")."""
    when = datetime.fromtimestamp(entry["date_journal"] / 1000, tz=timezone.utc)
    try:
        from zoneinfo import ZoneInfo

        when = when.astimezone(ZoneInfo(str(entry.get("timezone") or "UTC")))
    except Exception:  # noqa: BLE001 - an unknown zone or no tz database: the UTC day
        pass
    return when.strftime("%Y-%m-%d")


def to_markdown(entry: dict, lines: list[str]) -> tuple[list[str], list[int], str]:
    """(markdown, the file line each markdown line comes from, the entry's day)."""
    at = next((n for n, line in enumerate(lines, 1) if re.match(r'\s*"text"\s*:', line)), 1)
    day = local_day(entry)
    text = str(entry.get("text") or "").replace("\r\n", "\n")
    if re.search(r"<(?:p|br|div|span|b|i|ul|li)\b", text):
        from memory import html

        text = "\n".join(html.to_markdown(text)[0])
    body = ["#" + row if row.startswith("#") else row for row in text.split("\n")]
    md = [f"# {day}", "", *body, ""]
    tags = [str(t) for t in entry.get("tags") or [] if str(t).strip()]
    if tags:
        md += [f"Tags: {', '.join(tags)}", ""]
    return md, [at] * len(md), day
