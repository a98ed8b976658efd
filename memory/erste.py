"""An Erste (Croatia) "Promet po računu" CSV, read as the account and a table of its turnover.

Erste&Steiermärkische Bank's internet bank (George) saves an account's turnover as a semicolon
CSV: a preamble of one cell a line (the bank; "Promet po računu: HR12 2402 ..."; "Vlasnik:" the
owner and address; "Razdoblje:" the period; "Valuta:"), a blank row, then the header
`Datum knjiženja;Datum valute;Opis plaćanja;Naziv primatelja/platitelja;IBAN
primatelja/platitelja;Model i poziv na broj;Isplata;Uplata;Stanje`. Amounts are written the
Croatian way (`2.384,50`), paid out (isplata) and received (uplata) in columns of their own.
Read as a plain CSV every row was "Erste&Steiermärkische Bank d.d.: 01.09.2026.; column 2: ...",
the bank's name taken for the header. Here the statement is a heading naming the bank, the
account and the period over the owner's name and address and a table of its postings: the booking date, the
payee or payer, the description, the amount signed (paid out `-`, received `+`) with the
currency, the balance after it; the reference numbers left out. Every line cites its own line.
"""
from __future__ import annotations

import csv
import io
import re
from functools import partial
from pathlib import Path

from memory.tables import add_table, column, table_row

_HEADER = re.compile(r"^\ufeff?\"?Datum knjiženja\"?;.*Opis plaćanja.*;\"?Isplata\"?;\"?Uplata\"?", re.I)


def _header_at(lines: list[str]) -> int:
    return next((k for k, line in enumerate(lines[:12]) if _HEADER.match(line)), -1)


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and _header_at(lines) >= 0 and any(
        line.lower().startswith(("erste", "promet po računu")) for line in lines[:6])


def _cells(line: str) -> list[str]:
    return [" ".join(c.split()) for c in next(csv.reader(io.StringIO(line), delimiter=";"), [])]


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    k = _header_at(lines)
    pre = {}
    bank = "Erste"
    for n, line in enumerate(lines[:k], 1):
        cell = " ".join(c for c in _cells(line) if c)
        if ":" in cell:
            key, value = cell.split(":", 1)
            pre[key.strip().lower()] = (n, value.strip())
        elif cell:
            bank = cell
    account = pre.get("promet po računu", (1, name))[1]
    period = pre.get("razdoblje", (1, ""))[1]
    currency = pre.get("valuta", (1, "EUR"))[1]
    md = [f"# {bank}: account {account}" + (f", turnover (promet) {period}" if period else ""), ""]
    numbers = [pre.get("promet po računu", (1, ""))[0]] * 2
    if "vlasnik" in pre:
        owner, _, address = pre["vlasnik"][1].partition(",")  # "IVANA HORVAT, ILICA 1, 10000 ZAGREB"
        md += [f"Account owner (vlasnik): {owner.strip()}" + (f"; address: {address.strip()}" if address.strip() else ""), ""]
        numbers += [pre["vlasnik"][0]] * 2
    col = partial(column, [c.lower() for c in _cells(lines[k])])

    rows = []
    for n, line in enumerate(lines[k + 1:], k + 2):
        cells = _cells(line)
        day = col(cells, "datum knjiženja")
        out, into = col(cells, "isplata"), col(cells, "uplata")
        if not day or not (out or into):
            continue
        amount = f"-{out} {currency}" if out else f"+{into} {currency}"
        row = [day, col(cells, "naziv primatelja/platitelja"), col(cells, "opis plaćanja"), amount, col(cells, "stanje")]
        rows.append((n, table_row(row)))
    add_table(md, numbers, "| date | payee or payer (primatelj/platitelj) | description (opis plaćanja) | amount | balance (stanje) |", rows, k + 1)
    return md, numbers


__all__ = ["looks_like", "to_markdown"]
