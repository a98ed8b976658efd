"""Which people the notes keep as the user's children.

Asked "When is my kid's birthday?" over notes that keep two children, the reader asks which one
(issue 9's ambiguous kind). The notes say who the children are in many ways: "our son Yassine",
"Thoko" over "Our daughter. Standard 4 ...", a family table's row "Mateo Pereyra Ferreira | son,
nació 08/03/2017", a heading of their own in the notes' language ("Kids", "Barnen", "Chicos",
"Anak-anak") over a line or a sub-heading per child, or a listing ("hijos [[Gael]] y [[Ariadna]]").
"""
from __future__ import annotations

import re
from typing import Sequence

from agent.reader_text import PERSON_ROLES, STOP_WORDS
from memory.gloss import english_for

NAME_WORD = r"[A-Z][\w'’-]+"
_MY = r"(?:[Mm]y|[Oo]ur|MY|OUR)"
_CHILD_OF_MINE = re.compile(
    # "Temur — our son", "Sabina (our daughter)", "Lina, our daughter"; "our son Yassine", "my daughter, Lina"
    # ... and 'Reitumetse ("Reitu"), our daughter', a nickname in brackets after the name; a
    # child's own heading over its first line: "Thoko: Our daughter. Standard 4 at ..."
    rf"\b({NAME_WORD})(?: {NAME_WORD})?(?:\s*\([\"“']?[^()\"“”]{{1,20}}[\"”']?\))?\s*(?:—|–|-|:|,|\()\s*{_MY}\s+(?:\w+\s+)?(?:son|daughter)\b(?![-’'])(?!\s+{NAME_WORD})"
    rf"|\b{_MY}\s+(?:(?:older|oldest|elder|eldest|younger|youngest|little|big)\s+)?(?:son|daughter)(?![-’'])\s*,?\s+({NAME_WORD})")
# A family table's row: "Name: Mateo Pereyra Ferreira; Relation: son, nació 08/03/2017".
_CHILD_ROW = re.compile(
    rf"(?:^|;\s*)[^:;]{{1,30}}:\s*({NAME_WORD})(?:\s+[\"“][^\"“”]{{1,15}}[\"”])?(?: {NAME_WORD}){{0,3}};\s*[^:;]{{1,30}}:\s*(?:son|daughter)\b(?![-’'])")

# "Kids" and "children" as the notes' languages write them over the children's lines. Read here,
# not glossed in memory, because a gloss would change the full-text index of every note.
_KID_WORDS = (r"kids|children|barnen|barn|børn|børnene|lapset|lapsed|děti|deti|djeca|deca|dzieci|copii|chicos|niños|ninos"
              r"|hijos|enfants|kinder|kinderen|bambini|figli|filhos|crianças|criancas|anak-anak|watoto|vaikai|bērni|gyerekek"
              r"|дети|діти|деца|παιδιά")
_KIDS_HEADING = re.compile(rf"^(?:(?:my|our|the|les|los|mis|nos|die|meine|mina|våra)\s+)?(?:{_KID_WORDS})$", re.IGNORECASE)
# ... a key of its own inside another heading ("Health" over "Kids: Nevena: ..."), or a table's
# column for the child ("Enfant: Fiacre; Classe: CM2").
_KIDS_KEY = re.compile(
    rf"(?:[^:]{{1,40}}:\s*)?(?:(?:my|our|the)\s+)?(?:{_KID_WORDS}|kid|child|enfant|hijo|hija|niño|nino|kind|filho|filha|bambino|bambina|dziecko|dítě|dijete)\s*:\s*(.+)",
    re.IGNORECASE)
_OUR_TWO = re.compile(rf"\b({NAME_WORD}) and ({NAME_WORD})(?:\s+[\"“'][^\"“”']{{1,15}}[\"”'])?\s*(?:—|–|-|:|,)\s*(?:my|our) (?:two|kids|children|boys|girls)\b")
# "hijos [[Gael]] y [[Ariadna]]", "Kinder: Lena und Paul": the word, then two names joined.
_LISTED = re.compile(rf"\b(?:{_KID_WORDS})\s*:?\s+({NAME_WORD})(?:\s*\([^()]{{1,30}}\))?,?\s+(?:and|y|e|et|und|en|og|och|ja|i|a|и)\s+({NAME_WORD})",
                     re.IGNORECASE)
# A child by its school year: "New school year: Jahmari Form 3, Amaya Std 2", "Rishi Grade 5".
_SCHOOLED = re.compile(rf"\b({NAME_WORD})\s+(?:Form|Std\.?|Standard|Year|Grade|Class|Klasse|Classe|Grado|Tahun|P)\s?\d{{1,2}}\b")
# A line that is only a child's name, perhaps with an aside: "AISYAH HUMAIRA", "Santino (9)".
_BARE_NAME = re.compile(rf"({NAME_WORD}(?: {NAME_WORD}){{0,2}})(?:\s*\([^()]{{1,40}}\))?")
# A line opened by a child's name: "Rishi - Grade 5 at ...", 'Kavita "Kavs" - Sunbeam Nursery',
# "Alfie (Year 7, Cotham Ridge School): tutor: ...", "Fiacre; Classe: CM2".
_OPENS = re.compile(rf"({NAME_WORD})(?:\s+[\"“'][^\"“”']{{1,15}}[\"”'])?(?:\s*\([^()]{{1,60}}\))?\s*(?:—|–|-|:|,|;)\s")


def _unlinked(text: str) -> str:
    return re.sub(r"\[\[([^\[\]|]+)(?:\|[^\[\]]*)?\]\]", r"\1", text)


def _named(name: str) -> str:
    """"AISYAH HUMAIRA" as a person's name is written in a sentence."""
    return name.title() if name.isupper() else name


def kids_listed(statements: Sequence, mentions: Sequence[str] = ()) -> list[str]:
    """The children a note lists under a heading of their own ("kids": "Rishi - Grade 5 at ...",
    'Kavita "Kavs" - Sunbeam Nursery', "Barnen" over "### Alva"), or names as "our two" ("Leilani
    and Ropati - our two") or in a listing ("hijos [[Gael]] y [[Ariadna]]")."""
    # (A line the full-text index found by "kids" that does not say it has it in its heading.)
    bodies = [st.text[len(st.topic) + 1:].lstrip() if st.text.startswith(f"{st.topic}:") else st.text
              for st in statements if _KIDS_HEADING.match(st.topic.strip())]
    for text in mentions:
        key, sep, rest = text.partition(":")
        if _KIDS_KEY.match(text):
            continue  # "Enfant: Fiacre; Classe: CM2": read below, by its key
        if sep and _KIDS_HEADING.match(key.strip()):
            bodies.append(rest.strip())  # "Anak-anak: AISYAH HUMAIRA": the heading glossed as kids
        elif not re.search(r"\b(?:kids|children)\b", text, re.IGNORECASE):
            bodies.append(text)
    # ... or under a key of their own inside another heading ("Health" over "Kids: Nevena: ...").
    bodies += [m.group(1) for text in [*(st.text for st in statements if not _KIDS_HEADING.match(st.topic.strip())), *mentions]
               if (m := _KIDS_KEY.match(text))]
    bodies = [_unlinked(b).strip() for b in bodies]
    # A child's name on a line of its own heads that child's lines ("AISYAH HUMAIRA" over "Lahir:
    # 09/05/2018", "IC: ..."): then those lines' keys are fields, not children.
    bare = list(dict.fromkeys(_named(m.group(1)) for b in bodies if (m := _BARE_NAME.fullmatch(b))
                              and not any(w.lower() in STOP_WORDS for w in m.group(1).split())))
    if bare:
        return bare
    found: dict[str, None] = {}
    for body in bodies:
        m = _OPENS.match(body)
        if m and m.group(1).lower() not in STOP_WORDS:
            found.setdefault(m.group(1), None)
    for text in [*(st.text for st in statements), *mentions]:
        text = _unlinked(text)
        for name in _listed_together(text, _OUR_TWO, _LISTED):
            found.setdefault(name, None)
        # Two children told by their school years in one line.
        schooled = list(dict.fromkeys(m.group(1) for m in _SCHOOLED.finditer(text) if m.group(1).lower() not in STOP_WORDS))
        if len(schooled) >= 2:
            for name in schooled:
                found.setdefault(name, None)
    return list(found)


def _listed_together(text: str, *patterns: re.Pattern) -> list[str]:
    """The names the patterns find listed together in `text` ("Leilani and Ropati - our two")."""
    return [name for pattern in patterns for m in pattern.finditer(text) for name in m.groups() if name.lower() not in STOP_WORDS]


def own_children(texts: Sequence[str]) -> list[str]:
    """The names the notes give the user's sons and daughters (not a niece's, not "my son-in-law")."""
    found: dict[str, None] = {}
    for text in texts:
        for m in (*_CHILD_OF_MINE.finditer(text), *_CHILD_ROW.finditer(text)):
            name = next(g for g in m.groups() if g)
            if name.lower() not in STOP_WORDS and name.lower() not in ("my", "our", "the"):
                found.setdefault(name, None)
    return list(found)


# The words a "Kids" heading is written with, as one full-text query (the index reads headings).
KIDS_QUERY = " ".join(w for w in _KID_WORDS.replace("-", " ").split("|"))


def kids_headed(lines: Sequence[tuple[Sequence[str], str]]) -> list[str]:
    """Of (heading trail, text) lines that name "kids" in some language: the children a note keeps
    a sub-heading each for under a "Kids" heading ("Chicos" > "Santino (9)", "Kids" > "Alfie (Year
    7, Cotham Ridge School)", "Barnen" > "Alva"), not a sub-heading that is a role or a thing
    ("Chicos" > "Pediatra"); else the children a line lists ("hijos [[Gael]] y [[Ariadna]]")."""
    found: dict[str, None] = {}
    for trail, _ in lines:
        for heading, sub in zip(trail, trail[1:]):
            m = _BARE_NAME.fullmatch(sub.strip()) if _KIDS_HEADING.match(heading.strip()) else None
            if m is None:
                continue
            words = m.group(1).split()
            if any(w.lower() in STOP_WORDS or re.fullmatch(PERSON_ROLES, w.lower()) for w in words) or english_for(m.group(1)):
                continue
            found.setdefault(_named(m.group(1)), None)
    if len(found) < 2:
        for _, text in lines:
            for name in _listed_together(_unlinked(text), _LISTED):
                found.setdefault(name, None)
    return list(found)
