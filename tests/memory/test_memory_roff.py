"""A personal handbook kept as man pages (groff man(7) macros, tbl tables) is read as what it
says: `.SH NAME` as the page's title, `.SH`/`.SS` as headings, a `.TP` tag with its body as
"Tag: body", `.IP` bullets as list items, tbl rows under their column names, escapes written out;
comments and layout requests left out, every statement cited at its file line; dated by its
`.TH` day or a "Last reviewed" comment, a journal's day subsections dating their own lines.
Bad input costs only itself."""
from __future__ import annotations

from pathlib import Path

from memory import parsers, roff
from memory.statements import parse_statements

HOUSE = """\
'\\" t
.\\" ines-house.7
.\\" Last reviewed: 12/09/2026
.TH INES-HOUSE 7 2026-03-01 "handbook 1.2" "Ines's Handbook"
.SH NAME
ines\\-house \\- the flat, the boiler, people who come round
.SH DESCRIPTION
The flat is at 4 Rua das Flores, Porto; rent \\[Eu]950 a month.
.SS People who come round
.TP 12
.B Cleaner
Marta Sousa, Tuesdays from 09:00.
She has the spare key.
.TP
.B Plumber
Rui Lopes (not Rui the neighbour).
.IP \\(bu 2
The boiler is a Vaillant ecoTEC, serviced every May.
.IP \\(bu
\\[u0126]ob water heater\\(em never again.
.PP
See
.BR ines\\-contacts (7)
for numbers.
.TS
allbox tab(;);
lb lb
l l.
Name;Number
Marta Sousa;912 000 401
Rui Lopes;913 555 220
.TE
.TS
tab(;);
l l.
Wi-Fi;Casa-Flores
Router;NOS box in the hall
.TE
"""

JOURNAL = """\
.TH INES-JOURNAL 7 2026-11-20 "handbook 1.2"
.SH NAME
ines\\-journal \\- what changed
.SH DESCRIPTION
.SS "Mon 05/10/2026"
Marta now comes on Thursdays instead.
.SS "Fri 13/11/2026"
Rent goes up to \\[Eu]990 from December.
.SH SEE ALSO
.BR ines\\-house (7)
"""


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def test_man_pages_are_recognised_by_extension_and_requests():
    page = [".TH X 7 2026-01-01", ".SH NAME", "x \\- y"]
    assert roff.looks_like_roff(Path("ines-house.7"), page)
    assert roff.looks_like_roff(Path("tool.1"), page)
    assert roff.looks_like_roff(Path("notes.man"), page)
    assert roff.looks_like_roff(Path("handbook"), ['.\\" my handbook', ".SH Cars", "Two cars."])
    # A file called `notes.1` of plain prose, and markdown, stay what they are.
    assert not roff.looks_like_roff(Path("notes.1"), ["Dentist at 3.", ".SH is a word here"])
    assert not roff.looks_like_roff(Path("notes.md"), [".TH X 7", ".SH NAME"])


def test_headings_tagged_paragraphs_bullets_and_escapes(tmp_path):
    path = _write(tmp_path, "ines-house.7", HOUSE)
    parsed = parsers.parse(path, path.read_bytes())
    assert parsed.kind == "markdown" and not parsed.warnings
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [(6, 1, "ines-house - the flat, the boiler, people who come round"), (7, 2, "Description"),
                        (9, 3, "People who come round")]
    got = _statements(path)
    topic = "ines-house - the flat, the boiler, people who come round > Description"
    assert (8, topic, "The flat is at 4 Rua das Flores, Porto; rent €950 a month.") in got
    # .TP: the tag and its body are one statement, cited at the body's first line.
    # (A list item's statement opens with its heading.)
    assert (12, topic + " > People who come round",
            "People who come round: Cleaner: Marta Sousa, Tuesdays from 09:00. She has the spare key.") in got
    assert (16, topic + " > People who come round", "People who come round: Plumber: Rui Lopes (not Rui the neighbour).") in got
    text = " ".join(t for _, _, t in got)
    assert "The boiler is a Vaillant ecoTEC, serviced every May." in text
    assert "Ħob water heater— never again." in text  # \[u0126] and \(em
    assert "ines-contacts(7)" in text  # .BR joins its alternating fonts
    for gone in ("\\", ".TP", ".B ", "Last reviewed", "allbox", "lb lb", "Ines's Handbook"):
        assert gone not in text, gone


def test_tbl_tables_are_read_under_their_column_names(tmp_path):
    path = _write(tmp_path, "ines-house.7", HOUSE)
    got = _statements(path)
    rows = {line: text for line, _, text in got if "Number" in text or "Wi-Fi" in text or "Router" in text}
    assert rows[30] == "Name: Marta Sousa; Number: 912 000 401"
    assert rows[31] == "Name: Rui Lopes; Number: 913 555 220"
    # Two columns and no column names: "name: value".
    assert rows[36] == "Wi-Fi: Casa-Flores"
    assert rows[37] == "Router: NOS box in the hall"


def test_a_page_is_dated_by_its_review_comment_or_th_and_journal_days_date_their_lines(tmp_path):
    house = _write(tmp_path, "ines-house.7", HOUSE)
    assert parsers.parse(house, house.read_bytes()).written == "2026-09-12"  # the comment is later than .TH
    journal = _write(tmp_path, "ines-journal.7", JOURNAL)
    parsed = parsers.parse(journal, journal.read_bytes())
    assert parsed.written == "2026-11-20"
    got = {s.text: s.written for s in parse_statements(journal, journal.read_bytes())}
    assert got["Marta now comes on Thursdays instead."] == "2026-10-05"
    assert got["Rent goes up to €990 from December."] == "2026-11-13"
    assert got["ines-house(7)"] == "2026-11-20"  # SEE ALSO is no longer under a day


def test_a_table_never_closed_costs_only_itself(tmp_path):
    text = ".TH X 7 2026-01-01\n.SH Cars\n.TS\ntab(;);\nl l.\nYaris;GBX 214\n.SH Money\nRent is 950.\n"
    path = _write(tmp_path, "x.7", text)
    parsed = parsers.parse(path, path.read_bytes())
    assert any(".TE" in w for w in parsed.warnings)
    got = [t for _, _, t in _statements(path)]
    assert "Yaris: GBX 214" in got and "Rent is 950." in got
    empty = _write(tmp_path, "empty.7", '.\\" nothing yet\n.TH EMPTY 7\n.SH NAME\n')
    parsed = parsers.parse(empty, empty.read_bytes())
    assert parsed.blocks == [] or not any(b.kind != "heading" for b in parsed.blocks)
    assert parsed.nothing


def test_format_lines_without_their_full_stop_lose_no_row_and_say_so(tmp_path):
    text = ".TH X 7 2026-01-01\n.SH Cars\n.TS\ntab(;);\nl l\nYaris;GBX 214\nPolo;GBX 990\n.TE\n"
    path = _write(tmp_path, "x.7", text)
    parsed = parsers.parse(path, path.read_bytes())
    assert any("line 6" in w and "format" in w for w in parsed.warnings)
    got = [t for _, _, t in _statements(path)]
    assert "Yaris: GBX 214" in got and "Polo: GBX 990" in got


def test_a_tag_ending_in_a_comma_and_a_so_request(tmp_path):
    text = ".TH X 7 2026-01-01\n.SH Doctors\n.TP\n.B Dr Sousa,\nfamily doctor, Tuesdays.\n.so man7/other.7\n"
    path = _write(tmp_path, "x.7", text)
    parsed = parsers.parse(path, path.read_bytes())
    assert "Doctors: Dr Sousa: family doctor, Tuesdays." in [t for _, _, t in _statements(path)]
    assert any(".so man7/other.7" in w for w in parsed.warnings)  # not followed, and said so


def test_man_pages_are_indexed_and_found(make_memory, tmp_path):
    root = tmp_path / "notes"
    (root / "man7").mkdir(parents=True)
    _write(root / "man7", "ines-house.7", HOUSE)
    mem = make_memory()
    mem.index([root])
    hit = mem.search("what is the plumber's phone number", k=3)
    assert any("913 555 220" in h.text for h in hit)
