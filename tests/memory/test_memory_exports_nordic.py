"""Outliners, flashcards, reference libraries, static sites and ISO 20022 bank statements read as
what they hold: CherryTree documents, Anki plain-text exports, BibTeX libraries, Jekyll pages and
camt.053 statements; and the household words of Norwegian and Danish notes. Every statement cites
the file line it came from. (Made-up examples; no evaluation set's notes.)"""
from __future__ import annotations

import textwrap
from pathlib import Path

from memory import gloss, parsers
from memory.statements import parse_statements


def _got(path, text: str):
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(Path(path), text.encode())]


CTD = textwrap.dedent("""\
    <?xml version="1.0" encoding="UTF-8"?>
    <cherrytree>
    <node name="Hjem" unique_id="1" ts_creation="1700000000" ts_lastsave="1767312000"><rich_text scale="h2">Hjem
    </rich_text><rich_text>Adresse: Solbakken 4, 8006 Bodø
    </rich_text><node name="Bil" unique_id="2" ts_lastsave="1767398400"><rich_text weight="heavy">Skoda Octavia
    </rich_text><rich_text>Reg.nr. ZX 11223. Dekk på dekkhotell.

    # not a heading
    </rich_text></node>
    <node name="Folk" unique_id="3" ts_lastsave="1767398400"><table><row><cell>Ola Berg</cell><cell>400 11 222</cell></row><row><cell>Navn</cell><cell>Mobil</cell></row></table></node>
    </node>
    </cherrytree>
    """)


def test_a_cherrytree_document_gives_nodes_as_headings_bold_lines_as_subheadings_and_tables_with_their_header():
    assert _got("notes/life.ctd", CTD) == [
        (4, "Hjem", "Adresse: Solbakken 4, 8006 Bodø"),  # the node's name written again is not a line
        (6, "Hjem > Bil > Skoda Octavia", "Reg.nr. ZX 11223."),  # a bold line heads what follows
        (6, "Hjem > Bil > Skoda Octavia", "Dekk på dekkhotell."),
        (8, "Hjem > Bil > Skoda Octavia", "not a heading"),  # a "#" the user typed is text
        (10, "Hjem > Folk", "Navn: Ola Berg; Mobil: 400 11 222"),  # CherryTree keeps the header row last
    ]
    parsed = parsers.parse(Path("life.ctd"), CTD.encode())
    assert parsed.written_from == [(3, "2026-01-02"), (5, "2026-01-03"), (10, "2026-01-03")]  # each node's last save


def test_a_broken_cherrytree_document_is_read_as_text_with_a_warning():
    parsed = parsers.parse(Path("life.ctd"), CTD[:300].encode())
    assert parsed.kind == "text" and "malformed CherryTree" in parsed.warnings[0]


ANKI = textwrap.dedent("""\
    #separator:tab
    #html:true
    #notetype column:1
    #deck column:2
    #tags column:5
    Basic\tHusk\tMormor bursdag\t3. mai<br>(1940)\tfamilie
    Basic\tHusk::Bil\tParkering &amp; kode\t4411\tbil
    Basic (and reversed card)\tSpråk\tel tiempo\tværet\t
    """)


def test_an_anki_export_gives_each_card_front_and_back_under_its_deck_without_anki_bookkeeping():
    assert _got("Anki/Husk.txt", ANKI) == [
        (6, "Husk", "Husk: Mormor bursdag: 3. mai; (1940)"),
        (7, "Husk > Bil", "Husk > Bil: Parkering & kode: 4411"),
        (8, "Språk", "Språk: el tiempo: været"),
    ]
    # Without Anki's header, tab-separated text stays what it was.
    assert parsers.parse(Path("list.txt"), b"a\tb\tc\n").kind == "text"


BIB = textwrap.dedent("""\
    @comment{jabref-meta: databaseType:bibtex;}

    @book{larsen_fjell_2020,
    \ttitle = {Fjell og {Vann}},
    \tauthor = {Larsen, Per},
    \tyear = 2020,
    \tfile = {/home/me/Zotero/storage/x.pdf},
    \tnote = {Lånt ut til Ola
    \t  i mars.},
    }
    """)


def test_a_bibtex_entry_is_its_title_over_its_fields_each_at_its_line():
    assert _got("refs/library.bib", BIB) == [
        (3, "Fjell og Vann", "Fjell og Vann: Type: book"),
        (5, "Fjell og Vann", "Fjell og Vann: Author: Larsen, Per"),
        (6, "Fjell og Vann", "Fjell og Vann: Year: 2020"),
        (8, "Fjell og Vann", "Fjell og Vann: Note: Lånt ut til Ola i mars."),  # the file path is Zotero's
    ]


JEKYLL = textwrap.dedent("""\
    ---
    layout: post
    title: "Dagbok mars"
    date: 2026-03-31 20:00:00 +0200
    published: false
    tags: [privat]
    sted: Tromsø
    ---

    Ny fastlege fra 1. april.
    """)


def test_a_jekyll_page_is_titled_by_its_front_matter_and_dated_by_it_without_the_generators_keys():
    assert _got("blog/_drafts/dagbok.md", JEKYLL) == [
        (7, "Dagbok mars", "Dagbok mars: sted: Tromsø"),
        (10, "Dagbok mars", "Ny fastlege fra 1. april."),
    ]
    assert parsers.parse(Path("blog/_drafts/dagbok.md"), JEKYLL.encode()).written == "2026-03-31"
    # An Obsidian page's properties are not a site generator's: they stay.
    vault = "---\ntags: [people]\nbirthday: 3 May\n---\nOla.\n"
    assert any("birthday" in s.text for s in parse_statements(Path("vault/Ola.md"), vault.encode()))


CAMT = textwrap.dedent("""\
    <?xml version="1.0" encoding="UTF-8"?>
    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
      <BkToCstmrStmt><Stmt>
        <Acct><Id><IBAN>NO9386011117947</IBAN></Id><Tp><Prtry>SPAREKONTO</Prtry></Tp>
          <Svcr><FinInstnId><Nm>Nordbanken</Nm></FinInstnId></Svcr></Acct>
        <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="NOK">1200.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-05-31</Dt></Dt></Bal>
        <Ntry>
          <Amt Ccy="NOK">300.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2026-05-04</Dt></BookgDt>
          <NtryDtls><TxDtls><RltdPties><Cdtr><Nm>TANNLEGE HAUG</Nm></Cdtr></RltdPties>
            <RmtInf><Ustrd>Kontroll mai</Ustrd></RmtInf></TxDtls></NtryDtls>
        </Ntry>
        <Ntry>
          <Amt Ccy="NOK">500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-05-20</Dt></BookgDt>
          <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Ola Berg</Nm></Dbtr></RltdPties></TxDtls></NtryDtls>
        </Ntry>
      </Stmt></BkToCstmrStmt>
    </Document>
    """)


def test_a_camt053_statement_gives_the_account_its_balance_and_each_booking_as_a_row():
    got = _got("bank/statement-2026-05.xml", CAMT)
    topic = "Nordbanken sparekonto account NO9386011117947"
    assert got == [
        (6, topic, "Closing balance on 2026-05-31: 1200.50 NOK"),
        (7, topic, "date: 2026-05-04; amount: -300.00 NOK; counterparty: TANNLEGE HAUG; text: Kontroll mai"),  # paid out
        (12, topic, "date: 2026-05-20; amount: 500.00 NOK; counterparty: Ola Berg"),
    ]


def test_norwegian_household_words_are_glossed_and_english_lines_gain_none():
    assert {"salary", "annual"} <= gloss.english_for("Årslønn 712 000 kr")
    assert {"blood", "type"} <= gloss.english_for("Blodtype: 0 negativ")
    assert {"excess"} <= gloss.english_for("Egenandel 2 000 kr")
    assert {"meter"} <= gloss.english_for("Målernummer 12345")
    assert {"birthday"} <= gloss.english_for("Mormor bursdag")
    assert {"cabin", "key"} <= gloss.english_for("Nøkkel til hytta")
    # A Nordic word that is an English word too is glossed only in a line written with æ, ø or å.
    assert "passport" in gloss.english_for("Pass: 1234567, gyldig til 2031 (i skuffen på kontoret)")
    assert "passport" not in gloss.english_for("Ski pass: 1234567")
    for english in ("I took the bus over the pass", "She opens the book", "The leader of the band", "Kona coffee"):
        assert gloss.english_for(english) == frozenset(), english


def test_norwegian_abbreviations_do_not_end_a_sentence():
    got = [t for _, _, t in _got("notes/hytte.md", "Hytta ligger på gnr. 12 bnr. 9 i Voss. Adresse: Vei 4, leil. H0201.\n")]
    assert got == ["Hytta ligger på gnr. 12 bnr. 9 i Voss.", "Adresse: Vei 4, leil. H0201."]


def test_a_manual_line_that_begins_like_a_tag_line_is_read_at_once_and_stays_a_statement():
    """"TAG: Output variable containing the decoded tag (may be 'NULL')." in an Info manual starts
    like a tag line; the tag pattern once tried every way of splitting its words and took minutes
    on one 28 KB manual. It is a statement, read at once; a real tag line is still the note's meta."""
    manual = "".join(f"     TAG{i}: Output variable containing the decoded tag number {i} (may be 'NULL' ).\n\n" for i in range(3))
    manual += "     TAG: Output variable containing the decoded tag of the DER data (may be 'NULL' ).\n"
    got = [t for _, _, t in _got("ref/libtasn1-manual.txt", manual)]
    assert "TAG: Output variable containing the decoded tag of the DER data (may be 'NULL' )." in got
    assert [s.kind for s in parse_statements(Path("n.md"), b"tags: #travel #family\n")] == ["meta"]
