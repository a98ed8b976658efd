"""The reader's rules, driven by a scripted model: choosing, copying, abstaining, asking back."""
from __future__ import annotations

import re

from agent.reader import DONT_KNOW, Reader, _heading_owner
from agent.reader_compose import compose
from agent.reader_names import three_part_names
from agent.reader_question import analyse, resolve
from agent.reader_statements import StatementHit, parse_statements
from agent.reader_text import face_user, unsupported
from tests.fakes import FakeModel

GLUE = {"what", "who", "when", "where", "is", "the", "my", "of", "a", "do", "does", "i", "s"}  # tell nothing


def hit(text: str, *, line: int = 1, rank: int = 0, path: str = "/notes/n.md", topic: str = "",
        fields: dict[str, str] | None = None) -> StatementHit:
    return StatementHit(id=f"{path}:{line}", path=path, line=line, end_line=line, text=text, source=text, topic=topic, rank=rank,
                        fields=fields or {})


def overlap_model(**boost: float) -> FakeModel:
    """A stand-in scorer: the question is likelier after a passage sharing its words (what a
    real model's query likelihood does), plus an optional boost for passages holding a word."""

    def lp(context: str, continuation: str) -> list[float]:
        passage = set(re.findall(r"\w+", context.lower()))
        words = [w for w in re.findall(r"\w+", continuation.lower()) if w not in GLUE]
        bonus = sum(v for k, v in boost.items() if k.lower() in passage)
        return [(-1.0 if w in passage else -4.0) + bonus for w in words] or [-1.0]

    return FakeModel(logprob_fn=lp)


def test_statements_keep_exact_lines_topics_and_table_columns():
    lines = list(enumerate([
        "# Pixel", "", "Pixel is our border collie. She was born", "in April 2021.", "",
        "- Vet: Dr. Alvarez at Sellwood", "", "| who | name | phone |", "|---|---|---|", "| sister | Anja | 555 0142 |",
    ], 1))
    sts = parse_statements(lines, "/n/pixel.md", "")
    by_text = {s.source: s for s in sts}
    assert by_text["Pixel is our border collie."].line == 3
    born = by_text["She was born in April 2021."]
    assert (born.line, born.end_line) == (3, 4)
    assert born.text == "Pixel: She was born in April 2021."  # a pronoun carries its topic
    assert by_text["Vet: Dr. Alvarez at Sellwood"].text == "Pixel: Vet: Dr. Alvarez at Sellwood"
    row = [s for s in sts if s.kind == "row"][0]
    assert row.line == 10 and row.text == "sister: Anja; phone: 555 0142"


def test_face_user_turns_first_person_around():
    assert face_user("I (Sam Reyes) am the engineering manager.") == "You (Sam Reyes) are the engineering manager."
    assert face_user("I was born on 9 August 1991 in Hamburg.") == "You were born on 9 August 1991 in Hamburg."
    assert face_user("My sister Anja lives in Seattle.") == "Your sister Anja lives in Seattle."
    assert face_user("We adopted her in July 2021.") == "You adopted her in July 2021."
    assert face_user("So I'm in good company and I've paid.") == "So you're in good company and you've paid."
    assert face_user("I'll call my brother.") == "You'll call your brother."
    assert face_user("She told me the code. Ana gave me a book.") == "She told you the code. Ana gave you a book."
    # "me" after a word of another language is that language's: Spanish "me" (to me), Albanian "me" (with).
    assert face_user("Control: me sube la Levotiroxina a 75 mcg.") == "Control: me sube la Levotiroxina a 75 mcg."
    assert face_user("Mbledhja me prinderit for Dion.") == "Mbledhja me prinderit for Dion."


def test_support_check_finds_invented_values():
    src = "My sister Anja lives in Seattle; her number is 555 0142."
    assert unsupported("Your sister Anja lives in Seattle.", src) == []
    assert unsupported("Anja lives in Portland.", src) == ["Portland"]
    assert unsupported("Her number is 555 0199.", src) == ["0199"]


def test_compose_quotes_the_note_when_turning_it_would_add_a_value():
    st = hit("I moved to Portland in 2017.")
    assert compose(st, "2017", "When did I move to Portland?") == "You moved to Portland in 2017."


def test_chooses_the_statement_that_explains_the_question_and_cites_it():
    statements = [
        hit("I work as a senior firmware engineer at Brightwater Robotics.", line=4, rank=0),
        hit("My sister Anja lives in Seattle.", line=9, rank=1, path="/notes/family.md"),
        hit("Pixel is our border collie.", line=3, rank=2, path="/notes/pixel.md"),
    ]
    reading = Reader(overlap_model()).read("Where does my sister live?", statements)
    assert reading.kind == "answered"
    assert reading.statement.path == "/notes/family.md" and reading.statement.line == 9
    assert "Seattle" in reading.answer and reading.answer.startswith("Your sister") is False or "Seattle" in reading.answer
    assert unsupported(reading.answer, reading.statement.text) == []


def test_a_question_wanting_a_date_needs_a_statement_with_one():
    statements = [hit("Hanna gave me a pull saw for my birthday."), hit("Hanna works at Arrowhead Surveying.", line=2)]
    reading = Reader(overlap_model()).read("When is Hanna's birthday?", statements)
    assert reading.kind == "abstained" and reading.answer == DONT_KNOW


def test_nothing_related_abstains_without_a_value():
    statements = [hit("Pixel is our border collie."), hit("I bake sourdough at 250 degrees.", line=2)]
    reading = Reader(overlap_model()).read("What is my Wi-Fi password?", statements)
    assert reading.answer == DONT_KNOW


def test_two_sons_for_my_son_asks_which_one():
    statements = [hit("My sons, Leo and Max, built a snow fort."), hit("Leo turned nine on 12 June.", line=2)]
    reading = Reader(overlap_model()).read("When is my son's birthday?", statements)
    assert reading.kind == "ambiguous"
    assert reading.answer == "Your notes mention Leo and Max. Which one do you mean?"
    # Asking about both is not ambiguous, and naming one is not either.
    assert Reader(overlap_model()).read("What are my sons called?", statements).kind == "answered"


def test_two_people_with_one_first_name_asks_which_one():
    statements = [hit("Chris Bauer is my dentist."), hit("Chris Okafor plays the drums in my band.", line=2)]
    reading = Reader(overlap_model()).read("What does Chris do?", statements)
    assert reading.kind == "ambiguous"
    assert "Chris Bauer" in reading.answer and "Chris Okafor" in reading.answer and reading.answer.endswith("?")


def test_what_a_question_wants():
    assert analyse("When is my birthday?").want == "date"
    assert analyse("What time is the team stand-up?").want == "time"
    assert analyse("What is my sister's phone number?").want == "phone"
    assert analyse("How much did I sell the Tacoma for?").want == "money"
    assert analyse("Who is my manager?").want == "name"
    assert analyse("Who is Pixel?").want is None  # a name given: what is Pixel?
    assert analyse("What are my sons called?").plural


def test_follow_up_questions_resolve_from_the_conversation():
    history = [("What is my cat called?", "Biscuit. Your cat is called Biscuit.")]
    assert resolve("What colour is she?", history) == "What colour is my cat Biscuit?"
    assert resolve("How old is her brother?", history) == "How old is my cat Biscuit's brother?"
    assert resolve("What is she called again?", history) == "What is my cat called again?"  # the name may have changed
    assert resolve("What is his number?", [("Who is Dev?", "Dev is your neighbour.")]) == "What is Dev's number?"
    assert resolve("Where does she live?", [("Who is my manager?", "Priya Raman is your manager.")]) == "Where does my manager live?"
    assert resolve("And Max?", [("When is Leo's birthday?", "12 June.")]) == "When is Max's birthday?"
    assert resolve("What colour is she?", []) == "What colour is she?"


# -- what the answer must speak of ---------------------------------------------------------------

def test_a_line_about_the_right_person_but_not_the_asked_thing_is_no_answer():
    """The tempting gap: the notes speak of Momo, never of Momo's birthday."""
    statements = [hit("Momo: calico cat, adopted from the shelter on 9 March 2019.", line=2)]
    reading = Reader(overlap_model()).read("When is Momo's birthday?", statements)
    assert reading.kind == "abstained" and reading.answer == DONT_KNOW


def test_a_synonym_of_the_asked_thing_still_answers():
    """"born" answers "birthday" (a listed synonym), with no word vectors at all."""
    statements = [hit("Rin was born on 17 April 2021 in Vancouver.", line=3)]
    reading = Reader(overlap_model()).read("When is Rin's birthday?", statements)
    assert reading.kind == "answered" and "17 April 2021" in reading.answer


def test_word_vectors_decide_what_no_list_knows():
    """"collie" answers "dog" only through the embedder's word vectors (a stand-in here that
    places dog and collie together): the reader asks them, and without them it abstains."""
    from agent.reader_relate import WordRelate

    close = {"dog": [1.0, 0.0], "collie": [0.9, 0.1]}
    relate = WordRelate(lambda ws: [close.get(w, [0.0, 1.0]) for w in ws])
    statements = [hit("We live with our border collie, Pixel.", line=5)]
    scorer = overlap_model(collie=3.0)  # the model finds the collie line likely for a dog question
    assert Reader(scorer, relate=relate).read("What is my dog called?", statements).kind == "answered"
    assert Reader(scorer).read("What is my dog called?", statements).kind == "abstained"


def test_one_close_vector_does_not_speak_of_a_two_word_attribute():
    """"Medication schedule" sits near "appointment" in vector space and nowhere near "dentist":
    a line under it does not say when the dentist appointment is. A line that says the dentist
    does."""
    from agent.reader_relate import WordRelate

    close = {"appointment": [1.0, 0.0, 0.0], "schedule": [0.9, 0.1, 0.0], "dentist": [0.0, 1.0, 0.0]}
    relate = WordRelate(lambda ws: [close.get(w, [0.0, 0.0, 1.0]) for w in ws])
    question = "When is Owen's next dentist appointment?"
    allergy = [hit("Owen: penicillin allergy (hives, 2015).", line=14, topic="Medication schedule")]
    assert Reader(overlap_model(penicillin=3.0), relate=relate).read(question, allergy).kind == "abstained"
    booked = [hit("Owen: dentist, Tue 12 Jan 2027 at 3pm.", line=3, topic="Medication schedule")]
    assert "12 Jan 2027" in Reader(overlap_model(), relate=relate).read(question, booked).answer


def test_a_code_must_be_on_the_line():
    """"I'll forget my locker combination" says a code exists, not what it is."""
    said_to_exist = [hit("I already know I'll forget my locker combination.", line=7)]
    assert Reader(overlap_model()).read("What is my locker combination?", said_to_exist).kind == "abstained"
    given = [hit("Bike shed padlock code: 5182.", line=3)]
    reading = Reader(overlap_model()).read("what's the shed code?", given)
    assert reading.kind == "answered" and "5182" in reading.answer


def test_a_count_is_not_the_day_of_a_date():
    statements = [hit("Post-incident note to the drivers' ops managers, due 13 Oct.", line=4)]
    assert Reader(overlap_model()).read("How many drivers were affected by the outage?", statements).kind == "abstained"


def test_a_pronoun_sentence_answers_through_the_sentence_before_it():
    """"her new number" belongs to Ma, named one sentence earlier: the context says whose."""
    number = hit("She has a mobile now; her new number is 807-555-0163.", line=4)
    number.context = "Ma's birthday. I called her before school."
    other = hit("Dev wrote his number (218-555-0118) on the fridge.", line=9)
    reading = Reader(overlap_model()).read("What is Ma's phone number?", [other, number])
    assert reading.kind == "answered" and "807-555-0163" in reading.answer and reading.statement.line == 4
    number.context = ""
    assert Reader(overlap_model()).read("What is Ma's phone number?", [other, number]).kind == "abstained"


def test_who_is_x_prefers_the_line_that_says_what_x_is():
    statements = [
        hit("Gabor is taking her to the eye doctor on Friday.", line=2, rank=0),
        hit("She still lives in Thunder Bay, and my brother Gabor lives ten minutes away.", line=5, rank=1),
    ]
    reading = Reader(overlap_model()).read("Who is Gabor?", statements)
    assert reading.statement.line == 5 and "brother" in reading.answer


def test_an_acronym_before_two_names_is_no_first_name_of_two_people():
    statements = [
        hit("Data diri: BPJS Kesehatan: 0001234567 (kelas 1)", line=3),
        hit("Data diri: BPJS Ketenagakerjaan: 2301234", line=4),
        hit("Faskes 1 (BPJS): Klinik Melati, Jl. Mawar 2", line=9),
    ]
    reading = Reader(overlap_model()).read("Which clinic is our BPJS faskes 1?", statements)
    assert reading.kind != "ambiguous"


def test_two_people_with_one_first_name_by_initial_are_asked_about():
    statements = [
        hit("Offline maps moves from Chris O. to Noor.", line=3),
        hit("Chris L. presented the new map style.", line=8),
    ]
    reading = Reader(overlap_model()).read("whats chris's email", statements)
    assert reading.kind == "ambiguous" and "Chris O." in reading.answer and "Chris L." in reading.answer


def test_a_relative_clause_splits_into_who_and_what():
    from agent.reader_question import entity, relative_clause

    hops = relative_clause("What is the phone number of the vet who prescribed Momo's pills?")
    assert (hops.inner, hops.outer) == ("Which vet prescribed Momo's pills?", "What is the phone number of {}?")
    hops = relative_clause("Which city is the person who now owns offline maps based in?")
    assert hops.outer == "Which city is {} based in?"
    assert relative_clause("Who looks after Pixel while I am in Lisbon?") is None
    # Without its pronoun: a subject and a verb after the noun, as the object of a preposition.
    hops = relative_clause("What's the lead time on the wheelset Ana Ruiz ordered?")
    assert (hops.inner, hops.outer, hops.noun) == ("Which wheelset Ana Ruiz ordered?", "What's the lead time on {}?", "wheelset")
    assert relative_clause("What's the email of the intern I mentored?").inner == "Which intern I mentored?"
    for one_question in ("When is the dentist appointment Ma booked?", "What is my wife Hanna called?", "Where is the cafe Tom likes?"):
        assert relative_clause(one_question) is None, one_question
    # The name the clause points to: not the question's own, not a sentence's first word, a keyed name first.
    assert entity("Two days before the race was Leo's birthday, 12 June.", "Whose birthday is in June?") == "Leo"
    assert entity("Addresses: Zia Carla: 3 Chestnut Walk, Bristol BS6 7XY", "Which aunt lives in Bristol?") == "Zia Carla"
    assert entity("Chris L. presented the new map style, code-named Dusk.", "Which designer presented Dusk?") == "Chris L."
    # The sought kind may be part of the name, also where the line is keyed by it.
    hops = relative_clause("What's the phone number of the garage that services Mum's car?")
    assert entity("Mum's car (Ada Novak): Garage: Kelso Garage, every spring.", hops.inner, "Garage", None, hops.noun) == "Kelso Garage"
    # In a table row the column the clause speaks of holds the one sought, not a column's name.
    row_fields = {"medication": "ramipril", "Rx": "RX 1120", "prescriber": "Dr. Ines Varga"}
    hops = relative_clause("What's the phone number of the doctor who prescribes Mum's ramipril?")
    assert entity("medication: ramipril; Rx: RX 1120; prescriber: Dr. Ines Varga", hops.inner, "", row_fields, hops.noun) == "Dr. Ines Varga"



def test_someone_found_by_a_clause_is_asked_about_by_phone_and_named_apart_from_where_they_work():
    """"the number of the friend whose rope I borrowed" asks for that friend's phone; "whoever
    opens up" is a clause of its own; "the guy who serviced the boiler" is no role; "Lee from Ace
    Heating" is the guy, not the firm; "Tom R. Tom lent me" names Tom R., and "Mon-Fri" no one."""
    from agent.reader_question import analyse, entity, relative_clause
    from agent.reader_text import names

    hops = relative_clause("What's the number of the friend whose rope I borrowed for Arapiles?")
    assert (hops.read, hops.outer) == ("Whose rope I borrowed for Arapiles?", "What's the phone number of {}?")
    hops = relative_clause("What's the mobile of whoever opens up with the keys on weekdays?")
    assert (hops.read, hops.outer) == ("Who opens up with the keys on weekdays?", "What's the mobile of {}?")
    hops = relative_clause("What's the number of the guy who serviced the boiler?")
    assert (hops.read, hops.outer, hops.noun) == ("Who serviced the boiler?", "What's the phone number of {}?", "guy")
    assert entity("Lee from Ace Heating. £85 cash.", hops.inner, "Boiler service", None, hops.noun) == "Lee"
    # A label the notes also write in lower case ("goals") is not whose daughter scored.
    hops = relative_clause("What's the number of the parent whose daughter got the hat-trick in round 1?")
    line = "Goals: Ruby 3 (hat-trick!!), Harper."
    assert entity(line, hops.inner, "", None, hops.noun, common=lambda w: w.lower() == "goals") == "Ruby"
    assert relative_clause("What's the phone number of the bowls club captain?").outer == "What is {}'s phone number?"
    assert names("10-18 Northside w/ Obinna + Tom R. Tom lent me his 60 m rope") == ["Northside", "Obinna", "Tom R", "Tom"]
    assert names("John F. Kennedy said so") == ["John F. Kennedy"]
    assert names("Kasia opens Mon-Fri (keys), I open Sat + Sun.") == ["Kasia"]
    assert names("Jean-Luc Picard") == ["Jean-Luc Picard"]
    # A person's (or a firm's) number is their phone; a flat's number or a count is not.
    for question in ("what's the number for Ezra's mom", "What is the number of Lopez Auto?", "What's the number for my mum"):
        assert analyse(question).want == "phone", question
    for question in ("What is the number of Flat B?", "How many numbers for Sam?"):
        assert analyse(question).want != "phone", question

def test_someone_named_by_how_they_stand_to_me_is_a_hop_tried_after_the_question_itself():
    """"When is my partner's birthday?" is "Who is my partner?" then that person's birthday, but
    only when the question read as asked finds nothing (it may see two sisters where the hop would
    settle on one); the name itself asked, a role word naming a thing, or two people, is no hop."""
    from agent.reader_question import relative_clause

    hops = relative_clause("When is my partner's birthday?")
    assert (hops.inner, hops.outer, hops.fallback) == ("Who is my partner?", "When is {}'s birthday?", True)
    assert relative_clause("Where does my wife work?").outer == "Where does {} work?"
    assert relative_clause("Which book did my manager recommend?").outer == "Which book did {} recommend?"
    assert relative_clause("what does my brother-in-law do for work").inner == "Who is my brother-in-law?"
    assert relative_clause("How old is my older son?").inner == "Who is my older son?"
    for not_a_hop in ("Who is my partner?", "What is my son called?", "What is my sister's name?", "When is my dentist appointment?",
                      "Where do my parents live?", "When is my MOT due?"):
        assert relative_clause(not_a_hop) is None, not_a_hop
    # The role asked with "What ...'s" stays the first hop it was.
    assert relative_clause("What's my manager's email?").fallback is False


def test_money_sent_to_someone_named_by_a_role_is_a_hop_tried_first():
    """"How much did I send to my brother in October?": the bank row names him, not "brother", so
    who he is comes first (the question read as asked would take any October transfer); so for
    "pay my accountant each month", a role in the notes' language ("our kasambahay"), "my boss at
    the clinic" (which boss: the qualifier goes with the role), "my neighbour Marko" (which Marko),
    "Ana's teacher now" and "my dogs' vet". A role word naming a thing stays no hop."""
    from agent.reader_question import relative_clause

    hops = relative_clause("How much did I send to my younger brother in October?")
    assert (hops.inner, hops.outer, hops.fallback) == ("Who is my younger brother?", "How much did I send to {} in October?", False)
    hops = relative_clause("How much do I pay my accountant each month?")
    assert (hops.inner, hops.outer, hops.fallback) == ("Who is my accountant?", "How much do I pay {} each month?", False)
    assert relative_clause("How much did I lend my sister in May?").outer == "How much did I lend {} in May?"
    hops = relative_clause("How much did I send to our kasambahay in October?")
    assert (hops.inner, hops.noun) == ("Who is my kasambahay?", "kasambahay")
    hops = relative_clause("What is the mobile number of my boss at the Riverside clinic?")
    assert (hops.inner, hops.outer, hops.noun, hops.fallback) == (
        "Who is my boss at the Riverside clinic?", "What is the mobile number of {}?", "boss", False)
    assert relative_clause("What is the mobile number of my boss at the clinic?").noun == "boss"
    hops = relative_clause("Where does my neighbour Dario work?")
    assert (hops.inner, hops.outer, hops.named, hops.fallback) == ("Who is my neighbour Dario?", "Where does {} work?", "Dario", False)
    hops = relative_clause("What is the phone number of Ana's swimming teacher now?")
    assert (hops.inner, hops.outer) == ("Who is Ana's swimming teacher now?", "What is {}'s phone number?")
    assert relative_clause("What is the phone number of my dogs' vet?").inner == "Who is my dogs' vet?"
    for not_a_hop in ("When is my dentist appointment?", "How much did I pay for my car?", "How old is my dog?",
                      "What did I buy my wife for Christmas?", "How much is my rent?"):
        assert relative_clause(not_a_hop) is None, not_a_hop
    # Asked otherwise, the role read as asked comes first, as before.
    assert relative_clause("When did I last see my dentist?").fallback is True


def test_someone_named_by_their_relation_to_a_named_person_is_two_hops():
    """"the mobile number of Maja's teacher", "Eirik's sister's phone number": who that is first
    (the line about Maja or Eirik), then that person's number; a firm named with "'s" is no hop."""
    from agent.reader_question import relative_clause

    hops = relative_clause("What's the mobile number of Maja's class teacher?")
    assert (hops.inner, hops.outer, hops.noun) == ("Who is Maja's class teacher?", "What is {}'s mobile number?", "teacher")
    hops = relative_clause("What's Eirik's sister's phone number?")
    assert (hops.inner, hops.outer, hops.noun) == ("Who is Eirik's sister?", "What is {}'s phone number?", "sister")
    assert relative_clause("What is the phone number of Ella's paediatrician?").inner == "Who is Ella's paediatrician?"
    # Two relations asked "of": who he is, then his number; the name asked "of" them is who they are.
    hops = relative_clause("What's the number of my sister's husband?")
    assert (hops.inner, hops.outer) == ("Who is my sister's husband?", "What's the phone number of {}?")
    assert relative_clause("What's the name of my son's teacher?") is None
    for not_a_hop in ("What is the address of Tom's Diner?", "What's Eirik's phone number?", "What's Eirik's sister called?",
                      "What's the phone number of Dr Lee's surgery?"):
        assert relative_clause(not_a_hop) is None, not_a_hop
    # A place someone goes to is found first only when the question read as asked finds nothing
    # ("Théo's daycare: Little Acorns, 12 Elm St" answers itself).
    hops = relative_clause("What is the address of Théo's daycare?")
    assert (hops.inner, hops.outer, hops.place, hops.fallback) == ("Which daycare does Théo go to?", "What is the address of {} daycare?",
                                                                   "Théo", True)
    assert relative_clause("How much is Ana's monthly nursery fee?").outer == "How much is {} monthly nursery fee?"
    # Asked any other way, in any relation word the glosses know, with "Jonas'" for "Jonas's".
    for asked, inner, outer in (
            ("In which city does Mateo's padrino live?", "Who is Mateo's padrino?", "In which city does {} live?"),
            ("On which street is Ella's dentist?", "Who is Ella's dentist?", "On which street is {}?"),
            ("How do I reach Alikhan's swimming coach by phone?", "Who is Alikhan's swimming coach?", "How do I reach {} by phone?"),
            ("What is Jonas' father's address?", "Who is Jonas's father?", "What is {}'s address?"),
            ("What is the síndico's phone number?", "Who is the síndico?", "What is {}'s phone number?"),
            ("What's my GP's phone number?", "Who is my gp?", "What's {}'s phone number?"),
            ("What is my 형부's email address?", "Who is my 형부?", "What is {}'s email address?")):
        hops = relative_clause(asked)
        assert hops is not None and (hops.inner, hops.outer) == (inner, outer), asked
    for not_a_hop in ("Who is Ana's son?", "What is Ana's son called?", "How much did Matyáš's tick vaccination cost?",
                      "What's the name of Callum's sister?", "How much was Felix's order?", "What's mum's mobile number?",
                      "What's the landlady's bank account number for the rent?"):
        assert relative_clause(not_a_hop) is None, not_a_hop


def test_a_value_keyed_by_the_role_asked_names_it_and_a_pointer_names_no_one():
    """"physio:: [[Amara Ojo]]" answers "Who is my physio?" over a diary line that says physio;
    "physio:: see [[Climbing]]" points elsewhere and "Physio 80%" is a share: neither is a second
    physio to ask about."""
    lines = [hit("Finger is swollen today, booked physio for Wednesday (see Climbing)", line=1),
             hit("Kestrel Motion: Benefits plan: Sun Life. Physio 80%, dental 80%, massage 50%.", line=2, topic="Kestrel Motion"),
             hit("Health: physio: see Climbing", line=3, topic="Health"),
             hit("Log: physio: Amara Ojo", line=4, topic="Climbing")]
    lines[1].fields, lines[2].fields, lines[3].fields = {"Benefits plan": "Sun Life. Physio 80%"}, {"physio": "see Climbing"}, {"physio": "Amara Ojo"}
    reading = Reader(overlap_model(swollen=2)).read("Who is my physio?", lines)
    assert reading.kind == "answered" and reading.value == "Amara Ojo" and reading.statement.line == 4


def test_a_later_line_that_retires_the_value_answers_instead():
    """A page keeps its old value ("gym:: Basecamp Bouldering"); a later journal line says it was
    replaced ("... Ledge Climbing Co. Cancelled Basecamp."), or a later daily note moves a date
    ("New date 21 May. 30 April is off."): that line answers. An earlier line, or one that names
    the value without retiring it, does not."""
    from agent.reader_versions import retired

    assert retired("Switched my membership to Ledge Climbing Co. Cancelled Basecamp.", "Basecamp Bouldering")
    assert retired("New date 21 May. 30 April is off.", "2026-04-30")
    assert retired("the old Granite Wall membership is cancelled", "Granite Wall")
    assert retired("moved: 192.168.1.40 → 192.168.1.23", "192.168.1.40") and not retired("moved: 192.168.1.40 → 192.168.1.23", "192.168.1.23")
    assert not retired("Basecamp Bouldering has a new wall", "Basecamp Bouldering")
    assert retired("Internet: left Fibrenet, now Kodunet (500 Mbit)", "Fibrenet")
    assert retired("Refinanced at Lakebank. The Harbour Bank of Ayr loan is closed (letter in the folder).", "Harbour Bank of Ayr")
    assert not retired("The Harbour Bank of Ayr branch is closed on Sundays.", "Harbour Bank of Ayr")
    assert not retired("Fibrenet router: on the shelf left of the door", "Fibrenet") and not retired("the box left Fibrenet's depot", "Kodunet")

    page = hit("Climbing: gym: Basecamp Bouldering", line=2, path="/notes/pages/Climbing.md", topic="Climbing")
    page.fields = {"gym": "Basecamp Bouldering"}
    switched = hit("Switched my climbing membership to Ledge Climbing Co. Cancelled Basecamp.", line=1,
                   path="/notes/journals/2026_05_04.md")
    reading = Reader(overlap_model()).read("Which climbing gym do I go to?", [page, switched])
    assert "Ledge Climbing Co" in reading.answer and reading.statement.path.endswith("2026_05_04.md")

    due = hit("ledger-migration: due: 2026-04-30", line=3, path="/notes/projects/ledger-migration.md", topic="ledger-migration")
    due.fields = {"due": "2026-04-30"}
    moved = hit("2026-04-22 Wed: ledger-migration: the script is not ready. New date 21 May. 30 April is off.", line=7,
                path="/notes/daily/2026-04-22.md", topic="2026-04-22")
    reading = Reader(overlap_model()).read("When is the ledger migration due?", [due, moved])
    assert reading.value == "21 May" and reading.statement.line == 7


def test_a_change_that_calls_the_person_by_the_given_name_versions_the_full_names_line():
    """"What is Rein Kask's phone number?": the people file's "Rein Kask: phone: ..." and a
    changelog's later "Rein has a new number: ... (he dropped Telekom)", which says neither "Kask"
    nor "phone", nor is about Telekom, the operator he left. The family's other Kasks are not
    namesakes to ask about: the question gives the whole name."""
    card = hit("Rein Kask: phone: +372 5000 0001", line=69, path="/notes/data/people.toml", topic="Rein Kask")
    card.fields = {"phone": "+372 5000 0001"}
    wife = hit("Mari Kask: phone: +372 5000 0003", line=40, rank=1, path="/notes/data/people.toml", topic="Mari Kask")
    wife.fields = {"phone": "+372 5000 0003"}
    change = hit("Changed: Rein has a new number: +372 5000 0002 (the old one is gone, he dropped Telekom).", line=31, rank=2,
                 path="/notes/CHANGELOG.md", topic="Changelog [2026-10-21] Changed")
    reading = Reader(overlap_model()).read("What is Rein Kask's phone number?", [card, wife, change])
    assert reading.kind == "answered" and reading.value == "+372 5000 0002" and reading.statement.line == 31
    # Without the change, the card answers, and no one is asked about.
    reading = Reader(overlap_model()).read("What is Rein Kask's phone number?", [card, wife])
    assert reading.kind == "answered" and reading.value == "+372 5000 0001"
    # A change of someone else's number is no version of his.
    hers = hit("2026-10-20 Mari got a new phone, her cell is now +372 5000 0009.", line=33, rank=2,
               path="/notes/CHANGELOG.md", topic="Changelog [2026-10-21] Changed")
    reading = Reader(overlap_model()).read("What is Rein's cell number?", [card, hers])
    assert reading.kind == "answered" and reading.value == "+372 5000 0001"


def test_a_keyed_value_of_no_kind_is_retired_by_a_later_switch():
    """"second pillar: Nordfond Index" (a data file reviewed in January) is no name, date or amount,
    yet the changelog's "switched from Nordfond Index to Kasefond Global" retires that value."""
    toml = hit("pension: second pillar: Nordfond Index", line=16, path="/notes/data/money.toml", topic="pension")
    toml.fields = {"second pillar": "Nordfond Index"}
    change = hit("Changed: II pillar: switched from Nordfond Index to Kasefond Global (takes effect 1 May).", line=97,
                 path="/notes/CHANGELOG.md", topic="[2026-03-02]")
    reading = Reader(overlap_model()).read("Which fund is my second pension pillar in?", [toml, change])
    assert reading.kind == "answered" and "Kasefond Global" in reading.answer and reading.statement.line == 97
    # Without the switch the data file answers.
    reading = Reader(overlap_model()).read("Which fund is my second pension pillar in?", [toml])
    assert reading.kind == "answered" and "Nordfond Index" in reading.answer
    # A line older than the page's dated value does not overrule it.
    old = hit("2026-01-02 Fri: ledger-migration: 30 April is off, it was 2 March.", line=1, path="/notes/daily/2026-01-02.md", topic="2026-01-02")
    dated = hit("2026-02-01 Sun: ledger-migration due 2026-04-30.", line=1, path="/notes/daily/2026-02-01.md", topic="2026-02-01")
    reading = Reader(overlap_model()).read("When is the ledger migration due?", [dated, old])
    assert reading.statement.path.endswith("2026-02-01.md")


def test_a_place_named_by_what_the_line_is_about_and_a_negated_role_names_no_one():
    """"Membership: Granite Wall → The Crux Room" answers "Which climbing gym am I a member of?"
    though it does not say "gym" (it says every other word of the question), with the value the
    arrow points to. "no property manager" on the landlord's card does not make him a manager."""
    gym = hit("Climbing: Membership: Granite Wall → The Crux Room (switched 2026-06-01).", line=10, topic="Training log")
    gym.fields = {"Membership": "Granite Wall → The Crux Room (switched 2026-06-01)."}
    # ("Membership" is a label: the notes also write it in lower case.)
    reading = Reader(overlap_model(), mentions=lambda word: ["the old membership is cancelled"]).read("Which climbing gym am I a member of?", [gym])
    assert reading.value == "The Crux Room"
    lines = [hit("Reorg announced: Hana Sato is my manager from today. Colin Bray moves to the Vision team.", line=1,
                 path="/notes/journals/2026_04_20.md"),
             hit("1:1 with my manager Colin Bray", line=1, path="/notes/journals/2026_02_16.md"),
             hit("Harpreet Gill: Maintenance requests go to him directly, no property manager.", line=5, path="/notes/pages/people___Harpreet Gill.md",
                 topic="Harpreet Gill")]
    reading = Reader(overlap_model()).read("Who's my manager?", lines)
    assert reading.kind == "answered" and "Hana Sato" in reading.answer and "Harpreet" not in reading.answer


def test_a_line_naming_an_occupation_answers_what_someone_does_for_a_living():
    """"What does Rory do for a living?" is answered by "Works as a sound engineer", "What does
    Theo do for work?" by "Urban planner at the City of Vancouver", though neither says "living"
    or "work"; a dentist's line is still no answer about a daycare teacher."""
    rory = [hit("Rory Mowat: aliases: Rory", line=2, topic="Rory Mowat"), hit("Rory Mowat: Lives in Glasgow (Dennistoun).", line=6, topic="Rory Mowat"),
            hit("Rory Mowat: Works as a sound engineer, mostly touring with theatre shows.", line=7, topic="Rory Mowat")]
    reading = Reader(overlap_model()).read("What does Rory do for a living?", rory)
    assert reading.kind == "answered" and "sound engineer" in reading.answer
    theo = [hit("Theo Marchetti: Allergic to cashews", line=6, topic="Theo Marchetti"),
            hit("Theo Marchetti: Urban planner at the City of Vancouver (transportation team)", line=5, topic="Theo Marchetti")]
    assert "Urban planner" in Reader(overlap_model(allergic=3)).read("What does Theo do for work?", theo).answer
    dentist = [hit("To do: Book Rin's dentist check-up with Dr. Petrova", line=3)]
    assert Reader(overlap_model()).read("What is the name of Rin's daycare teacher?", dentist).kind == "abstained"


def test_another_kind_of_the_thing_or_a_rate_is_no_answer():
    """A half marathon PB does not answer "What's my marathon PB?" (but does answer the half);
    a mortgage's "4.19%" is a rate, not its account number; "CO alarm" is no "former" kind."""
    half = [hit("Date: 2026-03-29; session: Forth Bridges Half; notes: half marathon PB 1:41:20.", line=4)]
    assert Reader(overlap_model()).read("What's my marathon PB?", half).kind == "abstained"
    assert "1:41:20" in Reader(overlap_model()).read("What's my half marathon PB?", half).answer
    mortgage = [hit("Mortgage (Nationwide): monthly: £1,140; notes: 4.19% fixed until Sept 2027.", line=2)]
    assert Reader(overlap_model()).read("What's my mortgage account number?", mortgage).kind == "abstained"
    alarm = [hit("Smoke alarm + CO alarm test at Flat B with Arjun: scheduled: 2026-12-05 Sat 10:00", line=3)]
    assert "2026-12-05" in Reader(overlap_model()).read("When am I doing the smoke alarm test with Arjun?", alarm).answer


def test_an_ip_address_is_a_value_of_its_own_and_two_servers_are_asked_about():
    """"the IP address of the Home Assistant Pi" wants 192.168.1.23 (the arrow's new value), not a
    street address; two servers listed under one key, each with its "public IP", are asked about
    by the names their lines start with. A track list under an EP's name is no such list."""
    from agent.reader_question import analyse

    info = analyse("What's the IP address of the Home Assistant Pi?")
    assert info.want == "ip" and "IP" not in info.names
    pi = [hit("LAN: Raspberry Pi 4 running Home Assistant: 192.168.1.40 → 192.168.1.23 (DHCP reservation).", line=4, topic="homelab"),
          hit("LAN: Router: the ISP box, admin at 192.168.1.1.", line=3, topic="homelab")]
    reading = Reader(overlap_model()).read("What's the IP address of the Home Assistant Pi?", pi)
    assert reading.value == "192.168.1.23"
    servers = [hit("Servers (Hetzner): forge — CX22, Falkenstein, public IP 203.0.113.24. Forgejo + Woodpecker CI.", line=8),
               hit("Servers (Hetzner): relay — CAX11, Helsinki, public IP 198.51.100.7. WireGuard exit node.", line=9)]
    reading = Reader(overlap_model(forgejo=0.2)).read("What's the IP address of my Hetzner server?", servers)
    assert reading.kind == "ambiguous" and "forge" in reading.answer and "relay" in reading.answer
    tracks = [hit('Grit & Honey EP — "Porchlight": Copper Wire (capo 2, G shapes)', line=40),
              hit('Grit & Honey EP — "Porchlight": Long Way to Joliet', line=41)]
    assert Reader(overlap_model()).read("What's the Grit & Honey EP called?", tracks).kind != "ambiguous"


def test_a_short_verb_and_its_endings_are_one_word():
    """"stay" and "Stayed", "work" and "worked", "stop" and "stopped" are one word to the reader
    (cut at five letters they were "staye", "worke"); "spring" and "wedding" keep theirs."""
    from agent.reader_text import stem

    assert stem("stayed") == stem("staying") == stem("stay")
    assert stem("worked") == stem("work") and stem("stopped") == stem("stop") and stem("married") == stem("marry")
    assert stem("spring") != stem("spr") and stem("wedding") != stem("wed")
    lines = [hit("Tue 09/06 Rennes wine + pastries for Yannick 14,30 €", line=3),
             hit("Stayed with Yannick Le Goff, my first host, in a flat full of bike frames.", line=24, topic="Day 3 — Tue 9 June — Fougères → Rennes")]
    reading = Reader(overlap_model(pastries=2)).read("Who did I stay with in Rennes?", lines)
    assert "Yannick Le Goff" in reading.answer and reading.statement.line == 24


def test_the_sibling_of_the_thing_asked_does_not_answer_it():
    """"flight back: ... NOT BOOKED YET" is what "my flight number back from Lisbon" asks about: the
    outbound flight's number, keyed "flight out", is not the answer."""
    back = hit("Lisbon workshop: flight back: Fri 11 Dec evening — NOT BOOKED YET", line=4, topic="Lisbon workshop")
    back.fields = {"flight back": "Fri 11 Dec evening — NOT BOOKED YET"}
    out = hit("Lisbon workshop: flight out: TP 661 AMS → LIS, Tue 8 Dec, 07:05, seat 23A.", line=3, topic="Lisbon workshop")
    out.fields = {"flight out": "TP 661 AMS → LIS, Tue 8 Dec, 07:05, seat 23A."}
    from agent.reader import _sibling_key
    from agent.reader_question import analyse

    assert _sibling_key(analyse("What's my flight number back from Lisbon?"), out, [back, out])
    assert not _sibling_key(analyse("What's my flight number out to Lisbon?"), out, [back, out])
    assert Reader(overlap_model()).read("What's my flight number back from Lisbon?", [back, out]).kind == "abstained"
    assert "661" in Reader(overlap_model()).read("What's my flight number out to Lisbon?", [back, out]).answer


def test_what_a_code_is_comes_with_the_heading_it_is_filed_under():
    """"What is CHN-5518?" over "account: CHN-5518" under "NORTHGATE CYCLE DISTRIBUTION": whose
    account it is, said by the heading, is in the answer (supported by the statement's topic)."""
    line = hit("account: CHN-5518", line=3, topic="NORTHGATE CYCLE DISTRIBUTION")
    line.fields = {"account": "CHN-5518"}
    reading = Reader(overlap_model()).read("What is CHN-5518?", [line])
    assert reading.kind == "answered" and "NORTHGATE CYCLE DISTRIBUTION" in reading.answer


def test_a_word_that_only_opens_a_sentence_is_no_name():
    """"Finally bought the P-bass!!" names no one who set it up; "Need a first aider" no first
    aider; a word the notes also write in lower case opens a sentence, it is no name. A name
    opening a sentence still is one ("Kasia opens Mon-Fri")."""
    bass = [hit("Finally bought the P-bass!!", line=1), hit("Took it straight to Sal at Ravenswood Strings for a setup.", line=2)]
    reading = Reader(overlap_model(finally_=0)).read("Who set up the P-bass?", bass)
    assert "Finally" not in (reading.value or "") and "Finally" not in reading.answer.split(".")[0]
    aider = [hit("Need a new kitchen lead + a first aider.", line=1)]
    assert Reader(overlap_model()).read("Who is our first aider?", aider).kind == "abstained"
    lower = [hit("Pickles arrived today.", line=1)]
    assert "Pickles" in Reader(overlap_model()).read("Who arrived today?", lower).answer  # a name, as far as it knows
    seen = Reader(overlap_model(), mentions=lambda word: ["we love pickles on toast"]).read("Who arrived today?", lower)
    assert seen.kind == "abstained"
    keys = [hit("Kasia opens Mon-Fri (keys), I open Sat + Sun.", line=1)]
    assert "Kasia" in Reader(overlap_model()).read("Who opens up with the keys?", keys).answer


def test_a_code_is_asked_by_every_word_of_its_name():
    """"bank sort code" is not the shed's padlock code; a phone number is no passport number;
    a year in the line is not what something cost."""
    shed = [hit("Bike shed padlock code: 5182.", line=3)]
    assert Reader(overlap_model()).read("What is my bank sort code?", shed).kind == "abstained"
    assert "5182" in Reader(overlap_model()).read("What is the bike shed code?", shed).answer
    phone = [hit("Name: Sophie; number: 07700 900461; note: mobile.", line=2)]
    assert Reader(overlap_model()).read("What's my passport number?", phone).kind == "abstained"
    bike = [hit("Cargo bike: Urban Arrow Family, black, bought in May 2025.", line=6)]
    assert Reader(overlap_model()).read("How much did the cargo bike cost?", bike).kind == "abstained"
    lock = [hit("bike lock: 4197", line=3)]
    assert "4197" in Reader(overlap_model()).read("What's the code of my bike lock?", lock).answer  # the line is keyed by it
    netflix = [hit("Service: Netflix; plan: Standard; account: aiko@example.com; card: Visa ...4417", line=5)]
    assert Reader(overlap_model()).read("What is my Netflix password?", netflix).kind == "abstained"
    flight = [hit("Flight out: TAP Air Portugal TP 1354, leaves 14 March at 07:05.", line=4, topic="Lisbon, March 2027")]
    assert "TP 1354" in Reader(overlap_model()).read("What is my flight number to Lisbon?", flight).answer


def test_the_users_own_home_need_not_be_said_by_its_door_code():
    """Notes keep the home's codes without saying whose: "the door code for my building" is
    answered by "Front door code: 4721", not by a door code of another place."""
    home = [hit("Front door code: 4721", line=4, topic="Home")]
    assert "4721" in Reader(overlap_model()).read("What's the door code for my building?", home).answer
    assert "4721" in Reader(overlap_model()).read("What's the door code at home?", home).answer
    assert "4721" in Reader(overlap_model()).read("what's the door code at the flat", home).answer
    office = [hit("Office front door code: 9902", line=2, topic="Work")]
    assert Reader(overlap_model()).read("What's the door code for my building?", office).kind == "abstained"
    bike = [hit("Bike lock code: 0915", line=7)]
    assert Reader(overlap_model()).read("What's the door code for my building?", bike).kind == "abstained"


def test_a_journal_says_we_for_the_user_and_the_one_the_question_names_with_them():
    """"Where did Hanna and I get married?" is answered by "We got married ... in Pécs": the
    journal does not repeat her name; the place is the name put after "in", not the person
    named beside it."""
    journal = [
        hit("I remember Hanna's cousin crying through the whole ceremony and Gabor losing the rings.", line=3, rank=0),
        hit("Hanna drove me home from St. Luke's after the operation.", line=9, rank=1),
        hit("We got married on 22 May 2012 in Pécs, behind the church where Ma was baptised.", line=5, rank=2),
    ]
    reading = Reader(overlap_model()).read("Where did Hanna and I get married?", journal)
    assert reading.kind == "answered" and reading.value == "Pécs" and reading.statement.line == 5
    # Without "we" the line is about no one the question names.
    other = [hit("Dana and Ruth got married on 3 June 2019 in Lyon, where Ruth grew up.", line=2)]
    assert Reader(overlap_model()).read("Where did Hanna and I get married?", other).kind == "abstained"


def test_two_keyed_lines_for_one_my_x_are_asked_about_with_their_values():
    statements = [
        hit("Car insurance: provider: Northgate Mutual; renews: 30/06/2027", line=3, rank=0),
        hit("Tenant insurance: provider: Lakeside Cover; renews: 15/02/2027", line=4, rank=1),
    ]
    reading = Reader(overlap_model()).read("When does my insurance renew?", statements)
    assert reading.kind == "ambiguous"
    # Each with the name only it holds, which helps to pick.
    assert "Car insurance, Northgate Mutual (30/06/2027)" in reading.answer
    assert "Tenant insurance, Lakeside Cover (15/02/2027)" in reading.answer
    # Naming which one settles it.
    reading = Reader(overlap_model()).read("When does my car insurance renew?", statements)
    assert reading.kind == "answered" and "30/06/2027" in reading.answer


def test_an_email_or_an_address_is_asked_for_by_its_kind():
    """A line without an address does not answer "full address pls", however many words it shares."""
    statements = [
        hit("Last full review with Dr. Bell: 2 June 2026.", line=2, rank=0),
        hit("Home: Address: Unit 304, 1187 East 14th Avenue, Vancouver", line=7, rank=1),
    ]
    reading = Reader(overlap_model()).read("where do we live, full address pls", statements)
    assert reading.kind == "answered" and reading.statement.line == 7 and "1187 East 14th Avenue" in reading.answer
    docs = [hit("options: fuzzy_email - recognize emails without mailto: prefix.", line=1, rank=0),
            hit("Accounts: Work e-mail: dario@ferri-translations.example", line=9, rank=1)]
    reading = Reader(overlap_model()).read("what's my work email", docs)
    assert reading.statement.line == 9 and "dario@ferri-translations.example" in reading.answer


def test_the_street_column_of_a_contacts_export_is_an_address():
    """Outlook's and Google's contact CSVs put the address in "Home Street" / "Address 1 - Street"
    columns; the row's other fields (an e-mail, a phone) are no address."""
    from agent.reader_question import labelled_addresses
    row = ("First Name: Tomáš; Last Name: Dvořák; E-mail Address: tomas.dvorak@example.cz; Mobile Phone: +420 555 614 207; "
           "Home Street: Jeremenkova 24; Home City: Olomouc; Home Postal Code: 779 00")
    assert labelled_addresses(row) == ["Jeremenkova 24"]
    assert labelled_addresses("Name: Ana; Address 1 - Street: Rua das Flores 12; Address 1 - City: Porto") == ["Rua das Flores 12"]
    assert labelled_addresses("Name: Ana; Mobile Phone: +351 912 000 111; Street food: 12 stalls") == []


def test_street_addresses_in_several_languages_are_found():
    from agent.reader_text import addresses

    assert addresses("I live at 41 Alder Street, Apartment 3B, Portland.")[0].startswith("41 Alder Street")
    assert addresses("Zia Rosa: Vicolo dei Pescatori 8, 90015 Cefalù")[0].startswith("Vicolo dei Pescatori 8")
    assert addresses("a flat on Oudegracht 112")[0].startswith("Oudegracht 112")
    assert addresses("I ran 5 km on the road today") == []
    # Albanian writes the street's kind first: "Rruga Fan Noli 23", "Rr. Myslym Shyri 45".
    assert addresses("Mami and babi: Rruga Fan Noli 23, Lagjja 4, Korce")[0].startswith("Rruga Fan Noli 23")
    assert addresses("Rr. Myslym Shyri 45, Tirane")[0].startswith("Rr. Myslym Shyri 45")


def test_temperatures_durations_and_birthdays_are_values_of_their_own_kind():
    recipe = [
        hit("Mum's cardamom buns: 60 g caster sugar.", line=3, rank=0, topic="Mum's cardamom buns"),
        hit("Bake at 200°C (180 fan) for 12 minutes.", line=9, rank=1, topic="Mum's cardamom buns"),
        hit("Mix, knead 10 minutes, prove for 1 hour somewhere warm.", line=8, rank=2, topic="Mum's cardamom buns"),
    ]
    assert "200°C" in Reader(overlap_model()).read("What temperature do I bake Mum's cardamom buns at?", recipe).answer
    assert "1 hour" in Reader(overlap_model()).read("how long do mums buns prove for", recipe).answer
    weekly = [hit("Mama (Ewa): in Łódź; calls on Sundays after church.", line=2)]
    assert Reader(overlap_model()).read("whens mamas bday", weekly).kind == "abstained"


def row(fields: dict[str, str], *, line: int, path: str = "/notes/insurance.csv") -> StatementHit:
    text = "; ".join(f"{k}: {v}" for k, v in fields.items())
    return StatementHit(id=f"{path}:{line}", path=path, line=line, end_line=line, text=text, source=text,
                        kind="row", fields=fields, rank=0)


def test_of_two_undated_versions_of_a_row_the_later_line_wins():
    """Rows of one table are appended: the 2026-27 policy below the 2025-26 one is the current."""
    old = row({"item": "car insurance", "details": "Mazda (2025-26)", "cost per year": "$1,588.00"}, line=3)
    new = row({"item": "car insurance", "details": "Mazda (2026-27)", "cost per year": "$1,642.00"}, line=4)
    for order in ([old, new], [new, old]):
        reading = Reader(overlap_model()).read("How much is our car insurance per year?", order)
        assert reading.kind == "answered" and "1,642" in reading.answer, order
    # Undated lines that are not versions of one keyed thing keep their scores.
    lesson = hit("Cello: Lessons with Mr. Okonkwo on Thursdays.", line=2, path="/notes/me.md")
    other = hit("Cello: I have played since I was eight.", line=9, path="/notes/me.md")
    assert "Okonkwo" in Reader(overlap_model(okonkwo=2.0)).read("Who teaches me cello?", [lesson, other]).answer


def test_two_numbered_orders_of_one_customer_are_asked_about_not_read_as_versions():
    """Two rows of an order book, numbered apart and for different jobs: Hannah's two orders, so
    "How much was Hannah's order?" asks which; their dates make no newer version of either. Two
    numbered invoices for the same item are still versions: the newer one answers."""
    path = "/notes/orders.csv"
    first = row({"order_id": "1041", "date": "2026-09-02", "customer": "Hannah Whitlock", "item": "Full service + new chain",
                 "price_gbp": "95"}, line=2, path=path)
    second = row({"order_id": "1045", "date": "2026-09-10", "customer": "Hannah Whitlock", "item": "Rear wheel true",
                  "price_gbp": "25"}, line=6, path=path)
    for order in ([first, second], [second, first]):
        reading = Reader(overlap_model()).read("How much was Hannah Whitlock's order?", order)
        assert reading.kind == "ambiguous" and "Full service" in reading.answer and "Rear wheel" in reading.answer, order
    path = "/notes/invoices.csv"
    october = row({"invoice_no": "101", "date": "2026-10-01", "item": "rent", "amount": "900"}, line=2, path=path)
    november = row({"invoice_no": "102", "date": "2026-11-01", "item": "rent", "amount": "950"}, line=3, path=path)
    for order in ([october, november], [november, october]):
        reading = Reader(overlap_model()).read("How much is the rent?", order)
        assert reading.kind == "answered" and "950" in reading.answer, order


def test_a_line_that_says_what_is_asked_beats_a_likelier_one_that_only_shares_the_name():
    """"When do I fly to Lagos?": the brother's card says Lagos and a birthday, the model likes it
    best, but it says nothing of flying; the booking ("MEL dep 2026-12-18") says the departure,
    covers the question as well and is nearly as likely, so it answers."""
    card = row({"name": "Chidi Obi", "relation": "brother", "city": "Lagos", "birthday": "1988-07-09"}, line=4,
               path="/notes/contacts.csv")
    booking = hit("log 2026-10: 10-10 booked Xmas in Lagos: MEL dep 2026-12-18, back 2027-01-09.", line=7,
                  path="/notes/log/2026-10.md")
    reading = Reader(overlap_model(chidi=0.3)).read("When do I fly to Lagos?", [card, booking])
    assert reading.kind == "answered" and "2026-12-18" in reading.answer
    # A card alone, which never says a flight, is still no answer.
    assert Reader(overlap_model()).read("When do I fly to Lagos?", [card]).kind == "abstained"
    # Only a name counts so: not an acronym ("PB" is what "new half PB 1:38:55" shares with
    # "What's my marathon PB?").
    from agent.reader import _shares_only_names
    from agent.reader_types import Scored
    assert _shares_only_names(analyse("When do I fly to Lagos?"), Scored(statement=card, cover=0.5, typed=[], prerank=0.0))
    log = row({"date": "2026-09-20", "session": "Lomond Shores Half", "notes": "new half PB 1:38:55"}, line=21,
              path="/notes/training.csv")
    assert not _shares_only_names(analyse("What's my marathon PB?"), Scored(statement=log, cover=0.5, typed=[], prerank=0.0))
    # ... and the line that answers says a word of the question or its synonym, not one near it:
    # "her number is now 070-174 06 48" is no answer to "What is Elin's personnummer?".
    from agent.reader import _says_asked_word
    elin = hit("Elin: her number is now 070-174 06 48.", line=3, path="/notes/family.md")
    assert not _says_asked_word(analyse("What is Elin's personnummer?"), Scored(statement=elin, cover=0.5, typed=[], prerank=0.0))
    assert _says_asked_word(analyse("When do I fly to Lagos?"), Scored(statement=booking, cover=0.5, typed=[], prerank=0.0))


def test_another_kind_of_the_asked_thing_is_no_answer():
    """"tenant insurance" is not answered by the car insurance, a physio appointment not by the
    cataract one; the same kind still answers."""
    car = row({"item": "car insurance", "renews": "30/06/2027", "cost per year": "$1,642.00"}, line=4)
    assert Reader(overlap_model()).read("How much do we pay for tenant insurance?", [car]).kind == "abstained"
    assert "1,642" in Reader(overlap_model()).read("How much do we pay for car insurance?", [car]).answer
    eye = hit("Before that I have my cataract appointment on 10 December.", line=3)
    assert Reader(overlap_model()).read("When is my next physio appointment?", [eye]).kind == "abstained"
    assert "10 December" in Reader(overlap_model()).read("When is my cataract appointment?", [eye]).answer
    # A name before the noun is not a kind of it: "my brother Gabor lives" still answers "live".
    ma = hit("Ma is still in Thunder Bay, and my brother Gabor lives ten minutes from her.", line=8)
    assert Reader(overlap_model()).read("Where does my brother live?", [ma]).kind == "answered"
    # "my kid's teacher": the possessive says whose teacher, not which kind ("Wren class, teacher ...").
    from agent.reader_relate import other_kind
    assert not other_kind("Who is my kid's teacher?", "teacher", "Wren class, teacher Mr Obi.")
    assert other_kind("Who is my piano teacher?", "teacher", "Wren class, teacher Mr Obi.")



def test_a_row_about_another_supply_or_policy_is_no_answer():
    """"our gas meter" is not answered by the electricity meter's row, even where the row says
    electricity in Hungarian ("Áram"); the asked one, or a line naming both, still answers."""
    power = row({"Szolgáltatás": "Áram (MVM Next)", "Azonosító": "mérő gyári szám 24 817 339"}, line=28)
    assert Reader(overlap_model()).read("What's the serial number of our gas meter?", [power]).kind == "abstained"
    assert "24 817 339" in Reader(overlap_model()).read("What's the serial number of our electricity meter?", [power]).answer
    both = hit("Gas and electricity meters: one serial, 24 817 339, on the bill.", line=3)
    assert Reader(overlap_model()).read("What's the serial number of our gas meter?", [both]).kind == "answered"
    car = hit("Car insurance (Allianz): policy AZ-4471-2209.", line=5)
    assert Reader(overlap_model()).read("What is my health insurance policy number?", [car]).kind == "abstained"
    # Only where the question speaks of what these are kinds of: "my home address" is no policy.
    from agent.reader_relate import other_supply
    assert not other_supply({"home", "addre"}, {"addre", "car", "regis"})
    assert other_supply({"home", "insur", "polic"}, {"car", "insur"})


def test_a_name_question_needs_a_name_the_question_does_not_say():
    said = [hit("Birgit and her husband send their love, and so does their terrible dog.", line=4)]
    assert Reader(overlap_model()).read("What's Birgit's husband called?", said).kind == "abstained"
    named = [hit("Birgit and her husband Lars send their love.", line=4)]
    reading = Reader(overlap_model()).read("What's Birgit's husband called?", named)
    assert reading.kind == "answered" and "Lars" in reading.answer


def test_an_iso_date_is_not_a_phone_number():
    from agent.reader_text import phones

    assert phones("chapter 3 draft due to Helga on 2026-12-15") == []
    assert phones("Helga: 0113 496 0455") == ["0113 496 0455"]
    due = [hit("Status (updated 2026-11-20): chapter 3 draft due to Helga on 2026-12-15.", line=2)]
    assert Reader(overlap_model()).read("What's Helga's phone number?", due).kind == "abstained"
    assert analyse("How much was the phone case in euros?").want == "money"


def test_headings_sentence_starts_acronyms_and_places_are_not_people_to_ask_about():
    """Only one person is "my dentist": "Health", "Next", "FROM" and a surgery are not rivals."""
    statements = [
        hit("Health: Dentist: Dr. Sam Liu. Next cleaning: 8 January 2027 at 10:30.", line=4, topic="Health"),
        hit("Health: Primary doctor: Dr. Meera Patel, Hyde Park Surgery.", line=3, topic="Health"),
        hit("FROM the dentist: floss more.", line=9),
    ]
    reading = Reader(overlap_model()).read("Who is my dentist?", statements)
    assert reading.kind == "answered" and "Sam Liu" in reading.answer
    brothers = [hit("Piotr (brother): birthday 19 August", line=37, topic="Piotr (brother)"),
                hit("Tomasz (brother): birthday 3 April", line=33, topic="Tomasz (brother)")]
    asked = Reader(overlap_model()).read("When is my brother's birthday?", brothers)
    assert asked.kind == "ambiguous" and asked.options == ["Piotr", "Tomasz"]


def test_my_own_line_in_a_list_of_people_answers_my_question():
    """"When is my birthday?" beside a birthday list: the line keyed "me", not Sophie's."""
    topic = "BIRTHDAYS"
    listed = [hit(f"{topic}: {who} - {day}", line=i, topic=topic, path="/notes/birthdays.txt")
              for i, (who, day) in enumerate([("Sophie", "11 Jan"), ("Zia Carla", "5 October"), ("me", "30 April 1990")], 2)]
    reading = Reader(overlap_model()).read("When is my birthday?", listed)
    assert reading.kind == "answered" and "30 April 1990" in reading.answer
    # Someone's own question still reads their line.
    sophie = Reader(overlap_model()).read("When is Sophie's birthday?", listed)
    assert sophie.kind == "answered" and "11 Jan" in sophie.answer and "Sophie" in sophie.statement.text


def test_a_line_that_revises_wins_over_the_line_it_revises():
    """No dates decide between "GPU quota: 400 h" and "... quota now 600 h", and the model cannot
    tell them apart: the revising line wins, whichever comes first."""
    old = hit("GPU quota: 400 h per quarter.", line=12, path="/notes/glossa.md")
    new = hit("TODO: extra GPU hours request, quota now 600 h per quarter (done)", line=3, path="/notes/todo.md")
    reading = Reader(overlap_model()).read("What's my GPU quota on the cluster?", [old, new])
    assert reading.kind == "answered" and "600 h" in reading.answer
    assert "400 h" in Reader(overlap_model()).read("What's my GPU quota on the cluster?", [old]).answer


def test_a_date_column_does_not_make_a_row_about_a_birthday():
    row_ = row({"date": "2026-10-22", "who": "Momo", "change": "bloodwork: T4 low"}, line=5, path="/notes/momo.csv")
    assert Reader(overlap_model()).read("When is Momo's birthday?", [row_]).kind == "abstained"


def test_a_now_that_revises_nothing_asked_does_not_count():
    """"we now live in Utrecht with our cat Biscuit" revises where we live, not Biscuit's colour."""
    from agent.reader_relate import WordRelate

    relate = WordRelate(lambda ws: [[1.0, 0.0] if w in ("colour", "ginger") else [0.0, 1.0] for w in ws])
    moved = hit("We now live in Utrecht with our cat, Biscuit.", line=2)
    colour = hit("Biscuit is a ginger tabby.", line=5)
    reading = Reader(overlap_model(), relate=relate).read("What colour is Biscuit?", [moved, colour])
    assert reading.kind == "answered" and "ginger" in reading.answer


def test_a_log_row_naming_x_in_a_who_column_does_not_say_what_x_is():
    log = row({"date": "2026-10-22", "who": "Momo", "change": "bloodwork: T4 now low"}, line=4, path="/notes/log.csv")
    home = hit("Home: Momo: calico cat, adopted from the shelter.", line=9, path="/notes/home.md")
    reading = Reader(overlap_model(bloodwork=0.3)).read("Who's Momo?", [log, home])
    assert reading.kind == "answered" and "calico cat" in reading.answer


def test_two_recipes_under_their_own_headings_are_asked_about():
    """"the crumble" with a rhubarb and a blackberry crumble, each oven line under its heading."""
    rhubarb = hit("180°C for 40 minutes.", line=8, topic="Rhubarb crumble (mine)", path="/notes/recipes.md")
    apple = hit("190°C for 30 minutes.", line=20, topic="Apple and blackberry crumble", path="/notes/recipes.md")
    reading = Reader(overlap_model()).read("What temperature does the crumble go in at?", [rhubarb, apple])
    assert reading.kind == "ambiguous"
    assert "Rhubarb crumble (180°C)" in reading.answer and "Apple and blackberry crumble (190°C)" in reading.answer
    # One recipe: its temperature.
    assert "180°C" in Reader(overlap_model()).read("What temperature does the crumble go in at?", [rhubarb]).answer


def test_a_persons_number_is_their_phone():
    assert analyse("remind me what Dev's number is").want == "phone"
    assert analyse("What is my brother's new number?").want == "phone"
    assert analyse("What is my passport number?").want == "code"


def test_a_month_in_the_question_picks_the_line_dated_in_it():
    """"the November check-up": the April and January check-ups are other ones; "Nov" is November."""
    rows = [row({"date": d, "what for": "blood pressure review", "notes": n}, line=i, path="/notes/appointments.csv")
            for i, (d, n) in enumerate([("22 Apr 2026", "148/86"), ("4 Nov 2026", "134/80"), ("14 Jan 2026", "152/90")], 2)]
    reading = Reader(overlap_model(apr=1.0)).read("What was my blood pressure at the November check-up?", rows)
    assert "134/80" in reading.answer


def test_a_surname_written_as_an_initial_still_names_the_person():
    """"Chris O. now owns payments" speaks of Chris Okafor; "Chris L." does not."""
    okafor = hit("Weekly sync: Chris O. now owns the payments integration.", line=4)
    lindqvist = hit("Weekly sync: Chris L. now owns the map style.", line=5)
    reading = Reader(overlap_model()).read("What does Chris Okafor own now?", [lindqvist, okafor])
    assert reading.kind == "answered" and "payments" in reading.answer


def test_an_abbreviation_is_asked_as_the_words_notes_spell_out():
    from agent.reader_question import spell_out

    asked = spell_out("remind me who the PM is")
    assert asked == "remind me who the product manager (PM) is" and analyse(asked).names == []
    roster = [row({"name": "Ellen Marsh", "role": "product manager", "city": "Toronto"}, line=9, path="/notes/team.md")]
    assert "Ellen Marsh" in Reader(overlap_model()).read(asked, roster).answer
    assert spell_out("What is my GP's number?") == "What is my GP's number?"  # not every capital pair
    # "mob number", "hp no" (a handphone): the phone, asked as the notes write it.
    assert analyse(spell_out("anahits mob number?")).want == "phone" and analyse(spell_out("dimas hp no")).want == "phone"
    assert spell_out("Which HP printer do I have?") == "Which HP printer do I have?"
    # A model's name that holds the letters is no abbreviation: the Toyota C-HR.
    assert spell_out("What's the policy number of the C-HR's insurance?") == "What's the policy number of the C-HR's insurance?"


def test_a_newer_version_of_a_fact_wins_even_when_the_model_prefers_the_older():
    """A weekly log: "w/c 2 Mar: parking permit £40" then "w/c 30 Mar: parking permit up to £48".
    The model likes the older line better (boost), but it is within the version gap and the log
    dates order them: the newer value answers."""
    old = hit("w/c 2 Mar: Parking permit goes from £35 to £40 a month, paid by card.", line=3, path="/notes/office-log.md")
    new = hit("w/c 30 Mar: Parking permit up to £48.", line=9, path="/notes/office-log.md")
    model = overlap_model(card=0.4)
    reading = Reader(model).read("How much is the parking permit?", [old, new])
    assert reading.kind == "answered" and "£48" in reading.answer
    assert "£40" in Reader(model).read("How much is the parking permit?", [old]).answer


def test_a_question_about_a_past_event_is_not_asked_for_the_newest_version():
    """"When did I do my first shift as charge nurse?": a later shift is another event."""
    first = hit("2026-09-02 night shift as charge nurse, first one!", line=4, path="/notes/shifts.md")
    later = hit("2026-09-20 night shift as charge nurse again, busy.", line=9, path="/notes/shifts.md")
    reading = Reader(overlap_model(first=0.1)).read("When did I do my first shift as charge nurse?", [first, later])
    assert reading.kind == "answered" and "2026-09-02" in reading.answer


def test_a_change_log_line_beats_the_table_it_changes():
    """No kind of value to compare ("what dose"): the line that says the dose changed wins over
    the medication table's row, but a change of something else of the same person does not."""
    table = row({"medication": "sertraline", "dose": "50 mg", "when": "morning"}, line=2, path="/notes/meds.csv")
    change = hit("2026-05-04: sertraline increased to 100 mg (Dr. Moss).", line=7, path="/notes/meds-log.md")
    reading = Reader(overlap_model(moss=0.5)).read("What dose of sertraline am I on?", [table, change])
    assert reading.kind == "answered" and "100 mg" in reading.answer
    allergy = hit("Juno: allergic to penicillin.", line=3, path="/notes/kids.md")
    shoes = hit("12/09/26 -- Juno's shoe size now 31.", line=8, path="/notes/kids.md")
    reading = Reader(overlap_model(penicillin=1.0)).read("junos allergy", [allergy, shoes])
    assert "penicillin" in reading.answer


def test_another_thing_with_another_number_is_not_a_newer_version():
    """"Invoice #22" written later is another invoice, not a newer version of invoice #21."""
    first = hit("2026-03-01: Invoice #21, 12 h, €960, paid.", line=1, path="/notes/money.md")
    second = hit("2026-04-01: Invoice #22, 5 h, €400, sent.", line=2, path="/notes/money.md")
    reading = Reader(overlap_model(paid=0.5)).read("How much is invoice #21?", [first, second])
    assert reading.kind == "answered" and "€960" in reading.answer


def test_parallel_records_the_question_cannot_tell_apart_are_asked_about_with_their_values():
    """Two rows of one timetable with a Saturday piano lesson each: the model scores them alike
    and the question names neither child, so the reader asks, showing each one's time."""
    cols = ("day", "who", "what", "time")
    ana = row(dict(zip(cols, ("Sat", "Ana", "piano lesson", "10:00–10:45"))), line=4, path="/notes/kids.csv")
    ben = row(dict(zip(cols, ("Sat", "Ben", "piano lesson", "11:00–11:45"))), line=5, path="/notes/kids.csv")
    reading = Reader(overlap_model()).read("What time is the piano lesson on Saturday?", [ana, ben])
    assert reading.kind == "ambiguous" and "Ana (10:00)" in reading.answer and "Ben (11:00)" in reading.answer
    # Naming the child picks the row.
    reading = Reader(overlap_model()).read("What time is Ben's piano lesson on Saturday?", [ana, ben])
    assert reading.kind == "answered" and "11:00" in reading.answer


def test_parallel_lines_of_a_contact_list_are_asked_about_by_name():
    a = hit("Ruth Okoye - night nurse, ward 4 - 555-0141", line=3, path="/notes/work-contacts.md")
    b = hit("Tom Lindgren - night nurse, ward 6 - 555-0188", line=4, path="/notes/work-contacts.md")
    reading = Reader(overlap_model()).read("What's the night nurse's phone number?", [a, b])
    assert reading.kind == "ambiguous" and "Ruth Okoye (555-0141)" in reading.answer and "Tom Lindgren" in reading.answer
    # The model telling them apart (a clearly better score) is an answer, not a question.
    reading = Reader(overlap_model(okoye=1.0)).read("What's the night nurse's phone number?", [a, b])
    assert reading.kind == "answered" and "555-0141" in reading.answer


def test_one_thing_in_two_periods_is_not_two_things_to_ask_about():
    """The car insurance rows of two years differ only by their years: versions, the later answers."""
    old = row({"item": "car insurance", "details": "Mazda (2025-26)", "cost per year": "$1,588.00"}, line=3)
    new = row({"item": "car insurance", "details": "Mazda (2026-27)", "cost per year": "$1,642.00"}, line=4)
    reading = Reader(overlap_model()).read("How much is our car insurance per year?", [old, new])
    assert reading.kind == "answered" and "1,642" in reading.answer


def test_a_statement_sharing_no_word_with_the_question_needs_a_sure_model():
    """"Oven 220°C." from another recipe does not answer the pizza when the model is unsure of it
    (PMI 0.6); a line the model is sure of answers without a shared word ("our collie" for "dog")."""
    from agent.reader_relate import WordRelate

    relate = WordRelate(lambda ws: [[1.0, 0.0] if w in ("temperature", "oven") else [0.0, 1.0] for w in ws])
    oven = hit("Oven 220°C.", line=4, path="/notes/recipes.md")
    reading = Reader(overlap_model(oven=0.6), relate=relate).read("What temperature do I bake the pizza at?", [oven])
    assert reading.kind == "abstained"
    reading = Reader(overlap_model(oven=1.5), relate=relate).read("What temperature do I bake the pizza at?", [oven])
    assert reading.kind == "answered" and "220°C" in reading.answer


def test_a_row_about_someones_relative_is_not_about_them_or_about_mine():
    """"name: Fiona Gallagher; relation: Saoirse's mum; ..." holds Fiona's number and birthday:
    not my mum's, not Saoirse's; a row naming a thing of someone's ("Rin's yukata") still answers."""
    fiona = row({"name": "Fiona Gallagher", "relation": "Saoirse's mum", "mobile": "0491 575 254",
                 "birthday": "1963-05-30"}, line=6, path="/notes/contacts.csv")
    assert Reader(overlap_model()).read("What is my mum's phone number?", [fiona]).kind == "abstained"
    assert Reader(overlap_model()).read("When is Saoirse's birthday?", [fiona]).kind == "abstained"
    assert "0491 575 254" in Reader(overlap_model()).read("What is Fiona's phone number?", [fiona]).answer
    # Typed in lower case, without the apostrophe: "saoirses" is still the name the row names
    # only as whose mum Fiona is; asking for that relation itself still finds her.
    assert Reader(overlap_model()).read("saoirses birthday?", [fiona]).kind == "abstained"
    assert "0491 575 254" in Reader(overlap_model()).read("saoirses mums number?", [fiona]).answer
    yukata = row({"date": "08/01/2025", "item": "Rin's yukata", "amount": "¥6,600"}, line=3, path="/notes/spend.csv")
    assert "¥6,600" in Reader(overlap_model()).read("How much did Rin's yukata cost?", [yukata]).answer


def test_an_identifier_of_another_kind_is_no_code():
    """An account number on the alarm's line is not the alarm code; a password hint is not the
    password; "the 1st of each month" and a price are no codes; a membership number asked as
    such, or an "acct" asked for an "account", still answers."""
    from agent.reader_question import typed_values

    alarm = hit("Alarm: Redline Security, account RS-4410, monitoring $29.99/month.", line=3, path="/notes/house.md")
    assert Reader(overlap_model()).read("What's the code for the house alarm?", [alarm]).kind == "abstained"
    hint = hit('Accounts: KeePass master password hint: "my first teacher + year".', line=8, path="/notes/house.md")
    assert Reader(overlap_model()).read("What is my KeePass master password?", [hint]).kind == "abstained"
    assert typed_values("Gate code changes on the 1st of each month.", "code", "What's the gate code?") == []
    assert typed_values("joined Pulse Gym, member no. PG-5521", "code", "What's my gym membership number?") == ["PG-5521"]
    internet = "Internet: Nordnet Fiber, account 5512-0093, $45/month."
    assert typed_values(internet, "code", "whats the internet acct number") == ["5512-0093"]
    assert typed_values(internet, "code", "whats the wifi password") == []


def test_shorthand_in_a_note_speaks_of_the_word_it_stands_for():
    """"reg KV19 PXE" is the registration, "$20/h" an hourly rate; "no longer" is no number."""
    from agent.reader_text import spelled_out

    car = hit("2018 Skoda Octavia estate, grey, reg LM18 KTD.", line=3, path="/notes/car.md")
    reading = Reader(overlap_model()).read("What's the registration of my Skoda?", [car])
    assert reading.kind == "answered" and "LM18 KTD" in reading.answer
    sitter = hit("14/10/26 -- Jess is £14/h from now on.", line=9, path="/notes/remember.md")
    reading = Reader(overlap_model()).read("How much do we pay Jess an hour?", [sitter])
    assert reading.kind == "answered" and "£14" in reading.answer
    assert spelled_out("The bakery no longer opens Sundays.") == ""


def test_a_logs_date_is_not_the_birthday_it_mentions():
    """"date: 2026-11-28; item: Ole's birthday: a kite" says when the kite was bought; "26/09/26 --
    Ida wants a bike for her birthday" when the line was written. Neither is a birthday; "What did
    I buy Ole for his birthday?" asks for the kite, not a date."""
    from agent.reader_question import analyse

    spent = row({"date": "2026-11-28", "item": "Ole's birthday: a kite", "amount": "40.00"}, line=5, path="/notes/spend.csv")
    assert Reader(overlap_model()).read("When is Ole's birthday?", [spent]).kind == "abstained"
    filed = hit("Remember: 26/09/26 -- Ida wants a bike for her birthday.", line=7, path="/notes/remember.md")
    assert Reader(overlap_model()).read("When is Ida's birthday?", [filed]).kind == "abstained"
    born = row({"name": "Ole Berg", "birthday": "1995-12-01"}, line=2, path="/notes/people.csv")
    assert "1995-12-01" in Reader(overlap_model()).read("When is Ole's birthday?", [spent, born]).answer
    assert analyse("What did I buy Ole for his birthday?").want is None
    assert analyse("wen is oles bday").want == "date"


def test_what_says_who_someone_is():
    """"Mr. Oduya: landlord" says who Mr. Oduya is (a title before the name); "Hired Lu as
    weekend barista" too; a contact row with only a number does not."""
    from agent.reader_defines import defines

    info = analyse("Who is Mr. Oduya?")
    assert defines(info, hit("Mr. Oduya: landlord; emergencies only: 555-0170", line=3))
    assert not defines(info, hit("people: Mr. Oduya", line=2))
    assert defines(analyse("Who is Lu?"), hit("w/c 3 Mar: Hired Lu as weekend barista, starts Saturday.", line=5))
    contact = row({"name": "Tess", "number": "07700 900123", "note": "mobile"}, line=4, path="/notes/phone.csv")
    assert not defines(analyse("Who is Tess?"), contact)
    friend = row({"name": "Tess", "relation": "school friend", "number": "07700 900123"}, line=4, path="/notes/phone.csv")
    assert defines(analyse("Who is Tess?"), friend)


def test_the_amounts_of_a_row_are_its_money_columns():
    """"price_gbp: 25" is money (a currency after an underscore), an order id or phone is not."""
    from agent.reader_question import typed_values

    order = "order_id: 2051; date: 2026-03-02; customer: Ana Ruiz; phone: 555-0177; item: wheel true; price_gbp: 25; deposit_gbp: 0"
    assert typed_values(order, "money", "How much was Ana Ruiz's order?") == ["25", "0"]
    assert typed_values("date: 2026-01-04; item: kettle; amount_eur: 31.00", "money", "How much was the kettle?") == ["31.00"]
    line = row({"order_id": "2051", "customer": "Ana Ruiz", "item": "wheel true", "price_gbp": "25"}, line=3, path="/notes/orders.csv")
    reading = Reader(overlap_model()).read("How much was Ana Ruiz's wheel true?", [line])
    assert reading.kind == "answered" and "25" in reading.answer and "2051" not in reading.answer.split(".")[0]


def test_a_keyed_sentence_keeps_the_heading_above_its_key():
    """"Vet: Dr. Vick. Rabies booster due 2027-05-10." under "## Pepper (dog)": the second sentence
    reads "Vet: Rabies booster due ..." and its topic says whose it is."""
    from agent.reader_statements import _as_dict

    stored = {"id": "n:19", "path": "/notes/house.md", "line": 19, "end_line": 19, "kind": "sentence",
              "text": "Vet: Rabies booster due 2027-05-10.", "source": "Vet: Dr. Vick. Rabies booster due 2027-05-10.",
              "topic": ["House", "Pepper (dog)", "Vet"], "fields": {}}
    st = StatementHit(**_as_dict(stored), rank=0)
    assert st.topic == "Pepper (dog)"
    reading = Reader(overlap_model()).read("When is Pepper's rabies booster due?", [st])
    assert reading.kind == "answered" and "2027-05-10" in reading.answer
    plain = dict(stored, text="Rabies booster due 2027-05-10.", topic=["House", "Pepper (dog)"])
    assert StatementHit(**_as_dict(plain), rank=0).topic == "Pepper (dog)"


def test_an_hour_said_loosely_is_a_time():
    """"I call him every Sunday around 7" answers "What time do I call Dad?"; "at 10 people" is no time."""
    from agent.reader_question import typed_values

    dad = hit("He lives alone now, so I call him every Sunday around 7.", line=4, topic="Dad")
    reading = Reader(overlap_model()).read("What time do I call Dad?", [dad])
    assert reading.kind == "answered" and reading.answer.startswith("Around 7")
    assert typed_values("The room fits at 10 people max.", "time", "What time is it?") == []


def test_who_has_x_needs_no_name_beside_x():
    """"Who has our spare key?": the name is whoever has it, anywhere in the line; only "what is X
    called" wants the name right beside X."""
    ruth = hit("Ruth Nowak - neighbour at no. 16, has our spare key - 555-0145", line=6, path="/notes/contacts.md")
    tyres = hit("Tyres 205/55 R16; the spare is a space-saver.", line=9, path="/notes/car.md")
    reading = Reader(overlap_model()).read("Who has our spare key?", [tyres, ruth])
    assert reading.kind == "answered" and "Ruth Nowak" in reading.answer


def test_shorthand_in_a_question_is_asked_as_the_words_notes_use():
    from agent.reader_question import spell_out

    assert spell_out("wens kims bday") == "wens kims birthday"
    assert spell_out("Ana's appt?") == "Ana's appointment?"
    assert analyse(spell_out("isp support line no.?")).want == "phone"
    assert spell_out("the phone app") == "the phone app"  # words that are not shorthand stay


def test_names_and_ages_of_the_asked_kind():
    """"What's Ade's last name?" wants a name that starts with Ade; the name of Rin's teacher is not
    Rin; "How old is Pepper?" wants an age, not "a 12 kg bag"."""
    rota = row({"week_of": "2026-11-02", "kitchen": "Ade", "bathroom": "Ines"}, line=3, path="/notes/rota.csv")
    assert Reader(overlap_model()).read("What's Ade's last name?", [rota]).kind == "abstained"
    ade = hit("Flatmates: Ade Okafor, Ines Kowalska.", line=2, path="/notes/flat.md")
    assert "Ade Okafor" in Reader(overlap_model()).read("What's Ade's last name?", [rota, ade]).answer
    food = hit("Pepper eats salmon and rice; a 12 kg bag lasts her five weeks.", line=5, path="/notes/pepper.md")
    assert Reader(overlap_model()).read("How old is Pepper?", [food]).kind == "abstained"
    age = hit("Pepper is 7 years old and still runs like a puppy.", line=2, path="/notes/pepper.md")
    assert "7" in Reader(overlap_model()).read("How old is Pepper?", [food, age]).answer


def kv_hit(label: str, key: str, value: str, *, line: int, path: str) -> StatementHit:
    """A "Key: value" line under a heading, as memory makes it from an Org drawer or a bullet."""
    text = f"{label}: {key}: {value}"
    return StatementHit(id=f"{path}:{line}", path=path, line=line, end_line=line, text=text, source=text,
                        topic=label, fields={key: value}, rank=0)


def test_a_change_to_another_attribute_is_no_newer_version_of_a_key_value_line():
    """"premium: £1,184/yr" names what it gives; "stock cover went up to £60k" states a change,
    but of the cover, so the premium stays the answer however close the model scores them."""
    premium = kv_hit("Renew shop insurance", "premium", "£1,184/yr", line=10, path="/notes/todo.org")
    cover = hit("Renew shop insurance: stock cover went up to £60k last year.", line=12, path="/notes/todo.org")
    reading = Reader(overlap_model(stock=0.3)).read("How much is the premium on the shop insurance?", [premium, cover])
    assert reading.kind == "answered" and "£1,184" in reading.answer
    # A change that names the attribute is a newer version.
    raised = hit("Renew shop insurance: premium went up to £1,250 this year.", line=14, path="/notes/todo.org")
    reading = Reader(overlap_model(yr=0.3)).read("How much is the premium on the shop insurance?", [premium, raised])
    assert reading.kind == "answered" and "£1,250" in reading.answer


def test_a_tasks_deadline_is_not_the_birthday_it_is_for():
    dinner = kv_hit("Book Ruth's birthday dinner", "deadline", "2026-06-21 Sun", line=32, path="/notes/todo.org")
    assert Reader(overlap_model()).read("ruths bday", [dinner]).kind == "abstained"
    book = hit("Ruth Cole (my partner): 07700 900126 / birthday 22 June", line=4, path="/notes/addresses.txt")
    assert "22 June" in Reader(overlap_model(dinner=0.5)).read("ruths bday", [dinner, book]).answer


def test_two_lines_of_one_note_that_both_say_every_asked_word_are_asked_about():
    """Two sisters in one family note, each line with her birthday but otherwise worded apart: the
    question names neither, so the reader asks; naming one picks her."""
    older = hit("Family: Ilinca, my older sister, lives in Cluj with her two kids. Birthday 3 February.", line=5, path="/notes/family.md")
    younger = hit("Family: Corina, my younger sister, in Bristol doing architecture. Birthday 19 August.", line=6, path="/notes/family.md")
    reading = Reader(overlap_model(cluj=0.1)).read("When is my sister's birthday?", [older, younger])
    assert reading.kind == "ambiguous"
    assert "Ilinca (3 February)" in reading.answer and "Corina (19 August)" in reading.answer
    assert "19 August" in Reader(overlap_model()).read("When is Corina's birthday?", [older, younger]).answer


def test_two_tasks_with_deadlines_are_told_apart_by_what_they_are_not_by_their_dates():
    shop = kv_hit("Renew Cyclesure shop insurance", "deadline", "2026-12-14 Mon", line=6, path="/notes/todo.org")
    van = kv_hit("Renew Hollybrook van insurance", "deadline", "2027-02-02 Tue", line=14, path="/notes/todo.org")
    reading = Reader(overlap_model(van=0.1)).read("When does the insurance need renewing?", [shop, van])
    assert reading.kind == "ambiguous"
    assert "Cyclesure" in reading.answer and "Hollybrook" in reading.answer and "Tue (" not in reading.answer


def test_a_legend_line_is_never_the_answer():
    legend = hit("health log. bp = blood pressure, wt = weight.", line=1, path="/notes/health.txt").model_copy(update={"kind": "meta"})
    assert Reader(overlap_model()).read("What's my blood type?", [legend]).kind == "abstained"


def test_when_to_pay_asks_for_a_date_and_an_amount_is_no_code():
    assert analyse("When do I have to pay the Northgate invoice by?").want == "date"
    assert analyse("What did I pay for the van?").want == "money"
    from agent.reader_question import typed_values
    assert typed_values("Net £1,846.20 VAT £369.24 Total £2,215.44", "code", exclude="What's the shop's VAT number?") == []


def test_the_person_a_clause_points_to_is_not_the_label_of_the_line():
    """"the person who has my VAT return" over "VAT return Q3: Harriet has had everything since
    6 Oct": Harriet, not the label's "Q3"."""
    from agent.reader_question import entity, relative_clause

    hops = relative_clause("What's the phone number of the person who has my VAT return?")
    assert hops is not None and hops.noun == "person"
    line = "VAT return Q3: Harriet has had everything since 6 Oct; chase her if nothing by the end of the month"
    assert entity(line, hops.inner, "Shop", None, hops.noun) == "Harriet"
    # A label is still the answer when nothing after it is a name.
    assert entity("Kelso Garage: booked for the MOT", "Which garage has the van?", "", None, "garage") == "Kelso Garage"


def test_a_phone_number_is_no_account_number_but_a_bare_number_may_be_a_phone():
    from agent.reader_question import typed_values

    rep = "12 May 2026: Northgate: New rep is Aisha Karim, 07700 900318."
    assert typed_values(rep, "code", exclude="What's our account number with Northgate?") == []
    assert typed_values("account: CHN-5518", "code", exclude="What's our account number with Northgate?") == ["CHN-5518"]
    assert typed_values("Kasia Nowak (shop): 07700 900813", "code", exclude="kasias number pls") != []


def test_a_clause_in_the_present_progressive_points_to_the_thing_too():
    from agent.reader_question import relative_clause

    hops = relative_clause("Who is the rep now at the supplier I'm ordering the winter tyres from?")
    assert hops is not None and hops.noun == "supplier"
    assert hops.inner == "Which supplier I'm ordering the winter tyres from?" and hops.outer == "Who is the rep now at {}?"
    assert relative_clause("When am I seeing the dentist?") is None


def test_a_clause_after_i_or_we_points_to_the_person_in_any_tense():
    from agent.reader_question import relative_clause

    hops = relative_clause("What's the phone number of the person we stay with at Christmas?")
    assert hops is not None and hops.noun == "person"
    assert hops.inner == "Which person we stay with at Christmas?" and hops.outer == "What's the phone number of {}?"
    # A name or "my X" still needs a verb that reads as one ("the appointment Ma booked" is one question).
    assert relative_clause("When is the appointment Ma booked?") is None


def test_a_weight_is_a_kind_of_its_own_and_the_newest_log_entry_gives_it():
    """A terse dd/mm health log: "What do I weigh at the moment?" wants a weight, and the latest
    year-less entry holds the current one. "a 12 kg bag" is the bag's weight."""
    from agent.reader_question import typed_values

    assert analyse("What do I weigh at the moment?").want == "weight"
    assert analyse("How much do I weigh?").want == "weight"
    assert analyse("How much did the dumbbells cost?").want == "money"
    assert typed_values("and a 12 kg bag lasts a month", "weight", exclude="How much does Pepper weigh?") == []
    lines = [("16/02 physio #2. wt (weight) 78.4 kg", 11), ("02/07 wt (weight) 77.1 kg", 15),
             ("30/10 wt (weight) 76.4 kg. swimming Mon + Thu mornings", 17)]
    hits = [hit(t, line=n, path="/notes/health-log.txt") for t, n in lines]
    reading = Reader(overlap_model(physio=0.2)).read("What do I weigh at the moment?", hits)
    assert reading.kind == "answered" and "76.4 kg" in reading.answer


def test_my_first_paper_names_no_person_to_ask_about():
    """Names stand near "paper 1" in a supervision log, but "my first paper" is a thing: the
    reader does not ask "Ingrid or Farah?"."""
    a = hit("15 Sep 2026 (Ingrid, Farah): Paper 1 is ready. Target: Environmental Microbiology.", line=28, path="/notes/supervision.md")
    b = hit("10 Nov 2026 (Ingrid): Paper 1 submitted, manuscript number FEMSEC-26-0817.", line=34, path="/notes/supervision.md")
    reading = Reader(overlap_model()).read("What's the manuscript number of my first paper?", [a, b])
    assert reading.kind != "ambiguous"


def test_a_quantity_before_the_asked_noun_is_how_much_not_which_kind():
    from agent.reader_relate import other_kind

    assert not other_kind("What are our payment terms with Brightwheel?", "terms", "Brightwheel: we're on 30 days terms now.")
    assert other_kind("When does my tenant insurance renew?", "insurance", "The car insurance renews in May.")
    # An article before the noun names no kind of it: "la cuota de la casa baja a Gs. 2.870.000"
    # is the monthly cuota asked, in Spanish.
    line = "Firmamos la refinanciación con el Banco Continental: la cuota de la casa baja a Gs. 2.870.000 desde octubre."
    assert not other_kind("How much is the monthly cuota of the house loan now?", "cuota", line)
    assert other_kind("How much is the monthly cuota of the house loan now?", "cuota", "Vitz: prendaria cuota Gs. 1.380.000")


def test_values_of_the_wrong_kind_are_not_read_as_the_asked_one():
    """A dotted date is no time, an ISO date or a phone number's groups no amount, "every 3
    months" no age, a weekday's short form no name."""
    from agent.reader_question import typed_values
    from agent.reader_text import names, times

    assert times("Christmas trains booked - 18.10.2026: They like early starts.") == []
    assert times("the 10.42 from Shrewsbury, then 19.30.") == ["10.42", "19.30"]
    assert typed_values("Log: 2026-11-02: Trados Studio bought, memoQ goes.", "money") == []
    assert typed_values("contact: Rui; phone: +351 21 555 0199; paid 450 in total", "money") == ["450"]
    assert names("Sun, 8 Feb 2026 19:40") == []
    jab = hit("Pimenta (the cat): yearly jab 14/03. Worming every 3 months (next: December).")
    assert Reader(overlap_model()).read("How old is Pimenta?", [jab]).kind == "abstained"
    old = hit("Pimenta turns 3 years old in May.")
    assert "3 years" in Reader(overlap_model()).read("How old is Pimenta?", [old]).answer


def test_an_identifier_in_the_question_must_be_in_the_line():
    """Stems cut "FL-2026-038" and "FL-2026-022" to the same letters; the invoice asked about is
    not another invoice."""
    other = hit("Invoice FL-2026-022: certification fee GBP 35.00", line=4, path="/notes/invoices.txt")
    reader = Reader(overlap_model())
    assert reader.read("How much was invoice FL-2026-038?", [other]).kind == "abstained"
    assert "35.00" in reader.read("How much was invoice FL-2026-022?", [other]).answer


def test_an_amount_in_another_currency_does_not_answer_in_euros():
    line = hit("Invoice K-2601 total: USD 1,078.00", line=9, path="/notes/invoices.txt")
    reader = Reader(overlap_model())
    assert reader.read("How much is invoice K-2601 in euros?", [line]).kind == "abstained"
    assert "1,078.00" in reader.read("How much is invoice K-2601?", [line]).answer


def test_a_letters_date_is_not_a_birthday_the_letter_mentions():
    """"She wants a hamster for her birthday" under a letter dated 21 Nov says nothing of when the
    birthday is; a diary line that is the birthday itself takes its heading's date."""
    letter = hit("Megan tells me she wants a hamster for her birthday.", topic="Rosie - 21 Nov 2026", path="/notes/letter.txt")
    assert Reader(overlap_model()).read("When is Megan's birthday?", [letter]).kind == "abstained"
    diary = hit("Megan's birthday.", topic="Tuesday, 3 February 2026", path="/notes/diary.md")
    assert "3 February" in Reader(overlap_model()).read("When is Megan's birthday?", [diary]).answer


def test_which_garage_wants_the_garages_name_beside_the_word():
    """"Which school/garage ...?" asks for a proper name: a line that only says "her school play"
    does not answer; "Hodnet's garage fixed it" does, by the name beside "garage"."""
    assert analyse("Which garage fixed the car?").want == "name"
    assert analyse("Which CAT tool am I using now?").want == "name"
    assert analyse("Which city is Atelier Brunner in?").want == "place"
    assert analyse("Which evening does the club meet?").want == "date"
    assert analyse("wheres our ted live").want == "place"  # typed in a hurry
    play = hit("Megan was in her school play on Wednesday, wasn't she?", topic="Rosie - Sat, 21 Nov 2026")
    assert Reader(overlap_model()).read("Which school does Megan go to?", [play]).kind == "abstained"
    fixed = hit("Rosie came over. Hodnet's garage fixed the car the same afternoon.", topic="Rosie - Sun, 8 Feb 2026")
    reading = Reader(overlap_model()).read("Which garage fixed the car?", [fixed])
    assert reading.kind == "answered" and "Hodnet" in reading.answer


def test_a_contact_line_or_a_letters_address_does_not_say_who_someone_is():
    """"Who is Brenda Kaye?": "Brenda Kaye: 01632 960735" gives her number; the line that says
    she was voted captain says who she is."""
    phone = hit("Brenda Kaye: 01632 960735", line=3, path="/notes/phones.txt")
    captain = hit("Stan stood down and Brenda Kaye was voted in as captain of the bowls club.", line=12, path="/notes/letters.txt", rank=1)
    reading = Reader(overlap_model()).read("Who is Brenda Kaye?", [phone, captain])
    assert reading.kind == "answered" and "captain" in reading.answer
    from agent.reader_defines import defines
    to = hit("To: Priya Raman, 14 Gray's Inn Square, London")
    assert not defines(analyse("Who is Priya Raman?"), to)


def test_dates_written_the_way_people_say_them_and_in_other_languages():
    """"the 17th of March", "March the 3rd"; a Porto translator's "15 de novembro de 2026", a
    German client's "30. Oktober 2026": dates to answer with and to tell old from new by."""
    from agent.reader_text import dates, latest_date

    assert dates("Danny's birthday is on the 17th of March.") == ["17th of March"]
    assert dates("March the 3rd") == ["March the 3rd"]
    assert dates("Novo prazo: 15 de novembro de 2026 (era 30 de setembro).")[:2] == ["15 de novembro de 2026", "30 de setembro"]
    assert latest_date("Termin 30. Oktober 2026") == (2026, 10, 30)
    assert dates("Kleinhaus - Termin 30.10.2026: rate confirmed")[0] == "30.10.2026"
    assert latest_date("Termin 30.10.2026") == (2026, 10, 30)
    assert latest_date("/notes/journals/2026_05_04.md") == (2026, 5, 4)  # a Logseq journal file
    assert dates("~15.000 Wörter, Python 3.11.7") == []  # a thousands dot, a version
    assert dates("Pimenta: Vacina anual: 14/03.") == ["14/03"]  # a year-less day/month
    assert dates("rated 4/5, open 24/7, bp 129/82") == []
    assert dates("Mars is red and Mai is my cousin.") == []  # a month name only beside a day or a year
    assert analyse("What's the deadline for The Salt Road?").want == "date"
    assert analyse("internet contract til when").want == "date"
    line = hit("The Salt Road: Novo prazo: 15 de novembro de 2026 (era 30 de setembro).", path="/notes/maré.md")
    assert "15 de novembro de 2026" in Reader(overlap_model()).read("What's the deadline for The Salt Road?", [line]).answer


def test_who_is_my_role_at_a_named_place_wants_a_name():
    assert analyse("Who is my editor at Editora Maré?").want == "name"
    assert analyse("Who is Pixel?").want is None  # asks what Pixel is
    to = hit("To: Ted Pruitt <ted.pruitt@example.co.uk>", line=2, path="/notes/letters/ted.txt")
    home = hit("Ted & Sheila: 3 Sewerby Road, Bridlington YO16 7DS", line=12, path="/notes/phone_numbers.txt", rank=1)
    reading = Reader(overlap_model()).read("Where does Ted live?", [to, home])
    assert reading.kind == "answered" and "Bridlington" in reading.answer


def test_the_asked_compound_is_not_answered_by_another_one():
    """"What's my blood type?" over "bp (blood pressure) recheck: 129/82" abstains; a dated line
    still answers "When is my residence permit appointment?" though it says "renewal"."""
    bp = hit("20/04 bp (blood pressure) recheck at the pharmacy: 129/82. fine.", path="/notes/health.txt")
    assert Reader(overlap_model()).read("What's my blood type?", [bp]).kind == "abstained"
    permit = hit("TODO: residence permit renewal at IND: 01/19/2027, 09:30", path="/notes/todo.md")
    assert "01/19/2027" in Reader(overlap_model()).read("When is my residence permit appointment?", [permit]).answer


def test_the_asked_compound_is_not_answered_by_a_line_without_its_modifier():
    """"What is my blood type?" retrieves a manual's "File is of type c:" under a heading about
    "-type": the line says "type" and never blood, so it does not answer. A line that says the
    modifier ("Blood: O neg") still does, and a value of the asked kind vouches as before."""
    manual = hit("File is of type c:", path="/notes/docs/man-find.txt", topic="-type Supported types")
    assert Reader(overlap_model()).read("What is my blood type?", [manual]).kind == "abstained"
    group = hit("Blood: O neg (card in wallet).", path="/notes/health.md")
    reading = Reader(overlap_model()).read("What is my blood type?", [group])
    assert reading.kind == "answered" and "O neg" in reading.answer
    pin = hit("Bank card: PIN 4471", path="/notes/secrets.md")
    assert "4471" in Reader(overlap_model()).read("What is my card PIN?", [pin]).answer


def test_of_several_names_the_one_beside_the_asked_role():
    """"Hazel class, teacher Mrs Ferreira": the teacher is Mrs Ferreira, not Hazel."""
    line = hit("Otis: Hazel class, teacher Mrs Ferreira. PE on Wednesdays.", path="/notes/house-wiki.md")
    reading = Reader(overlap_model()).read("Who is Otis's teacher?", [line])
    assert reading.kind == "answered" and reading.value == "Mrs Ferreira"


def test_a_line_that_covers_more_of_the_question_answers_when_the_likeliest_does_not_say_it():
    """"When does Kit start?": the likeliest line says what Kit will do from October, the one
    that also says "starts" answers; with no such line the reader still abstains."""
    later = hit("w/c 22 Sep: Kit will do Saturdays and Sundays from October (Sunday trial, 10-4).", line=30, path="/notes/shop-log.md")
    hired = hit("w/c 8 Sep: Hired Kit as Saturday mechanic, starts 13 Sep, £13.50/h.", line=22, path="/notes/shop-log.md", rank=1)
    model = overlap_model(october=3.0)
    reading = Reader(model).read("When does Kit start?", [later, hired])
    assert reading.kind == "answered" and "13 Sep" in reading.answer
    assert Reader(model).read("When does Kit start?", [later]).kind == "abstained"


def test_someone_named_by_a_role_is_found_first_then_asked_about():
    """"the phone number of the bowls club captain", "my brother's wife": who that is comes first
    (a line may give the captain and another her number); a name asks directly."""
    from agent.reader_question import relative_clause

    hops = relative_clause("What's the phone number of the bowls club captain?")
    assert (hops.inner, hops.outer, hops.noun) == ("Who is the bowls club captain?", "What is {}'s phone number?", "captain")
    hops = relative_clause("What is my brother's wife called?")
    assert (hops.inner, hops.outer) == ("Who is my brother?", "What is {}'s wife called?")
    assert relative_clause("What is Dev's wife's name?") is None
    # Two relations in a row: who that is first (the line that names her), then what is asked.
    hops = relative_clause("When is my brother's wife's birthday?")
    assert (hops.inner, hops.outer, hops.noun, hops.fallback) == ("Who is my brother's wife?", "When is {}'s birthday?", "wife", False)
    hops = relative_clause("what's my older sister's husband's LINE ID")
    assert (hops.inner, hops.outer) == ("Who is my older sister's husband?", "what's {}'s LINE ID?")
    assert relative_clause("Where does my sister's husband work?").outer == "Where does {} work?"
    for the_name_itself in ("Who is my brother's wife?", "What is my brother's wife's name?"):
        assert relative_clause(the_name_itself) is None, the_name_itself
    assert relative_clause("What's the email of Jonas?") is None


def test_kin_match_by_word_not_by_a_close_vector():
    """"brother" sits by "dad" and "grandad" in any vector space; a line about Dad does not speak
    of the brother. Other words may still match by vector ("job" by "work")."""
    from agent.reader_relate import WordRelate, shares_attribute

    same = WordRelate(lambda ws: [[1.0, 0.0] for _ in ws])  # every word as close as can be
    assert not shares_attribute(["brother"], "Dad / Walt / Grandad", same)
    assert shares_attribute(["job"], "She works at the harbour office", same)
    assert shares_attribute(["brother"], "My brother Ted lives in Bridlington", same)


def test_more_shapes_that_are_not_the_asked_value():
    """"2.0 may take up to a week" holds no date, "£4.50" no time; a harvest asked "how much"
    is a weight; "wen" opening a question is "when"."""
    from agent.reader_text import dates, times

    assert dates("App Store review for 2.0 may take up to a week") == []
    assert dates("the 1st of May") == ["1st of May"]
    assert times("Breakfast club £4.50 a day, pick up 15:15") == ["15:15"]
    assert analyse("how much borlotti did i get this yr").want == "weight"
    assert analyse("How much did the borlotti seeds cost?").want == "money"
    # Money that comes in is got too: rent from a flat, a pension.
    assert analyse("How much rent do we get for the Pokhara flat now?").want == "money"
    assert analyse("How much pension do I get?").want == "money"
    assert analyse("wen is milos birthday").want == "date"
    assert analyse("How much do I have to order from Northwind to get free delivery?").want == "money"
    assert dates("Owen Ross,husband,1989-11-02")[0] == "1989-11-02"


def test_a_dose_is_a_kind_of_its_own():
    """"How much is Momo's methimazole dose now?" wants 1.25 mg, not an amount of money; the
    newer line gives it."""
    assert analyse("How much is Momo's methimazole dose now?").want == "dose"
    assert analyse("How much did the tablets cost?").want == "money"
    old = hit("2026-08-02: Momo: methimazole 2.5 mg twice a day.", line=3, path="/notes/momo.md")
    new = hit("2026-10-22: Momo: methimazole down to 1.25 mg twice a day (T4 low).", line=9, path="/notes/momo.md")
    reading = Reader(overlap_model()).read("How much is Momo's methimazole dose now?", [old, new])
    assert reading.kind == "answered" and "1.25 mg" in reading.answer


def test_a_first_name_two_people_share_is_asked_about_from_every_line_that_names_them():
    """"Sophie T" and "Sophie A" (initials without a dot) are two people; the other one's lines
    need not be retrieved by the question: the reader looks up every line naming "Sophie"."""
    retrieved = [hit("return Sophie T's deposit: £620 back to her", line=4),
                 hit("name: Hallam Appliances; what: shop; phone: 0114 496 0574", line=9)]
    notes = ["Flat B (Loxley Mews): Sophie Tran, student nurse, moved in 20 Aug 2023",
             "to Sophie A + Liam -- Wed 24 Jun 2026", "Flat A: Sophie Adebayo and Liam Cross, joint AST"]
    mentions = lambda word: [t for t in notes if word in t]  # noqa: E731
    reading = Reader(overlap_model(), mentions=mentions).read("How much is Sophie's deposit?", retrieved)
    assert reading.kind == "ambiguous"
    assert "Sophie Tran" in reading.answer and "Sophie Adebayo" in reading.answer and "Sophie T " not in reading.answer
    # Another name of the question picks the one written beside it: not ambiguous any more.
    beside = Reader(overlap_model(), mentions=mentions).read("When does Liam and Sophie's tenancy end?", retrieved)
    assert beside.kind != "ambiguous"
    # Without the look-up, one Sophie in the retrieved lines is no ambiguity.
    assert Reader(overlap_model()).read("How much is Sophie's deposit?", retrieved).kind != "ambiguous"
    # Asked what no line says of either Sophie (her blood group), there is nothing to choose
    # between: the notes do not say.
    assert Reader(overlap_model(), mentions=mentions).read("What is Sophie's blood group?", retrieved).kind == "abstained"
    # ... but one kept on a line the question did not retrieve (her card) is said.
    cards = notes + ["Sophie Tran: blood group O+", "Sophie Adebayo: allergic to penicillin"]
    by_word = lambda word: [t for t in cards if word in t]  # noqa: E731
    assert Reader(overlap_model(), mentions=by_word).read("What is Sophie's blood group?", retrieved).kind == "ambiguous"
    # A phone number or a birthday is often told a sentence after the name, out of sight: still asked.
    assert Reader(overlap_model(), mentions=mentions).read("What's Sophie's phone number?", retrieved).kind == "ambiguous"


def test_a_day_or_month_after_a_first_name_is_no_surname():
    from agent.reader_names import namesakes
    assert namesakes("Dave", ["Dave Monday shift", "Dave Ferris, rep", "Dave O late again"], "dave's number") == ["Dave Ferris", "Dave O"]
    assert namesakes("Chris", ["Chris O. said", "Chris Okafor owns it"], "chris") == ["Chris Okafor"]
    # notes that write a name given name first: a card "Data Sari" (Sari's data) is no family name
    assert namesakes("Sari", ["Data Sari: Lahir: 4 Mei 2019", "Sari Wulandari Putri", "Piano Sari: Kamis"], "when is sari's birthday") == ["Sari Wulandari"]
    # A role in the notes' language before the name is no family name: "Tandläkare Alva" is the
    # dentist's note about Alva (Swedish "tandläkare": dentist).
    assert namesakes("Alva", ["Tandläkare Alva", "Alva: Born 2021-03-02"], "when is alva's birthday") == []


def test_two_cards_that_each_say_my_sister_are_asked_about():
    """A contacts card written "Niamh  my sister in Dublin": the name before "my sister" is
    the sister (and the town after "my sister," is not); "her number" is a phone number."""
    assert analyse("Text my sister for me - what's her number?").want == "phone"
    cards = [hit("Niamh my sister in Dublin. +353 85 555 0142", line=13),
             hit("Clodagh my sister, Salford. 07700 900876.", line=16)]
    reading = Reader(overlap_model()).read("Text my sister for me - what's her number?", cards)
    assert reading.kind == "ambiguous" and reading.options == ["Niamh", "Clodagh"]
    # "Zsofi, my brother's daughter" is his daughter, not a second brother.
    brother = [hit("my brother Gabor lives ten minutes away from Ma.", line=8),
               hit("Zsofi, my brother's daughter, has already asked for the big room.", line=12)]
    assert Reader(overlap_model()).read("What is my brother's phone number?", brother).kind != "ambiguous"


def test_a_lettered_unit_is_not_answered_by_a_line_about_another_one():
    """"Flat A" is not "Flat B": a line that speaks only of Flat B does not answer for Flat A;
    "£675 -> £710" says the rent changed, and the arrow points to the current value."""
    lines = [hit("Flat B, new tenant: rent £625 pcm, due on the 15th", line=20),
             hit("Flat A (Ashdell Grove): rent £675 pcm, due on the 1st", line=5),
             hit("Rent review, July 2026: Flat A: £675 -> £710 from 1 Sept 2026.", line=30)]
    reading = Reader(overlap_model()).read("How much rent does Flat A pay now?", lines)
    assert reading.kind == "answered" and reading.value == "£710"
    flat_b = Reader(overlap_model()).read("How much rent does Flat B pay?", lines)
    assert flat_b.kind == "answered" and "£625" in flat_b.answer


def test_who_does_something_wants_a_name_even_when_a_place_is_named():
    assert analyse("Who lives in Flat B?").want == "name"
    assert analyse("Who is Pixel?").want is None


def test_a_date_of_birth_wants_a_date_and_a_row_without_one_does_not_answer():
    assert analyse("What's Isla's date of birth?").want == "date"
    assert analyse("what's the start date of the kitchen job").want == "date"
    row = hit("no: 1; name: Isla Ferreira; pos: GK; mobile: 0491 570 006; medical: -", line=2)
    assert Reader(overlap_model()).read("What's Isla's date of birth?", [row]).answer == DONT_KNOW
    # The date a fee was paid is no date of birth.
    paid = StatementHit(id="f:3", path="/n/fees.csv", line=3, end_line=3, kind="row", text="player: Isla; amount: 185; date_paid: 19/10/2026",
                        source="Isla,185,19/10/2026", fields={"player": "Isla", "amount": "185", "date_paid": "19/10/2026"})
    assert Reader(overlap_model()).read("What's Isla's date of birth?", [paid]).answer == DONT_KNOW
    born = hit("Isla Ferreira, born 3 May 2016, keeper.", line=5)
    assert "3 May 2016" in Reader(overlap_model()).read("What's Isla's date of birth?", [paid, born]).answer


def test_a_line_that_says_it_changes_the_fact_overtakes_the_old_one_from_further_behind():
    """"training moves to Thursdays" reads less like an answer to "What night is training?"
    than "Training is Tuesdays" does; as a stated change it may be further behind and still win."""
    old = hit("Training is Tuesdays 5:15pm at Fleming Park.", line=3, path="/notes/team.md")
    new = hit("[10/11/26, 6:30 pm] Ursula: From next week training moves to Thursdays 5:30pm.", line=5, path="/notes/chat.txt")
    assert "Thursdays" in Reader(overlap_model(tuesdays=1.0)).read("What night is training?", [old, new]).answer
    # Further behind than that, the model judged it to be about something else.
    assert "Tuesdays" in Reader(overlap_model(tuesdays=2.0)).read("What night is training?", [old, new]).answer


def test_a_title_and_a_surname_is_no_first_name():
    line = hit("Inspector is Mr Adebayo.", line=4)
    assert Reader(overlap_model()).read("What's the hygiene inspector's first name?", [line]).answer == DONT_KNOW
    assert "Adebayo" in Reader(overlap_model()).read("Who is the hygiene inspector?", [line]).answer
    shouted = hit("EHO hygiene re-inspection: cleaning schedule signed EVERY day.", line=6)
    assert Reader(overlap_model()).read("What's the hygiene inspector's first name?", [line, shouted]).answer == DONT_KNOW


def test_a_table_column_names_the_lettered_unit_too():
    from agent.reader import _other_label
    assert _other_label("Flat", "B", "date: 02/04/2026; flat: A; meter: gas; reading: 05876")
    assert not _other_label("Flat", "A", "date: 02/04/2026; flat: A; meter: gas")
    assert not _other_label("Flat", "A", "Gas check booked for the flats")


def test_what_stands_before_the_preposition_is_what_is_asked():
    """"the lot number of the amoA primers": a line about the primers that gives no lot number
    does not answer; a line that speaks of the lot does."""
    arrived = hit("The amoA primers arrived (Paula ordered them).", line=3)
    assert Reader(overlap_model()).read("What's the lot number of the amoA primers?", [arrived]).answer == DONT_KNOW
    lot = hit("amoA primers: lot 2231-B, in the -20 door.", line=7)
    assert "2231-B" in Reader(overlap_model()).read("What's the lot number of the amoA primers?", [arrived, lot]).answer
    fixture = hit("rd: 7; date: Sat 28 Nov; opponent: Northcote City White; venue: Fleming Park", line=9)
    assert Reader(overlap_model()).read("What was the score against Northcote City White?", [fixture]).answer == DONT_KNOW


def test_a_preposition_splits_only_a_thing_asked_not_a_verb_or_a_kind_of_value():
    from agent.reader_relate import split_at_preposition
    assert split_at_preposition("What was decided about dark mode?", ["decided", "dark", "mode"]) == ([], [])
    assert split_at_preposition("What's the lot number of the amoA primers?", ["lot", "number", "amoa", "primers"]) == (
        ["lot", "number"], ["amoa", "primers"])
    # "the number of the charge nurse": a phone number's line need not say "number".
    nurse = hit("Eleni Petrakis - charge nurse, ICU nights - 555-0119", line=4)
    assert "555-0119" in Reader(overlap_model()).read("What's the number of the charge nurse on ICU nights?", [nurse]).answer


def test_lines_that_share_no_word_with_the_question_are_no_versions_of_it():
    """A stated change ("rent changed to £710") is newer than the line it revises, but only among
    lines about the question: for "the roofer's charge" it gets no nudge over other unrelated lines."""
    from agent.reader import combine
    review = hit("Rent review, July 2026: Flat A: rent changed to £710 from 1 Sept 2026.", line=30)
    repaint = hit("Dave's repaint was £120, half from the deposit.", line=12)
    reader = Reader(overlap_model())
    info = analyse("How much did the roofer charge for the gutter?")
    cands = reader.candidates(info, [review, repaint])
    for c in cands:
        c.pmi = 0.0
    combine(cands, info)
    assert all(c.cover == 0 for c in cands) and not any(c.recent for c in cands)


def test_amounts_and_clock_times_as_french_german_and_quebec_writers_put_them():
    from agent.reader_question import typed_values
    assert typed_values("Hydro-Québec: 142 $ par mois", "money") == ["142 $"]
    assert typed_values("Internet: 1 184,37 $ par année", "money") == ["1 184,37 $"]
    assert typed_values("wine + pastries for Yannick 14,30 €.", "money") == ["14,30 €"]
    assert typed_values("heure de sortie: 17 h", "time") == ["17 h"]
    assert typed_values("natation: samedi 9 h 15", "time") == ["9 h 15"]
    assert typed_values("RDV à 16h30", "time") == ["16h30"]
    # Not a clock: a 24-hour race, a 5 hp motor.
    assert typed_values("the 24h race with a 5 hp motor", "time") == []
    line = hit("Hydro-Québec: 142,00 $ monthly payment, equal instalments", line=2)
    assert "142,00 $" in Reader(overlap_model()).read("How much is the monthly Hydro-Québec payment?", [line]).answer


def test_a_contact_card_keyed_by_a_name_is_that_persons_relation_not_the_town_in_its_note():
    cards = [hit("Carys Talbot: note: older sister (Cardiff). Emergency contact.", line=14),
             hit("Bethan Talbot: note: little sister (Swansea)", line=22),
             hit("Carys Talbot: phone (cell): 07700 900582", line=12)]
    reading = Reader(overlap_model()).read("What is my sister's phone number?", cards)
    assert reading.kind == "ambiguous" and reading.options == ["Carys Talbot", "Bethan Talbot"]


def test_a_name_that_only_qualifies_the_thing_asked_may_be_part_of_the_answer():
    """"Who is my KiwiSaver provider?" is answered by "Northstar KiwiSaver Scheme"; "Who is
    Rin's teacher?" is still not answered by a name that is Rin's own."""
    provider = hit("KiwiSaver: Provider: Northstar KiwiSaver Scheme", line=2)
    assert "Northstar KiwiSaver Scheme" in Reader(overlap_model()).read("Who is my KiwiSaver provider?", [provider]).answer
    rin = hit("Rin Tanaka: teacher at the daycare", line=3)
    assert Reader(overlap_model()).read("Who is Rin's teacher?", [rin]).answer == DONT_KNOW


def test_a_name_the_line_says_is_not_meant_is_no_answer():
    """"Covers my stuff at the flat only, not Ruby's" names no insurer."""
    covers = hit("Covers my stuff at the flat only, not Ruby's.", line=15)
    assert Reader(overlap_model()).read("Who insures the contents of the flat?", [covers]).answer == DONT_KNOW
    assert "Ruby" in Reader(overlap_model()).read("Who looks after the cat?", [hit("Ruby looks after the cat.")]).answer


def test_what_a_code_is_is_said_with_the_heading_over_its_line():
    policy = hit("Policy KEA-MV-448120, $48.20 a month, excess $400.", line=11, topic="Car insurance")
    assert compose(policy, None, "What's KEA-MV-448120?").startswith("Car insurance: Policy KEA-MV-448120")


def test_relatives_listed_with_bracketed_asides_are_asked_back():
    """"my nieces Maeve (2017) and Clodagh (2020)": "my niece's birthday" could be either."""
    nieces = hit("Their girls are my nieces Maeve (2017) and Clodagh (2020).", line=4, topic="Ciarán Brennan")
    maeve = hit("Name: Maeve Brennan; Birthday: June 5, 2017; Relationship: Family", line=7, path="/notes/People.csv")
    reading = Reader(overlap_model()).read("When is my niece's birthday?", [maeve, nieces])
    assert reading.kind == "ambiguous" and reading.options == ["Maeve", "Clodagh"]


def test_a_line_that_calls_someone_by_their_nickname_speaks_of_them():
    """Hemi's card says "nick: Hems"; the journal's later "Hems got a new number" is his number now."""
    card = hit("Hemi Parata: mobile: 021 555 0134", line=20, path="/notes/addressbook")
    journal = hit("[2026-07-19 10:00] Hems got a new number, 021 555 0178.", line=22, path="/notes/journal.txt")
    reader = Reader(overlap_model())
    assert "0134" in reader.read("What's Hemi's phone number?", [card, journal]).answer
    now = reader.read("What's Hemi's phone number?", [card, journal], nicknames={"Hemi": ["Hems"]})
    assert "021 555 0178" in now.answer


def test_a_journal_timestamp_is_no_phone_number_and_a_count_of_weeks_no_amount():
    from agent.reader_question import typed_values
    assert typed_values("[2026-07-08 18:44] 1:1 with my manager Tessa.", "phone") == []
    assert typed_values("2026-07-10 * Harbour City PM | rent 2 wks ; new rent from 1 July", "money") == []
    assert typed_values("Name: Rent; Date: September 14, 2026; Tags: home, money", "money") == []
    assert typed_values("paid 45 for the subs", "money") == ["45"]
    # A number that names a thing after its word (the ward, the plan, the garage box) is no amount.
    assert typed_values("Pokhara flat: property tax paid to the city, ward 6 office, every Asoj", "money") == []
    assert typed_values("Bill: PLDT Home Fiber Plan 1699, paid by auto-debit", "money") == []
    assert typed_values("paid 3.900 for garage box 17", "money") == ["3.900"]


def test_money_got_back_is_an_amount_not_a_weight():
    assert analyse("How much did I get back from the 2025 medical expenses claim?").want == "money"
    assert analyse("how much borlotti did I get this year").want == "weight"


def test_a_cancellation_and_a_new_number_state_a_change():
    """They make a line the newer version of the fact it speaks of (agent.reader_versions)."""
    from agent.reader_versions import revises
    assert revises(hit("Cancelled Netflix today, we never watch it."))
    assert revises(hit("[2026-07-19 10:00] Hems got a new number, 021 555 0178."))
    assert revises(hit("Ciarán has a new number: 07700 900486."))
    assert not revises(hit("Netflix Standard, monthly, renews June 8."))
    assert not revises(hit("Bought a new phone case."))
    assert not revises(hit("service: Netflix; price: $18.99; billing: monthly; status: cancelled 2026-10-01"))
    # French written without its accents, as a phone keyboard leaves it: "passe a" (goes up to).
    assert revises(hit("Tahor passe a 20 mg le soir a partir d'aujourd'hui."))
    # Spanish as a diary writes a change, and a new amount named in lower case before a colon.
    for changed in ("la cuota de la casa baja a Gs. 2.870.000 desde octubre.", "la natación de Santino pasa a los jueves a las 18:00.",
                    "Desde el lunes viene Ña Petrona, mismo horario.", "Cambiamos el internet: ahora Claro Hogar fibra 600 Mb.",
                    "la nueva maestra de grado de Santino es la Profe Celeste Ramirez.", "New kesti from October: 54.900 leke per month."):
        assert revises(hit(changed)), changed
    assert not revises(hit("Santino va a natación los martes a las 18:00."))
    assert not revises(hit("La cuota de la casa: Gs. 3.100.000 por mes."))
    assert not revises(hit("new one arrived 2 Oct: 590381155, exp 2031"))  # a new thing, no new value of one
    assert not revises(hit("Tahor 10 mg le soir, controle dans 6 mois."))


def test_a_lithuanian_line_that_states_a_change_revises():
    from agent.reader_versions import revises
    assert revises(hit("Gera žinia: nuo spalio palūkanos dabar 2,1 % vietoj 3,0 %."))
    assert revises(hit("Jonuko krepšinis nuo šiol trečiadieniais, nebe pirmadieniais."))
    assert revises(hit("išsaugojau tavo naują numerį +370 600 00 003"))
    assert revises(hit("Mokestis sumažėjo iki 12,00 €."))
    assert not revises(hit("Krepšinis pirmadieniais 18.00, treneris Jonas."))
    assert not revises(hit("Nebenkosten: 210 € im Monat"))  # German utilities are no "nebe" (no longer)


def test_a_hebrew_line_that_states_a_change_revises():
    from agent.reader_versions import revises
    assert revises(hit("מינואר משלמים 95 ₪ במקום 80."))  # instead of
    assert revises(hit("התור לרופא השיניים נדחה ל-3.4.2027."))  # postponed to
    assert revises(hit("השחייה של נועם עוברת לימי שלישי ב-18:00."))  # moves to
    assert revises(hit("דמי הניהול עולים מ-300 ל-340 ₪ לחודש."))  # from 300 to 340
    assert revises(hit("ומעכשיו סבא אוסף את נועם בימי שני."))  # from now on, "and" glued on
    assert not revises(hit("השחייה של נועם בימי שלישי ב-18:00, 250 ₪."))
    assert not revises(hit("מקום חניה מספר 12."))  # "place", not "instead of"


def test_indonesian_month_names_beside_a_day_are_dates():
    from agent.reader_text import dates, latest_date
    assert dates("Sari: 17 Agustus 1990 (iya)")[0] == "17 Agustus 1990"
    assert dates("Ibu: 12 Desember, Jl. Melati 4") == ["12 Desember"]
    assert latest_date("Lahir: 3 Maret 2021") == (2021, 3, 3)


def test_an_indonesian_line_states_a_change_in_its_own_words():
    from agent.reader_versions import revises
    assert revises(hit("Iuran kebersihan naik jadi Rp 90.000 mulai Januari."))
    assert revises(hit("Les piano pindah ke hari Kamis jam 16.00."))
    assert revises(hit("Pak Budi sekarang pakai nomor baru: 0812-0000-2222."))
    assert not revises(hit("Iuran kebersihan: Rp 75.000 / bulan, bayar ke Pak Budi."))
    assert not revises(hit("Naik kereta ke Bandung, pindah kereta di Manggarai."))


def test_a_contact_group_does_not_say_who_someone_is_but_a_role_key_does():
    from agent.reader_defines import defines
    info = analyse("Who is Raymond Kinsella?")
    group = row({"Name": "Raymond Kinsella", "City": "Dublin", "Relationship": "Services"}, line=14, path="/notes/People.csv")
    assert not defines(info, group)
    assert defines(info, hit("Lease: Landlord: Raymond Kinsella, managed through Harcourt Lettings", line=9))
    assert defines(analyse("Who is Tess?"), row({"name": "Tess", "relation": "Friends"}, line=4, path="/notes/p.csv"))


def test_two_lines_keyed_by_a_thing_not_a_person_are_not_two_people():
    """"Rent: €1,850" on the lease and a journal page called "Rent": no one to ask about."""
    lease = hit("Lease: Rent: €1,850 per month", line=12)
    lease.fields = {"Rent": "€1,850 per month"}
    page = row({"Name": "Rent", "Date": "September 14, 2026", "Tags": "home, money"}, line=5, path="/notes/Journal.csv")
    assert Reader(overlap_model()).read("How much is my rent now?", [lease, page]).kind == "answered"


def test_a_contact_cards_details_do_not_say_who_someone_is():
    from agent.reader_defines import defines
    info = analyse("Who is Graham Tuck?")
    city = hit("Graham Tuck: city: Lower Hutt", line=55, path="/notes/addressbook")
    city.fields = {"city": "Lower Hutt"}
    work = hit("Jo Whitcombe: workphone: 04 555 0193", line=58, path="/notes/addressbook")
    work.fields = {"workphone": "04 555 0193"}
    assert not defines(info, city) and not defines(analyse("Who's Jo Whitcombe?"), work)
    landlord = hit("Flat: Landlord: Graham Tuck; the day-to-day is Harbour City", line=9)
    landlord.fields = {"Landlord": "Graham Tuck; the day-to-day is Harbour City"}
    assert defines(info, landlord)


def test_who_someone_is_is_said_with_the_heading_their_line_is_under():
    gp = hit("Dr Fionnuala Byrne, Stoneybatter Medical Centre, 12 Prussia Street.", line=8, topic="GP")
    assert compose(gp, None, "Who is Fionnuala Byrne?").startswith("GP: Dr Fionnuala Byrne")
    assert compose(gp, None, "Where is the GP?") == "Dr Fionnuala Byrne, Stoneybatter Medical Centre, 12 Prussia Street."
    dentist = hit("Dott.ssa Anna Bruni, via Roma 3, tel. 051 555 0000", line=11, topic="Dentista")
    assert compose(dentist, None, "Who is Anna Bruni?").startswith("Dentista: Dott.ssa Anna Bruni")


def test_a_row_that_does_not_know_the_asked_value_gives_no_other_date_or_amount():
    """"γενέθλια: —" (birthday unknown) beside the name day's date does not answer "When is Dad's
    birthday?"; a phone column with "—" beside a mobile still gives the mobile; "road tax paid
    12/2025" holds a month, not the tax's amount."""
    dad = row({"Ποιος": "Μπαμπάς", "γενέθλια": "—", "γιορτή (name day)": "21/05 (Κωνσταντίνου και Ελένης)"}, line=38)
    assert Reader(overlap_model()).read("When is Dad's birthday?", [dad]).kind == "abstained"
    mum = row({"who": "Mum", "birthday": "21/07", "name day": "—"}, line=37)
    assert "21/07" in Reader(overlap_model()).read("When is Mum's birthday?", [mum]).answer
    lee = row({"name": "Lee Barnes", "phone": "—", "mobile": "07700 900761"}, line=4)
    assert "07700 900761" in Reader(overlap_model()).read("What is Lee Barnes's phone number?", [lee]).answer
    tax = hit("Vehicles (yearly): Τέλη κυκλοφορίας Panda 2026: paid 12/2025", line=78)
    assert Reader(overlap_model()).read("How much is the Panda's road tax?", [tax]).kind == "abstained"


def test_romanian_month_names_streets_and_changes():
    from agent.reader_text import addresses, dates, latest_date
    from agent.reader_versions import revises
    assert dates("Dan: născut 2 mai 1980, Turda")[0] == "2 mai 1980"
    assert latest_date("Vlad, născut 14 noiembrie 2019") == (2019, 11, 14)
    assert addresses("Adresa: Str. Lalelelor nr. 3, bl. A1, ap. 5, Cluj")[0].startswith("Str. Lalelelor nr. 3")
    assert addresses("Dentist: dr. Ene, str. Memorandumului 8, 0264 000 111")
    assert not addresses("Vlad (str. 3 rânduri mai jos)")
    assert revises(hit("Dan are număr nou: 0722 000 999, cel vechi nu mai merge."))
    assert revises(hit("Chiria crește la 2.100 lei de la 1 decembrie."))
    assert revises(hit("S-a mutat programarea la dentist pe 4.12."))
    assert not revises(hit("Chiria: 2.000 lei pe lună, plătită pe 5."))
    assert not revises(hit("Ne mutăm în ianuarie dacă găsim ceva."))


def test_two_accounts_of_one_note_each_with_its_identifier_are_asked_about():
    """"What's my IBAN?" over a note keeping two accounts, each line saying "IBAN" and its own
    number: answering one is a guess, so the reader asks, naming each account."""
    a = hit("Banks: Northmoor: IBAN: XK12 3456 7890 1234 5678", line=3, path="/notes/money.md")
    b = hit("Banks: Pellwick Savings (old one): IBAN: XK98 7654 3210 9876 5432", line=4, path="/notes/money.md")
    reading = Reader(overlap_model()).read("What's my IBAN?", [a, b])
    assert reading.kind == "ambiguous" and "Northmoor" in reading.answer and "Pellwick" in reading.answer
    assert reading.answer.endswith("?")
    # Rows of a table name the account in a column.
    r1 = row({"bank": "Northmoor", "IBAN": "XK12 3456 7890 1234 5678", "use": "salary"}, line=2, path="/notes/banks.csv")
    r2 = row({"bank": "Pellwick", "IBAN": "XK98 7654 3210 9876 5432", "use": "savings"}, line=3, path="/notes/banks.csv")
    reading = Reader(overlap_model()).read("What is my IBAN?", [r1, r2])
    assert reading.kind == "ambiguous" and "Northmoor" in reading.answer and "Pellwick" in reading.answer


def test_one_account_with_an_identifier_is_answered_not_asked_about():
    """Asking back too often is as wrong as guessing: one IBAN line and a line that mentions the
    IBAN without one, or the question naming the bank, give an answer."""
    a = hit("Banks: Northmoor: IBAN: XK12 3456 7890 1234 5678", line=3, path="/notes/money.md")
    b = hit("Banks: Pellwick: IBAN is on the contract", line=4, path="/notes/money.md")
    reading = Reader(overlap_model()).read("What's my IBAN?", [a, b])
    assert reading.kind == "answered" and "XK12 3456" in reading.answer
    c = hit("Banks: Pellwick: IBAN: XK98 7654 3210 9876 5432", line=4, path="/notes/money.md")
    reading = Reader(overlap_model()).read("What's my Pellwick IBAN?", [a, c])
    assert reading.kind == "answered" and "XK98" in reading.answer


def test_two_cars_registration_numbers_are_asked_about_showing_each():
    """"the car's registration number" with two cars in one checklist: the lines leave "car" out
    but say the same words of the question, each with its own plate; a passport line beside tax
    numbers is no such pair (they say different words of the question)."""
    a = hit("Checklist: Corvan reg.nr.: QX 11223", line=3, path="/notes/list.md")
    b = hit("Checklist: Midra reg.nr.: ZT 99887", line=4, path="/notes/list.md")
    # The model leaning a little to one (0.8 nat) does not tell which car is meant.
    reading = Reader(overlap_model(corvan=0.8)).read("What's the car's reg.nr. number?", [a, b])
    assert reading.kind == "ambiguous" and "QX 11223" in reading.answer and "ZT 99887" in reading.answer
    p = hit("Documents: passport: new passport no. KL5566778, issued 2026", line=3, path="/notes/docs.md")
    t = hit("Documents: tax number: 556677889", line=4, path="/notes/docs.md")
    reading = Reader(overlap_model()).read("What is my passport number?", [p, t])
    assert reading.kind == "answered" and "KL5566778" in reading.answer


def test_one_policy_in_two_years_is_not_two_policies_to_ask_about():
    """Rows of one table differing only by their years, each with its own policy number: the
    newer answers, nothing is asked."""
    old = row({"item": "car insurance", "details": "Corvan (2025-26)", "policy number": "QX-55123-A", "notes": "renewed Jun 2025, broker Ada Lind"}, line=3)
    new = row({"item": "car insurance", "details": "Corvan (2026-27)", "policy number": "QX-66234-B", "notes": "renewed Jun 2026, broker Ada Lind"}, line=4)
    reading = Reader(overlap_model()).read("What is the car insurance policy number?", [old, new])
    assert reading.kind == "answered" and "QX-66234-B" in reading.answer


def test_a_row_the_question_names_by_its_label_is_answered():
    """"the car insurance policy number" over a car insurance row and a tenant insurance row of one
    table: the question's words pick the car's; a year range ("2026-27") is no identifier."""
    car = row({"item": "car insurance", "details": "Corvan (2026-27)", "policy number": "QX-66234-B"}, line=3, path="/notes/car-and-insurance.csv")
    flat = row({"item": "tenant insurance", "details": "contents", "policy number": "TN-7730-211"}, line=4, path="/notes/car-and-insurance.csv")
    reading = Reader(overlap_model()).read("What is the car insurance policy number?", [car, flat])
    assert reading.kind == "answered" and "QX-66234-B" in reading.answer



def test_a_date_running_into_its_time_is_no_record_identifier():
    """A mobile-money statement's rows paying one bill account differ in receipt and time; the
    "2026-10-21 18:02:19" of each is a date and a time, not an identifier to ask between."""
    from agent.reader_parallel import _code

    paid = "UJ1TC; Completion Time: 2026-10-21 18:02:19; Details: Pay Bill to 555444 - HARBOUR WATER Acc. 20555014"
    assert _code(paid) == "555444"  # the same pay-bill number in every row: one account, nothing to ask
    assert _code("IBAN: DE44 1203 0000 1058 7741 22") == "44120300001058774122"
    assert _code("due 21.10.2026, ref 88812345") == "88812345"


def test_asking_which_record_names_each_by_the_other_sentences_of_its_line():
    """Two kayaks, each line saying the make in one sentence and the hull number in the next:
    asked for "my kayak's" hull number, the reply names each kayak by its make, not by a word
    that only begins a sentence ("Stored ...")."""
    def sentence(text: str, line: int, n: int) -> StatementHit:
        return StatementHit(id=f"/notes/boats.md:{line}:{n}", path="/notes/boats.md", line=line, end_line=line,
                            text=text, source=text, rank=0)

    lines = [sentence("Red kayak: Perception Pescador 10, bought in 2021.", 3, 0),
             sentence("Red kayak: Hull number PRC-55120-K.", 3, 1),
             sentence("Green kayak: Stored at the club in Marlow.", 5, 0),
             sentence("Green kayak: Dagger Stratos 14.5, second-hand.", 5, 1),
             sentence("Green kayak: Hull number DGR-88142-S.", 5, 2)]
    reading = Reader(overlap_model()).read("What is the hull number of my kayak?", lines)
    assert reading.kind == "ambiguous"
    assert "Perception Pescador" in reading.answer and "Dagger Stratos" in reading.answer
    assert "Stored" not in reading.answer

def test_tagalog_changes_revise():
    from agent.reader_versions import revises
    assert revises(hit("Me: Pinalitan ko na yung yaya ni Bea, si Ate Lorie na simula Lunes."))
    assert revises(hit("Tinaasan ko na sahod ng driver, ₱9,000 na."))
    assert revises(hit("Ginawang 20mg na yung gamot ni Lolo."))
    assert revises(hit("Bago na number ni Tito Ramon: 0917 000 3333"))
    assert revises(hit("Bayad sa tubig ₱700 na simula Marso."))
    assert not revises(hit("Bayad sa tubig: ₱650 kada buwan."))
    assert not revises(hit("Simula pa lang ng kwento."))
    assert not revises(hit("Ate the bagong cake."))


def test_another_things_date_of_a_named_subject_is_no_answer_when_a_line_speaks_of_the_thing():
    """"When does the Clio's insurance expire?": the Clio's MOT date is another thing's, and the
    notes do speak of the Clio's insurance (without a date), so the answer is "I don't know". With
    no line about its insurance the reader does not judge this way; the MOT asked is answered."""
    mot = hit("Renault Clio (Tom's) — reg LK19 XPR: MOT expires 09/2027", line=5)
    cover = hit("Renault Clio (Tom's) — reg LK19 XPR: insured with Admiral, policy 55-20931", line=6)
    reader = Reader(overlap_model())
    assert reader.read("When does the Clio's insurance expire?", [mot, cover]).kind == "abstained"
    assert "09/2027" in reader.read("When does the Clio's MOT expire?", [mot, cover]).answer
    dated = hit("Renault Clio (Tom's) — reg LK19 XPR: insured with Admiral, expires 03/2027", line=6)
    assert "03/2027" in reader.read("When does the Clio's insurance expire?", [mot, dated]).answer


def test_a_deposit_is_not_what_something_costs_in_total():
    """"How much does the cottage cost in total?" is not answered by the deposit paid on it; the
    deposit itself is, and a line that gives the total beside its deposit answers the total."""
    deposit = [hit("Lake District 12-19 Aug: cottage in Coniston, deposit £300 already paid.", line=3)]
    reader = Reader(overlap_model())
    assert reader.read("How much does the Coniston cottage cost in total?", deposit).kind == "abstained"
    assert "£300" in reader.read("How much was the deposit for the Coniston cottage?", deposit).answer
    both = [hit("Lake District 12-19 Aug: cottage in Coniston, £1,150 total, deposit £300 already paid.", line=3)]
    assert reader.read("How much does the Coniston cottage cost in total?", both).kind == "answered"


def test_two_cars_are_named_with_their_model_numbers():
    """Asking which car, each is named as the user tells them apart: "Peugeot 308", not
    "Peugeot"; a year after the make ("Skoda Fabia 2017") is no model number."""
    from agent.reader_parallel import with_model

    assert with_model("Peugeot", "Peugeot 308 (Anna's) — reg AB12 CDE") == "Peugeot 308"
    assert with_model("Skoda Fabia", "Skoda Fabia 2017 blue (mine)") == "Skoda Fabia"
    assert with_model("Netflix", "Netflix 12 € a month") == "Netflix"
    assert with_model("Ana", "Ana 5 May") == "Ana"
    cars = [hit("Peugeot 308 (Anna's) — reg AB12 CDE: MOT due 04/2027", line=7, topic="Cars"),
            hit("Skoda Fabia 2017 blue (mine) — reg XY66 ZZZ: MOT due 11/2026", line=4, topic="Cars")]
    reading = Reader(overlap_model()).read("When is the car's MOT due?", cars)
    assert reading.kind == "ambiguous" and "Peugeot 308" in reading.answer and "Skoda Fabia" in reading.answer


def test_a_hurried_wats_is_whats_and_no_word_of_the_question():
    """"wats my blood group": the typo is no content word, so the line that says the blood group
    covers the whole question and is not outweighed by a line that shares only "group"."""
    assert analyse("wats my blood group").terms == analyse("What's my blood group?").terms
    assert analyse("wut is my wifi password").want == "code"
    lines = [hit("Health: blood group 0 Rh+ (from the 2019 donor card).", line=2),
             hit("Kids: Lily, class 2B, reading group Owls, teacher Mrs Hart.", line=7)]
    reading = Reader(overlap_model(owls=1.0)).read("wats my blood group", lines)
    assert reading.kind == "answered" and "0 Rh+" in reading.answer


def test_a_plate_with_a_hyphen_is_found_whole():
    """"What is ZG 1234-AB?": "AB" is a part of the plate, not a name the line must say apart;
    the line holding the plate whole answers, and another plate's line does not."""
    cars = [hit("auto: Fiat Punto (Marin's); registration: ZG 1234-AB; inspection: until 05/2027", line=3),
            hit("auto: Opel Astra (mine); registration: ZG 5678-CD; inspection: until 09/2026", line=4)]
    reading = Reader(overlap_model()).read("What is ZG 1234-AB?", cars)
    assert reading.kind == "answered" and "Fiat Punto" in reading.answer


def test_another_person_of_one_first_name_never_answers_for_the_full_name_asked():
    """"What's Dave Lister's company called?": Dave Lister's row names none; Dave Moss's row names
    his, and is no answer (the full name asked must be on the line, whichever line is read first)."""
    rows = [hit("name: Dave Lister; what: handyman, works with Kev; phone: 07700 900563", line=3),
            hit("name: Dave Moss; company: Moss Plumbing Ltd, Gas Safe reg 554210; phone: 07700 900215", line=2)]
    assert "Moss" not in Reader(overlap_model()).read("What's Dave Lister's company called?", rows).answer


def test_a_new_password_written_as_such_is_the_newer_version():
    """"NEW pw: ..." in a scribbled line says the wifi password changed: it answers over the older
    wifi line, which the model may score a little higher."""
    lines = [hit("wifi (flat): SSID Attic-5G, pw Lamp!Sofa77", line=3),
             hit("flat wifi: router swapped 02/11, NEW pw: Kettle-Fern-19, bike lock: 5521", line=9)]
    reading = Reader(overlap_model(attic=0.5)).read("whats the wifi pw at the flat", lines)
    assert "Kettle-Fern-19" in reading.answer


def test_the_weight_at_birth_is_no_other_things_value():
    """"How much did Rosa weigh when she was born?" is answered by the line that gives her weight
    ("had the baby ... Rosa, 3,4 kg"), though another line speaks of her birth without a weight."""
    lines = [hit("Marta had the baby on Friday (02/10) at St Mary's — Rosa weighed 3,4 kg, 51 cm.", line=12),
             hit("Rosa's birth certificate: collect from the registry office by 30/10.", line=14)]
    reading = Reader(overlap_model()).read("How much did Rosa weigh when she was born?", lines)
    assert reading.kind == "answered" and "3,4 kg" in reading.answer


def test_a_bank_row_gives_the_amount_sent_not_its_running_balance_nor_a_sent_word_it_lacks():
    """"$ -40.000,00" (a sign after the symbol, as a Mercado Pago export writes it) is the amount
    sent; "balance: $ 335.624,53" beside it is not. "send" asks what the row calls a transfer."""
    from agent.reader_text import money

    assert money("amount: $ -40.000,00; balance: $ 335.624,53") == ["$ -40.000,00", "$ 335.624,53"]
    sent = row({"date": "12-10-2026", "movement": "Transferencia enviada Tomás Ibarra", "amount": "$ -40.000,00",
                "balance": "$ 335.624,53"}, line=5, path="/notes/statement.csv")
    reading = Reader(overlap_model()).read("How much did I transfer to Tomás Ibarra in October?", [sent])
    assert reading.kind == "answered" and reading.value == "$ -40.000,00"
    plain = hit("date: 2026-10-12; description: Transfer to Ilse Brandt; amount: -250.00", path="/notes/bank.csv")
    reading = Reader(overlap_model()).read("How much did I send to Ilse Brandt?", [plain])
    assert reading.kind == "answered" and "250.00" in reading.answer
    # A payee the export writes in capitals with an initial is the one asked about by full name.
    caps = hit("date: 2026-10-05; description: Send Money to ILSE B. (0917 555 0101); amount: 7500.00", path="/notes/wallet.csv")
    assert "7500.00" in Reader(overlap_model()).read("How much did I send to Ilse Brandt?", [caps]).answer


def test_the_place_a_person_goes_to_is_named_after_the_word_for_its_kind():
    """"Darželis „Saulutė“" names the kindergarten Saulutė; "jaslice DV Srednjaci" the nursery
    Srednjaci (DV abbreviates the kind); "auklėtoja Aušra" is a kindergarten teacher, not a place."""
    from agent.reader_question import place_name

    assert place_name("Kas: Ona (dukra); Pastabos: Darželis „Pienė“, grupė „Bitės“", "kindergarten") == "Pienė"
    assert place_name("tko: Mia (kći); napomena: jaslice DV Maslačak, skupina Zvjezdice", "nursery") == "Maslačak"
    assert place_name("Ona nuo rugsėjo pereina į grupę – ten nauja auklėtoja Rasa.", "kindergarten") is None
    assert place_name("Ona: alergija braškėms", "kindergarten") is None


def test_a_line_that_says_who_the_role_is_does_not_stop_their_number():
    """"the phone number of my editor at Kestrel Books": the contact row gives the number and
    another line says who the editor is ("Contact: Ana Ruiz, editor"); that is no other thing's
    number, so the row answers."""
    lines = [hit("name: Ana Ruiz (Kestrel Books); number: 0113 496 0777; note: office", line=4, path="/notes/phones.csv"),
             hit("Clients: Kestrel Books (essays). Contact: Ana Ruiz, editor.", line=5, path="/notes/clients.md")]
    reading = Reader(overlap_model()).read("What's the phone number of my editor at Kestrel Books?", lines)
    assert reading.kind == "answered" and "0113 496 0777" in reading.answer


def test_a_payment_asked_by_month_is_a_row_dated_in_that_month():
    """A bank row's own date column says which month's payment it is: "How much did I pay
    Northwind Power in September?" is the row dated 9 September, not the one dated 11 October;
    asked of November, when no row is dated then or says November, the notes do not say."""
    path = "/notes/bank/statement.csv"
    october = row({"Date": "2026-10-11", "payee": "Northwind Power", "details": "electricity paid by card", "amount": "-36,84 EUR"},
                  line=3, path=path)
    september = row({"Date": "2026-09-09", "payee": "Northwind Power", "details": "electricity paid by card", "amount": "-41,20 EUR"},
                    line=9, path=path)
    reading = Reader(overlap_model()).read("How much did I pay Northwind Power in September?", [october, september])
    assert reading.kind == "answered" and "41,20" in reading.answer
    reading = Reader(overlap_model()).read("How much was the Northwind Power bill in November?", [october, september])
    assert reading.kind == "abstained"
    # a line that says the month answers whatever day it was written
    note = hit("Northwind Power: November bill 52,10 EUR, paid by direct debit.", path="/notes/bills.md")
    reading = Reader(overlap_model()).read("How much was the Northwind Power bill in November?", [october, note])
    assert reading.kind == "answered" and "52,10" in reading.answer


def test_who_someone_is_is_the_line_that_says_what_they_are():
    """"Who is X?" is answered by a line that says what X is, even when the model likes a line that
    only mentions X better: a birthday list, a plan of X's, X's card with only a number."""
    model = overlap_model(birthdays=3.0, saturdays=3.0, number=3.0)
    birthday = hit("Birthdays: Tane: 1988/03/14", path="/notes/Birthdays.tid")
    partner = hit("Tane, my partner, burnt the braai again.", path="/notes/2026-02-14.tid", rank=3)
    assert "partner" in Reader(model).read("Who is Tane?", [birthday, partner]).answer
    plan = hit("w/c 20 Oct: Bryn will do Saturdays and Sundays from November.", line=30, path="/notes/shop-log.md")
    hired = hit("w/c 6 Oct: Hired Bryn as Saturday mechanic, starts 11 Oct.", line=22, path="/notes/shop-log.md", rank=3)
    assert "mechanic" in Reader(model).read("Who is Bryn?", [plan, hired]).answer
    # a role said in the notes' language, glossed: Tagalog "ninang" (godmother), Romanian "educatoare"
    card = hit("Name: Lorna Reyes; Number: 0917 555 0101", path="/notes/contacts.xml")
    chat = hit("2026-10-02: Ben: nag-message si Ninang Lorna ni Pia, may regalo daw.", path="/notes/messages.json", rank=3)
    assert "Ninang" in Reader(model).read("Who is Lorna?", [card, chat]).answer
    # with no line saying what X is, the likeliest line answers as before
    assert "Saturdays" in Reader(model).read("Who is Bryn?", [plan]).answer


def test_two_accounts_keyed_alike_under_their_banks_headings_are_asked_about():
    """"What's my IBAN?" over two drawers of one note, each a bank's heading over an "IBAN:" key
    (the lines' fields have the same key, and that field holds the identifier): the headings tell
    the accounts apart."""
    a = kv_hit("Harrowgate Bank", "IBAN", "QZ28 0011 1000 0000 0098 1234 56", line=14, path="/notes/banks.org")
    b = kv_hit("Velmora Savings", "IBAN", "QZ61 0001 0017 4500 9182 7364 51", line=9, path="/notes/banks.org")
    reading = Reader(overlap_model(harrowgate=0.8)).read("What's my IBAN?", [a, b])
    assert reading.kind == "ambiguous" and "Harrowgate" in reading.answer and "Velmora" in reading.answer
    # One of the two heads the same key over no identifier: answered.
    c = kv_hit("Velmora Savings", "IBAN", "see the contract", line=9, path="/notes/banks.org")
    assert Reader(overlap_model(harrowgate=0.8)).read("What's my IBAN?", [a, c]).kind == "answered"


def test_a_record_label_running_into_its_card_digits_is_cut_at_its_dash():
    """"Banks: Orvel (black card) — ends in 4417 IBAN: ..." beside "Banks: Tamsin Bank (gold) — ends in
    0932 IBAN: ...": the label is the part before the dash (the digits after it are the card's)."""
    a = hit("Banks: Orvel (black card) — ends in 4417 IBAN: QZ71 3220 0100 0002 6205 5512 0417", line=26, path="/notes/docs.md")
    b = hit("Banks: Tamsin Bank (gold) — ends in 0932 IBAN: QZ40 3052 9900 0002 6258 5550 0932", line=29, path="/notes/docs.md")
    reading = Reader(overlap_model()).read("What's my IBAN?", [a, b])
    assert reading.kind == "ambiguous" and "Orvel" in reading.answer and "Tamsin" in reading.answer


def test_a_titled_given_name_shared_by_two_people_is_asked_about():
    """"Dr. Brisa" with Dr. Brisa Tamm and Dr. Brisa Oakes in the notes; "Dr. Vell" with Dr. Anu Vell
    and Dr. Kaspar Vell (a title before a surname): two people, asked which."""
    a = hit("Doctors: GP: Dr. Brisa Tamm, Harbour Clinic. Walk in before 10:00.", line=3, path="/notes/health.md")
    b = hit("Dr. Brisa Oakes at Hillside Dermatology: mole check on 12 Nov 2026.", line=2, path="/notes/2026-11.md")
    reading = Reader(overlap_model()).read("When is my appointment with Dr. Brisa?", [a, b])
    assert reading.kind == "ambiguous" and "Tamm" in reading.answer and "Oakes" in reading.answer
    c = hit("Booked Ilse to Dr. Kaspar Vell: 10.12.2026 at 14.00.", line=7, path="/notes/a.md")
    d = hit("Work booked the check-up: Dr. Anu Vell 3.12.2026 at 9.20.", line=7, path="/notes/b.md")
    reading = Reader(overlap_model()).read("When is the appointment with Dr. Vell?", [c, d])
    assert reading.kind == "ambiguous" and "Kaspar" in reading.answer and "Anu" in reading.answer
    # One Dr. Vell only: no question back.
    e = hit("Work booked the check-up: Dr. Kaspar Vell 3.12.2026 at 9.20.", line=7, path="/notes/b.md")
    reading = Reader(overlap_model()).read("When is the appointment with Dr. Vell?", [c, e])
    assert reading.kind != "ambiguous"


def test_an_older_version_of_a_record_does_not_hide_the_name_that_tells_it_from_its_sibling():
    """Last year's car insurance line beside this year's holds the same insurer: that name still
    tells the car insurance from the tenant insurance, so the question back shows it."""
    statements = [
        hit("Car insurance: provider: Northgate Mutual; renews: 30/06/2027", line=4, rank=0),
        hit("Tenant insurance: provider: Lakeside Cover; renews: 15/02/2027", line=5, rank=1),
        hit("Car insurance: provider: Northgate Mutual; renews: 30/06/2026", line=3, rank=2),
    ]
    reading = Reader(overlap_model()).read("When does my insurance renew?", statements)
    assert reading.kind == "ambiguous"
    assert "Northgate Mutual" in reading.answer and "Lakeside Cover" in reading.answer


def test_two_records_of_one_note_keyed_alike_are_asked_about_whatever_the_value():
    """"Where's the fuse box?" over a note with two houses, each with a "fuse box:" key (a place is
    no typed value and no identifier): answering one is a guess, so the reader asks, naming each."""
    a = hit("house one: fuse box: under the stairs, behind the hoover", line=20, path="/notes/houses.toml")
    b = hit("house two: fuse box: in the garage, left of the door", line=36, path="/notes/houses.toml")
    reading = Reader(overlap_model()).read("Where's the fuse box?", [a, b])
    assert reading.kind == "ambiguous" and "house one" in reading.answer and "house two" in reading.answer
    assert reading.answer.endswith("?")
    # The question says which: answered.
    reading = Reader(overlap_model()).read("Where's the fuse box in house two?", [a, b])
    assert reading.kind == "answered" and "garage" in reading.answer
    # Two years of one record are versions, not two records.
    y1 = hit("2025: fuse box: under the stairs", line=3, path="/notes/log.md")
    y2 = hit("2026: fuse box: in the garage", line=4, path="/notes/log.md")
    assert Reader(overlap_model()).read("Where's the fuse box?", [y1, y2]).kind == "answered"


def test_two_records_saying_the_same_words_around_their_values_are_asked_about():
    """"When does the road tax expire?" over two cars' lines that say the same after the car
    ("Road tax expires <date>"): the date is each car's own, so the reader asks which car."""
    a = hit("Corvan Estate (mine), AB 123-45: Road tax expires 2027/02/28", line=8, path="/notes/cars.tid")
    b = hit("Midra Pickup (Jo's), CD 987-65: Road tax expires 2026/08/31", line=14, path="/notes/cars.tid")
    reading = Reader(overlap_model(midra=0.3)).read("When does the road tax expire?", [a, b])
    assert reading.kind == "ambiguous" and "Corvan" in reading.answer and "Midra" in reading.answer
    reading = Reader(overlap_model()).read("When does the road tax on the Midra expire?", [a, b])
    assert reading.kind == "answered" and "2026/08/31" in reading.answer


def test_two_records_introducing_their_values_by_the_asked_word_are_asked_about():
    """"What's the van's plate?" over a note with a heading per vehicle, each line describing the
    vehicle in its own words and giving its plate after the word "plate" ("kelvo transit 2018 blue,
    plate KX 4 / 20771"): neither line says "van", the plates are each vehicle's own, so the reader
    asks which. The question that names one record, or says "my" beside a record kept as mine, is
    answered."""
    a = hit("kelvo (mine): kelvo transit 2018 blue, plate KX 4 / 20771", line=4, path="/notes/vehicles.md")
    b = hit("ruma (tomo's): ruma cargo 2022 grey, plate KX 9 / 55102", line=12, path="/notes/vehicles.md")
    reading = Reader(overlap_model(ruma=0.3)).read("What's the van's plate number?", [a, b])
    assert reading.kind == "ambiguous" and "kelvo" in reading.answer and "ruma" in reading.answer
    reading = Reader(overlap_model()).read("What's the ruma's plate number?", [a, b])
    assert reading.kind == "answered" and "55102" in reading.answer
    reading = Reader(overlap_model()).read("What's my van's plate number?", [a, b])
    assert reading.kind == "answered" and "20771" in reading.answer
    # Lines giving values after different words ("bought ..." / "plate ...") are not alike.
    c = hit("ruma (tomo's): ruma cargo 2022 grey, bought KX 9 / 55102", line=12, path="/notes/vehicles.md")
    assert Reader(overlap_model(ruma=0.3)).read("What's the van's plate number?", [a, c]).kind == "answered"
    # Two notes, one per vehicle, each heading its lines by the vehicle.
    car = hit("Car - Corvan Estate: plate QLR 4410 B", line=7, path="/notes/car/corvan.md")
    bike = hit("Scooter (Tomo): Midra 125, white, 2021, plate FTK 5521 C", line=6, path="/notes/car/scooter.md")
    reading = Reader(overlap_model(midra=0.3)).read("What's the plate number?", [car, bike])
    assert reading.kind == "ambiguous" and "Corvan" in reading.answer and "Midra" in reading.answer
    # One heading over two networks: each is named by what its line says before "password".
    home = hit("## Wi-Fi: SSID kestrel-home — password: blue-otter-19 (laptops)", line=5, path="/notes/network.md")
    iot = hit("## Wi-Fi: SSID kestrel-things — password: red-lamp-27 (plugs, the printer)", line=6, path="/notes/network.md")
    reading = Reader(overlap_model(things=0.3)).read("What's the wifi password?", [home, iot])
    assert reading.kind == "ambiguous" and "kestrel-home" in reading.answer and "kestrel-things" in reading.answer
    # Under one account's heading, "account number ..." and "routing number ...": the question
    # asks for the account number, one of the two lines, not two records.
    acct = hit("Joint current account (bank): account number: 40317/22", line=8, path="/notes/bank.md")
    routing = hit("Joint current account (bank): routing number: 011-4402", line=9, path="/notes/bank.md")
    reading = Reader(overlap_model()).read("What's our account number?", [acct, routing])
    assert reading.kind == "answered" and "40317/22" in reading.answer
    # A key that tells the records apart ("Alarm code (shop)") is shown with the value.
    shop = hit("Codes: Alarm code (shop): 4471, panic button by the till", line=3, path="/notes/codes.md")
    gran = hit("Nana's house: Alarm code: 9035 (armed response: sticker on the gate)", line=9, path="/notes/family.md")
    reading = Reader(overlap_model(nana=0.3)).read("What is the alarm code?", [shop, gran])
    assert reading.kind == "ambiguous" and "(shop)" in reading.answer and "Nana" in reading.answer


def test_one_line_giving_two_relatives_each_their_value_is_asked_about():
    """"When is my nephew's birthday?" over "My nephews: Pavlo, born 02/09/2017, and Ivo, born
    30/05/2021": the line gives each nephew his date, so the reader asks which, not the line whole.
    A line giving one thing two dates of different kinds ("issued ..., expires ...") is answered."""
    line = hit("My nephews: Pavlo, born 02/09/2017, and Ivo, born 30/05/2021.", line=39, path="/notes/family.md")
    reading = Reader(overlap_model()).read("When is my nephew's birthday?", [line])
    assert reading.kind == "ambiguous" and "Pavlo" in reading.answer and "Ivo" in reading.answer
    assert "02/09/2017" in reading.answer and reading.answer.endswith("?")
    passport = hit("My passport: issued 10/03/2021, expires 09/03/2031.", line=4, path="/notes/docs.md")
    assert Reader(overlap_model()).read("When does my passport expire?", [passport]).kind == "answered"
    cousins = hit("My cousin Dara sent photos on 02/09/2026 and again on 30/09/2026.", line=5, path="/notes/family.md")
    assert Reader(overlap_model()).read("When did my cousin send photos?", [cousins]).kind != "ambiguous"


def test_a_phone_list_heading_over_a_name_does_not_say_who_they_are():
    """"Phone numbers: Noor Haddad: mobile: ..." keys the name by a list's heading, not by a role:
    "Who is Noor?" is the line that says she is the brother's wife, though it names her second."""
    card = hit("2.3 Phone numbers: Noor Haddad: mobile: 06-55501499; city: Utrecht.", path="/notes/family.md")
    moved = hit("Changelog: 15-08-2026: Sander & Noor (his wife) moved to Delft.", path="/notes/family.md", rank=2)
    reading = Reader(overlap_model(mobile=3.0)).read("Who is Noor?", [card, moved])
    assert "his wife" in reading.answer


def test_a_card_with_only_a_surname_number_and_city_does_not_say_who_someone_is():
    """"Noor Haddad: mobile: ...; city: Utrecht" gives how to reach Noor (the question leaves her
    surname out): "Who is Noor?" is the line about her, even one that does not say a role."""
    from agent.reader_defines import _contact_only

    card = hit("Noor Haddad: mobile: 06-55501499; city: Utrecht", path="/notes/family.md")
    assert _contact_only(analyse("Who is Noor?"), card)
    assert not _contact_only(analyse("Who is Noor?"), hit("Noor Haddad: sister-in-law; city: Utrecht"))
    moved = hit("Changelog: 15-08-2026: Sander & Noor moved to Delft.", path="/notes/family.md", rank=2)
    reading = Reader(overlap_model(mobile=3.0)).read("Who is Noor?", [card, moved])
    assert "moved to Delft" in reading.answer


def test_a_value_labelled_with_the_opposite_event_does_not_answer():
    """"Driving licence: Issued: June 12, 2023" speaks of the licence, but its date is when it was
    issued, not when it expires; "Last service:" is not when the next one is due. The label that
    names what is asked still answers, and so does a label of the asked kind ("Date:")."""
    issued = hit("Driving licence: Issued: June 12, 2023", fields={"Issued": "June 12, 2023"}, topic="Driving licence", path="/notes/docs/licence.md")
    assert Reader(overlap_model()).read("When does my driving licence expire?", [issued]).kind == "abstained"
    assert "June 12, 2023" in Reader(overlap_model()).read("When was my driving licence issued?", [issued]).answer
    last = hit("Boiler: Last service: 14 November 2025", fields={"Last service": "14 November 2025"}, topic="Boiler", path="/notes/house.md")
    assert Reader(overlap_model()).read("When is the boiler's next service?", [last]).kind == "abstained"
    expires = hit("Passport: Expires: 3 February 2029", fields={"Expires": "3 February 2029"}, topic="Passport", path="/notes/docs/passport.md")
    reading = Reader(overlap_model()).read("When does my passport expire?", [expires])
    assert reading.kind == "answered" and "3 February 2029" in reading.answer
    both = hit("ID card: issued 2021, valid until: 19-11-2029", fields={"ID card": "issued 2021, valid until: 19-11-2029"}, topic="Documents")
    assert "19-11-2029" in Reader(overlap_model()).read("When does my ID card expire?", [both]).answer
    dated = hit("Boiler: Date: 2024-03-14; work: installed by Heatwise", fields={"Date": "2024-03-14", "work": "installed by Heatwise"},
                  topic="Boiler", path="/notes/house.md")
    assert "2024-03-14" in Reader(overlap_model()).read("When was the boiler installed?", [dated]).answer

def test_which_school_takes_a_name_that_carries_a_word_for_a_school():
    """"Which school did Toby start Year 3 at?": "Westbrook Primary" is a school by its name, though
    the line never says "school"; "Westbrook Park" is no school, and the reader still abstains."""
    first_day = hit("Lovely photo of Toby's first day in Year 3 at Westbrook Primary, he looks so grown up.",
                    topic="Gran - Sun, 6 Sep 2026")
    reading = Reader(overlap_model()).read("Which school did Toby start Year 3 at?", [first_day])
    assert reading.kind == "answered" and "Westbrook Primary" in reading.answer
    study = hit("Law at Kingsway Institute, Leeds (2008-2011), where I mostly learned to argue.", topic="About")
    reading = Reader(overlap_model()).read("Which college did I study law at?", [study])
    assert reading.kind == "answered" and "Kingsway Institute" in reading.answer
    park = hit("Toby's first day in Year 3 went well, then we went to Westbrook Park.", topic="Gran - Sun, 6 Sep 2026")
    assert Reader(overlap_model()).read("Which school did Toby start Year 3 at?", [park]).kind == "abstained"
    # A kindergarten is a school, but not the primary school asked for.
    nursery = hit("Ivy: K2 this year at Sunflower Kindergarten, Elm Road.", topic="Kids")
    assert Reader(overlap_model()).read("Which primary school did Ivy get into?", [nursery]).kind == "abstained"
    assert "Sunflower Kindergarten" in Reader(overlap_model()).read("Which school does Ivy go to?", [nursery]).answer


def test_a_hop_skips_a_capitalised_common_word_of_the_notes_language():
    """German and Czech write a role noun with a capital: "Chefin: Petra Hahn" names Petra Hahn
    as the boss, "Babysitterin Lena Vogt" Lena Vogt; the role word itself is no one's name."""
    from agent.reader_question import entity
    assert entity("Babysitterin Lena Vogt, 0152 5550199, Mo und Do", "Who is the babysitter?", "Kontakte", None, "babysitter") == "Lena Vogt"
    assert entity("Chefin: Petra Hahn (seit März)", "Who is my boss?", "Arbeit", None, "boss") == "Petra Hahn"
    # ... or with the name in brackets after it: "Freitag: Babysitterin (Mia) bis 19 Uhr".
    assert entity("Abholen: Freitag: Babysitterin (Mia) bis 19 Uhr", "Who is the babysitter?", "Familie", None, "babysitter") == "Mia"
    # A name the line says is of that kind, though another name stands nearer the asked words.
    assert entity("First 1:1 with Parisa Karimi, my new manager since Erik N moved to the battery team.",
                  "Who is my new manager?", "", None, "manager") == "Parisa Karimi"
    assert entity("Bratr Pavel přijede v sobotu", "Who is my brother?", "", None, "brother") == "Pavel"
    # A place keeps its name whole: "Kelso Garage" is the garage.
    assert entity("Kelso Garage: booked for the MOT", "Which garage has the van?", "", None, "garage") == "Kelso Garage"
    # A role word that is how the notes call the person, with no name keyed after it, stays.
    assert entity("Mama will im Frühjahr mit ihrer Freundin nach Usedom. Mamas neue Nummer: 0171 5558804",
                  "Who is my mother?", "", None, "mother") == "Mama"

def test_namesakes_are_asked_back_by_the_three_part_names_the_notes_write():
    """Two doctors the notes call "Dr Ng Wei Ling" and "Dr Ng Bao Zhen", and two colleagues
    "Yusuf Al Hashimi" and "Yusuf Haddad": asking back shows each whole name (the user wrote
    three parts), not two of its three words; a name the notes also write without a third word
    stays as written."""
    lines = [hit("date: 2027-01; who: Dr Ng (GP); what: blood test"),
             hit("bring Dad to Dr Ng Wei Ling Tue 3 Feb 9am", line=2),
             hit("Dentist: Dr Ng Bao Zhen, Bright Smile Dental, 6100 2233", line=3),
             hit("Dr Ng Wei Ling, same clinic as Dad", line=4)]
    reading = Reader(overlap_model()).read("When am I seeing Dr Ng?", lines)
    assert reading.kind == "ambiguous"
    assert "Ng Wei Ling" in reading.answer and "Ng Bao Zhen" in reading.answer
    yusufs = [hit("Yusuf Al Hashimi - payroll at work, +971 50 000 1111"),
              hit("Yusuf Haddad - plumber, +971 55 000 2222", line=2),
              hit("Yusuf Haddad came round about the leak", line=3)]
    reading = Reader(overlap_model()).read("What's Yusuf's number?", yusufs)
    assert reading.kind == "ambiguous"
    assert "Yusuf Al Hashimi" in reading.answer and "Yusuf Haddad" in reading.answer and "Haddad Came" not in reading.answer


def test_my_own_id_card_line_under_me_beside_my_partners():
    """A documents note with a section per person ("Me", "Tomas"): "What's my IRD number?" is the
    line under "Me". The acronym asked is the thing, not whose it is, and "what's my ..." is not
    "who is ...?"."""
    lines = [hit("Me: IRD: 123-456-789"), hit("Tomas: IRD: 987-654-321", line=2),
             hit("Me: Driver licence: DL4471 (same photo as the IRD card)", line=3)]
    reading = Reader(overlap_model()).read("What's my IRD number?", lines)
    assert reading.kind == "answered" and "123-456-789" in reading.answer
    tomas = Reader(overlap_model()).read("What's Tomas's IRD number?", lines)
    assert tomas.kind == "answered" and "987-654-321" in tomas.answer


def test_a_secret_kept_on_a_card_elsewhere_is_not_the_code_beside_it():
    """"Wifi: SSID: moana-2G, pw on the fridge card" names the network; the password is not in
    the notes, so the reader does not answer with the network's name. A line that gives the
    password still answers."""
    lines = [hit("Wifi: SSID: moana-2G, pw on the fridge card"), hit("Router: model RX-3300 in the hall cupboard", line=2)]
    reading = Reader(overlap_model()).read("What's the wifi password?", lines)
    assert reading.kind == "abstained"
    given = lines + [hit("Wifi: password: kiwi-7741-fern", line=3)]
    reading = Reader(overlap_model()).read("What's the wifi password?", given)
    assert reading.kind == "answered" and "kiwi-7741-fern" in reading.answer


def test_my_own_id_under_a_me_heading_beside_my_partners_section():
    """The same documents note with Markdown headings ("## Me", "## Tomas") whose lines carry the
    heading as their topic: "my" is the section headed "Me", without asking "Me or Tomas?"."""
    lines = [hit("Me: IRD: 123-456-789", topic="Me"), hit("Tomas: IRD: 987-654-321", line=2, topic="Tomas"),
             hit("Me: Driver licence: DL4471 (same photo as the IRD card)", line=3, topic="Me")]
    reading = Reader(overlap_model()).read("What's my IRD number?", lines)
    assert reading.kind == "answered" and "123-456-789" in reading.answer
    tomas = Reader(overlap_model()).read("What's Tomas's IRD number?", lines)
    assert tomas.kind == "answered" and "987-654-321" in tomas.answer
    # As the index keeps them: the note's title as the topic, the section before the line's own field.
    def bullet(text: str, line: int, field: str) -> StatementHit:
        return hit(text, line=line, topic="Papers").model_copy(update={"fields": {field: text.rsplit(": ", 1)[1]}})
    indexed = [bullet("Me: IRD: 123-456-789", 1, "IRD"), bullet("Tomas: IRD: 987-654-321", 2, "IRD"),
               bullet("Me: Driver licence: DL4471 (same photo as the IRD card)", 3, "Driver licence")]
    reading = Reader(overlap_model()).read("What's my IRD number?", indexed)
    assert reading.kind == "answered" and "123-456-789" in reading.answer


def test_an_email_address_that_names_someone_else_is_not_the_asked_persons():
    # Farah's card mentions Ingrid (same corridor), and boosted it would win the scoring; her
    # address names Farah, so it is no answer to Ingrid's e-mail. "i.halvorsen" is Ingrid's by
    # her initial and the surname her line writes.
    statements = [
        hit("Farah Qureshi (postdoc). farah.qureshi@vennholm.ac.uk, office C4.11 (same corridor as Ingrid).", line=3, rank=0),
        hit("Main supervisor: Prof. Ingrid Halvorsen. i.halvorsen@vennholm.ac.uk, room C4.02.", line=8, rank=1),
    ]
    reading = Reader(overlap_model(corridor=6.0)).read("What is Ingrid's email address?", statements)
    assert "i.halvorsen@vennholm.ac.uk" in reading.answer and "farah" not in reading.answer.lower()
    only_farah = Reader(overlap_model()).read("What is Ingrid's email address?", statements[:1])
    assert "farah" not in only_farah.answer.lower()
    # Her card's name says whose it is when the line does not.
    card = hit("Office C4.11 (same corridor as Ingrid). farah.qureshi@vennholm.ac.uk", line=5,
               path="/notes/zk/202604021400 People - Farah Qureshi.md", topic="People - Farah Qureshi")
    assert "farah" not in Reader(overlap_model()).read("What is Ingrid's email address?", [card]).answer.lower()


def test_a_contact_line_led_by_someone_else_is_theirs_not_the_relations():
    # Pat's line says she is Dev's mum; Dev's own number is on his line.
    statements = [
        hit("Pat Holloway (Gran) - Dev's mum, does school pickup Tue/Thu - 555-0156", line=2, rank=0),
        hit("Dev Holloway - husband - 555-0102", line=1, rank=1),
    ]
    reading = Reader(overlap_model(pickup=6.0)).read("What's Dev's phone number?", statements)
    assert "555-0102" in reading.answer and "555-0156" not in reading.answer
    # ... but her line answers for Dev's mum.
    mum = Reader(overlap_model()).read("What's Dev's mum's phone number?", statements)
    assert "555-0156" in mum.answer
    # A label that leads a line is no person: the line is still about Isla.
    xray = [hit("Goals: Isla's mum took her to get it x-rayed: sprain, 2 weeks off.", line=12)]
    assert "sprain" in Reader(overlap_model()).read("What did the x-ray say about Isla's wrist?", xray).answer


def test_a_contacts_row_of_a_relation_is_not_my_own_address():
    fields = {"name": 'Walter "Walt" Brennan', "who": "Dad", "phone": "(503) 555-0126", "notes": "home: 4630 NE Tillamook St, Portland 97213"}
    row = hit("name: Walter Brennan; who: Dad; phone: (503) 555-0126; notes: home: 4630 NE Tillamook St, Portland 97213",
              line=6, rank=0, path="/notes/contacts.md", fields=fields)
    ours = hit("Address: 2218 SE Larkin Street, Portland, OR 97202", line=3, rank=1, path="/notes/household.md")
    reading = Reader(overlap_model(home=6.0)).read("What is our home address?", [row, ours])
    assert "Larkin" in reading.answer and "Tillamook" not in reading.answer
    dads = Reader(overlap_model()).read("What is my dad's home address?", [row, ours])
    assert "Tillamook" in dads.answer


def test_a_deed_done_to_another_thing_does_not_say_when_the_asked_thing_was():
    statements = [
        hit("1 Jun.: Tomatoes planted out in the big bed, 8 plants.", line=15, rank=0),
        hit("Maureen's fish pie: 1 kg floury potatoes for the mash", line=3, rank=1, path="/notes/recipes.md"),
    ]
    reading = Reader(overlap_model()).read("When did I plant the potatoes?", statements)
    assert reading.kind == "abstained"
    # The tomatoes' own question is answered by that line.
    tomatoes = Reader(overlap_model()).read("When did I plant the tomatoes?", statements)
    assert "1 Jun" in tomatoes.answer


def test_an_email_asked_of_someones_relation_is_the_relations():
    # "Léa's teacher's email" is Geneviève's address, which does not name Léa.
    teacher = hit("Name: Geneviève Rioux; Notes: enseignante de Léa; Email: g.rioux@example.qc.ca", line=4)
    reading = Reader(overlap_model()).read("What is the email address of Léa's teacher?", [teacher])
    assert "g.rioux@example.qc.ca" in reading.answer
    # A name written with accents is the address's unaccented name.
    # An organisation's address names it in the domain, whoever reads it.
    studio = hit("Electric Garden (studio): engineer Rosa, rosa@electricgarden.com", line=6)
    assert "rosa@electricgarden.com" in Reader(overlap_model()).read("What's the email of Electric Garden?", [studio]).answer
    grainne = hit("Gráinne Brennan (sister-in-law): grainne.brennan@example.co.uk", line=2)
    assert "grainne.brennan@" in Reader(overlap_model()).read("What's Gráinne's email?", [grainne]).answer


def test_one_name_typed_with_and_without_its_letters_is_one_person():
    statements = [
        hit("Çağan Yılmaz: birthday 12.3.1988", line=1, path="/notes/pages/Çağan Yılmaz.md"),
        hit("Lunch with Çağan Yilmaz and the twins on Sunday.", line=4, path="/notes/journals/2026_10_04.md"),
        hit("Cagan Yilmaz lent us the trailer.", line=2, path="/notes/journals/2026_10_11.md"),
    ]
    reading = Reader(overlap_model()).read("When is Çağan's birthday?", statements)
    assert reading.kind == "answered" and "12.3.1988" in reading.answer
    # Two surnames are still two people.
    other = hit("Çağan Demir: birthday 2.5.1990", line=1, path="/notes/pages/Çağan Demir.md")
    assert Reader(overlap_model()).read("When is Çağan's birthday?", [*statements, other]).kind == "ambiguous"


def test_the_one_the_notes_call_my_mother_is_not_asked_back_against_another_mother():
    # Raili's card says "my mother"; Ayşe is only written beside the word on the partner's page.
    statements = [
        hit("Raili Leppänen: relation: my mother, Ilona's mummo", line=3, path="/notes/pages/Raili Leppänen.md"),
        hit("Family: mother Ayşe Yıldız", line=6, path="/notes/pages/Emre Yildiz.md"),
    ]
    reading = Reader(overlap_model()).read("What's my mother's email address?", statements)
    assert reading.kind != "ambiguous"
    # Two the notes both call "my ..." are still asked about.
    two = [hit("Tomás Ruiz: relation: my brother", line=2), hit("Nico Ruiz: relation: my brother", line=3)]
    assert Reader(overlap_model()).read("What's my brother's email address?", two).kind == "ambiguous"


def test_someones_blood_type_is_not_a_pages_type():
    # "type:: person" on Emre's page is what the page is, not his blood type.
    page = [hit("Emre Yildiz: type: person", line=2, path="/notes/pages/Emre Yildiz.md")]
    assert Reader(overlap_model()).read("What's Emre's blood type?", page).kind == "abstained"


def test_a_sentence_opening_on_the_speaks_of_its_paragraphs_people():
    """"The wedding" is the one the sentence before it in the paragraph spoke of; a sentence of
    another paragraph says nothing of whose it is."""
    from agent.reader_statements import search_statements

    engaged = StatementHit(id="j:1", path="/n/j.md", line=7, end_line=7, text="Ana and Mateo are engaged!",
                           source="Ana and Mateo are engaged!", topic="September", kind="sentence")
    wedding = StatementHit(id="j:2", path="/n/j.md", line=7, end_line=7, text="The wedding will be in Lima on 9 January 2027.",
                           source="The wedding will be in Lima on 9 January 2027.", topic="September", kind="sentence")

    class Notes:
        def __init__(self, before):
            self.before = before

        def search_statements(self, query, k=12):
            return [wedding.model_copy()]

        def statements_before(self, statement_id, n=3):
            return self.before

    hit = search_statements(Notes([engaged]), "When is Ana's wedding?")[0]
    assert hit.context == "Ana and Mateo are engaged!"
    reading = Reader(overlap_model()).read("When is Ana's wedding?", [hit])
    assert reading.kind == "answered" and "9 January 2027" in reading.answer
    apart = engaged.model_copy(update={"line": 5, "end_line": 5})  # a paragraph above: not this one's
    hit = search_statements(Notes([apart]), "When is Ana's wedding?")[0]
    assert hit.context == ""
    assert Reader(overlap_model()).read("When is Ana's wedding?", [hit]).kind == "abstained"


def test_a_line_that_says_the_value_is_not_known_gets_i_dont_know():
    """"whose name I keep forgetting", "which has not come yet", "to be announced": the notes
    speak of the thing and say they do not know it; a line that gives the value still answers."""
    reader = Reader(overlap_model())
    girlfriend = hit("He moved to Porto with his girlfriend, whose name I keep forgetting.", line=3)
    reading = reader.read("What's Rui's girlfriend called?", [girlfriend.model_copy(update={"context": "Rui called."})])
    assert reading.kind == "abstained" and "don't know" in reading.answer
    card = hit("They will post a card with my blood group on it, which has not come yet.", line=4)
    reading = reader.read("What's my blood group?", [card])
    # The line is its source; the refusal does not repeat its numbers.
    assert reading.kind == "abstained" and "don't know" in reading.answer and reading.statement.line == 4
    known = hit("My blood group is on the card: O negative.", line=5)
    assert reader.read("What's my blood group?", [known]).kind == "answered"
    label = hit("Bass: serial: can't read the label, 1960s plywood.", line=6)
    assert reader.read("What's the serial number of the bass?", [label]).kind == "abstained"


def test_who_has_a_phone_number_asks_for_the_person_not_the_number():
    info = analyse("Who has the phone number 600 118 425?")
    assert info.want == "name"
    assert analyse("Who has Teresa's phone number?").want == "phone"
    statements = [hit("Landlady:: Pani Teresa Nowak, phone:: 600 118 425.", line=3),
                  hit("Mechanic: Warsztat u Mirka, phone:: 58 320 14 77.", line=4, rank=1)]
    reading = Reader(overlap_model()).read("Who has the phone number 600 118 425?", statements)
    assert reading.kind == "answered" and "Teresa Nowak" in reading.answer and reading.statement.line == 3


def test_whose_number_is_answered_with_the_page_that_holds_it():
    """A person's page holds "Landline phone:: 55 232 41 18" without the name: the page's title
    (its heading) says whose it is."""
    statements = [hit("Landline phone:: 55 232 41 18.", line=7, topic="Babcia Halina", path="/notes/people/Babcia Halina.md")]
    reading = Reader(overlap_model()).read("Whose landline is 55 232 41 18?", statements)
    assert reading.kind == "answered" and reading.answer.startswith("Babcia Halina:")
    assert compose(statements[0], None, "What is the landline?") == "Landline phone:: 55 232 41 18."


def test_someone_elses_doctor_is_not_ours_and_a_persons_page_names_the_role_it_holds():
    """"Mama's doctor" is hers, not "our family doctor"; "My GP ..." on the page of Dr Anna
    Kowalczyk names her by the page."""
    mama = hit("Mama's doctor in Enugu, at Parklane hospital. phone:: +234 802 310 6645.", line=7,
               topic="Dr Tunde Adeyemi", path="/notes/people/Dr Adeyemi.md")
    ours = hit("My GP (family doctor) at the clinic in Wrzeszcz.", line=7, rank=1,
               topic="Dr Anna Kowalczyk", path="/notes/people/Dr Kowalczyk.md")
    reading = Reader(overlap_model()).read("Who is our family doctor?", [mama, ours])
    assert reading.kind == "answered" and reading.statement.line == 7 and reading.statement.path.endswith("Dr Kowalczyk.md")
    assert reading.answer.startswith("Dr Anna Kowalczyk: ")
    # A heading that is no page's name is not put before the line.
    plain = ours.model_copy(update={"topic": "Health Notes", "path": "/notes/health.md"})
    assert not Reader(overlap_model()).read("Who is our family doctor?", [plain]).answer.startswith("Health Notes")


def test_two_doctors_each_written_with_their_title_are_two_to_ask_about():
    """"the doctor's phone number" over "Family doctor: Dr. ..." and "Heart doctor: Dr. ...": the
    shared "Dr." is a title, not one person's name written twice; the key that says which doctor
    ("Heart doctor") is no one."""
    family = hit("Health: Family doctor: Dr. Ines Walcott, Elm Street Clinic, (555) 010-0152", line=6)
    heart = hit("Health: Heart doctor: Dr. Bram Okafor, City General cardiology, (555) 010-0168", line=7, rank=1)
    reading = Reader(overlap_model()).read("What's the doctor's phone number?", [family, heart])
    assert reading.kind == "ambiguous" and "Walcott" in reading.answer and "Okafor" in reading.answer
    # ... each named by the key as the kind of doctor they are, not as a person of their own.
    assert reading.options == ["Dr. Ines Walcott (Family doctor)", "Dr. Bram Okafor (Heart doctor)"]
    # One doctor written twice is no question to ask back.
    again = hit("Saw Dr. Ines Walcott about my knee, (555) 010-0152 for the results.", line=9, rank=1)
    assert Reader(overlap_model()).read("What's the doctor's phone number?", [family, again]).kind == "answered"


def test_the_doctors_number_asks_between_the_people_the_notes_call_dr():
    """"What's the doctor's phone number?" over "GP: Dr Amina Farooq ... 042 0000 001" and "kids:
    Dr Bilal Sheikh ... 042 0000 002": the title says doctor where the line does not, and the other
    doctor's line need share no word with the question (it is found by the title). "Dr Farooq" in
    a payment is the same doctor; a doctor with no number is no answer to a number."""
    gp = hit("Health: GP: Dr Amina Farooq, Model Town clinic, 042 0000 001", line=3)
    paid = hit("2026-09-06: Dr Farooq + x-ray copay, Rs 1,500", line=9, rank=1)
    lines = {"Health: kids: Dr Bilal Sheikh, Children's Hospital, 042 0000 002": 4,
             "Dr Rana (dentist) retired last year.": 12, gp.text: 3, paid.text: 9}

    def mentions(word: str) -> list[str]:
        return [t for t in lines if word in t]

    reading = Reader(overlap_model(), mentions=mentions).read("What's the doctor's phone number?", [gp, paid])
    assert reading.kind == "ambiguous" and "Dr Amina Farooq" in reading.answer and "Dr Bilal Sheikh" in reading.answer
    assert "Rana" not in reading.answer and reading.answer.count("Farooq") == 1
    # One doctor in the notes is no question to ask back.
    del lines["Health: kids: Dr Bilal Sheikh, Children's Hospital, 042 0000 002"]
    assert Reader(overlap_model(), mentions=mentions).read("What's the doctor's phone number?", [gp, paid]).kind != "ambiguous"


def test_a_name_in_brackets_after_the_relations_word_names_that_relation():
    """"Mamma (Loredana) e papà (Franco)": my mum is Loredana, said in the note's own language;
    a line that only mentions mamma beside other names does not name her."""
    gifts = hit("Regali: Natale 2025: a mamma un cesto di Zarri, a Tommaso i Lego Duplo.", line=3)
    family = hit("Mamma (Loredana) e papà (Franco) stanno a Imola, via Appia 9.", line=2, rank=1)
    reading = Reader(overlap_model()).read("What's my mum's name?", [gifts, family])
    assert reading.kind == "answered" and reading.value == "Loredana" and reading.statement.line == 2
    assert Reader(overlap_model()).read("What's my dad's name?", [gifts, family]).value == "Franco"
    rodina = hit("mamka = Eva Dvořáková, Olomouc. taťka Pavel je v důchodu, brácha Tomáš v Brně.", line=4)
    assert Reader(overlap_model()).read("What's my mum's name?", [rodina]).value == "Eva Dvořáková"
    # A line only keyed by the word, whose value is a thing that ends on a place name ("a spa
    # voucher for Luhačovice"), names nobody: the line that says who she is is the answer.
    voucher = hit("Nákupy Vánoce: mamka: poukaz do lázní Luhačovice", line=9, rank=0, topic="Nákupy Vánoce")
    voucher.fields = {"mamka": "poukaz do lázní Luhačovice"}
    reading = Reader(overlap_model()).read("Who is my mum?", [voucher, rodina])
    assert reading.kind == "answered" and reading.value == "Eva Dvořáková" and reading.statement.line == 4


def test_a_relation_keyed_in_the_notes_language_names_that_relation():
    """"Annem: Sevim Aydın" (Turkish "my mother") is my mother's name; "Mama: Royal Canin 2 kg"
    (Turkish for pet food) is no person, and "Mummo: Aili" is my grandmother."""
    food = hit("Pamuk: Mama: Royal Canin Sterilised 2 kg, from the pet shop on Moda Caddesi.", line=3, topic="Pamuk")
    food.fields = {"Mama": "Royal Canin Sterilised 2 kg, from the pet shop on Moda Caddesi."}
    mother = hit("Bursa: Annem: Sevim Aydın. Retired teacher, lives in Nilüfer.", line=8, rank=1, topic="Bursa")
    mother.fields = {"Annem": "Sevim Aydın. Retired teacher, lives in Nilüfer."}
    granny = hit("Perhe: Mummo: Aili (äidin äiti), 91.", line=9, rank=2, topic="Perhe")
    granny.fields = {"Mummo": "Aili (äidin äiti), 91."}
    reading = Reader(overlap_model()).read("What is my mother's name?", [food, granny, mother])
    assert reading.kind == "answered" and reading.statement.line == 8 and "Sevim Aydın" in reading.answer
    landlord = hit("Kira: Ev sahibi: Kemal Ersoy (Kemal Bey). Prefers WhatsApp, never calls after 21:00.", line=4, topic="Kira")
    landlord.fields = {"Ev sahibi": "Kemal Ersoy (Kemal Bey). Prefers WhatsApp, never calls after 21:00."}
    assert Reader(overlap_model()).read("Who is my landlord?", [landlord]).value == "Kemal Ersoy"
    landlady = hit("Byt: Pronajímatelka: paní Kratochvílová, komunikace přes e-mail, opravy hlásit jí, ne SVJ.", line=5, topic="Byt")
    landlady.fields = {"Pronajímatelka": "paní Kratochvílová, komunikace přes e-mail, opravy hlásit jí, ne SVJ."}
    assert Reader(overlap_model()).read("Who is my landlady?", [landlady]).value == "Kratochvílová"


def test_a_reference_is_the_code_the_line_calls_a_reference():
    """"LATAM LA 705" on the booking line is the flight's number; the sentence after it says
    which code is the booking reference."""
    booked = hit("Booked the flights to Chile for Christmas: LATAM LA 705 from Madrid on 18 December.", line=9)
    ref = hit("The booking reference is QXM4TR.", line=9, rank=1)
    ref.context = booked.text
    reading = Reader(overlap_model()).read("What's the booking reference for the Chile flights?", [booked, ref])
    assert reading.kind == "answered" and "QXM4TR" in reading.answer and "705" not in reading.answer
    assert "705" in Reader(overlap_model()).read("What's the flight number of the Chile flights?", [booked, ref]).answer


def test_a_relation_keyed_in_another_language_still_gives_way_to_a_newer_line_and_a_nickname():
    """The card's "Obiteljska liječnica: dr. Jasna Perić" names the family doctor, but a journal
    line that tells the new one ("nova obiteljska liječnica dr. Nives Bašić") is newer; "Ondřej =
    můj přítel (Ondra)" gives Ondřej's nickname, not the boyfriend's name; a key in English
    ("Big news at school") is no foreign word for the school."""
    card = hit("Zdravlje: Obiteljska liječnica: dr. Jasna Perić, Dom zdravlja Centar.", line=3, topic="Zdravlje",
               path="/notes/zdravlje.md").model_copy(update={"written": "2026-03-01"})
    card.fields = {"Obiteljska liječnica": "dr. Jasna Perić, Dom zdravlja Centar."}
    news = hit("2026-11-10: dr. Perić ide u mirovinu. Od 1. 12. nam je nova obiteljska liječnica dr. Nives Bašić.", line=7,
               rank=1, path="/notes/journal.md").model_copy(update={"written": "2026-11-10"})
    reading = Reader(overlap_model()).read("Who is my family doctor?", [card, news])
    assert reading.kind == "answered" and "Nives Bašić" in reading.answer
    ondra = hit("Rodina: Ondřej = můj přítel (Ondra), Matyášův táta.", line=4)
    assert Reader(overlap_model()).read("What's my boyfriend's name?", [ondra]).value != "Ondra"
    school = hit("Big news at school: Yusuf is retiring at the end of October.", line=2)
    school.fields = {"Big news at school": "Yusuf is retiring at the end of October."}
    head = hit("Carmen Ruiz started as head of the science department this week.", line=5, rank=1)
    reading = Reader(overlap_model()).read("Who is head of the science department at my school?", [school, head])
    assert "Carmen Ruiz" in reading.answer


def test_a_birthday_found_by_a_pages_date_is_said_by_its_day_and_month():
    """A diary page of 2026-08-17 says "... and Dimas's birthday, as always": the birthday is
    17 August (every year), not the page's date; a date on the line itself is kept as written."""
    page = hit("Flags out for the holiday, and Dimas's birthday, as always.", line=3, topic="2026-08-17")
    reading = Reader(overlap_model()).read("whens dimas bday", [page])
    assert reading.kind == "answered" and reading.answer.startswith("17 August.") and "2026" not in reading.answer.split(".")[0]
    own = hit("Dimas: birthday 1990-08-17.", line=4)
    assert "1990-08-17" in Reader(overlap_model()).read("When is Dimas's birthday?", [own]).answer


def test_a_date_the_line_itself_says_was_moved_gives_way_to_the_new_one():
    """"was meant to be on 9 July ... and then they rang and moved it": the new date another line
    gives answers; with no such line the moved line is quoted, not led by its old date."""
    first = hit("The first physio appointment was meant to be on 9 July, and then they rang and moved it.", line=3)
    later = hit("Later: the physio rang again and fixed the new date as 23 July, at 10:40.", line=9, rank=1)
    reader = Reader(overlap_model())
    reading = reader.read("When is my physio appointment?", [first, later])
    assert reading.kind == "answered" and "23 July" in reading.answer and reading.statement.line == 9
    alone = reader.read("When is my physio appointment?", [first])
    assert not alone.answer.startswith("9 July")
    kept = hit("The physio appointment is on 9 July, moved from the clinic to the hospital.", line=4)
    assert reader.read("When is my physio appointment?", [kept]).answer.startswith("9 July")


def test_a_plate_of_several_parts_is_answered_with_the_card_it_is_on():
    """"What is FK 318 LZ?" over "Targa: FK 318 LZ." under "Fiat Panda 1.2": the card says what."""
    plate = hit("Targa: FK 318 LZ.", line=3, topic="Fiat Panda 1.2 grigia")
    assert compose(plate, None, "What is FK 318 LZ?").startswith("Fiat Panda 1.2 grigia: ")
    assert compose(plate, None, "What is the plate?") == "Targa: FK 318 LZ."


def test_whose_birthday_is_on_a_day_is_answered_only_by_a_line_with_that_day():
    """"Whose birthday is on 4.12.?" is not answered by "Ilona, born 2.6.2022"; the line that
    holds 4 December, however written, answers."""
    ilona = hit("Ilona Lehtonen, born 2.6.2022.", line=2)
    aili = hit("Mummo: Aili, syntynyt 4.12.1934, lives in Jyväskylä.", line=5, rank=1)
    reader = Reader(overlap_model())
    reading = reader.read("Whose birthday is on 4.12.?", [ilona, aili])
    assert reading.kind == "answered" and reading.statement.line == 5
    assert reader.read("Whose birthday is on 4.12.?", [ilona]).kind == "abstained"
    assert reader.read("Whose birthday is on December 11?", [hit("Gergő: szülinapja 12/11/1990", line=3)]).kind == "answered"
    # A line that writes the day just as the question does holds no other value: it answers too.
    for question, line in (("Whose birthday is on 4.12.?", "Mummo: Synttärit 4.12."),
                           ("Whose birthday is on 17 May?", "Fiona Reid: birthday: 17 May")):
        reading = reader.read(question, [ilona, hit(line, line=7, rank=1)])
        assert reading.kind == "answered" and reading.statement.line == 7, question
    # ... unless a line gives that day as a date of its own and says what it is; a log line dated
    # that day that says nothing of a birthday does not.
    partner = hit("Partner: his birthday is 27 October.", line=3)
    beam = hit("27/10/2026. Beam's birthday — dinner at Err.", line=9, rank=1)
    assert reader.read("Whose birthday is on 27 October?", [partner, beam]).statement.line == 9
    flowers = hit("Log: 2026-05-17 — sent flowers and a card.", line=4)
    fiona = hit("Fiona Reid: birthday: 17 May", line=12, rank=1)
    assert reader.read("Whose birthday is on 17 May?", [flowers, fiona]).statement.line == 12


def test_the_line_holding_the_number_asked_covers_whose_number_it_is():
    """Every number of one exchange shares the stem "555-0": the line with the very number asked
    covers "Whose number is 555-0156?" though the model finds nothing to choose between them."""
    flat = FakeModel(logprob_fn=lambda context, continuation: [-2.0])
    others = ["Dev Holloway - husband - 555-0102", "Fenwick Primary office - 555-0125", "Staffing office - 555-0111",
              "Tomasz Zielinski - plumber - 555-0172", "Dunmore Motors - garage - 555-0139", "Jonah Tembo - nurse - 555-0131",
              "Lior Ben-Ami - RN, ICU - 555-0190", "Ruth Kowalczyk - neighbour - 555-0145", "Kwame Okonkwo - nurse - 555-0163"]
    lines = [hit(t, line=i + 3, rank=i) for i, t in enumerate(others)]
    lines.append(hit("Pat Holloway (Gran) - Dev's mum, does school pickup Tue/Thu - 555-0156", line=2, rank=len(others)))
    reading = Reader(flat).read("Whose number is 555-0156?", lines)
    assert reading.kind == "answered" and "Pat Holloway" in reading.answer


def test_a_phone_numbers_first_group_is_no_employee_number():
    """"Phone: 086 555 0182" on a colleague's row holds no employee number."""
    from agent.reader_question import typed_values

    row = "Name: Conor Walsh; City: Dublin; Phone: 086 555 0182; Relationship: Work."
    assert typed_values(row, "code", exclude="What's my employee number at Ledgerline?") == []
    assert typed_values("Employee number: LL-0862", "code", exclude="What's my employee number at Ledgerline?") == ["LL-0862"]


def test_a_word_the_asked_one_only_begins_with_does_not_speak_of_it():
    """"safely pass an arbitrary number" (a manual) says nothing of a passport number."""
    reader = Reader(overlap_model())
    manual = hit("find now supports the -files0-from option to be able to safely pass an arbitrary number of starting points.", line=3)
    assert reader.read("What's my passport number?", [manual]).kind == "abstained"
    card = hit("Passport number: 87412209, expires 2029-04-17", line=4)
    assert "87412209" in reader.read("What's my passport number?", [card]).answer


def test_whose_number_said_by_a_pronoun_is_answered_with_the_sentence_that_names_her():
    """"her new number is 807-555-0163" after "Ma's birthday. I called her before school.": the
    answer says whose by the sentence before that names her."""
    number = hit("She has a mobile now; her new number is 807-555-0163.", line=4)
    number.context = "Ma's birthday. I called her before school."
    answer = compose(number, None, "Whose number is 807-555-0163?")
    assert answer.startswith("Ma's birthday.") and "807-555-0163" in answer
    assert compose(number, None, "What is the new number?") == "She has a mobile now; her new number is 807-555-0163."


def test_a_date_the_line_says_something_is_on_is_not_the_date_it_is_filed_under():
    """"Zora's birthday is 14 February: we ..." says the birthday; "14 February: Zora rang" is a
    log line filed under the day it was written."""
    said = hit("Decisions: Zora's birthday is 14 February: we celebrate it at home this time? -> no, a video call.", line=15)
    said.fields = {"Decisions: Zora's birthday is 14 February": "we celebrate it at home this time? -> no, a video call."}
    assert "14 February" in Reader(overlap_model()).read("When is Zora's birthday?", [said]).answer
    filed = hit("14 February: Zora rang about the birthday cake", line=3)
    filed.fields = {"14 February": "Zora rang about the birthday cake"}
    assert "14 February" not in Reader(overlap_model()).read("When is Zora's birthday?", [filed]).answer


def test_how_many_rooms_is_counted_by_the_notes_word_for_rooms():
    """"3 Zimmer" counts rooms, in plain letters; "2. Stock" (the floor) does not."""
    flat = hit("New flat Hafengasse: Wohnung Hafengasse 4/2, 3 Zimmer, 2. Stock, Lift, Balkon.", line=35)
    answer = Reader(overlap_model()).read("hafengasse flat how many rooms", [flat]).answer
    assert "3 Zimmer" in answer
    assert Reader(overlap_model()).read("hafengasse flat how many garages", [flat]).answer == DONT_KNOW


def test_the_role_asked_with_the_is_asked_back_when_the_notes_name_two():
    """"What's the juf's name?" with "juf Marieke" in one note and "Noor (juf Ilse, ...)" in
    another: two teachers to ask about (Noor is the child, not a teacher); one juf is answered."""
    two = [hit("Attendees: juf Marieke (klastitularis), Bram, me", line=4),
           hit("open: oudercontact Noor (juf Ilse, 2de leerjaar) on 10/12/2026 at 17:30", line=6, path="/notes/tasks.md")]
    asked = Reader(overlap_model()).read("What's the juf's name?", two)
    assert asked.kind == "ambiguous" and asked.options == ["Marieke", "Ilse"]
    one = Reader(overlap_model()).read("What's the juf's name?", two[:1])
    assert one.kind == "answered" and "Marieke" in one.answer


def test_grandma_asked_by_the_word_alone_asks_which_of_the_women_the_notes_call_so():
    """"When is grandma's birthday?" where one line says "Babcia Halina" and another "Grandma
    Nkechi": the children's two grandmothers, in two languages. Asked by her name, or with one
    grandmother in the notes, it is answered."""
    halina = hit("Babcia Halina: birthday 14 March, in Elbląg", line=3, path="/notes/people/halina.md")
    nkechi = hit("Mama called: Grandma Nkechi turns 80 on 2 May.", line=9, rank=1, path="/notes/journal.md")
    reading = Reader(overlap_model()).read("When is grandma's birthday?", [halina, nkechi])
    assert reading.kind == "ambiguous" and "Halina" in reading.answer and "Nkechi" in reading.answer
    reading = Reader(overlap_model()).read("When is Grandma Nkechi's birthday?", [halina, nkechi])
    assert reading.kind != "ambiguous"
    reading = Reader(overlap_model()).read("When is grandma's birthday?", [halina])
    assert reading.kind != "ambiguous"


def test_the_aircon_guys_number_is_the_number_of_whoever_services_the_aircon():
    """"aircon guy's number??": no line calls him "guy"; the line that says the aircon and a number
    gives it. "the guy's number" alone still asks of someone called so."""
    from agent.reader_question import analyse

    assert analyse("aircon guy's number??").owners == [] and analyse("What's the guy's number?").owners == ["guy"]
    lines = [hit("Flat: servicing quarterly, CoolBreeze Aircon, Ah Seng 9127 5583", line=4),
             hit("Plumber: Kim Tan 9333 1200", line=5, rank=1)]
    reading = Reader(overlap_model()).read("aircon guy's number??", lines)
    assert reading.kind == "answered" and "9127 5583" in reading.answer


def test_where_someone_lives_is_an_address_when_the_line_says_so():
    """"Gogo lives at NY 112 No. 23, Gugulethu", "Vivimos en arriendo: Carrera 27B # 37 Sur-45",
    "(where we live): Juan Benito Blanco 1173 apto. 502" and Russian "д. 58, кв. 34" are addresses
    though no street pattern knows them; a line that says where someone lives with no number is not."""
    from agent.reader_question import typed_values

    ask = "What's our address?"
    assert typed_values("Gogo Nokuthula lives at NY 112 No. 23, Gugulethu.", "address", exclude=ask) == ["NY 112 No. 23, Gugulethu"]
    assert typed_values("Vivimos en arriendo: Carrera 27B # 37 Sur-45, apto 1203, Envigado (estrato 4).", "address",
                        exclude=ask) == ["Carrera 27B # 37 Sur-45, apto 1203, Envigado (estrato 4)"]
    assert typed_values("Flat Pocitos (where we live, rented): Juan Benito Blanco 1173 apto. 502, Pocitos", "address",
                        exclude=ask) == ["Juan Benito Blanco 1173 apto. 502, Pocitos"]
    assert typed_values("Самал-2, д. 58, кв. 34, Алматы", "address", exclude=ask) == ["Самал-2, д. 58, кв. 34, Алматы"]
    assert typed_values("She lives at home since the summer.", "address", exclude=ask) == []
    reading = Reader(overlap_model()).read("What is Gogo's address?", [hit("Gogo Nokuthula lives at NY 112 No. 23, Gugulethu.", line=6)])
    assert reading.kind == "answered" and "NY 112 No. 23" in reading.answer


def test_how_much_of_something_i_got_is_an_amount_of_money_where_no_line_weighs_it():
    """"How much regres did I get this year?" reads like "How much borlotti did I get?" (a harvest,
    in kg); where no line weighs it, the line that pays it answers. A line that weighs it still
    does, over an amount of money."""
    reader = Reader(overlap_model())
    pay = hit("Payroll: regres (holiday allowance) 1.450 € came with the June pay", line=37)
    reading = reader.read("How much regres did I get this year?", [pay])
    assert reading.kind == "answered" and "1.450 €" in reading.answer
    beans = [hit("Borlotti: picked the last of them, 1.2 kg in all this year.", line=5),
             hit("Borlotti seeds from the garden centre, £2.49.", line=9, rank=1)]
    reading = reader.read("How much borlotti did I get this year?", beans)
    assert reading.kind == "answered" and "1.2 kg" in reading.answer


def test_a_rate_in_percent_is_no_amount_of_money():
    """"rent income: 10% tax, declared every quarter" gives no amount for "How much rent do we get?";
    the line with the rent does."""
    from agent.reader_question import typed_values

    assert typed_values("Taxes: rent income from the flat: 10% tax, declared every quarter", "money",
                        exclude="How much rent do we get for the flat?") == []
    lines = [hit("Taxes: rent income from the flat: 10% tax, declared every quarter", line=26),
             hit("Flat (rented out): rent 1,200,000₮ per month, paid on the 1st", line=27, rank=1)]
    reading = Reader(overlap_model()).read("How much rent do we get for the flat?", lines)
    assert reading.kind == "answered" and "1,200,000₮" in reading.answer


def test_a_lower_case_question_for_someones_number_is_not_answered_by_their_mothers():
    """"tuvshins phone?" names no one by a capital: "Tuvshin's side: mother-in-law — Tuvshin's mother,
    Oyunaa, 8808 5512" gives his mother's number, not his."""
    lines = [hit("Tuvshin's side: хадам ээж — Tuvshin's mother, Oyunaa, 8808 5512. Lives in Bayanzurkh.", line=23),
             hit("Us: Tuvshin — my husband, Tuvshinbayar Dorj. Unitel 8855 1437.", line=7, rank=1)]
    reading = Reader(overlap_model(oyunaa=2.0)).read("tuvshins phone?", lines)
    assert reading.kind == "answered" and "8855 1437" in reading.answer
    # Asked for his mother's number, her line answers.
    reading = Reader(overlap_model()).read("tuvshins mother phone?", lines)
    assert "8808 5512" in reading.answer


def test_my_own_line_beats_a_section_of_another_note_about_someone_else():
    """"What am I allergic to?": "Zala: allergies: peanuts", under the "Zala" heading of the family
    note, is hers; "Me: allergy: ragweed pollen" in the health note is mine."""
    zala = hit("Zala: allergies: peanuts, carries an EpiPen", line=28, path="/notes/Family.md", topic="Zala")
    me = hit("Me: allergy: ragweed pollen, August to September", line=3, path="/notes/Health.md", topic="Me", rank=1)
    reading = Reader(overlap_model(peanuts=2.0)).read("What am I allergic to?", [zala, me])
    assert reading.kind == "answered" and "ragweed" in reading.answer
    # Asked of Zala, her line answers.
    assert "peanuts" in Reader(overlap_model()).read("What is Zala allergic to?", [zala, me]).answer
    # A heading the notes also write in lower case is a label, not someone: "Documents: ID card
    # ... valid until 15. 3. 2032" is mine, beside "Me: doctor ...".
    notes = ["Documents: ID card IB0482713, valid until 15. 3. 2032", "the kids' documents are in the blue folder",
             "Me: doctor: dr. Horvat, call 7:30-9:00"]
    documents = hit(notes[0], line=4, path="/notes/Admin.md", topic="Documents")
    doctor = hit(notes[2], line=5, path="/notes/Health.md", topic="Me", rank=1)
    reader = Reader(overlap_model(), mentions=lambda w: [n for n in notes if w.lower() in n.lower()])
    reading = reader.read("Until when is my ID card valid?", [documents, doctor])
    assert reading.kind == "answered" and "15. 3. 2032" in reading.answer


def test_the_cars_date_is_told_by_a_line_that_names_the_car_by_its_make():
    """"When is the car's next inspection due?": no line says "car"; "Skoda: next due by
    30.6.2027" is the car's, and a line about a flat is not."""
    lines = [hit("Skoda: last inspection (katsastus) 19.6.2026, passed, next due by 30.6.2027", line=12),
             hit("Flat: boiler inspection next due by 1.9.2027", line=4, rank=1)]
    reading = Reader(overlap_model()).read("When is the car's next inspection due?", lines)
    assert reading.kind == "answered" and "30.6.2027" in reading.answer
    assert Reader(overlap_model()).read("When is the car's next inspection due?", lines[1:]).kind == "abstained"


def test_a_price_paid_once_is_not_answered_by_an_amount_paid_every_month():
    """"How much did we pay for the house?" asks a price; "N$ 3 200 a month" to the domestic
    worker, a fee "a month" or pay "a year" is what is paid per period, and the notes do not say
    the price. An amount asked per period, or a one-off price the line says, is still answered."""
    monthly = [hit("People who come to the house: Loide -- domestic worker, N$ 3 200 a month.", line=4),
               hit("The flat: Building maintenance fee: Bs 380 a month, paid on the 10th.", line=7),
               hit("Yearly: home insurance €412 (Minerva), house alarm €96.", line=9)]
    for question in ("How much did we pay for the house?", "How much was the deposit on the flat?"):
        reading = Reader(overlap_model()).read(question, monthly)
        assert reading.kind == "abstained" and reading.answer == DONT_KNOW, question
    reading = Reader(overlap_model()).read("How much do we pay the domestic worker a month?", monthly)
    assert reading.kind == "answered" and "3 200" in reading.answer
    bought = [*monthly, hit("Bought the house in March 2021, we paid N$ 1 450 000 for it.", line=12, path="/notes/house.md")]
    reading = Reader(overlap_model()).read("How much did we pay for the house?", bought)
    assert reading.kind == "answered" and "1 450 000" in reading.answer


def test_a_section_headed_mine_answers_my_question_over_one_headed_by_someone_else():
    """"## Mine" and "## Jone" over the same table of documents (or tabs labelled "Nissan Note
    (mine)" and "Toyota Aqua (Jone)"): "my passport" is the one under Mine, Jone's under Jone."""
    def passport(topic: str, number: str, line: int) -> StatementHit:
        fields = {"Document": "Fiji passport", "Number": number}
        return hit(f"Document: Fiji passport; Number: {number}", line=line, topic=topic, fields=fields, path="/notes/documents.md")

    rows = [passport("Jone", "B398105", 25), passport("Mine", "B417293", 15)]
    for order in (rows, rows[::-1]):
        reading = Reader(overlap_model()).read("What is my passport number?", order)
        assert reading.kind == "answered" and "B417293" in reading.answer
        reading = Reader(overlap_model()).read("What is Jone's passport number?", order)
        assert reading.kind == "answered" and "B398105" in reading.answer
    # Without a section that says "mine", two people's passports are two to ask about.
    rows = [passport("Jone", "B398105", 25), passport("Vika", "B520774", 31)]
    assert Reader(overlap_model()).read("What is my passport number?", rows).kind == "ambiguous"


def test_a_section_headed_me_with_the_users_name_or_in_another_language_is_mine():
    """"## Me (Keala)" beside "## Pua" over the same table of documents, and a man page whose own
    section says "My identity card: Expires ..." beside ".SS Pua": the user's own card answers "my"."""
    def card(topic: str, number: str, line: int) -> StatementHit:
        fields = {"document": "identity card", "number": number}
        return hit(f"document: identity card; number: {number}", line=line, topic=topic, fields=fields, path="/notes/documents.md")

    for mine in ("Me (Keala)", "Me - Keala"):
        rows = [card("Pua", "688105", 28), card(mine, "947216", 16)]
        for order in (rows, rows[::-1]):
            reading = Reader(overlap_model()).read("What is my identity card number?", order)
            assert reading.kind == "answered" and "947216" in reading.answer, (mine, reading.answer)
    # A name alone is someone's; "I" heads a part, nobody's.
    assert [_heading_owner(t) for t in ("Meg", "Pua", "I", "Me (Keala)")] == ["Meg", "Pua", None, ""]
    lines = [hit("ID card 0298689M, expires 02/11/2029.", line=32, topic="Pua", path="/notes/documents.7"),
             hit("My identity card: Expires: 14/05/2031", line=20, topic="Description", path="/notes/documents.7")]
    for order in (lines, lines[::-1]):
        reading = Reader(overlap_model()).read("When does my ID card expire?", order)
        assert reading.kind == "answered" and "2031" in reading.answer, reading.answer
    # A line that opens on "my" and something else ("My number is in Contacts") makes no section
    # someone else's: "## Passport" is no person.
    lines = [hit("Passport BN4512873, issued the same day as the ID card.", line=33, topic="Passport", path="/notes/documents.texi"),
             hit("My number is in Contacts.", line=44, topic="Phone", path="/notes/documents.texi")]
    reading = Reader(overlap_model()).read("What is my passport number?", lines)
    assert reading.kind == "answered" and "BN4512873" in reading.answer, reading.answer


def test_the_rent_is_not_the_bond_paid_under_it():
    """"Rent: Bond paid: FJ$2,700" is the bond, paid once, not the rent: the line beside it that
    gives the rent a month answers, and the bond still answers when it is asked."""
    sts = [hit("Rent: Bond paid: FJ$2,700 (March 2022), receipt in the blue folder", line=16, topic="Rent",
               fields={"Bond paid": "FJ$2,700 (March 2022), receipt in the blue folder"}),
           hit("Rent: FJ$1,350 a month, due on the 1st, bank transfer", line=15, topic="Rent")]
    for order in (sts, sts[::-1]):
        reading = Reader(overlap_model(bond=0.5)).read("How much is our rent?", order)
        assert reading.kind == "answered" and "1,350" in reading.answer and "2,700" not in reading.answer
        reading = Reader(overlap_model()).read("How much was the bond?", order)
        assert reading.kind == "answered" and "2,700" in reading.answer


def test_a_line_keyed_me_is_mine_whatever_heading_it_stands_under():
    """"Me: blood type A(II) Rh+" under a "Health" heading, in a note that also heads a section
    "Me": the line says whose it is; the heading is no one's name."""
    sts = [hit("Me: blood type A(II) Rh+", line=5, topic="Health", path="/notes/people.md"),
           hit("Me: phone 9911 2233", line=9, topic="Me", path="/notes/people.md")]
    reading = Reader(overlap_model()).read("What's my blood type?", sts)
    assert reading.kind == "answered" and "A(II) Rh+" in reading.answer


def test_the_rent_deposit_is_the_deposit():
    """A question that says both sides of a contrary pair ("the rent deposit") asks the one its
    label names: "Kaution: 2.160,00 €" answers "How much is the rent deposit (Kaution)?"."""
    sts = [hit("Kaution: 2.160,00 € (Mietkautionskonto bei der Sparkasse)", line=8, fields={"Kaution": "2.160,00 € (Mietkautionskonto bei der Sparkasse)"}),
           hit("Miete: 1.080,00 € warm, monthly", line=7)]
    reading = Reader(overlap_model()).read("How much is the rent deposit (Kaution)?", sts)
    assert reading.kind == "answered" and "2.160,00" in reading.answer


def test_a_two_word_name_written_whole_once_is_asked_back_whole():
    """"Jon Are Vik at the tyre place" once and "Jon Are said ..." later: the user wrote the whole
    name once, so asking back shows it (a name continued two ways stays as it is)."""
    texts = ["Jon Berge (svoger) mobil 912 44 018",
             "Jon Are Vik at the tyre place (tlf. 930 11 207) rang about the winter tyres",
             "Jon Are said the tread is 5 mm, fine for this winter."]
    assert three_part_names(["Jon Berge", "Jon Are"], texts, "what's jon's phone number?") == ["Jon Berge", "Jon Are Vik"]
    texts.append("Jon Are Lund from the choir")
    assert three_part_names(["Jon Berge", "Jon Are"], texts, "what's jon's phone number?") == ["Jon Berge", "Jon Are"]


def test_a_glue_word_that_opens_a_sentence_is_no_name():
    """"Same coach." under the day Nell's swimming moved: "Same" is no coach's name, though the
    notes cannot be searched for the word (the full-text index drops glue words like it)."""
    same = hit("Same coach.", line=50, path="/notes/journal.txt", topic="Nell swimming")
    assert Reader(overlap_model()).read("What's the name of Nell's swimming coach?", [same]).kind == "abstained"
    # A given name that is also a glue word stays a name.
    will = hit("Will coaches the group.", line=50, path="/notes/journal.txt", topic="Nell swimming")
    reading = Reader(overlap_model()).read("What's the name of Nell's swimming coach?", [will])
    assert reading.kind == "answered" and "Will" in reading.answer


def test_was_born_on_a_day_does_not_say_the_day_no_longer_holds():
    """"I was born on 3 May 1988 in Lyon, and I moved to Leeds in 2015": "was" before the day is no
    word of a value that no longer holds (as in "the rent was 900"), and "moved" names the move, not
    the birthday moved; the tortoise's line is another's birthday."""
    me = hit("I was born on 3 May 1988 in Lyon, France, and I moved to Leeds, England in 2015.", line=3, path="/notes/about-me.md",
             topic="About me")
    shelly = hit("Shelly (tortoise): She was born in March 1979 and we took her in from a neighbour in June 1986.", line=3, rank=1,
                 path="/notes/pets/shelly.md", topic="Shelly")
    reading = Reader(overlap_model()).read("When is my birthday?", [me, shelly])
    assert reading.kind == "answered" and "3 May 1988" in reading.answer
