"""Pages under TOML front matter (`+++`), as Zola and Hugo write them, and a Zola site's settings.

Read as plain markdown, the front matter ran together into one statement ("+++ title = "The flat"
date = 2025-09-01 updated = 2026-04-15 weight = 10"), which search then returned for every question
about the page, and no page was dated, so the flat's old rent could not be told older than a
journal entry's new one. Here, line for line (every line keeps its file line):

    +++                               ->  (left out)
    title = "The flat"                ->  # The flat     (unless the page has a "# " heading)
    date = 2025-09-01                 ->  (the page's day: the latest of date, updated, lastmod;
    updated = 2026-04-15                   else the day its file or post folder is named by)
    description = "ID card, ..."      ->  (left out: the blurb the section page shows)
    weight = 10 / template = ...      ->  (left out: how the site sorts and renders the page)
    [taxonomies]                      ->  (left out, with its tags)
    [extra]                           ->  (a page's own data: each of its one-line values
    car = "Estima"                    ->  - car: Estima     a "Key: value" line; Hugo's [params] too)
    +++
    {% note(kind="info") %}           ->  (left out: a shortcode's tags; what it wraps stays)
    {{ youtube(id="k3Vb7QmZ2pE") }}   ->  (left out)
    <!-- more -->                     ->  (left out: the summary mark)

A top-level key Zola and Hugo do not know (Hugo lets a page say `mood = "tired"`) stays a
"Key: value" line, as in a YAML page. A Zola site's `config.toml` (`base_url`, `compile_sass`,
`[markdown]`, `[extra]` menus) is settings, not notes.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.quarto import DAY, code_fence, page_day, unquote

_FENCE = "+++"
_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$")
_TABLE = re.compile(r"^\s*\[+\s*([\w.\"' -]+?)\s*\]+\s*(?:#.*)?$")
_DATE_KEYS = {"date", "updated", "lastmod", "last_modified"}
# Keys Zola or Hugo read to file, sort or render a page (or a section's `_index.md`): not what it says.
_SITE_KEYS = {"title", "description", "summary", "date", "updated", "lastmod", "last_modified", "publishdate",
              "expirydate", "weight", "draft", "slug", "path", "aliases", "in_search_index", "template", "authors",
              "author", "sort_by", "paginate_by", "paginate_path", "paginate_reversed", "transparent",
              "page_template", "insert_anchor_links", "render", "redirect_to", "generate_feeds", "generate_feed",
              "toc", "layout", "type", "url", "categories", "tags", "keywords", "series", "linktitle", "images",
              "markup", "outputs", "headless", "iscjklanguage", "menu", "sitemap", "build", "cascade", "resources"}
# The tables of a page's own values; every other table ([taxonomies], [cascade], [menu.main]) files it.
_DATA_TABLES = {"extra", "params"}
_SHORTCODE = re.compile(r"\{%-?\s*(?:end|[A-Za-z_]\w*\s*\(.*?\))\s*-?%\}|\{\{-?\s*[A-Za-z_]\w*\s*\(.*?\)\s*-?\}\}"
                        r"|\{\{[<%]\s*/?\s*[\w/-]+.*?[>%]\}\}")
_MORE = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.I)
_HEADING_ANCHOR = re.compile(r"^(#{1,6}\s+.*?)\s*\{#[\w-]+\}\s*$")
_SCALAR = re.compile(r"^(?:\"[^\"]*\"|'[^']*'|[\w.:+-]+)$")
_ZOLA_SETTINGS = re.compile(r"^\s*(?:base_url|compile_sass|build_search_index|generate_feeds?)\s*=")


def front_end(lines: list[str]) -> int | None:
    """The index of the `+++` that closes a page's TOML front matter, or None."""
    if not lines or lines[0].strip() != _FENCE:
        return None
    return next((i for i in range(1, min(len(lines), 80)) if lines[i].strip() == _FENCE), None)


def is_page(path: Path, lines: list[str]) -> bool:
    """A markdown page under TOML front matter (a Zola or Hugo page)."""
    return path.suffix.lower() in (".md", ".markdown") and front_end(lines) is not None


def is_settings(path: Path, lines: list[str]) -> bool:
    """A Zola site's `config.toml` (or `zola.toml`): it names `base_url` and the build's switches."""
    return path.name.lower() in ("config.toml", "zola.toml") and any(_ZOLA_SETTINGS.match(l) for l in lines[:200])


def to_markdown(lines: list[str], path: Path) -> tuple[list[str], str]:
    """The page as markdown, one output line per file line, and the day it was written ("")."""
    out = list(lines)
    end = front_end(lines) or 0
    has_heading = any(ln.startswith("# ") for ln in lines[end + 1:])
    table = ""
    days: list[str] = []
    for i in range(end + 1):
        line = lines[i]
        out[i] = ""
        if m := _TABLE.match(line):
            table = m.group(1).strip("\"' ").lower()
            continue
        if not (m := _KEY.match(line.strip())):
            continue  # a fence, a comment, or the rest of a value that spans lines
        key, value = m.group(1), m.group(2)
        value = re.sub(r"\s+#.*$", "", value) if not value.startswith(("\"", "'")) else value
        if table == "" and key.lower() in _DATE_KEYS and (d := DAY.match(unquote(value))):
            days.append(d.group(0))
        elif table == "" and key.lower() == "title":
            if (title := unquote(value)) and not has_heading:
                out[i] = f"# {title}"
        elif (table in _DATA_TABLES or table == "" and key.lower() not in _SITE_KEYS) and _SCALAR.match(value):
            if (text := unquote(value)) and text.lower() not in ("true", "false"):
                out[i] = f"- {key.replace('_', ' ')}: {text}"
    fence = ""
    for i in range(end + 1 if end else 0, len(lines)):
        line = lines[i]
        if (state := code_fence(line.strip(), fence)) is not None:
            fence = state
            continue
        if _MORE.match(line):
            out[i] = ""
            continue
        text = _SHORTCODE.sub("", line)
        if text != line and not text.strip():
            out[i] = ""
            continue
        out[i] = _HEADING_ANCHOR.sub(r"\1", text)
    return out, page_day(days, path)


__all__ = ["front_end", "is_page", "is_settings", "to_markdown"]
