"""A handbook kept as an MkDocs site (Material's blog among its pages) is read as what it says: the
front matter's title a heading and its filing keys left out, an admonition's title heading its own
dedented lines only, the blog's excerpt mark left out; a post dated by its nested `created` /
`updated` days or its file name, so a newer post is a newer version. `mkdocs.yml` is settings."""
from __future__ import annotations

from pathlib import Path

from memory import parsers
from memory.statements import parse_statements

PAGE = """\
---
title: Flat
tags:
  - home
---

## Heating

The boiler is a Vaillant ecoTEC, serviced every May.

!!! warning "Gas meter"
    The meter is in the cupboard under the stairs.
    Reading it is a job for the first of the month.

The radiator key hangs by the fuse box.

??? note
    Nothing else to say here.
"""

POST = """\
---
date:
  created: 2026-10-02
  updated: 2026-10-05
categories:
  - Home
authors:
  - me
---

# New cleaner

From this week the cleaner is Sofia Matos, on Thursdays.

<!-- more -->

She has the spare key.
"""


def _site(tmp_path: Path) -> Path:
    root = tmp_path / "handbook"
    (root / "docs" / "blog" / "posts").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Handbook\ntheme:\n  name: material\nplugins:\n  - blog\n")
    (root / "docs" / "flat.md").write_text(PAGE)
    (root / "docs" / "blog" / "posts" / "2026-10-02-cleaner.md").write_text(POST)
    (root / "docs" / "blog" / ".authors.yml").write_text("authors:\n  me:\n    name: Me\n")
    return root


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def test_a_page_s_front_matter_titles_it_and_an_admonition_heads_only_its_own_lines(tmp_path):
    page = _site(tmp_path) / "docs" / "flat.md"
    got = _statements(page)
    assert (9, "Flat > Heating", "The boiler is a Vaillant ecoTEC, serviced every May.") in got
    assert (12, "Flat > Heating > Gas meter", "The meter is in the cupboard under the stairs.") in got
    # After the admonition the lines are the section's again.
    assert (15, "Flat > Heating", "The radiator key hangs by the fuse box.") in got
    assert (18, "Flat > Heating", "Nothing else to say here.") in got  # no title: no heading of its own
    text = " ".join(t for _, _, t in got)
    assert "tags" not in text and "home" not in text and "!!!" not in text and "???" not in text


def test_a_blog_post_is_dated_by_its_nested_days_and_its_excerpt_mark_is_left_out(tmp_path):
    post = _site(tmp_path) / "docs" / "blog" / "posts" / "2026-10-02-cleaner.md"
    parsed = parsers.parse(post, post.read_bytes())
    assert parsed.written == "2026-10-05"  # the later of created and updated
    got = _statements(post)
    assert [t for _, _, t in got] == ["From this week the cleaner is Sofia Matos, on Thursdays.", "She has the spare key."]
    assert all(topic == "New cleaner" for _, topic, _ in got)
    undated = post.with_name("2026-11-20-boiler.md")
    undated.write_text("# Boiler\n\nThe boiler was serviced.\n")
    assert parsers.parse(undated, undated.read_bytes()).written == "2026-11-20"  # by its file name


def test_the_site_settings_are_not_notes_and_markdown_outside_a_site_reads_as_before(tmp_path):
    root = _site(tmp_path)
    for settings in (root / "mkdocs.yml", root / "docs" / "blog" / ".authors.yml"):
        parsed = parsers.parse(settings, settings.read_bytes())
        assert parsed.blocks == [] and "MkDocs" in parsed.nothing
    loose = tmp_path / "elsewhere" / "flat.md"
    loose.parent.mkdir()
    loose.write_text(PAGE)
    texts = [t for _, _, t in _statements(loose)]
    assert any("Gas meter" in t for t in texts)  # a plain markdown file keeps the generic reading


def test_a_content_tab_heads_its_own_lines_with_its_label(tmp_path):
    """pymdownx.tabbed: `=== "Golf (mine)"` over an indented key-value table reads as an
    admonition titled by the tab's label, so each car's rows stand under its own name."""
    root = _site(tmp_path)
    page = root / "docs" / "cars.md"
    page.write_text("# Cars\n\n=== \"Golf (mine)\"\n\n    | | |\n    |---|---|\n    | plate | LJ 44-812 |\n\n"
                    "=== \"Clio (Maja)\"\n\n    | | |\n    |---|---|\n    | plate | LJ 90-117 |\n\nBoth go to Avto Kos.\n")
    got = _statements(page)
    assert (7, "Cars > Golf (mine)", "plate: LJ 44-812") in got
    assert (13, "Cars > Clio (Maja)", "plate: LJ 90-117") in got
    assert (15, "Cars", "Both go to Avto Kos.") in got
