"""An mdBook's chapters are notes; its `book.toml` (settings) and `src/SUMMARY.md` (every chapter's
title, in order) are not: read as notes they answered "Home: Cars" beside the chapter itself. A
SUMMARY.md outside a book is an ordinary page."""
from __future__ import annotations

from pathlib import Path

from memory import parsers
from memory.statements import parse_statements

TOML = '[book]\ntitle = "Household book"\nsrc = "src"\n\n[output.html.search]\nboost-title = 2\n'
SUMMARY = "# Summary\n\n[Introduction](README.md)\n\n# Home\n\n- [Cars](home/cars.md)\n- [Money](home/money.md)\n"


def _book(tmp_path: Path) -> Path:
    root = tmp_path / "book"
    (root / "src" / "home").mkdir(parents=True)
    (root / "book.toml").write_text(TOML)
    (root / "src" / "SUMMARY.md").write_text(SUMMARY)
    (root / "src" / "home" / "cars.md").write_text("# Cars\n\nThe Golf's plate is KR 4412.\n")
    return root


def test_the_settings_and_the_table_of_contents_are_not_notes(tmp_path):
    root = _book(tmp_path)
    for path in (root / "book.toml", root / "src" / "SUMMARY.md"):
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "mdBook" in parsed.nothing


def test_a_summary_outside_a_book_is_an_ordinary_page(tmp_path):
    page = tmp_path / "notes" / "SUMMARY.md"
    page.parent.mkdir()
    page.write_text("# Summary of the year\n\nWe moved to Paro in March.\n")
    assert any("Paro" in s.text for s in parse_statements(page, page.read_bytes()))


def test_a_book_indexes_only_its_chapters(make_memory, tmp_path):
    mem = make_memory()
    mem.index([_book(tmp_path)])
    texts = [s.text for s in mem.iter_statements()]
    assert any("KR 4412" in t for t in texts)
    assert not any("boost-title" in t or "Money" in t or "Introduction" in t for t in texts)
