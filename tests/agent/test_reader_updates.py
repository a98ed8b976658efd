"""Versions of one fact told the ways people write changes (agent/reader_versions.py); all
examples made up."""
from __future__ import annotations

from agent.reader import Reader, _terms_of
from agent.reader_text import stem
from agent.reader_question import analyse
from agent.reader_dates import page_date, version_date
from agent.reader_types import Scored
from agent.reader_versions import _named_before, in_force_from, newer_version, same_fact
from tests.agent.test_reader import hit, overlap_model, row


def test_a_change_announced_from_a_later_day_is_newer_than_a_payment_of_the_old_amount():
    """A message of 28 October says the rent rises "from 1 December"; the bank row of 5 November
    still pays the old rent. The new amount is the newest version, however the model scores them."""
    announce = hit("2026-10-28: Message from the landlord: the rent goes up to £1,250 from 1 December.", line=4, path="/notes/log.md")
    paid = row({"date": "2026-11-05", "payee": "Landlord", "memo": "Rent November", "amount": "-1,180.00"}, line=9, path="/notes/bank.csv")
    for model in (overlap_model(), overlap_model(november=0.3), overlap_model(rent=0.2, november=0.8)):
        reading = Reader(model).read("How much is my rent?", [announce, paid])
        assert reading.kind == "answered" and "£1,250" in reading.answer


def test_the_day_a_value_holds_from_in_the_ways_notes_say_it():
    written = (2026, 10, 28)
    assert in_force_from(hit("new rent 19,500 from December"), written) == (2026, 12, 1)
    assert in_force_from(hit("Rent from 01/12 = 1,250"), written) == (2026, 12, 1)
    assert in_force_from(hit("the fee goes up from January"), written) == (2027, 1, 1)  # the January to come
    assert in_force_from(hit("de la 1 noiembrie taxa crește la 900 lei"), written) == (2026, 11, 1)
    assert in_force_from(hit("Die Miete steigt ab 01.02.2027 auf 800 €"), written) == (2027, 2, 1)
    assert in_force_from(hit("Από 1η Δεκεμβρίου η συνδρομή θα είναι 30 €"), written) == (2026, 12, 1)
    # A span says when something happens, not from when a value holds.
    assert in_force_from(hit("Holiday from 12 December to 19 December"), written) is None
    assert in_force_from(hit("Course from 3 – 9 November"), written) is None
    # A day already past adds nothing to the day the line was written; an undated line gets none.
    assert in_force_from(hit("From September the fee is 40"), written) is None
    assert in_force_from(hit("from 1 December"), None) is None


def test_a_dated_line_that_states_the_change_overtakes_the_card_it_revises():
    """The reference line says every word of the question and the model likes it far better; the
    later log line says the code changed and leaves out "at work". It is the newer version."""
    card = hit("Lockers: locker code at work: 5120", line=2, path="/notes/remember.md")
    change = hit("14/09/26 -- locker code changed, now 8843", line=9, path="/notes/remember.md")
    model = overlap_model(lockers=0.4)
    reading = Reader(model).read("What's my locker code at work?", [card, change])
    assert reading.kind == "answered" and "8843" in reading.answer
    # Undated, the same words decide nothing about which is newer beyond the stated change;
    # and a dated change of something else (the bike lock) is no version of the locker code.
    bike = hit("14/09/26 -- bike lock code changed, now 8843", line=9, path="/notes/remember.md")
    assert "5120" in Reader(model).read("What's my locker code at work?", [card, bike]).answer


def test_a_message_that_says_from_when_a_new_amount_holds_overtakes_the_lease():
    """A lease line gives the rent; a later text message says it rises "from 1 August" and reads
    less like an answer (greetings, a name). The announced amount is the current one."""
    lease = hit("Lease: Rent £980 per month, due on the 1st", line=12, path="/notes/flat.md")
    sms = row({"date": "3 Jun 2026 09:10:00", "from": "Lettings",
               "message": "Hi Mo, Jill from Lettings here, hope all is well. Your renewal is attached; "
                          "please note the rent will be £1,030 from 1 August 2026. Regards"}, line=5, path="/notes/sms.xml")
    reading = Reader(overlap_model(lease=1.0)).read("How much is my rent?", [lease, sms])
    assert reading.kind == "answered" and "£1,030" in reading.answer


def test_a_newer_version_speaks_of_what_the_line_it_revises_speaks_of():
    """A code is asked by every word of its name ("locker code at work"); the later line that
    changes it says "locker code" only. It is the newer version of that very line, so it answers,
    where a line of its own that leaves "work" out would not."""
    card = hit("Lockers: locker code at work: 5120", line=2, path="/notes/remember.md")
    change = hit("14/09/26 -- locker code changed, now 8843", line=9, path="/notes/remember.md")
    model = overlap_model(changed=1.0)
    reading = Reader(model).read("What's my locker code at work?", [card, change])
    assert reading.kind == "answered" and "8843" in reading.answer
    gym = hit("Lockers: locker code at the gym: 5120", line=2, path="/notes/remember.md")
    assert "8843" not in Reader(model).read("What's my locker code at work?", [gym, change]).answer


def test_a_newer_line_about_another_kind_of_the_thing_does_not_borrow_what_an_older_line_speaks_of():
    """"When is my next physio appointment?": the letter's "my eye appointment on 10 December" is
    the likeliest and newest line, but it names another kind of appointment, so it does not answer
    through the physio row below it."""
    row_ = row({"date": "9 Sep 2026", "time": "13:45", "who": "Ms. Tan", "what": "physio"}, line=3, path="/notes/health.csv")
    letter = hit("2026-11-15: Before that I have my eye appointment on 10 December.", line=12, path="/notes/letters.md")
    reading = Reader(overlap_model(before=2.0)).read("When is my next physio appointment?", [row_, letter])
    assert "10 December" not in reading.answer



def test_a_newer_line_that_says_none_of_the_asked_attribute_borrows_nothing():
    """"What is our Fibrenet account number?": a later "changed our Fibrenet to Plan 500" is a
    newer version of the bill line (under a sentence about account numbers, so that line speaks
    of them), but it says neither "account" nor "number": it borrows nothing from it."""
    from agent.reader_types import Scored
    from agent.reader_question import analyse
    bill = hit("Bill: Fibrenet Home Plan 300; Amount: £30.00; Due: every 3rd", line=4, path="/notes/budget.md").model_copy(
        update={"context": "Account numbers are on the bills."})
    change = hit("2026-10-03: Me: changed our Fibrenet to Plan 500, faster for calls", line=9, path="/notes/chat.md")
    info = analyse("What is our Fibrenet account number?")
    new = Scored(statement=change, cover=0.33, typed=["500"], prerank=0.0, recent=True, score=2.5)
    old = Scored(statement=bill, cover=0.33, typed=["300"], prerank=0.0, score=3.2)
    reader = Reader(overlap_model())
    assert reader.speaks_of_attribute(info, old) and not reader.speaks_of_attribute(info, new)
    assert not reader._speaks_as_newer_version(info, new, [new, old])
    # The same newer line that says "account" but not "number" does borrow.
    said = hit("2026-10-03: Me: changed our Fibrenet account to Plan 500", line=9, path="/notes/chat.md")
    assert reader._speaks_as_newer_version(info, new.model_copy(update={"statement": said}), [new, old])


def test_a_line_marked_as_an_update_is_newer_than_the_undated_card():
    """"Update 2026-10-19: the winter tyres are now at Rimfix" against the car card's undated
    "Winter tyres: stored at Tyre Hotel": the marked line is the newer version, whatever the model
    prefers; without the mark and without a word of change, a dated line says nothing of order."""
    card = hit("Mazda: Winter tyres: Bridgestone, stored at Tyre Hotel", line=9, path="/notes/cars.md")
    marked = hit("Update 2026-10-19: the winter tyres of the Mazda are at Rimfix Tyres, Main Road", line=30, path="/notes/agenda.md")
    model = overlap_model(bridgestone=0.3)
    question = "Where are the Mazda's winter tyres stored?"
    assert "Rimfix" in Reader(model).read(question, [card, marked]).answer
    plain = hit("2026-10-19: the winter tyres of the Mazda are at Rimfix Tyres, Main Road", line=30, path="/notes/agenda.md")
    assert "Tyre Hotel" in Reader(model).read(question, [card, plain]).answer


def test_a_dose_asked_by_its_unit_is_answered_by_the_changed_dose():
    """"How many milligrams of Lisinopril do I take?": the unit is the kind of value asked, so the
    line that changes the dose ("goes from 10 to 20 mg") answers it, as the newer version."""
    card = hit("Meds: Lisinopril 10 mg, every morning (since 2022).", line=3, path="/notes/health.md")
    change = hit("2026-10-14: Lisinopril goes from 10 to 20 mg starting tomorrow, check in 6 weeks.", line=8, path="/notes/log.md")
    reading = Reader(overlap_model(starting=1.0)).read("How many milligrams of Lisinopril do I take?", [card, change])
    assert reading.kind == "answered" and "20 mg" in reading.answer


def test_a_line_under_a_dated_heading_is_as_old_as_the_heading_not_the_date_it_tells():
    """"Launch date for Orbit: 3 December (was 12 November)" in the notes of the 5 October sync
    was said on 5 October; the go/no-go of 9 November moving the launch to 1 December is newer,
    though the date it tells is earlier."""
    old = hit("Launch date for Orbit: 3 December 2026 (was 12 November).", line=10, path="/notes/meetings/sync.md",
              topic="Weekly sync, 5 Oct 2026")
    new = hit("Go/no-go, 9 Nov 2026: Orbit launch moves to 1 December 2026.", line=3, path="/notes/meetings/gonogo.md",
              fields={"Go/no-go, 9 Nov 2026": "Orbit launch moves to 1 December 2026."})
    for order in ([old, new], [new, old]):
        reading = Reader(overlap_model(was=0.5)).read("When does Orbit launch?", order)
        assert reading.kind == "answered" and "1 December" in reading.answer, order


def test_a_date_an_undated_card_tells_is_no_day_it_was_written():
    """A health page's undated "Dentist: 24 Nov 2026, 14:00" against the journal of 20 November: "the
    dentist is away on the 24th, my appointment moved to 27 Nov 2026". The card's date is the
    appointment it tells, not when it was written (a booking is written before its day), so the
    dated line that states the change is the newer version. Without the word of change, the
    card's later date keeps its place."""
    card = hit("Appointments: Dentist (check the old filling): 24 Nov 2026, 14:00 with Dr. Mendes", line=13,
               path="/notes/health/start.txt", topic="Health")
    moved = hit("Clinic sent a message: Dr. Mendes is away on the 24th, my appointment moved to 27 Nov 2026, 10:30.",
                line=10, path="/notes/journal/2026-11.txt", topic="Fri 20 Nov 2026")
    question = "When is my dentist appointment?"
    for order in ([card, moved], [moved, card]):
        reading = Reader(overlap_model(dentist=1.0)).read(question, order)
        assert reading.kind == "answered" and "27 Nov" in reading.answer, order
    said = hit("Clinic sent a message: Dr. Mendes is away on the 24th, my appointment is on 27 Nov 2026, 10:30.",
               line=10, path="/notes/journal/2026-11.txt", topic="Fri 20 Nov 2026")
    reading = Reader(overlap_model(dentist=1.0)).read(question, [card, said])
    assert "24 Nov" in reading.answer


def test_a_change_line_that_leaves_out_the_name_follows_up_the_line_that_says_it():
    """The go/no-go note says "the launch moves to 10 December" without naming Beacon: it is a
    follow-up of "Target launch date for Beacon: 12 November", not a line about something else.
    A line that names another project, or says no change, stays out."""
    card = hit("Target launch date for Beacon: 12 November 2026.", line=4, path="/notes/meetings/kickoff.md",
               topic="Kickoff, 7 Sep 2026")
    moved = hit("Go/no-go, 9 Nov 2026: Decision: go, but the launch moves to 10 December 2026.", line=2,
                path="/notes/meetings/gonogo.md",
                fields={"Go/no-go, 9 Nov 2026": "Decision: go, but the launch moves to 10 December 2026."})
    reading = Reader(overlap_model()).read("When does Beacon launch?", [card, moved])
    assert reading.kind == "answered" and "10 December" in reading.answer
    other = hit("Go/no-go, 9 Nov 2026: Decision: go, but the Atlas launch moves to 10 December 2026.", line=2,
                path="/notes/meetings/gonogo.md",
                fields={"Go/no-go, 9 Nov 2026": "Decision: go, but the Atlas launch moves to 10 December 2026."})
    party = hit("Go/no-go, 9 Nov 2026: the launch party is on 10 December 2026.", line=3, path="/notes/meetings/gonogo.md",
                fields={"Go/no-go, 9 Nov 2026": "the launch party is on 10 December 2026."})
    for line in (other, party):
        reading = Reader(overlap_model()).read("When does Beacon launch?", [card, line])
        assert reading.kind == "answered" and "12 November" in reading.answer, line.text
    # A line that says one of the asked names and not the other is about another thing of it.
    pe = hit("Timetable: Otis has PE on Wednesdays.", line=3, path="/notes/school.md", topic="School, 2 Sep 2026")
    swim = hit("30/09/26 -- Otis swimming moved to Sundays 10am", line=9, path="/notes/school.md")
    reading = Reader(overlap_model()).read("What day does Otis have PE?", [pe, swim])
    assert reading.kind == "answered" and "Wednesdays" in reading.answer


def test_a_change_of_the_named_things_value_speaks_of_the_asked_attribute():
    """"Round 4 at Hollis Park is now 9:45am not 9:00" leaves out "kick-off" but names the
    ground and says its time changed: it answers. A line that names the ground and says no
    change, or a change at another ground, does not."""
    moved = hit("2026-10-02: Round 4 at Hollis Park is now 9:45am not 9:00 - pitch clash", line=7, path="/notes/club.md")
    reading = Reader(overlap_model()).read("What time is kick-off at Hollis Park?", [moved])
    assert reading.kind == "answered" and "9:45" in reading.answer
    plain = hit("2026-10-02: Round 4 at Hollis Park, bring oranges, 9:00 at the gate", line=7, path="/notes/club.md")
    assert Reader(overlap_model()).read("What time is kick-off at Hollis Park?", [plain]).kind == "abstained"
    # Nor a change of something else on a line filed under a date: the date is when it was noted.
    number = hit("Changelog: 24-11-2026: Hollis Park has a new number: 0161 555 0190", line=8, path="/notes/club.md")
    assert Reader(overlap_model()).read("What day is the Hollis Park open day?", [number]).kind == "abstained"
    assert Reader(overlap_model()).read("When is Daan Visser's birthday?", [
        hit("Changelog: 24-11-2026: Daan V. has a new number: 06-55501906", line=8, path="/notes/people.md")]).kind == "abstained"
    other = hit("2026-10-02: Round 4 at Dunmore Park is now 9:45am not 9:00", line=7, path="/notes/club.md")
    assert Reader(overlap_model()).read("What time is kick-off at Hollis Park?", [other]).kind == "abstained"


def test_weekdays_written_short_are_days_only_in_a_list_or_range():
    from agent.reader_text import dates
    assert dates("New policy: Mon, Wed and Thu in the office") == ["Mon", "Wed", "Thu"]
    assert dates("Swimming Tue/Thu, gym Mon-Fri.") == ["Tue", "Thu", "Mon", "Fri"]
    # Alone or in lower case they are words: "Sat with Gogo", "we wed on the beach".
    assert dates("Sat with Gogo in the sun") == []
    assert dates("we wed, then sat down") == []


def test_a_dated_change_of_weekdays_overtakes_the_card_whose_key_names_them():
    """The card's key is "Office days"; the newer all-hands line leaves out "days" because its
    weekdays say it. It is the newer version of the office days, not another fact."""
    card = hit("Work: Office days: Tuesday and Thursday, rest from home", line=11, path="/notes/work.md",
               fields={"Office days": "Tuesday and Thursday, rest from home"})
    change = hit("All-hands today. New hybrid policy from October: Mon, Wed and Thu in the office for everyone.",
                 line=3, path="/notes/journal/2026-09-28.md")
    reading = Reader(overlap_model(days=1.0)).read("Which days do I have to be in the office?", [card, change])
    assert reading.kind == "answered" and "Mon, Wed and Thu" in reading.answer
    # A key that names the thing, not the kind of value, still keeps another line out (see
    # test_reader.py's premium and stock cover); so does "number" for an identifier's key.
    account = hit("Bank: account number: 58213/47", line=1, path="/notes/bank.md", fields={"account number": "58213/47"})
    payment = hit("2026-11-26: bank account payment, reference 2208415", line=2, path="/notes/journal/2026-11-26.md")
    assert "58213/47" in Reader(overlap_model(account=1.0)).read("What's our bank account number?", [account, payment]).answer


def test_a_new_amount_that_names_no_period_keeps_the_old_ones():
    """"Rent: € 1.340,00 per month" on the card; the changelog's "Rent up to € 1.395,00" leaves out
    "per month" and is still the newer version of the rent."""
    card = hit("The flat: Rent: € 1.340,00 per month, automatic transfer on the 1st", line=3, path="/notes/life.md",
               fields={"Rent": "€ 1.340,00 per month, automatic transfer on the 1st"})
    change = hit("Changelog: 01-07-2026: Rent up to € 1.395,00 (huurverhoging). Changed the transfer.", line=40, path="/notes/life.md")
    reading = Reader(overlap_model(month=0.2)).read("How much rent do I pay per month?", [card, change])
    assert reading.kind == "answered" and "1.395,00" in reading.answer
    # A line that names another period is another quantity: a yearly service charge is no
    # version of the monthly rent.
    yearly = hit("Changelog: 01-07-2026: Rent-related service charge up to € 1.395,00 a year.", line=40, path="/notes/life.md")
    assert "1.340,00" in Reader(overlap_model(month=0.2)).read("How much rent do I pay per month?", [card, yearly]).answer


def test_a_line_that_writes_only_the_head_of_the_asked_compound_says_it():
    from agent.reader import compound_heads
    from agent.reader_question import analyse
    info = analyse("How much is the Nebenkostenvorauszahlung?")
    assert compound_heads(info, "Die Vorauszahlung steigt ab 01.05.2026 auf 230,00 €") == info.terms
    # A head too short to tell, or no head at all, says nothing.
    assert compound_heads(info, "Die Zahlung ist pünktlich") == set()
    assert compound_heads(info, "Die Miete steigt") == set()


def test_a_rescheduled_thing_and_a_role_that_changed_hands_state_a_change():
    from agent.reader_versions import REVISES
    assert REVISES.search("Wiesinger called, they moved the Pickerl to Friday 27.11, 7:30.")
    assert REVISES.search("The clinic rescheduled my check-up to the 21st")
    assert REVISES.search("Our new family doctor is Dr. Amara Nwosu, same clinic.")
    # Moving one thing to another thing changes neither's value: "moved the policy to the Kia".
    assert not REVISES.search("ANWB moved the policy to the Kia.")
    assert not REVISES.search("The new flat is 71 m2")


def test_a_dated_line_naming_the_new_holder_of_a_role_overtakes_the_card():
    card = hit("ME: Family doctor: Dr. Owen Patel, Kenilworth Medical, (905) 555-0152", line=3, path="/notes/me.md",
               fields={"Family doctor": "Dr. Owen Patel, Kenilworth Medical, (905) 555-0152"})
    news = hit("2026-11-06: Our new family doctor is Dr. Amara Nwosu, same clinic.", line=2, path="/notes/journal/2026-11.md")
    reading = Reader(overlap_model()).read("Who is my family doctor?", [card, news])
    assert reading.kind == "answered" and "Nwosu" in reading.answer


def test_a_dated_line_naming_a_new_amount_beside_its_thing_overtakes_the_undated_card():
    """"new rent $ 34.150 from 01/09/2026" in an issue's journal entry of 5 September states the
    change though it has no verb of change; the wiki card's "$ 32.000" is the old rent. Uruguay's
    "U$S" is a dollar sign and "Sueldo" the salary."""
    card = hit("Apartamento Pocitos: Alquiler: $ 32.000 por mes, ajuste anual por IPC every September.", line=8,
               path="/notes/wiki/Casa.textile")
    journal = hit("Inmobiliaria Bustamante sent the ajuste: IPC 6,7 %, new rent $ 34.150 from 01/09/2026.", line=22,
                  path="/notes/issues/104-alquiler.textile", topic="#2 Actualizado por Gonzalo Pereyra el 05/09/2026 18:55")
    for order in ([card, journal], [journal, card]):
        reading = Reader(overlap_model(alquiler=1.0)).read("How much is our rent now?", order)
        assert reading.kind == "answered" and "34.150" in reading.answer, order
    salary = hit("Datos: Sueldo: U$S 4.300 nominal per month, paid in dollars into Itaú.", line=27, path="/notes/wiki/Datos.textile")
    reading = Reader(overlap_model()).read("What's my salary?", [salary])
    assert reading.kind == "answered" and reading.answer.startswith("U$S 4.300")


def test_a_dated_line_naming_the_new_holder_after_the_role_overtakes_the_card():
    """"2026-09-14 Alikhan has a new классный руководитель: Aliya Temirkhanovna" in a log names the
    new holder after the role and a colon; the kids' card still says Zhanna Bekovna."""
    card = hit("Alikhan (born 07.09.2016): классный руководитель: Zhanna Bekovna", line=6, path="/notes/kids.txt",
               fields={"классный руководитель": "Zhanna Bekovna"})
    log = hit("LOG — newest on top: 2026-09-14 Alikhan has a new классный руководитель: Aliya Temirkhanovna (Zhanna Bekovna went on декрет).",
              line=10, path="/notes/log.txt")
    for order in ([card, log], [log, card]):
        reading = Reader(overlap_model()).read("Who is Alikhan's классный руководитель?", order)
        assert reading.kind == "answered" and "Aliya Temirkhanovna" in reading.answer, order


def test_a_dated_line_giving_a_later_deadline_overtakes_the_card_s_deadline():
    """The card says the inspection is "valid until 12.05.2026"; that is the day it tells, not the
    day it was written. A diary entry of 9 May 2026 says it passed and gives the next due day, later
    than the card's: the fact moved on. One that gives an earlier day moves nothing."""
    card = hit("Octavia (mine): Inspection valid until 12.05.2026", line=4, path="/notes/cars.md")
    diary = hit("Saturday 09 May 2026: Octavia: inspection done at the test station, passed, next one due 09.05.2027.",
                line=31, path="/notes/diary.md")
    for order in ([card, diary], [diary, card]):
        reading = Reader(overlap_model()).read("When is the Octavia's next inspection?", order)
        assert reading.kind == "answered" and "09.05.2027" in reading.answer, order
    booked = hit("Saturday 02 May 2026: Octavia: inspection station booked, next one due 10.05.2026.", line=30, path="/notes/diary.md")
    reading = Reader(overlap_model(valid=1.0)).read("When is the Octavia's next inspection?", [card, booked])
    assert reading.kind == "answered" and "12.05.2026" in reading.answer


def test_a_follow_up_from_a_day_on_may_leave_out_whose_it_is_with_the_name():
    """"From September the nursery fee is £860 a month" follows the card of Rosie's nursery without
    naming her: it says from when the new fee holds, so it is the newer version of her fee. A line
    that names another child is not."""
    card = hit("Nursery – Rosie: fee £820 a month, paid by standing order", line=3, path="/notes/kids.md")
    letter = hit("From September the nursery fee is £860 a month (letter from the manager).", line=9, path="/notes/letters.md")
    for order in ([card, letter], [letter, card]):
        reading = Reader(overlap_model()).read("How much is Rosie's nursery fee?", order)
        assert reading.kind == "answered" and "£860" in reading.answer, order
    other = hit("From September Tom's nursery fee is £860 a month.", line=9, path="/notes/letters.md")
    reading = Reader(overlap_model()).read("How much is Rosie's nursery fee?", [card, other])
    assert reading.kind == "answered" and "£820" in reading.answer


def _page_line(text: str, *, line: int, path: str, written: str, topic: str = ""):
    return hit(text, line=line, path=path, topic=topic).model_copy(update={"written": written})


def test_a_page_edited_for_another_line_does_not_make_its_untouched_line_newer():
    """The topic page was last edited on 18/11 (for the internet); its rent line still says the old
    amount. The journal of 5 September says the new contract's rent holds from October: that is the
    rent now. The internet line the page's edit was for says since when its own value holds, so it
    is newer than the journal's May line about the old plan."""
    page_rent = _page_line("Home and rent: Rent: 38.000$00 a month, paid on the 1st into his account.", line=7,
                           path="/notes/Home-and-Rent.md", written="2026-11-18")
    journal = hit("Rent: 42.500$00 from October, paid on the 1st as before.", line=13, path="/notes/Journal/2026-09-05.md")
    for order in ([page_rent, journal], [journal, page_rent]):
        reading = Reader(overlap_model()).read("How much is our rent?", order)
        assert reading.kind == "answered" and "42.500$00" in reading.answer, order
    page_net = _page_line("Home and rent: Internet: fibre, 100 Mb, 4.200$00 a month since November 2026.", line=11,
                          path="/notes/Home-and-Rent.md", written="2026-11-18")
    may = hit("Internet is the 30 Mb plan, 2.990$00 a month, slow when the four of us are on it.", line=7,
              path="/notes/Journal/2026-05-02.md")
    for order in ([page_net, may], [may, page_net]):
        reading = Reader(overlap_model()).read("How much do we pay for internet each month?", order)
        assert reading.kind == "answered" and "4.200$00" in reading.answer and "2.990" not in reading.answer, order
    # A page changed before the journal's change still dates its line older.
    old_page = _page_line("Home and rent: Rent: 38.000$00 a month.", line=7, path="/notes/Home-and-Rent.md", written="2026-03-01")
    assert "42.500$00" in Reader(overlap_model(month=1.0)).read("How much is our rent?", [old_page, journal]).answer


def test_someone_who_moved_somewhere_lives_there_now():
    family = hit("My side: My brother Helder lives in Mindelo, works on the boats at the port.", line=17, path="/notes/Family.md")
    moved = hit("9 August 2026 - Helder: He got the job at the airport on Sal, and he has moved to Espargos for good.",
                line=3, path="/notes/Journal/2026-08-09.md")
    for order in ([family, moved], [moved, family]):
        reading = Reader(overlap_model(mindelo=0.3)).read("Where does my brother Helder live?", order)
        assert reading.kind == "answered" and "Espargos" in reading.answer, order


def test_a_journal_entry_that_leaves_out_the_child_and_names_the_new_pitch_is_the_new_schedule():
    """The football entry of the journal says the trainings are now on Saturday at a pitch in a
    named place; it leaves out Nilton's name. The place it names is where, not whose."""
    kids = hit("Nilton: Football at Academica, under-13 team: training Tuesday and Friday, 18:00, at the Varzea pitch.",
               line=9, path="/notes/Kids.md", topic="Nilton")
    change = hit("Academica changed the schedule of the under-13s: the trainings are now on Saturday morning, 08:30, "
                 "at the new pitch in Palmarejo Grande.", line=3, path="/notes/Journal/2026-10-03.md", topic="3 October 2026 - football")
    for order in ([kids, change], [change, kids]):
        reading = Reader(overlap_model(nilton=0.3)).read("When does Nilton have football training?", order)
        assert reading.kind == "answered" and "Saturday" in reading.answer, order
    # Whose the line is when it names someone else: Tomas's trainings are not Nilton's.
    other = hit("Academica moved Tomas's group: the trainings are now on Saturday morning, 08:30.", line=3,
                path="/notes/Journal/2026-10-03.md", topic="3 October 2026 - football")
    assert "Tuesday" in Reader(overlap_model(nilton=0.3)).read("When does Nilton have football training?", [kids, other]).answer


def test_a_moved_day_is_the_change_the_line_gives():
    """"Piranha moved Jaden's group: from now on swimming is on Wednesday evening 18:00": the day
    of the week stands beside the word of change, the time further on."""
    kids = hit("Jaden: Swimming at Piranha: training Tuesday and Thursday, 16:30.", line=15, path="/docs/kids.md", topic="Jaden")
    moved = hit("The pool is being repaired on weekday afternoons, so Piranha moved Jaden's group: from now on swimming "
                "is on Wednesday evening 18:00 and Saturday morning 07:00.", line=8, path="/docs/journal/2026-10-25-swimming.md")
    for order in ([kids, moved], [moved, kids]):
        reading = Reader(overlap_model(training=0.3)).read("When is Jaden's swimming training?", order)
        assert reading.kind == "answered" and "Wednesday" in reading.answer, order


def test_a_row_of_another_item_in_a_note_titled_by_both_is_no_version():
    """A journal note "Rent and salary" holds the rent's row and the salary's line: the rent row,
    newer by the day it holds from, is no version of the salary."""
    salary = hit("Salary: SRD 23.750 net from November.", line=14, path="/docs/journal/2026-11-14-rent-and-salary.md",
                 fields={"Salary": "SRD 23.750 net from November."})
    rent = row({"what": "Rent (from 1 December)", "old": "SRD 6.200", "new": "SRD 7.400"}, line=12,
               path="/docs/journal/2026-11-14-rent-and-salary.md")
    money = hit("Income: My salary at Tropica Labs: SRD 18.500 a month net, paid on the 24th.", line=13, path="/docs/money.md")
    for order in ([salary, rent, money], [rent, money, salary], [money, rent, salary]):
        reading = Reader(overlap_model()).read("What's my salary?", order)
        assert reading.kind == "answered" and "23.750" in reading.answer, order


def test_a_later_line_that_names_the_same_place_versions_its_fee():
    card = hit("Kayleigh: After school: BSO Kolibrie (after-school care), SRD 1.250 a month.", line=23, path="/docs/kids.md",
               topic="Kayleigh")
    added = hit("Kayleigh: Added 12-11-2026: Kolibrie's fee is now SRD 1.600 a month.", line=25, path="/docs/kids.md", topic="Kayleigh")
    for order in ([card, added], [added, card]):
        reading = Reader(overlap_model(school=0.3)).read("How much is Kayleigh's after-school care?", order)
        assert reading.kind == "answered" and "1.600" in reading.answer, order
    # A time of day on a line about paying is no amount.
    hours = hit("Kayleigh: After school: BSO Kolibrie (after-school care) until 17:00, paid at the office.", line=23,
                path="/docs/kids.md", topic="Kayleigh")
    assert "17:00" not in Reader(overlap_model()).read("How much is Kayleigh's after-school care?", [hours]).answer


def test_what_was_my_last_result_asks_for_the_newest():
    card = hit("Me: HbA1c last time 7.4. Eye check once a year.", line=15, path="/docs/health.md")
    visit = hit("HbA1c went up to 8.2, too much roti at the birthdays, he says.", line=8, path="/docs/journal/2026-06-20-internist.md")
    for order in ([card, visit], [visit, card]):
        reading = Reader(overlap_model(eye=0.3)).read("What was my last HbA1c?", order)
        assert reading.kind == "answered" and "8.2" in reading.answer, order


def test_a_promotion_told_in_prose_is_the_job_title_now():
    """"I was promoted to Finance Manager, from 1 October" says what the job title is now, though it
    says neither "job" nor "title"; someone else's promotion, or a job that ends, does not."""
    card = hit("Work: Job title: Senior Accountant.", line=7, path="/docs/work.adoc", fields={"Job title": "Senior Accountant."})
    news = hit("Big news: I was promoted to Finance Manager, from 1 October.", line=4, path="/docs/journal/2026-09-28.adoc")
    for order in ([card, news], [news, card]):
        reading = Reader(overlap_model(promoted=1.0)).read("What's my job title?", order)
        assert reading.kind == "answered" and "Finance Manager" in reading.answer, order
    theirs = hit("Big news: Hery was promoted to Head of Physics, from 1 October.", line=4, path="/docs/journal/2026-09-28.adoc")
    assert "Senior Accountant" in Reader(overlap_model(promoted=1.0)).read("What's my job title?", [card, theirs]).answer


def test_a_promotion_told_in_spanish_or_as_an_approved_promotion_is_the_job_title_now():
    """"¡me promovieron a Senior Data Scientist!", "the promotion is approved: I am a Senior
    Planning Engineer": the title now, over a CV's "Title: Data Scientist" (a key the line opens
    on is no one's name, so it is not whose the fact is)."""
    cv = hit("Title: Data Scientist", line=11, path="/notes/cv.tex", fields={"Title": "Data Scientist"})
    for text in ("Evaluación de desempeño con Mónica: ¡me promovieron a Senior Data Scientist! Effective November 1st.",
                 "Appraisal day. Talib told me the promotion is approved: I am a Senior Data Scientist from 1 October."):
        news = hit(text, line=33, rank=1, path="/notes/journal/2026-10-08.md")
        for order in ([cv, news], [news, cv]):
            reading = Reader(overlap_model()).read("What is my job title?", order)
            assert reading.kind == "answered" and "Senior Data Scientist" in reading.answer, (text, reading.answer)


def test_a_promotion_competes_with_lines_that_say_the_words_of_the_question():
    """"I got promoted to Operations Supervisor" says neither "job" nor "title": it is read as saying
    both, or the lines that say "job" (another's new job, a page's description) crowd it out of
    the few candidates read."""
    card = hit("Work: Job title: Logistics Coordinator.", line=9, path="/notes/work.md", fields={"Job title": "Logistics Coordinator."})
    crowd = [hit(f"Job fair {n}: stalls and a new job board.", line=20 + n, rank=n, path=f"/notes/fair-{n}.md") for n in range(1, 9)]
    news = hit("I got promoted to Operations Supervisor, starting 1 October!", line=7, rank=9, path="/notes/journal/2026-09-26.md")
    reading = Reader(overlap_model(promoted=1.0), n_candidates=4).read("What's my job title?", [card, *crowd, news])
    assert reading.kind == "answered" and "Operations Supervisor" in reading.answer


def test_the_day_a_policy_starts_is_not_when_it_expires():
    """"now insured with Ndzilo Seguros ..., from 1 August" says when the new policy starts: asked
    when it expires, the notes do not say; a line giving both days answers with the end."""
    page = hit("My car: Insurance: Seguros Kanimambo (third party).", line=11, path="/notes/Car.md", fields={"Insurance": "Seguros Kanimambo (third party)."})
    news = hit("Shopped around: the Corolla is now insured with Ndzilo Seguros, 1.610,00 MT a month, policy ND-2209, from 1 August.",
               line=6, rank=1, path="/notes/Journal/2026-07-25.md")
    reading = Reader(overlap_model()).read("When does my car insurance policy expire?", [page, news])
    assert reading.kind == "abstained", reading.answer
    started = hit("The Corolla is now insured with Ndzilo Seguros, policy ND-2209, cover started 1 August.", line=6, rank=1,
                  path="/notes/Journal/2026-07-25.md")
    assert Reader(overlap_model()).read("When does my car insurance policy expire?", [page, started]).kind == "abstained"
    both = hit("Car insurance with Ndzilo Seguros, valid from 1 August 2026 to 31 July 2027.", line=3, path="/notes/Car.md")
    reading = Reader(overlap_model()).read("When does my car insurance policy expire?", [both])
    assert reading.kind == "answered" and "31 July 2027" in reading.answer


def test_a_role_that_changed_hands_and_a_title_from_a_day_are_the_newer_versions():
    """"X takes over as General Manager - she is my boss now" on a page stamped 26 September
    (nb's "20260926161020.md") against the team card's "Boss: Mr. Ulugia Fruean"; "From 1 October
    I'm Operations Manager!" tells the job title without the words."""
    card = hit("Boss: Mr. Ulugia Fruean, General Manager", line=4, rank=0, path="/notes/work/team.md", fields={"Boss": "Mr. Ulugia Fruean, General Manager"})
    news = hit("Fa'amoe Sapolu takes over as General Manager - she is my boss now.", line=2, rank=1, path="/notes/work/20260926161020.md")
    reading = Reader(overlap_model()).read("Who is my boss?", [card, news])
    assert reading.kind == "answered" and "Sapolu" in reading.answer
    title = hit("From 1 October I'm Operations Manager!", line=1, rank=0, path="/notes/work/20260926161020.md")
    job = hit("name: Iakopo Tuilagi; job: finishing; shift: early", line=9, rank=1, path="/notes/work/team.md",
              fields={"name": "Iakopo Tuilagi", "job": "finishing", "shift": "early"})
    reading = Reader(overlap_model()).read("What's my job title?", [job, title])
    assert "Operations Manager" in reading.answer
    # "From today I'm hungry" is no title.
    from agent.reader_versions import job_change_words
    assert not job_change_words({"job", "titl"}, "From today I'm hungry and tired")


def test_a_new_papers_term_is_the_newer_version():
    papers = hit("Papers: Driver licence no.: 61728, valid to 30/11/2026", line=7, rank=0, path="/notes/papers.md", topic="Papers")
    todo = hit("Todo (done): Renew driver licence at LTA; due 2026-11-20", line=1, rank=1, path="/notes/20261109081500.todo.md")
    new = hit("New licence valid to 29/11/2029.", line=9, rank=2, path="/notes/20261109081500.todo.md")
    reading = Reader(overlap_model()).read("Until when is my driver licence valid?", [papers, todo, new])
    assert "29/11/2029" in reading.answer


def test_a_file_named_by_its_moment_dates_its_lines():
    from agent.reader_dates import written_date
    assert written_date(hit("Rent: WS$1,600.00 from October", path="/notes/nb/home/20261003101940.md")) == (2026, 10, 3)
    assert written_date(hit("Renew driver licence", path="/notes/nb/home/20261109081500.todo.md")) == (2026, 11, 9)
    # A page with a title after its stamp was made then and edited since: the stamp does not date it.
    assert written_date(hit("Pamuk: Mama: Royal Canin Sterilised 2 kg", path="/notes/roam/20240501120000-pamuk.org")) is None
    assert written_date(hit("Rent: WS$1,450.00 a month", path="/notes/nb/home/home.md")) is None


def test_a_new_number_told_in_hungarian_after_an_aside_is_the_newer_version():
    """"Gergő új száma (céges váltás miatt új SIM): +36 30 555 0467" on a diary's day: "új száma"
    (his new number) says the change, and the bracketed aside does not part it from its value.
    The contact table's number is the old one, however the model scores them."""
    card = hit("Név: Fazekas Gergő; Telefon: +36 20 555 8812", line=26, path="/notes/kapcsolatok.md", topic="Kapcsolatok",
               fields={"Név": "Fazekas Gergő", "Telefon": "+36 20 555 8812"})
    diary = hit("Gergő új száma (céges váltás miatt új SIM): +36 30 555 0467.", line=7, rank=1, path="/notes/naplo/2026-11.md",
                topic="2026-11-02")
    for model in (overlap_model(), overlap_model(telefon=0.5)):
        reading = Reader(model).read("What's Gergő's phone number?", [card, diary])
        assert reading.kind == "answered" and "+36 30 555 0467" in reading.answer, reading.answer
    # Without the word for new it is one more number, not a change.
    plain = hit("Gergő (céges SIM): +36 30 555 0467.", line=7, rank=1, path="/notes/naplo/2026-11.md", topic="2026-11-02")
    reading = Reader(overlap_model(telefon=0.5)).read("What's Gergő's phone number?", [card, plain])
    assert "+36 30 555 0467" not in reading.answer


def test_other_peoples_rows_do_not_crowd_out_the_line_naming_the_one_asked_of():
    """Of the few candidates read, the contact table's rows for other people ("Név: Szilágyi Gábor;
    Telefon: ...") go after the diary's line that names Gergő; a line that names no one (a message
    of his own) is not pushed back."""
    card = hit("Név: Fazekas Gergő; Telefon: +36 20 555 8812", line=26, path="/notes/kapcsolatok.md", topic="Kapcsolatok",
               fields={"Név": "Fazekas Gergő", "Telefon": "+36 20 555 8812"})
    others = [hit(f"Név: {n}; Telefon: +36 30 555 {k:04d}", line=27 + k, rank=1 + k, path="/notes/kapcsolatok.md", topic="Kapcsolatok",
                  fields={"Név": n, "Telefon": f"+36 30 555 {k:04d}"}) for k, n in enumerate(["Szilágyi Gábor", "Vass Réka", "Horváth Csaba"])]
    diary = hit("Gergő új száma (céges váltás miatt új SIM): +36 30 555 0467.", line=7, rank=5, path="/notes/naplo/2026-11.md",
                topic="2026-11-02")
    reading = Reader(overlap_model(), n_candidates=3).read("What's Gergő's phone number?", [card, *others, diary])
    assert reading.kind == "answered" and "+36 30 555 0467" in reading.answer, reading.answer


def test_a_new_personal_best_in_a_later_row_is_the_current_one():
    """A training log gives the half marathon PB in March and a "new half PB" in September; the
    acronym the question and both rows use is what is asked, nobody's name, so the newer row is
    a version of the same fact."""
    march = row({"date": "2026-03-29", "session": "Riverside Half", "notes": "half marathon PB 1:44:10"}, line=6, path="/notes/log.md")
    september = row({"date": "2026-09-13", "session": "Canal Path Half", "notes": "new half PB 1:41:02"}, line=8, path="/notes/log.md")
    reading = Reader(overlap_model(marathon=1.0)).read("What's my half marathon PB?", [march, september])
    assert reading.kind == "answered" and "1:41:02" in reading.answer
    # Neither is the (full) marathon's, asked with the question mark against the acronym.
    assert Reader(overlap_model(marathon=1.0)).read("What's my marathon PB?", [march, september]).kind != "answered"


def test_the_teacher_named_right_after_the_line_that_says_the_old_one_moved_on():
    """The page says who the class teacher is; a journal says the teacher moved to another section
    "so the class has a new teacher" and its next line names her, with no word of change. The
    new teacher is the answer, even with another title (Mr, then Ms)."""
    page = hit("Nadia: Class teacher: Mr Tomas Ferreira", line=10, path="/notes/school.md")
    moved = hit("Nadia is in year 4 now and on the first day Mr Tomas Ferreira moved to the senior section, so Nadia's class has a new teacher.",
                line=8, path="/notes/journal/2026-09-07.md")
    named = hit("Class teacher: Ms Ilse Moreau (4B, from 5 September 2026).", line=11, path="/notes/journal/2026-09-07.md")
    reading = Reader(overlap_model(nadia=1.0)).read("Who is Nadia's class teacher?", [page, moved, named])
    assert reading.kind == "answered" and "Ilse Moreau" in reading.answer
    # A line far below in the same note (or in another note) is not the one that follows.
    far = hit("Class teacher: Ms Ilse Moreau (4B, from 5 September 2026).", line=30, path="/notes/journal/2026-09-07.md")
    assert "Tomas Ferreira" in Reader(overlap_model(nadia=1.0)).read("Who is Nadia's class teacher?", [page, moved, far]).answer


def test_someone_elses_new_number_is_no_version_of_my_passport_number():
    """A changelog says a friend has a new number; it is dated and reads like a change, but it is
    the friend's phone, not a new version of the user's passport number."""
    passport = hit("Paspoort: Number: KX7R22M41", line=29, path="/notes/life.md")
    friend = hit("Changelog: 03-11-2026: Joris B. has a new number: 06-55509911. The old one is gone.", line=300, path="/notes/life.md")
    reading = Reader(overlap_model(number=1.0, new=0.8)).read("What is my passport number?", [passport, friend])
    assert reading.kind == "answered" and "KX7R22M41" in reading.answer
    # The friend's own new number is still the newer version of the friend's number.
    old = hit("Joris Bakker: mobile: 06-55501234", line=104, path="/notes/life.md")
    assert "06-55509911" in Reader(overlap_model(joris=1.0)).read("What is Joris's phone number?", [old, friend]).answer


def test_a_message_spoken_to_someone_is_no_version_of_their_own_fee():
    """A message opens by calling Radu by name and tells a new kindergarten fee; it speaks to him,
    not of him, so it does not overtake the line with his gym pass's price. Said of him, it would."""
    gym = hit("Sport: Radu: 7card, 180 lei/lună", line=46, path="/notes/casa.mm")
    told = hit("Radu, de la 1 noiembrie taxa la Licurici crește la 1.600 lei/lună, au trimis mail la toți părinții", line=10, path="/notes/messages.csv")
    model = overlap_model(sport=1.0)
    assert "180 lei" in Reader(model).read("radus gym how much", [gym, told]).answer
    of_him = hit("De la 1 noiembrie abonamentul lui Radu crește la 210 lei/lună", line=10, path="/notes/messages.csv")
    assert "210 lei" in Reader(model).read("radus gym how much", [gym, of_him]).answer


def test_a_title_i_will_hold_from_a_day_is_the_job_title_now():
    """"It is official: I will be Staff Engineer from 01.12.2026" is a promotion told ahead; it
    overtakes the page's "Job title:", which sits under a company's name (a key, nobody's)."""
    page = hit("Moselfin S.A.: Job title: Senior Backend Engineer, payments core team.", line=10, path="/notes/work.qmd",
               fields={"Job title": "Senior Backend Engineer, payments core team."})
    news = hit("It is official: I will be Staff Engineer from 01.12.2026, same team, more architecture.", line=7, rank=1,
               path="/notes/journal/2026-10-08.md")
    model = overlap_model(official=2.0)  # the page says the question's words; the news is liked as well
    for order in ([page, news], [news, page]):
        reading = Reader(model).read("What is my job title?", order)
        assert reading.kind == "answered" and "Staff Engineer" in reading.answer, order
    # A plan with no day it holds from is no promotion.
    wish = hit("It is official: I will be Staff Engineer in some years, maybe.", line=7, rank=1, path="/notes/journal/2026-10-08.md")
    assert "Senior Backend Engineer" in Reader(model).read("What is my job title?", [page, wish]).answer


def test_a_verb_that_opens_a_sentence_is_no_name_a_change_gives():
    """"Cancelled the POST contract by registered letter." names only the provider that ended:
    its capitalised first word is a verb, so the line gives no live name and is no newer version
    of "Internet and TV switched to Eltrona"."""
    from agent.reader_versions import _opens_sentence
    assert _opens_sentence("Cancelled", "Cancelled the POST contract by registered letter.")
    assert _opens_sentence("Cancelled", "2026-10-03: Cancelled the POST contract.")
    assert not _opens_sentence("POST", "Cancelled the POST contract by registered letter.")
    assert not _opens_sentence("Eltrona", "Eltrona is the new provider. We like Eltrona.")  # named mid-sentence too
    assert not _opens_sentence("Claro Hogar", "Claro Hogar fibra 600 Mb")  # a name of two words is a name
    assert not _opens_sentence("Algis", "Bendrijos susirinkimas: Algis sako – dėl stogo remonto.")  # a name before its verb
    assert not _opens_sentence("Pine_Net", "Network name: Pine_Net")


def test_a_question_word_the_old_providers_name_says_is_not_missing_from_the_new_line():
    """"at home" of the question and "Tigo Home" of the old provider: the line that changes the
    internet ("ahora Claro Hogar") need not say "home" to be its new version."""
    old = hit("Servicios: Internet: Tigo Home 300 Mb, Gs. 235.000 por mes.", line=175, path="/notes/a.json")
    new = hit("2026-09-14: Cambiamos el internet: ahora Claro Hogar fibra 600 Mb, Gs. 210.000 por mes.", line=158, path="/notes/b.json")
    reading = Reader(overlap_model(servicios=1.5)).read("Which internet provider do we have at home now?", [old, new])
    assert reading.kind == "answered" and "Claro" in reading.answer


def test_changes_said_as_this_years_value_a_running_total_or_a_title_from_a_day_in_figures():
    """"Ada's class teacher this year is Mr Okafor", "El ahorro de navidad ya va en B/. 2,050" and
    "Official from 01/11/2026: I am now Lead Data Engineer" each tell the value now, over the
    page's older one that the model likes better."""
    cases = [
        ("Who is Ada's class teacher?",
         hit("Ada: Our daughter. Standard 4 at Hillview. Class teacher for 2025/26: Mrs Banda.", line=11, path="/notes/family.md"),
         hit("Hillview sent the class lists: Ada's class teacher this year is Mr Okafor (Mrs Banda has Standard 2 now).", line=11, rank=1,
             path="/notes/journal/2026-09-05.md"),
         "Okafor"),
        ("How much is in the Christmas savings?",
         hit("Concepto: Ahorro de navidad (Cooperativa); Monto: B/. 1,200", line=4, path="/notes/ahorros.csv"),
         hit("El ahorro de navidad ya va en B/. 2,050.", line=9, rank=1, path="/notes/journal/2026-11-20.md"),
         "2,050"),
        ("What is my job title?",
         hit("Work: Title: Senior Data Engineer in the data team.", line=3, path="/notes/work.md", fields={"Title": "Senior Data Engineer in the data team."}),
         hit("Official from 01/11/2026: I am now Lead Data Engineer at Nyasa Pay.", line=2, rank=1, path="/notes/journal/2026-10-20.md"),
         "Lead Data Engineer"),
    ]
    for question, page, news, want in cases:
        # The page says more of the question's words; the news is liked nearly as well.
        reading = Reader(overlap_model(daughter=1.0, concepto=1.0, official=2.0)).read(question, [page, news])
        assert reading.kind == "answered" and want in reading.answer, (question, reading.answer)


def test_a_cap_on_a_later_line_is_no_new_premium():
    """A later tax note says the premium deduction was claimed "(max Rs 40,000)": the cap of the
    deduction, not a new premium, so the policy row's premium stands. Asked for the cap, it is."""
    policy = row({"Company": "Sagarmatha Life", "Policy": "SL-0341-77820", "Premium": "Rs 42,300 yearly"}, line=169, path="/notes/blog/2026-03-01.md")
    tax = hit("Tax: Life insurance premium deduction claimed for Sagarmatha Life only (max Rs 40,000).", line=5, path="/notes/blog/2026-11-20.md")
    model = overlap_model(tax=0.3)  # the model likes the tax line a little better
    reading = Reader(model).read("How much is the Sagarmatha Life premium?", [policy, tax])
    assert reading.kind == "answered" and "42,300" in reading.answer
    assert "40,000" in Reader(model).read("What is the maximum premium deduction for Sagarmatha Life?", [policy, tax]).answer


def test_a_change_of_another_attribute_named_as_its_object_is_no_version():
    """"The bank lowered the rate on the loan" is a dated change of the loan's rate: asked how big
    the loan is, the loan line's amount stands; asked the rate, the change is read."""
    loan = hit("Home loan (Baltik Bank): Loan for the apartment: 8.500.000 over 20 years, signed in April 2021.", line=4, path="/notes/money.md")
    rate = hit("01.10.2026: Baltik Bank lowered the rate on the loan to 5,1 %.", line=40, path="/notes/money.md")
    model = overlap_model(lowered=1.5)
    reading = Reader(model).read("How big is the loan for the apartment?", [loan, rate])
    assert reading.kind == "answered" and "8.500.000" in reading.answer
    assert "5,1 %" in Reader(model).read("What is the rate on the loan for the apartment?", [loan, rate]).answer
    # A dose is the strength asked of eye drops: raising it is a new version.
    drops = hit("Me: Glaucoma (found in 2024). Latanoprost eye drops 0,25%, one drop each evening.", line=10, path="/notes/health.md")
    raised = hit("2026-06-20: Eye pressure still too high. Dr Okoro raised the dose to 0,5% Latanoprost, still one drop each evening.", line=6,
                 path="/notes/journal/2026-06-20.md")
    reading = Reader(overlap_model(glaucoma=1.0)).read("What strength are my eye drops?", [drops, raised])
    assert reading.kind == "answered" and "0,5%" in reading.answer


def test_my_work_phone_is_not_the_line_that_tells_a_friends_new_number():
    """"my work phone pls": a dated line says "Jonas has a new number ... (old one is gone with the
    work phone)" and says every word of the question; it is Jonas's number, not mine. My own new
    number, told so, still is."""
    work = hit("Arbejde - Lydværket: Arbejdstelefon: 89 55 40 12", line=4, path="/notes/graph.json")
    jonas = hit("September 20th, 2026: Jonas has a new number: 42 55 17 09 (old one is gone with the work phone)", line=9, path="/notes/graph.json")
    reading = Reader(overlap_model(jonas=2.0)).read("my work phone pls", [jonas, work])
    assert reading.kind == "answered" and "89 55 40 12" in reading.answer
    mine = hit("September 20th, 2026: I have a new work phone number: 42 55 17 10", line=9, path="/notes/graph.json")
    assert "42 55 17 10" in Reader(overlap_model(september=2.0)).read("my work phone pls", [mine, work]).answer


def test_a_card_calling_someone_the_former_role_does_not_answer_who_holds_it():
    """"Lin Chih-Ming: relation: now former manager at JingYue" beside the new card "Kuo Ya-Wen;
    relation: manager at JingYue": who the manager is, is Kuo."""
    lines = [hit("Lin Chih-Ming: relation: now former manager at JingYue", line=7, rank=0, path="/notes/people.sql"),
             hit("name: Kuo Ya-Wen; relation: manager at JingYue; city: Hsinchu", line=8, rank=1, path="/notes/people.sql",
                 fields={"name": "Kuo Ya-Wen", "relation": "manager at JingYue", "city": "Hsinchu"})]
    reading = Reader(overlap_model()).read("Who is my manager at JingYue?", lines)
    assert reading.kind == "answered" and "Kuo Ya-Wen" in reading.answer


def test_a_follow_up_that_leaves_out_the_name_beats_the_card_however_many_lines_name_them():
    """"Term 3 starts, new teacher: Rugby: the Under-10s moved training to Thursday" says no
    Josaia, but the Under-10s are his team by his card's own line; four other lines about him
    (school, passport) do not push that change out of reach of the card's fact."""
    card = hit("Josaia: Rugby: Tamavua Under-10s, training Tuesday 4 pm at the school ground.", line=14, path="/notes/family/kids-school.md")
    others = [hit(t, line=n, rank=n, path="/notes/family/kids-school.md") for n, t in enumerate([
        "Josaia: School starts 8:00, pick-up 3:00 (2:30 on Fridays)", "Josaia: School: Tamavua Heights Primary School, Year 4 (2026)",
        "Josaia: Last attack: April 2026, fine after nebuliser.", "Kids: Josaia: birth certificate, passport B520774 (expires 10/01/2029)"], 1)]
    text = "Rugby: the Under-10s moved training to Thursday 4 pm because the ground is taken on Tuesdays now."
    moved = hit(f"Term 3 starts, new teacher: {text}", line=14, rank=6, path="/notes/blog/2026-09-07-term-three.md",
                topic="Term 3 starts, new teacher")
    moved.source = text
    lines = [card, *others, moved, hit("Fees for the term paid.", line=3, path="/notes/money.md")]
    mentions = lambda word: [st.text for st in lines if word.lower() in st.text.lower()]  # noqa: E731 (the full-text index)
    reading = Reader(overlap_model(), mentions=mentions).read("What day is Josaia's rugby training?", lines[:-1])
    assert reading.kind == "answered" and reading.statement is moved, reading.answer


def test_a_weight_says_it_is_one_in_a_later_line():
    """"Tofu's vet recheck: 5.1 kg now" leaves out the word "weight" the first weigh-in says; its
    kilograms say it, so it is the newer version of the weight."""
    first = hit('Tofu to the vet for the annual check — weight 4.8 kg, "a little round".', line=3, path="/notes/journals/2026_02_16.md")
    later = hit("Tofu's vet recheck: 5.1 kg now. Dr. Keller says diet food, fewer treats.", line=2, rank=1,
                path="/notes/journals/2026_08_17.md")
    reading = Reader(overlap_model(weight=0.5)).read("How much does Tofu weigh?", [first, later])
    assert "5.1 kg" in reading.answer, reading.answer


def test_a_raise_told_by_pronoun_after_the_sentence_naming_the_person_is_the_newer_pay():
    """The house page says the guard's pay; a later journal entry names him in one sentence and
    gives the raise in the next by "his". The sentence before says whose pay it is, and the model,
    which scored the pronoun sentence without the name, does not keep the old amount."""
    card = hit("Staff: Night guard Kofi Mensah: GH₵950 a month, paid on the 28th.", line=11, path="/notes/House.md",
               topic="The house", rank=0)
    raise_ = hit("From the end of September his pay goes up to GH₵1,100 a month.", line=5, path="/notes/journal/2026-09-22.md",
                 topic="Tuesday 22/09/2026", rank=1).model_copy(update={"context": "Talked with Kofi Mensah about prices."})
    for model in (overlap_model(), overlap_model(guard=2.0)):
        reading = Reader(model).read("How much do we pay Kofi Mensah a month?", [card, raise_])
        assert reading.kind == "answered" and "1,100" in reading.answer, reading.answer
    # A line that names someone before its pronoun speaks of them ("Ama got a raise, her pay ..."),
    # whoever the sentence before named: it says nothing of Kofi Mensah's pay.
    other = raise_.model_copy(update={"text": "Ama got a raise too, her pay goes up to GH₵1,300 a month."})
    asked = analyse("How much do we pay Kofi Mensah a month?")
    assert _named_before(asked, raise_) == {"kofi", "mensa"} and _named_before(asked, other) == set()
    # Without the sentence that names him, "his" may be anyone's: the card's amount stands.
    alone = raise_.model_copy(update={"context": "Talked with the plumber about prices."})
    reading = Reader(overlap_model()).read("How much do we pay Kofi Mensah a month?", [card, alone])
    assert reading.kind == "answered" and "950" in reading.answer, reading.answer


def test_a_bank_rows_number_is_no_newer_version_of_the_licence_number_asked():
    """"whats my licence number": the papers page says "Driving licence no. 0412873" ("no." says
    its number); a bank page written later gives an account's "number". Leaving out "licence", the
    word the number belongs to, it is another thing's number, not a newer licence number."""
    licence = hit("Papers and IDs: Driving licence no. 0412873 (issued 2003, category B).", line=9, path="/notes/papers/README.md",
                  topic="Papers and IDs").model_copy(update={"written": "2026-01-10"})
    accounts = [row({"bank": "MCB", "what": "current account, my salary comes in here", "number": "000 447 219 836"}, line=9,
                    path="/notes/money/README.md").model_copy(update={"written": "2026-06-01"}),
                row({"bank": "MauBank", "what": "savings", "number": "0801 0022 5514"}, line=10,
                    path="/notes/money/README.md").model_copy(update={"written": "2026-06-01"})]
    for model in (overlap_model(), overlap_model(salary=1.5)):
        reading = Reader(model).read("whats my licence number", [licence, *accounts])
        assert reading.kind == "answered" and "0412873" in reading.answer, reading.answer
    assert stem("number") in _terms_of(hit("Tel. no. 555 0142")) and stem("number") in _terms_of(hit("locker no 12"))
    assert stem("number") not in _terms_of(hit("no longer valid, see the new card"))


def test_a_days_journal_that_names_the_car_by_its_model_gives_its_next_inspection(tmp_path):
    """"Took the Auris for the przegląd at Morena: passed. Next inspection due:: 2027-09-28." in a
    day's journal: the car is named on the line, by the model the car's page gives ("Toyota Auris
    2017"), so the new due date is the car's, newer than the page's."""
    day = tmp_path / "daily" / "2026-09-28.md"
    day.parent.mkdir()
    day.write_text("# 2026-09-28\n\nTook the Auris for the przegląd at Morena: passed, no remarks. Next inspection due:: 2027-09-28.\n",
                   encoding="utf-8")
    car = str(tmp_path / "Car.md")
    lines = [hit("Technical inspection (przegląd) due:: 2026-09-30 at Morena.", line=9, path=car, topic="Car", rank=0)
             .model_copy(update={"written": "2026-03-01"}),
             hit("Toyota Auris 2017, hybrid, silver. plate:: GD 4K219.", line=7, path=car, topic="Car", rank=2),
             hit("Next inspection due:: 2027-09-28.", line=3, path=str(day), topic="2026-09-28", rank=1)
             .model_copy(update={"written": "2026-09-28"})]
    for model in (overlap_model(), overlap_model(technical=0.5)):
        reading = Reader(model).read("When is the car's next technical inspection due?", lines)
        assert reading.kind == "answered" and "2027-09-28" in reading.answer, reading.answer
    # A day that names no car ("Next check-up due:: ..." at the dentist) is no version of it.
    other = tmp_path / "daily" / "2026-10-02.md"
    other.write_text("# 2026-10-02\n\nDentist at Morena: fine. Next inspection due:: 2027-04-02.\n", encoding="utf-8")
    lines[2] = hit("Next inspection due:: 2027-04-02.", line=3, path=str(other), topic="2026-10-02", rank=1) \
        .model_copy(update={"written": "2026-10-02"})
    reading = Reader(overlap_model()).read("When is the car's next technical inspection due?", lines)
    assert reading.kind == "answered" and "2026-09-30" in reading.answer, reading.answer


def test_a_change_told_by_pronoun_below_lines_that_name_the_person_is_still_the_newer_version():
    """"2026-10-06: moved to Thursdays 14:00 - she teaches on Tuesday mornings this term" under
    "Weekly supervision with Marta ..., Tuesdays 10:00": lines that name Marta (her dog, her office,
    a deadline) outrank it, but it is the newer version of the meeting, whatever lies between."""
    readme = "/notes/projects/glossa/README.md"
    weekly = hit("Weekly supervision with Marta (Prof. Lindqvist), Tuesdays 10:00 in her office.", line=23, path=readme,
                 topic="Meetings", rank=0)
    moved = hit("2026-10-06: moved to Thursdays 14:00, we meet after her lecture — she teaches on Tuesday mornings this term.", line=24, path=readme,
                topic="Meetings", rank=1).model_copy(update={"context": weekly.text})
    others = [hit("Marta Lindqvist (Prof.): has a greyhound called Pim, brings him in on Fridays", line=7, path="/notes/people.md", rank=2),
              hit("Marta Lindqvist (Prof.): office: Lindeboom building, room 2.17", line=5, path="/notes/people.md", rank=3),
              hit("TODO: ch. 3 draft to Marta — 2026-12-15", line=3, path="/notes/todo.md", rank=4)]
    reading = Reader(overlap_model(marta=1.0)).read("When do I meet Marta every week?", [weekly, moved, *others])
    assert reading.kind == "answered" and "Thursdays 14:00" in reading.answer, reading.answer


def test_a_journal_days_value_is_newer_than_an_undated_pages_key():
    """A Logseq page "Maison" keeps "loyer: 250 000 FCFA par mois"; the journal of 2026_06_28 logs
    "loyer Angondjé 350 000 FCFA, premier paiement 1er juillet": the day's entry is the newer
    rent, the page's key was written some day before. A page line that is no key, a sentence
    nothing dates, is not ordered so."""
    page = hit("Maison: loyer: 250 000 FCFA par mois", line=4, path="/notes/pages/Maison.md", topic="Maison", rank=0,
               fields={"loyer": "250 000 FCFA par mois"})
    day = hit("loyer Angondjé 350 000 FCFA, premier paiement 1er juillet à Mme Biyogo", line=3,
              path="/notes/journals/2026_06_28.md", rank=1)
    for model in (overlap_model(), overlap_model(maison=0.5)):
        reading = Reader(model).read("How much is my rent?", [page, day])
        assert reading.kind == "answered" and "350 000" in reading.answer, reading.answer
    prose = page.model_copy(update={"fields": {}, "text": "The loyer here is 250 000 FCFA par mois, paid before the 5th."})
    reading = Reader(overlap_model(maison=0.5)).read("How much is my rent?", [prose, day])
    assert reading.kind == "answered" and "250 000" in reading.answer, reading.answer
    # Only an amount, which changes: a day that names someone at the kindergarten names no new one;
    # nor is a bank's row newer than the page's fee, it pays what it pays.
    card = hit("Anu: kindergarten: Little Sprouts, private, in Zaisan", line=7, path="/notes/pages/Anu.md", topic="Anu", rank=0,
               fields={"kindergarten": "Little Sprouts, private, in Zaisan"})
    told = hit("Tsogzolmaa leaves, Delgermaa starts: tell Saruul at the kindergarten who picks Anu up now.", line=4,
               path="/notes/journals/2026_09_14.md", rank=1)
    assert not newer_version(Scored(statement=told, cover=0.5, typed=["Saruul"], prerank=1.0),
                             Scored(statement=card, cover=1.0, typed=["Little Sprouts"], prerank=1.0), version_date, page_date)
    assert newer_version(Scored(statement=day, cover=1.0, typed=["350 000 FCFA"], prerank=1.0),
                         Scored(statement=page, cover=1.0, typed=["250 000 FCFA"], prerank=1.0), version_date, page_date)
    bank = row({"Ngày": "02/11/2026", "Ghi chú": "Học phí tháng 11 Bin", "Số tiền": "-4200000 VND"}, line=17,
               path="/notes/journals/2026_11_02.csv")
    assert not newer_version(Scored(statement=bank, cover=1.0, typed=["-4200000 VND"], prerank=1.0),
                             Scored(statement=page, cover=1.0, typed=["250 000 FCFA"], prerank=1.0), version_date, page_date)


def test_a_line_that_says_only_how_often_is_no_version_of_the_asked_payment():
    """"Salario: B/. 1,900 mensual ya en la planilla" in the journal says "monthly" and nothing else of
    "my monthly loan payment": it is no newer version of either loan's instalment."""
    loans = [hit("Concepto: Préstamo del carro — Banco Istmo Sur; Monto: B/. 238.50 mensual", line=12, path="/notes/Presupuesto.md",
                 rank=0, fields={"Concepto": "Préstamo del carro — Banco Istmo Sur", "Monto": "B/. 238.50 mensual"}),
             hit("Concepto: Préstamo personal — Cooperativa El Manantial; Monto: B/. 96.00 mensual", line=13,
                 path="/notes/Presupuesto.md", rank=1,
                 fields={"Concepto": "Préstamo personal — Cooperativa El Manantial", "Monto": "B/. 96.00 mensual"})]
    salary = hit("Salario: B/. 1,900 mensual ya en la planilla.", line=3, path="/notes/Diario/2026-06-30.md", rank=2)
    asked = analyse("How much is my monthly loan payment?")
    old = Scored(statement=loans[0], cover=0.67, typed=["B/. 238.50"], prerank=1.0)
    assert not same_fact(asked, old, Scored(statement=salary, cover=0.33, typed=["B/. 1,900"], prerank=1.0), _terms_of)
    # ... where a line that says the loan's word too is one ("Préstamo del carro: now B/. 251.00").
    new = hit("Préstamo del carro: now B/. 251.00 mensual", line=4, path="/notes/Diario/2026-07-30.md")
    assert same_fact(asked, old, Scored(statement=new, cover=0.67, typed=["B/. 251.00"], prerank=1.0), _terms_of)
