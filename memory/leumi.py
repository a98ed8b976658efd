"""A Bank Leumi (Israel) account-transactions CSV, read as the account's statement.

Leumi's internet bank saves a current account's transactions ("תנועות בחשבון") as a CSV in UTF-8
with a BOM and Hebrew headers: `תאריך,תאריך ערך,תיאור,אסמכתא,בחובה,בזכות,היתרה בש"ח` (date, value
date, description, reference, debit, credit, balance in shekels), days written `dd/mm/yy`,
amounts `"5,650.00"`, newest first; the file name carries the branch and account
("... 945-58213_47 ..."). Read as a plain CSV every row was "תאריך: 01/11/26; תאריך ערך: ...",
undated and with no English word a question could meet. Here the statement is a heading naming
the bank and the account over a table of its transactions (the day, the description, the
reference, paid out or received in ₪, the balance), each at its own file line and dated by its
own day, so the newest payment is the newest version of an amount.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = ["תאריך", "תאריך ערך", "תיאור", "אסמכתא", "בחובה", "בזכות"]


def _cells(line: str) -> list[str]:
    return [" ".join(c.split()) for c in next(csv.reader(io.StringIO(line.lstrip("\ufeff"))), [])]


def looks_like(path: Path, lines: list[str]) -> bool:
    if path.suffix.lower() != ".csv" or not lines:
        return False
    head = _cells(lines[0])
    return all(h in head for h in ("תאריך", "תיאור", "בחובה", "בזכות")) and any(h.startswith("היתרה") for h in head)


def _day(written: str) -> str:
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})", written)
    if not m:
        return ""
    year = m.group(3) if len(m.group(3)) == 4 else f"20{m.group(3)}"
    return f"{year}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each row)."""
    header = _cells(lines[0])
    account = re.search(r"(?<!\d)(\d{3})[-_ ](\d{4,6})[-_/](\d{1,3})(?!\d)", name)
    title = "# Bank Leumi (בנק לאומי) current account" + (
        f" {account.group(1)}-{account.group(2)}/{account.group(3)}" if account else "") + ", transactions (תנועות בחשבון)"
    md = [title, "", "| date | description (תיאור) | reference (אסמכתא) | paid out (בחובה) | received (בזכות) | balance (יתרה) |",
          "|---|---|---|---|---|---|"]
    numbers = [1, 1, 1, 1]
    days: list[tuple[int, str]] = []

    def col(cells: list[str], start: str) -> str:
        k = next((i for i, h in enumerate(header) if h == start), next((i for i, h in enumerate(header) if h.startswith(start)), -1))
        return cells[k] if 0 <= k < len(cells) else ""

    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = _cells(line)
        when, out, into = col(cells, "תאריך"), col(cells, "בחובה"), col(cells, "בזכות")
        if not when or not (out or into):
            continue
        day = _day(when)
        if day:
            days.append((n, day))
        balance = col(cells, "היתרה")
        row = [when, col(cells, "תיאור"), col(cells, "אסמכתא"), f"{out} ₪" if out else "", f"{into} ₪" if into else "",
               f"{balance} ₪" if balance else ""]
        md.append(table_row(row))
        numbers.append(n)
    return md, numbers, days
