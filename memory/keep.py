"""Google Keep notes from a Google Takeout export, read as the markdown they mean.

Takeout writes each Keep note twice, as `Title.json` (one line: `title`, `textContent` or a
checklist's `listContent`, `isTrashed`, `labels`, `userEditedTimestampUsec` in epoch
microseconds) and as `Title.html` (the same text in `<div class="content">`, `<br>`-separated, and
the edit time as "19 Jul 2026, 09:02:45"). Read as data, the JSON is one long line of styling
(`textContentHtml`) and flags; read as code, the HTML says nothing. The JSON is the note: its
title heads its lines, a ticked checklist item is done, the edit time is the page's date. The HTML
beside it is the same note again, so it is left out with a reason; an HTML copy alone (the JSON
deleted) is read from its content block.
"""
from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from pathlib import Path

from memory.datafiles import json_object

_KEEP_KEYS = {"textContent", "listContent"}
_HTML_TITLE = re.compile(r'<div class="title">(.*?)</div>', re.DOTALL)
_HTML_CONTENT = re.compile(r'<div class="content">(.*?)</div>\s*(?:<div class="(?:chips|annotations|attachments)"|</div>\s*</body>)', re.DOTALL)
_HTML_STAMP = re.compile(r'<div class="heading">.*?(\d{1,2} [A-Z][a-z]{2} \d{4}), \d{1,2}:\d{2}', re.DOTALL)


def note(lines: list[str]) -> dict | None:
    """The Keep note a `.json` file holds, or None when it is not one."""
    data = json_object(lines, "userEditedTimestampUsec")
    return data if data is not None and _KEEP_KEYS & set(data) else None


def is_keep_html(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:12])
    return path.suffix.lower() in (".html", ".htm") and '<div class="note' in head


def json_beside(path: Path) -> bool:
    """Whether the HTML copy of a Keep note has its JSON beside it (which is then the one read)."""
    twin = path.with_suffix(".json")
    try:
        return twin.is_file() and note(twin.read_text(encoding="utf-8", errors="replace").splitlines()) is not None
    except OSError:
        return False


def written(data: dict) -> str:
    stamp = data.get("userEditedTimestampUsec") or data.get("createdTimestampUsec")
    try:
        return datetime.fromtimestamp(int(stamp) / 1_000_000, tz=timezone.utc).strftime("%Y-%m-%d")
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def to_markdown(data: dict, fallback_title: str) -> list[str]:
    """The note's title as a heading over its text; a checklist as task items."""
    title = " ".join(str(data.get("title") or "").split()) or fallback_title
    out = [f"# {title}", ""]
    for item in data.get("listContent") or []:
        if isinstance(item, dict) and str(item.get("text", "")).strip():
            box = "x" if item.get("isChecked") else " "
            out.append(f"- [{box}] {' '.join(str(item['text']).split())}")
    text = str(data.get("textContent") or "")
    out.extend(text.replace("\r\n", "\n").split("\n"))
    for link in data.get("annotations") or []:
        if isinstance(link, dict) and link.get("title"):
            out.append(f"- Link: {link['title']} {link.get('url', '')}".rstrip())
    return out


def html_to_markdown(lines: list[str], fallback_title: str) -> tuple[list[str], str]:
    """The title, content and edit day of a Keep HTML copy (when its JSON is gone)."""
    page = "\n".join(lines)
    title = _HTML_TITLE.search(page)
    content = _HTML_CONTENT.search(page)
    body = content.group(1) if content else ""
    body = re.sub(r'<li class="listitem checked">', "\n- [x] ", body)
    body = re.sub(r"<li[^>]*>", "\n- [ ] ", body)
    body = re.sub(r"<br\s*/?>|</p>|</li>", "\n", body)
    body = re.sub(r'<span class="bullet">[^<]*</span>', "", body)
    body = html.unescape(re.sub(r"<[^>]+>", "", body))
    name = html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip() if title else ""
    out = [f"# {' '.join(name.split()) or fallback_title}", ""] + [line.rstrip() for line in body.split("\n")]
    stamp = _HTML_STAMP.search(page)
    day = ""
    if stamp:
        try:
            day = datetime.strptime(stamp.group(1), "%d %b %Y").strftime("%Y-%m-%d")
        except ValueError:
            day = ""
    return out, day


def is_trashed(data: dict) -> bool:
    return bool(data.get("isTrashed"))
