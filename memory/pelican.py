"""Pages of a Pelican site (`content/` beside `pelicanconf.py`): markdown opening with a block of
`Key: value` metadata lines, no `---` around them (Python-Markdown's meta form).

Read as plain markdown, each metadata line became a statement ("Slug: new-job", "Title: Work")
that search returned beside the facts, and no page was dated, so a page's old value could never be
told older than a journal article's new one. Here, line for line (every line keeps its file line):

    Title: Moving south          ->  # Moving south        (unless the page has a "# " heading)
    Date: 2026-09-24 22:40       ->  (the page's day: the latest of Date and Modified; else the
    Modified: 2026-10-01              day its file is named by, 2026-09-24-moving-south.md)
    Summary: Mia's school, …     ->  (left out: the blurb the site's index shows)
    Category: / Tags: / Slug: …  ->  (left out: how the site files the page)
    (blank line)                     the metadata ends at the first blank line

Kept, a Summary ("Mia's school, Leo's nursery, fees and contacts.") answered "Which school does Mia
go to?" before the page's own "School: ..." line; an article's facts are in its body.
`    :::bash`, the codehilite mark that opens an indented code block, is left out.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.quarto import DAY, page_day

_META = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
# Pelican's own metadata keys; a header made of these (Title first) is Pelican's, not a page's prose.
_KEYS = {"title", "date", "modified", "category", "tags", "slug", "author", "authors", "summary", "lang",
         "translation", "status", "template", "save_as", "url", "description", "keywords"}
_DATE_KEYS = ("date", "modified")
_CODEHILITE = re.compile(r"^\s{4,}:::[\w+-]+\s*$")


def _header_end(lines: list[str]) -> int | None:
    """The index of the blank line (or end) that closes a Pelican metadata header, or None."""
    if not lines or not (m := _META.match(lines[0])) or m.group(1).lower() != "title":
        return None
    keys = []
    for i, line in enumerate(lines[:40]):
        if not line.strip():
            return i if len(keys) >= 2 else None
        m = _META.match(line)
        if not m or m.group(1).lower() not in _KEYS:
            return None
        keys.append(m.group(1).lower())
    return len(lines) if len(lines) <= 40 and len(keys) >= 2 else None


def is_site_page(path: Path, lines: list[str]) -> bool:
    """A markdown page opening with Pelican's metadata: Title first, then at least one more of
    Pelican's keys, up to a blank line (inside a site beside `pelicanconf.py` or not)."""
    if path.suffix.lower() not in (".md", ".markdown", ".mdown", ".mkd"):
        return False
    return _header_end(lines) is not None


def to_markdown(lines: list[str], path: Path) -> tuple[list[str], str]:
    """The page as markdown, line for line, and the day it was written ("")."""
    out = list(lines)
    end = _header_end(lines) or 0
    has_heading = any(ln.startswith("# ") for ln in lines[end:])
    days = []
    for i in range(end):
        key, value = _META.match(lines[i]).groups()
        key, value = key.lower(), value.strip()
        out[i] = ""
        if key == "title" and value and not has_heading:
            out[i] = f"# {value}"
        elif key in _DATE_KEYS and (d := DAY.match(value)):
            days.append(d.group(0))
    for i in range(end, len(lines)):
        if _CODEHILITE.match(lines[i]):
            out[i] = ""
    return out, page_day(days, path)


__all__ = ["is_site_page", "to_markdown"]
