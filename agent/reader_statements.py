"""Candidate statements for the reader: one self-contained sentence, bullet or table row each,
with the file and the exact line it came from.

memory/ is growing `Memory.search_statements(query, k)` (typed statements stored beside the
chunks). Until a Memory offers it, `ChunkStatements` builds the same records from the chunks a
hybrid search returns, re-reading the cited lines from disk so line numbers are exact.
"""
from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, Field

from agent.reader_text import NEW_WORDS, NEXT_WORDS

try:  # the real types, once memory/ has them
    from memory.types import Statement as _MemStatement  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the memory branch
    _MemStatement = None


class Statement(BaseModel):
    id: str
    path: str
    line: int  # 1-based line the statement starts on
    end_line: int
    text: str  # self-contained: carries its topic or column names
    source: str  # the exact text in the note
    kind: str = "sentence"  # sentence | bullet | row | kv | line
    topic: str = ""
    fields: dict[str, str] = Field(default_factory=dict)
    chunk_id: str = ""
    written: str = ""  # the day its page says it was last changed (ISO), "" if it does not say


class StatementHit(Statement):
    score: float = 0.0  # retrieval score; higher is better
    rank: int = 0  # 0-based position of its chunk (or itself) in the retrieval order
    vector_score: float | None = None  # cosine similarity, when memory searched statements by vector
    keyword_score: float | None = None
    # For a sentence that speaks of someone by pronoun ("her new number is ..."): the sentences
    # just before it under the same heading, which say who that is ("Ma's birthday. ...").
    context: str = ""
    # True when the sentence was pulled in right after the one in `context`, which names whom its
    # pronoun means ("Called Sardor aka. He moved ..."): that sentence is as good as its own words.
    continues: bool = False


_ABBREVIATIONS = ("dr.", "mr.", "mrs.", "ms.", "st.", "prof.", "e.g.", "i.e.", "vs.", "no.", "apt.", "approx.", "etc.")
_PRONOUN_START = re.compile(r"^(she|he|it|they|her|his|its|their)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(she|he|him|her|hers|his|they|them|their|it|its)\b", re.IGNORECASE)
# (Not "it": "Change of plan for Christmas. It's a lot closer than Stonehaven" is about the plan.)
_PERSON_PRONOUN_START = re.compile(r"^(she|he|they|her|his|their)\b", re.IGNORECASE)
# "Mama a perdu son téléphone. Nouveau numéro : 01 66 53 47 90": a new value keyed right after
# the sentence that says whose, in English or another language's "new".
_NEW_KEY = re.compile(rf"^{NEW_WORDS}\s+[^\W\d_][\w' -]{{1,30}}\s?:", re.IGNORECASE)
_DEFINITE_START = re.compile(r"^The\s+[a-z]")
CONTEXT_STATEMENTS = 3


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[.!?][\"”)]?\s+(?=[A-Z0-9\"“(])", text):
        tail = text[start : m.start() + 1].rsplit(None, 1)[-1].lower()
        if tail in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", tail):  # "Dr. X", "Ursula K. Le Guin"
            continue
        spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse_statements(lines: list[tuple[int, str]], path: str, topic: str, chunk_id: str = "") -> list[Statement]:
    """Lines (number, text) of one chunk → statements with exact line ranges."""
    out: list[Statement] = []
    para: list[tuple[int, str]] = []
    header: list[str] | None = None
    heading = topic

    def add(text: str, source: str, kind: str, first: int, last: int, fields: dict | None = None) -> None:
        text, source = " ".join(text.split()), " ".join(source.split())
        if not re.search(r"\w", text):
            return
        sid = f"{path}:{first}:{len(out)}"
        out.append(Statement(id=sid, path=path, line=first, end_line=last, text=text, source=source, kind=kind,
                             topic=heading, fields=fields or {}, chunk_id=chunk_id))

    def flush() -> None:
        if not para:
            return
        joined, offsets = "", []
        for n, t in para:
            if joined:
                joined += " "
            offsets.append((len(joined), n))
            joined += t.strip()
        for a, b in _sentence_spans(joined):
            first = max(n for off, n in offsets if off <= a)
            last = max(n for off, n in offsets if off < b)
            sent = joined[a:b].strip()
            # "She is black and white" means nothing alone: it carries its section's topic.
            text = f"{heading}: {sent}" if heading and _PRONOUN_START.match(sent) else sent
            add(text, sent, "sentence", first, last)
        para.clear()

    for n, raw in lines:
        line = raw.strip()
        if not line:
            flush()
            header = None
            continue
        if line.startswith("#"):
            flush()
            header = None
            heading = line.lstrip("#").strip() or heading
            continue
        if line.startswith("|"):
            flush()
            cells = _cells(line)
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # the |---|---| separator
            if header is None:
                header = cells
                continue
            if len(header) == len(cells):
                fields = {h: c for h, c in zip(header, cells) if c}
                # "sister: Anja Hoffmann; phone: +1 503 ...": the first column says what the row is about.
                named = [f"{cells[0]}: {cells[1]}"] + [f"{h}: {c}" for h, c in zip(header[2:], cells[2:]) if c]
                add("; ".join(named), line, "row", n, n, fields)
            else:
                add("; ".join(c for c in cells if c), line, "row", n, n)
            continue
        header = None
        bullet = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)", line)
        if bullet:
            flush()
            item = bullet.group(1).strip()
            kv = re.match(r"^([^:]{1,40}):\s+(.+)$", item)
            text = f"{heading}: {item}" if heading and heading.lower() not in item.lower() else item
            add(text, item, "kv" if kv else "bullet", n, n, {kv.group(1): kv.group(2)} if kv else None)
            continue
        kv = re.match(r"^([^:;]{1,40}):\s+(.+)$", line)
        if kv and (not para or "; " in line):  # "header: value" lines; "a: 1; b: 2" is a CSV row
            flush()
            fields = dict(f.split(": ", 1) for f in line.split("; ") if ": " in f) if "; " in line else {kv.group(1): kv.group(2)}
            add(line, line, "row" if "; " in line else "kv", n, n, fields)
            continue
        para.append((n, line))
    flush()
    return out


def _chunk_lines(hit) -> list[tuple[int, str]]:
    """The chunk's lines with their real numbers, read from the file when it still matches."""
    try:
        file_lines = Path(hit.path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        file_lines = []
    window = file_lines[hit.start_line - 1 : hit.end_line]
    chunk_words = hit.text.split()
    if window and " ".join(" ".join(window).split()).startswith(" ".join(chunk_words[:8])):
        return list(enumerate(window, hit.start_line))
    # The file changed since it was indexed: number the chunk's own lines from its start.
    return list(enumerate(hit.text.splitlines(), hit.start_line))


class ChunkStatements:
    """Statements from a chunk search: the stand-in for Memory.search_statements."""

    def __init__(self, memory, chunk_k: int = 4):
        self.memory = memory
        self.chunk_k = chunk_k

    def search(self, query: str, k: int = 12) -> list[StatementHit]:
        hits = self.memory.search(query, k=self.chunk_k)
        out: list[StatementHit] = []
        seen: set[str] = set()
        for rank, hit in enumerate(hits):
            topic = hit.heading[-1] if hit.heading else ""
            for st in parse_statements(_chunk_lines(hit), hit.path, topic, hit.id):
                key = st.text.lower()
                if key in seen:
                    continue  # overlapping chunks repeat lines
                seen.add(key)
                out.append(StatementHit(**st.model_dump(), score=float(hit.score), rank=rank))
        return out


def search_statements(memory, query: str, *, k: int = 12, chunk_k: int = 4) -> list[StatementHit]:
    """Statements for `query`, from the memory's own statement index when it has one."""
    native = getattr(memory, "search_statements", None)
    if native is not None:
        hits = native(query, k=k)
        out = [StatementHit(**_as_dict(h), rank=i) if not isinstance(h, StatementHit) else h for i, h in enumerate(hits)]
        before = getattr(memory, "statements_before", None)
        if before is not None:
            for hit in out:
                hit.context = _context(hit, before)
                if said := _paragraph_before(hit, before):
                    # "Renewed the Demio cover with Tausi today. Premium is now KSh 38,400.": a
                    # change told in a paragraph that named its thing a sentence before reads with
                    # that sentence, as a pronoun's sentence reads with its antecedent.
                    hit.context, hit.continues = said, True
                elif said := _key_line_before(hit, before):
                    # "Mine: Toyota Spacio, silver. Tyres 185/60 R14": the line's key sentence says
                    # whose the tyres are; it is not read as part of the answer (that line answers
                    # for itself), only as what the sentence is about.
                    hit.context = said
        return out
    return ChunkStatements(memory, chunk_k).search(query, k)


def pronoun_followers(memory, hit: StatementHit, n: int = 2) -> list[StatementHit]:
    """The sentences right after `hit` in its paragraph that go on about someone by pronoun
    ("Called Sardor aka. He moved from Moscow to Seoul last month"), or give a new value by key
    ("Mama a perdu son téléphone. Nouveau numéro : 01 66 53 47 90"): they share no word with a
    question that names the person, so no search finds them; each reads with `hit` as its context."""
    after = getattr(memory, "statements_after", None)
    if after is None or hit.kind != "sentence":
        return []
    out: list[StatementHit] = []
    last = hit.end_line
    for st in after(hit.id, n):
        data = _as_dict(st)
        # (A sentence of the same paragraph: on the same line or the one right after it.)
        if (st.kind not in ("sentence", "kv") or data["topic"] != hit.topic or st.line > last + 1
                or not (_PERSON_PRONOUN_START.match(st.text) or _NEW_KEY.match(st.text))):
            break
        out.append(StatementHit(**data, score=hit.score, rank=hit.rank, context=hit.text, continues=True))
        last = st.end_line
    return out


_HELD_VALUE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d|\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b")


def statements_holding(memory, question: str, *, k: int = 4) -> list[StatementHit]:
    """The lines that hold a number or code the question gives ("Whose number is (905) 555-0126?",
    "What is TL-LT-0815?"), by the full-text index alone: the question's other words say little,
    so its vector finds the lines of every number of the same exchange first."""
    find = getattr(memory, "statements_mentioning", None)
    if find is None:
        return []
    out: list[StatementHit] = []
    for value in dict.fromkeys(m.group(0).strip() for m in _HELD_VALUE.finditer(question)):
        squeezed = re.sub(r"[^0-9a-z]", "", value.lower())
        if len(re.sub(r"\D", "", squeezed)) < 4:
            continue  # "Flat 2-B", "RN7": too short to find one line by
        groups = " ".join(re.findall(r"[0-9A-Za-z]+", value))
        for st in find(groups, limit=40):
            if squeezed in re.sub(r"[^0-9a-z]", "", f"{st.text} {st.source}".lower()) and all(h.id != st.id for h in out):
                out.append(StatementHit(**_as_dict(st), rank=len(out)))
                if len(out) >= k:
                    return out
    return out


def statements_naming(memory, name: str, keep, *, k: int = 4, limit: int = 40) -> list[StatementHit]:
    """The lines that name `name` (full-text index) and that `keep` accepts, at most `k`. A
    person's changed number ("Gergő új száma: +36 30 555 0467") is one of many lines naming him and
    shares no other word with "What's Gergő's phone number?"."""
    find = getattr(memory, "statements_mentioning", None)
    if find is None:
        return []
    out: list[StatementHit] = []
    for st in find(name, limit=limit):
        if keep(st.text) and all(h.id != st.id for h in out):
            out.append(StatementHit(**_as_dict(st), rank=len(out)))
            if len(out) >= k:
                break
    return out


def _context(hit: StatementHit, before) -> str:
    """The sentences before a pronoun sentence under the same heading (its antecedents); for a
    sentence that opens on "The", the sentences before it in its own paragraph."""
    if hit.kind != "sentence":
        return ""
    if not _PRONOUN.search(hit.source):
        if not _DEFINITE_START.match(hit.source):
            return ""
        # "Ana Lucía and Matías are engaged! The wedding will be in Viña del Mar on 9 January":
        # "the wedding" is the one the paragraph just spoke of, so its sentence says whose.
        return " ".join(st.text for st in before(hit.id, CONTEXT_STATEMENTS)
                        if st.end_line >= hit.line and _nearest_heading(st.topic) == hit.topic)
    prior = []
    for st in before(hit.id, CONTEXT_STATEMENTS):
        if _nearest_heading(st.topic) == hit.topic:
            prior.append(st.text)
        else:
            prior.clear()  # another section: what it says is not about this sentence's people
    return " ".join(prior)


# A sentence that tells a new value of something it does not name: "Premium is now KSh 38,400",
# "Next service at 94,600 km.", German "Nächste HU 09/2028." (what changed or comes next is the
# paragraph's thing). (Not "New tenants — Asylbek M.": a new one of a thing is said with its thing.)
_FOLLOW_UP = re.compile(rf"^(?:(?i:the\s+)?(?i:{NEXT_WORDS})\s+[^\W\d_]+|Now\s+(?:only\s+|just\s+)?[^\W\d_]{{0,3}}\$?\d|[A-Z][a-z]+(?:\s+[a-z]+)?\s+(?:is|are|goes|went)\s+(?:now|up|down)\b)")
_PARAGRAPH_SENTENCES = 5


def _paragraph_before(hit: StatementHit, before) -> str:
    """The sentences before a follow-up sentence (`_FOLLOW_UP`) in its own paragraph: each ends on
    the line the next one starts on or the line before it, under the same heading."""
    # (So does a new value by key: "Mathis started Cycle 3.1 yesterday. New teacher: Mr Serge Thill".)
    if not (hit.kind == "sentence" and _FOLLOW_UP.match(hit.source.strip()) or hit.kind in ("sentence", "kv") and _NEW_KEY.match(hit.source.strip())):
        return ""
    said: list[str] = []
    start = hit.line
    for st in reversed(before(hit.id, _PARAGRAPH_SENTENCES)):
        if st.kind != "sentence" or st.end_line < start - 1 or _nearest_heading(st.topic) != hit.topic:
            break
        said.insert(0, st.text)
        start = st.line
    return " ".join(said)


def _key_line_before(hit: StatementHit, before) -> str:
    """For a later sentence of a keyed line ("Mine: Toyota Spacio, silver, PWK 4127. Tyres
    185/60 R14"), the keyed sentence that opens its line: it names what the line is about."""
    if hit.kind != "sentence" or hit.context or ":" not in hit.text:
        return ""  # (a sentence that carries no key needs no look at the line before it)
    prior = before(hit.id, 1)
    key = _nearest_heading(prior[-1].topic) if prior else ""
    if not prior or prior[-1].kind != "kv" or prior[-1].line != hit.line or not key or not hit.text.startswith(f"{key}:"):
        return ""
    return prior[-1].text


def _nearest_heading(topic) -> str:
    """Memory keeps the heading trail; the reader wants the nearest heading."""
    if isinstance(topic, list):
        return topic[-1] if topic else ""
    return topic or ""


def _as_dict(hit) -> dict:
    data = hit.model_dump() if hasattr(hit, "model_dump") else dict(hit)
    data.pop("rank", None)
    trail = data.get("topic")
    topic = data["topic"] = _nearest_heading(trail)
    if isinstance(trail, list) and len(trail) >= 2 and data.get("text", "").startswith(f"{topic}:"):
        # "Vet: Rabies booster due 2027-05-10." under "Biscuit (cat)": the text carries its key,
        # the heading above the key says whose it is.
        topic = data["topic"] = trail[-2]
    if topic and data.get("kind") == "sentence" and _PRONOUN_START.match(data.get("text", "")):
        data["text"] = f"{topic}: {data['text']}"  # "She is black and white" means nothing alone
    return {k: v for k, v in data.items() if k in StatementHit.model_fields}
