"""Whether a statement speaks of what a question asks about at all.

The tempting refusals ("What is my Netflix password?" beside the Netflix subscription row, "When is
Momo's birthday?" beside the line about adopting Momo) pass every check on names and owners: the
statement is about the right person or thing, just not about the asked attribute. So the answer
must also share the attribute: one of the question's own words (minus whose it is), a common
synonym, or a word the embedder places close to it ("collie" for "dog", "born" for "birthday",
"mobile" for "phone"). Word vectors come from the same sentence embedder memory uses, one short
text per word, cached.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from typing import Callable, Iterable, Sequence

from agent.reader_text import _WORD, IBAN_GROUPED, MONTHS, STOP_WORDS, WEEKDAYS, stem, words

# Cosine of two single-word embeddings (all-MiniLM-L6-v2) above which they count as one topic.
# Chosen on all development sets together (bench/RESULTS.md): related pairs such as dog/collie
# 0.59, birthday/born 0.64, phone/mobile 0.70 sit above it; unrelated neighbours such as
# dentist/eye 0.28, birthday/adopted 0.37, dog/whale 0.41 below.
MIN_WORD_COSINE = 0.45

# Words of a question that never name the asked attribute.
IGNORE = frozenset(
    """after before while still ever really exactly actually currently up down out look looks looking looked
    remind remember forgot want need like new old first one thing things stuff anything something
    happen happened use used
    wats wat whats wut pls plz thx ty u ur r ya""".split()
)

# Generic English: ways notes say an attribute without its word. Not taken from any evaluation set.
_SYNONYMS = [
    "address live lives living lived street home house flat apartment",
    "pay paid paying pays cost costs price fee fees charge charged bill billed spend spent amount rent",
    "job work works working employ employs employed employer company joined hired career occupation profession",
    "manager boss report reports supervisor lead",
    "salary salaries earn earns earned earning earnings income wage wages paycheck payslip",
    "renew renews renewal expire expires expiry due valid",  # "valid until 19-11-2029"
    "birthday born birth bday",
    "send sends sent sending transfer transfers transferred wire wired remit remitted",  # a bank's "Transfer to ..."
    "phone mobile cell cel celular number telephone tel",
    "email e-mail mail",
    # (Not "passphrase": it stems to "passp", as "passport" does, which is no password.)
    "password passcode pw pass pin",
    "wifi wi-fi wireless network",
    "number num",  # "no." and "no 5" are spelled out as "number" (reader_text._SHORTHAND); "no wait" is not one
    "reference ref booking confirmation",
    "fly flies flew flying flight flights depart departs departure dep outbound",  # "MEL dep 2026-12-18"
    "chassis vin",
    "id identity identification",  # "ID card" is the identity card
    "member members membership",  # "member no. RF-208813" is the membership number
    "gym fitness",  # "joined Rise Fitness" is the gym
    "rating rated rate stars score",
    "dose doses dosage strength",  # "raised the dose to 0,5%" is the eye drops' strength
    "wife husband partner spouse married",
    "study studies studied studying degree major university school college",
    "live lives living moved based",
    "called named name nickname",
    "mum mom mother mama mam ma mummy mommy mamá mãe mutter",
    "dad father papa daddy papá pai vater",
    "grandad granddad grandpa grandfather",
    "grandma granny grandmother nan nana",
]
SYNONYMS: dict[str, set[str]] = {}
for _line in _SYNONYMS:
    _group = {stem(w) for w in _line.split()}
    for _s in _group:
        SYNONYMS.setdefault(_s, set()).update(_group)


def attribute_words(question: str, whose: Iterable[str]) -> list[str]:
    """The question's words that say what is asked, minus whose it is: ["birthday"] in
    "When is Momo's birthday?" (whose = owners and names, as stems)."""
    skip = set(whose)
    out = []
    for w in words(question):
        lw = w.lower().replace("’", "'")
        if lw.endswith("'s"):
            lw = lw[:-2]
        # A word with a digit is an identifier ("RN7"): whose, not what.
        if lw in STOP_WORDS or lw in IGNORE or len(lw) < 2 or stem(lw) in skip or re.search(r"\d", lw) or not re.search(r"[a-z]", lw):
            continue
        if lw not in out:
            out.append(lw)
    return out


_DETERMINERS = r"(?:'s|\bmy|\bour|\bthe|\bhis|\bher|\btheir|\bof|\bfor)"


def head_word(question: str, asked: list[str]) -> str | None:
    """The word that names what is asked, among `asked` (attribute_words): the last word of the
    first run of asked words after a possessive or article ("Rin's daycare *teacher*", "my next
    dentist *appointment*"). (Not the noun of "What time ...", "Which ear ...": that names the
    kind of answer, which a note need not say.)"""
    run = head_phrase(question, asked)
    return run[-1] if run else None


def head_phrase(question: str, asked: list[str]) -> list[str]:
    """That first run of asked words whole: ["blood", "type"] in "What is my blood type?"."""
    low = question.lower().replace("’", "'")
    for m in re.finditer(_DETERMINERS + r"(?=\s)", low):
        run: list[str] = []
        for w in re.findall(r"[a-z][a-z'-]*", low[m.end():]):
            w = w[:-2] if w.endswith("'s") else w
            if w in asked:
                run.append(w)
            elif run or not (w in IGNORE or w in STOP_WORDS):
                break
        if run:
            return run
    return []


_PREPOSITION = frozenset({"of", "at", "against", "for", "from", "with", "about"})


def split_at_preposition(question: str, asked: list[str]) -> tuple[list[str], list[str]]:
    """`asked` (attribute_words) split at the question's first preposition that has asked words
    on both sides: (["lot", "number"], ["amoa", "primers"]) for "What's the lot number of the amoA
    primers?"; ([], []) when none does."""
    low = question.lower().replace("’", "'")
    if not re.match(r"^\W*(?:what|which|when|where|who|how much|how many)(?:'s|\s+(?:is|was|are|were))\s+(?:the|my|our|your|his|her|their|[\w-]+'s)\s", low):
        # "What did I buy for Obinna's birthday?", "What was decided about dark mode?": a verb is
        # asked, not a thing.
        return [], []
    before: list[str] = []
    toks = [t[:-2] if t.endswith("'s") else t for t in re.findall(r"[a-z][a-z'-]*", low)]
    for i, t in enumerate(toks):
        if t in _PREPOSITION and before:
            # What follows is whose or which ("Northcote City White", "the amoA primers").
            after = [w for w in toks[i + 1:] if w not in STOP_WORDS and w not in IGNORE]
            return (before, after) if after else ([], [])
        if t in asked and t not in before:
            before.append(t)
    return [], []


def _same_word(a: str, b: str) -> bool:
    """One word in two forms ("felleskostnadene", "felleskostnader"), not two long words that
    only begin alike ("fellesgjelden", the shared debt): the stem, and all but a few last letters."""
    if stem(a) != stem(b):
        return False
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return common >= min(len(a), len(b)) - 3


_VERSION_WORDS = frozenset("new old current latest previous revised updated higher lower reduced increased final".split())


# Articles and "of" in the languages notes mix in: "la cuota de la casa" names no kind of cuota.
_ARTICLES = frozenset("la le el les los las lo de del della dello di du des da dos das der die den dem ein eine un una une uno het een".split())


def other_kind(question: str, head: str, text: str) -> bool:
    """The statement speaks of another kind of the asked thing: "car insurance" for "tenant
    insurance", "cataract appointment" for "physio appointment" (each side's word before the head
    is missing from the other side)."""
    qw = [w.lower() for w in words(question)]
    spans = list(_WORD.finditer(text))
    raw = [m.group(0).strip("'’-") for m in spans]  # words(text), with where each stands
    tw = [w.lower() for w in raw]
    h = stem(head)
    # "my kid's teacher": a possessive says whose teacher, not which kind of teacher.
    q_mods = {stem(qw[i - 1]) for i in range(1, len(qw)) if stem(qw[i]) == h and qw[i - 1] not in STOP_WORDS
              and not qw[i - 1].endswith(("'s", "’s"))}
    t_stems = {stem(w) for w in tw}
    if not q_mods or _with_synonyms(q_mods) & t_stems:
        return False  # (a synonym is no other kind: the "identity card" is the "ID card")
    q_stems = {stem(w) for w in qw}
    # A kind is a common noun right before the head ("car insurance"), not a name ("Gabor lives")
    # nor the last word of a label ("borettslag: felleskostnadene ...").
    # "30 days terms": a unit after a number is how much, not which kind.
    def modifier(i: int) -> bool:
        # ("new rate 10.4%": a word of change says which version, not which kind.)
        return (i >= 1 and tw[i - 1] not in STOP_WORDS and tw[i - 1] not in _VERSION_WORDS and tw[i - 1] not in _ARTICLES
                and raw[i - 1].islower() and raw[i - 1].isalpha()
                and not (i >= 2 and any(c.isdigit() for c in raw[i - 2])) and not re.search(r"[:;.!?]", text[spans[i - 1].end():spans[i].start()]))
    heads = [i for i in range(len(tw)) if _same_word(tw[i], head.lower())]
    if heads and not modifier(heads[0]):
        # "Rate 11.5%, fixed ..., then reset to the bank's reference rate": the line's own rate is
        # said first and bare; the kind named after it is another one it speaks of.
        return False
    t_mods = {stem(tw[i - 1]) for i in heads if modifier(i)}
    return bool(t_mods) and not (_with_synonyms(t_mods) & q_stems)


def _with_synonyms(stems: set[str]) -> set[str]:
    return stems | {s for x in stems for s in SYNONYMS.get(x, ())}


# Kinds of one thing that exclude each other: a line about the electricity meter is not about the
# gas meter. Stems of generic English (a statement's foreign words count through their glosses).
# Each set counts only where the question speaks of what its kinds are kinds of ("my home
# address" is no kind of insurance).
_EXCLUSIVE_KINDS = (
    ({"meter", "bill", "suppl", "provi", "tarif", "accou", "contr", "custo", "read", "conne", "compa", "numbe"},  # supplies of a home
     ({"gas"}, {"electric", "electr"}, {"water"}, {"inter", "broad", "fibre", "wifi"})),
    ({"insur", "polic", "cover", "premi", "claim"},  # insurance
     ({"healt", "medic"}, {"car", "motor", "vehic"}, {"home", "house", "conte"}, {"trave"}, {"life"}, {"pet"}, {"denta"})),
)


def other_supply(question_stems: set[str], said_stems: set[str]) -> bool:
    """The question names one kind ("our gas meter", "my health insurance") and the statement
    another of the same set and not the asked one (the electricity meter's row, the car policy)."""
    for context, kinds in _EXCLUSIVE_KINDS:
        if not context & question_stems:
            continue
        asked = [k for k in kinds if k & question_stems]
        if len(asked) != 1 or said_stems & asked[0]:
            continue
        if any(k & said_stems for k in kinds if k is not asked[0]):
            return True
    return False


class WordRelate:
    """Relatedness of words through an embedder (`embed(list[str]) -> list[vector]`)."""

    def __init__(self, embed: Callable[[Sequence[str]], list[list[float]]], cache_size: int = 20000):
        self._embed = embed
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._size = cache_size

    def _vecs(self, items: list[str]) -> dict[str, list[float]]:
        todo = [w for w in dict.fromkeys(items) if w not in self._vectors]
        if todo:
            for w, v in zip(todo, self._embed(todo)):
                self._vectors[w] = v
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return {w: self._vectors[w] for w in items}

    def best(self, asked: list[str], said: list[str]) -> float:
        """The highest cosine between any asked word and any said word."""
        if not asked or not said:
            return 0.0
        vecs = self._vecs(asked + said)
        top = 0.0
        for a in asked:
            va = vecs[a]
            na = sum(x * x for x in va) ** 0.5 or 1.0
            for s in said:
                vs = vecs[s]
                ns = sum(x * x for x in vs) ** 0.5 or 1.0
                top = max(top, sum(x * y for x, y in zip(va, vs)) / (na * ns))
        return top


def same_or_synonym(word: str, stems: set[str]) -> bool:
    """`word` itself (by stem) or one of its listed synonyms is among `stems`."""
    sa = stem(word)
    return sa in stems or bool(SYNONYMS.get(sa, set()) & stems)


# Kin sit close together in any vector space ("brother" by "dad" and "grandad"); a note that
# speaks of one does not speak of another, so they match only by word or listed synonym.
_KIN_WORDS = frozenset("""mum mom mother dad father parent parents wife husband partner spouse son daughter brother
    sister aunt uncle cousin niece nephew grandson granddaughter grandma grandmother grandpa grandfather grandad
    granddad grandchild grandchildren boyfriend girlfriend fiance fiancee""".split())


_NEAR_EVERYTHING = frozenset("""year years yearly annual annually month months monthly week weeks weekly day days daily today
    tomorrow yesterday morning mornings evening evenings night nights weekend weekends family families""".split())


# A document's own number sits close to every other ID in a vector space ("passport" by a tax ID's
# "Adóazonosító"); a line gives it only where it says the document, in any language the glosses know.
_DOCUMENT_WORDS = frozenset("passport chassis vin iban imei".split())
# "blood" sits close to every word of a health note ("Pediatrician: Dr. Umarov at Kids Medical
# Centre" for "Sabina's blood type"); a line gives a blood type only where it says blood.
_SAID_ONLY = frozenset({"blood"})
# ... except an IBAN, whose shape says what it is: a country's two letters, two check digits and
# groups ("from my account, the Sporiteľňa one, SK89 0900 0000 0050 5512 3471").
_IBAN_SHAPE = re.compile(rf"(?<![\w-])(?:{IBAN_GROUPED}|[A-Z]{{2}}\d{{2}}[A-Z0-9]{{11,30}})(?![\w-])")


def _related(word: str, said: set[str], said_words: list[str], relate: WordRelate | None) -> bool:
    if same_or_synonym(word, said):
        return True
    if word.lower() in _KIN_WORDS or word.lower() in _DOCUMENT_WORDS or word.lower() in _SAID_ONLY:
        return False
    return relate is not None and relate.best([word], said_words) >= MIN_WORD_COSINE


def shares_attribute(asked: list[str], text: str, relate: WordRelate | None, *, need: str = "any") -> bool:
    """Whether `text` (a statement with its heading, field names and context) speaks of the
    `asked` words: each the same stem, a listed synonym, or (with `relate`) a close word vector.
    need="any": one of them will do; "all": every one ("bank sort code" is not "shed code")."""
    if not asked:
        return True
    all_words = [w.lower() for w in words(text)]
    said = {stem(w) for w in all_words}
    if "iban" in (a.lower() for a in asked) and _IBAN_SHAPE.search(text):
        said.add("iban")
    # Numbers and month names sit close to "birthday" or "cost" in any vector space; they are
    # values, not what a statement is about.
    # So do the words of time ("year" by "winter") and of kin ("family" by "house"): a line that
    # says them is not thereby about the season or the home asked.
    # (Unless a word of time is what is asked: "a year" by "period: yearly".)
    said_words = [w for w in dict.fromkeys(all_words) if w not in STOP_WORDS and w not in MONTHS and w not in WEEKDAYS
                  and w not in _KIN_WORDS and len(w) > 1 and not re.search(r"\d", w)]
    vague = [w for w in said_words if w not in _NEAR_EVERYTHING]
    hits = [_related(a, said, said_words if a.lower() in _NEAR_EVERYTHING else vague, relate) for a in asked]
    if need == "all":
        return all(hits)
    if need == "half":
        return sum(hits) * 2 >= len(hits)
    return any(hits)


__all__ = ["MIN_WORD_COSINE", "WordRelate", "attribute_words", "head_phrase", "head_word", "other_kind", "same_or_synonym", "shares_attribute",
           "split_at_preposition"]
