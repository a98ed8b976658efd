"""A 1Password export.data, a Diaro backup, Google Chat from Takeout and a Bank Leumi CSV read as
what they hold; Hebrew lines split into sentences and list lines; the household words of Hebrew
notes glossed. Every statement cites the file line it came from. (Made-up examples; no
evaluation set's notes.)"""
from __future__ import annotations

import json
from pathlib import Path

from memory import gloss, google_chat, onepassword
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


def _item(title, category, fields=(), notes="", state="active", updated=1700000000):
    return {"uuid": title, "createdAt": 1600000000, "updatedAt": updated, "state": state, "categoryUuid": category,
            "details": {"loginFields": [], "notesPlain": notes,
                        "sections": [{"title": "", "name": "", "fields": [
                            {"title": t, "id": t, "value": v} for t, v in fields]}]},
            "overview": {"title": title, "subtitle": "", "url": ""}}


ONEPUX = json.dumps({"accounts": [{"attrs": {"accountName": "Dana", "name": "Dana"}, "vaults": [
    {"attrs": {"name": "Private"}, "items": [
        _item("Passport", "106", [("number", {"string": "X1234567"}), ("expiry date", {"date": 1893456000})]),
        _item("Home wifi", "109", [("network name", {"string": "Nest-5G"}),
                                   ("wireless network password", {"concealed": "hunter2-secret"})]),
        _item("Bike lock", "003", notes="Code on the old lock: 4410\nBought at Velo Corner, March 2024",
              updated=1760000000),
        _item("Old gym card", "105", [("member ID", {"string": "GYM-99"})], state="archived"),
    ]}]}]}, ensure_ascii=False)


def test_a_1password_export_is_each_item_over_its_fields_and_notes_never_a_secret():
    got = _got("Backup/export.data", ONEPUX)
    texts = [t for _, _, t in got]
    assert all(n == 1 for n, _, _ in got)  # one line of JSON: everything cites it
    assert any("number: X1234567" in t for t in texts)
    assert any("expiry date: 1 January 2030" in t for t in texts)  # an epoch date written out
    assert any(topic.endswith("Home wifi (wireless router)") and "network name: Nest-5G" in t for _, topic, t in got)
    assert "Code on the old lock: 4410" in texts and "Bought at Velo Corner, March 2024" in texts  # each note line its own
    assert not any("hunter2" in t for t in texts)  # a concealed value is never read
    assert not any("GYM-99" in t for t in texts)  # an archived item is no longer so
    assert set(_written("Backup/export.data", ONEPUX).values()) == {"2025-10-09"}  # the latest change


def test_other_data_files_are_not_a_1password_export():
    assert onepassword.export_of(Path("export.data"), '{"items": []}') is None
    assert onepassword.export_of(Path("notes.txt"), ONEPUX) is None
    assert onepassword.export_of(Path("export.data"), '{"accounts": [') is None


DIARO = """<?xml version="1.0" encoding="UTF-8"?>
<data version="2">
<table name="diaro_folders">
<r><uid>f1</uid><title>Home</title><color>#F0B913</color></r>
</table>
<table name="diaro_tags">
<r><uid>t1</uid><title>Noam</title></r>
</table>
<table name="diaro_entries">
<r>
<uid>e2</uid>
<date>1767222000000</date>
<tz_offset>+02:00</tz_offset>
<title>Swimming</title>
<text>Noam's swimming moved to Thursday.
Same price.</text>
<folder_uid>f1</folder_uid>
<tags>,t1,</tags>
</r>
<r>
<uid>e1</uid>
<date>1756760400000</date>
<tz_offset>+03:00</tz_offset>
<title>Autumn</title>
<text>Noam starts swimming on Tuesdays, 200 a month.</text>
<folder_uid>f1</folder_uid>
<tags></tags>
</r>
</table>
</data>
"""


def test_a_diaro_backup_is_each_entry_under_its_local_day_dated_and_cited_at_its_text():
    got = _got("Diaro/DiaroBackup.xml", DIARO)
    lines = DIARO.split("\n")
    texts = [t for _, _, t in got]
    assert texts.index("Noam starts swimming on Tuesdays, 200 a month.") < texts.index("Noam's swimming moved to Thursday.")
    for n, topic, text in got:
        assert text.split(": ")[-1][:12] in lines[n - 1]
    topics = {t: topic for _, topic, t in got}
    # 1767222000000 ms is 2025-12-31 23:00 UTC: 1 January in the entry's own zone (+02:00)
    assert topics["Noam's swimming moved to Thursday."] == "Diaro > 2026-01-01 · Swimming (Noam)"
    written = _written("Diaro/DiaroBackup.xml", DIARO)
    assert written["Same price."] == "2026-01-01"
    assert written["Noam starts swimming on Tuesdays, 200 a month."] == "2025-09-02"


MESSAGES = json.dumps({"messages": [
    {"creator": {"name": "Gal Peled", "email": "gal@example.com", "user_type": "Human"},
     "created_date": "Monday, 2 March 2026 at 09:05:00 UTC", "text": "The staff meeting is on Sunday this term.",
     "topic_id": "a1", "message_id": "x/a1/a1"},
    {"creator": {"name": "Noa Bar", "email": "noa@example.com", "user_type": "Human"},
     "created_date": "Tuesday, March 10, 2026 at 4:15:00 PM UTC", "text": "Thanks!\nSee you there.",
     "topic_id": "b2", "message_id": "x/b2/b2"},
]}, indent=2, ensure_ascii=False)
INFO = json.dumps({"members": [{"name": "Gal Peled", "email": "gal@example.com", "user_type": "Human"},
                               {"name": "Noa Bar", "email": "noa@example.com", "user_type": "Human"}]}, indent=2)


def test_a_google_chat_conversation_is_its_messages_by_day_named_by_its_members(tmp_path):
    folder = tmp_path / "Takeout" / "Google Chat" / "Groups" / "DM abc123"
    folder.mkdir(parents=True)
    (folder / "messages.json").write_text(MESSAGES, encoding="utf-8")
    (folder / "group_info.json").write_text(INFO, encoding="utf-8")
    got = [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(folder / "messages.json", MESSAGES.encode())]
    lines = MESSAGES.split("\n")
    assert got[0][1].startswith("Google Chat: direct messages, Gal Peled and Noa Bar")
    assert "09:05 Gal Peled: The staff meeting is on Sunday this term." in got[0][2]
    assert any("16:15 Noa Bar: Thanks!" in t for _, _, t in got)  # "4:15 PM"
    for n, _, text in got:
        assert '"text"' in lines[n - 1]
    written = {s.text: s.written for s in parse_statements(folder / "messages.json", MESSAGES.encode())}
    assert sorted(set(written.values())) == ["2026-03-02", "2026-03-10"]
    assert parse_statements(folder / "group_info.json", INFO.encode()) == []  # the members only
    assert not any("topic id" in t or "x/a1" in t for _, _, t in got)


def test_other_messages_json_is_not_google_chat():
    assert google_chat.messages_of(Path("chats/messages.json"), MESSAGES) is None  # not in a Takeout chat folder
    assert google_chat.when("Sunday, 1 February 2026 at 23:59:00 UTC").day == 1
    assert google_chat.when("yesterday") is None


LEUMI = ("\ufeffתאריך,תאריך ערך,תיאור,אסמכתא,בחובה,בזכות,\"היתרה בש\"\"ח\"\n"
         "03/02/27,03/02/27,ועד בית הרצל 7,412,260.00,,\"4,120.50\"\n"
         "01/02/27,01/02/27,משכורת,,,\"9,800.00\",\"4,380.50\"\n"
         "03/01/27,03/01/27,ועד בית הרצל 7,411,240.00,,\"-5,419.50\"\n")


def test_a_leumi_csv_is_its_account_over_its_rows_each_dated_by_its_day():
    path = "Leumi/תנועות בחשבון 812-33445_09.csv"
    got = _got(path, LEUMI)
    assert got[0][1] == "Bank Leumi (בנק לאומי) current account 812-33445/09, transactions (תנועות בחשבון)"
    assert [n for n, _, _ in got] == [2, 3, 4]
    assert "paid out (בחובה): 260.00 ₪" in got[0][2] and "date: 03/02/27" in got[0][2]
    assert "received (בזכות): 9,800.00 ₪" in got[1][2]
    written = _written(path, LEUMI)
    assert [written[t] for _, _, t in got] == ["2027-02-03", "2027-02-01", "2027-01-03"]


def test_hebrew_sentences_and_list_lines_are_each_their_own_statement():
    text = "טלפונים\n\nנועם - 050-555-0101\nסבתא - 052-555-0102\nהשרברב - 054-555-0103\n\nהגן נפתח ב-7:30. הצהרון עד 16:00.\n"
    got = [t for _, _, t in _got("phones.txt", text)]
    assert got[:3] == ["טלפונים: נועם - 050-555-0101", "טלפונים: סבתא - 052-555-0102", "טלפונים: השרברב - 054-555-0103"]
    assert "הגן נפתח ב-7:30." in got and "הצהרון עד 16:00." in got


def test_hebrew_household_words_are_glossed_with_the_letters_glued_onto_them():
    assert {"insurance", "policy"} <= gloss.english_for("ובביטוח המקיף, פוליסה 1234")
    assert {"mother", "pick", "thursday"} <= gloss.english_for("ובחמישי אמא אוספת")
    assert {"school", "class"} <= gloss.english_for("נועם בכיתה ב' בבית הספר")
    assert "brother" in gloss.english_for("דני (אח) - 050")
    assert "brother" not in gloss.english_for("אחר כך נלך")  # "other", not "brother"
    assert "car" not in gloss.english_for("ברכבת לתל אביב")  # the train is no car
    assert "דרכון" in gloss.foreign_for(["passport"])


def test_a_latin_name_gives_the_hebrew_spellings_the_notes_may_use():
    assert "תמר" in gloss.hebrew_spellings("Tamar")
    assert "איתן" in gloss.hebrew_spellings("Eitan")  # a vowel at the start is carried by א
    assert "יוסי" in gloss.hebrew_spellings("Yossi")  # one ס for "ss"
    assert "נועם" in gloss.hebrew_spellings("Noam") and "יעל" in gloss.hebrew_spellings("Yael")  # a vowel after a vowel: ע
    assert "רחל" in gloss.hebrew_spellings("Rachel") and "שירה" in gloss.hebrew_spellings("Shira")
    assert gloss.hebrew_spellings("O'Brien") == [] and gloss.hebrew_spellings("Müller-Lüdenscheidt") == []
    assert gloss.hebrew_forms(gloss.hebrew_spellings("Noam"), "אמרתי לנועם ולנועה") == ["לנועם"]
