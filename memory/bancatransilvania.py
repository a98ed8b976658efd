"""A Banca Transilvania account statement CSV ("extras de cont"), read as the account and its transactions.

BT's internet banking (BT24, NeoBT) saves a statement as a CSV that opens with a block of the
account's lines ("Banca Transilvania", "Extras de cont", "Titular cont: ...", "Cod IBAN: RO49BTRL...",
"Valuta: RON", "Perioada: 01.10.2026 - 31.10.2026", "Sold initial: 6.318,22"), then
`Data tranzactie,Data valuta,Descriere,Referinta tranzactiei,Debit,Credit,Sold contabil` over the
transactions, amounts written the Romanian way in quotes ("1.450,00"). Read as a CSV the bank's
name was the header of every row ("Banca Transilvania: 08.10.2026; column 2: ...") and the
opening balance was cut at its comma. Here the statement is a heading naming the bank and the
account over the account's lines in English words (the Romanian ones kept), and a table of the
transactions (the date ISO; the amount as written; "debit"/"credit"; the balance after it), each
at its own file line. The bank's own reference of a transaction ("BT2610050005") is left out: read
as a code, it answered "What is the Digi contract number?".
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = re.compile(r"^\ufeff?\"?Data tranzac[tţț]iei?\"?\s*[,;]\s*\"?Data valut", re.I)
_INFO = re.compile(r"^\ufeff?\s*\"?([A-Za-zĂÂÎȘȚăâîșțşţ][\w .ăâîșțşţ]*?)\s*:\s*(.*?)\"?\s*[,;]*\s*$")
_INFO_WORDS = {"titular cont": "Account holder", "cod iban": "IBAN", "iban": "IBAN", "valuta": "Currency",
               "moneda": "Currency", "perioada": "Period", "sold initial": "Opening balance", "sold final": "Closing balance",
               "numar cont": "Account number", "tip cont": "Account type"}


def looks_like_bt(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and any(_HEADER.match(line) for line in lines[:20]) and any(
        "banca transilvania" in line.lower() or "btrl" in line.lower() for line in lines[:15])


def _iso(day: str) -> str:
    m = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", day.strip())
    return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if m else day.strip()


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    info: list[tuple[int, str, str]] = []
    title: list[tuple[int, str]] = []
    rows: list[tuple[int, dict[str, str]]] = []
    columns: list[str] = []
    delimiter = ","
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if not columns and _HEADER.match(line):
            delimiter = ";" if line.count(";") > line.count(",") else ","
            columns = [c.strip().lower() for c in next(csv.reader(io.StringIO(line.lstrip("\ufeff")), delimiter=delimiter))]
            continue
        if columns:
            cells = next(csv.reader(io.StringIO(line), delimiter=delimiter))
            if cells and re.match(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}", cells[0].strip()):
                rows.append((n, dict(zip(columns, (c.strip() for c in cells)))))
            elif (m := _INFO.match(line)):  # a closing balance under the table
                info.append((n, m.group(1), m.group(2).strip().strip('"')))
        elif (m := _INFO.match(line)):
            info.append((n, m.group(1), m.group(2).strip().strip('"')))
        else:
            title.append((n, line.strip().strip('",;')))
    iban = next((v for _, k, v in info if "iban" in k.lower()), "")
    bank = next((t for _, t in title if "transilvania" in t.lower()), "Banca Transilvania")
    md = [f"# {bank} account {iban} statement" if iban else f"# {bank} statement {name}", ""]
    numbers = [title[0][0] if title else 1] * 2
    for n, text in title:
        if text and text != bank:
            md.append(f"- {text}")
            numbers.append(n)
    for n, key, value in info:
        if key.lower() == "perioada":
            value = " - ".join(_iso(d) for d in re.split(r"\s+-\s+", value))
        english = _INFO_WORDS.get(key.lower())
        md.append(f"- {english} ({key}): {value}" if english and english.lower() != key.lower() else f"- {key}: {value}")
        numbers.append(n)

    def cell(row: dict[str, str], *starts: str) -> str:
        return next((v for k, v in row.items() if k.startswith(starts)), "")

    if rows:
        md += ["", "| date | description | amount | debit/credit | balance |", "|---|---|---|---|---|"]
        numbers += [rows[0][0]] * 3
    for n, row in rows:
        debit, credit = cell(row, "debit"), cell(row, "credit")
        amount, kind = (debit, "debit") if debit else (credit, "credit") if credit else ("", "")
        out = [_iso(cell(row, "data tranz")), re.sub(r"\s+", " ", cell(row, "descriere")), amount, kind,
               cell(row, "sold")]
        md.append(table_row(out))
        numbers.append(n)
    return md, numbers
