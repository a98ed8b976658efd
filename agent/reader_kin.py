"""Which names a line gives the relative asked of, and which it gives someone else.

Under a relative's heading the notes go on about that relative's own people: "## Brother /
Tomasz. His wife Anna Kowalczyk is a nurse.", Hungarian "Öcsém / Bence. Menyasszonya Molnár Dóra"
(his fiancée). Asked "Who is my brother?", Anna and Dóra are the line's names but not the answer
(`partners_named`). And the one brother the notes name ("My brother Shivnarine ...") is the one a
later line speaks of by that name alone ("Shivnarine moved to New Amsterdam for good": `named_kin`).
"""
from __future__ import annotations

import re

from agent.reader_question import RELATION_ADJECTIVES, says_kind
from agent.reader_text import KIN
from memory.gloss import english_for

# A partner of the relative asked of is never that relative (a brother's wife, a sister's
# husband). Their children and parents may be (a mother's son is a brother), so only partners count.
_PARTNERS = frozenset("wife husband partner spouse boyfriend girlfriend fiance fiancee bride groom".split())
# The relatives a partner of the one named is never: one's own blood relatives and children.
# (A mother or father is left out: "Papa: Juan. His wife Rosa" may well be the user's mother; an
# in-law, a niece or a step-parent is made through someone else's partner or child.)
DIRECT_KIN = frozenset("brother sister son daughter child kid".split())
_POSSESSIVE = r"(?:his|her|their)"


def _partner_word(word: str) -> bool:
    low = word.lower()
    if low in _PARTNERS or re.fullmatch(r"fianc[ée]e?", low):
        return True
    # A word of the notes' language glossed as a partner ("menyasszonya": his fiancée); English
    # words are read above, as they are.
    return not re.fullmatch(KIN, low) and bool(english_for(word) & _PARTNERS)


def partners_named(text: str, names: list[str], kin: str | None) -> list[str]:
    """Of `names` (the line's names, as the reader typed them), those the line gives as the
    asked relative's partner ("his wife Anna Kowalczyk"), with a nickname the line puts in
    brackets right after one ("Molnár Dóra (Dóri)"). Empty unless `kin` is one whose partner is
    never the relative itself."""
    if kin is None or kin.lower() not in DIRECT_KIN:
        return []
    out: list[str] = []
    for name in names:
        words = name.split()
        if len(words) >= 2 and _partner_word(words[0]) and not says_kind(words[0], kin):
            out.append(name)  # "Menyasszonya Molnár Dóra": the word for her is read into the name
            continue
        before = re.compile(rf"\b{_POSSESSIVE}\s+(?:{RELATION_ADJECTIVES}\s+|new\s+|future\s+)?([^\W\d_]+)[,:]?\s+"
                            rf"(?:is\s+|called\s+|named\s+)?{re.escape(name)}\b", re.IGNORECASE)
        m = before.search(text)
        if m and _partner_word(m.group(1)) and not says_kind(m.group(1), kin):
            out.append(name)
    for name in names:
        if name not in out and any(re.search(rf"{re.escape(p)}\s*\(\s*{re.escape(name)}\s*\)", text) for p in out):
            out.append(name)
    return out


# A card's key for a person's name, in the languages notes are kept in ("Nombre", "Imię", "Adı").
NAME_KEY = re.compile(r"(?i:name|full name|nombre|nom|nome|navn|namn|naam|imi[eę]|emri|n[eé]v|ime|nimi|ad[iı])")


def card_section(st) -> str:
    """The sub-heading a card's "Key: value" line carries before its key ("Partner" of "Partner:
    Name: Jordi Puig"); "" for a line that carries none."""
    key = next(iter(st.fields), "") if st.fields else ""
    at = st.text.find(f"{key}:") if key else -1
    return st.text[:at].strip(" :") if at > 0 else ""


def named_kin(kin: str | None, statements) -> str | None:
    """The one given name the lines give the asked relative by ("My brother Shivnarine living in
    Wismar now", "Ioane, my brother", "Tomasz Wójcik, lives in Gdansk." under "## Brother"): a later
    line that names him by it ("Shivnarine moved to New Amsterdam for good") speaks of the relative
    though it does not say "brother". None when the lines name no one so, or two people."""
    if kin is None or kin.lower() not in DIRECT_KIN:
        return None
    found: set[str] = set()
    for st in statements:
        text = st.text
        topic = st.topic if isinstance(st.topic, str) else (st.topic[-1] if st.topic else "")
        if topic and len(topic.split()) <= 2 and says_kind(topic, kin) and not re.search(r"[-–]in[-–]law", topic, re.IGNORECASE):
            body = text[len(topic) + 1:].lstrip() if text.startswith(f"{topic}:") else text
            if m := re.match(r"([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?\s*(?:,|-|–|—|:|\()", body):
                found.add(m.group(1))
        # A card's name line under the relative's sub-heading: "Brother: Name: Pau Puig".
        fields = getattr(st, "fields", None) or {}
        if len(fields) == 1 and NAME_KEY.fullmatch((key := next(iter(fields))).strip()):
            section = card_section(st)
            if section and len(section.split()) <= 2 and says_kind(section, kin) and (m := re.match(r"\s*([A-Z][\w'’-]+)", fields[key])):
                found.add(m.group(1))
        # (The relation in the notes' own words too: "My uso Ioane Leaupepe", Samoan for brother.)
        for m in re.finditer(rf"\b(?i:my|our)\s+(?:{RELATION_ADJECTIVES}\s+)?([^\W\d_]+)(?![\w'’-]),?\s+([A-Z][\w'’-]+)", text):
            if m.group(1).lower() == kin.lower() or not re.fullmatch(KIN, m.group(1).lower()) and says_kind(m.group(1), kin):
                found.add(re.sub(r"['’]s$", "", m.group(2)))
        for m in re.finditer(rf"\b([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?,\s+(?i:my|our)\s+(?:{RELATION_ADJECTIVES}\s+)?(?i:{re.escape(kin)})(?![\w'’-])", text):
            found.add(m.group(1))
    found = {f for f in found if f.lower() not in _NOT_GIVEN}
    return found.pop() if len(found) == 1 else None


_NOT_GIVEN = frozenset("is was lives living and who has had moved works the in at".split())


# An in-law made through one's own brother or sister: my sister's husband is my brother-in-law,
# my brother's wife my sister-in-law. (A spouse's siblings are in-laws too; the notes would name
# the spouse's side in a line of its own, which says the in-law word.)
_IN_LAW_THROUGH = {"brother-in-law": "sister", "sister-in-law": "brother"}
_PARTNERED = re.compile(r"\b(?i:married(?:\s+to)?|(?:her|his)\s+(?:husband|wife|partner|spouse))\s+"
                        r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def says_my_relative(word: str, text: str) -> bool:
    """The line calls someone the user's `word` itself ("my sister", "our little brother"), not
    an in-law or a possessive made of it ("my sister-in-law", "my brother's")."""
    return re.search(rf"\b(?i:my|our)\s+(?:(?i:{RELATION_ADJECTIVES})\s+)?(?i:{re.escape(word)})\b(?![’'-])", text) is not None


def in_law_named(kin: str | None, text: str) -> str | None:
    """The in-law asked of, named by the line about the sibling through whom they are one:
    "Divya akka: my sister, ... Married Arjun Menon in 2019" gives Arjun Menon for "my
    brother-in-law", "Bram: my little brother. ... Married Yasmin in 2023" Yasmin for "my
    sister-in-law". None when the line is not about that sibling or names no partner."""
    through = _IN_LAW_THROUGH.get((kin or "").lower())
    if through is None or not says_my_relative(through, text):
        return None
    found = {re.sub(r"\s+(?:in|on|at)$", "", m.group("name")) for m in _PARTNERED.finditer(text)}
    return found.pop() if len(found) == 1 else None
