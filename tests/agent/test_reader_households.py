"""What a household keeps more than one of, and who took over a role: three doctors, two cars,
two uncles on one line, a dentist who retired; and the facts a plain key holds without the
question's every word (a passport's number, the couple's marriage, a car's inspection under its
name). All examples made up; driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_cars import asks_of_the_car, asks_the_car, listed_cars
from agent.reader_doctors import listed_doctors
from agent.reader_policies import listed_policies, listed_policy_numbers
from tests.agent.test_reader import hit, overlap_model


def _doctors() -> list:
    return [hit("Doctors: GP: Dr. Hilde Varga, Eastbank Health Centre.", line=14, rank=0, path="/notes/health.md", topic="Doctors",
                fields={"GP": "Dr. Hilde Varga, Eastbank Health Centre."}),
            hit("Doctors: Cardiologist: Dr. Omar Pell, Riverside Heart Clinic. Check-up twice a year.", line=15, rank=1,
                path="/notes/health.md", topic="Doctors", fields={"Cardiologist": "Dr. Omar Pell, Riverside Heart Clinic."}),
            hit("Doctors: Dentist: Dr. Ines Quarry, Market Square.", line=16, rank=2, path="/notes/health.md", topic="Doctors",
                fields={"Dentist": "Dr. Ines Quarry, Market Square."})]


def test_my_doctor_with_a_gp_a_specialist_and_a_dentist_is_asked_about():
    reading = Reader(overlap_model()).read("What's my doctor's phone number?", _doctors())
    assert reading.kind == "ambiguous"
    assert reading.options == ["Dr. Hilde Varga (GP)", "Dr. Omar Pell (Cardiologist)", "Dr. Ines Quarry (Dentist)"]
    # Asked by the role, the keyed line answers.
    reading = Reader(overlap_model()).read("Who is my dentist?", _doctors())
    assert reading.kind == "answered" and "Ines Quarry" in reading.answer


def test_doctors_are_listed_by_their_role_before_or_after_the_name():
    assert listed_doctors(["Doctors: Dr Amal Hassan – family doctor at the Northgate centre.",
                           "Doctors: Huisarts (GP): Dr. Pim Blok, practice on the Dijkweg.",
                           "endocrinologist: dr Sara Tomić at the city hospital"]) == [
        "Dr Amal Hassan (family doctor)", "Dr. Pim Blok (Huisarts, GP)", "dr Sara Tomić (endocrinologist)"]
    # The old GP and the new one are one role told twice: nothing to ask.
    assert listed_doctors(["GP: Dr. Hilde Varga, Eastbank Health Centre.",
                           "Letter from Eastbank: Dr. Varga has retired. My new GP is Dr. Tom Reed."]) == []
    # A doctor named without a role ("Saw Dr. Pell on Monday") is not listed.
    assert listed_doctors(["Saw Dr. Pell on Monday.", "GP: Dr. Hilde Varga."]) == []


def test_the_car_with_two_cars_of_the_household_is_asked_about():
    cars = [hit("My car: Kia Picanto, blue, 2015, plate KT 204 BB.", line=8, rank=0, path="/notes/car.md", topic="My car"),
            hit("Sam's car: Ford Ranger, white, plate RX 77 310.", line=14, rank=1, path="/notes/car.md", topic="Sam's car")]
    reading = Reader(overlap_model()).read("What's the plate of our car?", cars)
    # The plate asked is shown beside each car (either one may be what the user wants).
    assert reading.kind == "ambiguous" and reading.options == ["Kia Picanto (KT 204 BB)", "Ford Ranger (RX 77 310)"]
    reading = Reader(overlap_model()).read("What colour is the car?", cars)
    assert reading.kind == "ambiguous" and reading.options == ["Kia Picanto", "Ford Ranger"]
    # "my car" is mine.
    reading = Reader(overlap_model()).read("What's the plate of my car?", cars)
    assert reading.kind == "answered" and "KT 204 BB" in reading.answer


def test_only_cars_with_a_plate_count_and_a_car_named_by_the_question_is_one():
    assert listed_cars(["Sold the old Honda Jazz, plate AB 12 CD, to a neighbour.", "My car: Kia Picanto, plate KT 204 BB."]) == []
    assert listed_cars(["Thinking about a Toyota Yaris next year.", "My car: Kia Picanto, plate KT 204 BB."]) == []
    # A model written in lower case with its number: Hyundai's "i10".
    assert listed_cars(["Car: Hyundai i10, silver, 2017; Plate: 5127 TBK; Driver: me", "Hery: Nissan X-Trail, plate 9076 TAM"]) == ["Hyundai i10", "Nissan X-Trail"]
    # ... and after a word of the model's name: "Grand i10", not "Hyundai Grand".
    assert listed_cars(["Hyundai Grand i10 (Devi's): plate 4418 ZR 09", "Toyota Passo (mine): plate 2217 AP 15"]) == ["Hyundai Grand i10", "Toyota Passo"]
    assert asks_the_car("What's the plate of our car?")
    assert not asks_the_car("What's the plate of the car Sam drives?") and not asks_the_car("What's the plate of my car?")


def test_two_people_listed_under_one_plural_key_are_asked_about():
    line = hit("Family: Uncles: Uncle Farid Nasser in Tripoli (Dad's brother) and Uncle Rami Aoun in Sidon (Mum's brother).",
               line=19, rank=0, path="/notes/family.md", topic="Family")
    reading = Reader(overlap_model()).read("Where does my uncle live?", [line])
    assert reading.kind == "ambiguous" and reading.options == ["Uncle Farid Nasser", "Uncle Rami Aoun"]
    grans = hit("Grandmothers: Oma Lies (Dad's mother) lives in Gouda; Oma Trees (Mum's mother) is in Delft.", line=4, rank=0)
    reading = Reader(overlap_model()).read("Where does my grandmother live?", [grans])
    assert reading.kind == "ambiguous" and {"Oma Lies", "Oma Trees"} <= set(reading.options)


def test_a_dentist_who_retired_is_followed_by_the_one_who_took_over():
    page = hit("Doctors: Dentist: Dr Vera Holm, Harbour Dental; phone 555 0192.", line=12, rank=0, path="/notes/health.md",
               topic="Doctors", fields={"Dentist": "Dr Vera Holm, Harbour Dental; phone 555 0192."}).model_copy(update={"written": "2026-03-02"})
    gone = hit("Dr Vera Holm has closed Harbour Dental (moved to Norway).", line=6, rank=1,
               path="/notes/journal/2026-11-20.md").model_copy(update={"written": "2026-11-20"})
    new = hit("We are all going to Dr Ben Aslan at Quay Street Dental, from now on.", line=7, rank=2,
              path="/notes/journal/2026-11-20.md").model_copy(update={"written": "2026-11-20"})
    reading = Reader(overlap_model()).read("Who is our dentist?", [page, gone, new])
    assert reading.kind == "answered" and "Ben Aslan" in reading.answer
    # Without the line saying she left, her practice's new name is no successor.
    reading = Reader(overlap_model()).read("Who is our dentist?", [page, new])
    assert "Vera Holm" in reading.answer


def test_a_line_that_says_someone_is_now_the_kind_after_naming_them_is_the_new_one():
    page = hit("Doctors: Dentist: Dr Vera Holm in Quayside.", line=12, rank=0, path="/notes/health.md", topic="Doctors",
               fields={"Dentist": "Dr Vera Holm in Quayside."}).model_copy(update={"written": "2026-03-02"})
    entry = hit("The practice in Quayside is now Dr Lena Brook's, so she is our dentist from now on.", line=5, rank=1,
                path="/notes/journal/2026-11-16.md").model_copy(update={"written": "2026-11-16"})
    reading = Reader(overlap_model()).read("Who is our dentist?", [page, entry])
    assert reading.kind == "answered" and "Lena Brook" in reading.answer


def test_someone_who_started_as_our_new_one_on_a_dated_page_is_the_new_one():
    """"Rra Kabelo Dube started on Monday as our new gardener, same two days." on a dated journal
    page, against the house page's undated "Gardener: Rra Moeti": the journal names who it is now."""
    page = hit("House: Gardener: Rra Moeti, Tuesday and Friday, P900 a month.", line=10, rank=0, path="/notes/house.md",
               topic="House", fields={"Gardener": "Rra Moeti, Tuesday and Friday, P900 a month."})
    entry = hit("Rra Kabelo Dube started on Monday as our new gardener, same two days.", line=18, rank=1,
                path="/notes/journal/2026-11-20.md", topic="Birthday party")
    for order in ([page, entry], [entry, page]):
        reading = Reader(overlap_model()).read("Who is our gardener?", order)
        assert reading.kind == "answered" and "Kabelo Dube" in reading.answer, order
    # Started something else: no new gardener.
    other = hit("Rra Kabelo Dube started on Monday as our new driver.", line=18, rank=1, path="/notes/journal/2026-11-20.md")
    assert "Moeti" in Reader(overlap_model()).read("Who is our gardener?", [page, other]).answer


def test_a_number_asked_for_is_said_by_a_key_that_holds_one():
    """"What's my passport number?": "Passport: K7712094" holds the number; "Mum has a new
    number: 555 0117" says the word but is no passport."""
    statements = [hit("Mum has a new number: 555 0117.", line=3, rank=0, path="/notes/journal/2026-07-11.md"),
                  hit("Papers: Passport: K7712094, expires 11/10/2030", line=11, rank=1, path="/notes/papers.md", topic="Papers",
                      fields={"Passport": "K7712094, expires 11/10/2030"})]
    reading = Reader(overlap_model(mum=3.0)).read("What's my passport number?", statements)
    assert reading.kind == "answered" and "K7712094" in reading.answer


def test_when_we_married_is_said_by_a_marriage_line_that_names_neither():
    statements = [hit("Jonas does Saturdays, I do Wednesdays.", line=9, rank=0, path="/notes/journal/2026-10-25.md"),
                  hit("At home: Jonas Weber, my husband. Plays in a band on Sundays.", line=16, rank=1, path="/notes/README.md"),
                  hit("Jonas: date: 14-07-1982", line=10, rank=2, path="/notes/birthdays.md", fields={"date": "14-07-1982"}),
                  hit("Papers: Marriage certificate: Town Hall of Lindau, 27-08-2011.", line=17, rank=3, path="/notes/papers.md",
                      topic="Papers", fields={"Marriage certificate": "Town Hall of Lindau, 27-08-2011."})]
    reading = Reader(overlap_model(jonas=3.0)).read("When did Jonas and I get married?", statements)
    assert reading.kind == "answered" and "27-08-2011" in reading.answer


def test_the_car_is_asked_about_only_for_what_every_car_has():
    assert asks_the_car("What colour is the car?") and asks_the_car("What's the registration of our car?")
    assert not asks_the_car("Until when is the car's inspection valid?")  # only the Tiida's line may say


def test_a_heading_over_a_line_is_no_list_of_people():
    """"Friends: Two Belmiros: Belmiro Muianga cuts my hair, and Belmiro Chiziane is on my shift"
    under the heading "Friends" names no best friend twice over."""
    friends = [hit("Friends: My best friend is Custódio Mabote (since school in Maputo).", line=25, rank=0, topic="Friends"),
               hit("Friends: Two Belmiros: Belmiro Muianga cuts my hair, and Belmiro Chiziane is on my shift.", line=26, rank=1,
                   topic="Friends")]
    reading = Reader(overlap_model()).read("Who is my best friend?", friends)
    assert reading.kind == "answered" and "Custódio Mabote" in reading.answer
    # ... nor a line that counts two namesakes ("Two Limphos") before naming them.
    two = hit("Friends: Two Limphos, don't mix them up in the phone: Limpho Ralitlhare does my hair (salon in town) "
              "and Limpho Moeketsi sits next to me.", line=27, rank=1, topic="Friends")
    reading = Reader(overlap_model()).read("Who is my best friend?", [friends[0], two])
    assert reading.kind == "answered" and "Custódio Mabote" in reading.answer


def test_which_bank_my_salary_goes_to_asks_for_the_bank():
    """"wich bank gets my salary" names the salary but asks for a bank: the line that says which
    account the salary goes to answers, not the salary's amount."""
    from agent.reader_question import analyse
    assert analyse("wich bank gets my salary").want == "name" and analyse("How much is my salary?").want == "money"
    statements = [hit("salary (net): before: 46.800,00 MT; from October: 58.300,00 MT", line=11, rank=0, path="/notes/Journal/2026-09-26.md"),
                  hit("Banks: Moza Banco, current account 0041 2290 6613 01 (salary).", line=12, rank=1, path="/notes/Money.md", topic="Banks"),
                  hit("Banks: Socremo, savings account 5508 7712 (school fees, Christmas).", line=13, rank=2, path="/notes/Money.md", topic="Banks")]
    reading = Reader(overlap_model()).read("wich bank does my salary go to", statements)
    assert reading.kind == "answered" and "Moza Banco" in reading.answer


def test_a_line_naming_two_of_the_asked_relation_asks_which():
    """"Uncle Ransford Blagrove lives in Montego Bay; Uncle Lascelles Pusey lives in May Pen": the
    place read first is one uncle's; the same uncle written twice is one."""
    two = hit("Your side: Uncle Ransford Blagrove lives in Montego Bay; Uncle Lascelles Pusey lives in May Pen.", line=14)
    reading = Reader(overlap_model()).read("Where does my uncle live?", [two])
    assert reading.kind == "ambiguous" and "Ransford Blagrove" in reading.answer and "Lascelles Pusey" in reading.answer
    one = hit("Uncle Ransford lives in Montego Bay. Uncle Ransford Blagrove moved there in 2019.", line=14)
    assert Reader(overlap_model()).read("Where does my uncle live?", [one]).kind == "answered"


def test_two_accounts_one_named_by_a_compound_are_asked_about():
    """"Standard Lesotho Bank, current account ..." and "Lesotho PostBank, savings account ...":
    "PostBank" says "bank" as the other label does, so neither is the one the question names."""
    banks = [hit("Banks: Standard Lesotho Bank, current account 9080 2251 7734 (salary goes here).", line=17, rank=0,
                 path="/notes/money.norg", topic="Banks"),
             hit("Banks: Lesotho PostBank, savings account 0314 662 901 (school fees).", line=18, rank=1,
                 path="/notes/money.norg", topic="Banks")]
    reading = Reader(overlap_model()).read("What's my bank account number?", banks)
    assert reading.kind == "ambiguous" and "Standard Lesotho Bank" in reading.answer and "Lesotho PostBank" in reading.answer


def test_a_plate_written_without_the_word_counts_and_a_hire_plate_is_ours():
    # "PWK 4127" after the model is the plate; a taxi's "hire plate" is a plate, not a hire car.
    assert listed_cars(["car: Mine: Nissan Note, silver, PWK 4127.", "Dev's taxi: Toyota Fielder, white, hire plate HC 7726"]) == [
        "Nissan Note", "Toyota Fielder"]
    assert listed_cars(["- Toyota Hiace van, P 5731 - school run", "- Mitsubishi Triton, P 8602 - mine. Tyres 245/70 R16"]) == [
        "Toyota Hiace", "Mitsubishi Triton"]
    # A model's number is no plate ("BMW 320"); a hire car is not ours.
    assert listed_cars(["BMW 320 bought 2019, silver", "Kia Picanto, KT 204 BB"]) == []
    assert listed_cars(["Toyota Corolla hire car, AB 1234 for the week", "Kia Picanto, KT 204 BB"]) == []


def test_which_branch_is_named_beside_the_word_and_an_owner_is_no_branch():
    lines = [hit("Money: National Bank of Samoa - pay account 020-118743-001 (Vaitele branch).", line=4, rank=0, topic="Money"),
             hit("Money: Samoa Commercial Bank - savings 5503812269 (Leilani's school savings).", line=5, rank=1, topic="Money")]
    reading = Reader(overlap_model()).read("Which branch is my National Bank of Samoa account at?", lines)
    assert reading.kind == "answered" and "Vaitele" in reading.answer
    # The other bank's line names no branch: Leilani owns the savings.
    assert Reader(overlap_model()).read("Which branch is my Samoa Commercial Bank account at?", lines[1:]).kind == "abstained"


def test_two_bank_accounts_written_as_name_dash_account_are_asked_about():
    lines = [hit("Citizens Bank - savings account 2209915467, that is the school money, don't touch", line=5, rank=0, path="/notes/money.txt"),
             hit("money: Republic Bank - salary account 1408833271 (Providence branch)", line=4, rank=1, path="/notes/money.txt")]
    reading = Reader(overlap_model()).read("What's my bank account number?", lines)
    assert reading.kind == "ambiguous" and "Citizens Bank" in reading.answer and "Republic Bank" in reading.answer
    # "savings 5503812269" is a savings account's number, though the line does not say "account".
    lines = [hit("Money: National Bank of Samoa - pay account 020-118743-001 (Vaitele branch)", line=4, rank=0, path="/notes/money.md"),
             hit("Money: Samoa Commercial Bank - savings 5503812269 (school savings)", line=5, rank=1, path="/notes/money.md")]
    reading = Reader(overlap_model()).read("What's my bank account number?", lines)
    assert reading.kind == "ambiguous" and "National Bank of Samoa" in reading.answer and "Samoa Commercial Bank" in reading.answer
    # Named by the question, the bank is not asked back.
    assert Reader(overlap_model()).read("What's my Samoa Commercial Bank account number?", lines).kind != "ambiguous"


def test_my_insurance_over_two_policies_is_asked_about_by_insurer():
    from agent.reader_policies import asks_my_insurance, listed_policies

    lines = [hit("Car: Bilförsäkring: Folksam, policy FB 88-40213, helförsäkring, 612 kr/mån, förfaller 2027-01-31", line=6, rank=0),
             hit("Home: Länsförsäkringar Göteborg, policy LFG-5527310, with allrisk, renews 2026-09-01", line=17, rank=1)]
    reading = Reader(overlap_model()).read("When does my insurance renew?", lines)
    assert reading.kind == "ambiguous" and "Folksam" in reading.answer and "Länsförsäkringar" in reading.answer
    # "my car insurance" is one policy; a policy without a day it renews is not listed.
    assert not asks_my_insurance("When does my car insurance renew?")
    assert listed_policies(["Car: Folksam, policy FB 88-40213, renews 2027-01-31", "Home: Länsförsäkringar, policy LFG-5527310"]) == []


def test_my_insurance_policy_number_over_two_insurers_is_asked_about_by_insurer():
    """"What's my insurance policy number?" over a home policy with Nacional Seguros and the car's
    with Alianza Seguros: which insurer, named as the line does (not by the car it covers), each
    with its number. A claim's number, a phone or one policy told twice is no second policy."""
    from agent.reader_policies import asks_my_policy_number, listed_policy_numbers

    lines = [hit("2026-03-09: Flat insurance: Nacional Seguros, home policy HOG-5520931 (fire, earthquake, theft of contents).", line=4),
             hit("The Fortuner also has full cover with Alianza Seguros, policy AUT-118-40277, renews 15/01.", line=9, rank=1)]
    reading = Reader(overlap_model(policy=0.5)).read("What's my insurance policy number?", lines)
    assert reading.kind == "ambiguous" and reading.answer == (
        "Your notes mention Nacional Seguros (HOG-5520931) and Alianza Seguros (AUT-118-40277). Which one do you mean?")
    for question in ("What is the policy number of my insurance?", "What is our insurance policy number?", "my policy no?"):
        assert asks_my_policy_number(question), question
    for question in ("What's the car insurance policy number?", "What is my Fremtind policy number?", "What's my social insurance number?"):
        assert not asks_my_policy_number(question), question
    assert listed_policy_numbers(["Home: Atlas Insurance, policy HC 2215087, renews on 01/04.",
                                  "Atlas Insurance claim: Schadennummer 26-WS-04417, call +356 2555 0101",
                                  "Car: Skoda Superb, policy HC 2215087 (see home)"]) == []


def test_two_doctors_are_named_with_the_title_as_the_notes_write_it():
    from agent.reader_names import _titled_doctors

    assert _titled_doctors(["Clinic: Dr. Hsu, 02-2555-0101", "Dr Tsai (kids): 02-2555-0199", "MUDr Nováková: 555 401 118"], "phone") == [
        "Dr. Hsu", "Dr Tsai", "MUDr Nováková"]


def test_what_each_car_has_on_its_own_is_asked_of_which_car_but_not_their_one_insurance():
    cars = [hit("My car: Kia Picanto, blue, 2015, plate KT 204 BB; technical inspection valid until 14.04.2027.", line=8, rank=0,
                path="/notes/car.md", topic="My car"),
            hit("Sam's car: Ford Ranger, white, plate RX 77 310.", line=14, rank=1, path="/notes/car.md", topic="Sam's car")]
    reading = Reader(overlap_model()).read("Until when is the car's technical inspection valid?", cars)
    assert reading.kind == "ambiguous" and reading.options == ["Kia Picanto", "Ford Ranger"]
    assert asks_of_the_car("When is the car's MOT due?")
    # One policy often covers both cars; the hire car and "the car Sam drives" are one car.
    assert not asks_of_the_car("What is the policy number of our car insurance?")
    assert not asks_of_the_car("How much is the car hire?") and not asks_of_the_car("When is the MOT of the car Sam drives?")
    # A model written before a comma is the same car as without it.
    assert listed_cars(["Cars: Chevrolet Onix, plate SBX 1234", "Chevrolet Onix plate SBX 1234; Volkswagen Gol, plate ABC 1234"]) == [
        "Chevrolet Onix", "Volkswagen Gol"]


def test_children_keyed_under_another_heading_are_asked_about():
    # "Health" over "Kids: Nevena: ..." and "Kids: Andrija: ...": two children under a key of their own.
    lines = [hit("Kids: Andrija: asthma as a toddler, none since 2021; inhaler in the school bag.", line=23, rank=0,
                 path="/notes/health.md", topic="Health"),
             hit("Kids: Nevena: vaccination card in the blue folder; MMR second dose done 2025.", line=24, rank=1,
                 path="/notes/health.md", topic="Health"),
             hit("Papers and IDs: Kids' birth certificates - blue folder.", line=14, rank=2, path="/notes/papers.md", topic="Papers and IDs")]
    reading = Reader(overlap_model()).read("When is my kid's birthday?", lines)
    assert reading.kind == "ambiguous" and {"Andrija", "Nevena"} <= set(reading.options or [])
    # Only one of them retrieved: the full-text look-up of "kids" finds the other one's line.
    other = "Kids: Nevena: vaccination card in the blue folder; MMR second dose done 2025."
    reader = Reader(overlap_model(), mentions=lambda word: [other] if word == "kids" else [])
    reading = reader.read("When is my kid's birthday?", [lines[0], lines[2]])
    assert reading.kind == "ambiguous" and {"Andrija", "Nevena"} <= set(reading.options or [])


def test_cars_named_only_by_the_heading_over_their_rows_are_asked_about():
    # A tab per car: "Nissan Note (mine)" over "Plate: HY 308", "Toyota Aqua (Jone)" over "Plate: JD 172".
    rows = [hit("Plate: HY 308", line=17, rank=0, path="/notes/cars.mdx", topic="Nissan Note (mine)"),
            hit("LTA registration: renew by 30/04/2027", line=20, rank=1, path="/notes/cars.mdx", topic="Nissan Note (mine)"),
            hit("Plate: JD 172", line=28, rank=2, path="/notes/cars.mdx", topic="Toyota Aqua (Jone)"),
            hit("LTA registration: renew by 31/01/2027", line=31, rank=3, path="/notes/cars.mdx", topic="Toyota Aqua (Jone)")]
    for r in rows:
        r.kind = "row"
    reading = Reader(overlap_model()).read("When does the car registration need renewing?", rows)
    assert reading.kind == "ambiguous" and set(reading.options) == {"Nissan Note (HY 308)", "Toyota Aqua (JD 172)"}
    reading = Reader(overlap_model()).read("When is the car's service due?", rows)
    assert reading.kind == "ambiguous" and set(reading.options) == {"Nissan Note", "Toyota Aqua"}


def test_a_pet_named_by_the_heading_its_paragraph_opens_under():
    # "* Tsotsi" over "Our dog, a brown mixed breed, ...": the heading is the dog's name.
    lines = [hit("Our dog, a brown mixed breed, came from the SPCA in Manzini in 2022.", line=3, rank=0, path="/notes/pets.org", topic="Tsotsi"),
             hit("name: Sibongile Khumalo", line=44, rank=1, path="/notes/contacts.vcf", topic="Sibongile Khumalo")]
    reading = Reader(overlap_model()).read("What is the name of our dog?", lines)
    assert reading.kind == "answered" and reading.answer.startswith("Tsotsi"), reading.answer
    # A heading the notes also write in lower case ("Pets") names no dog; nor does one over a line
    # about something else.
    lines[0].topic = "Pets"
    reader = Reader(overlap_model(), mentions=lambda word: ["Both pets go to Dr. Maseko in August."])
    assert reader.read("What is the name of our dog?", lines[:1]).kind == "abstained"
    other = hit("The garden fence was fixed by Sipho in May.", line=3, rank=0, path="/notes/garden.org", topic="Tsotsi")
    assert Reader(overlap_model()).read("What is the name of our dog?", [other]).kind == "abstained"


def test_a_bank_named_in_full_is_not_asked_back_for_a_bank_that_says_its_words_apart():
    page = [hit("Bank: Bank of Bhutan; Type: savings (salary); Account no.: 100203344556; Use: salary in, rent, bills", line=7,
                rank=0, path="/notes/money.md", topic="Accounts"),
            hit("Bank: Bhutan National Bank; Type: savings; Account no.: 2020 0441 7789; Use: the kids' savings", line=8,
                rank=1, path="/notes/money.md", topic="Accounts")]
    reading = Reader(overlap_model()).read("What's my Bank of Bhutan account number?", page)
    assert reading.kind == "answered" and "100203344556" in reading.answer, reading.answer
    reading = Reader(overlap_model()).read("What's my bank account number?", page)
    assert reading.kind == "ambiguous"


def test_an_insurer_is_named_with_its_word_for_insurance_written_after_it():
    """"Lietuvos draudimas" (Lithuanian: insurance) and "Direct pojišťovna": the name the user knows
    the insurer by keeps its lower-case word; a name that already says it is left as it is."""
    assert listed_policy_numbers(["ERGO KASKO poliso Nr. ERG-5584712, galioja iki 2027-01-31.",
                                  "Lietuvos draudimas – būsto draudimas, poliso Nr. LD 7755 1204, galioja iki 2027-05-31."]) == [
        "ERGO KASKO (ERG-5584712)", "Lietuvos draudimas (LD 7755 1204)"]
    assert listed_policies(["Car: Direct pojišťovna, insurance renews 12.03.2027",
                            "Home: ČSOB Pojišťovna insurance, renews 01.09.2027"]) == ["Direct pojišťovna", "ČSOB Pojišťovna"]
