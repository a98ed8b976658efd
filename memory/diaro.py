"""A Diaro backup (`DiaroBackup.xml`), read as the diary's entries under their days.

Diaro (the Android diary app) backs up to XML: `<data>` holding `<table name="diaro_folders">`,
`"diaro_tags"`, `"diaro_locations"` and `"diaro_entries"`, each a list of `<r>` rows of
elements. An entry's row holds `<date>` (epoch milliseconds, the only place its day is written),
`<tz_offset>` (`+03:00`), `<title>`, `<text>`, `<folder_uid>` and `<tags>` (`,uid1,uid2,`).
Read as XML code it said nothing. Here each entry is a heading of its local day, its title and
its tags' names, over its text line by line, each line citing the file line it is on and
dated by the entry's own day, oldest entry first, so a later entry is a newer version.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from datetime import datetime, timedelta, timezone
from pathlib import Path


def looks_like_diaro(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:8])
    return path.suffix.lower() == ".xml" and "<data" in head and 'name="diaro_' in "\n".join(lines[:400])


def _local(ms: str, offset: str) -> datetime | None:
    try:
        when = datetime.fromtimestamp(int(ms) / 1000, tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    m = re.fullmatch(r"\s*([+-])(\d{1,2}):?(\d{2})\s*", offset or "")
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        when = when.astimezone(timezone(delta if m.group(1) == "+" else -delta))
    return when


def to_markdown(text: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line of each markdown line, (file line, day) of each entry).
    Raises xml.parsers.expat.ExpatError for a backup that is not well-formed."""
    parser = xml.parsers.expat.ParserCreate()
    rows: dict[str, list[dict]] = {}
    state: dict = {"table": "", "row": None, "field": "", "buf": [], "line": 0}

    def start(name, attrs):
        if name == "table":
            state["table"] = attrs.get("name", "")
        elif name == "r" and state["table"]:
            state["row"] = {}
        elif state["row"] is not None:
            state["field"], state["buf"], state["line"] = name, [], parser.CurrentLineNumber

    def end(name):
        if name == "table":
            state["table"] = ""
        elif name == "r" and state["row"] is not None:
            rows.setdefault(state["table"], []).append(state["row"])
            state["row"] = None
        elif state["row"] is not None and name == state["field"]:
            state["row"][name] = ("".join(state["buf"]), state["line"])
            state["field"] = ""

    def chars(data):
        if state["field"]:
            state["buf"].append(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.Parse(text, True)

    def names(table: str) -> dict[str, str]:
        return {r["uid"][0].strip(): " ".join(r["title"][0].split()) for r in rows.get(table, []) if "uid" in r and "title" in r}

    tags = names("diaro_tags")
    entries = []
    for r in rows.get("diaro_entries", []):
        body = r.get("text", ("", 0))
        title = " ".join(r.get("title", ("", 0))[0].split())
        if not body[0].strip() and not title:
            continue
        when = _local(r.get("date", ("", 0))[0], r.get("tz_offset", ("", 0))[0])
        entries.append((when, title, body, r))
    md: list[str] = ["# Diaro", ""]
    numbers: list[int] = [1, 1]
    days: list[tuple[int, str]] = []
    for when, title, (body, body_line), r in sorted(entries, key=lambda e: (e[0] is None, e[0] or datetime.min.replace(tzinfo=timezone.utc))):
        head_line = r.get("title", r.get("date", ("", body_line)))[1] or body_line
        day = when.strftime("%Y-%m-%d") if when else ""
        # Its tags (the people and things it is about) go with its title, not as a line of their own.
        named = [tags[t.strip()] for t in r.get("tags", ("", 0))[0].split(",") if t.strip() in tags]
        heading = " · ".join(p for p in (day, title) if p) or "Diary entry"
        md += [f"## {heading}" + (f" ({', '.join(named)})" if named else ""), ""]
        numbers += [head_line, head_line]
        for k, row in enumerate(body.replace("\r\n", "\n").split("\n")):
            row = " ".join(row.split())
            if row:
                md += [row, ""]
                numbers += [body_line + k, body_line + k]
        if day:
            days.append((head_line, day))
    return md, numbers, sorted(days)
