"""Blocks → statements: the single things a note says, each at its exact lines.

A statement is what a reader cites and what training turns into a fact:
  - a prose sentence (split with care for "Dr.", "Ursula K. Le Guin", "e.g.", "3.5", "9:30");
  - a bullet or numbered item, carrying its heading (or its parent bullet) as topic:
    "Pixel: Vet: Dr. Alvarez at Sellwood Animal Clinic";
  - a "Key: value" line, with the key/value in `fields` ("Cello: I have played since I was
    eight. Lessons on Thursdays." is a key that acts as a small heading for its sentences);
  - a markdown table or CSV row, carrying its column names: "sister: Anja Hoffmann; phone: …";
  - a plain line of a list written without bullets (short lines, no full stops);
  - a comment line in a code file.
Line numbers are exact: a sentence that starts on line 3 and ends on line 4 has line=3,
end_line=4, and `source` is the text exactly as written there (for quoting).

Only the parser's blocks are read here; nothing is re-read from disk.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from memory.org import STATE_WORDS
from memory.parsers import Block, ParsedFile
from memory.types import Chunk, Statement

STATEMENTS_VERSION = "s82"  # bump when statement boundaries or texts change: files are re-parsed

# ---------------------------------------------------------------------------------------------
# text helpers

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Org mode's [[id:c81f5e20-…][Kimlik ve belgeler]]: the words, not the id (no code of the user's).
_ORG_LINK = re.compile(r"\[\[[^\]\[]+\]\[([^\]\[]+)\]\]")
_WIKI = re.compile(r"\[\[(?:[^\]|]*\|)?(?:[^\]|/]*/)*([^\]/]*)\]\]")  # [[people/Sam Whitfield]] is Sam Whitfield
_EMPH = re.compile(r"(\*\*|__|~~|`)")
# "Membership: ~~Granite Wall~~ The Crux Room": the struck value was replaced by the one after it.
_STRUCK_THEN = re.compile(r"~~([^~\n]{1,60}?)~~\s+(?=[A-Z0-9£$€])")
_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
# Only real HTML tags: "MS-<exp>-<box>" in a note is a pattern the user wrote, not markup.
_HTML = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|center|code|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|i|img|"
    r"ins|kbd|li|mark|ol|p|pre|q|s|small|span|strike|strong|sub|summary|sup|table|tbody|td|th|"
    r"thead|tr|tt|u|ul)(?:\s[^>]*)?/?>",
    re.I,
)
# A Zettelkasten note's id before its title ("202509021030 People - supervisors"): a key for
# links, not words the user would ask with.
# ... and a Johnny.Decimal one ("11.03 PPS and Revenue", "30-39 Health"): a filing number,
# never a value of what the page says.
_ZETTEL_ID = re.compile(r"^(?:\d{12,14}|\d{2}\.\d{2,3}|\d{2}-\d{2})\s+(?=\S)")
_ALNUM = re.compile(r"\w")


def link_words(text: str) -> str:
    """Links as the words they show: "[[id:c81f5e20-…][Kimlik]]" is "Kimlik", so an id or an
    address a link points to is never read as a value the note gives."""
    return _WIKI.sub(_wiki_words, _ORG_LINK.sub(r"\1", _LINK.sub(r"\1", text)))


# A Dendron note's name: its hierarchy in dots, lower case ("org.gestoria-pla", "people.jordi-puig").
_DOTTED_NOTE = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)+")


def _wiki_words(m: re.Match) -> str:
    """[[people/Sam Whitfield]] is Sam Whitfield and Obsidian's [[note|label]] its label; Dendron
    writes the label first, [[label|org.gestoria-pla]], and a bare [[org.gestoria-pla]] shows the
    note's last part in words ("Gestoria Pla"), not its path."""
    whole = m.group(0)[2:-2]
    label, _, target = whole.rpartition("|")
    if label and _DOTTED_NOTE.fullmatch(target) and not _DOTTED_NOTE.fullmatch(label):
        return label
    shown = m.group(1)
    last = shown.rsplit(".", 1)[-1]
    if not label and _DOTTED_NOTE.fullmatch(shown) and re.search(r"[a-z]", last) and last not in ("md", "txt", "org", "htm", "html", "pdf"):
        return " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_]+", last) if w)  # its title, as Dendron makes one
    return shown


def clean(text: str) -> str:
    """Markdown decoration off, white space collapsed; the words stay exactly as written (a
    struck-out value followed by another reads as the change it is: "old → new")."""
    text = link_words(text)
    text = _HTML.sub(" ", text)
    text = _STRUCK_THEN.sub(r"\1 → ", text)
    text = _EMPH.sub("", text)
    text = _STAR.sub(r"\1", text)
    return " ".join(text.split())


# Words that end with a full stop without ending the sentence. Compared lower-case, without the
# dot; capitalised month abbreviations are checked separately ("Mar." vs "mar").
_ABBREVIATIONS = frozenset(
    """dr dra mr mrs ms mx prof profa st sr sra srta jr no nr vs approx ca cf fig vol apt ave rd mt ft inc ltd dept
    tel ph pp pg ref rev gen gov sgt capt lt col cpt hr mins sec incl excl est
    dott sig avv ing geom rag dña mme mlle lic arq szül kb gnr bnr leil jl jln gg
    bl""".split()  # a Romanian block of flats: "bl. C3, sc. 2, ap. 27"
)
_MONTH_ABBREV = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
# Bulgarian, Ukrainian and Russian abbreviations of an address, a title or a place, most before a
# capitalised name ("гр. Пловдив", "ул. "Родопи" 3", "вх. Б", "с. Бачково", "вул. Шевченка",
# "Св. Седмочисленици"); "г." (year) is left out: "до 2043 г." ends a sentence.
_CYRILLIC_ABBREVIATIONS = frozenset("""гр ул бул бл вх ет ап кв ж.к жк с обл общ пл св проф доц инж акад
    тел моб каб кат рег вул просп пров буд м смт р-н им ст""".split())
_DOTTED_CYRILLIC = re.compile(r"[а-яА-Я]{1,3}\.(?:[а-яА-Я]{1,3}\.)+")  # "ж.к.", "т.е."
_DOTTED = re.compile(r"[A-Za-z]{1,3}\.(?:[A-Za-z]{1,3}\.)+")  # e.g. i.e. U.S. M.Sc. Ph.D.
_INITIAL = re.compile(r"[^\W\d_]\.")  # "Ursula K. Le Guin", "Б. Ариунаа"
_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
_OPENERS = "\"“‘'([¿¡*_"


def _starts_sentence(ch: str) -> bool:
    # A letter of a script with no case (Hebrew, Arabic, Hangul) starts a sentence as a capital does.
    return ch.isupper() or ch.isdigit() or ch in _OPENERS or (ch.isalpha() and not ch.islower() and ch.lower() == ch.upper())


_SHORT_WORDS = frozenset("up in on it me us go do so to at by of or be we he is an as my am pm ok hi".split())
# (With the currencies written with a dot before their amount: "Gs. 9.800.000", "Rs. 42,300", "Bs. 150",
# "Nu. 3,600", "Tk. 1,200", "Ks. 50,000".)
_SHORT_ABBREVS = frozenset("tel geb str ref tlf mob kol nro num gs rs bs rp nu tk ks".split())
# A German or Scandinavian ordinal is written "2." ("ab 1. Dezember", "2. OG links"): before a
# month or a floor it is no sentence end.
# Hungarian writes the year first and the day after the month, each with a full stop.
_HUNGARIAN_MONTHS = frozenset("január február március április május június július augusztus szeptember október "
                              "november december".split())
_AFTER_ORDINAL = frozenset("""januar jänner februar märz april mai juni juli august september oktober
    november dezember og eg ug dg stock etage obergeschoss untergeschoss klasse
    mars desember etasje hver marts maj""".split())


def _no_break_after(text: str, word_start: int, dot: int, nxt: int) -> bool:
    """True when the full stop at `dot` belongs to an abbreviation or an initial, not to the
    end of a sentence. `word_start` is where its word begins, `nxt` the next non-space."""
    core = text[word_start : dot + 1].lstrip("\"“‘'([*_")
    if _DOTTED.fullmatch(core) or _DOTTED_CYRILLIC.fullmatch(core):
        return True
    if _INITIAL.fullmatch(core):
        if core[0].islower() and text[nxt : nxt + 1].isdigit():
            return True  # a one-letter abbreviation before its number: "polizza n. 170526514", "p. 12"
        # "Ursula K. Le Guin", "J. R. R. Tolkien": an initial follows a name or another
        # initial; "the Y. I already know" is a sentence ending in a one-letter word.
        before = text[:word_start].rstrip().rsplit(None, 1)
        return not before or before[-1].lstrip("\"“‘'([*_")[:1].isupper()  # ("(Ursula K. Le Guin)")
    bare = core[:-1]
    if re.fullmatch(r"[A-Za-z]/", bare) and text[nxt : nxt + 1].isdigit():
        return True  # a currency's sign before its amount: Panama's "B/. 465", Peru's "S/. 120"
    if re.fullmatch(r"\d{1,2}\.\d{1,2}", bare) and text[nxt : nxt + 1].isdigit():
        return True  # a day written "28.10." before its time: "Mi 28.10. 7:30"
    if re.fullmatch(r"\d{1,2}", bare) and int(bare) <= 31 and re.match(r"\d{1,2}\.(?!\d)", text[nxt:nxt + 3]) \
            and re.search(r"(?:^|\s)$", text[:word_start]):
        return True  # the day of a Czech or Slovak date: "1. 9. 2025", "do 10. 12."
    if re.fullmatch(r"\d{1,2}", bare) and 1 <= int(bare) <= 12 and re.search(r"(?:^|\s)\d{1,2}\.\s+$", text[:word_start]) \
            and re.match(r"(?:19|20)\d\d\b", text[nxt:]):
        return True  # ... and its month before the year
    if re.fullmatch(r"(?:19|20)\d\d", bare) and (re.match(r"\d{1,2}\.\s?\d{1,2}\.", text[nxt:]) or (
            re.match(r"\w+", text[nxt:]) and re.match(r"\w+", text[nxt:]).group(0).lower() in _HUNGARIAN_MONTHS)):
        return True  # the year of a Hungarian date: "érvényes 2028. 10. 15.", "2026. október 8."
    if re.fullmatch(r"\d{1,2}", bare) and text[nxt : nxt + 1].isdigit() and \
            (text[:word_start].rstrip().rsplit(None, 1) or [""])[-1].lower() in _HUNGARIAN_MONTHS:
        return True  # ... its day before a time: "október 15. 9:00-ra"
    bare = re.sub(r"^.*-(?=[A-Za-z])", "", bare)  # "Versicherungsschein-Nr." is "Nr."
    if bare == "Str":
        return True  # a Romanian street, "Str. Aurel Vlaicu nr. 12" (Python's "returned as str." ends a sentence)
    if bare in _MONTH_ABBREV:
        return text[nxt : nxt + 1].isdigit()  # "Jan. 5" — but "in Jan. Then …" ends there
    if re.fullmatch(r"\d{1,2}", bare) and re.match(r"\w+", text[nxt:]) and \
            re.match(r"\w+", text[nxt:]).group(0).lower() in _AFTER_ORDINAL:
        return True
    if text[nxt : nxt + 1].isdigit() and (re.fullmatch(r"[^\W\d_A-Z]{1,2}", bare) and bare.islower() and bare not in _SHORT_WORDS
                                          or bare.lower() in _SHORT_ABBREVS):
        return True  # a short abbreviation before its number: "ur. 03.08", "tel. 555", "ca. 30"
    return bare.lower() in _ABBREVIATIONS or bare.lower() in _CYRILLIC_ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) character spans of the sentences of `text`, white space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        nxt = end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt >= len(text) or not _starts_sentence(text[nxt]):
            continue
        if m.group(0)[0] == "." and len(m.group(0).rstrip("\"”’')]")) == 1:
            word_start = text.rfind(" ", 0, m.start()) + 1
            if _no_break_after(text, word_start, m.start(), nxt):
                continue
        spans.append((start, end))
        start = nxt
    if start < len(text):
        spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


# "Key: value" with a short key that starts with a letter ("Vet:", "On-call rotation:",
# "Flight out:"); not a time ("9:30"), not a URL ("https://").
_KV = re.compile(r"^([^\W\d_][\w'’ ./&()+-]{0,39}?)\s*:\s+(\S.*)$", re.S)


def key_value(text: str) -> tuple[str, str] | None:
    m = _KV.match(text)
    if not m:
        return None
    key, value = m.group(1).strip(), m.group(2).strip()
    # "No. IC: 900218-...", "No. akaun: ...": the abbreviation's dot ends no sentence.
    if len(key.split()) > 4 or ". " in re.sub(r"^(?:No|Nr|Nos)\. ", "", key) or key.endswith(".") or value.startswith("//"):
        return None
    return key, value


def _with_label(label: str, body: str) -> str:
    """"Pixel: Vet: Dr. Alvarez" — unless the body already names its topic."""
    if not label or re.search(rf"(?<!\w){re.escape(label)}(?!\w)", body, re.I):
        return body
    return f"{label}: {body}"


# ---------------------------------------------------------------------------------------------
# a run of lines as one string, with a way back to lines and columns


@dataclass
class _Part:
    start: int  # offset in the joined text
    end: int
    line: int
    raw: str
    col: int  # where the content starts in the raw line


class _Run:
    """Lines joined with single spaces; any span maps back to exact lines and source text."""

    def __init__(self, pieces: list[tuple[int, str, int]]):
        self.parts: list[_Part] = []
        out: list[str] = []
        pos = 0
        for line, raw, col in pieces:
            content = raw[col:].rstrip()
            if out:
                out.append(" ")
                pos += 1
            self.parts.append(_Part(pos, pos + len(content), line, raw, col))
            out.append(content)
            pos += len(content)
        self.text = "".join(out)

    def locate(self, a: int, b: int) -> tuple[int, int, str]:
        lines: list[int] = []
        source: list[str] = []
        for p in self.parts:
            if p.end <= a and not (p.start == p.end == a) or p.start >= b:
                continue
            lo, hi = max(a, p.start), min(b, p.end)
            lines.append(p.line)
            source.append(p.raw[p.col + lo - p.start : p.col + hi - p.start])
        if not lines:  # cannot happen for a non-empty span; keep the first line to be safe
            return self.parts[0].line, self.parts[0].line, self.text[a:b]
        return lines[0], lines[-1], "\n".join(source)


# ---------------------------------------------------------------------------------------------
# drafts (before ids and chunks are known)


@dataclass
class _Draft:
    line: int
    end_line: int
    text: str
    source: str
    kind: str
    topic: list[str]
    fields: dict[str, str]


_MAX_WORDS = 120  # longer statements are cut into windows of _WINDOW_WORDS
_WINDOW_WORDS = 60


class _Builder:
    def __init__(self) -> None:
        self.drafts: list[_Draft] = []

    def add(self, line, end_line, text, source, kind, topic, fields=None) -> None:
        text = " ".join(text.split())
        if not _ALNUM.search(text):
            return
        self.drafts.append(_Draft(line, end_line, text, source, kind, list(topic), dict(fields or {})))

    def span(self, run: _Run, a: int, b: int, kind: str, topic: list[str], label: str) -> None:
        """One statement from run.text[a:b]. A "Key: value" body gets fields (and kind kv unless
        it is a bullet); anything but a plain sentence carries its label."""
        words = list(re.finditer(r"\S+", run.text[a:b]))
        if len(words) > _MAX_WORDS:
            # A "sentence" this long is a run-on wall of text (a PDF table, minified prose): cut it
            # into windows at word boundaries, so each stays quotable and embeddable.
            for k in range(0, len(words), _WINDOW_WORDS):
                part = words[k : k + _WINDOW_WORDS]
                self.span(run, a + part[0].start(), a + part[-1].end(), kind, topic, label)
            return
        line, end, source = run.locate(a, b)
        body = clean(run.text[a:b])
        kv = key_value(body)
        fields: dict[str, str] = {}
        if kv:
            fields = {kv[0]: kv[1].rstrip(".").strip() if kv[1].count(".") == 1 and kv[1].endswith(".") else kv[1]}
            if kind == "sentence":
                kind = "kv"
            # "Chair: Mutua. Secretary: Wanjiku (my cousin). Treasurer: Akinyi." gives three fields.
            parts = [key_value(body[x:y]) for x, y in sentence_spans(body)]
            if len(parts) > 1 and all(p and len(p[0].split()) <= 3 for p in parts):
                fields = {p[0]: p[1].rstrip(".").strip() for p in parts}
        text = body if kind == "sentence" and not label else _with_label(label, body)
        self.add(line, end, text, source, kind, topic, fields)


# ---------------------------------------------------------------------------------------------
# prose, bullets and key/value lines (markdown paragraphs, plain text, PDF text)

_LIST = re.compile(r"^(\s*)(?:[-*+•]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+(?:\[([ xX])\]\s+)?")
_RULE = re.compile(r"^\s*([-*_=~])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_TERMINAL = tuple(".!?…:;")
_CONTINUES = tuple(",;-–—(/&")
# A wrapped line that ends on a word wanting what follows ("... so from" / "01.07.2026 our czynsz
# is ...", "Uchwała nr" / "3/2026 passed"): the date that opens the next line continues it.
_OPEN_END = re.compile(r"(?:^|\s)(?:from|on|until|till|since|to|by|at|in|of|and|or|the|a|an|nr|no\.|dated|before|after|"
                       r"between|than|is|was|were|are|w|z|do|od|na|von|vom|am|bis|le|du|de|del|van|vanaf|tot|från|till)$",
                       re.IGNORECASE)
_SUBTOPIC_WORDS = 2  # a "Key:" this short that opens several sentences is their topic
_PARENT_WORDS = 12  # a line this short with lines indented under it is their heading
_LONG_BULLET_WORDS = 40  # a bullet longer than this with several sentences is split into them


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _content_col(raw: str) -> int:
    m = _QUOTE.match(raw)
    col = m.end() if m else 0
    while col < len(raw) and raw[col] in " \t":
        col += 1
    return col


def _wrapped_at_colon(prev: str, cur: str, widest: int) -> bool:
    """A paragraph hard-wrapped right after a colon: "... from 1 December. New salary:" (a line as
    wide as the paragraph's, holding a sentence before the key) over "Rs 71,500 net a month." is
    one sentence, not a label over a list."""
    return (len(prev) >= max(40, 0.7 * widest) and bool(re.search(r"[.!?]\s+\S", prev))
            and not key_value(cur) and bool(re.search(r"[.!?]$", cur.rstrip()) or len(cur) >= 0.7 * widest))


def _parent_label(text: str) -> str:
    """"NORTHGATE CYCLE DISTRIBUTION - Shimano, Schwalbe, Park Tool" labels its lines by its
    name, not by the description after the dash."""
    name = re.split(r"\s+[-–—]\s+", text, maxsplit=1)[0].strip()
    return name if name and len(name.split()) <= 6 else text


def _is_listing(contents: list[str], widest: int) -> bool:
    """Three or more lines written as a list without bullets ("Zia Rosa - 19 July" / "Sophie -
    11 Jan" / "me - 30 April 1990"): nearly every line starts a new thought (capital letter),
    hardly any ends a sentence, and the lines are not all filled to the wrap width as wrapped
    prose is."""
    if len(contents) < 3:
        return False
    breaks = len(contents) - 1
    fresh = sum(_starts_sentence(c[0]) for c in contents[1:])
    finished = sum(c.endswith(tuple(".!?…")) for c in contents[:-1])
    ragged = any(len(c) < 0.75 * widest for c in contents[:-1])
    # A line that ends on "from" or "nr" goes on in the next: prose, however ragged.
    open_ended = any(_OPEN_END.search(c) for c in contents[:-1])
    return fresh >= 0.75 * breaks and finished < 0.5 * breaks and ragged and not open_ended


# Plain-text records: "rep ........ Gareth Pryce" (a dotted leader) and "Full service      95.00"
# (two columns aligned with spaces) are "Key: value" lines; they never wrap into the next line.
# Dots that lead to a value: spaced from the key or four and more ("rep ....... Gareth Pryce");
# not an ellipsis in prose ("in the bin room... no, in the hall").
_LEADER = re.compile(r"^(\S(?:.*?\S)?)(?:\s+(?:\.\s?){3,}|\s*(?:\.\s?){4,})\s*(\S.*)$")
_SHORT_LEADER = re.compile(r"^(\S(?:.*?\S)?)\s+\.{1,2}\s+(\S.*)$")
_ALIGNED = re.compile(r"^(\S(?:.*?(?:[^\s.!?:;,]|\b[A-Z]\.))?)(?: {3,}|\t+)(\S(?:.*\S)?)$")  # ("Bat-Erdene G.   9925 5588")
# A line that begins with a date starts an entry of a log ("14/01 GP: lumbar strain", "12 May
# 2026   Northgate: ...", "2026-01-12 Mon: ..."); the entry's later sentences are dated by it.
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_ENTRY_DATE = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}(?:\s+\d{{4}})?|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
    r"(?=[\s:,)-]|$)"
)


# A todo.txt task ("(A) 2026-10-19 Renew the rego +car due:2026-11-25", "x 2026-05-16 2026-05-10
# WoF for the Corolla +car"): one task per line, never wrapped into the next.
_TODO_TASK = re.compile(r"^(?:\([A-Z]\)\s|x\s\d{4}-\d{2}-\d{2}\s)")


def _todo_dates(task: str) -> dict[str, str]:
    """A todo.txt task's own dates as fields: when it was done and created say when the line was
    written, "due:" when it is due; none of them is a date the task speaks of ("Post the birthday
    present to my nephew" was done on 2026-09-01, not his birthday)."""
    fields = {}
    m = re.match(r"^x\s+(\d{4}-\d{2}-\d{2})(?:\s+(\d{4}-\d{2}-\d{2}))?", task)
    if m:
        fields["date completed"] = m.group(1)
        if m.group(2):
            fields["date created"] = m.group(2)
    m = re.match(r"^\([A-Z]\)\s+(\d{4}-\d{2}-\d{2})\b", task)
    if m:
        fields["date created"] = m.group(1)
    m = re.search(r"\bdue:(\d{4}-\d{2}-\d{2})\b", task)
    if m:
        fields["due"] = m.group(1)
    return fields


def _record_line(content: str) -> str | None:
    """"rep ........ Gareth Pryce" -> "rep: Gareth Pryce"; "TOTAL      £134.00" -> "TOTAL:
    £134.00"; None for any other line (a table of several aligned columns stays as written)."""
    m = _LEADER.match(content)
    if m and len(m.group(1).split()) <= 10:
        return f"{m.group(1).rstrip(' :')}: {m.group(2)}"
    m = _ALIGNED.match(content)
    if m and not re.search(r" {3,}|\t", m.group(2)) and len(m.group(1).split()) <= 10:
        return f"{m.group(1).rstrip(' :')}: {m.group(2)}"
    return None


def _aligned_list(lines: list[tuple[int, str]]) -> bool:
    """Three or more lines, each a name and a value with a digit set apart by a run of spaces,
    and nothing that reads as code (assignments, braces, statements ending in ";")."""
    body = [raw.strip() for _, raw in lines if raw.strip() and not raw.lstrip().startswith("```")]
    if len(body) < 3 or any(re.search(r"[{}=;<>$`]|^\s*(?:#|//)", b) for b in body):
        return False
    return all((m := _ALIGNED.match(b)) and _record_line(b) and re.search(r"\d", m.group(2)) and len(m.group(1).split()) <= 6 for b in body)


def _open_before(prev: str, date: str) -> bool:
    """Whether a line ends wanting the date that opens the next line ("... so from" / "01.07.2026
    our czynsz is ..."). "no." wants a number ("Uchwała no." / "3/2026"), not a day of a month:
    "Ken says no." / "8 Feb. Garlic up" is the log's next entry."""
    end = _OPEN_END.search(prev)
    if end and end.group(0).strip().lower() in ("no.", "nr") and re.search(r"[^\W\d_]", date):
        return False
    return end is not None


def _entry_date(content: str) -> str | None:
    m = _ENTRY_DATE.match(content)
    return m.group(0).strip() if m else None


def _prose(builder: _Builder, lines: list[tuple[int, str]], topic: list[str]) -> None:
    """A run of non-list lines: split into segments at hard line breaks (a short line followed
    by a capitalised one is a list written without bullets; wrapped prose is not split), then
    each segment into sentences."""
    pieces = [(n, raw, _content_col(raw)) for n, raw in lines]
    pieces = [p for p in pieces if p[1][p[2]:].strip()]
    if not pieces:
        return
    records = []
    for k, (n, raw, col) in enumerate(pieces):
        record = _record_line(raw[col:].strip())
        records.append(record is not None)
        if record is not None:  # the line as a "Key: value"; its source quotes this form
            pieces[k] = (n, raw[:col] + record, col)
    for k, (n, raw, col) in enumerate(pieces):
        # A name that nearly fills the column leaves one dot of the leader ("Paul Hartley
        # (Rosie's husband) . 07700 900583"): a record when the lines beside it are.
        short = _SHORT_LEADER.match(raw[col:].strip())
        if short and not records[k] and any(0 <= j < len(records) and records[j] for j in (k - 1, k + 1)):
            records[k] = True
            pieces[k] = (n, raw[:col] + f"{short.group(1).rstrip(' :')}: {short.group(2)}", col)
    contents = [raw[col:].strip() for _, raw, col in pieces]
    widest = max(len(c) for c in contents)
    listing = _is_listing(contents, widest)
    segments: list[list[tuple[int, str, int]]] = [[pieces[0]]]
    for k in range(1, len(pieces)):
        prev, cur = contents[k - 1], contents[k]
        hard = listing or records[k] or records[k - 1] or bool(_TODO_TASK.match(cur) or _TODO_TASK.match(prev))
        if (not hard and not prev.endswith(_CONTINUES) and (day := _entry_date(cur)) and not _open_before(prev, day)
                and _indent(pieces[k][1]) <= _indent(pieces[k - 1][1])):
            hard = True  # a dated entry of a log; a line indented under an entry continues it
        if not hard and _starts_sentence(cur[0]):
            if prev.endswith(":") and not _wrapped_at_colon(prev, cur, widest):
                hard = True
            elif not prev.endswith(_TERMINAL + _CONTINUES) and len(prev) < max(40, 0.7 * widest) and not _OPEN_END.search(prev):
                hard = True  # "Wifi: Hoffnet\nRouter in the closet": lines, not wrapped prose
            elif prev.endswith(_TERMINAL) and key_value(cur):
                hard = True  # a "Key: value" line after a finished sentence starts afresh
        if not hard and not prev.endswith(_CONTINUES) and not cur[0].islower():
            if key_value(cur) and key_value(prev):
                hard = True  # "Customer: Tom Hughes, 4 Ashley Down Road" / "Bike: Trek FX 3"
            elif _indent(pieces[k][1]) > _indent(pieces[k - 1][1]):
                hard = True  # "Harriet Oduya (accountant)" / "  0117 496 0382": a line over its details
        if hard:
            segments.append([pieces[k]])
        else:
            segments[-1].append(pieces[k])
    heading_label = topic[-1] if topic else ""
    heading_topic = topic
    # A short line with lines indented under it is their heading ("Karin & Tom Shaw" over
    # "    5 Orchard Terrace, Bristol" in a plain-text address book).
    parents: list[tuple[int, str]] = []  # (indent, text) of the open less-indented lines
    for seg in segments:
        run = _Run(seg)
        text = run.text
        indent = _indent(seg[0][1])
        while parents and parents[-1][0] >= indent:
            parents.pop()
        topic = heading_topic + [parents[-1][1]] if parents else heading_topic
        label = parents[-1][1] if parents else heading_label
        # Indented under a short line of its own that names what it is about ("FORD RANGER (mine)");
        # not under a record that is itself keyed ("2019-08-01 open Assets:Bank:ISK  SEK").
        under = bool(parents) and ":" not in parents[-1][1]
        if len(seg) == 1 and len(text.split()) <= _PARENT_WORDS and not text.rstrip().endswith(tuple(".!?")):
            parents.append((indent, _parent_label(clean(text).rstrip(":"))))
        kv = key_value(clean(text))
        spans = sentence_spans(text)
        if (
            kv
            and len(spans) > 1
            and len(kv[0].split()) <= _SUBTOPIC_WORDS
            and not any(key_value(clean(text[a:b])) for a, b in spans[1:])  # "Rin: none. Owen: penicillin."
        ):
            # "Cello: I have played since I was eight. Lessons on Thursdays." A one- or two-word
            # key is a small heading for the sentences after it ("Things I love: …" is not).
            colon = text.index(":")
            rest_start = colon + 1
            while rest_start < len(text) and text[rest_start].isspace():
                rest_start += 1
            inner = sentence_spans(text[rest_start:])
            # A note of one fact per line ("Boss: Mr. Clement Gonsalves, strict but fair." then
            # "Hours 7:30 to 4:30." then "Lorraine Heeralall on the other bench."): every sentence
            # ends its own line, so the key is the first line's alone; the lines after it are not
            # the boss's. (Prose wrapped anywhere, and sentences on the key's own line, keep it.)
            ends = {p.end for p in run.parts}
            key_line_end = run.parts[0].end
            per_line = len(run.parts) > 1 and all(len(text[:b + rest_start].rstrip()) in ends for _, b in inner)
            first = True
            for a, b in inner:
                a, b = a + rest_start, b + rest_start
                if first:  # the first sentence keeps its key in its source and line
                    builder.span(run, 0, b, "kv", topic + [kv[0]], label)
                    first = False
                elif per_line and a >= key_line_end:
                    builder.span(run, a, b, "sentence", topic, "")
                else:
                    builder.span(run, a, b, "sentence", topic + [kv[0]], kv[0])
            continue
        ends_open = not text.rstrip().endswith(tuple(".!?…\"”)"))
        if len(spans) == 1 and not kv and (listing or (ends_open and len(segments) > 1)):
            builder.span(run, 0, len(text), "line", topic, label)  # one line of a bare list
            if _TODO_TASK.match(text):
                builder.drafts[-1].fields.update(_todo_dates(text))
            continue
        dated = day = _entry_date(text)
        if dated:
            # A log entry's later sentences carry its date, and the key it opens with: "12 May
            # 2026   Northgate: Gareth has moved. New rep is Aisha Karim." gives "12 May 2026:
            # Northgate: New rep is Aisha Karim."
            opening = key_value(clean(text[len(dated):]).lstrip(" :-–—"))
            if opening and len(opening[0].split()) <= 3:
                dated = f"{dated}: {opening[0]}"
        if kv and under and len(spans) == 1:
            # "FORD RANGER (mine)" over "    Plate: BXRM 205" in a plain-text note: the plate is the
            # Ranger's, so the line carries the line it is indented under, as a bare line does.
            builder.span(run, 0, len(text), "sentence", topic, label)
            continue
        for k, (a, b) in enumerate(spans):
            if k == 0 and day and len(spans) > 1 and text[a:b].strip() == day:
                continue  # "3 Jan. Hard frost. ...": the day alone says nothing; its sentences carry it
            builder.span(run, a, b, "sentence", topic, dated if k and dated else "")


def _list_title(lines: list[tuple[int, str]]) -> str | None:
    """A one-line title of at most four words right above a list: ALL CAPS ("TEO (Mateo Quispe)",
    its aside aside), bold ("**Teo**") or a short line ending in a colon ("Action items:", also
    "The feature includes:"); not a longer lead-in ("From Teo (forwarding it to myself ...):") nor a
    "key: value" line."""
    if len(lines) != 1:
        return None
    line = lines[0][1].strip()
    if _BOLD_LEAD.match(line):
        # "**Kia Sorento 2017** (grey) - mine" over the car's plate and papers: the bold name heads
        # the list, with its aside.
        return clean(line).rstrip(":").strip() or None
    outside = re.sub(r"\([^)]*\)", "", line).strip()
    if not outside or len(outside.split()) > 4 or line.endswith(tuple(".!?…;,")) or ":" in line[:-1]:
        return None
    if _CAPS.match(outside) or _BOLD_LINE.match(line) or (line.endswith(":") and len(line.split()) <= 4):
        return clean(line).rstrip(":").strip() or None
    return None


def _bullets_and_prose(builder: _Builder, lines: list[tuple[int, str]], topic: list[str]) -> None:
    """Split a text block into bullet items (with their continuation lines) and prose runs."""
    items: list[tuple[str, list[tuple[int, str]], int, int, str | None]] = []  # kind, lines, indent, col, box
    for n, raw in lines:
        if _RULE.match(raw):
            items.append(("rule", [], 0, 0, None))
            continue
        m = _LIST.match(raw)
        if m:
            items.append(("bullet", [(n, raw)], _indent(m.group(1)), m.end(), m.group(2)))
            continue
        if items and items[-1][0] == "bullet":
            kind, blines, indent, col, box = items[-1]
            last = blines[-1][1].rstrip()
            lazy = not last.endswith(tuple(".!?…")) and raw.strip()[:1].islower()
            if _indent(raw) > indent or lazy:
                blines.append((n, raw))
                continue
        if items and items[-1][0] == "prose":
            items[-1][1].append((n, raw))
        else:
            items.append(("prose", [(n, raw)], 0, 0, None))

    stack: list[tuple[int, str]] = []  # (indent, label) of open parent bullets
    for i, (kind, blines, indent, col, box) in enumerate(items):
        if kind == "rule":
            stack = []
            continue
        if kind == "prose":
            stack = []
            title = _list_title(blines) if i + 1 < len(items) and items[i + 1][0] == "bullet" else None
            if title:
                # "TEO (Mateo Quispe)" or "Teo:" on the line above a list names whose the items are,
                # as a heading would: a label over them, not a statement of its own.
                stack = [(-1, title)]
                continue
            _prose(builder, blines, topic)
            continue
        while stack and stack[-1][0] >= indent:
            stack.pop()
        pieces = [(blines[0][0], blines[0][1], col)] + [(n, raw, _content_col(raw)) for n, raw in blines[1:]]
        run = _Run(pieces)
        body = clean(run.text)
        if (heading := re.fullmatch(r"#{1,6}\s+(\S.*?)\s*#*", body)) and box is None:
            # Logseq's heading block ("- ## Now" over "\t- NOW [[The Left Hand of Darkness]]"):
            # a heading over the items under it, not a statement of its own.
            stack.append((indent, heading.group(1)))
            continue
        parents = [label for _, label in stack]
        label = parents[-1] if parents else (topic[-1] if topic else "")
        item_topic = topic + parents
        if box is not None and box.lower() == "x":
            body_note = " (done)"
        else:
            body_note = ""
        spans = sentence_spans(run.text)
        if len(body.split()) > _LONG_BULLET_WORDS and len(spans) > 1:
            for a, b in spans:
                builder.span(run, a, b, "bullet", item_topic, label)
        else:
            before = len(builder.drafts)
            builder.span(run, 0, len(run.text), "bullet", item_topic, label)
            if body_note and len(builder.drafts) > before:
                builder.drafts[-1].text += body_note
        # A short item is a label for the items nested under it ("- Pixel" / "  - vet: …").
        kv = key_value(body)
        own = (kv[0] if kv else body).rstrip(":").strip()
        if len(own.split()) <= 6:
            stack.append((indent, own))


# ---------------------------------------------------------------------------------------------
# tables and CSV rows

# A first column with one of these headers names what the row is about ("sister"), so the row
# reads "sister: Anja Hoffmann; phone: …" rather than "who: sister; name: Anja Hoffmann; …".
# A second column headed "name" or "value" needs no header: "sister: Anja Hoffmann", "unit: 1712";
# any other keeps it:
# "Aiko: medication: levothyroxine; dose: 50 mcg".
_LABEL_HEADERS = frozenset({"", "who", "relation", "relationship", "role", "what", "item", "key", "field", "attribute", "property", "thing"})
_NAME_HEADERS = frozenset({"", "name", "full name", "names", "contact", "person", "value", "values"})


def row_text(pairs: list[tuple[str, str]], first_header: str | None) -> str:
    if (
        len(pairs) >= 2
        and first_header is not None
        and pairs[0][0] == first_header
        and first_header.strip().lower() in _LABEL_HEADERS
    ):
        second = pairs[1][1] if pairs[1][0].strip().lower() in _NAME_HEADERS else f"{pairs[1][0]}: {pairs[1][1]}"
        return "; ".join([f"{pairs[0][1]}: {second}"] + [f"{k}: {v}" for k, v in pairs[2:]])
    return "; ".join(f"{k}: {v}" for k, v in pairs)


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [clean(c.replace("\\|", "|")) for c in re.split(r"(?<!\\)\|", body)]


def _table(builder: _Builder, block: Block, topic: list[str]) -> None:
    header = _cells(block.header[0][1]) if block.header else []
    names = [h or f"column {k + 1}" for k, h in enumerate(header)]
    for n, raw in block.lines[len(block.header):]:
        cells = _cells(raw)
        if len(header) == 2 and not any(header) and len(cells) == 2:
            # "| | |" over "| Plate | HY 308 |": a key-value table (markdown needs a header row, so it
            # is left blank); each row says its key's value, and a key with none says nothing.
            if all(cells):
                builder.add(n, n, f"{cells[0]}: {cells[1]}", raw.strip(), "row", topic, {cells[0]: cells[1]})
            elif cells[1]:
                builder.add(n, n, cells[1], raw.strip(), "row", topic, {})
            continue
        pairs = []
        for k, cell in enumerate(cells):
            if cell:
                pairs.append((names[k] if k < len(names) else f"column {k + 1}", cell))
        if not pairs:
            continue
        builder.add(n, n, row_text(pairs, names[0] if names else None), raw.strip(), "row", topic, dict(pairs))


def _record(builder: _Builder, block: Block, topic: list[str]) -> None:
    pairs = [(k, clean(v)) for k, v in block.fields]
    pairs = [(k, v) for k, v in pairs if v]
    if not pairs:
        return
    end = block.end
    first = block.first_line or end
    # The first column of a CSV is the first pair only if its cell was not empty; row_text
    # checks the name against the label headers either way.
    builder.add(first, end, row_text(pairs, pairs[0][0]), block.source or block.lines[0][1], "row", topic, dict(pairs))


# ---------------------------------------------------------------------------------------------
# code: comments only (the code itself is not something the user "said")

_COMMENT = re.compile(r"^\s*(?:#(?![!\s]*(?:include|define|if|ifdef|ifndef|endif|pragma|else|elif|undef|import)\b)|//+|--|;+|/\*+|\*(?!/))\s?(.*?)\s*(?:\*/)?$")


def _code(builder: _Builder, block: Block, topic: list[str]) -> None:
    for n, raw in block.lines:
        m = _COMMENT.match(raw)
        if not m or raw.lstrip().startswith("#!"):
            continue
        body = m.group(1).strip()
        if len(body.split()) >= 3 and _ALNUM.search(body):
            builder.add(n, n, clean(body), raw.strip(), "line", topic)


# ---------------------------------------------------------------------------------------------


_CAPS = re.compile(r"^[^a-z]*[A-Z]{2,}[^a-z]*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)([^*_]+)\1\s*:?\s*$")
_BOLD_LEAD = re.compile(r"^\s*(\*\*|__)([^*_]{1,40})\1(?:\s*\([^()]{1,30}\))?(?:\s*[-–—]\s*[^\s.!?:;,]+(?:\s+[^\s.!?:;,]+){0,5})?\s*:?\s*$")


def _pseudo_heading(block: Block, first_of_plain_file: bool) -> str | None:
    """A paragraph of one short line that is a title in all but markdown syntax: ALL CAPS
    ("BIRTHDAYS (keep this updated!!)"), all bold ("**Contacts**"), ending in a colon ("Things
    to pack:"), or the first line of a plain-text file ("12 Nov 2026"). It names the topic of
    what follows, until the next heading."""
    if block.kind != "text" or len(block.lines) != 1:
        return None
    line = block.lines[0][1].strip()
    if not line or len(line.split()) > 8 or _LIST.match(line) or line.endswith(tuple(".!?…;,")):
        return None
    outside = re.sub(r"\([^)]*\)", "", line)
    if (
        _CAPS.match(outside)
        or _BOLD_LINE.match(line)
        or (line.endswith(":") and not key_value(line + " x"))
        or (first_of_plain_file and not key_value(line))
    ):
        return clean(line).rstrip(":").strip() or None
    return None


# A note's own legend: "bp = blood pressure, wt = weight" at the top of a terse log. The short
# form must start with the long one's first letter ("x = 5" is arithmetic, not a legend).
_DEFINES = re.compile(r"(?<![\w=])([A-Za-z]{1,5})\s*=\s*([A-Za-z][A-Za-z' -]{2,40}?)(?=\s*(?:[,;.)]|$))")


# A letter's greeting or sign-off ("Dear Ted,", "Love, Dad", "Best wishes, Walter") says who
# writes to whom, nothing that answers a question.
_SALUTATION = re.compile(r"^(?:(?:dear|hi|hello|hey|hiya|olá|ola|querida|querido|liebe|lieber|hallo)(?:\s+[A-Z][^.!?:;]{0,40})?"
                         r"|(?:love|lots of love|all my love|all the best|best|best wishes|kind regards|regards|cheers|yours|"
                         r"yours sincerely|yours truly|take care|speak soon)(?:\s*,\s*[A-Z][\w .'-]{0,30})?"
                         # a signature of names the writer goes by: "Dad / Walt / Grandad"
                         r"|[A-Z][a-z]+(?:\s*/\s*[A-Z][a-z]+){1,3})[,!.]?$", re.IGNORECASE)
# A line of nothing but links to other files of the notes ("[31.01 GP and dentist](30-39%20Health/
# 31.01%20GP....md)"): a workspace's table of contents, which names pages and says nothing.
_PAGE_LINKS = re.compile(r"\s*(?:[-*+]\s+)?(?:\[[^\]]+\]\((?![a-z][a-z0-9+.-]*:)[^)\s]+\)[\s,;|·•-]*)+")
# Each tag ends at a separator or the line's end: with both optional, "TAG: Output variable
# containing the decoded tag (may be 'NULL')" took minutes to fail (each word split every way).
_TAGS = re.compile(r"^(?:tags?|keywords|categories|aliases)\s*:\s*(?:#?[\w/-]+(?:[\s,]+|$))+$|^(?:#[\w/-]+\s*)+$", re.IGNORECASE)


def _apply_legend(drafts: list[_Draft]) -> None:
    """Spell out a note's shorthand where it is used, by the note's own legend: "30/10 wt 76.4 kg"
    reads "30/10 wt (weight) 76.4 kg", so "What do I weigh?" finds it. The legend line itself
    becomes kind "meta": it explains the note and answers nothing. So do a note's tags
    ("tags: #conferences #travel"), a letter's greeting and sign-off, and a line of links to
    other pages."""
    legend: dict[str, str] = {}
    for d in drafts:
        if _TAGS.match(d.text) or _SALUTATION.match(d.text) or _PAGE_LINKS.fullmatch(d.source):
            d.kind = "meta"
            continue
        pairs = [(a, b.strip()) for a, b in _DEFINES.findall(d.text) if a[0].lower() == b[0].lower() and a.lower() != b.strip().lower()]
        if pairs:
            legend.update({a.lower(): b for a, b in pairs})
            d.kind = "meta"
    if not legend:
        return
    short = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in sorted(legend, key=len, reverse=True)) + r")(?![\w-])", re.I)
    for d in drafts:
        if d.kind == "meta":
            continue
        done: set[str] = set()

        def spell(m: re.Match) -> str:
            key = m.group(1).lower()
            long = legend[key]
            if key in done or long.lower() in d.text.lower():
                return m.group(0)
            done.add(key)
            return f"{m.group(0)} ({long})"

        d.text = short.sub(spell, d.text)


_HEADER_CELL = re.compile(
    r"^(from|to|cc|date|sent|subject|re|customer|client|patient|bill(?:ed)? to|invoice)(?:\s*(?:no\.?|number|#))?\s*[:#]?\s+(\S.*?)$",
    re.IGNORECASE,
)
_HEADER_LINES = 12
_WHOM = ("customer", "client", "patient", "bill to", "billed to")


def _document_topic(blocks: list[Block]) -> str | None:
    """A letter, e-mail or invoice saved as text opens with its headers ("Date:", "Subject:",
    "Customer:", "INVOICE INV-0412"): what it is, whom it is for and its date head everything it
    says, so "the Hughes invoice" finds its TOTAL line and a later letter's news wins over an
    earlier one's."""
    heads: dict[str, str] = {}
    for block in blocks:
        for n, raw in block.lines:
            if n > _HEADER_LINES:
                break
            for cell in re.split(r"\s{3,}|\t+", raw.strip()):
                m = _HEADER_CELL.match(cell.strip())
                if m:
                    heads.setdefault(m.group(1).lower(), clean(m.group(2)))
    if len(heads) < 2 or not heads.keys() & {"date", "sent", "subject", "invoice", *_WHOM}:
        return None
    what = heads.get("subject") or heads.get("re") or (f"invoice {heads['invoice'].split()[0]}" if "invoice" in heads else None)
    whom = next((heads[k] for k in _WHOM if k in heads), None) or heads.get("to")
    whom = re.split(r"\s*[,(]", whom)[0] if whom else None
    # A letter's date says when its news was written; an invoice's date would be read as the
    # answer to any "when" about its lines, so it stays on its own line.
    when = heads.get("date") or heads.get("sent") if "invoice" not in heads else None
    parts = [what, whom, when]
    return " - ".join(p for p in parts if p) or None


def _headline(builder: _Builder, block: Block, following: Block | None, topic: list[str]) -> None:
    """An Org headline with nothing under it is a thing said, not only a title: "Bleed the brakes
    on Martha's bike (to do)", "Cargo bike hire on the side? Ruth says no.". (One with lines under
    it is their label already: "Van MOT: Next MOT due March 2027.")"""
    childless = following is None or (following.kind == "heading" and following.level <= block.level)
    title = clean(block.title)
    if not title or not childless:
        return
    text = f"{title} ({STATE_WORDS.get(block.state, block.state.lower())})" if block.state else title
    n = block.start
    builder.add(n, n, text, block.lines[0][1].strip(), "line", topic)


def _card_lead(lines: list[tuple[int, str]]) -> str | None:
    """The first line of a card, naming what the "key: value" lines under it are about: a short
    line that is no sentence and no "key: value" itself, right over one that is ("Fiat Panda 1.2
    grigia, immatricolata 2017" over "Targa: FK 318 LZ"), or over a few bare lines and then mostly
    "key: value" ones ("MYVI" over its plate and model, then "Insurans: ...", "Servis: ...")."""
    if len(lines) < 2:
        return None
    first, second = lines[0][1].strip(), lines[1][1].strip()
    if (not first[:1].isupper() or _LIST.match(first) or key_value(first) or first.endswith(tuple(".!?…:;,-"))
            or len(first.split()) > 8 or _LIST.match(second)
            or not (key_value(second) or (not re.search(r"\s[-–—]\s", first) and _mostly_key_values(lines[1:])))):
        return None
    return clean(first)


def _mostly_key_values(lines: list[tuple[int, str]]) -> bool:
    """Lines of a card under its lead: one or two bare ones (a plate, a model; no "name - value"
    line of a list), then only "key: value" lines, two at least."""
    keyed = [key_value(clean(raw.strip())) is not None for _, raw in lines]
    bare = next((k for k, kv in enumerate(keyed) if kv), len(keyed))
    return (1 <= bare <= 2 and len(keyed) - bare >= 2 and all(keyed[bare:])
            and not any(re.search(r"\s[-–—]\s", raw) for _, raw in lines[:bare]))


def _statement_id(path: str, text: str, dup: int) -> str:
    return hashlib.sha256(f"{path}\0{text}\0{dup}".encode()).hexdigest()[:32]


def _chunk_for(line: int, end_line: int, chunks: list[Chunk]) -> str:
    for c in chunks:
        if c.start_line <= line and end_line <= c.end_line:
            return c.id
    for c in chunks:
        if c.start_line <= line <= c.end_line:
            return c.id
    return ""


def statements_of(path: str, parsed: ParsedFile, chunks: Iterable[Chunk] = ()) -> list[Statement]:
    """The statements of one parsed file, in file order. `chunks` (the same file's) give each
    statement the id of the chunk that holds it."""
    chunks = sorted(chunks, key=lambda c: (c.start_line, c.end_line))
    builder = _Builder()
    trail: list[tuple[int, str]] = []
    code_file = parsed.kind == "code"
    pseudo = False  # the last trail entry is a pseudo-heading (see _pseudo_heading)
    header = _document_topic(parsed.blocks) if parsed.kind == "text" else None
    if header:
        trail.append((0, header))  # level 0: no heading in the letter or invoice pops it
    elif parsed.title:
        trail.append((0, parsed.title))  # a vault page's name heads what it says
    for k, block in enumerate(parsed.blocks):
        title = _pseudo_heading(block, k == 0 and parsed.kind in ("text", "pdf")) if k + 1 < len(parsed.blocks) else None
        if title:
            if pseudo:
                trail.pop()
            trail.append((99, title))
            pseudo = True
            continue
        if block.kind == "heading":
            pseudo = False
            if block.synthetic:  # a PDF page marker: not a topic the user wrote
                continue
            while trail and trail[-1][0] >= block.level:
                trail.pop()
            if parsed.outline:
                _headline(builder, block, parsed.blocks[k + 1] if k + 1 < len(parsed.blocks) else None, [t for _, t in trail if t])
            trail.append((block.level, _ZETTEL_ID.sub("", clean(block.title))))
            continue
        topic = [t for _, t in trail if t]
        if block.kind == "table":
            _table(builder, block, topic)
        elif block.kind == "record":
            _record(builder, block, topic)
        elif block.kind == "code":
            if code_file:
                _code(builder, block, topic)
            elif _aligned_list(block.lines):
                # A phone book pasted into a fence to keep its columns ("Erdem Auto (Erdem)     8811
                # 5547"): each line is a "name: value" record, as it would be outside the fence.
                _prose(builder, [(n, raw) for n, raw in block.lines if raw.strip() and not raw.lstrip().startswith("```")], topic)
            # other fenced code inside a note is not prose; the chunk still holds it for search
        else:
            before = len(builder.drafts)
            _bullets_and_prose(builder, block.lines, topic)
            if lead := _card_lead(block.lines):
                # "Fiat Panda 1.2, 2017" over "Plate: FK 318 LZ": the plate is the Panda's.
                for d in builder.drafts[before:]:
                    if d.line > block.lines[0][0]:
                        d.topic = d.topic + [lead]

    _apply_legend(builder.drafts)
    out: list[Statement] = []
    seen: dict[str, int] = {}
    for d in builder.drafts:
        dup = seen.get(d.text, 0)
        seen[d.text] = dup + 1
        out.append(
            Statement(
                id=_statement_id(path, d.text, dup),
                path=path,
                line=d.line,
                end_line=d.end_line,
                text=d.text,
                source=d.source,
                kind=d.kind,
                topic=d.topic,
                fields=d.fields,
                chunk_id=_chunk_for(d.line, d.end_line, chunks),
                written=_written_at(parsed, d.line),
            )
        )
    return out


def _written_at(parsed, line: int) -> str:
    """The day the note holding `line` was last changed (ParsedFile.written_from), else the page's."""
    day = parsed.written
    for first, note_day in parsed.written_from:
        if first > line:
            break
        day = note_day or parsed.written
    return day


# What a statement vector is made of. "text": the statement alone. Measured against "file name
# and heading trail + text" (the chunks' form) on every persona set (bench/retrieval.py): equal
# recall at 6 and 12, better at 3, slightly worse at 1, and 25-35 % fewer tokens to embed. The
# trail still reaches search through keyword_text. Changing it re-embeds statement vectors.
VECTOR_TEXT = "text-v1"


def vector_text(statement: Statement) -> str:
    """What is embedded for a statement."""
    return statement.text


def keyword_text(statement: Statement) -> str:
    """What is keyword-indexed for a statement: the file's name and heading trail as context
    ("pixel > Health"), then the statement, as for chunks; so "She is scared of thunderstorms"
    is still found by "pixel"."""
    return keyword_body(statement.path, statement.topic, statement.text)


def keyword_body(path: str, topic: list[str], text: str) -> str:
    """keyword_text from a statement's stored parts; the English of its foreign everyday words
    after it ("Mã số thuế cá nhân: 8471923605" is also "tax code"), so an English question's
    words find it as they find an English line."""
    from memory.chunking import embed_text as chunk_embed_text
    from memory.gloss import english_for, romanized

    body = chunk_embed_text(path, topic, text)
    # A file named in Cyrillic ("Tricount_Яремче жовтень 2026.csv") is found by its Latin name too.
    glossed = english_for(f"{text} {' '.join(topic)}") | frozenset(romanized(Path(path).stem))
    return f"{body}\n{' '.join(sorted(glossed))}" if glossed else body


def parse_statements(path: str | Path, data: bytes) -> list[Statement]:
    """Convenience for tests and tools: bytes of one file → its statements (no chunk ids)."""
    from memory import parsers

    p = Path(path)
    return statements_of(str(p), parsers.parse(p, data))
