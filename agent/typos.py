"""A word of the question typed wrong ("whats my lisence number", "wifi pasword", "last oil
chnge"), spelt as the notes spell it.

A word is mended only when it is no English word and no note holds it, and exactly one word
one keystroke away is both an English word and held by the notes, more often than any other such
word: a letter left out in a word of five letters or more ("numbr"), or a letter changed, added
or two swapped in one of seven or more ("lisence"). A name's "'s" typed without the apostrophe
("sigals phone") is left alone. So "horse", a word, is never turned
into the notes' "house", and a name nobody wrote stays as typed: an honest "I don't know" is
better than an answer to a question the user did not ask.

The English words are the whole-word entries of the bundled embedder's WordPiece vocabulary
(about 21,700 words, already on disk); without it nothing is mended.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Typed all in lower case, four letters or more: a word typed in a hurry, not a name written
# with its capital ("Bojan") nor an abbreviation ("GP").
_TYPED = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
# Typed without the apostrophe or the question word's letters, which the question's reader already
# reads as meant ("whats", "wher", "wich", "dont"): no typo to mend.
_AS_MEANT = frozenset("""whats wheres whos whens hows whys thats theres heres wher whre wehre wich whcih whihc waht whta wats
    wifi
    dont doesnt didnt cant wont isnt arent wasnt werent hasnt havent hadnt couldnt shouldnt wouldnt
    youre theyre were ours yours""".split())


@lru_cache(maxsize=4)
def english_words(vocab: Path | None) -> frozenset[str]:
    """The whole words of a WordPiece vocabulary file (one token a line; "##ing" is a piece)."""
    if vocab is None or not vocab.is_file():
        return frozenset()
    words = vocab.read_text(encoding="utf-8", errors="replace").split("\n")
    return frozenset(w for w in words if re.fullmatch(r"[a-z]{2,}", w))


@lru_cache(maxsize=1)
def bundled_vocabulary() -> Path | None:
    try:
        from memory.embedder import bundled_embedder_path

        return bundled_embedder_path() / "vocab.txt"
    except Exception:  # the embedder package is missing or broken: mend nothing
        return None


def _splits(word: str) -> list[tuple[str, str]]:
    return [(word[:i], word[i:]) for i in range(len(word) + 1)]


def _with_a_letter_more(word: str) -> set[str]:
    """The words `word` is with one letter left out ("numbr" of "number")."""
    return {a + c + b for a, b in _splits(word) for c in _LETTERS}


def one_keystroke_away(word: str) -> set[str]:
    splits = _splits(word)
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= _with_a_letter_more(word)
    out.discard(word)
    return out


# A letter left out is the typo a word of five letters or more survives ("numbr", "polcy",
# "weding"); a letter changed, swapped or added only in a word of seven or more ("lisence"):
# shorter, a foreign word or a name is as near an English one ("babi", Albanian for dad, is a
# letter from "baby"; "wifi" from "wife"; "acct" from "act").
_SHORTEST_LEFT_OUT = 5
_SHORTEST_CHANGED = 7


def _mendings(typed: str) -> set[str]:
    if len(typed) >= _SHORTEST_CHANGED:
        return one_keystroke_away(typed)
    return _with_a_letter_more(typed) if len(typed) >= _SHORTEST_LEFT_OUT else set()


def _possessive(typed: str, words: frozenset[str]) -> bool:
    """"sigals phone", "daves wife": a name's "'s" typed without its apostrophe, not a typo
    ("sigals" is no "signals")."""
    return typed.endswith("s") and not typed.endswith("ss") and typed[:-1] not in words


def mend(question: str, held: Callable[[str], int], words: frozenset[str]) -> str:
    """`question` with each mistyped word replaced by the notes' word; `held(word)`: how many of
    the notes' lines hold it."""
    if not words:
        return question

    def fix(m: re.Match) -> str:
        typed = m.group(0)
        if typed in _AS_MEANT or typed in words or _possessive(typed, words) or held(typed):
            return typed
        counts = {w: held(w) for w in _mendings(typed) if w in words}
        counts = {w: n for w, n in counts.items() if n}
        if not counts:
            return typed
        best = max(counts.values())
        found = [w for w, n in counts.items() if n == best]
        return found[0] if len(found) == 1 else typed

    return _TYPED.sub(fix, question)
