"""A Swedbank (Baltic) account statement CSV, read as the account, its balances and its postings.

Swedbank's internet bank in Lithuania (and Latvia, Estonia) saves an account statement as a
comma CSV with every cell quoted and a header in the bank's language:
`"Sąskaitos Nr.","","Data","Gavėjas","Paaiškinimai","Suma","Valiuta","D/K","Įrašo ID",...`.
The unnamed second column is a record code: `10` the opening balance ("Likutis pradžiai"),
`20` a posting, `82` the period's turnover (one row for debits, one for credits), `86` the
closing balance ("Likutis pabaigai"). Amounts are written the Lithuanian way (`2 140,55`),
unsigned, with `D` (debit: paid out) or `K` (credit: received) beside them. Read as a plain CSV
each row was "Sąskaitos Nr.: LT62...; column 2: 20; ...; Įrašo ID: 2026...", the balances rows
like any other. Here the statement is a heading naming the bank and the account over its
opening and closing balances and a table of its postings: the date, the payee or payer, the
details, the amount signed (paid out `-`, received `+`) with its currency; the record ids and
codes left out. Every line cites its own file line.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = re.compile(r'^\ufeff?"?(?:Sąskaitos Nr\.|Konta Nr\.|Kontonumber|Konto Nr\.)"?,"?"?,"?(?:Data|Datums|Kuupäev)"?,', re.I)


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and bool(lines) and bool(_HEADER.match(lines[0]))


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    rows = [(n, cells) for n, line in enumerate(lines[1:], 2) if line.strip()
            for cells in csv.reader(io.StringIO(line))]
    account = next((c[0].strip() for _, c in rows if c and c[0].strip()), "")
    m = re.search(r"(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$", name)
    period = f", {m.group(1)} to {m.group(2)}" if m else ""
    # The account as the bank writes it: grouped ("LT62 7300 0100 ...") its groups read as a phone number.
    md = [f"# Swedbank account {account or name}{period}", ""]
    numbers = [1, 1]
    table: list[tuple[int, str]] = []
    after: list[tuple[int, str]] = []

    def cell(cells: list[str], k: int) -> str:
        return " ".join(cells[k].split()) if k < len(cells) else ""

    for n, cells in rows:
        code, day, who, what, amount, currency, dk = (cell(cells, k) for k in range(1, 8))
        money = f"{amount} {currency}".strip()
        if code == "10":
            md.append(f"Opening balance ({what or 'likutis pradžiai'}) on {day}: {money}")
            numbers.append(n)
        elif code == "86":
            after.append((n, f"Closing balance ({what or 'likutis pabaigai'}) on {day}: {money}"))
        elif code == "82":
            side = "paid out (debit)" if dk == "D" else "received (credit)"
            after.append((n, f"Turnover ({what or 'apyvarta'}) {side} to {day}: {money}"))
        elif code == "20" or (day and amount):
            sign = "-" if dk == "D" else "+" if dk == "K" else ""
            row = [day, who, what, f"{sign}{money}"]
            table.append((n, table_row(row)))
    if table:
        first = table[0][0]
        md += ["", "| date | payee or payer (gavėjas) | details (paaiškinimai) | amount (suma) |", "|---|---|---|---|"]
        numbers += [first] * 3
        for n, row in table:
            md.append(row)
            numbers.append(n)
        md.append("")
        numbers.append(table[-1][0])
    for n, line in after:
        md += [line, ""]
        numbers += [n, n]
    return md, numbers


__all__ = ["looks_like", "to_markdown"]
