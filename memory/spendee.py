"""A Spendee CSV export (a wallet's transactions), read as the wallet and its rows, dated.

Spendee (a budgeting app) exports a wallet, or a shared one several people write to, as
`"Date","Wallet","Type","Category name","Amount","Currency","Note","Labels","Author"`: an ISO time
with its offset ("2026-06-16T05:22:08+00:00"), the wallet's name on every row, "Expense" or
"Income", the category, a signed amount ("-1028.40"), its currency code, the user's note, labels
and (in a shared wallet) who wrote it. Read as a plain CSV each row was "Date: 2026-06-16T05:22:08
+00:00; Wallet: Family; Type: Expense; Category name: ...; Currency: ..." under no name: long
rows, every one repeating the wallet and the currency. Here the export is a heading naming the
wallet over a table of its rows (the day; income or expense; the category; the amount with its
currency; the note; the labels; who wrote it), each at its own file line and dated by its day.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = re.compile(r'^\ufeff?"?Date"?,"?Wallet"?,"?Type"?,"?Category name"?,"?Amount"?,"?Currency"?', re.I)
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")


def looks_like(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and bool(lines) and bool(_HEADER.match(lines[0]))


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each row)."""
    reader = csv.reader(io.StringIO("\n".join(line.lstrip("\ufeff") for line in lines)))
    header = [h.strip().lower() for h in next(reader, [])]
    rows: list[tuple[int, dict[str, str]]] = []
    for cells in reader:
        n = reader.line_num
        if any(c.strip() for c in cells):
            rows.append((n, {header[k]: c.strip() for k, c in enumerate(cells) if k < len(header)}))
    wallets = list(dict.fromkeys(r.get("wallet", "") for _, r in rows if r.get("wallet")))
    md = [f"# Spendee wallet {', '.join(wallets)}" if wallets else f"# Spendee export {name}", ""]
    numbers = [1, 1]
    days: list[tuple[int, str]] = []
    extra = [k for k in header if k not in ("date", "wallet", "type", "category name", "amount", "currency", "note", "labels", "author")]
    shared = len(wallets) > 1
    columns = ["date"] + (["wallet"] if shared else []) + ["type", "category", "amount", "note", "labels", "by"] + extra
    if rows:
        md += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        numbers += [rows[0][0]] * 2
    for n, r in rows:
        day = _DAY.match(r.get("date", ""))
        when = day.group(1) if day else r.get("date", "")
        if day:
            days.append((n, when))
        amount = " ".join(x for x in (r.get("amount", ""), r.get("currency", "")) if x)
        out = [when] + ([r.get("wallet", "")] if shared else []) + [
            r.get("type", ""), r.get("category name", ""), amount, r.get("note", ""), r.get("labels", ""), r.get("author", "")]
        md.append(table_row(out + [r.get(k, "") for k in extra]))
        numbers.append(n)
    return md, numbers, days
