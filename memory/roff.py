"""Man pages written in groff's man(7) macros (`karl-house.7`, `notes.1`, `.man`, `.roff`), with
tbl tables, read as the markdown they mean: a personal handbook kept as man pages in a `man7/`
folder beside a Makefile.

Read as plain text, every fact sat among `.TH`, `.SH`, `.TP` and `.\\"` lines, a price was
`\\[Eu]874.35`, a dash `\\-`, a `.TP` tag (`.B Football`) was one line and its meaning the next,
and a tbl row `Raymond Cutajar;9955 5127` said nothing of its columns. Here, every line cited at
the file line it came from:

    .SH NAME  + "name \\- what it is"   ->  # name - what it is   (the page's title)
    .SH TITLE / .SS Title                ->  ## Title / ### Title
    .TP  .B Tag  body...                 ->  - Tag: body (later body lines go on in the item)
    .IP \\(bu 2  text / .IP tag  text     ->  - text / - tag: text
    .B x / .BR a (7) / \\fBx\\fR          ->  x / a(7) / x   (font changes dropped)
    \\- \\(em \\[Eu] \\(Po \\[u0127] \\(bu \\e   ->  - — € £ ħ • \\   (`\\&`, `\\c`, `\\%` dropped)
    .TS  allbox tab(;);  lb lb  l l.     ->  | Name | Number | rows read under their column names
         Name;Number  Adrian;7955 5402       (a header is a bold or centred first format row, or
    .TE                                      a row over a `_` rule); two columns and no header:
                                             "Adrian: 7955 5402"
    .nf ... .fi / .EX ... .EE            ->  each line its own line

Left out: comments (`.\\"`, `\\"`), the `'\\" t` preprocessor line, and requests that only lay
out the page (`.PP`, `.sp`, `.br`, `.RS`, `.in`, `.ad`, `.ds`...): a paragraph break ends a list
item.

Dates: the file is dated (ParsedFile.written) by the later of its `.TH` date and a comment saying
when it was last changed or reviewed (`.\\" Last reviewed: 25/08/2026`): the comment is the
writer's own word, the `.TH` date is often left as it was. A `.SH`/`.SS` heading that is a day
(a journal's `.SS "Mon 12/10/2026"`) dates the lines under it (ParsedFile.written_from), so a
later entry is a newer version of what an older page says.

Bad input costs only itself: a `.TS` never closed by `.TE` ends where the section does and a
`T{` never closed by `T}` at its table's end, each said in a warning.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory import texinfo

ROFF_EXT = re.compile(r"\.(?:[1-9][a-z]{0,3}|man|roff|mdoc)$", re.I)
_REQUEST = re.compile(r"^[.'](\S*)\s*(.*)$")
_NAMED = {"em": "—", "en": "–", "bu": "•", "Eu": "€", "eu": "€", "Po": "£", "Ye": "¥", "co": "©",
          "rg": "®", "tm": "™", "aq": "'", "dq": '"', "lq": "“", "rq": "”", "oq": "‘", "cq": "’",
          "hy": "-", "mi": "-", "pl": "+", "mu": "×", "de": "°", "ct": "¢", "ga": "`", "ti": "~",
          "ha": "^", "rs": "\\", "sl": "/", "at": "@", "sh": "#", "Do": "$", "fm": "′", "sd": "″",
          "->": "→", "<-": "←", "<=": "≤", ">=": "≥", "+-": "±", "12": "½", "14": "¼", "34": "¾",
          "'e": "é", "`e": "è", "'a": "á", "`a": "à", ":u": "ü", ":o": "ö", ":a": "ä", ",c": "ç",
          "~n": "ñ", "ss": "ß", "'E": "É", ":U": "Ü", ":O": "Ö", ":A": "Ä"}
_ESCAPE = re.compile(r"\\(?:\[(?P<long>[^\]]*)\]|\((?P<two>..)|f(?:\[[^\]]*\]|\(..|.)|s[-+]?\d|"
                     r"\*(?:\[[^\]]*\]|\(..|.)|(?P<one>.))")
_DAYS = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")


def looks_like_roff(path: Path, lines: list[str]) -> bool:
    """A man page: a man-page extension (or none), and requests of the man macros among its
    first lines (`.TH` or `.SH`), so that a `notes.1` of prose stays text."""
    if not (ROFF_EXT.search(path.name) or path.suffix == ""):
        return False
    head = [ln for ln in lines[:60] if ln.strip()]
    return any(re.match(r"^\.(?:TH|SH)\b", ln) for ln in head) and \
        sum(1 for ln in head if re.match(r"^(?:\.\S|'\\\")", ln)) >= 2


def _dotted(text: str) -> str:
    """Days written 12/10/2026 as 12.10.2026, the form texinfo's day reading knows."""
    return _DAYS.sub(r"\1.\2.\3", text)


def _day(text: str) -> str:
    """The ISO day the text opens with ("12/10/2026", "Mon 12/10/2026", "2026-10-12"), else ""."""
    return texinfo._heading_day(_dotted(text))


def inline(text: str) -> str:
    """A line of roff text as the words it prints."""
    text = re.sub(r'\\".*$', "", text)

    def one(m: re.Match) -> str:
        if m.group("long") is not None:
            name = m.group("long")
            if re.fullmatch(r"u[0-9A-Fa-f]{4,6}", name):
                return chr(int(name[1:], 16))
            return _NAMED.get(name, "")
        if m.group("two") is not None:
            return _NAMED.get(m.group("two"), "")
        ch = m.group("one")
        if ch is None:
            return ""  # a font or size change, or a string we do not define
        return {"-": "-", "e": "\\", "\\": "\\", " ": " ", "~": " ", "0": " ", "|": "", "^": "",
                "&": "", "%": "", ":": "", "c": "", ".": ".", "'": "'", "`": "`", "t": " "}.get(ch, ch)

    return _ESCAPE.sub(one, text).rstrip()


def _args(raw: str) -> list[str]:
    """A request's arguments: words, or "quoted words"."""
    return [a[1:-1] if a.startswith('"') else a for a in re.findall(r'"[^"]*"?|\S+', raw)]


def _font_words(name: str, raw: str) -> str:
    """`.B words`, or `.BR a (7)` whose alternating fonts join without a space."""
    args = _args(raw)
    if name in ("B", "I", "SM", "SB"):
        return inline(" ".join(args))
    return inline("".join(args))


class _Writer:
    def __init__(self) -> None:
        self.md: list[str] = []
        self.numbers: list[int] = []
        self.days: list[tuple[int, str]] = []
        self.problems: list[str] = []
        self.item: str | None = None  # "tag" waits for its tag line; "open" takes body lines
        self.tag = ""
        self.tag_line = 0
        self.section = ""

    def put(self, text: str, line: int) -> None:
        self.md.append(text)
        self.numbers.append(line)

    def paragraph(self, line: int) -> None:
        if self.item == "tag" and self.tag:
            self.put(f"- {self.tag}", self.tag_line)
        self.item, self.tag = None, ""
        if self.md and self.md[-1] != "":
            self.put("", line)

    def text(self, words: str, line: int) -> None:
        if not words.strip():
            return
        if self.item == "tag":
            self.tag, self.tag_line, self.item = words.strip(), line, "first"
            return
        if self.item == "first":
            tag = self.tag.rstrip(",;")  # "mount(8), umount(8)," over a body that says what both do
            self.put(f"- {tag}: {words.strip()}" if tag else f"- {words.strip()}", line)
            self.item = "open"
            return
        if self.item == "open":
            self.put(f"  {words.strip()}", line)
            return
        self.put(words, line)

    def heading(self, level: int, title: str, line: int) -> None:
        self.paragraph(line)
        if self.md and self.md[-1] != "":
            self.put("", line)
        self.put("#" * level + " " + title, line)
        self.put("", line)
        # A day heading dates what follows; any other heading ends it.
        self.days.append((line, _day(title)))


def _table(lines: list[str], start: int, w: _Writer) -> int:
    """Read the tbl table whose `.TS` is lines[start]; the index after its `.TE`."""
    i, tab = start + 1, "\t"
    if i < len(lines) and lines[i].rstrip().endswith(";") and not lines[i].rstrip().endswith(".;"):
        if m := re.search(r"tab\s*\((.)\)", lines[i]):
            tab = m.group(1)
        i += 1
    formats: list[str] = []
    while i < len(lines) and not lines[i].startswith(".TE"):
        if formats and tab in lines[i]:
            # A row of data: the format lines never ended with "." (tbl itself refuses such a table).
            w.problems.append(f"line {i + 1}: a .TS table's format lines do not end with '.': its rows start here")
            break
        formats.append(lines[i])
        i += 1
        if formats[-1].rstrip().endswith("."):
            break
    head_format = formats[0].lower() if formats else ""
    rows: list[tuple[int, list[str]]] = []
    rule_after: set[int] = set()
    cell_text: list[str] | None = None
    closed = False
    while i < len(lines):
        line = lines[i]
        if line.startswith(".TE"):
            closed = True
            break
        if re.match(r"^\.(?:SH|SS)\b", line):
            break
        if cell_text is not None:
            if line.startswith("T}"):
                rows[-1][1][-1] = " ".join(inline(t) for t in cell_text if not t.startswith("."))
                rest = line[2:]
                if rest.startswith(tab):
                    rows[-1][1].extend(inline(c) for c in rest[1:].split(tab))
                cell_text = None
            else:
                cell_text.append(line)
            i += 1
            continue
        if line.strip() in ("_", "=") or line.startswith(".\\\"") or not line.strip():
            if line.strip() in ("_", "="):
                rule_after.add(len(rows))
            i += 1
            continue
        if line.startswith(".") and not line.startswith("..."):
            i += 1
            continue
        cells = line.split(tab)
        if cells[-1].startswith("T{"):
            cell_text = [cells[-1][2:]] if cells[-1][2:].strip() else []
            rows.append((i + 1, [inline(c) for c in cells[:-1]] + [""]))
        else:
            rows.append((i + 1, [inline(c) for c in cells]))
        i += 1
    if cell_text is not None:
        w.problems.append(f"line {rows[-1][0]}: a table cell's T{{ is never closed by T}}: read to the table's end")
        rows[-1][1][-1] = " ".join(inline(t) for t in cell_text if not t.startswith("."))
    if not closed:
        w.problems.append(f"line {start + 1}: a .TS table is never closed by .TE: read to the section's end")
    rows = [(n, [c.strip().replace("|", "/") for c in cells]) for n, cells in rows if any(c.strip() for c in cells)]
    if rows:
        header = bool(re.search(r"[bc]", re.sub(r"\(.*?\)", "", head_format))) or 1 in rule_after
        w.paragraph(rows[0][0])
        for n, text in texinfo.table_lines(rows, header):
            w.put(text, n)
    return i + 1 if closed else i


def to_markdown(lines: list[str]) -> texinfo.Converted:
    w = _Writer()
    written = ""
    raw = False  # inside .nf/.fi or .EX/.EE: each line its own
    in_name = False
    joined = ""  # text before a `\c`, waiting for its continuation
    i = 0
    while i < len(lines):
        n, line = i + 1, lines[i]
        i += 1
        if line.startswith(".\\\"") or line.startswith("'\\\"") or line.startswith('\\"'):
            changed, _ = texinfo._comment_day(_dotted(line.lstrip(".'\\\" ")))
            written = max(written, changed)
            continue
        m = _REQUEST.match(line) if line[:1] in ".'" and not line.startswith("...") else None
        if m:
            name, rest = m.group(1), m.group(2)
            if name == "TH":
                args = _args(rest)
                if len(args) >= 3:
                    written = max(written, _day(args[2]) or "")
                continue
            if name in ("SH", "SS"):
                title = inline(" ".join(_args(rest)))
                if not title and i < len(lines):  # `.SH` alone: the title is the next line
                    title, i = inline(lines[i]), i + 1
                in_name = name == "SH" and title.upper() == "NAME"
                if not in_name:
                    w.heading(2 if name == "SH" else 3, title.title() if title.isupper() else title, n)
                continue
            if name == "so":
                # groff reads the named file in here; anima indexes that file on its own, where it lies.
                w.problems.append(f"line {n}: .so {rest.strip()} is not followed (that file is read on its own)")
                continue
            if name == "TS":
                i = _table(lines, i - 1, w)
                continue
            if name in ("nf", "EX"):
                w.paragraph(n)
                raw = True
                continue
            if name in ("fi", "EE"):
                raw = False
                w.paragraph(n)
                continue
            if name == "TP":
                w.paragraph(n)
                w.item = "tag"
                continue
            if name == "IP":
                w.paragraph(n)
                args = _args(rest)
                tag = inline(args[0]) if args else ""
                w.item, w.tag, w.tag_line = "first", "" if tag in ("•", "-", "*", "") else tag, n
                continue
            if name in ("PP", "LP", "P", "sp", "RS", "RE"):
                w.paragraph(n)
                continue
            if name in ("B", "I", "BR", "IR", "RB", "RI", "BI", "IB", "SM", "SB"):
                words = _font_words(name, rest)
                if not rest.strip() and i < len(lines):  # `.B` alone sets the next line's font
                    words, i = inline(lines[i]), i + 1
                line_text = words
            else:
                continue  # a request that only lays out the page
        else:
            line_text = inline(line)
        if line.rstrip().endswith("\\c"):
            joined += line_text
            continue
        line_text, joined = joined + line_text, ""
        if in_name:
            name_part, _, what = line_text.partition(" - ")
            w.put(f"# {name_part.strip()} - {what.strip()}" if what else f"# {line_text.strip()}", n)
            w.put("", n)
            in_name = False
            continue
        if raw:
            w.text(line_text, n)
            if w.item is None:
                w.put("", n)
            continue
        w.text(line_text, n)
    w.paragraph(len(lines))
    while w.md and w.md[-1] == "":
        w.md.pop()
        w.numbers.pop()
    has_text = any(t.strip() and not t.startswith("#") for t in w.md)
    return texinfo.Converted(w.md, w.numbers, w.days, written, w.problems,
                     "" if has_text else "a man page with no text")
