"""When a statement was written or filed: the day its file name, heading, page or date column
gives it (to order versions of one fact), as opposed to the dates its words tell."""
from __future__ import annotations

import re
from pathlib import Path

from agent.reader_statements import StatementHit
from agent.reader_text import _MONTH_ABBR, _MONTH_RE, latest_date
from agent.reader_versions import loose_date, month_day, opening_date


_DATE_KEYS = re.compile(r"\b(date|when|updated|changed|modified|created|since|from|effective|as of)\b", re.IGNORECASE)


def _filed_under(st: StatementHit, value: str) -> bool:
    """Whether `value` is the date a log line is filed under ("26/09/26 -- Otis wants ...")."""
    at = st.text.find(value)
    # "Yemma's birthday is 14 February: we celebrate it ..." says the date, it is not filed under it.
    said = re.search(r"\b(?:is|was|are|were|on|falls|be)\s+$", st.text[:at], re.IGNORECASE)
    # (With its time: "Actualizado por Lucía el 02/11/2026 20:48: Her padrino el Tano ...".)
    return at >= 0 and not said and loose_date(st) is not None and bool(re.match(r"\s*(?:\d{1,2}:\d\d(?::\d\d)?\s*)?(?::|-|–|—)", st.text[at + len(value):]))


def _record_month(st: StatementHit) -> set[str]:
    """The month (as _MONTH_STEMS spell it) of a record row's own date column: when the payment
    or entry happened ("Date: 2026-10-11; payee: Ignitis"), not a month its words mention."""
    days = [latest_date(v) for k, v in (st.fields or {}).items() if re.search(r"\bdate\b", k, re.IGNORECASE)]
    return {_MONTH_ABBR[d[1] - 1] for d in days if d and 1 <= d[1] <= 12}


# A day written in words or digits: "5 September", "September 5th", "2026-09-05", "05-09".
_A_DAY = re.compile(rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})|(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)\b",
                    re.IGNORECASE)


def asked_day(question: str) -> tuple[int, int] | None:
    """The (month, day) a question asks about ("How much salary came in on 5 September 2026?")."""
    days = {month_day(m.group(0)) for m in _A_DAY.finditer(question)} - {None}
    return days.pop() if len(days) == 1 else None


def days_of(st: StatementHit) -> set[tuple[int, int]]:
    """The (month, day)s a line is dated or says: a record's own date column when it has one
    (a bank row of the 27th says no other day however its words read), else the days it writes."""
    dated = [v for k, v in (st.fields or {}).items() if re.search(r"\bdate\b", k, re.IGNORECASE)]
    texts = dated or [st.text]
    return {md for t in texts for m in _A_DAY.finditer(t) if (md := month_day(m.group(0)))}


# A file named only by the moment it was made: nb's "20260926161020.md" (a note with a title after
# its stamp, org-roam's "20240501120000-pamuk.org", is a page made then and edited since).
_STAMPED_NAME = re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?:T?\d{4,6})(?:\.todo)?\.\w+$")
# A Dendron journal's day in its dotted hierarchy: "daily.journal.2026.10.03.md".
_DOTTED_DAY = re.compile(r"(?<!\d)(?<!\d\.)((?:19|20)\d\d)\.(0[1-9]|1[0-2])\.([0-3]\d)\.\w+$")


def _dated_path(path: str) -> str:
    """The path, with the day its file name stamps written out where the name stamps one."""
    m = _STAMPED_NAME.match(Path(path).name) or _DOTTED_DAY.search(Path(path).name)
    return f"{path} {m.group(1)}-{m.group(2)}-{m.group(3)}" if m else path


def written_date(st: StatementHit):
    """When a statement was true: its file name's or heading's date, a date column, else the
    latest date in its words; not a deadline it mentions ("refill due: 2026-12-05")."""
    if st.fields:
        keyed = [v for k, v in st.fields.items() if _DATE_KEYS.search(k)]
        # A log entry keyed or headed by its day ("2026-09-08: Folktandvården called: ... moved
        # to 2026-09-29") was written that day; the date it mentions is what it tells.
        label = re.match(r"([^:]{4,24}):", st.text)
        keyed += [k for k in [*st.fields, label.group(1) if label else ""] if k and latest_date(k) and len(k) <= 24]
        # A row's own date column says when it was written better than its file's name (a
        # password manager's "export-2026-11-28.csv" holds rows last changed years before).
        found = latest_date(" ".join(keyed)) or latest_date(f"{_dated_path(st.path)} {st.topic} {' '.join(keyed)}")
        if found or keyed:
            return found
        return latest_date(f"{_dated_path(st.path)} {st.topic}")
    return latest_date(f"{_dated_path(st.path)} {st.topic} {st.text}")


def version_date(st: StatementHit):
    """written_date, for ordering two versions of one fact: a page last changed on 11 June cannot
    have been written on 15 September, so that date is what the line tells (an appointment) and
    the page's day is when it was said. (The recency nudge keeps the date the line names.)"""
    found = written_date(st)
    if found and not st.fields and (heading := latest_date(f"{_dated_path(st.path)} {st.topic}")) and heading[0] and heading[2] and found > heading:
        # A line under a heading dated to the day ("Weekly sync, 7 Sep 2026": "Target launch date:
        # 12 November") was written that day; the later date in its words is what it tells, not
        # when it was said. (A date that opens the line, "2026-10-06: moved to Thursdays", is its
        # own; under a month's heading, "Log 2026-11", the line's "11-22" may be its day.)
        opening = opening_date(st.text)
        found = max(heading, opening) if opening and opening[0] else heading
    page = latest_date(st.written)
    if found is None and page and (md := month_day(st.topic)) and md[0]:
        # A diary's heading "Fredag 11. september" on a page written 2026-09-30: that day of the
        # page's year (of the year before, were it after the page's date).
        return (page[0] if md <= page[1:] else page[0] - 1, *md)
    return page if found and page and found > page else found


def page_date(st: StatementHit):
    """The day its page says it was last changed (a tiddler's `modified`, a Hugo page's `lastmod`):
    only to order versions of a fact (reader_versions._newer), never to make two records out of
    lines on pages changed on different days."""
    return latest_date(st.written)
