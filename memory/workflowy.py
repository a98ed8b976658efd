"""A Workflowy plain-text export, read as the outline it is.

Workflowy's "Export > Plain text" writes one outline: each item a `- ` bullet indented two
spaces a level, an item's note as quoted lines (`"..."`) under it, a done item marked
`[COMPLETE]`, `#tags` in the text. Read as a plain list, an item's items did not hang under it
(a car's "VTV vence 11/2026" under the page's section, not under the car) and its note ran into
its text. Here the export is the outline memory/opml.py reads from Workflowy's OPML: an item with
items under it is a heading over them (and, when it says something more than a label, a bullet
under its own parent too: "Fiat Cronos — patente AE 512 KD"), its note a line under it, a done item a checked box, each
on the file line it is written on. A leaf item stays one bullet (never cut into sentences at
"Av."), and the heading of its parent is written again before leaves that follow a sibling's
items, so "Expensas" after "Alquiler"'s items hangs under the flat, not under the rent.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.opml import _Item, _one_line

_BULLET = re.compile(r"^((?:  )*)- (.*)$")
_NOTE = re.compile(r'^((?:  )*)"(.*)"\s*$')
_DONE = re.compile(r"^\[COMPLETE\]\s*")


def looks_like(path: Path, lines: list[str]) -> bool:
    """A .txt file of nothing but two-space-indented `- ` bullets and quoted notes, nested."""
    body = [ln.rstrip() for ln in lines if ln.strip()]
    if path.suffix.lower() != ".txt" or len(body) < 5 or not body[0].startswith("- "):
        return False
    if not all(_BULLET.match(ln) or _NOTE.match(ln) for ln in body):
        return False
    return any(ln.startswith("  - ") for ln in body)


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    root = _Item("", "", 0)
    stack: list[tuple[int, _Item]] = [(-1, root)]
    for n, line in enumerate(lines, 1):
        line = line.rstrip()
        if (m := _BULLET.match(line)) is not None:
            depth = len(m.group(1)) // 2
            while stack[-1][0] >= depth:
                stack.pop()
            text = m.group(2).strip()
            item = _Item(_DONE.sub("", text), "", n, done=bool(_DONE.match(text)))
            stack[-1][1].children.append(item)
            stack.append((depth, item))
        elif (m := _NOTE.match(line)) is not None and len(stack) > 1:
            item = stack[-1][1]
            item.note = f"{item.note} {m.group(2).strip()}".strip()
    out: list[tuple[int, str]] = []

    def walk(items: list[_Item], depth: int, parent: _Item | None) -> None:
        reopen = False
        for item in items:
            words, note = _one_line(item.text), _one_line(item.note)
            if item.children:
                if len(words.split()) > 3 or re.search(r"\d", words):  # it says something too, said under its parent
                    out.extend([(item.line, f"- {words}"), (item.line, "")])
                out.extend([(item.line, "#" * min(depth + 1, 6) + " " + words), (item.line, "")])
                if note:
                    out.extend([(item.line, note), (item.line, "")])
                walk(item.children, depth + 1, item)
                reopen = True
                continue
            if reopen and parent is not None:  # back under the parent after a sibling's items
                out.extend([(parent.line, "#" * min(depth, 6) + " " + _one_line(parent.text)), (parent.line, "")])
            reopen = False
            out.append((item.line, f"- {'[x] ' if item.done else ''}{words}"))
            if note:
                out.append((item.line, f"  {note}"))
        out.append((out[-1][0] if out else 1, ""))

    walk(root.children, 0, None)
    return [t for _, t in out], [n for n, _ in out]
