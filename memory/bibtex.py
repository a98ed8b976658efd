"""BibTeX libraries (`.bib`, from Zotero, JabRef, Mendeley): each entry the work it names.

Read as text an entry was one paragraph of `field = {value},` lines with TeX's braces in it. Here
each entry is a heading (its title, braces dropped) over its fields as "Key: value" lines, each at
the file line the field begins on; the note a reader writes on an entry ("Lent to Kari on 2 Sep")
is as much a statement as its author and year. `@comment`, `@preamble` and `@string` are the
file's own bookkeeping and are left out.
"""
from __future__ import annotations

import re
from pathlib import Path

BIB_EXT = {".bib", ".bibtex"}
_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)\s*,")
_FIELD = re.compile(r"\s*([A-Za-z][\w:-]*)\s*=\s*")
_SKIP = {"comment", "preamble", "string"}
# Fields that are the manager's bookkeeping, not what the user wrote of the work.
_BOOKKEEPING = {"file", "urldate", "abstract", "shorttitle", "langid", "annotation_file", "timestamp", "owner",
                "month", "issn", "mendeley-tags", "language"}


def looks_like_bibtex(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() in BIB_EXT and any(_ENTRY.match(line.lstrip()) for line in lines[:50])


def _value(text: str, i: int) -> tuple[str, int]:
    """The field value starting at text[i] ({braced}, "quoted" or bare), and where it ends."""
    if i < len(text) and text[i] in "{\"":
        close, depth, j = ("}" if text[i] == "{" else "\""), 0, i
        while j < len(text):
            c = text[j]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if close == "}" and depth == 0:
                    return text[i + 1:j], j + 1
            elif c == "\"" and close == "\"" and j > i and depth == 0:
                return text[i + 1:j], j + 1
            j += 1
        return text[i + 1:], len(text)
    m = re.match(r"[^,}\n]*", text[i:])
    return m.group(0).strip(), i + m.end()


def _clean(value: str) -> str:
    value = re.sub(r"\\[a-zA-Z]+\s*\{([^{}]*)\}", r"\1", value)  # \emph{x} -> x
    value = value.replace("{", "").replace("}", "").replace("\\&", "&").replace("--", "–").replace("~", " ")
    return " ".join(value.split())


def to_markdown(text: str) -> tuple[list[str], list[int]]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())

    def line_of(pos: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    md: list[str] = []
    numbers: list[int] = []
    pos = 0
    while (m := _ENTRY.search(text, pos)) is not None:
        kind, at = m.group(1).lower(), line_of(m.start())
        pos = m.end()
        fields: list[tuple[str, str, int]] = []
        while (f := _FIELD.match(text, pos)) is not None:
            value, pos = _value(text, f.end())
            fields.append((f.group(1).lower(), _clean(value), line_of(f.start() + len(f.group(0)) - len(f.group(0).lstrip()))))
            while pos < len(text) and text[pos] in " \t\r\n#":
                pos += 1
            if pos < len(text) and text[pos] == ",":
                pos += 1
        if kind in _SKIP:
            continue
        title = next((v for k, v, _ in fields if k == "title"), "") or m.group(2)
        md += ["", f"# {title}", ""]
        numbers += [at, at, at]
        if not any(k == "type" for k, _, _ in fields):
            md.append(f"- Type: {kind}")
            numbers.append(at)
        for key, value, n in fields:
            if key != "title" and key not in _BOOKKEEPING and value:
                md.append(f"- {key.capitalize()}: {value}")
                numbers.append(n)
    return md, numbers


__all__ = ["BIB_EXT", "looks_like_bibtex", "to_markdown"]
