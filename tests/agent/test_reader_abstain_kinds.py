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


def test_words_of_time_and_kin_are_no_thing_by_vector():
    """"house" sits by "family" and "winter" by "year" in a vector space: a line headed "Family"
    is not about the house, one that says "every year" not about the winter tyres. A word of time
    asked still finds its like ("a year" in "period: yearly")."""
    from agent.reader_relate import shares_attribute

    close = {"house": [1.0, 0.0, 0.0], "family": [0.9, 0.1, 0.0], "winter": [0.0, 1.0, 0.0], "year": [0.1, 0.9, 0.0],
             "yearly": [0.1, 0.9, 0.0]}
    relate = WordRelate(lambda ws: [close.get(w, [0.0, 0.0, 1.0]) for w in ws])
    assert not shares_attribute(["house"], "Family Lynn: Crèche Bambi. We pay through the Chèque-Service", relate)
    assert not shares_attribute(["winter"], "Every year on 30 April: Scade il bollo della Panda", relate)
    assert shares_attribute(["year"], "Service: Fastmail; cost: £45.00; period: yearly", relate)
    assert shares_attribute(["house"], "Family: the house in Strassen, bought 2019", relate)


def test_the_thing_that_renews_is_said_by_its_head_noun():
    """"When does the van insurance renew?" asks of the insurance: the van's MOT date is no answer."""
    van = hit("Van: white Citroën Berlingo, MF19 KZP. MOT due 22 March 2027. Service at Kwik Fit Levenshulme.",
              path="/notes/personal.md")
    assert Reader(overlap_model()).read("When does the van insurance renew?", [van]).kind == "abstained"
    cover = hit("Van insurance: Admiral, renews 3 May 2027.", line=7, path="/notes/personal.md")
    assert "3 May 2027" in Reader(overlap_model()).read("When does the van insurance renew?", [van, cover]).answer


def test_a_month_and_year_is_no_contract_number():
    from agent.reader_question import typed_values

    assert typed_values("Ameriabank, 38,000,000 AMD for 15 years, signed 04.2023.", "code") == []
    assert typed_values("Contract no. 0412/2023-77 with Ameriabank", "code")
    signed = hit("Ameriabank, 38,000,000 AMD for 15 years, signed 04.2023.", path="/notes/admin.md")
    assert Reader(overlap_model()).read("What is the Ameriabank mortgage contract number?", [signed]).kind == "abstained"


def test_someone_elses_number_is_not_the_named_ones():
    """"Niko's number ... +381 63 555 2291", read after a sentence naming Marek, is Niko's."""
    niko = hit("Niko's number for the form at work, it's still his Serbian one, +381 63 555 2291.", line=9,
               path="/notes/memos/2026-08-04.txt")
    niko.context = "Lenka is coming from Brno with Marek, so it's the whole family."
    assert Reader(overlap_model()).read("What is Marek's phone number?", [niko]).kind == "abstained"
    marek = hit("Marek's number is 0903 555 610.", line=12, path="/notes/memos/2026-08-04.txt")
    assert "0903 555 610" in Reader(overlap_model()).read("What is Marek's phone number?", [niko, marek]).answer


def test_a_papers_generic_word_may_be_left_out_but_not_what_it_is():
    """"first aid: ..., expires 14/03/2027" is when the first aid certificate expires; "carte RAMQ:
    expiration: 2028-02" when the health card does (the head said, in French); the van's MOT date
    is no day the van insurance renews (test above)."""
    aid = hit("Coach: first aid: Sports Trainer Level 1, expires 14/03/2027.", path="/notes/club.md")
    assert "14/03/2027" in Reader(overlap_model()).read("When does my first aid certificate expire?", [aid]).answer
    mot = hit("Car: MOT due 22 March 2027.", path="/notes/car.md")
    assert Reader(overlap_model()).read("When does my car insurance policy expire?", [mot]).kind == "abstained"


def test_an_amount_for_the_thing_is_not_every_amount_of_it():
    """"Picanto insurance Falcon Cover; AED: 1190" is what the insurance costs, not its excess; a
    bill is any amount its line gives ("Water: B$45 a month")."""
    paid = hit("Date: 2026-11-11; what: Picanto insurance Falcon Cover; AED: 1190; paid by: card.", path="/notes/money.csv",
               fields={"Date": "2026-11-11", "what": "Picanto insurance Falcon Cover", "AED": "1190", "paid by": "card"})
    assert Reader(overlap_model()).read("What's the insurance excess on the Picanto?", [paid]).kind == "abstained"
    water = hit("Water: B$45 a month, paid at the post office.", path="/notes/house.md")
    assert "45" in Reader(overlap_model()).read("How much is the water bill?", [water]).answer


def test_the_year_a_car_was_made_is_no_day_its_insurance_runs_out():
    from agent.reader_events import described_years

    car = hit("Lexus RX 300 (2003, black): Insurance: Kyrgyzinstrakh as well, same agent as the Estima.", path="/notes/cars.md")
    assert Reader(overlap_model()).read("When does the Lexus insurance policy expire?", [car]).kind == "abstained"
    assert described_years("What year is the Lexus from?", car.text, ["2003"]) == set()  # asked as such, it is the answer
    dated = hit("Lexus RX 300 (2003, black): Insurance: Kyrgyzinstrakh, valid until 14.05.2027.", line=2, path="/notes/cars.md")
    assert "14.05.2027" in Reader(overlap_model()).read("When does the Lexus insurance policy expire?", [car, dated]).answer


def test_a_kind_of_value_or_an_identifiers_word_is_no_other_thing():
    """The rule above reads only a question that asks no kind of value, of the thing it opens with:
    "the transmission repair on the van" costs the van line's amount, "my employee nr at work" is
    "Employee number KA-0392", "the Schadennummer of the water damage" is not asked of the damage."""
    repair = hit("Date: 7/8/2026; category: van; what: Lopez Auto - transmission; amount: 2900.00.", path="/notes/money.csv",
                 fields={"Date": "7/8/2026", "category": "van", "what": "Lopez Auto - transmission", "amount": "2900.00"})
    assert "2900.00" in Reader(overlap_model()).read("What did the transmission repair on the van cost me?", [repair]).answer
    number = hit("Work: Employee number KA-0392.", path="/notes/work.md")
    assert "KA-0392" in Reader(overlap_model()).read("What's my employee nr at work?", [number]).answer


def test_the_year_a_car_was_made_is_no_day_its_insurance_renews():
    from agent.reader_events import described_years

    text = "Isuzu KB 250 (2012, double cab, grey): Insurance: Botswana Insurance Company, third party only."
    assert described_years("When does the Isuzu's insurance renew?", text, ["2012"]) == {"2012"}
    assert Reader(overlap_model()).read("When does the Isuzu's insurance renew?", [hit(text, path="/notes/cars.md")]).kind == "abstained"
