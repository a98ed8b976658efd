"""LINE chat history exports (`[LINE] Chat with Beam.txt`), read as messages under their days.

LINE saves a chat as text: a title line, "Saved on:", then a line for each day ("Sun,
27/09/2026") over tab-separated messages ("21:03<TAB>Beam<TAB>found it: Baan Suan Dao ...").
Read as text, a day was a statement of its own and a message knew neither its day nor, split into
sentences, who wrote its second half. Each day becomes a heading (ISO when the file's dates tell
day from month), each message one bullet "Beam: ..." at its line; a message written over several
lines is one bullet. The export's own stamp ("Saved on:") is left out.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.qif import day_first, iso_date

_TITLE = re.compile(r"^\ufeff?\[LINE\]\s*(?:Chat history (?:with|in)|Chat (?:with|in))\s+(.*)$")
_DAY = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+(\d{1,2})/(\d{1,2})/(\d{4})\s*$"
                  r"|^(\d{4})/(\d{1,2})/(\d{1,2})\s*\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\)\s*$")
_MESSAGE = re.compile(r"^(\d{1,2}:\d{2}(?:\s?[AP]M)?)\t([^\t]*)\t(.*)$")


def looks_like_line_chat(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() == ".txt" and bool(lines) and bool(_TITLE.match(lines[0].strip()))


def _slashed(day: re.Match) -> str:
    return f"{day.group(1)}/{day.group(2)}/{day.group(3)}"


def to_markdown(lines: list[str], name: str) -> tuple[list[str], list[int]]:
    title = _TITLE.match(lines[0].strip())
    md, numbers = [f"# Chat with {title.group(1).strip() if title else name}", ""], [1, 1]
    first = day_first([_slashed(m) for line in lines if (m := _DAY.match(line.strip())) and m.group(1)])
    for n, raw in enumerate(lines[1:], 2):
        line = raw.rstrip()
        if not line.strip() or (n <= 3 and line.startswith("Saved on")):
            continue
        if day := _DAY.match(line.strip()):
            if day.group(4):
                heading = f"{day.group(4)}-{int(day.group(5)):02d}-{int(day.group(6)):02d}"
            else:
                heading = iso_date(_slashed(day), first) if first is not None else line.strip()
            md += ["", f"## {heading}", ""]
            numbers += [n, n, n]
            continue
        if msg := _MESSAGE.match(line):
            text = msg.group(3).strip().strip('"') if msg.group(3).startswith('"') else msg.group(3).strip()
            md.append(f"- {msg.group(2).strip()}: {text}" if msg.group(2).strip() else f"- {text}")
            numbers.append(n)
        elif md and md[-1].startswith("- "):
            md[-1] += " " + line.strip().strip('"')  # a message written over several lines
        else:
            md.append(line)
            numbers.append(n)
    return md, numbers
