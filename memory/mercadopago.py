"""A Mercado Pago account statement CSV, read as the account's month.

Mercado Pago (Argentina's wallet) downloads an account statement ("Reporte de movimientos",
`account_statement_2026-10.csv`) as a `;`-separated CSV: a balance block
(`INITIAL_BALANCE;CREDITS;DEBITS;FINAL_BALANCE` and its values), a blank line, then
`RELEASE_DATE;TRANSACTION_TYPE;REFERENCE_ID;TRANSACTION_NET_AMOUNT;PARTIAL_BALANCE` and a row per
movement, days `dd-mm-yyyy`, amounts with dot thousands and a decimal comma (`-620.000,00`).
Read as a comma CSV every amount was cut at its decimal comma and each row hung under the
balance header. Here the statement is a heading naming the month over its balances and a table of
the movements, each at its own file line and dated by its own day. The reference id is left out:
it is Mercado Pago's number for the movement, no number of the user's (read as one it answered a
gas account's number).
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.tables import table_row

_BALANCES = "INITIAL_BALANCE;CREDITS;DEBITS;FINAL_BALANCE"
_ROWS = "RELEASE_DATE;TRANSACTION_TYPE;REFERENCE_ID;TRANSACTION_NET_AMOUNT;PARTIAL_BALANCE"
_MONTHS = ("January February March April May June July August September October November December").split()


def _clean(line: str) -> str:
    return line.strip().lstrip("\ufeff").replace('"', "").upper()


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and any(_clean(ln) == _ROWS for ln in lines[:10])


def _title(name: str) -> str:
    month = re.search(r"(20\d\d)[-_](0[1-9]|1[0-2])", name)
    return "# Mercado Pago account statement" + (f", {_MONTHS[int(month.group(2)) - 1]} {month.group(1)}" if month else "")


def _pesos(amount: str) -> str:
    return f"$ {amount}" if re.fullmatch(r"-?[\d.]+(?:,\d+)?", amount) else amount


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each row)."""
    md, numbers = [_title(name), ""], [1, 1]
    days: list[tuple[int, str]] = []
    balances: list[str] | None = None
    table = False
    for n, line in enumerate(lines, 1):
        cells = [c.strip().strip('"') for c in line.strip().lstrip("\ufeff").split(";")]
        if not line.strip() or _clean(line) == _ROWS:
            continue
        if _clean(line) == _BALANCES:
            balances = [c.replace("_", " ").lower().capitalize() for c in cells]
            continue
        if balances is not None and not table:
            md += [f"- {what}: {_pesos(value)}" for what, value in zip(balances, cells) if value]
            numbers += [n] * sum(1 for value in cells[:len(balances)] if value)
            balances = None
            continue
        cells += [""] * 5
        when, text, _ref, amount, balance = cells[:5]
        day = re.fullmatch(r"(\d{2})[-/](\d{2})[-/](\d{4})", when)
        if day:
            days.append((n, f"{day.group(3)}-{day.group(2)}-{day.group(1)}"))
        if not table:
            md += ["", "| date | movement | amount | balance |", "|---|---|---|---|"]
            numbers += [n, n, n]
            table = True
        row = [when, re.sub(r"\s+", " ", text), _pesos(amount), _pesos(balance)]
        md.append(table_row(row))
        numbers.append(n)
    return md, numbers, days
