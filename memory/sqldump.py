"""SQL dumps and migrations (`sqlite3 home.db .dump`, `migrations/0005_2026-07-20_lease.sql`),
read as the records they hold.

Some people keep their household data in a small database and its text in git: a dump, and
dated migration files that change it. Read as code, `INSERT INTO people VALUES(10,'Lin Chih-Ming',
'manager at JingYue',...)` was a line of punctuation whose values had no names. Each statement
becomes what it says, cited at the line it starts on:

    CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, ...)
                                ->  ## people, and the columns its rows are read under
    INSERT INTO people VALUES(10,'Lin Chih-Ming','manager',...)
                                ->  | Lin Chih-Ming | manager | ... |  (a row under its column names)
    INSERT INTO profile VALUES('mobile','0912-555-347','note')   (a key/value table)
                                ->  - mobile: 0912-555-347 (note)
    UPDATE people SET relation = 'former manager' WHERE id = 10
                                ->  - Lin Chih-Ming: relation: now former manager
    DELETE FROM people WHERE id = 13
                                ->  - Chen Shu-Fen: removed from people
    -- a comment               ->  its text (migrations say why in their comments)

A migration names no columns and no rows ("WHERE id = 10"); they are looked up in the dumps
beside it (the same folder and the one above), so its change reads as a change of that record.
PRAGMA, BEGIN/COMMIT, indexes and SELECT queries are left out. A migration is dated by the day
in its file name ("0005_2026-07-20_..."); a dump by the first date of its opening comment.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from memory.tables import table_row

SQL_EXT = {".sql"}
SCHEMA_BYTES = 2_000_000  # a dump beside a migration is read for its tables only up to this size

_STATEMENT_START = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.IGNORECASE)
_CREATE = re.compile(r"^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([\"`\[]?[\w.]+[\"`\]]?)\s*\((.*)\)\s*;?\s*$",
                     re.IGNORECASE | re.DOTALL)
_INSERT = re.compile(r"^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+([\"`\[]?[\w.]+[\"`\]]?)\s*(?:\(([^)]*)\))?\s*VALUES\s*(.*?)\s*;?\s*$",
                     re.IGNORECASE | re.DOTALL)
_UPDATE = re.compile(r"^\s*UPDATE\s+([\"`\[]?[\w.]+[\"`\]]?)\s+SET\s+(.*?)(?:\s+WHERE\s+(.*?))?\s*;?\s*$", re.IGNORECASE | re.DOTALL)
_DELETE = re.compile(r"^\s*DELETE\s+FROM\s+([\"`\[]?[\w.]+[\"`\]]?)(?:\s+WHERE\s+(.*?))?\s*;?\s*$", re.IGNORECASE | re.DOTALL)
_LEFT_OUT = re.compile(r"^\s*(?:PRAGMA|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|CREATE\s+(?:UNIQUE\s+)?INDEX|CREATE\s+(?:VIEW|TRIGGER)|"
                       r"DROP|ALTER|SELECT|WITH|VACUUM|ANALYZE|\.\w+)\b", re.IGNORECASE)
_CONSTRAINT = re.compile(r"^\s*(?:PRIMARY|FOREIGN|UNIQUE|CHECK|CONSTRAINT)\b", re.IGNORECASE)
_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_KEY_COLUMNS = ("key", "name", "field", "item", "attribute")
_VALUE_COLUMNS = ("value", "val")


def looks_like_dump(path: Path, lines: list[str]) -> bool:
    """A `.sql` file that creates, inserts, updates or deletes rows (not a file of queries only)."""
    return path.suffix.lower() in SQL_EXT and any(_STATEMENT_START.match(line) for line in lines[:5000])


def written(path: Path, lines: list[str]) -> str:
    """The day a migration's name gives ("0005_2026-07-20_lease.sql"), else the first day its
    opening comment says ("-- sqlite3 home.db .dump (yearly review, 2026-01-10)"); ISO or ""."""
    m = _DAY.search(path.stem)
    if not m:
        opening = [line for line in lines[:5] if line.lstrip().startswith("--")]
        m = _DAY.search(" ".join(opening))
    return "-".join(m.groups()) if m else ""


def _name(word: str) -> str:
    return word.strip().strip("\"`[]").split(".")[-1]


def _label(column: str) -> str:
    return column.replace("_", " ")


def statements(lines: list[str]) -> list[tuple[int, str, str]]:
    """(first line, statement text, trailing comment) for each statement ended by ";" outside
    quotes; a comment line on its own is ("-- ..." as its text, ""). A statement never closed is
    returned as it stands at the end of the file."""
    out: list[tuple[int, str, str]] = []
    buf: list[str] = []
    start = 0
    quote = False
    for n, line in enumerate(lines, 1):
        if not buf and not quote and line.lstrip().startswith("--"):
            out.append((n, line.strip(), ""))
            continue
        if not buf and not line.strip():
            continue
        if not buf:
            start = n
        end = None
        i = 0
        while i < len(line):
            c = line[i]
            if c == "'":
                quote = not quote
            elif not quote and c == ";":
                end = i
                break
            elif not quote and line.startswith("--", i):
                break
            i += 1
        if end is None:
            buf.append(line)
            continue
        buf.append(line[:end])
        rest = line[end + 1:].strip()
        comment = rest[2:].strip() if rest.startswith("--") else ""
        out.append((start, "\n".join(buf), comment))
        buf = []
    if buf:
        out.append((start, "\n".join(buf), ""))
    return out


def values(text: str) -> list[str | None]:
    """The literals of one SQL list ("10,'Bo''ai',NULL,3.5" -> ["10", "Bo'ai", None, "3.5"])."""
    out: list[str | None] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n:
            break
        if text[i] == "'":
            j, chars = i + 1, []
            while j < n:
                if text[j] == "'" and j + 1 < n and text[j + 1] == "'":
                    chars.append("'")
                    j += 2
                elif text[j] == "'":
                    break
                else:
                    chars.append(text[j])
                    j += 1
            out.append("".join(chars))
            i = j + 1
        else:
            j = i
            depth = 0
            while j < n and (depth or text[j] != ","):
                depth += text[j] == "("
                depth -= text[j] == ")"
                j += 1
            word = text[i:j].strip()
            out.append(None if word.upper() == "NULL" else word)
            i = j
    return out


def _rows(text: str) -> list[str]:
    """The parenthesised tuples of a VALUES clause, each without its brackets."""
    rows, depth, quote, start = [], 0, False, 0
    for i, c in enumerate(text):
        if c == "'":
            quote = not quote
        elif not quote and c == "(":
            depth += 1
            if depth == 1:
                start = i + 1
        elif not quote and c == ")":
            depth -= 1
            if depth == 0:
                rows.append(text[start:i])
    return rows


def _columns(body: str) -> list[str]:
    """The column names of a CREATE TABLE's body, constraints left out."""
    parts, depth, quote, cur = [], 0, False, []
    for c in body:
        if c == "'":
            quote = not quote
        if not quote and c == "(":
            depth += 1
        elif not quote and c == ")":
            depth -= 1
        if not quote and depth == 0 and c == ",":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    parts.append("".join(cur))
    return [_name(p.split()[0]) for p in parts if p.strip() and not _CONSTRAINT.match(p)]


class _Table:
    def __init__(self, columns: list[str]):
        self.columns = columns
        self.rows: dict[str, list[str | None]] = {}  # primary key (or first column) -> the row
        self.names: dict[str, str] = {}  # primary key -> the row's name

    def name_rows(self) -> None:
        """Each row named by its first shown column; by its first two where rows share the first
        ("Pin-Yen homeroom teacher", "Pin-Yen swimming" in a table of the kids' activities)."""
        firsts = [self.name_of(row) for row in self.rows.values()]
        shown = self.shown()
        for key, row in self.rows.items():
            name = self.name_of(row)
            if firsts.count(name) > 1 and len(shown) > 1 and shown[1] < len(row) and row[shown[1]]:
                name = f"{name} {row[shown[1]]}"
            self.names[key] = name

    @property
    def keyed(self) -> bool:
        """A key/value table ("profile": key, value, note)."""
        low = [c.lower() for c in self.columns]
        return len(low) >= 2 and low[0] in _KEY_COLUMNS and low[1] in _VALUE_COLUMNS

    def shown(self) -> list[int]:
        """The columns a row is read under: an integer id says nothing to the reader."""
        return [i for i, c in enumerate(self.columns) if not (i == 0 and c.lower() in ("id", "rowid") and len(self.columns) > 1)]

    def name_of(self, row: list[str | None]) -> str:
        shown = self.shown()
        i = shown[0] if shown else 0
        return (row[i] or "") if i < len(row) else ""


def _read_tables(stmts: list[tuple[int, str, str]], tables: dict[str, _Table]) -> None:
    """Tables and row names a file's statements define, added to `tables`."""
    for _, text, _ in stmts:
        if (m := _CREATE.match(text)):
            tables.setdefault(_name(m.group(1)).lower(), _Table(_columns(m.group(2))))
        elif (m := _INSERT.match(text)) and (table := tables.get(_name(m.group(1)).lower())):
            for row in _rows(m.group(3)):
                vals = values(row)
                if vals and vals[0] is not None:
                    table.rows[vals[0]] = vals
    for table in tables.values():
        table.name_rows()


@lru_cache(maxsize=64)
def _dumps_beside(folder: str, stamp: tuple) -> dict[str, _Table]:
    tables: dict[str, _Table] = {}
    for path in sorted(p for d in (Path(folder), Path(folder).parent) for p in d.glob("*.sql")):
        try:
            if path.stat().st_size <= SCHEMA_BYTES:
                _read_tables(statements(path.read_text(encoding="utf-8", errors="replace").splitlines()), tables)
        except OSError:
            continue  # a dump that vanished while read: its tables are not known
    return tables


def _tables_beside(path: Path) -> dict[str, _Table]:
    """The tables of the dumps in `path`'s folder and the one above, keyed by lower-case name;
    cached until one of those files changes."""
    try:
        stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for d in (path.parent, path.parent.parent) for p in d.glob("*.sql")))
    except OSError:
        stamp = ()
    return _dumps_beside(str(path.parent), stamp)


def _where_key(cond: str | None) -> str | None:
    """The key a WHERE clause picks one row by ("id = 10", "key='mobile'"), or None."""
    if not cond:
        return None
    m = re.fullmatch(r"\s*\w+\s*=\s*(?:'((?:[^']|'')*)'|(-?\d+))\s*", cond)
    if not m:
        return None
    return m.group(1).replace("''", "'") if m.group(1) is not None else m.group(2)


def _assignments(text: str) -> list[tuple[str, str | None]]:
    """The column = value pairs of a SET clause."""
    out: list[tuple[str, str | None]] = []
    for m in re.finditer(r"([\"`\[]?\w+[\"`\]]?)\s*=\s*('(?:[^']|'')*'|[^,]+)", text):
        val = values(m.group(2))
        out.append((_name(m.group(1)), val[0] if val else None))
    return out


def to_markdown(lines: list[str], path: Path) -> tuple[list[str], list[int]]:
    """The dump's statements as markdown, each line numbered as the file line it starts on."""
    stmts = statements(lines)
    own: dict[str, _Table] = {}
    _read_tables(stmts, own)
    # Only a file that changes tables it does not create (a migration) reads the dumps beside it.
    changed = {_name(m.group(1)).lower() for _, text, _ in stmts if (m := _INSERT.match(text) or _UPDATE.match(text) or _DELETE.match(text))}
    tables = {**_tables_beside(path), **own} if changed - own.keys() else own
    md: list[str] = []
    numbers: list[int] = []
    heading = None  # the table whose heading the last lines sit under
    header = None   # the table whose header row the last line continues

    prose = False  # whether the last line put was a comment's text

    def put(line: str, n: int, comment: bool = False) -> None:
        nonlocal prose
        if line and prose != comment and md and md[-1]:
            # A blank line between a comment and a row or bullet, so neither is read as part of
            # the other's paragraph.
            md.append("")
            numbers.append(n)
        md.append(line)
        numbers.append(n)
        prose = comment if line else prose

    def under(table: str, n: int) -> None:
        """A CREATE TABLE heads its rows. A migration's changes get no heading: the comments
        after them are no part of that table."""
        nonlocal heading, header
        if heading != table:
            put("", n)
            put(f"## {_label(table)}", n)
            put("", n)
            heading, header = table, None

    for n, text, comment in stmts:
        aside = f" ({comment})" if comment else ""
        if text.startswith("--"):
            said = text.lstrip("-").strip()
            if header is not None:
                put("", n)
                header = None
            put(said, n, comment=True)
            continue
        if _LEFT_OUT.match(text):
            continue
        if (m := _CREATE.match(text)):
            under(_name(m.group(1)), n)
            continue
        if (m := _INSERT.match(text)):
            name = _name(m.group(1))
            table = tables.get(name.lower())
            cols = [_name(c) for c in m.group(2).split(",")] if m.group(2) else (table.columns if table else [])
            shape = _Table(cols)
            rows = _rows(m.group(3))
            if not rows:  # a VALUES list never closed: kept as written
                put(" ".join(text.split()), n)
            for row in rows:
                vals = values(row)
                if shape.keyed and len(vals) >= 2:
                    if header is not None:
                        put("", n)
                        header = None
                    rest = "; ".join(f"{v}" for v in vals[2:] if v)
                    put(f"- {_label(vals[0] or '')}: {vals[1] or ''}{f' ({rest})' if rest else ''}{aside}", n)
                    continue
                if not cols or len(cols) != len(vals):
                    put(f"- {', '.join(v for v in vals if v is not None)}{aside}", n)
                    continue
                shown = shape.shown()
                if header != name:
                    if md and md[-1]:
                        put("", n)  # a table starts a block of its own, not a list item's continuation
                    put(table_row([_label(cols[i]) for i in shown]), n)
                    put("|" + "---|" * len(shown), n)
                    header = name
                cells = [(vals[i] or "").replace("\n", " ") for i in shown]
                if aside:
                    cells[-1] = f"{cells[-1]}{aside}".strip()
                put(table_row(cells), n)
            continue
        changed = _UPDATE.match(text) or _DELETE.match(text)
        if changed:
            # A change of one record: named as the dump beside it names that row.
            name = _name(changed.group(1))
            table = tables.get(name.lower())
            key = _where_key(changed.group(3) if changed.re is _UPDATE else changed.group(2))
            named = table.names.get(key) if table is not None and key is not None else None
            if header is not None:
                put("", n)
                header = None
            if changed.re is _DELETE:
                put(f"- {_label(named or key or 'rows')}: removed from {name}{aside}", n)
                continue
            pairs = _assignments(changed.group(2))
            if table is not None and table.keyed and key is not None:
                for col, val in pairs:
                    if col.lower() in _VALUE_COLUMNS:
                        put(f"- {_label(key)}: now {val if val is not None else 'nothing'}{aside}", n)
                continue
            who = named or (f"{name} {key}" if key else name)
            for col, val in pairs:
                put(f"- {who}: {_label(col)}: now {val if val is not None else 'nothing'}{aside}", n)
            continue
        # Anything else is kept as it was written: nothing the file says is lost.
        if header is not None:
            put("", n)
            header = None
        put(" ".join(text.split()), n)
    return md, numbers
