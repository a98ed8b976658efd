"""What a line says without the question's own words: a count by the recipe's verb ("Makes 16."), a
name by its initials ("NYE"), a place by "is in the ...", a 24-hour clock without its colon, the
second sentence of a line that names the thing in its first; and what a line seems to say but
does not (a heading's day as a birthday, someone else's number, "his CI" for mine)."""
from __future__ import annotations

from pathlib import Path

from agent.chat import _named_after_owner
from agent.reader import Reader, _number_of_one_before, _placed, _said_by_initials
from agent.reader_cars import listed_cars
from agent.reader_notes import note_context
from agent.reader_owner import other_owner
from agent.reader_question import analyse, typed_values
from agent.reader_statements import StatementHit
from tests.agent.test_reader import hit, overlap_model


def test_a_count_is_said_by_the_verb_of_the_question():
    recipe = [hit("Makes 16.", line=5, path="/notes/recipes/buns.md", topic="Mum's cardamom buns"),
              hit("Filling: 100 g soft butter, 80 g light brown sugar, 1 tsp cardamom.", line=14,
                  path="/notes/recipes/buns.md", topic="Mum's cardamom buns")]
    reading = Reader(overlap_model()).read("How many buns does the cardamom bun recipe make?", recipe)
    assert reading.kind == "answered" and "16" in reading.answer
    # A count beside another verb is no count of buns.
    other = [hit("Mum's cardamom buns: Method: let the dough rise twice, then bake at 200°C for 16 minutes.", line=6,
                 path="/notes/recipes/buns.md")]
    assert Reader(overlap_model()).read("How many buns does the cardamom bun recipe make?", other).kind == "abstained"


def test_how_late_asks_for_a_time_and_a_possessive_inside_a_name_is_no_owner():
    info = analyse("How late does the New Year's Eve gig go?")
    assert info.want == "time" and info.owners == []
    # The name's own first word keeps its possessive: the Škoda's Pickerl is the Škoda's.
    assert analyse("When is the Škoda's Pickerl appointment?").owners == ["škoda"]
    assert analyse("How late was the train?").want is None  # not "how late is/does ..." of an hour


def test_a_name_of_three_words_is_said_by_its_initials():
    assert _said_by_initials("New Year's Eve", "notes: NYE!! till 12:30a")
    assert not _said_by_initials("New Year's Eve", "notes: nye till 12:30a")  # a word, not initials
    assert not _said_by_initials("Home Depot", "HD 500 receipt")  # two words make too common a pair
    gig = hit("date: 12/31/26; venue: Marigold Hotel ballroom; downbeat: 9p; fee: $500; notes: NYE gig!! till 12:30a",
              line=16, path="/notes/gigbook.tsv",
              fields={"date": "12/31/26", "venue": "Marigold Hotel ballroom", "downbeat": "9p", "fee": "$500",
                      "notes": "NYE gig!! till 12:30a"})
    other = hit("date: 05/23/26; venue: Riverside Pavilion; downbeat: 3p; fee: $250; notes: paid late!!", line=7,
                path="/notes/gigbook.tsv")
    reading = Reader(overlap_model()).read("How late does the New Year's Eve gig go?", [other, gig])
    assert reading.kind == "answered" and "12:30" in reading.answer


def test_his_or_her_thing_is_not_mine():
    mine = analyse("When does my CI expire?")
    assert other_owner(mine, "2026-01-18: Inti got his CI last year; the card is in the blue folder.")
    assert not other_owner(mine, "CI (cedula de identidad): 6078412 LP, valid until 12/08/2030.")
    # A line that says mine too is mine.
    assert not other_owner(mine, "I renewed my CI and his CI on the same day.")


def test_the_sentence_after_the_named_one_on_its_line_goes_on_about_it(tmp_path: Path):
    log = tmp_path / "LOG 2026.txt"
    log.write_text("2026-09-03  He got the job in Edmonton.\n"
                   "2026-11-12  Ghana tickets bought! KLM, leave Toronto December 15, back January 12.\n", encoding="utf-8")
    path = str(log)
    named = StatementHit(id="a", path=path, line=2, end_line=2, text="2026-11-12 Ghana tickets bought!",
                         source="2026-11-12  Ghana tickets bought!", rank=0)
    then = StatementHit(id="b", path=path, line=2, end_line=2, text="2026-11-12: KLM, leave Toronto December 15, back January 12.",
                        source="KLM, leave Toronto December 15, back January 12.", rank=1)
    reading = Reader(overlap_model()).read("When do we leave for Ghana?", [named, then])
    assert reading.kind == "answered" and "December 15" in reading.answer
    # A sentence on another line names nothing of Ghana: it stays out.
    apart = StatementHit(id="c", path=path, line=1, end_line=1, text="2026-09-03: He got the job in Edmonton, starts October 1.",
                         source="He got the job in Edmonton, starts October 1.", rank=1)
    assert Reader(overlap_model()).read("When do we leave for Ghana?", [named, apart]).kind == "abstained"


def test_a_shift_logs_hour_without_its_colon():
    assert typed_values("2026-08-08 N ICU: code blue 0245 bed 11 - ROSC", "time", exclude="What time was the code blue?") == ["0245"]
    # Not a year, a count or a price: only the 24-hour clock's leading zero makes one.
    assert typed_values("Paid 1450 for 2026 parts", "time", exclude="What time was it?") == []


def test_where_a_thing_is_kept_answers_where_it_is():
    info = analyse("Where is the electricity meter?")
    assert _placed(info, "Meter is in the cupboard under the stairs (torch on the hook).") == "in the cupboard under the stairs"
    assert _placed(info, "Electricity: Provider: Brightline Energy, account BL-4471-092.") is None
    assert _placed(analyse("Who fixed the meter?"), "Meter is in the cupboard under the stairs.") is None
    lines = [hit("Electricity: Provider: Brightline Energy, account BL-4471-092.", line=8, path="/notes/house.md"),
             hit("Electricity: Meter is in the cupboard under the stairs (torch on the hook).", line=9, path="/notes/house.md")]
    reading = Reader(overlap_model(Brightline=1.5)).read("Where is the electricity meter?", lines)
    assert reading.kind == "answered" and "under the stairs" in reading.answer


def test_a_number_given_before_the_asked_one_is_named_is_someone_elses():
    text = ("AD: Mohammed Farouk - letting agent, Reem Homes Real Estate, +971 55 302 7719. handles the flat for "
            "the owner (Mr Al Mansoori, never met him).")
    assert _number_of_one_before(text, "+971 55 302 7719", ["Mr Al Mansoori"])
    assert not _number_of_one_before(text, "+971 55 302 7719", ["Mohammed Farouk"])
    # In one contact's entry the asked word may be their address: theirs.
    assert not _number_of_one_before("Zbigniew Krawiec - +48 512 555 090 - Auto-Zbych, Półłanki 64", "+48 512 555 090", ["Półłanki"])
    reading = Reader(overlap_model()).read("What's Mr Al Mansoori's phone number?", [hit(text, line=12, path="/notes/people.md")])
    assert reading.kind == "abstained"


def test_a_headings_day_is_no_birthday_of_a_line_that_says_none():
    line = hit("Sibusiso, bhuti Thulani and two of his crew loaded the D-Max four times.", line=42,
               path="/notes/journal.org", topic="2026-06-27 Sat")
    assert Reader(overlap_model()).read("When is bhuti Thulani's birthday?", [line]).kind == "abstained"
    # A line that says the birthday under its day is read by that day.
    said = hit("Ma's birthday! Lunch at Auntie's.", line=3, path="/notes/journal.md", topic="Tuesday, 3 February")
    reading = Reader(overlap_model()).read("When is Ma's birthday?", [said])
    assert reading.kind == "answered" and "3 February" in reading.answer


def test_the_kind_of_number_of_a_thing_asks_for_its_identifier():
    assert analyse("What's the lot number of the amoA primers?").want == "code"
    assert analyse("What is the flight number of Mama's return flight?").want == "code"
    # "plot" only ends in "lot": the plot's number of the house is asked as before.
    assert analyse("What is the plot number of our house?").want is None
    assert analyse("whats my passport nr").terms == analyse("whats my passport number").terms
    assert analyse("mamas flight numbr??").want == "code"
    primers = hit("2026-02-02 Mon: The amoA primers arrived (Paula ordered them).", line=15, path="/notes/lab.md")
    assert Reader(overlap_model()).read("What's the lot number of the amoA primers?", [primers]).kind == "abstained"


def test_a_record_written_with_its_time_is_filed_under_its_day():
    line = hit("#5 Actualizado por Lucía Ferreira el 02/11/2026 20:48: Her padrino el Tano brings the piñata.",
               line=32, path="/notes/issues/107.textile", topic="#5 Actualizado por Lucía Ferreira el 02/11/2026 20:48")
    assert Reader(overlap_model()).read("When is el Tano's birthday?", [line]).kind == "abstained"


def test_a_car_page_keyed_by_car_lists_its_cars():
    lines = ["car: Toyota C-HR hybrid, 2021, grey", "plate: MHZ 719", "car: Peugeot 2008, 2017, white", "plate: KXA 482"]
    assert sorted(listed_cars(lines)) == ["Peugeot 2008", "Toyota C-HR"]
    assert listed_cars(["SsangYong Rexton (Landry) immatriculation FB-0937-B",
                        "Daihatsu Terios (la mienne, grise) immatriculation ET-4182-A"]) == ["SsangYong Rexton", "Daihatsu Terios"]
    # One car written with its model and, in its aliases, by its make alone is one car.
    assert listed_cars(["Car: Toyota Auris 2017, hybrid, silver. plate:: GD 4K219.", "Car: aliases: Auris, Toyota"]) == []
    # "the car's licence plate" is the car's, not a driving licence.
    assert analyse("What is the car's licence plate?").owners == ["car"]
    assert analyse("When does my driver's licence expire?").owners == []


def test_the_hop_takes_the_one_named_after_the_asked_owner():
    text = ("School start back. Jahmari Form 2 at Belmopan Comprehensive School, form teacher Mr. Eiley. "
            "Amaya Std 1 at Our Lady of Guadalupe RC, teacher Ms. Bodden")
    assert _named_after_owner(text, "teacher", "Who is Amaya's teacher?") == "Ms. Bodden"
    assert _named_after_owner(text, "teacher", "Who is the teacher?") is None


def test_a_data_files_comment_block_heads_it_whole(tmp_path: Path):
    rec = tmp_path / "shaadi.rec"
    rec.write_text("# shaadi.rec -- Hamza ki shaadi, Karachi, December 2026\n# (planned in September)\n\n%rec: Travel\n\n"
                   "Leg: out\nFlight: PA 401\nPNR: R4KX9T\n", encoding="utf-8")
    assert "Karachi" in note_context(str(rec), 8)
    md = tmp_path / "n.md"
    md.write_text("# Trips\n\nsome line\n# Money\n\nPNR of nothing\n", encoding="utf-8")
    assert "Trips" not in note_context(str(md), 6)  # a heading after a gap still replaces the one before
    reading = Reader(overlap_model()).read("What is the PNR for our Karachi flights?", [
        StatementHit(id="p", path=str(rec), line=8, end_line=8, text="Flight out: PNR: R4KX9T", source="PNR: R4KX9T",
                     topic="Flight out", fields={"PNR": "R4KX9T"}, rank=0)])
    assert reading.kind == "answered" and "R4KX9T" in reading.answer


def test_a_code_for_a_named_trip_is_said_by_the_note_around_it(tmp_path: Path):
    toml = tmp_path / "2026-12-helsinki.toml"
    toml.write_text('# Christmas 2026 at Kiki\'s in Helsinki\n\n[ferry.out]\noperator = "Tallink"\nbooking = "TLK-8841-223"\n',
                    encoding="utf-8")
    line = StatementHit(id="t", path=str(toml), line=5, end_line=5, text="ferry out: booking: TLK-8841-223",
                        source='booking = "TLK-8841-223"', topic="ferry out", fields={"booking": "TLK-8841-223"}, rank=0)
    reading = Reader(overlap_model()).read("What is the Tallink booking number for the Christmas trip?", [line])
    assert reading.kind == "answered" and "TLK-8841-223" in reading.answer


def test_a_memos_clock_stamp_is_no_day():
    memo = [hit("[01:05] Dentist moved!", line=9, path="/notes/memos/2026-10-11.txt"),
            hit("Dentist: new termin 21. 10. at 15:40.", line=9, path="/notes/memos/2026-10-11.txt")]
    reading = Reader(overlap_model(moved=3.0)).read("When is my dentist appointment?", memo)
    assert reading.kind == "answered" and "21. 10" in reading.answer


def test_a_teacher_who_went_to_another_office_has_left_the_class():
    from agent.reader_versions import gone
    assert gone("Mani's class got a new teacher this week: Mrs Latsamy went to the district office.", "Mrs Latsamy")
    assert not gone("Mrs Latsamy went to the zoo with the class.", "Mrs Latsamy")


def test_how_often_an_amount_is_paid_is_no_thing_it_is_paid_for():
    lines = [hit("Bill maasi: Amount: Rs 18,000 per month, cash on the 1st", line=37, path="/notes/bills.rec",
                 fields={"Amount": "Rs 18,000 per month, cash on the 1st"}),
             hit("maasi: Text: Shamim's pay is Rs 20,000 from November (she asked in October, fair enough).", line=53,
                 path="/notes/log.rec")]
    reader = Reader(overlap_model(Shamim=2.0))
    info = analyse("How much do we pay Shamim per month?")
    newer = next(c for c in reader.candidates(info, lines, {}) if "20,000" in c.statement.text)
    assert reader.speaks_of_attribute(info, newer)
    # A thing named beside the period is still asked: the school fees are no pay of Shamim's.
    fees = analyse("How much are the school fees per month?")
    school = hit("Shamim's pay is Rs 20,000 from November.", line=53, path="/notes/log.rec")
    assert not reader.speaks_of_attribute(fees, next(iter(reader.candidates(fees, [school], {}))))


def test_a_name_cut_to_the_same_stem_is_another_name():
    from agent.reader import _other_name_same_stem
    assert _other_name_same_stem(["Mr Chikoti"], "Name: Dr Chikondi Jere; phone: 0999 731 054")
    assert not _other_name_same_stem(["Kratochvílová"], "Pronajímatelka: paní Kratochvílové, přes e-mail")
    assert not _other_name_same_stem(["Chikondi"], "Name: Dr Chikondi Jere; phone: 0999 731 054")
    line = hit("Name: Dr Chikondi Jere; phone: 0999 731 054", line=11, path="/notes/Main.Contacts",
               fields={"Name": "Dr Chikondi Jere", "phone": "0999 731 054"})
    assert Reader(overlap_model()).read("What's Mr Chikoti's phone number?", [line]).kind == "abstained"
    assert "0999 731 054" in Reader(overlap_model()).read("What's Dr Chikondi's phone number?", [line]).answer
    # Running text inflects names ("Vilniaus" is Vilnius's): only a card's name field is held to the letter.
    race = hit("Vilniaus maratonas – mano pusmaratonis (21,1 km) per 1:58:42!", line=4, path="/notes/sportas.md")
    assert "1:58:42" in Reader(overlap_model()).read("What was my time in the Vilnius half marathon?", [race]).answer


def test_a_clock_time_is_no_count_or_size():
    assert typed_values("Training is Tuesdays 5:15-6:15pm at Fleming Park, shin pads every time", "number",
                        exclude="what size shin pads does mila wear") == []
    assert typed_values("Goalie gloves: Isla size 6", "number", exclude="what size gloves does isla wear") == ["6"]
    # A race time is written as a clock and is the time asked.
    assert "1:58:40" in typed_values("Lake Superior Half Marathon yesterday, finished in 1:58:40.", "number",
                                     exclude="How fast did I run the Lake Superior half?")


def test_a_gym_membership_is_said_by_fitness_and_member():
    line = hit("log 2026-09: 09-12 joined Rise Fitness Brunswick, $22.50/wk direct debit, member no. RF-208813", line=9,
               path="/notes/log/2026-09.md")
    reading = Reader(overlap_model()).read("What is my gym membership number?", [line])
    assert reading.kind == "answered" and "RF-208813" in reading.answer


def test_how_many_counts_the_noun_its_words_end_on():
    cups = hit("Xmas cups: 500 red cups from Vegware, came 10/11", line=20, path="/notes/todo.org", topic="Xmas cups")
    reading = Reader(overlap_model()).read("How many Christmas cups did I order?", [cups])
    assert reading.kind == "answered" and "500" in reading.answer
    # A number beside another thing is still no count of cups.
    other = hit("Xmas cups: order came on 10/11, 3 boxes of lids with it", line=21, path="/notes/todo.org", topic="Xmas cups")
    assert "3" not in (Reader(overlap_model()).read("How many Christmas cups did I order?", [other]).value or "")
