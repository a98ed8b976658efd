"""A KlikBCA account statement ("mutasi rekening") CSV, read as the account and its transactions.

KlikBCA, BCA's internet banking, saves a statement as a CSV that opens with the account's lines
("No. rekening : 5271041893", "Nama : ...", "Periode : 01/09/2026 - 30/09/2026", "Kode Mata Uang :
IDR"), then `Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo` over the transactions (a date
without its year, `'05/09`; the description; the branch, `'0000`; the amount, "1,250,000.00"; DB
or CR; the balance after it), and ends with summary rows (Saldo Awal, Mutasi Kredit, Mutasi
Debet, Saldo Akhir). Read as a CSV the account line was the header and each transaction
"No. rekening : 5271041893: '10/09; column 2: ...". Here the statement is a heading naming the
bank and the account over the account's lines in English words (the Indonesian ones kept), a
table of the transactions (the date ISO, its year from the period; "debit"/"credit") and the
summary lines, each at its own file line.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from memory.tables import table_row

_HEADER = re.compile(r"^\ufeff?Tanggal Transaksi\s*,\s*Keterangan\s*,", re.I)
_INFO = re.compile(r"^\ufeff?\s*([A-Za-z][\w. ]*?)\s*:\s*(.*?)\s*,*\s*$")
_INFO_WORDS = {"no. rekening": "Account number", "nama": "Name", "periode": "Period", "kode mata uang": "Currency"}
_SUMMARY = {"saldo awal": "Opening balance", "mutasi kredit": "Credits", "mutasi debet": "Debits", "saldo akhir": "Closing balance"}
_KIND = {"DB": "debit", "CR": "credit"}


def looks_like_klikbca(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".csv" and any(_HEADER.match(line) for line in lines[:15]) and any(
        line.lower().startswith(("no. rekening", "\ufeffno. rekening")) for line in lines[:10])


def _iso(day: str, year: str) -> str:
    m = re.fullmatch(r"'?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?", day.strip())
    if not m or not (m.group(3) or year):
        return day.strip().lstrip("'")
    return f"{m.group(3) or year}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    info: list[tuple[int, str, str]] = []
    rows: list[tuple[int, list[str]]] = []
    summary: list[tuple[int, list[str]]] = []
    in_table = False
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if _HEADER.match(line):
            in_table = True
            continue
        cells = next(csv.reader(io.StringIO(line)))
        if in_table and cells and cells[0].strip().lower() in _SUMMARY:
            summary.append((n, cells))
        elif in_table and cells and re.match(r"'?\d{1,2}/\d{1,2}", cells[0].strip()):
            rows.append((n, cells))
        elif not in_table and (m := _INFO.match(line)):
            info.append((n, m.group(1), m.group(2)))
    account = next((v for _, k, v in info if k.lower() == "no. rekening"), "")
    period = next((v for _, k, v in info if k.lower() == "periode"), "")
    year = (re.findall(r"\d{4}", period) or [""])[-1]
    md, numbers = [f"# BCA account {account} statement" if account else f"# BCA statement {name}", ""], [1, 1]
    for n, key, value in info:
        if key.lower() == "periode":
            value = " - ".join(_iso(d, "") for d in re.split(r"\s+-\s+", value))
        english = _INFO_WORDS.get(key.lower())
        md.append(f"- {english} ({key}): {value}" if english else f"- {key}: {value}")
        numbers.append(n)
    if rows:
        md += ["", "| date | description | amount | debit/credit | balance |", "|---|---|---|---|---|"]
        numbers += [rows[0][0]] * 3
    for n, cells in rows:
        cells += [""] * (6 - len(cells))
        amount, kind, balance = cells[3].strip(), cells[4].strip().upper(), cells[5].strip()
        out = [_iso(cells[0], year), re.sub(r"\s+", " ", cells[1]).strip(), amount, _KIND.get(kind, kind), balance]
        md.append(table_row(out))
        numbers.append(n)
    if summary:
        md.append("")
        numbers.append(summary[0][0])
    for n, cells in summary:
        word = cells[0].strip()
        count = f" ({cells[2].strip()} transaction{'' if cells[2].strip() == '1' else 's'})" if len(cells) > 2 and cells[2].strip().isdigit() else ""
        md.append(f"- {_SUMMARY[word.lower()]} ({word}): {cells[1].strip() if len(cells) > 1 else ''}{count}")
        numbers.append(n)
    return md, numbers
