"""An RTF document (WordPad, TextEdit, LibreOffice, Word's "Rich Text Format"), read as the text it shows.

RTF is text with control words: `{\\rtf1\\ansi\\ansicpg1250 ...}`, a font and colour table, then
the document, a paragraph ending at each `\\par`, a letter outside ASCII written `\\'e3` (a byte of
the document's code page, `\\ansicpg`) or `\\u537?` (a Unicode number, then `\\uc` letters for
readers that cannot show it). Read as plain text a note was "Ioana Mure\\u537?an, n\\'e3scut\\'e3 ...\\par".
Here each paragraph is a line of markdown at the file line where its text begins: a short one
an item of a list (a WordPad document of "Telefon: 0745 ..." lines is a list in all but its
marks; as lines of one markdown paragraph they ran into each other), a long one or one of
several sentences a paragraph of prose; a paragraph written all in bold is a heading (how WordPad
users title a part); a WordPad bullet (`\\pntext`) is a list item; a table's row (`\\cell`, `\\row`) a markdown table row; the font, colour and style
tables, the document's information, pictures, fields' instructions and any `{\\*\\...}` group are
left out.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from memory.tables import table_row

RTF_EXT = {".rtf"}
_HEADING_CHARS = 100  # a bold paragraph longer than this is something said in bold, not a title
_PROSE_CHARS = 160  # a paragraph longer than this, or of several sentences, is prose, not a line of a list
# Groups whose text is not shown: tables of fonts, colours, styles and lists, the document's
# information, pictures and objects, headers and footers, fields' instructions.
_HIDDEN = frozenset("""fonttbl colortbl stylesheet info pict object header footer headerl headerr headerf footerl
    footerr footerf listtable listoverridetable rsidtbl generator themedata colorschememapping latentstyles datastore
    xmlnstbl mmathpr fldinst filetbl revtbl bkmkstart bkmkend xe tc footnote annotation atnid atnauthor objdata
    nonshppict shppict sp sn sv userprops docvar""".split())
_SYMBOLS = {"emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
            "ldblquote": "\u201c", "rdblquote": "\u201d", "tab": "\t", "emspace": " ", "enspace": " ", "qmspace": " "}
_BREAKS = frozenset("par line sect page".split())
_TOKEN = re.compile(r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|(\r\n|\n|\r)|([^\\{}\r\n]+)", re.S)


def looks_like_rtf(path: Path, lines: list[str]) -> bool:
    return bool(lines) and lines[0].lstrip("\ufeff").startswith("{\\rtf")


def written(text: str) -> str:
    """The day the document says it was last revised (`{\\info{\\revtim\\yr2026\\mo3\\dy3...}}`, as Word
    and LibreOffice write it; else when it was created), ISO; "" when it does not say (WordPad)."""
    for what in ("revtim", "creatim"):
        m = re.search(rf"\\{what}\s*\\yr(\d{{4}})\s*\\mo(\d{{1,2}})\s*\\dy(\d{{1,2}})", text[:20000])
        if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
            return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return ""


def _codec(page: int) -> str:
    try:
        return codecs.lookup(f"cp{page}").name
    except LookupError:
        return "cp1252"


def paragraphs(text: str) -> list[tuple[int, str, bool, bool, list[str] | None]]:
    """(file line, text, all bold, a bullet, the row's cells or None) of each paragraph shown."""
    out: list[tuple[int, str, bool, bool, list[str] | None]] = []
    state = {"hidden": False, "bold": False, "uc": 1, "bullet": False}
    stack: list[dict] = []
    codec = "cp1252"
    line = 1
    buf: list[str] = []  # this paragraph's letters
    bold: list[bool] = []  # whether each letter is bold
    first = [0]  # the file line of the paragraph's first letter
    cells: list[str] = []
    bullet = [False]
    skip = 0  # letters still to skip after a \uN
    group_start = False  # the token is the first of its group (a destination's control word)

    def put(s: str) -> None:
        if not s:
            return
        if not buf and not s.strip() and not cells:
            return
        if not first[0]:
            first[0] = line
        buf.append(s)
        bold.extend([state["bold"]] * len(s))

    def end(kind: str) -> None:
        words = re.sub(r"[ \t\u00a0]+", " ", "".join(buf)).strip()
        all_bold = bool(words) and all(b for b, c in zip(bold, "".join(buf)) if not c.isspace())
        if kind == "cell":
            cells.append(words)
            if not first[0]:
                first[0] = line
        elif kind == "row":
            if cells:
                out.append((first[0] or line, "", False, False, list(cells)))
            cells.clear()
            first[0] = 0
        else:
            if cells:  # a row not closed with \row
                out.append((first[0] or line, "", False, False, list(cells) + ([words] if words else [])))
                cells.clear()
            else:
                out.append((first[0] or line, words, all_bold, bullet[0], None))
            first[0] = 0
            bullet[0] = False
        buf.clear()
        bold.clear()

    for m in _TOKEN.finditer(text):
        word, arg, hexa, sym, brace, newline, chars = m.groups()
        starts = group_start
        group_start = False
        if newline:
            line += 1
            continue
        if brace == "{":
            stack.append(dict(state))
            group_start = True
            continue
        if brace == "}":
            if stack:
                state = stack.pop()
            continue
        if state["hidden"]:
            continue
        if sym is not None:
            if sym == "*" and starts:
                state["hidden"] = True
            elif skip:
                skip -= 1
            elif sym == "~":
                put("\u00a0")
            elif sym == "_":
                put("-")
            elif sym in "\\{}":
                put(sym)
            elif sym in "\r\n":  # "\" before a line end is \par
                line += 1
                end("par")
            continue
        if hexa is not None:
            if skip:
                skip -= 1
            elif not state["bullet"]:
                put(bytes([int(hexa, 16)]).decode(codec, errors="replace"))
            continue
        if chars is not None:
            if skip:
                n = min(skip, len(chars))
                chars, skip = chars[n:], skip - n
            if not state["bullet"]:
                put(chars)
            continue
        word = word.lower()
        if word in _HIDDEN and (starts or word in ("fonttbl", "colortbl", "stylesheet", "info", "pict")):
            state["hidden"] = True
        elif word in ("pntext", "listtext"):
            state["bullet"] = True
            bullet[0] = True
        elif word == "ansicpg" and arg:
            codec = _codec(int(arg))
        elif word == "uc" and arg:
            state["uc"] = int(arg)
        elif word == "u" and arg:
            if not state["bullet"]:
                put(chr(int(arg) % 65536))
            skip = state["uc"]
        elif word == "b":
            state["bold"] = arg != "0"
        elif word == "plain":
            state["bold"] = False
        elif word in _BREAKS:
            end("par")
        elif word == "cell":
            end("cell")
        elif word == "row":
            end("row")
        elif word in _SYMBOLS and not state["bullet"]:
            put(_SYMBOLS[word])
    if buf or cells:
        end("par")
    return out


def to_markdown(text: str, name: str) -> tuple[list[str], list[int]]:
    """(markdown, the file line each markdown line comes from)."""
    md: list[str] = []
    numbers: list[int] = []
    in_table = False
    for n, words, all_bold, bullet, cells in paragraphs(text):
        if cells is not None:
            row = table_row(cells)
            if not in_table:
                md += ["", row, "|" + "---|" * len(cells)]
                numbers += [n, n, n]
                in_table = True
            else:
                md.append(row)
                numbers.append(n)
            continue
        if in_table:
            md.append("")
            numbers.append(n)
            in_table = False
        if not words:
            continue
        if md and md[-1].startswith("- ") and not bullet:
            md.append("")
            numbers.append(n)
        if all_bold and not bullet and len(words) <= _HEADING_CHARS and not words.endswith((".", ":")):
            md += [f"## {words}", ""]
            numbers += [n, n]
        elif bullet:
            md.append(f"- {words}")
            numbers.append(n)
        elif len(words) > _PROSE_CHARS or re.search(r"[.!?]\s+[A-ZĂÂÎȘȚÀ-Þ]", words):
            md += ["", words, ""]  # a paragraph of prose, each sentence its own statement
            numbers += [n, n, n]
        else:  # a line of its own, as the document shows it (read as a list: no line runs into the next)
            md.append(f"- {words}")
            numbers.append(n)
    if md and md[0].startswith("## "):
        md[0] = md[0][1:]  # the document's first line, in bold: its title
    elif md:
        md, numbers = [f"# {name}", ""] + md, [1, 1] + numbers
    return md, numbers
