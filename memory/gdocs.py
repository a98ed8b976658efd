"""A Google Docs document downloaded as "Web page (.html, zipped)", read as the markdown it means.

Google Docs writes the whole document on one line: a `<style>` of generated classes (`.c0`,
`.c3`...) and a `<body class="c11 doc-content">` of `<p class="c3">` paragraphs, `<h2 id="h.…">`
headings and `<table>`s, its title a `<p class="title">`, its checklist items as the glyphs
☐ and ☑. Read as any HTML page the paragraphs came out as lines with no blank line between
them, so a paragraph "Key: value" headed the ones after it and a heading's paragraphs ran
together. Here the title is the page's heading, each paragraph an item of its own, each
checklist item a task ("- [ ]", "- [x]"); headings and tables as the page shows them. Every
line cites line 1 of the file, the only one it has (or the line it came from when there are more). A paragraph before the first heading saying when the
document was last updated ("zadnje ažurirano: 28. 10. 2026.") dates it, so a later message reads as newer.
"""
from __future__ import annotations

import re
from pathlib import Path

from html import unescape

from memory import html as page

_MARK = re.compile(r'<body class="[^"]*\bdoc-content\b|<p class="[^"]*\btitle\b[^"]*" id="h\.')


def looks_like_gdoc(path: Path, lines: list[str]) -> bool:
    return path.suffix.lower() in (".html", ".htm") and bool(_MARK.search("\n".join(lines[:5])[:200000]))


def _title(text: str) -> str:
    m = re.search(r'<p class="[^"]*\btitle\b[^"]*"[^>]*>(.*?)</p>', text, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", unescape(m.group(1))).split()) if m else ""


def to_markdown(text: str) -> tuple[list[str], list[int]]:
    lines, numbers, _ = page.to_markdown(text)
    title = _title(text)
    md: list[str] = []
    nums: list[int] = []

    def add(line: str, n: int) -> None:
        md.append(line)
        nums.append(n)

    for k, (line, n) in enumerate(zip(lines, numbers)):
        if title and not md and line.strip() == title:
            add(f"# {title}", n)
            add("", n)
            continue
        if not line.strip() or line.startswith("|"):
            add(line, n)
            continue
        if line.startswith("#"):
            add("", n)
            add(line, n)
            add("", n)
            continue
        if m := re.match(r"\s*([☐☑☒])\s*", line):
            line = ("- [ ] " if m.group(1) == "☐" else "- [x] ") + line[m.end():]
            add(line, n)
            if k + 1 >= len(lines) or not re.match(r"\s*[☐☑☒]", lines[k + 1]):
                add("", n)
            continue
        if md and md[-1].startswith(("#", "- [")):
            add("", n)
        # A paragraph is an item of its own: as plain lines they ran together, and a short
        # "OIB: 48213557902" alone would be an ALL-CAPS title over the paragraphs after it.
        add(f"- {line.strip()}", n)
    return md, nums


__all__ = ["looks_like_gdoc", "to_markdown", "written"]
