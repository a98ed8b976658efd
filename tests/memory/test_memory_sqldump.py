"""A household database kept as text: a `sqlite3 .dump` and dated migrations beside it. Rows are
read under their column names, a migration's change as a change of the record it names, every
statement cited at the file line it starts on."""
from __future__ import annotations

import textwrap

from memory import parsers
from memory.statements import parse_statements, statements_of

DUMP = """\
    -- sqlite3 family.db .dump   (review, 2026-01-05)
    PRAGMA foreign_keys=OFF;
    BEGIN TRANSACTION;
    CREATE TABLE profile (key TEXT PRIMARY KEY, value TEXT, note TEXT);
    INSERT INTO profile VALUES('mobile','0917-555-201','Telkom plan');
    INSERT INTO profile VALUES('passport','X1234567',NULL);
    CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, relation TEXT,
        phone TEXT, note TEXT);
    INSERT INTO people VALUES(1,'Ana Ribeiro','sister','0912-555-100','lives in Braga; O''Neill''s pub quiz on Fridays');
    INSERT INTO people VALUES(2,'Tomás Costa','mechanic',NULL,'cash only');
    CREATE INDEX people_name ON people(name);
    COMMIT;
"""

MIGRATION = """\
    -- 0003  2026-06-14  new number for Ana
    -- Ana switched to MEO and got a new number.
    UPDATE people SET phone = '0936-555-777' WHERE id = 1;
    DELETE FROM people WHERE id = 2;
    INSERT INTO people VALUES(3,'Rui Sousa','neighbour','0965-555-404','has the spare key');
    UPDATE profile SET value = 'X7654321' WHERE key = 'passport';
"""


def _write(tmp_path):
    (tmp_path / "family.db.sql").write_text(textwrap.dedent(DUMP))
    (tmp_path / "migrations").mkdir()
    migration = tmp_path / "migrations" / "0003_2026-06-14_ana.sql"
    migration.write_text(textwrap.dedent(MIGRATION))
    return tmp_path / "family.db.sql", migration


def _statements(path):
    return [(s.line, " > ".join(s.topic), s.text) for s in statements_of(str(path), parsers.parse(path, path.read_bytes()))]


def test_a_dumps_rows_are_read_under_their_column_names_and_its_set_up_is_left_out(tmp_path):
    dump, _ = _write(tmp_path)
    parsed = parsers.parse(dump, dump.read_bytes())
    assert parsed.written == "2026-01-05"
    got = _statements(dump)
    assert (5, "profile", "profile: mobile: 0917-555-201 (Telkom plan)") in got
    assert (6, "profile", "profile: passport: X1234567") in got
    rows = {line: text for line, topic, text in got if topic == "people"}
    # The integer id says nothing; a quote doubled inside a value is one quote.
    assert rows[9] == ("name: Ana Ribeiro; relation: sister; phone: 0912-555-100; "
                       "note: lives in Braga; O'Neill's pub quiz on Fridays")
    assert rows[10] == "name: Tomás Costa; relation: mechanic; note: cash only"  # NULL says nothing
    assert not any("PRAGMA" in t or "INDEX" in t or "COMMIT" in t or "INSERT" in t for _, _, t in got)


def test_a_migration_names_the_record_it_changes_from_the_dump_beside_it(tmp_path):
    _, migration = _write(tmp_path)
    parsed = parsers.parse(migration, migration.read_bytes())
    assert parsed.written == "2026-06-14"  # the day in its file name
    got = [(line, text) for line, _, text in _statements(migration)]
    assert (2, "Ana switched to MEO and got a new number.") in got
    assert (3, "Ana Ribeiro: phone: now 0936-555-777") in got
    assert (4, "Tomás Costa: removed from people") in got
    assert (5, "name: Rui Sousa; relation: neighbour; phone: 0965-555-404; note: has the spare key") in got
    assert (6, "passport: now X7654321") in got


def test_a_migration_without_its_dump_still_says_what_changed(tmp_path):
    alone = tmp_path / "0007_2026-09-01_x.sql"
    alone.write_text("UPDATE people SET phone = '0936-555-777' WHERE id = 1;\nINSERT INTO pets VALUES('Mimi','cat');\n")
    got = [text for _, _, text in _statements(alone)]
    assert got == ["people 1: phone: now 0936-555-777", "Mimi, cat"]


def test_a_file_of_queries_is_not_a_dump_and_a_broken_statement_loses_nothing(tmp_path):
    queries = parse_statements("queries.sql", b"-- who to call\nSELECT name, phone FROM people;\n")
    assert parsers.parse(tmp_path / "q.sql", b"SELECT 1;").kind == "code"
    assert queries and all("who to call" in s.text or "SELECT" in s.text for s in queries)
    broken = tmp_path / "broken.sql"
    broken.write_text("INSERT INTO people VALUES(1,'Ana Ribeiro','sister\n")  # never closed
    got = " ".join(text for _, _, text in _statements(broken))
    assert "Ana Ribeiro" in got


def test_rows_that_share_a_name_are_named_by_their_first_two_columns(tmp_path):
    (tmp_path / "kids.sql").write_text(textwrap.dedent("""\
        CREATE TABLE activities (id INTEGER PRIMARY KEY, kid TEXT, item TEXT, detail TEXT);
        INSERT INTO activities VALUES(1,'Lia','swimming','Saturday 9:00');
        INSERT INTO activities VALUES(2,'Lia','piano','Tuesday 17:00 with Ms. Ho');
        INSERT INTO activities VALUES(3,'Rui','football','Friday');
    """))
    change = tmp_path / "0002_2026-09-01_piano.sql"
    change.write_text("UPDATE activities SET detail = 'Thursday 16:00 with Mr. Lai' WHERE id = 2;\n"
                      "UPDATE activities SET detail = 'Monday' WHERE id = 3;\n")
    got = [text for _, _, text in _statements(change)]
    assert got == ["Lia piano: detail: now Thursday 16:00 with Mr. Lai", "Rui: detail: now Monday"]
