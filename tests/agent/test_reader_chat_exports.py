"""Messages of a chat export as memory writes them ("2026-05-16: 09:00 Full Name: text", the
user's own without a name): who wrote a message is no value it gives, and what someone else
writes of themselves ("We move!! New address: ...") is theirs, not the user's. Cover that runs
"to" a day is insurance. All examples made up; driven by the word-overlap scorer of test_reader.py."""
from __future__ import annotations

from agent.reader import Reader, _terms_of
from agent.reader_question import typed_values
from agent.reader_text import stem
from tests.agent.test_reader import hit, overlap_model


def test_who_wrote_a_message_is_no_name_it_gives():
    post = "2026-05-16: 09:00 Marisol Chan: Ana read the whole book to Ms. Usher today"
    assert typed_values(post, "name", "whats the name of anas teacher") == ["Ms. Usher"]
    # A phone number in the message is still its phone number.
    assert typed_values("2026-05-16: 09:00 Marisol Chan: my new number 610-4411", "phone") == ["610-4411"]


def test_what_someone_else_writes_of_themselves_is_not_the_users():
    mine = hit("2025-01-04: 09:00 Address for forms: #3 Orchid Street, Belmopan.", line=4, rank=1,
               path="/notes/slack/general/2025-01-04.json")
    theirs = hit("2026-01-25: 16:20 Dalia Coye: We move!! New address: Hopkins, by the drum school.", line=8, rank=0,
                 path="/notes/slack/fam-news/2026-01-25.json")
    reading = Reader(overlap_model()).read("What is our home address?", [theirs, mine])
    assert reading.kind == "answered" and "Orchid Street" in reading.answer
    # Asked of her by name, her message answers.
    assert "Hopkins" in Reader(overlap_model()).read("What is Dalia's new address?", [theirs, mine]).answer


def test_cover_that_runs_to_a_day_is_insurance():
    assert stem("insurance") in _terms_of(hit("2026-10-07: 12:20 Renewal came: $1,395 for the year. Sorento covered to Oct 2027."))
    assert stem("insurance") not in _terms_of(hit("We covered 20 km today."))
    renewal = hit("2026-10-07: 12:20 RF&G renewal came: $1,395 for the year now, paid it anyway. Sorento covered to Oct 2027.",
                  path="/notes/slack/vehicles/2026-10-07.json")
    reading = Reader(overlap_model()).read("How much is the Sorento insurance for the year?", [renewal])
    assert reading.kind == "answered" and "$1,395" in reading.answer


def test_a_channel_heading_is_no_name_a_message_gives():
    post = hit("2026-04-13: 09:00 Called Tia Rosa, she better. She house phone 422-3067.", line=5, rank=0,
               path="/notes/slack/fam-news/2026-04-13.json", topic="#fam-news")
    there = hit("2026-04-12: 18:30 Marisol Chan: Tia Rosa in Corozal sick, pray for her", line=5, rank=1,
                path="/notes/slack/fam-news/2026-04-12.json", topic="#fam-news")
    reading = Reader(overlap_model()).read("Where does Tia Rosa live?", [post, there])
    assert reading.kind == "answered" and "Corozal" in reading.answer


def test_our_inside_a_name_stays_when_a_line_is_turned_to_face_the_user():
    from agent.reader_text import face_user
    assert face_user("Ana Std 1 at Our Lady of Guadalupe RC, teacher Ms. Usher.") == "Ana Std 1 at Our Lady of Guadalupe RC, teacher Ms. Usher."
    assert face_user("We went to Our house.") == "You went to your house."


def test_a_birthdays_list_names_whose_birthday_each_line_is():
    mine = hit("Me: Dana Marie Cho (born Pech), DOB 19/03/1988, Belize City", line=4, rank=2, path="/notes/numbers.md")
    hers = hit("Birthdays: Shanelle - 23 Dec", line=29, rank=0, path="/notes/numbers.md")
    his = hit("Birthdays: Marvin C. - 14 Feb", line=27, rank=1, path="/notes/numbers.md")
    reading = Reader(overlap_model()).read("when is my birthday?", [hers, his, mine])
    assert reading.kind == "answered" and "19/03/1988" in reading.answer


def test_the_card_that_says_it_is_mine_answers_my_number_among_others_cards():
    cards = [
        hit("Dana Cho (me): Phone: 622-4187", line=13, rank=0, path="/notes/slack/users.json", fields={"Phone": "622-4187"},
            topic="people of this workspace > Dana Cho (me)"),
        hit("Tomas Cho: Phone: 610-3395", line=30, rank=1, path="/notes/slack/users.json", fields={"Phone": "610-3395"},
            topic="people of this workspace > Tomas Cho"),
        hit("Rita Coye: Phone: 667-5021", line=46, rank=2, path="/notes/slack/users.json", fields={"Phone": "667-5021"},
            topic="people of this workspace > Rita Coye"),
    ]
    reading = Reader(overlap_model()).read("what is my phone number", cards)
    assert reading.kind == "answered" and "622-4187" in reading.answer
