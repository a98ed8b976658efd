"""jrnl (the command-line journal, jrnl.sh) journal files, read as the dated entries they are.

jrnl keeps a journal as one plain-text file (`~/.local/share/jrnl/journal.txt`, or one a day in a
folder journal), each entry opening with its stamp and a blank line between entries:

    [2026-05-02 19:40] Tomasz passed his driving test! @tomasz *
    Second try, at the Wola centre. Celebrated with pierogi.
    @family @driving

jrnl takes the first sentence after the stamp as the entry's title (the rest of that line is
body), a trailing ` *` as its star and `@word` as tags. Read as plain text, every entry ran into
the next as one undated run of lines, a stamp was part of the first sentence, and the tag lines
were statements. Here each entry is a heading of its day and title ("2024-04-18 Tomasz passed his
driving test!", star and trailing tags left out) over its body lines, each on the file line it
was written on, and is dated by its stamp's day (ParsedFile.written_from, as howm dates its
memos); a title that says something ("Tomasz passed
his driving test!") is a statement too, tag-only lines are left out, and a tag in a sentence
keeps its word ("lunch with @ewa" -> "lunch with ewa").
"""
from __future__ import annotations

import re
from pathlib import Path

# jrnl's default timeformat ("%Y-%m-%d %H:%M"); a title follows after one space, or nothing at all.
_ENTRY = re.compile(r"^\[(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})\](?: (.*)|\s*)$")
_STRICT = re.compile(r"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}\] ")  # a journal's first line: stamp and title
_DATED = re.compile(r"^\[\d{4}-\d{2}-\d{2}")  # any line opening with a bracketed day: a would-be entry
_TAG = r"[@#][^\W\d_][\w./-]*"  # jrnl's default tag symbols are @ and #; a tag starts with a letter
_TAGS_ONLY = re.compile(rf"^\s*{_TAG}(?:[\s,]+{_TAG})*[\s,]*$")
_TRAILING_TAGS = re.compile(rf"(?:\s+{_TAG})+\s*$")
_STAR = re.compile(r"(?:^|\s+)\*$")
_AT = re.compile(r"(?<![\w.@])@(?=[^\W\d_])")  # "@ewa" in a sentence, not "ewa@mail.pl"
# jrnl ends a title at the first . ? or ! (a closing quote or bracket may follow) before a space;
# here not after an abbreviation or a lone initial ("Dr. Nowak", "flat no. 4", "J. Kowal"), nor
# before a small letter, which no new sentence starts with.
_SENTENCE_END = re.compile(r"[.?!…]+['\"’”)\]]*\s+(?=\S)")
_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "st", "no", "nr", "vs", "etc", "e.g", "i.e", "jr", "sr", "prof", "approx", "ca", "p", "pp"}


def looks_like_jrnl(path: Path, lines: list[str]) -> bool:
    """A jrnl journal: a .txt or extensionless file whose first line is a `[YYYY-MM-DD HH:MM] title`
    stamp, with most lines that open with a bracketed day such stamps, each after a blank line as
    jrnl writes them. One entry alone is a journal only in a folder named jrnl: an ordinary note
    that opens with a stamped line, a chat log or a program's log (a stamp on every line) is not."""
    if path.suffix.lower() not in (".txt", ""):
        return False
    first = next((line for line in lines if line.strip()), "")
    if not _STRICT.match(first) or not _valid(_ENTRY.match(first)):
        return False
    starts = [i for i, line in enumerate(lines) if _ENTRY.match(line) and _valid(_ENTRY.match(line))]
    dated = sum(1 for line in lines if _DATED.match(line))
    if len(starts) * 4 < dated * 3:
        return False  # mostly other bracketed dates ("[2026-04-20]+ buy pads"): not jrnl's stamps
    if len(starts) == 1:
        return any(p.name.lower() in ("jrnl", ".jrnl") for p in path.parents)
    spaced = sum(1 for i in starts[1:] if not lines[i - 1].strip())
    return spaced * 2 >= len(starts) - 1


def _valid(m: re.Match | None) -> bool:
    return bool(m) and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31 and int(m.group(4)) < 24 and int(m.group(5)) < 60


def _split_title(text: str) -> tuple[str, str]:
    """(the title, the rest of the line): jrnl's first sentence."""
    for m in _SENTENCE_END.finditer(text):
        before = text[:m.start()].split()
        word = before[-1].lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or text[m.end()].islower():
            continue
        return text[:m.end()].strip(), text[m.end():].strip()
    return text.strip(), ""


def _words(text: str) -> str:
    """A line as words: tags after its last sentence left out, a tag in a sentence its bare word."""
    if re.search(r"[.?!…]['\"’”)\]]*(?:\s+" + _TAG + r")+\s*$", text):
        text = _TRAILING_TAGS.sub("", text)
    return _AT.sub("", text)


def _body(line: str) -> str:
    if _TAGS_ONLY.match(line):
        return ""  # how the user sorts the entry, not something it says
    line = _words(line)
    # A markdown heading in an entry stays under the entry's own heading.
    return "#" + line if re.match(r"#{1,5}\s", line) else line


def to_markdown(lines: list[str]) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line of each markdown line, (file line, day) of each entry)."""
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []

    def put(n: int, *rows: str) -> None:
        md.extend(rows)
        numbers.extend([n] * len(rows))

    for n, line in enumerate(lines, 1):
        m = _ENTRY.match(line)
        if not (m and _valid(m)):
            put(n, _body(line))
            continue
        day = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        days.append((n, day))
        text = _STAR.sub("", (m.group(6) or "").rstrip())  # the star mark (" *" at the line's end)
        text = _TRAILING_TAGS.sub("", text) if not _TAGS_ONLY.match(text) else ""
        title, rest = _split_title(_AT.sub("", text))
        # The heading carries the entry's day, as jrnl prints it ("2026-08-18 16:10 Navara
        # insurance renewal."): every line of the entry was written that day, and a reader orders
        # two versions of a fact by the day its heading gives, as it does a diary's.
        heading = f"{day} {title.rstrip('.').strip()}".strip()
        put(n, "", f"# {heading}", "")
        if len(title.split()) > 1 or re.search(r"\d", title):
            put(n, title, "")  # the title says something itself ("Tomasz passed his driving test!")
        if rest:
            put(n, _body(rest))
    return md, numbers, days


__all__ = ["looks_like_jrnl", "to_markdown"]
