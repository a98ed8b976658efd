"""Two people of one name, and the notes say the asked thing of neither: "I don't know", not a
question back ("Which Karim?" helps nobody when neither has a number). Also the short forms a
question and a contacts list use: a five-digit island landline in a contacts list, "acc no",
"a/c", a policy asked in the notes' own word ("polica number")."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_question import spell_out
from agent.reader_text import phones
from tests.agent.test_reader import hit, overlap_model


def _notes(tmp_path, files: dict[str, str]):
    """A notes folder of the test's own, holding `files` (name: text)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    for name, text in files.items():
        (notes / name).write_text(text)
    return notes


def test_a_five_digit_number_in_a_contacts_list_is_a_phone_number():
    # Samoa's landlines have five digits; the contacts list's row says it is a number to call.
    assert phones("Contacts: Ioelu Letiu: 26593") == ["26593"]
    assert phones("Phone numbers: Dr Faleolo - 21 212") == ["21 212"]
    # Not a year, a price or a postcode outside such a list; not four digits anywhere.
    assert phones("Numbers: 2026") == []
    assert phones("Budget: Rent: 26593") == []
    assert phones("Contacts: Bob: 1234") == []
    row = hit("Contacts: Ioelu Letiu: 26593", line=10, path="/notes/nb/home/contacts.md", topic="Contacts",
              fields={"Ioelu Letiu": "26593"})
    row.source = "Ioelu Letiu: 26593"  # the row itself; its heading says it is a contact
    dentist = hit("Health: Dentist: Dr. Ioelu Letiu, Matautu. Check-up every 6 months.", line=7, rank=1,
                  path="/notes/nb/home/health.md", topic="Health")
    reading = Reader(overlap_model()).read("What is Ioelu Letiu's phone number?", [dentist, row])
    assert reading.kind == "answered" and "26593" in reading.answer and reading.statement.id == row.id


def test_shorthand_for_an_account_or_a_policy_number_is_read_in_full():
    assert spell_out("home loan acc no??") == "home loan account number??"
    assert spell_out("whats my a/c no") == "whats my account number"
    assert spell_out("zoe kasko polica number??") == "zoe kasko policy number??"
    assert spell_out("the póliza no. of the car") == "the policy no. of the car"
    # Words that only look alike stay: an "accent", "policía" (the police).
    assert spell_out("acc number") == "acc number"
    assert spell_out("the policía number") == "the policía number"


def test_a_line_that_writes_the_account_as_a_c_says_account():
    both = hit("Bank haru: NIC Asia Bank – savings a/c 4512007033188 (opened for the home loan) and the home loan itself, "
               "loan a/c HL-4512-0931.", line=124, path="/notes/paisa.md", topic="Bank haru")
    wallet = hit("Rs 214. eSewa wallet is on my number; the home loan EMI goes from the NIC Asia savings.", line=133,
                 path="/notes/paisa.md", topic="Bank haru")
    # (The chat spells the question out first: "home loan account number??".)
    reading = Reader(overlap_model()).read(spell_out("home loan acc no??"), [wallet, both])
    assert reading.kind == "answered" and "HL-4512-0931" in reading.answer


TWO_KARIMS = {
    "family.md": "# Family\n\n- Karim Khoury: my brother, in Dubai with Emirates Logistics.\n- Mona Khoury: Mama, in Beirut.\n",
    "flat.md": "# Flat\n\n- Installer: Karim Haddad, Haddad Installationen, did the bathroom in 2024.\n",
    "birthdays.md": "# Birthdays\n\n| who | date |\n|---|---|\n| Mona Khoury | 03/02/1958 |\n| Lukas Berger | 14/07/1990 |\n",
}


def test_two_namesakes_neither_with_the_asked_number_or_birthday_get_i_dont_know(tmp_path):
    from tests.agent.test_chat import engine_over

    notes = _notes(tmp_path, TWO_KARIMS)
    with engine_over(tmp_path, notes) as (eng, memory):
        for question in ("What is Karim's phone number?", "When is Karim's birthday?"):
            answer = eng.ask(question)
            assert answer.kind == "abstained" and "know" in answer.answer.lower(), (question, answer.answer)
        # Once one of them has a number, which one is meant matters again.
        (notes / "contacts.md").write_text("# Contacts\n\n- Karim Haddad: +43 1 555 0188\n")
        memory.index([notes])
        answer = eng.ask("What is Karim's phone number?")
        assert answer.kind == "ambiguous" and "Karim Khoury" in answer.answer and "Karim Haddad" in answer.answer


def test_a_namesake_called_by_title_and_given_name_is_read_by_the_full_name_in_brackets(tmp_path):
    """"**Bomi Irma** (Irma Hoscheit, Mamm's mother)": her birthday is kept under Irma Hoscheit."""
    from tests.agent.test_chat import engine_over

    notes = _notes(tmp_path, {
        "family.md": "# Family\n\n- **Bomi Irma** (Irma Hoscheit, Mamm's mother) lives at the Sonnenhof care home in Wiltz.\n"
                     "- **Bomi Germaine** (Germaine Kieffer, Raymond's mother) in Remich, still in her own house.\n",
        "birthdays.md": "# Birthdays\n\n| who | date |\n|---|---|\n| Germaine Kieffer | 11.01.1938 |\n| Irma Hoscheit | 04.04.1935 |\n"})
    with engine_over(tmp_path, notes) as (eng, _):
        assert eng._bracketed_full_name("Bomi Irma") == "Irma Hoscheit"
        assert eng._bracketed_full_name("Bomi Karl") is None
        # Asked back by the names the birthdays list knows them by.
        answer = eng.ask("When is Bomi's birthday?")
        assert answer.kind == "ambiguous" and "Irma Hoscheit" in answer.answer and "Germaine Kieffer" in answer.answer


def test_someone_who_stepped_down_is_no_longer_the_answer():
    from agent.reader_versions import retired

    page = hit("The administrator of the building (administratori i pallatit) is Ilir Gjoka from Shkalla 2.", line=12,
               path="/notes/manuali/shtepia.texi", topic="Pallati")
    diary = hit("Mbledhja e banoreve (residents' meeting): Ilir Gjoka stepped down, the new administrator is Dritan Muca "
                "from Shkalla 1.", line=40, rank=1, path="/notes/manuali/ditari-2026.texi", topic="14 October 2026")
    assert retired(diary.text, "Ilir Gjoka") and retired("Our treasurer Besa Hoxha resigned in May.", "Besa Hoxha")
    assert not retired("Ilir Gjoka is great, he never stepped down.", "Ilir Gjoka")
    reading = Reader(overlap_model(pallatit=2.0)).read("Who is the administrator of our building now?", [page, diary])
    assert reading.kind == "answered" and reading.statement.id == diary.id and "Dritan Muca" in reading.answer


def test_two_bullets_under_a_plural_heading_of_the_asked_relative_are_two_to_ask_about():
    fam = dict(path="/notes/pages/family.md", topic="Grandmothers")
    shaikha = hit("Grandmothers: Jaddah Shaikha – my father's mother, 88, lives with my aunt in Ibri.", line=28, **fam)
    thuraya = hit("Grandmothers: Jaddah Thuraya – Maryam's grandmother, lives in Sur near the dhow yard, sharp as ever.",
                  line=29, rank=1, **fam)
    reading = Reader(overlap_model()).read("Where does my grandmother live?", [shaikha, thuraya])
    assert reading.kind == "ambiguous" and "Jaddah Shaikha" in reading.answer and "Jaddah Thuraya" in reading.answer
    # One grandmother under the heading is the one asked of.
    reading = Reader(overlap_model()).read("Where does my grandmother live?", [shaikha])
    assert reading.kind == "answered" and "Ibri" in reading.answer


def test_a_readme_line_that_says_what_a_file_holds_is_no_answer():
    index = hit("HOGAR-salud.xml: EPS, médicos, citas", line=11, path="/notes/LEEME.txt", topic="")
    moved = hit("Pedí traslado de EPS a SURA (la red de Sanitas en Envigado está pésima).", line=45, rank=1,
                path="/notes/HOGAR-salud.xml", topic="[HOGAR-50] Salud - EPS, médicos")
    reading = Reader(overlap_model(leeme=3.0, hogar=3.0)).read("Which EPS are we with?", [index, moved])
    assert reading.kind == "answered" and reading.statement.id == moved.id
    # A file's name as the heading a line sits under is no such line: "life.md: 6. Work: ..." answers.
    page = hit('life.md: 6. Work: Laptop: MacBook Pro 14", asset tag TW-LAP-0417.', line=6, path="/notes/life.md", topic="life.md")
    page.source = '6. Work: Laptop: MacBook Pro 14", asset tag TW-LAP-0417.'
    reading = Reader(overlap_model()).read("What is TW-LAP-0417?", [page])
    assert reading.kind == "answered" and "MacBook" in reading.answer


def test_grandmothers_called_by_the_notes_own_word_are_two_to_ask_about():
    rosaria = hit("Family: Nanna Rosaria (missieri's mother), 90, in Victoria, Gozo.", line=45, path="/notes/karl.7", topic="Family")
    concetta = hit("Family: Rebekah's nanna Concetta, 85, lives with them in Zejtun.", line=57, rank=1, path="/notes/karl.7",
                   topic="Family")
    reading = Reader(overlap_model()).read("When is nanna's birthday?", [rosaria, concetta])
    assert reading.kind == "ambiguous" and "Rosaria" in reading.answer and "Concetta" in reading.answer
    felipa = hit("awichas: Awicha Felipa, Ramiro's awicha, in El Alto.", line=85, path="/notes/zulip.json", topic="awichas")
    basilia = hit("awichas: Awicha Basilia, my awicha (Basilia Condori, tayka's mother), in Achacachi.", line=85, rank=1,
                  path="/notes/zulip2.json", topic="awichas")
    reading = Reader(overlap_model()).read("When is awicha's birthday?", [felipa, basilia])
    assert reading.kind == "ambiguous" and "Felipa" in reading.answer and "Basilia" in reading.answer


def test_relatives_called_by_the_notes_own_title_are_asked_about():
    uncles = [hit("Your side (Zomba): Malume Blessings - amayi's older brother, in Mzuzu.", line=20, path="/notes/family.pmwiki"),
              hit("Your side (Zomba): Malume Kumbukani - amayi's younger brother, in Kasungu.", line=21, rank=1,
                  path="/notes/family.pmwiki")]
    reading = Reader(overlap_model()).read("Where does malume live?", uncles)
    assert reading.kind == "ambiguous" and "Malume Blessings" in reading.answer and "Malume Kumbukani" in reading.answer
    # Named, the title says which: "Where does malume Blessings live?" is Blessings.
    reading = Reader(overlap_model()).read("Where does malume Blessings live?", uncles)
    assert reading.kind == "answered" and "Mzuzu" in reading.answer


def test_a_title_typed_in_lower_case_still_finds_both_so_called(tmp_path):
    """"gogo's birthday" where the notes write "Gogo Thembekile" and "gogo Makhosazana": not read as
    the one written in lower case."""
    from tests.agent.test_chat import engine_over

    notes = _notes(tmp_path, {
        "family.md": "# Family\n\n- Gogo Thembekile never adds sugar to her emasi.\n- Buy gogo Makhosazana a blanket before winter.\n",
        "birthdays.md": "# Birthdays\n\n- Gogo Makhosazana: 1938-05-30\n- Gogo Thembekile: 1941-10-12\n",
        "contacts.md": "# Contacts\n\n- Makhosazana Dlamini: +268 7600 1234\n"})
    with engine_over(tmp_path, notes) as (eng, _):
        assert eng._titled("gogo") is None
        answer = eng.ask("When is gogo's birthday?")
        assert answer.kind == "ambiguous" and "Thembekile" in answer.answer and "Makhosazana" in answer.answer


def test_one_grandmother_written_with_a_possessive_is_still_one(tmp_path):
    from tests.agent.test_chat import engine_over

    notes = _notes(tmp_path, {
        "journal.md": "# January\n\nBabcia Halina's 92nd birthday. Drove to Nowy Sącz after work.\n\nCalled babcia Halina on the landline.\n",
        "people.md": "# Ludzie\n\n- Halina Mróz - 18 555 30 27 - Nowy Sącz, ul. Kraszewskiego 21/4.\n"})
    with engine_over(tmp_path, notes) as (eng, _):
        assert eng._titled("babcia") == "Halina Mróz"
