"""A Maybank2u account statement CSV, read as the account and its transactions.

Maybank2u (Maybank's internet banking, Malaysia) saves a statement as a CSV that opens with the
account's lines ("Account Type :,Savings Account-i", "Account Number :,...", "Account Holder
:,...", "Statement Period :,01/10/2026 - 30/11/2026", "Opening Balance :,"1,873.42""), then
`Transaction Date,Transaction Description,Transaction Amount,Statement Balance` over the
transactions (the day first, "05/10/2026"; "DUITNOW TRANSFER <NAME> <reference>", "FPX PAYMENT
<BILLER> <account>", "SALE DEBIT <SHOP>"; the amount signed and quoted, "-500.00" paid out,
"5,412.35" received; the balance after it) and a "Closing Balance :" line. Read as a plain CSV
the first account line was the header and each transaction "Account Type :: 05/10/2026; Savings
Account-i: FPX PAYMENT ...; column 3: -187.45". Here the statement is a heading naming the bank
and the kind of account over the account's lines, a table of the transactions (the date ISO, what was
paid out and what came in, in ringgit) and the closing balance, each at its own file line and
dated by its own day.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = re.compile(r"^\ufeff?\"?Transaction Date\"?\s*,\s*\"?Transaction Description\"?\s*,\s*\"?Transaction Amount\"?", re.I)
_INFO = re.compile(r"^\ufeff?\"?([A-Za-z][A-Za-z ./]*?)\s*:\s*\"?\s*,\s*(.*)$")
_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_AMOUNT = re.compile(r"-?[\d,]+(?:\.\d+)?")


def looks_like(path: Path, lines: list[str]) -> bool:
    head = lines[:15]
    return (path.suffix.lower() == ".csv" and any(_HEADER.match(line) for line in head)
            and any(line.lstrip("\ufeff\"").lower().startswith(("account number", "account type")) for line in head))


def _iso(day: str) -> str:
    m = _DAY.fullmatch(day.strip())
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else day.strip()


def _ringgit(amount: str) -> str:
    return f"RM{amount}" if _AMOUNT.fullmatch(amount) else amount


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each row)."""
    info: list[tuple[int, str, str]] = []
    rows: list[tuple[int, list[str]]] = []
    after: list[tuple[int, str, str]] = []
    in_table = False
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if _HEADER.match(line):
            in_table = True
            continue
        cells = next(csv.reader(io.StringIO(line.lstrip("\ufeff"))), [])
        if in_table and cells and _DAY.fullmatch(cells[0].strip()):
            rows.append((n, cells))
        elif (m := _INFO.match(line)) and (value := next(csv.reader(io.StringIO(m.group(2))), [""])[0].strip()):
            (after if in_table else info).append((n, m.group(1).strip(), value))
    # The heading names no account number: every row carries its heading, and a row paying the
    # water bill is no answer to "water account number?" with the statement's own account.
    kind = next((v for _, k, v in info if k.lower() == "account type"), "")
    md = [f"# Maybank statement, {kind}" if kind else "# Maybank statement", ""]
    numbers = [1, 1]
    days: list[tuple[int, str]] = []
    for n, key, value in info:
        if key.lower() == "statement period":
            value = " - ".join(_iso(d) for d in re.split(r"\s+-\s+", value))
        elif "balance" in key.lower():
            value = _ringgit(value)
        md.append(f"- {key}: {value}")
        numbers.append(n)
    if rows:
        md += ["", "| date | description | paid out | received | balance |", "|---|---|---|---|---|"]
        numbers += [rows[0][0]] * 3
    for n, cells in rows:
        cells = [c.strip() for c in cells] + [""] * 4
        day, text, amount, balance = _iso(cells[0]), re.sub(r"\s+", " ", cells[1]), cells[2], cells[3]
        paid = _ringgit(amount[1:]) if amount.startswith("-") else ""
        received = "" if amount.startswith("-") or not amount else _ringgit(amount.lstrip("+"))
        md.append(table_row([day, text, paid, received, _ringgit(balance)]))
        numbers.append(n)
        days.append((n, day))
    if after:
        md.append("")
        numbers.append(after[0][0])
    for n, key, value in after:
        md.append(f"- {key}: {_ringgit(value) if 'balance' in key.lower() else value}")
        numbers.append(n)
    return md, numbers, days
