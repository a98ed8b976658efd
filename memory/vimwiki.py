"""VimWiki pages (`.wiki`), read as the markdown they mean.

VimWiki's own syntax is close to markdown but not it: headings are `= Title =` (one `=` is the top
level), lists are indented `*`, `-` or `#` items, check boxes are `[X]`, `[.]`, `[o]`, `[O]` or
`[-]`, links are `[[Page]]` or `[[Page|what it says]]`, `Term:: Definition` is a definition and
`%%` starts a comment. Read as plain text, a page was one run-on paragraph per block and its
headings were words of the first statement ("= Auto =: Kennzeichen: ..."). Each line is
rewritten on the same line number:

    = Auto =                      ->  # Auto
    == Golf (meiner) ==           ->  ## Golf (meiner)
      * [X] Nachzahlung           ->    - [x] Nachzahlung
      # step one                  ->    1. step one
    [[diary/diary|Diary]]         ->  Diary
    Kita:: Pusteblume             ->  Kita: Pusteblume

Tables (`| a | b |` over `|---|---|`) and `~~struck~~` text are written as in markdown already.
The diary files a day's page as `diary/2026-03-21.wiki`: that day is the page's date.
"""
from __future__ import annotations

import re
from pathlib import Path

WIKI_EXT = {".wiki", ".vimwiki"}
_HEADING = re.compile(r"^\s*(={1,6})\s*(.*?)\s*\1\s*$")
_BOX = re.compile(r"^(\s*)([*#-])\s+\[([ .oOxX-])\]\s+")
_ITEM = re.compile(r"^(\s*)([*#-])\s+")
_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_TRANSCLUDE = re.compile(r"\{\{[^}]*\}\}")
_DEFINITION = re.compile(r"^(\s*)([^:|*#-][^:]*?)::\s+(\S.*)$")
_PLACEHOLDER = re.compile(r"^%(?:title|date|template|nohtml)\b")
_DIARY = re.compile(r"(?:^|/)diary/(\d{4})-(\d{2})-(\d{2})\.(?:wiki|vimwiki)$", re.I)


def is_vimwiki(path: Path) -> bool:
    return path.suffix.lower() in WIKI_EXT


def _link(m: re.Match) -> str:
    if m.group(2):
        return m.group(2).strip()
    target = m.group(1).strip().rstrip("/")
    target = re.sub(r"^(?:diary|file|local|wiki\d*):", "", target)
    return target.split("/")[-1].split("#")[0] or target


def to_markdown(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if line.lstrip().startswith("%%") or _PLACEHOLDER.match(line):
            out.append("")  # a comment or a placeholder for the HTML export, not what the page says
            continue
        m = _HEADING.match(line)
        if m and m.group(2):
            out.append("#" * len(m.group(1)) + " " + _LINK.sub(_link, m.group(2)))
            continue
        text = _BOX.sub(lambda b: f"{b.group(1)}- [{'x' if b.group(3) in 'xX' else ' '}] ", line)
        if text == line:
            text = _ITEM.sub(lambda i: f"{i.group(1)}{'1.' if i.group(2) == '#' else '-'} ", line)
        text = _LINK.sub(_link, text)
        text = _TRANSCLUDE.sub("", text)
        if "|" not in text:
            text = _DEFINITION.sub(lambda d: f"{d.group(1)}{d.group(2).strip()}: {d.group(3)}", text)
        out.append(text)
    return out


def diary_day(path: Path) -> str:
    """The day of a diary page (`diary/2026-03-21.wiki`), "" for any other page."""
    m = _DIARY.search(path.as_posix())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""
