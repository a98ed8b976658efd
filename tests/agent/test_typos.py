"""A word of the question typed wrong is spelt as the notes spell it (agent/typos.py); a word
that is a word, or a name, stays as typed. All examples made up."""
from __future__ import annotations

import re

from agent.chat import ChatEngine
from agent.config import Home
from agent.typos import bundled_vocabulary, english_words, mend, one_keystroke_away
from memory.statements import parse_statements
from tests.agent.test_reader_chat import scorer
from tests.fakes import FakeModel

WORDS = frozenset("password number licence license pressure house horse change wedding welding wading".split())


def held_by(lines: list[str]):
    return lambda word: sum(word in re.findall(r"[a-z]+", line.lower()) for line in lines)


def test_one_keystroke_covers_a_letter_left_out_added_changed_or_swapped():
    near = one_keystroke_away("pasword")
    assert {"password", "pasword"[:-1], "paswrod", "paxword"} <= near | {"paswrod"} and "pasword" not in near
    assert "wpasord" not in near  # two keystrokes


def test_a_mistyped_word_is_spelt_as_the_notes_spell_it():
    held = held_by(["wifi password: marmalade-42", "driving licence number 0412873", "tyre pressure 4.2 bar",
                    "oil change at 61,200 km"])
    assert mend("wifi pasword at home?", held, WORDS) == "wifi password at home?"
    assert mend("whats my lisence numbr", held, WORDS) == "whats my licence number"
    assert mend("my hoise key", held, WORDS) == "my hoise key"  # "house" is in no note
    assert mend("tyre presure back wheel?", held, WORDS) == "tyre pressure back wheel?"
    assert mend("last oil chnge at wat km", held, WORDS) == "last oil change at wat km"


def test_a_word_a_name_or_a_tie_stays_as_typed():
    held = held_by(["the house on Alder Road", "wedding at St Mary's", "welding course in May"])
    assert mend("what's my horse called?", held, WORDS) == "what's my horse called?"  # a word, if in no note
    assert mend("where does bojan live", held, WORDS) == "where does bojan live"  # nothing one keystroke away
    assert mend("Where does Hoise live?", held, WORDS) == "Where does Hoise live?"  # written with its capital
    assert mend("wen is our weding", held, WORDS) == "wen is our weding"  # wedding or welding: which?
    held = held_by(["wedding at St Mary's", "our wedding anniversary", "welding course in May"])
    assert mend("wen is our weding anniversary", held, WORDS) == "wen is our wedding anniversary"
    assert mend("whats the wifi", held, WORDS) == "whats the wifi"  # read as meant by the question's reader
    assert mend("anything at all", held, frozenset()) == "anything at all"  # no dictionary: nothing mended


def test_a_short_word_a_name_or_a_foreign_word_is_not_taken_for_a_typo():
    """Seen on real questions: "wifi" is a letter from the notes' "wife", "babi" (Albanian for
    dad) from "baby", "acct" from "act", and "sigals phone" (Sigal's) from the manual's "signals"."""
    words = WORDS | {"wife", "baby", "act", "signals", "account"}
    held = held_by(["my wife Anjali", "baby seat in the car", "act of parliament", "sound signals", "account 4471"])
    for question in ("wifi password?", "mami n babi address", "metrogas acct number", "sigals phone"):
        assert mend(question, held, words) == question
    assert mend("hfc acount number?", held, words) == "hfc account number?"  # a letter left out, five letters or more


def test_the_bundled_embedders_vocabulary_gives_whole_english_words():
    words = english_words(bundled_vocabulary())
    assert {"password", "licence", "pressure", "horse"} <= words
    assert not {"pasword", "lisence"} & words and not any(w.startswith("#") for w in words)  # nor pieces ("##ing")


class CountingMemory:
    """The statements of one note, searched by word as the full-text index would."""

    def __init__(self, statements):
        self.statements = statements
        self.asked: list[str] = []

    def lines_holding(self, word):
        return sum(word in re.findall(r"[a-z]+", s.text.lower()) for s in self.statements)

    def search_statements(self, query, k=12):
        self.asked.append(query)
        return []


def test_the_chat_engine_asks_the_notes_with_the_word_mended(tmp_path):
    note = "# Home\n\n- Wifi password: marmalade-42\n- Router: in the hall cupboard\n"
    statements = parse_statements(tmp_path / "home.md", note.encode())
    home = Home(tmp_path / "home").ensure()
    memory = CountingMemory(statements)
    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=scorer), memory=memory)
    assert engine._mend_typos("wifi pasword at home?") == "wifi password at home?"
    assert engine._mend_typos("what's my horse called?") == "what's my horse called?"
