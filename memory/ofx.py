"""Open Financial Exchange statements (`.ofx`, `.qfx`), read as a table of transactions.

OFX 1.x is SGML whose leaf tags are never closed (`<TRNAMT>-150.00`), 2.x the same as XML. Read as
text the whole statement was one paragraph of tags. The bank, the account and its balance become
the heading and a line under it; each `<STMTTRN>` one table row (date, amount, name, memo, type)
at the line it opens on.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.tables import table_row

OFX_EXT = {".ofx", ".qfx"}
_TAG = re.compile(r"<([A-Z0-9.]+)>([^<\r\n]*)")


def looks_like_ofx(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:20])
    return path.suffix.lower() in OFX_EXT and ("OFXHEADER" in head or "<OFX>" in head.upper())


def _date(value: str) -> str:
    m = re.match(r"(\d{4})(\d{2})(\d{2})", value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else value


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    facts: dict[str, str] = {}
    rows: list[tuple[int, dict[str, str]]] = []
    current: dict[str, str] | None = None
    for n, line in enumerate(lines, 1):
        if re.search(r"<STMTTRN>", line, re.IGNORECASE):
            current, start = {}, n
        for tag, value in _TAG.findall(line):
            value = value.strip()
            if not value:
                continue
            if current is not None:
                current.setdefault(tag, value)
            else:
                facts.setdefault(tag, value)
        if current is not None and re.search(r"</STMTTRN>", line, re.IGNORECASE):
            rows.append((start, current))
            current = None
    kind = {"CHECKING": "checking", "SAVINGS": "savings", "CREDITLINE": "credit line"}.get(facts.get("ACCTTYPE", ""), "")
    account = " ".join(x for x in (facts.get("ORG", ""), kind or ("credit card" if "CCACCTFROM" in "\n".join(lines) else ""),
                                   "account", facts.get("ACCTID", "")) if x)
    md, numbers = [f"# {account if facts.get('ACCTID') else name}", ""], [1, 1]
    if "BALAMT" in facts:
        at = next((n for n, line in enumerate(lines, 1) if "<BALAMT>" in line), 1)
        when = f" on {_date(facts['DTASOF'])}" if "DTASOF" in facts else ""
        md += [f"Balance{when}: {facts['BALAMT']} {facts.get('CURDEF', '')}".rstrip(), ""]
        numbers += [at, at]
    if rows:
        md += ["| date | amount | name | memo | type |", "|---|---|---|---|---|"]
        numbers += [rows[0][0]] * 2
    for n, r in rows:
        cells = [_date(r.get("DTPOSTED", "")), r.get("TRNAMT", ""), r.get("NAME", r.get("PAYEE", "")), r.get("MEMO", ""),
                 r.get("TRNTYPE", "").lower()]
        md.append(table_row(cells))
        numbers.append(n)
    return md, numbers
