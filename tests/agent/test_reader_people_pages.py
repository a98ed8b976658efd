"""A person's own page says who they are to the user without naming them in the line ("# Graham
Tait" / "Fiona's husband, so my brother-in-law."); a contacts row says it in a short column
("who: Pat's wife") that is no contact detail; and an in-law is named by the line about the
sibling they married ("my sister, ... Married Arjun Menon in 2019")."""
from __future__ import annotations

from agent.reader import Reader, _page_person
from agent.reader_defines import _contact_only, defines
from agent.reader_kin import in_law_named
from agent.reader_question import about_one, analyse
from tests.agent.test_reader import hit, overlap_model

GRAHAM = dict(path="/notes/people/Graham Tait.md", topic="Graham Tait")
RORY = dict(path="/notes/people/Rory Mowat.md", topic="Rory Mowat")


def test_the_page_s_person_is_the_relative_its_line_calls_my_brother_in_law():
    line = hit("Fiona's husband, so my brother-in-law.", line=7, **GRAHAM)
    job = hit("Graham Tait: Job: secondary school chemistry teacher at Aberdeen Grammar.", line=9,
              fields={"Job": "secondary school chemistry teacher at Aberdeen Grammar"}, **GRAHAM)
    reading = Reader(overlap_model()).read("Who is my brother-in-law?", [line, job])
    # Graham, not Fiona, whose husband he is.
    assert reading.kind == "answered" and reading.answer.startswith("Graham Tait")
    assert _page_person(line) == "Graham Tait"
    # A heading that is no person's name, or a name the line says itself, is no page's person.
    assert _page_person(hit("Fiona's husband, so my brother-in-law.", topic="People")) is None
    assert _page_person(hit("Graham Tait is Fiona's husband.", topic="Graham Tait")) is None


def test_two_pages_that_each_say_my_brother_in_law_are_two_to_ask_about():
    graham = hit("Fiona's husband, so my brother-in-law.", line=7, **GRAHAM)
    rory = hit("Jess's younger brother — my brother-in-law.", line=7, rank=1, **RORY)
    sister = hit("Jess Mowat: Brother: Rory.", line=10, rank=2, path="/notes/people/Jess Mowat.md", topic="Jess Mowat",
                 fields={"Brother": "Rory"})
    reading = Reader(overlap_model()).read("Who is my brother-in-law?", [graham, rory, sister])
    assert reading.kind == "ambiguous"
    assert "Graham Tait" in reading.answer and "Rory Mowat" in reading.answer and "?" in reading.answer
    # Each is then asked about by name, the in-law's word going whole ("Who is Rory Mowat?").
    assert about_one("What does my brother-in-law do for work?", "Rory Mowat") == "What does Rory Mowat do for work?"
    assert about_one("What's my sister-in-law's number?", "Yasmin") == "What's Yasmin's number?"
    # One page alone is no question to ask.
    reading = Reader(overlap_model()).read("Who is my brother-in-law?", [rory, sister])
    assert reading.kind == "answered" and "Rory Mowat" in reading.answer


def test_a_contacts_row_whose_who_column_says_the_relation_answers_who_she_is():
    row = hit("name: Joanne Brennan; who: Pat's wife; phone: (503) 555-0134; email: joanne.b@example.net", line=8,
              path="/notes/contacts.md", topic="Contacts",
              fields={"name": "Joanne Brennan", "who": "Pat's wife", "phone": "(503) 555-0134", "email": "joanne.b@example.net"})
    row.kind = "row"
    task = hit("Action items: Joanne: sort Dad's photos and papers into boxes.", line=22, rank=0,
               path="/notes/meetings/2026-10-05-dad-care.md", topic="Action items")
    info = analyse("Who is Joanne?")
    assert not _contact_only(info, row) and defines(info, row)
    # What she is to do after a meeting is not who she is.
    assert not defines(info, task)
    reading = Reader(overlap_model()).read("Who is Joanne?", [task, row])
    assert reading.kind == "answered" and "Pat's wife" in reading.answer
    # A card that holds only her name and number still says nothing of who she is.
    card = hit("name: Joanne Brennan; tel: (503) 555-0134", fields={"name": "Joanne Brennan", "tel": "(503) 555-0134"})
    card.kind = "row"
    assert _contact_only(info, card)


def test_a_sibling_s_partner_is_the_in_law_the_line_names_without_the_word():
    sister = hit("Chennai side (mine): Divya akka: my sister, three years older. Lives in Pune (Baner). Married Arjun Menon in 2019.",
                 line=16, path="/notes/family.md", topic="Chennai side (mine)")
    brother = hit("Broer en zus: Bram: my little brother. Rotterdam (Kralingen). Married Yasmin in 2023 (the wedding at the Euromast).",
                  line=82, rank=1, path="/notes/family.md", topic="Broer en zus")
    assert in_law_named("brother-in-law", sister.text) == "Arjun Menon"
    assert in_law_named("sister-in-law", brother.text) == "Yasmin"
    # My brother's wife is no brother-in-law of mine; a line about no sibling names no in-law.
    assert in_law_named("brother-in-law", brother.text) is None
    assert in_law_named("brother-in-law", "My neighbour Ana married Tomás in 2020.") is None
    reading = Reader(overlap_model()).read("Who is my brother-in-law?", [sister, brother])
    assert reading.kind == "answered" and reading.answer.startswith("Arjun Menon")
    # Asked of my sister-in-law, the line about my own sister ("Married to Pieter") is not about her.
    own_sister = hit("Broer en zus: Marloes: my sister, two years older. Married to Pieter. They live in Deventer.",
                     line=80, path="/notes/family.md", topic="Broer en zus")
    reading = Reader(overlap_model()).read("Who is my sister-in-law?", [own_sister, brother])
    assert reading.kind == "answered" and reading.answer.startswith("Yasmin") and "Pieter" not in reading.answer.split(".")[0]


def test_who_is_someone_on_their_own_page_is_what_they_are_to_me():
    line = hit("Fiona's husband, so my brother-in-law.", line=7, **GRAHAM)
    line.kind = "sentence"
    fan = hit("Graham Tait: Supports Aberdeen FC, do not mention the cup final.", line=11, rank=0, **GRAHAM)
    job = hit("Graham Tait: Job: secondary school chemistry teacher at Aberdeen Grammar.", line=9,
              fields={"Job": "secondary school chemistry teacher at Aberdeen Grammar"}, **GRAHAM)
    assert defines(analyse("Who is Graham Tait?"), line)
    reading = Reader(overlap_model(aberdeen=3.0)).read("Who is Graham Tait?", [fan, job, line])
    assert reading.kind == "answered" and "Fiona's husband" in reading.answer


def test_my_brother_in_law_s_number_is_found_through_my_sister(tmp_path):
    """"my brother-in-law's phone number": the family note says my sister married Arjun Menon
    (no word "brother-in-law" anywhere), the contacts hold his number beside hers."""
    from tests.agent.test_chat import engine_over

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Family\n\n- **Appa**: Venkatesh Iyer, retired from Indian Bank.\n"
                                     "- **Divya akka**: my sister, three years older. Lives in Pune (Baner), product manager. "
                                     "Married Arjun Menon in 2019.\n- **Aarav**: Divya and Arjun's son, born 2021.\n")
    (notes / "contacts.yaml").write_text("contacts:\n- name: Divya Menon\n  mobile: \"+91 98220 55514\"\n"
                                         "- name: Arjun Menon\n  mobile: \"+91 98220 55529\"\n"
                                         "- name: Kiran Rao\n  mobile: \"+91 98450 55501\"\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What is my brother-in-law's phone number?")
        assert "98220 55529" in answer.answer and "55514" not in answer.answer


