"""MediaWiki XML exports (Special:Export), read as each page's latest revision in markdown.

An export holds a `<page>` per page and, with full history, every `<revision>` of it: the older
ones say what is no longer true (the rent before it went up). Read as text, every revision's lines
were statements side by side, the old beside the new. Only each page's latest revision is read,
dated by its timestamp; its wikitext becomes markdown on the same lines of the file:

    == Σπίτι ==            ->  ## Σπίτι
    * Rent: '''480 €'''    ->  - Rent: 480 €
    ; Plate : NIK-4521     ->  - Plate: NIK-4521
    [[Οχήματα|the cars]]   ->  the cars
    <s>Cosmote</s> → Nova  ->  → Nova        (struck out: no longer so)
    {| ! a !! b |- | 1 || 2 |}  ->  a markdown table, each row at its first line
"""
from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from memory.tables import table_row


def looks_like_export(path: Path, lines: list[str]) -> bool:
    head = "\n".join(lines[:5])
    return path.suffix.lower() == ".xml" and "<mediawiki" in head and "mediawiki.org/xml/export" in head


@dataclass
class _Page:
    title: str = ""
    title_line: int = 1
    revisions: list[tuple[str, int, str]] = field(default_factory=list)  # (timestamp, text's line, text)


def _pages(text: str) -> list[_Page]:
    """Raises xml.parsers.expat.ExpatError for an export that is not well-formed."""
    parser = xml.parsers.expat.ParserCreate()
    pages: list[_Page] = []
    path: list[str] = []
    buf: list[str] = []
    state = {"stamp": "", "line": 0}

    def start(name, attrs):
        path.append(name)
        buf.clear()
        if name == "page":
            pages.append(_Page())
        elif name == "text":
            state["line"] = parser.CurrentLineNumber
        elif name == "title" and pages:
            pages[-1].title_line = parser.CurrentLineNumber

    def end(name):
        value = "".join(buf)
        if pages and name == "title" and path[-2:-1] == ["page"]:
            pages[-1].title = value.strip()
        elif pages and name == "timestamp":
            state["stamp"] = value.strip()
        elif pages and name == "text" and "revision" in path:
            pages[-1].revisions.append((state["stamp"], state["line"], value))
        path.pop()
        buf.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = buf.append
    parser.Parse(text, True)
    return pages


def _inline(text: str) -> str:
    text = re.sub(r"<(s|del|strike)>.*?</\1>\s*(?:→|->)?\s*", "", text)  # struck out: no longer so
    text = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>|<!--.*?-->", "", text)
    text = re.sub(r"\{\{[^{}]*\}\}", "", text)
    text = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"\[(?:https?|ftp)://\S+\s+([^\]]*)\]", r"\1", text)
    text = re.sub(r"'{2,5}", "", text)
    text = re.sub(r"</?(?:small|big|u|b|i|span|div|center)[^>]*>|<br\s*/?>", " ", text)
    return text.rstrip()


def _wikitext(text: str, first: int) -> tuple[list[str], list[int]]:
    md: list[str] = []
    numbers: list[int] = []
    row: list[str] = []
    row_line = 0
    header_done = False
    in_table = False

    def flush_row():
        nonlocal row, header_done
        if row:
            md.append(table_row(row))
            numbers.append(row_line)
            if not header_done:
                md.append("|" + "---|" * len(row))
                numbers.append(row_line)
                header_done = True
        row = []

    for k, line in enumerate(text.split("\n")):
        n = first + k
        s = line.strip()
        if s.startswith("{|"):
            in_table, header_done, row = True, False, []
            md.append("")
            numbers.append(n)
            continue
        if in_table:
            if s.startswith("|}"):
                flush_row()
                in_table = False
                md.append("")
                numbers.append(n)
            elif s.startswith("|-"):
                flush_row()
            elif s.startswith("|+"):
                continue
            elif s.startswith(("!", "|")):
                if not row:
                    row_line = n
                sep = "!!" if s.startswith("!") else "||"
                for cell in s[1:].split(sep):
                    # "style=... | value": the part after a lone "|" is the cell.
                    cell = cell.split("|")[-1] if "|" in cell else cell
                    row.append(_inline(cell).strip())
            continue
        m = re.match(r"^(={1,6})\s*(.*?)\s*\1\s*$", s)
        if m:
            md.append("#" * min(len(m.group(1)), 6) + " " + _inline(m.group(2)))  # "== Flat ==" under the page's "# Title"
        elif m := re.match(r"^([*#:]+)\s*(.*)$", s):
            depth = len(m.group(1)) - 1
            md.append("  " * depth + ("1. " if m.group(1).endswith("#") else "- ") + _inline(m.group(2)))
        elif m := re.match(r"^;\s*([^:]+?)\s*:\s*(.*)$", s):
            md.append(f"- {_inline(m.group(1))}: {_inline(m.group(2))}")
        elif s.startswith(";"):
            md.append("- " + _inline(s[1:].strip()))
        else:
            md.append(_inline(line))
        numbers.append(n)
    flush_row()
    return md, numbers


def to_markdown(text: str) -> tuple[list[str], list[int], str]:
    """The latest revision of every page as markdown, its lines' numbers, and the latest day."""
    md: list[str] = []
    numbers: list[int] = []
    latest = ""
    for page in _pages(text):
        if not page.revisions:
            continue
        stamp, line, body = max(page.revisions, key=lambda r: r[0])
        latest = max(latest, stamp[:10])
        md += [f"# {page.title}", ""]
        numbers += [page.title_line, page.title_line]
        # Headings in the page sit under its title, whatever level they start at.
        body_md, body_numbers = _wikitext(body, line)
        md += body_md + [""]
        numbers += body_numbers + [body_numbers[-1] if body_numbers else line]
    return md, numbers, latest
