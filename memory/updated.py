"""The day a page says it was last updated, in its own words near its top: "_Last updated:
14/02/2026_", "Last updated: 2026-10-28", "zadnje ažurirano: 28. 10. 2026.".

A topic page kept by hand (a Docsify folder's README.md, a Google Doc) carries no other date, so its
old value could not be told older than a dated journal entry's new one. Only the lines before the
page's first "## " heading are read (a later "updated" is something the page tells), and a date
with slashes is read day first unless the page's own dates show the month first ("12/31/2026").
"""
from __future__ import annotations

import re

# A day as pages write it: ISO, "28. 10. 2026", "14/02/2026" or "30-03-2026".
_DAY = r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}))"
_UPDATED = re.compile(r"(?i)(?:last\s+updated|updated|last\s+edited|last\s+changed|last\s+checked|last\s+reviewed|a[žz]urirano|izmijenjeno|aktualisiert|actualizado|"
                      r"mis à jour|aggiornato|bijgewerkt|uppdaterad|opdateret|oppdatert)\s*:?\s*" + _DAY)
_DAY_ALONE = re.compile(_DAY)
# A box titled with the words whose date is its only line: VuePress's "::: info Last checked" over "30-03-2026".
_TITLE_ONLY = re.compile(r"(?i)\blast\s+(?:updated|edited|changed|checked|reviewed)\s*:?\s*$")
_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:19|20)\d{2}\b")


def _day_first(lines: list[str]) -> bool:
    parts = [(int(a), int(b)) for line in lines for a, b in _SLASH.findall(line)]
    return not (any(b > 12 for _, b in parts) and not any(a > 12 for a, _ in parts))


def _iso(m: re.Match, lines: list[str]) -> str:
    """The ISO day of a `_DAY` match, a slash or dash date read as `lines` write theirs; "" if no day."""
    if m.group(1):
        y, mo, d = m.group(1), m.group(2), m.group(3)
    elif m.group(6):
        y, mo, d = m.group(6), m.group(5), m.group(4)
    else:
        a, b = m.group(7), m.group(8)
        y, (d, mo) = m.group(9), ((a, b) if _day_first(lines) else (b, a))
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}" if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31 else ""


def last_updated(lines: list[str], *, top: int = 8) -> str:
    """The ISO day one of the page's first lines (before its first "## ") says it was updated, else ""."""
    for i, line in enumerate(lines[:top]):
        if line.startswith("## "):
            break
        if _TITLE_ONLY.search(line) and i + 1 < len(lines):
            line = f"{line} {lines[i + 1].strip()}"
        if (m := _UPDATED.search(line)) and (day := _iso(m, lines)):
            return day
    return ""


def day_written(value: str) -> str:
    """The ISO day a value that opens with a date writes ("02/03/2026", "2026-11-28"), else ""."""
    m = _DAY_ALONE.match(value.strip())
    return _iso(m, [value]) if m else ""


# A Notion page's properties, under its title: "Date: August 24, 2026", "Created: March 8, 2026 9:15 AM".
_PROPERTY = re.compile(r"^([A-Za-z][A-Za-z ]{0,30}?)\s*:\s+(.+?)\s*$")
_DAY_KEYS = frozenset({"date", "created", "created time", "date created", "edited", "last edited", "last edited time",
                       "updated", "last updated", "modified"})
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_NAMED_DAY = re.compile(r"(?i)^(?:(?P<m1>[a-z]+)\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]+)\.?,?\s+(?P<y2>\d{4}))\b")


def _named_day(value: str) -> str:
    """The ISO day of "August 24, 2026", "Aug 24, 2026" or "24 August 2026" opening `value`, else ""."""
    m = _NAMED_DAY.match(value)
    if not m:
        return ""
    month, day, year = (m.group("m1"), m.group("d1"), m.group("y1")) if m.group("m1") else (m.group("m2"), m.group("d2"), m.group("y2"))
    number = next((i for i, name in enumerate(_MONTHS, 1) if len(month) >= 3 and name.startswith(month.lower())), 0)
    return f"{int(year):04d}-{number:02d}-{int(day):02d}" if number and 1 <= int(day) <= 31 else ""


def property_day(lines: list[str], *, top: int = 12) -> str:
    """The latest day a page's block of properties right under its "# " title gives for when it was
    written or changed (a Notion export: "# Re-org", "", "Date: August 24, 2026", "Tags: work"), else
    "". A journal page's entry is dated only there; its old value in another page is not."""
    if not lines or not lines[0].startswith("# "):
        return ""
    found = []
    for line in lines[1:top]:
        if not line.strip():
            continue
        m = _PROPERTY.match(line)
        if not m:
            break  # the page's text begins: a "Date:" in it is something the page tells
        if m.group(1).strip().lower() in _DAY_KEYS:
            value = m.group(2).strip()
            day = _named_day(value) or day_written(value)
            if day:
                found.append(day)
    return max(found, default="")


__all__ = ["day_written", "last_updated", "property_day"]
