"""GNU Texinfo sources (`.texi`, `.texinfo`, `.txi`, or a file opening with `\\input texinfo`),
read as the markdown they mean: a household handbook kept as a Texinfo manual, its chapters in
files of their own (`@include dokumente.texi`) beside a `version.texi` of `@set UPDATED ...`.

Read as plain text, every fact sat among `@node`, `@cindex` and `@c` lines, a phone number was
`@w{+355 69 555 2814}`, a name with an accent `V@"ellai`, a `@multitable` row
`@item Elona @tab 22.09.1990` said nothing of its columns, and a `@table` term was one line and
its meaning the next. Here, every line cited at the file line it came from:

    @chapter / @section / @subsection     ->  # / ## / ### (@heading, @unnumbered..., @appendix...
                                              alike; under the manual's title when the file has
                                              one: `@top`, else `@settitle`)
    @itemize / @enumerate  @item text     ->  - text / 1. text (a nested list indented)
    @table @asis  @item Term  (body)      ->  Term: body (`@itemx` terms joined: "A / B: body")
    @multitable  @headitem Kush @tab Data ->  | Kush | Data | (one row a line, read with its
                 @item Elona @tab 22.09.1990  | Elona | 22.09.1990 | column names); a two-column
                                              table with no @headitem: "Elona: 22.09.1990"
    @example / @verbatim / @lisp          ->  a ``` code block
    @code{AL47 2021}, @w{...}, @emph{...} ->  AL47 2021 (markup unwrapped; an unknown @cmd{x} -> x)
    @email{a@@b.al, Ana}, @uref{url, text} -> Ana <a@b.al>, text (url)
    @xref{Kontaktet} / @pxref{..} / @ref  ->  See Kontaktet / see Kontaktet / Kontaktet
    @'e @"u @,{c} @~n @ss{} @euro{} @@    ->  é ü ç ñ ß € @ (`` '' -- --- as " " – —)
    @value{VERSION}                       ->  its `@set`, in this file or a file it @includes
                                              (a chapter file's, from the file that includes it)

Left out: `@node`, `@menu`, index entries (`@cindex`...), comments (`@c`, `@comment`, `@ignore`),
the manual's boilerplate (`@copying`, `@titlepage`, `@direntry`, `@setfilename`, `@bye` and what
follows it), what only TeX or HTML prints (`@iftex`, `@ifhtml`, `@tex`...: the Info text is read),
and `@include` / `@verbatiminclude` lines: the included file is read on its own, as the file it is.

Dates: the file is dated (ParsedFile.written) by its `@set UPDATED <date>` (its own or an included
`version.texi`'s), a comment saying when it was last changed or reviewed ("@c Last reviewed:
14.02.2026") and a GNU `ChangeLog` beside it naming the file; a section whose heading is a day
(a journal's `@subheading 07.09.2026`) dates its own lines (ParsedFile.written_from).

Bad input costs only itself: a block never closed ends where the section does, an `@end` that
closes nothing is left out, an `@ignore` never closed hides only its own line; each is said in
a warning. A file of Latin-1 bytes is read in its `@documentencoding`.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

TEXI_EXT = {".texi", ".texinfo", ".txi"}
_MAX_READ = 2_000_000  # bytes of an included file or a ChangeLog read for its @set lines or dates

# ---------------------------------------------------------------------------------------------
# Inline markup

_ACCENT_MARKS = {"'": "\u0301", '"': "\u0308", "^": "\u0302", "`": "\u0300", "~": "\u0303", "=": "\u0304",
                 ",": "\u0327", "u": "\u0306", "v": "\u030c", "H": "\u030b", "dotaccent": "\u0307",
                 "ringaccent": "\u030a", "tieaccent": "\u0361", "ubaraccent": "\u0332", "udotaccent": "\u0323",
                 "ogonek": "\u0328"}
_SYMBOLS = {
    "dots": "...", "enddots": "...", "bullet": "•", "minus": "-", "result": "=>", "expansion": "==>",
    "print": "-|", "error": "error-->", "equiv": "==", "point": "-!-", "arrow": "→", "click": "→",
    "copyright": "©", "registeredsymbol": "®", "euro": "€", "pounds": "£", "textdegree": "°", "geq": "≥",
    "leq": "≤", "TeX": "TeX", "LaTeX": "LaTeX", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "aa": "å", "AA": "Å", "dh": "ð", "DH": "Ð", "th": "þ",
    "TH": "Þ", "exclamdown": "¡", "questiondown": "¿", "ordf": "ª", "ordm": "º", "quotedblleft": "“",
    "quotedblright": "”", "quoteleft": "‘", "quoteright": "’", "quotedblbase": "„", "quotesinglbase": "‚",
    "guillemetleft": "«", "guillemetright": "»", "guillemotleft": "«", "guillemotright": "»",
    "guilsinglleft": "‹", "guilsinglright": "›", "atchar": "@", "lbracechar": "{", "rbracechar": "}",
    "backslashchar": "\\", "hashchar": "#", "comma": ",", "ampchar": "&", "tie": " ", "today": "",
    "thisfile": "", "thischapter": "", "thischaptername": "", "thischapternum": "", "thissection": "",
    "thissectionname": "", "thissectionnum": "", "thistitle": "", "thispage": "", "headitemfont": "",
}
# Markup whose text is code or a name, as written: `--` and quotes in it stay as they are.
_CODE_LIKE = {"code", "samp", "kbd", "key", "file", "command", "option", "env", "t", "indicateurl", "verb"}
# Markup whose text is left out: index sort keys, anchors, raw output for other formats.
_SILENT = {"anchor", "sortas", "inlineraw", "errormsg", "hyphenation", "seeentry", "seealso", "subentry"}
_PUNCT = {":": "", "|": "", "-": "", "/": "", ".": ".", "!": "!", "?": "?", "*": " ", " ": " ", "\t": " ",
          "&": "&", "\\": "\\", "\n": " "}
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@dataclass
class _Vars:
    """`@set` variables as they stand at a point of the file; `fallback` resolves what the file
    itself never sets (a chapter file's @value, set in the manual that includes it)."""
    values: dict[str, str] = field(default_factory=dict)
    fallback: object = None  # a callable name -> str | None, asked once per name

    def get(self, name: str) -> str | None:
        if name in self.values:
            return self.values[name]
        if callable(self.fallback):
            found = self.fallback(name)
            if found is not None:
                return found
        return None


def _unescaped(s: str, start: int = 0):
    """Each character of `s` from `start` that no "@" escapes ("@{", "@,", "@@"), with its index and
    the brace depth after it."""
    depth, k = 0, start
    while k < len(s):
        c = s[k]
        if c == "@":
            k += 2
            continue
        depth += (c == "{") - (c == "}")
        yield k, c, depth
        k += 1


def _group(s: str, i: int) -> tuple[str, int]:
    """The text of the brace group opening at s[i] == "{", and the index after its "}" (the rest
    of the text when it never closes)."""
    for k, c, depth in _unescaped(s, i):
        if c == "}" and depth == 0:
            return s[i + 1:k], k + 1
    return s[i + 1:], len(s)


def _split_args(raw: str) -> list[str]:
    """A brace argument split at its top-level commas (`@comma{}` and `@,` are not commas)."""
    parts, start = [], 0
    for k, c, depth in _unescaped(raw):
        if c == "," and depth == 0:
            parts.append(raw[start:k])
            start = k + 1
    parts.append(raw[start:])
    return [p.strip() for p in parts]


def _typography(text: str) -> str:
    return (text.replace("---", "—").replace("--", "–").replace("``", '"').replace("''", '"'))


def _accent(base: str, mark: str) -> str:
    if not base:
        return ""
    first = {"ı": "i", "ȷ": "j"}.get(base[0], base[0])
    return unicodedata.normalize("NFC", first + mark + base[1:])


def inline(s: str, variables: _Vars | None = None, code: bool = False, depth: int = 0) -> str:
    """Texinfo text with its @-commands resolved to the plain text they print."""
    variables = variables if variables is not None else _Vars()
    out: list[str] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            text = "".join(plain)
            out.append(text if code else _typography(text))
            plain.clear()

    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c != "@":
            if c not in "{}":  # a bare brace only groups
                plain.append(c)
            i += 1
            continue
        if i + 1 >= n:
            i += 1
            continue
        d = s[i + 1]
        if d in "@{}":
            plain.append(d)
            i += 2
            continue
        if d in "'\"^`~=,":  # @'e, @"{u}, @,{c}
            if i + 2 < n and s[i + 2] == "{":
                arg, i = _group(s, i + 2)
            else:
                arg, i = s[i + 2:i + 3], i + 3
            flush()
            out.append(_accent(inline(arg, variables, code), _ACCENT_MARKS[d]))
            continue
        if d in _PUNCT:
            plain.append(_PUNCT[d])
            i += 2
            continue
        m = _NAME.match(s, i + 1)
        if not m:  # "@" before something that is no command: kept as written
            plain.append("@")
            i += 1
            continue
        name = m.group(0)
        i = m.end()
        if name == "end":  # a block's end inside a brace group (a footnote's @example)
            word = _NAME.match(s, i + 1) if i < n and s[i] in " \t" else None
            i = word.end() if word else i
            plain.append(" ")
            continue
        arg = None
        if i < n and s[i] == "{":
            if name == "verb" and i + 1 < n:  # @verb{|text|}: the text up to its delimiter, raw
                delim = s[i + 1]
                end = s.find(delim + "}", i + 2)
                end = n if end < 0 else end
                flush()
                out.append(s[i + 2:end])
                i = min(n, end + 2)
                continue
            arg, i = _group(s, i)
        flush()
        before = out[-1][-1:] if out and out[-1] else ""
        out.append(_command(name, arg, variables, code, before, depth))
    flush()
    return "".join(out)


def _command(name: str, arg: str | None, variables: _Vars, code: bool, before: str, depth: int = 0) -> str:
    """What one inline @-command prints; `arg` is its raw brace argument (None: no braces)."""
    if name in _SYMBOLS:
        return _SYMBOLS[name]
    if name in _ACCENT_MARKS:
        return _accent(inline(arg or "", variables, code), _ACCENT_MARKS[name])
    if name == "dotless":
        return {"i": "ı", "j": "ȷ"}.get((arg or "").strip(), (arg or "").strip())
    if name == "value":  # a value is Texinfo too ("@set SSED @command{sed}")
        value = variables.get((arg or "").strip()) or ""
        return inline(value, variables, code, depth + 1) if "@" in value and depth < 8 else value
    if name in _SILENT:
        return ""
    if arg is None and before.isalnum():
        return f"@{name}"  # an address written without @@ ("rui@example.pt") stays as written
    if arg is None and (name in _STRUCTURE or name in _SETTINGS or _INDEX_ENTRY.match(name)):
        return " "  # a block or line command inside a brace group (a footnote's @example)
    if arg is None:  # an unknown command with no braces: its name is its text
        return "" if name in _KNOWN_INLINE else name
    args = _split_args(arg)
    text = [inline(a, variables, code) for a in args]
    if name == "email":
        address = inline(args[0], variables, True)
        return f"{text[1]} <{address}>" if len(text) > 1 and text[1] else address
    if name in ("uref", "url"):
        url = inline(args[0], variables, True)
        if len(text) > 2 and text[2]:
            return text[2]
        return f"{text[1]} ({url})" if len(text) > 1 and text[1] else url
    if name in ("xref", "pxref", "ref", "inforef", "link"):
        label = (text[1] if len(text) > 1 and text[1] else "") or (text[2] if len(text) > 2 and text[2] else "") or text[0]
        if len(text) > 4 and text[4]:
            label = f"{label} in {text[4]}"
        elif name == "inforef" and len(text) > 2 and text[2]:
            label = f"{text[0]} in {text[2]}"
        return {"xref": f"See {label}", "pxref": f"see {label}"}.get(name, label)
    if name in ("acronym", "abbr"):
        return f"{text[0]} ({text[1]})" if len(text) > 1 and text[1] else text[0]
    if name == "footnote":
        return f" ({inline(arg, variables, code).strip()})"
    if name == "image":
        return text[3] if len(text) > 3 else ""
    if name == "U":
        try:
            return chr(int(arg.strip(), 16))
        except (ValueError, OverflowError):
            return ""
    if name in ("inlinefmt", "inlinefmtifelse"):
        fmt = args[0].lower()
        if fmt in ("info", "plaintext"):
            return text[1] if len(text) > 1 else ""
        return text[2] if name == "inlinefmtifelse" and len(text) > 2 else ""
    if name in ("inlineifset", "inlineifclear"):
        is_set = variables.get(args[0]) is not None
        return (text[1] if len(text) > 1 else "") if is_set == (name == "inlineifset") else ""
    if name in _CODE_LIKE:
        return inline(arg, variables, True)
    # @code-less markup (@emph, @strong, @var, @w, @cite, ...) and unknown commands: their text.
    return inline(arg, variables, code)


# Commands that print nothing on their own (used without braces they are no text of the note).
_KNOWN_INLINE = {"w", "code", "var", "emph", "strong", "samp", "file", "email", "uref", "url", "xref", "pxref",
                 "ref", "dfn", "cite", "kbd", "key", "sc", "t", "r", "i", "b", "sansserif", "slanted", "asis",
                 "option", "env", "command", "math", "dmn", "sub", "sup", "titlefont", "footnote", "image"}

# ---------------------------------------------------------------------------------------------
# Lines and blocks

_COMMAND_LINE = re.compile(r"^\s*@([A-Za-z][A-Za-z0-9_-]*)(?=[\s{@]|$)(.*)$")
_COMMENT = re.compile(r"@c(?:omment)?(?=[\s]|$)")
_HEADINGS = {
    "top": "title",
    "part": "part", "chapter": "chapter", "unnumbered": "chapter", "appendix": "chapter", "majorheading": "chapter",
    "chapheading": "chapter", "centerchap": "chapter",
    "section": "section", "unnumberedsec": "section", "appendixsec": "section", "appendixsection": "section",
    "heading": "section",
    "subsection": "subsection", "unnumberedsubsec": "subsection", "appendixsubsec": "subsection",
    "subheading": "subsection",
    "subsubsection": "subsubsection", "unnumberedsubsubsec": "subsubsection", "appendixsubsubsec": "subsubsection",
    "subsubheading": "subsubsection",
}
_RANKS = ["title", "part", "chapter", "section", "subsection", "subsubsection"]
# Blocks left out with all they hold.
_DROPPED = {"ignore", "copying", "titlepage", "iftex", "ifhtml", "ifdocbook", "ifxml", "iflatex", "ifplaintext",
            "ifnotinfo", "tex", "html", "docbook", "xml", "latex", "menu", "detailmenu", "direntry",
            "documentdescription", "macro", "rmacro", "ifcommandnotdefined", "displaymath", "nodetext"}
# Blocks whose text is read as if they were not there.
_TRANSPARENT = {"ifinfo", "ifnottex", "ifnothtml", "ifnotdocbook", "ifnotxml", "ifnotlatex", "ifnotplaintext",
                "ifcommanddefined", "group", "indentedblock", "smallindentedblock", "cartouche", "flushleft",
                "flushright", "raggedright", "display", "smalldisplay", "format", "smallformat", "float",
                "quotation", "smallquotation"}
_CODE = {"example", "smallexample", "lisp", "smalllisp", "verbatim"}
_LISTS = {"itemize", "enumerate"}
_TABLES = {"table", "ftable", "vtable"}
# Line commands that say nothing of the note: its build, layout and indexes.
_SETTINGS = {
    "setfilename", "documentencoding", "documentlanguage", "dircategory", "contents", "shortcontents",
    "summarycontents", "setchapternewpage", "paragraphindent", "firstparagraphindent", "exampleindent",
    "headings", "setcontentsaftertitlepage", "setshortcontentsaftertitlepage", "finalout", "smallbook",
    "afourpaper", "afivepaper", "afourlatex", "afourwide", "bsixpaper", "pagesizes", "printindex", "page",
    "need", "vskip", "noindent", "indent", "refill", "insertcopying", "syncodeindex", "synindex", "defindex",
    "defcodeindex", "node", "allowcodebreaks", "frenchspacing", "codequoteundirected", "codequotebacktick",
    "deftypefnnewline", "urefbreakstyle", "xrefautomaticsectiontitle", "novalidate", "evenfooting",
    "evenheading", "everyfooting", "everyheading", "oddfooting", "oddheading", "evenfootingmarks",
    "evenheadingmarks", "everyfootingmarks", "everyheadingmarks", "oddfootingmarks", "oddheadingmarks",
    "kbdinputstyle", "fonttextsize", "microtype", "clickstyle", "footnotestyle", "title", "subtitle", "author",
    "shorttitlepage", "listoffloats", "lowersections", "raisesections", "alias", "definfoenclose", "unmacro",
    "include", "verbatiminclude", "hyphenation", "documentdescription", "anchor", "errormsg", "hbox",
    "documentlanguagevariant", "documentscript", "setfontsize", "printindex", "insertcopying",
}
_STRUCTURE = (_DROPPED | _TRANSPARENT | _CODE | _LISTS | _TABLES | set(_HEADINGS)
              | {"multitable", "item", "itemx", "headitem", "tab", "set", "clear", "bye", "sp"})
_BLOCK_START = re.compile(r"^(?:[-*+]\s|\d+[.)]\s|>|\|)")
_INDEX_ENTRY = re.compile(r"^[a-z]{1,12}index$")  # @cindex, @findex, a @defindex'd @dbindex


@dataclass
class _Open:
    name: str
    kind: str  # list | table | multi | code | plain | def
    line: int
    indent: str = ""  # where this block's items go
    body: str = ""  # where the text of an item goes
    number: int = 1
    letter: str = ""  # an @enumerate counted in letters
    fmt: str = ""  # a @table's formatting command: "code" for `@table @code`
    rows: list = field(default_factory=list)  # @multitable: [line, is_head, [cells]]
    columns: int = 0
    raw: bool = False  # @verbatim: nothing in it is a command


@dataclass
class Converted:
    md: list[str]
    numbers: list[int]
    days: list[tuple[int, str]]  # (file line, day) of each section a day heading dates
    written: str
    problems: list[str]
    nothing: str = ""


def table_lines(rows: list[tuple[int, list[str]]], header: bool) -> list[tuple[int, str]]:
    """A table's rows (file line, cells) as markdown lines, each with the file line it stands for:
    under the header row's column names (else "column 1", "column 2", ...), or, with two columns and
    no header, as "name: value" lines. Shared by the readers of wiki and roff tables."""
    width = max(len(cells) for _, cells in rows)
    out: list[tuple[int, str]] = []
    if not header and width == 2:
        for n, cells in rows:
            a, b = (cells + ["", ""])[:2]
            if a or b:
                out += [(n, f"{a}: {b}" if a and b else a or b), (n, "")]
        return out

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c or " " for c in cells + [""] * (width - len(cells))) + " |"

    first, body = rows[0], rows[1:] if header else rows
    out.append((first[0], row(first[1] if header else [f"column {k + 1}" for k in range(width)])))
    out.append((first[0], "|" + "---|" * width))
    out += [(n, row(cells)) for n, cells in body]
    out.append(((body[-1] if body else first)[0], ""))
    return out


def looks_like_texinfo(path: Path, lines: list[str]) -> bool:
    """A Texinfo source: by its extension (a chapter file has no `\\input texinfo`), its first
    line, or (a plain text file, `chapter` or `chapter.txt`) opening with a `@node` over a
    sectioning command."""
    if path.suffix.lower() in TEXI_EXT:
        return True
    head = [ln.strip() for ln in lines[:40] if ln.strip()]
    if head and head[0].startswith("\\input texinfo"):
        return True
    if path.suffix.lower() not in ("", ".txt", ".in", ".inc"):
        return False
    body = [ln for ln in head if not _COMMENT.match(ln)]
    return (len(body) >= 2 and body[0].startswith("@node ")
            and any((m := _COMMAND_LINE.match(ln)) and m.group(1) in _HEADINGS for ln in body[1:4]))


def _uncomment(line: str) -> str:
    """The line without its `@c` / `@comment` (which run to the end of the line)."""
    k = line.find("@")
    while 0 <= k < len(line):
        if _COMMENT.match(line, k):
            return line[:k].rstrip()
        k = line.find("@", k + (2 if k + 1 < len(line) and line[k + 1] in "@{}" else 1))
    return line


def _comment_of(line: str) -> str:
    """The text of the line's `@c` / `@comment`, "" if it has none."""
    kept = _uncomment(line)
    if kept == line:
        return ""
    m = _COMMENT.match(line, line.find("@", len(kept)))
    return line[m.end():] if m else ""


def _is_comment_line(line: str) -> bool:
    return bool(_COMMENT.match(line.lstrip())) or line.lstrip().startswith("\x7f")


def _depth(line: str) -> int:
    depth, k = 0, 0
    while k < len(line):
        c = line[k]
        if c == "@":
            k += 2
            continue
        depth += (c == "{") - (c == "}")
        k += 1
    return depth


def _read(path: Path) -> str | None:
    try:
        if not path.is_file() or path.stat().st_size > _MAX_READ:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8-sig", errors="replace")


def _set_lines(text: str, folder: Path, values: dict[str, str], seen: set, depth: int = 0) -> None:
    """The `@set` / `@clear` of a file's text, and of the files it @includes, in order."""
    for line in text.splitlines():
        m = _COMMAND_LINE.match(line)
        if not m:
            continue
        name, rest = m.group(1), _uncomment(m.group(2)).strip()
        if name == "set" and rest:
            key, _, value = rest.partition(" ")
            values[key] = value.strip()
        elif name == "clear" and rest:
            values.pop(rest.split()[0], None)
        elif name == "include" and rest and depth < 4:
            _include_vars(folder, rest, values, seen, depth + 1)


def _include_vars(folder: Path, name: str, values: dict[str, str], seen: set, depth: int) -> None:
    target = (folder / name)
    key = str(target)
    if key in seen:
        return
    seen.add(key)
    text = _read(target)
    if text is not None:
        _set_lines(text, target.parent, values, seen, depth)


def _includers(path: Path) -> list[tuple[Path, str]]:
    """The Texinfo files beside `path` that @include it, with their text."""
    found = []
    try:
        siblings = sorted(p for p in path.parent.iterdir() if p.suffix.lower() in TEXI_EXT and p != path)[:200]
    except OSError:
        return []
    pattern = re.compile(r"^\s*@include\s+" + re.escape(path.name) + r"\s*$", re.M)
    for sib in siblings:
        text = _read(sib)
        if text is not None and pattern.search(text):
            found.append((sib, text))
    return found


def _outer_values(path: Path) -> dict[str, str]:
    """What a chapter file's @value names are in the manual that includes it: the includer's
    `@set` lines and its included files' before the chapter's @include."""
    values: dict[str, str] = {}
    for includer, text in _includers(path)[:1]:
        before = re.split(r"(?m)^\s*@include\s+" + re.escape(path.name) + r"\s*$", text, maxsplit=1)[0]
        _set_lines(before, includer.parent, values, {str(includer), str(path)})
    if not values:  # no includer found: a version.texi beside it, as makeinfo's automake writes
        for name in ("version.texi", "version.texinfo", "versions.texi"):
            text = _read(path.parent / name)
            if text is not None:
                _set_lines(text, path.parent, values, {str(path)})
                break
    return values


def redecoded(path: Path, data: bytes, text: str, warning: str | None) -> tuple[str, str | None]:
    """The file's text in its `@documentencoding` (or the encoding of the manual that includes it)
    when its bytes are not UTF-8: an older manual written in Latin-1."""
    if not warning or not warning.startswith("invalid UTF-8"):
        return text, warning
    encodings = re.findall(r"(?m)^\s*@documentencoding\s+(\S+)", text)
    if not encodings:
        for _, outer in _includers(path)[:1]:
            encodings = re.findall(r"(?m)^\s*@documentencoding\s+(\S+)", outer)
    for name in encodings[:1]:
        try:
            codec = codecs.lookup(name)
        except LookupError:
            continue
        if codec.name in ("utf-8", "utf-8-sig"):
            continue
        try:
            return data.decode(codec.name), None
        except (UnicodeDecodeError, ValueError):
            continue
    return text, warning


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {m: k for k, m in enumerate(("january february march april may june july august september october "
                                         "november december").split(), 1)}
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    r"(?P<iso>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>(?:19|20)\d{2})"
    rf"|(?P<td>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<tm>{_MONTH_RE})\s+(?P<ty>(?:19|20)\d{{2}})"
    rf"|(?P<um>{_MONTH_RE})\s+(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<uy>(?:19|20)\d{{2}})",
    re.I)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY_HEADING = re.compile(rf"^{_WEEKDAY}(?:{_DATE.pattern})(?:$|[\s:,;(–—-])", re.I)
_CHANGED = re.compile(r"(?i)\b(?:last[\s-]+)?(?:reviewed|updated|changed|modified|edited|revised|checked)\b\s*"
                      r"(?:on\s+)?:?\s*")
_MADE = re.compile(r"(?i)\b(?:added|created|written|started)\b\s*(?:on\s+)?:?\s*")
_DATE_VARS = re.compile(r"(?i)(?:updated|last[-_]?(?:updated?|changed?|modified|edited|reviewed)|date|modified|changed)")


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next((v for k, v in _MONTHS.items() if k.startswith(word[:3])), 0)


def day_of(text: str) -> str:
    """The ISO day the text opens with ("23 November 2026", "14.02.2026", "2026-02-14"), else ""."""
    m = _DATE.match(text.strip())
    if not m:
        return ""
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = int(g["iso"]), int(g["im"]), int(g["id"])
    elif g["dy"]:
        y, mo, d = int(g["dy"]), int(g["dm"]), int(g["dd"])
    elif g["ty"]:
        y, mo, d = int(g["ty"]), _month(g["tm"]), int(g["td"])
    else:
        y, mo, d = int(g["uy"]), _month(g["um"]), int(g["ud"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _heading_day(title: str) -> str:
    m = _DAY_HEADING.match(title.strip())
    if not m:
        return ""
    return day_of(re.sub(rf"^{_WEEKDAY}", "", title.strip(), flags=re.I))


def _comment_day(comment: str) -> tuple[str, str]:
    """(day last changed, day made) a comment says ("Last reviewed: 14.02.2026", "added 10.06.2026")."""
    changed = [day_of(comment[m.end():]) for m in _CHANGED.finditer(comment)]
    made = [day_of(comment[m.end():]) for m in _MADE.finditer(comment)]
    return max(changed, default=""), max(made, default="")


def _changelog_day(path: Path) -> str:
    """The latest day a GNU ChangeLog beside the file names it ("2026-11-23  Name  <mail>" over
    "* ditari-2026.texi (Nentor 2026): ...")."""
    text = None
    for name in ("ChangeLog", "ChangeLog.txt", "CHANGELOG"):
        text = _read(path.parent / name)
        if text is not None:
            break
    if text is None:
        return ""
    day, found = "", ""
    name = path.name
    for line in text.splitlines():
        head = re.match(r"^((?:19|20)\d{2}-\d{2}-\d{2})\s", line)
        if head:
            day = head.group(1)
            continue
        entry = re.match(r"^\s+\*\s+([^:(]+)", line)
        if day and entry and name in [f.strip() for f in entry.group(1).split(",")]:
            found = max(found, day)
    return found


# ---------------------------------------------------------------------------------------------
# The converter


class _Writer:
    def __init__(self, lines: list[str], path: Path):
        self.lines = lines
        self.path = path
        self.md: list[str] = []
        self.numbers: list[int] = []
        self.problems: list[str] = []
        self.stack: list[_Open] = []
        self.lead: tuple[str, int, str] | None = None  # (bullet or term, its line, "bullet" | "term")
        self.days: list[tuple[int, str]] = []
        self.day_rank: int | None = None
        self.own_values: dict[str, str] = {}  # @set here and in included files: what dates the file
        self.vars = _Vars(self.own_values, self._outer)
        self._outer_cache: dict[str, str] | None = None
        self.ranks: list[str] = []
        self.title = ""
        self.para = False  # the last markdown line is text of a paragraph still going on

    # -- helpers --------------------------------------------------------------------------
    def _outer(self, name: str) -> str | None:
        if self._outer_cache is None:
            self._outer_cache = _outer_values(self.path)
        return self._outer_cache.get(name)

    def put(self, text: str, line: int) -> None:
        self.md.append(text)
        self.numbers.append(line)
        self.para = False

    def warn(self, message: str) -> None:
        if len(self.problems) < 8:
            self.problems.append(message)

    def inline(self, text: str, code: bool = False) -> str:
        return inline(text, self.vars, code)

    def container(self) -> _Open | None:
        return next((b for b in reversed(self.stack) if b.kind in ("list", "table")), None)

    def text_indent(self) -> str:
        c = self.container()
        return c.body if c else ""

    def flush_lead(self) -> None:
        """An item whose text never came: a table term on its own ("- Term"), a bullet dropped."""
        if self.lead:
            lead, line, kind = self.lead
            self.lead = None
            if kind == "term":
                c = self.container()
                self.put(f"{c.indent if c else ''}- {lead}", line)

    def text(self, text: str, line: int) -> None:
        text = text.strip()
        if not text:
            return
        # Words that markdown would read as a heading, a rule or a fence are kept as words.
        if re.match(r"^#{1,6}(\s|$)", text) or text.startswith(("```", "~~~")):
            text = text.lstrip("#`~ ")
        elif re.fullmatch(r"[=\-_*]{3,}", text):
            return
        if self.lead:
            lead, lead_line, kind = self.lead
            self.lead = None
            if kind == "term":
                c = self.container()
                sep = " " if lead.endswith((":", "?")) else ": "
                self.put(f"{c.indent if c else ''}{lead}{sep}{text}", lead_line)
            else:
                self.put(f"{lead}{text}", line)
        elif self.para and (self.md[-1].endswith(":") or _BLOCK_START.match(text)):
            # A filled paragraph's line break is no break of its sentence: "New kesti from
            # October:" is said of the amount on the next line, and a line that happens to open
            # with "1. " or "- " is no list item.
            self.md[-1] = f"{self.md[-1]} {text}"
        else:
            self.put(f"{self.text_indent()}{text}", line)
        self.para = True

    # -- blocks ---------------------------------------------------------------------------
    def end_of(self, i: int, name: str) -> int | None:
        """The index of the `@end NAME` closing the block opened at line i, counting nested ones."""
        depth = 0
        opener = re.compile(rf"^\s*@{re.escape(name)}(?=[\s{{]|$)")
        closer = re.compile(rf"^\s*@end\s+{re.escape(name)}\s*(?:@c(?:omment)?(?:\s.*)?)?$")
        for k in range(i + 1, len(self.lines)):
            line = self.lines[k]
            if closer.match(line):
                if depth == 0:
                    return k
                depth -= 1
            elif name not in ("verbatim", "tex", "html", "latex", "docbook", "xml") and opener.match(line):
                depth += 1
        return None

    def open(self, block: _Open) -> None:
        if block.kind in ("list", "table", "multi", "code"):
            if self.lead and self.lead[2] == "term":  # a table term whose body is a list or code
                lead, line, _ = self.lead
                self.lead = None
                c = self.container()
                # Over a list, a bullet of its own: "- Kids:" over "  - Ana", read "Kids: Ana".
                bullet = "- " if block.kind in ("list", "table") else ""
                self.put(f"{c.indent if c else ''}{bullet}{lead}:", line)
            else:
                self.lead = None
        outer = self.container()
        if block.kind == "list":
            block.indent = outer.body if outer and outer.kind == "list" else (outer.indent + "  " if outer else "")
            block.body = block.indent + "  "
        elif block.kind == "table":
            block.indent = outer.body if outer and outer.kind == "list" else (outer.indent + "  " if outer else "")
            block.body = block.indent
        self.stack.append(block)
        if block.kind == "code":
            self.put("```", block.line)

    def close(self, block: _Open, line: int) -> None:
        if block.kind in ("list", "table"):
            self.flush_lead()
        if block.kind == "multi":
            self.multitable(block)
        elif block.kind == "code":
            self.put("```", line)
        if block in self.stack:
            self.stack.remove(block)

    def end(self, name: str, line: int) -> None:
        match = next((b for b in reversed(self.stack) if b.name == name), None)
        if match is None:
            self.warn(f"@end {name} at line {line} closes nothing: left out")
            return
        while self.stack:
            top = self.stack[-1]
            if top is match:
                break
            self.warn(f"@{top.name} at line {top.line} is never closed: it ends at line {line}")
            self.close(top, line)
        self.close(match, line)

    def close_structure(self, line: int) -> None:
        """A section begins: the lists, tables and examples left open end before it."""
        while self.stack and self.stack[-1].kind in ("list", "table", "multi", "code", "def"):
            top = self.stack[-1]
            self.warn(f"@{top.name} at line {top.line} is never closed: it ends at line {line}")
            self.close(top, line)
        self.lead = None

    def multitable(self, block: _Open) -> None:
        rows = [(line, head, [self.inline(c).strip().replace("|", "/") for c in cells]) for line, head, cells in block.rows]
        rows = [r for r in rows if any(r[2])]
        if not rows:
            return
        width = max([block.columns] + [len(cells) for _, _, cells in rows])
        indent = self.text_indent()
        if not any(head for _, head, _ in rows) and width == 2:
            # A table of names and values with no column names: each row "name: value".
            for line, _, cells in rows:
                cells = cells + [""] * (2 - len(cells))
                key, value = cells[0], " ".join(cells[1:]).strip()
                self.put(f"{indent}{key}: {value}" if key and value else f"{indent}{key or value}", line)
            return

        def row(cells: list[str]) -> str:
            cells = cells + [""] * (width - len(cells))
            return indent + "| " + " | ".join(c or " " for c in cells) + " |"

        self.put("", rows[0][0])
        started = False
        for line, head, cells in rows:
            if head:
                if started:
                    self.put("", line)
                self.put(row(cells), line)
                self.put(indent + "|" + "---|" * width, line)
                started = True
                continue
            if not started:
                self.put(row([f"column {k + 1}" for k in range(width)]), line)
                self.put(indent + "|" + "---|" * width, line)
                started = True
            self.put(row(cells), line)
        self.put("", rows[-1][0])

    # -- the file -------------------------------------------------------------------------
    def closed_later(self, i: int, name: str) -> bool:
        """Whether an `@end NAME` follows line i (a block this reader does not know)."""
        return self.ends.get(name, [-1])[-1] > i

    def prescan(self) -> None:
        classes, has_title = set(), False
        self.ends: dict[str, list[int]] = {}
        for k, line in enumerate(self.lines):
            if (end := re.match(r"^\s*@end\s+([A-Za-z][\w-]*)", line)):
                self.ends.setdefault(end.group(1), []).append(k)
        for line in self.lines:
            m = _COMMAND_LINE.match(line)
            if not m:
                continue
            name, rest = m.group(1), m.group(2).strip()
            if name == "bye":
                break
            if name in _HEADINGS:
                classes.add(_HEADINGS[name])
            elif name == "settitle" and _uncomment(rest).strip():
                has_title = True
                self.title = rest
        if has_title:
            classes.add("title")
        self.ranks = [r for r in _RANKS if r in classes]
        self.has_top = any((m := _COMMAND_LINE.match(ln)) and m.group(1) == "top" for ln in self.lines)

    def heading(self, cls: str, title: str, line: int) -> None:
        self.close_structure(line)
        rank = self.ranks.index(cls) if cls in self.ranks else len(self.ranks)
        level = min(6, rank + 1)
        title = title.strip()
        if not title:
            return
        self.put("", line)
        self.put(f"{'#' * level} {title}", line)
        self.put("", line)
        day = _heading_day(title)
        if day:
            self.days.append((line, day))
            self.day_rank = rank
        elif self.day_rank is not None and rank <= self.day_rank:
            self.days.append((line, ""))
            self.day_rank = None

    def logical(self, i: int, first: str) -> tuple[str, int]:
        """The text starting at line i with the lines its open braces run into (`@w{Rruga e` /
        `Dibres}`, a `@footnote{...}` holding an example); the next index. A brace that does not
        close within the paragraph is read on its own line, so it swallows nothing."""
        text, k = first, i + 1
        while _depth(text) > 0 and k < len(self.lines) and k - i < 20:
            nxt = self.lines[k]
            if not nxt.strip():
                break
            text = f"{text} {_uncomment(nxt).strip()}"
            k += 1
        if _depth(text) > 0:
            return first, i + 1
        return text, k

    def run(self) -> None:
        self.prescan()
        lines = self.lines
        i = 0
        while i < len(lines):
            n = i + 1
            raw = lines[i]
            top = self.stack[-1] if self.stack else None
            if top is not None and top.raw:  # @verbatim: as written, up to its @end
                if re.match(r"^\s*@end\s+verbatim\s*$", raw):
                    self.close(top, n)
                else:
                    self.put(raw.rstrip(), n)
                i += 1
                continue
            if raw.lstrip().startswith("\\input"):
                i += 1
                continue
            if _is_comment_line(raw):
                i += 1
                continue
            line = _uncomment(raw)
            if top is not None and top.kind == "code":
                if re.match(r"^\s*@end\s+" + re.escape(top.name) + r"\b", line):
                    self.close(top, n)
                else:
                    self.put(self.inline(line.rstrip(), code=True), n)
                i += 1
                continue
            if not line.strip():
                if raw.strip():  # a line that was only a trailing comment
                    i += 1
                    continue
                if (top is None or top.kind != "multi") and not self.lead:
                    self.put("", n)
                i += 1
                continue
            m = _COMMAND_LINE.match(line)
            if m and not m.group(2).startswith("{"):
                i = self.command(i, m.group(1), m.group(2))
                continue
            text, nxt = self.logical(i, line)
            if top is not None and top.kind == "multi":
                self.cell_text(top, text, n)
            else:
                self.text(self.inline(text), n)
            i = nxt
        if self.lead:
            self.flush_lead()
        while self.stack:
            top = self.stack[-1]
            self.warn(f"@{top.name} at line {top.line} is never closed (no @end {top.name})")
            self.close(top, len(lines))

    def cell_text(self, block: _Open, text: str, n: int) -> None:
        parts = re.split(r"(?<!@)@tab(?![A-Za-z0-9_-])", text)
        if not block.rows:
            block.rows.append([n, False, [""]])
        cells = block.rows[-1][2]
        cells[-1] = f"{cells[-1]} {parts[0].strip()}".strip()
        cells.extend(p.strip() for p in parts[1:])

    def command(self, i: int, name: str, rest: str) -> int:
        """A line opening with an @-command; returns the index of the next line to read."""
        n = i + 1
        lines = self.lines
        top = self.stack[-1] if self.stack else None
        arg = rest.strip()
        if name == "bye":
            return len(lines)
        if name == "end":
            self.end((arg.split() or [""])[0], n)
            return i + 1
        if name in ("set", "clear"):
            if name == "set" and arg:
                key, _, value = arg.partition(" ")
                self.own_values[key] = value.strip()
            elif arg:
                self.own_values.pop(arg.split()[0], None)
            return i + 1
        if name == "include" and arg:
            _include_vars(self.path.parent, arg, self.own_values, {str(self.path)}, 1)
            return i + 1
        if name in _DROPPED or (name in ("ifset", "ifclear") and
                                 (self.vars.get(arg.split()[0] if arg else "") is not None) != (name == "ifset")):
            end = self.end_of(i, name)
            if end is None:
                self.warn(f"@{name} at line {n} is never closed: only its own line is left out")
                return i + 1
            return end + 1
        if name in ("ifset", "ifclear"):  # true: read what it holds
            self.stack.append(_Open(name, "plain", n))
            return i + 1
        if top is not None and top.kind == "multi":
            if name in ("item", "headitem"):
                text, nxt = self.logical(i, arg)
                top.rows.append([n, name == "headitem", [""]])
                self.cell_text(top, text, n)
                return nxt
            if name == "tab":
                text, nxt = self.logical(i, arg)
                self.cell_text(top, "@tab " + text, n)
                return nxt
        if name in _HEADINGS:
            text, nxt = self.logical(i, arg)
            title = self.inline(text).strip()
            if name == "top":
                title = title or self.inline(_uncomment(self.title)).strip()
            self.heading(_HEADINGS[name], title, n)
            return nxt
        if name == "settitle":
            if not self.has_top:
                self.heading("title", self.inline(arg), n)
            return i + 1
        if name in _SETTINGS or _INDEX_ENTRY.match(name):
            return i + 1
        if name == "sp":
            self.put("", n)
            return i + 1
        if name in _CODE:
            self.open(_Open(name, "code", n, raw=name == "verbatim"))
            return i + 1
        if name in _LISTS:
            block = _Open(name, "list", n)
            if name == "enumerate" and arg:
                if arg.isdigit():
                    block.number = int(arg)
                elif len(arg) == 1 and arg.isalpha():
                    block.letter = arg
            self.open(block)
            return i + 1
        if name in _TABLES:  # its formatting command (@code, @asis) says how its terms are written
            self.open(_Open(name, "table", n, fmt=arg.lstrip("@").split("{")[0].strip()))
            return i + 1
        if name == "multitable":
            columns = len(re.findall(r"\{", arg)) if "{" in arg else len(re.findall(r"[\d.]+", arg))
            self.open(_Open(name, "multi", n, columns=columns))
            return i + 1
        if name in ("item", "itemx", "headitem"):
            return self.item(i, name, arg)
        if name in _TRANSPARENT:
            self.stack.append(_Open(name, "plain", n))
            if name in ("quotation", "smallquotation") and arg:
                self.text(self.inline(arg).rstrip(":") + ":", n)
            return i + 1
        base = name[:-1] if name.endswith("x") and name[:-1] in _DEFS else name
        if base in _DEFS:  # @deffn Category name args: "Category: name args" over its text
            text, nxt = self.logical(i, arg)
            if base == name and self.closed_later(i, name):
                self.stack.append(_Open(name, "def", n))
            words = [self.inline(w).strip() for w in _split_def(text)]
            words = [w for w in words if w]
            if words:
                self.text(f"{words[0]}: {' '.join(words[1:])}" if base in _CATEGORIZED and len(words) > 1
                          else " ".join(words), n)
            return nxt
        if name in ("center", "exdent", "caption", "shortcaption", "centerchap"):
            text, nxt = self.logical(i, arg)
            self.text(self.inline(text), n)
            return nxt
        if name == "tab":  # outside a multitable: a column break, read as a space
            text, nxt = self.logical(i, arg)
            self.text(self.inline(text), n)
            return nxt
        if name == "noindent":
            return i + 1
        # Not a line command: inline markup at the start of text, or a command this reader does
        # not know (kept as its text without the command), or a block of one (`@foo` ... `@end foo`).
        if name in _SYMBOLS or name in _KNOWN_INLINE or name in _ACCENT_MARKS or name in (
                "value", "verb", "dotless", "U", "acronym", "abbr", "inforef", "link", "footnote"):
            text, nxt = self.logical(i, lines[i])
            if top is not None and top.kind == "multi":
                self.cell_text(top, _uncomment(text), n)
            else:
                self.text(self.inline(_uncomment(text)), n)
            return nxt
        if not arg and self.closed_later(i, name):
            self.stack.append(_Open(name, "plain", n))
            return i + 1
        text, nxt = self.logical(i, arg)
        if top is not None and top.kind == "multi":
            self.cell_text(top, text, n)
        else:
            self.text(self.inline(text), n)
        return nxt

    def item(self, i: int, name: str, arg: str) -> int:
        n = i + 1
        c = self.container()
        text, nxt = self.logical(i, arg)
        if c is None:  # an @item outside a list: its text
            self.text(self.inline(text), n)
            return nxt
        if c.kind == "list":
            self.flush_lead()
            if c.name == "enumerate":
                mark = f"{c.number}. " if not c.letter else f"- {chr(ord(c.letter) + c.number - 1)}) "
                c.number += 1
            else:
                mark = "- "
            self.lead = (c.indent + mark, n, "bullet")
            self.text(self.inline(text), n)
            return nxt
        term = self.inline(text, code=c.fmt in _CODE_LIKE).strip()
        if name == "itemx" and self.lead and self.lead[2] == "term":
            lead, line, _ = self.lead
            # "Via Verde / Portagens: ...": one term of several names (a comma would make it no term).
            self.lead = (f"{lead} / {term}" if term else lead, line, "term")
            return nxt
        self.flush_lead()
        if term:
            self.lead = (term, n, "term")
        return nxt


_CATEGORIZED = {"deffn", "defvr", "deftypefn", "deftypevr", "defcv", "defop", "deftp", "deftypeop", "deftypecv"}
_DEFS = {"deffn", "defvr", "deftypefn", "deftypevr", "defun", "defmac", "defspec", "defvar", "defopt",
         "deftypefun", "deftypevar", "defcv", "defop", "deftp", "defmethod", "deftypemethod", "defivar",
         "deftypeivar", "deftypeop", "deftypecv", "defline", "deftypeline", "defblock"}


def _split_def(text: str) -> list[str]:
    """A definition line's words, a `{Special Form}` group one word."""
    words, k = [], 0
    text = text.strip()
    while k < len(text):
        if text[k].isspace():
            k += 1
            continue
        if text[k] == "{":
            group, k = _group(text, k)
            words.append(group)
            continue
        m = re.compile(r"(?:@.|[^\s{])+").match(text, k)
        if not m:
            break
        words.append(m.group(0))
        k = m.end()
    return words


def _drop_empty_headings(md: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """Headings with nothing under them (the index's `@unnumbered Indeksi` over `@printindex`)."""
    keep = [True] * len(md)
    after: int | None = 0  # 0: the end; a level: the next kept heading; None: text
    for k in range(len(md) - 1, -1, -1):
        line = md[k]
        if not line.strip():
            continue
        m = re.match(r"^(#{1,6}) ", line)
        if m:
            level = len(m.group(1))
            if after == 0 or (after is not None and after <= level):
                keep[k] = False
                continue
            after = level
        else:
            after = None
    md = [line for line, kept in zip(md, keep) if kept]
    numbers = [num for num, kept in zip(numbers, keep) if kept]
    # Blank lines run together where a heading went.
    out_md, out_num = [], []
    for line, num in zip(md, numbers):
        if not line.strip() and (not out_md or not out_md[-1].strip()):
            continue
        out_md.append(line)
        out_num.append(num)
    while out_md and not out_md[-1].strip():
        out_md.pop()
        out_num.pop()
    return out_md, out_num


def to_markdown(lines: list[str], path: Path) -> Converted:
    """A Texinfo file's lines as markdown, the file line of each, the days its day headings give,
    the day it says it was last changed and what was wrong with it."""
    writer = _Writer(lines, path)
    writer.run()
    md, numbers = _drop_empty_headings(writer.md, writer.numbers)
    # The day the file was changed: its own @set UPDATED (or an included version.texi's), what
    # its comments say, and a ChangeLog beside it.
    set_days = [day_of(v) for k, v in writer.own_values.items() if _DATE_VARS.fullmatch(k)]
    changed, made = [], []
    for line in lines:
        comment = _comment_of(line)
        if comment:
            c, m = _comment_day(comment)
            changed.append(c)
            made.append(m)
    written = max([d for d in set_days + changed if d] + [_changelog_day(path)], default="")
    written = written or max(made, default="")
    nothing = ""
    if not md:
        commands = {m.group(1) for ln in lines if (m := _COMMAND_LINE.match(ln))}
        if "include" in commands:
            nothing = "a Texinfo manual's main file: its chapters are the files it @includes, each read on its own"
        elif commands and commands <= {"set", "clear", "c", "comment"}:
            nothing = "Texinfo variables (@set) only; the manual that @includes them reads them"
        else:
            nothing = "a Texinfo file with no text"
    days = sorted(writer.days) if any(d for _, d in writer.days) else []
    return Converted(md, numbers, days, written, writer.problems, nothing)
