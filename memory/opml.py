"""OPML outlines (Dynalist, Workflowy, OmniOutliner, Logseq exports), read as markdown.

Read as plain text, an outline was XML: `<outline text="...">` lines the keyword index and the
reader could not take apart. Each outline item becomes what it is in the app, on the line of the
file it is written on: an item with items under it is a heading over them (so a journal's
"2026-10-02 (vie)" dates what is written under it), an item without is a bullet, and its note
(`_note`) a line under it. The document's `<title>` heads the page.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

OPML_EXT = {".opml"}
_HEADING_CHARS = 100  # an item longer than this is something said, with its items as bullets


@dataclass
class _Item:
    text: str
    note: str
    line: int
    done: bool = False
    children: list["_Item"] = field(default_factory=list)


def looks_like_opml(path: Path, lines: list[str]) -> bool:
    head = " ".join(lines[:5]).lower()
    return path.suffix.lower() in OPML_EXT or ("<opml" in head and "<outline" in " ".join(lines[:40]).lower())


def _read(text: str) -> tuple[str, int, list[_Item]]:
    parser = xml.parsers.expat.ParserCreate()
    root = _Item("", "", 0)
    stack = [root]
    title: list[str] = []
    title_line = [0]
    in_title = [False]

    def start(name, attrs):
        if name == "outline":
            item = _Item(attrs.get("text", attrs.get("title", "")), attrs.get("_note", ""), parser.CurrentLineNumber,
                         done=attrs.get("complete", attrs.get("_complete", "")).lower() == "true")
            stack[-1].children.append(item)
            stack.append(item)
        elif name == "title" and len(stack) == 1:
            in_title[0] = True
            title_line[0] = parser.CurrentLineNumber

    def end(name):
        if name == "outline" and len(stack) > 1:
            stack.pop()
        elif name == "title":
            in_title[0] = False

    def chars(data):
        if in_title[0]:
            title.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(text, True)
    return "".join(title).strip(), title_line[0], root.children


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def to_markdown(text: str) -> tuple[list[str], list[int]]:
    """Raises ValueError (xml.parsers.expat.ExpatError) for an outline that is not well-formed."""
    return outline_markdown(*_read(text))


def outline_markdown(title: str, title_line: int, items: list[_Item]) -> tuple[list[str], list[int]]:
    """An outline's items as markdown (also a mind map's nodes: memory/freeplane.py)."""
    out: list[tuple[int, str]] = []
    if title:
        out += [(title_line, f"# {_one_line(title)}"), (title_line, "")]

    def walk(item: _Item, depth: int, as_bullet: bool) -> None:
        words = _one_line(item.text)
        note = _one_line(item.note)
        if item.children and not as_bullet and len(words) <= _HEADING_CHARS and depth + 2 <= 6:
            out.append((item.line, "#" * (depth + 2) + " " + words))
            out.append((item.line, ""))
            if note:
                out.extend([(item.line, note), (item.line, "")])
            for child in item.children:
                walk(child, depth + 1, False)
            return
        if not as_bullet and not item.children and re.search(r"[.!?]\s+\S", words):
            # A journal's entry: prose, each sentence its own statement (a bullet stays whole).
            out.extend([(item.line, words), (item.line, "")] + ([(item.line, note), (item.line, "")] if note else []))
            return
        indent = "  " * (depth if as_bullet else 0)
        if words or note:
            box = "[x] " if item.done else ""
            out.append((item.line, f"{indent}- {box}{words}"))
            if note:
                out.append((item.line, f"{indent}  {note}"))
        for child in item.children:
            walk(child, depth + 1 if as_bullet else 1, True)
        if not as_bullet:
            out.append((item.line, ""))

    for item in items:
        walk(item, 0, False)
    return [t for _, t in out], [n for n, _ in out]
