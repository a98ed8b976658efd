"""A Todoist project exported as CSV (`Haushalt [2301458812].csv`), read as a task list.

Todoist writes one row per item: `TYPE` (section, task, note), `CONTENT` (the task), `DESCRIPTION`,
`PRIORITY`, `INDENT`, `AUTHOR`, `RESPONSIBLE`, `DATE` (when it is due, in `DATE_LANG`'s words:
"27.10.2026 08:00", "jedes Jahr am 1. Nov"), `TIMEZONE`, `DURATION`... Read as any CSV, a task was
"TYPE: task; CONTENT: ...; PRIORITY: 3; INDENT: 1; AUTHOR: Katrin (41822093); DATE_LANG: de;
TIMEZONE: Europe/Berlin": the app's bookkeeping drowned the task, and the due date was a bare
"DATE" a reader took for the day the line was written. Here a section is a heading, a task is a
record of what it says (task, note, due, who does it, how long), and a comment is a note.
"""
from __future__ import annotations

import re
from pathlib import Path

_HEADER = ("TYPE", "CONTENT", "DESCRIPTION", "PRIORITY", "INDENT")


def is_todoist(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and bool(lines) and \
        tuple(c.strip().upper() for c in lines[0].lstrip("\ufeff").split(",")[:5]) == _HEADER


def project_name(path: Path) -> str:
    """"Haushalt [2301458812].csv" -> "Haushalt" (the project's id is Todoist's, not the user's)."""
    return re.sub(r"\s*\[\d+\]\s*$", "", path.stem).strip() or path.stem


def _who(value: str) -> str:
    return re.sub(r"\s*\(\d+\)\s*$", "", value).strip()  # "Jonas (39117720)": the user id is Todoist's


def convert(path: Path, rows, Block) -> list:
    """`rows`: the record blocks of the generic CSV reader; `Block`: its block class. Returns the
    blocks of the task list: the project and its sections as headings, tasks and notes as records."""
    out = [Block("heading", [(1, f"# {project_name(path)}")], level=1, title=project_name(path))]
    for row in rows:
        cells = {k.strip().upper(): v for k, v in row.fields}
        kind = cells.get("TYPE", "").strip().lower()
        content = cells.get("CONTENT", "").strip()
        if not content:
            continue
        if kind == "section":
            out.append(Block("heading", [(row.first_line or row.start, f"## {content}")], level=2, title=content))
            continue
        pairs = [("task" if kind != "note" else "note", content)]
        if cells.get("DESCRIPTION", "").strip():
            pairs.append(("details", cells["DESCRIPTION"].strip()))
        if cells.get("DATE", "").strip():
            pairs.append(("due", cells["DATE"].strip()))
        if cells.get("DEADLINE", "").strip():
            pairs.append(("deadline", cells["DEADLINE"].strip()))
        if cells.get("RESPONSIBLE", "").strip():
            pairs.append(("assigned to", _who(cells["RESPONSIBLE"])))
        if cells.get("DURATION", "").strip():
            pairs.append(("duration", f"{cells['DURATION'].strip()} {cells.get('DURATION_UNIT', '').strip()}s".strip()))
        text = "; ".join(f"{k}: {v}" for k, v in pairs)
        out.append(Block("record", [(row.end, text)], fields=pairs, first_line=row.first_line, source=row.source))
    return out
