"""The SQLite ledger: which files are indexed (size, mtime, content hash, embedder), their
chunks (text, heading trail, line range), their statements (memory/statements.py) and FTS5
keyword indexes over both.

The ledger is the source of truth for what the index contains; chromadb only holds vectors
keyed by chunk id. Every change of one file is a single transaction, so a crash leaves either
the old or the new state of that file, never half of each (WAL mode keeps readers unblocked).
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from memory.types import Chunk, IndexDamaged, MemoryFailure, Statement

# 1: files, chunks. 2: statements beside the chunks. 3: a statement's page date (`written`).
# An older ledger is upgraded in place: the tables or the column are added and every file is
# marked for re-parsing (its chunker signature is cleared), so the next index run fills them in;
# unchanged chunks keep their ids and vectors, and unchanged statements theirs.
SCHEMA_VERSION = "4"

# Marks folded in the keyword index, also from letters that carry two (Vietnamese "chiếu" is
# found as "chieu"; remove_diacritics 1, the default, keeps those marks).
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _fts_table(name: str) -> str:
    return f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5(body, tokenize = '{FTS_TOKENIZER}')"


_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    embedder TEXT NOT NULL,
    chunker TEXT NOT NULL,
    indexed_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    ord INTEGER NOT NULL,
    heading TEXT NOT NULL,
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    hash TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_path ON chunks(path, ord);
{_fts_table('chunks_fts')};
CREATE TABLE IF NOT EXISTS statements (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    ord INTEGER NOT NULL,
    line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    topic TEXT NOT NULL,
    fields TEXT NOT NULL,
    chunk_id TEXT NOT NULL,
    written TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS statements_path ON statements(path, line);
{_fts_table('statements_fts')};
"""

# Words that carry no topic: keeping them would let every chunk match every question.
_STOPWORDS = frozenset(
    """a about above after again all am an and any are as at be because been before being below
    between both but by can could did do does doing done down during each few for from had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same
    she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself yourselves s t d ll m re ve tell know please
    whats wheres whos hows name names named called much many""".split()
    # ^ question-form words: "what is my dog's name" is about the dog; "name" alone would rank
    # every note that mentions some name above the one that answers.
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, prefix: int = 0) -> str | None:
    """A free-text question → a safe FTS5 query (quoted terms OR-ed); None if nothing is left.

    User text is never passed to MATCH raw: FTS5 syntax (quotes, NEAR, column filters, "-")
    in a question would otherwise be an error or change the meaning. With `prefix`, a term
    longer than that also matches by its first `prefix` letters ("allergic" finds "allergies",
    which the porter stemmer keeps apart).
    """
    terms: list[str] = []
    for token in _TOKEN.findall(text.lower()):
        if token in _STOPWORDS or token in terms:
            continue
        terms.append(token)
    if not terms:
        return None
    parts = []
    for t in terms[:32]:
        parts.append(f'"{t}"')
        if prefix and len(t) > prefix + 1 and not t.isdigit():
            parts.append(f'"{t[:prefix]}"*')
    return " OR ".join(parts)


@dataclass
class FileRecord:
    path: str
    size: int
    mtime_ns: int
    sha256: str
    embedder: str
    chunker: str


class Ledger:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # check_same_thread=False: Memory is shared by threads; self._lock serializes use
            # of the one connection (short critical sections, never held while embedding).
            self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise IndexDamaged(path, str(exc)) from exc
        self._lock = threading.RLock()
        self._upgrade()

    def _upgrade(self) -> None:
        schema = self.get_meta("schema")
        if schema == SCHEMA_VERSION:
            return
        if schema is not None and schema not in ("1", "2", "3"):
            raise MemoryFailure(
                f"the memory ledger {self.path} has schema {schema}, newer than this anima understands "
                f"({SCHEMA_VERSION}); upgrade anima or move the ledger away and run `anima index --rebuild`"
            )
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                if schema == "2":
                    cur.execute("ALTER TABLE statements ADD COLUMN written TEXT NOT NULL DEFAULT ''")
                if schema in ("1", "2"):
                    # The tables exist now (CREATE IF NOT EXISTS); the files must be re-parsed.
                    cur.execute("UPDATE files SET chunker = ''")
                if schema is not None:
                    self._refold_keyword_index(cur)
                cur.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def _refold_keyword_index(self, cur: sqlite3.Cursor) -> None:
        """The keyword tables of an older ledger, made again with FTS_TOKENIZER from the chunks
        and statements it holds (no file is re-read, nothing re-embedded)."""
        from memory.chunking import embed_text
        from memory.statements import keyword_body

        for table in ("chunks_fts", "statements_fts"):
            cur.execute(f"DROP TABLE IF EXISTS {table}")
            cur.execute(_fts_table(table))
        for rowid, path, heading, text in cur.execute("SELECT rowid, path, heading, text FROM chunks").fetchall():
            cur.execute("INSERT INTO chunks_fts(rowid, body) VALUES (?, ?)", (rowid, embed_text(path, json.loads(heading), text)))
        for rowid, path, topic, text in cur.execute("SELECT rowid, path, topic, text FROM statements").fetchall():
            cur.execute("INSERT INTO statements_fts(rowid, body) VALUES (?, ?)", (rowid, keyword_body(path, json.loads(topic), text)))

    # -- meta ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- files ----------------------------------------------------------------------------
    def files(self) -> dict[str, FileRecord]:
        with self._lock:
            rows = self._conn.execute("SELECT path, size, mtime_ns, sha256, embedder, chunker FROM files").fetchall()
        return {r[0]: FileRecord(*r) for r in rows}

    def file(self, path: str) -> FileRecord | None:
        with self._lock:
            r = self._conn.execute(
                "SELECT path, size, mtime_ns, sha256, embedder, chunker FROM files WHERE path=?", (path,)
            ).fetchone()
        return FileRecord(*r) if r else None

    def touch_file(self, path: str, size: int, mtime_ns: int) -> None:
        """Same content, new mtime (a `touch`, or a save without edits): no re-embedding."""
        with self._lock:
            self._conn.execute("UPDATE files SET size=?, mtime_ns=? WHERE path=?", (size, mtime_ns, path))

    def chunk_ids(self, path: str) -> set[str]:
        with self._lock:
            return {r[0] for r in self._conn.execute("SELECT id FROM chunks WHERE path=?", (path,))}

    def sample_chunk_ids(self, n: int) -> list[str]:
        with self._lock:
            return [r[0] for r in self._conn.execute("SELECT id FROM chunks ORDER BY random() LIMIT ?", (n,))]

    def all_chunk_ids(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._conn.execute("SELECT id FROM chunks")}

    def statement_ids(self, paths: Iterable[str]) -> set[str]:
        with self._lock:
            out: set[str] = set()
            for path in paths:
                out |= {r[0] for r in self._conn.execute("SELECT id FROM statements WHERE path=?", (path,))}
            return out

    def sample_statement_ids(self, n: int) -> list[str]:
        with self._lock:
            return [r[0] for r in self._conn.execute("SELECT id FROM statements ORDER BY random() LIMIT ?", (n,))]

    def all_statement_ids(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._conn.execute("SELECT id FROM statements")}

    def replace_file(
        self,
        record: FileRecord,
        chunks: list[Chunk],
        embed_texts: list[str],
        statements: list[Statement] = (),
        statement_texts: list[str] = (),
    ) -> None:
        """Swap a file's chunk rows, statement rows and hash in one transaction."""
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                self._delete_rows(cur, record.path)
                for ord_, (chunk, body) in enumerate(zip(chunks, embed_texts)):
                    cur.execute(
                        "INSERT INTO chunks(id, path, ord, heading, start_line, end_line, hash, text)"
                        " VALUES (?,?,?,?,?,?,?,?)",
                        (chunk.id, chunk.path, ord_, json.dumps(chunk.heading), chunk.start_line,
                         chunk.end_line, chunk.hash, chunk.text),
                    )
                    cur.execute("INSERT INTO chunks_fts(rowid, body) VALUES (?, ?)", (cur.lastrowid, body))
                for ord_, (st, body) in enumerate(zip(statements, statement_texts)):
                    cur.execute(
                        "INSERT INTO statements(id, path, ord, line, end_line, kind, text, source, topic, fields, chunk_id, written)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (st.id, st.path, ord_, st.line, st.end_line, st.kind, st.text, st.source,
                         json.dumps(st.topic), json.dumps(st.fields), st.chunk_id, st.written),
                    )
                    cur.execute("INSERT INTO statements_fts(rowid, body) VALUES (?, ?)", (cur.lastrowid, body))
                cur.execute(
                    "INSERT OR REPLACE INTO files(path, size, mtime_ns, sha256, embedder, chunker, indexed_at)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (record.path, record.size, record.mtime_ns, record.sha256, record.embedder, record.chunker, time.time()),
                )
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def remove_files(self, paths: Iterable[str]) -> set[str]:
        """Forget files; returns the chunk ids that were theirs (for the vector store)."""
        removed: set[str] = set()
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                for path in paths:
                    removed |= {r[0] for r in cur.execute("SELECT id FROM chunks WHERE path=?", (path,))}
                    self._delete_rows(cur, path)
                    cur.execute("DELETE FROM files WHERE path=?", (path,))
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        return removed

    @staticmethod
    def _delete_rows(cur: sqlite3.Cursor, path: str) -> None:
        cur.execute("DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE path=?)", (path,))
        cur.execute("DELETE FROM chunks WHERE path=?", (path,))
        cur.execute("DELETE FROM statements_fts WHERE rowid IN (SELECT rowid FROM statements WHERE path=?)", (path,))
        cur.execute("DELETE FROM statements WHERE path=?", (path,))

    def wipe(self) -> None:
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                cur.execute("DELETE FROM chunks_fts")
                cur.execute("DELETE FROM chunks")
                cur.execute("DELETE FROM statements_fts")
                cur.execute("DELETE FROM statements")
                cur.execute("DELETE FROM files")
                cur.execute("DELETE FROM skipped")
                cur.execute("DELETE FROM meta WHERE key != 'schema'")
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    # -- skipped files (remembered so an unchanged bad file is not re-logged as a warning) --
    def skipped_reason(self, path: str, size: int, mtime_ns: int) -> str | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT reason FROM skipped WHERE path=? AND size=? AND mtime_ns=?", (path, size, mtime_ns)
            ).fetchone()
        return row[0] if row else None

    def set_skipped(self, path: str, size: int, mtime_ns: int, reason: str) -> None:
        with self._lock:
            self._conn.execute("INSERT OR REPLACE INTO skipped VALUES (?,?,?,?)", (path, size, mtime_ns, reason))

    def clear_skipped(self, path: str) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM skipped WHERE path=?", (path,))

    # -- chunks ---------------------------------------------------------------------------
    _CHUNK_COLS = "id, path, heading, start_line, end_line, text, hash"

    @staticmethod
    def _chunk(row) -> Chunk:
        return Chunk(id=row[0], path=row[1], heading=json.loads(row[2]), start_line=row[3], end_line=row[4], text=row[5], hash=row[6])

    def _by_ids(self, table: str, cols: str, ids: list[str], make) -> dict:
        """Rows of `table` by id, in pages that stay under SQLite's limit on bound variables."""
        out: dict = {}
        with self._lock:
            for k in range(0, len(ids), 500):
                part = ids[k : k + 500]
                marks = ",".join("?" * len(part))
                for row in self._conn.execute(f"SELECT {cols} FROM {table} WHERE id IN ({marks})", part):
                    out[row[0]] = make(row)
        return out

    def get_chunks(self, ids: list[str]) -> dict[str, Chunk]:
        return self._by_ids("chunks", self._CHUNK_COLS, ids, self._chunk)

    def iter_chunks(self, page: int = 500) -> Iterator[Chunk]:
        """Pages by rowid so a long consumer (fine-tuning) does not hold the lock."""
        last = -1
        while True:
            with self._lock:
                rows = self._conn.execute(
                    f"SELECT rowid, {self._CHUNK_COLS} FROM chunks WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, page)
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._chunk(row[1:])
            last = rows[-1][0]

    def keyword_search(self, query: str, limit: int) -> list[tuple[str, float]]:
        """(chunk id, BM25 score; higher is better) best first."""
        match = fts_query(query)
        if match is None:
            return []
        with self._lock:
            rows = self._conn.execute(
                "SELECT c.id, bm25(chunks_fts) AS s FROM chunks_fts JOIN chunks c ON c.rowid = chunks_fts.rowid"
                " WHERE chunks_fts MATCH ? ORDER BY s LIMIT ?",
                (match, limit),
            ).fetchall()
        return [(r[0], -float(r[1])) for r in rows]  # SQLite's bm25() is negated: lower = better

    # -- statements -----------------------------------------------------------------------
    _STATEMENT_COLS = "id, path, line, end_line, text, source, kind, topic, fields, chunk_id, written"

    @staticmethod
    def _statement(row) -> Statement:
        return Statement(
            id=row[0], path=row[1], line=row[2], end_line=row[3], text=row[4], source=row[5], kind=row[6],
            topic=json.loads(row[7]), fields=json.loads(row[8]), chunk_id=row[9], written=row[10],
        )

    def get_statements(self, ids: list[str]) -> dict[str, Statement]:
        return self._by_ids("statements", self._STATEMENT_COLS, ids, self._statement)

    def statements_of_chunks(self, chunk_ids: list[str]) -> list[Statement]:
        """The statements held by these chunks, in file order."""
        out: list[Statement] = []
        with self._lock:
            for k in range(0, len(chunk_ids), 500):
                part = chunk_ids[k : k + 500]
                marks = ",".join("?" * len(part))
                rows = self._conn.execute(
                    f"SELECT {self._STATEMENT_COLS} FROM statements WHERE chunk_id IN ({marks}) ORDER BY path, ord", part
                ).fetchall()
                out.extend(self._statement(r) for r in rows)
        return out

    def statements_before(self, statement_id: str, n: int) -> list[Statement]:
        """The `n` statements just before this one in its file, in file order."""
        return self._neighbours(statement_id, n, after=False)

    def statements_after(self, statement_id: str, n: int) -> list[Statement]:
        """The `n` statements just after this one in its file, in file order."""
        return self._neighbours(statement_id, n, after=True)

    def _neighbours(self, statement_id: str, n: int, *, after: bool) -> list[Statement]:
        side, order = (">", "ASC") if after else ("<", "DESC")
        with self._lock:
            row = self._conn.execute("SELECT path, ord FROM statements WHERE id=?", (statement_id,)).fetchone()
            if row is None:
                return []
            rows = self._conn.execute(
                f"SELECT {self._STATEMENT_COLS} FROM statements WHERE path=? AND ord{side}? ORDER BY ord {order} LIMIT ?",
                (row[0], row[1], n),
            ).fetchall()
        return [self._statement(r) for r in (rows if after else reversed(rows))]

    def statements_at(self, path: str, line: int) -> list[Statement]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {self._STATEMENT_COLS} FROM statements WHERE path=? AND line<=? AND end_line>=? ORDER BY ord",
                (path, line, line),
            ).fetchall()
        return [self._statement(r) for r in rows]

    def iter_statements(self, paths: list[str] | None = None, page: int = 500) -> Iterator[Statement]:
        """File by file (sorted by path), in file order; pages so a long consumer does not hold
        the lock. `paths` are files or folders; None is everything."""
        if paths is not None:
            known = self.files()
            chosen = sorted(p for p in known if any(p == q or p.startswith(q.rstrip(os.sep) + os.sep) for q in paths))
            for path in chosen:
                with self._lock:
                    rows = self._conn.execute(
                        f"SELECT {self._STATEMENT_COLS} FROM statements WHERE path=? ORDER BY ord", (path,)
                    ).fetchall()
                yield from (self._statement(r) for r in rows)
            return
        last = ("", -1)
        while True:
            with self._lock:
                rows = self._conn.execute(
                    f"SELECT path, ord, {self._STATEMENT_COLS} FROM statements WHERE (path, ord) > (?, ?)"
                    " ORDER BY path, ord LIMIT ?",
                    (last[0], last[1], page),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._statement(row[2:])
            last = (rows[-1][0], rows[-1][1])

    def keyword_search_statements(
        self, query: str, limit: int, rowid_filter: list[str] | None = None, prefix: int = 0, starting: bool = False
    ) -> list[tuple[str, float]]:
        """(statement id, BM25; higher is better) best first. With `rowid_filter` (statement
        ids), only those statements are scored; `prefix` as in fts_query; `starting`: `query` is
        one word's beginning, matched by every word that starts with it."""
        match = fts_query(query, prefix)
        if starting and re.fullmatch(r"[^\W\d_]{3,}", query):
            # The stemmer rewrites a prefix as it would a word ("mey" -> "mei"): one letter
            # shorter too; the caller keeps the lines whose words really begin so.
            match = f'"{query.lower()}"* OR "{query.lower()[:-1]}"*'

        if match is None:
            return []
        sql = (
            "SELECT s.id, bm25(statements_fts) AS b FROM statements_fts JOIN statements s ON s.rowid = statements_fts.rowid"
            " WHERE statements_fts MATCH ?"
        )
        args: list = [match]
        if rowid_filter is not None:
            if not rowid_filter:
                return []
            sql += f" AND s.id IN ({','.join('?' * len(rowid_filter))})"
            args.extend(rowid_filter)
        sql += " ORDER BY b LIMIT ?"
        args.append(limit)
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
        return [(r[0], -float(r[1])) for r in rows]

    def lines_holding(self, word: str) -> int:
        """How many statements hold `word` as the keyword index stems it ("passwords" counts the
        lines that say "password"); 0 for anything that is not one plain word."""
        if not re.fullmatch(r"[^\W\d_]+", word or ""):
            return 0
        with self._lock:
            row = self._conn.execute("SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH ?", [f'"{word.lower()}"']).fetchone()
        return int(row[0])

    def statement_count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM statements").fetchone()[0])

    def counts(self) -> tuple[int, int]:
        with self._lock:
            files = self._conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
            chunks = self._conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return int(files), int(chunks)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
