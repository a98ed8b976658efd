"""A Freeplane or FreeMind mind map (`.mm`), read as the outline it draws.

A mind map is XML: `<map>` around one central `<node TEXT="...">`, each node nested in the node it
hangs from, its letters outside ASCII written `&#x103;`, with `CREATED`/`MODIFIED` times in epoch
milliseconds; a long node's text is HTML in `<richcontent TYPE="NODE">`, a note under it
`<richcontent TYPE="NOTE">` (Freeplane also `TYPE="DETAILS"`), and `<attribute NAME= VALUE=>` rows.
Read as plain text it was a list of `<node TEXT="n&#x103;scut ..." ID=... CREATED=...>` lines.
Here the central node is the page's title and every other node what it is in an outline
(memory/opml.py): a node with nodes under it a heading over them, one without a bullet, each on
the file line its tag opens; each node is dated by its `MODIFIED` day, so a later note elsewhere
reads as newer than what the map said.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from datetime import datetime, timezone
from pathlib import Path

from memory import html
from memory.opml import _Item, outline_markdown

MM_EXT = {".mm"}


def looks_like_mind_map(path: Path, lines: list[str]) -> bool:
    head = " ".join(lines[:3]).lstrip("\ufeff")
    return path.suffix.lower() in MM_EXT and bool(re.match(r"\s*(?:<\?xml[^>]*>\s*)?<map\b", head))


def _day(ms: str) -> str:
    try:
        return datetime.fromtimestamp(int(ms) / 1000, tz=timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return ""


def _html_text(markup: str) -> str:
    md, _, _ = html.to_markdown(markup)
    return " ".join(" ".join(md).split())


def to_markdown(text: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, file line of each markdown line, (file line, day) of each node). Raises
    xml.parsers.expat.ExpatError for a map that is not well-formed."""
    parser = xml.parsers.expat.ParserCreate()
    root = _Item("", "", 0)
    stack = [root]
    days: dict[int, str] = {}
    rich: list = []  # [kind, depth, parts] while inside a <richcontent>

    def start(name, attrs):
        if rich:
            rich[1] += 1
            attrs_text = "".join(f' {k}="{v}"' for k, v in attrs.items() if k in ("href", "src"))
            rich[2].append(f"<{name}{attrs_text}>")
            return
        if name == "node":
            item = _Item(attrs.get("TEXT", ""), "", parser.CurrentLineNumber)
            stack[-1].children.append(item)
            stack.append(item)
            if (day := _day(attrs.get("MODIFIED", "") or attrs.get("CREATED", ""))):
                days[item.line] = day
        elif name == "richcontent" and len(stack) > 1:
            rich[:] = [attrs.get("TYPE", "NODE").upper(), 0, []]
        elif name == "attribute" and len(stack) > 1 and attrs.get("NAME"):
            note = f"{attrs['NAME']}: {attrs.get('VALUE', '')}"
            stack[-1].note = f"{stack[-1].note}; {note}" if stack[-1].note else note

    def end(name):
        if rich:
            if name == "richcontent" and rich[1] == 0:
                words = _html_text("".join(rich[2]))
                item = stack[-1]
                if rich[0] == "NODE" and not item.text:
                    item.text = words
                elif words:
                    item.note = f"{item.note}; {words}" if item.note else words
                rich.clear()
            else:
                rich[1] -= 1
                rich[2].append(f"</{name}>")
            return
        if name == "node" and len(stack) > 1:
            stack.pop()

    def chars(data):
        if rich:
            rich[2].append(data.replace("&", "&amp;").replace("<", "&lt;"))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(text, True)
    nodes = root.children
    if len(nodes) == 1:  # the central node: the map's title
        centre = nodes[0]
        title = re.sub(r"\s+", " ", centre.text).strip()
        # A node with nothing under it is said of the whole map: before the branches, whose
        # headings would otherwise take it in.
        items = ([_Item(centre.note, "", centre.line)] if centre.note else []) + [
            c for c in centre.children if not c.children] + [c for c in centre.children if c.children]
        md, numbers = outline_markdown(title, centre.line, items)
    else:
        md, numbers = outline_markdown("", 0, nodes)
    return md, numbers, sorted(days.items())
