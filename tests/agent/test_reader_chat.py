"""ChatEngine's reader path with a scripted model: streaming, cancel, citations, conversation.

The memory here is a stub that returns chunk hits of a real note file; the real index and the
real model are exercised in test_chat.py.
"""
from __future__ import annotations

import re
import threading

from agent.chat import DONT_KNOW, ChatEngine
from agent.config import Home
from memory.types import Hit
from tests.fakes import FakeModel

GLUE = {"what", "who", "when", "where", "is", "the", "my", "of", "a", "do", "does", "i", "s"}  # tell nothing

NOTE = """# Biscuit

Biscuit is our ginger tabby cat. We adopted him in 2022.

- Vet: Dierenkliniek Zuilen, +31 30 555 0144
"""


class StubMemory:
    def __init__(self, path):
        self.path = path
        self.queries: list[str] = []

    def search(self, query, k=4):
        self.queries.append(query)
        text = self.path.read_text()
        lines = text.splitlines()
        return [Hit(id="c1", path=str(self.path), heading=["Biscuit"], start_line=3, end_line=len(lines),
                    text="\n".join(lines[2:]), hash="h", score=0.5, vector_score=0.5)]


def scorer(context: str, continuation: str) -> list[float]:
    passage = set(re.findall(r"\w+", context.lower()))
    words = [w for w in re.findall(r"\w+", continuation.lower()) if w not in GLUE]
    return [-1.0 if w in passage else -4.0 for w in words] or [-1.0]


def make_engine(tmp_path):
    note = tmp_path / "biscuit.md"
    note.write_text(NOTE)
    home = Home(tmp_path / "home").ensure()
    model = FakeModel(logprob_fn=scorer)
    return ChatEngine(home, home.load_settings(), memory=StubMemory(note), model=model), note, model


def test_streams_the_copied_answer_and_cites_its_line(tmp_path):
    engine, note, model = make_engine(tmp_path)
    pieces: list[str] = []
    answer = engine.ask("Who is Biscuit's vet?", on_token=pieces.append)
    assert "".join(pieces) == answer.answer
    assert "Dierenkliniek Zuilen" in answer.answer
    assert answer.kind == "answered"
    assert (answer.citation.path, answer.citation.line) == (str(note), 5)
    assert model.prompts == []  # nothing was generated: the answer is a copy


def test_cancel_stops_the_stream(tmp_path):
    engine, _, _ = make_engine(tmp_path)
    cancel = threading.Event()
    pieces: list[str] = []

    def on_token(piece):
        pieces.append(piece)
        cancel.set()

    answer = engine.ask("What colour is my cat?", on_token=on_token, cancel=cancel)
    assert len(pieces) == 1 and answer.answer.endswith("[cancelled]")


def test_history_reaches_retrieval(tmp_path):
    engine, _, _ = make_engine(tmp_path)
    engine.ask("What colour is he?", history=[("What is my cat called?", "Biscuit is your ginger tabby cat.")])
    assert "What colour is my cat Biscuit?" in engine.memory.queries


def test_a_value_not_in_the_notes_is_refused(tmp_path):
    engine, _, _ = make_engine(tmp_path)
    answer = engine.ask("When is my cat's birthday?")  # 2022 is when he was adopted, not born
    assert answer.answer == DONT_KNOW and answer.kind == "abstained"
    assert answer.citation is None and answer.sources == []


SONS = """# Family

My sons, Leo and Max, are at Lakeview Elementary.

Leo's teacher is Ms. Arnaud.

Max's teacher is Mr. Pike.
"""


def test_asking_back_shows_what_the_notes_say_for_each_one(tmp_path):
    """"my son" fits Leo and Max: the question back gives each one's answer, each cited from its
    own line, so the user can pick by either."""
    note = tmp_path / "family.md"
    note.write_text(SONS)
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), memory=StubMemory(note), model=FakeModel(logprob_fn=scorer))
    answer = engine.ask("What's the name of my son's teacher?")
    assert answer.kind == "ambiguous"
    assert answer.answer == "Your notes mention Leo (Ms. Arnaud) and Max (Mr. Pike). Which one do you mean?"
    assert answer.citation is None  # no one line answers a question that is not settled
    assert {(s.path, s.start_line) for s in answer.sources} >= {(str(note), 5), (str(note), 7)}


class ListedMemory(StubMemory):
    """A stub that can also list every statement (memory.Memory.iter_statements)."""

    def __init__(self, path, statements):
        super().__init__(path)
        self.statements = statements

    def iter_statements(self, paths=None):
        return iter(self.statements)


def test_an_initial_is_written_out_when_the_notes_name_one_person_so(tmp_path):
    """"Chris L." (a meeting note's short form) is asked about as "Chris Lindqvist"."""
    from agent.reader_statements import parse_statements

    note_text = "# Team\n\n- Chris Okafor: backend\n- Chris Lindqvist: design\n- Carla Lopez: QA\n"
    note = tmp_path / "team.md"
    note.write_text(note_text)
    sts = parse_statements(list(enumerate(note_text.splitlines(), 1)), str(note), "")
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), memory=ListedMemory(note, sts), model=FakeModel(logprob_fn=scorer))
    assert engine._full_name("Chris L.") == "Chris Lindqvist"
    assert engine._full_name("Chris O.") == "Chris Okafor"
    assert engine._full_name("Carla L.") == "Carla Lopez"
    assert engine._full_name("Chris X.") == "Chris X."  # nobody: as written
    assert engine._full_name("Chris") == "Chris"  # not an initial


class MentionMemory:
    """Only what the nickname and alias look-ups use: the lines that name a word."""

    def __init__(self, statements):
        self.statements = statements

    def statements_mentioning(self, word, limit=40):
        return [s for s in self.statements if word in s.text][:limit]


def test_a_cards_nickname_is_found_for_its_owner_and_back(tmp_path):
    """abook's "nick=Hems" on Hemi Parata's card: Hemi's nickname is Hems, and Hems stands for
    Hemi Parata; Ruby's card, which mentions Hemi, gives him no nickname."""
    from memory.statements import parse_statements

    book = ("[0]\nname=Hemi Parata\nnick=Hems\nmobile=021 555 0134\n\n"
            "[1]\nname=Ruby Chen\nnick=Rubes\nnotes=flatmate, Hemi's cousin\n")
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=scorer),
                        memory=MentionMemory(parse_statements(tmp_path / "addressbook", book.encode())))
    assert engine._nicknames("Hemi") == ["Hems"] and engine._nicknames("Hemi Parata") == ["Hems"]
    assert engine._nicknames_in("What's Hemi's phone number?") == {"Hemi": ["Hems"]}
    assert engine._alias_of("Hems") == "Hemi Parata"
    assert engine._nicknames("Ruby") == ["Rubes"] and engine._nicknames("hemi") == []


def test_a_family_title_stands_for_the_one_person_the_notes_write_after_it(tmp_path):
    """"Gogo Nokuthula lives at ..." and a people table's "Nokuthula Mokoena": "What is Gogo's cell
    number?" can be asked of Nokuthula Mokoena. A title written before two names, a word that is
    no family title, and a name the notes never give in full are left as asked."""
    from memory.statements import parse_statements

    note = ("# Gogo's house\n\nGogo Nokuthula lives at NY 112 No. 23, Gugulethu.\n\n"
            "# People\n\n| Name | Cell |\n|---|---|\n| Nokuthula Mokoena | 073 555 0102 |\n| Gail Adams | 021 555 0170 |\n\n"
            "# Oma\n\nOma Ruth and Oma Lies both came.\n\n# Work\n\nManager Gail approved it. Tante Bea visited.\n")
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=scorer),
                        memory=MentionMemory(parse_statements(tmp_path / "people.md", note.encode())))
    assert engine._spell_titles("What is Gogo's cell number?") == "What is Nokuthula Mokoena's cell number?"
    assert engine._titled("Oma") is None  # two people
    assert engine._titled("Manager") is None  # not a family title
    assert engine._titled("Tante") is None  # Bea is never named in full


def test_a_hop_takes_the_close_candidate_that_names_the_one_sought(tmp_path):
    """"Who is my brother?" read best from a diary line that names no brother ("Mein Bruder war
    übers Wochenende da": every German noun has a capital) finds him in the next candidate that
    does ("Mein Bruder Lukas lebt in Dresden"), cited from that line."""
    from agent.reader_types import Reading, Scored
    from agent.reader_statements import StatementHit

    def st(text, line):
        return StatementHit(id=str(line), path="/notes/wiki.wiki", line=line, end_line=line, text=text, source=text)

    diary, family = st("Mein Bruder war übers Wochenende aus Dresden da.", 3), st("Mein Bruder Lukas lebt in Dresden.", 18)
    engine, _, _ = make_engine(tmp_path)
    engine._read_about = lambda search, question: Reading(
        kind="answered", answer=diary.text, question=question, statement=diary,
        candidates=[Scored(statement=s, cover=1.0, typed=[], prerank=0.0) for s in (diary, family)])
    found = engine._hop("Who is my brother?", "Who is my brother?", "brother")
    assert found is not None and found[0] == "Lukas" and found[1].statement.line == 18


def test_one_line_answering_both_parts_is_said_once(tmp_path):
    """"Who is Biscuit's vet and what is the vet's phone number?": both parts are answered by the
    vet's line, which the answer quotes once, not twice."""
    engine, note, _ = make_engine(tmp_path)
    answer = engine.ask("Who is Biscuit's vet and what is the vet's phone number?")
    assert answer.kind == "answered" and answer.answer.count("Dierenkliniek Zuilen") == 1
    assert "+31 30 555 0144" in answer.answer and (answer.citation.path, answer.citation.line) == (str(note), 5)


class AnyWordMemory(MentionMemory):
    """The full-text index's OR of words: the lines that name any of them."""

    def statements_mentioning(self, word, limit=40):
        words = word.split()
        return [s for s in self.statements if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", s.text) for w in words)][:limit]


def test_a_name_asked_in_latin_letters_is_found_as_hebrew_notes_write_it(tmp_path):
    """"Noam" in a question, "נועם" in the notes (and "ולנועם" with "and to" glued on): the lines that
    write it are about Noam. A name the notes do not write in Hebrew gets nothing."""
    from memory.statements import parse_statements

    note = "נועם - 050-555-0101\nסבתא - 052-555-0102\nנועם בכיתה ב', ולנועם יש חוג שחייה\n"
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=scorer),
                        memory=AnyWordMemory(parse_statements(tmp_path / "phones.txt", note.encode())))
    assert engine._nicknames("Noam") == ["נועם", "ולנועם"]
    assert engine._nicknames_in("What's Noam's number?") == {"Noam": ["נועם", "ולנועם"]}
    assert engine._nicknames("Ruth") == []
    assert engine._nicknames_in("noams number pls") == {"Noam": ["נועם", "ולנועם"]}  # all in lower case: no capital names him


def test_a_hop_reads_the_role_from_the_heading_a_line_sits_under():
    """A line under the heading "Accountant" ("Maya Lindqvist, 0117 496 0555") says the role a
    hop asks by, as a line that writes the role itself does; the heading is read as words."""
    from agent.chat import _says
    from agent.reader_statements import StatementHit

    under = StatementHit(id="1", path="/notes/people.md", line=4, end_line=4, text="Maya Lindqvist, 0117 496 0555",
                         source="Maya Lindqvist, 0117 496 0555", topic="Accountant")
    assert _says(under, "accountant")
    assert not _says(under.model_copy(update={"topic": "Neighbours"}), "accountant")


def test_a_hop_that_finds_two_people_in_the_role_asks_which(tmp_path):
    """"What is my tita's number?" over a contact list with two titas: the hop ("Who is my tita?")
    must not pick one of them; it asks which. Two lines about one tita are one person."""
    from agent.reader_types import Reading, Scored
    from agent.reader_statements import StatementHit

    def st(text, line, fields=None):
        return StatementHit(id=str(line), path="/notes/contacts.xml", line=line, end_line=line, text=text, source=text,
                            kind="row" if fields else "sentence", fields=fields or {})

    def reading_over(*lines):
        return lambda search, question: Reading(
            kind="answered", answer=lines[0].text, question=question, statement=lines[0],
            candidates=[Scored(statement=s, cover=1.0, typed=[], prerank=0.0, score=3.6 - 0.05 * i) for i, s in enumerate(lines)])

    mira = st("Name: Tita Mira; Relation: tita (Laguna); Number: 0917 000 1111", 12,
              {"Name": "Tita Mira", "Relation": "tita (Laguna)", "Number": "0917 000 1111"})
    pacing = st("Name: Tita Pacing; Relation: tita (Iloilo); Number: 0918 000 2222", 14,
                {"Name": "Tita Pacing", "Relation": "tita (Iloilo)", "Number": "0918 000 2222"})
    engine, _, _ = make_engine(tmp_path)
    engine._read_about = reading_over(mira, pacing)
    found = engine._hop("Who is my tita?", "Who is my tita?", "tita", said="tita")
    assert found is not None and found[1].kind == "ambiguous"
    assert "Tita Mira" in found[1].answer and "Tita Pacing" in found[1].answer and found[1].answer.endswith("?")
    # One tita, written on two lines: found, not asked about.
    call = st("2026-10-12: Called Tita Mira about the fiesta; Relation: tita", 30)
    engine._read_about = reading_over(mira, call)
    found = engine._hop("Who is my tita?", "Who is my tita?", "tita", said="tita")
    assert found is not None and found[1].kind == "answered" and "Mira" in found[0]


def test_a_hop_for_a_qualified_role_or_over_lines_of_different_notes_does_not_ask(tmp_path):
    """"my older sister" says more than the role (the hop may pick her); two lines of different
    notes (a bank statement's rows and a budget page) that mention the role are no list of people."""
    from agent.reader_types import Reading, Scored
    from agent.reader_statements import StatementHit

    def st(text, line, path="/notes/family.md"):
        return StatementHit(id=f"{path}{line}", path=path, line=line, end_line=line, text=text, source=text)

    def reading_over(*lines):
        return lambda search, question: Reading(
            kind="answered", answer=lines[0].text, question=question, statement=lines[0],
            candidates=[Scored(statement=s, cover=1.0, typed=[], prerank=0.0, score=3.6 - 0.05 * i) for i, s in enumerate(lines)])

    older, younger = st("Dunya: older sister, lives in Ghent", 4), st("Mirela: younger sister, in Lyon", 5)
    engine, _, _ = make_engine(tmp_path)
    engine._read_about = reading_over(older, younger)
    found = engine._hop("Who is my older sister?", "Who is my older sister?", "sister", said="sister")
    assert found is None or found[1].kind != "ambiguous"
    found = engine._hop("Who is my sister?", "Who is my sister?", "sister", said="sister")
    assert found is not None and found[1].kind == "ambiguous"
    engine._read_about = reading_over(st("Budget: my accountant Tamsin Ode, 40 a month", 3, "/notes/budget.md"),
                                      st("Bank: payment to Corvel Accounting for the accountant", 9, "/notes/bank.csv"))
    found = engine._hop("Who is my accountant?", "Who is my accountant?", "accountant", said="accountant")
    assert found is None or found[1].kind != "ambiguous"


def test_a_hop_does_not_count_a_heading_or_the_roles_relatives_as_people_in_the_role(tmp_path):
    """"Family: Mum = Ada Brisk" beside "Family: Mum's birthday moves every year" is one mum (the
    second line names no one but its key); lines about my sister's kids or husband are no sisters."""
    from agent.reader_types import Reading, Scored
    from agent.reader_statements import StatementHit

    def st(text, line):
        return StatementHit(id=str(line), path="/notes/family.md", line=line, end_line=line, text=text, source=text,
                            topic="Family")

    def reading_over(*lines):
        return lambda search, question: Reading(
            kind="answered", answer=lines[0].text, question=question, statement=lines[0],
            candidates=[Scored(statement=s, cover=1.0, typed=[], prerank=0.0, score=3.6 - 0.05 * i) for i, s in enumerate(lines)])

    engine, _, _ = make_engine(tmp_path)
    engine._read_about = reading_over(st("Family: mum = Ada Brisk, in Leeds since dad retired.", 3),
                                      st("Family: mum's birthday moves every year, check the calendar!", 4))
    found = engine._hop("Who is my mum?", "Who is my mum?", "mum", said="mum")
    assert found is None or found[1].kind != "ambiguous"
    engine._read_about = reading_over(st("Nephews (sister's kids): Ottar Vale, born 2020.05.05", 7),
                                      st("Family: brother-in-law = Ivo Vale (sister's husband)", 8))
    found = engine._hop("Who is my sister?", "Who is my sister?", "sister", said="sister")
    assert found is None or found[1].kind != "ambiguous"


def test_a_hop_does_not_take_a_mother_in_law_for_a_second_mother(tmp_path):
    """"Family: Mum: Ilse Varga" and "Family: Mother-in-law: Rita Solm": the second line says
    another role (in-law), so "my mum" is Ilse; no question back."""
    from agent.reader_types import Reading, Scored
    from agent.reader_statements import StatementHit

    def st(text, line):
        return StatementHit(id=str(line), path="/notes/family.md", line=line, end_line=line, text=text, source=text)

    engine, _, _ = make_engine(tmp_path)
    lines = (st("Family: Mum: Ilse Varga, Szeged, 0740 000 111", 3), st("Family: Stepmum: Rita Solm, Pécs, 0740 000 222", 4))
    engine._read_about = lambda search, question: Reading(
        kind="answered", answer=lines[0].text, question=question, statement=lines[0],
        candidates=[Scored(statement=s, cover=1.0, typed=[], prerank=0.0, score=3.6 - 0.05 * i) for i, s in enumerate(lines)])
    from agent.chat import _role_words
    assert _role_words(lines[0].text, "mum") == {"mum"} and _role_words(lines[1].text, "mum") == set()
    found = engine._hop("Who is my mum?", "Who is my mum?", "mum", said="mum")
    assert found is None or found[1].kind != "ambiguous"


def test_a_name_in_brackets_after_a_name_is_its_nickname_both_ways(tmp_path):
    """"My brother Tomás (Tomi, to all of us)": Tomi is Tomás, and Tomás is Tomi; a bracketed name
    that does not begin like the name ("Dr Nowak (Anna)") is no nickname. A pronoun sentence after
    a line that says the nickname speaks of the person."""
    from agent.reader import Reader
    from agent.reader_statements import StatementHit
    from memory.statements import parse_statements
    from tests.agent.test_reader import overlap_model

    note = ("# June\n\nMy brother Tomás (Tomi, to all of us) still lives in Lyon.\n\n"
            "# People\n\nDr Nowak (Anna) is the dentist.\n")
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=scorer),
                        memory=MentionMemory(parse_statements(tmp_path / "j.md", note.encode())))
    assert engine._nicknames("Tomás") == ["Tomi"] and engine._nicknames("Tomi") == ["Tomás"]
    assert engine._nicknames("Nowak") == [] and engine._nicknames("Anna") == []
    moved = StatementHit(id="j:9", path="/n/j.md", line=9, end_line=9, text="He lives in Marseille now and works at the port.",
                         source="He lives in Marseille now and works at the port.", context="Tomi finally called.", kind="sentence")
    reading = Reader(overlap_model()).read("Which city does Tomás live in now?", [moved], nicknames={"Tomás": ["Tomi"]})
    assert reading.kind == "answered" and "Marseille" in reading.answer
    assert Reader(overlap_model()).read("Which city does Tomás live in now?", [moved]).kind == "abstained"


def test_a_hop_finds_a_role_said_in_two_words_of_another_language(tmp_path):
    """"Kira: Ev sahibi: Kemal Ersoy (Kemal Bey)": "ev sahibi" is Turkish for landlord in two words,
    so the line says the role, and the name the key gives is the one sought."""
    from agent.reader import Reader
    from agent.reader_question import says_kind
    from agent.reader_statements import StatementHit
    from tests.agent.test_reader import overlap_model

    assert says_kind("Kira: Ev sahibi: Kemal Ersoy", "landlord") and not says_kind("Kira: Ev: Moda, sahibi yok", "landlord")
    line = StatementHit(id="4", path="/notes/ev.md", line=4, end_line=4, topic="Kira", kind="kv",
                        text="Kira: Ev sahibi: Kemal Ersoy (Kemal Bey). Prefers WhatsApp, never calls after 21:00.",
                        source="Ev sahibi: Kemal Ersoy (Kemal Bey). Prefers WhatsApp, never calls after 21:00.",
                        fields={"Ev sahibi": "Kemal Ersoy (Kemal Bey). Prefers WhatsApp, never calls after 21:00."})
    engine, _, _ = make_engine(tmp_path)
    engine._read_about = lambda search, question: Reader(overlap_model()).read(question, [line])
    found = engine._hop("Who is my landlord?", "Who is my landlord?", "landlord", said="landlord")
    assert found is not None and found[0] == "Kemal Ersoy" and found[1].statement.line == 4


def test_a_line_saying_the_value_is_not_known_is_the_source_of_i_dont_know(tmp_path):
    """"Rui moved to Porto in 2026 with his girlfriend, whose name I keep forgetting": the answer
    is "I don't know" with no place or year in it and no citation, and the line is its source."""
    note = tmp_path / "rui.md"
    note.write_text("# Rui\n\nRui moved to Porto in 2026 with his girlfriend, whose name I keep forgetting.\n")
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), memory=StubMemory(note), model=FakeModel(logprob_fn=scorer))
    answer = engine.ask("What's Rui's girlfriend called?")
    assert "Porto" not in answer.answer and "2026" not in answer.answer
    assert answer.kind == "abstained" and "don't know" in answer.answer and answer.citation is None
    assert [(s.path, s.start_line) for s in answer.sources] == [(str(note), 3)]


class WordMemory(MentionMemory):
    """A statement index that finds the lines sharing a word with the query (case-folded)."""

    def search_statements(self, query, k=12):
        asked = {w for w in re.findall(r"\w+", query.lower()) if w not in GLUE and len(w) > 2}
        return [s for s in self.statements if asked & set(re.findall(r"\w+", s.text.lower()))][:k]


def test_a_change_told_only_by_the_persons_name_is_read_with_the_card(tmp_path):
    """"What's Yavor's phone number?": the card's line is found by the question; the diary's "Явор
    си смени номера — новият е ..." (he changed his number, the new one is ...) shares no word with
    it and is found by his name as the notes write it, so the new number answers."""
    from memory.statements import parse_statements

    card = "| кой | телефон |\n|---|---|\n| Явор (Yavor, брат ми) | 0800 000 001 |\n"
    diary = "# Дневник 2026\n\n## 20.02.2026\nЯвор си смени номера — новият е 0800 000 002, старият вече не работи.\n"
    statements = parse_statements(tmp_path / "Важно.md", card.encode()) + parse_statements(tmp_path / "дневник.md", diary.encode())
    home = Home(tmp_path / "home").ensure()
    from memory.gloss import english_for

    def bilingual(context: str, continuation: str) -> list[float]:
        # As a model that reads Bulgarian: "номера" is a number, "Явор" is Yavor.
        return scorer(f"{context} {' '.join(english_for(context))} {context.replace('Явор', 'Yavor')}", continuation)

    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=bilingual), memory=WordMemory(statements))
    found = engine._about_them("What's Yavor's phone number?", [s for s in statements if "Yavor" in s.text])
    assert [s.text for s in found if "новият" in s.text]
    # Asked by his full name (as a hop asks), he is still looked for by his given name.
    found = engine._about_them("What's Yavor Petrov's phone number?", [s for s in statements if "Yavor" in s.text])
    assert [s.text for s in found if "новият" in s.text]
    answer = engine.ask("What's Yavor's phone number?")
    assert answer.kind == "answered" and "0800 000 002" in answer.answer
    # A name no retrieved line writes brings nothing more.
    assert engine._about_them("What's Petko's phone number?", [s for s in statements if "Yavor" in s.text]) == []


def test_the_doctors_number_asks_which_doctor_before_any_hop_picks_one(tmp_path):
    """"What's the doctor's phone number?" over a family doctor and a paediatrician, both "Dr":
    the hop ("Who is the doctor?") would find the family doctor, whose line says "doctor", and
    answer with her number; the two doctors are asked about instead."""
    note = tmp_path / "health.md"
    note.write_text("# Health\n\n- Family doctor: Dr Maia Jorbenadze, Vake clinic, +995 322 55 10 10\n"
                    "- Pediatrician: Dr Nino Kalandadze, Ialoni Kids Clinic, +995 591 55 62 73\n")
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), memory=StubMemory(note), model=FakeModel(logprob_fn=scorer))
    answer = engine.ask("What's the doctor's phone number?", mode="rag")
    assert answer.kind == "ambiguous" and "Jorbenadze" in answer.answer and "Kalandadze" in answer.answer
    # One doctor: the hop (or the reader) answers with her number.
    note.write_text("# Health\n\n- Family doctor: Dr Maia Jorbenadze, Vake clinic, +995 322 55 10 10\n")
    answer = engine.ask("What's the doctor's phone number?", mode="rag")
    assert answer.kind == "answered" and "+995 322 55 10 10" in answer.answer


class ExchangeMemory(MentionMemory):
    """As vectors rank the numbers of one exchange: all alike, the asked one past the first k;
    the full-text index finds a line by any of the words asked."""

    def search_statements(self, query, k=12):
        return self.statements[:k]

    def statements_mentioning(self, word, limit=40):
        asked = set(re.findall(r"\w+", word.lower()))
        return [s for s in self.statements if asked & set(re.findall(r"\w+", s.text.lower()))][:limit]


def test_the_line_holding_a_number_asked_is_found_by_the_number_itself(tmp_path):
    """"Whose number is (905) 555-0126?" over a contact list of twenty (905) 555 numbers: the line
    with that very number is found by it, though the question's words retrieve the others first;
    a number no line holds finds nothing more."""
    from memory.statements import parse_statements

    people = [f"Person {chr(65 + i)} Example (neighbour)     (905) 555-01{i + 30}" for i in range(20)]
    people.append("Kwame Adjei (choir, St. Augustine's)     (905) 555-0126")
    statements = parse_statements(tmp_path / "PEOPLE.txt", ("PEOPLE\n" + "\n".join(people) + "\n").encode())
    home = Home(tmp_path / "home").ensure()
    memory = ExchangeMemory(statements)
    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=scorer), memory=memory)
    assert "Kwame Adjei" not in " ".join(s.text for s in memory.search_statements("Whose number is (905) 555-0126?"))
    answer = engine.ask("Whose number is (905) 555-0126?", mode="rag")
    assert answer.kind == "answered" and "Kwame Adjei" in answer.answer
    answer = engine.ask("Whose number is (905) 555-0199?", mode="rag")
    assert "Kwame Adjei" not in answer.answer and "0199" not in answer.answer


def test_a_hop_asks_again_by_the_name_found_or_the_full_name_in_brackets(tmp_path):
    """"What is my mother's phone number?": she is found as "Pirjo", known in full as "Pirjo
    Nieminen", and only the card that says "Pirjo" holds her number; "my boyfriend" is found as
    "Beam", whose card goes by the full name the line gives in brackets. Each is asked again by
    the name that finds the card; a name asked in vain answers nothing."""
    from agent.chat import relative_clause
    from agent.reader_types import Reading
    from agent.reader_statements import StatementHit

    def st(text, line):
        return StatementHit(id=str(line), path="/notes/family.md", line=line, end_line=line, text=text, source=text)

    engine, _, _ = make_engine(tmp_path)
    asked: list[str] = []

    def parts(question, already):
        asked.append(question)
        if "Pirjo's" in question or "Phuwadol Kaewmanee's" in question:
            card = st(f"{question} +358 50 555 3416", 40)
            return [Reading(kind="answered", answer="+358 50 555 3416", question=question, statement=card)]
        return [Reading(kind="abstained", answer="I don't know: your notes don't say.", question=question)]

    engine._parts = parts
    engine._full_name = lambda name, context="": "Pirjo Nieminen" if name == "Pirjo" else name
    mother = st("Perhe: Äiti: Pirjo, in Jyväskylä.", 3)
    engine._hop = lambda *a, **k: ("Pirjo", Reading(kind="answered", answer=mother.text, question="Who is my mother?", statement=mother))
    readings, found = engine._hop_readings(relative_clause("What is my mother's phone number?"), "")
    assert asked == ["What is Pirjo Nieminen's phone number?", "What is Pirjo's phone number?"]
    assert found is not None and readings[-1].answer == "+358 50 555 3416"

    asked.clear()
    partner = st("แฟน: Beam — ภูดล (Phuwadol Kaewmanee), together since 2566.", 5)
    engine._hop = lambda *a, **k: ("Beam", Reading(kind="answered", answer=partner.text, question="Who is my boyfriend?", statement=partner))
    readings, found = engine._hop_readings(relative_clause("What is my boyfriend's mobile number?"), "")
    assert asked[-1] == "What is Phuwadol Kaewmanee's mobile number?" and readings[-1].answer == "+358 50 555 3416"

    # By the short name the notes may know two people: asking which is no answer about the one found.
    asked.clear()
    friend = st("Friend: Ola, from the hiking club.", 7)
    engine._full_name = lambda name, context="": "Ola Nordmann"
    engine._parts = lambda question, already: asked.append(question) or [Reading(
        kind="ambiguous" if "Ola's" in question else "abstained", answer="Which one?", question=question)]
    engine._hop = lambda *a, **k: ("Ola", Reading(kind="answered", answer=friend.text, question="Who is my friend?", statement=friend))
    assert engine._hop_readings(relative_clause("What is my friend's phone number?"), "") == ([], None)
    assert asked == ["What is Ola Nordmann's phone number?", "What is Ola's phone number?"]


def test_a_hop_for_a_doctor_takes_the_one_the_line_calls_dr(tmp_path):
    """"the doctor who prescribed Zoya's Ventolin": the line that tells it is keyed by the drug
    ("Drug: Ventolin syrup ... (Dr. Farah)"); the doctor is the one it calls Dr., not its key.
    A line with two doctors names neither for sure, and a hop for someone else is left alone."""
    from agent.reader_types import Reading, Scored
    from agent.reader_statements import StatementHit

    def st(text, line):
        return StatementHit(id=str(line), path="/notes/health.md", line=line, end_line=line, text=text, source=text)

    engine, _, _ = make_engine(tmp_path)

    def found(text, noun):
        line = st(text, 4)
        engine._read_about = lambda search, question: Reading(
            kind="answered", answer=line.text, question=question, statement=line,
            candidates=[Scored(statement=line, cover=1.0, typed=[], prerank=0.0)])
        hop = engine._hop("Which doctor prescribed Zoya's Ventolin?", "Who prescribed Zoya's Ventolin?", noun)
        return hop[0] if hop else None

    assert found("Medicine Zoya: Drug: Ventolin syrup only when the chest is tight (Dr. Farah).", "doctor") == "Dr. Farah"
    assert found("Medicine Zoya: Drug: Ventolin syrup (Dr. Farah, then Dr. Malik).", "doctor") != "Dr. Farah"
    assert found("Medicine Zoya: Drug: Ventolin syrup (Dr. Farah).", "person") != "Dr. Farah"


def test_a_pronoun_sentence_after_the_named_one_is_read_as_about_them(tmp_path):
    """"Called Ravshan. He moved from Lyon to Oslo last month.": the second sentence shares no word
    with "Where does my brother Ravshan live?" and says nobody's name; it is read right after the
    sentence that names him, so the newer place answers over the card's older one (real memory)."""
    from agent.chat import open_memory
    from agent.reader_statements import search_statements

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "family.md").write_text("# Family\n\n- Ravshan: my older brother, in Lyon since 2019, pastry chef at a hotel there.\n"
                                     "- Dilya: my younger sister, student in Almaty.\n")
    (notes / "journal.md").write_text("# Journal\n\n## October\n\n**07.10.2026** - Called Ravshan. He moved from Lyon to Oslo last month, "
                                      "new job at a bakery. Mum cried, then was proud.\n")
    home = Home(tmp_path / "home").ensure()
    settings = home.load_settings()
    settings.notes_dirs = [str(notes)]
    memory = open_memory(home, settings)
    try:
        memory.index([notes])
        engine = ChatEngine(home, settings, memory=memory, model=FakeModel(logprob_fn=scorer))
        called = [s for s in memory.search_statements("Called Ravshan", k=12) if s.text.endswith("Called Ravshan.")]
        assert called and [s.text for s in memory.statements_after(called[0].id, 1)] == ["He moved from Lyon to Oslo last month, new job at a bakery."]
        retrieved = search_statements(memory, "Ravshan", k=4)
        found = engine._followers("Where does my brother Ravshan live?", retrieved)
        assert any(s.continues and "Oslo" in s.text and "Called Ravshan" in s.context for s in [*retrieved, *found])
        answer = engine.ask("Where does my brother Ravshan live?")
        assert answer.kind == "answered" and "Oslo" in answer.answer, answer.answer
        # A name no retrieved sentence is followed about brings nothing more.
        assert engine._followers("Where does Dilya live?", search_statements(memory, "Dilya", k=4)) == []
    finally:
        memory.close()


def _birthday_hop(tmp_path, found: str, family: tuple[str, int], birthday: tuple[str, int], answered_by: str):
    """"When is my mother-in-law's birthday?" hopped over a stubbed engine: the hop finds `found` on
    the family line; only the question `answered_by` is answered, from the birthday line."""
    from agent.reader_types import Reading
    from agent.reader_question import Hops
    from agent.reader_statements import StatementHit

    def st(text, line):
        return StatementHit(id=str(line), path="/notes/family.md", line=line, end_line=line, text=text, source=text)

    family_st, birthday_st = st(*family), st(*birthday)
    engine, _, _ = make_engine(tmp_path)
    engine._hop = lambda *a, **k: (found, Reading(kind="answered", answer=family_st.text, question=a[0], statement=family_st))
    engine._full_name = lambda name, context="": name
    asked: list[str] = []

    def parts(question, already):
        asked.append(question)
        if question == answered_by:
            return [Reading(kind="answered", answer=birthday_st.text, question=question, statement=birthday_st)]
        return [Reading(kind="abstained", answer=DONT_KNOW, question=question)]
    engine._parts = parts
    hops = Hops(inner="Who is my mother-in-law?", read="Who is my mother-in-law?", outer="When is {}'s birthday?", noun="mother-in-law")
    readings, found_by = engine._hop_readings(hops, "")
    return readings, found_by, asked


def test_a_hop_asks_again_without_the_honorific_the_person_was_found_with(tmp_path):
    """"my mother-in-law Mma Dineo Kgari" (Setswana's Mrs) is found as "Mma Dineo Kgari"; the
    birthdays table writes "Dineo Kgari". Her birthday is asked by the name without the title when
    the name with it finds nothing."""
    readings, found, asked = _birthday_hop(tmp_path, "Mma Dineo Kgari", ("Naledi's mother, my mother-in-law Mma Dineo Kgari, lives in Ramotswa.", 13),
                                           ("Dineo Kgari: born: 05/05/1963", 11), "When is Dineo Kgari's birthday?")
    assert asked[:2] == ["When is Mma Dineo Kgari's birthday?", "When is Dineo Kgari's birthday?"]
    assert [r.statement.line for r in readings] == [13, 11] and found[0] == "Mma Dineo Kgari"
    # Portuguese "Dona", the Caribbean "Ma", a doctor's "Dr.ª" alike; a name that starts like one is kept.
    # Sesotho's "'Mè" and "Ntate", Portuguese "Professora", a "Tio" too.
    for title in ("Dona", "Ma", "Dr.ª", "meneer", "'Mè", "Ntate", "Professora", "Tio"):
        _, _, asked = _birthday_hop(tmp_path, f"{title} Rosalina Varela", (f"My mother-in-law, {title} Rosalina Varela.", 29),
                                    ("Rosalina Varela: 08/12", 13), "When is Rosalina Varela's birthday?")
        assert asked[:2] == [f"When is {title} Rosalina Varela's birthday?", "When is Rosalina Varela's birthday?"], title
    _, _, asked = _birthday_hop(tmp_path, "Marta Varela", ("My mother-in-law, Marta Varela.", 29), ("Marta Varela: 08/12", 13),
                                "When is Marta Varela's birthday?")
    assert asked == ["When is Marta Varela's birthday?"]


def test_a_hop_asks_by_the_given_name_when_a_list_knows_people_by_it(tmp_path):
    """"Mother-in-law: Leela Dulloo" found by the hop; the birthdays table lists "Leela" alone. Asked
    by her full name the notes say nothing, by her given name they answer."""
    readings, _, asked = _birthday_hop(tmp_path, "Leela Dulloo", ("Mother-in-law: Leela Dulloo, Curepipe.", 27),
                                       ("Leela: date: 21/04/1959", 6), "When is Leela's birthday?")
    assert asked == ["When is Leela Dulloo's birthday?", "When is Leela's birthday?"]
    assert [r.statement.line for r in readings] == [27, 6]


def test_a_line_listed_by_a_given_name_is_one_a_list_keys_by_it():
    from agent.chat import _listed_by
    from agent.reader_statements import StatementHit

    def st(text, fields=None):
        return StatementHit(id="1", path="/notes/n.md", line=1, end_line=1, text=text, source=text, fields=fields or {})
    assert _listed_by(st("Leela: date: 21/04/1959"), "Leela")
    assert _listed_by(st("people: name: Ljiljana; date: 06.02.1958.", {"name": "Ljiljana; date: 06.02.1958."}), "Ljiljana")
    assert not _listed_by(st("News from Bolot: Also today: switched the home internet to Aknet.", {"Also today": "switched ..."}), "Bolot")


def test_a_heading_that_gives_a_place_two_names_makes_each_the_others_alias(tmp_path):
    """"## Flat B (Loxley Mews)": Loxley Mews is also Flat B and back, so the rent under "## Flat
    B, new tenant" answers "What's the rent at Loxley Mews?"; the model reads that line with the
    asked name in it. A word in brackets that is no name ("Biscuit (ginger)") is no alias."""
    from agent.reader import Reader
    from memory.statements import parse_statements
    from tests.agent.test_reader import hit, overlap_model

    note = ("# Tenants\n\n## Flat B (Loxley Mews)\n\n- Sophie Tran, student nurse, moved in 20 Aug 2023\n"
            "- rent £590 pcm, due on the 20th\n\n## Flat B, new tenant\n\n- Arjun Mehta, moved in 15 Aug 2026\n"
            "- rent £625 pcm, due on the 15th\n\n## Biscuit (ginger)\n\n- Biscuit is the tenants' cat.\n")
    statements = parse_statements(tmp_path / "tenants.md", note.encode())
    home = Home(tmp_path / "home").ensure()
    engine = ChatEngine(home, home.load_settings(), model=FakeModel(logprob_fn=scorer), memory=MentionMemory(statements))
    assert engine._nicknames("Loxley Mews") == ["Flat B"] and engine._nicknames("Flat B") == ["Loxley Mews"]
    assert engine._nicknames("Biscuit") == []
    path = str(tmp_path / "tenants.md")
    hits = [hit("Flat B (Loxley Mews): rent £590 pcm, due on the 20th", line=6, path=path, topic="Flat B (Loxley Mews)"),
            hit("Flat B, new tenant: rent £625 pcm, due on the 15th", line=11, path=path, topic="Flat B, new tenant")]
    reading = Reader(overlap_model()).read("What's the rent at Loxley Mews?", hits, nicknames={"Loxley Mews": ["Flat B"]})
    pmi = {c.statement.line: c.pmi for c in reading.candidates}
    assert set(pmi) == {6, 11} and pmi[11] == pmi[6]  # read as "Loxley Mews, new tenant: rent £625 ..."
    alone = Reader(overlap_model()).read("What's the rent at Loxley Mews?", hits)
    assert [c.statement.line for c in alone.candidates if c.names_ok] == [6]
