"""Exports of a Philippine household read as what they hold: an Excel 2003 XML Spreadsheet
(SpreadsheetML) workbook, a Skype data export, a GCash transaction history CSV, Tagalog household
words. Every statement cites the file line it came from. The examples are made up."""
from __future__ import annotations

import json
from pathlib import Path

from memory import parsers
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


WORKBOOK = """<?xml version="1.0"?>\r
<?mso-application progid="Excel.Sheet"?>\r
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\r
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\r
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">\r
  <LastSaved>2025-03-07T10:00:00Z</LastSaved>\r
 </DocumentProperties>\r
 <Styles>\r
  <Style ss:ID="peso"><NumberFormat ss:Format="&quot;₱&quot;#,##0.00"/></Style>\r
 </Styles>\r
 <Worksheet ss:Name="Pamilya">\r
  <Table>\r
   <Row>\r
    <Cell><Data ss:Type="String">Name</Data></Cell>\r
    <Cell><Data ss:Type="String">Relation</Data></Cell>\r
    <Cell><Data ss:Type="String">Phone</Data></Cell>\r
   </Row>\r
   <Row>\r
    <Cell><Data ss:Type="String">Tito Boy Santos</Data></Cell>\r
    <Cell ss:Index="3"><Data ss:Type="String">0918 000 1234</Data></Cell>\r
   </Row>\r
  </Table>\r
 </Worksheet>\r
 <Worksheet ss:Name="Gastos">\r
  <Table>\r
   <Row><Cell><Data ss:Type="String">Bill</Data></Cell><Cell><Data ss:Type="String">Amount</Data></Cell><Cell><Data ss:Type="String">Since</Data></Cell></Row>\r
   <Row><Cell><Data ss:Type="String">Tubig</Data></Cell><Cell ss:StyleID="peso"><Data ss:Type="Number">1234.5</Data></Cell><Cell><Data ss:Type="DateTime">2024-06-01T00:00:00.000</Data></Cell></Row>\r
  </Table>\r
 </Worksheet>\r
</Workbook>\r
"""


def test_an_excel_xml_workbook_reads_as_a_table_per_sheet_under_its_name():
    got = _got("Mga Bayarin.xml", WORKBOOK)
    # the skipped column (ss:Index) leaves the relation empty: the phone stays under "Phone"
    assert (19, "Mga Bayarin > Pamilya", "Name: Tito Boy Santos; Phone: 0918 000 1234") in got
    # a row written over several lines cites them all, from its first value to its last
    spans = {s.text: (s.line, s.end_line) for s in parse_statements(Path("Mga Bayarin.xml"), WORKBOOK.encode())}
    assert spans["Name: Tito Boy Santos; Phone: 0918 000 1234"] == (19, 20)
    # a number in a peso format as the sheet shows it; a date cell as its day
    assert any(n == 27 and t == "Bill: Tubig; Amount: ₱1,234.50; Since: 2024-06-01" for n, _, t in got)
    assert not any("urn:" in t or "ss:Type" in t or "LastSaved" in t for _, _, t in got)
    assert set(_written("Mga Bayarin.xml", WORKBOOK).values()) == {"2025-03-07"}


def test_other_xml_is_not_read_as_a_workbook_and_a_broken_one_is_text():
    assert parsers.parse(Path("pom.xml"), b"<project><Workbook/></project>\n").kind != "markdown"
    broken = WORKBOOK.replace("</Table>", "", 1)
    parsed = parsers.parse(Path("b.xml"), broken.encode())
    assert any("Excel XML workbook" in w for w in parsed.warnings)


SKYPE = {
    "userId": "live:lito.cruz", "exportDate": "2025-05-02T10:00",
    "conversations": [
        {"id": "8:live:baby.cruz", "displayName": "Baby ❤", "version": 1,
         "properties": {"conversationblocked": False},
         "MessageList": [
             {"id": "3", "originalarrivaltime": "2025-04-30T01:00:00.000Z", "messagetype": "RichText",
              "content": "Bagong number ko: <a href=\"tel:09170001111\">0917 000 1111</a> &amp; Viber", "from": "8:live:baby.cruz"},
             {"id": "2", "originalarrivaltime": "2025-04-29T01:00:00.000Z", "messagetype": "Event/Call",
              "content": "<partlist type=\"ended\"></partlist>", "from": "8:live:baby.cruz"},
             {"id": "1", "originalarrivaltime": "2025-03-01T09:00:00.000Z", "messagetype": "RichText",
              "content": "Nabayaran ko na yung kuryente <ss type=\"smile\">:)</ss>. Next month na yung tubig.", "from": "8:live:lito.cruz"},
         ]},
    ],
}


def test_a_skype_export_reads_as_dated_messages_under_the_conversation():
    text = json.dumps(SKYPE, indent=1, ensure_ascii=False)
    lines = text.split("\n")
    got = _got("Skype/messages.json", text)
    at = [n for n, line in enumerate(lines, 1) if line.lstrip().startswith('"content"')]
    assert any(n == at[0] and topic.startswith("Skype: Baby > 2025-04-30") and t.endswith("Baby: Bagong number ko: 0917 000 1111 & Viber")
               for n, topic, t in got)
    # the user's own; a short message of two sentences stays one statement
    assert any(n == at[2] and t.endswith("Me: Nabayaran ko na yung kuryente :). Next month na yung tubig.") for n, _, t in got)
    assert not any("partlist" in t or "live:" in t or "messagetype" in t or "version" in t for _, _, t in got)
    written = {s.line: s.written for s in parse_statements(Path("Skype/messages.json"), text.encode())}
    assert written[at[0]] == "2025-04-30" and written[at[2]] == "2025-03-01"


def test_other_json_with_conversations_is_still_data():
    text = json.dumps({"conversations": [{"title": "x", "turns": 3}]}, indent=1)
    assert not any(t.startswith("Skype") for _, t, _ in _got("chat.json", text))


GCASH = """Date and Time,Description,Reference No.,Debit,Credit,Balance
2025-04-01 00:00,STARTING BALANCE,,,,1000.00
2025-04-03 08:15,Send Money to ANA B. (09180002222),111222333,300.00,,700.00
2025-04-09 12:00,Received GCash from PEDRO C.,111222334,,250.50,950.50
2025-04-30 23:59,ENDING BALANCE,,,,950.50
"""


def test_a_gcash_history_is_the_wallet_and_month_over_dated_transactions():
    name = "GCash/GCash_Transaction_History_09170009999_Apr2025.csv"
    got = _got(name, GCASH)
    title = "GCash 09170009999 transaction history, April 2025"
    assert any(n == 2 and topic == title and t.endswith("Starting balance (2025-04-01): ₱1000.00") for n, topic, t in got)
    assert any(n == 3 and "Send Money to ANA B. (09180002222)" in t and "paid (debit): ₱300.00" in t for n, _, t in got)
    assert any(n == 4 and "received (credit): ₱250.50" in t for n, _, t in got)
    assert not any("111222333" in t for _, _, t in got)  # the wallet's reference is no number of the user's
    written = {s.line: s.written for s in parse_statements(Path(name), GCASH.encode())}
    assert written[3] == "2025-04-03" and written[4] == "2025-04-09"


def test_a_csv_without_the_gcash_header_is_still_a_csv():
    got = _got("x.csv", "Date,Description,Amount\n2025-04-03,Load,50\n")
    assert got and not any("GCash" in topic for _, topic, _ in got)


def test_tagalog_household_words_are_glossed_and_english_lines_gain_none():
    from memory.gloss import english_for
    assert {"housekeeper", "helper", "maid"} <= english_for("Name: Linda Cruz; Relation: kasambahay; Phone: 0917 000 2222")
    assert {"grandmother"} <= english_for("Name: Lola Pining; Relation: lola; Phone: (02) 8000-1111")
    assert {"aunt"} <= english_for("Relation: tita (Pampanga)")
    assert {"godmother"} <= english_for("Sabi ni Ninang Tess may regalo siya")
    assert {"sibling", "sister"} <= english_for("Relation: kapatid")
    assert {"older", "sister"} <= english_for("Tumawag si Ate Liza kanina")
    assert {"vehicle", "car"} <= english_for("Sasakyan: Honda City, ABC 1234")
    assert {"paid"} <= english_for("binayaran ko na yung tubig")
    for english in ("I ate (too much) at dinner.", "Lola: see you at eight", "Lola, my cat, is at the vet",
                    "Tito Puente played", "Ate the last slice", "el documento firmado"):
        assert not english_for(english) & {"older", "sister", "grandmother", "uncle", "raise", "salary"}, english
