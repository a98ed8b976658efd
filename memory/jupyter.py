"""Jupyter notebooks (`.ipynb`), read as the markdown and the printed results they hold.

A notebook is JSON: each markdown cell's text, each code cell's source and outputs, as lists of
escaped strings. Read as code, its statements were JSON punctuation with the notes inside. What a
person wrote in a notebook is in its markdown cells and in what its code printed (a budget's
table); the code itself is how it was computed, kept for search only. Each line cites the file
line its string is on. A table pandas printed (a header line over rows that start with their
index, two spaces or more between columns) becomes a markdown table; any other
output stays lines of text.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from memory.tables import table_row

NOTEBOOK_EXT = {".ipynb"}


def notebook_of(path: Path, text: str) -> dict | None:
    if path.suffix.lower() not in NOTEBOOK_EXT:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("cells"), list) else None


class _Lines:
    """Finds each of the notebook's strings on the file's lines, in order."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.at = 0

    def find(self, s: str) -> int:
        wanted = {json.dumps(s, ensure_ascii=False), json.dumps(s)}
        for k in range(self.at, len(self.lines)):
            if self.lines[k].strip().rstrip(",") in wanted:
                self.at = k + 1
                return k + 1
        return max(self.at, 1)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return value.splitlines(keepends=True) or [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def _frame(rows: list[str]) -> list[str] | None:
    """A printed DataFrame as markdown table lines, None if it is not one: pandas puts two or
    more spaces between columns, so every row splits into its index and one cell per name."""
    rows = [r.rstrip("\n").strip() for r in rows]
    if len(rows) < 2:
        return None
    names = re.split(r"\s{2,}", rows[0])
    if not 1 <= len(names) <= 12 or any(not n for n in names):
        return None
    table = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for row in rows[1:]:
        cells = re.split(r"\s{2,}|(?<=^\S)\s", row, maxsplit=len(names))
        if len(cells) != len(names) + 1:
            return None
        table.append(table_row(cells[1:]))
    return table


def to_markdown(notebook: dict, lines: list[str], name: str) -> tuple[list[str], list[int]]:
    finder = _Lines(lines)
    md, numbers = [], []
    has_title = False
    for cell in notebook["cells"]:
        if not isinstance(cell, dict):
            continue
        source = _strings(cell.get("source", []))
        where = [finder.find(s) for s in source]
        if cell.get("cell_type") == "markdown":
            for s, n in zip(source, where):
                text = s.rstrip("\n")
                has_title = has_title or text.startswith("# ")
                md.append(text)
                numbers.append(n)
            md.append("")
            numbers.append(where[-1] if where else finder.at or 1)
            continue
        if cell.get("cell_type") != "code":
            continue
        for output in cell.get("outputs", []) or []:
            if not isinstance(output, dict):
                continue
            text = output.get("text") if output.get("output_type") == "stream" else (output.get("data") or {}).get("text/plain")
            printed = _strings(text or [])
            at = [finder.find(s) for s in printed]
            if not any(re.search(r"[^\W\d_]", s) for s in printed):
                continue  # a bare result ("769.89") says nothing without the code that made it
            table = _frame(printed)
            if table:
                md += [""] + table + [""]
                numbers += [at[0], at[0], at[0]] + at[1:] + [at[-1]]
            else:
                md += [s.rstrip("\n") for s in printed] + [""]
                numbers += at + [at[-1]]
    if not has_title:
        md, numbers = [f"# {name}", ""] + md, [1, 1] + numbers
    return md, numbers
