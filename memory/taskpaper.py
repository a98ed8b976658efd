"""TaskPaper lists (`.taskpaper`: the TaskPaper app, the format many plain-text task apps share),
read as the markdown they mean.

Read as plain text, the lines under a project ran together into one paragraph, since a note line
ends with no full stop: "EMŠO 2207988500213 davčna številka 48213957 osebna izkaznica ..." was one
statement that answered every question about a document. In TaskPaper each line is an item of its
own, nested by tabs:

    Banks:                          ->  # Banks
    <tab>NLB — main account         ->  - NLB — main account
    <tab><tab>IBAN SI56 0201 ...    ->    - IBAN SI56 0201 ...   (under the line it belongs to)
    <tab>- renew potni list @due(2026-09-30) @flagged
                                    ->  - renew potni list (due 2026-09-30)
    <tab>- order e-vinjeta @done(2026-02-14)
                                    ->  - order e-vinjeta (done 2026-02-14)

A project nested in a project is a lower heading. A tag with a value says something and stays in
words ("@done(2026-02-14)" is when it was done, "@project(Documents)" which project an archived
task came from); a bare tag ("@flagged", "@today") is how the user sorts, not what the item says.
Every line is cited at the file line it came from.
"""
from __future__ import annotations

import re
from pathlib import Path

TASKPAPER_EXT = {".taskpaper"}

_TAG = re.compile(r"(?<![\w@])@([\w-]+)(?:\(([^()]*)\))?")
_PROJECT = re.compile(r"^(?!-\s)(.+?):((?:\s+@[\w-]+(?:\([^()]*\))?)*)\s*$")
_TASK = re.compile(r"^-\s+(.*)$")
# How a tag's value reads in words.
_TAG_WORDS = {"done": "done", "due": "due", "start": "starts", "started": "started", "defer": "deferred to",
              "project": "from", "priority": "priority", "search": "search"}


def looks_like_taskpaper(path: Path, lines: list[str]) -> bool:
    """A `.taskpaper` file; or a text file whose items are tab-nested under "Project:" lines with
    "- task @tag" tasks, as TaskPaper writes them."""
    if path.suffix.lower() in TASKPAPER_EXT:
        return True
    projects = sum(1 for line in lines if _PROJECT.match(line) and not line.startswith((" ", "\t")) and not _TAG.search(line.split(":")[0]))
    tagged = sum(1 for line in lines if line.startswith("\t") and _TASK.match(line.strip()) and _TAG.search(line))
    return projects >= 2 and tagged >= 2 and all(not line.startswith("    ") for line in lines)


def _depth(line: str) -> int:
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    return lead.count("\t") + lead.count(" ") // 4


def _tags_in_words(text: str) -> str:
    """"renew potni list @due(2026-09-30) @flagged" -> "renew potni list (due 2026-09-30)"."""
    said = []
    for name, value in _TAG.findall(text):
        if value.strip():
            said.append(f"{_TAG_WORDS.get(name.lower(), name)} {value.strip()}")
    plain = re.sub(r"\s{2,}", " ", _TAG.sub("", text)).strip()
    return f"{plain} ({'; '.join(said)})" if said and plain else plain or "; ".join(said)


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    out: list[str] = []
    numbers: list[int] = []
    heads: list[int] = []  # the depths of the projects the line sits in
    for n, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text:
            out.append("")
            numbers.append(n)
            continue
        depth = _depth(raw)
        while heads and heads[-1] >= depth:
            heads.pop()
        project = _PROJECT.match(text)
        if project and not _TASK.match(text) and not re.search(r"https?:$", project.group(1)):
            heads.append(depth)
            out += ["", f"{'#' * min(6, len(heads))} {_tags_in_words(project.group(1))}"]
            numbers += [n, n]
            continue
        task = _TASK.match(text)
        item = _tags_in_words(task.group(1) if task else text)
        following = next((line for line in lines[n:] if line.strip()), "")
        head = re.match(r"^(\S+(?:\s+\S+){0,3})\s+[—–-]\s+(\S.*)$", item)
        if head and _depth(following) > depth and not _TASK.match(following.strip()):
            # "NLB — main account, salary comes here" over "IBAN SI56 ...": the lines under it are
            # NLB's, so it is written as the label it is ("NLB: main account, ...").
            item = f"{head.group(1)}: {head.group(2)}"
        # An item (a task or a note) nests under the line one tab above it; the project's own
        # items are the top of its list.
        level = max(0, depth - (heads[-1] + 1 if heads else 0))
        out.append(f"{'  ' * level}- {item}")
        numbers.append(n)
    return out, numbers
