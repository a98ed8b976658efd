"""LaTeX documents (a moderncv CV, a `letter`), read as the markdown they mean.

Read as plain text, `\\documentclass[11pt]{letter} \\usepackage[utf8]{inputenc}` was the first
sentence and `\\cventry{2023--hoy}{Data Scientist}{Datalia}{Guadalajara}{}{...}` one run of
braces. Commands become what they say, every line cited at the line of the file it came from:

    \\section{Experiencia}                   ->  ## Experiencia
    \\cventry{2023--hoy}{Data Scientist}{Datalia}{Guadalajara}{}{Modelos…}
                                            ->  - 2023–hoy: Data Scientist, Datalia, Guadalajara. Modelos…
    \\cvitem{Idiomas}{Español (nativo)}      ->  - Idiomas: Español (nativo)
    \\name{Ximena}{Ruiz Olvera}, \\phone[mobile]{+52~33…}
                                            ->  - Name: Ximena Ruiz Olvera / - Phone (mobile): +52 33…
    \\begin{letter}{Lic. Godínez\\\\Arrendador} ->  - To: Lic. Godínez, Arrendador
    \\item, \\textbf{x}, \\$11,500, 18\\%       ->  - , x, $11,500, 18%
    \\usepackage{…}, % comments              ->  (left out: typesetting)

A comment saying when the file was last changed ("% last updated: 2026-02-10") dates it.
"""
from __future__ import annotations

import bisect
import re
from pathlib import Path

TEX_EXT = {".tex", ".latex", ".ltx"}

# Typesetting: these commands and their arguments say nothing the user wrote.
_DROPPED = {
    "documentclass", "usepackage", "moderncvstyle", "moderncvcolor", "moderncvtheme", "geometry", "setlength",
    "newcommand", "renewcommand", "providecommand", "photo", "pagestyle", "thispagestyle", "hypersetup",
    "definecolor", "setmainfont", "setsansfont", "input", "include", "label", "ref", "pageref", "cite",
    "bibliography", "bibliographystyle", "addbibresource", "nocite", "vspace", "hspace", "newpage",
    "clearpage", "makecvtitle", "maketitle", "selectlanguage", "fontsize", "linespread", "includegraphics",
    "nopagebreak", "pagebreak", "noindent", "centering", "raggedright", "small", "large", "footnotesize",
    "setcounter", "tableofcontents", "hline", "toprule", "midrule", "bottomrule", "cline", "vfill", "hfill",
    "quote", "today", "enclname", "ccname", "encl", "cc", "ps", "AtBeginDocument", "newgeometry", "recomputelengths",
}
_HEADINGS = {"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5,
             "subparagraph": 6, "cvsection": 2, "cvsubsection": 3}
# Personal details of a CV or letter: the command's name is what its value is.
_DETAILS = {"name": "Name", "firstname": "First name", "familyname": "Family name", "title": "Title",
            "address": "Address", "phone": "Phone", "mobile": "Mobile", "email": "Email", "homepage": "Homepage",
            "social": "", "extrainfo": "", "quote": "", "signature": "Signed", "date": "Date", "born": "Born",
            "author": "Author", "subject": "Subject", "location": "Location", "telephone": "Phone"}
_ESCAPES = {"$": "$", "%": "%", "&": "&", "#": "#", "_": "_", "{": "{", "}": "}", ",": " ", ";": " ", " ": " ",
            "@": "", "/": ""}
_WORDS = {"ldots": "...", "dots": "...", "textendash": "–", "textemdash": "—", "euro": "€", "pounds": "£",
          "S": "§", "LaTeX": "LaTeX", "TeX": "TeX", "textasciitilde": "~", "textbar": "|"}
_LAST_CHANGED = re.compile(r"(?i)(?:last\s+)?(?:updated|modified|changed|edited|actualizad[oa]|aktualisiert)\s*:?\s*((?:19|20)\d{2}-\d{2}-\d{2})")


def looks_like_latex(path: Path) -> bool:
    return path.suffix.lower() in TEX_EXT


def written(lines: list[str]) -> str:
    """The day a comment says the file was last changed ("% last updated: 2026-02-10")."""
    found = [m.group(1) for line in lines if line.lstrip().startswith("%") for m in [_LAST_CHANGED.search(line)] if m]
    return max(found, default="")


def _strip_comments(lines: list[str]) -> str:
    out = []
    for line in lines:
        m = re.search(r"(?<!\\)%", line)
        out.append(line[:m.start()] if m else line)
    return "\n".join(out)


def _group(text: str, pos: int, open_: str = "{", close: str = "}") -> tuple[str, int] | None:
    """The balanced group starting at `pos` (after white space), and the position after it."""
    k = pos
    while k < len(text) and text[k] in " \t\n" and text.count("\n", pos, k + 1) <= 1:
        k += 1
    if k >= len(text) or text[k] != open_:
        return None
    depth = 0
    for j in range(k, len(text)):
        c = text[j]
        if c == open_ and (j == 0 or text[j - 1] != "\\"):
            depth += 1
        elif c == close and (j == 0 or text[j - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return text[k + 1:j], j + 1
    return text[k + 1:], len(text)


def _args(text: str, pos: int) -> tuple[str, list[str], int]:
    """An optional [argument] and the {arguments} after a command."""
    opt = ""
    got = _group(text, pos, "[", "]")
    if got:
        opt, pos = got
    found = []
    while (got := _group(text, pos)) is not None:
        found.append(got[0])
        pos = got[1]
    return opt, found, pos


def inline(text: str) -> str:
    """A piece of LaTeX as the text it prints, on one line."""
    out = []
    k = 0
    while k < len(text):
        c = text[k]
        if c == "\\":
            if text[k + 1:k + 2] == "\\":
                out.append(", ")
                k += 2
                got = re.match(r"\s*\[[^\]]*\]", text[k:])
                k += got.end() if got else 0
                continue
            if k + 1 < len(text) and text[k + 1] in _ESCAPES:
                out.append(_ESCAPES[text[k + 1]])
                k += 2
                continue
            m = re.match(r"[A-Za-z]+\*?", text[k + 1:])
            if not m:
                k += 2
                continue
            name = m.group(0).rstrip("*")
            k += 1 + len(m.group(0))
            if name in _WORDS:
                out.append(_WORDS[name])
                continue
            opt, args, k2 = _args(text, k)
            if name in _DROPPED or name in ("begin", "end"):
                k = k2
                continue
            if name == "href" and len(args) >= 2:
                out.append(inline(args[1]))
            elif args:
                out.append(" ".join(inline(a) for a in args if a.strip()))
            k = k2
            continue
        if c in "{}":
            k += 1
            continue
        if c == "~":
            out.append(" ")
            k += 1
            continue
        out.append(c)
        k += 1
    s = "".join(out).replace("``", "“").replace("''", "”").replace("---", "—").replace("--", "–")
    return re.sub(r"\s+", " ", s).strip()


def _join(parts: list[str]) -> str:
    return ", ".join(inline(p) for p in parts if inline(p))


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    text = _strip_comments(lines)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]  # where each line begins, for citing
    out: list[tuple[int, str]] = []
    para: list[str] = []
    para_at = 0

    def flush() -> None:
        nonlocal para, para_at
        s = re.sub(r"\s+", " ", "".join(para)).strip(" ,")
        if s:
            out.append((para_at, s))
            out.append((para_at, ""))
        para, para_at = [], 0

    def emit(at: int, line: str) -> None:
        flush()
        out.append((at, line))

    k = 0
    while k < len(text):
        c = text[k]
        if c == "\n":
            if re.match(r"\n[ \t]*\n", text[k:]):
                flush()
            elif para:
                para.append(" ")
            k += 1
            continue
        if c != "\\" or not re.match(r"\\[A-Za-z]", text[k:k + 2]):
            if c == "\\" and text[k + 1:k + 2] == "\\":
                flush()  # a forced line break in running text
                k += 2
                continue
            if not para and not c.strip():
                k += 1
                continue
            if not para:
                para_at = bisect.bisect_right(starts, k)
            j = k
            while j < len(text) and text[j] != "\n" and not (text[j] == "\\" and re.match(r"\\(?:[A-Za-z]|\\)", text[j:j + 2])):
                j += 1
            if j < len(text) and text[j] == "\\" and re.match(r"\\[$%&#_{},; ]", text[j:j + 2]):
                j += 2  # an escaped character belongs to the text
            para.append(inline(text[k:j]))
            k = max(j, k + 1)
            continue
        at = bisect.bisect_right(starts, k)
        m = re.match(r"\\([A-Za-z]+)\*?", text[k:])
        name = m.group(1)
        opt, args, after = _args(text, k + m.end())
        if name in _HEADINGS and args:
            emit(at, "#" * _HEADINGS[name] + " " + inline(args[-1]))
            out.append((at, ""))
        elif name == "cventry" and args:
            head, rest = args[0], args[1:]
            lead = _join(rest[:4])
            body = inline(rest[4]) if len(rest) > 4 else ""
            # A description holding a list: its items on their own lines under the entry.
            items = re.split(r"\\item\b", rest[4]) if len(rest) > 4 else [""]
            body = inline(items[0])
            emit(at, f"- {inline(head)}: {lead}" + (f"{'' if lead.endswith('.') else '.'} {body}" if body else ""))
            for item in items[1:]:
                if inline(item):
                    out.append((at, f"  - {inline(item)}"))
        elif name in ("cvitem", "cvitemwithcomment", "cvlanguage", "cvcomputer") and args:
            emit(at, f"- {inline(args[0])}: {_join(args[1:])}" if inline(args[0]) else f"- {_join(args[1:])}")
        elif name == "cvdoubleitem" and len(args) >= 4:
            emit(at, f"- {inline(args[0])}: {inline(args[1])}")
            out.append((at, f"- {inline(args[2])}: {inline(args[3])}"))
        elif name == "cvlistitem" and args:
            emit(at, f"- {inline(args[0])}")
        elif name in _DETAILS and args and (name != "date" or inline(args[0])):
            label = _DETAILS[name] or (inline(opt).title() if opt else name.title())
            if opt and _DETAILS[name]:
                label += f" ({inline(opt)})"
            value = " ".join(inline(a) for a in args) if name in ("name",) else _join(args)
            if value:
                emit(at, f"- {label}: {value}")
        elif name == "begin" and args:
            env = args[0]
            if env == "letter" and len(args) > 1:
                emit(at, f"- To: {inline(args[1])}")
            flush()
        elif name == "end":
            flush()
        elif name in ("opening", "closing") and args:
            emit(at, inline(args[0]))
            out.append((at, ""))
        elif name == "item":
            flush()
            para_at = at
            para.append(f"- {inline(opt)}: " if opt else "- ")
        elif name in _DROPPED:
            pass
        else:  # formatting (\textbf{x}) and anything unknown: the text of its arguments
            if not para:
                para_at = at
            if name in _WORDS:
                para.append(_WORDS[name])
            else:
                para.append(" ".join(inline(a) for a in args) if name != "href" or len(args) < 2 else inline(args[1]))
        k = after
    flush()
    return [t for _, t in out], [n for n, _ in out]
