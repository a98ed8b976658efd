"""A LinkedIn data export's `Connections.csv`, read as the user's contacts and where they work.

LinkedIn's "Get a copy of your data" writes `Connections.csv` with a preamble (`Notes:` and a
quoted paragraph about missing e-mail addresses, then a blank line) above the header
`First Name,Last Name,URL,Email Address,Company,Position,Connected On`. Read as a plain CSV every
row was "Notes:: Zoran; column 2: ...", the preamble taken for the header. Here the file is a
heading over one line per connection, "First Last: Position at Company; e-mail ...; connected on
LinkedIn 14 Mar 2019", each citing its own row; the preamble and profile URLs are left out.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

_HEADER = ["first name", "last name", "url", "email address", "company", "position", "connected on"]


def _header_at(lines: list[str]) -> int:
    for k, line in enumerate(lines[:8]):
        cells = [c.strip().lower() for c in next(csv.reader(io.StringIO(line.lstrip("\ufeff"))), [])]
        if cells[:2] == _HEADER[:2] and "company" in cells:
            return k
    return -1


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and path.stem.lower() == "connections" and _header_at(lines) >= 0


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    k = _header_at(lines)
    header = [c.strip().lower() for c in next(csv.reader(io.StringIO(lines[k].lstrip("\ufeff"))))]
    md, numbers = ["# LinkedIn connections", ""], [k + 1, k + 1]
    for n, line in enumerate(lines[k + 1:], k + 2):
        if not line.strip():
            continue
        cells = next(csv.reader(io.StringIO(line)), [])
        row = {h: " ".join(cells[i].split()) for i, h in enumerate(header) if i < len(cells)}
        who = " ".join(p for p in (row.get("first name", ""), row.get("last name", "")) if p)
        if not who:
            continue
        job = " at ".join(p for p in (row.get("position", ""), row.get("company", "")) if p)
        parts = [p for p in (f"works as {job}" if row.get("position") else f"works at {job}" if job else "",
                             f"e-mail {row['email address']}" if row.get("email address") else "",
                             f"connected on LinkedIn {row['connected on']}" if row.get("connected on") else "") if p]
        md.append(f"- {who}: {'; '.join(parts)}" if parts else f"- {who}")
        numbers.append(n)
    return md, numbers


__all__ = ["looks_like", "to_markdown"]
