"""Neorg pages (`.norg`, the Neovim org-mode-like format), read as the markdown they mean.

A Neorg workspace is a folder of `.norg` files: each opens with an `@document.meta ... @end`
block that Neorg's metagen fills in (title, authors, categories, `created:` and `updated:`), and
indents the text under a heading to the heading's text. Read as plain text, the meta block became
one long statement, every heading a sentence and every 3-space indented line "code". Each line is
rewritten on the same line number:

    @document.meta ... @end        ->  (blank: bookkeeping; its `updated:` dates the page)
    ** Pages                       ->  ## Pages
      - item / -- nested item      ->  - item / "  - nested item" (heading indentation removed)
    - ( ) open / - (x) done        ->  - [ ] open / - [x] done; (-) in progress, (=) on hold
    ~ step                         ->  1. step
    {:car:}[cars] / {:car:}        ->  cars / car
    {* Heading} / {:page:Heading}  ->  Heading
    {https://x.org}[site], [site]{https://x.org}  ->  site
    $ Passport                     ->  - Passport: <the next line>   (the next line left blank)
    | a | b |  (no separator row)  ->  a table whose first row names the columns
    @code lua ... @end             ->  a fenced code block

A journal page (`journal/2026/10/04.norg`, the journal module's nested strategy) is dated by its
path, any other page by its meta block's `updated:` (else `created:`). Neovim's Lua configuration
kept beside the notes (`.config/neorg.lua`) is the editor's settings, not notes.
"""
from __future__ import annotations

import re
from pathlib import Path

NORG_EXT = {".norg"}

_META_START = re.compile(r"^\s*@document\.meta\s*$")
_RANGED = re.compile(r"^\s*@(\w[\w.-]*)\s*(.*?)\s*$")
_END = re.compile(r"^\s*@end\s*$")
_PIPE_RANGED = re.compile(r"^\s*\|(\w+)\b.*$")  # |comment ... |end, |example ... |end
_CARRYOVER = re.compile(r"^\s*[#+]\w[\w.-]*(?:\s.*)?$")  # #contexts work, +name: tags on the next item
_HEADING = re.compile(r"^\s*(\*{1,6})\*?\s+(.*?)\s*$")
_LIST = re.compile(r"^(\s*)(-{1,6}|~{1,6}|>{1,6})\s+(.*)$")
_BOX = re.compile(r"^\(([ xX\-=_!?+])\)\s*")
_DEFINITION = re.compile(r"^\s*\$\s+(.*?)\s*$")
_DELIMITER = re.compile(r"^\s*(?:-{3,}|={3,}|_{3,})\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}")
_META_KEY = re.compile(r"^\s*(title|created|updated):\s*(.*?)\s*$")
_ISO = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_JOURNAL = re.compile(r"(?:^|/)journal/(?:.*/)?(\d{4})/(\d{2})/(\d{2})\.norg$", re.IGNORECASE)
_JOURNAL_FLAT = re.compile(r"(?:^|/)journal/(?:.*/)?(\d{4})-(\d{2})-(\d{2})\.norg$", re.IGNORECASE)

_VERBATIM = {"code", "math", "embed", "image", "table", "verbatim", "example"}
_BOX_NOTE = {"-": " (in progress)", "=": " (on hold)", "_": " (cancelled)"}

# Links: {:page:}[text], {* heading}[text], {https://...}[text], [text]{...}, {:page:heading}, {* heading}.
_LINK_TEXT = re.compile(r"\{[^{}\n]+\}\[([^\]\n]+)\]")
_TEXT_LINK = re.compile(r"\[([^\]\n]+)\]\{[^{}\n]+\}")
_LINK = re.compile(r"\{([^{}\n]+)\}")


def looks_like_neorg(path: Path) -> bool:
    return path.suffix.lower() in NORG_EXT


def is_editor_config(path: Path, lines: list[str]) -> bool:
    """Neovim's Lua configuration (a `neorg.lua` plugin spec) kept among the notes."""
    if path.suffix.lower() != ".lua":
        return False
    head = "\n".join(lines[:200])
    return bool(re.search(r"""require\(?\s*["'](?:neorg|lazy|packer)|["']nvim-neorg/|\bvim\.(?:opt|g|o|keymap|api|cmd|fn)\b""", head))


def _link(m: re.Match) -> str:
    inner = m.group(1).strip()
    if inner.startswith(":"):  # {:path/page:} or {:page:Heading}
        page, _, rest = inner[1:].partition(":")
        rest = rest.strip().lstrip("*#$^ ").strip()
        return rest or page.strip().rsplit("/", 1)[-1]
    if inner[:1] in "*#$^/@?" and len(inner) > 1:  # {* Heading}, {# anchor}, {/ file}, {? word}
        return inner.lstrip("*#$^/@? ").strip()
    return inner  # {https://...}: the address is what it says


def _inline(text: str) -> str:
    text = _LINK_TEXT.sub(r"\1", text)
    text = _TEXT_LINK.sub(r"\1", text)
    parts = re.split(r"(`[^`]*`)", text)  # inline code is kept as written
    for i in range(0, len(parts), 2):
        parts[i] = _LINK.sub(_link, parts[i])
        parts[i] = re.sub(r"(?<![\w/:])/([^/\s](?:[^/]*?[^/\s])?)/(?![\w/])", r"*\1*", parts[i])  # /italic/
    return "".join(parts)


def to_markdown(lines: list[str]) -> tuple[list[str], set[int]]:
    """The page as markdown line for line, and the 0-based rows that head a table."""
    out = [""] * len(lines)
    headers: set[int] = set()
    kinds: list[str] = [""] * len(lines)  # "heading", "body" or "" (blank, bookkeeping)
    i, n = 0, len(lines)
    while i < n:
        line = lines[i].rstrip()
        if _META_START.match(line):  # Neorg's bookkeeping, blank to its @end
            i += 1
            while i < n and not _END.match(lines[i]):
                i += 1
            i += 1
            continue
        ranged = _RANGED.match(line)
        if ranged and ranged.group(1) in _VERBATIM and any(_END.match(rest) for rest in lines[i + 1:]):  # @code lua ... @end and other verbatim ranged tags
            lang = ranged.group(2).split()[0] if ranged.group(1) == "code" and ranged.group(2) else ""
            out[i], kinds[i] = f"```{lang}", "code"
            i += 1
            while i < n and not _END.match(lines[i]):
                out[i], kinds[i] = lines[i].rstrip(), "code"
                i += 1
            out[i], kinds[i] = "```", "code"
            i += 1
            continue
        pipe = _PIPE_RANGED.match(line)
        if pipe and not _TABLE_ROW.match(line):  # |comment ... |end is left out; |example etc. keeps its lines
            comment = pipe.group(1) == "comment"
            i += 1
            while i < n and not re.match(r"^\s*\|end\b", lines[i]):
                if not comment:
                    out[i], kinds[i] = _inline(lines[i].rstrip()), "body"
                i += 1
            i += 1
            continue
        if not line.strip() or _DELIMITER.match(line) or _CARRYOVER.match(line):
            i += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            title = heading.group(2)
            box = _BOX.match(title)
            if box:
                title = title[box.end():] + _BOX_NOTE.get(box.group(1), " (done)" if box.group(1) in "xX" else "")
            out[i], kinds[i] = "#" * len(heading.group(1)) + " " + _inline(title), "heading"
            i += 1
            continue
        definition = _DEFINITION.match(line)
        if definition:
            term = _inline(definition.group(1))
            j = i + 1
            if j < n and lines[j].strip() and not (_HEADING.match(lines[j]) or _LIST.match(lines[j]) or _DEFINITION.match(lines[j])):
                out[i] = f"{_indent(line)}- {term}: {_inline(lines[j].strip())}"
                kinds[i] = "body"
                i = j + 1
                continue
            out[i], kinds[i] = f"{_indent(line)}- {term}", "body"
            i += 1
            continue
        if _TABLE_ROW.match(line):
            if not (i > 0 and _TABLE_ROW.match(lines[i - 1])) and not (i + 1 < n and _TABLE_SEP.match(lines[i + 1])):
                headers.add(i)
            out[i], kinds[i] = _inline(line), "body"
            i += 1
            continue
        item = _LIST.match(line)
        if item:
            lead, mark, text = item.groups()
            depth = len(mark) - 1
            if mark[0] == ">":
                out[i] = f"{lead}{'> ' * len(mark)}{_inline(text)}"
            else:
                bullet = "1." if mark[0] == "~" else "-"
                box = _BOX.match(text)
                if not text[box.end() if box else 0:].strip():
                    i += 1  # an empty item or task (a template's blank to fill in) says nothing
                    continue
                if box:
                    done = box.group(1) in "xX"
                    text = f"[{'x' if done else ' '}] " + text[box.end():] + _BOX_NOTE.get(box.group(1), "")
                out[i] = f"{lead}{'   ' * depth if bullet == '1.' else '  ' * depth}{bullet} {_inline(text)}"
            kinds[i] = "body"
            i += 1
            continue
        out[i], kinds[i] = _inline(line), "body"
        i += 1
    _dedent(out, kinds)
    return out, headers


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _dedent(out: list[str], kinds: list[str]) -> None:
    """Neorg indents a section's text to its heading's: remove each section's common indentation
    (markdown would read four spaces as code), keeping continuation lines' relative indentation."""
    start = 0
    for k in range(len(out) + 1):
        if k == len(out) or kinds[k] == "heading":
            body = [j for j in range(start, k) if kinds[j] == "body" and out[j].strip()]
            if body:
                cut = min(len(out[j]) - len(out[j].lstrip(" ")) for j in body)
                for j in range(start, k):
                    if kinds[j] in ("body", "code") and out[j][:cut].strip(" ") == "":
                        out[j] = out[j][cut:]
            start = k + 1


def meta(lines: list[str]) -> dict[str, str]:
    """The `@document.meta` block's title, created and updated values."""
    found: dict[str, str] = {}
    if not lines or not any(_META_START.match(line) for line in lines[:5]):
        return found
    for line in lines[1:80]:
        if _END.match(line):
            break
        if m := _META_KEY.match(line):
            found.setdefault(m.group(1), m.group(2))
    return found


def written(path: Path, lines: list[str]) -> str:
    """A journal page's day by its path, else the ISO day of the meta block's `updated:` (else `created:`)."""
    posix = path.as_posix()
    if m := (_JOURNAL.search(posix) or _JOURNAL_FLAT.search(posix)):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    info = meta(lines)
    for key in ("updated", "created"):
        if m := _ISO.search(info.get(key, "")):
            return m.group(0)
    return ""


__all__ = ["NORG_EXT", "is_editor_config", "looks_like_neorg", "meta", "to_markdown", "written"]
