"""Who is "my sister"? Phone numbers come from the user's own notes, found through memory.

Retrieval finds the chunks about the person; a regex then takes the phone numbers on the lines
that name them (by name or by relation word). Nothing about any particular person lives in code:
only generic relation synonyms ("mom" also matches "mother"). Several different numbers give a
question back, none gives a question too: a guessed recipient is worse than asking.
"""
from __future__ import annotations

import re
from typing import Protocol

from pydantic import BaseModel, Field

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


class Candidate(BaseModel):
    number: str  # normalized (E.164 digits)
    as_written: str
    line: str
    path: str = ""


class ContactResolution(BaseModel):
    ref: str
    number: str | None = None
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


def resolve_contact(ref: str, memory: Searcher | None, *, k: int = 6) -> ContactResolution:
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
    if not cands:
        return ContactResolution(ref=ref, question=f"I couldn't find a phone number for {ref!r} in your notes. "
                                 "What number should I use?")
    if len(cands) > 1:
        listing = "; ".join(f"{c.as_written} ({c.line[:60]})" for c in cands.values())
        return ContactResolution(ref=ref, candidates=list(cands.values()),
                                 question=f"Your notes have several numbers for {ref!r}: {listing}. Which one?")
    only = next(iter(cands.values()))
    return ContactResolution(ref=ref, number=only.number, candidates=[only], name=only.line[:80])
