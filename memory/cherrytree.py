"""CherryTree documents (`.ctd`): a tree of nodes, each holding rich text and tables, as XML.

Read as text, every line carried its markup (`</rich_text><rich_text weight="heavy">Maja`), a
node's opening tag ran into the line before it and a table was one line of `<cell>`s. Here each
node is a heading at its depth in the tree, a line written all in bold (how CherryTree users
title a part of a node) a heading under it, a table a markdown table and the rest its lines, each
at the file line it is written on:

    <node name="Biler" ts_lastsave="1767225600">          ->  # Biler
    <rich_text weight="heavy">Toyota Yaris (min)\n      ->  ## Toyota Yaris (min)
    </rich_text><rich_text>Reg.nr. VH 41872\n           ->  Reg.nr. VH 41872
    <table><row><cell>Ola</cell>...<row><cell>Navn</cell> ->  | Navn | ... |  (CherryTree keeps its
                                                              header row last)

Each node is dated by its last save (`ts_lastsave`, seconds since 1970), so a diary written after
it is the newer of the two.
"""
from __future__ import annotations

import xml.parsers.expat
from datetime import datetime, timezone
from pathlib import Path

from memory.tables import cell

CTD_EXT = {".ctd"}


def looks_like_cherrytree(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:3])
    return path.suffix.lower() in CTD_EXT or head.lstrip().startswith("<?xml") and "<cherrytree" in head


def _day(stamp: str) -> str:
    try:
        return datetime.fromtimestamp(float(stamp), tz=timezone.utc).date().isoformat()
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


class _Reader:
    def __init__(self) -> None:
        self.md: list[str] = []
        self.numbers: list[int] = []
        self.days: list[tuple[int, str]] = []
        self.names: list[str] = []  # the nodes we are inside, outermost first
        self.line: list[tuple[str, bool]] = []  # this output line's pieces: (text, written as a title)
        self.line_at = 0
        self.style: tuple[bool, str] = (False, "")  # the rich text being read: (bold, scale)
        self.in_text = False
        self.table: list[list[str]] | None = None
        self.cell: list[str] | None = None

    def emit(self, text: str, n: int) -> None:
        self.md.append(text)
        self.numbers.append(n)

    def flush(self, newline: bool = False) -> None:
        pieces, self.line = self.line, []
        text = "".join(t for t, _ in pieces).strip()
        if not text:
            if (pieces or newline) and self.md and self.md[-1] != "":  # an empty line ends a paragraph
                self.emit("", self.line_at)
            return
        titled = all(title for t, title in pieces if t.strip())
        node = self.names[-1] if self.names else ""
        if titled and text == node:
            return  # the node's name, written again as its first line
        if titled and not text.startswith(node + " "):
            self.emit("", self.line_at)
            self.emit("#" * min(len(self.names) + 1, 6) + " " + text.rstrip(":"), self.line_at)
            self.emit("", self.line_at)
            return
        if titled:  # the node's name and more ("Bolig — Ladegårdsgaten 17"): a line of its own
            self.emit(text, self.line_at)
            self.emit("", self.line_at)
            return
        raw = "".join(t for t, _ in pieces).rstrip()
        self.emit(text.lstrip("#").strip() if text.startswith("#") else raw, self.line_at)  # a "#" of the text is no heading

    def text(self, data: str, n: int) -> None:
        if self.cell is not None:
            self.cell.append(data)
            return
        if not self.in_text:
            return
        bold, scale = self.style
        parts = data.split("\n")
        for k, part in enumerate(parts):
            if k:
                self.flush(newline=True)
            if part:
                if not self.line or not "".join(t for t, _ in self.line).strip():
                    self.line_at = n + k
                self.line.append((part, bold or scale.startswith("h")))
            elif not self.line:
                self.line_at = n + k

    def start(self, name: str, attrs: dict[str, str], n: int) -> None:
        if name == "node":
            self.flush()
            self.names.append(attrs.get("name", "").strip())
            self.emit("", n)
            self.emit("#" * min(len(self.names), 6) + " " + (self.names[-1] or "(untitled)"), n)
            self.emit("", n)
            if day := _day(attrs.get("ts_lastsave", "") or attrs.get("ts_creation", "")):
                self.days.append((n, day))
        elif name == "rich_text":
            self.in_text = True
            self.style = (attrs.get("weight") == "heavy", attrs.get("scale", ""))
        elif name == "table":
            self.flush()
            self.table, self.table_at = [], n
        elif name == "row" and self.table is not None:
            self.table.append([])
        elif name == "cell" and self.table is not None:
            self.cell = []
        elif name == "codebox":
            self.flush()
            self.in_text, self.style = True, (False, "")

    def end(self, name: str) -> None:
        if name == "rich_text" or name == "codebox":
            self.in_text = False
        elif name == "cell" and self.table is not None and self.cell is not None:
            if self.table:
                self.table[-1].append(cell("".join(self.cell)))
            self.cell = None
        elif name == "table" and self.table is not None:
            rows = [r for r in self.table if any(r)]
            self.table = None
            if rows:
                header, body = rows[-1], rows[:-1]  # CherryTree writes the header row last
                width = max(map(len, rows))
                pad = lambda r: r + [""] * (width - len(r))  # noqa: E731
                self.emit("", self.table_at)
                self.emit("| " + " | ".join(pad(header)) + " |", self.table_at)
                self.emit("|" + "---|" * width, self.table_at)
                for r in body:
                    self.emit("| " + " | ".join(pad(r)) + " |", self.table_at)
                self.emit("", self.table_at)
        elif name == "node":
            self.flush()
            if self.names:
                self.names.pop()


def to_markdown(text: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """The document as markdown, each line's file line, and each node's day (its first line, ISO day).
    Raises xml.parsers.expat.ExpatError for a document that is not well-formed."""
    reader = _Reader()
    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: reader.start(name, attrs, parser.CurrentLineNumber)
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = lambda data: reader.text(data, parser.CurrentLineNumber)
    parser.Parse(text, True)
    reader.flush()
    return reader.md, reader.numbers, reader.days


__all__ = ["CTD_EXT", "looks_like_cherrytree", "to_markdown"]
