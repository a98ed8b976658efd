"""reStructuredText pages (a Sphinx wiki, a project's docs), read as the markdown they mean.

Read as plain text, a field list (`:Kaució: 470 000 Ft`) ran into the lines around it as one
sentence, a `list-table` was a column of "- Név" bullets with no row, a simple table's rows lost
their column names, and `.. toctree::` listed the wiki's page names as if the user had said them.
Each construct becomes what it means, every line cited at the line of the file it came from:

    Lakás                        ->  # Lakás            (levels in the order the page uses them)
    =====
    :Kaució: 470 000 Ft          ->  - Kaució: 470 000 Ft
    Anyu                         ->  #### Anyu          (a definition list's term over its text)
       Halász Ilona, Szegeden…   ->  Halász Ilona, Szegeden…
    .. note:: / .. warning::     ->  its text, unindented
    .. toctree:: / .. image::    ->  (left out: the wiki's plumbing)
    .. list-table:: / ====  ==== ->  | Név | Telefon |   (one row per line, under its header)
    ``make html``, :doc:`x`      ->  make html, x
"""
from __future__ import annotations

import re
from pathlib import Path

RST_EXT = {".rst", ".rest"}

_ADORNMENT = re.compile(r"^([=\-~^\"'`*+#:._])\1{2,}\s*$")
_FIELD = re.compile(r"^(\s*):([^:`][^:]*?):(?:\s+(.*))?$")
_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w:-]+)::\s*(.*)$")
_COMMENT = re.compile(r"^\s*\.\.(?:\s|$)")
_SIMPLE_RULE = re.compile(r"^\s*=+(?:\s+=+)+\s*$")
# Directives whose body is the page's own text, shown in a box.
_ADMONITIONS = {"note", "warning", "tip", "important", "hint", "caution", "attention", "danger", "error",
                "admonition", "seealso", "topic", "sidebar", "rubric", "versionadded", "versionchanged", "deprecated"}
_ROLE = re.compile(r":[\w:-]+:`([^`<]*?)\s*(?:<[^`>]*>)?`")
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")
_LITERAL = re.compile(r"``(.+?)``")
_REF = re.compile(r"`([^`]+)`_{1,2}")


def looks_like_rst(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() in RST_EXT


def _inline(text: str) -> str:
    text = _ROLE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _LITERAL.sub(r"\1", text)
    return _REF.sub(r"\1", text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block_end(lines: list[str], i: int, base: int) -> int:
    """The index after the indented body that starts below line i (its lines indented past
    `base`, blank lines inside it included)."""
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > base):
        j += 1
    while j > i + 1 and not lines[j - 1].strip():
        j -= 1
    return j


def _cells(row: str, spans: list[tuple[int, int]]) -> list[str]:
    cells = []
    for k, (a, b) in enumerate(spans):
        end = spans[k + 1][0] if k + 1 < len(spans) else len(row)
        cells.append(_inline(row[a:end].strip()).replace("|", "/"))
    return cells


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(c or " " for c in cells) + " |"


def _simple_table(lines: list[str], i: int, out: list[tuple[int, str]]) -> int:
    """A simple table from its top rule at line i; returns the index after it."""
    spans = [m.span() for m in re.finditer(r"=+", lines[i])]
    rules = [i]
    j = i + 1
    while j < len(lines) and lines[j].strip():
        if _SIMPLE_RULE.match(lines[j]):
            rules.append(j)
        j += 1
    rows = [k for k in range(i + 1, j) if k not in rules]
    header = rows[:1] if len(rules) >= 3 else []
    out.append((i + 1, ""))
    for k in rows:
        out.append((k + 1, _table_row(_cells(lines[k], spans))))
        if k in header or (not header and k == rows[0]):
            out.append((k + 1, "|" + "---|" * len(spans)))
    out.append((j, ""))
    return j


def _list_table(lines: list[str], i: int, end: int, out: list[tuple[int, str]]) -> None:
    """A `list-table` directive's body: `* - cell` opens a row, `  - cell` adds a cell."""
    rows: list[tuple[int, list[str]]] = []
    for k in range(i + 1, end):
        s = lines[k].strip()
        if s.startswith(":") and not rows:
            continue  # the directive's options (":header-rows: 1")
        m = re.match(r"^\*\s+-\s*(.*)$", s)
        if m:
            rows.append((k + 1, [m.group(1)]))
        elif s.startswith("-") and rows:
            rows[-1][1].append(s[1:].strip())
        elif s and rows and rows[-1][1]:
            rows[-1][1][-1] += " " + s  # a cell's text wrapped onto the next line
    if not rows:
        return
    width = max(len(cells) for _, cells in rows)
    out.append((i + 1, ""))
    for k, (n, cells) in enumerate(rows):
        out.append((n, _table_row([_inline(c).replace("|", "/") for c in cells] + [""] * (width - len(cells)))))
        if k == 0:
            out.append((n, "|" + "---|" * width))
    out.append((end, ""))


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    out: list[tuple[int, str]] = []
    styles: list[tuple[str, bool]] = []  # section adornments in the order the page first uses them
    level = 0
    section = ""
    in_terms = False  # the lines before were a definition list's terms
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        s = line.strip()
        if in_terms and s and _indent(line) == 0:
            # What follows a definition list is the section's again, not the last term's.
            out.append((i + 1, "#" * max(level, 1) + " " + section))
            in_terms = False
        # A section title: its text over an underline (and under an overline of the same kind).
        over = _ADORNMENT.match(line) and i + 2 < n and lines[i + 1].strip() and _ADORNMENT.match(lines[i + 2]) \
            and lines[i + 2].strip()[0] == s[0] and not _SIMPLE_RULE.match(line)
        under = not over and s and not _ADORNMENT.match(line) and i + 1 < n and _ADORNMENT.match(lines[i + 1]) \
            and len(lines[i + 1].strip()) >= len(s) * 0.6 and _indent(line) == 0
        if over or under:
            title_at = i + 1 if over else i
            style = (lines[i + 1 if over else i + 1].strip()[0], bool(over))
            if style not in styles:
                styles.append(style)
            level = min(styles.index(style) + 1, 6)
            section = _inline(lines[title_at].strip())
            out.append((title_at + 1, "#" * level + " " + section))
            in_terms = False
            i += 3 if over else 2
            continue
        if _SIMPLE_RULE.match(line):
            i = _simple_table(lines, i, out)
            continue
        directive = _DIRECTIVE.match(line)
        if directive:
            name = directive.group(2).lower()
            end = _block_end(lines, i, _indent(line))
            if name == "list-table":
                if directive.group(3).strip():
                    out.append((i + 1, "#" * min(level + 1, 6) + " " + _inline(directive.group(3).strip())))
                _list_table(lines, i, end, out)
            elif name in _ADMONITIONS:
                title = directive.group(3).strip()
                out.append((i + 1, _inline(title) if title else ""))
                for k in range(i + 1, end):
                    body = lines[k].strip()
                    if not (body.startswith(":") and _FIELD.match(lines[k]) and k == i + 1):
                        out.append((k + 1, _inline(body)))
                out.append((end, ""))
            i = end  # toctree, image, code-block, include...: the wiki's plumbing
            continue
        if _COMMENT.match(line):
            i = _block_end(lines, i, _indent(line))
            continue
        field = _FIELD.match(line)
        if field and not re.match(r"^\s*:\w+:`", line):
            value = [field.group(3) or ""]
            j = i + 1
            while j < n and lines[j].strip() and _indent(lines[j]) > _indent(line) and not _FIELD.match(lines[j]):
                value.append(lines[j].strip())
                j += 1
            out.append((i + 1, f"{field.group(1)}- {_inline(field.group(2).strip())}: {_inline(' '.join(v for v in value if v))}"))
            for k in range(i + 1, j):
                out.append((k + 1, ""))
            i = j
            continue
        # A definition list: a term on its own line, its text indented under it.
        if (s and _indent(line) == 0 and i + 1 < n and lines[i + 1].strip() and _indent(lines[i + 1]) > 0
                and not s.startswith(("*", "-", "+", "|")) and not re.match(r"^\d+[.)]\s", s) and len(s.split()) <= 8
                and not s.endswith(("::", ".", ",", ";"))):
            out.append((i + 1, "#" * min(level + 1, 6) + " " + _inline(s)))
            j = _block_end(lines, i, 0)
            for k in range(i + 1, j):
                out.append((k + 1, _inline(lines[k].strip())))
            out.append((j, ""))
            in_terms = True
            i = j
            continue
        out.append((i + 1, _inline(line.rstrip()[:-1] if s.endswith("::") and not s == "::" else line)))
        i += 1
    return [text for _, text in out], [num for num, _ in out]
