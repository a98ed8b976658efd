"""GNU recutils databases (`.rec`): plain-text records, as engineers keep a household's people,
bills and papers to query with `recsel`.

A record is a run of `Field: value` lines; a blank line ends it; `+ ` continues the value above
on a new line; `%rec: Bill`, `%key: Id`, `%type: Date date` describe the records that follow;
`#` starts a comment. Read as plain text, a record was one run-on paragraph and "Amount: Rs
95,000" belonged to no bill. Each record becomes a heading (its name: the `Name` or `Title`
field, else its type and key, "Bill rent") over one bullet per field, on the record's own line
numbers:

    %rec: Bill / %key: Id
    Id: rent                      ->  ## Bill rent
                                      - Id: rent
    Amount: Rs 95,000 per month   ->  - Amount: Rs 95,000 per month

A record with a `Date` field (a log's entry) is dated by it, so a later entry is a newer version.
"""
from __future__ import annotations

import re
from pathlib import Path

REC_EXT = {".rec"}
_FIELD = re.compile(r"^([A-Za-z%][\w-]*):(?:\s(.*))?$")  # recutils allows no "-", people write "Office-days"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Fields that name the record, in the order a person would look for one.
_NAME_FIELDS = ("name", "title", "subject", "nick")


def looks_like_rec(path: Path, lines: list[str]) -> bool:
    if path.suffix.lower() in REC_EXT:
        return True
    return any(line.startswith("%rec:") for line in lines[:40])


def _records(lines: list[str]):
    """(record type, key field, [(file line, field, value)]) for each record, continuations joined."""
    kind, key = "", ""
    fields: list[tuple[int, str, str]] = []
    for n, line in enumerate(lines, 1):
        text = line.rstrip()
        if text.startswith("+") and fields:
            at, name, value = fields[-1]
            fields[-1] = (at, name, f"{value} {text[1:].strip()}".strip())
            continue
        if not text.strip():
            if fields:
                yield kind, key, fields
            fields = []
            continue
        if text.startswith("#"):
            continue
        m = _FIELD.match(text)
        if not m:
            continue
        name, value = m.group(1), (m.group(2) or "").strip()
        if name.startswith("%"):
            if name == "%rec":
                kind, key = value.split()[0] if value else "", ""
            elif name == "%key":
                key = value
            continue
        fields.append((n, name, value))
    if fields:
        yield kind, key, fields


def _name(kind: str, key: str, fields: list[tuple[int, str, str]]) -> str:
    by = {name.lower(): value for _, name, value in reversed(fields)}  # the first of a repeated field
    for wanted in _NAME_FIELDS:
        if by.get(wanted):
            return by[wanted]
    ident = by.get(key.lower()) if key else None
    ident = ident or fields[0][2]
    return f"{kind} {ident}".strip() if kind and kind.lower() not in ident.lower() else ident


def to_markdown(lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line of each markdown line, (file line, day) of each record)."""
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    for kind, key, fields in _records(lines):
        first = fields[0][0]
        md += [f"## {_name(kind, key, fields)}", ""]
        numbers += [first, first]
        for at, name, value in fields:
            md.append(f"- {name}: {value}")
            numbers.append(at)
        md.append("")
        numbers.append(fields[-1][0])
        dated = next((v for _, name, v in fields if name.lower() == "date" and _DATE.match(v)), "")
        days.append((first, dated[:10]))
    return md, numbers, days
