"""An Emacs BBDB address book (`~/.bbdb`, `bbdb`): one Lisp vector per person, one per line.

    ["Selin" "Aydın" nil ("Selin Tuna") ("Atölye Karaköy") (["mobile" "0536 555 74 02"]) ...]

Read as text, a line is a tangle of brackets and the name is never said as a name. Each record
becomes its name as a heading over one bullet per thing it holds, all citing the record's line,
as vCards read (memory/cards.py):

    ## Selin Aydın
    - also known as: Selin Tuna
    - organisation: Atölye Karaköy
    - phone (mobile): 0536 555 74 02
    - address (home): Moda Cad. 12, Kadıköy, İstanbul 34710, Türkiye
    - email: selin@atolyekarakoy.example.com
    - notes: ...

File format 6 to 9 keep the fields in this order: first name, last name, affixes, also-known-as,
organisations, phones, addresses, emails, extra fields, then the app's own bookkeeping.
"""
from __future__ import annotations

import re

_HEADER = re.compile(r"^;+\s*(?:-\*-.*-\*-|file-format:\s*\d+)")
_TOKEN = re.compile(r'\s*(?:(\[|\]|\(|\))|"((?:[^"\\]|\\.)*)"|([^\s()\[\]"]+))')
# Extra fields the app writes for itself.
_BOOKKEEPING = {"creation-date", "timestamp", "uuid", "mail-alias", "face"}


def looks_like_bbdb(lines: list[str]) -> bool:
    head = [ln for ln in lines[:5] if ln.strip()]
    return any(_HEADER.match(ln) and "file-format" in ln for ln in head) and any(ln.lstrip().startswith('["') for ln in lines)


def _read(text: str):
    """The Lisp value written in `text`: strings, nil as None, lists and vectors as lists,
    `(key . value)` as a pair, numbers and symbols as strings."""
    tokens = [(m.group(1), m.group(2), m.group(3)) for m in _TOKEN.finditer(text)]
    pos = 0

    def value():
        nonlocal pos
        bracket, string, atom = tokens[pos]
        pos += 1
        if bracket in ("[", "("):
            close = "]" if bracket == "[" else ")"
            items = []
            while pos < len(tokens) and tokens[pos][0] != close:
                if tokens[pos][2] == "." and items:  # a dotted pair: (notes . "text")
                    pos += 1
                    items = [items[0], value()]
                    continue
                items.append(value())
            pos += 1
            return items
        if string is not None:
            return re.sub(r"\\(.)", r"\1", string)
        return None if atom == "nil" else atom

    return value() if tokens else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    return str(value).strip()


def _record(fields: list) -> list[str]:
    fields = fields + [None] * (9 - len(fields))
    first, last, affix, aka, orgs, phones, addresses, mails, extra = fields[:9]
    name = " ".join(t for t in (_text(first), _text(last), _text(affix)) if t)
    out = [f"## {name}"] if name else []
    if _text(aka):
        out.append(f"- also known as: {_text(aka)}")
    if _text(orgs):
        out.append(f"- organisation: {_text(orgs)}")
    for phone in phones or []:
        if isinstance(phone, list) and len(phone) >= 2:
            number = " ".join(_text(p) for p in phone[1:] if _text(p) not in ("", "0"))
            out.append(f"- phone ({_text(phone[0])}): {number}")
    for address in addresses or []:
        if isinstance(address, list) and len(address) >= 2:
            street, rest = _text(address[1]), [_text(p) for p in address[2:]]
            city, state, code, country = (rest + [""] * 4)[:4]
            place = ", ".join(t for t in (street, city, state, f"{code} {country}".strip()) if t)
            out.append(f"- address ({_text(address[0])}): {place}")
    if _text(mails):
        out.append(f"- email: {_text(mails)}")
    for pair in extra or []:
        if isinstance(pair, list) and len(pair) == 2 and _text(pair[0]) not in _BOOKKEEPING and _text(pair[1]):
            out.append(f"- {_text(pair[0]).replace('-', ' ')}: {_text(pair[1])}")
    return out


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    """Each record's heading and bullets, numbered with the record's line; comments left out."""
    md: list[str] = []
    numbers: list[int] = []
    for n, line in enumerate(lines, 1):
        if not line.lstrip().startswith("["):
            continue
        try:
            fields = _read(line)
        except IndexError:
            continue  # a record cut off mid-line says nothing whole
        if not isinstance(fields, list):
            continue
        record = _record(fields)
        md += record + [""]
        numbers += [n] * (len(record) + 1)
    return md, numbers


__all__ = ["looks_like_bbdb", "to_markdown"]
