"""Whether a line is about the person or thing asked, and whether it says what they are ("Who is
X?" answered by "X, Max's teacher", not by X's phone number alone)."""
from __future__ import annotations

import re

from agent.reader_names import _name_words, _role_word
from agent.reader_question import QuestionInfo
from agent.reader_statements import StatementHit
from agent.reader_text import _DATE, _EMAIL, _PHONE, FAMILY_TITLES, KIN as _KIN, MONTHS, stem, WEEKDAY_ABBREVS, WEEKDAYS, words
from memory.gloss import romanized


def about(info: QuestionInfo, st: StatementHit) -> bool:
    """The statement is about the person or thing whose value is asked ("When is Owen's
    birthday?"): a row whose first column names them, or a statement that starts with them."""
    for owner in info.owners + [n.split()[0].lower() for n in info.names]:
        if len(owner) < 2:
            continue
        vals = list(st.fields.values()) if st.fields else []
        if vals and vals[0].lower().startswith(owner):
            return True
        if re.match(rf"^(?:[\w ,]+: )?{re.escape(owner)}\b(?![’']s)", st.text, re.IGNORECASE):
            return True
    return False


# A contacts table's free-text column says who someone is ("letting agent for the flat"), when
# the question asks just that ("Who is Candice Petersen?", not "What's my rate for Kleinhaus?").
_NOTE_WORDS = r"notes?|comments?|remarks?|description"
_NOTE_KEYS = re.compile(rf"\b(?:{_NOTE_WORDS})\b", re.IGNORECASE)
_DESCRIBES = re.compile(r"\b(?:relation|relationship|who|role|title|job|position|occupation|what|type|kind|species|is)\b",
                       re.IGNORECASE)
_HEADER_LINE = re.compile(r"^(?:to|from|cc|bcc|an|para|de|von|für|fuer)\s*:", re.IGNORECASE)
# (and the heading of a contacts list over the line: "contacts: Dhanraj Seepaul - 610-7724")
_CONTACT_WORDS = re.compile(r"\b(?:mobile|mob|cell|home|work|tel|phone|landline|e-?mail|fax|whatsapp|contacts?|phone ?book|address book)\b", re.IGNORECASE)
# The keys of an address book's name fields: "Lee Donghyun: first name: Donghyun" gives his name
# again, not who he is.
_NAME_KEYS = re.compile(r"(?i)\b(?:(?:first|given|last|family|full|middle|display|nick|sur)\s?names?|surname|names?|"
                        r"cn|sn|fn|givenname)\b")
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "aunt", "uncle", "zia", "zio"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir"}  # not "aunt": "Aunt Mary" says who she is


def _only_named(value: str, name: str) -> bool:
    """A cell that holds the asked name and nothing more ("Nurbek Isaev", "Dr Isaev")."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    said = {w.lower() for w in re.findall(r"[^\W\d_]+", value)}
    return bool(said & words) and said <= words | _HONORIFICS


def _contact_only(info: QuestionInfo, st: StatementHit) -> bool:
    """The line gives the asked name and contact details only ("Brenda Kaye: 01632 960735")."""
    if not info.names:
        return False
    # (A short key is part of a value: the "No: 171" of "address (work): Moda Cad. No: 171".)
    # ("who: Pat's wife" is a short key too, but it says who she is.)
    if st.fields and all(_CONTACT_KEY.fullmatch(k.strip()) or len(k.strip()) <= 3 and not _DESCRIBES.fullmatch(k.strip()) for k in st.fields) \
            and _CONTACT_KEY.fullmatch(next(iter(st.fields)).strip()):
        return True  # a card's detail line ("Ananya Kulkarni: slack: ananya.k")
    # "city: Rotterdam" on a card is where they are reached, not who they are.
    rest = _CONTACT_FIELD.sub(" ", st.text)
    for word in info.names[0].split():
        # ... and the surname the question leaves out ("Yasmin Bouzid: 06-55501455" for "Yasmin")
        rest = re.sub(rf"\b{re.escape(word)}\b(?:\s+[A-Z][\w'-]+){{0,2}}", " ", rest)
    rest = _CONTACT_WORDS.sub(" ", _NAME_KEYS.sub(" ", _PHONE.sub(" ", _EMAIL.sub(" ", rest))))
    return not re.search(r"[^\W\d_]{3,}", rest)  # words in any script ("кішка" says what Kava is)


# A contacts database's catch-all groups, which say nothing of who the person is to the user
# (a group that is a relation, "Family", "Friends", still says something).
_CONTACT_GROUPS = frozenset("services service household other others personal contacts contact misc business general".split())
# A contact card's details: where someone lives or how to reach them says nothing of who they are
# ("Graham Tuck: city: Lower Hutt" against "Landlord: Graham Tuck").
_CONTACT_KEY_WORDS = (r"(?:(?:home|work|business|mobile|cell|private|personal|other|primary|first|last|given|family|"
                          r"middle|full|display|e-?mail)\s*)*"
                          r"(?:city|town|address|street|zip|post(?:al)? ?code|country(?:/region)?|state|"
                          r"e-?mail|phone|mobile|cell|tel|telephone|fax|nick(?: ?name)?|name|surname|website|web ?page|url|birthday|"
                          r"nom|t[ée]l[ée]phone|num[ée]ro|number|"  # a French phone's export: "Nom: Mme Obone; Téléphone: 065 ..."
                          # a chat handle or a contact list's tag is how to find someone, not who they are
                          r"slack|github|gitlab|twitter|mastodon|telegram|signal|matrix|discord|skype|handle|username|"
                          r"tags?|labels?|also known as|aka|organi[sz]ation|company)"
                          # "phone (mobile)", "address (home)": a card says which one in brackets
                          r"(?:\s*\([^)]{1,20}\))?")
_CONTACT_KEY = re.compile(rf"(?i){_CONTACT_KEY_WORDS}")
_CONTACT_FIELD = re.compile(rf"(?i)(?:^|(?<=[;:|]))\s*(?:{_CONTACT_KEY_WORDS})\s*:[^;|]*")


def defines(info: QuestionInfo, st: StatementHit) -> bool:
    """For "Who is X?" / "What is X?": the statement says what X is, rather than something of X's:
    "X is a/my ...", "X, Max's teacher,", "X (cousin, ...)", "my brother X", "X: calico cat",
    a row naming X."""
    if about(info, st) and info.want not in (None,):
        return True
    m = re.match(r"^\W*(?:who|what)(?:'s| is| are| was)\s+(.+?)\W*$", info.text, re.IGNORECASE)
    if not m or not info.names or re.search(r"['’]s\b", m.group(1)):
        return False  # "Who is Pixel's vet?" asks for someone else
    parts = info.names[0].split()
    # "Mr. Pike" is written "Mr. Pike" or "Pike"; "Dr. Halvorsen" may be "Dr. Ingrid Halvorsen".
    word = parts[-1] if parts[0].lower().strip(".") in _TITLES and len(parts) > 1 else parts[0]
    x = re.escape(word)
    text = latin_names(st.text, info.names)
    if st.kind == "row" and st.fields:
        first = next(iter(st.fields.values()), "")
        # Named in its first column or its "name" column; "who: Momo" in a log of Momo's
        # bloodwork is something of Momo's, not what Momo is.
        # A row that only lists X's contact details ("name: Sophie; number: ...") does not say who X is.
        # ... nor does a contacts database's group ("Relationship: Services", "Friends").
        # A note that only says which number it is ("note: mobile") does not either.
        # A "who" column that holds X's name ("who: Nurbek Isaev; born: 19.03") names X, it does not say who X is.
        just_them = m.group(1).strip() == info.names[0]
        says_what = any((_DESCRIBES.search(k) or just_them and _NOTE_KEYS.search(k)) and v.strip().lower() not in _CONTACT_GROUPS
                        and not _CONTACT_KEY.fullmatch(v.strip()) and not _only_named(v, info.names[0])
                        for k, v in st.fields.items())
        return says_what and (bool(re.search(rf"\b{x}\b", first)) or any(re.match(rf"{x}\b", v) for k, v in st.fields.items()
                                                                         if re.search(r"\bname\b", k, re.IGNORECASE)))
    if (st.kind == "sentence" and st.topic.strip().lower() == info.names[0].lower() and len(parts) >= 2
            and not re.search(rf"\b{x}\b", text)
            and re.match(r"^(?:[A-Z][\w-]*['’]s|[Mm]y|[Oo]ur)\s+(?:[a-z-]+\s+){0,2}[a-z-]+\b", text)):
        return True  # "Fiona's husband, so my brother-in-law." on the page "# Graham Tait": who he is
    if _HEADER_LINE.match(text) or _contact_only(info, st):  # (a card's detail line is contact-only too)
        # "To: Priya Raman, 14 Gray's Inn Square" says whom a letter went to, "Brenda Kaye: 01632
        # 960735" her number: neither who she is.
        return False
    name = rf"{x}\b(?![’']s)(?: [A-Z][\w.-]*)*"
    if re.match(rf"^(?i:action items?|actions?|tasks?|to-?dos?|next steps|follow-?ups?)\s*:\s*{name}\s*:", text):
        return False  # "Action items: Joanne: sort Dad's photos": what she is to do, not who she is
    title = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.? )?"  # "Mr. Verbeek: landlord"
    # (and the possessives of French, Spanish and Portuguese notes: "Pélagie, ma meilleure amie")
    det = r"(?:a|an|the|my|our|your|his|her|their|one|ma|mon|notre|mi|nuestr[ao]|minha|meu|[A-Z][\w-]*['’]s)"
    # (A word after the name may be how the notes call them, "Zuhra buvi", "Sardor aka".)
    called = r"(?: [a-z][^\W\d_]*)?"
    keyed = re.match(rf"^(?:[^:]{{1,40}}: )?{title}{name}{called}\s*(?::|[—–-] )", text)
    if keyed and not re.search(r"[^\W\d_]{3,}", _DATE.sub(" ", _PHONE.sub(" ", _EMAIL.sub(" ", text[keyed.end():])))):
        return False  # "Birthdays: Ruan: 1990/11/23", "Tug'ilgan kunlar: Zuhra buvi — 01.05.1940": a birthday, not who
    if keyed and (alias := re.match(r"\s*(?:aliases|alias|aka|also known as)\s*:\s*(.*)", text[keyed.end():], re.IGNORECASE)) \
            and not any(w.lower() in FAMILY_TITLES or re.fullmatch(_KIN, w.lower()) for w in re.findall(r"[^\W\d_]+", alias.group(1))):
        return False  # "Shona Hart: aliases: Dr Hart" is another name for her; "aliases: Grandma, Nne Nkechi" says who she is
    if re.match(rf"^(?:[^:]{{1,40}}: )?{title}{name}{called} [—–-] (?:{det} )?[a-z]", text):
        return True  # "Zuhra buvi — my mother's mother, lives in Urgut"
    return bool(
        re.match(rf"^(?:[\w ,]+: )?{title}{name}(?: is| was| are| has been| had been)(?: not)? {det}\b", text)
        or re.match(rf"^(?:[\w ,]+: )?{title}{name}(?:,| \(|:)", text)
        or re.search(rf"\b(?i:hired|took on|met|know|knew) {name} as (?:a |an |the |our |my )?(?:[A-Z][a-z]+ )?[a-z]", text)
        or re.search(rf"\b{name}, {det} [\w' -]{{2,40}}?[,.;)]", text)
        or re.search(rf"\b{name} \((?!\d)", text)
        or re.search(rf"\b{name} (?:is|was|has been|had been) {det} ", text)
        or re.search(rf"\b(?:my|our|your|his|her|their|[A-Z][\w-]*['’]s) (?:[a-z-]+ ){{0,2}}[a-z-]+,? (?:[A-Z][\w.]* )?{x}\b", text)
        # "physio: Amara", "Landlord: Raymond Kinsella, managed through ...": keyed by a role.
        # (Not a date's month: "w/c 22 Sep: Kit will do Saturdays" is a log line; nor a card's "Name:" or "Phone numbers:".)
        or re.search(rf"\b(?!(?i:{_MONTH_OR_DAY}|name|contacts?|who|to|from|cc|by|with|numbers?|phones?|mobile|e-?mail|address)\b)[A-Za-z][a-z]+: {x}\b", text)
        # "Голова правління — Петро Мельник" (head of the board — X), "репетиторка Олена Бойко"
        # (the tutor X): a role keyed by a dash, or a Cyrillic noun before the name.
        or re.search(rf"(?:^|[.:;!]\s)\s*[^\W\d_][\w ]{{2,40}} [—–] {name}", text)
        or re.search(rf"(?<!\w)[\u0430-\u045f\u02bc]{{4,}} {name}", text)
        # "si Ninang Weng", "educatoare Lavinia Rusu": a word the glosses call a person's role or
        # relation, right before the name.
        or any(_role_word(w) for w in re.findall(rf"(?<![\w'ʼ-])([^\W\d_][\w'ʼ-]+) {name}", text))
    )


_MONTH_OR_DAY = "|".join([*MONTHS, *WEEKDAYS, *WEEKDAY_ABBREVS])


def latin_names(text: str, asked: list[str]) -> str:
    """`text` with the Cyrillic words that spell the asked names in Latin letters written as the
    question writes them ("Галина Степанівна" -> "Halyna Stepanivna" for "Who is Halyna
    Stepanivna?"), so a line is read for what it says of the person as an English line is."""
    if text.isascii() or not asked:
        return text
    want = {stem(w): w for n in asked for w in _name_words(n)}

    def latin(m: re.Match) -> str:
        for form in romanized(m.group(0)):
            if stem(form) in want:
                return want[stem(form)]
        return m.group(0)
    return re.sub(r"[\u0400-\u04ff][\u0400-\u04ff\u02bc'’]*", latin, text)
