"""Pages of a static site (Jekyll, Hugo, Eleventy): markdown under YAML front matter that the site
generator reads.

A blog kept in a folder of one's own is notes too (a `_drafts/` diary that never gets published,
a post with the hike's facts), but its front matter is the generator's bookkeeping: `layout:
post`, `permalink:`, `published: false`, `categories: [tur]`. Read as a vault page's properties,
each became a statement ("date: 2026-09-05 09:15:00 +0200") that search returned beside the
facts. Here the page's `title` is its heading, its `date` the day it was written (the caller reads
it), the generator's keys are left out and any other key stays a "Key: value" line; every line
keeps its file line.
"""
from __future__ import annotations

import re
from pathlib import Path

_KEY = re.compile(r"^([A-Za-z_][\w -]*?)\s*:\s*(.*)$")
_SITE_DIRS = {"_posts", "_drafts"}
# What the generator reads, not what the page says.
_GENERATOR_KEYS = {"layout", "permalink", "published", "draft", "categories", "category", "tags", "date", "lastmod",
                   "last_modified_at", "slug", "excerpt", "excerpt_separator", "comments", "sitemap", "weight",
                   "menu", "type", "aliases", "redirect_from", "toc", "image", "feature_image", "cover", "hidden", "pin",
                   # ... and Eleventy's (the day keys are read for the page's date)
                   "updated", "modified", "eleventyexcludefromcollections", "eleventynavigation", "eleventycomputed",
                   "eleventyimport", "pagination", "templateengineoverride",
                   # ... and an Astro collection entry's ("pubDate: 2026-10-03T16:20:00.000Z")
                   "pubdate", "updateddate", "publishdate", "heroimage"}


def _front(lines: list[str]) -> int | None:
    """The index of the front matter's closing line, or None."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, min(len(lines), 60)) if lines[i].strip() in ("---", "...")), None)


def is_site_page(path: Path, lines: list[str]) -> bool:
    end = _front(lines)
    if end is None:
        return False
    keys = {m.group(1).strip().lower() for line in lines[1:end] if (m := _KEY.match(line))}
    return bool(_SITE_DIRS & set(path.parts[:-1])) and bool(keys) or "layout" in keys


def to_markdown(lines: list[str]) -> list[str]:
    """The page with its front matter turned to markdown, line for line (its title a heading
    unless the page has one of its own)."""
    out = list(lines)
    end = _front(lines)
    out[0] = out[end] = ""
    for i in range(1, end):
        m = _KEY.match(lines[i])
        if not m or lines[i][:1].isspace():
            out[i] = ""  # a list or block value of a generator key ("  - jekyll-feed")
            continue
        key, value = m.group(1).strip(), m.group(2).strip().strip("'\"")
        if key.lower() == "title":
            out[i] = f"# {value}" if value and not any(l.startswith("# ") for l in lines[end + 1:]) else ""
        elif key.lower() in _GENERATOR_KEYS or not value or value in ("[]", "|", ">", ">-"):
            out[i] = ""
        else:
            out[i] = f"- {key}: {value.strip('[]')}"
    return out


__all__ = ["is_site_page", "to_markdown"]
