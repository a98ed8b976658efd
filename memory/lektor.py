"""Pages of a Lektor project (`content/**/contents.lr` beside a `*.lektorproject`): fields
separated by `---` lines, each `key: value` or `key:` over lines of markdown; flow fields hold
blocks (`#### person ####`) whose own fields are separated by `----`.

Read as markdown, `---` underlined the line before it into a heading ("title: Promotion" headed
the page), a journal entry was never dated by its `pub_date`, and a contacts page's blocks fell
apart into "name: Naledi Modise" and, two lines down, "phone: 72 615 048", so no line held both.
Here, line for line (every line keeps its file line):

    title: Promotion          ->  # Promotion
    pub_date: 2026-10-23      ->  (the page's day: the latest of pub_date, date, updated)
    _model: entry / tags: ... ->  (left out: how the site files and renders the page)
    rent: P4,800              ->  Rent: P4,800
    body:                     ->  (the markdown under it, as it is; a multi-line field of another
    (markdown)                     name is headed by its name: "people:" -> ## People)
    #### person ####          ->  Name: Naledi Modise; Phone: 72 615 048   (one line per block)
    name: Naledi Modise
    ----
    phone: 72 615 048

A literal `---` in a field is written `----` (one dash more); it is read back. The project's
models, flow block definitions and databags (`.ini` files) are settings, not notes.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.quarto import DAY

_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_BLOCK = re.compile(r"^#{4}\s*([\w-]+)\s*#{4}\s*$")
_DATE_KEYS = {"pub_date", "date", "updated", "last_modified", "modified"}
# What the site reads to file and render a page, not what the page says.
_SITE_KEYS = {"tags", "author", "authors", "categories", "category", "slug", "template", "sort_key", "twitter_handle"}
_PROSE_KEYS = {"body", "text", "content", "intro", "summary", "description", "html"}
_SETTINGS_DIRS = {"models", "flowblocks", "databags"}


def is_content(path: Path) -> bool:
    """A Lektor page's `contents.lr` (or an alternative's `contents+de.lr`)."""
    return path.suffix == ".lr" and path.name.startswith("contents")


def is_settings(path: Path) -> bool:
    """The project file, or a model, flow block or databag `.ini` beside it."""
    if path.suffix == ".lektorproject":
        return True
    if path.suffix != ".ini" or path.parent.name not in _SETTINGS_DIRS:
        return False
    try:
        return any(path.parent.parent.glob("*.lektorproject"))
    except OSError:
        return False


def _label(key: str) -> str:
    return key.replace("_", " ").strip().capitalize()


def _unescape(line: str, sep: str) -> str:
    """A literal `---` is written with one dash more than the separator around it."""
    s = line.strip()
    return line.replace("-", "", 1) if set(s) == {"-"} and len(s) > len(sep) else line


def _fields(lines: list[str], start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """The (first, end) line ranges of the fields between `start` and `end`, split at `sep` lines."""
    spans, first = [], start
    for i in range(start, end):
        if lines[i].strip() == sep:
            spans.append((first, i))
            first = i + 1
    spans.append((first, end))
    return spans


def _block_record(lines: list[str], start: int, end: int) -> str:
    """A flow block's fields as one "Name: value; Other: value" line."""
    parts = []
    for first, stop in _fields(lines, start, end, "----"):
        head = next((i for i in range(first, stop) if lines[i].strip()), None)
        if head is None or not (m := _FIELD.match(lines[head])):
            continue
        key, value = m.group(1), m.group(2).strip()
        if key.startswith("_"):
            continue
        rest = " ".join(_unescape(lines[i], "----").strip() for i in range(head + 1, stop) if lines[i].strip())
        value = " ".join(v for v in (value, rest) if v)
        if value:
            parts.append(f"{_label(key)}: {value}")
    return "; ".join(parts)


def to_markdown(lines: list[str]) -> tuple[list[str], str]:
    """The page as markdown, line for line, and the day it was written ("")."""
    out = [""] * len(lines)
    days: list[str] = []
    has_title = False
    for first, stop in _fields(lines, 0, len(lines), "---"):
        head = next((i for i in range(first, stop) if lines[i].strip()), None)
        if head is None or not (m := _FIELD.match(lines[head])):
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key.startswith("_") or key in _SITE_KEYS:
            continue
        if key in _DATE_KEYS:
            if d := DAY.match(value):
                days.append(d.group(0))
            continue
        if key == "title" and value:
            out[head] = f"# {value}"
            has_title = True
            continue
        if value:
            out[head] = f"{_label(key)}: {value}"
            continue
        if key not in _PROSE_KEYS:
            out[head] = f"{'##' if has_title else '#'} {_label(key)}"
        block = None  # the header line of the flow block being read
        for i in range(head + 1, stop + 1):
            if i < stop and not _BLOCK.match(lines[i]):
                if block is None:
                    out[i] = _unescape(lines[i], "---")
                continue
            if block is not None:
                out[block] = _block_record(lines, block + 1, i)
            block = i if i < stop else None
    written = max(days, default="")
    return out, written


__all__ = ["is_content", "is_settings", "to_markdown"]
