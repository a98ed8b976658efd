"""The reader: answers by choosing a statement from the notes, never by writing one.

A 135M model reads badly but chooses well. So the model only *scores*: how much more likely
the question becomes after reading each candidate statement (query likelihood as pointwise
mutual information, avg log P(question | passage) minus avg log P(question)). The answer is
then copied: the chosen statement turned to face the user, led by the value the question asks
for when the statement holds exactly such a value, with the statement's file and line as the
citation. A support check makes sure every name, number and date of the answer appears in the
cited statement; if not, the statement is quoted instead. When no statement fits well enough
the reader says it does not know; when two fit with different values of the same relation
("my son" with two sons), it asks which one.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from agent.reader_question import CAR_CARE, _NAMED_KINDS, _SITE_KINDS, _person_kind, KIND_WORDS, RELATION_ADJECTIVES, RENTED_FROM, SECRET_NOUNS, QuestionInfo, a_plate_asked, analyse, _PLATE_ASKED, birthday_dates, gloss_stems, keyed_person, says_kind, typed_values
from agent.reader_recall import Recall, support
from agent.reader_relate import SYNONYMS, WordRelate, attribute_words, head_phrase, other_kind, other_supply, same_or_synonym, shares_attribute, split_at_preposition
from agent.reader_statements import StatementHit
from agent.reader_text import (
    FAMILY_TITLES,
    KIN as _KIN,
    NUMBER_WORDS,
    OCCUPATION,
    OCCUPATION_WORDS,
    greek_in_latin,
    SENTENCE_OPENERS,
    STOP_WORDS,
    stem_fold,
    _EMAIL,
    _MONTH_ABBR,
    _UPPER,
    content_words,
    dates,
    MONTHS,
    WEEKDAYS,
    WEEKDAY_ABBREVS,
    latest_date,
    money,
    names,
    phones,
    stem,
    spelled_out,
    words,
    written_in_lower_case,
)
from agent.reader_cars import CAR_MAKES, asks_of_the_car, asks_the_car, car_models, listed_cars
from agent.reader_doctors import listed_doctors
from agent.reader_children import KIDS_QUERY, kids_headed, kids_listed, own_children
from agent.reader_kin import NAME_KEY, card_section, in_law_named, named_kin, partners_named, says_my_relative
from agent.reader_accounts import LOOKUP_WORDS as ACCOUNT_WORDS, asks_my_account, listed_accounts
from agent.reader_policies import asks_my_insurance, asks_my_policy_number, listed_policies, listed_policy_numbers
from agent.reader_parallel import option, parallel_codes, parallel_keys, parallel_records, record_names, record_text, telling_name
from agent.reader_events import described_years, values_of_other_event
from agent.reader_notes import _note_lines, note_context, note_line
from agent.reader_dates import _DATE_KEYS, _filed_under, _record_month, asked_day, days_of, page_date, version_date, written_date
from agent.reader_compose import _IDENTIFIER, _clip, compose, join_names
from agent.reader_defines import _HEADER_LINE, _NOTE_WORDS, _TITLES, _contact_only, about, defines
from agent.reader_owner import _BIRTH_WORDS, _ME, _SAYS_ME, other_owner
from agent.reader_types import Reading, Scored
from agent.reader_names import (_GRAN_ASKED, _name_words, _GRAN_ENGLISH, _GRAN_TITLES, _PLACE_NOUNS, _TITLE, _TITLE_WORD, _addresses, _person_word, _titled_doctors,
                                _titled_grandmothers, family_named, namesakes, native_spellings, three_part_names, titled_namesakes)
from agent.reader_versions import (ASKS_OWN, BOSS_WORDS, VERSION_DEPTH, someone_elses_new_number, successor, changed_value, month_day, newer_version, prefer_newer, retired, retiring_line, revises,
                                   job_change_words, new_boss_named, only_retires, same_fact, shared_name, takes_over, unnamed_changes)
from memory.ledger import fts_query
from memory.statements import link_words
from memory.gloss import english_for, fold, romanized

_OWN_TIME = re.compile(rf"\b(?:{'|'.join(m for m in MONTHS if m != 'may')}|{'|'.join(WEEKDAYS)}|next (?:week|month|year))\b", re.IGNORECASE)
_NAME_DAY = re.compile(r"\b(?:name ?day|imienin\w*|namenstag|namnsdag|navnedag|onomastico|onom[aá]stico|sv[aá]tek|n[eé]vnap)\b", re.IGNORECASE)
_BIRTH_WORD = re.compile(r"\b(?:birthday|bday|born|birth|dob|ultah|ulang tahun|ur\.|urodzin\w*|geburtstag|geb\.|f[oö]delsedag|f[oø]dselsdag|cumplea[nñ]os|compleanno|anniversaire|verjaardag|narozeniny)", re.IGNORECASE)
_SEE_ALSO = re.compile(r"(?i)\s*(?:see(?: also)?|cf\.?|->|→)\s")

DONT_KNOW = "I don't know: your notes don't say."
NOT_KNOWN_YET = "I don't know: your notes say it is not known yet."

# Candidates the model scores: the best of the retrieved statements by a cheap word-overlap
# pre-ranking. More costs time linearly and, on the development sets, added almost no answers.
N_CANDIDATES = 6
# The passage prompt for query likelihood ("write a question about this passage").
PASSAGE = "Passage: {s}\nQuestion:"
NO_PASSAGE = "Question:"
# What the model reads of each candidate when scoring: the cost is linear in it.
SCORE_CHARS = 240
MAX_QUESTION_CHARS = 300

# Final score = PMI + W_COVER * share of the question's words in the statement
#   + W_TYPE (a value of the asked kind) + W_RANK / (retrieval rank + 1) - W_OTHER (someone
#   else's X) + W_DEFINE (says what the asked-about thing is) + W_RECENT(_NOW) (newest note).
# Round numbers, checked on all sets at once by replaying stored scores (bench/reader_replay.py):
# without the PMI term the chosen statement is right far less often (bench/RESULTS.md).
W_COVER = 1.0
W_TYPE = 0.5
W_RANK = 0.2
W_OTHER = 1.0
PRE_UNNAMED = 0.25  # (preranking only) someone else's line, when a person's number is asked by name
W_DEFINE = 0.5
W_RECENT = 0.2
W_RECENT_NOW = 0.5
W_REVISED = 0.75  # a line that says it revises something ("quota now 600 h"), where dates do not decide
# Abstain when the best statement's PMI is below this and it covers too little of the question.
MIN_PMI = 0.3
MIN_COVER = 0.5
# How much less likely a card's line keyed by the asked thing may be than the best line that
# mentions it in passing, and still answer instead ("Vet: Meadowbank Vets" over "Weight: ... at the vet").
KEYED_PMI_GAP = 1.0
# A statement sharing no word with the question ("Oven 350°F." for the lasagna) answers only when
# the model is sure of it ("our border collie, Pixel" for "my dog's name": PMI 1.7). On all sets
# the right answers of this kind scored >= 0.99, the wrong ones from 0.54.
MIN_PMI_UNCOVERED = 0.9
CONTEXT_COVER = 0.5


_MONTH_STEMS = {stem(m) for m in MONTHS if m != "may"}
_GLUE_NAMES = frozenset(["will"])  # glue words that are also given names ("Will called")


def _said_by_initials(name: str, text: str) -> bool:
    """A name of three or more words written as its initials: "NYE!! till 12:30a" is New Year's Eve."""
    words = name.split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return False
    return bool(re.search(rf"(?<![\w-]){''.join(w[0] for w in words)}(?![\w-])", text))


# Where a thing is kept: "Meter is in the cupboard under the stairs", "the spare key is under the pot".
_PLACED = re.compile(r"\b([^\W\d_]+)\s+(?:is|are)\s+(?:kept\s+|located\s+|stored\s+)?((?:in|under|on|behind|inside|beside|next to|above|below)"
                     r"\s+(?:the|a|an|my|our)\s+[^.;()]+?)\s*(?:[.;()]|$)", re.IGNORECASE)


def _placed(info: QuestionInfo, text: str) -> str | None:
    """Where the line says the asked thing is, when the question asks where it is."""
    if not re.match(r"\W*where(?:'s|’s| is| are)\b", info.text, re.IGNORECASE):
        return None
    m = _PLACED.search(text)
    return m.group(2) if m and stem(m.group(1).lower()) in info.terms else None


def _number_of_one_before(text: str, value: str, asked: list[str]) -> bool:
    """The line gives ``value`` after naming someone other than the asked ones, and names an asked
    one only in a later sentence."""
    at = text.find(value)
    if at < 0:
        return False
    said = [m.start() for n in asked for w in _name_words(n) if len(w) > 2 for m in re.finditer(rf"\b{re.escape(w)}\b", text)]
    if not said or min(said) < at or not re.search(r"[.!?;]\s", text[at + len(value):min(said)]):
        return False  # (in the same sentence, "Zbigniew Krawiec - +48 512 555 090 - Auto-Zbych, Półłanki 64", it may be theirs)
    asked_words = {w.lower() for n in asked for w in _name_words(n)}
    return any(len(n.split()) >= 2 and not asked_words & {w.lower() for w in n.split()} for n in names(text[:at]))


def _other_name_same_stem(asked: list[str], text: str) -> bool:
    """A long name word of the question that a contact's name field writes only as another name
    sharing its stem ("Chikoti" where the card says "Chikondi"). (Only a card's name: running text
    inflects names, "Vilniaus" for Vilnius, "za Octaviju", which look just as different.)"""
    for n in asked:
        for w in _name_words(n):
            w = re.sub(r"['’]s$", "", w)
            if len(w) < 6 or not w[:1].isupper():
                continue
            same_stem = [t for t in re.findall(r"[^\W\d_]+", text) if stem(t.lower()) == stem(w.lower())]
            if same_stem and not any(t.lower().startswith(w.lower()[:len(w) - 1]) or w.lower().startswith(t.lower()) for t in same_stem):
                return True
    return False


def _goes_on_from(first: StatementHit, then: StatementHit) -> bool:
    """The sentence ``then`` is the one right after ``first`` on the same line of the note."""
    if first.path != then.path or first.line != then.line or first.end_line != first.line:
        return False
    text = note_line(first.path, first.line)
    at = text.find(first.source)
    # (The next sentence may run on to the note's next line: only its first line is on this one.)
    head = then.source.split("\n", 1)[0].strip()
    return at >= 0 and bool(head) and text[at + len(first.source):].lstrip().startswith(head)


def _said_before_on_its_line(st: StatementHit) -> str:
    """The sentence right before ``st`` on its own line of the note ("FijiCare through Koro Sea
    Digital, family cover." before "Member number FC-3318420."); none for a line that says whose
    it is ("My rodné číslo for the forms" after "Niko is at VšZP" is mine, not Niko's)."""
    if st.kind != "sentence" or st.line != st.end_line or not st.source.strip() or re.search(r"\b(?:(?i:my|mine|our)|I)\b", st.text):
        return ""
    text = note_line(st.path, st.line)
    at = text.find(st.source)
    if at <= 0:
        return ""
    # (Not a line of markup holding a whole note: an Evernote export's one line of HTML.)
    sentences = re.split(r"(?<=[.!?])\s+", text[:at].strip())
    return sentences[-1] if sentences and not re.search(r"[<>]", sentences[-1]) and len(sentences[-1]) <= 300 else ""


def _named_on_its_line(info: QuestionInfo, st: StatementHit, terms: set[str]) -> bool:
    """Every name the question uses is said by the line or by the sentence before it on its line."""
    before = content_words(_said_before_on_its_line(st)) if info.names else set()
    return bool(before) and all(all(stem(w) in terms or stem(w) in before for w in _name_words(n)) for n in info.names)


def _name_core(name: str) -> list[str]:
    """The words of a name a line must say: "Meezan Bank" is said by "Account meezan: IBAN: ..."
    (a bank, a school or a clinic is written by its own name alone), not "Meezan" by "Bank"."""
    words = _name_words(name)
    core = [w for w in words if not re.fullmatch(_SITE_KINDS, w.lower())]
    return core or words


# The verbs a count is said by when the counted thing is the note's heading ("Makes 16.").
_COUNTING_VERB = r"(?:makes?|serves?|sleeps?|seats?|feeds?|yields?|holds?)"
# How often an amount is paid: no thing it is paid for.
_PERIOD_WORDS = frozenset("per a each every month months monthly year years yearly annual annually week weeks weekly "
                          "fortnight fortnightly day days daily hour hourly".split())
_NOT_A_NAME = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVS) | frozenset(_MONTH_ABBR)


_WHERE_BEFORE = re.compile(r"\b(?:in|at|near)\s+$")


def _code_acronyms(info: QuestionInfo) -> list[str]:
    """The acronyms that name the code asked for: "EIC" of "the EIC code of our electricity
    connection", "PIN" of "the PIN of my FNB card" (not FNB, whose card it is; not a model's
    "BT-50", nor "NAS" of "the NAS admin password")."""
    return [n for n in info.names if re.fullmatch(r"[A-Z]{2,6}", n) and re.search(
        rf"\b{n}\s*(?:(?:code|number|no\.?|nr\.?|#|id)\b\s*)?(?:\?|$|\bof\b|\bfor\b)", info.text)]


def _someone_else(text: str, question: str) -> bool:
    """Whether a line names a person the question does not, inside its text: "Név: Szilágyi Gábor;
    Telefon: ..." does; a word that only opens a sentence ("body: Mulla on uusi numero"), an
    acronym ("SIM") or a key does not."""
    asked = {stem(w) for w in words(question)}
    for n in names(text):
        if any(stem(w) in asked for w in n.split()) or not re.search(r"[a-zß-ÿ]", n):
            continue
        at = text.find(n)
        before = text[:max(at, 0)]
        if at <= 0 or re.search(r"[.!?]\s*$", before) or re.search(r"[:;|]\s*$", before) and " " not in n:
            continue
        return True
    return False


def _names_another(st: StatementHit, question: str) -> bool:
    """Whether a line names something of its own that the question does not (a person, a place,
    a brand: "Mazda", "Kelvin"), so that a name only its note says is not the line's."""
    asked = {stem(w) for w in words(question)}
    body = re.sub(r"^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?", "", st.source)
    place_end = None
    for k, m in enumerate(re.finditer(r"[A-Za-z][\w'’-]*", body)):
        w = m.group(0)
        if not re.fullmatch(r"[A-Z][a-z'’-]+\w*", w) or w.lower() in STOP_WORDS or w.lower() in _NOT_A_NAME:
            continue
        if stem(w) in asked or k == 0 or re.search(r"[.!?:]\s*$", body[: m.start()]):
            continue  # a sentence's or a key's first word is capitalised anyway
        if _WHERE_BEFORE.search(body[: m.start()]) or place_end is not None and body[place_end: m.start()] == " ":
            # Where the thing now happens is no one else's: "the trainings are now on Saturday
            # morning, at the new pitch in Palmarejo Grande".
            place_end = m.end()
            continue
        if retired(body, w):
            continue  # "he dropped Tele2": what the line says is gone is not what it is about
        return True
    return False


def _initialled(info: QuestionInfo, text: str) -> set[str]:
    """Stems of the question's surnames the statement writes as an initial ("Chris O."), or of a
    whole name written by its initials: they count as said, for coverage and for naming."""
    out = set()
    for n in info.names:
        parts = _name_words(n)
        # (a bank export may write the payee in capitals: "Send Money to NORA V."; a quick note
        # drops the stop: "return Sophie T's deposit")
        out |= {stem(w) for w in parts[1:] if re.search(rf"\b(?i:{re.escape(parts[0])}) {re.escape(w[0].upper())}(?:\.|['’]s\b)", text)}
        if _said_by_initials(n, text):
            out |= content_words(n)  # "NYE!! till 12:30a" says New Year's Eve by its initials
        if len(parts) > 1:
            # "paní Kratochvílová", "Frau Berger", "Mr Adebayo": a person called by title and
            # surname alone (in any case ending: "paní Kratochvílové") is the one the question names.
            for w in parts:
                if re.search(rf"\b{_COURTESY}\s+{re.escape(w[:max(4, len(w) - 2)])}", text):
                    out |= {stem(v) for v in parts if v != w}
    return out


# Courtesy titles before a surname, in the languages the glossary knows.
_COURTESY = (r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Frau|Herr|Fr|Hr|pan|pani|paní|pán|Sr|Sra|Srta|Mme|Mlle|Sig|Mevr|Dhr|Mw|"
             r"MUDr|Ing|Mgr)\.?")


_WIFI_PAIR = re.compile(r"\bwi-?fi\b[^:\n]{0,30}:\s*[^\s/:]+\s*/\s*[^\s/]+", re.IGNORECASE)


# "HOGAR-salud.xml: EPS, médicos, citas", "- `budget.csv` – what we spend": a line naming a file and what it holds.
_FILE_INDEX_LINE = re.compile(r"^\W*`?[\w .-]+\.(?:xml|md|markdown|txt|json|csv|tsv|org|html?|gmi|texi|ya?ml|toml|rst|adoc|qmd|pdf|ods|xlsx?|docx?)`?\s*(?::|–|—|-)\s", re.IGNORECASE)


# The words notes use as a relative's title before a name ("Malume Blessings", "Bhuti Mandla", "Tanti
# Merle", "Phupho Rukhsana"), in a question without the name: which one of those so called.
_RELATIVE_TITLES = FAMILY_TITLES | frozenset("malume bhuti sisi phupho chacha chachi mamu khala tanti tita tito".split())


# An account written short: "loan a/c HL-4512-0931", "acct 30112278451".
_ACCOUNT_SHORT = re.compile(r"(?i)(?<![\w/])(?:a/c|acct)(?![\w/])")


def _terms_of(st: StatementHit, nicknames: dict[str, list[str]] | None = None) -> set[str]:
    """The statement's words; a line that calls someone by a nickname says their name too."""
    # ("Mama a perdu son téléphone": French "son" is "her", no son.)
    text = _romance_son(st.text) if re.search(r"(?i)\bson\b", st.text) else st.text
    terms = content_words(f"{text} {st.topic} {Path(st.path).stem.replace('-', ' ').replace('_', ' ')}")
    # "Paszport: EL5550182" says "passport" to a question asked in English.
    terms |= content_words(" ".join(english_for(f"{text} {st.topic}") | frozenset(romanized(Path(st.path).stem))))
    if re.search(r"\bx-?mas\b", f"{st.text} {st.topic} {Path(st.path).stem}", re.IGNORECASE):
        terms.add(stem("christmas"))  # "xmas flights", "xmas trip.md": Christmas
    if _WIFI_PAIR.search(st.text):
        terms |= {stem("password"), stem("network")}  # "Wi-Fi: Mielie_5G / rooibos-kettle-14": the network, then its password
    if _ACCOUNT_SHORT.search(st.text):
        terms.add(stem("account"))  # "loan a/c HL-4512-0931": the loan account
    for name, nicks in (nicknames or {}).items():
        if any(re.search(rf"\b{re.escape(n)}\b", st.text) for n in nicks):
            terms |= {stem(w) for w in _name_words(name) or name.split()}  # (a relation, "brother": its word)
    if st.continues:
        # "He moved from Moscow to Seoul" right after "Called Sardor aka." says what that one says.
        terms |= content_words(st.context)
    if _TOWN_KEY.search(st.text) or any(k.strip().lower() in ("city", "town") or english_for(k) & {"city", "town"} for k in st.fields):
        terms.add(stem("live"))  # a page's "ville:: [[Port-Gentil]]", a card's "City: Lyon": where they live
    if _MOVED_TO.search(st.text):
        terms.add(stem("live"))  # "Varun has moved to Mahébourg for good": where he lives now
    if _LEASE.search(st.text) and money(st.text):
        terms.add(stem("rent"))  # "Lease signed with Phindile Simelane: E 6,200 a month": the rent
    if _NET_PLAN.search(st.text):
        terms.add(stem("internet"))  # "SkyLink Fibre installed at the new house: 50 Mbps": the internet
    if _PAYSLIP.search(st.text):
        terms.add(_SALARY)  # "Payslip: basic E 17,600": what the user is paid
    if _SALARY in terms:
        terms |= _EARNS  # "Salary: B$3,850 a month", "Salaire net : 412 000 FCFA": what the user earns
    if _BEST_MATE.search(st.text):
        terms.add(stem("friend"))  # "Leota Mulitalo - my best mate since primary school"
    if "number" in spelled_out(st.text).split():
        terms.add(stem("number"))  # "Driving licence no. 0412873", "locker no 12": its number
    if _SAVINGS_NUMBER.search(st.text):
        terms.add(stem("account"))  # "Samoa Commercial Bank - savings 5503812269": a savings account's number
    if _TYRE_SIZE.search(st.text):
        terms.add(stem("size"))  # "Tyres 185/60 R14" gives their size
    if CAR_CARE.search(st.text) and not (st.kind == "row" and money(st.text)):
        # (A bank row's "Servis Myvi Ah Seng 38k km" is what a service cost, not who does it.)
        terms |= {stem("mechanic"), stem("service")}  # "Both cars go to Raymond Cutajar at Ray's Garage": who the mechanic is
    if RENTED_FROM.search(st.text):
        terms |= {stem("landlord"), stem("landlady")}  # "Renting the flat from Mr. Seepaul" names the landlord
    if _COVER.search(f"{st.context} {st.text}" if st.continues else st.text):
        terms.add(stem("insurance"))  # "Renewed the Demio cover with Tausi. Premium is now ...": its insurance
    return terms


_SALARY = stem("salary")
_LEASE = re.compile(r"\b(?:lease|leased|tenancy)\b", re.IGNORECASE)
_NET_PLAN = re.compile(r"\b\d+\s?(?:mbps|mb/s|gbps)\b|\b(?:fibre|fiber|broadband|adsl|vdsl)\b", re.IGNORECASE)
_PAYSLIP = re.compile(r"\b(?:pay ?slip|pay ?check|pay ?stub|(?:basic|gross|net|take-home) pay)\b", re.IGNORECASE)
_MOVED_TO_HEAD = r"\b(?:moved|moving|moves|relocated|relocating)\s+(?:back\s+|down\s+|up\s+|over\s+)?to\s+(?:the\s+)?"
# (Not a day: "The meeting moved to Thursday", "moved to March".)
_MOVED_TO = re.compile(_MOVED_TO_HEAD + r"(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?-i:[A-Z])",
                       re.IGNORECASE)
_TOWN_KEY = re.compile(r"(?:^|:\s)(?i:city|town|ville|ciudad|cidade|stadt)\s*:")
_MY = r"(?i:my|our|ma|mon|mes|notre|nos|mi|mis|nuestr[ao]s?|minha|meu|mia|mio)"
_EARNS = frozenset(stem(w) for w in ("earn", "earnings", "income", "wage"))
_BEST_MATE = re.compile(r"\b(?:(?:my|our|best|old)\s+(?:mates?|buddy|buddies|pal)|bestie|bff)\b", re.IGNORECASE)
_SAVINGS_NUMBER = re.compile(r"\b(?:savings|current|cheque|checking|chequing)\s*[:#]?\s*\d[\d -]{5,}\d", re.IGNORECASE)
_TYRE_SIZE = re.compile(r"\b\d{3}/\d{2}\s?Z?R\s?\d{2}\b")
# Cover that is insurance: renewed, with a premium, a policy, a claim or an excess beside it.
_COVER_WORDS = r"(?:renew\w*|premium|polic(?:y|ies)|insurer|claims?|excess)"
_COVER = re.compile(rf"\b{_COVER_WORDS}\b[^.;]{{0,60}}\bcover\b|\bcover\b[^.;]{{0,60}}\b{_COVER_WORDS}\b|\bcover\b.{{0,80}}\b(?:premium|polic(?:y|ies))\b"
                    r"|\bcovered (?:to|until|till|through)\b[^.;]{0,20}\d", re.IGNORECASE)  # "Sorento covered to Oct 2027"


# Words that make another kind of the noun after them: a half marathon is no marathon, a
# step-brother no brother the question means, an assistant manager not the manager.
_KIND_MODIFIER = re.compile(r"\b(half|semi|mini|ultra|vice|deputy|assistant|step|ex|former)[\s-]+([a-z]+)")
_ASKS_JOB = re.compile(r"\b(?:job|work|works|living|occupation|profession|career)\b", re.IGNORECASE)
_JOB_TERMS = content_words(OCCUPATION_WORDS)


_ASKS_END = re.compile(r"\b(end|ends|ending|expire|expires|expiry|finish|finishes|run out|runs out)\b", re.IGNORECASE)
_RANGE_SEP = r"\s*(?:–|—|~|-|→|->|\bto\b|\buntil\b|\btill\b|\bbis\b|\bdo\b|\baž\b)\s*"


def _range_terms(info: QuestionInfo, text: str) -> set[str]:
    """"When does my contract end?": a line that gives the contract's dates as a range
    ("계약기간 2025.04.01 ~ 2027.03.31", "1. 9. 2025 – 31. 8. 2027") says when it ends."""
    asked = _ASKS_END.search(info.text)
    if not asked:
        return set()
    found = [d for d in dates(text) if not re.fullmatch(r"\d{4}", d)]
    if any(re.search(re.escape(a) + _RANGE_SEP + re.escape(b), text) for a in found for b in found if a != b):
        return {stem(asked.group(1).lower()), stem("end")}
    return set()


def compound_heads(info: QuestionInfo, text: str) -> set[str]:
    """The asked words a long compound ends in: Finnish and German write a nut allergy as one
    word ("Pähkinäallergia", "Nussallergie"), so "allergic" is said inside it."""
    out = set()
    for w in re.findall(r"[^\W\d_]+", text):
        folded = stem_fold(w.lower())
        if len(folded) < 9:
            continue
        out |= {t for t in info.terms if len(t) >= 5 and t.isalpha() and t in folded[3:]}
    # The other way round: the question writes the compound whole ("Nebenkostenvorauszahlung"), a
    # later line only its head ("Die Vorauszahlung steigt ab 01.05. auf 230,00 €"). Stems cut a
    # word to five letters, so the head is compared with the question's word as written.
    compounds = [stem_fold(w.lower()) for w in re.findall(r"[^\W\d_]{12,}", info.text)]
    line_words = {stem_fold(w.lower()) for w in re.findall(r"[^\W\d_]{9,}", text)} if compounds else set()
    for folded in compounds:
        if any(folded.endswith(head) and len(folded) - len(head) >= 4 for head in line_words):
            out |= {t for t in info.terms if folded.startswith(t)}
    return out


def misspelt(info: QuestionInfo, text: str, known: Callable[[str], bool] | None = None) -> set[str]:
    """The asked words a hurried question types one letter off a word of the line ("adress" for
    "address", "numbr" for "Number", "pasport" for the gloss of "Pașaport"): the line says them.
    Words of five letters or more; a changed letter (not one added, left out or swapped) only in
    words of six or more, so that "horse" does not say "house". `known`: whether the notes write
    the word as asked; then it is no typo ("chilimba" the savings group is not Mr Chilemba)."""
    asked = {w for w in re.findall(r"[a-z]{5,}", info.text.lower()) if stem(w) in info.terms and not (known and known(w))}
    if not asked:
        return set()
    said = {stem_fold(w.lower()) for w in re.findall(r"[^\W\d_]{4,}", text)}
    said |= {w for g in english_for(text) for w in re.findall(r"[a-z]{4,}", g.lower())}
    said_stems = {stem(w) for w in said}
    return {stem(a) for a in asked if stem(a) not in said_stems and any(_one_letter_off(a, w) for w in said)}


def _one_letter_off(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True  # two letters swapped: "recieve"
        return len(diff) == 1 and len(a) >= 6
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _job_terms(info: QuestionInfo, text: str) -> set[str]:
    """"What does Rory do for a living?": a line that names an occupation answers to the words
    the question asks it with (only then: "teacher" is no "dentist" because both are jobs)."""
    # (In the notes' language too: "sage-femme à l'hôpital de Franceville" names a midwife.)
    return _JOB_TERMS if _ASKS_JOB.search(info.text) and (OCCUPATION.search(text) or OCCUPATION.search(" ".join(english_for(text)))) else set()


_CHANGED_VALUE_WINDOW = 24  # characters after a word of change where the new value stands
# Kinds of value a stated change carries itself ("is now 11:15am", "moved to Wednesdays").
_CHANGED_KINDS = ("date", "time", "money", "percent", "number", "phone", "address", "email", "dose", "duration", "temperature", "weight", "ip")


# Words for what any value is: "the water bill" is "Water: $45 a month", "the vet's name" his name.
_GENERIC_HEADS = frozenset("""bill bills fee fees payment payments charge charges instalment installment subscription rate
    total sum price cost costs amount name names details detail info information contact""".split())
_ID_HEADS = frozenset("id ids nr no num number numbers code digits digit pin".split())
# What a paper is, not what it is for: "certificate" of "first aid certificate".
_PAPER_WORDS = frozenset("certificate cert card policy document documents paper papers form".split())


def _subject_of_verb(question: str, phrase: list[str]) -> list[str]:
    """The thing a "when does ... <verb>?" question asks of: ["passport"] in "When does Hafiz's
    passport expire?", ["walima"] in "What time does the walima start?". The run of asked words
    ends in the question's verb there, not in a noun of a compound ("blood type")."""
    if len(phrase) < 2:
        return []
    low = question.lower().replace("’", "'")
    m = re.match(r"^\W*(?:when|what time|what day|what date)\s+(?:do|does|did|will|should|must)\s+(.*?)\W*$", low)
    if not m or not m.group(1).endswith(phrase[-1]):
        return []
    return [w for w in phrase[:-1] if stem(w) not in KIND_WORDS["date"] | KIND_WORDS["time"]]


# What "the account number" of a named provider is asked as, and the bare column that gives it.
_ACCOUNT_ASKED = {"id", "number", "no", "num", "account", "acct", "customer", "client", "reference", "ref"}
_BARE_NUMBER_KEYS = {"number", "no", "nr", "num", "id", "ref", "reference", ""}


class Reader:
    def __init__(self, model, *, n_candidates: int = N_CANDIDATES, relate: WordRelate | None = None,
                 recall: Recall | None = None, mentions: Callable[[str], list[str]] | None = None,
                 trails: Callable[[str], list[tuple[list[str], str]]] | None = None):
        """`model` scores the candidates (the base model, also when a fine-tune is served).
        `relate`: word vectors for telling whether a statement speaks of the asked attribute
        (agent.reader_relate); without it only shared stems and listed synonyms count.
        `recall`: a fine-tune's closed-book answer to a question, evidence for the candidates
        that hold its values (agent.reader_recall).
        `mentions`: the text of every line of the notes that names a word ("Sophie"), for telling
        whether a first name is two people.
        `trails`: (heading trail, text) of the lines that name any of some words ("Chicos" >
        "Santino (9)"), for telling whose lines a heading keeps."""
        self.model = model
        self.mentions = mentions
        self.trails = trails
        self._written_cache: dict[str, bool] = {}
        self._lower_cache: dict[str, bool] = {}
        self.n_candidates = n_candidates
        self.relate = relate
        self.recall = recall

    # -- scoring ----------------------------------------------------------------------------------
    def _logprobs(self, pairs: list[tuple[str, str]]) -> list[list[float]]:
        batch = getattr(self.model, "logprobs_batch", None)
        if batch is not None:
            return batch(pairs)
        return [self.model.logprobs(c, x) for c, x in pairs]

    def candidates(self, info: QuestionInfo, statements: Sequence[StatementHit],
                   nicknames: dict[str, list[str]] | None = None) -> list[Scored]:
        out = []
        n_terms = max(1, len(info.terms))
        # What the question alone decides, once for all its statements.
        ids = [_squeeze(i) for i in _IDENTIFIER.findall(info.text)]
        # "ZG 9025-EP": a capital part of a hyphenated identifier is no name of its own; the
        # identifier is checked whole below.
        # (So is its tail that reads as a name: "GM-210487" of "What is 55-GM-210487?".)
        named_apart = [n for n in info.names if not any(p == n or n in i for i in _IDENTIFIER.findall(info.text) for p in i.split("-"))]
        # "Where did Hanna and I get married?": a journal says "we" for the two of them.
        glue_names = {w for n in named_apart for w in _name_words(n) if w.lower() in STOP_WORDS}
        together = bool(_TOGETHER_EVENT.search(info.text))
        # The models the notes give the cars ("Toyota Auris" -> "Auris"), when a car is asked of.
        # The car the question asks of by the word ("the car's plate", not "which car has the plate
        # ...", whose answer is the car, nor "the verificación vehicular").
        asked_car = set() if _WHICH_CAR.match(info.text) else {stem(w.lower()) for w in _CAR_WORD.findall(info.text)} & info.terms
        models = frozenset(car_models(st.text for st in statements)) if _CAR_WORDS & set(info.owners) or asked_car else frozenset()
        with_me = {n for n in named_apart if re.search(rf"\b{re.escape(n)} and (?:I|me)\b|\bme and {re.escape(n)}\b", info.text)}
        # So is a phone number ("Whose number is 06-55501774?"): its stem keeps five characters,
        # which every number of the same network shares. The last nine digits, for "+91 98860
        # 55517" written "98860 55517".
        dialled = [re.sub(r"\D", "", p)[-9:] for p in phones(info.text)]
        labels = [(n, l) for n, l in _LABELLED.findall(info.text) if n.lower() not in STOP_WORDS and l != "I"]
        asked_currency = _currencies(info.text)
        kind_noun = re.search(rf"\b(?:which|what) (?:[a-z]+ )?({_NAMED_KINDS})\b", info.text.lower()) if info.want == "name" else None
        phrase = head_phrase(info.text, attribute_words(info.text, _whose(info))) if info.want == "name" else []
        role = phrase[-1:]
        # "the name of Rin's daycare teacher": "Little Otters Daycare" names the daycare, not her.
        modifiers = {stem(w) for w in phrase[:-1]} - {stem(w) for w in role}
        what_is = asks_what_is(info)
        cards = _card_values(statements)
        # "Priit Tamm's": the owner is the person, whom a line may call by the given name alone.
        given = {n.split()[-1].lower(): n.split()[0] for n in info.names if len(n.split()) == 2}
        own_kin = _relative_itself(info)
        by_given: set[str] = set()  # lines that call the one asked of by the given name alone
        given_alone = self._given_name_alone(info) if what_is else None
        acronyms = set(re.findall(r"(?<![\w-])[A-Z]{2,5}(?![\w-])", info.text))
        # A person's number or e-mail asked by their name (not an acronym's: "my GP's phone number").
        person_asked = info.want in ("phone", "email") and any(re.search(r"[^\W\d_][a-zß-ÿ]", n) for n in named_apart)
        # What "how many" counts: the noun its words end on ("How many Christmas cups did I order?"
        # counts cups, "500 red cups from Vegware"), and the question's counting verb ("make").
        counted = (re.search(r"\bhow many (?:[a-z]+ ){0,2}?([a-z]+)\s+(?:did|do|does|are|is|were|was|have|has|had|will|can|should|would)\b",
                             info.text.lower()) or re.search(r"\bhow many ([a-z]+)", info.text.lower()))
        verbs = {stem(v) for v in re.findall(rf"\b{_COUNTING_VERB}\b", info.text.lower())}
        for st in statements:
            if st.kind == "meta":
                continue  # "bp = blood pressure, wt = weight" explains a note; it answers nothing
            terms = own_terms = (_terms_of(st, nicknames) | _initialled(info, st.text) | _job_terms(info, st.text) | _range_terms(info, st.text)
                                 | compound_heads(info, st.text) | misspelt(info, f"{st.text} {st.topic}", self._written))
            if with_me and (_WE.search(st.text) or together and (any(_TOGETHER_EVENT.search(k) for k in st.fields)
                                                                 or _TOGETHER_EVENT.search(st.text) and not _names_another(st, info.text))):
                # "When did Marlon and I get married?": "Marriage: married at the CBB on
                # 27-08-2011" in the user's own papers is theirs, though it names neither; so is
                # "Marriage certificate: Conservatória do Registo Civil da Praia, 12/07/2012".
                terms = own_terms = terms | {stem(w) for n in with_me for w in _name_words(n)}
            in_law = in_law_named(own_kin, st.text) if info.want == "name" else None
            if in_law:
                # "my sister, ... Married Arjun Menon": the line says my brother-in-law without the word.
                terms = own_terms = terms | {stem(w) for w in re.findall(r"[a-z]+", own_kin.lower())}
            if promoted := job_change_words(info.terms, st.text):
                # "I got promoted to Operations Supervisor" says the job title without the words.
                terms = own_terms = terms | promoted
            if glue_names:
                # "Can", "Will", "May": a name that is also a little word is said by its capital,
                # which the line's content words (little words dropped) do not keep.
                terms = own_terms = terms | {stem(w) for w in glue_names if re.search(rf"\b{re.escape(w)}\b", st.text)}
            if acronyms and (loose := {stem(a.lower()) for a in acronyms if not _says_acronym(a, st)} & terms):
                # "Jone's TIN" is said by a line that writes TIN, not by "tinned fish".
                terms = own_terms = terms - loose
            # A pronoun sentence's antecedents say whose it is ("her new number" after "Ma's
            # birthday"): they count for who and which name, and for coverage at half weight.
            near = content_words(st.context) - terms if st.context else set()
            if st.context and nicknames:
                # "Tomi finally called. He has left Santiago ...": the nickname before says whom.
                near |= {stem(w) for name, nicks in nicknames.items() if any(re.search(rf"\b{re.escape(n)}\b", st.context) for n in nicks)
                         for w in _name_words(name) or name.split()} - terms
            cover = (len(info.terms & terms) + CONTEXT_COVER * len(info.terms & near)) / n_terms
            terms = terms | near
            # A value in the statement's own words counts fully; one only in its heading ("Lisbon,
            # March 2027" over every bullet of the trip) counts half: it is shared by its siblings.
            # An e-mail's "To: Ted Pruitt <ted@...>" names its addressee, not where Ted lives or
            # who did something; the letter's header over its lines ("snowdrops - Rosie
            # <rosie@...> - Sun, 8 Feb 2026") names whom it went to, not whom a line is about.
            addressed = info.want in ("name", "place") and bool(_HEADER_LINE.match(st.text) and _EMAIL.search(st.text))
            # An e-mail's own date says when it was sent, not when what a line of it tells happens
            # ("The bowls club has packed up for the winter" under "Sun, 21 Nov 2026 16:02").
            header = (info.want == "name" and bool(_EMAIL.search(st.topic) or latest_date(st.topic))
                      or info.want in ("date", "time") and bool(_EMAIL.search(st.topic)))
            # A CSV row that quotes every cell ('"BBVA Nómina","08/08/2026"'): a quoted cell is no
            # code, so the row is read as its "column: value" text.
            quoted = st.kind == "row" and bool(re.fullmatch(r'\s*"[^"]*"(?:\s*[,;\t|]\s*"[^"]*")+\s*', st.source))
            own = [] if addressed or quoted else typed_values(link_words(st.source), info.want, exclude=info.text)
            # A heading's date ("Tuesday, 3 February 2026" over "Ma's birthday."): a whole date
            # only, not the year of a trip's heading ("Osaka, winter 2026-27").
            typed = own or ([] if addressed else typed_values(st.text, info.want, exclude=info.text)) or [
                v for v in typed_values(st.topic, info.want, exclude=info.text) if not re.fullmatch(r"\d{4}", v) and not header]
            if info.want == "phone" and not own and typed:
                # A short number is a phone by the list it is in: "26593" under "# Contacts".
                own = [v for v in typed if v in st.source and sum(c.isdigit() for c in v) < 7]
            if info.want == "place" and (spot := _placed(info, st.text)):
                # "Where is the electricity meter?": "Meter is in the cupboard under the stairs"
                # says where the asked thing is, in words no name is made of.
                typed = own = [spot]
            if person_asked and typed and not st.fields:
                # "Mohammed Farouk - letting agent, +971 55 302 7719. handles the flat for the owner
                # (Mr Al Mansoori, never met him)": a number said before the asked one is named, after
                # someone else, is that one's. (Not a row's: "Name: Farah Isaacs; Cell: ...;
                # Notes: Lower Main Vet" is one record, the vet's.)
                typed = [v for v in typed if not _number_of_one_before(st.text, v, named_apart)]
                own = [v for v in own if v in typed]
            if in_law:
                typed = own = [in_law]
            if own_kin and info.want == "name" and not st.fields and (person := _page_person(st)) and _says_my(own_kin, st.text) \
                    and all(re.search(rf"{re.escape(v)}['’]s\b", st.text) for v in typed):
                # "Fiona's husband, so my brother-in-law." on the page "# Graham Tait": the page's
                # person is the one asked of; the name in the line only says whose husband he is.
                typed = own = [person]
            if info.want == "place" and st.kind == "row":
                # A table's cells carry no key ("| Emma | 19/06/2022 |"); its row text does.
                typed = [v for v in typed if not keyed_person(v, st.text)]
                own = [v for v in own if v in typed]
            car = asked_car - terms
            # (Read once: the owner "car" and the asked word "car" are both said by a line about one.)
            on_a_car = bool(car or _CAR_WORDS & set(info.owners)) and (_says_a_car(st) or _car_around(st, models))
            owner_ok = all(stem(o) in terms or stem(given.get(o, o)) in terms or o in _CAR_WORDS and on_a_car for o in info.owners)
            car_said = bool(car) and on_a_car
            if car_said:
                # "Placa: FQR2B71" under "Onix (meu)" says the car's plate without the word "car".
                cover += len(car) / n_terms
            # ("Rayyan's GR number": "Muhammad Rayyan Bilal: GR-No: 18842" says GR, in a word the
            # hyphen joins.)
            parts = content_words(re.sub(r"(?<=[^\W_])-(?=[^\W_])", " ", st.text)) if "-" in st.text else set()
            names_ok = all(all(stem(w) in terms or stem(w) in parts for w in _name_core(n)) for n in named_apart)
            if not names_ok and _one_key(st):
                # A card's line is about what the card names: "Número de empleado: DT-0583" under
                # "Trabajo" beside "Empresa: Datalia" is the employee number at Datalia.
                named = cards.get((st.path, st.topic), set())
                names_ok = all(all(stem(w) in terms or stem(w) in named for w in _name_words(n)) for n in named_apart)
                # ... and whose it is: "Birthday: 14 March 1986" under "Partner" beside "Name: Jordi
                # Puig" is Jordi's birthday (by the lines of its own section, not of the whole page).
                section = cards.get((st.path, st.topic, card_section(st)), set())
                owner_ok = owner_ok or names_ok and bool(named_apart) and all(stem(o) in section for o in info.owners)
            if not names_ok and not _names_another(st, info.text):
                # The name is said by the note around the line, not by the line: the loan's
                # heading or the bullet above ("Acme loan, 2.6%" over "monthly instalment:
                # $1,412"), the meeting's "project: Tuas DC" front matter.
                around = content_words(note_context(st.path, st.line))
                names_ok = all(all(stem(w) in terms or stem(w) in around for w in _name_words(n)) for n in named_apart)
                # ... and so is whose it is: "Keuring (inspection) due 17-02-2027" under "- Toyota
                # Axio, silver" answers "When is the Axio's inspection due?".
                owner_ok = owner_ok or names_ok and all(stem(o) in around for o in info.owners)
            if not names_ok and given_alone is not None and given_alone.search(st.text):
                names_ok = True  # "Who's Pélagie Dansou?" over "... avec Pélagie, ma meilleure amie, ..."
                by_given.add(st.id)
            # An identifier the question gives ("invoice FL-2026-038", "the BO-60 manual") is said
            # whole: stems cut "FL-2026-038" and "FL-2026-022" to the same five letters.
            said_ok = all(i in _squeeze(" ".join([st.text, st.topic, st.source, st.context])) for i in ids)
            said_ok = said_ok and all(d in re.sub(r"\D", "", st.text + " " + st.source) for d in dialled)
            if dialled and said_ok:
                # "Whose number is 555-0156?": the line that holds that very number covers the
                # question, though every number of the exchange shares its stem "555-0".
                cover = 1.0
            # "Flat A", "room 3", "Incubator 5": a line about Flat B (and not Flat A) is about another one.
            said_ok = said_ok and not any(_other_label(noun, label, f"{st.topic} {st.text}") for noun, label in labels)
            # A line that only leaves a name's words out (no other identifier, number or label) may
            # still follow up a line that says them (reader_versions.unnamed_changes).
            unnamed = not names_ok and said_ok
            if names_ok and named_apart and st.fields and _other_name_same_stem(
                    named_apart, " ".join(v for k, v in st.fields.items() if NAME_KEY.fullmatch(k.strip()))):
                # "Mr Chikoti" is not "Dr Chikondi Jere", though both cut to the stem "chiko".
                names_ok, said_ok = False, False
            names_ok = names_ok and said_ok
            attached, named = True, False
            if info.want == "date" and re.search(r"\b(birthday|bday|b-day|anniversary|born|birth|dob)\b", info.text.lower()):
                # A log's date column or the date a line is filed under says when it was written or
                # paid ("date: 2026-11-28; item: Obinna's birthday: ..."), not the birthday.
                # A task's "deadline: 2026-06-21" is when something is due, not the birthday either.
                # (But a birthdays table's "date" column is each one's birthday: "| who | date |" under "# Birthdays".)
                listed = bool(_BIRTHDAYS_LIST.search(f"{st.topic} {Path(st.path).stem}"))
                filed = {v for k, v in st.fields.items()
                         if (_DATE_KEYS.search(k.replace("_", " ")) or _TASK_DATE_KEYS.search(k.replace("_", " "))) and not _BIRTH_KEY.search(k)
                         and not (listed and re.fullmatch(r"\s*(?:date|when|day)\s*", k, re.IGNORECASE))}
                typed = [v for v in birthday_dates(typed) if not any(v in f for f in filed) and not _filed_under(st, v)]
                if _BORN.search(info.text) and not re.search(r"\b(?:birthday|bday|b-day)\b", info.text.lower()):
                    # "When was Matyáš born?": a calendar's yearly "02/14/2027 {1Y} Matyáš
                    # narozeniny" is a birthday to come; nobody is born after today.
                    typed = [v for v in typed if max(map(int, re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", v)), default=0) <= date.today().year]
                # "renews 02.11", "valid until 18.03.2027": a renewal or an expiry, not a birthday.
                # ("Callum's birthday is not until 3 March" says when it is: "not until" is no expiry.)
                typed = [v for v in typed if not re.search(rf"\b(?:renews?|renewal|renewed|valid|due|expires?|expiry|(?<!\bnot )(?<!n't )(?:until|till)|deadline)\b"
                                                           rf"[^.;]{{0,20}}?{re.escape(v)}", st.text, re.IGNORECASE)]
                if not _BIRTH_WORD.search(st.text) and not re.search(r"\banniversary\b", info.text.lower()) \
                        and not re.search(r"\bturn(?:s|ed)?\s+\d|\bcelebrat|\byears? old\b", st.text, re.IGNORECASE):
                    # "Sibusiso, bhuti Thulani and his crew loaded the D-Max" under "2026-06-27 Sat":
                    # the heading's day is when that happened, not Thulani's birthday. ("Ma turned
                    # 60 today!" under its day says it.)
                    typed = [v for v in typed if v in st.text]
                if _NAME_DAY.search(st.source or st.text) and not _BIRTH_WORD.search(st.source or st.text):
                    typed = []  # "Paweł - imieniny 29.06": his name day, not his birthday
                if _FOR_BIRTHDAY.search(st.text) and not typed_values(st.text, info.want, exclude=info.text):
                    # "She wants a hamster for her birthday" under a letter's date: the day the
                    # letter was written, not the birthday.
                    typed = []
                own = [v for v in own if v in typed]
            if info.want == "date" and typed and _ASKS_AN_END.search(info.text):
                # "When does my car insurance expire?": "now insured with Ndzilo Seguros, ..., from
                # 1 August" says when the policy starts, not when it ends.
                # ("cover started 1 July", "starts on 1 August" alike.)
                typed = [v for v in typed if not re.search(rf"\b(?:from|since|starting|as of|effective|start(?:s|ed)?(?: on)?|beg[ai]ns?(?: on)?)\s+(?:the\s+)?{re.escape(v)}",
                                                           st.text, re.IGNORECASE)]
                own = [v for v in own if v in typed]
            if info.want == "money" and asked_currency and typed and not asked_currency & _currencies(st.text + " " + st.source):
                typed = own = []  # "How much is it in euros?" is not answered by an amount in dollars
            if info.want == "money" and info.subject and typed and st.fields:
                # "Late fee: R 350 if rent is later than the 7th" is the late fee, not the rent:
                # an amount keyed by another thing, where the asked word is only mentioned.
                # A text message's "message:" or a row's "notes:" holds what was said, not a thing.
                subj = stem(info.subject)
                things = {k: v for k, v in st.fields.items() if not _TEXT_KEYS.fullmatch(k.strip())}
                if (things and not any(subj in content_words(k) for k in st.fields)
                        and any(subj in content_words(v) and any(t in v for t in typed) for v in things.values())):
                    typed = [v for v in typed if _near(st.text, v, info.subject, window=1)]
                    own = [v for v in own if v in typed]
            if info.want == "number" and counted and typed:
                # "How many drivers ...": a count of drivers ("120 drivers"), not "47 minutes".
                # (A recipe's "Makes 16." under its heading counts what the question's verb makes:
                # "How many buns does the recipe make?"; so "serves 6", "sleeps 4", "seats 7".)
                typed = [v for v in typed if _near(st.text, v, counted.group(1), window=3, glossed=True)
                         or any(stem(m.group(1).lower()) in verbs
                                for m in re.finditer(rf"\b({_COUNTING_VERB})\s+(?:about\s+|up to\s+)?{re.escape(v)}\b", st.text, re.IGNORECASE))]
                own = [v for v in own if v in typed]
            if info.want == "number" and typed and re.search(r"\bhow old\b", info.text.lower()):
                # An age: "7 years old", "aged 7", "turns 70"; not "a 12 kg bag" nor "every 3 months".
                typed = [v for v in typed if re.search(rf"(?:(?<!every )(?<!each )\b{re.escape(v)}[\s-]*(?:years?|yrs?|yo|y/o|months?)\b|"
                                                       rf"\b(?:aged?|turns?|turned)\s+{re.escape(v)}\b)", st.text, re.IGNORECASE)]
                own = [v for v in own if v in typed]
            if info.want == "name" and typed:
                # "Finally bought the P-bass!!", "Need a first aider": a capital that only starts a
                # sentence is no name when it is a common opener or the notes write the word in
                # lower case elsewhere.
                # ... and "Covers my stuff at the flat only, not Ruby's" says who is not meant.
                typed = [v for v in typed if not self._common_word(v, st.text)
                         and not re.search(rf"\b(?:not|nor|never)\s+{re.escape(v)}\b", st.text)]
                own = [v for v in own if v in typed]
            if info.want == "name" and typed:
                asked_names = [re.sub(r"['’]s$", "", n.split()[0]) for n in info.names]
                if _FULL_NAME.search(info.text) and asked_names:
                    # "What's Ade's last name?": a name that starts with Ade and goes on.
                    typed = [v for v in typed if v.split()[0] in asked_names and len(v.split()) > 1]
                else:
                    # "the name of Rin's daycare teacher" is not Rin: someone else is asked about.
                    # A name that only qualifies the thing asked ("my KiwiSaver provider") may be
                    # part of the answer's name ("Northstar KiwiSaver Scheme").
                    qualifying = {n for n in asked_names if info.subject
                                  and re.search(rf"\b{re.escape(n)}\s+{re.escape(info.subject)}\b", info.text)}
                    typed = [v for v in typed if not set(v.split()) & set(asked_names)
                             or (set(v.split()) & set(asked_names) <= qualifying and set(v.split()) - qualifying)]
                if re.search(r"\b(?:first|given|christian) name\b", info.text.lower()):
                    # "Mr Adebayo" gives a surname: it does not answer "the inspector's first name".
                    typed = [v for v in typed if not re.fullmatch(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+\S+", v) and not v.isupper()]
                if info.subject in ("landlord", "landlady") and (rented := RENTED_FROM.search(st.text)):
                    # "Renting the house in Vaitele-uta from Tavita Soliai": the name after "from".
                    at = st.text.lower().rfind("from", 0, rented.end())
                    typed = [v for v in typed if st.text.find(v, at) >= 0] or typed
                if partners := partners_named(st.text, typed, own_kin):
                    # "## Brother / Tomasz. His wife Anna Kowalczyk is a nurse.": Anna is his wife,
                    # not the brother asked of.
                    typed = [v for v in typed if v not in partners]
                own = [v for v in own if v in typed]
            if info.want == "email" and typed and info.names:
                # An address names its owner: "farah.qureshi@..." on a card that mentions Ingrid
                # is Farah's, not Ingrid's; "i.halvorsen@..." is Ingrid Halvorsen's.
                typed = [v for v in typed if not _email_of_another(v, info, f"{st.topic} {Path(st.path).stem} {st.text}")]
                own = [v for v in own if v in typed]
            # "Hodnet's garage": the garage is Hodnet's.
            bare = re.sub(r"['’]s\b", "", st.text) if kind_noun or role else st.text
            if kind_noun and typed:
                # "Which garage fixed the car?": a name beside the word "garage" ("Hodnet's
                # garage fixed it") or one that carries it ("Hodnet's Garage"); a company or an app
                # by a name of a line that does not say the word ("I joined Brightwater Robotics");
                # never the name of the letter the line is in.
                noun = kind_noun.group(1)
                own_names = [v for v in typed if v in typed_values(st.text, "name", exclude=info.text)]
                beside = [v for v in own_names if _near(bare, v, noun, glossed=True) or noun in v.lower() or names_its_kind(v, noun, info.text)]
                # ... in the line's own language too ("Школа: Київський ліцей №12" says "school").
                said_kind = re.search(rf"\b{noun}", st.text.lower()) or noun in english_for(st.text)
                # A line that says every other word of the question ("Switched my climbing
                # membership to Ledge Climbing Co." for "Which climbing gym am I a member of?") is
                # about the place without naming its kind.
                others = info.terms - {stem(noun)}
                about_it = len(others) >= 2 and others <= terms
                # (Not whose the thing is: "Samoa Commercial Bank - savings ... (Leilani's school
                # savings)" names no branch; Leilani owns the savings.)
                own_names = [v for v in own_names if not re.search(rf"\b{re.escape(v)}(?:['’]s\b|['’](?!\w))", st.text)]
                typed = beside if said_kind or (re.fullmatch(_SITE_KINDS, noun) and not about_it) else own_names
                # Of those, one that carries the kind in its name is the place; a doctor's name
                # beside it is who works there ("Dr. Karine Manukyan, Polyclinic No. 17").
                typed = [v for v in typed if noun in v.lower() or names_its_kind(v, noun, info.text)] or typed
                own = [v for v in own if v in typed]
            if modifiers and typed and stem(role[0]) not in terms:
                typed = [v for v in typed if not {stem(w) for w in words(v.lower())} & modifiers]
                own = [v for v in own if v in typed]
            if info.want == "code" and len(typed) > 1 and (secret := SECRET_NOUNS.search(info.text.lower())):
                # "Wi-Fi: Yusupovlar_5G, password Bodomzor57kv": the password is the code the
                # line gives right after the word, not the network's name before it.
                beside = [v for v in typed if re.search(rf"\b{secret.group(1)}\w*\s*[:=-]?\s*{re.escape(v)}", st.text, re.IGNORECASE)]
                if len(beside) == 1:
                    typed = beside
                    own = [v for v in own if v in typed]
            if role and len(typed) > 1:
                # "Sabina: Tarbiyachi (teacher): Dilnoza Rashidova": the role's word in the notes'
                # language is the label, not the teacher's name.
                typed = [v for v in typed if stem(role[0]) not in {stem(w) for w in english_for(v)}] or typed
                own = [v for v in own if v in typed]
            if role and len(typed) > 1 and re.search(rf"\b{re.escape(role[0])}\b", st.text.lower()):
                # "Hazel class, teacher Mrs Ferreira": of several names, the one beside the asked
                # role ("my kid's teacher"), when the line says the role.
                beside = [v for v in typed if _near(bare, v, role[0], window=1)]
                typed = beside or typed
                own = [v for v in own if v in typed]
            if info.want == "name" and info.subject and stem(info.subject) in content_words(st.text) and _NAMES_IT.search(info.text):
                # The statement names the thing asked about: a name counts only beside it
                # ("our border collie, Pixel"), not elsewhere ("Felix is allergic to cats").
                # ... or the heading the line opens under, when the line starts by saying what it
                # is: "* Tsotsi" over "Our dog, a brown mixed breed, came from the SPCA".
                # (Not a heading the notes write in lower case too: "Pets" is no dog's name.)
                headed = [st.topic] if (st.topic and st.topic not in st.text and typed_values(st.topic, "name") == [st.topic]
                                        and re.match(rf"(?:our|my)\s+(?:[\w-]+\s+)?{re.escape(info.subject)}\b", st.text, re.IGNORECASE)
                                        and not (self.mentions is not None and self._lower_word(st.topic))) else []
                typed = [v for v in typed if _near(st.text, v, info.subject)] or headed
                attached = named = bool(typed)
            if info.want == "name" and info.subject and not named and stem(info.subject) in BOSS_WORDS and (
                    boss := new_boss_named(st.text, typed)):
                # "Sireli moved over to the Nadi office, so I now report to Shalini Lal" names the
                # manager by the words, not by the word.
                typed, named = boss, True
                own = [v for v in own if v in typed]
            if info.want == "name" and info.subject and not named and typed:
                # "Mamma (Loredana) e papà (Franco) stanno a Imola", "mamka = Eva Dvořáková": the
                # name in brackets or after "=" right after the asked relation's word, in the note's
                # own language, is that person (and beats a line only keyed by the word, "mamka:
                # poukaz do lázní Luhačovice", which is a present for her).
                subj = stem(info.subject)
                bracketed = [m.group(2) for m in re.finditer(r"\b([^\W\d_]+)\s*(?:\(|=\s*)([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?:\)|[\s,.;]|$)", st.text)
                             if subj in content_words(m.group(1)) | content_words(" ".join(english_for(m.group(1))))]
                # ("Ondřej = můj přítel (Ondra)": a bracketed name that starts like a name before it
                # is that one's nickname, said after the relation.)
                earlier = [w for w in re.findall(r"[A-Z][\w'’-]+", st.text.split(bracketed[0])[0]) if bracketed] if bracketed else []
                if bracketed and any(fold(w).lower()[:3] == fold(bracketed[0]).lower()[:3] for w in earlier):
                    bracketed = []
                if len(bracketed) == 1 and bracketed[0] in typed:
                    typed, named = bracketed, True
                    own = [v for v in own if v in typed]
            if info.want == "name" and info.subject and not named and st.fields:
                # "physio:: [[Amara Ojo]]": a value keyed by the very role asked for names it (a
                # key that points elsewhere, "physio:: see [[Climbing]]", does not).
                keyed = [v for k, v in st.fields.items() if stem(k.lower()) == stem(info.subject) and not _SEE_ALSO.match(v)]
                # ... in the note's own language too ("Annem: Sevim Aydın. Retired teacher", "Äiti:
                # Pirjo, in Jyväskylä"), when what the key says reads as a name, not as a thing
                # measured ("Mama: Royal Canin Sterilised 2 kg" is the cat's food in Turkish).
                # (A key that says it in English, "Big news at school", is no foreign word for it.)
                keyed += [v for k, v in st.fields.items() if stem(k.lower()) != stem(info.subject) and not _SEE_ALSO.match(v)
                          and len(k.split()) <= 3 and stem(info.subject) not in content_words(k)
                          and stem(info.subject) in content_words(" ".join(english_for(k.strip())))
                          and not re.search(r"\d", re.split(r"[.,;(]", v, maxsplit=1)[0])]
                by_key = [v for v in typed if any(v in k for k in keyed)]
                # "Ev sahibi: Kemal Ersoy (Kemal Bey). Prefers WhatsApp": the name the value opens with.
                # ("Pronajímatelka: paní Kratochvílová, komunikace přes e-mail ..." opens with her, titled.)
                # (Not a name the value only ends on, after words that say a thing: "mamka: poukaz do
                # lázní Luhačovice" is a spa voucher for her.)
                by_key = [v for v in by_key if any(re.match(rf"[\W_]*(?:(?:{_TITLE}|paní|pán)\.?\s+)?{re.escape(v)}", k) for k in keyed)] or [
                    v for v in by_key if not any(v in k and _opens_lower(k) for k in keyed)]
                if by_key:
                    typed, named = by_key, True
                    own = [v for v in own if v in typed]
            other = other_owner(info, st.text, st.fields)
            # "Who is Dev?" wants what Dev is ("our neighbour"), not any line that starts with Dev.
            define = defines(info, st) or (not what_is and about(info, st))
            mine = what_is and define and bool(re.search(r"\b(?:my|our)\b", st.text, re.IGNORECASE))
            prerank = cover + (0.5 if typed else 0.0) + 0.3 / (st.rank + 1) - (W_OTHER if other else 0.0)
            if person_asked and not names_ok and _someone_else(st.text, info.text):
                # Someone else's row ("Név: Szilágyi Gábor; Telefon: ...") goes after the lines that
                # name the one asked of ("Gergő új száma: ..."), for the few candidates read. (Not a
                # line that names no one: "Mulla on uusi numero ..." in Antti's own message.)
                prerank -= PRE_UNNAMED
            if what_is and _contact_only(info, st):
                # An address book's card repeats the name on every line ("Choi Yuna: surname:
                # Choi"); the line that says who she is must not be crowded out of the few read.
                prerank -= 0.5
            type_weight = W_TYPE if own else W_TYPE / 2 if typed else 0.0
            if info.want == "date" and typed and re.search(r"\bnext\b", info.text, re.IGNORECASE):
                # "When is my next dentist appointment?" is not "last one 08/01/2026".
                past = [v for v in typed if re.search(rf"\b(?:last|previous|latest)\b(?:\s+\S+){{0,2}}\s+(?:on\s+|was\s+)?{re.escape(v)}",
                                                      st.text, re.IGNORECASE)]
                typed = [v for v in typed if not any(v in p for p in past)]  # nor the year of that date
                own = [v for v in own if v in typed]
            if info.want == "date" and typed and (stamp := re.match(r"\W*\[(\d{1,2}:\d\d(?::\d\d)?)\]", st.source or st.text)):
                # "[01:05] Dentist moved!": a voice memo's or a chat's clock stamp says when it was
                # said, no day of what it tells.
                typed = [v for v in typed if v != stamp.group(1)]
                own = [v for v in own if v in typed]
            if info.want == "date" and typed and not own and _OWN_TIME.search(st.source or st.text):
                # "the lease runs to February anyway" under "Monday 18 May 2026": the line says its
                # own time (a month, a weekday), so the day it was written is not the answer.
                typed = []
            if typed and not own and not _said_in(_attribute_terms(info), own_terms) and not a_plate_asked(info.text, typed):
                # A date only in the heading of a diary entry says when the entry was written; it
                # answers "when" only if the statement is about what was asked ("birthday").
                # (A plate in the label says it is one: "Kia e-Niro (2022), RZK 19D: Elin's car".)
                typed = []
            if info.want == "code" and own and _NUMBER_STEM in info.terms and _NUMBER_STEM not in terms and len(info.terms) == 2 and any(
                    info.terms - {_NUMBER_STEM} <= content_words(k) and any(v in f for v in own) for k, f in st.fields.items()):
                # "What's my passport number?": "Passport: A4827169" says the number by holding one
                # under a key that names the rest; the word "number" is said by every other
                # number's line ("Mama has a new number"). (One word besides: "bank account
                # number" over several accounts is asked back by the lines that say it.)
                cover += 1 / n_terms
            out.append(Scored(statement=st, cover=round(cover, 3), typed=typed, prerank=round(prerank, 4), other_owner=other,
                              owner_ok=owner_ok, attached=attached, defines=define, mine=mine, named=named, names_ok=names_ok, unnamed=unnamed,
                              type_weight=type_weight, car_said=car_said))
        if by_given and any(c.defines and c.statement.id not in by_given for c in out):
            # A line that names them in full and says who they are tells it better ("you report to
            # Seun Adeyemi, Director of Engineering" over "Present: Seun joined for 15 min").
            out = [c for c in out if c.statement.id not in by_given]
        _mine_beside_others(info, out, common=self._lower_word if self.mentions is not None else None)
        out.sort(key=lambda s: -s.prerank)
        return out[: self.n_candidates]

    def _owner_left_out(self, c: Scored, named: list[Scored]) -> bool:
        """Whether a line that does not say whose it is leaves out only the owner the question
        names: every name it holds is one a line naming the owner says too ("сад "Балауса" fee now
        72 000 ₸" after "Amina: детский сад "Балауса" ... 65 000 ₸") or a common word opening a
        sentence. "Raushan: 200 000 ₸/мес from October" is the nanny's pay, not Amina's fee."""
        if re.search(r"\b(?:her|his|their)\b", c.statement.text, re.IGNORECASE):
            return False  # "Her number changed last year": whose it is, said by a pronoun, is someone's
        said = " ".join(b.statement.text for b in named)
        return all(w in said or self._common_word(w, c.statement.text) for n in names(c.statement.text) for w in n.split())

    def _written(self, word: str) -> bool:
        """Whether the notes write `word` as it is (the full-text index finds a line that does)."""
        if self.mentions is None:
            return False
        low = word.lower()
        if low not in self._written_cache:
            said = re.compile(rf"(?<![^\W\d_]){re.escape(low)}(?![^\W\d_])")
            self._written_cache[low] = any(said.search(line.lower()) for line in self.mentions(low))
        return self._written_cache[low]

    def _lower_word(self, word: str) -> bool:
        """Whether the notes also write `word` in lower case: "Documents" is a label, "Zala" a name."""
        low = word.lower()
        if low not in self._lower_cache:
            self._lower_cache[low] = written_in_lower_case(low, self.mentions(low))
        return self._lower_cache[low]

    def _common_word(self, value: str, text: str) -> bool:
        # A capital that opens a sentence, or a key ("Membership: Granite Wall → ..."), or a
        # heading's numbered thing ("Term 3 starts, new teacher").
        if " " in value or not re.search(rf"(?:^|[.!?:]\s+|^\W+){re.escape(value)}(?:\s+[a-z\u0430-\u045f]|:\s|\s+\d)", text):
            return False
        low = value.lower()
        if re.fullmatch(r"[\u0400-\u04ff]+(?:ть|ться|ємо|имо|ую|юю)", low):
            return True  # "Ходить до сімейної лікарки" ((she) goes to ...): a Ukrainian verb, no one's name
        if low in SENTENCE_OPENERS:
            return True
        if fts_query(low) is None and low not in _GLUE_NAMES:
            # "Same coach.": a word the full-text index drops as glue, so no look-up below can
            # find it written in lower case; none is a name but "Will".
            return True
        if re.search(rf"(?:^|[.!?:]\s+|^\W+){re.escape(value)}\s+(?:my|your|our|his|her|their|its|them|him|me|us)\b", text):
            return True  # "Covers my stuff at the flat": a verb that opens a note's sentence
        if self.mentions is None:
            return False
        return self._lower_word(low)

    def _given_name_alone(self, info: QuestionInfo) -> re.Pattern | None:
        """"Who is Pélagie Dansou?": what a line says when it calls her Pélagie alone and says what
        she is to the user right at the name ("Pélagie, ma meilleure amie", "my cousin Pélagie"; not
        "Present: Seun joined late"); None unless the notes give that given name with no other
        family name. Asked once per question: the look-up reads every line naming the given name."""
        if len(info.names) != 1 or self.mentions is None:
            return None
        parts = info.names[0].split()
        if len(parts) != 2 or parts[0].lower().strip(".") in _TITLES:
            return None
        given = re.escape(parts[0])
        after = re.compile(rf"\b{given}\s+([{_UPPER}][\w'’-]+)")
        if not all(m.group(1) == parts[1] for t in self.mentions(parts[0]) for m in after.finditer(t)):
            return None
        return re.compile(rf"\b{given}\s*,\s*{_MY}\s|\b{_MY}\s+(?:[^\W\d_][\w'’-]*\s+){{0,2}}{given}\b")

    def admissible(self, info: QuestionInfo, cands: list[Scored]) -> list[Scored]:
        """The candidates that could answer at all, before the model is asked."""
        if roles := _named_roles(info):
            # "Sabina's kindergarten teacher": a line about Sabina that says no teacher (her
            # kindergarten's name) is about her, not the teacher.
            cands = [c for c in cands if _says_role(roles, _terms_of(c.statement) | content_words(" ".join(c.statement.fields)))]
        if info.want == "code":
            # A code, and for a secret its own noun on the line ("Bike shed padlock code: 5182") ...
            # ... unless every other word of its name keys the line ("bike lock: 4197").
            secret = SECRET_NOUNS.search(info.text.lower())
            others = [stem(w) for w in attribute_words(info.text, _whose(info)) if not SECRET_NOUNS.fullmatch(w)]
            # (A code named by its acronym is said by it: "eic = 38ZEE-00184427-K" is the EIC code.)
            acronyms = _code_acronyms(info)
            cands = [c for c in cands if c.typed and (not secret or same_or_synonym(secret.group(1), _terms_of(c.statement))
                                                      or (others and all(o in _terms_of(c.statement) for o in others))
                                                      or any(re.search(rf"\b(?i:{re.escape(a)})\b", c.statement.text) for a in acronyms))]
            if secret:
                cands = [c for c in cands if not secret_kept_elsewhere(c.statement.text)]
            elif re.search(r"\b(?:ref|reference)\b", info.text.lower()):
                # "the booking reference for the Chile flights": of the lines with a code, those
                # that say it is a reference ("The booking reference is QXM4TR"), not the flight's
                # "LATAM LA 705" on the booking line before it.
                saying = [c for c in cands if _REFERENCE.search(f"{c.statement.text} {' '.join(c.statement.fields)}")]
                cands = saying or cands
        if info.want == "money" and _ONE_OFF_PRICE.search(info.text) and not _PERIOD_ASKED.search(info.text):
            # "How much did we pay for the house?" asks what it cost once; "N$ 3 200 a month" to
            # the domestic worker, "Bs 380 a month" of building fees or "€48,500 a year" of pay
            # are what is paid every month or year, not that price.
            cands = [c for c in cands if not recurring_only(c.statement.text, c.typed)]
        asked_days = _day_months(info.text) if re.match(r"^\W*whose\b", info.text, re.IGNORECASE) else set()
        # Whose it is may be left out with the name when that name is the owner: "Period of
        # insurance: 19/10/2026 to 18/10/2027" in the letter about the Swift's policy (such a line
        # is read only as the change of a line that names it: unnamed_changes).
        owner_named = bool(info.owners) and all(stem(o) in {stem(w.lower()) for n in info.names for w in _name_words(n)} for o in info.owners)
        if info.want in ("date", "time", "phone", "email", "address", "money", "percent", "number", "temperature", "duration", "weight", "dose", "ip"):
            # The question asks for a kind of value of someone's; a statement without one, or
            # about someone else, cannot answer it ("my brother's phone number" vs Dev's number).
            # (Not the day "Whose birthday is on 17 May?" gives: that day is no value to find.)
            cands = [c for c in cands if (c.typed or asked_days and info.want == "date") and (c.owner_ok or owner_named and c.unnamed)]
        if info.want in ("phone", "email") and ASKS_OWN.search(info.text) and not info.names:
            # "my work phone": not the line that tells a friend's new number, whatever else it says
            # ("Jonas has a new number: ... (old one is gone with the work phone)").
            cands = [c for c in cands if not someone_elses_new_number(info, c.statement.text)]
        if info.want in ("date", "time"):
            # "When was my passport issued?": not a line whose every day is when it expires.
            # ... nor, for when a paper expires, the year a car was made ("Lexus RX 300 (2003, black)").
            cands = [c for c in cands if not c.typed or (values_of_other_event(info.text, c.statement.text, c.typed)
                                                         | described_years(info.text, c.statement.text, c.typed)) != set(c.typed)]
        if info.want == "name":
            # A name the question does not already say: "Birgit and her husband send their love"
            # does not name the husband.
            cands = [c for c in cands if c.typed]
        if (kin := _asked_kin(info)) and kin.endswith("-in-law") and not info.names:
            # "When is my mother-in-law's birthday?": a line that speaks of a mother only in its own
            # language, without saying the in-law ("Birthdays: Tinā - 21/06/1960", Samoan for
            # mother), is about my own. (In English a line may make the in-law of two relations:
            # "Karim Haddad (Lina's brother)" is my wife's brother.)
            base = stem(kin[: -len("-in-law")])
            cands = [c for c in cands if base not in _terms_of(c.statement) or base in content_words(f"{c.statement.topic} {c.statement.text}")
                     or says_kind(f"{c.statement.topic} {c.statement.text}", kin)]
            # ... and "Marloes: my sister, ... Married to Pieter" is about my own sister, not my
            # sister-in-law (unless the line names the in-law: "Bram: my little brother ... Married Yasmin").
            own_word = kin[: -len("-in-law")]
            cands = [c for c in cands if not says_my_relative(own_word, c.statement.text)
                     or in_law_named(kin, c.statement.text) or re.search(r"(?i)-in-law\b", c.statement.text)]
        if asked_days:
            # "Whose birthday is on 14 June?": only a line that holds that day answers, however
            # it writes it ("14 June", "4.12.1934", "2019. 03. 02.", "1987-04-22").
            cands = [c for c in cands if asked_days & _day_months(f"{c.statement.text} {c.statement.source} {c.statement.topic}")]
            if info.want == "date":
                # A line that writes the day with more and says what it is ("27/10/2569. Beam's
                # birthday") gives it as a date of its own; one that writes only the day asked
                # ("แฟน: his birthday is 27 October") is read when none does.
                cands = [c for c in cands if c.typed and c.cover > 0] or cands
        if not _ASKS_MAIL.search(info.text):
            # An e-mail's subject line names the thread ("Re: Re: Mama to Vienna - flights"); it
            # answers what the thread was about, not what a message in it says. (Not Spanish
            # "Asunto:", which in Finnish is the flat.)
            # (One that holds a number says it: "Subject: BESCOM bill - Account ID 9120558813".)
            cands = [c for c in cands if not (_SUBJECT_LINE.match(c.statement.text) and not re.search(r"\d", c.statement.text))]
        # A folder's README line that says what a file holds ("HOGAR-salud.xml: EPS, médicos,
        # citas") tells where the answer is kept, not the answer.
        cands = [c for c in cands if not _FILE_INDEX_LINE.match(c.statement.source or c.statement.text)] or cands
        # A statement that does not mention a name the question uses is about something else.
        # ... and one about someone else's X ("Mom's birthday") does not answer "my X".
        named = [c for c in cands if c.attached and c.names_ok and not c.other_owner]
        # ... unless it tells a change of a line that does name it: "2.0 go/no-go: the launch
        # moves to 10 December" after "Target launch date for Waypoint 2.0: 12 November".
        # (A name it holds that a line naming the asked one says too is no other thing's: "the
        # Under-10s moved training to Thursday" after "Josaia: Rugby: Tamavua Under-10s, ...".)
        said_of_them = " ".join([info.text, *(c.statement.text for c in named)])
        # (The boss a line says the user now reports to is the asked one, not another thing it
        # names: "Je rapporte directement à Mme Clarisse Tossou" for "Who's my boss at Hlandé?".)
        bosses = info.terms & BOSS_WORDS
        unnamed = [c for c in cands if c.attached and c.unnamed and not c.other_owner and (c.owner_ok or owner_named and self._owner_left_out(c, named))
                   and not _names_another(c.statement, " ".join([said_of_them, *(new_boss_named(c.statement.text, c.typed) if bosses else [])]))]
        changes = unnamed_changes(info, named, unnamed, terms=lambda st: _terms_of(st) | _initialled(info, st.text),
                                  written=version_date, page=page_date)
        # ... or goes on from it on the same line: "Ghana tickets bought! KLM, leave Toronto
        # December 15, back January 12." is the Ghana trip's line, told in two sentences.
        # (The names it holds are the same telling's: KLM, Toronto.)
        # ... or names it in the sentence before it on its line, which no search found: "FijiCare
        # through Koro Sea Digital, family cover. Member number FC-3318420."
        cands = named + changes + [c for c in cands if c.attached and c.unnamed and not c.other_owner and c.owner_ok and c not in changes
                                   and (any(_goes_on_from(n.statement, c.statement) for n in named)
                                        or _named_on_its_line(info, c.statement, _terms_of(c.statement)))]
        asked_months = info.terms & _MONTH_STEMS
        if asked_months:
            # A record's own date column says its month too ("Date: 2026-10-11" is October's).
            months = [(c, _MONTH_STEMS & _terms_of(c.statement), _record_month(c.statement)) for c in cands]
            if any(asked_months & (said | row) for _, said, row in months):
                # "at the November check-up": lines dated in another month are other check-ups.
                cands = [c for c, said, row in months if asked_months & (said | row) or not said | row]
            elif info.want == "money":
                # "the Ignitis bill in November", and no line says November: a payment row dated
                # 11 October is another month's payment, not that bill.
                cands = [c for c, _, row in months if not row]
        if day := asked_day(info.text):
            # "How much salary came in on 5 September?": the rows of other days are other payments.
            days = [(c, days_of(c.statement)) for c in cands]
            if any(day in said for _, said in days):
                cands = [c for c, said in days if day in said or not said]
        if asks_what_is(info):
            # "Who is Brenda Kaye?" is not answered by her phone number alone, when another line
            # says more of her.
            said = [c for c in cands if not _contact_only(info, c.statement)]
            cands = said or cands
            if info.names and re.fullmatch(rf"\W*(?:who|what)(?:'s|’s| is| was)\s+{re.escape(info.names[0])}\W*", info.text, re.IGNORECASE):
                # ... nor by her birthday or a line that only mentions her, when another says what
                # she is ("Ruan, my partner, ...", "Hired Kit as Saturday mechanic").
                # Of those, one that says what they are to the user ("Fiona's husband, so my
                # brother-in-law.") over what they do ("Supports Aberdeen FC").
                kin_said = [c for c in cands if c.defines and re.search(rf"\b(?i:my|our)\s+(?:(?i:{RELATION_ADJECTIVES})\s+)?(?i:{_KIN})(?![\w'’])",
                                                                        c.statement.text)]
                cands = kin_said or [c for c in cands if c.defines] or cands
        if info.want == "name" and info.subject:
            # "What is my starter called?": a statement that says "the starter is called Gerald"
            # beats every statement that does not name the starter at all ...
            named = [c for c in cands if c.named]
            # ... but not a newer line that tells who it is now ("Od 1. 12. nam je nova obiteljska
            # liječnica dr. Nives Bašić" after the card's "Obiteljska liječnica: dr. Jasna Perić").
            # (A journal entry titled "First snow, new dentist" says who the dentist is now without the word:
            # "From now on I go to Dr Adilet Omurbekov".)
            newer = [c for c in cands if not c.named and c.typed and c.names_ok
                     and (_kind_before(c.statement.text, info.subject, c.typed) or _titled_new(c.statement, info.subject)
                          or _kind_after(c.statement.text, info.subject, c.typed))
                     and any(same_fact(info, n, c, _terms_of) and newer_version(c, n, version_date, page_date) for n in named)]
            cands = named + newer if named else cands
        if (role := re.search(r"^\W*who(?:'s|’s| is)\s+(?:my|our)\s+([a-z]+)\b", info.text, re.IGNORECASE)):
            # "Who is my manager at JingYue?": not the card that calls him "now former manager",
            # when another line names the manager.
            current = [c for c in cands if not _former(role.group(1).lower(), c.statement.text)]
            cands = current or cands
        return cands

    def score(self, info: QuestionInfo, cands: list[Scored], nicknames: dict[str, list[str]] | None = None) -> None:
        if not cands:
            return
        q = " " + _clip(info.text, MAX_QUESTION_CHARS)
        # A sentence that goes on by pronoun is read with the one that names whom it means.
        texts = [f"{c.statement.context} {c.statement.text}" if c.statement.continues else c.statement.text for c in cands]
        pairs = [(PASSAGE.format(s=_clip(_as_named(text, nicknames), SCORE_CHARS)), q) for text in texts]
        pairs.append((NO_PASSAGE, q))
        lps = self._logprobs(pairs)
        base = _mean(lps[-1])
        for c, lp in zip(cands, lps):
            c.pmi = round(_mean(lp) - base, 4)
        combine(cands, info)

    # -- reading ----------------------------------------------------------------------------------
    def read(self, question: str, statements: Sequence[StatementHit], *, already_said: str = "",
             nicknames: dict[str, list[str]] | None = None) -> Reading:
        """`already_said`: the previous answer, when this question follows up on it asking for
        something else ("What is my dog called?" → "What colour is she?"): the statement that
        answer came from is tried last, because the user asks beyond it.
        `nicknames`: what the notes also call a person the question names ("Hems" for Hemi, from
        his card's "nick=Hems"); a line that says the nickname speaks of them."""
        info = analyse(question)
        if not info.terms and not info.names:
            return Reading(kind="abstained", answer=DONT_KNOW, question=question)
        if not info.names and (kin := _relative_itself(info)) and (given := named_kin(kin, statements)):
            # "My brother Shivnarine living in Wismar now": a later "Shivnarine moved to New
            # Amsterdam for good" speaks of the brother asked of, as a nickname speaks of its person.
            nicknames = {**(nicknames or {}), kin: [given]}
        cands = self.candidates(info, statements, nicknames or {})
        ambiguous = self._ambiguity(info, cands, statements)
        if ambiguous and info.names and not info.want and self._tells_neither(info, cands, ambiguous):
            # "What's Daniyar's blood group?" over two Daniyars, neither with a blood group: which
            # one is asked does not matter, the notes do not say it of either. (A phone number or
            # a birthday is often told a sentence after the name, or under another form of it:
            # the chat reads each one's, ChatEngine._each_option.)
            return Reading(kind="abstained", answer=DONT_KNOW, question=question, candidates=cands)
        if ambiguous:
            text = f"Your notes mention {join_names(ambiguous)}. Which one do you mean?"
            return Reading(kind="ambiguous", answer=text, question=question, statement=cands[0].statement, candidates=cands,
                           options=ambiguous)
        cands = self.admissible(info, cands)
        if not cands and info.want == "weight" and re.match(r"^\W*how much\b", info.text, re.IGNORECASE):
            # "How much regres did I get this year?" is asked as "How much borlotti did I get?":
            # where no line weighs it, the notes may pay it ("regres 1.450 € came with the June pay").
            info = info.model_copy(update={"want": "money"})
            cands = self.admissible(info, self.candidates(info, statements, nicknames or {}))
        if not cands:
            return Reading(kind="abstained", answer=DONT_KNOW, question=question)
        if len(cands) > 1 or cands[0].cover < MIN_COVER:
            self.score(info, cands, nicknames)  # one candidate that covers the question needs no model to choose it
        else:
            combine(cands, info)
        if self.recall is not None and len(cands) > 1:
            support(cands, self.recall(question), info)
        if cands and self.labelled_otherwise(info, cands[0]):
            # "Rent: Bond paid: FJ$2,700" for "How much is our rent?": a line whose own label names
            # the contrary goes after those that do not, before the newer versions are looked for
            # ("Rent from 1 November: FJ$1,480 a month" over "Rent: FJ$1,350 a month").
            cands.sort(key=lambda c: self.labelled_otherwise(info, c))
        # Before the newer versions: "training moves to Thursdays" still beats the first notice.
        cands = fuller_in_lower_case(info, cands, terms=lambda st: _terms_of(st, nicknames) | _initialled(info, st.text))
        prefer_newer(info, cands, terms=lambda st: _terms_of(st, nicknames) | _initialled(info, st.text), written=version_date,
                     page=page_date)
        siblings = None if already_said else _sibling_ambiguity(info, cands, statements)
        if siblings:
            return Reading(kind="ambiguous", answer=f"Your notes mention {join_names(siblings)}. Which one do you mean?",
                           question=question, statement=cands[0].statement, candidates=cands)
        if already_said:
            said = _words(already_said)
            cands.sort(key=lambda c: _words(c.statement.text) <= said | _PERSON_WORDS)  # stable: False first
        reading = self.decide(info, cands, question)
        if reading.kind == "answered" and (reading.value is None and _NOT_KNOWN.search(reading.statement.text)
                                           or info.want == "name" and _NAME_NOT_KNOWN.search(reading.statement.text)):
            # "... with his girlfriend, whose name I still keep forgetting", "the donor card with my
            # blood group on it, which has not come yet": the line says the notes do not know it.
            # The line is kept as the source, not quoted: a refusal that repeats a line's dates
            # and numbers reads like an answer.
            return Reading(kind="abstained", answer=NOT_KNOWN_YET, question=question, statement=reading.statement, candidates=cands)
        if reading.kind == "answered" and (_sibling_key(info, reading.statement, statements)
                                           or _thing_elsewhere(info, reading.statement, statements)
                                           or _done_to_another(info, reading.statement, statements)
                                           or _part_for_total(info, reading.statement)):
            return Reading(kind="abstained", answer=DONT_KNOW, question=question, candidates=cands)
        if reading.kind == "answered" and not already_said:
            reading = self._unless_retired(info, reading, statements, question)
        # (A value chosen from a line that names two of the asked kind, "Uncle Ransford Blagrove lives in
        # Montego Bay; Uncle Lascelles Pusey lives in May Pen", is one of two as well.)
        many = None if already_said or reading.kind != "answered" else (
            reading.value is None and _relatives_in_one_line(info, reading, cands) or _kin_named_twice(info, reading.statement.text))
        if many:
            return Reading(kind="ambiguous", answer=f"Your notes mention {join_names(many)}. Which one do you mean?",
                           question=question, statement=reading.statement, candidates=cands)
        pool = [*(c.statement for c in cands), *statements]
        # The records asked back start from the line the answer would have come from, which need
        # not be the best scored ("Mazda: Seguro: ..., póliza ..." over the health policies).
        chosen = next((c for c in cands if c.statement is reading.statement), None)
        if chosen is not None and chosen is not cands[0]:
            cands = [chosen, *(c for c in cands if c is not chosen)]
        # A record that says it is the user's ("Kendra Tillett (me): Phone: 622-4187") is the one
        # "my phone number" asks of, however many others' cards stand beside it.
        mine = reading.kind == "answered" and reading.statement is not None and not info.names and _relative_itself(info) is None \
            and bool(re.search(r"\bmy\b", info.text.lower())) and bool(_SAYS_ME.search(reading.statement.text))
        parallel = None if already_said or reading.kind != "answered" or mine else (
            # "What's my insurance policy number?" over a car policy with Foyer and a home one
            # with La Luxembourgeoise: which insurer, whatever else tells the two lines apart.
            (listed_policy_numbers(self._lines_naming(("insurance", "policy"), cands[:8], statements))
             if asks_my_policy_number(info.text) and not info.names else None)
            or parallel_records(info, cands, written=written_date, pool=pool)
            or parallel_codes(info, cands, written=written_date, terms=_terms_of, pool=pool)
            or parallel_keys(info, cands, written=written_date, pool=pool)
            # ... and, failing records of one note, "When does my insurance renew?" over a car policy
            # with Folksam and a home one with Länsförsäkringar, kept in two notes: which insurer.
            or (listed_policies(self._lines_naming(("insurance", "policy"), cands[:8], statements))
                if asks_my_insurance(info.text) and not info.names else None))
        if parallel:
            return Reading(kind="ambiguous", answer=f"Your notes mention {join_names(parallel)}. Which one do you mean?",
                           question=question, statement=cands[0].statement, candidates=cands)
        return reading

    def _tells_neither(self, info: QuestionInfo, cands: list[Scored], options: list[str]) -> bool:
        """Whether no line about the people a name may mean speaks of the asked attribute (a blood
        group, an isikukood). Only for a question that wants no kind of value: a phone number or a
        birthday is often told a sentence after the name ("Peter Hudec, the landlord. His number
        is ..."), which no line naming them shows."""
        # The lines that name the word the people share ("Sophie" of Sophie Tran and Sophie
        # Adebayo, written "Sophie T" as often), else one of them in full.
        forms = [re.findall(r"[^\W\d_][\w'’-]*", o.split(" (")[0]) for o in options]
        shared = set.intersection(*(set(f) for f in forms)) - {"Dr", "Mr", "Mrs", "Ms"} if forms else set()
        said = shared or {" ".join(f) for f in forms}
        about = [c for c in cands if any(re.search(rf"\b{re.escape(w)}\b", c.statement.text) for w in said)]
        # ... also those the question did not retrieve: each person's own card may keep it (under
        # their name as its heading: the full-text index reads headings too).
        texts = [c.statement.text for c in about] + [t for w in said for t in (self.mentions(w) if self.mentions is not None else [])]
        names = {stem(w) for n in info.names for w in re.findall(r"[^\W\d_]+", n)}
        asked = {t for t in info.terms if t not in names}
        return not any(self.speaks_of_attribute(info, c) for c in about) and not any(asked & (content_words(t) | content_words(" ".join(english_for(t)))) for t in texts)

    def decide(self, info: QuestionInfo, cands: list[Scored], question: str) -> Reading:
        """Answer from the best scored candidate, or abstain (separate from scoring, so the rules
        can be replayed on stored scores when choosing constants: bench/reader_features.py)."""
        best = cands[0]
        if (best.pmi or 0.0) < (MIN_PMI_UNCOVERED if best.cover == 0 else MIN_PMI) and best.cover < MIN_COVER:
            return Reading(kind="abstained", answer=DONT_KNOW, question=question, candidates=cands)
        if _echoes(info, best):
            # "Chave Pix: CPF" for "What is my CPF?": its value is the question's own word; the line
            # keyed by that word ("CPF: 318.552.047-06") says what it is.
            best = next((c for c in _alternatives(cands) if c.cover >= best.cover and not _echoes(info, c)), best)
        if len(best.statement.fields) == 1 and not best.recent and not revises(best.statement) and _keyed_by_asked(info, best) is False:
            # "Which vet do we take Moss to?": not "Weight: 19.5 kg (last weigh-in at the vet)" but
            # the line of that card keyed by the thing asked, "Vet: Meadowbank Vets".
            # (Only one the model likes nearly as well: "Section: B" is the card's, and the journal's
            # "Rayyan is in Class 2 now, section C", read far more likely, is the newer word.)
            best = next((c for c in _alternatives(cands) if c.cover >= best.cover and _keyed_by_asked(info, c)
                         and (c.pmi or 0.0) >= (best.pmi or 0.0) - KEYED_PMI_GAP), best)
        if info.want is None and (word := _one_word_asked(info)) and not _keyed_by_word(best, word):
            # "What is my isikukood?" (no kind of value the reader knows): the line keyed by the
            # word ("isikukood = 48903142710") gives it; one that only mentions it ("eKool account
            # is under my isikukood") does not, however likely it reads.
            best = next((c for c in _alternatives(cands) if c.cover >= best.cover and _keyed_by_word(c, word)
                         and (c.pmi or 0.0) >= (best.pmi or 0.0) - KEYED_PMI_GAP), best)
        if not self.speaks_of_attribute(info, best) and not self._speaks_as_newer_version(info, best, cands) \
                and not self._tells_new_value(info, best):
            # The likeliest line is about the thing but not what is asked ("Kit will do Saturdays
            # from October" for "When does Kit start?"); a line that covers more of the question
            # and does say it ("Hired Kit ..., starts 13 Sep") answers instead.
            # (As close, one that says more of the thing whose number is asked: "Car: plate 38 5127"
            # over "passport number M58213947" for "whats my plate number".)
            best = next((c for c in _alternatives(cands) if (c.cover > best.cover or c.cover == best.cover and _more_of_the_thing(info, c, best))
                         and self.speaks_of_attribute(info, c)), None) or next(
                # ... or, further down, one that says every word of the question ("Marriage:
                # married at the CBB on 27-08-2011" under four lines about Marlon's days).
                (c for c in cands[1:] if c.cover >= 1.0 > cands[0].cover and self.speaks_of_attribute(info, c)), None) or next(
                # ... or one as close to the question and nearly as likely that says it, where the
                # likeliest only shares the question's name ("city: Lagos" on the brother's card for
                # "When do I fly to Lagos?", over "booked Xmas in Lagos: MEL dep 2026-12-18").
                (c for c in (_alternatives(cands) if _shares_only_names(info, cands[0]) else []) if c.cover >= cands[0].cover
                 and (c.pmi or 0.0) >= (cands[0].pmi or 0.0) - KEYED_PMI_GAP and self.speaks_of_attribute(info, c)
                 and _says_asked_word(info, c)), None)
            if best is None:
                return Reading(kind="abstained", answer=DONT_KNOW, question=question, candidates=cands)
        if info.want == "name" and (role := _asked_my_role(info.text)) \
                and not re.search(rf"\b{re.escape(role)}s?\b", best.statement.text, re.IGNORECASE):
            # "Who is my editor at Editora Maré?": "From 1 November my editor is Inês Carvalho" says
            # it in so many words; the job row naming the client, likelier to the model, does not
            # even say "editor". (A likeliest line that says the role is left to the rules of versions.)
            best = next((c for c in cands if c.cover >= best.cover and c.names_ok and _states_my_role(role, c.statement.text)), best)
        if info.want and not best.typed:
            # "DASK poliçesi: see [[Kimlik ve belgeler]]" says where the number is; a line as much
            # about the question that holds a value of the asked kind gives it.
            holder = next((c for c in _alternatives(cands) if c.typed and c.cover >= best.cover and self.speaks_of_attribute(info, c)), None)
            best = holder or best
        moved = bool(best.typed) and all(retired(best.statement.text, v) for v in best.typed) and bool(_MOVED.search(best.statement.text))
        if moved:
            # "The first physio appointment was meant to be on 9 July ... and then they rang and
            # moved it": the line says its date no longer holds; a close line that speaks of the
            # asked thing with a value that still does ("fixed the new date as 23 July") answers.
            still = next((c for c in _alternatives(cands) if any(v in c.statement.text and not retired(c.statement.text, v) for v in c.typed)
                          and (self.speaks_of_attribute(info, c) or self._tells_new_value(info, c) or _NEW_VALUE.search(c.statement.text))
                          and c.names_ok), None)
            best = still or best
        value = None if moved and best is cands[0] else self._value(info, best)
        answer = compose(best.statement, value, question)
        return Reading(kind="answered", answer=answer, question=question, statement=best.statement, value=value, candidates=cands)

    def _tells_new_value(self, info: QuestionInfo, best: Scored) -> bool:
        """A line that names what the question names and says its value of the asked kind changed
        speaks of the asked attribute though it leaves out its word: "Round 8 at Allard Park is now
        11:15am not 10:30" tells the kick-off time, "Owen moved to Wednesdays 5p" the day of his
        lesson. One attribute word at most may be left out, and not for another kind of thing."""
        if not (info.names and best.names_ok and best.typed and info.want in _CHANGED_KINDS and revises(best.statement)):
            return False
        if _BIRTH_WORDS.search(info.text):
            return False  # a birthday does not change: "Daan V. has a new number" says nothing of it
        # The value is the one the change gives ("is now 11:15am", "moved to Wednesdays"), not the
        # day the line is filed under ("24-11-2026: Daan V. has a new number").
        text = best.statement.text
        live = [v for v in best.typed if not _filed_under(best.statement, v) and not retired(text, v)]
        if not changed_value(text, live, before=0, after=_CHANGED_VALUE_WINDOW):
            return False
        kind_words = KIND_WORDS.get(info.want or "", set())
        words = [w for w in attribute_words(info.text, _whose(info, but=info.subject)) if stem(w) not in kind_words]
        if len({stem(w) for w in words} - _terms_of(best.statement)) > 1:
            return False
        phrase = head_phrase(info.text, words)
        return not (phrase and other_kind(info.text, phrase[-1], best.statement.text))

    def _speaks_as_newer_version(self, info: QuestionInfo, best: Scored, cands: list[Scored]) -> bool:
        """A newer version of a line that speaks of what is asked speaks of it too, though it
        leaves out a word ("20/08/26 -- locker code changed, now 7302" after "locker code at work:
        4419"): a follow-up line does not repeat everything the line it revises says."""
        # It says the asked attribute but for one word ("locker code", not "at work"); a line that
        # says none of it ("Plan 1899" for "our PLDT account number") is no answer to borrow for,
        # nor one that names the thing with another word ("my cataract appointment" for the physio one).
        words = attribute_words(info.text, _whose(info, but=info.subject))
        asked = {stem(w) for w in words}
        # (A percentage says the words of its kind: "new rate 10.4%" is the interest rate. Not a code:
        # "Plan 500" says no account number.)
        said = _terms_of(best.statement) | (KIND_WORDS["percent"] if best.typed and info.want == "percent" else set())
        said |= job_change_words(info.terms, best.statement.text)  # "I was promoted to Finance Manager" tells the job title
        olds = [old for old in cands[1:VERSION_DEPTH] if old is not best]
        if len(asked - said) > 1 or not asked & said:
            # ... unless it calls the thing by the name the line it revises gives it: "Kolibrie's
            # fee is now SRD 1.600" after "After school: BSO Kolibrie (after-school care)".
            olds = [old for old in olds if shared_name(info, old, best)]
        phrase = head_phrase(info.text, words)
        if phrase and other_kind(info.text, phrase[-1], best.statement.text):
            return False
        terms = lambda st: _terms_of(st) | _initialled(info, st.text)  # noqa: E731
        return any(same_fact(info, old, best, terms) and newer_version(best, old, version_date, page_date)
                   and self.speaks_of_attribute(info, old) for old in olds)

    def _unless_retired(self, info: QuestionInfo, reading: Reading, statements: Sequence[StatementHit], question: str) -> Reading:
        """The chosen value, unless a later line says it no longer holds: then that line, with the
        one value of the asked kind it gives instead (or the line itself when it gives several)."""
        def values(st: StatementHit) -> list[str]:
            found = typed_values(st.text, info.want, exclude=info.text) if info.want else []
            keys = {k.lower() for k in st.fields}
            # Not the date the line is filed under ("2026-04-22 Wed: ... New date 21 May").
            return [v for v in found if v.lower() not in keys and not (info.want == "name" and self._common_word(v, st.text))
                    and not (info.want == "date" and v in st.topic)]

        value = reading.value
        if value is None and reading.candidates and reading.candidates[0].statement.id == reading.statement.id:
            # "due: 2026-04-30" holds the date and its year: one value.
            typed = reading.candidates[0].typed
            whole = [v for v in typed if not any(v != o and v in o for o in typed)]
            value = whole[0] if len(whole) == 1 else None
        if value is None and reading.statement is not None and len(reading.statement.fields) == 1:
            # "second pillar: LHV Pensionifond Indeks": a key's short value is what the line says,
            # though it is of no kind ("switched from LHV Pensionifond Indeks to Tuleva ..." retires it).
            said = next(iter(reading.statement.fields.values())).strip()
            value = said if 0 < len(said.split()) <= 6 else None
        swap = retiring_line(info, reading.statement, value, statements, terms=_terms_of, written=written_date, values=values)
        chosen = next((c for c in reading.candidates if c.statement.id == reading.statement.id), None) if reading.statement else None
        # The person the line gives, titled: "Dr Msiska: for: dentist, ...; where: Smile Dental" is Dr Msiska's line.
        person = value or next((v for v in (chosen.typed if chosen else []) if re.match(r"(?:Dr|Dra|Prof)\.?\s", v)), None)
        if swap is None and info.want == "name" and person:
            # "Dr Christofides has retired. ... The whole family moves to Dr Stella Evagorou".
            took_over = successor(person, reading.statement, [*(c.statement for c in reading.candidates), *statements],
                                  written=written_date, values=values)
            if took_over is not None:
                st, new_value = took_over
                return reading.model_copy(update={"answer": compose(st, new_value, question), "statement": st, "value": new_value})
        if swap is None:
            return reading
        st, new = swap
        if not new:
            # "Cancelled Cyta. The house is now on **Epic** Fiber 500": what replaced it is told in
            # the next sentence of the line.
            then = next((x for x in statements if _goes_on_from(st, x) and values(x) and takes_over(x.text)), None)
            if then is not None:
                st, new = then, [v for v in values(then) if not retired(then.text, v)]
        value = new[0] if len(new) == 1 else None
        return reading.model_copy(update={"answer": compose(st, value, question), "statement": st, "value": value})

    def speaks_of_attribute(self, info: QuestionInfo, best: Scored) -> bool:
        """The chosen statement speaks of what is asked, not only of whom ("Momo" is not enough
        for "When is Momo's birthday?")."""
        # "Dev's wife's name": the wife is what is asked about, Dev is whose.
        asked = attribute_words(info.text, _whose(info, but=info.subject))
        given = re.findall(r"[\w.+-]+@[\w.-]+|\d[\d\s().-]{2,}\d", info.text)
        if given and any(re.sub(r"\D", "", g) and re.sub(r"\D", "", g) in re.sub(r"\D", "", best.statement.text) or g in best.statement.text
                         for g in given):
            return True  # "Whose number is 555-0148?": the line holding that very value is about it
        st = best.statement
        if info.want == "name" and best.typed and in_law_named(_relative_itself(info), st.text) == best.typed[0]:
            return True  # "my sister, ... Married Arjun Menon": says my brother-in-law without the word
        if _BIRTH_WORDS.search(info.text) and not _SAYS_BIRTH.search(f"{st.text} {st.topic} {' '.join(st.fields)} {Path(st.path).stem}") \
                and _OTHER_DAY.search(st.text):
            return False  # "We married on 11/04/2013 ... from my father's cattle post" is no father's birthday
        asked_stems = {stem(w) for w in asked}
        keyed = [(_UNKNOWN.match(v) is not None) for k, v in (st.fields or {}).items()
                 if asked_stems & (content_words(k) | content_words(" ".join(english_for(k))))]
        if keyed and all(keyed):
            return False  # "γενέθλια: —": the row says it does not know the birthday (its name day is another date)
        kind_words = KIND_WORDS.get(info.want or "", set())
        if best.typed and all(stem(w) in kind_words for w in asked):
            return True  # a value of the asked kind says the kind: "+31 30 555 0144" is a phone number
        if a_plate_asked(info.text, best.typed):
            return True  # "RZK 19D" written as a plate is the registration asked, wherever it stands
        if info.want == "code" and best.typed:
            asked = [w for w in asked if stem(w) not in kind_words]  # "TP 1354" is the flight's number
        if info.names and asked and all(w.lower() in ("id", "number", "no", "num") for w in asked) and re.search(
                rf"\b{re.escape(info.names[0])}\s*(?:id|no\.?|number|#)?\s*:\s*\S", st.text, re.IGNORECASE):
            return True  # "UPI: rohan@okhdfc" is the UPI ID; "Flying Blue: 2291 4471 055" the Flying Blue number
        if info.want == "code" and best.typed and any(
                re.search(rf"\b(?i:{re.escape(n)})\b\W{{0,3}}(?:[^\W\d_]+\W{{1,3}}){{0,6}}{re.escape(v)}", st.text)
                for n in _code_acronyms(info) for v in best.typed):
            return True  # "EIC kód on the faktúra is 24ZZS6128405000X": the code the acronym names, whatever it is for
        if info.names and best.names_ok and best.typed and asked and all(w.lower() in _ACCOUNT_ASKED for w in asked) \
                and any(t in v and k.strip(" .#:").lower() in _BARE_NUMBER_KEYS for k, v in (st.fields or {}).items() for t in best.typed):
            # A bills table's row, "Water: Who: Nam Papa Vientiane; Number: NP-318204": the number
            # the named provider keeps is the account (customer, reference) number asked of it.
            return True
        low_q = info.text.lower()
        for m in _KIND_MODIFIER.finditer(st.text.lower()):
            if m.group(2) in re.findall(r"[a-z]+", low_q) or stem(m.group(2)) in {stem(w) for w in asked}:
                if not re.search(rf"\b{m.group(1)}\b", low_q):
                    return False  # "half marathon PB" does not answer "What's my marathon PB?"
        # With the context: "you're the one telling parents ... in chemistry" answers "What subject
        # do I teach?" through the sentence before it. (A heading's date needs the attribute in
        # the statement itself, see candidates().)
        said = " ".join([st.text, st.topic, " ".join(st.fields), st.context, Path(st.path).stem.replace("-", " ").replace("_", " ")])
        said += " " + spelled_out(st.text) + " " + " ".join(_job_terms(info, st.text))
        said += " " + " ".join(_record_month(st))  # "Date: 2026-09-09" says September
        said += " " + " ".join(_kinds_named(info, best))  # "Westbrook Primary" says school
        # "Paszport" is the passport; a page called "lakas.rst" (the flat) is about the home.
        said += " " + " ".join(english_for(f"{st.text} {st.topic} {Path(st.path).stem.replace('_', ' ').replace('-', ' ')}"))
        if _WIFI_PAIR.search(st.text):
            said += " password network"  # "Wi-Fi: Mielie_5G / rooibos-kettle-14"
        if _ACCOUNT_SHORT.search(st.text):
            said += " account"  # "loan a/c HL-4512-0931"
        said += " " + " ".join(misspelt(info, said, self._written))  # "wen does my pasport expire": the line's "Passport"
        if RENTED_FROM.search(st.text):
            said += " landlord landlady"  # "Renting the house from Sione Tui"
        if _COVER.search(st.text):
            said += " insurance"  # "RF&G renewal came: BZ$1,395 ... Sorento covered to Oct 2027"
        # A "date" column says a date is there, not that it is a birthday.
        asked_stems = {stem(w) for w in asked}
        said = " ".join(w for w in said.split() if (s := stem(w.strip(".,;:()").lower())) not in kind_words or s in asked_stems)
        phrase = head_phrase(info.text, asked)
        if len(phrase) >= 3 and phrase[-1] == "".join(w[0] for w in phrase[-1 - len(phrase[-1]):-1]):
            phrase = phrase[:-1]  # "product manager (PM)": the initials repeat the words
        head = phrase[-1] if phrase else None
        said_stems = {stem(w.strip(".,;:()").lower()) for w in said.split()}
        if len(phrase) >= 2 and not any(same_or_synonym(w, said_stems) for w in asked) \
                and not shares_attribute(phrase[:-1], said, self.relate, need="all"):
            # Only a close vector for the head, no word of the question said: "dentist
            # appointment" is not spoken of by "Medication schedule" (appointment/schedule 0.47)
            # when nothing there is near "dentist".
            return False
        roles = _named_roles(info)
        if roles and not _says_role(roles, said_stems):
            # Someone of Rin's or Temur's, named by a role, is asked about: a line that says no
            # such role is about Rin or Temur themselves ("Rin: Little Otters Daycare", "Temur's
            # kids' watch: +998 90 ..."). (A near vector is not enough: a daycare is near a teacher.)
            return False
        if head and other_kind(info.text, head, st.text):
            return False  # "tenant insurance" is not answered by the car insurance
        if other_supply(asked_stems, said_stems):
            return False  # "Áram" (electricity) is not our gas meter
        # "blood type" is not answered by "blood pressure": when it is asked plainly ("What is my
        # blood type?"; "the supplier I'm ordering the winter tyres from" is answered by the
        # "winter stock" order) and no value of an asked kind vouches for the line ("residence
        # permit renewal at IND: 01/19/2027" does say when the residence permit appointment is).
        plain = re.match(rf"^\W*what(?:'s|’s| is| are| was)\s+(?:my|our|the|[\w-]+['’]s)\s+(?:[\w-]+\s+){{0,2}}{re.escape(head)}\W*$", info.text.lower()) if head else None
        if plain and len(phrase) >= 2 and not best.typed and stem(head) not in kind_words and _other_compound(phrase[-2], head, st.text) \
                and not shares_attribute([head], said, self.relate):
            return False  # "blood type" is not answered by "blood pressure"
        if plain and len(phrase) >= 2 and not best.typed and stem(head) not in kind_words \
                and not shares_attribute(phrase[:-1], said, self.relate):
            # Nor by a line that never says blood at all: "File is of type c" (a manual's "type",
            # retrieved for "my blood type") speaks of another kind of type.
            return False

        # "What's the insurance excess on the Picanto?": a line that says the insurance of the
        # Picanto and no excess ("Picanto insurance Falcon Cover; AED 1190") gives another thing of
        # it. (Not a word any amount, paper or value is: "the water bill" is "Water: $45 a month".)
        # (Only where no kind of value is asked: "the transmission repair on the van" costs what
        # "van: Lopez Auto - transmission: 2900.00" paid, and an identifier's or a day's word says
        # the value itself: "employee nr at work", "the last four digits", "my best Saturday".)
        if (info.want is None and len(phrase) >= 2
                and re.match(rf"^\W*(?:what|which)(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\s+(?:the|my|our|your|[\w-]+['’]s)\s+"
                             rf"{re.escape(' '.join(phrase))}\s+(?:on|of|for|at|with|from|in)\s+\S", low_q)
                and re.fullmatch(r"[a-z]+", head) and head not in _ID_HEADS and head not in WEEKDAYS and head not in MONTHS
                and not any(stem(head) in kind for kind in KIND_WORDS.values()) and head not in _GENERIC_HEADS
                and not shares_attribute([head], said, self.relate) and shares_attribute(phrase[:-1], said, self.relate, need="all")):
            return False

        thing = _subject_of_verb(info.text, phrase)
        # (Its head noun above all: "When does the van insurance renew?" is not answered by the
        # van's MOT date. A paper's generic word may be left out where the rest of its name is said:
        # "first aid: Sports Trainer Level 1, expires ..." is the first aid certificate.)
        head_said = shares_attribute(thing[-1:], said, self.relate) if thing else True
        if not head_said and len(thing) > 1 and thing[-1] in _PAPER_WORDS:
            head_said = shares_attribute(thing[:-1], said, self.relate, need="all")
        if thing and not (head_said and shares_attribute(thing, said, self.relate)):
            # "When does Hafiz's passport expire?" asks of the passport: "Insurans: Etiqa Takaful,
            # tamat 02/01/2027" says when something else expires.
            return False

        # "the lot number of the amoA primers", "the first dance at the wedding", "the score against
        # Northcote": what is asked stands before the preposition; a line about the primers, the
        # wedding or the game that does not speak of it does not answer.
        what, of = split_at_preposition(info.text, asked)
        what = [w for w in what if stem(w) not in kind_words and w not in _VALUE_NOUNS]
        if what and of and not shares_attribute(what, said, self.relate):
            return False
        # A code is asked by every word of its name: "bank sort code" is not the "shed code", the
        # wifi password "at uni" is not the one at the flat.
        if self.labelled_otherwise(info, best):
            return False  # "Issued: June 12, 2023" is not when the licence expires
        if info.want in ("money", "time") and best.typed:
            # The amount says it is a cost; what it is the cost of must be said: "2 180 zł for
            # OC+AC" does not answer "How much did the Octavia przegląd cost?". So for an hour:
            # "9am in UTC+2 time zone" does not say when the walima starts.
            # ("per month" says how often it is paid, not what for: "Shamim's pay is Rs 20,000
            # from November" is what we pay Shamim per month.)
            things = [w for w in asked if stem(w) not in kind_words and w.lower() not in _PERIOD_WORDS]
            if not things and info.want == "money" and info.names and best.names_ok:
                return True
            asked = [w for w in asked if stem(w) not in kind_words] or asked
        if info.want == "code":
            asked = _home_implied(info.text, asked, said)
            # What the code is for, after the preposition, is said by its name when the question
            # gives one: "Kode booking: KAI-7TQ2MX" under "Mudik Lebaran" is the booking code for
            # the Lebaran train. The code's own name is then said in words, not by a near vector
            # ("booking ref YQ8RZT" under "Xmas in Lagos" is no flight number for the Lagos trip).
            after = split_at_preposition(info.text, asked)[1]
            name_words = {w.lower() for n in info.names for w in n.split()}
            said_words = {stem(w) for w in words(said.lower())}  # (words(), not split(): "Lebaran/Idul" says Lebaran)
            if best.names_ok:
                # ... or by the note around it: "booking = TLK-8841-223" in a TOML file headed
                # "# Christmas 2026 at Kiki's in Helsinki" is the Christmas trip's booking.
                said_words |= {stem(w) for w in words(note_context(st.path, st.line).lower())}
            if any(w in asked for w in after) and any(w in name_words and stem(w) in said_words for w in after):
                return shares_attribute([w for w in asked if w not in after], said, self.relate, need="all")
            asked = [w for w in asked if w not in after or w not in _GENERIC_PLACES]
            if best.car_said:
                # "policy JGI/MV/26/55103" in the Alto's log is the car insurance policy: the
                # model's name says "car".
                asked = [w for w in asked if stem(w) not in _CAR_STEMS] or asked
        return shares_attribute(asked, said, self.relate, need="all" if info.want == "code" else "any")

    def labelled_otherwise(self, info: QuestionInfo, best: Scored) -> bool:
        """The value found sits under a label that names the opposite event of the one asked: in
        "Driving licence: Issued: June 12, 2023" the date is when the licence was issued, so it
        does not say when it expires; "Last service: ..." does not say when the next one is due."""
        st = best.statement
        if not st.fields or not best.typed:
            return False
        keys = [k for k, v in st.fields.items() if best.typed[0] in v]
        if len(keys) != 1:
            return False
        key, value = keys[0], st.fields[keys[0]]
        label = {stem(w) for w in words(f"{key} {' '.join(english_for(key))}".lower())}
        asked = {stem(w) for w in words(info.text.lower())}
        said = {stem(w) for w in words(f"{key} {value} {' '.join(english_for(f'{key} {value}'))}".lower())}
        # (Not where the question says both: "the rent deposit (Kaution)" is the deposit.)
        return any(asked & one and label & other and not said & one and not asked & other for one, other in _CONTRARY)

    def _value(self, info: QuestionInfo, best: Scored) -> str | None:
        """The one value of the wanted kind the statement holds, if it holds exactly one."""
        vals = best.typed
        if len(vals) > 1 and info.want == "money" and best.statement.fields:
            # A bank row's running balance ("amount: $ -40.000,00; balance: $ 335.624,53") is not
            # what was paid or sent.
            running = {v for k, fv in best.statement.fields.items() if _BALANCE_KEY.search(k) for v in vals if v in fv}
            if running and len([v for v in vals if v not in running]) == 1:
                vals = [v for v in vals if v not in running]
        if len(vals) > 1 and info.want == "place" and not info.plural:
            # "We got married in Pécs, in the church where Ma was baptised": the place is the name
            # the line puts after "in" or "at", not a person named beside it.
            placed = [v for v in vals if re.search(rf"\b(?:in|at|near|outside)\s+{re.escape(v)}\b", best.statement.text)]
            # "Varun has moved to Mahébourg ... at Pointe d'Esny": where one moved to, first.
            placed = [v for v in vals if re.search(rf"{_MOVED_TO_HEAD}{re.escape(v)}\b", best.statement.text, re.I)] or placed
            if len(placed) == 1:
                return placed[0]
        if len(vals) == 2 and not info.plural:
            # "Flat A: £675 -> £710 from 1 Sept": the value the arrow points to is the current one.
            old, new = (re.escape(v) for v in vals)
            arrow = re.search(rf"{old}\s*(?:->|→|=>)\s*((?:the|a|an)\s+)?{new}", best.statement.text, re.IGNORECASE)
            if arrow:
                # "Granite Wall → The Crux Room": the name with its article, as the note writes it.
                return best.statement.text[arrow.start(1):arrow.end()] if arrow.group(1) else vals[1]
            # "16 zł/dzień (było 14 zł)", "£710 (was £675)": the one not named as the old value.
            current = [v for v in vals if not retired(best.statement.text, v)]
            if len(current) == 1:
                return current[0]
        if info.plural or len(vals) != 1:
            return None
        if info.want == "number" and len(re.findall(r"\d+", best.statement.text)) > len(re.findall(r"\d+", vals[0])):
            # "Air exchanger filter: 16x25x1, change every 3 months (last changed 2026-09-14)": a
            # count among other figures the line gives is no answer on its own; the line is.
            return None
        return vals[0]

    def _lines_naming(self, words: Sequence[str], cands: list[Scored], everything: Sequence[StatementHit],
                      headed: bool = False) -> list[str]:
        """The lines a check of who or what the notes keep reads: the best candidates, all that was
        retrieved, and every line of the notes that names one of `words` (the full-text index).
        `headed`: a retrieved line is read under its heading ("Nissan Note (mine)" over "Plate: HY 308")."""
        pool = [f"{st.topic}: {st.text}" if headed and st.topic and st.topic not in st.text else st.text
                for st in (*(c.statement for c in cands), *everything)]
        for word in words if self.mentions is not None else ():
            pool += self.mentions(word)
        return pool

    def _children(self, cands: list[Scored], everything: Sequence[StatementHit]) -> list[str]:
        """The user's children, for "When is my kid's birthday?": where the notes call Temur "our
        son" and Sabina "our daughter", two children, so which one is asked."""
        kids = own_children(self._lines_naming(("son", "daughter"), cands[:4], everything))
        if len(kids) < 2:
            # ... or lists them under a heading of their own ("= kids" over "Rishi - Grade 5 at
            # ...", "Kavita - Sunbeam Nursery"), or as "our two" ("Leilani and Ropati - our two").
            kids = kids_listed([*(c.statement for c in cands[:8]), *everything],
                               self.mentions("kids") if self.mentions is not None else [])
        if len(kids) < 2 and self.trails is not None:
            # ... or keeps a sub-heading per child under it in its own language ("Chicos" >
            # "Santino (9)"), or lists them so ("hijos [[Gael]] y [[Ariadna]]").
            kids = kids_headed(self.trails(KIDS_QUERY))
        return kids

    def _ambiguity(self, info: QuestionInfo, cands: list[Scored], everything: Sequence[StatementHit] = ()) -> list[str] | None:
        """Different people fit one singular relation of the question ("my son", "Chris")."""
        low = info.text.lower().replace("’", "'")
        if info.plural:
            # "How much are my child's school fees?": the fees are many, the child asked of is one.
            one = not info.names and re.search(r"\b(?:my|our) (?:kid|child)'s\b", low)
            kids = self._children(cands, everything) if one else []
            return kids if len(kids) >= 2 else None
        texts = [c.statement.text for c in cands[:4]]
        if (asks_the_car(info.text) or asks_of_the_car(info.text)) and all(n.isupper() for n in info.names):
            # "What's the plate of our car?", "When is the car's MOT due?" where the notes keep two
            # cars with their plates (in a line, or in the heading over it: a tab per car).
            cars = listed_cars(self._lines_naming(("plate", "car", "cars"), cands[:8], everything, headed=True),
                               plates=bool(_PLATE_ASKED.search(info.text)))
            if cars:
                return cars
        if asks_my_account(info.text) and all(n.upper() in ("IBAN", "RIB") for n in info.names):
            # "What's my bank account number?" where the notes keep a salary account at one bank and
            # savings at another.
            accounts = listed_accounts(self._lines_naming(ACCOUNT_WORDS, cands[:8], everything))
            if accounts:
                return accounts
        if gran := _GRAN_ASKED.search(info.text):
            # "When is grandma's birthday?" where the notes call two women "Grandma Nkechi" and
            # "Babcia Halina" (or "Oma Hilde" and "Teta Salma"): the children's two grandmothers.
            # Asked by the notes' own word ("babka's"), only the women called so ("Baba Mila" is
            # the other side's); and a name after the word, typed in lower case ("nenek esah
            # tinggal di mana"), says which.
            word = gran.group(0).lower()
            titles = _GRAN_TITLES if word in _GRAN_ENGLISH else tuple(t for t in _GRAN_TITLES if t.lower() == word)
            grans = _titled_grandmothers(self._lines_naming(titles, cands[:6], everything), titles)
            if len(grans) >= 2 and not any(re.search(rf"\b{re.escape(g.split()[-1].lower())}\b", low) for g in grans):
                return grans
        # (An English relative, "my uncle", is read below, by the lines that say it.)
        titled = next((w for w in re.findall(r"[^\W\d_]+", low) if w in _RELATIVE_TITLES and not re.fullmatch(_KIN, w)), None)
        if titled and not gran and not re.search(rf"\b(?i:{titled})\s+[A-Z]", info.text):
            # "Where does malume live?" where the notes write "Malume Blessings" and "Malume
            # Kumbukani", "bhuti's number" over "Bhuti Mandla" and "bhuti Thulani": two so called.
            kin = _titled_grandmothers(self._lines_naming((titled,), cands[:6], everything), (titled,))
            if len(kin) >= 2 and not any(k.split()[-1].lower() in low for k in kin):
                return kin
        # A plural listing ("My sons, Leo and Max") settles it wherever it was retrieved.
        listings = texts + [s.text for s in everything]
        rel = re.search(rf"\bmy (?:{RELATION_ADJECTIVES} )?([a-z]+?(?:-in-law)?)(?:'s)?\b", low)
        if rel is None:
            # "What's the juf's name?", "the doctor's phone number": a person's role asked with
            # "the" is as singular as "my": two of them named in the notes are two to ask about.
            the = re.search(r"\bthe ([a-z]+)'s\b", low)
            if the and _person_word(the.group(1)):
                rel = the
        if rel:
            noun = rel.group(1)
            if noun in _DOCTOR_WORDS:
                # "my doctor" over a health note keeping a GP, a cardiologist and a dentist.
                doctors = listed_doctors(self._lines_naming(("Dr", "doctors", "doctor"), cands[:8], everything))
                if doctors:
                    return doctors
            if noun in ("kid", "child") and rel.group(0).startswith(("my", "our")) and not info.names:
                kids = self._children(cands, everything)
                if len(kids) >= 2:
                    return kids
            if noun in ("son", "daughter") and rel.group(0).startswith(("my", "our")) and not info.names:
                # "When's my son's birthday?" where the notes keep Fiacre and Gildas as rows of a
                # school table and never say who is a son or a daughter: which child is asked.
                kids = self._children(cands, everything)
                said = [line for w in ("son", "daughter", "sons", "daughters") for line in (self.mentions(w) if self.mentions is not None else [])]
                if len(kids) >= 2 and not any(re.search(rf"\b{re.escape(k.split()[0])}\b", line) for k in kids for line in said):
                    return kids
            plural = noun + ("ren" if noun == "child" else "es" if noun.endswith(("s", "sh", "ch")) else "s")
            for t in listings:
                # "my nieces Maeve (2017) and Clodagh (2020)": a name may carry a bracketed aside.
                one = r"[A-Z][\w'-]+(?:\s*\([^()]{1,30}\))?"
                m = re.search(rf"\b{plural}\b[,:]?\s*(?:are\s+|called\s+|named\s+)?({one}(?:,\s*{one})*,?\s+and\s+{one})", t)
                if m:
                    people = [p for p in re.split(r",\s*|\s+and\s+", re.sub(r"\s*\([^()]*\)", "", m.group(1))) if p]
                    if len(people) >= 2 and not any(p.lower() in low for p in people):
                        return people
                people = _listed_after_key(t, plural)
                if len(people) >= 2 and not any(p.lower() in low for p in people):
                    return people
            # ... and a heading that says the noun in the plural, one of them a bullet: "## Grandmothers"
            # over "- **Jaddah Shaikha** – my father's mother, ..." and "- **Jaddah Thuraya** – ...".
            people = _one_per_line(plural, [*(c.statement for c in cands[:4]), *everything]) if _person_word(noun) else []
            if len(people) >= 2 and not any(p.lower() in low for p in people):
                return people
            if (kin := _by_parent(noun, [*(c.statement for c in cands[:6]), *everything], self.mentions)) and len(kin) >= 2:
                return kin  # "Baba Draga — tata's mother" and "Baba Jelisaveta — mama's mother": two grandmothers
            # Rows of a table: two records whose relation is the question's noun ("relation:
            # sister" twice, "sister: Anja" and "sister: Mei").
            who: list[str] = []
            # Only for a person ("my rent" keys a lease's line and names a journal page: no one).
            person = _person_word(noun)
            for c in cands[:6] if person else []:
                f = c.statement.fields
                if not f:
                    continue
                vals = list(f.values())
                keys = [k.lower() for k in f]
                label = None
                if keys and keys[0] == noun:
                    label = vals[0]
                elif any(v.strip().lower() == noun for v in vals):
                    label = next((v for v in vals if v[:1].isupper() and v.strip().lower() != noun), None)
                # "physio:: see [[Climbing]]" points to another note; it names no one.
                if label and label not in who and label.lower() not in low and not _SEE_ALSO.match(label):
                    who.append(label)
            if len(who) >= 2:
                return who
            # Prose: different names attached to the noun ("my aunt Rosa", "Aunt Carla").
            attached: list[str] = []
            said_mine: list[str] = []  # attached by "my <noun>" itself ("relation: my mother")
            relation_nouns = {stem(o) for o in info.owners} | ({stem(info.subject)} if info.subject else set())
            # Only for a person ("my aunt"): "my first paper" names no one, though names stand near "paper".
            # "Text my sister - what's her number?": the sister is whom it is about, though no
            # possessive says so.
            mine = stem(noun) in relation_nouns or not relation_nouns
            near = [c.statement for c in cands[:6]] + [s for s in everything if re.search(rf"\b{noun}\b", s.text.lower())]
            for st in near if mine and person else []:
                text = _romance_son(st.text) if noun == "son" else st.text
                unsaid = re.sub(rf"\b(?:no|not an?|ex-|former)\s*(?:\w+\s+)?{noun}\b", " ", text.lower())
                if not re.search(rf"\b{noun}\b(?!\s*[\d$£€%])", unsaid):
                    continue  # "Physio 80%" on a benefits line is a share, "no manager" no one
                beside = []
                # A contact card's line keyed by the person's full name ("Carys Talbot: note: older
                # sister (Cardiff)"): the card's name is the sister, not the town in her note.
                key, _, rest = text.partition(":")
                if (rest and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}", key.strip()) and key.split()[-1].lower() not in _PLACE_NOUNS
                        and re.search(rf"\b{noun}\b(?!['’]s)", rest.lower()) and not re.search(rf"\b(?:[a-z]+['’]s|his|her|their) {noun}\b", rest.lower())):
                    if key.strip() not in attached and key.strip().lower() not in low:
                        attached.append(key.strip())
                        if re.search(rf"\b(?:my|our) {noun}\b(?!['’]s|-)", rest.lower()):
                            said_mine.append(key.strip())
                    continue
                if (on_page := _page_person(st)) and re.search(rf"\b(?:my|our) {noun}\b(?!['’]s|-)", text.lower()) \
                        and all(re.search(rf"{re.escape(v)}['’]s\b", text) for v in _people(st)):
                    # "Fiona's husband, so my brother-in-law." on the page "# Graham Tait": he is
                    # the one so called, not Fiona.
                    if on_page not in attached and on_page.lower() not in low:
                        attached.append(on_page)
                        said_mine.append(on_page)
                    continue
                for v in _people(st):
                    first = v.split()[0]
                    # "Heart doctor: Dr. Helene Gagnon": the key says which doctor, it is no one.
                    if first.lower() in ("my", "our") or stem(first) == stem(noun) or stem(v.split()[-1]) == stem(noun) or v.lower() in low:
                        continue
                    # "my aunt Rosa", "Rosa, my aunt", a card's "Niamh  my sister in Dublin" (then
                    # the place after it, "Clodagh my sister, Salford", is not her).
                    called = re.search(rf"\b{re.escape(v)}\b,?\s+\(?(?:my|our)\s+{noun}\b(?!['’]s)", text)
                    if called:  # not "Zsofi, my brother's daughter"
                        beside = [v]
                        if not text[called.end():].startswith("-"):
                            said_mine.append(v)  # "Gráinne, my sister-in-law" is no "my sister"
                        break
                    # "Lina (juf Hilde, 2de leerjaar)": Hilde is the juf, Lina the one she teaches.
                    if _near(text, v, noun, window=1) and not re.search(rf"\b{re.escape(v)}\s*\(\s*{noun}\s+[A-Z]", text):
                        beside.append(v)
                attached += [v for v in beside if v not in attached]
            if len(said_mine) == 1 and len(attached) >= 2:
                # One of them the notes call "my mother"; the other is only written beside the
                # word ("Family: mother Ayşe Yıldız" on the partner's page): no question to ask.
                attached = said_mine
            # "Rosa" and "Rosa Lima" are one aunt; "Dr. Owen Patel" and "Dr. Helene Gagnon" are two
            # doctors, whose shared first word is a title.
            untitled = {a: re.sub(rf"^{_TITLE_WORD}\s+", "", a).split() for a in attached}
            if len(attached) >= 2 and not any(untitled[a][0] in untitled[b] for a in attached for b in attached if a != b and untitled[a]):
                return attached
            if noun == "doctor" and rel.group(0).startswith("the"):
                # "the doctor's phone number" over "GP - Dr Nadia Haddad ... 02 555 6130" and "kids
                # doc - Dr Suresh Menon ... 02 555 3391": the title says doctor where the line does
                # not; two of them with a value of the asked kind are two to ask about.
                # (Every line that writes the title: the other doctor's need share no word with the question.)
                written = [st.text for st in [*(c.statement for c in cands[:6]), *everything]]
                written += self.mentions("Dr") if self.mentions is not None else []
                doctors = _titled_doctors(written, info.want)
                if len(doctors) >= 2:
                    return doctors
        for given in [n for n in info.names if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", n)]:
            # A given name of two words ("Jun Wei") that two cards or rows head with different
            # family names before it ("name: Tan Jun Wei", "name: Ong Jun Wei"): two people.
            pool = texts + [s.text for s in everything] + (self.mentions(given) if self.mentions is not None else [])
            people = list(dict.fromkeys(full for t in pool for full in family_named(given, t, low)))
            if len(people) >= 2:
                return people
        # A first name the question uses, capitalised or not ("whats chris's email"), that the
        # notes give with two different surnames or initials ("Chris O." and "Chris L.", "Sophie T"
        # and "Sophie A"): in the lines retrieved, and in every line that names them (the other
        # Sophie's lines need not share a word with the question).
        # An acronym of four letters or more ("BPJS Kesehatan", "BPJS Ketenagakerjaan") names
        # an agency or a scheme, not a person with two surnames.
        firsts = [n for n in info.names if " " not in n and not (len(n) >= 4 and n.isupper())]
        # (Not the family name of a full name asked: "Priit Tamm's" is no question about the Tamms.)
        firsts += [o.capitalize() for o in info.owners if o.isalpha() and o.capitalize() not in firsts
                   and not any(o in n.lower().split()[1:] and not _addresses(n.split()[0]) for n in info.names)
                   and (any(re.search(rf"\b{o.capitalize()}\b", t) for t in texts) or native_spellings(o.capitalize(), texts))]
        for first in firsts:
            if re.search(rf"\b{re.escape(first)}\s+(?=\w*\d)\w+", info.text):
                continue  # "the Ather 450X": a model by its number, not a person by a first name
            others = [w for n in info.names for w in re.sub(r"['’]s\b", "", n).split() if w != first and w[:1].isupper()]
            pool = texts + [s.text for s in everything] + (self.mentions(first) if self.mentions is not None else [])
            people = namesakes(first, pool, low)
            for spelled in native_spellings(first, pool):
                # "Taras" asked of notes that write "Тарас Коваль": the people as the notes name them,
                # in every line that writes the name so (the other Стефка's line need not share a
                # word with the question).
                pool += self.mentions(spelled) if self.mentions is not None else []
                # (One person written both ways, "Γιώργος Νικολαΐδης (Giorgos Nikolaidis)", is one.)
                people += [p for p in namesakes(spelled, pool, low) if p not in people
                           and not any(greek_in_latin(p) == fold(q).lower() for q in people)]
            if len(people) >= 2 and others:
                # "Liam and Sophie's tenancy": the Sophie written beside Liam.
                beside = [p for p in people if any(p.split()[1].rstrip(".") in t.split() or p in t for t in pool
                                                   if all(re.search(rf"\b{re.escape(o)}\b", t) for o in others))]
                people = beside or people
            if len(people) >= 2:
                return three_part_names(people, pool, low)
        for titled in info.names:
            pool = texts + [s.text for s in everything]
            people = titled_namesakes(titled, pool, low)
            if len(people) >= 2:
                return three_part_names(people, pool, low)
        return None


def signed_role(reading: Reading) -> Reading:
    """"Who is Markus Steindl?" answered by a line that is only his name: an e-mail's signature
    ("> Markus Steindl" over "> Immobilien Steindl e.U., Burggasse 24"), whose next line says who
    he is. That line is the answer, cited with the name."""
    st = reading.statement
    m = re.fullmatch(r"\W*who(?:['’]s| is| was)\s+(.+?)\W*", reading.question, re.IGNORECASE)
    if reading.kind != "answered" or st is None or not m:
        return reading
    name = m.group(1)
    if not re.fullmatch(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}", name) or re.sub(r"^[>\s]+", "", st.source or st.text).strip(" .,") != name:
        return reading
    after = _note_lines(st.path)[st.end_line : st.end_line + 1]
    role = re.sub(r"^[>\s]+", "", after[0]).strip() if after else ""
    # A role or a company, not the next header ("Date: ...") or a bare phone line.
    if not re.search(r"[^\W\d_]{3,}", role) or _HEADER_LINE.match(role) or re.match(r"^\w+:\s", role):
        return reading
    line = st.model_copy(update={"end_line": st.end_line + 1, "text": f"{name}, {role}"})
    return reading.model_copy(update={"answer": f"{name}: {role}", "statement": line})


def _email_of_another(address: str, info: QuestionInfo, text: str) -> bool:
    """Whether an e-mail address's local part names a person the line (its heading, its note's
    name) writes who is not the one whose address is asked, and nothing of the asked name (a word,
    or its initial). Only when the question asks for that person's own address ("Ingrid's email"), not a relation's
    ("Léa's teacher's email", which the teacher's address answers)."""
    owners = [n for n in info.names
              if re.search(rf"\b{re.escape(n)}(?:['’]s)?\s+(?:[a-z]+\s+)?e-?mail\b", info.text, re.IGNORECASE)
              or re.search(rf"\be-?mail(?:\s+address)?\s+(?:of|for)\s+{re.escape(n)}\W*$", info.text, re.IGNORECASE)]
    parts = [p for p in re.split(r"[._+-]", fold(address.split("@")[0].lower())) if p]
    words = {fold(w.lower()) for n in owners for w in _name_words(re.sub(r"['’]s\b", "", n))}
    if not parts or not words:
        return False
    domain = fold(address.split("@")[-1].lower())
    if any(w in domain for w in words if len(w) >= 3):
        return False  # "rosa@electricgarden.com" is the Electric Garden studio's address
    if any(p in words or len(p) == 1 and any(w.startswith(p) for w in words) for p in parts):
        return False
    written = {fold(w.lower()) for w in re.findall(r"\b[^\W\d_][^\W\d_A-Z]{2,}\b", text) if w[0].isupper()} - words
    return any(len(p) >= 3 and p in written for p in parts)


def _asked_kin(info: QuestionInfo) -> str | None:
    """The one relative a question asks of ("brother" in "Where does my older brother live?",
    "sister-in-law"), None when it asks of several or of no relative."""
    rel = re.search(rf"\bmy (?:{RELATION_ADJECTIVES} )?([a-z]+?(?:-in-law)?)(?:'s)?\b", info.text.lower().replace("’", "'"))
    return None if info.plural or rel is None or re.fullmatch(_KIN, rel.group(1)) is None else rel.group(1)


def _relative_itself(info: QuestionInfo) -> str | None:
    """The relative the question asks about itself: "brother" in "Where does my brother live?",
    not in "my sister's husband's phone number" (the word after her "'s" is another relative, her
    husband, who is asked of)."""
    kin = _asked_kin(info)
    owned = re.search(rf"\b{re.escape(kin)}['’]s\s+([a-z-]+)", info.text.lower()) if kin else None
    return None if owned and re.fullmatch(_KIN, owned.group(1)) else kin


_ROMANCE_WORDS = re.compile(r"\b(?:de|des|du|au|aux|la|le|les|un|une|est|et|avec|chez|pour|sont|el|los|las|y|con|por|una?)\b")


def _romance_son(text: str) -> str:
    """A French line's "son" before its noun is "his" or "her" ("Son mari Gérard tient un
    maquis", "a perdu son téléphone"), a Spanish one's "they are" ("son las cinco"): no son of
    the user's; left out where the next word is accented or the line reads as French or Spanish."""
    before = r"[a-zà-ÿ]" if len(_ROMANCE_WORDS.findall(text.lower())) >= 2 else r"[a-z]*[à-ÿ]"
    return re.sub(rf"(?i)\bson\s+(?={before})", " ", text)


def _kin_named_twice(info: QuestionInfo, text: str) -> list[str] | None:
    """Two people the line names by the relation asked ("Uncle Ransford Blagrove lives in Montego
    Bay; Uncle Lascelles Pusey lives in May Pen" for "Where does my uncle live?"), to ask which.
    A family title asked as a name is asked the same way: "Where does mamie live?" over "Mamie
    Fatma (la mere de baba) : Sakiet Eddaier ... Mamie Habiba (la mere de mama) : Mahdia"."""
    kin = _asked_kin(info) or next((w for w in re.findall(r"[^\W\d_]+", info.text.lower()) if w in FAMILY_TITLES), None)
    if kin is None:
        return None
    people = re.findall(rf"\b((?i:{re.escape(kin)})\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", text)
    by_given: dict[str, str] = {}  # "Uncle Ransford" and "Uncle Ransford Blagrove" are one uncle
    for p in people:
        if p.split()[1].lower() not in STOP_WORDS:
            by_given[p.split()[1]] = max(by_given.get(p.split()[1], p), p, key=len)
    return list(by_given.values()) if len(by_given) >= 2 else None


def _former(role: str, text: str) -> bool:
    """Whether a line gives `role` only as what someone was ("now former manager", "ex-landlord",
    "our previous cleaner")."""
    said = [m.start() for m in re.finditer(rf"\b{re.escape(role)}\b", text.lower())]
    return bool(said) and all(re.search(r"\b(?:former|ex|previous|old|then)[\s-]+$", text.lower()[:i]) for i in said)


def _relatives_in_one_line(info: QuestionInfo, reading: "Reading", cands: list[Scored]) -> list[str] | None:
    """One line giving several relatives of the asked kind each their value ("sons: Alexandros,
    born 02/09/2017, and Stavros, born 30/05/2021" for "When is my nephew's birthday?"): each value
    introduced by the same word and after a name of its own; the people with their values, to ask
    which. None for a line giving one thing two values ("issued ..., expires ...")."""
    low = info.text.lower().replace("’", "'")
    if info.want is None or _asked_kin(info) is None and not re.search(r"\bmy (?:kid|child|baby)(?:'s)?\b", low):
        return None
    best = next((c for c in cands if c.statement is reading.statement), None)
    if best is None:
        return None
    text = best.statement.text
    found = sorted({(text.find(v), v) for v in best.typed if v in text and not any(v != w and v in w for w in best.typed)})
    if len(found) < 2:
        return None
    options: list[str] = []
    intro, end = None, 0
    for at, value in found:
        words = re.findall(r"[^\W\d_]+", text[end:at])
        people = [n for n in names(text[end:at]) if n.lower() not in low and not re.search(r"\d", n)]
        # Each value is introduced by the same word ("born"), or follows its person's name
        # straight away ("Anniversaires enfants : Yassine 21/02/2018, Lina 14/06/2023").
        said = "" if people and words and words[-1] == people[-1].split()[-1] else words[-1].lower() if words else None
        if not words or not people or (intro is not None and said != intro):
            return None
        intro = said
        options.append(f"{people[-1]} ({value})")
        end = at + len(value)
    return options if len({o.split(" (")[0] for o in options}) == len(options) else None


def _one_key(st: StatementHit) -> bool:
    return st.kind == "bullet" and len(st.fields) == 1


def _card_values(statements: Sequence[StatementHit]) -> dict[tuple, set[str]]:
    """The words of the short values a card's "Key: value" lines give ("Empresa: Datalia"), by the
    card (file and heading, and file, heading and the sub-heading its lines carry): what the card
    is about, for its other lines. A value is short when it is a name, not a sentence; a contact
    list's names are its keys, not its values."""
    out: dict[tuple, set[str]] = {}
    for st in statements:
        if _one_key(st):
            value = next(iter(st.fields.values()))
            if 0 < len(value.split()) <= 3:
                said = {stem(w) for w in re.findall(r"\w+", value.lower())}
                out.setdefault((st.path, st.topic), set()).update(said)
                out.setdefault((st.path, st.topic, card_section(st)), set()).update(said)
    return out


def _echoes(info: QuestionInfo, sc: Scored) -> bool:
    """Whether a "Key: value" line's value is only words of the question ("Chave Pix: CPF")."""
    if len(sc.statement.fields) != 1:
        return False
    said = content_words(next(iter(sc.statement.fields.values())))
    return bool(said) and said <= info.terms


_WHICH_THING = re.compile(r"^\W*(?:which|what)\s+([a-z]{3,})\b", re.IGNORECASE)


def _keyed_by_asked(info: QuestionInfo, sc: Scored) -> bool | None:
    """Whether a "Key: value" line is keyed by the thing a "Which vet ..." question asks for, and
    by nothing else ("Church alofa:" is the church's offering); None when the question names no
    such thing or the line has no one key."""
    m = _WHICH_THING.match(info.text)
    if m is None or m.group(1).lower() in STOP_WORDS or len(sc.statement.fields) != 1 \
            or any(stem(m.group(1)) in kind for kind in KIND_WORDS.values()):
        return None  # ("What date ...": a kind of value, which many keys give, not a thing)
    key = next(iter(sc.statement.fields))
    return {stem(w) for w in words(key.lower())} == {stem(m.group(1))}


_ONE_WORD_ASKED = re.compile(r"^\W*(?:what(?:'s|’s|\s+is|\s+are)|whats)\s+(?:my|our|the)\s+([^\W\d_]{3,})\W*$", re.IGNORECASE)


def _one_word_asked(info: QuestionInfo) -> str | None:
    """The one word a "What is my X?" question asks by, when it is no little word."""
    m = _ONE_WORD_ASKED.match(info.text)
    return m.group(1).lower() if m and m.group(1).lower() not in STOP_WORDS else None


def _keyed_by_word(sc: Scored, word: str) -> bool:
    """The line gives a value under a key that is the word itself ("isikukood: 48903142710")."""
    return any({stem(w) for w in words(k.lower())} == {stem(word)} and v.strip() for k, v in sc.statement.fields.items())


def _shares_only_names(info: QuestionInfo, sc: Scored) -> bool:
    """The line shares nothing with the question but the names it asks by ("city: Lagos" on a
    card, for "When do I fly to Lagos?")."""
    named = _names_asked(info)
    shared = info.terms & _terms_of(sc.statement) if named else set()
    return bool(shared) and shared <= named


def _names_asked(info: QuestionInfo) -> set[str]:
    return {stem(w) for n in info.names if not n.isupper() for w in _name_words(n) or n.split()}  # (not "PB", "MOT")


def _says_asked_word(info: QuestionInfo, sc: Scored) -> bool:
    """The line says a word the question asks by, or one of its synonyms ("dep" for "fly"); a word
    merely near it in meaning ("leaving" for "fly back", "number" for "personnummer") is not enough
    to answer in place of the likelier line."""
    terms = _terms_of(sc.statement)
    return any(SYNONYMS.get(t, {t}) & terms or t in terms for t in info.terms - _names_asked(info))


def _as_named(text: str, nicknames: dict[str, list[str]] | None) -> str:
    """The line as the model reads it: one that calls the asked place or person only by the other
    name the notes give them ("Flat B, new tenant: rent £625" for Loxley Mews, whose heading is
    "Flat B (Loxley Mews)") is written with the asked name, which the model would otherwise miss."""
    for name, nicks in (nicknames or {}).items():
        if not name[:1].isupper() or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            continue  # (not a relation's word, "brother", and not a line that says the name itself)
        for nick in nicks:
            text, n = re.subn(rf"(?<!\w){re.escape(nick)}(?!\w)", name, text, count=1)
            if n:
                break
    return text


_NUMBER_WORD = stem("number")


def _more_of_the_thing(info: QuestionInfo, c: Scored, best: Scored) -> bool:
    """For a number asked, `c` says every other word of the question and `best` does not ("plate"
    of "plate number"; any line with "number" or "no." says the rest). A line that says only some
    ("The license says ..." for "my driving licence number") is no better."""
    asked = info.terms - {_NUMBER_WORD}
    return _NUMBER_WORD in info.terms and bool(asked) and asked <= _terms_of(c.statement) and not asked <= _terms_of(best.statement)


_MY_ROLE_ASKED = re.compile(r"^\W*who(?:['’]s|\s+is|\s+are)\s+(?:now\s+|currently\s+)?my\s+(?:new\s+|current\s+)?([a-z]{2,})\b", re.IGNORECASE)


def _asked_my_role(question: str) -> str | None:
    """"Who is my editor at Maré?" → "editor". Not a family title ("my nan"): notes call her "Nan"."""
    m = _MY_ROLE_ASKED.search(question)
    return m.group(1).lower() if m and m.group(1).lower() not in FAMILY_TITLES else None


def _states_my_role(role: str, text: str) -> bool:
    """The line says who the role is in so many words: "my editor is Inês Carvalho", "Dr Okoye is
    my new GP"."""
    name = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w’'.-]*"
    role = re.escape(role)
    return bool(re.search(rf"(?i:\bmy\s+(?:new\s+|current\s+)?{role}\s+(?:is|will\s+be)\s+(?:now\s+)?){name}", text)
                or re.search(rf"\b{name}(?:\s+[A-Z][\w’'-]*)*\s+(?i:(?:is|will\s+be)\s+(?:now\s+)?my\s+(?:new\s+)?{role})\b", text))


def _says_my_asked(info: QuestionInfo, text: str) -> bool:
    """The line opens on "my" and the thing asked ("My identity card: Expires ..." for "When does my
    ID card expire?"; not "My number is in Kontaktet" for my passport number: "number" is any)."""
    m = re.match(r"\W*my\s+((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)", text, re.IGNORECASE)
    thing = info.terms - KIND_WORDS.get(info.want or "", set()) - {_NUMBER_WORD}
    return bool(m) and bool({stem(w) for w in m.group(1).split()} & thing)


def _alternatives(cands: list[Scored], n: int = 3) -> list[Scored]:
    """The next `n` candidates after the best, a run of rows of one table that match the question
    alike counting as one: five ledger rows paid by "Datalia" are one way of reading "my employee
    number at Datalia", not five that push the line giving it out of reach."""
    seen = {(cands[0].statement.path, cands[0].cover)} if cands and cands[0].statement.kind == "row" else set()
    out: list[Scored] = []
    for c in cands[1:]:
        key = (c.statement.path, c.cover)
        if c.statement.kind == "row" and key in seen:
            continue
        if c.statement.kind == "row":
            seen.add(key)
        out.append(c)
        if len(out) == n:
            break
    return out


def _sibling_key(info: QuestionInfo, best: StatementHit, statements: Sequence[StatementHit]) -> bool:
    """The notes key the very thing asked ("flight back: Fri 11 Dec evening — NOT BOOKED YET") and
    the chosen line is its sibling under another key ("flight out: TP 661 ..."): the answer is not
    the sibling's value. A key that says the asked one and more ("Alarm code (flat)" beside
    "Alarm code") is one of several of the asked thing, not a sibling."""
    # A key whose value says the rest of the asked key is no sibling: "Daycare news: Hanna moved to
    # another unit, Ilona's new teacher is Sirpa" tells the very "Daycare teacher" asked.
    mine = [(content_words(k), content_words(v)) for k, v in best.fields.items()]
    for st in statements:
        if st.id == best.id:
            continue
        for key in st.fields:
            asked = content_words(key)
            if len(asked) >= 2 and asked <= info.terms and any(m & asked and not m <= info.terms and not asked <= m and not asked - m <= said
                                                               for m, said in mine):
                return True
    return False


# Words that say which date of a thing is asked, not which thing: "When does the Peugeot's
# insurance expire?" asks about the insurance, "How much did Alice weigh when she was born?" about Alice.
_EVENT_TERMS = {stem(w) for w in "expire expires expiry expiration due renew renews renewal valid validity until end ends "
                "start starts begin begins next born birth".split()}


def _thing_elsewhere(info: QuestionInfo, best: StatementHit, statements: Sequence[StatementHit]) -> bool:
    """The chosen line gives a value of the asked kind for another thing of the named subject
    ("Peugeot 208: VTV vence 04/2027") while another retrieved line is about the very thing asked,
    and gives none ("Peugeot 208: seguro Sancor, póliza 3.902.551" for "When does the Peugeot's
    insurance policy expire?"): the notes speak of it and do not say, so the other thing's date
    is no answer."""
    # Only a date asked by its event ("expire", "due", "renew"): for "the phone number of my editor
    # at Halden Press" a line that says "Ruth Ellery, editor" names whose number the other line is.
    if info.want != "date" or not info.names or not info.terms & _EVENT_TERMS:
        return False
    things = {t for t in info.terms if t not in _EVENT_TERMS and t not in KIND_WORDS.get(info.want, set())}
    said = _terms_of(best)
    subject = {stem(w) for n in info.names for w in _name_words(n)}
    if not things - said or not subject <= said:
        return False
    return any(st.id != best.id and things <= _terms_of(st) and not typed_values(st.text, info.want, exclude=info.text)
               for st in statements)


_DONE_TO = re.compile(r"^\W*when\s+(?:did|do|does|will|should|shall|must|was|were|is|are)\s+(?:i|we)\s+([a-z]+)\s+"
                      r"(?:the|my|our|a|an|some)\s+([^?!.]+?)\W*$")


def _done_to_another(info: QuestionInfo, best: StatementHit, statements: Sequence[StatementHit]) -> bool:
    """"When did I plant the potatoes?" is not answered by "1 Jun: Tomatoes planted out": the line
    says the deed but of another thing, while the notes speak of the asked thing elsewhere (the
    fish pie's potatoes), so the thing is named as the notes name it and this line is not about
    it. When no retrieved line names the thing, the line may name it another way ("Bought the
    Octavia" for "the car") and stands."""
    m = _DONE_TO.match(info.text.lower())
    if info.want != "date" or m is None:
        return False
    said = _terms_of(best)
    kinds = KIND_WORDS.get(info.want, set())
    thing = {t for t in content_words(m.group(2)) if t not in kinds} - {stem(w) for n in info.names for w in _name_words(n)}
    missing = thing - said
    if stem(m.group(1)) not in said or not missing:
        return False
    return any(st.id != best.id and missing <= _terms_of(st) for st in statements)


_ASKS_TOTAL = re.compile(r"\b(?:in total|total|altogether|all in all|overall)\b", re.IGNORECASE)
# A part paid ahead names itself; a line that also says the total ("ukupno", "gesamt") may answer.
_PART_PAID = {"deposit", "advance", "instalment", "installment", "downpayment"}
_SAYS_TOTAL = re.compile(r"\b(?:total\w*|in all|altogether|gesamt\w*|insgesamt|ukupn\w*|razem|łącznie|totaal|totalt|yhteensä|"
                         r"celkem|összesen|iš viso|kokku|kopā|итого|всього|разом)\b", re.IGNORECASE)


def _part_for_total(info: QuestionInfo, best: StatementHit) -> bool:
    """"How much does the cabin cost in total?" is not answered by the deposit paid on it
    ("cabaña ..., seña $ 250.000 ya pagada"): a line whose amount is a part paid ahead, and that
    says no total, does not say what the whole costs."""
    if info.want != "money" or not _ASKS_TOTAL.search(info.text) or _SAYS_TOTAL.search(best.text):
        return False
    said = {w.lower() for w in re.findall(r"[^\W\d_]+", best.text.replace("down payment", "downpayment"))}
    return bool((said | set(english_for(best.text))) & _PART_PAID)


def _named_roles(info: QuestionInfo) -> list[str]:
    """The role of someone the question names, asked about: "teacher" in "Temur's class teacher"
    (not "doctor" in "my doctor's name": that one is the user's own)."""
    kind_words = KIND_WORDS.get(info.want or "", set())
    return [w for w in attribute_words(info.text, _whose(info, but=info.subject)) if stem(w) not in kind_words and _person_kind(w)
            and any(re.search(rf"\b{re.escape(n)}['’]s?\s+(?:[\w-]+\s+){{0,2}}{re.escape(w)}\b", info.text) for n in info.names)]


# A column or label that says the kind of relation says each of its kinds: "parent/guardian:
# Linh Nguyen" is Harper's mum or dad.
_ROLE_KINDS = {stem(k): {stem(w) for w in v.split()} for k, v in {
    "mum": "parent guardian", "mom": "parent guardian", "mother": "parent guardian", "dad": "parent guardian",
    "father": "parent guardian", "wife": "spouse partner", "husband": "spouse partner", "son": "child kid",
    "daughter": "child kid"}.items()}


def _says_role(roles: list[str], said: set[str]) -> bool:
    """The stems a line says name one of the roles, or a kind of relation it is one of."""
    return any(same_or_synonym(r, said) or _ROLE_KINDS.get(stem(r), set()) & said for r in roles)


def _opens_lower(text: str) -> bool:
    """Opens on a lower-case word, as a thing is written, not a name."""
    first = re.match(r"[\W_]*([^\W\d_]+)", text)
    return bool(first) and len(first.group(1)) >= 3 and first.group(1).islower()


_TOGETHER_EVENT = re.compile(r"\b(?:married|marry|marriage|wedding)\b", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|us|our)\b", re.IGNORECASE)


# Where the user lives, as a question says it: "the door code for my building".
_HOME_WORDS = frozenset("building flat apartment house home place block".split())
# Places a code may belong to that are not the user's home: "Office door: 2291" is not it.
_ELSEWHERE = _PLACE_NOUNS | frozenset("work uni parents parent mum mom dad garage shed storage cellar locker studio".split())


# "What's my passport number?": the word every number's line says.
_NUMBER_STEM = stem("number")
# A question asking when something ends, not when it begins.
_ASKS_AN_END = re.compile(r"\b(?:expire|expires|expiry|run out|runs out|valid (?:until|till|to)|until when|end)\b", re.IGNORECASE)
# "my doctor", "the doc's number": any kind of doctor, which the notes may keep several of.
_DOCTOR_WORDS = frozenset({"doctor", "doc", "dr"})
# What a code is "with" or "for" in so many words, which a line names instead: "the account number
# with the alarm company" is "Alarm: Brightline Security, account BL-330981".
_GENERIC_PLACES = frozenset("company firm provider business shop store office".split())


def _home_implied(question: str, asked: list[str], said: str) -> list[str]:
    """"The door code for my building", "the wifi password at the flat": the user's notes keep their
    own home's codes without saying whose ("Codice portone: 4721", "Wifi: ..."), so the home word
    need not be said by a line that names no other place."""
    low = question.lower()
    # ("the home Wi-Fi password": "the" and a home word before what is asked.)
    home = {m.group(1) for m in re.finditer(r"\b(?:my|our|the|(?:at|for|in) the)\s+(?:own\s+)?(\w+)\b", low) if m.group(1) in _HOME_WORDS}
    if re.search(r"\bat home\b", low):
        home.add("home")
    said_words = {w.strip(".,;:()").lower() for w in said.split()}
    if not home or said_words & _ELSEWHERE:
        return asked
    rest = [w for w in asked if w not in home]
    return rest or asked


def _day_months(text: str) -> set[tuple[int, int]]:
    """The (month, day) pairs of the dates a text writes: "14 June", "December 11", "1987-04-22",
    and day-first numbers ("4.12.", "4.12.1934"; Hungarian year-first "2019. 03. 02.")."""
    out: set[tuple[int, int]] = set()
    for d in dates(text):
        md = month_day(d)
        slash = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/\d{2,4})?", d)
        if md is None and slash:
            # "12/11/1990" is 12 November or December 11, by the country: either may be meant.
            a, b = int(slash.group(1)), int(slash.group(2))
            out |= {p for p in ((b, a), (a, b)) if 1 <= p[0] <= 12 and 1 <= p[1] <= 31}
            continue
        if md is None:
            ymd = re.fullmatch(r"(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?", d)
            dm = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.?(?:\d{2,4})?", d)
            md = (int(ymd.group(2)), int(ymd.group(3))) if ymd else (int(dm.group(2)), int(dm.group(1))) if dm else None
        if md and 1 <= md[0] <= 12 and 1 <= md[1] <= 31:
            out.add(md)
    return out


def _titled_new(st: StatementHit, kind: str) -> bool:
    """The heading over the line says a new one of the kind ("First snow, new dentist"), and the line
    is written as a change ("From now on I go to ..."): the name it gives is the new one."""
    want = stem(kind.lower())
    return any(stem(w.lower()) == want for w in re.findall(r"\bnew\s+([^\W\d_]+)", st.topic, re.IGNORECASE)) \
        and revises(st)


def _kind_before(text: str, kind: str, values: list[str]) -> bool:
    """Whether the line puts one of the values right after a word for the kind, in any language:
    "nova obiteljska liječnica dr. Nives Bašić" (a doctor), not "the doctor said ok"."""
    want = stem(kind.lower())
    for m in re.finditer(r"[^\W\d_]+", text):
        if stem(m.group(0).lower()) != want and want not in gloss_stems(m.group(0)):
            continue
        after = text[m.end(): m.end() + 60]
        # (A label may qualify the kind before its colon: "New GP near the house: Dr. Celiwe Maziya";
        # a sentence says it by "is": "my new manager is Ing. Limbert Cusi".)
        if any(re.match(rf"(?:(?:\s+[^\W\d_]+){{1,4}}\s*:|\s+(?:is|will\s+be)(?:\s+now)?\b)?\W*(?:(?:{_TITLE})\.?\s+)?{re.escape(v)}", after)
               for v in values):
            return True
    return False


def _one_per_line(plural: str, statements: Sequence[StatementHit]) -> list[str]:
    """The people the lines under one heading of the noun in the plural open with, one each
    ("Grandmothers: Jaddah Shaikha – ..."), in one note."""
    opens = re.compile(rf"^(?i:{plural})\s*:\s*(?:\*\*)?([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){{0,2}})(?:\*\*)?\s*(?:[–—-]\s|,|:|\()")
    by_note: dict[str, list[str]] = {}
    for st in statements:
        m = opens.match(st.text)
        if m and m.group(1) not in by_note.setdefault(st.path, []):
            by_note[st.path].append(m.group(1))
    return max(by_note.values(), key=len, default=[])


def _listed_after_key(text: str, plural: str) -> list[str]:
    """The people a "Uncles: ..." line lists, each part opening with a name: "Uncles: Tio Baltazar
    Macuácua in Tete (Pai's brother) and Tio Amâncio Nhantumbo in Pemba (Mãe's brother)" gives
    "Tio Baltazar Macuácua" and "Tio Amâncio Nhantumbo"; "Grandmothers: Nkhono Mamosa (Ntate's
    mother) lives in Mafeteng; Nkhono Mantšebo ('Mè's mother) is in Teyateyaneng" two as well."""
    m = re.search(rf"\b{plural}\s*:\s*(.+)", text, re.IGNORECASE)
    if not m:
        return []
    rest = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), m.group(1))  # asides hold no split
    parts = [p.strip() for p in re.split(r";|,?\s+and\s+|,\s+(?=[A-Z])", rest) if p.strip()]
    people = []
    for part in parts:
        found = names(part)
        if (not found or not part.startswith(found[0]) or ":" in part
                or found[0].split()[0].lower() in {*NUMBER_WORDS, "both", "all"}):  # "Two Limphos, don't mix them up: ..." 
            # a part that does not open with a name is no list of people, nor one that opens with
            # a key of its own ("Friends: Two Belmiros: Belmiro Muianga cuts my hair, ...")
            return []
        people.append(found[0])
    # Names given whole ("Tio Baltazar Macuácua"); a list of first names with their values ("My
    # nephews: Pavlo, born 02/09/2017, and Ivo, born ...") is asked back with each one's value.
    return people if len(set(people)) == len(people) and all(len(p.split()) >= 2 for p in people) else []


def _kind_after(text: str, kind: str, values: list[str]) -> bool:
    """Whether the line says one of the values is now the kind, after naming it: "the practice is
    now Dr Karen Bonnici's, so she is our dentist from now on", "Dr Ana Costa is my new GP"."""
    want = stem(kind.lower())
    for v in values:
        at = text.find(v)
        if at < 0:
            continue
        after = text[at + len(v): at + len(v) + 60]
        # (Or took the post: "Mma Goitseone Ntshole started on Monday as our new housekeeper".)
        m = re.search(r"\b(?:(?:is|are|will be|becomes?)\s+(?:now\s+)?|(?:started|starts|joined|joins|took over|takes over)\b[^.;]{0,30}?\bas\s+)"
                      r"(?:our|my|the)\s+(?:new\s+)?([^\W\d_]+)", after)
        if m and stem(m.group(1).lower()) == want:
            return True
    return False


def _people(st: StatementHit) -> list[str]:
    """The names in a statement that can be people: not a heading or key ("Health: ...", "Cargo
    bike: ..."), not one capitalised word that starts a later sentence ("Next cleaning"), not an
    acronym or a place ("FROM", "Hyde Park Surgery")."""
    text = st.text
    out = []
    for v in names(text):
        at = text.find(v)
        after = text[at + len(v): at + len(v) + 1]
        before = text[:at].rstrip()
        if (after == ":" or (" " not in v and before.endswith((".", ":", "!", "?")))
                or (v.isupper() and len(v) > 1) or v.split()[-1].lower() in _PLACE_NOUNS):
            continue
        out.append(v)
    return out


def _label(st: StatementHit) -> str:
    """What a keyed line is about: "Car insurance" in "Car insurance: details: ...; renews: ..."."""
    head = st.text.split(":", 1)[0].strip() if ":" in st.text else ""
    return head if 0 < len(head.split()) <= 4 else ""


def _last_heading(st: StatementHit) -> str:
    """The heading a line sits under, without its remark ("Rhubarb crumble (mine)")."""
    head = re.sub(r"\s*\([^)]*\)", "", st.topic or "").strip()
    return head if 0 < len(head.split()) <= 4 else ""


def _sibling_ambiguity(info: QuestionInfo, cands: list[Scored], retrieved: Sequence[StatementHit] = ()) -> list[str] | None:
    """"When does my insurance renew?" with a car insurance and a tenant insurance line, both
    close to the top and both holding a renewal date: ask which, showing each one's value."""
    m = re.search(r"\b(?:my|our|the) ([a-z]+)\b(?!'s)", info.text.lower())
    if not m or info.plural or info.now or info.want is None:
        return None
    noun = stem(m.group(1))
    best = cands[0].score if cands else 0.0
    options: list[str] = []
    seen: set[str] = set()
    pool = [*(c.statement for c in cands), *retrieved]
    texts = [record_text(c.statement, pool) for c in cands[:4]]
    labels = [(_label(c.statement) or _last_heading(c.statement)).lower() for c in cands[:4]]
    for c, text in zip(cands[:4], texts):
        # The line's key, or the heading it sits under ("Rhubarb crumble" over "180°C for 40 minutes").
        label = _label(c.statement) or _last_heading(c.statement)
        words = [stem(w) for w in re.findall(r"[\w-]+", label)]
        if not label or not words or words[-1] != noun or len(words) < 2 or not c.typed or c.score < best - SIBLING_GAP:
            continue
        if any(w in info.terms for w in words[:-1]) or label.lower() in seen:
            continue
        seen.add(label.lower())
        # Another version of this record (last year's car insurance line) shares its names; they
        # still tell it from the other records.
        others = [t for t, lab in zip(texts, labels) if t != text and lab != label.lower()]
        options.append(option(label, c.typed[0], telling_name(text, others, label, info.text, c.typed[0],
                                                              record_names(c.statement, pool))))
    return options if len(options) >= 2 else None


# Two keyed lines this close in score are both plausible answers to one "my X" question.
SIBLING_GAP = 0.5


def combine(cands: list[Scored], info: QuestionInfo | None = None) -> None:
    """Final score from the model's PMI and the word-level features; best first."""
    # Notes change: of the dated candidates, the newest (by the date in its file name, its
    # heading or its text) gets a nudge, a bigger one when the question asks what holds "now".
    # Only versions of one fact compete: the candidates that cover the question best.
    top = max(c.cover for c in cands)
    # Lines that share no word with the question are no versions of what it asks.
    peers = [c for c in cands if c.cover >= top] if top > 0 else []
    # (A line that only cancels is no newer value: "Cancelled the Digicel fibre by phone".)
    newest = _newest([c for c in peers if not only_retires(c)])
    # Undecided by dates, a line that says it changes something ("quota now 600 h", "moved to
    # Thursdays", "(was 12 November)") is newer than the lines it revises.
    revised = [c for c in peers if revises(c.statement) and not only_retires(c)] if newest is None else []
    recent = {id(newest)} if newest is not None else {id(c) for c in revised} if len(revised) < len(peers) else set()
    for c in cands:
        c.recent = id(c) in recent
        c.score = round((c.pmi or 0.0) + W_COVER * c.cover + c.type_weight
                        + W_RANK / (c.statement.rank + 1) - W_OTHER * c.other_owner + W_DEFINE * (c.defines + c.mine)
                        + (W_REVISED if revised else W_RECENT_NOW if info is not None and info.now else W_RECENT) * c.recent, 4)
    cands.sort(key=lambda c: -c.score)


_TIME_PHRASE = re.compile(r"\b(?:these days|nowadays|at the moment|right now|this (?:week|month|year)|any ?more)\b")


def fuller_in_lower_case(info: QuestionInfo, cands: list[Scored], terms: Callable[[StatementHit], set[str]]) -> list[Scored]:
    """`cands` with a line that says more of the question first, for a question typed all in lower
    case ("octavia oil?", "rafas fit plate"). Such a question marks no word as a name, so the
    thing asked about cannot be told from what is asked of it, and every line about the Octavia
    seems to answer; the model likes those lines for their many words about the Octavia. A line
    that says every question word the best one says, and more ("Octavia - notatki: Olej: 5W-30",
    "oil" by its gloss), answers what was asked."""
    if len(cands) < 2 or info.text != info.text.lower() or not info.terms:
        return cands
    best = cands[0]
    said = info.terms & terms(best.statement)
    # ... with a value of its own when the best has one ("Fourteen years married today." under a
    # diary heading's date does not beat "We got married on 22 May 2012").
    # A time phrase says when, not what: "how heavy is moss these days" is not answered by "a day".
    when = content_words(" ".join(m.group(0) for m in _TIME_PHRASE.finditer(info.text)))
    fuller = [c for c in cands[1:] if c.cover > best.cover and said <= terms(c.statement) and c.type_weight >= best.type_weight
              and not (0 < len(extra := (info.terms & terms(c.statement)) - said) and extra <= when)]
    if not fuller:
        return cands
    pick = max(fuller, key=lambda c: (c.cover, c.score))
    return [pick, *(c for c in cands if c is not pick)]


def _newest(peers: list[Scored]) -> Scored | None:
    """The newest of several versions of one fact: the latest written date; on one date, or with
    no dates at all, the later line of one note (rows of a table are appended: "car insurance
    2025-26" then "car insurance 2026-27")."""
    dated = [(d, c) for c in peers if (d := written_date(c.statement))]
    if len(dated) >= 2:
        last = max(d for d, _ in dated)
        peers = [c for d, c in dated if d == last]
        if len(peers) == 1:
            return peers[0]
    elif dated:
        return None
    # Without dates only rows or keyed lines of one note under one key are versions of one thing.
    key = _row_key(peers[0].statement) if peers else None
    same = [c for c in peers if c.statement.path == peers[0].statement.path and _row_key(c.statement) == key] if key else []
    return max(same, key=lambda c: c.statement.line) if len(same) >= 2 else None


def _row_key(st: StatementHit) -> str | None:
    if not st.fields:
        return None
    first = next(iter(st.fields.keys() if st.kind == "kv" else st.fields.values()))
    return first.strip().lower() or None


_BIRTHDAYS_LIST = re.compile(r"\b(?:birthdays|bdays|b-days|birthday list|birthday calendar)\b", re.IGNORECASE)
_TASK_DATE_KEYS = re.compile(r"\b(deadline|due|scheduled|closed|done|completed|booked)\b", re.IGNORECASE)
_BIRTH_KEY = re.compile(r"birth|born|dob|anniversary", re.IGNORECASE)


_KEY = re.compile(r"^\s*(?:\*\*)?((?:[A-Z][\w'.-]*|me|Me|ME|myself|I)(?:\s+[A-Z][\w'.-]*){0,2})(?:\*\*)?\s*(?:\(|-|–|—|:)")


def _keyed_by(st: StatementHit) -> str | None:
    """Whom a line of a list is about: "Sophie" in "Birthdays: Sophie - 11 Jan", "Me" in
    "Addresses: Me (and Sophie): Flat 2, ..."."""
    body = st.text
    if st.topic and body.startswith(st.topic):
        body = body[len(st.topic):].lstrip(": ")
    elif ": " in body and st.kind != "sentence":
        body = body.split(": ", 1)[1]  # the heading it carries
    m = _KEY.match(body)
    return m.group(1) if m else None


def _section_of(st: StatementHit) -> str | None:
    """Whom a note's section is about, when its heading names one person and its lines carry the
    heading before their own key: "Me" in "Me: NRIC: S...", "Marcus" in "Marcus: NRIC: S..." (a
    documents note with "## Me" and "## Marcus"), where the key of the list is the field, not
    the person."""
    key = _keyed_by(st)
    if ": " not in st.text:
        return key
    prefix = st.text.split(": ", 1)[0].strip()
    fields = {k.strip() for k in st.fields}
    carried = (key is not None and key.strip() in fields) or prefix == (st.topic or "").strip()
    if carried and (me := re.match(r"(\w+)\s*(?:-|–|—|\()", prefix)) and me.group(1).lower() in _ME:
        return me.group(1)  # a vault's page about the user, "Yo - Yarisbeth", "Me (Dana)"
    if carried and prefix not in fields and (prefix.lower() in _ME or re.fullmatch(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?", prefix)):
        return prefix
    return key


def _says_asked(key: str, terms: set[str]) -> bool:
    """Whether a key says a word of the question, or a common synonym of one ("Payslip" for
    "salary"): a key that names what is asked is no one's name."""
    said = {stem(w) for w in key.lower().split()}
    return bool((said | {s for w in said for s in SYNONYMS.get(w, ())}) & terms)


def _mine_beside_others(info: QuestionInfo, cands: list[Scored], common=None) -> None:
    """A list with a line keyed "me" beside lines keyed by other people ("me - 30 April",
    "Sophie - 11 Jan"): for a question about my own X, the others' lines are someone else's X."""
    low = info.text.lower()
    keys = [(c, _section_of(c.statement)) for c in cands]
    if info.owners or _whose_names(info, keys) or not re.search(r"\b(my|i|me)\b", low):
        return
    mine = {c.statement.path for c, key in keys if key and key.lower() in _ME}
    # (A section of another note keyed by someone else is theirs too: "Me: alergija: ambrozija" in
    # Health, "Zala: allergies: none known" in Family.)
    # (Not a label the notes also write in lower case: "Documents: osebna izkaznica ...".)
    def someone(c: Scored, key: str) -> bool:
        return _section_heading(c.statement, key) and not (common is not None and common(key.strip()))

    for c, key in keys:
        if ((c.statement.path in mine or mine and key and someone(c, key)) and key and key.lower() not in _ME
                and not _says_asked(key, info.terms)):
            c.other_owner = True
            c.prerank = round(c.prerank - W_OTHER, 4)
    # Sections headed by whose they are: "## Mine" beside "## Jone" over the same table of documents,
    # tabs labelled "Nissan Note (mine)" and "Toyota Aqua (Jone)": in a note that heads something as
    # mine, what it heads as someone else's is theirs.
    headed = [(c, _heading_owner(c.statement.topic)) for c in cands]
    # (A note that says "My identity card: Expires ..." beside "## Rebekah" heads hers as hers too;
    # the line that says "my" is mine, whatever heads it.)
    said_mine = {id(c) for c in cands if _says_my_asked(info, c.statement.text)}
    mine_paths = {c.statement.path for c, owner in headed if owner == "" or id(c) in said_mine}
    for c, owner in headed:
        if (owner and c.statement.path in mine_paths and not c.other_owner and id(c) not in said_mine
                and not (common is not None and any(common(w) for w in owner.split()))  # "Health" heads no one's section
                and c.statement.text.split(":", 1)[0].strip().lower() not in (*_ME, "mine")  # "Me: blood type ..."
                and not {stem(w) for w in owner.lower().split()} & info.terms):
            c.other_owner = True
            c.prerank = round(c.prerank - W_OTHER, 4)


# A day of a life that is no birthday: a wedding, an anniversary, a death.
_SAYS_BIRTH = re.compile(r"\b(?:birthdays?|bdays?|b-days?|born|birth|dob)\b", re.IGNORECASE)
_OTHER_DAY = re.compile(r"\b(?:married|marry|marriage|wedding|wed|anniversary|died|passed away|funeral|buried)\b", re.IGNORECASE)
# ("Me (Andri)", "Me - Andri": the user's own section; a name after it is theirs. Not "I", which
# heads part one as often as me.)
_MINE_WORDS = "|".join(map(re.escape, sorted((w for w in _ME if w != "i"), key=len, reverse=True)))
_MINE_HEADING = re.compile(rf"^\s*(?:{_MINE_WORDS}|mine|my own)\s*(?:\([^()]{{1,40}}\)|[-–—:]\s*[^\W\d_][\w'’ .-]{{0,40}})?\s*$"
                           r"|\((?:mine|me|my own)\)\s*$", re.IGNORECASE)
_WHOSE_HEADING = re.compile(r"^\s*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s*$|\(([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?:['’]s)?\)\s*$")


def _page_person(st: StatementHit) -> str | None:
    """The person a page is about, by its heading: a name of two or three capitalised words
    ("# Graham Tait") that the line itself does not say."""
    topic = st.topic.strip()
    if not re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}", topic) or topic in st.text or names(topic) != [topic]:
        return None
    return topic


def _says_my(kin: str, text: str) -> bool:
    return bool(re.search(rf"\bmy\s+(?:{RELATION_ADJECTIVES}\s+)?{re.escape(kin)}\b", text, re.IGNORECASE))


def _heading_owner(topic: str) -> str | None:
    """Whose a section is by its heading: "" for mine ("Mine", "Nissan Note (mine)"), a name for
    someone's ("Jone", "Toyota Aqua (Jone)"), None when the heading does not say."""
    if not topic:
        return None
    if _MINE_HEADING.search(topic):
        return ""
    m = _WHOSE_HEADING.search(topic)
    return (m.group(1) or m.group(2)) if m else None


# "the car's plate": a line about the car names its make ("Skoda: next inspection due 30.6.2027",
# "Peugeot 208, plate 1-KXR-583"), not the word "car".
_CAR_WORDS = frozenset({"car", "vehicle", "auto"})
_CAR_STEMS = frozenset(stem(w) for w in _CAR_WORDS)
_CAR_WORD = re.compile(r"\b(?:cars?|vehicles?|autos?)\b", re.IGNORECASE)
_WHICH_CAR = re.compile(r"^\W*(?:which|what|whose)\s+(?:cars?|vehicles?|autos?)\b", re.IGNORECASE)


def _says_a_car(st: StatementHit) -> bool:
    return bool(CAR_MAKES.search(f"{st.text} {st.topic}")) or bool(_CAR_WORD.search(f"{st.topic} {Path(st.path).stem}"))


def _car_around(st: StatementHit, models: frozenset[str]) -> bool:
    """The note names the car, by its make or a model the notes give it, on the statement's own
    line or over it: "Took the Auris for the przegląd at Morena: passed. Next inspection due::
    2027-09-28." in a day's journal, where another note says "Toyota Auris 2017"."""
    around = f"{note_line(st.path, st.line)} {note_context(st.path, st.line)}"
    return bool(CAR_MAKES.search(around)) or any(re.search(rf"\b{re.escape(m)}\b", around) for m in models)


def _section_heading(st: StatementHit, key: str) -> bool:
    """The key is the heading the line sits under, a person's name ("Zala" over "allergies: none
    known"), not a word that opens a line ("Taxes: ...")."""
    return bool(st.topic) and st.topic.strip() == key.strip() and bool(re.fullmatch(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?", key.strip()))


# "pw on fridge card", "password on the sticker under the router": the line says where the secret
# is written, not what it is (the code beside it is the network's name, the router's model).
_SECRET_WORD = r"(?:password|passcode|passphrase|pin|pw|code)"
_SECRET_PLACED = re.compile(rf"\b{_SECRET_WORD}\s+(?:is\s+)?(?:on|in|under|inside|behind|written on|stuck on|kept in)\s+(?:the\s+|a\s+|my\s+|our\s+)?[a-z]",
                            re.IGNORECASE)
_SECRET_GIVEN = re.compile(rf"\b{_SECRET_WORD}\s*(?:[:=]|is\s+\S*\d)", re.IGNORECASE)


def secret_kept_elsewhere(text: str) -> bool:
    """The line says the asked secret is kept somewhere else, and gives none itself."""
    return bool(_SECRET_PLACED.search(text)) and not _SECRET_GIVEN.search(text)


def _whose_names(info: QuestionInfo, keys: list[tuple[Scored, str | None]]) -> list[str]:
    """The question's names that may say whose X it is: not the X itself, which my own line says
    too ("What's my NRIC number?" beside "Me: NRIC: ..." and "Marcus: NRIC: ...")."""
    mine = [c.statement.text.lower() for c, key in keys if key and key.lower() in _ME]
    return [n for n in info.names if not any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", t) for t in mine)]


# Whose relation a person is ("Saoirse's mum"), as contact lists write it.
def _whose(info: QuestionInfo, but: str | None = None) -> set[str]:
    """Stems of whose value is asked: the owners (except `but`) and every word of the names used."""
    return {stem(o) for o in info.owners if o != but} | {stem(w) for n in info.names for w in n.split()}


_BALANCE_KEY = re.compile(r"\b(?:balance|saldo|stanje|likutis|bilanz|solde|partial_balance)\b", re.IGNORECASE)


def _said_in(asked: set[str], terms: set[str]) -> bool:
    """Some asked word (a stem) is among `terms`, itself or by a listed synonym ("send" is said by
    a bank row's "Transfer to ...")."""
    return any(t in terms or SYNONYMS.get(t, set()) & terms for t in asked)


def _attribute_terms(info: QuestionInfo) -> set[str]:
    """The question's words minus whose it is: {birthday} in "When is Ilse's birthday?"."""
    whose = _whose(info)
    return {t for t in info.terms if t not in whose}


def asks_what_is(info: QuestionInfo) -> bool:
    """"Who is X?", "What is the Blue Whale?": asks what a named thing is."""
    # (Not "What's my NRIC number?": my own thing, not a named one.)
    return bool(info.names) and bool(re.match(r"^\W*(?:who|what)(?:'s|’s| is| are| was)\s+(?!(?:my|our)\b)(?:the\s+)?[A-Z]", info.text, re.IGNORECASE))


_TEXT_KEYS = re.compile(rf"(?i)message|body|text|content|summary|subject|{_NOTE_WORDS}")


# Nouns that name the kind of value asked ("the number of the charge nurse"), which its line need not say.
_VALUE_NOUNS = frozenset("number numbers name names date day time address amount price cost total value phone email".split())


# One of several numbered or lettered things: "Flat A", "room 3", "Incubator 5", "Rd 8".
_LABELLED = re.compile(r"\b([A-Za-z]{2,})\s+([A-Z]|\d{1,3})\b(?![.,:/-]?\d)")


# What a table writes where it does not know: "—", "?", "n/a", "unknown".
# Events that come in opposite pairs: a value labelled with one is not the other ("Issued:" is
# not when a document expires, "Last service:" not when the next is due).
_CONTRARY = [
    (frozenset(stem(w) for w in a.split()), frozenset(stem(w) for w in b.split()))
    for x, y in [("expire expires expiry expiring valid renew renews renewal", "issue issued issuing"),
                 ("next upcoming", "last previous"),
                 ("sell sold", "buy bought purchase purchased"),
                 ("die died death", "born birth"),
                 ("end ends ended finish finishes finished until", "start starts started begin begins began since"),
                 ("close closes closed", "open opens opened"),
                 ("arrive arrives arrival land lands", "depart departs departure leave leaves"),
                 # "Rent: Bond paid: FJ$2,700": the bond is paid once, the rent every month.
                 ("rent rental", "bond deposit")]
    for a, b in [(x, y), (y, x)]
]
# A line that says the value it gives was changed after ("... and then they rang and moved it").
_MOVED = re.compile(r"\b(?:moved|changed|cancel+ed|postponed|rescheduled|pushed back|brought forward|called off)\b", re.IGNORECASE)
# A line that gives a value as the new one ("fixed the new date as 23 July", "it is 23 July now").
_NEW_VALUE = re.compile(r"\bnew (?:date|time|day|appointment)\b|\bnow\b|\binstead\b", re.IGNORECASE)
# What a line calls a booking's reference, in some languages.
_REFERENCE = re.compile(r"\b(?:ref|reference|booking (?:code|number|no)|confirmation|referencia|référence|riferimento|referenz|"
                        r"buchungsnummer|rezervasyon|pnr|locator)\b", re.IGNORECASE)
# "whose name I keep forgetting", "I never knew her name": the name asked is not in the notes,
# whatever other name or place the line gives.
_NAME_NOT_KNOWN = re.compile(r"\bwhose name (?:I|we) (?:\w+ ){0,3}(?:forget|forgot|forgotten|forgetting|don't know|do not know|never knew)\b|"
                             r"\b(?:I|we) (?:still )?(?:don't|do not|never|didn't|did not) (?:know|knew|catch|caught|get|got) (?:his|her|their) name\b",
                             re.IGNORECASE)
_NOT_KNOWN = re.compile(
    r"\b(?:(?:has|have|had) not (?:come|arrived)|"
    r"(?:hasn't|haven't|hadn't|has not|have not) (?:come|arrived|been (?:set|decided|confirmed|announced))(?: yet)?|"
    r"to be (?:announced|confirmed|decided|determined)|no idea (?:what|when|where|who|how)|"
    r"(?:not|n't) (?:yet )?(?:been )?(?:decided|known|confirmed|announced|fixed)(?! (?:by|for|on|at|in|to|that)\b)|"
    r"(?:can't|cannot|can not|couldn't) (?:read|make out)|"
    r"(?:I|we) (?:still )?(?:don't|do not|never) (?:know|knew|found out) (?:what|when|where|who|how|his|her|their))\b", re.IGNORECASE)
_UNKNOWN = re.compile(r"^\s*(?:[-–—?]+|n/?a|unknown|tbd|tba|not known)\s*$", re.IGNORECASE)


def _other_label(noun: str, label: str, text: str) -> bool:
    """`text` speaks of `noun` only with other labels than the asked one ("Flat B" for "Flat A")."""
    said = {m.lower() for m in re.findall(rf"\b{re.escape(noun)}(?:\s+|:\s*)([A-Za-z]|\d{{1,3}})\b(?![.,:/-]?\d)", text, re.IGNORECASE)}
    return bool(said) and label.lower() not in said


_FOR_BIRTHDAY = re.compile(r"\bfor (?:her|his|their|my|your|its|our|[A-Z]\w*['’]s) (?:\w+ )?(?:birthday|bday|b-day|anniversary)\b", re.IGNORECASE)


_CURRENCY = {"EUR": r"€|\beur\b|\beuros?\b", "USD": r"\$|\busd\b|\bdollars?\b|\bbucks\b", "GBP": r"£|\bgbp\b|\bpounds?\b|\bquid\b",
             "CHF": r"\bchf\b|\bfrancs?\b", "JPY": r"¥|\bjpy\b|\byen\b", "INR": r"₹|\binr\b|\brupees?\b|\brs\b\.?(?=\s?\d)",
             "KES": r"\bkshs?\b|\bkes\b|\bshillings?\b", "PLN": r"zł|\bpln\b|\bzlot\w*|\bzłot\w*", "NGN": r"₦|\bngn\b|\bnaira\b",
             "BRL": r"r\$|\bbrl\b|\breais\b", "ZAR": r"\bzar\b|\brand\b", "SEK": r"\bsek\b|\bkronor\b|\bkr\b"}


def _currencies(text: str) -> set[str]:
    low = text.lower()
    return {code for code, pattern in _CURRENCY.items() if re.search(pattern, low)}


def _squeeze(text: str) -> str:
    return re.sub(r"[\s-]", "", text.lower())


# "What is my dog called?", "the name of my starter" ask what X is called; "Who has our spare
# key?" asks who, and the name need not stand beside the key.
_FULL_NAME = re.compile(r"\b(?:last name|surname|family name|full name|second name)\b", re.IGNORECASE)
_NAMES_IT = re.compile(r"\b(?:called|named|name|names)\b", re.IGNORECASE)
# A price paid once: "How much did I pay for the Corolla?", "How much did the crown cost?", "How
# much was the deposit on the flat?" (a deposit is paid once, whatever the rent it is counted in).
_ONE_OFF_PRICE = re.compile(r"^\W*how much (?:did\b.*\b(?:pay|spend|cost)\b|(?:was|were) (?:the|my|our) (?:\w+ )?deposit\b)", re.IGNORECASE)
# ... unless the question asks an amount per period, or of one period ("in October", "this yr",
# "for the night", "for 2026"), which a recurring amount may answer.
_PERIOD_ASKED = re.compile(rf"\b(?:month|week|year|yr|night|day|hour|session|lesson|monthly|weekly|yearly|annual|annually|daily|hourly"
                           rf"|{'|'.join(m for m in MONTHS if m != 'may')}|(?:19|20)\d\d)s?\b", re.IGNORECASE)
# What makes an amount recurring, written right after it: "a month", "per year", "/mês", "an hour", "pcm".
_RATE_AFTER = re.compile(r"\s*(?:[A-Z]{3}\b|[€$£¥₩₺₹]|kr\b|zł|Kč|Ft\b|lei\b|đ\b)?\s*(?:(?:a|an|per|each|every)\s+(?:month|year|week|fortnight|hour|day)\b"
                         r"|/\s*(?:month|mo|mth|m|year|yr|y|week|wk|w|hour|hr|h|day|d|mês|mes|lună|luna|kk|měs|bulan|maand|monat|mnd|mån|år|jaar|jahr|an|año)\b"
                         r"|p\.?\s*a\.?(?!\w)|pcm\b|monthly\b|yearly\b|annually\b|weekly\b|hourly\b)", re.IGNORECASE)


# A line keyed by a period lists what is paid per period: "Yearly: home insurance €412 (...), ...".
_RATE_KEY = re.compile(r"^\W*(?:yearly|monthly|weekly|annual|annually|per (?:month|year|week))\s*:", re.IGNORECASE)
# ... or right before it: "Monthly instalment 1.749,40 €", "monthly: £600".
_RATE_BEFORE = re.compile(r"\b(?:monthly|weekly|yearly|annual|hourly|daily|per (?:month|year|week|hour|day))\b[^.;\d]{0,25}$", re.IGNORECASE)


def rate_of(text: str, value: str) -> bool:
    """The amount `value` is written as paid per period in `text` ("N$ 3 200 a month", "€140/mês",
    "Monthly instalment 1.749,40 €")."""
    at = text.find(value)
    return at >= 0 and (_RATE_AFTER.match(text, at + len(value)) is not None or _RATE_BEFORE.search(text[max(0, at - 40):at]) is not None)


def recurring_only(text: str, values: Sequence[str]) -> bool:
    """Every amount a line holds is paid per period (its times of day are no amounts: "08:00 to
    16:00 ... Bs 150 per day"), or the line lists what is paid per period ("Yearly: home insurance
    €412, Peugeot insurance €295")."""
    amounts = [v for v in values if not re.fullmatch(r"\d{1,2}[:.h]\d\d", v.strip())]
    if amounts and _RATE_KEY.match(text):
        return True
    return bool(amounts) and all(rate_of(text, v) for v in amounts)


_SUBJECT_LINE = re.compile(r"^(?:subject|betreff|objet|oggetto|onderwerp|assunto|temat|ämne|emne|aihe|konu|tárgy)\s*:", re.IGNORECASE)
_ASKS_MAIL = re.compile(r"\b(?:subject|e-?mails?|mail|thread|wrote|sent|send|message)\b", re.IGNORECASE)
_BORN = re.compile(r"(?i)\b(?:born|birth|date of birth|dob)\b")


def _other_compound(modifier: str, head: str, text: str) -> bool:
    """The text says the question's modifier in another compound: "blood pressure" for "blood
    type", "gas bill" for "gas account"."""
    toks = [t.lower() for t in re.findall(r"[A-Za-z][\w'-]*|[^\w\s]", text)]
    h = stem(head)
    # The modifier as written, not another word of its stem ("bouldering mostly" is no compound).
    nexts = [toks[i + 1] for i in range(len(toks) - 1) if toks[i] in (modifier, modifier + "s")]
    return bool(nexts) and all(re.fullmatch(r"[a-z][\w'-]*", n) and n not in STOP_WORDS and not n.endswith("ly") and stem(n) != h
                               for n in nexts)


def _says_acronym(acronym: str, st: StatementHit) -> bool:
    """The line (its heading, file name or glosses) writes the acronym as a word of its own, in any
    case or script ("ОСББ" for OSBB), or spells it out ("Driving licence" for DL)."""
    said = f"{st.text} {st.topic} {Path(st.path).stem} {' '.join(english_for(st.text))}"
    if re.search(rf"(?i)(?<![^\W\d_]){re.escape(acronym)}s?(?![^\W\d_])", f"{said} {' '.join(romanized(said))}"):
        return True
    words = re.findall(r"[^\W\d_]+", said)
    n = len(acronym)
    return any("".join(w[0] for w in words[i:i + n]).upper() == acronym for i in range(len(words) - n + 1))


# A grandparent, an uncle or an aunt written as a parent's parent or sibling ("tata's mother",
# "my mother's mother", "papa's younger brother"), in any of the words notes use for a parent.
# (Also Samoan "Tinā" and "Tamā", and "Mai", mother, of Indo-Caribbean families.)
_PARENT_WORDS = r"(?:mum|mom|mother|mama|mamma|mummy|mommy|mami|mamá|ma|dad|father|papa|papá|tata|tati|daddy|pa|ona|ota|baba|pai|mãe|mae|pap[aá]i|vader|moeder|padre|madre|père|mère|pere|mere|tinā|tamā|mai)"
_BY_PARENT = {"grandmother": "mother", "grandma": "mother", "granny": "mother", "gran": "mother", "nan": "mother",
              "grandfather": "father", "grandpa": "father", "grandad": "father", "granddad": "father",
              "uncle": "brother", "aunt": "sister", "auntie": "sister"}


def _by_parent(noun: str, statements, mentions=None) -> list[str]:
    """The people the lines name as the noun by a parent ("Baba Draga (Draga Radonjić) — tata's
    mother" for "my grandmother"; "Chacha Karan — papa's younger brother" for "my uncle"): the name
    the line gives right before the relation, after any heading it carries ("Grandmothers: Chong apa
    Saira: Papa's mother"). Lines that mention the relation word are looked up too."""
    rel = _BY_PARENT.get(noun)
    if rel is None:
        return []
    # ("Pa mother", "Mai brother": Guyanese Creolese leaves the possessive's "'s" out.)
    said = re.compile(rf"\b(?:my\s+)?{_PARENT_WORDS}(?:['’]s)?\s+(?:(?:older|elder|younger|little|big|eldest|youngest)\s+)?{rel}\b", re.IGNORECASE)
    pool = [getattr(st, "text", st) for st in statements] + (mentions(rel) if mentions is not None else [])
    out: list[str] = []
    for text in pool:
        m = said.search(text)
        if not m:
            continue
        before = text[: m.start()].rstrip().removesuffix(":").split(":")[-1]  # after the headings it carries
        label = re.sub(r"\([^()]*\)", " ", before)
        label = re.sub(r"[\s,;—–(-]+$", "", label).strip(" *-")  # (and the bracket the relation opens: "Aji Rookmin (Pa mother)")
        label = " ".join(label.split())
        if label[:1].isupper() and 1 <= len(label.split()) <= 4 and label not in out:
            out.append(label)
    return out


_NAMING = {"called", "named", "is", "was", "are", "name", "nicknamed", "christened"}


# The words a place's own name ends in that say its kind, when the line does not: "Westbrook
# Primary" is a school, "Kingsway Institute" a college, "Rise Fitness" a gym.
_KIND_NAME_HEADS = {
    "school": "primary|academy|elementary|high|lyc[eé]e|gymnasium|grammar|montessori|kindergarten|preschool|nursery|school",
    "university": "university|uni|college|institute|tech|polytechnic|poly",
    "college": "university|uni|college|institute|tech|polytechnic|poly|academy",
    "hospital": "hospital|infirmary|medical cent(?:re|er)|clinic",
    "polyclinic": "polyclinic|clinic|medical cent(?:re|er)|health cent(?:re|er)",
    **dict.fromkeys(("kindergarten", "nursery", "daycare"), "kindergarten|nursery|preschool|daycare|kita|cr[eè]che|montessori"),
    "clinic": "clinic|medical cent(?:re|er)|health cent(?:re|er)|surgery|practice",
    "surgery": "surgery|medical cent(?:re|er)|health cent(?:re|er)|practice|clinic",
    "practice": "practice|surgery|medical cent(?:re|er)|health cent(?:re|er)|clinic",
    "garage": "garage|motors|autos|auto|tyres|tires",
    "pharmacy": "pharmacy|chemists?|apothecary",
    "chemist": "pharmacy|chemists?|apothecary",
    "gym": "gym|fitness|climbing|leisure cent(?:re|er)",
    "hotel": "hotel|inn|lodge|hostel|guesthouse|b&b",
    "pub": "pub|arms|inn|tavern|taproom",
    "cafe": "caf[eé]|coffee|bakery|tea ?room|tearoom",
    "café": "caf[eé]|coffee|bakery|tea ?room|tearoom",
}


def names_its_kind(value: str, noun: str, question: str = "") -> bool:
    """Whether a name's last word says it is of the kind asked ("Westbrook Primary" for "which
    school"), for lines that never write the kind's own word. When the question narrows the kind
    with one of those words ("which primary school"), the name must say that one: a kindergarten
    is a school, but not the primary school asked for."""
    heads = _KIND_NAME_HEADS.get(noun)
    if not heads or len(value.split()) < 2:
        return False
    narrowed = re.search(rf"\b([a-z]+) {re.escape(noun)}\b", question.lower())
    narrowed = narrowed if narrowed and re.fullmatch(heads, narrowed.group(1)) and narrowed.group(1) != noun else None
    if narrowed:
        heads = f"{re.escape(narrowed.group(1))}|{re.escape(noun)}"
    if re.search(rf"(?i)\b(?:{heads})$", value.strip(" .,;:")):
        return True
    # ... or whose first word says it in the notes' language ("Ecole El Amal", "Escuela 119",
    # "Colegio Campestre La Colina"), when the question does not narrow the kind.
    return not narrowed and stem(noun) in gloss_stems(value.split()[0])


def _kinds_named(info: QuestionInfo, best: Scored) -> list[str]:
    """The kind a "Which school ...?" question asks for, when a name the line holds says it."""
    kind = re.search(rf"\b(?:which|what) (?:[a-z]+ )?({_NAMED_KINDS})\b", info.text.lower()) if info.want == "name" else None
    return [kind.group(1)] if kind and any(names_its_kind(v, kind.group(1), info.text) for v in best.typed) else []


def _near(text: str, value: str, subject: str, window: int = 2, glossed: bool = False) -> bool:
    """Whether the name `value` is attached to `subject` in `text`: right beside it ("our border
    collie, Pixel", "Pixel, our dog") or named by it a few words on ("the starter itself is
    called Gerald"); not merely in the same sentence ("Felix is allergic to cats")."""
    toks = [t.strip(".,;:!?()\"'“”") for t in text.split()]
    low = [stem(t) for t in toks]
    want = stem(subject)
    # `glossed`: the notes' word in another language, even in plain letters ("3 Zimmer" for rooms).
    spots = [i for i, t in enumerate(low) if t == want or ((glossed or not toks[i].isascii()) and want in gloss_stems(toks[i]))]
    head = value.split()[0].strip(".,;:!?()\"'“”")
    tail = value.split()[-1].strip(".,;:!?()\"'“”")
    for j, t in enumerate(toks):
        if t not in (head, tail):
            continue
        for i in spots:
            if abs(i - j) <= window:
                return True
            if 0 < j - i <= 5 and j > 0 and toks[j - 1].lower() in _NAMING:
                return True
    return False


_PERSON_WORDS = frozenset({"i", "my", "me", "our", "we", "us", "you", "your"})


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


__all__ = ["DONT_KNOW", "Reader", "Reading", "Scored", "combine"]
