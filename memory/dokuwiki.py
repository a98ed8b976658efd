"""DokuWiki page sources (`data/pages/**/*.txt`), read as the markdown they mean.

DokuWiki keeps each page as wiki text: `====== Title ======` (six `=` is the top level, two the
lowest), lists indented by two spaces (`  * item`, `  - numbered`), tables whose header cells open
with `^` (`^ name ^ mobile ^` over `| Sunee | 086-555-1120 |`), `[[namespace:page|links]]`. Read as
plain text, a table was one paragraph of pipes and carets and its rows answered nothing. Each
line is rewritten on its own line number (a header row gains the separator row markdown needs,
on the same line):

    ====== Cars ======            ->  # Cars
      * Parks at slot B2-047      ->  - Parks at slot B2-047
    ^ name ^ mobile ^             ->  | name | mobile |  +  |---|---|
    ^ unit | 1712 |               ->  - unit: 1712         (a row that heads itself: a record)
    [[people:family|relations]]   ->  relations
"""
from __future__ import annotations

import re
from pathlib import Path

_HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*\1\s*$")
_LIST = re.compile(r"^((?:  |\t)+)([*-])\s+(.*)$")
_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_MEDIA = re.compile(r"\{\{([^}|]*)(?:\|([^}]*))?\}\}")
_TABLE = re.compile(r"^\s*[\^|].*[\^|]\s*$")
_MACRO = re.compile(r"~~[A-Z]+~~")


def looks_like_dokuwiki(path: Path, lines: list[str]) -> bool:
    """A page of a DokuWiki's `data/pages` tree, or a `.txt` page written in its syntax: a
    `=====` heading and a `^` header row or a two-space list, and no Zim header (Zim shares the
    headings)."""
    if path.suffix.lower() != ".txt" or (lines and lines[0].lower().startswith("content-type:")):
        return False
    if "data/pages" in path.as_posix():
        return True
    head = lines[:400]
    return (any((m := _HEADING.match(line)) and line.startswith("===") and re.search(r"\w", m.group(2)) for line in head)
            and any(line.startswith("^") and line.rstrip().endswith(("^", "|")) or _LIST.match(line) for line in head))


def _link(m: re.Match) -> str:
    if m.group(2) and m.group(2).strip():
        return m.group(2).strip()
    target = m.group(1).strip()
    if re.match(r"\w+://", target):
        return target
    return re.split(r"[:#]", target.rstrip(":"))[-1].replace("_", " ") or target


def _caption(m: re.Match) -> str:
    return (m.group(2) or "").strip()  # an image is its caption, if it has one


def _inline(text: str) -> str:
    text = _LINK.sub(_link, text)
    text = _MEDIA.sub(_caption, text)
    text = re.sub(r"%%(.*?)%%", r"\1", text)
    text = re.sub(r"''(.+?)''", r"\1", text)
    text = re.sub(r"(?<!:)//(.+?)(?<!:)//", r"\1", text)  # italics; not a URL's "https://"
    text = re.sub(r"__(.+?)__", r"\1", text)
    text = re.sub(r"\(\((.+?)\)\)", r"(\1)", text)  # a footnote, kept where it is said
    text = text.replace("\\\\ ", " ").replace("\\\\", " ")
    return _MACRO.sub("", text)


def _cells(row: str) -> list[str]:
    # Links and images first: their own "|" is not a cell's edge.
    row = _MEDIA.sub(_caption, _LINK.sub(_link, row))
    return [_inline(c).strip() for c in re.split(r"[\^|]", row.strip())[1:-1]]


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    md: list[str] = []
    numbers: list[int] = []
    in_code = False
    table_open = False
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if in_code:
            md.append(line)
            numbers.append(n)
            in_code = not re.search(r"</(?:code|file)>", line)
            continue
        if re.match(r"<(?:code|file)\b", stripped) and not re.search(r"</(?:code|file)>", stripped):
            in_code = True
            md.append("")
            numbers.append(n)
            continue
        if _TABLE.match(line) and len(re.findall(r"[\^|]", stripped)) >= 2:
            cells = _cells(line)
            header = stripped.startswith("^") and "|" not in stripped
            if stripped.startswith("^") and not header and len(cells) == 2:
                # A row that heads itself ("^ unit | 1712 |"): a record of its own.
                md.append(f"- {cells[0]}: {cells[1]}")
                numbers.append(n)
                table_open = False
                continue
            if table_open:
                md.append("| " + " | ".join(cells) + " |")
                numbers.append(n)
            else:
                # A header row; a table without one is headed by its first row, as well as any.
                md += ["", "| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]
                numbers += [n, n, n]
            table_open = True
            continue
        table_open = False
        m = _HEADING.match(line)
        if m and line.startswith("=="):
            md.append("#" * (7 - len(m.group(1))) + " " + _inline(m.group(2)))
        elif lm := _LIST.match(line):
            depth = max(len(lm.group(1).replace("\t", "  ")) // 2 - 1, 0)
            mark = "-" if lm.group(2) == "*" else "1."
            md.append("  " * depth + f"{mark} {_inline(lm.group(3))}")
        else:
            md.append(_inline(line))
        numbers.append(n)
    return md, numbers
