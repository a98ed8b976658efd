"""Gemini capsule pages (`.gmi`: gemtext, the Gemini protocol's page format), read as the markdown
they mean.

Read as plain text, a page's `## Me` was a sentence of its own and every bullet under it carried
only the page's title, so "my doctor" and "the children's doctor" were told apart by nothing.
Gemtext is close to markdown, line by line:

    # Title / ## Section / ### Sub    ->  the same headings
    * item                            ->  - item
    > quoted                          ->  > quoted
    => gemini://host/page.gmi Label   ->  Label   (a link line says what it links to by its label)
    => 2026-11-04-reorg.gmi           ->  2026-11-04-reorg.gmi   (no label: the address is what it says)
    ``` alt text ... ```              ->  a code block, kept as written

Every line is cited at the file line it came from; a gemlog post is dated by the day its file
name begins with, as any journal file is.
"""
from __future__ import annotations

import re

GEMTEXT_EXT = {".gmi", ".gemini"}

_LINK = re.compile(r"^=>\s*(\S+)(?:\s+(.*\S))?\s*$")


def to_markdown(lines: list[str]) -> tuple[list[str], list[int]]:
    out: list[str] = []
    fenced = False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
            out.append("```")
            continue
        if fenced:
            out.append(line)
            continue
        link = _LINK.match(line)
        if link:
            out.append(f"- {link.group(2) or link.group(1)}")
        elif line.startswith("* "):
            out.append(f"- {line[2:].strip()}")
        else:
            out.append(line.rstrip())
    if fenced:
        out.append("```")  # a block never closed ends with the page, its lines kept
        return out, [*range(1, len(lines) + 1), len(lines)]
    return out, list(range(1, len(lines) + 1))
