"""A phone's text messages as "SMS Backup & Restore" saves them (`sms-<stamp>.xml`), one record
per message.

Read as code, the XML is one paragraph of attributes: the body of one message beside the
`date="1780388040000"` of another. Each `<sms .../>` element is one line of the file and becomes
one record, so a message is found by what it says, dated by when it came and cited by its line:

    <sms address="+27215550192" type="1" body="Rent increases to R12 190 ..." readable_date="2 Jun 2026 10:14:00"
         contact_name="Candice Petersen" .../>
    ->  date: 2 Jun 2026 10:14:00; from: Candice Petersen (+27215550192); message: Rent increases to R12 190 ...

`type` 1 is a message received ("from"), 2 one sent ("to"); a sender not in the phone's contacts
("(Unknown)") is its number alone.
"""
from __future__ import annotations

import html
import re

_ROOT = re.compile(r"<smses\b")
_SMS = re.compile(r"^\s*<sms\s(.*?)/?>\s*$")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SENT = {"2", "4", "5", "6"}  # sent, outbox, failed, queued


def looks_like_sms_backup(lines: list[str]) -> bool:
    return any(_ROOT.search(line) for line in lines[:10])


def records(lines: list[str]) -> list[tuple[int, list[tuple[str, str]]]]:
    """(1-based line, [(field, value)]) for each message with a body."""
    out = []
    for n, line in enumerate(lines, 1):
        m = _SMS.match(line)
        if not m:
            continue
        attrs = {k: html.unescape(v).strip() for k, v in _ATTR.findall(m.group(1))}
        body = " ".join(attrs.get("body", "").split())
        if not body or body == "null":
            continue
        number = attrs.get("address", "")
        name = attrs.get("contact_name", "")
        if name in ("(Unknown)", "null"):
            name = ""
        who = f"{name} ({number})" if name and number else name or number
        fields = [("date", attrs["readable_date"])] if attrs.get("readable_date") else []
        if who:
            fields.append(("to" if attrs.get("type") in _SENT else "from", who))
        fields.append(("message", body))
        out.append((n, fields))
    return out
