"""A Банка ДСК (DSK Bank, Bulgaria) account statement CSV, read as the account and a table of its postings.

DSK Direct saves an account's statement ("извлечение") as a semicolon CSV with a byte-order
mark: a preamble of "key;value" rows (the bank; "Извлечение по сметка;BG47 STSA ..."; "Титуляр"
the owner; "Период" the period; "Валута" the currency; "Начално салдо" the opening balance), a
blank row, then the header `Дата;Вальор;Референция;Основание;Наредител/Получател;Дебит;Кредит;Салдо`.
Amounts are written the Bulgarian way (`1 612,40`), paid out (дебит) and received (кредит) in
columns of their own. Read as a plain CSV every row was "Банка ДСК АД: 01.10.2026; column 2: ...",
the bank's name taken for the header. Here the statement is a heading naming the bank, the
account and the period over the owner and opening balance and a table of its postings: the date,
the payee or payer, the description (основание), the amount signed (paid out `-`, received `+`)
with the currency, the balance after it; the bank's reference left out (no number of the
user's). Every line cites its own line; each row is dated by its own day.
"""
from __future__ import annotations

import csv
import io
import re
from functools import partial
from pathlib import Path

from memory.tables import add_table, column, table_row

_HEADER = re.compile(r"^\ufeff?\"?Дата\"?;.*\"?Основание\"?;.*\"?Дебит\"?;\"?Кредит\"?", re.I)
_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _header_at(lines: list[str]) -> int:
    return next((k for k, line in enumerate(lines[:15]) if _HEADER.match(line)), -1)


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and _header_at(lines) >= 0


def _cells(line: str) -> list[str]:
    return [" ".join(c.split()) for c in next(csv.reader(io.StringIO(line.lstrip("\ufeff")), delimiter=";"), [])]


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each row)."""
    k = _header_at(lines)
    pre: dict[str, tuple[int, str]] = {}
    bank = "Банка ДСК"
    for n, line in enumerate(lines[:k], 1):
        cells = [c for c in _cells(line) if c]
        if len(cells) >= 2:
            pre[cells[0].lower()] = (n, " ".join(cells[1:]))
        elif cells and n == 1:
            bank = cells[0]
    account_key = next((key for key in pre if key.startswith("извлечение")), "")
    account = pre[account_key][1] if account_key else name
    period = pre.get("период", (1, ""))[1]
    currency = pre.get("валута", (1, ""))[1]
    md = [f"# {bank}: account statement (извлечение) {account}" + (f", {period}" if period else ""), ""]
    numbers = [pre[account_key][0] if account_key else 1] * 2
    for key, label in (("титуляр", "Account holder (титуляр)"), ("начално салдо", "Opening balance (начално салдо)"),
                       ("крайно салдо", "Closing balance (крайно салдо)")):
        if key in pre:
            value = pre[key][1] + (f" {currency}" if key != "титуляр" and currency else "")
            md += [f"{label}: {value}", ""]
            numbers += [pre[key][0]] * 2
    col = partial(column, [c.lower() for c in _cells(lines[k])])

    rows, days = [], []
    unit = f" {currency}" if currency else ""
    for n, line in enumerate(lines[k + 1:], k + 2):
        cells = _cells(line)
        day = col(cells, "дата")
        out, into = col(cells, "дебит"), col(cells, "кредит")
        if not day or not (out or into):
            continue
        if m := _DAY.fullmatch(day):
            days.append((n, f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"))
        amount = f"-{out}{unit}" if out else f"+{into}{unit}"
        row = [day, col(cells, "наредител/получател", "получател", "наредител"), col(cells, "основание"), amount, col(cells, "салдо")]
        rows.append((n, table_row(row)))
    add_table(md, numbers, "| date | payee or payer (наредител/получател) | description (основание) | amount | balance (салдо) |", rows, k + 1)
    return md, numbers, days


__all__ = ["looks_like", "to_markdown"]
