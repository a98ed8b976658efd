"""Typst documents (`.typ`), read as the markdown they mean.

Read as plain text, `= Money` was a sentence, `#set page(...)` a line of the notes, and a
`#table(...)` a column of bracketed cells with no rows. Each construct becomes what it means,
every line cited at the line of the file it came from:

    = Money / == Accounts          ->  # Money / ## Accounts
    #set, #show, #let, #import,    ->  (left out: how the document is typeset, not what it says)
    #include, // and /* */ comments
    - item / + item (indented)     ->  - item / 1. item, its wrapped lines joined to it
    / Passport: 19AB77142          ->  - Passport: 19AB77142
    #table(columns: 3, table.header([*Bank*], ...), [TBC], [GE29...], ...)
                                   ->  | Bank | IBAN | ... |  (one row per line, cited where it starts)
    #strike[900 ₾] 1 000 ₾         ->  ~~900 ₾~~ 1 000 ₾  (the struck value replaced by the next)
    #link("https://x")[the site]   ->  the site
    *bold*, _emph_, \\$, `raw`     ->  their text
    ```raw block```                ->  ``` kept as a code block
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.tables import table_row

TYPST_EXT = {".typ"}
CALL_LINES = 2000  # a call (a table, a set rule) closes within this many lines, or is read as text

_HEADING = re.compile(r"^(={1,6})\s+(\S.*?)\s*(?:<[\w:.-]+>)?\s*$")
_BULLET = re.compile(r"^(\s*)([-+])\s+(\S.*)$")
_TERM = re.compile(r"^(\s*)/\s+([^:]+?):\s*(.*)$")
# Lines that set up the document rather than say anything: rules, definitions, imports, includes
# and bare calls that draw something (`#outline()`, `#pagebreak()`, `#v(1em)`).
_SETUP = re.compile(r"^#(?:set|show|let|import|include|outline|pagebreak|colbreak|v|h|line|bibliography)\b")
_CALL = re.compile(r"#(?:emph|strong|underline|overline|highlight|smallcaps|text|box|block|align|pad|upper|lower|sub|super)"
                   r"(?:\([^()\[\]]*\))?\[")
_LINK = re.compile(r'#link\(\s*"([^"]*)"\s*\)(\[)?')
_LABEL = re.compile(r"\s*<[\w:.-]+>\s*$")


def looks_like_typst(path: Path) -> bool:
    return path.suffix.lower() in TYPST_EXT


def _closing(text: str, start: int) -> int:
    """The index of the bracket closing the one opened just before `start` (or the text's end)."""
    depth = 1
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def _inline(text: str) -> str:
    """The words a line of markup says."""
    out = []
    i = 0
    while i < len(text):
        if text.startswith("#strike[", i):
            end = _closing(text, i + 8)
            out.append(f"~~{_inline(text[i + 8:end]).strip()}~~")
            i = end + 1
            continue
        m = _LINK.match(text, i)
        if m:
            if m.group(2):  # #link("url")[shown text]
                end = _closing(text, m.end())
                out.append(_inline(text[m.end():end]))
                i = end + 1
            else:
                out.append(m.group(1).removeprefix("mailto:"))
                i = m.end()
            continue
        m = _CALL.match(text, i)
        if m:
            end = _closing(text, m.end())
            out.append(_inline(text[m.end():end]))
            i = end + 1
            continue
        if text[i] == "\\" and i + 1 < len(text):
            # An escaped character is itself ("\$3,100"); a lone backslash breaks the line.
            nxt = text[i + 1]
            out.append(" " if nxt.isspace() else nxt)
            i += 2
            continue
        out.append(text[i])
        i += 1
    line = "".join(out)
    line = re.sub(r"(?<![\w*])\*([^*\n]+?)\*(?![\w*])", r"\1", line)  # *strong*
    line = re.sub(r"(?<![\w_])_([^_\n]+?)_(?![\w_])", r"\1", line)  # _emph_
    line = re.sub(r"`([^`\n]+)`", r"\1", line)
    line = re.sub(r"#(?=[a-z][\w.]*\b)", "", line)  # "#updated" and other code shown as text
    return _LABEL.sub("", line).rstrip()


def _cells(body: str) -> tuple[list[str], list[str], int]:
    """The header cells, the body cells and the column count of a `#table(...)`'s arguments."""
    header: list[str] = []
    cells: list[str] = []
    columns = 0
    i = 0
    while i < len(body):
        m = re.match(r"\s*columns\s*:\s*(\d+|\()", body[i:])
        if m and (i == 0 or body[i - 1] in ",(\n "):
            if m.group(1) == "(":
                end = _closing(body, i + m.end())
                columns = len([p for p in body[i + m.end():end].split(",") if p.strip()])
                i = end + 1
            else:
                columns = int(m.group(1))
                i += m.end()
            continue
        if body.startswith("table.header(", i):
            end = _closing(body, i + 13)
            header = _cells(body[i + 13:end])[1]
            i = end + 1
            continue
        if body[i] == "[":
            end = _closing(body, i + 1)
            cells.append(" ".join(_inline(part) for part in body[i + 1:end].splitlines()).strip())
            i = end + 1
            continue
        i += 1
    return header, cells, columns


def _table(lines: list[str], i: int, out: list[tuple[int, str]]) -> int | None:
    """A `#table(` starting on line i; returns the index of the line after its closing bracket
    (None, adding nothing, when it does not close within CALL_LINES lines)."""
    text = "\n".join(lines[i:i + CALL_LINES])
    start = text.index("#table(") + 7
    end = _closing(text, start)
    if end >= len(text):
        return None  # never closed (a file cut short, a typo): its lines are read as they are
    body = text[start:end]
    header, cells, width = _cells(body)
    width = width or len(header) or 1
    # Where each body cell starts, for citing a row at its line.
    starts: list[int] = []
    depth = 0
    for k, ch in enumerate(body):
        if ch == "[" and depth == 0:
            starts.append(i + 1 + text[:start + k].count("\n"))
        depth += ch in "[(" and 1 or ch in "])" and -1 or 0
    first = i + 1
    starts = starts[len(starts) - len(cells):] if len(starts) >= len(cells) else [first] * len(cells)
    out.append((first, ""))
    out.append((first, table_row([c or " " for c in header] or [f"column {c + 1}" for c in range(width)])))
    out.append((first, "|" + "---|" * width))
    for k in range(0, len(cells), width):
        row = cells[k:k + width]
        out.append((starts[k], table_row([c or " " for c in row + [""] * (width - len(row))])))
    last = i + text[:end].count("\n")
    out.append((last + 1, ""))
    return last + 1


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    out: list[tuple[int, str]] = []
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        s = line.strip()
        if s.startswith("/*"):
            j = i
            while j < n and "*/" not in lines[j]:
                j += 1
            i = j + 1
            continue
        if s.startswith("//") or _SETUP.match(s):
            # A setup call may run over several lines ("#set text(\n  font: ...\n)").
            j = i
            if _SETUP.match(s) and "(" in s:
                rest = "\n".join(lines[i:i + CALL_LINES])
                close = _closing(rest, rest.index("(") + 1)
                j = i + rest[:close].count("\n") if close < len(rest) else i  # unclosed: this line only
            out.append((i + 1, ""))
            i = j + 1
            continue
        if s.startswith("#table(") and (after := _table(lines, i, out)) is not None:
            i = after
            continue
        if s.startswith("```"):
            out.append((i + 1, "```"))
            j = i + 1
            while j < n and not lines[j].strip().startswith("```"):
                out.append((j + 1, lines[j]))
                j += 1
            out.append((min(j + 1, n), "```"))
            i = j + 1
            continue
        m = _HEADING.match(line)
        if m:
            out.append((i + 1, "#" * len(m.group(1)) + " " + _inline(m.group(2))))
            i += 1
            continue
        m = _BULLET.match(line) or _TERM.match(line)
        if m:
            indent = len(m.group(1))
            if m.re is _TERM:
                text = f"{m.group(2).strip()}: {m.group(3)}"
                marker = "-"
            else:
                text, marker = m.group(3), "-" if m.group(2) == "-" else "1."
            # Lines indented under the item continue it ("Dr Maia Jorbenadze, ...,\n  +995 ...").
            j = i + 1
            while j < n and lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) > indent \
                    and not _BULLET.match(lines[j]) and not _TERM.match(lines[j]):
                text = f"{text} {lines[j].strip()}"
                j += 1
            out.append((i + 1, "  " * (indent // 2) + f"{marker} {_inline(text)}"))
            i = j
            continue
        # The closing bracket of a multi-line call ("#align(center)[ ... ]") says nothing.
        out.append((i + 1, "" if re.fullmatch(r"[\])]+", s) else _inline(line)))
        i += 1
    return [text for _, text in out], [num for num, _ in out]
