"""A GCash transaction history CSV, read as the wallet's statement.

GCash (the Philippine e-wallet) e-mails a month's history as a CSV named after the wallet's
mobile number and the month ("GCash_Transaction_History_09175558823_Oct2026.csv"):
`Date and Time,Description,Reference No.,Debit,Credit,Balance`, a STARTING BALANCE row, each
transaction (payees by name, account or phone number: "Send Money to NORA V. (09265551187)",
"Bills Payment - MERALCO (4401555812)"), an ENDING BALANCE row; amounts plain pesos ("3412.60").
Read as a plain CSV each row was "Date and Time: ...; Reference No.: ...; Debit: ..." under no
account or month. Here the history is a heading naming the wallet and the month over the opening
and closing balances and a table of the transactions (paid out, received, in pesos), each at its
own file line and dated by its own day. GCash's reference number is left out: it is the
wallet's code for the transfer, no number of the user's (read as one it answered "What is our
internet account number?" with a payment's reference).
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = re.compile(r"^\ufeff?\"?Date and Time\"?,\"?Description\"?,\"?Reference No\.?\"?,\"?Debit\"?,\"?Credit\"?,\"?Balance\"?\s*$", re.I)
_MONTHS = {m[:3].lower(): m for m in ("January February March April May June July August September "
                                       "October November December").split()}


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and bool(lines) and bool(_HEADER.match(lines[0]))


def _title(name: str) -> str:
    number = re.search(r"(?<!\d)(09\d{9}|639\d{9})(?!\d)", name)
    month = re.search(r"(?i)(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-_ ]?(\d{4})", name)
    title = f"# GCash {number.group(1)} transaction history" if number else "# GCash transaction history"
    return title + (f", {_MONTHS[month.group(1).lower()]} {month.group(2)}" if month else "")


def _peso(amount: str) -> str:
    return f"₱{amount}" if re.fullmatch(r"-?[\d,]+(?:\.\d+)?", amount) else amount


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each row)."""
    md, numbers = [_title(name), ""], [1, 1]
    days: list[tuple[int, str]] = []
    table = False
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = next(csv.reader(io.StringIO(line))) + [""] * 6
        when, text, _ref, debit, credit, balance = (c.strip() for c in cells[:6])
        day = when[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when[:10]) else ""
        if day:
            days.append((n, day))
        if text.upper() in ("STARTING BALANCE", "ENDING BALANCE", "BEGINNING BALANCE", "OPENING BALANCE", "CLOSING BALANCE"):
            md += ([""] if table else []) + [f"- {text.capitalize()} ({day or when}): {_peso(balance)}"]
            numbers += ([n] if table else []) + [n]
            table = False
            continue
        if not table:
            md += ["", "| date and time | description | paid (debit) | received (credit) | balance |", "|---|---|---|---|---|"]
            numbers += [n, n, n]
            table = True
        row = [when, re.sub(r"\s+", " ", text), _peso(debit) if debit else "", _peso(credit) if credit else "", _peso(balance)]
        md.append(table_row(row))
        numbers.append(n)
    return md, numbers, days
