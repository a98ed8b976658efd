"""A note's own lines, read once per change of the file, and what the note around a line says
it is about (front matter, title, headings, the line it is indented under)."""
from __future__ import annotations

import functools
import re
from pathlib import Path


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")  # Markdown's "## Loan"
_ORG_HEADING = re.compile(r"^(\*+)\s+(.*?)\s*$")  # org's "** Loan" (in Markdown "* x" is a bullet)
_FIELD_LINE = re.compile(r"^\s*(?:[-*+]\s+)?[^:]{1,30}:\s+\S")
_ORG_TITLE = re.compile(r"^#\+title:\s*(.+)$", re.IGNORECASE)


def _note_lines(path: str) -> list[str]:
    """A note's lines, read once per change of the file ([] when it is no file here)."""
    try:
        return _read_note(path, Path(path).stat().st_mtime_ns)
    except (OSError, ValueError):
        return []


@functools.lru_cache(maxsize=256)  # a long-running daemon touches many notes: keep the recent ones
def _read_note(path: str, mtime_ns: int) -> list[str]:
    return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()


def note_line(path: str, line: int) -> str:
    """The note's line `line` (counted from 1), "" when it has none."""
    lines = _note_lines(path)
    return lines[line - 1] if 0 < line <= len(lines) else ""


_TOML_TABLE_LINE = re.compile(r"^\s*\[")
_TOML_SHORT_VALUE = re.compile(r"^\s*[\w.-]+\s*=\s*\"([^\"]{1,40})\"\s*(?:#.*)?$")


def note_context(path: str, line: int) -> str:
    """What the note around a line says it is about, when the line does not: the values of its
    front matter ("project: Tuas DC rollout"), its title ("# Flat", org's "#+title: Car (Clio)")
    and the headings over the line ("## Loan", org's "** Loan"), the first line of its block
    ("- Acme loan, 2.6%" over "- monthly instalment: $1,412") and the line it is indented under."""
    lines = _note_lines(path)
    if not lines:
        return ""
    heading = _ORG_HEADING if path.lower().endswith(".org") else _HEADING
    out: list[str] = []
    start = 0
    front = _FRONT_MATTER.match("\n".join(lines))
    if front:
        body = front.group(1).splitlines()
        out += [v.split(":", 1)[1] for v in body if ":" in v and not v.split(":", 1)[0].strip().lower() in ("tags", "aliases", "date", "created", "updated")]
        start = len(body) + 2
    heads: dict[int, str] = {}
    section = start
    for i in range(start, min(line - 1, len(lines))):
        if t := _ORG_TITLE.match(lines[i]):
            out.append(t.group(1))  # org's "#+title: Car (Clio)"
            continue
        h = heading.match(lines[i])
        if h:
            level = len(h.group(1))
            # A block of comment lines heading a data file ("# shaadi.rec -- Hamza ki shaadi,
            # Karachi" then "# (planned in September ...)") is one header, read whole.
            said = heads[level] + " " if level in heads and section == i and i > start else ""
            heads = {k: v for k, v in heads.items() if k < level} | {level: said + h.group(2)}
            section = i + 1
    out += list(heads.values())
    # The first line of the line's block (up to a blank line or heading), which its siblings
    # follow ("- Acme loan, 2.6%", then "- monthly instalment: ..."; "becca" over her lines), and
    # the line it is indented under. Not the sibling lines between: those are other things.
    here = line - 1
    if not 0 < here < len(lines):
        return " ".join(out)
    if path.lower().endswith(".toml"):
        # A TOML table is one record: its other keys' short values say what the line is about
        # ("operator = \"Tallink\"" for the "booking = ..." below it).
        out += [m.group(1) for ln in _toml_table(lines, here) if (m := _TOML_SHORT_VALUE.match(ln))]
    lead = here
    while lead > section and lines[lead - 1].strip() and not heading.match(lines[lead - 1]):
        lead -= 1
    # A lead that is a field of its own ("Vehicle: Ather 450X" over "Premium paid: ...") is a
    # sibling: the premium is the policy's, not what the scooter cost.
    if lead < here and not _FIELD_LINE.match(lines[lead]):
        out.append(lines[lead])
    indent = len(lines[here]) - len(lines[here].lstrip())
    above = here - 1
    while above > lead and (len(lines[above]) - len(lines[above].lstrip())) >= indent:
        above -= 1
    if above > lead and len(lines[above]) - len(lines[above].lstrip()) < indent:
        out.append(lines[above])
    return " ".join(out)


def _toml_table(lines: list[str], here: int) -> list[str]:
    """The lines of the TOML table that line `here` (counted from 0) is in, its header left out."""
    first = next((i for i in range(here, -1, -1) if _TOML_TABLE_LINE.match(lines[i])), -1)
    end = next((i for i in range(here + 1, len(lines)) if _TOML_TABLE_LINE.match(lines[i])), len(lines))
    return lines[first + 1:end]


def record_lines(path: str, line: int, end_line: int | None = None) -> list[str]:
    """The whole record a line belongs to, as its note keeps it: a TOML table, the keys indented
    under one key of a YAML or outline list ("milk:" over "name: Hollin Farm Dairy" and "account
    no: HFD-2291"), else the paragraph around the line ("Cargo bike: Urban Arrow Family, ...
    Frame number UA-4410-7726."). What tells two such records apart is often written there, not
    in the line that holds the asked value. [] when the note is not here."""
    lines = _note_lines(path)
    here = line - 1
    if not 0 <= here < len(lines):
        return []
    if path.lower().endswith(".toml"):
        return [ln.strip() for ln in _toml_table(lines, here) if ln.strip() and not ln.lstrip().startswith("#")]
    indent = len(lines[here]) - len(lines[here].lstrip())
    if indent > 0:
        parent = next((i for i in range(here - 1, -1, -1) if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) < indent), None)
        if parent is not None:
            outer = len(lines[parent]) - len(lines[parent].lstrip())
            end = next((i for i in range(here + 1, len(lines))
                        if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= outer), len(lines))
            return [ln.strip() for ln in lines[parent + 1:end] if ln.strip()]
    heading = _ORG_HEADING if path.lower().endswith(".org") else _HEADING
    # A short section is one record ("### Dev's van" over "Ford Transit Custom, white, ... MOT due 2 July").
    top = next((i for i in range(here, -1, -1) if heading.match(lines[i])), None)
    if top is not None and top < here:
        end = next((i for i in range(here + 1, len(lines)) if heading.match(lines[i])), len(lines))
        body = "\n".join(lines[top + 1:end]).strip("\n")
        section = [ln.strip() for ln in body.splitlines() if ln.strip()]
        if len(section) <= 8 and not re.search(r"\n\s*\n", body):
            return section  # (one block: "# Bikes" over a paragraph per bike is a record per paragraph)
    if re.match(r"\s*(?:[-*+]|\d+[.)])\s|\s*\|", lines[here]):
        return [lines[here].strip()]  # a bullet of a long list, a table's row: a record of its own
    start = here
    while start > 0 and lines[start - 1].strip() and not heading.match(lines[start - 1]):
        start -= 1
    end = min(max(end_line or line, line), len(lines))
    while end < len(lines) and lines[end].strip() and not heading.match(lines[end]):
        end += 1
    return [ln.strip() for ln in lines[start:end] if ln.strip()]
