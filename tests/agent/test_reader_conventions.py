"""The reader on notes written in other conventions: Dutch dates, rupees, a note's own change log,
contact records from a data file. Driven by a scripted model (the word-overlap scorer of
test_reader.py), so each test fails on the rule it names and nothing else."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_question import analyse
from agent.reader_statements import StatementHit
from agent.reader_text import dates, latest_date, money, phones
from tests.agent.test_reader import overlap_model


def hit(text: str, *, line: int = 1, rank: int = 0, path: str = "/notes/n.md", topic: str = "",
        fields: dict[str, str] | None = None, kind: str = "sentence") -> StatementHit:
    return StatementHit(id=f"{path}:{line}", path=path, line=line, end_line=line, text=text, source=text, topic=topic,
                        rank=rank, fields=fields or {}, kind=kind)


def test_a_day_month_year_date_with_dashes_is_a_date_not_a_phone_number():
    assert dates("Born: 14-08-1989, Isala ziekenhuis") == ["14-08-1989", "1989"]
    assert phones("Born: 14-08-1989, Isala ziekenhuis") == []
    assert phones("Praktijk: 030-5550147") == ["030-5550147"] and dates("Praktijk: 030-5550147") == []
    assert latest_date("24-11-2026: Daan has a new number") == (2026, 11, 24)


def test_when_was_i_born_is_read_from_a_dutch_date_and_not_from_someone_elses_birthday():
    statements = [
        hit("Dates: Amma's birthday: 15 March", line=30, rank=0, path="/notes/family.md"),
        hit("Basics: Born: 14-08-1989, Isala ziekenhuis, Zwolle", line=19, rank=1, path="/notes/life.md"),
    ]
    reading = Reader(overlap_model()).read("When was I born?", statements)
    assert reading.kind == "answered" and "14-08-1989" in reading.answer
    # Someone else's birthday is not mine, even when it is the only date there is.
    alone = Reader(overlap_model()).read("When was I born?", statements[:1])
    assert alone.kind == "abstained"


def test_a_date_of_birth_answers_when_i_was_born():
    statements = [hit("IDs: Date of birth (as on every form): 02/11/1992, Chennai", line=17)]
    reading = Reader(overlap_model()).read("When was I born?", statements)
    assert reading.kind == "answered" and "02/11/1992" in reading.answer


def test_an_id_card_valid_until_a_date_says_when_it_expires():
    statements = [hit("ID-kaart: Valid until: 19-11-2029", line=35, fields={"Valid until": "19-11-2029"})]
    reading = Reader(overlap_model()).read("When does my ID-kaart expire?", statements)
    assert reading.kind == "answered" and "19-11-2029" in reading.answer


def test_rupees_and_lakh_grouping_are_money():
    assert money("I have transferred the deposit refund of ₹2,21,400 to your HDFC account") == ["₹2,21,400"]
    assert money("Rent Rs. 45,000 a month; INR 12,500 maintenance") == ["Rs. 45,000", "INR 12,500"]
    # A unit word after the amount is not "million": "₹4,200 maintenance" is ₹4,200.
    assert money("plus ₹4,200 maintenance") == ["₹4,200"]
    reading = Reader(overlap_model()).read("How much was the deposit on the flat?", [
        hit("The flat: deposit of ₹2,50,000 will be carried over.", line=18),
        hit("The flat: three bedrooms, second floor.", line=12),
    ])
    assert reading.kind == "answered" and "₹2,50,000" in reading.answer


def test_thousands_grouped_by_a_dot_before_the_euro_sign_are_never_cut():
    assert money("Miete 1.180 € brutto, Kaution drei Monatsmieten (3.540 €)") == ["1.180 €", "3.540 €"]
    assert money("Kostenvoranschlag: 10.400 € netto") == ["10.400 €"] and money("1,250.50 $ total") == ["1,250.50 $"]
    assert money("14,30 € each, 3.5 € for the tip") == ["14,30 €", "3.5 €"]
    reading = Reader(overlap_model()).read("How much is the Kaution?", [hit("Kaution two monthly rents = 2.250 €", line=5)])
    assert reading.kind == "answered" and reading.value == "2.250 €"


def test_rand_and_kronor_with_thousands_grouped_by_spaces_are_money():
    """South Africa's "R 11 500" and "R1 118.50", Sweden's "4 614 kr" and a ledger's "4614.00 SEK":
    the whole amount, not its last group; a tyre's "215/60 R17" is no amount."""
    assert money("Rent R 11 500 per month, due on the 1st") == ["R 11 500"]
    assert money("your premium will be R1 118.50 from 1 November 2026") == ["R1 118.50"]
    assert money("Månadsavgift 4 614 kr; Expenses:Boende:Avgift 4312.00 SEK") == ["4 614 kr", "4312.00 SEK"]
    assert money("Tyres: 215/60 R17, Dunlop") == []
    reading = Reader(overlap_model()).read("How much is my rent?", [
        hit("Lease: Rent R 11 500 per month, due on the 1st, EFT from FNB", line=12),
    ])
    assert reading.kind == "answered" and "R 11 500" in reading.answer


def test_a_phone_number_in_the_question_is_matched_whole_not_by_its_prefix():
    rows = [
        hit("Daan Visser: mobile: 06-55501588; city: Utrecht", line=105, fields={"name": "Daan Visser", "mobile": "06-55501588"}),
        hit("Noor Haddad: mobile: 06-55501774; city: Utrecht", line=108, rank=1, fields={"name": "Noor Haddad", "mobile": "06-55501774"}),
        hit("Changelog: 24-11-2026: Daan V. has a new number: 06-55501906.", line=319, rank=2),
    ]
    reading = Reader(overlap_model()).read("Whose number is 06-55501774?", rows)
    assert reading.kind == "answered" and "Noor Haddad" in reading.answer


def test_an_id_after_a_name_is_what_is_asked_not_part_of_the_name():
    assert analyse("What is my UPI ID?").names == ["UPI"]
    reading = Reader(overlap_model(okhdfcbank=2.0)).read("What is my UPI ID?", [
        hit("Money: UPI: rohan.iyer@okhdfcbank (HDFC), the one everyone has.", line=24),
        hit("Phone: Pixel 8, GrapheneOS. UPI on the work-profile side.", line=9, rank=1, path="/notes/uses.md"),
    ])
    assert reading.kind == "answered" and "rohan.iyer@okhdfcbank" in reading.answer


def test_a_contact_records_handle_and_tags_do_not_say_who_someone_is():
    statements = [
        hit("Ananya Kulkarni: slack: ananya.k", line=39, path="/notes/contacts.yaml", topic="Ananya Kulkarni",
            fields={"slack": "ananya.k"}),
        hit("Ananya Kulkarni: tags: work", line=40, rank=1, path="/notes/contacts.yaml", topic="Ananya Kulkarni",
            fields={"tags": "work"}),
        hit("From 1 June 2026 Ananya Kulkarni joins as our engineering manager.", line=7, rank=2, path="/notes/reorg.md"),
    ]
    reading = Reader(overlap_model()).read("Who is Ananya Kulkarni?", statements)
    assert reading.kind == "answered" and "engineering manager" in reading.answer


def test_a_dated_change_in_the_notes_own_log_is_a_newer_version_not_a_second_record():
    statements = [
        hit("Work: Office days: tuesday and thursday", line=205, path="/notes/life.md"),
        hit("Changelog: 02-10-2026: Office days are now monday and thursday (team reshuffle).", line=322, rank=1,
            path="/notes/life.md"),
    ]
    reading = Reader(overlap_model()).read("Which days am I in the office?", statements)
    assert reading.kind == "answered" and "monday" in reading.answer


def test_a_change_that_names_someone_by_initial_is_a_version_of_their_number():
    statements = [
        hit("Daan Visser: mobile: 06-55501588; city: Utrecht", line=105, path="/notes/life.md",
            fields={"name": "Daan Visser", "mobile": "06-55501588", "city": "Utrecht"}),
        hit("Changelog: 24-11-2026: Daan V. has a new number: 06-55501906.", line=319, rank=1, path="/notes/life.md"),
    ]
    reading = Reader(overlap_model(utrecht=0.6)).read("What is Daan Visser's phone number?", statements)
    assert reading.kind == "answered" and "06-55501906" in reading.answer


def test_initials_of_a_role_are_not_a_name():
    from agent.reader_question import entity, typed_values
    line = "From 1 June 2026: @ananya.k joins as our engineering manager (EM). Ananya Kulkarni, ex-Flipkart."
    assert "EM" not in typed_values(line, "name") and "Ananya Kulkarni" in typed_values(line, "name")
    assert entity(line, "Who is my manager?", noun="manager") == "Ananya Kulkarni"


def test_a_team_lead_is_someone_to_ask_about_and_a_question_may_open_with_a_preposition():
    from agent.reader_question import relative_clause
    hop = relative_clause("What is my team lead's phone number?")
    assert hop is not None and hop.inner == "Who is my team lead?" and hop.outer == "What is {}'s phone number?"
    hop = relative_clause("In which city does my team lead live?")
    assert hop is not None and hop.inner == "Who is my team lead?" and hop.outer == "In which city does {} live?"


def test_a_bank_account_or_the_digits_of_a_code_are_no_phone_number():
    line = "Money: SBI (the old one from college). A/c 30112278451, IFSC SBIN0001234. Only for Appa's FD interest."
    assert phones(line) == []
    assert phones("call +44 20 7946 0958 or (503) 555-0102") == ["+44 20 7946 0958", "(503) 555-0102"]
    reading = Reader(overlap_model()).read("What is Appa's phone number?", [hit(line, line=22)])
    assert reading.kind == "abstained"


def test_a_policy_or_customer_number_is_no_phone_number_in_any_language():
    line = "Gergő nevén van (Generali, kötvényszám 90 213 4476), ingóság 6 millió Ft-ig."
    assert phones(line) == [] and phones("Customer number: 0803 5512 99") == []
    assert phones("Policy helpline: 0800 555 0199") == ["0800 555 0199"]  # the helpline's number is one
    statements = [hit(line, line=39, path="/notes/lakas.rst"),
                  hit("Név: Fazekas Gergő; Telefon: +36 20 555 8812", line=4, rank=1, path="/notes/contacts.csv")]
    reading = Reader(overlap_model()).read("What's Gergő's phone number?", statements)
    assert reading.kind == "answered" and "+36 20 555 8812" in reading.answer


def test_a_length_written_with_a_hyphen_is_no_code():
    from agent.reader_question import typed_values

    assert typed_values("renewal due 14/02/2573, need the 1-hour online course first", "code") == []
    assert typed_values("ใบขับขี่ 5 ปี (5-year private car licence)", "code") == []
    assert typed_values("Batch: LOT-2291, door code 4721", "code") == ["LOT-2291", "4721"]


def test_a_mails_subject_answers_nothing_in_its_thread():
    thread = [hit("Subject: Re: Re: Mama to Vienna - flights", line=8, path="/notes/mail/Karim.md"),
              hit("Return is 12 January, same airline.", line=13, rank=1, path="/notes/mail/Karim.md")]
    for question in ("What is the flight number of Mama's return flight?", "Which seat does Mama have on her flight?"):
        assert Reader(overlap_model()).read(question, thread).kind == "abstained"
    # A subject line that holds the asked value says it.
    bill = [hit("Subject: BESCOM bill for August 2026 - Account ID 9120558813", line=4, path="/notes/mail/bescom.eml")]
    assert "9120558813" in Reader(overlap_model()).read("What is my BESCOM account ID?", bill).answer


def test_a_line_that_opens_with_the_asked_ones_relation_gives_that_persons_number():
    # Two vault pages: the doctor's ("Mama's doctor in Enugu ... phone:: ...") and Mama's own.
    statements = [
        hit("Mama's doctor in Enugu, at Parklane hospital. phone:: +234 802 310 6645.", line=7, path="/v/people/Dr Eze.md"),
        hit("Lives in Enugu, Independence Layout. phone:: +234 803 555 1920.", line=5, rank=1, path="/v/people/Mama.md", topic="Mama"),
    ]
    reading = Reader(overlap_model()).read("What's Mama's phone number?", statements)
    assert reading.kind == "answered" and "+234 803 555 1920" in reading.answer
    # Asked for the relation itself, its line answers.
    doctor = Reader(overlap_model()).read("What's Mama's doctor's phone number?", statements)
    assert "+234 802 310 6645" in doctor.answer


def test_a_model_named_by_its_number_is_not_a_first_name_with_two_surnames():
    statements = [
        hit("Picked up an Ather 450X from the Ather Space in Indiranagar on 22 January.", line=9, path="/notes/ather.md"),
        hit("Charging at the Ather Grid point in the office basement.", line=14, rank=1, path="/notes/ather.md"),
    ]
    reading = Reader(overlap_model()).read("How much did the Ather 450X cost?", statements)
    assert reading.kind == "abstained"  # no price anywhere; not "Ather Space or Ather Grid?"


def test_a_passport_number_is_no_date_and_no_piece_of_a_phone_number():
    from agent.reader_question import typed_values
    line = "Changes: 10/06/2026: Amma has a new number, 94440 55562 (Jio)."
    assert typed_values(line, "code", exclude="What is my passport number?") == []
    assert typed_values("IDs: Passport: Z7731408, issued 15/09/2023", "code", exclude="What is my passport number?") == ["Z7731408"]


def test_a_rows_own_modified_date_says_when_it_was_written_not_its_exports_file_name():
    from agent.reader_dates import written_date
    row = hit("Title: Wi-Fi ouders; Notes: KPN box, restart it when the internet is down; Last Modified: 2023-12-27T15:00:00Z",
              line=13, path="/notes/keepassxc-export-2026-11-28.csv",
              fields={"Title": "Wi-Fi ouders", "Notes": "KPN box, restart it when the internet is down",
                      "Last Modified": "2023-12-27T15:00:00Z"})
    assert written_date(row) == (2023, 12, 27)
    change = hit("Changelog: 14-04-2026: Internet: Ziggo → Odido glasvezel, 1 Gbit.", line=325, path="/notes/life.md")
    reading = Reader(overlap_model(kpn=1.0)).read("Who is my internet provider?", [change, row])
    assert reading.kind == "answered" and "Odido" in reading.answer


def test_a_birthday_has_no_newer_version():
    statements = [
        hit("I was born on 9 August 1991 in Hamburg, Germany.", line=3, path="/notes/me.md"),
        hit("Pixel: She was born in April 2021 and we adopted her in July 2021.", line=4, rank=1, path="/notes/pixel.md"),
    ]
    reading = Reader(overlap_model(hamburg=0.3)).read("When is my birthday?", statements)
    assert reading.kind == "answered" and "9 August 1991" in reading.answer


def test_a_booking_reference_on_a_line_about_a_refund_is_no_amount():
    from agent.reader_question import typed_values
    line = "Ferry (cancelled): Booking ref MF-6120-SD. Cancelled 18/06, refund as voucher."
    assert typed_values(line, "money") == []
    assert typed_values("Deposit refund: 2,21,400 by NEFT", "money") == ["2,21,400"]


def test_a_licence_number_written_in_groups_is_still_the_licence_number():
    from agent.reader_question import typed_values
    # The whole number, as written after its label, not its first group.
    assert typed_values("Driving licence: Licence number: 3904 7712 55.", "code",
                        exclude="What's my driving licence number?")[:1] == ["3904 7712 55"]
    assert typed_values("Meter: mérő gyári szám 24 817 339", "code", exclude="What's the meter's serial number?")[:1] == ["24 817 339"]
    # An amount's groups are still no identifier.
    assert typed_values("Paid 1 450,00 in October", "code", exclude="What's my account number?") == []


def test_a_year_first_date_with_slashes_is_a_date():
    """South Africa's "2027/02/28" (and Japan's, China's): a date, dated by it, a birthday by it."""
    from agent.reader_question import birthday_dates
    assert dates("Licence disc expires 2027/02/28") == ["2027/02/28", "2027"]
    assert latest_date("Passport: issued 2021/03/10, expires 2031/03/09") == (2031, 3, 9)
    assert birthday_dates(["1990/11/23", "2019"]) == ["1990/11/23"]
    reading = Reader(overlap_model()).read("When does the licence disc expire?", [
        hit("Toyota Corolla Cross (mine): Licence disc expires 2027/02/28", line=8),
    ])
    # The whole date, not its year alone ("2027. Toyota Corolla Cross ...").
    assert reading.kind == "answered" and "2027/02/28" in reading.answer and not reading.answer.startswith("2027.")


def test_who_someone_is_comes_from_a_contacts_tables_notes_not_from_a_dated_list_line():
    """A contacts table's "Notes" column says who someone is ("letting agent for the flat"); a
    text message to them does not, and neither does "Birthdays: Ruan: 1990/11/23"."""
    from agent.reader_defines import defines
    info = analyse("Who is Candice Petersen?")
    row = hit("Name: Candice Petersen; Cell: 021 555 0192; Notes: Salt River Rentals, letting agent for the flat",
              line=17, kind="row", fields={"Name": "Candice Petersen", "Cell": "021 555 0192", "Notes": "Salt River Rentals, letting agent for the flat"})
    sms = hit("date: 2 Jun 2026 12:31:00; to: Candice Petersen (+27215550192); message: Thanks Candice, got it.",
              line=6, kind="row", fields={"date": "2 Jun 2026 12:31:00", "to": "Candice Petersen (+27215550192)", "message": "Thanks Candice, got it."})
    assert defines(info, row) and not defines(info, sms)
    # ... but a client's "notes" column does not say what "my rate for" the client is.
    client = hit("client: Kleinhaus GmbH; rate: 0,09; notes: manuals", line=3, kind="row",
                 fields={"client": "Kleinhaus GmbH", "rate": "0,09", "notes": "manuals"})
    assert not defines(analyse("What's my per-word rate for Kleinhaus?"), client)
    assert not defines(analyse("Who is Ruan?"), hit("Birthdays: Ruan: 1990/11/23", line=11))
    # A name with the word the notes call them by, then a dash: who they are, or only a birthday.
    assert defines(analyse("Who is Zuhra?"), hit("Samarqand (my side): Zuhra buvi — my mother's mother, lives in Urgut.", line=11))
    assert not defines(analyse("Who is Zuhra?"), hit("Tug'ilgan kunlar: Zuhra buvi — 01.05.1940", line=12))
    assert defines(analyse("Who is Ruan?"), hit("Ruan, my partner, did the boerewors, badly.", line=7))


def test_of_two_versions_on_two_pages_the_newer_page_answers():
    """A Hugo page's `lastmod`, a tiddler's `modified`: a line with no date of its own is as old as
    its page, so the rent on the page changed in June beats the one on a page last changed in 2025."""
    old = hit("Lease: Rent R 11 500 per month", line=12, rank=0, path="/notes/wiki/Flat.tid")
    new = hit("Lease: Rent R 12 190 per month", line=4, rank=1, path="/notes/site/content/flat.md")
    old.written, new.written = "2025-11-30", "2026-06-02"
    reading = Reader(overlap_model()).read("How much is my rent?", [old, new])
    assert reading.kind == "answered" and "R 12 190" in reading.answer
    old.written, new.written = "2026-06-02", "2025-11-30"
    reading = Reader(overlap_model()).read("How much is my rent?", [old, new])
    assert reading.kind == "answered" and "R 11 500" in reading.answer


def test_a_key_that_says_the_asked_one_and_more_is_no_sibling_of_it():
    """"Alarm code (flat)" and Gogo's house's "Alarm code" are two alarm codes, not the asked key
    and a sibling of it (as "flight out" is of "flight back"); a sibling still counts."""
    from agent.reader import _sibling_key
    flat = hit("Codes and things: Alarm code (flat): 2580", line=19, fields={"Alarm code (flat)": "2580"})
    gogo = hit("Gogo's house: Alarm code: 8812", line=9, path="/notes/gogo.md", fields={"Alarm code": "8812"})
    assert not _sibling_key(analyse("What is the alarm code?"), flat, [flat, gogo])
    out = hit("Trip: flight out: TP 661", line=3, fields={"flight out": "TP 661"})
    back = hit("Trip: flight back: not booked yet", line=4, fields={"flight back": "not booked yet"})
    assert _sibling_key(analyse("When is my flight back?"), out, [out, back])


def test_an_amount_keyed_by_another_thing_is_not_the_asked_one():
    """"Late fee: R 350 if rent is later than the 7th" mentions the rent; its amount is the late
    fee's. "Expenses: R 11 500 rent" keeps its amount: the rent is said right beside it."""
    late = hit("Lease: Late fee: R 350 if rent is later than the 7th", line=13, fields={"Late fee": "R 350 if rent is later than the 7th"})
    rent = hit("Lease: Rent R 11 500 per month, due on the 1st", line=12, rank=1)
    reading = Reader(overlap_model()).read("How much is my rent?", [late, rent])
    assert reading.kind == "answered" and "R 11 500" in reading.answer
    spent = hit("June: Expenses: R 11 500 rent, R 649 fibre", line=3, fields={"Expenses": "R 11 500 rent, R 649 fibre"})
    reading = Reader(overlap_model()).read("How much is my rent?", [spent])
    assert reading.kind == "answered" and "R 11 500" in reading.answer
    sms = hit("date: 2 Jun 2026; from: Candice; message: the rent increases to R12 190 from 1 August 2026", line=5, kind="row",
              fields={"date": "2 Jun 2026", "from": "Candice", "message": "the rent increases to R12 190 from 1 August 2026"})
    reading = Reader(overlap_model()).read("How much is my rent?", [sms])
    assert reading.kind == "answered" and "R12 190" in reading.answer  # a message holds what was said


def test_a_line_about_one_named_thing_is_no_newer_version_of_anothers():
    """A cats page (last changed in February) with Tofu's and Miso's rows, and a task from October
    to book Miso's vaccination: the task is not a newer version of Tofu's row, so "When is the cat's
    vaccination due?" still asks which cat."""
    from agent.reader_versions import same_fact
    from agent.reader_types import Scored
    info = analyse("When is the cat's vaccination due?")
    tofu = hit("cat: Tofu; born: 2019; vaccination due: 2027-02-14", line=5, kind="row",
               fields={"cat": "Tofu", "born": "2019", "vaccination due": "2027-02-14"})
    task = hit("(B) 2026-10-02 Book Miso's vaccination at Newtown Vets due:2026-10-28", line=3, kind="line")
    sb = Scored(statement=tofu, cover=1.0, typed=["2027-02-14"], prerank=1.0)
    sc = Scored(statement=task, cover=1.0, typed=["2026-10-28"], prerank=1.0)
    terms = lambda st: {w for w in info.terms if w in st.text.lower()}
    assert not same_fact(info, sb, sc, terms)
    again = hit("cat: Tofu; vaccination due: 2027-03-01", line=9, kind="row", fields={"cat": "Tofu", "vaccination due": "2027-03-01"})
    assert same_fact(info, sb, Scored(statement=again, cover=1.0, typed=["2027-03-01"], prerank=1.0), terms)


def test_a_pages_date_makes_its_lines_older_than_a_dated_line_never_newer():
    """A page last changed this week says nothing new about every line on it: its "product manager"
    is no newer version of a dated all-hands note; a page last changed in 2025 does make its "Office
    days" older than a journal entry of 28 September 2026."""
    allhands = hit("All-hands, 25/05/2026: From 1 June 2026 Ananya Kulkarni joins as our engineering manager", line=4,
                   path="/notes/work/allhands.md")
    sister = hit("Chennai side: Divya: my sister, product manager at a SaaS company", line=9, rank=1, path="/notes/family.md")
    sister.written = "2026-11-20"
    reading = Reader(overlap_model()).read("Who is my manager?", [allhands, sister])
    assert reading.kind == "answered" and "Ananya" in reading.answer
    office = hit("Work: Office days: Tuesday and Thursday", line=11, path="/notes/wiki/Work.tid")
    office.written = "2025-09-12"
    journal = hit("28th Sep 2026: New hybrid policy: office days are now Monday and Wednesday", line=7, rank=1,
                  path="/notes/wiki/28th Sep 2026.tid")
    reading = Reader(overlap_model()).read("Which office days do I have?", [office, journal])
    assert reading.kind == "answered" and "Monday and Wednesday" in reading.answer


def test_a_schedule_rows_day_is_not_whose_the_row_is():
    """"Day: Tue; who: Milo; what: piano" is Milo's lesson: "Milo's piano moves to Thursdays" is a
    newer version of it, not another thing's line."""
    from agent.reader_types import Scored
    from agent.reader_versions import same_fact
    info = analyse("When is Milo's piano lesson?")
    row = hit("Day: Tue; who: Milo; what: piano with Ms. Ortega; time: 4:30", line=8, kind="row",
              fields={"Day": "Tue", "who": "Milo", "what": "piano with Ms. Ortega", "time": "4:30"})
    moved = hit("Tue 3 Nov 2026: Milo's piano moves to Thursdays 5:15 from Nov 12", line=20)
    terms = lambda st: {w for w in info.terms if w in st.text.lower()}
    assert same_fact(info, Scored(statement=row, cover=1.0, typed=["Tue"], prerank=1.0),
                     Scored(statement=moved, cover=1.0, typed=["Thursdays"], prerank=1.0), terms)


def test_the_worlds_currencies_before_and_after_the_amount_are_money():
    assert money("School fee: Nu. 2,900 a month; bus BTN 700") == ["Nu. 2,900", "BTN 700"]
    assert money("Rent: 3,900,000 kip a month, tuition Tk. 1,500") == ["3,900,000 kip", "Tk. 1,500"]
    assert money("ik heb nu 3 katten") == []  # Dutch "nu" (now) before a number is no ngultrum
    assert money("Contribution: KSh 5,000 a month") == ["KSh 5,000"]
    assert money("refill about KSh 3,300/= at the Shell") == ["KSh 3,300/="]
    assert money("Czynsz: 612,40 zł monthly, -2 500,00 PLN out") == ["612,40 zł", "2 500,00 PLN"]
    assert money("Aluguel R$ 3.900,00, IPTU ₦25,000, 3,000 naira, RM 45") == ["R$ 3.900,00", "₦25,000", "3,000 naira", "RM 45"]
    # The Caucasus, Central Asia and the Maghreb write their currencies after the amount.
    assert money("From December the payment is 6 120 000 so'm, rent 486,300 AMD, loyer 1 250 DT, 45 GEL") == [
        "6 120 000 so'm", "486,300 AMD", "1 250 DT", "45 GEL"]
    assert money("120 000 тг a month, 2 100 dinars") == ["120 000 тг", "2 100 dinars"]
    # Paraguay's guaraní ("Gs." before, "guaraníes" after) and Albania's lek.
    assert money("cuota Gs. 2.870.000, Gs 9.800.000 bruto, 850.000 guaraníes, 245.000 leke neto, 300 ALL") == [
        "Gs. 2.870.000", "Gs 9.800.000", "850.000 guaraníes", "245.000 leke", "300 ALL"]
    assert money("I will call all 3 of them, the GS 300 lens, gs 5") == []
    # Not money: a tyre size, a height in feet, a dose.
    assert money("Tyres: 215/60 R17, he is 6 ft tall, a 5 mg tablet") == []
    reading = Reader(overlap_model()).read("How much is the chama contribution a month?", [
        hit("Flat: Rent: KSh 48,000 a month, due by the 5th.", line=9, rank=0, kind="bullet"),
        hit("Chama - Tuko Pamoja: Contribution: KSh 5,000 a month, by the 10th.", line=7, rank=1, kind="bullet",
            fields={"Contribution": "KSh 5,000 a month, by the 10th"}),
    ])
    assert reading.kind == "answered" and "KSh 5,000" in reading.answer


def test_a_paperwork_word_in_another_language_answers_the_english_question():
    """"Paszport", "taryfa", "Miejsce postojowe w garażu": the notes' own language for the thing asked."""
    statements = [
        hit("Me: Paszport: EL5550182, valid until 02.09.2030", line=12, rank=0, kind="bullet", topic="Me",
            fields={"Paszport": "EL5550182, valid until 02.09.2030"}),
        hit("Me: PESEL: 92051455123", line=9, rank=1, kind="bullet", topic="Me", fields={"PESEL": "92051455123"}),
    ]
    reading = Reader(overlap_model()).read("What's my passport number?", statements)
    assert reading.kind == "answered" and "EL5550182" in reading.answer
    parking = [hit("Practical: Miejsce postojowe w garażu podziemnym: P-41 (pilot in the Octavia)", line=17, kind="bullet"),
               hit("Practical: Bin room next to the garage gate.", line=19, rank=1, kind="bullet")]
    reading = Reader(overlap_model()).read("Which parking space is ours in the garage?", parking)
    assert reading.kind == "answered" and "P-41" in reading.answer


def test_an_amount_for_another_thing_does_not_say_what_something_cost():
    statements = [hit("Octavia (mine): the OC/AC insurance cost 2 180 zł last year.", line=11, kind="bullet", topic="Auta")]
    reading = Reader(overlap_model()).read("How much did the Octavia przegląd cost?", statements)
    assert reading.kind == "abstained"
    assert analyse("What's the mortgage payment now?").want == "money"
    assert analyse("When is the next payment due?").want == "date"


def test_the_value_a_line_says_was_is_not_the_current_one():
    statements = [hit("Stawka żywieniowa od 1.09: 16 zł/dzień (było 14 zł)", line=3, kind="kv",
                      topic="Przedszkole - od września", fields={"Stawka żywieniowa od 1.09": "16 zł/dzień (było 14 zł)"})]
    reading = Reader(overlap_model()).read("How much is the przedszkole food rate per day?", statements)
    assert reading.kind == "answered" and reading.answer.startswith("16 zł")


def test_a_driving_licence_is_asked_as_dl():
    statements = [hit("IDs: Driving licence: DL-55-0192, expires 04/11/2028", line=8, kind="bullet",
                      fields={"Driving licence": "DL-55-0192, expires 04/11/2028"}),
                  hit("IDs: Passport: AK0550182, expires 18/07/2029", line=7, rank=1, kind="bullet",
                      fields={"Passport": "AK0550182, expires 18/07/2029"})]
    reading = Reader(overlap_model()).read("wen does my DL expire", statements)
    assert reading.kind == "answered" and "04/11/2028" in reading.answer


def test_the_day_a_diary_entry_was_written_does_not_answer_when_its_line_names_its_own_month():
    statements = [
        hit("Did the sums: still cheaper than moving, and the lease runs to February anyway.", line=11, rank=0,
            topic="Monday 18 May 2026", path="/n/20260518--journal.org"),
        hit("The flat: Lease renewed in February 2026 for one year, to 28/02/2027.", line=8, rank=1, kind="bullet",
            path="/n/flat.org"),
    ]
    reading = Reader(overlap_model(runs=2.0)).read("When does my lease run to?", statements)
    assert reading.kind == "answered" and "28/02/2027" in reading.answer


def test_a_line_that_only_cancels_a_provider_is_no_newer_version_of_the_switch():
    from agent.reader_text import names
    assert names("Internet: Cancelled UPC - their contract ended") == ["Internet", "UPC"]
    assert names("Alfred Hitchcock and Mohammed Ali") == ["Alfred Hitchcock", "Mohammed Ali"]
    statements = [
        hit("Saturday 14 Mar 2026: Internet: switched from UPC to Orange Światłowód, 300 Mb/s.", line=9, rank=0,
            topic="Saturday 14 Mar 2026", kind="kv", fields={"Internet": "switched from UPC to Orange Światłowód, 300 Mb/s"}),
        hit("Internet: Cancelled UPC - their contract ended in February anyway.", line=10, rank=1, topic="Saturday 14 Mar 2026"),
    ]
    reading = Reader(overlap_model()).read("Who's our internet provider?", statements)
    assert reading.kind == "answered" and "Orange" in reading.answer


def test_a_central_european_street_is_an_address_and_electricity_is_not_an_election():
    from agent.reader_text import addresses, stem
    assert addresses("Halina Mróz - 18 555 30 27 - Nowy Sącz, ul. Kraszewskiego 21/4") == ["ul. Kraszewskiego 21/4"]
    assert stem("electricity") == stem("electrical") != stem("elected")


def test_a_lithuanian_street_is_an_address():
    from agent.reader_text import addresses
    assert addresses("Adresas: Liepų g. 7-3, LT-01100 Vilnius")[0].startswith("Liepų g. 7-3")
    assert addresses("Jono namai: Laisvės pr. 101, Kaunas (laiptinė A)")[0].startswith("Laisvės pr. 101")
    assert addresses("Močiutė: Rotušės a. 5, Utena")[0].startswith("Rotušės a. 5")
    assert addresses("Sugar 200 g. 5 spoons") == []  # a weight, no street


def test_an_ibans_groups_are_no_phone_number():
    from agent.reader_text import phones
    assert phones("Taupomoji sąskaita: LT35 7300 0100 0000 0001 (vaikams)") == []
    assert phones("Savings: DE89 3704 0044 0532 0130 00, Anna +49 170 5550123") == ["+49 170 5550123"]


def test_the_last_visits_date_does_not_say_when_the_next_one_is():
    statements = [hit("Doctors: Dentist: Dr. Brian Odhiambo, Kilimani Dental. Cleaning every six months; last one 08/01/2026.",
                      line=18, kind="bullet")]
    assert Reader(overlap_model()).read("When is my next dentist appointment?", statements).kind == "abstained"
    assert Reader(overlap_model()).read("When was my last dentist cleaning?", statements).kind == "answered"


def test_a_currency_code_is_no_name_and_the_us_is_no_you():
    from agent.reader_text import face_user, names
    assert names("Contribution: KSh 5,000 a month") == ["Contribution"]
    assert face_user("bought from the US via Kenya Shipping") == "Bought from the US via Kenya Shipping"


def test_payment_terms_are_no_amount_and_a_log_lines_own_date_label_answers_when():
    assert analyse("What are our payment terms with Brightwheel?").want is None
    statements = [hit("9 Jul.: Hosepipe ban from today.", line=12, topic="Summer log")]
    statements[0].source = "Hosepipe ban from today."
    reading = Reader(overlap_model()).read("When did the hosepipe ban start?", statements)
    assert reading.kind == "answered" and "9 Jul" in reading.answer


def test_a_name_day_is_no_birthday_and_a_polish_i_is_no_you():
    from agent.reader_text import face_user
    statements = [hit("Urodziny i imieniny: Paweł - imieniny 29.06", line=6, kind="line", topic="Urodziny i imieniny")]
    statements[0].source = "Paweł - imieniny 29.06"
    assert Reader(overlap_model()).read("When is Paweł's birthday?", statements).kind == "abstained"
    born = [hit("Urodziny i imieniny: Marek - ur. 03.08", line=5, kind="line", topic="Urodziny i imieniny")]
    reading = Reader(overlap_model()).read("When is Marek's birthday?", born)
    assert reading.kind == "answered" and "03.08" in reading.answer
    assert face_user("Urodziny i imieniny") == "Urodziny i imieniny" and face_user("i moved in 2019") == "You moved in 2019"


def test_a_moved_appointment_is_newer_than_the_page_that_booked_it():
    """A note changed in June that says "check-up 2026-09-15" was not written on 15 September; the
    September log entry that moves it is the newer version."""
    booked = hit("Alva's check-up with Maja Ek, 2026-09-15 at 10:20.", line=3, rank=0, topic="Tandläkare Alva",
                 path="/n/joplin/6cc.md")
    booked.written = "2026-06-11"
    moved = hit("2026-09-08: Folktandvården called: Maja Ek is off sick, so Alva's check-up moved to 2026-09-29 at 08:40.",
                line=3, rank=1, topic="Folktandvården called", path="/n/joplin/4b3.md", kind="kv",
                fields={"Folktandvården called": "Maja Ek is off sick, so Alva's check-up moved to 2026-09-29 at 08:40"})
    moved.written = "2026-09-08"
    reading = Reader(overlap_model()).read("When is Alva's dentist check-up?", [booked, moved])
    assert reading.kind == "answered" and "2026-09-29" in reading.answer


def test_a_renewal_or_expiry_date_is_no_birthday():
    statements = [hit("Yaris (Marek's): OC: Warta, policy 908555221, renews 02.11. Marek pays.", line=18, rank=0, kind="bullet"),
                  hit("Yaris (Marek's): Przegląd valid until 18.03.2027", line=19, rank=1, kind="bullet")]
    assert Reader(overlap_model()).read("when is mareks bday", statements).kind == "abstained"


def test_a_mother_written_in_her_language_is_named_beside_that_word():
    statements = [hit("people: Mama (Ewa)", line=4, kind="bullet", topic="people")]
    reading = Reader(overlap_model()).read("What's my mum's name?", statements)
    assert reading.kind == "answered" and "Ewa" in reading.answer


def test_a_thousands_grouped_amount_holds_no_clock_time():
    from agent.reader_text import times

    assert times("prêmio R$ 3.412,80 in 4x; condomínio R$ 1.245,00") == []
    assert times("Dinner 19.30, call at 7:30 and 3.41 pm") == ["19.30", "7:30", "3.41 pm"]
    reading = Reader(overlap_model()).read("Until when is the Onix insured?", [
        hit("Seguro do Onix: Renewed the Onix insurance for a year, prêmio R$ 3.412,80 in 4x.", line=3),
    ])
    assert "3.41." not in reading.answer  # no time made of the amount put before the line


def test_a_later_line_that_retires_the_old_day_is_the_answer_however_it_reads():
    old = hit("New cleaner: Olga. She will come every Thursday, 8h to 16h, paid the same day.", line=3,
              path="/notes/journal.json", topic="New cleaner").model_copy(update={"written": "2026-03-05"})
    new = hit("Olga asked to switch days: from next week she comes on Tuesdays instead of Thursdays.", line=9,
              path="/notes/journal.json", topic="Cleaner").model_copy(update={"written": "2026-08-11"})
    reading = Reader(overlap_model()).read("Which day does the cleaner come?", [old, new])
    assert reading.kind == "answered" and reading.statement.line == 9 and "Tuesdays" in reading.answer
    # written the other way round, the switch is the old news
    swapped = [old.model_copy(update={"written": "2026-09-01"}), new.model_copy(update={"written": "2026-01-11"})]
    assert Reader(overlap_model()).read("Which day does the cleaner come?", swapped).statement.line == 3


def test_a_change_said_in_another_language_is_the_newer_version():
    task = hit("task: Troca de pneus do Polo; due: 27/10/2026 08:00", line=8, path="/notes/Todoist/Casa.csv", topic="Carro",
               fields={"task": "Troca de pneus do Polo", "due": "27/10/2026 08:00"}, kind="row")
    moved = hit("Troca de pneus do Polo: agora qua 28/10 às 7:30 em vez de ter 27/10.", line=40,
                path="/notes/Telegram/result.json", topic="2026-10-16").model_copy(update={"written": "2026-10-16"})
    reading = Reader(overlap_model()).read("When is the tyre change for the Polo?", [task, moved])
    assert reading.kind == "answered" and reading.statement.line == 40 and "28/10" in reading.answer


def test_a_german_possessive_and_its_noun_are_no_name_and_the_name_after_the_kind_word_is():
    from agent.reader_question import named_by_kind
    from agent.reader_text import addresses, names

    assert names("Mein Bruder Lukas lebt in Dresden.")[0] == "Lukas" and "Mein Bruder" not in names("Mein Bruder war da.")
    assert names("Mia holt Ella ab") == ["Mia", "Ella"]  # a name that looks like a possessive stays a name
    assert named_by_kind("Mein Bruder Lukas lebt in Dresden (Neustadt).", "brother") == "Lukas"
    assert named_by_kind("Mein Bruder war übers Wochenende aus Dresden da.", "brother") is None
    assert named_by_kind("Lunch with my sister Joanna at Nando's.", "sister") == "Joanna"
    # The name a line keys with "my <kind>", not the name of whose the kind is, nor a label.
    from agent.reader_question import named_as_mine
    assert named_as_mine("Sem: my nephew, Marloes's oldest. Football-mad.", "nephew") == "Sem"
    assert named_as_mine("Ruth, my godmother, lives in Leeds.", "godmother") == "Ruth"
    assert named_as_mine("Anna: my mother's friend from the choir.", "mother") is None
    assert named_as_mine("Update: my brother moved to Graz.", "brother") is None
    assert addresses("| Lukas Brandt | 0160 5557714 | Louisenstraße 41, 01099 Dresden      |") == ["Louisenstraße 41, 01099 Dresden"]


def test_a_weekday_written_in_another_language_answers_which_day():
    assert dates("Müll: Bio dienstags, Restmüll donnerstags") == ["dienstags", "donnerstags"]
    assert dates("rodízio: segunda-feira (final 1)") == ["segunda-feira"]
    reading = Reader(overlap_model()).read("On which day is the paper bin emptied?", [
        hit("Afval: papier bin op dinsdag, GFT om de week", line=4, topic="Huis", fields={"Afval": "papier bin op dinsdag, GFT om de week"}, kind="kv"),
    ])
    assert reading.kind == "answered" and "dinsdag" in reading.answer


def test_only_a_person_is_named_after_the_kind_word():
    from agent.reader_question import named_by_kind

    assert named_by_kind("Ellen: confirm the App Store marketing date.", "app") is None  # "Store" is no app's name


def test_who_is_someone_is_not_answered_by_their_address_book_card_repeating_the_name():
    """An LDIF or Outlook card gives the name again on every line ("first name: Donghyun",
    "First Name: Lucie; Last Name: ..."); the line that says who they are to the user answers,
    even when the card's lines are retrieved first and would fill every place read."""
    card = [hit(f"Lee Donghyun: {k}: {v}", line=36 + i, rank=i, path="/notes/contacts.ldif", topic="Lee Donghyun")
            for i, (k, v) in enumerate([("first name", "Donghyun"), ("surname", "Lee"), ("mobile", "010-5555-6602"),
                                        ("email", "donghyun.lee@example.kr"), ("last name", "Lee"), ("display name", "Lee Donghyun")])]
    card.append(hit("name: Lee Donghyun", line=35, rank=6, path="/notes/contacts.ldif"))
    family = hit("Family: 형부 = Lee Donghyun (언니's husband, my brother-in-law), nice guy.", line=8, rank=7,
                 path="/notes/Family.md")
    reading = Reader(overlap_model()).read("Who is Lee Donghyun?", card + [family])
    assert reading.kind == "answered" and "brother-in-law" in reading.answer
    row = hit("First Name: Lucie; Last Name: Dvořáková; E-mail Address: lucka@example.cz", line=5, path="/notes/outlook.csv",
              fields={"First Name": "Lucie", "Last Name": "Dvořáková", "E-mail Address": "lucka@example.cz"}, kind="row")
    said = hit("Rodina: brácha Tomáš a švagrová Lucie bydlí taky v Olomouci.", line=4, rank=1, path="/notes/sn.txt")
    reading = Reader(overlap_model()).read("Who is Lucie?", [row, said])
    assert reading.kind == "answered" and "švagrová" in reading.answer


def test_who_is_someone_prefers_the_line_that_says_what_they_are_to_me():
    statements = [
        hit("Choi Yuna: organisation: Dalbit Mobility", line=100, rank=0, path="/notes/contacts.ldif", topic="Choi Yuna"),
        hit("Reorg announced; from today my manager is Choi Yuna.", line=11, rank=1, path="/notes/journal.md"),
    ]
    reading = Reader(overlap_model()).read("Who is Choi Yuna?", statements)
    assert reading.kind == "answered" and "manager" in reading.answer


def test_a_person_called_by_title_and_surname_is_the_one_the_full_name_means():
    statements = [
        hit("First Name: Jana; Last Name: Kratochvílová; Mobile Phone: +420 555 730 912; Home City: Brno", line=11,
            path="/notes/outlook.csv", kind="row",
            fields={"First Name": "Jana", "Last Name": "Kratochvílová", "Mobile Phone": "+420 555 730 912", "Home City": "Brno"}),
        hit("Byt: Pronajímatelka: paní Kratochvílová, komunikace přes e-mail.", line=40, rank=1, path="/notes/byt.md"),
    ]
    reading = Reader(overlap_model()).read("Who is Jana Kratochvílová?", statements)
    assert reading.kind == "answered" and "Pronajímatelka" in reading.answer


def test_a_birthday_to_come_in_a_calendar_is_not_when_someone_was_born():
    """calcurse's yearly appointment carries the next occurrence ("02/14/2099 {1Y}"): nobody is
    born after today, so the diary's date of birth answers, while "When is ..'s birthday?" may
    still be read from the calendar."""
    statements = [
        hit("02/14/2099 [1] {1Y} |Matyáš narozeniny", line=3, rank=0, path="/notes/calcurse/apts"),
        hit("Matyáš was born on 14. 2. 2021 in Brno.", line=12, rank=1, path="/notes/diary.md"),
    ]
    reading = Reader(overlap_model()).read("When was Matyáš born?", statements)
    assert reading.kind == "answered" and "14. 2. 2021" in reading.answer
    alone = Reader(overlap_model()).read("When was Matyáš born?", statements[:1])
    assert alone.kind == "abstained"


def test_czech_dates_with_spaces_are_dates_and_version_numbers_are_not():
    assert dates("OP platí do 3. 4. 2031") == ["3. 4. 2031", "2031"]
    assert dates("zubař přesunut na 10. 12. v 8:00")[0].startswith("10. 12")
    assert dates("Version 1. 2. 3 released") == [] and dates("stálo 1. 2.5 kg") == []


def test_year_first_dotted_and_korean_dates_are_dates_with_a_day():
    from agent.reader_question import birthday_dates

    assert dates("계약기간 2025.04.01 ~ 2027.03.31")[:2] == ["2025.04.01", "2027.03.31"]
    assert latest_date("### 2026.09.07 (월)") == (2026, 9, 7) and latest_date("2026년 9월 15일 화요일") == (2026, 9, 15)
    assert dates("Python 3.11.2") == [] and latest_date("Python 3.11.2") is None
    assert birthday_dates(dates("아빠 생일 11월 3일")) == ["11월 3일"]


def test_two_people_with_one_given_name_written_family_name_first_are_asked_about():
    statements = [
        hit("Kang Minjun: phone: 031-555-4020", line=71, rank=0, path="/notes/contacts.ldif", topic="Kang Minjun"),
        hit("Oh Minjun: mobile: 010-5555-3904", line=86, rank=1, path="/notes/contacts.ldif", topic="Oh Minjun"),
        hit("Dear Minjun: thanks for the books", line=3, rank=2, path="/notes/letters.md"),
    ]
    reading = Reader(overlap_model()).read("What's Minjun's phone number?", statements)
    assert reading.kind == "ambiguous" and "Kang Minjun" in reading.answer and "Oh Minjun" in reading.answer
    assert "Dear" not in reading.answer
    one = Reader(overlap_model()).read("What's Minjun's phone number?", statements[:1])
    assert one.kind == "answered" and "031-555-4020" in one.answer


def test_a_given_name_of_two_words_that_two_rows_head_with_their_family_names_is_asked_about():
    # "Jun" is a month's short name too: before another name in a question it is a given name.
    assert analyse("What's Jun Wei's number?").names == ["Jun Wei"]
    assert analyse("When is May Chen's birthday?").names == ["May Chen"]
    assert analyse("What did I pay in June?").names == [] and analyse("Where was Tom in Jan 2026?").names == ["Tom"]
    statements = [
        hit("Jun Wei (brother): mobile 8163 0927", line=4, rank=0, path="/notes/people/Jun Wei.md", topic="Jun Wei"),
        hit("name: Lim Jun Wei; relation: brother; mobile: 8163 0927", line=2, rank=1, path="/notes/contacts.csv"),
        hit("name: Goh Jun Wei; relation: colleague; mobile: 9120 4455", line=3, rank=2, path="/notes/contacts.csv"),
        hit("Not to be mixed up with Jun Wei Goh from the office", line=7, rank=3, path="/notes/people/Jun Wei.md"),
    ]
    reading = Reader(overlap_model()).read("What's Jun Wei's number?", statements)
    assert reading.kind == "ambiguous" and "Lim Jun Wei" in reading.answer and "Goh Jun Wei" in reading.answer
    # One such row: the one person, answered.
    one = Reader(overlap_model()).read("What's Jun Wei's number?", statements[:2])
    assert one.kind == "answered" and "8163 0927" in one.answer


def test_a_name_that_is_also_a_little_word_is_said_by_its_capital():
    # "Can" (Turkish), "Will", "May": the line's content words drop the little word, its capital keeps the name.
    statements = [
        hit("REM 19 Jul +7 MSG Can doğum günü", line=18, rank=0, path="/notes/reminders.rem"),
        hit("REM 2 Mar +7 MSG Ece doğum günü", line=19, rank=1, path="/notes/reminders.rem"),
    ]
    reading = Reader(overlap_model()).read("When is Can's birthday?", statements)
    assert reading.kind == "answered" and "19 Jul" in reading.answer and reading.statement.line == 18
    # Lower case, "can" is only the verb: no line names that person.
    verb = [hit("You can renew the birthday card order online.", line=3)]
    assert Reader(overlap_model()).read("When is Can's birthday?", verb).kind == "abstained"


def test_a_pets_microchip_vaccine_and_papers_in_the_notes_language_are_glossed():
    from memory.gloss import english_for

    assert "microchip" in english_for("Pamuk: Mikroçip no: 900263000418827")
    assert "microchip" in english_for("Mikrochip-Nr.: 276098106543210")
    assert "microchip" not in english_for("micro SD card, 64 GB")
    # The rest of a Turkish pet and health card: rabies vaccine, allergy, a toll tag.
    assert {"rabies", "vaccine"} <= english_for("Kuduz aşısı: next one 05.03.2027") and "vaccine" in english_for("karma aşı done")
    assert "allergy" in english_for("Alerji: penisilin (rash, 2014)") and "tag" in english_for("HGS etiket no: 0071 5529 84")
    assert not english_for("Asia trip, a basis for the plan")
    assert {"tax", "code", "personal"} <= english_for("Giấy tờ: Mã số thuế cá nhân: 8471923605")  # Vietnamese
    assert "rent" in english_for("Depa: Renta: $11,500 al mes") and "rent" not in english_for("rental car, 3 days")  # Mexico's rent
    statements = [hit("Pamuk: Mikroçip no: 900263000418827", line=8, topic="Pamuk"),
                  hit("REM 5 Mar 2027 +14 MSG Pamuk kuduz aşısı", line=4, rank=1)]
    reading = Reader(overlap_model()).read("What is Pamuk's microchip number?", statements)
    assert reading.kind == "answered" and "900263000418827" in reading.answer


def test_namesakes_with_a_surname_starting_with_any_capital_or_given_in_a_contacts_row():
    from agent.reader_names import namesakes

    texts = ["team lead: Ondřej Šimek (also an Ondřej, another one)", "First Name: Ondřej; Last Name: Malý; Nickname: Ondra"]
    assert namesakes("Ondřej", texts, "") == ["Ondřej Šimek", "Ondřej Malý"]
    assert namesakes("Zoë", ["Zoë Ångström moved", "Zoë said"], "") == ["Zoë Ångström"]


def test_a_kind_word_said_only_as_someones_owner_names_no_one_of_that_kind():
    from agent.reader_question import kind_only_owning

    assert kind_only_owning("형부 = Lee Donghyun (언니's husband, my brother-in-law)", "sister")
    assert not kind_only_owning("조카들 (언니's kids): Lee Haeun, at home with 언니", "sister")
    assert not kind_only_owning("Rodina: mamka = Eva Dvořáková", "mum")


def test_a_year_first_dotted_date_is_no_phone_number():
    assert phones("조카: Lee Haeun, born 2023.09.30, at home") == []
    assert phones("call 010.5555.7310") == ["010.5555.7310"]


def test_names_starting_with_any_latin_capital_are_names():
    from agent.reader_text import names

    assert names("Who is Ondřej Šimek?") == ["Ondřej Šimek"] and names("Where does Łukasz Żak live?") == ["Łukasz Żak"]
    reading = Reader(overlap_model()).read("Who is Ondřej Šimek?", [
        hit("team lead: Ondřej Šimek (also an Ondřej, another one)", line=4, rank=0, path="/notes/work.md"),
        hit("First Name: Ondřej; Last Name: Malý; Nickname: Ondra", line=8, rank=1, path="/notes/contacts.csv",
            fields={"First Name": "Ondřej", "Last Name": "Malý", "Nickname": "Ondra"}, kind="row"),
    ])
    assert reading.kind == "answered" and "team lead" in reading.answer.lower()


def test_a_name_is_not_run_on_into_a_word_that_starts_like_de_or_da():
    """"Sophie Tran's deposit": "de" of "deposit" is no "de" of "Casa de Lucía", so the name is
    Sophie Tran, not "Sophie Tran's" (which no line would hold)."""
    from agent.reader_text import names

    assert names("How much did I keep back from Sophie Tran's deposit?") == ["Sophie Tran"]
    assert names("Dinner at Casa de Lucía with Maria da Silva") == ["Dinner", "Casa de Lucía", "Maria da Silva"]
    assert analyse("What is my Meezan Bank IBAN?").names == ["Meezan Bank"]


def test_a_name_is_said_by_its_initial_by_a_word_a_hyphen_joins_and_without_its_kind():
    """Quick notes shorten names: "Sophie T's deposit" is Sophie Tran's, "GR-No: 18842" on
    Rayyan's row is his GR number, "Account meezan" is the Meezan Bank account. A line about
    another Sophie, or a Meezan line that names no IBAN's owner by another word, stays apart."""
    deposit = hit("return Sophie T's deposit: £620 back to her, £60 kept (half the bedroom repaint)", line=7)
    other = hit("Sophie K's deposit: £700, all of it back to her", line=8, rank=1)
    reading = Reader(overlap_model()).read("How much did I keep back from Sophie Tran's deposit?", [other, deposit])
    assert reading.kind == "answered" and reading.statement.line == 7
    row = hit("Muhammad Rayyan Bilal: GR-No: 18842", line=3, path="/notes/school.md")
    reading = Reader(overlap_model()).read("What is Rayyan's GR number at school?", [row])
    assert reading.kind == "answered" and "18842" in reading.answer
    iban = hit("Account meezan: IBAN: PK36MEZN0002010105554127", line=5, path="/notes/bank.md")
    reading = Reader(overlap_model()).read("What is my Meezan Bank IBAN?", [iban])
    assert reading.kind == "answered" and "PK36MEZN0002010105554127" in reading.answer
    # The bank's own name must still be said: an HBL line is no Meezan account.
    hbl = hit("Account HBL: IBAN: PK11HABB0000111122223333", line=6, path="/notes/bank.md")
    assert Reader(overlap_model()).read("What is my Meezan Bank IBAN?", [hbl]).kind != "answered"


def test_a_number_plate_written_in_groups_is_read_whole():
    """Plates are written in groups of capitals and digits: asked for the plate, the whole of
    "RZK 19D", "B 1927 PKS", "KA 05 MN 2231" or "กข 5531" is the answer, not its last group; an
    amount, a date, an hour or a car's model and year is no plate."""
    from agent.reader_question import typed_values

    asked = "What is the Brio's plate number?"
    assert typed_values("Kia e-Niro (2022), RZK 19D: Elin's car", "code", exclude=asked) == ["RZK 19D"]
    assert typed_values("Plat: B 1927 PKS, atas nama Dimas Prasetyo.", "code", exclude=asked) == ["B 1927 PKS"]
    assert typed_values("reg: KA 05 MN 2231", "code", exclude=asked) == ["KA 05 MN 2231"]
    assert typed_values("Honda City กข 5531, white", "code", exclude=asked) == ["กข 5531"]
    assert typed_values("BMW X5 2019, reg AB12 CDE", "code", exclude=asked) == ["AB12 CDE"]
    assert typed_values("paid 1 450 EUR on 12 MAY 2026 at 10 AM", "code", exclude=asked) == []
    # Asked for another code, the groups are not joined into a plate.
    assert "KA 05 MN 2231" not in typed_values("reg: KA 05 MN 2231", "code", exclude="What is the policy number?")
    brio = hit("Plat: B 1927 PKS, atas nama Dimas Prasetyo.", line=4, topic="Honda Brio")
    reading = Reader(overlap_model()).read(asked, [brio])
    assert reading.kind == "answered" and "B 1927 PKS" in reading.answer


def test_a_line_that_names_the_daycare_and_no_teacher_does_not_name_the_daycare_teacher():
    """The name asked is the teacher's: "Little Otters Daycare" on Rin's card names her daycare, and
    the card says no teacher; a line that says the teacher names her."""
    card = hit("name: Rin Ross; relation: daughter; city: Vancouver; notes: Little Otters Daycare (drop-off 8:15)", line=3,
               fields={"name": "Rin Ross", "relation": "daughter", "city": "Vancouver", "notes": "Little Otters Daycare (drop-off 8:15)"})
    assert Reader(overlap_model()).read("What is the name of Rin's daycare teacher?", [card]).kind != "answered"
    teacher = hit("Rin: daycare teacher is Ms. Okada, very kind.", line=5)
    assert "Okada" in Reader(overlap_model()).read("What is the name of Rin's daycare teacher?", [card, teacher]).answer
    # Of two lines about Sabina, the one that says the teacher answers, by the name after the
    # role's word in the notes' language ("Tarbiyachi" is the label, not her name).
    kindergarten = hit("Sabina: Kindergarten: \"Little Stars\" private bog'cha on Shahriston street, group Quyoncha.", line=12)
    tarbiyachi = hit("Sabina: Tarbiyachi (teacher): Dilnoza Rashidova. Very kind, sends photos every day.", line=13, rank=1)
    reading = Reader(overlap_model(Little=0.5)).read("Who is Sabina's kindergarten teacher?", [kindergarten, tarbiyachi])
    assert reading.kind == "answered" and reading.value == "Dilnoza Rashidova"
    # A squad list's "parent/guardian" column says the player's mum; it says no coach.
    squad = hit("no: 7; name: Harper Nguyen; parent/guardian: Linh Nguyen; mobile: 0491 571 804", line=8, path="/notes/squad.tsv",
                fields={"no": "7", "name": "Harper Nguyen", "parent/guardian": "Linh Nguyen", "mobile": "0491 571 804"})
    assert "0491 571 804" in Reader(overlap_model()).read("What's the phone number of Harper's mum?", [squad]).answer
    assert Reader(overlap_model()).read("What's the phone number of Harper's coach?", [squad]).kind != "answered"


def test_an_interest_rate_is_a_percentage_not_the_amount_it_is_paid_on():
    """"What interest rate does my deposit pay?" asks for "22%", not the 40 000 000 so'm the
    deposit holds (the question's "pay" is no price)."""
    assert analyse("What interest rate does my TBC deposit pay?").want == "percent"
    assert analyse("How many percent will I work at the Spital?").want == "percent"
    deposit = hit("TBC Bank omonat (deposit): 40 000 000 so'm, 12 months, opened 10.11.2025, 22% a year, interest monthly.", line=7)
    reading = Reader(overlap_model()).read("What interest rate does my TBC deposit pay?", [deposit])
    assert reading.kind == "answered" and reading.value == "22%"
    loan = hit("전세대출: 금리 3.94% (변동, 6개월마다).", line=3)
    assert Reader(overlap_model()).read("What's the interest rate on my jeonse loan?", [loan]).value == "3.94%"


def test_a_newer_rate_said_without_the_loans_name_revises_the_rate():
    """The card: "Rate 11.5%, fixed ..., then reset to the bank's reference rate" (its own rate is
    said first; the reference rate is another it speaks of). The letter: "new rate 10.4% from
    November" ("new" says which version, not which kind of rate) revises it though it never says
    mortgage or interest: the percentage says the rate."""
    card = hit("Rate 11.5%, fixed for the first 3.5 years, then reset to the bank's reference rate + margin.", line=4,
               topic="Mortgage (Komitas flat)", path="/notes/admin.md")
    letter = hit("2026-10-06 Tue: Ameria letter: the fixed period ends, new rate 10.4% from November.", line=9, rank=1,
                 path="/notes/journal/2026-10.md")
    reading = Reader(overlap_model()).read("What is the mortgage interest rate now?", [card, letter])
    assert reading.kind == "answered" and reading.value == "10.4%"
    assert Reader(overlap_model()).read("What is the mortgage interest rate?", [card]).value == "11.5%"


def test_a_dated_line_that_switches_to_a_new_one_revises_the_undated_card():
    """"Switched the internet to Sarkor Telecom", "the office is now in Tashkent City", "the rate is
    lower now: 19%": dated journal lines that state a change are newer than the undated card."""
    from agent.reader_versions import REVISES

    assert REVISES.search("01.11.2026 — Switched the internet to Sarkor Telecom (200 Mbit)")
    assert REVISES.search("the rate is lower now: 19% a year") and REVISES.search("the office is now in Tashkent City")
    assert not REVISES.search("moved the policy to the Kia") and not REVISES.search("He is now at home")
    card = hit("Internet: Uztelecom fibre 100 Mbit, 189 000 so'm a month, contract in my name.", line=5, path="/notes/home.md",
               topic="Internet")
    switched = hit("01.11.2026 — Switched the internet to Sarkor Telecom (200 Mbit, 165 000 so'm a month).", line=3, rank=1,
                   path="/notes/journal 2026-11.md")
    reading = Reader(overlap_model()).read("Who is our internet provider?", [card, switched])
    assert reading.kind == "answered" and "Sarkor Telecom" in reading.answer


def test_a_change_of_another_thing_is_no_newer_version_of_the_day_asked():
    """"The wedding is now at Villa Chbat, same day, Saturday 5 June 2027" says the place changed;
    asked by when to reply, the invitation's "RSVP by 31 January" still answers."""
    rsvp = hit("RSVP to me by 31 January please, with the number of people and any allergies.", line=4,
               path="/notes/Rami's wedding.md", topic="Rami's wedding")
    moved = hit("The wedding is now at Villa Chbat, same day, Saturday 5 June 2027, ceremony 17:00 at Saint Elie church.", line=9,
                rank=1, path="/notes/Rami's wedding.md", topic="Rami's wedding")
    reading = Reader(overlap_model(Villa=0.3)).read("rsvp for ramis wedding by when", [moved, rsvp])
    assert reading.kind == "answered" and "31 January" in reading.answer


def test_the_groups_of_an_amount_are_no_code():
    from agent.reader_question import typed_values

    row = "Date: 15.11.2026; Number: SIPO; Description: ČEZ Prodej záloha; Amount Num.: 1 450,00; Rate/Price: 1,0000"
    assert typed_values(row, "code", exclude="What's my ČEZ customer number?") == []
    assert typed_values("ČEZ customer number 4410 2291", "code", exclude="What's my ČEZ customer number?")
    reading = Reader(overlap_model()).read("What's my ČEZ customer number?", [hit(row, line=80, path="/notes/gnucash.csv")])
    assert reading.kind == "abstained"


def test_a_quoted_amount_or_a_transaction_guid_is_no_account_number():
    from agent.reader_question import _codes

    row = hit("Date: 03.09.2026; Description: Zálohy; Account Name: Fio banka; Amount With Sym: -3 650,00 Kč; Rate/Price: 1,0000",
              kind="row", path="/notes/gnucash.csv", line=67,
              fields={"Date": "03.09.2026", "Description": "Zálohy", "Account Name": "Fio banka",
                      "Amount With Sym": "-3 650,00 Kč", "Rate/Price": "1,0000"})
    # GnuCash quotes only the cells that hold a comma, and writes each transaction's GUID.
    row.source = '03.09.2026,e032da4c1e62e94fc36b3f99bb138831,TP,Zálohy,,CURRENCY::CZK,,,,Fio banka,"-3 650,00 Kč",n,,"1,0000"'
    reading = Reader(overlap_model()).read("What's the landlord's bank account number for the rent?", [row])
    assert reading.kind == "abstained"
    assert _codes(row.source, "What is the transaction id?") == ["e032da4c1e62e94fc36b3f99bb138831"]
    assert _codes('Door: "4821" (new since May)', "What's the door code?") == ['"4821"']  # quoted digits stay a code
    assert _codes('Fio "2801937465/2010"', "What's my account number?") == ['"2801937465/2010"']


def test_a_line_giving_a_date_range_says_when_it_ends():
    statements = [
        hit("Internet / TV: 약정 3년, ends 2027.01.09 — call before then", line=28, rank=0, path="/notes/home.md"),
        hit("전세 계약: 계약기간 2025.04.01 ~ 2027.03.31", line=11, rank=1, path="/notes/home.md", topic="전세 계약"),
    ]
    reading = Reader(overlap_model()).read("When does my jeonse contract end?", statements)
    assert reading.kind == "answered" and "2027.03.31" in reading.answer
    byt = [hit("Byt: Smlouva na dobu určitou 1. 9. 2025 – 31. 8. 2027, pak prodloužení o 2 roky.", line=14, path="/notes/byt.md")]
    reading = Reader(overlap_model()).read("when does the flat contract end", byt)
    assert reading.kind == "answered" and "31. 8. 2027" in reading.answer


def test_a_german_noun_before_a_first_name_is_no_family_name():
    from agent.reader_names import namesakes

    assert namesakes("Ella", ["Zahnarzt Ella: 12.11. um 15:30 bei Dr. Voigt", "Ella: geboren 14.02.2022"], "") == []


def test_a_surname_the_question_gives_with_its_given_name_has_no_namesakes_by_family_name_first():
    from agent.reader_names import namesakes

    cards = ["Divya Menon: mobile: +91 98220 55514", "Arjun Menon: mobile: +91 98220 55520"]
    # "Divya Menon's number" (rohan lr32): Menon is her surname, so only Arjun is another Menon.
    assert namesakes("Menon", cards, "what is divya menon's phone number?") == ["Arjun Menon"]


def test_a_word_with_marks_is_the_word_typed_without_them():
    # A question typed on an English keyboard: "paivakoti", "police" for "päiväkoti", "poliçe".
    from agent.reader_text import stem
    assert stem("Päiväkoti") == stem("paivakoti") and stem("poliçe") == stem("policy")
    assert stem("엄마가") == "엄마가"  # Hangul stays as written (decomposed it would be its letters)


def test_a_line_holding_the_asked_kind_of_value_answers_before_one_that_points_elsewhere():
    statements = [
        StatementHit(id="/notes/ev.org:29", path="/notes/ev.org", line=29, end_line=29, rank=0, topic="", fields={},
                     kind="sentence", text="Deprem: DASK poliçesi: see Kimlik ve belgeler.",
                     source="- Deprem: DASK poliçesi: see [[id:c81f5e20-9b3a-4d77-8e12-4a6b0f2d9c31][Kimlik ve belgeler]]."),
        hit("Kimlik ve belgeler: DASK poliçe no: 70518834 (Türk Nippon Sigorta)", line=12, rank=1, path="/notes/kimlik.org"),
    ]
    reading = Reader(overlap_model()).read("What is the DASK policy number?", statements)
    assert reading.kind == "answered" and "70518834" in reading.answer


def test_a_name_a_card_says_is_also_known_as_is_the_same_person():
    from agent.reader_names import namesakes
    texts = ["Selin Aydın: also known as: Selin Tuna", "Eşim: Selin Aydın. Mimar. Doğum günü 11.04."]
    assert namesakes("Selin", texts, "When is Selin's birthday?") == ["Selin Aydın"]
    assert namesakes("Selin", ["Selin Aydın: phone", "Selin Tuna: phone"], "When is Selin's birthday?") == ["Selin Aydın", "Selin Tuna"]


def test_dotted_dates_end_a_sentence_or_go_without_their_year():
    assert dates("Ilona Lehtonen, born 2.6.2022.")[0] == "2.6.2022"
    assert dates("Synttärit 28.8. Teaches physics.") == ["28.8"]
    assert dates("rated 4.5 stars") == [] and dates("version 1.2.3.") == []
    # The day a new number starts on is not part of the number.
    assert phones("Mulla on uusi numero 1.11. alkaen: 045 555 6612.") == ["045 555 6612"]


def test_a_long_compound_ending_in_the_asked_word_says_it():
    statements = [
        hit("Ilona: Pähkinäallergia!", line=9, rank=1, path="/notes/ilona.note"),
        hit("Ilona: Kengännumero 27 (syksy 2026).", line=11, rank=0, path="/notes/ilona.note"),
    ]
    cover = {c.statement.line: c.cover for c in Reader(overlap_model()).candidates(analyse("What is Ilona allergic to?"), statements)}
    assert cover == {9: 1.0, 11: 0.5}
    reading = Reader(overlap_model()).read("What is Ilona allergic to?", statements)
    assert reading.kind == "answered" and "Pähkinäallergia" in reading.answer


def test_an_engine_size_is_no_code_and_a_card_line_does_not_say_who_someone_is():
    from agent.reader_question import typed_values
    assert typed_values("Araba (Clio): Renault Clio 1.0 TCe Joy, 2019", "code", exclude="What is the Clio's chassis number?") == []
    statements = [
        hit("Murat Kılınç: address (home): Hoşdere Cad. No: 196/11, Çankaya, Ankara", line=6, rank=0, path="/notes/bbdb",
            fields={"address (home)": "Hoşdere Cad. No: 196/11, Çankaya, Ankara"}),
        hit("Ablamın ailesi: Enişte: Murat Kılınç, Zeynep's husband. Civil engineer.", line=20, rank=1, path="/notes/aile.org"),
    ]
    reading = Reader(overlap_model()).read("Who is Murat Kılınç?", statements)
    assert reading.kind == "answered" and "Zeynep's husband" in reading.answer


def test_an_amount_in_lira_is_no_code_and_an_address_with_a_door_number_is_contact_only():
    from agent.reader_defines import _contact_only
    from agent.reader_question import typed_values
    assert "500" not in typed_values("HGS etiket no: 0071 5529 84 (auto top-up ₺500)", "code", exclude="What is the chassis number?")
    card = hit("Tolga Er: address (work): Moda Cad. No: 171, Kadıköy", fields={"address (work)": "Moda Cad", "No": "171, Kadıköy"})
    assert _contact_only(analyse("Who is Tolga Er?"), card)


def test_a_journal_kept_as_folders_of_years_months_and_days_dates_its_pages():
    from agent.reader_text import latest_date
    assert latest_date("/notes/Trilium/Journal/2026/11 - November/17 - Tuesday.html") == (2026, 11, 17)
    assert latest_date("/notes/Daily/2026/November/3.md") == (2026, 11, 3)
    assert latest_date("/notes/Journal/2026/11 - November.html") is None  # a month's page is no day
    assert latest_date("ratio 2026/11/170") is None


def _ledger_rows(payee: str, n: int) -> list[StatementHit]:
    return [hit(f"Account: Main; Date: {d:02d}/07/2026; Payee: {payee}; Category: Income; Inflow: $2,100.00", line=d + 1, rank=d,
                path="/notes/budget.csv", kind="row",
                fields={"Account": "Main", "Date": f"{d:02d}/07/2026", "Payee": payee, "Inflow": "$2,100.00"},
                ) for d in range(1, n + 1)]


def test_a_cards_line_is_about_what_the_card_names_past_a_run_of_alike_ledger_rows():
    card = [hit("Work: Employer: Halvard", line=5, path="/notes/work.adoc", topic="Work", kind="bullet",
                fields={"Employer": "Halvard"}),
            hit("Work: Staff number: HV-3317", line=8, path="/notes/work.adoc", topic="Work", kind="bullet",
                fields={"Staff number": "HV-3317"})]
    reading = Reader(overlap_model()).read("What's my staff number at Halvard?", _ledger_rows("Halvard", 5) + card[::-1])
    assert reading.kind == "answered" and "HV-3317" in reading.answer
    # Another card's number is not the one at Halvard: the card must name it.
    other = [hit("Gym: Staff number: GY-0042", line=3, path="/notes/gym.adoc", topic="Gym", kind="bullet",
                 fields={"Staff number": "GY-0042"})]
    assert "GY-0042" not in Reader(overlap_model()).read("What's my staff number at Halvard?", _ledger_rows("Halvard", 5) + other).answer
    # A contact list names its people in its keys: Ana's line is not about Bruno.
    contacts = [hit("Contacts: Bruno: +351 91 555 0101", line=2, path="/notes/c.adoc", topic="Contacts", kind="bullet",
                    fields={"Bruno": "+351 91 555 0101"}),
                hit("Contacts: Ana: Bruno", line=3, path="/notes/c.adoc", topic="Contacts", kind="bullet", fields={"Ana": "Bruno"})]
    assert "0101" in Reader(overlap_model()).read("What's Bruno's phone number?", contacts).answer


def test_a_quoted_csv_cell_is_no_code():
    row = hit("Account: Main; Payee: Aqua; Outflow: $318.00", kind="row", path="/notes/budget.csv",
              fields={"Account": "Main", "Payee": "Aqua", "Outflow": "$318.00"})
    row.source = '"Main","","08/08/2026","Aqua","$318.00"'
    reading = Reader(overlap_model()).read("What's my Aqua account number?", [row])
    assert reading.kind == "abstained"
    # A row that quotes only the cells holding a comma still gives the codes in its others.
    paid = hit("Receipt No.: UJ1; Details: Pay Bill to 555444 - CITY WATER Acc. 20555014; Withdrawn: -1,200.00", kind="row",
               path="/notes/mpesa.csv", fields={"Receipt No.": "UJ1", "Details": "Pay Bill to 555444 - CITY WATER Acc. 20555014",
                                                "Withdrawn": "-1,200.00"})
    paid.source = 'UJ1,2026-10-21 18:02:19,Pay Bill to 555444 - CITY WATER Acc. 20555014,COMPLETED,,"-1,200.00","15,760.50"'
    question = analyse("What's my City Water account number?")
    assert "20555014" in Reader(overlap_model()).candidates(question, [paid])[0].typed


def test_forints_are_money_and_feet_are_not():
    assert money("Kaució: 380 000 Ft (két havi)") == ["380 000 Ft"] and money("~9 800 Ft") == ["9 800 Ft"]
    assert money("the shelf is 6 ft tall") == []
    reading = Reader(overlap_model()).read("How much deposit did we pay for the flat?", [
        hit("Lakás: Kaució: 380 000 Ft (két havi)", line=8, kind="bullet", fields={"Kaució": "380 000 Ft (két havi)"}),
        hit("Type: TOPUP; Amount: 420000.00; Currency: HUF", line=2, path="/notes/bank.csv", kind="row",
            fields={"Type": "TOPUP", "Amount": "420000.00", "Currency": "HUF"}),
    ])
    assert reading.kind == "answered" and "380 000 Ft" in reading.answer


def test_a_pages_name_in_another_language_says_what_its_lines_are_about():
    line = "Wi-Fi: hálózat Otthon_5G, jelszó almafa12."
    at_home = Reader(overlap_model()).read("What's our home Wi-Fi password?", [hit(line, path="/notes/otthon/lakas.rst", topic="Rezsi")])
    assert at_home.kind == "answered" and "almafa12" in at_home.answer  # "lakás" is the flat, the home
    at_work = Reader(overlap_model()).read("What's our home Wi-Fi password?", [hit(line, path="/notes/office.md", topic="Rezsi")])
    assert at_work.kind == "abstained"


def test_nordic_dates_streets_and_codes_are_values_of_their_kind():
    """"2. august" is a date (the ordinal dot before a month English spells alike), as are
    "5. desember 2025" and "9. maj"; "Ladegårdsgaten 17" and "Solbakken 4" are addresses; the
    year-like "1906" after "kode:" is a code."""
    from agent.reader_question import _codes
    from agent.reader_text import addresses

    assert dates("Mormor bursdag: 2. august (1940)") == ["2. august", "1940"]
    assert dates("Eirik bursdag: 27. november") == ["27. november"]
    assert dates("Frist 5. desember 2025") == ["5. desember 2025", "2025"] and dates("Fødselsdag 9. maj") == ["9. maj"]
    assert dates("Chapter 3. Then we left") == []
    # A month and year in the note's language dates the line ("28 (mai 2026)"), as "May 2026" does.
    assert latest_date("Skostørrelse: 28 (mai 2026)") == (2026, 5, 0) == latest_date("size 28 (May 2026)")
    assert latest_date("novo prazo: novembro de 2026") == (2026, 11, 0)
    assert addresses("Adresse: Storegaten 17, leil. H0302, 5033 Bergen") == ["Storegaten 17, leil. H0302, 5033 Bergen"]
    assert addresses("Solbakken 4, 8006 Bodø") == ["Solbakken 4, 8006 Bodø"]
    assert addresses("Gate 12 closes at 9") == []
    assert _codes("Nøkkelboks hytta – kode: 1906", "What is the key box code?") == ["1906"]
    assert _codes("Built in 1906", "What is the key box code?") == []


def test_a_label_before_a_word_is_not_a_kind_of_it_and_a_word_that_only_begins_alike_is_another():
    """"Borettslag: felleskostnadene øker til 6 890 kr/mnd" answers "our monthly felleskostnader"
    (the label is not a kind of the costs, "fellesgjelden" only begins like them); "car
    insurance" is still another kind than "tenant insurance"."""
    from agent.reader_relate import other_kind

    line = "Brev fra borettslag: felleskostnadene øker til 6 890 kr/mnd på grunn av renter på fellesgjelden"
    assert not other_kind("How much are our monthly felleskostnader now?", "felleskostnader", line)
    assert other_kind("What is my tenant insurance number?", "insurance", "Renewed the car insurance: 1234")
    assert other_kind("When is my physio appointment?", "appointment", "cataract appointment on 3 May")
    assert other_kind("What is my blood type?", "type", "See help(type(self)) for accurate signature.")  # a bracket is no label


def test_a_diary_headings_day_takes_its_pages_year_and_a_payment_is_no_annual_salary():
    from agent.reader_dates import version_date

    profile = hit("Jobb: Annual salary 712 000 kr (since 01.05.2025).", line=9, path="/notes/life.ctd", topic="Jobb")
    profile.written = "2026-01-01"  # the node's last save
    diary = hit("Pay talks done: new annual salary 738 000 kr from May.", line=22, path="/notes/_drafts/diary-2026-09.md",
                topic="Friday 11. September")
    diary.written = "2026-09-30"  # the page's front matter
    assert version_date(diary) == (2026, 9, 11)
    late = hit("Pay talks.", path="/notes/_drafts/diary.md", topic="30 December")
    late.written = "2027-01-02"
    assert version_date(late) == (2026, 12, 30)  # a heading after the page's day is of the year before
    payment = hit("date: 2026-10-12; amount: 53412.00 NOK; text: Salary October", line=114, path="/notes/bank/camt053.xml",
                  kind="row", fields={"date": "2026-10-12", "amount": "53412.00 NOK", "text": "Salary October"})
    reading = Reader(overlap_model()).read("What's my annual salary?", [profile, diary, payment])
    assert reading.kind == "answered" and "738 000" in reading.answer
    assert reading.statement.path.endswith("diary-2026-09.md")


def test_ukrainian_lines_that_state_a_change_revise_and_plain_ones_do_not():
    from agent.reader_versions import revises
    assert revises(hit("Оксана тепер ходить на танці по середах."))
    assert revises(hit("З березня внесок 500 грн замість 450."))
    assert revises(hit("Лікар підняв дозу до 10 мг."))
    assert revises(hit("Іван переїхав у Київ, новий номер +380 00 000 0001."))
    assert not revises(hit("Танці: понеділок 17:00, 450 грн."))
    assert not revises(hit("Ваги 12,5 кг, треба худнути."))


def test_ukrainian_weekdays_are_days_and_cyrillic_names_are_names():
    from agent.reader_text import names
    assert dates("Оксана ходить на танці по середах о 17:00") == ["середах"]
    assert set(dates("працюю вт, чт, сб")) == {"вт", "чт", "сб"}
    assert "Оксана Лисенко" in names("Хрещена — Оксана Лисенко, тел. +380 00 000 0000")


def test_a_question_in_english_finds_a_ukrainian_line_by_the_romanized_name():
    statements = [
        hit("Данило: Школа: Київський ліцей №12, 3-А клас", line=5, rank=0, path="/notes/сімʼя.md"),
        hit("Оксана: Школа: Ірпінська гімназія №4, 5-Б клас", line=9, rank=1, path="/notes/сімʼя.md"),
    ]
    reading = Reader(overlap_model()).read("What school does Danylo go to?", statements)
    assert reading.kind == "answered" and "№12" in reading.answer


def test_who_is_someone_named_in_latin_letters_is_read_from_the_ukrainian_line_that_says_it():
    from agent.reader_defines import defines
    info = analyse("Who is Oksana Lysenko?")
    assert defines(info, hit("Данило: Танці: тренерка Оксана Лисенко, середа 17:00"))
    assert defines(info, hit("Будинок: Голова правління — Оксана Лисенко. Внесок 500 грн"))
    assert not defines(info, hit("Хто: Оксана Лисенко; Телефон: +380 00 000 0000"))  # her number is not who she is
    assert defines(analyse("Who is Bosyk?"), hit("Босик (пес, 4 роки): Чіп 000000000000001"))


def test_a_first_name_two_ukrainian_lines_give_with_two_surnames_is_asked_about_as_the_notes_write_them():
    statements = [
        hit("Хто: Оксана Лисенко; Телефон: +380 00 000 0001", line=4, rank=0, path="/notes/Контакти.md", kind="row"),
        hit("Хто: Оксана Мельничук; Телефон: +380 00 000 0002", line=5, rank=1, path="/notes/Контакти.md", kind="row"),
    ]
    reading = Reader(overlap_model()).read("What's Oksana's phone number?", statements)
    assert reading.kind == "ambiguous" and "Оксана Лисенко" in reading.answer and "Оксана Мельничук" in reading.answer


def _mentions_in(rows: dict[str, int]):
    """The notes' full-text lookup over a few rows that a test may delete from as it goes."""
    return lambda word: [t for t in rows if word in t]


def test_a_first_name_asked_as_an_owner_finds_its_namesakes_as_the_cyrillic_notes_write_them():
    # "Dimka's number?": the possessive makes the name an owner, not a capitalised name, and the
    # notes never write it in Latin letters; the other Димка's row shares no word with the question.
    rows = {"Кой: Димка Колева; телефон: 0800 000 001": 4, "Кой: Димка Тонева; телефон: 0800 000 002": 9}
    statements = [hit("Кой: Димка Колева; телефон: 0800 000 001", line=4, rank=0, path="/notes/Важно.md", kind="row")]
    mentions = _mentions_in(rows)
    reading = Reader(overlap_model(), mentions=mentions).read("Dimka's number?", statements)
    assert reading.kind == "ambiguous" and "Димка Колева" in reading.answer and "Димка Тонева" in reading.answer
    # One Димка in the notes is no question to ask back.
    del rows["Кой: Димка Тонева; телефон: 0800 000 002"]
    reading = Reader(overlap_model(), mentions=mentions).read("Dimka's number?", statements)
    assert reading.kind == "answered" and "0800 000 001" in reading.answer


def test_a_first_name_asked_in_latin_finds_its_namesakes_as_greek_notes_write_them():
    """"What is Giorgos's phone number?" of contacts that write "Γιώργος Βλάχος" only in Greek and
    "Γιώργος Παππάς (Giorgos Pappas)" both ways: two people to ask about, the one written both
    ways named once; with one Γιώργος in the notes, his number."""
    from agent.reader_text import greek_in_latin
    assert [greek_in_latin(w) for w in ("Γιώργος", "Νίκος", "Κωνσταντίνος", "Ντίνος", "Βλάχος")] == \
        ["giorgos", "nikos", "konstantinos", "dinos", "vlachos"]
    rows = {"όνομα: Γιώργος Παππάς (Giorgos Pappas); κινητό: 693 000 0001": 46, "όνομα: Γιώργος Βλάχος; κινητό: 697 000 0002": 44}
    statements = [hit("όνομα: Γιώργος Παππάς (Giorgos Pappas); κινητό: 693 000 0001", line=46, rank=0, path="/notes/Επαφές.xml", kind="row")]
    mentions = _mentions_in(rows)
    reading = Reader(overlap_model(), mentions=mentions).read("What is Giorgos's phone number?", statements)
    assert reading.kind == "ambiguous" and "Γιώργος Βλάχος" in reading.answer and "Pappas" in reading.answer
    assert "Γιώργος Παππάς" not in reading.answer  # the same man as Giorgos Pappas
    del rows["όνομα: Γιώργος Βλάχος; κινητό: 697 000 0002"]
    reading = Reader(overlap_model(), mentions=mentions).read("What is Giorgos's phone number?", statements)
    assert reading.kind == "answered" and "693 000 0001" in reading.answer


def test_a_name_after_a_word_of_address_has_namesakes_and_a_full_name_has_none():
    """"Pak Haji" is Mr Haji: the notes' two Hajis are asked about. "Rein Kask's" names one
    person: the other Kasks of the family are not his namesakes."""
    hajis = [hit("Kontak: Haji Rahmat (pemilik rumah), 0812 0000 0001", line=3, rank=0),
             hit("Kontak: Haji Soleh (RT), 0812 0000 0002", line=4, rank=1)]
    reading = Reader(overlap_model()).read("What's Pak Haji's number?", hajis)
    assert reading.kind == "ambiguous" and "Haji Rahmat" in reading.answer and "Haji Soleh" in reading.answer
    kasks = [hit("Rein Kask: phone: +372 5000 0001", line=5, rank=0), hit("Mari Kask: phone: +372 5000 0003", line=6, rank=1),
             hit("Mia Kask: born: 2020-05-09", line=7, rank=2), hit("Oskar Kask: born: 2023-01-27", line=8, rank=3)]

    def mentions(word: str) -> list[str]:
        return [h.text for h in kasks if word in h.text]

    reading = Reader(overlap_model(), mentions=mentions).read("What is Rein Kask's phone number?", kasks)
    assert reading.kind == "answered" and "+372 5000 0001" in reading.answer


def test_ukrainian_streets_weights_and_doses_are_read():
    from agent.reader_question import typed_values
    from agent.reader_text import addresses
    assert addresses("Живе у Києві: вул. Лісова, 12, кв. 3")[0].startswith("вул. Лісова, 12, кв. 3")
    assert addresses("Офіс: просп. Свободи 28")[0].startswith("просп. Свободи 28")
    assert typed_values("Рекс важить 12,4 кг", "weight") == ["12,4 кг"]
    assert typed_values("Лікар підняв дозу до 10 мг", "dose") == ["10 мг"]


def test_a_date_written_with_dots_is_no_phone_number_and_a_ukrainian_kind_names_the_person_after_its_dash():
    from agent.reader_question import named_by_kind
    assert phones("Поліс діє до 02.07.2027 (оформлював Іван)") == []
    assert phones("Іван: +380 00 000 0003") == ["+380 00 000 0003"]
    assert named_by_kind("Данило: Хрещена — Оксана Лисенко, хресний — Іван", "godmother") == "Оксана Лисенко"
    assert named_by_kind("Данило: Класна керівниця — Ганна Петрівна (вчителька)", "teacher") == "Ганна Петрівна"


def test_a_ukrainian_verb_that_opens_a_sentence_is_no_name():
    statements = [hit("Ходить до сімейної лікарки в поліклініку біля ринку, мама каже, що там добре.", line=3, path="/notes/мама.md")]
    reading = Reader(overlap_model()).read("What's the name of mum's family doctor?", statements)
    assert reading.value != "Ходить" and not reading.answer.startswith("Ходить")


def test_a_ukrainian_line_names_the_kind_in_brackets_after_the_name():
    from agent.reader_question import named_by_kind
    assert named_by_kind("Данило: Хрещена — Оксана Лисенко, хресний — Іван (мій брат)", "brother") == "Іван"
    assert named_by_kind("Данило: Хрещена — Оксана Лисенко, хресний — Іван (мій брат)", "sister") is None


def test_two_ukrainian_lines_of_one_note_with_the_same_shape_are_records_of_one_kind():
    from agent.reader_parallel import _shape
    a = _shape("Сказ: 01.02.2025, наступна — 01.02.2026", ["01.02.2026"])
    b = _shape("Сказ: 03.04.2025, наступна — 03.04.2026", ["03.04.2026"])
    assert a and len(a & b) / len(a | b) >= 0.5
def test_a_street_and_number_before_a_postcode_and_town_is_an_address():
    """Most of Europe writes "Street 12, 12345 Town" with no word for street; Spanish abbreviates
    the avenue ("Av. Corrientes 1234"). A year before a number ("Invoice 2024, 12345 ...") is not."""
    from agent.reader_text import addresses

    assert addresses("Lipova 17, 21000 Split (3. kat)")[0].startswith("Lipova 17, 21000 Split")
    assert addresses("Rynek Główny 12, 31-042 Kraków")[0].startswith("Rynek Główny 12, 31-042 Kraków")
    assert addresses("Casa: Av. Corrientes 1234, 5° A — Almagro")[0].startswith("Av. Corrientes 1234")
    assert addresses("Invoice 2024, 12345 Total") == []
    lines = [hit("Stan: Lipova 17, 21000 Split (3. kat), stan br. 9.", line=4),
             hit("Stan: stambeni kredit, rata 480 € mjesečno.", line=5)]
    reading = Reader(overlap_model()).read("What is my home address?", lines)
    assert reading.kind == "answered" and "Lipova 17" in reading.answer


def test_where_is_my_flat_wants_its_street_and_number():
    """"Where is my apartment?" is answered by the line with its address, not by the bills filed
    under the apartment's heading; an address stops before a bracket it does not close."""
    from agent.reader_text import addresses

    assert analyse("Where is my apartment?").want == "address"
    assert analyse("Where's our home ground?").want == "place"
    assert addresses("Casa: Av. Corrientes 1234, 5° A — Almagro (C1193AAF)") == ["Av. Corrientes 1234, 5° A — Almagro"]
    lines = [hit("Servicios: Metrogas — cuenta 40 11 558 230 7", line=21, topic="Depto"),
             hit("Depto: Av. Corrientes 1234, 5° A — Almagro (C1193AAF)", line=13, topic="Depto")]
    reading = Reader(overlap_model(metrogas=2.0)).read("Where is my apartment?", lines)
    assert reading.kind == "answered" and reading.value == "Av. Corrientes 1234, 5° A — Almagro"


def test_a_spaced_number_labelled_as_the_account_asked_is_that_account_not_a_phone():
    """"gas acct number" over "Gaz: compte 40 11 558 230 7": the groups look like a phone number's,
    but the word before them (French "compte", glossed "account") says what they are. Unlabelled,
    a phone's groups are still no account number."""
    from agent.reader_question import typed_values

    assert typed_values("Énergie: Gaz — compte 40 11 558 230 7", "code", exclude="gas acct number") == ["40 11 558 230 7"]
    assert typed_values("Maman: 06 12 55 80 31", "code", exclude="mums account number") == []
    line = [hit("Énergie: Gaz — compte 40 11 558 230 7", line=22)]
    reading = Reader(overlap_model()).read("What is my Gaz account number?", line)
    assert reading.kind == "answered" and reading.value == "40 11 558 230 7"


def test_an_address_labelled_in_any_script_is_the_home_address():
    """The street patterns know Latin and Cyrillic streets; a Greek or Hebrew address is found by
    its label ("Διεύθυνση:", "כתובת:", or the gloss "Address:" the index adds), with a house
    number in it. An IP or e-mail "address" is none."""
    greek = hit("Διαμέρισμα: Address: Κομνηνών 48, 3ος όροφος, 551 32 Καλαμαριά, Θεσσαλονίκη", path="/notes/wiki/spiti.xml")
    reading = Reader(overlap_model()).read("What is my home address?", [greek])
    assert reading.kind == "answered" and "Κομνηνών 48" in reading.answer
    hebrew = hit("כתובת: רחוב הרצל 17, דירה 4, חיפה", path="/notes/vault/export.data")
    reading = Reader(overlap_model()).read("What's our home address?", [hebrew])
    assert reading.kind == "answered" and "הרצל 17" in reading.answer
    router = hit("Home router (wireless router): server / IP address: 192.168.1.1", path="/notes/vault/export.data")
    assert Reader(overlap_model()).read("What's our home address?", [router]).kind == "abstained"


def test_bulgarian_lines_that_state_a_change_revise_and_plain_ones_do_not():
    from agent.reader_versions import revises
    assert revises(hit("Иван си смени номера — новият е 0888 000 001."))
    assert revises(hit("Новата вноска е 400 € от ноември."))
    assert revises(hit("Наемът вече е 350 €, вместо 600 лв."))
    assert revises(hit("Танците се местят: от тази седмица понеделник 18:00."))
    assert not revises(hit("Танци: вторник 17:00, 30 € на месец."))
    assert not revises(hit("Петя е в 3 Б клас."))


def test_bulgarian_weekdays_are_days():
    assert dates("пак при треньора, в сряда и петък 17:00") == ["сряда", "петък"]


def test_leva_are_money():
    from agent.reader_text import money
    assert money("наем 1 250,50 лв. на месец") == ["1 250,50 лв"]
    assert money("таксата е 40 лева") == ["40 лева"]


def test_a_bulgarian_line_about_his_thing_is_not_about_my_thing():
    from agent.reader_owner import other_owner
    from agent.reader_question import analyse
    info = analyse("When does my passport expire?")
    assert other_owner(info, "Паспортът му изтича 2028, да подаде документи")
    assert not other_owner(info, "Паспорт № 000000000, валиден до 01.01.2030")
    assert not other_owner(info, "паспортът ми е в чекмеджето, неговият — при майка му")
    assert not other_owner(analyse("When does Ivan's passport expire?"), "Паспортът му изтича 2028")


def test_a_date_before_a_currency_code_is_not_an_amount():
    """"parking fine 03/09/25 NZD 150": the amount is NZD 150, not the date's "25 NZD"; an
    amount written with its code after it still counts."""
    assert money("parking fine 03/09/25 NZD 150 (paid online)") == ["NZD 150"]
    assert money("toll 2025-09-03 EUR 12 at the bridge") == ["EUR 12"]
    assert money("lunch 30 EUR, taxi 12.50 EUR") == ["30 EUR", "12.50 EUR"]
    # A dot that groups thousands ("2.340 €") is no date's separator: the amount keeps its digits.
    assert any(v.endswith("340 €") for v in money("Deposito: 2.340 € (tre mensilità), versato il 28/09/2023"))


def test_a_line_under_a_sibling_heading_is_another_things_not_a_newer_version():
    """A password manager's two Wi-Fi records, "Wi-Fi cabin" and "Wi-Fi home", each with its own
    network name: the home's line leaves out "cabin" only because its heading names another place,
    so it is no newer version of the cabin's. A heading that differs by a year stays a version."""
    from agent.reader_types import Scored
    from agent.reader_versions import same_fact
    info = analyse("what is the wifi at the cabin called")
    cabin = hit("Wi-Fi cabin (Wi-Fi network): Network name (SSID): Pine_Net", line=12, kind="bullet",
                fields={"Network name (SSID)": "Pine_Net"})
    cabin.source = "Network name (SSID): Pine_Net"
    home = hit("Wi-Fi home (Wi-Fi network): Network name (SSID): Koti_5G", line=40, kind="bullet",
               fields={"Network name (SSID)": "Koti_5G"})
    home.source = "Network name (SSID): Koti_5G"
    terms = lambda st: {w for w in info.terms | {"home", "network"} if w in st.text.lower().replace("-", "")}
    sb = Scored(statement=cabin, cover=1.0, typed=["Pine_Net"], prerank=1.0)
    assert not same_fact(info, sb, Scored(statement=home, cover=0.5, typed=["Koti_5G"], prerank=1.0), terms)
    # The same record a year on is a version: its heading differs by a number only.
    info = analyse("what is the wifi network called")
    old = hit("Wi-Fi 2025: Network name: Pine_Net", line=3, kind="bullet", fields={"Network name": "Pine_Net"})
    old.source = "Network name: Pine_Net"
    new = hit("Wi-Fi 2026: Network name: Pine_Net_2", line=9, kind="bullet", fields={"Network name": "Pine_Net_2"})
    new.source = "Network name: Pine_Net_2"
    terms = lambda st: {w for w in info.terms | {"2025", "2026"} if w in st.text.lower().replace("-", "")}
    assert same_fact(info, Scored(statement=old, cover=1.0, typed=["Pine_Net"], prerank=1.0),
                     Scored(statement=new, cover=1.0, typed=["Pine_Net_2"], prerank=1.0), terms)


def test_a_name_said_by_the_bullet_above_in_the_lines_section_lets_the_line_answer(tmp_path):
    note = tmp_path / "house.md"
    note.write_text("# House\n\n## Mortgage\n- Kestrel Bank mortgage, 3.1% fixed\n- monthly payment: £1,284 by direct debit\n\n"
                    "## Bills\n- council tax £162/mth\n", encoding="utf-8")
    line = hit("Mortgage: monthly payment: £1,284 by direct debit", line=5, path=str(note), topic="Mortgage")
    reading = Reader(overlap_model()).read("How much is the monthly Kestrel payment?", [line])
    assert reading.kind == "answered" and "£1,284" in reading.answer
    # A line of another section is not what the bullet says it is about.
    bills = hit("Bills: council tax £162/mth", line=8, path=str(note), topic="Bills")
    assert Reader(overlap_model()).read("How much is the monthly Kestrel payment?", [bills]).kind == "abstained"


def test_a_name_said_by_the_notes_front_matter_lets_its_line_answer(tmp_path):
    note = tmp_path / "2026-10-02 crane review.md"
    note.write_text("---\ndate: 2026-10-02\ntype: meeting\nproject: Harbourview crane upgrade\n---\n# Crane review\n\n"
                    "- handover moved to 14 March 2027 because of the winter storms\n", encoding="utf-8")
    line = hit("Crane review: handover moved to 14 March 2027 because of the winter storms", line=8, path=str(note),
               topic="Crane review")
    reading = Reader(overlap_model()).read("When is the crane handover at Harbourview?", [line])
    assert reading.kind == "answered" and "14 March 2027" in reading.answer


def test_a_toml_tables_other_keys_say_what_its_line_is_about(tmp_path):
    """`[ferry.out]` with `operator = "Nordline"` over `booking = "NL-0001"`: the booking is
    Nordline's, though its own line does not say so; the next table's keys are another record's."""
    note = tmp_path / "trip.toml"
    note.write_text('[ferry.out]\noperator = "Nordline"\nbooking = "NL-0001"\n\n[hotel]\nname = "Harbour Inn"\n'
                    'booking = "HI-4410"\n', encoding="utf-8")
    line = hit("ferry out: booking: NL-0001", line=3, path=str(note), topic="ferry out")
    reading = Reader(overlap_model()).read("What is the Nordline booking number?", [line])
    assert reading.kind == "answered" and "NL-0001" in reading.answer
    hotel = hit("hotel Harbour Inn: booking: HI-4410", line=7, path=str(note), topic="hotel Harbour Inn")
    assert Reader(overlap_model()).read("What is the Nordline booking number?", [hotel]).kind == "abstained"


def test_a_line_that_names_another_thing_is_not_made_the_asked_ones_by_its_heading(tmp_path):
    note = tmp_path / "cars.md"
    note.write_text("# Cars\n\n## Volvo\n- bought 2021\n- the Mazda plate: KX21 ABC, my sister's car\n", encoding="utf-8")
    line = hit("Volvo: the Mazda plate: KX21 ABC, my sister's car", line=5, path=str(note), topic="Volvo")
    assert Reader(overlap_model()).read("What is the plate of the Skoda?", [line]).kind == "abstained"
    note.write_text("# Cars\n\n## Skoda\n- bought 2021\n- the Mazda plate: KX21 ABC, my sister's car\n", encoding="utf-8")
    assert Reader(overlap_model()).read("What is the plate of the Skoda?", [line]).kind == "abstained"


def test_xmas_is_christmas():
    line = hit("xmas 2026: flights booking ref QW7RT2", line=3, path="/notes/xmas trip.md", topic="xmas 2026")
    reading = Reader(overlap_model()).read("What's the booking ref for the Christmas flights?", [line])
    assert reading.kind == "answered" and "QW7RT2" in reading.answer


def test_a_name_in_the_block_above_a_blank_line_is_not_the_lines(tmp_path):
    note = tmp_path / "papers.md"
    note.write_text("# papers\n\nme\n- irish passport P771234, exp 03/2030\n- Irish licence 88-123 (valid)\n\n"
                    "sam\n- passport 541200 exp 2028\n", encoding="utf-8")
    sams = hit("papers: passport 541200 exp 2028", line=8, path=str(note), topic="papers")
    assert Reader(overlap_model()).read("When does the Irish passport expire?", [sams]).kind == "abstained"
    # The first line of the line's own block says whose the block is.
    (tmp_path / "money.md").write_text("# papers\n\nsavings at Halden Mutual\n- current account, since 2012\n"
                                       "- ISA opened 2019\n", encoding="utf-8")
    mine = hit("papers: ISA opened 2019", line=5, path=str(tmp_path / "money.md"), topic="papers")
    reading = Reader(overlap_model()).read("When was the Halden ISA opened?", [mine])
    assert reading.kind == "answered" and "2019" in reading.answer


def test_an_org_notes_title_and_headings_say_what_its_lines_are_about(tmp_path):
    note = tmp_path / "20250101120000-car.org"
    note.write_text(":PROPERTIES:\n:ID:       1234\n:END:\n#+title: Car (Fiesta)\n#+filetags: :car:\n\n"
                    "- toll tag no: 4410 2290 (auto top-up)\n", encoding="utf-8")
    line = hit("toll tag no: 4410 2290 (auto top-up)", line=7, path=str(note))
    reading = Reader(overlap_model()).read("What is the toll tag number of the Fiesta?", [line])
    assert reading.kind == "answered" and "4410 2290" in reading.answer
    org = tmp_path / "garden.org"
    org.write_text("#+title: Garden\n\n* Greenhouse\n\n- heater: 2 kW, bought 2023\n", encoding="utf-8")
    line = hit("heater: 2 kW, bought 2023", line=5, path=str(org))
    reading = Reader(overlap_model()).read("What power is the Greenhouse heater?", [line])
    assert reading.kind == "answered" and "2 kW" in reading.answer


def test_a_field_line_leading_the_block_is_a_sibling_not_what_the_next_line_is_about(tmp_path):
    mail = tmp_path / "insurance.mbox"
    mail.write_text("From: Insurer <noreply@example.com>\nSubject: Your policy is active\n\nHi,\n\n"
                    "Vehicle: Zypher scooter, KA 02 XY 1234\nPolicy number: ZP-2W-1234\nPremium cost: ₹2,450 (incl. GST)\n",
                    encoding="utf-8")
    line = hit("Premium cost: ₹2,450 (incl. GST)", line=8, path=str(mail))
    assert Reader(overlap_model()).read("How much did the Zypher cost?", [line]).kind == "abstained"


def test_a_markdown_star_bullet_is_no_heading(tmp_path):
    note = tmp_path / "cars.md"
    note.write_text("# Cars\n\n* Skoda Octavia, 2019\n\n* plate: KX21 ABC\n", encoding="utf-8")
    line = hit("Cars: plate: KX21 ABC", line=5, path=str(note), topic="Cars")
    assert Reader(overlap_model()).read("What is the plate of the Skoda?", [line]).kind == "abstained"


def test_a_birthday_not_until_a_day_is_on_that_day():
    """"not until 3 March" says when the birthday is; "valid until" is still an expiry."""
    statements = [hit("Jonah's birthday is not until 14 May but he already wants a kite.", line=5, rank=0)]
    reading = Reader(overlap_model()).read("When is Jonah's birthday?", statements)
    assert reading.kind == "answered" and "14 May" in reading.answer
    statements = [hit("Jonah's birthday voucher is valid until 14 May.", line=5, rank=0)]
    assert Reader(overlap_model()).read("When is Jonah's birthday?", statements).kind == "abstained"


def test_swiss_francs_with_apostrophe_thousands_and_a_dash_for_no_cents_are_money():
    assert money("Ab 01.01.2027 Miete netto CHF 2'235.– statt 2'180.–.") == ["CHF 2'235"]
    assert money("Ab 01.11. zahlen wir Fr. 96.– pro Tag statt Fr. 118.–") == ["Fr. 96", "Fr. 118"]
    assert money("Helsana, Betrag: Fr. 451.80 monatlich") == ["Fr. 451.80"]
    assert money("Franchise 2'500 CHF") == ["2'500 CHF"]
    # German "Fr." is also Friday and Frau: a date or a name after it is no amount.
    assert money("Fr. 12.11. Zahnarzt, 10:20") == []
    assert money("Fr. Gerber von der Verwaltung") == []


def test_slavic_and_finnish_months_in_their_case_forms_are_dates():
    assert dates("Not 13. novembra anymore, new date 4. decembra, Friday") == ["13. novembra", "4. decembra", "Friday"]
    assert dates("Předávka bytu 12. listopadu 2026") == ["12. listopadu 2026", "2026"]
    assert dates("Przegląd do 3 listopada") == ["3 listopada"]
    assert dates("Neuvola 5. joulukuuta") == ["5. joulukuuta"]
    assert latest_date("Afspraak 8 maart 2026") == (2026, 3, 8)
    # Only beside a day: "Maja" is also a name.
    assert dates("Maja ma urodziny") == [] and dates("3 maja") == []  # "maja" is not read as May at all


def test_icelandic_household_words_and_months_are_read():
    from memory.gloss import english_for
    assert "rent" in english_for("Leiga: 289.000 kr. á mánuði")
    assert "passport" in english_for("vegabréf: A4127730")
    assert "inspection" in english_for("Duster féll í skoðun")
    assert "kindergarten" in english_for("leikskóli Sólborg")
    assert "birthday" in english_for("afmæli Emblu")
    # Words that begin English ones are left out: a line about similar things gains nothing.
    assert english_for("similar things, simple plans") == frozenset()
    assert dates("sumarlokun frá 6. júlí") == ["6. júlí"]


def test_estonian_and_georgian_household_words_are_read_but_not_a_turkish_amount():
    from memory.gloss import english_for
    assert "stairwell" in english_for("Trepikoja uksekood muutus")
    assert "kindergarten" in english_for("Mia lasteaed: rühm Päikesekillud")
    assert "pillar" in english_for("II sammas: Tuleva")
    assert "nanny" in english_for("Eteri (dzidza): 1 000 ₾")
    assert "daughter" not in english_for("Tutar: -2.311,47 TL")  # Turkish "amount", not Estonian "tütar"
    assert latest_date("endurskoðun fyrir 31. ágúst 2026") == (2026, 8, 31)


def test_a_plates_letters_are_no_ringgit_and_a_codes_digits_no_phone_number():
    assert money("FORD RANGER (mine): Plate: BXRM 205") == []
    assert money("Parking RM24.00, toll RM 5.30") == ["RM24.00", "RM 5.30"]
    reading = Reader(overlap_model()).read("How much did the Ranger cost?", [hit("FORD RANGER (mine): Plate: BXRM 205", line=3)])
    assert reading.kind == "abstained"
    assert phones("Tawtheeq no. 20260211-AD-448172, deposit held by the agent") == []
    reading = Reader(overlap_model()).read("What's Mr Al Mansoori's phone number?", [
        hit("Tawtheeq no. 20260211-AD-448172 security deposit held by agent owner: Mr Al Mansoori", line=9)])
    assert reading.kind == "abstained"


def test_net_rent_is_read_from_miete_netto():
    statements = [hit("Ab 01.01.2027 Miete netto CHF 2'235.– statt 2'180.–.", line=26, path="/notes/2026-10 Oktober.md"),
                  hit("Mieterverband fragen. → Reto sagt lassen.", line=27, rank=1, path="/notes/2026-10 Oktober.md")]
    reading = Reader(overlap_model()).read("What's our new net rent?", statements)
    assert reading.kind == "answered" and "2'235" in reading.answer


def test_when_something_happens_is_asked_of_that_thing_not_of_the_verb_alone():
    haystack = hit("GNU coreutils NEWS: For example, 'date -d \"09:00B\" is now equivalent to 9am in UTC+2 time zone.", line=40)
    assert Reader(overlap_model()).read("What time does the walima start?", [haystack]).kind == "abstained"
    walima = hit("Walima: starts 8:30 pm at Pearl Continental, Lahore", line=12, rank=1)
    reading = Reader(overlap_model()).read("What time does the walima start?", [haystack, walima])
    assert reading.kind == "answered" and "8:30 pm" in reading.answer
    # "tamat" is when something expires, but here it is the car insurance, not Hafiz's passport.
    insurance = hit("Insurans: Etiqa Takaful, tamat 02/01/2027", line=7, path="/notes/kereta.md")
    assert Reader(overlap_model()).read("When does Hafiz's passport expire?", [insurance]).kind == "abstained"
    passport = hit("Hafiz: passport renewed, expires 02/01/2031", line=20, rank=1)
    reading = Reader(overlap_model()).read("When does Hafiz's passport expire?", [insurance, passport])
    assert reading.kind == "answered" and "02/01/2031" in reading.answer


def test_a_spanish_socio_number_is_the_member_number():
    statements = [hit("Salud: Me: CASMU, socio nº 884213 (via FONASA). Médica de familia: Dra. Carolina Sosa.", line=16,
                      path="/notes/wiki/Plata_y_salud.textile", kind="bullet")]
    reading = Reader(overlap_model()).read("What is my CASMU member number?", statements)
    assert reading.kind == "answered" and "884213" in reading.answer


def test_a_school_named_in_the_notes_language_or_by_its_number_is_the_school():
    """"Ecole El Amal" and "Colegio Campestre La Colina" say school in their first word, "Escuela 119"
    and "гимназия №176" are known by their number, and "Polyclinic No. 17" is a polyclinic."""
    cases = [("Which school does Yassine go to?", "Yassine : Ecole El Amal (privee), Ennasr 2, 3eme annee. Maitresse : Mme Hela.", "Ecole El Amal"),
             ("Which school does Mateo go to?", "Mateo is in 4to año at Escuela 119, his maestra this year is Rosana Díaz.", "Escuela 119"),
             ("Which school does Alikhan go to?", "Alikhan: гимназия №176, 4 «В» класс, смена первая", "гимназия №176"),
             ("Which polyclinic am I registered at?", "Dr. Karine Manukyan, Polyclinic No. 17 (Arabkir), room 208.", "Polyclinic No. 17"),
             ("Which school does Nika go to?", "Nika: Public School No. 51, class 2ბ (2025/26).", "Public School No. 51")]
    for question, line, school in cases:
        reading = Reader(overlap_model()).read(question, [hit(line, line=4)])
        assert reading.kind == "answered" and reading.value == school, (question, reading)
    # A year after the word is no school's number, and a colleague's name is no school.
    assert Reader(overlap_model()).read("Which school does Mateo go to?", [hit("Mateo left school 2019 with honours.", line=2)]).kind != "answered"
    assert Reader(overlap_model()).read("Which school does Ana go to?", [hit("Ana: colegii de la birou, Ion Popescu.", line=2)]).kind != "answered"


def test_my_kid_is_asked_back_when_the_notes_call_two_people_our_son_and_our_daughter():
    son = hit("Oila: Temur — our son, 4 \"B\" at school No. 110.", line=6)
    daughter = hit("Oila: Sabina — our daughter, kindergarten (see Bolalar).", line=7)
    days = [hit("Tug'ilgan kunlar: Temur — 12.03.2017", line=5, rank=1), hit("Tug'ilgan kunlar: Sabina — 19.09.2022", line=6, rank=2)]
    reading = Reader(overlap_model()).read("When is my child's birthday?", [*days, son, daughter])
    assert reading.kind == "ambiguous" and {"Temur", "Sabina"} <= set(reading.options), reading
    # One child: nothing to ask; a niece called "my brother's daughter" is no child of mine.
    niece = hit("Oila: Zarina, my brother's daughter, lives in Seoul.", line=8)
    reading = Reader(overlap_model()).read("When is my child's birthday?", [days[0], son, niece])
    assert reading.kind != "ambiguous"


def test_a_dated_line_that_says_when_its_value_began_is_newer_than_an_undated_one():
    """A book of undated pages and dated journal chapters: "Losartan dose: 100 mg (from 1 October)" in
    the chapter of 3 October says when the new dose began, so the page's undated "50 mg" is what
    held before, even though the day it names is before the day it was written."""
    page = hit("Medicine: Losartan; Dose: 50 mg, evening; Why: blood pressure", line=14, path="/notes/book/src/me/health.md")
    entry = hit("Losartan dose: 100 mg, evening (from 1 October).", line=5, rank=1, path="/notes/book/src/journal/2026-10-03.md")
    reading = Reader(overlap_model()).read("What dose of losartan am I on?", [page, entry])
    assert reading.kind == "answered" and "100 mg" in reading.answer


def test_the_cifrao_and_iso_codes_written_in_capitals_are_money():
    assert money("Rent: 38.000$00 a month, gas usually 2.250$00") == ["38.000$00", "2.250$00"]
    assert money("Salary: SRD 23.750 net; fee 4,500 TTD") == ["SRD 23.750", "4,500 TTD"]
    # Not a vulnerability's id, a chart or the dollar of "$00" alone.
    assert money("patched CVE-2024-1234, the TOP 10 list") == []


def test_lesotho_maloti_with_cents_or_thousands_are_money():
    assert money("per term: M2,350.00; fibre for M449.00 a month; rent M5,300 from October") == ["M2,350.00", "M449.00", "M5,300"]
    # Not a motorway, a car's model or a size.
    assert money("took the M25, the BMW M3 and a size M 3 shirt") == []


def test_pula_written_with_a_capital_p_is_money():
    """Botswana's "P1,250", "P 9,800", "P450.00": the whole amount, as the maloti's "M2,350.00";
    not a page's "P 12"."""
    assert money("Day care fee: P1,250 a month, lunch included.") == ["P1,250"]
    assert money("School fees: P 9,800 a term; lunch money P450.00") == ["P 9,800", "P450.00"]
    assert money("see page P 12 of the contract") == []
    reading = Reader(overlap_model()).read("How much is the day care fee?", [
        hit("Lorato: Day care fee: P1,250 a month, lunch included.", line=18)])
    assert reading.kind == "answered" and reading.value == "P1,250"


def test_a_birthday_tables_name_column_is_no_place_of_birth():
    # "| Emma | 19/06/2022 |" read as "Name: Emma; Born: ...": Emma is a person, "Name" its key.
    rows = [hit(f"Name: {n}; Born: {d}", line=i, rank=i - 20, path="/notes/birthdays.md", topic="Birthdays", kind="row")
            for i, (n, d) in enumerate([("Emma", "19/06/2022"), ("Mark", "12/11/1984")], start=20)]
    rows[0].source, rows[1].source = "| Emma | 19/06/2022 |", "| Mark | 12/11/1984 |"
    birth = hit("Certificates: Birth: Qormi, 22/07/1987, registered at the Public Registry in Valletta.", line=39, rank=2,
                path="/notes/documents.md", topic="Certificates")
    reading = Reader(overlap_model()).read("Where was I born?", [*rows, birth])
    assert reading.kind == "answered" and "Qormi" in reading.answer, reading.answer


def test_kwacha_written_mk_is_money_but_a_cars_mark_is_not():
    assert money("Mr Chilemba came: from 01/11/2026 the rent is MK720,000 a month.") == ["MK720,000"]
    assert money("Loan: MK 1,350,000.00 over two years") == ["MK 1,350,000.00"]
    assert money("Sold the Golf MK4 1.9 TDI last year") == []


def test_a_postcode_is_the_code_in_the_address_line():
    assert analyse("What's the postcode of our house?").want == "code"
    assert analyse("what is our zip code").want == "code"
    lines = [hit("Rumah: No. 14, Simpang 32-37, Kampong Beribi, Jalan Gadong BE1118", line=3, path="/notes/rumah.md", topic="Rumah"),
             hit("Rumah: Rent: B$850 a month, bank transfer to her Baiduri", line=7, rank=1, path="/notes/rumah.md", topic="Rumah")]
    reading = Reader(overlap_model()).read("What's the postcode of our house?", lines)
    assert reading.kind == "answered" and "BE1118" in reading.answer, reading.answer


def test_an_acronym_is_said_only_by_a_line_that_writes_it():
    # "TIN" (a tax number) stems like "tinned": a shopping line about Jone's village says nothing of it.
    lines = [hit("Jone's koro — Nakorovou, Tailevu: Bring: kerosene, tinned fish, yaqona (1 kg), sugar", line=22,
                 path="/notes/church-and-koro.md", topic="Jone's koro")]
    assert Reader(overlap_model()).read("What is Jone's TIN?", lines).kind == "abstained"
    lines.append(hit("Jone: TIN 104-882-331 (FRCS)", line=9, rank=1, path="/notes/papers.md", topic="Papers"))
    reading = Reader(overlap_model()).read("What is Jone's TIN?", lines)
    assert reading.kind == "answered" and "104-882-331" in reading.answer, reading.answer


def test_an_acronym_is_said_in_another_script_or_spelled_out():
    fee = [hit("Квартира: ОСББ «Хуторівка 24». Внесок 640 грн/міс, платити до 20 числа.", line=4, path="/notes/flat.md", topic="Квартира")]
    reading = Reader(overlap_model()).read("How much is the OSBB fee?", fee)
    assert reading.kind == "answered" and "640 грн" in reading.answer, reading.answer
    licence = [hit("IDs: Driving licence: KA05 20140012345, valid till 01/11/2032.", line=7, path="/notes/ids.md", topic="IDs")]
    reading = Reader(overlap_model()).read("my DL number pls", licence)
    assert reading.kind == "answered" and "KA05 20140012345" in reading.answer, reading.answer


def test_ariary_and_boliviano_are_money_as_their_notes_write_them():
    """Madagascar's "40 000 Ar" (after the amount) and "Ar 40 000" (before it, with thousands); the
    boliviano's "Bs 450" without its dot. Not a road's "Ar 5" nor a street's "Arnold"."""
    assert money("Savings circle with the church women: 40 000 Ar every last Sunday.") == ["40 000 Ar"]
    assert money("Rent Ar 900 000 a month; 1 800 000 ariary deposit") == ["Ar 900 000", "1 800 000 ariary"]
    assert money("took the Ar 5 road past 35 Arnold Road") == []
    assert money("the cuota de mantenimiento goes up to Bs 450 a month") == ["Bs 450"]
    reading = Reader(overlap_model()).read("How much do I put into the savings circle?", [
        hit("Monthly: Savings circle with the church women: 40 000 Ar every last Sunday.", line=20)])
    assert reading.kind == "answered" and reading.value == "40 000 Ar"


def test_a_dinar_amount_with_spaced_thousands_keeps_its_three_decimals():
    """Tunisia writes "1 245,500 DT" (a dinar has 1,000 millimes): after thousands grouped by a
    space, ",500" is the decimals, not a group of its own; "245,500 DT" would be another amount."""
    from agent.reader_text import money
    assert money("Nouvelle mensualite : 1 245,500 DT a partir de novembre") == ["1 245,500 DT"]
    assert money("4 614 kr og 2 500,50 €") == ["4 614 kr", "2 500,50 €"]
