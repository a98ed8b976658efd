"""Two records asked back by what else their record says, and "Who is my editor?" answered by the
line that says "my editor is ...". The records' own notes are written by each test: what tells two
records apart (the flat's lender, the supplier's name, the bike's make) is read from the note around
the line that holds the asked value."""
from __future__ import annotations

from agent.reader import Reader, _asked_my_role, _states_my_role
from agent.reader_notes import record_lines
from tests.agent.test_reader import hit, overlap_model
from tests.agent.test_reader_namesakes_unknown import _notes

FLATS = """# The two flats

[flat_a]
address = "Flat A, 41 Ashdell Grove, Sheffield S10 3DQ"
mortgage_lender = "Pennine Building Society"
mortgage_fixed_until = 2027-06-30

[flat_b]
address = "3 Loxley Mews, Sheffield S6 4GD"
mortgage_lender = "Hallamshire Mutual"
mortgage_fixed_until = 2028-02-28
"""

SUPPLIERS = """# suppliers
milk:
  name: Hollin Farm Dairy
  phone: 07700 900412
  account no: HFD-2291
cleaning:
  name: BrightChem Supplies
  phone: 07700 900145
  account no: BC-55802
"""

BIKES = """# Bikes

Road bike: Bianchi Via Nirone 7, celeste green, 2016. Frame number BN16-88231. My first proper
bike; I bought it second-hand in Turin.

Cargo bike: Urban Arrow Family, black, bought in May 2025. Frame number UA-4410-7726.
"""

HOUSE = """# House

## Car

### The Corolla (mine)
2019 Toyota Corolla hybrid, silver.
MOT due 14 March.

### Dev's van
Ford Transit Custom, white. MOT due 2 July.

## Menu
- Cheese toastie £5.50
- Soup of the day £4.20
- Board done, till not done yet
"""


def test_a_record_is_its_table_its_indented_keys_its_short_section_or_its_paragraph(tmp_path):
    notes = _notes(tmp_path, {"flats.toml": FLATS, "suppliers.yaml": SUPPLIERS, "bikes.md": BIKES, "house.md": HOUSE})
    flat_a = record_lines(str(notes / "flats.toml"), 6)
    assert 'mortgage_lender = "Pennine Building Society"' in flat_a and not any("Hallamshire" in ln for ln in flat_a)
    milk = record_lines(str(notes / "suppliers.yaml"), 5)
    assert milk == ["name: Hollin Farm Dairy", "phone: 07700 900412", "account no: HFD-2291"]
    # One heading over a paragraph per bike: each paragraph is a record.
    cargo = record_lines(str(notes / "bikes.md"), 6)
    assert cargo == ["Cargo bike: Urban Arrow Family, black, bought in May 2025. Frame number UA-4410-7726."]
    assert record_lines(str(notes / "bikes.md"), 3)[0].startswith("Road bike: Bianchi")
    # A short section with one block is one record; a bullet of a list is its own.
    assert record_lines(str(notes / "house.md"), 7) == ["2019 Toyota Corolla hybrid, silver.", "MOT due 14 March."]
    assert record_lines(str(notes / "house.md"), 13) == ["- Cheese toastie £5.50", "- Soup of the day £4.20",
                                                       "- Board done, till not done yet"]
    assert record_lines(str(notes / "gone.md"), 3) == []


def _two(notes, name, first, second, question):
    """The reader over two lines of one note that say the asked thing alike."""
    a = hit(first[1], line=first[0], path=str(notes / name), topic=first[2])
    b = hit(second[1], line=second[0], path=str(notes / name), topic=second[2], rank=1)
    return Reader(overlap_model()).read(question, [a, b])


def test_two_flats_asked_back_by_their_lenders(tmp_path):
    notes = _notes(tmp_path, {"flats.toml": FLATS})
    reading = _two(notes, "flats.toml", (6, "flat a: mortgage fixed until: 2027-06-30", "flat a"),
                   (11, "flat b: mortgage fixed until: 2028-02-28", "flat b"), "When does my mortgage fix end?")
    assert reading.kind == "ambiguous", reading.answer
    # The lender is a key that says a word of the question; the address is not what is asked about.
    assert "Pennine Building Society" in reading.answer and "Hallamshire Mutual" in reading.answer
    assert "Ashdell" not in reading.answer


def test_two_suppliers_asked_back_by_their_names(tmp_path):
    notes = _notes(tmp_path, {"suppliers.yaml": SUPPLIERS})
    reading = _two(notes, "suppliers.yaml", (5, "milk: account no: HFD-2291", "milk"),
                   (9, "cleaning: account no: BC-55802", "cleaning"), "What's our account number with the supplier?")
    assert reading.kind == "ambiguous", reading.answer
    assert "Hollin Farm Dairy" in reading.answer and "BrightChem Supplies" in reading.answer


def test_a_record_named_by_a_given_name_gets_nothing_more(tmp_path):
    notes = _notes(tmp_path, {"kids.md": "# Kids\n\nLéa: swimming at 9 h 15 with the Junior group.\n\n"
                                         "Théo: swimming at 10 h 00 with the Étoile group.\n"})
    reading = _two(notes, "kids.md", (3, "Léa: swimming at: 9 h 15", "Kids"), (5, "Théo: swimming at: 10 h 00", "Kids"),
                   "What time is swimming?")
    assert reading.kind == "ambiguous", reading.answer
    assert "Léa" in reading.answer and "Théo" in reading.answer
    assert "Junior" not in reading.answer and "Étoile" not in reading.answer


def test_who_is_my_role_is_read_from_the_line_that_says_it():
    assert _asked_my_role("Who is my editor at Editora Maré?") == "editor"
    assert _asked_my_role("who's my GP") == "gp"
    assert _asked_my_role("Who is my sister?") == "sister"
    assert _asked_my_role("Who is my nan?") is None  # a family title is called as a name ("Nan"), not as "my nan is"
    assert _states_my_role("editor", "Mudança: From 1 November my editor is Inês Carvalho.")
    assert _states_my_role("gp", "Dr Okoye is my new GP since March.")
    assert not _states_my_role("editor", "my editor is going on holiday in May")
    job = hit("job: M-2501; client: Editora Maré; what: The Salt Road (K. Ambrose); received: 2025-11-20; "
              "status: in progress", line=8, path="/notes/trabalhos.csv", topic="trabalhos",
              fields={"job": "M-2501", "client": "Editora Maré", "what": "The Salt Road (K. Ambrose)"})
    said = hit("Reunião Editora Maré: Mudança: From 1 November my editor is Inês Carvalho. All files go to her.",
               line=14, path="/notes/reuniao Editora Mare.md", topic="Reunião Editora Maré", rank=1)
    reading = Reader(overlap_model()).read("Who is my editor at Editora Maré?", [job, said])
    assert reading.kind == "answered" and "Inês Carvalho" in reading.answer, reading.answer


def test_two_cars_asked_back_by_their_insurers_column_or_key_in_the_notes_language(tmp_path):
    notes = _notes(tmp_path, {
        "insurance.txt": "| car | insurer | policy | renews |\n|---|---|---|---|\n"
                         "| Honda City | Viriyah | V-2026-0714412 | 05/04/2570 |\n"
                         "| Toyota Yaris | Dhipaya | DP-55-8820931 | 17/07/2570 |\n",
        "Auto.wiki": "= Auto =\n\n== Golf ==\n  * Versicherung: HUK-COBURG, Vertragsnummer 845/221893-K\n\n"
                     "== Fabia ==\n  * Versicherung: Allianz, Versicherungsschein-Nr. AS-7741-0038-2\n"})
    # A table's row is a record of its own; its "insurer" column says a word of the question.
    assert record_lines(str(notes / "insurance.txt"), 3) == ["| Honda City | Viriyah | V-2026-0714412 | 05/04/2570 |"]
    fields = [{"car": "Honda City", "insurer": "Viriyah", "renews": "05/04/2570"},
              {"car": "Toyota Yaris", "insurer": "Dhipaya", "renews": "17/07/2570"}]
    rows = [hit(f"car: {f['car']}; insurer: {f['insurer']}; renews: {f['renews']}", line=3 + i, rank=i,
                path=str(notes / "insurance.txt"), fields=f) for i, f in enumerate(fields)]
    reading = Reader(overlap_model()).read("When does the car insurance renew?", rows)
    assert reading.kind == "ambiguous", reading.answer
    assert "Viriyah" in reading.answer and "Dhipaya" in reading.answer
    # "Versicherung" is German for insurance: the name it keys tells the cars apart, though the
    # cars are named already.
    reading = _two(notes, "Auto.wiki", (4, "Golf: Versicherung: HUK-COBURG, Vertragsnummer 845/221893-K", "Golf"),
                   (7, "Fabia: Versicherung: Allianz, Versicherungsschein-Nr. AS-7741-0038-2", "Fabia"),
                   "What's the car insurance number?")
    assert reading.kind == "ambiguous", reading.answer
    assert "HUK-COBURG" in reading.answer and "Allianz" in reading.answer
