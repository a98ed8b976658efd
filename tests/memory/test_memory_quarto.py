"""A notebook kept as a Quarto website (`.qmd` pages, a blog of dated posts) or as R Markdown is
read as the markdown it is: the front matter's title a heading and its rendering options left out,
a callout's title heading its own lines only, code cells' `#|` options and shortcodes left out,
Pandoc attributes unwrapped, every statement cited at its file line; a page dated by its
`date`/`date-modified` or by the day its post folder is named after, so a newer post is a newer
version. The project's `_quarto.yml` is settings, not notes."""
from __future__ import annotations

from pathlib import Path

from memory import parsers, quarto
from memory.statements import parse_statements

HOUSE = """\
---
title: "The flat"
subtitle: Where we live and who comes round
date-modified: 2026-04-02
categories: [house]
format:
  html:
    toc: true
---

## Flat {#sec-flat}

We rent Flat 3, 18 Rua do Sol, Braga; rent [620,00 €]{.mark} a month.

::: {.callout-tip title="Spare keys"}
One set with Tia Rosa, one in the office drawer.
:::

The boiler is a Junkers Cerapur, serviced every March.

::: {.callout-note}
## Cleaner
Ana Brito, Thursdays from 09:00.
:::

{{< include _footer.qmd >}}

```{python}
#| label: rent-check
#| echo: false
rent = 620
print(rent * 12)
```

| who | phone |
|---|---|
| Landlord Jorge Pinto | 912 334 556 |
"""

POST = """\
---
title: "New cleaner"
categories: [house]
---

From this week the cleaner is Sofia Matos, Wednesdays instead.
"""


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_page_s_front_matter_titles_it_and_its_rendering_options_are_left_out(tmp_path):
    page = _write(tmp_path / "notebook" / "house.qmd", HOUSE)
    parsed = parsers.parse(page, page.read_bytes())
    assert parsed.kind == "markdown" and not parsed.warnings and parsed.written == "2026-04-02"
    got = _statements(page)
    assert (3, "The flat", "Where we live and who comes round") in got
    text = " ".join(t for _, _, t in got)
    for gone in ("categories", "format", "toc", "date-modified", "#|", "rent-check", "include", "{#sec-flat}", "{.mark}"):
        assert gone not in text, gone
    assert (13, "The flat > Flat", "We rent Flat 3, 18 Rua do Sol, Braga; rent 620,00 € a month.") in got


def test_a_callout_s_title_heads_its_own_lines_and_the_page_goes_on_under_its_heading(tmp_path):
    page = _write(tmp_path / "notebook" / "house.qmd", HOUSE)
    got = _statements(page)
    assert (16, "The flat > Flat > Spare keys", "One set with Tia Rosa, one in the office drawer.") in got
    # After the callout closes, the lines are the section's again, not the callout's.
    assert (19, "The flat > Flat", "The boiler is a Junkers Cerapur, serviced every March.") in got
    assert any(line == 23 and topic.endswith("Cleaner") and "Ana Brito" in t for line, topic, t in got)
    after = [topic for line, topic, _ in got if line == 37]
    assert after and "Cleaner" not in after[0]


def test_a_code_cell_is_code_without_its_options(tmp_path):
    page = _write(tmp_path / "notebook" / "house.qmd", HOUSE)
    md, _ = quarto.to_markdown(parsers.split_lines(HOUSE), page)
    assert len(md) == len(parsers.split_lines(HOUSE))  # line for line: every line keeps its number
    assert md[27] == "```python" and md[28] == md[29] == "" and md[30] == "rent = 620"


def test_a_post_is_dated_by_its_folder_when_its_front_matter_has_no_date_and_is_newer(tmp_path):
    topic = _write(tmp_path / "notebook" / "house.qmd", HOUSE)
    post = _write(tmp_path / "notebook" / "journal" / "posts" / "2026-10-14-cleaner" / "index.qmd", POST)
    parsed = parsers.parse(post, post.read_bytes())
    assert parsed.written == "2026-10-14"
    assert parsed.written > parsers.parse(topic, topic.read_bytes()).written
    assert (6, "New cleaner", "From this week the cleaner is Sofia Matos, Wednesdays instead.") in _statements(post)
    dated = _write(tmp_path / "notebook" / "journal" / "posts" / "2026-10-14-x" / "index.qmd",
                   POST.replace("categories", "date: 2026-10-20\ncategories"))
    assert parsers.parse(dated, dated.read_bytes()).written == "2026-10-20"  # the front matter wins


def test_r_markdown_reads_the_same_and_the_project_settings_are_not_notes(tmp_path):
    rmd = _write(tmp_path / "report.Rmd", '---\ntitle: "Car"\noutput: html_document\n---\n\nThe car is a Dacia Sandero, plate AB-12-CD.\n')
    assert _statements(rmd) == [(6, "Car", "The car is a Dacia Sandero, plate AB-12-CD.")]
    settings = _write(tmp_path / "_quarto.yml", "project:\n  type: website\nwebsite:\n  title: \"Notebook\"\n")
    parsed = parsers.parse(settings, settings.read_bytes())
    assert parsed.blocks == [] and "Quarto" in parsed.nothing


def test_a_page_with_no_front_matter_and_an_unclosed_div_still_reads(tmp_path):
    page = _write(tmp_path / "scratch.qmd", "# Scratch\n\n::: {.callout-warning}\nGas meter reading 4471 on 3 May.\n")
    assert _statements(page) == [(4, "Scratch", "Gas meter reading 4471 on 3 May.")]
    assert parsers.parse(page, page.read_bytes()).written == ""
