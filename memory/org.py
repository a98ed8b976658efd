"""Org-mode outlines read as the markdown they mean, line for line.

People who live in Emacs keep notes as Org files (`.org`, or Org written into a `.md`):
`** TODO Renew the van insurance :admin:` is a heading and a task, `DEADLINE: <2027-02-02 Tue>`
and a `:PROPERTIES:` drawer hold that heading's facts. Read as markdown, `* Shop` would be a
bullet and `:POLICY: HB-5520193` a stray line. Each Org line is rewritten to the markdown line
that says the same thing, on the same line number, so the markdown parser, chunking and
citations work unchanged:

    #+TITLE: Nell's TODO          ->  # Nell's TODO
    ** TODO Renew van insurance   ->  ### Renew van insurance            (state "TODO" kept apart)
       DEADLINE: <2027-02-02 Tue> ->     - deadline: 2027-02-02 Tue
       :PROPERTIES: / :END:       ->  (blank)
       :POLICY:   HB-5520193      ->     - policy: HB-5520193
"""
from __future__ import annotations

import re

_KEYWORD = re.compile(r"^#\+([A-Za-z_]+):\s*(.*)$")
_HEADLINE = re.compile(r"^(\*+)\s+(.*?)\s*$")
_STATE = re.compile(r"^(TODO|DONE|WAITING|NEXT|STARTED|HOLD|SOMEDAY|CANCELLED|CANCELED)\b\s*")
_PRIORITY = re.compile(r"^\[#[A-Z0-9]\]\s*")
_TAGS = re.compile(r"\s+(:[\w@#%]+)+:\s*$")
_DRAWER = re.compile(r"^\s*:([A-Za-z_][\w-]*):\s*(.*?)\s*$")
_PLANNING = re.compile(r"\b(DEADLINE|SCHEDULED|CLOSED):\s*([<\[][^>\]]*[>\]])")

# What a task's state says, as words a person would use in a question.
STATE_WORDS = {
    "TODO": "to do",
    "NEXT": "to do next",
    "STARTED": "in progress",
    "WAITING": "waiting",
    "HOLD": "on hold",
    "SOMEDAY": "someday",
    "DONE": "done",
    "CANCELLED": "cancelled",
    "CANCELED": "cancelled",
}


def looks_like_org(lines: list[str]) -> bool:
    """Org syntax in a file that is not named `.org`: `#+TITLE:`-style keywords or a property
    drawer, together with `*` headlines. A markdown note with `* item` bullets has neither."""
    stars = any(_HEADLINE.match(line) for line in lines)
    marks = any(_KEYWORD.match(line) for line in lines[:20]) or any(line.strip() == ":PROPERTIES:" for line in lines)
    return stars and marks


def headline(text: str) -> tuple[str, str] | None:
    """`** TODO [#A] Renew van insurance :admin:van:` -> ("Renew van insurance", "TODO")."""
    m = _HEADLINE.match(text)
    if not m:
        return None
    title = m.group(2)
    state = ""
    s = _STATE.match(title)
    if s:
        state = s.group(1)
        title = title[s.end():]
    title = _PRIORITY.sub("", title)
    title = _TAGS.sub("", title).strip()
    return title, state


def to_markdown(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """The same number of lines, in markdown; and the task state of each headline that has one
    (0-based line index -> "TODO"), which markdown cannot say."""
    out: list[str] = []
    states: dict[int, str] = {}
    titled = any((m := _KEYWORD.match(line)) and m.group(1).upper() == "TITLE" for line in lines)
    in_drawer = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        kw = _KEYWORD.match(line)
        if kw:
            out.append(f"# {kw.group(2).strip()}" if kw.group(1).upper() == "TITLE" and kw.group(2).strip() else "")
            continue
        head = headline(line)
        if head:
            in_drawer = False
            depth = len(_HEADLINE.match(line).group(1)) + (1 if titled else 0)
            out.append(f"{'#' * min(depth, 6)} {head[0]}")
            if head[1]:
                states[i] = head[1]
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if stripped.upper() in (":PROPERTIES:", ":LOGBOOK:"):
            in_drawer = True
            out.append("")
            continue
        if stripped.upper() == ":END:":
            in_drawer = False
            out.append("")
            continue
        planning = _PLANNING.findall(line)
        if planning and not _PLANNING.sub("", line).strip():
            out.append(indent + "- " + "; ".join(f"{k.lower()}: {v[1:-1].strip()}" for k, v in planning))
            continue
        if re.fullmatch(r"\|[-+:]*-[-+:]*\|?", stripped):
            # An Org table's rule ("|------+-----|") is markdown's separator row ("|---|---|").
            out.append(indent + stripped.replace("+", "|"))
            continue
        drawer = _DRAWER.match(line) if in_drawer else None
        if drawer:
            key, value = drawer.group(1), drawer.group(2)
            out.append(f"{indent}- {key.lower().replace('_', ' ')}: {value}" if value else "")
            continue
        out.append(line)
    return out, states
