"""An X (Twitter) archive's direct messages, a LinkedIn Connections.csv, an Erste (Croatia) turnover
CSV and a Google Docs web-page download read as what they hold, and the household words of
Croatian notes. Every statement cites the file line it came from. (Made-up examples; no
evaluation set's notes.)"""
from __future__ import annotations

import json
from pathlib import Path

from memory import gloss, twitter_dm
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


def _dm(text: str, sender: str, when: str) -> dict:
    return {"messageCreate": {"recipientId": "222" if sender == "111" else "111", "reactions": [], "urls": [],
                              "text": text, "mediaUrls": [], "senderId": sender, "id": when, "createdAt": when}}


DMS = "window.YTD.direct_messages.part0 = " + json.dumps([{"dmConversation": {
    "conversationId": "111-222",
    "messages": [  # newest first, as X writes them
        _dm("Zubar je pomaknuo termin na 3. 3. u 10:00", "111", "2026-02-20T08:00:00.000Z"),
        _dm("ok", "222", "2026-02-11T09:01:00.000Z"),
        _dm("Novi broj vrtića: 01 555 1234", "111", "2026-02-11T09:00:00.000Z"),
    ]}}], indent=2, ensure_ascii=False)


def test_an_x_archive_s_direct_messages_are_each_conversation_oldest_first_by_day_each_at_its_text_line():
    path = "twitter-2026/data/direct-messages.js"
    got = _got(path, DMS)
    lines = DMS.split("\n")
    texts = [t for _, _, t in got]
    assert texts.index(next(t for t in texts if "vrtića" in t)) < texts.index(next(t for t in texts if "Zubar" in t))
    for n, topic, text in got:
        assert topic.startswith("X (Twitter) direct messages")
        assert '"text"' in lines[n - 1] and text.split(": ")[-1][:10] in lines[n - 1]
    written = _written(path, DMS)
    assert written[next(t for t in written if "Zubar" in t)] == "2026-02-20"  # dated by its day: newer than a note
    assert written[next(t for t in written if "vrtića" in t)] == "2026-02-11"


def test_other_javascript_is_not_an_x_archive():
    assert twitter_dm.export_of(Path("app.js"), "const x = [1, 2];") is None
    assert twitter_dm.export_of(Path("a.js"), "window.YTD.direct_messages.part0 = [1, 2") is None
    assert twitter_dm.export_of(Path("a.txt"), DMS) is None


CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Dora,Kralj,https://www.linkedin.com/in/dora-kralj,dora@primjer.hr,Primjer d.o.o.,Direktorica,03 Feb 2020\n"
    "Ivo,Sertić,https://www.linkedin.com/in/ivo-sertic,,Grad Split,Savjetnik,17 Oct 2024\n"
)


def test_a_linkedin_connections_csv_is_each_connection_and_where_they_work_at_its_row():
    got = _got("linkedin/Basic_LinkedInDataExport/Connections.csv", CONNECTIONS)
    assert got == [
        (5, "LinkedIn connections", "LinkedIn connections: Dora Kralj: works as Direktorica at Primjer d.o.o.; e-mail dora@primjer.hr; connected on LinkedIn 03 Feb 2020"),
        (6, "LinkedIn connections", "LinkedIn connections: Ivo Sertić: works as Savjetnik at Grad Split; connected on LinkedIn 17 Oct 2024"),
    ]
    # Another CSV named so is not read as LinkedIn's.
    assert not any("LinkedIn" in topic for _, topic, _ in _got("Connections.csv", "from,to\nA,B\n"))


ERSTE = (
    "Erste&Steiermärkische Bank d.d.;;;;;;;;\n"
    "Promet po računu: HR00 1234 5678 9012 3456 7;;;;;;;;\n"
    "Vlasnik: DORA KRALJ, ULICA 1, 21000 SPLIT;;;;;;;;\n"
    "Razdoblje: 01.03.2026. - 31.03.2026.;;;;;;;;\n"
    "Valuta: EUR;;;;;;;;\n"
    ";;;;;;;;\n"
    "Datum knjiženja;Datum valute;Opis plaćanja;Naziv primatelja/platitelja;IBAN primatelja/platitelja;Model i poziv na broj;Isplata;Uplata;Stanje\n"
    "02.03.2026.;02.03.2026.;Račun voda 02/2026;VODOVOD D.O.O.;HR1111;HR01 55;21,30;;1.078,70\n"
    "10.03.2026.;10.03.2026.;Plaća 02/2026;PRIMJER D.O.O.;HR2222;;;1.950,00;3.028,70\n"
)


def test_an_erste_turnover_csv_is_its_account_over_its_postings_each_at_its_line():
    got = _got("erste/Promet_HR00_2026-03.csv", ERSTE)
    topic = "Erste&Steiermärkische Bank d.d.: account HR00 1234 5678 9012 3456 7, turnover (promet) 01.03.2026. - 31.03.2026."
    assert got[0] == (3, topic, "Account owner (vlasnik): DORA KRALJ; address: ULICA 1, 21000 SPLIT")
    assert got[1] == (8, topic, "date: 02.03.2026.; payee or payer (primatelj/platitelj): VODOVOD D.O.O.; "
                                "description (opis plaćanja): Račun voda 02/2026; amount: -21,30 EUR; balance (stanje): 1.078,70")
    assert got[2][0] == 9 and "amount: +1.950,00 EUR" in got[2][2]


GDOC = ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
        '.c0{color:#000000}.c3{padding-top:0pt}.title{font-size:26pt}</style></head>'
        '<body class="c5 doc-content"><p class="c3 title" id="h.x1"><span class="c0">Kuća</span></p>'
        '<h2 class="c3" id="h.a1"><span class="c0">Papiri</span></h2>'
        '<p class="c3"><span class="c0">OIB: 12345678901</span></p>'
        '<p class="c3"><span class="c0">Predstavnik stanara: gosp. Ivo Sertić.</span></p>'
        '<p class="c3"><span class="c0">Susjed Ante ima ključ.</span></p>'
        '<h2 class="c3" id="h.a2"><span class="c0">Popis</span></h2>'
        '<p class="c3"><span class="c0">☐ platiti pričuvu</span></p>'
        '<p class="c3"><span class="c0">☑ servis auta</span></p></body></html>')


def test_a_google_docs_download_is_each_paragraph_on_its_own_under_its_heading():
    got = _got("Kuća.html", GDOC)
    assert got == [
        (1, "Kuća > Papiri", "Papiri: OIB: 12345678901"),  # a short ALL-CAPS paragraph heads nothing
        (1, "Kuća > Papiri", "Papiri: Predstavnik stanara: gosp. Ivo Sertić."),
        (1, "Kuća > Papiri", "Papiri: Susjed Ante ima ključ."),  # its own statement, not under the line above
        (1, "Kuća > Popis", "Popis: platiti pričuvu"),
        (1, "Kuća > Popis", "Popis: servis auta (done)"),
    ]


def test_croatian_household_words_are_glossed_and_english_lines_gain_none():
    assert {"born", "birth"} <= gloss.english_for("Rođena 14. 3. 1990. u Splitu.")
    assert {"birthday"} <= gloss.english_for("rođendan: 2. 10.")
    assert {"passport", "valid"} <= gloss.english_for("Putovnica br. 123 – vrijedi do 1. 1. 2030.")
    assert {"identity", "card"} <= gloss.english_for("Osobna iskaznica br. 555")
    assert {"husband"} <= gloss.english_for("Ante (muž, Antonio)")
    assert {"son"} <= gloss.english_for("Ivo (sin)")
    assert {"daughter"} <= gloss.english_for("Mia (kći)")
    assert {"older", "sister"} <= gloss.english_for("Kata (starija sestra)")
    assert {"younger", "sister"} <= gloss.english_for("Ena (mlađa sestra)")
    assert {"boss"} <= gloss.english_for("Šef: Ivo Sertić.")
    assert {"neighbour", "spare", "key"} <= gloss.english_for("Susjed Ante ima rezervni ključ.")
    assert {"kindergarten", "group"} <= gloss.english_for("vrtić Sunce, skupina Leptirići")
    assert {"gas", "customer"} <= gloss.english_for("plin – broj kupca 12345")
    assert {"insurance", "registration"} <= gloss.english_for("registracija: ST 123-AB; osiguranje: Allianz")
    assert {"family", "doctor"} <= gloss.english_for("Obiteljska liječnica: dr. Ana Ban")
    assert {"dentist"} <= gloss.english_for("Zubar: dr. Ivo Ban")
    assert "comprehensive" not in gloss.english_for("Kasko: Allianz")  # Estonian, Turkish, Norwegian too: left as it was
    for english in ("Stan Lee said so", "a sin, they say", "the muzzle", "Allianz policy 12"):
        assert not gloss.english_for(english) & {"flat", "son", "husband", "policy"} - ({"policy"} if "policy" in english else set()), english


def test_a_google_docs_download_is_dated_by_the_update_it_says_so_a_later_message_is_newer():
    dated = GDOC.replace('<h2 class="c3" id="h.a1">', '<p class="c3"><span class="c0">zadnje ažurirano: 3. 2. 2026.</span></p><h2 class="c3" id="h.a1">')
    written = _written("Kuća.html", dated)
    assert written["Papiri: OIB: 12345678901"] == "2026-02-03"
    assert _written("Kuća.html", GDOC)["Papiri: OIB: 12345678901"] != "2026-02-03"
