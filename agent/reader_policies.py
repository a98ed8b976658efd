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

from agent.reader_text import dates, names
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


_POLICY_WORD = re.compile(r"(?i)(?:polis|policy|insur|vakuut|ubezpiecz|versicher|verzeker|assur|segur)")


def asks_my_insurance(question: str) -> bool:
    return bool(_ASKED.search(question))


def listed_policies(texts: Iterable[str]) -> list[str]:
    """The insurers of the lines that give a policy's renewal or end, each once; [] when fewer than two."""
    found: dict[str, str] = {}
    for text in texts:
        if not (_SAYS.search(text) or "insurance" in english_for(text)):
            continue
        end = _ENDS.search(text)
        if not end or not dates(text[end.end():end.end() + 40]):
            continue
        body = text.rsplit(": ", 1)[-1] if text.count(": ") <= 2 else text
        # (Not the policy's own words: "Polisnumero KV", "Jatkuu 15.6.2027" are no insurers.)
        insurer = next((n for n in names(body) if not all(_NOT_INSURER.match(w) for w in n.split())
                        and not re.search(r"\d", n) and not _ENDS.fullmatch(n.split()[0]) and not _POLICY_WORD.match(n)), None)
        if insurer is None:
            continue
        found.setdefault(insurer.split()[0].lower(), insurer)
    return list(found.values()) if len(found) >= 2 else []
