"""Anki's plain-text export ("Notes in Plain Text", `.txt`): one card a line, its fields split by a
separator that the file's `#` header names.

    #separator:tab
    #html:true
    #notetype column:1
    #deck column:2
    #tags column:5
    Basic<TAB>Memory<TAB>Mum's birthday<TAB>2 August<TAB>family

Read as text, a card was "Basic Memory Mum's birthday 2 August family": the note type, the deck
and the tags run into what the card says. Here each deck is a heading ("Spanish::Weather" is
"Spanish > Weather") and each card one line "front: back" on its own file line; the note type,
the tags and the guid are Anki's bookkeeping and are left out. With `#html:true` the fields'
markup is dropped (a `<br>` is a "; ").
"""
from __future__ import annotations

import csv
import html
import re

_HEADER = re.compile(r"#(separator|html|notetype column|deck column|tags column|guid column|columns|notetype|deck|tags):(.*)")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}
_TAG = re.compile(r"<[^>]+>")


def looks_like_anki(lines: list[str]) -> bool:
    """The header Anki 2.1.55+ writes: `#separator:` with at least one other `#key:value` line."""
    head = [line.strip() for line in lines[:8] if line.startswith("#")]
    return any(line.startswith("#separator:") for line in head) and sum(bool(_HEADER.fullmatch(line)) for line in head) >= 2


def _field(text: str, is_html: bool) -> str:
    if is_html:
        text = re.sub(r"(?i)<br\s*/?>|</div>\s*<div>", "; ", text)
        text = html.unescape(_TAG.sub("", text))
    return " ".join(text.split())


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    settings: dict[str, str] = {}
    body = 0
    for body, line in enumerate(lines):
        m = _HEADER.fullmatch(line.strip())
        if not m:
            break
        settings[m.group(1)] = m.group(2).strip()
    else:
        body = len(lines)
    sep = settings.get("separator", "tab")
    sep = _SEPARATORS.get(sep.lower(), sep[:1] or "\t")
    is_html = settings.get("html", "false").lower() == "true"

    def column(key: str) -> int:
        value = settings.get(key, "")
        return int(value) - 1 if value.isdigit() else -1

    deck_col, skip = column("deck column"), {column(k) for k in ("notetype column", "tags column", "guid column")}
    fixed_deck = settings.get("deck", "")
    md: list[str] = []
    numbers: list[int] = []
    deck_now = None
    reader = csv.reader(lines[body:], delimiter=sep)
    seen = 0
    for row in reader:
        n, seen = body + seen + 1, reader.line_num  # a card cites the line it begins on
        if not any(cell.strip() for cell in row):
            continue
        deck = row[deck_col] if 0 <= deck_col < len(row) else fixed_deck or name
        deck = " > ".join(part.strip() for part in deck.split("::") if part.strip()) or name
        if deck != deck_now:
            md += ["", f"# {deck}", ""]
            numbers += [n, n, n]
            deck_now = deck
        fields = [_field(cell, is_html) for k, cell in enumerate(row) if k != deck_col and k not in skip]
        fields = [f for f in fields if f]
        if not fields:
            continue
        front, rest = fields[0], fields[1:]
        md.append(f"- {front.rstrip(':')}: {'; '.join(rest)}" if rest else f"- {front}")
        numbers.append(n)
    return md, numbers


__all__ = ["looks_like_anki", "to_markdown"]
