"""Days and times of paired events (agent/reader_events.py): issued or expires, opens or closes.
All examples made up."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_events import asked_event, values_of_other_event
from tests.agent.test_reader import hit, overlap_model


def test_the_event_a_question_asks_of():
    assert asked_event("When was my passport issued?") == "issue"
    assert asked_event("When does my ID card expire?") == "expiry"
    assert asked_event("What time does the bakery open on Sundays?") == "open"
    assert asked_event("When does the pool close?") == "close"
    assert asked_event("When is the dentist?") is None


def test_each_value_belongs_to_the_event_named_before_it_in_its_clause():
    line = "Passport: Number: KX7R22M41; Issued: 03-02-2021 by the city; Valid until: 03-02-2031"
    assert values_of_other_event("When does my passport expire?", line, ["03-02-2021", "03-02-2031"]) == {"03-02-2021"}
    assert values_of_other_event("When was my passport issued?", line, ["03-02-2021", "03-02-2031"]) == {"03-02-2031"}
    # A clause of its own is not the closing time before it; a year goes with its day.
    hours = "Winter hours: weekdays close at 5pm, Saturday 9-4"
    assert values_of_other_event("What time does the shop open on weekdays?", hours, ["5pm", "9-4"]) == {"5pm"}
    assert values_of_other_event("When does my licence expire?", "Licence issued 3 March, 2021", ["3 March, 2021", "2021"]) == {"3 March, 2021", "2021"}
    # A question of neither event leaves every value.
    assert values_of_other_event("When is my passport appointment?", line, ["03-02-2021", "03-02-2031"]) == set()


def test_a_line_that_gives_only_the_expiry_does_not_say_when_it_was_issued():
    """The only line about the passport says when it expires: asked when it was issued, the
    reader says it does not know instead of giving the expiry day; asked when it expires, it
    answers with it."""
    passport = hit("Papers: Passport: P8812034, expires 14/03/2031", line=11, path="/notes/papers.md")
    licence = hit("Papers: Driver's licence: expires 02/09/2029", line=12, path="/notes/papers.md")
    model = overlap_model(passport=1.0)
    assert Reader(model).read("When was my passport issued?", [passport, licence]).kind != "answered"
    reading = Reader(model).read("When does my passport expire?", [passport, licence])
    assert reading.kind == "answered" and "14/03/2031" in reading.answer


def test_a_service_is_no_installation_and_an_event_may_follow_its_day():
    """"When was the boiler installed?" over a maintenance log whose day comes before its event
    ("2026-03-12 — boiler annual service — ... Next service due March 2027"): every day there is a
    service's, so the reader does not answer with one."""
    assert asked_event("When was the boiler installed?") == "install"
    log = "2026-03-12 — boiler annual service — £85 — all fine. Next service due March 2027."
    assert values_of_other_event("When was the boiler installed?", log, ["2026-03-12", "March 2027"]) == {"2026-03-12", "March 2027"}
    reading = Reader(overlap_model(boiler=1.0)).read("When was the boiler installed?", [hit(log, line=14, path="/notes/Maintenance log.md")])
    assert reading.kind != "answered"
    fitted = hit("Boiler: Worcester 30i, fitted 14/05/2019 by Heatwise", line=3, path="/notes/house.md")
    reading = Reader(overlap_model(boiler=1.0)).read("When was the boiler installed?", [hit(log, line=14, path="/notes/Maintenance log.md"), fitted])
    assert reading.kind == "answered" and "14/05/2019" in reading.answer
