"""Who is "my sister"? Phone numbers come from the user's own notes, found through memory.

Retrieval finds the chunks about the person; a regex then takes the phone numbers on the lines
that name them (by name or by relation word). Nothing about any particular person lives in code:
only generic relation synonyms ("mom" also matches "mother"). Several different numbers give a
question back, none gives a question too: a guessed recipient is worse than asking.

A name the notes do not contain is then matched by sound against the names that stand next to a
phone number in the notes (agent/phone/phonetic.py): a recognizer's "Beatrice" or "via Tris"
resolves to Beatriz when exactly one contact is that close, and two close names give a question.
"""
from __future__ import annotations

import hashlib
import re
import threading
from typing import Iterator, Protocol

from pydantic import BaseModel, Field

from agent.phone import phonetic
from tools.actions import normalize_number

PHONE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ().\-]{5,}\d(?!\w)")

# Generic relation words and their synonyms as people write them in notes.
RELATIONS: dict[str, tuple[str, ...]] = {
    "mom": ("mom", "mother", "mum", "mama", "mommy", "mummy"),
    "dad": ("dad", "father", "papa", "daddy"),
    "sister": ("sister", "sis"),
    "brother": ("brother", "bro"),
    "partner": ("partner", "husband", "wife", "spouse", "boyfriend", "girlfriend", "fiance", "fiancee"),
    "son": ("son",),
    "daughter": ("daughter",),
    "grandma": ("grandma", "grandmother", "granny", "nana", "oma"),
    "grandpa": ("grandpa", "grandfather", "opa"),
    "aunt": ("aunt", "auntie"),
    "uncle": ("uncle",),
    "cousin": ("cousin",),
    "best friend": ("best friend", "bff"),
    "boss": ("boss", "manager"),
    "doctor": ("doctor", "gp", "physician"),
    "dentist": ("dentist",),
    "vet": ("vet", "veterinarian"),
    "landlord": ("landlord", "landlady"),
    "babysitter": ("babysitter", "nanny", "sitter"),
    "neighbor": ("neighbor", "neighbour"),
}
_ALIASES = {syn: key for key, syns in RELATIONS.items() for syn in syns}
_ALIASES.update({"husband": "partner", "wife": "partner", "boyfriend": "partner", "girlfriend": "partner",
                 "spouse": "partner", "mother": "mom", "father": "dad"})


class Searcher(Protocol):
    def search(self, query: str, k: int = 4) -> list: ...


class ChunkSource(Protocol):  # memory.index.Memory has both; the directory needs this one
    def iter_chunks(self) -> Iterator: ...


class Candidate(BaseModel):
    number: str  # normalized (E.164 digits)
    as_written: str
    line: str
    path: str = ""


class ContactResolution(BaseModel):
    ref: str
    number: str | None = None
    heard_as: str | None = None  # the contact name a misheard reference was matched to by sound
    name: str = ""  # the line it came from, shortened, for plan descriptions
    candidates: list[Candidate] = Field(default_factory=list)
    question: str | None = None


def _terms(ref: str) -> tuple[str, list[str]]:
    r = re.sub(r"\s+", " ", ref.strip().lower())
    r = re.sub(r"^(?:my|our|the)\s+", "", r)
    r = re.sub(r"'s$|’s$", "", r)
    rel = _ALIASES.get(r)
    if rel:
        # "husband" also matches "partner" etc.; the relation words are the search terms
        return r, sorted(set(RELATIONS[rel]) | {r}, key=len, reverse=True)
    return r, [r]


_AFTER_WINDOW = 25  # a mention may follow its number closely: "+1 503 555 0133 (vet)"


def _line_numbers(line: str, terms: list[str]) -> list[tuple[str, str]]:
    """Numbers on a line that belong to one of `terms`; with several, the one nearest the mention.

    A mention owns the numbers after it on the line, and a number just before it (a few characters,
    not across a table cell), so "| sister | Anja | +1 ... | has a son called Felix |" gives Felix
    no number and "best friend | Dana | +1 ... | climbing partner" is not the user's partner.
    """
    spots = [(m.start(), m.end()) for t in terms
             for m in re.finditer(rf"(?<![\w]){re.escape(t)}(?![\w])", line, re.I)]
    if not spots:
        return []
    found = []
    for m in PHONE_RE.finditer(line):
        raw = m.group(0).strip()
        digits = re.sub(r"\D", "", raw)
        if not 7 <= len(digits) <= 15 or re.fullmatch(r"(19|20)\d{2}[-.]\d{2}[-.]\d{2}", raw):
            continue  # dates and short numbers are not phone numbers
        dist = []
        for s0, s1 in spots:
            if s1 <= m.start():
                dist.append(m.start() - s1)
            elif s0 >= m.end():
                gap = line[m.end():s0]
                if len(gap) <= _AFTER_WINDOW and "|" not in gap:
                    dist.append(s0 - m.end() + _AFTER_WINDOW)  # a number after the name wins ties
        if dist:
            found.append((min(dist), raw))
    if len(found) <= 1:
        return [(raw, line) for _, raw in found]
    return [(min(found)[1], line)]


# Sentence ends, but not after a title such as "Dr." (the vet line "Vet: Dr. Alvarez, +1 ...").
_SENTENCE = re.compile(r"\n|(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bSt\.)(?<!\bMrs\.)(?<!\bProf\.)(?<=[.!?])\s+(?=[A-Z])")


# Capitalised words that are not names even when they stand next to a number.
_NOT_NAMES = frozenset("""i my the a an and or of at in on to for with from by dr mr mrs ms prof st
    mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december call text phone mobile cell home
    work office email note notes who name number tel fax""".split())
_CAP_WORD = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[-'][A-Z]?[a-zà-ÿ]+)?\b")
_BEFORE_NUMBER = 80  # a contact's name precedes its number on the line ("| sister | Anja | +1 ...")


class Directory(BaseModel):
    """Who the notes list with a phone number: names and relation words on those lines."""
    key: str  # digest of the index's chunk ids: changes whenever the notes do
    names: list[str] = Field(default_factory=list)  # "Marcus", "Bell", ... in order of appearance
    first_names: list[str] = Field(default_factory=list)  # the first name word of each contact line
    relations: list[str] = Field(default_factory=list)  # relation words as written ("sister", "mother")


_directory_cache: dict[str, Directory] = {}
_directory_lock = threading.Lock()


def _chunks(memory) -> list:
    try:
        return list(memory.iter_chunks())
    except Exception:  # noqa: BLE001 - a searcher without a ledger, or an unreadable one: no directory
        return []


def _sentence_initial(text: str, m: re.Match) -> bool:
    """A capitalised first word of a sentence ("Climbing with Siobhan, +44 ...") is grammar, not
    a name, unless a second capitalised word follows it ("Marcus Bell, +1 ...")."""
    if text[:m.start()].strip(" -*#>|\t") and not re.search(r"(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)(?<!\bProf)[.!?]\s*$", text[:m.start()]):
        return False
    return not re.match(r"\s+[A-Z]", text[m.end():])


def contact_directory(memory: ChunkSource | None) -> Directory:
    """The contact names in the notes, cached by the index's state (rebuilt when notes change)."""
    chunks = _chunks(memory) if memory is not None and hasattr(memory, "iter_chunks") else []
    digest = hashlib.sha256("\n".join(sorted(c.id for c in chunks)).encode()).hexdigest()[:16]
    with _directory_lock:
        if digest in _directory_cache:
            return _directory_cache[digest]
    names: dict[str, None] = {}
    firsts: dict[str, None] = {}
    relations: dict[str, None] = {}
    for chunk in chunks:
        for line in _SENTENCE.split(chunk.text):
            numbers = [m for m in PHONE_RE.finditer(line) if 7 <= len(re.sub(r"\D", "", m.group(0))) <= 15]
            if not numbers:
                continue
            before = line[max(0, numbers[0].start() - _BEFORE_NUMBER):numbers[0].start()]
            line_names = [m.group(0) for m in _CAP_WORD.finditer(before)
                          if m.group(0).lower() not in _NOT_NAMES and m.group(0).lower() not in _ALIASES
                          and not _sentence_initial(before, m)]
            for word in line_names:
                names.setdefault(word, None)
            if line_names:
                firsts.setdefault(line_names[0], None)
            for syn in _ALIASES:
                if re.search(rf"(?<!\w){re.escape(syn)}(?!\w)", before, re.I):
                    relations.setdefault(syn, None)
    found = Directory(key=digest, names=list(names), first_names=list(firsts), relations=list(relations))
    with _directory_lock:
        _directory_cache[digest] = found
    return found


def _by_sound(ref: str, memory, k: int) -> ContactResolution | None:
    """A reference no note line contains, matched by sound to the directory's names."""
    key, _ = _terms(ref)
    directory = contact_directory(memory)
    if not directory.names and not directory.relations:
        return None
    # "my sista": a relation word of the notes heard wrong; a bare word is matched against names
    relational = re.match(r"^\s*(?:my|our|the)\s", ref, re.I) is not None
    candidates = directory.relations if relational else directory.names
    matches = phonetic.best_matches(key, candidates)
    if not matches:
        # "call via Tris": the heard words may hold the name with a word in front of it
        words = key.split()
        for i in range(1, len(words)):
            matches = phonetic.best_matches(" ".join(words[i:]), candidates)
            if matches:
                break
    if not matches:
        return None
    resolved: dict[str, tuple[str, ContactResolution]] = {}
    for _, name in matches:
        res = resolve_contact(f"my {name}" if relational else name, memory, k=k, by_sound=False)
        if res.number:
            resolved.setdefault(res.number, (name, res))
    if len(resolved) == 1:
        name, res = next(iter(resolved.values()))
        return res.model_copy(update={"ref": ref, "heard_as": name})
    if len(resolved) > 1:
        names = " or ".join(n for n, _ in resolved.values())
        return ContactResolution(ref=ref, candidates=[c for _, r in resolved.values() for c in r.candidates],
                                 question=f"I heard {ref!r}: did you mean {names}?")
    return None


def resolve_contact(ref: str, memory: Searcher | None, *, k: int = 6, by_sound: bool = True) -> ContactResolution:
    if memory is None:
        return ContactResolution(ref=ref, question=f"I can't look up {ref!r}: no notes are indexed. "
                                 "Run `anima index` on your notes, or give the number.")
    key, terms = _terms(ref)
    queries = [f"{ref} phone number", f"{terms[0]} phone"] if terms[0] != key else [f"{ref} phone number"]
    seen_chunks: set[str] = set()
    cands: dict[str, Candidate] = {}
    try:
        hits = [h for q in queries for h in memory.search(q, k=k)]
    except Exception as exc:  # noqa: BLE001 - MemoryFailure and friends: the message says how to fix it
        return ContactResolution(ref=ref, question=f"I can't look up {ref!r} in your notes right now ({exc}).")
    for hit in hits:
        if hit.id in seen_chunks:
            continue
        seen_chunks.add(hit.id)
        for line in _SENTENCE.split(hit.text):
            for raw, ln in _line_numbers(line, terms):
                try:
                    num = normalize_number(raw)
                except ValueError:
                    continue
                cands.setdefault(num, Candidate(number=num, as_written=raw, line=ln.strip()[:160], path=hit.path))
    if not cands and by_sound:
        heard = _by_sound(ref, memory, k)
        if heard is not None:
            return heard
    if not cands:
        return ContactResolution(ref=ref, question=f"I couldn't find a phone number for {ref!r} in your notes. "
                                 "What number should I use?")
    if len(cands) > 1:
        listing = "; ".join(f"{c.as_written} ({c.line[:60]})" for c in cands.values())
        return ContactResolution(ref=ref, candidates=list(cands.values()),
                                 question=f"Your notes have several numbers for {ref!r}: {listing}. Which one?")
    only = next(iter(cands.values()))
    return ContactResolution(ref=ref, number=only.number, candidates=[only], name=only.line[:80])
