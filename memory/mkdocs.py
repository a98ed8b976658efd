"""Pages of an MkDocs site (a `docs/` folder beside its `mkdocs.yml`, often with Material's blog):
markdown under YAML front matter, with admonitions and the blog's nested dates.

Read as plain markdown, the front matter ran together into a sentence ("date: created: 2026-11-04
updated: 2026-11-06 categories:"), a post was never dated, and an admonition's title line
(`!!! warning "Title deed"`) became a statement and a heading of its own lines in its raw form.
Here, line for line (every line keeps its file line):

    ---                          ->  (left out)
    title: House                 ->  # House            (unless the page has a "# " heading)
    date:                        ->  (the page's day: the latest of date, created, updated; else
      created: 2026-11-04             the day its file is named by, 2026-11-04-new-role.md)
      updated: 2026-11-06
    tags: [house]                ->  (left out: how the site files the page)
    ---
    !!! warning "Title deed"     ->  ### Title deed      (an admonition's title heads its own lines,
        Still no title deed ...  ->  Still no title deed ...   dedented; when it ends, the heading it
    Next paragraph               ->  ## Mortgage ...           interrupted is said again)
    <!-- more -->                ->  (left out: the blog's excerpt mark)

`??? note "..."` (collapsible) reads as `!!!` does; an admonition with no title adds no heading. A
content tab (`=== "C-HR (mine)"` over indented lines) reads as an admonition titled by its label.
The site's `mkdocs.yml` (theme, navigation, plugins) is settings, not notes; the blog's
`.authors.yml` is the site's author list.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.quarto import code_fence, folder_with, front_matter, page_day, title_heading

_SETTINGS = {"mkdocs.yml", "mkdocs.yaml", ".authors.yml", ".authors.yaml"}
_ADMONITION = re.compile(r"""^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*?\s*(?:"([^"]*)"|'([^']*)')?\s*$""")
# A content tab (pymdownx.tabbed): `=== "C-HR (mine)"` over its indented lines, read as an
# admonition whose title is the tab's label.
_TAB = re.compile(r"""^(\s*)===\+?\s+(?:"([^"]*)"|'([^']*)')\s*$""")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTRS = re.compile(r"\s*\{\s*[#.:][^{}]*\}\s*$")
_MORE = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.I)
_SNIPPET = re.compile(r"^\s*-{2}8<-{2}")


def _site_root(path: Path) -> Path | None:
    return folder_with(path, ("mkdocs.yml", "mkdocs.yaml"))


def is_site_page(path: Path) -> bool:
    """A markdown page of an MkDocs site: a `.md` under a folder that holds `mkdocs.yml`."""
    return path.suffix.lower() in (".md", ".markdown") and _site_root(path) is not None


def is_settings(path: Path) -> bool:
    """The site's `mkdocs.yml`, or the blog's `.authors.yml` inside a site."""
    name = path.name.lower()
    return name in ("mkdocs.yml", "mkdocs.yaml") or name in _SETTINGS and _site_root(path) is not None


def to_markdown(lines: list[str], path: Path) -> tuple[list[str], list[int], str]:
    """The page as markdown, the file line of each markdown line, and the day it was written ("")."""
    out = list(lines)
    end, title, days = front_matter(lines, out, prose_keys=("description",), date_keys=("date", "created", "updated"),
                                    nested_date_keys=("created", "updated", "modified"))
    headings: list[tuple[int, str]] = [(1, title)] if title else []
    box: tuple[int, list[tuple[int, str]], bool] | None = None  # (indent, headings before it, titled)
    fence = ""
    for i in range(0 if end is None else end + 1, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if box is not None:
            indent = len(line) - len(line.lstrip())
            if not stripped or indent > box[0]:
                out[i] = line[min(indent, box[0] + 4):] if stripped else ""
                line = out[i]
                stripped = line.strip()
                if not stripped:
                    continue
            else:
                before, titled = box[1], box[2]
                box = None
                if titled and before and not _HEADING.match(line):
                    # Said again over what follows the admonition, on the line that ends it (a blank one
                    # before it would do too, but this line is the first that is not the admonition's).
                    level, text = before[-1]
                    out[i] = f"{'#' * level} {text}\n\n{line}"
                headings = before
        if (state := code_fence(stripped, fence)) is not None:
            fence = state
            continue
        if m := _ADMONITION.match(line) or _TAB.match(line):
            label = (m.group(2) or m.group(3) or "").strip()
            before = list(headings)
            if label:
                out[i], headings = title_heading(headings, label)
            else:
                out[i] = ""
            box = (len(m.group(1)), before, bool(label))
            continue
        if _MORE.match(line) or _SNIPPET.match(line):
            out[i] = ""
            continue
        if m := _HEADING.match(line):
            text = _ATTRS.sub("", m.group(2))
            level = len(m.group(1))
            out[i] = f"{m.group(1)} {text}"
            headings = [h for h in headings if h[0] < level] + [(level, text)]
    # A line that got a heading said again before it holds three lines: split, each at that file line.
    md, numbers = [], []
    for n, text in enumerate(out, 1):
        for part in text.split("\n"):
            md.append(part)
            numbers.append(n)
    return md, numbers, page_day(days, path)


__all__ = ["is_settings", "is_site_page", "to_markdown"]
