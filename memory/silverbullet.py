"""A SilverBullet space (a folder of markdown pages served by SilverBullet), read as notes.

Its pages are markdown, but the space also keeps its settings as pages, and the pages carry
SilverBullet's own markup. Read as plain markdown, "This page contains settings for configuring
SilverBullet" and the plug list were statements, a page's `lastModified:` front matter a fact
about the page's subject and never its date, and `#tags` and `${...}` expressions text:

    SETTINGS.md, PLUGS.md, CONFIG.md   ->  nothing: the space's settings and plug list
    _plug/*, .silverbullet*            ->  nothing: installed plugs and the server's files
    Library/Core/..., Library/Std/...  ->  nothing: libraries installed from silverbullet.md
    a page tagged `template`           ->  nothing: a form new pages are made from
    created: / lastModified:           ->  left out; lastModified dates the page
    #person #family (tags)             ->  left out
    ${query[[...]]}, ${today}          ->  left out (filled in when the page is shown)

`[[Page]]` links and ```query/```template blocks are read as any markdown page's are (a link as
its page's name, a fenced block as nothing said).
"""
from __future__ import annotations

import re
from pathlib import Path

_SETTINGS = {"SETTINGS.md", "PLUGS.md", "CONFIG.md"}
_BOOKKEEPING_KEYS = {"created", "lastmodified", "perm", "pageDecoration".lower(), "displayname"}
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*:\s*(.*)$")
_ISO = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_EXPRESSION = re.compile(r"\$\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}")
_TAG = re.compile(r"(?<![\w`/#&\[])#[^\W\d][\w/-]*")


def _is_space(folder: Path) -> bool:
    """A folder SilverBullet serves: its SETTINGS.md/PLUGS.md/CONFIG.md say so, or it holds `_plug/`."""
    try:
        if (folder / "_plug").is_dir():
            return True
        for name in _SETTINGS:
            page = folder / name
            if page.is_file():
                head = page.read_text(encoding="utf-8", errors="replace")[:600].lower()
                if "silverbullet" in head or "space-lua" in head or re.search(r"\.plug\.js|\bghr:", head):
                    return True
    except OSError:
        return False
    return False


def space_of(path: Path, depth: int = 6) -> Path | None:
    """The SilverBullet space a file is in, else None."""
    for folder in list(path.parents)[:depth]:
        if _is_space(folder):
            return folder
    return None


def is_settings(path: Path) -> str:
    """Why a file of a SilverBullet space is not notes, else ""."""
    parts = path.parts
    if path.name.startswith(".silverbullet") or "_plug" in parts:
        if space_of(path) or path.name.startswith(".silverbullet"):
            return "a SilverBullet space's installed plugs or server files, not notes"
        return ""
    if path.name in _SETTINGS and (space := space_of(path)) and path.parent == space:
        return "a SilverBullet space's settings or plug list, not notes"
    if path.suffix.lower() == ".md" and "Library" in parts and (space := space_of(path)):
        rel = path.relative_to(space).parts
        if len(rel) > 2 and rel[0] == "Library" and rel[1] in ("Core", "Std", "Library"):
            return "a library installed into a SilverBullet space, not notes"
    return ""


def _front_matter_end(lines: list[str]) -> int:
    """The index of the closing `---` of the page's front matter, else 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for i, line in enumerate(lines[1:80], 1):
        if line.strip() in ("---", "..."):
            return i
    return 0


def is_template(lines: list[str]) -> bool:
    """A page tagged `template` (or `meta/template`), or one with a `hooks.newPage` form: a form, not notes."""
    end = _front_matter_end(lines)
    head = "\n".join(lines[1:end])
    return bool(re.search(r"(?m)^(?:tags:.*\b(?:meta/)?template\b|\s*-\s*(?:meta/)?template\s*$|hooks\.newPage:)", head))


def written(lines: list[str]) -> str:
    """The ISO day of the front matter's `lastModified:`, else ""."""
    for line in lines[1:_front_matter_end(lines)]:
        m = _FRONT_KEY.match(line)
        if m and m.group(1).lower() == "lastmodified" and (day := _ISO.search(m.group(2))):
            return day.group(0)
    return ""


def _without_markup(text: str) -> str:
    parts = re.split(r"(`[^`]*`)", text)  # inline code is kept as written
    for i in range(0, len(parts), 2):
        parts[i] = _TAG.sub("", _EXPRESSION.sub("", parts[i]))
    out = "".join(parts)
    return out.rstrip() if out != text else text


def to_markdown(lines: list[str]) -> list[str]:
    """The page line for line: SilverBullet's bookkeeping keys, tags and expressions left out."""
    out = list(lines)
    end = _front_matter_end(lines)
    for i in range(1, end):
        m = _FRONT_KEY.match(lines[i])
        if m and m.group(1).lower() in _BOOKKEEPING_KEYS:
            out[i] = ""
    fence = ""
    for i in range(end + 1 if end else 0, len(lines)):
        stripped = lines[i].lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if m := re.match(r"(`{3,}|~{3,})", stripped):
            fence = m.group(1)
            continue
        text = _without_markup(lines[i])
        if text != lines[i] and re.fullmatch(r"\s*(?:[-*+]|\d+\.)?\s*(?:\[[ xX]\])?\s*", text):
            text = ""  # a line of tags alone
        out[i] = text
    return out


__all__ = ["is_settings", "is_template", "space_of", "to_markdown", "written"]
