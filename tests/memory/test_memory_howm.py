"""howm memo files (memory/howm.py); all examples made up."""
from __future__ import annotations

from memory import parsers
from memory.statements import parse_statements


def _statements(path):
    return [(s.line, s.topic, s.text, s.written) for s in parse_statements(path, path.read_bytes())]


def _texts(path):
    return [s.text for s in parse_statements(path, path.read_bytes())]


def _folder(tmp_path):
    home = tmp_path / "howm"
    (home / "2025" / "05").mkdir(parents=True)
    (home / "0000-00-00-000000.txt").write_text(
        "= <<< %menu%\n %\"e\"[Remember] %\"c\"[New] %\"s\"[String]\n\n[Todo] -- +reminder, -todo\n%reminder\n"
        "[Recent]\n%recent\n\n>>> garden\n>>> bikes\n")
    (home / ".howm-keys").write_text("%menu%\t0000-00-00-000000.txt\ngarden\t2025/05/2025-05-03-081500.txt\n")
    return home


def test_the_menu_and_the_keyword_list_are_not_notes(tmp_path):
    home = _folder(tmp_path)
    for name in ("0000-00-00-000000.txt", ".howm-keys"):
        path = home / name
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "howm" in parsed.nothing, name
        assert parse_statements(path, path.read_bytes()) == [], name


def test_each_memo_is_a_heading_over_its_lines_dated_by_its_stamp(tmp_path):
    memo = _folder(tmp_path) / "2025" / "05" / "2025-05-03-081500.txt"
    memo.write_text("""= <<< garden
[2025-05-03 08:15]
Plot 7 at the Elmfield allotments, shed key under the blue pot.
The water butt is shared with Mr Okonkwo >>> neighbours
Seeds ordered from the Hollin catalogue.

= bikes
[2025-05-19 21:40]
Frame number of the green Dawes: DW-55012.
""")
    got = _statements(memo)
    assert (3, ["garden"], "Plot 7 at the Elmfield allotments, shed key under the blue pot.", "2025-05-03") in got
    # The goto link is left out and ends its line's sentence: the next line is a statement of its own.
    assert (4, ["garden"], "The water butt is shared with Mr Okonkwo.", "2025-05-03") in got
    assert (5, ["garden"], "Seeds ordered from the Hollin catalogue.", "2025-05-03") in got
    # The second memo has its own title and its own day.
    assert (9, ["bikes"], "Frame number of the green Dawes: DW-55012.", "2025-05-19") in got
    texts = [t for _, _, t, _ in got]
    assert not any("[2025-05" in t or "<<<" in t or ">>>" in t or "neighbours" in t for t in texts)


def test_reminders_and_todos_read_as_dated_tasks(tmp_path):
    memo = _folder(tmp_path) / "2025" / "05" / "2025-05-20-190000.txt"
    memo.write_text("""= errands
[2025-05-20 19:00]
[2025-06-02]+ buy a new bike lock
[2025-06-10]- repot the lemon tree
[2025-07-01]! renew the allotment lease
[2025-06-05 18:30]@ bike service at Spokes
[2025-05-25]. [2025-05-24]:+ return the hedge trimmer
[2025-05-26]. [2025-05-28]! pay the water bill
""")
    texts = _texts(memo)
    assert "errands: 2025-06-02: reminder: buy a new bike lock" in texts
    assert "errands: 2025-06-10: todo: repot the lemon tree" in texts
    assert "errands: 2025-07-01: deadline: renew the allotment lease" in texts
    assert "errands: 2025-06-05 18:30: scheduled: bike service at Spokes" in texts
    assert "errands: 2025-05-24: reminder: return the hedge trimmer (done 2025-05-25)" in texts
    assert "errands: 2025-05-28: deadline: pay the water bill (done 2025-05-26)" in texts


def test_a_memo_without_a_stamp_takes_its_files_day_and_odd_input_does_not_raise(tmp_path):
    memo = _folder(tmp_path) / "2025" / "05" / "2025-05-30-070000.txt"
    memo.write_text("""= quick
Gate code for the allotments: 4471.
=
[2025-13-99]+ not a date at all
[
>>>
""")
    parsed = parsers.parse(memo, memo.read_bytes())
    assert parsed.written == "2025-05-30"
    got = _statements(memo)
    assert (2, ["quick"], "Gate code for the allotments: 4471.", "2025-05-30") in got
    # Text before any title, a file with no memo at all: read, never a traceback.
    loose = memo.with_name("2025-05-31-070000.txt")
    loose.write_bytes(b"= \n\n[2025-05-31 07:00]\n\xff broken byte\n")
    parse_statements(loose, loose.read_bytes())


def test_plain_text_with_an_equals_line_is_not_howm(tmp_path):
    note = tmp_path / "sums.txt"
    note.write_text("= total\n12 + 30 = 42\n")
    parsed = parsers.parse(note, note.read_bytes())
    assert parsed.kind == "text"
