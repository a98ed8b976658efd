"""A markdown table row, as every converter writes its rows: cells joined by pipes, a pipe inside a
cell written as "/" so it cannot open another column."""
from __future__ import annotations


def table_row(cells) -> str:
    return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"


def cell(text: str) -> str:
    """A cell's text on one line (XML and HTML tables wrap theirs)."""
    return " ".join(text.split()).replace("|", "/")
