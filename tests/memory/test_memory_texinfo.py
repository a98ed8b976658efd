"""A household handbook kept as a GNU Texinfo manual (`casa.texi` with `\\input texinfo`, its
chapters in `@include`d files, a `version.texi` of `@set UPDATED ...`) is read as what it says:
sections as headings, `@itemize` items as bullets, `@table` items "term: body", `@multitable`
rows under their `@headitem` column names, markup unwrapped and accents resolved, `@value`s from
the `@set` lines of the file or of what it includes; `@node`, menus, index entries, comments and
the manual's boilerplate left out, every statement cited at its file line. Each included file is
read on its own, and bad input costs only itself."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from memory import parsers, texinfo
from memory.statements import parse_statements

MAIN = """\
\\input texinfo   @c -*-texinfo-*-
@c %**start of header
@setfilename casa.info
@documentencoding UTF-8
@include version.texi
@settitle Casa Ferreira @value{EDITION}
@c %**end of header

@copying
This manual (edition @value{EDITION}) is for the Ferreira household.
Copyright @copyright{} 2026 Rui Ferreira.
@end copying

@titlepage
@title Casa Ferreira
@author Rui Ferreira
@end titlepage

@ifnottex
@node Top
@top Casa Ferreira
@end ifnottex

@menu
* Carros::      The Clio and the bikes.
* Diario::      Dated notes.
@end menu

@include carros.texi

@node Diario
@chapter Di@'ario

@subheading 02.10.2026
The boiler was serviced; next service in October 2027.

@subheading 14 November 2026
New Wi-Fi password: @samp{Laranja-77}.

@node Indice
@unnumbered @'Indice
@printindex cp

@bye
This line is after @bye and never read: gate code 9999.
"""

VERSION = """\
@set UPDATED 29 November 2026
@set UPDATED-MONTH November 2026
@set EDITION 3.2
"""

CHAPTER = """\
@c carros.texi -- the cars (edition @value{EDITION})
@node Carros
@chapter Carros
@cindex cars
@cindex Clio

Our car is the Renault Clio, plate @code{AL-47-PQ}.  Seguro with
@strong{Fidelidade}, ap@'olice @w{@code{FD 2026 0413}}.

@section Documentos
@findex documents

@table @asis
@item Inspe@,{c}@~ao (IPO)
Next one due 14.03.2027, at the Controlauto in Se@"ixal.
@item Via Verde
@itemx Portagens
Identifier @code{VV-88120}; paid by direct debit.
@end table

@section Oficina
@itemize @bullet
@item
Mec@^anico: @email{oficina@@example.pt, Oficina Santos}, ask for Jo@~ao.
@item Tyres: @uref{https://pneus.example.pt, Pneus Barreiro}.
@end itemize

@enumerate
@item Check the oil
@item Check the tyres @dots{} then @xref{Diario}.
@end enumerate

@subsection Custos
@multitable @columnfractions .4 .3 .3
@headitem What @tab How much @tab When
@item Seguro @tab 312,40 @euro{} @tab every March
@item IUC
@tab 128 @euro{}
@tab every June
@end multitable

@example
mileage 84@comma{}210 km @@ 2026
@end example

@ignore
The old car: plate 11-AA-22.
@end ignore
@c Never write the PIN here.
@frobnicate{Gate code 4471} at the garage.
"""


def _manual(root: Path) -> Path:
    (root / "version.texi").write_text(VERSION, encoding="utf-8")
    (root / "carros.texi").write_text(CHAPTER, encoding="utf-8")
    main = root / "casa.texi"
    main.write_text(MAIN, encoding="utf-8")
    return main


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def _md(path: Path) -> list[tuple[int, str]]:
    doc = texinfo.to_markdown(parsers.split_lines(path.read_text(encoding="utf-8")), path)
    return list(zip(doc.numbers, doc.md))


def test_texinfo_files_are_recognised_by_extension_or_first_line(tmp_path):
    assert texinfo.looks_like_texinfo(Path("carros.texi"), ["@node Carros", "@chapter Carros"])
    assert texinfo.looks_like_texinfo(Path("a.texinfo"), ["plain words"])
    assert texinfo.looks_like_texinfo(Path("a.txi"), [])
    assert texinfo.looks_like_texinfo(Path("manual.txt"), ["\\input texinfo   @c -*-texinfo-*-", "@settitle X"])
    assert texinfo.looks_like_texinfo(Path("chapter"), ["@c part two", "@node Bikes", "@section Bikes", "Two bikes."])
    assert not texinfo.looks_like_texinfo(Path("notes.txt"), ["Dentist at 3", "email me at ana@example.org"])
    assert not texinfo.looks_like_texinfo(Path("notes.md"), ["# Title", "@node is a word here"])


def test_sections_are_headings_at_their_level_and_lists_tables_read_as_what_they_say(tmp_path):
    _manual(tmp_path)
    chapter = tmp_path / "carros.texi"
    parsed = parsers.parse(chapter, chapter.read_bytes())
    assert parsed.kind == "markdown" and not parsed.warnings
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [(3, 1, "Carros"), (10, 2, "Documentos"), (21, 2, "Oficina"), (33, 3, "Custos")]
    got = _statements(chapter)
    # @table: "term: body" cited at the term's @item, an @itemx term joined to its @item's.
    assert (14, "Carros > Documentos", "Inspeção (IPO): Next one due 14.03.2027, at the Controlauto in Seïxal.") in got
    assert (16, "Carros > Documentos", "Via Verde / Portagens: Identifier VV-88120; paid by direct debit.") in got
    # @itemize and @enumerate items are list items.
    md = _md(chapter)
    assert (24, "- Mecânico: Oficina Santos <oficina@example.pt>, ask for João.") in md  # its text's line
    assert (25, "- Tyres: Pneus Barreiro (https://pneus.example.pt).") in md
    assert (29, "1. Check the oil") in md and (30, "2. Check the tyres ... then See Diario.") in md
    # @multitable: a markdown table under its @headitem names, each row read with them; a row
    # whose cells run over several lines is one row, cited at its @item.
    assert (35, "| What | How much | When |") in md
    assert (36, "Carros > Oficina > Custos", "Seguro: How much: 312,40 €; When: every March") in got
    assert (37, "Carros > Oficina > Custos", "IUC: How much: 128 €; When: every June") in got
    # @example is kept as a code block of its lines.
    assert [t for _, t in md if t.startswith("mileage")] == ["mileage 84,210 km @ 2026"]
    assert ("```" in [t for _, t in md]) and any(b.kind == "code" for b in parsed.blocks)


def test_inline_markup_is_unwrapped_and_accents_resolved():
    v = texinfo._Vars({"PHONE": "+351 912 000 111"})
    assert texinfo.inline("@code{AL47 2021}", v) == "AL47 2021"
    assert texinfo.inline("@email{a@@b.pt, Ana}", v) == "Ana <a@b.pt>"
    assert texinfo.inline("@email{a@@b.pt}", v) == "a@b.pt"
    assert texinfo.inline("@uref{https://x.pt, the site}", v) == "the site (https://x.pt)"
    assert texinfo.inline("@url{https://x.pt}", v) == "https://x.pt"
    assert texinfo.inline("@pxref{Carros}; @ref{Casa, , The house}", v) == "see Carros; The house"
    assert texinfo.inline("@'e @\"u @,{c} @~n @^o @`a @ss{} @euro{} @'{@dotless{i}} @v{s} @AA{}", v) == "é ü ç ñ ô à ß € í š Å"
    assert texinfo.inline("@@ @{x@} Dr.@: Cela@. 7:30--16:00 ``Kushtrimi''", v) == '@ {x} Dr. Cela. 7:30–16:00 "Kushtrimi"'
    assert texinfo.inline("@code{--all} @w{+351 @value{PHONE}} @var{file} @emph{now}", v) == "--all +351 +351 912 000 111 file now"
    assert texinfo.inline("@acronym{NIF, tax number} @value{NOPE}.", v) == "NIF (tax number) ."
    assert texinfo.inline("@verb{|@code{x}|} @U{00e9}", v) == "@code{x} é"
    # An unknown command is kept as its text; an address written without @@ stays as written.
    assert texinfo.inline("@frobnicate{Gate code 4471}", v) == "Gate code 4471"
    assert texinfo.inline("write to rui@example.pt", v) == "write to rui@example.pt"


def test_values_come_from_the_included_version_texi_and_date_the_manual(tmp_path):
    main = _manual(tmp_path)
    parsed = parsers.parse(main, main.read_bytes())
    assert parsed.written == "2026-11-29"  # @set UPDATED 29 November 2026, in the included version.texi
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    # @top is the manual's title; its chapters under it; the index's empty section left out.
    assert headings == [(21, 1, "Casa Ferreira"), (32, 2, "Diário"), (34, 3, "02.10.2026"), (37, 3, "14 November 2026")]
    # A manual with no @top is headed by its @settitle, @value resolved.
    bare = tmp_path / "bare.texi"
    bare.write_text("\\input texinfo\n@include version.texi\n@settitle Casa @value{EDITION}\n@chapter Bikes\nTwo bikes.\n")
    assert [b.title for b in parsers.parse(bare, bare.read_bytes()).blocks if b.kind == "heading"] == ["Casa 3.2", "Bikes"]
    # A chapter file's @value is the one the manual that includes it sets; its own date is its own.
    chapter = tmp_path / "carros.texi"
    doc = texinfo.to_markdown(parsers.split_lines(CHAPTER.replace("Clio,", "Clio @value{EDITION},")), chapter)
    assert any("Renault Clio 3.2, plate AL-47-PQ." in line for line in doc.md)
    assert parsers.parse(chapter, chapter.read_bytes()).written == ""
    # version.texi on its own says nothing (its values are read where they are used).
    version = tmp_path / "version.texi"
    parsed = parsers.parse(version, version.read_bytes())
    assert parsed.blocks == [] and "@set" in parsed.nothing


def test_comments_menus_index_entries_and_boilerplate_are_left_out(tmp_path):
    main = _manual(tmp_path)
    text = "\n".join(t for _, t in _md(main)) + "\n" + "\n".join(t for _, t in _md(tmp_path / "carros.texi"))
    for gone in ("@", "cindex", "cars", "Top", "Copyright", "Ferreira household", "Rui Ferreira", "The Clio and the bikes",
                 "casa.info", "9999", "11-AA-22", "PIN", "include", "carros.texi", "Indice", "Índice", "EDITION", "end "):
        assert gone not in text.replace("84,210 km @ 2026", "").replace("oficina@example.pt", ""), gone
    assert "Gate code 4471 at the garage." in text  # an unknown @command: its text


def test_every_line_is_cited_at_its_file_line(tmp_path):
    main = _manual(tmp_path)
    chapter = tmp_path / "carros.texi"
    for path in (main, chapter):
        source = [texinfo.inline(line) for line in path.read_text(encoding="utf-8").split("\n")]
        for n, line in _md(path):
            assert 1 <= n <= len(source)
            words = [w for w in line.replace("|", " ").split() if w.isalpha() and len(w) > 3]
            if words and not line.startswith(("|", "```")):  # (a table row is cited at its @item)
                # Its first word is on that line (a table's term: its body on the next).
                assert words[0] in source[n - 1] or words[0] in source[n], (n, line)
    got = _statements(chapter)
    assert (7, "Carros", "Our car is the Renault Clio, plate AL-47-PQ.") in got
    assert (7, "Carros", "Seguro with Fidelidade, apólice FD 2026 0413.") in got  # the sentence opens on line 7


def test_a_journal_s_day_headings_date_their_own_lines(tmp_path):
    main = _manual(tmp_path)
    parsed = parsers.parse(main, main.read_bytes())
    assert parsed.written_from == [(34, "2026-10-02"), (37, "2026-11-14"), (41, "")]
    got = {s.text: s.written for s in parse_statements(main, main.read_bytes())}
    assert got["The boiler was serviced; next service in October 2027."] == "2026-10-02"
    assert got["New Wi-Fi password: Laranja-77."] == "2026-11-14"


def test_a_chapter_is_dated_by_its_comment_or_a_changelog_beside_it(tmp_path):
    (tmp_path / "saude.texi").write_text("@c saude.texi -- Last reviewed: 12.05.2026\n@chapter Saude\nDr. Lima.\n")
    (tmp_path / "casa.texi").write_text("@chapter Casa\nThe keys are with Ana.\n")
    (tmp_path / "ChangeLog").write_text(
        "2026-09-01  Rui Ferreira  <rui@example.pt>\n\n\t* casa.texi (Casa): Keys.\n\t* saude.texi: Typo.\n\n"
        "2026-03-01  Rui Ferreira  <rui@example.pt>\n\n\t* casa.texi: New file.\n")
    for name, day in (("saude.texi", "2026-09-01"), ("casa.texi", "2026-09-01")):
        path = tmp_path / name
        assert parsers.parse(path, path.read_bytes()).written == day
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "saude.texi").write_text("@c Last reviewed: 12.05.2026\n@chapter Saude\nDr. Lima.\n")
    assert parsers.parse(alone / "saude.texi", (alone / "saude.texi").read_bytes()).written == "2026-05-12"


def test_unknown_commands_and_unclosed_blocks_cost_only_themselves(tmp_path):
    path = tmp_path / "broken.texi"
    path.write_text(textwrap.dedent("""\
        @chapter Casa
        @shout Bins go out on Tuesday.
        @itemize @bullet
        @item Spare key under the blue pot.
        @chapter Jardim
        The hose is in the shed.
        @end table
        @ignore
        Water the lemon tree on Sundays.
        @sparkle
        Sparkly words.
        @end sparkle
        """))
    parsed = parsers.parse(path, path.read_bytes())
    headings = [(b.start, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [(1, "Casa"), (5, "Jardim")]
    got = _statements(path)
    assert (2, "Casa", "Bins go out on Tuesday.") in got
    assert (4, "Casa", "Casa: Spare key under the blue pot.") in got
    assert (6, "Jardim", "The hose is in the shed.") in got
    assert (9, "Jardim", "Water the lemon tree on Sundays.") in got
    assert (11, "Jardim", "Sparkly words.") in got
    said = " ".join(parsed.warnings)
    assert "@itemize at line 3 is never closed" in said
    assert "@end table at line 7 closes nothing" in said
    assert "@ignore at line 8 is never closed" in said


def test_a_binary_or_broken_texi_file_gets_a_clear_result(tmp_path):
    blob = tmp_path / "scan.texi"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(parsers.NotText, match="binary"):
        parsers.parse(blob, blob.read_bytes())
    # Broken UTF-8 with no @documentencoding: read, the bad byte replaced and said.
    broken = tmp_path / "broken.texi"
    broken.write_bytes(b"@chapter Casa\nThe code is 4471 \xff here.\n")
    parsed = parsers.parse(broken, broken.read_bytes())
    assert any("invalid UTF-8" in w for w in parsed.warnings)
    assert ["The code is 4471 \ufffd here."] == [t for b in parsed.blocks if b.kind == "text" for _, t in b.lines]
    # A Latin-1 manual says so in its @documentencoding, and a chapter it includes is read in it.
    main = tmp_path / "velho.texi"
    main.write_bytes("\\input texinfo\n@documentencoding ISO-8859-1\n@include saude.texi\n@chapter Sa\u00fade\nM\u00e9dico.\n".encode("latin-1"))
    part = tmp_path / "saude.texi"
    part.write_bytes("@chapter Sa\u00fade\nDra. L\u00facia.\n".encode("latin-1"))
    for path, words in ((main, "Médico."), (part, "Dra. Lúcia.")):
        parsed = parsers.parse(path, path.read_bytes())
        assert not parsed.warnings
        assert words in [t for b in parsed.blocks for _, t in b.lines]
    empty = tmp_path / "empty.texi"
    empty.write_text("@c nothing yet\n@node Empty\n")
    parsed = parsers.parse(empty, empty.read_bytes())
    assert parsed.blocks == [] and parsed.nothing


def test_the_manual_and_each_included_file_are_indexed_on_their_own(make_memory, tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    _manual(root)
    mem = make_memory()
    report = mem.index([root])
    paths = {c.path for c in mem.iter_chunks()}
    assert str(root / "carros.texi") in paths and str(root / "casa.texi") in paths
    assert str(root / "version.texi") in {s.path for s in report.skipped}
    hit = mem.search("when is the car inspection (IPO) due", k=1)[0]
    assert hit.path == str(root / "carros.texi") and "14.03.2027" in hit.text


def test_conditionals_and_other_blocks_read_as_the_info_manual_would(tmp_path):
    path = tmp_path / "misc.texi"
    path.write_text(textwrap.dedent("""\
        @chapter Misc
        @set HAVE_DOG
        @ifset HAVE_DOG
        The dog is Bolt.
        @end ifset
        @ifclear HAVE_DOG
        We have no dog.
        @end ifclear
        @ifhtml
        Only on the web page.
        @end ifhtml
        @ifinfo
        The Info text is read.
        @end ifinfo

        @table @asis
        @item Kids
        @itemize
        @item Ana
        @item Rui
        @end itemize
        @end table

        @multitable @columnfractions .5 .5
        @item Model @tab Renault Clio
        @end multitable

        @quotation Note
        The spare key is with the neighbour.
        @end quotation

        @verbatim
        @code{kept} as written
        @end verbatim

        New rent from March:
        @w{720 euros} per month.
        """))
    got = _statements(path)
    texts = [t for _, _, t in got]
    assert "The dog is Bolt." in texts
    assert not any("no dog" in t or "web page" in t for t in texts)
    assert any(t.endswith("The Info text is read.") for t in texts)
    assert (19, "Misc > Kids", "Kids: Ana") in got and (20, "Misc > Kids", "Kids: Rui") in got  # a term over a list
    assert (25, "Misc", "Model: Renault Clio") in got  # a two-column table with no @headitem
    assert (28, "Misc", "Note: The spare key is with the neighbour.") in got
    assert (33, "@code{kept} as written") in _md(path)  # @verbatim: as written, in a code block
    # A filled paragraph's line ending in ":" runs on into the next: one statement.
    assert (36, "Misc", "New rent from March: 720 euros per month.") in got
