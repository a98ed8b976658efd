"""Contacts (vCard, `.vcf`) and calendars (iCalendar, `.ics`) read as the markdown outline they
mean, line for line, like memory/datafiles.py does for YAML and TOML.

An export from a phone or a calendar app is where a person's numbers and bookings live. Read as
plain text, "TEL;TYPE=CELL:+33 6 12 34 56 78" is no "Key: value" line and the card's name is
lost on the lines below it. Each card or event becomes a heading (its name or summary, put on its
BEGIN line) over one bullet per property, on the same line numbers, so citations stay exact:

    BEGIN:VCARD                       ->  ## Pierre Lemaire
    FN:Pierre Lemaire                 ->  - name: Pierre Lemaire
    TEL;TYPE=CELL:+33 6 12 34 56 78   ->  - phone (cell): +33 6 12 34 56 78
    BEGIN:VEVENT                      ->  ## Ferry Santander - Portsmouth
    DTSTART:20260627T203000Z          ->  - start: 2026-06-27 20:30 UTC
    STATUS:CANCELLED                  ->  - status: cancelled      (and "(cancelled)" in the heading)

A property split over several lines (a folded line starts with a space) is joined onto its first
line; the continuation lines are left blank.
"""
from __future__ import annotations

import re

CARD_EXT = {".vcf", ".vcard", ".ics", ".ical", ".ifb"}

# What each property says, as a person would label it.
_LABELS = {
    "FN": "name", "NICKNAME": "nickname", "TEL": "phone", "EMAIL": "email", "ADR": "address", "ORG": "organisation",
    "TITLE": "title", "ROLE": "role", "BDAY": "birthday", "ANNIVERSARY": "anniversary", "NOTE": "note", "URL": "web",
    "RELATED": "related", "CATEGORIES": "groups",
    "SUMMARY": "summary", "DTSTART": "start", "DTEND": "end", "DUE": "due", "LOCATION": "location",
    "DESCRIPTION": "description", "STATUS": "status", "RRULE": "repeats", "ORGANIZER": "organiser", "ATTENDEE": "attendee",
    "COMMENT": "comment", "COMPLETED": "completed",
}
# Bookkeeping an app writes that says nothing to the person ("UID", "PRODID", "DTSTAMP").
_SKIP = {"BEGIN", "END", "VERSION", "PRODID", "UID", "DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE", "N", "REV",
         "CALSCALE", "METHOD", "TRANSP", "X-WR-CALNAME", "X-WR-TIMEZONE", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"}
# The components that become a heading each; a VCALENDAR only wraps its events.
_ENTRIES = ("VCARD", "VEVENT", "VTODO", "VJOURNAL")
_PROPERTY = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)((?:;[^:]*)?):(.*)$")
_STAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:\d{2})?(Z)?)?$")


def looks_like_cards(lines: list[str]) -> bool:
    return any(re.match(r"^BEGIN:(?:VCARD|VCALENDAR|VEVENT|VTODO)\s*$", ln.strip(), re.IGNORECASE) for ln in lines[:50])


def _unfold(lines: list[str]) -> list[str]:
    """Folded continuation lines joined onto the property they continue (RFC 5545 / 6350)."""
    out = list(lines)
    head = None
    for i, line in enumerate(lines):
        if line[:1] in (" ", "\t") and head is not None:
            out[head] += line[1:]
            out[i] = ""
        else:
            head = i
    return out


def _unescape(value: str) -> str:
    return value.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\").strip()


def _when(value: str, params: str) -> str:
    """"20260627T203000Z" as "2026-06-27 20:30 UTC"; a bare date as "2026-06-27"."""
    m = _STAMP.match(value.strip())
    if not m:
        return value
    y, mo, d, hh, mm, utc = m.groups()
    text = f"{y}-{mo}-{d}"
    if hh:
        text += f" {hh}:{mm}"
        zone = re.search(r"TZID=([^;:]+)", params, re.IGNORECASE)
        text += " UTC" if utc else f" ({zone.group(1)})" if zone else ""
    return text


def _kind(params: str) -> str:
    """"TYPE=CELL,VOICE" → "cell"; the first type that tells one number from another."""
    types = [t.lower() for m in re.finditer(r"TYPE=([^;:]+)", params, re.IGNORECASE) for t in m.group(1).split(",")]
    types += [p.lower() for p in params.strip(";").split(";") if p and "=" not in p]  # vCard 2.1: "TEL;CELL:"
    types = [t.strip('"') for t in types if t.strip('"') not in ("voice", "internet", "pref", "x400")]
    return types[0] if types else ""


def _value(name: str, params: str, raw: str) -> str:
    value = _unescape(raw)
    if name in ("DTSTART", "DTEND", "DUE", "COMPLETED", "BDAY", "ANNIVERSARY"):
        return _when(raw, params)
    if name == "ADR":
        return ", ".join(p.strip() for p in raw.split(";") if p.strip()).replace("\\,", ",")
    if name in ("ORG", "CATEGORIES"):
        return ", ".join(p.strip() for p in re.split(r"(?<!\\);|,", raw) if p.strip())
    if name in ("ORGANIZER", "ATTENDEE"):
        cn = re.search(r'CN="?([^";:]+)', params, re.IGNORECASE)
        mail = re.sub(r"(?i)^mailto:", "", value)
        return f"{cn.group(1)} <{mail}>" if cn else mail
    if name == "STATUS":
        return value.lower()
    if name == "RRULE":
        freq = re.search(r"FREQ=(\w+)", raw)
        return freq.group(1).lower() if freq else value
    return value


def _cancelled(lines: list[str], begin: int) -> bool:
    """Whether the event that starts at `begin` says STATUS:CANCELLED: its heading says so, so
    every line of it reads as the cancelled booking it is."""
    for line in lines[begin + 1:]:
        if re.match(r"^END:", line.strip(), re.IGNORECASE):
            return False
        if re.match(r"^STATUS(?:;[^:]*)?:\s*CANCELL?ED\s*$", line.strip(), re.IGNORECASE):
            return True
    return False


def to_markdown(lines: list[str]) -> list[str]:
    lines = _unfold(lines)
    out = [""] * len(lines)
    begin = None  # the BEGIN line of the card or event being read, until it has its heading
    for i, line in enumerate(lines):
        m = _PROPERTY.match(line.strip())
        if not m:
            out[i] = line.strip()
            continue
        name, params, raw = m.group(1).upper(), m.group(2), m.group(3)
        if name in ("BEGIN", "END"):
            if raw.strip().upper() in _ENTRIES:
                begin = i if name == "BEGIN" else None
            continue
        if name in _SKIP or name.startswith("X-") or name in ("PHOTO", "LOGO", "KEY", "SOUND", "VALARM", "TRIGGER", "ACTION"):
            continue
        value = _value(name, params, raw)
        if not value:
            continue
        if begin is not None and name in ("FN", "SUMMARY"):
            out[begin] = f"## {value}{' (cancelled)' if _cancelled(lines, begin) else ''}"
            begin = None  # headed: a second SUMMARY does not rename it
        label = _LABELS.get(name, name.lower())
        kind = _kind(params) if name in ("TEL", "EMAIL", "ADR", "URL") else ""
        out[i] = f"- {label}{f' ({kind})' if kind else ''}: {value}"
    return out


__all__ = ["CARD_EXT", "looks_like_cards", "to_markdown"]
