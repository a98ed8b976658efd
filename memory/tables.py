"""A markdown table row, as every converter writes its rows: cells joined by pipes, a pipe inside a
cell written as "/" so it cannot open another column."""
from __future__ import annotations


def table_row(cells) -> str:
    return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"


def cell(text: str) -> str:
    """A cell's text on one line (XML and HTML tables wrap theirs)."""
    return " ".join(text.split()).replace("|", "/")


def column(header: list[str], cells: list[str], *names: str) -> str:
    """The cell under the first of `names` (lower case) that the header has and the row reaches, or ""."""
    for want in names:
        if want in header and header.index(want) < len(cells):
            return cells[header.index(want)]
    return ""


def add_table(md: list[str], numbers: list[int], head: str, rows: list[tuple[int, str]], at: int) -> None:
    """A statement's postings appended as one markdown table: `head` (its header row) cites the
    file's header line `at`, each row its own line."""
    if not rows:
        return
    md += [head, "|" + "---|" * head.count(" | ") + "---|"]
    numbers += [at, at]
    for n, row in rows:
        md.append(row)
        numbers.append(n)
