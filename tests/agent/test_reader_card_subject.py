"""A person card's own name is the person its "relation" line is about (made-up notes).

"relation:: my aunt, [[Pekka]]'s godmother" on the page "Marjatta Koskinen" says that Marjatta is
my aunt; Pekka is only whose godmother she is. Another page that writes the word beside someone
("Family: aunt Greta Holm" on a friend's page) is no second "my aunt" to ask between.
"""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_types import Reading, Scored
from agent.reader_statements import StatementHit
from tests.agent.test_reader import hit, overlap_model
from tests.agent.test_reader_chat import make_engine

CARD = StatementHit(id="3", path="/notes/pages/Marjatta Koskinen.md", line=3, end_line=3, kind="kv",
                    text="Marjatta Koskinen: relation: my aunt, Pekka's godmother",
                    source="relation:: my aunt, [[Pekka]]'s godmother", topic="Marjatta Koskinen",
                    fields={"relation": "my aunt, Pekka's godmother"})


def _hop_over(tmp_path, st: StatementHit, value: str):
    engine, _, _ = make_engine(tmp_path)
    engine._read_about = lambda search, question: Reading(
        kind="answered", answer=st.text, question=question, statement=st, value=value,
        candidates=[Scored(statement=st, cover=1.0, typed=[value], prerank=0.0)])
    return engine._hop("Who is my aunt?", "Who is my aunt?", "aunt", said="aunt")


def test_a_hop_over_a_cards_relation_line_takes_the_cards_own_name(tmp_path):
    found = _hop_over(tmp_path, CARD, "Pekka")
    assert found is not None and found[0] == "Marjatta Koskinen"


def test_a_relation_line_that_says_someone_elses_aunt_names_no_aunt_of_mine(tmp_path):
    theirs = CARD.model_copy(update={"text": "Marjatta Koskinen: relation: Pekka's aunt",
                                     "fields": {"relation": "Pekka's aunt"}})
    found = _hop_over(tmp_path, theirs, "Pekka")
    assert found is None or found[0] != "Marjatta Koskinen"
    # A section heading is no card name: "Family: relation: my aunt ..." names no one by its heading.
    heading = CARD.model_copy(update={"path": "/notes/people.md", "topic": "Family",
                                      "text": "Family: relation: my aunt, Pekka's godmother"})
    found = _hop_over(tmp_path, heading, "Pekka")
    assert found is None or found[0] != "Family"


def test_my_aunt_on_a_card_is_not_asked_back_against_an_aunt_written_on_another_page():
    statements = [
        hit("Marjatta Koskinen: relation: my aunt, Pekka's godmother", line=3, path="/notes/pages/Marjatta Koskinen.md"),
        hit("Family: aunt Greta Holm", line=6, path="/notes/pages/Olli Virtanen.md"),
    ]
    assert Reader(overlap_model()).read("Who is my aunt?", statements).kind != "ambiguous"
    # Two lines that both say "my aunt" are still two aunts to ask between.
    two = [hit("Marjatta Koskinen: relation: my aunt, Pekka's godmother", line=3, path="/notes/pages/Marjatta Koskinen.md"),
           hit("Family: my aunt Greta Holm", line=6, path="/notes/pages/Olli Virtanen.md")]
    assert Reader(overlap_model()).read("Who is my aunt?", two).kind == "ambiguous"
