"""A notebook kept as a Zola site (or Hugo pages under `+++`) is read as what its pages say: the
title a heading, the site's keys and shortcodes left out, a page's [extra] values "Key: value", each
page dated by its date/updated (else its post folder's day). The site's config.toml is settings."""
from __future__ import annotations

from pathlib import Path

from memory import parsers
from memory.statements import parse_statements
from tests.memory.files import write_files

FLAT = """\
+++
title = "The flat"
description = "Rent, bills and the landlord"
date = 2025-09-01
updated = 2026-04-15  # after the new contract
weight = 10
[taxonomies]
tags = ["home", "money"]
[extra]
landlord_phone = "0555 20 47 13"
+++

- Rent: 38 000 som a month, cash on the 1st.

{% note(kind="info") %}
Meter readings go in on the 20th.
{% end %}

{{ youtube(id="k3Vb7QmZ2pE") }}
<!-- more -->
## Bills {#bills}

- Electricity: Severelectro, account 4021137.
"""

POST = """\
+++
title = "November things"
[taxonomies]
tags = ["home"]
+++

Rent: 42 000 som from November.
"""

CONFIG = """\
base_url = "http://127.0.0.1:1111"
title = "My notebook"
compile_sass = true
build_search_index = true

[extra]
author = "Someone"
"""

TIPS = """\
+++
title = "Zola tips"
+++

```
{% note(kind="warning") %}
```
"""


def _site(tmp_path: Path) -> Path:
    return write_files(tmp_path / "notebook", {"content/home/flat.md": FLAT, "content/journal/2026-11-02-november/index.md": POST,
                                               "config.toml": CONFIG, "content/notes/tips.md": TIPS})


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def test_a_page_is_titled_and_dated_and_the_site_s_keys_are_left_out(tmp_path):
    flat = _site(tmp_path) / "content" / "home" / "flat.md"
    assert parsers.parse(flat, flat.read_bytes()).written == "2026-04-15"  # the later of date and updated
    got = _statements(flat)
    assert (13, "The flat", "The flat: Rent: 38 000 som a month, cash on the 1st.") in got
    assert (10, "The flat", "The flat: landlord phone: 0555 20 47 13") in got  # [extra] is the page's own data
    assert (23, "The flat > Bills", "Bills: Electricity: Severelectro, account 4021137.") in got
    texts = " ".join(t for _, _, t in got)
    for gone in ("+++", "weight", "taxonomies", "tags", "Rent, bills and the landlord", "description", "youtube",
                 "{%", "{#bills}", "more"):
        assert gone not in texts


def test_what_a_shortcode_wraps_stays_and_its_tags_go(tmp_path):
    flat = _site(tmp_path) / "content" / "home" / "flat.md"
    got = _statements(flat)
    assert (16, "The flat", "Meter readings go in on the 20th.") in got
    assert not any("note(" in t or "end %" in t for _, _, t in got)


def test_a_post_without_a_date_is_dated_by_its_folder(tmp_path):
    post = _site(tmp_path) / "content" / "journal" / "2026-11-02-november" / "index.md"
    assert parsers.parse(post, post.read_bytes()).written == "2026-11-02"
    assert (7, "November things", "Rent: 42 000 som from November.") in _statements(post)


def test_a_shortcode_inside_a_code_block_stays_code(tmp_path):
    tips = _site(tmp_path) / "content" / "notes" / "tips.md"
    parsed = parsers.parse(tips, tips.read_bytes())
    assert (6, '{% note(kind="warning") %}') in [line for b in parsed.blocks for line in b.lines]


def test_the_site_s_config_is_settings_and_a_toml_file_elsewhere_is_not(tmp_path):
    config = _site(tmp_path) / "config.toml"
    parsed = parsers.parse(config, config.read_bytes())
    assert parsed.blocks == [] and "Zola" in parsed.nothing
    other = tmp_path / "tools" / "config.toml"
    other.parent.mkdir()
    other.write_text('[server]\nport = 8080\nowner = "Ana"\n')
    assert parsers.parse(other, other.read_bytes()).nothing == ""


def test_markdown_that_only_shows_a_plus_rule_reads_as_before(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Intro\n+++\nRent: 5 a month\n+++\n")
    assert any("Rent: 5 a month" in t for _, _, t in _statements(page))
    assert parsers.parse(page, page.read_bytes()).written == ""


def test_the_site_s_templates_are_not_notes_and_an_html_note_is(tmp_path):
    template = tmp_path / "notebook" / "templates" / "section.html"
    template.parent.mkdir(parents=True)
    template.write_text('{% extends "base.html" %}\n{% block content %}\n<h1>{{ section.title }}</h1>\n'
                        "<ul>{% for page in section.pages %}\n<li>{{ page.title }}</li>\n{% endfor %}</ul>\n"
                        "<p>Latest first</p>\n{% endblock content %}\n")
    parsed = parsers.parse(template, template.read_bytes())
    assert parsed.blocks == [] and "template" in parsed.nothing
    note = tmp_path / "saved" / "recipe.html"
    note.parent.mkdir()
    note.write_text("<html><body><h1>Boorsok</h1><p>Flour: 1 kg.</p><p>Milk: 500 ml.</p>"
                    "<p>Shown as {{ dough }} in the app.</p></body></html>\n")
    assert any("Flour: 1 kg." in t for _, _, t in _statements(note))
