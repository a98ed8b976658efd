"""Exports of a Romanian household read as what they hold: a WordPad RTF document, a Freeplane
mind map, a Discord data package, a Banca Transilvania statement CSV. Every statement cites the
file line it came from. The examples are made up."""
from __future__ import annotations

import json
from pathlib import Path

from memory import parsers
from memory.statements import parse_statements


def _got(path, text: str | bytes):
    data = text if isinstance(text, bytes) else text.encode()
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), data)]


def _written(path, text: str):
    return {s.text: s.written for s in parse_statements(Path(path), text.encode())}


RTF = (
    "{\\rtf1\\ansi\\ansicpg1250\\deff0\\nouicompat{\\fonttbl{\\f0\\fnil\\fcharset238 Calibri;}}\r\n"
    "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1 \r\n"
    "\\pard\\sa200\\sl276\\slmult1\\f0\\fs22\\lang1048 \r\n"
    "\\b\\fs28 Date utile\\b0\\fs22\\par\r\n"
    "Vecin: Gheorghe Stan, 0722 000 111\\par\r\n"
    "\\par\r\n"
    "\\b\\fs28 Ma\\u537?ina\\b0\\fs22\\par\r\n"
    "Dacia Logan: B 01 ABC, asigurare la Omniasig, expir\\'e3 pe 1 martie\\par\r\n"
    "{\\pntext\\f0\\'B7\\tab}{\\*\\pn\\pnlvlblt\\pnf1\\pnindent0{\\pntxtb\\'B7}}schimb ulei la 90.000 km\\par\r\n"
    "}\r\n"
)


def test_an_rtf_document_reads_as_the_text_it_shows_each_line_at_its_file_line():
    got = _got("Documente/date.rtf", RTF)
    texts = [t for _, _, t in got]
    # each short paragraph a line of its own, under the bold one over it
    assert (5, "Date utile", "Date utile: Vecin: Gheorghe Stan, 0722 000 111") in got
    # \u537? is ș, \'e3 in code page 1250 is ă; a bold paragraph is a heading
    assert (8, "Date utile > Mașina", "Mașina: Dacia Logan: B 01 ABC, asigurare la Omniasig, expiră pe 1 martie") in got
    assert any(n == 9 and t.endswith("schimb ulei la 90.000 km") for n, _, t in got)  # a WordPad bullet
    assert not any("\\" in t or "Calibri" in t or "Riched20" in t or "\u00b7" in t for t in texts)


def test_rtf_lines_do_not_run_into_each_other_and_prose_stays_prose():
    text = ("{\\rtf1\\ansi\\ansicpg1250{\\fonttbl{\\f0 Arial;}}\n"
            "\\b Eu\\b0\\par\n"
            "Dan Stan, n\\'e3scut 2 mai 1980\\par\n"
            "COD: 123456\\par\n"
            "Telefon: 0722 000 333\\par\n"
            "Am mutat mașina la service. Vineri o iau înapoi, dacă e gata.\\par}\n")
    got = _got("eu.rtf", text)
    assert (3, "Eu", "Eu: Dan Stan, născut 2 mai 1980") in got
    assert (4, "Eu", "Eu: COD: 123456") in got  # a line in capitals is no title over the next
    assert (5, "Eu", "Eu: Telefon: 0722 000 333") in got
    assert (6, "Eu", "Am mutat mașina la service.") in got  # prose: a statement per sentence


def test_an_rtf_table_is_a_markdown_table():
    text = ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n"
            "\\trowd\\cellx2000\\cellx4000 Nume\\cell Telefon\\cell\\row\n"
            "\\trowd\\cellx2000\\cellx4000 Ana\\cell 0711 000 222\\cell\\row\n"
            "\\pard Sf\\'e2r\\'5fit\\par}\n")
    md, numbers = __import__("memory.rtf", fromlist=["to_markdown"]).to_markdown(text, "t")
    assert "| Nume | Telefon |" in md and "| Ana | 0711 000 222 |" in md
    assert numbers[md.index("| Ana | 0711 000 222 |")] == 3
    assert "- Sfâr_it" in md  # \'5f is "_" in the text, shown as it is


MAP = """<map version="freeplane 1.9.13">
<node TEXT="Cas&#x103;" ID="ID_1" CREATED="1695909000000" MODIFIED="1731000000000">
  <node TEXT="Ma&#x219;ina" POSITION="right" ID="ID_2" CREATED="1695910000000" MODIFIED="1696406800000">
    <node TEXT="ITP p&#xe2;n&#x103; la 01.04.2027" ID="ID_3" CREATED="1695910000000" MODIFIED="1696003600000"/>
    <node ID="ID_4" CREATED="1695910000000" MODIFIED="1790000000000"><richcontent TYPE="NODE"><html><body><p>service la <b>Auto Sud</b></p></body></html></richcontent>
      <richcontent TYPE="NOTE"><html><body><p>cod client 4411</p></body></html></richcontent>
    </node>
  </node>
  <node TEXT="vecina: Ioana &amp; Dan" ID="ID_5" CREATED="1695910000000" MODIFIED="1696003600000"><attribute NAME="telefon" VALUE="0733 000 444"/></node>
</node>
</map>
"""


def test_a_freeplane_mind_map_is_an_outline_dated_by_each_node():
    got = _got("Casa.mm", MAP)
    assert (4, "Casă > Mașina", "Mașina: ITP până la 01.04.2027") in got
    assert any(n == 5 and "service la Auto Sud" in t for n, _, t in got)  # a node written as HTML
    assert any(n == 5 and "cod client 4411" in t for n, _, t in got)  # its note
    # a node with nothing under it is the map's own, not under the branch above it; its attribute with it
    assert any(n == 9 and topic == "Casă" and "Ioana & Dan" in t and "telefon: 0733 000 444" in t for n, topic, t in got)
    assert not any("ID_" in t or "CREATED" in t for _, _, t in got)
    written = _written("Casa.mm", MAP)
    assert written["Mașina: ITP până la 01.04.2027"] == "2023-09-29"  # the node's MODIFIED day


def test_a_broken_mind_map_is_read_as_text_with_a_warning():
    parsed = parsers.parse(Path("Casa.mm"), MAP.replace("</map>", "").encode())
    assert "malformed mind map" in parsed.warnings[0]


def _package(tmp_path: Path) -> Path:
    messages = tmp_path / "Discord" / "package" / "messages"
    (messages / "c1100000000000000001").mkdir(parents=True)
    (messages / "index.json").write_text(json.dumps({"1100000000000000001": "Direct Message with dan.stan"}))
    (messages / "c1100000000000000001" / "channel.json").write_text(
        json.dumps({"id": "1100000000000000001", "type": 1, "recipients": ["1", "2"]}))
    csv_path = messages / "c1100000000000000001" / "messages.csv"
    csv_path.write_text("ID,Timestamp,Contents,Attachments\n"
                        "1100000000000000009,2026-11-02 09:00:00.000000+00:00,\"chiria crește la 2.100 lei, de la 1 decembrie\",\n"
                        "1100000000000000008,2026-10-01 18:30:00.000000+00:00,\"lista pentru piață:\nroșii, brânză\",\n"
                        "1100000000000000007,2026-10-01 08:00:00.000000+00:00,bonul de la ITP,https://cdn.discordapp.com/attachments/1/2/bon.jpg\n",
                        encoding="utf-8")
    return csv_path


def test_a_discord_channel_reads_as_dated_messages_under_its_name(tmp_path):
    csv_path = _package(tmp_path)
    got = [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(csv_path, csv_path.read_bytes())]
    assert (2, "Discord: Direct Message with dan.stan > 2026-11-02", "chiria crește la 2.100 lei, de la 1 decembrie") in got
    assert any(n == 5 and "bon.jpg" in t for n, _, t in got)
    assert any(n == 3 and "lista pentru piață: roșii, brânză" in t for n, _, t in got)  # a message over two lines
    assert not any(t.startswith(("ID", "Timestamp")) or "1100000000000000009" in t for _, _, t in got)
    written = {s.text: s.written for s in parse_statements(csv_path, csv_path.read_bytes())}
    assert written["chiria crește la 2.100 lei, de la 1 decembrie"] == "2026-11-02"


def test_the_discord_index_and_channel_files_say_nothing_of_their_own(tmp_path):
    csv_path = _package(tmp_path)
    for path in (csv_path.parent.parent / "index.json", csv_path.parent / "channel.json"):
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "Discord" in parsed.nothing
    # a project's index.json is still read as data
    other = tmp_path / "index.json"
    other.write_text(json.dumps({"name": "anima", "version": "1"}, indent=2))
    assert parsers.parse(other, other.read_bytes()).nothing == ""


BT = """Banca Transilvania
Extras de cont
Titular cont: STAN DAN
Cod IBAN: RO00BTRLRONCRT0000000001
Valuta: RON
Perioada: 01.09.2026 - 30.09.2026
Sold initial: 2.000,50

Data tranzactie,Data valuta,Descriere,Referinta tranzactiei,Debit,Credit,Sold contabil
02.09.2026,02.09.2026,"Plata factura ENEL",BT1,"123,45",,"1.877,05"
05.09.2026,05.09.2026,"Incasare OP ACME SRL salariu",BT2,,"5.000,00","6.877,05"
"""


def test_a_banca_transilvania_statement_is_the_account_over_its_transactions():
    got = _got("BT/RO00BTRLRONCRT0000000001_01.09.2026-30.09.2026.csv", BT)
    texts = [t for _, _, t in got]
    assert any(n == 4 and "IBAN (Cod IBAN): RO00BTRLRONCRT0000000001" in t for n, _, t in got)
    assert any(n == 7 and "Opening balance (Sold initial): 2.000,50" in t for n, _, t in got)  # not cut at its comma
    assert any(n == 10 and "2026-09-02" in t and "Plata factura ENEL" in t and "123,45" in t and "debit" in t for n, _, t in got)
    assert any(n == 11 and "5.000,00" in t and "credit" in t for n, _, t in got)
    assert not any(t.startswith("Banca Transilvania:") for t in texts)  # the bank's name is no column
    assert not any("BT1" in t for t in texts)  # the bank's reference is no code of the user's


def test_a_csv_without_the_bt_header_is_still_a_csv():
    got = _got("plati.csv", "Data tranzactie,Suma\n02.09.2026,10\n")
    assert got and all("Banca Transilvania" not in t for _, _, t in got)


def test_romanian_household_words_are_glossed_and_english_lines_gain_none():
    from memory.gloss import english_for
    assert {"husband"} <= english_for("Dan (soț): 0722 000 111")
    assert {"mother-in-law"} <= english_for("Soacra: Elena Stan, Turda")
    assert {"godfather"} <= english_for("Nașul lui Vlad: Ion Pop")
    assert {"kindergarten", "teacher"} <= english_for("educatoare Maria Ene")
    assert {"pediatrician"} <= english_for("Pediatru: dr. Ion Ene")
    assert {"service", "charges"} <= english_for("întreținere 300 lei/lună")
    assert "monthly" not in english_for("întreținere 300 lei/lună")  # an amount's "/lună" is no word to match
    assert {"inspection"} <= english_for("ITP până la 01.05.2027")
    assert {"savings", "account"} <= english_for("cont de economii la ING")
    assert {"size", "clothes"} <= english_for("mărime haine 110")
    assert {"identity", "card"} <= english_for("CI: seria CJ nr. 000111")
    assert not english_for("Automatic publishing with CI: bump the version") & {"identity", "card"}
    for english in ("The sot slept it off.", "Lunar New Year dinner", "La plata es buena", "NASA launched it",
                    "Sorry, I left my car at the clinic."):
        assert not english_for(english) & {"husband", "month", "monthly", "payment", "godmother", "account"}, english


def test_romanian_month_names_beside_a_day_are_dates():
    from agent.reader_text import dates
    assert dates("Dan Stan, născut 3 februarie 1990, inginer")
    assert dates("ziua soacrei: 8 octombrie")
    assert not dates("mai mult de trei")  # "mai" (more) alone is no month


def test_an_rtf_document_is_dated_by_its_revision_time_when_it_writes_one():
    text = ("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\info{\\creatim\\yr2024\\mo1\\dy2\\hr9}{\\revtim\\yr2026\\mo3\\dy4\\hr10}}\n"
            "Chiria: 2.000 lei\\par}\n")
    assert set(_written("chirie.rtf", text).values()) == {"2026-03-04"}
    assert set(_written("chirie.rtf", RTF).values()) == {""}  # WordPad writes no \info
