"""The typed records memory/ hands to the rest of anima."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class MemoryFailure(Exception):
    """A memory problem the user must fix (wrong embedder, missing model); the message says how."""


class IndexDamaged(MemoryFailure):
    """The ledger file is not a readable database. The notes are the source of truth, so the cure
    is always the same: move the file aside and rebuild the index from the notes."""

    def __init__(self, path, detail: str):
        self.path = str(path)
        super().__init__(f"the index ledger {path} is damaged ({detail}); `anima index --rebuild` moves it aside and rebuilds it from your notes")


class Chunk(BaseModel):
    id: str  # stable: derived from path and content hash, so re-indexing is idempotent
    path: str  # absolute path of the source file
    heading: list[str] = Field(default_factory=list)  # heading trail, outermost first
    start_line: int  # 1-based, inclusive
    end_line: int
    text: str
    hash: str  # sha256 of the chunk text


class Hit(Chunk):
    score: float  # fused reciprocal-rank score; higher is better
    vector_score: float | None = None  # cosine similarity, when the vector search found it
    keyword_score: float | None = None  # BM25, when the keyword search found it


class Statement(BaseModel):
    """One thing a note says, at its exact place: a prose sentence, a bullet, a table or CSV row,
    a "Key: value" line. Made by memory at index time (memory/statements.py), so readers and
    training never re-parse chunk text."""

    id: str  # stable: hash of path + text (moved lines keep their id)
    path: str  # absolute path
    line: int  # 1-based first line of the statement in the file
    end_line: int
    # Self-contained: bullets, "Key: value" lines and plain lines carry their heading as topic
    # ("Pets: Vet: Dr Alvarez"), table/CSV rows carry column names ("sister: Anja Hoffmann;
    # phone: +1 503 555 0142"). Prose sentences stay as written (markdown emphasis removed).
    text: str
    source: str  # the exact text as written in the file (for quoting); lines joined by "\n"
    kind: Literal["sentence", "bullet", "row", "kv", "line", "meta"]  # meta: about the note (its legend, its tags), no fact
    topic: list[str] = Field(default_factory=list)  # heading trail, outermost first
    fields: dict[str, str] = Field(default_factory=dict)  # table/CSV row or "Key: value": column/key -> value
    chunk_id: str = ""  # the chunk (memory.types.Chunk) whose line range holds this statement
    # The day its page says it was last changed ("2026-03-15": front matter's `lastmod`/`updated`, a
    # tiddler's `modified`, a Joplin note's updated time); "" when the page does not say. A line
    # with no date of its own is as old as its page, so a newer page's version of a fact wins.
    written: str = ""


class StatementHit(Statement):
    score: float  # fused, higher is better
    vector_score: float | None = None  # cosine similarity of the statement to the query
    keyword_score: float | None = None  # BM25 of the statement, when the keyword search found it


class SkippedFile(BaseModel):
    path: str
    reason: str


class FileWarning(BaseModel):
    """A file that was indexed, but not perfectly (e.g. invalid UTF-8 replaced)."""

    path: str
    message: str


class IndexReport(BaseModel):
    files_seen: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    chunks_embedded: int = 0
    chunks_deleted: int = 0
    chunks_total: int = 0
    statements_embedded: int = 0
    statements_total: int = 0
    skipped: list[SkippedFile] = Field(default_factory=list)
    warnings: list[FileWarning] = Field(default_factory=list)
    seconds: float = 0.0


class MemoryStats(BaseModel):
    files: int
    chunks: int
    statements: int = 0
    embedder: str
    store: str  # "persistent:<dir>" or the chroma server URL


class Audit(BaseModel):
    """Ledger vs vector store vs disk, as found (nothing repaired). `ok` means all three agree."""

    orphan_vectors: int = 0  # ids in the vector store that the ledger does not know
    missing_vectors: int = 0  # ledger chunks without a vector
    orphan_statement_vectors: int = 0  # the same for the statement vectors
    missing_statement_vectors: int = 0
    stale_files: list[str] = Field(default_factory=list)  # content on disk differs from the ledger
    missing_files: list[str] = Field(default_factory=list)  # in the ledger, gone from disk
    new_files: list[str] = Field(default_factory=list)  # on disk, indexable, not in the ledger

    @property
    def ok(self) -> bool:
        return not (
            self.orphan_vectors or self.missing_vectors or self.orphan_statement_vectors
            or self.missing_statement_vectors or self.stale_files or self.missing_files or self.new_files
        )
