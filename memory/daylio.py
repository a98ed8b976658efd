"""A Daylio diary's CSV export, read as dated diary entries.

Daylio (the mood diary app) exports its entries as `daylio_export_YYYY_MM_DD.csv` with the header
`full_date,date,weekday,time,mood,activities,note_title,note`: the ISO day, the day and weekday in
the phone's language, the mood and activities the user ticked (`work | family`) and the entry's own
title and text (quoted; `<br>` or real line breaks inside), newest first. Read as a plain CSV each
entry was one "full_date: ...; mood: ...; note: ..." row that no question's words fit, and no
entry was newer than another. Here each entry is a heading of its day (and its title) over its
text, oldest first, each dated by its own day, so a later entry is known to be later; the mood
and the ticked activities are the app's, not something the user wrote, and are left out. Every
line cites the file line its entry starts on.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

_HEADER = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
_DAY = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|b|i|u|strong|em|span|div)\b[^>]*>", re.IGNORECASE)


def looks_like(path: Path, lines: list[str]) -> bool:
    if path.suffix.lower() != ".csv" or not lines:
        return False
    head = [c.strip().lower() for c in next(csv.reader(io.StringIO(lines[0].lstrip("\ufeff"))), [])]
    return head[:6] == _HEADER[:6] and "note" in head


def to_markdown(lines: list[str], name: str = "") -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each entry)."""
    reader = csv.reader(io.StringIO("\n".join(lines).lstrip("\ufeff")))
    header = [c.strip().lower() for c in next(reader, [])]
    entries: list[tuple[str, str, int, dict[str, str]]] = []
    start = reader.line_num + 1
    for cells in reader:
        row = {k: (cells[i] if i < len(cells) else "") for i, k in enumerate(header)}
        day = row.get("full_date", "").strip()
        if _DAY.fullmatch(day):
            entries.append((day, row.get("time", "").strip(), start, row))
        start = reader.line_num + 1
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    for day, _, at, row in sorted(entries, key=lambda e: (e[0], e[1])):
        text = _TAG.sub("", _BREAK.sub("\n", row.get("note", ""))).replace("\r\n", "\n").strip()
        title = " ".join(row.get("note_title", "").split())
        if not text and not title:
            continue
        days.append((at, day))
        body = ["#" + r if r.startswith("#") else r for r in text.split("\n")]
        for r in [f"# {day} {title}".rstrip(), "", *body, ""]:
            md.append(r)
            numbers.append(at)
    return md, numbers, sorted(days)


__all__ = ["looks_like", "to_markdown"]
