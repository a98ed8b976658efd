"""The typed records memory/ hands to the rest of anima."""
from __future__ import annotations

from pydantic import BaseModel, Field


class MemoryFailure(Exception):
    """A memory problem the user must fix (wrong embedder, missing model); the message says how."""


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


class SkippedFile(BaseModel):
    path: str
    reason: str


class IndexReport(BaseModel):
    files_seen: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    chunks_embedded: int = 0
    chunks_deleted: int = 0
    chunks_total: int = 0
    skipped: list[SkippedFile] = Field(default_factory=list)
    seconds: float = 0.0


class MemoryStats(BaseModel):
    files: int
    chunks: int
    embedder: str
    store: str  # "persistent:<dir>" or the chroma server URL
