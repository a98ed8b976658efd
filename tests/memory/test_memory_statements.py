"""Statements: what memory/statements.py makes of a note (exact lines, self-contained text),
and how Memory stores, replaces, forgets, repairs, upgrades and searches them (real chromadb,
real MiniLM embedder)."""
from __future__ import annotations

import re
import sqlite3
import textwrap
from pathlib import Path

import pytest

from memory.statements import parse_statements, split_sentences

NOTE = textwrap.dedent(
    """\
    # Pixel

    Pixel is our border collie. She was born in April 2021 and we adopted her from the Oregon
    Humane Society. She loves Mr. Smith's farm, e.g. for the sheep.

    ## Care

    - Vet: Dr. Alvarez at Sellwood Animal Clinic
    - Food: 2.5 cups of kibble per day,
      split morning and evening
    - She is scared of thunderstorms.

    ## Contacts

    | who | name | phone |
    |---|---|---|
    | sitter | Dana Whitfield | +1 971 555 0110 |

    Walks: 9:30 and 18:00 every day.
    """
)


def _by_line(stmts):
    return {(s.line, s.end_line): s for s in stmts}


def test_markdown_note_becomes_statements_with_exact_lines(tmp_path):
    path = tmp_path / "pixel.md"
    stmts = parse_statements(path, NOTE.encode())
    got = _by_line(stmts)
    assert [(s.line, s.end_line, s.kind) for s in stmts] == [
        (3, 3, "sentence"), (3, 4, "sentence"), (4, 4, "sentence"),
        (8, 8, "bullet"), (9, 10, "bullet"), (11, 11, "bullet"),
        (17, 17, "row"), (19, 19, "kv"),
    ]
    # Prose: split into sentences, "Dr." and "e.g." do not end one; a sentence over two lines
    # starts on the first and quotes both lines exactly.
    assert got[(3, 4)].text == "She was born in April 2021 and we adopted her from the Oregon Humane Society."
    assert got[(3, 4)].source == "She was born in April 2021 and we adopted her from the Oregon\nHumane Society."
    assert got[(4, 4)].text == "She loves Mr. Smith's farm, e.g. for the sheep."
    assert got[(3, 3)].topic == ["Pixel"]
    # Bullets carry their heading; "Key: value" bullets carry fields; continuation lines join.
    vet = got[(8, 8)]
    assert vet.text == "Care: Vet: Dr. Alvarez at Sellwood Animal Clinic"
    assert vet.topic == ["Pixel", "Care"] and vet.fields == {"Vet": "Dr. Alvarez at Sellwood Animal Clinic"}
    assert vet.source == "Vet: Dr. Alvarez at Sellwood Animal Clinic"
    assert got[(9, 10)].text == "Care: Food: 2.5 cups of kibble per day, split morning and evening"
    assert got[(11, 11)].text == "Care: She is scared of thunderstorms."  # pronoun kept, topic given
    # A table row carries its column names (a "who" column names the row).
    row = got[(17, 17)]
    assert row.text == "sitter: Dana Whitfield; phone: +1 971 555 0110"
    assert row.fields == {"who": "sitter", "name": "Dana Whitfield", "phone": "+1 971 555 0110"}
    assert row.source == "| sitter | Dana Whitfield | +1 971 555 0110 |"
    # "Key: value" after the table, times not mistaken for keys.
    walks = got[(19, 19)]
    assert walks.fields == {"Walks": "9:30 and 18:00 every day"} and walks.topic == ["Pixel", "Contacts"]
    assert len({s.id for s in stmts}) == len(stmts)


def test_csv_rows_name_their_columns_and_keep_their_lines(tmp_path):
    data = b'name,relation,mobile,notes\nMei Tanaka,sister,+1 416 555 0147,"pharmacist;\ntwo kids"\n\nOwen Ross,husband,+1 604 555 0131,\n'
    stmts = parse_statements(tmp_path / "contacts.csv", data)
    assert [(s.line, s.end_line, s.kind) for s in stmts] == [(2, 3, "row"), (5, 5, "row")]
    assert stmts[1].text == "name: Owen Ross; relation: husband; mobile: +1 604 555 0131"
    assert stmts[1].fields == {"name": "Owen Ross", "relation": "husband", "mobile": "+1 604 555 0131"}
    assert stmts[0].source == 'Mei Tanaka,sister,+1 416 555 0147,"pharmacist;\ntwo kids"'


def test_a_table_with_a_blank_header_row_is_read_as_keys_and_values(tmp_path):
    """Markdown needs a header row, so a key-value table leaves it blank ("| | |"): each row says
    its key's value ("Plate: HY 308"), not "column 1: Plate; column 2: HY 308"."""
    note = "# Cars\n\n| | |\n|---|---|\n| Plate | HY 308 |\n| Insurance | Sun Insurance, policy MV-552190 |\n| Tyres | |\n"
    stmts = parse_statements(tmp_path / "cars.md", note.encode())
    got = [(s.line, s.text, s.fields) for s in stmts]
    assert (5, "Plate: HY 308", {"Plate": "HY 308"}) in got
    assert (6, "Insurance: Sun Insurance, policy MV-552190", {"Insurance": "Sun Insurance, policy MV-552190"}) in got
    assert not any("column" in t for _, t, _ in got)
    # A header row that names its columns still names them.
    named = parse_statements(tmp_path / "c.md", b"| who | phone |\n|---|---|\n| sitter | 555 0110 |\n")
    assert [s.fields for s in named] == [{"who": "sitter", "phone": "555 0110"}]


def test_plain_text_lines_and_key_topics(tmp_path):
    text = (
        "Cello: I have played since I was eight. Lessons with Mr. Okonkwo on Thursdays.\n"
        "\n"
        "Wifi network Hoffnet\n"
        "Router in the hall closet\n"
    )
    stmts = parse_statements(tmp_path / "hobbies.txt", text.encode())
    assert [(s.line, s.kind, s.text) for s in stmts] == [
        (1, "kv", "Cello: I have played since I was eight."),
        (1, "sentence", "Cello: Lessons with Mr. Okonkwo on Thursdays."),
        (3, "line", "Wifi network Hoffnet"),
        (4, "line", "Router in the hall closet"),
    ]
    assert stmts[1].topic == ["Cello"] and stmts[1].source == "Lessons with Mr. Okonkwo on Thursdays."


def test_a_key_on_a_line_of_its_own_is_not_the_topic_of_the_lines_after_it(tmp_path):
    """One fact per line: "Boss: Mr. Clement Gonsalves ..., strict but fair." then "Hours ..." and
    "Lorraine ... on the other bench.": those lines are not about the boss. Prose wrapped in the
    middle of a sentence keeps the key for the sentences after it."""
    text = ("Boss: Mr. Clement Gonsalves (QC Manager), strict but fair.\n"
            "Hours 7:30 to 4:30, one Saturday half day a month.\n"
            "Lorraine Heeralall on the other bench.\n"
            "\n"
            "Cello: I have played since I was eight and I practise\n"
            "every day. Lessons on Thursdays.\n")
    stmts = parse_statements(tmp_path / "work.txt", text.encode())
    assert [(s.line, s.kind, s.text, s.topic) for s in stmts] == [
        (1, "kv", "Boss: Mr. Clement Gonsalves (QC Manager), strict but fair.", ["Boss"]),
        (2, "sentence", "Hours 7:30 to 4:30, one Saturday half day a month.", []),
        (3, "sentence", "Lorraine Heeralall on the other bench.", []),
        (5, "kv", "Cello: I have played since I was eight and I practise every day.", ["Cello"]),
        (6, "sentence", "Cello: Lessons on Thursdays.", ["Cello"]),
    ]


def test_a_struck_out_value_followed_by_another_reads_as_the_change(tmp_path):
    """"~~Granite Wall~~ The Crux Room" is a change of gym, not a gym called "Granite Wall The
    Crux Room"; a struck value with no replacement after it keeps its words; RST rules stay out."""
    text = "- Membership: ~~Granite Wall~~ The Crux Room (switched 2026-06-01)\n- ~~30 April~~ is off.\n\nTitle\n~~~~~\n"
    stmts = parse_statements(tmp_path / "log.md", text.encode())
    assert [s.text for s in stmts][:2] == ["Membership: Granite Wall → The Crux Room (switched 2026-06-01)", "30 April is off."]
    assert stmts[0].source.startswith("Membership: ~~Granite Wall~~")  # quoted as written


def test_lines_indented_under_a_short_line_carry_it_as_their_topic(tmp_path):
    """A plain-text address book: the name line heads the address and phone lines under it."""
    text = (
        "ADDRESS BOOK\n"
        "\n"
        "Karin & Tom Shaw\n"
        "    5 Orchard Terrace, Bristol\n"
        "    Karin mobile 07700 555 617\n"
        "Birgit (my sister)\n"
        "    Vestergade 41, Aarhus\n"
    )
    stmts = parse_statements(tmp_path / "addresses.txt", text.encode())
    by_line = {s.line: s for s in stmts}
    assert by_line[4].text == "Karin & Tom Shaw: 5 Orchard Terrace, Bristol" and by_line[4].topic[-1] == "Karin & Tom Shaw"
    assert by_line[5].text == "Karin & Tom Shaw: Karin mobile 07700 555 617"
    assert by_line[7].topic[-1] == "Birgit (my sister)"  # the next name closes Karin's entry
    assert by_line[3].topic[-1] != "Karin & Tom Shaw"  # a heading line is not its own topic


def test_key_value_lines_indented_under_a_title_carry_it_too(tmp_path):
    """A plain-text note with an underlined title and a capitalised name over indented "Key: value"
    lines: the plate is the van's, so "Plate: ..." carries "VAUXHALL VIVARO (work van)" as a bare
    line under it does."""
    text = (
        "GARAGE\n"
        "======\n"
        "\n"
        "VAUXHALL VIVARO (work van)\n"
        "    2015, white\n"
        "    Plate: WX15 KQT\n"
        "    MOT due: 3 March 2027\n"
        "\n"
        "PIAGGIO LIBERTY\n"
        "    Plate: LR19 HFE\n"
    )
    stmts = parse_statements(tmp_path / "VEHICLES.txt", text.encode())
    by_line = {s.line: s for s in stmts}
    assert by_line[5].text == "VAUXHALL VIVARO (work van): 2015, white"
    assert by_line[6].text == "VAUXHALL VIVARO (work van): Plate: WX15 KQT" and by_line[6].fields == {"Plate": "WX15 KQT"}
    assert by_line[7].text == "VAUXHALL VIVARO (work van): MOT due: 3 March 2027"
    assert by_line[10].text == "PIAGGIO LIBERTY: Plate: LR19 HFE"


def test_a_wall_of_text_is_cut_into_quotable_windows(tmp_path):
    wall = " ".join(f"w{i}" for i in range(300))
    stmts = parse_statements(tmp_path / "dump.txt", f"Title line\n\nIntro.\n\n{wall}\n".encode())
    windows = [s for s in stmts if s.text.startswith("w")]
    assert [len(s.text.split()) for s in windows] == [60] * 5
    assert all(s.line == s.end_line == 5 and s.source == s.text for s in windows)
    assert " ".join(s.text for s in windows) == wall


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I met Dr. Alvarez today. She was kind.", ["I met Dr. Alvarez today.", "She was kind."]),
        ('Reading "The Dispossessed" by Ursula K. Le Guin. Great.', ['Reading "The Dispossessed" by Ursula K. Le Guin.', "Great."]),
        ("Bring e.g. a towel. Done.", ["Bring e.g. a towel.", "Done."]),
        ("It costs 3.5 euros. Stand-up at 9:30. Then v1.2.3 shipped.", ["It costs 3.5 euros.", "Stand-up at 9:30.", "Then v1.2.3 shipped."]),
        ("Swim at the Y. I forget the code.", ["Swim at the Y.", "I forget the code."]),
        ("Due Jan. 5 at noon. We met in Jan. Then it rained.", ["Due Jan. 5 at noon.", "We met in Jan.", "Then it rained."]),
        ("Is it Suite No. 1? Yes! It is.", ["Is it Suite No. 1?", "Yes!", "It is."]),
        # A currency written with a dot before its amount ends no sentence; a word ending one does.
        ("Sueldo: Gs. 9.800.000 bruto. Premium Rs. 42,300 a year. Ask Tel. 555 0101.",
         ["Sueldo: Gs. 9.800.000 bruto.", "Premium Rs. 42,300 a year.", "Ask Tel. 555 0101."]),
        ("School fee: Nu. 2,900 a month. Tuition Tk. 1,500 a week.", ["School fee: Nu. 2,900 a month.", "Tuition Tk. 1,500 a week."]),
        ("We bought two pairs of trousers. 3 were too small.", ["We bought two pairs of trousers.", "3 were too small."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert split_sentences(text) == expected


def test_statement_keywords_match_by_prefix_only_when_asked():
    from memory.ledger import fts_query

    assert fts_query("What am I allergic to?") == '"allergic"'
    assert fts_query("What am I allergic to?", prefix=5) == '"allergic" OR "aller"*'
    assert fts_query("when is the 2027 race", prefix=5) == '"2027" OR "race"'  # short words, numbers: exact


# ---------------------------------------------------------------------------------------------
# stored statements


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def notes(tmp_path) -> Path:
    root = tmp_path / "notes"
    _write(root / "pixel.md", NOTE)
    _write(root / "car.md", "# Car\n\nThe car is a 2014 Golf. Oil change every 15000 km at Meyer garage.\n")
    return root


def test_search_statements_finds_the_line_and_statements_at_cites_it(make_memory, notes):
    mem = make_memory()
    report = mem.index([notes])
    assert report.statements_total == mem.stats().statements == 10
    hits = mem.search_statements("Who is Pixel's vet?", k=3)
    vet = [h for h in hits if h.path == str(notes / "pixel.md") and h.line == 8]
    assert vet and vet[0].score > 0 and vet[0].vector_score is not None and vet[0].keyword_score is not None
    assert hits == sorted(hits, key=lambda h: -h.score)
    hit = mem.search_statements("what is the sitter's phone number", k=1)[0]
    assert (hit.line, hit.kind) == (17, "row")
    at = mem.statements_at(str(notes / "pixel.md"), 4)  # line 4 holds the end of one, all of another
    assert [(s.line, s.end_line) for s in at] == [(3, 4), (4, 4)]
    chunk_ids = {c.id for c in mem.iter_chunks()}
    assert all(s.chunk_id in chunk_ids for s in mem.iter_statements())
    assert [s.line for s in mem.iter_statements([str(notes / "car.md")])] == [3, 3]
    assert mem.search_statements("   ", k=3) == []
    # The statements before one, in file order (a pronoun sentence's antecedents); none before the first.
    car = list(mem.iter_statements([str(notes / "car.md")]))
    assert [s.id for s in mem.statements_before(car[1].id, 3)] == [car[0].id]
    assert mem.statements_before(car[0].id, 3) == [] and mem.statements_before("no-such-id", 3) == []
    # Every line naming a word, by the full-text index alone ("Meyer" shares nothing else with a question).
    assert [(s.path, s.line) for s in mem.statements_mentioning("Meyer")] == [(str(notes / "car.md"), 3)]
    assert mem.statements_mentioning("Nobody") == [] and mem.statements_mentioning("  ") == []
    # Every line with a word that begins so ("Mey" finds "Meyer"), for a short form of a name.
    assert [(s.path, s.line) for s in mem.statements_with_word_starting("Mey")] == [(str(notes / "car.md"), 3)]
    assert mem.statements_with_word_starting("Zzq") == [] and mem.statements_with_word_starting("M*") == []
    # How many lines hold a word, stemmed as the index stems it ("changes" counts "change"); a
    # phrase or FTS syntax is no word and holds nothing.
    assert mem.lines_holding("change") == mem.lines_holding("changes") == 1 and mem.lines_holding("chnge") == 0
    assert mem.lines_holding("oil change") == 0 and mem.lines_holding('"oil') == 0 and mem.lines_holding("") == 0


def test_edit_replaces_statements_and_moved_lines_keep_their_ids(make_memory, notes, embed_counter):
    mem = make_memory()
    mem.index([notes])
    car = notes / "car.md"
    before = {s.text: s for s in mem.iter_statements([str(car)])}
    embed_counter.clear()
    car.write_text("# Car\n\nBought in May.\n\nThe car is a 2014 Golf. Oil change every 20000 km at Meyer garage.\n")
    report = mem.index([notes])
    after = {s.text: s for s in mem.iter_statements([str(car)])}
    assert set(after) == {"Bought in May.", "The car is a 2014 Golf.", "Oil change every 20000 km at Meyer garage."}
    golf = after["The car is a 2014 Golf."]
    assert golf.id == before["The car is a 2014 Golf."].id and golf.line == 5  # moved from line 3
    assert report.statements_embedded == 2  # only the new texts
    assert not any("15000" in s.text for s in mem.iter_statements())
    assert mem.search_statements("how often is the oil changed", k=1)[0].text.startswith("Oil change every 20000")
    assert mem.audit([notes]).ok


def test_deleted_file_statements_are_gone(make_memory, notes):
    mem = make_memory()
    mem.index([notes])
    (notes / "car.md").unlink()
    mem.index([notes])
    assert all(s.path != str(notes / "car.md") for s in mem.iter_statements())
    assert mem.statements_at(str(notes / "car.md"), 3) == []
    assert all("Golf" not in h.text for h in mem.search_statements("what car do I have", k=12))
    assert mem.audit([notes]).ok and mem.statement_store.count() == mem.stats().statements
    mem.remove([notes / "pixel.md"])
    assert list(mem.iter_statements()) == [] and mem.statement_store.count() == 0


class Crash(BaseException):
    """Stands in for the process dying."""


def test_crash_between_statement_vectors_and_ledger_then_reconcile(make_memory, notes, monkeypatch):
    from memory.ledger import Ledger

    mem = make_memory()
    real = Ledger.replace_file
    monkeypatch.setattr(Ledger, "replace_file", lambda self, *a: (_ for _ in ()).throw(Crash()))
    with pytest.raises(Crash):
        mem.index([notes])  # vectors upserted, no ledger rows
    monkeypatch.setattr(Ledger, "replace_file", real)
    audit = mem.audit([notes])
    assert audit.orphan_statement_vectors == 10 and not audit.ok
    assert mem.search_statements("Who is Pixel's vet?", k=3) == []  # orphans are never results
    mem.reconcile([notes])
    assert mem.audit([notes]).ok and mem.stats().statements == 10


def test_crash_after_ledger_before_stale_statement_vectors_deleted(make_memory, notes, monkeypatch):
    from memory.store import VectorStore

    mem = make_memory()
    mem.index([notes])
    (notes / "car.md").write_text("# Car\n\nThe car is a 2019 Honda.\n")
    real = VectorStore.delete
    monkeypatch.setattr(VectorStore, "delete", lambda self, ids: (_ for _ in ()).throw(Crash()) if ids else None)
    with pytest.raises(Crash):
        mem.index([notes])
    monkeypatch.setattr(VectorStore, "delete", real)
    texts = [s.text for s in mem.iter_statements([str(notes / "car.md")])]
    assert texts == ["The car is a 2019 Honda."]  # the ledger switched in one transaction
    assert mem.audit([notes]).orphan_statement_vectors == 2
    hits = mem.search_statements("which car is it", k=12)
    assert all("Golf" not in h.text for h in hits)
    mem.reconcile([notes])
    assert mem.audit([notes]).ok


def test_statement_vectors_of_another_kind_are_re_embedded(make_memory, notes, monkeypatch):
    from memory import statements

    mem = make_memory()
    mem.index([notes])
    monkeypatch.setattr(statements, "VECTOR_TEXT", "some-other-form")
    report = mem.index([notes])
    assert report.files_changed == 0 and report.chunks_embedded == 0
    assert report.statements_embedded == report.statements_total == 10 and mem.audit([notes]).ok


def test_a_vanished_statement_collection_is_rebuilt_on_first_search(make_memory, notes, tmp_path):
    mem = make_memory(tmp_path / "data")
    mem.index([notes])
    mem.statement_store.wipe()  # e.g. a new Chroma server: the collection is empty
    mem.close()
    again = make_memory(tmp_path / "data")
    assert 17 in [h.line for h in again.search_statements("what is the sitter's phone number", k=3)]
    assert again.audit([notes]).ok


def test_lost_statement_vectors_are_re_embedded(make_memory, notes):
    mem = make_memory()
    mem.index([notes])
    victims = sorted(mem.statement_store.all_ids())[:3]
    mem.statement_store.delete(victims)
    assert mem.audit([notes]).missing_statement_vectors == 3
    report = mem.reconcile([notes])
    assert report.statements_embedded == 3 and mem.audit([notes]).ok


def test_old_ledger_without_statements_upgrades_without_re_embedding_chunks(make_memory, notes, tmp_path, embed_counter):
    data = tmp_path / "data"
    mem = make_memory(data)
    mem.index([notes])
    chunks = mem.stats().chunks
    mem.statement_store.wipe()
    mem.close()
    # Turn it into what anima wrote before statements existed: schema 1, no statement tables,
    # chunker signatures without a statement version.
    con = sqlite3.connect(data / "ledger.sqlite")
    con.executescript(
        "DROP TABLE statements; DROP TABLE statements_fts; UPDATE meta SET value='1' WHERE key='schema';"
        "UPDATE files SET chunker='c1:120:20';"
    )
    con.commit()
    con.close()

    mem = make_memory(data)
    assert mem.stats().statements == 0 and mem.search_statements("Who is Pixel's vet?") == []
    embed_counter.clear()
    report = mem.index([notes])
    assert report.files_changed == 2 and report.chunks_embedded == 0  # chunks kept their vectors
    assert report.statements_embedded == report.statements_total == 10 == len(embed_counter)
    assert mem.stats().chunks == chunks and mem.audit([notes]).ok
    assert 8 in [h.line for h in mem.search_statements("Who is Pixel's vet?", k=3)]
    again = mem.index([notes])
    assert again.files_unchanged == 2 and again.statements_embedded == 0
    con = sqlite3.connect(data / "ledger.sqlite")
    assert con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == "4"
    con.close()


def test_a_statement_carries_its_pages_date_and_an_older_ledger_gains_it_without_re_embedding(
        make_memory, notes, tmp_path, embed_counter):
    """A page's front matter `lastmod:` (Hugo), a tiddler's `modified:` or a Joplin note's updated
    time is the day every line of it was last true. A schema-2 ledger (no page dates) upgrades in
    place on the next index run: the dates are filled in, no chunk or statement is embedded again."""
    _write(notes / "uses.md", "---\ntitle: Uses\nlastmod: 2026-03-15\n---\n\n- Office days: Tuesday and Thursday\n")
    _write(notes / "Work.tid", "created: 20240107070000034\nmodified: 20250912101500000\ntitle: Work\n\n* Desk: 4th floor\n")
    data = tmp_path / "data"
    mem = make_memory(data)
    mem.index([notes])
    written = {(Path(s.path).name, s.text): s.written for s in mem.statements_at(str(notes / "uses.md"), 6)
               + mem.statements_at(str(notes / "Work.tid"), 5) + mem.statements_at(str(notes / "car.md"), 3)}
    assert written == {("uses.md", "uses: Office days: Tuesday and Thursday"): "2026-03-15",
                       ("Work.tid", "Work: Desk: 4th floor"): "2025-09-12",
                       ("car.md", "The car is a 2014 Golf."): "", ("car.md", "Oil change every 15000 km at Meyer garage."): ""}
    mem.close()
    con = sqlite3.connect(data / "ledger.sqlite")
    con.executescript("ALTER TABLE statements DROP COLUMN written; UPDATE meta SET value='2' WHERE key='schema';")
    con.commit()
    con.close()

    mem = make_memory(data)
    assert [s.written for s in mem.statements_at(str(notes / "uses.md"), 6)] == [""]
    embed_counter.clear()
    report = mem.index([notes])
    assert report.chunks_embedded == 0 and report.statements_embedded == 0 == len(embed_counter)
    assert [s.written for s in mem.statements_at(str(notes / "uses.md"), 6)] == ["2026-03-15"]
    con = sqlite3.connect(data / "ledger.sqlite")
    assert con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == "4"
    con.close()


def test_a_todo_txt_file_is_one_task_per_line_with_its_dates_as_fields(tmp_path):
    """todo.txt lines never wrap into each other; a task's own dates (done, created) say when it
    was written, "due:" when it is due, so "Post the birthday present" is not a birthday."""
    text = (
        "(A) 2026-10-19 Renew the Corolla rego online +car due:2026-11-25\n"
        "(C) Learn embedded-hal properly +work\n"
        "Sort photos from Angelus +tramping\n"
        "x 2026-09-01 2026-08-28 Post the birthday present to my nephew Kavin +family\n"
    )
    stmts = parse_statements(tmp_path / "todo.txt", text.encode())
    assert [(s.line, s.text) for s in stmts] == [(n, line) for n, line in enumerate(text.splitlines(), 1)]
    assert stmts[0].fields == {"date created": "2026-10-19", "due": "2026-11-25"}
    assert stmts[3].fields == {"date completed": "2026-09-01", "date created": "2026-08-28"}


def test_an_ini_style_address_book_is_a_card_per_section_named_by_its_record(tmp_path):
    """abook's "[1]" over "name=Hemi Parata" / "nick=Hems": Hemi Parata's card, each key a field."""
    text = "# abook addressbook file\n\n[format]\nprogram=abook\n\n[1]\nname=Hemi Parata\nnick=Hems\nmobile=021 555 0134\n"
    stmts = parse_statements(tmp_path / "addressbook", text.encode())
    mobile = next(s for s in stmts if s.line == 9)
    assert mobile.topic == ["Hemi Parata"] and mobile.fields == {"mobile": "021 555 0134"}
    assert next(s for s in stmts if s.line == 8).fields == {"nick": "Hems"}


def test_a_dendron_pages_save_stamps_and_empty_properties_are_no_statements(tmp_path):
    """"updated: 1775001600000" is when the app saved the page, and "desc: ''" is empty: neither
    is a statement, nor does the empty one run into the line above it."""
    text = ("---\nid: p7d2k9w3\ntitle: Lakshmi Krishnan\ndesc: ''\nupdated: 1775001600000\ncreated: 1767312000000\n---\n\n"
            "- Son: Kavin, born 2019-09-09\n")
    stmts = parse_statements(tmp_path / "people.lakshmi-krishnan.md", text.encode())
    son = next(s for s in stmts if "Kavin" in s.text)
    assert son.text == "people.lakshmi-krishnan: Son: Kavin, born 2019-09-09"
    assert not any(re.search(r"\d{13}|desc", s.text) for s in stmts)
    assert any(s.text.endswith("title: Lakshmi Krishnan") for s in stmts)


def test_johnny_decimal_ids_and_a_table_of_contents_are_no_facts(tmp_path):
    """"# 11.03 PPS and Revenue" is the page "PPS and Revenue" (the id files it); a line of links
    to other pages of the workspace names pages and says nothing."""
    text = ("# 11.03 PPS and Revenue\n\nPPS number: 7619043TW\n\n"
            "[31.01 GP and dentist](30-39%20Health/31.01%20GP%20and%20dentist%203f22.md)\n")
    stmts = parse_statements(tmp_path / "11.03 PPS and Revenue 83e7.md", text.encode())
    pps = next(s for s in stmts if "7619043TW" in s.text)
    assert pps.topic == ["PPS and Revenue"]
    assert [s.kind for s in stmts if "GP and dentist" in s.text] == ["meta"]


def test_a_schema_3_ledger_refolds_its_keyword_index_so_letters_with_two_marks_are_found(
        make_memory, notes, tmp_path, embed_counter):
    """Vietnamese writes "chiếu" with two marks on one letter; the keyword index folded only one
    (remove_diacritics 1), so "chieu" found nothing. An older ledger's keyword tables are made again
    from what it holds on the next open: no file re-read, nothing re-embedded."""
    _write(notes / "giay-to.md", "- Hộ chiếu: B1234567, hết hạn 01/02/2031\n")
    data = tmp_path / "data"
    mem = make_memory(data)
    mem.index([notes])
    mem.close()
    con = sqlite3.connect(data / "ledger.sqlite")
    rows = con.execute("SELECT rowid, body FROM statements_fts").fetchall()
    crows = con.execute("SELECT rowid, body FROM chunks_fts").fetchall()
    con.executescript("DROP TABLE statements_fts; DROP TABLE chunks_fts;"
                      "CREATE VIRTUAL TABLE statements_fts USING fts5(body, tokenize = 'porter unicode61');"
                      "CREATE VIRTUAL TABLE chunks_fts USING fts5(body, tokenize = 'porter unicode61');"
                      "UPDATE meta SET value='3' WHERE key='schema';")
    con.executemany("INSERT INTO statements_fts(rowid, body) VALUES (?, ?)", rows)
    con.executemany("INSERT INTO chunks_fts(rowid, body) VALUES (?, ?)", crows)
    con.commit()
    assert con.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'chieu'").fetchone()[0] == 0
    con.close()

    embed_counter.clear()
    mem = make_memory(data)
    con = sqlite3.connect(data / "ledger.sqlite")
    assert con.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'chieu'").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'chieu'").fetchone()[0] == 1
    assert con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0] == "4"
    con.close()
    report = mem.index([notes])
    assert report.chunks_embedded == 0 and report.statements_embedded == 0 == len(embed_counter)
    assert any("B1234567" in h.text for h in mem.search_statements("When does my passport expire?", k=5))


def test_a_foreign_line_is_keyword_indexed_with_the_english_of_its_everyday_words():
    from memory.statements import keyword_body
    body = keyword_body("/n/Giấy tờ.html", ["Giấy tờ"], "Mã số thuế cá nhân: 8471923605")
    assert body.split("\n")[-1].split() == ["code", "personal", "tax"]  # "cá nhân" is personal
    assert keyword_body("/n/car.md", ["Car"], "Plate: AB 123 CD").endswith("Plate: AB 123 CD")  # English gains none


def test_one_table_fills_at_most_half_of_a_statement_search(make_memory, tmp_path):
    from memory.index import FILE_SHARE
    root = tmp_path / "notes"
    rows = "\n".join(f"2026-07-{d:02d},Main account,Acme Payroll,2100.00" for d in range(1, 29))
    _write(root / "budget.csv", "Date,Account,Payee,Inflow\n" + rows + "\n")
    _write(root / "bank.md", "# Bank\n\n- Main account number: 4455-1234-9\n")
    _write(root / "home.md", "# Home\n\n" + "".join(f"- Shelf {n}: {w}\n" for n, w in enumerate(
        "books plants lamps games tools linen spices maps".split(), 1)))
    mem = make_memory()
    mem.index([root])
    hits = mem.search_statements("What's my Main account number?", k=12)
    assert sum(h.path.endswith("budget.csv") for h in hits) <= FILE_SHARE == 6
    assert any("4455-1234-9" in h.text for h in hits)
    assert hits == sorted(hits, key=lambda h: -h.score)
    # With nothing else to show, the file's other rows still fill the list.
    assert len(mem.search_statements("Acme Payroll inflow", k=12)) == 12


def test_a_short_title_right_above_a_list_labels_its_items():
    """"TEO (Mateo Quispe)", "**Embla**" or "Teo:" on the line above a list says whose the items
    are, as a heading would; a sentence that leads into its list, or a long line, stays prose."""
    from memory.statements import parse_statements
    md = ("# Docs\n\nTEO (Mateo Quispe)\n- kennitala: 021188-2719\n- permit valid until 1.4.2027\n\n"
          "**Embla**\n- born 9. september 2021\n\nNonni:\n- 774 5521 Selfoss\n\n"
          "From Teo (forwarding it to myself so I update the list):\n- new number 780 5561\n")
    got = {s.line: s.text for s in parse_statements("docs.md", md.encode())}
    assert got[4] == "TEO (Mateo Quispe): kennitala: 021188-2719"
    assert got[5] == "TEO (Mateo Quispe): permit valid until 1.4.2027"
    assert got[8] == "Embla: born 9. september 2021"
    assert got[11] == "Nonni: 774 5521 Selfoss"
    assert 3 not in got  # the title is a label, not a statement
    assert not got[14].startswith("From Teo")  # a long lead-in line labels nothing


def test_a_paragraph_wrapped_right_after_a_colon_is_one_sentence(tmp_path):
    """"... from 1 December. New salary:" wrapped over "Rs 71,500 net a month." is one sentence;
    a short "Things to pack:" over its lines still labels them."""
    from memory.statements import parse_statements
    note = tmp_path / "2026-11-16.md"
    note.write_text("# Promotion\n\nReshma told me today: I'm promoted to IT Operations Manager from 1 December. New salary:\n"
                    "Rs 71,500 net a month. Devika made alouda for everyone and the kids want a party every time\n"
                    "somebody gets promoted.\n\nThings to pack:\nSunscreen and the charger.\n")
    texts = [s.text for s in parse_statements(note, note.read_bytes())]
    assert "New salary: Rs 71,500 net a month." in texts
    assert not any(t.endswith("New salary:") for t in texts)
    assert any(t.endswith("Things to pack:") for t in texts) and "Sunscreen and the charger." in texts


def test_a_bold_name_with_an_aside_heads_the_list_right_under_it():
    from memory.statements import parse_statements as _parse
    text = ("# Car papers\n\n**Toyota Hilux 2016** (white) - mine\n- plate CB-4410\n- insured with Atlantic\n\n"
            "**Nissan Note 2012** (red) - Ravi drives it to work\n- plate CB-9981\n\n"
            "**Call the bank** - then pay the rent before Friday noon please\n- done\n")
    said = [s.text for s in _parse("/notes/cars.md", text.encode())]
    assert "Toyota Hilux 2016 (white) - mine: plate CB-4410" in said
    assert "Nissan Note 2012 (red) - Ravi drives it to work: plate CB-9981" in said
    # A longer lead-in is a line of its own, not a title.
    assert not any(t.startswith("Call the bank") and t.endswith(": done") for t in said)


def test_a_phone_book_pasted_into_a_fence_is_read_as_name_and_number_records():
    from memory.statements import parse_statements as _parse
    text = ("# Phone book\n\nCopied from my phone.\n\n```\nOyuna (Б. Оюуна)        9919 5563\nBat-Erdene G.           9925 5588\n"
            "Erdem Auto (Erdem)      8811 5547\n```\n\n```\nport = 8080\nhost   localhost\nretries   3\n```\n")
    got = {s.line: s.text for s in _parse("/notes/contacts.md", text.encode())}
    # Each line is one record, cited at its own line; a Cyrillic initial ends no sentence.
    assert got[6].endswith("Oyuna (Б. Оюуна): 9919 5563")
    assert got[7].endswith("Bat-Erdene G.: 9925 5588") and got[8].endswith("Erdem Auto (Erdem): 8811 5547")
    # A fence that reads as code is still not something the user said.
    assert not any(line >= 11 for line in got)


def test_a_front_matter_list_is_one_property_and_bookkeeping_lists_are_none(tmp_path):
    """Obsidian's "aliases:" and Dendron's "traitIds:" keep their values as a YAML list on the
    lines below: the aliases are one "aliases: Jess, Jessie" bullet, the app's trait list nothing,
    and the rest of the front matter is read as properties still (not one run-on statement)."""
    text = ("---\nid: z1x2c3v4\ntitle: '2026-10-03'\ndesc: ''\nupdated: 1791100000000\naliases:\n  - Jess\n  - Jessie\n"
            "traitIds:\n  - journalNote\ntags:\n- daily\n---\n\nJordi changed jobs today: he now works at Pastisseria Font.\n")
    stmts = parse_statements(tmp_path / "daily.journal.2026.10.03.md", text.encode())
    texts = [s.text for s in stmts]
    assert any(t.endswith("aliases: Jess, Jessie") for t in texts)
    assert not any(re.search(r"journalNote|traitIds|daily$|\d{13}|z1x2c3v4", t) for t in texts)
    jordi = next(s for s in stmts if "Jordi" in s.text)
    assert jordi.line == 15 and "id:" not in jordi.text


def test_a_dendron_link_shows_its_label_or_its_notes_name_not_its_path(tmp_path):
    """Dendron links notes by their dotted names and puts a label first ("[[Ramon|people.ramon-pla]]"),
    the other way round from Obsidian's [[note|label]]; a bare [[org.gestoria-pla]] is the note
    "Gestoria Pla", as Dendron titles it. A dotted day or version stays as written."""
    from memory.statements import link_words

    assert link_words("I work at [[org.gestoria-pla]] in Escaldes.") == "I work at Gestoria Pla in Escaldes."
    assert link_words("Boss: [[Ramon|people.ramon-pla]]") == "Boss: Ramon"
    assert link_words("[[Theo Marchetti|Theo]] and [[people/Sam Whitfield]]") == "Theo and Sam Whitfield"
    assert link_words("see [[daily.journal.2026.10.03]] and [[notes.md]], v [[1.2]]") == "see daily.journal.2026.10.03 and notes.md, v 1.2"
    stmts = parse_statements(tmp_path / "me.md", b"I work as a tax adviser at [[org.gestoria-pla]] since 2019.\n")
    assert stmts[0].text == "I work as a tax adviser at Gestoria Pla since 2019."


def test_a_log_of_days_written_with_abbreviated_months(tmp_path):
    """"3 Jan. Hard frost. Seed catalogue came.": the abbreviated month's dot ends no entry, the
    day alone makes no statement (it would crowd real lines out of the candidates), and a line
    that ends "Ken says no." does not swallow the next day's entry ("no." is no "No. 8")."""
    note = ("# Garden journal 2026\n\n"
            "3 Jan. Hard frost. Seed catalogue came.\n"
            "24 Jan. Pruned the apple tree. Too late? Ken says no.\n"
            "8 Feb. Garlic up (planted Oct). Snowdrops under the hedge.\n"
            "15 Aug. Garden club show: 2nd prize for my onions. 1st to Ken, again.\n")
    got = [(s.line, s.text) for s in parse_statements(tmp_path / "journal.md", note.encode())]
    assert (3, "3 Jan.: Hard frost.") in got
    assert not any(t.strip(" .:") in ("3 Jan", "24 Jan", "8 Feb", "15 Aug") for _, t in got)
    assert (6, "15 Aug.: Garden club show: 1st to Ken, again.") in got  # the entry's key goes with it
    assert (4, "24 Jan.: Ken says no.") in got
    assert (5, "8 Feb.: Garlic up (planted Oct).") in got
    assert (5, "8 Feb.: Snowdrops under the hedge.") in got


def test_a_csv_whose_first_line_is_a_comment_keeps_its_column_names(tmp_path):
    """"# jobs 2026 - updated 31/08/2026" over the header row is the table's title: the columns
    are still named by the header ("client: Kleinhaus"), not "column 2", and the title is the
    rows' topic."""
    data = ("# jobs 2026 - updated 31/08/2026\n"
            "job,client,what,words\n"
            "K-2601,Kleinhaus,oven manual,12400\n").encode()
    stmts = parse_statements(tmp_path / "jobs.csv", data)
    assert [(s.line, s.text) for s in stmts] == [(3, "job: K-2601; client: Kleinhaus; what: oven manual; words: 12400")]
    assert stmts[0].topic == ["jobs 2026 - updated 31/08/2026"]
    numbered = parse_statements(tmp_path / "items.csv", b"#,item,price\n1,tent,120\n")
    assert [s.text for s in numbered] == ["#: 1; item: tent; price: 120"]


def test_a_bank_export_with_a_preamble_finds_its_header_row(tmp_path):
    """mBank's CSV opens with the bank's address, the client and the period, then
    "#Data operacji;#Opis operacji;..." over the operations: the rows are named by that header
    (its "#" off), not by the bank's name over "column 2"; the preamble stays readable text and
    its first line titles the table. A short table whose first row is its header is unchanged."""
    data = ("mBank S.A. Bankowość Detaliczna;\nSkrytka Pocztowa 2108;\n\n#Klient;\nAGNIESZKA WRÓBEL;\n\n"
            "#Waluta;#Wpływy;#Wydatki;\nPLN;169 510,00;-100 762,38;\n\n"
            "#Data operacji;#Opis operacji;#Kategoria;#Kwota;\n"
            '2026-11-20;"ORANGE POLSKA S.A. FAKTURA";"Rachunki";-69,00 PLN;\n'
            '2026-11-12;"WSPÓLNOTA MIESZKANIOWA CZYNSZ";"Mieszkanie";-648,10 PLN;\n').encode()
    stmts = parse_statements(tmp_path / "lista_operacji.csv", data)
    rows = [s for s in stmts if s.kind == "row"]
    assert [(s.line, s.fields["Opis operacji"], s.fields["Kwota"]) for s in rows][-2:] == [
        (11, "ORANGE POLSKA S.A. FAKTURA", "-69,00 PLN"), (12, "WSPÓLNOTA MIESZKANIOWA CZYNSZ", "-648,10 PLN")]
    assert all(s.topic == ["mBank S.A. Bankowość Detaliczna"] for s in rows)
    assert any("AGNIESZKA WRÓBEL" in s.text for s in stmts)
    plain = parse_statements(tmp_path / "pets.csv", b"name,kind\nPixel,dog\nBiscuit,cat\nTom,cat\n")
    assert [s.fields for s in plain] == [{"name": "Pixel", "kind": "dog"}, {"name": "Biscuit", "kind": "cat"},
                                         {"name": "Tom", "kind": "cat"}]


def test_an_initial_after_a_bracketed_name_ends_no_sentence():
    """"(Ursula K. Le Guin)": the initial follows a name, even one that opens a bracket."""
    assert split_sentences("Currently reading: The Dispossessed (Ursula K. Le Guin), started 2026-11-08.") == [
        "Currently reading: The Dispossessed (Ursula K. Le Guin), started 2026-11-08."]


def test_a_logseq_heading_block_heads_the_items_under_it(tmp_path):
    """Logseq's "- ## Now" is a heading block: the items nested under it sit under "Now" (no
    hashes), and the heading makes no statement of its own."""
    note = "- ## Now\n\t- NOW [[The Left Hand of Darkness]] — started 2026-11-01\n- ## Later\n\t- TODO [[Tiny Habits]]\n"
    stmts = parse_statements(tmp_path / "Reading.md", note.encode())
    assert [(s.line, s.topic[-1]) for s in stmts] == [(2, "Now"), (4, "Later")]
    assert not any("##" in s.text or "##" in " ".join(s.topic) for s in stmts)
