"""An Emacs diary file (`~/diary`, `~/.emacs.d/diary`): one entry per line, its date first.

    ;; Birthdays
    %%(diary-anniversary 21 6 1958) Mum's birthday, %d years
    Tuesday 20:30 Five-a-side at the sports centre
    5/* Rent transfer
    12/11/2026 10:30 Dentist

Read as text, the entries run together into one paragraph, and the dates mean nothing: "12/11"
is the 12th of November only when the file says `calendar-date-style european`, the birthday
hides inside a Lisp call. Each entry becomes a line of its own, under its comment as a heading,
with its date written out in words ("12 November 2026 10:30: Dentist", "Every year on 21 June
(since 1958): Mum's birthday"), so the date style of the file, not a guess, decides the day.
"""
from __future__ import annotations

import calendar
import re
from pathlib import Path

_SEXP = re.compile(r"^&?%%\((diary-[\w-]+)((?:\s+[-\w'\"]+)*)\s*\)\s*(.*)$")
_NUMERIC = re.compile(r"^&?(\d{1,4}|\*)/(\d{1,2}|\*)(?:/(\d{2,4}|\*))?(?=\s|$)\s*(.*)$")
_TIME = re.compile(r"^(\d{1,2}(?::\d{2})?\s*(?:[ap]m)?|\d{1,2}:\d{2})(?=\s)\s*(.*)$", re.IGNORECASE)
_DAYNAME = re.compile(r"^&?(" + "|".join(calendar.day_name) + r")\b\s*(.*)$", re.IGNORECASE)
_STYLE = re.compile(r"calendar-date-style\W+(european|american|iso)", re.IGNORECASE)
_WEEKDAYS = list(calendar.day_name)  # Monday first; Emacs counts from Sunday = 0
_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last", -2: "second to last"}


def looks_like_diary(path: Path, lines: list[str]) -> bool:
    if any(_SEXP.match(ln) for ln in lines[:400]):
        return True
    return path.name.lower() == "diary" and any(_NUMERIC.match(ln) or _DAYNAME.match(ln) for ln in lines[:50])


def _style(lines: list[str]) -> str:
    m = next((m for ln in lines[:20] if (m := _STYLE.search(ln))), None)
    return m.group(1).lower() if m else "american"  # Emacs's own default


def _day_month_year(style: str, a: str, b: str, c: str | None) -> tuple[str, str, str | None]:
    if style == "european":
        return a, b, c
    if style == "iso":
        return (b, c, a) if c else (b, a, None)
    return b, a, c


def _date(day: str, month: str, year: str | None) -> str | None:
    """"21", "6", "1958" -> "21 June 1958"; None when it is no date ("31/13")."""
    try:
        d, m = int(day), int(month)
    except ValueError:
        return None
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    text = f"{d} {calendar.month_name[m]}"
    return f"{text} {year}" if year else text


def _sexp_entry(style: str, name: str, args: list[str], text: str) -> str:
    """The date a diary function stands for, in words, before the entry's text."""
    text = text.replace("%d", "N")
    if name == "diary-anniversary" and len(args) >= 2:
        d, m, y = _day_month_year(style, args[0], args[1], args[2] if len(args) > 2 else None)
        when = _date(d, m, None)
        if when:
            return f"Every year on {when}{f' (since {y})' if y else ''}: {text}"
    if name == "diary-block" and len(args) == 6:
        start = _date(*_day_month_year(style, *args[:3]))
        end = _date(*_day_month_year(style, *args[3:]))
        if start and end:
            return f"{start} to {end}: {text}"
    if name == "diary-date" and len(args) == 3:
        d, m, y = _day_month_year(style, *args)
        if d.isdigit() and m.isdigit():
            return f"{_date(d, m, y if y.isdigit() else None) or ' '.join(args)}: {text}"
    if name == "diary-float" and len(args) >= 3 and args[1].isdigit() and re.fullmatch(r"-?\d", args[2]):
        month = "every month" if args[0] == "t" else (calendar.month_name[int(args[0])] if args[0].isdigit() and 1 <= int(args[0]) <= 12 else args[0])
        weekday = _WEEKDAYS[(int(args[1]) - 1) % 7]
        return f"The {_NTH.get(int(args[2]), args[2])} {weekday} of {month}: {text}"
    if name == "diary-cyclic" and len(args) == 4 and args[0].isdigit():
        start = _date(*_day_month_year(style, *args[1:]))
        return f"Every {args[0]} days from {start or ' '.join(args[1:])}: {text}"
    return text


def _entry(style: str, line: str) -> str:
    sexp = _SEXP.match(line)
    if sexp:
        return _sexp_entry(style, sexp.group(1), sexp.group(2).split(), sexp.group(3))
    return _timed(_dated(style, line))


def _timed(text: str) -> str:
    """The time an entry starts with, moved to its date: "12 November 2026 10:30: Dentist"."""
    when, sep, rest = text.partition(": ")
    time = _TIME.match(rest) if sep else None
    if time and any(ch in time.group(1) for ch in ":apAP"):
        return f"{when} {time.group(1)}: {time.group(2)}"
    return text


def _dated(style: str, line: str) -> str:
    num = _NUMERIC.match(line)
    if num:
        a, b, c, text = num.groups()
        d, m, y = _day_month_year(style, a, b, c)
        if m == "*" and d.isdigit():
            return f"Every month on day {int(d)}: {text}"
        when = _date(d, m, y if y and y != "*" else None)
        if when:
            return f"{when}: {text}" if y and y != "*" else f"Every year on {when}: {text}"
    day = _DAYNAME.match(line)
    if day:
        return f"Every {day.group(1).capitalize()}: {day.group(2)}"
    return line.lstrip("&")


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    """(markdown, the file line of each markdown line): a comment is a heading, an entry a line
    of its own with its indented continuation lines."""
    style = _style(lines)
    md: list[str] = []
    numbers: list[int] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.lstrip().startswith(";"):
            title = line.strip().lstrip(";").strip()
            if title and not _STYLE.search(title):
                md += ["", f"## {title}", ""]
                numbers += [n, n, n]
            continue
        if line[:1].isspace() and len(md) >= 2 and md[-1] == "" and md[-2] and not md[-2].startswith("#"):
            md[-2] += " " + line.strip()  # a continuation of the entry above
            continue
        md += [_entry(style, line.strip()), ""]
        numbers += [n, n]
    return md, numbers
