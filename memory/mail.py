"""A mailbox (`.mbox`, as Thunderbird, mutt or a Gmail Takeout export it) read as the outline it
means, line for line, like memory/cards.py does for contacts.

Read as one plain text, a mailbox is one document: the first message's subject heads every line
of every later message, and a renewal e-mail from October reads as part of a January one. Each
message becomes a heading (its subject and the day it was sent, on its "From " separator line),
so its lines are about that message and dated by it; the headers a person reads (From, To,
Subject, Date) stay as lines, the transport's ("Message-ID", "Content-Type") and quoted replies
("> ...", the earlier message again) are blanked:

    From ramesh@example.in Sat Apr 18 09:12:44 2026  ->  ## Rental agreement renewal - Ramesh <ramesh@example.in> - 18 Apr 2026
    From: Ramesh Gowda <ramesh@example.in>            ->  From: Ramesh Gowda <ramesh@example.in>
    Message-ID: <2026...@example.in>                  ->  (blank)
    > As you know the current agreement ...           ->  (blank)
"""
from __future__ import annotations

import re

MAIL_EXT = {".mbox", ".mbx"}

_SEPARATOR = re.compile(r"^From \S+\s+\w{3} \w{3}\s+\d{1,2} [\d:]+ \d{4}\s*$")
_HEADER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):\s?(.*)$")
_KEPT = {"from", "to", "cc", "subject", "date"}
_DATE = re.compile(r"(\d{1,2}) (\w{3}) (\d{4})")


def looks_like_mbox(lines: list[str]) -> bool:
    first = next((ln for ln in lines if ln.strip()), "")
    return bool(_SEPARATOR.match(first))


def _title(headers: dict[str, str]) -> str:
    """What the message is, who sent it and when, as a saved letter's headers say it: the
    sender's address marks the date as the day it was sent, not a date its lines give."""
    subject = headers.get("subject", "").strip() or "(no subject)"
    day = _DATE.search(headers.get("date", ""))
    parts = [subject, headers.get("from", "").strip(), " ".join(day.groups()) if day else ""]
    return " - ".join(p for p in parts if p)


def mbox_to_markdown(lines: list[str]) -> list[str]:
    out = list(lines)
    i = 0
    while i < len(lines):
        if not _SEPARATOR.match(lines[i]):
            # Body text; a quoted earlier message is said again by its own entry.
            if lines[i].lstrip().startswith(">"):
                out[i] = ""
            elif lines[i].startswith(">From "):
                out[i] = lines[i][1:]  # mboxrd's escaped "From " in a body
            i += 1
            continue
        start, headers, j = i, {}, i + 1
        last = None
        while j < len(lines) and lines[j].strip():
            m = _HEADER.match(lines[j])
            if m and not lines[j][:1].isspace():
                last = m.group(1).lower()
                headers.setdefault(last, m.group(2))
                if last not in _KEPT:
                    out[j] = ""
            elif last is not None:
                headers[last] = headers.get(last, "") + " " + lines[j].strip()  # a folded header
                out[j] = ""
            j += 1
        out[start] = f"## {_title(headers)}"
        i = j
    return out
