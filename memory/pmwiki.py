"""PmWiki page files (a `wiki.d/` folder: `Main.HomePage`, `Family.Children`, `Journal.2026-10-14`,
no extension), read as the markdown the page means: a household wiki kept on a small home server.

A page file is `key=value` lines: `version=pmwiki-2.3.x ordered=1 urlencoded=1`, bookkeeping
(`agent=`, `author=`, `csum=`, `ctime=`, `host=`, `name=`, `rev=`, `targets=`, `time=`), the page's
whole markup on one `text=` line (newlines written `%0a`, `%` as `%25`, `<` as `%3c`), and then its
history (`author:1700000000=`, `diff:1700000000:1690000000:=`...). Read as plain text, the page was
one enormous line among diff noise. Here the `text=` line is decoded and its markup read, every
markdown line cited at the file line of `text=` (the whole page lies on that one line):

    (:title Our house:)                  ->  # Our house (else the page's name, `Family.Children` ->
                                             "Children", `Main.BinDays` -> "Bin Days")
    ! / !! / !!! Heading                 ->  # / ## / ### Heading
    * a  ** b  /  # one  ## two          ->  - a / nested - b  /  1. one / nested 1. two (a plain
                                             line right under an item goes on in it)
    ||border=1                           ->  (left out: the table's attributes)
    ||! Name ||! Phone ||  || Ann || 1 ||  ->  | Name | Phone | rows read under their column names;
                                             two columns and no header row: "Ann: 1"
    :term:definition                     ->  term: definition
    (:Phone: 0888 1234:)                 ->  Phone: 0888 1234 (a hidden page text variable)
    '''b''' ''i'' @@m@@ [+x+] [-x-] {+x+}  ->  b i m x x x (markup unwrapped)
    {-old value-}                        ->  (left out: deleted, it no longer holds)
    [[Page]] [[Group/Page]] [[G.P|text]]  ->  Page / Page / text ([[text -> Page]], [[url | text]]
                                             alike; a page name's CamelCase words spaced)
    [@ ... @] / [= ... =]                ->  the text as written, markup and all
    -> indented / \\\\ line break          ->  a plain line / a new line

Left out: the bookkeeping keys and the page history (`author:...=`, `diff:...=`, `host:...=`,
`csum:...=`: older versions are not what the page says now), directives (`(:toc:)`,
`(:include ...:)`, `(:if ...:)`, `(:comment ...:)`, `(:pagelist ...:)`...; a `(:description ...:)`
is kept as a line under the title), anchors `[[#anchor]]`, `%color%` style markers, `----` rules.
PmWiki's own pages say nothing of the household: the `Site`, `SiteAdmin` and `PmWiki` groups,
`Main.SearchWiki`, `*.RecentChanges`, a `*.SideBar`/`*.GroupHeader`/`*.GroupFooter` of only
links and directives, a `wikilib.d/` folder's pages (PmWiki's distributed documentation), a page
deleted in PmWiki (`Main.Old,del-1700000000`) and the lock, timestamp and search-index files
beside the pages (`.flock`, `.lastmod`, `.pageindex`).

Dates: a page is dated (ParsedFile.written) by the day of its `time=` (its last change); a journal
page whose name is a day (`Journal.2026-10-14`, `Diary.20261014`) by that day, and a page whose
title or headings name exactly one day (`!! Tuesday 20/10/2026`) by that day. Every line of a page
cites the same file line, so day headings cannot date sections of their own.

Bad input costs only itself: a page file with no `text=` line is said in a warning and nothing is
invented.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote

from memory import roff, texinfo

_KEY = re.compile(r"^([A-Za-z][\w-]*)((?::[^=]*)?)=(.*)$")
_PAGE_NAME = re.compile(r"^[A-Z0-9\x80-\U0010ffff][\w\x80-\U0010ffff-]*\.[A-Za-z0-9\x80-\U0010ffff][\w\x80-\U0010ffff-]*$")
_BOOK = {".flock": "PmWiki's lock file, not notes", ".lastmod": "PmWiki's last-change timestamp file, not notes",
         ".pageindex": "PmWiki's search index of its pages, not notes"}
_OWN_GROUPS = {"Site": "PmWiki's site configuration pages (the Site group), not notes",
               "SiteAdmin": "PmWiki's administration pages (the SiteAdmin group), not notes",
               "PmWiki": "PmWiki's own documentation (the PmWiki group), not notes"}
_NAME_DAY = re.compile(r"((?:19|20)\d{2})-?(\d{2})-?(\d{2})$")


def looks_like_pmwiki(path: Path, lines: list[str]) -> bool:
    """A PmWiki page file: its first line `version=pmwiki-...`, or key=value lines holding a
    `name=Group.Page` and a `text=`; whatever the file's name. Also the bookkeeping files of a
    `wiki.d` folder."""
    if path.name in _BOOK and path.parent.name == "wiki.d":
        return True
    if not lines:
        return False
    if lines[0].startswith("version=pmwiki-"):
        return True
    keys: dict[str, str] = {}
    for line in lines[:40]:
        m = _KEY.match(line)
        if not m:
            return False
        if not m.group(2):
            keys[m.group(1)] = m.group(3)
        if "text" in keys and "name" in keys:
            return bool(_PAGE_NAME.match(keys["name"].strip()))
    return False


def _spaced(name: str) -> str:
    """A page name as PmWiki shows it: `BinDays` -> "Bin Days", `Main/BinDays` -> "Bin Days"."""
    name = re.split(r"[./]", name.strip())[-1] if not re.search(r"\s", name.strip()) else name.strip()
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    return name.replace("_", " ").strip()


def _link(m: re.Match) -> str:
    inner = m.group(1).strip()
    if inner.startswith("#"):
        return ""  # an anchor
    target, text = inner, ""
    if "|" in inner:
        target, text = inner.split("|", 1)
    elif "->" in inner:
        text, target = inner.split("->", 1)
    elif "<-" in inner:
        target, text = inner.split("<-", 1)
    target, text = target.strip(), text.strip()
    if text and text not in ("+", "!"):
        return text
    target = re.sub(r"#.*$", "", target)
    if re.match(r"^(?:https?|ftp|mailto):", target, re.I):
        return target.replace("mailto:", "") if target.lower().startswith("mailto:") else target
    if target.startswith("Attach:"):
        return target[len("Attach:"):]
    target = re.sub(r"\([^)]*\)", "", target)  # [[(Main/)Page]] shows "Page"
    return _spaced(target)


_STYLE = re.compile(r"%%|%(?:[a-z][a-z-]*|[a-z-]+=[^%\s]+(?:\s+[a-z-]+=[^%\s]+)*)%")
_DIRECTIVE = re.compile(r"\(:(.*?):\)")


def _inline(text: str) -> str:
    """A line of PmWiki markup as the words it shows."""
    text = re.sub(r"\{-.*?-\}", "", text)  # deleted: it no longer holds
    text = re.sub(r"\[\[(.*?)\]\]", _link, text)
    text = re.sub(r"'''''(.*?)'''''", r"\1", text)
    text = re.sub(r"'''(.*?)'''", r"\1", text)
    text = re.sub(r"''(.*?)''", r"\1", text)
    text = re.sub(r"@@(.*?)@@", r"\1", text)
    text = re.sub(r"\[(\++|-+)(.*?)\1\]", r"\2", text)
    text = re.sub(r"\{\+(.*?)\+\}", r"\1", text)
    text = re.sub(r"'([\^_+-])(.*?)\1'", r"\2", text)
    text = _STYLE.sub("", text)
    text = re.sub(r"\s*\\\\+\s*", "\n", text)  # \\ a line break
    return re.sub(r"[ \t]{2,}", " ", text).strip()


class _Page:
    def __init__(self, line: int) -> None:
        self.line = line
        self.md: list[str] = []
        self.in_item = False
        self.top_mark = ""
        self.widths: list[int] = []  # the indent each open list level's text stands at
        self.rows: list[list[str]] = []
        self.heads: list[bool] = []

    def put(self, text: str) -> None:
        for part in text.split("\n"):
            self.md.append(part)

    def blank(self) -> None:
        self.flush()
        self.in_item = False
        if self.md and self.md[-1] != "":
            self.md.append("")

    def flush(self) -> None:
        """Write the table whose rows wait."""
        rows, heads = self.rows, self.heads
        self.rows, self.heads = [], []
        if not rows:
            return
        if self.md and self.md[-1] != "":
            self.md.append("")
        for _, text in texinfo.table_lines(list(enumerate(rows)), heads[0]):
            self.md.append(text)


def _protect(text: str) -> tuple[str, list[str]]:
    """[@...@] and [=...=] as placeholders, so no markup inside them is read."""
    kept: list[str] = []

    def keep(m: re.Match) -> str:
        kept.append(m.group(2).strip("\n"))
        return f"\x00{len(kept) - 1}\x00"

    return re.sub(r"\[([@=])(.*?)\1\]", keep, text, flags=re.S), kept


def _restore(text: str, kept: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


def _epoch_day(value: str) -> str:
    try:
        return datetime.fromtimestamp(int(value.strip()), tz=timezone.utc).strftime("%Y-%m-%d")
    except (ValueError, OverflowError, OSError):
        return ""


def _only_links(body: str) -> bool:
    rest = _DIRECTIVE.sub("", body)
    rest = re.sub(r"\[\[.*?\]\]", "", rest)
    rest = _STYLE.sub("", rest)
    return not re.sub(r"[\s*#!|:>-]", "", rest)


def _markup(body: str, w: _Page) -> list[str]:
    """The page's markup into w.md; the days its title and headings name."""
    body, kept = _protect(body)
    days: list[str] = []
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        i += 1
        while raw.endswith("\\") and not raw.endswith("\\\\") and i < len(lines):
            raw = raw[:-1] + " " + lines[i].rstrip()  # a single \ joins the next line
            i += 1

        def directive(m: re.Match) -> str:
            inner = m.group(1)
            ptv = re.match(r"^([A-Za-z][\w-]*):(.+)$", inner, re.S)
            if ptv and ptv.group(2).strip():
                return f"\x01{ptv.group(1)}: {ptv.group(2).strip()}\x01"
            word, _, rest = inner.partition(" ")
            if word == "description" and rest.strip():
                return f"\x01{rest.strip()}\x01"
            return ""

        had_directive = bool(_DIRECTIVE.search(raw))
        line = _DIRECTIVE.sub(directive, raw)
        line = re.sub(r"\(:\w[^)]*$", "", line)  # a directive never closed
        shown = [s for s in re.findall(r"\x01(.*?)\x01", line)]
        line = re.sub(r"\x01.*?\x01", "", line)
        for s in shown:
            w.blank()
            w.put(_restore(_inline(s), kept))
            w.blank()
        if not line.strip():
            if not had_directive:
                w.blank()
            continue
        if re.fullmatch(r"\s*-{4,}\s*", line):
            w.blank()
            continue
        if line.startswith("||"):
            body_cells = line[2:]
            if not body_cells.rstrip().endswith("||"):
                continue  # ||border=1 cellpadding=4: the table's attributes
            w.in_item = False
            cells = [c for c in re.split(r"\|\|", body_cells.rstrip()[:-2])]
            heads = [c.strip().startswith("!") for c in cells]
            cells = [_restore(_inline(c.strip().lstrip("!").rstrip("!")), kept).replace("\n", " ").replace("|", "/")
                     for c in cells]
            if not any(cells):
                continue
            w.rows.append(cells)
            w.heads.append(all(heads))
            continue
        w.flush()
        m = re.match(r"^(!{1,6})\s*(.*)$", line)
        if m:
            title = _restore(_inline(m.group(2)), kept).replace("\n", " ").strip()
            if title:
                w.blank()
                w.put("#" * len(m.group(1)) + " " + title)
                w.blank()
                if day := roff._day(title):
                    days.append(day)
            continue
        m = re.match(r"^([*#]+)\s*(.*)$", line)
        if m and m.group(2).strip():
            depth = len(m.group(1))
            mark = "-" if m.group(1)[-1] == "*" else "1."
            if (not w.in_item or (depth == 1 and mark != w.top_mark)) and w.md and w.md[-1] != "":
                w.md.append("")  # a list of another kind starts
            if depth == 1:
                w.top_mark = mark
            text = _restore(_inline(m.group(2)), kept)
            first, *more = text.split("\n")
            # Each level indented under its parent's text ("- " two columns, "1. " three).
            w.widths = (w.widths if w.in_item else [])[:depth - 1]
            w.widths += [2] * (depth - 1 - len(w.widths)) + [len(mark) + 1]
            w.put(" " * sum(w.widths[:-1]) + f"{mark} {first}")
            for extra in more:
                w.put(" " * sum(w.widths) + extra)
            w.in_item = True
            continue
        m = re.match(r"^:+([^:]*):(.*)$", line)
        if m and m.group(1).strip():
            w.blank()
            term, what = _inline(m.group(1)), _inline(m.group(2))
            w.put(_restore(f"{term}: {what}" if what else term, kept))
            w.blank()
            continue
        line = re.sub(r"^(?:-+[<>]|>+)\s*", "", line)  # -> indented, -< hanging
        text = _restore(_inline(line), kept)
        if not text.strip():
            continue
        if w.in_item:
            for part in text.split("\n"):
                w.put(" " * sum(w.widths) + part.strip())  # goes on in the item above it
            continue
        w.put(text)
    w.blank()
    return days


def _read_keys(lines: list[str]) -> tuple[dict[str, tuple[int, str]], bool]:
    keys: dict[str, tuple[int, str]] = {}
    for n, line in enumerate(lines, 1):
        m = _KEY.match(line)
        if m and not m.group(2) and m.group(1) not in keys:
            keys[m.group(1)] = (n, m.group(3))
    encoded = "urlencoded=1" in (lines[0] if lines else "")
    return keys, encoded


def to_markdown(lines: list[str], path: Path) -> texinfo.Converted:
    if path.name in _BOOK:
        return texinfo.Converted([], [], [], "", [], _BOOK[path.name])
    keys, encoded = _read_keys(lines)
    name = keys.get("name", (0, ""))[1].strip() or path.name
    name = re.sub(r",.*$", "", name)
    group, _, page = name.rpartition(".")
    written = _epoch_day(keys.get("time", (0, ""))[1])
    if re.search(r",del-\d+$", path.name):
        return texinfo.Converted([], [], [], written, [], "a page deleted in PmWiki (its file is kept as a backup)")
    if path.parent.name == "wikilib.d":
        return texinfo.Converted([], [], [], written, [], "PmWiki's distributed pages (wikilib.d), not notes")
    if "text" not in keys:
        return texinfo.Converted([], [], [], written, ["a PmWiki page file with no text= line: nothing read"],
                                 "a PmWiki page file with no text")
    line, raw = keys["text"]
    if encoded:
        body = unquote(raw, errors="replace")
    elif "newline" in keys and keys["newline"][1]:
        body = raw.replace(keys["newline"][1], "\n")
    else:
        body = raw.replace("%0a", "\n").replace("%3c", "<").replace("%25", "%")
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if group in _OWN_GROUPS:
        return texinfo.Converted([], [], [], written, [], _OWN_GROUPS[group])
    if page in ("RecentChanges", "AllRecentChanges"):
        return texinfo.Converted([], [], [], written, [], "PmWiki's list of recent edits, not notes")
    if name == "Main.SearchWiki" or page == "Search":
        return texinfo.Converted([], [], [], written, [], "PmWiki's search page, not notes")
    if page in ("SideBar", "GroupHeader", "GroupFooter", "GroupAttributes") and _only_links(body):
        return texinfo.Converted([], [], [], written, [], f"PmWiki's {_spaced(page).lower()}: only links, not notes")
    titles = re.findall(r"\(:title\s+(.*?):\)", body)
    title = _inline(titles[-1]).replace("\n", " ") if titles else _spaced(page or name)
    w = _Page(line)
    w.put(f"# {title}")
    w.put("")
    days = _markup(body, w)
    while w.md and w.md[-1] == "":
        w.md.pop()
    if titles and (day := roff._day(title)):
        days.append(day)
    if m := _NAME_DAY.search(page):
        day = texinfo.day_of(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
        written = day or written
    elif len(set(days)) == 1:
        written = days[0]
    has_text = any(t.strip() and not t.startswith("#") for t in w.md)
    return texinfo.Converted(w.md, [line] * len(w.md), [], written, [],
                             "" if has_text else "an empty PmWiki page")
