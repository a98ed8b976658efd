"""Textile pages (`.textile`: Redmine wikis, a Redmine issue exported as text), read as the
markdown they mean.

Read as plain text, `h2. Contactos` was a sentence, `|_. Nombre |_. Teléfono |` a line of pipes
whose rows answered nothing, and Redmine's attribute table (`|*Estado:*|Cerrada|*Prioridad:*|Normal|`)
one run-on line of labels and values. Each construct becomes what it means, every line cited at
the line of the file it came from:

    h1. Casa / h3(x). Luz          ->  # Casa / ### Luz
    * item / ** nested / # step    ->  - item / "  - nested" / 1. step
    |_. Nombre |_. Teléfono |      ->  | Nombre | Teléfono |  +  |---|---|   (then one row a line)
    | Lucía | 600 000 001 |        ->  | Lucía | 600 000 001 |
    |*Estado:*|Cerrada|*Prioridad:*|Normal|
                                   ->  - Estado: Cerrada / - Prioridad: Normal   (both at that line)
    -900 €- 950 €                  ->  ~~900 €~~ 950 €    (the struck value replaced by the next)
    *strong*, _em_, @code@, +ins+  ->  their text
    "the site":https://x, [[Page|label]]
                                   ->  the site, label
    p. / bq. / bc. / <pre>         ->  the text / > the text / ``` a code block
    {{toc}}, {{>toc}}, table(x).   ->  (left out: how the page is laid out, not what it says)

Anything else is kept as it is, line by line; a construct that does not close (a `<pre>` never
ended, a row without its last `|`) is read as text.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from memory.tables import table_row

TEXTILE_EXT = {".textile"}

# The attributes a block or cell may carry before its dot: (class), {style}, [lang], alignment.
_ATTRS = r"(?:\([^()\n]*\)|\{[^{}\n]*\}|\[[^\[\]\n]*\]|<>|[<>=^~]|\\\d+|/\d+)*"
_HEADING = re.compile(rf"^h([1-6]){_ATTRS}\.\s+(.*)$")
_BLOCK = re.compile(rf"^(p|bq|bc|pre|notextile|fn\d+|###){_ATTRS}(\.\.?)(?:\s+(.*)|$)")
_SIGNATURE = re.compile(rf"^(?:h[1-6]|p|bq|bc|pre|notextile|fn\d+|###|table){_ATTRS}\.\.?(?:\s|$)")
_LIST = re.compile(rf"^([*#]+){_ATTRS}\s+(.*)$")
_DEFINITION = re.compile(r"^-\s+(.+?)\s+:=\s+(.*?)(?:\s*=:)?\s*$")
_TABLE_SIG = re.compile(rf"^table{_ATTRS}\.\s*$")
_ROW_ATTRS = re.compile(rf"^(?:\([^()\n]*\)|\{{[^{{}}\n]*\}}|\[[^\[\]\n]*\]|<>|[<>=^~-])+\.\s*(?=\|)")
_CELL_ATTRS = re.compile(r"^(?:(_)(?:\([^()]*\)|\{[^{}]*\}|\[[^\[\]]*\]|<>|[<>=^~]|\\(\d+)|/\d+)*"
                         r"|(?:\([^()]*\)|\{[^{}]*\}|\[[^\[\]]*\]|<>|[<>=^~]|\\(\d+)|/\d+)+)\.(?:\s+|$)")
_MACRO_LINE = re.compile(r"^\{\{[^{}]*\}\}$")
_MACRO_OPEN = re.compile(r"^\{\{\w+(?:\([^)]*\))?$")  # {{collapse(Ver más) ... }} over several lines
_PRE_OPEN = re.compile(r"^<pre\b[^>]*>\s*(?:<code\b[^>]*>)?", re.I)
_PRE_CLOSE = re.compile(r"(?:</code>\s*)?</pre>", re.I)

_WIKI_LINK = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")
_LINK = re.compile(r'"([^"\n]+?)(?:\([^()"\n]*\))?":(?:[A-Za-z][\w+.-]*:)?[^\s"<>]*[^\s"<>.,;:!?)\]]')
_IMAGE = re.compile(r"!(?:[<>=]|\{[^}\n]*\}|\([^)\n]*\))*([^\s!()]+[./][^\s!()]*)(?:\(([^)\n]*)\))?!(?::\S+)?")
_SPAN = re.compile(r"%(?:\{[^}\n]*\}|\([^)\n]*\)|\[[^\]\n]*\])+([^%\n]+)%")
_STRONG = re.compile(r"(?<![\w*])(\*\*?)(?=\S)([^*\n]*?[^\s*])\1(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w_])(__?)(?=\S)([^_\n]*?[^\s_])\1(?![\w_])")
_CODE = re.compile(r"(?<![\w@])@(?=\S)([^@\n]*?\S)@(?![\w@])")
_DELETED = re.compile(r"(?<![\w-])-(?=[^\s-])([^\n]*?[^\s-])-(?![\w-])")
_INSERTED = re.compile(r"(?<![\w+])\+(?=[^\s+])([^+\n]*?[^\s+])\+(?![\w+])")
_CITE = re.compile(r"(?<!\w)\?\?(?=\S)(.+?)\?\?(?!\w)")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+\d*);")


def looks_like_textile(path: Path, lines: list[str]) -> bool:
    """A `.textile` page, or a `.txt` (or suffixless) text written in Textile: an `h1.`..`h6.`
    heading and a `|_.` header row, a Redmine attribute row or a `* ` list, and nothing that only
    markdown writes (``` fences, `[text](url)` links, `## ` headings before any `# ` item)."""
    suffix = path.suffix.lower()
    if suffix in TEXTILE_EXT:
        return True
    if suffix not in ("", ".txt"):
        return False
    head = [line.rstrip() for line in lines[:400]]
    if not any(_HEADING.match(line) and re.search(r"\w", line[3:]) for line in head):
        return False
    if any(line.lstrip().startswith("```") or re.search(r"\]\((?:https?:|/|\.)", line) for line in head):
        return False
    if any(re.match(r"^#{2,6}\s", line) for line in head) and not any(re.match(r"^#\s", line) for line in head):
        return False  # markdown headings, no textile numbered list they could be nested in
    return any(line.startswith("|_.") or re.match(r"^\|\s*\*[^*|]+:\*\s*\|", line) or re.match(r"^\*+\s+\S", line)
               for line in head)


def _wiki_link(m: re.Match) -> str:
    if m.group(2) and m.group(2).strip():
        return m.group(2).strip()
    page = m.group(1).strip()
    page = re.sub(r"^[\w-]+:(?!//)", "", page)  # [[proyecto:Página]] is the page
    return page.split("#")[0].strip() or page


def _inline(text: str) -> str:
    """The words a line of Textile says."""
    text = _WIKI_LINK.sub(_wiki_link, text)
    text = _LINK.sub(lambda m: m.group(1).strip(), text)
    text = _IMAGE.sub(lambda m: (m.group(2) or "").strip(), text)
    text = _SPAN.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _CITE.sub(r"\1", text)
    text = _INSERTED.sub(r"\1", text)
    text = _DELETED.sub(lambda m: f"~~{m.group(1)}~~", text)
    text = re.sub(r"==(.+?)==", r"\1", text)  # ==notextile== spans
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text.rstrip()


def _split_row(row: str) -> list[str] | None:
    """The cells of a `|`-table row, or None when the line is no row (it does not close)."""
    row = _ROW_ATTRS.sub("", row.strip())
    if not (row.startswith("|") and row.endswith("|") and len(row) >= 2):
        return None
    cells: list[str] = []
    current: list[str] = []
    i, body = 0, row[1:-1]
    while i < len(body):
        if body.startswith("[[", i) and (end := body.find("]]", i)) != -1:
            current.append(body[i:end + 2])  # a wiki link's own "|" is not a cell's edge
            i = end + 2
            continue
        if body[i] == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(body[i])
        i += 1
    cells.append("".join(current))
    return cells


def _cell(raw: str) -> tuple[str, bool, int]:
    """A cell's text, whether it heads its column (`_.`), and how many columns it spans."""
    m = _CELL_ATTRS.match(raw.strip())
    if not m:
        return _inline(raw.strip()).strip(), False, 1
    span = m.group(2) or m.group(3)
    return _inline(raw.strip()[m.end():]).strip(), bool(m.group(1)), int(span) if span else 1


def _label(raw: str) -> str | None:
    """The label of a Redmine attribute cell (`*Estado:*`, `Estado:`, `_. Estado`), or None for a value."""
    text, head, _ = _cell(raw)
    if head:  # a row headed by its own `|_.` cell
        return text.rstrip(":").strip() or None
    s = raw.strip()
    m = re.fullmatch(r"\*\*?([^*]+?)\*\*?", s)
    if m:
        s = m.group(1).strip()
    elif not s.endswith(":"):
        return None
    return s.rstrip(":").strip() or None


def _table(rows: list[tuple[int, list[str]]], out: list[tuple[int, str]]) -> None:
    """The rows of one table (each its line number and raw cells) written as markdown."""
    parsed = [(n, [_cell(c) for c in cells]) for n, cells in rows]
    has_header = any(cells and all(head for _, head, _ in cells) for _, cells in parsed)
    # Redmine's attribute table: no header row, every row label/value pairs.
    if not has_header and all(len(cells) % 2 == 0 and all(_label(cells[k]) is not None or not cells[k].strip()
                                                          and not cells[k + 1].strip()
                                                          for k in range(0, len(cells), 2))
                              for _, cells in rows) \
            and any(_label(cells[k]) for _, cells in rows for k in range(0, len(cells), 2)):
        out.append((rows[0][0], ""))
        for n, cells in rows:
            for k in range(0, len(cells), 2):
                label, value = _label(cells[k]), _inline(cells[k + 1].strip()).strip()
                if label and value:
                    out.append((n, f"- {label}: {value}"))
        out.append((rows[-1][0], ""))
        return
    width = 0
    for k, (n, cells) in enumerate(parsed):
        texts: list[str] = []
        for text, _, span in cells:
            texts += [text] + [""] * (span - 1)
        header = all(head for _, head, _ in cells) or (k == 0 and not has_header)
        if header:
            width = len(texts)
            out.append((n, ""))
            out.append((n, table_row([t or " " for t in texts])))
            out.append((n, "|" + "---|" * width))
        else:
            out.append((n, table_row([t or " " for t in texts])))
    out.append((parsed[-1][0], ""))


def _code_block(body: list[tuple[int, str]], out: list[tuple[int, str]], at: int) -> None:
    out.append((at, "```"))
    out += body
    out.append((body[-1][0] if body else at, "```"))


def _block_end(lines: list[str], i: int, extended: bool) -> int:
    """The index after a block opened on line i: its paragraph (to a blank line), or, for an
    extended `bc..` block, up to the next block signature."""
    j = i + 1
    while j < len(lines):
        if extended:
            if _SIGNATURE.match(lines[j]) and not lines[j - 1].strip():
                break
        elif not lines[j].strip():
            break
        j += 1
    if extended:
        while j > i + 1 and not lines[j - 1].strip():
            j -= 1
    return j


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    out: list[tuple[int, str]] = []
    n = len(lines)
    i = 0
    while i < n:
        try:
            i = _line(lines, i, out)
        except Exception:  # noqa: BLE001 - a construct read wrongly is read as text, never lost
            out.append((i + 1, lines[i]))
            i += 1
    return [text for _, text in out], [num for num, _ in out]


def _line(lines: list[str], i: int, out: list[tuple[int, str]]) -> int:
    """Reads the construct starting on line i into `out`; returns the index of the next line."""
    line = lines[i].rstrip()
    s = line.strip()
    if _MACRO_LINE.match(s) or _MACRO_OPEN.match(s) or s == "}}" or _TABLE_SIG.match(s):
        out.append((i + 1, ""))  # {{toc}}, {{collapse(...)}}'s edges, `table(x).`: layout, not words
        return i + 1
    if s.startswith("|") and _split_row(s) is not None:
        rows: list[tuple[int, list[str]]] = []
        j = i
        while j < len(lines) and (cells := _split_row(lines[j])) is not None:
            rows.append((j + 1, cells))
            j += 1
        _table(rows, out)
        return j
    m = _PRE_OPEN.match(s)
    if m:
        rest = s[m.end():]
        if _PRE_CLOSE.search(rest):  # <pre>one line</pre>
            _code_block([(i + 1, _PRE_CLOSE.split(rest)[0])], out, i + 1)
            return i + 1
        j = i + 1
        while j < len(lines) and not _PRE_CLOSE.search(lines[j]):
            j += 1
        if j == len(lines):  # never closed: the lines after it are read as text
            out.append((i + 1, _inline(rest)))
            return i + 1
        body = ([(i + 1, rest)] if rest.strip() else []) + [(k + 1, lines[k]) for k in range(i + 1, j)]
        tail = _PRE_CLOSE.split(lines[j])[0]
        if tail.strip():
            body.append((j + 1, tail))
        _code_block(body, out, i + 1)
        return j + 1
    m = _HEADING.match(line)
    if m:
        out.append((i + 1, "#" * int(m.group(1)) + " " + _inline(m.group(2)).strip()))
        return i + 1
    m = _BLOCK.match(line)
    if m:
        kind, extended, first = m.group(1), m.group(2) == "..", m.group(3) or ""
        end = _block_end(lines, i, extended)
        body = [(i + 1, first)] + [(k + 1, lines[k]) for k in range(i + 1, end)]
        if kind == "###":  # a comment
            out += [(num, "") for num, _ in body]
        elif kind in ("bc", "pre"):
            _code_block(body if first.strip() else body[1:], out, i + 1)
        elif kind == "bq":
            out += [(num, "> " + _inline(text) if text.strip() else ">") for num, text in body]
        elif kind == "notextile":
            out += body
        elif kind.startswith("fn"):
            out.append((i + 1, f"[{kind[2:]}] {_inline(first)}"))
            out += [(num, _inline(text)) for num, text in body[1:]]
        else:  # p.
            out += [(num, _inline(text)) for num, text in body]
        return end
    m = _LIST.match(line)
    if m:
        marks = m.group(1)
        marker = "1." if marks[-1] == "#" else "-"
        out.append((i + 1, "  " * (len(marks) - 1) + f"{marker} {_inline(m.group(2))}"))
        return i + 1
    m = _DEFINITION.match(line)
    if m:
        out.append((i + 1, f"- {_inline(m.group(1))}: {_inline(m.group(2))}"))
        return i + 1
    out.append((i + 1, _inline(line)))
    return i + 1
