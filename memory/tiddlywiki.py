"""TiddlyWiki tiddlers (`.tid`) read as the markdown they mean, line for line.

A TiddlyWiki kept on disk (the node.js edition) is a folder of `.tid` files: a block of fields
(`created: 20260928201500889`, `tags: Journal`, `title: 28th Sep 2026`), a blank line, then
wikitext. Read as plain text, the fields run into one sentence with the first line of the body,
`# item` would be a heading instead of a numbered item, and `|!Bank |!Number |` is no table.
Each line is rewritten to the markdown line that says the same thing, on the same line number:

    created: 20260928201500889    ->  # 28th Sep 2026         (the tiddler's title)
    tags: Journal                 ->  (blank: bookkeeping)
    birthday: 23 November         ->  - birthday: 23 November (a field of the user's own)
    !! Banking                    ->  ## Banking
    * ''Passport:'' A08817462     ->  - **Passport:** A08817462
    # call the agent              ->  1. call the agent
    |!Bank |!Number |             ->  | Bank | Number |         (a header row: see `header_rows`)
    [[TymeBank]], [[see|People]]  ->  TymeBank, see
"""
from __future__ import annotations

import re

TID_EXT = {".tid"}

_FIELD = re.compile(r"^([a-z0-9][\w.-]*):\s?(.*)$")
# Fields the wiki keeps for itself; the others ("birthday", "phone") are the user's facts.
_BOOKKEEPING = {"created", "modified", "tags", "title", "type", "revision", "bag", "creator", "modifier",
                "list", "list-before", "list-after", "caption", "color", "icon", "draft.of", "draft.title",
                "plugin-type", "plugin-priority", "module-type", "_canonical_uri", "throttle.refresh"}
_HEADING = re.compile(r"^(!{1,6})\s*(.*)$")
_LIST = re.compile(r"^([*#;:]+)\s*(.*)$")
_LINK = re.compile(r"\[\[([^\]|]*?)(?:\|[^\]]*)?\]\]")
_EXT_LINK = re.compile(r"\[ext\[([^\]|]*?)(?:\|[^\]]*)?\]\]")
_MACRO = re.compile(r"<<[^>]*>>|\{\{[^}]*\}\}")


def looks_like_tiddler(lines: list[str]) -> bool:
    """A `.tid`'s opening field block names its title (`title: ...`) before the first blank line."""
    for line in lines[:40]:
        if not line.strip():
            return False
        if line.startswith("title:"):
            return True
        if not _FIELD.match(line):
            return False
    return False


def _title(lines: list[str]) -> str:
    for line in lines:
        if not line.strip():
            break
        if line.startswith("title:"):
            return line[len("title:"):].strip()
    return ""


def written(lines: list[str]) -> str:
    """The day of the tiddler's `modified:` stamp (`20260302190500989`, UTC), "2026-03-02"."""
    for line in lines:
        if not line.strip():
            break
        m = re.match(r"modified:\s*(\d{4})(\d{2})(\d{2})\d*\s*$", line)
        if m:
            return "-".join(m.groups())
    return ""


def is_system(lines: list[str]) -> bool:
    """A system tiddler (`$:/SiteTitle`, `$:/config/...`): the wiki's own settings, not a note."""
    return _title(lines).startswith("$:/")


def _inline(text: str) -> str:
    text = _EXT_LINK.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _MACRO.sub("", text)
    text = text.replace("''", "**")
    # "//italic//", but not the "//" of a URL ("https://...").
    text = re.sub(r"(?<![:/])//(?=\S)(.+?)(?<=\S)//", r"\1", text)
    return re.sub(r"__(\S.*?)__|~~(\S.*?)~~|\^\^(.*?)\^\^|,,(.*?),,", lambda m: next(g for g in m.groups() if g is not None), text)


def _row(line: str) -> str:
    cells = line.strip().strip("|").split("|")
    return "| " + " | ".join(c.strip().lstrip("!").strip() for c in cells) + " |"


def to_markdown(lines: list[str]) -> tuple[list[str], set[int]]:
    """The markdown lines and the 0-based indexes of the table header rows (wikitext marks a
    header by its `!` cells and writes no separator row under it)."""
    out = [""] * len(lines)
    headers: set[int] = set()
    body = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    fields = [_FIELD.match(line) for line in lines[:body]]
    title = _title(lines)
    if is_system(lines):
        return out, headers
    at = next((i for i, m in enumerate(fields) if m and m.group(1) in _BOOKKEEPING), None)
    for i, m in enumerate(fields):
        if m and m.group(1) not in _BOOKKEEPING and m.group(2).strip():
            out[i] = f"- {m.group(1).replace('_', ' ')}: {m.group(2).strip()}"
    if title and at is not None:
        out[at] = f"# {title}"
    in_table = False
    for i in range(body, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith(("|", "|h", "|f", "|c", "|k")):
            if stripped.endswith(("|c", "|k")):  # a caption or a class row says nothing
                continue
            cells = [c.strip() for c in stripped.rstrip("hf").strip("|").split("|")]
            if not in_table or all(c.startswith("!") for c in cells if c):
                headers.add(i)
            out[i] = _inline(_row(stripped.rstrip("hf")))
            in_table = True
            continue
        in_table = False
        h = _HEADING.match(line)
        if h:
            out[i] = f"{'#' * len(h.group(1))} {_inline(h.group(2))}"
            continue
        li = _LIST.match(line)
        if li and li.group(2):
            marks = li.group(1)
            bullet = "1." if marks[-1] == "#" else "-"
            out[i] = f"{'  ' * (len(marks) - 1)}{bullet} {_inline(li.group(2))}"
            continue
        if stripped in ("<<<", "---") or stripped.startswith("<<<"):
            continue
        out[i] = _inline(line)
    return out, headers
