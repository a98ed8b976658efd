"""WordPress exports (Tools > Export: WXR, `site.WordPress.2026-11-30.xml`), read as the posts and
pages a person wrote.

Read as XML, an export was code: every post one `<content:encoded>` of HTML and block-editor
comments among a screenful of bookkeeping (`<wp:post_id>`, `<wp:ping_status>`, `<wp:postmeta>`),
and attachments and menu items beside the posts. Here each post and page becomes:

    <title>Flat &#8211; basic info</title>   ->  # Flat – basic info (2026-04-25)
    <content:encoded> (HTML, CDATA)           ->  its paragraphs, lists, headings and tables as markdown
    <category domain="category">Health</...>  ->  - Category: Health
    <category domain="post_tag">…</...>       ->  - Tags: vaccine, clinic
    <wp:comment> (approved, by a person)      ->  ## Comment by Maya (2026-05-02), then its text

What is read:
- Items whose `wp:post_type` is `post` or `page`, and a plugin's own type (a "recipe", a "note") that
  holds content; WordPress's bookkeeping types are left out: attachments, menu items, revisions,
  reusable blocks and patterns (`wp_block`), templates, global styles, custom CSS, changesets,
  oEmbed caches. Private, draft, pending, scheduled and password-protected posts are the user's own
  notes and are kept; trashed posts and empty auto-drafts are not.
- The block editor's comments (`<!-- wp:paragraph -->`) say nothing and are dropped (the HTML reader
  ignores comments). The classic editor's text, whose paragraphs are blank lines and whose line breaks
  are bare newlines (WordPress adds the `<p>` and `<br>` when it shows a post), keeps its lines; a
  gallery or embed shortcode is left out, a caption's text kept.
- A heading in a post sits under the post's title: in a post that uses `<h1>`, its headings move one
  level down.
- Categories and tags are said after the content, where they are written in the export (so the
  lines' numbers keep the file's order), under the post's title said again on their line (so they
  are the post's, not its last section's); "Uncategorized", the default, says nothing and is left out.
- Excerpts, post meta, slugs, GUIDs, authors and the site's term lists are left out.
- Comments: kept when approved and written by a person (not pingbacks, trackbacks, spam or trash),
  each under "Comment by <author> (<day>)" and dated by its own day, as the Jira reader does: on a
  private notebook site a comment is usually the owner's own later note on a post, and on a public
  blog what readers said is still said about the post.

Dates: a post's lines are dated (ParsedFile.written_from, from the item's first line) by the later of
`wp:post_date` and `wp:post_modified`: the text is as of its last edit, so a post edited in June to
say the rent went up is newer than a post written in May, even if the June post was first written in
March. The heading shows the day it was posted (what WordPress shows): "# Meters (2025-09-14)".

Every markdown line cites the line of the export its text is on: the title at its `<title>` line, a
paragraph of the content at its own line inside `<content:encoded>`.
"""
from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from memory import html

_WXR_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-9]+/$")
_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
# Post types that are WordPress's own bookkeeping, not something written.
_SKIP_TYPES = {"attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset", "oembed_cache",
               "user_request", "wp_block", "wp_template", "wp_template_part", "wp_global_styles", "wp_navigation",
               "wp_font_family", "wp_font_face", "amp_validated_url", "scheduled-action", "shop_order"}
_SKIP_STATUS = {"trash", "auto-draft", "inherit"}
_SHORTCODE_DROP = re.compile(r"\[(gallery|embed|audio|video|playlist)\b[^\]]*\](?:.*?\[/\1\])?", re.DOTALL)
_SHORTCODE_TAG = re.compile(r"\[/?(?:caption|wp_caption)\b[^\]]*\]")
# Characters XML 1.0 does not allow (a pasted control character breaks the whole export).
_BAD_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


def looks_like_wordpress(path: Path, lines: list[str]) -> bool:
    """An `.xml` file whose root is an RSS feed carrying the WordPress export namespace or
    `<wp:wxr_version>` (WXR 1.0 to 1.2)."""
    if path.suffix.lower() != ".xml":
        return False
    head = "\n".join(lines[:80])
    return "<rss" in head and ("wordpress.org/export/1." in head or "<wp:wxr_version>" in head)


@dataclass
class _Comment:
    line: int = 0
    author: str = ""
    date: str = ""
    approved: str = "1"
    type: str = ""
    content: str = ""
    content_line: int = 0


@dataclass
class _Item:
    line: int = 0  # the <item> start tag
    title: str = ""
    title_line: int = 0
    type: str = "post"
    status: str = "publish"
    date: str = ""
    modified: str = ""
    content: str = ""
    content_line: int = 0
    terms: list[tuple[str, str, int]] = field(default_factory=list)  # (domain, name, line)
    comments: list[_Comment] = field(default_factory=list)


def _items(text: str) -> list[_Item]:
    """The export's items. Raises xml.parsers.expat.ExpatError for one that is not well-formed."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    items: list[_Item] = []
    stack: list[str] = []  # local names, "wp:" for the export's own namespace
    buf: list[str] = []
    state: dict = {"item": None, "comment": None, "domain": "", "line": 0}

    def local(name: str) -> str:
        ns, _, tag = name.rpartition(" ")
        if ns and _WXR_NS.match(ns):
            return "wp:" + tag
        if ns == _CONTENT_NS:
            return "content:" + tag
        if ns:
            return "other:" + tag
        return tag

    def start(name, attrs):
        tag = local(name)
        stack.append(tag)
        buf.clear()
        state["line"] = parser.CurrentLineNumber
        if tag == "item":
            state["item"] = _Item(line=parser.CurrentLineNumber)
            items.append(state["item"])
        elif tag == "wp:comment" and state["item"] is not None:
            state["comment"] = _Comment(line=parser.CurrentLineNumber)
            state["item"].comments.append(state["comment"])
        elif tag == "category":
            # "Uncategorized" by its slug, which stays so in every language ("Sin categoría").
            state["domain"] = "" if attrs.get("nicename") == "uncategorized" else attrs.get("domain", "category")

    def end(name):
        tag = stack.pop() if stack else ""
        value = "".join(buf)
        buf.clear()
        item, comment, line = state["item"], state["comment"], state["line"]
        if item is None:
            return
        if comment is not None:
            if tag == "wp:comment":
                state["comment"] = None
            elif tag == "wp:comment_author":
                comment.author = " ".join(unescape(value).split())
            elif tag == "wp:comment_date":
                comment.date = value.strip()
            elif tag == "wp:comment_approved":
                comment.approved = value.strip()
            elif tag == "wp:comment_type":
                comment.type = value.strip()
            elif tag == "wp:comment_content":
                comment.content, comment.content_line = value, line
            return
        parent = stack[-1] if stack else ""
        if tag == "item":
            state["item"] = None
        elif parent != "item":
            return
        elif tag == "title":
            item.title, item.title_line = " ".join(unescape(value).split()), line
        elif tag == "content:encoded":
            item.content, item.content_line = value, line
        elif tag == "wp:post_type":
            item.type = value.strip()
        elif tag == "wp:status":
            item.status = value.strip()
        elif tag == "wp:post_date":
            item.date = value.strip()
        elif tag == "wp:post_modified":
            item.modified = value.strip()
        elif tag == "category":
            item.terms.append((state["domain"], " ".join(unescape(value).split()), line))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = buf.append
    parser.Parse(_BAD_XML_CHARS.sub(" ", text), True)
    return items


def _day(stamp: str) -> str:
    """ "2026-04-25 18:44:51" -> "2026-04-25"; "" for WordPress's "0000-00-00 00:00:00"."""
    m = _DAY.match(stamp.strip())
    if not m or not ("01" <= m.group(2) <= "12" and "01" <= m.group(3) <= "31"):
        return ""
    return m.group(0)


def _html_lines(raw: str) -> str:
    """Post HTML with the line breaks WordPress adds when it shows a post (`wpautop`): a bare
    newline outside a tag ends a line, so the classic editor's paragraphs stay apart. Nothing is
    added across lines, so each line keeps its number."""
    raw = _SHORTCODE_DROP.sub(" ", raw)
    raw = _SHORTCODE_TAG.sub(" ", raw)
    parts = re.split(r"(<!--.*?-->|<[^>]*>)", raw, flags=re.DOTALL)
    return "".join(p if k % 2 else p.replace("\n", "<br>\n") for k, p in enumerate(parts))


def _content(raw: str, first: int) -> tuple[list[str], list[int]]:
    md, numbers, _ = html.to_markdown(_html_lines(raw), first)
    if any(line.startswith("# ") for line in md):  # an <h1> in a post: under the post's own title
        md = ["#" + line if re.match(r"#{1,5} ", line) else line for line in md]
    return md, numbers


def to_markdown(text: str) -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """Markdown lines, the export line each comes from, and (export line, day) where each post
    and comment begins."""
    md: list[str] = []
    numbers: list[int] = []
    days: list[tuple[int, str]] = []

    def put(line: str, n: int) -> None:
        md.append(line)
        numbers.append(n)

    for item in _items(text):
        kind = item.type.lower()
        if kind in _SKIP_TYPES or kind.startswith("wp_") or item.status.lower() in _SKIP_STATUS:
            continue
        body, body_numbers = _content(item.content, item.content_line) if item.content.strip() else ([], [])
        if kind not in ("post", "page") and not body:
            continue  # a plugin's record with nothing written in it
        if not body and not item.title:
            continue
        top = item.title_line or item.line
        posted, changed = _day(item.date), _day(item.modified)
        # (Not "changed 2025-10-01" beside it: the word would read as a change the post tells.)
        when = posted or changed
        title = item.title or ("Untitled page" if kind == "page" else "Untitled post")
        heading = f"# {title} ({when})" if when else f"# {title}"
        put(heading, top)
        put("", top)
        if day := max(posted, changed):
            days.append((item.line, day))
        for line, n in zip(body, body_numbers):
            put(line, n)
        put("", body_numbers[-1] if body_numbers else top)
        categories = [(name, n) for domain, name, n in item.terms
                      if domain == "category" and name and name.lower() != "uncategorized"]
        tags = [(name, n) for domain, name, n in item.terms if domain == "post_tag" and name]
        if (categories or tags) and body:
            # The title again over them, at their line: said after the post's own headings, they
            # are the post's, not its last section's.
            put(heading, (categories or tags)[0][1])
            put("", (categories or tags)[0][1])
        if categories:
            label = "Category" if len(categories) == 1 else "Categories"
            put(f"- {label}: {', '.join(name for name, _ in categories)}", categories[0][1])
        if tags:
            put(f"- Tags: {', '.join(name for name, _ in tags)}", tags[0][1])
        if categories or tags:
            put("", numbers[-1])
        for c in item.comments:
            if c.approved != "1" or c.type not in ("", "comment") or not c.content.strip():
                continue
            day = _day(c.date)
            who = f" by {c.author}" if c.author else ""
            put(f"## Comment{who}{f' ({day})' if day else ''}", c.line)
            put("", c.line)
            if day:
                days.append((c.line, day))
            said, said_numbers = _content(c.content, c.content_line)
            for line, n in zip(said, said_numbers):
                put(line.lstrip("#").strip() if line.startswith("#") else line, n)
            put("", said_numbers[-1] if said_numbers else c.line)
    return md, numbers, days
