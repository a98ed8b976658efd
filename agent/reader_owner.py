"""Whose a line is: the user's own ("Kendra Tillett (me)"), or someone else's where the question
asks for the user's own or names another owner ("Mom's birthday" for "When is my birthday?")."""
from __future__ import annotations

import re

from agent.reader_kin import NAME_KEY
from agent.reader_question import CHAT_POST, QuestionInfo
from agent.reader_text import dates, KIN as _KIN, MONTHS, PERSON_ROLES as _ROLES, stem, WEEKDAYS
from agent.reader_versions import ASKS_OWN, MY_OWN_NUMBER


# "Me" in the languages a card or a vault page marks the user's own by ("Kendra Tillett (me)", "Yo - Yarisbeth").
_ME_WORDS = ("me", "moi", "yo", "eu", "ich", "ik", "jag")
_SAYS_ME = re.compile(rf"\((?:{'|'.join(_ME_WORDS)})\)", re.IGNORECASE)
_BIRTH_WORDS = re.compile(r"\b(?:birthday|bday|b-day|born|birth|dob)\b", re.IGNORECASE)
_ME = ("myself", "i", *_ME_WORDS)


def _dated_for_someone(text: str, question: str) -> bool:
    """A date written right after someone's name ("Shanelle - 23 Dec", "Marvin C. - 14 Feb",
    "Leo (02/09/2017)"), not after a label ("Born: 14-08-1989")."""
    for d in dates(text):
        at = text.find(d)
        before = re.search(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)\s*(?:[-–:]|\()\s*(?:adopted\s+|born\s+)?$", text[:at])
        if before and not _BIRTH_WORDS.search(before.group(1)) and not re.search(r"(?i)\bdate\b|\bdob\b", before.group(1)) \
                and before.group(1).lower() not in question and before.group(1).split()[0].lower() not in MONTHS + WEEKDAYS:
            return True
    return False


def other_owner(info: QuestionInfo, text: str, fields: dict[str, str] | None = None) -> bool:
    """The question asks about "my X" and the statement is about someone else's X ("Mom's
    birthday" for "When is my birthday?"), or the question names an owner the statement does not.
    A row about another person that names the asked one only as whose relation it is ("name:
    Fiona; relation: Saoirse's mum") is Fiona's, not Saoirse's."""
    low = text.lower().replace("’", "'")
    q = info.text.lower().replace("’", "'")
    # "When was I born?" asks for my birthday: "Amma's birthday: 15 March" is hers.
    q = re.sub(r"\b(?:was|were) i born\b", "is my birthday", q)
    q = re.sub(r"\bmy (?:bday|b-day|birth day|date of birth|dob)\b", "my birthday", q)  # "wen is my bday"
    if "my birthday" in q and re.search(r"\b[a-z]+'s (?:birthday|bday|b-day|birth)", low) \
            and not re.search(r"\bmy (?:birthday|bday|b-day|birth)|\bi was born\b|\bdate of birth\b", low):
        return True
    if "my birthday" in q and not re.search(r"\b(?:my|me|i|mine|myself)\b", low) and _dated_for_someone(text, q):
        # "Birthdays: Shanelle - 23 Dec" is Shanelle's; the user's own is under "Me" or says "my".
        return True
    if re.search(r"\bmy\b", q) and _slavic_someone_elses(low):
        return True
    if re.search(r"\b(?:my|our|i)\b", q) and not info.names and not info.owners and (post := CHAT_POST.match(text)) \
            and re.search(r"\b(?:i|i'm|my|we|we're|our|us|me)\b", low[post.end():]):
        # "16:20 Trisha Coye: We move!! New address: Hopkins": what someone else writes of
        # themselves in a chat is theirs, not the user's (the user's own messages carry no name).
        return True
    for m in re.finditer(r"\b(my|our) ([a-z]+)(?: ([a-z]+)\b(?!'))?", q):
        # "<Someone>'s <noun>" in the statement, and no "my <noun>" beside it; for "our family
        # doctor" the head noun too ("Mama's doctor in Enugu" is hers).
        for word in filter(None, m.group(2, 3)):
            noun = stem(word)
            if re.search(rf"\b[a-z]+'s {re.escape(noun)}", low) and not re.search(rf"\b(?:my|our) (?:[a-z]+ )?{re.escape(noun)}", low):
                return True
            # "Inti got his CI last year" is Inti's card, not mine.
            if re.search(rf"\b(?:his|her|their) {re.escape(noun)}", low) and not re.search(r"\b(?:my|our|mine|i|me)\b", low):
                return True
    for m in re.finditer(r"\b([a-z]+)'s ([a-z]+)(?: ([a-z]+)\b(?!'))?", q):
        # So for a named one: "Niko's number ..." is Niko's, not Marek's asked for, though the
        # sentence before it names Marek; unless the line names the asked one itself.
        owner = m.group(1)
        name = next((n.lower().split() for n in info.names if owner in n.lower().split()), None)
        if name is None or any(re.search(rf"\b{re.escape(w)}\b", low) for w in name):
            continue  # (a line with any word of the name, "Sophie T's deposit", may be theirs)
        if any(re.search(rf"\b(?!{re.escape(owner)}\b)[a-z]+'s {re.escape(stem(word))}", low) for word in filter(None, m.group(2, 3))):
            return True
    if (fields and info.want in ("address", "phone", "email") and re.search(r"\b(?:my|our)\b", q)
            and not info.names and not info.owners):
        # "What is our home address?": a contacts row whose relation cell says "Dad" is his row.
        kin = [v.strip().lower() for v in fields.values() if re.fullmatch(_KIN, v.strip().lower())]
        if kin and not any(re.search(rf"\b{re.escape(k)}\b", q) for k in kin):
            return True
    if (fields and info.want in ("phone", "email") and ASKS_OWN.search(q)
            and not info.names and not info.owners
            and not _SAYS_ME.search(text)
            and any(NAME_KEY.fullmatch(k.strip()) and re.match(r"\W*[A-Z]", v) for k, v in fields.items())):
        # "What is my phone number?": a contacts row ("Nombre: Carlos Pitti; Teléfono: ...") is
        # the number of the one it names, not mine (mine is marked "(me)" or said as mine).
        return True
    if info.want in ("phone", "email") and not ASKS_OWN.search(q) and MY_OWN_NUMBER.search(text):
        return True  # "Mi número nuevo: ..." is the user's own number, not the vet's asked for
    if info.want in ("phone", "email", "address"):
        # A line that opens with the asked one's relation ("Mama's doctor in Enugu ... phone::
        # +234 ...", a vault page about the doctor) gives that person's number, not theirs.
        for name in [*info.names, *info.owners]:
            word = re.escape(name.split()[0].lower())
            opens = re.match(rf"\W*{word}'s ({_KIN}|{_ROLES})\b", low)
            if opens and not re.search(rf"\b{word}'?s? {re.escape(opens.group(1))}\b", q):
                return True
        # "tuvshins phone?", typed in lower case, names no one by a capital; "хадам ээж — Tuvshin's
        # mother, Oyunaa, 8808 5512" gives his mother's number: the relation comes before it.
        typed_lower = [w for w in re.findall(r"\b([A-Z][a-z]{2,})['’]s\b", text) if not info.names and stem(w.lower()) in info.terms]
        for word in typed_lower:
            kin = re.search(rf"\b{re.escape(word.lower())}'s ({_KIN})\b", low)
            value = re.search(r"\d[\d\s().-]{4,}\d|@", low[kin.end():]) if kin else None
            # (Not where their own number comes first: "Nurlan your brother +7 747 555 3820 ...
            # Dana, Nurlan's wife +7 747 555 3821".)
            own = re.search(r"\d[\d\s().-]{4,}\d|@", low[:kin.start()]) if kin else None
            if kin and value and not own and not re.search(rf"\b{re.escape(kin.group(1))}\b", q):
                return True
    # A row's first cell, or a plain line's lead before its first separator ("Pat Holloway (Gran)
    # - Dev's mum, does school pickup - 555-0156" is Pat's line, not Dev's).
    first = next(iter(fields.values()), "") if fields else re.split(r"\s[-–—]\s|[:;,(]", text, maxsplit=1)[0]
    # (A full name leads it: "Goals: Isla's mum took her to get it x-rayed" is Isla's line.)
    if fields or re.match(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+\s*(?:\(|[-–—:,])", text):
        # A question typed in lower case ("owens cell?") names a person the row writes with a
        # capital ("Owen's mum"); unless the question asks for that relation itself.
        typed = [w for w in dict.fromkeys(re.findall(r"\b([A-Z][a-z]{2,})['’]s\b", text))
                 if stem(w.lower()) in info.terms and not re.search(rf"\b{w.lower()}'?s? {_KIN}(?:'?s)?\b", q)]
        for name in [*info.names, *typed]:
            word = re.escape(name.split()[0].lower())
            if re.search(rf"\b{word}'?s? {_KIN}\b", q):
                continue  # "Dev's mum's number" asks for the relation's own line
            if (word not in first.lower() and re.search(rf"\b{word}'s {_KIN}\b", low)
                    and not re.search(rf"\b{word}\b(?!'s {_KIN}\b)", low)):
                return True
    return False


# Bulgarian says whose a thing is with a clitic after its noun's article: "книжката му" (his
# licence), "паспортът ѝ" (her passport), "колата им" (their car); "ми" is mine.
_BULGARIAN_HIS = re.compile(r"(?<!\w)[\u0400-\u04ff]+(?:ът|ят|та|то|те) (?:му|ѝ|им)(?!\w)")
_BULGARIAN_MINE = re.compile(r"(?<!\w)(?:ми|мой|моя|моят|моята|моето|моите)(?!\w)")


def _slavic_someone_elses(low: str) -> bool:
    """A Bulgarian line about someone else's thing ("книжката му изтича 2027"), none of it mine."""
    return bool(_BULGARIAN_HIS.search(low)) and not _BULGARIAN_MINE.search(low)
