"""Statements from notes that are not markdown: Org-mode outlines, plain-text records with dotted
leaders or aligned columns, dated logs, titles underlined or inside a rule, Zettelkasten ids.
Each case says what a user who writes that way gets: one statement per thing said, at its line,
labelled by what it belongs to."""
from __future__ import annotations

import textwrap
import time

import pytest

from memory import parsers
from memory.statements import parse_statements


@pytest.fixture
def utc_clock(monkeypatch):
    """The process clock in UTC for one test (an app's epoch stamps are shown on the user's
    clock), and back as it was after: time.tzset() reads TZ only when called."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _texts(path, text):
    return [(s.line, s.text) for s in parse_statements(path, textwrap.dedent(text).encode())]


ORG = """\
    #+TITLE: Shop and home
    #+STARTUP: overview

    * Shop
    ** TODO Renew van insurance                                :admin:van:
       DEADLINE: <2027-02-02 Tue>
       :PROPERTIES:
       :POLICY:   HB-5520193
       :END:
    ** DONE Van MOT                                            :van:
       CLOSED: [2026-03-19 Thu 11:20]
       - Next MOT due March 2027.
    ** TODO Bleed the brakes on Martha's bike
    * Someday
    ** Cargo bike hire on the side? Ruth says no.
    """


def test_org_headlines_drawers_and_planning_lines_become_statements_of_their_heading(tmp_path):
    got = _texts(tmp_path / "todo.org", ORG)
    assert not any(n == 5 for n, _ in got)  # the headline labels the lines under it
    assert (6, "Renew van insurance: deadline: 2027-02-02 Tue") in got
    assert (8, "Renew van insurance: policy: HB-5520193") in got
    assert (11, "Van MOT: closed: 2026-03-19 Thu 11:20") in got
    assert (12, "Van MOT: Next MOT due March 2027.") in got
    assert (13, "Bleed the brakes on Martha's bike (to do)") in got  # a task with nothing under it
    assert (15, "Cargo bike hire on the side? Ruth says no.") in got
    assert not any(":PROPERTIES:" in t or ":END:" in t or "#+" in t or ":admin:" in t for _, t in got)
    stmts = {s.line: s for s in parse_statements(tmp_path / "todo.org", textwrap.dedent(ORG).encode())}
    assert stmts[8].topic == ["Shop and home", "Shop", "Renew van insurance"]


def test_org_written_into_a_markdown_file_is_read_as_org_but_markdown_bullets_stay_bullets(tmp_path):
    assert (8, "Renew van insurance: policy: HB-5520193") in _texts(tmp_path / "todo.org.md", ORG)
    md = "# Shopping\n\n* milk\n* eggs: a dozen\n"
    parsed = parsers.parse(tmp_path / "list.md", md.encode())
    assert not parsed.outline
    assert [t for _, t in _texts(tmp_path / "list.md", md)] == ["Shopping: milk", "Shopping: eggs: a dozen"]


SUPPLIERS = """\
    SUPPLIERS                                          (tidied 1 Feb 2026)
    ======================================================================

    NORTHGATE CYCLE DISTRIBUTION - Shimano, Schwalbe, Continental, Park Tool
      rep ........ Gareth Pryce, 07700 900182
      account .... CHN-5518
      notes ...... free carriage over £150; returns need an RMA number first

    --- changes ----------------------------------------------------------
    12 May 2026   Northgate: Gareth has moved to Cardiff. New rep is Aisha Karim.
    3 Aug 2026    Velo Supply: delivery day is now Wednesday.
    """


def test_dotted_leaders_are_key_value_lines_labelled_by_the_block_they_are_indented_under(tmp_path):
    stmts = parse_statements(tmp_path / "suppliers.txt", textwrap.dedent(SUPPLIERS).encode())
    by_line = {s.line: s for s in stmts}
    # Each carries the block's name, so "Northgate's rep" finds its line (a "Key: value" line
    # indented under a title line says whose value it is, as a bare line there does).
    assert by_line[5].text == "NORTHGATE CYCLE DISTRIBUTION: rep: Gareth Pryce, 07700 900182"
    assert by_line[5].fields == {"rep": "Gareth Pryce, 07700 900182"}
    assert by_line[6].text == "NORTHGATE CYCLE DISTRIBUTION: account: CHN-5518" and by_line[6].end_line == 6
    # The block's name (not its description) and the file's underlined title are its topic.
    assert by_line[6].topic == ["SUPPLIERS (tidied 1 Feb 2026)", "NORTHGATE CYCLE DISTRIBUTION"]


def test_a_title_inside_a_rule_heads_a_dated_log_whose_entries_are_one_each(tmp_path):
    stmts = parse_statements(tmp_path / "suppliers.txt", textwrap.dedent(SUPPLIERS).encode())
    log = [(s.line, s.text, s.topic[-1]) for s in stmts if s.line >= 10]
    assert log == [
        (10, "12 May 2026: Northgate: Gareth has moved to Cardiff.", "changes"),
        (10, "12 May 2026: Northgate: New rep is Aisha Karim.", "changes"),  # dated and keyed by its entry
        (11, "3 Aug 2026: Velo Supply: delivery day is now Wednesday.", "changes"),
    ]


def test_a_terse_log_gives_one_statement_per_dated_entry_with_its_indented_continuation(tmp_path):
    log = """\
        health log
        03/01  back went, lifting the cargo bike. ibuprofen 400 x2.
        14/01  GP: lumbar strain. naproxen 250mg twice a day.
               reminded her I'm allergic to penicillin.
        15/09  flu jab at Boots, Gloucester Rd.
        30/10  wt 76.4 kg. swimming Mon + Thu.
        """
    got = _texts(tmp_path / "health.txt", log)
    entries = [(n, t) for n, t in got if n > 1]
    assert [n for n, _ in entries] == [2, 3, 5, 6]  # "Rd." does not glue two entries together
    assert entries[1][1].endswith("reminded her I'm allergic to penicillin.")
    assert entries[3][1] == "30/10 wt 76.4 kg. swimming Mon + Thu."


def test_aligned_two_column_lines_are_values_but_a_rule_under_a_row_is_no_title(tmp_path):
    invoice = """\
        INVOICE INV-0412                                  Date: 18/03/2026
        Customer: Tom Hughes, 4 Ashley Down Road
        Bike: Trek FX 3 (2019)

        Full service                                  95.00
        Brake pads (pair) x2                          17.00
        ----------------------------------------------------
        TOTAL                                       £134.00
        """
    got = _texts(tmp_path / "INV-0412.txt", invoice)
    assert (2, "Customer: Tom Hughes, 4 Ashley Down Road") in got
    assert (3, "Bike: Trek FX 3 (2019)") in got
    assert (5, "Full service: 95.00") in got
    assert (6, "Brake pads (pair) x2: 17.00") in got
    assert (8, "TOTAL: £134.00") in got
    stmts = parse_statements(tmp_path / "INV-0412.txt", textwrap.dedent(invoice).encode())
    assert all("Brake pads" not in " ".join(s.topic) for s in stmts)


def test_a_table_of_several_aligned_columns_is_not_read_as_key_value(tmp_path):
    rota = "Rota\n\nNell       x     x     x\nKasia      x     -     x\n"
    got = _texts(tmp_path / "rota.txt", rota)
    assert not any(t.startswith("Nell:") for _, t in got)


def test_an_address_book_line_over_its_indented_details_labels_them(tmp_path):
    book = """\
        Harriet Oduya (accountant), Oduya & Finch, 3 Picton Street
          0117 496 0382 / harriet@oduyafinch.co.uk
        """
    got = _texts(tmp_path / "addresses.txt", book)
    assert (2, "Harriet Oduya (accountant), Oduya & Finch, 3 Picton Street: 0117 496 0382 / harriet@oduyafinch.co.uk") in got


def test_zettelkasten_ids_leave_the_topic_and_angle_brackets_that_are_not_html_stay(tmp_path):
    note = "# 202509021030 People - supervisors\n\n- Main supervisor: Prof. Ingrid Halvorsen\n\nSample IDs MS-<exp>-<box>, <b>bold</b>.\n"
    stmts = parse_statements(tmp_path / "202509021030 People - supervisors.md", note.encode())
    assert stmts[0].topic == ["People - supervisors"]
    assert stmts[0].text == "People - supervisors: Main supervisor: Prof. Ingrid Halvorsen"
    assert "MS-<exp>-<box>" in stmts[1].text and "<b>" not in stmts[1].text


def test_a_notes_own_legend_spells_out_its_shorthand_and_answers_nothing_itself(tmp_path):
    log = """\
        health log. bp = blood pressure, wt = weight.
        16/02  physio #2. wt 78.4 kg
        20/04  bp recheck at the pharmacy: 129/82.
        01/05  x = 5 is not a legend; wt again 77 kg, twt is not wt.
        """
    stmts = parse_statements(tmp_path / "health.txt", textwrap.dedent(log).encode())
    by_line = {s.line: s for s in stmts}
    assert by_line[1].kind == "meta"
    assert by_line[2].text == "16/02 physio #2. wt (weight) 78.4 kg"
    assert by_line[2].source.endswith("wt 78.4 kg")  # the quote stays as written
    assert by_line[3].text.startswith("20/04 bp (blood pressure) recheck")
    assert by_line[4].text == "01/05 x = 5 is not a legend; wt (weight) again 77 kg, twt is not wt."


def test_yaml_notes_are_read_as_data_not_as_code(tmp_path):
    yaml = """\
        # People I keep forgetting things about
        ---
        sister:
          name: Anja Hoffmann
          phone: "+1 503 555 0142"   # mobile
          pets: [Miso, Pixel]
          address: |
            12 Elm Street
            Portland
        dentist:
          - name: Dr. Sam Liu
            next_cleaning: 2027-01-08
        """
    got = _texts(tmp_path / "people.yaml", yaml)
    assert (4, "sister: name: Anja Hoffmann") in got
    assert (5, "sister: phone: +1 503 555 0142") in got
    assert (6, "sister: pets: Miso, Pixel") in got
    assert (7, "sister: address: 12 Elm Street Portland") in got
    assert (11, "dentist: Dr. Sam Liu") in got
    assert (12, "Dr. Sam Liu: next cleaning: 2027-01-08") in got  # the record's name heads its keys
    assert (1, "People I keep forgetting things about") in got  # a comment is prose


def test_a_yaml_list_of_records_names_each_record_on_its_keys(tmp_path):
    # A Hugo / Jekyll data file: the person is only on the "- name:" line, so every other key of
    # the record must carry the name, or "Whose number is ...?" has nobody to answer with.
    yaml = """\
        - name: Priya Nair
          mobile: "+91 98860 55531"
          slack: priya.n
        - name: Siddharth Mathur
          mobile: "+91 98860 55517"
        - mobile: "+91 99450 55577"
          name: Manjunath
        """
    stmts = parse_statements(tmp_path / "contacts.yaml", textwrap.dedent(yaml).encode())
    by_line = {s.line: s for s in stmts}
    assert by_line[2].text == "Priya Nair: mobile: +91 98860 55531"
    assert by_line[3].topic == ["Priya Nair"]
    assert by_line[5].text == "Siddharth Mathur: mobile: +91 98860 55517"
    # A record whose name comes later is named all the same, and is not taken for the one above.
    assert by_line[6].text == "Manjunath: mobile: +91 99450 55577"
    assert not any("Siddharth" in s.text and "99450" in s.text for s in stmts)


def test_a_file_that_is_one_list_of_named_records_gives_each_record_its_section(tmp_path):
    yaml = """\
        # contacts
        - name: Priya Nair
          mobile: "+91 98860 55531"
        - name: Siddharth Mathur
          mobile: "+91 98860 55517"
        """
    stmts = parse_statements(tmp_path / "contacts.yaml", textwrap.dedent(yaml).encode())
    assert [(s.line, s.text) for s in stmts if s.line > 1] == [
        (3, "Priya Nair: mobile: +91 98860 55531"), (5, "Siddharth Mathur: mobile: +91 98860 55517")]
    assert all(s.text not in ("Priya Nair", "Siddharth Mathur") for s in stmts)  # a bare name answers nothing


def test_toml_tables_head_their_keys(tmp_path):
    toml = """\
        [car]
        plate = "KA-HB 2231"
        insurance_renewal = "2027-05-01"  # call the broker first

        [car.tyres]
        size = "205/55 R16"
        """
    got = _texts(tmp_path / "car.toml", toml)
    assert got == [(2, "car: plate: KA-HB 2231"), (3, "car: insurance renewal: 2027-05-01"), (6, "car tyres: size: 205/55 R16")]


def test_source_code_still_gives_only_its_comments(tmp_path):
    code = "# the retry budget is per user, not global\nRETRIES = 3\n"
    assert _texts(tmp_path / "retry.py", code) == [(1, "the retry budget is per user, not global")]


def test_a_letter_saved_as_text_dates_what_it_says_by_its_headers(tmp_path):
    letter = """\
        From: Walter Briggs
        To: Rosie
        Date: Sun, 12 Jan 2026 09:14
        Subject: snowdrops

        Dear Rosie,

        The snowdrops are out at last. Paul fixed the gate on Thursday.

        Love, Grandad
        """
    stmts = parse_statements(tmp_path / "to rosie.txt", textwrap.dedent(letter).encode())
    gate = next(s for s in stmts if "gate" in s.text)
    assert gate.topic == ["snowdrops - Rosie - Sun, 12 Jan 2026 09:14"] and gate.line == 8
    # Without headers, a plain note gets no such topic.
    plain = parse_statements(tmp_path / "n.txt", b"Paul fixed the gate.\nThe snowdrops are out.\n")
    assert all(s.topic == [] for s in plain)


def test_a_notes_tags_are_about_the_note_not_facts(tmp_path):
    note = "# Conferences 2026\ntags: #conferences #travel\n\n- EGU: Vienna, 3-8 May 2026\n"
    stmts = parse_statements(tmp_path / "202511051200 Conferences 2026.md", note.encode())
    assert [(s.line, s.kind) for s in stmts] == [(2, "meta"), (4, "bullet")]


def test_a_letters_greeting_and_sign_off_are_about_the_letter_not_facts(tmp_path):
    letter = "Dear Colin (and Aileen),\n\nBest time to ring is after six.\nThe gate is fixed.\n\nLove, Dad\n"
    stmts = parse_statements(tmp_path / "to-colin.txt", letter.encode())
    assert [(s.line, s.kind) for s in stmts if s.kind == "meta"] == [(1, "meta"), (6, "meta")]
    assert any(s.text.startswith("Best time to ring") and s.kind != "meta" for s in stmts)


def test_an_invoice_saved_as_text_is_about_its_customer_on_every_line(tmp_path):
    invoice = """\
        CHAINLINE CYCLES

        INVOICE INV-0412                                  Date: 18/03/2026
        Customer: Tom Hughes, 4 Ashley Down Road

        TOTAL                                       £134.00
        """
    stmts = parse_statements(tmp_path / "INV-0412.txt", textwrap.dedent(invoice).encode())
    total = next(s for s in stmts if s.text.startswith("TOTAL"))
    assert total.topic[0] == "invoice INV-0412 - Tom Hughes"


def test_org_and_yaml_notes_are_searched_and_cited_by_line_through_a_real_index(make_memory, tmp_path):
    """The whole path (parse, store in chromadb, embed with MiniLM, hybrid search): the drawer
    line of an Org task and a YAML value come back as statements at their own lines."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.org").write_text(textwrap.dedent(ORG))
    (notes / "people.yaml").write_text("sister:\n  name: Anja Hoffmann\n  phone: \"+1 503 555 0142\"\n")
    mem = make_memory()
    mem.index([notes])
    hit = next(h for h in mem.search_statements("van insurance policy number", k=5) if "HB-5520193" in h.text)
    assert (hit.path, hit.line) == (str(notes / "todo.org"), 8)
    phone = next(h for h in mem.search_statements("my sister's phone", k=5) if "555 0142" in h.text)
    assert (phone.line, phone.text) == (3, "sister: phone: +1 503 555 0142")


def test_a_dotted_list_keeps_a_line_whose_name_left_one_dot_of_the_leader(tmp_path):
    book = ("FAMILY\n"
            "Rosie (Rosemary Hartley) ....... mobile 07700 900221\n"
            "Paul Hartley (Rosie's husband) . 07700 900583\n"
            "Danny .......................... 07700 900650\n")
    stmts = parse_statements(tmp_path / "phone_numbers.txt", book.encode())
    texts = [s.text for s in stmts]
    assert "Paul Hartley (Rosie's husband): 07700 900583" in texts
    assert "07700 900583" not in texts  # the number is not cut off from whose it is


VCARD = """\
    BEGIN:VCARD
    VERSION:3.0
    N:Lemaire;Pierre;;;
    FN:Pierre Lemaire
    ORG:Vélos Lemaire
    TEL;TYPE=CELL:+33 6 12 34 56 78
    ADR;TYPE=WORK:;;12 rue de la Gare;Bayeux;;14400;France
    NOTE:trued my rear wheel\\, ask him for
      the tubeless valves
    END:VCARD
    BEGIN:VCARD
    FN:Carys Evans
    TEL:07700 900123
    END:VCARD
    """

ICS = """\
    BEGIN:VCALENDAR
    PRODID:-//Example//Cal//EN
    BEGIN:VEVENT
    UID:f1@example
    DTSTART:20260627T203000Z
    SUMMARY:Ferry Santander - Portsmouth
    STATUS:CANCELLED
    END:VEVENT
    BEGIN:VEVENT
    DTSTART;TZID=Europe/Madrid:20260629T221500
    SUMMARY:Ferry Bilbao - Portsmouth
    END:VEVENT
    END:VCALENDAR
    """


def test_a_contacts_export_gives_each_card_its_name_over_its_numbers(tmp_path):
    """A phone's .vcf: "TEL;TYPE=CELL:..." is Pierre Lemaire's mobile, on its own line; the app's
    bookkeeping (VERSION, N) says nothing; a folded line is one note."""
    got = _texts(tmp_path / "contacts.vcf", VCARD)
    assert (6, "Pierre Lemaire: phone (cell): +33 6 12 34 56 78") in got
    assert (7, "Pierre Lemaire: address (work): 12 rue de la Gare, Bayeux, 14400, France") in got
    assert (8, "Pierre Lemaire: note: trued my rear wheel, ask him for the tubeless valves") in got
    assert (13, "Carys Evans: phone: 07700 900123") in got
    assert not any("VERSION" in t or "Lemaire;Pierre" in t for _, t in got)


def test_a_calendar_export_gives_each_event_its_summary_over_its_times_and_status(tmp_path):
    got = _texts(tmp_path / "trip.ics", ICS)
    # A cancelled booking says so on every line of it.
    assert (5, "Ferry Santander - Portsmouth (cancelled): start: 2026-06-27 20:30 UTC") in got
    assert (7, "Ferry Santander - Portsmouth (cancelled): status: cancelled") in got
    assert (10, "Ferry Bilbao - Portsmouth: start: 2026-06-29 22:15 (Europe/Madrid)") in got
    assert not any("UID" in t or "PRODID" in t for _, t in got)
    # Sniffed by content too: the same calendar saved as .txt.
    assert _texts(tmp_path / "trip.txt", ICS) == got


def test_json_notes_are_read_as_data_line_for_line(tmp_path):
    """A hand-kept `family.json`: nested keys head their values as YAML's do; an object or a list
    written on one line is one statement; empty lists and brackets say nothing."""
    js = """\
        {
          "kids": {
            "Maya": {
              "born": "2016-04-09",
              "school_name": "Hillside Primary",
              "allergies": ["peanuts", "penicillin"],
              "passport": {"number": "GB 5512 8834", "expires": "2029-03"},
              "clubs": [],
              "lessons": [
                {"what": "piano", "when": "Wednesday 16:45"}
              ]
            }
          }
        }
        """
    got = _texts(tmp_path / "family.json", js)
    assert (4, "Maya: born: 2016-04-09") in got
    assert (5, "Maya: school name: Hillside Primary") in got
    assert (6, "Maya: allergies: peanuts, penicillin") in got
    assert (7, "Maya: passport: number: GB 5512 8834; expires: 2029-03") in got
    assert (10, "lessons: what: piano; when: Wednesday 16:45") in got
    assert not any("clubs" in t or t.strip("{}[]: ") == "" for _, t in got)
    # A one-line or a machine-sized JSON file is a program's data: as before, nothing but comments.
    assert _texts(tmp_path / "min.json", '{"born": "2016-04-09"}') == []


def test_vault_pages_front_matter_and_logseq_properties_are_key_value_lines_of_the_page(tmp_path):
    """An Obsidian page's YAML front matter and a Logseq page's `key:: value` properties are one
    "Key: value" line each, about the page (its file name), not one run-on sentence; a namespaced
    link [[people/Sam Whitfield]] reads as the name."""
    obsidian = tmp_path / "Jess.md"
    obsidian.write_text("---\naliases: [Jess, Jessica]\ntags: [people]\nbirthday: 17 May\n---\n# Jess Fraser\n\n- Nurse at the Royal Infirmary.\n")
    got = {(s.line, s.text) for s in parse_statements(obsidian, obsidian.read_bytes())}
    assert (4, "Jess: birthday: 17 May") in got
    assert (8, "Jess Fraser: Nurse at the Royal Infirmary.") in got
    assert not any("tags" in text for _, text in got)  # the app's bookkeeping says nothing
    logseq = tmp_path / "people___Theo Marchetti.md"
    logseq.write_text("birthday:: September 2\nphone:: 604-555-0148\ntags:: people\n\n- Urban planner\n\t- started:: 2019\n"
                      "- Climbs with [[people/Sam Whitfield]]\n")
    got = {(s.line, s.text) for s in parse_statements(logseq, logseq.read_bytes())}
    assert {(1, "Theo Marchetti: birthday: September 2"), (2, "Theo Marchetti: phone: 604-555-0148"),
            (6, "Urban planner: started: 2019"), (7, "Theo Marchetti: Climbs with Sam Whitfield")} <= got
    assert not any("tags" in text for _, text in got)
    # A note that only starts with a rule, or whose first lines are prose, is not a page with properties.
    plain = tmp_path / "diary.md"
    plain.write_text("---\nWent climbing today. It rained.\n---\n")
    assert all(not s.text.startswith("diary:") for s in parse_statements(plain, plain.read_bytes()))


MBOX = """\
    From ramesh@example.in Sat Apr 18 09:12:44 2026
    From: Ramesh Gowda <ramesh@example.in>
    To: Rohan Iyer <rohan@example.in>
    Subject: Rental agreement renewal
    Date: Sat, 18 Apr 2026 09:12:44 +0530
    Message-ID: <20260418091244.4471@example.in>
    Content-Type: text/plain; charset=utf-8

    For you I can renew at ₹46,000 from 1 August 2026.

    From rohan@example.in Mon Apr 20 21:40:03 2026
    From: Rohan Iyer <rohan@example.in>
    Subject: Re: Rental agreement renewal
    Date: Mon, 20 Apr 2026 21:40:03 +0530

    Would you consider ₹44,000?
    > For you I can renew at ₹46,000 from 1 August 2026.
    """


def test_a_mailbox_is_one_entry_per_message_headed_by_its_subject_sender_and_day(tmp_path):
    stmts = parse_statements(tmp_path / "landlord.mbox", textwrap.dedent(MBOX).encode())
    by_line = {s.line: s for s in stmts}
    assert by_line[9].topic == ["Rental agreement renewal - Ramesh Gowda <ramesh@example.in> - 18 Apr 2026"]
    assert by_line[16].topic == ["Re: Rental agreement renewal - Rohan Iyer <rohan@example.in> - 20 Apr 2026"]
    assert by_line[16].text.endswith("Would you consider ₹44,000?")
    assert 17 not in by_line  # a quoted earlier message is said by its own entry, not again
    assert 6 not in by_line and 7 not in by_line  # the transport's headers say nothing to the reader
    assert by_line[2].text.endswith("From: Ramesh Gowda <ramesh@example.in>")
    # Sniffed without the suffix too (a Takeout export saved as .txt).
    assert [s.topic for s in parse_statements(tmp_path / "mail.txt", textwrap.dedent(MBOX).encode())] == [s.topic for s in stmts]


TIDDLER = """\
    created: 20240106071200858
    modified: 20260228174000189
    tags: Admin
    title: Me
    type: text/vnd.tiddlywiki
    birthday: 15 July

    !! Banking
    |!Bank |!Account |!Number |
    |FNB |Cheque |62 8841 0937 |
    |TymeBank |GoalSave |5100 7733 4128 |

    !! Lease
    * ''Late fee:'' R 350 if the rent is later than the 7th, see [[Flat|Flat - Lisbon Court]]
    # call the agent
    """


def test_a_tiddlywiki_tiddler_is_its_title_over_its_wikitext(tmp_path):
    """A `.tid` from a TiddlyWiki folder: the fields are the wiki's bookkeeping (blank) except the
    user's own ("birthday:"), the title heads every line, `!!` is a heading, `|!h |` a table whose
    rows are records, `''bold''` and `[[links]]` are the words they show, `# item` is no heading."""
    got = _texts(tmp_path / "Me.tid", TIDDLER)
    assert not any("20240106071200858" in t or "text/vnd" in t or "tags" in t for _, t in got)
    assert (6, "Me: birthday: 15 July") in got
    assert (10, "Bank: FNB; Account: Cheque; Number: 62 8841 0937") in got
    assert (11, "Bank: TymeBank; Account: GoalSave; Number: 5100 7733 4128") in got
    assert (14, "Lease: Late fee: R 350 if the rent is later than the 7th, see Flat") in got
    assert (15, "Lease: call the agent") in got
    topics = {s.line: s.topic for s in parse_statements(tmp_path / "Me.tid", textwrap.dedent(TIDDLER).encode())}
    assert topics[14] == ["Me", "Lease"] and topics[10] == ["Me", "Banking"]


def test_a_tiddlywiki_system_tiddler_says_nothing(tmp_path):
    assert _texts(tmp_path / "$__SiteTitle.tid", "title: $:/SiteTitle\n\nThandi's wiki\n") == []


JOPLIN = """\
    Boka besiktning V70

    Book at Opus Bilprovning, bring the service book.

    id: dd77970d701ec1bef6f58e5e3bb89c9c
    parent_id: d0b96c6f6170dd406077ea3ee5aa77fa
    created_time: 2026-08-30T19:00:00.455Z
    updated_time: 2026-08-30T19:00:00.455Z
    is_todo: 1
    todo_due: 1792051200000
    todo_completed: 0
    source_application: net.cozic.joplin-desktop
    latitude: 57.70887000
    type_: 1"""


def test_a_joplin_raw_note_is_its_title_over_its_body_and_its_due_date(tmp_path, utc_clock):
    """Joplin's RAW export: the first line is the title (it heads the body), the metadata block
    at the end is bookkeeping except a todo's due date (epoch ms, shown on the user's clock)."""
    got = parse_statements(tmp_path / "dd77970d701ec1bef6f58e5e3bb89c9c.md", textwrap.dedent(JOPLIN).encode())
    assert [(s.line, s.topic, s.text) for s in got] == [
        (3, ["Boka besiktning V70"], "Book at Opus Bilprovning, bring the service book."),
        (10, ["Boka besiktning V70"], "Boka besiktning V70: due: 2026-10-15 08:00")]


def test_joplin_notebooks_tags_and_links_say_nothing(tmp_path):
    notebook = "Dagbok\n\nid: 58dbfcedd23a59567a20c31b2976340c\ncreated_time: 2024-01-01T10:00:00.000Z\ntype_: 2"
    assert _texts(tmp_path / "58dbfcedd23a59567a20c31b2976340c.md", notebook) == []
    # The index says why it skipped the file, not "no text to index" as if the note were empty.
    parsed = parsers.parse(tmp_path / "58dbfcedd23a59567a20c31b2976340c.md", notebook.encode())
    assert "Joplin notebook" in parsed.nothing


def test_a_taskwarrior_export_is_one_line_per_task_with_its_dates_readable(tmp_path, utc_clock):
    """`task export`: the description first, compact stamps as dates, the task's own urgency and
    uuid left out (an urgency of 6.9686 is no amount), annotations dated."""
    tasks = (
        '[\n'
        '{"id":4,"description":"Mielie rabies vaccination at Lower Main Vet","due":"20270120T070000Z",'
        '"entry":"20260207T081000Z","status":"pending","uuid":"db0bf835-9038-d6b2-4917-b61b170ac709","urgency":6.9686,'
        '"annotations":[{"entry":"20260301T090000Z","description":"moved from 15 Jan"}]}\n'
        ']\n'
    )
    got = _texts(tmp_path / "tasks-export.json", tasks)
    assert got == [(2, "Mielie rabies vaccination at Lower Main Vet; due: 2027-01-20 07:00; added: 2026-02-07 08:10; "
                       "status: pending; notes: 2026-03-01 09:00: moved from 15 Jan")]


def test_an_sms_backup_is_one_dated_record_per_message(tmp_path):
    """"SMS Backup & Restore" XML: each message is a record of when, from or to whom, and what it
    said; a sender the phone does not know is its number."""
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
        '<smses count="2" type="full">\n'
        '  <sms protocol="0" address="+27215550192" date="1780388040000" type="1" body="Rent increases to R12 190 from 1 August 2026 &amp; the deposit stays." readable_date="2 Jun 2026 10:14:00" contact_name="Candice Petersen" />\n'
        '  <sms protocol="0" address="+27835550177" date="1781891220000" type="2" body="Saved, bhuti." readable_date="19 Jun 2026 19:52:00" contact_name="(Unknown)" />\n'
        "</smses>\n"
    )
    got = _texts(tmp_path / "sms-20261102211407.xml", xml)
    # Quoted as what was said, never as the XML it was saved in.
    assert all("<sms" not in s.source and "address=" not in s.source
               for s in parse_statements(tmp_path / "sms-20261102211407.xml", xml.encode()))
    assert got == [
        (3, "date: 2 Jun 2026 10:14:00; from: Candice Petersen (+27215550192); message: Rent increases to R12 190 from 1 August 2026 & the deposit stays."),
        (4, "date: 19 Jun 2026 19:52:00; to: +27835550177; message: Saved, bhuti."),
    ]


KEEP = ('{"color":"DEFAULT","isTrashed":false,"isPinned":false,"isArchived":false,'
        '"textContent":"Amlodipine 5 mg - morning\\nClinic: Othaya, 2nd Tuesday, Dr. Gitau",'
        '"textContentHtml":"<p dir=\\"ltr\\"><span style=\\"font-size:7.2pt\\">Amlodipine 5 mg - morning</span></p>",'
        '"title":"Cucu\'s meds","userEditedTimestampUsec":1784440965000000,"createdTimestampUsec":1762093211000000,'
        '"labels":[{"name":"Family"}]}')
KEEP_LIST = ('{"isTrashed":false,"title":"Shopping","userEditedTimestampUsec":1784440965000000,'
             '"listContent":[{"textHtml":"Eggs","text":"Eggs","isChecked":false},{"text":"Milk","isChecked":true}]}')
KEEP_HTML = """\
    <?xml version="1.0" ?>
    <html><head><meta charset="UTF-8"/><title>Cucu&#x27;s meds</title><style type="text/css">body{font-family:"Roboto"}</style></head><body><div class="note DEFAULT"><div class="heading"><div class="meta-icons"></div>
    19 Jul 2026, 09:02:45
    </div>
    <div class="title">Cucu&#x27;s meds</div>
    <div class="content">Amlodipine 5 mg - morning<br>Clinic: Othaya, 2nd Tuesday, Dr. Gitau</div>
    <div class="chips"><span class="chip label"><span class="label-name">Family</span></span></div></div></body></html>
    """


def test_a_google_keep_note_is_its_title_over_its_lines_dated_by_its_last_edit(tmp_path):
    """Takeout's Keep JSON is one line: every statement cites it; the styling copy of the text,
    the flags and labels say nothing; the edit time is the page's date; a ticked item is done."""
    parsed = parsers.parse(tmp_path / "Cucu's meds.json", KEEP.encode())
    assert parsed.written == "2026-07-19"
    assert _texts(tmp_path / "Cucu's meds.json", KEEP) == [
        (1, "Cucu's meds: Amlodipine 5 mg - morning"), (1, "Clinic: Othaya, 2nd Tuesday, Dr. Gitau")]
    assert _texts(tmp_path / "Shopping.json", KEEP_LIST) == [(1, "Shopping: Eggs"), (1, "Shopping: Milk (done)")]
    trashed = parsers.parse(tmp_path / "old.json", KEEP.replace('"isTrashed":false', '"isTrashed":true').encode())
    assert "trash" in trashed.nothing


def test_a_keep_html_copy_is_read_only_when_its_json_is_not_beside_it(tmp_path):
    (tmp_path / "Cucu's meds.json").write_text(KEEP)
    beside = parsers.parse(tmp_path / "Cucu's meds.html", textwrap.dedent(KEEP_HTML).encode())
    assert beside.blocks == [] and ".json beside it is read" in beside.nothing
    alone = tmp_path / "alone"
    alone.mkdir()
    got = _texts(alone / "Cucu's meds.html", KEEP_HTML)
    assert got == [(6, "Cucu's meds: Amlodipine 5 mg - morning"), (6, "Clinic: Othaya, 2nd Tuesday, Dr. Gitau")]
    assert parsers.parse(alone / "Cucu's meds.html", textwrap.dedent(KEEP_HTML).encode()).written == "2026-07-19"


ZIM = """\
    Content-Type: text/x-zim-wiki
    Wiki-Format: zim 0.6
    Creation-Date: 2025-11-18T19:04:22+01:00

    ====== Auta ======
    Created Tuesday 18 November 2025

    ===== Octavia (mine) =====
    * Tyres: 205/55 R16, stored at [[Dom:Serwis|Auto-Zbych]]
    [*] renew OC at [[Dom:Ubezpieczenia]]
    * Scans in ''/Dokumenty/skany''
    """


def test_a_zim_page_is_its_headings_over_its_lines_without_zims_header(tmp_path):
    got = _texts(tmp_path / "Auta.txt", ZIM)
    assert got == [(9, "Octavia (mine): Tyres: 205/55 R16, stored at Auto-Zbych"),
                   (10, "Octavia (mine): renew OC at Ubezpieczenia (done)"),
                   (11, "Octavia (mine): Scans in /Dokumenty/skany")]
    topics = {s.line: s.topic for s in parse_statements(tmp_path / "Auta.txt", textwrap.dedent(ZIM).encode())}
    assert topics[9] == ["Auta", "Octavia (mine)"]
    journal = tmp_path / "Journal" / "2026" / "06" / "18.txt"
    assert parsers.parse(journal, textwrap.dedent(ZIM).encode()).written == "2026-06-18"
    assert parsers.parse(tmp_path / "Auta.txt", textwrap.dedent(ZIM).encode()).written == ""  # created is not changed
    settings = parsers.parse(tmp_path / "notebook.zim", b"[Notebook]\nversion=0.4\nname=Notatki\nhome=Home\n")
    assert settings.blocks == [] and "Zim notebook" in settings.nothing


SIMPLENOTE = {"activeNotes": [
    {"id": "f18", "content": "Basen Zosia\n\nPark Wodny, grupa Rybki\nTuesdays 17:30 -> from October Thursdays 17:30\n8 lessons = 360 zł",
     "creationDate": "2026-02-10T17:48:30.210Z", "lastModified": "2026-09-24T20:11:57.663Z", "tags": ["zosia"]}],
    "trashedNotes": [{"id": "a1", "content": "Old alarm code 1234", "lastModified": "2025-01-01T00:00:00.000Z"}]}


def test_a_simplenote_export_reads_each_note_once_dated_by_its_last_change(tmp_path):
    import json as _json
    (tmp_path / "source").mkdir()
    (tmp_path / "notes").mkdir()
    index = _json.dumps(SIMPLENOTE, indent=2)
    (tmp_path / "source" / "notes.json").write_text(index)
    note = SIMPLENOTE["activeNotes"][0]["content"]
    (tmp_path / "notes" / "Basen Zosia.txt").write_text(note)
    parsed = parsers.parse(tmp_path / "notes" / "Basen Zosia.txt", note.encode())
    assert parsed.written == "2026-09-24"
    assert (4, "Basen Zosia: Tuesdays 17:30 -> from October Thursdays 17:30") in _texts(tmp_path / "notes" / "Basen Zosia.txt", note)
    assert "notes/ folder beside it" in parsers.parse(tmp_path / "source" / "notes.json", index.encode()).nothing
    # The index alone (the .txt files not copied): its active notes, never the trashed one.
    alone = tmp_path / "alone"
    alone.mkdir()
    got = _texts(alone / "notes.json", index)
    assert [t for _, t in got] == ["Basen Zosia: Park Wodny, grupa Rybki", "Basen Zosia: Tuesdays 17:30 -> from October Thursdays 17:30",
                                   "Basen Zosia: 8 lessons = 360 zł"]
    assert all(n == index.splitlines().index(next(l for l in index.splitlines() if '"content"' in l)) + 1 for n, _ in got)


HTML_NOTE = """\
    <!DOCTYPE html>
    <html><head><title>Car stuff</title><style>p{color:red}</style><script>var x = "Plate: fake";</script></head>
    <body>
    <h1>Car stuff</h1>
    <p>Bought the <b>Civic</b> in March.<br>Plate: KA 01 AB 1234</p>
    <ul><li>Insurance: ICICI Lombard, renews 3 May</li>
    <li>Service every 10,000 km
      <ul><li>last at 42,000 km</li></ul></li></ul>
    <table><tr><th>Name</th><th>Phone</th></tr>
    <tr><td>Ravi (mechanic)</td><td>98450 12345</td></tr></table>
    </body></html>
    """


def test_an_html_note_is_its_headings_paragraphs_lists_and_tables_at_their_lines(tmp_path):
    got = _texts(tmp_path / "Car stuff.html", HTML_NOTE)
    assert got == [(5, "Bought the Civic in March."), (5, "Plate: KA 01 AB 1234"),
                   (6, "Car stuff: Insurance: ICICI Lombard, renews 3 May"), (7, "Car stuff: Service every 10,000 km"),
                   (8, "Service every 10,000 km: last at 42,000 km"), (10, "Name: Ravi (mechanic); Phone: 98450 12345")]


ENEX = """\
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
    <en-export export-date="20261101T101010Z" application="Evernote" version="10.60">
      <note>
        <title>Dentist</title>
        <created>20250203T180000Z</created>
        <updated>20260412T090000Z</updated>
        <content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>
    <!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">
    <en-note><div>Next cleaning: 14 June 2026</div><div><en-todo checked="true"/>book a slot</div></en-note>]]></content>
        <tag>health</tag>
      </note>
      <note>
        <title>Wifi</title>
        <content><![CDATA[<en-note><div>Password: kiwi-42</div></en-note>]]></content>
      </note>
    </en-export>
    """


def test_an_evernote_export_is_each_notes_title_over_its_content(tmp_path):
    got = _texts(tmp_path / "My Notes.enex", ENEX)
    assert got == [(10, "Next cleaning: 14 June 2026"), (10, "Dentist: book a slot (done)"), (15, "Password: kiwi-42")]
    topics = [s.topic for s in parse_statements(tmp_path / "My Notes.enex", textwrap.dedent(ENEX).encode())]
    assert topics == [["Dentist"], ["Dentist"], ["Wifi"]]
    assert parsers.parse(tmp_path / "My Notes.enex", textwrap.dedent(ENEX).encode()).written == "2026-04-12"


def test_an_ellipsis_in_prose_is_no_dotted_leader_and_a_wrapped_date_continues_its_sentence(tmp_path):
    text = ("Owners' meeting in the bin room... no, in the hall, 2 hours. Resolution nr\n"
            "3/2026 passed: the repair fund goes up, so from\n"
            "01.07.2026 our service charge is 648,10 zł instead of 612,40 zł.\n")
    got = _texts(tmp_path / "18.txt", text)
    assert got[0] == (1, "Owners' meeting in the bin room... no, in the hall, 2 hours.")
    assert (1, "Resolution nr 3/2026 passed: the repair fund goes up, so from 01.07.2026 our service charge is "
               "648,10 zł instead of 612,40 zł.") in got


def test_an_org_table_and_an_emacs_rule_in_markdown_are_tables_of_rows(tmp_path):
    org = ("#+title: People\n\n| Name          | Phone        | Other                |\n"
           "|---------------+--------------+----------------------|\n"
           "| Peter Ochieng | 0700 555 089 | Kirinyaga Road, garage no. 17 |\n")
    assert (5, "Name: Peter Ochieng; Phone: 0700 555 089; Other: Kirinyaga Road, garage no. 17") in _texts(tmp_path / "people.org", org)
    md = "# People\n\n| Name | Phone |\n|------+-------|\n| Asha | 98860 55517 |\n"
    assert (5, "Name: Asha; Phone: 98860 55517") in _texts(tmp_path / "people.md", md)


def test_a_bullet_of_several_key_value_sentences_gives_each_its_field(tmp_path):
    got = parse_statements(tmp_path / "chama.md", b"# Chama\n\n- Chair: Mutua. Secretary: Wanjiku (my cousin). Treasurer: Akinyi.\n")
    assert got[0].fields == {"Chair": "Mutua", "Secretary": "Wanjiku (my cousin)", "Treasurer": "Akinyi"}


def test_a_short_abbreviation_before_its_number_does_not_end_the_sentence(tmp_path):
    got = _texts(tmp_path / "Urodziny.txt", "Urodziny\n\nMarek - ur. 03.08\nPaweł: tel. 601 555 014\n\nIt was big. 30 people came.\n")
    assert (3, "Urodziny: Marek - ur. 03.08") in got and (4, "Paweł: tel. 601 555 014") in got
    assert (6, "It was big.") in got and (6, "30 people came.") in got


VIMWIKI = """\
    = Bikes =

    == Gazelle (mine) ==
      * Frame number: GZ-4471-K
      * Lock code: 3381
      * [X] new chain
      * [ ] new brake pads
    See [[Repairs|the repair log]] and [[shop/Velo]].
    %% a comment: the old lock code was 1111
    Insurer:: Fietsverzekering NL

    | Part  | Size   |
    |-------|--------|
    | Tyres | 28x1.5 |
    """


def test_a_vimwiki_page_is_its_headings_over_its_lists_links_and_tables(tmp_path):
    got = _texts(tmp_path / "Bikes.wiki", VIMWIKI)
    assert (4, "Gazelle (mine): Frame number: GZ-4471-K") in got
    assert (6, "Gazelle (mine): new chain (done)") in got
    assert (8, "See the repair log and Velo.") in got
    assert (10, "Insurer: Fietsverzekering NL") in got
    assert (14, "Part: Tyres; Size: 28x1.5") in got
    assert not any("1111" in t or "=" in t for _, t in got)  # no comment, no heading marks
    topics = {s.line: s.topic for s in parse_statements(tmp_path / "Bikes.wiki", textwrap.dedent(VIMWIKI).encode())}
    assert topics[4] == ["Bikes", "Gazelle (mine)"]
    diary = tmp_path / "diary" / "2026-04-02.wiki"
    assert parsers.parse(diary, b"= 2026-04-02 =\n\nLock code is 4410 now.\n").written == "2026-04-02"
    assert parsers.parse(tmp_path / "Bikes.wiki", textwrap.dedent(VIMWIKI).encode()).written == ""


def test_german_ordinals_and_a_day_before_its_time_do_not_end_the_sentence(tmp_path):
    got = _texts(tmp_path / "Wohnung.txt", "Wohnung\n\nHauptstraße 3, 2. OG rechts. Ab 1. Dezember 800 €.\n"
                 "Termin jetzt Do 12.11. 9:15 statt Mi. Neue Police-Nr. KH-77 ab heute.\nI have 2. Then I left.\n")
    assert (3, "Hauptstraße 3, 2. OG rechts.") in got and (3, "Ab 1. Dezember 800 €.") in got
    assert (4, "Termin jetzt Do 12.11. 9:15 statt Mi.") in got
    assert (4, "Neue Police-Nr. KH-77 ab heute.") in got
    assert (5, "I have 2.") in got and (5, "Then I left.") in got


def test_czech_c_dot_before_a_number_is_an_abbreviation(tmp_path):
    md = "# Byt Údolní\n\nAdresa: Údolní 41, Brno (3. patro, byt č. 9, zvonek MALÝ)\n"
    sts = parse_statements(tmp_path / "byt.md", md.encode())
    assert [(s.text, s.topic) for s in sts] == [
        ("Adresa: Údolní 41, Brno (3. patro, byt č. 9, zvonek MALÝ)", ["Byt Údolní"])]


def test_a_csv_column_of_machine_ids_is_left_out_of_its_rows(tmp_path):
    csv_text = ("Date,Transaction ID,Description,Amount\n"
                "03.08.2026,7e20416f8f1239203edc1d7f030fb93b,Nájem Údolní 41,\"16 500,00 Kč\"\n"
                "08.08.2026,e5e541a1d395595d9bd221b54a3838ce,Vodafone,\"599,00 Kč\"\n")
    sts = parse_statements(tmp_path / "gnucash.csv", csv_text.encode())
    assert [s.text for s in sts] == ["Date: 03.08.2026; Description: Nájem Údolní 41; Amount: 16 500,00 Kč",
                                     "Date: 08.08.2026; Description: Vodafone; Amount: 599,00 Kč"]
    # A column that only sometimes holds an id, or ids a person types ("INV-2026-04"), stays.
    kept = parse_statements(tmp_path / "orders.csv", b"Order,Item\nINV-2026-04,Desk\n7e20416f8f1239203edc1d7f030fb93b,Lamp\n")
    assert [s.fields["Order"] for s in kept] == ["INV-2026-04", "7e20416f8f1239203edc1d7f030fb93b"]


def test_a_czech_date_written_with_spaces_does_not_end_the_sentence(tmp_path):
    got = _texts(tmp_path / "byt.txt", "Byt\n\nSmlouva na dobu určitou 1. 9. 2025 – 31. 8. 2027. Kauce 33 000 Kč.\n"
                 "Zubař přesunut na 10. 12. v 8:00.\nWe won 3. Then we left.\n")
    assert (3, "Smlouva na dobu určitou 1. 9. 2025 – 31. 8. 2027.") in got and (3, "Kauce 33 000 Kč.") in got
    assert (4, "Zubař přesunut na 10. 12. v 8:00.") in got
    assert (5, "We won 3.") in got and (5, "Then we left.") in got


def test_a_day_one_journal_is_each_entry_under_the_day_it_was_written_where_it_was_written(tmp_path):
    import json as _json
    journal = {"metadata": {"version": "1.0"}, "entries": [
        {"uuid": "B2", "creationDate": "2026-05-03T01:30:00Z", "timeZone": "America/Lima", "tags": ["car"],
         "text": "# Taller\n\nThe mechanic, Sr. Quispe, charged S/ 420 \\- paid in cash."},
        {"uuid": "A1", "creationDate": "2026-02-10T15:00:00Z", "timeZone": "America/Lima",
         "text": "Gym fee is S/ 150 a month."}]}
    raw = _json.dumps(journal, indent=2)
    path = tmp_path / "Journal.json"
    sts = parse_statements(path, raw.encode())
    lines = raw.splitlines()
    assert [(s.text, s.topic) for s in sts] == [
        ("Gym fee is S/ 150 a month.", ["2026-02-10"]),
        ("The mechanic, Sr. Quispe, charged S/ 420 - paid in cash.", ["2026-05-02", "Taller"])]  # Lima is UTC-5
    assert [s.written for s in sts] == ["2026-02-10", "2026-05-02"]  # so a later entry is a newer version
    assert '"text"' in lines[sts[0].line - 1] and "Gym fee" in lines[sts[0].line - 1]
    assert "Quispe" in lines[sts[1].line - 1]


def test_a_telegram_export_is_each_message_under_its_day_citing_its_text(tmp_path):
    import json as _json
    chat = {"name": "Saved Messages", "type": "saved_messages", "id": 7, "messages": [
        {"id": 11, "type": "message", "date": "2026-03-01T09:00:00", "from": "Me", "text": "Locker 212, code 9034",
         "text_entities": [{"type": "plain", "text": "Locker 212, code 9034"}]},
        {"id": 12, "type": "service", "date": "2026-03-01T09:01:00", "action": "pin_message", "text": ""},
        {"id": 13, "type": "message", "date": "2026-03-04T20:15:00", "from": "Me",
         "text": ["Plumber: ", {"type": "phone", "text": "+31 6 5550 1212"}],
         "text_entities": [{"type": "plain", "text": "Plumber: "}, {"type": "phone", "text": "+31 6 5550 1212"}]}]}
    raw = _json.dumps(chat, indent=1)
    sts = parse_statements(tmp_path / "result.json", raw.encode())
    assert [(s.text, s.topic) for s in sts] == [("Locker 212, code 9034", ["Saved Messages", "2026-03-01"]),
                                               ("Plumber: +31 6 5550 1212", ["Saved Messages", "2026-03-04"])]
    assert [s.written for s in sts] == ["2026-03-01", "2026-03-04"]
    lines = raw.splitlines()
    assert [lines[s.line - 1].strip()[:7] for s in sts] == ['"text":', '"text":']
    assert "Plumber" in lines[sts[1].line]  # the message's own text, not an entity's
    group = dict(chat, type="private_group", name="Flat 3B")
    sts = parse_statements(tmp_path / "result.json", _json.dumps(group, indent=1).encode())
    assert sts[0].text == "Me: Locker 212, code 9034"  # in a chat with others, who said it


def test_a_todoist_export_is_its_sections_over_tasks_with_their_due_dates(tmp_path):
    csv_text = ("TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT\n"
                "section,Car,,,,,,,,,,\n"
                "task,Oil change at Garage Smit,bring the service book,2,1,Ana (5501),,12.05.2026 09:00,nl,Europe/Amsterdam,45,minute\n"
                "task,Renew parking permit,,4,1,Ana (5501),Joost (6602),,nl,Europe/Amsterdam,,\n")
    sts = parse_statements(tmp_path / "Home [2291].csv", csv_text.encode())
    assert [(s.line, s.text, s.topic) for s in sts] == [
        (3, "task: Oil change at Garage Smit; details: bring the service book; due: 12.05.2026 09:00; duration: 45 minutes",
         ["Home", "Car"]),
        (4, "task: Renew parking permit; assigned to: Joost", ["Home", "Car"])]
    plain = parse_statements(tmp_path / "other.csv", b"TYPE,NAME\nbike,Gazelle\n")
    assert plain[0].text == "TYPE: bike; NAME: Gazelle"  # any other CSV as before


def test_each_note_of_an_evernote_export_is_dated_by_its_own_last_change(tmp_path):
    enex = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">\n'
            '<en-export export-date="20260901T100000Z" application="Evernote" version="10.0">\n'
            '<note><title>Gym</title><created>20250101T100000Z</created><updated>20250301T100000Z</updated>\n'
            '<content><![CDATA[<?xml version="1.0" encoding="UTF-8"?><en-note><div>Locker 12</div></en-note>]]></content></note>\n'
            '<note><title>Bike</title><created>20260101T100000Z</created><updated>20260805T100000Z</updated>\n'
            '<content><![CDATA[<?xml version="1.0" encoding="UTF-8"?><en-note><div>Frame GZ-1</div></en-note>]]></content></note>\n'
            '</en-export>\n')
    sts = parse_statements(tmp_path / "Stuff.enex", enex.encode())
    assert [(s.text, s.written) for s in sts] == [("Locker 12", "2025-03-01"), ("Frame GZ-1", "2026-08-05")]


def test_a_short_all_bold_line_of_an_html_note_heads_the_lines_under_it(tmp_path):
    page = ("<html><body><h1>Bikes</h1><div><b>Gazelle (mine)</b></div><div>Frame: GZ-1</div>"
            "<div><b>Batavus</b></div><div>Frame: BT-7</div><div><b>Note:</b> both insured</div>"
            "<div><b>Locker code is 1234.</b></div></body></html>")
    sts = parse_statements(tmp_path / "bikes.html", page.encode())
    assert [(s.text, s.topic) for s in sts] == [
        ("Frame: GZ-1", ["Bikes", "Gazelle (mine)"]), ("Frame: BT-7", ["Bikes", "Batavus"]),
        ("Note: both insured", ["Bikes", "Batavus"]), ("Batavus: Locker code is 1234.", ["Bikes", "Batavus"])]


def test_glossed_compounds_search_by_their_last_part_and_paperwork_words_widen_no_search():
    from memory.gloss import compound_parts, english_for, foreign_for

    assert compound_parts(["nebenkostenvorauszahlung", "passport"]) == ["vorauszahlung"]
    assert "fahrrad" in foreign_for(["bike"]) and foreign_for(["number", "card", "due"]) == []
    assert {"bike", "cellar"} <= english_for("Fahrradkeller: Hof, Code 2718") and not english_for("a mullet, a mulligan")


def test_korean_words_are_glossed_inside_the_text_with_their_particles_and_czech_kin_by_their_stem():
    from memory.gloss import english_for, foreign_for

    # Korean writes particles onto the noun ("엄마가", "집주인한테"): found inside the words.
    assert {"mom", "mother"} <= english_for("[엄마] [오전 9:48] 엄마가 번호 바꿨어")
    assert "landlord" in english_for("집주인한테 문자 보냄") and "집주인" in foreign_for(["landlord"])
    assert not english_for("Lee Donghyun, nice guy, software at a game company")
    # Czech kin and housing words in any case ending.
    assert "mom" in english_for("Rodina: mamka = Eva") and "brother" in english_for("za bráchou Tomášem")
    assert "landlady" in english_for("Pronajímatelka: paní Kratochvílová") and "rent" in english_for("nájem 16 500 Kč")


def test_an_ldif_address_book_is_each_entry_its_name_over_its_labelled_attributes(tmp_path):
    import base64 as _b64
    name = _b64.b64encode("Zoë Ångström".encode()).decode()
    ldif = ("dn: cn=Piet Bakker,mail=piet@example.nl\nobjectclass: top\nobjectclass: person\ncn: Piet Bakker\n"
            "mobile: 06 5550 1212\nmozillaHomeLocalityName: Utrecht\nbirthyear: 1961\n\n"
            f"dn:: {_b64.b64encode('cn=Zoë Ångström'.encode()).decode()}\nobjectclass: person\ncn:: {name}\n"
            "description: our neighbour, has the spare\n  key\n")
    sts = parse_statements(tmp_path / "abook.ldif", ldif.encode())
    assert [(s.line, s.text, s.topic) for s in sts] == [
        (4, "name: Piet Bakker", ["Piet Bakker"]), (5, "Piet Bakker: mobile: 06 5550 1212", ["Piet Bakker"]),
        (6, "Piet Bakker: home city: Utrecht", ["Piet Bakker"]), (7, "Piet Bakker: birth year: 1961", ["Piet Bakker"]),
        (11, "name: Zoë Ångström", ["Zoë Ångström"]), (12, "Zoë Ångström: note: our neighbour, has the spare key", ["Zoë Ångström"])]


def test_a_standard_notes_backup_is_its_notes_dated_by_their_last_change(tmp_path):
    import json as _json
    backup = {"version": "004", "items": [
        {"uuid": "1", "content_type": "SN|UserPreferences", "content": {"prefs": {}}, "updated_at": "2026-01-01T00:00:00.000Z"},
        {"uuid": "2", "content_type": "Note", "created_at": "2026-02-01T10:00:00.000Z", "updated_at": "2026-05-04T08:30:00.000Z",
         "content": {"title": "Bike", "text": "Frame number: GZ-4471\nLock code 3381", "references": []}},
        {"uuid": "3", "content_type": "Tag", "content": {"title": "home", "references": []}},
        {"uuid": "4", "content_type": "Note", "content": {"title": "Old", "text": "gone", "trashed": True}}]}
    raw = _json.dumps(backup, indent=2)
    path = tmp_path / "Standard Notes Backup and Import File.txt"
    sts = parse_statements(path, raw.encode())
    assert [(s.text, s.topic, s.written) for s in sts] == [
        ("Frame number: GZ-4471", ["Bike"], "2026-05-04"), ("Bike: Lock code 3381", ["Bike"], "2026-05-04")]
    assert "Frame number" in raw.splitlines()[sts[0].line - 1]
    # Letters outside ASCII, written as they are (the app) or \u-escaped: each note cites its own text's line.
    backup["items"] += [{"uuid": "5", "content_type": "Note", "updated_at": "2026-06-01T08:00:00.000Z",
                         "content": {"title": "Školka", "text": "Školka – Matyáš: třída Berušky"}}]
    for ascii_only in (False, True):
        raw = _json.dumps(backup, indent=2, ensure_ascii=ascii_only)
        sts = parse_statements(path, raw.encode())
        cited = raw.splitlines()[sts[-1].line - 1]
        assert '"text"' in cited and ("Berušky" in cited or "Beru\\u0161ky" in cited)


PASSWORDS_JSON = """\
    {
      "items": [
        {
          "id": "1b2c3d4e-0001",
          "organizationId": null,
          "name": "Nordea Mastercard",
          "notes": "Last four 3350. Travel card.",
          "card": {
            "brand": "Mastercard",
            "number": null,
            "expYear": "2027"
          },
          "deletedDate": null,
          "revisionDate": "2026-06-15T05:14:51.203Z",
          "folderId": "c0a8e4d2-3f16-4b9a-8e75-6d1b0f2c9a43"
        },
        {
          "id": "1b2c3d4e-0002",
          "name": "OP Visa Credit",
          "notes": "Last four 4417."
        }
      ]
    }
    """


def test_an_entry_in_a_json_list_is_headed_by_its_name(tmp_path):
    """A password manager's export: each entry's keys belong to the entry ("Nordea Mastercard"
    over "notes: Last four 3350"), nulls in between do not cut it off, the next entry is another."""
    path = tmp_path / "export.json"
    path.write_text(textwrap.dedent(PASSWORDS_JSON))
    got = {(s.line, s.text): s.topic for s in parse_statements(path, path.read_bytes())}
    assert (7, "Nordea Mastercard: notes: Last four 3350. Travel card.") in got
    brand = next(topic for (line, _), topic in got.items() if line == 9)
    assert "Nordea Mastercard" in brand
    assert (20, "OP Visa Credit: notes: Last four 4417.") in got
    # The app's own ids and edit times are no facts of the user's (no "name day" 2026-06-15).
    assert not any("null" in text or "2026-06-15" in text or "c0a8e4d2" in text or "1b2c3d4e" in text for _, text in got)


CHAT_JSON = """\
    {
      "room_name": "Perhe",
      "messages": [
        {
          "type": "m.room.message",
          "sender": "@antti.l:matrix.example.org",
          "content": {
            "body": "Mulla on uusi numero: 045 555 6612."
          },
          "origin_server_ts": 1793375520000
        }
      ]
    }
    """


def test_a_chat_message_in_json_is_headed_by_who_sent_it_and_when(tmp_path, utc_clock):
    path = tmp_path / "chat.json"
    path.write_text(textwrap.dedent(CHAT_JSON))
    body = next(s for s in parse_statements(path, path.read_bytes()) if "045 555 6612" in s.text)
    assert body.line == 8 and "antti.l, 2026-10-30 15:52" in body.topic


GNOTE = """\
    <?xml version="1.0" encoding="utf-8"?>
    <note version="0.3" xmlns:link="http://beatniksoftware.com/tomboy/link" xmlns="http://beatniksoftware.com/tomboy">
      <title>Ilona</title>
      <text xml:space="preserve"><note-content version="0.1">Ilona

    Päiväkoti Pikku-Pyynikki, ryhmä <bold>Ketut</bold>.
    <list><list-item dir="ltr">Lastenlääkäri: Dr. Petri Laine
    </list-item></list>Kengännumero 27 &amp; growing.
    </note-content></text>
      <last-change-date>2026-03-02T20:31:40.771250+02:00</last-change-date>
      <width>520</width>
      <tags>
        <tag>system:notebook:Ihmiset</tag>
      </tags>
    </note>
    """


def test_a_gnote_note_is_its_title_over_its_text_without_the_apps_bookkeeping(tmp_path):
    path = tmp_path / "8e3b5d10.note"
    path.write_text(textwrap.dedent(GNOTE))
    statements = parse_statements(path, path.read_bytes())
    got = [(s.line, s.text) for s in statements]
    assert (6, "Päiväkoti Pikku-Pyynikki, ryhmä Ketut.") in got
    assert (7, "Ilona: Lastenlääkäri: Dr. Petri Laine") in got or (7, "Lastenlääkäri: Dr. Petri Laine") in got
    assert (8, "Kengännumero 27 & growing.") in got
    assert all(s.topic[:1] == ["Ilona"] for s in statements)
    assert not any("520" in t or "notebook" in t or "<" in t for _, t in got)
    assert parsers.parse(path, path.read_bytes()).written == "2026-03-02"


def test_an_org_link_reads_as_its_words_not_its_id(tmp_path):
    got = _texts(tmp_path / "ev.org", """\
        * Ev
        - Deprem: DASK poliçesi: see [[id:c81f5e20-9b3a-4d77-8e12-4a6b0f2d9c31][Kimlik ve belgeler]].
        """)
    assert got == [(2, "Ev: Deprem: DASK poliçesi: see Kimlik ve belgeler.")]


BBDB = """\
    ;; -*- mode: Emacs-Lisp; coding: utf-8; -*-
    ;;; file-format: 9
    ["Selin" "Aydın" nil ("Selin Tuna") ("Atölye Karaköy") (["mobile" "0536 555 74 02"]) (["home" ("Moda Cad. 12") "Kadıköy" "İstanbul" "34710" "Türkiye"]) ("selin@example.com") ((notes . "Says \\"hi\\" back") (creation-date . "2018-02-14 21:05:44 +0000")) "e2f84b6c" "2018-02-14 21:05:44 +0000" "2025-08-10 12:19:20 +0000" nil]
    ["Kemal" "Ersoy" nil nil nil (["mobile" "0542 555 30 19"]) nil nil nil "0b3d7e95" "2025-07-20" "2025-07-28" nil]
    """


def test_a_bbdb_record_is_its_name_over_its_numbers_on_its_line(tmp_path):
    got = _texts(tmp_path / "bbdb", BBDB)
    assert (3, "Selin Aydın: also known as: Selin Tuna") in got
    assert (3, "Selin Aydın: phone (mobile): 0536 555 74 02") in got
    assert (3, "Selin Aydın: address (home): Moda Cad. 12, Kadıköy, İstanbul, 34710 Türkiye") in got
    assert (3, 'Selin Aydın: notes: Says "hi" back') in got
    assert (4, "Kemal Ersoy: phone (mobile): 0542 555 30 19") in got
    assert not any("creation" in t or "e2f84b6c" in t or "file-format" in t for _, t in got)


REDNOTEBOOK = """\
    19: {text: 'Can''ın doğum günü, 5 yaşında. Video call with Zeynep,
        he showed us every dinosaur.'}
    26: {Ev: {kira: null}, text: 'Kemal Bey said the rent goes up in August.'}
    """


def test_a_rednotebook_month_is_each_day_under_its_date(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "2026-07.txt"
    path.write_text(textwrap.dedent(REDNOTEBOOK))
    statements = parse_statements(path, path.read_bytes())
    got = [(s.line, s.text, s.topic) for s in statements]
    assert (1, "Can'ın doğum günü, 5 yaşında.", ["2026-07-19"]) in got
    assert (2, "he showed us every dinosaur.", ["2026-07-19"]) in got or any(
        t.endswith("he showed us every dinosaur.") for _, t, _ in got)
    assert (3, "Kemal Bey said the rent goes up in August.", ["2026-07-26 Ev: kira"]) in got
    assert parsers.parse(path, path.read_bytes()).written_from == [(1, "2026-07-19"), (3, "2026-07-26")]


def test_everyday_words_of_more_languages_are_glossed_and_english_gains_none():
    from memory.gloss import english_for
    assert {"mother"} <= english_for("Annem: Sevim Aydın. Retired teacher")
    assert {"insurance", "policy"} <= english_for("Vakuutus: Pohjola, polisnumero PV-5528-1907")
    assert "birthday" in english_for("Synttärit 28.8.") and "birthday" in english_for("Doğum günü 11.04.")
    assert "grandmother" in english_for("Nagymama: Ilona") and "wife" in english_for("istri saya Dewi")
    for english in ("The police came to the office on Monday, passing the bank.", "Lola and Isa met a guru at the dada show.",
                    "Kira bought a veterinarian's guide"):
        assert english_for(english) <= {"vet", "veterinarian"}, english


SIGNAL_JSON = """\
    [
      {
        "conversationId": "0b1c2d3e-aaaa-bbbb-cccc-111122223333",
        "id": "9f8e7d6c-aaaa-bbbb-cccc-444455556666",
        "type": "incoming",
        "sent_at": 1793375520000,
        "received_at": 1793375523154,
        "body": "Il nuovo numero del garage è 051 555 0100",
        "source": "+393405550100",
        "sourceDevice": 1
      },
      {
        "conversationId": "0b1c2d3e-aaaa-bbbb-cccc-111122223333",
        "type": "outgoing",
        "sent_at": 1793375580000,
        "received_at": 1793375583000,
        "body": "Grazie, salvato"
      }
    ]
    """


def test_a_signal_message_is_headed_by_its_sender_or_by_me_and_its_bookkeeping_left_out(tmp_path, utc_clock):
    path = tmp_path / "Marta.json"
    path.write_text(textwrap.dedent(SIGNAL_JSON))
    sts = parse_statements(path, path.read_bytes())
    garage = next(s for s in sts if "051 555 0100" in s.text)
    assert "+393405550100, 2026-10-30 15:52" in garage.topic
    assert garage.topic[0] == "Marta"  # the chat the export is of, as its file is named
    thanks = next(s for s in sts if "Grazie" in s.text)
    assert "me, 2026-10-30 15:53" in thanks.topic
    # which way a message went is said by who heads it; when it was received is the app's
    assert not [s for s in sts if "incoming" in s.text or "outgoing" in s.text or "1793375523154" in s.text]


def test_a_facebook_export_written_as_one_character_per_utf8_byte_is_read_as_meant(tmp_path, utc_clock):
    import json as _json
    from memory.datafiles import utf8_repaired
    broken = "Đỗ Minh Quân".encode().decode("latin-1")
    message = {"messages": [{"sender_name": broken, "timestamp_ms": 1793375520000,
                             "content": "Anh nhớ đón Bin lúc 17h".encode().decode("latin-1")}]}
    path = tmp_path / "message_1.json"
    path.write_text(_json.dumps(message, indent=2))  # escapes as Facebook does: "\u00c4\u0090..."
    assert "\\u00c4\\u0090" in path.read_text()
    body = next(s for s in parse_statements(path, path.read_bytes()) if "content" in s.text)
    assert "Anh nhớ đón Bin lúc 17h" in body.text and "Đỗ Minh Quân, 2026-10-30 15:52" in body.topic
    assert "message 1" not in body.topic and "message_1" not in body.topic  # "message_1.json" names nothing
    assert utf8_repaired("café") == "café" and utf8_repaired("Zoë") == "Zoë"


def test_an_apple_notes_table_wrapped_in_an_object_element_is_read(tmp_path):
    path = tmp_path / "Numeri.html"
    path.write_text("<html><head><title>Numeri</title></head><body><div><b>Numeri</b></div>\n"
                    "<div><object><table><tbody><tr><td><div>Nome</div></td><td><div>Cellulare</div></td></tr>"
                    "<tr><td><div>Marta Rossi</div></td><td><div>340 555 0100</div></td></tr></tbody></table></object></div>"
                    "</body></html>\n")
    assert any("Marta Rossi" in s.text and "340 555 0100" in s.text for s in parse_statements(path, path.read_bytes()))


def test_a_one_letter_abbreviation_before_its_number_ends_no_sentence(tmp_path):
    path = tmp_path / "auto.md"
    path.write_text("RC auto, polizza n. 170526514. Rinnovo a marzo.\n")
    assert [s.text for s in parse_statements(path, path.read_bytes())] == ["RC auto, polizza n. 170526514.", "Rinnovo a marzo."]


def test_household_words_of_the_romance_languages_and_vietnamese_are_glossed_and_english_gains_none():
    from memory.gloss import english_for
    assert {"door", "code"} <= english_for("Codice portone: 2231") and "lock" in english_for("Candado de la bici: 1234")
    assert "mother-in-law" in english_for("Suocera: Gina") and "plumber" in english_for("Plombier: M. Dupont")
    assert {"passport", "expiry"} <= english_for("Hộ chiếu: B1234567, hết hạn 01/02/2031")
    assert "husband" in english_for("Chồng: anh Tùng") and "plate" in english_for("Biển số 30A-123.45")
    # Vietnamese syllables are glossed only in a Vietnamese line: in English "me", "bo" are no kin
    for english in ("Call me when Bo is home", "My cousin Noel has a chain saw", "Ma said the gym at the office is fine"):
        assert not english_for(english), english


EMACS_DIARY = """\
    ;; -*- calendar-date-style european -*-
    ;; Birthdays
    %%(diary-anniversary 21 6 1958) Mum's birthday, %d years
    9/3 Filippo's birthday
    ;; Every week
    Tuesday 20:30 Five-a-side at the sports centre
    5/* Rent transfer
    &%%(diary-float t 1 1) Meter readings
    ;; 2026
    12/11/2026 10:30 Dentist, bring the
      insurance card
    %%(diary-block 11 8 2026 22 8 2026) Holidays in Puglia
    """


def test_an_emacs_diary_is_an_entry_per_line_dated_in_words_by_the_files_own_date_style(tmp_path):
    path = tmp_path / "diary"
    path.write_text(textwrap.dedent(EMACS_DIARY))
    got = [(s.line, s.text, s.topic) for s in parse_statements(path, path.read_bytes())]
    assert (3, "Every year on 21 June (since 1958): Mum's birthday, N years", ["Birthdays"]) in got
    assert (4, "Every year on 9 March: Filippo's birthday", ["Birthdays"]) in got
    assert (6, "Every Tuesday 20:30: Five-a-side at the sports centre", ["Every week"]) in got
    assert (7, "Every month on day 5: Rent transfer", ["Every week"]) in got
    assert (8, "The first Monday of every month: Meter readings", ["Every week"]) in got
    assert (10, "12 November 2026 10:30: Dentist, bring the insurance card", ["2026"]) in got
    assert (12, "11 August 2026 to 22 August 2026: Holidays in Puglia", ["2026"]) in got
    # the same file without its European style is read as Emacs reads it: month first
    path.write_text(textwrap.dedent(EMACS_DIARY).replace("calendar-date-style european", "diary"))
    assert any(s.text.startswith("11 December 2026 10:30: Dentist") for s in parse_statements(path, path.read_bytes()))


def test_an_italian_title_before_a_name_ends_no_sentence(tmp_path):
    path = tmp_path / "salute.md"
    path.write_text("## Medico di base\nDott. Luca Bianchi, via Roma 8. Sig.ra Orsi risponde al telefono.\n")
    assert [s.text for s in parse_statements(path, path.read_bytes())] == [
        "Dott. Luca Bianchi, via Roma 8.", "Sig.ra Orsi risponde al telefono."]


def test_the_first_line_of_a_card_names_what_its_key_value_lines_are_about(tmp_path):
    path = tmp_path / "cars.md"
    path.write_text("# Cars\n\nSkoda Fabia 1.0, silver, 2019\nPlate: AB 123 CD\nInsurer: Allianz\n\n"
                    "We sold the old van in May.\nPlate: XY 999 ZZ\n")
    sts = {s.text: s.topic for s in parse_statements(path, path.read_bytes())}
    assert sts["Plate: AB 123 CD"] == ["Cars", "Skoda Fabia 1.0, silver, 2019"]
    assert "Skoda Fabia 1.0, silver, 2019" in sts["Insurer: Allianz"]
    # a sentence over a key is no card's title
    assert not any("van" in t for text, topic in sts.items() if "XY 999" in text for t in topic)


def test_a_romanian_street_and_block_end_no_sentence():
    """"Str." (strada) and "bl." (bloc) are abbreviations inside an address; Python's "returned
    as str." still ends its sentence."""
    from memory.statements import sentence_spans

    text = "Adresa: Str. Aurel Vlaicu nr. 12, bl. C3, sc. 2, ap. 27, 400582 Cluj-Napoca. Telefon: 0745 555 213"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Adresa: Str. Aurel Vlaicu nr. 12, bl. C3, sc. 2, ap. 27, 400582 Cluj-Napoca.", "Telefon: 0745 555 213"]
    doc = "The default path names are returned as str. If you supply bytes, all values are bytes."
    assert len(sentence_spans(doc)) == 2


def test_a_recutils_database_is_each_record_its_name_over_its_fields(tmp_path):
    """GNU recutils: records of `Field: value` lines, `+` continuing a value, `%rec`/`%key`
    describing them, `#` comments. Each record is headed by its name (a Name field, else its type
    and key) and a log's entries are dated by their Date field."""
    rec = textwrap.dedent("""\
        # bills.rec -- monthly stuff
        %rec: Bill
        %key: Id

        Id: rent
        Amount: Rs 95,000 per month
        Note: House 214, Johar Town.
        + Agreement from 2024-07-01.

        Id: internet
        Office-days: n/a

        %rec: Person
        Id: baji
        Name: Mehwish Hassan
        Relation: elder sister
        """)
    sts = parse_statements(tmp_path / "house.rec", rec.encode())
    got = [(s.line, s.text) for s in sts]
    assert (6, "Bill rent: Amount: Rs 95,000 per month") in got
    assert (7, "Bill rent: Note: House 214, Johar Town. Agreement from 2024-07-01.") in got
    assert (11, "Bill internet: Office-days: n/a") in got
    assert (16, "Mehwish Hassan: Relation: elder sister") in got
    assert not any("%rec" in t or "monthly stuff" in t for _, t in got)
    log = "%rec: Entry\n\nDate: 2026-07-02\nSubject: rent\nText: From July rent is Rs 1,04,500.\n\nDate: 2026-09-28\nSubject: billu\nText: new number.\n"
    written = {s.line: s.written for s in parse_statements(tmp_path / "log.rec", log.encode())}
    assert written[5] == "2026-07-02" and written[9] == "2026-09-28"


def test_a_typst_document_is_read_as_headings_lists_terms_and_table_rows(tmp_path):
    """Typst: `= Heading`, `-`/`+`/`/ Term:` lists whose wrapped lines continue them, `#table(...)`
    rows under their header cells, a struck value replaced by the one after it; `#set`/`#let`/
    `#include` set-up and `//` comments say nothing."""
    typ = textwrap.dedent("""\
        // handbook chapter -- rewritten in January
        #set text(
          font: "Noto Sans",
        )
        #let gel(x) = [#x ₾]
        = Money

        == Accounts
        #table(
          columns: (auto, auto),
          table.header([*Bank*], [*IBAN*]),
          [Rivergate], [GE00RG0000000000000001],
          [North Bank], [GE00NB0000000000000002],
        )

        - Nanny: #strike[700 ₾] 800 ₾ per month from May, *cash*.
        - Doctor: Dr Lia Abashidze, Vake clinic,
          +995 500 00 00 01 (mornings)
        + first step
        / Passport: 00AB00001, valid until 30.03.2031
        See #link("https://example.org")[the bank's site] and pay \\$12 by _Friday_.
        #include "chapters/02.typ"
        """)
    sts = parse_statements(tmp_path / "money.typ", typ.encode())
    got = [(s.line, s.text) for s in sts]
    texts = " ".join(t for _, t in got)
    assert any(line == 12 and "Rivergate" in t and "IBAN: GE00RG0000000000000001" in t for line, t in got)
    assert any(line == 13 and "North Bank" in t and "IBAN: GE00NB0000000000000002" in t for line, t in got)
    assert any(line == 17 and "Dr Lia Abashidze, Vake clinic, +995 500 00 00 01 (mornings)" in t for line, t in got)
    assert any(line == 20 and "Passport: 00AB00001" in t for line, t in got)
    assert any("the bank's site" in t and "$12" in t and "Friday" in t and "#link" not in t for _, t in got)
    assert all(s.topic[:1] == ["Money"] for s in sts if s.line >= 12)
    nanny = next(s for s in sts if s.line == 16)
    assert "800 ₾" in nanny.text and "*" not in nanny.text and "#strike" not in nanny.text
    assert not any(w in texts for w in ("#set", "Noto Sans", "#let", "#include", "handbook chapter", "columns"))


def test_a_toml_list_of_tables_heads_each_record_by_its_name_and_reads_inline_tables(tmp_path):
    """`[[car]]` records: each its own section named by its name key ("car Corsa"), a person by
    the name alone, a record without one by its first short text ("account Nordbank"); an inline
    table `{ insurer = "If", policy = "X" }` reads "insurer If, policy X"; an array over several
    lines is one value."""
    toml = """\
        [[car]]
        name = "Corsa"
        plate = "100 AAA"
        insurance = { insurer = "Lumo", policy = "LM-0001" }

        [[car]]
        name = "Fiesta"
        plate = "200 BBB"

        [[person]]
        name = "Kersti Saar"
        phone = "+372 5000 0001"

        [[account]]
        bank = "Nordbank"
        iban = "EE00 0000 0000 0000 0001"

        [packing]
        items = [
          "passports",
          "chargers",
        ]
        """
    got = _texts(tmp_path / "life.toml", toml)
    assert (3, "car Corsa: plate: 100 AAA") in got and (8, "car Fiesta: plate: 200 BBB") in got
    assert (4, "car Corsa: insurance: insurer Lumo, policy LM-0001") in got
    assert (12, "Kersti Saar: phone: +372 5000 0001") in got
    assert (16, "account Nordbank: iban: EE00 0000 0000 0000 0001") in got
    assert (19, "packing: items: passports, chargers") in got
    assert not any(text.endswith(": name: Corsa") for _, text in got)  # the name is the heading, not a fact of its own


def test_a_typst_call_that_never_closes_loses_none_of_the_lines_after_it(tmp_path):
    """A `#table(` or `#set text(` cut short (a typo, a half-saved file) is read line by line: the
    facts below it are still there, nothing raises."""
    typ = "= Home\n#set text(font: \"Noto\"\n#table(columns: 2, [Wi-Fi], [Harbour-5G]\n- Door code: 4471\n- Bins: Tuesday\n"
    got = " ".join(s.text for s in parse_statements(tmp_path / "home.typ", typ.encode()))
    assert "Door code: 4471" in got and "Bins: Tuesday" in got


def test_a_title_in_bold_does_not_end_the_sentence(tmp_path):
    got = _texts(tmp_path / "2026-09-05.md", "School started. His new class teacher is **Prof. Jair Lobo** (maths); "
                 "**Dr. Ana Delgado** stays our GP.\n")
    assert (1, "His new class teacher is Prof. Jair Lobo (maths); Dr. Ana Delgado stays our GP.") in got
