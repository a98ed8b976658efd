"""A household wiki kept in MoinMoin 1.9 is read from its data folder as what each page says now:
only the revision the page's `current` file names (older revisions, `current` itself, the edit logs,
page caches and `wikiconfig.py` say nothing); `= H =` headings, indented lists, `||` table rows
under their column names, links as their text, markup unwrapped, struck text, macros and
processing instructions left out; the page name decoded from its folder; dated by a journal
page's name, a single day heading, or the edit log's day of the current revision."""
from __future__ import annotations

from pathlib import Path

from memory import moinmoin, parsers
from memory.statements import parse_statements

HOUSE_V1 = """\
#format wiki
#language en
= Our flat =
Rent is '''520 EUR''' a month.
"""

HOUSE_V2 = """\
#format wiki
#language en
## keep this page short
#acl Known:read,write All:
<<TableOfContents(2)>>
= Our flat =
The flat is at '''Krakovska 9''', 2nd floor; rent is ''580 EUR'' a month (--(520 EUR)-- before May).<<BR>>Water is in the rent.

== Contacts ==
||<tablewidth="80%">'''Name'''||'''Role'''||'''Phone'''||
||Mrs Novak||landlady||041 555 120||
||<-2>Janez (caretaker)||031 555 908||

== Numbers ==
||Plumber||01 555 7770||
||Vet||01 555 8880||

== Bins ==
 * Paper: every second Tuesday
  * the blue bin by the gate
 * Plastic: see [[BinDays|the bin page]] and [[http://example.org/odpadki|the city's list]]
 1. Take the bins out
 1. Bring them back in
 Wi-Fi:: Novak-Gost, password {{{Sonce<3Gora}}}

{{{
router admin: 192.168.1.1
}}}
----
CategoryHome
"""


def _log(revisions: list[tuple[int, str]]) -> str:
    return "".join(f"{ts}\t{rev}\tSAVE\tPage\t10.0.0.7\thome.lan\t1700000000.1.1\t\tme\n" for ts, rev in revisions)


def _page(pages: Path, folder: str, revisions: list[str], stamps: list[int] | None = None) -> Path:
    """A page folder as MoinMoin writes it: revisions/00000001..., current, edit-log."""
    page = pages / folder
    (page / "revisions").mkdir(parents=True)
    for k, text in enumerate(revisions, 1):
        (page / "revisions" / f"{k:08d}").write_text(text, encoding="utf-8")
    (page / "current").write_text(f"{len(revisions):08d}\n", encoding="utf-8")
    stamps = stamps or [1780000000_000000 + k for k in range(len(revisions))]
    (page / "edit-log").write_text(_log([(s, f"{k:08d}") for k, s in enumerate(stamps, 1)]), encoding="utf-8")
    return page / "revisions" / f"{len(revisions):08d}"


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def test_only_the_current_revision_is_read(tmp_path):
    pages = tmp_path / "data" / "pages"
    current = _page(pages, "OurFlat", [HOUSE_V1, HOUSE_V2])
    old = current.parent / "00000001"
    parsed = parsers.parse(old, old.read_bytes())
    assert not parsed.blocks and parsed.nothing == "an older revision of a MoinMoin page (the page is at revision 00000002)"
    texts = [t for _, _, t in _statements(current)]
    assert any("580 EUR" in t for t in texts)
    assert not any("520 EUR" in t for t in texts)  # the struck-out rent and the old revision's


def test_headings_lists_tables_links_and_markup(tmp_path):
    current = _page(tmp_path / "data" / "pages", "OurFlat", [HOUSE_V2])
    got = _statements(current)
    texts = [t for _, _, t in got]
    assert ("Our flat", ) == tuple(b.title for b in parsers.parse(current, current.read_bytes()).blocks if b.kind == "heading")[:1]
    assert any(t.startswith("The flat is at Krakovska 9, 2nd floor; rent is 580 EUR a month") for t in texts)
    assert "Water is in the rent." in " ".join(texts)
    # A header row of bold cells names the columns; cell attributes are left out.
    assert ("Our flat > Contacts", "Name: Mrs Novak; Role: landlady; Phone: 041 555 120") in [(tp, t) for _, tp, t in got]
    assert any("Janez (caretaker)" in t and "031 555 908" in t for t in texts)
    # Two columns and no header row: "name: value".
    assert "Plumber: 01 555 7770" in texts and "Vet: 01 555 8880" in texts
    joined = "\n".join(texts)
    assert "Paper: every second Tuesday" in joined and "the blue bin by the gate" in joined
    assert "the bin page" in joined and "the city's list" in joined and "[[" not in joined
    assert "Take the bins out" in joined and "Wi-Fi: Novak-Gost, password Sonce<3Gora" in joined
    assert "router admin: 192.168.1.1" in joined
    for gone in ("#format", "#acl", "keep this page short", "TableOfContents", "<<", "'''", "CategoryHome", "tablewidth"):
        assert gone not in joined, gone
    # Each line cites the revision file's own line.
    assert next(n for n, _, t in got if t.startswith("Plumber")) == HOUSE_V2.splitlines().index("||Plumber||01 555 7770||") + 1


def test_page_names_titles_and_dates(tmp_path):
    pages = tmp_path / "data" / "pages"
    assert moinmoin.page_name("Journal(2f)2026(2d)11(2d)21") == "Journal/2026-11-21"
    assert moinmoin.page_name("Ko(c5a1)arka") == "Košarka"
    # No heading of its own: the page's name, CamelCase spaced; dated by the edit log's day of
    # the current revision (not of the first).
    bins = _page(pages, "BinDays", ["Paper on Tuesdays.\n", "Paper on Tuesdays, plastic on Fridays.\n"],
                 stamps=[1700000000_000000, 1788000000_000000])
    parsed = parsers.parse(bins, bins.read_bytes())
    assert [b.title for b in parsed.blocks if b.kind == "heading"] == ["Bin Days"]
    assert parsed.written == "2026-08-29"
    # A journal page is dated by the day its name says, not by a later edit.
    day = _page(pages, "Journal(2f)2026(2d)10(2d)14", ["The boiler was serviced.\n"], stamps=[1790000000_000000])
    assert parsers.parse(day, day.read_bytes()).written == "2026-10-14"
    # A page whose headings name one day is dated by it.
    visit = _page(pages, "BoilerVisit", ["= 14 October 2026 =\nThe boiler was serviced.\n"], stamps=[1793000000_000000])
    assert parsers.parse(visit, visit.read_bytes()).written == "2026-10-14"


def test_the_wikis_own_files_say_nothing(tmp_path):
    root = tmp_path / "moin"
    pages = root / "data" / "pages"
    current = _page(pages, "OurFlat", [HOUSE_V1, HOUSE_V2])
    page = current.parent.parent
    (page / "cache").mkdir()
    (page / "cache" / "text_html").write_text("<p>Rent is 580 EUR</p>", encoding="utf-8")
    (root / "data" / "edit-log").write_text(_log([(1780000000_000000, "00000001")]), encoding="utf-8")
    (root / "wikiconfig.py").write_text("from MoinMoin.config import multiconfig\nsitename = u'Home'\n", encoding="utf-8")
    category = _page(pages, "CategoryHome", ["#format wiki\n<<FullSearch(CategoryHome)>>\n"])
    for path in (page / "current", page / "edit-log", page / "cache" / "text_html", root / "data" / "edit-log",
                 root / "wikiconfig.py", category):
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.nothing and not parsed.blocks, path


def test_other_files_are_not_claimed(tmp_path):
    # A revisions folder outside a MoinMoin page folder (no `current` beside it), a plain edit-log
    # and another project's wikiconfig.py are not MoinMoin's.
    other = tmp_path / "notes" / "revisions"
    other.mkdir(parents=True)
    (other / "00000001").write_text("Rent is 580 EUR.\n", encoding="utf-8")
    assert not moinmoin.looks_like_moin(other / "00000001", ["Rent is 580 EUR."])
    assert not moinmoin.looks_like_moin(tmp_path / "edit-log", ["fixed the bike on Monday"])
    assert not moinmoin.looks_like_moin(tmp_path / "wikiconfig.py", ["sitename = 'Home'"])
    assert [t for _, _, t in _statements(other / "00000001")] == ["Rent is 580 EUR."]


def test_a_moin_folder_indexes_only_what_the_pages_say_now(make_memory, tmp_path):
    root = tmp_path / "moin"
    _page(root / "data" / "pages", "OurFlat", [HOUSE_V1, HOUSE_V2])
    (root / "data" / "edit-log").write_text(_log([(1780000000_000000, "00000001")]), encoding="utf-8")
    mem = make_memory()
    mem.index([root])
    texts = [s.text for s in mem.iter_statements()]
    assert any("580 EUR" in t for t in texts) and not any("520 EUR" in t for t in texts)
    assert not any("SAVE" in t or t.strip() == "00000002" for t in texts)
