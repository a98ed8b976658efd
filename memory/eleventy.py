"""An Eleventy (11ty) site kept as a notebook: markdown pages under YAML front matter, JSON data in
`_data/`, Nunjucks/Liquid templates, and a JSON file per folder that files every page in it.

Read as a vault, a page's front matter became statements ("title: Cars", "updated: 2026-11-18")
under a topic made of its file name ("car"), and the templates that show `_data/contacts.json`
(`{{ c.name }} {{ c.phone }}`) and the folder's data file (`"layout": "layouts/post.njk"`) were
read as if they said something. Here:

    pages/car.md (front matter)    ->  its title a heading ("# Cars"), the generator's keys left out,
                                       dated by its date/updated (else its file's name)
    *.njk, *.liquid, *.hbs ...     ->  nothing when most of what it shows is `{{ }}`/`{% %}` tags
                                       (a layout, or a page that lists `_data`); else read as HTML
    posts/posts.json, *.11tydata.* ->  nothing: directory data (layout, tags, permalink)
    _data/*.json                   ->  read as data, as any JSON is: contacts, birthdays

A Gollum wiki's `_Sidebar.md`, `_Header.md`, `_Footer.md` and `_Template.md` are navigation and a
blank page form; a VuePress page's front matter, and an Astro content collection's entry's
(`src/content/notes/car.md` in a site with `astro.config.mjs`), is read as a Jekyll page's is.
A Docsify site (`index.html` with `window.$docsify`) keeps its navigation in `_sidebar.md`,
`_navbar.md` and `_coverpage.md`: links to the pages, which are read on their own. (Its pages are
plain markdown; a topic page's "_Last updated: 14/02/2026_" dates it, see memory/updated.py.)
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.quarto import folder_with, front_end

CONFIG_NAMES = (".eleventy.js", ".eleventy.cjs", "eleventy.config.js", "eleventy.config.cjs", "eleventy.config.mjs")
TEMPLATE_EXT = {".njk", ".liquid", ".hbs", ".mustache", ".ejs", ".jinja", ".jinja2", ".j2", ".tera", ".webc"}
_DOCSIFY_NAV = {"_sidebar.md", "_navbar.md", "_coverpage.md"}


def site_root(path: Path) -> Path | None:
    return folder_with(path, CONFIG_NAMES, depth=6)


def is_page(path: Path, lines: list[str]) -> bool:
    """A markdown page with front matter inside an Eleventy site (a folder above holds its config)."""
    return path.suffix.lower() in (".md", ".markdown") and front_end(lines) is not None and site_root(path) is not None


def is_directory_data(path: Path) -> bool:
    """`posts/posts.json` (named as its folder) or `page.11tydata.json` in a site: data that files
    every page beside it, not notes."""
    name = path.name.lower()
    if ".11tydata." in name:
        return True
    return path.suffix.lower() in (".json", ".js") and path.stem.lower() == path.parent.name.lower() and site_root(path) is not None


def is_template_file(path: Path) -> bool:
    return path.suffix.lower() in TEMPLATE_EXT


def without_front_matter(lines: list[str]) -> list[str]:
    """A template's lines with its YAML front matter blanked (line for line)."""
    end = front_end(lines)
    return list(lines) if end is None else [""] * (end + 1) + lines[end + 1:]


def is_docsify_navigation(path: Path) -> bool:
    """`_sidebar.md`, `_navbar.md` or `_coverpage.md` of a Docsify site (an `index.html` above that
    sets `window.$docsify`)."""
    if path.name.lower() not in _DOCSIFY_NAV:
        return False
    for folder in list(path.parents)[:4]:
        index = folder / "index.html"
        try:
            if index.is_file() and "$docsify" in index.read_text(errors="replace")[:50000]:
                return True
        except OSError:
            return False
    return False


_GOLLUM_PARTS = {"_sidebar.md", "_header.md", "_footer.md", "_template.md"}


def is_gollum_part(path: Path) -> bool:
    """A Gollum wiki's `_Sidebar.md`, `_Header.md`, `_Footer.md` or `_Template.md` (Gollum writes them
    capitalised; a wiki's root holds `Home.md`): shown around every page or copied into new ones, they
    are navigation and a blank form, not notes."""
    if path.name.lower() not in _GOLLUM_PARTS or not path.name[1:2].isupper():
        return False
    return any((folder / "Home.md").is_file() for folder in list(path.parents)[:4])


def is_vuepress_page(path: Path, lines: list[str]) -> bool:
    """A VuePress page with front matter: a `.md` under a folder that holds `.vuepress/`."""
    if path.suffix.lower() != ".md" or front_end(lines) is None:
        return False
    return any((folder / ".vuepress").is_dir() for folder in list(path.parents)[:5])


_ASTRO_CONFIGS = ("astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.cjs", "astro.config.mts")


def is_astro_page(path: Path, lines: list[str]) -> bool:
    """An Astro content collection's entry: a `.md`/`.mdx` with front matter under `src/content/`
    of a site whose folder holds `astro.config.*`."""
    if path.suffix.lower() not in (".md", ".mdx") or front_end(lines) is None:
        return False
    parts = [p.lower() for p in path.parts]
    if "content" not in parts or "src" not in parts:
        return False
    return folder_with(path, _ASTRO_CONFIGS, depth=6) is not None


__all__ = ["CONFIG_NAMES", "TEMPLATE_EXT", "is_directory_data", "is_docsify_navigation", "is_astro_page", "is_gollum_part", "is_page", "is_template_file",
           "is_vuepress_page", "site_root", "without_front_matter"]
