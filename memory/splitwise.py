"""A Splitwise group's CSV export, read as the group's expenses and who owes whom.

Splitwise exports a group as `Date,Description,Category,Cost,Currency,<member>,<member>...`: each
expense's cost and, per member, what it did to that member's balance (positive: the member paid
more than their share and is owed it; negative: owes it), with a last "Total balance" row. The
file is named after the group and the day it was exported ("skagen-juli-2026_2026-08-02_export.csv").
Read as a plain CSV the members' columns were bare numbers and the total a row like any other.
Here the group is a heading over a table of its expenses (who paid: the one member whose balance
went up), and the total balance a line in words: who owes and who is owed, on the day it was
exported. Every line cites its own file line.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = ["date", "description", "category", "cost", "currency"]


def looks_like(path: Path, lines: list[str]) -> bool:
    if path.suffix.lower() != ".csv" or not lines:
        return False
    head = [c.strip().lower() for c in next(csv.reader(io.StringIO(lines[0].lstrip("\ufeff"))))]
    return head[:5] == _HEADER and len(head) >= 6


def _group(name: str) -> str:
    stem = re.sub(r"[_ -]+\d{4}-\d{2}-\d{2}[_ -]+export$", "", name, flags=re.I)
    words = re.sub(r"[_-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Splitwise group"


def _number(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    rows = [(n, next(csv.reader(io.StringIO(line.lstrip("\ufeff"))))) for n, line in enumerate(lines, 1) if line.strip()]
    members = [c.strip() for c in rows[0][1][5:]]
    md = [f"# Splitwise group {_group(name)}", "", f"Members: {', '.join(members)}", "",
          "| date | description | category | cost | currency | paid by | " + " | ".join(members) + " |",
          "|" + "---|" * (6 + len(members))]
    numbers = [1] * len(md)
    totals: list[tuple[int, list[str]]] = []
    for n, cells in rows[1:]:
        cells = cells + [""] * (5 + len(members) - len(cells))
        if cells[1].strip().lower() == "total balance":
            totals.append((n, cells))
            continue
        shares = [_number(c) for c in cells[5:5 + len(members)]]
        paid = [m for m, v in zip(members, shares) if v is not None and v > 0]
        payer = paid[0] if len(paid) == 1 and (_number(cells[3]) or 0) > 0 else ""
        row = [c.strip() for c in cells[:5]] + [payer] + [c.strip() for c in cells[5:5 + len(members)]]
        md.append(table_row(row))
        numbers.append(n)
    for n, cells in totals:
        currency = cells[4].strip()
        said = []
        for member, value in zip(members, cells[5:5 + len(members)]):
            v = _number(value)
            if v is None:
                continue
            said.append(f"{member} is owed {v:.2f} {currency}".strip() if v > 0 else
                        f"{member} owes {-v:.2f} {currency}".strip() if v < 0 else f"{member} is settled up")
        md += ["", f"Total balance on {cells[0].strip()}: " + "; ".join(said) + "."]
        numbers += [n, n]
    return md, numbers
