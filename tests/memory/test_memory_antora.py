"""An Antora site kept as a household book (memory/antora.py); all examples made up."""
from __future__ import annotations

from memory import parsers
from memory.statements import parse_statements


def _texts(path):
    return [(s.line, s.text) for s in parse_statements(path, path.read_bytes())]


def _site(tmp_path):
    docs = tmp_path / "home-book" / "docs"
    pages = docs / "modules" / "ROOT" / "pages"
    pages.mkdir(parents=True)
    (docs / "modules" / "ROOT" / "partials").mkdir()
    (docs / "antora.yml").write_text("name: home\ntitle: Home Book\nversion: ~\nstart_page: ROOT:index.adoc\nnav:\n- modules/ROOT/nav.adoc\n")
    (docs.parent / "antora-playbook.yml").write_text("site:\n  title: Home Book\ncontent:\n  sources:\n  - url: .\n    start_path: docs\nui:\n  bundle:\n    url: ./ui.zip\n")
    (docs / "modules" / "ROOT" / "nav.adoc").write_text("* xref:index.adoc[Start]\n* Household\n** xref:home.adoc[House]\n")
    return docs, pages


def test_the_descriptor_the_playbook_and_the_navigation_are_not_notes(tmp_path):
    docs, _ = _site(tmp_path)
    for path in (docs / "antora.yml", docs.parent / "antora-playbook.yml", docs / "modules" / "ROOT" / "nav.adoc"):
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "Antora" in parsed.nothing, path.name
    # A YAML file of one's own that happens to sit in such a site is read.
    own = docs / "contacts.yml"
    own.write_text("name: Andry\nphone: 034 12 345 67\n")
    assert parsers.parse(own, own.read_bytes()).nothing == ""


def test_a_page_is_dated_by_its_revdate_and_its_includes_are_left_out(tmp_path):
    _, pages = _site(tmp_path)
    home = pages / "home.adoc"
    home.write_text("= House\n:page-revdate: 02/03/2026\n\ninclude::partial$review-note.adoc[]\n\nLandlord: M. Andry, lives in Ivandry.\n")
    assert parsers.parse(home, home.read_bytes()).written == "2026-03-02"
    got = _texts(home)
    assert (6, "Landlord: M. Andry, lives in Ivandry.") in got and not any("include::" in t for _, t in got)
    iso = pages / "car.adoc"
    iso.write_text("= Cars\n:revdate: 2026-11-20\n\nPlate: 5127 TBK\n")
    assert parsers.parse(iso, iso.read_bytes()).written == "2026-11-20"
