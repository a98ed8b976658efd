"""A Mastodon account archive's `outbox.json`, read as the user's posts, each under its day.

Mastodon's "Request your archive" gives a zip with `actor.json` (the profile), `likes.json`,
`bookmarks.json` and `outbox.json`: an ActivityStreams `OrderedCollection` whose `orderedItems`
are the user's activities. A post is a `Create` activity whose `object` (a `Note`) holds the
post as HTML (`content`: `<p>...</p>`, mentions and hashtags as links) and the moment it was
`published` (UTC, "2026-09-11T16:48:29Z"); a boost is an `Announce` of someone else's post (its
`object` only a URL). Read as data the file was one line of JSON, ids, URLs and HTML. Here the
account heads the page, each day is a heading over that day's posts, each post a paragraph of
its text (a direct message says so, and to whom), citing the line its `content` is on (line 1
when the archive is written on one line, as Mastodon writes it).

A post is dated by the day it was published, so a post after a document's last save is the
newer word on what it says.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from memory.datafiles import json_object

_PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def outbox_of(path: Path, lines: list[str]) -> dict | None:
    if path.suffix.lower() != ".json":
        return None
    data = json_object(lines, "orderedItems")
    if data is None or not isinstance(data["orderedItems"], list):
        return None
    items = [a for a in data["orderedItems"] if isinstance(a, dict)]
    return data if items and all(a.get("type") in ("Create", "Announce") for a in items) else None


def is_archive_part(path: Path, lines: list[str]) -> bool:
    """An archive's actor.json or an empty likes/bookmarks collection: nothing the user wrote."""
    if path.suffix.lower() != ".json" or not (path.parent / "outbox.json").exists() or path.name == "outbox.json":
        return False
    data = json_object(lines, "type")
    return data is not None and (data.get("type") == "Person" and "outbox" in data
                                 or data.get("type") == "OrderedCollection" and not data.get("orderedItems"))


def text_of(content: str) -> str:
    """A post's HTML as text: paragraphs on lines of their own, tags left out."""
    text = re.sub(r"(?i)<br\s*/?>", "\n", content)
    text = re.sub(r"(?i)</p\s*>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(" ".join(line.split()) for line in html.unescape(text).split("\n") if line.strip())


def _audience(activity: dict, note: dict) -> str:
    to = [*(note.get("to") or activity.get("to") or []), *(note.get("cc") or activity.get("cc") or [])]
    if _PUBLIC in to or any(str(t).endswith("/followers") for t in to):
        return ""
    names = [t.get("name", "") for t in note.get("tag") or [] if isinstance(t, dict) and t.get("type") == "Mention"]
    return f"Direct message to {', '.join(n for n in names if n) or 'someone'}: "


def to_markdown(data: dict, lines: list[str], actor: str = "") -> tuple[list[str], list[int], list[tuple[int, str]]]:
    """(markdown, the file line each markdown line comes from, (file line, day) of each post)."""
    at = [n for n, line in enumerate(lines, 1) if re.search(r'"content"\s*:', line)]
    one_line = len(lines) <= 2
    out, numbers = [f"# Mastodon posts{' of ' + actor if actor else ''}", ""], [1, 1]
    posts = []
    k = 0
    for activity in data["orderedItems"]:
        note = activity.get("object") if isinstance(activity, dict) else None
        if not isinstance(note, dict) or not isinstance(note.get("content"), str):
            continue
        line = 1 if one_line else (at[k] if k < len(at) else 1)
        k += 1
        body = text_of(note["content"])
        if note.get("summary"):
            body = f"{text_of(str(note['summary']))}\n{body}"
        when = str(note.get("published") or activity.get("published") or "")[:10]
        audience = _audience(activity, note)
        if audience:  # a direct message opens with its addressee's handle, said before it already
            body = re.sub(r"^(?:@[\w.@-]+\s*)+", "", body)
        if body:
            posts.append((when, line, audience + body))
    days: list[tuple[int, str]] = []
    day = None
    for when, line, body in sorted(posts, key=lambda p: p[0]):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
            days.append((line, when))
        if when != day:
            day = when
            out += [f"## {when}", ""]
            numbers += [line, line]
        rows = body.split("\n")
        out += [*rows, ""]
        numbers += [line] * (len(rows) + 1)
    # One line holds every post: the line's day would be the last post's; the headings date them.
    return out, numbers, [] if one_line else sorted(days)


def actor_name(path: Path) -> str:
    """The account's display name from actor.json beside the outbox ("" when there is none)."""
    import json

    try:
        data = json.loads((path.parent / "actor.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(data.get("name") or data.get("preferredUsername") or "") if isinstance(data, dict) else ""


__all__ = ["actor_name", "is_archive_part", "outbox_of", "text_of", "to_markdown"]
