"""A RedNotebook journal month (`data/2026-07.txt`): YAML, one flow mapping per day.

    19: {text: 'Can''ın doğum günü, 5 yaşında. Video call with Zeynep,
        he showed us every dinosaur.'}
    26: {Ev: {kira: null}, text: 'Kemal Bey said the yearly increase ...'}

Read as text, the day of the month is a bare "19:" and the month is only in the file's name. Each
day becomes a heading with its full date and its categories ("2026-07-26 Ev: kira") over its
text, line for line, so a later entry is known to be later and cites its own line.
"""
from __future__ import annotations

import re
from pathlib import Path

_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.txt$")
_DAY = re.compile(r"^(\d{1,2}):\s*\{(.*)$")
_CATEGORY = re.compile(r"([^\s{},:][^{},:]*):\s*\{([^{}]*)\}")
_TEXT = re.compile(r"\btext:\s*'")


def is_month(path: Path, lines: list[str]) -> bool:
    first = next((ln for ln in lines if ln.strip()), "")
    return bool(_MONTH_FILE.match(path.name)) and bool(_DAY.match(first))


def to_markdown(path: Path, lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line of each markdown line, (file line, day) of each entry)."""
    year, month = _MONTH_FILE.match(path.name).groups()
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []
    in_text = False
    for n, line in enumerate(lines, 1):
        day = _DAY.match(line)
        if day and not in_text:
            date = f"{year}-{month}-{int(day.group(1)):02d}"
            rest = day.group(2)
            cats = [f"{c.strip()}: {', '.join(k.split(':')[0].strip() for k in tags.split(',') if k.strip())}".rstrip(": ")
                    for c, tags in _CATEGORY.findall(rest.split("text:")[0])]
            md += [f"## {' '.join([date] + cats)}", ""]
            numbers += [n, n]
            days.append((n, date))
            opened = _TEXT.search(rest)
            if not opened:
                continue
            line, in_text = rest[opened.end():], True
        elif not in_text:
            continue
        body = line.strip()
        end = _closing_quote(body)
        if end is not None:
            body, in_text = body[:end], False
        md.append(body.replace("''", "'"))
        numbers.append(n)
        if not in_text:
            md.append("")
            numbers.append(n)
    return md, numbers, days


def _closing_quote(text: str) -> int | None:
    """Where the single-quoted text ends on this line ('' is a quote inside it), if it does."""
    i = 0
    while i < len(text):
        if text[i] == "'":
            if text[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


__all__ = ["is_month", "to_markdown"]
