"""ISO 20022 bank statements (camt.053, `.xml`), read as the account and a table of its entries.

The format European banks hand out for a month's statement: the account (IBAN, its kind, the
bank), opening and closing balances, then one `<Ntry>` per booking with its amount, whether it
was paid out or in, the day, the other party and the text. Read as text it was hundreds of lines
of tags. Here the account is the heading, each balance a line, and each entry one table row
(date, amount, the other party, text, kind) at the line the entry opens on; money paid out is
negative, as in a bank's app.
"""
from __future__ import annotations

import xml.parsers.expat
from pathlib import Path

from memory.tables import table_row

_BALANCES = {"OPBD": "Opening balance", "CLBD": "Closing balance", "CLAV": "Available balance", "PRCD": "Opening balance"}


def looks_like_camt(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:5])
    return path.suffix.lower() == ".xml" and "camt.05" in head and "<Document" in head


def _money(amount: str, debit: bool) -> str:
    return f"-{amount}" if debit and amount and not amount.startswith("-") else amount


def to_markdown(text: str, name: str) -> tuple[list[str], list[int]]:
    """Raises xml.parsers.expat.ExpatError for a statement that is not well-formed."""
    parser = xml.parsers.expat.ParserCreate()
    path: list[str] = []
    buf: list[str] = []
    account: dict[str, str] = {}
    balances: list[tuple[int, str, str, str, str, str]] = []  # (line, code, amount, currency, credit/debit, day)
    entries: list[tuple[int, dict[str, str]]] = []
    state: dict[str, object] = {"bal": None, "entry": None}

    def start(tag, attrs):
        tag = tag.rsplit(":", 1)[-1]
        path.append(tag)
        buf.clear()
        if tag == "Bal":
            state["bal"] = {"line": parser.CurrentLineNumber}
        elif tag == "Ntry":
            state["entry"] = {"line": parser.CurrentLineNumber}
        elif tag == "Amt" and (state["entry"] is not None or state["bal"] is not None):
            target = state["entry"] if state["entry"] is not None else state["bal"]
            target.setdefault("ccy", attrs.get("Ccy", ""))

    def end(tag):
        tag = tag.rsplit(":", 1)[-1]
        value = " ".join("".join(buf).split())
        bal, entry = state["bal"], state["entry"]
        inside = set(path)
        if entry is not None:
            if tag == "Amt" and "TxDtls" not in inside:
                entry.setdefault("amount", value)
            elif tag == "CdtDbtInd" and "TxDtls" not in inside:
                entry.setdefault("sign", value)
            elif tag == "Dt" and "BookgDt" in inside:
                entry.setdefault("day", value[:10])
            elif tag == "Dt" and "ValDt" in inside:
                entry.setdefault("value_day", value[:10])
            elif tag == "Nm" and "Cdtr" in inside:
                entry.setdefault("creditor", value)
            elif tag == "Nm" and "Dbtr" in inside:
                entry.setdefault("debtor", value)
            elif tag == "Ustrd" or tag == "AddtlTxInf" or tag == "AddtlNtryInf":
                if value and value not in entry.get("text", ""):
                    entry["text"] = f"{entry['text']}; {value}" if entry.get("text") else value
            elif tag == "Ref" and "CdtrRefInf" in inside:
                entry.setdefault("ref", value)
            elif tag == "Cd" and "BkTxCd" in inside:
                entry.setdefault("kind", value)
            elif tag == "Ntry":
                entries.append((int(entry.pop("line")), entry))
                state["entry"] = None
        elif bal is not None:
            if tag == "Cd":
                bal["code"] = value
            elif tag == "Amt":
                bal["amount"] = value
            elif tag == "CdtDbtInd":
                bal["sign"] = value
            elif tag == "Dt" and "Dt" in path[:-1]:
                bal["day"] = value[:10]
            elif tag == "Bal":
                balances.append((int(bal["line"]), bal.get("code", ""), bal.get("amount", ""), bal.get("ccy", ""),
                                 bal.get("sign", ""), bal.get("day", "")))
                state["bal"] = None
        elif "Acct" in inside:
            if tag in ("IBAN", "Ccy") or tag == "Id" and "Othr" in inside:
                account.setdefault(tag, value)
            elif tag == "Prtry" and "Tp" in inside or tag == "Cd" and "Tp" in inside:
                account.setdefault("type", value)
            elif tag == "Nm" and "Svcr" in inside:
                account.setdefault("bank", value)
            elif tag == "Nm" and "Ownr" in inside:
                account.setdefault("owner", value)
        path.pop()
        buf.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = buf.append
    parser.Parse(text, True)

    number = account.get("IBAN") or account.get("Id", "")
    title = " ".join(x for x in (account.get("bank", ""), account.get("type", "").lower(), "account", number) if x)
    md, numbers = [f"# {title if number else name}", ""], [1, 1]
    if account.get("owner"):
        md += [f"Account holder: {account['owner']}", ""]
        numbers += [1, 1]
    for n, code, amount, ccy, sign, day in balances:
        label = _BALANCES.get(code, f"Balance ({code})" if code else "Balance")
        md += [f"{label}{f' on {day}' if day else ''}: {_money(amount, sign == 'DBIT')} {ccy}".rstrip(), ""]
        numbers += [n, n]
    if entries:
        md += ["| date | amount | counterparty | text | kind |", "|---|---|---|---|---|"]
        numbers += [entries[0][0]] * 2
    for n, e in entries:
        debit = e.get("sign") == "DBIT"
        party = e.get("creditor" if debit else "debtor", "") or e.get("creditor", "") or e.get("debtor", "")
        words = e.get("text", "") or (f"ref. {e['ref']}" if e.get("ref") else "")
        amount = f"{_money(e.get('amount', ''), debit)} {e.get('ccy', '')}".strip()
        cells = [e.get("day", "") or e.get("value_day", ""), amount, party, words, e.get("kind", "").lower()]
        md.append(table_row(cells))
        numbers.append(n)
    return md, numbers


__all__ = ["looks_like_camt", "to_markdown"]
