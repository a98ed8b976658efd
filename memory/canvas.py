"""Obsidian canvas boards (`.canvas`, JSON Canvas), read as the markdown on their cards.

A canvas is JSON: `{"nodes": [{"type": "text", "text": "## Szállás\\n\\nNapfény Apartman..."}, ...],
"edges": [...]}`. Read as data, every card became one "text: ..." line with its markdown
escaped inside. Each text card is read as the markdown note it is, under the board's name; a
card's lines all cite the line of the file its text is on. Cards that point elsewhere (a file,
a web page) and the board's geometry say nothing of their own; a group's label heads nothing
(cards are not in order inside it) and is left out.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from memory.datafiles import record_key_line

CANVAS_EXT = {".canvas"}


def board_of(path: Path, text: str) -> dict | None:
    if path.suffix.lower() not in CANVAS_EXT:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("nodes"), list) else None


def to_markdown(board: dict, lines: list[str], name: str) -> tuple[list[str], list[int]]:
    md, numbers = [f"# {name}", ""], [1, 1]
    cards = [n for n in board["nodes"] if isinstance(n, dict) and n.get("type") == "text" and str(n.get("text", "")).strip()]
    for card in cards:
        at = record_key_line(lines, str(card.get("id", "")), "text")
        body = str(card["text"]).replace("\r\n", "\n").split("\n")
        # Cards are side by side, not nested: each card's top heading sits right under the
        # board's name, whatever level the card wrote it at.
        levels = [len(m.group(1)) for line in body if (m := re.match(r"^(#{1,6})\s", line))]
        shift = 2 - min(levels, default=2)
        body = [("#" * min(len(m.group(1)) + shift, 6) + line[len(m.group(1)):]) if (m := re.match(r"^(#{1,6})\s", line)) else line
                for line in body]
        md += body + [""]
        numbers += [at] * (len(body) + 1)
    return md, numbers
