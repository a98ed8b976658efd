"""Facts from note chunks, by deterministic patterns (and optionally the local model).

A fact is one statement about the user's world with the questions it answers. The patterns are
generic shapes of personal notes, never anything written for one persona:
  - sentences: "My X is Y", "Name is a/our Y", "I <verb> ...", "Name's X is Y";
  - bullets and lines "Key: value" under a heading (the heading is the subject);
  - markdown tables with a header row (the first column names the row).
Statements are rewritten in the second person ("I" -> "you") and pronouns at the start of a
sentence are replaced by the name the note is about, so every training answer stands alone.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, Field

from memory.types import Chunk

MONTHS = "January February March April May June July August September October November December".split()
_DATEISH = re.compile(r"\b((?:19|20)\d{2}|\d{1,2}:\d{2}|" + "|".join(MONTHS) + r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekday)s?\b")
_ABBREV = re.compile(r"\b(Dr|Mr|Mrs|Ms|St|No|Jr|Sr|vs|etc|e\.g|i\.e|[A-Z])\.$")
_PRONOUN_START = re.compile(r"^(She|He|It|They)\b")
_TITLE_WORDS = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}$")
_NOT_NAMES = {"I", "It", "This", "That", "There", "These", "Those", "We", "He", "She", "They", "The", "A", "An", "My", "Our"}
_USER_TITLES = re.compile(r"\b(about me|me|myself|profile|health|résumé|resume|cv)\b", re.I)
_PERSON_HEADERS = {"who", "relation", "relationship", "role"}


class Fact(BaseModel):
    id: str
    subject: str  # who/what the fact is about, by name ("you" for the user)
    relation: str  # the attribute ("manager", "vet", "phone"); "" for a free sentence
    value: str  # the answer span
    statement: str  # a standalone second-person sentence
    questions: list[str] = Field(default_factory=list)  # forward phrasings, first person
    reverse_questions: list[str] = Field(default_factory=list)
    reverse_answer: str = ""  # what the reverse questions expect in the answer
    path: str
    heading: list[str] = Field(default_factory=list)
    chunk_id: str = ""
    origin: str = "template"  # template | llm


# ---------------------------------------------------------------------------------------------
# person conversion

_SECOND = [
    (r"\bI am\b", "you are"), (r"\bI'm\b", "you're"), (r"\bI was\b", "you were"), (r"\bI have\b", "you have"),
    (r"\bI\b", "you"), (r"\bmy\b", "your"), (r"\bMy\b", "Your"), (r"\bme\b", "you"), (r"\bmine\b", "yours"),
    (r"\bmyself\b", "yourself"), (r"\bwe are\b", "you are"), (r"\bWe are\b", "You are"), (r"\bwe\b", "you"),
    (r"\bWe\b", "You"), (r"\bour\b", "your"), (r"\bOur\b", "Your"), (r"\bus\b", "you"),
]
_FIRST = [
    (r"\bare you\b", "am I"), (r"\bwere you\b", "was I"), (r"\byou are\b", "I am"), (r"\byou were\b", "I was"),
    (r"\byourself\b", "myself"), (r"\byours\b", "mine"), (r"\byour\b", "my"), (r"\bYour\b", "My"),
    (r"\bdo you\b", "do I"), (r"\bdid you\b", "did I"), (r"\byou\b", "I"), (r"\bYou\b", "I"),
]


def second_person(text: str) -> str:
    for pat, rep in _SECOND:
        text = re.sub(pat, rep, text)
    return text[:1].upper() + text[1:]


def first_person(question: str) -> str:
    """A generated question about 'you' as the user would ask it ('my', 'I')."""
    for pat, rep in _FIRST:
        question = re.sub(pat, rep, question)
    return question


# ---------------------------------------------------------------------------------------------
# helpers


def _fid(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def _clean(text: str) -> str:
    text = re.sub(r"\*\*|__|`", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return " ".join(text.split()).strip()


def _strip_end(text: str) -> str:
    return text.strip().rstrip(".;:!").strip()


def answer_span(value: str, max_words: int = 4) -> str:
    """The core of a value that an answer must contain (for held-out scoring)."""
    core = re.split(r"[,(;]| - | — ", value)[0].strip().strip('"“”')
    words = core.split()
    return " ".join(words[:max_words]) if words else value.strip()


def _is_name(text: str) -> bool:
    return bool(_TITLE_WORDS.match(text)) and text.split()[0] not in _NOT_NAMES


def _wh(value: str) -> str:
    if _DATEISH.search(value) and len(value.split()) <= 8:
        return "When"
    if re.match(r"^(Dr\.|Mr\.|Mrs\.|Ms\.)", value) or (_is_name(_strip_end(value)) and len(value.split()) in (2, 3)):
        return "Who"
    return "What"


def _possessive(name: str) -> str:
    if name.lower() in ("you", "your", "my"):
        return "my"
    if name.lower().startswith("my "):
        return name + "'s"
    return name + ("'" if name.endswith("s") else "'s")


def _base_verb(verb: str) -> tuple[str, bool]:
    """(base form, is_past) for a verb as written after 'I'; good enough for question templates."""
    irregular = {"was": ("be", True), "am": ("be", False), "had": ("have", True), "led": ("lead", True),
                 "met": ("meet", True), "took": ("take", True), "went": ("go", True), "made": ("make", True),
                 "got": ("get", True), "grew": ("grow", True), "bought": ("buy", True), "began": ("begin", True),
                 "left": ("leave", True), "lost": ("lose", True), "wrote": ("write", True), "ran": ("run", True),
                 "sent": ("send", True), "saw": ("see", True), "found": ("find", True)}
    v = verb.lower()
    if v in irregular:
        return irregular[v]
    if v.endswith("ied"):
        return v[:-3] + "y", True
    if v.endswith("ed") and len(v) > 4:
        stem = v[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            return stem[:-1], True
        if stem[-1] in "vczu" or stem.endswith(("at", "ot", "id", "in")) and not stem.endswith(("oin", "ain")):
            return stem + "e", True
        return stem, True
    return v, False


# ---------------------------------------------------------------------------------------------
# patterns


def _sentence_facts(sentence: str, subject_hint: str | None) -> list[dict]:
    """Question templates for one prose sentence (first person, as written in the note)."""
    s = _strip_end(sentence)
    if len(s.split()) < 3:
        return []
    if subject_hint:
        s = _PRONOUN_START.sub(subject_hint, s)
    # A leading time clause ("Since October 2026 we live at ...") moves to the end.
    m = re.match(r"^((?:Since|In|On|From|After|Before|Every|Currently)\b[^,]{1,40}?),? (?=(?:I|we|We|my|My)\b)", s)
    if m:
        s = s[m.end():] + " " + m.group(1)[0].lower() + m.group(1)[1:]
    statement = second_person(s) + "."
    out: list[dict] = []

    m = re.match(r"^[Mm]y ([\w'’ -]{2,40}?) (is|are|was) (.+)$", s)
    if m:
        rel, cop, val = m.group(1), m.group(2), m.group(3)
        wh = "What" if rel in ("name", "full name") else _wh(val)
        qs = [f"{wh} {cop} my {rel}?", f"What {cop} my {rel}?", f"Tell me my {rel}.", f"Do you know my {rel}?", f"my {rel}?"]
        rq, ra = [], ""
        if len(val.split()) <= 6:
            vcore = answer_span(val, 6)
            rq = [f"{'Who' if _is_name(vcore) else 'What'} is {vcore}?", f"What is {vcore} to me?"]
            ra = rel
        out.append(dict(subject="you", relation=rel, value=val, statement=statement, questions=list(dict.fromkeys(qs)),
                        reverse_questions=rq, reverse_answer=ra))
        return out

    m = re.match(r"^([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})['’]s ([\w -]{2,30}?) (is|are|was) (.+)$", s)
    if m and _is_name(m.group(1)):
        name, rel, cop, val = m.groups()
        wh = _wh(val)
        qs = [f"{wh} {cop} {name}'s {rel}?", f"What {cop} {name}'s {rel}?", f"Tell me {name}'s {rel}.", f"{name} {rel}?"]
        out.append(dict(subject=name, relation=rel, value=val, statement=statement, questions=list(dict.fromkeys(qs)),
                        reverse_questions=[f"Whose {rel} is {answer_span(val)}?"] if len(val.split()) <= 5 else [],
                        reverse_answer=name))
        return out

    m = re.match(r"^([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}) (is|was) (our|my|a|an|the) (.+)$", s)
    if m and _is_name(m.group(1)):
        name, cop, det, rest = m.groups()
        head = re.split(r",| (?:at|in|on|for|from|with|who|which|that|and) ", rest)[0]
        qs = [f"Who {cop} {name}?", f"What {cop} {name}?", f"Tell me about {name}.", f"What do you know about {name}?"]
        rq: list[str] = []
        if det in ("our", "my"):
            rq = [f"What is the name of my {head}?", f"Who is my {head}?", f"What is my {head} called?"]
        elif det in ("a", "an", "the") and len(head.split()) <= 4:
            rq = [f"Who is the {head}?"]
        out.append(dict(subject=name, relation="is", value=rest, statement=statement, questions=qs,
                        reverse_questions=rq, reverse_answer=name))
        return out

    s = re.sub(r"^(I|We|we) (\w+ly) ", r"\1 ", s)  # "I finally moved" -> "I moved"
    m = re.match(r"^(I|We|we) (am|are|'m)?\s*(\w+) (.+)$", s)
    if m:
        aux, verb, rest = m.group(2), m.group(3), m.group(4)
        qs: list[str] = []
        if aux and verb.endswith("ing"):
            qs = [f"What am I {verb}?", f"What am I {verb} at the moment?"]
        elif verb.lower() == "was" and rest.split()[0] in ("born", "raised", "married"):
            part = rest.split()[0]
            qs = [f"When was I {part}?", f"Where was I {part}?"]
        elif not aux and verb.lower() not in ("am", "was", "have", "had"):
            base, past = _base_verb(verb)
            do = "did" if past else "do"
            if re.search(r"\b(?:at|in|to|from|on) [A-Z0-9]", rest):
                qs.append(f"Where {do} I {base}?")
            if _DATEISH.search(rest):
                qs.append(f"When {do} I {base}?")
            if re.match(r"^(with|for|as|on|about) ", rest):
                qs.append(f"{'Who' if rest.startswith('with') else 'What'} {do} I {base} {rest.split()[0]}?")
            else:
                qs.append(f"What {do} I {base}?")
            qs.append(f"Do you know {'where' if qs[0].startswith('Where') else 'what'} I {verb}{' ' + rest.split()[0] if qs[0].startswith(('Who', 'What ' + do + ' I ' + base + ' ')) else ''}?")
        if qs:
            out.append(dict(subject="you", relation=verb, value=rest, statement=statement, questions=qs,
                            reverse_questions=[], reverse_answer=""))
        return out

    # Any other sentence about a named subject: "Pixel ... scared of thunderstorms".
    m = re.match(r"^([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}) (\w+) (.+)$", s)
    if m and _is_name(m.group(1)):
        name, verb, rest = m.groups()
        qs = [f"What do you know about {name}?", f"Tell me about {name}."]
        if verb in ("is", "was", "are") and rest.split()[0] not in ("a", "an", "the"):
            qs.insert(0, f"What {verb} {name} {rest.split()[0]}?" if rest.split()[0].endswith(("ed", "of")) else f"What {verb} {name} like?")
        if _DATEISH.search(rest):
            qs.insert(0, f"When {'was' if verb == 'was' else 'does'} {name} {'' if verb == 'was' else verb + ' '}{rest.split()[0] if verb == 'was' else ''}?".replace("  ", " ").replace(" ?", "?"))
        out.append(dict(subject=name, relation=verb, value=rest, statement=statement, questions=qs,
                        reverse_questions=[], reverse_answer=""))
    return out


def _key_value_fact(subject: str, user_topic: bool, key: str, value: str) -> dict | None:
    key, value = _clean(key), _strip_end(_clean(value))
    if not key or not value or len(key.split()) > 4:
        return None
    rel = key.lower()
    owner = "my" if user_topic else _possessive(subject)
    wh = _wh(value)
    qs = [f"{wh} is {owner} {rel}?", f"What is {owner} {rel}?", f"Tell me {owner} {rel}.", f"{owner} {rel}?"]
    if not user_topic:
        qs += [f"What is my {rel} for {subject}?", f"{subject}: what is the {rel}?"]
    statement = f"{second_person(owner)[:1].upper() + second_person(owner)[1:]} {rel} is {second_person(value)}."
    if user_topic:
        statement = f"Your {rel} is {second_person(value)}."
    rq, ra = [], ""
    span = answer_span(value)
    if len(span.split()) >= 2 and (_is_name(span) or span.startswith(("Dr.", "Mr.", "Ms.", "Mrs."))):
        rq, ra = [f"Who is {span}?"], rel
    return dict(subject="you" if user_topic else subject, relation=rel, value=value, statement=statement,
                questions=list(dict.fromkeys(qs)), reverse_questions=rq, reverse_answer=ra)


def _table_facts(header: list[str], rows: list[list[str]]) -> list[dict]:
    out = []
    person_rows = header[0].lower() in _PERSON_HEADERS
    name_col = next((i for i, h in enumerate(header) if h.lower() == "name"), None)
    for row in rows:
        if len(row) != len(header) or not row[0]:
            continue
        label = f"my {row[0]}" if person_rows else row[0]
        name = row[name_col] if name_col is not None else None
        for j, (h, v) in enumerate(zip(header, row)):
            if j == 0 or not v:
                continue
            h_l = h.lower()
            if j == name_col:
                st = f"{second_person(label)[:1].upper() + second_person(label)[1:]} is {v}."
                out.append(dict(subject=label, relation="name", value=v, statement=st,
                                questions=[f"Who is {label}?", f"What is {_possessive(label)} name?", f"What's the name of {label}?", f"{label}?"],
                                reverse_questions=[f"Who is {v}?", f"How is {v} related to me?"],
                                reverse_answer=row[0]))
                continue
            who = name or label
            if h_l in ("notes", "note", "comment", "comments", "details"):
                st = f"{who} ({second_person(label)}) {second_person(v)}."
                out.append(dict(subject=who, relation="notes", value=v, statement=st,
                                questions=[f"Tell me about {who}.", f"What do you know about {who}?", f"What do you know about {label}?"],
                                reverse_questions=[], reverse_answer=""))
                continue
            owners = [label] + ([name] if name else [])
            qs = []
            for o in owners:
                qs += [f"{_wh(v)} is {_possessive(o)} {h_l}?", f"What is {_possessive(o)} {h_l}?", f"{o} {h_l}?"]
            st = f"{name + ', ' + second_person(label) + ',' if name else second_person(label).capitalize()} has the {h_l} {v}."
            if name:
                st = f"The {h_l} of {name} ({second_person(label)}) is {v}."
            out.append(dict(subject=who, relation=h_l, value=v, statement=st, questions=list(dict.fromkeys(qs)),
                            reverse_questions=[f"Whose {h_l} is {v}?"] if len(v) <= 40 else [], reverse_answer=name or row[0]))
    return out


def _split_sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text)
    merged: list[str] = []
    for p in parts:
        if merged and _ABBREV.search(merged[-1]):
            merged[-1] += " " + p
        else:
            merged.append(p)
    return [m.strip() for m in merged if m.strip()]


def _cells(line: str) -> list[str]:
    return [_clean(c) for c in line.strip().strip("|").split("|")]


_PAST_IRREGULAR = {"sent", "met", "took", "went", "made", "got", "bought", "began", "left", "ran", "wrote", "led", "saw", "found"}
_ADVERBS = re.compile(r"^(Also|Finally|Then|Today|Yesterday|Just|Still|Again|Later|Now),?\s+", re.I)


def _implicit_first_person(sentence: str, names: set[str]) -> str:
    """Diary style "Booked the trip." means "I booked the trip."."""
    s = _ADVERBS.sub("", sentence)
    first = s.split()[0] if s.split() else ""
    if first in names or not first[:1].isupper():
        return sentence
    w = first.lower()
    if (w.endswith("ed") and len(w) > 4) or w in _PAST_IRREGULAR:
        return "I " + w + s[len(first):]
    return sentence


def _topic_fact(sentence: str, topic: str) -> dict | None:
    """A sentence no pattern understood, kept as a statement under its topic (heading or key)."""
    s = _strip_end(sentence)
    if len(s.split()) < 4 or not topic:
        return None
    if _USER_TITLES.search(topic):  # "About me": the sentence is about the user already
        return dict(subject="you", relation="", value=s, statement=second_person(s) + ".",
                    questions=["What do you know about me?", "Tell me something about me."], reverse_questions=[], reverse_answer="")
    topic = re.sub(r"^(my|My|our|Our) ", "", topic)
    t = topic[:1].lower() + topic[1:] if not _is_name(topic) else topic
    own = "" if _is_name(topic) else "my "
    statement = f"About {'your ' if own else ''}{t}: {second_person(s)}."
    qs = [f"What do you know about {own}{t}?", f"Tell me about {own}{t}."]
    return dict(subject=topic, relation="", value=s, statement=statement, questions=qs, reverse_questions=[], reverse_answer="")


def known_names(chunks: Iterable[Chunk]) -> set[str]:
    """Capitalised words seen mid-sentence (so "Pixel" is a name, "Firmware" at a sentence start is not)."""
    names: set[str] = set()
    for c in chunks:
        for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z][\w'’-]*)", c.text):
            names.add(m.group(1).rstrip("'’s"))
            names.add(m.group(1))
        for h in c.heading:
            if _is_name(h) and not _USER_TITLES.search(h):
                names.add(h.split()[0])
    return names


def facts_from_chunk(chunk: Chunk, names: set[str] | None = None) -> list[Fact]:
    names = names if names is not None else known_names([chunk])
    title = re.sub(r"^#+\s*", "", _clean(chunk.heading[-1])) if chunk.heading else ""
    dated = re.match(r"^\d{4}-\d{2}-\d{2}$", Path(chunk.path).stem)
    state = {"entity": None, "topic": ""}

    def set_title(t: str) -> None:
        state["topic"] = t
        state["entity"] = t if _is_name(t) and not _USER_TITLES.search(t) and "," not in t else None

    set_title(title)
    raw: list[dict] = []
    last_name: list[str | None] = [state["entity"]]

    def sentences(text: str, topic: str) -> None:
        for sent in _split_sentences(_clean(text)):
            if dated:
                sent = re.sub(r"\btoday\b", f"on {Path(chunk.path).stem}", sent)
            sent = _implicit_first_person(sent, names)
            first = sent.split()[0] if sent.split() else ""
            found = [f for f in _sentence_facts(sent, last_name[0])
                     if f["subject"] == "you" or f["subject"].split()[0].rstrip("'’s") in names]
            if not found:
                t = _topic_fact(sent, topic)
                found = [t] if t else []
            for f in found:
                if f["subject"] != "you" and f["subject"].split()[0] in names:
                    last_name[0] = f["subject"]
            raw.extend(found)

    def key_value(key: str, value: str) -> None:
        parts = _split_sentences(_clean(value))
        if not parts:
            return
        if re.search(r"\b(I|my|My|we|our)\b", key):
            # "Things I love: a, b and c." -> "What are the things I love?"
            k = key[:1].lower() + key[1:]
            raw.append(dict(subject="you", relation=k, value=_strip_end(parts[0]),
                            statement=f"The {second_person(k)[:1].lower() + second_person(k)[1:]}: {second_person(_strip_end(parts[0]))}.",
                            questions=[f"What are the {k}?", f"Tell me the {k}.", f"What do you know about the {k}?"],
                            reverse_questions=[], reverse_answer=""))
            rest = parts[1:]
        elif re.match(r"^(I|My|We|Our)\b", parts[0]):
            rest = parts  # "Cello: I have played since I was eight." -> the key is a topic
        else:
            entity, topic = state["entity"], state["topic"]
            user_topic = not entity
            f = _key_value_fact(entity or topic, user_topic, key, parts[0])
            if f:
                label = re.split(r",| — | - ", topic)[0].strip()
                if user_topic and topic and not _USER_TITLES.search(topic) and label:
                    f["statement"] = f"For {label}: {f['statement'][:1].lower() + f['statement'][1:]}"
                    f["questions"] += [f"What is my {f['relation']} for {label}?", f"{label} {f['relation']}?"]
                raw.append(f)
            rest = parts[1:]
        for r in rest:
            kv2 = re.match(r"^([A-Za-z][\w ’'/-]{0,40}):\s+(.+)$", r)
            if kv2 and len(kv2.group(1).split()) <= 4:
                key_value(kv2.group(1), kv2.group(2))
            else:
                sentences(r, key)

    lines = chunk.text.splitlines()
    i = 0
    para: list[str] = []

    def flush() -> None:
        if not para:
            return
        text = " ".join(para)
        para.clear()
        kv = re.match(r"^([A-Za-z][\w ’'/-]{0,40}):\s+(.+)$", text)
        if kv and len(kv.group(1).split()) <= 4:
            key_value(kv.group(1), kv.group(2))
        else:
            sentences(text, state["topic"])

    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|?\s*:?-{2,}", lines[i + 1]):
            flush()
            header = _cells(stripped)
            i += 2
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            raw.extend(_table_facts(header, rows))
            continue
        bullet = re.match(r"^\s*(?:[-*+]|\d+\.)\s+(.*)$", lines[i])
        if not stripped or stripped.startswith("#") or bullet:
            flush()
            if stripped.startswith("#"):
                set_title(_clean(stripped.lstrip("#")))
            elif bullet:
                para.append(bullet.group(1))
                flush()
        else:
            para.append(stripped)
        i += 1
    flush()
    return [Fact(id=_fid(chunk.path, f["statement"]), path=chunk.path, heading=list(chunk.heading),
                 chunk_id=chunk.id, **f) for f in raw]


def extract_facts(chunks: Iterable[Chunk]) -> list[Fact]:
    """Facts from every chunk, de-duplicated by statement (overlapping chunks repeat sentences)."""
    chunks = list(chunks)
    names = known_names(chunks)
    seen: dict[str, Fact] = {}
    for chunk in chunks:
        for fact in facts_from_chunk(chunk, names):
            key = fact.statement.lower()
            if key not in seen:
                seen[key] = fact
    return list(seen.values())
