"""Memory: the facade over parsing, chunking, embedding, the vector store and the ledger.

Crash safety: every write is idempotent and ordered so that a `kill -9` at any point leaves a
state `reconcile()` repairs (and `index()` heals the common cases by itself):
  per file: embed new chunks and statements → upsert their vectors by deterministic id →
  ONE ledger transaction swapping the file's chunk rows, statement rows and hash → delete the
  file's now-stale vector ids (chunks and statements).
A crash before the transaction leaves the file's old hash in the ledger, so the next run sees
the file as changed and redoes it; vectors the ledger does not reference are garbage that
search ignores and repairs delete. The ledger is always the source of truth.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from memory import chunking, gloss, parsers, statements
from memory.embedder import Embedder
from memory.ledger import FileRecord, Ledger
from memory.store import STATEMENT_COLLECTION, VectorStore
from memory.types import (
    Audit,
    Chunk,
    FileWarning,
    Hit,
    IndexReport,
    MemoryFailure,
    MemoryStats,
    SkippedFile,
    Statement,
    StatementHit,
)

log = logging.getLogger("anima.memory")

LEDGER_FILE = "ledger.sqlite"
STORE_SAMPLE = 64  # chunk ids checked in the vector store once per process (cheap; catches a swapped store)
RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of rank 1 vs rank 2
_TOKEN_WORD = re.compile(r"[^\W\d_]{3,}")
FTS_PREFIX = 5  # statement BM25 terms also match by their first 5 letters ("allergic" ~ "allergies")
# A question's expansions (its words in other languages, the parts of its compounds) weigh this much
# of its own words in the statement keyword search, and match by their first EXPANSION_PREFIX
# letters (0: whole words). Chosen by bench/retrieval.py over every set (bench/RESULTS.md).
EXPANSION_WEIGHT = 0.5
EXPANSION_PREFIX = 5
# At most this many of the statements one search returns are rows of one table (or half of them, when more are asked).
FILE_SHARE = 6
QUERY_CACHE = 64  # query vectors kept (a few KB each)
EMBED_BATCH = 256  # chunks gathered across files per embed call (sorted by length: less padding)

ProgressFn = Callable[[int, int, str], None]  # (files done, files total, current path)


def read_bytes(path: str, limit: int) -> bytes:
    """Read at most `limit` + 1 bytes (a file that grew past the limit since stat is caught).
    A module function so tests can simulate a failing disk by monkeypatching it."""
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


@dataclass
class _Pending:
    record: FileRecord
    chunks: list[Chunk]
    texts: list[str]  # embed texts, parallel to chunks
    old_ids: set[str]
    new: list[int]  # indexes into chunks that need a vector
    statements: list[Statement]
    statement_texts: list[str]  # keyword-index texts, parallel to statements
    old_statement_ids: set[str]
    new_statements: list[int]  # indexes into statements that need a vector

    @property
    def to_embed(self) -> int:
        return len(self.new) + len(self.new_statements)


class _Walk:
    def __init__(self) -> None:
        self.files: list[str] = []
        self.roots: list[str] = []  # folders given (prune scope)
        self.missing: list[str] = []  # given paths that do not exist
        self.protected: set[str] = set()  # paths whose state is unknown: never pruned
        self.skipped: list[SkippedFile] = []



def _fuse(vec_hits: list[tuple[str, float]], kw_hits: list[tuple[str, float]], known) -> tuple[dict, dict, dict]:
    """Reciprocal-rank fusion of a vector and a keyword ranking: (fused score, vector score,
    keyword score) by id. Ids the ledger does not know (vectors left by a crash, until
    repaired) are not results."""
    vec_hits = [(i, s) for i, s in vec_hits if i in known]
    kw_hits = [(i, s) for i, s in kw_hits if i in known]
    fused: dict[str, float] = {}
    for ranked in (vec_hits, kw_hits):
        for rank, (i, _) in enumerate(ranked, 1):
            fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank)
    return fused, dict(vec_hits), dict(kw_hits)

class Memory:
    def __init__(
        self,
        data_dir: Path,
        *,
        embedder_path: str | Path | None = None,
        chunk_words: int = 120,
        chunk_overlap_words: int = 20,
        max_file_mb: float = 20.0,
        chroma_url: str | None = None,
    ):
        self.data_dir = Path(data_dir).expanduser()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.embedder = Embedder(embedder_path or None)
        self.chunk_words = int(chunk_words)
        self.chunk_overlap_words = int(chunk_overlap_words)
        self.max_bytes = int(max_file_mb * 1024 * 1024)
        # Statements are derived at the same time as chunks: a new statement version re-parses
        # every file (unchanged chunks keep their vectors).
        self.chunker = f"{chunking.chunker_signature(self.chunk_words, self.chunk_overlap_words)}+{statements.STATEMENTS_VERSION}"
        self._ledger = Ledger(self.data_dir / LEDGER_FILE)
        self._chroma_url = chroma_url or None
        self._store: VectorStore | None = None
        self._statement_store: VectorStore | None = None
        self._store_lock = threading.Lock()
        self._write_lock = threading.RLock()  # one writer at a time; readers never wait on it
        self.embed_batch = EMBED_BATCH
        self._store_checked = False
        # A reader asks search() and search_statements() (and again on a follow-up) with the
        # same text: the query vector (~15 ms of the ~20 ms a search costs) is kept for reuse.
        self._query_vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._query_lock = threading.Lock()

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def store(self) -> VectorStore:
        with self._store_lock:
            if self._store is None:
                self._store = VectorStore(self.data_dir, self._chroma_url)
            return self._store

    @property
    def statement_store(self) -> VectorStore:
        store = self.store
        with self._store_lock:
            if self._statement_store is None:
                self._statement_store = store.sibling(STATEMENT_COLLECTION)
            return self._statement_store

    def _check_embedder(self, *, claim: bool) -> bool:
        """Refuse to mix vectors of two models. Returns False when the index is empty."""
        recorded = self._ledger.get_meta("embedder")
        if recorded == self.embedder.name:
            return True
        files, chunks = self._ledger.counts()
        if recorded is not None and (files or chunks):
            raise MemoryFailure(
                f"index was built with {recorded}, config says {self.embedder.name}; run `anima index --rebuild`"
            )
        if claim:  # an empty index adopts the configured embedder (old vectors, if any, go)
            if recorded is not None:
                self.store.wipe()
                self.statement_store.wipe()
            self._ledger.set_meta("embedder", self.embedder.name)
        return False

    def _check_statement_vectors(self) -> None:
        """Statement vectors made from another kind of text (statements.VECTOR_TEXT) are dropped;
        _heal_store re-embeds every ledger statement without a vector. Wipe before recording, so
        a crash in between only wipes again."""
        if self._ledger.get_meta("statement_vectors") == statements.VECTOR_TEXT:
            return
        if self._ledger.statement_count():
            log.info("statement vectors were made from other text; re-embedding them")
            self.statement_store.wipe()
        self._ledger.set_meta("statement_vectors", statements.VECTOR_TEXT)

    def _skip(self, report: IndexReport, path: str, reason: str, st: os.stat_result | None = None) -> None:
        """One log line per bad file; repeated runs over an unchanged bad file log at debug."""
        report.skipped.append(SkippedFile(path=path, reason=reason))
        if st is not None and self._ledger.skipped_reason(path, st.st_size, st.st_mtime_ns) == reason:
            log.debug("skipped %s: %s (unchanged)", path, reason)
            return
        log.warning("skipped %s: %s", path, reason)
        if st is not None:
            self._ledger.set_skipped(path, st.st_size, st.st_mtime_ns, reason)

    # -- walking ------------------------------------------------------------------------------
    def _walk(self, paths: Iterable[Path | str]) -> _Walk:
        walk = _Walk()
        seen_real: set[str] = set()
        for raw in paths:
            path = os.path.abspath(os.fspath(raw))
            if not os.path.lexists(path):
                walk.missing.append(path)
                continue
            if os.path.isdir(path):
                walk.roots.append(path)
                self._walk_dir(path, walk, seen_real)
            elif os.path.isfile(path):
                real = os.path.realpath(path)
                if real not in seen_real:
                    seen_real.add(real)
                    walk.files.append(path)
            elif os.path.islink(path):
                walk.skipped.append(SkippedFile(path=path, reason="broken symlink"))
            else:
                walk.skipped.append(SkippedFile(path=path, reason="not a regular file"))
        return walk

    def _walk_dir(self, top: str, walk: _Walk, seen_real: set[str]) -> None:
        visited: set[str] = set()
        stack = [top]
        while stack:
            folder = stack.pop()
            real = os.path.realpath(folder)
            if real in visited:
                # The folder is reachable twice: through a symlink to one of its own ancestors
                # (a loop) or through a second link. Either way its files are indexed once.
                ancestor = os.path.realpath(os.path.dirname(folder))
                loop = ancestor == real or ancestor.startswith(real + os.sep)
                reason = f"symlink loop (points back to {real})" if loop else f"already indexed as {real}"
                walk.skipped.append(SkippedFile(path=folder, reason=reason))
                continue
            visited.add(real)
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
            except OSError as exc:
                walk.protected.add(folder)
                walk.skipped.append(SkippedFile(path=folder, reason=f"cannot list folder ({exc.strerror or exc})"))
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # .git, .obsidian, editor swap files: never notes
                try:
                    if entry.is_dir(follow_symlinks=True):
                        stack.append(entry.path)
                        continue
                    is_file = entry.is_file(follow_symlinks=True)
                except OSError as exc:
                    walk.skipped.append(SkippedFile(path=entry.path, reason=f"cannot stat ({exc.strerror or exc})"))
                    walk.protected.add(entry.path)
                    continue
                if is_file:
                    if parsers.kind_for(Path(entry.name)) is None:
                        continue
                    file_real = os.path.realpath(entry.path)
                    if file_real in seen_real:
                        continue
                    seen_real.add(file_real)
                    walk.files.append(entry.path)
                elif entry.is_symlink():
                    walk.skipped.append(SkippedFile(path=entry.path, reason="broken symlink"))

    # -- indexing -----------------------------------------------------------------------------
    def index(
        self,
        paths: Iterable[Path | str],
        *,
        prune: bool = True,
        rebuild: bool = False,
        on_progress: ProgressFn | None = None,
    ) -> IndexReport:
        """Index files and folders. Unchanged files (same size and mtime, or same content hash)
        cost a stat; only chunks whose text changed are embedded. With `prune`, files in the
        ledger under the given folders that are no longer there are forgotten."""
        paths = list(paths)
        with self._write_lock:
            started = time.perf_counter()
            report = IndexReport()
            if rebuild:
                log.info("rebuilding the index with %s", self.embedder.name)
                self._ledger.wipe()
                self.store.wipe()
                self.statement_store.wipe()
            self._check_embedder(claim=True)
            self._check_statement_vectors()
            self._index_locked(paths, prune=prune, force_hash=False, report=report, on_progress=on_progress)
            self._heal_store(report, full=False)
            report.chunks_total = self._ledger.counts()[1]
            report.statements_total = self._ledger.statement_count()
            report.seconds = time.perf_counter() - started
            return report

    def _index_locked(
        self,
        paths: list[Path | str],
        *,
        prune: bool,
        force_hash: bool,
        report: IndexReport,
        on_progress: ProgressFn | None,
    ) -> None:
        walk = self._walk(paths)
        for s in walk.skipped:
            self._skip(report, s.path, s.reason)
        known = self._ledger.files()
        pending: list[_Pending] = []
        total = len(walk.files)
        for done, path in enumerate(walk.files, 1):
            report.files_seen += 1
            item = self._prepare(path, known.get(path), force_hash, report, walk)
            if item is not None:
                pending.append(item)
                if sum(p.to_embed for p in pending) >= self.embed_batch:
                    self._commit(pending, report)
                    pending = []
            if on_progress is not None:
                on_progress(done, total, path)
        self._commit(pending, report)

        # Forget what vanished: given paths that no longer exist, and (prune) ledger files under
        # a walked folder that the walk did not meet. Protected paths (unlistable folders,
        # unreadable files) are kept: their state is unknown and losing them loses data.
        gone: list[str] = []
        for missing in walk.missing:
            if missing in known:
                gone.append(missing)  # a given file that no longer exists was deleted
                continue
            under = [p for p in known if p.startswith(missing.rstrip(os.sep) + os.sep)]
            if under:
                # A whole given folder is missing: more likely an unmounted drive than a
                # deletion, so nothing is forgotten (remove() forgets a folder on purpose).
                self._skip(report, missing, f"folder not found; its {len(under)} indexed files are kept")
            else:
                self._skip(report, missing, "not found")
        if prune:
            met = set(walk.files)
            for root in walk.roots:
                prefix = root.rstrip(os.sep) + os.sep
                for p in known:
                    if p.startswith(prefix) and p not in met and not any(
                        p == q or p.startswith(q + os.sep) for q in walk.protected
                    ):
                        gone.append(p)
        if gone:
            self._forget(sorted(set(gone)), report)

    def _prepare(
        self, path: str, record: FileRecord | None, force_hash: bool, report: IndexReport, walk: _Walk
    ) -> _Pending | None:
        """Decide what one file needs. Returns work to embed, or None (unchanged/skipped/gone)."""
        try:
            st = os.stat(path)
        except FileNotFoundError:
            self._vanished(path, record, report)
            return None
        except OSError as exc:
            walk.protected.add(path)
            self._skip(report, path, f"cannot stat ({exc.strerror or exc})")
            return None
        fresh = (
            record is not None
            and record.embedder == self.embedder.name
            and record.chunker == self.chunker
        )
        if fresh and not force_hash and record.size == st.st_size and record.mtime_ns == st.st_mtime_ns:
            report.files_unchanged += 1
            return None
        if st.st_size > self.max_bytes:
            self._drop(path, record, report)
            self._skip(
                report, path, f"too large ({st.st_size / 2**20:.1f} MB > max_file_mb {self.max_bytes / 2**20:g} MB)", st
            )
            return None
        if st.st_size == 0:
            self._drop(path, record, report)
            self._skip(report, path, "empty file", st)
            return None
        try:
            data = read_bytes(path, self.max_bytes)
        except FileNotFoundError:
            self._vanished(path, record, report)
            return None
        except OSError as exc:  # permission denied, I/O error: keep what we had, report it
            walk.protected.add(path)
            self._skip(report, path, f"cannot read ({exc.strerror or exc.__class__.__name__})")
            return None
        if len(data) > self.max_bytes:
            self._drop(path, record, report)
            self._skip(report, path, f"too large (grew past max_file_mb {self.max_bytes / 2**20:g} MB)", st)
            return None
        digest = hashlib.sha256(data).hexdigest()
        if fresh and record.sha256 == digest:
            if (record.size, record.mtime_ns) != (st.st_size, st.st_mtime_ns):
                self._ledger.touch_file(path, st.st_size, st.st_mtime_ns)
            report.files_unchanged += 1
            return None
        try:
            parsed = parsers.parse(Path(path), data)
        except parsers.NotText as exc:
            self._drop(path, record, report)
            self._skip(report, path, str(exc), st)
            return None
        for message in parsed.warnings:
            report.warnings.append(FileWarning(path=path, message=message))
            log.warning("%s: %s (the rest of the file is indexed)", path, message)
        chunks = chunking.chunk_file(path, parsed, chunk_words=self.chunk_words, overlap_words=self.chunk_overlap_words)
        if not chunks:
            self._drop(path, record, report)
            self._skip(report, path, parsed.nothing or "no text to index", st)
            return None
        self._ledger.clear_skipped(path)
        texts = [chunking.embed_text(path, c.heading, c.text) for c in chunks]
        old_ids = self._ledger.chunk_ids(path) if record is not None else set()
        new = [i for i, c in enumerate(chunks) if c.id not in old_ids]
        stmts = statements.statements_of(path, parsed, chunks)
        stmt_texts = [statements.keyword_text(s) for s in stmts]
        old_stmt_ids = self._ledger.statement_ids([path]) if record is not None else set()
        new_stmts = [i for i, s in enumerate(stmts) if s.id not in old_stmt_ids]
        rec = FileRecord(path, st.st_size, st.st_mtime_ns, digest, self.embedder.name, self.chunker)
        report.files_changed += 1
        return _Pending(rec, chunks, texts, old_ids, new, stmts, stmt_texts, old_stmt_ids, new_stmts)

    def _commit(self, pending: list[_Pending], report: IndexReport) -> None:
        if not pending:
            return
        wanted = [(p, i) for p in pending for i in p.new]
        wanted_st = [(p, i) for p in pending for i in p.new_statements]
        # One embed call for chunks and statements: sorted by length across both, less padding.
        vectors = self.embedder.embed(
            [p.texts[i] for p, i in wanted] + [statements.vector_text(p.statements[i]) for p, i in wanted_st]
        )
        # 1. vectors, one upsert per collection for the batch (idempotent: ids are deterministic)
        self.store.upsert([p.chunks[i].id for p, i in wanted], vectors[: len(wanted)], [p.record.path for p, _ in wanted])
        self.statement_store.upsert(
            [p.statements[i].id for p, i in wanted_st], vectors[len(wanted) :], [p.record.path for p, _ in wanted_st]
        )
        stale: list[str] = []
        stale_st: list[str] = []
        for p in pending:
            # 2. the switch, one txn per file
            self._ledger.replace_file(p.record, p.chunks, p.texts, p.statements, p.statement_texts)
            gone = p.old_ids - {c.id for c in p.chunks}
            stale.extend(sorted(gone))
            stale_st.extend(sorted(p.old_statement_ids - {s.id for s in p.statements}))
            report.chunks_embedded += len(p.new)
            report.statements_embedded += len(p.new_statements)
            report.chunks_deleted += len(gone)
        self.store.delete(stale)  # 3. garbage: a crash before this leaves orphans only
        self.statement_store.delete(stale_st)

    def _vanished(self, path: str, record: FileRecord | None, report: IndexReport) -> None:
        if record is not None:
            self._forget([path], report)
        self._skip(report, path, "vanished while being read")

    def _drop(self, path: str, record: FileRecord | None, report: IndexReport) -> None:
        """The file exists but is no longer indexable (emptied, too big, binary): its old chunks
        describe content that is gone."""
        if record is not None:
            self._forget([path], report)

    def _forget(self, paths: list[str], report: IndexReport) -> None:
        statement_ids = self._ledger.statement_ids(paths)
        ids = self._ledger.remove_files(paths)  # ledger first: a crash leaves orphans only
        self.store.delete(sorted(ids))
        self.statement_store.delete(sorted(statement_ids))
        report.files_removed += len(paths)
        report.chunks_deleted += len(ids)
        for p in paths:
            log.info("forgot %s (%d chunks)", p, len(ids))

    def _heal_store(self, report: IndexReport, *, full: bool) -> None:
        """Make the vector stores hold exactly the ledger's chunk and statement ids. Cheap check
        first (counts) unless `full`; a crash between the steps of _commit makes them differ."""
        if full or self.store.count() != self._ledger.counts()[1]:
            store_ids = self.store.all_ids()
            ledger_ids = self._ledger.all_chunk_ids()
            orphans = sorted(store_ids - ledger_ids)
            missing = sorted(ledger_ids - store_ids)
            if orphans:
                log.info("repair: deleting %d vectors the ledger does not know", len(orphans))
                self.store.delete(orphans)
                report.chunks_deleted += len(orphans)
            if missing:
                log.info("repair: re-embedding %d ledger chunks without a vector", len(missing))
                chunks = self._ledger.get_chunks(missing)
                for k in range(0, len(missing), EMBED_BATCH):
                    part = [chunks[i] for i in missing[k : k + EMBED_BATCH] if i in chunks]
                    vectors = self.embedder.embed([chunking.embed_text(c.path, c.heading, c.text) for c in part])
                    self.store.upsert([c.id for c in part], vectors, [c.path for c in part])
                    report.chunks_embedded += len(part)
        if full or self.statement_store.count() != self._ledger.statement_count():
            store_ids = self.statement_store.all_ids()
            ledger_ids = self._ledger.all_statement_ids()
            orphans = sorted(store_ids - ledger_ids)
            missing = sorted(ledger_ids - store_ids)
            if orphans:
                log.info("repair: deleting %d statement vectors the ledger does not know", len(orphans))
                self.statement_store.delete(orphans)
            if missing:
                log.info("repair: re-embedding %d ledger statements without a vector", len(missing))
                found = self._ledger.get_statements(missing)
                for k in range(0, len(missing), EMBED_BATCH):
                    part = [found[i] for i in missing[k : k + EMBED_BATCH] if i in found]
                    vectors = self.embedder.embed([statements.vector_text(st) for st in part])
                    self.statement_store.upsert([st.id for st in part], vectors, [st.path for st in part])
                    report.statements_embedded += len(part)

    def remove(self, paths: Iterable[Path | str]) -> int:
        """Forget files (or everything under folders) that were deleted or moved away."""
        with self._write_lock:
            known = self._ledger.files()
            targets: set[str] = set()
            for raw in paths:
                p = os.path.abspath(os.fspath(raw))
                targets |= {k for k in known if k == p or k.startswith(p.rstrip(os.sep) + os.sep)}
                self._ledger.clear_skipped(p)
            if not targets:
                return 0
            report = IndexReport()
            self._forget(sorted(targets), report)
            return report.chunks_deleted

    def forget_outside(self, roots: Iterable[Path | str]) -> int:
        """Forget every indexed file that lies under none of `roots`: a kept index whose notes
        folder was copied or moved elsewhere would otherwise answer from both copies. Returns
        the chunks deleted."""
        roots = [os.path.abspath(os.fspath(r)).rstrip(os.sep) for r in roots]
        with self._write_lock:
            outside = sorted(p for p in self._ledger.files() if not any(p == r or p.startswith(r + os.sep) for r in roots))
        return self.remove(outside) if outside else 0

    def reconcile(self, roots: Iterable[Path | str]) -> IndexReport:
        """Make ledger, vector store and disk agree: vectors the ledger does not know are
        deleted, ledger chunks without vectors re-embedded, files whose content hash differs
        re-indexed, vanished files forgotten, new files indexed. With no roots, every file in
        the ledger is checked. Files outside the given roots are left alone."""
        roots = list(roots)
        with self._write_lock:
            started = time.perf_counter()
            report = IndexReport()
            self._check_embedder(claim=True)
            self._check_statement_vectors()
            self._heal_store(report, full=True)
            targets = roots or sorted(self._ledger.files())
            self._index_locked(targets, prune=True, force_hash=True, report=report, on_progress=None)
            report.chunks_total = self._ledger.counts()[1]
            report.statements_total = self._ledger.statement_count()
            report.seconds = time.perf_counter() - started
            return report

    def audit(self, roots: Iterable[Path | str] = ()) -> Audit:
        """Compare ledger, vector store and disk without changing anything (for tests, `doctor`)."""
        with self._write_lock:
            store_ids = self.store.all_ids()
            ledger_ids = self._ledger.all_chunk_ids()
            st_store_ids = self.statement_store.all_ids()
            st_ledger_ids = self._ledger.all_statement_ids()
            audit = Audit(
                orphan_vectors=len(store_ids - ledger_ids),
                missing_vectors=len(ledger_ids - store_ids),
                orphan_statement_vectors=len(st_store_ids - st_ledger_ids),
                missing_statement_vectors=len(st_ledger_ids - st_store_ids),
            )
            known = self._ledger.files()
            roots = [os.path.abspath(os.fspath(r)) for r in roots]
            walk = self._walk(roots) if roots else None
            on_disk = set(walk.files) if walk else set()
            for path, rec in known.items():
                in_scope = not roots or any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)
                if not in_scope:
                    continue
                try:
                    data = read_bytes(path, self.max_bytes)
                except FileNotFoundError:
                    audit.missing_files.append(path)
                    continue
                except OSError:
                    continue
                if hashlib.sha256(data).hexdigest() != rec.sha256:
                    audit.stale_files.append(path)
            for path in sorted(on_disk - set(known)):
                try:
                    size = os.stat(path).st_size
                except OSError:
                    continue
                if 0 < size <= self.max_bytes and self._ledger.skipped_reason(path, size, os.stat(path).st_mtime_ns) is None:
                    audit.new_files.append(path)
            return audit

    # -- reading ------------------------------------------------------------------------------
    def _query_vector(self, query: str) -> list[float]:
        with self._query_lock:
            if query in self._query_vectors:
                self._query_vectors.move_to_end(query)
                return self._query_vectors[query]
        vector = self.embedder.embed([query])[0]
        with self._query_lock:
            self._query_vectors[query] = vector
            while len(self._query_vectors) > QUERY_CACHE:
                self._query_vectors.popitem(last=False)
        return vector

    def search(self, query: str, k: int = 4) -> list[Hit]:
        """Hybrid search: vector top-N and BM25 top-N fused by reciprocal rank, best first.
        Each hit carries `vector_score` (cosine similarity) and `keyword_score` (BM25) when the
        respective search found it, so callers can judge whether anything is relevant."""
        if not query or not query.strip() or k <= 0:
            return []
        if not self._check_embedder(claim=False):
            return []  # nothing indexed yet
        self._check_store()
        n = max(20, 5 * k)
        vector = self._query_vector(query)
        vec_hits = self.store.query(vector, n)
        kw_hits = self._ledger.keyword_search(query, n)
        chunks = self._ledger.get_chunks(list({i for i, _ in vec_hits} | {i for i, _ in kw_hits}))
        fused, vec_score, kw_score = _fuse(vec_hits, kw_hits, chunks)
        best = sorted(fused, key=lambda c: (-fused[c], -vec_score.get(c, -1.0)))[:k]
        return [
            Hit(**chunks[c].model_dump(), score=fused[c], vector_score=vec_score.get(c), keyword_score=kw_score.get(c))
            for c in best
        ]

    def _check_store(self) -> None:
        """Once per process: a vector store emptied or deleted behind anima's back (the folder
        removed, a new Chroma server) would make every question look unanswerable. The ledger
        holds every chunk's text, so the vectors are re-embedded from it instead."""
        if self._store_checked:
            return
        with self._write_lock:
            if self._store_checked:
                return
            have, want = self.store.count(), self._ledger.counts()[1]
            sample = self._ledger.sample_chunk_ids(STORE_SAMPLE)
            lost = len(sample) - len(self.store.existing(sample))
            # Statement vectors the same way (their collection can vanish on its own).
            st_sample = self._ledger.sample_statement_ids(STORE_SAMPLE)
            lost += len(st_sample) - len(self.statement_store.existing(st_sample))
            if self.statement_store.count() < self._ledger.statement_count():
                lost += 1
            if have < want or lost:
                # Fewer vectors than chunks: the store was deleted or emptied. As many, but not
                # the ledger's: it belongs to another index (a copied or swapped folder).
                log.warning("the vector store does not match the index (%d vectors for %d chunks, %d of %d sampled missing); "
                            "re-embedding from the ledger", have, want, lost, len(sample))
                self._heal_store(IndexReport(), full=True)
            self._store_checked = True

    def iter_chunks(self) -> Iterator[Chunk]:
        return self._ledger.iter_chunks()

    # -- statements -----------------------------------------------------------------------------
    def search_statements(self, query: str, k: int = 12) -> list[StatementHit]:
        """The statements most likely to answer `query`, best first (see _rank_statements)."""
        if not query or not query.strip() or k <= 0:
            return []
        if not self._check_embedder(claim=False):
            return []
        self._check_store()
        return self._rank_statements(query, self._query_vector(query), k)

    def _rank_statements(self, query: str, vector: list[float], k: int) -> list[StatementHit]:
        """Statement vectors top-N and statement BM25 top-N, fused by reciprocal rank.

        Chosen by bench/retrieval.py over Lena and every persona set: beats ranking the
        statements of the best chunks (with or without statement vectors) and adding the chunk
        rank as a third signal, at k = 1, 3, 6 and 12."""
        n = max(30, 3 * k)
        vec_hits = self.statement_store.query(vector, n)
        kw_hits = self._keyword_ranking(query, n)
        found = self._ledger.get_statements(list({i for i, _ in vec_hits} | {i for i, _ in kw_hits}))
        fused, vec_score, kw_score = _fuse(vec_hits, kw_hits, found)
        best = []
        held: list[str] = []  # past its file's share, kept in case nothing else is found
        seen: set[str] = set()
        per_file: dict[str, int] = {}
        for i in sorted(fused, key=lambda i: (-fused[i], -vec_score.get(i, -1.0))):
            # The same words in many files (a boilerplate line in 150 downloaded READMEs) say
            # one thing once: the best-ranked copy stands for all.
            key = " ".join(found[i].text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            # One table fills at most part of the list: eighty rows of a budget export that all
            # say "Account: BBVA Nómina" must leave room for the note that gives the account.
            # (A page's own lines are not capped: a project page's headings may come first.)
            if found[i].kind == "row":
                if per_file.get(found[i].path, 0) >= max(FILE_SHARE, k // 2):
                    held.append(i)
                    continue
                per_file[found[i].path] = per_file.get(found[i].path, 0) + 1
            best.append(i)
            if len(best) == k:
                break
        best = sorted(best + held[: k - len(best)], key=lambda i: (-fused[i], -vec_score.get(i, -1.0)))
        return [
            StatementHit(**found[i].model_dump(), score=fused[i], vector_score=vec_score.get(i), keyword_score=kw_score.get(i))
            for i in best
        ]

    def _keyword_ranking(self, query: str, n: int) -> list[tuple[str, float]]:
        """Statement BM25 of the question, its expansions weighing EXPANSION_WEIGHT of its own words.

        Expansions: the question's everyday words in the languages notes mix in ("passport" finds
        "Paszport: ...") and the last parts of its compounds. OR-ed into the question at full
        weight, every language's glosses added terms and an English question over English notes
        found its line lower (each language brings rare words, and rare words score high). FTS5
        weighs columns, not terms, so the two are searched apart and summed per statement
        (BM25 is a sum over the query's terms): the asked words' score plus a fraction of the
        expansions' score, over the statements either search finds. The asked words keep
        prefix matching (FTS_PREFIX, "allergic" ~ "allergies"); expansions match by EXPANSION_PREFIX."""
        asked = _TOKEN_WORD.findall(query.lower())
        extra = [w for w in dict.fromkeys(gloss.foreign_for(asked) + gloss.compound_parts(asked)) if w not in asked]
        own = self._ledger.keyword_search_statements(query, n, prefix=FTS_PREFIX)
        if not extra:
            return own
        expansions = " ".join(extra)
        more = self._ledger.keyword_search_statements(expansions, n, prefix=EXPANSION_PREFIX)
        if not more:
            return own
        ids = list(dict.fromkeys([i for i, _ in own] + [i for i, _ in more]))
        # Both scored over the union: a statement one search ranked past its first n keeps its score.
        own_score = dict(self._ledger.keyword_search_statements(query, len(ids), rowid_filter=ids, prefix=FTS_PREFIX))
        more_score = dict(self._ledger.keyword_search_statements(expansions, len(ids), rowid_filter=ids, prefix=EXPANSION_PREFIX))
        score = {i: own_score.get(i, 0.0) + EXPANSION_WEIGHT * more_score.get(i, 0.0) for i in ids}
        return sorted(score.items(), key=lambda kv: -kv[1])[:n]

    def iter_statements(self, paths: list[str] | None = None) -> Iterator[Statement]:
        """Every statement (or those of the given files / folders), file by file in file order."""
        if paths is not None:
            paths = [os.path.abspath(os.fspath(p)) for p in paths]
        return self._ledger.iter_statements(paths)

    def statements_mentioning(self, word: str, limit: int = 40) -> list[Statement]:
        """Statements that hold `word` as a word (full-text index, no vectors): every line that
        names "Sophie", wherever the question's other words would not retrieve it."""
        if not word or not word.strip():
            return []
        ids = [i for i, _ in self._ledger.keyword_search_statements(word, limit)]
        found = self._ledger.get_statements(ids)
        return [found[i] for i in ids if i in found]

    def lines_holding(self, word: str) -> int:
        """How many statements hold `word` (full-text index, stemmed: "weddings" counts "wedding")."""
        return self._ledger.lines_holding(word)

    def statements_with_word_starting(self, start: str, limit: int = 40) -> list[Statement]:
        """Statements with a word that begins with `start` (full-text index): "Santi" finds the
        lines that write "Santiago"."""
        if not re.fullmatch(r"[^\W\d_]{3,}", start or ""):
            return []
        ids = [i for i, _ in self._ledger.keyword_search_statements(start, limit * 4, starting=True)]
        found = self._ledger.get_statements(ids)
        begins = re.compile(rf"(?<!\w){re.escape(start)}", re.IGNORECASE)
        return [found[i] for i in ids if i in found and begins.search(found[i].text)][:limit]

    def statements_before(self, statement_id: str, n: int = 3) -> list[Statement]:
        """The `n` statements just before this one in its file ("She is a paramedic" needs the
        sentence that says who she is)."""
        return self._ledger.statements_before(statement_id, n)

    def statements_after(self, statement_id: str, n: int = 2) -> list[Statement]:
        """The `n` statements just after this one in its file ("Called Sardor. He moved to Seoul
        last month": the sentence after a name that goes on about them by pronoun)."""
        return self._ledger.statements_after(statement_id, n)

    def statements_at(self, path: str, line: int) -> list[Statement]:
        """The statements that cover `line` of `path` (1-based), for citing and quoting."""
        return self._ledger.statements_at(os.path.abspath(os.fspath(path)), int(line))

    def stats(self) -> MemoryStats:
        files, chunks = self._ledger.counts()
        recorded = self._ledger.get_meta("embedder")
        return MemoryStats(
            files=files,
            chunks=chunks,
            statements=self._ledger.statement_count(),
            embedder=recorded if (recorded and (files or chunks)) else self.embedder.name,
            store=self._store.describe if self._store is not None else (self._chroma_url or f"persistent:{self.data_dir / 'chroma'}"),
        )

    def close(self) -> None:
        with self._write_lock:
            self._ledger.close()
            self._store = None
            self._statement_store = None

    def __enter__(self) -> "Memory":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
