"""A household wiki kept in PmWiki is read from its `wiki.d/` page files as what the pages say:
the one `text=` line decoded (%0a, %25, %3c...), `!` headings as headings, `*`/`#` lists, `||`
table rows under their column names, links as their text, markup unwrapped, `{-deleted-}` text
left out; the title from `(:title:)` (else the page's name); history and bookkeeping lines never
read; dated by `time=`, a journal page by the day in its name; PmWiki's own pages say nothing, and
a page file with no text is said in a warning."""
from __future__ import annotations

from pathlib import Path

from memory import parsers, pmwiki
from memory.statements import parse_statements

HOUSE_MARKUP = """\
(:title Our flat in Graz:)
(:toc:)
(:comment keep this page short:)
%red%Read this first!%%
! Flat
The flat is at '''Annenstraße 12''', 3rd floor; rent is ''€ 1,140'' a month (100% of it by standing order).

Landlord: [[Main/LandlordDetails | Herr Pichler]], see also [[Main.BinDays]] and [[Boiler notes -> Main/Boiler]].
Water meter reading goes to {-Stadtwerke-}{+Holding Graz+} every January.\\\\
The code for the bike room is @@4471@@.
----
!! Bins
* Paper: every second Tuesday
** the blue bin by the gate
* Plastic: every Friday
# Take the bins out
## the evening before
# Bring them back in
:Wi-Fi:Pichler-Gast, password [@Sonne<3Berg@]
->Spare key is with Frau Lang on the 2nd floor.
[[#contacts]]
!!! Contacts
||border=1 cellpadding=4
||! Name ||! Role ||! Phone ||
|| Frau Lang || neighbour || 0316 555 120 ||
|| Herr Pichler || landlord || 0664 555 9081 ||
(:if auth edit:)[[Site.SideBar|edit the side bar]](:if:)
"""


def _encode(markup: str) -> str:
    return markup.replace("%", "%25").replace("<", "%3c").replace("\n", "%0a")


def _page(root: Path, name: str, markup: str | None, time: int = 1788000000, extra: str = "") -> Path:
    """A page file as PmWiki writes it: bookkeeping, the text on one line, then its history."""
    lines = ["version=pmwiki-2.3.36 ordered=1 urlencoded=1", "agent=Mozilla/5.0", "author=Vera",
             "charset=UTF-8", "csum=bins", "ctime=1700000000", "host=10.0.0.7", f"name={name}", "rev=12",
             "targets=Main.BinDays,Main.Boiler"]
    if markup is not None:
        lines.append("text=" + _encode(markup))
    lines.append(f"time={time}")
    lines += [f"author:{time}=Vera", f"csum:{time}=bins",
              f"diff:{time}:1700000000:=3c3%0a%3c The old landlord was Herr Maier.%0a---%0a> gone%0a",
              f"host:{time}=10.0.0.7"]
    path = root / name
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def test_page_files_are_recognised_by_their_first_line_whatever_their_name():
    page = ["version=pmwiki-2.3.36 ordered=1 urlencoded=1", "name=Main.Flat", "text=Hello"]
    assert pmwiki.looks_like_pmwiki(Path("Main.Flat"), page)
    assert pmwiki.looks_like_pmwiki(Path("anything.txt"), page)
    # Without the version line: key=value lines holding a page name and a text.
    assert pmwiki.looks_like_pmwiki(Path("Main.Flat"), ["name=Main.Flat", "text=Hello%0aWorld", "time=1"])
    # Ordinary text, and key=value files that are not pages, stay what they are.
    assert not pmwiki.looks_like_pmwiki(Path("Main.Flat"), ["Notes on the flat", "text=Hello", "name=Main.Flat"])
    assert not pmwiki.looks_like_pmwiki(Path("settings.ini"), ["name=Vera", "text=hello", "colour=blue"])
    assert not pmwiki.looks_like_pmwiki(Path("x"), [])


def test_headings_lists_links_and_markup(tmp_path):
    path = _page(tmp_path, "Main.Flat", HOUSE_MARKUP)
    parsed = parsers.parse(path, path.read_bytes())
    assert parsed.kind == "markdown" and not parsed.warnings and not parsed.nothing
    text_line = 11  # the text= line: every line of the page lies on it
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [(text_line, 1, "Our flat in Graz"), (text_line, 1, "Flat"), (text_line, 2, "Bins"),
                        (text_line, 3, "Contacts")]
    got = _statements(path)
    assert {line for line, _, _ in got} == {text_line}
    texts = [t for _, _, t in got]
    joined = " ".join(texts)
    assert "The flat is at Annenstraße 12, 3rd floor; rent is € 1,140 a month (100% of it by standing order)." in joined
    assert "Landlord: Herr Pichler, see also Bin Days and Boiler notes." in joined
    assert "Water meter reading goes to Holding Graz every January." in joined
    assert "The code for the bike room is 4471." in joined
    assert "Read this first!" in joined
    topics = [(topic, t) for _, topic, t in got]
    assert ("Flat > Bins", "Bins: Paper: every second Tuesday") in topics
    assert ("Flat > Bins > Paper", "Paper: the blue bin by the gate") in topics  # ** nested under *
    assert ("Flat > Bins", "Take the bins out") in topics  # an item over items reads as their topic
    assert ("Flat > Bins > Take the bins out", "Take the bins out: the evening before") in topics
    assert ("Flat > Bins", "Bins: Bring them back in") in topics
    assert "Wi-Fi: Pichler-Gast, password Sonne<3Berg" in joined  # [@ @] kept as written
    assert "Spare key is with Frau Lang on the 2nd floor." in texts
    for gone in ("Stadtwerke", "'''", "''", "@@", "[[", "(:", "%red%", "%%", "----", "contacts]", "toc",
                 "keep this page short", "||", "border=1", "->", "Herr Maier", "Vera", "10.0.0.7", "bins\n"):
        assert gone not in joined, gone


def test_table_rows_are_read_under_their_column_names(tmp_path):
    path = _page(tmp_path, "Main.Flat", HOUSE_MARKUP)
    got = [(topic, t) for _, topic, t in _statements(path)]
    assert ("Flat > Bins > Contacts", "Name: Frau Lang; Role: neighbour; Phone: 0316 555 120") in got
    assert ("Flat > Bins > Contacts",
            "Name: Herr Pichler; Role: landlord; Phone: 0664 555 9081") in got
    # Two columns and no header row: "name: value".
    plain = _page(tmp_path, "Main.Numbers", "||Plumber ||0316 555 777 ||\n||Vet ||0316 555 888 ||\n")
    texts = [t for _, _, t in _statements(plain)]
    assert "Plumber: 0316 555 777" in texts and "Vet: 0316 555 888" in texts


def test_title_from_the_page_name_and_dates(tmp_path):
    # No (:title:): the page's name, its CamelCase words spaced; dated by time= (its last change).
    path = _page(tmp_path, "Main.BinDays", "Paper on Tuesdays.\n", time=1788000000)
    parsed = parsers.parse(path, path.read_bytes())
    assert [b.title for b in parsed.blocks if b.kind == "heading"] == ["Bin Days"]
    assert parsed.written == "2026-08-29"
    # A journal page is dated by the day its name says, not by a later edit.
    journal = _page(tmp_path, "Journal.2026-10-14", "!! Wednesday\nThe boiler was serviced.\n", time=1790000000)
    assert parsers.parse(journal, journal.read_bytes()).written == "2026-10-14"
    diary = _page(tmp_path, "Diary.20261103", "Rent paid.\n", time=1790000000)
    assert parsers.parse(diary, diary.read_bytes()).written == "2026-11-03"
    # A page whose heading names one day is dated by it.
    entry = _page(tmp_path, "Journal.BoilerVisit", "!! 14/10/2026\nThe boiler was serviced.\n", time=1793000000)
    assert parsers.parse(entry, entry.read_bytes()).written == "2026-10-14"


def test_pmwikis_own_pages_and_files_say_nothing(tmp_path):
    recent = _page(tmp_path, "Main.RecentChanges", "* [[Main.Flat]] . . . October 14, 2026 by Vera\n")
    parsed = parsers.parse(recent, recent.read_bytes())
    assert parsed.nothing == "PmWiki's list of recent edits, not notes" and not parsed.blocks
    site = _page(tmp_path, "Site.EditForm", "(:input e_form:)\n")
    assert parsers.parse(site, site.read_bytes()).nothing
    side = _page(tmp_path, "Main.SideBar", "* [[Main/Flat]]\n* [[Main/BinDays | Bins]]\n")
    assert parsers.parse(side, side.read_bytes()).nothing
    wikid = tmp_path / "wiki.d"
    wikid.mkdir()
    for name, body in ((".flock", b""), (".lastmod", b""), (".pageindex", b"Main.Flat:Main.BinDays: flat graz\n")):
        (wikid / name).write_bytes(body)
        parsed = parsers.parse(wikid / name, body)
        assert parsed.nothing and not parsed.blocks, name


def test_a_page_file_without_text_is_warned_and_nothing_invented(tmp_path):
    path = _page(tmp_path, "Main.Broken", None)
    parsed = parsers.parse(path, path.read_bytes())
    assert any("text=" in w for w in parsed.warnings)
    assert parsed.nothing and not parsed.blocks
    # Other text files are not claimed.
    other = tmp_path / "Main.Notes"
    other.write_text("Notes on the flat\nversion=pmwiki-2 is what the server runs\n", encoding="utf-8")
    parsed = parsers.parse(other, other.read_bytes())
    assert not parsed.nothing and any("Notes on the flat" in t for _, _, t in _statements(other))
