"""A page of cards, one per sub-heading, each with its "Name:" line (a Dendron or Obsidian family
page, made up): "## Partner - Name: Jordi Puig - Birthday: 14 March 1986" says Jordi's birthday,
and a later journal's "Pau changed jobs" speaks of the brother his card names. The journal is filed by its
dotted day ("daily.journal.2026.10.03.md"). Driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_dates import _dated_path, version_date
from agent.reader_kin import named_kin
from tests.agent.test_reader import hit, overlap_model

PAGE = "/notes/people.family.md"


def _card(line: int, section: str, key: str, value: str):
    card = hit(f"{section}: {key}: {value}", line=line, rank=line, path=PAGE, topic="people.family", fields={key: value})
    card.kind = "bullet"  # "- Name: Jordi Puig" under "## Partner"
    return card


def test_a_cards_line_is_whose_its_sections_name_line_says():
    lines = [_card(11, "Partner", "Name", "Jordi Puig"), _card(13, "Partner", "Birthday", "14 March 1986"),
             _card(21, "Mother", "Name", "Rosa Vidal"), _card(22, "Mother", "Birthday", "2 May 1958")]
    reading = Reader(overlap_model()).read("When is Jordi's birthday?", lines)
    assert reading.kind == "answered" and "14 March 1986" in reading.answer
    reading = Reader(overlap_model()).read("When is Rosa's birthday?", lines)
    assert reading.kind == "answered" and "2 May 1958" in reading.answer


def test_a_dotted_journal_day_dates_its_lines():
    assert "2026-10-03" in _dated_path("/notes/daily.journal.2026.10.03.md")
    assert _dated_path("/notes/v1.2.10.03.md") == "/notes/v1.2.10.03.md"
    assert version_date(hit("Mortgage goes up.", path="/notes/daily.journal.2026.10.03.md")) == (2026, 10, 3)


def test_the_brother_is_called_by_the_name_his_card_gives():
    name = _card(31, "Brother", "Name", "Pau Puig")
    assert named_kin("brother", [name]) == "Pau"
    assert named_kin("brother", [_card(21, "Mother", "Name", "Rosa Vidal")]) is None
    works = _card(32, "Brother", "Works at", "Forn Casal, a bakery in Escaldes")
    moved = hit("Pau changed jobs today: he now works at Pastisseria Font in Andorra la Vella.", line=11, rank=2,
                path="/notes/daily.journal.2026.10.03.md")
    reading = Reader(overlap_model()).read("Where does my brother work?", [name, works, moved])
    assert "Pastisseria Font" in reading.answer


def test_a_line_about_the_lesson_does_not_name_its_instructor():
    swim = hit('Mathis: Swimming at Les Thermes in Strassen on Tuesdays, group "Dauphins".', path="/notes/family.md")
    assert Reader(overlap_model()).read("What is the name of Mathis's swimming instructor?", [swim]).kind == "abstained"
    named = hit("Mathis: swimming instructor is Paul Weber.", line=2, path="/notes/family.md")
    assert "Paul Weber" in Reader(overlap_model()).read("What is the name of Mathis's swimming instructor?", [swim, named]).answer
