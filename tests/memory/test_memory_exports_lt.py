"""Exports of a Lithuanian household read as what they hold: a LibreOffice flat ODF text
document, a Mastodon account archive, Google Takeout's Maps saved places, a Swedbank statement
CSV; and Lithuanian household words glossed in English. Every statement cites the file line it
came from. The examples are made up."""
from __future__ import annotations

import json
from pathlib import Path

from memory import parsers
from memory.gloss import english_for
from memory.statements import parse_statements


def _got(path, text: str | bytes):
    data = text if isinstance(text, bytes) else text.encode()
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), data)]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>Namai</dc:title><dc:date>2025-03-02T10:00:00.000000000</dc:date></office:meta>
 <office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="P1" style:family="paragraph"/></office:automatic-styles>
 <office:body>
  <office:text>
   <text:h text:outline-level="1">Namai ir šeima</text:h>
   <text:p text:style-name="Standard">Pasas Nr. 99990001, galioja iki 2030-01-05<office:annotation><text:p>patikrinti</text:p></office:annotation></text:p>
   <text:list>
    <text:list-item><text:p>Vaiko darželis „Bitutė“,<text:s text:c="2"/>grupė „Pelėdos“</text:p></text:list-item>
    <text:list-item><text:p>Bendrijos pirmininkas – Jonas Petraitis</text:p></text:list-item>
   </text:list>
   <text:h text:outline-level="2">Šeima</text:h>
   <table:table table:name="T">
    <table:table-column table:number-columns-repeated="3"/>
    <table:table-row><table:table-cell><text:p>Kas</text:p></table:table-cell><table:table-cell><text:p>Gimė</text:p></table:table-cell><table:table-cell><text:p>Telefonas</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>Marius (vyras)</text:p></table:table-cell><table:table-cell><text:p>1980-02-03</text:p></table:table-cell><table:table-cell><text:p>+370 600 00 001</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>Ona (dukra)</text:p></table:table-cell><table:table-cell><text:p>2019-05-06</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/></table:table-row>
   </table:table>
  </office:text>
 </office:body>
</office:document>
"""


def test_a_flat_odf_document_reads_as_its_headings_paragraphs_lists_and_tables_each_at_its_line():
    got = _got("Dokumentai/Namai.fodt", FODT)
    assert (8, "Namai ir šeima", "Pasas Nr. 99990001, galioja iki 2030-01-05") in got  # the comment left out
    assert (10, "Namai ir šeima", "Namai ir šeima: Vaiko darželis „Bitutė“, grupė „Pelėdos“") in got
    assert (11, "Namai ir šeima", "Namai ir šeima: Bendrijos pirmininkas – Jonas Petraitis") in got
    # each table row a record under its header row, at the row's own line
    assert (17, "Namai ir šeima > Šeima", "Kas: Marius (vyras); Gimė: 1980-02-03; Telefonas: +370 600 00 001") in got
    assert (18, "Namai ir šeima > Šeima", "Kas: Ona (dukra); Gimė: 2019-05-06") in got
    assert not any("<" in t or "style:" in t or "patikrinti" in t for _, _, t in got)
    # dated by its last save, so a later post is the newer word
    assert set(_written("Dokumentai/Namai.fodt", FODT).values()) == {"2025-03-02"}


def test_a_malformed_flat_odf_document_is_read_as_text_with_a_warning():
    parsed = parsers.parse(Path("x.fodt"), FODT.replace("</office:text>", "").encode())
    assert any("flat ODF" in w for w in parsed.warnings)


def _post(when: str, html: str, to: list[str], tag: list | None = None) -> dict:
    note = {"type": "Note", "published": when, "to": to, "cc": [], "content": html, "tag": tag or []}
    return {"type": "Create", "published": when, "to": to, "object": note}


OUTBOX = json.dumps({
    "@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection", "totalItems": 3,
    "orderedItems": [
        _post("2025-04-02T18:00:00Z", "<p>Jonukas pradėjo krepšinį – pirmadieniais 18.00.</p>", ["https://ex.social/users/me/followers"]),
        {"type": "Announce", "published": "2025-04-03T08:00:00Z", "object": "https://ex.social/users/x/statuses/1"},
        _post("2025-05-10T07:00:00Z", '<p><span class="h-card"><a href="https://ex.social/@vida" class="u-url mention">@<span>vida</span></a></span> '
              "mano naujas numeris +370 600 00 009</p><p>senas nebeveikia &amp; viskas</p>",
              ["https://ex.social/users/vida"], [{"type": "Mention", "name": "@vida"}]),
    ]}, ensure_ascii=False)


def test_a_mastodon_outbox_reads_as_posts_under_the_day_each_was_published(tmp_path):
    got = _got(tmp_path / "outbox.json", OUTBOX)
    assert (1, "2025-04-02", "Jonukas pradėjo krepšinį – pirmadieniais 18.00.") in [(n, t.split(" > ")[-1], s) for n, t, s in got]
    texts = [t for _, _, t in got]
    # a direct message says so and to whom; its HTML unescaped, a boost (someone else's post) left out
    assert any(t.startswith("Direct message to @vida: mano naujas numeris +370 600 00 009") for t in texts)
    assert any("senas nebeveikia & viskas" in t for t in texts)
    assert not any("<" in t or "https://" in t for t in texts)


def test_a_mastodon_archive_profile_beside_its_outbox_is_nothing_to_read(tmp_path):
    (tmp_path / "outbox.json").write_text(OUTBOX, encoding="utf-8")
    actor = json.dumps({"type": "Person", "name": "Vida", "outbox": "outbox.json", "preferredUsername": "vida"})
    (tmp_path / "actor.json").write_text(actor, encoding="utf-8")
    assert parsers.parse(tmp_path / "actor.json", actor.encode()).nothing
    # the account's name from the profile heads its posts
    assert all(topic.startswith("Mastodon posts of Vida") for _, topic, _ in _got(tmp_path / "outbox.json", OUTBOX))


PLACES = json.dumps({"type": "FeatureCollection", "features": [
    {"geometry": {"coordinates": [25.1, 54.6], "type": "Point"},
     "properties": {"date": "2024-01-02T10:00:00Z", "google_maps_url": "http://maps.google.com/?cid=1",
                    "location": {"address": "Liepų g. 3, 01100 Vilnius, Lietuva", "country_code": "LT", "name": "Sporto klubas Banga"},
                    "Comment": "treneris Paulius, 8 600 00 002"}, "type": "Feature"},
    {"geometry": {"coordinates": [23.9, 54.9], "type": "Point"},
     "properties": {"date": "2025-06-07T10:00:00Z", "location": {"address": "Laisvės al. 1, Kaunas", "name": "Močiutė"}},
     "type": "Feature"},
]}, ensure_ascii=False, indent=2)


def test_google_maps_saved_places_read_as_each_place_with_its_address_and_comment_on_one_line():
    got = _got("Takeout/Maps (your places)/Saved Places.json", PLACES)
    lines = PLACES.split("\n")
    at = lambda s: next(n for n, line in enumerate(lines, 1) if s in line)  # noqa: E731
    # name, address and the user's note in one statement, cited at the address
    assert (at("Liepų g. 3"), "", "Sporto klubas Banga: Liepų g. 3, 01100 Vilnius, Lietuva (treneris Paulius, 8 600 00 002)") in got
    assert (at("Laisvės al. 1"), "", "Močiutė: Laisvės al. 1, Kaunas") in got
    assert not any("Coordinates" in t or "maps.google" in t for _, _, t in got)
    # each place dated by the day it was saved
    assert _written("Saved Places.json", PLACES)["Močiutė: Laisvės al. 1, Kaunas"] == "2025-06-07"


SWEDBANK = (
    '"Sąskaitos Nr.","","Data","Gavėjas","Paaiškinimai","Suma","Valiuta","D/K","Įrašo ID","Kodas","Įmokos kodas","Dok. Nr."\r\n'
    '"LT000000000000000001","10","2025-02-01","","Likutis pradžiai","1 000,00","EUR","K","","AS","",""\r\n'
    '"LT000000000000000001","20","2025-02-03","UAB Šviesa","Elektra, sausis","33,10","EUR","D","2025020300001","MK","","7"\r\n'
    '"LT000000000000000001","20","2025-02-05","UAB Darbas","Atlyginimas","1 900,00","EUR","K","2025020500002","MK","","8"\r\n'
    '"LT000000000000000001","82","2025-02-28","","Apyvarta","33,10","EUR","D","","DS","",""\r\n'
    '"LT000000000000000001","86","2025-02-28","","Likutis pabaigai","2 866,90","EUR","K","","LS","",""\r\n'
)


def test_a_swedbank_statement_reads_as_its_account_balances_and_signed_postings():
    got = _got("Swedbank/LT000000000000000001_2025-02-01_2025-02-28.csv", SWEDBANK)
    texts = {n: t for n, _, t in got}
    topic = {n: tp for n, tp, _ in got}
    assert "Swedbank account LT000000000000000001, 2025-02-01 to 2025-02-28" in topic[3]
    assert "Opening balance (Likutis pradžiai) on 2025-02-01: 1 000,00 EUR" in texts[2]
    assert "UAB Šviesa" in texts[3] and "Elektra, sausis" in texts[3] and "-33,10 EUR" in texts[3]
    assert "+1 900,00 EUR" in texts[4]  # received: a credit
    assert "Closing balance (Likutis pabaigai) on 2025-02-28: 2 866,90 EUR" in texts[6]
    assert not any("2025020300001" in t or "column 2" in t for t in texts.values())


def test_lithuanian_household_words_are_glossed_and_look_alikes_elsewhere_are_not():
    assert {"passport", "valid"} <= english_for("Pasas Nr. 99990001, galioja iki 2030-01-05")
    assert "husband" in english_for("Marius (vyras)")
    assert "mother" in english_for("Onutė (mama)")
    assert "insurance" in english_for("KASKO – ERGO, metinė įmoka 300 €")
    assert {"older", "brother"} <= english_for("Jonas (vyresnysis brolis)")
    assert {"technical", "inspection"} <= english_for("TA galioja iki 2027-01-01")
    assert "thursday" in english_for("plaukimas ketvirtadieniais")
    assert {"room", "doctor"} <= english_for("šeimos gydytoja – 101 kab., registratūra")
    # words of other languages written alike are not glossed out of context
    assert "passport" not in english_for("pasas y nueces")  # Spanish raisins
    assert "number" not in english_for("numerical methods")
    assert "comprehensive" not in english_for("forsikring: Fremtind, kasko")  # Norwegian: left as it was
