"""Grounded chat with the real bundled GGUF model over a real chromadb index of the demo notes."""
import contextlib
import shutil
import threading
from pathlib import Path

import pytest

from agent.chat import DONT_KNOW, NO_QUESTION, ChatEngine
from agent.config import Home
from agent.llm import GGUF_TEMPLATE
from agent.reader_text import unsupported


def lines_of(path: str, first: int, last: int) -> str:
    return " ".join(Path(path).read_text(encoding="utf-8").splitlines()[first - 1 : last])


def cited_text(answer) -> str:
    return lines_of(answer.citation.path, answer.citation.line, answer.citation.end_line)


def assert_honest(answer):
    """Either an honest refusal, or every value of the answer is on the lines it cites."""
    if answer.kind == "abstained":
        assert answer.citation is None and answer.sources == []
        return
    cited = " ".join(lines_of(s.path, s.start_line, s.end_line) for s in answer.sources)
    assert answer.sources and (answer.kind == "ambiguous" or answer.citation is not None)
    assert unsupported(answer.answer, cited) == [], answer.answer


@pytest.fixture(scope="session")
def engine(tmp_path_factory, demo_notes):
    from agent.chat import open_memory

    home = Home(tmp_path_factory.mktemp("chat-home")).ensure()
    settings = home.load_settings()
    settings.notes_dirs = [str(demo_notes)]
    memory = open_memory(home, settings)
    memory.index([demo_notes])
    eng = ChatEngine(home, settings, memory=memory)
    yield eng
    memory.close()


def test_answer_comes_from_the_notes_with_sources(engine):
    tokens = []
    answer = engine.ask("What is my cat's name?", on_token=tokens.append)
    assert "biscuit" in answer.answer.lower()
    assert answer.kind == "answered"
    assert "".join(tokens).strip() == answer.answer  # streamed pieces make up the answer
    cited = [s.path for s in answer.sources]
    assert any(p.endswith("home/biscuit.md") or p.endswith("about-me.md") for p in cited)
    for s in answer.sources:
        assert 1 <= s.start_line <= s.end_line
    assert "Biscuit" in cited_text(answer)  # the cited line itself holds the answer
    assert_honest(answer)
    assert set(answer.timings_ms) == {"retrieve", "first_token", "total"}
    assert answer.timings_ms["retrieve"] <= answer.timings_ms["first_token"] <= answer.timings_ms["total"]


def test_prompt_uses_the_chat_template_stored_in_the_gguf(engine):
    """llama-cpp-python would otherwise swap in a built-in format guessed from the metadata."""
    import jinja2
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    llm = engine.model.llama
    assert llm.chat_format == GGUF_TEMPLATE
    template = llm.metadata["tokenizer.chat_template"]
    messages = engine.build_messages("Who is my manager?", engine.memory.search("Who is my manager?", k=2), "rag")
    formatter = Jinja2ChatFormatter(template=template, eos_token="<|im_end|>", bos_token="<|im_start|>")
    prompt = formatter(messages=messages).prompt
    assert prompt == jinja2.Template(template).render(messages=messages, add_generation_prompt=True)
    assert prompt.startswith("<|im_start|>system\nYou are anima")  # our system prompt, in SmolLM2's ChatML


def test_a_wrong_template_gives_a_wrong_answer_where_the_right_one_succeeds(engine):
    """The same grounded messages, rendered as Llama-2 [INST] text instead of the GGUF's ChatML.

    The last message is the one with the notes and the question (a worked example may precede it)."""
    question = "Who is my manager?"
    messages = engine.build_messages(question, engine.memory.search(question, k=engine.settings.memory.k), "rag")
    right = engine.model.llama.create_chat_completion(messages=messages, max_tokens=48, temperature=0)
    assert "joost" in right["choices"][0]["message"]["content"].lower()
    wrong_prompt = f"[INST] <<SYS>>\n{messages[0]['content']}\n<</SYS>>\n\n{messages[-1]['content']} [/INST]"
    wrong = engine.model.llama.create_completion(wrong_prompt, max_tokens=48, temperature=0)["choices"][0]["text"]
    assert "joost" not in wrong.lower() or "<|im_end|>" not in wrong


def test_unrelated_question_gets_i_dont_know_without_inventing(engine):
    answer = engine.ask("What is the torque spec for a Boeing 747 landing gear bolt?")
    assert answer.answer == DONT_KNOW
    assert answer.sources == []


def test_a_value_the_notes_do_not_hold_is_not_invented(engine):
    # The notes give Ravi's and Owen's birthdays and Theo's birth date, not Ilse's.
    answer = engine.ask("When is Ilse's birthday?")
    assert answer.answer == DONT_KNOW


def test_a_follow_up_resolves_she_from_the_previous_turn(engine):
    first = engine.ask("What is my cat called?")
    assert "Biscuit" in first.answer
    follow = engine.ask("What colour is he?", history=[("What is my cat called?", first.answer)])
    assert "ginger" in follow.answer.lower()
    assert_honest(follow)
    # Without the conversation, "he" is nobody in particular.
    assert "ginger" not in engine.ask("What colour is he?").answer.lower()


def test_a_20000_character_question_is_truncated_not_a_crash(engine):
    question = ("Tell me about my cat. " * 1000)[:20000]
    answer = engine.ask(question)
    assert answer.answer  # something came back within the context window
    assert answer.timings_ms["total"] > 0
    assert_honest(answer)


def test_a_question_of_only_punctuation_says_so(engine):
    answer = engine.ask("?!... ¿¿ --")
    assert answer.answer == NO_QUESTION and answer.kind == "abstained"


def test_a_question_in_another_language_is_honest(engine):
    for question in ("Hoe heet mijn kat?", "我的猫叫什么名字？"):
        answer = engine.ask(question)
        assert answer.answer
        assert_honest(answer)


def test_an_answer_spanning_two_notes_is_honest(engine):
    """Who feeds the cat is in the journal, the cat's vet in biscuit.md: each part is answered
    from its own note and cited; never a made-up vet number."""
    answer = engine.ask("Who feeds Biscuit while we are away and what is the vet's phone number?")
    assert_honest(answer)
    assert "Ilse" in answer.answer and "555 0144" in answer.answer
    assert {Path(s.path).name for s in answer.sources} == {"journal-2026-11-10.md", "biscuit.md"}


@contextlib.contextmanager
def engine_over(tmp_path, notes: Path):
    """(engine, memory) over `notes`, indexed into a home of the test's own."""
    from agent.chat import open_memory

    home = Home(tmp_path / "home").ensure()
    settings = home.load_settings()
    memory = open_memory(home, settings)
    memory.index([notes])
    try:
        yield ChatEngine(home, settings, memory=memory), memory
    finally:
        memory.close()


def test_a_note_edited_between_two_turns_answers_from_the_new_text(tmp_path, demo_notes):
    notes = tmp_path / "notes"
    shutil.copytree(demo_notes, notes)
    with engine_over(tmp_path, notes) as (eng, memory):
        first = eng.ask("What is my dinghy called?")
        assert "Heron" in first.answer
        about = notes / "about-me.md"
        about.write_text(about.read_text().replace("*Heron*", "*Kestrel*"))
        memory.index([notes])
        again = eng.ask("What is it called again?", history=[("What is my dinghy called?", first.answer)])
        assert "Kestrel" in again.answer and "Heron" not in again.answer
        assert "Kestrel" in cited_text(again)


def test_a_follow_up_asking_something_new_gets_more_than_the_line_already_given(tmp_path):
    """"What is my dog called?" → the name line; "What colour is she?" must not repeat it when
    another line about Pepper holds more; asking the name again still gets the name."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "cat.md").write_text("# Cat\n\nOur cat is called Miso. Miso is a grey tabby cat who sleeps on the piano.\n")
    (notes / "dog.md").write_text("# Dog\n\nOur dog is called Pepper. Pepper is a black labrador who loves the beach.\n")
    with engine_over(tmp_path, notes) as (eng, _):
        first = eng.ask("What is my dog called?")
        assert "Pepper" in first.answer
        follow = eng.ask("What colour is she?", history=[("What is my dog called?", first.answer)])
        assert "black" in follow.answer and "black" in cited_text(follow)
        again = eng.ask("What is she called again?", history=[("What is my dog called?", first.answer)])
        assert "Pepper" in again.answer


def test_a_question_about_someone_described_by_a_clause_takes_two_hops(tmp_path):
    """"the friend who is looking after Momo" is named in the trip note; that friend's number is
    in the contacts table: the answer cites the number's row, and the trip line comes with it."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "trip.md").write_text("# Osaka trip\n\nFlights are booked for 19 December.\nMomo stays with Tova while we are away.\n")
    (notes / "contacts.csv").write_text("name,relation,mobile\nTova Lind,friend,+1 604 555 0184\nDr. Ingrid Halvorsen,vet,+1 604 555 0114\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What's the phone number of the friend who is looking after Momo?")
        assert "604 555 0184" in answer.answer and "0114" not in answer.answer
        assert answer.citation.path.endswith("contacts.csv") and "Tova" in cited_text(answer)
        assert "604 555 0184" in cited_text(answer)
        assert any(s.path.endswith("trip.md") for s in answer.sources)


def test_someone_named_by_a_role_is_found_then_asked_about_or_the_notes_do_not_say(tmp_path):
    """"the bowls club captain" is named in one note, her number is in the phone list; "my dad" is
    in the notes, his number is not: that is "I don't know", not the line that found him."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "club.md").write_text("# Bowls\n\nStan stood down and Brenda Kaye was voted in as captain of the bowls club.\n")
    (notes / "phones.txt").write_text("PHONE NUMBERS\nBrenda Kaye ........ 01632 960735\nStan Whitcombe ..... 01632 960190\n")
    (notes / "family.md").write_text("# Family\n\n- Dad: Kenji Sato, lives in Osaka with Mum.\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What's the phone number of the bowls club captain?")
        assert "01632 960735" in answer.answer and "960190" not in answer.answer
        assert answer.citation.path.endswith("phones.txt")
        assert eng.ask("What is my dad's phone number?").kind == "abstained"


def test_a_first_name_is_looked_up_whole_and_two_people_with_it_are_asked_about(tmp_path):
    """"Accountant: Ruth at Marsh & Patel" finds Ruth; her number is on the card headed "Ruth
    Marsh", which says "Ruth" nowhere near it. Two Lees (one card each) are two people."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "me.md").write_text("# Me\n\n- Accountant: Ruth at Marsh & Patel. Year end 28 Feb.\n- Bank: Starling.\n")
    (notes / "contacts.txt").write_text(
        "PEOPLE\n\nLee Whitfield\n    landlord of the shop. 0161 496 0902\n\nLee Barnes\n    Ace Heating, gas. 07700 900761\n\n"
        "Ruth Marsh\n    Marsh & Patel. 0161 496 0455. VAT quarters end Feb/May/Aug/Nov\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What's my accountant's phone number?")
        assert "0161 496 0455" in answer.answer and "0902" not in answer.answer
        # The second hop asks about her by the one full name the notes give; an ambiguous first
        # name stays as it is.
        assert eng._full_name("Ruth") == "Ruth Marsh" and eng._full_name("Lee") == "Lee"
        lee = eng.ask("what's Lee's phone number")
        assert lee.kind == "ambiguous" and "Lee Whitfield" in lee.answer and "Lee Barnes" in lee.answer


def test_someone_found_by_what_they_did_is_asked_about_by_the_full_name_their_card_gives(tmp_path):
    """"the guy who serviced the boiler" is "Lee from Ace Heating"; of the two Lees on the contact
    list, the one whose card says Ace Heating is asked about. "whoever opens up" is found the same way."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "house.md").write_text("# Boiler service\n\nLee from Ace Heating. £85 cash.\nNext due Nov 2027.\n\n"
                                    "# Rota\n\nKasia opens Mon-Fri (keys), I open Sat + Sun.\n")
    (notes / "contacts.txt").write_text(
        "PEOPLE\n\nLee Whitfield\n    landlord of the shop. 0161 496 0902\n\nLee Barnes\n    Ace Heating, gas. 07700 900761, lee@aceheating.example\n\n"
        "Goals: Ruby scored two goals on Saturday.\n")
    (notes / "staff.csv").write_text("name,role,mobile\nKasia Nowak,supervisor,07700 900231\nTom Ashworth,barista,07700 900364\n")
    with engine_over(tmp_path, notes) as (eng, _):
        boiler = eng.ask("What's the number of the guy who serviced the boiler?")
        assert "07700 900761" in boiler.answer and "0902" not in boiler.answer
        assert boiler.citation.path.endswith("contacts.txt")
        keys = eng.ask("What's the mobile of whoever opens up with the keys on weekdays?")
        assert "07700 900231" in keys.answer
        # "Goals" is a label the notes also write in lower case; "Lee" is a name, also where an
        # e-mail address writes it in lower case.
        assert eng._written_lower("Goals") and not eng._written_lower("Lee") and not eng._written_lower("Ruby")


def test_someone_named_by_how_they_stand_to_me_or_by_an_alias_is_found_across_a_vault(tmp_path):
    """A Logseq/Obsidian-style vault: "my partner" is named in a journal, his birthday is a page
    property; "my physio" is a property in the climbing log (another property only points there);
    "Teo" is an alias on Theo's page. Two sisters in one note still get asked about."""
    notes = tmp_path / "notes"
    (notes / "journals").mkdir(parents=True)
    (notes / "pages").mkdir()
    (notes / "journals" / "2026_06_01.md").write_text("- my partner [Theo]([[people/Theo Marchetti]]) got the promotion!! Dinner at Kin Kao\n")
    (notes / "pages" / "people___Theo Marchetti.md").write_text(
        "alias:: Teo\nbirthday:: September 2\nphone:: 604-555-0148\n\n- Urban planner at the City of Vancouver\n")
    (notes / "pages" / "people___Amara Ojo.md").write_text("phone:: 604-555-0183\n\n- Specialises in climbing hand injuries.\n")
    (notes / "pages" / "Me.md").write_text("- Health\n\t- physio:: see [[Climbing]]\n- Benefits plan: Sun Life. Physio 80%, dental 80%.\n")
    (notes / "pages" / "Climbing.md").write_text(
        "- Log\n\t- 2026-03-07 tweaked a finger on a crimp\n\t\t- physio:: [[people/Amara Ojo]]\n\t- 2026-03-09 finger swollen, booked physio (see [[Climbing]])\n")
    (notes / "pages" / "Family.md").write_text("- Ilinca, my older sister, lives in Cluj. Birthday 3 February.\n- Corina, my younger sister. Birthday 19 August.\n")
    with engine_over(tmp_path, notes) as (eng, _):
        partner = eng.ask("When is my partner's birthday?")
        assert "September 2" in partner.answer and "September 2" in cited_text(partner)
        assert any("2026_06_01" in s.path for s in partner.sources)
        physio = eng.ask("What's my physio's phone number?")
        assert "604-555-0183" in physio.answer and "0148" not in physio.answer
        assert "604-555-0183" in cited_text(physio)
        alias = eng.ask("whats Teo's number")
        assert "604-555-0148" in alias.answer and "604-555-0148" in cited_text(alias)
        sisters = eng.ask("When is my sister's birthday?")
        assert sisters.kind == "ambiguous" and "Ilinca" in sisters.answer and "Corina" in sisters.answer


def test_cancel_stops_generation(engine):
    cancel = threading.Event()
    pieces = []

    def on_token(piece):
        pieces.append(piece)
        cancel.set()  # cancel as soon as the first token arrives

    answer = engine.ask("Describe everything you know about my cat in detail.", mode="base", on_token=on_token, cancel=cancel)
    assert answer.answer.endswith("[cancelled]")
    assert len(pieces) == 1


def test_two_relations_in_a_row_are_two_hops(tmp_path):
    """"my sister's husband's phone number": the family note says who he is, the contacts table
    holds his number (and hers beside it): the answer is his, cited at his row."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Family\n\n- Sister: Nattaya, a pharmacist in Nonthaburi. Her husband is Ekachai Wongsawat.\n"
                                     "- Brother: Top, a nurse at Siriraj.\n")
    (notes / "contacts.csv").write_text("name,mobile\nNattaya Wongsawat,081-555-7720\nEkachai Wongsawat,089-555-6612\n"
                                        "Thanakorn Srisuk,084-555-9031\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What is my sister's husband's phone number?")
        assert "089-555-6612" in answer.answer and "7720" not in answer.answer
        assert answer.citation.path.endswith("contacts.csv") and "Ekachai" in cited_text(answer)


def test_a_relation_of_a_named_person_is_two_hops(tmp_path):
    """"the mobile number of Lina's teacher": Lina's page says who the teacher is, the contacts
    table holds her number (Lina's own beside it): the answer is the teacher's, cited at her row."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "lina.md").write_text("# Lina\n\n- School: Birch Hill, class 2B.\n- Teacher: Maria Holt.\n- Shoe size: 31.\n")
    (notes / "contacts.csv").write_text("name,mobile\nLina Berg,0711 555 999\nMaria Holt,0711 555 201\nTom Reed,0722 555 310\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What's the mobile number of Lina's teacher?")
        assert "0711 555 201" in answer.answer and "999" not in answer.answer
        assert answer.citation.path.endswith("contacts.csv") and "Maria Holt" in cited_text(answer)


def test_money_sent_to_someone_named_by_a_role_is_read_from_the_row_that_names_them_in_full(tmp_path):
    """"How much did I send to my younger brother in October?": the family list calls him "Fran"
    (younger brother); the bank export writes "Francisco Ledesma" beside each amount and never
    "brother". The answer is October's transfer to him, cited at its row, not another's."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Family\n\n- Fran (younger brother), lives in Rosario, cel 341 555 0101\n"
                                     "- Lucia (older sister), lives in Salta\n")
    (notes / "bank-2026-10.csv").write_text(
        "date,description,amount\n2026-10-03,Transfer to Marta Quiroga,-120.00\n2026-10-12,Transfer to Francisco Ledesma,-250.00\n"
        "2026-10-20,Supermercado Dia,-64.30\n")
    with engine_over(tmp_path, notes) as (eng, _):
        assert eng._full_name("Fran") == "Francisco Ledesma"
        answer = eng.ask("How much did I send to my younger brother in October?")
        assert "250.00" in answer.answer and "120.00" not in answer.answer
        assert answer.citation.path.endswith("bank-2026-10.csv") and "Francisco Ledesma" in cited_text(answer)


def test_a_role_and_a_given_name_pick_the_one_person_the_role_line_names_in_full(tmp_path):
    """"Where does my neighbour Dario work?": two Darios are in the notes; the line that says
    neighbour names Dario Kovač, whose LinkedIn connection says where he works (not the colleague's)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "home.md").write_text("# Flat\n\n- Neighbour Dario Kovač keeps our spare key.\n"
                                   "- Colleague Dario Babić shares the bridge project with me.\n")
    (notes / "Connections.csv").write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                           "Dario,Kovač,https://www.linkedin.com/in/dario-kovac,,Zagreb Tram Works,Depot engineer,02 Feb 2025\n"
                                           "Dario,Babić,https://www.linkedin.com/in/dario-babic,,Most Projekt,Designer,11 Mar 2021\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("Where does my neighbour Dario work?")
        assert "Zagreb Tram Works" in answer.answer and "Most Projekt" not in answer.answer


def test_a_fee_for_the_place_a_person_goes_to_is_read_from_the_row_that_names_the_place(tmp_path):
    """"How much is Mia's monthly nursery fee?": the family table says which nursery ("jaslice DV
    Maslačak"), the bank export pays "DJEČJI VRTIĆ MASLAČAK" each month and never says Mia."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Obitelj\n\n| tko | rođendan | napomena |\n|---|---|---|\n"
                                     "| Mia (kći) | 3. 5. 2023. | jaslice DV Maslačak, skupina Zvjezdice |\n"
                                     "| Ivo (sin) | 9. 9. 2019. | OŠ Trnjanska, 1.b |\n")
    (notes / "bank-2026-10.csv").write_text(
        "date,payee,description,amount\n2026-10-03,HEP ELEKTRA,Račun struja 09/2026,-41.20\n"
        "2026-10-10,DJEČJI VRTIĆ MASLAČAK,Program jaslica 10/2026,-92.40\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("How much is Mia's monthly nursery fee?")
        assert "92.40" in answer.answer and "41.20" not in answer.answer
        assert answer.citation.path.endswith("bank-2026-10.csv")


def test_the_mechanic_is_whoever_the_car_note_says_looks_after_the_cars(tmp_path):
    """No line says "mechanic": the car note says the cars go to a garage and who runs it, the
    phone book (pasted into a fence to keep its columns) holds his number. The garage's own name
    is not the person asked for: the answer is his number, cited at his line."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "cars.md").write_text("# Cars\n\nThe Yaris is insured with Atlas, policy 7731.\n"
                                   "Both serviced by Marco Vella (Vella Motors, Mosta), oil every 10,000 km.\n")
    (notes / "contacts.md").write_text("# Phone book\n\n```\nMarco Vella        7912 4455\nTony Grech         2169 0001\n"
                                       "Atlas Insurance    2134 9000\n```\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What is my mechanic's phone number?")
        assert "7912 4455" in answer.answer and "2169" not in answer.answer
        assert answer.citation.path.endswith("contacts.md") and answer.citation.line == 4


def test_a_named_relative_who_moved_is_asked_of_by_the_name_the_journal_uses(tmp_path):
    """"my brother Ravi": the family page gives him a surname and his old town; the later journal
    entry says only "Ravi has moved to Curepipe". The answer is the new town, said first."""
    notes = tmp_path / "notes"
    (notes / "journal").mkdir(parents=True)
    (notes / "family.md").write_text("# Family\n\n- Brother: Ravi Doorgah, lives in Rose Belle, works at the sugar estate.\n"
                                     "- Sister: Anjali Doorgah, lives in Moka.\n")
    (notes / "journal" / "2026-10-04.md").write_text("# 2026-10-04\n\nRavi has moved to Curepipe for good, a job at the bus depot near Forest Side.\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("Where does my brother Ravi live now?")
        assert "Curepipe" in answer.answer and not answer.answer.startswith("Rose Belle")
        assert answer.citation.path.endswith("2026-10-04.md") and answer.citation.line == 3


def test_lines_about_the_person_a_question_is_about_are_looked_up_by_their_name(tmp_path):
    """"Where does my brother Ravi live now?" names Ravi as whom it asks of, not as whose: the lines
    that name him ("Ravi has moved to Curepipe", which shares no other word with the question)
    are looked up by his name, as they are for "Ravi's address"."""
    from agent.reader_statements import search_statements

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Family\n\n- Brother: Ravi Doorgah, lives in Rose Belle.\n")
    (notes / "journal.md").write_text("# 2026-10-04\n\nRavi has moved to Curepipe for good.\n")
    with engine_over(tmp_path, notes) as (eng, memory):
        named = [s for s in search_statements(memory, "Brother Ravi Doorgah", k=1)]
        for question in ("Where does my brother Ravi live now?", "Where does Ravi live?"):
            extra = eng._about_them(question, named)
            assert any("Curepipe" in s.text for s in extra), question


def test_two_people_of_the_role_on_close_lines_are_asked_about_not_settled_by_the_hop(tmp_path):
    """"What's my aunt's address?": Aunt Maggie is named on Grandma's line, Aunt Joan on her own
    row; the hop does not pick one (the question read as asked asks back)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "addresses.md").write_text("# Addresses\n\n- Grandma Edith: lives with Aunt Maggie.\n"
                                        "- Aunt Maggie: 4 Mill Lane, Leeds LS2 9JT\n- Aunt Joan: 12 Rose Street, York YO1 7HH\n")
    (notes / "phones.csv").write_text("name,number\nAunt Joan,07700 900111\nAunt Maggie,07700 900222\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What's my aunt's address?")
        assert answer.kind == "ambiguous" and "Joan" in answer.answer and "Maggie" in answer.answer


def test_who_someone_is_is_said_by_the_line_under_their_e_mail_signature(tmp_path):
    """A pasted thread where the only line naming Markus Brenner is his signature: the answer is
    the line under it, cited with the name (the real index keeps each line apart)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "flat-offer.md").write_text(
        "# Flat offer\n\nFrom: Nour Khoury <nour@example.org>\nSubject: AW: flat offer\n\nThanks, we accept.\n\n"
        "> Dear Ms. Khoury, the owner agrees to a lower rent.\n>\n> Markus Brenner\n"
        "> Immobilien Brenner e.U., Burggasse 24, 1070 Wien\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("Who is Markus Brenner?")
    assert answer.answer == "Markus Brenner: Immobilien Brenner e.U., Burggasse 24, 1070 Wien"
    assert (answer.citation.line, answer.citation.end_line) == (10, 11)


def test_an_in_law_found_by_title_or_in_a_who_column_is_looked_up_by_name(tmp_path):
    """"When is my mother-in-law's birthday?": the family page calls her "Miss Orla Brennick", the
    birthdays table "Orla Brennick" (the title is dropped to look her up); a people table's "Who"
    column names the sister-in-law, not the town in its "Where" column."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Family\n\n- My mother-in-law is Miss Orla Brennick, in Kilkeel.\n\n"
                                     "## Dara's side\n\n| Who | Relation | Where |\n|---|---|---|\n"
                                     "| Siobhan Brennick | Dara's sister (my sister-in-law), nurse | Newry |\n")
    (notes / "birthdays.md").write_text("# Birthdays\n\n| Name | Date |\n|---|---|\n| Orla Brennick | 13/06/1962 |\n"
                                        "| Siobhan Brennick | 07/06/1993 |\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("When is my mother-in-law's birthday?")
        assert answer.kind == "answered" and "13/06/1962" in answer.answer
        answer = eng.ask("When is my sister-in-law's birthday?")
        assert answer.kind == "answered" and "07/06/1993" in answer.answer and "13/06/1962" not in answer.answer


def test_a_teacher_of_a_subject_and_a_name_typed_in_lower_case_are_found_through_the_hop(tmp_path):
    """"the phone number of Dion's English teacher" (a role qualified by a capitalised subject) and
    "what is jahmari's football coach's phone number" (typed all in lower case): who it is comes
    from the kids' page, the number from the contacts."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "kids.md").write_text("# Kids\n\n## Dion\n\n- English: Bright Lane school, Tuesdays at 16:30, with teacher Orges Basha.\n\n"
                                    "## Jahmari\n\n- Football practice is Tuesdays 4pm at the MCC grounds, coach Arnulfo Staine.\n")
    (notes / "contacts.csv").write_text("name,number\nOrges Basha,067 555 9042\nArnulfo Staine,636-1428\nMira Basha,067 555 1111\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What is the phone number of Dion's English teacher?")
        assert answer.kind == "answered" and "067 555 9042" in answer.answer
        answer = eng.ask("what is jahmari's football coach's phone number")
        assert answer.kind == "answered" and "636-1428" in answer.answer


def test_a_landlord_with_stacked_titles_or_called_le_proprio_is_found_in_the_contacts(tmp_path):
    """"Pemilik: Pak Haji Rahmat Hidayat" is "H. Rahmat Hidayat" on the contacts card (both titles
    dropped to look him up); French "Le proprio : M. Hountondji" says who the landlord is."""
    for house, contacts, question, number in (
            ("# Rumah\n\nAlamat: Jl. Anggrek 7, BSD.\nPemilik: Pak Haji Rahmat Hidayat (tinggal di Pamulang).\n",
             "# Kontak\n\n- H. Rahmat Hidayat — 0812-9555-3380\n- Mas Joko — 0813-5555-1200\n",
             "What's our landlord's phone number?", "0812-9555-3380"),
            ("# Maison\n\nLe proprio : M. Hountondji, il habite à Akpakpa, passe le 5 de chaque mois.\n",
             "# Contacts\n\n- Sylvestre Hountondji - 01 95 18 34 62\n- Romuald - 01 96 27 40 18\n",
             "What's my landlord's phone number?", "01 95 18 34 62")):
        case = tmp_path / number.replace(" ", "")
        notes = case / "notes"
        notes.mkdir(parents=True)
        (notes / "house.md").write_text(house)
        (notes / "contacts.md").write_text(contacts)
        with engine_over(case, notes) as (eng, _):
            answer = eng.ask(question)
            assert answer.kind == "answered" and number in answer.answer, answer.answer


def test_the_doctor_who_prescribed_a_medicine_is_the_one_the_section_names_before_it(tmp_path):
    """"Dr. Ashot Sahakyan, Nairi Medical Center. Mild hypertension since 2025. Prescribed Concor 5
    mg every morning.": the prescribing sentence names no doctor; the section's first one does."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "health.md").write_text("# Health\n\n## GP\n\nDr. Karine Manukyan, Polyclinic No. 17, room 208.\n\n"
                                      "## Cardiologist\n\nDr. Ashot Sahakyan, Nairi Medical Center.\n"
                                      "Mild hypertension since 2025. Prescribed Concor 5 mg every morning.\n")
    (notes / "contacts.md").write_text("# Contacts\n\n- Dr. Karine Manukyan - 010 22 41 07\n- Dr. Ashot Sahakyan - 010 55 58 90\n")
    with engine_over(tmp_path, notes) as (eng, _):
        answer = eng.ask("What is the phone number of the doctor who prescribed my Concor?")
        assert answer.kind == "answered" and "010 55 58 90" in answer.answer and "22 41 07" not in answer.answer


def test_a_new_number_told_among_many_lines_naming_someone_is_found_by_their_name(tmp_path):
    """"Gergő új száma: +36 30 555 0467" in a diary is one of many lines naming Gergő and shares
    no other word with "What's Gergő's phone number?": the lines naming him that hold a number
    are looked up, and the diary's newer number answers over the contact table's."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "contacts.md").write_text("# Contacts\n\n| Name | Phone |\n|---|---|\n| Fazekas Gergő | +36 20 555 8812 |\n"
                                       "| Szilágyi Gábor | +36 30 555 7788 |\n| Vass Réka | +36 20 555 4410 |\n")
    (notes / "car.md").write_text("# Cars\n\n" + "".join(f"- Gergő's Octavia: {t}\n" for t in (
        "plate AE KZ-318", "2020, 2.0 TDI kombi", "inspection valid to 2027-06-14", "insurance with Allianz, Gergő pays",
        "winter tyres in the garage", "Gergő drives it to work", "Gergő washes it on Sundays", "service at Csaba, Gergő books it",
        "Gergő's parking card in the glovebox", "vignette: Pest county, Gergő renews it")))
    (notes / "home.md").write_text("# Home\n\n" + "".join(f"- {t}\n" for t in (
        "Gergő pays half of Netflix", "Gergő's birthday dinner at Rozmaring", "Gergő designs the seating cards",
        "Gergő cannot remember the relatives", "the flat insurance is in Gergő's name")))
    (notes / "2026-11.md").write_text("# Diary, November 2026\n\n## 2026-11-02\n\n"
                                      "Gergő új száma (céges váltás miatt új SIM): +36 30 555 0467. A régit december végéig megtartja.\n")
    with engine_over(tmp_path, notes) as (eng, memory):
        from agent.reader_statements import search_statements

        named = search_statements(memory, "Gergő phone", k=2)
        extra = eng._about_them("What's Gergő's phone number?", named)
        assert any("0467" in s.text for s in extra)
        answer = eng.ask("What's Gergő's phone number?")
        assert answer.kind == "answered" and "+36 30 555 0467" in answer.answer and "8812" not in answer.answer, answer.answer


def test_a_thing_glossed_in_the_notes_language_is_also_looked_up_by_that_name(tmp_path):
    """"Building maintenance fee (cuota de mantenimiento): Bs 380" and, later, "the cuota de
    mantenimiento goes up to Bs 450": the newer line shares no word with the English question
    but is found by the bracketed name, and its amount is the one in force."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "flat.md").write_text("# The flat\n\n- Building maintenance fee (cuota de mantenimiento): Bs 380 a month, paid to the administrator.\n"
                                   "- Electricity: DELAPAZ, customer code 1044-2871.\n")
    (notes / "journal.md").write_text("# Journal\n\n## 2026-10-26\n\n"
                                      "Building meeting: the cuota de mantenimiento goes up to Bs 450 a month from November.\n")
    with engine_over(tmp_path, notes) as (eng, memory):
        from agent.reader_statements import search_statements

        retrieved = [s for s in search_statements(memory, "building maintenance fee", k=1)]
        assert "Bs 380" in retrieved[0].text
        assert any("Bs 450" in s.text for s in eng._by_gloss("How much is the building maintenance fee?", retrieved))
        # A bracket that only adds a word to the asked thing is no other name for it.
        assert eng._by_gloss("How much is the electricity?", retrieved) == []
        answer = eng.ask("How much is the building maintenance fee?")
        assert answer.kind == "answered" and "Bs 450" in answer.answer, answer.answer


def test_a_family_title_written_before_two_names_of_any_alphabet_is_two_people(tmp_path):
    """"babička Marie" and "babička Věra": the title stands for neither alone, so "babička's
    address" is not asked of Marie's card; with one babička in the notes it is."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Rodina\n\n- babička Marie (mamčina máma) – Prostějov\n- babička Věra (Ondrova máma) – Zlín\n")
    (notes / "contacts.md").write_text("# Contacts\n\n- Marie Zapletalová: Husovo náměstí 7, Prostějov\n- Věra Malá: Štefánikova 30, Zlín\n")
    with engine_over(tmp_path, notes) as (eng, _):
        assert eng._titled("babička") is None
        answer = eng.ask("What's babička's address?")
        assert answer.kind == "ambiguous" and "Marie" in answer.answer and "Věra" in answer.answer, answer.answer
        (notes / "family.md").write_text("# Rodina\n\n- babička Marie (mamčina máma) – Prostějov\n")
        eng.memory.index([notes])
        assert eng._titled("babička") == "Marie Zapletalová"
