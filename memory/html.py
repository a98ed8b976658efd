"""HTML notes (Evernote, Apple Notes and Notion exports, a saved page) as the markdown they mean,
with each line's number in the file, and Evernote's `.enex` export (HTML notes inside XML).

Read as code, an HTML note said nothing at all: its text sits between tags, often all on one
line. Here headings stay headings, paragraphs and `<br>` end lines, list items are bullets, a
table is a markdown table, and scripts, styles and the head are left out. Every markdown line
keeps the number of the file line its text starts on, so a citation opens the right place.
"""
from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from html.parser import HTMLParser

_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre", "figure",
          "figcaption", "address", "dl", "dt", "dd", "form", "fieldset", "details", "summary", "en-note", "body"}
_SKIP = {"script", "style", "head", "noscript", "template", "svg", "en-media"}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_STRUCK = {"s", "del", "strike"}
_ASIDE = re.compile(r"\s*\([^()]{1,60}\)\s*")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[int, str]] = []  # (file line, markdown line)
        self.buf: list[str] = []
        self.buf_line = 0
        self.prefix = ""
        self.skip = 0
        self.lists: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.rows: list[tuple[int, list[str], bool]] = []
        self.header_row = False
        self.title = ""
        self.in_title = False
        self.bold = 0  # open <b>/<strong> tags
        self.plain = False  # the block so far holds text outside them
        self.level = 0  # the last real heading's level

    # text -----------------------------------------------------------------------------------
    def _line(self) -> int:
        return self.getpos()[0]

    def flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text and not self.prefix and not self.plain and _is_bold_title(text):
            # a line that is all bold, short and no sentence ("<div><b>Onix (meu)</b></div>")
            # heads the lines under it, as a heading one level below the page's own
            self.prefix = "#" * min(6, self.level + 1 if self.level else 2) + " "
        if text:
            self.out.append((self.buf_line or self._line(), self.prefix + text))
        elif re.fullmatch(r"\s*- (?:\[[ x]\] )?", self.prefix):
            # "<li><div>Immatriculation : BM 7314 RB</div></li>", as Evernote writes every list
            # item: the item's block opens before its text, and the text is still the item's.
            self.buf, self.buf_line, self.plain = [], 0, False
            return
        self.buf, self.buf_line, self.prefix, self.plain = [], 0, "", False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        if data.strip() and not self.buf_line:
            self.buf_line = self._line() + len(re.match(r"\s*", data).group(0).split("\n")) - 1
        if data.strip() and not self.bold and not (self.buf and _ASIDE.fullmatch(data)):
            # (An aside after the bold words, "<b>Toyota Venza 2011</b> (grise, la mienne)",
            # keeps the line a title.)
            self.plain = True
        self.buf.append(data)

    def _mark_struck(self) -> None:
        # Struck-out text is a value that no longer holds ("<s>MTN box, 15 000</s> Celtiis
        # fibre, 25 000"): written as markdown's ~~...~~, the statement reads it as the change it is.
        (self.cell if self.cell is not None else self.buf).append("~~")

    # tags -----------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in ("b", "strong"):
            self.bold += 1
        if tag in _STRUCK:
            self._mark_struck()
        if tag == "br":
            if self.cell is not None:
                self.cell.append(" ")
            else:
                self.flush()
        elif tag in _HEADINGS:
            self.flush()
            self.prefix = "#" * _HEADINGS[tag] + " "
            self.level = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append(tag)
        elif tag == "li":
            self.flush()
            self.prefix = "  " * max(0, len(self.lists) - 1) + "- "
        elif tag == "input" and dict(attrs).get("type") == "checkbox" and self.prefix.endswith("- "):
            self.prefix += "[x] " if "checked" in dict(attrs) else "[ ] "
        elif tag == "en-todo":
            self.prefix = (self.prefix or "- ") + ("[x] " if dict(attrs).get("checked") == "true" else "[ ] ")
        elif tag == "table":
            self.flush()
            self.rows = []
        elif tag == "tr":
            self.row, self.header_row = [], False
            self.row_line = self._line()
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.header_row = self.header_row or tag == "th"
        elif tag == "hr" or tag in _BLOCK:
            self.flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in ("b", "strong"):
            self.bold = max(0, self.bold - 1)
        if tag in _STRUCK:
            self._mark_struck()
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()).replace("|", "/"))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(self.row):
                self.rows.append((self.row_line, self.row, self.header_row))
            self.row = None
        elif tag == "table":
            self._table()
        elif tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in _HEADINGS or tag == "li" or tag in _BLOCK:
            self.flush()

    def _table(self) -> None:
        rows, self.rows = self.rows, []
        if not rows:
            return
        width = max(len(r) for _, r, _ in rows)
        if width == 1:  # a one-column "table" is layout: its cells are lines
            self.out.extend((n, r[0]) for n, r, _ in rows if r[0])
            return
        for k, (n, cells, _) in enumerate(rows):
            cells = cells + [""] * (width - len(cells))
            self.out.append((n, "| " + " | ".join(cells) + " |"))
            if k == 0:
                self.out.append((n, "|" + "---|" * width))
        self.out.append((rows[-1][0], ""))


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def _is_bold_title(text: str) -> bool:
    # A model's year stays in its title ("Toyota Venza 2011", "Renault Logan 2009"); a date does not.
    years = re.sub(r"\b(?P<w>[A-Z][\w-]+|\d{3,}) (?:19|20)\d\d\b",
                   lambda m: m.group("w") if m.group("w")[:3].lower() not in _MONTHS else m.group(0), text)
    return len(_ASIDE.sub(" ", text).split()) <= 6 and not re.search(r"[:.!?;]$|:\s|\d{4}", years)


def to_markdown(text: str, first_line: int = 1) -> tuple[list[str], list[int], str]:
    """Markdown lines, the file line each comes from, and the page's <title>."""
    reader = _Reader()
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError):  # html.parser gives up on some broken markup; keep what it read
        pass
    reader.flush()
    lines, numbers = [], []
    for n, line in reader.out:
        if lines and line and not line.startswith("|") and lines[-1].startswith("|"):
            lines.append("")
            numbers.append(n + first_line - 1)
        lines.append(line)
        numbers.append(n + first_line - 1)
    return lines, numbers, " ".join(reader.title.split())


_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def is_template(md: list[str], least: int = 2) -> bool:
    """A site generator's template (Jekyll, Hugo, Zola, Eleventy, Django layouts): most of the
    text it shows is `{{ page.title }}` and `{% block content %}`, filled in from the pages, which
    are read on their own. `least` such lines (two in an .html file, which may be a saved page
    that shows one), and half of the lines with any text."""
    shown = [line for line in md if line.strip()]
    tagged = [line for line in shown if _TEMPLATE_TAG.search(line)]
    return len(tagged) >= least and 2 * len(tagged) >= len(shown)


def looks_like_html(lines: list[str]) -> bool:
    head = "\n".join(lines[:20]).lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


# Evernote ----------------------------------------------------------------------------------------

_ENEX_NOTE = re.compile(r"<note>(.*?)</note>", re.DOTALL)
_ENEX_FIELD = r"<{0}>(.*?)</{0}>"
_ENEX_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})T\d{6}Z")


def looks_like_enex(lines: list[str]) -> bool:
    return "<en-export" in "\n".join(lines[:10])


def enex_notes(text: str) -> list[tuple[list[str], list[int], str]]:
    """Each note of an .enex file: its markdown (title heading first), file line numbers, and the
    day it was last updated."""
    out = []
    for m in _ENEX_NOTE.finditer(text):
        body = m.group(1)
        start_line = text.count("\n", 0, m.start(1)) + 1
        title = re.search(_ENEX_FIELD.format("title"), body, re.DOTALL)
        content = re.search(r"<content>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</content>", body, re.DOTALL)
        stamps = [s for s in (re.search(_ENEX_FIELD.format(k), body) for k in ("updated", "created")) if s]
        day = ""
        for s in stamps:
            d = _ENEX_STAMP.match(s.group(1).strip())
            if d:
                try:
                    day = datetime(int(d.group(1)), int(d.group(2)), int(d.group(3))).strftime("%Y-%m-%d")
                except ValueError:
                    continue
                break
        lines, numbers = [], []
        if title:
            lines.append("# " + " ".join(unescape(title.group(1)).split()))
            numbers.append(start_line + body.count("\n", 0, title.start()))
            lines.append("")
            numbers.append(numbers[-1])
        if content:
            md, nums, _ = to_markdown(content.group(1), start_line + body.count("\n", 0, content.start(1)))
            lines += md
            numbers += nums
        out.append((lines, numbers, day))
    return out

