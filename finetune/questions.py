"""Questions a person asks about a fact, from its frame. Two separate families:

- the TRAINING family: direct wh-questions chosen by the value's entity type (who / when / where /
  how many / how much / what is X called), the reverse direction for relations between two named
  things, and casual forms (lower case, no punctuation, "??", a typo, "hey", contractions);
- the HELD-OUT family: other sentence forms (embedded questions: "Do you remember who my manager
  is?", "I forgot where I work.", "Remind me who Priya Raman is."), never trained on, so the
  held-out score says whether the fact was learned, not whether a template was.

Questions are in the user's voice ("my", "I"): "I married Grace" -> "Who did I marry?", never
"What did I marry?" (a PERSON value is asked with who).
"""
from __future__ import annotations

import random
import re

from finetune.facts import Fact, second_person

MIN_QUESTIONS = 30
REVERSE_TYPES = {"PERSON", "ORG", "NAME", "PRODUCT", "WORK_OF_ART", "FAC"}
_PREFIXES = ["hey, ", "quick question: ", "um ", "so ", "ok ", "hi! ", "remind me, ", "anima, "]
_SUFFIXES = [" again?", " exactly?", "??", "?", " pls?"]
# A few relations people ask about with another word ("Who is my wife?" for "I married Grace").
_ROLE_OF_VERB = {"marry": ["spouse", "wife", "husband"], "manage": ["manager"], "teach": ["teacher"],
                 "date": ["partner"], "treat": ["doctor"]}
# The same with the preposition the verb takes: "I report to Seun" -> "Who is my manager?"
_ROLE_OF_VERB_PREP = {("report", "to"): ["manager", "boss"], ("work", "for"): ["boss"]}


def _wh(vtype: str, prep: str = "", rel: str = "") -> list[str]:
    """Question words for a value of this type, the preposition left at the end where English strands it."""
    if vtype in ("DATE",):
        return ["Since when"] if prep == "since" else ["When", "What date"] if prep in ("on", "") else ["When"]
    if vtype == "TIME":
        return ["What time", "When"]
    if vtype in ("GPE", "LOC", "FAC") or (prep in ("at", "in", "to", "near", "from") and vtype in ("ORG", "NAME")):
        return ["Where"]
    if rel in ("name", "called", "nickname") or vtype == "PHONE":
        return ["What"]
    if vtype == "PERSON" and prep in ("at", "in"):
        return ["Where"]
    if vtype == "PERSON" and prep in ("to", "with", "for", "by"):
        return ["Who"]  # "Who do I report to?", not "Where do I report?"
    if vtype == "PERSON":
        return ["Who"]
    if vtype in ("CARDINAL", "QUANTITY"):
        return ["How many", "What"]
    if vtype == "MONEY":
        return ["How much"]
    return ["What"]


def _strand(wh: str, prep: str) -> str:
    # "What does tidepool run on?": a what/who question keeps its preposition at the end; where/when
    # questions hold it in the question word ("Where do I work?", not "... work at?")
    if not prep or wh in ("Where", "When", "Since when", "What time", "What date") or prep in ("since", "during"):
        return ""
    return " " + prep


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _q(s: str) -> str:
    s = " ".join(s.split()).replace(" ?", "?").replace(" .", ".")
    return _cap(s)


def _poss(subj: str) -> str:
    """"my" for "I", "my sister's" for "my sister", "Anja's" for "Anja"."""
    if subj == "I":
        return "my"
    return subj + ("'" if subj.endswith("s") else "'s")


# Columns that say what a person is: "Who is Tobias Weber?" is answered by his role, and "Who is
# the QA lead?" asks it backwards.
_ROLE_RELS = {"role", "title", "job", "position", "occupation", "job title", "relation", "relationship"}
# What a thing costs: asked "how much", never "What is X's amount?" alone.
_MONEY_RELS = {"amount", "price", "cost", "cost per year", "cost per month", "fee", "total", "rate", "rent", "paid",
               "charge", "monthly cost", "yearly cost", "annual cost"}
# Where a person is: "Where does Owen live?" for a "city" column.
_PLACE_RELS = {"city", "town", "location", "home town", "hometown", "lives in", "based in"}
# A noun people ask about with its adjective: "What am I allergic to?" for "Allergy: peanuts".
_ADJ_OF_REL = {"allergy": "allergic to", "allergies": "allergic to"}
# Another word for the same relation: "What is my sister's phone number?" for a "phone" column.
_REL_SYNONYMS = {"phone": ["phone number", "number", "cell"], "mobile": ["phone number", "number", "cell"],
                 "cell": ["phone number", "number"], "email": ["email address"], "address": ["home address"],
                 "birthday": ["date of birth"], "date of birth": ["birthday"], "dob": ["birthday"],
                 "mom": ["mother"], "mother": ["mom"], "dad": ["father"], "father": ["dad"]}


def _forward(f: Fact) -> list[str]:
    fr = f.frame
    vt = f.value_type
    qs: list[str] = []
    if fr is None:
        return qs
    if fr.form == "attr":
        own, rel = fr.owner, fr.rel
        if rel.lower() in _ROLE_RELS and own != "my":
            who = own[:-2] if own.endswith("'s") else own.rstrip("'")
            qs += [f"Who is {who}?"] if rel.lower().startswith("relation") else \
                [f"Who is {who}?", f"What does {who} do?", f"What is {who}'s job?"]
        adj = _ADJ_OF_REL.get(rel.lower())
        if adj:
            if own == "my":
                many = rel[:-1] + "ies" if rel.endswith("y") else rel
                qs += [f"What am I {adj}?", f"Am I {adj} anything?", f"Do I have any {many}?", f"What {many} do I have?"]
            else:
                who = own[:-2] if own.endswith("'s") else own.rstrip("'")
                qs += [f"What is {who} {adj}?", f"What {rel} does {who} have?"]
        thing = "I" if own == "my" else (own[:-2] if own.endswith("'s") else own.rstrip("'"))
        low = rel.lower()
        if low in _MONEY_RELS:
            x = f"my {rel}" if own == "my" else thing
            qs += [f"How much is {x}?", f"How much was {x}?", f"How much did {x} cost?", f"What does {x} cost?"]
            if own != "my":
                qs += [f"How much do I pay for {x}?", f"How much do we pay for {x}?", f"How much did I pay for {x}?"]
            if low.endswith(("per year", "per month")) or low.startswith(("monthly", "yearly", "annual")):
                per = "a year" if "year" in low or "annual" in low else "a month"
                qs += [f"How much is {x} {per}?", f"How much do we pay for {x} {per}?"]
        if low in ("date", "day") and own != "my":  # a ledger row's date: when the thing was
            qs += [f"When was {thing}?", f"What date was {thing}?", f"When did I pay for {thing}?", f"When did we buy {thing}?"]
        if low.startswith("who ") and own != "my":  # "who paid": "Who paid for Rin's yukata?"
            qs += [f"Who {rel[4:]} for {thing}?", f"Who {rel[4:]} {thing}?"]
        if low in ("paid with", "card", "payment", "payment method") and own != "my":
            qs += [f"What did I pay for {thing} with?", f"How did I pay for {thing}?", f"Which card is {thing} on?"]
        if low in _PLACE_RELS and own != "my" and vt in ("GPE", "LOC", "FAC", "NAME", "THING", "ORG"):
            qs += [f"Where does {thing} live?", f"What city does {thing} live in?", f"Where is {thing} based?",
                   f"Where is {thing}?"]
        if own.endswith("'s") and "'s " in own and low not in _MONEY_RELS:
            # "Momo's methimazole's dose": asked "What is Momo's methimazole dose?"
            qs += [f"What is {thing} {rel}?", f"{thing} {rel}?"]
        if own.startswith("my trip to "):  # a travel note's keys: "When do I fly to Lisbon?"
            place = re.sub(r"'s?$", "", own[len("my trip to "):])  # "Paris's" -> "Paris"
            trip = own[:-2] if own.endswith("'s") else own
            if low in ("dates", "date", "when"):
                qs += [f"When is {trip}?", f"When do I fly to {place}?", f"When do I go to {place}?",
                       f"When am I in {place}?", f"When is the {place} trip?"]
            elif low in ("hotel", "accommodation", "stay", "staying", "lodging"):
                qs += [f"Where am I staying in {place}?", f"What is my hotel in {place}?", f"Which hotel in {place}?"]
            elif "flight" in low:
                qs += [f"What is my flight to {place}?", f"Which flight do I take to {place}?", f"When does my flight to {place} leave?"]
        if low.startswith(("previous ", "former ", "last ", "old ")):  # "What was my previous job?"
            qs += [f"What was {own} {rel}?"] + (["What did I do before?"] if own == "my" and "job" in low else [])
            if own == "my" and low.endswith(("job", "role", "position")):
                qs += ["Where did I work before?", "What was my last job?", "What job did I have before this one?"]
        if low in ("root cause", "cause", "reason") and own != "my":  # "What caused the outage?"
            qs += [f"What caused {thing}?", f"Why did {thing} happen?", f"What was the cause of {thing}?"]
        head = re.split(r" (?:for|of|at|in|with|on) ", rel)[0]  # "buzzer code for guests" is one code
        cop = "are" if head.endswith("s") and not head.endswith("ss") and vt not in ("PERSON",) else "is"
        for wh in _wh(vt, rel=rel):
            if wh in ("How many", "How much"):
                continue  # "How many is my X" is not English
            qs.append(f"{wh} {cop} {own} {rel}?")
        qs += [f"What {cop} {own} {rel}?", f"What's {own} {rel}?", f"Tell me {own} {rel}.", f"Do you know {own} {rel}?",
               f"{own} {rel}?", f"{rel} of {'mine' if own == 'my' else own.rstrip('s').rstrip(chr(39))}?"]
        if rel in ("name", "called", "nickname"):
            qs += [f"What is {own} {rel}?", f"{own} {rel}??"]
        elif vt == "PERSON" or (vt == "NAME" and fr.owner == "my"):
            qs += [f"Who's {own} {rel}?", f"What is the name of {own} {rel}?", f"name of {own} {rel}?",
                   f"What is {own} {rel} called?", f"What's {own} {rel}'s name?"]
        if vt in ("DATE", "TIME"):
            qs += [f"When's {own} {rel}?"]
        if rel.lower() in ("birthday", "date of birth", "dob"):  # "When was Rin born?"
            qs += ["When was I born?"] if own == "my" else [f"When was {own[:-2] if own.endswith(chr(39) + 's') else own.rstrip(chr(39))} born?"]
        if vt in ("GPE", "LOC", "FAC"):
            qs += [f"Where is {own} {rel}?"]
    elif fr.form == "verb":
        subj, aux, verb, prep, rest = fr.subj, fr.aux, fr.verb, fr.prep, fr.rest
        if (f.relation.split()[0], prep) in _ROLE_OF_VERB_PREP and vt in ("ORG", "NAME", "GPE"):
            vt = "PERSON"  # one reports to a person, whatever the tagger made of the name
        for wh in _wh(vt, prep):
            tail = _strand(wh, prep)
            if wh == "How many":
                continue
            qs.append(f"{wh} {aux} {subj} {verb} {rest}{tail}?")
            if rest:
                qs.append(f"{wh} {aux} {subj} {verb}{tail}?")
        if vt not in ("PERSON",) and not prep and aux:
            qs.append(f"What {aux} {subj} {verb} {rest}?")
        # the same question embedded in other sentences: more forms of one sighting of the value
        wh0 = _wh(vt, prep)[0]
        body = f"{wh0.lower()} {subj} {fr.verb_written} {rest}{_strand(wh0, prep)}"
        qs += [f"Do you know {body}?", f"Tell me {body}.", f"Any idea {body}?"]
        roles = _ROLE_OF_VERB.get(f.relation.split()[0], []) if not prep else _ROLE_OF_VERB_PREP.get((f.relation.split()[0], prep), [])
        for role in roles if subj == "I" and vt == "PERSON" else []:
            qs += [f"Who is my {role}?", f"What is my {role}'s name?", f"name of my {role}?"]
        if fr.mine and vt == "PERSON" and subj.startswith("my "):  # "Lessons with X" under "Cello:": X teaches
            what = " ".join(subj.split()[1:-1])
            qs += [f"Who teaches me {what}?", f"Who is my {what} teacher?"] if what else ["Who is my teacher?"]
        lemma = f.relation.split()[0]
        if lemma == "born" and vt == "DATE":  # the day one was born is asked as a birthday
            p = _poss(subj)
            qs += [f"When is {p} birthday?", f"What is {p} date of birth?", f"What's {p} birthday?"]
        if lemma == "live" and prep == "at" and vt in ("FAC", "LOC", "THING", "CARDINAL", "NAME"):  # a street address
            qs += [f"What is {_poss(subj)} address?", f"What is {_poss(subj)} home address?"]
        if lemma == "work" and prep == "as":  # an occupation
            d = "do" if subj == "I" else "does"
            qs += [f"What {d} {subj} do for work?", f"What {d} {subj} do for a living?", f"What is {_poss(subj)} job?"]
    elif fr.form == "named":
        own, rel = fr.owner, fr.rel
        qs += [f"What is {own} {rel} called?", f"What's {own} {rel}'s name?", f"What is the name of {own} {rel}?",
               f"What is {own} {rel}'s name?", f"name of {own} {rel}?", f"{own} {rel}'s name?",
               f"What's {own} {rel} called?", f"Tell me the name of {own} {rel}."]
        if own == "my":
            qs += ["What do I call my " + rel + "?", "What did I name my " + rel + "?"]
        if vt == "PERSON":
            qs += [f"Who is {own} {rel}?", f"Who's {own} {rel}?"]
    elif fr.form == "agent":
        body = f"who {fr.verb_written} {fr.rest}"
        qs += [f"Who {fr.verb_written} {fr.rest}?", f"Do you know {body}?", f"Tell me {body}.", f"Any idea {body}?",
               f"Who is it that {fr.verb_written} {fr.rest}?"]
    elif fr.form == "isa":
        who = "Who" if vt == "PERSON" or f.value_type == "PERSON" else "What"
        if fr.subj[:1].isupper() and who == "What":
            qs.append(f"Who is {fr.subj}?")  # a pet, a named thing: people ask "who" too
        qs += [f"{who} is {fr.subj}?", f"What is {fr.subj}?", f"Tell me what {fr.subj} is.", f"{fr.subj}?",
               f"What kind of {fr.rel.split()[-1]} is {fr.subj}?" if fr.rel else f"What is {fr.subj}?"]
    return [_q(x) for x in dict.fromkeys(qs)]


def _whole_name(f: Fact) -> bool:
    """The value is the name itself (after an article or a title, before an apposition), not a
    longer value a name sits in: "Dr. Meera Patel, Hawthorne Family Medicine" is Meera Patel, but
    "bouldering mostly, hardest send V5" is not V5 and "Mom's birthday is on 11 November — order
    flowers ..." is no one; asked backwards, those say nothing a person would ask."""
    v = re.sub(r"^(?:the|a|an|our|my|your)\s+", "", f.value.strip(), flags=re.I)
    v = re.sub(r"^(?:dr|mr|mrs|ms|prof)\.?\s+", "", v, flags=re.I)
    head = re.split(r",| \(| - | — ", v)[0].strip()
    return bool(f.answer) and _norm(head) == _norm(f.answer)


# A number or a code someone is asked back about: "Whose number is 604 555 0175?", "What is CM-88214-B?".
def _is_code(v: str) -> bool:
    """A policy, plate or frame number: short, every word a digit-bearing or capital code, two digits
    or more, and not a year or a span of years ("41 Alder Street", "2014-2017" are not codes)."""
    words = v.split()
    if not v or len(v) > 24 or len(words) > 3 or sum(c.isdigit() for c in v) < 2:
        return False
    if re.fullmatch(r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?", v):
        return False
    if not any(c.isalpha() for c in v) and sum(c.isdigit() for c in v) < 5:
        return False  # "12", "3 4": counts, not codes
    return all(re.fullmatch(r"[A-Z0-9./-]*\d[A-Z0-9./-]*|[A-Z]{1,4}", w) for w in words)


_GENERIC_HEADS = {"number", "name", "code", "id", "date", "address", "no", "details", "info"}
_PHONE_RELS = {"phone", "mobile", "cell", "number", "phone number", "telephone", "tel", "landline"}


def _answer_words(rel: str) -> list[str]:
    """A relation as an answer may word it: "primary doctor" is answered "your doctor" too, "mom" "mother"."""
    out = [rel]
    words = rel.split()
    if len(words) > 1 and words[-1].isalpha():
        # "bike frame number" is answered "your frame number", not just "number": a generic head keeps its noun
        out.append(" ".join(words[-2:]) if words[-1].lower() in _GENERIC_HEADS else words[-1])
    out += [x for x in _REL_SYNONYMS.get(rel.lower(), []) if x not in ("number",)]
    return list(dict.fromkeys(out))


def _reverse_code(f: Fact) -> tuple[list[str], list[str], list[str], str]:
    """A phone number or a code asked back: whose it is, what it is."""
    fr = f.frame
    v = f.answer or f.value
    rel = fr.rel
    phone = f.value_type == "PHONE" or rel.lower() in _PHONE_RELS
    who = "" if fr.owner == "my" else (fr.owner[:-2] if fr.owner.endswith("'s") else fr.owner.rstrip("'"))
    if phone and not who:
        return [], [], [], ""  # one's own number asked back is no question anyone asks
    owner = second_person(fr.owner, capitalize=False)
    target = f"{v} is {owner} {rel}."
    answers = ([who] + [a for a in f.aliases if a.split()[0] not in ("my", "the")] +
               [a.split(" ", 1)[1] for a in f.aliases if a.startswith("my ")]) if who else _answer_words(rel)
    if phone:
        train = [f"Whose number is {v}?", f"Whose phone number is {v}?", f"Who has the number {v}?", f"Who is {v}?",
                 f"whose number is this {v}", f"Who does {v} belong to?"]
        held = [f"Do you remember whose number {v} is?", f"Remind me whose number {v} is."]
    else:
        train = [f"What is {v}?", f"What's {v}?", f"{v}?", f"What is {v} for?", f"what is {v} again"]
        if who:
            train += [f"Whose {rel} is {v}?"]
        held = [f"Do you remember what {v} is?", f"Remind me what {v} is."]
    return [_q(x) for x in dict.fromkeys(train)], held, list(dict.fromkeys(a for a in answers if a)), target


def _reverse(f: Fact) -> tuple[list[str], list[str], list[str], str]:
    """(training reverse questions, held-out reverse questions, acceptable answer spans, the
    answer trained: "" for the statement)."""
    fr = f.frame
    if fr is None or fr.form == "agent":
        return [], [], [], ""  # its value is the one who did it: asked forward already ("Who covers for me?")
    if fr.form == "isa":
        if not fr.mine or not fr.rel:
            return [], [], [], ""
        rel = fr.rel
        last = rel.split()[-1]
        train = [f"What is my {rel} called?", f"What's the name of my {rel}?", f"name of my {rel}?", f"What is my {last}'s name?",
                 f"Who is my {rel}?", f"my {rel}'s name?"]
        held = [f"Do you remember what my {rel} is called?", f"I forgot the name of my {rel}."]
        return [_q(x) for x in dict.fromkeys(train)], held, [f.subject], ""
    if fr.form == "attr" and fr.rel.lower() in _ROLE_RELS and f.subject != "you" and len(f.value.split()) <= 5:
        role = re.sub(r"\s*\(.*\)$", "", f.value).strip()
        train = [f"Who is the {role}?", f"Who is our {role}?", f"who's the {role}", f"Who is my {role}?"]
        if fr.rel.lower().startswith("relation"):  # one's husband, not "the husband"
            train = [f"Who is my {role}?", f"who's my {role}", f"What is my {role}'s name?", f"name of my {role}?"]
        the = "my" if fr.rel.lower().startswith("relation") else "the"
        held = [f"Do you remember who {the} {role} is?", f"Remind me who {the} {role} is."]
        return [_q(x) for x in dict.fromkeys(train)], held, [f.subject], ""
    if fr.form == "attr" and (f.value_type == "PHONE" or _is_code(f.answer or f.value or "")) and \
            f.value_type not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return _reverse_code(f)
    # "What is Hamburg?" is general knowledge, not the user's: places and dates are not reversed
    named_value = f.value_type in REVERSE_TYPES and f.answer and f.answer[:1].isupper() and _whole_name(f)
    named_subject = f.subject == "you" or f.subject[:1].isupper()
    if not (named_value and named_subject) or (fr.form == "attr" and fr.owner == "my" and fr.rel.lower() == "name"):
        return [], [], [], ""  # and "Who is Lena Hoffmann?" of the user's own name is not a link to anyone
    v = f.answer
    # "Who is STM32G4?" is not English: a person, or a name of capitalised words (a pet, a gym)
    person_like = f.value_type == "PERSON" or (f.value_type == "NAME" and all(w[:1].isupper() and w.isalpha() for w in v.split())
                                               and not (fr.form == "verb" and fr.prep in ("at", "in", "from", "to", "near")))
    who = "Who" if person_like else "What"
    answers: list[str] = []
    target = ""
    if fr.form in ("attr", "named"):
        answers = _answer_words(fr.rel)
        if f.subject != "you":
            answers.append(f.subject)
        # the name first, as an answer to "Who is X?" starts: "Anja Hoffmann is your sister."
        target = f"{v} is {second_person(fr.owner, capitalize=False)} {fr.rel}." if fr.form == "attr" else ""
    else:
        answers = [fr.verb_written.split()[-1]] if fr.verb_written else []
        if f.subject != "you":
            answers.append(f.subject)
        answers += _ROLE_OF_VERB.get(f.relation.split()[0], [])
    if not answers:
        return [], [], [], ""
    train = [f"{who} is {v}?", f"What do you know about {v}?", f"{v}?", f"Tell me about {v}.",
             f"What is {v} to me?" if f.subject == "you" else f"How is {v} connected to {f.subject}?"]
    if f.value_type == "PERSON":
        train += [f"How do I know {v}?", f"who's {v}"]
        first = v.split()[0]
        if len(v.split()) >= 2 and first[:1].isupper() and not first.endswith(".") and first.lower() not in ("dr", "mr", "mrs", "ms"):
            # people are asked about by first name ("Who is Anja?"); a first name two people share
            # is dropped as ambiguous when the dataset is built
            train[1:1] = [f"Who is {first}?"]  # among the first forms: the dataset takes the first ones
            train += [f"who's {first}", f"What do you know about {first}?"]
    held = [f"Do you remember who {v} is?" if who == "Who" else f"Do you remember what {v} is?",
            f"Remind me who {v} is." if who == "Who" else f"Remind me what {v} is."]
    return [_q(x) for x in dict.fromkeys(train)], held, answers, target


def _heldout_forward(f: Fact) -> list[str]:
    """The second family: embedded questions and statements of not knowing, never trained on."""
    fr = f.frame
    if fr is None:
        return []
    vt = f.value_type
    wh = _wh(vt, fr.prep, fr.rel)[0].lower()
    if wh in ("how many", "which company"):
        wh = "what"
    if fr.form == "agent":
        body = f"who {fr.verb_written} {fr.rest}"
        return [f"Do you remember {body}?", f"I forgot {body}.", f"Can you remind me {body}?"]
    if fr.form == "named":
        return [f"Do you remember what {fr.owner} {fr.rel} is called?", f"I forgot the name of {fr.owner} {fr.rel}.",
                f"Can you remind me what {fr.owner} {fr.rel} is called?"]
    if fr.form == "attr":
        cop = "are" if fr.rel.endswith("s") and not fr.rel.endswith("ss") and vt != "PERSON" else "is"
        body = f"{wh} {fr.owner} {fr.rel} {cop}"
    elif fr.form == "verb":
        subj = fr.subj
        body = f"{wh} {subj} {fr.verb_written} {fr.rest}{_strand(_wh(vt, fr.prep)[0], fr.prep)}"
    else:
        body = f"{'who' if vt == 'PERSON' else 'what'} {fr.subj} is"
    body = " ".join(body.split())
    return [f"Do you remember {body}?", f"I forgot {body}.", f"Can you remind me {body}?"]


def casual(q: str, rng: random.Random) -> list[str]:
    """How people type it: lower case without punctuation, "??", a typo, a greeting, a contraction."""
    base = q.rstrip("?.!")
    out = [base.lower(), re.sub(r"[^\w' ]", "", base).lower().replace("'", ""), base + "??", q.lower()]
    words = base.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if long:
        i = rng.choice(long)
        w = words[i]
        j = rng.randrange(1, len(w) - 2)
        typo = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        out.append(" ".join(words[:i] + [typo] + words[i + 1:]) + "?")
    out.append(rng.choice(_PREFIXES) + q[:1].lower() + q[1:])
    out.append(base + rng.choice(_SUFFIXES))
    contr = re.sub(r"\b(What|Who|Where|When) is\b", lambda m: m.group(1) + "'s", q)
    if contr != q:
        out.append(contr)
    return out


def _variants(f: Fact) -> list[Fact]:
    """The fact as asked with other words for its owner or relation: its aliases ("my sister" for
    "Anja Hoffmann") and synonyms of the relation ("phone number" for "phone")."""
    fr = f.frame
    out: list[Fact] = []
    if fr is None:
        return out
    for alias in f.aliases:
        g = f.model_copy(deep=True)
        if fr.form == "verb" and fr.subj == f.subject:
            g.frame.subj = alias
            g.frame.aux = {"do": "does", "are": "is", "were": "was", "have": "has"}.get(fr.aux, fr.aux)
        elif fr.form in ("attr", "named") and fr.owner.lower().startswith(f.subject.lower()):
            g.frame.owner = _poss(alias)
        elif fr.form == "isa" and fr.subj == f.subject:
            g.frame.subj = alias
        else:
            continue
        out.append(g)
    if fr.form == "attr":
        for base in [f] + out:
            for syn in _REL_SYNONYMS.get(fr.rel.lower(), []):
                g = base.model_copy(deep=True)
                g.frame.rel = syn
                out.append(g)
    return out


def add_questions(f: Fact, minimum: int = MIN_QUESTIONS) -> Fact:
    rng = random.Random(f.id)
    fwd = _forward(f)
    for g in _variants(f):
        fwd += [q for q in _forward(g) if q not in fwd]
    rev, held_rev, rev_answers, rev_target = _reverse(f)
    if not fwd:
        f.questions = []
        return f
    held = _heldout_forward(f)
    held_norm = {_norm(q) for q in held + held_rev}
    seen: set[str] = set()  # exact strings: "Who is my manager??" is another input than "...?"
    qs: list[str] = []

    def add(q: str) -> None:
        n = _norm(q)
        if n and n not in held_norm and q not in seen:
            seen.add(q)
            qs.append(q)

    for q in fwd:
        add(q)
    f.forms = len(qs)
    for q in fwd:
        for c in casual(q, rng):
            add(c)
    tries = 0
    while len(qs) < minimum and tries < 200:  # more casual mixes until the fact has enough
        tries += 1
        c = rng.choice(casual(rng.choice(fwd), rng))
        add(c if c.lower().startswith(tuple(x.strip() for x in _PREFIXES)) else rng.choice(_PREFIXES) + c)
    rq: list[str] = []
    # every reverse form first, then casual variants: the dataset takes the first ones
    for c in rev + [c for q in rev for c in casual(q, rng)[:3]]:
        n = _norm(c)
        if n and n not in held_norm and c not in seen:
            seen.add(c)
            rq.append(c)
    f.questions, f.reverse_questions, f.reverse_answers = qs, rq, rev_answers if rq else []
    f.reverse_target = rev_target if rq else ""
    f.heldout_questions, f.heldout_reverse = held, held_rev if rq else []
    return f


def _norm(q: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", q.lower()).split())
