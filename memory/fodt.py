"""LibreOffice flat ODF text documents (`.fodt`): one XML file, `office:document`, holding the text.

A flat ODF document is what LibreOffice Writer saves as "Flat XML ODF Text Document": the styles,
the metadata and the text in one XML file. Read as text, every line carried its markup
(`<text:p text:style-name="Standard">Asmens kodas: ...</text:p>`) and a table row was one long
line of `<table:table-cell office:value-type="string"><text:p>...`. Here the text is the
markdown it means, each line at the file line it is written on:

    <text:h text:outline-level="2">Šeima</text:h>      ->  ## Šeima
    <text:p>Asmens kodas: 489...</text:p>             ->  Asmens kodas: 489...
    <text:list-item><text:p>Kasdienė ...</text:p>       ->  - Kasdienė ...
    <table:table-row><table:table-cell>...             ->  | Kas | Gimė | ... |   (one row a line)

The styles, fonts and settings are left out, a comment (`office:annotation`) too. The document
is dated by the day it was last saved (`dc:date` in its metadata), so a note written after it is
the newer of the two.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from memory.tables import cell

FODT_EXT = {".fodt"}


def looks_like_fodt(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:6])
    return path.suffix.lower() in FODT_EXT or "<office:document" in head and "opendocument.text" in head


class _Reader:
    def __init__(self) -> None:
        self.md: list[str] = []
        self.numbers: list[int] = []
        self.in_body = False
        self.skip = 0  # inside a comment, a footnote's citation mark, a frame's name...
        self.para: list[str] | None = None  # the paragraph or heading being read
        self.para_at = 0
        self.heading = 0
        self.lists = 0  # list depth
        self.item_first = False  # the first paragraph of a list item takes its bullet
        self.table: list[tuple[int, list[str]]] | None = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.written = ""
        self.meta: str | None = None

    def emit(self, text: str, n: int) -> None:
        self.md.append(text)
        self.numbers.append(n)

    def blank(self, n: int) -> None:
        if self.md and self.md[-1] != "":
            self.emit("", n)

    def start(self, name: str, attrs: dict[str, str], n: int) -> None:
        if name == "dc:date":
            self.meta = ""
        if name == "office:text":
            self.in_body = True
        if not self.in_body:
            return
        if name in ("office:annotation", "text:note-citation", "text:tracked-changes", "svg:desc", "svg:title"):
            self.skip += 1
        elif self.skip:
            return
        elif name in ("text:p", "text:h"):
            if self.cell is not None:
                if self.cell:
                    self.cell.append(" ")
                return
            self.para, self.para_at = [], n
            self.heading = int(attrs.get("text:outline-level", "1") or 1) if name == "text:h" else 0
        elif name == "text:s" and (self.para is not None or self.cell is not None):
            self._text(" " * int(attrs.get("text:c", "1") or 1))
        elif name in ("text:tab", "text:line-break"):
            self._text(" ")
        elif name == "text:list":
            self.lists += 1
        elif name == "text:list-item":
            self.item_first = True
        elif name == "table:table" and self.cell is None:
            self.blank(n)
            self.table = []
        elif name == "table:table-row" and self.table is not None and self.cell is None:
            self.row = []
            self.table.append((n, self.row))
        elif name == "table:table-cell" and self.row is not None and self.cell is None:
            self.cell = []
            self.repeat = min(int(attrs.get("table:number-columns-repeated", "1") or 1), 20)

    def _text(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.para is not None:
            self.para.append(data)

    def text(self, data: str) -> None:
        if self.meta is not None:
            self.meta += data
        if self.in_body and not self.skip:
            self._text(data.replace("\n", " "))

    def end(self, name: str) -> None:
        if name == "dc:date" and self.meta is not None:
            m = re.match(r"\d{4}-\d{2}-\d{2}", self.meta.strip())
            self.written, self.meta = (m.group(0) if m else ""), None
        if not self.in_body:
            return
        if name in ("office:annotation", "text:note-citation", "text:tracked-changes", "svg:desc", "svg:title"):
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif name in ("text:p", "text:h") and self.para is not None and self.cell is None:
            text = " ".join("".join(self.para).split())
            self.para = None
            if not text:
                return
            if self.heading:
                self.blank(self.para_at)
                self.emit("#" * min(self.heading, 6) + " " + text, self.para_at)
                self.emit("", self.para_at)
            elif self.lists:
                bullet = "- " if self.item_first else "  "
                self.emit("  " * (self.lists - 1) + bullet + text.lstrip("#"), self.para_at)
            else:
                self.blank(self.para_at)
                self.emit(text.lstrip("#").strip() if text.startswith("#") else text, self.para_at)
                self.emit("", self.para_at)
            self.item_first = False
        elif name == "text:list":
            self.lists = max(0, self.lists - 1)
            if not self.lists:
                self.blank(self.para_at)
        elif name == "table:table-cell" and self.cell is not None:
            if self.row is not None:
                self.row += [cell("".join(self.cell))] * self.repeat
            self.cell = None
        elif name == "table:table-row" and self.cell is None:
            self.row = None
        elif name == "table:table" and self.table is not None and self.cell is None:
            rows = [(n, r) for n, r in self.table if any(r)]
            self.table = None
            if rows:
                width = max(len(r) for _, r in rows)
                while width > 1 and not any(len(r) >= width and r[width - 1] for _, r in rows):
                    width -= 1  # the empty columns a sheet repeats to its edge
                pad = lambda r: (r + [""] * width)[:width]  # noqa: E731
                (first, header), body = rows[0], rows[1:]
                self.blank(first)
                self.emit("| " + " | ".join(pad(header)) + " |", first)
                self.emit("|" + "---|" * width, first)
                for n, r in body:
                    self.emit("| " + " | ".join(pad(r)) + " |", n)
                self.emit("", rows[-1][0])
        elif name == "office:text":
            self.in_body = False


def to_markdown(text: str) -> tuple[list[str], list[int], str]:
    """The document's text as markdown, each line's file line, and the day it was last saved.
    Raises xml.parsers.expat.ExpatError for a document that is not well-formed."""
    reader = _Reader()
    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: reader.start(name, attrs, parser.CurrentLineNumber)
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    parser.Parse(text, True)
    while reader.md and reader.md[-1] == "":
        reader.md.pop()
        reader.numbers.pop()
    return reader.md, reader.numbers, reader.written


__all__ = ["FODT_EXT", "looks_like_fodt", "to_markdown"]
