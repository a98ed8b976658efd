"""A household site kept with Pelican is read as what it says: the metadata header's Title heads
the page, its listing blurb (Summary) and filing keys (Category, Tags, Slug) are left out, and the page is dated by its Date/Modified (else its file's name), so an article's new
value can be told newer than a page's old one. Markdown that only mentions "Title:" reads as before."""
from __future__ import annotations

from pathlib import Path

from memory import parsers
from memory.statements import parse_statements

ARTICLE = """\
Title: Letter from the landlord
Date: 2026-11-12 20:50
Category: Journal
Tags: home, money
Slug: rent-letter
Summary: The rent goes up.

The landlord came by with the new contract.

Rent: EUR 910 a month from 1 December 2026.

    :::bash
    rsync -a output/ nas:/srv/site/
"""

PAGE = """\
Title: Money
Slug: money
Date: 2025-02-13
Modified: 2025-06-01

## Accounts

Rent: EUR 870 a month, standing order at the credit union.
"""


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def _write(tmp_path: Path, rel: str, text: str) -> Path:
    path = tmp_path / "site" / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_an_article_s_metadata_titles_and_dates_it_and_its_filing_keys_are_left_out(tmp_path):
    article = _write(tmp_path, "journal/2026-11-12-rent.md", ARTICLE)
    assert parsers.parse(article, article.read_bytes()).written == "2026-11-12"
    got = _statements(article)
    assert (10, "Letter from the landlord", "Rent: EUR 910 a month from 1 December 2026.") in got
    text = " ".join(t for _, _, t in got)
    for gone in ("Slug", "rent-letter", "Category", "Journal", "Tags", "Title:", ":::bash", "goes up"):
        assert gone not in text


def test_a_page_is_dated_by_the_later_of_date_and_modified(tmp_path):
    page = _write(tmp_path, "pages/money.md", PAGE)
    parsed = parsers.parse(page, page.read_bytes())
    assert parsed.written == "2025-06-01"
    assert (8, "Money > Accounts", "Rent: EUR 870 a month, standing order at the credit union.") in _statements(page)
    undated = _write(tmp_path, "journal/2026-10-08-appraisal.md", "Title: Appraisal\nCategory: Journal\n\nPromoted today.\n")
    assert parsers.parse(undated, undated.read_bytes()).written == "2026-10-08"  # by its file name


def test_markdown_that_only_mentions_a_title_reads_as_before(tmp_path):
    # Not a metadata header: a key Pelican does not know, or no blank line closing Title alone.
    note = tmp_path / "film.md"
    note.write_text("Title: Perfect Days\nDirector: Wim Wenders\n\nSeen at the Cinémathèque.\n")
    assert [t for _, _, t in _statements(note)][:1] == ["Title: Perfect Days"]
    alone = tmp_path / "book.md"
    alone.write_text("Title: Dune\n\nLent to Ana.\n")
    assert parsers.parse(alone, alone.read_bytes()).written == ""
    assert any("Dune" in t for _, _, t in _statements(alone))


def test_a_pelican_site_indexes_its_articles_dated(make_memory, tmp_path):
    _write(tmp_path, "pages/money.md", PAGE)
    _write(tmp_path, "journal/2026-11-12-rent.md", ARTICLE)
    mem = make_memory()
    mem.index([tmp_path / "site"])
    days = {s.text: s.written for s in mem.iter_statements()}
    assert days["Rent: EUR 910 a month from 1 December 2026."] == "2026-11-12"
    assert days["Rent: EUR 870 a month, standing order at the credit union."] == "2025-06-01"
    assert not any("Slug" in t for t in days)
