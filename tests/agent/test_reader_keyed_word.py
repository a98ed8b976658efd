"""A value a line gives without the question's own kind of value: under the word itself ("isikukood
= 48903142710"), after the sentence on its line that names the thing ("FijiCare through Koro Sea
Digital, family cover. Member number FC-3318420."), or asked as "the number of my ID card"."""
from __future__ import annotations

from pathlib import Path

from agent.reader import Reader
from agent.reader_question import analyse
from tests.agent.test_reader import hit, overlap_model


def test_a_line_keyed_by_the_asked_word_beats_one_that_only_mentions_it():
    keyed = hit("me: isikukood: 48903142710", line=6, path="/notes/life/data/identity.toml", topic="me",
                fields={"isikukood": "48903142710"})
    mention = hit("Added: Mia started school: Tallinna Kalamaja Põhikool, class 1.b. eKool account is under my isikukood.",
                  line=53, rank=1, path="/notes/life/CHANGELOG.md", topic="[2026-09-01]")
    # The mention reads likelier to the model; the keyed line still answers.
    reading = Reader(overlap_model(ekool=0.5)).read("What is my isikukood?", [mention, keyed])
    assert reading.kind == "answered" and "48903142710" in reading.answer
    assert analyse("What is my isikukood?").want is None  # no kind of value the reader knows


def test_the_sentence_before_on_its_line_names_what_a_number_belongs_to(tmp_path: Path):
    note = tmp_path / "health.md"
    note.write_text("# Health\n\n## Medical insurance\n\nFijiCare through Koro Sea Digital, family cover. Member number FC-3318420. "
                    "Claims form on the\nFijiCare app, keep the receipts.\n")
    member = hit("Member number FC-3318420.", line=5, path=str(note), topic="Medical insurance")
    fnpf = hit("Pay: FNPF member number: 0248117 (mine), Jone's is 0311964", line=22, rank=1, path=str(tmp_path / "money.md"),
               topic="Money")
    reading = Reader(overlap_model()).read("What is our FijiCare member number?", [fnpf, member])
    assert reading.kind == "answered" and "FC-3318420" in reading.answer
    # Another line's sentence before it is no name of this one.
    other = tmp_path / "other.md"
    other.write_text("# Gym\n\nGold's Gym, downtown. Member number GG-5521.\n")
    gym = hit("Member number GG-5521.", line=3, path=str(other), topic="Gym")
    assert Reader(overlap_model()).read("What is our FijiCare member number?", [gym]).kind == "abstained"


def test_the_number_of_a_paper_is_its_code_and_the_number_of_people_a_count():
    assert analyse("What is the number of my ID card?").want == "code"
    assert analyse("What's the number of my passport?").want == "code"
    assert analyse("What is the number of people coming?").want is None
    assert analyse("What is the number of guests for my health insurance party?").want is None


def test_a_line_that_says_my_is_mine_whoever_the_sentence_before_names(tmp_path: Path):
    memo = tmp_path / "2026-08-30_21-12.txt"
    memo.write_text("Hlasový záznam / Voice memo\n\n[01:20] Health stuff. I'm at Dôvera, Niko is at VšZP, so the cards look different. "
                    "My rodné číslo for the forms, 926115/4471. Občiansky: EB 730615.\n")
    mine = hit("My rodné číslo for the forms, 926115/4471.", line=3, path=str(memo), topic="Hlasový záznam / Voice memo")
    assert Reader(overlap_model()).read("What is Niko's rodné číslo?", [mine]).kind == "abstained"
    # A whole note on one line of markup (an Evernote export) has no sentence before to go by.
    enex = tmp_path / "Documentos.enex"
    enex.write_text("<en-note><div>Onix (meu)</div><div>RENAVAM: 01284455930</div><div>Fit (do Rafa)</div>"
                    "<div>Honda Fit EX 2014, preto.</div></en-note>\n")
    fit = hit("Honda Fit EX 2014, preto.", line=1, path=str(enex), topic="Fit (do Rafa)")
    assert Reader(overlap_model()).read("What is the Fit's RENAVAM?", [fit]).kind == "abstained"
