"""Lines about the right person or thing that do not say what is asked: a health line near
"blood" in vector space gives no blood type, and the year a licence number opens with is no day
it expires. All examples made up; driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_relate import WordRelate
from agent.reader_text import dates
from tests.agent.test_reader import hit, overlap_model


def test_a_blood_type_is_given_only_by_a_line_that_says_blood():
    # A stand-in for the embedder's vectors that puts "blood" right beside "medical".
    close = {"blood": [1.0, 0.0], "medical": [0.95, 0.05], "group": [0.0, 1.0]}
    relate = WordRelate(lambda ws: [close.get(w, [0.3, 0.3]) for w in ws])
    doctor = hit("Sabina: Pediatrician: Dr. Umarov at Kids Medical Centre, Yunusobod.", line=16)
    reading = Reader(overlap_model(Sabina=3.0), relate=relate).read("What is Sabina's blood type?", [doctor])
    assert reading.kind == "abstained"
    typed = hit("Sabina: blood group B+ (card in the folder).", line=17)
    assert "B+" in Reader(overlap_model(), relate=relate).read("What is Sabina's blood type?", [doctor, typed]).answer


def test_the_year_a_code_opens_or_closes_with_is_no_date():
    assert dates("Permis de conduire : n° 2011-ATL-045873, catégorie B") == []
    assert dates("Ticket ATL-2011") == []
    assert dates("Season 2010-2011 at the club") == ["2010", "2011"]
    assert dates("Bought the Logan in 2011.") == ["2011"]
    licence = hit("Permis de conduire : n° 2011-ATL-045873, catégorie B", path="/notes/papiers.enex")
    reading = Reader(overlap_model()).read("When does my driving licence expire?", [licence])
    assert reading.kind == "abstained"
