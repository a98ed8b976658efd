"""A Day One journal export (`Journal.json`), read as dated markdown.

Day One exports a journal as one JSON object: `entries`, each with `creationDate` (UTC,
"2026-02-18T23:05:41Z"), the `timeZone` it was written in, and its markdown `text` on one line
(`\\n` inside the string, markdown marks escaped: `\\~15 days`). Read as data, each entry was one
long "Text: # Endócrino Retorno with ..." statement with no date. Here each entry is a heading of
its local day over its own text (its headings one level down), so a later entry is known to be
later; every statement of an entry cites the line its text is on.
"""
from __future__ import annotations

import re
from datetime import datetime

from memory.datafiles import json_object

_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~>|])")


def export_of(lines: list[str]) -> dict | None:
    """The parsed export when `lines` are a Day One journal, else None."""
    data = json_object(lines, "entries")
    if data is None or not isinstance(data["entries"], list):
        return None
    entries = [e for e in data["entries"] if isinstance(e, dict)]
    return data if entries and all("creationDate" in e for e in entries) else None


def local_day(entry: dict) -> str:
    """The day the entry was written where it was written ("2026-02-18T23:05:41Z" in São Paulo
    is the 18th; in UTC it is already the 19th)."""
    stamp = str(entry.get("creationDate") or "")
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10] if re.match(r"\d{4}-\d{2}-\d{2}", stamp) else ""
    zone = entry.get("timeZone")
    if zone and when.tzinfo is not None:
        try:
            from zoneinfo import ZoneInfo

            when = when.astimezone(ZoneInfo(str(zone)))
        except Exception:  # noqa: BLE001 - an unknown zone or no tz database: the UTC day
            pass
    return when.strftime("%Y-%m-%d")


def to_markdown(data: dict, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each entry)."""
    at = [n for n, line in enumerate(lines, 1) if re.match(r'\s*"text"\s*:', line)]
    out: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    entries = [e for e in data["entries"] if isinstance(e, dict)]
    lines_of = [at[k] if len(at) == len(entries) else 1 for k in range(len(entries))]
    for entry, line in sorted(zip(entries, lines_of), key=lambda pair: str(pair[0].get("creationDate"))):
        text = str(entry.get("text") or "")
        if not text.strip():
            continue
        day = local_day(entry)
        days.append((line, day))
        body = [_ESCAPED.sub(r"\1", row) for row in text.replace("\r\n", "\n").split("\n")]
        body = ["#" + row if row.startswith("#") else row for row in body]  # under the day's heading
        for row in [f"# {day}" if day else "# Journal entry", "", *body, ""]:
            out.append(row)
            numbers.append(line)
    return out, numbers, sorted(days)
