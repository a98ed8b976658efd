"""Identifiers asked for ("the frame number of my bike", "my bank account number"): what counts as
one, and two records that each hold one asked back by what names them."""
from __future__ import annotations

from agent.reader import Reader, _code_acronyms, _more_of_the_thing
from agent.reader_question import analyse, typed_values
from agent.reader_types import Scored
from tests.agent.test_reader import hit, overlap_model, row


def test_the_kind_of_number_of_something_asks_for_an_identifier():
    assert analyse("What's the plate number of our car?").want == "code"
    assert analyse("What is the serial number of my laptop?").want == "code"
    # A count stays a count, a phone a phone.
    assert analyse("What is the number of guests?").want is None
    assert analyse("What's the total number of people invited?").want is None
    assert analyse("What is the phone number of Dr Lee?").want == "phone"


def test_two_bikes_with_frame_numbers_are_asked_back_by_their_names_without_asides():
    lines = [
        hit("Bikes: Rosetta (the grey one I ride to work every day): frame number RS-5520913, kept in the shed.", line=4),
        hit("Bikes: Marlin Sport (gravel, bought 2023 for € 1.450): frame number MX77T3318. Hangs in the hall.", line=5),
    ]
    reading = Reader(overlap_model()).read("What is the frame number of my bike?", lines)
    assert reading.kind == "ambiguous"
    assert "Rosetta" in reading.answer and "Marlin" in reading.answer and "grey one" not in reading.answer
    assert "RS-5520913" in reading.answer and "MX77T3318" in reading.answer


def test_a_number_after_the_word_mobile_is_no_account_number():
    assert typed_values("Accounts: Wallet: linked to my mobile 081-555-9031.", "code",
                        exclude="What is my bank account number?") == []
    # A bare "number" may be the phone.
    assert typed_values("Accounts: Wallet: linked to my mobile 081-555-9031.", "code", exclude="kims number pls") == ["081-555-9031"]
    lines = [
        hit("Accounts: Wallet: Harbour Bank is linked to my mobile 081-555-9031; Orchard Bank to my ID card number.", line=8,
            path="/notes/money.md"),
        row({"bank": "Harbour Bank", "type": "savings", "account no.": "221-4-88120-7", "used for": "salary"}, line=5,
            path="/notes/money.md"),
        row({"bank": "Orchard Bank", "type": "savings", "account no.": "530-771402-2", "used for": "holidays"}, line=6,
            path="/notes/money.md"),
    ]
    reading = Reader(overlap_model()).read("What is my bank account number?", lines)
    assert "081-555-9031" not in reading.answer
    assert reading.kind == "ambiguous" and "221-4-88120-7" in reading.answer and "530-771402-2" in reading.answer


def test_records_under_one_key_are_named_where_their_values_begin():
    lines = [
        hit("Health cover (I have two): Solvane -- through work, policy 71-HC-300492, excess 500.", line=12),
        hit("Health cover (I have two): Brightmoor -- the private one from before, policy BM-55102874.", line=13),
    ]
    reading = Reader(overlap_model()).read("What's my health cover policy number?", lines)
    assert reading.kind == "ambiguous" and "Solvane" in reading.answer and "Brightmoor" in reading.answer


def test_an_iban_in_groups_is_one_number():
    assert typed_values("Bank (Norlake): Everyday account: LT62 7300 0100 4471 2299 (salary)", "code",
                        exclude="What is my Norlake account number?") == ["LT62 7300 0100 4471 2299"]


def test_a_records_long_name_is_shown_without_its_aside():
    from agent.reader_parallel import _record_labels
    assert _record_labels("Bikes: Rosetta (the grey one I ride to work every day): frame number RS-5520913",
                          "Bikes: Marlin Sport (gravel, bought 2023 for € 1.450): frame number MX77T3318",
                          "What is the frame number of my bike?") == ("Rosetta", "Marlin Sport")


def test_the_records_asked_back_start_from_the_line_that_answers():
    """Two health policies score above the car's line, but the car's line is the one that says
    every word of "my car insurance": it answers, not a question about the health policies."""
    lines = [
        hit("Health insurance (I have two): Solvane -- through work, policy 71-HC-300492, excess 500.", line=12, path="/notes/health.md"),
        hit("Health insurance (I have two): Brightmoor -- the private one from before, policy BM-55102874.", line=13,
            path="/notes/health.md"),
        hit("Car: Insurance: Kestrel Mutual, fully comprehensive, car policy 8830 214577, ends 15/04/2027", line=4, path="/notes/car.md"),
    ]
    reading = Reader(overlap_model(Health=3.0)).read("What's the policy number of my car insurance?", lines)
    assert reading.kind == "answered" and "8830 214577" in reading.answer


def test_a_model_name_with_one_digit_is_no_policy_number():
    assert typed_values("Alka moved the car insurance to the ID.3 - same policy no.", "code",
                        exclude="What is the policy number of the Alka car insurance?") == []
    assert typed_values("Car insurance: Alka, policy no. 7731-0452-88.", "code",
                        exclude="What is the policy number of the Alka car insurance?") == ["7731-0452-88"]
    # Its first group is short, the number is not.
    assert typed_values("Insurance with Norwood, policy:: NWD-77 4410 2291, renews:: 2027-01-15.", "code",
                        exclude="What's the car insurance policy number?")[:1] == ["NWD-77"]


def test_a_policy_year_is_no_identifier():
    assert "2026-27" not in typed_values("car insurance: details: Civic (2026-27); policy / number: KM-55120-C", "code",
                                         exclude="What is the car insurance policy number?")


def test_a_document_number_is_given_only_by_a_line_that_says_the_document():
    """Word vectors place every ID near every other (a stand-in here puts "passport" by "tax"):
    a passport number still needs a line that says passport, in any language the glosses know."""
    from agent.reader_relate import WordRelate

    close = {"passport": [1.0, 0.0], "tax": [0.9, 0.1], "steuer": [0.9, 0.1]}
    relate = WordRelate(lambda ws: [close.get(w, [0.0, 1.0]) for w in ws])
    tax = hit("Papers: Tax number (Steuer-ID): 8439127650", line=30)
    assert Reader(overlap_model(), relate=relate).read("What's my passport number?", [tax]).kind == "abstained"
    passport = hit("Papers: Reisepass: C01X00T47, valid until 2031", line=31)
    assert "C01X00T47" in Reader(overlap_model(), relate=relate).read("What's my passport number?", [passport]).answer


def test_an_iban_is_asked_as_an_identifier_not_as_a_name():
    info = analyse("What is the IBAN of my Ziraat salary account?")
    assert info.want == "code" and info.names == ["Ziraat"]
    assert analyse("What is the VIN of the Clio?").want == "code"


def test_a_laptop_named_before_a_comma_is_asked_back_by_that_much():
    lines = [
        hit("Computers: Personal: Tessellate Book 14 Gen 3, Debian 13, serial TB-88Q41Z. Bought in 2024.", line=11),
        hit('Computers: Work: Orrery Pro 16" (R2), company asset, serial C07HQ2291LX. Stays at the office.', line=13),
    ]
    reading = Reader(overlap_model()).read("What is my laptop's serial number?", lines)
    assert reading.kind == "ambiguous"
    assert "Personal: Tessellate Book 14 Gen 3" in reading.answer and 'Work: Orrery Pro 16" (R2)' in reading.answer


def test_a_word_that_begins_one_records_name_picks_it():
    """"my mono iban": "mono" begins "monobank", so the two IBANs are not two to ask about."""
    from agent.reader_parallel import _picked_by_prefix
    mono = "Banks: monobank (black card) — ends in 4417 IBAN: UA71 3220 0100 0002 6205 5512 0417"
    oschad = "Banks: Oschadbank (Visa) — ends in 0932 IBAN: UA40 3052 9900 0002 6258 5550 0932"
    assert _picked_by_prefix("my mono iban pls", mono, oschad)
    assert not _picked_by_prefix("my iban pls", mono, oschad)
    assert not _picked_by_prefix("What is my bank IBAN?", mono, oschad)  # "bank" ends both names, begins neither


def test_an_iban_is_known_by_its_shape_where_the_line_does_not_say_iban():
    """"from my account, the Sporiteľňa one, SK89 0900 ..." names no IBAN, but the number is one: a
    country's letters, check digits and groups. A tax number in groups is not."""
    paid = hit("We paid it today, from my account, the Sporiteľňa one, SK89 0900 0000 0050 5512 3471.", line=6)
    reading = Reader(overlap_model()).read("What's my IBAN at Sporiteľňa?", [paid])
    assert reading.kind == "answered" and "SK89 0900 0000 0050 5512 3471" in reading.answer
    tax = hit("Tax office letter for the Sporiteľňa account: Steuernummer 84 123 456 789.", line=7)
    assert Reader(overlap_model()).read("What's my IBAN at Sporiteľňa?", [tax]).kind == "abstained"


def test_lines_told_apart_only_by_a_pronoun_are_not_two_records():
    """Two voice memos under one title: "His number is ..." and "Her number is ...". "His" and
    "Her" name no one, so they are not offered as the records to choose between."""
    his = hit("Voice memo: His number is 0903 555 610, I keep losing it.", line=7, path="/notes/memo-08-04.txt")
    her = hit("Voice memo: Her number is 0948 555 903.", line=13, path="/notes/memo-08-19.txt")
    reading = Reader(overlap_model()).read("What is the number?", [his, her])
    assert reading.kind != "ambiguous" and "His and Her" not in reading.answer


def test_a_code_asked_whole_is_found_by_its_tail_that_reads_as_a_name():
    """"What is 55-GM-210487?": "GM-210487" is part of the code, no name the line must say apart."""
    policy = hit("Health: two policies: Velmora -- through work, policy 55-GM-210487, cover 5,000,000.", line=4)
    other = hit("Health: Orsan -- the old one, policy 71-HC-300492.", line=5, rank=1)
    reading = Reader(overlap_model()).read("What is 55-GM-210487?", [other, policy])
    assert reading.kind == "answered" and reading.statement.line == 4


def test_a_code_for_something_is_answered_by_a_line_that_says_what_for_by_one_word_or_name():
    """"the booking code for the Lebaran train": the line says the booking code and "Lebaran", if
    not "train"; a line about the booking code of something the question does not name does not
    answer, and one that names neither what for nor the code is no answer either."""
    reader = Reader(overlap_model())
    train = hit("Mudik Lebaran 2026: Kode booking: KX-7TQ2MY.", line=3)
    reading = reader.read("What's the booking code for the Lebaran train?", [train])
    assert reading.kind == "answered" and "KX-7TQ2MY" in reading.answer
    hotel = hit("Hotel Solaria: booking code: HS-40021.", line=6)
    assert reader.read("What's the booking code for the Lebaran train?", [hotel]).kind == "abstained"
    assert reader.read("What's the booking code for the train?", [hotel]).kind == "abstained"
    # The code's own name is still asked whole: a door code is no booking code.
    door = hit("Mudik Lebaran 2026: door code at the guesthouse: 4471.", line=8)
    assert reader.read("What's the booking code for the Lebaran train?", [door]).kind == "abstained"


def test_a_month_logs_day_is_no_code_and_a_booking_reference_no_flight_number():
    """"Log 2026-10: 10-10 booked Xmas in Lagos ..., booking ref YQ8RZT" names the Lagos trip but
    gives no flight number: "10-10" is the day the log line was written, the reference is another
    kind of code."""
    line = hit("Log 2026-10: 10-10 booked Xmas in Lagos: MEL dep 2026-12-18, back 2027-01-09, booking ref YQ8RZT.", line=14)
    assert typed_values(line.text, "code", exclude="What's the flight number for the Lagos trip?") == []
    assert Reader(overlap_model()).read("What's the flight number for the Lagos trip?", [line]).kind == "abstained"
    # A code of that shape elsewhere is still one: "locker 12-14".
    assert typed_values("Gym: locker 12-14, padlock in the bag", "code", exclude="What's my locker number?") == ["12-14"]


def test_a_mails_time_zone_is_no_code():
    """A mail's heading carries its time, "Tue, 03 Nov 2026 21:20:00 +0000": the offset is no policy
    number; a "+" code elsewhere still is one."""
    heading = "Re: cars - Tue, 03 Nov 2026 21:20:00 +0000: switched the Duster insurance to VIS"
    assert typed_values(heading, "code", exclude="What is the Duster's policy number?") == []
    assert typed_values("Gate: PIN +4412, then the green button", "code", exclude="What is the gate code?") == ["+4412"]


def test_the_id_card_is_the_identity_card():
    """"What is my ID card number?" over "My identity card: Number: 0417287K": the same card by its
    long name, not another kind of card."""
    card = hit("My identity card: Number: 0417287K, the same number is my tax number.", line=13, path="/notes/documents.txt")
    reading = Reader(overlap_model()).read("What is my ID card number?", [card])
    assert reading.kind == "answered" and "0417287K" in reading.answer
    # Another kind of card still is one.
    bank = hit("My bank card: Number: 4417 2210 8812 0031.", line=14, path="/notes/documents.txt")
    assert Reader(overlap_model()).read("What is my ID card number?", [bank]).kind == "abstained"


def test_an_account_number_labelled_short_and_a_plate_in_a_cars_label():
    """"GIRO, acct no. 9302 4418 57" is the account number, though its groups look like a phone's;
    "Kia e-Niro (2022), RZK 19D: Elin's car, leased" gives the Kia's registration in its label."""
    bill = hit("electricity + water + gas: provider: Citypower; amount: ~$165/mth; how: GIRO, acct no. 9302 4418 57",
               line=20, path="/notes/home/flat.md", topic="Recurring")
    reading = Reader(overlap_model()).read("What's our Citypower account number?", [bill])
    assert reading.kind == "answered" and "9302 4418 57" in reading.answer
    car = hit("Kia e-Niro (2022), RZK 19D: Elin's car, leased through her job, they handle insurance and service", line=12,
              path="/notes/cars.md", topic="Cars").model_copy(update={"kind": "bullet", "source": "Elin's car, leased through her job, they handle insurance and service"})
    reading = Reader(overlap_model()).read("What is the registration number of Elin's Kia?", [car])
    assert reading.kind == "answered" and "RZK 19D" in reading.answer
    # A plate is no answer to another number: the lease's.
    assert Reader(overlap_model()).read("What is the lease number of Elin's Kia?", [car]).value != "RZK 19D"


def test_an_identifier_labelled_as_another_kind_does_not_answer():
    from agent.reader_question import typed_values
    # An employee number is no passport number; a staff number is the employee number.
    line = "Moselfin S.A.: Employee number MF-20417; badge for the building and the car park level -2."
    assert typed_values(line, "code", "What is my passport number?") == []
    assert typed_values(line, "code", "What's my staff number?") == ["MF-20417"]
    # A supply point's EAN is no customer number; a policy labelled in Spanish is no employee number.
    assert typed_values("Elektřina: ČEZ Prodej, EAN 859182400123456789, záloha 1 450 Kč/měs.", "code",
                        "What's my ČEZ customer number?") == []
    assert typed_values("GNP -- individual desde antes de Datalia, póliza LA-88301562.", "code",
                        "What's my employee number at Datalia?") == []
    assert typed_values("GNP -- individual desde antes de Datalia, póliza LA-88301562.", "code",
                        "What's my GNP policy number?") == ["LA-88301562"]


def test_a_code_named_by_its_acronym_is_said_by_the_acronym_whatever_it_is_for():
    """"What is the EIC code of our electricity connection?": a TOML table's "electricity: eic:
    38ZEE-00184427-K" and a voice memo's "EIC kód on the faktúra is 24ZZS6128405000X" give it,
    though neither says "code" and "connection" in English. A code under another acronym does not."""
    toml = hit("electricity: eic: 38ZEE-00184427-K", line=29, path="/notes/data/home.toml", topic="electricity",
               fields={"eic": "38ZEE-00184427-K"})
    memo = hit("EIC kód on the faktúra is 24ZZS6128405000X.", line=10, path="/notes/memos/2026-09-12.txt")
    for line, code in ((toml, "38ZEE-00184427-K"), (memo, "24ZZS6128405000X")):
        reading = Reader(overlap_model()).read("What is the EIC code of our electricity connection?", [line])
        assert reading.kind == "answered" and code in reading.answer, reading.answer
    other = hit("electricity: mpan: 1200 0531 4477 82", line=30, path="/notes/data/home.toml", topic="electricity",
                fields={"mpan": "1200 0531 4477 82"})
    assert Reader(overlap_model()).read("What is the EIC code of our electricity connection?", [other]).kind == "abstained"
    # Only the acronym that names the code asked for: not whose card it is, nor a model's name.
    assert [n for n in _code_acronyms(analyse("What is the PIN of my FNB card?"))] == []
    assert _code_acronyms(analyse("What is the insurance policy number of the BT-50?")) == []
    assert _code_acronyms(analyse("What is the NAS admin password?")) == []


def test_a_count_or_a_size_is_no_models_or_serials_code():
    assert typed_values("Solar: Deye SUN-5K hybrid inverter with a 10 kWh battery", "number") == ["10"]
    assert typed_values("Bike: Frame serial: WTU244C1187.", "number") == []
    assert typed_values("Shoes: EU 38, allotment No. 17", "number") == ["EU 38", "17"]
    assert typed_values("On call: one week in four.", "number") == ["one", "four"]
    # Nor a whole date: "Installed 14/03/2024" counts no solar panels ("How many solar panels ...?").
    assert typed_values("Solar: Installed 14/03/2024 by SunWorx; warranty until 2029-03-14.", "number") == []
    assert typed_values("12 panels, installed 14.03.2024; frame 205/55", "number") == ["12", "205/55"]
    reading = Reader(overlap_model()).read("How many solar panels do we have?", [
        hit("Solar: Installed 14/03/2024 by Frans Hamutenya of SunWorx Namibia; inverter warranty until 14/03/2029.")])
    assert reading.kind == "abstained", reading.answer
    # A count left alone among the other figures a line gives is not put first as the answer: the
    # filter's size is "16x25x1", not the "3" of every 3 months.
    filter_ = hit("Heating: Air exchanger filter: 16x25x1, change every 3 months (last changed 2026-09-14).")
    reading = Reader(overlap_model()).read("What size is the air exchanger filter?", [filter_])
    assert reading.kind == "answered" and reading.answer.startswith("Heating: Air exchanger filter: 16x25x1"), reading.answer


def test_a_line_whose_value_is_only_the_asked_word_gives_way_to_the_line_keyed_by_it():
    """"Chave Pix: CPF" (the Pix key is the CPF) is liked better for "What is my CPF?" than
    "CPF: 318.552.047-06", but its value only repeats the question: the keyed line answers."""
    pix = hit("Chave Pix: CPF", line=54, path="/notes/Documentos.enex", fields={"Chave Pix": "CPF"})
    cpf = hit("CPF: 318.552.047-06", line=14, path="/notes/Documentos.enex", fields={"CPF": "318.552.047-06"})
    reading = Reader(overlap_model(pix=1.0)).read("What is my CPF?", [pix, cpf])
    assert reading.kind == "answered" and "318.552.047-06" in reading.answer


def test_a_code_that_ends_in_four_digits_holds_no_year():
    """"polisnumero PV-5528-1907" is a policy's number, not the year 1907; a range of years and a
    month's year still are years."""
    from agent.reader_text import dates
    assert dates("Pohjola Vakuutus, polisnumero PV-5528-1907") == []
    assert dates("the 2025-2026 season") == ["2025", "2026"]
    assert dates("contract signed 10-2026") == ["2026"]


def test_a_line_that_says_the_thing_whose_number_is_asked_beats_any_numbered_line():
    """"whats my plate number": the passport's line says "number" and covers the question as well
    as the car's line, whose "번호판" (number plate) says "plate"; the model likes the passport
    better, but the plate answers."""
    lines = [hit("Misc: 여권 (passport) number M12345678, 만료 2030.01.15", line=21, rank=1, path="/notes/money.md"),
             hit("Car: 번호판 12가 3456", line=5, rank=0, path="/notes/car.md")]
    for model in (overlap_model(), overlap_model(passport=1.0)):
        reading = Reader(model).read("whats my plate number", lines)
        assert reading.kind == "answered" and "12가 3456" in reading.answer, reading.answer
    # A line that says only some of the thing ("license", not "driving") is no better than the
    # employee number's code for "my driving licence number": the notes do not say it.
    code = Scored(statement=hit("Công việc: Mã nhân viên: CT-0592", line=1), cover=0.33, typed=["CT-0592"], prerank=1.0)
    licence = Scored(statement=hit('The license says that altered source versions must be "plainly marked".', line=171),
                     cover=0.33, typed=[], prerank=1.0)
    assert not _more_of_the_thing(analyse("What's my driving licence number?"), licence, code)
    plate = Scored(statement=lines[1], cover=0.5, typed=["12가 3456"], prerank=1.0)
    passport = Scored(statement=lines[0], cover=0.5, typed=["M12345678"], prerank=1.0)
    assert _more_of_the_thing(analyse("whats my plate number"), plate, passport)
