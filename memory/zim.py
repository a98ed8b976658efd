"""Zim desktop-wiki pages (`text/x-zim-wiki`), read as the markdown they mean.

A Zim notebook is a folder of `.txt` pages, each opening with a header block
(`Content-Type: text/x-zim-wiki`, `Wiki-Format:`, `Creation-Date:`), then `====== Title ======`
(six `=` is the top level, two the lowest) and the "Created Sunday 16 November 2025" line Zim
writes under it. Read as plain text, the header became three statements and the headings none.
Each line is rewritten on the same line number:

    Content-Type: text/x-zim-wiki   ->  (blank: bookkeeping)
    ====== Auta ======              ->  # Auta
    [*] renew OC                    ->  - [x] renew OC
    [[Dom:Auta|the cars]]           ->  the cars
    ''/Dokumenty/skany''            ->  /Dokumenty/skany

The Journal plugin files a day's page as `Journal/2026/05/09.txt`: that day is the page's date.
`notebook.zim` (the notebook's settings) says nothing about the user.
"""
from __future__ import annotations

import re
from pathlib import Path

_HEADER_KEYS = ("Content-Type:", "Wiki-Format:", "Creation-Date:")
_HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*\1\s*$")
_CREATED = re.compile(r"^Created (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}\s*$")
_BOX = re.compile(r"^(\s*)(?:[*-]\s+)?\[([ *xX><])\]\s+")
_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_IMAGE = re.compile(r"\{\{[^}]*\}\}")
_JOURNAL = re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})\.txt$")


def looks_like_zim(lines: list[str]) -> bool:
    return bool(lines) and lines[0].strip().lower() == "content-type: text/x-zim-wiki"


def is_settings(path: Path, lines: list[str]) -> bool:
    """`notebook.zim`: the notebook's name, home page and options."""
    return path.name == "notebook.zim" and bool(lines) and lines[0].strip() == "[Notebook]"


def _link(m: re.Match) -> str:
    if m.group(2):
        return m.group(2)
    target = m.group(1).strip().lstrip("+").rstrip("/")
    return re.split(r"[:/]", target)[-1] or target


def to_markdown(lines: list[str]) -> list[str]:
    out = list(lines)
    header = True
    seen_title = False
    for i, line in enumerate(lines):
        if header:
            if line.startswith(_HEADER_KEYS):
                out[i] = ""
                continue
            header = False
        m = _HEADING.match(line)
        if m:
            out[i] = "#" * (7 - len(m.group(1))) + " " + m.group(2)
            seen_title = True
            continue
        if seen_title and _CREATED.match(line):
            out[i] = ""  # Zim's own stamp under the title, not something the user wrote
            continue
        text = _BOX.sub(lambda b: f"{b.group(1)}- [{'x' if b.group(2) in '*xX' else ' '}] ", line)
        text = _LINK.sub(_link, text)
        text = _IMAGE.sub("", text)
        text = re.sub(r"''(.+?)''", r"\1", text)
        text = re.sub(r"(?<!:)//(.+?)//", r"\1", text)  # italics; not a URL's "https://"
        text = re.sub(r"__(.+?)__", r"\1", text)
        out[i] = text
    return out


def journal_day(path: Path) -> str:
    """The day of a Journal plugin page (`Journal/2026/05/09.txt`), "" for any other page."""
    m = _JOURNAL.search(path.as_posix())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m and "journal" in path.as_posix().lower() else ""
