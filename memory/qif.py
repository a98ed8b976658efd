"""Quicken Interchange Format (`.qif`) bank exports, read as a table of transactions.

A QIF file is one field a line, a letter before each value, `^` ending a record:

    !Account / NSCB savings 412-556093-1 / TBank / ^     the account the export is of
    !Type:Bank                                           transactions follow
    D30/06/2026  T-8,400.00  PDhipaya Insurance  MYaris premium  LInsurance:Car  ^

Read as text, each field was a statement of its own ("T-8,400.00") and no amount stood beside
its payee. Each transaction becomes one table row (date, amount, payee, memo, category) at its
first line, under the account's name. QIF writes dates as the bank's country does: a file whose
days go past 12 in the first place is day-first, in the second month-first; the dates are written
ISO when the file tells which, as the bank wrote them when it does not.
"""
from __future__ import annotations

import re
from pathlib import Path

QIF_EXT = {".qif"}
_FIELDS = {"D": "date", "T": "amount", "U": "amount", "P": "payee", "M": "memo", "L": "category", "N": "number"}
_COLUMNS = ["date", "amount", "payee", "memo", "category", "number"]
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.'-]\s*(\d{2,4})$")


def looks_like_qif(path: Path, lines: list[str]) -> bool:
    first = next((line.strip() for line in lines if line.strip()), "")
    return path.suffix.lower() in QIF_EXT or first.startswith(("!Type:", "!Account", "!Option:"))


def day_first(dates: list[str]) -> bool | None:
    """Whether a file's "d/m/y" dates put the day first: True when a first part passes 12, False
    when a second does, None when none tells (also used for LINE days and headerless CSV dates)."""
    parts = [m.groups() for d in dates if (m := _DATE.match(d))]
    if any(int(a) > 12 for a, _, _ in parts):
        return True
    if any(int(b) > 12 for _, b, _ in parts):
        return False
    return None


def iso_date(date: str, first: bool | None) -> str:
    """`date` written ISO, `first` saying whether the file writes the day first (None: not told)."""
    m = _DATE.match(date)
    if not m or first is None:
        return date
    a, b, y = m.groups()
    day, month = (a, b) if first else (b, a)
    year = int(y) + (2000 if len(y) == 2 and int(y) < 70 else 1900 if len(y) == 2 else 0)
    return f"{year:04d}-{int(month):02d}-{int(day):02d}"


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    account, records, current, start, in_account = "", [], {}, 0, False
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("!"):
            in_account = line.lower().startswith("!account")
            continue
        if line == "^":
            if in_account:
                in_account = False
            elif current:
                records.append((start, current))
            current, start = {}, 0
            continue
        key, value = line[0], line[1:].strip()
        if in_account:
            if key == "N" and not account:
                account = value
            continue
        if key in _FIELDS and value and _FIELDS[key] not in current:
            current[_FIELDS[key]] = value
            start = start or n
    if current:
        records.append((start, current))
    first = day_first([r.get("date", "") for _, r in records])
    columns = [c for c in _COLUMNS if any(c in r for _, r in records)]
    md, numbers = [f"# {account or name}", ""], [1, 1]
    if records:
        md += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        numbers += [records[0][0]] * 2
    for n, r in records:
        cells = [(iso_date(r[c], first) if c == "date" else r.get(c, "")).replace("|", "/") for c in columns]
        md.append("| " + " | ".join(cells) + " |")
        numbers.append(n)
    return md, numbers
