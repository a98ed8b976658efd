"""jrnl journal files (memory/jrnl.py); all examples made up."""
from __future__ import annotations

from memory import parsers
from memory.statements import parse_statements

JOURNAL = """[2024-03-02 09:15] Started a sourdough starter and named it Bruno. @baking
Flour from the mill in Lublin, equal parts water.
Feeding it twice a day for now.

[2024-04-18 20:05] Tomasz passed his driving test! Second try. *
It was at the Wola centre, the examiner was Mr. Nowak. We had pierogi with @ewa after.
@family @driving

[2024-05-01 07:30] Dentist.
Filling on the lower left molar, 350 zł.
#health

[2024-06-10 18:00] Flat no. 4 got a new boiler @home
The plumber came at 3pm and took the old one away.
"""


def _statements(path):
    return [(s.line, s.topic, s.text, s.written) for s in parse_statements(path, path.read_bytes())]


def _journal(tmp_path, text=JOURNAL, name="journal.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_entry_is_a_heading_over_its_lines_dated_by_its_stamp(tmp_path):
    path = _journal(tmp_path)
    parsed = parsers.parse(path, path.read_bytes())
    assert parsed.kind == "markdown"
    assert [b.title for b in parsed.blocks if b.kind == "heading"] == [
        "2024-03-02 Started a sourdough starter and named it Bruno", "2024-04-18 Tomasz passed his driving test!",
        "2024-05-01 Dentist", "2024-06-10 Flat no. 4 got a new boiler"]
    assert parsed.written_from == [(1, "2024-03-02"), (5, "2024-04-18"), (9, "2024-05-01"), (13, "2024-06-10")]
    got = _statements(path)
    bruno = ["2024-03-02 Started a sourdough starter and named it Bruno"]
    assert (2, bruno, "Flour from the mill in Lublin, equal parts water.", "2024-03-02") in got
    assert (3, bruno, "Feeding it twice a day for now.", "2024-03-02") in got
    assert (10, ["2024-05-01 Dentist"], "Filling on the lower left molar, 350 zł.", "2024-05-01") in got
    boiler = ["2024-06-10 Flat no. 4 got a new boiler"]
    assert (14, boiler, "The plumber came at 3pm and took the old one away.", "2024-06-10") in got


def test_a_title_that_says_something_is_a_statement_and_the_rest_of_its_line_is_body(tmp_path):
    got = _statements(_journal(tmp_path))
    test = ["2024-04-18 Tomasz passed his driving test!"]
    assert (1, ["2024-03-02 Started a sourdough starter and named it Bruno"],
            "Started a sourdough starter and named it Bruno.", "2024-03-02") in got
    assert (5, test, "Tomasz passed his driving test!", "2024-04-18") in got
    # jrnl's title is the first sentence: "Second try." is the entry's body, on the stamp's line.
    assert (5, test, "Second try.", "2024-04-18") in got
    # "no. 4" does not end the title; a one-word title is a heading only.
    assert (13, ["2024-06-10 Flat no. 4 got a new boiler"], "Flat no. 4 got a new boiler", "2024-06-10") in got
    assert not any(text == "Dentist." for _, _, text, _ in got)


def test_tag_lines_the_star_and_the_stamp_are_left_out_and_a_tag_in_a_sentence_is_its_word(tmp_path):
    got = _statements(_journal(tmp_path))
    texts = [text for _, _, text, _ in got]
    assert "We had pierogi with ewa after." in texts
    assert not any("@" in t or "#" in t or "*" in t or "[2024" in t for t in texts), texts
    assert not any(line in (7, 11) for line, _, _, _ in got)  # the tag-only lines
    headings = [b.title for b in parsers.parse(tmp_path / "journal.txt", JOURNAL.encode()).blocks if b.kind == "heading"]
    assert not any("*" in h or "@" in h for h in headings)


def test_a_howm_memo_and_a_note_with_a_bracketed_date_are_not_jrnl(tmp_path):
    howm = tmp_path / "2024-05-03-081500.txt"
    howm.write_text("= garden\n[2024-05-03 08:15]\nPlot 7, shed key under the blue pot.\n\n"
                    "= bikes\n[2024-05-19 21:40]\nFrame number DW-55012.\n")
    assert _statements(howm)[0][1] == ["garden"]  # still read as howm
    note = tmp_path / "plumber.txt"
    note.write_text("[2024-06-10 18:00] Called the plumber about the boiler.\nHe comes on Friday.\n"
                    "Quote: 900 zł.\n")
    assert parsers.parse(note, note.read_bytes()).kind == "text"
    reminders = tmp_path / "todo.txt"
    reminders.write_text("[2024-06-10 18:00] Errands\n\n[2024-06-11] post office\n\n[2024-06-12] bank\n\n"
                         "[2024-06-13] pharmacy\n")
    assert parsers.parse(reminders, reminders.read_bytes()).kind == "text"
    log = tmp_path / "server.txt"  # a stamp on every line, no blank line between: a log, not a journal
    log.write_text("[2024-06-10 18:00] backup started\n[2024-06-10 18:05] backup done\n[2024-06-11 18:00] backup started\n")
    assert parsers.parse(log, log.read_bytes()).kind == "text"
    markdown = _journal(tmp_path, name="journal.md")  # jrnl's files are .txt or have no extension
    assert not parsers.parse(markdown, markdown.read_bytes()).written_from


def test_an_extensionless_journal_and_a_one_entry_journal_in_a_jrnl_folder(tmp_path):
    path = _journal(tmp_path, name="work")
    assert parsers.parse(path, path.read_bytes()).written_from[0] == (1, "2024-03-02")
    (tmp_path / "jrnl").mkdir()
    one = _journal(tmp_path, "[2024-07-01 08:00] First day at the new office.\nDesk 3.14, by the window.\n",
                   name="jrnl/journal.txt")
    assert (2, ["2024-07-01 First day at the new office"], "Desk 3.14, by the window.", "2024-07-01") in _statements(one)


def test_broken_utf8_and_an_empty_file_behave_like_other_formats(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"[2024-08-01 10:00] Picked up the new glasses.\nPaid 420 z\xff\n\n"
                       b"[2024-08-02 10:00] Returned the library books.\n")
    parsed = parsers.parse(broken, broken.read_bytes())
    assert parsed.written_from == [(1, "2024-08-01"), (4, "2024-08-02")]
    assert any("invalid UTF-8" in w for w in parsed.warnings)
    assert (2, ["2024-08-01 Picked up the new glasses"], "Paid 420 z\ufffd", "2024-08-01") in _statements(broken)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    parsed = parsers.parse(empty, b"")
    assert parsed.blocks == [] and parsed.warnings == []
    assert parse_statements(empty, b"") == []
    # Odd stamps and lone marks: read, never a traceback.
    odd = _journal(tmp_path, "[2024-09-01 10:00] *\n@only @tags\n\n[2024-13-40 99:99] not a day\n\n"
                             "[2024-09-02 11:00] @tag\n# a heading in an entry\n\n[2024-09-03 12:00]\n", name="odd.txt")
    parsed = parsers.parse(odd, odd.read_bytes())
    assert [b.title for b in parsed.blocks if b.kind == "heading"][:2] == ["2024-09-01", "2024-09-02"]
    parse_statements(odd, odd.read_bytes())
