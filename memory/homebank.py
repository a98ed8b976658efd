"""A HomeBank budget file (`.xhb`), read as its accounts and each transaction a row.

HomeBank (the GTK personal-finance program) keeps a budget as one XML file: `<cur>` currencies
(symbol, decimal and group characters, digits), `<account>`s (name, number, bank, currency),
`<pay>` payees and `<cat>` categories (a sub-category names its `parent`), then one `<ope>` per
transaction: `date` as a Julian day number (days since 1 January of year 1, so 739617 is
1 January 2026), `amount` a plain number without trailing zeros ("-312", "1612.4"), `payee`,
`category` and `account` as keys, `wording` the user's memo, `tags` keys. Read as text it was
lines of XML attributes whose dates no one can read. Here the budget is a heading over its
accounts and a table of its transactions (day, amount in the account's currency written as that
currency writes it, payee, category "parent: child", memo), each row at its own file line and
dated by its own day.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from memory.tables import table_row

_OPE = re.compile(r"<ope\s")


def looks_like(path: Path, lines: list[str]) -> bool:
    if path.suffix.lower() != ".xhb" and not any(line.lstrip().startswith("<homebank") for line in lines[:3]):
        return False
    return any(line.lstrip().startswith("<homebank") for line in lines[:5])


def _day(julian: str) -> str:
    try:
        return date.fromordinal(int(julian)).isoformat()
    except (TypeError, ValueError, OverflowError):
        return ""


def _amount(value: str, cur: dict[str, str]) -> str:
    """"-312" in a currency that writes "1 234,50 €" -> "-312,00 €"."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value or ""
    try:
        frac = max(0, min(int(cur.get("frac") or 2), 4))
    except ValueError:
        frac = 2
    text = f"{abs(number):,.{frac}f}"
    dchar, gchar = cur.get("dchar") or ".", cur.get("gchar") if cur.get("gchar") is not None else ","
    text = text.replace(",", "\0").replace(".", dchar).replace("\0", gchar)
    text = ("-" if number < 0 else "") + text
    symbol = cur.get("symb") or cur.get("iso") or ""
    if not symbol:
        return text
    return f"{symbol}{text}" if cur.get("syprf") == "1" else f"{text} {symbol}"


def _line_of(lines: list[str], pattern: re.Pattern, start: int) -> int:
    for n in range(start, len(lines)):
        if pattern.search(lines[n]):
            return n + 1
    return start + 1


def to_markdown(text: str, lines: list[str], name: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each row).
    Raises ET.ParseError for a file that is not well-formed."""
    root = ET.fromstring(text)
    currencies = {c.get("key", ""): dict(c.attrib) for c in root.iter("cur")}
    props = root.find("properties")
    default_cur = props.get("curr", "") if props is not None else ""
    title = (props.get("title") if props is not None else "") or name
    payees = {p.get("key", ""): p.get("name", "") for p in root.iter("pay")}
    names = {c.get("key", ""): c.get("name", "") for c in root.iter("cat")}
    parents = {c.get("key", ""): c.get("parent", "") for c in root.iter("cat")}
    tags = {t.get("key", ""): t.get("name", "") for t in root.iter("tag")}
    accounts = {a.get("key", ""): a for a in root.iter("account")}

    def category(key: str) -> str:
        if key not in names:
            return ""
        parent = parents.get(key, "")
        return f"{names[parent]}: {names[key]}" if parent in names else names[key]

    md, numbers = [f"# HomeBank: {title}", ""], [1, 1]
    days: list[tuple[int, str]] = []
    account_line = re.compile(r"<account\s")
    at = 0
    for account in accounts.values():
        at = _line_of(lines, account_line, at)
        cur = currencies.get(account.get("curr", default_cur), {})
        parts = [f"account {account.get('name', '')}".strip()]
        for label, key in (("number", "number"), ("bank", "bankname")):
            if account.get(key):
                parts.append(f"{label} {account.get(key)}")
        if cur.get("iso"):
            parts.append(f"currency {cur['iso']}")
        md.append("- " + ", ".join(parts))
        numbers.append(at)
    opes = list(root.iter("ope"))
    # Columns that would say the same on every row (one account, no tags) are left out.
    several = len({o.get("account", "") for o in opes}) > 1
    tagged = any(o.get("tags") for o in opes)
    head = ["date", "amount", "payee", "category", "memo"] + (["account"] if several else []) + (["tags"] if tagged else [])
    at = 0
    table = False
    for ope in opes:
        at = _line_of(lines, _OPE, at)
        account = accounts.get(ope.get("account", ""))
        cur = currencies.get(account.get("curr", default_cur) if account is not None else default_cur, {})
        day = _day(ope.get("date", ""))
        if day:
            days.append((at, day))
        if not table:
            md += ["", table_row(head), "|" + "---|" * len(head)]
            numbers += [at, at, at]
            table = True
        tag_names = [tags.get(k, "") for k in (ope.get("tags") or "").split()]
        row = [day, _amount(ope.get("amount", ""), cur), payees.get(ope.get("payee", ""), ""),
               category(ope.get("category", "")), " ".join((ope.get("wording") or "").split())]
        row += [account.get("name", "") if account is not None else ""] if several else []
        row += [", ".join(t for t in tag_names if t)] if tagged else []
        md.append(table_row(row))
        numbers.append(at)
    return md, numbers, days
