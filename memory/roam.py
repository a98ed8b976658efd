"""A Roam Research JSON export, read as the graph of pages it shows.

Roam exports a graph as one JSON array of pages: each a `title` over nested `children` blocks,
each block a `string` (with `Key:: value` attributes, `[[page links]]`, `#[[tags]]`, `((uid))`
block references, `{{[[TODO]]}}` boxes) and `create-time`/`edit-time` in epoch milliseconds.
Daily notes are pages titled the Roam way ("May 28th, 2026"). Read as data, the export was one
line of uids, user ids and stamps. Here each page is a heading over its blocks: a block with
blocks under it is a heading over them (as an outline's item is, memory/opml.py), a block without
a bullet, an attribute "Key: value", a link or tag its page's name, a block reference the words
it points to. Roam writes the export on one line; every statement cites that line (or, when the
file was pretty-printed, the line its words are on, and each page is dated by its own day: a
daily page by its title, any other by the last edit of its blocks).
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

from memory.datafiles import ValueLines

_HEADING_CHARS = 100  # a block longer than this is something said, with its blocks as bullets
_DAILY = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December)"
                    r" (\d{1,2})(?:st|nd|rd|th), (\d{4})")
_MONTHS = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July", "August",
                                       "September", "October", "November", "December"), 1)}


def graph_of(path: Path, text: str) -> list[dict] | None:
    """The pages of a Roam export when `text` is one, else None."""
    head = text.lstrip()[:4000]
    if path.suffix.lower() != ".json" or not head.startswith("[") or '"title"' not in head:
        return None
    if '"string"' not in text and '"edit-time"' not in head and '"create-time"' not in head:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, list) or not data or not all(isinstance(p, dict) and isinstance(p.get("title"), str) for p in data):
        return None
    blocks = [b for p in data for b in p.get("children") or [] if isinstance(b, dict)]
    if not any("string" in b for b in blocks) or not all("string" in b or "children" in b for b in blocks):
        return None
    return data


def daily_day(title: str) -> str:
    """A daily page's day, ISO ("May 28th, 2026" -> "2026-05-28"); "" for any other page."""
    m = _DAILY.fullmatch(title.strip())
    return f"{int(m.group(3)):04d}-{_MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}" if m else ""


def _stamp_day(ms: object) -> str:
    try:
        return datetime.fromtimestamp(int(ms) / 1000, tz=timezone.utc).strftime("%Y-%m-%d")
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def _words(text: str, refs: dict[str, str], depth: int = 0) -> str:
    """A block's string as its words: links and tags their page's name, references resolved."""
    if depth < 3:
        text = re.sub(r"\(\(([\w-]+)\)\)", lambda m: _words(refs[m.group(1)], refs, depth + 1) if m.group(1) in refs else "", text)
    text = re.sub(r"\{\{\s*\[\[(?:TODO|DONE)\]\]\s*\}\}\s*", "", text)
    text = re.sub(r"\{\{[^{}]*\}\}", "", text)
    text = re.sub(r"#?\[\[([^\[\]]*)\]\]", r"\1", text)
    text = re.sub(r"(?<![\w#&])#([^\W\d_][\w/-]*)", r"\1", text)
    text = re.sub(r"\^\^(.+?)\^\^", r"\1", text)
    text = re.sub(r"^([^:\n]{1,60}?)::\s*", r"\1: ", text)  # an attribute "Key:: value"
    return re.sub(r"\s+", " ", text).strip()


def _all_blocks(items: list) -> list[dict]:
    out: list[dict] = []
    for b in items or []:
        if isinstance(b, dict):
            out.append(b)
            out += _all_blocks(b.get("children"))
    return out


def to_markdown(pages: list[dict], lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each page)."""
    where = ValueLines(lines)
    one_line = len(lines) <= 1
    refs = {str(b["uid"]): str(b.get("string") or "") for p in pages for b in _all_blocks(p.get("children")) if b.get("uid")}
    out: list[tuple[int, str]] = []
    days: list[tuple[int, str]] = []

    def line_of(key: str, value: str, after: int) -> int:
        return 1 if one_line else where.line(key, value, after)

    def walk(block: dict, depth: int, as_bullet: bool, after: int) -> None:
        raw = str(block.get("string") or "")
        words = _words(raw, refs)
        n = line_of("string", raw, after)
        children = [c for c in block.get("children") or [] if isinstance(c, dict)]
        if children and not as_bullet and words and len(words) <= _HEADING_CHARS and depth + 2 <= 6:
            out.extend([(n, "#" * (depth + 2) + " " + words), (n, "")])
            for child in children:
                walk(child, depth + 1, False, n)
            return
        indent = "  " * (depth if as_bullet else 0)
        if words:
            done = "[x] " if "{{[[DONE]]}}" in raw.replace(" ", "") else ""
            out.append((n, f"{indent}- {done}{words}"))
        for child in children:
            walk(child, depth + 1 if as_bullet else 1, True, n)
        if not as_bullet:
            out.append((n, ""))

    for page in pages:
        title = str(page.get("title") or "").strip()
        n = line_of("title", page.get("title") or "", 0)
        blocks = [b for b in page.get("children") or [] if isinstance(b, dict)]
        if not blocks:
            continue
        edits = [d for b in _all_blocks(blocks) if (d := _stamp_day(b.get("edit-time")))]
        days.append((n, daily_day(title) or max(edits, default=_stamp_day(page.get("edit-time")))))
        out.extend([(n, f"# {_words(title, refs)}"), (n, "")])
        # A block with blocks under it heads them until the next heading: the page's own lines
        # come first, so none is read as the last heading's.
        for block in sorted(blocks, key=lambda b: bool(_words(str(b.get("string") or ""), refs) and b.get("children"))):
            walk(block, 0, False, n)
    # On one line every page is on the same line: no day can be told apart, so none is given.
    return [t for _, t in out], [n for n, _ in out], [] if one_line else sorted(days)
