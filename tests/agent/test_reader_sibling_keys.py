"""A line whose own words say the rest of the asked key is no sibling of it (made-up notes).

"Swim club news: Dana left the club, Mia's new coach is Priya Shah" (a journal's bullet) answers
"Who is Mia's swim coach?" though the card keys the old coach "Swim coach": the news line's key
shares only "swim" with it, and its value says "coach" itself.
"""
from __future__ import annotations

from agent.reader import Reader, _sibling_key
from agent.reader_question import analyse
from tests.agent.test_reader import hit, overlap_model


def test_a_line_whose_value_says_the_asked_key_is_not_its_sibling():
    card = hit("Mia: Swim coach: Dana Wells", line=4, path="/notes/pages/Mia.md", topic="Mia",
               fields={"Swim coach": "Dana Wells"})
    news = hit("Swim club news: Dana left the club, Mia's new coach is Priya Shah", line=1,
               path="/notes/journals/2026_10_19.md", fields={"Swim club news": "Dana left the club, Mia's new coach is Priya Shah"})
    assert not _sibling_key(analyse("Who is Mia's swim coach?"), news, [card, news])
    # A key that only shares a word, with a value that does not say the rest, is still a sibling.
    fee = hit("Swim club fee: 120 € a term", line=2, path="/notes/journals/2026_10_19.md",
              fields={"Swim club fee": "120 € a term"})
    assert _sibling_key(analyse("Who is Mia's swim coach?"), fee, [card, fee])


def test_which_thing_is_answered_by_the_cards_line_keyed_by_it():
    """"Which vet do we take Moss to?": the weight line mentions the vet in passing and the model
    likes it better; the card's "Vet:" line, as much about the question, names the vet."""
    weight = hit("Moss: Weight: 19.5 kg (last weigh-in at the vet, August)", line=8, path="/notes/pets/Moss.md",
                 fields={"Weight": "19.5 kg (last weigh-in at the vet, August)"})
    vet = hit("Moss: Vet: Meadowbank Vets — 0131 496 0742", line=7, path="/notes/pets/Moss.md", fields={"Vet": "Meadowbank Vets — 0131 496 0742"})
    reading = Reader(overlap_model(weight=1.0)).read("Which vet do we take Moss to?", [weight, vet])
    assert reading.kind == "answered" and "Meadowbank" in reading.answer


def test_the_keyed_line_does_not_displace_a_newer_word_a_kind_of_value_or_a_longer_key():
    """The card's keyed line answers only in its place: not over a journal line the model reads as
    far likelier ("Rayyan is in Class 2 now, section C" over "Section: B"), not for a kind of value
    ("What date ...": a changelog's moved ferry over "ferry out: date:"), and not under a key that
    names more than the thing ("Church alofa:" is the church's offering, not the church)."""
    journal = hit("school: Text: New session. Rayyan is in Class 2 now, section C (they reshuffled the sections).", line=28,
                  path="/notes/log.rec", fields={"Text": "New session. Rayyan is in Class 2 now, section C (they reshuffled the sections)."})
    card = hit("Muhammad Rayyan Bilal: Section: B", line=12, path="/notes/kids.rec", fields={"Section": "B"})
    reading = Reader(overlap_model(session=3.0)).read("Which section is Rayyan in?", [journal, card])
    assert "section C" in reading.answer
    church = hit("Sunday: lotu at EFKS Vaitele-uta, then to'ona'i at home.", line=4, path="/notes/week.md",
                 fields={"Sunday": "lotu at EFKS Vaitele-uta, then to'ona'i at home."})
    alofa = hit("Money: Church alofa: WS$50.00 a fortnight.", line=9, path="/notes/money.md", fields={"Church alofa": "WS$50.00 a fortnight."})
    reading = Reader(overlap_model(lotu=1.0)).read("Which church do we go to?", [church, alofa])
    assert "EFKS" in reading.answer
