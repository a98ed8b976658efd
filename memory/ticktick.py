"""A TickTick backup CSV, read as the task lists it holds.

TickTick's backup opens with its own lines before the CSV's header: `"Date: 2026-11-22+0700"`,
`"Version: 7.1"`, and a `"Status: ..."` cell over several lines saying what the status numbers
mean ("0 Normal", "2 Archived"). Read as a CSV, the first of those was taken for the header and
every task became "Date: 2026-11-22+0700: column 2: ...". Then come `Folder Name`, `List Name`,
`Title`, `Content`, `Tags`, `Start Date`, `Due Date` (UTC, "+0000"), `Repeat` (an RRULE), `Status`,
`Created Time`, `Completed Time`, `Timezone`, `Is All Day` and the app's bookkeeping (order, view
mode, task ids). Here each list is a heading ("Rumah / Bima") over a table of its tasks: title,
notes, due (the day in the task's own time zone, and the time unless it is all day), repeat in
words, status, tags. Each task cites its own line and is dated by when it was created (or
completed, when later), so a newer note elsewhere is known to be newer.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

_HEADER = re.compile(r'^\ufeff?"?Folder Name"?,"?List Name"?,"?Title"?,')
_DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
_UNITS = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}


def looks_like_ticktick(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and any(_HEADER.match(line) for line in lines[:20])


def _when(stamp: str, zone: str, all_day: bool) -> str:
    try:
        when = datetime.strptime(stamp.strip(), "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return stamp.strip()
    try:
        from zoneinfo import ZoneInfo

        when = when.astimezone(ZoneInfo(zone)) if zone else when
    except Exception:  # noqa: BLE001 - an unknown zone or no tz database: as written
        pass
    return when.strftime("%Y-%m-%d" if all_day else "%Y-%m-%d %H:%M")


def repeat_words(rule: str) -> str:
    """An RRULE in words: "FREQ=WEEKLY;INTERVAL=1;BYDAY=SA" -> "every week on Saturday"."""
    parts = dict(p.split("=", 1) for p in rule.removeprefix("RRULE:").split(";") if "=" in p)
    unit = _UNITS.get(parts.get("FREQ", ""))
    if not unit:
        return rule
    every = int(parts["INTERVAL"]) if parts.get("INTERVAL", "1").isdigit() else 1
    words = f"every {unit}" if every == 1 else f"every {every} {unit}s"
    days = [_DAYS.get(d[-2:], d) for d in parts.get("BYDAY", "").split(",") if d]
    if days:
        words += " on " + ", ".join(days)
    if parts.get("BYMONTHDAY"):
        words += f" on day {parts['BYMONTHDAY']}"
    return words


def to_markdown(text: str, name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each task)."""
    reader = csv.reader(io.StringIO(text))
    statuses: dict[str, str] = {}
    header: list[str] = []
    header_line = 1
    tasks: dict[str, list[tuple[int, dict]]] = {}
    last = 0
    for row in reader:
        start, last = last + 1, reader.line_num
        if not header:
            if row and _HEADER.match(",".join(f'"{c}"' for c in row[:4])):
                header, header_line = [c.strip() for c in row], start
            elif row and row[0].startswith("Status:"):
                statuses = dict(re.findall(r"(?m)^\s*(\d+)\s+(\w[\w ]*?)\s*$", row[0]))
            continue
        if not any(c.strip() for c in row):
            continue
        task = dict(zip(header, row))
        key = " / ".join(p for p in (task.get("Folder Name", "").strip(), task.get("List Name", "").strip()) if p) or name
        tasks.setdefault(key, []).append((start, task))
    md, numbers, days = [f"# {name}", ""], [1, 1], []
    for key, rows in tasks.items():
        md += [f"## {key}", "", "| task | notes | due | repeat | status | tags |", "|---|---|---|---|---|---|"]
        numbers += [rows[0][0]] * 4
        for n, task in rows:
            zone, all_day = task.get("Timezone", ""), task.get("Is All Day", "").lower() == "true"
            due = _when(task.get("Due Date", ""), zone, all_day) if task.get("Due Date", "").strip() else ""
            status = task.get("Status", "").strip()
            status = "" if status in ("", "0") else statuses.get(status, "done").lower()
            done = _when(task.get("Completed Time", ""), zone, True) if task.get("Completed Time", "").strip() else ""
            if status and done:
                status += f" {done}"
            cells = [task.get("Title", ""), task.get("Content", ""), due,
                     repeat_words(task["Repeat"]) if task.get("Repeat", "").strip() else "", status, task.get("Tags", "")]
            md.append("| " + " | ".join(c.replace("|", "/").replace("\n", " ").strip() for c in cells) + " |")
            numbers.append(n)
            created = _when(task.get("Created Time", ""), zone, True) if task.get("Created Time", "").strip() else ""
            days.append((n, max(created, done)))
        md.append("")
        numbers.append(rows[-1][0])
    return md, numbers, sorted(days)
