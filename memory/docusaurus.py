"""Pages of a Docusaurus site (a folder with `docusaurus.config.js`: `docs/`, `blog/`, `src/pages/`):
markdown and MDX under YAML front matter, with admonitions, tabs and a blog dated by its file names.

Read as plain markdown, a post was never dated (its day is in its file name, `2026-10-25-internet.md`,
not its front matter), the front matter ran together into statements ("slug: internet"), an
admonition's fence (`:::info Last services`) became a statement, and an `.mdx` page was not markdown
at all: its tables were one long line and which tab a table sat in was lost. Here, line for line
(every line keeps its file line):

    ---                                  ->  (left out)
    title: Cars                          ->  # Cars      (unless the page has a "# " heading)
    date: 2026-10-25                     ->  (the page's day; else the day its file or folder is
    slug / tags / authors / sidebar_*    ->  (left out)  named by: blog/2026-10-25-internet.md,
    ---                                                  blog/2026-10-25-internet/index.md)
    :::tip Title / :::tip[Title]         ->  ### Title   (an admonition's title heads its own lines;
    ...                                  ->  ...          when it closes, the heading it interrupted
    :::                                  ->  ## Service   is said again; with no title, no heading)
    import Tabs from '@theme/Tabs';      ->  (left out: MDX imports and exports)
    <TabItem value="a" label="Toyota">   ->  ### Toyota  (a tab's label heads its lines, like a title)
    <Tabs> </TabItem> <details> ...      ->  (left out: tags alone on their line; <summary>X</summary>
                                              heads its lines as a tab's label does)
    <!-- truncate --> / {/* truncate */} ->  (left out: the blog's excerpt mark, MDX comments)

The site's configuration (`docusaurus.config.js`, `sidebars.js`, a docs folder's `_category_.json`,
the blog's `authors.yml`, the site's `package.json`) is settings, not notes.
"""
from __future__ import annotations

import re
from pathlib import Path

from memory.quarto import code_fence, folder_with, front_matter, title_heading

_CONFIGS = ("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs")
_SETTINGS = {"sidebars.js", "sidebars.ts", "_category_.json", "_category_.yml", "_category_.yaml", "authors.yml",
             "authors.yaml", "package.json", "babel.config.js", "tsconfig.json"}
_DAY = re.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})")
_PATH_DAY = re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})/")
_OPEN = re.compile(r"^(\s*)(:{3,})\s*([a-z]+)\s*(?:\[(.*?)\]|(.*?))\s*$")
_CLOSE = re.compile(r"^\s*(:{3,})\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_HEADING_ID = re.compile(r"\s*\{#[\w-]+\}\s*$")
_TAB = re.compile(r"""^\s*<TabItem\b[^>]*?\blabel=(?:"([^"]*)"|'([^']*)'|\{["']([^"']*)["']\})[^>]*>\s*$""")
_SUMMARY = re.compile(r"^\s*<summary>(.*?)</summary>\s*$", re.IGNORECASE)
_TAG_LINE = re.compile(r"^\s*(?:</?[A-Za-z][\w.]*(?:\s[^<>]*)?/?>\s*)+$")
_MDX_MODULE = re.compile(r"^(?:import\s.+from\s+['\"].*['\"];?|import\s+['\"].*['\"];?|export\s+(?:const|default|function)\b.*)\s*$")
_TRUNCATE = re.compile(r"^\s*(?:<!--\s*truncate\s*-->|\{/\*\s*truncate\s*\*/\})\s*$", re.IGNORECASE)
_MDX_COMMENT = re.compile(r"\{/\*.*?\*/\}")


def site_root(path: Path) -> Path | None:
    return folder_with(path, _CONFIGS, depth=6)


def is_site_page(path: Path) -> bool:
    """A markdown or MDX page of a Docusaurus site: a `.md`/`.mdx` under a folder holding its config."""
    return path.suffix.lower() in (".md", ".mdx", ".markdown") and site_root(path) is not None


def is_settings(path: Path) -> bool:
    """The site's configuration files (see the module's docstring)."""
    name = path.name.lower()
    if name in _CONFIGS:
        return True
    if name not in _SETTINGS:
        return False
    root = site_root(path)
    return root is not None and (name != "package.json" or path.parent == root)


def _day(path: Path) -> str:
    for name in (path.stem, path.parent.name):
        if m := _DAY.match(name):
            return m.group(0)
    if m := _PATH_DAY.search(path.as_posix()):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return ""


def to_markdown(lines: list[str], path: Path) -> tuple[list[str], list[int], str]:
    """The page as markdown, the file line of each markdown line, and the day it was written ("")."""
    out = list(lines)
    end, title, days = front_matter(lines, out, prose_keys=("description",), date_keys=("date",))
    headings: list[tuple[int, str]] = [(1, title)] if title and not any(ln.startswith("# ") for ln in lines) else []
    # Open admonitions and tabs: (what closes it, the headings before it, titled).
    boxes: list[tuple[str, list[tuple[int, str]], bool]] = []
    fence = ""
    mdx = path.suffix.lower() == ".mdx"

    def open_box(i: int, closer: str, label: str) -> None:
        nonlocal headings
        before = list(headings)
        if label:
            out[i], headings = title_heading(headings, label)
        else:
            out[i] = ""
        boxes.append((closer, before, bool(label)))

    def close_box(i: int) -> None:
        nonlocal headings
        _closer, before, titled = boxes.pop()
        out[i] = ""
        if titled and before and before != headings:
            level, text = before[-1]
            out[i] = f"{'#' * level} {text}"  # said again over what follows the box
        headings = before

    for i in range(0 if end is None else end + 1, len(lines)):
        line = lines[i]
        stripped = line.strip()
        if (state := code_fence(stripped, fence)) is not None:
            fence = state
            continue
        if _TRUNCATE.match(line) or (mdx and _MDX_MODULE.match(stripped)):
            out[i] = ""
            continue
        if m := _OPEN.match(line):
            open_box(i, m.group(2), (m.group(4) or m.group(5) or "").strip())
            continue
        if (m := _CLOSE.match(line)) and boxes and boxes[-1][0] == m.group(1):
            close_box(i)
            continue
        if m := _TAB.match(line):
            open_box(i, "</TabItem>", (m.group(1) or m.group(2) or m.group(3) or "").strip())
            continue
        if m := _SUMMARY.match(line):
            # <details><summary>X</summary>: what follows until </details> is under X.
            open_box(i, "</details>", re.sub(r"<[^>]+>", "", m.group(1)).strip())
            continue
        if boxes and boxes[-1][0].startswith("</") and stripped.startswith(boxes[-1][0]):
            close_box(i)
            continue
        if _TAG_LINE.match(line):
            out[i] = ""  # <Tabs>, </Tabs>, <details>: how the page is laid out, not what it says
            continue
        if mdx and "{/*" in line:
            out[i] = _MDX_COMMENT.sub("", line)
        if boxes and out[i][:1] in " \t" and out[i].lstrip().startswith("|"):
            out[i] = out[i].lstrip()  # a table indented inside a tab is still a table
        if m := _HEADING.match(out[i]):
            text = _HEADING_ID.sub("", m.group(2))
            level = len(m.group(1))
            out[i] = f"{m.group(1)} {text}"
            headings = [h for h in headings if h[0] < level] + [(level, text)]
    written = max(days, default="") or _day(path)
    return out, list(range(1, len(out) + 1)), written


__all__ = ["is_settings", "is_site_page", "site_root", "to_markdown"]
