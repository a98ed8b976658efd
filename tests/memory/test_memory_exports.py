"""Wikis, notebooks and bank and chat exports read as what they hold: DokuWiki page sources,
Jupyter notebooks, headerless chat CSV (Viber), QIF and OFX bank files, MediaWiki XML exports
with their revisions; and the words and dates of Thai and Greek notes. Every statement cites the
file line it came from."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

from memory import parsers
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


DOKUWIKI = textwrap.dedent("""\
    ====== Car / รถ ======

    Looked after by me. See [[admin:insurance|the policies]].

    ===== Honda City =====
      * ทะเบียน: 8กศ 4127 กรุงเทพมหานคร
      * Parks at slot B2-047
        * visitor slot: B1-003

    ^ item ^ value ^
    | unit | 1712 (17th floor) |
    | rent | ฿18,500 / month |

    ^ what ^ insurer ^ renews ^
    | City | Viriyah | 05/04/2570 |

    ^ wifi | TheLine1712 |
    """)


def test_a_dokuwiki_page_gives_headings_lists_and_table_rows_each_at_its_line(tmp_path):
    assert _got("dokuwiki/data/pages/admin/car.txt", DOKUWIKI) == [
        (3, "Car / รถ", "Looked after by me."),
        (3, "Car / รถ", "See the policies."),  # a link reads as its words
        (6, "Car / รถ > Honda City", "Honda City: ทะเบียน: 8กศ 4127 กรุงเทพมหานคร"),
        (7, "Car / รถ > Honda City", "Honda City: Parks at slot B2-047"),
        (8, "Car / รถ > Honda City > Parks at slot B2-047", "Parks at slot B2-047: visitor slot: B1-003"),
        # a table headed "item | value" reads as its items; any other as its columns
        (11, "Car / รถ > Honda City", "unit: 1712 (17th floor)"),
        (12, "Car / รถ > Honda City", "rent: ฿18,500 / month"),
        (15, "Car / รถ > Honda City", "City: insurer: Viriyah; renews: 05/04/2570"),
        (17, "Car / รถ > Honda City", "Honda City: wifi: TheLine1712"),  # a row that heads itself
    ]
    # Outside a data/pages tree the syntax alone tells; a plain text note stays plain text.
    assert parsers.parse(tmp_path / "wiki.txt", DOKUWIKI.encode()).kind == "markdown"
    assert parsers.parse(tmp_path / "todo.txt", b"buy milk\n  * not a wiki\n").kind == "text"


def _notebook() -> str:
    nb = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Budget 2026\n", "\n", "Rent comes out of Eurobank.\n"]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["fixed = pd.DataFrame(rows)\n", "fixed"],
         "outputs": [{"output_type": "stream", "name": "stdout", "text": [
             "                item     eur                note\n",
             "0            Ενοίκιο  480.00  by the 5th\n",
             "1  Gym (Holmes Place)   49.00    card ending 3302\n"]}]},
        {"cell_type": "code", "execution_count": 2, "metadata": {}, "source": ["fixed.eur.sum()"],
         "outputs": [{"output_type": "execute_result", "data": {"text/plain": ["529.0"]}, "metadata": {}, "execution_count": 2}]},
        {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": ["print('Savings target: 6.000 €')"],
         "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Savings target: 6.000 €\n"]}]},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1, ensure_ascii=False)


def test_a_jupyter_notebook_gives_its_markdown_and_printed_tables_not_its_code():
    text = _notebook()
    lines = text.splitlines()
    at = {key: next(n for n, line in enumerate(lines, 1) if key in line) for key in ("Rent comes", "Ενοίκιο", "Gym (", '"Savings target')}
    assert _got("notebooks/budget.ipynb", text) == [
        (at["Rent comes"], "Budget 2026", "Rent comes out of Eurobank."),
        # a DataFrame pandas printed: a row each, named by its first column
        (at["Ενοίκιο"], "Budget 2026", "Ενοίκιο: eur: 480.00; note: by the 5th"),
        (at["Gym ("], "Budget 2026", "Gym (Holmes Place): eur: 49.00; note: card ending 3302"),
        # "529.0" alone says nothing; the code ("pd.DataFrame", "print(") is not a statement
        (at['"Savings target'], "Budget 2026", "Savings target: 6.000 €"),  # what print() wrote
    ]


def test_a_chat_csv_without_a_header_row_names_its_columns_and_keeps_a_message_whole():
    viber = ("02/10/2026,09:14:08,Μαμά,+306975550142,Dad's operation: ΑΧΕΠΑ 12/11, Thursday, at 8\n"
             "28/11/2026,09:31:40,Κατερίνα,+306945550377,I'll take the day off\n")
    # 28/11 says the file writes the day first: its dates are written ISO, so the reader can
    # tell which message is newer.
    assert _got("viber/Viber Μαμά.csv", viber) == [
        (1, "", "date: 2026-10-02; time: 09:14:08; name: Μαμά; phone: +306975550142; text: Dad's operation: ΑΧΕΠΑ 12/11, Thursday, at 8"),
        (2, "", "date: 2026-11-28; time: 09:31:40; name: Κατερίνα; phone: +306945550377; text: I'll take the day off"),
    ]
    # Days that do not tell (each under 13) stay as written.
    assert _got("Viber Tom.csv", "02/10/2026,09:14,Tom,+306975550142,hi\n")[0][2].startswith("date: 02/10/2026;")
    # A header row stays a header row.
    assert _got("log.csv", "Date,Time,Note\n02/10/2026,09:14,Dentist\n") == [(2, "", "Date: 02/10/2026; Time: 09:14; Note: Dentist")]


def test_a_qif_export_gives_one_row_a_transaction_under_its_account_with_iso_dates():
    qif = ("!Account\nNSCB savings 412-556093-1\nTBank\n^\n!Type:Bank\nD30/06/2026\nT312,880.16\nPBalance forward\n^\n"
           "D10/07/2026\nT-8,400.00\nPDhipaya Insurance\nMYaris premium (paid for Mom)\nLInsurance:Car\n^\n")
    assert _got("money/scb.qif", qif) == [
        (6, "SCB savings 412-556093-1", "date: 2026-06-30; amount: 312,880.16; payee: Balance forward"),
        # 30/06 says the file is day-first, so 10/07 is the 10th of July
        (10, "SCB savings 412-556093-1",
         "date: 2026-07-10; amount: -8,400.00; payee: Dhipaya Insurance; memo: Yaris premium (paid for Mom); category: Insurance:Car"),
    ]


OFX = """OFXHEADER:100
DATA:OFXSGML

<OFX>
<BANKMSGSRSV1><STMTTRNRS><STMTRS>
<CURDEF>EUR
<BANKACCTFROM>
<BANKID>017
<ACCTID>GR8301722250005225083341907
<ACCTTYPE>SAVINGS
</BANKACCTFROM>
<BANKTRANLIST>
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20261017
<TRNAMT>-150.00
<FITID>202610170002
<NAME>IRIS VLACHOS GEORGIOS
<MEMO>SPARE PARTS PANDA
</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL>
<BALAMT>5288.64
<DTASOF>20261130
</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
"""


def test_an_ofx_statement_gives_its_balance_and_a_row_a_transaction():
    topic = "savings account GR8301722250005225083341907"
    assert _got("bank/piraeus.ofx", OFX) == [
        (23, topic, "Balance on 2026-11-30: 5288.64 EUR"),
        (13, topic, "date: 2026-10-17; amount: -150.00; name: IRIS VLACHOS GEORGIOS; memo: SPARE PARTS PANDA; type: debit"),
    ]  # the transaction's FITID, a machine id, is left out


MEDIAWIKI = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="el">
  <page>
    <title>Σπίτι</title>
    <revision>
      <timestamp>2025-09-14T17:40:13Z</timestamp>
      <text xml:space="preserve">== Flat ==
* Rent: '''480 €''' / month
</text>
    </revision>
    <revision>
      <timestamp>2026-04-14T20:05:37Z</timestamp>
      <text xml:space="preserve">== Flat ==
* Rent: '''520 €''' / month, see [[Τράπεζες|the banks]]
* Internet: &lt;s&gt;Cosmote, 32 €&lt;/s&gt; → Nova, 27 €/month
; Landlord : Stelios
{| class="wikitable"
! Meter !! Number
|-
| ΔΕΗ || 2 10452318-02 5
|}
</text>
    </revision>
  </page>
</mediawiki>
"""


def test_a_mediawiki_export_gives_each_pages_latest_revision_without_what_it_struck_out():
    assert _got("wiki/Katerinawiki-Σπίτι-20261124.xml", MEDIAWIKI) == [
        (13, "Σπίτι > Flat", "Flat: Rent: 520 € / month, see the banks"),  # not the older revision's 480 €
        (14, "Σπίτι > Flat", "Flat: Internet: Nova, 27 €/month"),  # <s>Cosmote</s> is no longer so
        (15, "Σπίτι > Flat", "Flat: Landlord: Stelios"),
        (19, "Σπίτι > Flat", "Meter: ΔΕΗ; Number: 2 10452318-02 5"),
    ]
    assert parsers.parse(Path("wiki/x.xml"), MEDIAWIKI.encode()).written == "2026-04-14"
    broken = parsers.parse(Path("wiki/x.xml"), MEDIAWIKI[:-40].encode())
    assert any("malformed MediaWiki export" in w for w in broken.warnings)  # read as text, and said so


def test_thai_and_greek_household_words_are_glossed_and_english_lines_gain_none():
    from memory.gloss import english_for
    assert {"plate", "registration"} <= english_for("ทะเบียน: 8กศ 4127 กรุงเทพมหานคร")  # no spaces between Thai words
    assert {"mother", "mom"} <= english_for("แม่'s car: Toyota Yaris")
    assert {"rent"} <= english_for("Ενοίκιο: 480 €")  # accents and case folded
    assert {"identity", "card"} <= english_for("ΑΔΤ ΑΗ 482193")
    assert {"godmother"} <= english_for("η νονά μου")
    assert not english_for("Καλημέρα")  # a greeting glosses nothing
    assert "electricity" not in english_for("Ο Αδεής")  # "δεη" is the power company only as a word
    for english in ("The rent is due on the 5th.", "Mom's plate number"):
        assert not english_for(english) - {"phone"}, english


def test_buddhist_era_dates_are_dates_the_reader_orders_by():
    from agent.reader_text import latest_date
    assert latest_date("===== 03/10/2569 =====") == (2026, 10, 3)  # 2569 BE is 2026
    assert latest_date("born 14 ก.พ. 2535") == (1992, 2, 14)
    assert latest_date("Journal 10/2569") == (2026, 10, 0)
    assert latest_date("dokuwiki/data/pages/journal/2026-10.txt") == (2026, 10, 0)  # a month's page
    assert latest_date("10/03/2026") is None  # day or month first: not told
    assert latest_date("from 2019-2021") is None


def test_a_line_chat_export_gives_each_message_under_its_day_with_who_wrote_it():
    chat = ("[LINE] Chat history with Beam\nSaved on: 20/11/2026, 21:17\n\nSun, 27/09/2026\n"
            "21:03\tBeam\tfound it: Baan Suan Dao. 3 nights\n21:40\tBeam\t\"booked, ref BSD-122941\nI paid the deposit\"\n\n"
            "Fri, 09/10/2026\n18:12\tPim\tArthit is my boss from November\n")
    assert _got("line/[LINE] Chat with Beam.txt", chat) == [
        # 27/09 tells the file is day-first: the days are written ISO; a message stays one statement
        (5, "Chat with Beam > 2026-09-27", "2026-09-27: Beam: found it: Baan Suan Dao. 3 nights"),
        (6, "Chat with Beam > 2026-09-27", "2026-09-27: Beam: booked, ref BSD-122941 I paid the deposit"),
        (10, "Chat with Beam > 2026-10-09", "2026-10-09: Pim: Arthit is my boss from November"),
    ]  # "Saved on:" is the export's stamp, not a message


KEEPASS = """<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<KeePassFile>
\t<Meta><RecycleBinUUID>BIN==</RecycleBinUUID></Meta>
\t<Root>
\t\t<Group>
\t\t\t<UUID>ROOT==</UUID>
\t\t\t<Name>Pim</Name>
\t\t\t<Group>
\t\t\t\t<UUID>B==</UUID>
\t\t\t\t<Name>Banking</Name>
\t\t\t\t<Entry>
\t\t\t\t\t<String><Key>Notes</Key><Value>Savings 038-8-41275-6 (salary).
PromptPay = mobile.</Value></String>
\t\t\t\t\t<String><Key>Password</Key><Value ProtectInMemory="True">hunter2</Value></String>
\t\t\t\t\t<String><Key>Title</Key><Value>KBank K PLUS</Value></String>
\t\t\t\t\t<String><Key>UserName</Key><Value>pimchanok.s</Value></String>
\t\t\t\t\t<History><Entry><String><Key>Notes</Key><Value>Savings 999 (old)</Value></String></Entry></History>
\t\t\t\t</Entry>
\t\t\t</Group>
\t\t\t<Group>
\t\t\t\t<UUID>BIN==</UUID>
\t\t\t\t<Name>Recycle Bin</Name>
\t\t\t\t<Entry><String><Key>Title</Key><Value>Old bank</Value></String><String><Key>Notes</Key><Value>closed 123</Value></String></Entry>
\t\t\t</Group>
\t\t</Group>
\t</Root>
</KeePassFile>
"""


def test_a_keepass_export_gives_titles_user_names_and_notes_never_a_password():
    got = _got("keepass/Pim_export.xml", KEEPASS)
    assert got == [
        (12, "Banking / KBank K PLUS", "Banking / KBank K PLUS: Savings 038-8-41275-6 (salary)."),
        (13, "Banking / KBank K PLUS", "Banking / KBank K PLUS: PromptPay = mobile."),
        (16, "Banking / KBank K PLUS", "Banking / KBank K PLUS: User name: pimchanok.s"),
    ]  # not the entry's older version, nor the recycle bin's entry
    parsed = parsers.parse(Path("keepass/Pim_export.xml"), KEEPASS.encode())
    assert not any("hunter2" in text for b in parsed.blocks for _, text in b.lines)  # nor its chunks
    broken = parsers.parse(Path("k.xml"), KEEPASS[:-30].encode())
    assert not broken.blocks and any("malformed KeePass export" in w for w in broken.warnings)  # no raw XML read either


def test_a_text_file_underlined_with_equals_signs_is_no_dokuwiki_page(tmp_path):
    """Release notes underline their titles with "=====" and indent lists by two spaces; only a
    `=====` heading with words in it makes a page DokuWiki's."""
    notes = "Git v2.37 Release Notes\n==========================\n\nUpdates\n-------\n\n  * git log learned --since.\n"
    assert parsers.parse(tmp_path / "2.37.0.txt", notes.encode()).kind == "text"


def test_a_csv_with_its_own_date_column_keeps_its_dates_as_written():
    got = _got("bank.csv", "date,amount,payee\n28/11/2026,-480.00,Stelios\n02/10/2026,-15.00,Vodafone\n")
    assert [t for _, _, t in got] == ["date: 28/11/2026; amount: -480.00; payee: Stelios", "date: 02/10/2026; amount: -15.00; payee: Vodafone"]
