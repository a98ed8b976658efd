"""A Tomboy or Gnote note (`*.note`): XML around the text the user wrote.

The file is the note's title, its text inside `<note-content>` with markup for bold, lists and
links, then the app's bookkeeping (window size, cursor position, dates). Read as text, the title
line was `<title>Ilona</title>` and the bookkeeping became statements; here the title is a
heading over the text, line for line, and the last change is the day the note was written.
"""
from __future__ import annotations

import html
import re

_ROOT = re.compile(r"<note\b[^>]*tomboy", re.IGNORECASE)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_CHANGED = re.compile(r"<last-change-date>(\d{4}-\d{2}-\d{2})")
_OPEN = re.compile(r"<note-content\b[^>]*>")
_CLOSE = "</note-content>"
_LIST_ITEM = re.compile(r"<list-item\b[^>]*>")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^>]*)?>")


def looks_like_note(lines: list[str]) -> bool:
    head = "\n".join(lines[:5])
    return bool(_ROOT.search(head)) and any(_OPEN.search(line) for line in lines)


def written(lines: list[str]) -> str:
    m = _CHANGED.search("\n".join(lines))
    return m.group(1) if m else ""


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    """The note's title as a heading over its text; each line numbered as in the file."""
    text = "\n".join(lines)
    title_m = _TITLE.search(text)
    title = html.unescape(title_m.group(1)).strip() if title_m else ""
    md: list[str] = [f"# {title}", ""] if title else []
    numbers: list[int] = [title_line(lines)] * 2 if title else []
    inside = False
    first = True
    for n, line in enumerate(lines, 1):
        if not inside:
            m = _OPEN.search(line)
            if not m:
                continue
            inside, line = True, line[m.end():]
        end = line.find(_CLOSE)
        if end >= 0:
            line = line[:end]
        body = _LIST_ITEM.sub("- ", line)
        body = html.unescape(_TAG.sub("", body)).rstrip()
        if first:
            first = False
            if body.strip() == title:
                body = ""  # the app repeats the title as the text's first line
        md.append(body)
        numbers.append(n)
        if end >= 0:
            break
    return md, numbers


def title_line(lines: list[str]) -> int:
    return next((n for n, line in enumerate(lines, 1) if "<title>" in line), 1)


__all__ = ["looks_like_note", "to_markdown", "written"]
