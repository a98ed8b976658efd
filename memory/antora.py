"""An Antora documentation site kept as a household book: AsciiDoc pages in
`docs/modules/<module>/pages/`, shared snippets in `partials/`, each module's `nav.adoc`, the
component descriptor `antora.yml` and the site's `antora-playbook.yml`.

Read as plain files, the descriptor and the playbook were statements ("name: home", "start_page:
ROOT:index.adoc"), every `nav.adoc` a list of page titles, and a page's date was nowhere. Here:

    antora.yml, antora-playbook.yml  ->  nothing: the site's settings
    modules/ROOT/nav.adoc            ->  nothing: the navigation (links to the pages)
    :page-revdate: 02/03/2026        ->  the day the page was last revised (day first, as
                                         AsciiDoc's own examples write it, unless ISO)
    include::partial$note.adoc[]     ->  left out (the partial is read as its own file)
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.quarto import folder_with
from memory.updated import day_written

_SETTINGS = ("antora.yml", "antora-playbook.yml", "antora-playbook.yaml", "antora.yaml")
_REVDATE = re.compile(r"^:(?:page-)?revdate:\s*(\S.*?)\s*$")


def is_settings(path: Path, lines: list[str]) -> bool:
    """The component descriptor or the playbook: `antora.yml` naming the component, or a playbook
    naming the site's sources."""
    name = path.name.lower()
    if name not in _SETTINGS and not (name.endswith((".yml", ".yaml")) and "antora" in name):
        return False
    keys = {m.group(1) for line in lines[:80] if (m := re.match(r"([a-z_]+):", line))}
    return bool(keys & {"name", "nav", "start_page", "version"}) or bool(keys & {"site", "content", "ui"})


def is_nav(path: Path) -> bool:
    """A module's `nav.adoc` in a site with `antora.yml`."""
    return path.name.lower() == "nav.adoc" and folder_with(path, ("antora.yml", "antora.yaml"), depth=4) is not None


def revised(lines: list[str]) -> str:
    """The ISO day of the page's `:page-revdate:` (or `:revdate:`) in its header, else ""."""
    for line in lines[:20]:
        if m := _REVDATE.match(line.strip()):
            return day_written(m.group(1))
    return ""


__all__ = ["is_nav", "is_settings", "revised"]
