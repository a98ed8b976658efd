"""A notebook kept as an Eleventy site or a Docsify site is read as what its pages say: an Eleventy
page's title a heading and its generator keys left out, its templates and folder data files nothing,
its `_data/` JSON read as data; Docsify's sidebar, navbar and cover page nothing; a hand-kept page's
"Last updated" line its date."""
from __future__ import annotations

import json
from pathlib import Path

from memory import parsers
from memory.statements import parse_statements
from tests.memory.files import write_files

PAGE = """\
---
title: Cars
updated: 2026-11-18
tags: [car]
eleventyExcludeFromCollections: false
---

## Fiat Punto (mine)

- Plates: PG BK 417, grey, 2014.
"""

POST = """\
---
title: Promotion
tags: [journal]
---

New salary: 1.420 € net.
"""

LAYOUT = """\
---
layout: layouts/base.njk
---
<article class="post">
  <h1>{{ title }}</h1>
  {{ content | safe }}
</article>
"""

CONTACTS = """\
---
layout: layouts/page.njk
title: Kontakti
---
<table>
  {% for c in contacts %}
    <tr><td>{{ c.name }}</td><td>{{ c.phone }}</td></tr>
  {% endfor %}
</table>
"""

ABOUT = """\
---
title: About
---
<h1>About these notes</h1>
<p>Backups go to the USB stick in the drawer once a month.</p>
<p>The spare key is with Mirjana.</p>
"""


def _eleventy(tmp_path: Path) -> Path:
    return write_files(tmp_path / "notes", {".eleventy.js": "module.exports = function (eleventyConfig) {};\n", "pages/car.md": PAGE,
                                            "posts/2026-10-15-promotion.md": POST, "posts/posts.json": '{"layout": "layouts/post.njk", "tags": ["journal"]}\n',
                                            "_includes/layouts/post.njk": LAYOUT, "pages/contacts.njk": CONTACTS, "pages/about.njk": ABOUT,
                                            "_data/contacts.json": json.dumps([{"name": "Vido Lalic", "phone": "068 302 786"},
                                                                               {"name": "Ana Vuk", "phone": "067 111 222"}], indent=2)})


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def test_an_eleventy_page_is_titled_and_dated_and_its_keys_left_out(tmp_path):
    car = _eleventy(tmp_path) / "pages" / "car.md"
    assert parsers.parse(car, car.read_bytes()).written == "2026-11-18"
    got = _statements(car)
    assert (10, "Cars > Fiat Punto (mine)", "Fiat Punto (mine): Plates: PG BK 417, grey, 2014.") in got
    texts = " ".join(t for _, _, t in got)
    for gone in ("title:", "updated", "tags", "eleventyExcludeFromCollections"):
        assert gone not in texts
    post = tmp_path / "notes" / "posts" / "2026-10-15-promotion.md"
    assert parsers.parse(post, post.read_bytes()).written == "2026-10-15"  # no date key: its file's day


def test_templates_and_folder_data_are_not_notes_and_global_data_is(tmp_path):
    root = _eleventy(tmp_path)
    for rel in ("_includes/layouts/post.njk", "pages/contacts.njk", "posts/posts.json"):
        parsed = parsers.parse(root / rel, (root / rel).read_bytes())
        assert parsed.blocks == [] and parsed.nothing, rel
    about = _statements(root / "pages" / "about.njk")  # a template with words of its own reads as HTML
    assert any("The spare key is with Mirjana." in t for _, _, t in about)
    assert any("068 302 786" in t for _, _, t in _statements(root / "_data" / "contacts.json"))


def test_a_docsify_sites_navigation_is_not_notes_and_a_last_updated_line_dates_a_page(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "index.html").write_text("<script>window.$docsify = {loadSidebar: true}</script>\n")
    (root / "_sidebar.md").write_text("- [Home](/)\n- [Car](car/)\n")
    (root / "car").mkdir()
    (root / "car" / "README.md").write_text("# Car\n\n_Last updated: 10/03/2026_\n\n- Insurance: Swan, renewed every March.\n")
    sidebar = parsers.parse(root / "_sidebar.md", (root / "_sidebar.md").read_bytes())
    assert sidebar.blocks == [] and "Docsify" in sidebar.nothing
    assert parsers.parse(root / "car" / "README.md", (root / "car" / "README.md").read_bytes()).written == "2026-03-10"
    # Outside a Docsify site a _sidebar.md is a page (a GitHub wiki's sidebar says what it says).
    other = tmp_path / "wiki" / "_sidebar.md"
    other.parent.mkdir()
    other.write_text("- Wi-Fi password: kettle-14\n")
    assert parsers.parse(other, other.read_bytes()).nothing == ""


def test_a_last_updated_line_reads_the_month_first_only_when_the_page_does():
    from memory.updated import last_updated
    assert last_updated(["# Money", "", "Last updated: 04/11/2026"]) == "2026-11-04"
    assert last_updated(["# Money", "Last updated: 04/11/2026", "Paid 12/31/2026"]) == "2026-04-11"
    assert last_updated(["# Money", "## Log", "Last updated: 2026-11-04"]) == ""  # under a section: something the page tells


def test_a_gollum_wikis_sidebar_footer_and_template_are_not_notes(tmp_path):
    wiki = tmp_path / "wiki"
    (wiki / "Journal").mkdir(parents=True)
    (wiki / "Home.md").write_text("# Home\n\nMy wiki.\n")
    for rel, text in {"_Sidebar.md": "- [[Home]]\n- [[Family]]\n", "_Footer.md": "Back to [[Home]]\n",
                      "_Template.md": "# Page title\n\n_Last edited: DD/MM/YYYY_\n", "Journal/_Sidebar.md": "- [[2026-05-02]]\n"}.items():
        path = wiki / rel
        path.write_text(text)
        parsed = parsers.parse(path, path.read_bytes())
        assert parsed.blocks == [] and "Gollum" in parsed.nothing, rel
    loose = tmp_path / "notes" / "_Footer.md"  # no wiki around it: a page like any other
    loose.parent.mkdir()
    loose.write_text("Alarm code: 4471\n")
    assert parsers.parse(loose, loose.read_bytes()).nothing == ""


def test_a_vuepress_page_is_titled_and_dated_and_its_keys_left_out(tmp_path):
    docs = tmp_path / "site" / "docs"
    (docs / ".vuepress").mkdir(parents=True)
    (docs / ".vuepress" / "config.js").write_text("export default {}\n")
    (docs / "journal").mkdir()
    post = docs / "journal" / "2026-11-14-rent.md"
    post.write_text("---\ntitle: Rent and salary\ndate: 2026-11-14\ntags: [money]\n---\n\nSalary: SRD 23.750 net from November.\n")
    assert parsers.parse(post, post.read_bytes()).written == "2026-11-14"
    got = _statements(post)
    assert (7, "Rent and salary", "Salary: SRD 23.750 net from November.") in got
    assert not any("tags" in t or "title:" in t for _, _, t in got)


def test_a_vuepress_page_is_dated_by_its_last_checked_box(tmp_path):
    """A topic page without a date in its front matter carries "::: info Last checked" over the
    day it was last checked: that day dates it (day first, as the page writes its dates)."""
    docs = tmp_path / "site" / "docs"
    (docs / ".vuepress").mkdir(parents=True)
    page = docs / "kids.md"
    page.write_text("---\ntitle: Kids\n---\n\n# Kids\n\n::: info Last checked\n30-03-2026\n:::\n\n## Jaden\n\n- Swimming on Tuesday.\n")
    assert parsers.parse(page, page.read_bytes()).written == "2026-03-30"
    # A box about something else dates nothing.
    page.write_text("---\ntitle: Kids\n---\n\n# Kids\n\n::: tip Pick-up\n17:30 at the gate\n:::\n\n- Swimming on Tuesday.\n")
    assert parsers.parse(page, page.read_bytes()).written == ""


def test_an_astro_collection_entry_is_titled_and_dated_and_its_components_are_code(tmp_path):
    site = tmp_path / "yard-notes"
    (site / "src" / "content" / "journal").mkdir(parents=True)
    (site / "src" / "pages").mkdir(parents=True)
    (site / "astro.config.mjs").write_text("import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n")
    post = site / "src" / "content" / "journal" / "2026-10-03-rent.md"
    post.write_text("---\ntitle: Rent\npubDate: 2026-10-03T16:20:00.000Z\nmood: ok\n---\n\nRent: J$95,000 from October.\n")
    assert parsers.parse(post, post.read_bytes()).written == "2026-10-03"
    got = _statements(post)
    assert (7, "Rent", "Rent: J$95,000 from October.") in got
    assert not any("pubDate" in t or "title:" in t for _, _, t in got)
    page = site / "src" / "content" / "notes" / "home.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Home\nupdatedDate: 2026-02-21T15:02:30.000Z\n---\n\nLandlord: Mr. Dacres.\n")
    assert parsers.parse(page, page.read_bytes()).written == "2026-02-21"
    component = site / "src" / "pages" / "index.astro"
    component.write_text("---\nconst notes = await getCollection('notes');\n---\n<BaseLayout title=\"Home\">{notes.map((n) => n.data.title)}</BaseLayout>\n")
    manifest = site / "package.json"
    manifest.write_text('{"name": "yard-notes", "scripts": {"dev": "astro dev"}}\n')
    assert _statements(component) == [] and _statements(manifest) == []
    # Outside an Astro site (no config above) a page with front matter is read as a vault page is.
    loose = tmp_path / "other" / "src" / "content" / "home.md"
    loose.parent.mkdir(parents=True)
    loose.write_text("---\ntitle: Home\n---\n\nLandlord: Mr. Dacres.\n")
    assert parsers.parse(loose, loose.read_bytes()).written == ""
