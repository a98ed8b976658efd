"""Who someone is, and who holds a role now: a birthdays table's "who" column, a family line keyed
by the person, a journal entry titled by the change, a two-word relation. All examples made up;
driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_question import analyse, relative_clause
from agent.reader_relate import WordRelate
from agent.reader_types import Scored
from agent.reader_statements import StatementHit
from tests.agent.test_reader import hit, overlap_model


def test_a_who_column_names_someone_it_does_not_say_who_they_are():
    """"| who | born |" over "| Liesel Hartung | 19.03 |": the row names her; the work page's
    "Closest colleague: Liesel Hartung" says who she is."""
    birthday = StatementHit(id="b:9", path="/notes/birthdays.md", line=9, end_line=9, text="Liesel Hartung: born: 19.03",
                            source="| Liesel Hartung | 19.03 |", topic="Birthdays", kind="row",
                            fields={"who": "Liesel Hartung", "born": "19.03"}, rank=0)
    work = hit("Work: Closest colleague: Liesel Hartung, field surveys.", line=16, rank=1, path="/notes/work.md",
               topic="Work", fields={"Closest colleague": "Liesel Hartung, field surveys."})
    reading = Reader(overlap_model(born=0.5)).read("Who is Liesel Hartung?", [birthday, work])
    assert reading.kind == "answered" and "colleague" in reading.answer and reading.statement.line == 16
    # A "who" column that says more than the name still says who: "Aunt Mia" is an aunt.
    aunt = StatementHit(id="b:3", path="/notes/birthdays.md", line=3, end_line=3, text="Aunt Mia: born: 02.02",
                        source="| Aunt Mia | 02.02 |", topic="Birthdays", kind="row", fields={"who": "Aunt Mia", "born": "02.02"})
    assert "Aunt Mia" in Reader(overlap_model()).read("Who is Mia?", [aunt]).answer


def test_a_later_line_about_a_person_updates_a_line_keyed_by_who_they_are():
    """"My brother Tavo Reyes: vet in Linares" is keyed by the person; a dated entry "Tavo called:
    he has moved to Osorno for good" is where he lives now, though it does not say "brother"."""
    family = hit("My side: My brother Tavo Reyes: vet in Linares, still single.", line=21, rank=0,
                 path="/notes/family/index.md", topic="My side", fields={"My brother Tavo Reyes": "vet in Linares, still single."})
    moved = hit("Tavo called on Saturday night: he has moved to Osorno for good.", line=8, rank=1,
                path="/notes/journal/2026-10-04-news-from-tavo/index.md", topic="News from Tavo")
    reading = Reader(overlap_model(linares=1.0)).read("Which city does my brother Tavo live in?", [family, moved])
    assert reading.kind == "answered" and "Osorno" in reading.answer


def test_a_journal_entry_titled_new_dentist_tells_who_the_dentist_is_now():
    """The health page keys "Dentist: Dr Ana Pinto"; a later entry titled "First snow, new dentist"
    says "From now on I go to Dr Rui Salgado" without the word: the newer name answers."""
    page = hit("Doctors: Dentist: Dr Ana Pinto at Sorriso Clinic on Rua Nova.", line=18, rank=0,
               path="/notes/me/health.md", topic="Doctors", fields={"Dentist": "Dr Ana Pinto at Sorriso Clinic on Rua Nova."}
               ).model_copy(update={"written": "2026-06-18"})  # the page's front matter: updated in June
    entry = hit("From now on I go to Dr Rui Salgado at Dente Feliz on Avenida Sul.", line=11, rank=1,
                path="/notes/journal/2026-11-22-dentist.md", topic="First snow, new dentist")
    # (A model that reads the entry about as well as the page, as the real one did.)
    reading = Reader(overlap_model(now=3.0)).read("Who is my dentist?", [page, entry])
    assert reading.kind == "answered" and "Rui Salgado" in reading.answer
    # Under a heading that says no new dentist, the line is no version of the dentist's.
    plain = entry.model_copy(update={"topic": "First snow"})
    reading = Reader(overlap_model(now=3.0)).read("Who is my dentist?", [page, plain])
    assert "Ana Pinto" in reading.answer


def test_my_mother_in_law_is_not_my_mother():
    """"my mother-in-law Mma Dineo Kgari" answers "Who is my mother-in-law?"; "Ask my mother for the
    amounts" speaks of another woman and opens with a verb, no one's name: nothing to ask back."""
    statements = [hit("Naledi's mother, my mother-in-law Mma Dineo Kgari, lives in Ramotswa.", line=13, rank=0),
                  hit("Ask my mother for the amounts; hers are the best in Kanye.", line=7, rank=1)]
    reading = Reader(overlap_model()).read("Who is my mother-in-law?", statements)
    assert reading.kind == "answered" and "Dineo Kgari" in reading.answer


def test_my_best_friends_birthday_asks_who_my_best_friend_is_first():
    hops = relative_clause("When is my best friend's birthday?")
    assert hops is not None and (hops.inner, hops.outer) == ("Who is my best friend?", "When is {}'s birthday?")
    hops = relative_clause("What is my closest colleague's phone number?")
    assert hops is not None and hops.inner == "Who is my closest colleague?"


def test_a_birthdays_tables_date_column_is_the_birthday():
    """"| who | date |" under "# Birthdays": the date is Leela's birthday, not the day the row was
    filed (as a log's "date" column would be)."""
    row = StatementHit(id="b:6", path="/notes/birthdays.md", line=6, end_line=6, text="Leela: date: 21/04/1959",
                       source="| Leela | 21/04/1959 |", topic="Birthdays", kind="row", fields={"who": "Leela", "date": "21/04/1959"})
    reading = Reader(overlap_model()).read("When is Leela's birthday?", [row])
    assert reading.kind == "answered" and "21/04/1959" in reading.answer
    logged = row.model_copy(update={"topic": "Payments", "path": "/notes/log.md", "text": "Leela: date: 21/04/2026; paid: Rs 500"})
    assert Reader(overlap_model()).read("When is Leela's birthday?", [logged]).kind == "abstained"


def test_an_in_law_is_said_as_such_not_by_a_word_for_mother():
    from agent.reader_question import says_kind
    assert says_kind("Devika's side: Mother-in-law: Leela Dulloo, Curepipe", "mother-in-law")
    assert says_kind("my mother in law lives in Kolasin", "mother-in-law")
    assert says_kind("rumah Bu Hartini, ibu mertua masak rendang", "mother-in-law")  # in the notes' language, in two words
    assert not says_kind("My side: Mama: Mirjana Radonjic.", "mother-in-law")
    assert says_kind("My side: Mama: Mirjana Radonjic.", "mother")
    # ... and the mother sought is not said by an in-law: "When is my mother's birthday?" must not
    # hop to "My mother-in-law is Dona Graciete Mabunda".
    assert not says_kind("Isaura's side: My mother-in-law is Dona Graciete Mabunda in Manhiça.", "mother")


def test_a_name_that_begins_like_a_foreign_word_for_mother_is_no_mother():
    """Lithuanian "mamos" (mother's) is a whole word: the grandmother "Nkhono Mamosa" on a
    birthdays list is not "my mother"."""
    from memory.gloss import english_for
    assert "mother" not in english_for("Birthdays: Nkhono Mamosa -- 02/04/1936")
    assert "mother" in english_for("mamos gimtadienis: 03-14")
    row = hit("Birthdays: Nkhono Mamosa -- 02/04/1936", line=18, path="/notes/birthdays.norg", topic="Birthdays")
    assert Reader(overlap_model()).read("When is my mother's birthday?", [row]).kind == "abstained"


def test_until_when_something_is_paid_asks_for_a_date():
    from agent.reader_question import analyse
    assert analyse("Until when is the road tax on my Passo paid?").want == "date"
    assert analyse("How much road tax did I pay?").want == "money"


def test_two_grandmothers_written_as_a_parents_mother_are_asked_about():
    """"Baba Draga (Draga Perić) — tata's mother" and "Baba Vesna — mama's mother": "my grandmother"
    is either; the question is asked back with both names. One alone answers."""
    draga = hit("My side: Baba Draga (Draga Perić) — tata's mother, still in the old house in Cetinje.", line=22, rank=0,
                topic="My side")
    vesna = hit("Mama's side: Baba Vesna (Vesna Lukić) — mama's mother, Danilovgrad.", line=27, rank=1, topic="Mama's side")
    reading = Reader(overlap_model()).read("Where does my grandmother live?", [draga, vesna])
    assert reading.kind == "ambiguous" and "Baba Draga" in reading.answer and "Baba Vesna" in reading.answer
    assert Reader(overlap_model()).read("Where does my grandmother live?", [draga]).kind != "ambiguous"
    uncle = hit("Uncles: Kubo taike (Kubo Temirov): Mama's younger brother in Naryn.", line=18, rank=0, topic="Uncles")
    other = hit("Uncles: Jomo (Jomo Asanov): Papa's younger brother in Balykchy.", line=20, rank=1, topic="Uncles")
    reading = Reader(overlap_model()).read("Where does my uncle live?", [uncle, other])
    assert reading.kind == "ambiguous" and "Kubo taike" in reading.answer and "Jomo" in reading.answer
    # Portuguese "Pai" and "Mãe" are the parents too.
    joana = hit("Grandmothers: Nha Joana — Pai's mother, 88, lives with my parents in Assomada.", line=21, topic="Grandmothers")
    totinha = hit("Grandmothers: Nha Totinha — Mãe's mother, 91, in São Filipe on Fogo.", line=22, rank=1, topic="Grandmothers")
    reading = Reader(overlap_model()).read("Where does my grandmother live?", [joana, totinha])
    assert reading.kind == "ambiguous" and "Nha Joana" in reading.answer and "Nha Totinha" in reading.answer


def test_how_to_reach_someone_asks_who_they_are_then_their_number_or_address():
    hops = relative_clause("How do I reach my rheumatologist by phone?")
    assert hops is not None and hops.inner == "Who is my rheumatologist?" and hops.outer == "What is {}'s phone number?"
    assert relative_clause("How can I email my accountant?").outer == "What is {}'s e-mail address?"
    assert relative_clause("What's my internist's phone number?").inner == "Who is my internist?"
    # A place is reached by the road, not by a hop to a person.
    assert relative_clause("How do I reach the station?") is None


def test_six_digits_keyed_as_a_phone_and_a_dashed_day_keyed_as_a_date_are_read():
    """Suriname's landlines have six digits ("phone: 442-260"); a birthdays table writes "date:
    09-09". Without the key neither is read as one (a room, a score)."""
    from agent.reader_question import typed_values
    assert typed_values("name: Ashwin Gangaram; phone: 442-260", "phone") == ["442-260"]
    assert typed_values("Room 442-260 is booked", "phone") == []
    assert typed_values("who: Lucille; date: 09-09", "date") == ["09-09"]
    assert typed_values("final score 09-09, a draw", "date") == []
    reading = Reader(overlap_model()).read("When is Lucille's birthday?", [
        StatementHit(id="b:17", path="/docs/birthdays.md", line=17, end_line=17, text="who: Lucille; date: 09-09",
                     source="| Lucille | 09-09 |", kind="row", fields={"who": "Lucille", "date": "09-09"}, topic="Birthdays")])
    assert reading.kind == "answered" and "09-09" in reading.answer


def test_a_class_after_a_given_name_is_no_surname():
    from agent.reader_names import namesakes
    lines = ["School start back. Keon Form 2 at Dangriga High, form teacher Mr. Pech.", "Keon Arzu: born 2013", "Keon Form 3 now"]
    assert namesakes("Keon", lines, "what day is keon's football practice") == ["Keon Arzu"]
    # A surname before a phone number is still a surname.
    assert namesakes("Keon", ["Keon Arzu 610 4411", "Keon Usher 622 0091"], "keon's number") == ["Keon Arzu", "Keon Usher"]


def test_a_class_and_its_number_are_no_part_of_a_name_and_a_sentence_s_new_is_no_name():
    from agent.reader_text import names
    assert names("New school year: Keon Form 3, Ana Std 2 (still Ms. Usher)") == ["Keon", "Ana", "Ms. Usher"]
    assert "New York" in names("Moved to New York in Year 9")


def test_a_line_that_says_someone_moved_to_a_town_says_where_they_live():
    from agent.reader import _terms_of
    from agent.reader_text import stem
    assert stem("live") in _terms_of(hit("Ravi has moved to Curepipe for good, a job at the depot near Forest Side."))
    assert stem("live") not in _terms_of(hit("The meeting moved to Thursday afternoon."))


def test_a_kind_glossed_in_brackets_names_the_person_after_is_and_roles_may_be_typed_as_written():
    from agent.reader_question import named_by_kind

    # "Gotta" is Luxembourgish for godmother: the person is the one after "is".
    assert named_by_kind("Lynn: Her Gotta (godmother) is Jill Reuter, Carole's friend.", "godmother") == "Jill Reuter"
    assert named_by_kind("Her Gotta (godmother) is the best cook we know.", "godmother") is None
    # A role qualified by a capitalised subject, and a question typed all in lower case.
    hops = relative_clause("What is the phone number of Dion's English teacher?")
    assert hops is not None and hops.inner == "Who is Dion's English teacher?" and hops.noun == "teacher"
    hops = relative_clause("what is jahmari's football coach's phone number")
    assert hops is not None and hops.inner == "Who is Jahmari's football coach?" and hops.outer == "what is {}'s phone number?"
    # A relation typed in lower case is no one's name ("Who is Son's teacher?").
    hops = relative_clause("whats my son's teacher's phone number")
    assert hops is None or "Son's" not in hops.inner


def test_a_pages_aliases_do_not_say_who_someone_is():
    # Obsidian front matter read as "Shona Hart: aliases: Dr Hart": how she is also called, not who she is.
    lines = [hit("Shona Hart: aliases: Dr Hart", line=2, rank=0, path="/notes/people/Shona Hart.md", topic="Shona Hart"),
             hit("Dr Shona Hart: Your dentist, Leith Walk Dental.", line=6, rank=1, path="/notes/people/Shona Hart.md",
                 topic="Dr Shona Hart")]
    reading = Reader(overlap_model(aliases=3.0)).read("Who is Shona Hart?", lines)
    assert reading.kind == "answered" and "dentist" in reading.answer, reading.answer
    # Aliases that are a relation do say it: "Grandma Nkechi: aliases: Grandma, Nne Nkechi".
    gran = [hit("Grandma Nkechi: aliases: Grandma, Nne Nkechi", line=1, rank=0, path="/notes/people/Grandma Nkechi.md",
                topic="Grandma Nkechi"),
            hit("Grandma Nkechi: No phone of her own; call through Mama.", line=5, rank=1, path="/notes/people/Grandma Nkechi.md",
                topic="Grandma Nkechi")]
    reading = Reader(overlap_model(phone=3.0)).read("Who is Nne Nkechi?", gran)
    assert reading.kind == "answered" and "aliases: Grandma" in reading.answer, reading.answer


def test_a_wedding_day_is_no_birthday_of_the_father_it_mentions():
    """"We married on 11/04/2013 ...; the cows came from my father's cattle post" names the father
    and a day, but the day is the wedding's: "When is my father's birthday?" is not answered."""
    lines = [hit("We married on 11/04/2013 in Mochudi, her home village; the cows for the bogadi came from my father's cattle post.",
                 topic="Us", path="/notes/family.md")]
    # (Word vectors, a stand-in here, place a birthday near a wedding, as the embedder's do.)
    near = {"birthday": [1.0, 0.0], "birth": [1.0, 0.0], "married": [0.9, 0.1], "marry": [0.9, 0.1]}
    relate = WordRelate(lambda ws: [near.get(w, [0.0, 1.0]) for w in ws])
    assert Reader(overlap_model(), relate=relate).read("When is my father's birthday?", lines).kind == "abstained"
    wedding = Scored(statement=lines[0], cover=0.75, typed=["11/04/2013"], prerank=1.0)
    assert not Reader(overlap_model(), relate=relate).speaks_of_attribute(analyse("When is my father's birthday?"), wedding)
    assert Reader(overlap_model(), relate=relate).speaks_of_attribute(analyse("When did we get married?"), wedding)
    # A birthdays list still answers, and the wedding line still gives the wedding day.
    lines.append(hit("My father: born 02/09/1958", line=4, topic="Birthdays", path="/notes/birthdays.md"))
    reading = Reader(overlap_model()).read("When is my father's birthday?", lines)
    assert reading.kind == "answered" and "1958" in reading.answer, reading.answer
    reading = Reader(overlap_model()).read("When did we get married?", lines[:1])
    assert reading.kind == "answered" and "11/04/2013" in reading.answer, reading.answer
