"""A Danske Bank netbank CSV export, read as the account and its transactions.

Danske Bank's netbank saves an account's postings as a semicolon CSV with every cell quoted:
`"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"`, the date `dd.mm.yyyy`, amounts the Danish
way (`"-1.249,95"`, money paid out negative), the balance after each posting, in the account's currency (DKK unless the file name says
another: "Valutakonto-EUR-..."). The file is named
after the account ("Lønkonto-3612-0004581937_2026-10.csv": its name, reg. nr. and account
number, the month). Read as a plain CSV each row was "Dato: ...; Tekst: ...; Status: Udført;
Afstemt: Nej" under no account at all. Here the statement is a heading naming the bank and the
account (as its file name does) over a table of its postings: the date ISO, the text, the amount
and the balance as written with their currency; the status only when it is not "Udført" (done), the reconciled flag
left out. Every row cites its own file line.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = re.compile(r'^\ufeff?"?Dato"?;"?Tekst"?;"?Bel(?:ø|o)b"?;', re.I)
_CURRENCIES = {"DKK", "EUR", "USD", "GBP", "SEK", "NOK", "CHF", "PLN"}
_NAME = re.compile(r"(?P<name>.*?)[-_ ]+(?P<reg>\d{4})[-_ ]+(?P<account>\d{6,14})(?:[-_ ]+(?P<period>\d{4}-\d{2}(?:-\d{2})?))?$")


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and bool(lines) and bool(_HEADER.match(lines[0]))


def _iso(day: str) -> str:
    m = re.fullmatch(r"(\d{1,2})[.-](\d{1,2})[.-](\d{4})", day.strip())
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else day.strip()


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    header = [c.strip().lower() for c in next(csv.reader(io.StringIO(lines[0].lstrip("\ufeff")), delimiter=";"))]

    def col(cells: list[str], *names: str) -> str:
        k = next((header.index(n) for n in names if n in header), -1)
        return cells[k].strip() if 0 <= k < len(cells) else ""

    currency = next((c.upper() for c in re.findall(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])", name) if c.upper() in _CURRENCIES), "DKK")

    def money(amount: str) -> str:
        return f"{amount} {currency}" if re.fullmatch(r"-?[\d.]+(?:,\d+)?", amount) else amount

    m = _NAME.match(name)
    if m:
        title = f"# Danske Bank {m.group('name').strip() or 'account'} (reg. nr. {m.group('reg')}, account number {m.group('account')})"
        title += f", {m.group('period')}" if m.group("period") else ""
    else:
        title = f"# Danske Bank account {name}"
    md, numbers = [title, "", "| date | description | amount (beløb) | balance (saldo) |", "|---|---|---|---|"], [1, 1, 1, 1]
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter=";"))
        text = re.sub(r"\s+", " ", col(cells, "tekst")).strip()
        status = col(cells, "status")
        if status and status.lower() not in ("udført", "udfort"):
            text += f" ({status})"
        row = [_iso(col(cells, "dato")), text, money(col(cells, "beløb", "belob")), money(col(cells, "saldo"))]
        md.append(table_row(row))
        numbers.append(n)
    return md, numbers
