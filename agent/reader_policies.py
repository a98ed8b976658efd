"""Which insurance, when the question says only "my insurance".

"When does my insurance renew?" over notes that keep a car policy with Folksam ("Bilförsäkring:
Folksam, policy FB 88-40213, ..., förfaller 2027-01-31") and a home policy with Länsförsäkringar
("..., policy LFG-5527310, renews 2026-09-01") has two answers: the reader asks which one is meant,
naming each by its insurer. Only a question that leaves the insurance unqualified ("my car
insurance" is one policy) and asks when it renews or ends; only lines that say insurance (in any
language the glosses know) or a policy, and give a day it renews or ends.
"""
from __future__ import annotations

import re
from typing import Iterable

from agent.reader_text import dates, money, names
from memory.gloss import english_for

_ASKED = re.compile(r"\b(?:my|our)\s+(?:insurance|policy)\b.*\b(?:renew|renews|renewal|expire|expires|expiry|due|valid|run out|end)\b",
                    re.IGNORECASE)
_SAYS = re.compile(r"\b(?:insurance|insurer|insured|policy|polis|polisa|policy no)\b", re.IGNORECASE)
# The day a policy renews or ends, after its word (in some of the languages notes are kept in).
_ENDS = re.compile(r"\b(?:renews?|renewal|expires?|expiry|valid (?:to|until|till)|until|förfaller|jatkuu|odnawia|wygasa|"
                   r"läuft ab|gültig bis|vervalt|scade|vence|scadenza)\b", re.IGNORECASE)
# Words that name no insurer: the kinds of cover and of paper.
_NOT_INSURER = re.compile(r"^(?:policy|insurance|car|home|house|contents|health|travel|life|pet|motor|comprehensive|third|"
                          r"my|our|the|renews?|expires?|premium|cover|allrisk|oc|ac)$", re.IGNORECASE)


_POLICY_WORD = re.compile(r"(?i)(?:polis|policy|insur|vakuut|ubezpiecz|versicher|verzeker|assur|segur|police\b|p[oó]liza|polizz|ap[oó]lice|forsikr|försäkr|pojist)")


def asks_my_insurance(question: str) -> bool:
    return bool(_ASKED.search(question))


def _body(text: str) -> str:
    """What follows a line's keys ("Car: Bilförsäkring: Folksam, ..."), where its insurer is named."""
    return text.rsplit(": ", 1)[-1] if text.count(": ") <= 2 else text


def _insurer_names(body: str) -> list[str]:
    """The names in `body` that may be an insurer's: not the policy's own words ("Polisnumero KV",
    a kind of cover), nor a name with a digit."""
    return [n for n in names(body) if not all(_NOT_INSURER.match(w) for w in n.split())
            and not re.search(r"\d", n) and not _POLICY_WORD.match(n)]


def listed_policies(texts: Iterable[str]) -> list[str]:
    """The insurers of the lines that give a policy's renewal or end, each once; [] when fewer than two."""
    found: dict[str, str] = {}
    for text in texts:
        if not (_SAYS.search(text) or "insurance" in english_for(text)):
            continue
        end = _ENDS.search(text)
        if not end or not dates(text[end.end():end.end() + 40]):
            continue
        insurer = next((n for n in _insurer_names(_body(text)) if not _ENDS.fullmatch(n.split()[0])), None)
        if insurer is None:
            continue
        found.setdefault(insurer.split()[0].lower(), _whole(insurer, text))
    return list(found.values()) if len(found) >= 2 else []


# "What's my insurance policy number?", "the policy number of my insurance", "our insurance number":
# the insurance left unqualified (not "my car insurance", "my Fremtind policy").
_NUMBER_ASKED = re.compile(r"\b(?:my|our|the)\s+(?:insurance\s+(?:policy\s+)?|policy\s+)(?:number|no\.?|nr\.?|#)(?!\w)"
                           r"|\bpolicy (?:number|no\.?) of (?:my|our|the) insurance\b", re.IGNORECASE)
# A policy's code: letters and four digits or more, in groups ("AU 7734 2190", "SH-22-0093418").
_POLICY_CODE = re.compile(r"(?<![\w])[A-Z]{0,5}[- ]?\d(?:[\dA-Z]|[ .\-/](?=[\dA-Z])){3,30}")
_POLICY_BEFORE = re.compile(r"(?i)(?:polis\w*|polic\w*|polizz\w*|p[oó]liza|ap[oó]lice|police|pojistk\w*|forsikringsnummer|"
                            r"försäkringsnummer|vakuutusnumero)\W{1,3}(?:(?:no|nr|number|n[°º]|#)\W{0,3})?[A-Z]{0,5}[- ]?$")
_INSURER_NAME = re.compile(r"(?i)\b(?:insurance|assurance|assurances|mutual|seguros?|versicherung\w*|takaful|verzekering\w*|"
                           r"forsikring|försäkring\w*|assicurazioni|ubezpiecze\w*|pojišťovna|poisťovňa|sigorta|draudimas|"
                           r"kindlustus|biztosító|osiguranje|zavarovalnica|asigurări)\b")
# A line that tells a policy ended is no policy of now.
_ENDED = re.compile(r"\b(?:cancel+ed|cancel+ation|terminated|old policy|former|no longer|switched from|ended)\b", re.IGNORECASE)


def _whole(name: str, text: str) -> str:
    """An insurer's name with the word for insurance the notes write after it in lower case
    ("Lietuvos draudimas", "Direct pojišťovna"): the name the user knows it by."""
    m = None if _INSURER_NAME.search(name) else re.search(rf"\b{re.escape(name)}\s+([^\W\d_A-Z][\w-]*)", text)
    return f"{name} {m.group(1)}" if m and _INSURER_NAME.fullmatch(m.group(1)) else name


def asks_my_policy_number(question: str) -> bool:
    # (Not a policy the question says which of: "the policy number of my car insurance", "my
    # Fremtind policy number".)
    qualified = re.search(r"(?i)\b(?!(?:my|our|the|your|of|insurance|what|whats|what's|is)\b)[\w'’-]+\s+(?:insurance|policy)\b", question)
    return bool(_NUMBER_ASKED.search(question)) and not qualified


def listed_policy_numbers(texts: Iterable[str]) -> list[str]:
    """The insurers of the lines that give a policy's number, each once with it ("Santam
    (SH 20931577)"); [] when fewer than two insurers. A date, an amount or a phone number is no
    policy number."""
    found: dict[str, str] = {}
    for text in texts:
        if not (_SAYS.search(text) or _POLICY_WORD.search(text) or "insurance" in english_for(text)) or _ENDED.search(text):
            continue
        spent = " ".join(dates(text) + money(text))
        # The code after the word for a policy ("policy SH 20931577", "Polizze Nr. 71-4428193-5"),
        # not a claim's ("Schadennummer 26-WS-04417") or a phone's.
        code = next((m.group(0).strip() for m in _POLICY_CODE.finditer(text)
                     if sum(ch.isdigit() for ch in m.group(0)) >= 5 and m.group(0).strip() not in spent
                     and _POLICY_BEFORE.search(text[max(0, m.start() - 30):m.start()])), None)
        if code is None or any(code in f for f in found.values()):
            continue  # (one policy told twice, beside the car it covers: "Superb (AU 7734 2190)")
        body = _body(text)
        named = [n for n in _insurer_names(body) if n not in code]
        # The insurer before the car it covers: "The Fortuner also has full cover with Alianza
        # Seguros, policy AUT-118-40277" (a name that says it insures, or that the cover is with).
        insurer = next((n for n in named if _INSURER_NAME.search(n) or re.search(rf"\b(?:with|by|from)\s+{re.escape(n)}", body)),
                       named[0] if named else None)
        if insurer is None:
            continue
        found.setdefault(insurer.split()[0].lower(), f"{_whole(insurer, body)} ({code})")
    return list(found.values()) if len(found) >= 2 else []
