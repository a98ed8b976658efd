"""A relative's partner named under the relative's heading is not the relative: "## Brother /
Tomasz. His wife Anna Kowalczyk is a nurse." All examples made up; driven by the word-overlap
scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_kin import partners_named
from tests.agent.test_reader import hit, overlap_model


def test_a_partner_named_after_his_or_her_is_not_the_relative_asked_of():
    line = "His wife Anna Kowalczyk is a nurse."
    assert partners_named(line, ["Anna Kowalczyk"], "brother") == ["Anna Kowalczyk"]
    assert partners_named("Ewa Nowak, lives in Lublin with her husband Piotr Nowak.", ["Ewa Nowak", "Piotr Nowak"], "sister") == ["Piotr Nowak"]
    # Hungarian writes "his fiancée" as one word before her name, read into it; her nickname in
    # brackets is hers too.
    assert partners_named("Menyasszonya Molnár Dóra (Dóri) -- esküvő 2026 szeptemberében.",
                          ["Menyasszonya Molnár Dóra", "Dóri"], "brother") == ["Menyasszonya Molnár Dóra", "Dóri"]


def test_partners_stay_for_relatives_made_through_them_or_when_the_partner_is_asked():
    line = "His wife Anna Kowalczyk is a nurse."
    # A brother's wife is a sister-in-law; a father's wife may be the mother; the wife asked is the wife.
    assert partners_named(line, ["Anna Kowalczyk"], "sister-in-law") == []
    assert partners_named(line, ["Anna Kowalczyk"], "mother") == []
    assert partners_named("My wife Anna Kowalczyk is a nurse.", ["Anna Kowalczyk"], "wife") == []
    # A child is no partner: "her son Kuba" may be a brother.
    assert partners_named("Mama: Rosa. Her son Kuba lives in Rome.", ["Kuba"], "brother") == []
    assert partners_named(line, ["Anna Kowalczyk"], None) == []


def test_who_is_my_brother_skips_his_wife():
    lines = [hit("Brother: His wife Anna Kowalczyk is a nurse.", line=4, rank=0, path="/notes/family.md", topic="Brother"),
             hit("Brother: Tomasz.", line=4, rank=1, path="/notes/family.md", topic="Brother")]
    reading = Reader(overlap_model()).read("Who is my brother?", lines)
    assert reading.kind == "answered" and "Tomasz" in reading.answer and "Anna" not in reading.answer


def test_a_relative_named_once_by_the_relation_is_the_one_a_later_line_names():
    from agent.reader_kin import named_kin

    lines = [hit("My brother Tomasz living in Gdansk now, he works at the shipyard."), hit("Bada Jan (Pa big brother) - Sopot.")]
    assert named_kin("brother", lines) == "Tomasz"
    assert named_kin("brother", [hit("Tomasz Wójcik, my brother, lives in Gdansk")]) == "Tomasz"
    assert named_kin("brother", [hit("Tomasz Wójcik, lives in Gdansk.", topic="Brother")]) == "Tomasz"
    # Two brothers named so, an in-law, or a relation the rule does not cover: nobody.
    assert named_kin("brother", [hit("My brother Tomasz lives here."), hit("My older brother Jan too.")]) is None
    assert named_kin("brother", [hit("My brother-in-law Piotr")]) is None
    assert named_kin("brother", [hit("Piotr Nowak, lives in Lublin.", topic="Brother-in-law")]) is None
    assert named_kin("uncle", [hit("My uncle Jan")]) is None


def test_where_my_brother_lives_follows_him_by_name_to_his_move():
    lines = [hit("My brother Tomasz living in Gdansk now, he works at the shipyard.", line=5, rank=0,
                 path="/notes/2026-02-08.md", topic="family"),
             hit("Tomasz moved to Krakow for good, got a job at the hospital.", line=3, rank=1,
                 path="/notes/2026-09-13.md", topic="Tomasz")]
    reading = Reader(overlap_model()).read("Where does my brother live?", lines)
    assert reading.kind == "answered" and "Krakow" in reading.answer


def test_grandmothers_and_uncles_told_by_a_parent_without_the_possessive():
    from agent.reader import _by_parent

    # Guyanese Creolese leaves out the "'s"; Samoan notes say Tinā and Tamā.
    assert _by_parent("grandmother", ["family: Aji Devi (Pa mother) - Berbice", "family: Nanie Rita (Mai mother) - Linden"]) == [
        "Aji Devi", "Nanie Rita"]
    assert _by_parent("uncle", ["Family: Uncle Sione Tui (Tamā's younger brother) - Apia", "Family: Uncle Paulo Lemi (Tinā's brother) - Savai'i"]) == [
        "Uncle Sione Tui", "Uncle Paulo Lemi"]
    reading = Reader(overlap_model()).read("Where does my grandmother live?", [
        hit("family: Aji Devi (Pa mother) - Berbice, still cooking for everybody.", line=7, rank=0, topic="family"),
        hit("family: Nanie Rita (Mai mother) - Linden.", line=8, rank=1, topic="family")])
    assert reading.kind == "ambiguous" and reading.options == ["Aji Devi", "Nanie Rita"]


def test_the_one_rented_from_is_the_landlord():
    lines = [hit("Home: Renting the house in Vaitele from Sione Tui (the blue house behind his shop).", line=3, rank=0, topic="Home"),
             hit("Home: Rent: WS$1,450.00 a month, pay on the 1st into his bank.", line=4, rank=1, topic="Home")]
    reading = Reader(overlap_model()).read("Who is my landlord?", lines)
    assert reading.kind == "answered" and reading.answer.startswith("Sione Tui")
    # A dollar's country letters are no name: "WS$1,450.00" names nobody "WS".
    from agent.reader_text import names
    assert names("Rent: GY$85,000 a month") == ["Rent"]


def test_samoan_and_indo_caribbean_family_words_are_glossed():
    from memory.gloss import english_for

    assert {"brother"} <= english_for("My uso Ioane") and "sister" in english_for("My tuafafine Lusia")
    assert "grandmother" in english_for("Tinamatua Tausala") and "grandmother" in english_for("Aji Devi")
    assert "uncle" in english_for("Mamu Ramesh") and "church" in english_for("lotu at EFKS")
    # "Tinā" and "Tamā" are the parents by their macron; "Tina" is a name.
    assert "mother" in english_for("Tinā: 776 2093") and "father" in english_for("Tamā holds our title")
    assert not english_for("Tina called about the party")


def test_a_best_mate_is_a_best_friend():
    lines = [hit("Family: Leota Mulitalo - my best mate since primary school", line=13, rank=0, topic="Family"),
             hit("Family: Siaosi Vaai - cuts my hair at Savalalo", line=14, rank=1, topic="Family")]
    reading = Reader(overlap_model()).read("Who is my best friend?", lines)
    assert reading.kind == "answered" and "Leota Mulitalo" in reading.answer
    # A team mate or a flatmate is no friend said so.
    from agent.reader import _BEST_MATE
    assert not _BEST_MATE.search("my team mate Jo") and not _BEST_MATE.search("flatmate: Jo")


def test_a_mother_said_in_another_language_is_not_the_mother_in_law():
    lines = [hit("Tinā's new number: 758 3316.", line=1, path="/notes/2026-08-09.md"),
             hit("Contacts: Tinā: 776 2093", line=4, path="/notes/contacts.md", topic="Contacts")]
    assert Reader(overlap_model()).read("What's my mother-in-law's phone number?", lines).kind == "abstained"
    reading = Reader(overlap_model()).read("What's my mum's phone number?", lines)
    assert reading.kind == "answered" and "758 3316" in reading.answer
    # A line that says the in-law still answers.
    lines = [hit("Mother-in-law: Rita Kowalska, 601 555 111", line=1, path="/notes/family.md"), hit("Mum: 776 2093", line=4, path="/notes/contacts.md")]
    reading = Reader(overlap_model()).read("What's my mother-in-law's phone number?", lines)
    assert reading.kind == "answered" and "601 555 111" in reading.answer


def test_who_someone_is_is_not_their_line_in_a_contacts_list():
    lines = [hit("contacts: Dhanraj Seepaul - 610-7724", line=8, path="/notes/contacts.txt", topic="contacts"),
             hit("Renting the bottom flat from Mr. Dhanraj Seepaul, Lot 112 Jhagroo Street, Eccles.", line=13, path="/notes/home.txt")]
    reading = Reader(overlap_model()).read("Who is Dhanraj Seepaul?", lines)
    assert reading.kind == "answered" and "Renting" in reading.answer


def test_an_in_law_glossed_whole_is_said():
    from agent.reader_question import says_kind

    # French "beau-frère" is a brother-in-law; its words apart are only "beau" and "frère" (brother).
    assert says_kind("Notes: beau-frère (frère de Malik), Montréal", "brother-in-law")
    assert not says_kind("Notes: frère de Malik, Montréal", "brother-in-law")


def test_a_grandmother_asked_by_the_notes_own_word_for_her_is_asked_back_when_two_are_called_so():
    """"tatik Gayane" and "tatik Hasmik" (Armenian for grandmother): "tatik's phone number" asks
    which; asked by her name, or with one tatik in the notes, it is answered."""
    gayane = hit("Family: tatik Gayane (mobile) - 077 555 132", line=9, path="/notes/contacts.md", topic="Family")
    hasmik = hit("Family: tatik Hasmik - 094 555 287 (Vanadzor)", line=10, rank=1, path="/notes/contacts.md", topic="Family")
    reading = Reader(overlap_model()).read("What is tatik's phone number?", [gayane, hasmik])
    assert reading.kind == "ambiguous" and "Gayane" in reading.answer and "Hasmik" in reading.answer
    reading = Reader(overlap_model()).read("What is tatik Hasmik's phone number?", [gayane, hasmik])
    assert reading.kind == "answered" and "094 555 287" in reading.answer
    reading = Reader(overlap_model()).read("What is tatik's phone number?", [gayane])
    assert reading.kind == "answered" and "077 555 132" in reading.answer


def test_a_grandmother_asked_by_one_languages_word_is_not_the_one_called_by_anothers():
    """"babka Anna" (Slovak) and "Baba Mila" (the Serbian side): "babka's" asks of Anna alone, while
    "grandma's" may mean either. "nenek esah tinggal di mana" names her, in lower case."""
    anna = hit("babka Anna turns 90 in November, party in Nitra.", line=3, path="/notes/family.md")
    mila = hit("Baba Mila lives in Novi Sad with deda.", line=4, rank=1, path="/notes/family.md")
    assert Reader(overlap_model()).read("Where does babka live?", [anna, mila]).kind != "ambiguous"
    reading = Reader(overlap_model()).read("Where does grandma live?", [anna, mila])
    assert reading.kind == "ambiguous" and "Anna" in reading.answer and "Mila" in reading.answer
    esah = hit("Nenek & Pakcik: Nenek Esah (mak Ayah) - Kampong Keriam, Tutong.", line=5, path="/notes/keluarga.md")
    timah = hit("Nenek Timah (mak Ibu) - Seria.", line=6, rank=1, path="/notes/keluarga.md")
    assert Reader(overlap_model()).read("where does nenek live", [esah, timah]).kind == "ambiguous"
    reading = Reader(overlap_model()).read("nenek esah tinggal di mana", [esah, timah])
    assert reading.kind == "answered" and "Kampong Keriam" in reading.answer
