"""A household's pages beside its journal, as an org-mode or Obsidian user keeps them: the
journal says a value in other words ("Payslip: basic ..." for the salary, "Lease signed ...: E
6,200 a month" for the rent, "Fibre installed: 50 Mbps" for the internet), and "New GP near the
house: Dr. ..." names the GP now. "The vet number" asks for a phone. All examples made up; driven by the word-overlap scorer of
test_reader.py."""
from __future__ import annotations

from agent.reader import Reader, _terms_of
from agent.reader_question import analyse
from agent.reader_text import stem
from tests.agent.test_reader import hit, overlap_model


def test_words_that_say_salary_rent_and_internet_without_the_word():
    assert stem("salary") in _terms_of(hit("Payslip: basic E 17,600."))
    assert stem("rent") in _terms_of(hit("Lease signed with Thandi Dlamini: E 6,200 a month from 1 July."))
    assert stem("rent") not in _terms_of(hit("The car lease ends in May."))  # no amount, no rent said
    assert stem("internet") in _terms_of(hit("Fibre installed at the new house: 50 Mbps, E 749 a month."))


def test_a_new_gp_named_after_a_qualified_label_replaces_the_old_one():
    card = hit("Me: GP: Dr. Sipho Nkosi, Manzini (Mancishane Street).", line=12, path="/notes/health.org", rank=0,
               topic="Health", fields={"GP": "Dr. Sipho Nkosi, Manzini (Mancishane Street)."})
    entry = hit("New GP near the house: Dr. Zodwa Mamba at Ezulwini Family Practice.", line=50, path="/notes/journal.org",
                rank=1, topic="2026-07-20 Mon")
    reading = Reader(overlap_model()).read("Who is my GP?", [card, entry])
    assert reading.kind == "answered" and "Zodwa Mamba" in reading.answer


def test_the_number_of_a_person_named_by_a_role_is_their_phone():
    assert analyse("wats the vet number").want == "phone"
    assert analyse("whats the vets number").want == "phone"
    assert analyse("What is the flight number?").want == "code"
    assert analyse("What is my passport number?").want == "code"
    assert analyse("What's my student number?").want == "code"
