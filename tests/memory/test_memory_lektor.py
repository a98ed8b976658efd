"""A household site kept as a Lektor project is read as what its pages say: the title a heading,
one-line fields as "Key: value", body fields as markdown, each flow block (a contact) one line that
holds all its fields, the filing fields left out, a journal entry dated by its pub_date. The
project file, models, flow blocks and databags are settings."""
from __future__ import annotations

from pathlib import Path

from memory import parsers
from memory.statements import parse_statements
from tests.memory.files import write_files

ENTRY = """\
_model: entry
---
title: New job
---
pub_date: 2026-10-02
---
tags:

work
---
body:

I start at the depot on Monday.

New salary: P18,200 a month.

----

Written on the bus.
"""

CONTACTS = """\
title: Contacts
---
rent: P4,100 a month
---
people:

#### person ####
name: Ana Ruiz
----
phone: 71 000 111
#### person ####
name: Dr Okafor
----
phone: 390 1234
----
notes:

Only on weekdays.
"""


def _project(tmp_path: Path) -> Path:
    return write_files(tmp_path / "site", {"content/journal/new-job/contents.lr": ENTRY, "content/contacts/contents.lr": CONTACTS,
                                           "site.lektorproject": "[project]\nname = Site\n", "models/entry.ini": "[model]\nname = Entry\n",
                                           "flowblocks/person.ini": "[block]\nname = Person\n"})


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def test_an_entry_is_titled_and_dated_and_its_filing_fields_are_left_out(tmp_path):
    entry = _project(tmp_path) / "content" / "journal" / "new-job" / "contents.lr"
    assert parsers.parse(entry, entry.read_bytes()).written == "2026-10-02"
    got = _statements(entry)
    assert (13, "New job", "I start at the depot on Monday.") in got
    assert (15, "New job", "New salary: P18,200 a month.") in got
    texts = " ".join(t for _, _, t in got)
    for gone in ("_model", "entry", "pub_date", "tags", "work", "title:", "body:"):
        assert gone not in texts
    # "----" in a body is an escaped "---" (a rule in its markdown), not the end of the field.
    assert (19, "New job", "Written on the bus.") in got


def test_each_flow_block_is_one_line_with_all_its_fields(tmp_path):
    contacts = _project(tmp_path) / "content" / "contacts" / "contents.lr"
    got = _statements(contacts)
    assert (3, "Contacts", "Rent: P4,100 a month") in got
    assert (7, "Contacts > People", "Name: Ana Ruiz; Phone: 71 000 111") in got
    assert (11, "Contacts > People", "Name: Dr Okafor; Phone: 390 1234; Notes: Only on weekdays.") in got


def test_the_project_s_settings_are_not_notes(tmp_path):
    root = _project(tmp_path)
    for path in (root / "site.lektorproject", root / "models" / "entry.ini", root / "flowblocks" / "person.ini"):
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "Lektor" in parsed.nothing
    loose = tmp_path / "elsewhere" / "models" / "car.ini"
    loose.parent.mkdir(parents=True)
    loose.write_text("[car]\nplate = KR 4412\n")
    assert parsers.parse(loose, loose.read_bytes()).nothing == ""  # an .ini outside a project reads as before


def test_a_lektor_project_indexes_its_contacts_whole(make_memory, tmp_path):
    mem = make_memory()
    mem.index([_project(tmp_path)])
    texts = [s.text for s in mem.iter_statements()]
    assert "Name: Ana Ruiz; Phone: 71 000 111" in texts
    assert not any("[model]" in t or "Person" == t for t in texts)
