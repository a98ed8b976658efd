"""MoinMoin 1.9 wiki data folders (`data/pages/<Page>/revisions/00000003`, the page's `current`
file naming its revision, an `edit-log` per page and one for the wiki), read as the markdown each
page means now: a household wiki kept on a small home server.

Only the revision `current` names is read. MoinMoin keeps every older revision beside it, and read
as text each was a page of its own whose old values ("Rent: 3,900,000 kip") answered as surely as
the new ones. An older revision, the `current` pointer, the edit logs and the page caches say
nothing; `wikiconfig.py` is the wiki's settings.

A page folder's name is the page name with its special characters hex-quoted
(`Journal(2f)2026(2d)11(2d)21` is `Journal/2026-11-21`); the page is titled by its last part with
its CamelCase words spaced ("FamilyPage" -> "Family Page") unless its markup opens with a heading.
The markup (MoinMoin's own wiki syntax):

    = H = / == H == ...                    ->  # H / ## H ...
     * item / 1. item / a. item (indented) ->  - item / 1. item, nested by indent
     term:: definition                      ->  term: definition
    ||'''Name'''||'''Phone'''|| rows        ->  | Name | Phone | rows read under their column names
                                               (a first row all bold is the header); two columns
                                               and no header row: "Name: Khamphone"
    <tablewidth="..."> <rowbgcolor> <-2>    ->  (left out: cell and table attributes)
    '''b''' ''i'' __u__ ^s^ ,,s,, ~+b+~    ->  b i u s s b (markup unwrapped)
    --(struck)--                           ->  (left out: struck out, it no longer holds)
    [[Page]] [[Page|text]] [[url|text]]    ->  Page / text ({{attachment:x.png|alt}} -> alt)
    {{{code}}} / `code`                    ->  the text as written; a {{{ ... }}} block's lines as they are
    <<BR>>                                 ->  a new line
    !WikiName                              ->  WikiName

Left out: processing instructions and comments (`#format`, `#language`, `#acl`, `## ...`), macros
(`<<TableOfContents>>`, `<<FullSearch(...)>>`, `<<PageList(...)>>`...), `----` rules and a page's
closing category line (`CategoryJournal`). A page with no words left (a category page of only a
search macro) says nothing. A page written in another format (`#format plain`) is read as text.

Dates: a page is dated (ParsedFile.written) by the day in its name (`Journal/2026-11-21`), else by
a single day its headings name, else by its edit log's entry for the current revision (the day the
page last changed). Every markdown line cites the line of the revision file it came from.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from memory import texinfo

_REVISION = re.compile(r"^\d{8}$")
_PROCESSING = re.compile(r"^#(?:#|format\b|language\b|acl\b|pragma\b|redirect\b|refresh\b|deprecated\b|$)", re.IGNORECASE)
_CATEGORY_LINE = re.compile(r"^\s*(?:Category[A-Z]\w*\s*)+$")
_LOG_LINE = re.compile(r"^\d{13,}\t\d{8}\t[A-Z/]+\t")
_NAME_DAY = re.compile(r"((?:19|20)\d{2})-?(\d{2})-?(\d{2})$")


def _pages_dir(path: Path) -> Path | None:
    """The `pages` folder a file of a page folder lies in (`.../pages/<Page>/revisions/00000001`)."""
    parts = path.parts
    for i in range(len(parts) - 2, 0, -1):
        if parts[i] == "pages":
            return Path(*parts[: i + 1])
    return None


def _page_folder(path: Path) -> Path | None:
    pages = _pages_dir(path)
    if pages is None or len(path.parts) <= len(pages.parts) + 1:
        return None
    return Path(*path.parts[: len(pages.parts) + 1])


def looks_like_moin(path: Path, lines: list[str]) -> bool:
    """A file of a MoinMoin data folder: a page's revision (a file named by eight digits in a
    `revisions` folder of a page folder holding `current`), the `current` pointer, an edit log,
    a page's cache, or the wiki's `wikiconfig.py`."""
    if path.name == "wikiconfig.py":
        return any("MoinMoin" in line for line in lines[:40])
    if path.name == "edit-log":
        return not lines or bool(_LOG_LINE.match(lines[0]))
    folder = _page_folder(path)
    if folder is None or not (folder / "current").is_file():
        return False
    if path.name == "current" and path.parent == folder:
        return True
    if path.parent.name == "revisions" and path.parent.parent == folder and _REVISION.match(path.name):
        return True
    return path.parent.name == "cache" and path.parent.parent == folder


def page_name(folder: str) -> str:
    """The page name a page folder stands for: `Journal(2f)2026(2d)11(2d)21` -> `Journal/2026-11-21`
    (a run of hex between brackets is the name's UTF-8 bytes)."""
    def byte_run(m: re.Match) -> str:
        hexes = m.group(1)
        try:
            return bytes.fromhex(hexes).decode("utf-8")
        except ValueError:
            return m.group(0)

    return re.sub(r"\(((?:[0-9a-fA-F]{2})+)\)", byte_run, folder)


def _spaced(name: str) -> str:
    last = name.rsplit("/", 1)[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", last).replace("_", " ").strip()


def _link(m: re.Match) -> str:
    target, _, text = m.group(1).partition("|")
    text = text.split("|", 1)[0].strip()
    if text:
        return text
    target = target.strip()
    if target.startswith("#"):
        return ""
    if re.match(r"^(?:https?|ftp):", target, re.IGNORECASE):
        return target
    if target.lower().startswith("mailto:"):
        return target[7:]
    target = re.sub(r"^(?:attachment|drawing):", "", target)
    return _spaced(target.split("#", 1)[0]) if "/" in target or re.fullmatch(r"[A-Z]\w+", target) else target


def _embed(m: re.Match) -> str:
    _target, _, alt = m.group(1).partition("|")
    return alt.split("|", 1)[0].strip()


def inline(text: str) -> str:
    """A line of MoinMoin markup as the words it shows."""
    kept: list[str] = []

    def keep(m: re.Match) -> str:
        kept.append(m.group(1))
        return f"\x00{len(kept) - 1}\x00"

    text = re.sub(r"\{\{\{(.*?)\}\}\}", keep, text)
    text = re.sub(r"`([^`]*)`", keep, text)
    text = re.sub(r"--\(.*?\)--", "", text)  # struck out: it no longer holds
    text = re.sub(r"<<BR>>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<<.*?>>", "", text)  # macros
    text = re.sub(r"\{\{(.*?)\}\}", _embed, text)
    text = re.sub(r"\[\[(.*?)\]\]", _link, text)
    text = re.sub(r"'''''(.*?)'''''", r"\1", text)
    text = re.sub(r"'''(.*?)'''", r"\1", text)
    text = re.sub(r"''(.*?)''", r"\1", text)
    text = re.sub(r"__(.*?)__", r"\1", text)
    text = re.sub(r"\^(.*?)\^", r"\1", text)
    text = re.sub(r",,(.*?),,", r"\1", text)
    text = re.sub(r"~[+-](.*?)[+-]~", r"\1", text)
    text = re.sub(r"(?<![\w!])!(?=[A-Z][a-z]+[A-Z])", "", text)  # !WikiName: not a link
    text = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


class _Writer:
    def __init__(self) -> None:
        self.md: list[str] = []
        self.numbers: list[int] = []
        self.rows: list[tuple[int, list[str], bool]] = []
        self.indents: list[int] = []  # the source indent of each open list level

    def put(self, text: str, n: int) -> None:
        for part in text.split("\n"):
            self.md.append(part)
            self.numbers.append(n)

    def blank(self, n: int) -> None:
        self.flush()
        self.indents = []
        if self.md and self.md[-1] != "":
            self.put("", n)

    def flush(self) -> None:
        rows, self.rows = self.rows, []
        if not rows:
            return
        if self.md and self.md[-1] != "":
            self.put("", rows[0][0])
        for n, text in texinfo.table_lines([(n, cells) for n, cells, _ in rows], rows[0][2]):
            self.put(text, n)


def _cells(line: str) -> tuple[list[str], bool] | None:
    body = line.strip()
    if not body.endswith("||") or len(body) < 4:
        return None
    raw = body[2:-2].split("||")
    bold = [bool(re.fullmatch(r"\s*(?:<[^>]*>)*\s*'''.*'''\s*", c)) for c in raw if c.strip()]
    cells = [inline(re.sub(r"^\s*(?:<[^>]*>)+", "", c)).replace("\n", " ").replace("|", "/") for c in raw]
    if not any(cells):
        return None
    return cells, bool(bold) and all(bold)


def _markup(lines: list[str], w: _Writer) -> list[str]:
    """The page's markup into w; the days its headings name."""
    days: list[str] = []
    i = 0
    while i < len(lines):
        n = i + 1
        raw = lines[i].rstrip()
        i += 1
        if raw.startswith("#") and _PROCESSING.match(raw):
            continue
        if raw.strip().startswith("{{{"):
            # A preformatted block (or a parser's, "{{{#!python"): its lines as they are.
            w.blank(n)
            rest = raw.strip()[3:]
            if rest.endswith("}}}"):
                w.put(rest[:-3], n)
                continue
            if rest and not rest.startswith("#!"):
                w.put(rest, n)
            while i < len(lines) and not lines[i].rstrip().endswith("}}}"):
                w.put(lines[i].rstrip(), i + 1)
                i += 1
            if i < len(lines):
                last = lines[i].rstrip()[:-3]
                if last.strip():
                    w.put(last, i + 1)
                i += 1
            w.blank(i)
            continue
        if not raw.strip():
            w.blank(n)
            continue
        if re.fullmatch(r"\s*-{4,}\s*", raw) or _CATEGORY_LINE.match(raw):
            w.blank(n)
            continue
        if raw.lstrip().startswith("||"):
            parsed = _cells(raw)
            if parsed is not None:
                w.indents = []
                w.rows.append((n, *parsed))
            continue
        w.flush()
        m = re.match(r"^(={1,6})\s+(.*?)\s+\1\s*$", raw)
        if m:
            title = inline(m.group(2)).replace("\n", " ")
            if title:
                w.blank(n)
                w.put("#" * len(m.group(1)) + " " + title, n)
                w.blank(n)
                if day := texinfo.day_of(title):
                    days.append(day)
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        body = raw.strip()
        m = re.match(r"^(\*|(?:\d+|[a-zA-Z]|[ivxIVX]+)\.(?:#\d+)?)\s+(.*)$", body) if indent else None
        if m and m.group(2).strip():
            while w.indents and w.indents[-1] >= indent and w.indents[-1] != indent:
                w.indents.pop()
            if not w.indents or w.indents[-1] < indent:
                w.indents.append(indent)
            depth = len(w.indents)
            mark = "-" if m.group(1) == "*" else "1."
            text = inline(m.group(2))
            first, *more = text.split("\n")
            w.put("  " * (depth - 1) + f"{mark} {first}", n)
            for extra in more:
                w.put("  " * depth + extra, n)
            continue
        m = re.match(r"^(.+?)::\s*(.*)$", body) if indent else None
        if m and m.group(1).strip():
            w.blank(n)
            term, what = inline(m.group(1)), inline(m.group(2))
            w.put(f"{term}: {what}" if what else term, n)
            w.blank(n)
            continue
        text = inline(body)
        if not text:
            continue
        if w.indents and indent:
            w.put("  " * len(w.indents) + text, n)  # goes on in the item above it
            continue
        w.indents = []
        w.put(text, n)
    w.blank(len(lines))
    return days


def _log_day(folder: Path, revision: str) -> str:
    """The day the page's edit log saved this revision (its timestamps are microseconds)."""
    try:
        log = (folder / "edit-log").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    for line in reversed(log):
        parts = line.split("\t")
        if len(parts) > 2 and parts[1] == revision and parts[0].isdigit():
            try:
                return datetime.fromtimestamp(int(parts[0]) / 1_000_000, tz=timezone.utc).strftime("%Y-%m-%d")
            except (ValueError, OverflowError, OSError):
                return ""
    return ""


def to_markdown(lines: list[str], path: Path) -> texinfo.Converted:
    def nothing(why: str, written: str = "") -> texinfo.Converted:
        return texinfo.Converted([], [], [], written, [], why)

    if path.name == "wikiconfig.py":
        return nothing("a MoinMoin wiki's configuration (wikiconfig.py), not notes")
    if path.name == "edit-log":
        return nothing("a MoinMoin edit log (who saved which revision when), not notes")
    folder = _page_folder(path)
    if folder is None:
        return nothing("not a MoinMoin page file")
    if path.name == "current" and path.parent == folder:
        return nothing("a MoinMoin page's pointer to its current revision, not notes")
    if path.parent.name == "cache":
        return nothing("a MoinMoin page's cache, not notes")
    try:
        current = (folder / "current").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        current = ""
    if current and path.name != current:
        return nothing(f"an older revision of a MoinMoin page (the page is at revision {current})")
    name = page_name(folder.name)
    written = _log_day(folder, path.name)
    fmt = next((line.split(None, 1)[1].strip().lower() for line in lines[:10]
                if line.lower().startswith("#format ") and len(line.split()) > 1), "wiki")
    w = _Writer()
    if fmt != "wiki":
        body = [(k, line.rstrip()) for k, line in enumerate(lines, 1) if not _PROCESSING.match(line)]
        w.put(f"# {_spaced(name)}", 1)
        w.put("", 1)
        for k, line in body:
            w.put(line, k)
        days: list[str] = []
    else:
        first = next((line for line in lines if inline(line) and not _PROCESSING.match(line)), "")
        if not re.match(r"^=\s", first):
            w.put(f"# {_spaced(name)}", 1)
            w.put("", 1)
        days = _markup(lines, w)
    while w.md and w.md[-1] == "":
        w.md.pop()
        w.numbers.pop()
    if m := _NAME_DAY.search(name):
        written = texinfo.day_of(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") or written
    elif len(set(days)) == 1:
        written = days[0]
    if not any(t.strip() and not t.startswith("#") for t in w.md):
        return nothing("a MoinMoin page with no text of its own (only macros or links)", written)
    return texinfo.Converted(w.md, w.numbers, [], written, [])
