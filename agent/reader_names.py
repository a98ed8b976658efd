"""People's names as notes write them: namesakes (people who share a first name), titles and
words of address, native spellings, doctors and grandmothers called by their title."""
from __future__ import annotations

import functools
import re
from typing import Iterator, Sequence

from agent.reader_question import typed_values
from agent.reader_text import greek_in_latin, KIN as _KIN, MONTHS, PERSON_ROLES as _ROLES, stem, STOP_WORDS, words
from memory.gloss import english_for, fold, romanized


def _name_words(name: str) -> list[str]:
    """The capitalised words of a name the question uses ("Chris Okafor", "Dr. Halvorsen")."""
    return [w.strip(".,") for w in name.split() if w[:1].isupper() and len(w.strip(".,")) > 1]


# Indonesian and Malay words of address, which _TITLE does not spell ("Pak Haji" is Mr Haji).
_ADDRESS_WORDS = frozenset("pak bu ibu bapak mas mbak kak cik encik puan tuan".split())


def _addresses(word: str) -> bool:
    """Whether a name's first word is a title or word of address: the name after it is the one
    to look for namesakes of ("Pak Haji", whoever of the Hajis)."""
    return word.lower().strip(".") in _ADDRESS_WORDS or re.fullmatch(_TITLE, word.strip(".")) is not None


_DOCTOR = re.compile(r"\b((?:Dr|Dra|MUDr|MDDr)\.?)\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)")
# A grandmother asked of by the word alone, not by a name after it ("Grandma Akosua's birthday").
# What a grandmother is called before her name, in English and in the languages notes mix in.
_GRAN_TITLES = ("Grandma", "Granny", "Gran", "Nana", "Oma", "Omi", "Avó", "Vovó", "Teta", "Babcia", "Babka", "Baba", "Babička",
                "Abuela", "Abuelita", "Nonna", "Mormor", "Farmor", "Mummo", "Yiayia", "Bebia", "Vanaema", "Nenek",
                "Tatik", "Gogo", "Ouma", "Bubbe",
                # Maltese, Aymara, Chichewa, Mongolian (эмээ), Hindi, Korean, Arabic, French, Welsh
                "Nanna", "Awicha", "Agogo", "Emee", "Dadi", "Halmeoni", "Jaddah", "Mamie", "Nain")
# A grandmother asked of by the word, in English or as the notes call her ("What's babička's
# address?", "tatik's phone number"), not by her name ("Oma Hilde's birthday").
_GRAN_ENGLISH = ("grandma", "granny", "grandmother", "gran", "nana")
_GRAN_ASKED = re.compile(r"\b(?i:" + "|".join([*_GRAN_ENGLISH, *(t.lower() for t in _GRAN_TITLES)])
                         + r")\b(?!['’]?s?\s+[A-Z])(?!\s+(?-i:[A-Z]))")


@functools.lru_cache(maxsize=64)
def _gran_called(titles: tuple[str, ...]) -> re.Pattern:
    """A grandmother called by one of `titles` before her name ("Oma Hilde", "babka Anna")."""
    return re.compile(r"(?<![\w'’])(?i:" + "|".join(titles) + r")\s+((?-i:[A-Z])[^\W\d_]+)")


def _titled_grandmothers(texts: Sequence[str], titles: Sequence[str] = _GRAN_TITLES) -> list[str]:
    """The different women the lines call "Grandma ...", "Oma ...", "babka ..." (of `titles`), each
    once by her name ("Grandma Nkechi" and "Nne Nkechi" are one)."""
    found: dict[str, str] = {}
    called = _gran_called(tuple(titles))
    for text in texts:
        for m in called.finditer(text):
            name = m.group(1)
            if name.lower() in STOP_WORDS or name.lower() in MONTHS or name in found:
                continue
            found[name] = f"{m.group(0).split()[0]} {name}"
    return list(found.values())


def _titled_doctors(texts: Sequence[str], want: str | None) -> list[str]:
    """The different people the lines call "Dr ..." beside a value of the asked kind, each once by
    the fullest form written ("Dr Haddad" is Dr Nadia Haddad)."""
    found: dict[str, str] = {}
    for text in texts:
        if want and not typed_values(text, want):
            continue
        for m in _DOCTOR.finditer(text):
            name = re.sub(r"['’]s$", "", m.group(2))
            surname = name.split()[-1]
            if surname.lower() in STOP_WORDS or surname.lower() in _PLACE_NOUNS:
                continue
            if len(name) > len(found.get(surname, ("", ""))[1]):
                found[surname] = (m.group(1), name)  # the title as the notes write it: "Dr. Hsu", "MUDr Nováková"
    return [f"{title} {n}" for title, n in found.values()]




def three_part_names(people: list[str], texts: Sequence[str], question: str) -> list[str]:
    """Namesakes asked back by the whole name the notes write ("Lee Kah Wai", "Mohammed Al
    Kaabi", "Jun Wei Ong"): a two-word name the notes continue with one more name word, and
    never another (capitalised, the name's run ending there, or at a weekday or a month: "Dr Lee
    Kah Wai Mon 30 Nov"), is asked back with it, so the user sees the names they wrote. Not a
    place or a company ("Hyde Park Surgery"), nor a word the question says."""
    out = []
    for p in people:
        words = p.split()
        seen: set[str] = set()
        for t in texts:
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(p)}(?![\w'’-])(?:\s+([A-Z][a-z][\w'’-]*))?(?:\s+([A-Z][\w'’-]*))?", t):
                third, after = m.group(1), m.group(2)
                if not (not third or third.lower() in _NOT_SURNAMES or third.lower() in STOP_WORDS or third.lower() in _PLACE_NOUNS
                        or re.search(rf"\b{re.escape(third.lower())}\b", question)
                        or (after and after.lower() not in _NOT_SURNAMES)):
                    seen.add(re.sub(r"['’]s$", "", third))
        # (Written short elsewhere too, "Per Ove sa ..." beside "Per Ove Dale på Mekonomen": the
        # whole name is the one the notes give once.)
        if len(words) == 2 and len(seen) == 1 and len(words[1].rstrip(".")) > 1:
            full = f"{p} {seen.pop()}"
            out.append(full if full not in out else p)
        else:
            out.append(p)
    return out


# A title before one name ("Dr. Ayla", "Dr. Laine"): that name may be given or family.
_TITLED = re.compile(r"(?:Dr|Dra|Mr|Mrs|Ms|Mx|Prof|Sr|Sra|Srta)\.?\s+([^\W\d_][\w'’-]+?)(?:['’]s)?")
_TITLE_WORD = r"(?:Dr|Dra|Mr|Mrs|Ms|Mx|Prof|Sr|Sra|Srta)\.?"


def titled_namesakes(name: str, texts: Sequence[str], question: str) -> list[str]:
    """Two people a titled name of the question fits: "Dr. Ayla" with Dr. Ayla Demir and Dr. Ayla
    Koç (a given name, two surnames), "Dr. Laine" with Dr. Sari Laine and Dr. Petri Laine (a family
    name, two given names, each written after a title in the notes)."""
    m = _TITLED.fullmatch(name)
    if not m:
        return []
    word = m.group(1)
    people = namesakes(word, texts, question)
    if len(people) >= 2:
        return people
    found: list[str] = []
    for t in texts:
        for g in re.finditer(rf"\b{_TITLE_WORD}\s+([^\W\d_a-z][^\W\d_]+)\s+{re.escape(word)}\b", t):
            given = g.group(1)
            if given.lower() in STOP_WORDS or re.search(rf"\b{re.escape(given.lower())}\b", question):
                continue
            if f"{given} {word}" not in found:
                found.append(f"{given} {word}")
    return found if len(found) >= 2 else []


def native_spellings(first: str, texts: Sequence[str]) -> list[str]:
    """How notes in Cyrillic or Greek write a first name the question gives in Latin letters
    ("Taras" -> "Тарас", "Giorgos" -> "Γιώργος"), in the form written most often."""
    if not first.isascii():
        return []
    want = stem(first)
    seen: dict[str, int] = {}
    for t in texts:
        if t.isascii():
            continue
        for w in re.findall(r"[\u0400-\u042f\u0490][\u0400-\u04ff\u02bc'’]*", t):
            if any(stem(f) == want and len(f) == len(first) for f in romanized(w)):
                seen[w] = seen.get(w, 0) + 1
        for w in re.findall(r"[\u0386-\u03ab][\u0386-\u03ce]*", t):
            if stem(greek_in_latin(w)) == want:
                seen[w] = seen.get(w, 0) + 1
    return sorted(seen, key=lambda w: -seen[w])[:1]


def family_named(first: str, text: str, question: str) -> Iterator[str]:
    """"Kang Minjun" for "Minjun": the family name first, as Korea, China, Japan and Hungary write
    it, where a card or a row is named ("Kang Minjun: phone: ...", "name: Oh Minjun").
    (Only a card's own lines, "Name: key: value", or a name field: German capitalises every noun,
    so "Zahnarzt Ella: Kontrolle ..." is no Ella Zahnarzt.)"""
    for m in re.finditer(rf"(?:^|\bname:\s*)([A-Z][a-z][\w'-]*)\s+{re.escape(first)}(?=\s*(?::\s*[\w -]{{1,25}}:\s|[;(]|$))", text):
        family = m.group(1)
        if (family.lower() in _NOT_SURNAMES or family.lower() in STOP_WORDS or family.lower() in _GREETINGS
                or re.search(rf"\b{re.escape(family.lower())}\b", question)):
            continue  # "Divya Menon's number": the question names her; Menon is no given name here
        yield f"{family} {first}"


def namesakes(first: str, texts: Sequence[str], question: str) -> list[str]:
    """The different people the notes call `first` with a surname or an initial after it, an
    initial ("Sophie T", "Chris O.") folded into the one full name it begins, if any."""
    found: list[str] = []
    family_first: list[str] = []
    for t in texts:
        # Any capital starts a surname ("Ondřej Šimek", "Zoë Ångström"), not only A-Z.
        for m in re.finditer(rf"\b{re.escape(first)}\s+([^\W\d_a-z](?:[^\W\d_A-Z][\w'-]*|\.|(?=['’]s\b)|(?![\w'’-])))", t):
            if not m.group(1)[0].isupper():
                continue
            last = re.sub(r"['’]s$", "", m.group(1))
            if last.lower() in _SCHOOL_LEVELS and re.match(r"\s*\d", t[m.end():]):
                continue  # "Jahmari Form 2 at Belmopan Comprehensive": his class, no surname
            if last.lower() in _NOT_SURNAMES or len(last) > 1 and (last.lower() in STOP_WORDS or re.search(rf"\b{re.escape(last.lower())}\b", question)):
                continue
            full = f"{first} {last}"
            if full not in found:
                found.append(full)
        # A contacts export's row: "First Name: Ondřej; Last Name: Malý".
        for m in re.finditer(rf"(?i:first name|given name):\s*{re.escape(first)}\s*;(?:\s*(?i:middle name):[^;]*;)?\s*"
                             rf"(?i:last name|surname|family name):\s*([^\W\d_][\w'-]*)", t):
            full = f"{first} {m.group(1)}"
            if full not in found:
                found.append(full)
        for full in family_named(first, t, question):
            if _role_word(full.split()[0]):
                continue  # "Tandläkare Alva" (Swedish: dentist Alva): a role before the name, no family name
            if full not in found and f"{first} {full.split()[0]}" not in found:
                found.append(full)
                family_first.append(full)
    # Notes that write `first` before a surname write names given name first: a card titled
    # "Data Bima" or "Renang Bima" (Bima's data, Bima's swimming) or "Honda Brio" beside "Bima
    # Prasetyo", "Brio Satya" is a word about them, not a family name.
    if len(family_first) < len(found):
        found = [f for f in found if f not in family_first]
    # "Selin Aydın: also known as: Selin Tuna" (a maiden name, an old name): one person.
    aliases = {m.group(1) for t in texts for m in re.finditer(rf"(?i:also known as|a\.?k\.?a\.?|née|nee|formerly|maiden name)\s*:?\s*"
                                                              rf"({re.escape(first)}\s+[^\W\d_][\w'-]*)", t)}
    if aliases and len(found) > 1:
        found = [f for f in found if f not in aliases] or found
    fulls = [f for f in found if len(f.split()[1].rstrip(".")) > 1]
    out = []
    for f in found:
        initial = f.split()[1].rstrip(".")
        if len(initial) == 1:
            # "Sophie T" beside "Sophie Tran" is one person; "Sophie T." and "Sophie T" too.
            if any(g.split()[1].startswith(initial) for g in fulls) or any(o.split()[1].rstrip(".") == initial for o in out):
                continue
        if any(_plain_letters(o) == _plain_letters(f) for o in out):
            continue  # "Emre Yıldız" and "Emre Yildiz": one name, typed with and without its letters
        out.append(f)
    return out


# Letters that carry no combining mark to strip, as a keyboard without them types them.
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
                        "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th", "İ": "I"})


def _plain_letters(name: str) -> str:
    return fold(name.translate(_PLAIN)).lower()


# Capitalised words that follow a first name without being a surname ("Sophie Monday", "Dave
# Then ...").
_SCHOOL_LEVELS = frozenset("form std standard grade year class level stage klasse classe grado ano".split())
_NOT_SURNAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
    sat sun january february march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec i""".split())
# Words before a name that are no family name ("Dear Minjun:", "Hi Anna;").
_GREETINGS = frozenset("dear hi hello hey dr mr mrs ms miss prof call text email met with from to cc".split())
# Names ending in these are places or organisations, not people ("Hyde Park Surgery").
_PLACE_NOUNS = frozenset("""surgery clinic hospital practice centre center school college university allotments
    street road lane avenue park bank office station library church gym club company ltd inc""".split())
_PERSON_GLOSS = re.compile(rf"(?:{_KIN}|{_ROLES}|godparent|coordinator|[a-z]+(?:ian|ist))")


def _person_word(word: str) -> bool:
    """A word for a person by kin or role, in English or glossed from the notes' language ("juf")."""
    return re.fullmatch(_KIN + "|" + _ROLES, word) is not None or _role_word(word)


def _role_word(word: str) -> bool:
    """A word of another language whose English gloss is a relation or role ("ninang": godmother)."""
    return word.lower() not in STOP_WORDS and any(_PERSON_GLOSS.fullmatch(g) for g in english_for(word))


# How notes title a person before the name: "Dr", "Dott.ssa", "Sig.ra", "Mme", "Frau".
_TITLE = r"(?i:Dr|Mr|Mrs|Ms|Mx|Prof|Dott|Dott\.ssa|Dr\.ssa|Sig|Sig\.ra|Avv|Ing|Sr|Sra|Srta|Dra|Dña|Mme|Mlle|Herr|Frau|Pan|Pani)"
