"""Address books in LDIF (RFC 2849): Thunderbird's "Export > LDIF", LDAP tools' dumps.

Each entry is a block of `attribute: value` lines separated by a blank line (`dn:` first; a value
that is not plain ASCII is written base64, `cn:: 6rmA7KeA7JuQ`; a long value continues on lines
that start with a space). Read as plain text, a block was one run-on paragraph, the non-ASCII
names were base64, and "telephoneNumber" or "mozillaHomeLocalityName" meant nothing to a reader.
Each entry becomes a heading (the person's name) over one bullet per attribute a person would
label, on the entry's own line numbers:

    dn: cn=Kim Minji,mail=...    ->  ## Kim Minji
    mobile: 010-5555-0142        ->  - mobile: 010-5555-0142
    birthyear: 1961              ->  - birth year: 1961
"""
from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path

LDIF_EXT = {".ldif", ".ldi"}
_LINE = re.compile(r"^([A-Za-z][\w;-]*)(::?)\s?(.*)$")
# What each attribute says, as a person would label it (lower-cased names).
_LABELS = {
    "cn": "name", "givenname": "first name", "sn": "surname", "displayname": "name", "mozillanickname": "nickname",
    "mail": "email", "mozillasecondemail": "second email", "telephonenumber": "phone", "homephone": "home phone",
    "mobile": "mobile", "pager": "pager", "facsimiletelephonenumber": "fax", "fax": "fax",
    "street": "street", "mozillaworkstreet2": "street", "homepostaladdress": "home address", "mozillahomestreet": "home street",
    "mozillahomestreet2": "home street", "l": "city", "mozillahomelocalityname": "home city", "st": "state",
    "mozillahomestate": "home state", "postalcode": "postal code", "mozillahomepostalcode": "home postal code",
    "c": "country", "mozillahomecountryname": "home country", "o": "organisation", "ou": "department", "title": "title",
    "description": "note", "birthyear": "birth year", "birthmonth": "birth month", "birthday": "birth day",
    "mozillacustom1": "custom 1", "mozillacustom2": "custom 2", "mozillacustom3": "custom 3", "mozillacustom4": "custom 4",
    "mozillahomeurl": "web", "mozillaworkurl": "work web", "nscpaimscreenname": "chat",
}
_SKIP = {"dn", "objectclass", "modifytimestamp", "createtimestamp", "version", "changetype", "mozillausehtmlmail",
         "mozillauseotheremail", "control"}


def is_ldif(path: Path, lines: list[str]) -> bool:
    if path.suffix.lower() in LDIF_EXT:
        return True
    head = [ln for ln in lines[:20] if ln.strip()]
    return bool(head) and head[0].lower().startswith(("dn:", "version: 1")) and any(ln.lower().startswith("objectclass:") for ln in head)


def _value(sep: str, raw: str) -> str:
    if sep == "::":
        try:
            return base64.b64decode(raw.strip(), validate=True).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            return raw.strip()
    return raw.strip()


def to_markdown(lines: list[str]) -> list[str]:
    """Markdown on the same line numbers: each entry's name on its `dn:` line, a bullet per
    labelled attribute, bookkeeping and continuation lines blank."""
    joined = list(lines)
    head = None
    for i, line in enumerate(lines):  # continuation lines join the attribute they continue
        if line.startswith(" ") and head is not None:
            joined[head] += line[1:]
            joined[i] = ""
        elif line.strip():
            head = i
        else:
            head = None
    out = [""] * len(lines)
    entry_at = None
    name = ""
    for i, line in enumerate(joined):
        if not line.strip() or line.startswith("#"):
            if entry_at is not None:
                out[entry_at] = f"## {name or 'Contact'}"
            entry_at, name = None, ""
            continue
        m = _LINE.match(line)
        if not m:
            continue
        attr, value = m.group(1).split(";")[0].lower(), _value(m.group(2), m.group(3))
        if attr == "dn":
            entry_at = i
            cn = re.match(r"\s*cn=([^,]+)", value, re.IGNORECASE)
            name = name or (cn.group(1).strip() if cn else "")
            continue
        if entry_at is None:
            entry_at = i  # an entry without its dn line
        if attr in ("cn", "displayname") and value:
            name = value
        if attr in _SKIP or not value or attr not in _LABELS and not attr.startswith("x-"):
            continue
        out[i] = f"- {_LABELS.get(attr, attr[2:].replace('-', ' '))}: {value}"
    if entry_at is not None:
        out[entry_at] = f"## {name or 'Contact'}"
    return out
