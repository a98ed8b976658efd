"""Quarto documents (`.qmd`) and R Markdown (`.Rmd`): markdown with Pandoc's extras, under YAML
front matter, often a whole website project (`_quarto.yml`) kept as a private notebook.

Read as plain text (the extension was unknown), a page's headings, tables and front matter ran
together into sentences ("title: "Family" date-modified: 2026-06-21 categories: [family]") and a
journal post was never dated. Here, line for line (every line keeps its file line):

    ---                                  ->  (left out)
    title: "SNCT passed"                 ->  # SNCT passed     (unless the page has a "# " heading)
    subtitle: What changed               ->  What changed      (subtitle, description, abstract: prose)
    date: 2026-10-09                     ->  (the page's day: the later of date and date-modified,
    categories: [cars]                        else the day its post folder is named by)
    ---
    ::: {.callout-tip title="Keys"}      ->  ## Keys           (a callout's title heads its lines;
    Spare key with Mamm.                      when it closes, the heading it interrupted is said
    :::                                  ->  ## House               again, so what follows is not the
                                                                    callout's)
    ```{python}                          ->  ```python         (a code cell stays code;
    #| label: loan-check                 ->  (left out)             its `#|` options are not)
    ## Utilities {#sec-utilities}        ->  ## Utilities      (attributes and [spans]{.x} unwrapped)
    {{< include _footer.qmd >}}          ->  (left out: a shortcode is the generator's)

The rest of the front matter (format, execute, listing, categories, author...) is how the page is
rendered, not what it says. The project's own settings (`_quarto.yml`, `_metadata.yml`: navigation,
theme, render options) are not notes.
"""
from __future__ import annotations

import re
from pathlib import Path

QUARTO_EXT = {".qmd", ".rmd"}
_PROJECT = re.compile(r"^_(?:quarto(?:-[\w-]+)?|metadata|brand)\.ya?ml$", re.I)

_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_PROSE_KEYS = ("subtitle", "description", "abstract")
_DATE_KEYS = ("date", "date-modified")
DAY = re.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})")
_DIV = re.compile(r"^\s*:{3,}\s*(.*?)\s*:*\s*$")
_TITLE_ATTR = re.compile(r"""\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_HEADING_ATTRS = re.compile(r"\s*\{[#.][^{}]*\}\s*$")
_SPAN = re.compile(r"\[([^\[\]]+)\]\{[^{}]*\}")
_SHORTCODE = re.compile(r"\{\{<\s*.*?\s*>\}\}")
_CELL = re.compile(r"^(\s*)(`{3,}|~{3,})\s*\{([A-Za-z0-9_+-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def is_quarto(path: Path) -> bool:
    return path.suffix.lower() in QUARTO_EXT


def is_project_settings(path: Path) -> bool:
    """A Quarto project's own settings file: its site's navigation and render options, not notes."""
    return bool(_PROJECT.match(path.name))


def front_end(lines: list[str]) -> int | None:
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def unquote(value: str) -> str:
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


_NESTED_KEY = re.compile(r"^\s+([A-Za-z_][\w-]*)\s*:\s*['\"]?((?:19|20)\d{2}-\d{2}-\d{2})")


def front_matter(lines: list[str], out: list[str], *, prose_keys, date_keys, nested_date_keys=()) -> tuple[int | None, str, list[str]]:
    """A site page's front matter read into `out` (its lines blanked, line for line): the title a
    heading unless the page has a "# " one, `prose_keys` as lines of their own, the rest how the site
    renders or files the page. Returns the front matter's last line, the title and the days its
    `date_keys` give (and, indented under another key, its `nested_date_keys`: MkDocs's `date: created:`)."""
    end = front_end(lines)
    days: list[str] = []
    title = ""
    if end is None:
        return None, title, days
    for i in range(end + 1):
        out[i] = ""
        if (m := _NESTED_KEY.match(lines[i])) and m.group(1).lower() in nested_date_keys:
            days.append(m.group(2))
            continue
        m = _FRONT_KEY.match(lines[i])
        if not m:
            continue  # a nested or list value: rendering options, authors' affiliations
        key, value = m.group(1).lower(), unquote(m.group(2))
        if key == "title" and value:
            title = value
            if not any(ln.startswith("# ") for ln in lines[end + 1:]):
                out[i] = f"# {value}"
        elif key in prose_keys and value and value not in ("|", ">", "|-", ">-"):
            out[i] = value
        elif key in date_keys and (d := DAY.match(value)):
            days.append(d.group(0))
    return end, title, days


def title_heading(headings: list[tuple[int, str]], label: str) -> tuple[str, list[tuple[int, str]]]:
    """A callout's or admonition's title as a heading one level under the heading it stands in,
    and the heading trail with it in place."""
    level = min(6, (headings[-1][0] if headings else 1) + 1)
    return f"{'#' * level} {label}", [h for h in headings if h[0] < level] + [(level, label)]


def code_fence(stripped: str, fence: str) -> str | None:
    """Where a line stands to a fenced code block: the fence still open after it (`"```"`,
    `"~~~"`, or `""` once it closes) when the line opens, closes or lies inside one; None when
    it is a line of the page's own."""
    if fence:
        return "" if stripped.startswith(fence) else fence
    if stripped.startswith(("```", "~~~")):
        return stripped[:3]
    return None


def folder_with(path: Path, names: tuple[str, ...], depth: int = 5) -> Path | None:
    """The nearest of `depth` folders above `path` that holds a file of one of `names` (a site's
    `mkdocs.yml`, `docusaurus.config.js`)."""
    for folder in list(path.parents)[:depth]:
        try:
            if any((folder / name).is_file() for name in names):
                return folder
        except OSError:
            return None
    return None


def _folder_day(path: Path) -> str:
    """The day a blog post's folder or file is named by (`posts/2026-10-09-snct/index.qmd`)."""
    for name in (path.stem, path.parent.name):
        if m := DAY.match(name):
            return m.group(0)
    return ""


def page_day(days: list[str], path: Path) -> str:
    """A site page's day: the latest its front matter gives, else the day its file or post folder is
    named by ("" when neither says)."""
    return max(days, default="") or _folder_day(path)


def to_markdown(lines: list[str], path: Path) -> tuple[list[str], str]:
    """The page as markdown, one output line per file line, and the day it was written ("" if it
    does not say)."""
    out = list(lines)
    end, title, days = front_matter(lines, out, prose_keys=_PROSE_KEYS, date_keys=_DATE_KEYS)
    body_from = 0 if end is None else end + 1
    headings: list[tuple[int, str]] = [(1, title)] if title else []  # the open headings, outermost first
    divs: list[list[tuple[int, str]] | None] = []  # per open div: the headings to restore when it closes
    fence = ""
    for i in range(body_from, len(lines)):
        line = lines[i]
        if fence:
            if _FENCE.match(line) and line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            elif line.lstrip().startswith("#|"):
                out[i] = ""  # a cell option (label, echo, fig-cap), not code
            continue
        if m := _CELL.match(line):
            fence = m.group(2)
            out[i] = f"{m.group(1)}{fence}{m.group(3)}"
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)
            continue
        if m := _DIV.match(line):
            attrs = m.group(1)
            if attrs:  # an opening fence: `::: {.callout-note title="..."}`, `::: note`
                divs.append(list(headings))
                t = _TITLE_ATTR.search(attrs)
                label = (t.group(1) or t.group(2)).strip() if t else ""
                if label:
                    out[i], headings = title_heading(headings, label)
                else:
                    out[i] = ""
            else:  # a closing fence: what the div opened ends here
                before = divs.pop() if divs else None
                out[i] = ""
                if before is not None and before != headings:
                    headings = before
                    if before:
                        level, text = before[-1]
                        out[i] = f"{'#' * level} {text}"
            continue
        text = _SHORTCODE.sub("", line)
        if line.strip() and not text.strip():
            out[i] = ""
            continue
        text = _SPAN.sub(r"\1", text)
        if m := _HEADING.match(text):
            text = _HEADING_ATTRS.sub("", text).rstrip()
            level = len(m.group(1))
            headings = [h for h in headings if h[0] < level] + [(level, _HEADING.match(text).group(2))]
        out[i] = text
    return out, page_day(days, path)


__all__ = ["DAY", "QUARTO_EXT", "front_matter", "page_day", "is_project_settings", "is_quarto", "to_markdown"]
