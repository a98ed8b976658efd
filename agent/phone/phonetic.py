"""Names matched by sound: a small phonetic key plus edit distance.

Speech recognizers spell an unfamiliar name the way it sounds ("Beatriz" comes out as
"Beatrice" or "via Tris"). The key keeps the consonant skeleton in Soundex-like classes (b/f/p/v
alike, c/g/j/k/q/s/x/z alike, d/t alike, m/n alike) after a few English spelling rules, for every
letter including the first (a recognizer often gets the first sound wrong: "B" heard as "V").
Two names are close when their keys are nearly equal AND their spellings are not far apart;
both are needed, because short keys collide easily.
"""
from __future__ import annotations

import re
import unicodedata

_CLASSES = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
            "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}
# Spelling rules applied before classing: digraphs that are one sound, silent letters.
_RULES = (
    (r"^kn|^gn|^pn|^wr", lambda m: m.group(0)[1]),
    (r"ph", "f"), (r"ck", "k"), (r"tch", "ch"), (r"sch", "sh"), (r"gh(?![aeiou])", ""),
    (r"th", "t"), (r"dg", "j"), (r"mb$", "m"),
)


def fold(text: str) -> str:
    """Lowercase ASCII letters only ("Zoë-Anne" -> "zoeanne")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", text.lower())


def key(text: str) -> str:
    """The phonetic key of a name or of several heard words joined ("via Tris" -> "1362")."""
    s = fold(text)
    for pattern, repl in _RULES:
        s = re.sub(pattern, repl, s)
    out: list[str] = []
    prev = ""
    for ch in s:
        code = _CLASSES.get(ch, "")
        if code and code != prev:
            out.append(code)
        if ch not in "hw":  # as in Soundex, h and w do not separate two equal codes
            prev = code
    return "".join(out)


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
            prev, row[j] = row[j], cur
    return row[len(b)]


def similarity(heard: str, name: str) -> float:
    """0..1: how likely `heard` is a recognizer's spelling of `name` (1 = same sound and spelling)."""
    a, b = fold(heard), fold(name)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return 0.0
    key_sim = 1 - distance(ka, kb) / max(len(ka), len(kb))
    spell_sim = 1 - distance(a, b) / max(len(a), len(b))
    return 0.6 * key_sim + 0.4 * spell_sim


CLOSE = 0.7  # measured on generic name pairs in tests/agent/test_phone_parser.py
TIE = 0.08  # a second name this near the best one makes the match ambiguous


def best_matches(heard: str, names: list[str]) -> list[tuple[float, str]]:
    """Names close to `heard`, best first; several within TIE of the best mean "ask"."""
    scored = sorted(((similarity(heard, n), n) for n in set(names)), reverse=True)
    close = [(s, n) for s, n in scored if s >= CLOSE]
    if not close:
        return []
    top = close[0][0]
    return [(s, n) for s, n in close if top - s <= TIE]
