"""AsciiDoc pages (`.adoc`), read as the markdown they mean.

Read as plain text, `= Documentos` and `:lang: es` were one sentence, every `Term:: value` of a
labelled list ran into the next, and a `|===` table was a column of cells with no rows. Each
construct becomes what it means, every line cited at the line of the file it came from:

    = Salud / == Dentista            ->  # Salud / ## Dentista
    :lang: es, [horizontal], // note ->  (left out: the page's settings and comments)
    include::partial$note.adoc[]     ->  (left out: the included file is read on its own)
    Número de empleado:: DT-0583     ->  - Número de empleado: DT-0583
    . first step                     ->  1. first step
    [cols="3,2,4",options="header"]  ->  | Nombre | Teléfono | Dirección |   (one row per line)
    |===  |Guadalupe |477 555 0142   ->  | Guadalupe | 477 555 0142 | ... |
    ----  (a listing block)          ->  ```
    https://x.example[the site]      ->  the site
"""
from __future__ import annotations

import re
from pathlib import Path

ADOC_EXT = {".adoc", ".asciidoc", ".asc"}

_HEADING = re.compile(r"^(={1,6})\s+(\S.*?)\s*=*\s*$")
_ATTRIBUTE = re.compile(r"^:!?[\w-]+!?:(?:\s.*)?$")
_BLOCK_ATTRS = re.compile(r"^\[[^\]]*\]\s*$")
_LABELLED = re.compile(r"^(\s*)(\S.*?)(:{2,4}|;;)(?:\s+(.*))?$")
_ORDERED = re.compile(r"^(\s*)(\.{1,5})\s+(\S.*)$")
_BULLET = re.compile(r"^(\s*)(\*{1,5}|-)\s+(\S.*)$")
_LINK = re.compile(r"\b(?:https?|mailto|link|xref):[^\s\[]*\[([^\]]*)\]")
_XREF = re.compile(r"<<[^,>]*,\s*([^>]+)>>|<<([^>]+)>>")
_INCLUDE = re.compile(r"^include::\S+\[[^\]]*\]$")  # a directive: the included file is read on its own
_DELIMITERS = {"====", "****", "____", "--", "++++", "|===", "...."}


def looks_like_asciidoc(path: Path) -> bool:
    return path.suffix.lower() in ADOC_EXT


def _inline(text: str) -> str:
    text = _LINK.sub(lambda m: m.group(1) or m.group(0).split("[")[0], text)
    return _XREF.sub(lambda m: m.group(1) or m.group(2), text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_inline(c).replace("|", "/") or " " for c in cells) + " |"


def _table(lines: list[str], i: int, attrs: str, out: list[tuple[int, str]]) -> int:
    """A `|===` table from its opening line i; returns the index after its closing line."""
    j = i + 1
    cells: list[tuple[int, str]] = []
    first_row_width = 0
    first_row_blank_after = False
    while j < len(lines) and lines[j].strip() != "|===":
        s = lines[j].strip()
        if s.startswith("|"):
            parts = [p.strip() for p in s[1:].split("|")]
            if not cells:
                first_row_width = len(parts)
                first_row_blank_after = j + 1 < len(lines) and not lines[j + 1].strip()
            cells += [(j + 1, p) for p in parts]
        elif s and cells:
            n, text = cells[-1]
            cells[-1] = (n, f"{text} {s}".strip())  # a cell's text on the lines below it
        j += 1
    cols = re.search(r'cols="?([^",\]]*(?:,[^",\]]*)*)"?', attrs)
    width = len(cols.group(1).split(",")) if cols else first_row_width
    if cols and re.fullmatch(r"\d+\*?.*", cols.group(1)) and "," not in cols.group(1):
        width = int(re.match(r"\d+", cols.group(1)).group(0))  # cols="3*"
    width = max(width, 1)
    header = "header" in attrs or (first_row_width == width and first_row_blank_after and "noheader" not in attrs)
    out.append((i + 1, ""))
    rows = [cells[k:k + width] for k in range(0, len(cells), width)]
    for k, row in enumerate(rows):
        texts = [t for _, t in row] + [""] * (width - len(row))
        out.append((row[0][0], _row(texts)))
        if k == 0:
            out.append((row[0][0], "|" + "---|" * width if header else ""))
            if not header:  # a table without a header still needs one for markdown: its columns
                out[-2:] = [(row[0][0], _row([f"column {c + 1}" for c in range(width)])),
                            (row[0][0], "|" + "---|" * width), (row[0][0], _row(texts))]
    out.append((min(j + 1, len(lines)), ""))
    return j + 1


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    out: list[tuple[int, str]] = []
    attrs = ""
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        s = line.strip()
        if s.startswith("////"):  # a comment block
            j = i + 1
            while j < n and not lines[j].strip().startswith("////"):
                j += 1
            i = j + 1
            continue
        if s.startswith("//") or _ATTRIBUTE.match(s) or s == "+" or _INCLUDE.match(s):
            out.append((i + 1, ""))
            i += 1
            continue
        if _BLOCK_ATTRS.match(s):
            attrs = s
            out.append((i + 1, ""))
            i += 1
            continue
        if s == "|===":
            i = _table(lines, i, attrs, out)
            attrs = ""
            continue
        if re.fullmatch(r"-{4,}", s):  # a listing block: code, kept as such
            out.append((i + 1, "```"))
            j = i + 1
            while j < n and lines[j].strip() != s:
                out.append((j + 1, lines[j]))
                j += 1
            out.append((min(j + 1, n), "```"))
            i = j + 1
            attrs = ""
            continue
        if s in _DELIMITERS or re.fullmatch(r"(=|\*|_|\+|\.){4,}", s):
            out.append((i + 1, ""))
            i += 1
            continue
        attrs = ""
        m = _HEADING.match(line)
        if m:
            out.append((i + 1, "#" * len(m.group(1)) + " " + _inline(m.group(2))))
            i += 1
            continue
        if re.match(r"^\.[^\s.]", s) and not s.startswith(".."):
            out.append((i + 1, f"**{_inline(s[1:])}**"))  # a block's title
            i += 1
            continue
        m = _ORDERED.match(line)
        if m:
            out.append((i + 1, "   " * (len(m.group(2)) - 1) + "1. " + _inline(m.group(3))))
            i += 1
            continue
        m = _BULLET.match(line)
        if m:
            depth = 0 if m.group(2) == "-" else len(m.group(2)) - 1
            out.append((i + 1, "  " * depth + "- " + _inline(m.group(3))))
            i += 1
            continue
        m = _LABELLED.match(line)
        if m and not re.match(r"^[a-z]+:", s) and "://" not in m.group(2):
            depth = len(m.group(3)) - 2 if m.group(3) != ";;" else 2
            out.append((i + 1, "  " * depth + f"- {_inline(m.group(2).strip())}: {_inline(m.group(4) or '')}".rstrip()))
            i += 1
            continue
        out.append((i + 1, _inline(line)))
        i += 1
    return [text for _, text in out], [num for num, _ in out]
