"""Questions typed in other words than the notes: lower case, shorthand, words written two ways."""
from __future__ import annotations

from agent.reader import Reader
from agent.reader_text import content_words, stem
from tests.agent.test_reader import hit, overlap_model

def test_a_word_written_with_and_without_its_hyphen_is_one_word():
    assert stem("Wi-Fi") == stem("wifi") == stem("WiFi")
    assert stem("e-mail") == stem("email")
    assert "wifi" in {stem(w) for w in content_words("Wi-Fi: Fernhill_5G / moss-kettle-7")}
    assert stem("re-") != stem("re")  # no word after the hyphen: left as it was
    assert stem("well-known") == "well-"  # a longer first part is a compound, not one word


def test_shorthand_for_password_and_sister():
    assert stem("pw") == stem("password") == stem("pwd")
    assert stem("sis") == stem("sister")
    assert stem("sis's") == stem("sister")


def test_a_lower_case_question_takes_the_line_that_says_more_of_it():
    # "kestrel oil?": no word is marked as a name, so every line about the Kestrel seems to answer,
    # and the scorer likes the garage line; the line that also says oil answers.
    statements = [
        hit("Kestrel (mine): Service: Dyfed Motors - our garage since 2019, cash only.", rank=0),
        hit("Kestrel notes: Oil: 5W-30, 4.2 l", line=2, rank=1),
    ]
    reading = Reader(overlap_model(dyfed=3.0)).read("kestrel oil?", statements)
    assert reading.kind == "answered" and reading.statement.line == 2, reading.answer
    assert "5W-30" in reading.answer


def test_a_fuller_line_without_a_value_of_its_own_does_not_win():
    # The diary line says "years" and "married" but its only date is its heading's (the day it was
    # written); the line with the wedding date answers "what year did we get married".
    statements = [
        hit("We got married on 22 May 2012 in the courtyard behind the church.", rank=0, path="/notes/2026-01-04.md",
            topic="Sunday, 4 January 2026"),
        hit("Fourteen years married today.", line=3, rank=1, path="/notes/2026-05-22.md", topic="Friday, 22 May 2026"),
    ]
    reading = Reader(overlap_model(courtyard=2.0)).read("what year did we get married", statements)
    assert reading.kind == "answered" and "2012" in reading.answer, reading.answer


def test_a_word_typed_one_letter_off_is_the_word():
    # "adress", "numbr": the line that says "address" covers the question.
    statements = [
        hit("Tue 09/06 Harwich: wine + pastries for Orrin 14,30 €", rank=0),
        hit("Orrin Vale: address (home): 4 Quay Lane, Harwich", line=2, rank=1),
    ]
    reading = Reader(overlap_model(pastries=3.0)).read("orrins adress in harwich", statements)
    assert reading.statement.line == 2, reading.answer
    # A changed letter in a short word is another word: "horse" is no "house".
    from agent.reader import misspelt
    from agent.reader_question import analyse
    assert misspelt(analyse("where is my horse"), "The house is red") == set()
    assert misspelt(analyse("kasambahay mumber pls"), "Relation: kasambahay; Number: 0917 555 0100") == {stem("mumber")}
    # ("numbr", the common slip, is read as "number" before any line is seen.)
    assert stem("number") in analyse("kasambahay numbr pls").terms


def test_meds_are_medication():
    assert stem("meds") == stem("medication")


def test_a_possessive_typed_without_its_apostrophe_is_not_the_answer():
    # "whats bramble's vet called" typed "brambles vet": Bramble is who is asked about, not the vet.
    from agent.reader_question import typed_values
    q = "whats brambles vet called again"
    assert typed_values("Bramble's vet recheck: 5.1 kg now", "name", exclude=q) == []
    assert typed_values("Bramble: vet: Northside Animal Clinic", "name", exclude=q) == ["Northside Animal Clinic"]


def test_a_newer_version_still_beats_a_fuller_older_line():
    # The first notice says "training" and "starts"; the newer one moves it and says only "training".
    statements = [
        hit("2026-10-13: Welcome, families! Training starts Tuesdays at 5:15pm at Fleming Park.", rank=0),
        hit("2026-11-10: From next week training moves to Thursdays 5:30pm, same spot.", line=2, rank=1),
    ]
    reading = Reader(overlap_model(fleming=1.0)).read("what time does training start", statements)
    assert "5:30pm" in reading.answer, reading.answer


def test_a_time_phrase_does_not_make_a_line_fuller():
    # "these days" asks for now; "140 g a day" does not say more of the question than the weight.
    statements = [
        hit("Pip: Weight: 19.5 kg (last weigh-in at the vet, August)", rank=0),
        hit("Pip: Food: 2 x 140 g a day, the salmon kibble.", line=2, rank=1),
    ]
    reading = Reader(overlap_model(weight=2.0)).read("hows heavy is pip these days", statements)
    assert "19.5 kg" in reading.answer, reading.answer


def test_the_words_of_a_question_typed_in_a_hurry_say_nothing_of_what_is_asked():
    """"mums phone pls": "pls" is no word a line must hold (a haystack's "M3U & PLS playlists"
    shares it and nothing else); nor "wat" or "whos"."""
    assert content_words("mums phone pls") == {stem("mum"), stem("phone")}
    assert content_words("wat day does salary come in") == content_words("what day does salary come in")
    assert content_words("whos mums gp") == {stem("mum"), "gp"}
    mum = hit("Contacts: Mum: 052-555-4178", line=3, path="/notes/people.md")
    playlists = hit("Added M3U & PLS playlist formats (SHOUTcast PLS only partly) [FR# 1667341]", line=9, path="/notes/ref/NEWS")
    reading = Reader(overlap_model()).read("mums phone pls", [playlists, mum])
    assert reading.kind == "answered" and "052-555-4178" in reading.answer


def test_a_wifi_line_written_network_slash_password_gives_the_password():
    """"Wi-Fi: Kastanjen1103 / gul-tomat-88" is how a note keeps a network and its password; it
    answers "wifi pw at home?" though it never says "password", over a changelog that does."""
    wifi = hit("Lägenheten: Wi-Fi: Kastanjen1103 / gul-tomat-88", line=12, path="/notes/hem.md")
    changelog = hit("0.13.0 (2017-10-01): Process passwords without user names (#95)", line=40, path="/notes/ref/CHANGES")
    for question in ("wifi pw at home?", "wats the wifi password at the flat"):
        reading = Reader(overlap_model()).read(question, [changelog, wifi])
        assert reading.kind == "answered" and "gul-tomat-88" in reading.answer, question
    # A line that names a network only is no password.
    only = hit("Lägenheten: Wi-Fi: Kastanjen1103", line=12, path="/notes/hem.md")
    assert "Kastanjen1103" not in Reader(overlap_model()).read("wifi pw at home?", [changelog, only]).answer
    # "NAME, password SECRET": the code right after the asked word is the one asked.
    named = hit("Internet: Wi-Fi: Yusupovlar_5G, password Bodomzor57kv", line=21, path="/notes/home.md")
    for question in ("What is the wifi password?", "What is the home Wi-Fi password?"):
        reading = Reader(overlap_model()).read(question, [named])
        assert reading.kind == "answered" and reading.value == "Bodomzor57kv", question


def test_a_thing_typed_one_letter_off_is_what_the_line_speaks_of():
    # "pasport": the line's "Passport" is what the question asks of, not something else that expires.
    statements = [hit("Wara: Passport: 09184472, valid until 30/01/2032.", rank=0),
                  hit("Wara: CI (cedula de identidad): 6078412 LP, valid until 12/08/2030.", line=2, rank=1)]
    for question in ("when does my pasport expire", "wen does my pasport expire"):
        reading = Reader(overlap_model()).read(question, statements)
        assert reading.kind == "answered" and "30/01/2032" in reading.answer, (question, reading.answer)


def test_where_and_how_typed_in_a_hurry():
    from agent.reader_question import analyse
    assert analyse("wher do i take the cars for service").text.startswith("where do i")
    assert analyse("whers the spare key").text.startswith("where's the")
    assert analyse("hw much do we pay the gardner each time").want == "money"
    assert analyse("Wherever is the key?").text.startswith("Wherever")  # a word, not a typo
    # "rn" is right now: the current value is asked; "RN" (a nurse) is not.
    assert analyse("what am i reading rn").now and "rn" not in analyse("what am i reading rn").terms
    assert not analyse("Who is the RN on the ward?").now


def test_a_word_the_notes_write_as_asked_is_no_typo_of_another():
    # "chilimba" (a savings group) is written so in the notes: it is not Mr Chilemba one letter off.
    statements = [hit("Mr Chilemba came with the renewal letter: from 01/11/2026 the rent is MK720,000 a month.", rank=0,
                      path="/notes/journal/2026-10-06.md"),
                  hit("Chilimba: Monthly savings group with five friends from church: MK100,000 each.", line=11, rank=1,
                      path="/notes/money.md", topic="Chilimba")]
    notes = [s.text for s in statements]
    reader = Reader(overlap_model(rent=3.0), mentions=lambda w: [t for t in notes if w.lower()[:5] in t.lower()])
    reading = reader.read("how much do i put in the chilimba each month", statements)
    assert reading.kind == "answered" and "MK100,000" in reading.answer, reading.answer
    from agent.reader import misspelt
    from agent.reader_question import analyse
    info = analyse("how much do i put in the chilimba each month")
    assert misspelt(info, statements[0].text) == {stem("chilimba")}  # one letter off, when nothing says it as asked
    assert misspelt(info, statements[0].text, known=lambda w: w == "chilimba") == set()


def test_a_policy_codes_digits_are_no_phone_number_of_the_person_it_names():
    """"maryams number?": a line about her car's insurance names her and ends in "policy
    MV-26-0883412"; the digits after the code's letters are no phone number, so her contact
    line's mobile is the answer."""
    statements = [hit("Maryam shopped around: the Pajero is now insured with Liva Insurance (policy MV-26-0883412, from 5 December).",
                      line=3, rank=0, path="/notes/cars.md"),
                  hit("Name: Maryam Al-Rawahi; Mobile: 9921 4470", line=9, rank=1, path="/notes/people.md")]
    reading = Reader(overlap_model(pajero=1.0)).read("maryams number?", statements)
    assert reading.kind == "answered" and "9921 4470" in reading.answer


def test_an_ip_address_a_codes_tail_or_a_spaced_day_is_no_phone_number():
    from agent.reader_text import phones
    assert phones("Ugyen can read it on the home network at http://192.168.1.20:3000.") == []
    assert phones("Name: Ugyen Tenzin; Phone: 17 61 2284") == ["17 61 2284"]
    assert phones("policy MV-26-0883412, from 5 December") == []
    assert phones("new tenant Lara, pogodba from 1. 10. 2026, 650 € / month") == []  # a day spaced as Slovenes write it
